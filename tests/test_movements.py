"""Movements: fusion of restatements (records built by hand, the mini gazetteer) and rules that are
code, through the real model on sentences of our own wording."""

from __future__ import annotations

import pytest

from conflictmap.gazetteer import Gazetteer
from conflictmap.geo.export.fusion import feature_collection, fuse_movements
from conflictmap.geo.reading.reader import Document
from conflictmap.geo.records import Mention, Movement, Resolution, SizeClaim, Source


def _at(gaz: Gazetteer, place_id: str | None) -> Resolution | None:
    if place_id is None:
        return None
    place = gaz.get(place_id)
    assert place is not None, place_id
    return Resolution(Mention("d", 0, len(place.name), place.name, "GPE", "body"), place, 1.0)


def _move(gaz: Gazetteer, origin: str | None, destination: str | None, *, status: str = "reported",
          country: str | None = "KP", size: int | None = None, at: int = 0) -> Movement:
    source = Source("d", at, at + 10, "a sentence")
    sizes = (SizeClaim(f"{size} troops", size, None, source),) if size else ()
    return Movement("d", "troops", country, _at(gaz, origin), _at(gaz, destination), None, sizes, status, None,
                    "moved", source, origin_basis="text" if origin else None)


def _ends(moves) -> list[tuple[str | None, str | None, str]]:
    return sorted(((m.origin.name if m.origin else None), (m.destination.name if m.destination else None), m.status)
                  for m in moves)


def test_a_country_level_restatement_folds_into_the_city_level_move(gaz: Gazetteer) -> None:
    """"From Pyongyang to Vladivostok" and "from North Korea to Russia": one movement, both claims."""
    moves = fuse_movements([
        _move(gaz, "geonames:1871859", "geonames:2013348", size=500, at=0),
        _move(gaz, "ne-admin0:KP", "ne-admin0:RU", size=800, at=20),
        _move(gaz, None, "ne-admin1:RU-PRI", at=40),
    ], gaz)
    assert _ends(moves) == [("Pyongyang", "Vladivostok", "reported")]
    [move] = moves
    assert sorted(c.value for c in move.sizes) == [500, 800]
    assert len(move.sources) == 3


@pytest.mark.parametrize(
    ("other", "status", "country"),
    [
        (("ne-admin0:KP", "ne-admin0:RU"), "possible", "KP"),  # a plan is not the reported move
        (("ne-admin0:KP", "ne-admin0:RU"), "reported", "JP"),  # another force
        (("ne-admin0:KP", "ne-admin0:UA"), "reported", "KP"),  # another destination
    ],
    ids=["other-status", "other-force", "other-end"],
)
def test_what_is_not_a_restatement_stays_apart(gaz: Gazetteer, other: tuple[str, str], status: str,
                                              country: str) -> None:
    moves = fuse_movements([
        _move(gaz, "geonames:1871859", "geonames:2013348"),
        _move(gaz, *other, status=status, country=country, at=20),
    ], gaz)
    assert len(moves) == 2


def test_a_leg_on_from_the_folded_move_stays_chained(gaz: Gazetteer) -> None:
    moves = fuse_movements([
        _move(gaz, "geonames:1871859", "geonames:2013348", at=0),
        _move(gaz, "ne-admin0:KP", "ne-admin0:RU", at=20),
        _move(gaz, None, "ne-admin1:RU-KRS", status="possible", at=40),
    ], gaz)
    assert _ends(moves) == [("Pyongyang", "Vladivostok", "reported"), ("Vladivostok", "Kursk", "possible")]
    [leg] = [m for m in moves if m.status == "possible"]
    assert leg.origin_basis == "chained"
    assert leg.chained_from is not None and leg.chained_from.destination is not None
    assert leg.chained_from.destination.name == "Vladivostok"


# ------------------------------------------------------------------ through the model



def analyse(pipeline, text: str):
    [analysis] = pipeline.analyse([Document("own", text, "-", "utf-8")])
    return analysis


def _features(pipeline, text: str) -> list[dict]:
    collection = feature_collection([analyse(pipeline, text)], pipeline.gaz)
    return [f["properties"] for f in collection["features"] if f["properties"]["kind"] == "movement"]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Officials raised concern over troop deployments by Japan to Libya, he said.\n", "JP"),
        ("Officials raised fears over warship deployments by France to Lebanon.\n", "FR"),
    ],
    ids=["troops-by", "warships-by"],
)
def test_a_by_phrase_after_a_motion_noun_names_the_sender(mini_pipeline, text: str, country: str) -> None:
    [move] = analyse(mini_pipeline, text).movements
    assert move.actor_country == country


@pytest.mark.model
def test_a_by_phrase_of_another_verb_is_not_the_sender(mini_pipeline) -> None:
    [move] = analyse(mini_pipeline, "The transfer of troops to Libya was approved by Japan on Monday.\n").movements
    assert move.origin_basis != "sender"
