"""Learn the place model (``geo/data/models/place_model.json``) from GeoWebNews and TR-News.

    .venv/bin/pip install scikit-learn      # training only; never needed to run conflictmap
    .venv/bin/python scripts/train_place_model.py [--gwn ../shared/eval/geowebnews/GWN.xml]
        [--trnews ../shared/eval/trnews/TR-News.xml] [--cache /tmp/place-parses] [--fit-on all|gwn|trnews]
        [--output FILE] [--dry-run]

Every candidate span the place component proposes (the recognition rules' spans and every part of
a capitalised run the gazetteer knows, see :meth:`PlaceRecognizer.candidates`) in the zones where
mentions are read is labelled by the corpus: a place when its character offsets are exactly those of
a gold toponym. A logistic regression over :func:`conflictmap.geo.nlp.place_model.features` is
fitted on one corpus and tested on the other (both ways), and cross-validated by document over
both (5 folds); its threshold is the one that maximises recognition F1 in a by-document
cross-validation *within the training part* only. The figures printed are recognition P/R/F1 of
the mentions the component would keep (one span per token, most probable first; the dateline as
the pipeline reads it), beside the rules' own spans on the same documents. Finally the model is
fitted on ``--fit-on`` and written with its named weights. Nothing of the corpora is written into
it but feature names (labels, lemmas of prepositions, verbs and nouns, kinds of place).
"""

from __future__ import annotations

import argparse
import pickle
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PRUNE = 0.02  # weights smaller than this are dropped from the file
FOLDS = 5
MIN_DOCUMENTS = 3


@dataclass
class Piece:
    """The candidates of one parsed piece of one document."""

    spans: list[tuple[int, int]] = field(default_factory=list)  # token offsets
    rule: list[bool] = field(default_factory=list)  # found by a rule
    chosen: list[bool] = field(default_factory=list)  # chosen by the rules alone (before the model)
    trusted: list[bool] = field(default_factory=list)  # kept whatever the model says
    exact: list[int] = field(default_factory=list)  # exactly a gold toponym's offsets
    rows: list[int] = field(default_factory=list)  # index into the feature rows


@dataclass
class Document:
    corpus: str
    gold: set[tuple[int, int]]
    dateline: list[tuple[int, int]]
    pieces: list[Piece] = field(default_factory=list)


def parsed(pipeline: Any, name: str, documents: list, cache: Path | None) -> list[list]:
    """The (offset, Doc) pieces of every document, parsed once (and cached as DocBin if asked)."""
    from spacy.tokens import DocBin

    from conflictmap.geo.nlp.model import parse
    from conflictmap.geo.reading.zones import classify, parsed_segments

    target = cache / f"{name}.pickle" if cache is not None else None
    if target is not None and target.exists():
        stored = pickle.loads(target.read_bytes())
        return [list(zip(offsets, DocBin().from_bytes(data).get_docs(pipeline.nlp.vocab), strict=True))
                for offsets, data in stored]
    zones = [classify(d.text) for d in documents]
    out = list(parse(pipeline.nlp, [d.text for d in documents], segments=[parsed_segments(z) for z in zones]))
    if target is not None:
        target.parent.mkdir(parents=True, exist_ok=True)
        stored = []
        for pieces in out:
            bin_ = DocBin(store_user_data=True)
            for _, doc in pieces:
                bin_.add(doc)
            stored.append(([o for o, _ in pieces], bin_.to_bytes()))
        target.write_bytes(pickle.dumps(stored))
    return out


def candidates(pipeline: Any, name: str, documents: list, pieces: list[list],
               rows: list[dict[str, float]], labels: list[int]) -> list[Document]:
    """Append the features and labels of every candidate to ``rows``/``labels``."""
    from conflictmap.geo.places import _keep_final_dot, find_dateline
    from conflictmap.geo.reading.zones import MENTION_ZONES, classify, zone_at

    recognizer = pipeline.nlp.get_pipe("conflictmap_places")
    out = []
    for gold_doc, docs in zip(documents, pieces, strict=True):
        text = gold_doc.text
        paragraphs = classify(text)
        dateline = find_dateline(gold_doc.id, text, paragraphs, pipeline.gaz)
        taken = [(m.start, m.end) for m in ((dateline.place, dateline.qualifier) if dateline else ()) if m]
        document = Document(name, {(t.start, t.end) for t in gold_doc.toponyms}, taken)
        for offset, doc in docs:
            rules, trusted = recognizer.rule_spans(doc)
            rule_keys = {(s.start, s.end) for s in _filtered(rules)}
            piece = Piece()
            for span, found, rule in recognizer.candidates(doc, rules):
                start, end = offset + span.start_char, offset + span.end_char
                if any(s < end and start < e for s, e in taken) or zone_at(paragraphs, start) not in MENTION_ZONES:
                    continue
                end = _keep_final_dot(text, start, end)
                exact = (start, end) in document.gold
                piece.spans.append((span.start, span.end))
                piece.rule.append(rule)
                piece.chosen.append((span.start, span.end) in rule_keys)
                piece.trusted.append((span.start, span.end) in trusted)
                piece.exact.append(int(exact))
                piece.rows.append(len(rows))
                rows.append(found)
                # a rule's span names a place when a gold toponym is its core: the rules decide how far
                # a name reaches ("Kursk region", "eastern Russia"); the corpora mark only the name
                labels.append(int(exact or (rule and _core_is_gold(span, offset, document.gold))))
            document.pieces.append(piece)
        out.append(document)
    return out


def _core_is_gold(span: Any, offset: int, gold: set[tuple[int, int]]) -> bool:
    """Whether the span is a gold toponym with a lower-case region or direction word around it."""
    from conflictmap.gazetteer.nouns import direction_words, place_nouns

    words = place_nouns().extends | direction_words().all
    for a in range(span.start, span.end):
        for b in range(a + 1, span.end + 1):
            if (a, b) == (span.start, span.end):
                continue
            extra = [t for t in span if not a <= t.i < b]
            core = span.doc[a:b]
            if (offset + core.start_char, offset + core.end_char) in gold and all(
                    t.is_lower and t.lower_ in words for t in extra):
                return True
    return False


def _filtered(spans: list) -> list:
    from spacy.util import filter_spans

    return filter_spans(spans)


def recognition(documents: list[Document], keep: Any) -> dict[str, float]:
    """Recognition P/R/F1 (exact offsets, as ``conflictmap eval``) when the candidates with a
    probability ``keep[row]`` (None: dropped) are chosen as :func:`components.choose` does: the
    rules' spans first, the longest of overlapping ones, then the gazetteer's, most probable first,
    one span per token; the dateline counts as found."""
    gold = predicted = matched = 0
    for d in documents:
        gold += len(d.gold)
        predicted += len(d.dateline)
        matched += sum(span in d.gold for span in d.dateline)
        for piece in d.pieces:
            items = [(a, b, r, rule, exact) for (a, b), r, rule, exact, trusted
                     in zip(piece.spans, piece.rows, piece.rule, piece.exact, piece.trusted, strict=True)
                     if trusted or keep[r] is not None]
            rules = sorted((it for it in items if it[3]), key=lambda it: (-(it[1] - it[0]), it[0]))
            others = sorted((it for it in items if not it[3]), key=lambda it: (-float(keep[it[2]]), -(it[1] - it[0]),
                                                                               it[0]))
            taken: set[int] = set()
            for a, b, _, _, exact in [*rules, *others]:
                if taken.isdisjoint(range(a, b)):
                    taken.update(range(a, b))
                    predicted += 1
                    matched += exact
    p = matched / max(predicted, 1)
    r = matched / max(gold, 1)
    return {"precision": round(float(p), 4), "recall": round(float(r), 4),
            "f1": round(float(2 * p * r / max(p + r, 1e-9)), 4), "predicted": predicted, "gold": gold}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    shared = ROOT.parent / "shared" / "eval"
    parser.add_argument("--gwn", type=Path, default=shared / "geowebnews" / "GWN.xml")
    parser.add_argument("--trnews", type=Path, default=shared / "trnews" / "TR-News.xml")
    parser.add_argument("--cache", type=Path, help="keep the parses here (DocBin) for the next run")
    parser.add_argument("--C", type=float, default=0.3, help="inverse regularisation strength")
    parser.add_argument("--fit-on", choices=("all", "gwn", "trnews"), default="all")
    parser.add_argument("--drop", nargs="*", default=[], help="leave out the features starting so (to measure them)")
    parser.add_argument("--dry-run", action="store_true", help="report the cross-validation, write nothing")
    parser.add_argument("--output", type=Path, default=ROOT / "geo" / "data" / "models" / "place_model.json")
    args = parser.parse_args()
    try:
        import numpy
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.linear_model import LogisticRegression
    except ImportError:
        sys.exit("train_place_model: needs scikit-learn (pip install scikit-learn)")
    from conflictmap.geo.evaluation import read_corpus
    from conflictmap.geo.logistic import named_weights, write_model
    from conflictmap.geo.pipeline import Pipeline

    pipeline = Pipeline()
    recognizer = pipeline.nlp.get_pipe("conflictmap_places")
    recognizer.decide = False  # parse with the rules only: the candidates are recomputed below
    rows: list[dict[str, float]] = []
    label_list: list[int] = []
    documents: list[Document] = []
    for key, path in (("gwn", args.gwn), ("trnews", args.trnews)):
        _, corpus = read_corpus(path)
        documents += candidates(pipeline, key, corpus, parsed(pipeline, key, corpus, args.cache), rows, label_list)
    if args.drop:
        rows = [{k: v for k, v in r.items() if not k.startswith(tuple(args.drop))} for r in rows]
    # a feature seen in fewer than MIN_DOCUMENTS articles is left out: it would only learn those articles
    seen_in: dict[str, set[int]] = {}
    for i, d in enumerate(documents):
        for piece in d.pieces:
            for r in piece.rows:
                for name in rows[r]:
                    seen_in.setdefault(name, set()).add(i)
    rows = [{k: v for k, v in r.items() if len(seen_in[k]) >= MIN_DOCUMENTS} for r in rows]
    vectoriser = DictVectorizer()
    matrix = vectoriser.fit_transform(rows)
    labels = numpy.array(label_list)
    row_doc = numpy.zeros(len(rows), dtype=int)
    for i, d in enumerate(documents):
        for piece in d.pieces:
            row_doc[piece.rows] = i

    def fit(docs: list[int]) -> Any:
        mask = numpy.isin(row_doc, docs)
        return LogisticRegression(C=args.C, max_iter=5000).fit(matrix[mask], labels[mask])

    def probabilities(docs: list[int]) -> Any:
        """Out-of-fold probabilities for the rows of ``docs``, folds by document."""
        out = numpy.zeros(len(rows))
        for k in range(FOLDS):
            test = docs[k::FOLDS]
            train = [d for d in docs if d not in set(test)]
            mask = numpy.isin(row_doc, test)
            out[mask] = fit(train).predict_proba(matrix[mask])[:, 1]
        return out

    def threshold(docs: list[int]) -> float:
        """Half the best F1 of a by-document cross-validation over ``docs``: for calibrated
        probabilities the F1-optimal threshold is half the F1 it reaches (Lipton, Elkan and
        Narayanaswamy 2014), and it is steadier than the arg-max of a flat F1 curve."""
        probs = probabilities(docs)
        chosen = [documents[i] for i in docs]
        best = max(recognition(chosen, numpy.where(probs >= t, probs, None))["f1"]
                   for t in numpy.arange(0.2, 0.75, 0.025))
        return round(best / 2, 3)

    def rules_only(docs: list[Document]) -> dict[str, float]:
        keep: list[Any] = [None] * len(rows)
        for d in docs:
            for piece in d.pieces:
                for r, chosen in zip(piece.rows, piece.chosen, strict=True):
                    keep[r] = 1.0 if chosen else None
        return recognition(docs, keep)

    by_corpus = {c: [i for i, d in enumerate(documents) if d.corpus == c] for c in ("gwn", "trnews")}
    figures: dict[str, Any] = {}
    for train, test in (("gwn", "trnews"), ("trnews", "gwn")):
        t = threshold(by_corpus[train])
        model = fit(by_corpus[train])
        mask = numpy.isin(row_doc, by_corpus[test])
        probs = numpy.zeros(len(rows))
        probs[mask] = model.predict_proba(matrix[mask])[:, 1]
        tested = [documents[i] for i in by_corpus[test]]
        figures[f"train {train}, test {test}"] = {
            "threshold": t, "model": recognition(tested, numpy.where(probs >= t, probs, None)),
            "rules": rules_only(tested)}
        print(f"train {train}, test {test}: {figures[f'train {train}, test {test}']}")
    every = list(range(len(documents)))
    t_all = threshold(every)
    probs = probabilities(every)
    for c in ("gwn", "trnews"):
        tested = [documents[i] for i in by_corpus[c]]
        figures[f"{FOLDS}-fold by document over both, on {c}"] = {
            "threshold": t_all, "model": recognition(tested, numpy.where(probs >= t_all, probs, None)),
            "rules": rules_only(tested)}
        print(f"{FOLDS}-fold on {c}: {figures[f'{FOLDS}-fold by document over both, on {c}']}")
    part = every if args.fit_on == "all" else by_corpus[args.fit_on]
    t_final = t_all if args.fit_on == "all" else threshold(part)
    model = fit(part)
    weights = named_weights(vectoriser.get_feature_names_out(), model.coef_[0], prune=PRUNE)
    print(f"{len(weights)} weights kept of {matrix.shape[1]} features; {int(labels.sum())} of {len(labels)} "
          f"candidates are gold toponyms; threshold {t_final}")
    if args.dry_run:
        return
    meta = {
        "about": "conflictmap place model: logistic regression over conflictmap.geo.nlp.place_model.features, "
                 "learnt by scripts/train_place_model.py from GeoWebNews and TR-News",
        "corpus": f"{len(documents)} articles, {len(labels)} candidates; fitted on {args.fit_on}",
        "threshold": t_final, "C": args.C,
        "cross_validation": figures,
    }
    write_model(args.output, meta, model.intercept_[0], weights)
    print(f"wrote {args.output.resolve()}")


if __name__ == "__main__":
    main()
