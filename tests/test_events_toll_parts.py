"""Parts of an incident's dead are no toll of their own, through the whole pipeline: a
later sentence counting a group of the same dead ("Nine children were killed in the
raids") or telling them vaguely ("Dozens were killed in the raids") joins the incident
and leaves its toll alone; a part told with no whole ("Two medics were among the dead")
is no toll, except in an article's opening, where it is a lower bound. Invented
sentences."""

from __future__ import annotations

import pytest

from crosswire.model import Analysis, Event
from pipeline_texts import analyses_by_name

pytestmark = pytest.mark.slow

TEXTS = {
    "children_later": (
        "Russian jets bombed the town of Jisr al-Shughur on Sunday, killing 21 civilians. "
        "Nine children were killed in the raids, the monitor said."
    ),
    "family_later": (
        "Air strikes on the town of Kafranbel killed 16 people on Monday, the monitor said. "
        "Four members of one family were killed when a strike hit their home."
    ),
    "groups_later": (
        "Government air strikes killed 25 people in Douma on Tuesday, the monitor said. "
        "The strikes killed eight children and five women."
    ),
    "mother_later": (
        "Regime barrel bombs killed 18 people in the Aleppo district of Bustan al-Qasr on "
        "Saturday. A woman and her three children were killed when a barrel bomb hit their "
        "house."
    ),
    "vague_later": (
        "Russian air strikes on a market in the town of Ariha killed at least 12 people on "
        "Sunday, the monitor said. Dozens of civilians were killed in the raids on the "
        "market, activists said."
    ),
    "among_the_dead": (
        "Government shelling struck the town of Kafr Batna on Saturday, the monitor said. Later, "
        "the monitor said the shelling killed 9 people. Two medics were among the dead, "
        "the monitor said."
    ),
    "part_in_the_headline": (
        "Three children were among the dead after air strikes hit the town of Douma on Saturday."
    ),
    "headline_part_then_whole": (
        "Five children were among the dead after regime air strikes hit the town of Saraqib "
        "on Friday. The air strikes on Saraqib killed 14 people, including five children, "
        "the monitor said."
    ),
    # The killers are no toll: "four bombers killed three people".
    "killers": (
        "On Sunday four suicide bombers killed at least three people near a court "
        "building in the city of Hama."
    ),
    "killers_villagers": (
        "Witnesses said two gunmen killed five civilians at a checkpoint in the town of Azaz "
        "on Monday."
    ),
    # A headline without its commas: the dead, then the wounded, not killers and victims.
    "headline_dead_wounded": (
        "4 Civilians Killed 27 Injured in Mortar Attacks on Jableh. Mortar rounds fell "
        "on residential streets of the town on Wednesday, a local official said."
    ),
    # A superseded figure: the toll it was updated to counts.
    "updated_to": (
        "Shelling hit the village of Talbiseh in Homs province on Friday, a rescue group "
        "said. The group gave the shelling a first death toll of 12. This was later "
        "updated to 19 on Saturday, including seven children."
    ),
    # A part told first, then the whole count of the same incident.
    "part_first": (
        "Regime helicopters dropped barrel bombs on the village of Kafr Zita on Thursday, "
        "killing 11 children, a rescue group said. The monitor said the bombardment on "
        "Thursday killed 37 people."
    ),
    "women_first": (
        "Shelling by government forces killed six women in the town of Harasta on Monday. "
        "A local council said the shelling killed 19 civilians in all."
    ),
    # The whole told as a bare figure, with no noun of its own.
    "toll_of_first": (
        "Air strikes killed 12 children in the town of Kafranbel on Saturday, an aid agency "
        "said. The monitor reported the air strikes with a death toll of 30."
    ),
    # Not the whole of the part told first: more dead, fighters, another town or day.
    "part_first_also": (
        "Regime helicopters dropped barrel bombs on the village of Kafr Zita on Thursday, "
        "killing 11 children, a rescue group said. The monitor said the bombardment also "
        "killed 37 people."
    ),
    "part_first_fighters": (
        "Regime helicopters dropped barrel bombs on the village of Kafr Zita on Thursday, "
        "killing 11 children, a rescue group said. The monitor said the bombardment killed "
        "37 fighters."
    ),
    "part_first_other_town": (
        "Regime helicopters dropped barrel bombs on the village of Kafr Zita in Hama province "
        "on Thursday, killing 11 children. The monitor said barrel bombs on Thursday killed "
        "37 people in the city of Deir Ezzor."
    ),
    "part_first_other_target": (
        "Regime helicopters dropped barrel bombs on the village of Kafr Zita on Thursday, "
        "killing 11 children, a rescue group said. A rocket attack on a school in the "
        "village killed 37 people, the monitor said."
    ),
    "part_first_other_day": (
        "Regime helicopters dropped barrel bombs on the village of Kafr Zita on Thursday, "
        "killing 11 children, a rescue group said. On Sunday barrel bombs killed 37 people "
        "in the village, the monitor said."
    ),
    "part_first_whole_joined_later": (
        "A woman was killed and 14 others were hurt when a bomb went off on a minibus near "
        "the town of Salamiyeh on Friday. The bomb had been hidden under a seat. On Monday "
        "about 60 civilians were killed in an air strike on a market."
    ),
    # Dead besides the toll, told after a detail of the incident with no toll of its own.
    "also_fewer": (
        "Coalition jets killed at least 30 Islamic State militants around the town of "
        "Markada on Friday, a monitoring group said. Residents told the group that the jets "
        "pounded Markada for hours. Two shepherds were also killed in the strikes, the "
        "group said."
    ),
    "also_more": (
        "Coalition jets killed at least 30 Islamic State militants around the town of "
        "Markada on Friday, a monitoring group said. Residents told the group that the jets "
        "pounded Markada for hours. Forty civilians were also killed in the strikes, the "
        "group said."
    ),
    # Not parts: another day, another town, another side in a battle.
    "another_day": (
        "Rocket shells hit the Midan neighbourhood of Aleppo on Saturday, killing 12 "
        "civilians. Terrorist shelling in Aleppo on Friday killed two children."
    ),
    "elsewhere": (
        "Air strikes killed 16 people in the town of Kafranbel on Monday, the monitor said. "
        "Elsewhere, air strikes killed five women in the town of Saraqib."
    ),
    "other_side": (
        "Clashes between rebels and government forces killed 20 fighters near Aleppo on "
        "Monday. Five soldiers were killed in the fighting."
    ),
}


@pytest.fixture(scope="module")
def analyses(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Analysis]:
    return analyses_by_name(TEXTS, tmp_path_factory.mktemp("parts"))


def happened(analysis: Analysis) -> list[Event]:
    return [e for e in analysis.events if e.modality == "asserted" and not e.background]


def tolls(analysis: Analysis) -> list[int | None]:
    return [e.fatalities for e in happened(analysis)]


@pytest.mark.parametrize(
    ("name", "toll"),
    [
        ("children_later", 21),
        ("family_later", 16),
        ("groups_later", 25),
        ("mother_later", 18),
    ],
)
def test_a_later_group_of_the_same_dead_joins_the_incident(analyses, name, toll) -> None:  # type: ignore[no-untyped-def]
    assert tolls(analyses[name]) == [toll]
    assert len(happened(analyses[name])[0].sources) == 2


def test_a_vague_retelling_of_an_exact_toll_is_no_second_incident(analyses) -> None:  # type: ignore[no-untyped-def]
    assert tolls(analyses["vague_later"]) == [12]


def test_a_part_among_the_dead_is_no_toll_of_its_own(analyses) -> None:  # type: ignore[no-untyped-def]
    assert 2 not in tolls(analyses["among_the_dead"])
    assert 9 in tolls(analyses["among_the_dead"])


def test_a_part_in_the_opening_is_a_lower_bound(analyses) -> None:  # type: ignore[no-untyped-def]
    event = happened(analyses["part_in_the_headline"])[0]
    assert (event.fatalities, event.fatalities_low, event.fatalities_high) == (3, 3, None)


def test_a_part_in_the_opening_gives_way_to_the_whole(analyses) -> None:  # type: ignore[no-untyped-def]
    assert tolls(analyses["headline_part_then_whole"])[0] == 14


def test_a_count_of_killers_is_no_toll(analyses) -> None:  # type: ignore[no-untyped-def]
    event = happened(analyses["killers"])[0]
    assert event.fatalities == 3
    assert event.fatalities_text == "at least three"
    assert tolls(analyses["killers_villagers"]) == [5]


def test_a_headline_counting_dead_then_wounded_keeps_its_dead(analyses) -> None:  # type: ignore[no-untyped-def]
    assert tolls(analyses["headline_dead_wounded"])[0] == 4


def test_an_initial_toll_gives_way_to_the_one_it_was_updated_to(analyses) -> None:  # type: ignore[no-untyped-def]
    assert tolls(analyses["updated_to"]) == [19]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("another_day", [12, 2]),
        ("elsewhere", [16, 5]),
        ("other_side", [20, 5]),
    ],
)
def test_other_dead_stay_events_of_their_own(analyses, name, expected) -> None:  # type: ignore[no-untyped-def]
    assert tolls(analyses[name]) == expected


@pytest.mark.parametrize(
    ("name", "toll"), [("part_first", 37), ("women_first", 19), ("toll_of_first", 30)]
)
def test_a_part_told_first_takes_the_whole_told_next(analyses, name, toll) -> None:  # type: ignore[no-untyped-def]
    assert tolls(analyses[name]) == [toll]
    assert len(happened(analyses[name])[0].sources) == 2


@pytest.mark.parametrize(
    "name",
    [
        "part_first_also",
        "part_first_fighters",
        "part_first_other_town",
        "part_first_other_target",
        "part_first_other_day",
    ],
)
def test_a_part_told_first_keeps_its_toll_before_other_dead(analyses, name) -> None:  # type: ignore[no-untyped-def]
    assert tolls(analyses[name])[0] == 11


def test_a_part_told_first_takes_no_whole_joined_from_another_day(analyses) -> None:  # type: ignore[no-untyped-def]
    assert tolls(analyses["part_first_whole_joined_later"])[0] == 1


def test_fewer_dead_told_besides_the_toll_are_no_event_of_their_own(analyses) -> None:  # type: ignore[no-untyped-def]
    assert tolls(analyses["also_fewer"]) == [30]
    assert len(happened(analyses["also_fewer"])[0].sources) == 3


def test_more_dead_told_besides_the_toll_stay_an_event(analyses) -> None:  # type: ignore[no-untyped-def]
    assert tolls(analyses["also_more"]) == [30, 40]
