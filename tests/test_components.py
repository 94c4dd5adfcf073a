"""The gazetteer-aware spaCy component, with the real model and the mini gazetteer."""

from __future__ import annotations

import pytest

from conflictmap.geo.nlp.components import SPAN_KEY

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def nlp(mini_pipeline):
    return mini_pipeline.nlp


def places(nlp, text: str) -> list[str]:
    doc = nlp(text)  # keep the Doc alive while its spans are read
    return [s.text for s in doc.spans[SPAN_KEY]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Some troops might be sent to Russia's Kursk region.", ["Russia", "Kursk region"]),  # Kursk: PRODUCT
        ("The risks extend to the Indo-Pacific region, he said.", ["Indo-Pacific region"]),  # an ORG to the model
        ("Troops of the DPRK moved to Russia.", ["DPRK", "Russia"]),
        ("North Korea's troops were moved to eastern Russia.", ["North Korea", "eastern Russia"]),
        ("North Korea Sends Troops to Russia", ["North Korea", "Russia"]),  # headline run-on trimmed
        ("They moved from the Wonsan area to Vladivostok.", ["Wonsan area", "Vladivostok"]),
    ],
    ids=["product", "org", "acronym", "modifier", "headline", "area"],
)
def test_recovers_and_trims_places(nlp, text: str, expected: list[str]) -> None:
    assert places(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Paris Hilton arrived late to the gala.",
        "Kim Jong Un inspected the troops.",
        "Michael Jordan signed autographs.",
        "It was a moving experience for everyone.",
    ],
)
def test_people_are_not_places(nlp, text: str) -> None:
    assert places(nlp, text) == []


def test_registered_as_a_spacy_factory() -> None:
    import spacy

    blank = spacy.blank("en")
    assert "conflictmap_places" in blank.factory_names
    assert "conflictmap_paragraphs" in blank.factory_names


def test_a_town_named_by_a_generic_word_is_not_recovered(nlp) -> None:
    """Union (New Jersey, 57,000 people) is a town, but "union" is mostly a word: a name the model
    did not call a place is recovered only when it is not such a word."""
    assert places(nlp, "Troops returned to Union after the raid.") == []


@pytest.mark.full
def test_a_parsed_doc_serialises_with_its_user_data(pipeline) -> None:
    """What the components leave in ``Doc.user_data`` survives a DocBin (the cue model's training caches
    its parses so): here the countries a text names, read for a small town at a movement's end."""
    from spacy.tokens import DocBin

    doc = pipeline.nlp("Japan's army moved a company of marines to Yusuhara before dawn.")
    assert doc.user_data  # the small town's check ran
    data = DocBin(store_user_data=True, docs=[doc]).to_bytes()
    [back] = DocBin().from_bytes(data).get_docs(pipeline.nlp.vocab)
    assert back.user_data == doc.user_data


def _parsed(nlp, words: list[str], tags: list[str], heads: list[int], deps: list[str]):
    """A Doc as the parser might leave a headline (tags and tree given), for the mending component."""
    from spacy.tokens import Doc

    return Doc(nlp.vocab, words=words, tags=tags, heads=heads, deps=deps,
               pos=["VERB" if t.startswith("VB") else "PROPN" if t.startswith("NNP") else "ADP" if t == "IN"
                    else "NOUN" for t in tags])


@pytest.mark.parametrize(("words", "tags", "heads", "deps", "verb"), [
    # the force read as the verb, the motion word as its object ("frigates" the root)
    (["Coalition", "frigates", "reposition", "to", "Tripoli"], ["NN", "VBZ", "NN", "IN", "NNP"],
     [1, 1, 1, 1, 3], ["nsubj", "ROOT", "dobj", "prep", "pobj"], "reposition"),
    # a sender's verb read as a noun above the preposition the force hangs on
    (["Japan", "rushes", "frigates", "into", "Odesa"], ["NNP", "NNS", "NNS", "IN", "NNP"],
     [1, 1, 3, 1, 3], ["compound", "ROOT", "pobj", "prep", "pobj"], "rushes"),
    # the sender the root, the force in apposition to it and the verb a modifier of the force
    (["Rebels", "mass", "armour", "near", "Goma"], ["NNPS", "NN", "NN", "IN", "NNP"],
     [0, 2, 0, 2, 3], ["ROOT", "amod", "appos", "prep", "pobj"], "mass"),
    # the preposition the root, the force hung below the place it governs
    (["Rebels", "mass", "armour", "near", "Goma"], ["NNPS", "NN", "NN", "IN", "NNP"],
     [3, 2, 4, 3, 3], ["nsubj", "amod", "appos", "ROOT", "pobj"], "mass"),
], ids=["force-as-verb", "sender-verb-above-the-force", "force-hung-on-the-sender", "force-below-the-preposition"])
def test_mending_a_headline_never_leaves_a_cycle(nlp, words, tags, heads, deps, verb) -> None:
    """Every token reaches the root after the mend (a cycle makes spaCy fail on the whole batch)."""
    from conflictmap.geo.nlp.components import headline_verbs

    doc = headline_verbs(_parsed(nlp, words, tags, heads, deps))
    for token in doc:
        seen = {token.i}
        while token.head.i != token.i:
            token = token.head
            assert token.i not in seen, f"cycle through {token.text}"
            seen.add(token.i)
    assert doc[words.index(verb)].pos_ == "VERB" and [s.root.text for s in doc.sents] == [verb]


@pytest.mark.parametrize(("words", "tags", "heads", "deps", "lemma"), [
    # a plural force's verb in its own form, read as a noun: made a verb, it keeps its last "s"
    (["Rebels", "cross", "into", "Goma"], ["NNS", "NNS", "IN", "NNP"], [1, 1, 1, 2],
     ["compound", "ROOT", "prep", "pobj"], "cross"),
    # a third-person form loses it
    (["Frigate", "sails", "into", "Goma"], ["NN", "NNS", "IN", "NNP"], [1, 1, 1, 2],
     ["compound", "ROOT", "prep", "pobj"], "sail"),
], ids=["own-form", "third-person"])
def test_a_mended_headline_verb_gets_its_own_lemma(nlp, words, tags, heads, deps, lemma) -> None:
    from conflictmap.geo.nlp.components import headline_verbs

    doc = nlp.get_pipe("lemmatizer")(headline_verbs(_parsed(nlp, words, tags, heads, deps)))
    assert (doc[1].pos_, doc[1].lemma_) == ("VERB", lemma)
