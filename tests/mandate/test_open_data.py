import csv
import datetime
import io
import json

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from tests.factories.mandate import AxisFactory, ObjectiveFactory, ProgressUpdateFactory

from .test_views import many_objectives

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site_settings")]


def get(client, name: str, language: str = "en"):
    with translation.override(language):
        return client.get(reverse(name))


def read_csv(response) -> list[list[str]]:
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:])))


@pytest.fixture
def weighted_plan(plan, objective):
    """Axis 5: 5.2 at 45 % (weight 1) and 5.3 at 100 % (weight 3); axis 6: 6.1 not started."""
    done = ObjectiveFactory(axis=objective.axis, code="5.3", weight=3, title_en="Twinnings")
    ProgressUpdateFactory(
        objective=done, date=datetime.date(2025, 2, 1), progress=100, status="done"
    )
    ObjectiveFactory(axis=AxisFactory(plan=plan, number=6), code="6.1", title_en="Waiting")
    return plan


def test_the_json_download_has_the_current_plan_with_its_figures(client, weighted_plan):
    response = get(client, "mandate:json")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    data = json.loads(response.content)
    assert data["plan"]["title"] == "Test Mandate Plan"
    assert data["plan"]["progress"] == pytest.approx((45 + 300 + 0) / 5)
    assert data["status_counts"] == {"not_started": 1, "in_progress": 1, "done": 1, "deferred": 0}
    axis_five, axis_six = data["axes"]
    # (45 × 1 + 100 × 3) / 4 = 86.25, rounded half up by PostgreSQL.
    assert (axis_five["number"], axis_five["progress"]) == (5, 86.3)
    assert axis_six["progress"] == 0
    objective = axis_five["objectives"][0]
    assert objective == {
        "code": "5.2",
        "title": "Project Terrassa to the world",
        "status": "in_progress",
        "status_label": "In progress",
        "progress": 45,
        "weight": 1,
        "target_date": None,
        "last_update": "2024-10-31",
        "url": "http://testserver/en/mandate-plan/test-plan/5.2/",
        "only_in_catalan": [],
    }
    assert axis_six["objectives"][0]["status"] == "not_started"


def test_the_json_is_in_the_language_of_the_address(client, weighted_plan):
    data = json.loads(get(client, "mandate:json", "es").content)
    assert data["plan"]["title"] == "Plan de Mandato de prueba"
    assert data["axes"][0]["objectives"][0]["title"] == "Proyectar Terrassa al mundo"


def test_the_csv_download_has_one_row_per_objective_with_translated_headers(client, weighted_plan):
    for language in ("ca", "es", "en"):
        response = get(client, "mandate:csv", language)
        assert response.status_code == 200
        assert response["Content-Type"] == "text/csv; charset=utf-8"
        assert response["Content-Disposition"].startswith("attachment; filename=")
        header, *rows = read_csv(response)
        with translation.override(language):
            assert header[:5] == [
                gettext("Axis number"),
                gettext("Axis"),
                gettext("Axis progress (%)"),
                gettext("Code"),
                gettext("Objective"),
            ]
        assert [row[3] for row in rows] == ["5.2", "5.3", "6.1"]

    header, *rows = read_csv(get(client, "mandate:csv", "en"))
    assert rows[0][:8] == [
        "5",
        "Open city",
        "86.3",
        "5.2",
        "Project Terrassa to the world",
        "In progress",
        "45",
        "1",
    ]
    assert rows[0][9:] == [
        "2024-10-31",
        "http://testserver/en/mandate-plan/test-plan/5.2/",
        "",  # nothing only in Catalan
    ]
    assert rows[2][5:7] == ["Not started", "0"]


def test_the_downloads_match_the_page(client, weighted_plan):
    page = get(client, "mandate:overview").content.decode()
    data = json.loads(get(client, "mandate:json").content)

    assert f'value="{data["plan"]["progress"]:.1f}"' in page
    for axis in data["axes"]:
        assert f'aria-label="Progress of axis {axis["number"]}"' in page
        for objective in axis["objectives"]:
            assert objective["url"].removeprefix("http://testserver") in page
    assert "86.3 %" in page and "69 %" in page


def test_a_private_update_is_not_in_the_downloads(client, weighted_plan):
    json_text = get(client, "mandate:json").content.decode()
    csv_text = get(client, "mandate:csv").content.decode()
    for text in (json_text, csv_text):
        assert "87" not in text
        assert "2025-06-30" not in text
        assert "SECRET" not in text


def test_the_overview_links_the_downloads(client, weighted_plan):
    page = get(client, "mandate:overview").content.decode()
    with translation.override("en"):
        assert f'href="{reverse("mandate:json")}"' in page
        assert f'href="{reverse("mandate:csv")}"' in page


OPEN_DATA_QUERIES = 4  # plan, axes, objectives, status counts – and nothing per objective


@pytest.mark.parametrize("count", [1, 50])
@pytest.mark.parametrize("name", ["mandate:json", "mandate:csv"])
def test_the_downloads_query_count_is_constant(
    client, plan, django_assert_max_num_queries, count, name
):
    many_objectives(plan, count)
    with django_assert_max_num_queries(OPEN_DATA_QUERIES):
        response = get(client, name)
    assert response.status_code == 200


def test_a_title_that_looks_like_a_formula_is_written_as_text(client, plan):
    ObjectiveFactory(axis__plan=plan, code="1.1", title_en='=HYPERLINK("http://x")')
    header, row = read_csv(get(client, "mandate:csv"))
    assert row[4] == '\'=HYPERLINK("http://x")'
