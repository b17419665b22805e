"""The projects' list (with its totals chart and tables) and a project's page, in Catalan,
Spanish and English, are valid HTML (the W3C Nu HTML Checker), have no axe-core WCAG 2.1 A/AA
violation and fit a 320 px screen; the same for a list with an unknown filter (404) and for the
page of a place where a partner is."""

import datetime
import os
import shutil
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

from tests.factories.agreements import AgreementFactory
from tests.factories.events import PastEventFactory
from tests.factories.mandate import ObjectiveFactory, PlanFactory
from tests.factories.networks import NetworkFactory
from tests.factories.news import NewsItemFactory
from tests.factories.places import PlaceFactory
from tests.factories.projects import (
    ProgrammeFactory,
    ProjectFactory,
    ProjectPartnerFactory,
    ResultFactory,
    ThemeFactory,
)
from tests.fixtures.browser import NARROWEST, VNU_JAR, axe_violations
from tests.helpers import LANGUAGES

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def projects(site_settings):
    # Made here: a transactional test empties the tables, the seeded code list included.
    erasmus = ProgrammeFactory(name_ca="Erasmus+", name_es="Erasmus+", name_en="Erasmus+")
    ka2 = ProgrammeFactory(parent=erasmus, name_es="", name_en="")  # Catalan only
    interreg = ProgrammeFactory(name_ca="Interreg", name_es="Interreg", name_en="Interreg")
    euro_med = ProgrammeFactory(parent=interreg)
    place = PlaceFactory(name_ca="Lió", name_es="Lyon", name_en="Lyon")
    project = ProjectFactory(
        acronym="LOOKWIDE",
        programme=ka2,
        grant_agreement_number="2023-1-ES01-KA220-000000000",
        call_identifier="ERASMUS-EDU-2023-PCOOP-ENGO",
        starts_on=datetime.date(2023, 11, 1),
        ends_on=datetime.date(2026, 10, 31),
        total_cost=Decimal("250000.00"),
        eu_contribution=Decimal("250000.00"),
        city_budget=Decimal("48250.00"),
        city_eu_contribution=Decimal("48250.00"),
        website="https://lookwide.example.org/",
    )
    ProjectPartnerFactory(project=project, place=place, organisation="Ville de Lyon")
    ProjectPartnerFactory(project=project, place=PlaceFactory(country="IT"), role="coordinator")
    ResultFactory(project=project)
    ResultFactory(project=project, title_es="", title_en="", url="")  # Catalan only
    project.themes.add(ThemeFactory(), ThemeFactory(name_es="", name_en=""))
    project.news_items.add(NewsItemFactory())
    project.events.add(PastEventFactory())
    project.networks.add(NetworkFactory())
    project.agreements.add(AgreementFactory())
    project.objectives.add(ObjectiveFactory(axis__plan=PlanFactory(is_current=True)))
    for year in range(2015, 2028, 3):
        ProjectPartnerFactory(
            project=ProjectFactory(
                programme=euro_med,
                starts_on=datetime.date(year, 3, 1),
                ends_on=datetime.date(year + 2, 2, 28),
                city_eu_contribution=Decimal("12345.67") * (year - 2013),
                total_cost=Decimal("2000000.00"),
                city_budget=Decimal("1000000.00"),
                eu_contribution=Decimal("1000000.00"),
                project_status="4" if year < 2024 else "2",
            ),
            place=PlaceFactory(country="PT"),
        )
    return project, place


@pytest.fixture
def validate_html(request):
    """The checker when it is installed; otherwise None, and axe and the width still run."""
    if VNU_JAR.exists() and shutil.which("java"):
        return request.getfixturevalue("vnu")
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail("CI=true and no HTML checker: the HTML validity tests must run in CI.")
    return None


def addresses(language, project, place) -> dict[str, tuple[str, int]]:
    with translation.override(language):
        return {
            "projects": (reverse("projects:list"), 200),
            "projects-filtered": (reverse("projects:list") + "?status=2&year=2025", 200),
            "projects-unknown-filter": (reverse("projects:list") + "?year=1800", 404),
            "project": (project.get_absolute_url(), 200),
            "place": (place.get_absolute_url(), 200),
        }


def test_project_pages_are_valid_accessible_and_fit_a_phone(
    projects, page, browser, live_server, validate_html, tmp_path
):
    from axe_playwright_python.sync_playwright import Axe

    project, place = projects
    axe = Axe()
    phone = browser.new_context(
        base_url=live_server.url, viewport={"width": NARROWEST, "height": 640}
    ).new_page()
    saved, violations, too_wide = [], {}, []
    for language in LANGUAGES:
        for name, (path, status) in addresses(language, project, place).items():
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


def test_the_emblem_is_shown_beside_the_statement(projects, page):
    project, _place = projects
    with translation.override("ca"):
        page.goto(project.get_absolute_url())
    emblem = page.locator(".eu-funding__emblem")
    assert emblem.evaluate("image => image.complete && image.naturalWidth > 0")
    box = emblem.bounding_box()
    assert box["width"] >= 80 and abs(box["width"] / box["height"] - 1.5) < 0.01
    assert page.locator(".eu-funding__statement").inner_text() == "Finançat per la Unió Europea"
