"""The GeoJSON contract between analysis and map (RFC 7946), in one module.

The exported FeatureCollection is the only thing the map is drawn from, so its shape is written
down here once, as typed dictionaries, and every producer builds it through the serialisers below
(one for a place reference, one for a text reference). The README's table of properties is checked
against these types by a test. Coordinates are ``[lon, lat]`` (WGS84, rounded to 6 decimals).
"""

from __future__ import annotations

from typing import Any, Literal, NotRequired, TypedDict

from conflictmap.gazetteer import Place


class SourceRef(TypedDict):
    """A span of a document as read: ``text == document[start:end]``."""

    doc: str
    start: int
    end: int
    text: str


class PlaceRef(TypedDict):
    """A gazetteer place referred to by a movement or a statement."""

    id: str
    name: str
    coordinates: list[float]  # [lon, lat]
    place_type: str
    country_code: str | None
    where_prec: int


class SizeClaim(TypedDict):
    text: str
    value: int | None
    claimed_by: str | None
    source: SourceRef


class PlaceProperties(TypedDict):
    kind: Literal["place"]
    id: str
    name: str
    place_type: str
    country_code: str | None
    where_prec: int  # UCDP: 1 exact ... 6 country, 7 waters
    has_polygon: bool
    approximate_polygon: bool  # the outline is only the hull of a GeoNames division's towns
    geonames_id: int | None
    mention_count: int
    score: float
    alternatives: list[str]
    mentions: list[SourceRef]


Status = Literal["reported", "possible", "denied"]


class MovementProperties(TypedDict):
    kind: Literal["movement"]
    actor: str | None
    actor_country: str | None
    origin: PlaceRef | None
    origin_basis: str | None  # "text", "sender", "actor_country", "chained"
    destination: PlaceRef | None
    via: list[PlaceRef]
    mode: str | None
    size: str | None
    size_claims: list[SizeClaim]
    status: Status
    status_cue: str | None  # the word that decided the status ("could", "plans", "denied"); None: reported
    time: str | None
    chained_from: str | None
    route: str | None  # "sea lane", "geodesic"
    route_km: float | None
    sources: list[SourceRef]


class StatementProperties(TypedDict):
    kind: Literal["statement"]
    speaker: str | None
    speaker_text: str  # the words that name the speaker, as written ("local officials", "she")
    speaker_kind: str | None  # person, title, organisation, government, group, media, pronoun, other
    cue: str | None  # the word that makes it a statement ("said", "warned", "according")
    organization: str | None
    speaker_country: str | None
    place: PlaceRef | None  # None: found, but the text gives no evidence of where (geometry null)
    place_type: str | None
    where_prec: int | None
    basis: str | None  # "explicit", "dateline", "affiliation"; None when not placed
    text: str
    statements: list[str]
    sources: list[SourceRef]


class Feature(TypedDict):
    type: Literal["Feature"]
    id: str
    geometry: dict[str, Any] | None
    properties: PlaceProperties | MovementProperties | StatementProperties


class DocumentRecord(TypedDict):
    id: str
    source: str
    encoding: str
    format: str
    characters: int


class SkippedRecord(TypedDict):
    source: str
    reason: str


class RunRecord(TypedDict):
    documents: list[DocumentRecord]
    skipped: list[SkippedRecord]
    unresolved: list[SourceRef]


class FeatureCollection(TypedDict):
    type: Literal["FeatureCollection"]
    features: list[Feature]
    conflictmap: NotRequired[RunRecord]


PROPERTIES: dict[str, type] = {"place": PlaceProperties, "movement": MovementProperties,
                               "statement": StatementProperties}


def point(place: Place) -> list[float]:
    """A place's ``[lon, lat]``, as GeoJSON orders them."""
    return [round(place.lon, 6), round(place.lat, 6)]


def place_fields(place: Place) -> dict[str, Any]:
    """What every reference to a place says of it: the one place serialiser (the GeoJSON and
    ``conflictmap resolve --json`` both build on it)."""
    return {"id": place.id, "name": place.name, "place_type": place.kind.value,
            "country_code": place.country_code or None, "where_prec": place.where_prec}


def place_ref(place: Place | None) -> PlaceRef | None:
    """A reference to a place from a movement or a statement, or None."""
    if place is None:
        return None
    fields = place_fields(place)
    return PlaceRef(id=fields["id"], name=fields["name"], coordinates=point(place), place_type=fields["place_type"],
                    country_code=fields["country_code"], where_prec=fields["where_prec"])
