"""A toll over a few days that the article splits into each day's toll is no incident.

A report often heads with a few days' toll and then tells each day's incident: "nearly 50
killed over the past two days" followed by "On Tuesday 25 were killed ... On Monday strikes
killed 23". ACLED codes each day's incident with its own dead; the sum is no event of its
own (coded, it adds two incidents' tolls together). Told deep in the body such a toll is
flagged already (``realis.rolls_up``); in the headline or lead it stays the incident
unless the days' own tolls, told after it on days of their own, add up to it: a several
days' toll the article does not split is how FA-KES and ACLED code a multi-day battle.
"""

from __future__ import annotations

import re
from itertools import combinations

from crosswire.events import realis
from crosswire.events.drafts import Draft, live, states_other_day

# A rounded total ("nearly 50", "about 30") may stand for a sum a little off it.
_ROUNDED = re.compile(
    r"\b(?:nearly|almost|about|around|some|roughly|approximately|close\s+to)\b", re.I
)
_ROUNDING = 0.1
_MOST_DAYS = 3


def flag_split_days(drafts: list[Draft]) -> None:
    """Flag as cumulative each live few days' toll that the tolls of two or three later
    reports, each on a day of its own, add up to."""
    exact = [d for d in drafts if live(d) and _value(d) and not _vague(d)]
    for total in drafts:
        value = _value(total)
        if not (value and live(total) and realis.over_days(total.spans[0].text)):
            continue
        later = [d for d in exact if d.sentence > total.sentence and _value(d) < value]
        if any(
            _adds_up(total, value, days)
            for size in range(2, _MOST_DAYS + 1)
            for days in combinations(later, size)
        ):
            total.mode = "cumulative"


def _value(draft: Draft) -> int:
    return (draft.toll.value or 0) if draft.toll is not None else 0


def _vague(draft: Draft) -> bool:
    return draft.toll is not None and draft.toll.vague


def _adds_up(total: Draft, value: int, days: tuple[Draft, ...]) -> bool:
    found = sum(_value(d) for d in days)
    rounded = total.toll is not None and bool(_ROUNDED.search(total.toll.text))
    near = found == value or (rounded and abs(found - value) <= value * _ROUNDING)
    return near and all(
        states_other_day(a, b) or states_other_day(b, a) for a, b in combinations(days, 2)
    )
