"""The report's PDF, read back: tagged (PDF/UA), in the page's language, titled, with an outline
of its headings; and the renderer fetches nothing from the network."""

import io
import socket

import pypdf
import pytest
from django.urls import reverse
from django.utils import translation

from relacions.reports import pdf
from relacions.reports.views import report_context
from tests.factories.reports import AreaTextFactory

from .conftest import YEAR

pytestmark = pytest.mark.django_db


def _read(response) -> pypdf.PdfReader:
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    return pypdf.PdfReader(io.BytesIO(response.content))


def _outline(items) -> list[str]:
    titles = []
    for item in items:
        titles += _outline(item) if isinstance(item, list) else [item["/Title"]]
    return titles


@pytest.mark.parametrize(
    ("language", "title", "press"),
    [
        ("ca", f"Memòria {YEAR}", "Recull de premsa"),
        ("es", f"Memoria {YEAR}", "Revista de prensa"),
        ("en", f"Yearly report {YEAR}", "Press review"),
    ],
)
def test_the_pdf_carries_its_language_title_outline_and_tags(
    client, published_report, language, title, press
):
    AreaTextFactory(report=published_report, area="projects")
    with translation.override(language):
        url = reverse("reports:pdf", kwargs={"year": YEAR})
    document = _read(client.get(url))
    catalog = document.trailer["/Root"]

    assert catalog["/Lang"] == language
    assert document.metadata.title.startswith(title)
    assert bool(catalog["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in catalog
    assert bool(catalog["/ViewerPreferences"]["/DisplayDocTitle"])
    outline = _outline(document.outline)
    assert outline[0] == title
    assert press in outline
    text = "".join(page.extract_text() for page in document.pages)
    assert "Terrassa a Brussel·les" in text
    assert f"{title}" in text


def test_the_pdf_is_drawn_once_then_served_from_the_page_cache(client, published_report, settings):
    settings.PAGE_CACHE, settings.PAGE_CACHE_SECONDS, settings.PAGE_CACHE_LEASE_SECONDS = (
        True,
        600,
        1,
    )
    url = reverse("reports:pdf", kwargs={"year": YEAR})
    first = client.get(url)
    second = client.get(url)
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert second.content == first.content
    assert second["Content-Type"] == "application/pdf"
    _read(second)


def test_the_outline_names_every_area_of_the_report(client, published_report):
    sections = report_context(published_report)["sections"]
    outline = _outline(_read(client.get(reverse("reports:pdf", kwargs={"year": YEAR}))).outline)
    for area, _text in sections:
        assert area.label in outline


def test_the_renderer_fetches_nothing_from_the_network(rf):
    """An image or a stylesheet pointing at another server is not fetched: no connection
    reaches it (the site's own static files are read from disk)."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    listener.settimeout(0.5)
    port = listener.getsockname()[1]
    html = (
        '<html lang="ca"><head><title>T</title>'
        f'<link rel="stylesheet" href="http://127.0.0.1:{port}/style.css">'
        '<link rel="stylesheet" href="/static/css/report-print.css"></head>'
        f'<body><h1>T</h1><img src="http://127.0.0.1:{port}/tracker.png" alt="x">'
        '<img src="file:///etc/passwd" alt="y"></body></html>'
    )
    body = pdf.render_html(rf.get("/ca/memoria/2025/pdf/"), html)
    assert body.startswith(b"%PDF")
    with pytest.raises(TimeoutError):
        listener.accept()
    listener.close()
    fetch = pdf.url_fetcher("http://testserver/")
    assert fetch.fetch("http://testserver/static/css/report-print.css").read().startswith(b"/*")
    for refused in (
        f"http://127.0.0.1:{port}/x",
        "file:///etc/passwd",
        "http://testserver/admin/",
        "http://testserver/static/../../../../etc/passwd",
        "http://testserver/media/../../../../etc/passwd",
    ):
        with pytest.raises(pdf.RefusedResource):
            fetch.fetch(refused)


def test_drawing_a_pdf_leaves_damaged_uploads_refused(client, published_report):
    """WeasyPrint's import relaxes Pillow for the whole process; the site puts it back, so an
    upload cut in half is still refused after a PDF was drawn in the same process."""
    import PIL.Image
    from django.core.exceptions import ValidationError
    from django.core.files.uploadedfile import SimpleUploadedFile

    from relacions.images.validators import validate_image_file

    _read(client.get(reverse("reports:pdf", kwargs={"year": YEAR})))
    noisy = PIL.Image.effect_noise((400, 300), 80).convert("RGB")
    buffer = io.BytesIO()
    noisy.save(buffer, "JPEG", quality=95)
    content = buffer.getvalue()
    with pytest.raises(ValidationError) as error:
        validate_image_file(SimpleUploadedFile("cut.jpg", content[: len(content) // 2]))
    assert error.value.code == "damaged"
