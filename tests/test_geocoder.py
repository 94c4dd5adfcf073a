"""The geopy-compatible offline geocoder, on the mini gazetteer."""

from __future__ import annotations

from pathlib import Path

import pytest
from geopy.exc import GeocoderQueryError, GeocoderServiceError

from conflictmap.gazetteer import Gazetteer
from conflictmap.gazetteer.geocoder import OfflineGeocoder


@pytest.fixture
def geocoder(gaz: Gazetteer) -> OfflineGeocoder:
    return OfflineGeocoder(gazetteer=gaz)


def test_geocode_returns_location_in_lat_lon(geocoder: OfflineGeocoder) -> None:
    loc = geocoder.geocode("Wonsan")
    assert loc.address == "Wŏnsan, KP"
    assert (round(loc.latitude, 2), round(loc.longitude, 2)) == (39.15, 127.44)
    assert loc.raw["id"] == "geonames:1866923"
    assert loc.raw["place_type"] == "city"


def test_geocode_options_and_misses(geocoder: OfflineGeocoder) -> None:
    assert geocoder.geocode("Tripoli", country_codes="LB").raw["id"] == "geonames:266826"
    several = geocoder.geocode("Washington", exactly_one=False)
    assert [loc.raw["id"] for loc in several][:2] == ["geonames:4140963", "ne-admin1:US-WA"]
    assert geocoder.geocode("Atlantis Prime") is None
    with pytest.raises(GeocoderQueryError):
        geocoder.geocode("  ")
    with pytest.raises(ValueError, match="empty"):  # geopy's query error is also a ValueError
        geocoder.geocode("...")


def test_reverse_gives_nearest_place(geocoder: OfflineGeocoder) -> None:
    assert geocoder.reverse("39.2, 127.4").raw["name"] == "Wŏnsan"
    assert geocoder.reverse((51.7, 36.2)).raw["name"] == "Kursk"
    assert geocoder.reverse((0.0, -30.0)) is None


def test_never_uses_the_network(geocoder: OfflineGeocoder) -> None:
    with pytest.raises(GeocoderServiceError, match="never uses the network"):
        geocoder._call_geocoder("https://example.invalid/search", lambda r: r)


def test_geopandas_geocode(mini_db: Path) -> None:
    from geopandas.tools import geocode

    frame = geocode(["Wonsan", "Kursk region", "Atlantis Prime"], provider=OfflineGeocoder, path=mini_db)
    assert list(frame["address"][:2]) == ["Wŏnsan, KP", "Kursk, RU"]
    assert round(frame.geometry[0].x, 2) == 127.44  # GeoDataFrame points are (lon, lat)
    assert frame.geometry[2].is_empty
