"""The issue's acceptance on the five seed articles, with the real model and full gazetteer."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conflictmap.gazetteer import fold

pytestmark = [pytest.mark.full, pytest.mark.model]
SEEDS = Path(__file__).parent.parent / "seeds"


def _kind(fc: dict, kind: str) -> list[dict]:
    return [f["properties"] for f in fc["features"] if f["properties"]["kind"] == kind]


def test_wonsan_to_vladivostok_by_sea(seeds_fc: dict) -> None:
    [move] = [m for m in _kind(seeds_fc, "movement")
              if (m["origin"] or {}).get("name") == "Wŏnsan" and (m["destination"] or {}).get("name") == "Vladivostok"]
    assert move["status"] == "reported"
    assert move["mode"] == "sea"
    assert move["actor_country"] == "KP"
    assert "North Korean troops" in move["actor"]
    assert any(c["value"] == 3000 for c in move["size_claims"])
    assert move["time"]["start"] == "2024-10-01"  # "earlier this month" in the dated article; the other
    assert move["time"]["basis"] == "published"  # phrase ("early- to mid-October") is in one with no date or year
    assert len({s["doc"] for s in move["sources"]}) >= 2  # fused across articles


def test_possible_leg_on_to_kursk(seeds_fc: dict) -> None:
    legs = [m for m in _kind(seeds_fc, "movement") if (m["destination"] or {}).get("id") == "ne-admin1:RU-KRS"]
    assert legs
    assert all(leg["status"] == "possible" for leg in legs)
    assert any((leg["origin"] or {}).get("name") == "Vladivostok" and leg["origin_basis"] == "chained" for leg in legs)


def test_the_seeds_give_three_movements_as_an_analyst_counts_them(seeds_fc: dict) -> None:
    """Wonsan -> Vladivostok with its country-level restatements folded in; the possible leg on to
    Kursk; the expected 10,000 (North Korea -> Russia, possible)."""
    moves = {((m["origin"] or {}).get("id"), (m["destination"] or {}).get("id"), m["status"]): m
             for m in _kind(seeds_fc, "movement")}
    assert len(moves) == len(_kind(seeds_fc, "movement")) == 3
    [sea] = [m for (o, d, _), m in moves.items() if d == "geonames:2013348"]
    assert sea["status"] == "reported"
    assert len({s["doc"] for s in sea["sources"]}) >= 4  # the country-level sentences are folded in
    [expected] = [m for (o, d, st), m in moves.items() if (o, d, st) == ("ne-admin0:KP", "ne-admin0:RU", "possible")]
    assert 10000 in {c["value"] for c in expected["size_claims"]}


def test_size_claims_keep_who_claimed_them(seeds_fc: dict) -> None:
    claims = {c["value"]: c["claimed_by"] for m in _kind(seeds_fc, "movement") for c in m["size_claims"]}
    assert 3000 in claims
    assert 10000 in claims
    assert claims[3000] == "White House"


@pytest.mark.parametrize(
    ("speaker", "place"),
    [
        ("Kirby", "Washington"),
        ("Yoon", "Seoul"),
        ("presidential office", "Seoul"),
        ("Kim Jong Gyu", "Pyongyang"),
        ("Zelensky", "Kyiv"),
        ("Scholz", "India"),
        ("Zakharova", "Moscow"),
        ("Kremlin", "Moscow"),
        ("Rutte", "Brussels"),
    ],
)
def test_statement_origins(seeds_fc: dict, speaker: str, place: str) -> None:
    found = [s for s in _kind(seeds_fc, "statement")
             if fold(speaker) in fold(f"{s['speaker'] or ''} {s['organization'] or ''}")]
    assert found, speaker
    assert place in {(s["place"] or {}).get("name") for s in found}


def test_scholz_was_explicitly_in_india(seeds_fc: dict) -> None:
    [scholz] = [s for s in _kind(seeds_fc, "statement") if "Scholz" in (s["speaker"] or "")]
    assert (scholz["place"]["name"], scholz["basis"], scholz["speaker_country"]) == ("India", "explicit", "DE")


def test_no_furniture_or_people_as_places(seed_analyses) -> None:
    texts = {r.mention.text for a in seed_analyses for r in a.places}
    for bad in ("Kim Jong Un", "Latest Stories", "Most Read", "SUBSCRIBE NOW", "Daily Tribune", "Brics",
                "North Korea Sends Troops", "Latest Posts", "Kim"):
        assert bad not in texts
    assert {"Wonsan area", "Vladivostok", "Kursk region", "Pyongyang", "Seoul", "Indo-Pacific region"} <= texts


def test_offsets_round_trip(seeds_fc: dict) -> None:
    texts = {p.stem: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
    refs = []
    for f in seeds_fc["features"]:
        p = f["properties"]
        refs += p.get("mentions", []) + p.get("sources", [])
        refs += [c["source"] for c in p.get("size_claims", [])]
    assert len(refs) > 100
    for ref in refs:
        assert texts[ref["doc"]][ref["start"] : ref["end"]] == ref["text"]


def test_geojson_is_valid_rfc7946(seeds_fc: dict) -> None:
    from geojson_pydantic import FeatureCollection

    parsed = FeatureCollection.model_validate(json.loads(json.dumps(seeds_fc)))
    assert len(parsed.features) == len(seeds_fc["features"])
    assert "crs" not in seeds_fc
    for f in seeds_fc["features"]:
        p = f["properties"]
        assert p["kind"] in ("place", "movement", "statement")
        if f["geometry"] is not None:
            coords = f["geometry"]["coordinates"]
            points = [coords] if f["geometry"]["type"] == "Point" else coords
            assert all(-180 <= lon <= 180 and -90 <= lat <= 90 for lon, lat in points)
        if p["kind"] == "place":
            assert {"id", "name", "place_type", "country_code", "where_prec", "mentions"} <= set(p)
            assert f["geometry"]["type"] == "Point"
        elif p["kind"] == "movement":
            assert {"origin", "destination", "actor", "mode", "size", "status", "sources"} <= set(p)
            assert p["status"] in ("reported", "possible", "denied")
            if p["origin"] and p["destination"]:
                coords = f["geometry"]["coordinates"]
                if f["geometry"]["type"] == "MultiLineString":
                    coords = [c for part in coords for c in part]
                assert coords[0] == p["origin"]["coordinates"]
                assert coords[-1] == p["destination"]["coordinates"]
                assert p["route"] in ("sea lane", "geodesic")
        else:
            assert {"speaker", "organization", "speaker_country", "place", "basis", "text", "sources"} <= set(p)
            assert p["basis"] in ("dateline", "explicit", "affiliation", None)
            assert (p["basis"] is None) == (p["place"] is None) == (f["geometry"] is None)


def test_geodataframe(seeds_fc: dict) -> None:
    from conflictmap.geo.export.fusion import to_geodataframe

    frame = to_geodataframe(seeds_fc)
    assert len(frame) == len(seeds_fc["features"])
    assert frame.crs.to_epsg() == 4326
    assert set(frame["kind"]) == {"place", "movement", "statement"}
