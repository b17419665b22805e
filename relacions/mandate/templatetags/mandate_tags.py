"""The objective page's progress chart: a small SVG drawn on the server (no script, no inline
style), always followed in the template by a table with the same figures; the overview's
objective cards."""

from django import template

from relacions.operations.templatetags.fragments import fragments

register = template.Library()

# Drawn narrow and scaled to the column (at most 28rem, site.css): its 15-unit labels stay at
# least 12 px on a 375 px phone and about 17 px at full size.
WIDTH, HEIGHT = 400, 220
LEFT, RIGHT, TOP, BOTTOM = 56, 16, 16, 40
GRID = (0, 25, 50, 75, 100)


@register.inclusion_tag("mandate/_progress_chart.html")
def progress_chart(updates, chart_id: str = "progress-chart"):
    """`updates`: public progress updates, oldest first."""
    updates = list(updates)
    plot_width, plot_height = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def y(progress: int) -> float:
        return round(TOP + plot_height * (100 - progress) / 100, 1)

    points = []
    if updates:
        first, last = updates[0].date, updates[-1].date
        span = (last - first).days
        for index, update in enumerate(updates):
            if span:
                fraction = (update.date - first).days / span
            else:
                # All on one day: spread them evenly so none hides another.
                fraction = 0.5 if len(updates) == 1 else index / (len(updates) - 1)
            points.append(
                {
                    "x": round(LEFT + plot_width * fraction, 1),
                    "y": y(update.progress),
                    "update": update,
                }
            )
    return {
        "chart_id": chart_id,
        "width": WIDTH,
        "height": HEIGHT,
        "left": LEFT,
        "right": WIDTH - RIGHT,
        "label_x": LEFT - 8,
        "date_y": HEIGHT - BOTTOM + 24,
        "grid": [{"value": value, "y": y(value)} for value in GRID],
        "points": points,
        "polyline": " ".join(f"{point['x']},{point['y']}" for point in points),
        "first": points[0] if points else None,
        "last": points[-1] if len(points) > 1 else None,
    }


@register.simple_tag(takes_context=True)
def objective_cards(context, axes):
    """`{% objective_cards report.axes as sections %}`: (axis, its objectives' cards) for each
    axis, the cards (mandate.fragments.CARD) of every axis got together: one stamp query and one
    read of the cache for the page, one prefetch for the cards it lacks, whatever the number of
    axes."""
    groups = [list(axis.objectives.all()) for axis in axes]
    every = [objective for group in groups for objective in group]
    cards = iter(fragments(context, every, "mandate.card"))
    return [(axis, [next(cards) for _ in group]) for axis, group in zip(axes, groups, strict=True)]
