"""The totals panel: computed by PostgreSQL in one query, equal to a hand count, blind to drafts.

A project's money counts in the year it starts (relacions/projects/totals.py). The hand count of
the fixture below:
- H (Horizon Europe), 1 July 2024 – 30 June 2026, 100,000.00 to the city. Implementation (active).
- E (Interreg › Interreg Europe), all of 2025, 60,000.00. Finalisation (active). A partner in Italy.
- S (Interreg › Interreg Sudoe), all of 2023, 40,000.50. Closed. Partners in France and Italy.
- U (URBACT), 2026–2027, no amount recorded. Pipeline. A partner in Portugal.
Per year: 2023 40,000.50; 2024 100,000.00; 2025 60,000.00; 2026 none recorded.
Per programme: Interreg 100,000.50 (2 projects); Horizon Europe 100,000.00; URBACT none.
Total 200,000.50; 4 projects, 2 active; 3 countries; projects run in 2023–2027.
"""

import datetime
import re
from decimal import Decimal

import pytest
from django.utils import timezone, translation

from relacions.core.demo import load_apps
from relacions.projects.totals import project_totals
from tests.factories.places import PlaceFactory
from tests.factories.projects import ProjectFactory, ProjectPartnerFactory
from tests.helpers import address, seed_programmes

from .conftest import programme

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site_settings")]


def project(name, *, starts, ends, amount, status, countries=()):
    created = ProjectFactory(
        acronym=name,
        programme=programme(name_of[name]),
        starts_on=datetime.date.fromisoformat(starts),
        ends_on=datetime.date.fromisoformat(ends),
        total_cost=Decimal("2000000.00"),
        eu_contribution=Decimal("1600000.00"),
        city_budget=Decimal("400000.00"),
        city_eu_contribution=None if amount is None else Decimal(amount),
        project_status=status,
    )
    for country in countries:
        ProjectPartnerFactory(project=created, place=PlaceFactory(country=country))
    return created


name_of = {
    "H": "Horizon Europe",
    "E": "Interreg Europe",
    "S": "Interreg Sudoe",
    "U": "URBACT",
    "D": "Horizon Europe",
}


@pytest.fixture
def counted(db):
    project("H", starts="2024-07-01", ends="2026-06-30", amount="100000.00", status="2")
    project("E", starts="2025-01-01", ends="2025-12-31", amount="60000.00", status="3",
            countries=["IT"])  # fmt: skip
    project("S", starts="2023-01-01", ends="2023-12-31", amount="40000.50", status="4",
            countries=["FR", "IT"])  # fmt: skip
    project("U", starts="2026-01-01", ends="2027-12-31", amount=None, status="1",
            countries=["PT"])  # fmt: skip


def hidden_projects():
    """A draft and a scheduled project, with money and partners in new countries."""
    draft = project("D", starts="2025-01-01", ends="2025-12-31", amount="150000.00", status="2",
                    countries=["DE"])  # fmt: skip
    draft.status = "draft"
    draft.save()
    scheduled = project("D", starts="2020-01-01", ends="2030-12-31", amount="55555.55",
                        status="2", countries=["SE"])  # fmt: skip
    scheduled.publish_at = timezone.now() + datetime.timedelta(days=3)
    scheduled.save()


def test_the_totals_equal_the_hand_count(counted):
    with translation.override("ca"):
        totals = project_totals()
    assert (totals.projects, totals.active) == (4, 2)
    assert totals.amount == Decimal("200000.50")
    assert [(row.label, row.amount, row.projects) for row in totals.years] == [
        ("2023", Decimal("40000.50"), 1),
        ("2024", Decimal("100000.00"), 1),
        ("2025", Decimal("60000.00"), 1),
        ("2026", None, 1),
    ]
    assert [(row.label, row.amount, row.projects) for row in totals.programmes] == [
        ("Interreg", Decimal("100000.50"), 2),
        ("Horitzó Europa", Decimal("100000.00"), 1),
        ("URBACT", None, 1),
    ]
    assert totals.countries == ["FR", "IT", "PT"]  # França, Itàlia, Portugal
    assert totals.running_years == [2023, 2024, 2025, 2026, 2027]
    with translation.override("en"):
        assert project_totals().programmes[1].label == "Horizon Europe"


def test_the_page_shows_the_hand_count_as_chart_and_table(client, counted):
    page = client.get("/ca/projectes/").content.decode()
    panel = totals_panel(page)
    assert "200.000,50\u00a0€" in panel
    chart = panel[panel.index("<svg") : panel.index("</svg>")]
    assert 'role="img"' in chart and "<title" in chart and "<desc" in chart
    table = panel[panel.index("<table") : panel.index("</table>")]
    assert '<th scope="col">' in table and "<caption" in table
    for figure in ("40.000,50\u00a0€", "100.000,00\u00a0€", "60.000,00\u00a0€", "—"):
        assert figure in chart and figure in table
    assert "França, Itàlia, Portugal" in panel
    english = totals_panel(client.get("/en/projects/").content.decode())
    assert "€200,000.50" in english and "€60,000.00" in english


@pytest.mark.parametrize("count", [1, 200])
def test_the_totals_are_one_query(django_assert_num_queries, count):
    for index in range(count):
        ProjectPartnerFactory(
            project=ProjectFactory(
                programme=programme(name_of["HEU"[index % 3]]),
                starts_on=datetime.date(2020 + index % 5, 1, 1),
                ends_on=datetime.date(2026, 1, 1),
            )
        )
    with django_assert_num_queries(1):
        totals = project_totals()
    assert totals.projects == count
    assert totals.amount == Decimal("16000.00") * count


def test_a_draft_or_a_scheduled_project_never_changes_a_figure(client, counted):
    before = totals_panel(client.get("/ca/projectes/").content.decode())
    hidden_projects()
    after = totals_panel(client.get("/ca/projectes/").content.decode())
    assert after == before
    assert "Alemanya" not in after and "150.000,00" not in after


def totals_panel(page: str) -> str:
    return re.search(r'<section class="project-totals".*?</section>', page, re.S)[0]


def test_the_page_equals_a_hand_count_of_the_demo_projects(client):
    """relacions/projects/demo.yaml, counted by hand (all published; amounts to the city):
    IA4END 2018 120,000 and LOOK WIDE 2019 48,000 (Rights, Equality and Citizenship, closed);
    CULTNEIGH URBACT 2023 68,000; YOUNGEU Erasmus+ › KA2 2024 110,000; LOCALENERGY Interreg ›
    Interreg Europe 2022 152,000 (finalisation); TWIN35 CERV › Citizens' engagement 2025 30,000;
    NEUTRALCITY Horizon Europe 2027, pipeline, no city figures. Partners in Vic and Barcelona
    (Spain), Leeds (United Kingdom), Pamiers (France), Brussels (Belgium)."""
    seed_programmes()  # the demo names programmes of the seeded code list
    load_apps("places", "mandate", "networks", "events", "news", "agreements", "projects")
    with translation.override("ca"):
        totals = project_totals()
    assert (totals.projects, totals.active) == (7, 4)
    assert totals.amount == Decimal("528000.00")
    assert {row.label: row.amount for row in totals.years} == {
        "2018": Decimal("120000.00"),
        "2019": Decimal("48000.00"),
        "2022": Decimal("152000.00"),
        "2023": Decimal("68000.00"),
        "2024": Decimal("110000.00"),
        "2025": Decimal("30000.00"),
        "2027": None,
    }
    assert [(row.label, row.amount, row.projects) for row in totals.programmes] == [
        ("Drets, Igualtat i Ciutadania (2014–2020)", Decimal("168000.00"), 2),
        ("Interreg", Decimal("152000.00"), 1),
        ("Erasmus+", Decimal("110000.00"), 1),
        ("URBACT", Decimal("68000.00"), 1),
        ("CERV — Ciutadania, Igualtat, Drets i Valors", Decimal("30000.00"), 1),
        ("Horitzó Europa", None, 1),
    ]
    assert totals.country_names() == ["Bèlgica", "Espanya", "França", "Regne Unit"]
    assert 2021 not in totals.running_years and totals.running_years[-1] == 2030

    panel = totals_panel(client.get("/ca/projectes/").content.decode())
    for figure in ("528.000,00", "120.000,00", "48.000,00", "152.000,00", "168.000,00"):
        assert f"{figure}\u00a0€" in panel
    # The page and the open data's yearly totals agree.
    download = client.get(address("opendata:json", "ca", dataset="project-totals"))
    rows = {row["year"]: row["city_eu_contribution"] for row in download.json()["items"]}
    assert {str(year): amount and Decimal(amount) for year, amount in rows.items()} == {
        row.label: row.amount for row in totals.years
    }
