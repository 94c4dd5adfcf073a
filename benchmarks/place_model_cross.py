"""Recognition end to end with a place model fitted on another corpus (the honest cross figures).

    .venv/bin/python scripts/train_place_model.py --fit-on trnews --output /tmp/place_trnews.json
    .venv/bin/python benchmarks/place_model_cross.py /tmp/place_trnews.json ../shared/eval/geowebnews/GWN.xml

Runs the whole pipeline as ``conflictmap eval --setting e2e`` does, with the given model file in
place of the shipped ``geo/data/models/place_model.json``; ``--rules`` runs the recognition rules
alone (no model), the figures before the model.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from conflictmap.geo import evaluation
from conflictmap.geo.nlp.place_model import use_model
from conflictmap.geo.pipeline import Pipeline


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model", type=Path, help="a place model JSON file (ignored with --rules)")
    parser.add_argument("corpora", type=Path, nargs="+")
    parser.add_argument("--rules", action="store_true", help="the recognition rules alone, no model")
    args = parser.parse_args()
    use_model(args.model)
    pipeline = Pipeline()
    pipeline.nlp.get_pipe("conflictmap_places").decide = not args.rules
    for path in args.corpora:
        name, documents = evaluation.read_corpus(path)
        report = evaluation.evaluate_end_to_end(pipeline, documents)
        s = report.summary(pipeline.gaz)
        ids = s["resolution_ids"]
        r = s["recognition"]["exact"]
        print(f"{name} end to end ({'rules only' if args.rules else args.model.name}): P {r['precision']:.3f} "
              f"R {r['recall']:.3f} F1 {r['f1']:.3f} (gold {r['gold']}, predicted {r['predicted']}); "
              f"Acc@161 {ids['acc161']:.3f} on n={ids['n']} matched with a GeoNames id")


if __name__ == "__main__":
    main()
