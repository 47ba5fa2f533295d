"""Choosing one gazetteer entry for each toponym of a document, or none.

Each candidate gets a score that adds up evidence, all of it from the document:

- size: log population; a country, a capital or a first-level subdivision
  gets a prior over a town, a second-level subdivision a penalty unless the
  mention names it as one ("Rapides Parish");
- name: the entry's own name beats one of its alternates, which beats the
  consonant skeleton (tried only inside the document's focus countries);
- focus: the countries the document names or whose places dominate it;
- containment: "X, Y", "X in Y", "the Y province of X": candidates inside Y
  win, the rest lose;
- governorates: a candidate in a subdivision the document names elsewhere;
- nearness: distance to the places chosen for the other toponyms;
- support: how many of the document's other names could lie beside the candidate
  or in its subdivision, whatever is chosen for them (spatial minimality: the
  Minnesota "Alexandria", "Brandon" and "Kensington" of one local report);
- a definite article: "the Atlantic", "the Gulf" name seas and regions, not towns.

The evidence is a vector (``Resolver.rank_features``, ``RANK_FEATURES``); its
weights ``RANK_WEIGHTS`` are fitted by ``bench/fit_place_ranker.py`` (a conditional
logit over each toponym's candidates on the LGL and GeoWebNews tune halves, pulled
towards the hand-set ``RANK_PRIOR``).

A name with no entry of its own may hold one: "Arizona State University",
"Bank of England", "Russian Embassy" resolve to the place inside them. A
building or street with no place inside it takes the document's town.

A best score under ``min_score`` means "no match", which is a valid answer.
"""

from __future__ import annotations

import itertools
import math
import operator
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cache

from crosswire.geo.gazetteer import Candidate, Gazetteer
from crosswire.geo.normalize import fold_key, translit_key
from crosswire.geo.sources import AREA_FEATURES, SITE_FEATURES, WATER_FEATURES, lexicon
from crosswire.geo.words import (
    DIRECTION_WORDS,
    admin_abbreviation,
    ap_state,
    demonym_country,
    demonym_place,
)

EARTH_RADIUS_KM = 6371.0088

# The evidence a candidate is ranked on (Resolver.rank_features).
RANK_FEATURES = (
    "log_population",  # log10(population + 10)
    "primary_name",  # the entry's own name (else one of its alternates)
    "skeleton",  # matched on consonants only
    "country",
    "continent",
    "admin1",
    "capital",
    "admin2",
    "sea",
    "river_or_lake",
    "site",  # curated: a name that matches one is seldom anything else
    "site_named",  # "Shayrat airbase": the mention says what kind of site it is
    "admin_named",  # "Idlib province", "Rapides Parish"
    "shadowed_admin",  # admin1 "Homs" when the city "Homs" is a candidate too
    "focus",  # share of the document's other places and demonyms in its country
    "container_inside",  # "X, Y", "X in Y": inside Y
    "container_outside",
    "named_admin1",  # in a subdivision the document names elsewhere
    "definite_town",  # "the Pacific" is no town called Pacific
    "near",  # exp(-km / 250) to the nearest place chosen for the other toponyms
    # Other names of the document with a reading within SUPPORT_KM of this one (whatever
    # was chosen for them), / 3: "Alexandria", "Brandon" and "Kensington" together.
    "support",
    # Other names with a reading in this one's subdivision, each weighted by 1 / the
    # subdivisions its readings span, / 3.
    "admin1_support",
    # A town's size beside the largest town of the same name, log10 of the ratio / 3 in
    # [-1, 0]: the well-known Portland or Louisville over a namesake of a few thousand.
    "prominence",
    # The document's dateline names it with no state or country after it, and it is the
    # largest town of that name: a dateline spells out the state of any town but a city
    # every reader knows ("ATLANTA —", "GAZA —").
    "dateline_largest",
    # A subdivision smaller than a town of the same name: the town is the sense a reader
    # knows ("Gaza" the city, not the province of Mozambique).
    "outsized_admin",
    # A first-level unit of a focus country (its focus share) whose name a country also
    # bears: "Georgia" among US states and towns is the state, not the Caucasus republic.
    "focus_unit_over_country",
    # A first-level unit's focus share: a document about one country names its states.
    "focus_admin1_unit",
    # A first-level unit coordinated with a name read as a unit of the same country
    # ("Oregon and Washington laws", "California or Washington").
    "coordinated_unit",
    # A town in a subdivision the document names elsewhere that is a thirtieth of the
    # largest town of its name or less: a state named for a dateline or a team says little
    # about which namesake a bare city name means; it backs a tiny namesake less.
    "named_admin1_minor",
)
_KIND_COLUMNS = (
    frozenset({"country"}),
    frozenset({"continent"}),
    frozenset({"admin1"}),
    frozenset({"capital"}),
    frozenset({"admin2"}),
    frozenset({"sea"}),
    frozenset({"river", "lake"}),
)
# The hand-set weights, in log-population units (one unit ~ a tenfold population): the
# prior that bench/fit_place_ranker.py pulls the fitted RANK_WEIGHTS towards, and the
# weights of evidence the tune halves hold too little of to fit.
RANK_PRIOR = (
    0.35,  # log_population
    0.5,  # primary_name
    -1.5,  # skeleton
    3.0,  # country
    2.0,  # continent
    0.5,  # admin1
    1.2,  # capital
    -0.5,  # admin2
    4.0,  # sea
    3.0,  # river_or_lake
    1.5,  # site
    2.0,  # site_named
    2.5,  # admin_named
    -2.0,  # shadowed_admin
    2.5,  # focus
    4.0,  # container_inside
    -4.0,  # container_outside
    2.0,  # named_admin1
    -4.0,  # definite_town: no town takes "the"; outweighs focus and nearness
    1.5,  # near
    0.0,  # support
    0.0,  # admin1_support
    0.0,  # prominence
    3.0,  # dateline_largest: the tune halves' datelines hold no namesake to learn from
    -1.0,  # outsized_admin
    0.0,  # focus_unit_over_country
    0.0,  # focus_admin1_unit
    0.0,  # coordinated_unit
    -0.5,  # named_admin1_minor: may only count against
)
# Fitted by bench/fit_place_ranker.py on the LGL and GeoWebNews tune halves; order as
# RANK_FEATURES. outsized_admin was fitted alone, the others held (``--free
# outsized_admin``): a full refit moved them by under 0.12 and nothing on the tune halves,
# but tipped a lone large town's confidence under the threshold (tests/test_actor_countries).
RANK_WEIGHTS = (
    0.35,  # log_population
    1.678,  # primary_name
    -1.5,  # skeleton
    3.338,  # country
    2.018,  # continent
    0.5,  # admin1
    1.2,  # capital
    -0.342,  # admin2
    4.0,  # sea
    3.021,  # river_or_lake
    1.49,  # site
    2.002,  # site_named
    2.606,  # admin_named
    -1.793,  # shadowed_admin
    2.782,  # focus
    3.902,  # container_inside
    -3.902,  # container_outside
    2.343,  # named_admin1
    -4.004,  # definite_town
    2.691,  # near
    1.042,  # support
    0.451,  # admin1_support
    0.0,  # prominence
    3.0,  # dateline_largest
    -0.913,  # outsized_admin
    0.427,  # focus_unit_over_country
    2.275,  # focus_admin1_unit
    1.008,  # coordinated_unit
    -1.071,  # named_admin1_minor
)
# The evidence that comes from the rest of the document, not from the entry itself.
CONTEXT_FEATURES = frozenset(
    {
        "focus",
        "container_inside",
        "container_outside",
        "named_admin1",
        "near",
        "support",
        "admin1_support",
        "dateline_largest",
        "focus_unit_over_country",
        "focus_admin1_unit",
        "coordinated_unit",
    }
)
_CONTEXT_WEIGHTS = tuple(
    w if name in CONTEXT_FEATURES else 0.0
    for name, w in zip(RANK_FEATURES, RANK_WEIGHTS, strict=True)
)
SUPPORT_KM = 50.0
SUPPORT_CAP = 3
NEARNESS_SCALE_KM = 250.0
TOWN_FEATURES = frozenset({"city", "capital", "admin2"})
TOWN_NAMES = frozenset({"city", "capital"})  # readings weighed against each other by size
PROMINENCE_SCALE = 3.0  # log10 units: a town 1,000 times smaller than its namesake is -1
MINOR_PROMINENCE = -0.5  # a thirtieth of the largest town of the name, or less
# An entry found inside a longer name must be one a reader would take that name to hold.
EMBEDDED_MIN_POPULATION = 100_000
# A natural feature named after a place is not at that place.
LANDFORM_WORDS = frozenset(
    [
        "lake",
        "river",
        "creek",
        "bay",
        "mount",
        "mountain",
        "mountains",
        "island",
        "islands",
        "canyon",
        "falls",
        "peak",
        "reservoir",
        "pond",
        "strait",
        "cape",
    ]
)
UNIT_WORDS = frozenset({"municipal", "local", "government", "metropolitan", "city", "of", "the"})
MIN_SCORE = 1.2
NO_RIVAL_MARGIN = 5.0
SAME_SPOT_KM = 50.0
MAX_CANDIDATES = 300

# A walled city's or quarter's generic name ("the Old City of Homs", "the old quarter"):
# every old town has one, so a namesake entry (Jerusalem's) is no evidence of where.
_GENERIC_NAMES = frozenset({"old city", "old quarter"})
FOCUS_MIN_SHARE = 0.15


@cache
def _unit_words() -> frozenset[str]:
    """Nouns that say what kind of place the name before them is: "Township", "County"."""
    lex = lexicon()
    return frozenset(lex["admin_words"]) | frozenset(lex["place_nouns"]) | UNIT_WORDS


def _largest_town(pool: Sequence[Candidate]) -> int:
    return max((c.population for c in pool if c.feature in TOWN_NAMES), default=0)


def _prominence(candidate: Candidate, largest_town: int) -> float:
    """A town's size beside the largest town of its name (RANK_FEATURES "prominence")."""
    if candidate.feature not in TOWN_NAMES or largest_town <= 0:
        return 0.0
    ratio = (candidate.population + 10) / (largest_town + 10)
    return max(-1.0, math.log10(ratio) / PROMINENCE_SCALE)


# Readings that outrank a first-level unit of the focus country on their own: the country
# itself or its capital ("Mexico", "Washington"), a sea, river or region ("Red Sea").
_OVER_UNIT = frozenset({"continent", "region"}) | WATER_FEATURES


def _bare_unit(toponym: Toponym, candidate: Candidate, pool: Sequence[Candidate]) -> bool:
    """A first-level unit named bare ("Georgia", "Kansas"; not "Washington County"), whose
    rivals are towns or foreign countries, for which focus weighs as a state's own name."""
    if candidate.feature != "admin1" or toponym.hint is not None:
        return False
    return not any(
        c.feature in _OVER_UNIT
        or (c.country == candidate.country and c.feature in ("country", "capital"))
        for c in pool
    )


def _sibling_units(toponym: Toponym, picks: Sequence[Resolution]) -> frozenset[str]:
    """The countries whose first-level units the names coordinated with this one read as."""
    return frozenset(
        c.country
        for c in (picks[j].candidate for j in toponym.siblings)
        if c is not None and c.feature == "admin1"
    )


def _country_namesake(candidate: Candidate, pool: Sequence[Candidate]) -> bool:
    """Another country's entry is a reading of the same name ("Georgia", "Lebanon")."""
    return any(c.feature == "country" and c.country != candidate.country for c in pool)


def _own_name(toponym: Toponym, candidate: Candidate) -> bool:
    """The entry's own name, or a town's own name less the word "City" ("New York City",
    "Gaza City", "Mexico City"), which the entry's own name spells out and news leaves off."""
    if candidate.match == "primary":
        return True
    if candidate.feature not in ("city", "capital"):
        return False
    name = candidate.name.casefold()
    return name.endswith(" city") and translit_key(name[:-5]) == translit_key(toponym.query)


# Nouns after a name that say the mention is a natural feature: "Chattahoochee River" and
# "South Island" lie at no town or unit called Chattahoochee or South.
_WATERSIDE_NOUNS = frozenset({"river", "island", "islands", "lake", "creek"})
_UNIT_FEATURES = frozenset({"admin1", "admin2"})


def _trailing_noun(toponym: Toponym) -> str:
    """The noun recognition took off the name to look it up ("river" of "Jordan River")."""
    if not toponym.text.startswith(toponym.query):
        return ""
    return toponym.text[len(toponym.query) :].strip().casefold()


def _named_kind(
    toponym: Toponym, bare: dict[int, Candidate], whole: Sequence[Candidate]
) -> dict[int, Candidate]:
    """The entries of the bare name and of the whole mention that can be what the mention's
    trailing noun says it is.

    A river or island named after a place is not at it: only natural features and sites
    of the bare name stay, and of the whole name only entries under their own name
    ("Salt River" is an alternate name of Phoenix, "South Island" of Coronado). A unit
    whose full name has an entry of its own ("Washington County", "Westmoreland County")
    is that entry, not another unit of the bare name (the state of Washington, Jamaica's
    parish of Westmoreland); towns of the bare name stay.
    """
    noun = _trailing_noun(toponym)
    kept = dict(bare)
    if noun in _WATERSIDE_NOUNS:
        natural = WATER_FEATURES | SITE_FEATURES
        kept = {i: c for i, c in bare.items() if c.feature in natural}
        whole = [c for c in whole if c.match == "primary"]
    elif noun and toponym.hint == "admin" and any(c.feature in _UNIT_FEATURES for c in whole):
        kept = {i: c for i, c in bare.items() if c.feature not in _UNIT_FEATURES}
    kept.update((c.index, c) for c in whole)
    return kept


@dataclass(frozen=True, slots=True)
class Toponym:
    """A place mention to resolve, as recognition found it."""

    start: int
    end: int
    text: str
    query: str  # the name to look up: no leading "the", no trailing "province"
    # "admin", "site", "city", "street" or "facility": what the mention names
    hint: str | None = None
    container: int | None = None  # index of the toponym that contains this one
    container_admin1: tuple[str, str] | None = None  # (country, admin1) from "X, La."
    # The container may be a town: "the X neighbourhood of Y", "Y's X district" name a
    # town's quarter as often as a unit's part, so Y is not pressed to read as a unit.
    container_town: bool = False
    role: str = "place"  # "place" or "metonym": metonyms inform context, never nearness
    definite: bool = False  # "the" before a bare name: "the Atlantic", "the Gulf"
    dateline: bool = False  # the town the report was filed from
    siblings: tuple[int, ...] = ()  # names coordinated with it ("Oregon and Washington")


@dataclass(frozen=True, slots=True)
class Resolution:
    candidate: Candidate | None
    score: float
    margin: float = 0.0  # best score minus the runner-up's (large when there was no rival)
    pool: int = 0  # how many candidates the name had
    support: float = 0.0  # the chosen entry's "support" evidence (RANK_FEATURES)
    # The margin counted on the document's evidence alone (CONTEXT_FEATURES): what the
    # rest of the text says for the chosen entry over the best rival elsewhere. A town
    # chosen over a namesake by size or rank alone ("Athens", "Dublin" in a local
    # report) has none.
    context_margin: float = 0.0
    rival: Candidate | None = None  # the best-scoring entry elsewhere, if any


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def _nearest_km(
    candidate: Candidate, others: Sequence[Candidate], memo: dict[tuple[int, int], float]
) -> float:
    """The distance from ``candidate`` to the nearest of ``others``, each pair computed once."""
    nearest = math.inf
    for other in others:
        key = (candidate.index, other.index)
        km = memo.get(key)
        if km is None:
            km = memo[key] = haversine_km(candidate.lat, candidate.lon, other.lat, other.lon)
        if km < nearest:
            nearest = km
    return nearest


def _contains(outer: Candidate, inner: Candidate, gazetteer: Gazetteer) -> bool:
    if outer.country != inner.country or outer.index == inner.index:
        return False
    if outer.feature == "country":
        return True
    if outer.feature == "admin1":
        return gazetteer.admin1_code(outer.index) == gazetteer.admin1_code(inner.index)
    if outer.feature in ("admin2", "city", "capital"):
        # No second-level codes are kept: a town "in" a county or city lies near it.
        return haversine_km(outer.lat, outer.lon, inner.lat, inner.lon) < 60.0
    return False


@dataclass(frozen=True, slots=True)
class _Votes:
    """How much each distinct place name and each context hint votes for a country."""

    by_name: dict[str, tuple[str, float]]
    context: dict[str, float]

    @classmethod
    def count(
        cls, toponyms: Sequence[Toponym], picks: Sequence[Resolution], context: Sequence[str]
    ) -> _Votes:
        by_name: dict[str, tuple[str, float]] = {}
        for toponym, resolution in zip(toponyms, picks, strict=True):
            candidate = resolution.candidate
            key = translit_key(toponym.query)
            if candidate is None or not candidate.country or key in by_name:
                continue
            weight = {"country": 2.0, "admin1": 1.5}.get(candidate.feature, 1.0)
            by_name[key] = (candidate.country, weight)
        extra: dict[str, float] = defaultdict(float)
        for country in context:
            extra[country] += 1.0
        return cls(by_name, dict(extra))

    def shares(self, without: str | None = None) -> dict[str, float]:
        """Each country's share of the votes, leaving out one name's own vote."""
        weights: dict[str, float] = defaultdict(float, self.context)
        for key, (country, weight) in self.by_name.items():
            if key != without:
                weights[country] += weight
        total = sum(weights.values())
        return {c: w / total for c, w in weights.items()} if total else {}


@dataclass(frozen=True, slots=True)
class _Context:
    """What the rest of the document says, as seen by one toponym."""

    focus: dict[str, float]
    container: Candidate | None = None
    anchors: tuple[Candidate, ...] = ()
    named_admin1: frozenset[int] = frozenset()
    is_container: bool = False  # the "Y" of "X, Y": a country or subdivision, not a town
    # candidate index -> (support, admin1_support): see RANK_FEATURES
    support: dict[int, tuple[float, float]] = field(default_factory=dict)
    # (candidate index, anchor index) -> km, shared by every context of one resolve()
    distances: dict[tuple[int, int], float] = field(default_factory=dict)
    largest_town: int = 0  # the population of the name's largest town reading
    dateline: bool = False  # the document's dateline names it
    sibling_units: frozenset[str] = frozenset()  # countries of coordinated names' units


@dataclass(frozen=True, slots=True)
class _Shared:
    """What every context pass of one ``resolve`` reads alike."""

    containers: set[int]  # toponyms that are the "Y" of some "X, Y"
    datelines: set[str]  # transliteration keys of the dateline's names
    support: list[dict[int, tuple[float, float]]]  # per toponym: see ``_Context.support``
    distances: dict[tuple[int, int], float]  # the km cache the passes share


def _stands_alone(candidate: Candidate) -> bool:
    if candidate.feature in AREA_FEATURES or candidate.feature in SITE_FEATURES:
        return True
    return candidate.match == "primary" and (
        candidate.feature == "capital" or candidate.population >= EMBEDDED_MIN_POPULATION
    )


def _inside_container(
    toponym: Toponym, candidate: Candidate, picks: Sequence[Resolution], gazetteer: Gazetteer
) -> bool:
    """The reading lies in the container the text names ("X, Y", "X, La.")."""
    if toponym.container is not None:
        outer = picks[toponym.container].candidate
        return outer is not None and _contains(outer, candidate, gazetteer)
    if toponym.container_admin1 is not None:
        country, admin1 = toponym.container_admin1
        return (
            candidate.country == country
            and candidate.admin1 is not None
            and translit_key(candidate.admin1) == translit_key(admin1)
        )
    return False


def _one_sense(
    toponyms: Sequence[Toponym], picks: list[Resolution], gazetteer: Gazetteer
) -> list[Resolution]:
    """A bare name takes the reading the document gave it where it said which one it
    means ("Parkland, Florida" ... "the Parkland students"): a writer qualifies a name once.
    Only a reading under its own name found inside its container counts (a list read as
    "X, Y" names no container: "Hawaii, Florida" is no Florida town), and none where the
    qualified mentions disagree ("Portland, Ore." and "Portland, Maine")."""
    qualified: dict[str, Resolution | None] = {}
    for toponym, resolution in zip(toponyms, picks, strict=True):
        if toponym.role != "place" or resolution.candidate is None:
            continue
        candidate = resolution.candidate
        if not _own_name(toponym, candidate) or not _inside_container(
            toponym, candidate, picks, gazetteer
        ):
            continue
        key = translit_key(toponym.query)
        seen = qualified.setdefault(key, resolution)
        if seen is not None and seen.candidate != resolution.candidate:
            qualified[key] = None
    if not any(qualified.values()):
        return picks
    out = []
    for toponym, resolution in zip(toponyms, picks, strict=True):
        chosen = qualified.get(translit_key(toponym.query))
        bare = toponym.container is None and toponym.container_admin1 is None
        out.append(chosen if chosen is not None and bare and toponym.hint is None else resolution)
    return out


def _place_streets(toponyms: Sequence[Toponym], picks: list[Resolution]) -> list[Resolution]:
    """A street, or a building with no place of its own, takes the town the document
    names most; GeoNames has neither."""
    towns: Counter[int] = Counter()
    by_index: dict[int, Resolution] = {}
    for toponym, resolution in zip(toponyms, picks, strict=True):
        candidate = resolution.candidate
        if (
            toponym.role == "place"
            and toponym.hint not in ("street", "facility")
            and candidate is not None
            and candidate.feature in ("city", "capital", "district")
        ):
            towns[candidate.index] += 1
            by_index[candidate.index] = resolution
    if not towns:
        return picks
    town = by_index[towns.most_common(1)[0][0]]
    return [
        town if t.hint == "street" or (t.hint == "facility" and r.candidate is None) else r
        for t, r in zip(toponyms, picks, strict=True)
    ]


@cache
def _name_words(query: str) -> tuple[str, ...]:
    return tuple(translit_key(word) for word in fold_key(query).split())


def _nested(words: tuple[str, ...], other: tuple[str, ...]) -> bool:
    """One name holds the other whole ("North Richmond" and "Richmond", "City of Norfolk"
    and "Norfolk"). A gazetteer lists such derived names beside their town wherever it
    has both, so the two read near each other at every namesake: no evidence of which."""
    short, long = sorted((words, other), key=len)
    n = len(short)
    return 0 < n < len(long) and any(long[i : i + n] == short for i in range(len(long) - n + 1))


def _near_names(
    c: Candidate,
    key: str,
    cells: dict[tuple[int, int], list[tuple[str, Candidate]]],
    words: dict[str, tuple[str, ...]],
) -> int:
    """How many other names have a reading within SUPPORT_KM of ``c`` (``words``: each
    name's words, to leave out the names nested in this one)."""
    lat, lon = math.floor(c.lat), math.floor(c.lon)
    near: set[str] = set()
    for dy, dx in itertools.product((-1, 0, 1), repeat=2):
        for other_key, o in cells.get((lat + dy, lon + dx), ()):
            if (
                other_key != key
                and other_key not in near
                and not _nested(words[key], words[other_key])
                and haversine_km(c.lat, c.lon, o.lat, o.lon) <= SUPPORT_KM
            ):
                near.add(other_key)
    return len(near)


def _anchors(
    index: int, toponyms: Sequence[Toponym], picks: Sequence[Resolution]
) -> tuple[Candidate, ...]:
    own_key = translit_key(toponyms[index].query)
    own_words = _name_words(toponyms[index].query)
    # One anchor per distinct place: nearness takes the minimum distance, so
    # repeats add nothing, and an article naming a town thousands of times
    # would otherwise cost the square of its mentions.
    anchors: dict[int, Candidate] = {}
    for j, resolution in enumerate(picks):
        candidate = resolution.candidate
        if j == index or candidate is None or toponyms[j].role != "place":
            continue
        # Countries, first-level units, seas and regions are too large to say where
        # a town is.
        if candidate.feature in AREA_FEATURES or candidate.index in anchors:
            continue
        if translit_key(toponyms[j].query) == own_key:
            continue
        if _nested(own_words, _name_words(toponyms[j].query)):
            continue
        anchors[candidate.index] = candidate
    return tuple(anchors.values())


def _containment(
    toponym: Toponym, candidate: Candidate, context: _Context, gazetteer: Gazetteer
) -> tuple[float, float]:
    """(inside, outside) the container the text names ("X, Y"); (0, 0) with none."""
    if context.container is not None:
        within = _contains(context.container, candidate, gazetteer)
    elif toponym.container_admin1 is not None:
        country, admin1 = toponym.container_admin1
        within = (
            candidate.country == country
            and candidate.admin1 is not None
            and translit_key(candidate.admin1) == translit_key(admin1)
        )
    else:
        return 0.0, 0.0
    return float(within), float(not within)


def _nearness(candidate: Candidate, context: _Context, gazetteer: Gazetteer, code: int) -> float:
    """How near the reading lies to the other names' readings, in (0, 1]; 0 with none."""
    # Another name's reading that is this very entry ("Mexico" beside "Mexico City") is
    # no evidence of nearness.
    others = [a for a in context.anchors if a.index != candidate.index]
    if others and candidate.feature not in AREA_FEATURES:
        return math.exp(-_nearest_km(candidate, others, context.distances) / NEARNESS_SCALE_KM)
    if candidate.feature == "admin1" and any(
        gazetteer.admin1_code(a.index) == code for a in context.anchors
    ):
        # A subdivision holding the document's towns is as near as a town beside them.
        return 1.0
    return 0.0


def _spelled_countries(
    gazetteer: Gazetteer, toponym: Toponym, ranked: list[Candidate]
) -> list[Candidate]:
    """A country met only through a loose transliteration key ("Qaboun" meets Gabon)
    is dropped: a country's names are well known, so a mention of one spells one."""
    if not any(c.feature == "country" for c in ranked):
        return ranked
    spelled = gazetteer.spelled(toponym.query) | gazetteer.spelled(toponym.text)
    code = fold_key(toponym.query).upper()  # "US", "UK": its code spells it too
    return [c for c in ranked if c.feature != "country" or c.index in spelled or c.country == code]


def _same_spot(gazetteer: Gazetteer, best: Candidate, other: Candidate) -> bool:
    """The other entry answers the same: it lies near, or is the subdivision holding it."""
    if haversine_km(best.lat, best.lon, other.lat, other.lon) <= SAME_SPOT_KM:
        return True
    code = gazetteer.admin1_code(best.index)
    return (
        other.feature in ("admin1", "admin2")
        and code >= 0
        and other.country == best.country
        and gazetteer.admin1_code(other.index) == code
    )


class Resolver:
    def __init__(self, gazetteer: Gazetteer, *, min_score: float | None = MIN_SCORE) -> None:
        self.gazetteer = gazetteer
        self.min_score = min_score
        # The last resolve()'s candidate pools and final-pass contexts, one per toponym,
        # kept for bench/fit_place_ranker.py.
        self.pools: list[list[Candidate]] = []
        self.contexts: list[_Context] = []

    def candidates(self, toponym: Toponym) -> list[Candidate]:
        if toponym.hint == "street" or fold_key(toponym.query) in _GENERIC_NAMES:
            return []  # placed in the document's town once the others are resolved
        demonym = self._demonym_entry(toponym.query)
        if demonym is not None:
            return demonym
        state = ap_state(toponym.query)
        if state is not None:
            found_state = self.gazetteer.lookup(state)
            return [c for c in found_state if c.feature == "admin1" and c.country == "US"][:1]
        found = {c.index: c for c in self.gazetteer.lookup(toponym.query)}
        if toponym.query != toponym.text:
            # "Gaza Strip" is a name of its own, "Idlib province" names Idlib: try both.
            found = _named_kind(toponym, found, self.gazetteer.lookup(toponym.text))
        for code_country, state_name in admin_abbreviation(toponym.query):
            found.update(
                (c.index, c)
                for c in self.gazetteer.lookup(state_name)
                if c.feature == "admin1" and c.country == code_country
            )
        if toponym.hint == "facility":
            # "City Hall" meets towns only through loose spellings; a site or the exact
            # name may stand.
            found = {
                i: c for i, c in found.items() if c.match == "primary" or c.feature in SITE_FEATURES
            }
        ranked = sorted(found.values(), key=lambda c: -c.population)
        return _spelled_countries(self.gazetteer, toponym, ranked)[:MAX_CANDIDATES]

    def _demonym_entry(self, text: str) -> list[Candidate] | None:
        """ "Sudanese" stands for its country, "European" for its continent; None: no demonym."""
        is_demonym, country = demonym_country(text)
        if not is_demonym:
            return None
        # "Scottish" names Scotland before Britain, "Siberian" Siberia before Russia.
        region = demonym_place(text)
        if region is not None:
            wanted = ("region", "continent", "admin1")
            found = [c for c in self.gazetteer.lookup(region) if c.feature in wanted]
            if found:
                return [max(found, key=lambda c: c.population)]
        entry = self.gazetteer.country(country) if country else None
        return [] if entry is None else [entry]

    def _embedded(self, query: str) -> list[Candidate]:
        """The place inside a name with no entry of its own, longest part first.

        "Arizona State University" holds Arizona, "Bank of England" England and
        "Russian Embassy" Russia. Only a demonym, a country, subdivision, region or
        sea, a curated site, or a capital or large town under its own name counts, so
        "Soviet Union" does not become Union County; among parts of one length the
        most prominent wins ("Japan" over "Bank"). A lake, river, mountain or island
        named after a place ("Lake Vermont", "Chattahoochee River") lies elsewhere.
        """
        words = query.split()
        if len(words) < 2 or len(words) > 8:
            return []
        words = [w.strip(",.;:'’") for w in words]
        if any(w.lower() in LANDFORM_WORDS for w in words):
            return []
        for width in range(len(words) - 1, 0, -1):
            best: list[Candidate] = []
            for start in range(len(words) - width + 1):
                part = words[start : start + width]
                if not part[0][:1].isupper() or not part[-1][:1].isupper():
                    continue
                if all(w.lower() in DIRECTION_WORDS for w in part):
                    continue  # "West" of "West Surrey" is no place
                name = " ".join(part)
                found = self._demonym_entry(name)
                if found is None:
                    # "Hamilton Township", "Nenagh Municipal District": the rest says
                    # what kind of place the part is, so any town of the name will do.
                    rest = words[:start] + words[start + width :]
                    named_unit = all(w.lower() in _unit_words() for w in rest)
                    found = [
                        c for c in self.gazetteer.lookup(name) if named_unit or _stands_alone(c)
                    ]
                if found and (not best or found[0].population > best[0].population):
                    best = sorted(found, key=lambda c: -c.population)[:MAX_CANDIDATES]
            if best:
                return best
        return []

    def _first_pass(
        self,
        memo: dict[tuple[object, ...], Resolution],
        toponyms: Sequence[Toponym],
        pools: Sequence[Sequence[Candidate]],
        containers: set[int],
        datelines: set[str],
    ) -> list[Resolution]:
        """Each toponym's pick without document context: size, kind and name."""
        return [
            self._best_once(
                memo,
                t,
                pool,
                _Context(
                    focus={},
                    is_container=i in containers,
                    largest_town=_largest_town(pool),
                    dateline=translit_key(t.query) in datelines,
                ),
            )
            for i, (t, pool) in enumerate(zip(toponyms, pools, strict=True))
        ]

    def resolve(
        self,
        toponyms: Sequence[Toponym],
        *,
        context_countries: Sequence[str] = (),
    ) -> list[Resolution]:
        """One resolution per toponym; ``context_countries`` come from demonyms and the like."""
        pools = [self.candidates(t) for t in toponyms]
        containers = {
            t.container for t in toponyms if t.container is not None and not t.container_town
        }
        datelines = {
            translit_key(t.query)
            for t in toponyms
            if t.dateline and t.container is None and t.container_admin1 is None
        }
        # Pass 1: no document context, only size, kind and name.
        memo: dict[tuple[object, ...], Resolution] = {}
        picks = self._first_pass(memo, toponyms, pools, containers, datelines)
        # "Y" is named as a unit only by an "X" read as a place: "the OAS in Washington",
        # "a nursing home in Lebanon" say nothing of a state or a country.
        placed = {
            t.container
            for t, pick in zip(toponyms, picks, strict=True)
            if t.container is not None
            and not t.container_town
            and pick.candidate is not None
            and pick.score >= (self.min_score or MIN_SCORE)
        }
        if placed != containers:
            containers = placed
            picks = self._first_pass(memo, toponyms, pools, containers, datelines)
        votes = _Votes.count(toponyms, picks, context_countries)
        # The skeleton fallback, now that the focus countries are known.
        focus_countries = [c for c, share in votes.shares().items() if share >= FOCUS_MIN_SHARE]
        for i, toponym in enumerate(toponyms):
            if _trailing_noun(toponym) in _WATERSIDE_NOUNS:
                continue  # no town's loose spelling or part names a river or island
            if not pools[i] and focus_countries:
                pools[i] = self.gazetteer.lookup_skeleton(toponym.query, focus_countries)
            if not pools[i] and toponym.hint != "street":
                pools[i] = self._embedded(toponym.query)
        support = self._support(toponyms, pools)
        self.pools = pools
        # The same distance pairs recur across names and passes.
        shared = _Shared(containers, datelines, support, distances={})
        # Passes 2 and 3: with focus, containment, named subdivisions and nearness.
        for _ in range(2):
            picks = self._context_pass(toponyms, pools, picks, votes, shared)
            picks = _one_sense(toponyms, picks, self.gazetteer)
            votes = _Votes.count(toponyms, picks, context_countries)
        picks = _place_streets(toponyms, picks)
        if self.min_score is None:
            return picks
        return [
            r
            if r.candidate is not None and r.score >= self.min_score
            else replace(r, candidate=None)
            for r in picks
        ]

    def _context_pass(
        self,
        toponyms: Sequence[Toponym],
        pools: list[list[Candidate]],
        previous: list[Resolution],
        votes: _Votes,
        shared: _Shared,
    ) -> list[Resolution]:
        """One pass with the document's context read from the previous pass's picks."""
        named_admin1 = [
            (translit_key(t.query), self.gazetteer.admin1_code(r.candidate.index))
            for t, r in zip(toponyms, previous, strict=True)
            if r.candidate is not None and r.candidate.feature == "admin1"
        ]
        picks: list[Resolution] = []
        self.contexts = []
        memo: dict[tuple[object, ...], Resolution] = {}
        for i, toponym in enumerate(toponyms):
            container = None
            if toponym.container is not None:
                container = previous[toponym.container].candidate
            key = translit_key(toponym.query)
            context = _Context(
                # A name must not vote for its own reading: "Hama" alone is no focus.
                focus=votes.shares(without=key),
                container=container,
                anchors=_anchors(i, toponyms, previous),
                # Subdivisions named by the other toponyms, not by this one.
                named_admin1=frozenset(code for name, code in named_admin1 if name != key),
                is_container=i in shared.containers,
                support=shared.support[i],
                distances=shared.distances,
                largest_town=_largest_town(pools[i]),
                dateline=key in shared.datelines,
                sibling_units=_sibling_units(toponym, previous),
            )
            self.contexts.append(context)
            picks.append(self._best_once(memo, toponym, pools[i], context))
        return picks

    # -- evidence -----------------------------------------------------------

    def _support(
        self, toponyms: Sequence[Toponym], pools: Sequence[Sequence[Candidate]]
    ) -> list[dict[int, tuple[float, float]]]:
        """Per toponym, per candidate: how many of the document's other names could lie
        beside it or in its subdivision, whatever reading is chosen for them (the
        spatial-minimality evidence of toponym resolution)."""
        cells: dict[tuple[int, int], list[tuple[str, Candidate]]] = defaultdict(list)
        weight: dict[tuple[str, int], float] = {}  # (name, subdivision) -> its share
        unit_total: dict[int, float] = defaultdict(float)
        keys = [translit_key(t.query) for t in toponyms]
        words = {key: _name_words(t.query) for key, t in zip(keys, toponyms, strict=True)}
        seen: set[str] = set()
        for toponym, key, pool in zip(toponyms, keys, pools, strict=True):
            if toponym.role != "place" or key in seen:
                continue
            seen.add(key)
            codes = {self.gazetteer.admin1_code(c.index) for c in pool} - {-1}
            for code in codes:
                weight[(key, code)] = 1.0 / len(codes)
                unit_total[code] += 1.0 / len(codes)
            for c in pool:
                if c.feature not in AREA_FEATURES:
                    cells[(math.floor(c.lat), math.floor(c.lon))].append((key, c))
        out: list[dict[int, tuple[float, float]]] = []
        for key, pool in zip(keys, pools, strict=True):
            own: dict[int, tuple[float, float]] = {}
            for c in pool:
                code = self.gazetteer.admin1_code(c.index)
                in_unit = unit_total.get(code, 0.0) - weight.get((key, code), 0.0)
                near = _near_names(c, key, cells, words) if c.feature not in AREA_FEATURES else 0
                own[c.index] = (
                    min(near, SUPPORT_CAP) / SUPPORT_CAP,
                    0.0 if code < 0 else min(in_unit, SUPPORT_CAP) / SUPPORT_CAP,
                )
            out.append(own)
        return out

    def rank_features(
        self,
        toponym: Toponym,
        candidate: Candidate,
        pool: Sequence[Candidate],
        context: _Context,
    ) -> tuple[float, ...]:
        """The evidence for one candidate, in the order of ``RANK_FEATURES``."""
        gazetteer = self.gazetteer
        feature = candidate.feature
        named_as_unit = toponym.hint == "admin" or context.is_container
        site = feature in SITE_FEATURES
        inside, outside = _containment(toponym, candidate, context, gazetteer)
        code = gazetteer.admin1_code(candidate.index)
        near = _nearness(candidate, context, gazetteer, code)
        support, admin1_support = context.support.get(candidate.index, (0.0, 0.0))
        prominence = _prominence(candidate, context.largest_town)
        named_unit = feature != "admin1" and code >= 0 and code in context.named_admin1
        shadowed = (
            feature in ("admin1", "admin2")
            and not named_as_unit
            and self._shadowed(candidate, pool)
        )
        focus = context.focus.get(candidate.country, 0.0)
        # A unit holding a town of its name ("Idlib") leaves the bare name to the town.
        unit_focus = focus if not shadowed and _bare_unit(toponym, candidate, pool) else 0.0
        return (
            math.log10(candidate.population + 10),
            # A bare name a subdivision shares with its main town is the town's, however
            # each entry spells its own name ("Hims": the governorate Ḩimş, the city Homs).
            float(_own_name(toponym, candidate) and not shadowed),
            float(candidate.match == "skeleton"),
            *(float(feature in kinds) for kinds in _KIND_COLUMNS),
            float(site),
            float(site and toponym.hint == "site"),
            float(named_as_unit and feature in ("admin1", "admin2")),
            float(shadowed),
            focus,
            inside,
            outside,
            float(named_unit),
            float(toponym.definite and feature in TOWN_FEATURES),
            near,
            support,
            admin1_support,
            prominence,
            float(context.dateline and prominence == 0.0 and feature in TOWN_NAMES),
            float(
                feature in ("admin1", "admin2")
                and not named_as_unit
                and context.largest_town > candidate.population
            ),
            unit_focus if unit_focus and _country_namesake(candidate, pool) else 0.0,
            unit_focus,
            float(feature == "admin1" and candidate.country in context.sibling_units),
            float(named_unit and prominence <= MINOR_PROMINENCE),
        )

    def score(
        self,
        toponym: Toponym,
        candidate: Candidate,
        pool: Sequence[Candidate],
        context: _Context,
    ) -> float:
        vector = self.rank_features(toponym, candidate, pool, context)
        total: float = sum(map(operator.mul, RANK_WEIGHTS, vector))  # loop's order, no frames
        return total

    def _shadowed(self, admin: Candidate, pool: Sequence[Candidate]) -> bool:
        """True when a town of the same name lies in this subdivision and is not tiny beside it."""
        code = self.gazetteer.admin1_code(admin.index)
        for other in pool:
            if other.feature not in ("city", "capital") or other.country != admin.country:
                continue
            same_unit = self.gazetteer.admin1_code(other.index) == code
            if admin.feature == "admin2":
                same_unit = same_unit and (
                    haversine_km(admin.lat, admin.lon, other.lat, other.lon) < 100.0
                )
            if same_unit and other.population >= 0.05 * admin.population:
                return True
        return False

    def _best_once(
        self,
        memo: dict[tuple[object, ...], Resolution],
        toponym: Toponym,
        pool: Sequence[Candidate],
        context: _Context,
    ) -> Resolution:
        """``_best``, once per reading within one pass: mentions of one name with the same
        container get the same pool, support and context (focus, anchors and named
        subdivisions leave out every mention of the name itself), hence the same answer."""
        key = (
            toponym.text,
            toponym.query,
            toponym.hint,
            toponym.container_admin1,
            toponym.role,
            toponym.definite,
            context.container,
            context.is_container,
            context.sibling_units,
        )
        found = memo.get(key)
        if found is None:
            found = memo[key] = self._best(toponym, pool, context)
        return found

    def _best(self, toponym: Toponym, pool: Sequence[Candidate], context: _Context) -> Resolution:
        if not pool:
            return Resolution(None, float("-inf"))
        scored = sorted(
            ((self.score(toponym, c, pool, context), c) for c in pool),
            key=lambda pair: -pair[0],
        )
        best_score, best = scored[0]
        # An entry for the same spot (the city, its district, its governorate) is
        # no rival reading: the margin is over the best entry elsewhere.
        # Only the best rival counts: stop at the first entry elsewhere.
        rival = next(
            ((s, c) for s, c in scored[1:] if not _same_spot(self.gazetteer, best, c)), None
        )
        support = context.support.get(best.index, (0.0, 0.0))[0]
        if rival is None:
            margin = NO_RIVAL_MARGIN
            return Resolution(best, best_score, margin, len(pool), support, margin)
        said = self._context_score(toponym, best, pool, context)
        said -= self._context_score(toponym, rival[1], pool, context)
        return Resolution(
            best, best_score, best_score - rival[0], len(pool), support, said, rival[1]
        )

    def _context_score(
        self, toponym: Toponym, candidate: Candidate, pool: Sequence[Candidate], context: _Context
    ) -> float:
        """The part of ``score`` the rest of the document gives (CONTEXT_FEATURES)."""
        vector = self.rank_features(toponym, candidate, pool, context)
        return float(sum(map(operator.mul, _CONTEXT_WEIGHTS, vector)))
