"""The site without its Redis cache: unreachable Redis is a miss, not an error page."""

import shutil
import subprocess
import time

import pytest
from django.core.cache import cache

from relacions.operations import cache as tolerant
from tests.helpers import free_port, wait_for

from .conftest import redis_cache

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _forget_outages():
    yield
    tolerant._down_until.clear()


def test_site_serves_with_redis_unreachable(client, settings, site_settings):
    redis_cache(settings, free_port())  # nothing listens there

    started = time.monotonic()
    assert cache.get("anything", "default") == "default"
    cache.set("key", "value")
    assert cache.add("key", "value") is False
    assert cache.get_many(["a", "b"]) == {}
    cache.delete("key")
    with pytest.raises(ValueError):
        cache.incr("counter")
    assert time.monotonic() - started < 2

    for path in ("/ca/", "/es/", "/en/", "/livez"):
        assert client.get(path).status_code == 200, path
    health = client.get("/healthz")
    assert health.status_code == 503
    assert health.json()["checks"] == {"database": "ok", "cache": "failing"}


@pytest.mark.skipif(not shutil.which("redis-server"), reason="no redis-server on this machine")
def test_redis_going_away_and_coming_back(client, settings, site_settings, tmp_path):
    port = free_port()
    command = [
        "redis-server",
        "--port",
        str(port),
        "--bind",
        "127.0.0.1",
        "--save",
        "",
        "--appendonly",
        "no",
        "--dir",
        str(tmp_path),
    ]

    def start():
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        assert wait_for(lambda: cache.set("probe", 1) is None and cache.get("probe") == 1, 10)
        return process

    redis_cache(settings, port)
    tolerant.RETRY_SECONDS, saved = 0.5, tolerant.RETRY_SECONDS
    process = start()
    try:
        cache.set("kept", "value", 60)
        assert cache.get("kept") == "value"

        process.terminate()
        process.wait(timeout=10)
        assert cache.get("kept") is None
        assert client.get("/ca/").status_code == 200
        assert client.get("/healthz").status_code == 503

        process = start()  # back, empty: the cache refills as pages are served
        assert client.get("/healthz").status_code == 200
    finally:
        tolerant.RETRY_SECONDS = saved
        process.terminate()
        process.wait(timeout=10)
