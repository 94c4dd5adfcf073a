"""The analysis package's errors, under the one root :class:`ConflictmapError`; each leaf also
subclasses a builtin."""

from __future__ import annotations

from conflictmap.gazetteer.errors import ConflictmapError

__all__ = ["CollectionError", "ConflictmapError", "InputError", "MissingDependency", "ModelNotInstalled", "OutputError"]


class InputError(ConflictmapError, ValueError):
    """An input document that cannot be read: binary, not a regular file, too large, undecodable."""


class ModelNotInstalled(ConflictmapError, ImportError):
    """The spaCy model conflictmap is pinned to is not installed."""


class OutputError(ConflictmapError, ValueError):
    """An output path that cannot or must not be written (an input, a link, a missing folder)."""


class MissingDependency(ConflictmapError, ImportError):
    """An optional package that a requested feature needs is not installed (geopandas for gpkg)."""


class CollectionError(ConflictmapError, ValueError):
    """A file that cannot be drawn: not GeoJSON, not ours, or features that break the contract.

    ``problems`` holds one line per bad feature (empty when the whole file is unusable).
    """

    def __init__(self, message: str, problems: list[str] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or []
