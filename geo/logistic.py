"""The learnt components' one file format: a logistic model over named features, stored as JSON.

The statement cue model (``geo/events/cues.py``) and the place model (``geo/nlp/place_model.py``)
are both a bias, a threshold and a weight per named feature, learnt by a script under
``scripts/`` and read here at run time: no learning library, and every weight can be read and
questioned like a rule.

>>> m = LogisticModel(bias=0.0, threshold=0.5, weights={"quoted": 2.0})
>>> round(m.probability({"quoted": 1.0}), 3), m.probability({"unknown": 1.0})
(0.881, 0.5)
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True, slots=True)
class LogisticModel:
    bias: float
    threshold: float
    weights: dict[str, float]

    def probability(self, features: dict[str, float]) -> float:
        z = self.bias + sum(self.weights.get(name, 0.0) * value for name, value in features.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    @classmethod
    def read(cls, path: Path) -> LogisticModel:
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(float(data["bias"]), float(data["threshold"]), {k: float(v) for k, v in data["weights"].items()})


class ModelFile:
    """A shipped model, read once on first use; a measurement may point it at another file (a
    model fitted on one part of a corpus, to score the other part)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._model: LogisticModel | None = None

    def model(self) -> LogisticModel:
        if self._model is None:
            self._model = LogisticModel.read(self.path)
        return self._model

    def use(self, path: Path) -> None:
        """Read the model from ``path`` from now on."""
        self.path, self._model = path, None


def named_weights(names: Iterable[str], coefficients: Iterable[float], *, prune: float) -> dict[str, float]:
    """A fitted model's weights by feature name, those smaller than ``prune`` left out."""
    return {name: round(float(w), 4) for name, w in zip(names, coefficients, strict=True) if abs(w) >= prune}


def write_model(path: Path, meta: dict[str, Any], bias: float, weights: dict[str, float]) -> None:
    """Write a fitted model to ``path`` atomically: ``meta`` (what it is, its threshold, its
    cross-validated figures), then its bias and weights, in the form :meth:`LogisticModel.read` reads."""
    from conflictmap.gazetteer.atomic import atomic_write_text

    out = {**meta, "bias": round(float(bias), 4), "weights": dict(sorted(weights.items()))}
    atomic_write_text(path.resolve(), json.dumps(out, indent=0, ensure_ascii=False) + "\n")
