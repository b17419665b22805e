"""Terrassa in the world: what ties the city to each place, read from the layers the apps declare
(`places` in their content.py, relacions.core.declaration.PlaceLayer), and where each place sits on
the world map. This app imports none of the apps it shows; each layer costs one query.
"""

from __future__ import annotations

import datetime
import functools
from dataclasses import dataclass, field
from itertools import groupby

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.urls import NoReverseMatch
from django.utils import timezone

from relacions.core.declaration import PlaceLayer, place_layers
from relacions.core.prepared import Prepared
from relacions.operations.pagecache import fragments

from .mapdata import world
from .models import Place
from .projection import to_frame

# One shape per layer, in the layers' order, so a marker is told apart without its colour (the
# legend and the form show the same shapes); a place tied by several layers wears a ring too.
SHAPES = ("circle", "square", "triangle", "diamond", "pentagon", "hexagon")

# The Europe view: longitudes and latitudes it covers (Iceland to the Urals, Crete to the North
# Cape). Its places are links there; the world view shows them as dots and frames the region.
EUROPE = {"west": -25.0, "east": 45.0, "south": 33.0, "north": 71.5}
# How many times the Europe view magnifies the world view, and so how much smaller its markers
# are in map units (they are the same size on the screen).
MARKER_SIZE = 22.0


@dataclass(frozen=True)
class Tie:
    """One row of the map's table: a place and one item that ties the city to it."""

    layer: PlaceLayer
    place: Place
    title: str
    date: datetime.date | None
    url: str
    description: str
    shape: str = SHAPES[0]

    @property
    def sort_date(self) -> datetime.date:
        return self.date or datetime.date.min


@dataclass
class Marker:
    place: Place
    x: float
    y: float
    ties: list[Tie] = field(default_factory=list)
    shape: str = SHAPES[0]
    several_layers: bool = False
    in_europe: bool = False

    @property
    def name(self) -> str:
        """The marker's accessible name: “Pamiers, France: Twinning since 1990; …”."""
        ties = "; ".join(tie.description for tie in self.ties)
        return f"{self.place.name}, {self.place.country.name}: {ties}"


def link(layer: PlaceLayer, row) -> str:
    # A register whose public pages are not mounted yet (a new app before its views) still shows
    # its ties, without a link.
    try:
        return layer.url(row)
    except NoReverseMatch:
        return ""


def tie(layer: PlaceLayer, row, place: Place, shape: str = SHAPES[0]) -> Tie:
    return Tie(
        shape=shape,
        layer=layer,
        place=place,
        title=layer.title(row),
        date=layer.date(row),
        url=link(layer, row),
        description=layer.describe(row),
    )


def map_layers() -> list[PlaceLayer]:
    return [layer for layer in place_layers() if layer.on_map]


def shapes() -> dict[str, str]:
    """Each map layer's shape, by its key (the same whichever layers are shown)."""
    return {layer.key: SHAPES[index % len(SHAPES)] for index, layer in enumerate(map_layers())}


def map_ties(layers: list[PlaceLayer]) -> list[Tie]:
    """Every public tie of `layers` to a place with coordinates: one query per layer. Sorted by
    country, place and date; a place tied twice by one item (two partners of one agreement in
    the same city) is listed once."""
    ties: dict[tuple, Tie] = {}
    layer_shapes = shapes()
    for layer in layers:
        lookup = layer.lookups[0]
        rows = (
            layer.queryset().filter(**{f"{lookup}__latitude__isnull": False}).select_related(lookup)
        )
        for row in rows:
            found = tie(layer, row, layer.place_of(row), layer_shapes[layer.key])
            ties.setdefault((layer.key, found.place.pk, found.title, found.url), found)
    return sorted(
        ties.values(),
        key=lambda t: (str(t.place.country.name), t.place.name, t.place.pk, t.sort_date),
    )


def markers(ties: list[Tie]) -> list[Marker]:
    """One marker per place, listing its ties, west to east."""
    found: list[Marker] = []
    by_place = sorted(ties, key=lambda t: t.place.pk)
    for _pk, grouped in groupby(by_place, key=lambda t: t.place.pk):
        place_ties = sorted(grouped, key=lambda t: (t.layer.order, t.sort_date))
        place = place_ties[0].place
        x, y = to_frame(float(place.longitude), float(place.latitude))
        keys = {t.layer.key for t in place_ties}
        found.append(
            Marker(
                place=place,
                x=x,
                y=y,
                ties=place_ties,
                shape=place_ties[0].shape,
                several_layers=len(keys) > 1,
                in_europe=in_europe(place),
            )
        )
    return sorted(found, key=lambda marker: (marker.x, marker.y))


def in_europe(place: Place) -> bool:
    return (
        EUROPE["west"] <= place.longitude <= EUROPE["east"]
        and EUROPE["south"] <= place.latitude <= EUROPE["north"]
    )


def europe_frame() -> tuple[float, float, float, float]:
    """The Europe view's viewBox (x, y, width, height) in the world view's units."""
    edge = [
        to_frame(lon, lat)
        for lon in (EUROPE["west"], EUROPE["east"])
        for lat in (EUROPE["south"], EUROPE["north"])
    ]
    edge += [to_frame((EUROPE["west"] + EUROPE["east"]) / 2, EUROPE["south"])]
    left = min(x for x, _y in edge)
    right = max(x for x, _y in edge)
    top = min(y for _x, y in edge)
    bottom = max(y for _x, y in edge)
    return round(left, 1), round(top, 1), round(right - left, 1), round(bottom - top, 1)


def spot(marker: Marker, size: float) -> dict:
    """Where a marker's shape (and its ring) are drawn in a view whose markers are `size` wide."""
    ring = size * 1.5
    return {
        "marker": marker,
        "x": round(marker.x - size / 2, 2),
        "y": round(marker.y - size / 2, 2),
        "size": size,
        "ring_x": round(marker.x - ring / 2, 2),
        "ring_y": round(marker.y - ring / 2, 2),
        "ring_size": round(ring, 2),
    }


def drawing(ties: list[Tie]) -> dict:
    """What the map's template draws: the outlines, the two views and their markers, each view's
    markers sized in its own units (a Europe marker is as big on the screen as a world one)."""
    data = world()
    frame = europe_frame()
    europe_size = round(MARKER_SIZE * frame[2] / data["width"] * 1.1, 2)
    all_markers = markers(ties)
    return {
        "world": data,
        "europe": {"x": frame[0], "y": frame[1], "width": frame[2], "height": frame[3]},
        "markers": all_markers,
        "world_spots": [spot(m, MARKER_SIZE) for m in all_markers if not m.in_europe],
        "europe_spots": [spot(m, europe_size) for m in all_markers if m.in_europe],
        # The world view's dots where the Europe view has the links.
        "europe_dots": [spot(m, MARKER_SIZE / 2) for m in all_markers if m.in_europe],
    }


def tied_places() -> list[Place]:
    """The places with coordinates that some map layer ties (the home page's small map), in one
    query whatever the number of layers."""
    tied = Q()
    for layer in map_layers():
        tied |= Exists(layer.queryset().filter(**{layer.lookups[0]: OuterRef("pk")}))
    if not tied:
        return []
    return list(
        Place.objects.filter(tied, latitude__isnull=False).only("pk", "latitude", "longitude")
    )


def tied_to_place(layer: PlaceLayer, now: datetime.datetime | None, place) -> QuerySet:
    """The layer's public rows at `now` tied to `place` (a Place or its id)."""
    rows = layer.queryset(now)
    # One semi-join on the union of each lookup's ids (`pk IN (… UNION …)`). Never one join
    # through them all: the news through events, networks, agreements and projects multiply
    # each other's rows; nor one semi-join per lookup joined by OR, which PostgreSQL answers by
    # reading every row of the layer (4 ms for 10,000 news items, against 0.1 ms).
    model = rows.model._default_manager
    first, *others = [model.filter(**{lookup: place}).values("pk") for lookup in layer.lookups]
    return rows.filter(pk__in=first.union(*others) if others else first)


@functools.cache
def _tied(layer: PlaceLayer) -> Prepared:
    """The layer's query of a place's page, compiled once (relacions.core.prepared)."""
    return Prepared(
        lambda now, place: tied_to_place(layer, now, place), now=datetime.datetime, place=int
    )


@dataclass(frozen=True)
class TimelineEntry:
    """What a place's page shows of one tie (kept with the content generation)."""

    kind: str  # the layer's name, in the language it was read in
    title: str
    url: str
    date: datetime.date | None


def kept_timeline(place: Place) -> list[TimelineEntry]:
    """A place's page's timeline, read (one query per layer) once per change of the content and
    kept until the next (`fragments.kept_for`)."""

    def read() -> list[TimelineEntry]:
        return [
            TimelineEntry(kind=str(entry.layer.label), title=entry.title, url=entry.url,
                          date=entry.date)
            for entry in place_timeline(place, timezone.now())
        ]  # fmt: skip

    return fragments.kept_for(place, "timeline", read)


def place_timeline(place: Place, now: datetime.datetime | None = None) -> list[Tie]:
    """Everything public at `now` tied to `place`, every layer (news through the events,
    networks, agreements and projects held there), newest first: one query per layer."""
    now = now or timezone.now()
    entries: dict[tuple, Tie] = {}
    for layer in place_layers():
        for row in _tied(layer).fetch(now=now, place=place.pk):
            found = tie(layer, row, place)
            entries.setdefault((layer.key, found.title, found.url), found)
    return sorted(entries.values(), key=lambda t: (t.sort_date, t.title), reverse=True)
