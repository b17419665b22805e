"""Revisions of every save (admin form, action, list edit), the history with its comparison of
two revisions, restoring one, and recovering deleted objects with translations and relations."""

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.urls import reverse
from django.utils import translation
from django.utils.text import get_text_list
from django.utils.translation import gettext
from reversion.models import Version

from relacions.networks.models import Forum
from relacions.news.models import NewsItem
from tests.factories import ForumFactory, NetworkFactory, NewsItemFactory
from tests.helpers import signed_in_client

from .conftest import form_data, list_versions

pytestmark = pytest.mark.django_db


def admin_url(obj, view: str, *args) -> str:
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=(obj.pk, *args))


def save(client, obj, **changes):
    response = client.post(
        admin_url(obj, "change"), form_data(client.get(admin_url(obj, "change")), **changes)
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    return response


def versions_of(obj):
    return Version.objects.get_for_object(obj).select_related("revision__user")


def test_each_admin_save_keeps_a_revision_with_author_time_and_comment(editor):
    item = NewsItemFactory()
    client = signed_in_client(editor)
    save(client, item, title_es="Título nuevo", revision_comment="Corregit el títol castellà")
    [version] = versions_of(item)
    assert version.revision.user == editor
    assert version.revision.comment == "Corregit el títol castellà"
    assert version.field_dict["title_es"] == "Título nuevo"


def test_actions_and_list_edits_keep_revisions_and_audit_entries(editor):
    item = NewsItemFactory(status=NewsItem.Status.DRAFT, featured=False)
    client = signed_in_client(editor)
    changelist = reverse("admin:news_newsitem_changelist")
    client.post(
        changelist,
        {"action": "publish", "_selected_action": [item.pk], **list_versions(client, changelist)},
    )
    client.post(
        changelist,
        {
            **list_versions(client, changelist),
            "form-TOTAL_FORMS": "1",
            "form-INITIAL_FORMS": "1",
            "form-0-id": str(item.pk),
            "form-0-featured": "on",
            "_save": "Save",
        },
    )
    published, featured = reversed(versions_of(item))
    assert published.field_dict["status"] == NewsItem.Status.PUBLISHED
    assert featured.field_dict["featured"] is True
    entries = LogEntry.objects.filter(object_id=str(item.pk), action_flag=CHANGE)
    assert entries.count() == 2


def test_the_history_lists_revisions_and_compares_two_language_by_language(editor):
    item = NewsItemFactory(title_es="Antes", body_en="<p>Old words here</p>")
    client = signed_in_client(editor)
    save(client, item)
    save(client, item, title_es="Después", body_en="<p>New words here</p>")
    history = client.get(admin_url(item, "history"))
    assert history.status_code == 200
    older, newer = reversed(versions_of(item))
    assert f'value="{older.pk}"' in history.content.decode()

    compare = client.get(admin_url(item, "compare"), {"from": older.pk, "to": newer.pk})
    assert compare.status_code == 200
    changes = [(change.label, change.language) for change in compare.context["changes"]]
    assert changes == [("Title", "Spanish"), ("Body", "English")]
    page = compare.content.decode()
    assert f"{REMOVED}Antes</del>" in page and f"{ADDED}Después</ins>" in page
    assert f"{REMOVED}Old</del> {ADDED}New</ins> words here" in page


REMOVED = '<del><span class="visually-hidden" lang="en">removed: </span>'
ADDED = '<ins><span class="visually-hidden" lang="en">added: </span>'
BODY = [
    "The office met the partners of the network in Brussels.",
    "They agreed a common plan for culture and heritage.",
    "Terrassa will host the spring meeting of the forum.",
    "A working group on audiences was set up.",
    "The minutes are available on request.",
    "Next steps will be reported in the autumn.",
]


def paragraphs(texts) -> str:
    return "".join(f"<p>{text}</p>" for text in texts)


def test_the_comparison_reads_paragraph_by_paragraph_with_words_marked(editor):
    item = NewsItemFactory(body_en=paragraphs(BODY), body_es="<p>Texto igual</p>")
    client = signed_in_client(editor)
    save(client, item)
    edited = BODY.copy()
    edited[3] = "A working group on young audiences was set up."
    edited[4] = "<strong>Everyone</strong> is welcome to join it."
    save(client, item, body_en=paragraphs(edited) + "<ul><li>One item</li></ul>")
    older, newer = reversed(versions_of(item))

    page = client.get(admin_url(item, "compare"), {"from": older.pk, "to": newer.pk})
    body = page.content.decode()
    [change] = page.context["changes"]
    kinds = [paragraph.kind for paragraph in change.paragraphs]
    # The first paragraphs stay out of the way; the one before the change gives context.
    assert kinds == ["skipped", "same", "changed", "removed", "added", "same", "added"]
    assert "(2 unchanged paragraphs)" in body
    assert BODY[0] not in body and BODY[2] in body
    assert f"A working group on {ADDED}young</ins> audiences was set up." in body
    assert f"{REMOVED}The minutes are available on request.</del>" in body
    assert f"{ADDED}Everyone is welcome to join it.</ins>" in body
    assert f"{ADDED}• One item</ins>" in body
    # A field's languages under its name, each marked as the language it is written in.
    assert '<h2 id="diff-field-1">Body</h2>' in body
    assert "<h3>English</h3>" in body and 'lang="en">' in body
    assert "Texto igual" not in body  # the Spanish body did not change


def test_a_paragraph_rewritten_from_scratch_is_shown_removed_and_added(editor):
    item = NewsItemFactory(body_en="<p>Short note on the visit.</p>")
    client = signed_in_client(editor)
    save(client, item)
    save(client, item, body_en="<h2>Programme</h2><p>Completely different words entirely.</p>")
    older, newer = reversed(versions_of(item))
    page = client.get(admin_url(item, "compare"), {"from": older.pk, "to": newer.pk})
    [change] = page.context["changes"]
    assert [paragraph.kind for paragraph in change.paragraphs] == ["removed", "added", "added"]


def test_restoring_a_revision_brings_back_every_language(editor):
    item = NewsItemFactory(title_ca="Primer", title_es="Primero", title_en="First")
    client = signed_in_client(editor)
    save(client, item)
    save(client, item, title_ca="Segon", title_es="Segundo", title_en="Second")
    first = versions_of(item).last()
    page = client.get(admin_url(item, "revision", first.pk))
    assert page.status_code == 200
    response = client.post(admin_url(item, "revision", first.pk), form_data(page))
    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.title_ca, item.title_es, item.title_en) == ("Primer", "Primero", "First")
    # The version counter never goes back, and the audit log says what happened.
    assert item.version == 4
    entry = LogEntry.objects.filter(object_id=str(item.pk)).latest("action_time")
    assert entry.get_change_message().startswith("Restored the version of")


def test_a_deleted_news_item_is_recovered_with_translations_and_relations(editor):
    network = NetworkFactory()
    item = NewsItemFactory(
        status=NewsItem.Status.DRAFT, title_ca="Notícia", title_es="Noticia", title_en="News"
    )
    item.networks.add(network)
    client = signed_in_client(editor)
    pk = item.pk
    assert client.post(admin_url(item, "delete"), {"post": "yes"}).status_code == 302
    assert not NewsItem.objects.filter(pk=pk).exists()

    recover_list = client.get(reverse("admin:news_newsitem_recoverlist"))
    assert "News" in recover_list.content.decode()  # its name in the admin's language
    [version] = Version.objects.get_deleted(NewsItem)
    recover_url = reverse("admin:news_newsitem_recover", args=(version.pk,))
    form = client.get(recover_url)
    assert client.post(recover_url, form_data(form)).status_code == 302

    item = NewsItem.objects.get(pk=pk)
    assert (item.title_ca, item.title_es, item.title_en) == ("Notícia", "Noticia", "News")
    assert list(item.networks.all()) == [network]
    entry = LogEntry.objects.filter(object_id=str(pk)).latest("action_time")
    assert entry.get_change_message().startswith("Recovered after deletion")


def test_inline_children_are_kept_in_their_parents_revisions(administrator):
    network = NetworkFactory()
    forum = ForumFactory(network=network)
    save(signed_in_client(administrator), network, name_en="Renamed")
    [version] = versions_of(network)
    assert Version.objects.get_for_object(forum).filter(revision=version.revision).exists()


@pytest.mark.parametrize("model_name", ["forum", "axis"])
def test_an_inline_that_has_inlines_of_its_own_keeps_them_in_its_revisions(
    administrator, model_name
):
    """A forum is a network's inline and an axis a plan's: their own revisions still hold their
    challenge areas and objectives."""
    from tests.factories import AxisFactory, ChallengeAreaFactory, ObjectiveFactory

    if model_name == "forum":
        parent = ForumFactory()
        child = ChallengeAreaFactory(forum=parent)
    else:
        parent = AxisFactory()
        child = ObjectiveFactory(axis=parent)
    save(signed_in_client(administrator), parent)
    [version] = versions_of(parent)
    assert Version.objects.get_for_object(child).filter(revision=version.revision).exists()


def test_items_deleted_from_the_list_are_recoverable_with_their_inline_children(administrator):
    from relacions.networks.models import ChallengeArea
    from tests.factories import ChallengeAreaFactory

    forum = ForumFactory()
    area = ChallengeAreaFactory(forum=forum)
    client = signed_in_client(administrator)
    changelist = reverse("admin:networks_forum_changelist")
    response = client.post(
        changelist,
        {
            "action": "delete_selected",
            "_selected_action": [forum.pk],
            "post": "yes",
            **list_versions(client, changelist),
        },
    )
    assert response.status_code == 302
    assert not ChallengeArea.objects.filter(pk=area.pk).exists()

    [version] = Version.objects.get_deleted(Forum)
    assert version.revision.user == administrator
    assert version.revision.comment == "Deleted."
    kept = {(v.content_type.model_class(), v.object_id) for v in version.revision.version_set.all()}
    assert kept == {(Forum, str(forum.pk)), (ChallengeArea, str(area.pk))}


def test_a_deletions_revision_is_never_left_to_wait_inside_another(editor):
    import reversion

    from relacions.workflow.admin.revisions import snapshot_before_delete

    item = NewsItemFactory()
    with reversion.create_revision(), pytest.raises(reversion.RevisionManagementError):
        snapshot_before_delete([item], user=editor, comment="Deleted.")


def test_other_content_types_keep_revisions_too(administrator):
    from tests.factories import MembershipFactory, ObjectiveFactory

    client = signed_in_client(administrator)
    membership = MembershipFactory()
    objective = ObjectiveFactory()
    save(client, membership, member_entity="Ajuntament")
    save(client, objective, title_en="Objective renamed")
    assert versions_of(membership).count() == 1
    assert versions_of(objective).count() == 1


@pytest.mark.parametrize(
    ("language", "labels"),
    [("ca", ("Estat", "Representant polític")), ("es", ("Estado", "Representante político"))],
)
def test_the_history_and_comparison_name_fields_in_the_readers_language(
    network_admin, language, labels
):
    from django.test import Client

    from tests.factories import MembershipFactory

    membership = MembershipFactory(political_representative="Anna")
    client = signed_in_client(network_admin)
    save(client, membership)
    page = client.get(admin_url(membership, "change"))
    data = form_data(page, political_representative="Bernat", status="suspended")
    assert client.post(admin_url(membership, "change"), data).status_code == 302

    reader = Client(headers={"accept-language": language})
    reader.force_login(network_admin)
    history = reader.get(admin_url(membership, "history")).content.decode()
    older, newer = reversed(versions_of(membership))
    compare = reader.get(admin_url(membership, "compare"), {"from": older.pk, "to": newer.pk})
    dashboard = reader.get(reverse("admin:index")).content.decode()
    for page in (history, compare.content.decode(), dashboard):
        for label in labels:
            assert label in page
        for internal in ("loaded_version", "Political representative", "revision_comment"):
            assert internal not in page
    with translation.override(language):
        changed = gettext("Changed {fields}.").format(fields=get_text_list(labels, gettext("and")))
    assert changed in history


def test_restoring_a_revision_of_a_model_versioned_by_its_update_time(editor):
    """Models without a version counter are checked by `updated_at` (a yearly report, a place,
    an image): restoring one of their revisions is not refused as a conflict."""
    from tests.factories.reports import YearReportFactory

    report = YearReportFactory(year=2024, introduction_ca="<p>Primera</p>")
    client = signed_in_client(editor)
    save(client, report)
    save(client, report, introduction_ca="<p>Segona</p>")
    first = versions_of(report).last()
    page = client.get(admin_url(report, "revision", first.pk))
    assert page.status_code == 200
    response = client.post(admin_url(report, "revision", first.pk), form_data(page))
    assert response.status_code == 302, response.content.decode()[:2000]
    report.refresh_from_db()
    assert report.introduction_ca == "<p>Primera</p>"
