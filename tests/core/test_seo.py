"""Titles, descriptions, canonical addresses and social tags of every public page type."""

import html
import re

import pytest
from django.urls import reverse
from django.utils import translation

from relacions.events.models import Event
from relacions.mandate.models import Objective, Plan
from relacions.networks.models import Forum, Network
from relacions.news.models import NewsItem
from relacions.pages.models import Page
from tests.factories import (
    AxisFactory,
    EventFactory,
    NewsItemFactory,
    ObjectiveFactory,
    PlanFactory,
)
from tests.helpers import LANGUAGES

# Every public page reads the site settings.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site_settings")]


def page_types(language: str) -> dict[str, str]:
    """One address of each public page type, in `language`."""
    with translation.override(language):
        past = Event.objects.past().first()
        upcoming = Event.objects.upcoming().first()
        return {
            "home": reverse("pages:home"),
            "page": Page.objects.published().accessibility_statement().get().get_absolute_url(),
            "other page": Page.objects.published().get(key="contact").get_absolute_url(),
            "news list": reverse("news:list"),
            "news item": NewsItem.objects.published().get().get_absolute_url(),
            "agenda": reverse("events:list"),
            "past events": reverse("events:past", kwargs={"year": past.local_start.year}),
            "month": reverse(
                "events:month", args=(upcoming.local_start.year, upcoming.local_start.month)
            ),
            "event": upcoming.get_absolute_url(),
            "past event": past.get_absolute_url(),
            "networks": reverse("networks:list"),
            "network": Network.objects.published().get().get_absolute_url(),
            "forum": Forum.objects.published().get().get_absolute_url(),
            "mandate": reverse("mandate:overview"),
            "other plan": Plan.objects.published().get(is_current=False).get_absolute_url(),
            "objective": Objective.objects.public().get().get_absolute_url(),
            "open data": reverse("opendata:index"),
        }


def head(body: str) -> dict:
    def meta(attribute: str, name: str) -> list[str]:
        pattern = rf'<meta {attribute}="{re.escape(name)}" content="([^"]*)">'
        return [html.unescape(value) for value in re.findall(pattern, body)]

    return {
        "title": html.unescape(re.search(r"<title>(.*?)</title>", body, re.S).group(1)),
        "description": meta("name", "description"),
        "canonical": re.findall(r'<link rel="canonical" href="([^"]+)">', body),
        "og": {
            name: meta("property", f"og:{name}")
            for name in ("title", "type", "url", "image", "locale")
        },
        "twitter": meta("name", "twitter:card"),
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_titles_and_descriptions_are_unique_across_page_types(client, site, language):
    heads = {}
    for kind, path in page_types(language).items():
        response = client.get(path)
        assert response.status_code == 200, path
        heads[kind] = head(response.content.decode())

    titles = [h["title"] for h in heads.values()]
    descriptions = [h["description"][0] for h in heads.values()]
    assert len(set(titles)) == len(titles), titles
    assert len(set(descriptions)) == len(descriptions), descriptions
    for kind, h in heads.items():
        assert len(h["description"]) == 1 and 10 <= len(h["description"][0]) <= 200, kind


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_has_a_canonical_address_open_graph_and_a_twitter_card(client, site, language):
    locale = {"ca": "ca_ES", "es": "es_ES", "en": "en_GB"}[language]
    for kind, path in page_types(language).items():
        h = head(client.get(path).content.decode())
        assert h["canonical"] == ["http://testserver" + path], kind
        assert h["og"]["url"] == h["canonical"], kind
        assert h["og"]["title"] and h["og"]["title"][0], kind
        assert h["og"]["type"] in (["website"], ["article"]), kind
        assert h["og"]["locale"] == [locale], kind
        assert h["og"]["image"] and all(
            i.startswith("http://testserver/") for i in h["og"]["image"]
        )
        assert h["twitter"] in (["summary"], ["summary_large_image"]), kind


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_query_string_the_page_does_not_read_is_no_second_address(client, site, language):
    """A tracking tag, an empty filter or the first page's number shows the same page: its
    canonical and hreflang addresses stay the plain ones."""
    for kind, path in page_types(language).items():
        response = client.get(path + "?utm_source=newsletter&page=1&fbclid=x")
        assert response.status_code == 200, kind
        body = response.content.decode()
        assert head(body)["canonical"] == ["http://testserver" + path], kind
        alternates = re.findall(r'<link rel="alternate" hreflang="[^"]+" href="([^"]+)">', body)
        assert alternates and not [href for href in alternates if "?" in href], kind


# Every filter of every filtered list, with values no list has: never the list again at a new
# address (404, or for search, whose pages are never indexed, the results with a message). A NUL
# byte never reaches a list: the site's 400 page answers it (quality/test_hostile_input.py).
UNKNOWN_FILTERS = [
    ("news:list", "year", ["1800", "abc", "9" * 30, "-1", "2019.5"]),
    ("news:list", "network", ["no-such-network", "<script>", "a" * 500]),
    ("mandate:overview", "axis", ["99", "abc", "-1", "1" * 40]),
    ("mandate:overview", "status", ["nope", "DONE"]),
    ("events:list", "year", ["1800"]),  # the agenda reads no filter: the same page, see above
]


@pytest.mark.parametrize(("name", "parameter", "values"), UNKNOWN_FILTERS)
def test_unknown_filter_values_are_not_found(client, site, name, parameter, values):
    with translation.override("en"):
        path = reverse(name)
    for value in values:
        response = client.get(path, {parameter: value})
        body = response.content.decode()
        if name == "events:list":
            assert head(body)["canonical"] == ["http://testserver" + path]
            continue
        assert response.status_code == 404, value
        assert '<meta name="robots" content="noindex, follow">' in body, value
        assert not head(body)["canonical"], value


@pytest.mark.parametrize("value", ["nonsense", "<b>", "x" * 500])
def test_an_unknown_search_type_is_said_and_not_indexed(client, site, value):
    with translation.override("en"):
        path = reverse("search:results")
    response = client.get(path, {"q": "event", "type": value})
    body = response.content.decode()
    assert response.status_code == 200
    assert '<meta name="robots" content="noindex, follow">' in body
    assert "There is no type" in body and "<b>" not in body


# --- Titles ------------------------------------------------------------------------------------

SITE_NAME = {"ca": "Ajuntament de Terrassa", "es": "Ayuntamiento de Terrassa"}


def title_before_site_name(body: str, language: str) -> str:
    title = head(body)["title"]
    site_name = SITE_NAME.get(language, "Terrassa City Council")
    assert title.endswith(" · " + site_name), title
    return title.removesuffix(" · " + site_name)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_title_fits_a_search_result_and_matches_open_graph(client, site, language):
    for kind, path in page_types(language).items():
        body = client.get(path).content.decode()
        title = title_before_site_name(body, language)
        assert len(title) <= 65, (kind, title)
        if kind not in ("home", "news list", "agenda", "networks"):
            assert head(body)["og"]["title"] == [title], kind


def test_an_event_and_a_news_item_of_the_same_name_have_different_titles(client, site_settings):
    same = {f"title_{language}": "Culture Forum in Leeds" for language in LANGUAGES}
    item, event = NewsItemFactory(**same), EventFactory(**same)
    for language in LANGUAGES:
        with translation.override(language):
            bodies = [client.get(obj.get_absolute_url()).content.decode() for obj in (item, event)]
        titles = [title_before_site_name(body, language) for body in bodies]
        assert titles[0] != titles[1]
        assert all(title.startswith("Culture Forum in Leeds · ") for title in titles), titles
        assert [head(body)["og"]["title"] for body in bodies] == [[title] for title in titles]


def test_a_long_objective_title_is_cut_at_a_word_with_an_ellipsis(client, site_settings):
    words = "Promote Terrassa's international presence through European city networks"
    long_title = (words + ", twinned cities and cooperation, with culture at its heart") * 2
    long_title = long_title[:200]
    assert len(long_title) == 200
    plan = PlanFactory(is_current=True)
    objective = ObjectiveFactory(axis=AxisFactory(plan=plan), code="5.2", title_en=long_title)
    with translation.override("en"):
        body = client.get(objective.get_absolute_url()).content.decode()
    title = title_before_site_name(body, "en")
    assert len(title) <= 65, title
    shown, section = title.split(" · ", 1)
    assert section == f"Pla de Mandat {plan.period}"
    assert shown.endswith("…") and len(shown) > 20
    assert f"5.2. {long_title}".startswith(shown[:-1] + " "), shown
    assert head(body)["og"]["title"] == [title]


def test_a_rich_text_description_is_plain_text_cut_at_a_word(client, site_settings):
    """A network's description is rich text: its description in the head is its text, entities
    read once ("R&D", not "R&amp;D" shown to someone sharing the page), cut at a word."""
    from tests.factories import NetworkFactory

    sentence = "Cities working together on R&amp;D, culture and <em>open data</em> in Europe. "
    network = NetworkFactory(description_en=f"<p>{sentence * 6}</p>", name_en="Open Cities")
    joined = NetworkFactory(description_en="<p>Met in Porto.</p><p>Shared policies.</p>")
    with translation.override("en"):
        body = client.get(network.get_absolute_url()).content.decode()
    assert "R&amp;amp;D" not in body and "&lt;em&gt;" not in body
    (description,) = head(body)["description"]
    (shared,) = re.findall(r'<meta property="og:description" content="([^"]*)">', body)
    shared = html.unescape(shared)
    text = " ".join((html.unescape(sentence.replace("<em>", "").replace("</em>", "")) * 6).split())
    for shown, limit in ((description, 160), (shared, 300)):
        assert len(shown) <= limit and shown.endswith("…"), shown
        assert text.startswith(shown[:-1].rstrip(",") + " ") or text.startswith(shown[:-1]), shown
        assert "R&D, culture and open data" in shown
    with translation.override("en"):
        body = client.get(joined.get_absolute_url()).content.decode()
    assert head(body)["description"] == ["Met in Porto. Shared policies."]
    # A network with no description: its name.
    bare = NetworkFactory(
        description_ca="<p> </p>", description_es="", description_en="", name_en="Quiet Cities"
    )
    with translation.override("en"):
        body = client.get(bare.get_absolute_url()).content.decode()
    assert head(body)["description"] == ["Quiet Cities"]


PAGINATED = ("news list", "agenda", "past events", "networks")


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_malformed_page_number_is_never_an_error_nor_a_new_address(client, site, language):
    lists = {k: v for k, v in page_types(language).items() if k in PAGINATED}
    for kind, path in lists.items():
        for value in ("abc", "0", "-1", "99999", "\x00", "9" * 40):
            response = client.get(path, {"page": value})
            # 400: a NUL byte is refused before any view reads it (quality/test_hostile_input).
            assert response.status_code in (200, 400, 404), (kind, value)
            if response.status_code == 200:  # the first page: its own address
                canonical = head(response.content.decode())["canonical"]
                assert canonical == ["http://testserver" + path], (kind, value)
