"""The audit log: who changed what and when, actions and restores included; read-only."""

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from relacions.news.models import NewsItem
from tests.factories import NewsItemFactory
from tests.helpers import signed_in_client

from .conftest import list_versions

pytestmark = pytest.mark.django_db

AUDIT = "admin:admin_logentry_changelist"


def test_actions_are_in_the_audit_log_filterable_by_user_type_and_date(administrator, editor):
    # The log names the item in the language of the admin (English for these tests).
    item = NewsItemFactory(status=NewsItem.Status.DRAFT, title_en="Audited news")
    changelist = reverse("admin:news_newsitem_changelist")
    editing = signed_in_client(editor)
    editing.post(
        changelist,
        {
            "action": "publish",
            "_selected_action": [item.pk],
            **list_versions(editing, changelist),
        },
    )
    client = signed_in_client(administrator)
    news_type = ContentType.objects.get_for_model(NewsItem)
    response = client.get(
        reverse(AUDIT), {"user__id__exact": editor.pk, "content_type__id__exact": news_type.pk}
    )
    assert response.status_code == 200
    entries = list(response.context["cl"].result_list)
    assert [(e.user, e.object_repr) for e in entries] == [(editor, "Audited news")]
    # The field by its label, as the form shows it (relacions.workflow.changes).
    assert entries[0].get_change_message() == "Changed status."
    assert "Changed Status." in response.content.decode()
    today = entries[0].action_time
    by_date = client.get(
        reverse(AUDIT),
        {"action_time__year": today.year, "action_time__month": today.month},
    )
    assert by_date.status_code == 200 and "Audited news" in by_date.content.decode()


def test_the_audit_log_is_read_only(administrator):
    NewsItemFactory()
    client = signed_in_client(administrator)
    entry = LogEntry.objects.create(
        user=administrator,
        content_type=ContentType.objects.get_for_model(NewsItem),
        object_id="1",
        object_repr="x",
        action_flag=1,
    )
    assert client.get(reverse("admin:admin_logentry_add")).status_code == 403
    change = reverse("admin:admin_logentry_change", args=(entry.pk,))
    assert client.get(change).status_code == 200  # to read
    assert client.post(change, {"object_repr": "forged"}).status_code == 403
    assert client.post(reverse("admin:admin_logentry_delete", args=(entry.pk,))).status_code == 403
    entry.refresh_from_db()
    assert entry.object_repr == "x"
