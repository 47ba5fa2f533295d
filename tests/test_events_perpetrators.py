"""Who did it and to whom, through the whole pipeline: perpetrators named outside the
agent role, the aircraft's owner, claims, battle sides and civilian victims."""

from __future__ import annotations

import pytest

from crosswire.model import Analysis
from pipeline_texts import analyses_by_name

pytestmark = pytest.mark.slow

TEXTS = {
    "by_clause": (
        "Airstrikes launched by the Syrian army and Russian jets killed 27 people in the town of "
        "Kafr Nubl in Idlib province on Thursday."
    ),
    "believed": (
        "The raid, believed to have been carried out by Russian jets, killed nine people "
        "including three women in the town of Khan Shaykhun in Idlib province."
    ),
    "modifier": (
        "Three children were killed on Friday in regime shelling of the town of Harasta near "
        "Damascus."
    ),
    "later_sentence": (
        "An air strike killed 11 civilians in the town of Ariha in Idlib province on Wednesday. "
        "Rescuers said the raid is suspected to have been carried out by Russian jets."
    ),
    "either": (
        "Syrian or Russian jets struck a market in the town of Ariha in Idlib province on "
        "Monday, killing 20 civilians."
    ),
    "claimed": (
        "A suicide bomber killed 20 people at a checkpoint in the city of Qamishli in Syria "
        "on Saturday. The Islamic State group claimed responsibility for the attack."
    ),
    "claimed_by_shape": (
        "A car bomb killed nine people at a checkpoint in the town of Azaz in northern Syria "
        "on Monday. Jaysh al-Fateh claimed responsibility for the attack."
    ),
    "said_it_did": (
        "A roadside bomb killed four soldiers near the town of Dael in Daraa province on "
        "Friday. The Sultan Murad Brigade said it carried out the bombing."
    ),
    "claimed_next_day": (
        "A car bomb killed eleven people in the town of Azaz in northern Syria on Monday. "
        "The Islamic State group claimed responsibility for the bombing in a statement on "
        "Tuesday."
    ),
    "clash_with": (
        "Some 22 jihadists of the Islamic State group were killed on Thursday night in clashes "
        "with Kurdish fighters close to the town of Ras al-Ain in Hasakah province."
    ),
    "people_and_children": (
        "Government air strikes killed 12 people, including five children, in the town of "
        "Douma outside Damascus on Monday."
    ),
    "fighters_dead": (
        "Government air strikes killed 12 fighters in the town of Douma outside Damascus on Monday."
    ),
    "dead_counted_later": (
        "Regime air strikes on the town of Douma outside Damascus killed 12 people on Monday. "
        "Five children and two women were among the dead, the monitor said."
    ),
    "both_sides_dead": (
        "At least 33 regime and rebel fighters were killed in three days of fighting around the "
        "town of Latamneh in Hama province, a monitor said on Friday."
    ),
    "both_sides_counted": (
        "The monitor said 30 government soldiers and 25 rebel fighters were killed in battles "
        "around the town of Kafr Nabudah in Hama province since Wednesday."
    ),
    "allies_dead": (
        "Two Russian and five Syrian soldiers were killed in clashes near the town of Mork in "
        "Hama province on Sunday."
    ),
    "its_soldiers_dead": (
        "The army said four of its soldiers were killed in an attack by Islamic State "
        "militants near the town of Palmyra in Homs province on Sunday."
    ),
    "fought_with": (
        "Clashes kill 17 Islamic State militants in Syria. Some 17 Islamic State militants were "
        "killed over three days in fighting with Kurdish fighters near the town of Amuda in "
        "Hasakah province, a monitor said."
    ),
    "captured_from": (
        "Islamic State militants stormed an army base in eastern Syria on Wednesday, capturing it"
        " from government forces after a week of fighting that cost over 90 lives, a monitor "
        "said."
    ),
    "affiliate": (
        "Al-Qaeda's Syrian affiliate Al-Nusra Front attacked the base of a rival rebel faction "
        "near the town of Atarib in Aleppo province on Thursday, leaving at least nine dead."
    ),
    "clash_with_rebels": (
        "At least 12 soldiers were killed in clashes with rebels near the town of Mork in "
        "Hama province on Sunday, a monitor said."
    ),
    "condemned": (
        "An air strike on the town of Ariha in Idlib province killed 11 civilians on Monday. "
        "The attack was condemned by the United Nations."
    ),
    "named_after_lead": (
        "Civilians were executed in a village in Aleppo province on Tuesday. The Islamic State "
        "group executed 20 civilians in the village of Tal Rifaat in Aleppo province on "
        "Tuesday, a monitor said."
    ),
    "unnamed_then_named": (
        "Terrorists executed civilians in a village in Hama province on Tuesday. Jabhat "
        "al-Nusra fighters executed 20 civilians in the village, the monitor said."
    ),
    "rebels_in_shelling": (
        "The monitor said the rebels had killed 19 civilians including five children in "
        "shelling on the city of Aleppo on Monday."
    ),
    "their_shelling": (
        "Government forces stepped up their shelling of the town of Douma outside Damascus "
        "on Monday, killing 12 civilians."
    ),
    "their_assault": (
        "Islamic State fighters launched their assault on the town of Kobani in Aleppo "
        "province on Monday, killing 12 civilians."
    ),
    "their_homes": (
        "Residents of the town of Douma outside Damascus said shelling hit their homes on "
        "Monday, killing 12 civilians."
    ),
    "rebel_group": (
        "A Syrian rebel Islamist group launched a rocket attack on residential streets in eastern"
        " Damascus on Thursday, leaving at least four people dead."
    ),
    "mines_planted_by": (
        "Mines planted by Islamic State fighters killed nine civilians near the town of Jarablus "
        "in Aleppo province, a rights group said on Friday."
    ),
    "claim_of_another_day": (
        "SANA said one person was killed on Thursday when a mortar shell hit a street in the old "
        "city of Damascus. On Monday two suicide bombers killed at least five people outside a "
        "courthouse in Damascus, an attack the Islamic State group claimed."
    ),
    "elsewhere": (
        "Government air strikes killed 12 civilians in the town of Saraqib in Idlib province "
        "on Monday. Elsewhere, three people were killed in a town in the Idlib countryside."
    ),
    "roundup": (
        "Terrorists fired rocket shells at the Midan neighbourhood in Aleppo city on Saturday, "
        "killing three civilians. Earlier, two children were killed, a police source said."
    ),
    "they_executed": (
        "Regime helicopters dropped barrel bombs on the city of Idlib on Friday, killing six "
        "civilians. Before government forces left the city they executed 15 prisoners by shooting"
        " them, the statement said."
    ),
    "based_abroad": (
        "The UK-based Syrian Observatory for Human Rights said gunmen shot dead 12 civilians "
        "at a checkpoint on Tuesday. The Syrian army said it had arrested two of the gunmen."
    ),
    "country_as_setting": (
        "Jihadists kill 19 in north Syria attack. The Islamic State group killed 19 people in an "
        "assault on three hamlets in Hama province on Tuesday, a monitor said."
    ),
    "country_fighting_kills": (
        "Syria fighting kills 41 Islamic State fighters in Hasakeh province. The monitor "
        "said the dead fell on Tuesday."
    ),
    "country_owns_strikes": (
        "Russia air strikes kill 14 in the town of Ariha in Idlib province, a monitor said on "
        "Sunday."
    ),
    "led_by": (
        "Air strikes led by the international coalition killed 17 people in the village of "
        "Tal Ahmar near Manbij in Aleppo province on Thursday."
    ),
    "held_by_group": (
        "Air strikes on the Islamic State-held town of al-Qaim near Deir Ezzor in Syria "
        "killed nine people on Friday. The Islamic State group said its fighters repelled "
        "an attack. The strikes were carried out by Russian jets, the monitor said."
    ),
    "opposition_alliance": (
        "Seven civilians were killed on Tuesday in an assault by a new opposition alliance on "
        "government-held neighbourhoods of Aleppo, Syria, a monitor said."
    ),
    "nationals_abroad": (
        "Eleven Syrian rebels were killed on Friday by a bomb at a crossing point on the border "
        "with Turkey, the monitor said."
    ),
    "rebels_as_victims": (
        "Nine rebels were killed in an explosion in the town of Rastan in Homs province on Friday"
        " while they were rigging a car bomb, the monitor said."
    ),
    "no_nationality": (
        "Six civilians were killed on Friday as terrorists shelled the Sabil neighbourhood. "
        "A Dutch photographer was among the wounded, the agency said."
    ),
    "no_place_named": (
        "Russian jets struck a crowded market on Monday, killing 14 civilians, a local medic said."
    ),
    "no_place_gunmen": (
        "Gunmen opened fire on a bus on Monday, killing six civilians, Russian officials said."
    ),
    "school_struck": (
        "Government air strikes on a school in the town of Saraqib in Syria killed nine "
        "people on Monday."
    ),
    "wedding_struck": (
        "A suicide car bomb hit a wedding in the city of Qamishli in Syria on Friday, killing 19 "
        "people and wounding dozens."
    ),
    "taken_to_hospital": (
        "Government air strikes killed nine fighters in the town of Saraqib in Syria on Monday, "
        "and the wounded were taken to a hospital."
    ),
    "people_struck": (
        "Air strikes on a village near the town of Maarat al-Numan in Idlib province killed 14 "
        "people on Tuesday, the monitor said."
    ),
    "people_and_fighters_struck": (
        "Air strikes on the town of Jisr al-Shughur in Idlib province killed 14 people on "
        "Tuesday. Six fighters of an Islamist faction were among the dead, the monitor said."
    ),
    "abbreviation_subject": (
        "The war goes on in Syria. IS militants attacked the village of Tal Tamr in Hasakah "
        "province on Monday, killing 12 Kurdish fighters."
    ),
    "abbreviation_dead": (
        "Fighters of the SDF killed 15 IS militants near the town of Tabqa in Raqqa "
        "province on Monday, the monitor said."
    ),
    "both_sides_counted_later": (
        "Heavy fighting erupted near the airbase of Tabqa in Raqqa province on Sunday. "
        '"Nine regime fighters and 14 Daesh fighters died in the assault," a monitor told '
        "reporters."
    ),
    "post_struck": (
        "The war goes on in Syria. Rebels shelled army positions around the town of Morek in "
        "Hama province on Sunday, killing three soldiers."
    ),
    "place_named_later": (
        "Russian jets struck a crowded market on Monday, killing 14 civilians in the town of "
        "Ariha in Idlib province, the monitor said."
    ),
    "blamed_for": (
        "A car bomb killed 14 people in the town of Azaz in Aleppo province on Monday. "
        "Local officials blamed the Islamic State group for the attack."
    ),
    "blamed_regime": (
        "A bomb exploded at a market in the town of Douma outside Damascus on Monday, killing "
        "nine civilians. Activists blamed the regime for the bombing."
    ),
    "accused_of": (
        "An explosion killed 12 people in the town of Azaz in Aleppo province on Monday. "
        "Kurdish officials accused the Islamic State group of carrying out the bombing."
    ),
    "claimed_bombing": (
        "A car bomb killed 14 people in the town of Azaz in Aleppo province on Monday. "
        "The Islamic State group claimed the bombing."
    ),
    "responsible": (
        "A bomb killed 14 people in the town of Azaz in Aleppo province on Monday. Activists "
        "said the Islamic State group was responsible for the attack."
    ),
    "fired_by_later": (
        "Shelling killed eight civilians in the town of Douma outside Damascus on Monday. "
        "The shells were fired by government forces, the monitor said."
    ),
    "rebel_guns_after_jets": (
        "Russian jets pounded the eastern districts of Aleppo on Tuesday, killing 12 civilians. "
        "In the west of the city, rebel shelling killed two people on Wednesday, state media said."
    ),
    "shells_by_opposition": (
        "Russian air strikes hit the east of Aleppo on Monday, killing nine civilians. On Tuesday "
        "dozens of shells fired by opposition groups landed on the western districts of the "
        "city, killing five people."
    ),
    "gunmen_after_warplanes": (
        "Regime warplanes struck the town of Douma on Monday, killing six civilians. Terrorists "
        "fired rocket shells on the Midan district of Aleppo on Tuesday, killing three civilians."
    ),
    "named_gunner_after_jets": (
        "Russian jets pounded the city of Idlib on Tuesday, killing 12 civilians. Shells fired by "
        "the Jaysh al-Islam group hit the city of Damascus on Wednesday, killing four people."
    ),
    "claimed_before": (
        "A suicide bomber killed five police officers in the town of Qamishli in Hasakah province"
        " on Monday. Nobody has said who was behind the blast, although the Islamic State group "
        "has claimed earlier bombings in the town."
    ),
    "denied": (
        "A car bomb killed 14 people in the town of Azaz in Aleppo province on Monday. The "
        "Islamic State group denied it was responsible for the attack."
    ),
    "blamed_before": (
        "A car bomb killed 14 people in the town of Azaz in Aleppo province on Monday. In 2018 "
        "France accused Damascus of that attack on Douma, and Paris has accused Moscow of "
        "covering it up."
    ),
    "aircraft_shot_down": (
        "A Russian military helicopter was shot down near the town of Kafr Nubl in Idlib province"
        " in Syria on Tuesday, killing the three crew members."
    ),
    "headline_dead_named": (
        "120 Nusra Fighters Killed near Aleppo. Army units killed 120 militants near the "
        "town of Hreitan in Aleppo province on Monday, a military source said."
    ),
    "demonym_on_a_depot": (
        "At least 30 killed in Syrian arms depot blast Rocket attacks hit the city of Homs "
        "on Thursday, killing 30 people and wounding 90, a monitor said."
    ),
    "clash_with_acronym": (
        "Nine Syrian soldiers killed in clashes with IS near Palmyra. The monitor said the men "
        "died on Friday."
    ),
    "its_fighters": (
        "A suicide bomber attacked a funeral in the village of Tal Hamis in Hasakah province in "
        "Syria on Tuesday, killing 17 people. The Islamic State group said one of its fighters "
        "had blown himself up among the mourners."
    ),
    "its_fighters_dead": (
        "A suicide bomber struck a checkpoint in the town of Azaz in Syria on Monday, killing "
        "12 people. The Islamic State group said two of its fighters were killed in clashes "
        "elsewhere."
    ),
    "headline_then_author": (
        "Nine killed in rocket attack on Syrian town. Rebels fired rockets at the town of "
        "Mhardeh in Hama province in Syria on Monday, killing nine people, a monitor said."
    ),
    "killing_without_commas": (
        "Army units carried out bombardments against positions of the terrorist groups in the "
        "village of Drousha in Syria killing scores of terrorists and destroying their weapons."
    ),
    "gunmen_claimed": (
        "Gunmen killed eight members of a family in the village of Aqrab in Hama province in "
        "Syria on Monday. The Islamic State group claimed responsibility for the attack."
    ),
    "medics_among": (
        "Three medics were among 17 people killed on Thursday in government shelling of the town "
        "of Kafr Batna east of Damascus in Syria, the monitor said."
    ),
    "rebels_said": (
        "Twelve civilians were killed on Wednesday in government air strikes on the town of Kafr "
        "Batna east of Damascus in Syria a monitor and rebels said."
    ),
    "between_with_members": (
        "The town of Tal Hadid in Aleppo province in Syria fell on Monday after two days of "
        "clashes between regime troops and rebels including fighters of Jabhat al-Nusra, the "
        "monitor said."
    ),
    "regime_dead_in_battle": (
        "At least 45 Syrian regime and rebel fighters were killed in two days of fighting in "
        "Latakia province in Syria, the monitor said on Friday."
    ),
    "its_fighter_fired_on": (
        "The Islamic State group said that one of its fighters fired on a patrol of Kurdish "
        "fighters near the town of Amuda in Hasakah province in Syria on Thursday."
    ),
    "headline_counted_dead": (
        "120 Nusra Terrorists Killed Injured near Aleppo. The monitor gave no other details on "
        "Sunday."
    ),
    "battle_named_by_its_place": (
        "Islamic State killed 200 in Syrian oil field battle: monitor. The monitor gave no "
        "other details on Sunday."
    ),
    "militants_executed": (
        "Gunmen executed 30 militants who tried to surrender in the town of Azaz in Aleppo "
        "province in Syria on Friday."
    ),
    "checkpoint_policemen": (
        "Gunmen attacked a police checkpoint in the town of Azaz in Aleppo province in Syria "
        "on Monday, killing five policemen."
    ),
    "headline_target_in_lead": (
        "Suicide Bomber Kills Four Kurdish Policemen in Northeast Syria. A suicide bomber killed "
        "four Kurdish policemen at a security post in the town of Amuda on Thursday, a security "
        "source said."
    ),
    "blamed_rebels": (
        "A car bomb killed 14 people in the town of Azaz in Aleppo province on Monday. The "
        "government blamed rebels for the attack."
    ),
    "mine_of_those_left": (
        "A girl was killed on Thursday when a landmine of those left behind by Daesh terrorists "
        "went off in the village of Tal Shair in Aleppo province in Syria."
    ),
    "attack_blamed_on": (
        "A car bomb exploded in the town of Azaz in Aleppo province in Syria on Monday, "
        "killing 12 civilians, in an attack blamed on regime forces."
    ),
    "militia_behind": (
        "An explosion killed seven people in the town of Azaz in Aleppo province in Syria on "
        "Monday. The Kurdish YPG militia was behind the bombing, officials said."
    ),
    "blamed_on_earlier": (
        "A car bomb killed 14 people in the town of Azaz in Aleppo province in Syria on "
        "Monday. Officials recalled that previous bombings in the town were blamed on regime "
        "forces."
    ),
    "according_to_police": (
        "Air strikes killed 12 civilians in the town of Saraqib in Idlib province in Syria on "
        "Monday, according to police."
    ),
    "by_on_the_wounding": (
        "At least 14 civilians were killed and dozens wounded in heavy aerial bombing of the "
        "town of Saraqib in Idlib province on Sunday by regime and Russian forces, rescuers said."
    ),
    "raids_against": (
        "US-led coalition raids against Islamic State fighters near the town of Hajin in Deir "
        "Ezzor province left at least 14 civilians dead and dozens wounded on Friday, a monitor "
        "said."
    ),
    "means_before_object": (
        "Nusra Front militants targeted with mortar rounds the old market of Homs city on "
        "Sunday, killing three civilians, a police source said."
    ),
    "aircraft_with_means": (
        "Meanwhile a Russian warplane targeted south of Ariha town in Idlib province with two "
        "airstrikes including a cluster bomb killing four civilians and wounding nine people "
        "according to a rescuer."
    ),
    "regime_among_foreign_jets": (
        "Russian jets bombed the town of Saraqib in Idlib province on Monday. A Russian "
        "aircraft also struck Ariha. Russian warplanes hit Maarat al-Numan. Regime forces "
        "shelled the town of Kafr Nubl in Idlib province on Tuesday, killing six civilians, "
        "activists said."
    ),
    "backed_by_after_side": (
        "At least 40 militants from the Islamic State group were killed overnight by Syrian "
        "troops backed by Hezbollah fighters near the border town of Arsal, a monitor said."
    ),
    "monitor_based_abroad": (
        "Talks on the war in Syria resumed in Geneva on Monday. A monitoring group based in "
        "Britain said 31 rebel fighters and 27 regime soldiers had been killed in fighting "
        "near Nawa on Sunday."
    ),
    "gerund_after_clause": (
        "The Islamic State managed to hold two oil fields east of Homs in Syria on Thursday "
        "after killing at least 25 members of the government forces, the monitor said."
    ),
    "description_named_before": (
        "At least 30 jihadists from the Nusra Front were killed by Syrian troops backed by "
        "Hezbollah fighters near Qusayr in Syria, a monitor said on Sunday. The monitor said "
        "the jihadists clashed through the night with the army near the town."
    ),
    "bomb_people": (
        "A car bomb exploded near a security headquarters in the city of Hama in Syria on "
        "Monday, killing at least seven people, a monitor said."
    ),
    "bomb_people_soldiers": (
        "A car bomb exploded at an army checkpoint in the city of Hama in Syria on Monday, "
        "killing at least seven people, among them four soldiers, a monitor said."
    ),
    "both_sides_dead_author_told": (
        "At least 60 regime and rebel fighters have been killed in a government assault near "
        "the town of Azaz in Aleppo province in Syria on Monday, a monitor said."
    ),
    "both_sides_dead_fighting_between": (
        "Fighting between the army and rebels near the town of Azaz in Aleppo province in "
        "Syria killed 30 soldiers and 25 rebels on Monday, a monitor said."
    ),
    "attacked_at_dawn_named": (
        "Fighting broke out near the town of Azaz in Aleppo province in Syria on Friday. "
        '"Al-Nusra attacked at dawn the headquarters of a rebel group near the town of Azaz" '
        "the monitor said."
    ),
    "attacked_at_dawn_the_post": (
        "IS fighters attacked at dawn an army post near the town of Azaz in Aleppo province in "
        "Syria on Friday, killing at least 11 soldiers, a monitor said."
    ),
    "killed_in_operation_by": (
        "Abu Khaled, a senior Nusra Front commander, was killed on Tuesday in a night "
        "operation carried out by government troops near the town of Morek in Hama province."
    ),
    "faced_counter_offensive_led_by": (
        "The Syrian army withdrew from the hills near Morek in Hama province on Monday as it "
        "faced a counter-offensive led by Jaysh al-Fatah."
    ),
}


@pytest.fixture(scope="module")
def analyses(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Analysis]:
    return analyses_by_name(TEXTS, tmp_path_factory.mktemp("perp"))


def sides(analysis: Analysis) -> list[tuple[str | None, str | None, tuple[str, ...]]]:
    known = {e.id: e.name for e in analysis.entities}
    return [
        (
            known.get(e.actor1 or ""),
            known.get(e.actor2 or ""),
            tuple(known.get(a, a) for a in e.assoc_actor1),
        )
        for e in analysis.events
        if e.modality == "asserted"
    ]


def first(analysis: Analysis) -> tuple[str | None, str | None, tuple[str, ...]]:
    return sides(analysis)[0]


def test_a_by_clause_on_the_event_noun_names_the_perpetrators(analyses) -> None:  # type: ignore[no-untyped-def]
    actor1, _, assoc1 = first(analyses["by_clause"])
    assert actor1 is not None and actor1.startswith("Military Forces of Syria")
    assert "Military Forces of Russia" in assoc1


def test_a_suspected_perpetrator_is_actor1(analyses) -> None:  # type: ignore[no-untyped-def]
    assert first(analyses["believed"])[0] == "Military Forces of Russia"


def test_the_event_words_own_modifier_names_the_side(analyses) -> None:  # type: ignore[no-untyped-def]
    actor1, actor2, _ = first(analyses["modifier"])
    assert actor1 is not None and actor1.startswith("Military Forces of Syria")
    assert actor2 == "Civilians (Syria)"


def test_an_air_strike_takes_the_aircraft_owner_named_later(analyses) -> None:  # type: ignore[no-untyped-def]
    actor1, actor2, _ = first(analyses["later_sentence"])
    assert actor1 == "Military Forces of Russia"
    # The victims are of the country the strike hit, not of the air force's.
    assert actor2 == "Civilians (Syria)"


def test_of_two_states_in_the_alternative_the_first_named_is_actor1(analyses) -> None:  # type: ignore[no-untyped-def]
    actor1, actor2, _ = first(analyses["either"])
    assert actor1 is not None and actor1.startswith("Military Forces of Syria")
    assert actor2 == "Civilians (Syria)"


def test_a_claim_in_another_sentence_names_the_bomber(analyses) -> None:  # type: ignore[no-untyped-def]
    assert first(analyses["claimed"])[0] == "Islamic State"


@pytest.mark.parametrize(
    ("name", "group"),
    [("claimed_by_shape", "Jaysh al-Fateh"), ("said_it_did", "Sultan Murad Brigade")],
)
def test_a_group_known_by_its_name_s_shape_that_claims_the_attack_is_actor1(  # type: ignore[no-untyped-def]
    analyses, name: str, group: str
) -> None:
    assert first(analyses[name])[0] == group


def test_clashes_with_a_side_make_it_actor1_and_the_dead_actor2(analyses) -> None:  # type: ignore[no-untyped-def]
    assert first(analyses["clash_with"])[:2] == ("People's Protection Units (YPG)", "Islamic State")


def test_people_killed_with_children_among_them_are_civilians(analyses) -> None:  # type: ignore[no-untyped-def]
    assert first(analyses["people_and_children"])[1] == "Civilians (Syria)"
    assert first(analyses["fighters_dead"])[1] != "Civilians (Syria)"


def test_the_dead_counted_in_the_next_sentence_say_they_were_civilians(analyses) -> None:  # type: ignore[no-untyped-def]
    assert first(analyses["dead_counted_later"])[1] == "Civilians (Syria)"


def test_who_condemned_an_attack_is_not_its_perpetrator(analyses) -> None:  # type: ignore[no-untyped-def]
    for actor1, _, _ in sides(analyses["condemned"]):
        assert actor1 != "United Nations"


@pytest.mark.parametrize(
    ("name", "perpetrator"),
    [("named_after_lead", "Islamic State"), ("unnamed_then_named", "Jabhat al-Nusra")],
)
def test_a_lead_told_without_its_author_takes_the_one_the_report_names(  # type: ignore[no-untyped-def]
    analyses, name: str, perpetrator: str
) -> None:
    assert first(analyses[name])[0] == perpetrator


@pytest.mark.parametrize("name", ["rebels_in_shelling", "rebel_group"])
def test_unnamed_rebels_as_the_agent_are_the_generic_rebels(analyses, name: str) -> None:  # type: ignore[no-untyped-def]
    actor1, actor2, _ = first(analyses[name])
    assert actor1 == "Opposition Rebels (Syria)"
    assert actor2 == "Civilians (Syria)"


def test_who_planted_the_mines_set_off_the_blast(analyses) -> None:  # type: ignore[no-untyped-def]
    assert first(analyses["mines_planted_by"])[:2] == ("Islamic State", "Civilians (Syria)")


def test_a_claim_told_of_another_days_attack_is_not_this_ones(analyses) -> None:  # type: ignore[no-untyped-def]
    events = [e for e in analyses["claim_of_another_day"].events if e.modality == "asserted"]
    known = {e.id: e.name for e in analyses["claim_of_another_day"].entities}
    mortars = next(e for e in events if "mortar" in e.sources[0].text)
    assert len(mortars.sources) == 1  # the suicide bombing is an incident of its own
    assert known.get(mortars.actor1 or "") != "Islamic State"
    assert mortars.fatalities == 1


def test_a_report_of_elsewhere_adds_nothing_to_the_event_before(analyses) -> None:  # type: ignore[no-untyped-def]
    strike = analyses["elsewhere"].events[0]
    assert strike.fatalities == 12
    assert len(strike.sources) == 1


def test_a_roundups_next_item_is_another_incident(analyses) -> None:  # type: ignore[no-untyped-def]
    tolls = sorted(e.fatalities or 0 for e in analyses["roundup"].events)
    assert tolls == [2, 3]


def test_an_execution_is_its_own_incident_by_the_side_they_stands_for(analyses) -> None:  # type: ignore[no-untyped-def]
    known = {e.id: e.name for e in analyses["they_executed"].entities}
    killing = next(e for e in analyses["they_executed"].events if e.fatalities == 15)
    assert len(killing.sources) == 1
    assert known[killing.actor1 or ""].startswith("Military Forces of Syria")
    assert known[killing.actor2 or ""] == "Civilians (Syria)"


def test_a_place_that_stands_for_an_actor_gives_no_nationality(analyses) -> None:  # type: ignore[no-untyped-def]
    # "UK-based" names where the monitor sits, not where the shooting was.
    # No place sets the shooting anywhere: the sides keep no nationality (the state forces
    # named elsewhere do not give them one either).
    actor1, actor2, _ = first(analyses["based_abroad"])
    assert actor1 == "Unidentified Armed Group"
    assert actor2 == "Civilians"


def test_the_means_named_nearest_the_event_word_decide_a_drone_attack() -> None:
    from crosswire.events.perpetrators import drone_only

    text = "Its aircraft destroyed drone launch sites used to attack shipping."
    assert drone_only(text, text.index("attack"))
    assert not drone_only(text, text.index("destroyed"))
    assert drone_only("A drone attack hit the ship.")
    assert not drone_only("Jets and drones struck the town.")  # no event word given


@pytest.mark.parametrize(
    ("name", "kind", "key", "side"),
    [
        ("Takfiri", "organisation", "", False),  # a label the tagger took for a name
        ("Town Gunmen Commit Massacre", "organisation", "", False),  # a headline run
        ("Union of Aid Workers", "organisation", "", False),  # an aid body
        ("Sultan Murad Brigade", "organisation", "", True),  # an armed formation
        ("Free Northern Army", "organisation", "", True),
        ("Islamic State", "rebel_group", "islamic_state", True),  # linked: the dictionary's
    ],
)
def test_an_unlinked_organisation_is_a_side_only_when_named_as_an_armed_formation(
    name: str, kind: str, key: str, side: bool
) -> None:
    from crosswire.events.roles import _no_side
    from crosswire.model import Entity

    assert _no_side(Entity(name=name, kind=kind, canonical_key=key)) is not side


def test_a_country_named_before_an_attack_noun_is_where_not_who(analyses) -> None:  # type: ignore[no-untyped-def]
    for actor1, _, _ in sides(analyses["country_as_setting"]):
        assert actor1 is None or not actor1.startswith("Military Forces of Syria")


def test_fighters_killed_in_fighting_are_not_its_attacker(analyses) -> None:  # type: ignore[no-untyped-def]
    actor1, actor2, _ = first(analyses["country_fighting_kills"])
    assert actor1 != "Islamic State" and not (actor1 or "").startswith("Military Forces of Syria")
    assert actor2 == "Islamic State"


def test_a_country_named_before_strikes_owns_them(analyses) -> None:  # type: ignore[no-untyped-def]
    assert first(analyses["country_owns_strikes"])[0] == "Military Forces of Russia"


def test_strikes_led_by_the_international_coalition_are_the_coalitions(analyses) -> None:  # type: ignore[no-untyped-def]
    assert first(analyses["led_by"])[0] == "Global Coalition Against Daesh (US-led)"


def test_an_air_strike_is_never_by_a_side_with_no_air_force(analyses) -> None:  # type: ignore[no-untyped-def]
    assert first(analyses["held_by_group"])[0] == "Military Forces of Russia"


def test_victims_get_no_nationality_from_a_bystander(analyses) -> None:  # type: ignore[no-untyped-def]
    actor1, actor2, _ = first(analyses["no_nationality"])
    assert actor2 is not None and "Netherlands" not in actor2
    assert actor1 is not None and "Netherlands" not in actor1


def test_victims_get_no_nationality_from_the_state_forces_named(analyses) -> None:  # type: ignore[no-untyped-def]
    # No place in the text: the civilians Russian jets killed are not Russian civilians.
    actor1, actor2, _ = first(analyses["no_place_named"])
    assert actor1 == "Military Forces of Russia"
    assert actor2 == "Civilians"
    actor1, actor2, _ = first(analyses["no_place_gunmen"])
    assert actor1 == "Unidentified Armed Group" and actor2 == "Civilians"
    # A place the event names gives them its country.
    assert first(analyses["place_named_later"])[1] == "Civilians (Syria)"


def test_the_dead_of_a_strike_on_a_civilian_gathering_place_are_civilians(analyses) -> None:  # type: ignore[no-untyped-def]
    assert first(analyses["school_struck"])[1] == "Civilians (Syria)"
    assert first(analyses["wedding_struck"])[1] == "Civilians (Syria)"
    # A hospital the wounded were taken to was not struck: the dead fighters are no civilians.
    assert first(analyses["taken_to_hospital"])[1] != "Civilians (Syria)"


def test_a_remote_attacks_people_dead_with_no_fighter_among_them_are_civilians(analyses) -> None:  # type: ignore[no-untyped-def]
    assert first(analyses["people_struck"])[1] == "Civilians (Syria)"
    # Fighters counted among the dead in the next sentence: no civilians are named.
    assert first(analyses["people_and_fighters_struck"])[1] != "Civilians (Syria)"


def test_the_islamic_states_abbreviation_is_read_as_the_group(analyses) -> None:  # type: ignore[no-untyped-def]
    assert first(analyses["abbreviation_subject"])[0] == "Islamic State"
    actor1, actor2, _ = first(analyses["abbreviation_dead"])
    assert actor1 == "Syrian Democratic Forces" and actor2 == "Islamic State"


def test_both_sides_dead_counted_after_the_battle_name_its_sides(analyses) -> None:  # type: ignore[no-untyped-def]
    actor1, actor2, _ = first(analyses["both_sides_counted_later"])
    assert actor1 is not None and actor1.startswith("Military Forces of Syria")
    assert actor2 == "Islamic State"


def test_the_forces_whose_post_was_struck_are_the_target(analyses) -> None:  # type: ignore[no-untyped-def]
    actor1, actor2, _ = first(analyses["post_struck"])
    assert actor1 == "Opposition Rebels (Syria)"
    assert actor2 is not None and actor2.startswith("Military Forces of Syria")


def test_an_opposition_alliance_is_the_generic_rebels(analyses) -> None:  # type: ignore[no-untyped-def]
    assert first(analyses["opposition_alliance"])[:2] == (
        "Opposition Rebels (Syria)",
        "Civilians (Syria)",
    )


def test_a_sides_own_nationality_word_keeps_its_country(analyses) -> None:  # type: ignore[no-untyped-def]
    assert first(analyses["nationals_abroad"])[1] == "Opposition Rebels (Syria)"


def test_rebels_among_the_dead_are_not_also_the_unnamed_attacker(analyses) -> None:  # type: ignore[no-untyped-def]
    actor1, actor2, _ = first(analyses["rebels_as_victims"])
    assert actor2 == "Opposition Rebels (Syria)"
    assert actor1 != actor2


def test_their_attack_is_by_the_subject_of_its_verb(analyses) -> None:  # type: ignore[no-untyped-def]
    actor1, actor2, _ = first(analyses["their_shelling"])
    assert actor1 is not None and actor1.startswith("Military Forces of Syria")
    assert actor2 == "Civilians (Syria)"
    assert first(analyses["their_assault"])[0] == "Islamic State"


def test_their_is_no_side_when_its_owner_is_no_armed_side(analyses) -> None:  # type: ignore[no-untyped-def]
    assert first(analyses["their_homes"])[0] == "Unidentified Armed Group (Syria)"


@pytest.mark.parametrize(
    ("name", "side"),
    [
        ("blamed_for", "Islamic State"),
        ("blamed_regime", "Military Forces of Syria"),
        ("accused_of", "Islamic State"),
        ("claimed_bombing", "Islamic State"),
        ("responsible", "Islamic State"),
        ("fired_by_later", "Military Forces of Syria"),
    ],
)
def test_the_side_blamed_for_or_claiming_this_attack_is_actor1(
    analyses, name: str, side: str
) -> None:  # type: ignore[no-untyped-def]
    actor1 = first(analyses[name])[0]
    assert actor1 is not None and actor1.startswith(side)


@pytest.mark.parametrize("name", ["claimed_before", "denied", "blamed_before"])
def test_earlier_claims_denials_and_other_charges_name_no_author(analyses, name: str) -> None:  # type: ignore[no-untyped-def]
    assert first(analyses[name])[0] == "Unidentified Armed Group (Syria)"


def test_whose_aircraft_was_shot_down_is_no_attacker(analyses) -> None:  # type: ignore[no-untyped-def]
    actor1, actor2, _ = first(analyses["aircraft_shot_down"])
    assert actor1 != "Military Forces of Russia"
    assert actor2 == "Military Forces of Russia"


def test_a_headline_of_dead_fighters_names_the_victims_not_the_killers(analyses) -> None:  # type: ignore[no-untyped-def]
    found = sides(analyses["headline_dead_named"])
    assert all(actor1 != "Jabhat al-Nusra" for actor1, _, _ in found)
    assert any(actor2 == "Jabhat al-Nusra" for _, actor2, _ in found)
    # "army units" are the state's forces.
    assert any(a1 and a1.startswith("Military Forces of Syria") for a1, _, _ in found)


def test_a_demonym_on_a_depot_does_not_own_the_attack(analyses) -> None:  # type: ignore[no-untyped-def]
    for actor1, _, _ in sides(analyses["demonym_on_a_depot"]):
        assert actor1 is None or not actor1.startswith("Military Forces of Syria")


def test_clashes_with_an_acronym_the_parser_misreads(analyses) -> None:  # type: ignore[no-untyped-def]
    assert first(analyses["clash_with_acronym"])[:2] == (
        "Islamic State",
        "Military Forces of Syria (2000-2024)",
    )


def test_a_group_saying_its_fighter_did_it_claims_the_attack(analyses) -> None:  # type: ignore[no-untyped-def]
    assert first(analyses["its_fighters"])[0] == "Islamic State"
    # Its own dead are no claim.
    assert first(analyses["its_fighters_dead"])[0] == "Unidentified Armed Group (Syria)"


def test_a_headline_told_without_its_author_takes_the_one_the_lead_names(analyses) -> None:  # type: ignore[no-untyped-def]
    assert first(analyses["headline_then_author"])[0] == "Opposition Rebels (Syria)"


def test_killing_hung_on_a_noun_is_by_the_clauses_side(analyses) -> None:  # type: ignore[no-untyped-def]
    for actor1, _, _ in sides(analyses["killing_without_commas"]):
        assert actor1 is not None and actor1.startswith("Military Forces of Syria")


def test_gunmen_a_claim_identifies_are_the_group_named(analyses) -> None:  # type: ignore[no-untyped-def]
    assert first(analyses["gunmen_claimed"])[:2] == ("Islamic State", "Civilians (Syria)")


@pytest.mark.parametrize("name", ["medics_among", "rebels_said"])
def test_civilians_counted_or_sources_named_leave_the_dead_civilians(analyses, name: str) -> None:  # type: ignore[no-untyped-def]
    # Medics "among the dead" are no attackers; rebels who "said" it are no dead.
    assert first(analyses[name])[1] == "Civilians (Syria)"


def test_a_group_named_with_the_second_side_is_not_the_first(analyses) -> None:  # type: ignore[no-untyped-def]
    found = [a1 for a1, _, _ in sides(analyses["between_with_members"])]
    assert "Jabhat al-Nusra" not in found


def test_the_regime_as_the_other_side_of_a_battle_is_its_forces(analyses) -> None:  # type: ignore[no-untyped-def]
    # Both sides are among the dead: the side named first is actor1 (see
    # test_a_battle_told_by_the_dead_of_both_sides_has_them_in_the_order_named); either
    # way the regime's side is its forces, not its government.
    actor1, actor2, _ = first(analyses["regime_dead_in_battle"])
    assert (actor1, actor2) == ("Military Forces of Syria (2000-2024)", "Opposition Rebels (Syria)")


def test_a_groups_own_fighter_is_the_attacker_and_whom_he_fired_on_the_target(analyses) -> None:  # type: ignore[no-untyped-def]
    found = sides(analyses["its_fighter_fired_on"])
    assert ("Islamic State", "People's Protection Units (YPG)") in [s[:2] for s in found]
    assert all(actor1 != "People's Protection Units (YPG)" for actor1, _, _ in found)


def test_a_headlines_counted_dead_are_the_victims_though_tagged_past_tense(analyses) -> None:  # type: ignore[no-untyped-def]
    actor1, actor2, _ = first(analyses["headline_counted_dead"])
    assert actor1 != "Jabhat al-Nusra"
    assert actor2 == "Jabhat al-Nusra"


def test_a_battle_named_by_its_place_is_the_killers(analyses) -> None:  # type: ignore[no-untyped-def]
    assert first(analyses["battle_named_by_its_place"])[0] == "Islamic State"


def test_armed_victims_of_an_attack_are_no_civilians(analyses) -> None:  # type: ignore[no-untyped-def]
    for _, actor2, _ in sides(analyses["militants_executed"]):
        assert actor2 != "Civilians (Syria)"


@pytest.mark.parametrize("name", ["checkpoint_policemen", "headline_target_in_lead"])
def test_the_policemen_killed_are_the_target(analyses, name: str) -> None:  # type: ignore[no-untyped-def]
    assert first(analyses[name])[1] == "Police Forces of Syria (2000-2024)"


def test_rebels_blamed_for_the_attack_are_its_author(analyses) -> None:  # type: ignore[no-untyped-def]
    assert first(analyses["blamed_rebels"])[0] == "Opposition Rebels (Syria)"


def test_a_mine_one_of_those_a_group_left_behind_is_the_groups(analyses) -> None:  # type: ignore[no-untyped-def]
    assert first(analyses["mine_of_those_left"])[:2] == ("Islamic State", "Civilians (Syria)")


def test_police_who_told_it_are_not_among_the_dead(analyses) -> None:  # type: ignore[no-untyped-def]
    assert first(analyses["according_to_police"])[1] == "Civilians (Syria)"


@pytest.mark.parametrize(
    ("name", "perpetrator"),
    [
        ("attack_blamed_on", "Military Forces of Syria (2000-2024)"),
        ("militia_behind", "People's Protection Units (YPG)"),
    ],
)
def test_a_side_the_attack_is_blamed_on_is_its_author(
    analyses, name: str, perpetrator: str
) -> None:  # type: ignore[no-untyped-def]
    assert first(analyses[name])[0] == perpetrator


def test_earlier_attacks_blamed_on_a_side_do_not_name_this_ones_author(analyses) -> None:  # type: ignore[no-untyped-def]
    assert first(analyses["blamed_on_earlier"])[0] == "Unidentified Armed Group (Syria)"


def test_a_battle_told_by_the_dead_of_both_sides_has_them_in_the_order_named(analyses) -> None:  # type: ignore[no-untyped-def]
    for name, first_side, second_side in (
        ("both_sides_dead", "Military Forces of Syria", "Opposition Rebels (Syria)"),
        ("both_sides_counted", "Military Forces of Syria", "Opposition Rebels (Syria)"),
    ):
        actor1, actor2, _ = first(analyses[name])
        assert actor1 is not None and actor1.startswith(first_side), name
        assert actor2 == second_side, name


def test_two_states_dead_together_are_not_each_others_enemy(analyses) -> None:  # type: ignore[no-untyped-def]
    actor1, actor2, _ = first(analyses["allies_dead"])
    assert not (actor1 or "").startswith("Military Forces of Russia")
    assert not (actor2 or "").startswith("Military Forces of Syria")


def test_its_soldiers_killed_are_the_forces_that_said_so_not_civilians(analyses) -> None:  # type: ignore[no-untyped-def]
    actor1, actor2, _ = first(analyses["its_soldiers_dead"])
    assert actor1 == "Islamic State"
    assert actor2 is not None and actor2.startswith("Military Forces of Syria")


def test_the_side_a_battle_was_fought_with_is_its_author(analyses) -> None:  # type: ignore[no-untyped-def]
    for actor1, actor2, _ in sides(analyses["fought_with"]):
        assert (actor1, actor2) == ("People's Protection Units (YPG)", "Islamic State")


def test_the_side_ground_was_captured_from_is_the_other_side(analyses) -> None:  # type: ignore[no-untyped-def]
    actor1, actor2, _ = first(analyses["captured_from"])
    assert actor1 == "Islamic State"
    assert actor2 is not None and actor2.startswith("Military Forces of Syria")


def test_a_groups_affiliate_named_in_apposition_is_the_side_that_acted(analyses) -> None:  # type: ignore[no-untyped-def]
    assert first(analyses["affiliate"])[0] == "Jabhat al-Nusra"


def test_unnamed_rebels_fought_with_are_the_side_that_killed(analyses) -> None:  # type: ignore[no-untyped-def]
    actor1, actor2, _ = first(analyses["clash_with_rebels"])
    assert actor1 == "Opposition Rebels (Syria)"
    assert actor2 is not None and actor2.startswith("Military Forces of Syria")


def test_a_by_phrase_hung_on_the_wounding_names_the_bombers(analyses) -> None:  # type: ignore[no-untyped-def]
    actor1, actor2, _ = first(analyses["by_on_the_wounding"])
    assert actor1 is not None and actor1.startswith("Military Forces of Syria")
    assert actor2 == "Civilians (Syria)"


def test_strikes_against_a_side_that_killed_civilians_have_the_civilians_as_target(
    analyses,
) -> None:  # type: ignore[no-untyped-def]
    actor1, actor2, _ = first(analyses["raids_against"])
    assert actor1 == "Global Coalition Against Daesh (US-led)"
    assert actor2 == "Civilians (Syria)"


def test_a_side_that_targeted_with_its_means_is_the_attacker(analyses) -> None:  # type: ignore[no-untyped-def]
    assert first(analyses["means_before_object"])[:2] == ("Jabhat al-Nusra", "Civilians (Syria)")
    assert first(analyses["aircraft_with_means"])[:2] == (
        "Military Forces of Russia",
        "Civilians (Syria)",
    )


def test_regime_forces_are_the_scenes_rulers_not_the_state_named_most(analyses) -> None:  # type: ignore[no-untyped-def]
    actor1, actor2, _ = sides(analyses["regime_among_foreign_jets"])[-1]
    assert actor1 is not None and actor1.startswith("Military Forces of Syria")
    assert actor2 == "Civilians (Syria)"


def test_a_claim_made_the_next_day_names_the_bombs_author(analyses) -> None:  # type: ignore[no-untyped-def]
    # The claim's day is the statement's: the bombing it claims is Monday's, not another.
    assert first(analyses["claimed_next_day"])[0] == "Islamic State"


def test_a_side_backed_by_another_is_the_side_not_a_backer(analyses) -> None:  # type: ignore[no-untyped-def]
    actor1, actor2, assoc1 = first(analyses["backed_by_after_side"])
    assert actor1 is not None and actor1.startswith("Military Forces of Syria")
    assert actor2 == "Islamic State"
    assert "Hezbollah" in assoc1


def test_where_a_monitor_is_based_gives_no_side_its_country(analyses) -> None:  # type: ignore[no-untyped-def]
    actor1, actor2, _ = sides(analyses["monitor_based_abroad"])[-1]
    assert actor1 == "Opposition Rebels (Syria)"
    assert actor2 is not None and actor2.startswith("Military Forces of Syria")


def test_a_gerund_after_a_clause_was_done_by_its_subject(analyses) -> None:  # type: ignore[no-untyped-def]
    actor1, actor2, _ = sides(analyses["gerund_after_clause"])[-1]
    assert actor1 == "Islamic State"
    assert actor2 is not None and actor2.startswith("Military Forces of Syria")


def test_a_description_refers_to_the_side_it_was_told_of(analyses) -> None:  # type: ignore[no-untyped-def]
    actor1, actor2, _ = sides(analyses["description_named_before"])[-1]
    assert actor1 == "Jabhat al-Nusra"
    assert actor2 is not None and actor2.startswith("Military Forces of Syria")


def test_a_bombs_dead_told_as_people_are_civilians_unless_fighters_are_counted(analyses) -> None:  # type: ignore[no-untyped-def]
    assert first(analyses["bomb_people"])[1] == "Civilians (Syria)"
    assert first(analyses["bomb_people_soldiers"])[1] == "Military Forces of Syria (2000-2024)"


@pytest.mark.parametrize(
    "name", ["both_sides_dead_author_told", "both_sides_dead_fighting_between"]
)
def test_the_other_side_of_both_sides_dead_is_actor2(analyses, name: str) -> None:  # type: ignore[no-untyped-def]
    assert first(analyses[name])[:2] == (
        "Military Forces of Syria (2000-2024)",
        "Opposition Rebels (Syria)",
    )


def test_a_past_tense_with_its_object_read_as_a_participle_keeps_its_subject(analyses) -> None:  # type: ignore[no-untyped-def]
    assert first(analyses["attacked_at_dawn_the_post"])[:2] == (
        "Islamic State",
        "Military Forces of Syria (2000-2024)",
    )
    assert {a1 for a1, _, _ in sides(analyses["attacked_at_dawn_named"])} == {"Jabhat al-Nusra"}


def _shelling_actor1(analysis: Analysis) -> str | None:
    known = {e.id: e.name for e in analysis.entities}
    shelling = next(
        e for e in analysis.events if e.sub_event_type == "Shelling/artillery/missile attack"
    )
    return known.get(shelling.actor1 or "")


@pytest.mark.parametrize(
    ("name", "gunner"),
    [
        ("rebel_guns_after_jets", "Opposition Rebels"),
        ("shells_by_opposition", "Opposition Rebels"),
        ("gunmen_after_warplanes", "Unidentified Armed Group"),
        ("named_gunner_after_jets", "Jaysh al-Islam"),
    ],
)
def test_shelling_its_own_sentence_credits_is_not_the_jets_told_before(  # type: ignore[no-untyped-def]
    analyses, name: str, gunner: str
) -> None:
    """The report's first attribution of aircraft or guns (Russian jets, regime warplanes)
    does not fire the shells its own sentence says rebels, gunmen or a named group fired."""
    actor1 = _shelling_actor1(analyses[name])
    assert actor1 is not None and actor1.startswith(gunner)


def test_who_carried_out_the_operation_a_killing_was_done_in_is_actor1(analyses) -> None:  # type: ignore[no-untyped-def]
    actor1 = first(analyses["killed_in_operation_by"])[0]
    assert actor1 is not None and actor1.startswith("Military Forces of Syria")


def test_a_led_by_phrase_the_parser_hung_elsewhere_still_names_the_attacker(analyses) -> None:  # type: ignore[no-untyped-def]
    clashes = [a for a, _, _ in sides(analyses["faced_counter_offensive_led_by"])]
    assert "Jaysh al-Fateh" in clashes
    assert not any(a and a.startswith("Unidentified") for a in clashes)
