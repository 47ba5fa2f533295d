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
- a definite article: "the Atlantic", "the Gulf" name seas and regions, not towns.

A name with no entry of its own may hold one: "Arizona State University",
"Bank of England", "Russian Embassy" resolve to the place inside them. A
building or street with no place inside it takes the document's town.

A best score under ``min_score`` means "no match", which is a valid answer.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from crosswire.geo.gazetteer import Candidate, Gazetteer
from crosswire.geo.normalize import translit_key
from crosswire.geo.sources import AREA_FEATURES, SITE_FEATURES, lexicon
from crosswire.geo.words import (
    DIRECTION_WORDS,
    admin_abbreviation,
    ap_state,
    demonym_country,
    demonym_place,
)

EARTH_RADIUS_KM = 6371.0088

# Weights of the evidence, in log-population units (one unit ~ a tenfold population).
POPULATION_WEIGHT = 0.35
FEATURE_PRIOR = {
    "country": 3.0,
    "continent": 2.0,
    "admin1": 0.5,
    "capital": 1.2,
    "city": 0.0,
    "admin2": -0.5,
    # No population to weigh: the prior alone says how seldom a town of the name is meant.
    "sea": 4.0,
    "river": 3.0,
    "lake": 3.0,
}
SITE_PRIOR = 1.5  # curated: a name that matches one is seldom anything else
SITE_NAMED_BONUS = 2.0  # "Shayrat airbase": the mention says what kind of site it is
ADMIN_NAMED_BONUS = 2.5  # "Idlib province", "Rapides Parish"
SHADOWED_ADMIN_PENALTY = 2.0  # admin1 "Homs" when the city "Homs" is a candidate too
MATCH_BONUS = {"primary": 0.5, "alternate": 0.0, "skeleton": -1.5}
FOCUS_WEIGHT = 2.5
CONTAINER_INSIDE = 4.0
CONTAINER_OUTSIDE = -4.0
NAMED_ADMIN1_BONUS = 2.0
NEARNESS_WEIGHT = 1.5
NEARNESS_SCALE_KM = 250.0
DEFINITE_TOWN_PENALTY = 2.0  # "the Pacific" is no town called Pacific
TOWN_FEATURES = frozenset({"city", "capital", "admin2"})
# An entry found inside a longer name must be one a reader would take that name to hold.
EMBEDDED_MIN_POPULATION = 100_000
UNIT_WORDS = frozenset({"municipal", "local", "government", "metropolitan", "city", "of", "the"})
MIN_SCORE = 1.2
NO_RIVAL_MARGIN = 5.0
MAX_CANDIDATES = 300
FOCUS_MIN_SHARE = 0.15


@cache
def _unit_words() -> frozenset[str]:
    """Nouns that say what kind of place the name before them is: "Township", "County"."""
    lex = lexicon()
    return frozenset(lex["admin_words"]) | frozenset(lex["place_nouns"]) | UNIT_WORDS


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
    role: str = "place"  # "place" or "metonym": metonyms inform context, never nearness
    definite: bool = False  # "the" before a bare name: "the Atlantic", "the Gulf"


@dataclass(frozen=True, slots=True)
class Resolution:
    candidate: Candidate | None
    score: float
    margin: float = 0.0  # best score minus the runner-up's (large when there was no rival)
    pool: int = 0  # how many candidates the name had


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


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


class Resolver:
    def __init__(self, gazetteer: Gazetteer, *, min_score: float | None = MIN_SCORE) -> None:
        self.gazetteer = gazetteer
        self.min_score = min_score

    def candidates(self, toponym: Toponym) -> list[Candidate]:
        if toponym.hint == "street":
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
            found.update((c.index, c) for c in self.gazetteer.lookup(toponym.text))
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
        return ranked[:MAX_CANDIDATES]

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
        most prominent wins ("Japan" over "Bank").
        """
        words = query.split()
        if len(words) < 2 or len(words) > 8:
            return []
        words = [w.strip(",.;:'’") for w in words]
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
                        c
                        for c in self.gazetteer.lookup(name)
                        if named_unit or self._stands_alone(c)
                    ]
                if found and (not best or found[0].population > best[0].population):
                    best = sorted(found, key=lambda c: -c.population)[:MAX_CANDIDATES]
            if best:
                return best
        return []

    @staticmethod
    def _stands_alone(candidate: Candidate) -> bool:
        if candidate.feature in AREA_FEATURES or candidate.feature in SITE_FEATURES:
            return True
        return candidate.match == "primary" and (
            candidate.feature == "capital" or candidate.population >= EMBEDDED_MIN_POPULATION
        )

    def resolve(
        self,
        toponyms: Sequence[Toponym],
        *,
        context_countries: Sequence[str] = (),
    ) -> list[Resolution]:
        """One resolution per toponym; ``context_countries`` come from demonyms and the like."""
        pools = [self.candidates(t) for t in toponyms]
        containers = {t.container for t in toponyms if t.container is not None}
        # Pass 1: no document context, only size, kind and name.
        picks = [
            self._best(t, pool, _Context(focus={}, is_container=i in containers))
            for i, (t, pool) in enumerate(zip(toponyms, pools, strict=True))
        ]
        votes = _Votes.count(toponyms, picks, context_countries)
        # The skeleton fallback, now that the focus countries are known.
        focus_countries = [c for c, share in votes.shares().items() if share >= FOCUS_MIN_SHARE]
        for i, toponym in enumerate(toponyms):
            if not pools[i] and focus_countries:
                pools[i] = self.gazetteer.lookup_skeleton(toponym.query, focus_countries)
            if not pools[i] and toponym.hint != "street":
                pools[i] = self._embedded(toponym.query)
        # Passes 2 and 3: with focus, containment, named subdivisions and nearness.
        for _ in range(2):
            named_admin1 = [
                (translit_key(t.query), self.gazetteer.admin1_code(r.candidate.index))
                for t, r in zip(toponyms, picks, strict=True)
                if r.candidate is not None and r.candidate.feature == "admin1"
            ]
            previous = picks
            picks = []
            for i, toponym in enumerate(toponyms):
                container = None
                if toponym.container is not None:
                    container = previous[toponym.container].candidate
                context = _Context(
                    # A name must not vote for its own reading: "Hama" alone is no focus.
                    focus=votes.shares(without=translit_key(toponym.query)),
                    container=container,
                    anchors=self._anchors(i, toponyms, previous),
                    # Subdivisions named by the other toponyms, not by this one.
                    named_admin1=frozenset(
                        code for key, code in named_admin1 if key != translit_key(toponym.query)
                    ),
                    is_container=i in containers,
                )
                picks.append(self._best(toponym, pools[i], context))
            votes = _Votes.count(toponyms, picks, context_countries)
        picks = self._place_streets(toponyms, picks)
        if self.min_score is None:
            return picks
        return [
            r
            if r.candidate is not None and r.score >= self.min_score
            else Resolution(None, r.score, r.margin, r.pool)
            for r in picks
        ]

    @staticmethod
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
            Resolution(town.candidate, town.score, town.margin, town.pool)
            if t.hint == "street" or (t.hint == "facility" and r.candidate is None)
            else r
            for t, r in zip(toponyms, picks, strict=True)
        ]

    # -- evidence -----------------------------------------------------------

    @staticmethod
    def _anchors(
        index: int, toponyms: Sequence[Toponym], picks: Sequence[Resolution]
    ) -> tuple[Candidate, ...]:
        own_key = translit_key(toponyms[index].query)
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
            anchors[candidate.index] = candidate
        return tuple(anchors.values())

    def score(
        self,
        toponym: Toponym,
        candidate: Candidate,
        pool: Sequence[Candidate],
        context: _Context,
    ) -> float:
        gazetteer = self.gazetteer
        value = POPULATION_WEIGHT * math.log10(candidate.population + 10)
        value += MATCH_BONUS[candidate.match]
        feature = candidate.feature
        named_as_unit = toponym.hint == "admin" or context.is_container
        if feature in SITE_FEATURES:
            value += SITE_PRIOR + (SITE_NAMED_BONUS if toponym.hint == "site" else 0.0)
        else:
            value += FEATURE_PRIOR[feature]
            if named_as_unit and feature in ("admin1", "admin2"):
                value += ADMIN_NAMED_BONUS
        if (
            feature in ("admin1", "admin2")
            and not named_as_unit
            and self._shadowed(candidate, pool)
        ):
            value -= SHADOWED_ADMIN_PENALTY
        value += FOCUS_WEIGHT * context.focus.get(candidate.country, 0.0)
        if context.container is not None:
            inside = _contains(context.container, candidate, gazetteer)
            value += CONTAINER_INSIDE if inside else CONTAINER_OUTSIDE
        elif toponym.container_admin1 is not None:
            country, admin1 = toponym.container_admin1
            inside = (
                candidate.country == country
                and candidate.admin1 is not None
                and translit_key(candidate.admin1) == translit_key(admin1)
            )
            value += CONTAINER_INSIDE if inside else CONTAINER_OUTSIDE
        code = gazetteer.admin1_code(candidate.index)
        if feature != "admin1" and code >= 0 and code in context.named_admin1:
            value += NAMED_ADMIN1_BONUS
        if toponym.definite and feature in TOWN_FEATURES:
            value -= DEFINITE_TOWN_PENALTY
        if context.anchors and feature not in AREA_FEATURES:
            nearest = min(
                haversine_km(candidate.lat, candidate.lon, a.lat, a.lon) for a in context.anchors
            )
            value += NEARNESS_WEIGHT * math.exp(-nearest / NEARNESS_SCALE_KM)
        elif feature == "admin1" and any(
            gazetteer.admin1_code(a.index) == code for a in context.anchors
        ):
            # A subdivision holding the document's towns is as near as a town beside them.
            value += NEARNESS_WEIGHT
        return value

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

    def _best(self, toponym: Toponym, pool: Sequence[Candidate], context: _Context) -> Resolution:
        if not pool:
            return Resolution(None, float("-inf"))
        scored = sorted(
            ((self.score(toponym, c, pool, context), c) for c in pool),
            key=lambda pair: -pair[0],
        )
        best_score, best = scored[0]
        margin = best_score - scored[1][0] if len(scored) > 1 else NO_RIVAL_MARGIN
        return Resolution(best, best_score, margin, len(pool))
