"""What every reader of one document shares: its text, places, zones and dateline, and the
lookups from words to the places resolved under them."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Span, Token

from conflictmap.gazetteer import Gazetteer, Place, PlaceKind
from conflictmap.gazetteer.borders import pair_id
from conflictmap.gazetteer.nouns import place_nouns
from conflictmap.geo.events.grammar import border_phrases, preposition
from conflictmap.geo.events.speakers import People, Speaker, coordinated_countries
from conflictmap.geo.lexicon import lexicon
from conflictmap.geo.places import Dateline
from conflictmap.geo.reading.zones import Paragraph, zone_at
from conflictmap.geo.records import BORDER_LABEL, DEMONYM_LABEL, NOT_DRAWN, NOT_UNLISTED, Mention, Resolution, Source


def possessive(text: str, start: int, end: int) -> bool:
    """Whether the words text[start:end] are a possessor ("Norway's ministry", curly or straight)."""
    words = text[start:end]
    return words.endswith(("'s", "’s")) or text.startswith(("'s", "’s"), end)


def describes_the_same(adjective: Token) -> bool:
    """Whether an adjective leaves "the <adjective> town" the town named before ("the besieged
    town", "the coastal city"): not a part ("the northern region") nor another one ("the next
    village"), nor a comparison ("the largest city")."""
    word = adjective.lower_
    lex = lexicon()
    return (adjective.tag_ in ("JJ", "VBN") and word not in lex.place_cue_directions
            and word not in lex.another_place and not any(c.dep_ != "punct" for c in adjective.children))


def affiliation_word(token: Token, np: Span) -> bool:
    """Whether a country word in a speaker's phrase can say where the speaker belongs: not in a
    hyphened relation to another ("the X-backed militia", "X-led forces"; "X-based" is where it
    belongs), not what the speaker deals with ("the envoy to X", "an analyst on X", "a X analyst"),
    and not a surname that is also a nationality word."""
    doc = token.doc
    after = doc[token.i + 1 : token.i + 3]
    if len(after) == 2 and after[0].tag_ == "HYPH" and after[1].tag_ in ("VBN", "VBD") and after[1].lower_ != "based":
        return False
    if token.ent_type_ == "PERSON" and token.ent_iob_ == "I":
        return False  # a surname that is also a nationality word ("Ana Danish") is part of a name
    after_name = token.i + 1
    while after_name < len(doc) and doc[after_name].ent_iob_ == "I":
        after_name += 1  # past the rest of a name ("South Korea")
    if (token.dep_ == "compound" and after_name < len(doc) and not token.text.isupper()
            and doc[after_name].lemma_.lower() in lexicon().topic_heads):
        return False  # "a X analyst", "the X programme": what the speaker studies (not "a US analyst")
    topics = lexicon().topic_prepositions
    for above in token.ancestors:
        if above.i < np.start or above.i >= np.end or above.i == np.root.i:
            break
        if above.dep_ == "prep" and above.lower_ in topics:
            return False
    return True


STORY_CAPITAL = "the capital of the story's country"  # why "the capital" is a place the text never names
SENTENCE_BORDER = "the border of the two countries its sentence names"  # why "the border" is one never named


@dataclass
class DocumentContext:
    """One document's text and places, and the little state that crosses its sentences."""

    doc_id: str
    text: str
    gaz: Gazetteer
    resolutions: list[Resolution]
    paragraphs: list[Paragraph]
    dateline: Dateline | None
    people: People
    published: str | None = None  # the article's date (YYYY-MM-DD): what relative times are read against
    latest: date | None = None  # an undated article's latest full date: the year of month names
    last_person: Speaker | None = None
    # where each person (by folded name) was last placed explicitly, and in which paragraph
    spoke_at: dict[str, tuple[int, tuple[Place, str, Source | None]]] = field(default_factory=dict)
    last_org: Speaker | None = None
    turn_paragraph: int = -1  # the paragraph a "NAME:" line opened: its speaker's turn, for "I" and "we" in it
    last_actor: tuple[str, str | None] | None = None
    _dateline_place: Place | None = None
    # resolutions indexed by start offset: (start, position in ``resolutions``), and the longest span
    _starts: list[tuple[int, int]] = field(default_factory=list)
    _longest: int = 0
    # each sentence's referring phrases, found once for its statements and its movements alike
    _referring: dict[tuple[int, int], list[Resolution]] = field(default_factory=dict)
    # each sentence's land borders ("the X-Y border"), and every one read so far, in text order
    _borders: dict[tuple[int, int], list[Resolution]] = field(default_factory=dict)
    _borders_read: list[Resolution] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._starts = sorted((r.mention.start, i) for i, r in enumerate(self.resolutions))
        self._longest = max((r.mention.end - r.mention.start for r in self.resolutions), default=0)
        if self.dateline:
            for r in self.resolutions:
                if r.mention.start == self.dateline.place.start and r.place is not None:
                    self._dateline_place = r.place

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

    def demonyms_in(self, start: int, end: int) -> list[Resolution]:
        """Nationality words between two offsets ("Ruritanian"), resolved to their country."""
        return [r for r in self._starting_between(start, end)
                if r.mention.end <= end and r.mention.label == DEMONYM_LABEL and r.place is not None]

    def country_of(self, np: Span, offset: int, *, places: bool = True, topics: bool = False) -> str | None:
        """The speaker's country from the phrase: the first nationality word ("Ukrainian", "North
        Korean") or country or capital named in it ("Prime Minister Jane Roe of Norway"); None
        when the phrase names several ("the US, South Korean and Japanese advisers").
        ``places=False``: nationality words and possessive places only ("a Lisbon daily" is no
        affiliation; "Norway's ministry" is). ``topics=True``: also the countries the speaker only deals
        with ("the envoy to X"), to tell whose a named body is ("served on X's security council")."""
        found: list[str] = []
        tokens = list(np)
        i = 0
        while i < len(tokens):
            t = tokens[i]
            code = None
            if not topics and not affiliation_word(t, np):
                i += 1
                continue
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
                owner = r is not None and possessive(self.text, r.mention.start, r.mention.end)
                if (
                    r
                    and (places or owner)  # "Norway's ministry" belongs to Norway, even in a source's name
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

    def story_country(self) -> Resolution | None:
        """The country the document is about: the one its places lie in most often (at least three
        mentions, and more than any other country's), as a resolution of its first mention. Worked
        out once per document."""
        if "_story" not in self.__dict__:
            self.__dict__["_story"] = self._story_country()
        found: Resolution | None = self.__dict__["_story"]
        return found

    def _story_code(self) -> str | None:
        story = self.story_country()
        return story.place.country_code if story is not None and story.place is not None else None

    def _story_country(self) -> Resolution | None:
        counts: dict[str, list[Resolution]] = {}
        for r in self.resolutions:
            if r.place is not None and r.place.country_code and r.mention.label not in NOT_DRAWN:
                counts.setdefault(r.place.country_code, []).append(r)
        ranked = sorted(counts.values(), key=len, reverse=True)
        if not ranked or len(ranked[0]) < 3 or (len(ranked) > 1 and len(ranked[1]) >= len(ranked[0])):
            return None
        first = min(ranked[0], key=lambda r: r.mention.start)
        country = self.gaz.get(f"ne-admin0:{first.place.country_code}") if first.place else None
        if country is None:
            return None
        return Resolution(first.mention, country, first.score, (), ("the country the story is about",))

    def in_dateline(self, start: int) -> bool:
        """Whether the word at offset ``start`` is the dateline's place or its qualifier ("CITY,
        Country —"): the parser may take a dateline glued to the first sentence for its subject."""
        if self.dateline is None:
            return False
        return any(m is not None and m.start <= start < m.end for m in (self.dateline.place, self.dateline.qualifier))

    def border_places(self, sent: Span, offset: int) -> list[Resolution]:
        """The land borders the sentence names ("the X-Y border", "the border with X"), each as a
        resolution of its whole phrase to the band along the line (:func:`border_phrases`). The
        place mentions inside stay what they are (the text names the country); a movement's end
        is the border."""
        key = (offset, sent.start)
        if key not in self._borders:
            found = []
            read: dict[str, Place | None] = {}  # each reading looked up once

            def border(words: str) -> Place | None:
                if words not in read:  # "the southern border": the story country's
                    read[words] = self.gaz.border(words, home=self._story_code())
                return read[words]

            for span in border_phrases(sent, lambda words: border(words) is not None):
                place = border(span.text)
                start, end = offset + span.start_char, offset + span.end_char
                mention = Mention(self.doc_id, start, end, self.text[start:end], BORDER_LABEL,
                                  zone_at(self.paragraphs, start).value)
                found.append(Resolution(mention, place, 1.0, (), ("a land border",)))
            self._borders[key] = found
            self._borders_read += found
        return self._borders[key]

    def referring_places(self, sent: Span, offset: int) -> list[Resolution]:
        """ "the region", "the country" (``referring_nouns.jsonl``): the place of that kind named last
        before it in this document, as a resolution of the phrase; a place whose name holds the noun
        ("the X Strip", "the X region") first. Nothing when no such place precedes."""
        key = (offset, sent.start)
        if key not in self._referring:
            self._referring[key] = self._find_referring(sent, offset)
        return self._referring[key]

    def _find_referring(self, sent: Span, offset: int) -> list[Resolution]:
        found = []
        nouns = lexicon().referring_nouns
        for t in sent:
            kinds = nouns.get(t.lower_)
            if kinds is None or t.pos_ != "NOUN" or t.i == 0:
                continue
            det = next((c for c in t.children if c.dep_ == "det"), None)
            described = [c for c in t.children if c.dep_ == "amod" and c.i < t.i]
            if t.lower_ in lexicon().capital_nouns and (national := self.national_capital(t, offset)) is not None:
                found.append(national)  # "the Sudanese capital", "Sudan's capital": that country's
                continue
            if described and t.lower_ in lexicon().capital_nouns:
                continue  # "the provincial capital": no national capital
            # a phrase after the noun that is not its name ("left the base for X", "the town on Monday")
            after = [c for c in t.children if c.i > t.i and c.dep_ == "prep" and c.lower_ != "of"]
            # "the town's barracks": the town, owning the site
            after += [c for c in t.children if c.dep_ == "case" and t.dep_ == "poss"
                      and t.lower_ in place_nouns().kind_of]
            if (det is None or det.lower_ != "the" or len(list(t.children)) != 1 + len(described) + len(after)
                    or any(not describes_the_same(a) for a in described)):
                continue  # "the (besieged) region": not "the northern region", "their country", "the city of X"
            start, end = offset + det.idx, offset + t.idx + len(t)
            if self.resolution_for(start, end) is not None:
                continue  # part of a name
            antecedent = self.antecedent_place(sent, offset, start, t.lower_, kinds)
            if antecedent is None:
                continue
            # a place the gazetteer lacks ("X, a farming town") is referred to by its own name
            written = self.text[start:end] if antecedent.place is not None else antecedent.mention.text
            mention = Mention(self.doc_id, start, end, written, antecedent.mention.label, antecedent.mention.zone)
            own_why = STORY_CAPITAL in antecedent.why or SENTENCE_BORDER in antecedent.why  # no place named
            why = antecedent.why if own_why else (f"refers to {antecedent.mention.text!r} named before",)
            found.append(Resolution(mention, antecedent.place, antecedent.score, (), why))
        return found

    def national_capital(self, noun: Token, offset: int) -> Resolution | None:
        """ "the Sudanese capital", "Sudan's capital": the capital of the country a nationality word
        or a possessor names, as a resolution of the whole phrase; None for any other capital ("the
        provincial capital", "the capital")."""
        owner = next((c for c in noun.children if c.dep_ in ("amod", "compound", "poss") and c.i < noun.i
                      and c.is_title), None)
        if owner is None or any(c.dep_ in ("amod", "compound", "nmod") and c.i != owner.i and not c.is_title
                                for c in noun.children):
            return None  # "the Sudanese state capital", "Russia's northern capital", "the former X capital"
        doc, first = noun.doc, owner.i  # "the South Sudanese capital": the whole nationality, longest first
        while first > max(0, owner.i - 2) and doc[first - 1].is_title and doc[first - 1].pos_ in ("PROPN", "ADJ"):
            first -= 1
        code = next((c for k in range(first, owner.i + 1)
                     if (c := self.gaz.demonym_country(doc[k : owner.i + 1].text))), None)
        if code is None and owner.dep_ == "poss":
            r = self.resolution_for(offset + owner.idx, offset + owner.idx + len(owner))
            code = r.place.country_code if r is not None and r.place is not None \
                and r.place.kind is PlaceKind.COUNTRY else None
        place = self.gaz.capital(code) if code else None
        if place is None:
            return None
        first = min([first, owner.left_edge.i] + [c.i for c in noun.children if c.dep_ == "det"])
        start, end = offset + doc[first].idx, offset + noun.idx + len(noun)
        mention = Mention(self.doc_id, start, end, self.text[start:end], "RECOVERED",
                          zone_at(self.paragraphs, start).value)
        return Resolution(mention, place, 1.0, (), ("the capital of the country the words name",))

    def antecedent_place(self, sent: Span, offset: int, before: int, noun: str,
                         kinds: frozenset[str]) -> Resolution | None:
        """The place "the <noun>" refers to, before offset ``before``: the last place whose words hold
        ``noun`` (any land border for "the border", "the frontier"; with none named before, the border
        of the two countries the sentence names, :meth:`_border_of_the_sentence`); else one the text introduced with
        the noun ("the city of X", "X, a farming town", also one the gazetteer lacks); else the last
        place of one of ``kinds``; else, for a ``region_of_town`` noun ("the province"), the
        first-order region of the last town of an earlier sentence in the story's country. Nationality
        words and names inside organisations are not places named. In the phrase's own sentence only
        a place after a preposition or a verb's object counts ("shelling hit X, where troops pushed
        into the town"): "asked X to send troops into the region", "X weapons arrived in the country"
        move into another place than X."""
        def candidate(r: Resolution) -> bool:
            if r.mention.end > before or r.mention.label in NOT_DRAWN or (
                    r.place is None and r.mention.label in NOT_UNLISTED):
                return False
            if r.mention.start < offset + sent.start_char:
                return True
            span = sent.doc.char_span(r.mention.start - offset, r.mention.end - offset, alignment_mode="expand")
            if span is None:
                return False
            if span.root.dep_ == "poss":
                return False  # "a column of X's army ... leaving the country": X owns the force, it is no place left
            root = span.root
            if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.dep_ in ("dobj", "pobj"):
                root = root.head.head  # "entered the town of X, ... left the town": as the kind noun goes
            verb = root.head
            if root.dep_ == "pobj" and root.head.dep_ in ("prep", "dative") and root.head.head.i == own_verb:
                return False  # "flown from X into the town": the verb's own other end is not the town
            # a verb's object, unless it is asked or told to act ("asked X to send troops into the region")
            return preposition(span) is not None or (
                root.dep_ == "dobj" and not any(c.dep_ == "xcomp" for c in verb.children))

        # the verb the phrase's own preposition hangs on ("to the town")
        phrase = sent.doc.char_span(before - offset, before - offset + 1, alignment_mode="expand")
        own = phrase.root.head if phrase is not None else None
        own_verb = own.head.head.i if own is not None and own.head.dep_ in ("prep", "dative") else -1

        earlier = sorted(filter(candidate, self.resolutions + self._borders_read), key=lambda r: r.mention.start,
                         reverse=True)
        if noun in lexicon().capital_nouns:
            return self._capital(earlier, before)
        words = "|".join(re.escape(w) for w in (noun, *lexicon().referring_synonyms.get(noun, ())))
        word = re.compile(rf"\b(?:{words})\b", re.IGNORECASE)  # "the reef": X Shoal too
        border = noun in lexicon().border_nouns  # "the frontier": the border named last, whatever its word
        follows = re.compile(rf"\s+{re.escape(noun)}\b", re.IGNORECASE)  # "X camp": the noun after the name
        # the place the text itself introduced with the noun ("the encircled city of X" is "the city",
        # though a town was named after it; "X, a farming town", "the town of X", even one the
        # gazetteer lacks: then no place named later stands in for it); the last of them and of the
        # places whose words hold the noun
        introduced = re.compile(rf"\b{re.escape(noun)}\s+(?:of|at)\s+$", re.IGNORECASE)  # "the base at X"
        apposed = re.compile(rf",\s+(?:a|an|the)\s+(?:[\w-]+\s+){{0,3}}?{re.escape(noun)}\b", re.IGNORECASE)
        named = next((r for r in earlier if (r.place is not None and (
            word.search(r.mention.text) or word.search(r.place.name)  # "Kerem Shalom": the X crossing
            # "X camp"; not "the northern X town", X a province a town lies in
            or (not border and follows.match(self.text, r.mention.end) and (not kinds or r.place.kind in kinds))
            or (border and r.mention.label == BORDER_LABEL))) or (r.mention.label != BORDER_LABEL and (
                introduced.search(self.text, max(0, r.mention.start - 40), r.mention.start)
                or apposed.match(self.text, r.mention.end)))), None)
        most = lexicon().referring_most_people.get(noun)  # "the village" is no city of a million
        earlier = [r for r in earlier if r.place is not None and (most is None or r.place.population < most)]
        if border and named is None:
            return self._border_of_the_sentence(sent, offset, before)
        # a border is "the border" only: "the region" is never the band along one
        of_kind = named or next((r for r in earlier if r.place is not None and r.place.kind in kinds
                                 and r.mention.label != BORDER_LABEL), None)
        if of_kind is not None or noun not in lexicon().region_of_town_nouns:
            return of_kind
        # "took X ... moved into the province": with no province named, the one the town named last lies in
        # a town of an earlier sentence ("officials in X said troops moved into the province" is no
        # province of X), and of the story's own country when the story has one
        town = next((r for r in earlier if r.mention.label != BORDER_LABEL
                     and r.mention.start < offset + sent.start_char), None)
        story = self._story_code()
        if town is None or town.place is None or town.place.kind is not PlaceKind.CITY or (
                story is not None and town.place.country_code != story):
            return None
        region = next(iter(self.gaz.places_at(town.place.lat, town.place.lon, kinds=(PlaceKind.ADMIN1,))), None)
        return None if region is None else Resolution(town.mention, region, town.score, (),
                                                       (f"the province {town.mention.text!r} lies in",))

    def _border_of_the_sentence(self, sent: Span, offset: int, before: int) -> Resolution | None:
        """ "the border" with none named before it: the land border of the two countries its sentence
        names, by name or nationality word, when they share one ("X and Y mass troops near the
        border", "Z troops crossed the border into W"); None when it names fewer or more."""
        lo, hi = offset + sent.start_char, offset + sent.end_char
        codes = {r.place.country_code for r in self.resolutions_in(lo, hi) + self.demonyms_in(lo, hi)
                 if r.place is not None and r.place.kind is PlaceKind.COUNTRY and r.place.country_code}
        place = self.gaz.get(pair_id(*codes)) if len(codes) == 2 else None
        if place is None:
            return None
        mention = Mention(self.doc_id, before, before, place.name, BORDER_LABEL, zone_at(self.paragraphs, before).value)
        return Resolution(mention, place, 1.0, (), (SENTENCE_BORDER,))

    def _capital(self, earlier: list[Resolution], before: int) -> Resolution | None:
        """ "the capital": the capital of the story's country; with no story country, the national
        capital named last (a capital named for talks held there is no capital of the story)."""
        story = self._story_code()
        named = next((r for r in earlier if r.place is not None and r.place.kind is PlaceKind.CITY
                      and r.place.feature == "capital" and (story is None or r.place.country_code == story)), None)
        if named is not None or story is None:
            return named
        place = self.gaz.capital(story)
        if place is None:
            return None
        mention = Mention(self.doc_id, before, before, place.name, "GPE", zone_at(self.paragraphs, before).value)
        return Resolution(mention, place, 1.0, (), (STORY_CAPITAL,))

    def last_place_before(self, before: int) -> Resolution | None:
        """The place named last before offset ``before`` in its paragraph, or else in the paragraph
        before (not a nationality word, not a possessor: "X's ministry" names no place to be in)."""
        i = bisect.bisect_right(self.paragraphs, before, key=lambda p: p.end)
        for j in (i, i - 1):
            if not 0 <= j < len(self.paragraphs):
                continue
            lo = self.paragraphs[j].start
            named = [r for r in self.resolutions_in(lo, before) if r.place is not None
                     and not possessive(self.text, r.mention.start, r.mention.end)]
            if named:
                return max(named, key=lambda r: r.mention.start)
        return None
