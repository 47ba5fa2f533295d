"""Fusion: remote violence fuses at ACLED's event-type level; doubtful reports need a surer
report or one wire text to be linked across articles."""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import date

from crosscheck_fixtures import TAFAS, article, event
from crosswire.crosscheck import linkage
from crosswire.crosscheck.cluster import complete_link
from test_fuse import fuse

REMOTE = "Explosions/Remote violence"
STRIKE = "An air strike on Tafas killed five people on Tuesday, medics said."
BLAST = "A bomb blast in Tafas killed five people on Tuesday, the governor said."
FIGHTING = "Gunmen and soldiers fought in Tafas on Tuesday, residents said."
# Lines the events stage doubts: background and commentary that name a town and a clash.
ASIDE = "Tafas has seen clashes between the army and local fighters before."
REMARK = "Analysts say the fighting around Tafas on Tuesday may shift the front."
SURE = "Soldiers and local fighters clashed in Tafas on Tuesday, killing three."


def _remote(name: str, text: str, sub_event_type: str, **overrides: object):  # type: ignore[no-untyped-def]
    art = article(name, text, outlet=name.upper())
    options = {"sub_event_type": sub_event_type, "event_type": REMOTE, "actor2": None}
    return art, [event(art, text, fatalities=5, **{**options, **overrides})]  # type: ignore[arg-type]


def test_remote_violence_subtypes_are_one_incident_when_the_rest_agrees() -> None:
    strike = _remote("a", STRIKE, "Air/drone strike")
    blast = _remote("b", BLAST, "Remote explosive/landmine/IED")
    (fused,) = fuse([strike, blast])
    assert fused.source_count == 2
    assert fused.event_type == REMOTE


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
