"""Merge what several articles say into one GeoJSON FeatureCollection (RFC 7946).

The same place, the same movement and the same speaker's statement from several articles become
one feature that keeps every source sentence with its character offsets. Movements are also
refined (a move to a region and a move to a city in it by the same force are one move), chained
(a destination-only leg starts where the same force was last reported to arrive) and, failing
that, given the force's home country as origin; each inference is named in ``origin_basis``.
Last, restatements are folded: the same force, with the same status, between the same ends (a
city and the country or region that contains it are the same end) is one movement with every
source and size claim.
"""

from __future__ import annotations

import copy
import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any, cast

from conflictmap.gazetteer import Gazetteer, Place, PlaceKind, fold
from conflictmap.geo.export.geojson import (
    DocumentRecord,
    EndRole,
    Feature,
    FeatureCollection,
    MentionRef,
    MovementProperties,
    PlaceProperties,
    PublishedRef,
    RunRecord,
    SkippedRecord,
    SourceRef,
    StatementProperties,
    Status,
    TimeRef,
    place_fields,
    place_ref,
    point,
)
from conflictmap.geo.export.routes import leg
from conflictmap.geo.reading.dates import Published, TimeSpan
from conflictmap.geo.reading.reader import Skipped
from conflictmap.geo.records import NOT_DRAWN, Analysis, Movement, Resolution, Source, Statement

SUBNATIONAL = frozenset({PlaceKind.REGION, PlaceKind.ADMIN1, PlaceKind.ADMIN2})


def _sources(items: Iterable[Source]) -> list[SourceRef]:
    seen: dict[tuple[str, int, int], Source] = {}
    for s in items:
        seen.setdefault((s.doc, s.start, s.end), s)
    return [s.to_json() for s in sorted(seen.values(), key=lambda s: (s.doc, s.start))]


# ----------------------------------------------------------------------------- movements


@dataclass(slots=True)
class _Move:
    actor: str | None
    actor_key: str
    actor_country: str | None
    origin: Place | None
    origin_basis: str | None
    destination: Place | None
    status: str
    status_cues: list[str] = field(default_factory=list)
    modes: list[str] = field(default_factory=list)
    times: list[TimeSpan] = field(default_factory=list)
    sizes: list[Any] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    via: list[Place] = field(default_factory=list)
    chained_from: _Move | None = None
    # ends named in the text that the gazetteer has no place for, as written, by role ("origin",
    # "destination", "via"): the role's place stays None, the name is kept and exported
    unlisted: dict[EndRole, str] = field(default_factory=dict)

    def end(self, role: str) -> Place | None:
        return cast(Place | None, getattr(self, role)) if role != "via" else (self.via[0] if self.via else None)

    def absorb(self, other: _Move) -> None:
        for role, name in other.unlisted.items():
            if self.end(role) is None and not (role == "via" and other.via):
                self.unlisted.setdefault(role, name)
        self.status_cues += other.status_cues
        self.modes += other.modes
        self.times += other.times
        self.sizes += other.sizes
        self.sources += other.sources
        self.via += [v for v in other.via if v.id not in {p.id for p in self.via}]
        if self.origin is None and "origin" not in self.unlisted and other.origin is not None:
            self.origin, self.origin_basis = other.origin, other.origin_basis


def _actor_key(m: Movement) -> str:
    return m.actor_country or fold(m.actor or "unknown")


def _place(r: Resolution | None) -> Place | None:
    return r.place if r is not None else None


def _unlisted_fit(kept: _Move, move: _Move) -> bool:
    """Whether two moves' ends the gazetteer lacks let them be one: an unlisted end is the same
    end only as the same name, or where the other move has no end of that role at all."""
    for role in ("origin", "destination"):
        a, b = kept.unlisted.get(role), move.unlisted.get(role)
        if a and b:
            if fold(a) != fold(b):
                return False
        elif (a or b) and (kept.end(role) is not None or move.end(role) is not None):
            return False
    return True


def _refinable_origin(move: _Move, city_move: _Move, within: Callable[[Place, Place], bool]) -> bool:
    """Whether a move to a region may fold into ``city_move`` (to a city inside it) by their origins:
    the region move has none written, or the city move's lies inside it; an unlisted origin only as
    the same name."""
    if "origin" in move.unlisted:
        return city_move.origin is None and fold(city_move.unlisted.get("origin", "")) == fold(move.unlisted["origin"])
    return move.origin is None or move.origin_basis != "text" or (
        city_move.origin is not None and within(move.origin, city_move.origin))


def unlisted_ends(m: Movement) -> dict[EndRole, str]:
    """The ends of ``m`` the text names but the gazetteer has no place for, as written, by role."""
    ends: dict[EndRole, Resolution | None] = {"origin": m.origin, "destination": m.destination,
                                             "via": m.via[0] if m.via else None}
    return {role: r.mention.text for role, r in ends.items() if r is not None and r.place is None}


def group_movements(movements: Iterable[Movement]) -> list[_Move]:
    """Movements with the same force, ends and status as one, with every source, size, mode and
    time of theirs (a movement whose two ends are one place is no movement)."""
    groups: dict[tuple, _Move] = {}
    for m in movements:
        origin, destination = _place(m.origin), _place(m.destination)
        if origin is not None and destination is not None and origin.id == destination.id:
            continue
        unlisted = unlisted_ends(m)
        key = (_actor_key(m), origin.id if origin else None, destination.id if destination else None, m.status,
               tuple(sorted((role, fold(name)) for role, name in unlisted.items())))
        move = groups.get(key)
        if move is None:
            move = groups[key] = _Move(m.actor, _actor_key(m), m.actor_country, origin, m.origin_basis,
                                       destination, m.status, unlisted=unlisted)
        move.status_cues += [m.status_cue] if m.status_cue else []
        move.modes += [m.mode] if m.mode else []
        move.times += [m.time] if m.time else []
        move.sizes += list(m.sizes)
        move.sources.append(m.source)
        move.via += [r.place for r in m.via if r.place is not None]
    return list(groups.values())


def fuse_movements(movements: Iterable[Movement], gaz: Gazetteer) -> list[_Move]:
    """Group, refine, chain and fold movements. Each step looks up only its plausible partners
    (same force and status, ends in the same place, country or outline) through indexes, so the
    cost grows with the number of movements, not its square; the result is the pairwise one's."""
    geo = _Geometry(gaz)
    moves = _refine(group_movements(movements), geo)
    _chain(moves)
    homes: dict[str, Place | None] = {}
    for move in moves:
        if move.origin is None and "origin" not in move.unlisted and move.actor_country \
                and move.destination is not None and move.destination.country_code != move.actor_country:
            if move.actor_country not in homes:
                homes[move.actor_country] = gaz.get(f"ne-admin0:{move.actor_country}")
            home = homes[move.actor_country]
            if home is not None:
                move.origin, move.origin_basis = home, "actor_country"
    return _fold_restatements(moves, geo)


def _within(outer: Place, inner: Place, gaz: Gazetteer) -> bool:
    if outer.id == inner.id:
        return True
    if outer.kind is PlaceKind.COUNTRY:
        return inner.country_code == outer.country_code
    return outer.has_shape and gaz.contains(outer.id, inner.lat, inner.lon)


class _Geometry:
    """:func:`_within` remembered by place ids (a corpus names few places many times), with an
    outline's bounding box tested before the outline itself."""

    def __init__(self, gaz: Gazetteer) -> None:
        self.gaz = gaz
        self._known: dict[tuple[str, str], bool] = {}
        self._bounds: dict[str, tuple[float, float, float, float] | None] = {}

    def within(self, outer: Place, inner: Place) -> bool:
        key = (outer.id, inner.id)
        known = self._known.get(key)
        if known is None:
            known = self._known[key] = self._within(outer, inner)
        return known

    def bounds(self, place: Place) -> tuple[float, float, float, float] | None:
        """The bounding box (min lon, min lat, max lon, max lat) of a place's outline, or None."""
        if place.id not in self._bounds:
            shape = self.gaz.shape(place.id) if place.has_shape else None
            self._bounds[place.id] = tuple(shape.bounds) if shape is not None else None
        return self._bounds[place.id]

    def _within(self, outer: Place, inner: Place) -> bool:
        if outer.id != inner.id and outer.kind is not PlaceKind.COUNTRY and outer.has_shape:
            bounds = self.bounds(outer)
            # an outline covers no point outside its bounding box (degrees, lon/lat order)
            if bounds is None or not (bounds[0] <= inner.lon <= bounds[2] and bounds[1] <= inner.lat <= bounds[3]):
                return False
        return _within(outer, inner, self.gaz)


def _cell(lon: float, lat: float) -> tuple[int, int]:
    return math.floor(lon), math.floor(lat)


class _Grid:
    """Places by the one-degree cell of their point, to find those a bounding box may hold, and
    outlines by the cells of their bounding box, to find those that may hold a point. A filter
    only: every place it gives is then tested exactly."""

    LARGE = 4000  # cells; a larger box (a continent, the Indo-Pacific) is listed apart and always tried

    def __init__(self) -> None:
        self.points: dict[tuple[int, int], dict[str, Place]] = defaultdict(dict)
        self.boxes: dict[tuple[int, int], dict[str, Place]] = defaultdict(dict)
        self.large: dict[str, Place] = {}

    def add_point(self, place: Place) -> None:
        self.points[_cell(place.lon, place.lat)][place.id] = place

    def remove_point(self, place: Place) -> None:
        self.points[_cell(place.lon, place.lat)].pop(place.id, None)

    def add_box(self, place: Place, bounds: tuple[float, float, float, float]) -> None:
        cells = list(self._cells(bounds))
        if len(cells) > self.LARGE:
            self.large[place.id] = place
            return
        for cell in cells:
            self.boxes[cell][place.id] = place

    def remove_box(self, place: Place, bounds: tuple[float, float, float, float]) -> None:
        self.large.pop(place.id, None)
        for cell in self._cells(bounds, limit=self.LARGE):
            self.boxes[cell].pop(place.id, None)

    def around(self, lon: float, lat: float) -> list[Place]:
        """Outlines whose bounding box may hold (lon, lat)."""
        return [*self.boxes.get(_cell(lon, lat), {}).values(), *self.large.values()]

    def inside(self, bounds: tuple[float, float, float, float]) -> list[Place]:
        """Places whose point may lie in ``bounds``."""
        (x0, y0), (x1, y1) = _cell(bounds[0], bounds[1]), _cell(bounds[2], bounds[3])
        if (x1 - x0 + 1) * (y1 - y0 + 1) > len(self.points):
            cells = [c for c in self.points if x0 <= c[0] <= x1 and y0 <= c[1] <= y1]
        else:
            cells = [(x, y) for x in range(x0, x1 + 1) for y in range(y0, y1 + 1)]
        return [p for c in cells for p in self.points.get(c, {}).values()]

    @staticmethod
    def _cells(bounds: tuple[float, float, float, float], limit: int | None = None) -> Iterator[tuple[int, int]]:
        (x0, y0), (x1, y1) = _cell(bounds[0], bounds[1]), _cell(bounds[2], bounds[3])
        if limit is not None and (x1 - x0 + 1) * (y1 - y0 + 1) > limit:
            return
        for x in range(x0, x1 + 1):
            for y in range(y0, y1 + 1):
                yield x, y


def _refine(moves: list[_Move], geo: _Geometry) -> list[_Move]:
    """Fold a move to a region into a move to a city inside it (same force, same status, origins
    compatible): "troops moved to northern Norway" and "from Bodo to Tromso" are one move."""
    kept = []
    fine = [m for m in moves if m.destination is not None and m.destination.kind is PlaceKind.CITY]
    # the city moves of each force and status, by destination; a move's first match in ``fine``
    # order is the first of those whose destination lies in its region
    by_force: dict[tuple[str, str], dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    grids: dict[tuple[str, str], _Grid] = defaultdict(_Grid)
    for i, f in enumerate(fine):
        assert f.destination is not None
        by_force[(f.actor_key, f.status)][f.destination.id].append(i)
        grids[(f.actor_key, f.status)].add_point(f.destination)
    inside: dict[tuple[str, str, str], list[_Move]] = {}
    for move in moves:
        target = None
        if move.destination is not None and move.destination.kind in SUBNATIONAL:
            key = (move.actor_key, move.status, move.destination.id)
            if key not in inside:
                cities = by_force.get((move.actor_key, move.status), {})
                bounds = geo.bounds(move.destination)
                near = grids[(move.actor_key, move.status)].inside(bounds) if bounds is not None else []
                inside[key] = [fine[i] for i in sorted(
                    i for city in near if geo.within(move.destination, city) for i in cities[city.id])]
            for f in inside[key]:
                if f is move:
                    continue
                assert f.destination is not None
                if _refinable_origin(move, f, geo.within):
                    target = f
                    break
        if target is not None:
            target.absorb(move)  # a city end keeps its own origin; it takes the region's only if it has none
        else:
            kept.append(move)
    return kept


_CHAIN_KINDS = (PlaceKind.CITY, PlaceKind.ADMIN1, PlaceKind.LANDMARK)


def _chain(moves: list[_Move]) -> None:
    """A leg with no origin starts where the same force was reported to arrive in the same country:
    the most precise such arrival (then the most reported, then the first)."""
    # per force and country, the best arrival at each destination, best first
    best: dict[tuple[str, str], dict[str, tuple[tuple[int, int, int], _Move]]] = defaultdict(dict)
    for j, m in enumerate(moves):
        if m.status == "reported" and m.destination is not None and m.destination.kind in _CHAIN_KINDS:
            rank = (m.destination.where_prec, -len(m.sources), j)
            arrivals = best[(m.actor_key, m.destination.country_code)]
            if m.destination.id not in arrivals or rank < arrivals[m.destination.id][0]:
                arrivals[m.destination.id] = (rank, m)
    ranked = {key: [m for _, m in sorted(arrivals.values(), key=lambda a: a[0])] for key, arrivals in best.items()}
    for move in moves:
        if move.origin is not None or "origin" in move.unlisted or move.destination is None \
                or move.destination.kind is PlaceKind.COUNTRY:
            continue  # a country-level move is its own claim: it starts from the force's country
        destination = move.destination
        options = ranked.get((move.actor_key, destination.country_code), [])
        previous = next((m for m in options if cast(Place, m.destination).id != destination.id), None)
        if previous is not None:
            move.origin, move.origin_basis, move.chained_from = previous.destination, "chained", previous


def _same_end(a: Place | None, b: Place | None, gaz: Gazetteer | _Geometry) -> bool:
    """Two readings of one end of a movement: one unknown, or one place inside the other."""
    if a is None or b is None:
        return True
    if isinstance(gaz, _Geometry):
        return gaz.within(a, b) or gaz.within(b, a)
    return _within(a, b, gaz) or _within(b, a, gaz)


def _finer(a: Place | None, b: Place | None) -> Place | None:
    if a is None or b is None:
        return a or b
    return b if b.where_prec < a.where_prec else a


def _specificity(move: _Move) -> tuple[int, int]:
    """Lower is more precise: the ends' precision (an unknown end counts as a country), then sources."""
    precs = [p.where_prec if p is not None else 6 for p in (move.origin, move.destination)]
    return sum(precs), -len(move.sources)


class _Ends:
    """One end (origin or destination) of the movements kept so far for one force and status,
    indexed so that those whose end is :func:`_same_end` as a given place are found without
    looking at the others: the same place, its country, an outline around it, a place inside it."""

    def __init__(self, geo: _Geometry) -> None:
        self.geo = geo
        self.every: set[int] = set()
        self.unknown: set[int] = set()  # no end of this role at all
        self.named: dict[str, set[int]] = defaultdict(set)  # an end the gazetteer lacks, by folded name
        self.by_id: dict[str, set[int]] = defaultdict(set)
        self.by_country: dict[str, set[int]] = defaultdict(set)  # any place, by its country code
        self.countries: dict[str, set[int]] = defaultdict(set)  # ends that are a country, by its code
        self.grid = _Grid()  # the ends' points, and the boxes of those (not countries) with an outline

    def add(self, i: int, place: Place | None, name: str | None = None) -> None:
        self.every.add(i)
        if place is None:
            (self.named[fold(name)] if name else self.unknown).add(i)
            return
        if place.id not in self.by_id:
            self.grid.add_point(place)
            bounds = self.geo.bounds(place) if place.kind is not PlaceKind.COUNTRY else None
            if bounds is not None:
                self.grid.add_box(place, bounds)
        self.by_id[place.id].add(i)
        self.by_country[place.country_code].add(i)
        if place.kind is PlaceKind.COUNTRY:
            self.countries[place.country_code].add(i)

    def remove(self, i: int, place: Place | None, name: str | None = None) -> None:
        self.every.discard(i)
        if place is None:
            (self.named[fold(name)] if name else self.unknown).discard(i)
            return
        self.by_id[place.id].discard(i)
        self.by_country[place.country_code].discard(i)
        self.countries[place.country_code].discard(i)
        if not self.by_id[place.id]:
            del self.by_id[place.id]
            self.grid.remove_point(place)
            bounds = self.geo.bounds(place) if place.kind is not PlaceKind.COUNTRY else None
            if bounds is not None:
                self.grid.remove_box(place, bounds)

    def same(self, place: Place | None, name: str | None = None) -> set[int] | None:
        """The kept moves whose end is the same as ``place`` (or, with no place, as the unlisted
        ``name``: that name, or no end at all); None for all of them."""
        if place is None:
            return self.unknown | self.named.get(fold(name), set()) if name else None
        found = self.unknown | self.by_id.get(place.id, set()) | self.countries.get(place.country_code, set())
        if place.kind is PlaceKind.COUNTRY:
            found |= self.by_country.get(place.country_code, set())  # every place in the country
        for outer in self.grid.around(place.lon, place.lat):
            if outer.id in self.by_id and self.geo.within(outer, place):
                found |= self.by_id[outer.id]
        bounds = self.geo.bounds(place) if place.kind is not PlaceKind.COUNTRY else None
        if bounds is not None:
            for inner in self.grid.inside(bounds):
                if self.geo.within(place, inner):
                    found |= self.by_id[inner.id]
        return found


def _fold_restatements(moves: list[_Move], gaz: Gazetteer | _Geometry) -> list[_Move]:
    """One movement for the same force, status and ends, however precisely each sentence names
    the ends: "from North Korea to Russia" restates "from Wonsan to Vladivostok". Each move folds
    into the most precise compatible one kept so far, which keeps the finer of each end."""
    geo = gaz if isinstance(gaz, _Geometry) else _Geometry(gaz)

    def fits(kept: _Move, move: _Move) -> bool:
        if kept.actor_key != move.actor_key or kept.status != move.status:
            return False
        if not (_same_end(kept.origin, move.origin, geo) and _same_end(kept.destination, move.destination, geo)):
            return False
        if not _unlisted_fit(kept, move):
            return False
        origin, destination = _finer(kept.origin, move.origin), _finer(kept.destination, move.destination)
        return origin is None or destination is None or origin.id != destination.id

    kept: list[_Move] = []
    ends: dict[tuple[str, str], tuple[_Ends, _Ends]] = {}
    for move in sorted(moves, key=_specificity):
        force = (move.actor_key, move.status)
        if force not in ends:
            ends[force] = (_Ends(geo), _Ends(geo))
        origins, destinations = ends[force]
        by_origin = origins.same(move.origin, move.unlisted.get("origin"))
        by_destination = destinations.same(move.destination, move.unlisted.get("destination"))
        if by_origin is None:
            candidates = origins.every if by_destination is None else by_destination
        else:
            candidates = by_origin if by_destination is None else by_origin & by_destination
        # the first kept (in the order kept) that fits, as a scan of every kept move would find
        i = next((i for i in sorted(candidates) if fits(kept[i], move)), None)
        if i is None:
            origins.add(len(kept), move.origin, move.unlisted.get("origin"))
            destinations.add(len(kept), move.destination, move.unlisted.get("destination"))
            kept.append(move)
            continue
        target = kept[i]
        origin = _finer(target.origin, move.origin)
        basis = target.origin_basis if origin is target.origin else move.origin_basis
        destination = _finer(target.destination, move.destination)
        origins.remove(i, target.origin, target.unlisted.get("origin"))
        destinations.remove(i, target.destination, target.unlisted.get("destination"))
        target.absorb(move)
        target.origin, target.origin_basis, target.destination = origin, basis, destination
        origins.add(i, target.origin, target.unlisted.get("origin"))
        destinations.add(i, target.destination, target.unlisted.get("destination"))
        if move.chained_from is not None and target.chained_from is None and basis == "chained":
            target.chained_from = move.chained_from
    kept_ids = {id(k) for k in kept}
    arriving: dict[str, _Move] = {}
    for k in kept:
        if k.destination is not None:
            arriving.setdefault(k.destination.id, k)
    for move in kept:
        # a leg chained from a move that was folded away starts at the move it was folded into
        if move.chained_from is not None and id(move.chained_from) not in kept_ids:
            start = move.origin
            move.chained_from = arriving.get(start.id) if start is not None else None
    order = {id(m): i for i, m in enumerate(moves)}
    return sorted(kept, key=lambda m: order[id(m)])


def _most_common(values: list[str]) -> str | None:
    if not values:
        return None
    return max(dict.fromkeys(values), key=values.count)


def movement_features(moves: list[_Move]) -> list[Feature]:
    features = []
    index = {id(m): i for i, m in enumerate(moves)}
    legs: dict[tuple[str, str, str | None], tuple[dict[str, Any], str, float]] = {}  # a corpus repeats its routes
    for i, move in enumerate(moves):
        geometry, route, route_km = None, None, None
        if move.origin is not None and move.destination is not None:
            mode = _most_common(move.modes)
            key = (move.origin.id, move.destination.id, mode)
            if key not in legs:
                legs[key] = leg(point(move.origin), point(move.destination), mode=mode)
            geometry, route, route_km = legs[key]
            geometry = copy.deepcopy(geometry)  # each feature owns its geometry (an edit of one is not of all)
        claims: dict[tuple, Any] = {}
        for claim in move.sizes:
            claims.setdefault((claim.value, claim.text, claim.claimed_by), claim)
        size_claims = [c.to_json() for c in claims.values()]
        features.append(Feature(
            type="Feature",
            id=f"movement:{i}",
            geometry=geometry,
            properties=MovementProperties(
                kind="movement",
                actor=move.actor,
                actor_country=move.actor_country,
                origin=place_ref(move.origin),
                origin_basis=move.origin_basis,
                destination=place_ref(move.destination),
                unlisted=dict(move.unlisted),
                via=[ref for ref in map(place_ref, move.via) if ref is not None],
                mode=_most_common(move.modes),
                size=size_claims[0]["text"] if size_claims else None,
                size_claims=size_claims,
                status=cast(Status, move.status),
                status_cue=move.status_cues[0] if move.status_cues else None,
                time=_time(move.times),
                chained_from=f"movement:{index[id(move.chained_from)]}"
                if move.chained_from is not None and id(move.chained_from) in index else None,
                route=route,
                route_km=route_km,
                sources=_sources(move.sources),
            ),
        ))
    return features


# ----------------------------------------------------------------------------- statements & places


def statement_key(s: Statement) -> tuple[str, str | None]:
    """What makes statements one feature: the speaker (by name, else organisation, else the words
    naming it within its document) and the place id."""
    words = s.speaker_span.text if s.speaker_span else ""
    who = fold(s.speaker or s.organization or "") or f"{s.doc_id}\u0000{fold(words)}"
    return who, s.place.id if s.place else None


def statement_features(statements: Iterable[Statement]) -> list[Feature]:
    """One feature per speaker and place (:func:`statement_key`), in order of first appearance:
    see :func:`statement_feature`."""
    groups: dict[tuple, list[Statement]] = defaultdict(list)
    for s in statements:
        groups[statement_key(s)].append(s)
    return [statement_feature(i, items) for i, items in enumerate(groups.values())]


def statement_feature(i: int, items: list[Statement]) -> Feature:
    """Feature ``statement:i`` for the statements of one speaker and place, in document order: a
    Point where it was said, or, when the text gives no evidence of where, ``geometry: null``
    (kept, counted and listed, never drawn). A speaker named by no name ("officials", "she" with
    no referent) is one speaker per document and wording."""
    first = items[0]
    speaker = max((s.speaker for s in items if s.speaker), key=len, default=None)
    place = place_ref(first.place)
    return Feature(
        type="Feature",
        id=f"statement:{i}",
        geometry={"type": "Point", "coordinates": point(first.place)} if first.place else None,
        properties=StatementProperties(
            kind="statement",
            speaker=speaker,
            speaker_text=_most_common([s.speaker_span.text for s in items if s.speaker_span]) or "",
            speaker_kind=_most_common([s.speaker_kind for s in items if s.speaker_kind]),
            cue=_most_common([s.cue.text for s in items if s.cue]),
            organization=_most_common([s.organization for s in items if s.organization]),
            speaker_country=_most_common([s.speaker_country for s in items if s.speaker_country]),
            place=place,
            place_type=first.place.kind.value if first.place else None,
            where_prec=first.place.where_prec if first.place else None,
            basis=_most_common([s.basis for s in items if s.basis]),
            time=_time([s.time for s in items if s.time]),
            text=first.text,
            statements=list(dict.fromkeys(s.text for s in items)),
            sources=_sources(s.source for s in items),
        ),
    )


def place_features(resolutions: Iterable[Resolution]) -> tuple[list[Feature], list[MentionRef]]:
    """Every resolved mention under its place (:func:`place_feature`), places in order of first
    mention; and the unresolved mentions, kept as data."""
    groups: dict[str, list[Resolution]] = defaultdict(list)
    unresolved: list[MentionRef] = []
    for r in resolutions:
        if r.place is None:
            unresolved.append(r.to_json())
        else:
            groups[r.place.id].append(r)
    return [place_feature(place_id, items) for place_id, items in groups.items()], unresolved


def place_feature(place_id: str, items: list[Resolution]) -> Feature:
    """Feature ``place:<id>`` for the resolved mentions of one place, in document order, each
    with its role and score. A place referred to only by nationality words or inside
    organisation names ("Russian", "Toronto Police") has ``named: false``: analysed, not drawn."""
    place = items[0].place
    assert place is not None
    named = [r for r in items if r.mention.label not in NOT_DRAWN]
    precs = [r.where_prec for r in named or items if r.where_prec is not None]
    ref = place_fields(place)
    return Feature(
        type="Feature",
        id=f"place:{place_id}",
        geometry={"type": "Point", "coordinates": point(place)},
        properties=PlaceProperties(
            kind="place",
            id=ref["id"],
            name=ref["name"],
            place_type=ref["place_type"],
            country_code=ref["country_code"],
            where_prec=min(precs) if precs else place.where_prec,
            has_polygon=place.has_shape,
            approximate_polygon=place.approximate_shape,
            geonames_id=place.geonames_id,
            named=bool(named),
            mention_count=len(items),
            score=max(r.score for r in items),
            alternatives=list(dict.fromkeys(a.id for r in items for a in r.alternatives))[:5],
            mentions=[r.to_json() for r in sorted(items, key=lambda r: (r.mention.doc_id, r.mention.start))],
        ),
    )


def _time(times: list[TimeSpan]) -> TimeRef | None:
    """The time placed on the calendar most surely (against an article's own date before a guessed
    year), then the earliest start (a movement begins when it is first reported to), then the
    narrowest; else the first phrase."""
    placed = [t for t in times if t.start and t.end]
    chosen = min(placed, key=lambda t: (t.basis == "latest date in the text", t.start,
                                        (date.fromisoformat(t.end or "") - date.fromisoformat(t.start or "")).days),
                 default=times[0] if times else None)
    return TimeRef(text=chosen.text, start=chosen.start, end=chosen.end, basis=chosen.basis) if chosen else None


def _published(found: Published | None) -> PublishedRef | None:
    if found is None:
        return None
    return PublishedRef(date=found.date, evidence=found.evidence, text=found.text, start=found.start, end=found.end)


def document_record(analysis: Analysis) -> DocumentRecord:
    """What the export lists of one document read."""
    d = analysis.document
    return DocumentRecord(id=d.id, source=d.source, encoding=d.encoding, format=d.format,
                          characters=analysis.characters, published=_published(d.published))


def collection_of(features: list[Feature], documents: list[DocumentRecord], skipped: Iterable[Skipped],
                  unresolved: list[MentionRef]) -> FeatureCollection:
    """The FeatureCollection's members in their order (the export streams it in this shape)."""
    return FeatureCollection(
        type="FeatureCollection",
        features=features,
        conflictmap=RunRecord(
            documents=documents,
            skipped=[SkippedRecord(source=s.source, reason=s.reason) for s in skipped],
            unresolved=unresolved,
        ),
    )


def feature_collection(
    analyses: list[Analysis], gaz: Gazetteer, *, skipped: Iterable[Skipped] = ()
) -> FeatureCollection:
    """The GeoJSON FeatureCollection for a run: places, movements, statements, and a
    ``conflictmap`` member listing documents read and skipped and unresolved mentions.

    Everything in memory; :class:`~conflictmap.geo.export.spill.Spill` gives the same collection
    from records kept on disk, for a corpus."""
    places, unresolved = place_features(r for a in analyses for r in a.places)
    moves = fuse_movements((m for a in analyses for m in a.movements), gaz)
    features = places + movement_features(moves) + statement_features(s for a in analyses for s in a.statements)
    return collection_of(features, [document_record(a) for a in analyses], skipped, unresolved)


def to_geodataframe(collection: dict) -> Any:
    """The features as a geopandas GeoDataFrame (EPSG:4326); needs ``pip install geopandas``."""
    import geopandas

    return geopandas.GeoDataFrame.from_features(collection["features"], crs="EPSG:4326")
