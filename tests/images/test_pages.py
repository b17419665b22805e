"""What the pages show of an image follows its file at once: a new file, new renditions or the
image's deletion, with the page cache off and on. The renditions a page shows are read from the
image's own row (`Image.rendition_data`), so they can never lag behind the files."""

import re

import pytest
from django.core.files.storage import default_storage
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from relacions.images.models import Rendition
from tests.factories import NewsItemFactory
from tests.factories.images import png_bytes, upload

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("chrome")]


@pytest.fixture(params=["cache off", "cache on"])
def cache(request):
    """Whether the page cache is on; each test runs both ways."""
    if request.param == "cache on":
        request.getfixturevalue("page_cache")
    return request.param == "cache on"


def get(client, address: str):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(address)
    assert response.status_code == 200
    return response, len(queries)


def visit(client, address: str, cache: bool) -> str:
    """The page, after checking that with the cache on a second visit is served from it."""
    first, _ = get(client, address)
    if not cache:
        return first.content.decode()
    second, queries = get(client, address)
    assert second["X-Page-Cache"] == "hit" and queries == 0
    return second.content.decode()


def revisit(client, address: str) -> str:
    """The page after a change: never the stored copy."""
    response, _ = get(client, address)
    assert response.get("X-Page-Cache") != "hit"
    return response.content.decode()


def media_names(body: str) -> set[str]:
    """Every stored image file the page points to (srcset, src, Open Graph)."""
    return set(re.findall(r"/media/(images/[\w/.-]+)", body))


def srcset_widths(body: str) -> list[int]:
    srcset = re.search(r'<img [^>]*srcset="([^"]+)"', body).group(1)
    return [int(width) for width in re.findall(r" (\d+)w", srcset)]


def shown_item(make_image, **image):
    item = NewsItemFactory(image=make_image(**image))
    with translation.override("ca"):
        return item, item.get_absolute_url()


def test_a_new_file_shows_at_once(client, cache, make_image, django_capture_on_commit_callbacks):
    item, address = shown_item(make_image, width=2000, height=1000)
    before = media_names(visit(client, address, cache))
    assert srcset_widths(visit(client, address, cache)) == [480, 960, 1600]

    image = item.image
    image.file = upload("new.png", png_bytes(700, 500), "image/png")
    with django_capture_on_commit_callbacks(execute=True):
        image.save()

    body = revisit(client, address)
    assert srcset_widths(body) == [480]
    names = media_names(body)
    assert names and not names & before
    assert names <= {image.file.name, *Rendition.objects.values_list("file", flat=True)}
    assert all(default_storage.exists(name) for name in names)
    assert not any(default_storage.exists(name) for name in before)


def test_rebuilt_renditions_show_at_once(
    client, cache, make_image, settings, django_capture_on_commit_callbacks
):
    item, address = shown_item(make_image, width=2000, height=1000)
    assert srcset_widths(visit(client, address, cache)) == [480, 960, 1600]

    settings.IMAGE_RENDITION_WIDTHS = [320, 640]
    with django_capture_on_commit_callbacks(execute=True):
        item.image.rebuild_renditions()

    body = revisit(client, address)
    assert srcset_widths(body) == [320, 640]
    assert 'width="640"' in body
    assert all(default_storage.exists(name) for name in media_names(body))


def test_a_deleted_image_leaves_no_page_pointing_at_its_files(
    client, cache, make_image, django_capture_on_commit_callbacks
):
    item, address = shown_item(make_image, width=1000, height=500)
    shown = media_names(visit(client, address, cache))
    assert len(shown) == 4  # 480 and 960 px in WebP and JPEG (the largest for Open Graph too)

    with django_capture_on_commit_callbacks(execute=True):
        item.image.delete()

    body = revisit(client, address)
    assert "<picture>" not in body
    assert not media_names(body)
    assert not any(default_storage.exists(name) for name in shown)
