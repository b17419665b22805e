"""Membership documents: PDFs that only Network administrators may read.

They are stored outside MEDIA_ROOT (which is served to anyone at MEDIA_URL), in
`PRIVATE_MEDIA_ROOT` (by default a `private-media` folder beside MEDIA_ROOT), and have no public
URL at all: `storage.url()` raises, and the admin streams them through a view that checks the
user's permission (`MembershipAdmin.document_view`).
"""

import uuid
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.utils.translation import gettext_lazy as _

PDF_SIGNATURE = b"%PDF-"


class PrivateStorage(FileSystemStorage):
    """A file system storage with no URL, whose folder follows the settings (tests move it)."""

    @property
    def base_location(self):
        configured = getattr(settings, "PRIVATE_MEDIA_ROOT", None)
        return (
            Path(configured) if configured else Path(settings.MEDIA_ROOT).parent / "private-media"
        )

    @property
    def location(self):
        return str(Path(self.base_location).resolve())

    @property
    def base_url(self):
        return None


private_storage = PrivateStorage()


def get_private_storage() -> PrivateStorage:
    # A callable, so migrations record this function rather than a folder of this machine.
    return private_storage


def membership_document_path(instance, filename: str) -> str:
    """A random name: the uploaded file's name is never stored (it may name people)."""
    return f"networks/memberships/{uuid.uuid4().hex}.pdf"


def validate_pdf(file) -> None:
    """Accept a PDF by its content (it starts with `%PDF-`), never by its name or content type.

    Only a new upload is read: a file already stored passed this check when it was uploaded.
    """
    if getattr(file, "_committed", False):
        return
    position = file.tell() if hasattr(file, "tell") else 0
    file.seek(0)
    head = file.read(len(PDF_SIGNATURE))
    file.seek(position)
    if head != PDF_SIGNATURE:
        raise ValidationError(
            _("Upload a PDF document. This file is not a PDF (its content does not start as one)."),
            code="not_pdf",
        )
