"""The events' phrasing as spaCy patterns, read from ``geo/data/patterns/*.jsonl``.

Each line of a pattern file is one pattern: ``{"label": ..., "priority": ..., "note": ...,
"pattern": [...]}``. ``pattern`` is a spaCy ``DependencyMatcher`` pattern (the grammar: a motion verb
and the force it moves, a reporting verb and its speaker) or a ``Matcher`` pattern (surface
phrases: "by sea"). Word lists are never written into a pattern: ``"$name"`` in an ``IN`` or
``NOT_IN`` list stands for the lexicon's word class of that name (``geo/data/lexicon/``), so a
word is added in one place. Two token attributes help patterns read the lexicon:

- ``token._.cm_lemma``: the lemma in lower case;
- ``token._.cm_force``: whether the token (its lemma or its word) names a force.

The code decides what no pattern can: which match wins (lowest ``priority``, then the earliest
token), the roles of places, status, actor country, where a speaker was.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from conflictmap.geo.lexicon import Lexicon, lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token
    from spacy.vocab import Vocab

PATTERNS_DIR = Path(__file__).resolve().parent.parent / "data" / "patterns"
DEPENDENCY_FILES = ("movement.jsonl", "statement.jsonl")
SURFACE_FILES = ("mode.jsonl",)


@dataclass(frozen=True, slots=True)
class Rule:
    """One pattern's name and rank, as its file gives them."""

    file: str  # "movement", "statement", "mode"
    label: str
    priority: int


@dataclass(frozen=True, slots=True)
class Match:
    """One match: its rule and the tokens it bound, by the node names of its pattern."""

    rule: Rule
    tokens: dict[str, Token]

    def __getitem__(self, node: str) -> Token:
        return self.tokens[node]


def _expand(value: Any, lex: Lexicon) -> Any:
    """A pattern with each ``"$class"`` list replaced by the lexicon's words of that class."""
    if isinstance(value, dict):
        return {k: _expand(v, lex) for k, v in value.items()}
    if isinstance(value, list):
        return [_expand(v, lex) for v in value]
    if isinstance(value, str) and value.startswith("$"):
        words = getattr(lex, value[1:])
        return sorted(words)
    return value


def _register_attributes() -> None:
    from spacy.tokens import Token

    if not Token.has_extension("cm_lemma"):
        Token.set_extension("cm_lemma", getter=lambda t: t.lemma_.lower())
    if not Token.has_extension("cm_force"):
        Token.set_extension("cm_force", getter=lambda t: t.lemma_.lower() in lexicon().forces
                            or t.lower_ in lexicon().forces)


def read_patterns(name: str) -> list[dict[str, Any]]:
    """The rows of one pattern file, word classes expanded."""
    import srsly

    lex = lexicon()
    return [{**row, "pattern": _expand(row["pattern"], lex)} for row in srsly.read_jsonl(PATTERNS_DIR / name)]


class Patterns:
    """Every pattern file compiled for one vocabulary (one per loaded pipeline)."""

    def __init__(self, vocab: Vocab) -> None:
        from spacy.matcher import DependencyMatcher, Matcher

        _register_attributes()
        self.rules: dict[int, Rule] = {}
        self._dependency = DependencyMatcher(vocab)
        self._surface = Matcher(vocab)
        for files, matcher in ((DEPENDENCY_FILES, self._dependency), (SURFACE_FILES, self._surface)):
            for name in files:
                for i, row in enumerate(read_patterns(name)):
                    key = f"{name.removesuffix('.jsonl')}:{row['label']}:{i}"
                    matcher.add(key, [row["pattern"]])
                    self.rules[vocab.strings[key]] = Rule(name.removesuffix(".jsonl"), row["label"],
                                                          int(row.get("priority", 1)))
        self._nodes = {vocab.strings[f"{name.removesuffix('.jsonl')}:{row['label']}:{i}"]:
                       [node["RIGHT_ID"] for node in row["pattern"]]
                       for name in DEPENDENCY_FILES for i, row in enumerate(read_patterns(name))}

    def dependency(self, doc: Doc, file: str) -> list[Match]:
        """Every match of one dependency-pattern file in ``doc``."""
        found = []
        for match_id, token_ids in self._dependency(doc):
            rule = self.rules[match_id]
            if rule.file == file:
                found.append(Match(rule, {n: doc[i] for n, i in zip(self._nodes[match_id], token_ids, strict=True)}))
        return found

    def surface(self, doc: Doc | Span, file: str) -> list[tuple[Rule, Span]]:
        """Spans matched by one surface-pattern file, in text order (longest first at a position)."""
        spans = [(self.rules[mid], doc[start:end]) for mid, start, end in self._surface(doc)
                 if self.rules[mid].file == file]
        return sorted(spans, key=lambda rs: (rs[1].start, -len(rs[1])))


@functools.cache
def _patterns_for(vocab_id: int, vocab: Vocab) -> Patterns:
    return Patterns(vocab)


def patterns(vocab: Vocab) -> Patterns:
    """The compiled patterns for ``vocab``, built once per vocabulary."""
    return _patterns_for(id(vocab), vocab)


def best(matches: Iterable[Match], group: str, answer: str) -> dict[int, Match]:
    """For each token bound to ``group`` (a trigger, a cue), its best match: lowest priority, then
    the earliest token bound to ``answer`` (the force, the speaker)."""
    chosen: dict[int, Match] = {}
    for m in sorted(matches, key=lambda m: (m.rule.priority, m[answer].i)):
        chosen.setdefault(m[group].i, m)
    return chosen
