"""Our own short conflict articles (tests/articles/*.txt), with what an analyst expects of each
in tests/articles/expected.json: places, movements, statements, and traps (Washington state vs
D.C., two Tripolis, people named like places, "a moving experience"). None of the rules was
written for these texts; they check that the rules are general.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from conflictmap.gazetteer import fold

ARTICLES = Path(__file__).parent / "articles"
EXPECTED = json.loads((ARTICLES / "expected.json").read_text(encoding="utf-8"))


def _features(fc: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [f["properties"] for f in fc["features"] if f["properties"]["kind"] == kind]


def _name_has(ref: dict[str, Any] | None, needle: str | None) -> bool:
    if needle is None:
        return True
    return ref is not None and fold(needle) in fold(ref.get("name") or "")


def check_article(expected: dict[str, Any], analysis: Any, fc: dict[str, Any]) -> tuple[list[str], int]:
    """Problems found (empty when the article meets every expectation) and how many were checked."""
    problems: list[str] = []
    checked = 0
    resolutions = analysis.places
    for want in expected.get("places", []):
        checked += 1
        hits = [r for r in resolutions if r.mention.text == want["text"] and r.place is not None]
        ok = any(
            (want.get("id") is None or r.place.id == want["id"])
            and (want.get("country") is None or r.place.country_code == want["country"])
            and (want.get("kind") is None or r.place.kind.value == want["kind"])
            for r in hits
        )
        if not ok:
            got = sorted({(r.place.id, r.place.name) for r in hits}) or "no such mention"
            problems.append(f"place {want}: got {got}")
    for text in expected.get("not_places", []):
        checked += 1
        bad = [r.mention.text for r in resolutions if text in r.mention.text]
        if bad:
            problems.append(f"not a place {text!r}: mentioned as {bad}")
    movements = _features(fc, "movement")
    for want in expected.get("movements", []):
        checked += 1
        ok = any(
            _name_has(m["origin"], want.get("origin")) and _name_has(m["destination"], want.get("destination"))
            and (want.get("origin_id") is None or (m["origin"] or {}).get("id") == want["origin_id"])
            and (want.get("destination_id") is None or (m["destination"] or {}).get("id") == want["destination_id"])
            and (want.get("destination_country") is None
                 or (m["destination"] or {}).get("country_code") == want["destination_country"])
            and m["status"] == want.get("status", m["status"])
            and m["mode"] == want.get("mode", m["mode"])
            and m["actor_country"] == want.get("actor_country", m["actor_country"])
            for m in movements
        )
        if not ok:
            got = [((m["origin"] or {}).get("name"), (m["destination"] or {}).get("name"), m["status"], m["mode"],
                    m["actor_country"]) for m in movements]
            problems.append(f"movement {want}: got {got}")
    for needle in expected.get("no_movement_from", []):
        checked += 1
        if any(needle in s["text"] for m in movements for s in m["sources"]):
            problems.append(f"a movement was read from {needle!r}")
    if expected.get("no_movements"):
        checked += 1
        if movements:
            problems.append(f"expected no movements, got {len(movements)}")
    statements = _features(fc, "statement")
    for want in expected.get("statements", []):
        checked += 1
        needle = want["speaker"].lower()
        ok = any(
            needle in f"{s['speaker'] or ''} | {s['organization'] or ''}".lower()
            and (want.get("place") is None or want["place"].lower() in s["place"]["name"].lower())
            and (want.get("basis") is None or s["basis"] == want["basis"])
            and (want.get("country") is None or s["speaker_country"] == want["country"])
            and (want.get("place_country") is None or s["place"]["id"] in _ids_in(fc, want["place_country"]))
            for s in statements
        )
        if not ok:
            got = [(s["speaker"], s["organization"], s["place"]["name"], s["basis"]) for s in statements]
            problems.append(f"statement {want}: got {got}")
    return problems, checked


def _ids_in(fc: dict[str, Any], country: str) -> set[str]:
    return {p["id"] for p in _features(fc, "place") if p["country_code"] == country}


@pytest.mark.full
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_article(name: str, pipeline: Any) -> None:
    from conflictmap.geo.export.fusion import feature_collection
    from conflictmap.geo.reading.reader import read_document

    document = read_document(ARTICLES / f"{name}.txt")
    analysis = next(iter(pipeline.analyse([document])))
    fc = feature_collection([analysis], pipeline.gaz)
    problems, checked = check_article(EXPECTED[name], analysis, fc)
    assert checked > 0
    assert problems == []


@pytest.mark.full
def test_speaker_countries_are_iso_codes_or_nothing(pipeline: Any) -> None:
    """A nationality word that names a continent, a bloc or a nation within a country gives the
    speaker that country or none: never a gazetteer id in a field that holds ISO codes."""
    from conflictmap.geo.export.fusion import feature_collection
    from conflictmap.geo.reading.reader import Document

    text = ("BRUSSELS, March 3 (Reuters) - European Commission President Ursula von der Leyen said on Monday "
            "that aid would continue.\n\nThe English cricket captain, Ben Stokes, said in London that the "
            "tour would go ahead.\n\nA Korean diplomat, Park Jin, said in Seoul that talks had stalled.")
    analysis = next(iter(pipeline.analyse([Document("t", text, "test", "utf-8")])))
    fc = feature_collection([analysis], pipeline.gaz)
    countries = {f["properties"]["speaker"]: f["properties"]["speaker_country"]
                 for f in fc["features"] if f["properties"]["kind"] == "statement"}
    assert countries and all(c is None or (len(c) == 2 and c.isupper()) for c in countries.values()), countries
    assert countries.get("Ben Stokes") == "GB" and "Ursula von der Leyen" in countries
