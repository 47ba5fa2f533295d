"""A report told without a toll takes none of another incident, through the whole
pipeline: a later sentence that says it tells another incident ("In a separate attack",
"another town"), that states a day of its own other than the report's, or that tells
means the report's cannot be one act with, keeps its toll as an event of its own; one
recalled from "earlier this week" keeps it as background. A headline or lead still takes
the toll its next sentences give. Invented sentences."""

from __future__ import annotations

import pytest

from crosswire.model import Analysis, Event
from pipeline_texts import analyses_by_name

pytestmark = pytest.mark.slow

# Two opening sentences that tell no violence, so the reports below are told in the body.
_OPENING = (
    "The United Nations said aid convoys reached the province this month. "
    "Officials said talks on a ceasefire would resume in Geneva. "
)

TEXTS = {
    "earlier_this_week": _OPENING
    + (
        "Mortar rounds hit a market in the city of Homs on Saturday, the monitor said. "
        "Four people were wounded when the mortar rounds hit the market. Earlier this week, "
        "mortar rounds killed at least six people near a school in Homs."
    ),
    "separate_attack": _OPENING
    + (
        "Government jets bombed a bakery in the town of Saraqib, the monitor said. In a "
        "separate attack, government jets killed three people in Saraqib."
    ),
    "another_town": _OPENING
    + (
        "Russian air strikes hit a hospital in the town of Kafranbel, the monitor said. Air "
        "strikes killed four people in another town in the countryside."
    ),
    # A recap of the day before: "X comes a day after Y killed seven".
    "comes_a_day_after": _OPENING
    + (
        "Mortar rounds hit the Salah Eddin district of the city of Aleppo, the agency said. "
        "The shelling comes a day after rockets fired by rebels killed seven civilians in "
        "the same district."
    ),
    # Each report states its own day, and the days differ: two incidents.
    "other_day": _OPENING
    + (
        "Rebels fired rockets at a district of the city of Idlib on Saturday, the monitor "
        "said. On Thursday, rockets fired by rebels killed five people in the same district."
    ),
    # Means that cannot be one act: a suicide car bombing, then regime bombs; strikes,
    # then an execution.
    "suicide_then_bombs": _OPENING
    + (
        "Rebels attacked army posts with two suicide car bombs near the town of Saraqib, the "
        "monitor said. Four boys died when government aircraft dropped bombs on a district "
        "of Saraqib held by the opposition, the monitor said."
    ),
    "strikes_then_execution": _OPENING
    + (
        "Government jets bombed markets and mosques in the town of Saraqib, the monitor said. "
        "Before the troops left the town, they executed 12 detainees by shooting, the report "
        "added."
    ),
    # Missiles told as an air strike: one act told loosely.
    "missiles_then_strike": _OPENING
    + (
        "Cruise missiles fired by two warships hit an air base near the city of Homs, "
        "officials said. The governor said that six people were killed in the air strike on "
        "the base."
    ),
    # Its own day's toll: no other incident.
    "same_day": _OPENING
    + (
        "Mortar rounds hit a market in the city of Homs on Saturday, the monitor said. The "
        "shelling on Saturday killed two people near the market."
    ),
    # A headline with no day, then its lead with the day and the toll.
    "headline_then_lead": (
        "Mortar rounds hit a market in Homs. Mortar rounds killed two people in the market "
        "of the city on Saturday, the monitor said."
    ),
}


@pytest.fixture(scope="module")
def analyses(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Analysis]:
    return analyses_by_name(TEXTS, tmp_path_factory.mktemp("other_incident"))


def happened(analysis: Analysis) -> list[Event]:
    return [e for e in analysis.events if e.modality == "asserted" and not e.background]


def tolls(analysis: Analysis) -> list[int | None]:
    return [e.fatalities for e in happened(analysis)]


@pytest.mark.parametrize(
    ("name", "toll"),
    [
        ("separate_attack", 3),
        ("another_town", 4),
        ("other_day", 5),
        ("comes_a_day_after", 7),
        ("suicide_then_bombs", 4),
        ("strikes_then_execution", 12),
    ],
)
def test_a_report_takes_no_toll_of_another_incident(analyses, name, toll) -> None:  # type: ignore[no-untyped-def]
    assert tolls(analyses[name]) == [None, toll]


def test_an_incident_recalled_from_earlier_this_week_is_background(analyses) -> None:  # type: ignore[no-untyped-def]
    events = analyses["earlier_this_week"].events
    assert tolls(analyses["earlier_this_week"]) == [None]
    assert 6 in [e.fatalities for e in events if e.background and e.modality == "asserted"]


def test_a_report_takes_the_toll_of_its_own_day(analyses) -> None:  # type: ignore[no-untyped-def]
    assert tolls(analyses["same_day"]) == [2]


def test_a_headline_takes_the_toll_its_lead_gives(analyses) -> None:  # type: ignore[no-untyped-def]
    assert tolls(analyses["headline_then_lead"]) == [2]


def test_a_report_takes_the_toll_of_its_means_told_loosely(analyses) -> None:  # type: ignore[no-untyped-def]
    assert tolls(analyses["missiles_then_strike"]) == [6]
