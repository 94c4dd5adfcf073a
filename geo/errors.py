"""The analysis package's errors, under the one root :class:`ConflictmapError`; each leaf also
subclasses a builtin."""

from __future__ import annotations

from conflictmap.gazetteer.errors import ConflictmapError

__all__ = ["ConflictmapError", "InputError", "ModelNotInstalled", "OutputError"]


class InputError(ConflictmapError, ValueError):
    """An input document that cannot be read: binary, not a regular file, too large, undecodable."""


class ModelNotInstalled(ConflictmapError, ImportError):
    """The spaCy model conflictmap is pinned to is not installed."""


class OutputError(ConflictmapError, ValueError):
    """An output path that cannot or must not be written (an input, a link, a missing folder)."""
