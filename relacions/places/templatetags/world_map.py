"""The home page's small world map: the outline (a static picture) under a dot per tied place,
the whole a link to the map page. One query, whatever the number of layers and places, made once
per change of the content (FRAGMENT_CACHE)."""

from django import template

from relacions.operations import pagecache

from ..mapdata import world
from ..projection import to_frame
from ..world import tied_places

register = template.Library()


def _dots() -> list[tuple[float, float]]:
    return [to_frame(float(place.longitude), float(place.latitude)) for place in tied_places()]


@register.inclusion_tag("places/_home_map.html")
def world_map_compact():
    data = world()
    # Every register's public ties at once: kept until the content or its schedule changes.
    dots = pagecache.remember("places:home-map-dots", _dots)
    return {
        "width": data["width"],
        "height": data["height"],
        # The picture's own size, in whole pixels (its aspect ratio before it loads).
        "img_width": round(data["width"]),
        "img_height": round(data["height"]),
        "dots": dots,
        "count": len(dots),
    }


@register.inclusion_tag("places/_locator_map.html")
def place_locator(place):
    """Where a place is on the world: the outline and one dot (no query: the place is read)."""
    data = world()
    x, y = to_frame(float(place.longitude), float(place.latitude))
    return {
        "place": place,
        "width": data["width"],
        "height": data["height"],
        "img_width": round(data["width"]),
        "img_height": round(data["height"]),
        "x": x,
        "y": y,
    }
