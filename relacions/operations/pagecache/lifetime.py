"""How long a cached page may live: no longer than the next scheduled change of the content, the
next local midnight or PAGE_CACHE_SECONDS; and `remember()`, values kept as long as such a page."""

import math
import pickle
import re
import threading
import time
from collections.abc import Iterable
from datetime import datetime, timedelta
from datetime import time as dt_time
from typing import Any

from django.conf import settings
from django.db import connection
from django.utils import timezone

from relacions.core.declaration import schedule_fields
from relacions.core.models import Publishable

from . import near
from .generation import (
    ALL,
    GENERATION_KEY,
    TABLES_KEY,
    cache_backend,
    content_models,
    content_tables,
    lease_seconds,
    renew_lease,
    tables_since,
)

SCHEDULE_KEY = "pagecache:schedule"
MEMO_KEY = "pagecache:memo:{name}"


# --- The next scheduled change ----------------------------------------------------------------


def _schedule_fields():
    """(model, field name) pairs whose future values are moments when public pages change."""
    for model in content_models():
        fields = list(schedule_fields(model))
        if issubclass(model, Publishable):
            fields = ["publish_at", "unpublish_at", *fields]
        for name in fields:
            yield model, name


def next_scheduled_change(now: datetime | None = None) -> datetime | None:
    """The soonest moment after `now` when a published item appears, leaves or (for the extra
    fields) moves: one query whatever the number of models."""
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
    cache = cache_backend()
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


_reading = threading.local()  # the tables read by the values being computed, innermost last
_QUOTED = re.compile(r'"([^"]+)"')


def note(tables: Iterable[str]) -> None:
    """`tables` were read for the value being computed, if any (so for every value around it):
    for what a value uses that was read before it, outside its queries (an object given to it,
    a value kept on the request)."""
    stack = getattr(_reading, "stack", None)
    if stack:
        stack[-1].update(tables)


def _record(execute, sql, params, many, context):
    note(name for name in _QUOTED.findall(sql) if name in content_tables())
    return execute(sql, params, many, context)


def _compute(compute) -> tuple[Any, tuple[str, ...]]:
    """`compute()`, with the content tables its queries read, and those of the kept values it
    used (read once, when they were computed)."""
    stack = _reading.__dict__.setdefault("stack", [])
    read: set[str] = set()
    stack.append(read)
    try:
        with connection.execute_wrapper(_record):
            value = compute()
    finally:
        stack.pop()
    note(read)
    return value, tuple(sorted(read))


def _still_good(stored, generation: int, copies) -> bool:
    """Whether a value kept as `stored` — (the generation it was computed in, the value, the
    moment it ends, the tables it read) — may be served in `generation`: computed in it, or in
    an earlier one when none of the tables it read has changed since, and no change that may
    have touched any (ALL) has been made since either."""
    if not (isinstance(stored, tuple) and len(stored) == 4):
        return False
    computed_in, tables = stored[0], None
    if computed_in == generation:
        return True
    if computed_in > generation:
        return False
    if copies is not None:
        tables = copies.get(TABLES_KEY, generation)
    if tables is None or tables is near.MISSING:
        tables = tables_since(generation)
        if tables is not None and copies is not None:
            copies.put(TABLES_KEY, generation, tables, lease_seconds())
    if tables is None:
        return False
    return all(tables.get(name, 0) <= computed_in for name in (ALL, *stored[3]))


def remember(name: str, compute):
    """`compute()`, kept in the cache no longer than a page stored now would be, and until a
    table it read changes (the content generation tells: a value computed in one generation is
    still good in the next ones while no change touched what it read). For what a page computes
    over all the content and only changes with it (the years and networks a list can be
    filtered by, a list's count, the site's header): served from the database, the page's other
    addresses (?page=2, ?year=2024…), and its next render after a publish that did not touch
    what the value read, skip that work. The tables are those of the value's queries, and of the
    kept values it used; a value must read the content through queries (not the cache's other
    entries). Off with FRAGMENT_CACHE.
    """
    return remember_noted(name, compute)[0]


def remember_noted(name: str, compute) -> tuple[Any, tuple[str, ...]]:
    """`remember()`, and the tables the value read: for a caller that keeps the value on the
    request, to `note()` them each time it gives the value again."""
    if not getattr(settings, "FRAGMENT_CACHE", False):
        return compute(), ()  # nothing is kept, so nothing kept around it either
    cache = cache_backend()
    key = MEMO_KEY.format(name=name)
    copies = near.copies()
    if copies is not None:
        # This process's copy, read earlier in the same generation (pagecache.near).
        generation = near.generation(copies)
        if generation is None:
            return _compute(compute)
        kept = copies.get(key, generation)
        if kept is not near.MISSING:
            note(kept[1])
            # An object of its own, as the cache gives: it may be changed.
            return pickle.loads(kept[0]), kept[1]
        stored = cache.get(key)
    else:
        found = cache.get_many([GENERATION_KEY, key])
        generation = found.get(GENERATION_KEY) or renew_lease()
        if generation is None:
            return _compute(compute)
        stored = found.get(key)
    if _still_good(stored, generation, copies):
        note(stored[3])
        if copies is not None:
            kept = (pickle.dumps(stored[1]), stored[3])
            copies.put(key, generation, kept, stored[2] - time.time())
        return stored[1], stored[3]
    value, read = _compute(compute)
    lifetime = entry_lifetime(generation)
    if lifetime >= 1:
        cache.set(key, (generation, value, time.time() + lifetime, read), timeout=lifetime)
        if copies is not None:
            copies.put(key, generation, (pickle.dumps(value), read), lifetime)
    return value, read
