"""The report's figures: computed in the database from the records (each register's declared
indicators, relacions.core.declaration), frozen in a snapshot when the report is published, and
read back from it for the page, the PDF and the dataset.

A snapshot is plain JSON, complete in itself: every area and indicator with its label and link in
each language, its unit, and its value for the report's year and the years it is compared with.
A later change of a record, of an indicator's label or of a list's address changes nothing in
it. Earlier years' figures are taken from those years' published reports where there are any
(so two reports never disagree about a year), computed from the records otherwise.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.db.models import OuterRef, Subquery
from django.utils import timezone, translation

from relacions.core.declaration import COUNT, report_areas

from .models import FIRST_YEAR, Edition

# The report's year and the four before it.
COMPARED_YEARS = 5


def compared_years(year: int) -> list[int]:
    return [y for y in range(year - COMPARED_YEARS + 1, year + 1) if y >= FIRST_YEAR]


def _in_languages(make) -> dict[str, str]:
    """`make()` evaluated in each language of the site (a label, a URL)."""
    found = {}
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            value = make()
            found[language] = "" if value is None else str(value)
    return found


def _stored(value: int | Decimal) -> int | str:
    # Amounts and percentages as exact decimal strings; JSON numbers would be floats.
    return value if isinstance(value, int) else str(value)


def published_values(years: list[int]) -> dict[int, dict[str, int | str]]:
    """{year: {indicator key: value}} of the latest edition of each of those years' published
    reports (one query)."""
    latest = Edition.objects.filter(report=OuterRef("report")).order_by("-number").values("pk")[:1]
    editions = Edition.objects.filter(report__year__in=years, pk=Subquery(latest)).values_list(
        "report__year", "figures"
    )
    return {
        year: {
            indicator["key"]: indicator["values"][str(year)]
            for area in figures["areas"]
            for indicator in area["indicators"]
        }
        for year, figures in editions
    }


def snapshot(year: int, *, now: datetime.datetime | None = None) -> dict:
    """Every declared figure of `year` and of the years it is compared with, as an edition keeps
    it (one query per indicator and year, a few dozen: computed when an Administrator previews or
    publishes, never for a public page)."""
    years = compared_years(year)
    earlier = published_values([y for y in years if y != year])
    areas = []
    for area in report_areas():
        indicators = []
        for indicator in area.indicators:
            values = {}
            for y in years:
                known = earlier.get(y, {})
                values[str(y)] = (
                    known[indicator.key] if indicator.key in known else _stored(indicator.value(y))
                )
            indicators.append(
                {
                    "key": indicator.key,
                    "unit": indicator.unit,
                    "label": _in_languages(lambda i=indicator: i.label),
                    "url": _in_languages(lambda i=indicator: i.url(year) if i.url else None),
                    "values": values,
                }
            )
        areas.append(
            {
                "key": area.key,
                "label": _in_languages(lambda a=area: a.label),
                "indicators": indicators,
            }
        )
    return {
        "year": year,
        "computed_at": (now or timezone.now()).isoformat(),
        "years": years,
        # The earlier years whose figures come from their published report.
        "from_reports": sorted(earlier),
        "areas": areas,
    }


# --- Reading a snapshot ----------------------------------------------------------------------


def _number(value, unit: str) -> int | Decimal:
    return int(value) if unit == COUNT else Decimal(str(value))


def _in_active_language(texts: dict[str, str]) -> tuple[str, str]:
    """(text, its language): the active language's, or Catalan's (marked with its lang)."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    if texts.get(language):
        return texts[language], language
    return texts.get(settings.LANGUAGE_CODE, ""), settings.LANGUAGE_CODE


@dataclass
class Figure:
    key: str
    label: str
    label_language: str
    unit: str
    url: str
    value: int | Decimal
    # (year, value), oldest first, the report's year last.
    series: list[tuple[int, int | Decimal]]

    @property
    def previous(self) -> int | Decimal | None:
        return self.series[-2][1] if len(self.series) > 1 else None


@dataclass
class Area:
    key: str
    label: str
    label_language: str
    figures: list[Figure]


def read(snapshot: dict) -> list[Area]:
    """The snapshot's areas and figures in the active language."""
    years = snapshot["years"]
    areas = []
    for area in snapshot["areas"]:
        figures = []
        for item in area["indicators"]:
            label, label_language = _in_active_language(item["label"])
            series = [(y, _number(item["values"][str(y)], item["unit"])) for y in years]
            # A figure of nothing links to nothing (its list may have no such year to show).
            url = _in_active_language(item["url"])[0] if series[-1][1] else ""
            figures.append(
                Figure(
                    key=item["key"],
                    label=label,
                    label_language=label_language,
                    unit=item["unit"],
                    url=url,
                    value=series[-1][1],
                    series=series,
                )
            )
        label, label_language = _in_active_language(area["label"])
        areas.append(Area(area["key"], label, label_language, figures))
    return areas


def changes(published: dict, current: dict) -> list[tuple[str, str, str, str]]:
    """What differs between a published snapshot and the figures computed now, for the admin's
    preview: (area label, indicator label, published value, value now) in the active language."""
    year = str(published["year"])
    before = {
        item["key"]: item["values"].get(year)
        for area in published["areas"]
        for item in area["indicators"]
    }
    found = []
    for area in read(current):
        for figure in area.figures:
            old = before.get(figure.key)
            if old is None or _number(old, figure.unit) != figure.value:
                found.append((area.label, figure.label, old, figure.value))
    return found
