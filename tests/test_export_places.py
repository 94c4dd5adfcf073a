"""Place features are the whole analysis: every mention with its role and score (geo/export/fusion.py)."""

from __future__ import annotations

import pytest

from conflictmap.geo.export.collection import check_collection
from conflictmap.geo.export.fusion import feature_collection
from conflictmap.geo.reading.reader import Document

pytestmark = pytest.mark.model


def _places(pipeline, text: str) -> dict[str, dict]:
    analyses = pipeline.analyse([Document("own", text, "-", "utf-8")])
    collection = check_collection(feature_collection(analyses, pipeline.gaz))
    return {f["properties"]["name"]: f["properties"] for f in collection["features"]
            if f["properties"]["kind"] == "place"}


@pytest.mark.parametrize("text", [
    "Japanese engineers repaired the pumping station within a week.\n",
    "The ferry carried forty Japanese tourists and their guides.\n",
], ids=["subject", "modifier"])
def test_a_nationality_word_gives_its_country_as_a_place_not_named(mini_pipeline, text: str) -> None:
    japan = _places(mini_pipeline, text)["Japan"]
    assert japan["named"] is False
    assert [(m["text"], m["role"]) for m in japan["mentions"]] == [("Japanese", "nationality")]
    assert japan["mentions"][0]["score"] > 0


def test_a_country_named_outright_is_named_whatever_else_refers_to_it(mini_pipeline) -> None:
    japan = _places(mini_pipeline, "Japanese crews flew the cargo from Japan overnight.\n")["Japan"]
    assert japan["named"] is True
    assert sorted(m["role"] for m in japan["mentions"]) == ["nationality", "place"]
