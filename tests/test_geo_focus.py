"""The document's focus country and its first-level regions.

A transliterated spelling of a sizeable town of the country a report is about
("Deir Ezour" in a report on Syria) goes on the map; the same spelling in a
report about somewhere else stays off it. "Rural X", "the countryside of X" and
"X countryside" name the region around X, and where that region has a name of its
own (the governorate around a capital) it is that region, not the city.

Every sentence here was written for these tests.
"""

from __future__ import annotations

import pytest

from crosswire.geo import GeoResult, resolve_places
from crosswire.geo.confidence import (
    FEATURES,
    FOCUS_TOWN_LOG_POPULATION,
    THRESHOLD,
    THRESHOLD_IN_FOCUS,
    threshold_for,
)
from crosswire.nlp import load_nlp


def _run(text: str) -> GeoResult:
    return resolve_places(load_nlp()(text), "art_test")


def _vector(**values: float) -> tuple[float, ...]:
    return tuple(values.get(name, 1.0 if name == "bias" else 0.0) for name in FEATURES)


def test_a_sizeable_place_of_a_transliterated_focus_country_needs_less() -> None:
    town = _vector(focus_transliterated=1.0, log_population=FOCUS_TOWN_LOG_POPULATION)
    region = _vector(focus_transliterated=1.0, area=1.0)
    assert threshold_for(town) == THRESHOLD_IN_FOCUS
    assert threshold_for(region) == THRESHOLD_IN_FOCUS


@pytest.mark.parametrize(
    "values",
    [
        # A village: too small to be named without more evidence.
        {"focus_transliterated": 1.0, "log_population": 2 / 7},
        # A sizeable town outside the focus.
        {"focus_transliterated": 0.0, "log_population": 5 / 7},
    ],
)
def test_a_village_or_a_place_outside_the_focus_needs_the_full_threshold(
    values: dict[str, float],
) -> None:
    assert threshold_for(_vector(**values)) == THRESHOLD


@pytest.mark.slow
def test_a_transliterated_town_of_the_focus_country_goes_on_the_map() -> None:
    result = _run(
        "Army shelling killed four people in Deir Ezour on Sunday, a monitor in Syria said. "
        "Syrian state media said troops advanced near Syria's border with Iraq."
    )
    placed = {m.text: p for p, m in result.places}
    assert placed["Deir Ezour"].country_code == "SY"


@pytest.mark.slow
def test_the_same_spelling_in_a_report_about_elsewhere_stays_off_the_map() -> None:
    result = _run(
        "The charity said its volunteers in London and Manchester raised money for families "
        "in Deir Ezour, and the Britain-wide appeal continues in Leeds."
    )
    assert "Deir Ezour" not in {m.text for _, m in result.places}
    assert "Deir Ezour" in {m.text for _, m in result.unplaced}


@pytest.mark.parametrize(
    "text",
    [
        "Regime warplanes pounded rural Damascus on Friday, a monitor in Syria said.",
        "Rebels shelled the city from the eastern countryside of Damascus, Syria.",
        "Barrel bombs fell on the Damascus countryside, a monitor in Syria said.",
    ],
)
@pytest.mark.slow
def test_the_countryside_of_a_capital_is_the_governorate_around_it(text: str) -> None:
    placed = [p for p, m in _run(text).places if m.text == "Damascus"]
    assert placed
    assert all(p.feature == "admin1" and p.admin1 == "Rīf Dimashq" for p in placed)


@pytest.mark.slow
def test_rural_x_is_the_region_and_the_city_itself_stays_the_city() -> None:
    result = _run(
        "Warplanes pounded rural Hama on Friday, and residents of Damascus fled the city, "
        "a monitor in Syria said."
    )
    placed = {m.text: p for p, m in result.places}
    assert placed["Hama"].feature == "admin1"
    assert placed["Damascus"].feature == "capital"
