"""Whole-pipeline speed against raw spaCy on the same texts, measured in the same run.

Baseline: the same spaCy model (en_core_web_sm 3.8.0) with ``nlp.pipe`` and nothing of ours.
Ours: reading zones, the place component, datelines, resolution against the gazetteer,
movements, statements and fusion into GeoJSON. Both run over the same texts in one process,
alternating, and the medians of ``--runs`` runs are compared.

Sets: the five seeds; our twelve test articles; and, when the path exists, the 200 GeoWebNews
articles read from ``../shared/eval`` (never copied into the project).

Usage::

    python benchmarks/bench_pipeline.py [--runs 5] [--gazetteer PATH] [--gwn ../shared/eval/geowebnews/GWN.xml]
"""

from __future__ import annotations

import argparse
import statistics
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import spacy

from conflictmap.geo.export.fusion import feature_collection
from conflictmap.geo.nlp.model import model_path
from conflictmap.geo.pipeline import Pipeline
from conflictmap.geo.reading.reader import Document, read_inputs

ROOT = Path(__file__).parent.parent


def gwn_documents(path: Path) -> list[Document]:
    root = ET.parse(path).getroot()
    return [Document(f"gwn-{a.get('file')}", a.findtext("text") or "", str(path), "utf-8")
            for a in root.iter("article")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--gazetteer", type=Path)
    parser.add_argument("--gwn", type=Path, default=ROOT.parent / "shared/eval/geowebnews/GWN.xml")
    args = parser.parse_args()

    sets = {
        "seeds": [d for d in read_inputs([str(ROOT / "seeds")]) if isinstance(d, Document)],
        "own articles": [d for d in read_inputs([str(ROOT / "tests/articles")]) if isinstance(d, Document)],
    }
    if args.gwn.exists():
        sets["GeoWebNews"] = gwn_documents(args.gwn)

    ours = Pipeline(gazetteer=args.gazetteer)
    raw = spacy.load(model_path())
    for name, docs in sets.items():
        texts = [d.text for d in docs]
        words = sum(len(t.split()) for t in texts)
        list(raw.pipe(texts[:2]))  # warm both before timing
        list(ours.analyse(docs[:2]))
        raw_times, our_times = [], []
        for _ in range(args.runs):
            start = time.perf_counter()
            for _doc in raw.pipe(texts):
                pass
            raw_times.append(time.perf_counter() - start)
            start = time.perf_counter()
            feature_collection(list(ours.analyse(docs)), ours.gaz)
            our_times.append(time.perf_counter() - start)
        r, o = statistics.median(raw_times), statistics.median(our_times)
        ratios = [b / a for a, b in zip(raw_times, our_times, strict=True)]
        print(f"{name:13s} {len(docs):4d} docs {words:7,d} words | raw spaCy {r:6.2f} s ({words / r:6,.0f} words/s)"
              f" | conflictmap {o:6.2f} s | ratio median {statistics.median(ratios):.2f}x "
              f"(min {min(ratios):.2f}, max {max(ratios):.2f}; {args.runs} runs)")


if __name__ == "__main__":
    main()
