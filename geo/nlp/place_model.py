"""Whether a candidate span names a place: a small logistic model over named features.

Candidates come from two sources (:mod:`geo.nlp.components`): the spans the recognition rules
find from the model's entities (a GPE, a town the model called a product, ...), and every
capitalised run of words, or part of one, that the gazetteer knows as a name, whatever the model
called it. Which of them are places is decided here from the span's context: the model's label,
the preposition before it and the verb that governs that preposition, the noun it modifies, a
hyphenated "-based" after it, parentheses, its capitalisation, the kind and prior of the places
it may name and how many there are, and how the document uses the same name elsewhere.

The weights are learnt from the public geoparsing corpora (``scripts/train_place_model.py``;
GeoWebNews and TR-News, cross-validated by document and across the two corpora) and stored as a
JSON file of named feature weights (``geo/data/models/place_model.json``): no learning library
at run time, and every weight can be read and questioned like a rule.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from conflictmap.gazetteer import PlaceKind
from conflictmap.geo.lexicon import lexicon
from conflictmap.geo.logistic import LogisticModel, ModelFile

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

MODEL = ModelFile(Path(__file__).resolve().parent.parent / "data" / "models" / "place_model.json")
GAZETTEER_SOURCE = "gazetteer"  # the source of a candidate found by the gazetteer alone
# lower-case words that may join the capitalised words of one name ("Bay of Bengal", "Rio de Janeiro")
NAME_JOINERS = frozenset({"of", "de", "del", "da", "do", "la", "le", "el", "al", "upon", "on", "-"})
MOST_WORDS = 5  # a candidate from the gazetteer has at most this many tokens
PERSON_TITLES = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "lady", "lord", "st", "st."})


def place_model() -> LogisticModel:
    return MODEL.model()


def use_model(path: Path) -> None:
    """Read the place model from ``path`` from now on (to measure a model fitted on one corpus)."""
    MODEL.use(path)


def name_token(token: Any) -> bool:
    """A token that can be part of a capitalised name: "Kursk", "KURSK", "U.S.", "O'Neill"."""
    text = token.text
    return text[:1].isupper() and any(c.isalpha() for c in text)


def capitalised_runs(doc: Doc) -> Iterable[tuple[int, int]]:
    """``(start, end)`` token offsets of each run of capitalised words, with the joiners between
    them ("Bay of Bengal"), never ending on a joiner."""
    i, n = 0, len(doc)
    while i < n:
        if not name_token(doc[i]):
            i += 1
            continue
        j = i + 1
        end = j
        while j < n and (name_token(doc[j]) or doc[j].lower_ in NAME_JOINERS):
            j += 1
            if name_token(doc[j - 1]):
                end = j
        yield i, end
        i = max(end, i + 1)


def sub_spans(start: int, end: int, doc: Doc) -> Iterable[tuple[int, int]]:
    """Every part of a run that starts and ends on a capitalised word, longest first."""
    for size in range(min(MOST_WORDS, end - start), 0, -1):
        for a in range(start, end - size + 1):
            b = a + size
            if name_token(doc[a]) and name_token(doc[b - 1]):
                yield a, b


def _shape(span: Span) -> str:
    words = [t for t in span if t.is_alpha]
    if not words:
        return "other"
    if all(t.is_upper for t in words):
        return "upper" if sum(len(t) for t in words) > 3 else "acronym"
    if all(t.is_title for t in words):
        return "title"
    return "mixed"


def _entity_relation(span: Span) -> tuple[str, str]:
    """The model's label over the span and how its entity lines up with it: exact, inside (the span
    is part of a longer entity), wider (the span runs past the entity), none."""
    first = span[0]
    label = first.ent_type_ or "-"
    if not first.ent_type_:
        inside = [t for t in span if t.ent_type_]
        return ("-", "partly" if inside else "none")
    doc = span.doc  # the entity's bounds from the tokens' IOB tags (``doc.ents`` builds every span)
    start = first.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = first.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    if (start, end) == (span.start, span.end):
        return (label, "exact")
    if start <= span.start and span.end <= end:
        return (label, "inside")
    return (label, "wider")


def _before(span: Span) -> tuple[Any, Any]:
    """The token right before the span, and the first one before any article."""
    doc = span.doc
    prev = doc[span.start - 1] if span.start > 0 else None
    k = span.start - 1
    while k >= 0 and doc[k].lower_ in lexicon().articles:
        k -= 1
    return prev, (doc[k] if k >= 0 else None)


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for edge in edges:
        if n <= edge:
            return str(edge)
    return f">{edges[-1]}"


def features(span: Span, source: str, matches: tuple[tuple[Any, int], ...], *, demonym: bool,
             elsewhere: dict[str, list[tuple[int, str]]], key: str) -> dict[str, float]:
    """The named features of one candidate span.

    ``source``: the recognition rule's label for the span ("GPE", "RECOVERED", "DEMONYM", ...) or
    :data:`GAZETTEER_SOURCE`; ``matches``: the gazetteer's ``(place, name type)`` rows for its text;
    ``elsewhere``: for each folded name, where the model labelled it in the document and how;
    ``key``: the span's folded text."""
    doc = span.doc
    label, relation = _entity_relation(span)
    found: dict[str, float] = {
        f"src={source}": 1.0,
        f"ent={label}": 1.0,
        f"ent_fit={relation}": 1.0,
        f"src_ent={source}|{label}|{relation}": 1.0,
        f"shape={_shape(span)}": 1.0,
        f"words={min(len(span), 4)}": 1.0,
        f"pos={span[0].pos_}": 1.0,
    }
    if span[0].is_sent_start:
        found["sentence_start"] = 1.0
        found[f"sentence_start|{source}"] = 1.0
    prev, governor = _before(span)
    if prev is not None:
        if prev.is_punct:
            found[f"prev_punct={prev.text}"] = 1.0
        elif name_token(prev):
            found["prev_capitalised"] = 1.0
        if prev.lower_.rstrip(".") in lexicon().titles or prev.lower_ in PERSON_TITLES:
            found["after_title"] = 1.0
    if governor is not None and (governor.pos_ == "ADP" or governor.lower_ in lexicon().place_prepositions):
        word = governor.lower_
        found[f"prep={word}"] = 1.0
        if word in lexicon().place_prepositions:
            found["place_preposition"] = 1.0
        head = governor.head  # common words only: a name is no feature
        if head.pos_ in ("VERB", "AUX") and head.is_lower:
            found[f"prep_verb={word}|{head.lemma_.lower()}"] = 1.0
        elif head.pos_ == "NOUN" and head.is_lower:
            found[f"prep_noun={word}|{head.lemma_.lower()}"] = 1.0
    root = span.root
    found[f"dep={root.dep_}"] = 1.0
    if root.dep_ == "nsubj" and root.head.lemma_.lower() in lexicon().report_verbs:
        found["speaker"] = 1.0  # "X said": a person or a body, or a country speaking through its government
    # "to A and B": a name joined to a name the model calls a place
    joined = [root.head] if root.dep_ == "conj" else []
    joined += [c for c in root.children if c.dep_ == "conj"]
    if any(t.ent_type_ in ("GPE", "LOC") and not span.start <= t.i < span.end for t in joined):
        found["joined_to_place"] = 1.0
    if root.dep_ in ("compound", "amod", "nmod", "poss") and root.head.i >= span.end:
        if root.head.is_lower:
            found[f"modifies={root.head.lemma_.lower()}"] = 1.0
        found[f"modifies_pos={root.head.pos_}"] = 1.0
    nxt = doc[span.end] if span.end < len(doc) else None
    if nxt is not None:
        if nxt.text in ("-", "–") and span.end + 1 < len(doc):
            after = doc[span.end + 1]
            found[f"hyphen={after.lower_}" if after.is_lower else "hyphen_name"] = 1.0
        elif name_token(nxt):
            found["next_capitalised"] = 1.0
        elif nxt.is_punct or nxt.lower_ in ("'s", "’s"):
            found[f"next_punct={nxt.text}"] = 1.0
        else:
            found[f"next={nxt.lower_}" if nxt.is_stop else "next_word"] = 1.0
    if prev is not None and prev.text == "(" and nxt is not None and nxt.text == ")":
        found["parenthesised"] = 1.0
    text = span.text.lower()
    if text in lexicon().generic_words:
        found["generic_word"] = 1.0
    if len(span) == 1 and (span[0].is_stop or text in lexicon().stop_words):
        found["stop_word"] = 1.0
    if demonym:
        found["demonym"] = 1.0
    # the gazetteer's view: what kind of place, how prominent, by which name, how many namesakes
    if matches:
        best, _ = max(matches, key=lambda m: m[0].prior)
        kind = best.kind.value if isinstance(best.kind, PlaceKind) else str(best.kind)
        found[f"kind={kind}"] = 1.0
        found[f"src_kind={source}|{kind}"] = 1.0
        found["prior"] = best.prior / 10.0
        found[f"prior>={int(min(best.prior, 10))}"] = 1.0
        found[f"name_type={min(m[1] for m in matches)}"] = 1.0
        found[f"namesakes={_bucket(len(matches), (1, 3, 10, 30))}"] = 1.0
        if "place_preposition" in found:
            found[f"place_preposition|{kind}"] = 1.0
    else:
        found["unknown_name"] = 1.0
    labels = {lab for at, lab in elsewhere.get(key, ()) if at != span.start}
    for other in sorted(labels):
        found[f"elsewhere={other}"] = 1.0
    return found
