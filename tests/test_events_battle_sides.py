"""A battle's two sides: a side fought "with" behind a participle or a cognate object, "the
two forces" standing for a pair named before, civilians never a side, and the armed dead
with no side of their own (invented texts)."""

from __future__ import annotations

import pytest

from crosswire.model import Analysis
from pipeline_texts import analyses_by_name

TEXTS = {
    "held_pair": (
        "Half of the Syrian city of Qamishli is held by Kurdish forces and the rest by the "
        "Syrian army. Since Sunday clashes between the two forces have shaken the city, "
        "leaving six fighters dead, the monitor said."
    ),
    "group_headquarters": (
        "Two car bombs hit the headquarters of a rebel faction in the Syrian town of "
        "Binnish late on Friday, a local activist reported."
    ),
    "fought_with_advancing": (
        "Kurdish fighters fought heavy battles on Monday with advancing Islamic State "
        "militants in the Syrian town of Tal Abyad, a monitor said."
    ),
    "two_forces": (
        "Tension between regime and Kurdish forces grew in the Syrian city of Qamishli. "
        "Since Sunday clashes between the two forces have shaken the city, leaving eight "
        "civilians and five fighters dead, the monitor said."
    ),
    "two_sides": (
        "A truce between the Syrian regime and Kurdish militias collapsed in Qamishli on "
        "Sunday. Clashes between the two sides have left seven civilians dead, a monitor "
        "said."
    ),
    "terrorists_from": (
        "Syrian army units killed more than 25 terrorists from ISIL near the Syrian town "
        "of Sukhnah on Monday, the official news agency said."
    ),
    "members_of": (
        "Islamic State militants took control of two gas fields in Homs province on "
        "Monday after killing at least 30 members of the regime forces, the monitor said."
    ),
    "headline_then_from": (
        "Troops kill 35 militants near Yabroud Observer AFP Sunday 3 Aug 2014 Some 35 "
        "militants from the Islamic State were killed late on Saturday by Syrian troops "
        "supported by Hezbollah fighters near the village of Flita, an observer group "
        "reported."
    ),
    "killed_and_wounded": (
        "Soldiers killed and injured scores of terrorists on the outskirts of the Syrian "
        "village of Kafr Nabudah on Tuesday, state media reported."
    ),
    "left_dead": (
        "Regime shelling on the Syrian town of Douma on Monday left 12 people dead, the "
        "monitor said."
    ),
    "unnamed_terrorists": (
        "The Syrian army killed 12 terrorists in an attack on their positions near the "
        "town of Mayadin on Monday, the official news agency said."
    ),
}


@pytest.fixture(scope="module")
def analyses(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Analysis]:
    return analyses_by_name(TEXTS, tmp_path_factory.mktemp("battle_sides"))


def battles(analysis: Analysis) -> list[tuple[str | None, str | None]]:
    known = {e.id: e.name for e in analysis.entities}
    return [
        (known.get(e.actor1 or ""), known.get(e.actor2 or ""))
        for e in analysis.events
        if e.modality == "asserted" and e.event_type == "Battles"
    ]


def test_a_side_fought_with_behind_a_participle_is_actor2(analyses) -> None:  # type: ignore[no-untyped-def]
    sides = battles(analyses["fought_with_advancing"])
    assert ("People's Protection Units (YPG)", "Islamic State") in sides


@pytest.mark.parametrize("name", ["two_forces", "two_sides"])
def test_the_two_forces_are_the_pair_named_before(analyses, name: str) -> None:  # type: ignore[no-untyped-def]
    sides = battles(analyses[name])
    assert sides
    actor1, actor2 = sides[0]
    assert actor1 is not None and actor1.startswith("Military Forces of Syria")
    assert actor2 == "People's Protection Units (YPG)"


def test_civilians_are_never_a_battle_side(analyses) -> None:  # type: ignore[no-untyped-def]
    for analysis in analyses.values():
        assert all(actor2 != "Civilians (Syria)" for _, actor2 in battles(analysis))


def test_the_armed_dead_take_the_group_they_were_from(analyses) -> None:  # type: ignore[no-untyped-def]
    actor1, actor2 = battles(analyses["terrorists_from"])[0]
    assert actor1 is not None and actor1.startswith("Military Forces of Syria")
    assert actor2 == "Islamic State"


def test_unnamed_armed_dead_are_an_unidentified_armed_group(analyses) -> None:  # type: ignore[no-untyped-def]
    assert battles(analyses["unnamed_terrorists"])[0][1] == "Unidentified Armed Group (Syria)"


def test_two_forces_held_apart_in_the_sentence_before_are_the_pair(analyses) -> None:  # type: ignore[no-untyped-def]
    actor1, actor2 = battles(analyses["held_pair"])[0]
    assert actor1 is not None and actor1.startswith("Military Forces of Syria")
    assert actor2 == "People's Protection Units (YPG)"


def test_the_group_whose_headquarters_were_struck_is_the_target(analyses) -> None:  # type: ignore[no-untyped-def]
    known = {e.id: e.name for e in analyses["group_headquarters"].entities}
    targets = [known.get(e.actor2 or "") for e in analyses["group_headquarters"].events]
    assert "Opposition Rebels (Syria)" in targets


def test_the_dead_members_of_a_side_name_the_other_side(analyses) -> None:  # type: ignore[no-untyped-def]
    actor1, actor2 = battles(analyses["members_of"])[0]
    assert actor1 == "Islamic State"
    assert actor2 is not None and actor2.startswith("Military Forces of Syria")


def test_the_group_the_dead_were_from_later_in_the_sentence(analyses) -> None:  # type: ignore[no-untyped-def]
    # The headline's "militants" have no group; the lede's "militants from IS" do.
    actor1, actor2 = battles(analyses["headline_then_from"])[0]
    assert actor1 is not None and actor1.startswith("Military Forces of Syria")
    assert actor2 == "Islamic State"


def test_killed_and_wounded_shares_its_object(analyses) -> None:  # type: ignore[no-untyped-def]
    # The army units killed: they are the attacker, the terrorists the other side.
    actor1, actor2 = battles(analyses["killed_and_wounded"])[0]
    assert actor1 is not None and actor1.startswith("Military Forces of Syria")
    assert actor2 is not None and actor2.startswith("Unidentified Armed Group")


def test_left_people_dead_counts_them_as_the_dead(analyses) -> None:  # type: ignore[no-untyped-def]
    known = {e.id: e.name for e in analyses["left_dead"].entities}
    targets = [known.get(e.actor2 or "") for e in analyses["left_dead"].events]
    assert "Civilians (Syria)" in targets
