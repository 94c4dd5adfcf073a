"""Documents in, analysed documents out: zones, spaCy, places, events. Fusion is geo.fusion."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from conflictmap.gazetteer import Gazetteer, open_gazetteer
from conflictmap.geo.events.reader import DocumentEvents
from conflictmap.geo.events.speakers import People
from conflictmap.geo.nlp.model import load_pipeline, parse
from conflictmap.geo.places import country_hint, find_dateline, mentions_from_docs, resolve_mentions
from conflictmap.geo.reading.dates import latest_date
from conflictmap.geo.reading.reader import Document
from conflictmap.geo.reading.zones import (
    Paragraph,
    classify,
    heading_segments,
    parsed_segments,
    sentence_cased,
    unwrapped,
)
from conflictmap.geo.records import BORDER_LABEL, Analysis

logger = logging.getLogger(__name__)


class Pipeline:
    """Load the model and open the gazetteer once; analyse any number of documents."""

    def __init__(self, *, gazetteer: Gazetteer | Path | None = None, countries: tuple[str, ...] = ()) -> None:
        """``gazetteer``: an open :class:`Gazetteer` (used as it is), a path, or None (the default).
        ``countries``: ISO alpha-2 codes the documents are about (``extract --country``), a prior
        in resolution; part of the cache key (:func:`conflictmap.geo.cache.analysis_version`)."""
        self.gaz: Gazetteer = gazetteer if isinstance(gazetteer, Gazetteer) else open_gazetteer(gazetteer)
        self.countries = country_hint(countries)
        self.nlp = load_pipeline(self.gaz)

    def analyse(
        self, documents: Iterable[Document], *, batch: int = 16, on_done: Callable[[Document], None] | None = None
    ) -> Iterator[Analysis]:
        """Analyse documents one by one: nothing read in one document (a person's name, a pronoun's
        referent, a country) carries to another, so a document's result never depends on the run."""
        pending: list[Document] = []
        for document in documents:
            pending.append(document)
            if len(pending) >= batch:
                yield from self._batch(pending, on_done)
                pending = []
        if pending:
            yield from self._batch(pending, on_done)

    def _batch(
        self, documents: list[Document], on_done: Callable[[Document], None] | None
    ) -> Iterator[Analysis]:
        # zones first: furniture and duplicates are never parsed
        zones = [classify(d.text) for d in documents]
        # hard-wrapped wire copy is parsed with the wrapping's line breaks as spaces, headlines in title
        # case as sentences (offsets unchanged)
        texts = [sentence_cased(unwrapped(d.text), z) for d, z in zip(documents, zones, strict=True)]
        parsed = parse(self.nlp, texts, segments=[parsed_segments(z) for z in zones])
        # each headline and heading once more on its own: parsed with the next line, a line without a
        # full stop is misread (a name after the verb taken for a preposition); read for movements
        # where the document's parse finds none in it
        alone = parse(self.nlp, texts, segments=[heading_segments(z, t) for z, t in zip(zones, texts, strict=True)])
        for n, (document, paragraphs) in enumerate(zip(documents, zones, strict=True)):
            try:
                analysis = self.analyse_parsed(document, next(parsed), paragraphs=paragraphs, headings=next(alone))
            except Exception as error:
                if len(documents) > 1:  # one document's failure must not take the rest of its batch with it
                    for rest in documents[n:]:
                        yield from self._batch([rest], on_done)
                    return
                # the document alone failed: the run goes on, and reports it as skipped, with why
                logger.debug("analysis of %s failed", document.id, exc_info=True)
                analysis = Analysis(document, (), (), (), len(document.text),
                                    failed=f"could not be analysed ({type(error).__name__}: {error})")
            yield analysis
            if on_done:
                on_done(document)

    def analyse_parsed(self, document: Document, docs: list, *, paragraphs: list[Paragraph] | None = None,
                       headings: list | None = None) -> Analysis:
        """Analyse one document already parsed by spaCy (``docs``: (offset, Doc) pieces; ``headings``:
        its headlines and headings parsed each on its own, read for movements the pieces miss)."""
        text = document.text
        paragraphs = classify(text) if paragraphs is None else paragraphs
        dateline = find_dateline(document.id, text, paragraphs, self.gaz)
        mentions = mentions_from_docs(document.id, text, docs, paragraphs, dateline)
        resolutions = resolve_mentions(self.gaz, text, mentions, dateline, countries=self.countries)
        reader = DocumentEvents(
            document.id, text, self.gaz, resolutions, paragraphs, dateline, People(),
            published=document.published.date if document.published else None,
            latest=None if document.published else latest_date(text)
        )
        movements, statements = reader.read(docs, headings or ())
        # a land border a force moves to or from is a place of the map too (its band is drawn), though
        # no name in the text is the border's alone: the countries inside its phrase stay mentions
        borders = {r.mention.start: r for m in movements for r in (m.origin, m.destination, *m.via)
                   if r is not None and r.mention.label == BORDER_LABEL}
        places = sorted([*resolutions, *borders.values()], key=lambda r: (r.mention.start, r.mention.end))
        return Analysis(document, tuple(places), tuple(movements), tuple(statements), len(text))
