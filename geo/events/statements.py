"""Statements: who said something (a reporting verb's subject, "according to X", a participle
cue), and where it was said by what the text gives: an explicit place, the dateline when the
speaker belongs there, or else the seat of the speaker's body or government."""

from __future__ import annotations

import functools
import re

from spacy.tokens import Span, Token

from conflictmap.gazetteer import Place, PlaceKind, fold
from conflictmap.geo.events.context import DocumentContext
from conflictmap.geo.events.patterns import Match
from conflictmap.geo.events.speakers import (
    Speaker,
    find_organisation,
    government_phrase,
    phrase,
    speaker_key,
    titled_name,
    whole_name,
)
from conflictmap.geo.lexicon import lexicon
from conflictmap.geo.records import Source, Statement

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


class StatementReader(DocumentContext):
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

