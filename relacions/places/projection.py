"""The Equal Earth projection (Šavrič, Patterson and Jenny, 2018): an equal-area world map whose
shapes stay close to what readers know. A few lines of arithmetic, so the map needs no library:
the converter (`manage.py build_map_data`) projects the countries once with it, and the map
projects each place's marker at request time with the same function and the same frame."""

import math

A1, A2, A3, A4 = 1.340264, -0.081106, 0.000893, 0.003796
M = math.sqrt(3) / 2

# The frame of the drawing: projected units times SCALE, so the whole world is WIDTH units wide
# (x in -π·0.8487… … +π·0.8487… before scaling), with the origin at the top left of the viewBox.
WIDTH = 1000.0
HALF_WIDTH_UNITS = 2 * math.sqrt(3) * math.pi / (3 * A1)
SCALE = WIDTH / (2 * HALF_WIDTH_UNITS)


def equal_earth(longitude: float, latitude: float) -> tuple[float, float]:
    """Projected (x, y) in the projection's own units, y up."""
    lam = math.radians(longitude)
    theta = math.asin(M * math.sin(math.radians(latitude)))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    slope = 9 * A4 * t6 * t2 + 7 * A3 * t6 + 3 * A2 * t2 + A1
    x = 2 * math.sqrt(3) * lam * math.cos(theta) / (3 * slope)
    y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2))
    return x, y


POLE_Y = equal_earth(0, 90)[1]


def to_frame(longitude: float, latitude: float) -> tuple[float, float]:
    """The point in the drawing's frame: x from 0 (180° W) to WIDTH (180° E), y from 0 (the
    North Pole) downwards, rounded to a tenth of a unit (a tenth of a pixel at full width)."""
    x, y = equal_earth(longitude, latitude)
    return round((x + HALF_WIDTH_UNITS) * SCALE, 1), round((POLE_Y - y) * SCALE, 1)
