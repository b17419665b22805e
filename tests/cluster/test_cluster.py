"""Two replicas behind the caching proxy, sharing PostgreSQL, Redis and the object store: what one
replica writes, the other and the proxy serve on the next request, and never a stale page.

The steps run in order on one stack (tests/cluster/conftest.py); the last one kills replica A.
"""

import gzip
import io
import re
import time
import uuid

import pytest
import requests
from PIL import Image as PILImage

from tests.cluster.conftest import Visitor
from tests.cluster.harness import BUCKET

pytestmark = pytest.mark.cluster

NEWS_LIST = "/en/news/"


@pytest.fixture(scope="module")
def replica_a(stack):
    return Visitor(stack.replicas[0].base)


@pytest.fixture(scope="module")
def replica_b(stack):
    return Visitor(stack.replicas[1].base)


@pytest.fixture(scope="module")
def proxy(stack):
    return Visitor(stack.proxy.base)


@pytest.fixture(scope="module")
def editor_a(stack):
    """The administrator, signed in through replica A."""
    visitor = Visitor(stack.replicas[0].base)
    visitor.log_in()
    return visitor


def picture() -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (1800, 1000), (30, 120, 200)).save(buffer, "JPEG", quality=80)
    return buffer.getvalue()


def cached_through_proxy(proxy, path: str) -> requests.Response:
    """The page through the proxy, asked for until the proxy serves it from its cache."""
    for _attempt in range(5):
        response = proxy.get(path)
        if response.headers.get("X-Proxy-Cache") == "hit":
            return response
    raise AssertionError(f"{path} never came from the proxy's cache: {dict(response.headers)}")


def test_an_image_uploaded_through_a_is_served_by_b_and_the_proxy(
    stack, editor_a, replica_b, proxy
):
    editor_a.get("/admin/")  # the CSRF cookie
    upload = editor_a.post(
        "/images/editor-upload/",
        data={},
        files={"upload": ("harbour.jpg", picture(), "image/jpeg")},
    )
    assert upload.status_code == 200, stack.replicas[0].log()
    url = upload.json()["url"]
    assert url.startswith("/media/images/"), url

    # In the bucket, never on a replica's disk, and not readable there without credentials.
    key = f"media/{url.removeprefix('/media/')}"
    assert key in stack.store.keys("media/")
    anonymous = requests.get(f"{stack.store.endpoint}/{BUCKET}/{key}", timeout=10)
    assert anonymous.status_code == 403

    from_b = replica_b.get(url)
    assert from_b.status_code == 200
    assert from_b.headers["Content-Type"] in {"image/jpeg", "image/webp"}
    assert from_b.content[:3] in {b"\xff\xd8\xff", b"RIF"}
    served = cached_through_proxy(proxy, url)
    assert served.content == from_b.content
    assert "immutable" in served.headers["Cache-Control"]
    assert "max-age=31536000" in served.headers["Cache-Control"]


def test_static_files_are_kept_a_year_and_pages_compressed(proxy):
    page = proxy.get("/en/", headers={"Accept-Encoding": "gzip"})
    assert page.status_code == 200
    assert page.headers.get("Content-Encoding") == "gzip"
    stylesheet = re.search(r'href="(/static/[^"]+\.css)"', page.text).group(1)
    static = cached_through_proxy(proxy, stylesheet)
    assert "immutable" in static.headers["Cache-Control"]
    assert "max-age=31536000" in static.headers["Cache-Control"]
    raw = requests.get(
        proxy.base + "/en/", headers={"Accept-Encoding": "gzip"}, stream=True, timeout=10
    )
    assert gzip.decompress(raw.raw.read()).startswith(b"<!DOCTYPE html>")


def add_news(editor, title: str) -> str:
    response = editor.submit(
        "/admin/news/newsitem/add/",
        "newsitem_form",
        title_ca=title,
        title_en=title,
        slug_ca=title.lower().replace(" ", "-"),
        slug_en=title.lower().replace(" ", "-"),
        summary_ca="Resum.",
        body_ca="<p>Text.</p>",
        status="published",
    )
    assert response.headers["Location"].endswith("/admin/news/newsitem/")
    changelist = editor.get("/admin/news/newsitem/", params={"q": title}).text
    return re.search(r'href="(/admin/news/newsitem/\d+/change/)', changelist).group(1)


def test_a_news_item_published_through_a_appears_everywhere_at_once(
    stack, editor_a, replica_b, proxy
):
    # The list as every cache holds it before the change.
    before = cached_through_proxy(proxy, NEWS_LIST)
    replica_b.get(NEWS_LIST)
    title = f"Harbour {uuid.uuid4().hex[:8]}"
    assert title not in before.text

    started = time.monotonic()
    change_url = add_news(editor_a, title)
    publish_seconds = time.monotonic() - started

    assert title in replica_b.get(NEWS_LIST).text
    assert title in proxy.get(NEWS_LIST).text
    assert publish_seconds < 10
    stack.news_change_url = change_url
    stack.news_title = title


def test_an_unpublished_item_disappears_everywhere_at_once(stack, editor_a, replica_b, proxy):
    title = stack.news_title
    detail_path = f"/en/news/{title.lower().replace(' ', '-')}/"
    listed = cached_through_proxy(proxy, NEWS_LIST)
    assert title in listed.text
    assert replica_b.get(detail_path).status_code == 200
    assert proxy.get(detail_path).status_code == 200

    editor_a.submit(stack.news_change_url, "newsitem_form", status="draft")

    assert title not in replica_b.get(NEWS_LIST).text
    assert title not in proxy.get(NEWS_LIST).text
    assert replica_b.get(detail_path).status_code == 404
    assert proxy.get(detail_path).status_code == 404


def test_a_staff_session_is_never_served_a_cached_page(editor_a, stack, proxy):
    cached_through_proxy(proxy, NEWS_LIST)
    staff = Visitor(stack.proxy.base)
    staff.session.cookies.update(editor_a.session.cookies)
    for _attempt in range(3):
        response = staff.get(NEWS_LIST)
        assert response.status_code == 200
        assert response.headers["X-Proxy-Cache"] == "miss"
        assert response.headers.get("X-Page-Cache") != "hit"
        assert "Surrogate-Control" not in response.headers


def test_killing_replica_a_leaves_the_site_answering_through_b(stack, proxy):
    stack.replicas[0].kill()
    # Pages not kept by the proxy: each one is fetched from a replica.
    for page in range(1, 13):
        response = proxy.get(f"{NEWS_LIST}?nocache={page}-{uuid.uuid4().hex}")
        assert response.status_code == 200, response.status_code
    assert proxy.get("/livez").status_code == 200
