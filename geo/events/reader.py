"""Troop movements and statement origins, read off spaCy's parse with general rules.

Nothing here names a seed sentence. A movement is a movement verb or noun ("sent", "deployed",
"dispatch", "movement") whose object or subject is a force ("troops", "soldiers", "warships"),
with places taken from the prepositions that govern them (from -> origin; to/into/toward ->
destination; via/through -> via; in/at -> destination only when attached to the verb). A
statement is a reporting verb ("said", "warned", "dismissed") or "according to", with a speaker
who is a person, an organisation, a government named by its country or capital, or a nationality
plus a title ("South Korean officials"), placed by what the text says: an explicit place, the
dateline when the speaker belongs there, or else the seat of the speaker's government or body.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from conflictmap.gazetteer import Gazetteer, Place, PlaceKind, fold
from conflictmap.geo.events.grammar import (
    is_force,
    is_object_of,
    is_possessor,
    is_trigger,
    mode_of,
    nearest_verb,
    place_role,
    preposition,
    same_token,
    sender,
    size_pattern,
    size_value,
    status_of,
    time_phrase,
)
from conflictmap.geo.events.patterns import Match, best, patterns
from conflictmap.geo.events.speakers import (
    People,
    Speaker,
    coordinated_countries,
    find_organisation,
    government_phrase,
    phrase,
    speaker_key,
    titled_name,
    whole_name,
)
from conflictmap.geo.lexicon import lexicon
from conflictmap.geo.places import Dateline
from conflictmap.geo.reading.zones import Paragraph, Zone, zone_at
from conflictmap.geo.records import NOT_DRAWN, Movement, Resolution, SizeClaim, Source, Statement

EXPLICIT_WINDOW = 80  # characters before a place in which a cue can make it where something was said


@functools.cache
def explicit_before() -> re.Pattern[str]:
    """A cue ("speaking", "told reporters") then up to four words then in/at/from/to, ending right
    before a place: the place is where it was said. Words, not tokens: "al-Qaeda", "Burns'" and
    words apart by a no-break space count as one, as a reader counts them. The words are the
    lexicon's (``place_cues.jsonl``)."""
    lex = lexicon()
    cues = "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in lex.place_cues)
    blockers = "|".join(re.escape(b).replace(r"\ ", r"\s+") + r"\b" for b in lex.place_cue_blockers)
    preps = "|".join(re.escape(p) for p in lex.place_cue_prepositions)
    return re.compile(rf"\b(?:{cues})\b(?:\s+(?!{blockers})[\w'’-]+){{0,4}}?\s+(?:{preps})\s+(?:the\s+)?$",
                      re.IGNORECASE)


SENTENCE_INITIAL_PLACE = re.compile(r"^\s*(?:In|At|From)\s+(?:the\s+)?$")


# ----------------------------------------------------------------------------- per document


@dataclass(slots=True)
class DocumentEvents:
    """Reads one document's sentences; keeps the little state that crosses sentences."""

    doc_id: str
    text: str
    gaz: Gazetteer
    resolutions: list[Resolution]
    paragraphs: list[Paragraph]
    dateline: Dateline | None
    people: People
    last_person: Speaker | None = None
    last_org: Speaker | None = None
    last_actor: tuple[str, str | None] | None = None
    _dateline_place: Place | None = None
    # resolutions indexed by start offset: (start, position in ``resolutions``), and the longest span
    _starts: list[tuple[int, int]] = field(default_factory=list)
    _longest: int = 0

    def __post_init__(self) -> None:
        self._starts = sorted((r.mention.start, i) for i, r in enumerate(self.resolutions))
        self._longest = max((r.mention.end - r.mention.start for r in self.resolutions), default=0)
        if self.dateline:
            for r in self.resolutions:
                if r.mention.start == self.dateline.place.start and r.place is not None:
                    self._dateline_place = r.place

    # -- helpers ---------------------------------------------------------------------------

    def _starting_between(self, lo: int, hi: int) -> list[Resolution]:
        """Resolutions whose mention starts in [lo, hi), in the order of ``resolutions`` (a bisect
        on the start index: linear cost per document, not one scan of every place per sentence)."""
        first = bisect.bisect_left(self._starts, (lo, -1))
        last = bisect.bisect_left(self._starts, (hi, -1))
        return [self.resolutions[i] for i in sorted(i for _, i in self._starts[first:last])]

    def resolution_for(self, start: int, end: int) -> Resolution | None:
        """The first resolution whose mention overlaps [start, end)."""
        for r in self._starting_between(start - self._longest, end):
            if r.mention.start < end and start < r.mention.end:
                return r
        return None

    def resolutions_in(self, start: int, end: int) -> list[Resolution]:
        """Places named between two offsets (nationality words are not places an event happens at)."""
        return [r for r in self._starting_between(start, end)
                if r.mention.end <= end and r.mention.label not in NOT_DRAWN]

    def country_of(self, np: Span, offset: int, *, places: bool = True) -> str | None:
        """The speaker's country from the phrase: the first nationality word ("Ukrainian", "North
        Korean") or country or capital named in it ("Prime Minister Jane Roe of Norway"); None
        when the phrase names several ("the US, South Korean and Japanese advisers").
        ``places=False``: nationality words only (a place inside a name is no affiliation)."""
        found: list[str] = []
        tokens = list(np)
        i = 0
        while i < len(tokens):
            t = tokens[i]
            code = None
            for width in (2, 1):
                words = tokens[i : i + width]
                if (
                    len(words) == width
                    and words[0].is_title
                    and (code := self.gaz.demonym_country(" ".join(w.text for w in words)))
                ):
                    i += width - 1
                    break
            if code is None and places:
                r = self.resolution_for(offset + t.idx, offset + t.idx + len(t))
                if (
                    r
                    and r.place
                    and r.place.country_code
                    and r.place.kind in (PlaceKind.COUNTRY, PlaceKind.CITY, PlaceKind.LANDMARK, PlaceKind.ADMIN1)
                ):
                    code = r.place.country_code
                    while i + 1 < len(tokens) and offset + tokens[i + 1].idx < r.mention.end:
                        i += 1
            if code and code not in found:
                found.append(code)
            i += 1
        if (
            len(found) > 1
            and any(t.lower_ in ("and", ",") for t in tokens if t.i < tokens[-1].i)
            and coordinated_countries(np)
        ):
            return None
        return found[0] if found else None

    # -- the reading ------------------------------------------------------------------------

    def read(self, docs: Iterable[tuple[int, Doc]]) -> tuple[list[Movement], list[Statement]]:
        movements: list[Movement] = []
        statements: list[Statement] = []
        for offset, doc in docs:
            found_by = patterns(doc.vocab)
            cues = best(found_by.dependency(doc, "statement"), "cue", "speaker")
            forces = {i: m["force"] for i, m in best(found_by.dependency(doc, "movement"), "trigger", "force").items()}
            for sent in doc.sents:
                if zone_at(self.paragraphs, offset + sent.start_char) is not Zone.BODY:
                    continue
                source = Source(self.doc_id, offset + sent.start_char, offset + sent.end_char, sent.text)
                found, speaker = self.statements(sent, offset, source, cues)
                statements.extend(found)
                claimed_by = (speaker.name or speaker.organization) if speaker else None
                movements.extend(self.movements(sent, offset, source, claimed_by, forces))
        return movements, statements

    # -- statements ---------------------------------------------------------------------------

    def _source(self, words: Span | Token, offset: int) -> Source:
        """A span or token of a piece as a reference into the document."""
        start = offset + (words.start_char if isinstance(words, Span) else words.idx)
        end = start + len(words.text)
        return Source(self.doc_id, start, end, self.text[start:end])

    def statements(
        self, sent: Span, offset: int, source: Source, cues: dict[int, Match]
    ) -> tuple[list[Statement], Speaker | None]:
        """Every distinct speaker's statement in the sentence, and the main speaker (for claims).
        ``cues``: the statement patterns' best match for each cue token of the Doc."""
        speakers: list[Speaker] = []
        spans: dict[int, tuple[Source, Source]] = {}  # id(speaker) -> (its words, the cue), first seen
        for token in sent:
            match = cues.get(token.i)
            np = phrase(match["speaker"]) if match is not None else None
            if match is None or np is None:
                continue
            speaker = self.speaker(np, offset)
            if speaker is None and match.rule.label == "according-to" and np.root.pos_ in ("NOUN", "PROPN"):
                # whatever follows "according to" is a source by construction: "witnesses", "a report";
                # only a nationality word gives it a country ("a Lisbon Daily report" is not Portugal's)
                speaker = Speaker(None, np.text, self.country_of(np, offset, places=False), "other", phrase=np.text)
            if speaker is not None and all(speaker_key(speaker) != speaker_key(s) for s in speakers):
                speakers.append(speaker)
                spans[id(speaker)] = (self._source(np, offset), self._source(match["cue"], offset))
        # "South Korea said ..., the presidential office said": the government yields to its voice
        named = {s.country for s in speakers if s.kind != "government"}
        speakers = [s for s in speakers if s.kind != "government" or s.country not in named]
        if any(s.kind in ("person", "org") for s in speakers):
            speakers = [s for s in speakers if s.kind not in ("group", "other")]  # "aides ..., according to X"
        out = []
        for speaker in speakers:
            where = self.where(sent, offset, speaker)
            if speaker.kind == "person":
                self.last_person = speaker
                self.people.remember(speaker)
            else:
                self.last_org = speaker
            place, basis, mention = where if where is not None else (None, None, None)
            speaker_span, cue = spans[id(speaker)]
            out.append(
                Statement(
                    doc_id=self.doc_id,
                    speaker=speaker.name,
                    organization=speaker.organization,
                    speaker_country=speaker.country,
                    place=place,
                    basis=basis,
                    text=" ".join(sent.text.split()),
                    source=source,
                    place_mention=mention,
                    speaker_span=speaker_span,
                    cue=cue,
                    speaker_kind=speaker.kind,
                )
            )
        rank = {"person": 4, "org": 3, "government": 2, "group": 1, "other": 0}
        main = max(speakers, key=lambda s: rank[s.kind], default=None)
        return out, main

    def speaker(self, np: Span, offset: int) -> Speaker | None:
        if len(np) == 1 and np[0].lower_ in lexicon().pronouns:
            wanted = lexicon().pronouns[np[0].lower_]
            if wanted in ("person", "any") and self.last_person:
                return self.last_person
            if wanted in ("org", "any") and self.last_org:
                return self.last_org
            return None
        persons = [whole_name(e) for e in np.ents if e.label_ == "PERSON"]
        if not persons and (titled := titled_name(np)) is not None:
            persons = [titled]
        org = find_organisation(np.text)
        org_ents = [
            e
            for e in np.ents
            if e.label_ == "ORG"
            and not lexicon().media.search(e.text)
            and not any(p.start < e.end and e.start < p.end for p in persons)
        ]
        if not persons and org is None and not org_ents and lexicon().media.search(np.text):
            return None
        country = self.country_of(np, offset)
        if persons:
            name = max(persons, key=len).text
            known = self.people.recall(name)
            if known and known.name and len(known.name.split()) >= len(name.split()):
                name = known.name  # one spelling per person in a run: the first full one seen
            organization = org.name if org else (org_ents[0].text if org_ents else government_phrase(np))
            country = country or (org.country if org else None) or (known.country if known else None)
            if known and not org and not org_ents and known.organization:
                organization = known.organization
                org = known.org
            if country is None and org is None and not org_ents and self.last_org is not None:
                # "the navy said ... a navy spokeswoman, Ana Ruiz, said": the same body
                named = f"{self.last_org.organization or ''} {self.last_org.phrase}"
                shared = {t.lower_ for t in np} & set(fold(named).split()) & lexicon().government_nouns
                if shared:
                    organization, org, country = self.last_org.organization, self.last_org.org, self.last_org.country
            return Speaker(name, organization, country, "person", org)
        if org is not None:
            return Speaker(None, org.name, country or org.country, "org", org, phrase=np.text)
        places = self.resolutions_in(offset + np.start_char, offset + np.end_char)
        head_place = [
            r
            for r in places
            if r.place is not None and r.place.kind in (PlaceKind.COUNTRY, PlaceKind.CITY, PlaceKind.LANDMARK)
        ]
        government = government_phrase(np)
        if head_place and (government is None or len(np) <= len(head_place[0].mention.text.split()) + 1):
            place = head_place[0].place
            assert place is not None
            return Speaker(None, place.name, place.country_code or None, "government")
        if org_ents:
            return Speaker(None, org_ents[0].text, country, "org")
        if government and country:
            return Speaker(None, government, country, "group")
        return None

    def where(self, sent: Span, offset: int, speaker: Speaker) -> tuple[Place, str, Source | None] | None:
        start, end = offset + sent.start_char, offset + sent.end_char
        for r in self.resolutions_in(start, end):
            if r.place is None:
                continue
            before = self.text[max(start, r.mention.start - EXPLICIT_WINDOW) : r.mention.start]
            initial = self.text[start : r.mention.start]
            if explicit_before().search(before) or (
                SENTENCE_INITIAL_PLACE.match(initial) and self.text[r.mention.end : r.mention.end + 1] == ","
            ):
                return r.place, "explicit", r.mention.source
        # A body with a known seat speaks from it (the Pentagon, NATO) wherever the reporter is.
        if speaker.org is not None and speaker.org.seat:
            seat = self.gaz.best(speaker.org.seat)
            if seat is not None:
                return seat, "affiliation", None
        home = speaker.country
        # The dateline is where the reporter is: it places a speaker only of that country, or
        # one the text gives no affiliation at all.
        if self._dateline_place is not None and (home is None or home == self._dateline_place.country_code):
            return self._dateline_place, "dateline", self.dateline.place.source if self.dateline else None
        if home:
            capital = self.gaz.capital(home)
            if capital is not None:
                return capital, "affiliation", None
        return None

    # -- movements ----------------------------------------------------------------------------

    def movements(
        self, sent: Span, offset: int, source: Source, claimed_by: str | None, forces: dict[int, Token]
    ) -> Iterator[Movement]:
        """Movements in the sentence; ``forces``: the movement patterns' force for each trigger."""
        triggers = [t for t in sent if is_trigger(t)]
        for trigger in triggers:
            force = forces.get(trigger.i)
            if force is None:
                continue
            ends = self.endpoints(sent, offset, trigger, triggers)
            if not ends.get("destination") and not ends.get("origin"):
                continue
            actor, actor_country = self.actor(force, offset)
            origin, origin_basis = ends.get("origin"), "text" if ends.get("origin") else None
            sent_by = sender(trigger)
            if origin is None and sent_by is not None:
                r = self.resolution_for(offset + sent_by.idx, offset + sent_by.idx + len(sent_by))
                if r and r.place and r.place.kind in (PlaceKind.COUNTRY, PlaceKind.CITY):
                    actor_country = actor_country or r.place.country_code
                    country = self.gaz.get(f"ne-admin0:{r.place.country_code}")
                    dest = ends.get("destination")
                    if country and (
                        dest is None or dest.place is None or dest.place.country_code != country.country_code
                    ):
                        origin = Resolution(r.mention, country, r.score, (), ("the sending state",))
                        origin_basis = "sender"
            self.last_actor = (actor, actor_country)
            yield Movement(
                doc_id=self.doc_id,
                actor=actor,
                actor_country=actor_country,
                origin=origin,
                destination=ends.get("destination"),
                mode=mode_of(sent, trigger),
                sizes=tuple(self.sizes(sent, offset, force, claimed_by)),
                status=status_of(trigger),
                time=time_phrase(sent, trigger),
                trigger=trigger.text,
                source=source,
                origin_basis=origin_basis,
                via=tuple(r for r in [ends.get("via")] if r is not None),
            )

    def endpoints(self, sent: Span, offset: int, trigger: Token, triggers: list[Token]) -> dict[str, Resolution]:
        found: dict[str, Resolution] = {}
        weak: Resolution | None = None
        subtree = {t.i for t in trigger.subtree}
        doc = sent.doc
        for r in self.resolutions_in(offset + sent.start_char, offset + sent.end_char):
            if r.place is None:
                continue
            span = doc.char_span(r.mention.start - offset, r.mention.end - offset, alignment_mode="expand")
            if span is None or is_possessor(span):
                continue
            attached = span.root.i in subtree
            after = (
                span.start > trigger.i
                and not any(trigger.i < t.i < span.start for t in triggers)
                and same_token(nearest_verb(span.root), nearest_verb(trigger))
            )
            if not attached and not after:
                continue
            prep = preposition(span)
            if prep is None:
                moved_into = trigger.lemma_.lower() in lexicon().object_is_destination
                if attached and moved_into and is_object_of(span.root, trigger):
                    prep = "to"  # "entered the city of X", "crossed the river"
                else:
                    continue
            role = place_role(prep, trigger, attached=attached)
            if role in ("origin", "destination", "via") and role not in found:
                found[role] = r
            elif role == "weak destination" and weak is None:
                weak = r
        if "destination" not in found and weak is not None:
            found["destination"] = weak
        return found

    def actor(self, force: Token, offset: int) -> tuple[str, str | None]:
        words = [
            t
            for t in force.subtree
            if t.i <= force.i
            and t.dep_ not in ("nummod", "quantmod", "det", "predet")
            and not t.like_num
            and t.lower_ not in lexicon().quantity_words
        ]
        phrase = " ".join(t.text for t in words if t.i >= (words[0].i if words else force.i)) or force.text
        country = None
        lo, hi = force.left_edge.i, force.i
        for ent in force.doc.ents:
            if ent.start >= lo and ent.end <= hi + 1 and ent.label_ in ("NORP", "GPE"):
                if ent.label_ == "NORP":
                    country = self.gaz.demonym_country(ent.text)
                else:
                    r = self.resolution_for(offset + ent.start_char, offset + ent.end_char)
                    country = r.place.country_code if r and r.place else None
                if country:
                    break
        demonstrative = any(t.lower_ in ("these", "those", "the", "such") for t in force.subtree if t.i < force.i)
        if country is None and demonstrative:
            # "some of these troops": the force named earlier in the sentence, else the last one
            earlier = [t for t in force.sent if t.i < force.i and is_force(t)]
            for t in reversed(earlier):
                earlier_phrase, c = self.actor(t, offset)
                if c:
                    return earlier_phrase, c
            if self.last_actor is not None:
                return self.last_actor
        return phrase, country

    def sizes(self, sent: Span, offset: int, force: Token, claimed_by: str | None) -> Iterator[SizeClaim]:
        base = sent.start_char
        force_start = force.idx - base
        for m in size_pattern().finditer(sent.text):
            if m.start("force") != force_start:
                continue
            text = m.group(0)
            start = offset + base + m.start()
            yield SizeClaim(
                text, size_value(m.group("size")), claimed_by, Source(self.doc_id, start, start + len(text), text)
            )
