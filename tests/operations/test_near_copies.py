"""Near copies (relacions.operations.pagecache.near): with Redis as the cache, a process keeps what
it read for the content generation, and asks Redis nothing more for it; never past the
generation's lease, the value's own end, a change, `forget()` or `clear()`.

At the end, the staleness tests of the rendered fragments, the kept counts and the kept values run
again here, with a redis-server of their own as the cache: with near copies, as production runs.
"""

import datetime
import time

import pytest
import redis as redis_py
from django.core.cache import cache
from django.utils import timezone

from relacions.news.models import NewsItem
from relacions.operations.pagecache import fragments, near, remember
from relacions.operations.pagecache.generation import raise_stored_generation
from relacions.pages.models import Page
from tests.factories import NewsItemFactory, PageFactory
from tests.helpers import url_of, visit

from .test_fragments import *  # noqa: F403  (run again, with near copies)
from .test_kept_counts import *  # noqa: F403  (run again, with near copies)
from .test_kept_values import *  # noqa: F403  (run again, with near copies)

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("redis", "fragment_cache", "site_settings"),
]


def commands(server, since: dict) -> dict[str, int]:
    """The Redis commands run since `since` (an earlier `info("commandstats")`), by name."""
    now = server.info("commandstats")
    calls = {
        name.removeprefix("cmdstat_"): stats["calls"] - since.get(name, {}).get("calls", 0)
        for name, stats in now.items()
        if name != "cmdstat_info"
    }
    return {name: count for name, count in calls.items() if count}


def changed_behind_this_process(page: Page, title: str) -> None:
    """A menu page renamed and the generation raised by SQL alone, as another process's change
    looks from here (no signal in this process drops its copies)."""
    Page.objects.filter(pk=page.pk).update(title_ca=title)
    raise_stored_generation()


def test_a_page_asks_redis_nothing_it_read_in_this_generation(client, redis, settings):
    """The news list: the generation, its chrome, filter choices and count (kept values) and its
    cards (fragments) come from this process's copies; the kept values are objects of their own
    (the view changes its filter choices)."""
    PageFactory(show_in_menu=True, title_ca="Qui som")
    NewsItemFactory.create_batch(3)
    settings.PAGE_CACHE_LEASE_SECONDS = 30
    server = redis_py.Redis(port=redis.port)
    first, _ = visit(client, url_of("news:list"))
    before = server.info("commandstats")
    again, _ = visit(client, url_of("news:list"))
    assert again == first and "Qui som" in again
    assert commands(server, before) == {}


def test_a_change_saved_here_shows_at_once(client, settings):
    page = PageFactory(show_in_menu=True, title_ca="Qui som")
    settings.PAGE_CACHE_LEASE_SECONDS = 30
    assert "Qui som" in visit(client, url_of("news:list"))[0]
    page.title_ca = "La nostra oficina"
    page.save()
    shown = visit(client, url_of("news:list"))[0]
    assert "La nostra oficina" in shown and "Qui som" not in shown


def test_a_change_saved_elsewhere_shows_when_the_lease_ends(client, redis, settings):
    """Another process's change waits one lease before it commits (generation.py): a copy of
    the generation never outlives the lease it was read under, here or in Redis."""
    page = PageFactory(show_in_menu=True, title_ca="Qui som")
    settings.PAGE_CACHE_LEASE_SECONDS = 1
    assert "Qui som" in visit(client, url_of("news:list"))[0]
    read_at = time.monotonic()
    changed_behind_this_process(page, "La nostra oficina")
    redis_py.Redis(port=redis.port).flushall()  # nor does Redis keep anything of before
    time.sleep(max(0.0, read_at + 1.05 - time.monotonic()))
    shown = visit(client, url_of("news:list"))[0]
    assert "La nostra oficina" in shown and "Qui som" not in shown


def test_clearing_the_cache_drops_the_copies(client, settings):
    page = PageFactory(show_in_menu=True, title_ca="Qui som")
    settings.PAGE_CACHE_LEASE_SECONDS = 30
    assert "Qui som" in visit(client, url_of("news:list"))[0]
    changed_behind_this_process(page, "La nostra oficina")
    cache.clear()
    shown = visit(client, url_of("news:list"))[0]
    assert "La nostra oficina" in shown and "Qui som" not in shown


def test_forgetting_the_fragments_drops_their_copies(client, settings):
    """A restored backup: rows back without a save, so with the versions of the fragments kept
    (fragments.forget())."""
    item = NewsItemFactory(body_ca="<p>Cos desat</p>")
    settings.PAGE_CACHE_LEASE_SECONDS = 30
    assert "Cos desat" in visit(client, url_of(item))[0]
    NewsItem.objects.filter(pk=item.pk).update(body_ca="<p>Cos restaurat</p>")
    fragments.forget()
    shown = visit(client, url_of(item))[0]
    assert "Cos restaurat" in shown and "Cos desat" not in shown


def test_a_kept_value_s_copy_ends_with_it(settings):
    """A value is kept no longer than a page would be: here until a scheduled publication."""
    NewsItemFactory(publish_at=timezone.now() + datetime.timedelta(seconds=1.5))
    settings.PAGE_CACHE_LEASE_SECONDS = 30
    computed = []

    def compute():
        computed.append(len(computed) + 1)
        return computed[-1]

    assert remember("near-test", compute) == 1
    assert remember("near-test", compute) == 1
    time.sleep(1.6)
    assert remember("near-test", compute) == 2


def test_without_redis_there_are_no_copies(settings):
    """The per-process cache (development, tests) is near already."""
    assert near.copies() is not None
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    assert near.copies() is None
