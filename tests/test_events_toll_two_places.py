"""Figures of one clause told each with a town of its own are two places' dead, not one
toll summed: ACLED codes one event per location. Districts of one city, and groups told
with no place of their own, still add up. Invented sentences."""

from __future__ import annotations

import pytest

from crosswire.model import Analysis, Event
from pipeline_texts import analyses_by_name

pytestmark = pytest.mark.slow

TEXTS = {
    "two_towns": (
        "Government air strikes killed 30 people around the town of Saraqib and five others "
        "outside the city of Ariha on Monday, the monitor said."
    ),
    "two_towns_more": (
        "Regime shelling killed 12 civilians in Kafr Nabl and three more in Maarat al-Numan "
        "on Sunday, a monitor said."
    ),
    "two_districts": (
        "Air strikes killed 9 people in the Bustan district and four in the Salihin district "
        "of Aleppo on Friday, the monitor said."
    ),
    "two_sides": (
        "Fighting killed 20 soldiers and 15 rebels near the town of Morek on Tuesday, the "
        "monitor said."
    ),
}


@pytest.fixture(scope="module")
def analyses(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Analysis]:
    return analyses_by_name(TEXTS, tmp_path_factory.mktemp("two_places"))


def happened(analysis: Analysis) -> list[Event]:
    return [e for e in analysis.events if e.modality == "asserted" and not e.background]


@pytest.mark.parametrize(
    ("name", "toll"),
    [("two_towns", 30), ("two_towns_more", 12), ("two_districts", 13), ("two_sides", 35)],
)
def test_figures_of_two_towns_are_not_summed(analyses, name, toll) -> None:  # type: ignore[no-untyped-def]
    assert [e.fatalities for e in happened(analyses[name])] == [toll]
