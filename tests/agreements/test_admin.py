import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from relacions.agreements import content as agreements_content
from relacions.agreements.dashboard import dormant_twinnings
from relacions.agreements.models import Agreement
from relacions.core.roles import ADMINISTRATORS, EDITORS
from tests.conftest import signed_in_client
from tests.factories.agreements import AgreementFactory, AmendmentFactory

pytestmark = pytest.mark.django_db


def _user(username: str, *, group: str | None = None, permissions=()):
    user = get_user_model().objects.create_user(
        username, f"{username}@example.org", "a-long-passphrase-1", is_staff=True
    )
    if group:
        user.groups.add(Group.objects.get(name=group))
    for name in permissions:
        app_label, codename = name.split(".")
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    return user


@pytest.fixture
def roles(db):
    call_command("setup_roles", verbosity=0)


@pytest.fixture
def editor(roles):
    # The Editors' group as setup_roles makes it from every app's content.py.
    return _user("editor", group=EDITORS)


@pytest.fixture
def administrator(roles):
    return _user("chief", group=ADMINISTRATORS)


def _change_url(agreement):
    return reverse("admin:agreements_agreement_change", args=(agreement.pk,))


def test_an_editor_reads_an_agreement_but_cannot_change_it(editor):
    agreement = AgreementFactory(
        title_ca="Agermanament amb Pamiers", title_en="Twinning with Pamiers"
    )
    client = signed_in_client(editor)
    assert client.get(reverse("admin:agreements_agreement_changelist")).status_code == 200
    page = client.get(_change_url(agreement))
    assert page.status_code == 200
    assert b"Twinning with Pamiers" in page.content
    assert b'name="_save"' not in page.content
    response = client.post(_change_url(agreement), {"title_ca": "Changed"})
    assert response.status_code == 403
    agreement.refresh_from_db()
    assert agreement.title_ca == "Agermanament amb Pamiers"
    assert client.get(reverse("admin:agreements_agreement_add")).status_code == 403
    # The yearly reviews are internal: not even read on the agreement's page.
    assert b"citizen_involvement" not in page.content


def test_setup_roles_gives_editors_what_content_py_declares(roles):
    editors = Group.objects.get(name=EDITORS)
    assert editors.permissions.filter(codename="view_agreement").exists()
    assert not editors.permissions.filter(codename="change_agreement").exists()


def test_an_administrator_opens_every_admin_page(administrator):
    agreement = AgreementFactory()
    AmendmentFactory(agreement=agreement, date=datetime.date(2000, 1, 1))
    client = signed_in_client(administrator)
    for url in (
        reverse("admin:agreements_agreement_changelist"),
        reverse("admin:agreements_agreement_changelist") + "?ending=soon",
        reverse("admin:agreements_agreement_add"),
        _change_url(agreement),
        reverse("admin:places_place_changelist"),
        reverse("admin:places_place_add"),
        reverse("admin:agreements_cooperationarea_changelist"),
    ):
        assert client.get(url).status_code == 200, url


def test_the_renewal_filter_lists_agreements_that_end_within_90_days(administrator):
    today = timezone.localdate()
    AgreementFactory(title_en="Ends soon", ends_on=today + datetime.timedelta(days=10))
    AgreementFactory(title_en="Ends late", ends_on=today + datetime.timedelta(days=400))
    client = signed_in_client(administrator)
    page = client.get(reverse("admin:agreements_agreement_changelist") + "?ending=soon")
    assert b"Ends soon" in page.content and b"Ends late" not in page.content


def test_the_dashboard_warns_about_dormant_twinnings(rf, administrator, editor):
    quiet = AgreementFactory(signed_on=datetime.date(1990, 1, 1))
    request = rf.get("/")
    request.user = administrator
    panel = dormant_twinnings(request)
    assert [item["label"] for item in panel["items"]] == [str(quiet)]
    request.user = get_user_model().objects.create_user("nobody", is_staff=True)
    assert dormant_twinnings(request) is None


def test_the_dashboard_is_declared_in_content_py():
    declared = agreements_content.content
    assert dormant_twinnings in declared.dashboard
    assert declared.timelines[0].model is Agreement


def test_a_saved_amendment_is_never_changed_but_a_new_one_is_added(administrator):
    from tests.workflow.conftest import form_data

    agreement = AgreementFactory(signed_on=datetime.date(1990, 1, 1))
    AmendmentFactory(agreement=agreement, date=datetime.date(2000, 1, 1), description_en="First")
    client = signed_in_client(administrator)
    url = _change_url(agreement)
    changed = form_data(client.get(url), **{"amendments-0-description_en": "Rewritten"})
    response = client.post(url, changed)
    assert response.status_code == 200
    assert "is never changed" in response.content.decode()
    assert agreement.amendments.get().description_en == "First"

    added = form_data(
        client.get(url),
        **{
            "amendments-TOTAL_FORMS": "2",
            "amendments-1-date": "2001-01-01",
            "amendments-1-kind": "amendment",
            "amendments-1-description_ca": "Correcció",
            "amendments-1-description_en": "Correction",
        },
    )
    assert client.post(url, added).status_code == 302
    assert list(agreement.amendments.values_list("description_en", flat=True)) == [
        "First",
        "Correction",
    ]


def test_an_amendment_before_the_signature_is_refused_in_the_admin(administrator):
    from tests.workflow.conftest import form_data

    agreement = AgreementFactory(signed_on=datetime.date(1990, 1, 1))
    client = signed_in_client(administrator)
    url = _change_url(agreement)
    data = form_data(
        client.get(url),
        **{
            "amendments-TOTAL_FORMS": "1",
            "amendments-0-date": "1989-01-01",
            "amendments-0-kind": "amendment",
            "amendments-0-description_ca": "Abans",
        },
    )
    response = client.post(url, data)
    assert response.status_code == 200
    assert "before the agreement was signed" in response.content.decode()


def test_an_extension_moves_the_end_date(administrator):
    from tests.workflow.conftest import form_data

    agreement = AgreementFactory(
        signed_on=datetime.date(1990, 1, 1), ends_on=datetime.date(2020, 1, 1)
    )
    client = signed_in_client(administrator)
    url = _change_url(agreement)
    data = form_data(
        client.get(url),
        **{
            "amendments-TOTAL_FORMS": "1",
            "amendments-0-date": "2019-06-01",
            "amendments-0-kind": "extension",
            "amendments-0-new_end_date": "2024-01-01",
            "amendments-0-description_ca": "Pròrroga",
        },
    )
    assert client.post(url, data).status_code == 302
    agreement.refresh_from_db()
    assert agreement.ends_on == datetime.date(2024, 1, 1)
