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
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from crosswire.geo.confidence import (
    FEATURES,
    confidence,
    document_features,
    is_seat,
    threshold_for,
    unsettled,
)
from crosswire.geo.gazetteer import Candidate, Gazetteer
from crosswire.geo.recognize import Recognized, Recognizer
from crosswire.geo.resolve import MIN_SCORE, Resolution, Resolver, Toponym
from crosswire.geo.sources import SITE_FEATURES, WATER_FEATURES, wide_areas
from crosswire.geo.words import facility_nouns, us_states
from crosswire.model import Mention, Place
from crosswire.nlp import doc_text

VOUCHED_FEATURES = SITE_FEATURES | WATER_FEATURES
EXACT = FEATURES.index("exact_name")
OWN = FEATURES.index("own_name")
FOCUS = FEATURES.index("focus_country")

__all__ = [
    "Gazetteer",
    "GeoResult",
    "Toponym",
    "link_containers",
    "place_from_candidate",
    "resolve_places",
    "resolve_toponyms",
]

_ADMIN_OF = re.compile(r"^\s+(?:province|governorate|region|state|county)\s+of\s+$", re.I)
# "the X district of Y", "the X neighbourhood of Y": Y a town as often as a unit.
_QUARTER_OF = re.compile(r"^\s+(?:district|neighbou?rhood|quarter|suburb)\s+of\s+$", re.I)
# "Y's X district": the possessive names X's container when a unit word follows X
# ("Aleppo's al-Shaar neighbourhood"); without one it is no place ("Iran's Syria policy").
_POSSESSIVE = re.compile(r"^\s*['\u2019]s?\s+$")
_UNIT_AFTER = re.compile(
    r"^\s+(?:district|neighbou?rhood|quarter|suburb|province|governorate|region|county|"
    r"countryside|area|camp|village|town)\b",
    re.I,
)
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

    ``places``: literal places scored at or over the threshold, with the mention
    each was resolved from. ``unplaced``: metonyms and places scored under it,
    kept for audit (role "metonym", "unresolved", or "area": a wide area no one point
    stands for). ``metonyms``: places used as actors,
    "(surface, mention, country code)". ``demonyms``: "Syrian" and the like,
    same shape. ``unresolved``: toponyms with no gazetteer answer.
    """

    places: list[tuple[Place, Mention]] = field(default_factory=list)
    unplaced: list[tuple[Place, Mention]] = field(default_factory=list)
    metonyms: list[tuple[str, Mention, str | None]] = field(default_factory=list)
    demonyms: list[tuple[str, Mention, str | None]] = field(default_factory=list)
    unresolved: list[Mention] = field(default_factory=list)
    # The confidence model's evidence per resolved span (start, end), for the benches.
    features: dict[tuple[int, int], tuple[float, ...]] = field(default_factory=dict)


def place_from_candidate(
    candidate: Candidate, mention: Mention, *, score: float | None = None
) -> Place:
    return Place(
        name=candidate.name,
        geonameid=candidate.geonameid,
        lat=candidate.lat,
        lon=candidate.lon,
        country_code=candidate.country or None,  # seas and regions span several
        admin1=candidate.admin1,
        feature=candidate.feature,
        mentions=(mention,),
        score=score,
    )


def _flat_lists(text: str, found: Sequence[Recognized]) -> list[list[int]]:
    """Runs of three names or more joined by commas and a last "and" or "or": "Idlib, Hama
    and Aleppo", "Utah, Colorado, and Idaho". A comma inside such a run joins list
    members, not a town and its container. A run whose last name follows a comma
    ("Aleppo, Syria and Mosul, Iraq") is left alone."""
    runs: list[list[int]] = []
    run = [0] if found else []
    last_and = False
    for i in range(1, len(found) + 1):
        between = text[found[i - 1].end : found[i].start] if i < len(found) else "."
        if i < len(found) and (_COMMA.match(between) or _AND.match(between)):
            run.append(i)
            last_and = bool(_AND.match(between))
            continue
        if len(run) >= 3 and last_and:
            runs.append(run)
        run, last_and = [i], False
    return runs


def link_containers(text: str, found: Sequence[Recognized]) -> list[Toponym]:
    """Toponyms with "X, Y", "X in Y", "the Y province of X" and "X, La." links filled in."""
    states = us_states()
    found = _state_abbreviations(text, found, states)
    toponyms: list[Toponym] = []
    containers: list[int | None] = []
    runs = _flat_lists(text, found)
    listed = {i for run in runs for i in run[:-1]}
    for i, item in enumerate(found):
        container, town = _container_of(text, found, i, listed)
        container_admin1: tuple[str, str] | None = None
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
                container_town=town,
                role="place" if item.role == "place" else "metonym",
                definite=hint is None and _definite(text, item.start, item.end),
                dateline=item.dateline,
            )
        )
    toponyms = _share_containers(text, found, toponyms, containers, runs)
    return _coordinate(text, found, toponyms, runs)


def _container_of(
    text: str, found: Sequence[Recognized], i: int, listed: set[int]
) -> tuple[int | None, bool]:
    """The index of the name that contains name ``i``, and whether it may be a town."""
    item = found[i]
    following = found[i + 1] if i + 1 < len(found) else None
    if following is not None and i not in listed:
        between = text[item.end : following.start]
        if _COMMA.match(between) or _IN.match(between) or _ADMIN_OF.match(between):
            return i + 1, False
        if _QUARTER_OF.match(between):
            return i + 1, True
    if (
        i > 0
        and _POSSESSIVE.match(text[found[i - 1].end : item.start])
        and _UNIT_AFTER.match(text[item.end : item.end + 16])
    ):
        return i - 1, True
    return None, False


def _coordinate(
    text: str, found: Sequence[Recognized], toponyms: list[Toponym], runs: list[list[int]]
) -> list[Toponym]:
    """Names joined by "and"/"or" or in one list ("Oregon and Washington", "Idaho, Utah
    or Nevada") are coordinated: news lists places of one kind together."""
    siblings: dict[int, set[int]] = defaultdict(set)
    for i in range(len(found) - 1):
        if _AND.match(text[found[i].end : found[i + 1].start]):
            siblings[i].add(i + 1)
            siblings[i + 1].add(i)
    for run in runs:
        for i in run:
            siblings[i].update(j for j in run if j != i)
    return [
        replace(t, siblings=tuple(sorted(siblings[i]))) if i in siblings else t
        for i, t in enumerate(toponyms)
    ]


def _state_abbreviations(
    text: str, found: Sequence[Recognized], states: dict[str, str]
) -> list[Recognized]:
    """ "Alexandria, La.": spaCy takes the abbreviation for a place of its own."""
    found = list(found)
    for i in range(1, len(found)):
        item, before = found[i], found[i - 1]
        abbreviation = text[item.start : item.end + 1].rstrip(" ,")
        state_name = states.get(abbreviation) or states.get(item.text)
        if state_name and _COMMA.match(text[before.end : item.start]):
            found[i] = replace(item, query=state_name, hint="admin", role="place")
    return found


def _share_containers(
    text: str,
    found: Sequence[Recognized],
    toponyms: list[Toponym],
    containers: list[int | None],
    runs: list[list[int]],
) -> list[Toponym]:
    """Listed names take the container their list's last member has."""
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
    # "Douma, Harasta and Arbin in Eastern Ghouta": every member takes the last one's.
    for run in runs:
        last = toponyms[run[-1]]
        if last.container is not None and _IN.match(text[last.end : found[last.container].start]):
            for i in run[:-1]:
                toponyms[i] = replace(toponyms[i], container=last.container)
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


def _recognize_and_resolve(
    doc: Doc, gazetteer: Gazetteer
) -> tuple[list[Recognized], list[Recognized], list[Toponym], list[Resolution], list[str]]:
    """Demonyms, toponyms as found and as linked, their resolutions, and the demonym
    countries of one document."""
    found = Recognizer(gazetteer).recognize(doc)
    demonyms = [r for r in found if r.role == "demonym"]
    items = [r for r in found if r.role != "demonym"]
    context = [r.country for r in demonyms if r.country]
    resolver = Resolver(gazetteer)
    toponyms = link_containers(doc_text(doc), items)
    resolutions = resolver.resolve(toponyms, context_countries=context)
    # A relabelled entity with no cue in its sentence stays only inside the focus countries.
    focus = {
        res.candidate.country
        for item, res in zip(items, resolutions, strict=True)
        if res.candidate is not None and not item.tentative
    } | set(context)
    kept = [
        item
        for item, res in zip(items, resolutions, strict=True)
        if not item.tentative or (res.candidate is not None and res.candidate.country in focus)
    ]
    if len(kept) != len(items):
        items = kept
        toponyms = link_containers(doc_text(doc), items)
        resolutions = resolver.resolve(toponyms, context_countries=context)
    return demonyms, items, toponyms, resolutions, context


@dataclass(frozen=True, slots=True)
class _Scored:
    toponym: Toponym
    resolution: Resolution
    vector: tuple[float, ...] | None
    score: float | None


def _score(
    doc: Doc,
    items: list[Recognized],
    context: list[str],
    gazetteer: Gazetteer,
    resolved: tuple[list[Toponym], list[Resolution]] | None = None,
    demonyms: Sequence[Recognized] = (),
) -> list[_Scored]:
    """Score ``items``; ``resolved`` is their toponyms and resolutions when already known
    (resolving is a pure function of the toponyms and context, and the costliest step)."""
    if resolved is None:
        toponyms = link_containers(doc_text(doc), items)
        resolutions = Resolver(gazetteer).resolve(toponyms, context_countries=context)
    else:
        toponyms, resolutions = resolved
    vectors = document_features(
        doc, toponyms, resolutions, [i.tentative for i in items], context, gazetteer
    )
    # A namesake tie scores 0: under any threshold unless vouched for (a dateline).
    scored = [
        _Scored(t, r, v, None if v is None else 0.0 if unsettled(r) else round(confidence(v), 3))
        for t, r, v in zip(toponyms, resolutions, vectors, strict=True)
    ]
    return _vouched(scored, items, doc_text(doc), demonyms)


def _under(scored: _Scored, threshold: float | None) -> bool:
    """Scored under the threshold (by default, ``threshold_for`` its evidence)."""
    if scored.score is None or scored.vector is None:
        return False
    if threshold is None:
        candidate = scored.resolution.candidate
        threshold = threshold_for(
            scored.vector,
            candidate.country if candidate else None,
            seat=candidate is not None and is_seat(candidate),
        )
    return scored.score < threshold


def _vouched(
    scored: list[_Scored], items: list[Recognized], text: str, demonyms: Sequence[Recognized]
) -> list[_Scored]:
    """Evidence the scored model cannot weigh from its tune data, passed on as a score of 1:
    the town a report was filed from (wherever the text names it), a curated site or
    water body under one of its own names ("Hmeimim airbase", "the Red Sea"), a
    first-level region named with its unit noun ("Hasakeh province"), and a town the text
    calls one and puts in its own province or country (``_town_in_province``,
    ``_town_of_country``) or names as a town again (``_town_again``). Giving every
    mention of an entry the best score any of them earned was tried: on the LGL check half
    acc@161 +1.4, share right -6 points; only a mention called a town takes it here."""
    filed_from = {
        entry.resolution.candidate.index
        for item, entry in zip(items, scored, strict=True)
        if item.dateline and entry.resolution.candidate is not None
    }
    out = []
    for entry in scored:
        candidate = entry.resolution.candidate
        curated = candidate is not None and candidate.feature in VOUCHED_FEATURES
        exact = entry.vector is not None and entry.vector[EXACT] > 0
        dateline = candidate is not None and candidate.index in filed_from
        if entry.score is not None and (
            dateline
            or (curated and exact)
            or _province(entry)
            or _town_in_province(entry, scored, text)
            or _town_of_country(entry, demonyms, text)
        ):
            entry = replace(entry, score=1.0)
        out.append(entry)
    return _town_again(out, text)


def _town_again(scored: list[_Scored], text: str) -> list[_Scored]:
    """ "the town of X" under the threshold where another mention of X was read as that
    very town above it: the noun says it is a place, the other mention which."""
    strong = {
        s.resolution.candidate.index
        for s in scored
        if s.resolution.candidate is not None and s.toponym.role == "place" and not _under(s, None)
    }
    out = []
    for entry in scored:
        candidate = _town_entry(entry)
        if (
            candidate is not None
            and candidate.index in strong
            and entry.score is not None
            and _under(entry, None)
            and _called_town(text, entry.toponym.start, entry.toponym.end)
        ):
            entry = replace(entry, score=1.0)
        out.append(entry)
    return out


def _called_town(text: str, start: int, end: int) -> bool:
    return bool(
        _SETTLEMENT_BEFORE.search(text[max(0, start - 24) : start])
        or _SETTLEMENT_AFTER.match(text[end : end + 40])
    )


_SETTLEMENT = r"(?:town|village|hamlet|suburb)"
_SETTLEMENT_BEFORE = re.compile(rf"\b{_SETTLEMENT}s?\s+of\s+(?:the\s+)?$", re.I)
_LOCATIVE_BEFORE = re.compile(r"\b(?:in|near|at|outside|on)\s+(?:the\s+)?$", re.I)
# "X village", "X, a town held by ...", "X, a small village".
_SETTLEMENT_AFTER = re.compile(rf"^(?:\s+|,?\s+an?\s+(?:[a-z\-]+\s+)?){_SETTLEMENT}\b", re.I)
_SENTENCE_STOP = re.compile(r"[.!?;:]")
_PROVINCE_SPAN = 120  # the most characters between a town and its province


def _town_entry(entry: _Scored) -> Candidate | None:
    """The town an entry was read as, unless matched by its consonants only or named
    by a street or building the document's town stands in for ("on Main Street")."""
    candidate = entry.resolution.candidate
    if (
        candidate is None
        or entry.toponym.role != "place"
        or entry.toponym.hint in ("street", "facility")
        or candidate.feature != "city"
        or candidate.match == "skeleton"
    ):
        return None
    return candidate


_DEMONYM_TOWN = re.compile(rf"^\s+{_SETTLEMENT}\s+of\s+(?:the\s+)?$", re.I)


def _town_of_country(entry: _Scored, demonyms: Sequence[Recognized], text: str) -> bool:
    """ "the Syrian town of X" read as a town of that country: the noun says it is a
    place, the demonym which country's."""
    candidate = _town_entry(entry)
    if candidate is None:
        return False
    start = entry.toponym.start
    return any(
        d.country == candidate.country
        and start - 30 < d.end < start
        and _DEMONYM_TOWN.match(text[d.end : start]) is not None
        for d in demonyms
    )


def _town_in_province(entry: _Scored, scored: list[_Scored], text: str) -> bool:
    """A name the sentence treats as a town ("the town of X", "X village", "X, a town",
    "in X") read as a town of the province the sentence names ("in Idlib province",
    "in rural Hama", "Raqqa province ... the town of X"): its first-level region, or the
    region's seat standing for it. The cue says it is a place, the province which of its
    namesakes; the confidence model has no such evidence to weigh (its tune texts hardly
    name a town's region this way)."""
    candidate = _town_entry(entry)
    if candidate is None or candidate.admin1 is None:
        return False
    start, end = entry.toponym.start, entry.toponym.end
    if not (
        _called_town(text, start, end) or _LOCATIVE_BEFORE.search(text[max(0, start - 24) : start])
    ):
        return False
    for other in scored:
        place = other.resolution.candidate
        if (
            other is entry
            or place is None
            or other.toponym.role != "place"
            or (place.country, place.admin1) != (candidate.country, candidate.admin1)
            or not is_seat(place)
            or _under(other, None)
        ):
            continue
        between = text[min(end, other.toponym.end) : max(start, other.toponym.start)]
        if len(between) <= _PROVINCE_SPAN and not _SENTENCE_STOP.search(between):
            return True
    return False


def _province(entry: _Scored) -> bool:
    """A name the text calls a first-level unit ("Hasakeh province", "the province of
    Deraa", "the Idlib countryside") that is one of a first-level region's own names or
    a transliteration of it, in a country the document names other places in: the unit
    noun settles the reading, however the name is spelt."""
    candidate, vector = entry.resolution.candidate, entry.vector
    return (
        candidate is not None
        and vector is not None
        and entry.toponym.role == "place"
        and entry.toponym.hint == "admin"
        and candidate.feature == "admin1"
        and (vector[OWN] > 0 or vector[EXACT] > 0)
        and vector[FOCUS] > 0  # the document names another place in that country
    )


def _weak(scored: _Scored, threshold: float | None) -> bool:
    return scored.toponym.role == "place" and _under(scored, threshold)


def resolve_places(doc: Doc, article_id: str, *, threshold: float | None = None) -> GeoResult:
    """Recognise and resolve the places of one article; offsets refer to ``doc.text``.

    A literal place scored under its threshold (geo.confidence.threshold_for, or
    ``threshold`` when given) stays unresolved: it is
    returned in ``unplaced`` with role "unresolved", never in ``places``. The others are
    then resolved again without it, so a word that is no place does not pull the
    document's focus or nearness towards its false reading.
    """
    gazetteer = Gazetteer.load()
    demonyms, items, toponyms, resolutions, context = _recognize_and_resolve(doc, gazetteer)
    scored = _score(doc, items, context, gazetteer, (toponyms, resolutions), demonyms)
    weak = [s for s in scored if _weak(s, threshold)]
    if weak:
        strong = [i for i, s in zip(items, scored, strict=True) if not _weak(s, threshold)]
        scored = _score(doc, strong, context, gazetteer, demonyms=demonyms)
    result = GeoResult()
    for item in (*scored, *weak):
        _add(result, item, article_id, threshold)
    result.places.sort(key=lambda pair: pair[1].start)
    result.unplaced.sort(key=lambda pair: pair[1].start)
    for demonym in demonyms:
        mention = Mention(
            article=article_id, start=demonym.start, end=demonym.end, text=demonym.text
        )
        result.demonyms.append((demonym.text, mention, demonym.country))
    return result


def _add(result: GeoResult, item: _Scored, article_id: str, threshold: float | None) -> None:
    toponym, candidate = item.toponym, item.resolution.candidate
    mention = Mention(article=article_id, start=toponym.start, end=toponym.end, text=toponym.text)
    if candidate is None or item.vector is None:
        if toponym.role == "metonym":
            result.metonyms.append((toponym.text, mention, None))
        else:
            result.unresolved.append(mention)
        return
    place = place_from_candidate(candidate, mention, score=item.score)
    result.features[(toponym.start, toponym.end)] = item.vector
    if toponym.role == "metonym":
        result.metonyms.append((toponym.text, mention, candidate.country))
        result.unplaced.append((replace(place, role="metonym"), mention))
    elif _under(item, threshold):
        result.unplaced.append((replace(place, role="unresolved"), mention))
    elif candidate.geonameid is None and candidate.name in wide_areas():
        result.unplaced.append((replace(place, role="area"), mention))
    else:
        result.places.append((place, mention))
