"""The whole-page cache for anonymous visitors, never stale.

What is cached
    GET responses of the public site (paths with a language prefix: `/ca/…`, `/es/…`, `/en/…`),
    one entry per full URL (scheme, host, path and query string) and language, when the visitor
    sends no session or messages cookie, and only 200 responses that set no cookie, are not
    streamed and do not ask not to be cached (`Cache-Control: private / no-cache / no-store`,
    `X-Robots-Tag: noindex`, as the workflow's signed previews answer, or a view that calls
    `skip_page_cache(request)` / is decorated with `@no_page_cache`). Staff always carry a
    session cookie, so they always get a fresh page; so does anyone who logged in.

Never stale
    Every entry belongs to a *content generation*: a number kept in one PostgreSQL row
    (core.PageCacheGeneration) and raised, inside the saving transaction, by `post_save`,
    `post_delete` and `m2m_changed` of every model of the apps in `PAGE_CACHE_APPS` (the content
    apps, images and pages); it commits or rolls back with the change (a preview's rolled-back
    save leaves it alone). A hit needs the generation too, and reads the cache's copy of it in the
    same round trip as the page (one MGET, no query): that copy is a *lease*, stored until
    `PAGE_CACHE_LEASE_SECONDS` after a moment taken before the row was read, and renewed from
    the row (one query) by the first request after it ends, and by each miss once its page is
    rendered. A raise locks the row (no lease can
    be renewed meanwhile) and waits one lease before its transaction commits, so by the commit
    every copy of an older generation has expired, in Redis or in any process, whether or not
    the cache could be reached when the change was saved (paused, stopped, restarted: see
    docs/OPERATIONS.md). A request stores its page under the generation it read before the view
    ran, so a page rendered from rows older than a commit is never served after it. Raising the
    number makes every entry unreachable at once: there is nothing to look up per URL, and
    nothing to forget (a relation, a list page, the home page).

    What changes with time alone is bounded too: no entry lives past the next scheduled change
    — the soonest future `publish_at` / `unpublish_at` of a published item of any `Publishable`
    model in those apps, or of a field named in `PAGE_CACHE_SCHEDULE_FIELDS` (an event's end
    moves it from the agenda to the archive) — nor past the next local midnight (memberships
    "in force today", "upcoming"), nor `PAGE_CACHE_SECONDS`. The soonest change is one query,
    made once per generation and kept in the cache until it passes.

    Changes that send no signal (`QuerySet.update()`, `bulk_create()`, raw SQL) must call
    `bump_generation()`; `generate_scale_data` and `restore` do. A plain `save()` outside a
    transaction (a script) commits before its signal: its pages may be served for up to one
    lease after it.

    With a local-memory cache (no `REDIS_URL`) each process has its own entries and its own
    copy of the generation; the lease works the same way, so another worker's edit is seen too.

Conditional requests
    Each entry carries an `ETag` (a hash of its body) and `Last-Modified` (when it was
    rendered), on the first response as on every hit, and `Cache-Control: max-age=0,
    must-revalidate`, so browsers ask again each time and
    `django.middleware.http.ConditionalGetMiddleware` (just above this middleware) answers 304
    when nothing changed. Feeds keep the `Last-Modified` their view sets.

CSP nonces
    A page that uses the request's CSP nonce is stored with the nonce replaced by a placeholder,
    and each hit gets a fresh nonce (the CSP middleware, above this one, puts the same nonce in
    the header): a nonce is never sent twice. The ETag is computed on the stored form, so it
    does not change with the nonce.
"""

import contextlib
import functools
import hashlib
import logging
import math
import threading
import time
from datetime import datetime, timedelta
from datetime import time as dt_time

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.db import DatabaseError, connection, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control
from django.utils.http import http_date

logger = logging.getLogger(__name__)

GENERATION_KEY = "pagecache:generation"
SCHEDULE_KEY = "pagecache:schedule"
PAGE_KEY = "pagecache:page:{language}:{digest}"
MEMO_KEY = "pagecache:memo:{name}"
# Stands for the CSP nonce in a stored body; a fresh nonce replaces it on every hit.
NONCE_PLACEHOLDER = b"\x00relacions-csp-nonce\x00"
# Cookies that can change what a page shows: the session (staff, anyone logged in) and Django's
# messages. A visitor sending either always gets a page rendered for them.
PERSONAL_COOKIES = ("messages",)
UNCACHEABLE_DIRECTIVES = {"private", "no-cache", "no-store"}
# Headers set on every response by the middleware above this one: not stored.
NOT_STORED = {"content-length", "content-security-policy", "content-security-policy-report-only"}


def _cache():
    return caches[getattr(settings, "PAGE_CACHE_ALIAS", "default")]


def enabled() -> bool:
    return getattr(settings, "PAGE_CACHE", False)


# --- The content generation -------------------------------------------------------------------
#
# The truth is one row in PostgreSQL (core.PageCacheGeneration), raised in the transaction that
# changes content. The cache holds a copy under GENERATION_KEY on a *lease*: it is stored until a
# moment PAGE_CACHE_LEASE_SECONDS after a time taken *before* the row was read, and a raise waits
# that long after locking the row before its transaction may commit. While the row is locked by
# a raise nobody may renew the lease (FOR SHARE SKIP LOCKED finds no row). So when a change
# commits, every copy of an older generation has expired, wherever it is and whether or not the
# cache could be reached when the change was saved. See docs/OPERATIONS.md, "Cached pages when
# Redis is down".

_CLOCK_SQL = "(extract(epoch FROM clock_timestamp()) * 1000000)::bigint"


def _table() -> str:
    from .models import PageCacheGeneration

    return connection.ops.quote_name(PageCacheGeneration._meta.db_table)


def _raise_sql() -> str:
    # The clock keeps a generation from ever coming back: after a restored backup (an older
    # value) or a truncated table the next value is still above every earlier one.
    table = _table()
    return (
        f"INSERT INTO {table} (id, value) VALUES (1, {_CLOCK_SQL}) ON CONFLICT (id) DO UPDATE "
        f"SET value = GREATEST({table}.value + 1, EXCLUDED.value) RETURNING value"
    )


def lease_seconds() -> float:
    return getattr(settings, "PAGE_CACHE_LEASE_SECONDS", 0.5)


def _raise_stored_generation() -> int:
    with connection.cursor() as cursor:
        cursor.execute(_raise_sql())
        return cursor.fetchone()[0]


def _read_stored_generation() -> int | None:
    """The committed generation; None while a raise holds the row (not committed yet)."""
    table = _table()
    with connection.cursor() as cursor:
        # SKIP LOCKED: no row while a raise holds it, and no error to undo in a transaction.
        cursor.execute(f"SELECT value FROM {table} WHERE id = 1 FOR SHARE SKIP LOCKED")
        row = cursor.fetchone()
        if row:
            return row[0]
        cursor.execute(f"SELECT EXISTS (SELECT FROM {table} WHERE id = 1)")
        if cursor.fetchone()[0]:
            return None
    return _raise_stored_generation()  # no row yet (a new or flushed table)


def _cache_clock(cache) -> float | None:
    clock = getattr(cache, "clock", None)
    return clock() if clock else time.time()


def _store_until(cache, value: int, until: float) -> None:
    if hasattr(cache, "set_until"):
        cache.set_until(GENERATION_KEY, value, until)
    elif until > time.time():
        cache.set(GENERATION_KEY, value, timeout=until - time.time())


def renew_lease() -> int | None:
    """Copy the committed generation into the cache for one lease and return it; None when it
    cannot be known now (a change is being committed, the cache is unreachable): then nothing is
    served from the page cache or stored in it."""
    cache = _cache()
    started = _cache_clock(cache)  # before the read: the lease cannot outlive what was read
    if started is None:
        return None
    generation = _read_stored_generation()
    if generation is not None:
        _store_until(cache, generation, started + lease_seconds())
    return generation


def current_generation() -> int | None:
    value = _cache().get(GENERATION_KEY)
    return value if value is not None else renew_lease()


def _committed():
    # Once the change is visible the copy is renewed from the row at the next request.
    _cache().delete(GENERATION_KEY)


def bump_generation() -> None:
    """Make every cached page stale when the current transaction commits (at once outside one).

    The signals of every content model call it; so must what changes public content without
    them (`QuerySet.update()`, `bulk_create()`, raw SQL, a restored backup). A transaction that
    rolls back (a preview) leaves the generation, and the pages, as they were.
    """
    # (savepoint ids, function, robust): the stubs still say a pair.
    first = not any(entry[1] is _committed for entry in connection.run_on_commit)
    _raise_stored_generation()
    locked_at = time.monotonic()
    # This connection's own copy: in its transaction it reads the raised row (tests do).
    _cache().delete(GENERATION_KEY)
    if connection.in_atomic_block and first:
        transaction.on_commit(_committed)
        # Every lease granted before the row was locked ends before this transaction commits,
        # whether or not the cache can be reached now.
        time.sleep(max(0.0, locked_at + lease_seconds() - time.monotonic()))


_local = threading.local()


@contextlib.contextmanager
def rolled_back():
    """For a block whose changes are always rolled back (a preview's save): nobody else ever
    sees them, so they raise nothing and the cache is not touched (no copy dropped, no wait)."""
    previous = getattr(_local, "rolled_back", False)
    _local.rolled_back = True
    try:
        yield
    finally:
        _local.rolled_back = previous


def _watched() -> bool:
    if getattr(_local, "rolled_back", False):
        return False
    return enabled() or getattr(settings, "FRAGMENT_CACHE", False)


def _content_changed(sender, **kwargs):
    if kwargs.get("action", "post_").startswith("pre_"):
        return  # m2m_changed: only after the change
    if _watched():
        bump_generation()


def content_models():
    """Every model (M2M tables included) of the apps in PAGE_CACHE_APPS that are installed."""
    for label in getattr(settings, "PAGE_CACHE_APPS", ()):
        if label in apps.app_configs:
            yield from apps.get_app_config(label).get_models(include_auto_created=True)


@functools.cache
def connect_signals() -> None:
    """Connect the generation counter to every content model; idempotent."""
    for model in content_models():
        uid = f"pagecache-{model._meta.label_lower}"
        post_save.connect(_content_changed, sender=model, dispatch_uid=uid)
        post_delete.connect(_content_changed, sender=model, dispatch_uid=uid)
        if model._meta.auto_created:
            m2m_changed.connect(_content_changed, sender=model, dispatch_uid=uid)


# --- The next scheduled change ----------------------------------------------------------------


def _schedule_fields():
    """(model, field name) pairs whose future values are moments when public pages change."""
    from .models import Publishable

    extra = getattr(settings, "PAGE_CACHE_SCHEDULE_FIELDS", {})
    for model in content_models():
        fields = list(extra.get(model._meta.label, ()))
        if issubclass(model, Publishable):
            fields = ["publish_at", "unpublish_at", *fields]
        for name in fields:
            yield model, name


def next_scheduled_change(now: datetime | None = None) -> datetime | None:
    """The soonest moment after `now` when a published item appears, leaves or (for the extra
    fields) moves: one query whatever the number of models."""
    from .models import Publishable

    now = now or timezone.now()
    parts, params = [], []
    for model, name in _schedule_fields():
        query = model._base_manager.filter(**{f"{name}__gt": now})
        if issubclass(model, Publishable):
            # A draft's dates change nothing; a scheduled or live item's do (it appears, leaves).
            query = query.filter(~model.draft_q())
        sql, part_params = query.order_by(name).values_list(name)[:1].query.sql_with_params()
        parts.append(f"({sql})")
        params.extend(part_params)
    if not parts:
        return None
    # LEAST ignores NULLs: a model with nothing scheduled does not count.
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT LEAST({', '.join(parts)})", params)
        return cursor.fetchone()[0]


def _next_change_timestamp(generation: int) -> float | None:
    """next_scheduled_change() as a timestamp, cached with the generation it was computed for."""
    cache = _cache()
    now = time.time()
    stored = cache.get(SCHEDULE_KEY)
    if stored and stored[0] == generation and (stored[1] is None or stored[1] > now):
        return stored[1]
    moment = next_scheduled_change()
    timestamp = moment.timestamp() if moment else None
    lifetime = settings.PAGE_CACHE_SECONDS if timestamp is None else timestamp - now
    cache.set(SCHEDULE_KEY, (generation, timestamp), timeout=max(1, min(lifetime, 86400)))
    return timestamp


def _seconds_to_midnight() -> float:
    now = timezone.localtime()
    tomorrow = timezone.make_aware(datetime.combine(now.date() + timedelta(days=1), dt_time.min))
    return (tomorrow - now).total_seconds()


def entry_lifetime(generation: int) -> int:
    """Whole seconds an entry stored now may live (0: do not store it)."""
    limits = [settings.PAGE_CACHE_SECONDS, _seconds_to_midnight()]
    next_change = _next_change_timestamp(generation)
    if next_change is not None:
        limits.append(next_change - time.time())
    return max(0, math.floor(min(limits)))


# --- Values computed from the content ---------------------------------------------------------


def remember(name: str, compute):
    """`compute()`, kept in the cache for the current content generation and no longer than a
    page stored now would be. For what a page computes over all the content and only changes
    with it (the years and networks a list can be filtered by): served from the database, the
    page's other addresses (?page=2, ?year=2024…) then skip that work. Off with FRAGMENT_CACHE.
    """
    if not getattr(settings, "FRAGMENT_CACHE", False):
        return compute()
    cache = _cache()
    key = MEMO_KEY.format(name=name)
    found = cache.get_many([GENERATION_KEY, key])
    generation = found.get(GENERATION_KEY) or renew_lease()
    if generation is None:
        return compute()
    stored = found.get(key)
    if stored is not None and stored[0] == generation:
        return stored[1]
    value = compute()
    lifetime = entry_lifetime(generation)
    if lifetime >= 1:
        cache.set(key, (generation, value), timeout=lifetime)
    return value


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
                _raise_stored_generation()
            except DatabaseError as error:
                logger.warning("Page cache generation not raised at start: %s", error)

    def __call__(self, request):
        if not request_is_cacheable(request):
            return self.get_response(request)
        language = _request_language(request)
        assert language is not None  # request_is_cacheable() checked it
        key = page_key(request, language)
        # One round trip: the generation's copy (present only while its lease runs) and the page.
        found = _cache().get_many([GENERATION_KEY, key])
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
        entry = {"generation": generation, "body": body, "nonce": bool(nonce), "headers": headers}
        _cache().set(key, entry, timeout=lifetime)
        response.headers["X-Page-Cache"] = "miss"
