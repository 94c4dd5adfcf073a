"""Statements and movements scored on the hand-annotated development subset of real articles.

    CONFLICTMAP_GAZETTEER=/tmp/gaz/gazetteer.sqlite .venv/bin/python benchmarks/devtexts_eval.py \
        [--set dev|heldout|...|heldout8|snippets|snippets2|articles3|...|articles24] [--gold DIR] \
        [--texts ../shared/devtexts] \
        [--gazetteer PATH] [--show-misses]

Runs the real pipeline on each annotated article (the texts are read where they lie; nothing of them
is in the repository) and compares with the gold files; the format and guidelines are in
``benchmarks/devtexts_gold/README.md``. ``--set heldout`` scores the 10 articles of
``benchmarks/devtexts_gold/heldout/`` (annotated before the movement work of issue 11, read since);
``--set heldout2`` the 9 of ``benchmarks/devtexts_gold/heldout2/``, annotated for movements only
(``"statements": null``, not scored) before the second round of that work: report it, do not tune on it;
``--set heldout3`` the 10 of ``benchmarks/devtexts_gold/heldout3/``, statements and movements, annotated blind
before the third round: likewise; ``--set heldout4`` the 10 of ``benchmarks/devtexts_gold/heldout4/``,
statements and movements, annotated blind after the third round: likewise; ``--set heldout5`` the 13 of
``benchmarks/devtexts_gold/heldout5/``, movements only, annotated blind in the fourth session from other
shared corpora (GeoWebNews texts, PolNeAR-train texts, one devtext): their ``path`` is relative to
``../shared``, not to ``../shared/devtexts``; ``--set heldout6`` the 10 of ``benchmarks/devtexts_gold/heldout6/``,
GeoWebNews texts annotated blind for statements and movements in the same session (paths likewise);
``--set heldout7`` the 12 of ``benchmarks/devtexts_gold/heldout7/``, devtexts annotated blind for statements
and movements in the ninth session (two not about conflict); ``--set heldout8`` the 16 of
``benchmarks/devtexts_gold/heldout8/``, devtexts annotated blind in the tenth session (373 statements, 12 movements);
``--set heldout9`` the 15 of ``benchmarks/devtexts_gold/heldout9/``, the last devtexts about conflict or security,
annotated blind in the eighteenth session (303 statements, no movement: the set measures statements and false
movements);
``--set snippets`` the 30 short news texts of ``benchmarks/snippets/texts/`` (written for this project and
annotated by a helper who never ran the system, fifth session; 5 of them hold no movement), gold in
``benchmarks/devtexts_gold/snippets/``; ``--set snippets2`` the second 30 of ``benchmarks/snippets2/texts/``
(sixth session; 5 hold no movement), gold in ``benchmarks/devtexts_gold/snippets2/``; ``--set articles3``
the 24 article-length texts of ``benchmarks/articles3/texts/`` (seventh session; 5 hold no movement), gold
in ``benchmarks/devtexts_gold/articles3/``; ``--set articles4`` 15 more (seventh session, other conflicts; 3 hold
no movement), gold in ``benchmarks/devtexts_gold/articles4/``; ``--set articles5`` 15 more (eighth session; 2 hold
no movement), gold in ``benchmarks/devtexts_gold/articles5/``; ``--set articles6`` 15 more (ninth session), gold in
``benchmarks/devtexts_gold/articles6/``; ``--set articles7`` 15 more written at the end of the ninth session, gold in
``benchmarks/devtexts_gold/articles7/``; ``--set articles8`` 15 more written blind in the tenth session, gold in
``benchmarks/devtexts_gold/articles8/``; ``--set articles9`` 15 more written blind later in that session, gold in
``benchmarks/devtexts_gold/articles9/``; ``--set articles10`` and ``--set articles11`` 15 and 15 written blind at the
start of the eleventh session, gold in ``benchmarks/devtexts_gold/articles10/`` and ``.../articles11/``; ``--set
articles12`` 15 more written blind later in that session, gold in ``benchmarks/devtexts_gold/articles12/``; ``--set
articles13``, ``--set articles14`` and ``--set articles15`` 15, 15 and 15 written blind in the twelfth
session, gold in ``benchmarks/devtexts_gold/articles13/``, ``.../articles14/`` and ``.../articles15/``; ``--set
articles16`` and ``--set articles17`` 15 and 15 written blind in the thirteenth, gold in
``benchmarks/devtexts_gold/articles16/`` and ``.../articles17/``; ``--set articles18`` 15 written blind
in the fourteenth, gold in ``benchmarks/devtexts_gold/articles18/``; ``--set articles19`` 15 written
blind in the fifteenth, gold in ``benchmarks/devtexts_gold/articles19/``; ``--set articles20`` and ``--set
articles21`` 15 and 15 written blind in the sixteenth, gold in ``benchmarks/devtexts_gold/articles20/`` and
``.../articles21/``; ``--set articles22`` 15 written blind in the seventeenth, gold in
``benchmarks/devtexts_gold/articles22/``; ``--set articles23`` 15 written blind in the eighteenth, gold in
``benchmarks/devtexts_gold/articles23/``; ``--set articles24`` 15 written blind in the nineteenth in the
manner of real reporting (few movements, most of them possible or denied), gold in
``benchmarks/devtexts_gold/articles24/``.

* A gold statement is *found* when a predicted statement's speaker span overlaps the gold speaker
  span and its cue overlaps the gold cue (no speaker span or no cue: cannot match). A predicted
  statement is *correct* when it finds some gold statement. *Placed right*: of the found statements
  whose gold ``where`` is set, the share with a matching predicted place; *coincidental*: matched
  predictions given a place where gold says none.
  *Speaker kind right*: of the found statements, the share whose predicted ``speaker_kind`` is the
  gold ``kind``.
* A gold movement is *found* when a predicted movement's sentence contains the gold trigger and its
  origin or destination matches a gold end by name (or, when gold has only ``via``, a via matches).
  A predicted movement is *correct* when it finds some gold movement.

Place names match case-, diacritic- and quote-folded, either containing the other as whole words, against the gazetteer
name or the words as written; a gold name may list alternatives with ``|``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from conflictmap.geo.pipeline import Pipeline
from conflictmap.geo.reading.reader import Document
from conflictmap.geo.records import Movement, Resolution, Statement

ROOT = Path(__file__).resolve().parent.parent
GOLD_ROOT = ROOT / "benchmarks" / "devtexts_gold"


def gold_sets() -> tuple[str, ...]:
    """Every folder of gold files is a set, in natural order ("articles3" before "articles10")."""
    def natural(name: str) -> list[Any]:
        return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", name)]
    return ("dev", *sorted((d.name for d in GOLD_ROOT.iterdir() if d.is_dir()), key=natural))


def written_set(name: str) -> bool:
    """A set written for the project keeps its texts in benchmarks/<set>/texts."""
    return (ROOT / "benchmarks" / name / "texts").is_dir()


Gold = dict[str, Any]
Span = tuple[int, int]


def overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


_QUOTES = str.maketrans("\u2010\u2011\u2012\u2013\u2014", "-----", "\u2018\u2019'")


def fold(name: str) -> str:
    """Case, spacing, diacritics, quote marks and dashes folded ("\u2018Afr\u012bn" -> "afrin", an en dash a
    hyphen): a gazetteer name against the name as written."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return " ".join(plain.casefold().translate(_QUOTES).split())


def same_place(gold: str | None, names: Iterable[str]) -> bool:
    """Whether any of ``names`` matches the gold name (or one of its ``|`` alternatives)."""
    folded = [fold(n) for n in names if n]
    for alt in (gold or "").split("|"):
        g = fold(alt)
        if g and any(re.search(rf"\b{re.escape(g)}\b", n) or re.search(rf"\b{re.escape(n)}\b", g) for n in folded):
            return True
    return False


def names_of(r: Resolution | None) -> list[str]:
    if r is None:
        return []
    return [r.mention.text] + ([r.place.name] if r.place is not None else [])


def statement_places(s: Statement) -> list[str]:
    return ([s.place.name] if s.place else []) + ([s.place_mention.text] if s.place_mention else [])


def finds_statement(g: Gold, p: Statement) -> bool:
    if p.speaker_span is None or p.cue is None:
        return False
    return overlaps(tuple(g["speaker"]), (p.speaker_span.start, p.speaker_span.end)) and overlaps(
        tuple(g["cue"]), (p.cue.start, p.cue.end))


def finds_movement(g: Gold, p: Movement) -> bool:
    if not p.source.start <= g["trigger"][0] < p.source.end:
        return False
    ends = [e for e in (g["origin"], g["destination"]) if e]
    if ends:
        predicted = names_of(p.origin) + names_of(p.destination)
        return any(same_place(e, predicted) for e in ends)
    return same_place(g["via"], [n for r in p.via for n in names_of(r)])


def sentence_at(text: str, i: int) -> str:
    """The stretch of ``text`` around offset ``i`` between sentence ends (for printing misses)."""
    dot, newline = text.rfind(". ", 0, i), text.rfind("\n", 0, i)
    start = max(dot + 2 if dot >= 0 else 0, newline + 1)
    ends = [e for e in (text.find(". ", i), text.find("\n", i)) if e >= 0]
    return text[start:min(ends) + 1 if ends else len(text)].strip()


def one_line(s: str) -> str:
    return " ".join(s.split())


def show(text: str, span: list[int] | Span) -> str:
    return text[span[0]:span[1]]


def load_set(gold_set: str, *, gold: Path | None = None,
             texts: Path | None = None) -> tuple[list[Gold], list[Document]]:
    """The gold files of a set and the documents they annotate, each text checked against its sha256."""
    gold_dir = gold or GOLD_ROOT / ("" if gold_set == "dev" else gold_set)
    if texts is None:
        texts = (ROOT / "benchmarks" / gold_set / "texts" if written_set(gold_set) and not gold
                 else ROOT.parent / "shared" / "devtexts")
    golds = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(gold_dir.glob("*.json"))]
    docs = []
    for g in golds:
        path = texts / g["path"]
        if not path.exists():  # heldout5 names texts of other shared corpora, relative to ../shared
            path = texts.parent / g["path"]
        if hashlib.sha256(path.read_bytes()).hexdigest() != g["sha256"]:
            raise SystemExit(f"{path}: text differs from the one annotated (sha256)")
        docs.append(Document(path.stem, path.read_text(encoding="utf-8"), str(path), "utf-8"))
    return golds, docs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", dest="gold_set", default="dev",
                        choices=gold_sets(),
                        help="a folder of benchmarks/devtexts_gold (default: the development 20); its README says "
                             "how it was made; the written sets keep their texts in benchmarks/<set>/texts")
    parser.add_argument("--gold", type=Path, help="a folder of gold files (overrides --set)")
    parser.add_argument("--texts", type=Path, help="where the gold paths lie (default: ../shared/devtexts; for "
                        "the written sets, benchmarks/<set>/texts)")
    parser.add_argument("--gazetteer", type=Path, help="gazetteer (default: $CONFLICTMAP_GAZETTEER or the cache)")
    parser.add_argument("--show-misses", action="store_true", help="list misses and false positives with sentences")
    args = parser.parse_args()

    golds, docs = load_set(args.gold_set, gold=args.gold, texts=args.texts)
    pipeline = Pipeline(gazetteer=args.gazetteer)

    keys = ("gs", "ps", "sfound", "scorrect", "gm", "pm", "mfound", "mcorrect")
    t = dict.fromkeys((*keys, "where", "placed", "misplaced", "coincidental", "status_right", "kind_right"), 0)
    kinds: Counter[tuple[str, str]] = Counter()  # (gold kind, predicted kind) of the found statements
    by_basis: Counter[str] = Counter()
    print(f"{'article':58} {'stmt gold/pred/found/correct':>28} {'move gold/pred/found/correct':>28}")
    for g, doc, analysis in zip(golds, docs, pipeline.analyse(docs), strict=True):
        if analysis.failed:  # a text the pipeline could not analyse scores nothing: say so, never silently
            print(f"FAILED {doc.id}: {analysis.failed}", file=sys.stderr)
        text, gm, pm = doc.text, g["movements"], analysis.movements
        # "statements": null marks a file annotated for movements only: its statements are not scored.
        gs, ps = (g["statements"], analysis.statements) if g["statements"] is not None else ([], [])
        s_found = [[p for p in ps if finds_statement(x, p)] for x in gs]
        s_correct = [p for p in ps if any(finds_statement(x, p) for x in gs)]
        m_found = [[p for p in pm if finds_movement(x, p)] for x in gm]
        m_correct = [p for p in pm if any(finds_movement(x, p) for x in gm)]
        for x, hits in zip(gs, s_found, strict=True):
            if hits:
                t["kind_right"] += hits[0].speaker_kind == x["kind"]
                kinds[(x["kind"], hits[0].speaker_kind or "-")] += 1
        t["status_right"] += sum(1 for x, hits in zip(gm, m_found, strict=True)
                                 if hits and any(p.status == x["status"] for p in hits))
        misplaced: list[tuple[Gold, list[str]]] = []
        for x, hits in zip(gs, s_found, strict=True):
            if hits and x["where"]:
                t["where"] += 1
                if any(same_place(x["where"], statement_places(p)) for p in hits):
                    t["placed"] += 1
                else:
                    misplaced.append((x, [n for p in hits for n in statement_places(p)[:1]]))
        t["misplaced"] += sum(1 for _, names in misplaced if names)
        coincidental = [p for p in s_correct if p.place and all(not x["where"] for x in gs if finds_statement(x, p))]
        t["coincidental"] += len(coincidental)
        by_basis.update(p.basis or "?" for p in coincidental)
        row = (len(gs), len(ps), sum(map(bool, s_found)), len(s_correct), len(gm), len(pm), sum(map(bool, m_found)),
               len(m_correct))
        for key, n in zip(keys, row, strict=True):
            t[key] += n
        name = g["path"] if len(g["path"]) <= 58 else g["path"][:55] + "..."
        print(f"{name:58} {'/'.join(map(str, row[:4])):>28} {'/'.join(map(str, row[4:])):>28}")
        if not args.show_misses:
            continue
        for x, hits in zip(gs, s_found, strict=True):
            if not hits:
                print(f"   S miss   [{show(text, x['speaker'])}] <{show(text, x['cue'])}> ({x['kind']})"
                      f"  | {sentence_at(text, x['cue'][0])}")
        for p in ps:
            if p not in s_correct:
                who, cue = p.speaker_span.text if p.speaker_span else p.speaker, p.cue.text if p.cue else None
                print(f"   S extra  [{who}] <{cue}> ({p.speaker_kind})  | {one_line(p.source.text)}")
        for x, names in misplaced:
            print(f"   S place  [{show(text, x['speaker'])}] <{show(text, x['cue'])}> gold {x['where']!r},"
                  f" got {names or None}  | {sentence_at(text, x['cue'][0])}")
        for p in coincidental:
            who, where = p.speaker_span.text if p.speaker_span else p.speaker, p.place.name if p.place else None
            print(f"   S placed [{who}] at {where} ({p.basis}), gold none  | {one_line(p.source.text)}")
        for x, moved in zip(gm, m_found, strict=True):
            if not moved:
                print(f"   M miss   <{show(text, x['trigger'])}> [{show(text, x['force'])}] {x['origin']} -> "
                      f"{x['destination']} via {x['via']} ({x['status']})  | {sentence_at(text, x['trigger'][0])}")
            elif not any(p.status == x["status"] for p in moved):
                print(f"   M status <{show(text, x['trigger'])}> gold {x['status']}, got {moved[0].status}"
                      f" ({moved[0].status_cue})  | {sentence_at(text, x['trigger'][0])}")
        for q in pm:
            if q not in m_correct:
                ends = " -> ".join(names_of(r)[-1] if r else "None" for r in (q.origin, q.destination))
                print(f"   M extra  <{q.trigger}> [{q.actor}] {ends} ({q.status})  | {one_line(q.source.text)}")

    n = len(golds)
    print(f"\n{n} articles")
    print(f"statements: gold {t['gs']}, predicted {t['ps']}; recall {t['sfound'] / max(t['gs'], 1):.3f} "
          f"({t['sfound']}), precision {t['scorrect'] / max(t['ps'], 1):.3f} ({t['scorrect']})")
    print(f"  placed right {t['placed']} / {t['where']} found statements with a gold place "
          f"({t['placed'] / max(t['where'], 1):.0%}; {t['misplaced']} given another place); "
          f"coincidental places (gold none): {t['coincidental']} "
          f"({', '.join(f'{b} {n}' for b, n in by_basis.most_common())})")
    wrong = ", ".join(f"{g}->{p} {c}" for (g, p), c in kinds.most_common() if g != p)
    print(f"  speaker kind right {t['kind_right']} / {t['sfound']} found statements"
          + (f" (gold->predicted: {wrong})" if args.show_misses and wrong else ""))
    print(f"movements: gold {t['gm']}, predicted {t['pm']}; recall {t['mfound'] / max(t['gm'], 1):.3f} "
          f"({t['mfound']}), precision {t['mcorrect'] / max(t['pm'], 1):.3f} ({t['mcorrect']}); "
          f"extras per 30 articles {(t['pm'] - t['mcorrect']) * 30 / max(n, 1):.1f}")
    print(f"  status right {t['status_right']} / {t['mfound']} found movements (reported / possible / denied)")


if __name__ == "__main__":
    main()
