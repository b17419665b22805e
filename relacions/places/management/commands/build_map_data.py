"""Turn Natural Earth's 1:110m countries (npm's world-atlas, TopoJSON) into the world map's data
file, relacions/places/data/world-110m.json: each country's outline projected (Equal Earth, the
frame of relacions.places.projection) and written as a compact SVG path. Run once, when the
source changes (`make mapdata`); the file is kept in git and the site never fetches anything."""

import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from relacions.places.mapdata import DATA_FILE
from relacions.places.projection import WIDTH, to_frame

# The outline alone, as a static picture: the home page's small map shows it (cached by browsers
# for a year, hashed like every static file) under its dots.
OUTLINE_FILE = Path(settings.BASE_DIR) / "static" / "img" / "world-110m.svg"
SOURCE = Path(settings.BASE_DIR) / "node_modules" / "world-atlas" / "countries-110m.json"
# Antarctica (ISO 3166-1 numeric 010) holds no partner and would take a fifth of the height.
LEFT_OUT = {"010"}
# Points closer than this (in the frame's units, a pixel at full width) to the last one kept are
# dropped: the outlines keep their shape at the map's sizes and the file stays small.
TOLERANCE = 0.9


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """The arcs as (longitude, latitude) points (TopoJSON stores them quantised, as deltas)."""
    (scale_x, scale_y), (translate_x, translate_y) = (
        topology["transform"]["scale"],
        topology["transform"]["translate"],
    )
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * scale_x + translate_x, y * scale_y + translate_y))
        arcs.append(points)
    return arcs


def ring_points(ring: list[int], arcs) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in ring:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc[1:] if points else arc)
    return points


def across_antimeridian(points: list[tuple[float, float]]) -> list[list[tuple[float, float]]]:
    """A ring that crosses 180° (Fiji, Chukotka) is made continuous east of it and drawn twice,
    once on each side; the map clips both to the globe's outline."""
    if all(abs(a[0] - b[0]) <= 180 for a, b in zip(points, points[1:], strict=False)):
        return [points]
    east = [(lon + 360 if lon < 0 else lon, lat) for lon, lat in points]
    return [east, [(lon - 360, lat) for lon, lat in east]]


def sphere() -> str:
    """The globe's outline (the meridians ±180°), for the sea and the clipping path."""
    latitudes = range(-90, 91, 5)
    points = [(-180, lat) for lat in latitudes] + [(180, lat) for lat in reversed(latitudes)]
    return path_data([simplify(points)])


def simplify(points: list[tuple[float, float]]) -> list[tuple[int, int]]:
    """Projected, in tenths of a unit, without the points too close to the last one kept."""
    kept: list[tuple[int, int]] = []
    for longitude, latitude in points:
        x, y = to_frame(longitude, latitude)
        point = (round(x * 10), round(y * 10))
        if (
            kept
            and (point[0] - kept[-1][0]) ** 2 + (point[1] - kept[-1][1]) ** 2
            < (TOLERANCE * 10) ** 2
        ):
            continue
        kept.append(point)
    return kept


def tenths(value: int) -> str:
    text = f"{value / 10:.1f}".rstrip("0").rstrip(".")
    return text.replace("0.", ".", 1) if text.startswith(("0.", "-0.")) else text


def path_data(rings: list[list[tuple[int, int]]]) -> str:
    """Each ring as "m x y dx dy … z": relative steps, so most pairs are a few characters."""
    parts = []
    last = (0, 0)
    for ring in rings:
        start = ring[0]
        steps = [f"m{tenths(start[0] - last[0])} {tenths(start[1] - last[1])}"]
        previous = start
        for point in ring[1:]:
            dx, dy = point[0] - previous[0], point[1] - previous[1]
            steps.append(f"{tenths(dx)}{'' if dy < 0 else ' '}{tenths(dy)}")
            previous = point
        parts.append(" ".join(steps) + "z")
        last = start
    return "".join(parts)


class Command(BaseCommand):
    help = "Build the world map's data file from npm's world-atlas (Natural Earth 1:110m)."

    def add_arguments(self, parser):
        parser.add_argument("--source", default=str(SOURCE), help="countries-110m.json")
        parser.add_argument("--output", default=str(DATA_FILE))

    def handle(self, *args, source, output, **options):
        try:
            topology = json.loads(Path(source).read_text())
        except FileNotFoundError as error:
            raise CommandError(f"{source} not found: run `npm ci` first.") from error
        arcs = decode_arcs(topology)
        countries = []
        bottom = 0.0
        for geometry in topology["objects"]["countries"]["geometries"]:
            kind = geometry["type"]
            if geometry.get("id") in LEFT_OUT or kind not in {"Polygon", "MultiPolygon"}:
                continue
            polygons = geometry["arcs"] if kind == "MultiPolygon" else [geometry["arcs"]]
            rings = [
                simplify(points)
                for polygon in polygons
                for ring in polygon
                for points in across_antimeridian(ring_points(ring, arcs))
            ]
            rings = [ring for ring in rings if len(ring) >= 3]
            if not rings:
                continue
            bottom = max(bottom, max(y for ring in rings for _x, y in ring) / 10)
            countries.append(
                {
                    "id": geometry.get("id", ""),
                    "name": geometry["properties"]["name"],
                    "d": path_data(rings),
                }
            )
        data = {
            "source": "Natural Earth 1:110m Admin 0 countries, through npm world-atlas 2.0.2",
            "licence": "Public domain (Natural Earth); world-atlas is ISC-licensed",
            "projection": "Equal Earth",
            "width": WIDTH,
            "height": round(bottom + 2, 1),
            "sphere": sphere(),
            "countries": countries,
        }
        Path(output).write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n")
        size = Path(output).stat().st_size
        self.stdout.write(f"{len(countries)} countries, {size} bytes: {output}")
        OUTLINE_FILE.write_text(outline_svg(data))
        self.stdout.write(f"{OUTLINE_FILE.stat().st_size} bytes: {OUTLINE_FILE}")


def outline_svg(data: dict) -> str:
    countries = "".join(f'<path d="{country["d"]}"/>' for country in data["countries"])
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" '
        f'viewBox="0 0 {data["width"]:g} {data["height"]:g}">'
        f"<!-- {data['source']}. {data['licence']}. -->"
        f'<clipPath id="g"><path d="{data["sphere"]}"/></clipPath>'
        f'<path fill="#eaf1f6" d="{data["sphere"]}"/>'
        f'<g fill="#dcd6d3" stroke="#fff" stroke-width=".6" clip-path="url(#g)">{countries}</g>'
        "</svg>\n"
    )
