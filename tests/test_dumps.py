"""A user's own GeoNames dump on top of the build: read from real dumps in ../shared/geonames."""

from __future__ import annotations

import sqlite3
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from conflictmap.gazetteer import Gazetteer, PlaceKind
from conflictmap.gazetteer.build import build
from conflictmap.gazetteer.dumps import read_geonames_dump
from conflictmap.gazetteer.errors import GazetteerBuildError
from conflictmap.gazetteer.sources import read_curated, read_tsv
from conflictmap.geo.cli import cli

from .conftest import MINI_TSV

SHARED = Path(__file__).resolve().parents[2] / "shared" / "geonames"
needs_dumps = pytest.mark.skipif(
    not (SHARED / "UA.zip").is_file() or not (SHARED / "BF.txt").is_file(),
    reason=f"GeoNames test dumps not found in {SHARED} (never committed: CC BY data, megabytes)",
)
PISKY_DONETSK = 9113066  # a village of a few people, far below the 1,000 of the default build
LOGOBOU = 2358286


def _slice(lines: list[str], names: set[str], admin1: set[str]) -> list[str]:
    """The rows named ``names`` and the first-order divisions ``admin1`` of a dump, as they are."""
    keep = []
    for line in lines:
        cols = line.split("\t")
        if cols[1] in names or (cols[7] == "ADM1" and cols[10] in admin1):
            keep.append(line)
    return keep


@pytest.fixture(scope="module")
def dumps(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Slices of the real dumps: a zip as GeoNames ships a country (data file + readme), a .txt."""
    if not (SHARED / "UA.zip").is_file() or not (SHARED / "BF.txt").is_file():
        pytest.skip(f"GeoNames test dumps not found in {SHARED}")
    folder = tmp_path_factory.mktemp("dumps")
    with zipfile.ZipFile(SHARED / "UA.zip") as zf:
        ua = zf.read("UA.txt").decode("utf-8").splitlines(keepends=True)
    bf = (SHARED / "BF.txt").read_text(encoding="utf-8").splitlines(keepends=True)
    ua_zip = folder / "UA.zip"
    with zipfile.ZipFile(ua_zip, "w") as zf:
        zf.writestr("UA.txt", "".join(_slice(ua, {"Pisky", "Avdiyivka"}, {"05"})))
        zf.writestr("readme.txt", "not data\n")
    bf_txt = folder / "BF.txt"
    bf_txt.write_text("".join(_slice(bf, {"Logobou"}, set())), encoding="utf-8")
    return {"UA": ua_zip, "BF": bf_txt}


@pytest.fixture(scope="module")
def with_dumps(dumps: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("gaz") / "with.sqlite"
    build(path, sources=[lambda: read_tsv(MINI_TSV), read_curated], geonames=[dumps["UA"], dumps["BF"]])
    return path


def _places(path: Path) -> set[tuple]:
    with sqlite3.connect(path) as con:
        return set(con.execute("SELECT id, name, kind, lat, lon, population, prior FROM places"))


@needs_dumps
def test_a_village_of_a_users_dump_resolves_with_its_feature_code(with_dumps: Path) -> None:
    with Gazetteer(with_dumps) as gaz:
        pisky = gaz.best("Pisky, Donetsk Oblast")
        logobou = gaz.best("Logobou")
    assert pisky is not None
    assert (pisky.geonames_id, pisky.feature, pisky.kind) == (PISKY_DONETSK, "P.PPL", PlaceKind.CITY)
    assert logobou is not None
    assert (logobou.geonames_id, logobou.feature, logobou.country_code) == (LOGOBOU, "P.PPL", "BF")


@needs_dumps
def test_a_build_without_dumps_is_unchanged(with_dumps: Path, mini_db: Path) -> None:
    without, added = _places(mini_db), _places(with_dumps)
    assert without <= added  # nothing the default sources gave is moved, renamed or re-ranked
    assert not any(row[1] == "Logobou" for row in without)
    with Gazetteer(mini_db) as gaz:
        assert gaz.best("Logobou") is None


@needs_dumps
def test_the_dumps_are_listed_as_sources(with_dumps: Path) -> None:
    result = CliRunner().invoke(cli, ["gazetteer", "info", "--gazetteer", str(with_dumps)])
    assert result.exit_code == 0, result.output
    assert "source: GeoNames dump UA.zip (rows to " in result.output
    assert "source: GeoNames dump BF.txt" in result.output


def test_a_named_feature_ranks_below_a_namesake_village(tmp_path: Path) -> None:
    rows = [
        ["1", "Testivka", "Testivka", "", "48.0", "37.0", "H", "STM", "UA", "", "05", "", "", "", "0", "", "100",
         "Europe/Kyiv", "2024-01-01"],
        ["2", "Testivka", "Testivka", "Testiwka,TST", "48.1", "37.1", "P", "PPL", "UA", "", "05", "", "", "", "0",
         "", "120", "Europe/Kyiv", "2024-01-02"],
        ["3", "Testland", "Testland", "", "48.1", "37.1", "A", "PCLI", "UA", "", "", "", "", "", "0", "", "0",
         "", "2024-01-02"],
    ]
    dump = tmp_path / "XX.txt"
    dump.write_text("".join("\t".join(r) + "\n" for r in rows), encoding="utf-8")
    data = read_geonames_dump(dump)
    assert data.version == "rows to 2024-01-02"
    by_id = {r.place.geonames_id: r for r in data.records}
    assert set(by_id) == {1, 2}  # countries are Natural Earth's
    assert by_id[1].place.prior < by_id[2].place.prior
    assert by_id[1].place.feature == "H.STM"
    assert [a for a, _ in by_id[2].aliases] == ["Testivka", "Testiwka"]  # a short all-caps code is dropped


def test_a_file_that_is_not_a_dump_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "XX.txt"
    bad.write_text("id,name\n1,Kyiv\n", encoding="utf-8")
    with pytest.raises(GazetteerBuildError, match="19"):
        read_geonames_dump(bad)
    empty_zip = tmp_path / "XX.zip"
    with zipfile.ZipFile(empty_zip, "w") as zf:
        zf.writestr("readme.txt", "no data\n")
    with pytest.raises(GazetteerBuildError, match="no GeoNames"):
        read_geonames_dump(empty_zip)


@pytest.fixture(scope="module")
def dump_nlp(with_dumps: Path):
    from conflictmap.geo.pipeline import Pipeline

    return Pipeline(gazetteer=with_dumps).nlp


@needs_dumps
@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The convoy stopped near Pisky on Monday.", ["Pisky"]),  # the model: a person
        ("Residents fled from Logobou overnight.", ["Logobou"]),  # the model: an organisation
        ("Pisky said the talks had failed.", []),  # no place preposition: a person
    ],
    ids=["near", "from", "subject"],
)
def test_a_village_of_a_users_dump_is_recognised_after_a_place_preposition(dump_nlp, text, expected) -> None:
    from conflictmap.geo.nlp.components import SPAN_KEY

    doc = dump_nlp(text)
    assert [s.text for s in doc.spans[SPAN_KEY]] == expected
