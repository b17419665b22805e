"""Each role is tested by trying what it may not do: a 403, or the thing is not there."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from relacions.core.roles import ROLES, setup_roles
from relacions.news.models import NewsItem
from tests.factories import (
    MembershipFactory,
    MembershipFeeFactory,
    NetworkFactory,
    NewsItemFactory,
    PlanFactory,
)
from tests.helpers import PASSWORD, signed_in_client, staff_member

from .conftest import form_data

pytestmark = pytest.mark.django_db


def url(obj, view: str) -> str:
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=(obj.pk,))


def test_an_editor_cannot_delete_a_published_news_item(editor):
    item = NewsItemFactory(status=NewsItem.Status.PUBLISHED)
    client = signed_in_client(editor)
    assert client.get(url(item, "delete")).status_code == 403
    assert client.post(url(item, "delete"), {"post": "yes"}).status_code == 403
    assert NewsItem.objects.filter(pk=item.pk).exists()


def test_an_editor_cannot_bulk_delete_published_items(editor):
    draft = NewsItemFactory(status=NewsItem.Status.DRAFT)
    published = NewsItemFactory(status=NewsItem.Status.PUBLISHED)
    response = signed_in_client(editor).post(
        reverse("admin:news_newsitem_changelist"),
        {"action": "delete_selected", "_selected_action": [draft.pk, published.pk], "post": "yes"},
    )
    assert response.status_code == 403
    assert NewsItem.objects.count() == 2


def test_an_editor_may_delete_a_draft(editor):
    draft = NewsItemFactory(status=NewsItem.Status.DRAFT)
    assert signed_in_client(editor).post(url(draft, "delete"), {"post": "yes"}).status_code == 302
    assert not NewsItem.objects.filter(pk=draft.pk).exists()


def test_an_administrator_may_delete_a_published_item(administrator):
    item = NewsItemFactory(status=NewsItem.Status.PUBLISHED)
    assert (
        signed_in_client(administrator).post(url(item, "delete"), {"post": "yes"}).status_code
        == 302
    )
    assert not NewsItem.objects.filter(pk=item.pk).exists()


def test_an_editor_cannot_open_users_groups_the_plan_or_the_audit_log(editor):
    client = signed_in_client(editor)
    for name in (
        "admin:auth_user_changelist",
        "admin:auth_group_changelist",
        "admin:mandate_plan_changelist",
        "admin:admin_logentry_changelist",
    ):
        assert client.get(reverse(name)).status_code == 403, name
    plan = PlanFactory()
    assert client.get(url(plan, "change")).status_code == 403
    assert client.get(url(editor, "change")).status_code == 403


def test_an_editor_never_sees_membership_fees_or_internal_fields(editor):
    membership = MembershipFactory(internal_contact="Secret contact", notes="Secret notes")
    MembershipFeeFactory(membership=membership, amount="1234.00")
    client = signed_in_client(editor)
    page = client.get(url(membership, "change")).content.decode()
    assert "Secret contact" not in page and "Secret notes" not in page
    assert "1234" not in page
    assert 'name="internal_contact"' not in page
    # Nor can it change a membership, or see its internals through the comparison of revisions.
    response = client.post(url(membership, "change"), {"member_entity": "X"})
    assert response.status_code == 403


def test_a_network_administrator_cannot_edit_news_but_manages_memberships(network_admin):
    item = NewsItemFactory()
    client = signed_in_client(network_admin)
    assert client.get(url(item, "change")).status_code == 403
    assert client.get(reverse("admin:news_newsitem_add")).status_code == 403
    membership = MembershipFactory(internal_contact="Contact")
    page = client.get(url(membership, "change"))
    assert 'name="internal_contact"' in page.content.decode()
    response = client.post(url(membership, "change"), form_data(page, notes="Renewed"))
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.notes == "Renewed"


def test_a_network_administrator_may_delete_a_published_network_but_not_news(network_admin):
    network = NetworkFactory()
    client = signed_in_client(network_admin)
    assert client.post(url(network, "delete"), {"post": "yes"}).status_code == 302
    item = NewsItemFactory(status=NewsItem.Status.DRAFT)
    assert client.post(url(item, "delete"), {"post": "yes"}).status_code == 403


@pytest.mark.parametrize("fields", [{"is_active": False}, {"is_staff": False}])
def test_only_active_staff_can_log_in_to_the_admin(client, roles, fields):
    user = staff_member("someone", None)
    for name, value in fields.items():
        setattr(user, name, value)
    user.save()
    response = client.post(
        reverse("admin:login"),
        {"username": "someone", "password": PASSWORD, "next": reverse("admin:index")},
    )
    assert "_auth_user_id" not in client.session
    assert client.get(reverse("admin:index")).status_code == 302
    assert response.status_code == 200


def test_active_staff_can_log_in(client, roles):
    staff_member("someone", None)
    client.post(reverse("admin:login"), {"username": "someone", "password": PASSWORD})
    assert "_auth_user_id" in client.session


def test_setup_roles_is_idempotent(db):
    first = setup_roles()
    editors = set(Group.objects.get(name=ROLES[0]).permissions.values_list("codename", flat=True))
    assert setup_roles() == first
    assert (
        set(Group.objects.get(name=ROLES[0]).permissions.values_list("codename", flat=True))
        == editors
    )
    assert "delete_published" not in editors
    assert get_user_model().objects.count() == 0
