"""Every public page makes a fixed number of queries, at most ten, whatever the amount of
content: the same with one object of each kind as with fifty (the object a detail page shows
linked to all of them). Measured with the page cache off: a page served from the database."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

pytestmark = pytest.mark.django_db

# Ten: a project's page reads nine relations (partners, results, themes and the five kinds of
# linked item), one query each; an objective's page one relation per register that declares a
# timeline (relacions.mandate.linked): seven since the projects and the visits.
LIMIT = 10

# Each page's queries. Every page: the site's chrome (settings, menu and footer pages: 1).
QUERIES = {
    # featured news, latest news, upcoming events (each with its image, whose row describes
    # its renditions: relacions.images), the places on the small world map
    "home": 5,
    # years, networks (filter form), count, items with their images, items' networks
    "news list": 6,
    "news list by network": 6,
    # item with its image and the items before and after it, networks, forums, events,
    # objectives
    "news detail": 6,
    # the chrome (for the feed's author: the office), items and their networks
    "news rss": 3,
    "news atom": 3,
    # past years (the archive link's address), count, events with their images
    "agenda": 4,
    # years, count, events with their images
    "past events": 4,
    # past years, events with their images
    "agenda month": 3,
    # past years, event with its image, forum, networks, challenge areas, objectives
    "event detail": 7,
    "agenda ics": 1,
    "event ics": 1,
    # the years the directory can be filtered by, count, networks with their logos,
    # memberships
    "networks": 5,
    # network with its logo, memberships, forums, working groups, their forums (a fragment per
    # group), related news, upcoming events, positions
    "network detail": 9,
    # forum, challenge areas, the events tied to them (a fragment per area), working groups,
    # their forums, related news, events, positions
    "forum detail": 9,
    # plan, its axes (filter form), axes with objectives, objectives, status counts, and the
    # objectives' public updates, which their cards' stamps are made of (mandate.fragments:
    # fetched for the cards the cache lacks, so every card here, the fragment cache being off)
    "mandate overview": 7,
    "plan": 7,
    # objective with its updates, forums, memberships, events, news, agreements, projects,
    # visits
    "objective": 10,
    "plan json": 4,
    "plan csv": 4,
    # the filters' choices (countries and years, one query), count, agreements, their partners
    # with places
    "agreements": 5,
    # agreement with its last activity and areas, partners with places, amendments, documents,
    # news, events, networks
    "agreement detail": 8,
    # totals (one query), programmes and themes (filter form), count, projects
    "projects": 6,
    # project with its programme and department, partners with places, results, themes,
    # news, events, networks, agreements, objectives
    "project detail": 10,
    # years, countries (filter form), count, visits, their places, the totals by year
    "visits": 7,
    # visit (with participants, gifts and final costs), places, networks, agreements,
    # projects, events, objectives
    "visit detail": 8,
    # place; one per layer that ties places: networks, agreements, projects, events, news,
    # visits
    "place": 8,
    # one per layer on the map: networks, agreements, projects, events, visits
    "world": 6,
    "world geojson": 5,
    "page": 2,
    # facet counts, the page of results
    "search": 3,
}


def page_urls(objects) -> dict[str, str]:
    item, event, past = objects["item"], objects["event"], objects["past_event"]
    start = timezone.localtime(event.start)
    with translation.override("ca"):
        return {
            "home": reverse("pages:home"),
            "news list": reverse("news:list"),
            "news list by network": f"{reverse('news:list')}?network={objects['network'].slug}",
            "news detail": item.get_absolute_url(),
            "news rss": reverse("news:rss"),
            "news atom": reverse("news:atom"),
            "agenda": reverse("events:list"),
            "past events": reverse(
                "events:past", kwargs={"year": timezone.localtime(past.start).year}
            ),
            "agenda month": reverse(
                "events:month", kwargs={"year": start.year, "month": start.month}
            ),
            "event detail": event.get_absolute_url(),
            "agenda ics": reverse("events:ical"),
            "event ics": reverse("events:ics", kwargs={"slug": event.slug}),
            "networks": reverse("networks:list"),
            "network detail": objects["network"].get_absolute_url(),
            "forum detail": objects["forum"].get_absolute_url(),
            "mandate overview": reverse("mandate:overview"),
            "plan": objects["plan"].get_absolute_url(),
            "objective": objects["objective"].get_absolute_url(),
            "plan json": reverse("mandate:json"),
            "plan csv": reverse("mandate:csv"),
            "agreements": reverse("agreements:list"),
            "agreement detail": objects["agreement"].get_absolute_url(),
            "projects": reverse("projects:list"),
            "project detail": objects["project"].get_absolute_url(),
            "visits": reverse("visits:list"),
            "visit detail": objects["visit"].get_absolute_url(),
            "place": objects["place"].get_absolute_url(),
            "world": reverse("places:world"),
            "world geojson": reverse("places:geojson"),
            "page": objects["page"].get_absolute_url(),
            "search": f"{reverse('search:results')}?q=news",
        }


def test_every_page_is_within_the_limit():
    assert max(QUERIES.values()) <= LIMIT


def visit_all(client, urls: dict[str, str], limits: dict[str, int], exact: bool) -> list[str]:
    """Each page of `urls` visited once; what is wrong with each, page by page."""
    wrong = []
    for name, url in urls.items():
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        asked, limit = len(queries), limits[name]
        if response.status_code != 200:
            wrong.append(f"{name} ({url}): {response.status_code}")
        elif asked > limit or (exact and asked != limit):
            sql = "\n    ".join(q["sql"][:160] for q in queries)
            wrong.append(f"{name} ({url}): {asked} queries, not {limit}:\n    {sql}")
    return wrong


# Every page visited in one test per size: the content (hundreds of rows at fifty) is built once
# for all of them rather than once per page.
@pytest.mark.parametrize("count", [1, 50])
def test_queries_do_not_grow_with_content(client, content, count):
    wrong = visit_all(client, page_urls(content(count)), QUERIES, exact=True)
    assert not wrong, "\n".join(wrong)


# The pages built from rendered fragments (relacions.operations.pagecache.fragments).
FRAGMENT_PAGES = [
    "home",
    "news list",
    "news list by network",
    "news detail",
    "agenda",
    "past events",
    "agenda month",
    "event detail",
    "networks",
    "network detail",
    "forum detail",
    "mandate overview",
    "objective",
    "agreements",
    "agreement detail",
    "projects",
    "project detail",
    "visits",
    "visit detail",
]


# The home page's three short lists each read their cards' stamps (three queries), while the
# chrome and the map's dots are kept: one query more than the page without fragments, far less
# work (no card rendered, no image or relation read).
MORE_WITH_FRAGMENTS = {"home": 1}


def test_with_the_fragments_kept_a_page_asks_no_more(client, content, fragment_cache):
    """With the fragment cache on, as in production: the first visit stores the fragments (one
    query more per kind of fragment, their stamps), the next reads them, within the fixed
    count of the page without fragments (the test above), with fifty objects of each kind."""
    urls = {name: url for name, url in page_urls(content(50)).items() if name in FRAGMENT_PAGES}
    assert len(urls) == len(FRAGMENT_PAGES)
    limits = {name: QUERIES[name] + MORE_WITH_FRAGMENTS.get(name, 0) for name in urls}
    # Nothing changes from here on: the generation's lease (one query when it runs out) lasts
    # through both rounds of visits, as it would between two visits close together.
    fragment_cache.PAGE_CACHE_LEASE_SECONDS = 600
    for url in urls.values():
        assert client.get(url).status_code == 200, url
    wrong = visit_all(client, urls, limits, exact=False)
    assert not wrong, "\n".join(wrong)
