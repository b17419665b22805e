"""Queries compiled once and run with each request's values (relacions.core.prepared)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from relacions.core.prepared import Prepared, PreparedRows
from relacions.news.models import NewsItem
from tests.factories import NewsItemFactory

pytestmark = pytest.mark.django_db

D = datetime.date


def by_slug() -> Prepared:
    return Prepared(
        lambda now, slug: NewsItem.objects.select_related("image").published(now).by_slug(slug),
        now=datetime.datetime,
        slug=str,
    )


def test_it_finds_what_the_orm_finds_in_each_language(make_image):
    item = NewsItemFactory(image=make_image(), slug_ca="una-noticia", slug_en="a-news-item")
    NewsItemFactory()
    prepared, now = by_slug(), timezone.now()
    for language, slug in (("ca", "una-noticia"), ("en", "a-news-item"), ("en", "una-noticia")):
        with translation.override(language):
            orm = list(NewsItem.objects.published(now).by_slug(slug))
            assert prepared.fetch(now=now, slug=slug) == orm == [item]
    with translation.override("es"):
        assert prepared.fetch(now=now, slug="a-news-item") == []


def test_the_objects_are_whole_with_what_the_query_joins(make_image):
    item = NewsItemFactory(image=make_image(), title_en="Joined")
    with translation.override("en"):
        (found,) = by_slug().fetch(now=timezone.now(), slug=item.slug_en)
        with CaptureQueriesContext(connection) as queries:
            assert found.title == "Joined" and found.image.pk == item.image.pk
            assert found.published_on == item.published_on
    assert len(queries) == 0


def test_each_request_s_moment_decides_what_is_published():
    now = timezone.now()
    item = NewsItemFactory(publish_at=now + datetime.timedelta(hours=1))
    prepared = by_slug()
    assert prepared.fetch(now=now, slug=item.slug_ca) == []
    assert prepared.fetch(now=now + datetime.timedelta(hours=2), slug=item.slug_ca) == [item]


def test_it_is_compiled_once_per_language(monkeypatch):
    item = NewsItemFactory()
    prepared, compiled = by_slug(), []
    compile_once = prepared._compile
    monkeypatch.setattr(prepared, "_compile", lambda: compiled.append(1) or compile_once())
    for language in ("ca", "ca", "en", "ca", "en"):
        with translation.override(language):
            prepared.fetch(now=timezone.now(), slug=item.slug_ca)
    assert len(compiled) == 2


def test_a_query_that_prefetches_or_hides_a_value_is_refused():
    prefetching = Prepared(
        lambda slug: NewsItem.objects.prefetch_related("networks").by_slug(slug), slug=str
    )
    with pytest.raises(TypeError, match="may not prefetch"):
        prefetching.fetch(slug="x")
    # `__icontains` wraps the value in wildcards: no parameter is the placeholder.
    hidden = Prepared(lambda word: NewsItem.objects.filter(title__icontains=word), word=str)
    with pytest.raises(TypeError, match=r"\['word'\]"):
        hidden.fetch(word="cultura")


def test_a_query_that_reads_the_clock_itself_is_refused():
    # published() without `now` reads the clock when the query is built: every later request
    # would get the first one's moment.
    reading = Prepared(lambda slug: NewsItem.objects.published().by_slug(slug), slug=str)
    with pytest.raises(TypeError, match="reads the clock"):
        reading.fetch(slug="x")


def test_the_day_of_the_request_s_moment_is_its_local_day():
    """A visit is public once it has ended (`ends_on` before the day of `now`): the SQL compares
    with the day of each request's moment, not of the first one's."""
    from relacions.visits.models import Visit
    from tests.factories.visits import VisitFactory

    trip = VisitFactory(
        starts_on=timezone.localdate() - datetime.timedelta(days=3),
        ends_on=timezone.localdate() - datetime.timedelta(days=1),
    )
    prepared = Prepared(lambda now: Visit.objects.published(now), now=datetime.datetime)
    assert prepared.fetch(now=timezone.now()) == [trip]
    assert prepared.fetch(now=timezone.now() - datetime.timedelta(days=2)) == []
    assert prepared.fetch(now=timezone.now() + datetime.timedelta(days=30)) == [trip]


def test_a_lookup_run_again_is_planned_once_per_connection():
    """`statement_cursor`: the values go apart from the SQL, so from its second run on a
    connection the lookup is a prepared statement of it (PostgreSQL plans it once); it finds the
    same, and each run is a query counted as any other."""
    item = NewsItemFactory(title_ca="Planificada una vegada")
    prepared, now = by_slug(), timezone.now()
    with CaptureQueriesContext(connection) as queries:
        for _ in range(3):
            (found,) = prepared.fetch(now=now, slug=item.slug_ca)
            assert found == item and found.title_ca == "Planificada una vegada"
    assert len(queries) == 3
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        statements = [statement for (statement,) in cursor.fetchall()]
    assert any('FROM "news_newsitem"' in statement for statement in statements)


def test_a_long_lookup_is_parsed_once_per_process():
    """A news item's lookup with its stamps is longer than the 4 KB psycopg keeps parsed by
    default: kept too (relacions.core.prepared), it is not parsed again on each request."""
    from psycopg import _queries

    from relacions.news.views import BY_SLUG

    item = NewsItemFactory()
    now = timezone.now()
    with translation.override("ca"):
        assert BY_SLUG.fetch(now=now, slug=item.slug_ca) == [item]
        assert len(BY_SLUG.compiled().sql.encode()) > 4096
        before = _queries._query2pg.cache_info()
        for _ in range(3):
            assert BY_SLUG.fetch(now=now, slug=item.slug_ca) == [item]
        after = _queries._query2pg.cache_info()
    assert after.hits - before.hits >= 3
    assert after.misses == before.misses


# --- A list's pages (PreparedRows) ------------------------------------------------------------


def news_rows() -> PreparedRows:
    def rows(now, **filters):
        items = NewsItem.objects.for_listing(now)
        if "title" in filters:
            items = items.filter(title_ca=filters["title"])
        if "year" in filters:
            items = items.in_year(filters["year"])
        return items

    return PreparedRows(rows)


def test_a_list_s_pages_are_the_orm_s_slices_for_each_filter_value():
    """LIMIT and OFFSET are values too: every page of every value of a filter from one compile."""
    for n in range(7):
        NewsItemFactory(title_ca="Parell" if n % 2 else "Senar", published_on=D(2020 + n, 1, 1))
    rows, now = news_rows(), timezone.now()
    for filters in ({}, {"title": "Parell"}, {"title": "Senar"}, {"title": "Cap"}):
        orm = list(news_rows().rows(now, **filters))
        for offset in (0, 3, 6):
            page = rows.page(now=now, filters=filters, offset=offset, limit=3)
            assert page == orm[offset : offset + 3], (filters, offset)
    assert len(rows._shapes) == 2  # no filter; a title (both values and none found)


def test_a_filter_whose_value_does_not_reach_the_sql_is_left_to_the_orm():
    """`in_year` turns a year into its first and last days: that shape is not prepared (None:
    the list slices its queryset), and the others still are."""
    NewsItemFactory(published_on=D(2024, 5, 1))
    rows, now = news_rows(), timezone.now()
    assert rows.page(now=now, filters={"year": 2024}, offset=0, limit=10) is None
    assert len(rows.page(now=now, filters={}, offset=0, limit=10)) == 1


def test_a_list_s_page_follows_each_request_s_moment():
    now = timezone.now()
    NewsItemFactory(title_ca="Ara")
    later = NewsItemFactory(title_ca="Més tard", publish_at=now + datetime.timedelta(hours=1))
    rows = news_rows()
    assert [item.title_ca for item in rows.page(now=now, filters={}, offset=0, limit=5)] == ["Ara"]
    hour_later = rows.page(now=now + datetime.timedelta(hours=2), filters={}, offset=0, limit=5)
    assert later in hour_later and len(hour_later) == 2


def test_a_filter_the_list_branches_on_is_compiled_with_its_value():
    """`fixed`: each value of `order` is a shape of its own; as a placeholder, the branch taken
    would have been the placeholder's (neither), for every value."""
    NewsItemFactory(title_ca="Antiga", published_on=D(2020, 1, 1))
    NewsItemFactory(title_ca="Nova", published_on=D(2024, 1, 1))

    def rows(now, **filters):
        items = NewsItem.objects.published(now)
        if filters.get("order") == "oldest":
            return items.order_by("published_on", "pk")
        return items.order_by("-published_on", "pk")

    prepared, now = PreparedRows(rows, fixed=("order",)), timezone.now()
    for order, first in (("oldest", "Antiga"), ("newest", "Nova"), ("oldest", "Antiga")):
        (found,) = prepared.page(now=now, filters={"order": order}, offset=0, limit=1)
        assert found.title_ca == first, order
    assert len(prepared._shapes) == 2
