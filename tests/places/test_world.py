"""Terrassa in the world: the map page (its markers, layers form and table), the GeoJSON and CSV,
a place's page with its timeline, the old addresses, the home page's small map, the budgets
(queries, size) and the page cache."""

import csv
import datetime
import gzip
import io
import json
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from relacions.agreements.models import Partner as AgreementPartner
from relacions.places.models import Place
from tests.factories.agreements import AgreementFactory, PartnerFactory
from tests.factories.news import NewsItemFactory
from tests.factories.places import PlaceFactory
from tests.helpers import LANGUAGES, sleep_past

pytestmark = pytest.mark.django_db


def world_url(language="ca", query=""):
    with translation.override(language):
        return reverse("places:world") + query


def test_the_map_has_one_linked_marker_per_place_named_by_its_ties(client, world):
    page = client.get(world_url()).content.decode()
    pamiers = world["pamiers"]
    # One link per place (Pamiers is tied twice: one marker), each named by what ties it.
    marker = f'class="map-marker map-marker--square" href="{pamiers.get_absolute_url()}"'
    assert page.count(marker) == 1
    name = "Pamiers, França: Agermanament des de 1990; Soci de TWIN35 des de 2025"
    assert f'aria-label="{name}"' in page
    assert 'aria-label="Brussel·les, Bèlgica: Seu de EUROCITIES"' in page
    assert "Fòrum a Leeds" in page
    assert "map-marker__ring" in page  # Pamiers wears the ring of several layers
    # No draft, no place without coordinates.
    assert "Acord esborrany" not in page and "Acord sense lloc" not in page


def test_the_table_says_what_the_map_shows(client, world):
    page = client.get(world_url("en")).content.decode()
    table = page[page.index('<table class="data-table world-table">') :]
    for text in ("Pamiers", "Brussels", "Granada", "Leeds", "Belgium", "Nicaragua"):
        assert text in table
    assert "4 places, by country." in table
    page = client.get(world_url("ca")).content.decode()
    table = page[page.index('<table class="data-table world-table">') :]
    for text in ("Agermanament amb Pamiers", "EUROCITIES", "Fòrum a Leeds", "TWIN35 — Trobada"):
        assert text in table
    assert '<time datetime="1990-05-01">1 de maig de 1990</time>' in table
    assert f'<a href="{world["twinning"].get_absolute_url()}">' in table


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_map_lives_under_a_translated_address(client, world, language):
    expected = {"ca": "/ca/mon/", "es": "/es/mundo/", "en": "/en/world/"}[language]
    assert world_url(language) == expected
    title = {"ca": "Terrassa al món", "es": "Terrassa en el mundo", "en": "Terrassa in the world"}
    assert f"<h1>{title[language]}</h1>" in client.get(expected).content.decode()


def test_the_layers_form_chooses_what_the_map_shows(client, world):
    only_agreements = client.get(world_url(query="?chosen=1&layer=agreements")).content.decode()
    assert "Agermanament amb Granada" in only_agreements
    assert "EUROCITIES" not in only_agreements and "Fòrum a Leeds" not in only_agreements
    assert 'value="agreements" id="layer-agreements" checked' in only_agreements
    assert 'value="events" id="layer-events">' in only_agreements
    nothing = client.get(world_url(query="?chosen=1")).content.decode()
    assert "Cap lloc no hi està vinculat per les capes triades." in nothing
    assert "map-marker map-marker--" not in nothing


@pytest.mark.parametrize(
    "language,message",
    [
        ("ca", "No hi ha cap capa anomenada"),
        ("es", "No hay ninguna capa llamada"),
        ("en", "There is no layer called"),
    ],
)
def test_an_unknown_layer_is_a_translated_message_not_an_error(client, world, language, message):
    response = client.get(world_url(language, "?layer=treaties"))
    assert response.status_code == 404
    page = response.content.decode()
    assert message in page and '<meta name="robots" content="noindex, follow">' in page
    assert 'aria-label="Granada, ' in page  # every layer, as without a choice


def test_the_geojson_lists_each_place_with_its_ties(client, world):
    response = client.get(reverse("places:geojson"))
    assert response["Content-Type"] == "application/geo+json"
    data = json.loads(response.content)
    assert data["type"] == "FeatureCollection"
    features = {feature["properties"]["name"]: feature for feature in data["features"]}
    assert set(features) == {"Pamiers", "Brussel·les", "Granada", "Leeds"}
    pamiers = features["Pamiers"]
    # RFC 7946: longitude first.
    assert pamiers["geometry"] == {"type": "Point", "coordinates": [1.6108, 43.1167]}
    assert [tie["layer"] for tie in pamiers["properties"]["ties"]] == ["agreements", "projects"]
    assert pamiers["properties"]["ties"][0]["date"] == "1990-05-01"
    assert pamiers["properties"]["url"] == "http://testserver/ca/mon/pamiers/"


def test_the_csv_and_json_are_open_data(client, world):
    index = client.get(reverse("opendata:index")).content.decode()
    assert "Terrassa al món" in index and reverse("places:geojson") in index
    response = client.get(reverse("opendata:csv", kwargs={"dataset": "world"}))
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == 5  # Pamiers twice, Brussels, Granada, Leeds
    assert {row["Lloc"] for row in rows} == {"Pamiers", "Brussel·les", "Granada", "Leeds"}
    records = json.loads(client.get(reverse("opendata:json", kwargs={"dataset": "world"})).content)
    assert any(r["layer"] == "networks" and r["place"] == "Brussel·les" for r in records["items"])


def test_a_place_page_tells_everything_tied_to_it_newest_first(client, world):
    response = client.get("/ca/mon/pamiers/")
    assert response.status_code == 200
    page = response.content.decode()
    titles = ("Trobada", "Notícia de Pamiers", "Agermanament amb Pamiers")
    order = [page.index(text) for text in titles]
    assert order == sorted(order)  # 2025, 2024, 1990
    assert world["twinning"].get_absolute_url() in page
    lonely = PlaceFactory(slug_ca="enlloc")
    assert client.get(f"/ca/mon/{lonely.slug_ca}/").status_code == 404


@pytest.mark.parametrize("kept", [False, True], ids=["read", "kept"])
def test_a_place_page_follows_each_request_s_moment(client, world, kept, request):
    """Its lookups are compiled once: what is public is decided at each request (an agreement
    reaching its publish_at, then its unpublish_at), in every language's page; the timeline
    kept with the content generation (`kept`) is kept no longer than to those moments."""
    if kept:
        request.getfixturevalue("fragment_cache")
    # Margins of three seconds: a loaded machine is slow between the save and the requests.
    publish_at = timezone.now() + datetime.timedelta(seconds=3)
    later = AgreementFactory(
        title_ca="Acord programat",
        title_es="Acuerdo programado",
        publish_at=publish_at,
        unpublish_at=publish_at + datetime.timedelta(seconds=3),
    )
    PartnerFactory(agreement=later, place=world["pamiers"])
    assert "Acord programat" not in client.get("/ca/mon/pamiers/").content.decode()
    sleep_past(later.publish_at)
    assert "Acord programat" in client.get("/ca/mon/pamiers/").content.decode()
    assert "Acuerdo programado" in client.get("/es/mundo/pamiers/").content.decode()
    sleep_past(later.unpublish_at)
    assert "Acord programat" not in client.get("/ca/mon/pamiers/").content.decode()


def test_a_place_page_s_timeline_is_kept_until_something_changes(
    client, world, fragment_cache, django_assert_num_queries
):
    """Read once per change of the content: then the page is its place's lookup. A new tie, a
    renamed or unpublished one shows at once, each language with its own."""
    first = client.get("/ca/mon/pamiers/").content.decode()
    with django_assert_num_queries(1):
        assert client.get("/ca/mon/pamiers/").content.decode() == first
    assert "Agreement" in client.get("/en/world/pamiers/").content.decode()
    assert "Acord" in first and "Agreement" not in first

    news = NewsItemFactory(title_ca="Notícia nova de Pamiers")
    news.agreements.add(world["twinning"])
    assert "Notícia nova de Pamiers" in client.get("/ca/mon/pamiers/").content.decode()
    world["project"].title_ca = "Trobada reanomenada"
    world["project"].save()
    page = client.get("/ca/mon/pamiers/").content.decode()
    assert "Trobada reanomenada" in page and ">Trobada<" not in page
    world["news"].status = "draft"
    world["news"].save()
    assert "Notícia de Pamiers" not in client.get("/ca/mon/pamiers/").content.decode()


@pytest.mark.parametrize(
    "old,new",
    [("/ca/llocs/pamiers/", "/ca/mon/pamiers/"), ("/es/lugares/pamiers/", "/es/mundo/pamiers/"),
     ("/en/places/pamiers/", "/en/world/pamiers/")],
)  # fmt: skip
def test_the_old_place_addresses_move_for_good(client, world, old, new):
    response = client.get(old)
    assert response.status_code == 301
    assert response["Location"] == new


def test_the_home_page_has_a_small_map_linking_to_the_whole(client, world):
    page = client.get(reverse("pages:home")).content.decode()
    section = page[page.index('class="home-section home-world"') :]
    assert 'href="/ca/mon/"' in section
    assert section.count('class="home-world__dot"') == 4
    assert "El mapa dels 4 llocs amb què treballa Terrassa" in section


def test_the_site_navigation_links_to_the_map(client, world):
    page = client.get(reverse("agreements:list")).content.decode()
    nav = page[page.index('class="main-nav"') :]
    assert '<a href="/ca/mon/">Terrassa al món</a>' in nav


def make_places(count: int) -> None:
    """`count` places, each a twinning's partner (in bulk: the budgets' scale)."""
    agreement = AgreementFactory()
    places = Place.objects.bulk_create(
        Place(
            name_ca=f"Lloc {i}",
            slug_ca=f"lloc-{i}",
            country="FR",
            latitude=Decimal(40 + i % 20),
            longitude=Decimal(-10 + (i * 7) % 60),
        )  # fmt: skip
        for i in range(count)
    )
    AgreementPartner.objects.bulk_create(
        AgreementPartner(agreement=agreement, organisation=f"Ajuntament {i}", place=place)
        for i, place in enumerate(places)
    )


@pytest.mark.parametrize("count", [10, 500])
def test_the_map_makes_the_same_queries_whatever_the_places(
    client, site_settings, django_assert_max_num_queries, count
):
    make_places(count)
    # The site's chrome, one query per layer (networks, agreements, projects, events, visits).
    with django_assert_max_num_queries(6):
        response = client.get(world_url())
    assert response.content.decode().count('<a class="map-marker') == count
    with django_assert_max_num_queries(5):
        client.get(reverse("places:geojson"))


def test_the_map_page_stays_under_150_kb_compressed_with_500_places(client, world):
    make_places(500)
    body = client.get(world_url()).content
    assert len(gzip.compress(body)) < 150 * 1024


def test_a_changed_or_added_place_is_never_served_stale(client, world, page_cache):
    assert client.get(world_url())["X-Page-Cache"] == "miss"
    assert client.get(world_url())["X-Page-Cache"] == "hit"
    granada = world["granada"]
    granada.name_ca = "Granada (Nicaragua)"
    granada.save()
    response = client.get(world_url())
    assert response["X-Page-Cache"] == "miss"
    assert "Granada (Nicaragua)" in response.content.decode()
    added = PlaceFactory(name_ca="Tecoluca", latitude=Decimal("13.5"), longitude=Decimal("-88.8"))
    PartnerFactory(agreement=AgreementFactory(), place=added)
    assert "Tecoluca" in client.get(world_url()).content.decode()
    assert "Tecoluca" in client.get(reverse("places:geojson")).content.decode()
