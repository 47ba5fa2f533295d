"""The countryside of a province's seat is the province, not the town: the countryside of
Damascus is Rif Dimashq, a governorate of its own, not the city (texts written for these
tests)."""

from __future__ import annotations

import pytest

from crosswire.model import Analysis, Place
from pipeline_texts import analyses_by_name

pytestmark = pytest.mark.slow

_TAIL = " The figure came from a monitoring group with a network of volunteers on the ground."

TEXTS = {
    "rural": (
        "Government air strikes killed ten people in rural Damascus on Friday, a monitor "
        "said. The town of Douma has been under siege for months."
    ),
    "city": (
        "A mortar shell killed three people in Damascus on Friday, a monitor said. "
        "The town of Douma has been under siege for months."
    ),
    # No town named: the chosen place is the one in the strikes' own phrase.
    "rural_alone": "Air strikes on rural Damascus killed 12 people on Thursday." + _TAIL,
    "countryside": (
        "Artillery shelling in the Damascus countryside left seven civilians dead on "
        "Wednesday, rescuers said." + _TAIL
    ),
    "countryside_of": (
        "Fierce clashes in the eastern countryside of Damascus killed nine fighters on "
        "Tuesday." + _TAIL
    ),
    "possessive": "Barrel bombs dropped on Damascus' countryside killed four on Monday." + _TAIL,
    "suburbs": "Rockets fired at the Damascus suburbs wounded eleven people on Sunday." + _TAIL,
    "rural_seat": (
        "Russian air strikes on rural Aleppo killed 14 people on Saturday, a war monitor in "
        "Syria said." + _TAIL
    ),
    "near": "A car bomb killed six soldiers near Damascus on Thursday." + _TAIL,
    "outskirts": "Mortar fire on the outskirts of Damascus killed two children on Monday." + _TAIL,
    "seat_suburbs": (
        "Shells landed in the Aleppo suburbs on Friday, killing five people, a monitor in "
        "Syria said." + _TAIL
    ),
    "unmapped_village": (
        "Two mortar shells hit houses in Tell Zarnaqa village in the eastern countryside of "
        "Homs on Friday, killing a woman, a monitor in Syria said." + _TAIL
    ),
}


@pytest.fixture(scope="module")
def analyses(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Analysis]:
    return analyses_by_name(TEXTS, tmp_path_factory.mktemp("rural_capital"))


def first_place(analysis: Analysis) -> Place:
    places = {p.id: p for p in analysis.places}
    event = analysis.events[0]
    assert event.place in places
    return places[event.place]


def test_rural_damascus_is_not_the_city(analyses) -> None:  # type: ignore[no-untyped-def]
    assert first_place(analyses["rural"]).admin1 != "Dimashq"


def test_the_city_stays_the_city(analyses) -> None:  # type: ignore[no-untyped-def]
    assert first_place(analyses["city"]).admin1 == "Dimashq"


@pytest.mark.parametrize(
    "name", ["rural_alone", "countryside", "countryside_of", "possessive", "suburbs", "outskirts"]
)
def test_damascus_countryside_with_no_town_is_rif_dimashq(analyses, name) -> None:  # type: ignore[no-untyped-def]
    place = first_place(analyses[name])
    assert place.feature == "admin1"
    assert place.name == "Rīf Dimashq"


def test_rural_seat_is_its_province(analyses) -> None:  # type: ignore[no-untyped-def]
    place = first_place(analyses["rural_seat"])
    assert place.feature == "admin1"
    assert place.admin1 == "Ḩalab"


def test_near_the_city_stays_the_city(analyses) -> None:  # type: ignore[no-untyped-def]
    place = first_place(analyses["near"])
    assert (place.name, place.admin1) == ("Damascus", "Dimashq")


def test_a_seats_suburbs_stay_the_seat(analyses) -> None:  # type: ignore[no-untyped-def]
    place = first_place(analyses["seat_suburbs"])
    assert (place.name, place.feature) == ("Aleppo", "city")


def test_a_village_on_no_map_lies_in_the_seats_province(analyses) -> None:  # type: ignore[no-untyped-def]
    place = first_place(analyses["unmapped_village"])
    assert (place.name, place.admin1) == ("Tell Zarnaqa", "Ḩimş")
