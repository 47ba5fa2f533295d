"""Incident tolls and types: which figure is the incident's toll, and how it is typed."""

from __future__ import annotations

import pytest
from tests.test_events_extract import ARTICLE, entity, figure, only, place, run, syrian_army

from crosswire.events import ontology as on
from crosswire.figures.find import find_figures
from crosswire.model import Figure

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    from crosswire.nlp import load_nlp

    return load_nlp()


def test_a_headline_in_the_present_with_a_toll_is_no_habit(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Drone strikes kill 14 fighters near the dam"
    event = only(run(nlp, text, figures=(figure(text, "14 fighters", 14, None, high=14),)))
    assert not event.background
    assert event.fatalities == 14
    habit = only(run(nlp, "Their drone strikes on the dam invite retaliation."))
    assert habit.background


def test_the_wounded_after_a_conjunction_are_another_figure(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "A car bomb killed 26 people and injured 30 others in the square on Monday."
    figures = (
        figure(text, "26", 26, None, high=26),
        figure(text, "30", 30, None, high=30),
    )
    assert only(run(nlp, text, figures=figures)).fatalities == 26
    hurt = "A car bomb killed two and left 30 people injured in the square."
    figures = (figure(hurt, "two", 2, None, high=2), figure(hurt, "30", 30, None, high=30))
    assert only(run(nlp, hurt, figures=figures)).fatalities == 2


def test_a_share_is_no_toll(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The bombardment of the camp killed people, 40 percent of them children."
    share = Figure(
        mention=figure(text, "40 percent", 40, None).mention,
        value=40,
        low=40,
        high=40,
        unit="percent",
    )
    event = only(run(nlp, text, figures=(share,)))
    assert not event.fatalities


def test_an_attack_takes_the_means_of_a_part_of_its_toll(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Terrorist attacks killed 10 civilians in Harim on Sunday. "
        "Terrorists fired rocket shells at the market in Harim, killing 4 civilians."
    )
    harim = place(text, "Harim", "Harim")
    figures = (
        figure(text, "10 civilians", 10, "civilians killed", high=10),
        figure(text, "4 civilians", 4, "civilians killed", high=4),
    )
    first = run(nlp, text, places=(harim,), figures=figures).events[0]
    assert first.sub_event_type == on.SHELLING
    assert first.fatalities == 10


def test_clashes_and_strikes_that_kill_are_remote_violence(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Clashes and air strikes killed 20 fighters near the dam on Sunday."
    event = only(run(nlp, text, figures=(figure(text, "20 fighters", 20, None, high=20),)))
    assert event.sub_event_type == on.AIR_STRIKE
    assert event.fatalities == 20
    alone = "Clashes killed 20 fighters near the dam on Sunday."
    fight = only(run(nlp, alone, figures=(figure(alone, "20 fighters", 20, None, high=20),)))
    assert fight.sub_event_type == on.ARMED_CLASH


def test_the_agents_of_another_verb_are_not_the_dead(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "At least 30 guards were killed when two suicide bombers detonated their trucks."
    figures = (
        figure(text, "At least 30", 30, None, high=None),
        figure(text, "two", 2, None, high=2),
    )
    event = next(e for e in run(nlp, text, figures=figures).events if e.fatalities)
    assert event.fatalities == 30


def test_an_exact_figure_refines_an_open_bound(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "More than 40 soldiers were killed in the raid, and the army said 43 soldiers died."
    figures = (
        figure(text, "More than 40", 40, None, low=40, high=None),
        figure(text, "43", 43, None, high=43),
    )
    event = next(e for e in run(nlp, text, figures=figures).events if e.fatalities)
    assert event.fatalities == 43
    far = "More than 40 soldiers were killed in the raid, and the army said 90 soldiers died."
    figures = (
        figure(far, "More than 40", 40, None, low=40, high=None),
        figure(far, "90", 90, None, high=90),
    )
    event = next(e for e in run(nlp, far, figures=figures).events if e.fatalities)
    assert event.fatalities == 40  # two reports that disagree: the lowest


def test_a_part_named_again_is_no_toll_of_its_own(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Gunmen execute 6 farmers in a raid Six farmers were among at least 21 people killed"
        " in the village when gunmen stormed it."
    )
    figures = (
        figure(text, "6", 6, None, high=6),
        figure(text, "Six", 6, None, high=6),
        figure(text, "at least 21", 21, None, low=21, high=None),
    )
    event = next(e for e in run(nlp, text, figures=figures).events if e.fatalities)
    assert event.fatalities == 21


def test_the_killing_of_people_counts_the_dead(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The car bomb in the market led to the killing of four people and the injury of 30."
    figures = (figure(text, "four", 4, None, high=4), figure(text, "30", 30, None, high=30))
    event = next(e for e in run(nlp, text, figures=figures).events if e.fatalities)
    assert event.fatalities == 4


def _tolls(nlp, text: str) -> list[int | None]:  # type: ignore[no-untyped-def]
    """The events' tolls with the figures the figures stage finds in ``text``."""
    figures = tuple(find_figures(nlp(text), ARTICLE, None))
    return [e.fatalities for e in run(nlp, text, figures=figures).events]


def test_a_count_of_attacks_is_no_toll(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Rescuers said the three air raids on the village on Sunday killed 14 and wounded 30."
    assert _tolls(nlp, text) == [14]
    assert _tolls(nlp, "Four explosions killed civilians near the bakery.") == [None]


def test_a_distance_is_no_toll(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "A roadside bomb killed soldiers 40 kilometres south of the town."
    assert all(not toll for toll in _tolls(nlp, text))


def test_coordinated_victims_count_one_each(nlp) -> None:  # type: ignore[no-untyped-def]
    assert _tolls(nlp, "Masked gunmen killed a farmer and his wife in the orchard.") == [2]
    text = "The driver and his son were killed in the raid on the farm, a neighbour said."
    assert _tolls(nlp, text) == [2]
    assert _tolls(nlp, "Masked gunmen killed a farmer and wounded his wife.") == [1]


def test_the_toll_it_rose_to_supersedes_the_first(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The toll from the shelling of the market has risen to 27 dead, the monitor said,"
        " after it had first given a toll of 9."
    )
    assert _tolls(nlp, text) == [27]


def test_a_first_report_of_a_part_takes_the_whole_toll(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Four nurses killed in strike on clinic. An air strike on a clinic in the town on"
        " Tuesday killed 13 people including four nurses, rescuers said."
    )
    assert _tolls(nlp, text) == [13]
    other = (
        "Four nurses killed in strike on clinic. An air strike on a bakery in the town on"
        " Tuesday killed 13 people, rescuers said."
    )
    assert sorted(t or 0 for t in _tolls(nlp, other)) == [4, 13]  # no part named: two reports


def test_a_capitalised_number_word_still_coordinates(nlp) -> None:  # type: ignore[no-untyped-def]
    text = '"Nine army soldiers and 16 Daesh militants were killed in the raid" said Samir Khalil.'
    assert _tolls(nlp, text) == [25]


def test_a_count_of_killed_or_wounded_is_no_toll(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Shelling on the market on Tuesday left 40 people killed or wounded, medics said."
    assert _tolls(nlp, text) == [None]
    text = "The blast killed or wounded 25 workers at the plant, and 6 of them died."
    assert 25 not in _tolls(nlp, text)


def test_a_count_of_things_destroyed_is_no_toll(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The aid column was shelled on Sunday; 12 of the 40 trucks were destroyed"
        " and one driver was killed."
    )
    assert _tolls(nlp, text) == [1]


def test_a_toll_told_after_a_place_without_its_comma(nlp) -> None:  # type: ignore[no-untyped-def]
    # The tagger runs the number into the place before it and hangs the dead on "of".
    text = (
        "In Tiberton in the western province of Lanmark 11 civilians were killed in three"
        " air strikes while 30 were wounded a monitor said."
    )
    assert 11 in _tolls(nlp, text)


def test_counts_listed_around_an_aside_add_up(nlp) -> None:  # type: ignore[no-untyped-def]
    closed = (
        "Clashes have rocked the town leaving 17 civilians, including six children, and"
        " 12 fighters dead, the monitor said."
    )
    assert _tolls(nlp, closed) == [29]
    among = "The air strikes killed 12 civilians, among them four children, and seven fighters."
    assert _tolls(nlp, among) == [19]
    dashes = "Shelling left 8 civilians - including two women - and 5 soldiers dead in the town."
    assert _tolls(nlp, dashes) == [13]
    brackets = "The car bomb took the lives of 3 women (two teachers and a cook) and 2 guards."
    assert _tolls(nlp, brackets) == [5]
    part = "The air strikes killed 12 civilians (including 3 children) and 4 rebel fighters."
    assert _tolls(nlp, part) == [16]


def test_an_open_aside_goes_on_unless_fighters_follow_civilians(nlp) -> None:  # type: ignore[no-untyped-def]
    fighters = "The air strikes killed 12 civilians including four children and seven fighters."
    assert _tolls(nlp, fighters) == [19]
    women = "The air strikes killed 20 people including four children and three women."
    assert _tolls(nlp, women) == [20]
    people = "The air strikes killed 20 people including a child and three soldiers in the town."
    assert _tolls(nlp, people) == [20]


def test_a_title_case_headline_after_its_dateline_keeps_its_toll(nlp) -> None:  # type: ignore[no-untyped-def]
    # The capitals make the tagger read "Kills" as a proper noun.
    text = "Mon Jul 18 2016 Rebel Gunmen Kills 10 Guards in Night Raid Near Lanmark Dam."
    assert _tolls(nlp, text) == [10]


@pytest.mark.parametrize(
    "update",
    [
        "The monitor later raised the toll to 20.",
        "The number of dead has since climbed to 20.",
        "By Tuesday the toll stood at 20.",
        "Eight more victims died of their wounds overnight, bringing the death toll to 20.",
    ],
)
def test_a_later_toll_update_supersedes_the_first_toll(nlp, update: str) -> None:  # type: ignore[no-untyped-def]
    text = f"A car bomb killed 12 people in the town of Lanmark on Monday. {update}"
    assert _tolls(nlp, text) == [20]


def test_the_war_tally_updates_no_incident(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A car bomb killed 12 people in the town of Lanmark on Monday. The death toll since"
        " the war began has risen to 300000."
    )
    assert _tolls(nlp, text)[0] == 12


def test_a_part_told_first_in_a_run_in_headline_is_no_toll(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Six children killed in Lanmark air strikes Air strikes killed 15 people including"
        " six children in Lanmark on Monday."
    )
    assert _tolls(nlp, text) == [15]
    # A figure of other people with the same value is a toll of its own.
    other = "Shelling killed 3 soldiers and 5 civilians including 3 children in the town."
    assert _tolls(nlp, other) == [8]


def test_single_victims_listed_with_a_count_add_one_each(nlp) -> None:  # type: ignore[no-untyped-def]
    assert _tolls(nlp, "Air strikes killed six children and their mother in Lanmark.") == [7]
    assert _tolls(nlp, "Air strikes on Lanmark killed a woman and her three children.") == [4]
    wounded = "Air strikes on Lanmark killed two soldiers and a civilian and wounded a child."
    assert _tolls(nlp, wounded) == [3]


@pytest.mark.parametrize(
    ("text", "toll"),
    [
        ("The clinic recorded five deaths from the gas and 40 injuries on Tuesday.", 5),
        ("Two deaths and 17 injuries were reported after the barrels fell on Lanmark.", 2),
    ],
)
def test_a_count_of_injuries_is_no_toll(nlp, text: str, toll: int) -> None:  # type: ignore[no-untyped-def]
    assert _tolls(nlp, text) == [toll]


def test_a_count_of_places_is_no_toll(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The assault on two villages killed 11 civilians and 9 fighters near Lanmark."
    assert _tolls(nlp, text) == [20]
    text = "The assault on three hamlets killed 11 civilians and 9 fighters near Lanmark."
    assert _tolls(nlp, text) == [20]
    # People "of" a place are people.
    people = "Monitors said 12 residents of Lanmark were killed including five women by the gunmen."
    assert _tolls(nlp, people) == [12]


@pytest.mark.parametrize(
    "text",
    [
        "At least 21 civilians including six children and three women were killed in an air"
        " strike on Lanmark on Monday.",
        "Shelling of the market in Lanmark killed 21 people, of whom 9 were children.",
    ],
)
def test_every_figure_of_an_aside_is_a_part(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _tolls(nlp, text) == [21]


def test_killed_and_wounded_together_is_no_toll(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Dozens of gunmen were killed and wounded when the army shelled their base."
    assert all(not toll for toll in _tolls(nlp, text))


def test_each_clause_s_toll_goes_to_the_event_that_killed(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The rebel barrage killed 7 people in Lanmark including a woman while government"
        " air strikes and missiles launched at Torvik killed at least 56 people."
    )
    tolls = {e.sub_event_type: e.fatalities for e in _run_found(nlp, text).events}
    assert tolls == {on.SHELLING: 7, on.AIR_STRIKE: 56}


def _run_found(nlp, text: str):  # type: ignore[no-untyped-def]
    return run(nlp, text, figures=tuple(find_figures(nlp(text), ARTICLE, None)))


@pytest.mark.parametrize("gap", [", ", " "])
def test_a_headline_list_without_and_adds_up(nlp, gap: str) -> None:  # type: ignore[no-untyped-def]
    text = f"Coalition raids on Lanmark killed 14 jihadists{gap}5 civilians"
    assert _tolls(nlp, text) == [19]


def test_an_exact_figure_far_above_an_open_bound_does_not_refine_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "31 killed in Lanmark Torvik At least 19 people were killed Sunday when a truck bomb"
        " blew up outside a bakery in Lanmark."
    )
    assert _tolls(nlp, text)[0] == 19
    near = "62 soldiers killed in raid More than 60 soldiers were killed in a raid on the base."
    assert _tolls(nlp, near)[0] == 62


def test_a_toll_less_attack_takes_no_toll_another_side_caused(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Islamic State militants detonated two car bombs in Lanmark on Monday. "
        "Government air strikes hit the market in Lanmark, killing four children."
    )
    militants = entity(
        text, "Islamic State militants", "Islamic State", "rebel", 2, "islamic-state"
    )
    army = syrian_army(text, "Government")
    lanmark = place(text, "Lanmark", "Lanmark")
    figures = tuple(find_figures(nlp(text), ARTICLE, None))
    result = run(nlp, text, entities=(militants, army), places=(lanmark,), figures=figures)
    tolls = {e.actor1: e.fatalities for e in result.events}
    assert tolls == {militants.id: None, army.id: 4}


@pytest.mark.parametrize(
    "text",
    [
        "Rebels killed 10 soldiers and captured 20 others near the town on Monday.",
        "The army killed 12 militants and arrested 30 suspects in the village.",
        "Gunmen killed three guards and kidnapped 15 workers at the plant.",
    ],
)
def test_the_objects_of_another_act_joined_to_a_killing_are_no_dead(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    tolls = _tolls(nlp, text)
    assert max(t or 0 for t in tolls) in (10, 12, 3)
    assert not any(t in (20, 30, 15) for t in tolls)


def test_a_count_of_things_a_dead_man_made_is_no_toll(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Hadi killed in an airstrike in Raqqa composed several battle songs for the group."
    assert all(not toll for toll in _tolls(nlp, text))


def test_more_dead_joined_to_a_killing_still_count(nlp) -> None:  # type: ignore[no-untyped-def]
    assert _tolls(nlp, "Jets killed five civilians and left 12 others dead in the town.") == [17]
    text = "Five soldiers were killed and two others were found dead near the base."
    assert _tolls(nlp, text) == [7]


@pytest.mark.parametrize(
    "text",
    [
        "Government troops destroyed five tanks and 12 vehicles near Torvik.",
        "The army destroyed 20 terrorist vehicles near Lanmark on Monday.",
        "An army unit destroyed a vehicle carrying 12 terrorists near Torvik.",
    ],
)
def test_things_destroyed_are_no_dead(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not any(_tolls(nlp, text))


def test_a_device_neutralized_is_no_killing(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Engineers neutralized an explosive device planted on the road to Lanmark."
    assert only(_run_found(nlp, text)).sub_event_type == on.DISRUPTED_WEAPONS


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        ("The video showed the beheadings of at least 11 men near Torvik.", 11),
        ("The militants beheaded 12 soldiers in the town of Lanmark.", 12),
        ("Twenty-one people perished in the air raids on Torvik.", 21),
    ],
)
def test_beheadings_and_perishing_count_the_dead(nlp, text: str, dead: int) -> None:  # type: ignore[no-untyped-def]
    assert _tolls(nlp, text) == [dead]


def test_suicide_bombers_among_the_men_a_force_killed_tell_no_bombing(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Army units killed over 40 militants, including the suicide bombers, in Torvik."
    event = only(_run_found(nlp, text))
    assert (event.sub_event_type, event.fatalities) == (on.ARMED_CLASH, 40)
    own = "Forty people, including two suicide bombers, were killed at the market in Torvik."
    assert only(_run_found(nlp, own)).sub_event_type == on.SUICIDE_BOMB
