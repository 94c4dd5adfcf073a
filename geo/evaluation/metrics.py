"""The field's standard geoparsing metrics (Gritta et al. 2020), computed here and unit-tested.

Spans are ``(doc, start, end, text)``; distances are great-circle kilometres.
"""

from __future__ import annotations

import itertools
import math
import statistics
from collections.abc import Iterable, Sequence

from conflictmap.gazetteer.store import great_circle_km

__all__ = ["auc", "great_circle_km", "match_spans", "precision_recall_f1", "resolution_summary"]

EARTH_HALF_CIRCUMFERENCE_KM = 20039.0
ACC_KM = 161.0

Span = tuple[str, int, int, str]


def match_spans(gold: Iterable[Span], predicted: Iterable[Span], *, lenient: bool) -> list[tuple[Span, Span]]:
    """One-to-one matches of predicted to gold spans: exact (same document and offsets) or
    lenient (same document, same lower-cased surface, midpoints less than 10 characters apart)."""
    gold_list = list(gold)
    taken: set[int] = set()
    pairs = []
    for p in predicted:
        for i, g in enumerate(gold_list):
            if i in taken or g[0] != p[0]:
                continue
            if (g[1], g[2]) == (p[1], p[2]) or (
                lenient and g[3].lower() == p[3].lower() and abs((g[1] + g[2]) / 2 - (p[1] + p[2]) / 2) < 10
            ):
                taken.add(i)
                pairs.append((g, p))
                break
    return pairs


def precision_recall_f1(n_gold: int, n_predicted: int, n_matched: int) -> tuple[float, float, float]:
    """P, R, F1 (0 where undefined)."""
    p = n_matched / n_predicted if n_predicted else 0.0
    r = n_matched / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def auc(errors_km: Sequence[float]) -> float:
    """Area under the sorted ln(1 + km) error curve, normalised by ln(20039) * (n - 1): 0 is
    perfect, 1 is every answer on the far side of the Earth. Lower is better."""
    if len(errors_km) < 2:
        return math.log1p(errors_km[0]) / math.log(EARTH_HALF_CIRCUMFERENCE_KM) if errors_km else 0.0
    ys = [math.log1p(e) for e in sorted(errors_km)]
    area = sum((a + b) / 2 for a, b in itertools.pairwise(ys))
    return area / (math.log(EARTH_HALF_CIRCUMFERENCE_KM) * (len(ys) - 1))


def resolution_summary(errors_km: Sequence[float]) -> dict[str, float]:
    """Acc@161, AUC, mean and median error over the given errors (km)."""
    if not errors_km:
        return {"n": 0, "acc161": 0.0, "auc": 0.0, "mean_km": 0.0, "median_km": 0.0}
    return {
        "n": len(errors_km),
        "acc161": sum(e < ACC_KM for e in errors_km) / len(errors_km),
        "auc": auc(errors_km),
        "mean_km": statistics.fmean(errors_km),
        "median_km": statistics.median(errors_km),
    }
