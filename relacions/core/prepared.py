"""Queries compiled to SQL once per process and language, then run with each request's values.

For the ORM, compiling a query on a model with some forty translated columns costs several times
what PostgreSQL spends running it: a news item's lookup by its slug takes about 1.5 ms of Python
for 0.1 ms of SQL (docs/BENCHMARKS.md). A page's own lookups are the same query on every request
but for a few values — the moment "now" of the publication window, a slug, a date, an id — so
`Prepared` compiles its queryset once per language, with placeholders standing for those values,
and then runs that SQL with the request's values in their places, building the objects as the
ORM does (`select_related()` and annotations included). A moment's local day in the SQL (a visit
is public once `ends_on < today`) is the request's moment's day:

    BY_SLUG = Prepared(
        lambda now, slug: NewsItem.objects.published(now).by_slug(slug)[:1],
        now=datetime.datetime, slug=str,
    )
    items = BY_SLUG.fetch(now=timezone.now(), slug="una-noticia")

The queryset may not prefetch: a prefetch's own queryset would keep the values it was built with
(the compile's "now"); a page reads a relation in a prepared query of its own (a network's
working groups), or its fragments fetch it when the cache does not have them. Each placeholder
must reach the SQL's parameters unchanged (an exact match, a comparison), which `Prepared` checks
when it compiles; a value the ORM turns into something else (`__icontains`, `__year`) cannot be a
placeholder.
"""

import copy
import datetime
import itertools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, cast

import psycopg
from django.db import connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.backends.utils import CursorWrapper
from django.db.models import Model, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import get_language
from psycopg import _queries as psycopg_queries
from psycopg.types.string import StrDumper

from .models import PublishableQuerySet

_serial = itertools.count(1)


def _placeholder(kind: type, name: str) -> Any:
    """A value of `kind` no request passes, unique to this placeholder."""
    n = next(_serial)
    if kind is datetime.datetime:
        # At noon UTC, each on a day of its own: the local day of each is its own too (a query
        # may compare a date with the day of `now`: `ends_on < today`).
        return datetime.datetime(1902, 1, 1, 12, 0, 0, n, tzinfo=datetime.UTC) + datetime.timedelta(
            days=n
        )
    if kind is datetime.date:
        return datetime.date(1901, 2, 3) + datetime.timedelta(days=n)
    if kind is int:
        return -1_901_020_304 - n
    if kind is str:
        return f"prepared:{name}:{n}:{'·' * 3}"
    raise TypeError(f"A prepared query's value is a datetime, a date, an int or a str, not {kind}.")


@dataclass(frozen=True)
class _Compiled:
    queryset: QuerySet
    compiler: Any  # the SQLCompiler that compiled it: its columns and how to read them
    sql: str
    params: tuple
    slots: dict[str, tuple[int, ...]]  # each value's positions among the parameters
    days: dict[str, tuple[int, ...]]  # the positions of a moment's local day (`today`)


class Prepared:
    """`build(**values)`'s query, compiled once per language with a placeholder for each value
    (`kinds`: each value's type). `sliced`: the query is a list's, fetched a page at a time
    (`fetch(..., offset=, limit=)`), its LIMIT and OFFSET sent as values too."""

    def __init__(
        self,
        build: Callable[..., QuerySet],
        *,
        sliced: bool = False,
        **kinds: type,
    ):
        self.build, self.kinds, self.sliced = build, kinds, sliced
        self._compiled: dict[str | None, _Compiled] = {}

    def compiled(self) -> _Compiled:
        """The query compiled for the active language (compiled now if it was not yet); a
        TypeError when it cannot be prepared."""
        language = get_language()
        compiled = self._compiled.get(language)
        if compiled is None:
            compiled = self._compiled[language] = self._compile()
        return compiled

    def _compile(self) -> _Compiled:
        placeholders = {name: _placeholder(kind, name) for name, kind in self.kinds.items()}
        queryset = self.build(**placeholders)
        if queryset._prefetch_related_lookups:  # type: ignore[attr-defined]
            raise TypeError(
                "A prepared query may not prefetch: read a relation in a query of its own."
            )
        compiler = queryset.query.get_compiler(using=queryset.db)
        if self.sliced:
            if queryset.query.is_sliced:
                raise TypeError("A sliced prepared query is sliced by fetch(), not by its build.")
            sql, params = compiler.as_sql(with_limits=False)
            sql = f"{sql} LIMIT %s OFFSET %s"
        else:
            sql, params = compiler.as_sql()
        slots = {
            name: tuple(i for i, p in enumerate(params) if type(p) is type(value) and p == value)
            for name, value in placeholders.items()
        }
        days = {
            name: tuple(i for i, p in enumerate(params) if _is_day_of(p, value))
            for name, value in placeholders.items()
            if isinstance(value, datetime.datetime)
        }
        missing = [name for name, positions in slots.items() if not positions]
        if missing:
            raise TypeError(f"The prepared query's SQL does not take {missing} as parameters.")
        taken = {i for positions in (*slots.values(), *days.values()) for i in positions}
        if any(reads_the_clock(p) for i, p in enumerate(params) if i not in taken):
            # A moment read while the query was built would be kept by every later request.
            raise TypeError("A prepared query reads the clock itself: take `now` as a value.")
        return _Compiled(queryset, compiler, sql, tuple(params), slots, days)

    def fetch(self, **values: Any) -> list[Model]:
        """The query's objects with `values` in place of the placeholders (and, if `sliced`,
        `offset` and `limit`)."""
        compiled = self.compiled()
        params = list(compiled.params)
        if self.sliced:
            params += [values["limit"], values["offset"]]
        for name, positions in compiled.slots.items():
            for position in positions:
                params[position] = values[name]
        for name, positions in compiled.days.items():
            for position in positions:
                params[position] = timezone.localdate(values[name])
        compiler = copy.copy(compiled.compiler)
        compiler.connection = connection = connections[compiled.queryset.db]

        def execute_sql(*args, **kwargs):
            with statement_cursor(connection) as cursor:
                cursor.execute(compiled.sql, params)
                return [cursor.fetchall()]

        compiler.execute_sql = execute_sql
        queryset = compiled.queryset.all()
        # The ORM builds the objects from this compiler's columns and the rows it fetched:
        # nothing is compiled again.
        queryset.query.get_compiler = lambda *args, **kwargs: compiler  # type: ignore[method-assign]
        return list(queryset)

    def first(self, **values: Any) -> Model | None:
        found = self.fetch(**values)
        return found[0] if found else None

    def first_or_404(self, **values: Any) -> Model:
        found = self.first(**values)
        if found is None:
            raise Http404("Nothing public has this address.")
        return found


# psycopg finds a query's placeholders once per distinct text and keeps the result, but only for
# texts of at most 4 KB: a detail page's lookup with its fragments' stamps is 5 to 7 KB, and
# was parsed again on every request (about 0.17 ms, a fortieth of the page). A prepared query is
# one of a few fixed texts per process, and the ORM's other long queries are fixed texts too (the
# values travel apart), so longer texts are kept as well, in psycopg's own cache of its last 128.
# (tests/core/test_prepared.py checks that a long lookup is parsed once, should psycopg rename it.)
KEPT_STATEMENT_LENGTH = 64 * 1024
if getattr(psycopg_queries, "MAX_CACHED_STATEMENT_LENGTH", 0) < KEPT_STATEMENT_LENGTH:
    psycopg_queries.MAX_CACHED_STATEMENT_LENGTH = KEPT_STATEMENT_LENGTH


def statement_cursor(connection: BaseDatabaseWrapper) -> CursorWrapper:
    """A cursor that sends the values apart from the SQL, so that PostgreSQL keeps the plan.

    Django's cursors put the values into the SQL's text (psycopg's client-side binding), so
    PostgreSQL parses and plans every query afresh: for a page's lookup with its fragments'
    stamps that is about 0.8 ms of planning for 0.3 ms of running. Sent apart, the same SQL run
    again on a connection (psycopg's `prepare_threshold`, set in the settings) becomes a prepared
    statement of that connection, planned once while the pool keeps the connection. A text value
    is sent as `text` (psycopg's default leaves its type to PostgreSQL, which cannot tell it
    inside an expression such as `concat()`). Django's wrapper around it: the query is counted,
    logged in DEBUG, and goes through the execute wrappers (the query watchdog) as any other.
    """
    connection.ensure_connection()
    cursor = psycopg.Cursor(connection.connection)
    cursor.adapters.register_dumper(str, StrDumper)
    raw = cast(Any, cursor)  # Django's stubs name the wrapper's own type for the cursor it wraps
    if connection.queries_logged:
        return connection.make_debug_cursor(raw)
    return connection.make_cursor(raw)


def _is_day_of(value: Any, moment: datetime.datetime) -> bool:
    return type(value) is datetime.date and value == timezone.localdate(moment)


def reads_the_clock(value: Any) -> bool:
    """Whether `value` is a moment or a day of these days (not a placeholder, not a fixed date)."""
    now = timezone.now()
    if isinstance(value, datetime.datetime):
        return abs(value - now) < datetime.timedelta(days=2)
    if isinstance(value, datetime.date):
        return abs(value - timezone.localdate(now)) < datetime.timedelta(days=2)
    return False


def published_by_slug(
    queryset: Callable[[datetime.datetime], PublishableQuerySet],
) -> Prepared:
    """A detail page's lookup: the object of `queryset(now)` (its published ones at `now`) whose
    slug in the active language, or in the default one, is `slug`."""
    return Prepared(
        lambda now, slug: queryset(now).by_slug(slug)[:1],
        now=datetime.datetime,
        slug=str,
    )


# The types a list's filter value may have to be a placeholder; any other (a bool) is part of
# the shape, compiled as it is.
_PLACEHELD = (int, str, datetime.date, datetime.datetime)


class PreparedRows:
    """A paginated list's page of rows, `rows(now, **filters)`, prepared for each *shape* of the
    filters (which filters are given, and the value of those no placeholder can stand for):

        rows = PreparedRows(lambda now, **filters: Agreement.objects.for_listing(now)…)
        page = rows.page(now=timezone.now(), filters={"kind": "twinning"}, offset=0, limit=50)

    `rows` may branch on which filters are given, never on a placeholder's value (it would be
    compiled with the placeholder's branch): a filter it branches on is named in `fixed`, and
    its value is then part of the shape, compiled as it is. A shape whose values do not reach
    the SQL unchanged (a year turned into its first and last days) cannot be prepared:
    `page()` answers None for it, and the list slices its queryset as the ORM does.
    """

    def __init__(self, rows: Callable[..., QuerySet], fixed: tuple[str, ...] = ()):
        self.rows, self.fixed = rows, fixed
        self._shapes: dict[tuple, Prepared | None] = {}

    def page(self, *, now: datetime.datetime, filters: dict, offset: int, limit: int):
        held = {
            name: type(value)
            for name, value in filters.items()
            if type(value) in _PLACEHELD and name not in self.fixed
        }
        fixed = {name: value for name, value in filters.items() if name not in held}
        try:
            shape = (tuple(sorted(held.items(), key=lambda h: h[0])), tuple(sorted(fixed.items())))
            hash(shape)
        except TypeError:
            return None  # a value that is neither a placeholder's nor fit for a key
        prepared = self._shapes.get(shape, _UNKNOWN)
        if prepared is _UNKNOWN:
            rows = self.rows
            prepared = self._shapes[shape] = Prepared(
                lambda now, **values: rows(now, **values, **fixed),
                sliced=True,
                now=datetime.datetime,
                **held,
            )
        if prepared is None:
            return None
        try:
            prepared.compiled()
        except (TypeError, ValueError, LookupError):
            self._shapes[shape] = None
            return None
        values = {name: filters[name] for name in held}
        return prepared.fetch(now=now, **values, offset=offset, limit=limit)


_UNKNOWN: Any = object()
