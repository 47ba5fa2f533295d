"""A day's total over many places told in the body is a tally, not an incident; an
incident's own toll in the lead stays (texts written for these tests)."""

from __future__ import annotations

import pytest

from crosswire.events import realis
from crosswire.model import Analysis
from pipeline_texts import analyses_by_name


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a total over many places, or a count split among places by name
        (
            "In total, 37 people were killed in raids that hit at least nine towns and"
            " villages across the province on Monday.",
            True,
        ),
        (
            "A total of 31 civilians died in the city and its countryside on Monday,"
            " including 11 in Bustan, 7 in Qadi Askar and 4 in Marja.",
            True,
        ),
        (
            "Two more people were killed in shelling elsewhere, one in Hama province and"
            " a second in the town of Tel Amar.",
            True,
        ),
        # one incident: a total with one place, two villages hit by one attack, a part
        ("In total, 12 people died in the strike on the bakery in Tel Amar.", False),
        ("The assault on two villages near Tel Amar killed 33 people on Monday.", False),
        ("Air strikes killed 40 in Hama province on Monday, 12 of them in Tel Amar.", False),
        # a date's day is no count
        ("Jets hit the town on May 3 in Hama and again on May 5 in Tel Amar.", False),
    ],
)
def test_a_total_over_many_places_in_the_body_rolls_up(text, expected):  # type: ignore[no-untyped-def]
    assert realis.over_places(text) is expected
    assert realis.rolls_up(text, 4, 9) is expected


def test_a_total_over_many_places_in_the_lead_stays_the_report():  # type: ignore[no-untyped-def]
    text = "In total, 37 people were killed in raids that hit nine towns across the province."
    assert realis.rolls_up(text, 0, 37) is False


TEXTS = {
    "tally": (
        "Government jets killed 14 people in a raid on the market of Tel Amar on Monday, a"
        " monitor said. Rescue teams dug through the rubble of the market for hours. Medics"
        " said many of the wounded were children. In total, 37 people were killed in raids"
        " that hit at least nine towns and villages across the province on Monday, it said."
    ),
    "incident": (
        "Air strikes killed 40 people in Hama province on Monday, a monitor said. The raids"
        " hit the market of Tel Amar as it was crowded with shoppers. Medics said many of"
        " the wounded were children."
    ),
}


@pytest.fixture(scope="module")
def analyses(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Analysis]:
    return analyses_by_name(TEXTS, tmp_path_factory.mktemp("place_tallies"))


def tolls(analysis: Analysis, modality: str) -> list[int | None]:
    return [e.fatalities for e in analysis.events if e.modality == modality]


@pytest.mark.slow
def test_a_day_total_over_many_places_is_kept_flagged(analyses) -> None:  # type: ignore[no-untyped-def]
    tally = analyses["tally"]
    assert 14 in tolls(tally, "asserted")
    assert 37 not in tolls(tally, "asserted")
    assert 37 in tolls(tally, "cumulative")


@pytest.mark.slow
def test_a_single_strikes_lead_toll_over_a_province_stays_the_incident(analyses) -> None:  # type: ignore[no-untyped-def]
    assert 40 in tolls(analyses["incident"], "asserted")
