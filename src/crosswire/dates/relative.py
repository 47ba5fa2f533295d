"""Days told relative to another event: "two days after the attack", "a day earlier".

``find_dates`` resolves expressions against the article's date; these name no day of
their own but count from another incident's, so they are read per event: the event a
phrase dates and the one it counts from are two sides of it.

* A count with "after" or "before" ("two days after", "hours after", "a week before")
  parts a sentence: the words after it up to the next comma, semicolon or dash are the
  incident it counts from (the *referent*); the rest of the sentence is the one it
  dates. "A truce held on Thursday, two days after fighting killed 12": the fighting
  lies two days before Thursday. "The day after the attack" counts one day.
* An adverb of a clause ("a day earlier", "two days later", "the next day", "the day
  before", "the following day") counts from the day the text last named, in the
  sentence before it or the two before that.

A side is dated from the other's day when the text names it (a date of a few days at
most, not a report's "said on Monday"; for an incident counted from a sentence that
names no day, "The attack comes two days after ...", the day named last before it, as
for an adverb). When it names none, the day counted from is
the article's recent days (news reports what happened on the day or the two before),
so the answer is a range of a few days, never one exact day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from crosswire.dates.find import SMALL_NUMBERS
from crosswire.model import DateMention, DatePrecision

__all__ = ["BACK_SENTENCES", "Relative", "counted_day", "find_relatives"]

_COUNT = r"(?P<count>an?|one|two|three|four|five|six|seven|[2-7])"
# "two days after", "hours before", "a week after", "the day after"; not "the day after
# tomorrow" (the dates stage reads it), nor "days after" (no count: any number of days).
_LINKED = re.compile(
    rf"\b(?:{_COUNT}\s+(?P<unit>days?|weeks?)|(?P<hours>(?:a\s+few\s+|several\s+|just\s+)?hours)"
    r"|(?P<the>the\s+day))\s+(?P<dir>after|before)\b(?!\s+(?:yesterday|tomorrow))",
    re.IGNORECASE,
)
# "a day earlier", "two days later", "the next day", "the following day", "the day
# before," (no object: an adverb of the clause).
_ADVERB = re.compile(
    rf"\b(?:{_COUNT}\s+(?P<unit>days?|weeks?)\s+(?P<dir>earlier|later)"
    r"|the\s+(?P<next>next|following)\s+day)\b",
    re.IGNORECASE,
)
# Where the incident a linked count counts from ends.
_REFERENT_END = re.compile(r"[,;]|\s[-\u2013\u2014]\s|\s\u2014|\.\s*$")
# How many sentences back an adverb's day is looked for.
BACK_SENTENCES = 2
# The recent days an unnamed day counted from lies in (``FusionSettings.recent_days``).
RECENT_DAYS = 2


@dataclass(frozen=True, kw_only=True, slots=True)
class Relative:
    """A relative phrase of a sentence: the dated side lies ``low`` to ``high`` days
    after the referent's day (negative: before). ``referent`` is the character span of
    the incident counted from, (-1, -1) for an adverb (the text before it)."""

    text: str
    start: int
    end: int
    low: int
    high: int
    referent: tuple[int, int]

    def refers(self, at: int) -> bool:
        """Whether the event word at character ``at`` is the referent side."""
        return self.referent[0] <= at < self.referent[1]


def find_relatives(text: str, start: int, end: int) -> list[Relative]:
    """The relative phrases of the sentence ``text[start:end]``."""
    sentence = text[start:end]
    found = [_linked(sentence, m, start) for m in _LINKED.finditer(sentence)]
    # "The day before, ..." counts from what the text told last, as an adverb does.
    found = [r if r.referent[0] < r.referent[1] else replace(r, referent=(-1, -1)) for r in found]
    taken = [(r.start, r.end) for r in found]
    for match in _ADVERB.finditer(sentence):
        at = start + match.start()
        if not any(a <= at < b for a, b in taken):
            low = _adverb_days(match)
            found.append(
                Relative(
                    text=match.group(), start=at, end=start + match.end(),
                    low=low, high=low, referent=(-1, -1),
                )
            )  # fmt: skip
    return found


def _linked(sentence: str, match: re.Match[str], offset: int) -> Relative:
    sign = 1 if match.group("dir").lower() == "after" else -1
    if match.group("hours"):
        low, high = (0, 1) if sign > 0 else (-1, 0)
    else:
        days = _unit_days(match)
        low, high = (sign * days - 1, sign * days + 1) if days >= 7 else (sign * days,) * 2
    rest = sentence[match.end() :]
    stop = _REFERENT_END.search(rest)
    end = match.end() + (stop.start() if stop else len(rest))
    while end > match.end() and sentence[end - 1].isspace():
        end -= 1
    return Relative(
        text=match.group(),
        start=offset + match.start(),
        end=offset + match.end(),
        low=low,
        high=high,
        referent=(offset + match.end(), offset + end),
    )


def _unit_days(match: re.Match[str]) -> int:
    if match.groupdict().get("the"):
        return 1
    word = match.group("count").lower()
    count = int(word) if word.isdigit() else SMALL_NUMBERS[word]
    return count * (7 if match.group("unit").lower().startswith("week") else 1)


def _adverb_days(match: re.Match[str]) -> int:
    if match.group("next"):
        return 1
    days = _unit_days(match)
    return days if match.group("dir").lower() == "later" else -days


Span = tuple[str, str, DatePrecision]


def counted_day(
    relative: Relative,
    referent_side: bool,
    base: DateMention | None,
    published: str | None,
) -> Span | None:
    """The date of the side an event is on, counted from the other side's named day
    ``base``, else from the article's recent days (a range, precision "week"); None with
    neither. The referent side lies ``low``..``high`` days *before* the other."""
    low, high = (-relative.high, -relative.low) if referent_side else (relative.low, relative.high)
    if base is not None:
        first = date.fromisoformat(base.start_date) + timedelta(days=low)
        last = date.fromisoformat(base.end_date) + timedelta(days=high)
        precision: DatePrecision = "day" if first == last else base.precision
        if precision == "day" and first != last:
            precision = "week"
        return first.isoformat(), last.isoformat(), precision
    try:
        day = date.fromisoformat((published or "")[:10])
    except ValueError:
        return None
    first = day - timedelta(days=RECENT_DAYS) + timedelta(days=low)
    last = min(day, day + timedelta(days=high))
    return (first.isoformat(), last.isoformat(), "week") if first <= last else None
