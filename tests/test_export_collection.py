"""Reading back an export to draw it: every feature checked against the contract, one line per bad one."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from conflictmap.geo.export.collection import CollectionError, check_collection, read_collection

PLACE = {"type": "Feature", "id": "place:geonames:1", "geometry": {"type": "Point", "coordinates": [131.87, 43.11]},
         "properties": {"kind": "place", "id": "geonames:1", "name": "Vladivostok", "place_type": "city",
                        "country_code": "RU", "where_prec": 1, "has_polygon": False, "approximate_polygon": False,
                        "geonames_id": 1, "named": True, "mention_count": 1, "score": 1.0, "alternatives": [],
                        "mentions": [{"doc": "a", "start": 0, "end": 11, "text": "Vladivostok", "role": "place",
                                      "score": 1.0}]}}
REF = {"id": "geonames:1", "name": "Vladivostok", "coordinates": [131.87, 43.11], "place_type": "city",
       "country_code": "RU", "where_prec": 1}
MOVEMENT = {"type": "Feature", "id": "movement:3", "geometry": {"type": "LineString", "coordinates": [
    [127.44, 39.15], [131.87, 43.11]]}, "properties": {
    "kind": "movement", "actor": "troops", "actor_country": "KP", "origin": {**REF, "name": "Wonsan"},
    "origin_basis": "text", "destination": REF, "via": [], "mode": "sea", "size": None, "size_claims": [],
    "status": "reported", "status_cue": None, "time": None, "chained_from": None, "route": "sea lane",
    "route_km": 623.0, "sources": []}}
STATEMENT = {"type": "Feature", "id": "statement:0", "geometry": None, "properties": {
    "kind": "statement", "speaker": "Kirby", "speaker_text": "Kirby", "speaker_kind": "person", "cue": "said",
    "organization": None, "speaker_country": None, "place": None, "place_type": None, "where_prec": None,
    "basis": None, "time": None, "text": "said so", "statements": [], "sources": []}}


def _fc(*features: dict, meta: bool = True) -> dict:
    fc = {"type": "FeatureCollection", "features": [copy.deepcopy(f) for f in features]}
    if meta:
        fc["conflictmap"] = {"documents": [], "skipped": [], "unresolved": []}
    return fc


def test_a_valid_export_with_an_unplaced_statement_passes() -> None:
    fc = _fc(PLACE, MOVEMENT, STATEMENT)
    assert check_collection(fc) is fc


def _edit(feature: dict, path: str, value: object) -> dict:
    """``feature`` with the value at a dotted path replaced (or deleted when ``value`` is ...)."""
    feature = copy.deepcopy(feature)
    *parents, last = path.split(".")
    target = feature
    for key in parents:
        target = target[int(key)] if isinstance(target, list) else target[key]
    if value is ...:
        del target[last]
    elif isinstance(target, list):
        target[int(last)] = value
    else:
        target[last] = value
    return feature


@pytest.mark.parametrize(
    ("feature", "message"),
    [
        (_edit(MOVEMENT, "geometry.coordinates.1", [200.0, 43.0]), "feature movement:3: coordinates out of range"),
        (_edit(MOVEMENT, "geometry.coordinates.1", ["131", 43.0]),
         "feature movement:3: coordinates are not numbers [lon, lat]"),
        (_edit(MOVEMENT, "properties.kind", "troops"), "feature movement:3: unknown kind 'troops'"),
        (_edit(MOVEMENT, "properties.kind", ...), "feature movement:3: properties.kind missing"),
        (_edit(MOVEMENT, "properties.status", ...), "feature movement:3: properties: missing status"),
        (_edit(MOVEMENT, "properties.status", "rumoured"), "feature movement:3: properties.status is 'rumoured'"),
        (_edit(MOVEMENT, "properties.destination.coordinates", [10, 91]),
         "feature movement:3: properties.destination.coordinates out of range"),
        (_edit(MOVEMENT, "properties.route_km", "623"), "feature movement:3: properties.route_km is not a number"),
        (_edit(PLACE, "geometry", None), "feature place:geonames:1: geometry null not allowed here (expected Point)"),
        (_edit(PLACE, "properties.mentions.0.start", None),
         "feature place:geonames:1: properties.mentions[0].start is not a whole number"),
        (_edit(STATEMENT, "geometry", {"type": "Polygon", "coordinates": []}),
         "feature statement:0: geometry Polygon not allowed here"),
        (_edit(STATEMENT, "type", "feature"), "feature statement:0: not a GeoJSON Feature"),
        ([1, 2], "feature #2: not a GeoJSON Feature"),
        (_edit(MOVEMENT, "properties.unlisted", {"origin": 5}),
         "feature movement:3: properties.unlisted.origin is not a string"),
        (_edit(MOVEMENT, "properties.unlisted", {"start": "Kelbora"}),
         "feature movement:3: properties.unlisted key is 'start'"),
    ],
    ids=["out-of-range", "not-numbers", "wrong-kind", "no-kind", "missing-field", "bad-status", "ref-out-of-range",
         "string-number", "place-without-point", "nested-type", "wrong-geometry", "not-a-feature", "not-an-object",
         "unlisted-not-a-name", "unlisted-not-a-role"],
)
def test_each_bad_feature_gets_one_line(feature: object, message: str) -> None:
    other = MOVEMENT if isinstance(feature, dict) and feature["id"] == PLACE["id"] else PLACE
    with pytest.raises(CollectionError) as err:
        check_collection(_fc(other, feature))
    [problem] = err.value.problems
    assert problem.startswith(message), problem
    assert "1 of 2 features break the contract" in str(err.value)


def test_every_bad_feature_is_listed_and_repeated_ids_are_caught() -> None:
    with pytest.raises(CollectionError) as err:
        check_collection(_fc(PLACE, _edit(MOVEMENT, "properties.kind", None), PLACE,
                             _edit(STATEMENT, "properties.text", 5)))
    assert err.value.problems == [
        "feature movement:3: properties.kind missing",
        "feature place:geonames:1: id repeats an earlier feature's",
        "feature statement:0: properties.text is not a string",
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"{not json", "is not GeoJSON"),
        (b'{"type": "Feature"}', "is not a GeoJSON FeatureCollection"),
        (b'{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"kind": "road"}}]}',
         "is not a conflictmap export"),
        (b'{"type": "FeatureCollection", "features": [], "conflictmap": {}, "x": NaN}', "NaN is not a JSON number"),
        (b"\xff\xfe\x00garbage", "is not GeoJSON"),
    ],
    ids=["not-json", "not-a-collection", "someone-elses", "nan", "binary"],
)
def test_unusable_files_are_one_line(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "x.geojson"
    path.write_bytes(content)
    with pytest.raises(CollectionError, match=message):
        read_collection(path)


def test_a_utf8_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "x.geojson"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(_fc(PLACE)).encode("utf-8"))
    assert read_collection(path)["features"][0]["id"] == "place:geonames:1"
