"""The one check every uploaded image goes through: the admin, any model form and the editor upload.

What is accepted is decided by the file's content as Pillow reads it, never by its name or the
content type the browser sent: an HTML page renamed `photo.jpg` is refused like an SVG is.

Decompression bombs: the pixel count is read from the header and checked before anything is
decoded, Pillow's own limit (`PIL.Image.MAX_IMAGE_PIXELS`) is set to the same value (apps.py) and
its `DecompressionBombWarning` becomes a refusal, so a tiny PNG that would decode to gigabytes is
a form error, never a 500 or an exhausted worker.
"""

import warnings

import PIL.Image
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

# Pillow's format name → the format stored on Image and Rendition. MPO is how Pillow names a JPEG
# with extra frames (many phone cameras write them); it is a JPEG and is stored as one.
ACCEPTED_FORMATS = {"JPEG": "jpeg", "MPO": "jpeg", "PNG": "png", "WEBP": "webp"}
# Only these decoders ever see an upload: Pillow does not try its other 40 plugins on it.
PILLOW_DECODERS = ("JPEG", "PNG", "WEBP")
ACCEPT_ATTRIBUTE = "image/jpeg,image/png,image/webp"

MESSAGES = {
    "too_large": _("The file is %(size)s; the largest accepted is %(max)s."),
    "format": _(
        "Upload a JPEG, PNG or WebP image. This file is not one of them "
        "(SVG, GIF, HEIC, PDF and other formats are not accepted)."
    ),
    "too_many_pixels": _(
        "The image has too many pixels: the most accepted is %(max)s million. "
        "Reduce its size and upload it again."
    ),
    "damaged": _("The image file is damaged or incomplete. Export it again and upload the copy."),
}


def apply_pixel_limit() -> None:
    """Make Pillow's own bomb check use the site's limit (called at start-up and on test
    overrides of IMAGE_MAX_PIXELS)."""
    PIL.Image.MAX_IMAGE_PIXELS = settings.IMAGE_MAX_PIXELS


def _error(code: str, **params) -> ValidationError:
    return ValidationError(MESSAGES[code], code=code, params=params or None)


def _too_many_pixels() -> ValidationError:
    return _error("too_many_pixels", max=f"{settings.IMAGE_MAX_PIXELS / 1_000_000:g}")


def open_image(file) -> tuple[PIL.Image.Image, str]:
    """Check and decode an uploaded file; return the decoded image and its format
    ("jpeg", "png" or "webp"). Raise ValidationError for anything that is refused."""
    if file.size > settings.IMAGE_MAX_BYTES:
        raise _error(
            "too_large",
            size=filesizeformat(file.size),
            max=filesizeformat(settings.IMAGE_MAX_BYTES),
        )
    file.seek(0)
    # catch_warnings changes process-wide state: with threaded workers another thread's
    # warning could escape the filter, which is why the pixel count is also checked by hand.
    with warnings.catch_warnings():
        warnings.simplefilter("error", PIL.Image.DecompressionBombWarning)
        try:
            picture = PIL.Image.open(file, formats=PILLOW_DECODERS)
        except (PIL.Image.DecompressionBombError, PIL.Image.DecompressionBombWarning):
            raise _too_many_pixels() from None
        except (PIL.UnidentifiedImageError, OSError, SyntaxError, ValueError):
            raise _error("format") from None
        if picture.format not in ACCEPTED_FORMATS:
            raise _error("format")
        width, height = picture.size
        if width * height > settings.IMAGE_MAX_PIXELS:
            raise _too_many_pixels()
        try:
            picture.load()
        except (PIL.Image.DecompressionBombError, PIL.Image.DecompressionBombWarning):
            raise _too_many_pixels() from None
        except Exception:
            # Damaged files raise OSError, SyntaxError, ValueError, struct.error, EOFError… from
            # the decoders; Django's own ImageField catches everything here for the same reason.
            raise _error("damaged") from None
    file.seek(0)
    return picture, ACCEPTED_FORMATS[picture.format]


def validate_image_file(file) -> None:
    """Validator for form fields: the same checks as `open_image`.

    The decoded image is dropped, not closed: closing a PNG closes the caller's file with it,
    and the file is read again when the model is saved.
    """
    open_image(file)
