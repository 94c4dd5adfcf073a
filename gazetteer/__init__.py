"""The offline gazetteer: GeoNames + Natural Earth + curated names in one SQLite file.

Imports nothing else of conflictmap's. Start with :func:`open_gazetteer`.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from conflictmap.gazetteer.errors import (
    ConflictmapError,
    GazetteerBuildError,
    GazetteerCorrupt,
    GazetteerError,
    GazetteerNotFound,
    GazetteerStale,
    QueryError,
)
from conflictmap.gazetteer.model import WHERE_PREC, Candidate, Place, PlaceKind
from conflictmap.gazetteer.normalize import fold
from conflictmap.gazetteer.ranking import Evidence, ParsedQuery, parse_query
from conflictmap.gazetteer.store import ENV_VAR, Gazetteer, default_path

__all__ = [
    "ENV_VAR", "WHERE_PREC", "Candidate", "ConflictmapError", "Evidence", "Gazetteer", "GazetteerBuildError",
    "GazetteerCorrupt", "GazetteerError", "GazetteerNotFound", "GazetteerStale", "ParsedQuery", "Place", "PlaceKind",
    "QueryError", "default_path", "fold", "open_gazetteer", "parse_query",
]

if TYPE_CHECKING:
    from conflictmap.gazetteer.build import Progress

logger = logging.getLogger(__name__)


def open_gazetteer(
    path: Path | None = None, *, build_if_missing: bool = True, progress: Progress | None = None
) -> Gazetteer:
    """Open the gazetteer at ``path``, or the default one, building the default on first use.

    Only the default location (the user's cache directory, or ``$CONFLICTMAP_GAZETTEER``) is
    built automatically; an explicit ``path`` that does not exist is an error, so a typo never
    silently costs a build. ``progress``: a progress-bar factory for that build (see
    :func:`conflictmap.gazetteer.build.build`); the library itself only logs.
    """
    if path is None:
        target = default_path()
        if not target.exists() and build_if_missing:
            _build_default(target, progress)
        try:
            return Gazetteer(target)
        except GazetteerStale:
            if not build_if_missing:
                raise
            logger.warning("the gazetteer at %s was built with other ranking priors or curated data; rebuilding it",
                           target)
            _build_default(target, progress, replace_stale=True)
            return Gazetteer(target)
    return Gazetteer(Path(path))


def _stale(target: Path) -> bool:
    try:
        Gazetteer(target, verify_checksum=False).close()
    except GazetteerStale:
        return True
    except GazetteerError:
        return False
    return False


def _build_default(target: Path, progress: Progress | None, *, replace_stale: bool = False) -> None:
    """Build the default gazetteer once: a second process that finds none waits on the lock and
    then opens the first one's build instead of building it again."""
    from filelock import FileLock, Timeout

    from conflictmap.gazetteer.build import build

    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        lock = FileLock(str(target) + ".lock")
        with lock.acquire(timeout=900):
            if target.exists() and not (replace_stale and _stale(target)):
                return  # built (or rebuilt) by another process while this one waited
            logger.warning("no gazetteer yet; building it once at %s (about a minute)", target)
            build(target, progress=progress)
    except Timeout as exc:
        raise GazetteerBuildError(f"another process has been building {target} for 15 minutes") from exc
    except OSError as exc:
        raise GazetteerBuildError(f"cannot build the gazetteer at {target}: {exc.strerror or exc}") from exc
