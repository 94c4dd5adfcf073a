"""Accuracy on the public corpora, read from ../shared/eval (never copied here): a regression guard
on a subset, with floors a little below the figures measured when they were set."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from conflictmap.geo import evaluation

EVAL = Path(__file__).parent.parent.parent / "shared" / "eval"
GWN = EVAL / "geowebnews" / "GWN.xml"
TRNEWS = EVAL / "trnews" / "TR-News.xml"

pytestmark = pytest.mark.skipif(not GWN.exists() or not TRNEWS.exists(), reason="../shared/eval not present")


def test_corpora_read_as_the_field_counts_them() -> None:
    name, docs = evaluation.read_corpus(GWN)
    assert (name, len(docs)) == ("GeoWebNews", 200)
    toponyms = [t for d in docs for t in d.toponyms]
    assert len(toponyms) == 2720
    assert sum(t.lat is not None for t in toponyms) == 2601
    assert sum(t.geonames_id is not None for t in toponyms) == 2401
    name, docs = evaluation.read_corpus(TRNEWS)
    assert (name, len(docs)) == ("TR-News", 118)
    toponyms = [t for d in docs for t in d.toponyms]
    assert len(toponyms) == 1319
    # every span, realigned where the corpus is off by a character, shows its phrase
    assert all(d.text[t.start : t.end] == t.text for d in docs for t in d.toponyms)


@pytest.mark.full
@pytest.mark.model
@pytest.mark.parametrize(
    ("path", "n", "gold_floor", "f1_floor", "e2e_floor"),
    [(GWN, 30, 0.78, 0.72, 0.85), (TRNEWS, 20, 0.92, 0.82, 0.94)],
    ids=["GeoWebNews", "TR-News"],
)
def test_accuracy_floor_on_a_subset(path: Path, n: int, gold_floor: float, f1_floor: float, e2e_floor: float,
                                    full_gaz: Any, pipeline: Any) -> None:
    _, docs = evaluation.read_corpus(path)
    gold = evaluation.evaluate_gold_spans(full_gaz, docs[:n]).summary(full_gaz)
    e2e = evaluation.evaluate_end_to_end(pipeline, docs[:n]).summary(full_gaz)
    assert gold["resolution_ids"]["acc161"] >= gold_floor
    assert e2e["recognition"]["exact"]["f1"] >= f1_floor
    assert e2e["resolution_ids"]["acc161"] >= e2e_floor
