import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse

from relacions.images.models import Image
from tests.factories.images import HTML, SVG, jpeg_bytes, png_bomb_bytes, png_bytes, upload
from tests.helpers import signed_in_client

pytestmark = pytest.mark.django_db

URL = reverse("images:editor-upload")


@pytest.fixture
def uploader(django_user_model):
    user = django_user_model.objects.create_user("editor", password="x" * 16, is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="add_image"))
    return user


@pytest.fixture
def uploader_client(uploader):
    return signed_in_client(uploader)


def test_url():
    assert URL == "/images/editor-upload/"


def test_anonymous_gets_403_json(client):
    response = client.post(URL, {"upload": upload("p.png", png_bytes())})
    assert response.status_code == 403
    assert response.json()["error"]["message"]
    assert not Image.objects.exists()


@pytest.mark.parametrize(
    ("is_staff", "with_permission"), [(False, True), (True, False)], ids=["not-staff", "no-perm"]
)
def test_staff_with_add_permission_only(client, django_user_model, is_staff, with_permission):
    user = django_user_model.objects.create_user("user", password="x" * 16, is_staff=is_staff)
    if with_permission:
        user.user_permissions.add(Permission.objects.get(codename="add_image"))
    client.force_login(user)
    response = client.post(URL, {"upload": upload("p.png", png_bytes())})
    assert response.status_code == 403
    assert "error" in response.json()


def test_post_only(uploader_client):
    assert uploader_client.get(URL).status_code == 405


def test_csrf_token_required(uploader):
    client = Client(enforce_csrf_checks=True)
    client.force_login(uploader)
    response = client.post(URL, {"upload": upload("p.png", png_bytes())})
    assert response.status_code == 403
    assert not Image.objects.exists()


@pytest.mark.parametrize(
    ("name", "content"),
    [("logo.svg", SVG), ("photo.jpg", HTML), ("bomb.png", png_bomb_bytes())],
    ids=["svg", "html-renamed-jpg", "png-bomb"],
)
def test_refused_files_get_400_json(uploader_client, name, content):
    response = uploader_client.post(URL, {"upload": upload(name, content)})
    assert response.status_code == 400
    assert response.json()["error"]["message"]
    assert not Image.objects.exists()


def test_missing_file_gets_400_json(uploader_client):
    response = uploader_client.post(URL, {})
    assert response.status_code == 400
    assert response.json()["error"]["message"]


def test_png_joins_the_library_and_returns_its_url(uploader_client):
    file = upload("Visita a Wuxi.png", png_bytes(1200, 800))
    response = uploader_client.post(URL, {"upload": file})

    assert response.status_code == 200
    url = response.json()["url"]
    image = Image.objects.get()
    assert url.startswith("/media/images/renditions/")
    assert url == image.rendition(960, "png").file.url  # the largest rendition, in PNG
    assert image.title_ca == image.alt_text_ca == "Visita a Wuxi"
    assert not image.decorative
    image.full_clean()


def test_small_image_returns_its_only_rendition(uploader_client):
    response = uploader_client.post(URL, {"upload": upload("x.jpeg", jpeg_bytes(200, 100))})
    assert response.json()["url"].endswith("-200w.jpg")
