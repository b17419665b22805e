"""sitemap.xml: every published object and list page in every language, each at its own address,
with reciprocal hreflang alternates (x-default included) that agree with the pages' own <head>."""

import re
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest
from django.urls import reverse
from django.utils import translation

from relacions.events.models import Event
from tests.factories import (
    AxisFactory,
    EventFactory,
    ForumFactory,
    NetworkFactory,
    NewsItemFactory,
    ObjectiveFactory,
    PageFactory,
    PlanFactory,
)
from tests.fixtures.site import HIDDEN
from tests.helpers import LANGUAGES

# Every public page reads the site settings.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site_settings")]

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
HOST = "http://testserver"
LIST_PAGES = (
    "pages:home",
    "news:list",
    "events:list",
    "networks:list",
    "agreements:list",
    "projects:list",
    "visits:list",
    "opendata:index",
    "places:world",
    "reports:list",
)


def sitemap(client) -> dict[str, dict[str, str]]:
    """{loc: {hreflang: href}} of every <url>; fails on a repeated loc."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    entries = {}
    for url in ET.fromstring(response.content).findall("s:url", NS):
        loc = url.find("s:loc", NS).text
        assert loc not in entries, f"{loc} is listed twice"
        entries[loc] = {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)
        }
    return entries


def expected_locs(site) -> set[str]:
    past_year = Event.objects.past_years()[0]
    locs = set()
    for language in LANGUAGES:
        with translation.override(language):
            paths = [reverse(name) for name in LIST_PAGES]
            paths.append(reverse("events:past", kwargs={"year": past_year}))
        locs |= {HOST + path for path in paths + site.urls(language)}
    return locs


def test_it_lists_exactly_the_published_objects_and_list_pages(client, site):
    assert set(sitemap(client)) == expected_locs(site)


def test_each_language_has_its_own_address(client, site):
    locs = set(sitemap(client))
    for obj in site.published:
        addresses = set()
        for language in LANGUAGES:
            with translation.override(language):
                addresses.add(HOST + obj.get_absolute_url())
        assert len(addresses) == len(LANGUAGES), obj
        assert addresses <= locs


def test_drafts_scheduled_and_expired_items_are_never_listed(client, site):
    body = client.get("/sitemap.xml").content.decode()
    for obj in site.hidden:
        for language in LANGUAGES:
            with translation.override(language):
                assert obj.get_absolute_url() not in body, obj
    assert HIDDEN not in body


def test_alternates_are_reciprocal_with_x_default(client, site):
    entries = sitemap(client)
    for loc, alternates in entries.items():
        assert set(alternates) == {*LANGUAGES, "x-default"}, loc
        assert loc in alternates.values(), f"{loc} is not among its own alternates"
        assert alternates["x-default"] == alternates["ca"]
        for language in LANGUAGES:
            # The page named for each language lists the same set back.
            assert entries[alternates[language]] == alternates, (loc, language)


def head_links(html: str) -> tuple[str, dict[str, str]]:
    canonical = re.search(r'<link rel="canonical" href="([^"]+)">', html).group(1)
    alternates = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))
    return canonical, alternates


def test_every_loc_is_absolute_answers_200_and_its_head_agrees(client, site):
    for loc, alternates in sitemap(client).items():
        parts = urlsplit(loc)
        assert (parts.scheme, parts.netloc) == ("http", "testserver"), loc
        response = client.get(parts.path)
        assert response.status_code == 200, loc
        canonical, head_alternates = head_links(response.content.decode())
        assert canonical == loc
        assert head_alternates == alternates, loc


def make_objects(count: int) -> None:
    plan = PlanFactory(is_current=True)
    axis = AxisFactory(plan=plan)
    for _i in range(count):
        network = NetworkFactory()
        ForumFactory(network=network)
        NewsItemFactory()
        EventFactory()
        PageFactory()
        ObjectiveFactory(axis=axis)


@pytest.mark.parametrize("count", [1, 50])
def test_the_number_of_queries_does_not_grow_with_the_content(
    client, count, django_assert_max_num_queries
):
    make_objects(count)
    with django_assert_max_num_queries(12):
        response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response.content.count(b"<url>") >= count * 6 * len(LANGUAGES)
