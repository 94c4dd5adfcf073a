"""Frozen records the gazetteer hands out."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class PlaceKind(enum.StrEnum):
    """What sort of thing a gazetteer entry is; the value is what exports print."""

    COUNTRY = "country"
    ADMIN1 = "admin1"
    ADMIN2 = "admin2"  # county, district: GeoNames second-order division
    CITY = "city"
    REGION = "region"
    CONTINENT = "continent"
    LANDMARK = "landmark"
    WATER = "water"


# UCDP GED ``where_prec``: how precisely a mention of this kind of place locates an event.
WHERE_PREC = {
    PlaceKind.CITY: 1,
    PlaceKind.LANDMARK: 1,
    PlaceKind.ADMIN1: 4,
    PlaceKind.ADMIN2: 3,
    PlaceKind.REGION: 5,
    PlaceKind.COUNTRY: 6,
    PlaceKind.CONTINENT: 6,
    PlaceKind.WATER: 7,
}


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry.

    ``lat``/``lon`` are WGS84 degrees of the label point (a city's centre, a country's or region's
    label point from Natural Earth). Use :meth:`latlon` for folium/geopy and :meth:`point` for
    GeoJSON/shapely so the two orders never get mixed up.
    """

    id: str  # "geonames:2013348", "ne-admin1:RU-KRS", "ne-admin0:KP", "curated:indo-pacific"
    name: str
    kind: PlaceKind
    country_code: str  # ISO 3166-1 alpha-2, "" when none applies (oceans, continents)
    lat: float
    lon: float
    population: int = 0
    admin1_code: str = ""  # GeoNames admin-1 key "RU.41"; joins cities to their region
    geonames_id: int | None = None
    feature: str = ""  # local type or role: "Oblast", "State", "capital", "strait"
    has_shape: bool = False  # an outline polygon is stored (countries, regions)
    # the outline is only the hull of the division's towns (GeoNames divisions Natural Earth lacks)
    approximate_shape: bool = False
    prior: float = 0.0  # context-free importance used for ranking

    def latlon(self) -> tuple[float, float]:
        """Return ``(lat, lon)``, the order folium and geopy take."""
        return (self.lat, self.lon)

    @property
    def point(self) -> tuple[float, float]:
        """Return ``(lon, lat)``, the order GeoJSON and shapely take."""
        return (self.lon, self.lat)

    @property
    def where_prec(self) -> int:
        """UCDP precision code 1 (exact) .. 7 (waters) for a mention of this place."""
        return WHERE_PREC[self.kind]


@dataclass(frozen=True, slots=True)
class Candidate:
    """A place a name may refer to, with the score and the reasons behind it."""

    place: Place
    score: float
    matched: str  # the alias that matched, as stored
    reasons: tuple[str, ...] = ()
