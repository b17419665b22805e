"""The networks' fragments (networks.fragments): from the cache while nothing they show changed,
never after; each directory filter has its own cards; no confidential value in any."""

import datetime
import re
import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from relacions.networks.models import Membership, Network
from tests.factories import (
    ChallengeAreaFactory,
    EventFactory,
    ForumFactory,
    MembershipFactory,
    MembershipFeeFactory,
    NetworkFactory,
    NewsItemFactory,
    PositionFactory,
    WorkingGroupFactory,
)
from tests.helpers import sleep_past, visit

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fragment_cache", "site_settings")]

D = datetime.date


def address(obj=None, query: str = "") -> str:
    with translation.override("ca"):
        return (obj.get_absolute_url() if obj else reverse("networks:list")) + query


def test_pages_read_their_fragments_from_the_cache(client, fragment_renders):
    network = NetworkFactory()
    MembershipFactory(network=network)
    forum = ForumFactory(network=network)
    WorkingGroupFactory(network=network, forums=[forum])
    ChallengeAreaFactory(forum=forum)
    for page in (address(), address(network), address(forum)):
        first = visit(client, page)[0]
        rendered = sum(fragment_renders.values())
        assert visit(client, page)[0] == first
        assert sum(fragment_renders.values()) == rendered  # none rendered again
    assert set(fragment_renders) == {
        "networks/_network_card.html",
        "networks/_network_body.html",
        "networks/_network_forums.html",
        "networks/_working_group.html",
        "networks/_challenge_area.html",
        "networks/_related_content.html",
    }


def test_a_network_s_and_a_forum_s_pages_read_every_stamp_with_their_own_queries(client):
    """The working groups and challenge areas come with their fragments' stamps (views.py): no
    query of stamps alone; and once they are kept (views.py, `kept_for`), the page is its
    lookup."""
    network = NetworkFactory()
    forum = ForumFactory(network=network)
    WorkingGroupFactory(network=network, forums=[forum])
    ChallengeAreaFactory(forum=forum)
    PositionFactory(network=None, forum=forum, title_ca="Vicepresidència del fòrum")
    for page in (address(network), address(forum)):
        with CaptureQueriesContext(connection) as queries:
            first = visit(client, page)[0]
        sent = [query["sql"] for query in queries.captured_queries]
        assert not [sql for sql in sent if "SELECT concat(" in sql], page  # a stamps query
        assert "Vicepresidència del fòrum" in first
        with CaptureQueriesContext(connection) as queries:
            again = client.get(page).content.decode()
        assert len(queries.captured_queries) == 1, page
        assert re.sub(r'nonce="[^"]*"', "", again) == re.sub(r'nonce="[^"]*"', "", first)


@pytest.mark.parametrize("page", ["network", "forum"])
def test_the_positions_kept_with_a_page_change_with_the_content_and_the_moment(client, page):
    """A network's and a forum's positions are kept with their page's working groups: a new
    position, a changed one and a deleted one show at once, in each language; a position in a
    forum waiting for its publication shows on the network's page when the forum is published."""
    network = NetworkFactory()
    forum = ForumFactory(network=network)
    group = WorkingGroupFactory(network=network, forums=[forum])
    obj = network if page == "network" else forum
    assert "Presidència del grup" not in visit(client, address(obj))[0]
    position = PositionFactory(network=None, working_group=group, title_ca="Presidència del grup",
                               title_es="Presidencia del grupo")  # fmt: skip
    assert "Presidència del grup" in visit(client, address(obj))[0]
    with translation.override("es"):
        spanish = obj.get_absolute_url()
    assert "Presidencia del grupo" in visit(client, spanish)[0]
    position.holder = "Regidora de Relacions Internacionals"
    position.save()
    assert "Regidora de Relacions Internacionals" in visit(client, address(obj))[0]
    position.delete()
    assert "Presidència del grup" not in visit(client, address(obj))[0]
    if page == "network":
        publish_at = timezone.now() + datetime.timedelta(seconds=2)
        later = ForumFactory(network=network, publish_at=publish_at)
        PositionFactory(network=None, forum=later, title_ca="Coordinació del fòrum nou")
        assert "Coordinació del fòrum nou" not in visit(client, address(network))[0]
        sleep_past(publish_at)
        assert "Coordinació del fòrum nou" in visit(client, address(network))[0]


def test_each_directory_filter_has_its_own_cards(client):
    network = NetworkFactory()
    MembershipFactory(network=network, member_entity="Entitat A", since=D(2010, 3, 1),
                      until=D(2012, 6, 30), status=Membership.Status.ENDED)  # fmt: skip
    MembershipFactory(network=network, member_entity="Entitat B", since=D(2012, 7, 1))
    plain = visit(client, address())[0]
    in_2011 = visit(client, address(query="?year=2011"))[0]
    in_2012 = visit(client, address(query="?year=2012"))[0]
    started = visit(client, address(query="?year=2012&membership=started"))[0]
    ended = visit(client, address(query="?year=2012&membership=ended"))[0]
    assert "year-membership" not in plain
    assert "Entitat A" in in_2011 and "Entitat B" not in in_2011
    assert "Entitat A" in in_2012 and "Entitat B" in in_2012
    assert "Entitat B" in started and "Entitat A" not in started
    assert "Entitat A" in ended and "Entitat B" not in ended
    # Again, from the cache: the same.
    assert visit(client, address(query="?year=2011"))[0] == in_2011
    assert visit(client, address(query="?year=2012&membership=started"))[0] == started


@pytest.mark.parametrize("year", range(2008, 2015))
@pytest.mark.parametrize("change", [None, "started", "ended"])
def test_the_cards_year_memberships_are_those_the_directory_selects(year, change):
    network = NetworkFactory()
    MembershipFactory(network=network, since=None, until=D(2009, 12, 31),
                      status=Membership.Status.ENDED)  # fmt: skip
    MembershipFactory(network=network, since=D(2010, 1, 1), until=D(2011, 12, 31),
                      status=Membership.Status.ENDED)  # fmt: skip
    MembershipFactory(network=network, since=D(2012, 1, 1), member_entity="Other")
    MembershipFactory(network=network, since=D(2013, 1, 1), status=Membership.Status.APPLYING)
    listed = Network.objects.for_listing().get(pk=network.pk)
    expected = list(Membership.objects.of_year(year, change).for_timeline())
    assert listed.year_memberships(year, change) == expected


def test_a_membership_changed_shows_at_once_and_no_fee_ever(client):
    network = NetworkFactory()
    membership = MembershipFactory(network=network, member_entity="Ajuntament",
                                   internal_contact="Contacte intern",
                                   notes="Nota confidencial")  # fmt: skip
    MembershipFeeFactory(membership=membership, year=2024, amount="98765.43")
    pages = (address(), address(query="?year=2024"), address(network))
    for page in pages:
        body = visit(client, page)[0]
        assert "Ajuntament" in body
        for secret in ("98765", "98.765", "Contacte intern", "Nota confidencial"):
            assert secret not in body
    membership.member_entity = "Consell Comarcal"
    membership.save()
    assert "Consell Comarcal" in visit(client, address(network))[0]
    assert "Consell Comarcal" in visit(client, address(query="?year=2024"))[0]


def test_forums_groups_and_areas_changes_show_at_once(client):
    network = NetworkFactory()
    forum = ForumFactory(network=network, name_ca="Fòrum primer")
    other = ForumFactory(network=network, name_ca="Fòrum segon")
    group = WorkingGroupFactory(network=network, name_ca="Grup u", forums=[forum])
    area = ChallengeAreaFactory(forum=forum, name_ca="Repte u")
    assert "Fòrum primer" in visit(client, address(network))[0]
    visit(client, address(forum))
    # A group linked to one more forum (no save of the group): its fragment's stamp changes.
    group.forums.add(other)
    body = visit(client, address(network))[0]
    assert body.count("Fòrum segon") == 2  # the forums' list and the group's
    other.status = other.Status.DRAFT
    other.save()
    assert "Fòrum segon" not in visit(client, address(network))[0]
    event = EventFactory(title_ca="Trobada del repte")
    event.challenge_areas.add(area)
    assert "Trobada del repte" in visit(client, address(forum))[0]
    area.name_ca = "Repte renomenat"
    area.save()
    assert "Repte renomenat" in visit(client, address(forum))[0]
    forum.name_ca = "Fòrum reanomenat"
    forum.save()
    assert "Fòrum reanomenat" in visit(client, address(network))[0]


# --- A network's or a forum's related news and upcoming events (networks.related) -------------


def related(body: str, heading: str) -> list[str]:
    """The titles listed under `heading` ("Notícies relacionades", "Properes activitats")."""
    if heading not in body:
        return []
    section = body[body.index(heading) :].split("</section>")[0]
    return re.findall(r'<a href="[^"]+"[^>]*>([^<]+)</a>', section)


NEWS, EVENTS = "Notícies relacionades", "Properes activitats"


@pytest.mark.parametrize("page", ["network", "forum"])
def test_the_related_news_are_the_five_newest_whatever_changes(client, page):
    network = NetworkFactory()
    forum = ForumFactory(network=network)
    obj = network if page == "network" else forum
    items = [
        NewsItemFactory(title_ca=f"Notícia {n}", published_on=D(2024, 1, 1 + n)) for n in range(6)
    ]
    for item in items:
        item.networks.add(network)
        item.forums.add(forum)
    assert related(visit(client, address(obj))[0], NEWS) == [
        f"Notícia {n}" for n in (5, 4, 3, 2, 1)
    ]
    newest = NewsItemFactory(title_ca="Notícia nova", published_on=D(2024, 2, 1))
    newest.networks.add(network)
    newest.forums.add(forum)
    shown = related(visit(client, address(obj))[0], NEWS)
    assert shown == ["Notícia nova", "Notícia 5", "Notícia 4", "Notícia 3", "Notícia 2"]
    items[5].title_ca = "Notícia 5 reescrita"
    items[5].save()
    newest.status = "draft"
    newest.save()
    shown = related(visit(client, address(obj))[0], NEWS)
    assert shown == ["Notícia 5 reescrita", "Notícia 4", "Notícia 3", "Notícia 2", "Notícia 1"]
    items[4].networks.remove(network)
    items[4].forums.remove(forum)
    shown = related(visit(client, address(obj))[0], NEWS)
    assert shown == ["Notícia 5 reescrita", "Notícia 3", "Notícia 2", "Notícia 1", "Notícia 0"]


def test_an_event_leaves_the_upcoming_events_when_it_ends(client):
    """No save: the moment alone gives the fragment a new stamp. A real wait of two seconds."""
    network = NetworkFactory()
    ends_at = timezone.now() + datetime.timedelta(seconds=2)
    ending = EventFactory(title_ca="Reunió que acaba", start=ends_at - datetime.timedelta(hours=1),
                          end=ends_at)  # fmt: skip
    later = EventFactory(title_ca="Reunió posterior")
    for event in (ending, later):
        event.networks.add(network)
    assert related(visit(client, address(network))[0], EVENTS) == [
        "Reunió que acaba",
        "Reunió posterior",
    ]
    while timezone.now() < ends_at + datetime.timedelta(milliseconds=50):
        time.sleep(0.05)
    assert related(visit(client, address(network))[0], EVENTS) == ["Reunió posterior"]
