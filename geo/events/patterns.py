"""The events' phrasing as spaCy patterns, read from ``geo/data/patterns/*.jsonl``.

Each line of a pattern file is one pattern: ``{"label": ..., "priority": ..., "note": ...,
"pattern": [...]}``. ``pattern`` is a spaCy ``DependencyMatcher`` pattern (the grammar: a motion verb
and the force it moves, a reporting verb and its speaker) or a ``Matcher`` pattern (surface
phrases: "by sea"). Word lists are never written into a pattern: ``"$name"`` in an ``IN`` or
``NOT_IN`` list stands for the lexicon's word class of that name (``geo/data/lexicon/``), so a
word is added in one place. Two token attributes help patterns read the lexicon and the document:
``token._.cm_force``, whether the token heads a force (``geo.events.grammar.force_class``: its word
class, the modifiers it needs, "members of" a group, "USS X"); ``token._.cm_armed_group``, whether
a proper noun names what the document elsewhere shows as an armed group ("the X militia": then "X
left Y" is a movement of its fighters); ``token._.cm_mover``, either (the subject a path of
dependencies leads to, "X has no intention of entering Y", "X regrouped before moving to Y").

The code decides what no pattern can: which match wins (lowest ``priority``, then the earliest
token), the roles of places, status, actor country, where a speaker was.
"""

from __future__ import annotations

import bisect
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
MAX_SENTENCE_TOKENS = 400  # longer "sentences" are lists or tables: searching one would take minutes
SURFACE_FILES = ("mode.jsonl", "speaker_line.jsonl")


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
    if isinstance(value, str) and value.startswith("$") and value[1:2].isalpha():  # not the "$-" operators
        words = getattr(lex, value[1:])
        return sorted(words)
    return value


def _register_attributes() -> None:
    from spacy.tokens import Token

    if not Token.has_extension("cm_force"):
        from conflictmap.geo.events.grammar import is_force

        Token.set_extension("cm_force", getter=is_force)
    if not Token.has_extension("cm_armed_group"):
        from conflictmap.geo.events.grammar import is_armed_group

        Token.set_extension("cm_armed_group", getter=is_armed_group)
    if not Token.has_extension("cm_mover"):
        from conflictmap.geo.events.grammar import is_armed_group, is_force

        Token.set_extension("cm_mover", getter=lambda t: is_force(t) or is_armed_group(t))


def read_patterns(name: str) -> list[dict[str, Any]]:
    """The rows of one pattern file, word classes expanded."""
    import srsly

    lex = lexicon()
    return [{**row, "pattern": _expand(row["pattern"], lex)} for row in srsly.read_jsonl(PATTERNS_DIR / name)]


class Patterns:
    """Every pattern file compiled for one vocabulary (one per loaded pipeline): one matcher per
    file, so a Doc is searched only for the patterns a caller asks about."""

    def __init__(self, vocab: Vocab) -> None:
        from spacy.matcher import DependencyMatcher, Matcher

        _register_attributes()
        self.rules: dict[int, Rule] = {}
        self._nodes: dict[int, list[str]] = {}
        self._dependency: dict[str, DependencyMatcher] = {}
        self._anchors: dict[str, Matcher] = {}  # each file's anchor tokens: a sentence without one is skipped
        self._surface: dict[str, Matcher] = {}
        for name in DEPENDENCY_FILES:
            file = name.removesuffix(".jsonl")
            self._dependency[file] = DependencyMatcher(vocab)
            self._anchors[file] = Matcher(vocab)
            for i, row in enumerate(read_patterns(name)):
                match_id = self._add(vocab, self._dependency[file], file, i, row)
                self._nodes[match_id] = [node["RIGHT_ID"] for node in row["pattern"]]
                self._anchors[file].add(f"{file}:anchor:{i}", [[row["pattern"][0]["RIGHT_ATTRS"]]])
        for name in SURFACE_FILES:
            file = name.removesuffix(".jsonl")
            self._surface[file] = Matcher(vocab)
            for i, row in enumerate(read_patterns(name)):
                self._add(vocab, self._surface[file], file, i, row)

    def _add(self, vocab: Vocab, matcher: Any, file: str, i: int, row: dict[str, Any]) -> int:
        key = f"{file}:{row['label']}:{i}"
        matcher.add(key, [row["pattern"]])
        match_id: int = vocab.strings[key]
        self.rules[match_id] = Rule(file, row["label"], int(row.get("priority", 1)))
        return match_id

    def dependency(self, doc: Doc, file: str) -> list[Match]:
        """Every match of one dependency-pattern file in ``doc``, sentence by sentence: the
        matcher's cost grows with the cube of the length it searches, so a run-on "sentence" of
        thousands of tokens (a scraped list, a table) is skipped beyond ``MAX_SENTENCE_TOKENS``."""
        matcher = self._dependency[file]
        pieces = list(doc.sents) if doc.has_annotation("DEP") or doc.has_annotation("SENT_START") else [doc[:]]
        # a match needs its anchor (a pattern's first token); one pass of a token matcher finds
        # the sentences that hold one, and only those are searched for the whole pattern
        anchors = sorted(start for _, start, _ in self._anchors[file](doc))
        pieces = [p for p in pieces if bisect.bisect_left(anchors, p.start) < bisect.bisect_left(anchors, p.end)]
        return [Match(self.rules[match_id],
                      {n: doc[piece.start + i] for n, i in zip(self._nodes[match_id], token_ids, strict=True)})
                for piece in pieces if len(piece) <= MAX_SENTENCE_TOKENS
                for match_id, token_ids in matcher(piece)]

    def surface(self, doc: Doc | Span, file: str) -> list[tuple[Rule, Span]]:
        """Spans matched by one surface-pattern file, in text order (longest first at a position)."""
        spans = [(self.rules[mid], doc[start:end]) for mid, start, end in self._surface[file](doc)]
        return sorted(spans, key=lambda rs: (rs[1].start, -len(rs[1])))


@functools.cache
def _patterns_for(vocab_id: int, vocab: Vocab) -> Patterns:
    return Patterns(vocab)


def patterns(vocab: Vocab) -> Patterns:
    """The compiled patterns for ``vocab``, built once per vocabulary."""
    return _patterns_for(id(vocab), vocab)


def best(matches: Iterable[Match], group: str, answer: str, *, nearest: bool = False) -> dict[int, Match]:
    """For each token bound to ``group`` (a trigger, a cue), its best match: lowest priority, then
    the earliest token bound to ``answer`` (the force: "troops and tanks moved"), or with ``nearest``
    the one nearest the group's token (the speaker: "the first stop of his trip - the two nations
    announced", where the parser made both nouns subjects)."""
    def rank(m: Match) -> tuple[int, bool, int, int]:
        if not nearest:
            return (m.rule.priority, False, 0, m[answer].i)
        return (m.rule.priority, _in_a_relative_clause(m[answer], m[group]), abs(m[answer].i - m[group].i),
                m[answer].i)

    chosen: dict[int, Match] = {}
    for m in sorted(matches, key=rank):
        chosen.setdefault(m[group].i, m)
    return chosen


def _in_a_relative_clause(token: Token, outside: Token) -> bool:
    """Whether ``token`` lies in a relative clause that does not hold ``outside`` ("the mission, whose
    monitors patrol X, said": the monitors are the clause's, not the speaker)."""
    holding = {a.i for a in outside.ancestors} | {outside.i}
    if any(c.tag_ == "WP$" for c in token.children):
        return True  # "whose monitors": the relative word itself, however the clause was parsed
    return any(a.dep_ in ("relcl", "acl") and a.i not in holding for a in token.ancestors)
