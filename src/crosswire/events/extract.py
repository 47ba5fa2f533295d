"""Per-article events: typed sentence events tied to the article's actors, places, dates, figures.

``extract_events(doc, analysis, article)`` reads each sentence that holds a
trigger cue, types its events (``typer``), and fills an ``Event`` for each:

- actors: the agent and patient phrases mapped to the article's entities by
  character offsets; backers ("X, backed by Y", "Y-backed X") and partners
  ("X and Y attacked") become associated actors; victims with no entity of
  their own become ACLED's generic actors ("Civilians (Syria)"), created on
  demand and added to the analysis; state actors named by a common noun ("the
  army") take the regime of the event's date ("Military Forces of Syria (2024-)");
- place: the most specific place in the event's own clause (the patient, or
  "in/near/at X"), then one elsewhere in the sentence, then one inside an actor
  phrase; an area named in the clause ("the province of Daraa") gives way to
  the article's focus place inside it. Without any, the article's focus place
  (its most named town, in the event's country), and only then the dateline:
  a dateline says where the reporter is, not where the event was. Origins
  ("fighters from Idlib"), seats ("the Aden-based government") and places in
  an attribution ("according to officials in Sanaa") do not count;
- dates: a date expression in the event's own clause; otherwise the date of an
  earlier event of the same type in the article (a later sentence elaborating
  it); otherwise the article's own date;
- fatalities: figures in the sentence that count the dead, kept ACLED's way
  (``tolls``);
- modality: negated, denied, threatened, planned or hypothetical events are
  flagged here; reactions, cumulative tallies, captions and commentary by
  ``realis``; an Attack told with the strike that did it folds into it
  (``incident``); every event gets a confidence and reasons (``confidence``);
- evidence: the sentence.

A sentence that only adds to an event told before it is no event of its own:
casualty words with no event word ("Nine were killed"), or a bare act of
violence by no one new ("Fighters opened fire from rooftops") join the
article's latest violent event, adding their sentence, toll and actors to it,
unless they name a date or a place of their own that the event does not have.

An event is *background* when the article mentions it without reporting it:
history (its stated date ended more than ``HISTORY_DAYS`` before the article),
a habit ("its cells carry out ambushes"), or a passing mention that names
nothing about it (no figure, no actor, no place: "the strikes followed the
drone attack"). Fusion keeps such reports as mentions that do not count as
sources.

A dateline ("HODEIDAH, Yemen (Wire) — ...") misleads the parser, which takes
the town for the subject of the lead sentence; the lead paragraph is parsed
again with the dateline blanked out (offsets stay the same).
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import cache

from spacy.tokens import Doc, Span, Token

from crosswire.actors import ActorDictionary, Branch, load_actor_dictionary
from crosswire.events import confidence, incident, realis
from crosswire.events import lexicon as lx
from crosswire.events import ontology as on
from crosswire.events.arguments import (
    Category,
    category_of_inter,
    category_of_noun,
    phrase,
    roles_of,
)
from crosswire.events.tolls import Toll, fatalities, tree_distance
from crosswire.events.typer import EventCandidate, typed_events
from crosswire.model import (
    Analysis,
    Article,
    DateMention,
    DatePrecision,
    Entity,
    Event,
    Figure,
    Place,
    SourceSpan,
)
from crosswire.nlp import load_nlp

# An event whose stated date ended this long before the article is history to it.
HISTORY_DAYS = 31

_BACKING = frozenset(
    [
        "back",
        "backed",
        "support",
        "supported",
        "sponsor",
        "sponsored",
        "fund",
        "funded",
        "arm",
        "armed",
    ]
)
_BACKED_AFTER = re.compile(r"^\s*+-?\s*+(?:backed|supported|sponsored|funded|armed|allied)\b", re.I)
# "DERAA —", "AMMAN, Jordan (Coastline Wire) —", "Misrata, Libya —": a town in capitals,
# or a town and its country, before a dash.
_DATELINE = re.compile(
    r"^\s*(?:[A-Z][A-Z'’.\- ]{1,40}?|[A-Z][A-Za-z'’.\- ]{1,40}?,\s*[A-Z][A-Za-z. ]{1,30})"
    r"\s*(?:\([^)]*\))?\s*[—–-]{1,2}\s"
)
_FEATURE_RANK = {
    "site": 0,
    "port": 0,
    "city": 0,
    "capital": 0,
    "district": 0,
    "admin2": 1,
    "admin1": 2,
    "region": 3,
    "sea": 3,
    "river": 3,
    "country": 4,
    "continent": 5,
}
_AREA_RANK = 1  # this rank and above are areas a town lies in
# "US-led", "London-based", "Iran-backed": the place names an actor.
_ACTOR_SUFFIX = re.compile(r"^-(?:led|based|backed|supported|sponsored|run|allied|born)\b", re.I)
_LOCATIVE = frozenset(["in", "near", "at", "inside", "outside", "across", "around", "into"])
# A tagger's person or organisation over a place name is the place, not an actor; states,
# armed forces and groups named after a country or town are actors the actors stage chose.
_NOT_OVER_PLACES = frozenset(["person", "organisation"])
_FURNITURE_WORDS = frozenset(["photo", "photos", "tags", "gmt", "print", "tweet", "views"])
_PROTEST_LABELS = frozenset({on.PEACEFUL_PROTEST, on.PROTEST_INTERVENTION, on.EXCESSIVE_FORCE})
# Events a later casualty or bare-violence sentence can be adding to.
_VIOLENT_TYPES = frozenset({on.BATTLES, on.EXPLOSIONS, on.VIOLENCE_AGAINST_CIVILIANS, on.RIOTS})
_VIOLENT_LABELS = frozenset({on.EXCESSIVE_FORCE, on.PROTEST_INTERVENTION})
# Places whose country code says little about whose civilians were hit.
_NOT_NATIONAL = frozenset({"sea", "region", "continent", "river"})
_STATE_BRANCHES: dict[str, Branch] = {
    **dict.fromkeys(["force", "forces", "troop", "troops", "army", "military", "soldier"], "mil"),
    **dict.fromkeys(["police", "policeman", "policemen", "officer", "gendarme"], "pol"),
    **dict.fromkeys(["government", "regime", "authority", "authorities"], "gov"),
}
_REPORTING = frozenset(
    ["say", "tell", "report", "claim", "state", "add", "confirm", "accuse", "allege", "announce"]
)
_MEANS_VERBS = frozenset(["use", "employ", "deploy", "fire", "launch", "send", "dispatch"])
_NOBODY = frozenset(["nobody", "none", "neither", "noone"])
_SCHEDULED = frozenset(["set", "due", "scheduled", "expected", "going"])
_WHILE_PREPS = frozenset(["in", "during", "under", "amid", "by"])
_SETTLEMENT_NOUNS = frozenset(["town", "village", "city", "hamlet", "settlement", "suburb"])
_ANYONE = frozenset(["people", "person", "persons", "individual", "victim", "casualty"])


@dataclass(frozen=True, slots=True)
class _Span:
    start: int
    end: int


@dataclass(slots=True)
class _ArticleIndex:
    """The article's records, indexed by character offsets."""

    article_id: str
    text: str
    entities: list[tuple[int, int, Entity]]
    places: list[tuple[int, int, Place]]
    dates: list[DateMention]
    figures: list[Figure]
    published: tuple[str, str, DatePrecision] | None
    focus_country: str | None
    dateline_end: int  # 0 when the article has no dateline
    dateline_place: Place | None
    focus_places: list[Place]  # most named towns first, then areas; no datelines
    known: dict[str, Entity]
    outlet: str = ""  # the article's outlet, folded: never an actor of its events
    added: dict[str, Entity] = field(default_factory=dict)

    def is_actor_mention(self, start: int, end: int, entity: Entity) -> bool:
        """Whether an entity mention can be an event's actor: not a place name or a date
        (a tagger's PERSON or ORG over "Kafr Nabl" or "Jul 2016"), not the outlet, not
        page furniture ("Photo", "Tags", "GMT")."""
        if any(p_start < end and start < p_end for p_start, p_end, _p in self.places):
            return entity.kind not in _NOT_OVER_PLACES
        if any(d.mention.start < end and start < d.mention.end for d in self.dates):
            return False
        name = entity.name.casefold()
        if self.outlet and (name == self.outlet or name.replace(" ", "") == self.outlet):
            return False
        return not (set(name.replace("-", " ").split()) & _FURNITURE_WORDS)

    def entity_mentions_in(self, start: int, end: int) -> list[tuple[int, int, Entity]]:
        """Mentions overlapping the range: a parse may split a long name across phrases."""
        return [m for m in self.entities if m[0] < end and start < m[1]]

    def entity_at(self, token: Token) -> Entity | None:
        spot = token.idx
        covering = [m for m in self.entities if m[0] <= spot < m[1]]
        return max(covering, key=lambda m: m[1] - m[0])[2] if covering else None

    def place_at(self, token: Token) -> Place | None:
        spot = token.idx
        for start, end, place in self.places:
            if start <= spot < end:
                return place
        return None

    def focus(self, country: str | None, within: Place | None = None) -> Place | None:
        """The article's focus place: in ``country`` when given, inside ``within`` when given."""
        for place in self.focus_places:
            if country is not None and place.country_code not in (None, country):
                continue
            if within is not None and (
                place.id == within.id or _rank(place) >= _rank(within) or not _inside(within, place)
            ):
                continue
            return place
        return None

    def generic(self, category: str, country: str | None) -> Entity:
        return self._known_or_added(_dictionary().generic(category, country))

    def state(self, country: str, branch: Branch, day: date | None) -> Entity | None:
        try:
            actor = _dictionary().state_actor(country, branch, day)
        except KeyError:
            return None
        return self._known_or_added(actor.entity())

    def _known_or_added(self, entity: Entity) -> Entity:
        for existing in (*self.known.values(), *self.added.values()):
            if existing.id == entity.id:
                return existing
        self.added[entity.id] = entity
        return entity


@cache
def _dictionary() -> ActorDictionary:
    return load_actor_dictionary()


def _rank(place: Place) -> int:
    return _FEATURE_RANK.get(place.feature or "", 2)


def _inside(area: Place, place: Place) -> bool:
    """Whether a country or a province holds the place (by its GeoNames codes)."""
    if area.country_code is None or area.country_code != place.country_code:
        return False
    if area.feature == "country":
        return True
    return (
        area.feature == "admin1"
        and place.admin1 is not None
        and (_fold(place.admin1) in {_fold(area.admin1), _fold(area.name)})
    )


def _fold(text: str | None) -> str:
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in decomposed if c.isalnum()).casefold()


def _published(article: Article | None) -> tuple[str, str, DatePrecision] | None:
    if article is None or not article.published:
        return None
    value = article.published
    parts = value.split("-")
    try:
        if len(parts) == 3:
            return value, value, "day"
        if len(parts) == 2:
            year, month = int(parts[0]), int(parts[1])
            last = calendar.monthrange(year, month)[1]
            return f"{value}-01", f"{value}-{last:02d}", "month"
        if len(parts) == 1:
            return f"{value}-01-01", f"{value}-12-31", "year"
    except ValueError:
        return None
    return None


def _day(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _index(doc: Doc, analysis: Analysis, article: Article | None) -> _ArticleIndex:
    entities = [
        (m.start, m.end, entity)
        for entity in analysis.entities
        for m in entity.mentions
        if m.article == analysis.article
    ]
    places = sorted(
        (
            (m.start, m.end, place)
            for place in analysis.places
            for m in place.mentions
            if m.article == analysis.article
        ),
        key=lambda item: item[0],
    )
    # An unlinked "organisation" that is really a town ("attacked Hama") is the place.
    entities = [
        (start, end, entity)
        for start, end, entity in entities
        if entity.canonical_key
        or not any(p_start <= start and end <= p_end for p_start, p_end, _p in places)
    ]
    match = _DATELINE.match(doc.text)
    dateline_end = match.end() if match is not None else 0
    dateline_place = next((p for s, _e, p in places if s < dateline_end), None)
    named = [(s, p) for s, _e, p in places if s >= dateline_end]
    countries = Counter(p.country_code for _s, p in named if p.country_code)
    if not countries and dateline_place is not None and dateline_place.country_code:
        countries[dateline_place.country_code] += 1
    focus_places = _focus_places(named)
    return _ArticleIndex(
        article_id=analysis.article,
        text=doc.text,
        entities=entities,
        places=places,
        dates=list(analysis.dates),
        figures=list(analysis.figures),
        published=_published(article),
        focus_country=countries.most_common(1)[0][0] if countries else None,
        dateline_end=dateline_end,
        dateline_place=dateline_place,
        focus_places=focus_places,
        known={e.id: e for e in analysis.entities},
        outlet=(article.outlet or "").casefold() if article is not None else "",
    )


def _focus_places(named: list[tuple[int, Place]]) -> list[Place]:
    """The article's places, most named towns first, then areas (countries left out)."""
    counts = Counter(p.id for _s, p in named if p.feature != "country")
    first_seen: dict[str, tuple[int, Place]] = {}
    for start, place in named:
        first_seen.setdefault(place.id, (start, place))
    return [
        first_seen[pid][1]
        for pid in sorted(
            counts,
            key=lambda pid: (
                min(_rank(first_seen[pid][1]), _AREA_RANK),  # towns before areas
                -counts[pid],
                first_seen[pid][0],
            ),
        )
    ]


def _sentences(doc: Doc, index: _ArticleIndex) -> Iterator[Span]:
    """The Doc's sentences; the lead paragraph parsed again without its dateline."""
    if not index.dateline_end:
        yield from doc.sents
        return
    paragraph_end = doc.text.find("\n", index.dateline_end)
    if paragraph_end < 0:
        paragraph_end = len(doc.text)
    lead = " " * index.dateline_end + doc.text[index.dateline_end : paragraph_end]
    yield from load_nlp()(lead).sents
    for sentence in doc.sents:
        if sentence.start_char >= paragraph_end:
            yield sentence


# --------------------------------------------------------------------------
# Actors


@dataclass(slots=True)
class _Actor:
    main: Entity | None = None
    backers: list[Entity] = field(default_factory=list)
    category: Category | None = None
    named: bool = False  # the entity has a mention in the phrase


def _is_backer(index: _ArticleIndex, start: int, end: int, head: Token) -> bool:
    if _BACKED_AFTER.match(index.text[end : end + 20]):
        return True
    doc = head.doc
    # The token covering ``start``, found by spaCy's binary search rather than a
    # scan of the whole doc (which cost the square of a long article's length).
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    token = span[0] if span is not None and len(span) else None
    if token is not None and not token.idx <= start < token.idx + len(token):
        token = None
    while token is not None and token.i != head.i:
        if token.lower_ in _BACKING or token.lemma_ in _BACKING:
            return True
        if token.head.i == token.i:
            break
        token = token.head
    return False


def _actor(index: _ArticleIndex, token: Token | None) -> _Actor:
    if token is None:
        return _Actor()
    start, end = phrase(token)
    actor = _Actor()
    main_mentions = []
    for m_start, m_end, entity in index.entity_mentions_in(start, end):
        if not index.is_actor_mention(m_start, m_end, entity):
            continue
        if _is_backer(index, m_start, m_end, token):
            if entity not in actor.backers:
                actor.backers.append(entity)
        else:
            main_mentions.append((m_start, m_end, entity))
    # "X, backed by Y": the backing clause hangs off the head noun, outside its phrase.
    for child in token.children:
        if child.dep_ in ("acl", "amod") and child.lemma_ in _BACKING:
            for agent in child.children:
                if agent.dep_ == "agent":
                    for obj in agent.subtree:
                        backer = index.entity_at(obj)
                        if backer is not None and backer not in actor.backers:
                            actor.backers.append(backer)
    if main_mentions:
        spot = token.idx
        containing = [m for m in main_mentions if m[0] <= spot < m[1]]
        chosen = containing[0] if containing else min(main_mentions, key=lambda m: abs(m[0] - spot))
        actor.main = chosen[2]
        actor.named = True
        actor.category = _entity_category(index, chosen[2]) or category_of_noun(token)
    else:
        actor.category = category_of_noun(token)
        if index.place_at(token) is not None and actor.category is None:
            actor.category = "territory"
    return actor


def _entity_category(index: _ArticleIndex, entity: Entity) -> Category | None:
    category = category_of_inter(entity.inter_code, entity.kind)
    if category is None and entity.affiliation:
        patron = index.known.get(entity.affiliation)
        if patron is not None:
            category = category_of_inter(patron.inter_code, patron.kind)
    return category


def _categorizer(index: _ArticleIndex):  # type: ignore[no-untyped-def]
    def categorize(token: Token) -> Category | None:
        return _actor(index, token).category

    return categorize


def _generic_for(
    index: _ArticleIndex, token: Token | None, country: str | None, day: date | None
) -> Entity | None:
    """ACLED's generic actor for a phrase with no entity: civilians, protesters, gunmen."""
    if token is None:
        return None
    lemma = token.lemma_.lower()
    category = category_of_noun(token)
    if category == "civilians":
        return index.generic("civilians", country)
    if category == "protesters":
        return index.generic("protesters", country)
    if category == "rioters":
        return index.generic("rioters", country)
    if lemma in lx.UNIDENTIFIED_NOUNS or token.lower_ in lx.UNIDENTIFIED_NOUNS:
        return index.generic("uag", country)
    branch = _STATE_BRANCHES.get(lemma)
    if category == "state" and branch is not None and country is not None:
        # "government forces" in a Syrian story are the Military Forces of Syria.
        return index.state(country, branch, day)
    return None


def _resolve_actor(
    index: _ArticleIndex, token: Token | None, country: str | None, day: date | None
) -> _Actor:
    actor = _actor(index, token)
    if actor.main is None:
        actor.main = _generic_for(index, token, country, day)
    return actor


def _sentence_entities(index: _ArticleIndex, sentence: Span, categories: set[str]) -> list[Entity]:
    found = []
    for _start, _end, entity in index.entity_mentions_in(sentence.start_char, sentence.end_char):
        if _entity_category(index, entity) in categories and entity not in found:
            found.append(entity)
    return found


@dataclass(slots=True)
class _Actors:
    actor1: Entity | None = None
    actor2: Entity | None = None
    assoc1: list[Entity] = field(default_factory=list)
    assoc2: list[Entity] = field(default_factory=list)
    named: bool = False  # some side is an entity the sentence names


def _crowd_actors(index: _ArticleIndex, label: str, sentence: Span, country: str | None) -> _Actors:
    """A demonstration's crowd (actor1) and the forces it met (actor2)."""
    result = _Actors()
    crowd = _sentence_entities(index, sentence, {"protesters", "rioters"})
    category = "rioters" if label == on.VIOLENT_DEMONSTRATION else "protesters"
    result.actor1 = crowd[0] if crowd else index.generic(category, country)
    if label != on.PEACEFUL_PROTEST:
        forces = _sentence_entities(index, sentence, {"state"})
        result.actor2 = forces[0] if forces else None
    result.named = bool(crowd) or result.actor2 is not None
    return result


# Violent sub-events an armed group can carry out; an air strike needs an air force,
# so an unattributed one keeps no actor rather than a wrong one.
_UNKNOWN_PERPETRATOR_LABELS = frozenset(
    {
        on.ARMED_CLASH,
        on.SHELLING,
        on.REMOTE_EXPLOSIVE,
        on.SUICIDE_BOMB,
        on.GRENADE,
        on.ATTACK,
        on.ABDUCTION,
        on.SEXUAL_VIOLENCE,
    }
)


def _actors(
    index: _ArticleIndex,
    event: EventCandidate,
    sentence: Span,
    country: str | None,
    day: date | None,
) -> _Actors:
    label = event.label
    roles = event.roles
    if label in _PROTEST_LABELS or label == on.VIOLENT_DEMONSTRATION:
        return _crowd_actors(index, label, sentence, country)
    result = _Actors()
    agent = _resolve_actor(index, roles.agent, country, day)
    result.actor1 = agent.main
    result.assoc1 = list(agent.backers)
    for other in roles.co_agents:
        co = _resolve_actor(index, other, country, day)
        if co.main is not None:
            result.assoc1.append(co.main)
    patient = _resolve_actor(index, roles.patient, country, day)
    victims = _resolve_actor(index, event.victims, country, day)
    result.named = agent.named or patient.named
    anyone = roles.patient is not None and roles.patient.lemma_.lower() in _ANYONE
    if (
        patient.main is not None
        and patient.category not in ("weapon", "territory", "property")
        and (patient.named or not anyone)
    ):
        result.actor2 = patient.main
        result.assoc2 = list(patient.backers)
    elif (
        victims.main is not None
        and patient.category not in ("armed", "state")
        and event.victims is not None
        and event.victims.lemma_.lower() not in _ANYONE
    ):
        # The dead are a side only when named as such: "killing two civilians" names the
        # civilians, "killing seven people" (in a strike on a depot, a fight between armed
        # sides) names no one.
        result.actor2 = victims.main
    for other in roles.co_patients:
        co = _resolve_actor(index, other, country, day)
        if co.main is not None:
            result.assoc2.append(co.main)
    if label == on.MOB_VIOLENCE and (result.actor1 is None or agent.category != "rioters"):
        if result.actor1 is not None:
            result.assoc1.insert(0, result.actor1)
        result.actor1 = index.generic("rioters", country)
    if label == on.ATTACK and result.actor2 is None:
        # An Attack is by definition on civilians.
        result.actor2 = index.generic("civilians", country)
    if result.actor1 is not None and result.actor2 is not None and result.actor1 == result.actor2:
        result.actor2 = None
    result.assoc1 = [e for e in dict.fromkeys(result.assoc1) if e != result.actor1]
    result.assoc2 = [e for e in dict.fromkeys(result.assoc2) if e != result.actor2]
    return result


# --------------------------------------------------------------------------
# Place


def _event_tokens(event: EventCandidate, doc: Doc) -> list[Token]:
    return [event.anchor, *event.tokens(doc)]


def _is_attribution(token: Token) -> bool:
    """ "according to officials in Sanaa": who says it, not where it happened."""
    return token.dep_ == "prep" and token.lower_ == "according"


def _region(event: EventCandidate, doc: Doc, foreign: frozenset[int] = frozenset()) -> set[int]:
    """Token indices of the event's own clause: the subtrees of its words, without the
    clauses of other events and the words of the sentence's other events (``foreign``):
    in "the strikes followed the drone attack late on Tuesday" Tuesday is the attack's."""
    own = {t.i for t in _event_tokens(event, doc)}
    tokens: set[int] = set()
    for token in _event_tokens(event, doc):
        top = token
        # An event noun's clause is its verb's: "clashes erupted near X", "five were killed
        # in an air strike on Tuesday", "under the deal, reached on Wednesday".
        if token.pos_ in ("NOUN", "PROPN") and token.dep_ in ("nsubj", "nsubjpass", "dobj"):
            top = token.head
        elif (
            token.pos_ in ("NOUN", "PROPN")
            and token.dep_ == "pobj"
            and token.head.lower_ in _WHILE_PREPS
            and token.head.head.pos_ == "VERB"
        ):
            top = token.head.head
        for sub in top.subtree:
            if sub.i in own:
                tokens.add(sub.i)
                continue
            if any(
                _other_clause(a, own) or _is_attribution(a) or (a.i in foreign and a.i not in own)
                for a in _path_up(sub, top)
            ):
                continue
            tokens.add(sub.i)
    return tokens


def _other_clause(token: Token, own: set[int]) -> bool:
    """A clause of its own, not one telling more of the event ("the deal, reached on ...")."""
    if token.i in own or (token.head.i in own and token.dep_ in ("acl", "relcl")):
        return False
    if token.dep_ == "conj":
        return token.pos_ in ("VERB", "AUX")  # "warehouses and a depot" is one object
    return token.dep_ in ("advcl", "relcl", "ccomp", "acl")


def _path_up(token: Token, top: Token) -> Iterator[Token]:
    """``token`` and its heads up to, not including, ``top``."""
    current = token
    while current.i != top.i:
        yield current
        if current.head.i == current.i:
            return
        current = current.head


def _is_origin(token: Token) -> bool:
    """A place named as where someone or something came from: "fighters from Idlib"."""
    current = token
    for _ in range(3):
        if current.dep_ == "pobj" and current.head.lower_ == "from":
            return True
        if current.head.i == current.i:
            break
        current = current.head
    return False


def _is_seat(index: _ArticleIndex, token: Token, end: int) -> bool:
    """A place that locates an actor: "the Aden-based government", "the government in Tripoli"."""
    if re.match(r"^\s*-?\s*based\b", index.text[end : end + 12], re.I):
        return True
    if token.dep_ == "pobj" and token.head.lower_ in ("in", "of"):
        holder = token.head.head
        entity = index.entity_at(holder)
        return entity is not None and entity.kind == "government"
    return False


def _choose_place(candidates: list[tuple[int, Place]]) -> Place | None:
    if not candidates:
        return None
    return min(candidates, key=lambda item: (_rank(item[1]), item[0]))[1]


def _event_country(index: _ArticleIndex, sentence: Span) -> str | None:
    """The country the sentence is about: its places', else its actors'."""
    countries = Counter(
        place.country_code
        for start, _end, place in index.places
        if sentence.start_char <= start < sentence.end_char
        and start >= index.dateline_end
        and place.country_code
        and place.feature not in _NOT_NATIONAL
    )
    if not countries:
        countries = Counter(
            entity.country_code
            for _s, _e, entity in index.entity_mentions_in(sentence.start_char, sentence.end_char)
            if entity.country_code
        )
    return countries.most_common(1)[0][0] if countries else None


def _place(
    index: _ArticleIndex,
    sentence: Span,
    region: set[int],
    foreign: frozenset[int],
    actor_spans: list[_Span],
) -> tuple[Place | None, str | None]:
    """The event's place, and where the sentence names it: "clause" (the event's own),
    "sentence", or None when it is a fallback."""
    own: list[tuple[int, Place]] = []
    elsewhere: list[tuple[int, Place]] = []
    weaker: list[tuple[int, Place]] = []  # in an actor phrase, or naming a town's area
    for start, end, place in index.places:
        if not (sentence.start_char <= start < sentence.end_char) or start < index.dateline_end:
            continue
        token = next((t for t in sentence if t.idx <= start < t.idx + len(t)), None)
        if token is None or _is_origin(token) or _is_seat(index, token, end):
            continue
        if any(_is_attribution(a) for a in token.ancestors):
            continue
        if _is_metonymic(index.text, token, place, end, index.focus_country):
            continue
        if _names_area_of_town(token):
            # "the western Deraa town", "the Idlib town of Saraqeb": the town is elsewhere.
            town = index.focus(place.country_code, within=_area_of(place))
            weaker.append((start, town or place))
        elif any(span.start <= start and end <= span.end for span in actor_spans):
            weaker.append((start, place))
        elif token.i in region:
            own.append((start, place))
        elif not any(a.i in foreign and a.i not in region for a in (token, *token.ancestors)):
            elsewhere.append((start, place))
    # Away from the event's own clause, a place abroad is context ("talks in Geneva").
    home = index.focus_country
    elsewhere = [c for c in elsewhere if home is None or c[1].country_code in (None, home)]
    weaker = [c for c in weaker if home is None or c[1].country_code in (None, home)]
    chosen = _choose_place(own) or _choose_place(elsewhere) or _choose_place(weaker)
    if chosen is not None:
        # "fighting in the province of Daraa" in an article about Tafas, a town in it.
        finer = index.focus(None, within=chosen) if _rank(chosen) >= _AREA_RANK else None
        return finer or chosen, "clause" if own else "sentence"
    return index.focus(_event_country(index, sentence)) or index.dateline_place, None


def _is_metonymic(text: str, token: Token, place: Place, end: int, focus: str | None) -> bool:
    """A place that names an actor, not where the event was: "Moscow said", "US-led",
    "London-based", "U.S. strikes", "Russia's jets"; a foreign country counts as a location
    only after a locative preposition ("in Iraq")."""
    if _ACTOR_SUFFIX.match(text[end : end + 12]):
        return True
    if token.dep_ == "nsubj" and token.head.pos_ in ("VERB", "AUX") and token.head.lemma_ != "be":
        return True
    if place.feature != "country":
        return False
    if token.dep_ in ("compound", "amod", "poss", "nmod"):
        return True
    foreign = place.country_code is not None and place.country_code != focus
    return foreign and not (token.dep_ == "pobj" and token.head.lower_ in _LOCATIVE)


def _names_area_of_town(token: Token) -> bool:
    head = token.head
    return (
        token.dep_ in ("compound", "amod", "nmod")
        and head.lemma_.lower() in _SETTLEMENT_NOUNS
        and not (head.i == token.i + 1 and head.lemma_.lower() == "city")  # "Deraa city"
    )


def _area_of(place: Place) -> Place:
    """The province a town lies in, as a place record to test containment against."""
    return Place(
        name=place.admin1 or place.name,
        country_code=place.country_code,
        admin1=place.admin1,
        feature="admin1" if place.admin1 else place.feature,
    )


# --------------------------------------------------------------------------
# Dates, fatalities, modality


def _date(
    index: _ArticleIndex, event: EventCandidate, sentence: Span, region: set[int]
) -> DateMention | None:
    """The date expression of the event's own clause nearest its words; a date elsewhere in
    the sentence is another clause's ("a truce held on Thursday, two days after fighting
    killed 12")."""
    doc = sentence.doc
    words = _event_tokens(event, doc)
    found: list[tuple[int, int, DateMention]] = []
    for d in index.dates:
        if not (sentence.start_char <= d.mention.start and d.mention.end <= sentence.end_char):
            continue
        span = doc.char_span(d.mention.start, d.mention.end, "expand")
        if span is not None and len(span) and any(t.i in region for t in span):
            distance = min(tree_distance(span.root, w) for w in words)
            found.append((distance, d.mention.start, d))
    return min(found, key=lambda item: item[:2])[2] if found else None


def modality(anchor: Token) -> str:  # noqa: C901  # one reading of many cases, kept whole until its phase is reworked
    """How the text reports the event.

    One of asserted, negated, denied, threatened, planned, hypothetical: the
    first marker found climbing from the event word through the verbs that
    govern it (stopping at a reporting verb or a clause of its own). A clause of
    purpose ("entered the town to arrest men") is planned.
    """
    token = anchor
    came_from: Token | None = None
    for step in range(8):
        for child in token.children:
            if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no"):
                return "negated"
            if child.dep_ == "nsubj" and child.lower_ in _NOBODY | {"no one"}:
                return "negated"  # "nobody agrees"
            if child.dep_ == "mark" and child.lower_ in ("if", "unless", "whether"):
                return "hypothetical"
            if child.dep_ == "aux":
                if child.lower_ in lx.HYPOTHETICAL_MODALS:
                    return "hypothetical"
                if child.lower_ in lx.FUTURE_MODALS:
                    return "planned"
        lemma = token.lemma_.lower()
        if step > 0:
            if lemma in lx.DENIAL_VERBS:
                return "denied"
            if lemma in lx.THREAT_VERBS or lemma in lx.THREAT_NOUNS:
                return "threatened"
            if lemma in lx.PLAN_VERBS or lemma in lx.PLAN_NOUNS:
                return "planned"
            if lemma in lx.HYPOTHETICAL_NOUNS:
                return "hypothetical"
            if (
                lemma in _SCHEDULED
                and token.pos_ in ("ADJ", "VERB")
                and came_from is not None
                and came_from.dep_ == "xcomp"
            ):
                return "planned"  # "set to attack", not "set a ship on fire"
        if (
            token.dep_ == "advcl"
            and token.pos_ == "VERB"
            and _is_infinitive(token)
            and token.head.lemma_.lower() not in _MEANS_VERBS
        ):
            return "planned"  # "entered the town to arrest men"; "used drones to attack" did
        if token.dep_ in ("advcl", "relcl", "ROOT") or token.head.i == token.i:
            break
        if step > 0 and lemma in _REPORTING:
            break
        came_from, token = token, token.head
    return "asserted"


def _is_infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)


def _plover(label: str, actor2: Entity | None) -> str | None:
    sub = on.SUB_EVENT_TYPES[label]
    plover, mode = sub.plover, sub.plover_mode
    if plover == "FIGHT" and actor2 is not None and actor2.kind == "civilians":
        # Force used on civilians is unconventional violence in PLOVER.
        plover, mode = "ASSAULT", None
    if plover is None:
        return None
    return f"{plover}:{mode}" if mode else plover


# --------------------------------------------------------------------------
# The article


@dataclass(slots=True)
class _Draft:
    """An event as the article tells it so far; later sentences may add to it."""

    label: str
    actors: _Actors
    place: Place | None
    place_named: str | None  # "clause", "sentence" or None (see ``_place``)
    when: tuple[str, str, DatePrecision] | None
    date_text: str | None  # the date expression of its own clause, when there is one
    toll: Toll | None
    mode: str
    spans: list[SourceSpan]
    depth: int  # of the event word below its sentence's root
    sentence: int  # the sentence's position in the article
    weak: bool  # casualty words or bare violence by no one new
    history: bool
    habitual: bool  # "its cells carry out ambushes": what happens, not what happened
    trigger: str = ""  # the event word
    civilian_targeting: bool = False

    @property
    def violent(self) -> bool:
        return on.event_type_of(self.label) in _VIOLENT_TYPES or self.label in _VIOLENT_LABELS

    @property
    def reported(self) -> bool:
        """Whether the article says something of its own about it."""
        return self.toll is not None or self.actors.named or self.place_named is not None

    def absorb(self, other: _Draft) -> None:
        for span in other.spans:
            if span not in self.spans:
                self.spans.append(span)
        if other.toll is not None and (
            self.toll is None or (self.toll.vague and not other.toll.vague)
        ):
            # A later sentence's figure is a part or a detail of the toll told first
            # ("one civilian was also killed"); it counts only when none was told, or
            # when it makes a vague one ("dozens") exact.
            self.toll = other.toll
        if not other.actors.named:
            return
        self.actors.named = True
        newcomer = other.actors.actor1
        if newcomer is not None and self.actors.actor2 is None and newcomer != self.actors.actor1:
            self.actors.actor2 = newcomer  # the other side of a battle

    def event(
        self, published: tuple[str, str, DatePrecision] | None, focus_country: str | None
    ) -> Event:
        """The Event; an undated one happened on the article's date as far as it says."""
        when = self.when or published
        actors = self.actors
        background = self.history or self.habitual or not self.reported
        sure, reasons = confidence.score(
            confidence.Facts(
                sentence=self.sentence,
                event_type=on.event_type_of(self.label),
                has_toll=self.toll is not None and bool(self.toll.value),
                place_named=self.place_named,
                place_country=self.place.country_code if self.place is not None else None,
                focus_country=focus_country,
                named_actor=actors.named,
                date_stated=self.date_text is not None,
                depth=self.depth,
                extra_sentences=len(self.spans) - 1,
                background=background,
                modality=self.mode,
                trigger=self.trigger,
            )
        )
        return Event(
            event_type=on.event_type_of(self.label),
            sub_event_type=self.label,
            actor1=actors.actor1.id if actors.actor1 is not None else None,
            actor2=actors.actor2.id if actors.actor2 is not None else None,
            assoc_actor1=tuple(e.id for e in actors.assoc1),
            assoc_actor2=tuple(e.id for e in actors.assoc2),
            place=self.place.id if self.place is not None else None,
            date_start=when[0] if when else None,
            date_end=when[1] if when else None,
            date_precision=when[2] if when else None,
            date_text=self.date_text,
            fatalities=self.toll.value if self.toll else None,
            fatalities_low=self.toll.low if self.toll else None,
            fatalities_high=self.toll.high if self.toll else None,
            fatalities_text=self.toll.text if self.toll else None,
            modality=self.mode,
            plover=_plover(self.label, actors.actor2),
            cameo=on.SUB_EVENT_TYPES[self.label].cameo,
            sources=tuple(self.spans),
            background=background,
            civilian_targeting=self.civilian_targeting
            or self.label == on.ATTACK
            or (actors.actor2 is not None and actors.actor2.kind == "civilians"),
            confidence=sure,
            reasons=reasons,
        )


def extract_events(doc: Doc, analysis: Analysis, article: Article | None = None) -> Analysis:
    """The analysis with its ``events`` filled, plus any generic actors the events needed."""
    index = _index(doc, analysis, article)
    categorize = _categorizer(index)
    drafts: list[_Draft] = []
    dated: dict[str, tuple[str, str, DatePrecision]] = {}
    for number, sentence in enumerate(_sentences(doc, index)):
        candidates = [c for c in typed_events(sentence, categorize) if on.is_acled(c.label)]
        if not candidates:
            continue
        tolls = fatalities(index.text, index.figures, candidates, sentence)
        words = [{t.i for t in _event_tokens(c, sentence.doc)} for c in candidates]
        own = []
        for position, candidate in enumerate(candidates):
            foreign = frozenset().union(*(w for n, w in enumerate(words) if n != position))
            own.append(
                _draft(index, candidate, sentence, number, tolls.get(position), dated, foreign)
            )
        for draft in incident.one_per_incident(own):
            host = _host(drafts, draft)
            if host is not None:
                host.absorb(draft)
            else:
                drafts.append(draft)
    for draft in drafts:
        _unnamed_perpetrator(index, draft)
    events = tuple(d.event(index.published, index.focus_country) for d in drafts)
    new = tuple(e for e in index.added.values() if e.id not in index.known)
    return replace(analysis, events=events, entities=analysis.entities + new)


def _unnamed_perpetrator(index: _ArticleIndex, draft: _Draft) -> None:
    """ACLED codes a violent event whose report names no perpetrator as by an
    "Unidentified Armed Group (country)", never as an event with no actor. Done once the
    article's sentences are joined, so a later sentence can still name the side."""
    if draft.actors.actor1 is not None or draft.label not in _UNKNOWN_PERPETRATOR_LABELS:
        return
    # The group of the country the story is set in, as for generic victims: a place
    # named in passing ("the London-based monitor") must not make it a British group.
    country = index.focus_country
    if country is None and draft.place is not None:
        country = draft.place.country_code
    draft.actors.actor1 = index.generic("uag", country)


def _draft(
    index: _ArticleIndex,
    candidate: EventCandidate,
    sentence: Span,
    number: int,
    toll: Toll | None,
    dated: dict[str, tuple[str, str, DatePrecision]],
    foreign: frozenset[int],
) -> _Draft:
    by_means = incident.by_means(candidate.label, candidate.anchor, sentence)
    on_civilians, candidate.label = by_means != candidate.label, by_means
    actor_spans = [
        _Span(*phrase(token))
        for token in (candidate.roles.agent, *candidate.roles.co_agents)
        if token is not None and index.place_at(token) is None
    ]
    region = _region(candidate, sentence.doc, foreign)
    place, place_named = _place(index, sentence, region, foreign, actor_spans)
    country = _actor_country(index, place, place_named)
    mode = realis.refine(
        modality(candidate.anchor), candidate.anchor, sentence, toll.value if toll else None
    )
    stated = _date(index, candidate, sentence, region)
    when = (stated.start_date, stated.end_date, stated.precision) if stated else None
    history = when is not None and _is_history(when, index.published)
    if when is not None and mode == "asserted" and not history:
        dated.setdefault(candidate.label, when)
    if when is None:
        when = dated.get(candidate.label)
    on_day = _day((when or index.published or ("",))[0])
    actors = _actors(index, candidate, sentence, country, on_day)
    text = index.text[sentence.start_char : sentence.end_char].rstrip()
    return _Draft(
        label=candidate.label,
        actors=actors,
        place=place,
        place_named=place_named,
        when=when,
        date_text=stated.mention.text if stated else None,
        toll=toll,
        mode=mode,
        spans=[
            SourceSpan(
                article=index.article_id,
                start=sentence.start_char,
                end=sentence.start_char + len(text),
                text=text,
            )
        ],
        depth=_depth_below(candidate.anchor, sentence.root),
        sentence=number,
        weak=_is_weak(candidate, actors),
        history=history,
        habitual=_is_habitual(candidate.anchor),
        trigger=candidate.anchor.text,
        civilian_targeting=on_civilians,
    )


def _actor_country(index: _ArticleIndex, place: Place | None, named: str | None) -> str | None:
    """The country of generic actors ("Civilians (X)"): a place attached to the event word,
    else the article's; no nationality invented from a place elsewhere."""
    if (
        place is not None
        and place.country_code
        and place.feature not in _NOT_NATIONAL
        and (named == "clause" or index.focus_country is None)
    ):
        return place.country_code
    return index.focus_country


def _is_habitual(anchor: Token) -> bool:
    """Events in the plural with a verb in the simple present: "its cells carry out
    ambushes", "their drone attacks invite retaliation"."""
    verb = anchor if anchor.pos_ in ("VERB", "AUX") else anchor.head
    plural = anchor.tag_ in ("NNS", "NNPS") and anchor.dep_ in ("nsubj", "dobj")
    return plural and verb.tag_ in ("VBZ", "VBP")


def _is_history(
    when: tuple[str, str, DatePrecision], published: tuple[str, str, str] | None
) -> bool:
    end, day = _day(when[1]), _day(published[0] if published else None)
    return end is not None and day is not None and end < day - timedelta(days=HISTORY_DAYS)


def _depth_below(token: Token, root: Token) -> int:
    depth = 0
    while token.i != root.i and token.head.i != token.i:
        token, depth = token.head, depth + 1
    return depth


def _is_weak(candidate: EventCandidate, actors: _Actors) -> bool:
    """Casualty words, or a bare act of violence against no one ("opened fire", "they hit
    the pipe"), by no agent of its own: none, a pronoun, a weapon, fighters of no group
    the article names, or a named actor (which the event it joins must already have, see
    ``_fits``; "gunmen" are ACLED's unidentified armed group, an actor of their own)."""
    if not candidate.groups <= {"violence"}:
        return False
    patient = candidate.roles.patient
    bare = candidate.victims is None and (
        patient is None or category_of_noun(patient) in (None, "property", "territory")
    )
    if not (bare or all(c.kind == "outcome" for c in candidate.cues)):
        return False
    agent = candidate.roles.agent
    return (
        agent is None
        or agent.pos_ == "PRON"
        or category_of_noun(agent) == "weapon"
        or (category_of_noun(agent) == "armed" and actors.actor1 is None)
        or (actors.actor1 is not None and actors.named)
    )


def _host(drafts: list[_Draft], draft: _Draft) -> _Draft | None:
    """The event a weak draft adds to: the latest violent event of an earlier sentence (the
    main one of its sentence), when the draft's own date, place and agent fit it."""
    if not draft.weak or draft.mode != "asserted":
        return None
    candidates = [
        d
        for d in drafts
        if d.violent
        and d.mode == "asserted"
        and not (d.history or d.habitual)
        and d.sentence < draft.sentence
    ]
    if not candidates:
        return None
    latest = max(d.sentence for d in candidates)
    host = min((d for d in candidates if d.sentence == latest), key=lambda d: d.depth)
    return host if _fits(host, draft) else None


def _fits(host: _Draft, draft: _Draft) -> bool:
    mine, theirs = draft.when, host.when
    if draft.date_text and mine and theirs and (mine[0] > theirs[1] or theirs[0] > mine[1]):
        return False
    here, there = draft.place, host.place
    if draft.place_named == "clause" and here and there and not _same_area(here, there):
        return False
    agent = draft.actors.actor1
    if agent is None or agent in (host.actors.actor1, host.actors.actor2):
        return True
    # Only a battle with a side still unknown can take a new fighter.
    return host.actors.actor2 is None and on.event_type_of(host.label) == on.BATTLES


def _same_area(left: Place, right: Place) -> bool:
    if left.id == right.id:
        return True
    outer, inner = (left, right) if _rank(left) >= _rank(right) else (right, left)
    return _rank(outer) >= _AREA_RANK and _inside(outer, inner)


__all__ = ["extract_events", "modality", "roles_of"]
