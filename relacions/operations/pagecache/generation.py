"""The page cache's content generation: the number every cached page belongs to, raised by every
change of content (see the package's docstring)."""

import contextlib
import functools
import hashlib
import threading
import time
from collections.abc import Iterable

from django.conf import settings
from django.core.cache import caches
from django.db import connection, models, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from relacions.core.declaration import page_cache_models
from relacions.core.signals import content_changed

from ..models import PageCacheGeneration
from . import proxy

GENERATION_KEY = "pagecache:generation"
# (generation, {table: the generation of its last change}): stored with the generation's copy.
TABLES_KEY = "pagecache:tables"


def cache_backend():
    return caches[getattr(settings, "PAGE_CACHE_ALIAS", "default")]


def enabled() -> bool:
    return getattr(settings, "PAGE_CACHE", False)


# --- The content generation -------------------------------------------------------------------
#
# The truth is one row in PostgreSQL (operations.PageCacheGeneration), raised in the transaction
# that changes content. The cache holds a copy under GENERATION_KEY on a *lease*: it is stored until
# a moment PAGE_CACHE_LEASE_SECONDS after a time taken *before* the row was read, and a raise waits
# that long after locking the row before its transaction may commit. While the row is locked by a
# raise nobody may renew the lease (FOR SHARE SKIP LOCKED finds no row). So when a change commits,
# every copy of an older generation has expired, wherever it is and whether or not the cache could
# be reached when the change was saved. See docs/OPERATIONS.md, "Cached pages when Redis is down".

_CLOCK_SQL = "(extract(epoch FROM clock_timestamp()) * 1000000)::bigint"

# Beside the generation (row 1), each content table has a row of its own holding the generation
# of its last change (ALL: a change made without signals, which may have touched any table, or a
# starting process). A value kept with the generation (`lifetime.remember`) notes the tables it
# read, and is still good in a later generation when none of them has changed since: a news item
# published leaves the agreements' filter choices and the site's header as they were.
ALL = "*"


@functools.cache
def _table_ids() -> dict[str, int]:
    """Each content table's row id (and ALL's): a stable number from its name, never 1."""
    names = [ALL, *(model._meta.db_table for model in content_models())]
    return {
        name: int.from_bytes(hashlib.blake2b(name.encode(), digest_size=7).digest()) + 2
        for name in names
    }


@functools.cache
def content_tables() -> frozenset[str]:
    return frozenset(_table_ids()) - {ALL}


def tables_of(*objects: models.Model | type[models.Model]) -> list[str]:
    """The tables a model's rows are written in (a child model's parents' too)."""
    tables = []
    for obj in objects:
        model = obj if isinstance(obj, type) else type(obj)
        concrete = model._meta.concrete_model or model  # a proxy's rows are its model's
        tables += [each._meta.db_table for each in (concrete, *model._meta.get_parent_list())]
    return tables


def _table() -> str:
    return connection.ops.quote_name(PageCacheGeneration._meta.db_table)


def _raise_sql() -> str:
    # The clock keeps a generation from ever coming back: after a restored backup (an older
    # value) or a truncated table the next value is still above every earlier one. The changed
    # table's row takes the new generation in the same statement; a new row 1 (a truncated
    # table) takes ALL's too, so nothing kept before it is trusted.
    table = _table()
    return (
        f"WITH raised AS (INSERT INTO {table} AS g (id, value) VALUES (1, {_CLOCK_SQL}) "
        f"ON CONFLICT (id) DO UPDATE SET value = GREATEST(g.value + 1, EXCLUDED.value) "
        f"RETURNING value, xmax = 0 AS inserted) "
        f"INSERT INTO {table} AS g (id, value) "
        f"SELECT unnest(%s::bigint[]), value FROM raised "
        f"UNION SELECT %s, value FROM raised WHERE inserted "
        f"ON CONFLICT (id) DO UPDATE SET value = EXCLUDED.value "
        f"RETURNING (SELECT value FROM raised)"
    )


def lease_seconds() -> float:
    return getattr(settings, "PAGE_CACHE_LEASE_SECONDS", 0.5)


def raise_stored_generation(tables: Iterable[str] = (ALL,)) -> int:
    """Raise the generation for a change of `tables` (content tables' names; ALL when the change
    may have touched any: so is a table that is not content's)."""
    ids = _table_ids()
    changed = sorted({ids.get(name, ids[ALL]) for name in tables} or {ids[ALL]})
    with connection.cursor() as cursor:
        cursor.execute(_raise_sql(), [changed, ids[ALL]])
        return cursor.fetchone()[0]


def _read_stored_generation() -> tuple[int, dict[str, int]] | None:
    """The committed generation with each table's last change (ALL's among them); None while a
    raise holds the row (not committed yet)."""
    table = _table()
    with connection.cursor() as cursor:
        # SKIP LOCKED: no row while a raise holds it, and no error to undo in a transaction.
        cursor.execute(
            f"SELECT value, (SELECT array_agg(ARRAY[id, value]) FROM {table} WHERE id <> 1) "
            f"FROM {table} WHERE id = 1 FOR SHARE SKIP LOCKED"
        )
        row = cursor.fetchone()
        if row:
            names = {number: name for name, number in _table_ids().items()}
            tables = {names[i]: value for i, value in row[1] or () if i in names}
            return row[0], tables
        cursor.execute(f"SELECT EXISTS (SELECT FROM {table} WHERE id = 1)")
        if cursor.fetchone()[0]:
            return None
    generation = raise_stored_generation()  # no row yet (a new or flushed table)
    return generation, {ALL: generation}


def _cache_clock(cache) -> float | None:
    clock = getattr(cache, "clock", None)
    return clock() if clock else time.time()


def _store_until(cache, key: str, value, until: float) -> None:
    if hasattr(cache, "set_until"):
        cache.set_until(key, value, until)
    elif until > time.time():
        cache.set(key, value, timeout=until - time.time())


def tables_since(generation: int) -> dict[str, int] | None:
    """Each content table's last change (by generation) while `generation` is current, from the
    copy stored with it; None when that copy is gone or is another generation's."""
    stored = cache_backend().get(TABLES_KEY)
    if isinstance(stored, tuple) and len(stored) == 2 and stored[0] == generation:
        return stored[1]
    return None


def renew_lease() -> int | None:
    """Copy the committed generation into the cache for one lease and return it; None when it
    cannot be known now (a change is being committed, the cache is unreachable): then nothing is
    served from the page cache or stored in it."""
    from . import near

    cache = cache_backend()
    started_here = time.monotonic()
    started = _cache_clock(cache)  # before the read: the lease cannot outlive what was read
    if started is None:
        return None
    found = _read_stored_generation()
    if found is None:
        return None
    generation, tables = found
    _store_until(cache, GENERATION_KEY, generation, started + lease_seconds())
    _store_until(cache, TABLES_KEY, (generation, tables), started + lease_seconds())
    near.keep_renewed(generation, started_here, lease_seconds())
    return generation


def current_generation() -> int | None:
    value = cache_backend().get(GENERATION_KEY)
    return value if value is not None else renew_lease()


def _drop_copy() -> None:
    """The cache's copy of the generation, and this process's near copy of it."""
    from . import near

    cache_backend().delete(GENERATION_KEY)
    near.drop_generation()


def _committed():
    # Once the change is visible the copy is renewed from the row at the next request.
    _drop_copy()


def bump_generation(tables: Iterable[str] = (ALL,)) -> None:
    """Make every cached page stale when the current transaction commits (at once outside one);
    `tables`: the content tables changed (ALL: any may have been).

    The signals of every content model call it; so must what changes public content without
    them (`QuerySet.update()`, `bulk_create()`, raw SQL, a restored backup). A transaction that
    rolls back (a preview) leaves the generation, and the pages, as they were.
    """
    first = not any(entry[1] is _committed for entry in connection.run_on_commit)
    raise_stored_generation(tables)
    locked_at = time.monotonic()
    # This connection's own copy: in its transaction it reads the raised row (tests do).
    _drop_copy()
    if connection.in_atomic_block and first:
        transaction.on_commit(_committed)
        # Every lease granted before the row was locked ends before this transaction commits,
        # whether or not the cache can be reached now.
        time.sleep(max(0.0, locked_at + lease_seconds() - time.monotonic()))
        # Then the caching proxies drop their pages, still before the commit (or it waits until
        # an unreachable proxy's pages have expired): pagecache.proxy.
        proxy.purge_before_commit(locked_at=locked_at, lease=lease_seconds())
    elif not connection.in_atomic_block:
        # Committed already (no transaction): as the cache's copy, a proxy that cannot be
        # reached now may serve the older pages until they expire (PROXY_CACHE_SECONDS).
        proxy.ban_pages()


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


def in_rolled_back() -> bool:
    """Inside `rolled_back()`: what is rendered now shows rows nobody else will ever see."""
    return getattr(_local, "rolled_back", False)


def _watched() -> bool:
    if in_rolled_back():
        return False
    return enabled() or getattr(settings, "FRAGMENT_CACHE", False)


def _content_changed(sender, **kwargs):
    if kwargs.get("action", "post_").startswith("pre_"):
        return  # m2m_changed: only after the change
    if _watched():
        bump_generation(tables_of(sender))


def _changed_without_signals(sender, **kwargs):
    # relacions.core.signals.content_changed: a change that sent no model signal (a data
    # migration, bulk writes), so whether the page cache is on or not, as bump_generation().
    # The rendered fragments are keyed by the versions saves raise: these changes raise none.
    from . import fragments

    bump_generation()
    fragments.forget()


def content_models():
    """Every model (M2M tables included) of the apps whose declaration (content.py) leaves
    `page_cache` on: the content apps, images and pages."""
    return page_cache_models()


@functools.cache
def connect_signals() -> None:
    """Connect the generation counter to every content model, and to core's `content_changed`
    (sent by what changes content without model signals); idempotent."""
    content_changed.connect(_changed_without_signals, dispatch_uid="pagecache-content-changed")
    for model in content_models():
        uid = f"pagecache-{model._meta.label_lower}"
        post_save.connect(_content_changed, sender=model, dispatch_uid=uid)
        post_delete.connect(_content_changed, sender=model, dispatch_uid=uid)
        if model._meta.auto_created:
            m2m_changed.connect(_content_changed, sender=model, dispatch_uid=uid)
