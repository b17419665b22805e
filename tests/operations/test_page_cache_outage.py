"""The page cache is never stale across a Redis outage: a real redis-server of this test's own
(never the shared one) is paused, or stopped and restarted, while content is saved.

Each edit is committed in a transaction, as the admin saves. After the outage the page is asked
for as a worker that never noticed Redis was gone would ask: from the cache, at once.
"""

import pytest
from django.db import transaction
from django.utils import translation

from relacions.news.models import NewsItem
from relacions.operations import cache as tolerant
from tests.factories import NewsItemFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("page_cache", "chrome"),
]


def address(obj=None, name="news:list") -> str:
    from django.urls import reverse

    with translation.override("ca"):
        return obj.get_absolute_url() if obj else reverse(name)


def served_from_cache(client, path: str):
    response = client.get(path)
    assert response.status_code == 200
    if response.get("X-Page-Cache") == "miss":
        response = client.get(path)
    assert response["X-Page-Cache"] == "hit"
    return response.text


def as_a_worker_that_saw_no_outage(client, path: str):
    """The page, asked for at once by a process that never found Redis unreachable."""
    tolerant._down_until.clear()
    return client.get(path)


def test_an_item_unpublished_while_redis_is_paused_is_gone_when_it_resumes(client, redis):
    item = NewsItemFactory(title_ca="Retirada durant la pausa")
    detail = address(item)
    assert "Retirada durant la pausa" in served_from_cache(client, address())
    served_from_cache(client, detail)

    redis.pause()
    with transaction.atomic():
        item.status = NewsItem.Status.DRAFT
        item.save()
    redis.resume()

    assert as_a_worker_that_saw_no_outage(client, detail).status_code == 404
    listing = as_a_worker_that_saw_no_outage(client, address())
    assert "Retirada durant la pausa" not in listing.text
    # The cache works again, under the new generation.
    assert "Retirada durant la pausa" not in served_from_cache(client, address())


def test_an_edit_saved_while_redis_is_paused_is_shown_when_it_resumes_soon(client, redis):
    """Paused for less than a lease: the copy read before the pause is still unexpired when
    Redis answers again, but the edit waited it out before committing."""
    item = NewsItemFactory(title_ca="Abans")
    detail = address(item)
    served_from_cache(client, detail)

    redis.pause()
    resumed = False
    try:
        with transaction.atomic():
            item.title_ca = "Després"
            item.save()
            redis.resume()  # before the commit
            resumed = True
    finally:
        if not resumed:
            redis.resume()

    page = as_a_worker_that_saw_no_outage(client, detail).text
    assert "Després" in page and "Abans" not in page


def test_an_edit_saved_while_redis_is_stopped_is_shown_after_it_restarts(client, redis):
    """Redis comes back from its snapshot with the pages and the copy of the generation it had
    before the edit."""
    from django.core.cache import cache

    item = NewsItemFactory(title_ca="Abans de l'aturada")
    detail = address(item)
    served_from_cache(client, detail)
    served_from_cache(client, address())

    redis.stop()
    with transaction.atomic():
        item.title_ca = "Desada amb Redis parat"
        item.save()
    redis.start(cache)

    for path in (detail, address()):
        page = as_a_worker_that_saw_no_outage(client, path).text
        assert "Desada amb Redis parat" in page and "Abans de l" not in page
    assert "Desada amb Redis parat" in served_from_cache(client, detail)


def test_a_hit_is_one_mget_and_no_query(client, redis, settings, django_assert_num_queries):
    """The lease costs nothing on a hit: the copy of the generation and the page come in one
    round trip, and PostgreSQL is not asked."""
    import redis as redis_py

    settings.PAGE_CACHE_LEASE_SECONDS = 30  # still running when the hit is counted
    item = NewsItemFactory()
    served_from_cache(client, address(item))
    server = redis_py.Redis(port=redis.port)
    before = server.info("commandstats")
    with django_assert_num_queries(0):
        assert client.get(address(item))["X-Page-Cache"] == "hit"
    after = server.info("commandstats")
    calls = {
        name: stats["calls"] - before.get(name, {}).get("calls", 0)
        for name, stats in after.items()
        if name != "cmdstat_info"
    }
    assert {name: count for name, count in calls.items() if count} == {"cmdstat_mget": 1}
