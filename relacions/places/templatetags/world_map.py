"""The home page's small world map: the outline (a static picture) under a dot per tied place,
the whole a link to the map page. One query, whatever the number of layers and places."""

from django import template

from ..mapdata import world
from ..projection import to_frame
from ..world import tied_places

register = template.Library()


@register.inclusion_tag("places/_home_map.html")
def world_map_compact():
    data = world()
    dots = [to_frame(float(place.longitude), float(place.latitude)) for place in tied_places()]
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
