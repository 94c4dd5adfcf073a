"""Would learned ranking weights beat the hand-set ones? A cross-corpus experiment.

The ranking score (``gazetteer.ranking.score_candidates``) is linear in a handful of features:
kind, population, capital, name type, namesake region, region word, qualifier, and the context
votes for the candidate's country and region. Here those 18 weights are fitted as a conditional
logit (softmax over each toponym's candidates, numpy gradient descent, L2 toward the hand
weights) on one corpus and scored on the other, against the hand weights on the same candidates.

Scored: toponyms with a GeoNames id, gold spans, the context of ``geo.places.resolve_mentions``
(votes of the other names); nationality words and the named-after fallback are left out, so the
figures are ranking accuracy, not the headline Acc@161. A candidate is right when it is the gold
GeoNames entity or lies within 161 km of it.

Usage::

    python benchmarks/ranker_experiment.py [--gwn ../shared/eval/geowebnews/GWN.xml]
        [--trnews ../shared/eval/trnews/TR-News.xml] [--gazetteer PATH] [--l2 0.1 0.01 0.001]
"""

from __future__ import annotations

import argparse
import math
from pathlib import Path

import numpy as np

from conflictmap.gazetteer import Candidate, Evidence, Gazetteer, Place, PlaceKind, open_gazetteer
from conflictmap.gazetteer.ranking import ParsedQuery, _repetition, parse_query
from conflictmap.gazetteer.store import great_circle_km
from conflictmap.gazetteer.weights import WEIGHTS
from conflictmap.geo import places
from conflictmap.geo.evaluation import read_corpus
from conflictmap.geo.records import Mention

FEATURES = ("country", "continent", "region/water/landmark", "admin1 prior", "admin2", "city", "city log10 pop",
            "admin2 log10 pop", "capital", "official name", "alternate name", "abbreviation",
            "region named after its city", "region word", "qualifier kind", "inside qualifier",
            "context country", "context region")
# The score as set by hand (gazetteer.weights.WEIGHTS, used by sources.prior and ranking), in the same terms
_W, _P = WEIGHTS, WEIGHTS.priors
HAND = np.array([_P.country, _P.continent, _P.area, 1, -_P.division_offset, 0, 1, 1, _P.capital_bonus,
                 -_W.name_type_penalty[1], -_W.name_type_penalty[2], -_W.name_type_penalty[3], -_W.namesake_penalty,
                 _W.kind_hint_bonus, _W.kind_hint_bonus, _W.qualifier_bonus, _W.context_country_bonus,
                 _W.context_admin1_bonus], float)

Group = tuple[np.ndarray, np.ndarray]  # features of each candidate, 1 where it is right


def _features(place: Place, name_type: int, parsed: ParsedQuery, qualifier: Place | None, ev: Evidence,
              city_regions: set[str]) -> list[float]:
    k = place.kind
    logpop = math.log10(place.population + 1)
    inside = 0.0
    if qualifier is not None and qualifier.id != place.id:
        if qualifier.kind is PlaceKind.ADMIN1 and qualifier.admin1_code and place.admin1_code == qualifier.admin1_code:
            inside = 1.0
        elif qualifier.country_code and place.country_code == qualifier.country_code:
            inside = 1.0 if qualifier.kind is PlaceKind.COUNTRY else 0.5
    n_country = ev.countries.get(place.country_code, 0)
    n_region = ev.admin1.get(place.admin1_code, 0) if place.admin1_code else 0
    return [
        k is PlaceKind.COUNTRY, k is PlaceKind.CONTINENT, k in (PlaceKind.REGION, PlaceKind.WATER, PlaceKind.LANDMARK),
        place.prior if k is PlaceKind.ADMIN1 else 0.0, k is PlaceKind.ADMIN2, k is PlaceKind.CITY,
        logpop if k is PlaceKind.CITY else 0.0, min(5.0, logpop) if k is PlaceKind.ADMIN2 else 0.0,
        place.feature == "capital", name_type == 1, name_type == 2, name_type == 3,
        k is PlaceKind.ADMIN1 and not parsed.region_word and place.admin1_code in city_regions,
        parsed.region_word and k in (PlaceKind.ADMIN1, PlaceKind.ADMIN2, PlaceKind.REGION),
        bool(parsed.qualifier_kinds) and k in parsed.qualifier_kinds, inside,
        _repetition(n_country) if n_country else 0.0, _repetition(n_region) if n_region else 0.0,
    ]


def groups(gaz: Gazetteer, corpus: Path) -> list[Group | None]:
    """One group of candidates per gold toponym with an id (None: no candidate at all)."""
    _, documents = read_corpus(corpus)
    out: list[Group | None] = []
    for d in documents:
        mentions = [Mention(d.id, t.start, t.end, t.text, "GOLD", "body") for t in d.toponyms]
        queries = places._queries(d.text, mentions, gaz)
        unique = list(dict.fromkeys(queries))
        first = {q: gaz.candidates(q, limit=6) for q in unique}
        nationality = {q: p for q in unique if (p := places._demonym_country(gaz, q)) is not None}
        evidence = places._evidence(first, queries, None, nationality)
        for t, q in zip(d.toponyms, queries, strict=True):
            if t.geonames_id is None or t.lat is None or t.lon is None or q in nationality:
                continue
            found: list[Candidate] = gaz.candidates(q, evidence=evidence[q], limit=30)
            if not found:
                out.append(None)
                continue
            parsed = parse_query(q)
            qualifier = None
            if parsed.qualifier:
                qual = gaz.candidates(parsed.qualifier, kinds=(PlaceKind.COUNTRY, PlaceKind.ADMIN1), limit=1)
                qualifier = qual[0].place if qual else None
            name_types: dict[str, int] = {}
            for key in parsed.keys:
                for p, nt in gaz.lookup(key):
                    name_types[p.id] = min(nt, name_types.get(p.id, 9))
            city_regions = {c.place.admin1_code for c in found if c.place.kind is PlaceKind.CITY}
            x = np.array([_features(c.place, name_types.get(c.place.id, 2), parsed, qualifier, evidence[q],
                                    city_regions) for c in found], float)
            y = np.array([c.place.geonames_id == t.geonames_id
                          or great_circle_km(t.lat, t.lon, c.place.lat, c.place.lon) < 161 for c in found], float)
            out.append((x, y))
    return out


def accuracy(gs: list[Group | None], w: np.ndarray) -> float:
    return sum(g is not None and g[1][int(np.argmax(g[0] @ w))] > 0 for g in gs) / len(gs)


def fit(gs: list[Group | None], l2: float, steps: int = 1500, lr: float = 0.2) -> np.ndarray:
    """Conditional logit: maximise the probability of the right candidates, L2 toward HAND."""
    data = [(x, y / y.sum()) for g in gs if g is not None for x, y in [g] if y.any() and len(y) > 1]
    w = HAND.copy()
    for _ in range(steps):
        grad = l2 * (w - HAND)
        for x, target in data:
            s = x @ w
            p = np.exp(s - s.max())
            grad -= x.T @ (target - p / p.sum()) / len(data)
        w -= lr * grad
    return w


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gwn", type=Path, default=Path("../shared/eval/geowebnews/GWN.xml"))
    ap.add_argument("--trnews", type=Path, default=Path("../shared/eval/trnews/TR-News.xml"))
    ap.add_argument("--gazetteer", type=Path)
    ap.add_argument("--l2", type=float, nargs="+", default=[0.1, 0.01, 0.001])
    args = ap.parse_args()
    gaz = open_gazetteer(args.gazetteer)
    gwn, tr = groups(gaz, args.gwn), groups(gaz, args.trnews)
    print(f"ranking accuracy with the hand weights: GeoWebNews {accuracy(gwn, HAND):.3f}, "
          f"TR-News {accuracy(tr, HAND):.3f}  (n = {len(gwn)}, {len(tr)})")
    for l2 in args.l2:
        w_tr, w_gwn = fit(tr, l2), fit(gwn, l2)
        print(f"L2 {l2}: trained on TR-News -> GeoWebNews {accuracy(gwn, w_tr):.3f} (TR-News in-sample "
              f"{accuracy(tr, w_tr):.3f}); trained on GeoWebNews -> TR-News {accuracy(tr, w_gwn):.3f} "
              f"(GeoWebNews in-sample {accuracy(gwn, w_gwn):.3f})")
        for corpus, w in (("TR-News", w_tr), ("GeoWebNews", w_gwn)):
            print(f"  weights from {corpus}: " + ", ".join(f"{f} {v:.2f}" for f, v in zip(FEATURES, w, strict=True)))


if __name__ == "__main__":
    main()
