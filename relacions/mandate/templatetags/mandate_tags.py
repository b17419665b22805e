"""The objective page's progress chart: a small SVG drawn on the server (no script, no inline
style), always followed in the template by a table with the same figures."""

from django import template

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
