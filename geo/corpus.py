"""Analyse a corpus: cached documents are taken from the cache, the others analysed in this
process, on a pool of local worker processes (``jobs``) or on a Dask cluster (``dask``).

Each document is analysed on its own (:meth:`Pipeline.analyse`), so where and with which others
it is analysed does not change its result: every way gives the same analyses, in input order.
Workers load the model and open the gazetteer once (a pool's initializer, a Dask worker's
partition), take documents in batches of about ``batch_chars`` characters (one document per task
would cost more in scheduling than a short article's analysis) and send back the small
:class:`~conflictmap.geo.records.Analysis` records without the texts, never spaCy objects.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import zlib
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from conflictmap.gazetteer import Gazetteer
from conflictmap.geo.errors import ConflictmapError
from conflictmap.geo.reading.reader import Document
from conflictmap.geo.records import Analysis

if TYPE_CHECKING:
    from conflictmap.geo.cache import AnalysisCache
    from conflictmap.geo.pipeline import Pipeline

logger = logging.getLogger(__name__)

# A worker's start (loading the model) costs what analysing ~100,000 characters does, so a batch
# is a few hundred KB of text: few enough tasks to keep scheduling negligible, enough to share out.
BATCH_CHARS = 200_000


class WorkerError(ConflictmapError, RuntimeError):
    """A worker process stopped before finishing its documents (killed, or out of memory)."""


def default_jobs() -> int:
    """The machine's cores (``os.cpu_count()``)."""
    return os.cpu_count() or 1


@dataclass(frozen=True, slots=True)
class Packed:
    """A document waiting for its analysis, its text compressed (UTF-8, zlib): a corpus is read
    before any analysis (every input accounted for first), and its texts wait for their batch in
    about a third of the memory. Unpacked one at a time, where the document is analysed."""

    document: Document  # without its text
    data: bytes
    characters: int

    @classmethod
    def of(cls, document: Document) -> Packed:
        data = zlib.compress(document.text.encode("utf-8", "surrogatepass"), 1)
        return cls(replace(document, text=""), data, len(document.text))

    @property
    def path(self) -> Path | None:
        return self.document.path

    def unpack(self) -> Document:
        return replace(self.document, text=zlib.decompress(self.data).decode("utf-8", "surrogatepass"))


def unpacked(document: Document | Packed) -> Document:
    """The document with its text."""
    return document.unpack() if isinstance(document, Packed) else document


def _characters(document: Document | Packed) -> int:
    return document.characters if isinstance(document, Packed) else len(document.text)


def batches(documents: list[Document | Packed], batch_chars: int) -> list[list[Document | Packed]]:
    """Consecutive runs of documents of about ``batch_chars`` characters each (at least one
    document each), in input order."""
    out: list[list[Document | Packed]] = []
    current: list[Document | Packed] = []
    size = 0
    for document in documents:
        current.append(document)
        size += _characters(document)
        if size >= batch_chars:
            out.append(current)
            current, size = [], 0
    if current:
        out.append(current)
    return out


def analyse_corpus(
    documents: list[Document | Packed],
    gaz: Gazetteer,
    *,
    jobs: int = 1,
    batch_chars: int = BATCH_CHARS,
    cache: AnalysisCache | None = None,
    dask: str | None = None,
    pipeline: Pipeline | None = None,
    on_done: Callable[[int], None] | None = None,
    countries: tuple[str, ...] = (),
) -> list[Analysis]:
    """The analyses of ``documents`` in their order, each without its text (all in memory; a
    corpus goes through :func:`iter_analyses` into a :class:`~conflictmap.geo.export.spill.Spill`).

    Parameters as :func:`iter_analyses`.
    """
    results: list[Analysis | None] = [None] * len(documents)
    for i, analysis in iter_analyses(documents, gaz, jobs=jobs, batch_chars=batch_chars, cache=cache, dask=dask,
                                     pipeline=pipeline, on_done=on_done, countries=countries):
        results[i] = analysis
    assert all(r is not None for r in results)
    return results  # type: ignore[return-value]


def iter_analyses(
    documents: list[Document | Packed],
    gaz: Gazetteer,
    *,
    jobs: int = 1,
    batch_chars: int = BATCH_CHARS,
    cache: AnalysisCache | None = None,
    dask: str | None = None,
    pipeline: Pipeline | None = None,
    on_done: Callable[[int], None] | None = None,
    countries: tuple[str, ...] = (),
) -> Iterator[tuple[int, Analysis]]:
    """Each document's position in ``documents`` and its analysis without its text, as soon as
    it is ready: first those found in the cache, then the others in input order. Nothing is kept
    here once given out, so a caller that stores each away holds no corpus in memory.

    ``documents`` is emptied as the work is handed out, so the caller's texts can be freed.
    ``jobs``: local worker processes (1: in this process); ``dask``: a scheduler address
    (``tcp://host:8786``) or ``"local"`` for a LocalCluster of ``jobs`` workers (at least two);
    ``cache``: take unchanged documents from it and store the others; ``pipeline``: an already
    loaded one for in-process work (else loaded when first needed; it must have been made with
    the same ``countries``); ``on_done(n)``: n more done; ``countries``: ISO alpha-2 codes the
    documents are about (``extract --country``), given to every worker's pipeline (the cache's
    version must include them: :func:`conflictmap.geo.cache.analysis_version`).
    """
    from conflictmap.geo.places import country_hint

    countries = country_hint(countries)
    if pipeline is not None and getattr(pipeline, "countries", ()) != countries:
        raise ValueError("the given pipeline was made for other countries")
    keys: dict[int, str] = {}
    todo: list[tuple[int, Document | Packed]] = []
    total = len(documents)
    for i, document in enumerate(documents):
        if cache is not None:
            full = unpacked(document)
            keys[i] = cache.key(full)
            found = cache.get(full, keys[i])
            del full
            if found is not None:
                yield i, found
                continue
        todo.append((i, document))
    documents.clear()
    if on_done is not None and len(todo) < total:
        on_done(total - len(todo))
    if todo:
        order = [i for i, _ in todo]
        planned = batches([d for _, d in todo], batch_chars)
        del todo
        if dask is not None:
            from conflictmap.geo.cluster import analyse_on_dask

            done = analyse_on_dask(planned, gaz.path, dask, workers=jobs, countries=countries)
        elif min(jobs, len(planned)) > 1:
            done = _analyse_on_pool(planned, gaz.path, min(jobs, len(planned)), countries)
        else:
            done = _analyse_here(planned, gaz, pipeline, countries)
        position = iter(order)
        for batch_result in done:
            n = len(batch_result)
            for analysis in batch_result:
                i = next(position)
                if cache is not None and analysis.failed is None:  # a failure is tried again next run
                    cache.put(analysis.document, analysis, keys[i])
                yield i, analysis
            del batch_result  # given out: nothing of the batch stays here
            if on_done is not None:
                on_done(n)
    if cache is not None:
        cache.finish()


def _analyse_here(planned: list[list[Document | Packed]], gaz: Gazetteer, pipeline: Pipeline | None,
                  countries: tuple[str, ...] = ()) -> Iterator[list[Analysis]]:
    if pipeline is None:
        from conflictmap.geo.pipeline import Pipeline

        pipeline = Pipeline(gazetteer=gaz, countries=countries)
    queue = deque(planned)
    planned.clear()
    while queue:
        batch = queue.popleft()
        yield [a.light() for a in pipeline.analyse(map(unpacked, batch))]  # the batch's texts go with it


# ----------------------------------------------------------------------------- local processes

_WORKER: dict[str, Any] = {}


def start_worker(gazetteer_path: str, countries: tuple[str, ...] = ()) -> None:
    """A worker's initializer: load the model and open the gazetteer (read-only) once."""
    from conflictmap.geo.pipeline import Pipeline

    _WORKER["pipeline"] = Pipeline(gazetteer=Path(gazetteer_path), countries=tuple(countries))


def analyse_batch(batch: list[Document | Packed]) -> list[Analysis]:
    """In a worker: the analyses of one batch, without the texts."""
    return [a.light() for a in _WORKER["pipeline"].analyse(map(unpacked, batch))]


def _analyse_on_pool(planned: list[list[Document | Packed]], gazetteer_path: Path, workers: int,
                     countries: tuple[str, ...] = ()) -> Iterator[list[Analysis]]:
    """Batches on ``workers`` spawned processes (spawn: no state inherited from this process, the
    same on every platform), two per worker in flight at most; results in the order of ``planned``."""
    queue = deque(planned)
    planned.clear()
    context = multiprocessing.get_context("spawn")
    logger.info("analysing %d batches on %d worker processes", len(queue), workers)
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=start_worker,
                                 initargs=(str(gazetteer_path), tuple(countries))) as pool:
            pending: dict[Future[list[Analysis]], int] = {}
            finished: dict[int, list[Analysis]] = {}
            submitted = emitted = 0
            while queue or pending:
                while queue and len(pending) < 2 * workers:
                    pending[pool.submit(analyse_batch, queue.popleft())] = submitted
                    submitted += 1
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    finished[pending.pop(future)] = future.result()
                while emitted in finished:
                    yield finished.pop(emitted)
                    emitted += 1
    except BrokenProcessPool as exc:
        raise WorkerError("a worker process stopped unexpectedly (killed, or out of memory); "
                          "run again with fewer jobs (-j) or shorter documents") from exc
