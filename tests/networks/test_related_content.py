"""News and upcoming events on network and forum pages, read through the reverse relations those
apps declare (networks never imports them). Skipped while those apps are not installed."""

import re

import pytest
from django.utils import translation

from relacions.networks.models import Forum, Network
from relacions.networks.querysets import RELATED_LIMIT
from tests.factories.networks import ForumFactory, NetworkFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site_settings")]


def accessors(model) -> set[str]:
    return {rel.get_accessor_name() for rel in model._meta.related_objects}


needs_news = pytest.mark.skipif(
    "news_items" not in accessors(Network), reason="news app not installed"
)
needs_events = pytest.mark.skipif(
    "events" not in accessors(Network), reason="events app not installed"
)


def page(client, obj) -> str:
    with translation.override("en"):
        url = obj.get_absolute_url()
    response = client.get(url)
    assert response.status_code == 200
    body = response.content.decode()
    return body[body.index("<main") : body.index("</main>")]


@needs_news
def test_network_and_forum_pages_show_their_published_news(client):
    from tests.factories.news import NewsItemFactory

    network = NetworkFactory()
    forum = ForumFactory(network=network)
    shown = NewsItemFactory(title_en="Culture Forum in Leeds")
    shown.networks.add(network)
    shown.forums.add(forum)
    draft = NewsItemFactory(title_en="Draft news", status="draft")
    draft.networks.add(network)
    draft.forums.add(forum)
    NewsItemFactory(title_en="Unrelated news")

    for obj in (network, forum):
        main = page(client, obj)
        assert "Related news" in main
        assert "Culture Forum in Leeds" in main
        assert "Draft news" not in main and "Unrelated news" not in main


@needs_events
def test_network_and_forum_pages_show_upcoming_events_only(client):
    from tests.factories.events import EventFactory, PastEventFactory

    network = NetworkFactory()
    forum = ForumFactory(network=network)
    upcoming = EventFactory(title_en="Upcoming forum meeting", forum=forum)
    upcoming.networks.add(network)
    past = PastEventFactory(title_en="Past forum meeting", forum=forum)
    past.networks.add(network)
    draft = EventFactory(title_en="Draft meeting", forum=forum, status="draft")
    draft.networks.add(network)

    for obj in (network, forum):
        main = page(client, obj)
        assert "Upcoming events" in main
        assert "Upcoming forum meeting" in main
        assert "Past forum meeting" not in main and "Draft meeting" not in main


@needs_news
@needs_events
@pytest.mark.parametrize("count", [1, 50])
def test_related_content_keeps_query_counts_constant(client, django_assert_max_num_queries, count):
    from tests.factories.events import EventFactory
    from tests.factories.news import NewsItemFactory

    network = NetworkFactory()
    forum = ForumFactory(network=network)
    for _ in range(count):
        item = NewsItemFactory()
        item.networks.add(network)
        item.forums.add(forum)
        event = EventFactory(forum=forum)
        event.networks.add(network)

    with translation.override("ca"):
        network_url, forum_url = network.get_absolute_url(), forum.get_absolute_url()
    # One more than before fragments each: a network's working groups' forums, a forum's
    # challenge areas' events, fetched for the fragments rendered.
    with django_assert_max_num_queries(9):
        network_page = client.get(network_url).content.decode()
    with django_assert_max_num_queries(8):
        forum_page = client.get(forum_url).content.decode()
    for body in (network_page, forum_page):
        lists = re.findall(r'<ul class="related-content__list">(.*?)</ul>', body, re.S)
        assert [item_list.count("<li>") for item_list in lists] == [min(count, RELATED_LIMIT)] * 2


def test_forum_pages_work_without_related_content(client):
    forum = ForumFactory()
    assert isinstance(forum, Forum)
    main = page(client, forum)
    assert "Related news" not in main and "Upcoming events" not in main


@needs_events
@pytest.mark.parametrize("count", [1, 20])
def test_each_challenge_area_shows_its_description_and_the_events_tied_to_it(
    client, django_assert_max_num_queries, count
):
    from tests.factories.events import EventFactory, PastEventFactory
    from tests.factories.networks import ChallengeAreaFactory

    forum = ForumFactory()
    areas = [
        ChallengeAreaFactory(
            forum=forum, order=n, name_en=f"Challenge {n}", description_en=f"About {n}."
        )
        for n in range(count)
    ]
    past = PastEventFactory(title_en="Culture Forum in Leeds")
    past.challenge_areas.add(*areas)
    EventFactory(title_en="Online session", status="draft").challenge_areas.add(areas[0])
    EventFactory(title_en="Unrelated meeting")

    with translation.override("en"):
        url = forum.get_absolute_url()
    with django_assert_max_num_queries(9):
        response = client.get(url)
    main = response.content.decode()
    blocks = re.findall(
        r'<li class="challenge-area">(.*?)</li>\s*(?=<li class="challenge|</ol>)', main, re.S
    )
    assert len(blocks) == count
    for n, block in enumerate(blocks):
        assert f"Challenge {n}" in block and f"About {n}." in block
        # The past event tied to every area is listed under each (not only upcoming ones).
        assert "Culture Forum in Leeds" in block
    assert "Online session" not in main and "Unrelated meeting" not in main
