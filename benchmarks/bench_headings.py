"""What parsing each headline and heading once more on its own costs, measured in the same run.

The pipeline parses a document's text in runs of paragraphs and, since the seventeenth session,
each headline and heading once more on its own (read for the movements the run's parse misses in
it). Baseline: the same pipeline with that second parse switched off. Both analyse the same texts
in one process, alternating, and the medians of ``--runs`` runs are compared.

Texts: the real articles of ``../shared/devtexts`` (read where they lie, never copied).

Usage::

    python benchmarks/bench_headings.py [--runs 3] [--gazetteer PATH] [--texts ../shared/devtexts]
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import conflictmap.geo.pipeline as pipeline_module
from conflictmap.geo.pipeline import Pipeline
from conflictmap.geo.reading.reader import Document

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--gazetteer", type=Path)
    parser.add_argument("--texts", type=Path, default=ROOT.parent / "shared" / "devtexts")
    args = parser.parse_args()
    files = sorted(args.texts.rglob("*.txt"))
    docs = [Document(f"d{i}", f.read_text(encoding="utf-8"), str(f), "utf-8") for i, f in enumerate(files)]
    pipeline = Pipeline(gazetteer=args.gazetteer)
    list(pipeline.analyse(docs[:5]))  # model and gazetteer loaded before anything is timed
    headings = pipeline_module.heading_segments
    seconds: dict[str, list[float]] = {"headings parsed again (ours)": [], "without (baseline)": []}
    for _ in range(args.runs):
        for name in seconds:
            pipeline_module.heading_segments = headings if name.endswith("(ours)") else (lambda *_: [])
            started = time.perf_counter()
            list(pipeline.analyse(docs))
            seconds[name].append(time.perf_counter() - started)
    pipeline_module.heading_segments = headings
    medians = {name: statistics.median(times) for name, times in seconds.items()}
    for name, median in medians.items():
        print(f"{name}: {len(docs) / median:.2f} documents/s (median of {args.runs}; runs "
              f"{', '.join(f'{t:.1f}' for t in seconds[name])} s)")
    ours, base = medians.values()
    print(f"ratio: {ours / base:.3f} of the baseline's time over {len(docs)} documents")


if __name__ == "__main__":
    main()
