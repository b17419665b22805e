"""The visits' pages and a place page showing visits, in Catalan, Spanish and English, are valid
HTML (the W3C Nu HTML Checker), have no axe-core WCAG 2.1 A/AA violation and fit a 320 px
screen."""

import os
import shutil
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

from relacions.visits.models import Cost, Participant, Visit
from tests.factories import NetworkFactory
from tests.factories.agreements import AgreementFactory
from tests.factories.places import PlaceFactory
from tests.factories.visits import CostFactory, GiftFactory, ParticipantFactory, VisitFactory
from tests.fixtures.browser import NARROWEST, VNU_JAR, axe_violations
from tests.helpers import LANGUAGES

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def visits(site_settings):
    place = PlaceFactory(name_ca="Pamiers", name_es="Pamiers", name_en="Pamiers")
    visit = VisitFactory(places=[place], direction=Visit.Direction.INCOMING)
    ParticipantFactory(visit=visit, role=Participant.Role.ELECTED, name="Persona d'exemple")
    ParticipantFactory(visit=visit, count=3, position_en="")  # shown in Catalan, marked
    GiftFactory(visit=visit)
    CostFactory(visit=visit, amount=Decimal("1234.50"))
    CostFactory(visit=visit, concept=Cost.Concept.LODGING, paid_by=Cost.Payer.EU_PROJECT)
    visit.networks.add(NetworkFactory())
    visit.agreements.add(AgreementFactory())
    visit.costs_final = True
    visit.save()
    pending = VisitFactory(places=[PlaceFactory(country="BE")])
    CostFactory(visit=pending)
    return visit, pending, place


@pytest.fixture
def validate_html(request):
    """The checker when it is installed; otherwise None, and axe and the width still run."""
    if VNU_JAR.exists() and shutil.which("java"):
        return request.getfixturevalue("vnu")
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail("CI=true and no HTML checker: the HTML validity tests must run in CI.")
    return None


def addresses(language, visit, pending, place) -> dict[str, tuple[str, int]]:
    with translation.override(language):
        return {
            "visits": (reverse("visits:list"), 200),
            "visits-filtered": (reverse("visits:list") + "?direction=incoming", 200),
            "visits-unknown-filter": (reverse("visits:list") + "?year=1800", 404),
            "visit": (visit.get_absolute_url(), 200),
            "visit-costs-pending": (pending.get_absolute_url(), 200),
            "place": (place.get_absolute_url(), 200),
        }


def test_visit_pages_are_valid_accessible_and_fit_a_phone(
    visits, page, browser, live_server, validate_html, tmp_path
):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    phone = browser.new_context(
        base_url=live_server.url, viewport={"width": NARROWEST, "height": 640}
    ).new_page()
    saved, violations, too_wide = [], {}, []
    for language in LANGUAGES:
        for name, (path, status) in addresses(language, *visits).items():
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
