"""The admin's JavaScript in the admin's language: CKEditor's interface and Django's own
scripts; and a paste from Word into the editor keeps its structure."""

import re
from pathlib import Path

import pytest
from django.contrib.auth.models import Group

from relacions.core.roles import EDITORS, setup_roles
from tests.factories import NewsItemFactory
from tests.fixtures.browser import sign_in, watched_page

pytestmark = pytest.mark.django_db(transaction=True)

WORD = (Path(__file__).parent / "fixtures" / "word-clipboard.html").read_text()


@pytest.fixture
def editor_page(browser, live_server, client, request):
    """A page of an Editor whose browser asks for `request.param` (ca or es)."""
    setup_roles()
    editor = Group.objects.get(name=EDITORS).user_set.create(username="editora", is_staff=True)
    context = browser.new_context(
        base_url=live_server.url, locale=request.param, viewport={"width": 1280, "height": 900}
    )
    page = watched_page(context)
    sign_in(page, client, live_server, editor)
    yield page
    context.close()


@pytest.mark.parametrize(
    ("editor_page", "paragraph", "words"),
    [("ca", "Paràgraf", "Paraules: 0"), ("es", "Párrafo", "Palabras: 0")],
    indirect=["editor_page"],
)
def test_the_editors_toolbar_speaks_the_admins_language(editor_page, paragraph, words):
    editor_page.goto("/admin/news/newsitem/add/")
    # The language tab open first holds the visible editor.
    heading = editor_page.locator(".ck-heading-dropdown .ck-button__label:visible").first
    heading.wait_for()
    assert heading.inner_text() == paragraph
    assert editor_page.locator(".word-count:visible").first.inner_text().startswith(words)
    assert editor_page.csp_errors == []


@pytest.mark.parametrize(
    ("editor_page", "counter"),
    [("ca", "0 de 2 seleccionats"), ("es", "0 de 2 seleccionados")],
    indirect=["editor_page"],
)
def test_the_lists_selection_counter_speaks_the_admins_language(editor_page, counter):
    NewsItemFactory.create_batch(2)
    editor_page.goto("/admin/news/newsitem/")
    assert editor_page.locator(".action-counter").inner_text().strip() == counter


@pytest.mark.parametrize("editor_page", ["ca"], indirect=True)
def test_a_word_paste_in_the_editor_keeps_lists_and_headings(editor_page):
    editor_page.goto("/admin/news/newsitem/add/")
    editable = editor_page.locator(".ck-editor__editable").first
    editable.wait_for()
    editable.click()
    data = editor_page.evaluate(
        """html => {
            const editable = document.querySelector('.ck-editor__editable');
            const clipboard = new DataTransfer();
            clipboard.setData('text/html', html);
            clipboard.setData('text/plain', 'Jornada europea de cultura');
            editable.dispatchEvent(new ClipboardEvent('paste', {
                clipboardData: clipboard, bubbles: true, cancelable: true,
            }));
            return Object.values(window.editors)
                .find(editor => editor.ui.view.editable.element === editable).getData();
        }""",
        WORD,
    )
    data = re.sub(r' data-list-item-id="[^"]*"', "", data)
    assert "<h2>Jornada europea de cultura</h2>" in data
    # Word's list paragraphs are real, nested list items (the type is settled again on save,
    # from Word's own bullet: relacions.core.sanitize).
    assert re.search(
        r"<li>Debat sobre polítiques culturals<([uo]l)><li>Grup de treball de patrimoni</li>"
        r"</\1></li><li>Visita al Museu Nacional de la Ciència</li>",
        data,
    ), data
    assert "<ol><li>Benvinguda</li><li>Ponències</li></ol>" in data
    assert "<h4>Programa</h4>" in data
    assert "mso-" not in data and "·" not in data and "<h1" not in data and "o:p" not in data
