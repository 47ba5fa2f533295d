"""Fusion across articles: an air strike by a named state and shelling by an unnamed group
on one town and day, each with its own toll, are two incidents (the two sides of a front
shelling and bombing each other), while one arm's reports, or a report that names no
perpetrator or gives no toll, still fuse."""

from __future__ import annotations

from crosscheck_fixtures import ARMY, article, event, stated_dates
from crosswire.model import Analysis, Article, Corpus, Entity, Event
from crosswire.registry import StageContext, get
from test_fuse import PLACES
from test_fusion_sides import CIVILIANS, REMOTE

AIR = "Air/drone strike"
SHELLING = "Shelling/artillery/missile attack"
UNNAMED = Entity(name="Unidentified Armed Group (Syria)", kind="unidentified_armed_group",
                 inter_code=3, country_code="SY")  # fmt: skip

JETS = "Government jets bombed Tafas on Tuesday, killing 23 people, a monitor said."
SHELLS = "Terrorists fired mortar shells at Tafas on Tuesday, killing three people, media said."
RAIDS = "Warplanes pounded Tafas on Tuesday and 23 residents died, rescuers said."


def fuse(reports: list[tuple[Article, list[Event]]]) -> list[Event]:
    analyses = tuple(
        Analysis(article=a.id, events=tuple(evs), entities=(ARMY, UNNAMED, CIVILIANS),
                 places=PLACES, dates=stated_dates(a, evs))
        for a, evs in reports
    )  # fmt: skip
    corpus = Corpus(articles=tuple(a for a, _ in reports), analyses=analyses)
    return list(get("fuse").factory()(corpus, StageContext()).events)


def _report(
    name: str,
    text: str,
    sub_event_type: str,
    attacker: Entity | None,
    dead: int | None,
) -> tuple[Article, list[Event]]:
    art = article(name, text, outlet=name.upper())
    report = event(art, text, sub_event_type=sub_event_type, event_type=REMOTE,
                   actor1=attacker, actor2=CIVILIANS, fatalities=dead)  # fmt: skip
    return art, [report]


def test_an_unnamed_groups_shells_and_a_states_air_strike_with_two_tolls_stay_apart() -> None:
    fused = fuse([_report("a", JETS, AIR, ARMY, 23), _report("b", SHELLS, SHELLING, UNNAMED, 3)])
    assert len(fused) == 2
    assert sorted(e.fatalities or 0 for e in fused) == [3, 23]


def test_one_toll_told_of_two_arms_is_one_incident() -> None:
    # One outlet's air strike is another's bombardment when they count the same dead.
    fused = fuse([_report("a", JETS, AIR, ARMY, 23), _report("b", RAIDS, SHELLING, UNNAMED, 23)])
    assert len(fused) == 1


def test_a_report_with_no_perpetrator_or_no_toll_still_fits_the_named_strike() -> None:
    strike = _report("a", JETS, AIR, ARMY, 23)
    assert len(fuse([strike, _report("b", SHELLS, SHELLING, None, 3)])) == 1
    assert len(fuse([strike, _report("c", SHELLS, SHELLING, UNNAMED, None)])) == 1


def test_one_arms_kin_types_and_one_named_perpetrator_still_fuse() -> None:
    named = fuse([_report("a", JETS, AIR, ARMY, 23), _report("b", SHELLS, SHELLING, ARMY, 3)])
    assert len(named) == 1
    bomb = "A bomb went off in Tafas on Tuesday, killing five, police said."
    blast = "A suicide bomber blew himself up in Tafas on Tuesday, killing seven, a monitor said."
    kin = fuse(
        [
            _report("c", bomb, "Remote explosive/landmine/IED", UNNAMED, 5),
            _report("d", blast, "Suicide bomb", ARMY, 7),
        ]
    )
    assert len(kin) == 1


def test_one_articles_air_strike_and_an_unnamed_groups_shells_stay_two_events() -> None:
    art = article("one", f"{JETS} {SHELLS}", outlet="ONE")
    strike = event(art, JETS, sub_event_type=AIR, event_type=REMOTE, actor1=ARMY,
                   actor2=CIVILIANS, fatalities=23)  # fmt: skip
    shells = event(art, SHELLS, sub_event_type=SHELLING, event_type=REMOTE, actor1=UNNAMED,
                   actor2=CIVILIANS, fatalities=3)  # fmt: skip
    assert sorted(e.fatalities or 0 for e in fuse([(art, [strike, shells])])) == [3, 23]
