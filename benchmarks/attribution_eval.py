"""Statement finding on PolNeAR's training articles: speaker recall and precision, by cue and by kind.

    .venv/bin/python benchmarks/attribution_eval.py [--corpus ../shared/attribution/polnear-train]
        [--limit N] [--gazetteer PATH] [--cue-model PATH --articles FIRST:LAST] [--baseline]

See ``conflictmap.geo.evaluation.attribution`` for what counts as found and as correct.
``--baseline`` scores, instead of conflictmap, the issue's dependency baseline on the same parses:
any verb with a clausal complement (``ccomp``/``xcomp``) or a communication verb, with its nominal
subject, plus "according to X".
"""

from __future__ import annotations

import argparse
import functools
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from conflictmap.geo.evaluation.attribution import AttributionReport, evaluate, read_corpus
from conflictmap.geo.events import cues
from conflictmap.geo.lexicon import lexicon
from conflictmap.geo.nlp.model import parse
from conflictmap.geo.pipeline import Pipeline
from conflictmap.geo.reading.zones import classify, parsed_segments
from conflictmap.geo.records import Source

ROOT = Path(__file__).resolve().parent.parent
COMMUNICATION = frozenset({
    "say", "tell", "state", "announce", "claim", "report", "add", "note", "explain", "argue", "write", "warn",
    "insist", "suggest", "ask", "reply", "respond", "deny", "admit", "acknowledge", "confirm", "declare",
    "comment", "tweet", "describe", "call"})


@dataclass(frozen=True)
class Finding:
    speaker_span: Source
    cue: Source
    place: Any = None
    speaker_kind: str = "baseline"


def cue_classes(pipeline: Pipeline) -> Callable[[str], str]:
    """The class of a gold cue's words: ``speech`` (a listed reporting verb among their lemmas,
    "according to", a transcript's colon), ``stance`` (a belief, wish or plan verb: kept off the map
    by design) or ``other`` (PolNeAR's broader attributions: "showed", "backed", "hired", nouns)."""
    lex = lexicon()
    lemmatise = [proc for name, proc in pipeline.nlp.pipeline if name in ("tok2vec", "tagger", "attribute_ruler",
                                                                         "lemmatizer")]

    @functools.cache
    def kind(cue: str) -> str:
        doc = pipeline.nlp.make_doc(cue)
        for proc in lemmatise:
            doc = proc(doc)
        lemmas = {t.lemma_.lower() for t in doc}
        if cue.strip().lower() in ("according to", ":") or lemmas & lex.report_verbs:
            return "speech"
        return "stance" if lemmas & lex.stance_verbs else "other"
    return kind


def baseline(pipeline: Pipeline, corpus: list, cue_class: Callable[[str], str] | None = None) -> AttributionReport:
    """The dependency baseline, scored like conflictmap (same parses, same scorer)."""
    report = AttributionReport(cue_class=cue_class)
    texts = [d.text for d, _ in corpus]
    segments = [parsed_segments(classify(t)) for t in texts]
    for (document, gold), pieces in zip(corpus, parse(pipeline.nlp, texts, segments=segments), strict=True):
        found = []

        def source(start: int, end: int, text: str = document.text, doc_id: str = document.id) -> Source:
            return Source(doc_id, start, end, text[start:end])

        for offset, doc in pieces:
            for t in doc:
                if t.pos_ in ("VERB", "AUX") and (t.lemma_ in COMMUNICATION
                                                  or any(c.dep_ in ("ccomp", "xcomp") for c in t.children)):
                    for subject in (c for c in t.children if c.dep_ == "nsubj"):
                        words = list(subject.subtree)
                        found.append(Finding(source(offset + words[0].idx, offset + words[-1].idx + len(words[-1])),
                                             source(offset + t.idx, offset + t.idx + len(t))))
                if t.lower_ == "according" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to":
                    for obj in (c for c in doc[t.i + 1].children if c.dep_ == "pobj"):
                        words = list(obj.subtree)
                        found.append(Finding(source(offset + words[0].idx, offset + words[-1].idx + len(words[-1])),
                                             source(offset + t.idx, offset + doc[t.i + 1].idx + 2)))
        report.add(gold, found, document.text)
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "attribution" / "polnear-train")
    parser.add_argument("--limit", type=int, help="only the first N articles")
    parser.add_argument("--gazetteer", type=Path, help="gazetteer database (default: the default one)")
    parser.add_argument("--cue-model", type=Path, help="a cue model file (default: the installed one); "
                        "with a model fitted on part of the corpus, score only the other part")
    parser.add_argument("--articles", help="FIRST:LAST, 1-based and inclusive (e.g. 1:150)")
    parser.add_argument("--baseline", action="store_true", help="score the dependency baseline instead")
    args = parser.parse_args()
    corpus = read_corpus(args.corpus, limit=args.limit)
    if args.articles:
        first, last = (int(n) for n in args.articles.split(":"))
        corpus = corpus[first - 1 : last]
    if args.cue_model:
        cues.use_model(args.cue_model)
    pipeline = Pipeline(gazetteer=args.gazetteer)
    started = time.perf_counter()
    classes = cue_classes(pipeline)
    summary = (baseline(pipeline, corpus, classes) if args.baseline else evaluate(pipeline, corpus, classes)).summary()
    seconds = time.perf_counter() - started
    print(f"{summary['documents']} articles, {summary['gold']} gold attributions with a source, "
          f"{summary['predicted']} statements found ({seconds:.0f} s)")
    print(f"speaker recall {summary['speaker_recall']:.3f}, precision {summary['speaker_precision']:.3f}; "
          f"placed {summary['placed_share']:.0%} of the statements found")
    print(f"looser: speaker-only recall {summary['speaker_only_recall']:.3f}, "
          f"by-document recall {summary['document_recall']:.3f}")
    print("recall by gold cue (found / gold):")
    for cue, (found, n) in summary["recall_by_cue"].items():
        print(f"  {cue!r}: {found} / {n}")
    print("recall by the class of the gold cue (found / gold):")
    for kind, (found, n) in summary["recall_by_cue_class"].items():
        print(f"  {kind}: {found} / {n} = {found / n:.3f}")
    print("precision by speaker kind (correct / found):")
    for kind, (correct, n) in summary["precision_by_kind"].items():
        print(f"  {kind}: {correct} / {n}")


if __name__ == "__main__":
    main()
