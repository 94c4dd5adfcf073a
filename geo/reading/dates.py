"""When: an article's publication date, and a time phrase ("on Friday", "early- to mid-October",
"by December") as an ISO 8601 interval relative to it.

The publication date is read from what a page states, in this order: HTML metadata
(``article:published_time`` and its kin, JSON-LD ``datePublished``, ``<time datetime>``), then the
article's own text near its top: a short line that is a date stamp ("3 May 2023 - 14:20",
"2023-05-03 09:12:44", "Published on 3 May 2023"). A date inside a sentence (a caption, an
event) is never taken for the publication date. Each finding keeps its evidence.

Phrases are parsed with ``dateparser`` (relative to the publication date; the past preferred, as
news reports what happened) and widened to the period they name: a day, a week, a month, a year.
What dateparser leaves alone is done here: "early"/"mid"/"late" parts of a month, "by X" (from the
article's date to the end of X), "since X", "earlier this month". Without a publication date only
phrases that name their year are normalised.
"""

from __future__ import annotations

import calendar
import functools
import json
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|december|"
          "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")
_DAY_MONTH_YEAR = rf"\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{MONTHS})\.?,?\s+\d{{4}}"
_MONTH_DAY_YEAR = rf"(?:{MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
_ISO = r"\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2})?)?"
_STAMP = re.compile(
    rf"(?P<date>{_ISO}|{_DAY_MONTH_YEAR}|{_MONTH_DAY_YEAR})(?:\s*[-–|,/]?\s*\d{{1,2}}[:.]\d{{2}}(?:\s*[ap]\.?m\.?)?)?",
    re.IGNORECASE)
_STAMP_WORDS = re.compile(r"\b(?:published|updated|posted|first published|last updated|date)\b", re.IGNORECASE)
STAMP_LINE_CHARS = 90  # a date stamp is a short line of its own, not a sentence that mentions a date
STAMP_SEARCH_CHARS = 4000  # a stamp sits in the first lines of a page
LATEST_TOP_CHARS = 3000  # an undated article's dates near its top (stamps, captions, lede) give its year

META_NAMES = ("article:published_time", "og:published_time", "datepublished", "date_published", "pubdate",
              "publishdate", "publish-date", "dc.date.issued", "dc.date", "date", "sailthru.date",
              "parsely-pub-date", "article.published")


@dataclass(frozen=True, slots=True)
class Published:
    """An article's publication date and what says so."""

    date: str  # YYYY-MM-DD
    evidence: str  # "html meta article:published_time", "json-ld datePublished", "text", "given"
    text: str  # the words or value it was read from
    start: int | None = None  # offsets of ``text`` in the document, when it is in the text
    end: int | None = None

    def to_json(self) -> dict[str, Any]:
        return {"date": self.date, "evidence": self.evidence, "text": self.text, "start": self.start,
                "end": self.end}


@functools.lru_cache(maxsize=64)
def _parser(base: date | None, prefer: str) -> Any:
    from dateparser.date import DateDataParser

    settings: dict[str, Any] = {"PREFER_DATES_FROM": prefer, "RETURN_AS_TIMEZONE_AWARE": False,
                                "PREFER_DAY_OF_MONTH": "first"}
    if base is not None:
        settings["RELATIVE_BASE"] = datetime(base.year, base.month, base.day)
    else:
        settings["REQUIRE_PARTS"] = ["year"]
    return DateDataParser(languages=["en"], settings=settings)


_MONTH_NUMBER = {name: i for i, names in enumerate(
    (("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
     ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
     ("december", "dec")), 1) for name in names}
MONTH_WORDS = frozenset(_MONTH_NUMBER)  # the months' names and their abbreviations, lower case
_ABSOLUTE = (
    re.compile(r"^(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?:$|[ T])"),
    re.compile(rf"^(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mn>{MONTHS})\.?,?\s+(?P<y>\d{{4}})\b", re.IGNORECASE),
    re.compile(rf"^(?P<mn>{MONTHS})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})\b", re.IGNORECASE),
)
YEARS = range(1900, 2101)  # a publication date or a stated year outside this is a typo or a trap, not a date


def parse_date(value: str) -> date | None:
    """An absolute date that names its day, month and year ("3 May 2023", "May 3, 2023",
    "2023-05-03T08:00:00Z"), or None: never a relative form ("yesterday", "2 hours ago"), which
    would be read against the machine's clock."""
    value = value.strip()
    for form in _ABSOLUTE:
        m = form.match(value)
        if m is None:
            continue
        month = int(m.group("m")) if "m" in form.groupindex else _MONTH_NUMBER[m.group("mn").lower()]
        try:
            found = date(int(m.group("y")), month, int(m.group("d")))
        except ValueError:
            return None
        return found if found.year in YEARS else None
    return None


def page_date(page: Any) -> Published | None:
    """The date a page's markup states; ``page`` is the HTML or its parsed BeautifulSoup tree (read
    before anything is removed from it, so one parse serves the date and the text)."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(page, "html.parser") if isinstance(page, str) else page
    for meta in soup.find_all("meta"):
        name = str(meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        content = str(meta.get("content") or "")
        if name in META_NAMES and content and (day := parse_date(content)):
            return Published(day.isoformat(), f"html meta {name}", content)
    for script in soup.find_all("script", type="application/ld+json"):
        try:
            data = json.loads(script.string or "")
        except (ValueError, RecursionError):
            continue
        value = _json_ld_date(data)
        if value and (day := parse_date(value)):
            return Published(day.isoformat(), "json-ld datePublished", value)
    scope = soup.find("article") or soup.find("header") or soup  # not a sidebar's dates
    for time in scope.find_all("time"):
        value = str(time.get("datetime") or "")
        if value and (day := parse_date(value)):
            return Published(day.isoformat(), "html time datetime", value)
    return None


def _json_ld_date(data: Any, depth: int = 0) -> str | None:
    if depth > 6:
        return None
    if isinstance(data, dict):
        if isinstance(data.get("datePublished"), str):
            return str(data["datePublished"])
        values = list(data.values())
    elif isinstance(data, list):
        values = data
    else:
        return None
    for value in values:
        if (found := _json_ld_date(value, depth + 1)) is not None:
            return found
    return None


def _from_text(text: str) -> Published | None:
    """A short line near the top that is a date stamp: one with "Published"/"Updated" first, then
    the line with the fewest other words (a bare "26 October 2024 - 10:51" before a headline that
    names a date), then the first."""
    best: tuple[int, Published] | None = None
    offset = 0
    for line in text[:STAMP_SEARCH_CHARS].splitlines(keepends=True):
        stripped = line.strip()
        start = offset + line.find(stripped) if stripped else offset
        offset += len(line)
        if not stripped or len(stripped) > STAMP_LINE_CHARS:
            continue
        m = _STAMP.search(stripped)
        if m is None:
            continue
        rest = (stripped[: m.start()] + stripped[m.end() :]).strip(" -–|·/,:")
        labelled = _STAMP_WORDS.search(rest) is not None
        if not labelled and len(rest.split()) > 4:  # a sentence that mentions a date, not a stamp
            continue
        day = parse_date(m.group("date"))
        if day is None:
            continue
        found = Published(day.isoformat(), "text", m.group(0), start + m.start(), start + m.end())
        if labelled:
            return found
        others = len(rest.split())
        if best is None or others < best[0]:
            best = (others, found)
    return best[1] if best else None


def publication_date(text: str, *, html: str | None = None) -> Published | None:
    """The date the article says it was published, from its HTML (when there is one) or its text."""
    found = page_date(html) if html else None
    return found or _from_text(text)


# ----------------------------------------------------------------------------- time phrases

_PARTS = {"early": (1, 10), "mid": (11, 20), "middle": (11, 20), "late": (21, 31)}
_YEAR_PARTS = {"early": (1, 4), "mid": (5, 8), "middle": (5, 8), "late": (9, 12)}
_PART_RANGE = re.compile(
    rf"^(?P<a>early|mid|middle|late)\s*-?\s*(?:(?:to|or|and|until)\s*(?P<b>early|mid|middle|late)\s*-?\s*)?"
    rf"(?:of\s+)?(?:(?P<month>(?:{MONTHS})\.?(?:\s+\d{{4}})?)|(?P<year>\d{{4}}))$", re.IGNORECASE)
_NO_YEAR_DAY = re.compile(rf"^(?:(?:{MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?"
                          rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{MONTHS})\.?)$", re.IGNORECASE)
_LEAD = re.compile(r"^(?:on|in|at|during|around|about|from|as of|as early as|as late as|the)\s+", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class TimeSpan:
    text: str
    start: str | None  # YYYY-MM-DD
    end: str | None
    basis: str | None = None  # "published", "stated" (the phrase names its year), "latest date in the text"

    def to_json(self) -> dict[str, str | None]:
        return {"text": self.text, "start": self.start, "end": self.end, "basis": self.basis}


_MONTH_WORD = re.compile(rf"\b(?:{MONTHS})\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(\d{4})\b")
_RELATIVE = re.compile(r"\b(?:ago|last|next|this|previous|coming|yesterday|today|tomorrow|tonight|recent(?:ly)?|"
                       r"earlier|later|past)\b", re.IGNORECASE)
_DURATION = re.compile(r"^(?:for\s+|in\s+|within\s+|over\s+)?(?:the\s+)?(?:\d+|a|an|one|two|three|four|five|six|"
                       r"seven|eight|nine|ten|eleven|twelve|a few|few|several|many|some)\s+(?:more\s+)?"
                       r"(?:hours?|days?|weeks?|months?|years?|decades?)$", re.IGNORECASE)
_DECADE = re.compile(r"^(?:the\s+)?(?:(?P<part>early|mid|late)[\s-]+)?(?P<decade>\d{3})0s$", re.IGNORECASE)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
FUTURE_DAYS = 45  # "October 25" in a report is the last one, unless the next one is this close


def latest_date(text: str) -> date | None:
    """The latest full date (with its year) the text mentions: an undated article was written no
    earlier, and its month names without a year most likely fall in that year."""
    for top in (text[:LATEST_TOP_CHARS], text):  # the top first: a later scheduled date sets no year
        found = [parse_date(m.group("date")) for m in _STAMP.finditer(top)]
        if latest := max((d for d in found if d is not None), default=None):
            return latest
    return None


def _period(day: date, period: str) -> tuple[date, date]:
    if period == "week":
        monday = day - timedelta(days=day.weekday())
        return monday, monday + timedelta(days=6)
    if period == "month":
        return day.replace(day=1), day.replace(day=calendar.monthrange(day.year, day.month)[1])
    if period == "year":
        return date(day.year, 1, 1), date(day.year, 12, 31)
    return day, day


def _parse(phrase: str, base: date | None, prefer: str) -> tuple[date, date] | None:
    try:
        found = _parser(base, prefer).get_date_data(phrase)
        if not found or not found.date_obj:
            return None
        return _period(found.date_obj.date(), found.period or "day")
    except (OverflowError, ValueError):  # dateparser near the ends of the calendar
        return None


def normalise(phrase: str | None, published: str | date | None, *, latest: date | None = None) -> TimeSpan | None:
    """A time phrase as an interval relative to the publication date (None: no phrase); start and
    end are None when the phrase cannot be placed on the calendar. ``latest``: for an undated
    article, the latest date it mentions, which places a month named without a year ("early- to
    mid-October") but nothing relative to the day of writing ("on Friday", "last week")."""
    if not phrase:
        return None
    base = date.fromisoformat(published) if isinstance(published, str) else published
    if base is not None and base.year not in YEARS:
        base = None
    words = " ".join(phrase.split()).strip(" ,.")
    basis = "published"
    year = next((int(y) for y in _YEAR.findall(words) if int(y) in YEARS), None)
    if base is None:
        # nothing is ever read against the machine's clock: a stated year, or an undated article's
        # latest date for a month name, or nothing
        relative = _RELATIVE.search(words) is not None
        if latest is not None and _MONTH_WORD.search(words) and year is None and not relative:
            base, basis = latest, "latest date in the text"
        elif year is not None and not relative:
            base, basis = date(year, 7, 1), "stated"
        else:
            return TimeSpan(phrase, None, None, None)
    span = _interval(words, base)
    if span is None or (basis == "stated" and year not in (span[0].year, span[1].year)):
        return TimeSpan(phrase, None, None, None)
    return TimeSpan(phrase, span[0].isoformat(), span[1].isoformat(), basis)


def _interval(words: str, base: date | None) -> tuple[date, date] | None:
    low = words.lower()
    for prefix, kind in (("by ", "by"), ("until ", "by"), ("before ", "by"), ("since ", "since")):
        if low.startswith(prefix):
            inner = _interval(words[len(prefix) :], base) if kind == "since" else _future(words[len(prefix) :], base)
            if inner is None:
                return None
            if kind == "since":
                return inner[0], base or inner[1]
            return (base or inner[0]), inner[1]
    if low.startswith("next ") or low.startswith("later this ") or low.startswith("coming "):
        return _future(words, base)
    words = _LEAD.sub("", words)
    low = words.lower()
    if _DURATION.match(words):
        return None  # "six months", "in two weeks": a length of time, not a date
    if (decade := _DECADE.match(words)) is not None:
        opening = int(decade.group("decade")) * 10
        if opening not in YEARS:
            return None
        part = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}.get((decade.group("part") or "").lower(), (0, 9))
        return date(opening + part[0], 1, 1), date(opening + part[1], 12, 31)
    if base is not None and low in _WEEKDAYS and _WEEKDAYS.index(low) == base.weekday():
        return base, base  # "said Friday" in Friday's paper: that day
    if low in ("earlier this month", "this month", "earlier in the month") and base:
        return base.replace(day=1), base
    if low in ("earlier this year", "this year") and base:
        return date(base.year, 1, 1), base
    if low in ("earlier this week", "this week") and base:
        return base - timedelta(days=base.weekday()), base
    m = _PART_RANGE.match(words)
    if m and m.group("year"):
        stated = int(m.group("year"))
        if stated not in YEARS:
            return None
        a, b = _YEAR_PARTS[m.group("a").lower()], _YEAR_PARTS[(m.group("b") or m.group("a")).lower()]
        if a[0] > b[1]:
            return None  # "late- to early-2023": no interval
        return date(stated, a[0], 1), date(stated, b[1], calendar.monthrange(stated, b[1])[1])
    if m:
        month = _parse(m.group("month"), base, "past")
        if month is None:
            return None
        first, last = month
        a, b = _PARTS[m.group("a").lower()], _PARTS[(m.group("b") or m.group("a")).lower()]
        if a[0] > b[1]:
            return None
        return first.replace(day=a[0]), first.replace(day=min(b[1], last.day))
    if base is not None and _NO_YEAR_DAY.match(words):
        # "October 25" with no year: the nearer of the last and the next, across a year boundary
        past, future = _parse(words, base, "past"), _parse(words, base, "future")
        if future is not None and (future[0] - base).days <= FUTURE_DAYS and (
            past is None or (future[0] - base).days < (base - past[0]).days
        ):
            return future
        return past
    return _parse(words, base, "past")


def _future(words: str, base: date | None) -> tuple[date, date] | None:
    """The period a deadline names: the one under way at ``base`` ("by December" in December),
    else the next one."""
    words = _LEAD.sub("", words)
    current = _parse(words, base, "past")
    if current is not None and base is not None and current[0] <= base <= current[1]:
        return current
    return _parse(words, base, "future")
