"""Every movement, statement and mode pattern, and the lexicon-driven rules, on sentences of our own
wording, parsed by hand (spaCy's own style: no model, milliseconds).

Each rule has a case it must catch; most have one it must not. Deleting a pattern line or a word
class makes a case here fail (``scripts/deletion_experiment.py`` checks it).
"""

from __future__ import annotations

import functools

import pytest
import spacy
from spacy.tokens import Doc

from conflictmap.gazetteer import Gazetteer
from conflictmap.geo.events.grammar import (
    ARMED_GROUPS,
    PLACE_STARTS,
    armed_group_names,
    in_a_site,
    is_trigger,
    mode_of,
    place_role,
    preposition,
    sender,
    soldier_antecedent,
    status_of,
)
from conflictmap.geo.events.patterns import best, patterns
from conflictmap.geo.events.reader import DocumentEvents
from conflictmap.geo.events.speakers import People, Speaker, government_phrase, titled_name, whole_name
from conflictmap.geo.lexicon import lexicon


@functools.cache
def _vocab():
    return spacy.blank("en").vocab


def _tags(words: list[str], pos: list[str]) -> list[str]:
    """Penn tags as the model gives them where a pattern reads one (a verb's -ing form is VBG)."""
    return ["VBG" if p == "VERB" and w.endswith("ing") else "WP" if w.lower() in ("who", "whom") else p
            for w, p in zip(words, pos, strict=True)]


def parse(*tokens: tuple[str, str, str, str, int]) -> Doc:
    """A Doc from ``(word, lemma, pos, dep, head)`` rows; ``head`` is the absolute index (root: itself)."""
    words, lemmas, pos, deps, heads = zip(*tokens, strict=True)
    return Doc(_vocab(), words=list(words), lemmas=list(lemmas), pos=list(pos), deps=list(deps), heads=list(heads),
               tags=_tags(list(words), list(pos)))


def forces(doc: Doc) -> dict[str, str]:
    """Trigger word -> the force it moves, by the movement patterns."""
    found = best(patterns(doc.vocab).dependency(doc, "movement"), "trigger", "force")
    return {doc[i].text: m["force"].text for i, m in found.items()}


def rules(doc: Doc, file: str, group: str, answer: str) -> dict[str, str]:
    found = best(patterns(doc.vocab).dependency(doc, file), group, answer)
    return {doc[i].text: m.rule.label for i, m in found.items()}


# ------------------------------------------------------------------ movement patterns

MOVEMENT_CASES = {
    "verb-dobj": (  # Oslo sent two frigates north.
        [("Oslo", "Oslo", "PROPN", "nsubj", 1), ("sent", "send", "VERB", "ROOT", 1),
         ("two", "two", "NUM", "nummod", 3), ("frigates", "frigate", "NOUN", "dobj", 1),
         ("north", "north", "ADV", "advmod", 1)],
        {"sent": "frigates"}),
    "verb-dobj-within": (  # The army moved some of its tanks.
        [("The", "the", "DET", "det", 1), ("army", "army", "NOUN", "nsubj", 2), ("moved", "move", "VERB", "ROOT", 2),
         ("some", "some", "PRON", "dobj", 2), ("of", "of", "ADP", "prep", 3), ("its", "its", "PRON", "poss", 6),
         ("tanks", "tank", "NOUN", "pobj", 4)],
        {"moved": "tanks"}),
    "verb-nsubjpass": (  # Marines were flown to the island.
        [("Marines", "marine", "NOUN", "nsubjpass", 2), ("were", "be", "AUX", "auxpass", 2),
         ("flown", "fly", "VERB", "ROOT", 2), ("to", "to", "ADP", "prep", 2), ("the", "the", "DET", "det", 5),
         ("island", "island", "NOUN", "pobj", 3)],
        {"flown": "Marines"}),
    "verb-nsubj": (  # Paratroopers landed and advanced.
        [("Paratroopers", "paratrooper", "NOUN", "nsubj", 1), ("advanced", "advance", "VERB", "ROOT", 1),
         ("inland", "inland", "ADV", "advmod", 1)],
        {"advanced": "Paratroopers"}),
    "verb-attr": (  # What arrived were gunboats.
        [("What", "what", "PRON", "nsubj", 1), ("arrived", "arrive", "VERB", "csubj", 2),
         ("were", "be", "AUX", "ROOT", 2), ("gunboats", "gunboat", "NOUN", "attr", 1)],
        {"arrived": "gunboats"}),
    "verb-oprd": (  # It sent them as reinforcements.
        [("It", "it", "PRON", "nsubj", 1), ("sent", "send", "VERB", "ROOT", 1),
         ("reinforcements", "reinforcement", "NOUN", "oprd", 1)],
        {"sent": "reinforcements"}),
    "verb-modifies-force": (  # Sailors deployed near the strait ...
        [("Sailors", "sailor", "NOUN", "ROOT", 0), ("deployed", "deploy", "VERB", "acl", 0),
         ("near", "near", "ADP", "prep", 1), ("the", "the", "DET", "det", 4), ("strait", "strait", "NOUN", "pobj", 2)],
        {"deployed": "Sailors"}),
    "verb-chain-1": (  # Lisbon plans to send commandos.
        [("Lisbon", "Lisbon", "PROPN", "nsubj", 1), ("plans", "plan", "VERB", "ROOT", 1),
         ("to", "to", "PART", "aux", 3), ("send", "send", "VERB", "xcomp", 1),
         ("reinforcements", "reinforcement", "NOUN", "dobj", 1)],
        {"send": "reinforcements"}),
    "verb-chain-2": (  # Conscripts were told to prepare to cross.
        [("Conscripts", "conscript", "NOUN", "nsubjpass", 2), ("were", "be", "AUX", "auxpass", 2),
         ("told", "tell", "VERB", "ROOT", 2), ("to", "to", "PART", "aux", 4),
         ("prepare", "prepare", "VERB", "xcomp", 2),
         ("to", "to", "PART", "aux", 6), ("cross", "cross", "VERB", "xcomp", 4)],
        {"cross": "Conscripts"}),
    "noun-compound": (  # the troop withdrawal
        [("the", "the", "DET", "det", 2), ("troop", "troop", "NOUN", "compound", 2),
         ("withdrawal", "withdrawal", "NOUN", "ROOT", 2)],
        {"withdrawal": "troop"}),
    "noun-of": (  # the arrival of fresh brigades
        [("the", "the", "DET", "det", 1), ("arrival", "arrival", "NOUN", "ROOT", 1), ("of", "of", "ADP", "prep", 1),
         ("fresh", "fresh", "ADJ", "amod", 4), ("brigades", "brigade", "NOUN", "pobj", 2)],
        {"arrival": "brigades"}),
    "force-of-noun": (  # sailors of the rotation
        [("sailors", "sailor", "NOUN", "ROOT", 0), ("of", "of", "ADP", "prep", 0), ("the", "the", "DET", "det", 3),
         ("rotation", "rotation", "NOUN", "pobj", 1)],
        {"rotation": "sailors"}),
}


@pytest.mark.parametrize(("tokens", "expected"), MOVEMENT_CASES.values(), ids=MOVEMENT_CASES.keys())
def test_movement_patterns_find_the_force(tokens: list, expected: dict[str, str]) -> None:
    assert forces(parse(*tokens)) == expected


def test_a_verb_prefers_its_object_to_its_subject() -> None:
    """The brigade sent gunboats: the object moves, not the sender."""
    doc = parse(("The", "the", "DET", "det", 1), ("brigade", "brigade", "NOUN", "nsubj", 2),
                ("sent", "send", "VERB", "ROOT", 2), ("gunboats", "gunboat", "NOUN", "dobj", 2))
    assert forces(doc) == {"sent": "gunboats"}
    assert rules(doc, "movement", "trigger", "force") == {"sent": "verb-dobj"}


@pytest.mark.parametrize(
    "tokens",
    [
        # The ministry sent a letter to Lisbon: nothing that moves is a force.
        [("The", "the", "DET", "det", 1), ("ministry", "ministry", "NOUN", "nsubj", 2),
         ("sent", "send", "VERB", "ROOT", 2), ("a", "a", "DET", "det", 4), ("letter", "letter", "NOUN", "dobj", 2),
         ("to", "to", "ADP", "prep", 2), ("Lisbon", "Lisbon", "PROPN", "pobj", 5)],
        # Soldiers ate dinner: a force, but no motion.
        [("Soldiers", "soldier", "NOUN", "nsubj", 1), ("ate", "eat", "VERB", "ROOT", 1),
         ("dinner", "dinner", "NOUN", "dobj", 1)],
    ],
    ids=["no-force", "no-motion"],
)
def test_movement_patterns_miss_what_is_not_a_movement(tokens: list) -> None:
    assert forces(parse(*tokens)) == {}


# ------------------------------------------------------------------ statement patterns

STATEMENT_CASES = {
    "shared-subject": (  # The envoy left the talks, saying nothing had changed.
        [("The", "the", "DET", "det", 1), ("envoy", "envoy", "NOUN", "nsubj", 2), ("left", "leave", "VERB", "ROOT", 2),
         ("the", "the", "DET", "det", 4), ("talks", "talk", "NOUN", "dobj", 2), (",", ",", "PUNCT", "punct", 2),
         ("saying", "say", "VERB", "advcl", 2), ("nothing", "nothing", "PRON", "nsubj", 9),
         ("had", "have", "AUX", "aux", 9), ("changed", "change", "VERB", "ccomp", 6)],
        {"saying": "shared-subject", "left": "subject", "changed": "subject"}),
    "subject": (  # The envoy warned that talks had stalled.
        [("The", "the", "DET", "det", 1), ("envoy", "envoy", "NOUN", "nsubj", 2), ("warned", "warn", "VERB", "ROOT", 2),
         ("that", "that", "SCONJ", "mark", 5), ("talks", "talk", "NOUN", "nsubj", 5),
         ("stalled", "stall", "VERB", "ccomp", 2)],
        {"warned": "subject", "stalled": "subject"}),
    "agent": (  # The plan was rejected by the council.
        [("The", "the", "DET", "det", 1), ("plan", "plan", "NOUN", "nsubjpass", 3), ("was", "be", "AUX", "auxpass", 3),
         ("rejected", "reject", "VERB", "ROOT", 3), ("by", "by", "ADP", "agent", 3), ("the", "the", "DET", "det", 6),
         ("council", "council", "NOUN", "pobj", 4)],
        {"rejected": "agent"}),
    "passive-subject": (  # The envoy was quoted widely.
        [("The", "the", "DET", "det", 1), ("envoy", "envoy", "NOUN", "nsubjpass", 3),
         ("was", "be", "AUX", "auxpass", 3), ("quoted", "quote", "VERB", "ROOT", 3),
         ("widely", "widely", "ADV", "advmod", 3)],
        {"quoted": "passive-subject"}),
    "relative": (  # The mayor, who insisted the road was open, left.
        [("The", "the", "DET", "det", 1), ("mayor", "mayor", "NOUN", "nsubj", 10), (",", ",", "PUNCT", "punct", 1),
         ("who", "who", "PRON", "nsubj", 4), ("insisted", "insist", "VERB", "relcl", 1),
         ("the", "the", "DET", "det", 6), ("road", "road", "NOUN", "nsubj", 7), ("was", "be", "AUX", "ccomp", 4),
         ("open", "open", "ADJ", "acomp", 7), (",", ",", "PUNCT", "punct", 1), ("left", "leave", "VERB", "ROOT", 10)],
        {"insisted": "relative", "left": "subject"}),
    "possessor": (  # Her warning came late.
        [("Her", "her", "PRON", "poss", 1), ("warning", "warning", "NOUN", "nsubj", 2),
         ("came", "come", "VERB", "ROOT", 2), ("late", "late", "ADV", "advmod", 2)],
        {"warning": "possessor", "came": "subject"}),
    "according-to": (  # Fighting resumed, according to the monitors.
        [("Fighting", "fighting", "NOUN", "nsubj", 1), ("resumed", "resume", "VERB", "ROOT", 1),
         ("according", "accord", "VERB", "prep", 1), ("to", "to", "ADP", "prep", 2), ("the", "the", "DET", "det", 5),
         ("monitors", "monitor", "NOUN", "pobj", 3)],
        {"according": "according-to", "resumed": "subject"}),
    "report-conjunct": (  # The envoy told reporters that the line would hold and said help was near.
        [("The", "the", "DET", "det", 1), ("envoy", "envoy", "NOUN", "nsubj", 2), ("told", "tell", "VERB", "ROOT", 2),
         ("reporters", "reporter", "NOUN", "dobj", 2), ("that", "that", "SCONJ", "mark", 8),
         ("the", "the", "DET", "det", 6), ("line", "line", "NOUN", "nsubj", 8), ("would", "would", "AUX", "aux", 8),
         ("hold", "hold", "VERB", "ccomp", 2), ("and", "and", "CCONJ", "cc", 8), ("said", "say", "VERB", "conj", 8),
         ("help", "help", "NOUN", "nsubj", 12), ("was", "be", "AUX", "ccomp", 10),
         ("near", "near", "ADJ", "acomp", 12)],
        {"told": "subject", "hold": "subject", "said": "report-conjunct"}),
    "no-report-conjunct-after-a-report": (  # The radio reported that the group claimed the raid and said nine died.
        [("The", "the", "DET", "det", 1), ("radio", "radio", "NOUN", "nsubj", 2),
         ("reported", "report", "VERB", "ROOT", 2), ("that", "that", "SCONJ", "mark", 6),
         ("the", "the", "DET", "det", 5), ("group", "group", "NOUN", "nsubj", 6),
         ("claimed", "claim", "VERB", "ccomp", 2),
         ("the", "the", "DET", "det", 8), ("raid", "raid", "NOUN", "dobj", 6), ("and", "and", "CCONJ", "cc", 6),
         ("said", "say", "VERB", "conj", 6), ("nine", "nine", "PRON", "nsubj", 12),
         ("died", "die", "VERB", "ccomp", 10)],
        {"reported": "subject", "claimed": "subject", "said": "shared-subject", "died": "subject"}),
    "no-report-conjunct-on-a-clause-without-subject": (  # a misparse: "... known as X and said nine died"
        [("The", "the", "DET", "det", 1), ("radio", "radio", "NOUN", "nsubj", 2),
         ("reported", "report", "VERB", "ROOT", 2), ("known", "know", "VERB", "ccomp", 2),
         ("and", "and", "CCONJ", "cc", 3), ("said", "say", "VERB", "conj", 3), ("nine", "nine", "PRON", "nsubj", 7),
         ("died", "die", "VERB", "ccomp", 5)],
        {"reported": "subject", "died": "subject"}),
    "denial-reason": (  # The army denied that units left, saying they stayed.
        [("The", "the", "DET", "det", 1), ("army", "army", "NOUN", "nsubj", 2), ("denied", "deny", "VERB", "ROOT", 2),
         ("that", "that", "SCONJ", "mark", 5), ("units", "unit", "NOUN", "nsubj", 5),
         ("left", "leave", "VERB", "ccomp", 2),
         (",", ",", "PUNCT", "punct", 5), ("saying", "say", "VERB", "advcl", 5), ("they", "they", "PRON", "nsubj", 9),
         ("stayed", "stay", "VERB", "ccomp", 7)],
        {"denied": "subject", "left": "subject", "saying": "denial-reason", "stayed": "subject"}),
    "no-outer-subject-after-a-report": (  # The agency reported that the ministry denied the report, adding it was calm.
        [("The", "the", "DET", "det", 1), ("agency", "agency", "NOUN", "nsubj", 2),
         ("reported", "report", "VERB", "ROOT", 2), ("that", "that", "SCONJ", "mark", 6),
         ("the", "the", "DET", "det", 5), ("ministry", "ministry", "NOUN", "nsubj", 6),
         ("denied", "deny", "VERB", "ccomp", 2), ("the", "the", "DET", "det", 8),
         ("report", "report", "NOUN", "dobj", 6),
         (",", ",", "PUNCT", "punct", 6), ("adding", "add", "VERB", "advcl", 6), ("it", "it", "PRON", "nsubj", 12),
         ("was", "be", "AUX", "ccomp", 10), ("calm", "calm", "ADJ", "acomp", 12)],
        {"reported": "subject", "denied": "subject", "adding": "shared-subject"}),
}


@pytest.mark.parametrize(("tokens", "expected"), STATEMENT_CASES.values(), ids=STATEMENT_CASES.keys())
def test_statement_patterns_find_the_candidates(tokens: list, expected: dict[str, str]) -> None:
    """The patterns find candidates by structure; the cue model decides which are statements."""
    assert rules(parse(*tokens), "statement", "cue", "speaker") == expected


CUE_CASES = [
    # (words, lemmas, pos, deps, heads, cue index, speaker index, pattern, is a statement)
    (["The", "envoy", "warned", "that", "talks", "had", "stalled"],
     ["the", "envoy", "warn", "that", "talk", "have", "stall"],
     ["DET", "NOUN", "VERB", "SCONJ", "NOUN", "AUX", "VERB"],
     ["det", "nsubj", "ROOT", "mark", "nsubj", "aux", "ccomp"], [1, 2, 2, 6, 6, 6, 2], 2, 1, "subject", True),
    (["Ana", "Ruiz", "insisted", "that", "the", "border", "stayed", "shut"],
     ["Ana", "Ruiz", "insist", "that", "the", "border", "stay", "shut"],
     ["PROPN", "PROPN", "VERB", "SCONJ", "DET", "NOUN", "VERB", "ADJ"],
     ["compound", "nsubj", "ROOT", "mark", "det", "nsubj", "ccomp", "acomp"], [1, 2, 2, 6, 5, 6, 2, 6], 2, 1,
     "subject", True),
    (["The", "envoy", "sold", "the", "house"], ["the", "envoy", "sell", "the", "house"],
     ["DET", "NOUN", "VERB", "DET", "NOUN"], ["det", "nsubj", "ROOT", "det", "dobj"], [1, 2, 2, 4, 2], 2, 1,
     "subject", False),
    (["The", "envoy", "believes", "that", "talks", "will", "fail"],
     ["the", "envoy", "believe", "that", "talk", "will", "fail"],
     ["DET", "NOUN", "VERB", "SCONJ", "NOUN", "AUX", "VERB"],
     ["det", "nsubj", "ROOT", "mark", "nsubj", "aux", "ccomp"], [1, 2, 2, 6, 6, 6, 2], 2, 1, "subject", False),
    (["Ministers", "think", "the", "port", "will", "reopen"],
     ["minister", "think", "the", "port", "will", "reopen"],
     ["NOUN", "VERB", "DET", "NOUN", "AUX", "VERB"],
     ["nsubj", "ROOT", "det", "nsubj", "aux", "ccomp"], [1, 1, 3, 5, 5, 1], 1, 0, "subject", False),
    (["The", "convoy", "crossed", "the", "river"], ["the", "convoy", "cross", "the", "river"],
     ["DET", "NOUN", "VERB", "DET", "NOUN"], ["det", "nsubj", "ROOT", "det", "dobj"], [1, 2, 2, 4, 2], 2, 1,
     "subject", False),
]


@pytest.mark.parametrize("case", CUE_CASES, ids=lambda c: " ".join(c[0]))
def test_the_cue_model_tells_a_statement_from_an_act(case: tuple) -> None:
    from conflictmap.geo.events.cues import is_statement

    words, lemmas, pos, deps, heads, cue, speaker, how, expected = case
    doc = Doc(_vocab(), words=words, lemmas=lemmas, pos=pos, deps=deps, heads=heads, tags=_tags(words, pos))
    assert is_statement(doc[cue], doc[speaker], how) is expected


# ------------------------------------------------------------------ modes (surface patterns)


def _flat(words: list[str], lemmas: list[str] | None = None) -> Doc:
    n = len(words)
    return Doc(_vocab(), words=words, lemmas=lemmas or [w.lower() for w in words], pos=["X"] * n, deps=["dep"] * n,
               heads=[0] * n, tags=["X"] * n)


@pytest.mark.parametrize(
    ("words", "mode"),
    [
        (["Sappers", "went", "by", "rail", "to", "the", "coast"], "rail"),
        (["They", "left", "aboard", "a", "chartered", "ferry"], "sea"),
        (["Medics", "arrived", "on", "board", "a", "naval", "helicopter"], "air"),
        (["Police", "came", "by", "the", "road", "from", "the", "south"], "road"),
        (["Sailors", "met", "by", "the", "harbour", "wall"], None),
    ],
    ids=["by", "aboard-with-modifiers", "on-board", "by-the", "no-mode-word"],
)
def test_mode_patterns(words: list[str], mode: str | None) -> None:
    doc = _flat(words)
    assert mode_of(doc[:]) == mode


def test_a_verb_of_its_ownmode_of() -> None:
    """Frigates sailed home: no mode phrase, the verb says sea."""
    doc = parse(("Frigates", "frigate", "NOUN", "nsubj", 1), ("sailed", "sail", "VERB", "ROOT", 1),
                ("home", "home", "ADV", "advmod", 1))
    assert mode_of(doc[:], doc[1]) == "sea"


# ------------------------------------------------------------------ status (lexicon cues)


def _move(*before: tuple[str, str, str, str], negated: bool = False) -> Doc:
    """ "[before...] deploy troops" with each ``before`` word attached to the verb."""
    rows = [(w, lemma, pos, dep, len(before)) for w, lemma, pos, dep in before]
    verb = len(rows)
    rows += [("deploy", "deploy", "VERB", "ROOT", verb), ("troops", "troop", "NOUN", "dobj", verb)]
    if negated:
        rows.insert(0, ("not", "not", "PART", "neg", verb + 1))
        rows = [(w, lemma, p, d, h + 1 if i > 0 else h) for i, (w, lemma, p, d, h) in enumerate(rows)]
    return parse(*rows)


@pytest.mark.parametrize(
    ("doc", "status"),
    [
        (_move(), "reported"),
        (_move(("could", "could", "AUX", "aux")), "possible"),
        (_move(("if", "if", "SCONJ", "mark")), "possible"),
        (_move(("reportedly", "reportedly", "ADV", "advmod"), ("possibly", "possibly", "ADV", "advmod")), "possible"),
        (_move(negated=True), "denied"),
    ],
    ids=["plain", "modal", "condition", "hedge", "negation"],
)
def test_status_cues(doc: Doc, status: str) -> None:
    trigger = next(t for t in doc if t.text == "deploy")
    assert status_of(trigger)[0] == status


@pytest.mark.parametrize(("word", "lemma", "status"), [("plans", "plan", "possible"), ("denied", "deny", "denied")],
                         ids=["intent", "deny"])
def test_a_governing_verb_of_intent_or_denial(word: str, lemma: str, status: str) -> None:
    """Madrid plans to deploy troops / Madrid denied deploying troops."""
    doc = parse(("Madrid", "Madrid", "PROPN", "nsubj", 1), (word, lemma, "VERB", "ROOT", 1),
                ("to", "to", "PART", "aux", 3), ("deploy", "deploy", "VERB", "xcomp", 1),
                ("troops", "troop", "NOUN", "dobj", 3))
    assert status_of(doc[3]) == (status, word)


# ------------------------------------------------------------------ prepositions, senders, triggers


@pytest.mark.parametrize(
    ("words", "place", "prep"),
    [
        (["troops", "moved", "into", "Tver"], 3, "into"),
        (["troops", "pulled", "out", "of", "Tver"], 4, "from"),
        (["ships", "sailed", "via", "Suez"], 3, "via"),
        (["troops", "went", "to", "the", "town", "of", "Tver"], 6, "to"),
        (["troops", "massed", "at", "the", "border", "with", "Tver"], 6, "at"),
        (["troops", "moved", "to", "areas", "such", "as", "Tver"], 6, "to"),
    ],
    ids=["into", "out-of", "via", "town-of", "border-with", "such-as"],
)
def test_the_preposition_that_governs_a_place(words: list[str], place: int, prep: str) -> None:
    pos = {"troops": "NOUN", "ships": "NOUN", "moved": "VERB", "pulled": "VERB", "sailed": "VERB", "went": "VERB",
           "massed": "VERB", "the": "DET", "areas": "NOUN", "town": "NOUN", "border": "NOUN", "such": "ADJ"}
    doc = Doc(_vocab(), words=words, pos=[pos.get(w, "ADP" if w.islower() else "PROPN") for w in words],
              heads=[0] * len(words), deps=["dep"] * len(words))
    assert preposition(doc[place : place + 1]) == prep


def test_the_sender_of_a_movement() -> None:
    """Lisbon sent troops: Lisbon sends; Troops were sent: nobody named."""
    doc = parse(("Lisbon", "Lisbon", "PROPN", "nsubj", 1), ("sent", "send", "VERB", "ROOT", 1),
                ("troops", "troop", "NOUN", "dobj", 1))
    assert sender(doc[1]).text == "Lisbon"
    doc = parse(("Troops", "troop", "NOUN", "nsubjpass", 2), ("were", "be", "AUX", "auxpass", 2),
                ("sent", "send", "VERB", "ROOT", 2))
    assert sender(doc[2]) is None


def test_triggers_are_motion_words_of_the_lexicon() -> None:
    doc = parse(("redeployment", "redeployment", "NOUN", "ROOT", 0), ("evacuated", "evacuate", "VERB", "acl", 0),
                ("meeting", "meeting", "NOUN", "dobj", 1))
    assert [t.text for t in doc if is_trigger(t)] == ["redeployment", "evacuated"]
    assert lexicon().roles["through"] == "via"


@pytest.mark.parametrize(
    ("prep", "lemma", "attached", "role"),
    [("from", "send", False, "origin"), ("toward", "move", False, "destination"), ("through", "sail", False, "via"),
     ("in", "deploy", True, "weak destination"), ("in", "deploy", False, None), ("in", "retreat", True, None),
     ("of", "send", True, None)],
    ids=["from", "toward", "through", "in-after-deploy", "in-not-attached", "in-after-retreat", "of"],
)
def test_the_role_a_preposition_gives_a_place(prep: str, lemma: str, attached: bool, role: str | None) -> None:
    trigger = parse((lemma, lemma, "VERB", "ROOT", 0))[0]
    assert place_role(prep, trigger, attached=attached) == role


# ------------------------------------------------------------------ speakers (lexicon-driven)


def _span(words: list[str], pos: list[str], ents: list[str] | None = None) -> Doc:
    n = len(words)
    return Doc(_vocab(), words=words, pos=pos, heads=[0] * n, deps=["dep"] * n, ents=ents,
               lemmas=[w.lower() for w in words], tags=_tags(words, pos))


def _reader(gaz: Gazetteer) -> DocumentEvents:
    return DocumentEvents("d", "", gaz, [], [], None, People())


def test_a_title_before_capitalised_words_names_a_person() -> None:
    doc = _span(["Governor", "Ana", "Ruiz", "spoke"], ["NOUN", "PROPN", "PROPN", "VERB"])
    assert titled_name(doc[:]).text == "Ana Ruiz"
    doc = _span(["Farmer", "Ana", "Ruiz", "spoke"], ["NOUN", "PROPN", "PROPN", "VERB"])
    assert titled_name(doc[:]) is None


def test_a_name_never_ends_on_a_particle() -> None:
    doc = _span(["Anna", "van", "der", "Berg", "said"], ["PROPN", "X", "X", "NOUN", "VERB"],
                ents=["B-PERSON", "I-PERSON", "I-PERSON", "O", "O"])
    assert whole_name(doc.ents[0]).text == "Anna van der Berg"


def test_a_government_noun_makes_a_speaking_body() -> None:
    doc = _span(["the", "defence", "ministry"], ["DET", "NOUN", "NOUN"])
    assert government_phrase(doc[:]) is not None
    assert government_phrase(_span(["the", "farmers"], ["DET", "NOUN"])[:]) is None


def test_a_news_agency_is_a_medium_and_a_ministry_a_government(gaz: Gazetteer) -> None:
    """ "the Russian news agency" is a medium; "the Russian foreign ministry" the government speaking."""
    reader = _reader(gaz)
    media = _span(["the", "Russian", "news", "agency"], ["DET", "ADJ", "NOUN", "NOUN"])
    found = reader.speaker(media[:], media[3], 0)
    assert found is not None and found.kind == "media"
    ministry = _span(["the", "Russian", "foreign", "ministry"], ["DET", "ADJ", "ADJ", "NOUN"])
    body = reader.speaker(ministry[:], ministry[3], 0)
    assert body is not None and (body.country, body.kind) == ("RU", "government")


@pytest.mark.parametrize(("words", "pos", "kind"), [
    (["the", "prime", "minister"], ["DET", "ADJ", "NOUN"], "title"),
    (["local", "residents"], ["ADJ", "NOUN"], "group"),
    (["the", "report"], ["DET", "NOUN"], "other"),
])
def test_any_noun_phrase_can_speak(gaz: Gazetteer, words: list[str], pos: list[str], kind: str) -> None:
    """No list decides whether there is a speaker: the phrase is typed, in the text's own words."""
    doc = _span(words, pos)
    doc[-1].tag_ = "NNS" if words[-1].endswith("s") else "NN"
    found = _reader(gaz).speaker(doc[:], doc[-1], 0)
    assert found is not None and (found.kind, found.phrase) == (kind, " ".join(words))


def test_a_pronoun_speaks_for_the_last_person_of_its_gender(gaz: Gazetteer) -> None:
    reader = _reader(gaz)
    reader.last_person = Speaker("Ana Ruiz", None, "ES", "person", gender="f")
    she = _span(["She"], ["PRON"])
    found = reader.speaker(she[:], she[0], 0)
    assert found is not None and (found.name, found.country, found.kind) == ("Ana Ruiz", "ES", "pronoun")
    he = _span(["He"], ["PRON"])
    assert reader.speaker(he[:], he[0], 0).name is None  # not Ana Ruiz: the text calls her "she"
    it = _span(["It"], ["PRON"])
    assert reader.speaker(it[:], it[0], 0).name is None  # no organisation spoke yet


def test_an_actor_is_named_without_its_size(gaz: Gazetteer) -> None:
    doc = parse(("some", "some", "DET", "advmod", 1), ("400", "400", "NUM", "nummod", 2),
                ("troops", "troop", "NOUN", "ROOT", 2))
    assert _reader(gaz).actor(doc[2], 0) == ("troops", None)


# ------------------------------------------------------------------ explicit places and sizes (text patterns)


@pytest.mark.parametrize(
    ("before", "explicit"),
    [("The envoy, speaking at a rally in ", True), ("The minister told reporters at the ", True),
     ("After a news conference in ", True), ("Officials said that fighting in ", False),
     ("The envoy said the situation in ", False), ("Farmers planted wheat in ", False),
     ("The minister visited ", True), ("The senator, touring the ", True),
     ("She gave a speech in northern ", True), ("Officials said that fighting in northern ", False)],
    ids=["cue-gap-in", "two-word-cue-the", "conference", "that-blocks", "the-situation-blocks", "no-cue",
         "visit-object", "touring-the", "part-of-place", "part-of-place-blocked"],
)
def test_a_cue_before_a_place_says_where_it_was_said(before: str, explicit: bool) -> None:
    from conflictmap.geo.events.statements import explicit_before

    assert bool(explicit_before().search(before)) is explicit


@pytest.mark.parametrize(
    ("text", "size", "value"),
    [("Lisbon sent at least 2,500 troops north.", "at least 2,500", 2500),
     ("It called up some 1.5 million reservists.", "some 1.5 million", 1_500_000),
     ("It moved tens of thousands of elite soldiers.", "tens of thousands", None),
     ("It sent two more frigates.", None, None)],
    ids=["quantifier-digits", "magnitude", "amount-of-adjective", "words-not-digits"],
)
def test_size_claims(text: str, size: str | None, value: int | None) -> None:
    from conflictmap.geo.events.grammar import size_pattern, size_value

    m = size_pattern().search(text)
    assert (m.group("size") if m else None) == size
    if m:
        assert size_value(m.group("size")) == value


@pytest.mark.parametrize(
    ("words", "pos", "found"),
    [
        (["ADAMS", ":", "We", "stay"], ["PROPN", "PUNCT", "PRON", "VERB"], "ADAMS :"),
        (["Maria", "Lopez", ":", "It", "is", "gone"], ["PROPN", "PROPN", "PUNCT", "PRON", "AUX", "VERB"],
         "Maria Lopez :"),
        (["the", "road", ":", "closed"], ["DET", "NOUN", "PUNCT", "VERB"], None),  # no capitalised speaker
    ],
    ids=["upper-case-name", "title-case-name", "not-a-name"],
)
def test_a_line_can_open_with_its_speaker_and_a_colon(words: list[str], pos: list[str], found: str | None) -> None:
    doc = Doc(_vocab(), words=words, pos=pos, sent_starts=[True] + [False] * (len(words) - 1))
    lines = [span.text for _, span in patterns(doc.vocab).surface(doc, "speaker_line")]
    assert lines[:1] == ([found] if found else [])


def test_a_name_seen_as_a_person_stays_a_person_whatever_the_model_calls_it(gaz: Gazetteer) -> None:
    reader = _reader(gaz)
    reader.people.remember(Speaker("Ana Ruiz", None, "ES", "person"))
    later = _span(["Ruiz"], ["PROPN"], ents=["B-ORG"])
    found = reader.speaker(later[:], later[0], 0)
    assert found is not None and (found.name, found.kind, found.country) == ("Ana Ruiz", "person", "ES")
    other = _span(["Ortega"], ["PROPN"], ents=["B-ORG"])
    found = reader.speaker(other[:], other[0], 0)
    assert found is not None and found.kind == "organisation"


def test_a_run_on_sentence_beyond_the_bound_is_not_searched() -> None:
    """The dependency matcher's cost grows with the cube of a sentence's length: a scraped list
    parsed as one sentence of thousands of tokens would take minutes, so it is skipped."""
    from conflictmap.geo.events.patterns import MAX_SENTENCE_TOKENS

    def clauses(n: int) -> Doc:
        words, heads, deps, pos = [], [], [], []
        for k in range(n):  # "envoys warned , envoys warned , ..." chained as conjuncts
            base = 3 * k
            words += ["envoys", "warned", ","]
            heads += [base + 1, 1, base + 1]  # every verb hangs on the first
            deps += ["nsubj", "conj" if k else "ROOT", "punct"]
            pos += ["NOUN", "VERB", "PUNCT"]
        return Doc(_vocab(), words=words, heads=heads, deps=deps, pos=pos, lemmas=[w.rstrip("s") for w in words],
                   tags=_tags(words, pos))

    short, long = clauses(10), clauses(MAX_SENTENCE_TOKENS // 3 + 1)
    assert len(patterns(short.vocab).dependency(short, "statement")) >= 10
    assert patterns(long.vocab).dependency(long, "statement") == []


def test_they_is_never_the_last_person(gaz: Gazetteer) -> None:
    reader = _reader(gaz)
    reader.last_person = Speaker("Ana Ruiz", None, "ES", "person")
    they = _span(["They"], ["PRON"])
    assert reader.speaker(they[:], they[0], 0).name is None
    she = _span(["She"], ["PRON"])
    assert reader.speaker(she[:], she[0], 0).name == "Ana Ruiz"


def test_a_possessive_pronoun_speaks_for_its_person(gaz: Gazetteer) -> None:
    """ "Her warning came late": the possessor of a noun cue is a speaker too."""
    reader = _reader(gaz)
    reader.last_person = Speaker("Ana Ruiz", None, "ES", "person")
    her = _span(["Her"], ["PRON"])
    found = reader.speaker(her[:], her[0], 0)
    assert found is not None and (found.name, found.kind) == ("Ana Ruiz", "pronoun")


@pytest.mark.parametrize(
    ("site", "kind", "expected"),
    [("camp", "district", True), ("airfield", "province", True), ("debate", "district", False)],
    ids=["camp-in-the-district", "airfield-in-the-province", "debate-in-the-district"],
)
def test_a_site_completed_through_the_kind_noun_of_its_place(site: str, kind: str, expected: bool) -> None:
    """ "Rebels entered a camp in Ruritown district": the name only, which the kind noun follows."""
    doc = parse(("Rebels", "rebel", "NOUN", "nsubj", 1), ("entered", "enter", "VERB", "ROOT", 1),
                ("a", "a", "DET", "det", 3), (site, site, "NOUN", "dobj", 1), ("in", "in", "ADP", "prep", 3),
                ("Ruritown", "Ruritown", "PROPN", "compound", 6), (kind, kind, "NOUN", "pobj", 4))
    assert in_a_site(doc[5:6]) is expected


def _named(*tokens: tuple[str, str, str, str, int], org: int) -> Doc:
    """A Doc whose token ``org`` the model would tag as an organisation."""
    doc = parse(*tokens)
    doc.ents = [doc.char_span(doc[org].idx, doc[org].idx + len(doc[org]), label="ORG")]
    return doc


@pytest.mark.parametrize(
    ("tokens", "expected"),
    [
        ([("Zorba", "Zorba", "PROPN", "nsubj", 1), ("left", "leave", "VERB", "ROOT", 1),
          ("Tripoli", "Tripoli", "PROPN", "dobj", 1)], {"left": "Zorba"}),
        ([("Zorba", "Zorba", "PROPN", "nsubj", 1), ("hopes", "hope", "VERB", "ROOT", 1), ("to", "to", "PART", "aux", 3),
          ("reach", "reach", "VERB", "xcomp", 1), ("Tripoli", "Tripoli", "PROPN", "dobj", 3)], {"reach": "Zorba"}),
    ],
    ids=["armed-group-subject", "armed-group-chain"],
)
def test_a_name_the_document_gives_an_armed_group_moves_as_a_force(tokens: list, expected: dict[str, str]) -> None:
    """ "Zorba militiamen fought ... Zorba left Tripoli": the name qualified a force noun before."""
    shown = _named(("Zorba", "Zorba", "PROPN", "compound", 1), ("militiamen", "militiaman", "NOUN", "nsubj", 2),
                   ("fought", "fight", "VERB", "ROOT", 2), org=0)
    doc = _named(*tokens, org=0)
    assert forces(doc) == {}  # a name never shown armed: a company, a charity
    doc.user_data[ARMED_GROUPS] = armed_group_names([shown, doc])
    assert forces(doc) == expected


@pytest.mark.parametrize(
    ("pronoun", "placed", "expected"),
    [("We", True, "paratrooper"), ("I", True, "paratrooper"), ("We", False, None)],
    ids=["we-past-a-town-tagged-as-a-person", "i-past-a-town-tagged-as-a-person", "a-person-between"],
)
def test_a_town_the_model_calls_a_person_does_not_hide_the_soldier(pronoun: str, placed: bool,
                                                                   expected: str | None) -> None:
    """ "Roe, a paratrooper, reached Lake Town. We left": "Lake Town" is a person to the model only."""
    doc = parse(("Roe", "Roe", "PROPN", "nsubj", 5), (",", ",", "PUNCT", "punct", 0), ("a", "a", "DET", "det", 3),
                ("paratrooper", "paratrooper", "NOUN", "appos", 0), (",", ",", "PUNCT", "punct", 0),
                ("reached", "reach", "VERB", "ROOT", 5), ("Lake", "Lake", "PROPN", "compound", 7),
                ("Town", "Town", "PROPN", "dobj", 5), (".", ".", "PUNCT", "punct", 5),
                (pronoun, pronoun.lower(), "PRON", "nsubj", 10), ("left", "leave", "VERB", "ROOT", 10))
    doc.ents = [doc.char_span(0, 3, label="PERSON"), doc.char_span(doc[6].idx, doc[7].idx + 4, label="PERSON")]
    if placed:
        doc.user_data[PLACE_STARTS] = frozenset({doc[6].idx})
    found = soldier_antecedent(doc[9])
    assert (found.text if found is not None else None) == expected


def _speakers(doc: Doc) -> dict[str, str]:
    """Cue word -> the speaker chosen for it, as the statement reader chooses (the nearest)."""
    found = best(patterns(doc.vocab).dependency(doc, "statement"), "cue", "speaker", nearest=True)
    return {doc[i].text: m["speaker"].text for i, m in found.items()}


def test_of_two_subjects_the_one_nearest_the_cue_speaks() -> None:
    # "At the talks in Oslo - the last round - the envoys said it failed": the parser made both nouns subjects
    doc = parse(("At", "at", "ADP", "prep", 6), ("talks", "talk", "NOUN", "pobj", 0), ("-", "-", "PUNCT", "punct", 6),
                ("round", "round", "NOUN", "nsubj", 6), ("-", "-", "PUNCT", "punct", 6),
                ("envoys", "envoy", "NOUN", "nsubj", 6), ("said", "say", "VERB", "ROOT", 6),
                ("it", "it", "PRON", "nsubj", 8), ("failed", "fail", "VERB", "ccomp", 6))
    assert _speakers(doc)["said"] == "envoys"


def test_a_subject_with_whose_is_a_relative_clause_not_the_speaker() -> None:
    # "The mission, whose monitors patrol the line, said ...", parsed with two subjects of "patrol"
    doc = parse(("The", "the", "DET", "det", 1), ("mission", "mission", "NOUN", "nsubj", 5),
                (",", ",", "PUNCT", "punct", 1), ("whose", "whose", "DET", "poss", 4),
                ("monitors", "monitor", "NOUN", "nsubj", 5), ("patrol", "patrol", "VERB", "ROOT", 5),
                ("line", "line", "NOUN", "dobj", 5), (",", ",", "PUNCT", "punct", 5),
                ("said", "say", "VERB", "conj", 5), ("it", "it", "PRON", "nsubj", 10),
                ("left", "leave", "VERB", "ccomp", 8))
    doc[3].tag_ = "WP$"
    assert _speakers(doc)["said"] == "mission"
