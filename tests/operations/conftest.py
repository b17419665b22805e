"""Fixtures for the operations tests: the page cache turned on and the content the pages show,
from where they are made (tests/perf); a redis-server of the test's own as the cache (`redis`).
The throwaway cluster is a plugin (tests/fixtures/cluster.py)."""

import os
import shutil
import signal
import subprocess

import pytest
import redis as redis_py

from relacions.operations import cache as tolerant
from tests.helpers import free_port, wait_for
from tests.perf.conftest import chrome, page_cache  # noqa: F401  (fixtures)

REDIS = shutil.which("redis-server")


class RedisServer:
    """redis-server on a free loopback port, data in `folder`; an RDB snapshot is written when
    it stops and read when it starts (as a Redis with persistence comes back from a restart)."""

    def __init__(self, folder):
        self.port = free_port()
        self.command = [REDIS, "--port", str(self.port), "--bind", "127.0.0.1",
                        "--save", "3600 1", "--appendonly", "no", "--dir", str(folder)]  # fmt: skip
        self.process = None

    def start(self, cache) -> None:
        self.process = subprocess.Popen(
            self.command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        # Listening before the cache tries it: a refused probe would keep the cache off for
        # tolerant.RETRY_SECONDS.
        assert wait_for(self.answers, 10)
        tolerant._down_until.clear()
        assert wait_for(lambda: cache.set("probe", 1) is None and cache.get("probe") == 1, 10)
        cache.delete("probe")

    def answers(self) -> bool:
        try:
            return redis_py.Redis(port=self.port, socket_connect_timeout=1).ping()
        except redis_py.ConnectionError:
            return False

    def pause(self) -> None:
        self.process.send_signal(signal.SIGSTOP)

    def resume(self) -> None:
        self.process.send_signal(signal.SIGCONT)

    def stop(self) -> None:
        self.process.terminate()  # SIGTERM: Redis writes its snapshot and exits
        self.process.wait(timeout=10)


def redis_cache(settings, port: int) -> None:
    """The site's cache backend (operations.cache), on a Redis at `port` of this machine."""
    settings.CACHES = {
        "default": {
            "BACKEND": "relacions.operations.cache.TolerantRedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
            "KEY_PREFIX": "relacions-test",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
    tolerant._down_until.clear()


@pytest.fixture
def redis(settings, tmp_path):
    if not REDIS:
        if os.environ.get("CI") == "true":
            pytest.fail("redis-server is required under CI")
        pytest.skip("no redis-server on this machine")
    from django.core.cache import cache

    server = RedisServer(tmp_path)
    redis_cache(settings, server.port)
    server.start(cache)
    yield server
    if server.process.poll() is None:
        server.resume()
        server.stop()
    tolerant._down_until.clear()
