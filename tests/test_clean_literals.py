"""The literal pre-check never rules out a text its pattern matches."""

from __future__ import annotations

import re

from crosswire.clean import furniture
from crosswire.clean.literals import folded, may_match, required_literals


def test_required_literals_pick_a_needed_word() -> None:
    pattern = re.compile(r"\b(?:views|opinions)\s+expressed\b", re.IGNORECASE)
    assert required_literals(pattern) == ("expressed",)
    assert required_literals(re.compile(r"\bnewsletters?\b|\binbox\b")) == ("inbox", "newsletter")


def test_no_literals_means_always_search() -> None:
    assert required_literals(re.compile(r"^[A-Z]\w+$")) is None
    assert required_literals(re.compile(r"(?:read)?\s+now|\d+")) is None
    assert may_match(folded("anything"), None)


def test_case_and_special_folds_stay_sound() -> None:
    pattern = re.compile(r"\bskip\s+to\b", re.IGNORECASE)
    needs = required_literals(pattern)
    assert needs is not None
    assert not may_match(folded("Troops moved to the city."), needs)
    for text in ("SKIP TO content", "Skip to main", "\u212aill\u017fkip to x", "\u017fkip to main"):
        if pattern.search(text):
            assert may_match(folded(text), needs)


def test_every_cue_pre_check_is_sound_on_furniture_lines() -> None:
    lines = [
        "Follow us on Telegram",
        "Sign up for our newsletter",
        "Photo: Reuters/Ammar Awad",
        "All rights reserved",
        "Leave a reply",
        "No comments yet",
        "SHARE THIS ARTICLE",
        "Read more »",
        "Advertisement",
        "\u00a9 Stra\u00dfe Medien 2024",
        "12 Comments",
        "The army said on Monday that 12 people were killed in the strike.",
    ]
    for cue in furniture._PARAGRAPH_CUES + furniture._SENTENCE_CUES:
        for line in lines:
            if cue.pattern.search(line):
                assert may_match(folded(line), cue.needs), (cue.reason, line)
