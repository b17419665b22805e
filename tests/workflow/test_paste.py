"""Text pasted from Word or Google Docs, as their clipboards hold it, saved through the admin
form as an editor would: clean, structured text, and a warning for images it cannot keep."""

import re
from html import unescape
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from relacions.core.sanitize import removed_images, sanitize_html
from relacions.news.models import NewsItem
from tests.factories import NewsItemFactory

from .conftest import form_data

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).parent.parent / "core" / "fixtures"
WORD = (FIXTURES / "word-clipboard.html").read_text()
GOOGLE_DOCS = (FIXTURES / "google-docs-clipboard.html").read_text()
OFFICE_LEFTOVERS = ("class=", "style=", "<o:p", "mso-", "<span", "<h1", "<h5", "<h6", "·", "<img")


def save_as_editor(editor, **bodies) -> tuple[NewsItem, list[str]]:
    item = NewsItemFactory()
    client = Client(headers={"accept-language": "ca"})
    client.force_login(editor)
    url = reverse("admin:news_newsitem_change", args=(item.pk,))
    response = client.post(url, form_data(client.get(url), **bodies), follow=True)
    assert response.redirect_chain, response.context["adminform"].form.errors
    messages = [unescape(re.sub(r"<[^>]+>", "", str(m))) for m in response.context["messages"]]
    item.refresh_from_db()
    return item, messages


def test_a_word_paste_keeps_its_lists_and_headings_and_loses_office_markup(editor):
    item, messages = save_as_editor(editor, body_ca=WORD)
    body = item.body_ca
    assert body.startswith("<h2>Jornada europea de cultura</h2>")
    assert (
        "<ul><li>Debat sobre polítiques culturals<ul><li>Grup de treball de patrimoni</li></ul>"
        "</li><li>Visita al Museu Nacional de la Ciència</li></ul>"
    ) in body
    assert "<h4>Programa</h4>" in body
    assert "<ol><li>Benvinguda</li><li>Ponències</li></ol>" in body
    assert "<b>jornada anual</b>" in body
    assert [leftover for leftover in OFFICE_LEFTOVERS if leftover in body] == []
    assert "<p></p>" not in body and "&nbsp;" not in body
    # The image Word pasted as a file on the author's disk: removed, and the editor told where.
    assert any("«Cos [ca]»" in message and "banc d'imatges" in message for message in messages)


def test_a_google_docs_paste_loses_its_wrapper_and_keeps_bold_italic_and_lists(editor):
    item, messages = save_as_editor(editor, body_es=GOOGLE_DOCS)
    assert item.body_es == (
        "<h2>Trobada de ciutats agermanades</h2>"
        "<p>Terrassa acull la <strong>trobada anual</strong> de les ciutats agermanades.</p>"
        "<ul><li>Pamiers (França)</li><li>Granada (Nicaragua)</li></ul>"
        "<h4>Més informació</h4>"
        "<p><em>Amb el suport de l'Ajuntament</em></p>"
    )
    assert any("«Cos [es]»" in message for message in messages)
    assert not any("«Cos [ca]»" in message for message in messages)


def test_an_image_from_the_library_stays_and_nothing_is_reported(editor):
    body = '<p>Text</p><figure><img src="/media/images/dia-europa.jpg" alt="Dia d’Europa"></figure>'
    item, messages = save_as_editor(editor, body_ca=body)
    assert '<img src="/media/images/dia-europa.jpg" alt="Dia d’Europa">' in item.body_ca
    assert not any("banc d'imatges" in message for message in messages)


@pytest.mark.parametrize(
    "pasted",
    [
        '<p>Foto: <img src="data:image/png;base64,iVBORw0KGgo=" alt=""></p>',
        '<figure><img src="https://example.org/a.jpg"><figcaption>Peu</figcaption></figure>',
        '<img src="file:///C:/Users/x/clip_image001.png">',
    ],
)
def test_an_image_from_elsewhere_is_removed_whole(pasted):
    assert "<img" not in sanitize_html(pasted) and "<figure" not in sanitize_html(pasted)
    assert removed_images(pasted) == 1


def test_an_item_of_several_paragraphs_keeps_them():
    pasted = (
        '<ul><li><p dir="ltr">Un</p><p dir="ltr">Dos</p></li><li><p dir="ltr">Tres</p></li></ul>'
    )
    assert sanitize_html(pasted) == "<ul><li><p>Un</p><p>Dos</p></li><li>Tres</li></ul>"
