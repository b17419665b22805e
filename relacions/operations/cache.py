"""Django's Redis cache, made optional: an unreachable Redis is a cache miss, never an error page.

Django's `RedisCache` raises whatever redis-py raises, so a Redis restart would turn every page
that reads the cache into a 500. Here a connection error or time-out is logged and answered as
a miss (`get` → the default, `set` → nothing stored), and for `RETRY_SECONDS` afterwards the
process does not try Redis at all: with Redis paused, each attempt would otherwise cost the
socket time-out (1 s, settings.CACHES) on every cache call of every page.
"""

import logging
import math
import threading
import time
from collections.abc import Callable

from django.core.cache.backends.redis import RedisCache, RedisCacheClient, RedisSerializer
from redis import ConnectionPool, Redis
from redis.exceptions import ConnectionError, TimeoutError

logger = logging.getLogger(__name__)

RETRY_SECONDS = 5.0
UNREACHABLE = (ConnectionError, TimeoutError, OSError)

# Per process and Redis address: each thread has its own cache object, they share one Redis.
_lock = threading.Lock()
_down_until: dict[str, float] = {}


def _skip(location: str) -> bool:
    return time.monotonic() < _down_until.get(location, 0.0)


def _mark_down(location: str, error: Exception) -> None:
    with _lock:
        was_up = location not in _down_until
        _down_until[location] = time.monotonic() + RETRY_SECONDS
    if was_up:
        logger.warning("Redis cache unreachable, serving without it: %s", error)


def _mark_up(location: str) -> None:
    if location in _down_until:
        with _lock:
            if _down_until.pop(location, None) is not None:
                logger.warning("Redis cache reachable again")


def _tolerant(fallback):
    """Run the client's method; when Redis cannot be reached, return `fallback(*args)`."""

    def decorate(method):
        def wrapper(self, *args):
            if _skip(self.location):
                return fallback(*args)
            try:
                result = method(self, *args)
            except UNREACHABLE as error:
                _mark_down(self.location, error)
                return fallback(*args)
            _mark_up(self.location)
            return result

        wrapper.__name__ = method.__name__
        return wrapper

    return decorate


def _missing_key(key, delta):
    # What Django's cache API raises for incr() on a key it does not have.
    raise ValueError(f"Key {key!r} not found (the Redis cache is unreachable).")


class TolerantRedisCacheClient(RedisCacheClient):
    # Set by Django's RedisCacheClient, left out of its type stubs.
    _client: type[Redis]
    _serializer: RedisSerializer
    _get_connection_pool: Callable[[bool], ConnectionPool]

    def __init__(self, servers, **options):
        super().__init__(servers, **options)
        self.location = ",".join(servers)
        self._clients: dict[ConnectionPool, Redis] = {}

    def get_client(self, key=None, *, write=False):
        # Django makes a new redis.Redis for every call, and each one builds its table of some
        # 170 response callbacks: about a quarter of a millisecond per cache call, as much as the
        # rest of a cached page. One client per connection pool is made once (a client is
        # thread-safe; its pool holds the connections).
        pool = self._get_connection_pool(write)
        client = self._clients.get(pool)
        if client is None:
            client = self._clients[pool] = self._client(connection_pool=pool)
        return client

    add = _tolerant(lambda key, value, timeout: False)(RedisCacheClient.add)
    get = _tolerant(lambda key, default: default)(RedisCacheClient.get)
    set = _tolerant(lambda key, value, timeout: None)(RedisCacheClient.set)
    touch = _tolerant(lambda key, timeout: False)(RedisCacheClient.touch)
    delete = _tolerant(lambda key: False)(RedisCacheClient.delete)
    get_many = _tolerant(lambda keys: {})(RedisCacheClient.get_many)
    has_key = _tolerant(lambda key: False)(RedisCacheClient.has_key)
    incr = _tolerant(_missing_key)(RedisCacheClient.incr)
    set_many = _tolerant(lambda data, timeout: [])(RedisCacheClient.set_many)
    delete_many = _tolerant(lambda keys: None)(RedisCacheClient.delete_many)
    clear = _tolerant(lambda: False)(RedisCacheClient.clear)

    @_tolerant(lambda: None)
    def clock(self) -> float:
        seconds, microseconds = self.get_client().time()
        return seconds + microseconds / 1_000_000

    @_tolerant(lambda key: (None, None))
    def get_with_ttl(self, key) -> tuple[object, float | None]:
        # GET and PTTL in one transaction: the time left is that of the value read.
        pipeline = self.get_client(key).pipeline(transaction=True)
        pipeline.get(key)
        pipeline.pttl(key)
        value, milliseconds = pipeline.execute()
        if value is None:
            return None, None
        seconds = milliseconds / 1000 if milliseconds > 0 else None  # -1: kept with no end
        return self._serializer.loads(value), seconds

    @_tolerant(lambda key, value, until: None)
    def set_until(self, key, value, until: float) -> None:
        # PXAT: an absolute moment on Redis's own clock, so a command that reaches Redis late
        # (queued while it was paused) cannot make the value live longer than it was meant to.
        client = self.get_client(key, write=True)
        client.set(key, self._serializer.dumps(value), pxat=math.ceil(until * 1000))


class TolerantRedisCache(RedisCache):
    """Also `clock()` (Redis's time, None when unreachable), `set_until(key, value, until)`
    (stored until that moment of Redis's clock) and `get_with_ttl(key)` (the value and the
    seconds it has left), for the page cache's generation lease; and `near`, where the page
    cache keeps this process's copies of what it read (pagecache.near), dropped by `clear()`."""

    _cache: TolerantRedisCacheClient  # RedisCache's cached property, made of `_class`

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = TolerantRedisCacheClient
        self.near = None

    def get_with_ttl(self, key, version=None) -> tuple[object, float | None]:
        return self._cache.get_with_ttl(self.make_and_validate_key(key, version=version))

    def clear(self):
        self.near = None
        return super().clear()

    def clock(self) -> float | None:
        return self._cache.clock()

    def set_until(self, key, value, until: float, version=None) -> None:
        self._cache.set_until(self.make_and_validate_key(key, version=version), value, until)
