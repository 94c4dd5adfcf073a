"""Analysis on a Dask cluster (``pip install "conflictmap[dask]"``): more than one machine.

The batches of documents become the partitions of a ``dask.bag``; each worker analyses a
partition with its own pipeline (the model loaded and the gazetteer opened read-only once per
worker process, from the gazetteer's *path*: every worker machine needs the file at that path,
and conflictmap installed), and sends back the small analysis records, which the client fuses.
No scheduler of our own: Dask's distributed scheduler, either a LocalCluster (``"local"``) or
the one at a given address (``tcp://scheduler:8786``).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from conflictmap.geo.corpus import Packed, unpacked
from conflictmap.geo.errors import ConflictmapError, MissingDependency
from conflictmap.geo.reading.reader import Document
from conflictmap.geo.records import Analysis

logger = logging.getLogger(__name__)

LOCAL_WORKERS = 2
INSTALL_HINT = 'pip install "conflictmap[dask]"'


class ClusterError(ConflictmapError, ConnectionError):
    """The Dask scheduler cannot be reached, or a worker failed."""


def require_dask() -> None:
    """Stop at once, with the hint, when Dask's distributed scheduler is not installed."""
    try:
        import dask.bag  # noqa: F401
        import distributed  # noqa: F401
    except ImportError as exc:
        raise MissingDependency(f"--dask needs dask[distributed]: {INSTALL_HINT}") from exc


_PIPELINES: dict[tuple[str, tuple[str, ...]], Any] = {}


def _analyse_partition(batch: list[Document | Packed], gazetteer_path: str,
                       countries: tuple[str, ...] = ()) -> list[Analysis]:
    """On a worker: one partition's analyses without the texts; the pipeline is loaded on the
    worker's first partition and kept for the next ones (one per gazetteer and country hint)."""
    key = (gazetteer_path, tuple(countries))
    if key not in _PIPELINES:
        from conflictmap.geo.pipeline import Pipeline

        _PIPELINES[key] = Pipeline(gazetteer=Path(gazetteer_path), countries=key[1])
    return [a.light() for a in _PIPELINES[key].analyse(map(unpacked, batch))]


def analyse_on_dask(planned: list[list[Document | Packed]], gazetteer_path: Path, address: str,
                    *, workers: int = LOCAL_WORKERS, countries: tuple[str, ...] = ()) -> Iterator[list[Analysis]]:
    """The analyses of each batch of ``planned``, in order, computed on the cluster at
    ``address`` (or a LocalCluster of ``workers`` processes, at least two, for ``"local"``);
    ``countries``: the user's country hint, for every worker's pipeline."""
    require_dask()
    import dask.bag as db
    from distributed import Client, LocalCluster

    cluster = None
    try:
        if address == "local":
            # one thread per worker process: spaCy holds the GIL, processes give the parallelism
            cluster = LocalCluster(n_workers=max(workers, LOCAL_WORKERS), threads_per_worker=1, processes=True,
                                   dashboard_address=None, silence_logs=logging.ERROR)
            client = Client(cluster)
        else:
            client = Client(address, timeout="10s")
    except (OSError, TimeoutError) as exc:
        if cluster is not None:
            cluster.close()
        raise ClusterError(f"cannot reach the Dask scheduler at {address}: {exc}") from exc
    try:
        # one partition per batch, in input order, each its own future: results are taken (and
        # released on the cluster) one batch at a time, in order, never all on the client at once
        bag = db.from_sequence(planned, npartitions=len(planned))
        futures = client.compute(bag.map(_analyse_partition, str(gazetteer_path), tuple(countries)).to_delayed())
        planned.clear()
        for future in futures:
            yield from future.result()
            future.release()
    except Exception as exc:
        if isinstance(exc, ConflictmapError):
            raise
        raise ClusterError(f"analysis on the Dask cluster failed: {type(exc).__name__}: {exc}") from exc
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
