"""Days told relative to another incident (``crosswire.dates.relative``): which words
are the incident counted from, how many days, and a range of the article's recent days
when no day is named (never one exact day)."""

from __future__ import annotations

from crosswire.dates.relative import counted_day, find_relatives
from crosswire.model import DateMention, Mention

PUBLISHED = "2026-03-06"


def _one(text: str):  # type: ignore[no-untyped-def]
    (found,) = find_relatives(text, 0, len(text))
    return found


def _day(iso: str) -> DateMention:
    return DateMention(
        mention=Mention(article="a", start=0, end=3, text="Tuesday"),
        start_date=iso,
        end_date=iso,
        precision="day",
    )


def test_a_count_after_parts_the_incident_counted_from() -> None:
    text = "A truce held in Nawa on Thursday, two days after fighting there killed 12 people."
    found = _one(text)
    assert (found.text, found.low, found.high) == ("two days after", 2, 2)
    assert text[found.referent[0] : found.referent[1]].strip() == "fighting there killed 12 people"
    assert found.refers(text.index("fighting")) and not found.refers(text.index("truce"))


def test_the_referent_ends_at_a_comma() -> None:
    text = "A day after gunmen stormed the post, jets struck the hills."
    found = _one(text)
    assert (found.low, found.high) == (1, 1)
    assert found.refers(text.index("stormed")) and not found.refers(text.index("struck"))


def test_hours_weeks_and_before() -> None:
    assert (_one("The raid came hours after a bomb went off.").low, 0) == (0, 0)
    assert _one("The raid came hours after a bomb went off.").high == 1
    week = _one("The raid came a week after a bomb went off.")
    assert (week.low, week.high) == (6, 8)
    before = _one("Jets struck two days before the talks opened.")
    assert (before.low, before.high) == (-2, -2)


def test_adverbs_count_from_the_text_before() -> None:
    for text, days in (
        ("A day earlier, shelling killed four.", -1),
        ("Two days later, jets struck the town.", 2),
        ("Jets struck the town the next day.", 1),
        ("The day before, a car bomb killed nine.", -1),
    ):
        found = _one(text)
        assert (found.low, found.referent) == (days, (-1, -1)), text


def test_what_is_no_relative_phrase() -> None:
    for text in (
        "Days after the attack, the town was quiet.",
        "The day after tomorrow the talks open.",
        "Jets struck the town on Tuesday.",
    ):
        assert find_relatives(text, 0, len(text)) == [], text


def test_a_named_day_dates_either_side() -> None:
    found = _one("A truce held on Thursday, two days after fighting killed 12.")
    assert counted_day(found, True, _day("2026-03-05"), PUBLISHED) == (
        "2026-03-03",
        "2026-03-03",
        "day",
    )
    assert counted_day(found, False, _day("2026-03-03"), PUBLISHED)[:2] == (
        "2026-03-05",
        "2026-03-05",
    )


def test_no_named_day_gives_a_range_of_recent_days_never_one_day() -> None:
    found = _one("The truce held, two days after fighting killed 12.")
    first, last, precision = counted_day(found, True, None, PUBLISHED)
    assert (first, last, precision) == ("2026-03-02", "2026-03-04", "week")
    later = _one("A day later, jets struck the town.")
    assert counted_day(later, False, None, PUBLISHED) == ("2026-03-05", "2026-03-06", "week")
