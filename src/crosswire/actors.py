"""Actors: the curated actor dictionary and the linker that resolves mentions to it.

``link_actors(doc, article_id, on=...)`` finds every actor mention in a parsed
article and links it to one canonical actor. It links

- aliases ("Daesh", "HTS", "Hizballah") through spaCy PhraseMatchers;
- demonyms that stand for forces or officials ("Turkish drones", "Syrian officials");
- titles that tie a person to an actor ("Houthi spokesman Yahya Saree");
- metonyms: capitals, seats of government and country names used as actors
  ("Moscow said", "talks with Tehran"), read off the dependency parse;
- generic actors ("protesters", "gunmen") to the article's main country;
- generic state forces and ministries ("government forces", "security forces",
  "troops", "the Interior Ministry") to the state of the country the sentence is
  set in, else to the one state the article is about ("context" links);
- communal militias: "local fighters", "gunmen from <town>" where the text names
  the town ("Tafas Communal Militia (Syria)");
- definite descriptions ("the group", "the regime") to the latest compatible actor,
  or with none, "the army" to the article's state and "the coalition" to the one
  fighting in the article's country.

spaCy ORG and PERSON entities the dictionary does not know become unlinked
organisations and persons, unless they stand where a town stands ("entered
Tafas"). A dateline ("AMMAN, Jordan —") names where the reporter is, never an
actor. The caller aggregates mentions into entities.

Canonical keys: dictionary keys ("hts", "person:vladimir-putin"), the state
actors "gov:CC", "mil:CC", "pol:CC" and, for states whose regime changed, their
periods "mil:SY@2024-"; the generic "protesters:CC", "rioters:CC",
"civilians:CC", "uag:CC" (Unidentified Armed Group); and communal militias
"communal:CC:<place>" ("Tafas Communal Militia (Syria)").

State actors carry ACLED's regime period where the dictionary declares one
("Military Forces of Syria (2024-)"). The period follows a year in the
mention's own clause ("the regime retook the city in 2018"), else the
article's date (``on``); without either the unsuffixed actor stands.
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache, cached_property
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import pycountry

from crosswire.model import Entity, Mention
from crosswire.nonactors import non_actor_reason

if TYPE_CHECKING:
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc, Span, Token
    from spacy.vocab import Vocab

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
    states: dict[str, State] = {}
    persons: dict[str, Person] = {}
    periods: dict[str, tuple[Period, ...]] = {}

    def add(actor: Actor) -> None:
        if actor.key in actors:
            raise ValueError(f"actor dictionary: duplicate key {actor.key!r}")
        actors[actor.key] = actor

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
    for raw in _tables(data, "actor"):
        inter = raw["inter"]
        if not isinstance(inter, int):
            raise ValueError(f"actor dictionary: inter must be an integer in {raw!r}")
        actor_country = raw.get("country")
        add(
            Actor(
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
        )
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


# --------------------------------------------------------------------------
# Linker output


@dataclass(frozen=True, kw_only=True, slots=True)
class ActorMention:
    """One actor mention, the entity it links to, and how it was linked.

    ``role`` tells an actor acting in the sentence from one named only as the
    backer of another ("Iranian" in "Iranian-backed militias") or as the
    affiliation of a person ("Syrian" in "Syrian President Bashar al-Assad").
    """

    entity: Entity
    mention: Mention
    how: LinkMode
    role: Role = "actor"
    backed_by: tuple[Entity, ...] = ()  # patrons named with it: "Iran" in "Iran-backed Houthis"
    affiliation: Entity | None = None  # persons: the actor they act or speak for
    antecedent: Mention | None = None  # coreference: the mention it points back to


# --------------------------------------------------------------------------
# Word lists (lowercase). They decide what a demonym or a place name stands for.

_COMMUNICATION_VERBS = _words(
    """say tell announce deny warn claim accuse condemn reject demand respond threaten insist
    agree sign order impose call urge vow confirm blame refuse propose offer negotiate recognise
    recognize expel summon pledge dismiss welcome seek accept approve oppose decide criticise
    criticize protest sanction support back fund arm supply send ban suspend recall host veto
    vote push press declare acknowledge admit allege argue stress reiterate express signal
    consider plan want hope expect believe fear suspect intend try join sever restore resume
    halt freeze lift extend renew issue release publish report note add state maintain contend
    counter slam hail praise thank congratulate mediate broker request ask invite promise commit
    ratify adopt endorse reaffirm withdraw designate label arrest detain sentence execute
    extradite appoint name nominate retaliate lodge boycott decline rule insist reach"""
)
_MILITARY_VERBS = _words(
    """strike launch attack shell bomb fire target hit invade deploy shoot intercept advance
    capture seize retake recapture occupy bombard raid mobilise mobilize kill destroy repel
    storm encircle besiege pound ambush assault airlift conduct carry escalate mass amass
    station patrol drop fight"""
)
_OBJECT_VERBS = _words(
    """accuse urge warn condemn sanction blame criticise criticize pressure press tell ask thank
    praise support back arm fund recognise recognize court lobby persuade convince invite
    reassure rebuke slam hail congratulate sue punish isolate engage call defend"""
)
_READY_ADJECTIVES = _words(
    "ready willing open prepared determined committed opposed keen eager unwilling reluctant"
)
_DIPLOMATIC_NOUNS = _words(
    """talk talks negotiation negotiations deal agreement relation relations tie ties meeting
    accord ceasefire truce dialogue summit sanction sanctions pressure rapprochement
    normalisation normalization cooperation alliance pact contact contacts dispute rift tension
    tensions standoff confrontation war row spat feud channel mediation peace friendship
    partnership exchange exchanges action measures"""
)
_DIPLOMATIC_PREPOSITIONS = frozenset({"with", "between", "on", "against"})
# Verbs a place is the subject of: "Kyiv woke to sirens", "Syria has seen ten years of war".
_PLACE_SUBJECT_VERBS = _words(
    """be have see witness suffer experience face endure lie sit border remain become fall get
    undergo boast house contain include cover stretch rank account brace wake shake rock lose
    descend plunge slide sink burn erupt tremble echo go come look seem appear feel sound stand
    stay grow shrink expand swell rely depend lack run enjoy mark celebrate mourn gather reel
    recover struggle bear host need count number total"""
)
# A capital stands for its government where a country name would be the land:
# "Damascus has relied on local deals" but "Syria relies on imported wheat".
_CAPITAL_PLACE_SUBJECT_VERBS = _PLACE_SUBJECT_VERBS - _words("rely depend struggle count need")
_WITH_VERBS = _words(
    """cooperate coordinate share meet talk negotiate agree sign discuss work ally side consult
    confer reconcile trade deal normalise normalize engage"""
)
_CLASH_VERBS = _words("clash fight battle skirmish war")
_GIVING_VERBS = _words(
    """give supply sell provide hand transfer pay grant export apologize apologise appeal write
    speak talk complain protest offer lend donate"""
)
_AID_NOUNS = _words(
    """aid assistance support grant grants loan loans weapons arms help apology offer
    ultimatum message letter request appeal reminder warning note invitation protest"""
)

_MILITARY_NOUNS = _words(
    """troop troops soldier soldiers force forces army military jet jets warplane warplanes
    plane planes aircraft drone drones helicopter helicopters gunship gunships artillery tank
    tanks navy warship warships submarine missile missiles strike strikes airstrike airstrikes
    bombardment shelling raid raids offensive assault attack attacks operation operations unit
    units battalion brigade brigades division regiment commando commandos marine marines
    paratrooper paratroopers sniper snipers gunboat frigate bomber bombers convoy patrol
    patrols invasion incursion shell shells bombing bombings counteroffensive
    counter-offensive personnel contingent peacekeepers sailors airmen guard guards"""
)
_GOVERNMENT_NOUNS = _words(
    """government regime official officials authorities authority ministry minister
    president diplomat diplomats embassy envoy ambassador administration cabinet spokesman
    spokeswoman spokesperson delegation negotiator negotiators leader leaders leadership
    intelligence parliament lawmakers prosecutors prosecutor junta presidency premier
    chancellor king emir"""
)
_POLICE_NOUNS = _words("police policeman policemen gendarme gendarmes gendarmerie")
_CATEGORY_NOUNS: dict[str, str] = {
    "protester": "protesters",
    "protesters": "protesters",
    "protestor": "protesters",
    "protestors": "protesters",
    "demonstrator": "protesters",
    "demonstrators": "protesters",
    "rioter": "rioters",
    "rioters": "rioters",
    "civilian": "civilians",
    "civilians": "civilians",
    "villager": "civilians",
    "villagers": "civilians",
    "gunman": "uag",
    "gunmen": "uag",
    "assailant": "uag",
    "assailants": "uag",
    "bandit": "uag",
    "bandits": "uag",
}
# Armed nouns a demonym points at without naming a branch: "Palestinian gunmen".
_DEMONYM_ARMED_NOUNS = _words(
    "militant militants insurgent insurgents rebel rebels jihadist jihadists separatist "
    "separatists militia militias militiaman militiamen"
)
# Modifiers that take a noun away from the state: "Ugandan opposition candidates".
_NOT_THE_STATE = _words("opposition dissident dissidents exiled exile anti-government")
# What a "-backed" modifier may describe when no known actor is named there.
_BACKED_ARMED_NOUNS = _words(
    """militia militias group groups rebels rebel fighters fighter forces force separatists
    proxies proxy gunmen militants paramilitary paramilitaries insurgents faction factions
    militiamen"""
)
_BACKING_WORDS = _words(
    """backed supported sponsored funded armed trained aligned allied affiliated linked led
    equipped financed"""
)
_BACKING_VERBS = _words("back support sponsor fund arm train finance equip")
_POSSESSED_GOVERNMENT = _words(
    """decision response offer proposal support backing demand demands statement position
    refusal ally allies proxy proxies stance policy leadership government regime
    administration envoy ambassador representative delegation spokesman spokeswoman warning
    threat plan plans intention approach strategy announcement reaction war sanctions
    diplomats officials efforts effort wish request appeal bid call calls commitment objection
    objections concerns concern conditions initiative move moves claim claims accusation
    accusations denial apology pledge promise veto vote recognition withdrawal intervention
    involvement role influence interests ambitions message invitation aid assistance help
    blessing approval consent participation rejection threats ultimatum friendship mediation
    cabinet parliament court courts rulers ruler legislature assembly ministry ministries
    presidency junta"""
)
# What a state does, named after its demonym: "US mediation", "a Russian proposal".
_STATE_ACTIVITY_NOUNS = _words(
    """proposal offer decision response demand demands statement position refusal stance policy
    warning threat plan announcement reaction sanctions mediation initiative veto pledge
    backing recognition invitation ultimatum accusation accusations objection objections
    request appeal bid delegation negotiators negotiator diplomats diplomacy"""
)
_POSSESSIVES = frozenset({"'s", "’s", "'", "’"})

# Titles. A title block is a run of these words with at least one core title.
_CORE_TITLES: dict[str, Branch] = {
    **dict.fromkeys(
        _words(
            """president vice-president premier minister chancellor king queen prince emir
            sultan monarch ayatollah ambassador envoy diplomat secretary spokesman spokeswoman
            spokesperson official governor negotiator adviser advisor leader chief head chairman
            chairwoman director speaker mayor founder"""
        ),
        "gov",
    ),
    **dict.fromkeys(
        _words(
            """commander commander-in-chief general gen. gen maj. lt. col. brig. colonel
            lieutenant major brigadier admiral marshal captain capt. sergeant sgt. officer"""
        ),
        "mil",
    ),
}
_TITLE_MODIFIERS = _words(
    """foreign defence defense interior prime vice deputy acting interim senior top military
    army navy naval air force police security intelligence political bureau politburo
    national armed forces of staff state - crown supreme de facto self proclaimed styled
    affairs information media regional provincial local joint field chief general former
    ex ex- in elect president-elect first assistant new newly elected incoming outgoing junior
    religious spiritual"""
)
_MILITARY_TITLE_MODIFIERS = frozenset({"military", "army", "armed", "navy", "naval", "air"})
_MINISTER_TITLES = frozenset({"minister", "secretary", "premier"})
_FORMER = frozenset({"former", "ex", "ex-", "late"})

# Definite descriptions that point back to an actor: head noun -> compatible kinds.
_GOVERNMENT_KINDS = frozenset({"government"})
_MILITARY_KINDS = frozenset({"military"})
_NON_STATE_KINDS = frozenset(
    {"rebel_group", "political_militia", "identity_militia", "unidentified_armed_group"}
)
_GROUP_NOUNS = _words("group organisation organization movement faction outfit network")
_DESCRIPTIONS: dict[str, frozenset[str]] = {
    **dict.fromkeys(
        _words("regime government administration authorities cabinet leadership"),
        _GOVERNMENT_KINDS,
    ),
    "junta": _GOVERNMENT_KINDS | _MILITARY_KINDS,
    **dict.fromkeys(_words("army military troops soldiers"), _MILITARY_KINDS),
    "police": frozenset({"police"}),
    **dict.fromkeys(_GROUP_NOUNS, _NON_STATE_KINDS),
    **dict.fromkeys(
        _words("""militants insurgents jihadists extremists rebels fighters guerrillas terrorists
        separatists militia militias militiamen islamists"""),
        _NON_STATE_KINDS,
    ),
}
_FORCES_MODIFIERS = frozenset({"armed", "security", "government"})
_DESCRIPTION_DETERMINERS = frozenset({"the", "this", "that", "these", "those"})

# Generic words for a state's forces. With no demonym, name or antecedent they
# are the forces of the country the clause is set in, else of the article's state.
_STATE_FORCE_NOUNS: dict[str, Branch] = {
    **dict.fromkeys(_words("army military troops troop soldiers soldier"), "mil"),
    **dict.fromkeys(_words("police policeman policemen gendarmes gendarme gendarmerie"), "pol"),
}
_INSTITUTION_NOUNS = _words("army military police gendarmerie force forces")  # not "an army"
# What "army" or "police" may modify and still be the force acting: "army units".
_FORCE_PART_NOUNS = _MILITARY_NOUNS | _words("vehicles vehicle cars trucks armour armor")
# Words that make "forces" the state's and may stand in a generic state-force phrase.
_STATE_FORCE_MODIFIERS: dict[str, Branch | None] = {
    **dict.fromkeys(_words("government regime state pro-government army military armed"), "mil"),
    **dict.fromkeys(_words("security police riot"), "pol"),
    **dict.fromkeys(_words("national federal local special regular loyalist"), None),
}
# A government or its forces that is named by the place it sits: "in Aden".
_LOCATIVE_PREPOSITIONS = _words("in inside across throughout")
_PLACE_NOUNS = _words(
    """city town village province port capital coast countryside region territory district
    governorate desert suburbs outskirts"""
)

# Ministries are the government (ACLED codes them so); the words that name one.
_MINISTRY_NOUNS = _words("ministry ministries")
_MINISTRY_TOPICS = _words(
    """interior defence defense foreign health justice finance information education
    electricity energy oil economy agriculture water affairs home public security
    communications culture religious endowments transport"""
)
_OWNER_MARKERS = _BACKING_WORDS | _words("run controlled held own")

# Communal militias: the armed men of one place ("local fighters", "gunmen from Tafas").
_COMMUNAL_HEADS = _words("fighters gunmen militiamen rebels combatants militia militias")
_COMMUNAL_MODIFIERS = _words("local former ex ex- - opposition rebel armed tribal")
_SETTLEMENT_NOUNS = _words("town village city hamlet neighbourhood neighborhood suburb camp")
_AREA_NOUNS = _words("province governorate region district state county")
_PLACE_PREPOSITIONS = _words("in into near toward towards outside inside around across")
_OF_PLACE_HEADS = (
    _SETTLEMENT_NOUNS
    | _AREA_NOUNS
    | _words(
        """outskirts edge centre center heart suburbs countryside north south east west northeast
    northwest southeast southwest"""
    )
)
_SETTLEMENT_PREPOSITIONS = _words("in from of inside near into at to toward towards outside")
# Verbs whose object is a place and never a person: "entered Tafas", "fled Tafas".
_ENTERING_VERBS = _words("enter storm besiege shell bombard reach overrun encircle leave flee")
# spaCy often takes a small town for a person; a real person is linked (covered) first.
_NOT_TOWNS = frozenset({"DATE", "TIME", "NORP", "CARDINAL", "ORDINAL", "MONEY", "EVENT"})

# A year in a clause dates it, except where the clause runs on from it ("since 2018").
_SINCE_WORDS = _words("since from")
_BEFORE_WORDS = _words("before until till prior")
_AFTER_WORDS = _words("after")
_CLAUSE_DEPS = _words("ccomp advcl relcl conj parataxis xcomp")

# Guarded abbreviations that are also English words: rejected where they read as one.
_WORD_ABBREVIATIONS = frozenset({"is", "as", "us", "am", "an", "or", "it", "no", "so", "do", "be"})
_ABBREVIATION_CONTEXT_NOUNS = _words(
    """fighter fighters militant militants group members member force forces troops cell cells
    commander commanders leader leaders spokesman attack attacks claim stronghold strongholds
    territory insurgents insurgency rebel rebels soldiers positions position unit units militia
    operatives jihadists affiliate branch offensive control ranks chief emir supporters
    recruits recruitment propaganda statement statements ambush raid raids captives hostages
    loyalists combatants"""
)
_ABBREVIATION_CONTEXT_BEFORE = _words(
    """by against with from of and to between join joined joining fight fighting fought defeat
    defeated targeting target targeted versus vs. vs former ex"""
)
_SUBJECT_WORDS = frozenset({"there", "this", "what", "who", "which", "it"})
_ABBREVIATION_CONTEXT_AFTER_HYPHEN = _words(
    "held controlled linked affiliated led run aligned allied inspired claimed"
)

# Arabic articles written with a hyphen or a space ("al-Nusra", "al Nusra").
_ARTICLE_HYPHEN = re.compile(r"\b(al|el|ad|an|ar|as|ash|at|az|adh|ul)-(?=\w)", re.IGNORECASE)
# Particles that need not be capitalised in the text even when the alias capitalises them.
_PARTICLES = _words(
    "al el ad an ar as ash at az adh ul bin ibn bint wa wal of the and in for to de du la le des"
    " i e"
)
_BACKED_TOKEN = re.compile(r"^(?P<owner>.+)-(?P<word>[a-z]+)$")


def _is_abbreviation(alias: str) -> bool:
    letters = [c for c in alias if c.isalpha()]
    return bool(letters) and len(letters) <= 7 and " " not in alias and alias.upper() == alias


def _variants(alias: str) -> set[str]:
    variants = {alias, alias.replace("’", "'"), alias.replace("'", "’")}
    for variant in list(variants):
        variants.add(_ARTICLE_HYPHEN.sub(r"\1 ", variant))
    return variants


# --------------------------------------------------------------------------
# Matchers, built once per vocabulary


@dataclass(frozen=True, slots=True)
class _NameTarget:
    """What a place name stands for in an actor position."""

    country: str | None  # a state: the branch follows the verb
    actor: str | None = None  # a fixed actor (a seat of government, an actor's metonym)
    capital: bool = False  # a capital or seat rather than the country's own name


@dataclass(slots=True)
class _Matchers:
    vocab: Vocab  # held so the cache key's id stays this vocabulary's
    aliases: PhraseMatcher  # case-insensitive, case checked afterwards
    abbreviations: PhraseMatcher  # exact case
    names: PhraseMatcher
    demonyms: PhraseMatcher  # exact case
    alias_targets: dict[str, tuple[str, ...]]  # pattern text -> keys
    name_targets: dict[str, _NameTarget]  # pattern text -> target
    demonym_targets: dict[str, tuple[str, bool]]  # pattern -> (country, plural)
    pattern_words: dict[str, tuple[str, ...]]  # pattern text -> its tokens


def _build_matchers(dictionary: ActorDictionary, vocab: Vocab) -> _Matchers:
    import spacy
    from spacy.matcher import PhraseMatcher

    make_doc = spacy.blank("en", vocab=vocab).make_doc
    aliases = PhraseMatcher(vocab, attr="LOWER")
    abbreviations = PhraseMatcher(vocab, attr="ORTH")
    names = PhraseMatcher(vocab, attr="LOWER")
    demonyms = PhraseMatcher(vocab, attr="ORTH")

    pattern_words: dict[str, tuple[str, ...]] = {}

    def pattern(matcher: PhraseMatcher, text: str) -> None:
        tokens = make_doc(text)
        pattern_words[text] = tuple(t.text for t in tokens)
        matcher.add(text, [tokens])

    alias_targets: dict[str, tuple[str, ...]] = {}
    for alias, keys in dictionary.alias_targets().items():
        if _is_abbreviation(alias):
            alias_targets[alias] = tuple(dict.fromkeys(alias_targets.get(alias, ()) + keys))
            pattern(abbreviations, alias)
            continue
        for variant in _variants(alias):
            alias_targets[variant] = tuple(dict.fromkeys(alias_targets.get(variant, ()) + keys))
            pattern(aliases, variant)

    name_targets: dict[str, _NameTarget] = {}
    demonym_targets: dict[str, tuple[str, bool]] = {}
    for state in dictionary.states.values():
        for name in state.names:
            for variant in _variants(name):
                name_targets[variant] = _NameTarget(country=state.country)
        for capital in state.capitals:
            for variant in _variants(capital):
                name_targets[variant] = _NameTarget(country=state.country, capital=True)
        for seat in state.seats:
            for variant in _variants(seat):
                name_targets[variant] = _NameTarget(
                    country=None, actor=f"gov:{state.country}", capital=True
                )
        for demonym in state.demonyms:
            demonym_targets[demonym] = (state.country, False)
            if " " not in demonym and demonym[-1] in "ni" and demonym.isalpha():
                demonym_targets[demonym + "s"] = (state.country, True)
    for actor in dictionary.actors.values():
        for metonym in actor.metonyms:
            for variant in _variants(metonym):
                name_targets[variant] = _NameTarget(country=None, actor=actor.key, capital=True)
    for name in name_targets:
        pattern(names, name)
    for demonym in demonym_targets:
        pattern(demonyms, demonym)
    return _Matchers(
        vocab=vocab,
        aliases=aliases,
        abbreviations=abbreviations,
        names=names,
        demonyms=demonyms,
        alias_targets=alias_targets,
        name_targets=name_targets,
        demonym_targets=demonym_targets,
        pattern_words=pattern_words,
    )


_MATCHERS: dict[tuple[int, int], tuple[ActorDictionary, _Matchers]] = {}


def _matchers_for(dictionary: ActorDictionary, vocab: Vocab) -> _Matchers:
    # Keyed by both objects' ids; the stored references keep the ids from being reused.
    cache_key = (id(dictionary), id(vocab))
    cached = _MATCHERS.get(cache_key)
    if cached is None:
        cached = (dictionary, _build_matchers(dictionary, vocab))
        _MATCHERS[cache_key] = cached
    return cached[1]


def prepare_matchers(dictionary: ActorDictionary, vocab: Vocab) -> None:
    """Build the dictionary's matchers for ``vocab`` now rather than at the first article."""
    _matchers_for(dictionary, vocab)


# --------------------------------------------------------------------------
# Linking one document


@dataclass(slots=True)
class _Candidate:
    """A dictionary match before it is read in context."""

    start: int  # token index
    end: int
    source: Literal["alias", "name", "demonym"]
    pattern: str  # the matcher's key

    @property
    def length(self) -> int:
        return self.end - self.start


@dataclass(slots=True)
class _Found:
    start: int  # character offsets
    end: int
    entity: Entity
    how: LinkMode
    role: Role = "actor"
    tokens: tuple[int, int] = (0, 0)  # token range, for attaching backers
    backed_by: list[Entity] = field(default_factory=list)
    affiliation: Entity | None = None
    antecedent: Mention | None = None


def link_actors(
    doc: Doc,
    article_id: str,
    dictionary: ActorDictionary | None = None,
    *,
    on: date | None = None,
) -> list[ActorMention]:
    """Every actor mention in ``doc``, each linked to one actor, in text order.

    ``doc`` must come from a pipeline with a parser and NER (``load_nlp()``);
    its text is the article's clean text, so offsets index ``Article.text``.
    ``on`` is the article's date (``published_date(article.published)``): it puts
    state actors in their regime period ("Military Forces of Syria (2024-)").
    """
    if not doc.has_annotation("DEP"):
        raise ValueError("link_actors needs a dependency-parsed Doc (load_nlp() with its parser)")
    dictionary = dictionary or load_actor_dictionary()
    return _DocumentLinker(doc, article_id, dictionary, on).link()


def published_date(published: str | None) -> date | None:
    """``Article.published`` ("2026-03-05", "2026-03" or "2026") as a date: a month
    or a year stands for its middle."""
    if not published:
        return None
    parts = published.split("-")
    try:
        if len(parts) == 1:
            return date(int(parts[0]), 7, 1)
        if len(parts) == 2:
            return date(int(parts[0]), int(parts[1]), 15)
        return date.fromisoformat(published)
    except ValueError:
        return None


class _DocumentLinker:
    def __init__(
        self, doc: Doc, article_id: str, dictionary: ActorDictionary, on: date | None = None
    ) -> None:
        self.doc = doc
        self.text = doc.text  # spaCy rebuilds Doc.text and Doc.ents on every access
        self.ents = list(doc.ents)
        self.article_id = article_id
        self.dictionary = dictionary
        self.on = on
        self.matchers = _matchers_for(dictionary, doc.vocab)
        self.covered: set[int] = set()  # token indices already linked
        self.found: list[_Found] = []
        self.candidates: dict[tuple[int, int], list[_Candidate]] = {}
        self.countries: Counter[str] = Counter()
        self.state_countries: Counter[str] = Counter()  # evidence from states alone
        self.backers: list[tuple[_Found, Token | None]] = []
        self.descriptor_words = _descriptor_words(dictionary)
        self.dateline_end = _dateline_end(doc)

    # ---- driver

    def link(self) -> list[ActorMention]:
        self._collect_candidates()
        self._count_countries()
        self._link_persons()
        self._link_aliases()
        self._link_demonyms()
        self._link_names()
        self._link_hyphenated_backers()
        self._attach_backers(definite=False)
        self._link_communal_militias()
        self._link_categories()
        self._link_ministries()
        self._link_state_forces()
        self._link_unknown_organisations()
        self._link_descriptions()
        self._attach_backers(definite=True)
        self.found.sort(key=lambda f: (f.start, f.end))
        return [self._finish(f) for f in self.found]

    def _finish(self, found: _Found) -> ActorMention:
        when = self._clause_date(*found.tokens) or self.on
        entity = self.dictionary.dated(found.entity, when)
        affiliation = found.affiliation
        if affiliation is not None:
            affiliation = self.dictionary.dated(affiliation, when)
            if entity.kind == "person":
                entity = replace(entity, affiliation=affiliation.id)
        return ActorMention(
            entity=entity,
            mention=self._mention(found.start, found.end),
            how=found.how,
            role=found.role,
            backed_by=tuple(dict.fromkeys(self.dictionary.dated(e, when) for e in found.backed_by)),
            affiliation=affiliation,
            antecedent=found.antecedent,
        )

    def _clause_date(self, first: int, last: int) -> date | None:
        """The year a mention's clause happened in, when the clause names one: "the regime
        retook Daraa in 2018" (mid-2018), "fought the army before 2018" (mid-2017). A
        year after "since" starts a state that still holds, so it dates nothing."""
        if last <= first:
            return None
        root = self.doc[first:last].root
        clause = root
        for _ in range(8):
            if clause.pos_ in ("VERB", "AUX") or clause.head.i == clause.i:
                break
            clause = clause.head
        best: tuple[int, int] | None = None  # (distance, year)
        stack = [clause]
        while stack:
            token = stack.pop()
            year = self._year_of(token, clause)
            if year is not None and (best is None or abs(token.i - root.i) < best[0]):
                best = (abs(token.i - root.i), year)
            for child in token.children:
                holds_mention = child.left_edge.i <= root.i <= child.right_edge.i
                if child.dep_ not in _CLAUSE_DEPS or holds_mention:
                    stack.append(child)
        return date(best[1], 7, 1) if best else None

    @staticmethod
    def _year_of(token: Token, clause: Token) -> int | None:
        text = token.text
        if not (len(text) == 4 and text.isdigit() and token.ent_type_ == "DATE"):
            return None
        year = int(text)
        if not 1900 <= year <= 2100:
            return None
        ancestor = token
        while ancestor.i != clause.i and ancestor.head.i != ancestor.i:
            ancestor = ancestor.head
            word = ancestor.lower_
            if word in _SINCE_WORDS:
                return None
            if word in _BEFORE_WORDS:
                return year - 1
            if word in _AFTER_WORDS:
                return year + 1
        return year

    def _mention(self, start: int, end: int) -> Mention:
        return Mention(article=self.article_id, start=start, end=end, text=self.text[start:end])

    def _add(
        self,
        first: int,
        last: int,
        entity: Entity,
        how: LinkMode,
        role: Role = "actor",
        *,
        char_range: tuple[int, int] | None = None,
    ) -> _Found:
        """Record a mention over tokens [first, last) and mark them linked."""
        span = self.doc[first:last]
        start, end = char_range or (span.start_char, span.end_char)
        found = _Found(
            start=start, end=end, entity=entity, how=how, role=role, tokens=(first, last)
        )
        self.found.append(found)
        self.covered.update(range(first, last))
        return found

    def _free(self, first: int, last: int) -> bool:
        return not any(i in self.covered for i in range(first, last))

    # ---- candidates

    def _collect_candidates(self) -> None:
        doc, m = self.doc, self.matchers
        strings = doc.vocab.strings
        raw: list[_Candidate] = []
        for match_id, start, end in m.aliases(doc):
            pattern = strings[match_id]
            if _case_compatible(m.pattern_words[pattern], doc[start:end]):
                raw.append(_Candidate(start, end, "alias", pattern))
        for match_id, start, end in m.abbreviations(doc):
            raw.append(_Candidate(start, end, "alias", strings[match_id]))
        for match_id, start, end in m.names(doc):
            pattern = strings[match_id]
            if _case_compatible(m.pattern_words[pattern], doc[start:end]):
                raw.append(_Candidate(start, end, "name", pattern))
        for match_id, start, end in m.demonyms(doc):
            raw.append(_Candidate(start, end, "demonym", strings[match_id]))

        raw = [c for c in raw if c.start >= self.dateline_end]  # the reporter's city
        supported = self._supported_keys(raw)
        raw = [c for c in raw if self._abbreviation_fits(c, supported)]
        # Longest match wins; a name and a demonym over the same tokens ("UAE") both stay.
        order = {"alias": 0, "name": 1, "demonym": 2}
        taken: set[int] = set()
        for cand in sorted(raw, key=lambda c: (-c.length, order[c.source], c.start)):
            span_key = (cand.start, cand.end)
            if span_key in self.candidates:
                if all(c.source != cand.source for c in self.candidates[span_key]):
                    self.candidates[span_key].append(cand)
                continue
            if any(i in taken for i in range(cand.start, cand.end)):
                continue
            taken.update(range(cand.start, cand.end))
            self.candidates[span_key] = [cand]

    def _supported_keys(self, raw: list[_Candidate]) -> set[str]:
        """Actor keys named in the article by an alias that needs no guarding."""
        keys: set[str] = set()
        for cand in raw:
            if cand.source == "alias" and cand.pattern not in self.dictionary.guarded:
                keys.update(self.matchers.alias_targets[cand.pattern])
        return keys

    def _abbreviation_fits(self, cand: _Candidate, supported: set[str]) -> bool:
        """Whether a guarded abbreviation ("IS", "AA") reads as the actor here."""
        if cand.source != "alias" or cand.pattern not in self.dictionary.guarded:
            return True
        doc = self.doc
        before = doc[cand.start - 1] if cand.start > 0 else None
        after = doc[cand.end] if cand.end < len(doc) else None
        if cand.pattern.lower() in _WORD_ABBREVIATIONS and _reads_as_word(before, after):
            return False
        if _shouting(doc, cand.start, cand.end):
            return False
        if (
            after is not None
            and after.pos_ == "NOUN"
            and doc[cand.end - 1].dep_ == "compound"
            and after.lower_ not in _ABBREVIATION_CONTEXT_NOUNS
            and after.lemma_ not in _ABBREVIATION_CONTEXT_NOUNS
        ):
            return False  # "AA batteries": it names a kind of thing, not the actor
        if supported.intersection(self.matchers.alias_targets[cand.pattern]):
            return True
        if after is not None:
            if after.lower_ in _ABBREVIATION_CONTEXT_NOUNS or after.lemma_ in (
                _ABBREVIATION_CONTEXT_NOUNS
            ):
                return True
            if after.text in _POSSESSIVES:
                return True
            if (
                after.text == "-"
                and cand.end + 1 < len(doc)
                and doc[cand.end + 1].lower_ in _ABBREVIATION_CONTEXT_AFTER_HYPHEN
            ):
                return True
            if after.tag_ in ("VBD", "VBZ", "VBP", "MD"):
                return True  # the subject of a verb: "said that IS was behind it"
        return before is not None and before.lower_ in _ABBREVIATION_CONTEXT_BEFORE

    def _count_countries(self) -> None:
        """Which countries the article is about: every dictionary match counts once, twice
        in the lead sentence; a dateline says where the reporter is and counts nothing.
        ``state_countries`` counts only what names a state (its names, demonyms, state
        actors and their people): the country whose forces "the army" means."""
        lead = self.doc[self.dateline_end].sent if self.dateline_end < len(self.doc) else None
        for (start, _), cands in self.candidates.items():
            if start < self.dateline_end:
                continue
            weight = 2 if lead is not None and lead.start <= start < lead.end else 1
            country, state = self._evidence(cands[0])
            if country:
                self.countries[country] += weight
                if state:
                    self.state_countries[country] += weight

    def _evidence(self, cand: _Candidate) -> tuple[str | None, bool]:
        """(country, whether it names the state) for one dictionary match."""
        if cand.source == "demonym":
            return self.matchers.demonym_targets[cand.pattern][0], True
        if cand.source == "name":
            target = self.matchers.name_targets[cand.pattern]
            if target.country:
                return target.country, True
            actor = self.dictionary.actors.get(target.actor or "")
        else:
            keys = self.matchers.alias_targets[cand.pattern]
            if len(keys) != 1:
                return None, False
            person = self.dictionary.persons.get(keys[0])
            actor = self.dictionary.actors.get(person.affiliation if person else keys[0])
        if actor is None or actor.country is None:
            return None, False
        return actor.country, actor.kind in _STATE_KINDS

    def _actor_country(self, key: str | None) -> str | None:
        actor = self.dictionary.actors.get(key or "")
        return actor.country if actor else None

    def focus_country(self, exclude: Iterable[str | None] = ()) -> str | None:
        skip = set(exclude)
        for country, _ in self.countries.most_common():
            if country not in skip:
                return country
        return None

    def state_focus(self) -> str | None:
        """The state the article is about, if one stands out: the owner of "the army"."""
        ranked = self.state_countries.most_common(2)
        if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
            return None
        return ranked[0][0]

    def _resolve_alias(self, pattern: str) -> str:
        """The one key an alias names; ambiguous aliases go to the article's country."""
        keys = self.matchers.alias_targets[pattern]
        if len(keys) == 1:
            return keys[0]
        original = next((a for a in self.dictionary.ambiguous if pattern in _variants(a)), None)
        ordered = self.dictionary.ambiguous.get(original or "", keys)
        focus = self.focus_country()
        for key in ordered:
            actor = self.dictionary.actors.get(key)
            if actor is not None and actor.country == focus:
                return key
        return ordered[0]

    def _candidate_at(self, start: int | None = None, end: int | None = None) -> _Candidate | None:
        """An unused candidate (not a person alias) starting or ending at a token index."""
        for (first, last), cands in self.candidates.items():
            if (start is not None and first != start) or (end is not None and last != end):
                continue
            if not self._free(first, last):
                continue
            for cand in cands:
                if cand.source == "alias" and self._resolve_alias(cand.pattern).startswith(
                    "person:"
                ):
                    continue
                return cand
        return None

    # ---- entities for candidates

    def _candidate_entity(self, cand: _Candidate, branch: Branch) -> Entity:
        if cand.source == "alias":
            return self.dictionary.actor(self._resolve_alias(cand.pattern)).entity()
        if cand.source == "demonym":
            country = self.matchers.demonym_targets[cand.pattern][0]
            return self.dictionary.state_actor(country, branch).entity()
        target = self.matchers.name_targets[cand.pattern]
        if target.actor is not None:
            return self.dictionary.actor(target.actor).entity()
        assert target.country is not None
        return self.dictionary.state_actor(target.country, branch).entity()

    @staticmethod
    def _candidate_mode(cand: _Candidate) -> LinkMode:
        modes: dict[str, LinkMode] = {"alias": "alias", "demonym": "demonym", "name": "metonym"}
        return modes[cand.source]

    def _candidate_country(self, cand: _Candidate) -> str | None:
        if cand.source == "demonym":
            return self.matchers.demonym_targets[cand.pattern][0]
        if cand.source == "name":
            target = self.matchers.name_targets[cand.pattern]
            return target.country or self._actor_country(target.actor)
        return self._actor_country(self._resolve_alias(cand.pattern))

    # ---- persons and titles

    def _person_spans(self) -> Iterator[tuple[int, int, str | None]]:
        """(start, end, person key or None) for every person the article names."""
        for (start, end), cands in list(self.candidates.items()):
            for cand in cands:
                if cand.source == "alias":
                    key = self._resolve_alias(cand.pattern)
                    if key.startswith("person:"):
                        yield start, end, key
        for ent in self.ents:
            is_person = ent.label_ == "PERSON"
            if not is_person and ent.label_ in ("ORG", "NORP", "GPE") and ent.start > 0:
                # spaCy sometimes labels a titled name an organisation: "spokesman Yahya Saree"
                previous = self.doc[ent.start - 1]
                is_person = previous.lower_ in _CORE_TITLES and all(
                    t.is_title and t.pos_ == "PROPN" for t in ent
                )
            if not is_person:
                continue
            start, end = ent.start, ent.end
            while start < end and (
                self.doc[start].lower_ in _CORE_TITLES
                or self.doc[start].lower_ in _TITLE_MODIFIERS
                or self.doc[start].lower_ == "the"
            ):
                start += 1
            leading = self._candidate_at(start=start)
            if leading is not None and leading.source in ("demonym", "name") and leading.end < end:
                start = leading.end  # "Syrian Bashar al-Assad" labelled as one name
                while start < end and self.doc[start].lower_ in _CORE_TITLES:
                    start += 1
            if end > start and self.doc[end - 1].text in _POSSESSIVES:
                end -= 1
            if start >= end or self._overlaps_alias(start, end) or (start, end) in self.candidates:
                continue  # the dictionary knows better: "Hezbollah" or "Mali" labelled PERSON
            yield start, end, None

    def _overlaps_alias(self, start: int, end: int) -> bool:
        return any(
            a < end and start < b and any(c.source == "alias" for c in cands)
            for (a, b), cands in self.candidates.items()
        )

    def _link_persons(self) -> None:
        seen: set[tuple[int, int]] = set()
        for start, end, key in self._person_spans():
            if (start, end) in seen or not self._free(start, end):
                continue
            if key is None and (
                start < self.dateline_end or self._reads_as_place(self.doc[start:end])
            ):
                continue  # a town spaCy took for a person: "fled to Muzayrib"
            if key is None and self._no_actor(start, end):
                continue
            seen.add((start, end))
            # Names inside a person's name are no actors: "Jordan" in "Michael Jordan".
            for span_key in [k for k in self.candidates if k[0] < end and start < k[1]]:
                if all(c.source != "alias" for c in self.candidates[span_key]):
                    del self.candidates[span_key]
            title = self._title(start, end)
            affiliation: Entity | None = None
            how: LinkMode = "unlinked"
            if title is not None:
                self.covered.update(title.tokens)
                if title.affiliation is not None and not title.former:
                    cand = title.affiliation
                    affiliation = self._candidate_entity(cand, title.branch)
                    self._add(
                        cand.start,
                        cand.end,
                        affiliation,
                        self._candidate_mode(cand),
                        "affiliation",
                    )
                    how = "title"
            person = self.dictionary.persons.get(key or "")
            if person is not None:
                if affiliation is None:
                    affiliation = self.dictionary.actor(person.affiliation).entity()
                    how = "alias"
                entity = Entity(
                    name=person.name,
                    kind="person",
                    aliases=person.aliases,
                    canonical_key=person.key,
                    country_code=affiliation.country_code,
                    affiliation=affiliation.id,
                )
            else:
                entity = Entity(
                    name=self.doc[start:end].text,
                    kind="person",
                    country_code=affiliation.country_code if affiliation else None,
                    affiliation=affiliation.id if affiliation else None,
                )
            found = self._add(start, end, entity, how)
            found.affiliation = affiliation

    def _title(self, start: int, end: int) -> _Title | None:
        """The title phrase around a person's name, if any: before, after, or in apposition."""
        doc = self.doc
        sentence = doc[start].sent
        # "Houthi spokesman Yahya Saree", "Iraq's Prime Minister ...", "Russia's Putin"
        block_start = start
        while block_start > sentence.start and _is_title_word(doc[block_start - 1]):
            block_start -= 1
        block = range(block_start, start)
        if block and not _has_core_title(doc, block):
            block = range(start, start)
            block_start = start
        owner_end = block_start
        if owner_end > sentence.start and doc[owner_end - 1].text in _POSSESSIVES:
            owner_end -= 1
        elif not block:
            owner_end = -1  # a bare name needs a possessive to take an owner
        owner = self._candidate_at(end=owner_end) if owner_end > 0 else None
        if block and owner is None and end + 1 < sentence.end and doc[end].lower_ == "of":
            # "King Abdullah of Jordan"
            owner = self._candidate_at(start=end + (2 if doc[end + 1].lower_ == "the" else 1))
        if block or owner is not None:
            return _Title(
                tokens=tuple(block),
                affiliation=owner,
                branch=_title_branch(doc, block),
                former=any(doc[i].lower_ in _FORMER for i in block)
                or any(
                    first > 0 and doc[first - 1].lower_ in _FORMER
                    for first in (block_start, owner.start if owner else block_start)
                ),
            )
        # "Yahya Saree, the Houthi military spokesman, said" / "..., a commander of the PMF"
        if end < sentence.end and doc[end].text == ",":
            title = self._title_phrase(end + 1, sentence.end)
            if title is not None:
                return title[0]
        # "The leader of Hezbollah, Hassan Nasrallah, said"
        if start - 1 > sentence.start and doc[start - 1].text == ",":
            for phrase_start in range(max(sentence.start, start - 12), start - 1):
                title = self._title_phrase(phrase_start, start - 1)
                if title is not None and title[1] == start - 1:
                    return title[0]
        return None

    def _title_phrase(self, index: int, limit: int) -> tuple[_Title, int] | None:
        """Parse "[det] [former] (OWNER TITLE | TITLE of [the] [PLACE's] OWNER)" at index."""
        doc = self.doc
        former = False
        while index < limit and doc[index].lower_ in ("a", "an", "the", *_FORMER):
            former = former or doc[index].lower_ in _FORMER
            index += 1
        owner = self._candidate_at(start=index)
        if owner is not None:
            after = owner.end + (
                1 if owner.end < limit and doc[owner.end].text in _POSSESSIVES else 0
            )
            block_end = _title_block_end(doc, after, limit)
            if block_end > after:
                block = range(after, block_end)
                return (
                    _Title(tuple(block), owner, _title_branch(doc, block), former),
                    block_end,
                )
            return None
        block_end = _title_block_end(doc, index, limit)
        if block_end == index:
            return None
        block = range(index, block_end)
        position = block_end
        if position < limit and doc[position].lower_ in ("of", "for", "at"):
            position += 1
            if position < limit and doc[position].lower_ == "the":
                position += 1
            owner = self._candidate_at(start=position)
            if (
                owner is not None
                and owner.source != "alias"
                and owner.end + 1 < limit
                and doc[owner.end].text in _POSSESSIVES
            ):
                # "a commander of Iraq's Popular Mobilization Forces": the group, not Iraq
                inner = self._candidate_at(start=owner.end + 1)
                if inner is not None and inner.source == "alias":
                    owner = inner
            if owner is not None:
                return _Title(tuple(block), owner, _title_branch(doc, block), former), owner.end
        return None

    # ---- aliases, demonyms, names

    def _link_aliases(self) -> None:
        for (start, end), cands in sorted(self.candidates.items()):
            cand = next((c for c in cands if c.source == "alias"), None)
            if cand is None or not self._free(start, end):
                continue
            key = self._resolve_alias(cand.pattern)
            if key.startswith("person:"):
                continue
            entity = self.dictionary.actor(key).entity()
            backed = self._backing_after(end)
            found = self._add(start, end, entity, "alias", "backer" if backed else "actor")
            if backed:
                self.backers.append((found, backed[1]))

    def _backing_after(self, end: int) -> tuple[bool, Token | None] | None:
        """For "X-backed ..." and "... backed by X": (True, the noun X backs), else None."""
        doc = self.doc
        if end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].lower_ in _BACKING_WORDS:
            word = doc[end + 1]
            head = word.head if word.head.i > word.i else None
            return True, head
        root = doc[end - 1]
        while root.dep_ == "conj" and root.head.i < root.i:
            root = root.head
        preposition = root.head
        if root.dep_ == "pobj" and preposition.lower_ == "by" and preposition.dep_ == "agent":
            verb = preposition.head
            if verb.lemma_.lower() in _BACKING_VERBS:
                if verb.dep_ in ("acl", "relcl") and verb.head.i != verb.i:
                    return True, verb.head  # "militias backed by Iran", "Houthis, who are backed"
                subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
                return True, subject
        return None

    def _link_demonyms(self) -> None:
        for (start, end), cands in sorted(self.candidates.items()):
            cand = next((c for c in cands if c.source == "demonym"), None)
            if cand is None or not self._free(start, end):
                continue
            country, plural = self.matchers.demonym_targets[cand.pattern]
            backed = self._backing_after(end)
            if backed:
                found = self._add(
                    start,
                    end,
                    self.dictionary.state_actor(country, "gov").entity(),
                    "demonym",
                    "backer",
                )
                self.backers.append((found, backed[1]))
                continue
            if plural:
                branch = _actor_position(self.doc[start:end].root)  # people: saying, fighting
                if branch is not None:
                    entity = self.dictionary.state_actor(country, branch).entity()
                    self._add(start, end, entity, "demonym")
                continue
            self._link_modifier(start, end, country, "demonym")

    def _link_modifier(self, start: int, end: int, country: str, how: LinkMode) -> bool:
        """Link a country word that modifies a noun for forces or officials ("Turkish
        drones", "Russia troops"); the mention runs from the word to that noun."""
        reading = self._demonym_reading(start, end)
        if reading is None:
            return False
        head, what = reading
        branch = _BRANCH_NAMES.get(what)
        if branch is not None:
            entity = self.dictionary.state_actor(country, branch).entity()
        else:
            entity = self.dictionary.generic(what, country)
        # "French and Egyptian warships": the noun belongs to the last of them
        shared = any(end <= first < head for first, _ in self.candidates)
        last = end if shared else head + 1
        backed = self._backing_after(head + 1)  # "forces backed by Russian warplanes"
        found = self._add(start, last, entity, how, "backer" if backed else "actor")
        if backed:
            self.backers.append((found, backed[1]))
        return True

    def _demonym_reading(self, start: int, end: int) -> tuple[int, str] | None:
        """(head token index, branch or generic category) for "Turkish drones" and the like."""
        doc = self.doc
        path: list[Token] = []
        token = doc[end - 1]
        while (
            token.dep_ in ("amod", "compound", "nmod", "npadvmod")
            and token.head.i > token.i
            and token.head.pos_ in ("NOUN", "PROPN")
            and token.head.i - start <= 5
        ):
            token = token.head
            path.append(token)
        if not path and end < len(doc) and doc[end].pos_ in ("NOUN", "PROPN"):
            path.append(doc[end])  # parse left the demonym unattached
        if any(
            t.pos_ == "PROPN" and _noun_class(t) is None and t.lower_ not in _TITLE_MODIFIERS
            for t in path[:-1]
        ):
            return None  # the word starts another name: "Warsaw Pact", "Moscow Times editor"
        if not path:
            return None
        modifiers = {t.lower_ for t in path[:-1]} | {
            c.lower_ for c in path[-1].lefts if c.i > start
        }
        if modifiers & _NOT_THE_STATE:
            return None  # "Ugandan opposition candidates"
        if modifiers & (_DEMONYM_ARMED_NOUNS | {"suicide"}):
            return path[-1].i, "uag"  # "Afghan rebel leaders", "Palestinian suicide bombers"
        for noun in reversed(path):
            if not self._free(noun.i, noun.i + 1):
                return None
            what = _noun_class(noun)
            if what is None and noun is path[-1] and noun.lower_ in _STATE_ACTIVITY_NOUNS:
                what = "gov"  # "US mediation", "a Russian proposal"
            if what == "mil" and noun.lower_ in ("forces", "force") and "security" in modifiers:
                what = "pol"  # "Libyan security forces", as ACLED codes them
            if what is not None:
                return path[-1].i, what
        return None

    def _link_names(self) -> None:
        for (start, end), cands in sorted(self.candidates.items()):
            cand = next((c for c in cands if c.source == "name"), None)
            if cand is None or not self._free(start, end) or self._inside_other_entity(start, end):
                continue
            target = self.matchers.name_targets[cand.pattern]
            backed = self._backing_after(end)
            if backed:
                found = self._add(
                    start, end, self._candidate_entity(cand, "gov"), "metonym", "backer"
                )
                self.backers.append((found, backed[1]))
                continue
            root = self.doc[start:end].root
            modifier = root.dep_ in ("compound", "amod", "nmod")
            if (
                modifier
                and target.country
                and self._link_modifier(start, end, target.country, "metonym")
            ):
                continue  # "Russia troops", "the Kabul government"
            if root.dep_ == "poss" and root.head.i in self.covered:
                continue  # "Iraq's Popular Mobilization Forces": the group is the actor
            branch = _actor_position(root, any_verb=True, capital=target.capital)
            if branch is None:
                continue  # a place: "in Moscow", "near Damascus"
            if target.actor is not None:
                branch = "gov"
            self._add(start, end, self._candidate_entity(cand, branch), "metonym")

    def _inside_other_entity(self, start: int, end: int) -> bool:
        """A name inside a longer named entity is part of that name: "Moscow Times"."""
        return any(
            first <= start and end <= last and (last - first) > (end - start)
            for first, last in self._name_ents
        )

    @cached_property
    def _name_ents(self) -> list[tuple[int, int]]:
        """Token ranges of the entities that can hold a place name inside them."""
        ranges = []
        for ent in self.ents:
            if ent.label_ in ("ORG", "FAC", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW", "PERSON"):
                first = ent.start + (1 if ent[0].lower_ == "the" else 0)
                last = ent.end - (1 if ent[-1].text in _POSSESSIVES else 0)
                ranges.append((first, last))
        return ranges

    def _link_hyphenated_backers(self) -> None:
        """Backers glued into one token by the tokenizer: "U.S.-backed"."""
        for token in self.doc:
            if token.i in self.covered:
                continue
            match = _BACKED_TOKEN.match(token.text) if "-" in token.text else None
            if match is None or match["word"] not in _BACKING_WORDS:
                continue
            owner = match["owner"]
            entity: Entity | None = None
            how: LinkMode = "metonym"
            if owner in self.matchers.demonym_targets:
                country = self.matchers.demonym_targets[owner][0]
                entity, how = self.dictionary.state_actor(country, "gov").entity(), "demonym"
            elif owner in self.matchers.name_targets:
                target = self.matchers.name_targets[owner]
                key = target.actor or f"gov:{target.country}"
                entity = self.dictionary.actor(key).entity()
            if entity is None:
                continue
            start = token.idx
            found = self._add(
                token.i, token.i + 1, entity, how, "backer", char_range=(start, start + len(owner))
            )
            head = token.head if token.head.i > token.i else None
            self.backers.append((found, head))

    def _attach_backers(self, *, definite: bool) -> None:
        """Give each backed actor its backers; name an unknown one "Unidentified Armed Group".

        "The Iran-backed group" may point back to a group named before, so backed
        nouns with a definite article wait until descriptions are resolved.
        """
        waiting: list[tuple[_Found, Token | None]] = []
        for backer, head in self.backers:
            if head is None:
                continue
            if not definite and _is_definite(head):
                waiting.append((backer, head))
                continue
            target = self._found_at_head(head)
            if (
                target is None
                and head.i not in self.covered
                and (head.lower_ in _BACKED_ARMED_NOUNS or head.lemma_ in _BACKED_ARMED_NOUNS)
            ):
                country = self.focus_country(exclude=[backer.entity.country_code])
                target = self._add(
                    head.i, head.i + 1, self.dictionary.generic("uag", country), "category"
                )
            if target is not None and target is not backer:
                target.backed_by.append(backer.entity)
        self.backers = waiting

    def _found_at_head(self, head: Token) -> _Found | None:
        """The mention that covers a noun phrase's head, a modifier of it ("Houthi rebels"),
        or the group it is part of ("factions of the Syrian National Army")."""
        positions = [head.i] + [
            child.i for child in head.lefts if child.dep_ in ("compound", "amod", "nmod")
        ]
        if head.lower_ in _BACKED_ARMED_NOUNS or head.lemma_ in _BACKED_ARMED_NOUNS:
            positions += [
                grandchild.i
                for child in head.rights
                if child.dep_ == "prep" and child.lower_ == "of"
                for grandchild in child.children
                if grandchild.dep_ == "pobj"
            ]
        for found in self.found:
            if found.role == "actor" and any(
                found.tokens[0] <= i < found.tokens[1] for i in positions
            ):
                return found
        return None

    # ---- generic actors, unknown organisations

    def _link_categories(self) -> None:
        for token in self.doc:
            if token.i in self.covered or token.pos_ not in ("NOUN", "PROPN"):
                continue
            category = _CATEGORY_NOUNS.get(token.lower_)
            start = token.i
            if (
                category is None
                and token.lower_ == "men"
                and any(c.lower_ == "armed" and c.i == token.i - 1 for c in token.lefts)
            ):
                category, start = "uag", token.i - 1
            if category is None or token.dep_ in ("amod", "compound"):
                continue
            while (
                start > 0
                and start - 1 not in self.covered
                and self.doc[start - 1].lower_ in ("unidentified", "unknown", "armed")
            ):
                start -= 1
            entity = self.dictionary.generic(category, self._setting_country(token.sent))
            self._add(start, token.i + 1, entity, "category")

    def _setting_country(self, sentence: Span) -> str | None:
        """Where generic actors are: ACLED names civilians, protesters and gunmen by
        the country an event happens in, which need not be the country whose forces
        the article talks most of ("Russian raids killed civilians in Raqqa")."""
        return self._located_country(sentence) or self._article_setting or self.focus_country()

    @cached_property
    def _article_setting(self) -> str | None:
        """The country most sentences say they are set in, when one leads."""
        counts = Counter(c for s in self.doc.sents if (c := self._located_country(s)))
        ranked = counts.most_common(2)
        if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
            return None
        return ranked[0][0]

    def _link_unknown_organisations(self) -> None:
        for ent in self.ents:
            if ent.label_ != "ORG":
                continue
            start = ent.start + (1 if ent[0].lower_ == "the" else 0)
            end = ent.end - (1 if ent[-1].text in _POSSESSIVES else 0)
            if (
                start >= end
                or not self._free(start, end)
                or self._overlaps_alias(start, end)
                or (start, end) in self.candidates  # a place name, not used as an actor here
            ):
                continue
            if (
                start < self.dateline_end
                or (start == 0 and end < len(self.doc) and self.doc[end].text == ",")
                or any(t.text in ("-", "–", "—") and t.whitespace_ for t in self.doc[start:end])
            ):
                continue  # dateline pieces spaCy took for organisations: "IDLIB, Syria - ..."
            if self._reads_as_place(self.doc[start:end]):
                continue  # a town spaCy took for an organisation: "entered Tafas"
            if self._no_actor(start, end):
                continue
            name = self.doc[start:end].text
            self._add(start, end, Entity(name=name, kind="organisation"), "unlinked")

    def _no_actor(self, start: int, end: int) -> bool:
        """An unlinked name that is an outlet, furniture, a date or a bare place; a
        surname of a person already named is kept ("Hamza Khatib ... Khatib said")."""
        titled = start > 0 and self.doc[start - 1].lower_ in _CORE_TITLES
        span = self.doc[start:end]
        if span.text in self._person_words:
            titled = True
        return non_actor_reason(span, titled=titled) is not None

    @property
    def _person_words(self) -> set[str]:
        return {
            word
            for f in self.found
            if f.entity.kind == "person"
            for word in self.text[f.start : f.end].split()[1:]
        }

    def _reads_as_place(self, span: Span) -> bool:
        """A name in a place's position: "in Tafas", "the province of Daraa", "entered
        Tafas", "Tafas, a town", "the Daraa countryside"."""
        root = span.root
        while root.dep_ == "conj" and root.head.i < root.i:
            root = root.head  # "in Sanaa and Taiz"
        head = root.head
        if root.dep_ == "pobj" and head.lower_ in _PLACE_PREPOSITIONS:
            return True
        if root.dep_ == "pobj" and head.lower_ == "of":
            return head.head.lower_ in _OF_PLACE_HEADS
        if root.dep_ == "compound" and _compound_head(head).lower_ in _PLACE_NOUNS:
            return True
        if root.dep_ == "dobj" and head.lemma_.lower() in _ENTERING_VERBS:
            return True
        return any(c.dep_ == "appos" and c.lower_ in _SETTLEMENT_NOUNS for c in root.children)

    # ---- the article's context: its state, its theatre, its places

    def _state_country(self, token: Token) -> str | None:
        """Whose forces a generic "troops" or "the government" are: the country the
        sentence is set in, else the state the article is about."""
        return self._located_country(token.sent) or self.state_focus()

    def _located_country(self, sentence: Span) -> str | None:
        """The one country a sentence says it is set in: "in Iraq", "Iraq's Anbar
        province", "the Libyan port city of Misrata". Names linked as actors are
        parties, not settings."""
        countries: set[str] = set()
        for (first, last), cands in self.candidates.items():
            if not sentence.start <= first < sentence.end or first < self.dateline_end:
                continue
            if not self._free(first, last):
                continue
            cand, root = cands[0], self.doc[first:last].root
            if cand.source == "name":
                country = self.matchers.name_targets[cand.pattern].country
                place_noun = _compound_head(root.head)
                located = (root.dep_ == "pobj" and root.head.lower_ in _LOCATIVE_PREPOSITIONS) or (
                    root.dep_ == "poss" and place_noun.lower_ in _PLACE_NOUNS
                )
            elif cand.source == "demonym":
                country = self.matchers.demonym_targets[cand.pattern][0]
                located = (
                    root.dep_ in ("amod", "compound")
                    and _compound_head(root.head).lower_ in _PLACE_NOUNS
                )
            else:
                continue
            if located and country:
                countries.add(country)
        return countries.pop() if len(countries) == 1 else None

    def _context_actor(self, head: Token, words: set[str]) -> Entity | None:
        """What a description with no antecedent names in this article: the state's
        "army" or "government", or "the coalition" fighting in the article's country."""
        word = head.lower_
        if self._names_state(word):
            country = self._state_country(head)
            if country is None:
                return None
            branch: Branch = "gov"
            if word in _STATE_FORCE_NOUNS:
                branch = _STATE_FORCE_NOUNS[word]
            elif word == "forces":
                branch = "pol" if "security" in words else "mil"
            return self.dictionary.state_actor(country, branch).entity()
        if words != {word}:
            return None  # "the ruling coalition" is no armed coalition
        return self._theatre_actor(word)

    def _theatre_actor(self, word: str) -> Entity | None:
        """The one actor a descriptor ("coalition") fits among those fighting in the
        article's country: the Saudi-led Coalition in a Yemen story."""
        if word in _DESCRIPTIONS:
            return None  # "the group", "the militants": too common to guess
        focus = self.focus_country()
        if focus is None:
            return None
        fitting = [
            actor
            for actor in self.dictionary.actors.values()
            if word in actor.descriptors and (actor.country == focus or focus in actor.theatres)
        ]
        return fitting[0].entity() if len(fitting) == 1 else None

    # ---- generic state forces, ministries, communal militias

    def _link_state_forces(self) -> None:
        """ "government forces", "security forces", "troops", "police", "army units" with no
        demonym or name: the forces of the country the sentence is set in, else of the
        article's state; "coalition jets": the coalition fighting in the article's country."""
        for token in self.doc:
            if token.i in self.covered or token.pos_ != "NOUN":
                continue
            phrase = self._state_force_phrase(token)
            if phrase is not None:
                start, end, branch = phrase
                country = self._state_country(token)
                if country is not None:
                    entity = self.dictionary.state_actor(country, branch).entity()
                    self._add(start, end, entity, "context")
                continue
            head = token.head
            if (
                token.dep_ == "compound"
                and head.i > token.i
                and head.lower_ in _MILITARY_NOUNS
                and token.lower_ in self.descriptor_words
                and self._bare(token)
            ):
                theatre = self._theatre_actor(token.lower_)
                if theatre is not None:
                    self._add(token.i, token.i + 1, theatre, "context")

    def _state_force_phrase(self, token: Token) -> tuple[int, int, Branch] | None:
        """(start, end, branch) when token starts or heads a generic state-force phrase."""
        doc = self.doc
        word = token.lower_
        noun = token
        branch: Branch | None = _STATE_FORCE_NOUNS.get(word)
        if branch is not None:
            head = token.head
            if token.dep_ == "compound" and head.i > token.i and head.pos_ == "NOUN":
                if head.lower_ not in _FORCE_PART_NOUNS or head.lower_ in _CORE_TITLES:
                    return None  # "police station", "army chief": a place or a title
                noun = head  # "army units", "police vehicles"
        elif word in ("forces", "force"):
            found = [
                _STATE_FORCE_MODIFIERS[c.lower_]
                for c in token.lefts
                if c.dep_ in ("amod", "compound") and c.lower_ in _STATE_FORCE_MODIFIERS
            ]
            if not any(found):
                return None
            branch = "pol" if "pol" in found else "mil"
        elif (
            word in ("government", "regime")
            and token.dep_ in ("compound", "amod")
            and token.head.i > token.i
            and token.head.lower_ in _MILITARY_NOUNS - {"forces", "force"}
        ):
            noun, branch = token.head, "mil"  # "government artillery", "regime jets"
        else:
            return None
        named = any(t.ent_type_ not in ("", "CARDINAL", "DATE") for t in doc[token.i : noun.i + 1])
        if noun.i in self.covered or named:
            return None  # part of a name: "the Arakan Army"
        start = min(token.i, noun.i)
        for child in list(noun.lefts) + ([] if noun is token else list(token.lefts)):
            if child.i >= start and child.i <= noun.i:
                continue
            dep, lower = child.dep_, child.lower_
            if dep == "det":
                if lower in _DESCRIPTION_DETERMINERS:
                    return None  # a definite description: it may point back
                if lower in ("a", "an") and noun.lower_ in _INSTITUTION_NOUNS:
                    return None  # "an army", "a police force": not the state's
                continue
            if dep in ("nummod", "quantmod", "advmod", "punct", "cc", "preconj", "predet"):
                continue
            modifier = dep in ("amod", "compound", "nmod") and child.i not in self.covered
            if modifier and lower in _STATE_FORCE_MODIFIERS:
                start = min(start, child.i)
                continue
            return None  # "rebel forces", "its troops", "Kurdish forces", "Houthi forces"
        if any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.rights):
            return None  # "the army of Chad", "forces of the administration"
        if not self._free(start, noun.i + 1):
            return None
        return start, noun.i + 1, branch

    def _bare(self, token: Token) -> bool:
        """No uncovered modifier, possessor or determiner other than an article on a noun."""
        return all(
            c.dep_ == "det" and c.lower_ in ("the", "a", "an") for c in token.lefts
        ) and not any(c.dep_ == "poss" for c in token.head.lefts)

    def _link_ministries(self) -> None:
        """ "the Interior Ministry", "a Defence Ministry official", "Libya's Interior
        Ministry": the government of its state. A ministry run by a non-state actor
        ("the Houthi-run health ministry", "the rebels' ministry") is left alone."""
        doc = self.doc
        for token in doc:
            if token.i in self.covered or token.lower_ not in _MINISTRY_NOUNS:
                continue
            if token.pos_ not in ("NOUN", "PROPN"):
                continue
            start = token.i
            while start > 0 and (start - 1) not in self.covered:
                previous = doc[start - 1]
                if previous.dep_ not in ("compound", "amod") or previous.head.i < start:
                    break
                if not (previous.is_title or previous.lower_ in _MINISTRY_TOPICS):
                    break
                start -= 1
            end = token.i + 1
            if end + 1 < len(doc) and doc[end].lower_ == "of" and doc[end + 1].is_title:
                stop = end + 1
                while stop < len(doc) and doc[stop].is_title and stop not in self.covered:
                    stop += 1
                if all(doc[i].lower_ in _MINISTRY_TOPICS for i in range(end + 1, stop)):
                    end = stop  # "Ministry of Interior", "Ministry of Foreign Affairs"
            owners = [
                child
                for t in doc[start:end]
                for child in t.lefts
                if child.i < start and child.dep_ != "det"
            ]
            if end < len(doc) and doc[end].lower_ == "of":
                owners += [c for c in doc[end].children if c.dep_ == "pobj"]
            if start > 0 and doc[start - 1].lower_ in _OWNER_MARKERS:
                continue  # "Houthi-run health ministry"
            runners = [self._found_at(t.i) for r in token.rights for t in r.subtree]
            if any(f is not None and f.entity.kind not in _STATE_KINDS for f in runners):
                continue  # "the health ministry in Gaza, run by Hamas"
            entity = self._ministry_owner(owners, token)
            if entity is not None:
                self._add(start, end, entity, "context")

    def _ministry_owner(self, owners: list[Token], ministry: Token) -> Entity | None:
        if not owners:
            country = self._state_country(ministry)
            return None if country is None else self.dictionary.state_actor(country, "gov").entity()
        if len(owners) > 1:
            return None
        owner = self._found_at(owners[0].i)
        if owner is None or owner.entity.kind not in _STATE_KINDS:
            return None  # "its ministry", "the rebels' ministry", "a Houthi ministry"
        key = owner.entity.canonical_key
        if key.partition(":")[0] in _BRANCH_NAMES and owner.entity.country_code:
            return self.dictionary.state_actor(owner.entity.country_code, "gov").entity()
        return owner.entity  # a named government: "the GNU's Interior Ministry"

    def _found_at(self, index: int) -> _Found | None:
        return next((f for f in self.found if f.tokens[0] <= index < f.tokens[1]), None)

    def _link_communal_militias(self) -> None:
        """ "local fighters", "gunmen from Tafas", "former rebels in the town of Tafas":
        ACLED's "<Place> Communal Militia (<Country>)". The place comes from the phrase,
        else ("local ...") from the sentence or the one before; a "local" mention with no
        place in reach takes the article's only such militia. No place, no militia."""
        pending: list[tuple[int, int, str | None]] = []
        for token in self.doc:
            if token.i in self.covered or token.lower_ not in _COMMUNAL_HEADS:
                continue
            if token.pos_ not in ("NOUN", "PROPN"):
                continue
            start = token.i
            while (
                start > 0
                and (start - 1) not in self.covered
                and self.doc[start - 1].lower_ in _COMMUNAL_MODIFIERS
            ):
                start -= 1
            before = self.doc[start - 1] if start > 0 else None
            if before is not None and (
                before.i in self.covered
                or before.pos_ in ("ADJ", "PROPN")
                or (before.pos_ == "NOUN" and before.dep_ in ("compound", "amod"))
            ):
                continue  # "Kurdish fighters", "Islamic State fighters", "Druze militiamen"
            if any(c.dep_ == "poss" for c in token.lefts):
                continue
            words = {self.doc[i].lower_ for i in range(start, token.i)}
            former = bool(words & {"former", "ex", "ex-"})
            if (token.lower_ == "rebels" or "opposition" in words) and not former:
                continue  # rebels are a rebel group until they lay down the cause
            local = "local" in words
            town = self._town_after(token)
            if town is None and not local:
                continue
            if town is None:
                town = self._town_near(token)
            pending.append((start, token.i + 1, town))
        towns = {town for _, _, town in pending if town}
        for start, end, town in pending:
            place = town or (next(iter(towns)) if len(towns) == 1 else None)
            country = self._state_country(self.doc[start])
            if place is None or country is None:
                continue  # no place or country in the text: no militia invented
            entity = Entity(
                name=f"{place} Communal Militia ({self.dictionary.country_name(country)})",
                kind="identity_militia",
                inter_code=KIND_INTER["identity_militia"],
                country_code=country,
                canonical_key=f"communal:{country}:{place.casefold()}",
            )
            self._add(start, end, entity, "context")

    def _town_after(self, head: Token) -> str | None:
        """The place an armed noun belongs to: "gunmen from Tafas", "the fighters of Tafas",
        "fighters in the town of Tafas" (not "rebels in Darfur": a region holds many)."""
        doc = self.doc
        i = head.i + 1
        if i >= len(doc) or doc[i].lower_ not in ("from", "of", "in", "inside"):
            return None
        belongs = doc[i].lower_ in ("from", "of")
        i += 1
        if i < len(doc) and doc[i].lower_ == "the":
            i += 1
        if i + 1 < len(doc) and doc[i].lower_ in _SETTLEMENT_NOUNS and doc[i + 1].lower_ == "of":
            i += 2
            belongs = True
        return self._town_at(i) if belongs else None

    def _town_at(self, index: int) -> str | None:
        """A place name starting at index that no other reading claims."""
        doc = self.doc
        end = index
        while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].is_title:
            end += 1
        if end == index or index < self.dateline_end or not self._free(index, end):
            return None
        if any(a < end and index < b for a, b in self.candidates):
            return None  # a country, a capital, an actor
        if any(doc[i].ent_type_ in _NOT_TOWNS for i in range(index, end)):
            return None
        last = doc[end - 1]
        if last.dep_ == "compound" and last.head.i >= end:
            return None  # "the Daraa countryside", "the Deraa town": a wider area
        if index >= 2 and doc[index - 1].lower_ == "of" and doc[index - 2].lower_ in _AREA_NOUNS:
            return None  # "the province of Daraa"
        return doc[index:end].text

    def _town_near(self, head: Token) -> str | None:
        """The nearest town named in the sentence, else in the sentence before."""
        sentence = head.sent
        scopes = [sentence]
        if sentence.start > 0:
            scopes.append(self.doc[sentence.start - 1].sent)
        for scope in scopes:
            towns = [
                (abs(token.i - head.i), town)
                for token in scope
                if self._settled(token) and (town := self._town_at(token.i)) is not None
            ]
            if towns:
                return min(towns)[1]
        return None

    def _settled(self, token: Token) -> bool:
        """Whether a proper noun starts a place where people live: "in Tafas",
        "entered Tafas", "the town of Tafas", "Tafas, a town"."""
        doc = self.doc
        if token.pos_ != "PROPN" or (token.i > 0 and doc[token.i - 1].pos_ == "PROPN"):
            return False
        end = token.i
        while end < len(doc) and doc[end].pos_ == "PROPN":
            end += 1
        root = doc[token.i : end].root
        if root.dep_ == "pobj" and root.head.lower_ in _SETTLEMENT_PREPOSITIONS:
            if root.head.lower_ == "of":
                return root.head.head.lower_ in _SETTLEMENT_NOUNS
            return True
        if root.dep_ == "dobj" and root.head.lemma_.lower() in _ENTERING_VERBS:
            return True
        return any(c.dep_ == "appos" and c.lower_ in _SETTLEMENT_NOUNS for c in root.children)

    # ---- definite descriptions

    def _link_descriptions(self) -> None:
        pool = sorted(self.found, key=lambda f: f.start)
        for token in self.doc:
            if token.i in self.covered or token.pos_ not in ("NOUN", "PROPN"):
                continue
            description = self._description(token)
            if description is None:
                continue
            determiner, first, words = description
            near = self._countries_near(token) if self._names_state(token.lower_) else set()
            before = self.doc[determiner].idx
            antecedent = self._antecedent(pool, before, token.lower_, words, near)
            if antecedent is None:
                entity = self._context_actor(token, words)
                if entity is not None:  # "the army" of the article's state
                    pool.append(self._add(first, token.i + 1, entity, "context"))
                continue  # no antecedent and no context: leave it unlinked
            found = self._add(first, token.i + 1, antecedent.entity, "coreference")
            found.antecedent = self._mention(antecedent.start, antecedent.end)
            pool.append(found)

    def _description(self, head: Token) -> tuple[int, int, set[str]] | None:
        """(determiner, mention start, words) when head heads "the <modifiers> <noun>"
        pointing back."""
        doc = self.doc
        word = head.lower_
        descriptor_words = self.descriptor_words
        if word == "forces":
            if not any(c.lower_ in _FORCES_MODIFIERS for c in head.lefts):
                return None
            word = "army"
        elif word not in _DESCRIPTIONS and word not in descriptor_words:
            return None
        if head.i + 1 < len(doc) and doc[head.i + 1].lower_ == "of":
            return None  # "the group of protesters", "the government of Iraq"
        determiner = next(
            (c for c in head.lefts if c.dep_ == "det" and c.lower_ in _DESCRIPTION_DETERMINERS),
            None,
        )
        if determiner is None:
            return None
        words = {word}
        start = determiner.i
        for i in range(determiner.i + 1, head.i):
            token = doc[i]
            if self._covered_by_backer(i):
                start = i + 1  # "the Iran-backed group": the mention leaves the backer out
                continue
            if i in self.covered or token.ent_type_ in ("PERSON", "ORG", "GPE", "FAC", "LOC"):
                return None
            if token.pos_ not in ("ADJ", "NOUN", "VERB", "PUNCT", "ADV", "PROPN", "NUM"):
                return None
            words.add(token.lower_)
        if start != determiner.i:
            while start < head.i and (doc[start].is_punct or doc[start].lower_ in _BACKING_WORDS):
                start += 1
        return determiner.i, start, words

    def _covered_by_backer(self, index: int) -> bool:
        return any(f.role == "backer" and f.tokens[0] <= index < f.tokens[1] for f in self.found)

    @staticmethod
    def _names_state(head: str) -> bool:
        kinds = _DESCRIPTIONS.get(head, frozenset())
        return head == "forces" or (bool(kinds) and kinds <= {"government", "military", "police"})

    def _countries_near(self, token: Token) -> set[str]:
        """Countries named (as actor or place) in this sentence or the one before."""
        sentence = token.sent
        start = sentence.start
        if start > 0:
            start = self.doc[start - 1].sent.start
        near: set[str] = set()
        for (first, _), cands in self.candidates.items():
            if start <= first < token.i:
                country = self._candidate_country(cands[0])
                if country:
                    near.add(country)
        return near

    def _antecedent(
        self, pool: list[_Found], before: int, head: str, words: set[str], near: set[str]
    ) -> _Found | None:
        """The latest compatible actor before the description. For "the army", "the regime"
        one from a country named close by wins: "In Damascus, ... the army said"."""
        kinds = _MILITARY_KINDS if head == "forces" else _DESCRIPTIONS.get(head, frozenset())
        compatible: list[_Found] = []
        for found in sorted(pool, key=lambda f: f.start, reverse=True):
            if found.end > before:
                continue
            entity = found.entity
            if entity.kind == "person" and found.affiliation is not None:
                entity = found.affiliation
            if self._compatible(entity, kinds, words):
                compatible.append(
                    found
                    if entity is found.entity
                    else _Found(
                        start=found.start,
                        end=found.end,
                        entity=entity,
                        how=found.how,
                        tokens=found.tokens,
                    )
                )
        nearby = [f for f in compatible if f.entity.country_code in near]
        preferred = nearby or compatible
        return preferred[0] if preferred else None

    def _compatible(self, entity: Entity, kinds: frozenset[str], words: set[str]) -> bool:
        if entity.kind == "organisation":
            return bool(words & _GROUP_NOUNS)  # an organisation spaCy found: "the group" may be it
        if entity.kind in kinds:
            return True
        actor = self.dictionary.actors.get(entity.canonical_key)
        return actor is not None and bool(words.intersection(actor.descriptors))


@cache
def _descriptor_words(dictionary: ActorDictionary) -> frozenset[str]:
    return frozenset(w for a in dictionary.actors.values() for w in a.descriptors)


@dataclass(frozen=True, slots=True)
class _Title:
    tokens: tuple[int, ...]
    affiliation: _Candidate | None
    branch: Branch
    former: bool


# --------------------------------------------------------------------------
# Small readings of tokens

_DATELINE_DASHES = frozenset({"—", "–", "-", "--"})


def _dateline_end(doc: Doc) -> int:
    """Where the body starts after a dateline ("AMMAN, Jordan (Wire) — "), else 0."""
    first = doc[0] if len(doc) else None
    if first is None or not (first.is_upper and first.is_alpha and len(first) > 1):
        return 0
    for token in doc[: min(len(doc), 16)]:
        if "\n" in token.text:
            return 0
        if token.text in _DATELINE_DASHES and token.i > 0 and token.whitespace_:
            return token.i + 1
    return 0


def _case_compatible(pattern_words: tuple[str, ...], span: Span) -> bool:
    """A capitalised alias word must be capitalised in the text, an all-capitals one
    written in capitals; particles ("al", "of") may differ."""
    for wanted, token in zip(pattern_words, span, strict=True):
        if len(wanted) > 1 and wanted.isupper() and not token.text.isupper():
            return False
        capitalised = wanted[:1].isupper() and wanted.lower() not in _PARTICLES
        if capitalised and not token.text[:1].isupper():
            return False
    return True


def _compound_head(token: Token) -> Token:
    """The noun a chain of compounds ends in: "port" -> "city" in "port city"."""
    while token.dep_ == "compound" and token.head.i > token.i:
        token = token.head
    return token


def _is_definite(noun: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in _DESCRIPTION_DETERMINERS for c in noun.lefts)


def _reads_as_word(before: Token | None, after: Token | None) -> bool:
    """Whether "IS" reads as the verb: "it IS ready", "there IS no", "IS not"."""
    if (
        before is not None
        and before.lower_ not in ("the", "a", "an", "that")
        and (before.pos_ in ("PRON", "DET", "NOUN", "PROPN") or before.lower_ in _SUBJECT_WORDS)
    ):
        return True  # a subject before it: "the ceasefire IS holding"
    return after is not None and (
        after.pos_ in ("ADJ", "DET", "ADV", "PART", "NUM")
        or after.tag_ in ("VBG", "VBN")
        or after.lower_ in ("not", "a", "an", "the", "to")
    )


def _shouting(doc: Doc, start: int, end: int) -> bool:
    """An all-capitals stretch of text, where capitals say nothing about abbreviations."""
    neighbours = [doc[i] for i in (start - 2, start - 1, end, end + 1) if 0 <= i < len(doc)]
    words = [t for t in neighbours if t.is_alpha and len(t) > 2]
    return len(words) >= 3 and all(t.is_upper for t in words)


def _noun_class(noun: Token) -> str | None:
    """What a noun after a demonym says the demonym stands for: a branch or a generic actor."""
    word, lemma = noun.lower_, noun.lemma_.lower()
    if word in _POLICE_NOUNS or lemma in _POLICE_NOUNS:
        return "pol"
    if word in _MILITARY_NOUNS or lemma in _MILITARY_NOUNS:
        return "mil"
    if word in _GOVERNMENT_NOUNS or lemma in _GOVERNMENT_NOUNS:
        return "gov"
    category = _CATEGORY_NOUNS.get(word)
    if category is not None:
        return category
    if word in _DEMONYM_ARMED_NOUNS or lemma in _DEMONYM_ARMED_NOUNS:
        return "uag"
    return None


def _actor_position(
    token: Token, *, any_verb: bool = False, capital: bool = False, depth: int = 0
) -> Branch | None:
    """Whether a name's head token stands where an actor stands, and for which branch.

    Subjects of verbs read as the government (as the military for military
    verbs); with ``any_verb`` every active verb counts but those that a place
    is the subject of ("Kyiv woke to sirens", "Syria has seen"). So do
    possessors of "decision" or "forces", parties to "talks with", objects of
    "urged", agents of "backed by", recipients of aid, and the country in
    "the president of Armenia". Prepositional objects of place ("in Moscow")
    never qualify.
    """
    head = token.head
    lemma = head.lemma_.lower()
    dep = token.dep_
    if dep == "conj" and depth < 3 and head.i != token.i:
        return _actor_position(head, any_verb=any_verb, capital=capital, depth=depth + 1)
    if dep == "nsubj":
        if lemma in _MILITARY_VERBS:
            return "mil"
        if lemma in _COMMUNICATION_VERBS:
            return "gov"
        if lemma == "be" and any(
            c.dep_ == "acomp" and c.lower_ in _READY_ADJECTIVES for c in head.children
        ):
            return "gov"
        place_verbs = _CAPITAL_PLACE_SUBJECT_VERBS if capital else _PLACE_SUBJECT_VERBS
        if any_verb and head.pos_ == "VERB" and lemma not in place_verbs:
            return "gov"
        return None
    if dep == "poss":
        word = head.lower_
        if word in _CORE_TITLES:
            return _CORE_TITLES[word]  # "Taiwan's foreign minister"
        if word in _MILITARY_NOUNS:
            return "mil"
        if word in _POSSESSED_GOVERNMENT or lemma in _POSSESSED_GOVERNMENT:
            return "gov"
        return None
    if dep == "dobj" and lemma in _OBJECT_VERBS:
        return "gov"
    if dep == "dative":
        return "gov"  # "give Tanzania a grant"
    if dep == "pobj":
        return _prepositional_actor(head, head.head)
    return None


def _prepositional_actor(preposition: Token, governor: Token) -> Branch | None:
    word = preposition.lower_
    governed = {governor.lower_, governor.lemma_.lower()} | {
        c.lower_ for c in governor.children if c.dep_ == "compound"
    }
    if word in _DIPLOMATIC_PREPOSITIONS and governed & _DIPLOMATIC_NOUNS:
        return "gov"  # "talks with Tehran", "mediation between Syria and ..."
    if word == "with" and governor.pos_ == "VERB":
        if governor.lemma_.lower() in _CLASH_VERBS:
            return "mil"
        if governor.lemma_.lower() in _WITH_VERBS:
            return "gov"  # "cooperate with Ankara"
        if any(
            c.dep_ == "dobj" and c.lemma_.lower() in _DIPLOMATIC_NOUNS for c in governor.children
        ):
            return "gov"  # "joined the deal with Damascus", read as the deal's party
    if word in ("to", "for") and governed & _AID_NOUNS:
        return "gov"  # "aid to Mozambique"
    if word == "to" and governor.lemma_.lower() in _GIVING_VERBS:
        return "gov"  # "sold jets to Egypt", "apologised to Brazil"; not "sent troops to Mali"
    if word == "of":
        if governor.lower_ in _CORE_TITLES:
            return _CORE_TITLES[governor.lower_]  # "the president of Armenia"
        what = _noun_class(governor)
        if what in ("gov", "mil", "pol"):
            return _BRANCH_NAMES[what]  # "the army of Mali"
    if word == "on" and governor.lemma_.lower() == "call":
        return "gov"
    if word == "by" and preposition.dep_ == "agent":
        verb = governor.lemma_.lower()
        if verb in _COMMUNICATION_VERBS or verb in _BACKING_VERBS:
            return "gov"
    return None


def _is_title_word(token: Token) -> bool:
    return token.lower_ in _CORE_TITLES or token.lower_ in _TITLE_MODIFIERS


def _has_core_title(doc: Doc, block: range) -> bool:
    return any(doc[i].lower_ in _CORE_TITLES for i in block)


def _title_block_end(doc: Doc, index: int, limit: int) -> int:
    """End of the run of title words starting at index, or index if it holds no core title."""
    end = index
    while end < limit and _is_title_word(doc[end]) and doc[end].lower_ not in ("of", "-"):
        end += 1
        # "Secretary of State", "Chief of Staff"
        if (
            end + 1 < limit
            and doc[end].lower_ == "of"
            and doc[end + 1].lower_ in ("state", "staff", "defence", "defense")
        ):
            end += 2
    return end if _has_core_title(doc, range(index, end)) else index


def _title_branch(doc: Doc, block: Iterable[int]) -> Branch:
    words = [doc[i].lower_ for i in block]
    cores = [w for w in words if w in _CORE_TITLES]
    if not cores:
        return "gov"
    core = cores[-1]
    if "police" in words:
        return "pol"
    if core not in _MINISTER_TITLES and any(w in _MILITARY_TITLE_MODIFIERS for w in words):
        return "mil"
    return _CORE_TITLES[core]
