"""The examples in docstrings run, as installed (``conflictmap.*``), so they cannot drift."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "conflictmap.gazetteer.normalize",
    "conflictmap.gazetteer.ranking",
    "conflictmap.gazetteer.nouns",
    "conflictmap.gazetteer.borders",
    "conflictmap.geo.reading.reader",
    "conflictmap.geo.export.collection",
    "conflictmap.geo.export.tables",
    "conflictmap.geo.lexicon",
    "conflictmap.geo.logistic",
    "conflictmap.maps.escape",
    "conflictmap.maps.render",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0, f"{name} has no examples left to run"
    assert result.failed == 0
