"""Statements: who said something (a reporting verb's subject, "according to X", a participle
cue), and where it was said by what the text gives: an explicit place, the dateline when the
speaker belongs there, or else the seat of the speaker's body or government."""

from __future__ import annotations

import bisect
import dataclasses
import functools
import re

from spacy.tokens import Span, Token

from conflictmap.gazetteer import Place, PlaceKind, fold
from conflictmap.gazetteer.nouns import place_nouns
from conflictmap.geo.events.context import DocumentContext, affiliation_word, possessive
from conflictmap.geo.events.cues import closes_quotation, is_statement
from conflictmap.geo.events.grammar import date_phrase, phrase_start
from conflictmap.geo.events.patterns import Match, patterns
from conflictmap.geo.events.speakers import (
    Speaker,
    aged_name,
    government_phrase,
    titled_name,
    whole_name,
)
from conflictmap.geo.lexicon import lexicon
from conflictmap.geo.organisations import find_organisation
from conflictmap.geo.reading.dates import normalise
from conflictmap.geo.reading.zones import Zone, zone_at
from conflictmap.geo.records import Source, Statement

EXPLICIT_WINDOW = 80  # characters before a place in which a cue can make it where something was said


@functools.cache
def explicit_before() -> re.Pattern[str]:
    """A cue ("speaking", "told reporters") then up to four words then in/at/from/to, or a visit
    verb ("visited"), then perhaps a part ("northern") and a kind of place ("the port city of"),
    ending right before a place: the place is where it was said. Words, not tokens: "al-Qaeda", "Burns'" and
    words apart by a no-break space count as one, as a reader counts them. The words are the
    lexicon's (``place_cues.jsonl``)."""
    lex = lexicon()
    cues = "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in lex.place_cues)
    blockers = "|".join(re.escape(b).replace(r"\ ", r"\s+") + r"\b" for b in lex.place_cue_blockers)
    preps = "|".join(re.escape(p) for p in lex.place_cue_prepositions)
    direct = "|".join(re.escape(d) for d in lex.place_cue_direct)
    parts = "|".join(re.escape(d) for d in lex.place_cue_directions)
    nouns = "|".join(re.escape(n) for n in sorted(set(lex.referring_nouns) | place_nouns().kind_of))  # "port of X"
    return re.compile(rf"(?:\b(?:{cues})\b(?:\s+(?!{blockers})[\w'’-]+){{0,4}}?\s+(?:{preps})|\b(?:{direct}))"
                      rf"\s+(?:the\s+)?(?:(?:{parts})\s+)?(?:(?:[\w-]+\s+)?(?:{nouns})\s+of\s+)?$", re.IGNORECASE)


SENTENCE_INITIAL_PLACE = re.compile(r"^\s*(?:In|At|From)\s+(?:the\s+)?$")


NAMED = frozenset({"PERSON", "ORG", "GPE", "NORP"})  # entity labels that name someone
FIRST_PERSON = frozenset({"i", "we"})
BODY_KINDS = frozenset({"government", "organisation", "title", "media"})  # speakers a heading's label may name
CONTENT_DEPS = frozenset({"ccomp", "xcomp", "advcl", "conj", "relcl", "acl"})  # clauses: what is said
LOCAL = frozenset({PlaceKind.CITY, PlaceKind.ADMIN1, PlaceKind.ADMIN2})  # a body of a town or province
ATTACHED = frozenset({"in", "at", "from"})  # "the ministry in X": a place the speaker is in
RANK = {"person": 5, "pronoun": 4, "organisation": 3, "media": 3, "government": 2, "title": 2, "group": 1, "other": 0}
CONTINUED_PARAGRAPHS = 2  # a person placed explicitly is still there this many paragraphs on
PLURAL_PRONOUNS = frozenset({"they", "we", "them", "us", "their", "our"})  # a body or a group, never the last person
PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
TITLE_GENDER = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "sir": "m", "lord": "m", "lady": "f"}
CORE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp"})  # what a speaker phrase says, not who


def said_when(sent: Span, cue: Token) -> str | None:
    """The date phrase on the cue itself ("said on Friday", "On Monday, X said"), never one inside
    what was said ("said troops left on Friday")."""
    for ent in sent.ents:
        if ent.label_ != "DATE":
            continue
        token = ent.root
        while token.i != cue.i and token.dep_ not in CONTENT_DEPS and token.head.i != token.i:
            token = token.head
        if token.i == cue.i:
            return date_phrase(ent)
    return None


def speaker_words(head: Token, how: str) -> Span:
    """The words that name the speaker: the head's phrase; for a relative clause's noun, the phrase
    up to the noun (not the clause that describes it)."""
    doc = head.doc
    if how == "relative":
        # through the relative pronoun, when there is one: "the envoy, who"
        pronouns = [t.i for t in head.subtree if t.tag_ in ("WP", "WDT") and t.head.dep_ == "relcl"]
        return doc[head.left_edge.i : (min(pronouns) if pronouns else head.i) + 1]
    # a dateline the parser took into the subject: "CITY (Agency) — the envoy", "CITY - the envoy"
    start = phrase_start(doc, head.left_edge.i, head.i)
    while start < head.i and doc[start].is_punct and (
            closes_quotation(doc[start]) or not (doc[start].is_quote or doc[start].is_bracket)):
        start += 1  # a heading's mark ("### the envoy"), a bullet ("• the envoy"), a quotation's closing mark
    end = head.right_edge.i + 1
    while end - 1 > head.i and (doc[end - 1].is_space or (
            doc[end - 1].is_punct and not (doc[end - 1].is_quote or doc[end - 1].is_bracket))):
        end -= 1  # "the force that patrols the north," before "said"; a heading's line break
    return doc[start:end]


def named_before(head: Token, cue: Token) -> Token | None:
    """ "X, the body that runs the crossings, said": the parser makes both the name and the phrase
    that describes it subjects of the cue; the name, set off by the comma before the phrase, is
    who spoke. None for any other parse."""
    subjects = [c for c in cue.children if c.dep_ == "nsubj"]
    if len(subjects) != 2 or subjects[1].i != head.i:
        return None
    name = subjects[0]
    if not (name.pos_ == "PROPN" or name.ent_type_ or (name.is_upper and len(name) > 1)):
        return None  # a name ("X", an acronym the tagger took for a plural noun)
    comma = name.right_edge.i + 1
    return name if head.doc[comma].text == "," and head.left_edge.i == comma + 1 else None


NAMING_POS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "NUM", "PRON"})  # words a short naming phrase is made of


BESIDE_OVERRIDES = frozenset({"subject", "shared-subject", "shared-subject-2"})  # parses a comma-set speaker corrects
NAME_LINKS = frozenset({"of", "for"})  # inside a body's name: "the Ministry of Defence"


def beside(cue: Token, most: int = 10) -> Span | None:
    """The speaker named right beside a cue set off by a comma: closing its sentence (", local
    officials said.", ", said the governor, Ana Ruiz.") with nothing but adjuncts after it ("on
    Monday", "in a statement"), or inside it (", says the mayor, "). The parser often takes the
    long reported clause before such a cue for its subject; the short phrase beside the cue is
    who spoke. Never whom it was told to (", told reporters")."""
    doc, sent = cue.doc, cue.sent
    stop = next((t.i for t in doc[cue.i + 1 : sent.end] if t.text in (",", ";")), sent.end)
    closing = not any(t.pos_ in ("VERB", "AUX") for t in doc[cue.i + 1 : stop])  # the cue ends its clause
    phrase: Span | None = None
    start = cue.i
    while start > sent.start and cue.i - start < most and (
            doc[start - 1].pos_ in NAMING_POS or doc[start - 1].tag_ in ("HYPH", "POS")
            or (doc[start - 1].lower_ in NAME_LINKS and doc[start].pos_ in ("PROPN", "DET"))):
        start -= 1  # "..., the Observatory for Human Rights said": a name may hold "of"/"for"
    if closing and sent.start < start < cue.i and doc[start - 1].text == ",":
        phrase = doc[start : cue.i]
    elif cue.i > sent.start and doc[cue.i - 1].text == ",":
        end = cue.i + 1
        while end < sent.end and end - cue.i <= most and (
                doc[end].pos_ in NAMING_POS or doc[end].tag_ == "HYPH" or (closing and doc[end].text == ",")):
            end += 1
        if not closing and (end >= sent.end or doc[end].text != ","):
            return None  # ", says the mayor, ..." is set off on both sides
        while end > cue.i + 1 and doc[end - 1].text == ",":
            end -= 1
        phrase = doc[cue.i + 1 : end] if end > cue.i + 1 else None
        if phrase is not None and phrase.root.head.i == cue.i and phrase.root.dep_ in ("dobj", "dative", "iobj"):
            return None  # "..., told reporters": whom it was said to
    if phrase is None:
        return None
    return phrase if phrase.root.pos_ in ("NOUN", "PROPN", "PRON") else None


SPOKE_WORDS = ("said", "says", "told", "added", "wrote")  # "X said": the document shows X speaking
LABEL_MARKS = frozenset({":", "―", "—", "–"})  # "words: Minister", "words ―Governor"


def closing_label(sent: Span, most: int = 4) -> tuple[Span, Token] | None:
    """ "Crossings will restart: Minister", "No more ferries — Governor": up to ``most`` capitalised
    words closing a line right after a colon or a dash that follows words (the mark may end the
    sentence before, where the splitter cut at it), as the speaker, with the mark as the cue."""
    doc = sent.doc
    end = sent.end
    while end > sent.start and (doc[end - 1].is_space or doc[end - 1].is_punct):
        end -= 1
    first = end
    while first > sent.start and end - first < most and doc[first - 1].is_alpha and doc[first - 1].text[:1].isupper():
        first -= 1
    if first == end and end > sent.start and (doc[end - 1].lemma_.lower() in lexicon().speaker_nouns
                                              or doc[end - 1].lower_ in lexicon().speaker_nouns):
        # "...: state media", "...: local officials", "...: police": a speaker typed by its noun, in lower case
        first -= 1
        while first > sent.start and end - first < most and doc[first - 1].is_alpha \
                and doc[first - 1].pos_ in ("ADJ", "NOUN", "PROPN"):
            first -= 1
    mark = doc[first - 1] if first > 0 else None
    if first == end or mark is None or mark.text not in LABEL_MARKS or mark.i == 0 or doc[mark.i - 1].is_space:
        return None
    rest = doc.text[doc[end - 1].idx + len(doc[end - 1]):].split("\n", 1)[0]
    if rest.strip(" .,;!?)]\"'’”"):
        return None  # the line goes on ("10:15 GMT - UK Foreign Office: ..."): the words close nothing
    before = doc[max(0, mark.i - 3) : mark.i]  # the splitter may have cut the line at its colon
    if lexicon().photo_words.search(before.text) or any(t.lower_ in lexicon().credit_words for t in before):
        return None  # "Photo credit: NAME", "Image: AGENCY": a picture's credit, no one speaking
    return doc[first:end], mark


def office_acronym(words: Span) -> bool:
    """A label that is an office's acronym ("...: FM", "...: IDF", "...: MeT"), or one after capitalised
    words naming its country ("...: Greek PM"; not a line in capitals, nor a kicker: "...: UPDATE")."""
    last = words[-1]
    if last.lower_ in lexicon().kickers or not all(t.text[:1].isupper() for t in words):
        return False
    if len(words) == 1:
        return sum(c.isupper() for c in last.text) >= 2
    return 2 <= len(last.text) <= 4 and last.text.isupper() and last.is_alpha and not words.text.isupper()


def plural_name(ent: Span) -> bool:
    """ "the Houthis", "the Kurds": a one-word name in the plural after "the" names a group, not a
    person, whatever the model calls it."""
    doc = ent.doc
    return (len(ent) == 1 and ent[0].lower_.endswith("s") and ent.start > 0
            and doc[ent.start - 1].lower_ == "the")


def set_off_before(cue: Token, speaker: Token) -> bool:
    """ "In a message on its channel, the governor of Y said": the phrase ``speaker`` heads ends right before the
    cue, after a comma, and the cue has no nominal subject of its own (the parser hung the phrase on
    the opening phrase's noun, or took the opening participle for the subject: "Writing on X, ...")."""
    doc = speaker.doc
    left = speaker.left_edge.i
    return (speaker.right_edge.i == cue.i - 1 and left > cue.sent.start and doc[left - 1].text == ","
            and not any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ != "VBG" for c in cue.children))


def inverted_after(cue: Token, speaker: Token) -> bool:
    """ "The talks will go on, insisted the envoy": the cue follows a comma and has no subject, so
    the phrase after it that the parser took for its object is who spoke."""
    return (cue.i > cue.sent.start and cue.doc[cue.i - 1].text == ","
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in cue.children))


def agrees(cue: Token, speaker: Token) -> bool:
    """ "We confirm that the group has no link to it and denies the claims": a present-tense verb
    agrees with its subject, so a third-person "denies" is not the word of "we" (or of "the
    officials"), nor a plural "deny" that of "the ministry"."""
    plural = speaker.lower_ in ("we", "i", "they", "you") or speaker.tag_ in ("NNS", "NNPS")
    return not ((cue.tag_ == "VBZ" and plural) or (cue.tag_ == "VBP" and not plural))


# labels a parse check confirms
CHECKED_PATTERNS = {"intro-appos": set_off_before, "inverted-object": inverted_after, "report-conjunct": agrees}


def confirmed(match: Match) -> bool:
    """Whether a statement pattern's match stands: a pattern in :data:`CHECKED_PATTERNS` only when
    its parse check holds."""
    check = CHECKED_PATTERNS.get(match.rule.label)
    return check is None or check(match["cue"], match["speaker"])


CONTENT_PATH = frozenset({"ccomp", "xcomp", "relcl", "csubj", "parataxis"})  # what is said, not where


SELF_PRONOUNS = frozenset({"he", "she", "i", "we"})  # "said he had been in X": the speaker's own whereabouts


def _in_content(token: Token, cues: set[int]) -> bool:
    """Whether the word hangs under the cue through what is said ("said the offensive in X had
    slowed"), not through where it was said ("said in X that ...", "told reporters in X"). A
    clause a person says about themselves still tells where they are ("said he had been in X")."""
    while token.i not in cues and token.head.i != token.i:
        about_the_speaker = token.dep_ in ("relcl", "acl") and token.head.dep_ in ("nsubj", "nsubjpass") and (
            token.head.head.i in cues)  # "X, who arrived in Y on Monday, said": where the speaker is
        if token.dep_ in CONTENT_PATH and not about_the_speaker and not any(
                c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in SELF_PRONOUNS for c in token.children):
            return True
        token = token.head
    return False


def core(words: Span, head: Token) -> Span:
    """The speaker phrase without the clauses that say something about the speaker ("Ana Ruiz,
    who visited Chile last year,"): a country word in those is no affiliation."""
    cut = [c for c in head.children if c.dep_ in CORE_DEPS and c.i > head.i]
    end = min([c.left_edge.i for c in cut] + [words.end])
    while end > words.start + 1 and words.doc[end - 1].is_punct:
        end -= 1
    return words.doc[words.start : max(end, head.i + 1)]


class StatementReader(DocumentContext):
    def _source(self, words: Span | Token, offset: int) -> Source:
        """A span or token of a piece as a reference into the document."""
        start = offset + (words.start_char if isinstance(words, Span) else words.idx)
        end = start + len(words.text)
        return Source(self.doc_id, start, end, self.text[start:end])

    def statements(
        self, sent: Span, offset: int, source: Source, cues: dict[int, Match]
    ) -> tuple[list[Statement], Speaker | None]:
        """Every statement in the sentence (one per cue the cue model accepts), and the main
        speaker (for size claims). ``cues``: the statement patterns' best match per cue token."""
        # speaker, its words, the cue, the naming words, the cue's words
        found: list[tuple[Speaker, Span, Token, Span, Span | Token]] = []
        # "X was quoted by Y as saying ...": X speaks, the cue runs from the verb that quotes to the
        # verb of speech; Y is the channel ("Y quoted X as saying" keeps both: the annotated sets differ)
        quoted = {m["head"].i for m in cues.values()
                  if m.rule.label == "quoted-as" and m["speaker"].dep_ == "nsubjpass"}
        for token in sent:
            match = cues.get(token.i)
            if match is None or (match.rule.label == "agent" and token.i in quoted):
                continue
            cue, head, how = match["cue"], match["speaker"], match.rule.label
            head = (named_before(head, cue) if how == "subject" else None) or head
            words = speaker_words(head, how)
            near = beside(cue)
            if near is not None and not near.start <= head.i < near.end and how in BESIDE_OVERRIDES:
                head, words = near.root, near  # "..., local officials said": not the long clause before them
            if not is_statement(cue, head, how):
                continue
            named_by = core(words, head)
            speaker = self.speaker(named_by, head, offset, how)
            if speaker is None:
                continue
            passive_quote = how == "quoted-as" and match["head"].i in quoted  # "was quoted (by Y) as saying"
            cue_words: Span | Token = sent.doc[match["head"].i : cue.i + 1] if passive_quote else cue
            found.append((speaker, words, cue, named_by, cue_words))
            self.remember(speaker)
        lines = patterns(sent.doc.vocab).surface(sent, "speaker_line")
        # "NAME: words" opening a line of a transcript or a headline
        # "NAME, ROLE: words": the name before the comma speaks, a person the role describes
        labels, roled = [], False
        if lines:
            line = lines[0][1]
            comma = next((t.i - line.start for t in line if t.text == ","), None)
            roled = comma is not None
            # "NAME (through an interpreter): words": the note in brackets is no part of the name
            bracket = next((t.i - line.start for t in line if t.text == "("), len(line) - 1)
            labels.append((line[: comma if roled else bracket], line[-1], False))
        # "words: NAME", "words — NAME" closing a headline: the speaker after the colon or dash
        if (tail := closing_label(sent)) is not None:
            labels.append((*tail, True))
        heading = zone_at(self.paragraphs, offset + sent.start_char) is Zone.HEADING
        paragraph = bisect.bisect_right(self.paragraphs, offset + sent.start_char, key=lambda p: p.end)
        opens_a_turn = False
        for words, cue, closing in labels:
            speaker = self.line_speaker(words, offset)
            if speaker is not None and roled and not closing and speaker.kind == "other":
                speaker = dataclasses.replace(speaker, kind="person")
            acronym = office_acronym(words)
            quotation = not closing and cue.i + 1 < len(cue.doc) and cue.doc[cue.i + 1].is_quote
            if heading and speaker is not None and speaker.kind not in BODY_KINDS and not words.text.isupper() \
                    and not quotation and not (closing and acronym):
                continue  # a section's title labels its topic ("Background: ...", "X: the early years"); a
                # live blog's entry is a body's or an office's word ("Navy: ...", "Army chief: "), and a
                # quotation after a name someone's words ("NAME: 'words'")
            if closing and lexicon().media.fullmatch(words.text.lower()):
                continue  # "...: AP", "...: Reuters": an agency's credit closing a line, not its word
            if speaker is not None and (speaker.kind != "other" or not closing or acronym):
                # a closing label is a speaker only as one the text types ("Minister", a name) or an
                # office's acronym, not any capitalised words ("...: Day Two")
                if not closing:  # "NAME: We have raised it"
                    opens_a_turn, self.turn_paragraph = True, paragraph
                found.append((speaker, words, cue, words, cue))
                self.remember(speaker)
        if opens_a_turn or (not labels and paragraph == self.turn_paragraph):
            # "we" or "I" in a speaker's line, and in the rest of that turn, is that speaker again
            found = [f for f in found if f[1].root.lower_ not in FIRST_PERSON]
        # "South Korea said ..., the presidential office said": the government yields to its voice
        named = {s.country for s, *_ in found if s.kind != "government"}
        found = [f for f in found if f[0].kind != "government" or f[0].country not in named]
        out = []
        for speaker, words, cue, named_by, cue_words in found:
            where = self.where(sent, offset, speaker, cue, named_by, {c.i for _, _, c, _, _ in found})
            who = fold(speaker.name or "")
            if where is not None and where[1] == "explicit" and who:
                self.spoke_at[who] = (paragraph, where)
            elif who and who in self.spoke_at and paragraph - self.spoke_at[who][0] <= CONTINUED_PARAGRAPHS:
                # "Speaking in X, she said ... She added ...": the same person, the same occasion
                where = self.spoke_at[who][1]
            place, basis, mention = where if where is not None else (None, None, None)
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
                    speaker_span=self._source(words, offset),
                    cue=self._source(cue_words, offset),
                    speaker_kind=exported_kind(speaker, words),
                    time=normalise(said_when(sent, cue), self.published, latest=self.latest),
                )
            )
        main = max((s for s, *_ in found), key=lambda s: RANK.get(s.kind, 0), default=None)
        return out, main

    def line_speaker(self, words: Span, offset: int) -> Speaker | None:
        """The speaker a line's label names ("NAME: words", "words: NAME"): a statement by
        construction, but only a speaker the text can name ("Note:", "Photo:", "Monday:" are no one)."""
        speaker = self.speaker(words, words.root, offset, "speaker-line")
        a_name = any(e.label_ in NAMED for e in words.ents) or (words.text.isupper() and len(words.text) > 2)
        kicker = " ".join(words.text.lower().split()) in lexicon().kickers  # "BREAKING:", "WATCH:"
        start, end = offset + words.start_char, offset + words.end_char
        label = any(r.mention.start <= start and end <= r.mention.end and r.place is not None
                    and r.place.kind is not PlaceKind.LANDMARK for r in self.resolutions_in(start, end))
        office = len(words) > 1 and office_acronym(words)  # "...: Greek PM": after words naming its country
        kicker = kicker or label  # "Ruritania: Dozens Flee Floods", "Country profile: Ruritania": a place is a topic
        # A title-case headline hides names from the NER: "Okafor: ..." still has a name's shape,
        # proper nouns only and no place among them ("Ruritania War: ..." is a topic)
        a_name = a_name or (all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in words)
                            and not self.resolutions_in(start, end)) or self.speaks_elsewhere(words.text) or office
        if speaker is not None and speaker.kind != "pronoun" and not kicker and (speaker.kind != "other" or a_name):
            return speaker
        return None

    def speaks_elsewhere(self, label: str) -> bool:
        """Whether the document shows a capitalised label speaking in its own words elsewhere ("Okafor
        said", "said Okafor"): a headline's "Okafor: ..." is then a speaker, whatever the model
        tagged the word in a title-case line."""
        if not label[:1].isupper() or len(label.split()) > 3:
            return False
        words = r"\s+".join(map(re.escape, label.split()))
        cue = "|".join(map(re.escape, SPOKE_WORDS))
        return re.search(rf"(?:\b{words}\s+(?:{cue})\b|\b(?:{cue})\s+{words}\b)", self.text) is not None

    @staticmethod
    def _owner(token: Token, cues: set[int]) -> int | None:
        """The nearest statement cue above a word in the parse, if any."""
        for above in token.ancestors:
            if above.i in cues:
                return above.i
        return None

    def remember(self, speaker: Speaker) -> None:
        """The last person and the last body named, for the pronouns that follow (this document only)."""
        if speaker.kind == "person":
            self.last_person = speaker
            self.people.remember(speaker)
        elif speaker.kind in ("organisation", "government", "media"):
            self.last_org = speaker

    def pronoun(self, word: Token) -> Speaker | None:
        """A pronoun as the person or body it stands for, checked for gender and number: "she" is
        never a man named with "Mr", "it" never a person, "they" a body or a group."""
        refers = lexicon().pronouns.get(word.lower_)
        if refers is None:
            return None
        person = self.last_person
        gender = PRONOUN_GENDER.get(word.lower_)
        if refers in ("person", "any") and person is not None and word.lower_ not in PLURAL_PRONOUNS and (
            gender is None or person.gender in (None, gender)
        ):
            if gender and person.gender is None:
                person.gender = gender  # the text has told us
            return Speaker(person.name, person.organization, person.country, "pronoun", person.org,
                           phrase=word.text, gender=person.gender, away=person.away)
        if refers in ("org", "any") and self.last_org is not None and word.lower_ != "he" and word.lower_ != "she":
            org = self.last_org
            return Speaker(org.name, org.organization, org.country, "pronoun", org.org, phrase=word.text, away=org.away)
        return Speaker(None, None, None, "pronoun", phrase=word.text)

    def speaker(self, np: Span, head: Token, offset: int, how: str = "subject") -> Speaker | None:
        """Who the words name, typed: person, title, organisation, government, group, media,
        pronoun, or other (a report, a poll: a source all the same). The organisations file only
        tells where a body sits; it never decides whether there is a speaker."""
        lex = lexicon()
        if head.pos_ == "PRON" or (len(np) == 1 and np[0].lower_ in lex.pronouns):
            return self.pronoun(head) if head.lower_ in lex.pronouns else None
        persons = [whole_name(e) for e in np.ents if e.label_ == "PERSON" and not plural_name(e)]
        if not persons and (titled := titled_name(np) or aged_name(np, head)) is not None:
            persons = [titled]
        if not persons and len(np) <= 3 and all(t.pos_ == "PROPN" or t.is_title for t in np) and (
                self.people.recall(np.text)):
            persons = [np]  # a person named earlier in this document, whatever the model calls the name now
        org = find_organisation(np.text)
        nationality = self.country_of(np, offset, places=False, topics=True)
        if org is not None and org.country and nationality and nationality != org.country:
            org = None  # "the Chadian defence ministry" is not the listed body of another country
        org_ents = [e for e in np.ents if e.label_ == "ORG" and not lex.media.search(e.text)
                    and not any(p.start < e.end and e.start < p.end for p in persons)]
        media = lex.media.search(np.text) is not None
        country = self.country_of(np, offset, places=how != "according-to")
        if persons:
            name = max(persons, key=len).text
            known = self.people.recall(name)
            if known and known.name and len(known.name.split()) >= len(name.split()):
                name = known.name  # one spelling per person in a document: the first full one seen
            organization = org.name if org else (org_ents[0].text if org_ents else government_phrase(np))
            country = country or (org.country if org else None) or (known.country if known else None)
            if known and not org and not org_ents and known.organization:
                organization, org = known.organization, known.org
            if country is None and org is None and not org_ents and self.last_org is not None:
                # "the navy said ... a navy spokeswoman, Ana Ruiz, said": the same body
                named = f"{self.last_org.organization or ''} {self.last_org.phrase}"
                shared = {t.lower_ for t in np} & set(fold(named).split()) & lex.government_nouns
                if shared:
                    organization, org, country = self.last_org.organization, self.last_org.org, self.last_org.country
            gender = known.gender if known else TITLE_GENDER.get(np[0].lower_.rstrip("."))
            away = bool(known and known.away) or named_away(np)  # "Ruiz said", after "Ana Ruiz, the exiled leader"
            return Speaker(name, organization, country, "person", org, phrase=np.text, gender=gender, away=away)
        if org is not None:
            return Speaker(None, org.name, country or org.country, "organisation", org, phrase=np.text)
        if media and not org_ents:
            return Speaker(None, np.text, self.country_of(np, offset, places=False), "media", phrase=np.text)
        places = self.resolutions_in(offset + np.start_char, offset + np.end_char)
        head_place = [r for r in places if r.place is not None
                      and r.place.kind in (PlaceKind.COUNTRY, PlaceKind.CITY, PlaceKind.LANDMARK)
                      and r.mention.start <= offset + head.idx < r.mention.end]
        if head_place:  # the place is the speaker: "Norway said", "Moscow has denied"
            place = head_place[0].place
            assert place is not None
            return Speaker(None, place.name, place.country_code or None, "government", phrase=np.text)
        if org_ents:
            return Speaker(None, org_ents[0].text, country, "media" if media else "organisation", phrase=np.text)
        word = head.lemma_.lower()
        if word in lex.government_nouns and country:
            return Speaker(None, government_phrase(np) or np.text, country, "government", phrase=np.text)
        if word in lex.titles or head.lower_ in lex.titles:
            return Speaker(None, None, country, "title", phrase=np.text)
        if (head.pos_ == "NOUN" and head.tag_ == "NNS") or any(plural_name(e) for e in np.ents if e.label_ == "PERSON"):
            return Speaker(None, None, country, "group", phrase=np.text)  # "officials", "the Zorbas"
        if head.pos_ in ("NOUN", "PROPN"):
            return Speaker(None, None, country, "other", phrase=np.text)
        aged = head.lower_ == "old" and any(t.lower_ in ("year", "years") for t in np) and any(
            c.dep_ == "det" for c in head.children)
        if head.pos_ == "ADJ" and (aged or head.lower_ in lex.speaker_nouns):
            # an age standing for a person ("said the 52-year-old"; not "the latest said"); a speaker's
            # noun the tagger took for an adjective in a headline ("..., official says")
            return Speaker(None, None, country, lex.speaker_nouns.get(head.lower_, "title"), phrase=np.text)
        partitive = lex.partitive_speakers.get(head.lower_) or ("group" if head.like_num else None)
        if partitive and any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children):
            # "one of the witnesses", "one of them": one person; "three of the soldiers", "several of them"
            return Speaker(None, None, country, partitive, phrase=np.text)
        return None

    def where(self, sent: Span, offset: int, speaker: Speaker, cue: Token, words: Span,
              cues: set[int] | None = None) -> tuple[Place, str, Source | None] | None:
        """Where the statement was made, from evidence only, with its basis: a place the cue
        governs ("said in X", "addressing a rally in X") or that opens the sentence ("In X, ...");
        a place attached to the speaker ("the ministry in X", "the X-based group"); the seat of
        a known body; the dateline for a speaker who belongs there or has no affiliation; the
        capital of the speaker's country. None when the text gives none of these. ``cues``: the
        sentence's statement cues; a place below another speaker's cue is that speaker's."""
        start, end = offset + sent.start_char, offset + sent.end_char
        chain = [cue]
        while chain[-1].dep_ in ("conj", "advcl", "xcomp") and chain[-1].head.pos_ in ("VERB", "AUX"):
            chain.append(chain[-1].head)  # "visited X and told ...", "arrived in X, saying ..."
        governed = {t.i for t in chain[-1].subtree} | {t.i for t in words}
        mine = {t.i for t in chain}
        for r in self.resolutions_in(start, end) + self.referring_places(sent, offset):
            if r.place is None:
                continue
            before = self.text[max(start, r.mention.start - EXPLICIT_WINDOW) : r.mention.start]
            initial = self.text[start : r.mention.start]
            opening = SENTENCE_INITIAL_PLACE.match(initial) and self.text[r.mention.end : r.mention.end + 1] == ","
            token = sent.doc.char_span(r.mention.start - offset, r.mention.end - offset, alignment_mode="expand")
            if possessive(self.text, r.mention.start, r.mention.end):
                continue  # "a statement from X's ministry": X owns, it does not locate
            if opening and token is not None and _in_content(token.root, mine):
                # 'In X, they shelled ...," she said': a quotation carried on from the paragraph
                # before (its opening mark there) opens with X
                opening = None
            if opening or (explicit_before().search(before) and token is not None
                           and (self._owner(token.root, cues or {cue.i}) in mine | {None})
                           and token.root.i in governed and not _in_content(token.root, mine)):
                return r.place, "explicit", r.mention.source
        doc = sent.doc
        after = doc[words.end] if words.end < sent.end else None  # "according to the ministry there."
        trailing = after is not None and after.lower_ == "there" and (
            after.i + 1 == sent.end or doc[after.i + 1].is_punct)
        if trailing or any(t.lower_ == "there" and t.dep_ == "advmod" and t.head.i != cue.i for t in words):
            # "officials there", "the ministry there": the place named last before the speaker
            there = self.last_place_before(offset + words.start_char)
            if there is not None and there.place is not None:
                return there.place, "explicit", there.mention.source
        local: tuple[Place, str, Source | None] | None = None
        for r in self.resolutions_in(offset + words.start_char, offset + words.end_char):
            previous = self.text[max(start, r.mention.start - 12) : r.mention.start].split()
            if r.place is None:
                continue
            owner = possessive(self.text, r.mention.start, r.mention.end)
            if previous and previous[-1].lower() in lexicon().place_cue_directions:
                previous = previous[:-1]  # "officials in northern X": still in X
            if previous and previous[-1].lower() in ATTACHED and not owner:  # "officials in X said", not "from X's"
                return r.place, "explicit", r.mention.source
            token = sent.doc.char_span(r.mention.start - offset, r.mention.end - offset, alignment_mode="expand")
            if token is not None and not affiliation_word(token.root, words):
                continue  # "an analyst on X", "the X-backed militia": X is no affiliation
            if local is None and (self.text.startswith("-based", r.mention.end) or r.place.kind in LOCAL):
                # "the X-based monitor", "the X police chief": where the speaker belongs, not where
                # it spoke; but nearer than a capital
                local = (r.place, "affiliation", r.mention.source)
        # A body with a known seat speaks from it (the Pentagon, NATO) wherever the reporter is.
        if speaker.org is not None and speaker.org.seat:
            seat = self.gaz.best(speaker.org.seat)
            if seat is not None:
                return seat, "affiliation", None
        if local is not None:
            return local
        home = speaker.country
        # The dateline is where the reporter is: it places a speaker only of that country, or
        # one the text gives no affiliation at all.
        if self._dateline_place is not None and (home is None or home == self._dateline_place.country_code):
            return self._dateline_place, "dateline", self.dateline.place.source if self.dateline else None
        if home and not speaker.away and not named_away(words):
            # (not "opposition media", "exiled journalists", nor one named so before: of the country, not at its seat)
            capital = self.gaz.capital(home)
            if capital is not None:
                return capital, "affiliation", None
        return None


def named_away(words: Span) -> bool:
    """Whether the words name a speaker away from its country's seat ("opposition media", "the exiled
    leader", "rebel commanders": ``place_cues.jsonl``, class "away from the capital")."""
    away = lexicon().away_from_capital
    return any(w.lower_ in away or w.lemma_.lower() in away for w in words)


def exported_kind(speaker: Speaker, words: Span) -> str:
    """The kind a statement's speaker is exported as: the reader's own kind, made one of person,
    title, organisation, government, group, media or pronoun where the words say which. A plural
    is a group (but "the authorities" are the state); a role noun one person (a title); a listed
    body its own kind (a state's army: government); a noun of ``speaker_nouns.jsonl`` its kind (the
    ministry, the militia, the statement); a name of one to four capitalised words the model
    typed as nothing a person."""
    kind = speaker.kind
    if kind in ("person", "pronoun"):
        return kind
    lex = lexicon()
    head = words.root
    lemma, lower = head.lemma_.lower(), head.lower_
    if head.tag_ in ("NNS", "NNPS") and head.pos_ == "NOUN":
        return lex.speaker_nouns.get(lower) or "group"
    noun_kind = lex.speaker_nouns.get(lower) or lex.speaker_nouns.get(lemma)
    if lemma in lex.titles or lower in lex.titles or noun_kind == "title":
        return "title"
    if speaker.org is not None:
        return speaker.org.kind
    if noun_kind is not None:
        return noun_kind
    name = [t for t in words if not t.is_punct]
    if kind == "other" and head.pos_ == "PROPN" and 1 <= len(name) <= 4 \
            and all(t.is_title or t.lower_ in lex.name_particles for t in name) \
            and not any(e.label_ in ("ORG", "GPE", "NORP", "FAC", "LOC") for e in words.ents):
        return "person"  # "Okafor said", "Abu Tariq Nasser said": a name the model left untagged
    return kind
