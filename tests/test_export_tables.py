"""CSV and GeoPackage exports: one row per feature, spreadsheet-safe cells, a GeoPackage GIS tools read."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from conflictmap.geo.export.tables import cell, to_csv, write_gpkg
from tests.test_export_collection import MOVEMENT, PLACE, STATEMENT, _edit

HOSTILE = "=HYPERLINK(\"http://evil.example\",\"click\")"


def _collection() -> dict:
    one_end = _edit(_edit(MOVEMENT, "id", "movement:4"), "geometry", None)
    one_end["properties"]["origin"] = None
    one_end["properties"]["unlisted"] = {"origin": "=Kelbora"}  # a village the gazetteer lacks, hostile too
    placed = _edit(_edit(STATEMENT, "id", "statement:1"), "geometry", {"type": "Point", "coordinates": [-77.04, 38.9]})
    placed["properties"].update(speaker=HOSTILE, text="+cmd|' /C calc'!A0", place={
        "id": "geonames:4140963", "name": "@Washington", "coordinates": [-77.04, 38.9], "place_type": "city",
        "country_code": "US", "where_prec": 1}, basis="dateline", where_prec=1,
        sources=[{"doc": "-doc", "start": 3, "end": 9, "text": "x"}, {"doc": "b", "start": 10, "end": 12, "text": "y"}])
    return {"type": "FeatureCollection", "features": [PLACE, MOVEMENT, one_end, STATEMENT, placed]}


@pytest.mark.parametrize(
    ("raw", "written"),
    [("=1+1", "'=1+1"), ("+1", "'+1"), ("-1+2", "'-1+2"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"),
     ("\rx", "'\rx"), ("a=b", "a=b"), ("esc\x1b[2J", "esc\ufffd[2J"), (-77.5, -77.5), (None, "")],
    ids=["equals", "plus", "minus", "at", "tab", "cr", "inside", "terminal-escape", "number", "none"],
)
def test_cells_are_neutralised(raw: object, written: object) -> None:
    assert cell(raw) == written


def test_csv_one_row_per_feature_with_text_neutralised() -> None:
    fc = _collection()
    text = to_csv(fc)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["id"] for r in rows] == [f["id"] for f in fc["features"]]
    place, move, one_end, unplaced, placed = rows
    assert (place["kind"], place["name"], place["lat"], place["lon"]) == ("place", "Vladivostok", "43.11", "131.87")
    assert (place["sources"], place["roles"]) == ("a:0-11", "place")
    assert (move["name"], move["status"], move["mode"], move["lat"]) == ("Wonsan → Vladivostok", "reported", "sea",
                                                                          "43.11")
    assert (one_end["name"], one_end["lon"]) == ("'=Kelbora (not in the gazetteer) → Vladivostok", "131.87")
    assert one_end["origin"] == "'=Kelbora (not in the gazetteer)"  # named, though only one end is drawn
    assert (unplaced["lat"], unplaced["lon"], unplaced["speaker"], unplaced["speaker_kind"]) == ("", "", "Kirby",
                                                                                               "person")
    assert placed["speaker"] == "'" + HOSTILE
    assert placed["text"].startswith("'+cmd")
    assert placed["name"] == "'@Washington"
    assert placed["sources"] == "'-doc:3-9; b:10-12"
    assert (placed["lon"], placed["basis"]) == ("-77.04", "dateline")  # numbers stay numbers


def test_csv_bom_and_pandas() -> None:
    pd = pytest.importorskip("pandas")
    text = to_csv(_collection(), bom=True)
    assert text.startswith("\ufeffkind,id,")
    frame = pd.read_csv(io.BytesIO(text.encode("utf-8")), encoding="utf-8-sig")
    assert len(frame) == 5 and frame["lon"].dtype == float
    assert not to_csv(_collection()).startswith("\ufeff")


def test_gpkg_one_layer_per_kind_readable_by_pyogrio(tmp_path: Path) -> None:
    pyogrio = pytest.importorskip("pyogrio")
    out = tmp_path / "out.gpkg"
    fc = _collection()
    assert write_gpkg(fc, out) == {"places": 1, "movements": 2, "statements": 2}
    assert not list(tmp_path.glob(".*.tmp"))
    layers = dict(pyogrio.list_layers(out))
    assert layers == {"places": "Point", "movements": "MultiLineString", "statements": "Point"}
    info = pyogrio.read_info(out, layer="movements")
    assert info["features"] == 2 and info["crs"] == "EPSG:4326"
    assert {"feature_id", "origin", "destination", "sources", "size_claims", "status"} <= set(info["fields"])
    frame = pyogrio.read_dataframe(out, layer="statements")
    assert list(frame["feature_id"]) == ["statement:0", "statement:1"]
    assert frame.geometry.isna().tolist() == [True, False]  # unplaced: kept, with an empty geometry
    assert json.loads(frame["place"][1])["name"] == "@Washington"  # nested properties: JSON strings
    assert frame["speaker"][1] == HOSTILE  # a GIS table, not a spreadsheet: text as written
    places = pyogrio.read_dataframe(out, layer="places")
    assert places["where_prec"].tolist() == [1] and json.loads(places["mentions"][0])[0]["text"] == "Vladivostok"


def test_gpkg_replaces_an_old_file_atomically(tmp_path: Path) -> None:
    pyogrio = pytest.importorskip("pyogrio")
    out = tmp_path / "out.gpkg"
    write_gpkg(_collection(), out)
    write_gpkg({"type": "FeatureCollection", "features": [PLACE]}, out)
    assert pyogrio.read_info(out, layer="places")["features"] == 1
    assert pyogrio.read_info(out, layer="movements")["features"] == 0  # empty layers keep their schema
