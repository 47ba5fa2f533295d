"""Per-article event extraction: roles, places, dates, fatalities, modality, evidence."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from crosswire.events import ontology as on
from crosswire.events.extract import extract_events
from crosswire.model import (
    Analysis,
    Article,
    Corpus,
    DateMention,
    Entity,
    Event,
    Figure,
    Mention,
    Place,
)
from crosswire.nlp import load_nlp

pytestmark = pytest.mark.slow

ARTICLE = "art_test"


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return load_nlp()


def mention(text: str, needle: str, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return Mention(article=ARTICLE, start=start, end=start + len(needle), text=needle)


def entity(text: str, needle: str, name: str, kind: str, inter: int, key: str) -> Entity:
    return Entity(
        name=name,
        kind=kind,
        inter_code=inter,
        canonical_key=key,
        mentions=(mention(text, needle),),
    )


def place(text: str, needle: str, name: str, feature: str = "city", country: str = "SY") -> Place:
    return Place(
        name=name,
        geonameid=abs(hash(name)) % 10_000_000,
        country_code=country,
        feature=feature,
        mentions=(mention(text, needle),),
    )


def day(
    text: str, needle: str, start: str, end: str | None = None, precision: str = "day"
) -> DateMention:
    return DateMention(
        mention=mention(text, needle),
        start_date=start,
        end_date=end or start,
        precision=precision,  # type: ignore[arg-type]
    )


def figure(
    text: str,
    needle: str,
    value: float,
    counted: str | None,
    low: float | None = None,
    high: float | None = None,
    vague: bool = False,
) -> Figure:
    return Figure(
        mention=mention(text, needle),
        value=value,
        low=value if low is None else low,
        high=high,
        counted=counted,
        vague=vague,
    )


def article(text: str, published: str = "2026-03-04") -> Article:
    return Article(
        input_sha256="0" * 64,
        position="0",
        source="test.txt",
        format="txt",
        text=text,
        published=published,
        published_precision="day",
    )


def run(nlp, text: str, **fields) -> Analysis:  # type: ignore[no-untyped-def]
    analysis = Analysis(article=ARTICLE, **fields)
    return extract_events(nlp(text), analysis, article(text))


def names(analysis: Analysis) -> dict[str, str]:
    return {e.id: e.name for e in analysis.entities}


def only(analysis: Analysis) -> Event:
    assert len(analysis.events) == 1, analysis.events
    return analysis.events[0]


def syrian_army(text: str, needle: str) -> Entity:
    return entity(text, needle, "Military Forces of Syria", "military", 1, "mil:SY")


def test_active_voice_civilians_place_date_and_toll(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Government forces shelled the town of Tafas on Tuesday, killing 12 civilians."
    army = syrian_army(text, "Government forces")
    tafas = place(text, "Tafas", "Tafas")
    result = run(
        nlp,
        text,
        entities=(army,),
        places=(tafas,),
        dates=(day(text, "Tuesday", "2026-03-03"),),
        figures=(figure(text, "12 civilians", 12, "civilians killed"),),
    )
    event = only(result)
    assert event.event_type == on.EXPLOSIONS
    assert event.sub_event_type == on.SHELLING
    assert event.actor1 == army.id
    victims = next(e for e in result.entities if e.id == event.actor2)
    assert (victims.name, victims.kind, victims.inter_code) == ("Civilians (Syria)", "civilians", 7)
    assert event.place == tafas.id
    assert (event.date_start, event.date_end, event.date_precision) == (
        "2026-03-03",
        "2026-03-03",
        "day",
    )
    assert (event.fatalities, event.fatalities_low, event.fatalities_high) == (12, 12, None)
    assert event.fatalities_text == "12 civilians"
    assert event.modality == "asserted"
    assert event.plover == "ASSAULT"  # force used on civilians
    assert event.cameo == "19"
    assert event.sources[0].text == text
    assert (event.sources[0].start, event.sources[0].end) == (0, len(text))


def test_passive_voice(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The village of Nawa was shelled by Hayat Tahrir al-Sham on Monday."
    hts = entity(text, "Hayat Tahrir al-Sham", "Hayat Tahrir al-Sham", "rebel_group", 2, "hts")
    event = only(run(nlp, text, entities=(hts,), places=(place(text, "Nawa", "Nawa"),)))
    assert event.sub_event_type == on.SHELLING
    assert event.actor1 == hts.id


def test_backed_by_and_place_of_the_attack_not_the_origin(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Hayat Tahrir al-Sham fighters from Idlib, backed by Turkey, attacked Hama."
    hts = entity(text, "Hayat Tahrir al-Sham", "Hayat Tahrir al-Sham", "rebel_group", 2, "hts")
    turkey = entity(text, "Turkey", "Government of Turkey", "government", 1, "gov:TR")
    idlib, hama = place(text, "Idlib", "Idlib"), place(text, "Hama", "Hama")
    event = only(run(nlp, text, entities=(hts, turkey), places=(idlib, hama)))
    assert event.actor1 == hts.id
    assert event.assoc_actor1 == (turkey.id,)
    assert event.place == hama.id


def test_hyphenated_backer(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Iranian-backed militias fired rockets at a US base near Deir ez-Zor."
    iran = entity(text, "Iranian", "Government of Iran", "government", 1, "gov:IR")
    militia = entity(
        text,
        "militias",
        "Unidentified Armed Group (Syria)",
        "unidentified_armed_group",
        3,
        "uag:SY",
    )
    event = only(
        run(
            nlp, text, entities=(iran, militia), places=(place(text, "Deir ez-Zor", "Deir ez-Zor"),)
        )
    )
    assert event.sub_event_type == on.SHELLING
    assert event.actor1 == militia.id
    assert event.assoc_actor1 == (iran.id,)


def test_attacks_on_x_by_y(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Attacks on Kurdish positions by Turkish troops killed three fighters."
    sdf = entity(text, "Kurdish", "Syrian Democratic Forces", "rebel_group", 2, "sdf")
    turkey = entity(text, "Turkish troops", "Military Forces of Turkey", "military", 8, "mil:TR")
    event = only(run(nlp, text, entities=(sdf, turkey)))
    assert event.actor1 == turkey.id
    assert event.actor2 == sdf.id


def test_clash_between_two_actors(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Clashes between the army and Fano militia erupted near Gondar."
    army = entity(text, "the army", "Military Forces of Ethiopia", "military", 1, "mil:ET")
    fano = entity(text, "Fano militia", "Fano Militia", "identity_militia", 4, "fano")
    gondar = place(text, "Gondar", "Gondar", country="ET")
    event = only(run(nlp, text, entities=(army, fano), places=(gondar,)))
    assert event.sub_event_type == on.ARMED_CLASH
    assert (event.actor1, event.actor2) == (army.id, fano.id)
    assert event.place == gondar.id


def test_place_falls_back_to_the_focus_then_the_dateline(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "DERAA — Heavy clashes broke out overnight.\n\nResidents in Tafas and Tafas camp fled."
    deraa = place(text, "DERAA", "Daraa")
    tafas = Place(
        name="Tafas",
        geonameid=1,
        country_code="SY",
        feature="city",
        mentions=(mention(text, "Tafas"), mention(text, "Tafas", 1)),
    )
    # The dateline is where the reporter is; the article is about Tafas.
    assert only(run(nlp, text, places=(deraa, tafas))).place == tafas.id
    alone = "DERAA — Heavy clashes broke out overnight."
    deraa = place(alone, "DERAA", "Daraa")
    assert only(run(nlp, alone, places=(deraa,))).place == deraa.id


def test_a_foreign_dateline_is_never_the_place(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "AMMAN, Jordan (Wire) — Fighting in the southern province of Daraa killed 12 people "
        "on Tuesday.\n\nThe clashes began when troops entered Tafas. Residents of Tafas fled."
    )
    amman = place(text, "AMMAN", "Amman", country="JO")
    jordan = place(text, "Jordan", "Jordan", feature="country", country="JO")
    province = replace(place(text, "Daraa", "Daraa", feature="admin1"), admin1="Daraa")
    tafas = Place(
        name="Tafas",
        geonameid=1,
        country_code="SY",
        admin1="Daraa",
        feature="city",
        mentions=(mention(text, "Tafas"), mention(text, "Tafas", 1)),
    )
    result = run(nlp, text, places=(amman, jordan, province, tafas))
    assert result.events
    assert {e.place for e in result.events} == {tafas.id}
    victims = [e for e in result.entities if "Jordan" in e.name]
    assert victims == []


def test_the_town_the_clause_names_beats_the_dateline_town(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "DERAA — Twelve people were killed in Tuesday's fighting in the town of Tafas."
    deraa, tafas = place(text, "DERAA", "Daraa"), place(text, "Tafas", "Tafas")
    event = only(run(nlp, text, places=(deraa, tafas)))
    assert (event.sub_event_type, event.place) == (on.ARMED_CLASH, tafas.id)


def test_most_specific_place_in_the_clause(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "A roadside bomb exploded in Nawa in Daraa province."
    nawa = place(text, "Nawa", "Nawa")
    province = place(text, "Daraa province", "Daraa", feature="admin1")
    event = only(run(nlp, text, places=(province, nawa)))
    assert event.sub_event_type == on.REMOTE_EXPLOSIVE
    assert event.place == nawa.id


def test_background_event_keeps_its_own_date(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Rebels took the town of Nawa in 2019. On Tuesday the army shelled Nawa again."
    result = run(
        nlp,
        text,
        places=(place(text, "Nawa", "Nawa"),),
        dates=(
            day(text, "2019", "2019-01-01", "2019-12-31", "year"),
            day(text, "Tuesday", "2026-03-03"),
        ),
    )
    taken, shelled = result.events
    assert taken.sub_event_type == on.NSA_OVERTAKES
    assert (taken.date_start, taken.date_end, taken.date_precision) == (
        "2019-01-01",
        "2019-12-31",
        "year",
    )
    assert shelled.sub_event_type == on.SHELLING
    assert shelled.date_start == "2026-03-03"


def test_undated_event_takes_the_article_date(nlp) -> None:  # type: ignore[no-untyped-def]
    event = only(run(nlp, "Police arrested the opposition leader in Kampala."))
    assert (event.date_start, event.date_precision) == ("2026-03-04", "day")
    assert event.sub_event_type == on.ARRESTS


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("Government forces did not shell the town.", "negated"),
        ("No clashes were reported in the city.", "negated"),
        ("The army denied shelling the town.", "denied"),
        ("The Houthis threatened to attack ships in the Red Sea.", "threatened"),
        ("Opposition groups plan to protest in the capital on Friday.", "planned"),
        ("The rebels will attack the city tomorrow.", "planned"),
        ("If talks fail, the rebels could attack the city.", "hypothetical"),
        ("Witnesses said the army shelled the town.", "asserted"),
        ("Nobody attacked the convoy.", "negated"),
        ("The army is set to attack the town.", "planned"),
        ("A drone attack set the ship on fire.", "asserted"),
        ("The elders are talking about a truce.", "planned"),
        ("The rebels used drones to attack the base.", "asserted"),
    ],
)
def test_modality(nlp, text: str, modality: str) -> None:  # type: ignore[no-untyped-def]
    assert only(run(nlp, text)).modality == modality


def test_an_act_of_purpose_is_planned(nlp) -> None:  # type: ignore[no-untyped-def]
    result = run(nlp, "Troops entered the town to arrest the mayor.")
    arrest = next(e for e in result.events if e.sub_event_type == on.ARRESTS)
    assert arrest.modality == "planned"


def test_several_events_in_one_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Clashes erupted in Daraa, after which government forces retook the village."
    army = syrian_army(text, "government forces")
    result = run(nlp, text, entities=(army,), places=(place(text, "Daraa", "Daraa"),))
    assert [e.sub_event_type for e in result.events] == [on.ARMED_CLASH, on.GOV_REGAINS]
    assert result.events[1].actor1 == army.id
    assert result.events[0].sources == result.events[1].sources
    assert len({e.id for e in result.events}) == 2


def test_fatalities_from_vague_figures(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Dozens of people were killed in an air strike on the market."
    event = only(
        run(nlp, text, figures=(figure(text, "Dozens of people", 12, "people killed", vague=True),))
    )
    assert event.sub_event_type == on.AIR_STRIKE
    assert (event.fatalities, event.fatalities_low, event.fatalities_high) == (12, 12, None)
    assert event.fatalities_text == "Dozens of people"


def test_a_vague_toll_joined_to_a_tollless_report_takes_the_exact_one(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Air strikes hit the market of Tafas on Tuesday. "
        "Dozens of people were killed in the air strikes on Tafas. "
        "The monitor said 45 people were killed in the air strikes on Tafas."
    )
    tafas = place(text, "Tafas", "Tafas")
    result = run(
        nlp,
        text,
        places=(tafas,),
        figures=(
            figure(text, "Dozens of people", 12, "people killed", vague=True),
            figure(text, "45 people", 45, "people killed"),
        ),
    )
    first = result.events[0]
    assert first.sub_event_type == on.AIR_STRIKE
    assert first.fatalities == 45


def test_alternative_tolls_keep_the_lowest(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Rebels attacked the army post; some said 9 were killed, others put the toll at 15."
    figures = (
        figure(text, "9", 9, None, high=9),
        figure(text, "15", 15, None, high=15),
    )
    event = only(run(nlp, text, figures=figures))
    assert (event.fatalities, event.fatalities_low, event.fatalities_high) == (9, 9, 15)


def test_coordinated_tolls_add_up_and_wounded_do_not_count(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Militants attacked a checkpoint, killing 5 soldiers and 3 civilians and wounding 7 people."
    )
    figures = (
        figure(text, "5 soldiers", 5, "soldiers killed", high=5),
        figure(text, "3 civilians", 3, "civilians killed", high=3),
        figure(text, "7 people", 7, "people wounded", high=7),
    )
    event = only(run(nlp, text, figures=figures))
    assert event.fatalities == 8


def test_more_dead_besides_the_first_figure_add_up(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Air raids on the town killed eleven civilians, and seven others were killed."
    figures = (
        figure(text, "eleven civilians", 11, "civilians killed", high=11),
        figure(text, "seven others", 7, "others killed", high=7),
    )
    event = only(run(nlp, text, figures=figures))
    assert event.fatalities == 18


def test_not_acled_events_are_left_out(nlp) -> None:  # type: ignore[no-untyped-def]
    assert run(nlp, "A magnitude 6.1 earthquake struck eastern Turkey.").events == ()


def test_stage_fills_events(nlp) -> None:  # type: ignore[no-untyped-def]
    from crosswire.events.stage import make_events
    from crosswire.registry import StageContext

    text = "Police arrested the opposition leader in Kampala on Tuesday."
    art = article(text)
    corpus = Corpus(
        articles=(art,),
        analyses=(Analysis(article=art.id),),
        docs=((art.id, nlp(text)),),
    )
    out = make_events()(corpus, StageContext())
    assert [e.sub_event_type for e in out.analyses[0].events] == [on.ARRESTS]
    assert out.analyses[0].events[0].sources[0].article == art.id


def test_on_real_actor_and_date_output(nlp) -> None:  # type: ignore[no-untyped-def]
    from crosswire.actors import link_actors
    from crosswire.dates.find import find_dates

    text = (
        "Houthi rebels launched a drone attack on a merchant ship on Tuesday. "
        "Saudi-led coalition jets struck the port before dawn on Thursday."
    )
    doc = nlp(text)
    entities: dict[str, Entity] = {}
    for found in link_actors(doc, ARTICLE):
        known = entities.get(found.entity.id, found.entity)
        entities[found.entity.id] = replace(known, mentions=(*known.mentions, found.mention))
    analysis = Analysis(
        article=ARTICLE,
        entities=tuple(entities.values()),
        dates=tuple(find_dates(doc, ARTICLE, date(2026, 3, 6))),
    )
    result = extract_events(doc, analysis, article(text, "2026-03-06"))
    by_name = names(result)
    drone, jets = result.events
    assert drone.sub_event_type == jets.sub_event_type == on.AIR_STRIKE
    assert "Houthi" in by_name[drone.actor1 or ""]
    assert drone.date_start == "2026-03-03"
    assert jets.date_start == "2026-03-05"


def test_a_strike_that_kills_civilians_is_one_air_strike(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "When jets struck the port on Thursday, they hit warehouses, killing two civilians."
    event = only(run(nlp, text, figures=(figure(text, "two civilians", 2, "civilians killed"),)))
    assert event.sub_event_type == on.AIR_STRIKE
    assert event.fatalities == 2


def test_security_forces_detaining_people_make_arrests(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Security forces of the Kurdish-led administration detained five men in a raid in "
        "Qamishli on March 4."
    )
    administration = entity(
        text, "Kurdish-led administration", "Autonomous Administration", "rebel_group", 2, "aanes"
    )
    events = run(nlp, text, entities=(administration,)).events
    assert [e.sub_event_type for e in events] == [on.ARRESTS]


def test_sentences_adding_to_an_event_join_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Government forces clashed with rebels in Nawa on Monday. Fighters opened fire from "
        "rooftops. Some reports say 9 were killed; others put the toll at 15. In a separate "
        "incident, three people were killed in Hama on Tuesday."
    )
    nawa, hama = place(text, "Nawa", "Nawa"), place(text, "Hama", "Hama")
    figures = (
        figure(text, "9", 9, None, high=9),
        figure(text, "15", 15, None, high=15),
        figure(text, "three people", 3, "people killed", high=3),
    )
    dates = (day(text, "Monday", "2026-03-02"), day(text, "Tuesday", "2026-03-03"))
    clash, other = run(nlp, text, places=(nawa, hama), figures=figures, dates=dates).events
    assert clash.sub_event_type == on.ARMED_CLASH
    assert len(clash.sources) == 3
    assert (clash.fatalities, clash.fatalities_low, clash.fatalities_high) == (9, 9, 15)
    assert (other.place, other.date_start, other.fatalities) == (hama.id, "2026-03-03", 3)


def test_a_part_of_a_toll_is_no_toll_and_one_victim_is_one_dead(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Twelve people, among them three soldiers, were killed in clashes in Tafas."
    figures = (
        figure(text, "Twelve", 12, "people killed", high=12),
        figure(text, "three", 3, "soldiers", high=3),
    )
    assert only(run(nlp, text, figures=figures)).fatalities == 12
    protest = "A protester was killed when police fired on a march in Misrata."
    event = only(run(nlp, protest))
    assert (event.fatalities, event.fatalities_text) == (1, "A protester")


def test_dates_come_from_the_event_s_own_clause(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "A truce held in Nawa on Thursday, two days after fighting there killed 12 people."
    dates = (day(text, "Thursday", "2026-03-05"),)
    result = run(nlp, text, places=(place(text, "Nawa", "Nawa"),), dates=dates)
    fighting = next(e for e in result.events if e.sub_event_type == on.ARMED_CLASH)
    # Thursday is the truce's; the fighting lies two days before it.
    assert (fighting.date_start, fighting.date_text) == ("2026-03-03", "two days after")
    truce = next(e for e in result.events if e.sub_event_type == on.AGREEMENT)
    assert (truce.date_start, truce.date_text) == ("2026-03-05", "Thursday")


def test_background_history_habits_and_bare_mentions(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Rebels took the town of Nawa in 2019. On Tuesday the army shelled Nawa again."
    dates = (
        day(text, "2019", "2019-01-01", "2019-12-31", "year"),
        day(text, "Tuesday", "2026-03-03"),
    )
    nawa = replace(
        place(text, "Nawa", "Nawa"), mentions=(mention(text, "Nawa"), mention(text, "Nawa", 1))
    )
    taken, shelled = run(nlp, text, places=(nawa,), dates=dates).events
    assert taken.background and not shelled.background
    habit = only(run(nlp, "Their drone attacks on merchant ships invite retaliation."))
    assert habit.background
    bare = only(run(nlp, "Late on Tuesday the shelling started."))
    assert bare.background


def test_state_actors_named_by_a_common_noun_take_the_regime_of_the_date(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Government forces shelled Tafas on Tuesday."
    tafas = place(text, "Tafas", "Tafas")
    result = run(nlp, text, places=(tafas,), dates=(day(text, "Tuesday", "2026-03-03"),))
    assert names(result)[only(result).actor1 or ""] == "Military Forces of Syria (2024-)"
    old = "Government forces shelled Tafas in 2018."
    dates = (day(old, "2018", "2018-01-01", "2018-12-31", "year"),)
    result = run(nlp, old, places=(place(old, "Tafas", "Tafas"),), dates=dates)
    assert names(result)[only(result).actor1 or ""] == "Military Forces of Syria (2000-2024)"


@pytest.mark.parametrize(
    "text",
    [
        "The crew abandoned the burning vessel.",  # no territory changes hands
        "Police detained five men on March 4.",  # a month, no march
        "Seven people died, according to the health ministry.",  # no accord
    ],
)
def test_words_that_look_like_other_events(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    labels = {e.sub_event_type for e in run(nlp, text).events}
    wrong = {on.NONVIOLENT_TRANSFER, on.AGREEMENT, on.PEACEFUL_PROTEST, on.PROTEST_INTERVENTION}
    assert not labels & wrong


@pytest.mark.parametrize(
    ("opening", "actor1"),
    [
        ("Shells", "Unidentified Armed Group (Syria)"),  # an unnamed perpetrator
        ("Rebel shelling", "Opposition Rebels (Syria)"),  # unnamed rebels: the generic actor
    ],
)
def test_an_unnamed_side_of_shelling_is_a_generic_actor(  # type: ignore[no-untyped-def]
    nlp, opening: str, actor1: str
) -> None:
    text = f"{opening} hit the town of Tafas on Tuesday, killing 12 civilians."
    tafas = place(text, "Tafas", "Tafas")
    result = run(
        nlp,
        text,
        places=(tafas,),
        dates=(day(text, "Tuesday", "2026-03-03"),),
        figures=(figure(text, "12 civilians", 12, "civilians killed"),),
    )
    event = only(result)
    assert event.sub_event_type == on.SHELLING
    assert names(result)[event.actor1] == actor1


def test_an_unattributed_air_strike_keeps_no_perpetrator(nlp) -> None:  # type: ignore[no-untyped-def]
    # An armed group flies no aircraft: ACLED's generic group would be a wrong actor.
    text = "An air strike hit the town of Tafas on Tuesday, killing 12 civilians."
    tafas = place(text, "Tafas", "Tafas")
    result = run(nlp, text, places=(tafas,), dates=(day(text, "Tuesday", "2026-03-03"),))
    event = only(result)
    assert event.sub_event_type == on.AIR_STRIKE
    assert event.actor1 is None


def test_a_lead_told_only_in_its_country_takes_the_next_sentences_place(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Gunmen killed nine people in an attack on a checkpoint in northern Syria on Monday. "
        "The checkpoint stands on the road out of the village of Kafr Dael. "
        "Kafr Dael lies in Aleppo province, where fighting has raged for weeks. "
        "Earlier, shelling hit Saraqeb and Saraqeb again, wounding two."
    )
    syria = place(text, "Syria", "Syria", feature="country")
    province = replace(place(text, "Aleppo province", "Aleppo", feature="admin1"), admin1="Aleppo")
    saraqeb = Place(
        name="Saraqib",
        geonameid=2,
        country_code="SY",
        admin1="Idlib",
        feature="city",
        mentions=(mention(text, "Saraqeb"), mention(text, "Saraqeb", 1)),
    )
    result = run(nlp, text, places=(syria, province, saraqeb))
    lead = next(e for e in result.events if e.sources and e.sources[0].start == 0)
    # Saraqeb is the article's most named town, but the lead's next sentences say where.
    assert lead.place == province.id


def test_the_river_crossed_gives_way_to_the_region_named(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "An air strike killed 12 civilians as they crossed the Euphrates to flee fighting "
        "in the province of Deir Ezzor. Raqqa and Raqqa city were quiet."
    )
    river = place(text, "Euphrates", "Euphrates", feature="river", country="")
    river = replace(river, country_code=None)
    province = replace(
        place(text, "Deir Ezzor", "Deir ez-Zor", feature="admin1"), admin1="Deir ez-Zor"
    )
    raqqa = Place(
        name="Raqqa",
        geonameid=3,
        country_code="SY",
        admin1="Raqqa",
        feature="city",
        mentions=(mention(text, "Raqqa"), mention(text, "Raqqa", 1)),
    )
    result = run(nlp, text, places=(river, province, raqqa))
    strike = next(e for e in result.events if e.sub_event_type == on.AIR_STRIKE)
    assert strike.place == province.id
