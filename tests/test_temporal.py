"""Date expressions resolved against an article's own date."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from spacy.language import Language

from crosswire.dates.find import date_spans, find_dates
from crosswire.model import DateMention, DatePrecision
from crosswire.nlp import load_nlp

pytestmark = pytest.mark.slow

WEDNESDAY = date(2026, 3, 4)  # the anchor of most cases: Wednesday 4 March 2026

Find = Callable[..., list[DateMention]]


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp()


@pytest.fixture(scope="module")
def dates(nlp: Language) -> Find:
    def run(
        text: str, anchor: date | None = WEDNESDAY, precision: DatePrecision = "day"
    ) -> list[DateMention]:
        return find_dates(nlp(text), "art_1", anchor, precision)

    return run


def only(found: list[DateMention]) -> tuple[str, str, str, str]:
    assert len(found) == 1, [d.mention.text for d in found]
    item = found[0]
    return item.mention.text, item.start_date, item.end_date, item.precision


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rebels attacked the town on Tuesday.", ("Tuesday", "2026-03-03", "2026-03-03", "day")),
        (
            "Fighting erupted late Tuesday near the airport.",
            ("late Tuesday", "2026-03-03", "2026-03-03", "day"),
        ),
        (
            "The convoy was hit early on Wednesday.",
            ("early on Wednesday", "2026-03-04", "2026-03-04", "day"),
        ),
        (
            "The army moved in last Thursday.",
            ("last Thursday", "2026-02-26", "2026-02-26", "day"),
        ),
        ("Shelling resumed this week.", ("this week", "2026-03-02", "2026-03-08", "week")),
        ("The envoy visited last week.", ("last week", "2026-02-23", "2026-03-01", "week")),
        ("Prices doubled last month.", ("last month", "2026-02-01", "2026-02-28", "month")),
        (
            "The siege began in late September.",
            ("late September", "2025-09-21", "2025-09-30", "month"),
        ),
        ("By mid-2019 the front had stalled.", ("mid-2019", "2019-05-01", "2019-08-31", "year")),
        ("The bridge was destroyed on March 2.", ("March 2", "2026-03-02", "2026-03-02", "day")),
        (
            "The deal was signed on March 4, 2026, in Doha.",
            ("March 4, 2026", "2026-03-04", "2026-03-04", "day"),
        ),
        ("Talks collapsed on 1 March.", ("1 March", "2026-03-01", "2026-03-01", "day")),
        ("The militia withdrew in May.", ("May", "2025-05-01", "2025-05-31", "month")),
        (
            "The group has held the valley since 2014.",
            ("since 2014", "2014-01-01", "2026-03-04", "year"),
        ),
        (
            "Ships have avoided the port since the start of the year.",
            ("since the start of the year", "2026-01-01", "2026-03-04", "month"),
        ),
        ("The town has been calm this year.", ("this year", "2026-01-01", "2026-12-31", "year")),
        ("Two drones were downed yesterday.", ("yesterday", "2026-03-03", "2026-03-03", "day")),
        (
            "Gunmen raided the camp overnight, a spokesman said.",
            ("overnight", "2026-03-03", "2026-03-04", "day"),
        ),
        (
            "An overnight raid left two guards dead.",
            ("overnight", "2026-03-03", "2026-03-04", "day"),
        ),
        (
            "Mondays raid on the camp left two guards dead.",
            ("Mondays", "2026-03-02", "2026-03-02", "day"),
        ),
        (
            "Gunmen raided the camp overnight Monday.",
            ("overnight Monday", "2026-03-02", "2026-03-02", "day"),
        ),
        ("The crossing reopened today.", ("today", "2026-03-04", "2026-03-04", "day")),
        ("Last year was the deadliest yet.", ("Last year", "2025-01-01", "2025-12-31", "year")),
        (
            "Two days ago, gunmen stormed a bank.",
            ("Two days ago", "2026-03-02", "2026-03-02", "day"),
        ),
        (
            "Protests spread over the weekend.",
            ("over the weekend", "2026-02-28", "2026-03-01", "week"),
        ),
        (
            "Clashes broke out on the night of March 3 near the port.",
            ("the night of March 3", "2026-03-03", "2026-03-03", "day"),
        ),
        ("The 2019 offensive displaced thousands.", ("2019", "2019-01-01", "2019-12-31", "year")),
        (
            "Reinforcements arrived from March 1 to March 3.",
            ("from March 1 to March 3", "2026-03-01", "2026-03-03", "week"),
        ),
        (
            "The town changed hands twice between 2014 and 2016.",
            ("between 2014 and 2016", "2014-01-01", "2016-12-31", "year"),
        ),
        (
            "The strike of 2026-02-27 killed four.",
            ("2026-02-27", "2026-02-27", "2026-02-27", "day"),
        ),
        (
            "Casualties rose in the past week.",
            ("the past week", "2026-02-25", "2026-03-04", "week"),
        ),
        ("The camp was set up in the 1990s.", ("the 1990s", "1990-01-01", "1999-12-31", "year")),
        (
            "Aid was cut three weeks ago.",
            ("three weeks ago", "2026-02-09", "2026-02-15", "week"),
        ),
        (
            "The offensive began in the first week of February.",
            ("the first week of February", "2026-02-01", "2026-02-07", "week"),
        ),
    ],
)
def test_expressions_resolve_against_the_anchor(
    dates: Find, text: str, expected: tuple[str, str, str, str]
) -> None:
    assert only(dates(text)) == expected


def test_a_weekday_in_an_article_of_that_weekday_is_the_same_day(dates: Find) -> None:
    tuesday = date(2026, 3, 3)
    assert only(dates("The strike happened on Tuesday.", tuesday))[1:3] == (
        "2026-03-03",
        "2026-03-03",
    )


def test_parts_of_a_month_are_ten_day_thirds(dates: Find) -> None:
    later = date(2026, 3, 25)
    assert only(dates("The talks stalled in early March.", later))[1:] == (
        "2026-03-01",
        "2026-03-10",
        "month",
    )
    assert only(dates("Fuel ran out in mid-March.", later))[1:3] == ("2026-03-11", "2026-03-20")


def test_late_december_in_january_is_last_year(dates: Find) -> None:
    january = date(2026, 1, 5)
    assert only(dates("The raids started in late December.", january))[1:] == (
        "2025-12-21",
        "2025-12-31",
        "month",
    )
    assert only(dates("Fighting resumed on December 30.", january))[1] == "2025-12-30"


def test_a_named_period_is_whole(dates: Find) -> None:
    assert only(dates("Hundreds fled in March."))[1:3] == ("2026-03-01", "2026-03-31")
    # "earlier": before the report's day (a Wednesday, 2026-03-04), not on it.
    assert only(dates("Shops reopened earlier this week."))[1:3] == ("2026-03-02", "2026-03-03")


def test_the_future_tense_looks_forward(dates: Find) -> None:
    assert only(dates("The talks will resume on Tuesday."))[1] == "2026-03-10"
    assert only(dates("A vote is scheduled for March 10."))[1] == "2026-03-10"
    assert only(dates("The envoy will return next week."))[1:3] == ("2026-03-09", "2026-03-15")


def test_several_dates_keep_their_offsets(dates: Find) -> None:
    text = "Rebels struck on Monday, and the army answered on 3 March."
    found = dates(text)
    assert [d.mention.text for d in found] == ["Monday", "3 March"]
    for item in found:
        assert text[item.mention.start : item.mention.end] == item.mention.text
        assert item.mention.article == "art_1"


@pytest.mark.parametrize(
    "text",
    [
        "The 1,200 fighters were ordered to leave.",
        "The boy, who is 12 years old, was wounded.",
        "Two F-16 jets flew over the city at 3 pm.",
        "The council invoked Resolution 2254 again.",
        "The ceasefire held for three days.",
        "He was arrested on Good Friday.",
        "The rebels may withdraw.",
    ],
)
def test_numbers_that_are_not_dates_are_skipped(dates: Find, text: str) -> None:
    assert dates(text) == []


def test_a_count_after_a_month_is_not_a_day(dates: Find) -> None:
    assert only(dates("In March 12 people died in the shelling."))[0] == "March"


def test_a_month_anchor_widens_relative_days(dates: Find) -> None:
    march = date(2026, 3, 1)
    assert only(dates("Gunmen attacked a checkpoint yesterday.", march, "month"))[1:] == (
        "2026-02-28",
        "2026-03-30",
        "month",
    )
    assert only(dates("The militia withdrew in May.", march, "month"))[1:] == (
        "2025-05-01",
        "2025-05-31",
        "month",
    )


def test_without_an_anchor_only_explicit_years_resolve(dates: Find) -> None:
    found = dates("On Tuesday the UN recalled the 2019 offensive and 4 March 2026.", None)
    assert [(d.mention.text, d.start_date) for d in found] == [
        ("2019", "2019-01-01"),
        ("4 March 2026", "2026-03-04"),
    ]


def test_date_spans_need_no_anchor(nlp: Language) -> None:
    text = "Since 2014, and again last week, 300 people fled."
    spans = date_spans(nlp(text))
    assert [text[s:e] for s, e in spans] == ["2014", "last week"]


def test_earlier_this_week_ends_before_the_report(dates: Find) -> None:
    friday = date(2026, 3, 6)
    assert only(dates("A truce broke down earlier this week.", friday))[1:3] == (
        "2026-03-02",
        "2026-03-05",
    )
    # Told on the period's first day, nothing lies before it: the day itself.
    monday = date(2026, 3, 2)
    assert only(dates("A truce broke down earlier this week.", monday))[1:3] == (
        "2026-03-02",
        "2026-03-02",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Talks may resume in the coming days.", ("coming days", "2026-03-04", "2026-03-11")),
        ("The roads flooded last summer.", ("last summer", "2025-06-01", "2025-08-31")),
        ("The army will withdraw next Tuesday.", ("next Tuesday", "2026-03-10", "2026-03-10")),
        ("Shops reopened earlier this month.", ("earlier this month", "2026-03-01", "2026-03-03")),
        ("Both sides agreed a truce in late 2024.", ("late 2024", "2024-09-01", "2024-12-31")),
        ("Clashes spread on March 3-4.", ("March 3-4", "2026-03-03", "2026-03-04")),
    ],
)
def test_more_relative_forms(dates: Find, text: str, expected: tuple[str, str, str]) -> None:
    assert only(dates(text))[:3] == expected


def test_the_weekend_in_a_saturday_article_is_that_weekend(dates: Find) -> None:
    saturday = date(2026, 3, 7)
    assert only(dates("Protests spread over the weekend.", saturday))[1:3] == (
        "2026-03-07",
        "2026-03-08",
    )


def test_four_digits_before_a_time_zone_are_a_clock_time(dates: Find) -> None:
    found = dates("Updated March 4 2026 1930 GMT The talks resumed in 2024.")
    assert [d.mention.text for d in found] == ["March 4 2026", "2024"]


def test_two_days_in_a_row_joined_by_and_are_one_stretch(dates: Find) -> None:
    assert only(dates("Raids on Monday and Tuesday killed 13 people.")) == (
        "Monday and Tuesday",
        "2026-03-02",
        "2026-03-03",
        "day",
    )
    # Days that are not in a row stay apart.
    found = dates("Raids on Monday and Wednesday killed 13 people.")
    assert [d.mention.text for d in found] == ["Monday", "Wednesday"]


@pytest.mark.parametrize(
    "text",
    ["The market opens on Tuesdays and Fridays.", "Fridays are quiet in the old city."],
)
def test_a_plural_weekday_is_a_habit_not_a_date(dates: Find, text: str) -> None:
    assert dates(text) == []


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        # A day of the month named alone is the latest such day on or before the anchor.
        ("A car bomb killed nine people on the 2nd, police said.", WEDNESDAY, "2026-03-02"),
        ("Shelling on the 4th killed three people.", WEDNESDAY, "2026-03-04"),
        ("Jets struck the market on the 28th, killing six.", WEDNESDAY, "2026-02-28"),
        # 31 January, February having no 31st.
        ("The convoy was ambushed on the 31st.", date(2026, 3, 2), "2026-01-31"),
    ],
)
def test_a_day_of_the_month_named_alone_counts_back_from_the_anchor(
    dates: Find, text: str, anchor: date, expected: str
) -> None:
    assert only(dates(text, anchor))[1:] == (expected, expected, "day")


@pytest.mark.parametrize(
    "text",
    [
        "Troops of the 4th Division shelled the village.",
        "A shell hit a flat on the 2nd floor of the building.",
        "The protest marked the 5th anniversary of the uprising.",
        "He finished the 3rd in the race.",
    ],
)
def test_an_ordinal_naming_a_unit_or_thing_is_no_date(dates: Find, text: str) -> None:
    assert dates(text) == []


def test_an_ordinal_day_told_in_the_future_is_the_next_one(dates: Find) -> None:
    found = only(dates("The army will open the road on the 9th, officials said."))
    assert found[1:] == ("2026-03-09", "2026-03-09", "day")


def test_a_weekday_counts_back_within_the_week_before_the_anchor(dates: Find) -> None:
    # Against a Wednesday: the Tuesday and Monday of that week, the Thursday before it.
    assert only(dates("Shelling on Tuesday killed four."))[1] == "2026-03-03"
    assert only(dates("Raids late on Monday killed four."))[:2] == ("late on Monday", "2026-03-02")
    assert only(dates("Raids on Thursday killed four."))[1] == "2026-02-26"
    # "last Wednesday" in a Wednesday article is the week before, not that day.
    assert only(dates("The envoy visited last Wednesday."))[1] == "2026-02-25"


def test_overnight_is_the_night_that_ended_on_the_anchor(dates: Find) -> None:
    assert only(dates("Jets pounded the town overnight, killing five."))[1:] == (
        "2026-03-03",
        "2026-03-04",
        "day",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"Warplanes struck the base today," the army said.', ("2026-03-03", "2026-03-04")),
        (
            "\u201cThe strike here was this morning,\u201d a resident said.",
            ("2026-03-03", "2026-03-04"),
        ),
        ('"Two shells hit the school yesterday," a teacher said.', ("2026-03-02", "2026-03-03")),
    ],
)
def test_a_day_said_inside_a_quote_may_be_the_day_before_the_article(
    dates: Find, text: str, expected: tuple[str, str]
) -> None:
    # The speaker's "today" is the day the words were said: that day or the day before.
    assert only(dates(text))[1:3] == expected


def test_a_day_in_the_narration_stays_the_article_day(dates: Find) -> None:
    assert only(dates("Warplanes struck the base today, the army said."))[1:3] == (
        "2026-03-04",
        "2026-03-04",
    )
    # A quote closed before the word leaves it to the narration.
    found = dates('"We saw the jets," he said, adding that the base was hit today.')
    assert only(found)[1:3] == ("2026-03-04", "2026-03-04")
