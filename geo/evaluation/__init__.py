"""Evaluate conflictmap on the public geoparsing corpora (GeoWebNews, TR-News) by path.

Two settings, as the field reports them:

* gold spans: the corpus's toponym spans are given to our resolver (with the article as context);
* end to end: our pipeline finds its own mentions; recognition is scored on spans, resolution on
  the mentions that match a gold toponym.

The corpora are read from where they lie (``../shared/eval``); nothing is copied.
"""

from __future__ import annotations

import time
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from conflictmap.gazetteer import Gazetteer, Place
from conflictmap.geo.errors import InputError
from conflictmap.geo.evaluation.metrics import great_circle_km, match_spans, precision_recall_f1, resolution_summary
from conflictmap.geo.places import resolve_mentions
from conflictmap.geo.records import BORDER_LABEL, Mention

# GeoWebNews types that are not toponyms (Gritta et al. 2020): left out of gold.
GWN_NOT_TOPONYMS = frozenset({"Literal_Expression", "Non_Lit_Expression", "Non_Toponym"})


@dataclass(frozen=True, slots=True)
class GoldToponym:
    start: int
    end: int
    text: str
    type: str
    lat: float | None
    lon: float | None
    geonames_id: int | None


@dataclass(frozen=True, slots=True)
class GoldDocument:
    id: str
    text: str
    toponyms: tuple[GoldToponym, ...]


def _float(text: str | None) -> float | None:
    try:
        return float(text) if text not in (None, "") else None
    except ValueError:
        return None


def _int(text: str | None) -> int | None:
    try:
        return int(text) if text not in (None, "") else None
    except ValueError:
        return None


def read_corpus(path: Path) -> tuple[str, list[GoldDocument]]:
    """Read GeoWebNews (``GWN.xml``) or TR-News (``TR-News.xml``), told apart by their markup."""
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        raise InputError(f"cannot read corpus {path}: {exc}") from exc
    articles = list(root.iter("article"))
    if articles and articles[0].get("file") is not None:
        return "GeoWebNews", [_gwn(a) for a in articles]
    if articles and articles[0].get("docid") is not None:
        return "TR-News", [_trnews(a) for a in articles]
    raise InputError(f"{path}: neither GeoWebNews nor TR-News XML")


def _gwn(article: ET.Element) -> GoldDocument:
    text = article.findtext("text") or ""
    toponyms = []
    for t in article.iter("toponym"):
        kind = t.findtext("type") or ""
        if kind in GWN_NOT_TOPONYMS:
            continue
        start, end = int(t.findtext("start") or 0), int(t.findtext("end") or 0)
        toponyms.append(GoldToponym(start, end, text[start:end], kind, _float(t.findtext("latitude")),
                                    _float(t.findtext("longitude")), _int(t.findtext("geonamesID"))))
    return GoldDocument(f"gwn-{article.get('file')}", text, tuple(toponyms))


def _trnews(article: ET.Element) -> GoldDocument:
    text = article.findtext("text") or ""
    toponyms = []
    for t in article.iter("toponym"):
        start, end = int((t.findtext("start") or "0").strip()), int((t.findtext("end") or "0").strip())
        phrase = (t.findtext("phrase") or "").strip()
        if phrase and text[start:end] != phrase:
            # about one span in eleven is shifted by a character or two: realign on the phrase
            hits = [i for i in range(max(0, start - 20), start + 21) if text.startswith(phrase, i)]
            if hits:
                start = min(hits, key=lambda i: abs(i - start))
                end = start + len(phrase)
        gaz = t.find("gaztag")
        gid = _int(gaz.get("geonameid")) if gaz is not None else None
        lat = _float(gaz.findtext("lat")) if gaz is not None else None
        lon = _float(gaz.findtext("lon")) if gaz is not None else None
        toponyms.append(GoldToponym(start, end, text[start:end], "toponym", lat, lon, gid))
    return GoldDocument(f"tr-{(article.get('docid') or '').strip()}", text, tuple(toponyms))


# ----------------------------------------------------------------------------- scoring


@dataclass(slots=True)
class Outcome:
    """One gold toponym and what we answered."""

    doc: str
    gold: GoldToponym
    place: Place | None
    km: float | None
    in_candidates: bool


@dataclass(slots=True)
class Report:
    corpus: str
    setting: str
    documents: int
    seconds: float
    outcomes: list[Outcome] = field(default_factory=list)
    recognition: dict[str, Any] = field(default_factory=dict)

    def summary(self, gaz: Gazetteer) -> dict[str, Any]:
        with_coords = [o for o in self.outcomes if o.gold.lat is not None]
        with_id = [o for o in with_coords if o.gold.geonames_id is not None]

        def errors(items: list[Outcome]) -> list[float]:
            return [o.km if o.km is not None else 20039.0 for o in items]

        country_ok = [
            o for o in with_id if o.place is not None and _gold_country(gaz, o.gold) == o.place.country_code
        ]
        return {
            "corpus": self.corpus,
            "setting": self.setting,
            "documents": self.documents,
            "docs_per_second": round(self.documents / self.seconds, 2) if self.seconds else None,
            "resolution_ids": resolution_summary(errors(with_id)),
            "resolution_all_coords": resolution_summary(errors(with_coords)),
            "exact_id": sum(o.place is not None and o.place.geonames_id == o.gold.geonames_id for o in with_id)
            / max(1, len(with_id)),
            "country": len(country_ok) / max(1, len(with_id)),
            "candidate_recall": sum(o.in_candidates for o in with_coords) / max(1, len(with_coords)),
            "unanswered": sum(o.place is None for o in with_coords),
            **({"recognition": self.recognition} if self.recognition else {}),
        }


def _gold_country(gaz: Gazetteer, gold: GoldToponym) -> str | None:
    place = gaz.by_geonames_id(gold.geonames_id) if gold.geonames_id else None
    if place is not None:
        return place.country_code
    if gold.lat is None or gold.lon is None:
        return None
    found = gaz.places_at(gold.lat, gold.lon)
    return found[-1].country_code if found else None


def _score(
    doc: str, gold: GoldToponym, place: Place | None, candidates: list[Place], *, same_entity_exact: bool = True
) -> Outcome:
    """Score one answer. With ``same_entity_exact`` (the default; ``eval --strict`` turns it off) the
    gold GeoNames entity itself counts as 0 km away, wherever its point lies."""
    km = None
    if place is not None and gold.lat is not None and gold.lon is not None:
        km = great_circle_km(gold.lat, gold.lon, place.lat, place.lon)
        if same_entity_exact and gold.geonames_id is not None and place.geonames_id == gold.geonames_id:
            # The gold GeoNames entity itself: our countries and regions sit at Natural Earth label
            # points, not GeoNames' centroids (Russia: 3,070 km apart), so the distance says nothing.
            km = 0.0
    in_candidates = gold.lat is not None and gold.lon is not None and any(
        (gold.geonames_id is not None and c.geonames_id == gold.geonames_id)
        or great_circle_km(gold.lat, gold.lon, c.lat, c.lon) < 161 for c in candidates
    )
    return Outcome(doc, gold, place, km, in_candidates)


def evaluate_gold_spans(gaz: Gazetteer, documents: list[GoldDocument], *, strict: bool = False) -> Report:
    """Our resolver on the gold toponym spans, each article's spans resolved together."""
    started = time.perf_counter()
    report = Report("", "gold spans", len(documents), 0.0)
    for d in documents:
        mentions = [Mention(d.id, t.start, t.end, t.text, "GOLD", "body") for t in d.toponyms]
        resolutions = resolve_mentions(gaz, d.text, mentions)
        for t, r in zip(d.toponyms, resolutions, strict=True):
            pool = [c.place for c in gaz.candidates(t.text, limit=20)] if t.text.strip(" .,'’") else []
            report.outcomes.append(_score(d.id, t, r.place, pool + ([r.place] if r.place else []),
                                          same_entity_exact=not strict))
    report.seconds = time.perf_counter() - started
    return report


def evaluate_end_to_end(pipeline: Any, documents: list[GoldDocument], *, strict: bool = False) -> Report:
    """Our whole pipeline; recognition on spans (exact and lenient), resolution on matched spans."""
    from conflictmap.geo.reading.reader import Document

    started = time.perf_counter()
    analyses = list(pipeline.analyse([Document(d.id, d.text, "corpus", "utf-8") for d in documents]))
    report = Report("", "end to end", len(documents), time.perf_counter() - started)
    gold_spans = [(d.id, t.start, t.end, t.text) for d in documents for t in d.toponyms]
    # a land border a movement goes to is a place the map draws but no toponym: its countries are scored
    named = [r for a in analyses for r in a.places if r.mention.label != BORDER_LABEL]
    predicted = [(r.mention.doc_id, r.mention.start, r.mention.end, r.mention.text) for r in named]
    by_span = {(r.mention.doc_id, r.mention.start, r.mention.end): r for r in named}
    gold_by_span = {(d.id, t.start, t.end): t for d in documents for t in d.toponyms}
    recognition = {}
    for lenient in (False, True):
        pairs = match_spans(gold_spans, predicted, lenient=lenient)
        p, r, f = precision_recall_f1(len(gold_spans), len(predicted), len(pairs))
        recognition["lenient" if lenient else "exact"] = {"precision": p, "recall": r, "f1": f,
                                                          "gold": len(gold_spans), "predicted": len(predicted)}
        if lenient:
            for g, pr in pairs:
                res = by_span[(pr[0], pr[1], pr[2])]
                gold = gold_by_span[(g[0], g[1], g[2])]
                pool = [res.place, *res.alternatives] if res.place else []
                report.outcomes.append(_score(g[0], gold, res.place, pool, same_entity_exact=not strict))
    report.recognition = recognition
    return report


def error_analysis(report: Report, *, examples: int = 4) -> dict[str, Any]:
    """The largest groups of misses (no candidate at all: a gazetteer or query gap) and wrong picks
    (the right place was a candidate: a ranking error), by gold type, with examples."""
    misses = [o for o in report.outcomes if o.gold.lat is not None and (o.km is None or o.km >= 161)]
    gap = [o for o in misses if not o.in_candidates]
    ranking = [o for o in misses if o.in_candidates]

    def groups(items: list[Outcome]) -> list[dict[str, Any]]:
        by_type = Counter(o.gold.type for o in items)
        out = []
        for kind, n in by_type.most_common(8):
            sample = [o for o in items if o.gold.type == kind][:examples]
            out.append({"type": kind, "count": n, "examples": [
                {"text": o.gold.text, "ours": o.place.name if o.place else None,
                 "ours_country": o.place.country_code if o.place else None,
                 "km": round(o.km) if o.km is not None else None} for o in sample]})
        return out

    return {"misses": len(misses), "no_candidate": len(gap), "wrong_pick": len(ranking),
            "no_candidate_by_type": groups(gap), "wrong_pick_by_type": groups(ranking)}
