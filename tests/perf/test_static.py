"""What a page asks the browser to load: one small stylesheet and no script before it can be
shown, compressed copies of the static files, images that wait until they are needed."""

import re
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from whitenoise.compress import Compressor

from tests.factories import NewsItemFactory
from tests.helpers import database_url, production_env, settings_in_subprocess

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("chrome")]

STYLESHEET = Path(settings.BASE_DIR) / "static" / "css" / "site.css"


def head_of(body: str) -> str:
    return body[: body.index("</head>")]


def test_pages_block_rendering_on_one_stylesheet_only(client, make_image):
    item = NewsItemFactory(image=make_image())
    with translation.override("ca"):
        addresses = [reverse("pages:home"), reverse("news:list"), item.get_absolute_url()]
    for address in addresses:
        body = client.get(address).content.decode()
        assert len(re.findall(r'<link rel="stylesheet"', body)) == 1, address
        # No script to fetch or run anywhere; only JSON-LD data blocks, which block nothing.
        assert not re.search(r"<script(?![^>]*application/ld\+json)", body), address


def test_the_stylesheet_is_small_once_compressed(tmp_path):
    copy = tmp_path / "site.css"
    shutil.copy(STYLESHEET, copy)
    written = list(Compressor(quiet=True).compress(str(copy)))
    brotli, gzip = Path(f"{copy}.br"), Path(f"{copy}.gz")
    assert {str(brotli), str(gzip)} <= set(written)
    assert brotli.stat().st_size < gzip.stat().st_size < 14 * 1024  # one round trip's worth


def test_production_caches_pages_and_serves_static_files_for_a_year():
    from django.db import connection

    values = settings_in_subprocess(
        production_env(database_url(connection.settings_dict)),
        "PAGE_CACHE", "FRAGMENT_CACHE", "WHITENOISE_MAX_AGE", "MIDDLEWARE", "STORAGES",
    )  # fmt: skip
    assert values["PAGE_CACHE"] is True and values["FRAGMENT_CACHE"] is True
    assert values["WHITENOISE_MAX_AGE"] == 365 * 24 * 60 * 60
    assert values["STORAGES"]["staticfiles"]["BACKEND"] == (
        "relacions.core.staticfiles.StaticFilesStorage"
    )
    middleware = values["MIDDLEWARE"]
    # The cache sits below the headers every response gets and the 304s, above the session.
    assert (
        middleware.index("django.middleware.csp.ContentSecurityPolicyMiddleware")
        < middleware.index("django.middleware.http.ConditionalGetMiddleware")
        < middleware.index("relacions.operations.pagecache.middleware.PageCacheMiddleware")
        < middleware.index("django.contrib.sessions.middleware.SessionMiddleware")
    )


def test_card_images_wait_below_the_fold_and_keep_their_place(client, make_image):
    image = make_image(1600, 900)
    items = NewsItemFactory.create_batch(5, image=image)
    with translation.override("ca"):
        listing = client.get(reverse("news:list")).content.decode()
        page = client.get(items[0].get_absolute_url()).content.decode()
    cards = re.findall(r"<img [^>]+>", listing)
    # The first row is in view (the largest paint of the page): loaded at once; the rest wait.
    assert len(cards) == 5
    assert all('loading="eager"' in img for img in cards[:3])
    assert all('loading="lazy"' in img for img in cards[3:])
    for img in [*cards, *re.findall(r"<img [^>]+>", page)]:
        assert re.search(r'width="\d+"', img) and re.search(r'height="\d+"', img)
    # The article's own image is the top of its page: loaded at once.
    assert 'loading="eager"' in re.findall(r"<img [^>]+>", page)[0]


def test_static_addresses_are_the_hashed_copies_and_a_missing_name_stays_an_error(tmp_path):
    import json

    from relacions.core.staticfiles import StaticFilesStorage

    (tmp_path / "staticfiles.json").write_text(
        json.dumps({"paths": {"css/site.css": "css/site.0123abcd.css"}, "version": "1.1"})
    )
    storage = StaticFilesStorage(location=tmp_path, base_url="/static/")
    # Asked once per `{% static %}` of every page: the same hashed address each time.
    assert storage.url("css/site.css") == "/static/css/site.0123abcd.css"
    assert storage.url("css/site.css") == "/static/css/site.0123abcd.css"
    for _ in range(2):  # never kept as if it existed
        with pytest.raises(ValueError, match="Missing staticfiles manifest entry"):
            storage.url("css/missing.css")
