"""An attack on civilians or a bare battle told without its means takes the means its
passage tells (``events.passage``); direct violence or ground fighting nearby keeps it;
an execution is never recoded by a strike told after it (texts written for these tests)."""

from __future__ import annotations

from collections import Counter

import pytest

from crosswire.events import ontology as on
from crosswire.events.passage import Profile, passage_means
from crosswire.model import Analysis, Event
from pipeline_texts import analyses_by_name


def _means(label: str, count: int = 1) -> Profile:
    return Profile(means=Counter({label: count}))


DIRECT = Profile(direct=1)


def test_the_sentence_before_or_after_tells_the_means() -> None:
    assert passage_means({0: _means(on.AIR_STRIKE), 1: Profile()}, 1) == on.AIR_STRIKE
    assert passage_means({1: Profile(), 2: _means(on.SHELLING)}, 1) == on.SHELLING


def test_a_sentence_two_away_alone_is_not_enough() -> None:
    assert passage_means({0: _means(on.AIR_STRIKE), 2: Profile()}, 2) is None
    both = {0: _means(on.AIR_STRIKE), 2: Profile(), 4: _means(on.AIR_STRIKE)}
    assert passage_means(both, 2) == on.AIR_STRIKE


def test_direct_violence_told_as_much_keeps_the_attack() -> None:
    assert passage_means({0: _means(on.AIR_STRIKE), 1: Profile(), 2: DIRECT}, 1) is None
    # Told in the sentence itself: never recoded.
    assert passage_means({0: _means(on.AIR_STRIKE, 3), 1: DIRECT}, 1) is None


def test_a_battle_is_recoded_only_where_no_fighting_is_told() -> None:
    passage = {0: _means(on.SHELLING, 2), 1: Profile(), 3: DIRECT}
    assert passage_means(passage, 1) == on.SHELLING
    assert passage_means(passage, 1, strict=True) is None


TEXTS = {
    "jets_then_also": (
        "Jets bombed the fuel market of Kafr Tala on Monday, killing 13 traders, rescuers "
        "said. Three people were also killed in another town of the province. Shops stayed "
        "closed on Tuesday."
    ),
    "shells_then_elsewhere": (
        "Rebel shells slammed into the Midan district of Kafr Tala on Monday, killing five "
        "children, a police source said. Elsewhere, three civilians were killed in the town "
        "of Tell Hamra. Schools stayed closed on Tuesday."
    ),
    "gunmen_then_also": (
        "Gunmen shot dead 13 traders at the fuel market of Kafr Tala on Monday, rescuers "
        "said. Three people were also killed in another town of the province. Shops stayed "
        "closed on Tuesday."
    ),
    "battles_then_elsewhere": (
        "Troops and rebels fought street battles in Kafr Tala on Monday, a monitor said. "
        "Elsewhere, three civilians were killed in the town of Tell Hamra. Schools stayed "
        "closed on Tuesday."
    ),
    "artillery_on_posts": (
        "Army artillery pounded rebel positions near Kafr Tala on Monday, a monitor said. "
        "Eleven rebels were killed in the attack on the positions. The rebels vowed to "
        "respond."
    ),
    "artillery_and_clashes": (
        "Army artillery pounded rebel positions near Kafr Tala on Monday, a monitor said. "
        "Eleven rebels were killed in the attack on the positions. Fierce clashes between "
        "troops and rebels went on until dawn."
    ),
    "execution_then_jets": (
        "Jihadists executed 12 villagers in Tell Hamra on Monday after accusing them of "
        "helping the army. Warplanes later bombed the jihadists' positions near the "
        "village, a monitor said. The bodies were found near a well."
    ),
}


@pytest.fixture(scope="module")
def analyses(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Analysis]:
    return analyses_by_name(TEXTS, tmp_path_factory.mktemp("passage"))


def _with_toll(analysis: Analysis, toll: int) -> Event:
    return next(e for e in analysis.events if e.fatalities == toll)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("name", "label"),
    [("jets_then_also", on.AIR_STRIKE), ("shells_then_elsewhere", on.SHELLING)],
)
def test_a_bare_killing_takes_the_means_of_its_passage(analyses, name: str, label: str) -> None:  # type: ignore[no-untyped-def]
    event = _with_toll(analyses[name], 3)
    assert (event.event_type, event.sub_event_type) == (on.EXPLOSIONS, label)
    assert event.civilian_targeting
    assert event.reported_type == on.ATTACK  # fusion compares it as told


@pytest.mark.slow
@pytest.mark.parametrize("name", ["gunmen_then_also", "battles_then_elsewhere"])
def test_a_killing_beside_shooting_or_fighting_stays_an_attack(analyses, name: str) -> None:  # type: ignore[no-untyped-def]
    assert _with_toll(analyses[name], 3).sub_event_type == on.ATTACK


@pytest.mark.slow
def test_a_bare_attack_on_posts_amid_shelling_is_shelling(analyses) -> None:  # type: ignore[no-untyped-def]
    assert _with_toll(analyses["artillery_on_posts"], 11).sub_event_type == on.SHELLING
    assert not _with_toll(analyses["artillery_on_posts"], 11).civilian_targeting


@pytest.mark.slow
def test_an_attack_on_posts_told_with_clashes_stays_a_battle(analyses) -> None:  # type: ignore[no-untyped-def]
    assert _with_toll(analyses["artillery_and_clashes"], 11).sub_event_type == on.ARMED_CLASH


@pytest.mark.slow
def test_an_execution_is_not_the_strike_told_after_it(analyses) -> None:  # type: ignore[no-untyped-def]
    assert _with_toll(analyses["execution_then_jets"], 12).sub_event_type == on.ATTACK
