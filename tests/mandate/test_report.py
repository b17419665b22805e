"""The Pla de Mandat's figures of the yearly report (content.REPORT) and the page they link to."""

import datetime
import re
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone, translation

from relacions.core.demo import load_demo_content
from relacions.mandate.content import content
from tests.factories.mandate import (
    AxisFactory,
    ObjectiveFactory,
    PlanFactory,
    ProgressUpdateFactory,
)
from tests.helpers import ReportSection, address

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site_settings")]

D = datetime.date
YEAR = 2025


SECTION = ReportSection(content)


def figures(year: int = YEAR) -> dict:
    return SECTION.figures(year)


def urls(year: int = YEAR, language: str = "en") -> dict:
    with translation.override(language):
        return {i.key: i.url(year) for i in content.report.indicators}


# The demo's figures of 2025 (the demo loaded on 15 June 2026), counted by hand from the demo
# files; tests/reports checks the demo's published report against them too.
DEMO_2025 = {
    # Latest public updates by 2025-01-01: 2.1 20 % (2024-06-30), 4.1 40 % (2024-12-31),
    # 5.1 50 % (2024-03-31), 5.2 45 % (2024-10-31), the others none (0 %):
    # (2×20 + 40 + 2×50 + 3×45) / 11 = 315 / 11 = 28.63…
    "mandate.progress_start": Decimal("28.6"),
    # By 2025-12-31: 2.1 35 % (2025-06-30), 4.1 40 %, 4.2 10 % (2025-03-31), 5.1 70 %
    # (2025-03-31), 5.2 still 45 % (its 2025-06-30 update is not public), 5.3 100 %
    # (2025-01-31), 2.2 none: (2×35 + 40 + 10 + 2×70 + 3×45 + 100) / 11 = 495 / 11 = 45.
    "mandate.progress_end": Decimal("45.0"),
    # 5.3, done on 2025-01-31 (no update before).
    "mandate.objectives_done": 1,
    # 2.1 (2025-06-30), 4.2 (2025-03-31), 5.1 (2025-03-31), 5.3 (2025-01-31); not 5.2,
    # whose 2025 update is an internal draft.
    "mandate.objectives_updated": 4,
}


def test_the_demo_figures_of_last_year_as_counted_by_hand():
    load_demo_content(today=D(2026, 6, 15))
    # relacions/mandate/demo.yaml, loaded on 15 June 2026 (year-start is 1 January 2026): the
    # plan 2023–2027 is in force in 2025; its weights are 2.1: 2, 2.2: 1, 4.1: 1, 4.2: 1,
    # 5.1: 2, 5.2: 3, 5.3: 1 (11 in all).
    assert figures() == DEMO_2025


def test_the_report_declaration_passes_the_checks():
    call_command("check")
    assert content.report.key == "mandate" and content.report.order == 70


# --- What counts ---------------------------------------------------------------------------------


def objective_of(plan, code: str, weight: int = 1, *updates):
    axis = plan.axes.first() or AxisFactory(plan=plan, number=1)
    objective = ObjectiveFactory(axis=axis, code=code, weight=weight)
    for day, status, progress, *public in updates:
        ProgressUpdateFactory(
            objective=objective,
            date=day,
            status=status,
            progress=progress,
            is_public=public[0] if public else True,
        )
    return objective


def test_unpublished_plans_and_private_updates_do_not_count():
    now = timezone.now()
    for plan in (
        PlanFactory(status="draft", is_current=False),
        PlanFactory(publish_at=now + datetime.timedelta(days=1), is_current=False),
        PlanFactory(unpublish_at=now - datetime.timedelta(days=1), is_current=False),
    ):
        objective_of(plan, "1.1", 1, (D(YEAR, 5, 1), "done", 100))
    public = PlanFactory(start_year=2020, end_year=2021)  # not in force in YEAR
    objective_of(public, "1.1", 1, (D(YEAR, 5, 1), "done", 100))
    assert figures() == {
        "mandate.progress_start": Decimal("0.0"),
        "mandate.progress_end": Decimal("0.0"),
        "mandate.objectives_done": 0,
        "mandate.objectives_updated": 0,
    }

    plan = PlanFactory(is_current=False)
    objective_of(plan, "2.1", 1, (D(YEAR, 5, 1), "done", 100, False))
    assert figures()["mandate.objectives_updated"] == 0
    assert figures()["mandate.progress_end"] == Decimal("0.0")


def test_the_states_on_the_first_and_last_day_of_the_year():
    plan = PlanFactory()
    # Dates, not moments: an update of 1 January is the state on 1 January; one of 31 December
    # is of the year; one of 1 January next year is not.
    objective_of(plan, "1.1", 1, (D(YEAR, 1, 1), "in_progress", 40))
    objective_of(
        plan, "1.2", 1, (D(YEAR - 1, 12, 31), "in_progress", 10), (D(YEAR, 12, 31), "done", 100)
    )
    objective_of(plan, "1.3", 1, (D(YEAR + 1, 1, 1), "done", 100))
    assert figures() == {
        "mandate.progress_start": Decimal("16.7"),  # (40 + 10 + 0) / 3
        "mandate.progress_end": Decimal("46.7"),  # (40 + 100 + 0) / 3
        "mandate.objectives_done": 1,  # 1.2
        "mandate.objectives_updated": 2,  # 1.1, 1.2
    }
    assert figures(YEAR + 1)["mandate.objectives_done"] == 1  # 1.3; 1.2 was done before
    assert figures(YEAR - 1)["mandate.objectives_updated"] == 1  # 1.2


def test_done_during_the_year_means_done_at_its_end_and_not_before_it():
    plan = PlanFactory()
    objective_of(plan, "1.1", 1, (D(YEAR, 1, 1), "done", 100))  # done on 1 January: that year
    objective_of(plan, "1.2", 1, (D(YEAR - 1, 6, 1), "done", 100))  # done the year before
    objective_of(
        plan, "1.3", 1, (D(YEAR, 3, 1), "done", 100), (D(YEAR, 9, 1), "in_progress", 80)
    )  # undone again
    objective_of(
        plan,
        "1.4",
        1,
        (D(YEAR - 1, 6, 1), "done", 100),
        (D(YEAR - 1, 9, 1), "in_progress", 90),
        (D(YEAR, 2, 1), "done", 100),
    )  # done again
    objective_of(plan, "1.5", 1, (D(YEAR, 4, 1), "done", 100, False))  # not public
    assert figures()["mandate.objectives_done"] == 2
    assert codes_at(urls()["mandate.objectives_done"]) == ["1.1", "1.4"]


def test_the_progress_is_weighted_as_the_plan_page_weighs_it(client):
    plan = PlanFactory()
    objective_of(plan, "1.1", 3, (D(YEAR, 2, 1), "in_progress", 50))
    objective_of(plan, "1.2", 1, (D(YEAR, 2, 1), "in_progress", 10))
    objective_of(plan, "1.3", 0, (D(YEAR, 2, 1), "done", 100))  # weight 0: does not count
    # (3×50 + 1×10) / 4 = 40, as the plan's own progress (its page) says today.
    assert figures()["mandate.progress_end"] == Decimal("40.0")
    page = client.get(address("mandate:overview", "en")).content.decode()
    assert 'aria-label="Overall progress of the plan">40 %' in page


def test_without_weights_every_objective_counts_alike():
    plan = PlanFactory()
    objective_of(plan, "1.1", 0, (D(YEAR, 2, 1), "in_progress", 50))
    objective_of(plan, "1.2", 0, (D(YEAR, 2, 1), "in_progress", 20))
    assert figures()["mandate.progress_end"] == Decimal("35.0")


def test_the_plan_in_force_is_the_one_whose_period_covers_the_year():
    old = PlanFactory(start_year=2019, end_year=2023, is_current=False)
    new = PlanFactory(start_year=2023, end_year=2027)
    objective_of(old, "1.1", 1, (D(2022, 5, 1), "done", 100), (D(2023, 3, 1), "done", 100))
    objective_of(new, "1.1", 1, (D(2023, 9, 1), "in_progress", 30))
    assert figures(2022)["mandate.progress_end"] == Decimal("100.0")
    # 2023 is in both periods: the plan that started that year is the one in force.
    assert figures(2023)["mandate.progress_end"] == Decimal("30.0")
    assert figures(2023)["mandate.objectives_updated"] == 1
    assert figures(2030)["mandate.progress_end"] == Decimal("0.0")
    with translation.override("en"):
        assert content.report.indicators[0].url(2022) == old.get_absolute_url()
        assert content.report.indicators[0].url(2023) == new.get_absolute_url()
        assert content.report.indicators[0].url(2030) is None


# --- The links -----------------------------------------------------------------------------------


def page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    body = response.content.decode()
    return body[body.index("<main") : body.index("</main>")]


def codes_at(url: str) -> list[str]:
    return re.findall(r'class="objective-summary__code">([^<]+)<', page(Client(), url))


@pytest.fixture
def a_year_of_the_plan():
    plan = PlanFactory(slug_en="test-plan", is_current=False)
    AxisFactory(plan=plan, number=1)
    AxisFactory(plan=plan, number=2)
    axis_one, axis_two = plan.axes.order_by("number")
    for axis, code, updates in (
        (axis_one, "1.1", [(D(YEAR, 3, 1), "done", 100)]),
        (axis_one, "1.2", [(D(YEAR, 3, 1), "in_progress", 30)]),
        (axis_one, "1.3", [(D(YEAR - 1, 3, 1), "done", 100)]),
        (axis_two, "2.1", [(D(YEAR, 12, 31), "done", 100)]),
        (axis_two, "2.2", [(D(YEAR, 6, 1), "in_progress", 60, False)]),
        (axis_two, "2.3", []),
    ):
        objective = ObjectiveFactory(axis=axis, code=code)
        for day, status, progress, *public in updates:
            ProgressUpdateFactory(
                objective=objective,
                date=day,
                status=status,
                progress=progress,
                is_public=public[0] if public else True,
            )
    return plan


def test_each_figure_links_to_the_plan_listing_exactly_its_objectives(client, a_year_of_the_plan):
    values, links = figures(), urls()
    plan_page = "/en/mandate-plan/test-plan/"
    assert links["mandate.progress_start"] == links["mandate.progress_end"] == plan_page
    page(client, plan_page)

    assert links["mandate.objectives_done"] == f"{plan_page}?done={YEAR}"
    assert codes_at(links["mandate.objectives_done"]) == ["1.1", "2.1"]
    assert values["mandate.objectives_done"] == 2

    assert links["mandate.objectives_updated"] == f"{plan_page}?updated={YEAR}"
    assert codes_at(links["mandate.objectives_updated"]) == ["1.1", "1.2", "2.1"]
    assert values["mandate.objectives_updated"] == 3


def test_the_links_are_in_the_active_language(a_year_of_the_plan):
    a_year_of_the_plan.slug_ca = "pla-prova"
    a_year_of_the_plan.save()
    assert (
        urls(language="ca")["mandate.objectives_done"]
        == f"/ca/pla-de-mandat/pla-prova/?done={YEAR}"
    )


def test_the_year_filters_are_in_the_plan_form(client, a_year_of_the_plan):
    main = page(client, "/en/mandate-plan/test-plan/")
    assert '<label for="filter-done">Done in</label>' in main
    assert '<label for="filter-updated">Updated in</label>' in main
    assert f'<option value="{YEAR}">{YEAR}</option>' in main
    catalan = page(client, f"/ca/pla-de-mandat/{a_year_of_the_plan.slug_ca}/")
    assert '<label for="filter-done">Assolits l\'any</label>' in catalan


@pytest.mark.parametrize("query", ["done=2031", "updated=abc", "done=2022"])
def test_a_year_outside_the_plan_answers_404_with_the_error(client, a_year_of_the_plan, query):
    response = client.get(f"/en/mandate-plan/test-plan/?{query}")
    assert response.status_code == 404
    value = query.split("=")[1]
    assert f"“{value}” is not a year of the plan." in response.content.decode()
    assert 'class="objective-summary ' not in response.content.decode()
    spanish = client.get(f"/es/plan-de-mandato/{a_year_of_the_plan.slug_es}/?{query}")
    assert spanish.status_code == 404
    assert f"«{value}» no es un año del plan." in spanish.content.decode()
