"""The schema.org JSON-LD of every public page type, as search engines read it: each block parses
and carries what the rich-result documentation requires of its type."""

import html
import json
import re

import pytest
from django.templatetags.static import static
from django.utils import translation

from relacions.events.models import Event
from tests.factories import EventFactory, NewsItemFactory
from tests.helpers import LANGUAGES

from .test_seo import page_types

# Every public page reads the site settings.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site_settings")]

SCHEMA = "https://schema.org"
DEFAULT_IMAGE = "http://testserver" + static("img/og-default.png")
ORGANIZATIONS = {"Organization", "GovernmentOrganization", "City"}
REQUIRED = {
    "NewsArticle": (
        "headline", "image", "datePublished", "dateModified", "author", "publisher", "url",
    ),
    "Event": (
        "name", "startDate", "endDate", "location", "eventStatus", "eventAttendanceMode",
        "image", "description", "organizer", "url",
    ),
    "Organization": ("name", "url"),
    "City": ("name", "url"),
}  # fmt: skip
# Which page types describe themselves, and as what.
EXPECTED = {"news item": "NewsArticle", "event": "Event", "past event": "Event"}


def json_ld(body: str) -> list[dict]:
    blocks = re.findall(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', body, re.S)
    return [json.loads(block) for block in blocks]


def og_image(body: str) -> str:
    return html.unescape(re.search(r'<meta property="og:image" content="([^"]+)">', body)[1])


def assert_complete(data: dict) -> None:
    kind = data["@type"]
    assert data["@context"] == SCHEMA
    missing = [name for name in REQUIRED[kind] if not data.get(name)]
    assert not missing, (kind, missing)
    for name in ("author", "publisher", "organizer"):
        if name in data:
            assert data[name]["@type"] in ORGANIZATIONS
            assert data[name]["name"] and data[name]["url"].startswith("https://"), data[name]
    for image in data.get("image", []):
        assert image.startswith("http://testserver/"), image
    if kind == "Event":
        for location in locations(data):
            assert_location(location)


def locations(event: dict) -> list[dict]:
    location = event["location"]
    return location if isinstance(location, list) else [location]


def assert_location(location: dict) -> None:
    if location["@type"] == "Place":
        assert location["name"]
        address = location["address"]
        assert address["@type"] == "PostalAddress"
        assert set(address) - {"@type"}, address
    else:
        assert location["@type"] == "VirtualLocation"
        assert location["url"].startswith("http"), location


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_type_gives_complete_structured_data(client, site, language):
    found = {}
    for kind, path in page_types(language).items():
        blocks = json_ld(client.get(path).content.decode())
        for data in blocks:
            assert_complete(data)
        found[kind] = [data["@type"] for data in blocks]
    for kind, schema_type in EXPECTED.items():
        assert found[kind] == [schema_type], (kind, found[kind])
    assert found["network"] in (["Organization"], ["City"])


def test_a_news_item_without_a_picture_gives_the_default_one(client, site_settings):
    item = NewsItemFactory(image=None)
    body = client.get(item.get_absolute_url()).content.decode()
    (article,) = json_ld(body)
    assert article["image"] == [DEFAULT_IMAGE] == [og_image(body)]


def test_an_event_without_a_picture_or_summary_still_has_both(client, site_settings):
    event = EventFactory(image=None, summary_ca="", body_ca="<p>What the <b>meeting</b> is.</p>")
    body = client.get(event.get_absolute_url()).content.decode()
    (data,) = json_ld(body)
    assert data["image"] == [DEFAULT_IMAGE] == [og_image(body)]
    assert data["description"] == "What the meeting is."


@pytest.mark.parametrize("event_format", [Event.Format.ONLINE, Event.Format.HYBRID])
def test_an_online_event_without_its_link_yet_points_to_its_page(
    client, site_settings, event_format
):
    event = EventFactory(format=event_format, online_url="")
    with translation.override("en"):
        path = event.get_absolute_url()
    (data,) = json_ld(client.get(path).content.decode())
    virtual = [place for place in locations(data) if place["@type"] == "VirtualLocation"]
    assert [place["url"] for place in virtual] == ["http://testserver" + path]


def test_an_in_person_event_with_only_a_venue_has_an_address(client, site_settings):
    event = EventFactory(city="", country="", venue_ca="Masia Freixa")
    (data,) = json_ld(client.get(event.get_absolute_url()).content.decode())
    assert data["location"]["name"] == "Masia Freixa"
    assert data["location"]["address"]["streetAddress"] == "Masia Freixa"
