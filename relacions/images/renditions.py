"""Pixel work: cleaning an upload and making the resized copies the site serves.

Everything is re-encoded from decoded pixels and nothing from the upload's metadata is passed to
the encoders, so EXIF (camera, GPS position, dates), XMP, IPTC and comments never reach the media
folder. Colour profiles are applied (converted to sRGB) before they are dropped, so a phone's
Display P3 photo keeps its colours.
"""

import io

import PIL.Image
from django.conf import settings
from PIL import ImageCms, ImageOps

EXTENSIONS = {"jpeg": "jpg", "png": "png", "webp": "webp"}
PILLOW_ENCODERS = {"jpeg": "JPEG", "png": "PNG", "webp": "WEBP"}
# The original is kept at a higher quality: it is the source of any future rendition.
ORIGINAL_OPTIONS = {
    "jpeg": {"quality": 90, "optimize": True},
    "png": {"optimize": False},
    "webp": {"quality": 90, "method": 4},
}
RENDITION_OPTIONS = {
    "jpeg": {"quality": 82, "optimize": True, "progressive": True},
    "png": {"optimize": False},
    "webp": {"quality": 80, "method": 4},
}


def clean(picture: PIL.Image.Image, file_format: str) -> PIL.Image.Image:
    """The upload's pixels, upright, in sRGB, with no metadata left to encode."""
    upright = ImageOps.exif_transpose(picture)
    upright = _to_srgb(upright)
    if file_format == "jpeg" and upright.mode not in ("L", "RGB"):
        upright = upright.convert("RGB")
    elif file_format == "webp" and upright.mode not in ("RGB", "RGBA"):
        upright = _flatten_mode(upright)
    # Only PNG's transparency entry is pixel data; everything else in `info` is metadata.
    upright.info = {k: v for k, v in upright.info.items() if k == "transparency"}
    return upright


def _to_srgb(picture: PIL.Image.Image) -> PIL.Image.Image:
    profile = picture.info.get("icc_profile")
    if not profile:
        return picture
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
        converted = ImageCms.profileToProfile(
            _flatten_mode(picture),
            source,
            ImageCms.createProfile("sRGB"),
            outputMode="RGBA" if picture.has_transparency_data else "RGB",
        )
    except (ImageCms.PyCMSError, OSError, ValueError):
        # A broken or unusual profile (e.g. a grey profile on a colour image): keep the pixels
        # as they are; the profile is dropped either way.
        return picture
    return converted or picture


def _flatten_mode(picture: PIL.Image.Image) -> PIL.Image.Image:
    """RGB, or RGBA when the image has transparency: the modes every encoder and resize handle."""
    if picture.mode.startswith("I"):
        # 16-bit greyscale PNG: scale to 8 bits (a plain conversion clips nearly all to white).
        picture = picture.convert("I").point(lambda value: value / 256).convert("L")
    mode = "RGBA" if picture.has_transparency_data else "RGB"
    return picture if picture.mode == mode else picture.convert(mode)


def encode(picture: PIL.Image.Image, file_format: str, *, original: bool = False) -> bytes:
    options = (ORIGINAL_OPTIONS if original else RENDITION_OPTIONS)[file_format]
    if file_format == "jpeg" and picture.mode not in ("L", "RGB"):
        picture = picture.convert("RGB")
    buffer = io.BytesIO()
    picture.save(buffer, PILLOW_ENCODERS[file_format], **options)
    return buffer.getvalue()


def widths_for(original_width: int) -> list[int]:
    """The configured widths narrower than the original; the original width when all are wider
    (an image is never scaled up)."""
    widths = sorted(w for w in settings.IMAGE_RENDITION_WIDTHS if w < original_width)
    return widths or [original_width]


def formats_for(original_format: str) -> list[str]:
    """WebP for browsers that take it, plus the original format as the `<img>` fallback."""
    return ["webp"] if original_format == "webp" else ["webp", original_format]


def resize(picture: PIL.Image.Image, width: int) -> PIL.Image.Image:
    picture = _flatten_mode(picture)
    if width >= picture.width:
        return picture
    height = max(1, round(picture.height * width / picture.width))
    return picture.resize((width, height), PIL.Image.Resampling.LANCZOS, reducing_gap=3.0)


def rendition_name(original_name: str, width: int, file_format: str) -> str:
    """`images/renditions/<original's uuid>-<width>w.<ext>`: one name per image, width and format,
    and a new set of names whenever the file changes (so caches never serve a stale copy)."""
    stem = original_name.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return f"images/renditions/{stem}-{width}w.{EXTENSIONS[file_format]}"
