"""Learn the cue model (``geo/data/models/cue_model.json``) from PolNeAR's annotated training articles.

    .venv/bin/pip install scikit-learn      # training only; never needed to run conflictmap
    .venv/bin/python scripts/train_cue_model.py [--corpus ../shared/attribution/polnear-train]
        [--cache /tmp/polnear-parses] [--threshold 0.5] [--dry-run]

Every candidate the statement patterns find (a verb and its subject, a passive verb and its agent,
...) is labelled by the corpus: an attribution when its cue overlaps a gold cue and its speaker
phrase a gold source. A logistic regression over :func:`conflictmap.geo.events.cues.features` is
cross-validated by document, train on one part and test on the other (articles 1-150 / 151-740,
then the other way round), and finally fitted on all of them. The file keeps the named weights, the
threshold and the cross-validated figures. Nothing of the corpus is written into it but feature
names (lemmas, tags, pronouns).
"""

from __future__ import annotations

import argparse
import pickle
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SPLIT = 150  # articles 1-150 are one part, 151-740 the other
PRUNE = 0.05  # weights smaller than this are dropped from the file


def parsed(corpus: list, cache: Path | None) -> list[list]:
    """The (offset, Doc) pieces of every article, parsed once (and cached as DocBin if asked)."""
    from spacy.tokens import DocBin

    from conflictmap.geo.nlp.model import parse
    from conflictmap.geo.pipeline import Pipeline
    from conflictmap.geo.reading.zones import classify, parsed_segments

    nlp = Pipeline().nlp
    out: list[list] = []
    todo = [d for d, _ in corpus if cache is None or not (cache / f"{d.id}.bin").exists()]
    if todo:
        zones = [classify(d.text) for d in todo]
        for document, pieces in zip(todo, parse(nlp, [d.text for d in todo],
                                                segments=[parsed_segments(z) for z in zones]), strict=True):
            if cache is not None:
                cache.mkdir(parents=True, exist_ok=True)
                bin_ = DocBin(store_user_data=True)
                for _, doc in pieces:
                    bin_.add(doc)
                (cache / f"{document.id}.bin").write_bytes(pickle.dumps(([o for o, _ in pieces], bin_.to_bytes())))
            else:
                out.append(pieces)
    if cache is not None:
        for document, _ in corpus:
            offsets, data = pickle.loads((cache / f"{document.id}.bin").read_bytes())
            out.append(list(zip(offsets, DocBin().from_bytes(data).get_docs(nlp.vocab), strict=True)))
    return out


def candidates(corpus: list, pieces: list[list]) -> tuple[list[dict[str, float]], list[int], list[int]]:
    """Features, labels and article index of every candidate the statement patterns find."""
    from conflictmap.geo.events.cues import ALWAYS, features
    from conflictmap.geo.events.patterns import best, patterns
    from conflictmap.geo.events.statements import speaker_words

    rows: list[dict[str, float]] = []
    labels: list[int] = []
    groups: list[int] = []
    for index, ((_, gold), docs) in enumerate(zip(corpus, pieces, strict=True)):
        for offset, doc in docs:
            for match in best(patterns(doc.vocab).dependency(doc, "statement"), "cue", "speaker").values():
                how = match.rule.label
                if how in ALWAYS:
                    continue
                cue, speaker = match["cue"], match["speaker"]
                words = speaker_words(speaker, how)
                c0, c1 = offset + cue.idx, offset + cue.idx + len(cue)
                s0, s1 = offset + words.start_char, offset + words.end_char
                found = any(g.cue[0] < c1 and c0 < g.cue[1] and g.source[0] < s1 and s0 < g.source[1] for g in gold)
                rows.append(features(cue, speaker, how))
                labels.append(int(found))
                groups.append(index)
    return rows, labels, groups


def figures(model: Any, matrix: Any, labels: Any, threshold: float) -> dict[str, float]:
    predicted = model.predict_proba(matrix)[:, 1] >= threshold
    hits = int((predicted & (labels == 1)).sum())
    return {"recall": round(hits / max(int(labels.sum()), 1), 3),
            "precision": round(hits / max(int(predicted.sum()), 1), 3), "candidates": len(labels)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "attribution" / "polnear-train")
    parser.add_argument("--cache", type=Path, help="keep the parses here (DocBin) for the next run")
    parser.add_argument("--threshold", type=float, default=0.5)
    parser.add_argument("--C", type=float, default=1.0, help="inverse regularisation strength")
    parser.add_argument("--dry-run", action="store_true", help="report the cross-validation, write nothing")
    parser.add_argument("--fit-on", choices=("all", "first", "rest"), default="all",
                        help=f"fit the written model on all articles, only 1-{SPLIT}, or only the rest "
                             "(to measure end to end on the part left out)")
    parser.add_argument("--output", type=Path, default=ROOT / "geo" / "data" / "models" / "cue_model.json")
    args = parser.parse_args()
    try:
        import numpy
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.linear_model import LogisticRegression
    except ImportError:
        sys.exit("train_cue_model: needs scikit-learn (pip install scikit-learn)")
    from conflictmap.geo.evaluation.attribution import read_corpus
    from conflictmap.geo.logistic import named_weights, write_model

    corpus = read_corpus(args.corpus)
    rows, label_list, group_list = candidates(corpus, parsed(corpus, args.cache))
    vectoriser = DictVectorizer()
    matrix = vectoriser.fit_transform(rows)
    labels, groups = numpy.array(label_list), numpy.array(group_list)
    first, rest = groups < SPLIT, groups >= SPLIT
    folds = {}
    for name, train, test in ((f"train 151-{len(corpus)}, test 1-{SPLIT}", rest, first),
                              (f"train 1-{SPLIT}, test 151-{len(corpus)}", first, rest)):
        fold = LogisticRegression(C=args.C, max_iter=3000).fit(matrix[train], labels[train])
        folds[name] = figures(fold, matrix[test], labels[test], args.threshold)
        print(f"{name}: {folds[name]}")
    part = {"all": groups >= 0, "first": first, "rest": rest}[args.fit_on]
    model = LogisticRegression(C=args.C, max_iter=3000).fit(matrix[part], labels[part])
    weights = named_weights(vectoriser.get_feature_names_out(), model.coef_[0], prune=PRUNE)
    print(f"{len(weights)} weights kept of {matrix.shape[1]} features; {int(labels.sum())} of {len(labels)} "
          f"candidates are attributions")
    if args.dry_run:
        return
    meta = {
        "about": "conflictmap cue model: logistic regression over conflictmap.geo.events.cues.features, "
                 "learnt by scripts/train_cue_model.py from PolNeAR's training articles",
        "corpus": f"{args.corpus.name}, {len(corpus)} articles, {len(labels)} candidates; fitted on {args.fit_on}",
        "threshold": args.threshold, "C": args.C,
        "cross_validation": folds,
    }
    write_model(args.output, meta, model.intercept_[0], weights)
    print(f"wrote {args.output.resolve()}")


if __name__ == "__main__":
    main()
