"""Whether two places can be where one event happened.

Point-like places (towns, sites) agree when they are the same record or lie
within ``near_km`` of each other. A site inside a town (a port, a district, a
facility, often with no GeoNames id) agrees with its town when it lies within
a town's reach (``TOWN_RADIUS_KM``) or carries the town's name ("Hodeidah
port" and "Hudaydah"). A coarser area (a country, a province, a sea) agrees
with the places inside it: a report that names only "Daraa province" does not
contradict one that names a town in it.
"""

from __future__ import annotations

import math
import unicodedata
from functools import lru_cache

from crosswire.geo.normalize import translit_key
from crosswire.geo.resolve import haversine_km
from crosswire.model import Place

# How fine each feature class is; a lower rank is more precise.
FEATURE_RANK: dict[str, int] = {
    "site": 0,
    "port": 0,
    "city": 1,
    "capital": 1,
    "district": 1,
    # A town the text names that no map holds (``events.location``), at its province's
    # point: it lies somewhere in its province, as "part of a region" (ACLED precision 2).
    "locality": 2,
    "admin2": 2,
    "admin1": 3,
    "region": 4,
    "sea": 4,
    "river": 4,
    "country": 5,
    "continent": 6,
}
POINT_RANK = 1
SITE_RANK = 0
TOWN_FEATURES = frozenset({"city", "capital"})
# How far from a town's centre its port, districts and facilities may lie.
TOWN_RADIUS_KM = 15.0
# Where the records cannot tell containment, an area holds what lies within a
# rough radius of its centroid, by the typical size of its feature class.
AREA_RADIUS_KM: dict[int, float] = {2: 60.0, 3: 250.0, 4: 500.0, 5: 1000.0, 6: math.inf}
# A sea is long and its centroid far from most of its coast: an attack on a ship
# "in the Red Sea" is coded to the port town it lay off.
SEA_RADIUS_KM = 1500.0


def distance_km(left: Place, right: Place) -> float | None:
    if None in (left.lat, left.lon, right.lat, right.lon):
        return None
    return haversine_km(left.lat, left.lon, right.lat, right.lon)  # type: ignore[arg-type]


def rank(place: Place) -> int:
    return FEATURE_RANK.get(place.feature or "", POINT_RANK)


def precision(place: Place) -> int:
    """How precisely a place locates an event, lower first: a site with no GeoNames id (a
    point someone drew, "Hodeidah port") locates it no better than its town."""
    found = rank(place)
    if place.feature == "locality":
        # A town the text names, however coarsely drawn: finer than the seat or province
        # its reports are compatible with (a headline's "in Hama" for "the village of X").
        return SITE_RANK
    return POINT_RANK if found == SITE_RANK and place.geonameid is None else found


def fold(text: str | None) -> str:
    """A name folded for comparison: no accents, no punctuation, no case."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    letters = "".join(c for c in decomposed if c.isalnum())
    return letters.casefold()


def contains(outer: Place, inner: Place) -> bool | None:
    """Whether ``outer`` contains ``inner``; ``None`` when the records cannot tell."""
    feature = outer.feature or ""
    if feature == "country":
        if outer.country_code and inner.country_code:
            return outer.country_code == inner.country_code
        return None
    if feature in ("admin1", "locality"):
        if feature == "locality" and fold(outer.name) in _names(inner):
            return True
        if outer.country_code and inner.country_code and outer.country_code != inner.country_code:
            return False
        if inner.admin1:
            return fold(inner.admin1) in {fold(outer.admin1), fold(outer.name)}
        return None
    return None


def names_own_region(place: Place) -> bool:
    """A town the gazetteer also gives as a name of its own first-level region: "Aleppo"
    (of Ḩalab governorate), "Homs" (of Ḩimş), "Latakia": the region's seat where its
    English name and the region's record name are no transliteration of each other."""
    if place.feature not in TOWN_FEATURES or not place.admin1 or not place.country_code:
        return False
    return _names_region(place.name, place.admin1, place.country_code)


@lru_cache(maxsize=4096)
def _names_region(name: str, admin1: str, country: str) -> bool:
    from crosswire.geo.gazetteer import Gazetteer  # loaded once per process, by geo first

    region = translit_key(admin1)
    return any(
        c.feature == "admin1" and c.country == country and translit_key(c.admin1 or "") == region
        for c in Gazetteer.load().lookup(name)
    )


def _names(place: Place) -> set[str]:
    return {key for key in (fold(place.name), *(fold(m.text) for m in place.mentions)) if key}


def _site_of(site: Place, town: Place) -> bool:
    """Whether ``site`` (a port, district or facility) is one of ``town``'s."""
    if rank(site) != SITE_RANK or (town.feature or "") not in TOWN_FEATURES:
        return False
    if site.country_code and town.country_code and site.country_code != town.country_code:
        return False
    gap = distance_km(site, town)
    if gap is not None and gap <= TOWN_RADIUS_KM:
        return True
    town_names = _names(town)
    return any(name in site_name for site_name in _names(site) for name in town_names)


def compatible(left: Place, right: Place, near_km: float) -> bool:
    """Whether one event can be at both places (see the module docstring)."""
    if left.id == right.id:
        return True
    outer, inner = (left, right) if rank(left) >= rank(right) else (right, left)
    if rank(outer) > POINT_RANK:
        inside = contains(outer, inner)
        if inside is not None:
            return inside
        gap = distance_km(outer, inner)
        reach = SEA_RADIUS_KM if outer.feature == "sea" else AREA_RADIUS_KM[rank(outer)]
        return gap is None or gap <= reach
    if _site_of(inner, outer):
        return True
    gap = distance_km(left, right)
    return gap is not None and gap <= near_km
