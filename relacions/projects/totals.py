"""The register's totals, computed by PostgreSQL in one query however many projects there are:
the EU money that comes to the city per year and per programme, the active projects and the
partners' countries. Published projects only: a draft never changes a figure.

A project's money counts in the year it starts, all of it: the year the grant is won, simple to
explain and to check against the records, and the same rule as the open data's yearly totals
(`Project.objects.yearly_totals()`), so the page and the downloads give the same figures. The
years a project runs (for the list's year filter) are read in the same query.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.db import connection
from django.db.models import CharField, F, Func
from django.utils import timezone, translation
from django_countries import countries

from relacions.core.models import Publishable

from .models import ACTIVE_STATUSES, Partner, Programme, Project
from .querysets import local_today

# The published projects (Project.objects.published(), the one publication rule) and their
# top-level programme, the partners' countries and the top-level programmes' names are built by
# the ORM and embedded, so the rule is never written out twice.
SQL = """
WITH p (id, starts_on, ends_on, amount, status, programme_id) AS ({projects}),
programmes (id, names, position) AS (SELECT q.pk, q.names, q."order" FROM ({programmes}) AS q),
countries (country) AS ({countries}),
years AS (
    SELECT EXTRACT(YEAR FROM p.starts_on)::int AS year, SUM(p.amount) AS amount,
           COUNT(*) AS projects
    FROM p GROUP BY 1
),
ended AS (
    SELECT DISTINCT EXTRACT(YEAR FROM p.ends_on)::int AS year FROM p WHERE p.ends_on < %s
),
running AS (
    SELECT DISTINCT y.year
    FROM p CROSS JOIN LATERAL generate_series(
        EXTRACT(YEAR FROM p.starts_on)::int, EXTRACT(YEAR FROM p.ends_on)::int
    ) AS y (year)
),
by_programme AS (
    SELECT programmes.id, programmes.names, programmes.position,
           SUM(p.amount) AS amount, COUNT(*) AS projects
    FROM p JOIN programmes ON programmes.id = p.programme_id
    GROUP BY programmes.id, programmes.names, programmes.position
)
SELECT
    (SELECT COUNT(*) FROM p),
    (SELECT COUNT(*) FROM p WHERE p.status = ANY(%s)),
    (SELECT COALESCE(SUM(p.amount), 0) FROM p),
    (SELECT ARRAY_AGG(year ORDER BY year) FROM years),
    (SELECT ARRAY_AGG(amount ORDER BY year) FROM years),
    (SELECT ARRAY_AGG(projects ORDER BY year) FROM years),
    (SELECT ARRAY_AGG(id ORDER BY amount DESC NULLS LAST, position, id) FROM by_programme),
    (SELECT ARRAY_AGG(names ORDER BY amount DESC NULLS LAST, position, id) FROM by_programme),
    (SELECT ARRAY_AGG(amount ORDER BY amount DESC NULLS LAST, position, id) FROM by_programme),
    (SELECT ARRAY_AGG(projects ORDER BY amount DESC NULLS LAST, position, id) FROM by_programme),
    (SELECT ARRAY_AGG(country ORDER BY country) FROM countries),
    (SELECT ARRAY_AGG(year ORDER BY year) FROM running),
    (SELECT ARRAY_AGG(year ORDER BY year) FROM ended)
"""


@dataclass(frozen=True)
class Row:
    """One bar of the chart, one row of a table: a year or a programme."""

    label: str
    amount: Decimal | None
    projects: int
    key: str = ""  # the list filter's value that shows these projects


@dataclass(frozen=True)
class Totals:
    projects: int
    active: int
    amount: Decimal
    years: list[Row]
    programmes: list[Row]
    countries: list[str]  # ISO codes, sorted by their name in the active language
    running_years: list[int]  # every year some published project runs in
    ended_years: list[int]  # every year some published project ended in (before today)

    def country_names(self) -> list[str]:
        return [str(countries.name(code)) for code in self.countries]


def _query(queryset) -> tuple[str, tuple]:
    sql, params = queryset.query.sql_with_params()
    return sql, tuple(params)


def project_totals(now: datetime.datetime | None = None) -> Totals:
    projects = _query(
        Project.objects.published(now)
        .order_by()
        .values_list(
            "pk", "starts_on", "ends_on", "city_eu_contribution", "project_status", "programme"
        )
    )
    # An amount not recorded stays NULL: SUM skips it, and a year or a programme with none
    # recorded has no amount (shown as "—", as in the open data) rather than zero.
    # Django names the inner columns after the fields (in an order of its own): read by name.
    projects_sql = (
        "SELECT pp.pk, pp.starts_on, pp.ends_on, pp.city_eu_contribution, "
        "pp.project_status, COALESCE(programme.parent_id, pp.programme) "
        f"FROM ({projects[0]}) AS pp "
        f"JOIN {Programme._meta.db_table} AS programme ON programme.id = pp.programme"
    )
    # The name in every language (an array, in LANGUAGES' order): the active one is picked
    # below, with modeltranslation's fallback to Catalan.
    programmes = _query(
        Programme.objects.filter(parent__isnull=True)
        .order_by()
        .annotate(
            names=Func(
                *(F(f"name_{code}") for code in _codes()),
                template="ARRAY[%(expressions)s]",
                output_field=CharField(),
            )
        )
        .values_list("pk", "names", "order")
    )
    partner_countries = _query(
        Partner.objects.filter(Publishable.published_q(now, prefix="project__"))
        .exclude(place__isnull=True)
        .order_by()
        .values_list("place__country", flat=True)
        .distinct()
    )
    sql = SQL.format(
        projects=projects_sql, programmes=programmes[0], countries=partner_countries[0]
    )
    today = timezone.localdate(now, timezone.get_default_timezone()) if now else local_today()
    params = (
        *projects[1],
        *programmes[1],
        *partner_countries[1],
        today,
        [str(status) for status in ACTIVE_STATUSES],
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    (count, active, amount, years, year_amounts, year_projects) = row[:6]
    (programme_ids, names, programme_amounts, programme_projects, codes, running, ended) = row[6:]
    column = _name_column()
    return Totals(
        projects=count,
        active=active,
        amount=amount,
        years=[
            Row(str(year), money, projects, key=str(year))
            for year, money, projects in zip(
                years or (), year_amounts or (), year_projects or (), strict=True
            )
        ],
        programmes=[
            Row(name[column] or name[_name_column_default()], money, projects, key=str(pk))
            for pk, name, money, projects in zip(
                programme_ids or (),
                names or (),
                programme_amounts or (),
                programme_projects or (),
                strict=True,
            )
        ],
        countries=sorted(codes or (), key=lambda code: str(countries.name(code))),
        running_years=list(running or ()),
        ended_years=list(ended or ()),
    )


def _codes() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def _name_column() -> int:
    """Which name (in LANGUAGES' order) the active language reads."""
    codes = _codes()
    language = translation.get_language() or settings.LANGUAGE_CODE
    return codes.index(language) if language in codes else codes.index(settings.LANGUAGE_CODE)


def _name_column_default() -> int:
    return _codes().index(settings.LANGUAGE_CODE)
