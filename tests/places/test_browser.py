"""Terrassa in the world in a browser: the map and a place's page are valid HTML (the W3C Nu HTML
Checker), have no axe-core WCAG 2.1 A/AA violation in Catalan, Spanish and English and fit a
320 px screen; the keyboard reaches every marker and the table; the layers form works with
JavaScript off; and a place saved in the admin is on the map, in its table and in the GeoJSON
at once (the page cache never serves the old map)."""

import json
import os
import shutil
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from relacions.places.models import Place
from tests.factories.events import EventFactory
from tests.fixtures.browser import NARROWEST, VNU_JAR, axe_violations, sign_in
from tests.helpers import LANGUAGES

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def validate_html(request):
    """The checker when it is installed; otherwise None, and axe and the width still run."""
    if VNU_JAR.exists() and shutil.which("java"):
        return request.getfixturevalue("vnu")
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail("CI=true and no HTML checker: the HTML validity tests must run in CI.")
    return None


def addresses(language, pamiers) -> dict[str, tuple[str, int]]:
    with translation.override(language):
        world = reverse("places:world")
        return {
            "world": (world, 200),
            "world-one-layer": (f"{world}?chosen=1&layer=agreements", 200),
            "world-no-layer": (f"{world}?chosen=1", 200),
            "world-unknown-layer": (f"{world}?layer=treaties", 404),
            "place": (pamiers.get_absolute_url(), 200),
            "home": (reverse("pages:home"), 200),
        }


def test_the_map_and_place_pages_are_valid_accessible_and_fit_a_phone(
    world, page, browser, live_server, validate_html, tmp_path
):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    phone = browser.new_context(
        base_url=live_server.url, viewport={"width": NARROWEST, "height": 640}
    ).new_page()
    saved, violations, too_wide = [], {}, []
    for language in LANGUAGES:
        for name, (path, status) in addresses(language, world["pamiers"]).items():
            response = page.goto(path)
            assert response.status == status, path
            saved.append(tmp_path / f"{language}-{name}.html")
            saved[-1].write_bytes(response.body())
            violations[f"{language}-{name}"] = axe_violations(axe, page)
            phone.goto(path)
            if phone.evaluate("document.documentElement.scrollWidth") > NARROWEST:
                too_wide.append(path)
    phone.context.close()

    if validate_html is not None:
        assert validate_html(saved) == {}
    assert {name: found for name, found in violations.items() if found} == {}
    assert too_wide == []
    assert page.csp_errors == []


def test_the_keyboard_reaches_every_marker_and_the_table(world, page):
    page.goto(reverse("places:world"))
    markers = page.locator("a.map-marker")
    assert markers.count() == 4
    names = set(markers.evaluate_all("links => links.map(link => link.getAttribute('aria-label'))"))
    page.locator(".world-layers button[type=submit]").focus()
    reached, table_reached = set(), False
    for _ in range(40):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "() => { const e = document.activeElement;"
            " return [e.getAttribute('aria-label'), e.classList.contains('table-scroll')]; }"
        )
        if focused[1]:
            table_reached = True
            break
        if focused[0]:
            reached.add(focused[0])
    assert reached == names
    assert table_reached
    # Enter on a marker opens its place's page.
    page.locator(f'a.map-marker[href="{world["pamiers"].get_absolute_url()}"]').focus()
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{world['pamiers'].get_absolute_url()}")
    assert page.locator("h1").inner_text() == "Pamiers"


def test_the_layers_form_works_without_javascript(world, browser, live_server):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto(reverse("places:world"))
    assert page.locator("a.map-marker").count() == 4
    # Every layer but the agreements (the visits' too: none is in this map's content).
    for box in page.locator("input[name=layer]").all():
        if box.get_attribute("value") != "agreements":
            box.uncheck()
    page.locator(".world-layers button[type=submit]").click()
    page.wait_for_url("**?chosen=1&layer=agreements")
    # Only the agreements' partners: Pamiers and Granada.
    assert page.locator("a.map-marker").count() == 2
    assert page.locator("#layer-agreements").is_checked()
    assert not page.locator("#layer-events").is_checked()
    assert "Fòrum a Leeds" not in page.locator(".world-table").inner_text()
    context.close()


def test_a_place_saved_in_the_admin_is_on_the_map_at_once(
    page, browser, client, live_server, site_settings, page_cache, django_user_model
):
    event = EventFactory(title_ca="Trobada a Tecoluca", location=None)
    visitor = browser.new_context(base_url=live_server.url).new_page()
    world = reverse("places:world")
    geojson = reverse("places:geojson")
    # The map is in the page cache, for any anonymous visitor.
    anonymous = Client()
    anonymous.get(world)
    assert anonymous.get(world)["X-Page-Cache"] == "hit"
    visitor.goto(world)
    assert "Tecoluca" not in visitor.content()

    admin = django_user_model.objects.create_superuser("boss", "boss@example.org", "a-long-pass-1")
    sign_in(page, client, live_server, admin)
    # The admin in Catalan: the Catalan tab of each translated field is the one open.
    page.set_extra_http_headers({"Accept-Language": "ca"})
    page.goto(reverse("admin:places_place_add"))
    page.locator("#id_name_ca").fill("Tecoluca")
    page.locator("#id_country").select_option("SV", force=True)
    page.locator("#id_latitude").fill("13.5333")
    page.locator("#id_longitude").fill("-88.7833")
    page.locator("input[name=_save]").click()
    page.wait_for_url("**/admin/places/place/")
    place = Place.objects.get(name_ca="Tecoluca")
    assert place.slug_ca == "tecoluca"  # written from the name as it was typed
    # What ties it: the event is held there (a place alone, tied to nothing, is not shown).
    event.location = place
    event.save()

    assert anonymous.get(world)["X-Page-Cache"] == "miss"
    visitor.goto(world)
    marker = visitor.locator(f'a.map-marker[href="{place.get_absolute_url()}"]')
    assert marker.get_attribute("aria-label").startswith(
        "Tecoluca, El Salvador: Trobada a Tecoluca"
    )
    assert "Tecoluca" in visitor.locator(".world-table").inner_text()
    features = json.loads(visitor.goto(geojson).text())["features"]
    assert [f["geometry"]["coordinates"] for f in features] == [[-88.7833, 13.5333]]

    # Moved in the admin: the map, its table and the GeoJSON follow after the save.
    page.goto(reverse("admin:places_place_change", args=[place.pk]))
    page.locator("#id_name_ca").fill("Tecoluca (San Vicente)")
    page.locator("#id_longitude").fill("-88.7800")
    page.locator("input[name=_save]").click()
    page.wait_for_url("**/admin/places/place/")
    assert Place.objects.get(pk=place.pk).longitude == Decimal("-88.780000")

    visitor.goto(world)
    assert "Tecoluca (San Vicente)" in visitor.locator(".world-table").inner_text()
    assert visitor.locator(f'a.map-marker[href="{place.get_absolute_url()}"]').count() == 1
    features = json.loads(visitor.goto(geojson).text())["features"]
    assert features[0]["properties"]["name"] == "Tecoluca (San Vicente)"
    assert features[0]["geometry"]["coordinates"] == [-88.78, 13.5333]
    visitor.context.close()
