"""The attribution scorer on a brat file of our own: what counts as found, strictly and loosely."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from conflictmap.geo.evaluation.attribution import AttributionReport, read_ann
from conflictmap.geo.records import Source

TEXT = "Ana Ruiz said the ferry was late. The port, Ruiz added, would stay open. Ruiz wants calm."


def span(word: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(word, start + 1)
    return start, start + len(word)


def ann(tmp_path: Path) -> Path:
    rows = []
    for i, (source, cue) in enumerate([(span("Ana Ruiz"), span("said")), (span("Ruiz", 1), span("added")),
                                       (span("Ruiz", 2), span("wants"))]):
        rows += [f"T{3 * i + 1}\tSource {source[0]} {source[1]}\t{TEXT[source[0]:source[1]]}",
                 f"T{3 * i + 2}\tCue {cue[0]} {cue[1]}\t{TEXT[cue[0]:cue[1]]}",
                 f"E{i + 1}\tAttribution:T{3 * i + 2} Source:T{3 * i + 1} Cue:T{3 * i + 2}"]
    path = tmp_path / "story_annotator.ann"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


@dataclass(frozen=True)
class Found:
    speaker_span: Source
    cue: Source
    place: Any = None
    speaker_kind: str = "person"


def found(speaker: tuple[int, int], cue: tuple[int, int]) -> Found:
    return Found(Source("story", *speaker, TEXT[speaker[0]:speaker[1]]), Source("story", *cue, TEXT[cue[0]:cue[1]]))


def test_a_gold_attribution_needs_speaker_and_cue_and_the_looser_measures_need_less(tmp_path: Path) -> None:
    gold = read_ann(ann(tmp_path))
    assert [g.cue_text for g in gold] == ["said", "added", "wants"]
    report = AttributionReport()
    report.add(gold, [found(span("Ana Ruiz"), span("said")),      # right speaker, right cue
                      found(span("Ruiz", 1), span("would")),      # right speaker, wrong cue
                      found(span("The port"), span("added"))],    # wrong speaker
               TEXT)
    summary = report.summary()
    assert (summary["gold"], summary["predicted"]) == (3, 3)
    assert summary["speaker_recall"] == round(1 / 3, 3)
    assert summary["speaker_precision"] == round(1 / 3, 3)
    assert summary["speaker_only_recall"] == round(2 / 3, 3)  # "Ruiz" at "added" overlaps, cue aside
    assert summary["document_recall"] == 1.0  # "Ruiz" is named somewhere: every attribution to Ruiz counts


def test_recall_is_broken_down_by_the_class_of_the_gold_cue(tmp_path: Path) -> None:
    gold = read_ann(ann(tmp_path))
    report = AttributionReport(cue_class=lambda cue: "stance" if cue == "wants" else "speech")
    report.add(gold, [found(span("Ana Ruiz"), span("said")), found(span("Ruiz", 2), span("wants"))], TEXT)
    assert report.summary()["recall_by_cue_class"] == {"speech": (1, 2), "stance": (1, 1)}
