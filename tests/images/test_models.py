import PIL.Image
import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.utils import translation

from relacions.images.models import Image, Rendition
from tests.factories.images import (
    BLUE,
    RED,
    camera_jpeg_bytes,
    grey16_png_bytes,
    jpeg_bytes,
    png_bytes,
    stored_picture,
    upload,
)

pytestmark = pytest.mark.django_db


def close_to(colour, expected, tolerance=40):
    return all(abs(a - b) <= tolerance for a, b in zip(colour, expected, strict=True))


def rendition_set(image):
    return {(r.width, r.format) for r in image.renditions.all()}


def test_str_is_the_title(make_image):
    assert str(make_image(title_ca="Signatura de l'agermanament")) == "Signatura de l'agermanament"


def test_file_name_is_generated_never_the_uploaded_one(make_image):
    image = make_image(name="Joan Garcia a casa seva 2024-05-01.jpg")
    assert image.file.name.startswith("images/originals/")
    assert image.file.name.endswith(".jpg")
    assert "Joan" not in image.file.name
    assert len(image.file.name.rsplit("/", 1)[-1]) == len("0123456789abcdef0123456789abcdef.jpg")


def test_extension_follows_the_content_not_the_name(make_image):
    image = make_image(file_format="PNG", name="photo.jpg")
    assert image.format == "png"
    assert image.file.name.endswith(".png")


def test_exif_and_gps_are_removed_and_orientation_applied(db):
    image = Image(file=upload("camera.jpg", camera_jpeg_bytes()), title_ca="t", alt_text_ca="a")
    image.save()

    stored = stored_picture(image.file)
    assert stored.format == "JPEG"
    # The 300 × 200 sideways pixels are stored upright: 200 × 300, red half on top.
    assert (image.width, image.height) == stored.size == (200, 300)
    assert close_to(stored.getpixel((100, 20)), RED)
    assert close_to(stored.getpixel((100, 280)), BLUE)
    assert not stored.getexif()
    assert not {"exif", "comment", "xmp", "icc_profile"} & set(stored.info)
    with image.file.open("rb") as raw:
        data = raw.read()
    for secret in (b"Exif", b"PhoneMaker", b"Secret Camera", b"2024:05:01", b"taken at home"):
        assert secret not in data


@pytest.mark.parametrize(
    ("size", "file_format", "expected"),
    [
        ((2000, 1000), "JPEG", {(w, f) for w in (480, 960, 1600) for f in ("jpeg", "webp")}),
        ((1000, 800), "PNG", {(w, f) for w in (480, 960) for f in ("png", "webp")}),
        ((300, 200), "PNG", {(300, "png"), (300, "webp")}),
        ((1200, 600), "WEBP", {(480, "webp"), (960, "webp")}),
    ],
)
def test_renditions_at_each_smaller_width_in_webp_and_original_format(
    make_image, size, file_format, expected
):
    image = make_image(*size, file_format=file_format)
    assert rendition_set(image) == expected
    for rendition in image.renditions.all():
        picture = stored_picture(rendition.file)
        assert picture.format == {"jpeg": "JPEG", "png": "PNG", "webp": "WEBP"}[rendition.format]
        assert picture.size == (rendition.width, rendition.height)
        assert rendition.height == round(size[1] * rendition.width / size[0])
        assert not picture.getexif()


def test_rendition_names_are_deterministic(make_image):
    image = make_image(1000, 500)
    stem = image.file.name.rsplit("/", 1)[-1].removesuffix(".jpg")
    names = sorted(r.file.name for r in image.renditions.all())
    assert names == [
        f"images/renditions/{stem}-480w.jpg",
        f"images/renditions/{stem}-480w.webp",
        f"images/renditions/{stem}-960w.jpg",
        f"images/renditions/{stem}-960w.webp",
    ]


def test_transparency_survives_in_png_and_webp(make_image):
    picture = PIL.Image.new("RGBA", (600, 400), (0, 0, 0, 0))
    image = Image(file=upload("logo.png", _png(picture)), title_ca="Logo", decorative=True)
    image.save()
    for rendition in image.renditions.all():
        assert stored_picture(rendition.file).getpixel((5, 5))[3] == 0


def _png(picture):
    import io

    buffer = io.BytesIO()
    picture.save(buffer, "PNG")
    return buffer.getvalue()


def test_renditions_are_made_once_not_on_each_save(make_image, django_assert_num_queries):
    image = make_image()
    names = {r.file.name for r in image.renditions.all()}
    image.title_ca = "Un altre títol"
    # savepoint, the stored text (relacions.workflow.tracking), update, the changed language's
    # translation stamp, release
    with django_assert_num_queries(5):
        image.save()
    assert {r.file.name for r in image.renditions.all()} == names


def test_new_file_replaces_renditions_and_old_files(make_image, django_capture_on_commit_callbacks):
    image = make_image(2000, 1000)
    old_names = [image.file.name, *(r.file.name for r in image.renditions.all())]

    image.file = upload("new.png", png_bytes(700, 500))
    with django_capture_on_commit_callbacks(execute=True):
        image.save()

    image.refresh_from_db()
    assert image.format == "png"
    assert (image.width, image.height) == (700, 500)
    assert rendition_set(image) == {(480, "png"), (480, "webp")}
    assert Rendition.objects.count() == 2
    assert all(not default_storage.exists(name) for name in old_names)
    assert all(default_storage.exists(r.file.name) for r in image.renditions.all())


def test_an_image_given_a_new_file_shows_its_new_renditions_at_once(
    make_image, django_capture_on_commit_callbacks
):
    """The renditions an image built for a page are kept with its `rendition_data`: the same
    object, saved with another file, shows the new ones (no stale Open Graph image)."""
    image = make_image(2000, 1000)
    assert (image.og_rendition.width, image.og_rendition.format) == (1600, "jpeg")
    image.file = upload("new.jpg", jpeg_bytes(700, 500))
    with django_capture_on_commit_callbacks(execute=True):
        image.save()
    assert (image.og_rendition.width, image.og_rendition.format) == (480, "jpeg")
    assert image.sources().src == image.og_image_url


def test_rebuild_renditions_keeps_names_and_files(make_image, django_capture_on_commit_callbacks):
    image = make_image(1000, 500)
    names = {r.file.name for r in image.renditions.all()}
    with django_capture_on_commit_callbacks(execute=True):
        image.rebuild_renditions()
    assert {r.file.name for r in image.renditions.all()} == names
    assert all(default_storage.exists(name) for name in names)


def test_deleting_an_image_deletes_its_files(make_image, django_capture_on_commit_callbacks):
    image = make_image(1000, 500)
    names = [image.file.name, *(r.file.name for r in image.renditions.all())]
    assert all(default_storage.exists(name) for name in names)

    with django_capture_on_commit_callbacks(execute=True):
        Image.objects.filter(pk=image.pk).delete()  # the admin's bulk delete path

    assert Rendition.objects.count() == 0
    assert not any(default_storage.exists(name) for name in names)


def test_files_survive_a_rolled_back_delete(make_image, django_capture_on_commit_callbacks):
    from django.db import transaction

    image = make_image()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        try:
            with transaction.atomic():
                image.delete()
                raise RuntimeError
        except RuntimeError:
            pass
    assert callbacks == []
    assert default_storage.exists(image.file.name)


def test_an_invalid_file_is_refused_outside_forms_too(db):
    image = Image(file=upload("x.jpg", b"<html></html>"), title_ca="t", alt_text_ca="a")
    with pytest.raises(ValidationError):
        image.save()
    assert not Image.objects.exists()


class TestAltText:
    def test_required_in_catalan_unless_decorative(self, make_image):
        image = make_image()
        image.alt_text_ca = ""
        image.alt_text_es = "Texto solo en castellano"
        with pytest.raises(ValidationError) as refused:
            image.full_clean()
        assert "alt_text_ca" in refused.value.error_dict

        image.decorative = True
        image.full_clean()

    def test_blank_spaces_are_not_alt_text(self, make_image):
        image = make_image()
        image.alt_text_ca = "   "
        with pytest.raises(ValidationError):
            image.full_clean()

    def test_decorative_images_have_empty_alt(self, make_image):
        assert make_image(decorative=True, alt_text_ca="ignored").alt == ""

    def test_falls_back_to_catalan_marked_with_its_language(self, make_image):
        image = make_image(alt_text_ca="Alcaldessa", alt_text_en="Mayor")
        with translation.override("en"):
            assert (image.alt, image.alt_language) == ("Mayor", "")
        with translation.override("es"):
            assert (image.alt, image.alt_language) == ("Alcaldessa", "ca")
        with translation.override("ca"):
            assert (image.alt, image.alt_language) == ("Alcaldessa", "")


class TestUrlHelpers:
    def test_srcset_per_format(self, make_image):
        image = make_image(2000, 1000)
        by_width = {(r.width, r.format): r.file.url for r in image.renditions.all()}
        assert image.srcset("webp") == ", ".join(
            f"{by_width[(w, 'webp')]} {w}w" for w in (480, 960, 1600)
        )
        assert image.srcset() == image.srcset("jpeg")
        assert image.srcset().startswith("/media/images/renditions/")

    def test_rendition_by_width(self, make_image):
        image = make_image(2000, 1000)
        assert image.rendition(960).width == 960
        assert image.rendition(500).width == 960
        assert image.rendition(5000).width == 1600
        assert image.rendition(100, "webp").format == "webp"

    def test_open_graph_uses_the_largest_rendition_in_the_original_format(self, make_image):
        image = make_image(2000, 1000)
        assert (image.og_rendition.width, image.og_rendition.format) == (1600, "jpeg")
        assert image.og_image_url == image.og_rendition.file.url

        small = make_image(300, 200, file_format="PNG")
        assert small.og_rendition.width == 300
        assert small.og_image_url.endswith("-300w.png")

    def test_without_renditions_the_original_is_used(self, make_image):
        image = make_image(700, 500)
        image.rendition_data = []
        image.save()
        image.refresh_from_db()
        assert image.og_rendition is None
        assert image.og_image_url == image.file.url
        assert image.srcset() == f"{image.file.url} 700w"
        assert image.sources().src == image.file.url

    def test_helpers_make_no_query_beyond_the_image(self, make_image, django_assert_num_queries):
        make_image(2000, 1000)
        with django_assert_num_queries(1):
            image = Image.objects.get()
        with django_assert_num_queries(0):
            assert image.srcset("webp")
            assert image.rendition(960)
            assert image.og_image_url
            assert image.sources()


def test_sixteen_bit_greyscale_keeps_its_tones(db):
    image = Image(file=upload("scan.png", grey16_png_bytes()), title_ca="t", decorative=True)
    image.save()
    webp = stored_picture(image.rendition(256, "webp").file)
    assert webp.getpixel((0, 0))[0] < 10
    assert 100 < webp.getpixel((128, 0))[0] < 156
    assert webp.getpixel((255, 0))[0] > 245


def test_colour_profile_is_applied_then_dropped(db):
    from PIL import ImageCms

    from tests.factories.images import encode, two_colour_picture

    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    content = encode(two_colour_picture(600, 400), "JPEG", icc_profile=srgb)
    image = Image(file=upload("p.jpg", content), title_ca="t", decorative=True)
    image.save()
    for field_file in (image.file, *(r.file for r in image.renditions.all())):
        stored = stored_picture(field_file)
        assert "icc_profile" not in stored.info
        assert close_to(stored.getpixel((10, 10)), RED)


def test_rebuild_renditions_command_follows_new_widths(make_image, settings):
    from django.core.management import call_command

    image = make_image(1000, 500)
    settings.IMAGE_RENDITION_WIDTHS = (320, 640)
    call_command("rebuild_renditions", verbosity=0)
    assert rendition_set(image) == {(w, f) for w in (320, 640) for f in ("jpeg", "webp")}


def described(image):
    """(the renditions as the image's own row describes them, as their Rendition rows do)."""
    image.refresh_from_db()
    data = sorted((r["width"], r["height"], r["format"], r["file"]) for r in image.rendition_data)
    rows = sorted(image.renditions.values_list("width", "height", "format", "file"))
    return data, rows


def test_the_image_row_describes_the_renditions_made_replaced_and_rebuilt(
    make_image, settings, django_capture_on_commit_callbacks
):
    image = make_image(2000, 1000)
    data, rows = described(image)
    assert data == rows and len(data) == 6

    image.file = upload("new.png", png_bytes(700, 500))
    with django_capture_on_commit_callbacks(execute=True):
        image.save()
    data, rows = described(image)
    assert data == rows and [(w, h, f) for w, h, f, _name in data] == [
        (480, 343, "png"),
        (480, 343, "webp"),
    ]

    settings.IMAGE_RENDITION_WIDTHS = [320]
    with django_capture_on_commit_callbacks(execute=True):
        image.rebuild_renditions()
    data, rows = described(image)
    assert data == rows and {(w, f) for w, _h, f, _name in data} == {(320, "png"), (320, "webp")}
    assert all(default_storage.exists(name) for *_rest, name in data)


def test_the_migration_describes_existing_renditions_in_the_image_row(make_image):
    from importlib import import_module

    from django.apps import apps

    migration = import_module("relacions.images.migrations.0002_image_rendition_data")
    image = make_image(1000, 500)
    _data, rows = described(image)
    Image.objects.update(rendition_data=[])

    migration.fill_rendition_data(apps, None)

    assert described(image) == (rows, rows)
