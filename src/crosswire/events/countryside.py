"""The countryside of a province's seat is the province, not the town.

"Rural Aleppo", "the countryside of Hama": the towns around the seat, its province. Where
the press calls a province of its own after a city ("rural Damascus", "the Damascus
suburbs": Rif Dimashq, around a city that is a governorate by itself), the gazetteer holds
that name as the province's alias, and the city's countryside, suburbs, outskirts or
province are that province. "Near", "outside" or "around" a city stay at the city, and so
do the suburbs and outskirts of a seat whose province bears its name (its own quarters).
"""

from __future__ import annotations

import re

from crosswire.events.index import AREA_RANK, ArticleIndex, inside, rank
from crosswire.geo import place_from_candidate
from crosswire.geo.gazetteer import Candidate, Gazetteer
from crosswire.geo.normalize import fold_key
from crosswire.model import Mention, Place

_COMPASS = r"(?:(?:north|south|east|west)[a-z]*\s+)?"
_NOUNS = r"(?P<noun>countryside|suburbs?|outskirts|province)"
# "rural Idlib", "the countryside of (northern) Hama", "the suburbs of Damascus"
_BEFORE = re.compile(rf"(?:\b(?P<rural>rural)|\b{_NOUNS}\s+of(?:\s+the)?)\s+{_COMPASS}$", re.I)
# "the Idlib countryside", "Damascus' (eastern) countryside", "Aleppo's suburbs"
_AFTER = re.compile(rf"(?:['’]s?)?\s+{_COMPASS}{_NOUNS}\b", re.I)
# The press names of a province called after a city, as the gazetteer's aliases spell them.
_ALIASES = ("Rural {}", "{} Countryside", "{} Suburbs")
# A seat's suburbs and outskirts may be its own quarters, and its province by name the geo
# stage reads as the unit already: only these cues reach the province of its own name.
_OWN_PROVINCE_CUES = frozenset(["rural", "countryside"])


def countryside(
    index: ArticleIndex, chosen: Place, candidates: list[tuple[int, Place]], finer: bool = True
) -> Place:
    """The province ``chosen`` stands for when the sentence names its countryside (its
    first mention among ``candidates``, the sentence's places the choice was made from),
    or with ``finer`` the article's town in it, not the seat itself; else ``chosen``."""
    area = _countryside_of(index, chosen, candidates)
    if area is None:
        return chosen
    if finer:
        towns = (p for p in index.focus_places if p.id != chosen.id and rank(p) < AREA_RANK)
        return next((p for p in towns if inside(area, p)), area)
    return area


def _countryside_of(
    index: ArticleIndex, chosen: Place, candidates: list[tuple[int, Place]]
) -> Place | None:
    if chosen.country_code is None or rank(chosen) >= AREA_RANK:
        return None
    start = min((s for s, place in candidates if place.id == chosen.id), default=None)
    if start is None:
        return None
    end = next((e for s, e, _p in index.places if s == start), start)
    cue = _cue(index.text, start, end)
    if cue is None:
        return None
    name = index.text[start:end]
    unit = _province(name, chosen, cue)
    if unit is None:
        return None
    mention = Mention(article=index.article_id, start=start, end=end, text=name)
    return place_from_candidate(unit, mention)


def _cue(text: str, start: int, end: int) -> str | None:
    """The countryside word around the name ("rural", "countryside", "suburbs" ...)."""
    before = _BEFORE.search(text[max(0, start - 40) : start])
    if before is not None:
        return "rural" if before.group("rural") else before.group("noun").lower()
    after = _AFTER.match(text, end)
    return after.group("noun").lower() if after is not None else None


def _province(name: str, town: Place, cue: str) -> Candidate | None:
    """The first-level unit the gazetteer names after the town ("Rural Damascus"), else
    (rural, countryside) the unit the town's own name also names ("Aleppo": the city and
    Halab governorate); None for a town that names no unit."""
    gazetteer = Gazetteer.load()
    units = [
        c
        for alias in _ALIASES
        for c in gazetteer.lookup(alias.format(name))
        if c.feature == "admin1" and c.country == town.country_code
    ]
    if units:
        return units[0]
    if cue not in _OWN_PROVINCE_CUES or town.admin1 is None:
        return None
    region = fold_key(town.admin1)
    return next(
        (
            c
            for c in gazetteer.lookup(name)
            if c.feature == "admin1"
            and c.country == town.country_code
            and fold_key(c.admin1 or c.name) == region
        ),
        None,
    )
