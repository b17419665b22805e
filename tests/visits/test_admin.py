"""Editors draft visits; only Administrators (visits.publish_costs) mark costs final, and the
rule holds on the server: a forged POST from an Editor never sets it."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.test import override_settings
from django.urls import reverse

from relacions.core.roles import EDITORS
from relacions.visits import content as visits_content
from relacions.visits.dashboard import overdue_costs
from relacions.visits.models import Visit, local_today
from tests.factories.places import PlaceFactory
from tests.factories.visits import CostFactory, VisitFactory, days_ago
from tests.helpers import change_url, signed_in_client
from tests.workflow.conftest import form_data

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site_settings")]

ADD = "admin:visits_visit_add"
CHANGELIST = "admin:visits_visit_changelist"


def _new_visit(client, **changes) -> dict:
    values = {
        "direction": "outgoing",
        "title_ca": "Viatge a Brussel·les",
        "slug_ca": "viatge-a-brusselles",
        "purpose_ca": "Fòrum",
        "purpose_category": "network",
        "starts_on": days_ago(5).isoformat(),
        "ends_on": days_ago(3).isoformat(),
        "places": [str(PlaceFactory().pk)],
    }
    return form_data(client.get(reverse(ADD)), **{**values, **changes})


def test_editors_may_add_change_and_view_visits_but_not_publish_costs(roles):
    editors = Group.objects.get(name=EDITORS)
    codenames = set(editors.permissions.values_list("codename", flat=True))
    assert {"add_visit", "change_visit", "view_visit", "add_cost", "change_cost"} <= codenames
    assert "publish_costs" not in codenames
    assert "delete_visit" not in codenames


def test_an_editor_drafts_a_visit_with_its_costs(editor):
    client = signed_in_client(editor)
    data = _new_visit(
        client,
        **{
            "costs-TOTAL_FORMS": "1",
            "costs-0-concept": "transport",
            "costs-0-paid_by": "city",
            "costs-0-amount": "310.50",
        },
    )
    response = client.post(reverse(ADD), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    visit = Visit.objects.get(slug_ca="viatge-a-brusselles")
    assert visit.costs.get().amount == 310.50
    assert not visit.costs_final


def test_a_forged_post_from_an_editor_never_marks_costs_final(editor):
    client = signed_in_client(editor)
    page = client.get(reverse(ADD)).content.decode()
    assert 'name="costs_final"' not in page
    # On a new visit…
    assert client.post(reverse(ADD), _new_visit(client, costs_final="on")).status_code == 302
    visit = Visit.objects.get(slug_ca="viatge-a-brusselles")
    assert not visit.costs_final and visit.costs_final_on is None
    # …and on an existing one.
    url = change_url(visit)
    data = form_data(client.get(url), costs_final="on", costs_final_on="2020-01-01")
    assert client.post(url, data).status_code == 302
    visit.refresh_from_db()
    assert not visit.costs_final and visit.costs_final_on is None


def test_an_editor_cannot_change_costs_once_final_nor_unmark_them(editor):
    visit = VisitFactory(status="draft")
    cost = CostFactory(visit=visit)
    visit.costs_final = True
    visit.save()
    client = signed_in_client(editor)
    url = change_url(visit)
    page = client.get(url).content.decode()
    assert 'name="costs-0-amount"' not in page
    data = form_data(client.get(url), **{"costs-0-amount": "1.00"})
    data.pop("costs_final", None)  # what an unticked box sends
    assert client.post(url, data).status_code == 302
    visit.refresh_from_db()
    cost.refresh_from_db()
    assert visit.costs_final and cost.amount == 100


def test_an_administrator_marks_costs_final(administrator):
    visit = VisitFactory()
    client = signed_in_client(administrator)
    url = change_url(visit)
    data = form_data(client.get(url), costs_final="on")
    assert client.post(url, data).status_code == 302
    visit.refresh_from_db()
    assert visit.costs_final and visit.costs_final_on == local_today()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {"starts_on": "2024-05-02", "ends_on": "2024-05-01"},
            "La fecha de fin no puede ser anterior a la fecha de inicio.",
        ),
        (
            {"costs-TOTAL_FORMS": "1", "costs-0-concept": "lodging", "costs-0-paid_by": "city",
             "costs-0-amount": "-5"},
            "Un importe no puede ser negativo.",
        ),
        (
            {"ends_on": (local_today() + datetime.timedelta(days=1)).isoformat(),
             "costs_final": "on"},
            "Los costes no se pueden marcar como definitivos antes de que termine la visita.",
        ),
    ],
)  # fmt: skip
def test_the_admin_refuses_bad_values_with_translated_errors(administrator, changes, message):
    client = signed_in_client(administrator)
    client.cookies["django_language"] = "es"
    data = _new_visit(client, **changes)
    response = client.post(reverse(ADD), data, headers={"accept-language": "es"})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Visit.objects.exists()


def test_an_administrator_opens_every_admin_page(administrator):
    visit = VisitFactory()
    CostFactory(visit=visit)
    client = signed_in_client(administrator)
    for url in (
        reverse(CHANGELIST),
        reverse(CHANGELIST) + "?costs=overdue",
        reverse(CHANGELIST) + "?costs=pending",
        reverse(CHANGELIST) + "?direction__exact=outgoing",
        reverse(ADD),
        change_url(visit),
    ):
        assert client.get(url).status_code == 200, url


@override_settings(VISITS_COSTS_PUBLIC_WITHIN_DAYS=30)
def test_the_dashboard_lists_visits_whose_costs_are_overdue(rf, administrator):
    late = VisitFactory(title_en="Overdue one", starts_on=days_ago(50), ends_on=days_ago(45))
    VisitFactory(starts_on=days_ago(12), ends_on=days_ago(10))
    request = rf.get("/")
    request.user = administrator
    panel = overdue_costs(request)
    assert [item["label"] for item in panel["items"]] == [str(late)]
    assert panel["items"][0]["url"] == change_url(late)
    client = signed_in_client(administrator)
    page = client.get(reverse(CHANGELIST) + "?costs=overdue").content.decode()
    assert "Overdue one" in page


def test_the_dashboard_and_timeline_are_declared_in_content_py():
    declared = visits_content.content
    assert overdue_costs in declared.dashboard
    assert declared.timelines[0].model is Visit
