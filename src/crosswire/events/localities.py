"""Towns the text names that no map holds: the village the gazetteer lacks, the town read
as a namesake abroad or scored under the threshold.

An event told at such a town ("the village of X in Idlib province", "X town, north of
Aleppo") is placed at the town by its name, drawn at the point of the province or town the
text puts it in: a ``locality`` place (ACLED geo_precision 2, part of a region), not the
province's seat, which would name another town.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from crosswire.events.index import ArticleIndex
from crosswire.geo import place_from_candidate
from crosswire.geo.gazetteer import Candidate, Gazetteer
from crosswire.geo.normalize import fold_key
from crosswire.model import Mention, Place

LOCALITY = "locality"
_TOWNS = frozenset(["city"])  # gazetteer features of a populated place (capitals resolve anyway)

SETTLEMENT_NOUNS = frozenset(["town", "village", "city", "hamlet", "settlement", "suburb"])
# Words inside an Arabic place name: "Urum al Kubra", "Aqareb es Safi", "al-Foua".
_PARTICLES = frozenset(["al", "el", "ad", "as", "an", "ash", "ar", "at", "az", "es", "ez", "-"])
_LONGEST = 5  # words in a name
# What may stand between a town and the place the text puts it in or near: "X in central
# Hama province", "X north of second city Aleppo", "X village 50 km away from the city
# of Y", "X town in the eastern countryside of Y", "X, near Y".
_TIED = re.compile(
    r"^[\s,]*(?:(?:a|an|in|near|outside|of|the|its|on|from|away|close|to|"
    r"(?:north|south|east|west)(?:ern|east|west)?(?:ern)?|central|rural|countryside|"
    r"province|governorate|outskirts|suburbs?|area|district|city|town|village|second|"
    r"\d+|km|kilometres|kilometers|miles)\b[\s,]*)*$",
    re.I,
)


def _part(token: Token) -> bool:
    if token.lower_ in SETTLEMENT_NOUNS or token.ent_type_ == "NORP":
        return False  # "Syrian Town" in a headline
    return (token.pos_ == "PROPN" and token.text[:1].isupper()) or token.lower_ in _PARTICLES


def _named_after(noun: Token) -> Token | None:
    """The first word of the name "the village of X" gives, or the last of "X village"."""
    doc = noun.doc
    if noun.i + 2 < len(doc) and doc[noun.i + 1].lower_ == "of":
        first = doc[noun.i + 2]
        following = doc[first.i + 1] if first.i + 1 < len(doc) else first
        if _part(first) and (first.pos_ == "PROPN" or _part(following)):
            return first
        return None
    before = doc[noun.i - 1] if noun.i > 0 and noun.lower_ != "city" else None  # "Old City"
    if before is not None and _part(before) and before.dep_ == "compound":
        return before
    return None


def _name_bounds(word: Token) -> tuple[int, int]:
    """Token bounds [start, end) of the whole name ``word`` stands in."""
    doc = word.doc
    start = end = word.i
    while start > 0 and word.i - start < _LONGEST - 1 and _part(doc[start - 1]):
        start -= 1
    while end + 1 < len(doc) and end - start < _LONGEST - 1 and _part(doc[end + 1]):
        end += 1
    while end > start and doc[end].lower_ in _PARTICLES:
        end -= 1  # "X al-" at a line break
    while start < end and doc[start].lower_ == "-":
        start += 1
    return start, end + 1


def town_names(index: ArticleIndex, doc: Doc) -> dict[str, str]:
    """The names the article calls a town or village ("the town of X", "X village") that
    no place of the article covers: each capitalised word of a name -> the whole name."""
    names: dict[str, str] = {}
    for token in doc:
        if token.lower_ not in SETTLEMENT_NOUNS:
            continue
        word = _named_after(token)
        if word is None:
            continue
        start, end = _name_bounds(word)
        first, last = doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
        if any(p_start < last and first < p_end for p_start, p_end, _ in index.places):
            continue
        name = index.text[first:last]
        for part in doc[start:end]:
            if part.pos_ == "PROPN" and len(part.text) > 2 and part.text[:1].isupper():
                names.setdefault(part.text, name)
    return names


def name_span(token: Token) -> tuple[int, int]:
    """Character bounds of the whole name ``token`` stands in."""
    start, end = _name_bounds(token)
    last = token.doc[end - 1]
    return token.doc[start].idx, last.idx + len(last)


def tied(text: str, town_end: int, place_start: int) -> bool:
    """The place follows the town as where it lies: "X near Y", "X in rural Y"."""
    return 0 <= place_start - town_end <= 80 and bool(_TIED.match(text[town_end:place_start]))


def locality(
    index: ArticleIndex, town: tuple[str, int, int], area: Place, point: Place | None = None
) -> Place:
    """The town (its name, and where this mention of it lies) as a place in ``area`` (a
    province, or the town it is told near), drawn at ``point``'s coordinates or else
    ``area``'s."""
    name, start, end = town
    drawn = point or area
    admin1 = area.admin1 or (area.name if area.feature == "admin1" else None)
    mention = Mention(article=index.article_id, start=start, end=end, text=index.text[start:end])
    entry = _entry_in(name, area.country_code, admin1)
    if entry is not None:
        return place_from_candidate(entry, mention)
    return Place(
        name=name,
        lat=drawn.lat,
        lon=drawn.lon,
        country_code=area.country_code,
        admin1=admin1,
        feature=LOCALITY,
        mentions=(mention,),
    )


def _entry_in(name: str, country: str | None, admin1: str | None) -> Candidate | None:
    """The one town of the province the gazetteer holds under this spelling or another
    ("Maaret al-Numan" for "Ma'arrat an Nu'man"): the resolver leaves such a town
    unplaced when its entry has no population, yet the text has put it in this province,
    so its own point is better than the province's."""
    if not country or not admin1:
        return None
    gazetteer = Gazetteer.load()
    region = fold_key(admin1)  # "Rif Dimashq" as the text's province, "Rīf Dimashq" the entry's
    found = {
        entry.index: entry
        for entry in gazetteer.lookup(name) + gazetteer.lookup_skeleton(name, [country])
        if entry.country == country
        and fold_key(entry.admin1 or "") == region
        and entry.feature in _TOWNS
    }
    return next(iter(found.values())) if len(found) == 1 else None
