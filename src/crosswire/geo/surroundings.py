"""The region around a city that is a first-level region of its own.

Some cities are a first-level region on their own: Damascus (Dimashq) amid Rif
Dimashq, Sanaa (Amanat al-Asimah) amid Sanaa governorate, Beirut, Mogadishu
(Banaadir). "The suburbs of Damascus" or "the Damascus countryside" then lie in the
region around the city, not in the city's. Which cities are so is read from the
gazetteer, not listed: every populated place of the city's region lies close to it,
and the region around is the one holding most of the places just beyond.
"""

from __future__ import annotations

import math
from collections import Counter
from functools import cache

from crosswire.geo.gazetteer import Gazetteer
from crosswire.model import Place

# A city-region's own places lie within this of the city (neighbourhoods, a suburb).
_CITY_REGION_KM = 20.0
# The ring whose places say which region surrounds the city.
_RING_KM = 35.0
_TOWNS = frozenset(["city", "capital"])


def surrounding_region(city: Place) -> Place | None:
    """The first-level region around ``city`` when the city is a region of its own, else
    None (a city inside a larger province: its outskirts lie in its own province)."""
    if city.lat is None or city.lon is None or not city.country_code or not city.admin1:
        return None
    found = _surrounding(city.country_code, city.admin1, round(city.lat, 3), round(city.lon, 3))
    if found is None:
        return None
    name, geonameid, lat, lon = found
    return Place(
        name=name,
        geonameid=geonameid,
        lat=lat,
        lon=lon,
        country_code=city.country_code,
        admin1=name,
        feature="admin1",
    )


@cache
def _surrounding(
    country: str, admin1: str, lat: float, lon: float
) -> tuple[str, int | None, float, float] | None:
    gazetteer = Gazetteer.load()
    own: list[int] = []
    beyond: Counter[str] = Counter()
    for index in gazetteer.within(lat, lon, _RING_KM, country):
        if gazetteer.feature_of(index) not in _TOWNS:
            continue
        region = gazetteer.admin1_of(index)
        if region == admin1:
            own.append(index)
        elif region is not None:
            beyond[region] += 1
    # ``own`` empty: the region's name is not the gazetteer's, so nothing is known of it.
    if not own or not beyond or not _compact(gazetteer, country, admin1, lat, lon):
        return None
    region = beyond.most_common(1)[0][0]
    for index in gazetteer.within(lat, lon, 400.0, country):
        if gazetteer.feature_of(index) == "admin1" and gazetteer.name_of(index) == region:
            entry = gazetteer.candidate(index, "primary")
            return entry.name, entry.geonameid, entry.lat, entry.lon
    return None


def _compact(gazetteer: Gazetteer, country: str, admin1: str, lat: float, lon: float) -> bool:
    """Whether every populated place of the city's region lies close to the city."""
    for index in gazetteer.within(lat, lon, 1000.0, country):
        if gazetteer.feature_of(index) in _TOWNS and gazetteer.admin1_of(index) == admin1:
            entry = gazetteer.candidate(index, "primary")
            if _km(lat, lon, entry.lat, entry.lon) > _CITY_REGION_KM:
                return False
    return True


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    scale = math.cos(math.radians((lat1 + lat2) / 2))
    return 111.2 * math.hypot(lat1 - lat2, (lon1 - lon2) * scale)
