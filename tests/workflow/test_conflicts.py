"""Two editors, one object: the second save over a newer version is refused, with a message that
says who changed it and when, and the second editor's text stays in the form."""

import re

import pytest
from django.contrib import messages
from django.urls import reverse

from relacions.networks.models import WorkingGroup
from relacions.news.models import NewsItem
from relacions.workflow import conflicts
from tests.factories import NetworkFactory, NewsItemFactory, WorkingGroupFactory
from tests.helpers import change_url, signed_in_client

from .conftest import form_data

pytestmark = pytest.mark.django_db


def test_the_second_save_is_refused_and_keeps_the_second_editors_text(editor, other_editor):
    item = NewsItemFactory(title_ca="Títol original")
    first, second = signed_in_client(other_editor), signed_in_client(editor)
    first_form = first.get(change_url(item))
    second_form = second.get(change_url(item))

    saved = first.post(change_url(item), form_data(first_form, title_ca="Títol de la Marta"))
    assert saved.status_code == 302

    refused = second.post(
        change_url(item),
        form_data(second_form, title_ca="Títol de l’editor", body_es="<p>Nou</p>"),
    )
    assert refused.status_code == 200
    item.refresh_from_db()
    assert item.title_ca == "Títol de la Marta"
    page = refused.content.decode()
    assert "Marta Puig changed this news item on" in page
    assert 'value="Títol de l’editor"' in page
    assert "&lt;p&gt;Nou&lt;/p&gt;" in page  # the rich text, in its textarea

    # Saving again is now a deliberate choice: it replaces the first editor's version.
    again = second.post(change_url(item), form_data(refused, title_ca="Títol de l’editor"))
    assert again.status_code == 302
    item.refresh_from_db()
    assert item.title_ca == "Títol de l’editor"


def test_a_save_without_a_newer_version_goes_through(editor):
    item = NewsItemFactory()
    client = signed_in_client(editor)
    response = client.post(
        change_url(item), form_data(client.get(change_url(item)), title_ca="Nou")
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.title_ca, item.version) == ("Nou", 2)


def test_models_without_a_version_field_use_their_latest_revision(administrator, network_admin):
    group = WorkingGroupFactory(network=NetworkFactory())
    first, second = signed_in_client(administrator), signed_in_client(network_admin)
    first_form, second_form = (
        first.get(change_url(group)),
        second.get(change_url(group)),
    )
    assert first.post(change_url(group), form_data(first_form, name_ca="Primer")).status_code == 302
    refused = second.post(change_url(group), form_data(second_form, name_ca="Segon"))
    assert refused.status_code == 200
    assert "Boss changed this working group on" in refused.content.decode()
    assert WorkingGroup.objects.get(pk=group.pk).name_ca == "Primer"


def _loaded_versions(page: str) -> str:
    match = re.search(r'name="_loaded_versions" value="([^"]*)"', page)
    assert match, "the changelist carries the versions it was loaded at"
    return match.group(1).replace("&quot;", '"')


def test_list_editable_refuses_rows_changed_since_the_list_was_loaded(editor, other_editor):
    item = NewsItemFactory(featured=False)
    changelist = reverse("admin:news_newsitem_changelist")
    client = signed_in_client(editor)
    loaded = _loaded_versions(client.get(changelist).content.decode())

    # Meanwhile another editor changes the item.
    other = signed_in_client(other_editor)
    other.post(change_url(item), form_data(other.get(change_url(item)), title_ca="Canviat"))

    data = {
        "form-TOTAL_FORMS": "1",
        "form-INITIAL_FORMS": "1",
        "form-0-id": str(item.pk),
        "form-0-featured": "on",
        "_save": "Save",
        conflicts.LIST_FIELD: loaded,
    }
    response = client.post(changelist, data)
    assert response.status_code == 200
    assert "Marta Puig changed this news item on" in response.content.decode()
    item.refresh_from_db()
    assert item.featured is False
    # The page now carries the current versions: the same edit goes through the second time.
    data[conflicts.LIST_FIELD] = _loaded_versions(response.content.decode())
    assert client.post(changelist, data).status_code == 302
    item.refresh_from_db()
    assert item.featured is True


def test_actions_on_rows_changed_since_the_list_was_loaded_are_refused(editor, other_editor):
    item = NewsItemFactory(status=NewsItem.Status.DRAFT)
    untouched = NewsItemFactory(status=NewsItem.Status.DRAFT)
    changelist = reverse("admin:news_newsitem_changelist")
    client = signed_in_client(editor)
    loaded = _loaded_versions(client.get(changelist).content.decode())
    other = signed_in_client(other_editor)
    other.post(change_url(item), form_data(other.get(change_url(item)), title_ca="Canviat"))

    data = {
        "action": "publish",
        "_selected_action": [str(item.pk), str(untouched.pk)],
        conflicts.LIST_FIELD: loaded,
    }
    response = client.post(changelist, data, follow=True)
    shown = [str(message) for message in response.context["messages"]]
    assert any("was changed by Marta Puig" in message for message in shown)
    assert any("No action was taken" in message for message in shown)
    assert set(NewsItem.objects.values_list("status", flat=True)) == {NewsItem.Status.DRAFT}

    # With the list reloaded, the action applies.
    data[conflicts.LIST_FIELD] = _loaded_versions(response.content.decode())
    response = client.post(changelist, data, follow=True)
    assert [m.level for m in response.context["messages"]] == [messages.SUCCESS]
    assert set(NewsItem.objects.values_list("status", flat=True)) == {NewsItem.Status.PUBLISHED}


# --- Forged forms: a missing or malformed version is refused like a stale one -------------------


@pytest.mark.parametrize("loaded", [None, "", "not-a-version", "999999", "1 OR 1=1"], ids=repr)
def test_a_change_form_without_a_valid_version_is_refused_and_keeps_the_text(editor, loaded):
    item = NewsItemFactory(title_ca="Títol original")
    client = signed_in_client(editor)
    data = form_data(client.get(change_url(item)), title_ca="Títol de l’editor")
    if loaded is None:
        del data[conflicts.FIELD]
    else:
        data[conflicts.FIELD] = loaded

    refused = client.post(change_url(item), data)
    assert refused.status_code == 200
    item.refresh_from_db()
    assert (item.title_ca, item.version) == ("Títol original", 1)
    page = refused.content.decode()
    assert "Your changes have not been saved: they are still in the form below." in page
    assert 'value="Títol de l’editor"' in page

    # Saving the refused form again is the editor's deliberate choice.
    again = client.post(change_url(item), form_data(refused))
    assert again.status_code == 302
    item.refresh_from_db()
    assert item.title_ca == "Títol de l’editor"


@pytest.mark.parametrize("loaded", [None, "", "[]", "{not json", '{"0": "1"}'], ids=repr)
def test_a_list_edit_without_the_rows_versions_is_refused(editor, loaded):
    item = NewsItemFactory(featured=False)
    changelist = reverse("admin:news_newsitem_changelist")
    client = signed_in_client(editor)
    data = {
        "form-TOTAL_FORMS": "1",
        "form-INITIAL_FORMS": "1",
        "form-0-id": str(item.pk),
        "form-0-featured": "on",
        "_save": "Save",
    }
    if loaded is not None:
        data[conflicts.LIST_FIELD] = loaded

    response = client.post(changelist, data)
    assert response.status_code == 200
    assert "could not be checked for changes made by others" in response.content.decode()
    item.refresh_from_db()
    assert item.featured is False


@pytest.mark.parametrize("loaded", [None, "{}", "{broken", '{"%s": "x"}'], ids=repr)
def test_an_action_without_the_rows_versions_is_refused(editor, loaded):
    item = NewsItemFactory(status=NewsItem.Status.DRAFT)
    changelist = reverse("admin:news_newsitem_changelist")
    data = {"action": "publish", "_selected_action": [str(item.pk), "not-a-pk"]}
    if loaded is not None:
        data[conflicts.LIST_FIELD] = loaded.replace("%s", str(item.pk))

    response = signed_in_client(editor).post(changelist, data, follow=True)
    shown = [str(message) for message in response.context["messages"]]
    assert any("No action was taken" in message for message in shown)
    item.refresh_from_db()
    assert item.status == NewsItem.Status.DRAFT
