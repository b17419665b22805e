"""The visits' figures of the yearly report (content.report): public visits (published and
ended) by the year they start, and their final costs only, each figure linked to the list
filtered to exactly its visits."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from relacions.core.demo import load_demo_content
from relacions.visits.content import content
from relacions.visits.models import Visit
from tests.factories.visits import CostFactory, VisitFactory, days_ago
from tests.helpers import ReportSection, addresses, listed

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site_settings")]

SECTION = ReportSection(content)
INDICATORS = SECTION.indicators
figures, link = SECTION.figures, SECTION.link


def visit(starts_on, ends_on=None, costs=(), final=True, **fields) -> Visit:
    found = VisitFactory(starts_on=starts_on, ends_on=ends_on or starts_on, **fields)
    for amount in costs:
        CostFactory(visit=found, amount=Decimal(amount))
    if final:
        found.costs_final = True
        found.save()
    return found


# The demo's figures of 2025 (the demo loaded on 15 June 2026), counted by hand from the demo
# files; tests/reports checks the demo's published report against them too.
DEMO_2025 = {
    # «Visita d'estudi a Leeds», «Delegació de Granada (Nicaragua)», «Reunió a Brussel·les»
    # (all «(exemple)», 2025); the other examples are of 2026
    "visits.public": 3,
    # Leeds, Brussels
    "visits.outgoing": 2,
    # Granada
    "visits.incoming": 1,
    # Leeds 280 + 390, Granada 150 + 900 (final); Brussels' 300 is not final: nothing
    "visits.costs": Decimal("1720.00"),
}


def test_the_demo_report_equals_a_hand_count():
    load_demo_content(today=datetime.date(2026, 6, 15))
    assert figures(2025) == DEMO_2025
    missing = INDICATORS["visits.costs"].records(2025).filter(costs_final_on__isnull=True)
    assert [v.slug_ca for v in missing] == ["exemple-reunio-a-brusselles"]


def test_hidden_visits_and_costs_not_final_count_nothing():
    year = 2025
    day = datetime.date(year, 5, 1)
    visit(day, costs=["100.00"], status=Visit.Status.DRAFT)
    visit(day, costs=["100.00"], publish_at=timezone.now() + datetime.timedelta(days=1))
    visit(day, costs=["100.00"], unpublish_at=timezone.now() - datetime.timedelta(days=1))
    visit(day, costs=["100.00"], final=False)
    assert figures(year) == {
        "visits.public": 1,
        "visits.outgoing": 1,
        "visits.incoming": 0,
        "visits.costs": Decimal("0.00"),
    }


def test_a_visit_not_ended_yet_counts_nothing():
    visit(days_ago(1), days_ago(-1), costs=["50.00"], final=False)
    year = timezone.localdate().year
    assert figures(year)["visits.public"] == 0


def test_the_years_edges_count_in_their_year():
    visit(datetime.date(2025, 1, 1), costs=["10.00"])
    visit(datetime.date(2025, 12, 31), datetime.date(2026, 1, 2), costs=["20.00"])
    visit(datetime.date(2024, 12, 31), datetime.date(2025, 1, 1), costs=["40.00"])
    assert figures(2025)["visits.public"] == 2
    assert figures(2025)["visits.costs"] == Decimal("30.00")


def test_each_link_lists_exactly_the_counted_visits(client):
    day = datetime.date(2025, 6, 1)
    outgoing = visit(day, costs=["100.25", "50.00"])
    pending = visit(day, costs=["999.00"], final=False)
    incoming = visit(day, costs=["30.00"], direction=Visit.Direction.INCOMING)
    visit(datetime.date(2024, 6, 1), costs=["7.00"])
    expected = {
        "visits.public": [outgoing, pending, incoming],
        "visits.outgoing": [outgoing, pending],
        "visits.incoming": [incoming],
        "visits.costs": [outgoing, pending, incoming],
    }
    for key, visits in expected.items():
        assert listed(client, link(key, 2025)) == addresses(visits), key
    assert figures(2025)["visits.costs"] == Decimal("180.25")
    # The list's totals of the year show the same sum of final costs.
    assert "180,25\u00a0€" in client.get(link("visits.costs", 2025)).content.decode()
