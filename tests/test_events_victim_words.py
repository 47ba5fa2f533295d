"""Whose dead a headline or report counts: the wounded counted after the dead, "others"
told after a side's men, a nationality's people, a gas attack's unnamed dead (texts
written for these tests)."""

from __future__ import annotations

import pytest

from crosswire.model import Analysis
from pipeline_texts import analyses_by_name

pytestmark = pytest.mark.slow

TEXTS = {
    # A headline without commas: the dead, then the wounded, not killers of three.
    "headline_dead_wounded": (
        "4 Iraqi Soldiers Killed 6 Wounded in Daesh Raid Near Manbij. The Iraqi army said four of"
        " its men died on Thursday close to the Syrian town."
    ),
    # "others" are more of the soldiers just counted, not civilians.
    "soldiers_and_others": (
        "Iraq's defence ministry said three of its soldiers were killed and four others were hurt"
        " on Friday when Islamic State fighters attacked their post in eastern Syria."
    ),
    # The plural of a nationality names the country's people, not its forces.
    "nationals_dead": (
        "3 Syrians Killed 7 Injured in Rocket Attack on Hama City. Rockets fired by "
        "militants hit the Syrian city on Monday, state media said."
    ),
    "nationals_passive": (
        "Four Iraqis were killed on Tuesday in a mortar attack on the town of al-Qaim in Iraq, "
        "police said."
    ),
    # A gas attack's unnamed dead are civilians; the armed men it counts are not.
    "gas_unnamed_dead": (
        "A helicopter dropped a barrel of chlorine gas on the town of Kafr Zita in Hama "
        "province in Syria on Sunday, killing three and leaving dozens with breathing problems."
    ),
    "gas_fighters_dead": (
        "A chlorine gas attack killed five rebel fighters at their base near the town of Kafr "
        "Zita in Hama province in Syria on Sunday."
    ),
}


@pytest.fixture(scope="module")
def analyses(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Analysis]:
    return analyses_by_name(TEXTS, tmp_path_factory.mktemp("victim_words"))


def victims(analysis: Analysis) -> list[str | None]:
    known = {e.id: e.name for e in analysis.entities}
    return [known.get(e.actor2 or "") for e in analysis.events]


def test_armed_dead_counted_before_the_wounded_are_no_civilians(analyses) -> None:  # type: ignore[no-untyped-def]
    found = victims(analyses["headline_dead_wounded"])
    assert found
    assert "Civilians (Syria)" not in found


def test_others_told_after_soldiers_are_no_civilians(analyses) -> None:  # type: ignore[no-untyped-def]
    found = victims(analyses["soldiers_and_others"])
    assert found and found[0] is not None
    assert found[0].startswith("Military Forces of Iraq")


def test_a_nationalitys_people_killed_are_civilians(analyses) -> None:  # type: ignore[no-untyped-def]
    found = victims(analyses["nationals_dead"])
    assert found[0] == "Civilians (Syria)"
    assert not any((name or "").startswith("Military Forces of Syria") for name in found)


def test_a_nationalitys_people_counted_dead_in_a_remote_attack_are_civilians(analyses) -> None:  # type: ignore[no-untyped-def]
    assert victims(analyses["nationals_passive"])[0] == "Civilians (Iraq)"


def test_a_gas_attacks_unnamed_dead_are_civilians(analyses) -> None:  # type: ignore[no-untyped-def]
    assert victims(analyses["gas_unnamed_dead"])[0] == "Civilians (Syria)"
    assert victims(analyses["gas_fighters_dead"])[0] != "Civilians (Syria)"
