"""The whole-page cache: anonymous visitors get stored pages, never stale ones.

Each way a public page can change is tested: an edit, publishing, unpublishing, deleting, a
relation added, a scheduled item reaching its `publish_at`, an item passing its `unpublish_at`,
an event ending. The scheduled cases wait a few real seconds: nothing is mocked, the entries
expire as they would in production.
"""

import datetime
import os
import re
import subprocess
import sys
import time

import pytest
from django.db import connection, transaction
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django.views.decorators.cache import never_cache

from relacions.news.models import NewsItem
from relacions.operations import pagecache
from relacions.operations.pagecache import middleware as cache_middleware
from tests.factories import EventFactory, NetworkFactory, NewsItemFactory
from tests.factories.events import PastEventFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache", "chrome")]

DRAFT, PUBLISHED = NewsItem.Status.DRAFT, NewsItem.Status.PUBLISHED


def url(name: str, language: str = "ca", **kwargs) -> str:
    with translation.override(language):
        return reverse(name, kwargs=kwargs)


def detail(obj, language: str = "ca") -> str:
    with translation.override(language):
        return obj.get_absolute_url()


def get(client, address: str, **headers):
    """(response, number of queries it made)."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(address, headers=headers)
    return response, len(queries)


def cached(client, address: str) -> str:
    """Fill the cache for `address` and check the next visit is served from it."""
    first, _ = get(client, address)
    assert first.status_code == 200
    assert first["X-Page-Cache"] == "miss"
    second, queries = get(client, address)
    assert second["X-Page-Cache"] == "hit"
    assert queries == 0
    return second.content.decode()


def fresh(client, address: str) -> str:
    response, _ = get(client, address)
    assert response.get("X-Page-Cache") != "hit"
    return response.content.decode()


def titles(body: str) -> list[str]:
    return re.findall(r'class="news-card__title"[^>]*><a href="[^"]+">([^<]+)<', body)


# --- Serving ----------------------------------------------------------------------------------


def test_a_second_visit_is_served_without_a_query(client):
    NewsItemFactory(title_ca="Primera notícia")
    body = cached(client, url("news:list"))
    assert "Primera notícia" in body


def test_each_language_and_query_string_has_its_own_entry(client):
    NewsItemFactory.create_batch(12)
    catalan = cached(client, url("news:list", "ca"))
    spanish = cached(client, url("news:list", "es"))
    second_page = cached(client, url("news:list", "ca") + "?page=2")
    assert '<html lang="ca">' in catalan and '<html lang="es">' in spanish
    assert titles(catalan) != titles(second_page)


def test_the_host_is_part_of_the_entry(client):
    """Canonical links, Open Graph and feeds print the host: another host is another page."""
    NewsItemFactory()
    cached(client, url("news:list"))
    response, _ = get(client, url("news:list"), host="localhost")
    assert response["X-Page-Cache"] == "miss"
    assert "http://localhost/ca/" in response.content.decode()


def test_feeds_and_calendars_are_cached_too(client):
    NewsItemFactory(title_ca="Al canal")
    EventFactory(title_ca="A l'agenda")
    assert "Al canal" in cached(client, url("news:rss"))
    assert "A l'agenda" in cached(client, url("events:ical"))


def test_every_hit_gets_its_own_csp_nonce(client):
    item = NewsItemFactory()
    cached(client, detail(item))
    nonces = []
    for _ in range(2):
        response, _ = get(client, detail(item))
        assert response["X-Page-Cache"] == "hit"
        in_body = re.search(r'<script type="application/ld\+json" nonce="([^"]+)"', response.text)
        assert f"'nonce-{in_body[1]}'" in response["Content-Security-Policy"]
        nonces.append(in_body[1])
    assert nonces[0] != nonces[1]
    assert cache_middleware.NONCE_PLACEHOLDER.decode() not in response.text


def test_cached_pages_keep_the_security_headers(client):
    NewsItemFactory()
    cached(client, url("news:list"))
    response, _ = get(client, url("news:list"))
    assert response["X-Page-Cache"] == "hit"
    for header in ("Content-Security-Policy", "Permissions-Policy", "X-Frame-Options",
                   "X-Content-Type-Options", "Referrer-Policy", "Content-Language"):  # fmt: skip
        assert response.has_header(header), header


# --- Who is never served from the cache -------------------------------------------------------


def test_staff_always_get_a_freshly_rendered_page(admin_client):
    NewsItemFactory(title_ca="Abans")
    cached(Client(), url("news:list"))
    NewsItem.objects.update(title_ca="Després")  # no signal: the cached page is now stale
    staff_page, queries = get(admin_client, url("news:list"))
    assert not staff_page.has_header("X-Page-Cache")
    assert queries > 0
    assert "Després" in staff_page.content.decode()


def test_staff_pages_are_never_stored(admin_client):
    NewsItemFactory()
    get(admin_client, url("news:list"))
    response, _ = get(Client(), url("news:list"))
    assert response["X-Page-Cache"] == "miss"


def test_a_visitor_with_a_session_is_never_served_from_the_cache(client):
    NewsItemFactory(title_ca="Abans")
    cached(client, url("news:list"))
    NewsItem.objects.update(title_ca="Després")
    with_session = Client()
    with_session.cookies["sessionid"] = "anything"
    response, _ = get(with_session, url("news:list"))
    assert not response.has_header("X-Page-Cache")
    assert "Després" in response.content.decode()


def test_previews_are_never_cached(client, admin_user):
    """The workflow's signed preview links answer no-store and noindex; the page cache also
    leaves alone any response that says so, whoever asks."""
    from relacions.workflow import preview

    draft = NewsItemFactory(status=DRAFT, title_ca="Esborrany")
    admin = Client()
    admin.force_login(admin_user)
    response, _ = get(admin, preview.preview_url(draft, "ca"))
    assert response.status_code == 200 and "Esborrany" in response.content.decode()
    assert not response.has_header("X-Page-Cache")
    assert not response.has_header("ETag")
    request = type("Request", (), {"method": "GET", "_no_page_cache": False})()
    for marked in (
        HttpResponse(headers={"Cache-Control": "no-cache"}),
        HttpResponse(headers={"Cache-Control": "max-age=0, no-store"}),
        HttpResponse(headers={"Cache-Control": "private"}),
        HttpResponse(headers={"X-Robots-Tag": "noindex, nofollow"}),
        never_cache(lambda request: HttpResponse())(RequestFactory().get("/ca/")),
    ):
        assert not cache_middleware.response_is_cacheable(request, marked)
    request._no_page_cache = True
    assert not cache_middleware.response_is_cacheable(request, HttpResponse())


def test_only_successful_gets_are_stored(client):
    missing = url("news:list") + "no-such-news/"
    for _ in range(2):
        response, _ = get(client, missing)
        assert response.status_code == 404 and not response.has_header("X-Page-Cache")
    assert client.post(url("news:list")).status_code == 405
    redirect = client.get("/")
    assert redirect.status_code == 302 and not redirect.has_header("X-Page-Cache")


def test_the_admin_is_never_cached(client):
    for _ in range(2):
        response = client.get(reverse("admin:login"))
        assert not response.has_header("X-Page-Cache")


# --- Invalidation -----------------------------------------------------------------------------


def test_an_edit_is_shown_at_once(client):
    item = NewsItemFactory(title_ca="Títol antic")
    cached(client, detail(item))
    cached(client, url("news:list"))
    item.title_ca = "Títol nou"
    item.save()
    assert "Títol nou" in fresh(client, detail(item))
    assert "Títol nou" in fresh(client, url("news:list"))


def test_publishing_shows_the_item_everywhere_at_once(client):
    item = NewsItemFactory(status=DRAFT, title_ca="Ara publicada")
    assert "Ara publicada" not in cached(client, url("news:list"))
    assert "Ara publicada" not in cached(client, url("pages:home"))
    item.status = PUBLISHED
    item.save()
    assert "Ara publicada" in fresh(client, url("news:list"))
    assert "Ara publicada" in fresh(client, url("pages:home"))
    assert get(client, detail(item))[0].status_code == 200


def test_unpublishing_hides_the_item_at_once(client):
    item = NewsItemFactory(title_ca="Retirada")
    assert "Retirada" in cached(client, url("news:list"))
    cached(client, detail(item))
    item.status = DRAFT
    item.save()
    assert "Retirada" not in fresh(client, url("news:list"))
    assert get(client, detail(item))[0].status_code == 404


def test_deleting_removes_the_item_at_once(client):
    item = NewsItemFactory(title_ca="Esborrada")
    address = detail(item)
    assert "Esborrada" in cached(client, url("news:rss"))
    cached(client, address)
    item.delete()
    assert "Esborrada" not in fresh(client, url("news:rss"))
    assert get(client, address)[0].status_code == 404


def test_a_relation_added_or_removed_is_shown_at_once(client):
    item = NewsItemFactory(title_ca="Notícia de la xarxa")
    network = NetworkFactory(name_ca="Eurocities")
    assert "Notícia de la xarxa" not in cached(client, detail(network))
    item.networks.add(network)
    assert "Notícia de la xarxa" in fresh(client, detail(network))  # and stored again
    item.networks.remove(network)
    assert "Notícia de la xarxa" not in fresh(client, detail(network))


def test_a_change_in_another_app_reaches_pages_that_show_it(client):
    """A network renamed: the news page that names it changes too, with no per-URL bookkeeping."""
    network = NetworkFactory(name_ca="Nom antic")
    item = NewsItemFactory()
    item.networks.add(network)
    assert "Nom antic" in cached(client, detail(item))
    network.name_ca = "Nom nou"
    network.save()
    assert "Nom nou" in fresh(client, detail(item))


def test_site_settings_changes_reach_every_page(client, chrome):
    NewsItemFactory()
    cached(client, url("news:list"))
    chrome.office_name_ca = "Servei renovat"
    chrome.save()
    assert "Servei renovat" in fresh(client, url("news:list"))


def stored_generation() -> int:
    from relacions.operations.models import PageCacheGeneration

    return PageCacheGeneration.objects.get(pk=1).value


def test_a_change_raises_the_generation_in_its_own_transaction(client):
    item = NewsItemFactory(title_ca="Abans")
    cached(client, detail(item))
    before = stored_generation()
    with transaction.atomic():
        item.title_ca = "Després"
        item.save()
        assert stored_generation() > before  # with the change: it commits or not with it
    assert "Després" in fresh(client, detail(item))


def test_a_rolled_back_change_leaves_the_cached_pages_alone(client):
    item = NewsItemFactory(title_ca="Desada")
    cached(client, detail(item))
    before = stored_generation()
    with transaction.atomic():
        item.title_ca = "Mai desada"
        item.save()
        transaction.set_rollback(True)
    assert stored_generation() == before
    response, _ = get(client, detail(item))
    assert response["X-Page-Cache"] == "hit"
    assert "Desada" in response.text and "Mai desada" not in response.text


def test_every_model_of_the_content_apps_is_watched():
    from django.db.models.signals import m2m_changed, post_delete, post_save

    models = list(pagecache.content_models())
    labels = {model._meta.label for model in models}
    assert {
        "news.NewsItem", "news.NewsItem_networks", "events.Event", "networks.Membership",
        "mandate.ProgressUpdate", "pages.SiteSettings", "images.Rendition",
    } <= labels  # fmt: skip
    for model in models:
        for signal in (post_save, post_delete) + (
            (m2m_changed,) if model._meta.auto_created else ()
        ):
            keys = {key for key, *_rest in signal.receivers}
            assert any(uid == f"pagecache-{model._meta.label_lower}" for uid, _sender in keys), (
                model, signal,
            )  # fmt: skip


def test_a_process_that_serves_no_request_makes_the_pages_stale_too():
    """A management command or the shell saves content without ever loading the middleware."""
    script = (
        "import django; django.setup()\n"
        "from django.db.models.signals import post_save\n"
        "from relacions.news.models import NewsItem\n"
        "print(any(uid == 'pagecache-news.newsitem' for (uid, _s), *_r in post_save.receivers))\n"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "relacions.settings", "DEBUG": "true"}
    result = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip().splitlines()[-1] == "True"


# --- Time -------------------------------------------------------------------------------------


def wait_until(moment: datetime.datetime) -> None:
    time.sleep(max(0.0, (moment - timezone.now()).total_seconds()) + 0.05)


def test_a_scheduled_item_appears_at_its_publish_at(client):
    NewsItemFactory(title_ca="Ja hi era")
    publish_at = timezone.now() + datetime.timedelta(seconds=3)
    NewsItemFactory(title_ca="Programada", publish_at=publish_at)
    body = cached(client, url("news:list"))
    assert "Ja hi era" in body and "Programada" not in body
    # The entry lives no longer than the wait for the scheduled item.
    assert pagecache.entry_lifetime(pagecache.current_generation()) <= 3
    wait_until(publish_at)
    assert "Programada" in fresh(client, url("news:list"))


def test_an_item_leaves_at_its_unpublish_at(client):
    unpublish_at = timezone.now() + datetime.timedelta(seconds=3)
    item = NewsItemFactory(title_ca="Caduca aviat", unpublish_at=unpublish_at)
    assert "Caduca aviat" in cached(client, url("news:list"))
    cached(client, detail(item))
    wait_until(unpublish_at)
    assert "Caduca aviat" not in fresh(client, url("news:list"))
    assert get(client, detail(item))[0].status_code == 404


def test_an_event_leaves_the_agenda_when_it_ends(client):
    end = timezone.now() + datetime.timedelta(seconds=3)
    EventFactory(title_ca="S'acaba ara", start=end - datetime.timedelta(hours=1), end=end)
    assert "S&#x27;acaba ara" in cached(client, url("events:list"))
    wait_until(end)
    assert "S&#x27;acaba ara" not in fresh(client, url("events:list"))


def test_the_next_scheduled_change_is_found_in_one_query():
    now = timezone.now()
    NewsItemFactory(publish_at=now + datetime.timedelta(days=3))
    NewsItemFactory(status=DRAFT, publish_at=now + datetime.timedelta(hours=1))  # not public
    NetworkFactory(unpublish_at=now + datetime.timedelta(days=2))
    PastEventFactory()  # ended: no longer a change to come
    soonest = EventFactory(start=now + datetime.timedelta(days=1))
    with CaptureQueriesContext(connection) as queries:
        found = pagecache.next_scheduled_change(now)
    assert len(queries) == 1
    assert found == soonest.start


def test_no_entry_outlives_the_day(client, settings):
    settings.PAGE_CACHE_SECONDS = 10**6
    local = timezone.localtime()
    midnight = datetime.datetime.combine(local.date() + datetime.timedelta(days=1), datetime.time())
    until_midnight = (timezone.make_aware(midnight) - local).total_seconds()
    assert pagecache.entry_lifetime(pagecache.current_generation()) <= until_midnight


# --- Conditional requests ---------------------------------------------------------------------


@pytest.mark.parametrize("name", ["news:list", "news:rss", "news:atom", "events:ical"])
def test_an_unchanged_page_or_feed_answers_304(client, name):
    NewsItemFactory()
    EventFactory()
    first, _ = get(client, url(name))
    etag = first["ETag"]
    assert first.has_header("Last-Modified")
    again, queries = get(client, url(name), if_none_match=etag)
    assert again.status_code == 304 and queries == 0
    assert again["ETag"] == etag
    since, _ = get(client, url(name), if_modified_since=first["Last-Modified"])
    assert since.status_code == 304


def test_the_etag_does_not_change_with_the_nonce_and_changes_with_the_content(client):
    item = NewsItemFactory(title_ca="Primera versió")
    first, _ = get(client, detail(item))
    hit, _ = get(client, detail(item))
    assert hit["X-Page-Cache"] == "hit" and hit["ETag"] == first["ETag"]
    item.title_ca = "Segona versió"
    item.save()
    changed, _ = get(client, detail(item), if_none_match=first["ETag"])
    assert changed.status_code == 200 and changed["ETag"] != first["ETag"]
    assert "Segona versió" in changed.content.decode()


def test_the_first_response_and_the_hits_agree_on_the_etag_after_a_restart(client):
    """A browser's ETag from before the cache was emptied still matches the same page."""
    from django.core.cache import cache

    item = NewsItemFactory()
    first, _ = get(client, detail(item))
    cache.clear()
    again, _ = get(client, detail(item), if_none_match=first["ETag"])
    assert again.status_code == 304


def test_browsers_are_asked_to_revalidate(client):
    NewsItemFactory()
    response, _ = get(client, url("news:list"))
    assert (
        "max-age=0" in response["Cache-Control"] and "must-revalidate" in response["Cache-Control"]
    )


# --- Values kept with the content generation (FRAGMENT_CACHE) ---------------------------------


@pytest.fixture
def fragments(fragment_cache):
    return fragment_cache


def test_the_site_chrome_is_read_once_per_change(client, chrome, fragments):
    item = NewsItemFactory()
    _, first = get(client, detail(item))
    _, second = get(client, detail(item))
    # The generation's lease, the chrome's query, and the next scheduled change (read once per
    # generation); and the article's four relations, kept in its fragment.
    assert second == first - 3 - 4
    chrome.office_name_ca = "Servei de nom nou"
    chrome.save()
    response, third = get(client, detail(item))
    # The chrome read again; the article, which does not show it, still from its fragment.
    assert third == first - 4 and "Servei de nom nou" in response.content.decode()


def test_a_menu_page_appears_at_its_publish_at_with_the_chrome_kept(client, fragments):
    from tests.factories import PageFactory

    publish_at = timezone.now() + datetime.timedelta(seconds=3)
    PageFactory(show_in_menu=True, title_ca="Pàgina programada", publish_at=publish_at)
    assert "Pàgina programada" not in get(client, url("news:list"))[0].content.decode()
    wait_until(publish_at)
    assert "Pàgina programada" in get(client, url("news:list"))[0].content.decode()


def test_the_news_filter_choices_follow_the_content(client, fragments):
    NewsItemFactory(published_on=datetime.date(2019, 5, 1))
    response, first = get(client, url("news:list"))
    body = response.content.decode()
    assert '<option value="2019"' in body and '<option value="2015"' not in body
    with CaptureQueriesContext(connection) as queries:
        client.get(url("news:list") + "?page=1")
    # Only the page's items and their cards' stamps (and the generation's lease, when it ran out
    # meanwhile): the chrome, the years, the networks, the next scheduled change and the list's
    # count are kept for the generation, the cards' networks in their fragments.
    sent = [query["sql"] for query in queries.captured_queries]
    kept = [sql for sql in sent if "core_pagecachegeneration" not in sql]
    assert len(kept) == 2 and first >= len(kept) + 7, sent
    item = NewsItemFactory(published_on=datetime.date(2015, 5, 1))
    assert '<option value="2015"' in get(client, url("news:list"))[0].content.decode()
    item.status = DRAFT
    item.save()
    assert '<option value="2015"' not in get(client, url("news:list"))[0].content.decode()
