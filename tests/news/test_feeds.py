import calendar
import datetime
from xml.etree import ElementTree

import feedparser
import pytest
from django.urls import reverse
from django.utils import timezone, translation

from tests.factories.news import NewsItemFactory
from tests.helpers import LANGUAGES

from .conftest import make_network
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


ATOM = "{http://www.w3.org/2005/Atom}"


def atom(client, language: str) -> ElementTree.Element:
    with translation.override(language):
        return ElementTree.fromstring(client.get(reverse("news:atom")).content)


def texts(element: ElementTree.Element, name: str) -> list[str]:
    return [(child.text or "").strip() for child in element.findall(ATOM + name)]


@pytest.mark.parametrize("count", [0, 2])
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_atom_feed_has_every_element_rfc_4287_requires(client, site_settings, count, language):
    NewsItemFactory.create_batch(count)
    feed = atom(client, language)
    with translation.override(language):
        feed_url = "http://testserver" + reverse("news:atom")
        home = "http://testserver" + reverse("pages:home")

    # atom:feed: exactly one id, title and updated; a link rel="self"; an author, since the
    # entries carry none (RFC 4287 4.1.1).
    for name in ("id", "title", "updated"):
        assert len(texts(feed, name)) == 1 and texts(feed, name)[0], name
    self_links = [link for link in feed.findall(ATOM + "link") if link.get("rel") == "self"]
    assert [link.get("href") for link in self_links] == [feed_url]
    (author,) = feed.findall(ATOM + "author")
    office = getattr(site_settings, f"office_name_{language}")
    assert texts(author, "name") == [office]
    assert texts(author, "uri") == [home]
    assert texts(author, "email") == [site_settings.email]

    entries = feed.findall(ATOM + "entry")
    assert len(entries) == count
    for entry in entries:
        for name in ("id", "title", "updated", "summary"):
            assert len(texts(entry, name)) == 1 and texts(entry, name)[0], name
        alternate = [link for link in entry.findall(ATOM + "link") if link.get("rel") != "self"]
        assert alternate and alternate[0].get("href").startswith("http://testserver/")
        assert entry.findall(ATOM + "author") or feed.findall(ATOM + "author")


def test_the_feed_has_an_author_before_the_site_settings_are_saved(client):
    from relacions.pages.models import SiteSettings

    SiteSettings.objects.all().delete()
    (author,) = atom(client, "en").findall(ATOM + "author")
    assert texts(author, "name") == ["Terrassa City Council"]


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
    # The items with their networks, and the site settings (the feed's author).
    with django_assert_max_num_queries(3):
        fetch(client, name, "en")
