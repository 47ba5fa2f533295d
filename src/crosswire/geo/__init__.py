"""Places: recognising toponyms in an article and resolving them to GeoNames.

The one call the NLP stage needs::

    from crosswire.geo import resolve_places
    result = resolve_places(doc, article.id)   # doc = load_nlp()(article.text)
    for place, mention in result.places: ...       # literal places, resolved
    for surface, mention, country in result.metonyms: ...  # "Moscow said": actors

``Gazetteer.load()`` gives the process-wide gazetteer (built into
``$XDG_CACHE_HOME/crosswire`` on first use, then loaded in well under a second).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from crosswire.geo.gazetteer import Candidate, Gazetteer
from crosswire.geo.recognize import Recognized, Recognizer
from crosswire.geo.resolve import MIN_SCORE, Resolution, Resolver, Toponym
from crosswire.geo.words import facility_nouns, us_states
from crosswire.model import Mention, Place

__all__ = [
    "Gazetteer",
    "GeoResult",
    "Toponym",
    "link_containers",
    "place_from_candidate",
    "resolve_places",
    "resolve_toponyms",
]

_ADMIN_OF = re.compile(r"^\s+(?:province|governorate|region|state|district|county)\s+of\s+$", re.I)
_IN = re.compile(r"^,?\s+in\s+(?:the\s+)?(?:(?:north|south|east|west|central)[a-z]*\s+)?$", re.I)
_AND = re.compile(r"^\s*,?\s*(?:and|or)\s+$", re.I)
_COMMA = re.compile(r"^\s*,\s*$")
_STATE_AFTER = re.compile(
    r"^\s*,\s*((?:[A-Z][a-z]{1,4}\.)|(?:[A-Z]\.[A-Z]\.)|(?:W\.Va\.)|[A-Z]{2}\b)"
)
_THE_BEFORE = re.compile(r"(?:^|\W)the\s+$", re.I)
_WORD_AFTER = re.compile(r"^[\s\-]+([a-z]+)")


def _definite(text: str, start: int, end: int) -> bool:
    """ "the Atlantic", "the Gulf": the article belongs to the name, not to a longer phrase
    ("the Atlanta police", "the Red Sea coast") whose head noun follows."""
    if not _THE_BEFORE.search(text[max(0, start - 5) : start]):
        return False
    following = _WORD_AFTER.match(text[end : end + 30])
    return following is None or following.group(1) in STOP_WORDS


def _facility(text: str) -> bool:
    """ "Barclays Center", "Colchester General Hospital": a building, not a settlement."""
    words = text.split()
    return len(words) > 1 and words[-1].lower() in facility_nouns()


@dataclass(frozen=True, slots=True)
class GeoResult:
    """What ``resolve_places`` found in one article.

    ``places``: literal places with the mention each was resolved from
    (unresolved toponyms are left out). ``metonyms``: places used as actors,
    "(surface, mention, country code)". ``demonyms``: "Syrian" and the like,
    same shape. ``unresolved``: toponyms with no gazetteer answer.
    """

    places: list[tuple[Place, Mention]] = field(default_factory=list)
    metonyms: list[tuple[str, Mention, str | None]] = field(default_factory=list)
    demonyms: list[tuple[str, Mention, str | None]] = field(default_factory=list)
    unresolved: list[Mention] = field(default_factory=list)


def place_from_candidate(candidate: Candidate, mention: Mention) -> Place:
    return Place(
        name=candidate.name,
        geonameid=candidate.geonameid,
        lat=candidate.lat,
        lon=candidate.lon,
        country_code=candidate.country or None,  # seas and regions span several
        admin1=candidate.admin1,
        feature=candidate.feature,
        mentions=(mention,),
    )


def link_containers(text: str, found: Sequence[Recognized]) -> list[Toponym]:
    """Toponyms with "X, Y", "X in Y", "the Y province of X" and "X, La." links filled in."""
    states = us_states()
    found = list(found)
    # "Alexandria, La.": spaCy takes the abbreviation for a place of its own.
    for i in range(1, len(found)):
        item, before = found[i], found[i - 1]
        abbreviation = text[item.start : item.end + 1].rstrip(" ,")
        state_name = states.get(abbreviation) or states.get(item.text)
        if state_name and _COMMA.match(text[before.end : item.start]):
            found[i] = replace(item, query=state_name, hint="admin", role="place")
    toponyms: list[Toponym] = []
    containers: list[int | None] = []
    for i, item in enumerate(found):
        container: int | None = None
        container_admin1: tuple[str, str] | None = None
        following = found[i + 1] if i + 1 < len(found) else None
        if following is not None:
            between = text[item.end : following.start]
            if _COMMA.match(between) or _IN.match(between) or _ADMIN_OF.match(between):
                container = i + 1
        if container is None:
            after = _STATE_AFTER.match(text[item.end : item.end + 12])
            if after and after.group(1) in states:
                container_admin1 = ("US", states[after.group(1)])
        containers.append(container)
        hint = item.hint
        if hint is None and _facility(item.text):
            hint = "facility"
        toponyms.append(
            Toponym(
                start=item.start,
                end=item.end,
                text=item.text,
                query=item.query,
                hint=hint,
                container=container,
                container_admin1=container_admin1,
                role="place" if item.role == "place" else "metonym",
                definite=hint is None and _definite(text, item.start, item.end),
            )
        )
    # "Ras al-Ain and Tal Abyad in Syria": the list shares its last member's container.
    for i in range(len(toponyms) - 2, -1, -1):
        later = toponyms[i + 1]
        if (
            containers[i] is None
            and later.container is not None
            and _IN.match(text[later.end : found[later.container].start])
            and _AND.match(text[toponyms[i].end : later.start])
        ):
            toponyms[i] = replace(toponyms[i], container=later.container)
    return toponyms


def resolve_toponyms(
    toponyms: Sequence[Toponym],
    *,
    context_countries: Sequence[str] = (),
    min_score: float | None = MIN_SCORE,
    gazetteer: Gazetteer | None = None,
) -> list[Resolution]:
    """Resolve toponyms found by any means (the benchmark feeds gold spans here)."""
    resolver = Resolver(gazetteer or Gazetteer.load(), min_score=min_score)
    return resolver.resolve(toponyms, context_countries=context_countries)


def resolve_places(doc: Doc, article_id: str) -> GeoResult:
    """Recognise and resolve the places of one article; offsets refer to ``doc.text``."""
    gazetteer = Gazetteer.load()
    found = Recognizer(gazetteer).recognize(doc)
    demonyms = [r for r in found if r.role == "demonym"]
    toponym_items = [r for r in found if r.role != "demonym"]
    context = [r.country for r in demonyms if r.country]
    resolver = Resolver(gazetteer)

    resolutions = resolver.resolve(
        link_containers(doc.text, toponym_items), context_countries=context
    )
    # A relabelled entity with no cue in its sentence stays only inside the focus countries.
    focus = {
        res.candidate.country
        for item, res in zip(toponym_items, resolutions, strict=True)
        if res.candidate is not None and not item.tentative
    } | set(context)
    kept = [
        item
        for item, res in zip(toponym_items, resolutions, strict=True)
        if not item.tentative or (res.candidate is not None and res.candidate.country in focus)
    ]
    if len(kept) != len(toponym_items):
        toponym_items = kept
        resolutions = resolver.resolve(
            link_containers(doc.text, toponym_items), context_countries=context
        )

    result = GeoResult()
    for item, resolution in zip(toponym_items, resolutions, strict=True):
        mention = Mention(article=article_id, start=item.start, end=item.end, text=item.text)
        candidate = resolution.candidate
        if item.role == "metonym":
            country = candidate.country if candidate is not None else None
            result.metonyms.append((item.text, mention, country))
        elif candidate is None:
            result.unresolved.append(mention)
        else:
            result.places.append((place_from_candidate(candidate, mention), mention))
    for item in demonyms:
        mention = Mention(article=article_id, start=item.start, end=item.end, text=item.text)
        result.demonyms.append((item.text, mention, item.country))
    return result
