"""Frozen records passed between the analysis stages; each event can give its GeoJSON Feature."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from conflictmap.gazetteer import Place
from conflictmap.geo.export.geojson import MentionRef, Role, SourceRef
from conflictmap.geo.export.geojson import SizeClaim as SizeClaimRef
from conflictmap.geo.reading.dates import TimeSpan
from conflictmap.geo.reading.reader import Document

DEMONYM_LABEL = "DEMONYM"  # a nationality word ("Russian"): analysed, votes for its country
BORDER_LABEL = "BORDER"  # a land border ("the X-Y border", "the border with X"): the band along the line
EMBEDDED_LABEL = "EMBEDDED"  # a place opening an organisation's name ("Toronto" in "Toronto Police")
HOME_LABEL = "HOME"  # "returned home": the moving force's own country, as a movement's end only
# Mentions kept in the analysis (and counted by the benchmarks) but not drawn as places named.
NOT_DRAWN = frozenset({DEMONYM_LABEL, EMBEDDED_LABEL})
IN_STORY_LABEL = "IN_STORY"  # a facility's namesake ("Camp X") kept only when it lies in the story's countries
DATELINE_LABEL = "DATELINE"  # the place of a dateline
# unresolved on purpose (a namesake outside the story), not because the gazetteer lacks the place:
# never a movement's unlisted end
NOT_UNLISTED = NOT_DRAWN | {IN_STORY_LABEL, DATELINE_LABEL}
ROLES: dict[str, Role] = {DEMONYM_LABEL: "nationality", EMBEDDED_LABEL: "in_organisation"}


@dataclass(frozen=True, slots=True)
class Source:
    """A stretch of one document, by character offsets into the document text as read."""

    doc: str
    start: int
    end: int
    text: str

    def to_json(self) -> SourceRef:
        return SourceRef(doc=self.doc, start=self.start, end=self.end, text=self.text)


@dataclass(frozen=True, slots=True)
class Mention:
    """A place name in a document."""

    doc_id: str
    start: int
    end: int
    text: str
    label: str  # the model's label, "RECOVERED", "IN_STORY" (a camp's namesake) or "DATELINE"
    zone: str  # geo.zones.Zone value of its paragraph
    modifier: str = ""  # "eastern" in "eastern Ukraine" when the gazetteer has no such name

    @property
    def source(self) -> Source:
        return Source(self.doc_id, self.start, self.end, self.text)


@dataclass(frozen=True, slots=True)
class Resolution:
    """A mention and the place chosen for it; ``place`` None means unresolved (data, not error)."""

    mention: Mention
    place: Place | None
    score: float
    alternatives: tuple[Place, ...] = ()
    why: tuple[str, ...] = ()

    @property
    def role(self) -> Role:
        """What the mention is in the export: ``unresolved`` without a place, else ``nationality``
        for a nationality word, ``in_organisation`` for a place inside an organisation's name, else
        ``place``."""
        if self.place is None:
            return "unresolved"
        return ROLES.get(self.mention.label, "place")

    def to_json(self) -> MentionRef:
        m = self.mention
        return MentionRef(doc=m.doc_id, start=m.start, end=m.end, text=m.text, role=self.role,
                          score=round(self.score, 3) if self.place is not None else 0.0)

    @property
    def where_prec(self) -> int | None:
        """UCDP precision: the place kind's, or 2 ("near") for "the X area"."""
        if self.place is None:
            return None
        if self.mention.text.lower().endswith(" area") and self.place.where_prec == 1:
            return 2
        return self.place.where_prec


@dataclass(frozen=True, slots=True)
class SizeClaim:
    """A force size as one source states it ("at least 2,500 troops"), and who claims it."""

    text: str
    value: int | None
    claimed_by: str | None
    source: Source

    def to_json(self) -> SizeClaimRef:
        return SizeClaimRef(text=self.text, value=self.value, claimed_by=self.claimed_by, source=self.source.to_json())


@dataclass(frozen=True, slots=True)
class Movement:
    """Forces moved (or said to be moving) from an origin to a destination."""

    doc_id: str
    actor: str | None
    actor_country: str | None
    origin: Resolution | None
    destination: Resolution | None
    mode: str | None
    sizes: tuple[SizeClaim, ...]
    status: str  # "reported" | "possible" | "denied"
    time: TimeSpan | None  # the phrase, as an interval relative to the article's date
    trigger: str
    source: Source
    origin_basis: str | None = None  # "text", "sender" (the sending state), "chained", "earlier" (the
    # movement of its kind placed before: "since the invasion"), "story" (the country the story is about)
    via: tuple[Resolution, ...] = field(default_factory=tuple)
    status_cue: str | None = None  # the word that decided the status, as written ("could", "denied")


@dataclass(frozen=True, slots=True)
class Statement:
    """Someone said something; where, when the text gives evidence for it (else ``place`` is None:
    the statement is found all the same, and kept, but not drawn)."""

    doc_id: str
    speaker: str | None
    organization: str | None
    speaker_country: str | None
    place: Place | None
    basis: str | None  # "dateline" | "explicit" | "affiliation", or None when not placed
    text: str
    source: Source
    place_mention: Source | None = None
    speaker_span: Source | None = None  # the words that name the speaker, as written
    cue: Source | None = None  # the word that makes it a statement ("said", "according")
    speaker_kind: str | None = None  # person, title, organisation, government, group, media, pronoun, other
    time: TimeSpan | None = None  # when it was said, if the sentence says


@dataclass(frozen=True, slots=True)
class Analysis:
    """What one document says: its resolved place mentions, movements and statements.

    Small and picklable: it holds no spaCy object, and :meth:`light` drops the document's text
    (every record keeps the words it reports), so a corpus's analyses fit in memory."""

    document: Document
    places: tuple[Resolution, ...]
    movements: tuple[Movement, ...]
    statements: tuple[Statement, ...]
    characters: int  # the document's length as read, kept when the text is dropped
    failed: str | None = None  # why the document could not be analysed (nothing else is then set)

    def light(self) -> Analysis:
        """This analysis without the document's text (``document.text`` is "")."""
        if not self.document.text:
            return self
        return replace(self, document=replace(self.document, text=""))
