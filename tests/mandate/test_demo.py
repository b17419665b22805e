import pytest
from django.urls import reverse
from django.utils import translation

from relacions.core.demo import Counts, load_apps
from relacions.mandate.models import Objective, Plan, ProgressUpdate

from .conftest import html_lang

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site_settings")]

# The objective the office serves (relacions/mandate/demo.yaml), which other apps' demo links to.
PROJECTING_TERRASSA_CODE = "5.2"


def load(today=None) -> Counts:
    return load_apps("mandate", today=today)


def test_loading_twice_changes_nothing(demo_day):
    assert load(demo_day).created > 0
    counts = [Model.objects.count() for Model in (Plan, Objective, ProgressUpdate)]
    assert load(demo_day) == Counts()
    assert [Model.objects.count() for Model in (Plan, Objective, ProgressUpdate)] == counts


def test_the_demo_plan_is_current_marked_as_an_example_and_has_the_leeds_objective():
    load()
    plan = Plan.objects.for_overview().current().get()
    assert plan.is_published()
    assert plan.axes.count() == 3
    for language, marker in (("ca", "(exemple)"), ("es", "(ejemplo)"), ("en", "(example)")):
        assert marker in getattr(plan, f"title_{language}")
    objective = plan.objectives.get(code=PROJECTING_TERRASSA_CODE)
    assert objective.title_ca == "Projectar Terrassa al món"
    assert objective.title_es and objective.title_en
    assert objective.updates.filter(is_public=False).count() == 1


def test_the_demo_does_not_replace_a_current_plan():
    from tests.factories.mandate import PlanFactory

    real = PlanFactory(is_current=True)
    load()
    assert list(Plan.objects.current()) == [real]


@pytest.mark.parametrize("language", ["ca", "es", "en"])
def test_the_demo_pages_answer_in_each_language(client, language):
    load()
    objective = Objective.objects.select_related("plan").get(code=PROJECTING_TERRASSA_CODE)
    with translation.override(language):
        urls = [reverse("mandate:overview"), objective.get_absolute_url()]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert html_lang(response) == language
        body = response.content.decode()
        assert body.count("<h1") == 1
        assert "pendent de validar" not in body and "pendiente de validar" not in body
        assert "awaiting validation" not in body
