"""Uploaded files: served by Django when SERVE_MEDIA is on, and given their own headers whoever
serves them (SecurityHeadersMiddleware calls `protect_media`).

Every media file gets a `default-src 'none'; sandbox` policy, `nosniff`, and a download
(`Content-Disposition: attachment`, `application/octet-stream`) unless it is an image the image
library wrote, so an uploaded file is never rendered as a page or an SVG. The library's images,
whose names change whenever their picture does, may be cached for a year
(`LIBRARY_IMAGE_CACHE_CONTROL`).
"""

import mimetypes
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.core.files.storage import FileSystemStorage, storages
from django.http import FileResponse, Http404
from django.views.decorators.http import require_safe
from django.views.static import serve

MEDIA_POLICY = "default-src 'none'; sandbox"
# What the image library writes (relacions.images): originals and renditions, by name, type and
# the first bytes of the file, so an HTML page stored under an image's name is still a download.
LIBRARY_IMAGE_FOLDER = "images/"
LIBRARY_IMAGE_TYPES = {
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".webp": "image/webp",
}
# A name in the library never comes to show another picture: an original gets a new random name
# whenever its file is replaced, and its renditions take names derived from it
# (rebuild_renditions only re-encodes the same picture under the same names). So browsers may
# keep them as long as the hashed static files, instead of fetching each photograph again.
LIBRARY_IMAGE_CACHE_CONTROL = "max-age=31536000, public, immutable"
SIGNATURES = {
    "image/jpeg": lambda head: head.startswith(b"\xff\xd8\xff"),
    "image/png": lambda head: head.startswith(b"\x89PNG\r\n\x1a\n"),
    "image/webp": lambda head: head[:4] == b"RIFF" and head[8:12] == b"WEBP",
}


def is_library_image(relative_path: str, content_type: str, head: bytes) -> bool:
    """Whether a media file is an image as the library stores it: its folder, an image name,
    the matching content type and that format's signature at the start of the file."""
    path = PurePosixPath(relative_path)
    expected = LIBRARY_IMAGE_TYPES.get(path.suffix.lower())
    return (
        relative_path.startswith(LIBRARY_IMAGE_FOLDER)
        and ".." not in path.parts
        and expected is not None
        and content_type.split(";")[0].strip().lower() == expected
        and SIGNATURES[expected](head)
    )


def _on_disk() -> bool:
    return isinstance(storages["default"], FileSystemStorage)


def _file_head(relative_path: str) -> bytes:
    # Only called once the file was found (in MEDIA_ROOT, or in the object store).
    try:
        if _on_disk():
            with open(Path(settings.MEDIA_ROOT) / relative_path, "rb") as file:
                return file.read(12)
        with storages["default"].open(relative_path, "rb") as file:
            return file.read(12)
    except (OSError, SuspiciousOperation):
        return b""


def protect_media(relative_path: str, response) -> None:
    """The headers of a media file's response (SecurityHeadersMiddleware sends them)."""
    response.headers["Content-Security-Policy"] = MEDIA_POLICY
    response.headers["X-Content-Type-Options"] = "nosniff"
    if response.status_code == 304:
        return  # no body: the browser keeps the headers of the copy it has
    content_type = response.get("Content-Type", "")
    if not is_library_image(relative_path, content_type, _file_head(relative_path)):
        response.headers["Content-Type"] = "application/octet-stream"
        response.headers["Content-Disposition"] = "attachment"
    else:
        response.headers["Cache-Control"] = LIBRARY_IMAGE_CACHE_CONTROL


def _serve_from_storage(request, path):
    """A file of the object store (OBJECT_STORAGE_BUCKET), as `serve` answers from the disk."""
    storage = storages["default"]
    try:
        if not storage.exists(path):
            raise Http404
        file = storage.open(path, "rb")
    except (OSError, SuspiciousOperation):
        raise Http404 from None
    content_type, encoding = mimetypes.guess_type(path)
    response = FileResponse(file, content_type=content_type or "application/octet-stream")
    if encoding:
        response.headers["Content-Encoding"] = encoding
    return response


@require_safe
def serve_media(request, path):
    """Uploaded files, when Django serves them (SERVE_MEDIA): from MEDIA_ROOT as it is now, or
    from the object store's media prefix (the proxy in front keeps them)."""
    if not _on_disk():
        return _serve_from_storage(request, path)
    try:
        return serve(request, path, document_root=str(settings.MEDIA_ROOT))
    except OSError:
        # A name the file system refuses (too long, …) names no file.
        raise Http404 from None
