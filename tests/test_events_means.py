"""The means an incident is coded by: a suicide attacker or a toxic agent decides, and an
incident told twice in one article keeps the means its fuller report names."""

from __future__ import annotations

import pytest
from tests.test_events_extract import figure, mention, place, run

from crosswire.events import ontology as on
from crosswire.events.incident import by_means, joined_label
from crosswire.events.typer import typed_events
from crosswire.model import Figure


@pytest.mark.parametrize(
    ("mine", "theirs", "joined"),
    [
        (on.REMOTE_EXPLOSIVE, on.SUICIDE_BOMB, on.SUICIDE_BOMB),
        (on.AIR_STRIKE, on.CHEMICAL, on.CHEMICAL),
        (on.ATTACK, on.SHELLING, on.SHELLING),
        (on.SUICIDE_BOMB, on.REMOTE_EXPLOSIVE, on.SUICIDE_BOMB),
        (on.AIR_STRIKE, on.SHELLING, on.AIR_STRIKE),  # neither says more: the first stays
        (on.SHELLING, on.ATTACK, on.SHELLING),
        (on.ARMED_CLASH, on.AIR_STRIKE, on.ARMED_CLASH),  # a battle is never recoded
        (on.ATTACK, on.ARMED_CLASH, on.ATTACK),
    ],
)
def test_the_report_that_names_more_of_the_means_codes_the_incident(
    mine: str, theirs: str, joined: str
) -> None:
    assert joined_label(mine, theirs) == joined


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    from crosswire.nlp import load_nlp

    return load_nlp()


def _labels(nlp, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [e.label for s in nlp(text).sents for e in typed_events(s)]


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        # A toxic agent the parse ties to no event word.
        "Two children died after a gas thought to be sarin was released over the village.",
        "Nine people died in the camp, and doctors said the gas was chlorine.",
    ],
)
def test_deaths_told_with_a_toxic_agent_are_a_chemical_weapon(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert on.CHEMICAL in _labels(nlp, text)


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        # The munition or strike carries or gives off the agent: one chemical attack.
        "Rebels fired shells containing toxic materials at the Karam quarter, injuring six.",
        "Gunmen fired mortar rounds loaded with chlorine on the district, wounding nine people.",
        "Helicopters dropped barrel bombs filled with toxic gas on the town, killing four people.",
        "Air strikes that released toxic gas killed twelve people in the village on Monday.",
        # A past tense the parse hangs on the shells still fires them.
        "Earlier today gunmen from the Haq Brigade fired shells containing toxic materials "
        "on the Karam area in Aleppo causing cases of suffocation to more than 20 people.",
    ],
)
def test_a_munition_carrying_a_toxic_agent_is_one_chemical_weapon(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _labels(nlp, text) == [on.CHEMICAL]


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        # Gas cylinders fired as shells carry explosives, no toxic agent.
        "Rebels fired gas cylinders packed with explosives at the post, killing three soldiers.",
        "Residents fled toxic smoke from a fire at the fuel depot after shelling hit it.",
    ],
)
def test_gas_cylinders_and_smoke_are_no_chemical_weapon(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert on.CHEMICAL not in _labels(nlp, text)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "label"),
    [
        # A store of an agent the strike hit is the target, not the means.
        (
            "Shelling hit a warehouse where rebels stored toxic materials, killing two workers.",
            on.SHELLING,
        ),
        ("An air strike hit a depot of chlorine in the town, killing two guards.", on.AIR_STRIKE),
    ],
)
def test_a_toxic_agent_that_is_not_the_means_makes_no_chemical_weapon(
    nlp, text: str, label: str
) -> None:  # type: ignore[no-untyped-def]
    assert _labels(nlp, text) == [label]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Police fired tear gas to scatter protesters near the port.", on.PROTEST_INTERVENTION),
        ("Warplanes struck the market, killing eleven people.", on.AIR_STRIKE),
    ],
)
def test_no_toxic_agent_no_chemical_weapon(nlp, text: str, label: str) -> None:  # type: ignore[no-untyped-def]
    assert _labels(nlp, text) == [label]


@pytest.mark.slow
def test_a_blast_told_first_takes_the_suicide_bomber_of_its_report(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Deadly explosion rocks Lanmark market. "
        "Five shoppers were killed when a suicide bomber blew himself up in the market "
        "of Lanmark on Monday."
    )
    lanmark = place(text, "Lanmark market", "Lanmark")
    figures = (figure(text, "Five shoppers", 5, "civilians killed", high=5),)
    events = run(nlp, text, places=(lanmark,), figures=figures).events
    told = [e for e in events if e.fatalities == 5]
    assert [e.sub_event_type for e in told] == [on.SUICIDE_BOMB]


@pytest.mark.slow
def test_an_attack_takes_the_means_a_later_report_of_its_toll_names(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Seven people died in the attack on Lanmark, a medic said. "
        "The foreign minister called it a crime. "
        "The opposition said it would walk out of the talks. "
        "The envoy asked both sides to stay. "
        "Aid groups said the clinics were full. "
        "Seven people were killed when helicopters dropped barrels of chlorine on Lanmark."
    )
    lanmark = place(text, "Lanmark", "Lanmark")
    figures = tuple(
        Figure(mention=mention(text, "Seven people", nth), value=7, low=7, high=7, counted="killed")
        for nth in (0, 1)
    )
    first = run(nlp, text, places=(lanmark,), figures=figures).events[0]
    assert first.sub_event_type == on.CHEMICAL
    assert first.civilian_targeting


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "label"),
    [
        # The thing attacked is an armed force's: a battle, civilians among the dead or not.
        (
            "Insurgents attacked an army checkpoint outside the town, killing two farmers "
            "and seven soldiers.",
            on.ARMED_CLASH,
        ),
        ("Gunmen attacked a militia post in the valley, killing a shepherd.", on.ARMED_CLASH),
        # The thing attacked is civilians' or a place: an attack on civilians.
        ("Gunmen attacked a minibus carrying traders, killing six people.", on.ATTACK),
        ("Militants attacked the hamlet at dawn, killing eleven villagers.", on.ATTACK),
    ],
)
def test_an_attack_on_armed_men_is_a_battle(nlp, text: str, label: str) -> None:  # type: ignore[no-untyped-def]
    assert _labels(nlp, text) == [label]


def _coded(nlp, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    """Each event's label once ``incident.by_means`` has coded an Attack by its means."""
    return [by_means(e.label, e.anchor, s) for s in nlp(text).sents for e in typed_events(s)]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "label"),
    [
        # A suicide bomber is no aircraft, also where "suicide" is not said again.
        (
            "On Tuesday two suicide bombers killed six guards near the ministry in an attack "
            "the group later claimed.",
            on.SUICIDE_BOMB,
        ),
        (
            "A second bomber detonated his explosive belt at the gate of the depot, killing "
            "three guards.",
            on.SUICIDE_BOMB,
        ),
        ("The bomber blew himself up among the queue at the bakery.", on.SUICIDE_BOMB),
        # A bomber that flies stays an air strike.
        ("Heavy bombers struck the depot overnight, killing three guards.", on.AIR_STRIKE),
    ],
)
def test_a_bomber_who_sets_off_his_bomb_is_a_suicide_bombing(nlp, text: str, label: str) -> None:  # type: ignore[no-untyped-def]
    coded = _coded(nlp, text)
    assert label in coded
    assert not {on.AIR_STRIKE, on.SUICIDE_BOMB} - {label} & set(coded)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "label"),
    [
        # A strike by a side that fights from the air, its means not told: an air strike.
        (
            "The Israeli military struck a militia base in the south, killing three fighters.",
            on.AIR_STRIKE,
        ),
        ("Israel struck a weapons convoy near the border crossing.", on.AIR_STRIKE),
        ("The coalition hit militant positions near the dam.", on.AIR_STRIKE),
        ("Russian forces destroyed a command post of the militants near the city.", on.AIR_STRIKE),
        # A place misread as the subject of the killing makes no second event.
        (
            "The Israeli army has struck a militia base in the Golan Heights killing three "
            "fighters as a result, local media reported.",
            on.AIR_STRIKE,
        ),
        # Men on the ground, or fighting told: no air strike.
        ("Israeli troops clashed with gunmen and struck their positions.", on.ARMED_CLASH),
        ("Rebels struck an army post on the edge of the district.", on.ARMED_CLASH),
        ("The rebel coalition struck army positions south of the city.", on.ARMED_CLASH),
    ],
)
def test_a_strike_by_an_air_power_is_an_air_strike(nlp, text: str, label: str) -> None:  # type: ignore[no-untyped-def]
    assert _labels(nlp, text) == [label]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "label"),
    [
        # An armed side's men, arms and posts destroyed in a fight: no property destruction.
        (
            "Army units destroyed a mortar base and several vehicles of the insurgents.",
            on.ARMED_CLASH,
        ),
        (
            "The army killed 11 militants and destroyed their positions near the airport.",
            on.ARMED_CLASH,
        ),
        ("Army Units Kill 9 Gunmen Destroy Their Hideouts in the North.", on.ARMED_CLASH),
        ("The army destroyed 60 terrorists and their vehicles in the countryside.", on.ARMED_CLASH),
        # Mines or IEDs destroyed are cleared.
        (
            "Security forces have destroyed 40 mines and 12 improvised explosive devices "
            "during their operation in the north.",
            on.DISRUPTED_WEAPONS,
        ),
        # A loss told with no doer is part of the strike the sentence tells.
        (
            "The lorry was hit by a guided missile and its trailer was destroyed, a witness said.",
            on.SHELLING,
        ),
        # Homes and shops destroyed: property destruction.
        ("Militants destroyed three houses and a church in the village.", on.LOOTING),
        ("Troops bulldozed homes in the village.", on.LOOTING),
    ],
)
def test_destroying_a_foes_arms_or_posts_is_fighting(nlp, text: str, label: str) -> None:  # type: ignore[no-untyped-def]
    assert _labels(nlp, text) == [label]


def test_a_chemical_attack_told_apart_does_not_recode_the_strike_that_gives_the_toll() -> None:
    assert joined_label(on.CHEMICAL, on.AIR_STRIKE, told_apart=True) == on.AIR_STRIKE
    assert joined_label(on.CHEMICAL, on.SHELLING, told_apart=True) == on.SHELLING
    # Told as one act ("dropped a barrel of chlorine, killing four"): the agent decides.
    assert joined_label(on.CHEMICAL, on.AIR_STRIKE) == on.CHEMICAL
    assert joined_label(on.SUICIDE_BOMB, on.REMOTE_EXPLOSIVE, told_apart=True) == on.SUICIDE_BOMB


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Nine worshippers died when two bombers blew themselves up inside a mosque in Korvel.",
        "Two attackers blew themselves up at the gate of the depot, killing six guards.",
        "A bomber wearing an explosive belt killed six guests at the hall in Korvel.",
        "A car bomb driven by a suicide attacker exploded near the depot, killing nine.",
    ],
)
def test_an_attacker_who_dies_with_the_device_is_a_suicide_bomb(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _labels(nlp, text) == [on.SUICIDE_BOMB]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "labels"),
    [
        (
            "Ten killed in Korvel bombardment Ten people died on Monday in an air raid on the "
            "square of Korvel, a monitor said.",
            [on.AIR_STRIKE],
        ),
        # Listed beside the strikes, or alone, a bombardment is shelling.
        ("Ten people died in air strikes and bombardment on Korvel.", [on.AIR_STRIKE, on.SHELLING]),
        ("Ten people died in the bombardment of Korvel on Monday.", [on.SHELLING]),
    ],
)
def test_a_bare_bombardment_takes_the_air_strikes_of_its_sentence(nlp, text: str, labels) -> None:  # type: ignore[no-untyped-def]
    assert _labels(nlp, text) == labels


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "label"),
    [
        # "By" aircraft the parse hangs off the bombardment's place or the verb it is under.
        ("Most of the dead were killed in the bombardment of Lanmark and Tovil by jets.",
         on.AIR_STRIKE),
        ("Six farmers died in Tovil, which has been under heavy bombardment by warplanes for "
         "days.", on.AIR_STRIKE),
        # By guns or by a ground force: shelling.
        ("Six farmers died in the shelling of the village by army units.", on.SHELLING),
        ("Tovil came under heavy shelling by artillery on Monday.", on.SHELLING),
    ],
)  # fmt: skip
def test_a_bombardment_by_aircraft_is_an_air_strike(nlp, text: str, label: str) -> None:  # type: ignore[no-untyped-def]
    assert label in _labels(nlp, text)
    assert not {on.AIR_STRIKE, on.SHELLING} - {label} & set(_labels(nlp, text))


@pytest.mark.slow
def test_of_two_means_in_one_sentence_the_one_that_killed_codes_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "A car bomb followed by a barrage of rockets killed 14 people in Lanmark on Monday."
    lanmark = place(text, "Lanmark", "Lanmark")
    figures = (figure(text, "14 people", 14, "killed", high=14),)
    events = run(nlp, text, places=(lanmark,), figures=figures).events
    assert [e.sub_event_type for e in events if e.fatalities == 14] == [on.REMOTE_EXPLOSIVE]
