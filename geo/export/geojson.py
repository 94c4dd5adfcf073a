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


Role = Literal["place", "nationality", "in_organisation", "unresolved"]


class MentionRef(TypedDict):
    """One mention as analysed: its span, what it is (``role``) and the resolution's score.

    ``place``: the text names the place ("Kyiv"); ``nationality``: a nationality word names its
    country ("Russian"); ``in_organisation``: a place inside an organisation's name ("Toronto" in
    "Toronto Police"); ``unresolved``: nothing in the gazetteer fits (score 0).
    """

    doc: str
    start: int
    end: int
    text: str
    role: Role
    score: float


EndRole = Literal["origin", "destination", "via"]  # a movement end's role


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
    named: bool  # a mention of role "place" names it; false: only nationality words or organisation names do
    mention_count: int
    score: float
    alternatives: list[str]
    mentions: list[MentionRef]


Status = Literal["reported", "possible", "denied"]


class TimeRef(TypedDict):
    """A time phrase as written and the ISO 8601 dates it spans (None: not placeable on the calendar,
    e.g. "on Friday" in an article with no date)."""

    text: str
    start: str | None
    end: str | None
    basis: str | None  # "published", "stated" (the phrase names its year), "latest date in the text"; None


class MovementProperties(TypedDict):
    kind: Literal["movement"]
    actor: str | None
    actor_country: str | None
    origin: PlaceRef | None
    origin_basis: str | None  # "text", "sender", "actor_country", "chained", "earlier", "story"
    destination: PlaceRef | None
    # ends the text names that the gazetteer has no place for, as written, by role ("origin",
    # "destination", "via"); that role's place is null (or absent from ``via``), and is not drawn;
    # not required, so that exports from before it still draw
    unlisted: NotRequired[dict[EndRole, str]]
    via: list[PlaceRef]
    mode: str | None
    size: str | None
    size_claims: list[SizeClaim]
    status: Status
    status_cue: str | None  # the word that decided the status ("could", "plans", "denied"); None: reported
    time: TimeRef | None
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
    time: TimeRef | None  # when it was said, if the sentence says
    text: str
    statements: list[str]
    sources: list[SourceRef]


class Feature(TypedDict):
    type: Literal["Feature"]
    id: str
    geometry: dict[str, Any] | None
    properties: PlaceProperties | MovementProperties | StatementProperties


class PublishedRef(TypedDict):
    date: str  # YYYY-MM-DD
    evidence: str  # "html meta article:published_time", "json-ld datePublished", "html time datetime", "text", "given"
    text: str  # what it was read from
    start: int | None  # offsets of ``text`` in the document, when it is the document's text
    end: int | None


class DocumentRecord(TypedDict):
    id: str
    source: str
    encoding: str
    format: str
    characters: int
    published: PublishedRef | None


class SkippedRecord(TypedDict):
    source: str
    reason: str


class RunRecord(TypedDict):
    documents: list[DocumentRecord]
    skipped: list[SkippedRecord]
    unresolved: list[MentionRef]  # role "unresolved"


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
