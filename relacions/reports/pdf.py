"""The report as a PDF, drawn by WeasyPrint from the same template parts as the page, with the
print stylesheet (static/css/report-print.css).

Tagged PDF/UA-1: the document's language (from `<html lang>`), its title (from `<title>`), an
outline from its headings, and the structure tree that screen readers read.

WeasyPrint fetches only the site's own static and media files, read from where they are stored:
never anything over the network (an address in a rich text cannot make the server fetch it).
"""

import mimetypes
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import default_storage
from django.http import HttpResponse
from django.template.loader import render_to_string

PDF_VARIANT = "pdf/ua-1"
# The address the document's relative links are resolved against (made absolute with the
# request's host, so a link in the PDF leads to the site).
BASE = "/"


class RefusedResource(ValueError):
    pass


def _local_file(path: str) -> tuple[bytes, str] | None:
    try:
        return _read_local(path)
    except SuspiciousFileOperation:  # a path out of the static or media folders
        return None


def _read_local(path: str) -> tuple[bytes, str] | None:
    if path.startswith(settings.STATIC_URL):
        found = finders.find(unquote(path.removeprefix(settings.STATIC_URL)))
        if found:
            with open(found, "rb") as file:
                return file.read(), path
    if path.startswith(settings.MEDIA_URL):
        name = unquote(path.removeprefix(settings.MEDIA_URL))
        if default_storage.exists(name):
            with default_storage.open(name) as file:
                return file.read(), path
    return None


def url_fetcher(host_root: str):
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class LocalFilesOnly(URLFetcher):
        """The site's static and media files, read from their storage; nothing else."""

        def fetch(self, url, headers=None):
            if not url.startswith(host_root):
                raise RefusedResource(f"Not fetched: {url}")
            found = _local_file(urlsplit(url).path)
            if found is None:
                raise RefusedResource(f"Not a static or media file: {url}")
            content, path = found
            content_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
            return URLFetcherResponse(url, content, {"Content-Type": content_type})

    return LocalFilesOnly(allowed_protocols=("http", "https"))


def render(request, template: str, context: dict) -> bytes:
    return render_html(request, render_to_string(template, context, request=request))


def _weasyprint_html():
    """WeasyPrint's HTML class, loaded on first use (Pango is only needed for a PDF). Importing
    WeasyPrint sets Pillow's process-wide LOAD_TRUNCATED_IMAGES, which would make the image
    library accept damaged uploads (relacions.images.validators) in every process that has drawn
    a PDF: the flag is put back as it was."""
    from PIL import ImageFile

    strict = ImageFile.LOAD_TRUNCATED_IMAGES
    from weasyprint import HTML

    ImageFile.LOAD_TRUNCATED_IMAGES = strict
    return HTML


def render_html(request, html: str) -> bytes:
    HTML = _weasyprint_html()
    host_root = request.build_absolute_uri(BASE)
    document = HTML(string=html, base_url=host_root, url_fetcher=url_fetcher(host_root))
    return document.write_pdf(pdf_variant=PDF_VARIANT)


def response(body: bytes, *, filename: str) -> HttpResponse:
    result = HttpResponse(body, content_type="application/pdf")
    result["Content-Disposition"] = f'inline; filename="{filename}"'
    return result
