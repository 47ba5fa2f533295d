"""Where an event happened, not a place named beside it: a neighbour named as the other
side of a border, a country inside a group's name, where a report was told (texts
written for these tests)."""

from __future__ import annotations

import pytest

from crosswire.model import Analysis
from pipeline_texts import analyses_by_name

pytestmark = pytest.mark.slow

TEXTS = {
    # The neighbour named more often than the home country: still the home side's story.
    "border_crossing": (
        "A car bomb killed 15 fighters at a border crossing with Turkey on Friday, a "
        "monitoring group said. It said the bomb went off at the crossing between Turkey "
        "and the rebel-held Syrian province of Idlib."
    ),
    # A country inside a group's name, written loosely, is no scene.
    "name_of_group": (
        'Fighters of the "Islamic State in Iraq and Levant" killed 12 soldiers on Tuesday, '
        "activists said. The fighting went on in the city of Aleppo."
    ),
    # Where a report was told is no scene.
    "told_abroad": (
        "A monitor told reporters in London on Monday that rockets had killed five people."
    ),
}


@pytest.fixture(scope="module")
def analyses(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Analysis]:
    return analyses_by_name(TEXTS, tmp_path_factory.mktemp("place_scene"))


def countries(analysis: Analysis) -> list[str | None]:
    places = {p.id: p for p in analysis.places}
    return [places[e.place].country_code for e in analysis.events if e.place in places]


def test_a_neighbour_across_the_border_is_not_the_scene(analyses) -> None:  # type: ignore[no-untyped-def]
    found = countries(analyses["border_crossing"])
    assert found and set(found) == {"SY"}


def test_a_country_inside_a_groups_name_is_not_the_scene(analyses) -> None:  # type: ignore[no-untyped-def]
    found = countries(analyses["name_of_group"])
    assert found and set(found) == {"SY"}


def test_where_a_report_was_told_is_not_the_scene(analyses) -> None:  # type: ignore[no-untyped-def]
    analysis = analyses["told_abroad"]
    assert analysis.events
    assert "GB" not in countries(analysis)
