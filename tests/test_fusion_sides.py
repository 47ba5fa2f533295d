"""Fusion across articles: which two named sides one outlet and another may give for one
side of an incident (a state's forces and the coalition it leads; rebels named only as
such and a named rebel group of their country)."""

from __future__ import annotations

from crosscheck_fixtures import ARMY, ISLAMIC_STATE, article, event, stated_dates
from crosswire.model import Analysis, Article, Corpus, Entity, Event
from crosswire.registry import StageContext, get
from test_fuse import PLACES

REMOTE = "Explosions/Remote violence"
US_ARMY = Entity(name="Military Forces of the United States", kind="military", inter_code=1,
                 country_code="US", canonical_key="mil:US")  # fmt: skip
COALITION = Entity(name="Global Coalition Against Daesh (US-led)", kind="external_forces",
                   inter_code=8, country_code="US", canonical_key="us-led-coalition")  # fmt: skip
RUSSIA = Entity(name="Military Forces of Russia", kind="military", inter_code=1,
                country_code="RU", canonical_key="mil:RU")  # fmt: skip
REBELS = Entity(name="Opposition Rebels (Syria)", kind="rebel_group", inter_code=2,
                country_code="SY", canonical_key="rebels:SY")  # fmt: skip
NAMED = Entity(name="Liwa Tafas", kind="rebel_group", inter_code=2, country_code="SY",
               canonical_key="liwa-tafas")  # fmt: skip
CIVILIANS = Entity(name="Civilians (Syria)", kind="civilians", inter_code=7, country_code="SY")
SIDES = (ARMY, ISLAMIC_STATE, US_ARMY, COALITION, RUSSIA, REBELS, NAMED, CIVILIANS)

US_STRIKE = "US-led air strikes on Tafas killed nine civilians on Tuesday, a monitor said."
COALITION_STRIKE = "Coalition jets hit Tafas on Tuesday, killing nine civilians, residents said."
ROCKETS = "Rebels fired rockets at Tafas on Tuesday, killing four civilians, state media said."
NAMED_ROCKETS = "Liwa Tafas shelled the town on Tuesday and four civilians died, medics said."


def fuse(reports: list[tuple[Article, list[Event]]]) -> list[Event]:
    analyses = tuple(
        Analysis(article=a.id, events=tuple(evs), entities=SIDES, places=PLACES,
                 dates=stated_dates(a, evs))
        for a, evs in reports
    )  # fmt: skip
    corpus = Corpus(articles=tuple(a for a, _ in reports), analyses=analyses)
    return list(get("fuse").factory()(corpus, StageContext()).events)


def _strike(name: str, text: str, attacker: Entity, sub_event_type: str = "Air/drone strike"):  # type: ignore[no-untyped-def]
    art = article(name, text, outlet=name.upper())
    report = event(art, text, sub_event_type=sub_event_type, event_type=REMOTE,
                   actor1=attacker, actor2=CIVILIANS, fatalities=9)  # fmt: skip
    return art, [report]


def test_a_state_and_the_coalition_it_leads_are_one_side() -> None:
    (fused,) = fuse([_strike("a", US_STRIKE, US_ARMY), _strike("b", COALITION_STRIKE, COALITION)])
    assert fused.source_count == 2


def test_a_coalition_and_another_state_stay_apart() -> None:
    assert (
        len(fuse([_strike("a", US_STRIKE, RUSSIA), _strike("b", COALITION_STRIKE, COALITION)])) == 2
    )


def test_rebels_named_only_as_such_fit_a_named_rebel_group_of_their_country() -> None:
    shelling = "Shelling/artillery/missile attack"
    generic = _strike("a", ROCKETS, REBELS, shelling)
    named = _strike("b", NAMED_ROCKETS, NAMED, shelling)
    (fused,) = fuse([generic, named])
    assert fused.source_count == 2
    assert fused.actor1 == REBELS.id or fused.actor1 == NAMED.id
    # A group with no country of its own (a transnational one) is not "the rebels".
    jihadists = _strike("c", NAMED_ROCKETS, ISLAMIC_STATE, shelling)
    assert len(fuse([generic, jihadists])) == 2
