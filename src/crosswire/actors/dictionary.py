"""The curated actor dictionary: actors, states and their regime periods, persons."""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Literal

import pycountry

from crosswire.model import Entity

LinkMode = Literal[
    "alias", "demonym", "title", "coreference", "metonym", "category", "context", "unlinked"
]
Role = Literal["actor", "backer", "affiliation"]
Branch = Literal["gov", "mil", "pol"]


def _words(text: str) -> frozenset[str]:
    """A word list written as running text."""
    return frozenset(text.split())


KIND_INTER: dict[str, int] = {
    "government": 1,
    "military": 1,
    "police": 1,
    "rebel_group": 2,
    "political_militia": 3,
    "unidentified_armed_group": 3,
    "identity_militia": 4,
    "rioters": 5,
    "protesters": 6,
    "civilians": 7,
    "external_forces": 8,
    "international_organisation": 8,
}

_BRANCH_NAMES: dict[str, Branch] = {"gov": "gov", "mil": "mil", "pol": "pol"}
_STATE_KINDS = frozenset({"government", "military", "police"})
BRANCHES: dict[Branch, tuple[str, str]] = {
    # branch -> (kind, name pattern)
    "gov": ("government", "Government of {}"),
    "mil": ("military", "Military Forces of {}"),
    "pol": ("police", "Police Forces of {}"),
}

# Generic ACLED actors, built on demand for any country: category -> (name, kind).
GENERIC: dict[str, tuple[str, str]] = {
    "protesters": ("Protesters", "protesters"),
    "rioters": ("Rioters", "rioters"),
    "civilians": ("Civilians", "civilians"),
    "uag": ("Unidentified Armed Group", "unidentified_armed_group"),
    # Rebels a report names only as such ("rebels", "opposition fighters"): ACLED's
    # generic "Opposition Rebels (X)"-style actor, a rebel group of no known name.
    "rebels": ("Opposition Rebels", "rebel_group"),
}


# --------------------------------------------------------------------------
# The dictionary


@dataclass(frozen=True, kw_only=True, slots=True)
class Actor:
    """One canonical actor of the dictionary."""

    key: str
    name: str
    kind: str
    inter: int
    country: str | None  # ISO 3166 alpha-2; None for transnational actors
    aliases: tuple[str, ...] = ()
    parent: str | None = None
    descriptors: tuple[str, ...] = ()  # nouns beyond the kind's own that point back to it
    metonyms: tuple[str, ...] = ()  # place names that stand for it in actor positions
    theatres: tuple[str, ...] = ()  # countries it fights in beyond its own: "the coalition"

    def entity(self) -> Entity:
        return Entity(
            name=self.name,
            kind=self.kind,
            aliases=self.aliases,
            inter_code=self.inter,
            country_code=self.country,
            canonical_key=self.key,
        )


@dataclass(frozen=True, kw_only=True, slots=True)
class State:
    country: str
    name: str
    of_name: str  # as it reads after "Government of": "the United States"
    names: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()
    seats: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True, slots=True)
class Period:
    """One regime of a state: its actors are named "Military Forces of Syria (2024-)"."""

    label: str  # "2000-2024", "2024-"
    start: date  # first day
    end: date | None  # the day it ended (exclusive); None while it lasts
    keys: Mapping[Branch, str]  # the actor holding each branch in this period

    def covers(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day < self.end)


@dataclass(frozen=True, kw_only=True, slots=True)
class Person:
    key: str
    name: str
    affiliation: str  # actor key
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True, slots=True, eq=False)
class ActorDictionary:
    actors: Mapping[str, Actor]
    persons: Mapping[str, Person]
    states: Mapping[str, State]
    guarded: frozenset[str]
    ambiguous: Mapping[str, tuple[str, ...]]  # alias -> actor keys, the default first
    periods: Mapping[str, tuple[Period, ...]] = field(default_factory=dict)  # by country

    def actor(self, key: str) -> Actor:
        return self.actors[key]

    def state_actor(self, country: str, branch: Branch, on: date | None = None) -> Actor:
        """The state actor of a branch, in the period that covers ``on`` if one does."""
        period = self.period(country, on)
        return self.actors[period.keys[branch] if period else f"{branch}:{country}"]

    def period(self, country: str, on: date | None) -> Period | None:
        if on is None:
            return None
        return next((p for p in self.periods.get(country, ()) if p.covers(on)), None)

    def dated(self, entity: Entity, on: date | None) -> Entity:
        """A state actor without a period, put in the period that covers ``on``."""
        branch, _, country = entity.canonical_key.partition(":")
        if branch not in _BRANCH_NAMES or len(country) != 2 or on is None:
            return entity  # not an undated state actor: "mil:SY@2024-", "hts"
        actor = self.state_actor(country, _BRANCH_NAMES[branch], on)
        return entity if actor.key == entity.canonical_key else actor.entity()

    def country_name(self, country: str) -> str:
        state = self.states.get(country)
        if state is not None:
            return state.name
        record = pycountry.countries.get(alpha_2=country)
        if record is None:
            return country
        return str(getattr(record, "common_name", None) or record.name)

    def generic(self, category: str, country: str | None) -> Entity:
        """A generic actor ("Protesters (Iraq)"); without a country it stays unlinked."""
        label, kind = GENERIC[category]
        if country is None:
            return Entity(name=label, kind=kind, inter_code=KIND_INTER[kind])
        return Entity(
            name=f"{label} ({self.country_name(country)})",
            kind=kind,
            inter_code=KIND_INTER[kind],
            country_code=country,
            canonical_key=f"{category}:{country}",
        )

    def alias_targets(self) -> dict[str, tuple[str, ...]]:
        """Every alias with the keys (actors and persons) it names."""
        targets: dict[str, list[str]] = {}
        for actor in self.actors.values():
            for alias in actor.aliases:
                targets.setdefault(alias, []).append(actor.key)
        for person in self.persons.values():
            for alias in person.aliases:
                targets.setdefault(alias, []).append(person.key)
        return {alias: tuple(dict.fromkeys(keys)) for alias, keys in targets.items()}


def _strings(raw: Mapping[str, object], name: str) -> tuple[str, ...]:
    value = raw.get(name, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"actor dictionary: {name!r} must be a list of strings in {raw!r}")
    return tuple(dict.fromkeys(value))


_BRANCH_FIELDS: dict[Branch, str] = {"gov": "government", "mil": "military", "pol": "police"}


def _state_actors(state: State, raw: Mapping[str, object]) -> Iterator[Actor]:
    of_name = state.of_name
    generated: dict[Branch, tuple[str, ...]] = {
        "gov": (f"Government of {of_name}", f"government of {state.name}"),
        "mil": (f"Military Forces of {of_name}", f"armed forces of {state.name}"),
        "pol": (f"Police Forces of {of_name}", f"police forces of {state.name}"),
    }
    for branch, (kind, pattern) in BRANCHES.items():
        aliases = generated[branch] + _strings(raw, _BRANCH_FIELDS[branch])
        yield Actor(
            key=f"{branch}:{state.country}",
            name=pattern.format(of_name),
            kind=kind,
            inter=1,
            country=state.country,
            aliases=tuple(dict.fromkeys(aliases)),
        )


def _periods(state: State, raw: Mapping[str, object]) -> Iterator[tuple[Period, list[Actor]]]:
    """Each declared period of a state, with the period actors it adds.

    A period's own aliases name only it ("Assad regime"); ``government_actor``
    hands its government to a named actor (Libya's "Government of National Unity").
    """
    previous: Period | None = None
    for table in _tables(raw, "period"):
        label, start, end = table.get("label"), table.get("start"), table.get("end")
        if not isinstance(label, str) or not isinstance(start, date):
            raise ValueError(f"actor dictionary: period needs a label and a start in {table!r}")
        if end is not None and (not isinstance(end, date) or end <= start):
            raise ValueError(f"actor dictionary: bad period end in {table!r}")
        if previous is not None and (previous.end is None or previous.end > start):
            raise ValueError(f"actor dictionary: periods of {state.country} overlap")
        keys: dict[Branch, str] = {}
        actors: list[Actor] = []
        for branch, (kind, pattern) in BRANCHES.items():
            handed = table.get(f"{_BRANCH_FIELDS[branch]}_actor")
            if handed is not None:
                keys[branch] = str(handed)
                continue
            key = f"{branch}:{state.country}@{label}"
            keys[branch] = key
            actors.append(
                Actor(
                    key=key,
                    name=f"{pattern.format(state.of_name)} ({label})",
                    kind=kind,
                    inter=1,
                    country=state.country,
                    aliases=_strings(table, _BRANCH_FIELDS[branch]),
                )
            )
        previous = Period(label=label, start=start, end=end, keys=keys)
        yield previous, actors


def parse_actor_dictionary(data: Mapping[str, object]) -> ActorDictionary:
    """Build the dictionary from its TOML structure."""
    actors: dict[str, Actor] = {}

    def add(actor: Actor) -> None:
        if actor.key in actors:
            raise ValueError(f"actor dictionary: duplicate key {actor.key!r}")
        actors[actor.key] = actor

    states, periods = _parse_states(data, add)
    for raw in _tables(data, "actor"):
        add(_parse_actor(raw))
    persons: dict[str, Person] = {}
    for raw in _tables(data, "person"):
        person = Person(
            key=str(raw["key"]),
            name=str(raw["name"]),
            affiliation=str(raw["affiliation"]),
            aliases=_strings(raw, "aliases"),
        )
        if person.key in persons or person.key in actors:
            raise ValueError(f"actor dictionary: duplicate key {person.key!r}")
        persons[person.key] = person
    ambiguous = {str(raw["alias"]): _strings(raw, "actors") for raw in _tables(data, "ambiguous")}
    dictionary = ActorDictionary(
        actors=actors,
        persons=persons,
        states=states,
        guarded=frozenset(_strings(data, "guarded")),
        ambiguous=ambiguous,
        periods=periods,
    )
    handed = [key for spans in periods.values() for p in spans for key in p.keys.values()]
    for key in (
        [a.parent for a in actors.values() if a.parent]
        + handed
        + [p.affiliation for p in persons.values()]
    ):
        if key not in actors:
            raise ValueError(f"actor dictionary: unknown actor key {key!r}")
    return dictionary


def _parse_states(
    data: Mapping[str, object], add: Callable[[Actor], None]
) -> tuple[dict[str, State], dict[str, tuple[Period, ...]]]:
    """The states, each adding its state actors (and their periods') through ``add``."""
    states: dict[str, State] = {}
    periods: dict[str, tuple[Period, ...]] = {}
    for raw in _tables(data, "state"):
        country = str(raw["country"])
        name = str(raw["name"])
        state = State(
            country=country,
            name=name,
            of_name=str(raw.get("of_name", name)),
            names=_strings(raw, "names"),
            demonyms=_strings(raw, "demonyms"),
            capitals=_strings(raw, "capitals"),
            seats=_strings(raw, "seats"),
        )
        if country in states:
            raise ValueError(f"actor dictionary: duplicate state {country!r}")
        states[country] = state
        for actor in _state_actors(state, raw):
            add(actor)
        declared = list(_periods(state, raw))
        for _, period_actors in declared:
            for actor in period_actors:
                add(actor)
        if declared:
            periods[country] = tuple(period for period, _ in declared)
    return states, periods


def _parse_actor(raw: Mapping[str, object]) -> Actor:
    inter = raw["inter"]
    if not isinstance(inter, int):
        raise ValueError(f"actor dictionary: inter must be an integer in {raw!r}")
    actor_country = raw.get("country")
    return Actor(
        key=str(raw["key"]),
        name=str(raw["name"]),
        kind=str(raw["kind"]),
        inter=inter,
        country=str(actor_country) if actor_country else None,
        aliases=_strings(raw, "aliases"),
        parent=str(raw["parent"]) if raw.get("parent") else None,
        descriptors=_strings(raw, "descriptors"),
        metonyms=_strings(raw, "metonyms"),
        theatres=_strings(raw, "theatres"),
    )


def _tables(data: Mapping[str, object], name: str) -> list[Mapping[str, object]]:
    value = data.get(name, [])
    if not isinstance(value, list):
        raise ValueError(f"actor dictionary: [[{name}]] must be an array of tables")
    return value


def default_dictionary_path() -> Path:
    return Path(str(resources.files("crosswire").joinpath("data", "actors.toml")))


@cache
def load_actor_dictionary(path: Path | None = None) -> ActorDictionary:
    """The shipped dictionary (or the one at ``path``), parsed once per process."""
    source = path or default_dictionary_path()
    with source.open("rb") as handle:
        return parse_actor_dictionary(tomllib.load(handle))
