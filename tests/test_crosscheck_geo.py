"""A town on no map (``locality``) against the places other reports give."""

from __future__ import annotations

from crosswire.crosscheck import geo
from crosswire.model import Place

_VILLAGE = Place(
    name="Kfar Haddoun", lat=35.9, lon=36.6, country_code="SY", admin1="Idlib", feature="locality"
)
_SEAT = Place(
    name="Idlib",
    geonameid=1,
    lat=35.93,
    lon=36.63,
    country_code="SY",
    admin1="Idlib",
    feature="city",
)
_OTHER = Place(
    name="Hama",
    geonameid=2,
    lat=35.13,
    lon=36.75,
    country_code="SY",
    admin1="Hama",
    feature="city",
)
_PROVINCE = Place(name="Idlib", geonameid=3, country_code="SY", admin1="Idlib", feature="admin1")


def test_a_locality_agrees_with_the_places_of_its_province() -> None:
    assert geo.compatible(_VILLAGE, _SEAT, 5.0)
    assert geo.compatible(_VILLAGE, _PROVINCE, 5.0)
    assert not geo.compatible(_VILLAGE, _OTHER, 5.0)


def test_a_locality_names_the_event_before_its_seat() -> None:
    assert geo.precision(_VILLAGE) < geo.precision(_SEAT)


def test_localities_of_one_name_in_two_provinces_differ() -> None:
    elsewhere = Place(name="Kfar Haddoun", country_code="SY", admin1="Hama", feature="locality")
    assert elsewhere.id != _VILLAGE.id


def test_spellings_of_one_locality_are_one_place() -> None:
    other = Place(name="Kafr Hadoun", country_code="SY", admin1="Idlib", feature="locality")
    assert other.id == _VILLAGE.id
