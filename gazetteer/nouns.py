"""The nouns that say what kind of place a name is, from one file (``data/place_nouns.csv``).

Ranking reads qualifiers ("Georgia (US state)") and region suffixes ("Kursk region") with them,
recognition extends names over them and reads "the town of X", and the events read "the capital of
X" through them: one list, so they cannot disagree.
"""

from __future__ import annotations

import csv
import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from conflictmap.gazetteer.model import PlaceKind

PLACE_NOUNS_FILE = Path(__file__).resolve().parent / "data" / "place_nouns.csv"
DIRECTION_WORDS_FILE = Path(__file__).resolve().parent / "data" / "direction_words.csv"


@dataclass(frozen=True, slots=True)
class PlaceNouns:
    kinds: Mapping[str, PlaceKind]  # word -> the kind it names in a qualifier
    suffixes: frozenset[str]  # may follow a name as part of it ("Kursk region")
    extends: frozenset[str]  # recognition extends a name's span over it
    kind_of: frozenset[str]  # "the WORD of X" names X
    suffix_pattern: re.Pattern[str]  # a suffix ending a folded name: " region", " oblast"...


@functools.cache
def place_nouns(path: Path = PLACE_NOUNS_FILE) -> PlaceNouns:
    """The place nouns, read once per process.

    >>> place_nouns().kinds["oblast"], "region" in place_nouns().suffixes
    (<PlaceKind.ADMIN1: 'admin1'>, True)
    """
    kinds: dict[str, PlaceKind] = {}
    suffixes: set[str] = set()
    extends: set[str] = set()
    kind_of: set[str] = set()
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(line for line in fh if not line.startswith("#")):
            word = row["word"].strip().lower()
            if row["kind"]:
                kinds[word] = PlaceKind(row["kind"])
            for flag, target in (("suffix", suffixes), ("extends", extends), ("kind_of", kind_of)):
                if row[flag] == "1":
                    target.add(word)
    pattern = re.compile(rf"\s+(?:{'|'.join(sorted(suffixes))})$")
    return PlaceNouns(kinds, frozenset(suffixes), frozenset(extends), frozenset(kind_of), pattern)


@dataclass(frozen=True, slots=True)
class DirectionWords:
    adjectives: tuple[str, ...]  # modifiers whatever their case ("northern Syria", "Eastern Ukraine")
    compass: tuple[str, ...]  # modifiers only in lower case ("north Lebanon"; "North Korea" is a name)
    all: frozenset[str]  # every word that places a mention within a place, recognised on its own
    prefix: re.Pattern[str]  # a modifier opening a query


@functools.cache
def direction_words(path: Path = DIRECTION_WORDS_FILE) -> DirectionWords:
    """The direction words, read once per process.

    >>> "northern" in direction_words().all and direction_words().prefix.match("north Lebanon") is not None
    True
    """
    with path.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(line for line in fh if not line.startswith("#")))
    adjectives = tuple(r["word"] for r in rows if r["class"] == "adjective")
    compass = tuple(r["word"] for r in rows if r["class"] == "compass")
    prefix = re.compile(rf"^(?:(?i:{'|'.join(adjectives)})|{'|'.join(compass)})\s+")
    return DirectionWords(adjectives, compass, frozenset(r["word"] for r in rows), prefix)
