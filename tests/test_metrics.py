"""Standard metrics on tiny hand-made gold/prediction pairs."""

from __future__ import annotations

import math

import pytest

from conflictmap.geo.evaluation.metrics import (
    auc,
    great_circle_km,
    match_spans,
    precision_recall_f1,
    resolution_summary,
)

GOLD = [("d", 0, 5, "Paris"), ("d", 10, 16, "Berlin"), ("d", 20, 30, "New Mexico"), ("e", 0, 4, "Rome")]


def test_exact_and_lenient_matching() -> None:
    predicted = [("d", 0, 5, "Paris"), ("d", 10, 17, "Berlin'"), ("d", 24, 30, "Mexico"), ("e", 0, 4, "Roma")]
    exact = match_spans(GOLD, predicted, lenient=False)
    assert [g[3] for g, _ in exact] == ["Paris", "Rome"]  # exact: same offsets, whatever the surface
    lenient = match_spans(GOLD, predicted, lenient=True)
    assert [g[3] for g, _ in lenient] == ["Paris", "Rome"]  # "Berlin'" and "Mexico" differ in surface
    predicted = [("d", 0, 5, "paris"), ("d", 11, 17, "berlin"), ("e", 1, 5, "rome")]
    assert len(match_spans(GOLD, predicted, lenient=True)) == 3


def test_matching_is_one_to_one_and_per_document() -> None:
    predicted = [("d", 0, 5, "Paris"), ("d", 0, 5, "Paris"), ("x", 0, 5, "Paris")]
    assert len(match_spans(GOLD, predicted, lenient=True)) == 1


@pytest.mark.parametrize(("gold", "pred", "matched", "expected"),
                         [(4, 5, 3, (0.6, 0.75, 2 / 3)), (0, 0, 0, (0.0, 0.0, 0.0)), (2, 0, 0, (0.0, 0.0, 0.0))])
def test_prf(gold: int, pred: int, matched: int, expected: tuple[float, float, float]) -> None:
    assert precision_recall_f1(gold, pred, matched) == pytest.approx(expected)


def test_distance() -> None:
    assert great_circle_km(0, 0, 0, 1) == pytest.approx(111.2, abs=0.1)
    assert great_circle_km(48.8566, 2.3522, 51.5074, -0.1278) == pytest.approx(343.5, abs=1)


def test_auc_and_summary() -> None:
    assert auc([0, 0, 0]) == 0.0
    assert auc([20039, 20039]) == pytest.approx(math.log1p(20039) / math.log(20039))
    errors = [0.0, 10.0, 160.0, 161.0, 5000.0]
    s = resolution_summary(errors)
    assert s["acc161"] == pytest.approx(3 / 5)
    assert s["median_km"] == 160.0
    assert s["mean_km"] == pytest.approx(sum(errors) / 5)
    assert 0 < s["auc"] < 1
    assert resolution_summary([])["n"] == 0
