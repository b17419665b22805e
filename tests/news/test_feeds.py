import calendar
import datetime

import feedparser
import pytest
from django.urls import reverse
from django.utils import timezone, translation

from tests.factories.news import NewsItemFactory

from .conftest import LANGUAGES, make_network
from .test_views import TRANSLATIONS_COMPILED

pytestmark = pytest.mark.django_db

FEEDS = {"news:rss": "application/rss+xml", "news:atom": "application/atom+xml"}


def fetch(client, name: str, language: str):
    with translation.override(language):
        path = reverse(name)
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"].startswith(FEEDS[name])
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.bozo_exception
    return parsed


@pytest.mark.parametrize("name", FEEDS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_one_feed_per_language_with_that_languages_text(client, name, language):
    items = NewsItemFactory.create_batch(3)
    feed = fetch(client, name, language)

    assert feed.feed.language == language
    with translation.override(language):
        assert feed.feed.link == "http://testserver" + reverse("news:list")
    assert [entry.title for entry in feed.entries] == [
        getattr(item, f"title_{language}") for item in reversed(items)
    ]
    assert [entry.summary for entry in feed.entries] == [
        getattr(item, f"summary_{language}") for item in reversed(items)
    ]


@pytest.mark.parametrize("name", FEEDS)
def test_every_entry_is_dated_linked_absolutely_and_uniquely_identified(client, name):
    items = NewsItemFactory.create_batch(5)
    ids = set()
    for language in LANGUAGES:
        feed = fetch(client, name, language)
        assert len(feed.entries) == 5
        for entry, item in zip(feed.entries, reversed(items), strict=True):
            with translation.override(language):
                assert entry.link == "http://testserver" + item.get_absolute_url()
            assert entry.published_parsed is not None
            # The article's date, at midnight in Terrassa (feedparser gives UTC).
            midnight = timezone.make_aware(
                datetime.datetime.combine(item.published_on, datetime.time())
            )
            assert calendar.timegm(entry.published_parsed) == midnight.timestamp()
            if name == "news:atom":  # RSS 2.0 has no element for it
                assert calendar.timegm(entry.updated_parsed) == int(item.updated_at.timestamp())
            assert entry.id.startswith("tag:terrassa.cat,2025:")
            ids.add(entry.id)
    assert len(ids) == 5 * len(LANGUAGES)


def test_guids_do_not_change_when_an_item_is_edited(client):
    item = NewsItemFactory()
    before = fetch(client, "news:rss", "en").entries[0].id
    item.title_en, item.slug_en = "Renamed", "renamed"
    item.published_on = datetime.date(2001, 1, 1)
    item.save()
    after = fetch(client, "news:rss", "en").entries[0]
    assert after.title == "Renamed"
    assert after.id == before


def test_feeds_hold_only_published_items(client, hidden_items):
    live = NewsItemFactory()
    for name in FEEDS:
        for language in LANGUAGES:
            entries = fetch(client, name, language).entries
            assert [entry.title for entry in entries] == [getattr(live, f"title_{language}")]


def test_entries_name_their_public_networks(client):
    item = NewsItemFactory()
    item.networks.add(make_network(1), make_network(2, status="draft"))
    entry = fetch(client, "news:atom", "en").entries[0]
    assert [tag.term for tag in entry.tags] == ["Network 1 en"]


def test_the_feed_holds_the_twenty_newest_items(client):
    items = NewsItemFactory.create_batch(25)
    entries = fetch(client, "news:rss", "ca").entries
    assert [entry.title for entry in entries] == [item.title_ca for item in reversed(items)][:20]


@pytest.mark.skipif(not TRANSLATIONS_COMPILED, reason="the .po files are compiled at the end")
def test_feed_titles_are_translated(client):
    titles = {language: fetch(client, "news:rss", language).feed.title for language in LANGUAGES}
    assert len(set(titles.values())) == 3


@pytest.mark.parametrize("name", FEEDS)
@pytest.mark.parametrize("count", [1, 50])
def test_feed_queries_do_not_grow_with_content(client, django_assert_max_num_queries, name, count):
    network = make_network(1)
    for item in NewsItemFactory.create_batch(count):
        item.networks.add(network)
    with django_assert_max_num_queries(2):
        fetch(client, name, "en")
