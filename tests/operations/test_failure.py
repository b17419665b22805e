"""Graceful failure: a real gunicorn serving from a PostgreSQL that is paused, then stopped.

Each response is timed from the outside; the bound leaves room for a loaded 2-core machine
around the configured 1.5 s waits (DATABASE_POOL_TIMEOUT, DATABASE_QUERY_TIMEOUT).
"""

import http.client
import re
import subprocess
import threading
import time
from http.cookies import SimpleCookie
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urlencode

import pytest
from django.utils import translation
from django.utils.translation import gettext

from tests.fixtures.cluster import dev_env
from tests.helpers import PASSWORD, ROOT, free_port, wait_for

pytestmark = pytest.mark.django_db

BOUND_SECONDS = 2.5
REQUEST_TIMEOUT = 10
# The public pages in each language, a deeper one, and the admin (as a signed-in editor).
PAGES = ("/ca/", "/es/", "/en/", "/en/news/", "/admin/", "/admin/pages/page/")


def expected_sentence(language: str) -> str:
    """The 503 page's sentence as the translation catalogue has it in `language`."""
    with translation.override(language):
        return gettext("Please try again in a few minutes.")  # {% translate %} does not escape


class Server:
    def __init__(self, port: int, process: subprocess.Popen, log: Path):
        self.port, self.process, self.log = port, process, log
        self.cookies = {}

    cookies: dict[str, str]

    def request(self, method: str, path: str, body: str | None = None):
        """(status, headers, body, seconds), with this server's cookies sent and kept."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=REQUEST_TIMEOUT)
        headers = {"Accept-Language": "en"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        started = time.monotonic()
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            content = response.read().decode("utf-8", "replace")
            seconds = time.monotonic() - started
        finally:
            connection.close()
        for cookie in SimpleCookie(
            "\n".join(response.headers.get_all("Set-Cookie") or [])
        ).values():
            self.cookies[cookie.key] = cookie.value
        return response.status, dict(response.getheaders()), content, seconds

    def get(self, path: str):
        return self.request("GET", path)

    def log_in(self, password: str) -> tuple[int, float]:
        _status, _headers, page, _seconds = self.get("/admin/login/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        form = urlencode({"csrfmiddlewaretoken": token, "username": "admin", "password": password})
        status, _headers, _body, seconds = self.request("POST", "/admin/login/?next=/admin/", form)
        return status, seconds

    def status(self, path: str) -> int:
        try:
            return self.get(path)[0]
        except OSError:
            return 0


@pytest.fixture
def server(demo_database, tmp_path):
    port = free_port()
    log = tmp_path / "gunicorn.log"
    env = dev_env(
        demo_database.url,
        DEBUG="false",
        RELACIONS_TESTING="true",  # development secrets and static files, production errors
        MEDIA_ROOT=str(demo_database.media_root),
    )
    command = [
        str(ROOT / ".venv" / "bin" / "gunicorn"),
        "relacions.wsgi",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        "1",
        "--timeout",
        "30",
        "--no-control-socket",
    ]
    with open(log, "wb") as output:
        process = subprocess.Popen(
            command,
            cwd=ROOT,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
    instance = Server(port, process, log)
    try:
        assert wait_for(lambda: instance.status("/livez") == 200, timeout=30), log.read_text()
        yield instance
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def assert_unavailable(server: Server, pages=PAGES) -> None:
    for path in pages:
        status, headers, body, seconds = server.get(path)
        assert status == 503, (path, status, body[:500])
        assert seconds < BOUND_SECONDS, (path, seconds)
        assert headers["Retry-After"] == "30"
        assert "no-cache" in headers["Cache-Control"]
        assert headers["X-Frame-Options"] == "DENY"
        assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
        assert "Traceback" not in body
        assert "<h1>" in body
        language = path.split("/")[1]
        if language in {"ca", "es", "en"}:
            assert f'<html lang="{language}">' in body
            assert expected_sentence(language) in body, (path, body)

    # Signing in needs the database too (a fresh client, without the session).
    signed_in, server.cookies = server.cookies, {}
    status, seconds = server.log_in(PASSWORD)
    server.cookies = signed_in
    assert (status, seconds < BOUND_SECONDS) == (503, True)

    status, _headers, _body, seconds = server.get("/livez")
    assert (status, seconds < 1) == (200, True)
    status, _headers, body, seconds = server.get("/healthz")
    assert status == 503 and '"database": "failing"' in body
    assert seconds < BOUND_SECONDS


def assert_recovers(server: Server) -> None:
    assert wait_for(lambda: server.status("/ca/") == 200, timeout=25), server.log.read_text()[
        -3000:
    ]
    for path in (*PAGES, "/healthz"):
        assert server.status(path) == 200, path


def test_pages_answer_503_quickly_while_the_database_is_paused_or_down(cluster, server):
    assert server.log_in(PASSWORD)[0] == 302
    for path in (*PAGES, "/healthz"):
        assert server.status(path) == 200, path

    # Paused: every server process stopped, connections open, nothing answers.
    cluster.pause()
    try:
        assert_unavailable(server)
    finally:
        cluster.resume()
    assert_recovers(server)

    # Down: the server shut down.
    cluster.stop()
    try:
        assert_unavailable(server, pages=("/es/", "/admin/"))  # each costs the full wait
    finally:
        cluster.start()
    assert_recovers(server)
    assert server.process.poll() is None  # the same process all along: no restart


# --- The pieces, in this process ----------------------------------------------------------------


def test_the_watchdog_cuts_a_query_that_never_answers(cluster, settings):
    """A real query that outlives DATABASE_QUERY_TIMEOUT: its connection is cut, it raises."""
    import psycopg

    from relacions.operations.database import query_watchdog

    settings.DATABASE_QUERY_TIMEOUT = 0.5
    with psycopg.connect(cluster.url("postgres"), autocommit=True) as database:
        context = {"connection": SimpleNamespace(connection=database)}
        started = time.monotonic()
        with pytest.raises(psycopg.OperationalError):
            query_watchdog(
                lambda sql, params, many, context: database.execute(sql),
                "SELECT pg_sleep(20)",
                None,
                False,
                context,
            )
        assert time.monotonic() - started < 3
        assert database.closed or database.broken

    # A query within the deadline is left alone.
    with psycopg.connect(cluster.url("postgres"), autocommit=True) as database:
        context = {"connection": SimpleNamespace(connection=database)}
        cursor = query_watchdog(
            lambda sql, params, many, context: database.execute(sql),
            "SELECT pg_sleep(0.1), 1",
            None,
            False,
            context,
        )
        assert cursor.fetchone()[1] == 1

    # The thread sleeps until the earliest deadline it knows: a query with a shorter timeout
    # than one already running is still cut on time.
    settings.DATABASE_QUERY_TIMEOUT = 10
    with (
        psycopg.connect(cluster.url("postgres"), autocommit=True) as slow,
        psycopg.connect(cluster.url("postgres"), autocommit=True) as database,
    ):
        running = threading.Thread(
            target=query_watchdog,
            args=(lambda *args: slow.execute("SELECT pg_sleep(3)"), "", None, False,
                  {"connection": SimpleNamespace(connection=slow)}),
        )  # fmt: skip
        running.start()
        time.sleep(1)  # past any wake-up left by the queries above
        settings.DATABASE_QUERY_TIMEOUT = 0.5
        started = time.monotonic()
        with pytest.raises(psycopg.OperationalError):
            query_watchdog(
                lambda *args: database.execute("SELECT pg_sleep(20)"),
                "",
                None,
                False,
                {"connection": SimpleNamespace(connection=database)},
            )
        assert time.monotonic() - started < 3
        running.join()


def test_a_database_error_inside_a_middleware_is_a_503_too(rf):
    from django.db import OperationalError

    from relacions.operations.views import server_error

    request = rf.get("/es/")
    try:
        raise OperationalError("connection failed")
    except OperationalError:
        response = server_error(request)
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert '<html lang="es">' in response.content.decode()

    try:
        raise ValueError("a bug")
    except ValueError:
        assert server_error(rf.get("/es/")).status_code == 500
