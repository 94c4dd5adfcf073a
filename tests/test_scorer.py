"""The development scorer (``benchmarks/devtexts_eval.py``): how a gold place name matches a predicted one."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from devtexts_eval import same_place


@pytest.mark.parametrize(
    ("gold", "names", "matches"),
    [
        ("Vela\u2013Tarno border", ["Vela-Tarno border"], True),  # an en dash is the hyphen written otherwise
        ("the Orlo\u2014Mesta road", ["Orlo-Mesta road"], True),  # so is an em dash
        ("\u2018Afr\u012bn", ["Afrin"], True),  # quote marks and diacritics
        ("Kelbora|Dembaroke", ["Dembaroke district"], True),  # an alternative, inside a longer name
        ("Vela-Tarno border", ["Vela Tarno"], False),  # a dash is no space
        ("Kelbora", ["Kelborani"], False),  # whole words only
    ],
)
def test_gold_place_names_match_as_written(gold: str, names: list[str], matches: bool) -> None:
    assert same_place(gold, names) is matches
