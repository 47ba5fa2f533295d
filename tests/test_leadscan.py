"""LeadPattern finds exactly what re.finditer finds over lead-in + body."""

from __future__ import annotations

import random
import re

import pytest

from crosswire.leadscan import LeadPattern

SP = r"[^\S\n]"
CASES = [
    # An optional bound before a number, which may start inside a word ("Moreover 5").
    (rf"(?:(?P<bound>(?i:at least|well over|over|some)){SP})?", r"(?<![\w.])(?P<n>\d+)(?!\w)"),
    # A required lead-in of varying width.
    (rf"(?P<rel>(?i:this{SP}past|last|the)){SP}", r"(?P<unit>(?i:week|weekend|month))\b"),
    # A lead-in ending in a lookbehind, and a body that looks ahead.
    (r"(?:(?i:the) )?(?<![\d])", r"(?P<d>[12]?\d)(?= (?:May|June))"),
    # An unbounded lead-in: searched the plain way.
    (r"(?:x+ )?", r"\d+"),
    # Required words, one case-insensitive: a text without them is not searched.
    (rf"(?:(?P<n>\d+){SP})?", r"(?:weeks|(?i:months)) (?i:ago)\b"),
]
TEXTS = [
    "3 weeks ago, 2 MONTHS AGO, 4 weeks Ago; 5 Weeks ago; \u212a months ago",
    "Moreover 5 people, at least 12 and well over 300; over 4,5 and some 7 or 17x.",
    "this past week, last weekend and the month before; THE WEEK; thepast week",
    "the 3 May, 21 June and 30 May; the the 12 June",
    "xx 12 and x 3, xxx",
    "",
]


def random_texts(count: int) -> list[str]:
    pieces = "at least |over |Moreover |the |this past |week|month |12|3 |May| June|,|.|\n|x |some "
    pieces += "|well over |last |weeks |Months |ago|AGO"
    chooser = random.Random(7)
    words = pieces.split("|")
    return ["".join(chooser.choice(words) for _ in range(30)) for _ in range(count)]


def spans(matches: object) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(m.span(), m.groupdict()) for m in matches]  # type: ignore[attr-defined]


@pytest.mark.parametrize(("lead", "body"), CASES)
def test_same_matches_as_finditer(lead: str, body: str) -> None:
    pattern = LeadPattern.compile(lead, body)
    full = re.compile(lead + body)
    for text in TEXTS + random_texts(200):
        assert spans(pattern.finditer(text)) == spans(full.finditer(text)), text


def test_widths_decide_the_search() -> None:
    assert LeadPattern.compile(CASES[0][0], CASES[0][1]).lead_widths == (0, 10)
    assert LeadPattern.compile(CASES[3][0], CASES[3][1]).lead_widths is None  # unbounded
    assert LeadPattern.compile("", r"\d+").lead_widths is None  # nothing to skip
    assert LeadPattern.compile("a ", r"\d*").lead_widths is None  # body may be empty


def test_required_words_are_read_off_the_pattern() -> None:
    pattern = LeadPattern.compile(CASES[4][0], CASES[4][1])
    assert pattern.needs == ("months", "weeks")  # the most selective of the required sets
    assert list(pattern.finditer("12 days ago")) == []
    assert LeadPattern.compile(CASES[0][0], CASES[0][1]).needs is None  # any digit will do
