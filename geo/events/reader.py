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
import csv
import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from conflictmap.gazetteer import Gazetteer, Place, PlaceKind, fold
from conflictmap.gazetteer.nouns import place_nouns
from conflictmap.geo.events.lexicon import lexicon
from conflictmap.geo.events.patterns import Match, best, patterns
from conflictmap.geo.places import Dateline
from conflictmap.geo.reading.zones import Paragraph, Zone, zone_at
from conflictmap.geo.records import NOT_DRAWN, Movement, Resolution, SizeClaim, Source, Statement

ORGANISATIONS_FILE = Path(__file__).parent.parent / "data" / "organisations.csv"

EXPLICIT_BEFORE = re.compile(
    r"\b(?:speaking|spoke|speech|visit|visiting|trip|told reporters|told journalists|told a|press conference|"
    r"news conference|briefing|remarks|addressing|address|interview|meeting|summit|talks|while|statement|"
    r"said|says|told|stated|announced|declared)\b(?:\s+(?!that\b|the situation\b)[\w'’-]+){0,4}?"
    r"\s+(?:in|at|from|to)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
SENTENCE_INITIAL_PLACE = re.compile(r"^\s*(?:In|At|From)\s+(?:the\s+)?$")
_POSSESSIVE = re.compile(r"['’]s\b")
_NUMBER_WORDS = {"million": 1_000_000, "thousand": 1_000, "hundred": 100}


# ----------------------------------------------------------------------------- organisations


@dataclass(frozen=True, slots=True)
class Organisation:
    name: str
    country: str | None
    seat: str


@functools.cache
def organisations(path: Path = ORGANISATIONS_FILE) -> tuple[dict[str, Organisation], re.Pattern[str], re.Pattern[str]]:
    """Known speaking organisations by alias, with two regexes: folded names ("nato", "white
    house") and acronyms matched case-sensitively ("UN" must not match "Kim Jong Un")."""
    table: dict[str, Organisation] = {}
    acronyms: list[str] = []
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(line for line in fh if not line.startswith("#")):
            org = Organisation(row["name"], row["country"] or None, row["seat"])
            for alias in [row["name"], *(a for a in row["aliases"].split("|") if a)]:
                letters = alias.replace(".", "")
                if letters.isupper() and len(letters) <= 6:
                    acronyms.append(alias)
                    table[alias] = org
                else:
                    table[fold(alias)] = org
    names = sorted((k for k in table if k not in acronyms), key=len, reverse=True)
    folded = re.compile(r"\b(" + "|".join(re.escape(n) for n in names) + r")\b")
    exact = re.compile(r"(?<![\w.])(" + "|".join(re.escape(a) for a in sorted(acronyms, key=len, reverse=True))
                       + r")(?![\w])")
    return table, folded, exact


def find_organisation(text: str) -> Organisation | None:
    table, folded, exact = organisations()
    m = folded.search(fold(_POSSESSIVE.sub("", text)))
    if m:
        return table[m.group(1)]
    m = exact.search(text)
    return table[m.group(1)] if m else None


# ----------------------------------------------------------------------------- per document


@dataclass(slots=True)
class Speaker:
    name: str | None
    organization: str | None
    country: str | None
    kind: str  # "person", "org", "government", "group"
    org: Organisation | None = None
    phrase: str = ""  # the words that named it ("the Chadian navy")


@dataclass(slots=True)
class People:
    """Speakers seen so far in a run, so a surname alone later is the person named in full earlier."""

    by_key: dict[str, Speaker] = field(default_factory=dict)

    @staticmethod
    def keys(name: str) -> list[str]:
        folded = re.sub(r"iy\b", "y", fold(name))
        parts = folded.split()
        return [folded, parts[-1]] if len(parts) > 1 else [folded]

    def remember(self, speaker: Speaker) -> None:
        if speaker.name:
            for key in self.keys(speaker.name):
                old = self.by_key.get(key)
                if old is None or (len(speaker.name) >= len(old.name or "") and speaker.country):
                    self.by_key[key] = speaker

    def recall(self, name: str) -> Speaker | None:
        for key in self.keys(name):
            if key in self.by_key:
                return self.by_key[key]
        return None


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

    def country_of(self, np: Span, offset: int) -> str | None:
        """The speaker's country from the phrase: the first nationality word ("Ukrainian", "North
        Korean") or country or capital named in it ("Prime Minister Jane Roe of Norway"); None
        when the phrase names several ("the US, South Korean and Japanese advisers")."""
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
            if code is None:
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
            and _coordinated_countries(np)
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

    def statements(
        self, sent: Span, offset: int, source: Source, cues: dict[int, Match]
    ) -> tuple[list[Statement], Speaker | None]:
        """Every distinct speaker's statement in the sentence, and the main speaker (for claims).
        ``cues``: the statement patterns' best match for each cue token of the Doc."""
        speakers: list[Speaker] = []
        for token in sent:
            match = cues.get(token.i)
            np = _phrase(match["speaker"]) if match is not None else None
            if np is None:
                continue
            speaker = self.speaker(np, offset)
            if speaker is not None and all(_key(speaker) != _key(s) for s in speakers):
                speakers.append(speaker)
        # "South Korea said ..., the presidential office said": the government yields to its voice
        named = {s.country for s in speakers if s.kind != "government"}
        speakers = [s for s in speakers if s.kind != "government" or s.country not in named]
        if any(s.kind in ("person", "org") for s in speakers):
            speakers = [s for s in speakers if s.kind != "group"]  # "the advisors ..., according to X"
        out = []
        for speaker in speakers:
            where = self.where(sent, offset, speaker)
            if speaker.kind == "person":
                self.last_person = speaker
                self.people.remember(speaker)
            else:
                self.last_org = speaker
            if where is None:
                continue
            place, basis, mention = where
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
                )
            )
        rank = {"person": 4, "org": 3, "government": 2, "group": 1}
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
        persons = [_whole_name(e) for e in np.ents if e.label_ == "PERSON"]
        if not persons and (titled := _titled_name(np)) is not None:
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
            organization = org.name if org else (org_ents[0].text if org_ents else _government_phrase(np))
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
        government = _government_phrase(np)
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
            before = self.text[max(start, r.mention.start - 80) : r.mention.start]
            initial = self.text[start : r.mention.start]
            if EXPLICIT_BEFORE.search(before) or (
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
        triggers = [t for t in sent if _is_trigger(t)]
        for trigger in triggers:
            force = forces.get(trigger.i)
            if force is None:
                continue
            ends = self.endpoints(sent, offset, trigger, triggers)
            if not ends.get("destination") and not ends.get("origin"):
                continue
            actor, actor_country = self.actor(force, offset)
            origin, origin_basis = ends.get("origin"), "text" if ends.get("origin") else None
            sender = _sender(trigger)
            if origin is None and sender is not None:
                r = self.resolution_for(offset + sender.idx, offset + sender.idx + len(sender))
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
                mode=_mode(sent, trigger),
                sizes=tuple(self.sizes(sent, offset, force, claimed_by)),
                status=_status(trigger),
                time=_time(sent, trigger),
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
            if span is None or _is_possessor(span):
                continue
            attached = span.root.i in subtree
            after = (
                span.start > trigger.i
                and not any(trigger.i < t.i < span.start for t in triggers)
                and _same_token(_nearest_verb(span.root), _nearest_verb(trigger))
            )
            if not attached and not after:
                continue
            prep = _preposition(span)
            if prep is None:
                moved_into = trigger.lemma_.lower() in lexicon().object_is_destination
                if attached and moved_into and _is_object_of(span.root, trigger):
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
            earlier = [t for t in force.sent if t.i < force.i and _is_force(t)]
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
        for m in _size_re().finditer(sent.text):
            if m.start("force") != force_start:
                continue
            text = m.group(0)
            start = offset + base + m.start()
            yield SizeClaim(
                text, _size_value(m.group("size")), claimed_by, Source(self.doc_id, start, start + len(text), text)
            )


# ----------------------------------------------------------------------------- parse helpers


def _phrase(token: Token | None) -> Span | None:
    if token is None:
        return None
    doc = token.doc
    return doc[token.left_edge.i : token.right_edge.i + 1]


def _coordinated_countries(np: Span) -> bool:
    """Whether the phrase lists several nations side by side ("US, South Korean and Japanese")."""
    return any(t.dep_ == "conj" and (t.ent_type_ in ("GPE", "NORP")) for t in np)


def _key(speaker: Speaker) -> str:
    return fold(speaker.name or speaker.organization or "")


def _titled_name(np: Span) -> Span | None:
    """ "Governor Ana Ruiz" when the model calls the name an ORG: capitalised words after a
    title word."""
    for t in np:
        if t.lower_ in lexicon().titles:
            end = t.i + 1
            while end < np.end and np.doc[end].pos_ == "PROPN" and np.doc[end].is_title:
                end += 1
            if end - t.i >= 3:
                return np.doc[t.i + 1 : end]
    return None


def _whole_name(ent: Span) -> Span:
    """A PERSON entity the model cut short: "Lee Min-" + "ho", "Park Ji" + "Sung", "Anna van
    der" + "Berg" (a name never ends on a particle, whatever the model tagged the next word)."""
    doc = ent.doc
    end = ent.end
    while end < len(doc):
        t, prev = doc[end], doc[end - 1]
        glued = prev.whitespace_ == "" and (t.text == "-" or t.is_alpha)
        capitalised = t.is_title and t.pos_ == "PROPN" and not t.ent_type_ and prev.text != ","
        particle = prev.is_lower and prev.lower_ in lexicon().name_particles
        after_particle = particle and t.is_title and end - ent.start >= 2
        if not (glued or capitalised or after_particle):
            break
        end += 1
    return doc[ent.start : end]


def _government_phrase(np: Span) -> str | None:
    for t in np:
        if t.lemma_.lower() in lexicon().government_nouns or t.lower_ in lexicon().government_nouns:
            start = t.left_edge.i
            return np.doc[start : t.i + 1].text
    return None


def _is_trigger(t: Token) -> bool:
    if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in lexicon().motion_verbs:
        return True
    return t.pos_ == "NOUN" and t.lemma_.lower() in lexicon().motion_nouns


def _is_force(t: Token) -> bool:
    forces = lexicon().forces
    return t.lemma_.lower() in forces or t.lower_ in forces


def _sender(trigger: Token) -> Token | None:
    """Who sends: the active subject of a transitive movement verb ("Oslo sent"), also
    through "is expected to send"; or the possessor of a movement noun ("North Korea's dispatch")."""
    if trigger.pos_ == "NOUN":
        for child in trigger.children:
            if child.dep_ == "poss":
                return child
            if child.dep_ == "prep" and child.lower_ == "by":
                return next((c for c in child.children if c.dep_ == "pobj"), None)
        return None
    head = trigger
    for _ in range(3):
        for child in head.children:
            if child.dep_ in ("nsubj", "nsubjpass") and not _is_force(child):
                if child.dep_ == "nsubjpass" and head.i == trigger.i:
                    continue
                return child
        if head.dep_ not in ("xcomp", "conj", "ccomp") or head.head.i == head.i:
            break
        head = head.head
    return None


def _nearest_verb(token: Token) -> Token | None:
    """The closest verb at or above a token in the parse (None at the root of a verbless one)."""
    for t in [token, *token.ancestors]:
        if t.pos_ in ("VERB", "AUX"):
            return t
    return None


def _same_token(a: Token | None, b: Token | None) -> bool:
    """spaCy makes a new Token object on every access: compare positions, never identity."""
    return a is not None and b is not None and a.i == b.i


def _is_object_of(token: Token, verb: Token) -> bool:
    """Whether ``token`` is the verb's direct object, or inside "the town of X" that is."""
    t = token
    for _ in range(4):
        if t.dep_ == "dobj" and t.head.i == verb.i:
            return True
        if t.head.i == t.i:
            return False
        t = t.head
    return False


def _is_possessor(span: Span) -> bool:
    """ "Norway" in "Norway's Finnmark county": a qualifier of the next place, not an endpoint."""
    doc = span.doc
    return span.end < len(doc) and doc[span.end].lower_ in ("'s", "’s")


def _preposition(span: Span) -> str | None:
    """The preposition that governs a place mention, read from the surface first ("to eastern
    Russia", which the small model misparses), then from the parse; list words ("in areas such
    as X") pass through to the preposition before them."""
    doc = span.doc
    i = span.start - 1
    while i >= 0:
        t = doc[i]
        if t.pos_ == "ADP" or t.lower_ in lexicon().prepositions:
            if t.lower_ in lexicon().list_words:
                i -= 1
                continue
            # "the town of X", "the border with X": look past the noun to what governs it
            nouns = place_nouns().kind_of | lexicon().border_nouns
            if t.lower_ in ("of", "with") and i > 0 and doc[i - 1].lower_ in nouns:
                i -= 2
                while i >= 0 and doc[i].pos_ in ("DET", "ADJ", "PROPN"):
                    i -= 1
                if i >= 0 and (doc[i].pos_ == "ADP" or doc[i].lower_ in lexicon().prepositions):
                    return doc[i].lower_
                return None
            if t.lower_ == "of" and i > 0 and doc[i - 1].lower_ == "out":
                return "from"
            return t.lower_
        if t.pos_ in ("DET", "ADJ", "PART", "NUM") or t.lower_ in ("'s", "’s") or t.ent_type_ in ("GPE", "LOC"):
            i -= 1
            continue
        if (
            t.pos_ == "NOUN"
            and i > 0
            and doc[i - 1].pos_ in ("ADP", "DET")
            and t.i + 1 < len(doc)
            and doc[t.i + 1].lower_ in lexicon().list_words
        ):
            i -= 1  # "in areas such as ..."
            continue
        break
    for anc in span.root.ancestors:
        if anc.dep_ == "prep":
            if anc.lower_ in lexicon().list_words:
                continue
            return anc.lower_
        if anc.pos_ == "VERB":
            break
    return None


def place_role(prep: str, trigger: Token, *, attached: bool) -> str | None:
    """The role a place governed by ``prep`` plays in the movement ``trigger`` names: "origin",
    "destination", "via", "weak destination" ("deployed in X", only for a place attached to a
    trigger that stations forces; a strong destination wins over it), or None."""
    lex = lexicon()
    if prep in lex.roles:
        return lex.roles[prep]
    if prep in lex.weak_destination and attached and trigger.lemma_ in lex.weak_destination_triggers:
        return "weak destination"
    return None


def _status(trigger: Token) -> str:
    chain = [trigger, *list(trigger.ancestors)[:4]]
    for tok in chain:
        if any(c.dep_ == "neg" for c in tok.children):
            return "denied"
        if tok.i != trigger.i and tok.lemma_.lower() in lexicon().cue("deny"):
            return "denied"
    for tok in chain:
        for c in tok.children:
            if c.dep_ in ("aux", "auxpass") and c.lower_ in lexicon().cue("modal"):
                return "possible"
            if c.dep_ == "mark" and c.lower_ in lexicon().cue("condition"):
                return "possible"
            if c.dep_ in ("advmod", "amod") and c.lower_ in lexicon().cue("hedge"):
                return "possible"
        if tok.i != trigger.i and tok.lemma_.lower() in lexicon().cue("intent"):
            return "possible"
        if tok.dep_ not in ("xcomp", "ccomp", "advcl", "conj", "pobj", "acl", "relcl", "dobj", "nsubj", "nsubjpass"):
            break
    return "reported"


def _mode(sent: Span, trigger: Token | None = None) -> str | None:
    """How the force moves: the first mode phrase of the sentence ("by sea"), else the verb's own."""
    found = patterns(sent.doc.vocab).surface(sent, "mode")
    if found:
        return lexicon().modes[found[0][1][-1].lower_]
    return lexicon().verb_modes.get(trigger.lemma_.lower()) if trigger is not None else None


def _time(sent: Span, trigger: Token) -> str | None:
    dates = [e for e in sent.ents if e.label_ == "DATE"]
    if not dates:
        return None
    ent = min(dates, key=lambda e: abs(e.start - trigger.i))
    # "early- to late-May": the model takes only "late-May"
    before = sent.doc.text[sent.start_char : ent.start_char]
    m = re.search(r"\b(?:early|mid|late)\s*-?\s*(?:to|or|and)\s*$", before, re.IGNORECASE)
    start = ent.start_char - (len(before) - m.start()) if m else ent.start_char
    return sent.doc.text[start : ent.end_char]


@functools.cache
def _size_re() -> re.Pattern[str]:
    forces = "|".join(sorted((re.escape(w) for w in lexicon().forces), key=len, reverse=True))
    return re.compile(
    r"(?P<size>(?:(?:at least|at most|about|around|some|over|more than|fewer than|less than|up to|nearly|"
    r"almost|approximately|roughly|an estimated|as many as|a total of)\s+)?"
    r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?(?:\s*(?:million|thousand|hundred))?|tens of thousands|"
    r"hundreds of thousands|thousands|hundreds|several thousand|several hundred|a few hundred|"
    r"a few thousand|dozens))"
    r"(?:\s+(?:more|additional|extra|of))?(?:\s+(?:the|their|its|these|those))?"
    r"(?:\s+[A-Z][\w'’.-]+){0,3}(?:\s+(?:elite|special|combat|regular|ground|military|army|navy|naval))*"
    rf"\s+(?P<force>(?:{forces})s?)\b"
    )


def _size_value(text: str) -> int | None:
    digits = re.search(r"\d[\d,]*(?:\.\d+)?", text)
    if not digits:
        return None
    value = float(digits.group(0).replace(",", ""))
    for word, factor in _NUMBER_WORDS.items():
        if word in text[digits.end() :]:
            value *= factor
    return int(value)
