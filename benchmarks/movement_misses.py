"""Why gold movements are missed: is the place they go to or come from one the pipeline resolved?

    CONFLICTMAP_GAZETTEER=/tmp/gaz/gazetteer.sqlite .venv/bin/python benchmarks/movement_misses.py \\
        --set articles3 [--set articles4 ...] [--gazetteer PATH]

For every gold movement no predicted movement finds (``devtexts_eval.finds_movement``), looks up each
of its gold place names (every ``|`` alternative) within 400 characters of the trigger and sorts the
miss into one class (counts only; no text is printed, so it can be run on sets nobody may read):

* ``end resolved``: a gold end is there and the pipeline resolved it to a place: the force, the
  trigger or the attachment failed;
* ``end not resolved``: a gold end is written there but the pipeline resolved it to nothing (a
  village the gazetteer lacks, a name the model took for a person);
* ``no end in the text``: no gold end is written near the trigger (the annotator filled it in from
  the article).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from devtexts_eval import finds_movement, gold_sets, load_set

from conflictmap.geo.pipeline import Pipeline

WINDOW = 400


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", dest="sets", action="append", choices=gold_sets(), required=True)
    parser.add_argument("--gazetteer", type=Path, help="gazetteer (default: $CONFLICTMAP_GAZETTEER or the cache)")
    args = parser.parse_args()
    pipeline = Pipeline(gazetteer=args.gazetteer)
    classes: Counter[str] = Counter()
    for gold_set in args.sets:
        golds, docs = load_set(gold_set)
        for g, doc, analysis in zip(golds, docs, pipeline.analyse(docs), strict=True):
            for x in g["movements"] or []:
                if any(finds_movement(x, p) for p in analysis.movements):
                    continue
                start, end = x["trigger"]
                names = [n for n in (x["origin"], x["destination"], *(x["via"] or [])) if n]
                found = "no end in the text"
                for alt in (a for n in names for a in n.split("|")):
                    i = doc.text.find(alt, max(0, start - WINDOW))
                    if i < 0 or i > end + WINDOW:
                        continue
                    at = [r for r in analysis.places
                          if r.mention.start <= i < r.mention.end or i <= r.mention.start < i + len(alt)]
                    if any(r.place is not None for r in at):
                        found = "end resolved"
                        break
                    found = "end not resolved"
                classes[found] += 1
    total = sum(classes.values())
    for name in ("end resolved", "end not resolved", "no end in the text"):
        print(f"{name:20} {classes[name]:5}  {classes[name] / total if total else 0:.2f}")
    print(f"{'missed':20} {total:5}")


if __name__ == "__main__":
    main()
