"""How long a cached page may live: no longer than the next scheduled change of the content, the
next local midnight or PAGE_CACHE_SECONDS; and `remember()`, values kept as long as such a page."""

import math
import pickle
import time
from datetime import datetime, timedelta
from datetime import time as dt_time

from django.conf import settings
from django.db import connection
from django.utils import timezone

from relacions.core.declaration import schedule_fields
from relacions.core.models import Publishable

from . import near
from .generation import GENERATION_KEY, cache_backend, content_models, renew_lease

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


def remember(name: str, compute):
    """`compute()`, kept in the cache for the current content generation and no longer than a
    page stored now would be. For what a page computes over all the content and only changes
    with it (the years and networks a list can be filtered by): served from the database, the
    page's other addresses (?page=2, ?year=2024…) then skip that work. Off with FRAGMENT_CACHE.
    """
    if not getattr(settings, "FRAGMENT_CACHE", False):
        return compute()
    cache = cache_backend()
    key = MEMO_KEY.format(name=name)
    copies = near.copies()
    if copies is not None:
        # This process's copy, read earlier in the same generation (pagecache.near).
        generation = near.generation(copies)
        if generation is None:
            return compute()
        kept = copies.get(key, generation)
        if kept is not near.MISSING:
            return pickle.loads(kept)  # an object of its own, as the cache gives: it may be changed
        stored = cache.get(key)
    else:
        found = cache.get_many([GENERATION_KEY, key])
        generation = found.get(GENERATION_KEY) or renew_lease()
        if generation is None:
            return compute()
        stored = found.get(key)
    # (generation, value, the moment it ends): the near copy ends with it.
    if isinstance(stored, tuple) and len(stored) == 3 and stored[0] == generation:
        if copies is not None:
            copies.put(key, generation, pickle.dumps(stored[1]), stored[2] - time.time())
        return stored[1]
    value = compute()
    lifetime = entry_lifetime(generation)
    if lifetime >= 1:
        cache.set(key, (generation, value, time.time() + lifetime), timeout=lifetime)
        if copies is not None:
            copies.put(key, generation, pickle.dumps(value), lifetime)
    return value
