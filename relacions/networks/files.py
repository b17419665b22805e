"""Membership documents: PDFs that only Network administrators may read.

They keep the name they were uploaded with (`Membership.document_name`, given back in the
download's Content-Disposition), but are stored under a random one, outside MEDIA_ROOT (which is
served to anyone at MEDIA_URL), in `PRIVATE_MEDIA_ROOT` (by default a `private-media` folder
beside MEDIA_ROOT), and have no public URL at all: `storage.url()` raises, and the admin streams
them through a view that checks the user's permission (`MembershipAdmin.document_view`). On
object storage they are in the bucket's private prefix (relacions.operations.storage).
"""

import unicodedata
import uuid
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage, Storage, storages
from django.template.defaultfilters import filesizeformat
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


def get_private_storage() -> Storage:
    # A callable, so migrations record this function rather than a folder of this machine.
    # With object storage (OBJECT_STORAGE_BUCKET) the bucket's private prefix, which gives no
    # public address either (relacions.operations.storage).
    if "private" in settings.STORAGES:
        return storages["private"]
    return private_storage


DOCUMENT_NAME_MAX_LENGTH = 200


def membership_document_path(instance, filename: str) -> str:
    """A random name on disk; the name it was uploaded with is kept on the row (document_name),
    which only those allowed to see the document can read."""
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


def validate_document_size(file) -> None:
    """Refuse a new upload over settings.MEMBERSHIP_DOCUMENT_MAX_BYTES."""
    if getattr(file, "_committed", False):
        return
    limit = settings.MEMBERSHIP_DOCUMENT_MAX_BYTES
    if file.size > limit:
        raise ValidationError(
            _("The file is %(size)s; the largest accepted is %(max)s."),
            code="too_large",
            params={"size": filesizeformat(file.size), "max": filesizeformat(limit)},
        )


def clean_document_name(uploaded_name: str) -> str:
    """The name a document was uploaded with, made safe to show and to send in a header: no
    folders, no control characters (a line break would split the header), at most
    DOCUMENT_NAME_MAX_LENGTH characters, ending in .pdf (the content is a PDF)."""
    name = PurePosixPath(uploaded_name.replace("\\", "/")).name
    name = unicodedata.normalize("NFC", name)
    name = "".join(" " if unicodedata.category(c).startswith(("C", "Z")) else c for c in name)
    name = " ".join(name.split()).strip(" .")
    stem = name[: -len(".pdf")] if name.lower().endswith(".pdf") else name
    stem = stem[: DOCUMENT_NAME_MAX_LENGTH - len(".pdf")].rstrip(" .")
    return f"{stem}.pdf" if stem else ""
