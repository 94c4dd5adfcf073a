"""The drawn path of a movement leg: sea lanes for moves by sea, geodesics otherwise.

Coordinates are GeoJSON order, [lon, lat]. Lines that cross the antimeridian are split into a
MultiLineString, as RFC 7946 (section 3.1.9) asks.
"""

from __future__ import annotations

import itertools
import logging
import math
from typing import Any

from geographiclib.geodesic import Geodesic

logger = logging.getLogger(__name__)

GEODESIC_STEP_KM = 50.0
MAX_POINTS = 128


def geodesic(start: list[float], end: list[float]) -> list[list[float]]:
    """Points every ~50 km along the geodesic from ``start`` to ``end`` ([lon, lat]), ends included."""
    line = Geodesic.WGS84.InverseLine(start[1], start[0], end[1], end[0])
    n = min(MAX_POINTS, max(2, math.ceil(line.s13 / 1000 / GEODESIC_STEP_KM) + 1))
    points = []
    for i in range(n):
        p = line.Position(line.s13 * i / (n - 1))
        points.append([round(p["lon2"], 5), round(p["lat2"], 5)])
    points[0], points[-1] = list(start), list(end)
    return points


def sea_lane(start: list[float], end: list[float]) -> list[list[float]] | None:
    """The shortest sea lane between two ports ([lon, lat]) from the searoute network, with the
    ports themselves at both ends; None when no lane is found."""
    try:
        import searoute

        route = searoute.searoute(start, end)
        coords = [list(c) for c in route["geometry"]["coordinates"]]
    except Exception as exc:  # searoute raises bare exceptions for unreachable points
        logger.info("no sea lane from %s to %s: %s", start, end, exc)
        return None
    if len(coords) < 2:
        return None
    return [list(start), *coords, list(end)]


def length_km(coords: list[list[float]]) -> float:
    return sum(Geodesic.WGS84.Inverse(a[1], a[0], b[1], b[0])["s12"] for a, b in itertools.pairwise(coords)) / 1000


def split_antimeridian(coords: list[list[float]]) -> dict[str, Any]:
    """A LineString, or a MultiLineString cut at ±180° where the line crosses it."""
    parts = [[coords[0]]]
    for a, b in itertools.pairwise(coords):
        if abs(b[0] - a[0]) > 180:
            east = a[0] > 0
            b_unwrapped = b[0] + (360 if east else -360)
            edge = 180.0 if east else -180.0
            t = (edge - a[0]) / (b_unwrapped - a[0])
            lat = round(a[1] + t * (b[1] - a[1]), 5)
            parts[-1].append([edge, lat])
            parts.append([[-edge, lat]])
        parts[-1].append(b)
    if len(parts) == 1:
        return {"type": "LineString", "coordinates": parts[0]}
    return {"type": "MultiLineString", "coordinates": parts}


def leg(start: list[float], end: list[float], *, mode: str | None) -> tuple[dict[str, Any], str, float]:
    """The geometry of one leg, how it was drawn ("sea lane" or "geodesic") and its length in km."""
    coords = sea_lane(start, end) if mode == "sea" else None
    if coords is not None:
        return split_antimeridian(coords), "sea lane", round(length_km(coords), 1)
    # a geodesic's length is one inverse solution, not a sum over its interpolated points
    km = Geodesic.WGS84.Inverse(start[1], start[0], end[1], end[0])["s12"] / 1000
    return split_antimeridian(geodesic(start, end)), "geodesic", round(km, 1)
