"""The gazetteer: folding, query parsing, the builder, ranking, spatial queries, damage handling."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from conflictmap.gazetteer import (
    Evidence,
    Gazetteer,
    GazetteerCorrupt,
    GazetteerNotFound,
    Place,
    PlaceKind,
    QueryError,
    fold,
    open_gazetteer,
    parse_query,
)
from conflictmap.gazetteer.build import SCHEMA_VERSION, build, checksum_path
from conflictmap.gazetteer.sources import NameType, SourceData, SourcePlace, keep_source_alias, read_tsv
from tests.conftest import MINI_TSV


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("Wŏnsan", "wonsan"),
        ("P'yŏngyang", "pyongyang"),
        ("Indo-Pacific", "indo pacific"),
        ("Indo- Pacific", "indo pacific"),
        ("U.S.", "us"),
        ("Inđija", "indija"),
        ("Zaporizhzhia  Oblast", "zaporizhzhia oblast"),
        ("Kharkiv’s", "kharkivs"),
        ("São Paulo", "sao paulo"),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_fold(raw: str, key: str) -> None:
    assert fold(raw) == key


@pytest.mark.parametrize(
    ("name", "kept"),
    [
        ("IEV", False),  # airport code
        ("MOW", False),
        ("hua sheng dun", False),  # machine transliteration, all lower case
        ("Ko", False),  # two letters
        ("Киев", False),  # not Latin: English text cannot match it
        ("Kiev", True),
        ("Washington D.C.", True),
        ("Zaporozh'ye", True),
    ],
)
def test_source_alias_filter(name: str, kept: bool) -> None:
    assert keep_source_alias(name) is kept


def test_parse_query_splits_qualifiers_and_region_words() -> None:
    q = parse_query("Tripoli, Lebanon")
    assert (q.keys[-1], q.qualifier) == ("tripoli", "Lebanon")
    q = parse_query("Georgia (US state)")
    assert (q.qualifier, q.qualifier_kinds) == ("US", frozenset({PlaceKind.ADMIN1}))
    q = parse_query("the Kursk region")
    assert q.region_word and q.keys == ("the kursk region", "kursk region", "kursk")
    assert parse_query("North Korea's").keys == ("north korea",)
    assert parse_query("eastern Ukraine").modifier == "eastern"


@pytest.mark.parametrize(
    ("query", "kinds"),
    [("Metcalfe (county)", {PlaceKind.ADMIN2}), ("Kerala (state)", {PlaceKind.ADMIN1}),
     ("Mosul, district", {PlaceKind.ADMIN2}), ("Kidal (town)", {PlaceKind.CITY})],
    ids=["county-is-second-order", "state-is-first-order", "district-is-second-order", "town-is-a-city"],
)
def test_a_qualifier_noun_names_the_kind_the_gazetteer_gives_it(query: str, kinds: set[PlaceKind]) -> None:
    """One list of place nouns (gazetteer/data/place_nouns.csv): a county is the same kind of place
    in a qualifier as in the gazetteer (GeoNames second-order division)."""
    assert parse_query(query).qualifier_kinds == frozenset(kinds)


def test_a_county_qualifier_earns_the_qualifier_bonus(gaz: Gazetteer) -> None:
    [top] = gaz.candidates("Metcalfe (county)", limit=1)
    assert top.place.kind is PlaceKind.ADMIN2
    assert "qualifier kind admin2" in top.reasons


@pytest.mark.parametrize("query", ["", "   ", "...", "'s"])
def test_empty_query_is_a_clear_error(gaz: Gazetteer, query: str) -> None:
    with pytest.raises(QueryError):
        gaz.candidates(query)


def test_mini_build_records_schema_sources_and_checksum(mini_db: Path, gaz: Gazetteer) -> None:
    assert gaz.meta["schema_version"] == str(SCHEMA_VERSION)
    assert "tsv mini_gazetteer.tsv" in gaz.meta["sources"]
    assert "curated" in gaz.meta["sources"]
    assert checksum_path(mini_db).read_text(encoding="utf-8").split()[1] == mini_db.name
    assert gaz.verify() == []
    counts = gaz.counts()
    assert counts["country"] == 15
    assert counts["landmark"] >= 3  # curated Kremlin, White House, Pentagon


@pytest.mark.parametrize(
    ("query", "expected_id"),
    [
        ("Washington", "geonames:4140963"),  # the capital, not the state or the English town
        ("Washington state", "ne-admin1:US-WA"),
        ("Washington, D.C.", "geonames:4140963"),
        ("Georgia", "ne-admin0:GE"),
        ("Georgia (US state)", "ne-admin1:US-GA"),
        ("Tripoli", "geonames:2210247"),
        ("Tripoli, Lebanon", "geonames:266826"),
        ("Kursk", "geonames:538560"),
        ("Kursk region", "ne-admin1:RU-KRS"),
        ("Kursk Oblast", "ne-admin1:RU-KRS"),
        ("Russia's Kursk region", "ne-admin1:RU-KRS"),
        ("India", "ne-admin0:IN"),  # not Inđija, Serbia
        ("Paris", "geonames:2988507"),
        ("Paris, Texas", "geonames:4717560"),
        ("DPRK", "ne-admin0:KP"),
        ("North Korea's", "ne-admin0:KP"),
        ("Kiev", "geonames:703448"),
        ("Kyiv", "geonames:703448"),
        ("P'yŏngyang", "geonames:1871859"),
        ("the Kremlin", "curated:kremlin"),
        ("Indo-Pacific", "curated:indo-pacific"),
        ("the Indo-Pacific region", "curated:indo-pacific"),
        ("eastern Russia", "curated:russian-far-east"),
        ("Zaporozhye", "geonames:687700"),
    ],
    ids=lambda v: v if " " in v or not v.startswith(("geonames", "ne-", "curated")) else "",
)
def test_context_free_ranking(gaz: Gazetteer, query: str, expected_id: str) -> None:
    assert gaz.best(query).id == expected_id


def test_unknown_name_is_no_match_not_error(gaz: Gazetteer) -> None:
    assert gaz.candidates("Atlantis Prime") == []
    assert gaz.best("Atlantis Prime") is None


def test_context_evidence_moves_the_choice(gaz: Gazetteer) -> None:
    lebanon = gaz.evidence("Clashes erupted in northern Lebanon near the Syrian border.")
    assert lebanon.countries.get("LB")
    assert gaz.best("Tripoli", evidence=lebanon).country_code == "LB"
    tbilisi = gaz.evidence("TBILISI, Georgia -- Protesters gathered in Tbilisi.")
    assert gaz.best("Georgia", evidence=tbilisi).kind is PlaceKind.COUNTRY
    atlanta = gaz.evidence("Officials in Atlanta and across Texas said")
    assert gaz.best("Georgia", evidence=atlanta).id == "ne-admin0:GE"  # context alone never flips a country
    assert gaz.best("Georgia", evidence=Evidence(countries={"US": 3}, admin1={"US.GA": 2})).id == "ne-admin1:US-GA"


def test_candidates_carry_scores_reasons_and_alternatives(gaz: Gazetteer) -> None:
    found = gaz.candidates("Washington", limit=5)
    assert [c.place.id for c in found[:2]] == ["geonames:4140963", "ne-admin1:US-WA"]
    assert found[0].score > found[1].score
    assert any("capital" in r for r in found[0].reasons)
    assert gaz.candidates("Washington", country="GB")[0].place.id == "geonames:2634715"
    assert all(c.place.kind is PlaceKind.ADMIN1 for c in gaz.candidates("Washington", kinds=[PlaceKind.ADMIN1]))


def test_lookup_by_id_and_geonames_id(gaz: Gazetteer) -> None:
    kursk = gaz.get("ne-admin1:RU-KRS")
    assert kursk is not None and kursk.kind is PlaceKind.ADMIN1 and kursk.has_shape
    assert kursk.latlon() == (kursk.lat, kursk.lon) and kursk.point == (kursk.lon, kursk.lat)
    assert gaz.by_geonames_id(2013348).name == "Vladivostok"
    assert gaz.get("geonames:0") is None


def test_nearest_place(gaz: Gazetteer) -> None:
    place, km = gaz.nearest(39.2, 127.4)
    assert place.name == "Wŏnsan" and km < 10
    assert gaz.nearest(0.0, -30.0, max_km=200) is None  # mid-Atlantic


def test_point_in_region(gaz: Gazetteer) -> None:
    assert gaz.contains("ne-admin1:RU-KRS", 51.73, 36.19)  # Kursk city is in Kursk Oblast
    assert not gaz.contains("ne-admin1:RU-KRS", 43.1, 131.9)  # Vladivostok is not
    assert not gaz.contains("geonames:538560", 51.73, 36.19)  # points have no outline
    ids = [p.id for p in gaz.places_at(43.1, 131.9)]
    assert ids == ["ne-admin1:RU-PRI", "ne-admin0:RU"]


def test_curated_outlines_are_unions_of_real_places(gaz: Gazetteer) -> None:
    far_east = gaz.get("curated:russian-far-east")
    assert far_east.has_shape and gaz.contains(far_east.id, 43.1, 131.9)
    assert not gaz.contains(far_east.id, 55.75, 37.6)  # Moscow is not in the Far East
    peninsula = gaz.shape("curated:korean-peninsula")
    assert peninsula is not None and peninsula.geom_type in ("Polygon", "MultiPolygon")


def test_database_is_opened_read_only(mini_db: Path, gaz: Gazetteer) -> None:
    before = mini_db.stat().st_mtime_ns
    gaz.candidates("Seoul")
    with pytest.raises(GazetteerCorrupt):
        gaz._query("DELETE FROM places")  # read-only connection refuses
    assert mini_db.stat().st_mtime_ns == before


# --------------------------------------------------------------------------- damaged files


def test_missing_file_is_not_created(tmp_path: Path) -> None:
    missing = tmp_path / "nope.sqlite"
    with pytest.raises(GazetteerNotFound):
        Gazetteer(missing)
    with pytest.raises(FileNotFoundError):  # also a builtin
        open_gazetteer(missing)
    assert not missing.exists()


def test_truncated_file(mini_db: Path, tmp_path: Path) -> None:
    cut = tmp_path / "cut.sqlite"
    cut.write_bytes(mini_db.read_bytes()[: mini_db.stat().st_size // 2])
    with pytest.raises(GazetteerCorrupt, match="truncated"):
        Gazetteer(cut)


@pytest.mark.parametrize("content", [b"", b"hello", b"\x00" * 4096, b"SQLite format 3\x00" + b"\xff" * 84])
def test_garbage_file(tmp_path: Path, content: bytes) -> None:
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(content)
    with pytest.raises(GazetteerCorrupt):
        Gazetteer(bad)


def test_flipped_bytes_are_caught_by_verify(mini_db: Path, tmp_path: Path) -> None:
    damaged = tmp_path / mini_db.name
    shutil.copy(mini_db, damaged)
    shutil.copy(checksum_path(mini_db), checksum_path(damaged))
    data = bytearray(damaged.read_bytes())
    for offset in range(len(data) // 2, len(data) // 2 + 200):
        data[offset] ^= 0x55
    damaged.write_bytes(bytes(data))
    try:
        problems = Gazetteer(damaged).verify()
    except GazetteerCorrupt:
        return  # also acceptable: refused on open
    assert any("checksum" in p for p in problems)


def test_other_schema_version_is_refused(mini_db: Path, tmp_path: Path) -> None:
    old = tmp_path / "old.sqlite"
    shutil.copy(mini_db, old)
    con = sqlite3.connect(old)
    con.execute("UPDATE meta SET value = '0' WHERE key = 'schema_version'")
    con.commit()
    con.close()
    with pytest.raises(GazetteerCorrupt, match="schema version"):
        Gazetteer(old)


def test_build_replaces_atomically(mini_db: Path, tmp_path: Path) -> None:
    from tests.conftest import build_mini

    target = tmp_path / "g.sqlite"
    build_mini(target)
    first = target.stat().st_ino
    build_mini(target)
    assert target.stat().st_ino != first  # a new file was renamed into place
    assert not [p for p in os.listdir(tmp_path) if p.endswith(".tmp")]
    assert Gazetteer(target).verify() == []


def test_dotted_abbreviations_need_their_dots(gaz: Gazetteer) -> None:
    """ "Ky." is Kentucky and "Kan." Kansas (not the town of Kan); "KY", "ky" and "Kan" are not."""
    assert gaz.best("Ky.").id == "ne-admin1:US-KY"
    assert gaz.best("Kan.").id == "ne-admin1:US-KS"
    assert gaz.best("Kan").id == "geonames:1463204"
    assert gaz.best("KY") is None and gaz.best("ky") is None


def test_a_country_named_outright_beats_a_namesake_town_in_context(gaz: Gazetteer) -> None:
    """Context about Maine does not make "China" the town of China, Maine; a qualifier does."""
    maine = Evidence(countries={"US": 4}, admin1={"US.ME": 4})
    assert gaz.candidates("China", evidence=maine)[0].place.id == "ne-admin0:CN"
    assert gaz.candidates("China, United States")[0].place.id == "geonames:4960817"
    # towns still follow context when no country shares the name
    texas = Evidence(countries={"US": 2}, admin1={"US.TX": 2})
    assert gaz.candidates("Paris", evidence=texas)[0].place.id == "geonames:4717560"
    # a first-order region named outright beats a village that only the country's context favours,
    # not one whose own region the story names (Washington, Georgia: 3,981 people)
    us_only = Evidence(countries={"US": 3})
    assert gaz.candidates("England", evidence=us_only)[0].place.id == "geonames:6269131"
    arkansas = Evidence(countries={"US": 3}, admin1={"US.AR": 2})
    assert gaz.candidates("England", evidence=arkansas)[0].place.id == "geonames:4110001"
    georgia = Evidence(countries={"US": 3}, admin1={"US.GA": 3})
    assert gaz.candidates("Washington", evidence=georgia)[0].place.id == "geonames:4229546"


def test_supplementary_divisions_yield_to_natural_earth(tmp_path: Path) -> None:
    """GeoNames divisions fill gaps only: not a second Kentucky (same GeoNames id), not a second
    Ontario (same name, same country), but Scotland, which Natural Earth's admin-1 lacks."""
    def division(gid: int, name: str, country: str) -> SourcePlace:
        place = Place(f"geonames:{gid}", name, PlaceKind.ADMIN1, country, 50.0, -1.0, geonames_id=gid, prior=5.0)
        return SourcePlace(place, [(name, NameType.PRIMARY)], supplementary=True)

    extra = SourceData("divisions", "test", [division(6254925, "Kentucky", "US"), division(1, "Ontario", "CA"),
                                             division(2638360, "Scotland", "GB")])
    build(tmp_path / "g.sqlite", sources=[lambda: read_tsv(MINI_TSV), lambda: extra])
    g = Gazetteer(tmp_path / "g.sqlite")
    assert [p.id for p, _ in g.lookup("Kentucky")] == ["ne-admin1:US-KY"]
    assert [p.id for p, _ in g.lookup("Ontario")] == ["ne-admin1:CA-ON"]
    assert [p.id for p, _ in g.lookup("Scotland")] == ["geonames:2638360"]


@pytest.mark.parametrize(("point", "expected"), [
    ((33.70, -82.60), "geonames:4229546"),  # a town named ~15 km away: the small Washington, Georgia
    ((47.61, -122.33), "geonames:4140963"),  # a town named 3,500 km away pulls nothing: the capital
    (None, "geonames:4140963"),
], ids=["near", "far", "none"])
def test_a_town_near_one_the_context_names_gains(gaz: Gazetteer, point: tuple[float, float] | None,
                                                 expected: str) -> None:
    points = (point,) if point else ()
    evidence = Evidence(countries={"US": 1}, admin1={"US.GA": 1}, points=points)
    assert gaz.best("Washington", evidence=evidence).id == expected


def test_only_a_town_named_by_its_own_name_gains_from_a_nearby_one(gaz: Gazetteer) -> None:
    """A city that also bears a state's name as an alternate name is not pulled toward the state's
    reading by a town named near it; by its own name it is."""
    evidence = Evidence(points=((32.9, 13.2),))
    [own] = [c for c in gaz.candidates("Tripoli", evidence=evidence) if c.place.id == "geonames:2210247"]
    [alternate] = gaz.candidates("Tarabulus", evidence=evidence)
    assert any("km from a place the context names" in r for r in own.reasons)
    assert not any("km from" in r for r in alternate.reasons) and alternate.place.id == own.place.id
