"""The spaCy component that finds place mentions with the gazetteer's help.

Registered as the ``conflictmap_places`` factory (and exposed through the ``spacy_factories``
entry point, so spaCy imports this module only when a pipeline asks for it). It only annotates
the Doc: ``doc.spans["conflictmap_places"]``. Resolving a mention to a place is
:mod:`geo.resolve`'s job, outside spaCy.

What it does to the model's entities:

* keeps GPE/LOC/FAC entities that name a gazetteer place, trimmed of articles and possessives
  ("Norway's" -> "Norway") and of headline words ("Norway Sends Ships" -> "Norway"); other
  short GPE/LOC entities stay as unresolved mentions;
* recovers places the model mislabels (a town tagged PRODUCT, a region or an acronym of a state
  tagged ORG) when the gazetteer knows them as a notable place;
* extends a mention over a following region word ("Tver region") and over a preceding
  direction word when the gazetteer has the longer name ("northern Norway");
* never takes a PERSON entity of several words ("Paris Hilton", "Kim Jong Un").

Those rules' spans are candidates, as is every capitalised name (or part of one) the gazetteer
knows, whatever the model called it; the place model (:mod:`geo.nlp.place_model`) keeps or drops
each from its context, and :func:`choose` picks one span per word: the rules' kept spans first
(they decide how far a name reaches), then the gazetteer's, most probable first. ``decide=False``
keeps the rules' spans only, as before the model.
"""

from __future__ import annotations

import functools
import itertools
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, MorphAnalysis, Span, Token
from spacy.util import filter_spans

from conflictmap.gazetteer import Gazetteer, PlaceKind, fold, open_gazetteer
from conflictmap.gazetteer.borders import BEARINGS
from conflictmap.gazetteer.normalize import solid_key
from conflictmap.gazetteer.nouns import direction_words, place_nouns
from conflictmap.gazetteer.sources import without_arabic_article
from conflictmap.gazetteer.weights import WEIGHTS
from conflictmap.geo.lexicon import lexicon
from conflictmap.geo.nlp.place_model import GAZETTEER_SOURCE, capitalised_runs, features, place_model, sub_spans
from conflictmap.geo.organisations import find_organisation
from conflictmap.geo.reading.zones import CLOCK, is_wrapped_line, wrap_width
from conflictmap.geo.records import DEMONYM_LABEL, EMBEDDED_LABEL, IN_STORY_LABEL

SPAN_KEY = "conflictmap_places"
RESPELLING = 0.75  # how alike another spelling and a place's own name must be (:func:`_respelling`)
COUNTRIES_NAMED = "cm_countries_named"  # Doc.user_data key: the countries a text names (PlaceRecognizer)
# the particles inside one name ("Vila da Serra", "Ciudad del Este"): unlike "of" ("University of
# Kent"), what follows them is no name of its own
NAME_PARTICLE_JOINERS = frozenset({"da", "de", "del", "do", "la", "le", "el", "al"})
# the place a facility is named after when the name may be a person's ("Camp X"): resolution keeps it
# only in a country the story names (geo.places)
EMBEDDING_LABELS = frozenset({"ORG", "FAC", "EVENT", "WORK_OF_ART", "PRODUCT"})
TIME_LABELS = frozenset({"DATE", "TIME"})
# what the model calls an unknown village it takes for a thing ("entered X", X a product)
THING_LABELS = ("PRODUCT", "WORK_OF_ART")
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# what the model may call a place's name it does not know: nothing, a person, a thing; a body or a
# people only where the text says it is a place ("the town of X", "the X air base")
UNTAGGED_LABELS = ("", "PERSON", "ORG", "NORP", *THING_LABELS)
# a name of several words the model took for a person's, kept as a movement's end ("crossed into X Y"):
# no place is named after its first word, as "Paris Hilton" is not in Paris (geo.places)
PERSON_NAMED = "PERSON"
RECOVER_LABELS = ("ORG", "PRODUCT", "NORP", "PERSON", "EVENT", "WORK_OF_ART", "LAW", "FAC")
NOTABLE_KINDS = frozenset(
    {
        PlaceKind.COUNTRY,
        PlaceKind.ADMIN1,
        PlaceKind.REGION,
        PlaceKind.WATER,
        PlaceKind.CONTINENT,
        PlaceKind.LANDMARK,
        PlaceKind.CITY,
    }
)
AREA_KINDS = frozenset({PlaceKind.COUNTRY, PlaceKind.ADMIN1, PlaceKind.REGION, PlaceKind.WATER, PlaceKind.CONTINENT})
ALTERNATE_NAME = 2  # gazetteer.sources.NameType.ALTERNATE
_STRIP_RIGHT = frozenset({"'s", "’s", "'", "’"})


@Language.component("conflictmap_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every line break, before the parser runs: scraped pages put
    headings and captions without a full stop on their own lines, and the parser would
    otherwise glue them to the next sentence. In hard-wrapped text a break made by the wrapping
    (``geo.reading.zones.is_wrapped_line``) is only a space. A live blog's time stamp opening a
    line ("14:50 GMT", a dash) is a sentence of its own.

    Set in one array write: ``Token.is_sent_start = True`` scans the whole Doc on every call,
    which made a text of many short lines quadratic."""
    from spacy.attrs import SENT_START

    width = wrap_width(doc.text)
    # a paragraph parsed on its own opens with its stamp ("14:50 GMT - Navy: ...")
    starts = [first] if len(doc) and (first := _after_time_stamp(doc, 0)) is not None else []
    for token in doc[1:]:
        prev = doc[token.i - 1]
        if prev.text == ";" and token.i + 1 < len(doc) and not token.is_punct:
            starts.append(token.i)  # "X says A; residents try B": two clauses, each with its own verb
            continue
        if not ("\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text)):
            continue
        at = prev.idx if prev.is_space else prev.idx + len(prev.text)
        if is_wrapped_line(doc.text[doc.text.rfind("\n", 0, at) + 1 : at], width):
            continue  # the wrapping's break: the parser decides, as at a space
        if not token.is_lower:  # a lower-case start continues a sentence the scraper broke
            starts.append(token.i)
        after = _after_time_stamp(doc, token.i)
        if after is not None:
            starts.append(after)
    if starts:
        array = doc.to_array([SENT_START])
        array[starts] = 1
        doc.from_array([SENT_START], array)  # type: ignore[arg-type]  # uint64 from to_array
    return doc


def _headline_verb(word: str, verbs: frozenset[str] | None = None) -> str | None:
    """The verb a third-person form is of, when headlines use it ("sails", "pushes", "ferries"), or None."""
    verbs = lexicon().headline_verbs if verbs is None else verbs
    stems = (word[:-1], word[:-2], word[:-3] + "y") if word.endswith("s") else ()
    return next((stem for stem in stems if stem in verbs), None)


def _force_word(word: str) -> bool:
    """A force word, singular or plural, read before the lemmatizer has run."""
    lex = lexicon()
    forms = (word, word[:-1], word[:-3] + "y") if word.endswith("s") else (word,)  # "companies"
    return any(w in lex.forces or w in lex.conditional_forces for w in forms)


@Language.component("conflictmap_headline_verbs")
def headline_verbs(doc: Doc) -> Doc:
    """Mend a headline's verb the parser read as a noun: "Navy frigate sails to X", "Guard battalion
    heads to X". In a line with no other verb the small model takes the third-person motion verb
    for a plural noun (or makes the force a compound of it), and the force has no subject relation.
    When a force word is followed by such a verb (``headline_verb`` in ``motion.jsonl``) and then a
    preposition that gives a movement's destination ("to", "into", "toward"), it becomes the verb and
    the force its subject. "Army heads from four nations met" keeps its noun: "from" gives no
    destination. After a plural force the verb's own form counts too, and with a verb that stations
    forces "in" and "at" do ("Special forces land in X", "Patrol ship docks at X"), unless the noun is
    a later verb's subject ("Navy docks at X were flooded"). Any name the parser already made the
    word's subject counts as well ("X's RSF pushes toward Y"): whether it is a force, the movement
    patterns decide. The verb's own form keeps its last "s" ("Rebels cross into X": cross).

    A force word the tagger took for an adjective ("Japan sends frigate to X": a headline drops the
    article) is made a noun. Two misreadings are mended anywhere in the text: a vehicle "mounted
    with" its load read as the clause's verb (:func:`_mend_loaded_subject`), and a name set off by
    commas after a kind noun hung elsewhere (:func:`_mend_apposed_names`).

    Runs after the attribute ruler and before the lemmatizer, so the mended word gets a verb's lemma."""
    lex = lexicon()
    for word in doc:
        if word.tag_ == "JJ" and _force_word(word.lower_):
            word.pos_, word.tag_ = "NOUN", "NN"
    for word in doc:
        _mend_loaded_subject(word)
    _mend_apposed_names(doc)
    for word in doc[1:-1]:
        sending = _headline_verb(word.lower_, _sending_verbs())  # "X ships troops to Y"
        if sending is None and word.lower_ in _sending_verbs() and word.tag_ in ("NN", "JJ") \
                and doc[word.i - 1].tag_ in ("NNS", "NNPS"):
            sending = word.lower_  # "Rebels mass fighters outside Y": a plural sender and the verb's own form
        if sending is None and word.lower_ not in lex.headline_verbs:
            continue  # most words: no verb a headline sends or moves with
        force, after = doc[word.i - 1], doc[word.i + 1]
        verb = _headline_verb(word.lower_)
        if verb is None and word.lower_ in lex.headline_verbs and force.lower_.endswith("s"):
            verb = word.lower_  # "Special forces land in X": a plural force and the verb's own form
        sent = _past_sizes(doc, word.i + 1)  # "ships 400 more paratroopers to X": the force after its size
        if sending is not None and sent + 1 < len(doc) and _force_word(doc[sent].lower_) and _mend_sending(
                word, sending, doc[sent], doc[sent + 1]):  # "Army airlifts troops to X"
            continue
        own_form = verb == word.lower_
        # "Frigate transits X", "Corvette enters X": a verb whose object is the place, then a name
        names_next = after.is_title and verb in (lex.object_is_destination | lex.object_is_via)
        if verb is None or not (names_next or lex.roles.get(after.lower_) in ("destination", "via")
                                or (after.lower_ == "for" and verb in lex.for_destination)  # "heads for X"
                                or (after.lower_ in ("in", "at")  # "forces land in X", "frigate docks at X"
                                    and verb in lex.weak_destination_triggers)):
            continue
        # "Iranian frigate X sails into Y": a ship named after its class noun is the force
        named_ship = (force.is_title and force.i - 1 >= word.sent.start and not _force_word(force.lower_)
                      and _force_word(doc[force.i - 1].lower_))
        # "X's RSF pushes toward Y": the parser made the name before the word its subject, which only
        # a verb has; whether that name is a force the movement patterns decide
        subject = force.dep_ == "nsubj" and force.head.i == word.i and word.dep_ == "ROOT"
        if force.i < word.sent.start or not (_force_word(force.lower_) or named_ship or subject):
            continue  # the force ends the sentence before: never tie two sentences' trees
        if word.dep_ in ("nsubj", "nsubjpass") and word.head.i > word.i and not (names_next and word.head.i == after.i):
            continue  # "Navy docks at X were flooded": the noun is a later verb's subject (not the name after it)
        read_as_noun = word.tag_ in ("NNS", "NNPS") or (own_form and word.tag_ == "NN")
        no_subject = word.tag_ == "VBZ" and force.head.i == word.i and force.dep_ != "nsubj"
        if not (read_as_noun or no_subject):
            continue
        for token in doc[word.sent.start : force.i]:
            if token.head.i == word.i:  # "French frigate": the modifiers hang on the force
                token.head = force
        if force.is_ancestor(word):  # "X frigates reposition to Y" parsed as a verb "frigates" and its
            # object: the word takes the force's place in the tree, or the tree would be a cycle
            word.head, word.dep_ = (word, "ROOT") if force.head.i == force.i else (force.head, force.dep_)
        if names_next:  # "transits" read as a noun before the name after it: the name is its object
            if after.is_ancestor(word):  # the verb takes the name's place in the tree: never a cycle
                word.head, word.dep_ = (word, "ROOT") if after.head.i == after.i else (after.head, after.dep_)
            after.head, after.dep_ = word, "dobj"
        force.head, force.dep_ = word, "nsubj"
        if force.tag_ == "VBZ":  # "frigates" tagged as the verb: a plural noun, so the lemmatizer finds "frigate"
            force.pos_, force.tag_ = "NOUN", "NNS"
            force.morph = MorphAnalysis(force.vocab, {"Number": "Plur"})
        elif force.pos_ not in ("NOUN", "PROPN"):
            force.pos_, force.tag_ = "NOUN", "NN"  # "frigate" tagged as an adjective of the verb
        _as_verb(word, own_form=own_form)
    return doc


# participles that say what a vehicle or boat carries ("trucks mounted with rockets", "boats packed with men")
_LOADED = frozenset({"mounted", "armed", "loaded", "laden", "packed", "crammed", "fitted", "equipped", "filled"})


def _mend_loaded_subject(word: Token) -> None:
    """ "Trucks mounted with rockets left X", "(officials said) pickups mounted with cannons were
    seen leaving X": the parser reads the participle as the clause's verb and the real verb as a
    clause on the load ("guns left X") or a conjunct. The real verb becomes the clause's, the
    participle a clause on its subject again."""
    if word.lower_ not in _LOADED or word.dep_ not in ("ROOT", "ccomp") or word.tag_ not in ("VBD", "VBN"):
        return
    subject = next((c for c in word.children if c.dep_ == "nsubj" and c.i < word.i), None)
    load = next((p for c in word.children if c.dep_ == "prep" and c.lower_ == "with"
                 for p in c.children if p.dep_ == "pobj"), None)
    if subject is None or load is None:
        return
    # a verb after the load, in the past or with its auxiliary ("were seen"), hung on the load or on the participle
    verb = min([c for c in (*load.children, *word.children) if c.i > load.i and (
        c.tag_ == "VBD" or (c.tag_ == "VBN" and any(a.dep_ in ("aux", "auxpass") for a in c.children))) and (
        c.dep_ == "acl" if c.head.i == load.i else c.dep_ in ("conj", "advcl"))], key=lambda c: c.i, default=None)
    if verb is None:
        return
    for child in [c for c in word.children if c.i > verb.i]:  # the full stop, a clause after the verb
        child.head = verb
    if word.dep_ == "ROOT":
        verb.head, verb.dep_ = verb, "ROOT"
    else:
        verb.head, verb.dep_ = word.head, word.dep_
    subject.head, subject.dep_ = verb, "nsubjpass" if any(a.dep_ == "auxpass" for a in verb.children) else "nsubj"
    before = word.doc[word.i - 1]  # "scores of lorries mounted with cannons": the participle is the lorries'
    owner = before if before.pos_ in ("NOUN", "PROPN") and subject.is_ancestor(before) else subject
    word.head, word.dep_ = owner, "acl"
    word.tag_ = "VBN"


def _mend_apposed_names(doc: Doc) -> None:
    """ "withdrew from the regional capital, X, on Monday": a name set off by commas after a kind
    noun ("capital", "town", "district") is that noun's apposition, however the parser hung it (a name
    it took for a person's is hung on the comma or the next verb)."""
    kinds = place_nouns().kind_of | lexicon().capital_nouns
    for comma in doc[2:-1]:
        kind = doc[comma.i - 1]
        if comma.text != "," or kind.dep_ not in ("pobj", "dobj") or kind.lower_ not in kinds:
            continue
        end = comma.i + 1
        while end < len(doc) and doc[end].is_title and doc[end].pos_ == "PROPN":
            end += 1
        if end == comma.i + 1 or (end < len(doc) and doc[end].text not in (",", ".", ";")):
            continue  # no name, or one that goes on ("the capital, X said")
        run = doc[comma.i + 1 : end]
        root = run.root
        if root.head.i == kind.i or root.is_ancestor(kind):
            continue  # already its apposition; or the tree would be a cycle
        root.head, root.dep_ = kind, "appos"


def _only_as_an_end(span: Span) -> bool:
    """Whether every time the text names this one-word name it is a preposition's object ("withdrew
    from X", "moved to X") or the object of a verb whose object is an end ("entered X", "reached X";
    not "crossed X", whose bare name is mostly a river's): a body is also a subject, an owner or a
    qualifier somewhere ("X said", "X's fighters", "X fighters"), a town the model took for one need
    not be."""
    if len(span) != 1:
        return False
    lex = lexicon()
    ends = (lex.object_is_destination | lex.object_is_origin) - lex.water_object_is_via
    return all(t.dep_ == "pobj" or (t.dep_ == "dobj" and t.head.pos_ == "VERB" and t.head.lemma_.lower() in ends)
               for t in span.doc if t.text == span.text)


def _qualifies_a_force(span: Span) -> bool:
    """ "Federal troops", "National forces": a word that names a place somewhere but is mostly just a
    word (``generic_words.jsonl``), qualifying a force noun: whose forces they are, no place."""
    word = span[0]
    return len(span) == 1 and word.lower_ in lexicon().generic_words and word.dep_ in ("amod", "compound", "nmod") \
        and word.head.i == word.i + 1 and _force_word(word.head.lower_)


def _names_a_ship(span: Span) -> bool:
    """A place name after a warship's prefix is the ship's name ("the BRP X", "USS Y"), no place."""
    before = span.doc[span.start - 1] if span.start > 0 else None
    return (before is not None and before.is_upper and before.lower_ in lexicon().vessel_prefixes
            and not span[0].is_upper)  # not "TO ITS ODESA BASE" in a headline set in capitals


@functools.cache
def _sending_verbs() -> frozenset[str]:
    """The verbs a headline sends a force with: its motion verbs and the verbs that convey ("ships")."""
    return lexicon().headline_verbs | lexicon().conveyance_verbs


@functools.cache
def _size_words() -> frozenset[str]:
    """One-word sizes of ``size_words.jsonl``: amounts, magnitudes, "more", "additional"."""
    sizes = lexicon().size_words
    return frozenset(w for cls in ("amount", "magnitude", "more") for w in sizes.get(cls, ()) if " " not in w) - {"of"}


def _past_sizes(doc: Doc, i: int, most: int = 3) -> int:
    """The index of the first word from ``i`` that says no size (a number, "thousands", "more"), at
    most ``most`` words on."""
    words = _size_words()
    j = i
    while j < min(len(doc), i + most) and (doc[j].like_num or doc[j].lower_ in words):
        j += 1
    return j


def _as_verb(word: Token, *, own_form: bool) -> None:
    """Make the word a present-tense verb: its own form ("Rebels mass troops", a plural subject) or a
    third-person one ("Army rushes troops"). The morphology goes with the tag, as the lemmatizer reads
    it: the own form keeps its last "s" ("mass", not "mas")."""
    word.pos_, word.tag_ = "VERB", "VBP" if own_form else "VBZ"
    word.morph = MorphAnalysis(word.vocab, {"Tense": "Pres", "VerbForm": "Fin"} if own_form
                               else {"Number": "Sing", "Person": "3", "Tense": "Pres", "VerbForm": "Fin"})


def _mend_sending(word: Token, verb: str, force: Token, prep: Token) -> bool:
    """ "Army airlifts troops to X", "Navy rushes frigates into X": a headline verb read as a noun
    between its sender and the force it sends, before a preposition giving the destination. The word
    becomes the verb, the word before it (a name or a noun of the same line) its subject, the force
    its object and the preposition its own."""
    lex = lexicon()
    doc, sender = word.doc, word.doc[word.i - 1]
    if not (lex.roles.get(prep.lower_) == "destination" or (prep.lower_ == "for" and verb in lex.for_destination)
            or (prep.lower_ in lex.weak_destination and verb in lex.weak_destination_triggers)):  # "mass X near Y"
        return False
    # the verb's own form ("Rebels mass fighters ..."): :func:`headline_verbs` took it after a plural sender
    if sender.i < word.sent.start or sender.pos_ not in ("NOUN", "PROPN") or not (
            word.tag_ in ("NNS", "NNPS") or word.lower_ == verb):
        return False
    # the word takes the force's place in the tree, unless the force hangs on, or below, a word the
    # mend hangs on the verb (a cycle)
    moved = (word, sender, force, prep)
    head, dep = (force.head, force.dep_) if not any(
        x.i == force.head.i or x.is_ancestor(force.head) for x in moved) else (word, "ROOT")
    for token in doc[word.sent.start : sender.i]:
        if token.head.i == word.i:  # "Somali army": the modifiers hang on the sender
            token.head = sender
    word.head, word.dep_ = head, dep
    _as_verb(word, own_form=word.lower_ == verb)
    sender.head, sender.dep_ = word, "nsubj"
    force.head, force.dep_ = word, "dobj"
    prep.head, prep.dep_ = word, "prep"
    return True


_ZONE_WORDS = frozenset({"gmt", "utc", "bst", "cet", "est", "et", "local", "time", "am", "pm", "a.m.", "p.m."})
_DASHES = frozenset({"–", "—", "-", "|"})


def _after_time_stamp(doc: Doc, i: int) -> int | None:
    """The token after a live blog's time stamp opening a line ("14:50 GMT", a dash, "X says"), which
    starts a sentence of its own: the stamp is no part of what follows. None when the line opens
    with no such stamp."""
    if not CLOCK.fullmatch(doc[i].text):
        return None
    j = i + 1
    while j < len(doc) and doc[j].lower_ in _ZONE_WORDS:
        j += 1
    if j + 1 < len(doc) and doc[j].text in _DASHES and not doc[j + 1].is_space:
        return j + 1
    return None


@Language.factory(
    "conflictmap_places",
    default_config={"gazetteer": None, "recover_labels": list(RECOVER_LABELS), "min_prior": WEIGHTS.notable_prior,
                    "decide": True},
)
def make_place_recognizer(
    nlp: Language, name: str, *, gazetteer: str | None, recover_labels: list[str], min_prior: float, decide: bool
) -> PlaceRecognizer:
    return PlaceRecognizer(gazetteer=gazetteer, recover_labels=recover_labels, min_prior=min_prior, decide=decide)


class PlaceRecognizer:
    """Annotate ``doc.spans["conflictmap_places"]``; labels are the model's, or ``RECOVERED``."""

    def __init__(
        self,
        *,
        gazetteer: str | None = None,
        recover_labels: list[str] | tuple[str, ...] = RECOVER_LABELS,
        min_prior: float = WEIGHTS.notable_prior,
        decide: bool = True,
    ) -> None:
        """``decide``: candidates from the rules and from the gazetteer are kept or dropped by the
        place model (:mod:`geo.nlp.place_model`); False keeps the rules' spans only, as they are."""
        self.gazetteer_path = gazetteer
        self.recover_labels = frozenset(recover_labels)
        self.min_prior = min_prior
        self.decide = decide
        self._gaz: Gazetteer | None = None

    def use(self, gaz: Gazetteer) -> PlaceRecognizer:
        """Use this open gazetteer (conflictmap's pipeline hands over its own; one per process)."""
        self._gaz = gaz
        return self

    @property
    def gaz(self) -> Gazetteer:
        """The gazetteer handed over by :meth:`use`, else the configured path opened on first use
        (a spaCy pipeline built from config alone)."""
        if self._gaz is None:
            self._gaz = open_gazetteer(Path(self.gazetteer_path) if self.gazetteer_path else None)
        return self._gaz

    def _matches(self, text: str) -> tuple[tuple[Any, int], ...]:
        key = fold(text)
        found = self.gaz._lookup(key) if key else ()
        if not found and (solid := solid_key(text)):
            found = self.gaz._lookup(solid)  # "Petion-Ville": Petionville
        return found

    def _notable(self, text: str, kinds: frozenset[PlaceKind] = NOTABLE_KINDS, min_prior: float | None = None,
                 *, alternate: bool = True) -> bool:
        """Whether ``text`` names a place of ``kinds`` with at least ``min_prior``; by one of its own
        names only (not a GeoNames alternate name) unless ``alternate``."""
        floor = self.min_prior if min_prior is None else min_prior
        return any(p.kind in kinds and p.prior >= floor and (alternate or _own_name(p, name_type, text))
                   for p, name_type in self._matches(text))

    def _embedded(self, span: Span) -> Span | None:
        """A notable place opening an organisation's name ("Toronto" in "Toronto Police",
        "New York" in "New York Times"): a mention the benchmarks count; the map does not draw it."""
        rest = {t.lower_ for t in span[1:]}
        if len(span) < 3 and not rest & lexicon().organisation_words:
            return None  # "Paris Hilton": two capitalised words are as likely a person as a body
        for size in range(min(3, len(span) - 1), 0, -1):
            part = span.doc[span.start : span.start + size]
            if _club(span, part):
                return None
            if part.text.lower() not in lexicon().generic_words and (part[0].is_title or part[0].is_upper) \
                    and not _fragment(part) and self._notable(part.text):
                return Span(span.doc, part.start, part.end, label=EMBEDDED_LABEL)
        return None

    def __call__(self, doc: Doc) -> Doc:
        rules, trusted = self.rule_spans(doc)
        if not self.decide:
            doc.spans[SPAN_KEY] = filter_spans(rules)
            return doc
        model = place_model()
        doc.spans[SPAN_KEY] = choose(
            [(1.0 if (span.start, span.end) in trusted or self._moved_to(span) else model.probability(found),
              span, source)
             for span, found, source in self.candidates(doc, rules)
             # a place is named with a capital: "retreated into the bush" is no town named Bush
             if not _names_a_ship(span) and any(t.text[:1].isupper() for t in span)], model.threshold)
        return doc

    def _moved_to(self, span: Span) -> bool:
        """A place named as where a movement goes or starts (:meth:`_movement_end`): a town of some
        size, a town of any size the gazetteer knows by this name or another spelling in a country the
        text names (the model takes a small town for a person or a body: "sent troops to X"; not "sent
        fighters to Wagner", a town of another country), a place the gazetteer lacks that the text
        calls one, or the X of "the town of X"."""
        moved, owner = self._movement_end(span)
        # the parse first (most names are no end of a movement), the gazetteer only then
        return moved and span.text.lower() not in lexicon().generic_words and not _fragment(span) and (
            self._town(span.text, alternate=not owner) or self._unlisted_place(span)
            or (not owner and self._unlisted_end(span))
            or (not owner and (span.root.ent_type_ != "ORG" or _only_as_an_end(span)) and any(
                p.kind is PlaceKind.CITY and p.country_code in self._countries_named(span.doc)
                and (_own_name(p, name_type, span.text) or _respelling(p, span.text))
                for p, name_type in self._matches(span.text)))
            or (bool(self._matches(span.text)) and _named_as_place(span)))  # "the town of X", X a small town

    def _countries_named(self, doc: Doc) -> frozenset[str]:
        """The countries the text being parsed names: by a place the model tags, a nationality word, or
        a country or first-order region it took for a body ("Sinaloa's governor"). Read once per text."""
        if COUNTRIES_NAMED not in doc.user_data:
            codes = set()
            for e in doc.ents:
                if e.label_ not in ("GPE", "LOC", "NORP", "ORG", "PERSON"):
                    continue
                best = self.gaz.best(e.text)
                if e.label_ in ("ORG", "PERSON") and (
                        best is None or best.kind not in (PlaceKind.COUNTRY, PlaceKind.ADMIN1)):
                    continue  # a country the model took for a body or a person ("northern X" read as a name)
                code = self.gaz.demonym_country(e.text) or (best.country_code if best is not None else None)
                if code:
                    codes.add(code)
            doc.user_data[COUNTRIES_NAMED] = tuple(sorted(codes))  # not a set: a Doc's user data is serialised
        return frozenset(doc.user_data[COUNTRIES_NAMED])

    def _movement_end(self, span: Span) -> tuple[bool, bool]:
        """Whether the span is named as where a movement goes or starts: the object of a strong place
        preposition on a motion word ("advanced toward X", "withdrew from X", "closing in on X" for a
        word that goes "on" a place) or of a verb whose object is an end or a way through ("reached
        X", "fled X", "passed X"), also through a site or place noun ("to the X front", "toward the
        stronghold of X") and a light verb ("continued its offensive on X"). The model, fitted on
        general news, doubts a lone name the parser took for a person or a body; a force moving to it
        says it is a place. Also whether a body's name stands before the site ("a X training camp"),
        which then is the body's, not a town's other name."""
        lex = lexicon()
        doc = span.doc
        if any(0 <= i < len(doc) and doc[i].pos_ == "PROPN" and doc[i].is_title for i in (span.start - 1, span.end)):
            return False, False  # part of a longer name ("Ali" of "Nad Ali"): the model judges the whole
        if (kind_noun := kind_set_beside(span)) is not None and _stranded_motion(kind_noun):
            return True, False  # "X, the town the militia pulled back from"
        sites = _site_words()
        tok = span.root
        kind = _compound_head(tok) if tok.dep_ == "compound" else tok.head  # "the X border crossing"
        if tok.dep_ in ("compound", "nmod", "appos") and (kind.lemma_.lower() in sites or kind.lower_ in sites
                                                  or kind.lower_ in lex.water_words
                                                  or kind.lower_ in lex.name_heads):
            tok = kind  # "to the X front", "crossed the X river", "from the provincial capital, X"
        # "a X training camp": a body's name before a site is the body's, not a town it is another name of
        # (not "the X axis", "the X sector": a stretch of a front is named after its town)
        owner = tok.i != span.root.i and span.root.ent_type_ == "ORG" and tok.lower_ not in lex.sector_nouns
        tok = site_holding(tok)  # "toward the stronghold of X", "to bases in X", "into farmland near X"
        if tok.dep_ == "dobj" and tok.head.pos_ in ("VERB", "AUX"):  # "reached X", "fled X"
            moved = tok.head.lemma_.lower() in lex.object_is_destination | lex.object_is_origin | lex.object_is_via
        elif tok.tag_ == "VB" and tok.dep_ == "advcl" and tok.head.lemma_.lower() in lex.motion_verbs and any(
                c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children):
            moved = True  # "withdrew from X to Y": the parser took the name for an infinitive's verb
        elif tok.dep_ == "pobj" and tok.head.dep_ in ("prep", "dative"):  # "sent troops to X": a dative "to"
            prep, word = tok.head, tok.head.head
            out_of = prep.lower_ == "of" and word.lower_ == "out"  # "pulled out of X": from X
            if out_of:
                prep, word = word, word.head
            beside = prep.lower_ == "of" and word.lower_ in BEARINGS and word.head.pos_ == "VERB"
            if beside or (word.dep_ in ("advmod", "prt") and word.pos_ in ("ADV", "ADP") and word.head.pos_ == "VERB"):
                word = word.head  # "moved north of X": to that side of X; "pulled back toward X"
            if word.pos_ in ("VERB", "AUX") and word.lemma_.lower() in lex.light_verbs:
                word = next((c for c in word.children if c.dep_ == "dobj"), word)  # "continued its offensive on X"
            moved_thing = word
            while (moved_thing.dep_ == "conj" and moved_thing.head.i != moved_thing.i) or (
                    moved_thing.dep_ == "pobj" and moved_thing.head.lower_ == "of"):
                # "(and crews)", "a column of trucks toward X": the noun the verb moves
                moved_thing = moved_thing.head if moved_thing.dep_ == "conj" else moved_thing.head.head
            if word.pos_ in ("NOUN", "PROPN") and moved_thing.dep_ == "dobj" and moved_thing.head.pos_ == "VERB" \
                    and moved_thing.head.lemma_.lower() in lex.motion_verbs:
                word = moved_thing.head  # "shifted guns (and crews) toward X": the parser hangs X on the guns
            # "jets from X flew over Y": where the force that moves comes from
            if prep.lower_ == "from" and word.pos_ == "NOUN" and _force_word(word.lower_) \
                    and word.dep_ in ("nsubj", "nsubjpass", "dobj") and word.head.pos_ == "VERB":
                word = word.head
            lemma = word.lemma_.lower()
            moves = ((word.pos_ in ("VERB", "AUX") and lemma in lex.motion_verbs)
                     or (word.pos_ == "NOUN" and lemma in lex.motion_nouns))
            moved = moves and (out_of or beside or prep.lower_ in lex.roles
                               or (prep.lower_ == "on" and lemma in lex.on_destination)
                               or (prep.lower_ == "for" and lemma in lex.for_destination)  # "left X for Y"
                               or _at_or_in(prep))  # "landed at X", "deployed in X"
        else:
            moved = False
        return moved, owner

    def _unlisted_end(self, span: Span) -> bool:
        """A name the gazetteer lacks, governed by a preposition that says where a force goes, starts or
        arrives ("sent troops to X", "withdrew from X", "landed at X", "deployed in X"; not "on",
        "near" on their own, though a noun they place takes its own preposition's role: "withdrew from
        farms near X", :func:`site_holding`) after a motion word (:meth:`_movement_end` has checked
        it), or the object of a verb whose object is an end when a force is its subject ("the rebels entered X";
        not "medics evacuated X"), which the model took for a person or a thing, not a body: a village
        too small for the gazetteer. Not a name the text also gives a person's title ("General X") or
        makes a subject ("X said"). A name of several words the model calls a person's only where no
        person can be the end: not after the "to" of a verb that sends to whom ("sent troops to Ahmed
        X"), nor as what a force evacuates or leaves; "crossed into X Y", "reached X Y" name a place."""
        lex = lexicon()
        tok = span.root
        labelled = tok.ent_type_ not in ("", "PERSON", *THING_LABELS) and not _body_gone_into(span)
        if labelled or self._matches(span.text) \
                or not all(t.is_title or t.lower_ in NAME_PARTICLE_JOINERS for t in span if t.is_alpha):
            return False
        full_name = tok.ent_type_ == "PERSON" and len(span) > 1  # the model's person: "evacuated Ahmed X"?
        tok = site_holding(tok)  # "reached the outskirts of X", "withdrew from farms near X": the site's role
        if tok.dep_ == "dobj":  # "entered X", "abandoned X": only where a force does it ("evacuated Ahmed")
            if not _moved_by_force(tok.head) or (
                    full_name and tok.head.lemma_.lower() not in lex.object_is_destination):
                return False  # a force reaches or enters no person; it may evacuate or leave one
        elif tok.dep_ != "pobj":
            return False
        else:
            prep = tok.head
            strong = prep.lower_ in ("to", "into", "toward", "towards", "from", "via", "through") or (
                prep.lower_ == "of" and prep.head.lower_ in ("out", *BEARINGS)) or _at_or_in(prep) or _on_a_place(tok)
            if not strong or not any(_force_word(t.lower_) for t in span.sent):
                return False
            if full_name and prep.lower_ == "to" and _to_whom(prep):
                return False  # "sent troops to Ahmed X": a person's full name, where a verb may send to whom
        doc = span.doc
        if (span.start > 0 and doc[span.start - 1].pos_ == "DET" and not _the_river(span)) or (
                span.end < len(doc) and doc[span.end].like_num):
            return False  # "to the Stone Age", "the build-up to Exercise X 25": no village's name
        if span.start > 0 and doc[span.start - 1].lower_ in lex.titles:
            return False  # "to General X": a person
        return not any(t.text == span[-1].text and t.i != span.end - 1 and (  # "X said", "General X" elsewhere
            t.dep_ in ("nsubj", "nsubjpass") or (t.i > 0 and doc[t.i - 1].lower_ in lex.titles)) for t in doc)

    def _unlisted_place(self, span: Span) -> bool:
        """A name the gazetteer has nothing for that the text itself calls a place: the model's place
        entity, or the X of "the town of X", "X, a village" or "the X area". Such an end of a
        movement is kept as an unresolved mention (listed, not drawn): a village too small for the
        gazetteer."""
        def name_word(t: Token) -> bool:  # "X district", "al-X", "X river": a name, its particle, its kind
            return t.is_title or t.is_upper or t.lower_ in NAME_PARTICLE_JOINERS or (
                t.i > span.start and (t.lower_ in place_nouns().suffixes or t.lower_ in lexicon().water_words))
        if self._matches(span.text) or not all(name_word(t) for t in span if t.is_alpha) \
                or not any(t.is_title or t.is_upper for t in span):
            return False
        return span.label_ in PLACE_LABELS or _named_as_place(span) or self._kind_named(span)

    def _kind_named(self, span: Span) -> bool:
        """Whether a kind of place follows a name no gazetteer has ("the X area", "the X training
        area", "the X district"; the kind inside the span or after it): a place's name, though the
        model took it for a body. Not a nationality word ("the Ruritanian capital")."""
        kind = span[-1] if len(span) > 1 and span[-1].is_lower else (
            _compound_head(span.root) if span.root.dep_ == "compound" else None)
        return kind is not None and kind.lower_ in place_nouns().kind_of and not self._matches(span.text) \
            and not self.gaz.demonym(span.text)

    def candidates(self, doc: Doc, rules: list[Span] | None = None) -> list[tuple[Span, dict[str, float], bool]]:
        """Every candidate span with its features and whether a rule found it: the rules' spans
        (:meth:`rule_spans`) and every part of a capitalised run that the gazetteer knows as a
        name or a nationality word, whatever the model called it."""
        rules = self.rule_spans(doc)[0] if rules is None else rules
        elsewhere: dict[str, list[tuple[int, str]]] = {}
        for e in doc.ents:
            core = _strip(e) or e
            elsewhere.setdefault(fold(core.text), []).append((core.start, e.label_))
        out = []
        seen: set[tuple[int, int]] = set()
        by_rules: dict[str, set[int]] = {}  # names the rules found, and where
        for span in rules:
            by_rules.setdefault(fold(_core(span).text), set()).add(span.start)
        for span in rules:
            if (span.start, span.end) in seen or _qualifies_a_force(span):
                continue
            seen.add((span.start, span.end))
            # the model judges the name, the rules how far it reaches: "Tigray" of "Tigray region"
            core = _core(span)
            out.append((span, features(core, span.label_, self._matches(core.text),
                                       demonym=bool(self.gaz.demonym(core.text)), elsewhere=elsewhere,
                                       key=fold(core.text)), True))
        covered = [0] * len(doc)  # each token: the index + 1 of the rule span covering it, if any
        for n, span in enumerate(rules, start=1):
            for i in range(span.start, span.end):
                covered[i] = covered[i] or n
        for start, end in capitalised_runs(doc):
            for a, b in sub_spans(start, end, doc):
                if (a, b) in seen:
                    continue
                if a > start and doc[a - 1].lower_ in NAME_PARTICLE_JOINERS:
                    continue  # "Serra" of "Vila da Serra", "Este" of "Ciudad del Este": the name's tail, no place
                span = doc[a:b]
                if len(span) == 1 and (span[0].is_stop or span[0].lower_ in lexicon().articles
                                       or _qualifies_a_force(span)):
                    continue
                key = fold(span.text)
                matches = self._matches(span.text) if key else ()
                demonym = bool(key and self.gaz.demonym(span.text))
                if not matches and not demonym:
                    continue
                if span[0].ent_type_ in ("ORG", "PERSON") and not demonym and not self._moved_to(span) and not any(
                        _own_name(p, name_type, span.text) for p, name_type in matches):
                    continue  # a body or a person matched only by a town's alternate name ("Hamas", Hamm)
                seen.add((a, b))
                span = Span(doc, a, b, label=DEMONYM_LABEL if demonym else "RECOVERED")
                found = features(span, GAZETTEER_SOURCE, matches, demonym=demonym, elsewhere=elsewhere, key=key)
                if by_rules.get(key, set()) - {a}:
                    found["found_by_rules_elsewhere"] = 1.0  # "Nablus" tagged once, untagged later
                under = {covered[i] for i in range(a, b)}
                if under != {0}:  # part of a rule's span ("Korea" in "North Korea"), or across one
                    found["in_rule_span" if len(under) == 1 else "across_rule_span"] = 1.0
                out.append((span, found, False))
        return out

    def rule_spans(self, doc: Doc) -> tuple[list[Span], set[tuple[int, int]]]:
        """The spans the recognition rules find from the model's entities (overlapping ones too),
        and the token offsets of those no model may drop: a place a facility is named after
        ("RAF X"), a village of a GeoNames dump the user loaded after a place preposition, a
        curated place."""
        spans = []
        trusted: set[tuple[int, int]] = set()
        parts = []
        for e in doc.ents:
            split = _split_at_prepositions(e)
            parts += [(part, len(split) > 1) for part in split]
        for ent, listed in parts:
            span = _strip(ent)
            if span is None:
                continue
            found: Span | None = None
            named_after = _without_facility_prefix(span)
            if named_after is not None and self._matches(named_after.text):
                label = named_after.label_ if named_after.label_ == IN_STORY_LABEL else "RECOVERED"
                spans.append(self._extend(Span(doc, named_after.start, named_after.end, label=label)))
                trusted.add((spans[-1].start, spans[-1].end))
                continue
            if ent.label_ in PLACE_LABELS:
                found = self._place_span(span)
            elif ent.label_ in ("NORP", "LANGUAGE") and self.gaz.demonym(span.text):
                # "Russian", "North Korean": kept as a nationality mention (resolved to its country;
                # the map does not draw these, the benchmarks count them); but a name the word opens
                # is that name ("the English Channel", "the Arabian Sea")
                named = next((doc[span.start:e] for e in range(min(len(doc), span.end + 2), span.end, -1)
                              if all(t.is_title and t.pos_ == "PROPN" for t in doc[span.end:e])
                              and self._notable(doc[span.start:e].text)), None)
                if named is not None:
                    spans.append(Span(doc, named.start, named.end, label="RECOVERED"))
                    trusted.add((named.start, named.end))
                    continue
                found = Span(doc, span.start, span.end, label=DEMONYM_LABEL)
                spans.append(found)
                continue
            elif ent.label_ in self.recover_labels:
                if ent.label_ == "PERSON" and len(span) > 1:
                    # "Paris Hilton", "Kim Jong Un": people, whatever they contain; but a town the
                    # model took for a person ("Kiryat Shmona") is a place when the whole name is one
                    if self._town(span.text):
                        spans.append(self._extend(Span(doc, span.start, span.end, label="RECOVERED")))
                    continue
                if ent.label_ == "PERSON" and span.end < len(doc) and doc[span.end].is_title:
                    continue  # "Paris" in a name the model cut short
                # A lone word the model calls a person is a city only where a place preposition
                # governs it ("sent to Tromso"); a surname before "said" is a person, not a town.
                governed = _after_place_preposition(span)
                person_alone = ent.label_ == "PERSON" and not governed
                kinds = AREA_KINDS if person_alone else NOTABLE_KINDS
                # where a place preposition governs it ("around Mayadin"), a town of some size will do
                floor = WEIGHTS.town_prior if governed else None
                for candidate in (span, _with_region_word(span), *_right_extensions(span)):
                    generic = candidate.text.lower() in lexicon().generic_words or _fragment(candidate)
                    # a name the model gave to a body or a person, matched only by some town's
                    # alternate name ("Hamas" is one of Hamm's), is that body, not the town
                    # ... unless it is one of places the model ran together ("Bodo to Tromso")
                    own_name = not governed or (ent.label_ == "ORG" and not listed)
                    if not generic and (self._notable(candidate.text, kinds, floor, alternate=not own_name)
                                        or (governed and self._town(candidate.text, alternate=not own_name))):
                        found = Span(doc, candidate.start, candidate.end, label="RECOVERED")
                        break
                if found is None and ent.label_ in EMBEDDING_LABELS:
                    found = self._embedded(span)
            if found is not None:
                spans.append(self._extend(found))
        for span in self._untagged(doc):
            spans.append(span)
            if any(p.feature.startswith("P.") for p, _ in self._matches(span.text)):
                trusted.add((span.start, span.end))
        # a curated place is the project's own decision ("the Kremlin", "the Indo-Pacific"), though
        # the corpora read seats of government as the bodies they house
        trusted.update((s.start, s.end) for s in spans if any(
            p.id.startswith("curated:") and _own_name(p, name_type, s.text) for p, name_type in self._matches(s.text)))
        return spans, trusted

    def _town(self, text: str, *, alternate: bool = True) -> bool:
        """A town of some size, or any populated place of a GeoNames dump the user loaded (its
        feature code is kept: "P.PPL"): they loaded it to find its villages."""
        return any((p.prior >= WEIGHTS.town_prior or (p.kind is PlaceKind.CITY and p.feature.startswith("P.")))
                   and (alternate or _own_name(p, name_type, text))
                   for p, name_type in self._matches(text))

    def _untagged(self, doc: Doc) -> list[Span]:
        """Capitalised names the model left untagged (or tagged as a person, as a thing, or as a body
        or a people in "the town of X", "the X naval base"; also a word the tagger took for a common
        noun) right after a place preposition or "out of", in "the town of X", completing a site
        (:func:`site_holding`: "the outskirts of X", "farms near X"), or as a verb's object ("moved
        from Bodo to Tromso", "from the Tver region", "entered X"), when the gazetteer has them as a
        town of some size, a region or a country, or when they are a movement's end
        (:meth:`_moved_to`), known or not. A particle joins a name's words ("X al-Y" is one name)."""
        found = []
        i = 0
        while i < len(doc):
            t = doc[i]
            # also a name the tagger took for a common noun ("sent to X", X a noun to the tagger): the
            # checks below decide
            if not (t.is_title and t.pos_ in ("PROPN", "NOUN")) or t.ent_type_ not in UNTAGGED_LABELS:
                i += 1
                continue
            j = i
            # one entity, its tags aside (its first word whatever the tagger made of it)
            while j < len(doc) and doc[j].is_title and doc[j].ent_type_ == t.ent_type_ and (
                    doc[j].pos_ == "PROPN" or j == i or (t.ent_type_ and doc[j].ent_iob_ == "I")):
                j += 1
                k = j + (j < len(doc) and doc[j].lower_ in NAME_PARTICLE_JOINERS)  # "X al-Y": one name
                k += k < len(doc) and doc[k].text == "-"
                if k > j and k < len(doc) and doc[k].is_title and doc[k].ent_type_ == t.ent_type_:
                    j = k
            # "crossed into X Y": a full name the model gave a person, kept only as an end (PERSON_NAMED)
            span = Span(doc, i, j, label=PERSON_NAMED if t.ent_type_ == "PERSON" and j - i > 1 else "RECOVERED")
            kind_of = _named_as_place(span) or self._kind_named(span)
            if t.ent_type_ in ("ORG", "NORP") and not kind_of and not _body_gone_into(span):
                i = j
                continue  # a body or a people, unless "the town of X", "the X air base" says it is a place
            generic = span.text.lower() in lexicon().generic_words or _fragment(span)
            after = _after_place_preposition(span) or kind_of or _after_out_of(span) or _on_a_place(span.root) \
                or _distance_of(span) or _the_river(span) or site_holding(span.root).i != span.root.i
            if (after or span.root.dep_ == "dobj") and sum(t.is_title for t in span) <= 3 and not generic and (
                    (after and self._town(span.text)) or self._moved_to(span)):
                # a known town; or "left the village of X", "entered X", known or not
                found.append(self._extend(span))
            i = j
        return found

    def _place_span(self, span: Span) -> Span | None:
        if _fragment(span):
            return None  # "the North": a direction, or a metonym the text resolves elsewhere
        if self._matches(span.text) or self._matches(_with_region_word(span).text):
            return span
        if _named_as_place(span) and len(span) <= 6 and all(  # a name, not a headline run-on of many words
                t.is_title or t.is_upper or not t.is_alpha or t.lower_ in NAME_PARTICLE_JOINERS for t in span):
            return span  # "X Air Base", "X Bay": the whole name, not a town its first words name
        # Headline run-ons: "North Korea Sends Troops" -> the longest part the gazetteer knows.
        for size in range(len(span) - 1, 0, -1):
            part = span.doc[span.start : span.start + size]  # prefixes only: "Faroe Islands" is not "Islands"
            if _club(span, part):
                return None
            if self._matches(part.text) and part[0].is_title | part[0].is_upper and not _fragment(part):
                return Span(span.doc, part.start, part.end, label=span.label_)
        if len(span) <= 4 and all(t.is_title or t.is_upper or not t.is_alpha for t in span):
            return span  # a place the gazetteer lacks: kept, and recorded as unresolved
        return None

    def _extend(self, span: Span) -> Span:
        doc = span.doc
        start, end = span.start, span.end
        extends = place_nouns().extends
        if (end < len(doc) and doc[end].lower_ in extends and (doc[end].is_lower or doc[end].is_title)) or (
            end < len(doc)
            and doc[end].is_alpha
            and self._matches(doc[start : end + 1].text)
            and doc[end].lower_ in ("state", "peninsula", "strait", "sea")
        ):
            end += 1
        if start > 0 and doc[start - 1].is_alpha and doc[start - 1].lower_ not in lexicon().articles \
                and self._matches(doc[start - 1 : end].text):
            start -= 1  # "eastern Russia", "Russian far east" when the gazetteer knows the phrase
        return Span(doc, start, end, label=span.label_)


def _named_as_place(span: Span) -> bool:
    """Whether the text calls the name a place by a kind of place: "the town of X", "X, a border
    town", "the provincial capital, X"; or the name says so itself: "X Bay", "the X Forest", "the X
    crossing", "the X air base", "the X border post" (``name_heads.jsonl``; not "a X base", as often
    a group's)."""
    lex = lexicon()
    heads = lex.name_heads
    if len(span) > 1 and span[-1].lower_ in heads and span[-1].is_title:
        return True
    if span.root.dep_ in ("compound", "nmod"):
        head = _compound_head(span.root)
        if head.lower_ in heads - lex.title_name_heads or (  # "the X crossing"; "the X air base", "X border post"
                head.doc[head.i - 1].lower_ in lex.qualified_name_heads.get(head.lower_, ())):
            return True
    doc, kinds = span.doc, place_nouns().kind_of
    k = span.start - 1
    while k >= 0 and doc[k].lower_ in lexicon().articles:
        k -= 1
    if k >= 1 and doc[k].lower_ == "of" and doc[k - 1].lower_ in kinds:
        return True
    return any(c.dep_ == "appos" and c.lower_ in kinds for c in span.root.children) or (
        span.root.dep_ == "appos" and span.root.head.lower_ in kinds) or kind_set_beside(span) is not None


def kind_set_beside(span: Span) -> Token | None:
    """ "X, the <kind> <force> <verb> <preposition>" ("X, the town the militia quit", "X, the Y hamlet
    rebels fled from"): the place-kind noun set after the name as its own noun (or as the first word
    of a force's, as the parser may read "the hamlet rebels"), where the parser missed the
    apposition; not "X, the village elder". The kind noun, or None."""
    doc, k = span.doc, span.end + 2
    if span.end + 1 >= len(doc) or doc[span.end].text != "," or doc[span.end + 1].lower_ != "the":
        return None
    while k < len(doc) and doc[k].pos_ == "PROPN" and doc[k].is_title:
        k += 1  # "the X village": the area's name
    if k + 1 >= len(doc) or doc[k].lower_ not in place_nouns().kind_of:
        return None
    if doc[k].dep_ in ("compound", "amod", "nmod") and doc[k].head.lemma_.lower() not in lexicon().forces:
        return None
    return doc[k]


def _stranded_motion(kind: Token) -> bool:
    """Whether a motion verb follows within a few words the kind noun of "X, the town the militia
    pulled back from", "X, the hamlet rebels entered": the clause tells of X as where forces went or left."""
    lex = lexicon()
    return any(v.pos_ == "VERB" and v.lemma_.lower() in lex.motion_verbs for v in kind.doc[kind.i + 1 : kind.i + 7])


def _compound_head(token: Token) -> Token:
    """The noun a chain of compounds ends in: "crossing" for X in "the X border crossing"."""
    head = token.head
    while head.dep_ == "compound":
        head = head.head
    return head


def choose(scored: list[tuple[float, Span, bool]], threshold: float) -> list[Span]:
    """The spans kept, in text order, from ``(probability, span, found by a rule)``: the rules'
    spans the model keeps first, the longest of overlapping ones (the rules decide how far a name
    reaches: "Kursk region", "eastern Russia"), then the gazetteer's candidates, most probable
    first, where no kept span lies."""
    kept = filter_spans([span for p, span, rule in scored if rule and p >= threshold])
    taken = {i for span in kept for i in range(span.start, span.end)}
    for _, span, _ in sorted(((p, s, r) for p, s, r in scored if not r and p >= threshold),
                             key=lambda psr: (-psr[0], -len(psr[1]), psr[1].start)):
        if taken.isdisjoint(range(span.start, span.end)):
            taken.update(range(span.start, span.end))
            kept.append(span)
    return sorted(kept, key=lambda s: s.start)


def _core(span: Span) -> Span:
    """The name in a rule's span, without the lower-case region or direction words the rules
    added around it ("Tigray region", "eastern Ukraine"); the span itself when that is all."""
    words = place_nouns().extends | direction_words().all
    start, end = span.start, span.end
    doc = span.doc
    while end - start > 1 and doc[end - 1].is_lower and doc[end - 1].lower_ in words:
        end -= 1
    while end - start > 1 and doc[start].is_lower and doc[start].lower_ in words:
        start += 1
    return Span(doc, start, end, label=span.label_)


def _fragment(span: Span) -> bool:
    """A lone direction word, generic noun, name particle or facility word ("North", "Al", "Wadi",
    "Lake", "Naval"): never a place on its own, whatever town somewhere bears the name."""
    return len(span) == 1 and (
        span[0].lower_ in direction_words().all or span[0].lower_ in lexicon().place_fragments)


def _own_name(place: Any, name_type: int, text: str) -> bool:
    """Whether ``text`` is the place's own name: not a GeoNames alternate name, except its name
    without the Arabic article ("Hasakah" for Al Ḩasakah), which is how English writes it."""
    return name_type < ALTERNATE_NAME or fold(without_arabic_article(place.name)) == fold(text)


def _respelling(place: Any, text: str) -> bool:
    """Whether ``text`` spells the place's own name another way ("Malam X" for "Mallam X", "Amadiya"
    for "Al Amadiyah"), not a name of another kind GeoNames also lists for it ("Headquarters", "Market"
    are other names of towns): three quarters of their letters in common, the Arabic article aside."""
    own = fold(without_arabic_article(place.name) or place.name)
    return SequenceMatcher(None, own, fold(text)).ratio() >= RESPELLING


def _club(span: Span, part: Span) -> bool:
    """ "Leeds United", "Manchester City FC": a town then only club words is a sports club."""
    rest = span.doc[part.end : span.end]
    return len(rest) > 0 and all(t.lower_ in lexicon().club_words for t in rest)


def _without_facility_prefix(span: Span, most: int = 3) -> Span | None:
    """ "Naval Station Rota" -> "Rota", "RAF Mildenhall" -> "Mildenhall": the place a facility is
    named after (the capitalised words after the prefix in the text, even where the model's entity
    stops at "Naval"); None when the span opens with no facility prefix. After a prefix that also
    names facilities after people ("Camp X") the span is labelled ``IN_STORY_LABEL``."""
    doc = span.doc
    for prefix in lexicon().facility_prefixes:
        n = len(prefix)
        start = span.start + n
        if tuple(t.lower_ for t in doc[span.start : start]) != prefix:
            continue
        end = start
        while end < len(doc) and end - start < most and (doc[end].is_title or doc[end].is_upper) and doc[end].is_alpha:
            end += 1
        label = IN_STORY_LABEL if prefix in lexicon().story_facility_prefixes else span.label_
        return Span(doc, start, end, label=label) if end > start else None
    return None


def _split_at_prepositions(ent: Span) -> list[Span]:
    """An entity the model ran across a place preposition ("Bodo to Tromso" as one ORG) as its
    parts, each keeping the label; any other entity as itself."""
    cuts = [t.i for t in ent[1:-1] if t.lower_ in lexicon().place_prepositions and t.is_lower]
    if not cuts:
        return [ent]
    bounds = [ent.start, *cuts, ent.end]
    parts = [Span(ent.doc, a + (a != ent.start), b, label=ent.label_) for a, b in itertools.pairwise(bounds)]
    return [p for p in parts if len(p)]


def _strip(span: Span) -> Span | None:
    start, end = span.start, span.end
    doc = span.doc
    while start < end and doc[start].lower_ in lexicon().articles:
        start += 1
    while end > start and (doc[end - 1].lower_ in _STRIP_RIGHT or doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return Span(doc, start, end, label=span.label_) if end > start else None


def _the_river(span: Span) -> bool:
    """ "crossed the X", "north of the X": a name after "the", crossed or lying on one side of the
    force, which the model took for a person's or nothing: a river the gazetteer lacks (a person
    takes no "the")."""
    tok, doc = span.root, span.doc
    if span.start == 0 or doc[span.start - 1].lower_ != "the":
        return False
    return (tok.dep_ == "dobj" and tok.head.lemma_.lower() in lexicon().water_object_is_via) or (
        tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in BEARINGS)


def _body_gone_into(span: Span) -> bool:
    """A lone word the model took for a body's name after a preposition of a movement's end
    ("advanced toward X", "pushed into X", "sent two battalions to X", "withdrew from X"): a place
    too small for the gazetteer, as the model often takes a village for a body (only a movement's end
    gets here, :meth:`PlaceRecognizer._movement_end`). Not an acronym ("moved toward NATO", "withdrew
    its contingent from MINUSMA"). After "to" or "from", a body is sent to or left as often as a place
    is: not a speaking organisation we list (arms shipped to it go to the group). An agency spelt as a
    word that we do not list ("sent officers to Europol") is still read as such a place: kept by name,
    never drawn."""
    tok = span.root
    if tok.ent_type_ != "ORG" or len(span) != 1 or tok.is_upper or tok.dep_ != "pobj":
        return False
    # "from the edge of X", "into positions near X": the site's preposition; not any noun a phrase
    # locates ("marched to the protest outside X": X is as likely a body there)
    held = site_holding(tok, any_noun=False)
    if held.dep_ != "pobj":
        return False
    if held.head.lower_ in ("toward", "towards", "into", "through") or _on_a_place(held):
        return True
    return held.head.lower_ in ("to", "from") and not _a_known_body(tok)


def _a_known_body(tok: Token) -> bool:
    """A speaking organisation of ``organisations.csv`` ("shipped rockets to X", X an armed movement
    we list)."""
    return find_organisation(tok.text) is not None


def _on_a_place(tok: Token) -> bool:
    """ "advanced on X", "marched on X": the object of an "on" (:meth:`PlaceRecognizer._movement_end`
    keeps it only after a verb that goes on a place)."""
    return tok.dep_ == "pobj" and tok.head.lower_ == "on"


def _after_place_preposition(span: Span) -> bool:
    """Whether a place preposition (after any article) stands right before the span."""
    k = span.start - 1
    while k >= 0 and span.doc[k].lower_ in lexicon().articles:
        k -= 1
    return k >= 0 and span.doc[k].lower_ in lexicon().place_prepositions and not (
        k >= 1 and span.doc[k - 1].lower_ in lexicon().cause_words)


def _distance_of(span: Span) -> bool:
    """Whether a distance's "of" stands right before the span ("advanced to within 20 km of X"): a
    place is measured from, whatever the model took the name for."""
    doc, k = span.doc, span.start - 1
    return k >= 1 and doc[k].lower_ == "of" and doc[k - 1].lower_ in lexicon().distance_nouns


def _at_or_in(prep: Token) -> bool:
    """Whether the preposition after a motion word is "at" or "in" and governs no time: "landed at X",
    "deployed in X" name a place as surely as "to X" does (which role it plays is the movement's
    business); "deployed in March" names a month."""
    return prep.lower_ in ("at", "in") and not any(c.ent_type_ in TIME_LABELS for c in prep.children)


def _to_whom(prep: Token) -> bool:
    """Whether the "to" hangs on a verb that may send or bring to a person (``recipient`` in
    ``motion.jsonl``: "sent troops to X")."""
    return prep.head.lemma_.lower() in lexicon().recipient_verbs


def _after_out_of(span: Span) -> bool:
    """Whether "out of" stands right before the span ("pulled out of X")."""
    k = span.start
    return k >= 2 and span.doc[k - 1].lower_ == "of" and span.doc[k - 2].lower_ == "out"


@functools.cache
def _site_words() -> frozenset[str]:
    """Site nouns and the kinds of place a name completes ("the outskirts of X", "the town of X"), read
    once: the place recogniser asks for them for every candidate name."""
    return lexicon().site_nouns | place_nouns().kind_of


def site_holding(tok: Token, *, any_noun: bool = True) -> Token:
    """The noun whose role a name takes from the site it completes: "the outskirts" of "reached the
    outskirts of X", "positions" of "withdrew from positions on the edge of X" (a site noun before
    "of", "in", "at" or "on"), "farmland" of "pushed into farmland near X" (any noun before a
    preposition that only says where it lies, ``locates`` in ``prepositions.jsonl``; with
    ``any_noun`` False, only a site noun there); the name itself otherwise."""
    lex = lexicon()
    sites = _site_words()
    for _ in range(4):  # a site on a site, a few deep at most
        if tok.dep_ != "pobj" or tok.head.dep_ != "prep":
            break
        prep, noun = tok.head, tok.head.head
        if prep.lower_ in lex.locating_prepositions and noun.pos_ not in ("NOUN", "PROPN") and prep.i > 0:
            noun = tok.doc[prep.i - 1]  # the parser hangs "near X" on the verb: the noun right before it
        site = noun.lemma_.lower() in sites or noun.lower_ in sites
        if noun.pos_ not in ("NOUN", "PROPN") or not (
                (prep.lower_ in lex.locating_prepositions and (any_noun or site))
                or (prep.lower_ in ("of", "in", "at", "on") and site)):
            break
        tok = noun
    return tok


def _moved_by_force(verb: Token) -> bool:
    """Whether the verb's subject names a force ("the rebels entered X"; not "the medics evacuated X"),
    or the subject of the verb it completes ("marines are set to cross X")."""
    while verb.dep_ == "xcomp" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        verb = verb.head
    return any(_force_word(t.lower_) for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree)


def _right_extensions(span: Span, most: int = 2) -> list[Span]:
    """ "Russian" + "far east": a demonym or adjective followed by words that complete a name."""
    doc = span.doc
    return [
        doc[span.start : span.end + k]
        for k in range(1, most + 1)
        if span.end + k <= len(doc) and all(t.is_alpha for t in doc[span.end : span.end + k])
    ]


def _with_region_word(span: Span) -> Span:
    doc = span.doc
    if span.end < len(doc) and doc[span.end].lower_ in place_nouns().extends:
        return doc[span.start : span.end + 1]
    return span
