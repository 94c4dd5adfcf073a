"""Per-document analyses cached on disk, so a re-run analyses only new or changed documents.

An entry is one document's :class:`~conflictmap.geo.records.Analysis` (without its text) as
gzipped JSON, named by the SHA-256 of what the analysis depends on: the text, the document's id
and source name (every record names its document), the publication date it was read against, and
the **analysis version** (:func:`analysis_version`: package version, spaCy and model versions, the
gazetteer's checksum, a hash of the rule files ``geo/data/**/*.jsonl|csv|json`` and one of the
analysis code, and the user's country hint ``--country`` when given). Change any of them and the
old entries are simply never asked for again; they age out by size.

JSON rather than pickle: the records are plain dataclasses of strings, numbers and tuples, a JSON
entry can rebuild only those record classes (a file planted in the cache cannot run code), and it
can be read by eye. Entries are written to a temp file and renamed (a killed run leaves no torn
entry; two runs writing the same entry write the same bytes), and an entry that cannot be read is
a miss. The cache is bounded: after a run that wrote to it, the oldest entries (by last use) are
removed beyond ``max_bytes`` (default :data:`MAX_BYTES`).
"""

from __future__ import annotations

import contextlib
import dataclasses
import enum
import gzip
import hashlib
import json
import logging
import os
import time
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from conflictmap.gazetteer import Gazetteer, Place, PlaceKind
from conflictmap.geo.reading.dates import Published, TimeSpan
from conflictmap.geo.reading.reader import Document
from conflictmap.geo.records import Analysis, Mention, Movement, Resolution, SizeClaim, Source, Statement

logger = logging.getLogger(__name__)

FORMAT = 1  # of an entry; part of every key
MAX_BYTES = 1024**3  # 1 GiB of entries (about 5 KB each compressed: some 200,000 documents)
ENV_VAR = "CONFLICTMAP_CACHE_DIR"
_PACKAGE = Path(__file__).resolve().parent  # geo/
_RULES = _PACKAGE / "data"
_RULE_SUFFIXES = {".jsonl", ".csv", ".json"}
_TYPES: dict[str, type] = {cls.__name__: cls for cls in (
    Analysis, Document, Published, Resolution, Mention, Source, Place, Movement, SizeClaim, TimeSpan, Statement)}
_STALE_TEMP_SECONDS = 3600


def default_dir() -> Path:
    """``$CONFLICTMAP_CACHE_DIR``, else ``analyses`` in the user cache folder (Linux:
    ``~/.cache/conflictmap/analyses``)."""
    if os.environ.get(ENV_VAR):
        return Path(os.environ[ENV_VAR])
    import platformdirs

    return Path(platformdirs.user_cache_dir("conflictmap")) / "analyses"


def _tree_sha256(root: Path, suffixes: set[str]) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.suffix in suffixes and "__pycache__" not in p.parts):
        digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()


def rules_sha256(root: Path = _RULES) -> str:
    """SHA-256 over the rule files (patterns, lexicons, models, organisations) under ``root``."""
    return _tree_sha256(root, _RULE_SUFFIXES)


def _version_of(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "unknown"


def gazetteer_checksum(gaz: Gazetteer) -> str:
    """The gazetteer's SHA-256: its sidecar's when there is one (written by the build), else hashed."""
    from conflictmap.gazetteer.build import checksum_path, file_sha256

    with contextlib.suppress(OSError, UnicodeDecodeError, IndexError):
        return checksum_path(gaz.path).read_text(encoding="utf-8").split()[0]
    return file_sha256(gaz.path)


def analysis_version(gaz: Gazetteer, *, rules: Path = _RULES, countries: tuple[str, ...] = ()) -> dict[str, str]:
    """Everything besides the document that an analysis depends on; ``countries``: the user's
    country hint (``extract --country``), which changes resolution (absent when none, so the
    keys of runs without a hint stay as they were)."""
    from conflictmap.geo.nlp.model import MODEL_DISTRIBUTION
    from conflictmap.geo.places import country_hint

    hint = {"countries": " ".join(country_hint(countries))} if countries else {}
    return {
        **hint,
        "format": str(FORMAT),
        "conflictmap": _version_of("conflictmap"),
        "spacy": _version_of("spacy"),
        "model": f"{MODEL_DISTRIBUTION} {_version_of(MODEL_DISTRIBUTION)}",
        "gazetteer": gazetteer_checksum(gaz),
        "rules": rules_sha256(rules),
        # the analysis code itself: an edit between two releases (an editable install) counts
        "code": _tree_sha256(_PACKAGE, {".py"}),
        "gazetteer_code": _tree_sha256(_PACKAGE.parent / "gazetteer", {".py"}),  # ranking, names
    }


# ----------------------------------------------------------------------------- records as JSON


def encode(value: Any) -> Any:
    """A record as JSON-ready data: each dataclass as an object naming its class in ``"@"``."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = {f.name: encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
        return {"@": type(value).__name__, **fields}
    if isinstance(value, tuple | list):
        return [encode(v) for v in value]
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, Path):
        return str(value)
    if value is None or isinstance(value, str | int | float | bool):
        return value
    raise TypeError(f"cannot cache a {type(value).__name__}")


def decode(data: Any) -> Any:
    """The inverse of :func:`encode`; only the record classes of an analysis can be built."""
    if isinstance(data, list):
        return tuple(decode(v) for v in data)  # every sequence in a record is a tuple
    if isinstance(data, dict):
        cls = _TYPES[data["@"]]  # KeyError: not one of ours
        fields = {k: decode(v) for k, v in data.items() if k != "@"}
        if cls is Place:
            fields["kind"] = PlaceKind(fields["kind"])
        elif cls is Document and fields.get("path") is not None:
            fields["path"] = Path(fields["path"])
        return cls(**fields)
    return data


# ----------------------------------------------------------------------------- the store


@dataclass(frozen=True, slots=True)
class CacheInfo:
    """What a cache folder holds."""

    path: Path
    entries: int
    bytes: int


class AnalysisCache:
    """Analyses by document under ``root`` for one analysis ``version``.

    >>> cache = AnalysisCache(Path("/tmp/c"), version={"rules": "..."})  # doctest: +SKIP
    >>> cache.get(document) or cache.put(document, pipeline_analysis)    # doctest: +SKIP
    """

    def __init__(self, root: Path, *, version: dict[str, str], max_bytes: int = MAX_BYTES) -> None:
        self.root = Path(root)
        self.version = json.dumps(version, sort_keys=True)
        self.max_bytes = max_bytes
        self.hits = 0
        self.misses = 0
        self.written = 0
        self.unwritable = False

    def key(self, document: Document) -> str:
        """SHA-256 of the document's text, id, source name and given date, and the analysis version."""
        published = document.published.to_json() if document.published else None
        head = json.dumps([FORMAT, self.version, document.id, document.source, published], sort_keys=True)
        digest = hashlib.sha256(head.encode("utf-8"))
        digest.update(b"\0")
        digest.update(document.text.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def _path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.json.gz"

    def get(self, document: Document, key: str | None = None) -> Analysis | None:
        """The cached analysis of ``document`` (for this document record, without its text), or None."""
        path = self._path(key or self.key(document))
        try:
            data = json.loads(gzip.decompress(path.read_bytes()).decode("utf-8"))
            analysis = decode(data)
            if not isinstance(analysis, Analysis):
                raise TypeError("not an analysis")
        except FileNotFoundError:
            self.misses += 1
            return None
        except (OSError, EOFError, zlib.error, ValueError, KeyError, TypeError) as exc:
            logger.warning("ignoring unreadable cache entry %s: %s", path.name, exc)
            with contextlib.suppress(OSError):
                path.unlink()
            self.misses += 1
            return None
        with contextlib.suppress(OSError):
            os.utime(path)  # last use, for pruning
        self.hits += 1
        return dataclasses.replace(analysis, document=dataclasses.replace(document, text=""))

    def put(self, document: Document, analysis: Analysis, key: str | None = None) -> None:
        """Store ``analysis`` (its text dropped) for ``document``. A folder that cannot be written
        is reported once, then the run goes on without storing."""
        if self.unwritable:
            return
        path = self._path(key or self.key(document))
        data = gzip.compress(json.dumps(encode(analysis.light()), ensure_ascii=False,
                                        separators=(",", ":")).encode("utf-8"), compresslevel=6, mtime=0)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp")
        try:
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            tmp.write_bytes(data)
            os.replace(tmp, path)  # atomic: a reader sees the old entry, none, or the whole new one
            self.written += 1
        except OSError as exc:
            logger.warning("cannot write to the cache %s (%s); going on without storing", self.root,
                           exc.strerror or exc)
            self.unwritable = True
            with contextlib.suppress(OSError):
                tmp.unlink()

    def finish(self) -> None:
        """After a run: keep the folder within ``max_bytes`` if this run added to it."""
        if self.written:
            prune(self.root, max_bytes=self.max_bytes)


def _entries(root: Path) -> Iterable[tuple[Path, os.stat_result]]:
    try:
        folders = [e for e in os.scandir(root) if e.is_dir(follow_symlinks=False) and len(e.name) == 2]
    except OSError:
        return
    for folder in folders:
        with contextlib.suppress(OSError):
            for entry in os.scandir(folder.path):
                if entry.is_file(follow_symlinks=False):
                    with contextlib.suppress(OSError):
                        yield Path(entry.path), entry.stat(follow_symlinks=False)


def info(root: Path) -> CacheInfo:
    """How many entries and bytes ``root`` holds."""
    sizes = [st.st_size for path, st in _entries(root) if path.name.endswith(".json.gz")]
    return CacheInfo(Path(root), len(sizes), sum(sizes))


def prune(root: Path, *, max_bytes: int = MAX_BYTES) -> int:
    """Remove the least recently used entries until at most ``max_bytes`` remain, and temp files
    older than an hour (left by killed runs); return how many entries were removed. Safe while
    other runs use the cache: a removed entry is a miss for them."""
    now = time.time()
    entries = []
    for path, st in _entries(root):
        if path.name.endswith(".tmp"):
            if now - st.st_mtime > _STALE_TEMP_SECONDS:
                with contextlib.suppress(OSError):
                    path.unlink()
        elif path.name.endswith(".json.gz"):
            entries.append((st.st_mtime, st.st_size, path))
    total = sum(size for _, size, _ in entries)
    removed = 0
    for _, size, path in sorted(entries):
        if total <= max_bytes:
            break
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
            removed += 1
        total -= size
    if removed:
        logger.info("cache: removed %d least recently used entries from %s", removed, root)
    return removed


def clear(root: Path) -> int:
    """Remove every entry (and temp file) of the cache at ``root``; return how many entries."""
    removed = 0
    for path, _ in list(_entries(root)):
        if path.name.endswith((".json.gz", ".tmp")):
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
                removed += path.name.endswith(".json.gz")
    return removed
