"""Uploads through the admin: refused by content, size and pixels; names never used as paths."""

import uuid

import pytest
from django.apps import apps
from django.db import models
from django.urls import reverse

from relacions.images.fields import ImageFileField
from relacions.images.models import Image
from tests.factories.images import HTML, SVG, jpeg_bytes, png_bomb_bytes, png_bytes

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:images_image_add")
FIELDS = {
    "title_ca": "Foto (exemple)",
    "alt_text_ca": "Una sala de reunions",
    "licence": Image.Licence.ALL_RIGHTS_RESERVED,
    "_save": "Save",
}


def multipart(file_name: str, content: bytes, content_type: str) -> tuple[bytes, str]:
    """A form body with the file name exactly as a hostile client sends it (the test client
    would strip a path from it before sending)."""
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in FIELDS.items():
        disposition = f'Content-Disposition: form-data; name="{name}"'
        parts.append(f"--{boundary}\r\n{disposition}\r\n\r\n{value}\r\n".encode())
    parts.append(
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; '
            f'filename="{file_name}"\r\nContent-Type: {content_type}\r\n\r\n'
        ).encode()
        + content
        + b"\r\n"
    )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def post(client, file_name, content, content_type="image/jpeg"):
    body, content_type = multipart(file_name, content, content_type)
    return client.post(ADD_URL, body, content_type=content_type)


def file_errors(response) -> list[str]:
    assert response.status_code == 200, "refused with the form shown again, never a 500"
    errors = response.context["adminform"].form.errors.as_data().get("file", [])
    return [error.code for error in errors]


@pytest.mark.parametrize(
    ("file_name", "content", "content_type", "code"),
    [
        ("logo.svg", SVG, "image/svg+xml", "format"),
        ("logo.svg.png", SVG, "image/png", "format"),
        ("photo.jpg", HTML, "image/jpeg", "format"),
        ("page.html", HTML, "text/html", "format"),
        ("report.pdf", b"%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n", "application/pdf", "format"),
        ("bomb.png", png_bomb_bytes(), "image/png", "too_many_pixels"),
        ("../../../etc/cron.d/photo.jpg", HTML, "image/jpeg", "format"),
        ("..", jpeg_bytes(), "image/jpeg", "required"),
    ],
    ids=[
        "svg",
        "svg-named-png",
        "html-as-jpeg",
        "html",
        "pdf",
        "bomb",
        "traversal-html",
        "dot-dot",
    ],
)
def test_hostile_uploads_are_refused_with_form_errors(
    admin_client, file_name, content, content_type, code
):
    response = post(admin_client, file_name, content, content_type)
    assert file_errors(response) == [code]
    assert not Image.objects.exists()


def test_an_oversized_file_is_refused(admin_client, settings):
    content = png_bytes(400, 300)
    settings.IMAGE_MAX_BYTES = len(content) - 1
    assert file_errors(post(admin_client, "big.png", content, "image/png")) == ["too_large"]


def test_a_path_in_the_file_name_is_never_used(admin_client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "site" / "media"
    response = post(admin_client, "../../../outside/../photo.jpg", jpeg_bytes())

    assert response.status_code == 302
    image = Image.objects.get()
    assert image.file.name.startswith("images/originals/")
    assert "photo" not in image.file.name and ".." not in image.file.name
    written = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert written and all(settings.MEDIA_ROOT in p.parents for p in written)


# Files the code writes itself, from an upload already checked; no form offers them.
WRITTEN_BY_CODE = {"images.Rendition.file"}


def test_every_file_field_declares_what_it_accepts():
    """Documents (PDF) only where a model says so: no FileField takes any file by default."""
    unchecked = {
        f"{model._meta.label}.{field.name}"
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if isinstance(field, models.FileField)
        and not isinstance(field, ImageFileField)
        and not field.validators
    }
    assert unchecked == WRITTEN_BY_CODE
