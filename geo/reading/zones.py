"""Tell article body from page furniture in scraped text, without changing the text.

Each paragraph (a line, or lines separated by blank lines) gets a zone; offsets always index the
original text. ``body``, ``headline`` and ``heading`` (sub-headings, live-blog entries) feed events;
``caption`` may hold place mentions; ``duplicate`` and ``furniture`` hold nothing.

The rules are general, not tuned to any site: furniture vocabulary (subscribe, sign in, most
read, share buttons), repeated paragraphs, photo credits, bylines and dates, and the position of
short title-like lines relative to the body (before it: headline; between: sub-heading; after
the last body paragraph: related-story trailers).
"""

from __future__ import annotations

import bisect
import enum
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from conflictmap.geo.lexicon import lexicon
from conflictmap.geo.reading.dates import MONTH_WORDS


class Zone(enum.StrEnum):
    BODY = "body"
    HEADLINE = "headline"
    HEADING = "heading"
    CAPTION = "caption"
    DUPLICATE = "duplicate"
    FURNITURE = "furniture"


MENTION_ZONES = frozenset({Zone.BODY, Zone.HEADLINE, Zone.HEADING, Zone.CAPTION})

_CAPTION_START = re.compile(
    r"^\s*(\(FILES?\)|▲|►|Photo:|Picture:|Image:|Caption:|File photo|Image caption[,:]|Media caption[,:])",
    re.IGNORECASE)
_CREDIT = re.compile(
    r"via REUTERS|/ ?AFP\b|Getty Images|AP Photo|\((?:Yonhap|AP|AFP|Reuters)\)|Picture: [A-Z]"
    r"|ATTENTION EDITORS",
    re.IGNORECASE,
)
_BYLINE = re.compile(r"^\s*by\s*[A-Za-z][\w.'-]*(\s+[A-Za-z][\w.'-]*){0,3}\s*$", re.IGNORECASE)
# a credit of several people or with the place or outlet, each part capitalised names joined as bylines
# join them: "By A B and C D in Kinshasa", "by A B with C D", "By A B, Reuters", "By A B | CNN"
_NAMES = r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"
_BYLINE_NAMES = re.compile(rf"^\s*[Bb]y\s+{_NAMES}(?:(?:\s*[,|&]\s*|\s+(?:and|with|in)\s+){_NAMES}){{1,3}}\s*$")
_DATE_LINE = re.compile(r"^[\W\d\s]*(\d{1,4}[-/ ]\w+[-/ ]\d{2,4}|\w+ \d{1,2},? \d{4})[\W\d\s:-]*$")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)]*\s*$")
_FULL_STOP = re.compile(r"(?<!\.)\.[\"'”’)]*\s*$")  # a short line is a sentence only with a full stop (a title may ask)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
# what comes before a sentence's first word, marks and bullets (not a quotation's opening: "'Follow us,' she said")
_SENTENCE_OPENING = re.compile(r"(?:^|[.!?…:]\s+|\n)[^\w'\"“‘]*\Z")
SHORT_FURNITURE = 10  # words: a paragraph this short holding a furniture word is furniture
# An unfilled template field left in scraped text ("{storyId}", "{{ headline }}"): page machinery,
# never words of the article, so it is cut out of its paragraph as furniture of its own.
_PLACEHOLDER = re.compile(r"\{\{?\s*[A-Za-z_][\w.]*\s*\}\}?")
@dataclass(frozen=True, slots=True)
class Paragraph:
    start: int
    end: int
    zone: Zone

    def text(self, doc_text: str) -> str:
        return doc_text[self.start : self.end]


CAPTION_WORDS = 60  # a caption is shorter: a longer paragraph with a credit in it is a story ("WASHINGTON (AP) ...")
SHORT_SENTENCE = 4  # words: a line this long ending in a full stop (not "?", "!", "...") is a sentence
WRAP_SHARE = 0.8  # a line reaching this share of the wrap width was broken by the wrapping


def wrap_width(text: str) -> int | None:
    r"""The width a text was hard-wrapped at (wire copy broken at ~70 characters), or None.

    Wrapped when its lines of some length mostly end near the longest of them, that is short, and
    most of them stop mid-sentence: a scraped page puts a whole paragraph on one line, ending it
    with its full stop.

    >>> wrap_width("Troops were sent to the border on Monday\nafter talks between the two sides broke\n"
    ...            "down, officials said in a statement.")
    39
    >>> wrap_width("One paragraph on one line, however long it is.") is None
    True
    """
    lines = [line.rstrip() for line in text.split("\n") if len(line.rstrip()) >= 25]
    if len(lines) < 3:
        return None
    width = sorted(map(len, lines))[int(0.9 * (len(lines) - 1))]
    if width > 100:
        return None
    near = [line for line in lines if len(line) >= WRAP_SHARE * width]
    unended = sum(not ends_sentence(line) for line in near)
    # most lines run to the width, and most of those stop mid-sentence: one paragraph a line ends each
    return width if len(near) >= 0.6 * len(lines) and unended >= 0.5 * len(near) else None


def is_wrapped_line(line: str, width: int | None) -> bool:
    """Whether the line break after ``line`` is the wrapping's, not the writer's: the line reaches
    near the wrap width (a paragraph's last line, or a heading, stops short of it)."""
    return width is not None and len(line.rstrip()) >= WRAP_SHARE * width


def ends_sentence(line: str) -> bool:
    """Whether the line ends with a sentence's final punctuation (a closing quote may follow)."""
    return _SENTENCE_END.search(line) is not None


def _paragraph_spans(text: str) -> Iterator[tuple[int, int]]:
    """Each non-blank line, or in hard-wrapped text each run of lines broken by the wrapping (a line
    reaching near the wrap width goes on on the next one, unless that is blank or indented),
    stripped of outer spaces."""
    width = wrap_width(text)
    run: tuple[int, int] | None = None  # the wrapped paragraph read so far
    for m in re.finditer(r"[^\n]+", text):
        start, end = m.start(), m.end()
        raw = m.group(0)
        lead = len(raw) - len(raw.lstrip())
        trail = len(raw) - len(raw.rstrip())
        if end - trail <= start + lead:
            continue
        span = (run[0] if run else start + lead, end - trail)
        following = text[end + 1 : end + 2]
        if is_wrapped_line(raw, width) and following.strip():
            run = span
            continue
        run = None
        yield span
    if run is not None:
        yield run


def unwrapped(text: str) -> str:
    """``text`` with each line break the hard-wrapping made as a space (the breaks inside one of
    :func:`_paragraph_spans`' paragraphs): the same length, so every offset still points into
    ``text``, but the parser reads a clause or a two-word name broken over lines whole, not across a
    line-break token."""
    chars = list(text)
    for start, end in _paragraph_spans(text):
        for i in range(start, end):
            if chars[i] == "\n":
                chars[i] = " "
    return "".join(chars)


_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")
CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}\b")  # a time of day ("14:50", "9.30")


@functools.cache
def _function_words() -> frozenset[str]:
    """English function words (spaCy's stop words), read when first needed."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


@functools.cache
def _headline_words() -> frozenset[str]:
    """Words a title-case headline capitalises that are no name: function words, and the words a
    movement or a statement is told with (motion and reporting verbs in their forms, force nouns)."""
    lex = lexicon()
    stems = set(lex.motion_verbs) | set(lex.motion_nouns) | set(lex.report_verbs) | set(lex.forces) \
        | set(lex.conditional_forces)
    forms = {f"{w}{end}" for w in stems for end in ("", "s", "es", "d", "ed", "ing")}
    forms |= {f"{w[:-1]}ies" for w in stems if w.endswith("y")} | {f"{w[:-1]}ing" for w in stems if w.endswith("e")}
    return frozenset(forms | _function_words() | set(lex.prepositions)) - MONTH_WORDS


def sentence_cased(text: str, paragraphs: list[Paragraph]) -> str:
    """``text`` with each one-line headline or heading set in title case or capitals ("Navy Frigate Sails To
    X", "TROOPS POUR INTO X") written as a sentence for the parser: its function words and the words
    of movements and statements in lower case ("Navy frigate sails to X"); names stay as written.
    The same length, so every offset still points into ``text``; the small model, fitted on
    sentence case, reads such a line's verbs as nouns."""
    words = _headline_words()
    chars = list(text)
    for p in paragraphs:
        line = text[p.start : p.end].strip()
        if p.zone not in MENTION_ZONES or "\n" in line or line.endswith(".") or "|" in line or CLOCK.search(line) \
                or line.lower().startswith("by "):
            continue  # a headline, a heading or a one-line title the zones took for body; never a sentence,
            # nor a line of page machinery ("PUBLISHED: 16:20 | UPDATED: ...") or a byline
        found = list(_WORD.finditer(text, p.start, p.end))
        # title case leaves short function words in lower case ("Ship Docks at X in Y"): the other words count
        content = [m for m in found if m.group().lower() not in _function_words()]
        if len(found) < 3 or sum(1 for m in content if m.group()[0].isupper()) < 0.8 * len(content):
            continue
        for k, m in enumerate(found):
            word = m.group()
            if k == 0 or word.lower() not in words or (word.isupper() and len(word) <= 3
                                                      and word.lower() not in ("to", "as", "of", "in", "on", "at", "by",
                                                                               "up", "for", "and")):
                continue  # the line's first word; a name; "US", "UN": capitals that are a name
            chars[m.start():m.end()] = word.lower()
    return "".join(chars)


_URL = re.compile(r"(?:^|(?<=:))[ \t]*(?:https?://|www\.)\S+")  # opening a line or after a label: not inside a sentence


@functools.cache
def _machinery() -> re.Pattern[str]:
    """Page machinery inside a paragraph, cut out as furniture of its own: a template placeholder, a
    web address opening a line or after a label, a scraper's field label before its colon ("TITLE:",
    "LINK:"; in capitals anywhere, in any case only opening the paragraph)."""
    labels = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in lexicon().field_labels)
    upper = "|".join(re.escape(w.upper()).replace(r"\ ", r"\s+") for w in lexicon().field_labels)
    return re.compile(rf"{_PLACEHOLDER.pattern}|{_URL.pattern}|(?:^|(?<=\s))(?:{upper}):|^[ \t]*(?i:{labels}):",
                      re.MULTILINE)


def _pieces(text: str) -> Iterator[tuple[int, int]]:
    """The paragraphs, with any page machinery in them (:func:`_machinery`) split off as a piece of its own."""
    machinery = _machinery()
    for start, end in _paragraph_spans(text):
        for m in machinery.finditer(text, start, end):
            before = text[start : m.start()]
            if before.strip():
                yield start + len(before) - len(before.lstrip()), start + len(before.rstrip())
            piece = m.group(0)
            yield m.start() + len(piece) - len(piece.lstrip()), m.end()
            start = m.end()
        rest = text[start:end]
        if rest.strip():
            yield start + len(rest) - len(rest.lstrip()), start + len(rest.rstrip())


def _opening_furniture(par: str, words: int) -> bool:
    """Whether a word that is page furniture only in some places is furniture here: in a paragraph of
    :data:`SHORT_FURNITURE` words or fewer, or opening a sentence ("Read more: ...", "Trending now",
    "Want our updates? Sign up ..."); not in a sentence of news ("the panel recommended", "a survey
    published by X", "volunteers sign up")."""
    for m in lexicon().furniture_opening.finditer(par):
        if words <= SHORT_FURNITURE or _SENTENCE_OPENING.search(par, 0, m.start()):
            return True
    return False


def _kind(par: str) -> Zone | None:
    """Zone decided by the paragraph alone; None when position decides (title-like lines)."""
    words = _WORD.findall(par)
    n = len(words)
    if lexicon().share_buttons.match(par) or n == 0 or len(par.split()) <= 2:
        return Zone.FURNITURE
    if n < 60 and (lexicon().furniture.search(par) or _opening_furniture(par, n)):
        return Zone.FURNITURE
    if _CAPTION_START.match(par) or (_CREDIT.search(par) and lexicon().photo_words.search(par) and n < CAPTION_WORDS):
        return Zone.CAPTION  # a credit and a photo word: a caption, which is short (not a wire story's "(AP)")
    if _BYLINE.match(par) or _BYLINE_NAMES.match(par) or _DATE_LINE.match(par):
        return Zone.FURNITURE
    stop_ratio = sum(w.lower() in lexicon().stop_words for w in words) / n
    ends = _SENTENCE_END.search(par)
    if ((n >= 8 and ends) or (n >= SHORT_SENTENCE and ends and _FULL_STOP.search(par))) and stop_ratio >= 0.1:
        return Zone.BODY  # a sentence, however short ("Troops left the town."): titles end without a stop
    if n >= 25 and stop_ratio >= 0.2:
        return Zone.BODY
    return None  # title-like: headline, sub-heading or trailer, by position


def classify(text: str) -> list[Paragraph]:
    """Paragraphs of ``text`` with their zones, in order, with offsets into ``text``."""
    spans = list(_pieces(text))
    kinds: list[Zone | None] = []
    seen: set[str] = set()
    for start, end in spans:
        par = text[start:end]
        key = " ".join(re.findall(r"\w+", par.lower()))
        kind = _kind(par)
        if kind is None and par[:1].islower() and kinds and kinds[-1] is Zone.BODY:
            kind = Zone.BODY  # a body paragraph broken across lines by the scraper
        if key in seen and kind is not Zone.FURNITURE:
            kind = Zone.DUPLICATE
        seen.add(key)
        kinds.append(kind)
    if Zone.BODY not in kinds:
        # no body at all (a one-line snippet, a text of title-like lines): its lines are what there is to read
        kinds = [Zone.BODY if k is None else k for k in kinds]
    body_idx = [i for i, k in enumerate(kinds) if k is Zone.BODY]
    first, last = (body_idx[0], body_idx[-1]) if body_idx else (len(kinds), -1)
    out = []
    for i, ((start, end), kind) in enumerate(zip(spans, kinds, strict=True)):
        if kind is None:
            if i < first:
                kind = Zone.HEADLINE
            elif i > last:
                kind = Zone.FURNITURE  # related-story trailers after the article
            else:
                kind = Zone.HEADING
        out.append(Paragraph(start, end, kind))
    return out


UNPARSED_ZONES = frozenset({Zone.DUPLICATE, Zone.FURNITURE})


def parsed_segments(paragraphs: list[Paragraph]) -> list[tuple[int, int]]:
    """The character ranges the model must parse: runs of paragraphs that may hold something,
    broken at furniture and duplicates, which are never parsed (they hold nothing)."""
    segments: list[tuple[int, int]] = []
    open_run: tuple[int, int] | None = None
    for p in paragraphs:
        if p.zone in UNPARSED_ZONES:
            if open_run is not None:
                segments.append(open_run)
                open_run = None
        else:
            open_run = (open_run[0] if open_run else p.start, p.end)
    if open_run is not None:
        segments.append(open_run)
    return segments


# "X sends troops to Y as Z pulls out of W": a headline joins two events with a conjunction; the
# parser, reading the second as part of the first, often loses one
HEADLINE_CLAUSE_JOINS = re.compile(r"\s(?:as|while)\s", re.IGNORECASE)


def heading_segments(paragraphs: list[Paragraph], text: str = "") -> list[tuple[int, int]]:
    """The character ranges of the headlines and headings, each to be parsed on its own; then, in
    ``text``, each of the clauses a heading joins with "as" or "while" on its own too (two words or more
    each side)."""
    headings = [(p.start, p.end) for p in paragraphs if p.zone in (Zone.HEADLINE, Zone.HEADING)]
    clauses = []
    for start, end in headings if text else ():
        cuts = list(HEADLINE_CLAUSE_JOINS.finditer(text, start, end))
        bounds = [start, *(x for m in cuts for x in (m.start(), m.end())), end]
        parts = [(bounds[i], bounds[i + 1]) for i in range(0, len(bounds), 2)]
        if len(parts) > 1 and all(len(text[a:b].split()) >= 2 for a, b in parts):
            clauses += parts
    return headings + clauses


def zone_at(paragraphs: list[Paragraph], offset: int) -> Zone:
    """The zone of the paragraph holding character ``offset`` (furniture between paragraphs)."""
    i = bisect.bisect_right(paragraphs, offset, key=lambda p: p.end)
    if i < len(paragraphs) and paragraphs[i].start <= offset < paragraphs[i].end:
        return paragraphs[i].zone
    return Zone.FURNITURE
