"""An event's toll is its own incident's, through the whole pipeline: more dead told in a
clause of their own ("and three others died in <another district>", "while six children
were also killed in shelling on <another town>") are not added to the first figure's
event; "the dead included N" tells a part of a toll counted elsewhere, no incident of its
own; dead of one incident listed together still add up. Invented sentences."""

from __future__ import annotations

import pytest

from crosswire.model import Analysis, Event
from pipeline_texts import analyses_by_name

pytestmark = pytest.mark.slow

# Two opening sentences that tell no violence, so the reports below are told in the body.
_OPENING = (
    "The United Nations said aid convoys reached the province this month. "
    "Officials said talks on a ceasefire would resume in Geneva. "
)

TEXTS = {
    "others_in_another_district": _OPENING
    + (
        "The monitor said eight civilians were killed in the Bustan district and three "
        "others died in the Salihin district of the city of Aleppo."
    ),
    "others_in_the_same_district": _OPENING
    + (
        "The monitor said eight civilians were killed in the Bustan district and three "
        "others died later of their wounds."
    ),
    "also_killed_in_another_attack": _OPENING
    + (
        "Government jets killed four rescue workers in the town of Douma on Friday, while "
        "seven children were also killed in shelling on the town of Harasta."
    ),
    "dead_included": _OPENING
    + (
        "A car bomb hit a convoy of buses near the town of Rashidin on Saturday, killing at "
        "least 90 people. The dead included 70 evacuees, 10 of whom were women, the monitor "
        "said."
    ),
    "civilians_and_fighters": _OPENING
    + (
        "Air strikes on the town of Saraqib killed 12 civilians and five fighters on "
        "Sunday, the monitor said."
    ),
}


@pytest.fixture(scope="module")
def analyses(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Analysis]:
    return analyses_by_name(TEXTS, tmp_path_factory.mktemp("own_incident"))


def happened(analysis: Analysis) -> list[Event]:
    return [e for e in analysis.events if e.modality == "asserted" and not e.background]


def tolls(analysis: Analysis) -> list[int | None]:
    return sorted((e.fatalities for e in happened(analysis)), key=lambda v: v or 0)


def test_more_dead_in_another_place_are_not_added(analyses) -> None:  # type: ignore[no-untyped-def]
    assert tolls(analyses["others_in_another_district"]) == [8]


def test_more_dead_of_the_same_place_are_added(analyses) -> None:  # type: ignore[no-untyped-def]
    assert tolls(analyses["others_in_the_same_district"]) == [11]


def test_more_dead_of_an_attack_of_their_own_go_to_that_attack(analyses) -> None:  # type: ignore[no-untyped-def]
    events = happened(analyses["also_killed_in_another_attack"])
    by_type = {e.sub_event_type: e.fatalities for e in events}
    assert by_type.get("Shelling/artillery/missile attack") == 7
    assert 11 not in by_type.values()
    assert 4 in by_type.values()


def test_the_dead_included_is_a_part_not_an_incident(analyses) -> None:  # type: ignore[no-untyped-def]
    assert tolls(analyses["dead_included"]) == [90]


def test_dead_of_one_incident_listed_together_add_up(analyses) -> None:  # type: ignore[no-untyped-def]
    assert tolls(analyses["civilians_and_fighters"]) == [17]
