"""The totals' bar chart: an SVG drawn on the server (no script, no inline style), always
followed in the template by a table with the same figures; and the rates as the language writes
a percentage."""

from decimal import Decimal

from django import template
from django.utils.formats import number_format
from django.utils.translation import pgettext

from relacions.core.money import euros

register = template.Library()

# Drawn narrow and scaled to the column (at most 26rem, site.css), as the objective's progress
# chart: its 17-unit labels stay about 13 px on a 320 px phone.
WIDTH = 400
LABEL = 50  # the year, right-aligned before the bar
VALUE = 136  # room after the longest bar for its amount
ROW, BAR, TOP = 32, 20, 6


@register.inclusion_tag("projects/_bar_chart.html")
def bar_chart(rows, *, chart_id: str, title: str, description: str):
    """`rows`: totals' Rows (a label, an amount or None); one horizontal bar each."""
    rows = list(rows)
    largest = max((row.amount or 0 for row in rows), default=Decimal(0))
    room = WIDTH - LABEL - 8 - VALUE
    bars = []
    for index, row in enumerate(rows):
        amount = row.amount or 0
        length = float(amount / largest * room) if largest else 0.0
        y = TOP + index * ROW
        bars.append(
            {
                "row": row,
                "y": y,
                "text_y": y + BAR / 2,
                "width": round(max(length, 1.0 if amount else 0.0), 1),
                "value_x": round(LABEL + 8 + length + 6, 1),
                "amount": euros(row.amount),
            }
        )
    return {
        "chart_id": chart_id,
        "title": title,
        "description": description,
        "width": WIDTH,
        "height": TOP * 2 + ROW * len(rows),
        "label_x": LABEL,
        "bar_x": LABEL + 8,
        "bar_height": BAR,
        "bars": bars,
    }


@register.filter
def percent(rate) -> str:
    """47,5 % (ca, es) or 47.5% (en); "—" when there is none."""
    if rate is None:
        return "—"
    rate = Decimal(rate)
    # 50 rather than 50,00; 47,5 rather than 47,50 (normalize() alone writes 100 as 1E+2).
    rate = rate.quantize(Decimal(1)) if rate == rate.to_integral() else rate.normalize()
    figure = number_format(rate, use_l10n=True)
    return pgettext("a percentage", "%(rate)s%%") % {"rate": figure}
