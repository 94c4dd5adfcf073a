"""Statement finding on PolNeAR's training articles: speaker recall and precision, by cue and by kind.

    .venv/bin/python benchmarks/attribution_eval.py [--corpus ../shared/attribution/polnear-train]
        [--limit N] [--gazetteer PATH] [--cue-model PATH --articles FIRST:LAST]

See ``conflictmap.geo.evaluation.attribution`` for what counts as found and as correct.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from conflictmap.geo.evaluation.attribution import evaluate, read_corpus
from conflictmap.geo.events import cues
from conflictmap.geo.pipeline import Pipeline

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "attribution" / "polnear-train")
    parser.add_argument("--limit", type=int, help="only the first N articles")
    parser.add_argument("--gazetteer", type=Path, help="gazetteer database (default: the default one)")
    parser.add_argument("--cue-model", type=Path, help="a cue model file (default: the installed one); "
                        "with a model fitted on part of the corpus, score only the other part")
    parser.add_argument("--articles", help="FIRST:LAST, 1-based and inclusive (e.g. 1:150)")
    args = parser.parse_args()
    corpus = read_corpus(args.corpus, limit=args.limit)
    if args.articles:
        first, last = (int(n) for n in args.articles.split(":"))
        corpus = corpus[first - 1 : last]
    if args.cue_model:
        cues.use_model(args.cue_model)
    pipeline = Pipeline(gazetteer=args.gazetteer)
    started = time.perf_counter()
    summary = evaluate(pipeline, corpus).summary()
    seconds = time.perf_counter() - started
    print(f"{summary['documents']} articles, {summary['gold']} gold attributions with a source, "
          f"{summary['predicted']} statements found ({seconds:.0f} s)")
    print(f"speaker recall {summary['speaker_recall']:.3f}, precision {summary['speaker_precision']:.3f}; "
          f"placed {summary['placed_share']:.0%} of the statements found")
    print("recall by gold cue (found / gold):")
    for cue, (found, n) in summary["recall_by_cue"].items():
        print(f"  {cue!r}: {found} / {n}")
    print("precision by speaker kind (correct / found):")
    for kind, (correct, n) in summary["precision_by_kind"].items():
        print(f"  {kind}: {correct} / {n}")


if __name__ == "__main__":
    main()
