import datetime
import html
import re

import pytest
from django.utils import translation

from relacions.mandate.models import Plan, ProgressUpdate
from tests.factories.mandate import (
    AxisFactory,
    ObjectiveFactory,
    PlanFactory,
    ProgressUpdateFactory,
)
from tests.helpers import LANGUAGES, address

from .conftest import html_lang

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site_settings")]

Status = ProgressUpdate.Status
# The private update's progress (87 %) as a number on its own: not the digits inside a
# CSRF token or a static file's hash, which are random and made the test flaky.
PRIVATE_PROGRESS = re.compile(r"\b87\b")
# A page's random CSP nonce may hold "-87-": it is not the page's text.
NONCE = re.compile(r'nonce="[^"]*"')


def objective_url(objective, language: str = "ca") -> str:
    with translation.override(language):
        return objective.get_absolute_url()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_overview_answers_in_each_language(client, objective, language):
    response = client.get(address("mandate:overview", language))

    assert response.status_code == 200
    assert html_lang(response) == language
    body = response.content.decode()
    assert body.count("<h1") == 1
    with translation.override(language):
        assert objective.plan.title in body
        assert objective.title in body


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_objective_page_answers_in_each_language(client, objective, language):
    response = client.get(objective_url(objective, language))

    assert response.status_code == 200
    assert html_lang(response) == language
    body = response.content.decode()
    assert body.count("<h1") == 1
    with translation.override(language):
        assert objective.title in body


def test_the_overview_shows_each_objective_with_its_status_and_progress(client, objective):
    body = client.get(address("mandate:overview", "en")).content.decode()

    assert objective_url(objective, "en") in body
    assert 'value="45.0"' in body  # the <progress> of the objective (its latest public update)
    assert "45 %" in body  # … and its text equivalent
    assert "In progress" in body


def test_the_status_summary_counts_the_objectives_of_the_whole_plan(client, objective):
    ObjectiveFactory(axis=objective.axis)  # not started
    ProgressUpdateFactory(objective__axis=objective.axis, status=Status.DONE, progress=100)

    body = client.get(address("mandate:overview", "en"), {"status": "done"}).content.decode()

    summary = body.split('class="status-summary"')[1].split("</ul>")[0]
    pattern = r'status-summary__count">(\d+)</span> <span class="status-badge status-badge--(\w+)"'
    counts = {status: int(count) for count, status in re.findall(pattern, summary)}
    assert counts == {"not_started": 1, "in_progress": 1, "done": 1, "deferred": 0}


class TestFilters:
    @pytest.fixture
    def objectives(self, plan):
        first, second = AxisFactory(plan=plan, number=1), AxisFactory(plan=plan, number=2)
        done = ObjectiveFactory(axis=first, code="1.1", title_en="Done one")
        ProgressUpdateFactory(objective=done, status=Status.DONE, progress=100)
        waiting = ObjectiveFactory(axis=first, code="1.2", title_en="Waiting one")
        elsewhere = ObjectiveFactory(axis=second, code="2.1", title_en="Elsewhere one")
        return done, waiting, elsewhere

    def titles(self, client, **params):
        body = client.get(address("mandate:overview", "en"), params).content.decode()
        return {title for title in ("Done one", "Waiting one", "Elsewhere one") if title in body}

    def test_no_filter_shows_everything(self, client, objectives):
        assert self.titles(client) == {"Done one", "Waiting one", "Elsewhere one"}

    def test_by_status(self, client, objectives):
        assert self.titles(client, status="done") == {"Done one"}
        assert self.titles(client, status="not_started") == {"Waiting one", "Elsewhere one"}

    def test_by_axis(self, client, objectives):
        assert self.titles(client, axis="2") == {"Elsewhere one"}

    def test_by_axis_and_status(self, client, objectives):
        assert self.titles(client, axis="1", status="not_started") == {"Waiting one"}

    @pytest.mark.parametrize(
        ("params", "message"),
        [
            ({"status": "nope"}, "There is no status “nope”."),
            ({"axis": "abc"}, "The plan has no axis “abc”."),
            ({"axis": "99"}, "The plan has no axis “99”."),
            ({"axis": "-1", "status": ""}, "The plan has no axis “-1”."),
            ({"axis": "1" * 40}, f"The plan has no axis “{'1' * 40}”."),
            ({"status": ["done", "nope"], "axis": ["x", "y"]}, "The plan has no axis “y”."),
        ],
    )
    def test_an_unknown_filter_is_not_found_rather_than_a_copy_of_the_plan(
        self, client, objectives, params, message
    ):
        response = client.get(address("mandate:overview", "en"), params)
        assert response.status_code == 404
        body = response.content.decode()
        assert html.escape(message) in body
        for title in ("Done one", "Waiting one", "Elsewhere one"):
            assert title not in body
        assert '<meta name="robots" content="noindex, follow">' in body
        assert 'rel="canonical"' not in body
        assert 'aria-invalid="true" aria-describedby="mandate-filters-error"' in body

    @pytest.mark.parametrize("params", [{}, {"axis": "", "status": ""}, {"utm_source": "x"}])
    def test_the_unfiltered_plan_has_one_canonical_address(self, client, objectives, params):
        path = address("mandate:overview", "en")
        body = client.get(path, params).content.decode()
        assert f'<link rel="canonical" href="http://testserver{path}">' in body

    def test_the_selected_filters_are_shown_in_the_form(self, client, objectives):
        body = client.get(
            address("mandate:overview", "en"), {"axis": "2", "status": "done"}
        ).content.decode()
        assert '<option value="2" selected>' in body
        assert '<option value="done" selected>' in body


class TestVisibility:
    def test_a_draft_plan_is_not_shown(self, client, objective):
        Plan.objects.filter(pk=objective.plan.pk).update(status=Plan.Status.DRAFT)

        assert client.get(address("mandate:overview", "ca")).status_code == 404
        assert client.get(objective_url(objective)).status_code == 404
        assert client.get(address("mandate:json", "ca")).status_code == 404
        assert client.get(address("mandate:csv", "ca")).status_code == 404
        assert client.get(address("mandate:plan", "ca", slug="pla-prova")).status_code == 404

    def test_a_scheduled_plan_is_not_shown_yet(self, client, objective):
        later = datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=1)
        Plan.objects.filter(pk=objective.plan.pk).update(publish_at=later)
        assert client.get(address("mandate:overview", "ca")).status_code == 404
        assert client.get(objective_url(objective)).status_code == 404

    def test_an_earlier_plan_has_its_own_page(self, client, objective):
        old = PlanFactory(is_current=False, slug_ca="pla-antic", title_ca="Pla antic")
        old_objective = ObjectiveFactory(axis__plan=old, code="5.2", title_ca="Objectiu antic")

        response = client.get(old.get_absolute_url())
        assert response.status_code == 200
        assert "Objectiu antic" in response.content.decode()
        # The same code in two plans: each path finds its own objective.
        assert "Objectiu antic" in client.get(objective_url(old_objective)).content.decode()
        assert "Objectiu antic" not in client.get(objective_url(objective)).content.decode()

    def test_the_overview_shows_the_current_plan(self, client, objective):
        PlanFactory(is_current=False, title_ca="Pla antic")
        body = client.get(address("mandate:overview", "ca")).content.decode()
        assert "Pla de Mandat de prova" in body
        assert "Pla antic" not in body

    def test_no_current_plan_is_a_404(self, client, db):
        PlanFactory(is_current=False)
        assert client.get(address("mandate:overview", "ca")).status_code == 404

    def test_an_unknown_objective_is_a_404(self, client, objective):
        url = address("mandate:objective", "ca", plan="pla-prova", code="9.9")
        assert client.get(url).status_code == 404
        url = address("mandate:objective", "ca", plan="no-such-plan", code="5.2")
        assert client.get(url).status_code == 404


class TestObjectivePage:
    def test_a_private_update_is_never_shown(self, client, objective):
        for language in LANGUAGES:
            body = NONCE.sub("", client.get(objective_url(objective, language)).content.decode())
            assert "SECRET" not in body
            assert not PRIVATE_PROGRESS.search(body)
        overview = NONCE.sub("", client.get(address("mandate:overview", "en")).content.decode())
        assert "SECRET" not in overview
        assert not PRIVATE_PROGRESS.search(overview)

    def test_it_shows_the_history_as_a_chart_and_a_table(self, client, objective):
        body = client.get(objective_url(objective, "en")).content.decode()

        chart = body.split("<svg")[1].split("</svg>")[0]
        assert 'role="img"' in chart
        assert chart.count("<circle") == 2  # the two public updates
        assert "style=" not in body
        table = body.split("<table")[1].split("</table>")[0]
        assert table.count('<th scope="row">') == 2
        assert "First step" in table and "Halfway" in table
        assert "25 %" in table and "45 %" in table

    def test_with_no_public_update_there_is_no_chart(self, client, plan):
        objective = ObjectiveFactory(axis__plan=plan)
        ProgressUpdateFactory(objective=objective, is_public=False)
        body = client.get(objective_url(objective, "en")).content.decode()
        assert "<svg" not in body
        assert "No progress has been reported on this objective yet." in body
        assert "Not started" in body

    def test_the_address_uses_the_plan_slug_of_each_language(self, objective):
        assert objective_url(objective, "ca").endswith("/pla-prova/5.2/")
        assert objective_url(objective, "es").endswith("/plan-prueba/5.2/")
        assert objective_url(objective, "en") == "/en/mandate-plan/test-plan/5.2/"

    def test_the_language_switcher_links_to_the_same_objective(self, client, objective):
        body = client.get(objective_url(objective, "ca")).content.decode()
        assert f'href="{objective_url(objective, "en")}" hreflang="en"' in body

    def test_a_missing_translation_falls_back_to_catalan_marked_as_such(self, client, objective):
        body = client.get(objective_url(objective, "es")).content.decode()
        # description_es is empty in the fixture: Catalan text, marked.
        assert '<div class="rich-text" lang="ca"><p>Descripció de l\'objectiu</p></div>' in body
        assert 'class="fallback-notice"' in body

    def test_nothing_linked_says_so(self, client, objective):
        body = client.get(objective_url(objective, "en")).content.decode()
        assert "International work serving this objective" in body


def many_objectives(plan, count: int):
    axes = [AxisFactory(plan=plan, number=number) for number in (1, 2, 3)]
    for index in range(count):
        objective = ObjectiveFactory(axis=axes[index % 3], code=f"{index % 3 + 1}.{index}")
        ProgressUpdateFactory(objective=objective, date=datetime.date(2024, 1, 1), progress=10)
        ProgressUpdateFactory(objective=objective, date=datetime.date(2024, 6, 1), progress=20)
        ProgressUpdateFactory(objective=objective, progress=30, is_public=False)
    return objective


# Plan, axis choices, axes, objectives, status counts, the objectives' public updates (fetched
# for the cards the fragment cache lacks: every card, the cache being off in tests; one query
# for every axis together, mandate_tags.objective_cards); site settings, menu and footer pages;
# and the session/middleware's own. Measured once, then pinned: the same for 1 and for 50
# objectives.
OVERVIEW_QUERIES = 7
# The objective with its plan, its updates (fetched by its body's fragment), one query for each
# register linked to objectives (news, events, memberships, forums, agreements, projects,
# visits: mandate.linked) and the site's chrome.
DETAIL_QUERIES = 10


@pytest.mark.parametrize("count", [1, 50])
def test_the_overview_query_count_is_constant(client, plan, django_assert_max_num_queries, count):
    many_objectives(plan, count)
    with django_assert_max_num_queries(OVERVIEW_QUERIES):
        response = client.get(address("mandate:overview", "en"), {"status": "in_progress"})
    assert response.content.decode().count('class="objective-summary ') == count


@pytest.mark.parametrize("count", [1, 50])
def test_the_overview_query_count_is_constant_with_the_year_filters(
    client, plan, django_assert_max_num_queries, count
):
    many_objectives(plan, count)
    with django_assert_max_num_queries(OVERVIEW_QUERIES):
        response = client.get(address("mandate:overview", "en"), {"done": 2024, "updated": 2024})
    assert response.content.decode().count('class="objective-summary ') == 0
    with django_assert_max_num_queries(OVERVIEW_QUERIES):
        response = client.get(address("mandate:overview", "en"), {"updated": 2024})
    assert response.content.decode().count('class="objective-summary ') == count


@pytest.mark.parametrize("count", [1, 50])
def test_the_objective_page_query_count_is_constant(
    client, plan, django_assert_max_num_queries, count
):
    objective = many_objectives(plan, count)
    for _ in range(count):
        ProgressUpdateFactory(objective=objective, date=datetime.date(2023, 1, 1), progress=5)
    url = objective_url(objective, "en")
    with django_assert_max_num_queries(DETAIL_QUERIES):
        response = client.get(url)
    assert response.status_code == 200
