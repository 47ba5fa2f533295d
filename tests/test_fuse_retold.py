"""An article's incident told twice (headline, then body) is joined after fusion
(``crosswire.crosscheck.retold``); texts are the tests' own."""

from __future__ import annotations

from dataclasses import replace

from crosscheck_fixtures import (
    ARMY,
    DARAA_PROVINCE,
    ISLAMIC_STATE,
    MILITIA,
    MUZAYRIB,
    QAMISHLI,
    TAFAS,
    article,
    event,
    stated_dates,
)
from crosswire.crosscheck.retold import _seat_of
from crosswire.model import Analysis, Article, Corpus, Entity, Event, Place
from crosswire.registry import StageContext, get

SHELLING = {"sub_event_type": "Shelling/artillery/missile attack",
            "event_type": "Explosions/Remote violence", "actor2": None}  # fmt: skip
UNNAMED = Entity(name="Unidentified Armed Group (Syria)", kind="unidentified_armed_group")
LEAD = "Army shelling kills nine in Daraa province."
BODY = "Army shells hit the town of Tafas on Tuesday, killing nine people."


def _told_as_attack(report: Event) -> Event:
    """A killing the events stage coded by the shelling told around it: fusion compares
    it as told (an Attack), so fusion alone keeps it apart from the headline's shelling."""
    return replace(report, reported_type="Attack")


RUSSIA = Entity(name="Military Forces of Russia", kind="military", inter_code=1, country_code="RU")


def _fused(
    art: Article,
    events: list[Event],
    places: tuple[Place, ...] = (TAFAS, MUZAYRIB, DARAA_PROVINCE, QAMISHLI),
) -> list[Event]:
    analysis = Analysis(article=art.id, events=tuple(events),
                        entities=(ARMY, ISLAMIC_STATE, UNNAMED, RUSSIA),
                        places=places, dates=stated_dates(art, events))  # fmt: skip
    corpus = Corpus(articles=(art,), analyses=(analysis,))
    return list(get("fuse").factory()(corpus, StageContext()).events)


def _lead_and_body(body: str, **body_fields: object) -> list[Event]:
    art = article("retold", f"{LEAD} {body}")
    lead = event(art, LEAD, place=DARAA_PROVINCE, day="2026-03-04", fatalities=9, **SHELLING)  # type: ignore[arg-type]
    fields = {"place": TAFAS, "day": "2026-03-03", "fatalities": 9, **SHELLING, **body_fields}
    return _fused(art, [lead, _told_as_attack(event(art, body, **fields))])  # type: ignore[arg-type]


def test_a_headline_and_the_body_telling_one_shelling_are_one_event() -> None:
    [joined] = _lead_and_body(BODY)
    assert joined.place == TAFAS.id  # the finer place
    assert joined.date_start == "2026-03-03" and joined.date_text == "Tuesday"  # the stated day
    assert joined.fatalities == 9
    assert len(joined.sources) == 2


def test_the_body_giving_no_toll_still_joins_the_headline_that_gives_it() -> None:
    [joined] = _lead_and_body("Army shells hit the town of Tafas on Tuesday.", fatalities=None)
    assert joined.fatalities == 9


def test_another_strike_or_more_dead_stay_apart() -> None:
    assert len(_lead_and_body("Army shells also hit Tafas on Tuesday, killing nine.")) == 2
    assert len(_lead_and_body("Another shelling hit Tafas on Tuesday, killing nine.")) == 2


def test_many_more_wounded_add_no_dead() -> None:
    body = "Army shells hit the town of Tafas on Tuesday, killing nine; many more were wounded."
    assert len(_lead_and_body(body)) == 1
    assert len(_lead_and_body("Army shells hit Tafas on Tuesday; nine more were killed.")) == 2


def _lead_told_on(body: str, *, reported: bool, body_day: str = "2026-03-03") -> list[Event]:
    """A lead dated by its report's day ("a monitor said on Wednesday") and a body
    stating the incident's own day."""
    lead = "Army shelling killed nine in Daraa province, a monitor said on Wednesday."
    art = article("reportday", f"{lead} {body}")
    first = event(art, lead, place=DARAA_PROVINCE, day="2026-03-04", fatalities=9, **SHELLING)  # type: ignore[arg-type]
    second = event(art, body, day=body_day, fatalities=9, **SHELLING)  # type: ignore[arg-type]
    second = _told_as_attack(second)
    return _fused(art, [replace(first, date_reported=reported), second])


def test_a_lead_dated_by_its_report_day_joins_the_body_on_the_day_before() -> None:
    [joined] = _lead_told_on(BODY, reported=True)
    assert joined.date_start == "2026-03-03" and not joined.date_reported  # the incident's day
    assert len(_lead_told_on(BODY, reported=False)) == 2  # two stated days
    # A report's day before the body's day is no telling of it: the incident came later.
    later = "Army shells hit the town of Tafas on Thursday, killing nine people."
    assert len(_lead_told_on(later, reported=True, body_day="2026-03-05")) == 2


def test_other_towns_other_types_and_no_toll_at_all_stay_apart() -> None:
    assert len(_lead_and_body(BODY, place=QAMISHLI)) == 2  # another governorate
    assert len(_lead_and_body(BODY, actor1=ISLAMIC_STATE)) == 2  # another perpetrator
    air = {"sub_event_type": "Chemical weapon"}
    assert len(_lead_and_body(BODY, **air)) == 2


def test_two_towns_of_one_province_are_two_incidents() -> None:
    art = article(
        "towns", "Shells killed nine in Tafas on Tuesday. Shells hit Muzayrib on Tuesday."
    )
    first = event(art, "Shells killed nine in Tafas on Tuesday.", fatalities=9, **SHELLING)  # type: ignore[arg-type]
    second = event(art, "Shells hit Muzayrib on Tuesday.", place=MUZAYRIB, **SHELLING)  # type: ignore[arg-type]
    second = _told_as_attack(second)
    assert len(_fused(art, [first, second])) == 2


def test_a_stated_day_apart_is_another_incident() -> None:
    art = article("days", "On Monday shells killed nine in Daraa. Shells hit Tafas on Tuesday.")
    first = event(art, "On Monday shells killed nine in Daraa.", place=DARAA_PROVINCE,
                  day="2026-03-02", fatalities=9, **SHELLING)  # type: ignore[arg-type]  # fmt: skip
    second = _told_as_attack(event(art, "Shells hit Tafas on Tuesday.", **SHELLING))  # type: ignore[arg-type]
    assert len(_fused(art, [first, second])) == 2


def test_the_body_leaving_the_headlines_side_unnamed_joins_it_for_one_sub_type_only() -> None:
    assert len(_lead_and_body(BODY, actor1=UNNAMED)) == 1
    air = {"sub_event_type": "Air/drone strike"}
    assert len(_lead_and_body(BODY, actor1=UNNAMED, **air)) == 2


def test_a_body_giving_part_of_the_headlines_toll_joins_it_and_the_lead_keeps_its_toll() -> None:
    lead = "Army shelling kills nine in Daraa province."
    body = "Army shells hit the town of Tafas on Tuesday, killing four children."
    art = article("part", f"{lead} {body}")
    first = replace(event(art, lead, place=DARAA_PROVINCE, day="2026-03-04", fatalities=9,
                          **SHELLING), confidence=0.7)  # type: ignore[arg-type]  # fmt: skip
    second = replace(event(art, body, fatalities=4, **SHELLING), confidence=0.2)  # type: ignore[arg-type]
    [joined] = _fused(art, [first, _told_as_attack(second)])
    assert joined.fatalities == 9  # the body's part is not a credible toll of the whole
    assert len(joined.sources) == 2


def test_the_regimes_and_russias_warplanes_named_in_turn_are_one_air_strike() -> None:
    air = {**SHELLING, "sub_event_type": "Air/drone strike"}
    lead = "Syrian and Russian warplanes kill nine in Daraa province."
    body = "Russian jets struck the town of Tafas on Tuesday, killing nine people."
    art = article("allied", f"{lead} {body}")
    first = event(art, lead, place=DARAA_PROVINCE, day="2026-03-04", fatalities=9, **air)  # type: ignore[arg-type]
    second = event(art, body, actor1=RUSSIA, fatalities=9, **air)  # type: ignore[arg-type]
    assert len(_fused(art, [first, second])) == 1


def _gas_and_raid(gasser: Entity | None) -> list[Event]:
    gas = {**SHELLING, "sub_event_type": "Chemical weapon"}
    air = {**SHELLING, "sub_event_type": "Air/drone strike"}
    lead = "Poison gas kills nine in Daraa province."
    body = "Army helicopters dropped barrels on the town of Tafas on Tuesday, killing nine."
    art = article("gas", f"{lead} {body}")
    first = event(art, lead, actor1=gasser, place=DARAA_PROVINCE, day="2026-03-04",
                  fatalities=9, **gas)  # type: ignore[arg-type]  # fmt: skip
    return _fused(art, [first, event(art, body, fatalities=9, **air)])  # type: ignore[arg-type]


def test_a_gas_attack_and_the_air_raid_that_dropped_it_are_one_chemical_attack() -> None:
    [joined] = _gas_and_raid(None)
    assert joined.sub_event_type == "Chemical weapon"  # coded by the weapon
    assert joined.place == TAFAS.id and len(joined.sources) == 2
    # An unnamed gasser beside the army's air raid: no one perpetrator, two events.
    assert len(_gas_and_raid(UNNAMED)) == 2


def test_two_states_shelling_stay_apart() -> None:
    lead = "Army shelling kills nine in Daraa province."
    body = "Russian artillery hit the town of Tafas on Tuesday, killing nine people."
    art = article("shells", f"{lead} {body}")
    first = event(art, lead, place=DARAA_PROVINCE, day="2026-03-04", fatalities=9, **SHELLING)  # type: ignore[arg-type]
    second = event(art, body, actor1=RUSSIA, fatalities=9, **SHELLING)  # type: ignore[arg-type]
    assert len(_fused(art, [first, second])) == 2


CIVILIANS = Entity(name="Civilians (Syria)", kind="civilians")
ATTACK = {"sub_event_type": "Attack", "event_type": "Violence against civilians"}
RAID = "Islamic State kills 40 in raid on villages in Daraa province."


def _raid_and_clash(body: str, *, raider: Entity = UNNAMED, **clash: object) -> list[Event]:
    """A lead's attack on villages and the body's clash: both tellings of one assault."""
    art = article("raid", f"{RAID} {body}")
    lead = event(art, RAID, place=DARAA_PROVINCE, day="2026-03-04", fatalities=40,
                 actor1=ISLAMIC_STATE, actor2=CIVILIANS, **ATTACK)  # type: ignore[arg-type]  # fmt: skip
    fields = {"actor1": raider, "actor2": ISLAMIC_STATE, "fatalities": 25, **clash}
    told = event(art, body, **fields)  # type: ignore[arg-type]
    analysis = Analysis(
        article=art.id,
        events=(replace(lead, confidence=0.6), replace(told, confidence=0.3)),
        entities=(ARMY, ISLAMIC_STATE, UNNAMED, CIVILIANS, MILITIA),
        places=(TAFAS, DARAA_PROVINCE),
        dates=stated_dates(art, [lead, told]),
    )
    corpus = Corpus(articles=(art,), analyses=(analysis,))
    return list(get("fuse").factory()(corpus, StageContext()).events)


def test_a_raid_on_villages_and_the_clash_with_their_defenders_are_one_assault() -> None:
    body = "The army fought the attackers in the town of Tafas on Tuesday, leaving 25 dead."
    [joined] = _raid_and_clash(body, raider=ARMY)
    # The leading telling speaks: its type, both its sides and its toll, not a vote
    # pairing the clash's army with the raid's civilians.
    assert joined.sub_event_type == "Attack"
    assert (joined.actor1, joined.actor2) == (ISLAMIC_STATE.id, CIVILIANS.id)
    assert joined.fatalities == 40
    assert joined.place == TAFAS.id and len(joined.sources) == 2


def test_a_clash_with_an_unnamed_side_joins_the_raid_too() -> None:
    body = "Gunmen fought the attackers in the town of Tafas on Tuesday, leaving 25 dead."
    assert len(_raid_and_clash(body)) == 1


def test_a_clash_the_raider_is_no_side_of_or_another_clash_stays_apart() -> None:
    body = "The army fought rebels in the town of Tafas on Tuesday, leaving 25 dead."
    assert len(_raid_and_clash(body, raider=ARMY, actor2=MILITIA)) == 2
    other = "Elsewhere, the army fought the attackers in Tafas on Tuesday, leaving 25 dead."
    assert len(_raid_and_clash(other, raider=ARMY)) == 2


def test_a_headline_in_the_province_seat_and_the_bodys_town_are_one_area() -> None:
    seat = Place(name="Idlib", feature="city", admin1="Idlib", country_code="SY")
    town = Place(name="Saraqib", feature="city", admin1="Idlib", country_code="SY")
    other = Place(name="Maarat", feature="city", admin1="Aleppo", country_code="SY")
    assert _seat_of(seat, town)
    assert not _seat_of(town, seat)  # a town that is no seat stands for no province
    assert not _seat_of(seat, other)  # a town of another province


# A seat whose English name is no spelling of its province's record name (the gazetteer
# gives "Aleppo" as a name of Ḩalab governorate), and towns of our own around it.
ALEPPO = Place(name="Aleppo", geonameid=11, lat=36.20, lon=37.16, country_code="SY",
               admin1="Ḩalab", feature="city")  # fmt: skip
KAFR_NASIR = Place(name="Kafr Nasir", geonameid=12, lat=36.35, lon=36.90, country_code="SY",
                   admin1="Ḩalab", feature="city")  # fmt: skip
TELL_SABIN = Place(name="Tell Sabin", geonameid=13, lat=36.45, lon=37.60, country_code="SY",
                   admin1="Ḩalab", feature="city")  # fmt: skip
CAPITAL = Place(name="Damascus", geonameid=14, lat=33.51, lon=36.29, country_code="SY",
                admin1="Dimashq", feature="capital")  # fmt: skip
SUBURB = Place(name="Harrat", geonameid=15, lat=33.57, lon=36.40, country_code="SY",
               admin1="Rīf Dimashq", feature="city")  # about 12 km out  # fmt: skip
FAR_TOWN = Place(name="Wadi Saba", geonameid=16, lat=33.72, lon=36.10, country_code="SY",
                 admin1="Rīf Dimashq", feature="city")  # about 29 km out  # fmt: skip
AIR = {**SHELLING, "sub_event_type": "Air/drone strike"}
AROUND = (ALEPPO, KAFR_NASIR, TELL_SABIN, CAPITAL, SUBURB, FAR_TOWN)


def test_a_seat_named_otherwise_than_its_province_holds_the_provinces_towns() -> None:
    assert _seat_of(ALEPPO, KAFR_NASIR)
    assert not _seat_of(KAFR_NASIR, ALEPPO)
    assert not _seat_of(ALEPPO, SUBURB)  # another province, far away
    assert _seat_of(CAPITAL, SUBURB)  # a suburb across the province line
    assert not _seat_of(CAPITAL, FAR_TOWN)


def _seat_and_towns(lead_place: Place, *bodies: tuple[str, Place]) -> list[Event]:
    lead = "Regime air strikes kill nine in the province."
    art = article("seat", " ".join([lead, *(text for text, _ in bodies)]))
    first = event(art, lead, place=lead_place, day="2026-03-04", fatalities=9, **AIR)  # type: ignore[arg-type]
    told = [event(art, text, place=where, fatalities=9, **AIR) for text, where in bodies]  # type: ignore[arg-type]
    return _fused(art, [first, *told], AROUND)


def test_a_lead_at_the_seat_and_the_bodys_town_are_one_event_at_the_town() -> None:
    body = ("Warplanes struck the village of Kafr Nasir on Tuesday, killing nine.", KAFR_NASIR)
    [joined] = _seat_and_towns(ALEPPO, body)
    assert joined.place == KAFR_NASIR.id and len(joined.sources) == 2


def test_a_second_town_of_the_seats_province_stays_another_incident() -> None:
    first = ("Warplanes struck the village of Kafr Nasir on Tuesday, killing nine.", KAFR_NASIR)
    second = ("Jets hit the town of Tell Sabin on Tuesday, killing nine.", TELL_SABIN)
    events = _seat_and_towns(ALEPPO, first, second)
    assert sorted(e.place or "" for e in events) == sorted([KAFR_NASIR.id, TELL_SABIN.id])


def test_near_the_capital_and_its_suburb_are_one_event_that_stays_at_the_capital() -> None:
    body = ("Warplanes struck the suburb of Harrat on Tuesday, killing nine.", SUBURB)
    [joined] = _seat_and_towns(CAPITAL, body)
    # Across the province line the capital itself is as often the target.
    assert joined.place == CAPITAL.id and len(joined.sources) == 2
    far = ("Warplanes struck the town of Wadi Saba on Tuesday, killing nine.", FAR_TOWN)
    assert len(_seat_and_towns(CAPITAL, far)) == 2


BLAST = {**SHELLING, "sub_event_type": "Remote explosive/landmine/IED"}


def _strike_and_blast(body: str, *, dead: int = 11, bomber: Entity = UNNAMED) -> list[Event]:
    """A lead's shelling and a body's blast told without its cause."""
    lead = "Army rockets kill eleven in Daraa province."
    art = article("blast", f"{lead} {body}")
    first = event(art, lead, place=DARAA_PROVINCE, day="2026-03-04", fatalities=11, **SHELLING)  # type: ignore[arg-type]
    second = event(art, body, actor1=bomber, fatalities=dead, **BLAST)  # type: ignore[arg-type]
    return _fused(art, [first, second])


def test_a_blast_told_without_its_cause_joins_the_shelling_that_caused_it() -> None:
    body = "A fuel store explosion shook the town of Tafas on Tuesday, killing eleven people."
    [joined] = _strike_and_blast(body)
    assert joined.sub_event_type == SHELLING["sub_event_type"]  # coded by the strike
    assert joined.actor1 == ARMY.id and joined.fatalities == 11
    assert len(joined.sources) == 2
    assert len(_strike_and_blast(body, dead=7)) == 1  # a share of the strike's dead


def test_a_set_bomb_a_named_bomber_or_more_dead_stay_apart() -> None:
    body = "A fuel store explosion shook the town of Tafas on Tuesday, killing eleven people."
    assert len(_strike_and_blast(body, dead=30)) == 2  # more dead than the strike's
    assert len(_strike_and_blast(body, bomber=ISLAMIC_STATE)) == 2
    car = "A car bomb went off in the town of Tafas on Tuesday, killing eleven people."
    assert len(_strike_and_blast(car)) == 2
