"""The published reports' figures as open data: one row per report, area and indicator, with
the figure of the report's year as its latest edition froze it. The open-data page lists every
year's (relacions.opendata); each report's page offers its own year's rows in the same columns.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import OuterRef, Subquery
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from relacions.opendata.datasets import Column, Dataset, local

from . import figures
from .models import Edition


@dataclass(frozen=True)
class Row:
    year: int
    edition: int
    computed_at: str
    area: figures.Area
    figure: figures.Figure


def current_editions(year: int | None = None):
    """The latest edition of each published report (of one year), newest year first."""
    latest = Edition.objects.filter(report=OuterRef("report")).order_by("-number").values("pk")[:1]
    editions = Edition.objects.filter(pk=Subquery(latest)).select_related("report")
    if year is not None:
        editions = editions.filter(report__year=year)
    return editions.order_by("-report__year")


def rows(editions) -> list[Row]:
    return [
        Row(
            year=edition.report.year,
            edition=edition.number,
            computed_at=edition.figures["computed_at"],
            area=area,
            figure=figure,
        )
        for edition in editions
        for area in figures.read(edition.figures)
        for figure in area.figures
    ]


def _computed_at(row: Row, _build_uri) -> str:
    return local(datetime.datetime.fromisoformat(row.computed_at)).isoformat()


COLUMNS = (
    Column("year", _("Year"), lambda row, _b: row.year),
    Column("area", pgettext_lazy("report", "Area"), lambda row, _b: row.area.label),
    Column("indicator", _("Indicator"), lambda row, _b: row.figure.key),
    Column("label", pgettext_lazy("report", "Figure"), lambda row, _b: row.figure.label),
    Column("unit", _("Unit"), lambda row, _b: row.figure.unit),
    Column("value", _("Value"), lambda row, _b: row.figure.value),
    Column(
        "records",
        _("Records it is made of"),
        lambda row, build_uri: build_uri(row.figure.url) if row.figure.url else "",
    ),
    Column("edition", _("Edition"), lambda row, _b: row.edition),
    Column("computed_at", _("Figures computed"), _computed_at),
    Column(
        "report",
        _("Report"),
        lambda row, build_uri: build_uri(reverse("reports:detail", kwargs={"year": row.year})),
    ),
)

FIGURES = Dataset(
    slug="annual-report",
    title=_("Yearly report's figures"),
    description=_(
        "Every figure of each published yearly report as it was published (its latest "
        "edition): the networks, events, news, agreements, projects, visits and Pla de Mandat "
        "figures of each year, with the public list each is made of."
    ),
    queryset=lambda: rows(current_editions()),
    columns=COLUMNS,
    order=80,
)
