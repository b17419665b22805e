import datetime

import pytest

from relacions.core.demo import load_apps
from relacions.mandate.models import Objective

pytestmark = pytest.mark.django_db(transaction=True)

# The objective the office serves, in relacions/mandate/demo.yaml.
PROJECTING_TERRASSA_CODE = "5.2"


@pytest.fixture
def demo_plan(db):
    load_apps("pages", "mandate")
    objective = Objective.objects.select_related("plan").get(code=PROJECTING_TERRASSA_CODE)
    # A linked item, so the objective page's timeline is checked too.
    from relacions.news.models import NewsItem

    news = NewsItem.objects.create(
        title_ca="Fòrum de Cultura d'EUROCITIES a Leeds",
        slug_ca="forum-cultura-leeds",
        published_on=datetime.date(2019, 9, 20),
        status="published",
    )
    news.objectives.add(objective)
    return objective


@pytest.mark.parametrize("language", ["ca", "en"])
def test_the_overview_and_an_objective_have_no_wcag_violations(demo_plan, page, axe, language):
    from django.utils import translation

    with translation.override(language):
        from django.urls import reverse

        overview, detail = reverse("mandate:overview"), demo_plan.get_absolute_url()

    page.goto(overview)
    assert page.locator("progress").count() >= 8  # the plan, 3 axes, 7 objectives
    axe(page)

    page.goto(detail)
    assert page.locator("svg[role=img]").count() == 1
    assert page.locator(".mandate-timeline__item").count() == 1
    axe(page)
    assert page.csp_errors == []


def test_filtering_by_status_from_the_form(demo_plan, page):
    page.goto("/en/mandate-plan/")
    page.get_by_label("Status", exact=True).select_option("done")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url("**status=done**")
    assert page.locator(".objective-summary").count() == 1
    assert "5.3" in page.locator(".objective-summary").inner_text()


def test_phone_sized_viewport_has_no_horizontal_scroll(demo_plan, browser, live_server):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 320, "height": 640})
    page = context.new_page()
    for path in (
        "/es/mandate-plan/",
        f"/es/mandate-plan/plan-de-mandato-2023-2027/{PROJECTING_TERRASSA_CODE}/",
    ):
        page.goto(path)
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), path
    context.close()
