"""Shared fixtures: a mini gazetteer built with the real builder, and the full one (marked)."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from conflictmap.gazetteer import Gazetteer, open_gazetteer
from conflictmap.gazetteer.build import build
from conflictmap.gazetteer.sources import read_curated, read_tsv

DATA = Path(__file__).parent / "data"
MINI_TSV = DATA / "mini_gazetteer.tsv"


def build_mini(path: Path) -> Path:
    build(path, sources=[lambda: read_tsv(MINI_TSV), read_curated])
    return path


@pytest.fixture(scope="session")
def mini_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_mini(tmp_path_factory.mktemp("mini") / "mini.sqlite")


@pytest.fixture(scope="session")
def gaz(mini_db: Path) -> Gazetteer:
    return Gazetteer(mini_db)


@pytest.fixture(scope="session")
def full_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real gazetteer, built on first use exactly as a user's first command builds it.

    Set CONFLICTMAP_TEST_FULL_GAZETTEER to reuse an existing build while developing.
    """
    reuse = os.environ.get("CONFLICTMAP_TEST_FULL_GAZETTEER")
    if reuse:
        return Path(reuse)
    path = tmp_path_factory.mktemp("full") / "gazetteer.sqlite"
    old = os.environ.get("CONFLICTMAP_GAZETTEER")
    os.environ["CONFLICTMAP_GAZETTEER"] = str(path)
    try:
        open_gazetteer().close()  # the auto-build path: default location missing -> build
    finally:
        if old is None:
            del os.environ["CONFLICTMAP_GAZETTEER"]
        else:
            os.environ["CONFLICTMAP_GAZETTEER"] = old
    return path


@pytest.fixture(scope="session")
def full_gaz(full_db: Path) -> Gazetteer:
    return Gazetteer(full_db)


@pytest.fixture(scope="session")
def pipeline(full_db: Path):
    """The real pipeline: spaCy model + full gazetteer, loaded once."""
    from conflictmap.geo.pipeline import Pipeline

    return Pipeline(gazetteer=full_db)


@pytest.fixture(scope="session")
def mini_pipeline(mini_db: Path):
    """The real model with the mini gazetteer: fast, for recognition and CLI tests."""
    from conflictmap.geo.pipeline import Pipeline

    return Pipeline(gazetteer=mini_db)


SEEDS = Path(__file__).parent.parent / "seeds"
_DRAWN_ID = re.compile(r"data-id=(?:'|\\u0027)(.*?)(?:'|\\u0027)")


def drawn_ids(page: str) -> set[str]:
    """Feature ids carried by the popups of a rendered map (plain HTML or inside embedded JSON)."""
    return set(_DRAWN_ID.findall(page))


@pytest.fixture(scope="session")
def seed_analyses(pipeline):
    from conflictmap.geo.reading.reader import Document, read_inputs

    documents = [d for d in read_inputs([str(SEEDS)]) if isinstance(d, Document)]
    return list(pipeline.analyse(documents))


@pytest.fixture(scope="session")
def seeds_fc(pipeline, seed_analyses) -> dict:
    from conflictmap.geo.export.fusion import feature_collection

    return feature_collection(seed_analyses, pipeline.gaz)


@pytest.fixture(scope="session", autouse=True)
def _no_analysis_cache():
    """Runs in tests read and write no per-document cache (~/.cache stays untouched, and a test
    that changes the analysis is never answered from an earlier one); the cache's own tests opt in."""
    before = os.environ.get("CONFLICTMAP_NO_CACHE")
    os.environ["CONFLICTMAP_NO_CACHE"] = "1"
    yield
    if before is None:
        os.environ.pop("CONFLICTMAP_NO_CACHE", None)
    else:
        os.environ["CONFLICTMAP_NO_CACHE"] = before
