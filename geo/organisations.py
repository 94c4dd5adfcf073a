"""The organisations that speak in conflict reporting (``data/organisations.csv``): their country,
kind and seat, found in a phrase by name, alias or acronym. Read by the speakers of statements and
by place recognition (a listed body after "to" is no village)."""

from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass
from pathlib import Path

from conflictmap.gazetteer import fold

ORGANISATIONS_FILE = Path(__file__).resolve().parent / "data" / "organisations.csv"
_POSSESSIVE = re.compile(r"['’]s\b")


@dataclass(frozen=True, slots=True)
class Organisation:
    name: str
    country: str | None
    seat: str
    kind: str  # the speaker kind of its statements: government, organisation or media


@functools.cache
def organisations(path: Path = ORGANISATIONS_FILE) -> tuple[dict[str, Organisation], re.Pattern[str], re.Pattern[str]]:
    """Known speaking organisations by alias, with two regexes: folded names ("nato", "white
    house") and acronyms matched case-sensitively ("UN" must not match "Kim Jong Un")."""
    table: dict[str, Organisation] = {}
    acronyms: list[str] = []
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(line for line in fh if not line.startswith("#")):
            org = Organisation(row["name"], row["country"] or None, row["seat"], row["kind"])
            for alias in [row["name"], *(a for a in row["aliases"].split("|") if a)]:
                letters = alias.replace(".", "")
                if letters.isupper() and len(letters) <= 6:
                    acronyms.append(alias)
                    table[alias] = org
                else:
                    table[fold(alias)] = org
    names = sorted((k for k in table if k not in acronyms), key=len, reverse=True)
    folded = re.compile(r"\b(" + "|".join(re.escape(n) for n in names) + r")\b")
    exact = re.compile(r"(?<![\w.])(" + "|".join(re.escape(a) for a in sorted(acronyms, key=len, reverse=True))
                       + r")(?![\w])")
    return table, folded, exact


def find_organisation(text: str) -> Organisation | None:
    table, folded, exact = organisations()
    m = folded.search(fold(_POSSESSIVE.sub("", text)))
    if m:
        return table[m.group(1)]
    m = exact.search(text)
    return table[m.group(1)] if m else None
