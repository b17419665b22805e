"""The projects' figures of the yearly report (content.report): published projects of a calendar
year, the EU money to the city counted in the year a project starts (as the totals panel), each
figure linked to the list filtered to exactly its projects."""

import datetime
import html
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.utils import timezone

from relacions.core.demo import load_demo_content
from relacions.projects.content import content
from relacions.projects.models import Project
from relacions.projects.totals import project_totals
from tests.factories.projects import ProjectFactory
from tests.helpers import ReportSection, addresses, listed, seed_programmes

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site_settings")]

SECTION = ReportSection(content)
INDICATORS = SECTION.indicators
figures, link = SECTION.figures, SECTION.link


def project(starts_on, ends_on, amount="1000.00", **fields) -> Project:
    return ProjectFactory(
        starts_on=starts_on,
        ends_on=ends_on,
        city_eu_contribution=amount and Decimal(amount),
        **fields,
    )


# The demo's figures of 2025 (the demo loaded on 15 June 2026), counted by hand from the demo
# files; tests/reports checks the demo's published report against them too.
DEMO_2025 = {
    # TWIN35 (2025-04-01)
    "projects.started": 1,
    # CULTNEIGH (2023–2026), YOUNGEU (2024–2026), LOCALENERGY (2022–2025), TWIN35
    "projects.active": 4,
    # LOCALENERGY (ends 2025-12-31)
    "projects.ended": 1,
    # TWIN35: 30,000.00
    "projects.eu_money_started": Decimal("30000.00"),
    # CULTNEIGH 68,000 + YOUNGEU 110,000 + LOCALENERGY 152,000 + TWIN35 30,000
    "projects.eu_money_running": Decimal("360000.00"),
}


def test_the_demo_report_equals_a_hand_count():
    seed_programmes()
    load_demo_content(today=datetime.date(2026, 6, 15))
    assert figures(2025) == DEMO_2025
    # The same rule as the totals panel: the money of the projects started in the year.
    year = next(row for row in project_totals().years if row.label == "2025")
    assert year.amount == figures(2025)["projects.eu_money_started"]


def test_hidden_projects_count_nothing():
    for hidden in (
        {"status": Project.Status.DRAFT},
        {"publish_at": timezone.now() + datetime.timedelta(days=1)},
        {"unpublish_at": timezone.now() - datetime.timedelta(days=1)},
    ):
        project(datetime.date(2025, 3, 1), datetime.date(2025, 9, 30), "5000.00", **hidden)
    assert set(figures(2025).values()) == {0}


def test_the_years_edges_count_in_their_year(client):
    first = project(datetime.date(2025, 1, 1), datetime.date(2025, 12, 31), "10.00")
    project(datetime.date(2024, 1, 1), datetime.date(2024, 12, 31), "20.00")
    project(datetime.date(2026, 1, 1), datetime.date(2026, 1, 2), "40.00")
    assert figures(2025) == {
        "projects.started": 1,
        "projects.active": 1,
        "projects.ended": 1,
        "projects.eu_money_started": Decimal("10.00"),
        "projects.eu_money_running": Decimal("10.00"),
    }
    assert listed(client, link("projects.ended", 2025)) == addresses([first])


def test_each_link_lists_exactly_the_counted_projects(client):
    today = timezone.localdate()
    started = project(datetime.date(2025, 3, 1), datetime.date(2027, 2, 28), "1000.50")
    unknown = project(datetime.date(2025, 6, 1), datetime.date(2026, 5, 31), None)
    ended = project(datetime.date(2023, 1, 1), datetime.date(2025, 6, 30), "200.00")
    running = project(datetime.date(2024, 1, 1), datetime.date(2026, 12, 31), "30.00")
    project(datetime.date(2020, 1, 1), datetime.date(2024, 12, 31), "4.00")
    project(datetime.date(2026, 1, 1), datetime.date(2028, 1, 1), "5.00")
    still_on = project(today.replace(month=1, day=1), today, "6.00")
    expected = {
        "projects.started": [started, unknown],
        "projects.active": [started, unknown, ended, running],
        "projects.ended": [ended],
        "projects.eu_money_started": [started, unknown],
        "projects.eu_money_running": [started, unknown, ended, running],
    }
    for key, projects in expected.items():
        assert listed(client, link(key, 2025)) == addresses(projects), key
    assert figures(2025) == {
        "projects.started": 2,
        "projects.active": 4,
        "projects.ended": 1,
        "projects.eu_money_started": Decimal("1000.50"),  # the unknown amount adds nothing
        "projects.eu_money_running": Decimal("1230.50"),
    }
    # A project without its amount is what the missing-data check lists.
    required = INDICATORS["projects.eu_money_started"].required
    assert list(
        INDICATORS["projects.eu_money_started"]
        .records(2025)
        .filter(**{f"{required[0]}__isnull": True})
    ) == [unknown]
    # An end date that has not passed is not an end yet.
    assert still_on not in INDICATORS["projects.ended"].records(today.year)


def test_the_started_and_ended_filters_are_in_the_form_and_refuse_other_years(client):
    project(datetime.date(2024, 3, 1), datetime.date(2025, 9, 30))
    page = html.unescape(client.get("/ca/projectes/").content.decode())
    assert '<label for="id_started">Començats l\'any</label>' in page
    assert '<label for="id_ended">Acabats l\'any</label>' in page
    for name, year in (("started", 2025), ("ended", 2024)):
        response = client.get("/ca/projectes/", {name: str(year)})
        assert response.status_code == 404
    response = client.get("/ca/projectes/", {"started": "2025"})
    error = "Cap projecte publicat no va començar l'any «2025»."
    assert error in html.unescape(response.content.decode())
    assert client.get("/ca/projectes/", {"started": "2024", "ended": "2025"}).status_code == 200


def test_the_declaration_passes_the_checks():
    call_command("check")
