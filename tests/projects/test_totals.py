"""The totals panel: computed by PostgreSQL in one query, equal to a hand count, blind to drafts.

The hand count (each project's money spread over the years it runs, by days):
- H (Horizon Europe), 1 July 2024 – 30 June 2026, 730 days, 100,000.00 to the city: up to the end
  of 2024, 184 days → 25,205.48; up to the end of 2025, 549 days → 75,205.48, so 2025 gets
  50,000.00 and 2026 the remaining 24,794.52. Implementation (active).
- E (Interreg › Interreg Europe), all of 2025, 60,000.00. Finalisation (active). A partner in Italy.
- S (Interreg › Interreg Sudoe), all of 2023, 40,000.50. Closed. Partners in France and Italy.
- U (URBACT), 2026–2027, no amount recorded. Pipeline. A partner in Portugal.
Per year: 2023 40,000.50; 2024 25,205.48; 2025 110,000.00; 2026 24,794.52; 2027 0.00.
Per programme: Interreg 100,000.50 (2 projects); Horizon Europe 100,000.00; URBACT 0.00.
Total 200,000.50; 4 projects, 2 active; 3 countries.
"""

import datetime
import re
from decimal import Decimal

import pytest
from django.utils import timezone, translation

from relacions.projects.totals import project_totals
from tests.factories.places import PlaceFactory
from tests.factories.projects import ProjectFactory, ProjectPartnerFactory

from .conftest import programme

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site_settings")]


def project(name, *, starts, ends, amount, status, countries=()):
    created = ProjectFactory(
        acronym=name,
        programme=programme(name_of[name]),
        starts_on=datetime.date.fromisoformat(starts),
        ends_on=datetime.date.fromisoformat(ends),
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
        ("2024", Decimal("25205.48"), 1),
        ("2025", Decimal("110000.00"), 2),
        ("2026", Decimal("24794.52"), 2),
        ("2027", Decimal("0.00"), 1),
    ]
    assert [(row.label, row.amount, row.projects) for row in totals.programmes] == [
        ("Interreg", Decimal("100000.50"), 2),
        ("Horitzó Europa", Decimal("100000.00"), 1),
        ("URBACT", Decimal("0.00"), 1),
    ]
    assert sum(row.amount for row in totals.years) == totals.amount
    assert totals.countries == ["FR", "IT", "PT"]  # França, Itàlia, Portugal
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
    for figure in ("40.000,50", "25.205,48", "110.000,00", "24.794,52"):
        assert f"{figure}\u00a0€" in chart and f"{figure}\u00a0€" in table
    assert "França, Itàlia, Portugal" in panel
    english = totals_panel(client.get("/en/projects/").content.decode())
    assert "€200,000.50" in english and "€110,000.00" in english


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
