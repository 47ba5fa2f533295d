"""Where an event happened when the sentence names a town: the team's own texts, through
the whole pipeline (places resolved), each dated Saturday 2 July 2016."""

from __future__ import annotations

from pathlib import Path

import pytest

from crosswire.model import Analysis
from pipeline_texts import analyses_by_name, place_of_event

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
    # Told near a town the map holds: the village, drawn at that town, not the town.
    "near_a_city": (
        "Government forces shelled the village of Kfar Haddoun, north of Aleppo, on Monday, "
        "killing three children."
    ),
    # Near Damascus: the countryside governorate, Rif Dimashq, not the city's.
    "near_damascus": (
        "Air strikes on the town of Beit Marbouk in rural Damascus killed six people on Friday."
    ),
    # The gazetteer holds this town under another spelling, with no population: the
    # resolver leaves it unplaced, but the text puts it in the province its entry is in.
    "other_spelling": (
        "Warplanes struck the town of Atareb, west of Aleppo, on Thursday, killing four men "
        "at a bakery."
    ),
    # A same-skeleton entry in another province is not this village.
    "namesake_elsewhere": (
        "Air strikes on the village of Jeb al-Jarrah in rural Damascus killed six people on Friday."
    ),
    # Where fighters came from, and where a side advanced towards, are not the scene.
    "origin": (
        "Fighters from the village of Kfar Haddoun attacked an army checkpoint in Aleppo on "
        "Monday, killing four soldiers."
    ),
}


@pytest.fixture(scope="module")
def analyses(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Analysis]:
    return analyses_by_name(TEXTS, Path(tmp_path_factory.mktemp("town_places")))


def _place(analysis: Analysis, needle: str) -> str | None:
    place = place_of_event(analysis, needle)
    return place.feature if place else None


def _named(analysis: Analysis, needle: str) -> tuple[str, str | None] | None:
    place = place_of_event(analysis, needle)
    return (place.name, place.admin1) if place else None


def test_a_town_off_the_map_is_placed_by_its_name_in_its_province(analyses) -> None:  # type: ignore[no-untyped-def]
    # Not Saraqib, the town the article is mostly about, nor Idlib's seat: the village by
    # its name, in the province the sentence names (ACLED geo_precision 2).
    assert _named(analyses["unplaced_town"], "Kfar Haddoun") == ("Kfar Haddoun", "Idlib")
    assert _place(analyses["unplaced_town"], "Kfar Haddoun") == "locality"
    assert _place(analyses["unplaced_town"], "Saraqib in Idlib") == "city"


def test_a_town_off_the_map_named_without_its_province(analyses) -> None:  # type: ignore[no-untyped-def]
    # The fallback (the article's main town) would put the raid in Saraqib: the village
    # in Saraqib's province.
    assert _named(analyses["unplaced_village_later"], "Kfar Haddoun") == ("Kfar Haddoun", "Idlib")
    # A village of its own, not more dead of the strikes on Saraqib.
    assert _named(analyses["more_dead_elsewhere"], "Tell Marbouk") == ("Tell Marbouk", "Idlib")


def test_a_town_off_the_map_told_near_a_town(analyses) -> None:  # type: ignore[no-untyped-def]
    assert _named(analyses["near_a_city"], "Kfar Haddoun") == ("Kfar Haddoun", "Ḩalab")
    assert _place(analyses["near_a_city"], "Kfar Haddoun") == "locality"


def test_a_town_off_the_map_near_damascus_is_in_its_countryside(analyses) -> None:  # type: ignore[no-untyped-def]
    assert _named(analyses["near_damascus"], "Beit Marbouk") == ("Beit Marbouk", "Rif Dimashq")


def test_a_town_named_as_an_origin_is_not_the_scene(analyses) -> None:  # type: ignore[no-untyped-def]
    assert _place(analyses["origin"], "checkpoint") == "city"


def test_a_town_the_map_holds_under_another_spelling_gets_its_own_point(analyses) -> None:  # type: ignore[no-untyped-def]
    place = place_of_event(analyses["other_spelling"], "Atareb")
    assert place is not None
    assert (place.feature, place.geonameid is not None) == ("city", True)
    assert place.name.endswith("rib")  # the entry's own name, not the text's spelling
    assert place in analyses["other_spelling"].places


def test_a_namesake_in_another_province_is_no_entry_for_the_village(analyses) -> None:  # type: ignore[no-untyped-def]
    assert _named(analyses["namesake_elsewhere"], "Jeb al-Jarrah") == (
        "Jeb al-Jarrah",
        "Rif Dimashq",
    )


def test_a_province_written_without_its_diacritics_finds_the_entry() -> None:
    from crosswire.events.localities import _entry_in

    entry = _entry_in("Kafr Batna", "SY", "Rif Dimashq")  # the entry's region is "Rīf Dimashq"
    assert entry is not None and entry.geonameid is not None
    assert _entry_in("Kafr Batna", "SY", "Idlib") is None  # not in the province the text gives
