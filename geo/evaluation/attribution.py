"""Who said what: statement finding scored on an attribution corpus in brat standoff (PolNeAR).

Each gold attribution (an ``E`` line with a ``Source`` and a ``Cue``) is *found* when a statement
the pipeline reads in the same document has a speaker span overlapping the gold source span and a
cue overlapping the gold cue span ("speaker right"; as in the published baselines). A predicted
statement is *correct* when it finds some gold attribution. PolNeAR marks each token in at most one
attribution, so nested attributions are not annotated and precision is an underestimate.

The corpus is read where it lies (``../shared/attribution/polnear-train``); nothing of it is
committed. One annotator's file per article: the first by name.

Two looser measures are reported beside it, because published figures use them: *speaker only*
(a statement's speaker span overlaps the gold source, whatever its cue) and *by document* (some
statement of the same document names the gold source's words, wherever it is; "Smith" said once
counts for every attribution to Smith).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from conflictmap.geo.reading.reader import Document
from conflictmap.geo.records import Source

_SPAN_LINE = re.compile(r"^(T\d+)\t(\w+) (\d+) (\d+)(?:;\d+ \d+)*\t(.*)$")


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    doc: str
    source: tuple[int, int]
    cue: tuple[int, int]
    cue_text: str


def read_ann(path: Path) -> list[GoldAttribution]:
    """The attributions of one brat ``.ann`` file that have both a source and a cue."""
    spans: dict[str, tuple[str, int, int, str]] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if m := _SPAN_LINE.match(line):
            spans[m.group(1)] = (m.group(2), int(m.group(3)), int(m.group(4)), m.group(5))
        elif line.startswith("E"):
            roles = dict(part.split(":", 1) for part in line.split("\t")[1].split())
            events.append(roles)
    doc = path.stem.rsplit("_", 1)[0]
    out = []
    for roles in events:
        if "Source" in roles and "Cue" in roles and roles["Source"] in spans and roles["Cue"] in spans:
            _, s0, s1, _ = spans[roles["Source"]]
            _, c0, c1, cue_text = spans[roles["Cue"]]
            out.append(GoldAttribution(doc, (s0, s1), (c0, c1), cue_text))
    return out


def read_corpus(folder: Path, *, limit: int | None = None) -> list[tuple[Document, list[GoldAttribution]]]:
    """Articles with their gold attributions (the first annotator's file of each)."""
    texts = sorted((folder / "text").glob("*.txt"))[:limit] if limit else sorted((folder / "text").glob("*.txt"))
    out = []
    for text in texts:
        anns = sorted((folder / "attributions").glob(f"{text.stem}_*.ann"))
        if not anns:
            continue
        document = Document(text.stem, text.read_text(encoding="utf-8"), str(text), "utf-8")
        out.append((document, read_ann(anns[0])))
    return out


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


class Attributed(Protocol):
    """What scoring reads of a statement (a :class:`Statement`, or a baseline's finding)."""

    @property
    def speaker_span(self) -> Source | None: ...
    @property
    def cue(self) -> Source | None: ...
    @property
    def place(self) -> Any: ...
    @property
    def speaker_kind(self) -> str | None: ...


def _finds(s: Attributed, g: GoldAttribution) -> bool:
    return (s.speaker_span is not None and s.cue is not None
            and _overlaps((s.speaker_span.start, s.speaker_span.end), g.source)
            and _overlaps((s.cue.start, s.cue.end), g.cue))


@dataclass
class AttributionReport:
    documents: int = 0
    gold: int = 0
    predicted: int = 0
    found: int = 0
    found_speaker_only: int = 0
    found_in_document: int = 0
    correct: int = 0
    placed: int = 0
    gold_by_cue: Counter[str] = field(default_factory=Counter)
    found_by_cue: Counter[str] = field(default_factory=Counter)
    predicted_by_kind: Counter[str] = field(default_factory=Counter)
    correct_by_kind: Counter[str] = field(default_factory=Counter)
    # the class of a gold cue's words (e.g. a listed speech verb, a stance verb, other), to break recall down
    cue_class: Callable[[str], str] | None = None
    gold_by_class: Counter[str] = field(default_factory=Counter)
    found_by_class: Counter[str] = field(default_factory=Counter)

    def add(self, gold: list[GoldAttribution], statements: Iterable[Attributed], text: str = "") -> None:
        """Score one document's statements against its gold (``text``: the document, for the
        by-document measure)."""
        statements = [s for s in statements if s.speaker_span is not None]
        spans = [(s.speaker_span.start, s.speaker_span.end) for s in statements if s.speaker_span is not None]
        named = {" ".join(text[a:b].lower().split()) for a, b in spans}
        self.documents += 1
        self.gold += len(gold)
        self.predicted += len(statements)
        self.placed += sum(1 for s in statements if s.place is not None)
        for g in gold:
            cue = g.cue_text.lower()
            self.gold_by_cue[cue] += 1
            kind = self.cue_class(g.cue_text) if self.cue_class is not None else None
            if kind is not None:
                self.gold_by_class[kind] += 1
            if any(_finds(s, g) for s in statements):
                self.found += 1
                self.found_by_cue[cue] += 1
                if kind is not None:
                    self.found_by_class[kind] += 1
            if any(_overlaps(span, g.source) for span in spans):
                self.found_speaker_only += 1
            source = " ".join(text[g.source[0] : g.source[1]].lower().split())
            if source and any(n and (n in source or source in n) for n in named):
                self.found_in_document += 1
        for s in statements:
            kind = s.speaker_kind or "?"
            self.predicted_by_kind[kind] += 1
            if any(_finds(s, g) for g in gold):
                self.correct += 1
                self.correct_by_kind[kind] += 1

    def summary(self, *, top: int = 15) -> dict[str, Any]:
        recall = self.found / self.gold if self.gold else 0.0
        precision = self.correct / self.predicted if self.predicted else 0.0
        return {
            "documents": self.documents, "gold": self.gold, "predicted": self.predicted,
            "speaker_recall": round(recall, 3), "speaker_precision": round(precision, 3),
            "speaker_only_recall": round(self.found_speaker_only / self.gold, 3) if self.gold else 0.0,
            "document_recall": round(self.found_in_document / self.gold, 3) if self.gold else 0.0,
            "placed_share": round(self.placed / self.predicted, 3) if self.predicted else 0.0,
            "recall_by_cue": {cue: (self.found_by_cue[cue], n) for cue, n in self.gold_by_cue.most_common(top)},
            "precision_by_kind": {k: (self.correct_by_kind[k], n) for k, n in self.predicted_by_kind.most_common()},
            "recall_by_cue_class": {k: (self.found_by_class[k], n) for k, n in self.gold_by_class.most_common()},
        }


def evaluate(pipeline: Any, corpus: list[tuple[Document, list[GoldAttribution]]],
             cue_class: Callable[[str], str] | None = None) -> AttributionReport:
    """Run ``pipeline`` (a :class:`conflictmap.geo.pipeline.Pipeline`) over the corpus and score it.
    Each document is analysed on its own, so no name carries from one article to the next.
    ``cue_class`` names the class of a gold cue's words, to break recall down by it."""
    report = AttributionReport(cue_class=cue_class)
    for document, gold in corpus:
        [analysis] = list(pipeline.analyse([document]))
        report.add(gold, analysis.statements, document.text)
    return report
