"""Place candidates from the gazetteer and the place model that keeps or drops them.

Model-free tests build Docs by hand; the sentences run through the real model and the full
gazetteer are of our own wording.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

from conflictmap.geo.logistic import LogisticModel
from conflictmap.geo.nlp.components import SPAN_KEY, choose
from conflictmap.geo.nlp.place_model import (
    GAZETTEER_SOURCE,
    capitalised_runs,
    features,
    place_model,
    sub_spans,
)


@pytest.fixture(scope="module")
def vocab():
    return spacy.blank("en").vocab


def test_a_run_of_capitalised_words_keeps_its_joiners_but_never_ends_on_one(vocab) -> None:
    doc = Doc(vocab, words=["Boats", "crossed", "the", "Gulf", "of", "Riga", "of", "late", "."])
    runs = list(capitalised_runs(doc))
    assert runs == [(0, 1), (3, 6)]
    parts = [doc[a:b].text for a, b in sub_spans(3, 6, doc)]
    assert parts == ["Gulf of Riga", "Gulf", "Riga"]  # never "Gulf of" nor "of Riga"


@pytest.mark.parametrize(
    ("words", "at", "expected"),
    [
        (["Staff", "of", "Turku", "-", "based", "firms", "left"], (2, 3), "hyphen=based"),
        (["A", "port", "(", "Mersin", ")", "reopened"], (3, 4), "parenthesised"),
        (["Mr.", "Selby", "spoke", "briefly"], (1, 2), "after_title"),
        (["Ferries", "run", "to", "Bergen", "daily"], (3, 4), "prep=to"),
    ],
    ids=["x-based", "parentheses", "title", "preposition"],
)
def test_context_features(vocab, words: list[str], at: tuple[int, int], expected: str) -> None:
    pos = ["ADP" if w == "to" else "PROPN" if w[0].isupper() else "NOUN" for w in words]
    doc = Doc(vocab, words=words, pos=pos)
    found = features(doc[at[0] : at[1]], GAZETTEER_SOURCE, (), demonym=False, elsewhere={}, key="")
    assert expected in found
    assert "unknown_name" in found  # no gazetteer rows were given


def test_the_same_name_elsewhere_in_the_document_counts_but_not_the_span_itself(vocab) -> None:
    doc = Doc(vocab, words=["Kolda", "grew", "and", "Kolda", "thrived"])
    elsewhere = {"kolda": [(0, "GPE")]}
    assert "elsewhere=GPE" in features(doc[3:4], GAZETTEER_SOURCE, (), demonym=False, elsewhere=elsewhere,
                                       key="kolda")
    assert "elsewhere=GPE" not in features(doc[0:1], GAZETTEER_SOURCE, (), demonym=False, elsewhere=elsewhere,
                                           key="kolda")


def test_choose_keeps_the_rules_extent_then_adds_gazetteer_names_where_free(vocab) -> None:
    doc = Doc(vocab, words=["From", "the", "Oryol", "region", "to", "Bryansk", "and", "Tula"])
    region = Span(doc, 2, 4, label="RECOVERED")  # a rule's span, with its region word
    inner = Span(doc, 2, 3, label="RECOVERED")  # the gazetteer's name inside it
    bryansk = Span(doc, 5, 6, label="RECOVERED")
    tula = Span(doc, 7, 8, label="RECOVERED")
    scored = [(0.6, region, True), (0.9, inner, False), (0.8, bryansk, False), (0.2, tula, False)]
    assert [s.text for s in choose(scored, 0.5)] == ["Oryol region", "Bryansk"]
    # a rule's span the model drops frees its words for the gazetteer's candidates
    assert [s.text for s in choose([(0.1, region, True), *scored[1:]], 0.5)] == ["Oryol", "Bryansk"]


def test_probability_is_the_logistic_of_the_named_weights() -> None:
    model = LogisticModel(bias=-1.0, threshold=0.5, weights={"place_preposition": 2.0, "after_title": -3.0})
    assert model.probability({"place_preposition": 1.0}) == pytest.approx(0.731, abs=1e-3)
    assert model.probability({"place_preposition": 1.0, "after_title": 1.0}) < 0.5
    assert model.probability({"not a weight": 5.0}) == pytest.approx(0.269, abs=1e-3)


def test_the_shipped_model_loads_with_a_sane_threshold() -> None:
    model = place_model()
    assert 0.2 < model.threshold < 0.7
    assert model.weights


def _places(pipeline, text: str, *, decide: bool = True) -> list[str]:
    recognizer = pipeline.nlp.get_pipe("conflictmap_places")
    recognizer.decide = decide
    try:
        doc = pipeline.nlp(text)
        return [s.text for s in doc.spans[SPAN_KEY]]
    finally:
        recognizer.decide = True


@pytest.mark.full
@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected", "rules_alone"),
    [
        # towns the model leaves untagged: found by the gazetteer, kept by the place model; the rules
        # find them too as the object of a verb whose object is where something goes or leaves
        ("Buses left Donetsk for Mariupol at dawn.", ["Donetsk", "Mariupol"], ["Donetsk", "Mariupol"]),
        ("Aid reached Mekele late on Friday, the UN said.", ["Mekele"], ["Mekele"]),
        # an acronym the model calls a place that names a body: dropped
        ("The NRA lobbied hard against the measure in Ohio.", ["Ohio"], ["NRA", "Ohio"]),
    ],
    ids=["untagged-town", "untagged-after-verb", "acronym"],
)
def test_the_place_model_recovers_and_drops(pipeline, text: str, expected: list[str],
                                            rules_alone: list[str]) -> None:
    assert _places(pipeline, text) == expected
    assert _places(pipeline, text, decide=False) == rules_alone  # what the rules alone did


@pytest.mark.full
@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Madison told the crowd that the vote was rigged.",  # a surname that is a city's name
        "Mr. Warren said the plan would cost too much.",
        "The UN said the talks would resume next month.",  # an acronym some place has as a name
    ],
    ids=["surname", "title-surname", "org-acronym"],
)
def test_people_and_bodies_named_like_towns_are_not_added(pipeline, text: str) -> None:
    """Each is a gazetteer candidate (kept if the model kept every candidate), and dropped."""
    recognizer = pipeline.nlp.get_pipe("conflictmap_places")
    doc = pipeline.nlp(text)
    assert any(not rule for _, _, rule in recognizer.candidates(doc))
    assert _places(pipeline, text) == []


@pytest.mark.full
@pytest.mark.model
def test_a_curated_place_is_never_dropped(pipeline) -> None:
    """The corpora read a seat of government as the body it houses, and the model learnt to drop it;
    a curated place is the project's own decision."""
    text = "The Kremlin denied the report on Tuesday."
    recognizer = pipeline.nlp.get_pipe("conflictmap_places")
    doc = pipeline.nlp(text)
    model = place_model()
    kremlin = [f for span, f, rule in recognizer.candidates(doc) if rule and span.text == "Kremlin"]
    assert kremlin
    assert model.probability(kremlin[0]) < model.threshold  # what the model alone would do
    assert _places(pipeline, text) == ["Kremlin"]
