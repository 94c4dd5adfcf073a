"""`conflictmap extract` and `conflictmap map`: inputs accounted for, output atomic, text escaped."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from conflictmap.geo.cli import cli
from tests.conftest import drawn_ids

pytestmark = pytest.mark.model
SEEDS = Path(__file__).parent.parent / "seeds"
ARTICLE = "KYIV (Reuters) - Russian troops were moved from Kursk to Vladivostok by rail, officials said on Monday.\n"


@pytest.fixture
def run(mini_db: Path):
    def invoke(*args: str, stdin: bytes | None = None):
        return CliRunner().invoke(cli, [*args, "--gazetteer", str(mini_db)], input=stdin)

    return invoke


def test_extract_to_stdout_and_skips_reported(run, tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01binary")
    result = run("extract", str(good), str(bad))
    assert result.exit_code == 0, result.output
    assert f"skipped {bad}: binary file" in result.stderr
    assert "documents: 1 read, 1 skipped" in result.stderr
    fc = json.loads(result.stdout)
    assert fc["type"] == "FeatureCollection"
    assert fc["conflictmap"]["skipped"] == [{"source": str(bad), "reason": "binary file (NUL bytes), not text"}]
    [move] = [f["properties"] for f in fc["features"] if f["properties"]["kind"] == "movement"]
    assert (move["origin"]["name"], move["destination"]["name"], move["mode"]) == ("Kursk", "Vladivostok", "rail")


def test_a_document_that_cannot_be_analysed_is_skipped_not_the_run(run, tmp_path: Path, monkeypatch) -> None:
    """An internal failure on one document (a parse spaCy cannot finish) loses that document only:
    reported as skipped with why, the others of its batch analysed."""
    from conflictmap.geo.pipeline import Pipeline

    analyse_parsed = Pipeline.analyse_parsed

    def failing(self, document, docs, **kw):
        if "poison" in document.text:
            raise RuntimeError("the parse tree is in an invalid state")
        return analyse_parsed(self, document, docs, **kw)

    monkeypatch.setattr(Pipeline, "analyse_parsed", failing)
    monkeypatch.delenv("CONFLICTMAP_NO_CACHE")  # with the cache: a failure is not stored in it
    good, bad = tmp_path / "good.txt", tmp_path / "bad.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    bad.write_text("A poison headline\n\nJapanese troops were moved from Tokyo to Seoul by sea, officials said.\n",
                   encoding="utf-8")
    cache = str(tmp_path / "cache")
    result = run("extract", "--cache-dir", cache, str(bad), str(good))
    assert result.exit_code == 0, result.output
    reason = "could not be analysed (RuntimeError: the parse tree is in an invalid state)"
    assert f"skipped {bad}: {reason}" in result.stderr
    assert "documents: 1 read, 1 skipped" in result.stderr
    fc = json.loads(result.stdout)
    assert fc["conflictmap"]["skipped"] == [{"source": str(bad), "reason": reason}]
    assert [f["properties"]["kind"] for f in fc["features"]].count("movement") == 1
    monkeypatch.setattr(Pipeline, "analyse_parsed", analyse_parsed)  # mended: the failure was not cached
    again = run("extract", "--cache-dir", cache, str(bad), str(good))
    assert "documents: 2 read, 0 skipped" in again.stderr
    assert [f["properties"]["kind"] for f in json.loads(again.stdout)["features"]].count("movement") == 2


def test_stdin_and_output_file(run, tmp_path: Path) -> None:
    out = tmp_path / "out.geojson"
    result = run("extract", "-", "-o", str(out), stdin=ARTICLE.encode("utf-8"))
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text(encoding="utf-8"))["conflictmap"]["documents"][0]["id"] == "stdin"
    assert not list(tmp_path.glob(".*.tmp"))


def test_no_readable_input_exits_2(run, tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01")
    result = run("extract", str(bad), str(tmp_path / "missing.txt"))
    assert result.exit_code == 2
    assert "Error: no readable document among the inputs" in result.output
    assert "Traceback" not in result.output


def test_map_writes_html_drawn_from_the_geojson(run, tmp_path: Path) -> None:
    html_path, geojson_path = tmp_path / "map.html", tmp_path / "map.geojson"
    result = run("map", str(SEEDS), "-o", str(html_path), "--geojson", str(geojson_path))
    assert result.exit_code == 0, result.output
    page = html_path.read_text(encoding="utf-8")
    fc = json.loads(geojson_path.read_text(encoding="utf-8"))
    assert "Movements" in page
    assert "Statement origins" in page
    assert "Places" in page
    statements = [f for f in fc["features"] if f["properties"]["kind"] == "statement"]
    placed = {f["id"] for f in statements if f["geometry"] is not None}
    assert placed and placed <= drawn_ids(page)
    assert not ({f["id"] for f in statements} - placed) & drawn_ids(page)  # unplaced: listed, never drawn
    assert "https://cdn" not in page.split("<body>")[0].split("<style>")[0]  # self-contained by default


def test_map_cdn_option_is_small(run, tmp_path: Path) -> None:
    html_path = tmp_path / "map.html"
    result = run("map", str(SEEDS / "004_e40d02d29da63f7d.txt"), "-o", str(html_path), "--cdn")
    assert result.exit_code == 0, result.output
    page = html_path.read_text(encoding="utf-8")
    assert '<script src="https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js">' in page
    assert len(page) < 300_000


def test_hostile_article_text_is_escaped_in_the_map(run, tmp_path: Path) -> None:
    hostile = tmp_path / "hostile.txt"
    hostile.write_text(
        "KYIV (Reuters) - Russian troops were moved from Kursk to Vladivostok by rail, "
        "<img src=x onerror=alert(1)> ${alert(2)} `x` \\u0060 </script><script>alert(3)</script> officials said.\n",
        encoding="utf-8")
    html_path = tmp_path / "map.html"
    result = run("map", str(hostile), "-o", str(html_path))
    assert result.exit_code == 0, result.output
    page = html_path.read_text(encoding="utf-8")
    assert "<img src=x" not in page
    assert "${alert(2)}" not in page
    assert "<script>alert(3)" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page


def test_a_given_date_places_relative_times(run, tmp_path: Path) -> None:
    article = tmp_path / "ports.txt"
    article.write_text("Ports close\n\nThe Japanese envoy said on Friday that the ferries would stop.\n",
                       encoding="utf-8")
    out = tmp_path / "ports.geojson"
    result = run("extract", str(article), "-o", str(out), "--date", "2024-10-26")
    assert result.exit_code == 0, result.output
    fc = json.loads(out.read_text(encoding="utf-8"))
    [document] = fc["conflictmap"]["documents"]
    assert (document["published"]["date"], document["published"]["evidence"]) == ("2024-10-26", "given")
    [said] = [f["properties"] for f in fc["features"] if f["properties"]["kind"] == "statement"]
    assert said["time"] == {"text": "Friday", "start": "2024-10-25", "end": "2024-10-25", "basis": "published"}
    bad = run("extract", str(article), "-o", str(out), "--date", "26/10/2024")
    assert bad.exit_code == 2 and "YYYY-MM-DD" in bad.output


@pytest.fixture(scope="module")
def seeds_export(mini_db: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    """The seeds' export (mini gazetteer), extracted once for the edit-and-redraw tests."""
    out = tmp_path_factory.mktemp("export") / "seeds.geojson"
    result = CliRunner().invoke(cli, ["extract", str(SEEDS), "-o", str(out), "--gazetteer", str(mini_db)])
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8")


def _drawable(fc: dict) -> set[str]:
    """Ids a map of ``fc`` draws: everything with a geometry, and movements with one known end (a ring);
    not a place only nationality words or organisation names refer to (``named`` false)."""
    return {f["id"] for f in fc["features"]
            if (f["geometry"] is not None or f["properties"].get("origin") or f["properties"].get("destination"))
            and f["properties"].get("named", True)}


def test_edit_the_export_then_redraw_shows_exactly_the_edit(run, tmp_path: Path, seeds_export: str) -> None:
    export = tmp_path / "seeds.geojson"
    export.write_text(seeds_export, encoding="utf-8")
    before_page = tmp_path / "before.html"
    assert run("map", str(export), "-o", str(before_page)).exit_code == 0
    fc = json.loads(export.read_text(encoding="utf-8"))
    deleted = next(f for f in fc["features"] if f["properties"]["kind"] == "movement")
    fc["features"].remove(deleted)
    moved = next(f for f in fc["features"] if f["properties"]["kind"] == "statement" and f["geometry"])
    moved["geometry"]["coordinates"] = [12.345678, 45.678912]
    export.write_text(json.dumps(fc, indent=1), encoding="utf-8")

    after_page = tmp_path / "after.html"
    result = run("map", str(export), "-o", str(after_page))
    assert result.exit_code == 0, result.output
    assert f"drew {export}: places:" in result.stderr
    before, after = before_page.read_text(encoding="utf-8"), after_page.read_text(encoding="utf-8")
    assert drawn_ids(after) == _drawable(fc)
    assert drawn_ids(before) - drawn_ids(after) == {deleted["id"]}
    assert "[12.345678, 45.678912]" in after and "12.345678" not in before
    # unplaced statements are in the file, never drawn
    assert not {f["id"] for f in fc["features"] if f["geometry"] is None
                and f["properties"]["kind"] == "statement"} & drawn_ids(after)


def test_a_broken_export_is_reported_feature_by_feature_and_nothing_written(run, tmp_path: Path,
                                                                           seeds_export: str) -> None:
    export = tmp_path / "seeds.geojson"
    fc = json.loads(seeds_export)
    movement = next(f for f in fc["features"] if f["properties"]["kind"] == "movement")
    movement["geometry"]["coordinates"][0] = [190.0, 40.0]
    statement = next(f for f in fc["features"] if f["properties"]["kind"] == "statement")
    statement["properties"]["kind"] = "quote"
    del fc["features"][0]["properties"]["name"]
    export.write_text(json.dumps(fc), encoding="utf-8")
    page = tmp_path / "map.html"
    result = run("map", str(export), "-o", str(page))
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert f"feature {movement['id']}: coordinates out of range" in lines
    assert f"feature {statement['id']}: unknown kind 'quote' (expected place, movement, statement)" in lines
    assert f"feature {fc['features'][0]['id']}: properties: missing name" in lines
    assert lines[-1] == f"Error: {export}: 3 of {len(fc['features'])} features break the contract; nothing drawn"
    assert "Traceback" not in result.output
    assert not page.exists() and not list(tmp_path.glob(".*.tmp"))


def test_drawing_an_export_refuses_to_overwrite_it_and_extract_still_skips_it(run, tmp_path: Path,
                                                                            seeds_export: str) -> None:
    export = tmp_path / "seeds.geojson"
    export.write_text(seeds_export, encoding="utf-8")
    result = run("map", str(export), "-o", str(export))
    assert result.exit_code == 2 and "will not overwrite input" in result.stderr
    result = run("map", str(export), "-o", str(tmp_path / "m.html"), "--geojson", str(tmp_path / "copy.geojson"))
    assert result.exit_code == 2 and "--geojson is for analysing articles" in result.stderr
    result = run("extract", str(export))
    assert result.exit_code == 2 and "no readable document" in result.stderr


def test_extract_csv_and_gpkg_have_the_geojsons_features(run, tmp_path: Path) -> None:
    import csv

    import pandas as pd
    import pyogrio

    geojson, table, package = tmp_path / "s.geojson", tmp_path / "s.csv", tmp_path / "s.gpkg"
    article = SEEDS / "004_e40d02d29da63f7d.txt"  # one article is enough to compare counts
    for args in ((), ("--bom",), ("--format", "gpkg")):
        out = {(): geojson, ("--bom",): table}.get(args, package)
        result = run("extract", str(article), "-o", str(out), *args)
        assert result.exit_code == 0, result.output
    features = json.loads(geojson.read_text(encoding="utf-8"))["features"]
    raw = table.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfkind,id,name,lat,lon,")  # the format from the suffix, with the BOM
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert [r["id"] for r in rows] == [f["id"] for f in features]
    assert len(pd.read_csv(table, encoding="utf-8-sig")) == len(features)
    counts = {layer: pyogrio.read_info(package, layer=layer)["features"] for layer, _ in pyogrio.list_layers(package)}
    kinds = [f["properties"]["kind"] for f in features]
    assert {"place", "statement"} <= set(kinds)
    assert counts == {"places": kinds.count("place"), "movements": kinds.count("movement"),
                      "statements": kinds.count("statement")}
    result = run("extract", str(SEEDS / "004_e40d02d29da63f7d.txt"), "--format", "csv")
    assert result.stdout.startswith("kind,id,name,lat,lon,")  # CSV on stdout too


def test_export_options_refused_before_any_analysis(run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    result = run("extract", str(article), "--format", "gpkg")
    assert result.exit_code == 2 and "needs -o FILE.gpkg" in result.stderr
    result = run("extract", str(article), "--bom")
    assert result.exit_code == 2 and "--bom applies to the csv format only" in result.stderr
    monkeypatch.setitem(sys.modules, "geopandas", None)  # as if the optional extra were not installed
    result = run("extract", str(article), "-o", str(tmp_path / "a.gpkg"))
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        "Error: the gpkg format needs geopandas and pyogrio: pip install 'conflictmap[geopandas]'"]
    assert not (tmp_path / "a.gpkg").exists()


@pytest.mark.parametrize("code", ["ZZ", "Syria", "S", "UK"])
def test_a_bad_country_code_is_one_line_and_a_usage_error(run, tmp_path: Path, code: str) -> None:
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    for command in ("extract", "map"):
        extra = ["-o", str(tmp_path / "m.html")] if command == "map" else []
        result = run(command, str(good), *extra, "--country", "UA", "--country", code)
        assert result.exit_code == 2
        assert result.stderr.count("\n") == 1 and "is not an ISO 3166-1 alpha-2 country code" in result.stderr
