import pytest
import reversion
from django.contrib.auth.models import Permission
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils.html import escape
from reversion.models import Version

from relacions.images.models import Image
from relacions.workflow import conflicts
from tests.factories.images import (
    BLUE,
    HTML,
    RED,
    SVG,
    camera_jpeg_bytes,
    png_bomb_bytes,
    png_bytes,
    stored_picture,
    upload,
)

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:images_image_add")


def form_data(file, **overrides):
    data = {
        "file": file,
        "title_ca": "Reunió d'Eurocities a Terrassa",
        "title_es": "",
        "title_en": "Eurocities meeting in Terrassa",
        "alt_text_ca": "Representants de ciutats europees a la sala de plens",
        "alt_text_es": "",
        "alt_text_en": "",
        "credit": "Foto: Ajuntament de Terrassa",
        "licence": Image.Licence.ALL_RIGHTS_RESERVED,
        "_save": "Save",
    }
    data.update(overrides)
    return data


def assert_refused(response, field: str, code: str):
    """The form comes back (200, never 500) with the error shown, and nothing was stored."""
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors.as_data()
    assert [error.code for error in errors[field]] == [code]
    for error in errors[field]:
        message = error.message % error.params if error.params else error.message
        assert escape(str(message)) in response.content.decode()
    assert not Image.objects.exists()


def test_add_form_accepts_a_camera_photo_and_cleans_it(admin_client):
    response = admin_client.post(ADD_URL, form_data(upload("IMG_0001.JPG", camera_jpeg_bytes())))

    assert response.status_code == 302, response.context["adminform"].form.errors
    image = Image.objects.get()
    assert image.title_ca == "Reunió d'Eurocities a Terrassa"
    assert image.title_en == "Eurocities meeting in Terrassa"
    assert "IMG_0001" not in image.file.name
    stored = stored_picture(image.file)
    assert not stored.getexif()
    assert "exif" not in stored.info
    assert stored.size == (image.width, image.height) == (200, 300)
    assert stored.getpixel((100, 20))[0] > 200 and stored.getpixel((100, 20))[2] < 60  # red top
    assert stored.getpixel((100, 280))[2] > 200 and stored.getpixel((100, 280))[0] < 60  # blue
    assert RED != BLUE
    assert {(r.width, r.format) for r in image.renditions.all()} == {(200, "jpeg"), (200, "webp")}


@pytest.mark.parametrize(
    ("name", "content", "content_type", "code"),
    [
        ("logo.svg", SVG, "image/svg+xml", "format"),
        ("photo.jpg", HTML, "image/jpeg", "format"),
        ("bomb.png", png_bomb_bytes(), "image/png", "too_many_pixels"),
    ],
    ids=["svg", "html-renamed-jpg", "png-bomb"],
)
def test_add_form_refuses_hostile_files(admin_client, name, content, content_type, code):
    response = admin_client.post(ADD_URL, form_data(upload(name, content, content_type)))
    assert_refused(response, "file", code)


def test_add_form_refuses_a_file_over_the_byte_limit(admin_client, settings):
    content = png_bytes(400, 300)
    settings.IMAGE_MAX_BYTES = len(content) - 1
    response = admin_client.post(ADD_URL, form_data(upload("big.png", content, "image/png")))
    assert_refused(response, "file", "too_large")


def test_add_form_requires_alt_text_unless_decorative(admin_client):
    response = admin_client.post(
        ADD_URL, form_data(upload("p.png", png_bytes()), alt_text_ca="", alt_text_en="Only English")
    )
    assert_refused(response, "alt_text_ca", "alt_text_required")

    response = admin_client.post(
        ADD_URL, form_data(upload("p.png", png_bytes()), alt_text_ca="", decorative="on")
    )
    assert response.status_code == 302
    assert Image.objects.get().decorative


def test_change_without_a_new_file_keeps_file_and_renditions(admin_client, make_image):
    image = make_image(1000, 500)
    renditions = set(image.renditions.values_list("file", flat=True))
    url = reverse("admin:images_image_change", args=[image.pk])

    response = admin_client.post(
        url, form_data("", title_ca="Nou títol", **{conflicts.FIELD: conflicts.token_of(image)})
    )

    assert response.status_code == 302, response.context["adminform"].form.errors
    image.refresh_from_db()
    assert image.title_ca == "Nou títol"
    assert set(image.renditions.values_list("file", flat=True)) == renditions


def test_change_form_shows_a_preview(admin_client, make_image):
    image = make_image(1000, 500, alt_text_ca="Vista del Parc de Vallparadís")
    response = admin_client.get(reverse("admin:images_image_change", args=[image.pk]))
    assert response.status_code == 200
    src = image.rendition(480).file.url
    expected = f'<img src="{src}" width="480" height="240" alt="Vista del Parc de Vallparadís">'
    assert expected in response.content.decode()


def test_changelist_shows_thumbnails_in_constant_queries(
    admin_client, make_image, django_assert_max_num_queries
):
    images = [make_image(600, 400) for _ in range(3)]
    url = reverse("admin:images_image_changelist")
    with django_assert_max_num_queries(12):
        response = admin_client.get(url)
    content = response.content.decode()
    for image in images:
        src = image.rendition(120).file.url
        assert f'<img src="{src}" width="120" height="80" alt="">' in content

    more = [make_image(600, 400) for _ in range(10)]
    with django_assert_max_num_queries(12):
        response = admin_client.get(url)
    assert response.content.decode().count('width="120" height="80"') == len(images + more)


def test_changelist_search_covers_every_language(admin_client, make_image):
    make_image(title_ca="Agermanament", title_en="Twinning ceremony")
    response = admin_client.get(reverse("admin:images_image_changelist"), {"q": "Twinning"})
    assert response.context["cl"].result_count == 1


def test_editors_need_the_add_permission(client, django_user_model):
    editor = django_user_model.objects.create_user("editor", password="x" * 16, is_staff=True)
    client.force_login(editor)
    assert client.get(ADD_URL).status_code == 403
    editor.user_permissions.add(Permission.objects.get(codename="add_image"))
    assert client.get(ADD_URL).status_code == 200


# --- Images shown in rich text ----------------------------------------------------------------


def test_an_image_shown_in_a_rich_text_cannot_be_deleted(admin_client, make_image):
    from tests.factories import NewsItemFactory

    image = make_image()
    rendition = image.rendition(960)
    item = NewsItemFactory(
        title_en="Visit to Leeds",
        body_en=f'<p>The visit.</p><figure class="image"><img src="{rendition.file.url}" alt="The '
        f'delegation"></figure>',
    )
    delete_url = reverse("admin:images_image_delete", args=[image.pk])

    page = admin_client.get(delete_url).content.decode()
    change_url = reverse("admin:news_newsitem_change", args=[item.pk])
    assert f'<a href="{change_url}">' in page
    assert "News item “Visit to Leeds” shows the image “Plaça Vella” in its text" in page
    assert 'type="submit"' not in page.split('id="content"')[1]  # no button to confirm

    admin_client.post(delete_url, {"post": "yes"})
    assert Image.objects.filter(pk=image.pk).exists()

    # Nor from the list's "delete selected" action, which names the same use.
    changelist = reverse("admin:images_image_changelist")
    response = admin_client.post(
        changelist,
        {"action": "delete_selected", "_selected_action": [image.pk], "post": "yes"},
    )
    assert "“Visit to Leeds” shows the image" in response.content.decode()
    assert Image.objects.filter(pk=image.pk).exists()


def test_an_image_no_text_shows_is_deleted(admin_client, make_image):
    from tests.factories import NewsItemFactory

    image, other = make_image(), make_image()
    NewsItemFactory(body_ca=f'<p><img src="{other.rendition(480).file.url}" alt="Una altra"></p>')

    response = admin_client.post(
        reverse("admin:images_image_delete", args=[image.pk]), {"post": "yes"}
    )

    assert response.status_code == 302
    assert not Image.objects.filter(pk=image.pk).exists()
    assert Image.objects.filter(pk=other.pk).exists()


def test_a_restored_revision_describes_the_renditions_of_now(
    make_image, settings, django_capture_on_commit_callbacks
):
    """The restored version names the renditions of its day, whose files a rebuild replaced
    since: the image keeps describing the files that exist (ImageAdmin.save_model calls
    `describe_recorded_renditions()` after a restore)."""
    image = make_image(2000, 1000)
    with reversion.create_revision():
        image.save()
    settings.IMAGE_RENDITION_WIDTHS = [320, 640]
    with django_capture_on_commit_callbacks(execute=True):
        image.rebuild_renditions()

    Version.objects.get_for_object(image).get().revert()
    image.refresh_from_db()
    assert sorted(row["width"] for row in image.rendition_data) == [480, 480, 960, 960, 1600, 1600]
    image.describe_recorded_renditions()

    image.refresh_from_db()
    assert sorted(row["width"] for row in image.rendition_data) == [320, 320, 640, 640]
    assert sorted(row["file"] for row in image.rendition_data) == sorted(
        image.renditions.values_list("file", flat=True)
    )
    assert all(default_storage.exists(row["file"]) for row in image.rendition_data)
