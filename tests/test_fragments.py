"""Names never shrunk to a fragment, facilities placed at their town, bodies and clubs not towns.

Each case is a sentence of our own run through the real model, with a gazetteer that holds the
namesake towns that used to be picked (``data/fragments_gazetteer.tsv``).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conflictmap.gazetteer import Gazetteer
from conflictmap.gazetteer.build import build
from conflictmap.gazetteer.sources import read_curated, read_tsv
from conflictmap.geo.nlp.components import SPAN_KEY

from .conftest import DATA, MINI_TSV

FRAGMENTS_TSV = DATA / "fragments_gazetteer.tsv"


@pytest.fixture(scope="module")
def fragments_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("fragments") / "gazetteer.sqlite"
    build(path, sources=[lambda: read_tsv(MINI_TSV), lambda: read_tsv(FRAGMENTS_TSV), read_curated])
    return path


@pytest.fixture(scope="module")
def nlp(fragments_db: Path):
    from conflictmap.geo.pipeline import Pipeline

    return Pipeline(gazetteer=fragments_db).nlp


def places(nlp, text: str) -> list[str]:
    doc = nlp(text)
    return [s.text for s in doc.spans[SPAN_KEY]]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Militias gathered in Abu Ghraib.", ["Abu Ghraib"]),  # not Ābu, India
        ("Trucks were seen near Wadi Kuf.", ["Wadi Kuf"]),  # not Wādi, India
        ("The ship sailed to Pearl Harbor.", ["Pearl Harbor"]),  # not Pearl, Mississippi
        ("Refugees crossed the North on foot.", []),
        ("Militants seized Al Mukalla.", ["Al Mukalla"]),  # a name the gazetteer has stays whole
    ],
    ids=["particle-abu", "particle-wadi", "facility-word", "direction", "known-whole"],
)
def test_a_name_is_never_shrunk_to_a_particle_direction_or_facility_word(nlp, text, expected) -> None:
    assert places(nlp, text) == expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jets took off from RAF Lakenheath on Tuesday.", ["Lakenheath"]),
        ("The destroyer returned to Naval Station Rota last week.", ["Rota"]),  # the model: "Naval" alone
        ("The Naval Academy band played.", []),  # no prefix, no place: not Naval, Philippines
    ],
    ids=["raf", "naval-station", "no-prefix"],
)
def test_a_facility_prefix_gives_the_place_it_is_named_after(nlp, text, expected) -> None:
    assert places(nlp, text) == expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Marines drilled at Camp Zama alongside Japanese units.", [("Zama", "IN_STORY"), ("Japanese", "DEMONYM")]),
        ("Helicopters flew out of Camp Zama before dawn.", [("Zama", "IN_STORY")]),
        ("Jets took off from RAF Lakenheath on Tuesday.", [("Lakenheath", "RECOVERED")]),  # a town's name
    ],
    ids=["camp", "camp-alone", "raf-stays-recovered"],
)
def test_a_camp_gives_its_namesake_for_the_story_to_confirm(nlp, text, expected) -> None:
    """ "Camp X" is at X only where the story's countries hold X (resolution decides; see
    tests/test_places.py): recognition marks the namesake IN_STORY; a RAF station is at its town."""
    doc = nlp(text)
    assert [(s.text, s.label_) for s in doc.spans[SPAN_KEY]] == expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Officials from Hamas met mediators.", []),
        ("Hamas fighters fired rockets overnight.", []),
        ("Troops marched from Hamm to the border.", ["Hamm"]),  # the town by its own name
        ("Convoys drove from Qamishli to Raqqa on Monday.", ["Qamishli", "Raqqa"]),  # one ORG to the model
        ("Hasakah police reported two arrests.", ["Hasakah"]),  # Al Ḩasakah without its article
    ],
    ids=["governed-org", "org", "own-name", "places-run-together", "without-article"],
)
def test_a_body_matching_only_a_towns_alternate_name_is_not_that_town(nlp, text, expected) -> None:
    assert places(nlp, text) == expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Shares in Manchester United fell.", []),
        ("Leeds United Football Club confirmed the signing.", []),
        ("Manchester City Council approved the plan.", ["Manchester"]),  # a council is the town's
    ],
    ids=["united", "football-club", "council"],
)
def test_a_town_then_club_words_is_a_sports_club(nlp, text, expected) -> None:
    assert places(nlp, text) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [("HAMAS", None), ("Hamas", "Hamm"), ("UK", "United Kingdom"), ("HAMM", "Hamm")],
    ids=["acronym", "title-case", "curated-code", "capitals-own-name"],
)
def test_an_acronym_never_matches_a_towns_alternate_name(fragments_db: Path, query, expected) -> None:
    with Gazetteer(fragments_db) as gaz:
        best = gaz.best(query)
    assert (best.name if best else None) == expected
