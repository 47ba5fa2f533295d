"""Date expressions in article text, resolved against the article's own date.

``find_dates`` turns "late Tuesday", "last month", "mid-2019", "on the night of
March 3" or "the 2019 offensive" into a start date, an end date and a
precision. The anchor is the article's publication date (resolved by the
metadata stage).

Resolution rules (what an analyst can rely on):

* Past by default. News reports what happened, so an expression that could
  point either way resolves to the most recent occurrence whose start is on or
  before the anchor: "Tuesday" is the latest Tuesday on or before the anchor
  (in a Tuesday article, that same day); "in May" in an article of March 2026
  is May 2025; "late December" in an article of 2026-01-05 is 21-31 December
  2025 (the year rolls back because December 2026 starts after the anchor).
* Future when the clause says so: a governing verb with "will"/"shall", or
  "scheduled", "planned", "due", "expected to" turns the rule around to the
  first occurrence that ends on or after the anchor.
* A named period is whole: "this week" runs Monday to Sunday and "this year"
  January to December even when the article appeared in the middle of it;
  only "earlier this ..." stops the day before the anchor and "later this ..." starts
  at it.
* "last Tuesday" is the latest Tuesday strictly before the anchor; "next
  Tuesday" the first strictly after it. Weeks run Monday to Sunday; "last
  week" is the previous calendar week, while "the past week" is the seven days
  before the anchor ("the past 24 hours", "the last three months" alike). "In
  recent days" reaches a week back, "recent weeks" four weeks, "recent months"
  three months; "the coming days" as far ahead. A weekend is its Saturday and
  Sunday.
* Parts of a month: early = days 1-10, mid = 11-20, late = 21 to the month's
  end; "the beginning/start of" = early, "the middle of" = mid, "the end of" =
  late. Parts of a year: early = January-April, mid = May-August, late =
  September-December, while "the start of the year" is January, "the middle
  of the year" June-July and "the end of the year" December (precision
  month). Parts of a week: early = Monday-Tuesday, mid = Wednesday-Thursday,
  late = Friday-Sunday.
* "since X" runs from the start of X to the anchor, at X's precision; the
  mention includes "since" ("controlled the port since 2014" gives 2014-01-01
  to the article's date). "until X" and "by X" resolve X itself.
* Precision is the granularity of the expression: a day ("Tuesday", "March
  4"), a week ("last week", a weekend), a month ("late September", "May") or a
  year ("2019", "mid-2019", "the 1990s"). Explicit ranges ("March 3-5", "from
  March 3 to April 2") take the precision their length allows.
* An anchor coarser than a day (an article dated only "2026-03") resolves
  each expression against the first and the last day of that period and keeps
  the union; when the two disagree, the precision drops to the anchor's.
  Without an anchor only expressions that name their year are resolved.

Numbers that are not dates are left alone: counts ("the 1,200 fighters",
"2000 troops"), model names ("F-16"), labels ("Resolution 2254"), ages and
clock times without a day.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import get_args

from spacy.tokens import Doc, Span, Token

from crosswire.leadscan import LeadPattern
from crosswire.model import DateMention, DatePrecision, Mention
from crosswire.nlp import doc_text, per_doc

__all__ = ["SMALL_NUMBERS", "date_spans", "find_dates"]


def _words(text: str) -> frozenset[str]:
    """A vocabulary written as one space-separated block."""
    return frozenset(text.split())


_PRECISIONS: tuple[DatePrecision, ...] = get_args(DatePrecision)

# ---------------------------------------------------------------------------
# Vocabulary

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_WEEKDAYS = {
    name: number
    for number, name in enumerate(
        ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    )
}
_COUNT_WORDS = "one two three four five six seven eight nine ten eleven twelve"
SMALL_NUMBERS = {word: value for value, word in enumerate(_COUNT_WORDS.split(), start=1)} | {
    "a": 1,
    "an": 1,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "ninety": 90,
}
_UNIT_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365}
_UNIT_PRECISION: dict[str, DatePrecision] = {
    "day": "day",
    "week": "week",
    "month": "month",
    "year": "year",
}
# Vague counts as (fewest, most) units.
_VAGUE_COUNTS = {"few": (2, 5), "several": (3, 7), "couple": (2, 2)}
# Seasons as (first month, number of months), northern-hemisphere meteorological.
_SEASONS = {"spring": (3, 3), "summer": (6, 3), "autumn": (9, 3), "fall": (9, 3), "winter": (12, 3)}
# Words before a bare year or month that make it a date rather than a count or label.
_DATE_CUES = _words(
    """
    in since until till by during before after from between of through throughout and or
    to around circa early late mid last next this year month
    """
)
# Words before a number that make it a label: "Resolution 2254", "Route 5".
_LABEL_WORDS = _words(
    """
    resolution article section chapter paragraph decree law no no. number flight route
    highway road model type page room code bus line brigade division unit squad
    battalion regiment sector zone gate building block station platform
    """
)
# Capitalised words that make a weekday a feast or an anniversary, not a recent day.
_WEEKDAY_NAMES = _words("good black bloody holy palm ash easter cyber super maundy")
# Words before a plural weekday that make it a habit ("on Fridays", "most Sundays").
_HABITUAL_WORDS = _words("on every most some all many by until till through")
_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
_FUTURE_LEMMAS = frozenset({"schedule", "plan", "due", "expect", "slate", "go"})

# ---------------------------------------------------------------------------
# Patterns

_SP = r"[^\S\n]"  # a space that stays inside a paragraph
_MONTH_FULL = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)\b"
)
_MONTH = rf"(?:{_MONTH_FULL}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?:\.|\b))"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\b(?!,\d|\.\d)"
_YEAR = r"(?:1[89]\d\d|20\d\d)(?![\d%])"
_WEEKDAY_NAME = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_WEEKDAY = rf"{_WEEKDAY_NAME}\b"
_PART = rf"(?i:early|mid|late|(?:the{_SP})?(?:beginning|start|middle|end){_SP}of)"
_COUNT = (
    rf"(?:\d{{1,3}}|(?i:a{_SP}few|a{_SP}couple{_SP}of|few|several|one|two|three|four|five|six|"
    r"seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|ninety))"
)
_RANGE_SEP = rf"{_SP}?(?:-|–|(?i:to|and|until|through|into)){_SP}?"
# Parts of a day ("late", "early on", "the night of") and day-time words after
# it ("Tuesday night") narrow the time, not the date: they stay in the mention.
_DAY_PREFIX = (
    rf"(?:(?i:late|early)(?:{_SP}(?i:on))?{_SP}"
    rf"|(?i:the{_SP}(?:night|morning|evening|afternoon){_SP}of){_SP}"
    rf"|(?i:overnight)(?:{_SP}(?i:on|into))?{_SP})?"
)
_DAY_SUFFIX = rf"(?:{_SP}(?i:morning|afternoon|evening|night)\b)?"
_NO_NUMBER_BEFORE = r"(?<![\w.,$€£/-])"
# A time zone after four digits makes them a clock time: "2037 UTC+3", "1600 GMT".
_ZONE = r"(?:(?:GMT|UTC|[ECMP][SD]T|CES?T|EES?T|AST)\b|(?i:hrs|hours)\b)"

# Each pattern is a lead-in (often optional: "late", "the start of", "last")
# and a body; they are searched near where the body matches (crosswire.leadscan).
_PATTERNS: tuple[tuple[str, LeadPattern], ...] = tuple(
    (kind, LeadPattern.compile(lead, body))
    for kind, lead, body in (
        (
            "iso",
            "",
            rf"{_NO_NUMBER_BEFORE}(?P<y>{_YEAR})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])\b",
        ),
        (
            "numeric",
            "",
            rf"{_NO_NUMBER_BEFORE}(?P<a>\d{{1,2}})[/.](?P<b>\d{{1,2}})[/.](?P<y>{_YEAR})",
        ),
        (
            "dmy",
            rf"{_DAY_PREFIX}(?:(?P<wd>{_WEEKDAY}),?{_SP})?(?:(?i:the){_SP})?{_NO_NUMBER_BEFORE}",
            rf"(?P<d>{_DAY})(?:{_RANGE_SEP}(?:(?i:the){_SP})?(?P<d2>{_DAY}))?(?:{_SP}of)?{_SP}"
            rf"(?P<month>{_MONTH})(?:,?{_SP}(?P<y>{_YEAR}))?{_DAY_SUFFIX}",
        ),
        (
            "mdy",
            rf"{_DAY_PREFIX}(?:(?P<wd>{_WEEKDAY}),?{_SP})?",
            rf"(?P<month>{_MONTH}){_SP}(?:(?i:the){_SP})?"
            rf"(?P<d>{_DAY})(?:{_RANGE_SEP}(?P<d2>{_DAY}))?(?:,?{_SP}(?P<y>{_YEAR}))?{_DAY_SUFFIX}",
        ),
        (
            "week_of_month",
            rf"(?:(?i:the){_SP})?(?P<ord>(?i:first|second|third|fourth|last|final)){_SP}",
            rf"(?i:week){_SP}of{_SP}(?P<month>{_MONTH_FULL})(?:,?{_SP}(?P<y>{_YEAR}))?",
        ),
        (
            "month_year",
            rf"(?:(?P<part>{_PART})(?:-|{_SP}))?",
            rf"(?P<month>{_MONTH_FULL})(?:{_SP}of)?,?{_SP}(?P<y>{_YEAR})",
        ),
        (
            "month",
            rf"(?:(?P<part>{_PART})(?:-|{_SP})"
            rf"|(?P<rel>(?i:this{_SP}past|this{_SP}coming|last|this|next)){_SP})?",
            rf"(?P<month>{_MONTH_FULL})",
        ),
        (
            "decade",
            rf"(?:(?i:the){_SP})?(?:(?P<part>(?i:early|mid|late))(?:-|{_SP}))?",
            r"(?P<decade>(?:1[89]|20)\d0)'?s\b",
        ),
        (
            "year",
            rf"{_NO_NUMBER_BEFORE}(?:(?P<part>{_PART})(?:-|{_SP}))?",
            rf"(?P<y>{_YEAR})"
            rf"(?:{_SP}?(?:-|–|(?i:to)){_SP}?(?P<y2>{_YEAR}|\d\d(?!\d)))?(?![\w%]|,\d|\.\d)"
            rf"(?!{_SP}?{_ZONE})",
        ),
        (
            "season",
            rf"(?:(?P<part>(?i:early|mid|late))(?:-|{_SP}))?"
            rf"(?:(?P<rel>(?i:this{_SP}past|this|last|next|the)){_SP})?",
            rf"(?P<season>(?i:spring|summer|autumn|fall|winter))\b(?:{_SP}(?:of{_SP})?(?P<y>{_YEAR}))?",
        ),
        (
            "weekday",
            rf"{_DAY_PREFIX}(?:(?P<rel>(?i:this{_SP}past|this{_SP}coming|last|this|next|past|coming))"
            rf"{_SP})?",
            rf"(?P<wd>{_WEEKDAY}){_DAY_SUFFIX}",
        ),
        # A possessive weekday whose apostrophe the page lost ("Tuesdays attack struck",
        # "said Thursdays raids"); ``_plausible`` keeps it only before the noun it owns.
        ("weekday_possessive", "", rf"(?P<wd>{_WEEKDAY_NAME})s\b"),
        # A day of the month named alone ("killed on the 3rd"): ``_plausible`` keeps it
        # only after "on" and before no noun ("the 3rd Division", "on the 2nd floor").
        ("ordinal_day", "", rf"(?i:the){_SP}(?P<d>3[01]|[12]\d|0?[1-9])(?i:st|nd|rd|th)\b"),
        (
            "relative_day",
            _DAY_PREFIX,
            rf"(?P<rel>(?i:the{_SP}day{_SP}before{_SP}yesterday|the{_SP}day{_SP}after"
            rf"{_SP}tomorrow|yesterday|today|tonight|tomorrow|last{_SP}night|this{_SP}"
            rf"(?:morning|afternoon|evening)|earlier{_SP}today|later{_SP}today))\b{_DAY_SUFFIX}",
        ),
        ("weekend", "", rf"(?i:(?:over|at|on|during){_SP}the{_SP}weekend)\b"),
        # A bare "overnight" ("jets pounded the town overnight", "an overnight raid"):
        # the night that ended on the article's day. A named day ("overnight Tuesday")
        # is the weekday pattern's, which matches longer.
        ("overnight", "", r"(?i:\bovernight)\b"),
        (
            "relative_period",
            rf"(?:(?P<part>{_PART})(?:{_SP}|-)|(?P<mod>(?i:earlier|later)){_SP})?"
            rf"(?P<rel>(?i:this{_SP}past|this|last|next|the{_SP}past|the{_SP}last|the{_SP}coming"
            rf"|past|the)){_SP}",
            r"(?P<unit>(?i:week|weekend|month|year))\b",
        ),
        (
            "rolling",
            rf"(?:(?i:the){_SP})?",
            rf"(?i:past|last|previous){_SP}{_NO_NUMBER_BEFORE}(?P<n>{_COUNT}){_SP}"
            rf"(?P<unit>(?i:hours?|days?|weeks?|months?|years?|decades?))\b",
        ),
        (
            "recent",
            "",
            rf"(?P<direction>(?i:recent|coming)){_SP}(?P<unit>(?i:days|weeks|months|years))\b",
        ),
        (
            "ago",
            "",
            rf"{_NO_NUMBER_BEFORE}(?P<n>{_COUNT}|(?i:an?)){_SP}"
            rf"(?P<unit>(?i:days?|weeks?|months?|years?|decades?))"
            rf"{_SP}(?i:ago)\b",
        ),
    )
)
_RANGE_JOIN = re.compile(rf"^{_SP}*(?:-|–|—|(?i:to|until|till|through|into|and)){_SP}*$")
_RANGE_OPEN = re.compile(rf"(?i:\b(?P<word>from|between)){_SP}$")


# ---------------------------------------------------------------------------
# Calendar helpers


@dataclass(frozen=True, slots=True)
class _Range:
    start: date
    end: date
    precision: DatePrecision


def _coarser(a: DatePrecision, b: DatePrecision) -> DatePrecision:
    return a if _PRECISIONS.index(a) >= _PRECISIONS.index(b) else b


def _length_precision(start: date, end: date) -> DatePrecision:
    days = (end - start).days
    if days <= 1:
        return "day"
    if days <= 7:
        return "week"
    return "month" if days <= 31 else "year"


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, 1)


def _normal_part(part: str | None) -> str | None:
    """ "early", "mid", "late", or "start", "middle", "end" for "the start of" ..."""
    if part is None:
        return None
    words = part.lower().split()
    if words[-1] == "of":
        return {"beginning": "start", "start": "start", "middle": "middle", "end": "end"}[words[-2]]
    return words[0]


# "the start of" a month or a week is its early part; of a year, its first month.
_AS_THIRD = {"start": "early", "middle": "mid", "end": "late"}


def _month_range(year: int, month: int, part: str | None) -> tuple[date, date]:
    first, last = date(year, month, 1), _month_end(year, month)
    third = _AS_THIRD.get(part or "", part)
    if third == "early":
        return first, date(year, month, 10)
    if third == "mid":
        return date(year, month, 11), date(year, month, 20)
    if third == "late":
        return date(year, month, 21), last
    return first, last


def _year_range(year: int, part: str | None) -> tuple[date, date]:
    bounds = {
        "early": (1, 4),
        "mid": (5, 8),
        "late": (9, 12),
        "start": (1, 1),
        "middle": (6, 7),
        "end": (12, 12),
    }.get(part or "", (1, 12))
    return date(year, bounds[0], 1), _month_end(year, bounds[1])


def _year_precision(part: str | None) -> DatePrecision:
    return "month" if part in ("start", "middle", "end") else "year"


def _week_range(monday: date, part: str | None) -> tuple[date, date]:
    third = _AS_THIRD.get(part or "", part)
    offsets = {"early": (0, 1), "mid": (2, 3), "late": (4, 6)}.get(third or "", (0, 6))
    return monday + timedelta(days=offsets[0]), monday + timedelta(days=offsets[1])


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _choose(
    anchor: date, build: Callable[[int], tuple[date, date] | None], future: bool
) -> tuple[date, date] | None:
    """The occurrence of a yearless expression that the past/future rule selects."""
    options = [r for y in range(anchor.year - 2, anchor.year + 3) if (r := build(y)) is not None]
    if future:
        return next((r for r in options if r[1] >= anchor), None)
    past = [r for r in options if r[0] <= anchor]
    return past[-1] if past else None


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _count(text: str | None) -> tuple[int, int] | None:
    if text is None:
        return None
    words = text.lower().split()
    key = words[-1] if words[-1] != "of" else words[-2]
    if key in _VAGUE_COUNTS:
        return _VAGUE_COUNTS[key]
    if text.isdigit():
        return int(text), int(text)
    value = SMALL_NUMBERS.get(key)
    return (value, value) if value is not None else None


# ---------------------------------------------------------------------------
# Resolvers: one per pattern kind. Each returns None when it cannot resolve.

_Groups = dict[str, str | None]
_Resolver = Callable[[_Groups, date | None, bool], _Range | None]


def _resolve_iso(g: _Groups, anchor: date | None, future: bool) -> _Range | None:
    day = _safe_date(int(g["y"] or 0), int(g["m"] or 0), int(g["d"] or 0))
    return _Range(start=day, end=day, precision="day") if day else None


def _resolve_numeric(g: _Groups, anchor: date | None, future: bool) -> _Range | None:
    a, b, year = int(g["a"] or 0), int(g["b"] or 0), int(g["y"] or 0)
    # Day/month order differs by country; only resolve when one reading is impossible.
    if a > 12 >= b:
        day = _safe_date(year, b, a)
    elif b > 12 >= a or a == b:
        day = _safe_date(year, a, b)
    else:
        return None
    return _Range(start=day, end=day, precision="day") if day else None


def _resolve_day_month(g: _Groups, anchor: date | None, future: bool) -> _Range | None:
    month = _MONTHS[(g["month"] or "").lower().rstrip(".")]
    first = int(re.sub(r"\D", "", g["d"] or ""))
    last = int(re.sub(r"\D", "", g["d2"] or "")) if g.get("d2") else first
    if last < first:
        return None

    def build(year: int) -> tuple[date, date] | None:
        start, end = _safe_date(year, month, first), _safe_date(year, month, last)
        return (start, end) if start and end else None

    if g.get("y"):
        found = build(int(g["y"] or 0))
    elif anchor is None:
        return None
    else:
        found = _choose(anchor, build, future)
    if found is None:
        return None
    return _Range(start=found[0], end=found[1], precision=_length_precision(*found))


def _resolve_week_of_month(g: _Groups, anchor: date | None, future: bool) -> _Range | None:
    month = _MONTHS[(g["month"] or "").lower()]
    ordinal = (g["ord"] or "").lower()

    def build(year: int) -> tuple[date, date]:
        end_of_month = _month_end(year, month)
        if ordinal in ("last", "final"):
            return end_of_month - timedelta(days=6), end_of_month
        index = ("first", "second", "third", "fourth").index(ordinal)
        return date(year, month, 1 + 7 * index), date(year, month, 7 + 7 * index)

    if g.get("y"):
        found: tuple[date, date] | None = build(int(g["y"] or 0))
    elif anchor is None:
        return None
    else:
        found = _choose(anchor, build, future)
    return _Range(start=found[0], end=found[1], precision="week") if found else None


def _resolve_month(g: _Groups, anchor: date | None, future: bool) -> _Range | None:
    month = _MONTHS[(g["month"] or "").lower()]
    part = _normal_part(g.get("part"))
    if g.get("y"):
        start, end = _month_range(int(g["y"] or 0), month, part)
        return _Range(start=start, end=end, precision="month")
    if anchor is None:
        return None
    rel = " ".join((g.get("rel") or "").lower().split())
    if rel in ("next", "this coming"):
        found = _choose(anchor, lambda y: _month_range(y, month, part), True)
        if found and found[0] <= anchor:
            found = _month_range(found[0].year + 1, month, part)
    elif rel in ("last", "this past"):
        found = _choose(anchor, lambda y: _month_range(y, month, part), False)
        if found and found[0].month == anchor.month and found[0].year == anchor.year:
            found = _month_range(found[0].year - 1, month, part)
    elif rel == "this":
        found = _month_range(anchor.year, month, part)
    else:
        found = _choose(anchor, lambda y: _month_range(y, month, part), future)
    if found is None:
        return None
    return _Range(start=found[0], end=found[1], precision="month")


def _resolve_year(g: _Groups, anchor: date | None, future: bool) -> _Range | None:
    year = int(g["y"] or 0)
    part = _normal_part(g.get("part"))
    if g.get("y2"):
        text = g["y2"] or ""
        last = int(text) if len(text) == 4 else year // 100 * 100 + int(text)
        if last <= year:
            return None
        return _Range(start=date(year, 1, 1), end=date(last, 12, 31), precision="year")
    start, end = _year_range(year, part)
    return _Range(start=start, end=end, precision=_year_precision(part))


def _resolve_decade(g: _Groups, anchor: date | None, future: bool) -> _Range | None:
    first = int(g["decade"] or 0)
    offsets = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}.get(
        (g.get("part") or "").lower(), (0, 9)
    )
    return _Range(
        start=date(first + offsets[0], 1, 1),
        end=date(first + offsets[1], 12, 31),
        precision="year",
    )


def _resolve_season(g: _Groups, anchor: date | None, future: bool) -> _Range | None:
    first_month, length = _SEASONS[(g["season"] or "").lower()]

    def build(year: int) -> tuple[date, date]:
        # Winter of a year runs from its December into the next year.
        start = date(year, first_month, 1)
        return start, _add_months(start, length) - timedelta(days=1)

    if g.get("y"):
        start, end = build(int(g["y"] or 0))
        return _Range(start=start, end=end, precision="month")
    if anchor is None:
        return None
    rel = " ".join((g.get("rel") or "").lower().split())
    forward = rel == "next" or (future and rel not in ("last", "this past"))
    found = _choose(anchor, build, forward)
    if found and rel == "last" and found[0] <= anchor <= found[1]:
        found = build(found[0].year - 1)
    if found and rel == "next" and found[0] <= anchor:
        found = build(found[0].year + 1)
    if found is None:
        return None
    return _Range(start=found[0], end=found[1], precision="month")


def _resolve_weekday(g: _Groups, anchor: date | None, future: bool) -> _Range | None:
    if anchor is None:
        return None
    weekday = _WEEKDAYS[(g["wd"] or "").lower()]
    rel = " ".join((g.get("rel") or "").lower().split())
    back = (anchor.weekday() - weekday) % 7
    ahead = (weekday - anchor.weekday()) % 7
    if rel in ("next", "coming", "this coming"):
        day = anchor + timedelta(days=ahead or 7)
    elif rel in ("last", "past", "this past"):
        day = anchor - timedelta(days=back or 7)
    elif future:
        day = anchor + timedelta(days=ahead)
    else:
        day = anchor - timedelta(days=back)
    return _Range(start=day, end=day, precision="day")


def _resolve_ordinal_day(g: _Groups, anchor: date | None, future: bool) -> _Range | None:
    """ "on the 3rd": the latest 3rd of a month on or before the anchor (the first on or
    after it in the future); a month without that day is skipped."""
    if anchor is None:
        return None
    number = int(g["d"] or 0)
    year, month = anchor.year, anchor.month
    for _ in range(3):
        day = _safe_date(year, month, number)
        if day is not None and (day >= anchor if future else day <= anchor):
            return _Range(start=day, end=day, precision="day")
        month += 1 if future else -1
        if month in (0, 13):
            year, month = year + (1 if future else -1), 1 if future else 12
    return None


_RELATIVE_DAY_OFFSETS = {
    "the day before yesterday": -2,
    "yesterday": -1,
    "last night": -1,
    "today": 0,
    "tonight": 0,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
    "earlier today": 0,
    "later today": 0,
    "tomorrow": 1,
    "the day after tomorrow": 2,
}


def _resolve_relative_day(g: _Groups, anchor: date | None, future: bool) -> _Range | None:
    if anchor is None:
        return None
    rel = " ".join((g["rel"] or "").lower().split())
    day = anchor + timedelta(days=_RELATIVE_DAY_OFFSETS[rel])
    return _Range(start=day, end=day, precision="day")


def _resolve_overnight(g: _Groups, anchor: date | None, future: bool) -> _Range | None:
    if anchor is None:
        return None
    if future:
        return _Range(start=anchor, end=anchor + timedelta(days=1), precision="day")
    return _Range(start=anchor - timedelta(days=1), end=anchor, precision="day")


def _weekend(anchor: date, relation: str, future: bool) -> tuple[date, date]:
    latest_saturday = anchor - timedelta(days=(anchor.weekday() - 5) % 7)
    if relation == "next" or (relation == "this" and future):
        saturday = latest_saturday + timedelta(days=7)
        if relation == "this" and anchor.weekday() >= 5:
            saturday = latest_saturday
    elif relation == "last" and anchor.weekday() >= 5:
        saturday = latest_saturday - timedelta(days=7)
    else:
        saturday = latest_saturday
    return saturday, saturday + timedelta(days=1)


def _resolve_weekend(g: _Groups, anchor: date | None, future: bool) -> _Range | None:
    if anchor is None:
        return None
    start, end = _weekend(anchor, "this", future)
    return _Range(start=start, end=end, precision="week")


def _resolve_relative_period(g: _Groups, anchor: date | None, future: bool) -> _Range | None:
    if anchor is None:
        return None
    rel = " ".join((g["rel"] or "").lower().split())
    unit = (g["unit"] or "").lower()
    part = _normal_part(g.get("part"))
    mod = (g.get("mod") or "").lower()
    if rel == "the" and part is None:
        return None  # "the week" alone names no particular week
    if rel in ("the past", "the last", "past"):
        if part or mod or unit == "weekend":
            return None
        start = anchor - timedelta(days=_UNIT_DAYS[unit])
        return _Range(start=start, end=anchor, precision=_UNIT_PRECISION[unit])
    step = {"last": -1, "this past": -1, "next": 1, "the coming": 1}.get(rel, 0)
    if unit == "weekend":
        relation = {-1: "last", 1: "next"}.get(step, "this")
        start, end = _weekend(anchor, relation, future)
        precision: DatePrecision = "week"
    elif unit == "week":
        start, end = _week_range(_monday(anchor) + timedelta(weeks=step), part)
        precision = "week"
    elif unit == "month":
        first = _add_months(anchor.replace(day=1), step)
        start, end = _month_range(first.year, first.month, part)
        precision = "month"
    else:
        start, end = _year_range(anchor.year + step, part)
        precision = _year_precision(part)
    if mod == "earlier":
        # Before the anchor: "earlier this week" in a Friday report ends on Thursday.
        end = max(start, min(end, anchor - timedelta(days=1)))
    elif mod == "later":
        start = max(start, anchor)
    return _Range(start=start, end=end, precision=precision)


def _unit_of(text: str) -> str:
    return text.lower().removesuffix("s")


def _resolve_rolling(g: _Groups, anchor: date | None, future: bool) -> _Range | None:
    counted = _count(g["n"])
    if anchor is None or counted is None:
        return None
    unit = _unit_of(g["unit"] or "")
    most = counted[1]
    if unit == "hour":
        start = anchor - timedelta(days=max(1, -(-most // 24)))
        return _Range(start=start, end=anchor, precision="day")
    if unit in ("day", "week"):
        start = anchor - timedelta(days=most * _UNIT_DAYS[unit])
        return _Range(start=start, end=anchor, precision=_UNIT_PRECISION[unit])
    if unit == "month":
        return _Range(
            start=_add_months(anchor.replace(day=1), -most), end=anchor, precision="month"
        )
    years = most * (10 if unit == "decade" else 1)
    return _Range(start=date(anchor.year - years, 1, 1), end=anchor, precision="year")


def _resolve_recent(g: _Groups, anchor: date | None, future: bool) -> _Range | None:
    """ "In recent days" reaches a week back, "recent weeks" four weeks, "recent
    months" three months, "recent years" three years; "the coming ..." as far ahead."""
    if anchor is None:
        return None
    unit = _unit_of(g["unit"] or "")
    days = {"day": 7, "week": 28, "month": 91, "year": 3 * 365}[unit]
    precision = _UNIT_PRECISION["week" if unit == "day" else "month" if unit == "week" else unit]
    if (g["direction"] or "").lower() == "coming":
        return _Range(start=anchor, end=anchor + timedelta(days=days), precision=precision)
    return _Range(start=anchor - timedelta(days=days), end=anchor, precision=precision)


def _resolve_ago(g: _Groups, anchor: date | None, future: bool) -> _Range | None:
    counted = _count(g["n"])
    if anchor is None or counted is None:
        return None
    fewest, most = counted
    unit = _unit_of(g["unit"] or "")
    if unit == "day":
        start, end = anchor - timedelta(days=most), anchor - timedelta(days=fewest)
        return _Range(start=start, end=end, precision=_length_precision(start, end))
    if unit == "week":
        start = _monday(anchor - timedelta(weeks=most))
        end = _monday(anchor - timedelta(weeks=fewest)) + timedelta(days=6)
        return _Range(start=start, end=min(end, anchor), precision="week")
    if unit == "month":
        first = _add_months(anchor.replace(day=1), -most)
        last = _add_months(anchor.replace(day=1), -fewest)
        return _Range(start=first, end=_month_end(last.year, last.month), precision="month")
    scale = 10 if unit == "decade" else 1
    return _Range(
        start=date(anchor.year - most * scale, 1, 1),
        end=date(anchor.year - fewest * scale, 12, 31),
        precision="year",
    )


_RESOLVERS: dict[str, _Resolver] = {
    "iso": _resolve_iso,
    "numeric": _resolve_numeric,
    "dmy": _resolve_day_month,
    "mdy": _resolve_day_month,
    "week_of_month": _resolve_week_of_month,
    "month_year": _resolve_month,
    "month": _resolve_month,
    "decade": _resolve_decade,
    "year": _resolve_year,
    "season": _resolve_season,
    "weekday": _resolve_weekday,
    "weekday_possessive": _resolve_weekday,
    "ordinal_day": _resolve_ordinal_day,
    "relative_day": _resolve_relative_day,
    "weekend": _resolve_weekend,
    "overnight": _resolve_overnight,
    "relative_period": _resolve_relative_period,
    "rolling": _resolve_rolling,
    "recent": _resolve_recent,
    "ago": _resolve_ago,
}


# ---------------------------------------------------------------------------
# Finding candidates in a parsed text


@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int
    end: int
    kind: str
    groups: _Groups
    priority: int


def _word_before(text: str, start: int) -> str:
    match = re.search(r"([\w.']+)\W*$", text[max(0, start - 40) : start])
    return match.group(1).lower() if match else ""


def _token_at(doc: Doc, start: int, end: int) -> Token | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _counts_plural_noun(token: Token | None) -> bool:
    """True for "12 people", where the number quantifies a plural noun."""
    return (
        token is not None
        and token.dep_ in ("nummod", "compound", "quantmod")
        and token.head.tag_ in ("NNS", "NNPS")
        and token.head.i > token.i
    )


def _plausible(doc: Doc, kind: str, match: re.Match[str]) -> bool:
    """Filters a pattern match with the context and the parse."""
    text = doc_text(doc)
    g = match.groupdict()
    before = _word_before(text, match.start())
    if kind in ("dmy", "mdy") and not g.get("y") and not g.get("wd"):
        day = _token_at(doc, match.start("d"), match.end("d"))
        if _counts_plural_noun(day):
            return False
        # "In March 12 people died": a count after the month, unless a
        # determiner makes the date a modifier ("the March 4 attacks").
        following = day.nbor() if day is not None and day.i + 1 < len(doc) else None
        return not (
            kind == "mdy"
            and following is not None
            and following.tag_ in ("NNS", "NNPS")
            and before not in ("the", "a", "an", "this", "that")
        )
    if kind == "month" and not g.get("part") and not g.get("rel"):
        token = _token_at(doc, match.start("month"), match.end("month"))
        if token is None or token.tag_ == "MD":
            return False
        return before in _DATE_CUES or token.ent_type_ == "DATE"
    if kind == "year" and not g.get("part"):
        if before in _LABEL_WORDS:
            return False
        token = _token_at(doc, match.start("y"), match.end("y"))
        if _counts_plural_noun(token):
            return False
        if before in _DATE_CUES or g.get("y2"):
            return True
        if token is not None and token.ent_type_ == "DATE":
            return True
        # "the 2019 offensive", "a 2014 report": a year naming an event.
        return (
            token is not None
            and before in ("the", "a", "an")
            and token.head.i > token.i
            and token.head.tag_ in ("NN", "NNP")
        )
    if kind == "season" and not g.get("y"):
        if (g.get("rel") or "the").lower() != "the":
            return True  # "last summer", "this winter"
        word = (g.get("season") or "").lower()
        return word != "fall" and before in ("in", "during", "since", "over", "through", "the")
    if kind == "weekday" and not g.get("rel"):
        return before not in _WEEKDAY_NAMES
    if kind == "weekday_possessive":
        return _owns_a_noun(doc, match) and before not in _HABITUAL_WORDS | _WEEKDAY_NAMES
    if kind == "ordinal_day":
        return before in _ORDINAL_DAY_CUES and not _names_a_thing(doc, match)
    return True


# Words before "the 3rd" that make it a day: "on the 3rd", "since the 12th".
_ORDINAL_DAY_CUES = frozenset({"on", "since", "until", "till", "by"})


def _names_a_thing(doc: Doc, match: re.Match[str]) -> bool:
    """Whether an ordinal is a unit's or a thing's ("the 4th Division", "the 2nd
    floor", "the 5th anniversary"): a word of a noun phrase follows it."""
    following = doc.char_span(match.end(), len(doc_text(doc)), alignment_mode="expand")
    if following is None or not len(following):
        return False
    word = following[0]
    return word.pos_ in ("NOUN", "PROPN", "ADJ", "NUM") or word.lower_ == "of"


def _owns_a_noun(doc: Doc, match: re.Match[str]) -> bool:
    """Whether "Tuesdays" (a lost apostrophe) modifies a noun after it: "Tuesdays attack"."""
    token = _token_at(doc, match.start(), match.end())
    if token is None or token.i + 1 >= len(doc):
        return False
    following = doc[token.i + 1]
    return (
        following.is_lower
        and following.pos_ in ("NOUN", "ADJ", "VERB")
        and (token.head.i > token.i)
    )


@per_doc
def _candidates(doc: Doc) -> tuple[_Candidate, ...]:
    """The date expressions in ``doc``; the dates and figures stages share them."""
    text = doc_text(doc)
    found: list[_Candidate] = []
    for priority, (kind, pattern) in enumerate(_PATTERNS):
        for match in pattern.finditer(text):
            if match.end() > match.start() and _plausible(doc, kind, match):
                found.append(
                    _Candidate(
                        start=match.start(),
                        end=match.end(),
                        kind=kind,
                        groups=match.groupdict(),
                        priority=priority,
                    )
                )
    # Longest first, then the more specific pattern; keep what does not overlap.
    found.sort(key=lambda c: (c.start - c.end, c.priority, c.start))
    chosen: list[_Candidate] = []
    for candidate in found:
        if all(candidate.end <= c.start or candidate.start >= c.end for c in chosen):
            chosen.append(candidate)
    return tuple(sorted(chosen, key=lambda c: c.start))


def date_spans(doc: Doc) -> list[tuple[int, int]]:
    """Character spans of the date expressions in ``doc``; needs no anchor.

    Other extractors use it to leave the numbers inside dates alone.
    """
    return [(c.start, c.end) for c in _candidates(doc)]


# ---------------------------------------------------------------------------
# Resolution


def _governing_verb(span: Span) -> Token:
    token = span.root
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    return token


def _is_future(doc: Doc, start: int, end: int) -> bool:
    """Whether the clause around a date speaks of the future ("will meet on Tuesday")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    verb = _governing_verb(span)
    if any(c.dep_ == "aux" and c.lower_ in _FUTURE_AUX for c in verb.children):
        return True
    if verb.lemma_.lower() in _FUTURE_LEMMAS - {"go"}:
        return True
    has_to = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    return has_to and verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _FUTURE_LEMMAS


def _period(anchor: date, precision: DatePrecision) -> tuple[date, date]:
    if precision == "week":
        return _monday(anchor), _monday(anchor) + timedelta(days=6)
    if precision == "month":
        return anchor.replace(day=1), _month_end(anchor.year, anchor.month)
    if precision == "year":
        return date(anchor.year, 1, 1), date(anchor.year, 12, 31)
    return anchor, anchor


def _resolve(
    candidate: _Candidate, anchor: date | None, anchor_precision: DatePrecision, future: bool
) -> _Range | None:
    resolver = _RESOLVERS[candidate.kind]
    if anchor is None:
        return resolver(candidate.groups, None, future)
    first, last = _period(anchor, anchor_precision)
    early = resolver(candidate.groups, first, future)
    late = resolver(candidate.groups, last, future) if last != first else early
    if early is None or late is None:
        return None
    if early == late:
        return early
    return _Range(
        start=min(early.start, late.start),
        end=max(early.end, late.end),
        precision=_coarser(early.precision, anchor_precision),
    )


@dataclass(frozen=True, slots=True)
class _Resolved:
    start: int
    end: int
    range: _Range


def _next_day(first: _Range, second: _Range) -> bool:
    """ "on Friday and Saturday": two days in a row make one stretch of two days."""
    in_a_row = second.start == first.end + timedelta(days=1)
    return first.precision == second.precision == "day" and in_a_row


def _merge_ranges(text: str, resolved: list[_Resolved]) -> Iterator[_Resolved]:
    """Joins "from March 3 to March 5" and "between 2014 and 2016" into one range."""
    index = 0
    while index < len(resolved):
        current = resolved[index]
        if index + 1 < len(resolved):
            following = resolved[index + 1]
            gap = text[current.end : following.start]
            opener = _RANGE_OPEN.search(text[max(0, current.start - 12) : current.start])
            joined = _RANGE_JOIN.match(gap) is not None
            if joined and gap.strip().lower() == "and":
                joined = (
                    opener is not None and opener.group("word").lower() == "between"
                ) or _next_day(current.range, following.range)
            if joined and current.range.start <= following.range.end:
                start_char = current.start - len(opener.group(0)) if opener else current.start
                first, last = current.range.start, following.range.end
                precision = _coarser(
                    _coarser(current.range.precision, following.range.precision),
                    _length_precision(first, last),
                )
                yield _Resolved(
                    start=start_char,
                    end=following.end,
                    range=_Range(start=first, end=last, precision=precision),
                )
                index += 2
                continue
        yield current
        index += 1


def find_dates(
    doc: Doc,
    article_id: str,
    anchor: date | None,
    anchor_precision: DatePrecision = "day",
) -> list[DateMention]:
    """Every date expression in ``doc`` resolved against the article's date.

    ``anchor`` is the article's publication date and ``anchor_precision`` how
    much of it is known ("2026-03" gives the first of the month and "month").
    Offsets refer to ``doc.text``.
    """
    text = doc_text(doc)
    resolved: list[_Resolved] = []
    for candidate in _candidates(doc):
        future = _is_future(doc, candidate.start, candidate.end)
        found = _resolve(candidate, anchor, anchor_precision, future)
        if found is not None and candidate.kind == "relative_day" and not future:
            found = _as_quoted(doc, candidate.start, found)
        if found is not None:
            resolved.append(_Resolved(start=candidate.start, end=candidate.end, range=found))
    return [_open_since(text, article_id, item, anchor) for item in _merge_ranges(text, resolved)]


def _as_quoted(doc: Doc, start: int, found: _Range) -> _Range:
    """ "today", "yesterday" inside a direct quote count from the day the words were
    said, which may be the day before the article's ("'Jets struck three villages
    today,' the army said" in the next morning's report): that day or the one
    before it, never one wrong day."""
    token = _token_at(doc, start, start + 1)
    if token is None:
        return found
    before = doc_text(doc)[token.sent.start_char : start]
    straight, opened = before.count('"'), before.count("\u201c") - before.count("\u201d")
    if straight % 2 == 0 and opened <= 0:
        return found
    return _Range(start=found.start - timedelta(days=1), end=found.end, precision=found.precision)


_SINCE = re.compile(r"(?:\b(?:ever\s+)?since\s+)$", re.IGNORECASE)


def _open_since(text: str, article_id: str, item: _Resolved, anchor: date | None) -> DateMention:
    """The resolved expression, stretched to the anchor when "since" opens it."""
    start, end_date = item.start, item.range.end
    since = _SINCE.search(text, max(0, item.start - 12), item.start)
    if since is not None and anchor is not None and anchor > item.range.start:
        start, end_date = since.start(), max(anchor, item.range.start)
    return DateMention(
        mention=Mention(article=article_id, start=start, end=item.end, text=text[start : item.end]),
        start_date=item.range.start.isoformat(),
        end_date=end_date.isoformat(),
        precision=item.range.precision,
    )
