"""What may be cached, and the middleware that serves and stores whole pages."""

import functools
import hashlib
import logging
import time

from django.conf import settings
from django.db import DatabaseError
from django.http import HttpResponse
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.http import http_date

from .generation import (
    GENERATION_KEY,
    cache_backend,
    connect_signals,
    enabled,
    raise_stored_generation,
    renew_lease,
)
from .lifetime import entry_lifetime
from .proxy import ban_pages, mark_cacheable

logger = logging.getLogger(__name__)

PAGE_KEY = "pagecache:page:{language}:{digest}"
# Stands for the CSP nonce in a stored body; a fresh nonce replaces it on every hit.
NONCE_PLACEHOLDER = b"\x00relacions-csp-nonce\x00"
# Cookies that can change what a page shows: the session (staff, anyone logged in) and Django's
# messages. A visitor sending either always gets a page rendered for them.
PERSONAL_COOKIES = ("messages",)
UNCACHEABLE_DIRECTIVES = {"private", "no-cache", "no-store"}
# Headers set on every response by the middleware above this one: not stored.
NOT_STORED = {"content-length", "content-security-policy", "content-security-policy-report-only"}


# --- What may be cached -----------------------------------------------------------------------


def skip_page_cache(request) -> None:
    """Keep this request's response out of the page cache (whatever its headers say)."""
    request._no_page_cache = True


def no_page_cache(view):
    """Decorator: the view's responses are never stored by the page cache."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        skip_page_cache(request)
        return view(request, *args, **kwargs)

    return wrapped


def _request_language(request) -> str | None:
    """The language of a public URL's prefix; None outside `i18n_patterns` (admin, media,
    health checks…), which are never cached."""
    return translation.get_language_from_path(request.path_info)


def request_is_cacheable(request) -> bool:
    if request.method not in ("GET", "HEAD") or not enabled():
        return False
    if "authorization" in request.headers:
        return False
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or any(name in cookies for name in PERSONAL_COOKIES):
        return False
    return _request_language(request) is not None


def response_is_cacheable(request, response) -> bool:
    if request.method != "GET" or response.status_code != 200 or response.streaming:
        return False
    if getattr(request, "_no_page_cache", False) or getattr(response, "_no_page_cache", False):
        return False
    if response.cookies or hasattr(response, "_csp_config") or hasattr(response, "_csp_ro_config"):
        return False
    directives = {
        part.split("=")[0].strip().lower() for part in response.get("Cache-Control", "").split(",")
    }
    if directives & UNCACHEABLE_DIRECTIVES:
        return False
    if "noindex" in response.get("X-Robots-Tag", "").lower():
        return False
    if "*" in response.get("Vary", ""):
        return False
    user = getattr(request, "user", None)
    return not (user is not None and user.is_authenticated)


def page_key(request, language: str) -> str:
    digest = hashlib.sha256(request.build_absolute_uri().encode()).hexdigest()
    return PAGE_KEY.format(language=language, digest=digest)


# --- The middleware ---------------------------------------------------------------------------


def _used_nonce(request) -> str | None:
    nonce = getattr(request, "_csp_nonce", None)
    # A LazyNonce is false until a template or view asked for it.
    return str(nonce) if nonce else None


def _etag(body: bytes) -> str:
    return f'"{hashlib.md5(body, usedforsecurity=False).hexdigest()}"'


class PageCacheMiddleware:
    """Serves and stores whole public pages; see the module's docstring.

    Sits below the security, CSP and WhiteNoise middleware (their headers are added to every
    response, cached or not) and above sessions, locale, CSRF and authentication, which a hit
    never needs. `ConditionalGetMiddleware` sits just above it.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        connect_signals()
        if enabled():
            # A new release may render pages differently: a starting process drops them all.
            try:
                raise_stored_generation()
            except DatabaseError as error:
                logger.warning("Page cache generation not raised at start: %s", error)
            ban_pages()  # and the caching proxies' copies (pagecache.proxy)

    def __call__(self, request):
        language = _request_language(request)
        if language is None or not request_is_cacheable(request):
            return self.get_response(request)
        key = page_key(request, language)
        # One round trip: the generation's copy (present only while its lease runs) and the page.
        found = cache_backend().get_many([GENERATION_KEY, key])
        generation = found.get(GENERATION_KEY)
        if generation is None:
            generation = renew_lease()  # one query, once per lease for the whole site
        if generation is None:
            return self.get_response(
                request
            )  # a change is being committed: neither serve nor store
        entry = found.get(key)
        if entry is not None and entry["generation"] == generation:
            return self.hit(request, entry)
        response = self.get_response(request)
        # Renewed once the page is rendered: the next visitor finds a lease just begun (a slow
        # page does not outlast the one read before it), and a page whose generation was raised
        # meanwhile is not stored.
        if response_is_cacheable(request, response) and renew_lease() == generation:
            self.store(request, response, key, generation)
        return response

    def hit(self, request, entry) -> HttpResponse:
        body = entry["body"]
        if entry["nonce"]:
            body = body.replace(NONCE_PLACEHOLDER, str(request._csp_nonce).encode())
        response = HttpResponse(body)
        for name, value in entry["headers"]:
            response.headers[name] = value
        response.headers["Content-Length"] = str(len(body))
        response.headers["X-Page-Cache"] = "hit"
        if not entry["nonce"]:  # a nonce is never sent twice: the proxy cannot replace it
            mark_cacheable(response, entry.get("expires"))
        return response

    def store(self, request, response, key: str, generation: int) -> None:
        lifetime = entry_lifetime(generation)
        if lifetime < 1:
            return
        body = response.content
        nonce = _used_nonce(request)
        if nonce:
            body = body.replace(nonce.encode(), NONCE_PLACEHOLDER)
        response.headers["ETag"] = _etag(body)
        response.headers.setdefault("Last-Modified", http_date())
        patch_cache_control(response, max_age=0, must_revalidate=True)
        headers = [
            (name, value) for name, value in response.items() if name.lower() not in NOT_STORED
        ]
        expires = time.time() + lifetime
        entry = {
            "generation": generation,
            "body": body,
            "nonce": bool(nonce),
            "headers": headers,
            "expires": expires,
        }
        cache_backend().set(key, entry, timeout=lifetime)
        response.headers["X-Page-Cache"] = "miss"
        if not nonce:
            mark_cacheable(response, expires)
