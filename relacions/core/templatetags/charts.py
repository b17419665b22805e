"""A figure's years as a small column chart: an SVG drawn on the server (no script, no inline
style), named for assistive technology by its title and a description that reads every value;
the page gives the same figures in a table too. (The projects' totals draw horizontal bars:
relacions.projects.templatetags.projects_tags.)"""

import re
from decimal import Decimal

from django import template
from django.utils.formats import number_format
from django.utils.translation import pgettext

from relacions.core.declaration import EUROS, PERCENT
from relacions.core.money import euros

register = template.Library()

WIDTH, HEIGHT = 260, 124
TOP, BOTTOM = 20, 22  # room above the columns for their values, below for their years
COLUMN = 30


def figure_text(value, unit: str) -> str:
    """A figure as the page writes it: 1.234,50 € for money, 47,5 % for a percentage."""
    if unit == EUROS:
        return euros(value)
    if unit == PERCENT:
        return pgettext("a percentage", "%(rate)s%%") % {
            "rate": number_format(Decimal(value), decimal_pos=1, use_l10n=True)
        }
    return number_format(value, use_l10n=True, force_grouping=True)


def compact_text(value, unit: str) -> str:
    """A figure short enough to stand above its column: 1,2 M€, 845 k€."""
    if unit != EUROS:
        return figure_text(value, unit)
    value = Decimal(value)
    if value >= 1_000_000:
        amount = number_format(value / 1_000_000, decimal_pos=1, use_l10n=True)
        return pgettext("millions of euros, short", "%(amount)s M€") % {"amount": amount}
    if value >= 1_000:
        amount = number_format((value / 1_000).quantize(Decimal(1)), use_l10n=True)
        return pgettext("thousands of euros, short", "%(amount)s k€") % {"amount": amount}
    return pgettext("euros, short", "%(amount)s €") % {
        "amount": number_format(value.quantize(Decimal(1)), use_l10n=True)
    }


@register.simple_tag
def figure(value, unit: str) -> str:
    return figure_text(value, unit)


@register.inclusion_tag("includes/_column_chart.html")
def column_chart(series, unit: str, *, chart_id: str, title: str):
    """`series`: (year, value) pairs, oldest first; one column each, the last one marked.
    `chart_id` names the chart on its page (a figure's key: "projects.started")."""
    series = list(series)
    chart_id = "chart-" + re.sub(r"[^a-z0-9-]+", "-", chart_id.lower())
    largest = max((Decimal(value) for _year, value in series), default=Decimal(0))
    room = HEIGHT - TOP - BOTTOM
    step = WIDTH / max(len(series), 1)
    columns = []
    for index, (year, value) in enumerate(series):
        height = float(Decimal(value) / largest * room) if largest else 0.0
        height = round(max(height, 1.0 if value else 0.0), 1)
        centre = round(step * index + step / 2, 1)
        columns.append(
            {
                "year": year,
                "x": round(centre - COLUMN / 2, 1),
                "centre": centre,
                "y": round(TOP + room - height, 1),
                "height": height,
                "text_y": round(TOP + room - height - 5, 1),
                "text": compact_text(value, unit),
                "current": index == len(series) - 1,
            }
        )
    description = "; ".join(f"{year}: {figure_text(value, unit)}" for year, value in series)
    return {
        "chart_id": chart_id,
        "title": title,
        "description": description,
        "width": WIDTH,
        "height": HEIGHT,
        "baseline": HEIGHT - BOTTOM,
        "year_y": HEIGHT - 6,
        "columns": columns,
    }
