"""Pictures for the tests: files made in memory with Pillow (or by hand, for the hostile ones)."""

import io
import struct
import zlib

import PIL.Image
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import ExifTags

RED = (255, 0, 0)
BLUE = (0, 0, 255)
ORIENTATION = 0x0112
ROTATE_90_CW = 6  # EXIF: "the 0th row is the visual right side": display rotated 90° clockwise


def two_colour_picture(width: int, height: int, mode: str = "RGB") -> PIL.Image.Image:
    """Left half red, right half blue: shows whether a rotation was applied, and which way."""
    picture = PIL.Image.new("RGB", (width, height), RED)
    picture.paste(BLUE, (width // 2, 0, width, height))
    return picture.convert(mode)


def encode(picture: PIL.Image.Image, file_format: str, **options) -> bytes:
    buffer = io.BytesIO()
    picture.save(buffer, file_format, **options)
    return buffer.getvalue()


def jpeg_bytes(width: int = 300, height: int = 200, **options) -> bytes:
    return encode(two_colour_picture(width, height), "JPEG", **options)


def png_bytes(width: int = 300, height: int = 200, mode: str = "RGB") -> bytes:
    return encode(two_colour_picture(width, height, mode), "PNG")


def webp_bytes(width: int = 300, height: int = 200) -> bytes:
    return encode(two_colour_picture(width, height), "WEBP")


def camera_jpeg_bytes(width: int = 300, height: int = 200) -> bytes:
    """A phone photo as uploaded: sideways pixels, an orientation tag, GPS position and camera."""
    exif = PIL.Image.Exif()
    exif[ORIENTATION] = ROTATE_90_CW
    exif[ExifTags.Base.Make] = "PhoneMaker"
    exif[ExifTags.Base.Model] = "Secret Camera 3000"
    exif[ExifTags.Base.DateTime] = "2024:05:01 10:11:12"
    exif[ExifTags.IFD.GPSInfo] = {
        ExifTags.GPS.GPSLatitudeRef: "N",
        ExifTags.GPS.GPSLatitude: (41.0, 33.0, 47.0),
        ExifTags.GPS.GPSLongitudeRef: "E",
        ExifTags.GPS.GPSLongitude: (2.0, 0.0, 37.0),
    }
    return jpeg_bytes(width, height, exif=exif, comment=b"taken at home")


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_bomb_bytes(width: int = 10_000, height: int = 10_000) -> bytes:
    """A valid 1-bit PNG of `width` × `height` black pixels: about 12 KB on disk, 100 million
    pixels (300 MB as RGB) once decoded. Written by hand so the test never decodes it either."""
    row = b"\x00" * (1 + (width + 7) // 8)  # filter byte + packed bits
    compressor = zlib.compressobj(9)
    data = b"".join(compressor.compress(row) for _row in range(height)) + compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)  # 1 bit, greyscale
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"IDAT", data)
        + _png_chunk(b"IEND", b"")
    )


SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b"<script>alert(document.cookie)</script><rect width="
    b'"10" height="10"/></svg>'
)
HTML = b"<!doctype html><html><body><script>alert(1)</script></body></html>"


def upload(name: str, content: bytes, content_type: str = "image/jpeg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=content_type)


def stored_picture(field_file) -> PIL.Image.Image:
    with field_file.open("rb") as stored:
        picture = PIL.Image.open(io.BytesIO(stored.read()))
        picture.load()
    return picture


def grey16_png_bytes(width: int = 256, height: int = 4) -> bytes:
    """A 16-bit greyscale PNG, left to right from black to white (Pillow cannot write one)."""
    row = b"\x00" + b"".join(struct.pack(">H", x * 65535 // (width - 1)) for x in range(width))
    header = struct.pack(">IIBBBBB", width, height, 16, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"IDAT", zlib.compress(row * height))
        + _png_chunk(b"IEND", b"")
    )
