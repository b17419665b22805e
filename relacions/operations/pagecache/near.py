"""Near copies: this process's own copies of what the shared cache keeps for a content generation.

With Redis as the cache (production), an uncached page asked it, in two to five round trips, for
what it had kept: the content generation with the site's chrome, with the header and footer of
its section, with a list's filter choices and its count (`remember()`), then the rendered
fragments of its cards or article. Each round trip is a few microseconds of Redis's own work but
a system call and a wait for another process on a busy machine: in-process, 14–17 % of the CPU
time of the pages measured (docs/BENCHMARKS.md).

Everything read that way is either the generation itself or a value that never changes for a given
key and generation (a kept value is stored with the generation it was computed for, and is good
in this one when the tables it read have not changed since; a fragment's key holds its
versions). So a process keeps what it read, tagged with the generation, and reads
Redis again only for what it has not seen in this generation:

- **the generation**, for no longer than the cache's copy lives: read with its remaining time
  (one round trip, `TolerantRedisCache.get_with_ttl`), or renewed by this process
  (`renew_lease`), and kept until that time is up, counted from a moment taken *before* the read.
  So it ends no later than the copy in Redis, and the lease (generation.py) holds for it as for
  that copy: a raise waits one lease before its transaction commits, and by the commit every near
  copy of an older generation has expired in every process too. In the process that raises, the
  copy is dropped at once, as the cache's copy is;
- **kept values and fragments**, all read in the generation kept beside them, each with its own
  end (a kept value's, which the schedule bounds; a fragment's, FRAGMENT_CACHE_SECONDS): found
  here only while that generation is the one asked for. A new generation drops them all: after
  a publish each process reads every value again once (from Redis: a fragment that did not
  change is not rendered again).

Only in front of a shared cache that can say how long its copy lives (`get_with_ttl`): with the
per-process local-memory cache (development, tests) the cache is already this near and there are
no copies. `clear()` on the cache drops them (tests), as `fragments.forget()` and a raise do.
Bounded: MAX_ENTRIES values per process, the least recently used dropped first; each thread has
its own cache object (Django's), hence its own copies.
"""

import time
from collections import OrderedDict
from typing import Any

from .generation import GENERATION_KEY, cache_backend, renew_lease

MAX_ENTRIES = 2000
MISSING = object()


class NearCopies:
    def __init__(self):
        self.generation: int | None = None
        self.until = 0.0  # time.monotonic() when the copy of the generation ends
        # key → (time.monotonic() when it ends, value): all read in `generation`
        self.entries: OrderedDict[str, tuple[float, Any]] = OrderedDict()

    def current(self) -> int | None:
        if self.generation is not None and time.monotonic() < self.until:
            return self.generation
        return None

    def keep_generation(self, generation: int, until: float) -> None:
        if generation != self.generation:
            self.entries.clear()  # read for another generation: never found again
        self.generation, self.until = generation, until

    def drop_generation(self) -> None:
        self.generation, self.until = None, 0.0

    def get(self, key: str, generation: int) -> Any:
        entry = self.entries.get(key)
        if entry is None or generation != self.generation or time.monotonic() >= entry[0]:
            return MISSING
        self.entries.move_to_end(key)
        return entry[1]

    def put(self, key: str, generation: int, value: Any, seconds: float) -> None:
        if generation != self.generation or seconds <= 0:
            return
        self.entries[key] = (time.monotonic() + seconds, value)
        self.entries.move_to_end(key)
        while len(self.entries) > MAX_ENTRIES:
            self.entries.popitem(last=False)


def copies() -> NearCopies | None:
    """This process's (thread's) copies for the cache in use; None unless it is a shared one."""
    cache = cache_backend()
    if not hasattr(cache, "get_with_ttl"):
        return None
    near = getattr(cache, "near", None)
    if near is None:
        near = cache.near = NearCopies()
    return near


def generation(near: NearCopies) -> int | None:
    """The generation, from the near copy while it lasts; else from the cache's copy, with the time
    it has left; else renewed from the database (None when it cannot be known now)."""
    found = near.current()
    if found is not None:
        return found
    started = time.monotonic()  # before the read: the near copy cannot outlive the cache's
    value, seconds = cache_backend().get_with_ttl(GENERATION_KEY)
    if value is None:
        return renew_lease()  # keeps its own near copy
    if seconds:
        near.keep_generation(value, started + seconds)
    return value


def keep_renewed(generation: int, started: float, seconds: float) -> None:
    """The generation this process has just copied into the cache, until `seconds` after
    `started` (time.monotonic(), taken before the row was read)."""
    near = copies()
    if near is not None:
        near.keep_generation(generation, started + seconds)


def drop_generation() -> None:
    near = copies()
    if near is not None:
        near.drop_generation()


def forget() -> None:
    near = copies()
    if near is not None:
        near.drop_generation()
        near.entries.clear()
