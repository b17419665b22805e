"""Per-language change tracking and the translation status page."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from relacions.news.models import NewsItem
from relacions.workflow import translation_status
from relacions.workflow.models import TranslationStamp
from tests.factories import NewsItemFactory
from tests.helpers import signed_in_client

from .conftest import form_data

pytestmark = pytest.mark.django_db

STATUS_URL = "workflow:translation-status"


def stamps(obj) -> dict[str, datetime.datetime]:
    return dict(
        TranslationStamp.objects.filter(object_id=str(obj.pk)).values_list("language", "changed_at")
    )


def needing(language: str) -> list[NewsItem]:
    return list(translation_status.needing_translation(NewsItem, language))


def later(item, **fields):
    """Save `fields` a moment later (stamps compare times)."""
    for name, value in fields.items():
        setattr(item, name, value)
    item.save()


def test_a_new_item_stamps_every_language_it_has_at_once():
    item = NewsItemFactory(title_en="", summary_en="", body_en="")
    changed = stamps(item)
    assert set(changed) == {"ca", "es"}
    assert changed["ca"] == changed["es"]


def test_changing_the_catalan_text_makes_the_translations_outdated(monkeypatch):
    item = NewsItemFactory()
    assert needing("es") == [] and needing("en") == []
    monkeypatch.setattr(timezone, "now", lambda: stamps(item)["ca"] + datetime.timedelta(hours=1))
    later(item, body_ca="<p>Text nou</p>")
    assert needing("es") == [item] and needing("en") == [item]
    [row] = translation_status.rows(NewsItem, "es")
    assert row.reason == translation_status.OUTDATED

    monkeypatch.setattr(timezone, "now", lambda: stamps(item)["ca"] + datetime.timedelta(hours=1))
    later(item, body_es="<p>Texto nuevo</p>")
    assert needing("es") == [] and needing("en") == [item]


def test_a_save_that_leaves_a_language_alone_does_not_stamp_it():
    item = NewsItemFactory()
    before = stamps(item)
    later(item, featured=True)
    assert stamps(item) == before


def test_missing_translations_are_listed_with_their_fields():
    item = NewsItemFactory(title_en="", body_en="")
    with translation.override("en"):
        [row] = translation_status.rows(NewsItem, "en")
    assert (row.obj, row.reason) == (item, translation_status.MISSING)
    assert row.fields == ["title [en]", "body [en]"]
    assert needing("es") == []


def test_the_page_lists_what_needs_translating(editor):
    NewsItemFactory(title_ca="Sense anglès", title_en="")
    NewsItemFactory(title_ca="Tot traduït")
    response = signed_in_client(editor).get(reverse(STATUS_URL))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Sense anglès" in page and "Not translated" in page
    assert "Tot traduït" not in page


def test_the_page_is_for_staff_only(client, db):
    response = client.get(reverse(STATUS_URL))
    assert response.status_code == 302


@pytest.mark.parametrize("count", [1, 50])
def test_the_page_has_a_constant_number_of_queries(editor, django_assert_max_num_queries, count):
    NewsItemFactory.create_batch(count, title_en="")
    client = signed_in_client(editor)
    # One query per translated content type and language, whatever the number of rows: the
    # projects' four types (projects, programmes, themes, departments) added eight.
    with django_assert_max_num_queries(48):
        response = client.get(reverse(STATUS_URL))
    assert len(response.context["sections"][0]["languages"][1]["rows"]) == count


@pytest.mark.parametrize("empty", ["<p></p>", "<p>&nbsp;</p>", "<br>"])
def test_a_body_left_empty_in_the_editor_is_listed_as_missing(editor, empty):
    item = NewsItemFactory(title_ca="Cos sense traduir")
    change_url = reverse("admin:news_newsitem_change", args=[item.pk])
    client = signed_in_client(editor)

    saved = client.post(change_url, form_data(client.get(change_url), body_es=empty))

    assert saved.status_code == 302
    [row] = translation_status.rows(NewsItem, "es")
    assert (row.obj, row.reason, row.fields) == (item, translation_status.MISSING, ["body [es]"])
    page = client.get(reverse(STATUS_URL)).content.decode()
    assert "Cos sense traduir" in page and "body [es]" in page
