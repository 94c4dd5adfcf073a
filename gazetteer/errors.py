"""The one error root of conflictmap, and the gazetteer's errors; each leaf also subclasses a builtin.

``ConflictmapError`` lives here, in the package every other one imports, so that the gazetteer
(which imports nothing else of ours), the analysis and the map all raise under one root:
``except conflictmap.ConflictmapError`` catches any of them, and the command line turns each into
one line and an exit code at its edge.
"""

from __future__ import annotations


class ConflictmapError(Exception):
    """Root of every error conflictmap raises (gazetteer, analysis, map)."""


class GazetteerError(ConflictmapError):
    """Root of every error the gazetteer raises."""


class GazetteerNotFound(GazetteerError, FileNotFoundError):
    """No gazetteer database at the given path."""


class GazetteerCorrupt(GazetteerError):
    """The file is not a usable gazetteer: truncated, damaged, or of another schema version."""


class GazetteerStale(GazetteerCorrupt):
    """Built by another version of conflictmap's ranking priors or curated data: sound, but it would
    rank wrongly or lack names."""


class GazetteerBuildError(GazetteerError, RuntimeError):
    """A source needed for the build is missing or unreadable, or the output cannot be written."""


class QueryError(GazetteerError, ValueError):
    """A query that cannot be asked (empty, or only punctuation)."""
