"""conflictmap: places, troop movements and statement origins from news text, offline.

The public facade. The work lives in three subpackages, one per folder of the repository:
``conflictmap.gazetteer`` (the offline gazetteer), ``conflictmap.geo`` (text -> places -> events ->
GeoJSON, and the command line) and ``conflictmap.maps`` (a GeoJSON FeatureCollection drawn with
folium). Importing this package does no work: the model and the gazetteer load on first use.

>>> import conflictmap                                          # doctest: +SKIP
>>> collection = conflictmap.analyse(["seeds/"])                # doctest: +SKIP
>>> conflictmap.render(collection, "seeds-map.html")            # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

from conflictmap.gazetteer.errors import ConflictmapError

if TYPE_CHECKING:
    from conflictmap.gazetteer import Gazetteer
    from conflictmap.geo.export.geojson import FeatureCollection

__all__ = ["ConflictmapError", "analyse", "open_gazetteer", "render"]

try:
    __version__ = metadata.version("conflictmap")
except metadata.PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0+unknown"


def open_gazetteer(path: str | Path | None = None) -> Gazetteer:
    """The gazetteer at ``path``, or the default one (built on first use)."""
    from conflictmap.gazetteer import open_gazetteer as _open

    return _open(Path(path) if path is not None else None)


def analyse(
    paths: Iterable[str | Path], *, gazetteer: str | Path | None = None, max_chars: int | None = None
) -> FeatureCollection:
    """Read the articles at ``paths`` (files, folders, ``"-"`` for stdin), analyse and fuse them,
    and return the GeoJSON FeatureCollection (RFC 7946, [lon, lat]) that ``conflictmap extract``
    writes. Inputs that cannot be read are listed under ``collection["conflictmap"]["skipped"]``.

    ``max_chars``: skip documents longer than this (default: :data:`conflictmap.geo.reading.reader.MAX_CHARS`).
    """
    from conflictmap.geo.export.fusion import feature_collection
    from conflictmap.geo.pipeline import Pipeline
    from conflictmap.geo.reading.reader import MAX_CHARS, Document, Skipped, read_inputs

    items = list(read_inputs([str(p) for p in paths], max_chars=MAX_CHARS if max_chars is None else max_chars))
    documents = [d for d in items if isinstance(d, Document)]
    skipped = [s for s in items if isinstance(s, Skipped)]
    pipeline = Pipeline(gazetteer=Path(gazetteer) if gazetteer is not None else None)
    return feature_collection(list(pipeline.analyse(documents)), pipeline.gaz, skipped=skipped)


def render(
    collection: Mapping[str, Any], path: str | Path, *, gazetteer: Gazetteer | None = None, offline: bool = True
) -> Path:
    """Draw ``collection`` as an HTML map at ``path`` (written atomically) and return the path.

    ``gazetteer`` supplies the basemap and the outlines of areas (default: the default gazetteer);
    ``offline`` (default) makes a self-contained page that makes no network request.
    """
    from conflictmap.gazetteer.atomic import atomic_write_text
    from conflictmap.maps.render import render as _render

    page = _render(collection, gazetteer=gazetteer if gazetteer is not None else open_gazetteer(), offline=offline)
    target = Path(path)
    atomic_write_text(target, page)
    return target
