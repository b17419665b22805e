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
    (operations.PageCacheGeneration) and raised, inside the saving transaction, by `post_save`,
    `post_delete` and `m2m_changed` of every model of the apps whose declaration keeps `page_cache`
    on (content.py: the content apps, images and pages); it commits or rolls back with the change (a
    preview's rolled-back save leaves it alone). A hit needs the generation too, and reads the
    cache's copy of it in the same round trip as the page (one MGET, no query): that copy is a
    *lease*, stored until `PAGE_CACHE_LEASE_SECONDS` after a moment taken before the row was read,
    and renewed from the row (one query) by the first request after it ends, and by each miss once
    its page is rendered. A raise locks the row (no lease can be renewed meanwhile) and waits one
    lease before its transaction commits, so by the commit every copy of an older generation has
    expired, in Redis or in any process, whether or not the cache could be reached when the change
    was saved (paused, stopped, restarted: see docs/OPERATIONS.md). A request stores its page under
    the generation it read before the view ran, so a page rendered from rows older than a commit is
    never served after it. Raising the number makes every entry unreachable at once: there is
    nothing to look up per URL, and nothing to forget (a relation, a list page, the home page).
    The same raise notes the changed table in a row of its own, so a value kept with the
    generation (`remember()`) that read none of the changed tables is still served (`lifetime`).

    What changes with time alone is bounded too: no entry lives past the next scheduled change
    — the soonest future `publish_at` / `unpublish_at` of a published item of any `Publishable`
    model in those apps, or of a field their declaration names in `schedule` (an event's end
    moves it from the agenda to the archive) — nor past the next local midnight (memberships
    "in force today", "upcoming"), nor `PAGE_CACHE_SECONDS`. The soonest change is one query,
    made once per generation and kept in the cache until it passes.

    Changes that send no signal (`QuerySet.update()`, `bulk_create()`, raw SQL) must call
    `bump_generation()`; `restore` and the benchmarks' scale data do, and data migrations send
    `relacions.core.signals.content_changed`, which calls it. A plain `save()` outside a
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

The caching proxy
    A page served or stored under a known generation may be kept by the caching reverse proxy in
    front of the replicas for PROXY_CACHE_SECONDS at most; the raise that makes cached pages
    stale bans them from every proxy of PROXY_PURGE_URLS before its transaction commits, or
    waits until they have expired when a proxy cannot be reached (`proxy`).

The package: `generation` (the content generation, its lease and the signals that raise it),
`lifetime` (how long an entry may live: the next scheduled change, midnight; `remember()`),
`middleware` (what may be cached, and the middleware that serves and stores pages) and `proxy`
(what the caching proxy may keep, and its ban). What the
rest of the project calls is imported here.
"""

from .generation import (
    bump_generation,
    connect_signals,
    content_models,
    current_generation,
    rolled_back,
)
from .lifetime import entry_lifetime, next_scheduled_change, note, remember, remember_noted
from .middleware import no_page_cache, skip_page_cache

__all__ = [
    "bump_generation",
    "connect_signals",
    "content_models",
    "current_generation",
    "entry_lifetime",
    "next_scheduled_change",
    "no_page_cache",
    "note",
    "remember",
    "remember_noted",
    "rolled_back",
    "skip_page_cache",
]
