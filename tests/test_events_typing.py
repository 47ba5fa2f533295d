"""Sentence-level event typing: every ACLED sub-event type, and what is not an ACLED event."""

from __future__ import annotations

import pytest

from crosswire.events import ontology as on
from crosswire.events.typer import typed_events
from crosswire.nlp import load_nlp

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return load_nlp()


def labels(nlp, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    return [event.label for sentence in doc.sents for event in typed_events(sentence)]


SENTENCES = [
    ("Soldiers and rebels exchanged fire near the border for three hours.", on.ARMED_CLASH),
    ("Militants attacked an army base in Borno, killing 20 soldiers.", on.ARMED_CLASH),
    ("The army said it had recaptured the town from the insurgents.", on.GOV_REGAINS),
    ("Rebels captured the town of Kidal on Sunday.", on.NSA_OVERTAKES),
    ("The town fell to al-Shabaab fighters on Friday.", on.NSA_OVERTAKES),
    ("Government forces used chlorine gas in an attack on the suburb.", on.CHEMICAL),
    ("Five civilians were killed in a drone strike on a wedding party.", on.AIR_STRIKE),
    ("Warplanes bombed the market in the rebel-held town.", on.AIR_STRIKE),
    ("A suicide bomber blew himself up at a checkpoint, killing four soldiers.", on.SUICIDE_BOMB),
    ("Government forces shelled the town of Tafas, killing 12 civilians.", on.SHELLING),
    ("Rockets fired from across the border landed in a village.", on.SHELLING),
    ("A roadside bomb exploded near a police patrol in Kandahar.", on.REMOTE_EXPLOSIVE),
    ("Two farmers died when their tractor hit a landmine.", on.REMOTE_EXPLOSIVE),
    ("Militants hurled a grenade at a police station.", on.GRENADE),
    ("Soldiers raped several women during a raid on the village.", on.SEXUAL_VIOLENCE),
    ("Unknown gunmen shot dead a village chief in Zamfara.", on.ATTACK),
    ("Gunmen kidnapped 20 students from their school in Kaduna.", on.ABDUCTION),
    (
        "Hundreds of teachers marched peacefully in Nairobi to demand higher pay.",
        on.PEACEFUL_PROTEST,
    ),
    ("Police fired tear gas to disperse protesters outside parliament.", on.PROTEST_INTERVENTION),
    ("Security forces opened fire on demonstrators, killing three.", on.EXCESSIVE_FORCE),
    (
        "Rioters set fire to a police station and threw stones at officers.",
        on.VIOLENT_DEMONSTRATION,
    ),
    ("A mob lynched a man suspected of stealing a goat.", on.MOB_VIOLENCE),
    ("The two sides signed a ceasefire agreement in Doha.", on.AGREEMENT),
    ("Police arrested the opposition leader in Kampala.", on.ARRESTS),
    ("The rebel group announced its merger with two other factions.", on.CHANGE_TO_GROUP),
    (
        "Bomb disposal experts defused an explosive device planted on the road.",
        on.DISRUPTED_WEAPONS,
    ),
    ("Air defences intercepted two drones over the city.", on.DISRUPTED_WEAPONS),
    ("The militia established a new base in the district.", on.HQ_ESTABLISHED),
    ("Armed men looted shops in the market overnight.", on.LOOTING),
    (
        "Government troops withdrew from the town and handed it over to local elders.",
        on.NONVIOLENT_TRANSFER,
    ),
    ("A mass grave was discovered near Sirte.", on.OTHER),
]


def test_every_sub_event_type_has_a_sentence() -> None:
    assert {label for _text, label in SENTENCES} == set(on.SUB_EVENT_TYPES)


@pytest.mark.parametrize(("text", "expected"), SENTENCES)
def test_sentence_typed_right(nlp, text: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    found = labels(nlp, text)
    assert found and found[0] == expected, found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A magnitude 6.1 earthquake struck eastern Turkey.", on.NATURAL_DISASTER),
        (
            "A fire broke out at a chemical factory in Dhaka, killing 8 workers.",
            on.MANMADE_DISASTER,
        ),
        ("Police seized two tonnes of cocaine from a drug cartel.", on.ORGANISED_CRIME),
    ],
)
def test_not_acled_events(nlp, text: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    found = labels(nlp, text)
    assert expected in found
    assert not any(on.is_acled(label) for label in found), found


def test_no_cue_no_event(nlp) -> None:  # type: ignore[no-untyped-def]
    assert labels(nlp, "The ministry published its annual budget on Monday.") == []


def test_two_events_in_one_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    found = labels(
        nlp, "Clashes erupted in Daraa, after which government forces retook the village."
    )
    assert found == [on.ARMED_CLASH, on.GOV_REGAINS]
    found = labels(nlp, "Gunmen killed five villagers near Kaduna and abducted 20 others.")
    assert set(found) == {on.ATTACK, on.ABDUCTION}


def test_casualties_belong_to_the_event_that_caused_them(nlp) -> None:  # type: ignore[no-untyped-def]
    assert labels(nlp, "Government forces shelled the town, killing 12 civilians.") == [on.SHELLING]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A "suicide" modifier on the device: the bomber dies with it (Suicide bomb).
        ("A suicide truck bomb struck the army base near the river.", on.SUICIDE_BOMB),
        (
            "Fighters detonated a suicide vehicle-borne explosive device at the gate, "
            "killing 9 guards.",
            on.SUICIDE_BOMB,
        ),
        # What an aircraft fires is an air strike, whatever the munition.
        ("Warplanes fired missiles at the market, killing six people.", on.AIR_STRIKE),
        # A chemical-weapons site as the target is no chemical attack.
        ("Jets struck a chemical weapons depot outside the city.", on.AIR_STRIKE),
        # ... but a chemical agent as the means is.
        ("Residents were attacked with poisonous gas on Tuesday.", on.CHEMICAL),
        # Demonstrators clashing with police: a violent demonstration.
        (
            "Clashes broke out between police and protesters near the square.",
            on.VIOLENT_DEMONSTRATION,
        ),
        # The report calls the demonstration violent.
        ("The rallies in the capital turned violent on Saturday.", on.VIOLENT_DEMONSTRATION),
        # "Troopers" are state forces: a capture by them regains territory.
        ("Troopers captured two insurgent camps in the hills.", on.GOV_REGAINS),
        # What is dropped falls from the air: an air strike, whatever the device.
        ("Two guards died when bombs dropped from a helicopter hit the depot.", on.AIR_STRIKE),
        ("Barrel bombs were dropped on the district, killing eight people.", on.AIR_STRIKE),
        ("Helicopters dropped explosive barrels on the suburb, killing a man.", on.AIR_STRIKE),
        # The weapon of a clause describing the attack, and a bomb set off, are its means.
        ("The attack, carried out with a car bomb, killed 12 people.", on.REMOTE_EXPLOSIVE),
        ("Gunmen set off a bomb at the entrance of the hall.", on.REMOTE_EXPLOSIVE),
        ("A fire broke out in a warehouse, killing two guards.", on.MANMADE_DISASTER),
    ],
)
def test_codebook_rules(nlp, text: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    found = labels(nlp, text)
    assert found and found[0] == expected, found


@pytest.mark.parametrize(
    "text",
    [
        "Firefighters battled the blaze at the depot for six hours.",
        "Floods destroyed dozens of homes in the valley.",
    ],
)
def test_fighting_or_destruction_by_a_disaster_is_no_conflict_event(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    found = labels(nlp, text)
    assert not {on.ARMED_CLASH, on.LOOTING} & set(found), found


def test_an_act_after_another_is_its_own_event(nlp) -> None:  # type: ignore[no-untyped-def]
    # Killing captives after taking a village is an attack beside the capture, not an abduction.
    found = labels(nlp, "The militants executed 24 villagers after capturing the hamlet.")
    assert on.ATTACK in found and on.ABDUCTION not in found, found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A bare strike of war news is typed by the weapons the report speaks of.
        ("The strikes killed nine people in the market town.", on.AIR_STRIKE),
        ("Jets circled for an hour. Later the strike on the clinic killed four.", on.AIR_STRIKE),
        ("Artillery and rockets pounded the hills. The strikes killed three herders.", on.SHELLING),
        # A raid is an air raid where the report speaks of aircraft.
        (
            "Warplanes flew over the valley. Eleven people died in raids on two hamlets.",
            on.AIR_STRIKE,
        ),
        # What a casualty verb is done by: its means.
        ("Four farmers were killed by government bombs that fell on the orchard.", on.AIR_STRIKE),
        ("Two guards were killed by a roadside bomb near the depot.", on.REMOTE_EXPLOSIVE),
        # A labour strike is a protest.
        ("Dock workers began a strike on Monday over unpaid wages.", on.PEACEFUL_PROTEST),
        ("Teachers launched a nationwide strike to demand a pay rise.", on.PEACEFUL_PROTEST),
    ],
)
def test_strike_and_raid_by_their_means(nlp, text: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    found = labels(nlp, text)
    assert found and found[-1] == expected, found


def test_a_raid_by_ground_forces_is_no_air_strike(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Warplanes bombed the north. Commandos killed two men in a raid on a farmhouse.")
    raid = list(doc.sents)[-1]
    assert on.AIR_STRIKE not in [event.label for event in typed_events(raid)]


@pytest.mark.parametrize(
    "text",
    [
        "A two-week truce collapsed on Sunday in the northern province.",
        "The ceasefire broke down after three days of calm.",
        "The militia breached the ceasefire again on Friday.",
        "The collapse of the talks surprised the mediators.",
    ],
)
def test_a_broken_truce_is_no_agreement_nor_disaster(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    found = labels(nlp, text)
    assert not {on.AGREEMENT, on.MANMADE_DISASTER} & set(found), found


def test_a_structure_collapse_is_a_disaster(nlp) -> None:  # type: ignore[no-untyped-def]
    found = labels(nlp, "An old apartment block collapsed in the port city, killing six.")
    assert on.MANMADE_DISASTER in found, found


def test_who_blames_an_attack_is_no_crowd(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Activists blamed the militia for the attack, which also wounded 14 people."
    found = labels(nlp, text)
    assert not {on.VIOLENT_DEMONSTRATION, on.PEACEFUL_PROTEST, on.PROTEST_INTERVENTION} & set(
        found
    ), found


def test_a_verb_that_needs_an_object_names_no_event_as_a_noun(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Two bombs that targeted a customs office near the old souk killed five guards."
    found = labels(nlp, text)
    assert found == [on.REMOTE_EXPLOSIVE], found
    # nor does a disaster word that names a thing
    assert not labels(nlp, "The fire station stood empty on Tuesday.")


def test_civilians_who_enter_a_town_take_no_territory(nlp) -> None:  # type: ignore[no-untyped-def]
    for text in (
        "Hundreds of displaced families entered the town on Friday.",
        "Thousands of evacuees waited at the checkpoint to enter the city.",
    ):
        assert on.NSA_OVERTAKES not in labels(nlp, text), text
    assert on.NSA_OVERTAKES in labels(nlp, "Insurgents entered the town on Friday.")


@pytest.mark.parametrize(
    "text",
    [
        "Ankara protested the shelling of its observation post.",
        "The foreign ministry lodged a protest with the ambassador on Monday.",
    ],
)
def test_a_protest_a_state_lodges_is_diplomacy(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    found = labels(nlp, text)
    assert not set(found) & {on.PEACEFUL_PROTEST, on.PROTEST_INTERVENTION}, found


def test_a_crowd_that_protests_a_decision_is_a_protest(nlp) -> None:  # type: ignore[no-untyped-def]
    found = labels(nlp, "Thousands of students protested the new fees in the capital.")
    assert on.PEACEFUL_PROTEST in found, found


@pytest.mark.parametrize(
    "text",
    [
        "Residents described the strike as the worst in months.",
        "Villagers survived the strike on the school.",
    ],
)
def test_who_saw_a_strike_did_not_go_on_strike(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert on.PEACEFUL_PROTEST not in labels(nlp, text)


def test_a_strike_staged_by_staff_is_a_protest(nlp) -> None:  # type: ignore[no-untyped-def]
    found = labels(nlp, "Nurses at the clinic staged a strike over unpaid salaries.")
    assert found == [on.PEACEFUL_PROTEST], found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The means a suicide bombing uses is part of it: one suicide bomb, no second IED.
        (
            "Two guards were injured in a suicide bombing using a car bomb at the gate.",
            [on.SUICIDE_BOMB],
        ),
        # Bombs dropped from an aircraft, the participle misparsed as a conjunct or not.
        (
            "Three nurses were killed by two bombs dropped from a helicopter on the ward.",
            [on.AIR_STRIKE],
        ),
        # A bare "bombing" in a report of aircraft is an air strike ...
        (
            "Jets circled over the valley all day. Four herders were killed in bombing near "
            "the well.",
            [on.AIR_STRIKE],
        ),
        # ... in a report of planted devices, a remote explosive.
        (
            "A car bomb went off at the crossroads. Six traders were killed in the bombing.",
            [on.REMOTE_EXPLOSIVE, on.REMOTE_EXPLOSIVE],
        ),
        # A bomb that exploded was planted, whatever else the report speaks of.
        (
            "Warplanes struck the hills. A bomb exploded on a minibus, killing a driver.",
            [on.AIR_STRIKE, on.REMOTE_EXPLOSIVE],
        ),
    ],
)
def test_explosion_sub_type_by_its_means(nlp, text: str, expected: list[str]) -> None:  # type: ignore[no-untyped-def]
    assert labels(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A chemical agent decides over the aircraft or barrel that carries it.
        ("Helicopters dropped barrels of chlorine gas on the quarter.", [on.CHEMICAL]),
        (
            "Helicopters dropped barrel bombs filled with chlorine on the town, killing three.",
            [on.CHEMICAL],
        ),
        # A suicide bomber is no bomber aircraft: the car bomb he drove is a suicide bomb.
        ("A suicide bomber drove a car bomb into the checkpoint.", [on.SUICIDE_BOMB]),
    ],
)
def test_deciding_means(nlp, text: str, expected: list[str]) -> None:  # type: ignore[no-untyped-def]
    assert labels(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A manned aircraft shot down: a fight between armed actors.
        ("Rebels shot down a government helicopter near the town.", on.ARMED_CLASH),
        # An assault fought off with the attackers killed: a battle, not a weapon disrupted.
        (
            "Troops foiled a large attack by militants near the town, killing 40 of them.",
            on.ARMED_CLASH,
        ),
        # A drone shot down, a device defused: disrupted weapons use.
        ("Troops shot down a drone over the base.", on.DISRUPTED_WEAPONS),
        ("Sappers defused a roadside bomb near the bridge.", on.DISRUPTED_WEAPONS),
    ],
)
def test_shot_down_or_foiled(nlp, text: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    found = labels(nlp, text)
    assert found and found[0] == expected, found


@pytest.mark.parametrize(
    "text",
    [
        # A military operation against a place fighters hold is a battle, not an attack.
        "Soldiers carried out a raid targeting militant hideouts near the dam, which resulted"
        " in the death of seven gunmen.",
        "The troops launched an operation targeting the positions of the insurgents on the"
        " ridge, leaving many dead.",
        # Armed men killed by an armed side, with property struck: still a battle.
        "A police unit destroyed a truck carrying militants on the highway while other"
        " militants were killed near the bridge.",
    ],
)
def test_operation_against_fighters_is_battle(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert labels(nlp, text)[:1] == [on.ARMED_CLASH]


def test_civilian_property_struck_stays_attack(nlp) -> None:  # type: ignore[no-untyped-def]
    found = labels(nlp, "Gunmen torched a farmhouse in the valley, killing two shepherds.")
    assert on.ARMED_CLASH not in found


@pytest.mark.parametrize(
    "text",
    [
        "Militants have massacred 40 soldiers taken hostage at an air base.",
        "Jihadists have brutally massacred 60 conscripts taken hostage near the dam.",
        "The insurgents have killed 30 guards taken hostage at the prison.",
        "The militants killed 12 villagers who had been kidnapped from a farm.",
        "Gunmen executed five policemen abducted last week in the north.",
        "The militants kidnapped two aid workers on Friday and later killed them.",
    ],
)
def test_captives_killed_are_an_attack_not_an_abduction(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    # ACLED keeps abduction for captures without further violence; a killing of the
    # captives is an attack, and the capture told of the victims is no event of its own.
    assert labels(nlp, text) == [on.ATTACK]
