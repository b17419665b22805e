"""What the caching proxy may keep, and its purge (relacions.operations.pagecache.proxy): pages are
marked for it only when a proxy is purged, never for a session or a nonce; every content change
bans them before it commits; an unreachable proxy makes the change wait until the proxy's pages
have expired. (The real Varnish in front of two replicas: tests/cluster.)"""

import threading
import time
from http.server import BaseHTTPRequestHandler, HTTPServer

import psycopg
import pytest
from django.db import connection, transaction

from relacions.news.models import NewsItem
from tests.factories import NewsItemFactory
from tests.helpers import address, database_url, free_port, signed_in_client

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("page_cache", "chrome"),
]


class FakeProxy:
    """An HTTP server that answers BAN as Varnish does, and notes whether the change it was
    banned for had committed yet (the news item's row as another connection sees it)."""

    def __init__(self, watched_title: str):
        self.bans: list[bool] = []
        outer = self
        url = database_url(connection.settings_dict)  # this test's database, read from outside

        class Handler(BaseHTTPRequestHandler):
            def do_BAN(self):  # noqa: N802 — the HTTP method's name
                with psycopg.connect(url) as other:
                    row = other.execute(
                        "SELECT count(*) FROM news_newsitem WHERE title_ca = %s", [watched_title]
                    ).fetchone()
                outer.bans.append(row[0] > 0)
                self.send_response(200)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = HTTPServer(("127.0.0.1", free_port()), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_port}/"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def proxy(settings):
    fake = FakeProxy("Bàsquet a Lió")
    settings.PROXY_PURGE_URLS = [fake.url]
    settings.PROXY_CACHE_SECONDS = 10
    yield fake
    fake.close()


def test_an_anonymous_page_is_marked_for_the_proxy_only_when_one_is_purged(client, settings):
    news = address("news:list")
    assert "Surrogate-Control" not in client.get(news)  # no proxy purged: none may keep it
    settings.PROXY_PURGE_URLS = ["http://127.0.0.1:9/"]
    settings.PROXY_CACHE_SECONDS = 7
    hit = client.get(news)
    spanish = address("news:list", "es")
    first = client.get(spanish)
    assert first["X-Page-Cache"] == "miss" and hit["X-Page-Cache"] == "hit"
    assert first["Surrogate-Control"] == hit["Surrogate-Control"] == "max-age=7"
    # Browsers still ask again each time.
    assert hit["Cache-Control"] == "max-age=0, must-revalidate"


def test_a_session_or_a_nonce_is_never_marked(settings, admin_user, client):
    settings.PROXY_PURGE_URLS = ["http://127.0.0.1:9/"]
    staff = signed_in_client(admin_user)
    assert "Surrogate-Control" not in staff.get(address("news:list"))
    item = NewsItemFactory()
    detail = client.get(item.get_absolute_url())
    assert detail.status_code == 200
    if "nonce-" in detail.get("Content-Security-Policy", ""):
        assert "Surrogate-Control" not in detail
        assert "Surrogate-Control" not in client.get(item.get_absolute_url())


def test_a_change_bans_the_proxy_before_it_commits(proxy, settings):
    with transaction.atomic():
        NewsItemFactory(title_ca="Bàsquet a Lió")
    assert proxy.bans == [False]  # banned once, while the change was not visible yet


def test_an_unreachable_proxy_makes_the_change_wait_until_its_pages_expired(settings):
    settings.PROXY_PURGE_URLS = [f"http://127.0.0.1:{free_port()}/"]  # nothing listens
    settings.PROXY_CACHE_SECONDS = 2
    item = NewsItemFactory()
    started = time.monotonic()
    with transaction.atomic():
        NewsItem.objects.get(pk=item.pk).save()
    waited = time.monotonic() - started
    # One lease (1 s here), then the proxy's longest page lifetime and a second's margin.
    assert waited >= settings.PAGE_CACHE_LEASE_SECONDS + 2 + 1 - 0.05
