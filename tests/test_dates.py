"""Publication dates and time phrases (geo/reading/dates.py), on phrases and pages of our own."""

from __future__ import annotations

import datetime

import pytest

from conflictmap.geo.reading.dates import latest_date, normalise, publication_date


@pytest.mark.parametrize(
    ("phrase", "published", "start", "end"),
    [
        ("on Friday", "2024-10-26", "2024-10-25", "2024-10-25"),  # a Saturday: the day before
        ("Friday", "2024-10-22", "2024-10-18", "2024-10-18"),  # news reports the past Friday
        ("earlier this month", "2024-10-26", "2024-10-01", "2024-10-26"),
        ("early- to mid-October", "2024-10-26", "2024-10-01", "2024-10-20"),
        ("late March", "2023-05-02", "2023-03-21", "2023-03-31"),
        ("by December", "2024-10-26", "2024-10-26", "2024-12-31"),
        ("by December", "2024-12-30", "2024-12-30", "2024-12-31"),  # the December under way
        ("October 25", "2024-10-26", "2024-10-25", "2024-10-25"),
        ("January 3", "2024-12-30", "2025-01-03", "2025-01-03"),  # across the year boundary: the nearer
        ("Dec. 31", "2025-01-04", "2024-12-31", "2024-12-31"),
        ("in February 2022", "2024-10-26", "2022-02-01", "2022-02-28"),
        ("last week", "2024-10-26", "2024-10-14", "2024-10-20"),
        ("next month", "2024-12-15", "2025-01-01", "2025-01-31"),
        ("since January", "2024-10-26", "2024-01-01", "2024-10-26"),
        ("late 2023", "2024-10-26", "2023-09-01", "2023-12-31"),
    ],
)
def test_a_phrase_is_the_interval_it_names(phrase: str, published: str, start: str, end: str) -> None:
    span = normalise(phrase, published)
    assert span is not None and (span.text, span.start, span.end, span.basis) == (phrase, start, end, "published")


def test_without_a_date_only_a_phrase_with_its_year_is_placed() -> None:
    assert normalise("in February 2022", None).start == "2022-02-01"
    assert normalise("on Friday", None).start is None
    assert normalise("mid-October", None).start is None
    # an undated article's latest date gives month names their year, never a weekday its day
    latest = datetime.date(2024, 10, 23)
    assert normalise("mid-October", None, latest=latest).start == "2024-10-11"
    assert normalise("mid-October", None, latest=latest).basis == "latest date in the text"
    assert normalise("on Friday", None, latest=latest).start is None
    by = normalise("by December", None, latest=latest)  # a deadline month: no earlier than the latest date
    assert (by.start, by.end, by.basis) == ("2024-10-23", "2024-12-31", "latest date in the text")
    assert normalise(None, "2024-10-26") is None


@pytest.mark.parametrize(
    ("page", "date", "evidence"),
    [
        ('<html><head><meta property="article:published_time" content="2023-05-02T08:00:00Z"></head>'
         "<body><p>Ferries stopped.</p></body></html>", "2023-05-02", "html meta article:published_time"),
        ('<html><head><script type="application/ld+json">{"@graph": [{"datePublished": "2022-11-09"}]}</script>'
         "</head><body><p>Ferries stopped.</p></body></html>", "2022-11-09", "json-ld datePublished"),
        ('<html><body><time datetime="2021-07-14T10:00">14 July</time><p>Ferries stopped.</p></body></html>',
         "2021-07-14", "html time datetime"),
    ],
    ids=["meta", "json-ld", "time-element"],
)
def test_a_page_states_its_date_in_its_markup(page: str, date: str, evidence: str) -> None:
    found = publication_date("Ferries stopped.", html=page)
    assert found is not None and (found.date, found.evidence) == (date, evidence)


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Ports close as storm nears\n\n3 May 2023 - 14:20\n\nFerries stopped on Tuesday.\n", "2023-05-03"),
        ("Ports close\nPublished on May 3, 2023\nFerries stopped.\n", "2023-05-03"),
        ("Ports close\nby A. Writer / 2023-05-03 09:12:44\nFerries stopped.\n", "2023-05-03"),
        ("Ports close\n\nA ferry sits idle in the harbour on 1 May 2023, two days before the storm came ashore.\n",
         None),  # a caption mentions a date; it is no date stamp
    ],
    ids=["stamp-line", "published-on", "byline-stamp", "caption-is-not-a-stamp"],
)
def test_a_text_states_its_date_on_a_line_of_its_own(text: str, date: str | None) -> None:
    found = publication_date(text)
    assert (found.date if found else None) == date
    if found:
        assert found.evidence == "text" and found.start is not None
        assert text[found.start : found.end] == found.text


def test_the_latest_date_mentioned() -> None:
    assert latest_date("Seen on 1 May 2023 and again on June 4, 2023, not since.") == datetime.date(2023, 6, 4)
    assert latest_date("No dates here.") is None


@pytest.mark.parametrize(
    ("phrase", "published", "start", "end"),
    [
        ("Friday", "2024-10-25", "2024-10-25", "2024-10-25"),  # said Friday, in Friday's paper: that day
        ("on 1 April", "2024-10-26", "2024-04-01", "2024-04-01"),  # not next April: the future only when near
        ("the 1990s", "2024-10-26", "1990-01-01", "1999-12-31"),
        ("late 1980s", "2024-10-26", "1987-01-01", "1989-12-31"),
        ("six months", "2024-10-26", None, None),  # a length of time, not a date
        ("in two weeks", "2024-10-26", None, None),
        ("by Monday", "9999-12-31", None, None),  # the end of the calendar: no date, no crash
        ("in early 0000", None, None, None),
    ],
)
def test_edges_of_the_calendar_and_of_language(phrase: str, published: str | None, start: str | None,
                                               end: str | None) -> None:
    span = normalise(phrase, published)
    assert (span.start, span.end) == (start, end)


@pytest.mark.parametrize("phrase", ["yesterday", "two weeks ago", "next week", "21st", "12/11", "24 hours"])
def test_an_undated_article_is_never_read_against_the_machines_clock(phrase: str) -> None:
    assert normalise(phrase, None).start is None


@pytest.mark.parametrize(
    "page",
    ['<html><head><meta property="article:published_time" content="2 hours ago"></head><body>x</body></html>',
     '<html><head><meta property="article:published_time" content="0001-01-01"></head><body>x</body></html>',
     '<html><head><script type="application/ld+json">' + "[" * 100_000 + "</script></head><body>x</body></html>"],
    ids=["relative", "year-one", "deep-json-ld"],
)
def test_a_page_with_no_usable_date_is_undated_not_an_error(page: str) -> None:
    assert publication_date("x", html=page) is None


def test_a_date_stamp_beats_a_headline_that_names_a_date() -> None:
    found = publication_date("Remembering 7 October 2023\n\n26 October 2024 - 10:51\n\nThe ferries stopped.\n")
    assert found is not None and found.date == "2024-10-26"
