"""Fusion across articles: remote violence fuses at ACLED's event-type level, a night told
as either day, civilians beside a strike's target; doubtful reports need a surer report or
one wire text to be linked."""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import date

from crosscheck_fixtures import ARMY, ISLAMIC_STATE, MILITIA, TAFAS, article, event, stated_dates
from crosswire.crosscheck import linkage
from crosswire.crosscheck.cluster import complete_link
from crosswire.model import Analysis, Article, Corpus, Entity, Event
from crosswire.registry import StageContext, get
from test_fuse import KNOWN, PLACES

REMOTE = "Explosions/Remote violence"
STRIKE = "An air strike on Tafas killed five people on Tuesday, medics said."
BLAST = "A bomb blast in Tafas killed five people on Tuesday, the governor said."
FIGHTING = "Gunmen and soldiers fought in Tafas on Tuesday, residents said."
# Lines the events stage doubts: background and commentary that name a town and a clash.
ASIDE = "Tafas has seen clashes between the army and local fighters before."
REMARK = "Analysts say the fighting around Tafas on Tuesday may shift the front."
SURE = "Soldiers and local fighters clashed in Tafas on Tuesday, killing three."
CIVILIANS = Entity(name="Civilians (Syria)", kind="civilians", inter_code=7, country_code="SY")


def fuse(reports: list[tuple[Article, list[Event]]]) -> list[Event]:
    analyses = tuple(
        Analysis(article=a.id, events=tuple(evs), entities=(*KNOWN, CIVILIANS), places=PLACES,
                 dates=stated_dates(a, evs))
        for a, evs in reports
    )  # fmt: skip
    corpus = Corpus(articles=tuple(a for a, _ in reports), analyses=analyses)
    return list(get("fuse").factory()(corpus, StageContext()).events)


def _remote(name: str, text: str, sub_event_type: str, **overrides: object):  # type: ignore[no-untyped-def]
    art = article(name, text, outlet=name.upper())
    options = {"sub_event_type": sub_event_type, "event_type": REMOTE, "actor2": None}
    return art, [event(art, text, fatalities=5, **{**options, **overrides})]  # type: ignore[arg-type]


def test_remote_violence_subtypes_by_one_named_perpetrator_are_one_incident() -> None:
    strike = _remote("a", STRIKE, "Air/drone strike")
    blast = _remote("b", BLAST, "Remote explosive/landmine/IED")
    (fused,) = fuse([strike, blast])
    assert fused.source_count == 2
    assert fused.event_type == REMOTE
    unnamed = [
        _remote("c", STRIKE, "Air/drone strike", actor1=None),
        _remote("d", BLAST, "Remote explosive/landmine/IED", actor1=None),
    ]
    assert len(fuse(unnamed)) == 2


def test_a_battle_and_a_blast_stay_apart() -> None:
    blast = _remote("b", BLAST, "Remote explosive/landmine/IED")
    art = article("c", FIGHTING, outlet="C")
    fighting = (art, [event(art, FIGHTING, actor2=None)])
    assert len(fuse([blast, fighting])) == 2


def _doubted(name: str, text: str, confidence: float = 0.01):  # type: ignore[no-untyped-def]
    art = article(name, text, outlet=name.upper())
    return art, [replace(event(art, text), confidence=confidence)]


def test_two_doubtful_reports_in_other_words_are_not_linked() -> None:
    assert len(fuse([_doubted("a", ASIDE), _doubted("b", REMARK)])) == 2


def test_two_doubtful_reports_of_one_wire_text_are_linked() -> None:
    (fused,) = fuse([_doubted("a", REMARK), _doubted("b", REMARK)])
    assert fused.source_count == 2


def test_a_sure_report_brings_doubtful_ones_into_its_event() -> None:
    (fused,) = fuse([_doubted("a", SURE, 0.6), _doubted("b", ASIDE), _doubted("c", REMARK)])
    assert fused.source_count == 3


def test_a_pair_that_may_not_join_can_still_share_a_cluster() -> None:
    pairs = [(0, 1), (0, 2), (1, 2)]
    everything = complete_link(3, pairs, lambda i, j: True, lambda i, j: 1.0)
    assert everything == [[0, 1, 2]]
    no_join = complete_link(3, pairs, lambda i, j: True, lambda i, j: 1.0, lambda i, j: i == 0)
    assert no_join == [[0, 1, 2]]  # 1 and 2 meet through 0
    alone = complete_link(3, [(1, 2)], lambda i, j: True, lambda i, j: 1.0, lambda i, j: False)
    assert alone == [[0], [1], [2]]


def test_the_bias_of_the_scored_comparison_counts_once() -> None:
    art = article("a", SURE)
    day = float(date(2026, 3, 3).toordinal())
    side = linkage.Side(event=event(art, SURE), place=TAFAS, dated=True, dates=(day, day))
    assert linkage.features(side, side, 0)["bias"] == 1.0
    expected = 1 / (1 + math.exp(-linkage.MATCH_WEIGHTS["bias"]))
    assert math.isclose(linkage.match_probability({"bias": 1.0}), expected)


NIGHT = "A missile strike hit the Tafas air base late on Tuesday night, killing five."
MORNING = "Missiles struck the Tafas air base early on Wednesday, killing five soldiers."
NEXT_DAY = "Missiles struck the Tafas air base on Wednesday, killing five soldiers."


def _strike(name: str, text: str, day: str, victims: object, words: str | None):  # type: ignore[no-untyped-def]
    art = article(name, text, outlet=name.upper())
    report = event(
        art, text, sub_event_type="Shelling/artillery/missile attack", event_type=REMOTE,
        actor1=ISLAMIC_STATE, actor2=victims, day=day, fatalities=5,  # type: ignore[arg-type]
    )  # fmt: skip
    return art, [replace(report, date_text=words)]


def test_a_night_told_as_either_day_is_one_incident() -> None:
    night = _strike("a", NIGHT, "2026-03-03", CIVILIANS, "late on Tuesday night")
    morning = _strike("b", MORNING, "2026-03-04", CIVILIANS, "early on Wednesday")
    (fused,) = fuse([night, morning])
    assert fused.source_count == 2
    plain = _strike("c", NEXT_DAY, "2026-03-04", CIVILIANS, "Wednesday")
    assert len(fuse([_strike("d", NEXT_DAY, "2026-03-03", CIVILIANS, "Tuesday"), plain])) == 2


def test_civilians_killed_beside_a_strike_target_are_its_struck_side() -> None:
    on_troops = _strike("a", MORNING, "2026-03-04", ARMY, "early on Wednesday")
    on_people = _strike("b", NEXT_DAY, "2026-03-04", CIVILIANS, "Wednesday")
    (fused,) = fuse([on_troops, on_people])
    assert fused.source_count == 2
    on_militia = _strike("c", NEXT_DAY, "2026-03-04", MILITIA, "Wednesday")
    assert len(fuse([on_troops, on_militia])) == 2  # two named targets still differ
