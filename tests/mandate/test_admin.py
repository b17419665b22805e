import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from relacions.mandate.models import Objective, Plan, ProgressUpdate
from relacions.workflow import conflicts
from tests.factories.mandate import (
    AxisFactory,
    ObjectiveFactory,
    PlanFactory,
    ProgressUpdateFactory,
)
from tests.helpers import LANGUAGES, change_url

pytestmark = pytest.mark.django_db


def management(prefix: str, total: int, initial: int = 0) -> dict:
    return {
        f"{prefix}-TOTAL_FORMS": total,
        f"{prefix}-INITIAL_FORMS": initial,
        f"{prefix}-MIN_NUM_FORMS": 0,
        f"{prefix}-MAX_NUM_FORMS": 1000,
    }


def objective_form(objective: Objective, **changes) -> dict:
    data = {
        "axis": objective.axis_id,
        "code": objective.code,
        "weight": objective.weight,
        "order": objective.order,
        "target_date": "",
        **{f"title_{lang}": getattr(objective, f"title_{lang}") for lang in LANGUAGES},
        **{f"description_{lang}": "" for lang in LANGUAGES},
        **management("updates", 0),
        # The version the form was loaded at, as the admin's change form sends it.
        conflicts.FIELD: conflicts.token_of(objective),
    }
    data.update(changes)
    return data


def with_update(data: dict, **update) -> dict:
    values = {
        "date": "2025-01-15",
        "status": "in_progress",
        "progress": 40,
        "is_public": "on",
        **{f"note_{lang}": "" for lang in LANGUAGES},
        **update,
    }
    return {
        **data,
        **management("updates", 1),
        **{f"updates-0-{name}": value for name, value in values.items()},
    }


def test_an_update_can_be_added_inline(admin_client):
    objective = ObjectiveFactory()
    response = admin_client.post(change_url(objective), with_update(objective_form(objective)))
    assert response.status_code == 302
    assert objective.updates.get().progress == 40


def test_an_update_dated_in_the_future_is_refused(admin_client):
    objective = ObjectiveFactory()
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()

    response = admin_client.post(
        change_url(objective), with_update(objective_form(objective), date=tomorrow)
    )

    assert response.status_code == 200
    assert "An update cannot be dated in the future." in response.content.decode()
    assert not ProgressUpdate.objects.exists()


@pytest.mark.parametrize("progress", [101, -1])
def test_progress_outside_0_to_100_is_refused(admin_client, progress):
    objective = ObjectiveFactory()

    response = admin_client.post(
        change_url(objective), with_update(objective_form(objective), progress=progress)
    )

    assert response.status_code == 200
    assert 'class="errorlist' in response.content.decode()
    assert not ProgressUpdate.objects.exists()


def test_updates_are_listed_newest_first(admin_client):
    objective = ObjectiveFactory()
    ProgressUpdateFactory(objective=objective, date=datetime.date(2023, 5, 1), progress=11)
    ProgressUpdateFactory(objective=objective, date=datetime.date(2025, 5, 1), progress=33)
    ProgressUpdateFactory(objective=objective, date=datetime.date(2024, 5, 1), progress=22)

    body = admin_client.get(change_url(objective)).content.decode()

    positions = [body.index(f'value="{value}"') for value in (33, 22, 11)]
    assert positions == sorted(positions)


def test_a_code_already_used_in_the_plan_is_refused(admin_client):
    existing = ObjectiveFactory(code="5.2")
    objective = ObjectiveFactory(axis=AxisFactory(plan=existing.plan), code="5.3")

    response = admin_client.post(change_url(objective), objective_form(objective, code="5.2"))

    assert response.status_code == 200
    assert "Another objective of this plan already uses this code." in response.content.decode()
    objective.refresh_from_db()
    assert objective.code == "5.3"


def test_two_new_objectives_with_one_code_are_refused_in_the_axis_form(admin_client):
    axis = AxisFactory()
    data = {
        "plan": axis.plan_id,
        "number": axis.number,
        "order": 0,
        **{f"title_{lang}": f"Axis {lang}" for lang in LANGUAGES},
        **{f"description_{lang}": "" for lang in LANGUAGES},
        **management("objectives", 2),
    }
    for index in range(2):
        data.update(
            {
                f"objectives-{index}-code": "1.1",
                f"objectives-{index}-weight": 1,
                f"objectives-{index}-order": index,
                f"objectives-{index}-title_ca": f"O{index}",
            }
        )

    response = admin_client.post(reverse("admin:mandate_axis_change", args=[axis.pk]), data)

    assert response.status_code == 200
    assert "Each objective of a plan needs its own code." in response.content.decode()
    assert not Objective.objects.exists()


def test_a_plan_is_added_with_its_axes_and_made_current(admin_client):
    old = PlanFactory(is_current=True)
    data = {
        "start_year": 2027,
        "end_year": 2031,
        "approved_on": "",
        "document_url": "",
        "is_current": "on",
        "status": "draft",
        "publish_at": "",
        "unpublish_at": "",
        **{f"title_{lang}": f"Plan {lang}" for lang in LANGUAGES},
        **{f"slug_{lang}": f"plan-{lang}" for lang in LANGUAGES},
        **{f"summary_{lang}": "" for lang in LANGUAGES},
        **management("axes", 1),
        "axes-0-number": 1,
        "axes-0-order": 0,
        "axes-0-title_ca": "Eix u",
    }

    response = admin_client.post(reverse("admin:mandate_plan_add"), data)

    assert response.status_code == 302, response.content.decode()
    plan = Plan.objects.get(slug_ca="plan-ca")
    assert plan.is_current
    assert plan.axes.get().title_ca == "Eix u"
    old.refresh_from_db()
    assert not old.is_current


def test_the_last_year_cannot_be_before_the_first(admin_client):
    data = {
        "start_year": 2027,
        "end_year": 2023,
        "status": "draft",
        "title_ca": "P",
        "slug_ca": "p",
        **management("axes", 0),
    }
    response = admin_client.post(reverse("admin:mandate_plan_add"), data)
    assert response.status_code == 200
    assert response.content.decode().count("The last year cannot be before the first year.") == 1


def test_the_lists_and_forms_open(admin_client):
    objective = ObjectiveFactory()
    ProgressUpdateFactory(objective=objective, progress=64)
    urls = [
        reverse("admin:mandate_plan_changelist"),
        reverse("admin:mandate_plan_change", args=[objective.plan_id]),
        reverse("admin:mandate_axis_changelist"),
        reverse("admin:mandate_axis_change", args=[objective.axis_id]),
        reverse("admin:mandate_objective_changelist"),
        reverse("admin:mandate_objective_add"),
        change_url(objective),
    ]
    for url in urls:
        assert admin_client.get(url).status_code == 200, url
    changelist = admin_client.get(reverse("admin:mandate_objective_changelist")).content.decode()
    assert "64" in changelist


def test_objectives_can_be_searched_for_autocomplete(admin_client):
    ObjectiveFactory(
        code="5.2", title_ca="Projectar Terrassa al món", title_en="Projectar Terrassa al món"
    )
    response = admin_client.get(reverse("admin:mandate_objective_changelist"), {"q": "Projectar"})
    assert "Projectar Terrassa al món" in response.content.decode()


def test_editors_may_only_see_objectives(db):
    from django.contrib.auth.models import Group

    from relacions.core.roles import EDITORS, NETWORK_ADMINISTRATORS, setup_roles

    setup_roles()
    for role in (EDITORS, NETWORK_ADMINISTRATORS):
        codenames = set(
            Group.objects.get(name=role)
            .permissions.filter(content_type__app_label="mandate")
            .values_list("codename", flat=True)
        )
        assert codenames == {"view_objective"}
