"""The region around a city that is a first-level region of its own.

Some capitals are a first-level region on their own, inside another: Damascus
(Dimashq) amid Rif Dimashq, Sanaa amid Sanaa governorate, Beirut amid Mount
Lebanon, Mogadishu (Banaadir). One outlet's "Damascus" is then often another's
"the Damascus countryside": the suburbs lie in the region around the city, not in
the city's own. Which regions are so is read from the gazetteer, not listed: every
town of the region lies close to its largest, which is a large city, and the
region around it is the one that holds most of the towns just beyond.
"""

from __future__ import annotations

import math
from collections import Counter
from functools import cache

from crosswire.geo.gazetteer import Gazetteer

# A city-region's own towns (its neighbourhoods, a suburb) lie within this of the city.
CITY_REGION_KM = 20.0
# A region that is one city holds a large city, not a small town and its hamlets.
CITY_POPULATION = 250_000
# The ring whose towns tell which region surrounds the city.
RING_KM = 35.0


def surrounding_region(country: str | None, admin1: str | None) -> str | None:
    """The name of the first-level region around ``admin1`` when that region is one
    city, else None (a region with towns far apart, or one the gazetteer lacks)."""
    if not country or not admin1:
        return None
    try:
        return _surrounding(country, admin1)
    except OSError:  # no gazetteer here: nothing is known of the region
        return None


@cache
def _surrounding(country: str, admin1: str) -> str | None:
    gazetteer = Gazetteer.load()
    towns = [gazetteer.candidate(i, "primary") for i in gazetteer.towns(country)]
    own = [t for t in towns if t.admin1 == admin1]
    if not own:
        return None
    city = max(own, key=lambda t: t.population)
    if city.population < CITY_POPULATION:
        return None
    if any(_km(city.lat, city.lon, t.lat, t.lon) > CITY_REGION_KM for t in own):
        return None
    beyond = Counter(
        t.admin1
        for t in towns
        if t.admin1 not in (None, admin1) and _km(city.lat, city.lon, t.lat, t.lon) <= RING_KM
    )
    return beyond.most_common(1)[0][0] if beyond else None


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """An equirectangular distance, fine at the scale of a city's surroundings."""
    scale = math.cos(math.radians((lat1 + lat2) / 2))
    return 111.2 * math.hypot(lat1 - lat2, (lon1 - lon2) * scale)
