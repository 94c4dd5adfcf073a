"""One root for every gazetteer error; each leaf also subclasses a builtin."""

from __future__ import annotations


class GazetteerError(Exception):
    """Root of every error the gazetteer raises."""


class GazetteerNotFound(GazetteerError, FileNotFoundError):
    """No gazetteer database at the given path."""


class GazetteerCorrupt(GazetteerError):
    """The file is not a usable gazetteer: truncated, damaged, or of another schema version."""


class GazetteerBuildError(GazetteerError, RuntimeError):
    """A source needed for the build is missing or unreadable."""


class QueryError(GazetteerError, ValueError):
    """A query that cannot be asked (empty, or only punctuation)."""
