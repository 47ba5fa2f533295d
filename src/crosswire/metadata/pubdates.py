"""Finding an article's own date in short strings: datelines, bylines, stamps, URLs.

``dateparser`` parses almost anything, which makes it over-match when pointed
at running text ("may", "now", "2 sides"). So candidates are found first with
strict English patterns (day-month-year, month-day-year, month-year, ISO,
month-day) and only those strings are handed to ``dateparser``.

Every result is an ``IsoDate``: an ISO string ("2026-03-04", "2026-03",
"2026") and its precision (day, month, year).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Literal

import dateparser

Precision = Literal["day", "month", "year"]
CandidateKind = Literal["day", "month", "monthday"]

# Pattern pieces, shared with the dateline reader in ``crosswire.metadata.bylines``.
MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|Mon|Tue|Tues|Wed|Thu|Thur|Fri|Sat|Sun)\.?"
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:19|20)\d{2}"

# Day-month-year in digits. Dots and hyphens are the European and Arab sites'
# day-first order; a slash is also the US month-first order, so with slashes only
# a day over 12 ("13/12/2014") tells the order and is read.
_NUMERIC_DMY = (
    rf"(?:(?:3[01]|[12]\d|0?[1-9])([.-])(?:0?[1-9]|1[0-2])\1{YEAR}"
    rf"|(?:3[01]|[12]\d|1[3-9])/(?:0?[1-9]|1[0-2])/{YEAR})"
)
_NUMERIC = re.compile(r"^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$")

# Ordered most specific first; a span matched by an earlier pattern is not re-read.
_CANDIDATE_PATTERNS: tuple[tuple[CandidateKind, re.Pattern[str]], ...] = (
    ("day", re.compile(rf"\b{YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])\b")),
    ("day", re.compile(rf"\b(?:{WEEKDAY},?\s+)?{DAY}\s+(?:of\s+)?{MONTH},?\s+{YEAR}\b")),
    ("day", re.compile(rf"\b(?:{WEEKDAY},?\s+)?{MONTH}\s+{DAY},?\s+{YEAR}\b")),
    # Numeric day-month-year: "13-12-2014", "05.02.2015" (see ``_NUMERIC``).
    ("day", re.compile(rf"\b{_NUMERIC_DMY}(?!\d)")),
    ("month", re.compile(rf"\b{MONTH},?\s+{YEAR}\b")),
    ("monthday", re.compile(rf"\b(?:{WEEKDAY},?\s+)?{DAY}\s+(?:of\s+)?{MONTH}(?![\w-])")),
    ("monthday", re.compile(rf"\b(?:{WEEKDAY},?\s+)?{MONTH}\s+{DAY}(?![\w-])")),
)

_ISO_PARTIAL = re.compile(rf"^\s*({YEAR})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?\s*$")

_URL_DAY = re.compile(
    rf"/({YEAR})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?=[/_.-]|$)"
    rf"|/({YEAR})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=[/_.-]|$)"
)
# "/2026/mar/06/", as some newspapers write their paths.
_URL_NAMED_MONTH = re.compile(
    rf"/({YEAR})/(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*/(0?[1-9]|[12]\d|3[01])(?=/)",
    re.IGNORECASE,
)
_URL_MONTH = re.compile(rf"/({YEAR})/(0?[1-9]|1[0-2])(?=/)")
_URL_YEAR = re.compile(rf"/({YEAR})(?=/)")

_MONTH_ABBREVIATIONS = (
    "jan",
    "feb",
    "mar",
    "apr",
    "may",
    "jun",
    "jul",
    "aug",
    "sep",
    "oct",
    "nov",
    "dec",
)
# A month-day without a year is placed in the reference year unless that puts
# it this far after the reference date; then it belongs to the year before
# (a "December 30" dateline on a story filed on 2 January).
_FUTURE_SLACK = timedelta(days=7)


@dataclass(frozen=True, slots=True)
class IsoDate:
    iso: str
    precision: Precision

    @property
    def year(self) -> int:
        return int(self.iso[:4])

    def as_date(self) -> date:
        """The first day the value covers, for ordering and year completion."""
        parts = [int(p) for p in self.iso.split("-")] + [1, 1]
        return date(parts[0], parts[1], parts[2])


@dataclass(frozen=True, slots=True)
class DateCandidate:
    text: str
    kind: CandidateKind
    start: int
    end: int


def find_candidates(text: str) -> list[DateCandidate]:
    """Explicit date expressions in ``text``, in reading order, without overlaps."""
    found: list[DateCandidate] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _CANDIDATE_PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < t_end and t_start < end for t_start, t_end in taken):
                continue
            taken.append((start, end))
            found.append(DateCandidate(match.group(0), kind, start, end))
    return sorted(found, key=lambda c: c.start)


@lru_cache(maxsize=4096)
def _parse(text: str, parts: tuple[str, ...], order: str | None = None) -> datetime | None:
    settings: dict[str, object] = {"REQUIRE_PARTS": list(parts), "PREFER_DAY_OF_MONTH": "first"}
    if order:
        settings["DATE_ORDER"] = order
    parsed: datetime | None = dateparser.parse(text, languages=["en"], settings=settings)
    return parsed


def resolve(candidate: DateCandidate, year: int | None = None) -> IsoDate | None:
    """The ISO date a candidate names; a month-day needs ``year`` from elsewhere."""
    if candidate.kind == "month":
        parsed = _parse(candidate.text, ("month", "year"))
        return IsoDate(f"{parsed:%Y-%m}", "month") if parsed else None
    if candidate.kind == "monthday":
        if year is None:
            return None
        parsed = _parse(f"{candidate.text} {year}", ("day", "month", "year"))
    elif _NUMERIC.match(candidate.text):
        # dateparser reads digits month first for English ("05.02.2015" -> 2 May);
        # these are day first (see ``_NUMERIC_DMY``).
        parsed = _parse(candidate.text, ("day", "month", "year"), "DMY")
    else:
        parsed = _parse(candidate.text, ("day", "month", "year"))
    return IsoDate(f"{parsed:%Y-%m-%d}", "day") if parsed else None


def month_day_in_context(candidate: DateCandidate, reference: IsoDate) -> IsoDate | None:
    """Give a yearless month-day the year of ``reference``, stepping back over New Year."""
    placed = resolve(candidate, reference.year)
    if placed is None or reference.precision == "year":
        return placed
    limit = reference.as_date() + _FUTURE_SLACK
    if reference.precision == "month":
        limit = (reference.as_date() + timedelta(days=31)).replace(day=1) + _FUTURE_SLACK
    if placed.as_date() > limit:
        return resolve(candidate, reference.year - 1)
    return placed


def first_date(text: str) -> tuple[IsoDate, DateCandidate] | None:
    """The first explicit date with a year (day or month precision) in ``text``."""
    for candidate in find_candidates(text):
        if candidate.kind == "monthday":
            continue
        resolved = resolve(candidate)
        if resolved is not None:
            return resolved, candidate
    return None


# A date that opens a period ("since March 2011", "the war that began in 2011") only
# bounds the story's date from below: it is background, not an estimate of it.
_PERIOD_START = re.compile(
    r"\b(?:since|began|begun|started|starting|erupted|broke out|outbreak|beginning|onset)"
    r"\b[^.!?\n]{0,30}$",
    re.IGNORECASE,
)


def opens_period(text: str, candidate: DateCandidate) -> bool:
    """Whether the date is the start of a period named just before it."""
    return _PERIOD_START.search(text, max(0, candidate.start - 60), candidate.start) is not None


def latest_date(
    text: str, *, skip_period_starts: bool = False
) -> tuple[IsoDate, DateCandidate] | None:
    """The latest explicit date with a year in ``text`` (a body's newest reference);
    with ``skip_period_starts``, leaving out dates that only open a period."""
    best: tuple[IsoDate, DateCandidate] | None = None
    for candidate in find_candidates(text):
        if candidate.kind == "monthday":
            continue
        if skip_period_starts and opens_period(text, candidate):
            continue
        resolved = resolve(candidate)
        if resolved is not None and (best is None or resolved.as_date() > best[0].as_date()):
            best = resolved, candidate
    return best


def date_from_url(url: str) -> tuple[IsoDate, str] | None:
    """A date in a URL path (/2026/03/04/, /20260304/, /2026/03/, /2026/) and its text."""
    path = re.sub(r"^[a-z][a-z0-9+.-]*://[^/]+", "", url, flags=re.IGNORECASE)
    path = path.split("?", 1)[0].split("#", 1)[0]
    match = _URL_DAY.search(path)
    if match:
        groups = [g for g in match.groups() if g is not None]
        year, month, day = (int(g) for g in groups)
        try:
            return IsoDate(date(year, month, day).isoformat(), "day"), match.group(0)
        except ValueError:
            pass
    match = _URL_NAMED_MONTH.search(path)
    if match:
        month = _MONTH_ABBREVIATIONS.index(match.group(2).lower()) + 1
        try:
            return IsoDate(
                date(int(match.group(1)), month, int(match.group(3))).isoformat(), "day"
            ), match.group(0)
        except ValueError:
            pass
    match = _URL_MONTH.search(path)
    if match:
        return IsoDate(f"{match.group(1)}-{int(match.group(2)):02d}", "month"), match.group(0)
    match = _URL_YEAR.search(path)
    if match:
        return IsoDate(match.group(1), "year"), match.group(0)
    return None


def normalise_declared(value: str) -> IsoDate | None:
    """A declared date in any common format (ISO, RFC 2822, "4 March 2026") as ISO."""
    partial = _ISO_PARTIAL.match(value)
    if partial:
        year, month, day = partial.groups()
        if day:
            return IsoDate(f"{year}-{month}-{day}", "day")
        return IsoDate(f"{year}-{month}", "month") if month else IsoDate(year, "year")
    found = first_date(value)
    if found is not None:
        return found[0]
    parsed = _parse(value.strip(), ("day", "month", "year"))
    return IsoDate(f"{parsed:%Y-%m-%d}", "day") if parsed else None


# --------------------------------------------------------------------------
# Datelines at the head of a body

# How far into a body its dateline may lie: a headline, a standfirst, a credit and a
# stamp fit before it ("Air raids kill 18 ... Monitor AFP Saturday 16 Jul 2016").
HEAD_CHARS = 300
# A stamp's label, then only times, zones and punctuation up to the date:
# "Published", "Posted on", "Date of publication", "Last updated at",
# "Updated 1435 GMT (2235 HKT)".
_STAMP_LABEL = re.compile(
    r"(?i:\b(?P<label>(?:first\s+)?published|posted|(?:last\s+)?(?:updated|modified)"
    r"|date\s+of\s+publication))"
    r"(?:[\s\d:.,()+|–-]|\b[A-Z]{2,5}\b|\b(?:at|on)\b)*$"
)
# A date and a year run together once a comma is stripped: "Apr 05,2017" -> "Apr 052017".
_RUN_TOGETHER = re.compile(rf"\b({MONTH})\s+(0[1-9]|[12]\d|3[01])({YEAR})(?!\d)")
# The word before a date that belongs to a sentence ("killed on 3 May 2016", "The
# 3 May 2016 attack", "On 3 May 2016, ..."): any lowercase word, or a capitalised
# article or preposition opening the sentence.
_SENTENCE_WORD = re.compile(
    r"(?:\b[a-z][\w'’-]*|\b(?i:the|this|that|a|an|on|in|at|since|from|until|by|after|before"
    r"|between|during|early|late|last|of))[\s,]*$"
)


@dataclass(frozen=True, slots=True)
class HeadDate:
    """A date the head of a body is stamped with, and whether it dates an update."""

    date: IsoDate
    text: str  # the stamp as read: its label, if any, and the date
    updated: bool


def head_dates(text: str) -> list[HeadDate]:
    """The dates stamped on the head of a body, in reading order.

    A date with a year counts when a stamp label leads to it ("Published October 2
    2017", "Last updated at Apr 05 2017") or when no lowercase word precedes it,
    so it opens the body or follows a headline, an outlet or a time ("Tuesday 19
    Jul 2016", "13-12-2014 ..."). A date inside a sentence ("killed on 3 May
    2016") is the date of an event, not of the page.
    """
    head = _RUN_TOGETHER.sub(r"\1 \2 \3", text[:HEAD_CHARS])
    found: list[HeadDate] = []
    for candidate in find_candidates(head):
        if candidate.kind == "monthday":
            continue
        before = head[: candidate.start]
        label = _STAMP_LABEL.search(before)
        if label is None and _SENTENCE_WORD.search(before):
            continue
        resolved = resolve(candidate)
        if resolved is None or resolved.precision != "day":
            continue
        start = label.start() if label else candidate.start
        updated = bool(label and re.search(r"(?i)updated|modified", label.group("label")))
        found.append(HeadDate(resolved, head[start : candidate.end].strip(), updated))
    return found
