"""Fusion at scale: the indexed fusion gives exactly what comparing every movement with every other
gave (the pairwise algorithm is kept below as the reference), on synthetic movement records."""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path

import pytest

from conflictmap.gazetteer import Gazetteer, Place, PlaceKind
from conflictmap.geo.export.fusion import (
    SUBNATIONAL,
    _finer,
    _Move,
    _refinable_origin,
    _same_end,
    _specificity,
    _unlisted_fit,
    _within,
    fuse_movements,
    group_movements,
)
from conflictmap.geo.records import Mention, Movement, Resolution, SizeClaim, Source

# ----------------------------------------------------------------------------- the reference
# The pairwise fusion as it was before the indexes (commit 169ffc8), unchanged but for names and for
# the ends the gazetteer lacks (the module's own pairwise rules for them); the grouping by key, which
# never compared pairs, is the module's own.


def reference_fuse(movements: Iterable[Movement], gaz: Gazetteer) -> list[_Move]:
    moves = group_movements(movements)  # grouping by key was never pairwise: shared, not kept twice
    moves = _reference_refine(moves, gaz)
    _reference_chain(moves)
    for move in moves:
        if move.origin is None and "origin" not in move.unlisted and move.actor_country \
                and move.destination is not None and move.destination.country_code != move.actor_country:
            home = gaz.get(f"ne-admin0:{move.actor_country}")
            if home is not None:
                move.origin, move.origin_basis = home, "actor_country"
    return _reference_fold(moves, gaz)


def _reference_refine(moves: list[_Move], gaz: Gazetteer) -> list[_Move]:
    kept = []
    fine = [m for m in moves if m.destination is not None and m.destination.kind is PlaceKind.CITY]
    for move in moves:
        target = None
        if move.destination is not None and move.destination.kind in SUBNATIONAL:
            for f in fine:
                if f is move or f.actor_key != move.actor_key or f.status != move.status:
                    continue
                assert f.destination is not None
                origin_ok = _refinable_origin(move, f, lambda a, b: _within(a, b, gaz))
                if origin_ok and _within(move.destination, f.destination, gaz):
                    target = f
                    break
        if target is not None:
            target.absorb(move)  # a city end keeps its own origin; it takes the region's only if it has none
        else:
            kept.append(move)
    return kept


def _reference_chain(moves: list[_Move]) -> None:
    for i, move in enumerate(moves):
        if move.origin is not None or "origin" in move.unlisted or move.destination is None \
                or move.destination.kind is PlaceKind.COUNTRY:
            continue
        options = [
            (j, m) for j, m in enumerate(moves)
            if j != i and m.actor_key == move.actor_key and m.status == "reported" and m.destination is not None
            and m.destination.id != move.destination.id
            and m.destination.country_code == move.destination.country_code
            and m.destination.kind in (PlaceKind.CITY, PlaceKind.ADMIN1, PlaceKind.LANDMARK)
        ]
        if options:
            _, previous = min(options, key=lambda o: (o[1].destination.where_prec, -len(o[1].sources)))  # type: ignore[union-attr]
            move.origin, move.origin_basis, move.chained_from = previous.destination, "chained", previous


def _reference_fold(moves: list[_Move], gaz: Gazetteer) -> list[_Move]:
    def fits(kept: _Move, move: _Move) -> bool:
        if kept.actor_key != move.actor_key or kept.status != move.status:
            return False
        if not (_same_end(kept.origin, move.origin, gaz) and _same_end(kept.destination, move.destination, gaz)):
            return False
        if not _unlisted_fit(kept, move):
            return False
        origin, destination = _finer(kept.origin, move.origin), _finer(kept.destination, move.destination)
        return origin is None or destination is None or origin.id != destination.id

    kept: list[_Move] = []
    for move in sorted(moves, key=_specificity):
        target = next((k for k in kept if fits(k, move)), None)
        if target is None:
            kept.append(move)
            continue
        origin = _finer(target.origin, move.origin)
        basis = target.origin_basis if origin is target.origin else move.origin_basis
        destination = _finer(target.destination, move.destination)
        target.absorb(move)
        target.origin, target.origin_basis, target.destination = origin, basis, destination
        if move.chained_from is not None and target.chained_from is None and basis == "chained":
            target.chained_from = move.chained_from
    kept_ids = {id(k) for k in kept}
    for move in kept:
        if move.chained_from is not None and id(move.chained_from) not in kept_ids:
            start = move.origin
            move.chained_from = next((k for k in kept if start is not None and k.destination is not None
                                      and k.destination.id == start.id), None)
    order = {id(m): i for i, m in enumerate(moves)}
    return sorted(kept, key=lambda m: order[id(m)])


# ----------------------------------------------------------------------------- synthetic records

ACTORS = (("troops", "RU"), ("soldiers", "UA"), ("troops", "KP"), ("forces", "SY"), ("fighters", None),
          ("militia", None), ("warships", "US"), ("troops", "IL"))


def place_pool(db: Path, gaz: Gazetteer, *, countries: Sequence[str] = (), min_population: int = 0) -> list[Place]:
    """Places of a gazetteer to draw movement ends from: countries, regions and towns (of
    ``countries`` when given; towns of at least ``min_population``)."""
    where = f"AND country_code IN ({','.join('?' * len(countries))})" if countries else ""
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        ids = [r[0] for r in conn.execute(
            f"SELECT id FROM places WHERE (kind != 'city' OR population >= ?) "
            f"AND kind IN ('city', 'admin1', 'region', 'country', 'landmark') {where} ORDER BY id",
            (min_population, *countries))]
    return [p for p in map(gaz.get, ids) if p is not None]


def synthetic_movements(pool: Sequence[Place], n: int, *, seed: int = 14) -> list[Movement]:
    """``n`` movement records as the pipeline makes them, one per sentence of a synthetic corpus:
    a few forces moving between places of ``pool`` (a destination-only leg in three, a country-level
    claim in eight, repeated claims so that restatements and chains are common)."""
    rng = random.Random(seed)
    countries = [p for p in pool if p.kind is PlaceKind.COUNTRY]
    hot = rng.sample(list(pool), min(len(pool), max(8, len(pool) // 10)))  # most reports name a few places

    def end() -> Place:
        r = rng.random()
        if r < 0.12 and countries:
            return rng.choice(countries)
        return rng.choice(hot) if r < 0.7 else rng.choice(pool)

    def at(place: Place | None, doc: str) -> Resolution | None:
        if place is None:
            return None
        return Resolution(Mention(doc, 0, len(place.name), place.name, "GPE", "body"), place, 1.0)

    def unlisted(doc: str) -> Resolution:  # a village the gazetteer lacks: a few names, often repeated
        name = rng.choice(("Kelbora", "Dembaroke", "Nakuzi", "kelbora"))
        return Resolution(Mention(doc, 0, len(name), name, "GPE", "body"), None, 0.0)

    movements = []
    for i in range(n):
        doc = f"doc{i // 4}"
        actor, country = rng.choice(ACTORS)
        origin = None if rng.random() < 0.33 else end()
        destination = None if rng.random() < 0.04 else end()
        status = rng.choices(("reported", "possible", "denied"), (0.7, 0.2, 0.1))[0]
        source = Source(doc, 40 * (i % 4), 40 * (i % 4) + 30, f"sentence {i}")
        size = rng.choice((None, None, 500, 3000, 10000))
        sizes = (SizeClaim(f"{size} {actor}", size, None, source),) if size else ()
        origin_r = unlisted(doc) if origin is None and rng.random() < 0.1 else at(origin, doc)
        destination_r = unlisted(doc) if rng.random() < 0.06 else at(destination, doc)
        movements.append(Movement(
            doc, actor, country, origin_r, destination_r, rng.choice((None, "sea", "rail")), sizes,
            status, None, "moved", source, origin_basis="text" if origin_r is not None else None,
            via=(at(end(), doc),) if rng.random() < 0.05 else ()))  # type: ignore[arg-type]
    return movements


def signature(moves: list[_Move]) -> list[tuple]:
    """Everything fusion decides about each movement, in order."""
    index = {id(m): i for i, m in enumerate(moves)}
    return [(m.actor_key, m.status, m.origin.id if m.origin else None, m.origin_basis,
             m.destination.id if m.destination else None, tuple(m.modes), tuple(m.times),
             tuple((c.value, c.text) for c in m.sizes), tuple((s.doc, s.start) for s in m.sources),
             tuple(v.id for v in m.via), index.get(id(m.chained_from)) if m.chained_from else None,
             tuple(sorted(m.unlisted.items())))
            for m in moves]


@pytest.mark.parametrize("seed", [1, 2, 3], ids=["seed1", "seed2", "seed3"])
def test_indexed_fusion_equals_the_pairwise_one(gaz: Gazetteer, mini_db: Path, seed: int) -> None:
    """The mini gazetteer: few places, so nearly every movement restates, refines or chains another."""
    movements = synthetic_movements(place_pool(mini_db, gaz), 500, seed=seed)
    expected = signature(reference_fuse(movements, gaz))
    got = signature(fuse_movements(movements, gaz))
    assert len(got) > 20 and any(s[3] == "chained" for s in got)
    assert got == expected


@pytest.mark.full
def test_indexed_fusion_equals_the_pairwise_one_on_real_outlines(full_gaz: Gazetteer, full_db: Path) -> None:
    """Real outlines: border towns, regions across countries, Natural Earth admin-1 polygons."""
    pool = place_pool(full_db, full_gaz, countries=("RU", "UA", "KP", "BY", "SY", "IL", "LB"),
                      min_population=100_000)
    movements = synthetic_movements(pool, 1500, seed=7)
    expected = signature(reference_fuse(movements, full_gaz))
    got = signature(fuse_movements(movements, full_gaz))
    assert len(got) > 100
    assert got == expected
