"""A corpus's analyses kept on disk as they arrive, and its export streamed from them.

The records of a document (its place mentions, statements, movements, each with the sentence it
cites) are a few tens of KB; held for every document of a corpus they would make memory grow with
the corpus. A :class:`Spill` writes each document's records to a temporary SQLite file as soon as
the document is analysed, grouped the way the export groups them (by place, by speaker and place),
and keeps in memory only the movements, which are few and which fusion needs all at once. The
export is then written feature by feature from the file: one group in memory at a time, never the
whole collection, never the whole text.

The result is the in-memory one's, byte for byte (:func:`~conflictmap.geo.export.fusion.feature_collection`
and ``json.dumps(..., indent=1)``): the same grouping and feature functions run on the same
records in the same order, whatever order the documents arrive in (cached documents come first).
The temporary folder (``conflictmap-records-<pid>-*`` in the system's temporary folder) is
removed on :meth:`Spill.close`, and one left by a run that was killed is removed by the next run;
the file holds only this run's own records (pickled: never read from anywhere else).
"""

from __future__ import annotations

import contextlib
import dataclasses
import io
import json
import os
import pickle
import re
import shutil
import sqlite3
import tempfile
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any, cast

from conflictmap.gazetteer import Gazetteer, Place
from conflictmap.gazetteer.atomic import process_alive
from conflictmap.geo.export.fusion import (
    collection_of,
    document_record,
    fuse_movements,
    movement_features,
    place_feature,
    statement_feature,
    statement_key,
)
from conflictmap.geo.export.geojson import DocumentRecord, Feature, FeatureCollection, MentionRef
from conflictmap.geo.reading.reader import Skipped
from conflictmap.geo.records import Analysis, Movement, Resolution, Statement

_SCHEMA = """
PRAGMA journal_mode = OFF;
PRAGMA synchronous = OFF;
PRAGMA cache_size = -4096;
CREATE TABLE documents (idx INTEGER PRIMARY KEY, record BLOB NOT NULL);
CREATE TABLE unresolved (idx INTEGER PRIMARY KEY, refs BLOB NOT NULL);
CREATE TABLE places (key TEXT NOT NULL, pos INTEGER NOT NULL, items BLOB NOT NULL);
CREATE TABLE statements (key TEXT NOT NULL, pos INTEGER NOT NULL, items BLOB NOT NULL);
CREATE INDEX places_key ON places (key, pos);
CREATE INDEX statements_key ON statements (key, pos);
"""
_COMMIT_EVERY = 64  # documents
_SLOT = 2**32  # a record's position: its document's index * _SLOT + its place in the document
_MARK = "@conflictmap-stream-{}@"
_PREFIX = "conflictmap-records-"  # then the process id: a folder left by a killed run is found by it


def remove_stale(parent: Path) -> list[Path]:
    """Remove the records folders under ``parent`` left by runs that were killed (their process
    no longer runs); return them."""
    removed = []
    with contextlib.suppress(OSError):
        for entry in os.scandir(parent):
            pid = entry.name[len(_PREFIX):].split("-")[0]
            if entry.name.startswith(_PREFIX) and pid.isdigit() and entry.is_dir(follow_symlinks=False) \
                    and int(pid) != os.getpid() and not process_alive(int(pid)):
                shutil.rmtree(entry.path, ignore_errors=True)
                removed.append(Path(entry.path))
    return removed


@dataclass(slots=True)
class Counts:
    """What an export holds, counted as it is written: features by kind, documents, skipped
    inputs and unresolved mentions."""

    kinds: Counter[str] = field(default_factory=Counter)
    documents: int = 0
    skipped: int = 0
    unresolved: int = 0

    @classmethod
    def of(cls, collection: FeatureCollection) -> Counts:
        meta = collection["conflictmap"]
        return cls(Counter(f["properties"]["kind"] for f in collection["features"]), len(meta["documents"]),
                   len(meta["skipped"]), len(meta["unresolved"]))

    def features(self, features: Iterable[Feature]) -> Iterator[Feature]:
        for feature in features:
            self.kinds[feature["properties"]["kind"]] += 1
            yield feature


class _Places:
    """Each distinct place of the corpus once: records are stored with a place's number in its
    stead and read back sharing one object per place (a place named 20,000 times is one object,
    not 20,000 copies). Grows with the distinct places named (the gazetteer bounds it), not with
    the documents."""

    def __init__(self) -> None:
        self.numbers: dict[Place, int] = {}
        self.places: list[Place] = []

    def dumps(self, value: Any) -> bytes:
        out = io.BytesIO()
        pickler = pickle.Pickler(out, protocol=pickle.HIGHEST_PROTOCOL)
        pickler.persistent_id = self._number  # type: ignore[method-assign]
        pickler.dump(value)
        return zlib.compress(out.getvalue(), 1)

    def loads(self, data: bytes) -> Any:
        unpickler = pickle.Unpickler(io.BytesIO(zlib.decompress(data)))
        unpickler.persistent_load = self.places.__getitem__  # type: ignore[method-assign]
        return unpickler.load()

    def _number(self, value: Any) -> int | None:
        if type(value) is not Place:
            return None
        number = self.numbers.get(value)
        if number is None:
            number = self.numbers[value] = len(self.places)
            self.places.append(value)
        return number


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=1)


class Spill:
    """Records of analysed documents on disk, by their position in the input.

    >>> with Spill() as spill:                                    # doctest: +SKIP
    ...     for i, analysis in iter_analyses(documents, gaz):
    ...         spill.add(i, analysis)
    ...     spill.write_json(out.write, gaz)

    ``folder``: where the temporary folder goes (default: the system's, ``$TMPDIR``).
    """

    def __init__(self, *, folder: Path | None = None) -> None:
        parent = Path(folder or tempfile.gettempdir())
        remove_stale(parent)
        self.path = Path(tempfile.mkdtemp(prefix=f"{_PREFIX}{os.getpid()}-", dir=parent))
        try:
            self._db = sqlite3.connect(self.path / "records.sqlite")
            self._db.executescript(_SCHEMA)
        except sqlite3.Error:
            shutil.rmtree(self.path, ignore_errors=True)
            raise
        self._movements: dict[int, tuple[Movement, ...]] = {}
        self._places = _Places()
        self.documents = 0
        self._uncommitted = 0

    def __enter__(self) -> Spill:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        """Remove the records (the temporary folder)."""
        self._db.close()
        shutil.rmtree(self.path, ignore_errors=True)

    # ------------------------------------------------------------------------- in

    def add(self, index: int, analysis: Analysis) -> None:
        """Keep the records of the document at position ``index`` of the input (each once, any order)."""
        places: dict[str, tuple[int, list[Resolution]]] = {}
        unresolved: list[MentionRef] = []
        for seq, r in enumerate(analysis.places):
            if r.place is None:
                unresolved.append(r.to_json())
            else:  # the reasons for the choice are not exported
                places.setdefault(r.place.id, (seq, []))[1].append(dataclasses.replace(r, why=()))
        statements: dict[str, tuple[int, list[Statement]]] = {}
        for seq, s in enumerate(analysis.statements):
            statements.setdefault(json.dumps(statement_key(s)), (seq, []))[1].append(s)
        db = self._db
        db.execute("INSERT INTO documents VALUES (?, ?)", (index, pickle.dumps(document_record(analysis))))
        if unresolved:
            db.execute("INSERT INTO unresolved VALUES (?, ?)", (index, pickle.dumps(unresolved)))
        for table, groups in (("places", places), ("statements", statements)):
            db.executemany(f"INSERT INTO {table} VALUES (?, ?, ?)",
                           [(key, index * _SLOT + seq, self._places.dumps(items))
                            for key, (seq, items) in groups.items()])
        if analysis.movements:
            self._movements[index] = analysis.movements
        self.documents += 1
        self._uncommitted += 1
        if self._uncommitted >= _COMMIT_EVERY:
            self._commit()

    def _commit(self) -> None:
        self._db.commit()
        self._uncommitted = 0

    # ------------------------------------------------------------------------- out

    def _groups(self, table: str) -> Iterator[tuple[str, list[Any]]]:
        """Each group's key and records, groups in order of first appearance, records in input order."""
        self._commit()
        keys = self._db.execute(f"SELECT key FROM {table} GROUP BY key ORDER BY MIN(pos)")
        for (key,) in keys:
            items: list[Any] = []
            for (blob,) in self._db.execute(f"SELECT items FROM {table} WHERE key = ? ORDER BY pos",
                                            (key,)):
                items += self._places.loads(blob)
            yield key, items

    def features(self, gaz: Gazetteer) -> Iterator[Feature]:
        """The export's features, one at a time: places, movements, statements."""
        for place_id, resolutions in self._groups("places"):
            yield place_feature(place_id, resolutions)
        moves = fuse_movements((m for i in sorted(self._movements) for m in self._movements[i]), gaz)
        yield from movement_features(moves)
        for i, (_, statements) in enumerate(self._groups("statements")):
            yield statement_feature(i, statements)

    def document_records(self) -> Iterator[DocumentRecord]:
        """The documents read, in input order."""
        self._commit()
        for (blob,) in self._db.execute("SELECT record FROM documents ORDER BY idx"):
            yield pickle.loads(blob)

    def unresolved(self) -> Iterator[MentionRef]:
        """The unresolved mentions, in input order."""
        self._commit()
        for (blob,) in self._db.execute("SELECT refs FROM unresolved ORDER BY idx"):
            yield from pickle.loads(blob)

    def collection(self, gaz: Gazetteer, *, skipped: Iterable[Skipped] = ()) -> FeatureCollection:
        """The whole FeatureCollection in memory (for the map, CSV and GeoPackage)."""
        return collection_of(list(self.features(gaz)), list(self.document_records()), skipped,
                             list(self.unresolved()))

    def write_json(self, write: Callable[[str], object], gaz: Gazetteer, *,
                   skipped: Iterable[Skipped] = ()) -> Counts:
        """Write the export as GeoJSON text, piece by piece, through ``write``: the text of
        ``json.dumps(collection, ensure_ascii=False, indent=1) + "\\n"``. Returns what it held."""
        counts = Counts()
        skipped = list(skipped)
        counts.skipped = len(skipped)

        def documents() -> Iterator[DocumentRecord]:
            for record in self.document_records():
                counts.documents += 1
                yield record

        def unresolved() -> Iterator[MentionRef]:
            for ref in self.unresolved():
                counts.unresolved += 1
                yield ref

        marks = {name: _MARK.format(name) for name in ("features", "documents", "unresolved")}
        streams: dict[str, Iterable[Any]] = {
            marks["features"]: counts.features(self.features(gaz)),
            marks["documents"]: documents(),
            marks["unresolved"]: unresolved(),
        }
        # the collection's shape, a mark in place of each long list; those lists are streamed in
        shape = collection_of(cast(Any, [marks["features"]]), cast(Any, [marks["documents"]]), skipped,
                              cast(Any, [marks["unresolved"]]))
        template = _dumps(shape) + "\n"
        at = 0
        for found in re.finditer(r'\[\n( +)"(@conflictmap-stream-\w+@)"\n *\]', template):
            write(template[at:found.start()])
            _write_list(write, streams[found.group(2)], level=len(found.group(1)) - 1)
            at = found.end()
        write(template[at:])
        return counts


def _write_list(write: Callable[[str], object], items: Iterable[Any], *, level: int) -> None:
    """A JSON list as ``json.dumps(indent=1)`` writes it at nesting ``level``, one item at a time."""
    pad = "\n" + " " * (level + 1)
    empty = True
    for item in items:
        write(("[" if empty else ",") + pad + _dumps(item).replace("\n", pad))
        empty = False
    write("[]" if empty else "\n" + " " * level + "]")
