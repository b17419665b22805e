import io

import PIL.Image
import pytest
from django.core.exceptions import ValidationError

from relacions.images.validators import open_image, validate_image_file
from tests.factories.images import (
    HTML,
    SVG,
    encode,
    jpeg_bytes,
    png_bomb_bytes,
    png_bytes,
    two_colour_picture,
    upload,
    webp_bytes,
)


def refusal_code(content: bytes, name: str = "file.jpg") -> str:
    with pytest.raises(ValidationError) as refused:
        validate_image_file(upload(name, content))
    return refused.value.code


@pytest.mark.parametrize(
    ("content", "expected"),
    [(jpeg_bytes(), "jpeg"), (png_bytes(mode="RGBA"), "png"), (webp_bytes(), "webp")],
)
def test_accepts_jpeg_png_webp_by_content(content, expected):
    # The name says GIF: only the content counts.
    picture, file_format = open_image(upload("misleading.gif", content, "image/gif"))
    assert file_format == expected
    assert picture.size == (300, 200)


def test_phone_mpo_jpeg_is_a_jpeg():
    first = two_colour_picture(120, 80)
    content = encode(first, "MPO", save_all=True, append_images=[two_colour_picture(60, 40)])
    assert open_image(upload("phone.jpg", content))[1] == "jpeg"


@pytest.mark.parametrize(
    ("content", "name"),
    [
        (SVG, "logo.svg"),
        (SVG, "logo.png"),
        (HTML, "photo.jpg"),
        (b"", "empty.jpg"),
        (b"%PDF-1.7\n1 0 obj", "document.jpg"),
        (encode(two_colour_picture(40, 30), "GIF"), "animation.gif"),
        (encode(two_colour_picture(40, 30), "BMP"), "bitmap.bmp"),
        (encode(two_colour_picture(40, 30), "TIFF"), "scan.tif"),
    ],
)
def test_refuses_other_formats(content, name):
    assert refusal_code(content, name) == "format"


def test_refuses_truncated_file():
    noisy = PIL.Image.effect_noise((400, 300), 80).convert("RGB")
    content = encode(noisy, "JPEG", quality=95)
    assert refusal_code(content[: len(content) // 2]) == "damaged"


def test_refuses_corrupt_png():
    content = bytearray(png_bytes())
    content[60:80] = b"\xff" * 20  # inside the compressed pixel data
    assert refusal_code(bytes(content), "image.png") in {"damaged", "format"}


def test_refuses_decompression_bomb_without_decoding_it():
    content = png_bomb_bytes()
    assert len(content) < 20_000
    assert refusal_code(content, "bomb.png") == "too_many_pixels"


def test_pillow_bomb_warning_is_a_refusal(monkeypatch):
    # Between its limit and twice its limit Pillow only warns; the warning must refuse too.
    monkeypatch.setattr(PIL.Image, "MAX_IMAGE_PIXELS", 50_000)
    assert refusal_code(png_bomb_bytes(300, 200), "wide.png") == "too_many_pixels"


def test_pillow_limit_is_the_site_limit(settings):
    assert PIL.Image.MAX_IMAGE_PIXELS == settings.IMAGE_MAX_PIXELS
    settings.IMAGE_MAX_PIXELS = 50_000
    assert PIL.Image.MAX_IMAGE_PIXELS == 50_000


def test_pixel_limit_follows_setting(settings):
    settings.IMAGE_MAX_PIXELS = 10_000
    assert refusal_code(png_bytes(300, 200), "wide.png") == "too_many_pixels"
    validate_image_file(upload("small.png", png_bytes(100, 100)))


def test_byte_limit_follows_setting(settings):
    content = png_bytes()
    settings.IMAGE_MAX_BYTES = len(content) - 1
    with pytest.raises(ValidationError) as refused:
        validate_image_file(upload("big.png", content))
    assert refused.value.code == "too_large"
    assert str(len(content) - 1) in " ".join(refused.value.messages)


def test_leaves_file_at_start_for_the_next_reader():
    file = upload("photo.jpg", jpeg_bytes())
    validate_image_file(file)
    assert file.tell() == 0
    assert PIL.Image.open(io.BytesIO(file.read())).format == "JPEG"


@pytest.mark.parametrize("content", [jpeg_bytes(), png_bytes(), webp_bytes()])
def test_file_stays_open_for_the_next_reader(content):
    file = upload("picture", content)
    validate_image_file(file)
    assert not file.closed
    assert file.read() == content
