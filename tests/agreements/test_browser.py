"""The agreements' and places' pages, in Catalan, Spanish and English, are valid HTML (the W3C
Nu HTML Checker), have no axe-core WCAG 2.1 A/AA violation and fit a 320 px screen (as
test_quality.py checks the other page types; the demo loader does not load agreements yet, so
the content is made here)."""

import datetime
import os
import shutil

import pytest
from django.urls import reverse
from django.utils import translation

from tests.factories.agreements import (
    AgreementFactory,
    AmendmentFactory,
    CooperationAreaFactory,
    DocumentFactory,
    PartnerFactory,
)
from tests.factories.events import PastEventFactory
from tests.factories.networks import NetworkFactory
from tests.factories.news import NewsItemFactory
from tests.factories.places import PlaceFactory
from tests.fixtures.browser import NARROWEST, VNU_JAR, axe_violations
from tests.helpers import LANGUAGES

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def agreements(site_settings):
    place = PlaceFactory(name_ca="Pamiers", name_es="Pamiers", name_en="Pamiers")
    twinning = AgreementFactory(
        title_ca="Agermanament amb Pamiers",
        approved_on=datetime.date(1990, 3, 1),
        in_force_on=datetime.date(1990, 6, 1),
        term_ca="Indefinida",
        signatories="Alcalde de Terrassa\nAlcalde de Pamiers",
        economic_obligations_ca="Cap",
        amount=1500,
        gazette_url="https://dogc.example.org/1990/1",
    )
    PartnerFactory(agreement=twinning, place=place)
    AmendmentFactory(agreement=twinning, date=datetime.date(2005, 1, 1))
    AmendmentFactory(
        agreement=twinning, date=datetime.date(2010, 1, 1), kind="extension",
        new_end_date=datetime.date(2030, 1, 1),
    )  # fmt: skip
    DocumentFactory(agreement=twinning)
    twinning.areas.add(CooperationAreaFactory(), CooperationAreaFactory(name_es="", name_en=""))
    twinning.news_items.add(NewsItemFactory())
    twinning.events.add(PastEventFactory(location=place))
    twinning.networks.add(NetworkFactory())
    PartnerFactory(
        agreement=AgreementFactory(kind="protocol", agreement_status="suspended",
                                   status_changed_on=datetime.date(2020, 1, 1))
    )  # fmt: skip
    return twinning, place


@pytest.fixture
def validate_html(request):
    """The checker when it is installed; otherwise None, and axe and the width still run."""
    if VNU_JAR.exists() and shutil.which("java"):
        return request.getfixturevalue("vnu")
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail("CI=true and no HTML checker: the HTML validity tests must run in CI.")
    return None


def addresses(language, twinning, place) -> dict[str, tuple[str, int]]:
    with translation.override(language):
        return {
            "agreements": (reverse("agreements:list"), 200),
            "agreements-filtered": (reverse("agreements:list") + "?kind=twinning", 200),
            "agreements-unknown-filter": (reverse("agreements:list") + "?kind=treaty", 404),
            "agreement": (twinning.get_absolute_url(), 200),
            "place": (place.get_absolute_url(), 200),
        }


def test_agreement_and_place_pages_are_valid_accessible_and_fit_a_phone(
    agreements,
    page,
    browser,
    live_server,
    validate_html,
    tmp_path,
):
    from axe_playwright_python.sync_playwright import Axe

    twinning, place = agreements
    axe = Axe()
    phone = browser.new_context(
        base_url=live_server.url, viewport={"width": NARROWEST, "height": 640}
    ).new_page()
    saved, violations, too_wide = [], {}, []
    for language in LANGUAGES:
        for name, (path, status) in addresses(language, twinning, place).items():
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
