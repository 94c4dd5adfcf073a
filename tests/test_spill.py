"""The export streamed from records kept on disk is the in-memory export, byte for byte, whatever
order the documents arrive in; the records leave with the spill."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from conflictmap.gazetteer import Gazetteer, Place
from conflictmap.geo.export.fusion import feature_collection
from conflictmap.geo.export.spill import Counts, Spill, _write_list
from conflictmap.geo.reading.dates import Published, TimeSpan
from conflictmap.geo.reading.reader import Document, Skipped
from conflictmap.geo.records import (
    DEMONYM_LABEL,
    Analysis,
    Mention,
    Movement,
    Resolution,
    SizeClaim,
    Source,
    Statement,
)

PLACES = ("ne-admin0:RU", "ne-admin0:UA", "ne-admin1:RU-KRS", "geonames:538560", "geonames:524901",
          "geonames:703448", "geonames:698740", "ne-admin0:KP", "geonames:1866923", "geonames:2013348",
          "ne-admin1:RU-PRI", "geonames:2988507")
SPEAKERS = ("Olena Marchuk", "the defence ministry", None, "Piotr Zielinski")
# sentences of our own wording; offsets need only be consistent within a document
SENTENCES = ("Columns of trucks were seen heading north on Tuesday.",
             "A spokeswoman said the brigade had left its base.",
             "Officials described the crossing as orderly, with \"no incidents\".",
             "Ferries carried about 900 soldiers across the bay — a first.")


def _document(i: int) -> Document:
    published = Published("2025-03-0" + str(1 + i % 9), "text", "March", 0, 5) if i % 3 else None
    return Document(id=f"d{i:03d}", text="", source=f"corpus/d{i:03d}.txt", encoding="utf-8",
                    published=published)


def _analysis(i: int, gaz: Gazetteer, rng: random.Random) -> Analysis:
    """A document's records drawn at random from a few places and speakers, so that places,
    speakers and movements recur across documents (and some documents say nothing)."""
    doc = f"d{i:03d}"

    def place() -> Place:
        found = gaz.get(rng.choice(PLACES))
        assert found is not None
        return found

    def source() -> Source:
        start = rng.randrange(0, 4000)
        sentence = rng.choice(SENTENCES)
        return Source(doc, start, start + len(sentence), sentence)

    def resolution(at: int) -> Resolution:
        p = place()
        text = p.name if rng.random() < 0.8 else "Rusian"
        label = DEMONYM_LABEL if rng.random() < 0.1 else "GPE"
        resolved = p if rng.random() < 0.9 else None
        return Resolution(Mention(doc, at, at + len(text), text, label, "body"), resolved,
                          round(rng.random(), 4), alternatives=(place(),) if rng.random() < 0.3 else ())

    places = tuple(resolution(at) for at in sorted(rng.sample(range(5000), rng.randrange(0, 8))))
    statements = tuple(
        Statement(doc, speaker=(who := rng.choice(SPEAKERS)), organization=None, speaker_country=None,
                  place=place() if rng.random() < 0.6 else None, basis="dateline", text=(s := source()).text,
                  source=s, speaker_span=Source(doc, s.start, s.start + 3, who or "she"), speaker_kind="person",
                  time=TimeSpan("on Tuesday", "2025-03-04", "2025-03-04", "published") if rng.random() < 0.3 else None)
        for _ in range(rng.randrange(0, 4)))
    movements = tuple(
        Movement(doc, actor="troops", actor_country=rng.choice(("RU", "KP")),
                 origin=resolution(10) if rng.random() < 0.7 else None, destination=resolution(20),
                 mode=rng.choice((None, "sea", "rail")),
                 sizes=(SizeClaim("about 900 soldiers", 900, None, source()),) if rng.random() < 0.4 else (),
                 status=rng.choice(("reported", "possible")), time=None, trigger="moved", source=source(),
                 origin_basis="text")
        for _ in range(rng.randrange(0, 3) if i % 4 == 0 else 0))
    return Analysis(_document(i), places, movements, statements, characters=4000 + i)


@pytest.fixture(scope="module")
def analyses(gaz: Gazetteer) -> list[Analysis]:
    rng = random.Random(14)
    return [_analysis(i, gaz, rng) for i in range(60)]


SKIPPED = [Skipped(source="corpus/notes.pdf", reason="not a .txt or .html file (.pdf)"),
           Skipped(source='odd "name"\\x1b.txt', reason="not UTF-8 text")]


def _dump(collection: object) -> str:
    return json.dumps(collection, ensure_ascii=False, indent=1) + "\n"


def _streamed(spill: Spill, gaz: Gazetteer, skipped: list[Skipped]) -> tuple[str, Counts]:
    parts: list[str] = []
    counts = spill.write_json(parts.append, gaz, skipped=skipped)
    return "".join(parts), counts


@pytest.mark.parametrize("order", ["input", "shuffled"])
def test_the_streamed_export_is_the_in_memory_one(analyses: list[Analysis], gaz: Gazetteer, order: str) -> None:
    expected = feature_collection(analyses, gaz, skipped=SKIPPED)
    kinds = {f["properties"]["kind"] for f in expected["features"]}
    assert kinds == {"place", "movement", "statement"} and expected["conflictmap"]["unresolved"]
    arrivals = list(enumerate(analyses))
    if order == "shuffled":  # cached documents come first, then the analysed ones
        random.Random(5).shuffle(arrivals)
    with Spill() as spill:
        for i, analysis in arrivals:
            spill.add(i, analysis)
        text, counts = _streamed(spill, gaz, SKIPPED)
        assert text == _dump(expected)
        assert spill.collection(gaz, skipped=SKIPPED) == expected
    assert counts == Counts.of(expected)
    assert counts.documents == len(analyses) and counts.skipped == 2


def test_an_export_with_nothing_found_streams_empty_lists(gaz: Gazetteer) -> None:
    empty = [Analysis(_document(0), (), (), (), 10)]
    with Spill() as spill:
        spill.add(0, empty[0])
        text, counts = _streamed(spill, gaz, [])
    assert text == _dump(feature_collection(empty, gaz))
    assert '"features": []' in text and counts.kinds == {}


def test_lists_are_written_as_json_indents_them() -> None:
    value = {"a": [{"b": [1, {"c": "x\ny"}]}, []], "d": []}
    parts: list[str] = []
    _write_list(parts.append, value["a"], level=1)
    assert "".join(parts) == json.dumps(value, indent=1).split('"a": ')[1].split(',\n "d"')[0]


def test_the_records_leave_with_the_spill(tmp_path: Path, analyses: list[Analysis]) -> None:
    with Spill(folder=tmp_path) as spill:
        for i, analysis in enumerate(analyses):
            spill.add(i, analysis)
        assert spill.path.parent == tmp_path and any(spill.path.iterdir())
        assert spill.documents == len(analyses)
    assert list(tmp_path.iterdir()) == []


def test_a_folder_left_by_a_killed_run_is_removed_by_the_next(tmp_path: Path) -> None:
    finished = subprocess.Popen([sys.executable, "-c", "pass"])
    finished.wait()
    left = tmp_path / f"conflictmap-records-{finished.pid}-x1"
    running = tmp_path / f"conflictmap-records-{os.getppid()}-x2"  # a process that still runs
    other = tmp_path / "conflictmap-records-notes"
    for folder in (left, running, other):
        folder.mkdir()
    with Spill(folder=tmp_path) as spill:
        assert not left.exists() and running.exists() and other.exists()
        assert spill.path.name.startswith(f"conflictmap-records-{os.getpid()}-")
