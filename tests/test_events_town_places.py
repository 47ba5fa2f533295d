"""Where an event happened when the sentence names a town: the team's own texts, through
the whole pipeline (places resolved), each dated Saturday 2 July 2016."""

from __future__ import annotations

from pathlib import Path

import pytest

from crosswire.model import Analysis, Event
from pipeline_texts import analyses_by_name

pytestmark = pytest.mark.slow

TEXTS = {
    # "Kfar Haddoun" is made up: no gazetteer holds it.
    "unplaced_town": (
        "Air strikes hit the town of Saraqib in Idlib province on Monday, killing five "
        "people. Rescuers in Saraqib pulled two children from the rubble. Warplanes also "
        "struck the village of Kfar Haddoun in Idlib province on Tuesday, killing two women."
    ),
    # The village's own sentences name no province: it is still not Saraqib.
    "unplaced_village_later": (
        "Air strikes hit the town of Saraqib in Idlib province on Monday, killing five "
        "people. Rescuers in Saraqib pulled two children from the rubble. Gunmen stormed "
        "the village of Kfar Haddoun at dawn on Tuesday and shot dead four farmers."
    ),
    # "Tell Marbouk" is made up too.
    "more_dead_elsewhere": (
        "Air strikes hit the town of Saraqib in Idlib province on Monday, killing five "
        "people. Two more civilians were killed in air strikes on the village of Tell Marbouk."
    ),
}


@pytest.fixture(scope="module")
def analyses(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Analysis]:
    return analyses_by_name(TEXTS, Path(tmp_path_factory.mktemp("town_places")))


def _place(analysis: Analysis, needle: str) -> str | None:
    hits: list[Event] = [e for e in analysis.events if needle in e.sources[0].text]
    assert hits, analysis.events
    places = {p.id: p for p in analysis.places}
    place = places.get(hits[0].place or "")
    return place.feature if place else None


def test_a_town_off_the_map_keeps_its_province(analyses) -> None:  # type: ignore[no-untyped-def]
    # Not Saraqib, the town the article is mostly about: the province the sentence names.
    assert _place(analyses["unplaced_town"], "Kfar Haddoun") == "admin1"
    assert _place(analyses["unplaced_town"], "Saraqib in Idlib") == "city"


def test_a_town_off_the_map_named_without_its_province(analyses) -> None:  # type: ignore[no-untyped-def]
    # The fallback (the article's main town) would put the raid in Saraqib: the province.
    assert _place(analyses["unplaced_village_later"], "Kfar Haddoun") == "admin1"
    # A village of its own, not more dead of the strikes on Saraqib.
    assert _place(analyses["more_dead_elsewhere"], "Tell Marbouk") == "admin1"
