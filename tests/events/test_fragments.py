"""The agenda's rendered fragments (events.fragments): an event's card and its page's body, served
from the cache while nothing they show changed, never after — nor after the clock changed what
they say (an event that ends, a registration that closes).

Every test runs with whole pages not cached (`fragment_cache`), so each request is rendered, from
the fragments it finds.
"""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from relacions.events.models import Event
from relacions.operations.pagecache import fragments
from relacions.workflow.preview import preview_url
from tests.factories import (
    ChallengeAreaFactory,
    EventFactory,
    ForumFactory,
    NetworkFactory,
    ObjectiveFactory,
    WorkingGroupFactory,
)
from tests.factories.places import PlaceFactory
from tests.helpers import signed_in_client

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fragment_cache")]

CARD = "events/_card.html"
DETAIL = "events/_detail.html"
DRAFT = Event.Status.DRAFT


def address(obj_or_name, language: str = "ca", *args) -> str:
    with translation.override(language):
        if isinstance(obj_or_name, str):
            return reverse(obj_or_name, args=args)
        return obj_or_name.get_absolute_url()


def month_of(event) -> str:
    start = event.local_start
    return address("events:month", "ca", start.year, start.month)


def visit(client, where: str) -> tuple[str, int, list[str]]:
    """(the page's HTML, the number of queries it made, the templates rendered for it). The CSP
    nonce, new for each response, is left out."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(where)
    assert response.status_code == 200
    html = re.sub(r'nonce="[^"]*"', "", response.content.decode())
    return html, len(queries), [template.name for template in response.templates]


def wait_until(moment: datetime.datetime) -> None:
    while timezone.now() < moment + datetime.timedelta(milliseconds=50):
        pass


def test_the_agenda_the_month_and_the_home_page_read_their_cards_from_the_cache(client):
    events = EventFactory.create_batch(3)
    # The home page's cards have the month's heading level: the same fragments.
    for page, heading, rendered_first in (
        (address("events:list"), "h2", 3),
        (month_of(events[0]), "h3", 3),
        ("/ca/", "h3", 0),
    ):
        first, _, rendered = visit(client, page)
        assert rendered.count(CARD) == rendered_first
        again, _, rendered = visit(client, page)
        assert again == first and CARD not in rendered
        assert first.count(f'<{heading} class="event-card__title"') == 3
    events[0].title_ca = "Títol nou"
    events[0].save()
    changed, _, rendered = visit(client, address("events:list"))
    assert "Títol nou" in changed and rendered.count(CARD) == 1


def test_an_event_page_reads_its_body_from_the_cache(client):
    event = EventFactory(body_en="<p>Body of the meeting</p>")
    event.networks.add(NetworkFactory())
    first, first_queries, _ = visit(client, address(event, "en"))
    again, again_queries, rendered = visit(client, address(event, "en"))
    assert again == first and "Body of the meeting" in again and "Add to calendar" in again
    assert DETAIL not in rendered
    # Its forum, networks, challenge areas and objectives; the chrome's three (kept since the
    # first).
    assert again_queries == first_queries - 4 - 3


def test_an_event_changed_shows_at_once_on_its_page_and_card(client, image):
    place = PlaceFactory(name_ca="Leeds")
    event = EventFactory(location=place, image=image, body_ca="<p>Primer cos</p>")
    pages = (address(event), address("events:list"))
    for page in pages:
        assert "Leeds" in visit(client, page)[0]
    event.body_ca = "<p>Segon cos</p>"
    event.event_status = Event.EventStatus.POSTPONED
    event.save()
    body = visit(client, address(event))[0]
    assert "Segon cos" in body and "Primer cos" not in body
    assert "event-card--postponed" in visit(client, address("events:list"))[0]
    # The place and the image, joined by the page's query.
    place.name_ca = "Leeds (Yorkshire)"
    place.save()
    image.alt_text_ca = "Una altra descripció"
    image.save()
    for page in pages:
        body = visit(client, page)[0]
        assert "Leeds (Yorkshire)" in body and "Una altra descripció" in body


def test_a_related_object_changed_renamed_or_unpublished_shows_at_once(client):
    network = NetworkFactory(name_ca="Xarxa d'abans")
    forum = ForumFactory(name_ca="Fòrum de cultura")
    area = ChallengeAreaFactory(forum=forum, name_ca="Cultura i ciutat")
    objective = ObjectiveFactory(title_ca="Ciutat oberta")
    event = EventFactory(forum=forum)
    event.networks.add(network)
    event.challenge_areas.add(area)
    event.objectives.add(objective)
    page = address(event)
    body = visit(client, page)[0]
    for text in ("Xarxa d&#x27;abans", "Fòrum de cultura", "Cultura i ciutat", "Ciutat oberta"):
        assert text in body
    network.name_ca = "Xarxa d'ara"
    network.save()
    forum.name_ca = "Fòrum de cultures"
    forum.save()
    area.name_ca = "Cultura i barris"
    area.save()
    objective.title_ca = "Ciutat oberta i verda"
    objective.save()
    body = visit(client, page)[0]
    for text in (
        "Xarxa d&#x27;ara",
        "Fòrum de cultures",
        "Cultura i barris",
        "Ciutat oberta i verda",
    ):
        assert text in body
    assert "abans" not in body
    # A forum's address names its network: a new slug of the network gives the forum a new link.
    forum.network.slug_ca = "xarxa-del-forum-nova"
    forum.network.save()
    assert "/xarxa-del-forum-nova/" in visit(client, page)[0]
    # A link removed, a link added.
    event.networks.remove(network)
    event.networks.add(NetworkFactory(name_ca="Una altra xarxa"))
    body = visit(client, page)[0]
    assert "Una altra xarxa" in body and "Xarxa d&#x27;ara" not in body
    # The objective's plan unpublished: no objective; the forum unpublished: no forum, and none
    # of its challenges.
    objective.axis.plan.status = DRAFT
    objective.axis.plan.save()
    assert "Ciutat oberta i verda" not in visit(client, page)[0]
    forum.status = DRAFT
    forum.save()
    body = visit(client, page)[0]
    assert "Fòrum de cultures" not in body and "Cultura i barris" not in body


def test_a_working_group_renamed_shows_at_once(client):
    group = WorkingGroupFactory(name_ca="Grup de mobilitat")
    event = EventFactory(working_group=group)
    assert "Grup de mobilitat" in visit(client, address(event))[0]
    group.name_ca = "Grup de mobilitat urbana"
    group.save()
    assert "Grup de mobilitat urbana" in visit(client, address(event))[0]


def test_a_related_object_leaves_when_its_unpublish_at_passes(client):
    leaves_at = timezone.now() + datetime.timedelta(seconds=2)
    network = NetworkFactory(name_ca="Xarxa que marxa", unpublish_at=leaves_at)
    forum = ForumFactory(name_ca="Fòrum que marxa", unpublish_at=leaves_at)
    area = ChallengeAreaFactory(forum=forum, name_ca="Repte que marxa")
    event = EventFactory(forum=forum)
    event.networks.add(network)
    event.challenge_areas.add(area)
    body = visit(client, address(event))[0]
    assert "Xarxa que marxa" in body and "Fòrum que marxa" in body and "Repte que marxa" in body
    wait_until(leaves_at)
    # No save: the moment alone changes what the public may see, and so the stamp.
    body = visit(client, address(event))[0]
    assert "marxa" not in body


def test_each_language_and_its_fallback_has_its_own_fragment(client):
    event = EventFactory(title_ca="Títol en català", title_es="", summary_es="", body_es="")
    catalan = visit(client, address(event, "ca"))[0]
    for page in (address(event, "es"), address("events:list", "es")):
        spanish = visit(client, page)[0]
        assert "Títol en català" in spanish and 'lang="ca"' in spanish  # the fallback, marked
    assert visit(client, address(event, "ca"))[0] == catalan
    event.title_es = "Título en castellano"
    event.body_es = "<p>Cuerpo del evento</p>"
    event.save()
    spanish = visit(client, address(event, "es"))[0]
    assert "Cuerpo del evento" in spanish
    assert "Título en castellano" in visit(client, address("events:list", "es"))[0]


def test_an_event_that_ends_shows_its_outcomes_at_once(client):
    ends_at = timezone.now() + datetime.timedelta(seconds=2)
    event = EventFactory(
        start=timezone.now() - datetime.timedelta(hours=1),
        end=ends_at,
        format=Event.Format.ONLINE,
        online_url="https://example.org/live",
        registration_url="https://example.org/register",
        outcomes_ca="<p>Els acords de la trobada</p>",
    )
    for _ in range(2):
        body = visit(client, address(event, "en"))[0]
        assert "Follow the event online" in body and ">Register<" in body
        assert "Els acords" not in body
    wait_until(ends_at)
    body = visit(client, address(event, "en"))[0]
    assert "Els acords de la trobada" in body
    assert "Follow the event online" not in body and "Registration" not in body


def test_a_registration_that_closes_shows_at_once(client):
    closes_at = timezone.now() + datetime.timedelta(seconds=2)
    event = EventFactory(
        registration_url="https://example.org/register", registration_deadline=closes_at
    )
    for _ in range(2):
        assert ">Register<" in visit(client, address(event, "en"))[0]
    wait_until(closes_at)
    body = visit(client, address(event, "en"))[0]
    assert "Registration is closed." in body and ">Register<" not in body


def test_a_draft_seen_through_its_preview_link_is_not_kept(client, editor):
    draft = EventFactory(status=DRAFT, body_en="<p>Draft body</p>")
    staff = signed_in_client(editor)
    text = staff.get(preview_url(draft, "en")).text
    # The calendar file is for published events: the preview has no link to it.
    assert "Draft body" in text and "Add to calendar" not in text
    assert not [key for key in fragments.cache_backend()._cache if "events.detail" in key]
