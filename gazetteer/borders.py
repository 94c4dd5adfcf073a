"""Land borders between countries, as places: "the X-Y border", "the X border", "its border with X".

War reporting sends troops *to a border*, not into the neighbouring country. Drawing "to the
border with X" at X would put one side's soldiers on the other side's soil; drawing it at a point
would fake a precision the text does not have. So the builder derives, from the Natural Earth
country outlines it already reads, one place per pair of neighbouring countries (``border:MX-US``:
the band of land along the line they share) and one per country with land neighbours
(``border:UA``: the band along all its land borders, for "the Ukrainian border" when the other
side is not named). Both are areas.

Queries name borders in many ways ("the Chad-Sudan border", "the Polish-Belarusian frontier",
"Ukraine's border", "the border between X and Y"); rather than storing every spelling as an
alias, :func:`parse_border` reads the phrase and the store resolves each side as a country name
or nationality word it already knows.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from conflictmap.gazetteer.model import Place, PlaceKind
from conflictmap.gazetteer.normalize import fold

BORDER_NOUNS = ("border", "borders", "frontier", "frontiers", "boundary", "boundaries")
# A pair shares a land border when this much of one outline lies within TOUCH of the other (degrees;
# outlines are simplified at 0.01, so shared lines no longer coincide exactly).
TOUCH_DEG = 0.02
MIN_SHARED_DEG = 0.05  # shorter contacts are tripoints and simplification slivers, not borders
BAND_DEG = 0.1  # the area drawn: about 10 km either side of the line
SIMPLIFY_DEG = 0.02
# Part of the gazetteer's inputs: a gazetteer built with other border parameters is stale.
PARAMETERS = f"borders:{TOUCH_DEG}:{MIN_SHARED_DEG}:{BAND_DEG}:{SIMPLIFY_DEG}"
_QUALIFIERS = frozenset({"common", "shared", "land", "porous", "disputed", "international"})


def pair_id(a: str, b: str) -> str:
    """The id of the border two countries share ("border:MX-US"), in either order."""
    x, y = sorted((a.upper(), b.upper()))
    return f"border:{x}-{y}"


def ring_id(code: str) -> str:
    """The id of all a country's land borders ("border:UA")."""
    return f"border:{code.upper()}"


def sides(place: Place) -> tuple[str, ...]:
    """The country codes a border place lies between (one for a country's own borders), or ()."""
    if not place.id.startswith("border:"):
        return ()
    return tuple(place.id.removeprefix("border:").split("-"))


@dataclass(frozen=True, slots=True)
class BorderQuery:
    """The sides a border phrase names, as written (none, one or two), and the compass direction it
    gives ("the southern border": ``south``; "" when none)."""

    sides: tuple[str, ...]
    direction: str = ""


# Compass bearings (degrees clockwise from north) of the direction words a border phrase may hold
BEARINGS = {"north": 0, "northern": 0, "northeast": 45, "northeastern": 45, "east": 90, "eastern": 90,
            "southeast": 135, "southeastern": 135, "south": 180, "southern": 180, "southwest": 225,
            "southwestern": 225, "west": 270, "western": 270, "northwest": 315, "northwestern": 315}
MAX_BEARING_GAP = 67.5  # "the southern border": a neighbour whose shared line lies within this of south


# whose border, left to the context: "its", "the country's" ("the southern border" of the story's country)
_WHOSE = frozenset({"the", "its", "their", "our", "his", "her", "country", "nation", "countrys", "nations"})
_POSSESSIVE = re.compile(r"['’]s\b|['’](?=\s|$)")


def parse_border(query: str) -> BorderQuery | None:
    """The sides a border phrase names, or None when ``query`` is no border phrase.

    >>> parse_border("the U.S.-Canada frontier").sides  # one run of words: resolve_sides splits it
    ('us canada',)
    >>> parse_border("Ukraine's northern border").sides
    ('ukraine',)
    >>> parse_border("the border between Chad and Sudan").sides
    ('chad', 'sudan')
    >>> parse_border("border with China").sides
    ('china',)
    >>> parse_border("Syria's border with Turkey").sides
    ('syria', 'turkey')
    >>> parse_border("the southern border")
    BorderQuery(sides=(), direction='southern')
    >>> parse_border("Mexico City") is None
    True
    """
    words = [w for w in fold(_POSSESSIVE.sub(" ", query)).split() if w not in _WHOSE]
    at = next((i for i, w in enumerate(words) if w in BORDER_NOUNS), None)
    if at is None or not words:
        return None
    before, after = words[:at], words[at + 1:]
    direction = ""
    while before and (before[-1] in BEARINGS or before[-1] in _QUALIFIERS):
        direction = direction or (before[-1] if before[-1] in BEARINGS else "")
        before = before[:-1]
    if before and not after:
        return BorderQuery((" ".join(before),), direction)
    if before and len(after) >= 2 and after[0] == "with":  # "X's border with Y"
        return BorderQuery((" ".join(before), " ".join(after[1:])))
    if not before and len(after) >= 2 and after[0] in ("with", "of"):
        return BorderQuery((" ".join(after[1:]),), direction if after[0] == "of" else "")
    if not before and len(after) >= 4 and after[0] == "between" and "and" in after[2:]:
        k = after.index("and", 2)
        if k + 1 < len(after):
            return BorderQuery((" ".join(after[1:k]), " ".join(after[k + 1:])))
    if not before and not after and direction:
        return BorderQuery((), direction)  # "the southern border": whose, the context says
    return None


def resolve_sides(parsed: BorderQuery, country: Callable[[str], str | None],
                  home: str | None = None) -> tuple[str, ...] | None:
    """The country codes a parsed border phrase names, using ``country`` (a name or nationality word
    to its ISO code, or None) for each side; the words before one border noun may hold two names
    ("north korea south korea"), tried at every split. A phrase naming no country ("the southern
    border") is ``home``'s. None when a side names no country."""
    if not parsed.sides:
        return (home,) if home else None
    if len(parsed.sides) == 2:
        codes = tuple(country(s) for s in parsed.sides)
        return codes if all(codes) and codes[0] != codes[1] else None  # type: ignore[return-value]
    words = parsed.sides[0].split()
    whole = country(parsed.sides[0])
    if whole:
        return (whole,)
    for k in range(1, len(words)):
        a, b = country(" ".join(words[:k])), country(" ".join(words[k:]))
        if a and b and a != b:
            return (a, b)
    return None


def bearing(origin: tuple[float, float], target: tuple[float, float]) -> float:
    """The initial compass bearing in degrees from ``origin`` to ``target`` (lat, lon)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*origin, *target))
    x = math.sin(lon2 - lon1) * math.cos(lat2)
    y = math.cos(lat1) * math.sin(lat2) - math.sin(lat1) * math.cos(lat2) * math.cos(lon2 - lon1)
    return math.degrees(math.atan2(x, y)) % 360


def main_part(outline: Any) -> Any:
    """The largest polygon of an outline: a country's directions are its mainland's (France's south
    is Spain's side, not French Guiana's)."""
    parts = list(getattr(outline, "geoms", [outline]))
    return max(parts, key=lambda g: g.area)


def toward(mainland: Any, pairs: Iterable[Place], direction: str) -> Place | None:
    """Of a country's shared borders on its ``mainland`` (its largest polygon) seen within
    :data:`MAX_BEARING_GAP` of ``direction`` from the mainland's centre, the one lying furthest that
    way ("Ruritania's southern border"), or None."""
    from shapely.geometry import Point

    want = BEARINGS.get(direction)
    if want is None:
        return None
    centre = (mainland.centroid.y, mainland.centroid.x)
    best: tuple[float, str, Place] | None = None
    for p in pairs:
        if mainland.distance(Point(p.lon, p.lat)) > TOUCH_DEG * 10:
            continue  # the border of an overseas part ("France's southern border" is not French Guiana's)
        if abs((bearing(centre, p.latlon()) - want + 180) % 360 - 180) > MAX_BEARING_GAP:
            continue
        # how far the line lies that way: the distance along the direction, in degrees of arc
        north, east = p.lat - centre[0], (p.lon - centre[1]) * math.cos(math.radians(centre[0]))
        reach = north * math.cos(math.radians(want)) + east * math.sin(math.radians(want))
        if best is None or (reach, p.id) > best[:2]:
            best = (reach, p.id, p)
    return best[2] if best is not None else None


def border_places(countries: Iterable[tuple[Place, Any]], prior: float) -> list[tuple[Place, Any]]:
    """Border places derived from country outlines (``(place, shapely geometry)``): one per pair of
    countries sharing a land line of at least :data:`MIN_SHARED_DEG`, one per country with such a
    neighbour; each with the band along its line as its outline."""
    from shapely import STRtree
    from shapely.ops import unary_union

    shapes = [(p, g) for p, g in countries if g is not None and not g.is_empty and p.country_code]
    shapes.sort(key=lambda e: e[0].country_code)
    near = [g.buffer(TOUCH_DEG) for _, g in shapes]
    tree = STRtree(near)
    lines: dict[str, list[Any]] = {}
    out = []
    for i, (a, ga) in enumerate(shapes):
        for j in sorted(int(k) for k in tree.query(ga)):
            b = shapes[j][0]
            if j <= i or b.country_code == a.country_code:
                continue
            line = ga.boundary.intersection(near[j])
            if line.is_empty or line.length < MIN_SHARED_DEG:
                continue
            lines.setdefault(a.country_code, []).append(line)
            lines.setdefault(b.country_code, []).append(line)
            first, second = sorted((a, b), key=lambda p: p.name)
            out.append(_band(pair_id(a.country_code, b.country_code), f"{first.name}–{second.name} border",
                             "", line, prior))
    for place, _ in shapes:
        if place.country_code in lines:
            line = unary_union(lines[place.country_code])
            out.append(_band(ring_id(place.country_code), f"{place.name} border", place.country_code, line, prior))
    return out


def _band(pid: str, name: str, country: str, line: Any, prior: float) -> tuple[Place, Any]:
    band = line.buffer(BAND_DEG).simplify(SIMPLIFY_DEG, preserve_topology=True)
    point = line.representative_point()
    place = Place(id=pid, name=name, kind=PlaceKind.REGION, country_code=country,
                  lat=round(point.y, 4), lon=round(point.x, 4), feature="land border",
                  has_shape=True, prior=prior)
    return place, band
