"""The news figures of the yearly report (content.REPORT) and the filtered lists they link to."""

import datetime

import pytest
from django.utils import translation

from relacions.core.demo import load_demo_content
from relacions.news.content import content
from relacions.news.models import NewsItem
from tests.factories import EventFactory, ForumFactory, NetworkFactory, NewsItemFactory
from tests.helpers import ReportSection
from tests.helpers import listed as listed_cards

pytestmark = pytest.mark.django_db

SECTION = ReportSection(content)
INDICATORS = SECTION.indicators
figures = SECTION.figures
NOW = datetime.datetime.now(datetime.UTC)


def listed(client, url: str) -> set[str]:
    return listed_cards(client, url, card="news-card__title")


# The demo's figures of 2025 (the demo loaded on 15 June 2026), counted by hand from the demo
# files; tests/reports checks the demo's published report against them too.
DEMO_2025 = {
    # news/demo.yaml: the annual report on the networks (2025-01-30), Europe Day (2025-05-09),
    # and last year's three examples: Ghent's Culture Forum, the city brand in Lisbon, the
    # new work plan with EUROCITIES.
    "news.published": 5,
    # The annual report (UCLG), Ghent (the Culture Forum), the work plan (EUROCITIES).
    "news.networks": 3,
    # Ghent (the Culture Forum's autumn meeting) and Lisbon (the City Branding meeting).
    "news.events": 2,
}


def test_the_demo_report_of_last_year_counted_by_hand():
    load_demo_content(today=datetime.date(2026, 6, 15))
    assert figures(2025) == DEMO_2025


@pytest.mark.parametrize(
    "fields",
    [
        {"status": NewsItem.Status.DRAFT},
        {"publish_at": NOW + datetime.timedelta(days=1)},
        {"unpublish_at": NOW - datetime.timedelta(minutes=1)},
    ],
    ids=["draft", "scheduled", "expired"],
)
def test_unpublished_items_do_not_count(fields):
    item = NewsItemFactory(published_on=datetime.date(2024, 5, 6), **fields)
    item.networks.add(NetworkFactory())
    item.events.add(EventFactory())
    assert set(figures(2024).values()) == {0}


def test_links_to_hidden_networks_forums_and_events_do_not_count():
    hidden = NetworkFactory(status=NewsItem.Status.DRAFT)
    item = NewsItemFactory(published_on=datetime.date(2024, 5, 6))
    item.networks.add(hidden)
    item.forums.add(ForumFactory(network=hidden), ForumFactory(status=NewsItem.Status.DRAFT))
    item.events.add(EventFactory(status=NewsItem.Status.DRAFT))
    assert figures(2024) == {"news.published": 1, "news.networks": 0, "news.events": 0}


def test_the_year_is_the_items_date():
    for day in (
        datetime.date(2024, 12, 31),
        datetime.date(2025, 1, 1),
        datetime.date(2025, 12, 31),
    ):
        NewsItemFactory(published_on=day)
    NewsItemFactory(published_on=datetime.date(2026, 1, 1))
    assert figures(2024)["news.published"] == 1
    assert figures(2025)["news.published"] == 2


def test_an_item_linked_twice_counts_once():
    network = NetworkFactory()
    item = NewsItemFactory(published_on=datetime.date(2024, 5, 6))
    item.networks.add(network, NetworkFactory())
    item.forums.add(ForumFactory(network=network))
    item.events.add(EventFactory(), EventFactory())
    assert figures(2024) == {"news.published": 1, "news.networks": 1, "news.events": 1}


@pytest.mark.parametrize("language", ["ca", "es", "en"])
def test_each_figure_links_to_the_list_showing_exactly_its_items(client, language):
    network, event = NetworkFactory(), EventFactory()
    items = [NewsItemFactory(published_on=datetime.date(2024, 3, day)) for day in range(1, 7)]
    items[0].networks.add(network)
    items[1].forums.add(ForumFactory(network=network))
    items[2].events.add(event)
    items[3].networks.add(network)
    items[3].events.add(event)
    items[4].networks.add(NetworkFactory(status=NewsItem.Status.DRAFT))
    NewsItemFactory(published_on=datetime.date(2023, 3, 1)).networks.add(network)
    NewsItemFactory(published_on=datetime.date(2024, 3, 9), status=NewsItem.Status.DRAFT)

    with translation.override(language):
        for key, indicator in INDICATORS.items():
            expected = {item.get_absolute_url() for item in indicator.records(2024)}
            url = indicator.url(2024)
            assert url.startswith(f"/{language}/"), url
            assert listed(client, url) == expected, key
            assert len(expected) == indicator.value(2024), key
    assert figures(2024) == {"news.published": 6, "news.networks": 3, "news.events": 2}


def test_the_about_filter_is_in_the_form_and_refuses_unknown_values(client):
    NewsItemFactory(published_on=datetime.date(2024, 3, 1))
    with translation.override("en"):
        url = INDICATORS["news.events"].url(2024)
    html = client.get(url).content.decode()
    assert '<label for="id_about">About</label>' in html
    assert '<option value="events" selected>Events</option>' in html
    response = client.get(url.replace("about=events", "about=places"))
    assert response.status_code == 404
    assert "This filter has no option “places”." in response.content.decode()
