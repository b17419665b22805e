"""The caching reverse proxy in front of the replicas (Varnish, docker/proxy/relacions.vcl): what
it may keep, and the ban that empties it of pages.

What it keeps
    A page the page cache serves or stores under a known generation is sent with
    `Surrogate-Control: max-age=N` (N: PROXY_CACHE_SECONDS, never more than the page cache's
    entry would live), which the proxy turns into its TTL and removes; browsers still get
    `max-age=0, must-revalidate`. Not a page that uses the CSP nonce: the proxy could not give
    each visitor a fresh one, as the page cache does. Nothing else is kept as a page: no
    session, no preview, no error, nothing rendered while a change is being committed (the
    generation is unknown then): the proxy only passes on what has no such header. Static
    files and media keep their own year-long `immutable` headers.

Never stale, as the page cache
    A raise of the generation (bump_generation) waits one lease with the row locked: by then no
    replica serves or renders a page of the old generation as cacheable. Then, still before the
    change commits, every proxy of PROXY_PURGE_URLS is asked to ban all pages (an HTTP `BAN` on
    the proxy's purge port, which only the replicas reach). Anything the proxy kept before is
    gone when the change becomes visible, and nothing it keeps afterwards is older than it.
    When a proxy cannot be reached (paused, cut off), the transaction waits PROXY_CACHE_SECONDS
    more before committing instead, so whatever that proxy holds has expired by then: the same
    rule as for Redis, and a slower save rather than a stale page. A proxy that restarted holds
    nothing (its cache is in memory).

Without PROXY_PURGE_URLS no page is marked for a proxy at all, so a proxy nobody purges never
keeps one.
"""

import http.client
import logging
import math
import time
from urllib.parse import urlsplit

from django.conf import settings

logger = logging.getLogger(__name__)

# The header the proxy reads (and removes) for a page's lifetime in its cache.
SURROGATE_CONTROL = "Surrogate-Control"


def purge_urls() -> list[str]:
    return list(getattr(settings, "PROXY_PURGE_URLS", []))


def proxy_seconds() -> int:
    return int(getattr(settings, "PROXY_CACHE_SECONDS", 10))


def mark_cacheable(response, expires_at: float | None) -> None:
    """Let the proxy keep this page until PROXY_CACHE_SECONDS or `expires_at` (the page cache
    entry's end), whichever comes first; nothing when no proxy is purged."""
    if not purge_urls() or expires_at is None:
        return
    seconds = min(proxy_seconds(), math.floor(expires_at - time.time()))
    if seconds >= 1:
        response.headers[SURROGATE_CONTROL] = f"max-age={seconds}"


def _ban(url: str) -> None:
    parts = urlsplit(url)
    timeout = float(getattr(settings, "PROXY_PURGE_TIMEOUT", 1.0))
    connection_class = (
        http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
    )
    connection = connection_class(parts.hostname or "localhost", parts.port, timeout=timeout)
    try:
        connection.request("BAN", parts.path or "/", headers={"X-Ban": "pages"})
        response = connection.getresponse()
        response.read()
        if response.status != 200:
            raise OSError(f"{url} answered {response.status} {response.reason}")
    finally:
        connection.close()


def ban_pages() -> bool:
    """Ask every proxy to drop every page it keeps; False when one could not be reached."""
    reached = True
    for url in purge_urls():
        try:
            _ban(url)
        except (OSError, http.client.HTTPException) as error:
            logger.warning("Caching proxy %s not purged: %s", url, error)
            reached = False
    return reached


# Between a replica's answer and the proxy's clock starting the entry's TTL.
MARGIN_SECONDS = 1.0


def purge_before_commit(*, locked_at: float, lease: float) -> None:
    """Called by bump_generation() inside the changing transaction, once the lease has passed:
    ban the pages, or wait until whatever an unreachable proxy holds has expired."""
    if not purge_urls() or ban_pages():
        return
    deadline = locked_at + lease + proxy_seconds() + MARGIN_SECONDS
    time.sleep(max(0.0, deadline - time.monotonic()))
