"""Rich text is cleaned on save whatever sent it: here a forged POST to the admin."""

import pytest
from django.urls import reverse

from relacions.core.sanitize import sanitize_html
from relacions.pages.models import Page

XSS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    '<img src="/media/a.jpg" onerror="alert(1)">',
    '<p onclick="alert(1)" ONMOUSEOVER="alert(2)">x</p>',
    '<a href="javascript:alert(1)">x</a>',
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    '<a href="&#106;avascript:alert(1)">x</a>',
    '<a href="&#x6A;&#x61;vascript&colon;alert(1)">x</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    '<a href="DATA:text/html,<script>alert(1)</script>">x</a>',
    '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
    '<svg onload="alert(1)"><circle r="5"/></svg>',
    '<iframe src="https://evil.example/"></iframe>',
    '<p style="background:url(javascript:alert(1))">painted</p>',
    "<style>body{display:none}</style>",
    '<object data="x.swf"></object><embed src="x.swf">',
    '<form action="https://evil.example/"><input name="q"></form>',
    '<img src="https://tracker.example/pixel.gif" alt="">',
]
DANGEROUS = (
    "<script",
    "onerror",
    "onclick",
    "onmouseover",
    "onload",
    "javascript:",
    "data:",
    "<svg",
    "<iframe",
    "style=",
    "<style",
    "<object",
    "<embed",
    "<form",
    "<input",
    "tracker.example",
)


@pytest.mark.parametrize("payload", XSS)
def test_a_forged_admin_post_is_stored_clean(admin_client, payload):
    response = admin_client.post(
        reverse("admin:pages_page_add"),
        {
            "title_ca": "Pàgina",
            "slug_ca": "pagina",
            "body_ca": f"<p>Text</p>{payload}",
            "body_es": payload,
            "body_en": payload,
            "status": "draft",
            "menu_order": 0,
        },
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    page = Page.objects.get(slug_ca="pagina")
    for stored in (page.body_ca, page.body_es, page.body_en):
        lowered = stored.lower()
        for marker in DANGEROUS:
            assert marker not in lowered, (payload, stored)
    assert "<p>Text</p>" in page.body_ca


def test_the_allowed_markup_survives():
    html = (
        "<h2>Títol</h2><h3>Sub</h3><h4>Sub</h4><p><strong>a</strong> <em>b</em></p>"
        "<ul><li>x</li></ul><ol><li>y</li></ol><blockquote><p>cita</p></blockquote>"
        '<p><a href="https://www.terrassa.cat/">web</a> <a href="/ca/qui-som/">rel</a> '
        '<a href="mailto:a@b.cat">mail</a></p>'
        '<figure><img src="/media/images/a.webp" alt="Foto"></figure>'
        "<table><thead><tr><th>A</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>"
    )
    cleaned = sanitize_html(html)
    for fragment in (
        "<h2>Títol</h2>",
        "<h4>Sub</h4>",
        "<strong>a</strong>",
        "<blockquote>",
        'href="https://www.terrassa.cat/"',
        'href="/ca/qui-som/"',
        'href="mailto:a@b.cat"',
        'src="/media/images/a.webp"',
        "<th>A</th>",
        "<td>1</td>",
    ):
        assert fragment in cleaned


def test_a_heading_one_is_not_allowed_in_the_body():
    # The page's own title is its only <h1>.
    assert "<h1>" not in sanitize_html("<h1>Second title</h1>")


@pytest.mark.django_db
def test_saving_in_another_language_does_not_copy_the_fallback_into_it():
    from django.utils import translation

    from tests.factories import PageFactory

    page = PageFactory(body_ca="<p>Només en català</p>", body_en="")
    with translation.override("en"):
        page.save()
    page.refresh_from_db()
    assert page.body_ca == "<p>Només en català</p>"
    assert page.body_en in ("", None)


@pytest.mark.parametrize(
    "empty",
    [
        "<p></p>",
        "<p>&nbsp;</p>",
        "<br>",
        '<p><br data-cke-filler="true"></p>',
        "<p>\u200b</p>",
        "<p> </p>\n<p>&#160;</p>",
        "<table><tbody><tr><td>&nbsp;</td></tr></tbody></table>",
        '<img src="https://tracker.example/pixel.gif">',
    ],
)
def test_markup_that_shows_nothing_is_stored_empty(empty):
    # modeltranslation falls back to Catalan only on an empty value.
    assert sanitize_html(empty) == ""


@pytest.mark.parametrize(
    "content",
    ["<p>a</p>", "<p>&lt;</p>", '<figure><img src="/media/images/a.webp" alt=""></figure>'],
)
def test_markup_that_shows_something_is_kept(content):
    assert sanitize_html(content) == content
