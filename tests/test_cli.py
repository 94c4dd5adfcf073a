"""The command line, driven through click's CliRunner against the mini gazetteer."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from conflictmap.gazetteer.build import checksum_path
from conflictmap.geo.cli import cli


@pytest.fixture
def run(mini_db: Path):
    runner = CliRunner()

    def invoke(*args: str, gazetteer: Path | None = mini_db):
        extra = ["--gazetteer", str(gazetteer)] if gazetteer is not None else []
        return runner.invoke(cli, [*args, *extra])

    return invoke


def test_resolve_prints_choice_and_runner_up(run) -> None:
    result = run("resolve", "Washington", "Kursk region")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("Washington -> Washington [city capital, US]")
    assert any(line.strip().startswith("also: Washington [admin1 State, US]") for line in lines)
    assert any(line.startswith("Kursk region -> Kursk [admin1 Oblast, RU]") and "polygon" in line for line in lines)


def test_resolve_json_contract(run) -> None:
    result = run("resolve", "Tripoli", "Atlantis Prime", "--json", "-n", "2")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert [d["query"] for d in data] == ["Tripoli", "Atlantis Prime"]
    tripoli, none = data
    for key in ("id", "name", "place_type", "country_code", "lat", "lon", "alternatives"):
        assert key in tripoli
        assert key in none
    assert (tripoli["id"], tripoli["place_type"], tripoli["country_code"]) == ("geonames:2210247", "city", "LY")
    assert tripoli["alternatives"][0]["country_code"] == "LB"
    assert len(tripoli["alternatives"]) == 1  # the mini gazetteer has two Tripolis
    assert all(none[k] is None for k in ("id", "name", "place_type", "country_code", "lat", "lon"))
    assert none["alternatives"] == []


def test_resolve_alternatives_limit(run) -> None:
    for n in ("0", "2"):
        data = json.loads(run("resolve", "Washington", "--json", "-n", n).output)
        assert len(data[0]["alternatives"]) == int(n)


def test_resolve_context_and_country(run) -> None:
    result = run("resolve", "Tripoli", "--context", "Clashes in northern Lebanon", "--json")
    assert json.loads(result.output)[0]["country_code"] == "LB"
    result = run("resolve", "Washington", "--country", "GB", "--json")
    assert json.loads(result.output)[0]["id"] == "geonames:2634715"


@pytest.mark.parametrize("name", ["", "  ", "..."])
def test_resolve_empty_query_exits_2(run, name: str) -> None:
    result = run("resolve", name)
    assert result.exit_code == 2
    assert "empty place name" in result.output
    assert "Traceback" not in result.output


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "checks.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_check_all_pass(run, tmp_path: Path) -> None:
    path = _write(tmp_path, "name,country,lat,lon,km\nWonsan,KP,39.15,127.44,\nKursk region,RU,51.7,36.3,50\n"
                            "Tripoli,LB,34.43,35.84,,\n")
    path.write_text(path.read_text(encoding="utf-8").replace("Tripoli,LB,34.43,35.84,,", "Tripoli,LY,,,"),
                    encoding="utf-8")
    result = run("check", str(path))
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1] == "3 passed, 0 failed"


def test_check_failures_exit_1_with_distance(run, tmp_path: Path) -> None:
    path = _write(tmp_path, "name,country,lat,lon,km,context\nTripoli,LB,34.43,35.84,,\n"
                            "Tripoli,LB,34.43,35.84,,Fighting in northern Lebanon\nAtlantis Prime,,,,,\n")
    result = run("check", str(path))
    assert result.exit_code == 1, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("FAIL  Tripoli -> Tripoli [city, LY]")
    assert "country LY != LB" in lines[0]
    assert "km >" in lines[0]
    assert lines[1].startswith("pass  Tripoli -> Tripoli [city, LB]")
    assert lines[2].startswith("FAIL  Atlantis Prime") and "no match" in lines[2]
    assert lines[-1] == "1 passed, 2 failed"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "cannot read"),
        ("", "needs a CSV header"),
        ("place,country\nWonsan,KP\n", "needs a CSV header"),
        ("name,lat,lon\nWonsan,north,127\n", "line 2: lat is not a number"),
        ("name,lat,lon\nWonsan,39.1,\n", "line 2: give both lat and lon"),
        ("name,country\n", "no rows"),
        ("name\n\"unterminated\n", "not a usable CSV"),
    ],
    ids=["missing", "empty", "no-name-column", "bad-number", "half-coordinates", "header-only", "bad-quote"],
)
def test_check_unusable_file_exits_2(run, tmp_path: Path, content: str | None, message: str) -> None:
    path = tmp_path / "checks.csv"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    result = run("check", str(path))
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_gazetteer_info_and_verify(run, mini_db: Path) -> None:
    info = run("gazetteer", "info")
    assert info.exit_code == 0, info.output
    assert f"path: {mini_db}" in info.output
    assert "country: 15" in info.output
    assert "source: curated" in info.output
    ok = run("gazetteer", "verify")
    assert ok.exit_code == 0, ok.output
    assert ok.output.startswith("ok:")


def test_damaged_gazetteer_is_one_line_exit_2(run, mini_db: Path, tmp_path: Path) -> None:
    missing = run("resolve", "Seoul", gazetteer=tmp_path / "missing.sqlite")
    assert missing.exit_code == 2
    assert "no gazetteer at" in missing.output
    assert not (tmp_path / "missing.sqlite").exists()

    cut = tmp_path / "cut.sqlite"
    cut.write_bytes(mini_db.read_bytes()[:50_000])
    truncated = run("resolve", "Seoul", gazetteer=cut)
    assert truncated.exit_code == 2
    assert "truncated" in truncated.output
    assert len(truncated.output.strip().splitlines()) == 1

    flipped = tmp_path / "flipped.sqlite"
    shutil.copy(mini_db, flipped)
    shutil.copy(checksum_path(mini_db), checksum_path(flipped))
    data = bytearray(flipped.read_bytes())
    data[-3000] ^= 0xFF
    flipped.write_bytes(bytes(data))
    verify = run("gazetteer", "verify", gazetteer=flipped)
    assert verify.exit_code == 2
    assert "checksum mismatch" in verify.output or "damaged" in verify.output


def test_build_command_writes_where_asked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`gazetteer build --output` through the CLI, with the sources swapped for the mini file."""
    import conflictmap.gazetteer.build as build_module
    from conflictmap.gazetteer.sources import read_curated, read_tsv
    from tests.conftest import MINI_TSV

    monkeypatch.setattr(build_module, "default_sources", lambda n: [lambda: read_tsv(MINI_TSV), read_curated])
    out = tmp_path / "sub" / "g.sqlite"
    result = CliRunner().invoke(cli, ["gazetteer", "build", "--output", str(out), "--min-population", "5000"])
    assert result.exit_code == 2  # the folder is never created silently
    assert result.output.splitlines()[-1] == f"Error: cannot write {out}: folder {out.parent} does not exist"
    assert "Traceback" not in result.output
    out.parent.mkdir()
    result = CliRunner().invoke(cli, ["gazetteer", "build", "--output", str(out), "--min-population", "5000"])
    assert result.exit_code == 0, result.output
    assert out.exists()
    assert checksum_path(out).exists()
    assert "places" in result.output


def test_resolve_cold_start_imports_no_heavy_libraries(mini_db: Path) -> None:
    code = (
        "import sys; from click.testing import CliRunner; from geo.cli import cli;"
        f"r = CliRunner().invoke(cli, ['resolve', 'Seoul', '--gazetteer', {str(mini_db)!r}]);"
        "assert r.exit_code == 0, r.output;"
        "heavy = [m for m in ('spacy', 'folium', 'geopandas', 'pandas', 'torch') if m in sys.modules];"
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
