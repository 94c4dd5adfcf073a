"""A geopy geocoder over the offline gazetteer: no HTTP, ever.

>>> from geopandas.tools import geocode                       # doctest: +SKIP
>>> geocode(["Wonsan", "Kursk region"], provider=OfflineGeocoder)  # doctest: +SKIP
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from geopy.adapters import BaseSyncAdapter
from geopy.exc import GeocoderQueryError, GeocoderServiceError
from geopy.geocoders.base import Geocoder
from geopy.location import Location
from geopy.point import Point

from conflictmap.gazetteer.errors import QueryError
from conflictmap.gazetteer.model import Candidate, PlaceKind
from conflictmap.gazetteer.store import Gazetteer


class _NoNetworkAdapter(BaseSyncAdapter):
    """geopy requires an adapter; this one refuses every request, proving we never make one."""

    def get_json(self, url: str, *, timeout: float, headers: dict) -> Any:
        raise GeocoderServiceError(f"OfflineGeocoder never uses the network (asked for {url})")

    def get_text(self, url: str, *, timeout: float, headers: dict) -> str:
        raise GeocoderServiceError(f"OfflineGeocoder never uses the network (asked for {url})")


class OfflineGeocoder(Geocoder):
    """Geocode place names against the conflictmap gazetteer.

    Parameters
    ----------
    path
        Gazetteer file; default: ``$CONFLICTMAP_GAZETTEER`` or the user cache (built on first use).
    gazetteer
        An already open :class:`~gazetteer.Gazetteer` to share instead of ``path``.
    """

    def __init__(self, path: Path | str | None = None, *, gazetteer: Gazetteer | None = None,
                 user_agent: str = "conflictmap-offline", **_ignored: Any) -> None:
        super().__init__(user_agent=user_agent, adapter_factory=_NoNetworkAdapter)
        if gazetteer is None:
            from conflictmap.gazetteer import open_gazetteer

            gazetteer = open_gazetteer(Path(path) if path else None)
        self.gazetteer = gazetteer

    @staticmethod
    def _location(c: Candidate) -> Location:
        p = c.place
        parts = [p.name]
        if p.country_code and p.kind is not PlaceKind.COUNTRY:
            parts.append(p.country_code)
        raw = {
            "id": p.id, "name": p.name, "place_type": p.kind.value, "country_code": p.country_code,
            "lat": p.lat, "lon": p.lon, "population": p.population, "geonames_id": p.geonames_id,
            "feature": p.feature, "score": c.score, "why": list(c.reasons),
        }
        return Location(", ".join(parts), (p.lat, p.lon), raw)

    def geocode(self, query: str, *, exactly_one: bool = True, timeout: Any = None,
                country_codes: str | list[str] | None = None, limit: int = 10) -> Any:
        """Resolve ``query`` to a :class:`geopy.location.Location` (``(lat, lon)``), or None.

        With ``exactly_one=False`` a list of up to ``limit`` Locations, best first.
        ``country_codes`` restricts to one or more ISO alpha-2 codes.
        """
        if not isinstance(query, str):
            raise GeocoderQueryError(f"OfflineGeocoder takes a place name, not {type(query).__name__}")
        codes: list[str | None] = (
            [country_codes] if isinstance(country_codes, str) else list(country_codes or []) or [None]
        )
        try:
            found: list[Candidate] = []
            for code in codes:
                found += self.gazetteer.candidates(query, country=code, limit=limit)
        except QueryError as exc:
            raise GeocoderQueryError(str(exc)) from exc
        found.sort(key=lambda c: -c.score)
        if not found:
            return None
        if exactly_one:
            return self._location(found[0])
        return [self._location(c) for c in found[:limit]]

    def reverse(self, query: Any, *, exactly_one: bool = True, timeout: Any = None,
                max_km: float = 500.0) -> Any:
        """The nearest populated place to ``query`` ("lat, lon", a (lat, lon) pair or a Point)."""
        point = Point(query)
        hit = self.gazetteer.nearest(point.latitude, point.longitude, max_km=max_km)
        if hit is None:
            return None
        place, km = hit
        location = self._location(Candidate(place, 0.0, place.name, (f"{km:.1f} km away",)))
        return location if exactly_one else [location]
