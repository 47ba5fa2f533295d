"""Per-article events: typed sentence events tied to the article's actors, places, dates, figures.

``extract_events(doc, analysis, article)`` reads each sentence that holds a
trigger cue, types its events (``typer``), and fills an ``Event`` for each:

- actors: the agent and patient phrases mapped to the article's entities by
  character offsets; backers ("X, backed by Y", "Y-backed X") and partners
  ("X and Y attacked") become associated actors; victims with no entity of
  their own become ACLED's generic actors ("Civilians (Syria)"), created on
  demand and added to the analysis;
- place: a place in the event's own clause (the patient, or "in/near/at X"),
  then one elsewhere in the sentence, then the dateline, then the article's
  most-named place; places inside an actor phrase ("fighters from Idlib") and
  origins ("from X") do not count; the most specific wins;
- dates: a date expression in the sentence; otherwise the date of an earlier
  event of the same type in the article (a later sentence elaborating it);
  otherwise the article's own date;
- fatalities: figures in the sentence that count the dead, kept ACLED's way
  (the lowest credible figure; figures of coordinated groups add up);
- modality: negated, denied, threatened, planned or hypothetical events are
  flagged;
- evidence: the sentence.
"""

from __future__ import annotations

import calendar
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import cache

from spacy.tokens import Doc, Span, Token

from crosswire.actors import ActorDictionary, Branch, load_actor_dictionary
from crosswire.events import lexicon as lx
from crosswire.events import ontology as on
from crosswire.events.arguments import (
    Category,
    category_of_inter,
    category_of_noun,
    phrase,
    roles_of,
)
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
_BACKED_AFTER = re.compile(r"^\s*-?\s*(?:backed|supported|sponsored|funded|armed|allied)\b", re.I)
_DATELINE = re.compile(
    r"^\s*[A-Z][A-Za-z'’.\- ]{1,40}?(?:,\s*[A-Za-z. ]{2,30})?\s*(?:\([^)]*\))?\s*[—–-]{1,2}\s"
)
_FEATURE_RANK = {
    "site": 0,
    "port": 0,
    "city": 0,
    "admin2": 1,
    "admin1": 2,
    "region": 3,
    "sea": 3,
    "river": 3,
    "country": 4,
    "continent": 5,
}
_DEATH_WORDS = frozenset(
    [
        "kill",
        "killed",
        "die",
        "died",
        "dead",
        "death",
        "deaths",
        "toll",
        "fatality",
        "fatalities",
        "slay",
        "massacre",
        "execute",
        "life",
    ]
)
_DEATH_COUNTED = re.compile(r"kill|dead|death|died|fatal|toll|lives", re.I)
_PROTEST_LABELS = frozenset({on.PEACEFUL_PROTEST, on.PROTEST_INTERVENTION, on.EXCESSIVE_FORCE})
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
    dateline_place: Place | None
    focus_place: Place | None
    known: dict[str, Entity]
    added: dict[str, Entity] = field(default_factory=dict)

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

    def generic(self, category: str, country: str | None) -> Entity:
        return self._known_or_added(_dictionary().generic(category, country))

    def state(self, country: str, branch: Branch) -> Entity | None:
        try:
            actor = _dictionary().state_actor(country, branch)
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
    countries = Counter(p.country_code for _s, _e, p in places if p.country_code)
    focus_country = countries.most_common(1)[0][0] if countries else None
    named = Counter(p.id for _s, _e, p in places if p.feature != "country")
    by_id = {p.id: p for _s, _e, p in places}
    focus_place = by_id[named.most_common(1)[0][0]] if named else (places[0][2] if places else None)
    dateline_place = None
    match = _DATELINE.match(doc.text)
    if match is not None:
        dateline_place = next((p for s, _e, p in places if s < match.end()), None)
    return _ArticleIndex(
        article_id=analysis.article,
        text=doc.text,
        entities=entities,
        places=places,
        dates=list(analysis.dates),
        figures=list(analysis.figures),
        published=_published(article),
        focus_country=focus_country,
        dateline_place=dateline_place,
        focus_place=focus_place,
        known={e.id: e for e in analysis.entities},
    )


# --------------------------------------------------------------------------
# Actors


@dataclass(slots=True)
class _Actor:
    main: Entity | None = None
    backers: list[Entity] = field(default_factory=list)
    category: Category | None = None


def _is_backer(index: _ArticleIndex, start: int, end: int, head: Token) -> bool:
    if _BACKED_AFTER.match(index.text[end : end + 20]):
        return True
    doc = head.doc
    token = next((t for t in doc if t.idx <= start < t.idx + len(t)), None)
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


def _generic_for(index: _ArticleIndex, token: Token | None, country: str | None) -> Entity | None:
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
        return index.state(country, branch)
    return None


def _resolve_actor(index: _ArticleIndex, token: Token | None, country: str | None) -> _Actor:
    actor = _actor(index, token)
    if actor.main is None:
        actor.main = _generic_for(index, token, country)
    return actor


def _sentence_entities(index: _ArticleIndex, sentence: Span, categories: set[str]) -> list[Entity]:
    found = []
    for _start, _end, entity in index.entity_mentions_in(sentence.start_char, sentence.end_char):
        if _entity_category(index, entity) in categories and entity not in found:
            found.append(entity)
    return found


def _sentence_nouns(sentence: Span, category: str) -> Token | None:
    return next((t for t in sentence if category_of_noun(t) == category), None)


@dataclass(slots=True)
class _Actors:
    actor1: Entity | None = None
    actor2: Entity | None = None
    assoc1: list[Entity] = field(default_factory=list)
    assoc2: list[Entity] = field(default_factory=list)


def _actors(
    index: _ArticleIndex, event: EventCandidate, sentence: Span, country: str | None
) -> _Actors:
    label = event.label
    roles = event.roles
    result = _Actors()
    if label in _PROTEST_LABELS or label == on.VIOLENT_DEMONSTRATION:
        crowd = _sentence_entities(index, sentence, {"protesters", "rioters"})
        category = "rioters" if label == on.VIOLENT_DEMONSTRATION else "protesters"
        result.actor1 = crowd[0] if crowd else index.generic(category, country)
        if label != on.PEACEFUL_PROTEST:
            forces = _sentence_entities(index, sentence, {"state"})
            result.actor2 = forces[0] if forces else None
        return result
    agent = _resolve_actor(index, roles.agent, country)
    result.actor1 = agent.main
    result.assoc1 = list(agent.backers)
    for other in roles.co_agents:
        co = _resolve_actor(index, other, country)
        if co.main is not None:
            result.assoc1.append(co.main)
    patient = _resolve_actor(index, roles.patient, country)
    victims = _resolve_actor(index, event.victims, country)
    if patient.main is not None and patient.category not in ("weapon", "territory", "property"):
        result.actor2 = patient.main
        result.assoc2 = list(patient.backers)
    elif victims.main is not None:
        result.actor2 = victims.main
    for other in roles.co_patients:
        co = _resolve_actor(index, other, country)
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


def _region(event: EventCandidate, doc: Doc) -> set[int]:
    """Token indices of the event's own clause: the subtrees of its words."""
    tokens: set[int] = set()
    for token in _event_tokens(event, doc):
        top = token
        # An event noun's clause is its verb's: "clashes erupted near X".
        if token.pos_ in ("NOUN", "PROPN") and token.dep_ in ("nsubj", "nsubjpass", "dobj"):
            top = token.head
        for sub in top.subtree:
            if sub.dep_ in ("advcl", "relcl", "ccomp", "conj") and sub.i not in {
                t.i for t in _event_tokens(event, doc)
            }:
                continue
            tokens.add(sub.i)
    return tokens


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


def _choose_place(candidates: list[tuple[int, Place]]) -> Place | None:
    if not candidates:
        return None
    return min(candidates, key=lambda item: (_FEATURE_RANK.get(item[1].feature or "", 2), item[0]))[
        1
    ]


def _place(
    index: _ArticleIndex, event: EventCandidate, sentence: Span, actor_spans: list[_Span]
) -> Place | None:
    doc = sentence.doc
    region = _region(event, doc)
    own: list[tuple[int, Place]] = []
    elsewhere: list[tuple[int, Place]] = []
    for start, end, place in index.places:
        if not (sentence.start_char <= start < sentence.end_char):
            continue
        if any(span.start <= start and end <= span.end for span in actor_spans):
            continue
        token = next((t for t in sentence if t.idx <= start < t.idx + len(t)), None)
        if token is None or _is_origin(token):
            continue
        (own if token.i in region else elsewhere).append((start, place))
    return (
        _choose_place(own) or _choose_place(elsewhere) or index.dateline_place or index.focus_place
    )


# --------------------------------------------------------------------------
# Dates, fatalities, modality


def _date(
    index: _ArticleIndex, event: EventCandidate, sentence: Span
) -> tuple[str, str, DatePrecision] | None:
    inside = [
        d
        for d in index.dates
        if sentence.start_char <= d.mention.start and d.mention.end <= sentence.end_char
    ]
    if not inside:
        return None
    region = _region(event, sentence.doc)
    doc = sentence.doc
    own = [
        d
        for d in inside
        if any(t.i in region for t in doc.char_span(d.mention.start, d.mention.end, "expand") or ())
    ]
    chosen = (own or inside)[0]
    return chosen.start_date, chosen.end_date, chosen.precision


def _figure_token(doc: Doc, figure: Figure) -> Token | None:
    span = doc.char_span(figure.mention.start, figure.mention.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _counts_dead(figure: Figure, token: Token | None) -> bool:
    if figure.counted and _DEATH_COUNTED.search(figure.counted):
        return True
    if figure.counted and re.search(r"wound|injur|hurt", figure.counted, re.I):
        return False
    current = token
    for _ in range(4):
        if current is None:
            return False
        words = {current.lemma_.lower(), current.lower_}
        if words & _DEATH_WORDS:
            return True
        if any(
            c.lower_ in ("dead", "killed")
            or (c.dep_ in ("dobj", "nsubj", "nsubjpass") and c.lemma_ in ("toll", "death"))
            for c in current.children
        ):
            return True  # "12 dead", "put the toll at 15"
        if current.head.i == current.i:
            return False
        current = current.head
    return False


@dataclass(slots=True)
class _Toll:
    value: int | None
    low: int | None
    high: int | None
    text: str


def _as_int(value: float | None) -> int | None:
    return None if value is None else int(value)


def _fatalities(
    index: _ArticleIndex, events: list[EventCandidate], sentence: Span
) -> dict[int, _Toll]:
    """Death tolls by event position in ``events``."""
    doc = sentence.doc
    found: dict[int, list[tuple[Figure, Token | None]]] = {}
    for figure in index.figures:
        if not (sentence.start_char <= figure.mention.start < sentence.end_char):
            continue
        token = _figure_token(doc, figure)
        if not _counts_dead(figure, token):
            continue
        if token is None:
            position = 0
        else:
            position = min(
                range(len(events)),
                key=lambda n: min(_tree_distance(token, t) for t in _event_tokens(events[n], doc)),
            )
        found.setdefault(position, []).append((figure, token))
    tolls = {}
    for position, figures in found.items():
        groups = _coordinated(figures)
        # Figures for coordinated groups add up ("5 soldiers and 3 civilians"); separate
        # figures for the same dead are alternatives, of which ACLED keeps the lowest.
        totals = [
            (
                sum(f.value or 0 for f, _t in group),
                sum((f.low if f.low is not None else f.value or 0) for f, _t in group),
                None
                if any(
                    f.high is None and f.low is not None and f.value != f.high for f, _t in group
                )
                else sum((f.high if f.high is not None else f.value or 0) for f, _t in group),
            )
            for group in groups
        ]
        value = min(t[0] for t in totals)
        low = min(t[1] for t in totals)
        highs = [t[2] for t in totals]
        high = None if any(h is None for h in highs) else max(h for h in highs if h is not None)
        tolls[position] = _Toll(
            value=_as_int(value),
            low=_as_int(low),
            high=_as_int(high),
            text="; ".join(f.mention.text for f, _t in figures),
        )
    return tolls


def _coordinated(
    figures: list[tuple[Figure, Token | None]],
) -> list[list[tuple[Figure, Token | None]]]:
    groups: list[list[tuple[Figure, Token | None]]] = []
    for item in figures:
        token = item[1]
        for group in groups:
            if token is not None and any(
                other is not None and _noun_of(token) in _noun_of(other).conjuncts
                for _f, other in group
            ):
                group.append(item)
                break
        else:
            groups.append([item])
    return groups


def _noun_of(token: Token) -> Token:
    return token.head if token.dep_ == "nummod" else token


def _tree_distance(a: Token, b: Token) -> int:
    up_a = [a, *a.ancestors]
    up_b = {t.i: n for n, t in enumerate([b, *b.ancestors])}
    for n, token in enumerate(up_a):
        if token.i in up_b:
            return n + up_b[token.i]
    return 99


def modality(anchor: Token) -> str:
    """How the text reports the event.

    One of asserted, negated, denied, threatened, planned, hypothetical: the
    first marker found climbing from the event word through the verbs that
    govern it (stopping at a reporting verb or a clause of its own).
    """
    token = anchor
    for step in range(8):
        for child in token.children:
            if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no"):
                return "negated"
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
            if lemma in ("set", "due", "scheduled", "expected", "going") and token.pos_ in (
                "ADJ",
                "VERB",
            ):
                return "planned"
        if token.dep_ in ("advcl", "relcl", "ROOT") or token.head.i == token.i:
            break
        if step > 0 and lemma in _REPORTING:
            break
        token = token.head
    return "asserted"


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


def extract_events(doc: Doc, analysis: Analysis, article: Article | None = None) -> Analysis:
    """The analysis with its ``events`` filled, plus any generic actors the events needed."""
    index = _index(doc, analysis, article)
    categorize = _categorizer(index)
    events: list[Event] = []
    dated: dict[str, tuple[str, str, DatePrecision]] = {}
    for sentence in doc.sents:
        candidates = [c for c in typed_events(sentence, categorize) if on.is_acled(c.label)]
        if not candidates:
            continue
        tolls = _fatalities(index, candidates, sentence)
        for position, candidate in enumerate(candidates):
            events.append(_event(index, candidate, sentence, tolls.get(position), dated))
    new = tuple(e for e in index.added.values() if e.id not in index.known)
    return replace(analysis, events=tuple(events), entities=analysis.entities + new)


def _event(
    index: _ArticleIndex,
    candidate: EventCandidate,
    sentence: Span,
    toll: _Toll | None,
    dated: dict[str, tuple[str, str, DatePrecision]],
) -> Event:
    actor_spans = [
        _Span(*phrase(token))
        for token in (candidate.roles.agent, *candidate.roles.co_agents)
        if token is not None and index.place_at(token) is None
    ]
    place = _place(index, candidate, sentence, actor_spans)
    country = (
        place.country_code
        if place is not None and place.country_code and place.feature not in _NOT_NATIONAL
        else index.focus_country
    )
    actors = _actors(index, candidate, sentence, country)
    mode = modality(candidate.anchor)
    when = _date(index, candidate, sentence)
    if when is not None and mode == "asserted":
        dated.setdefault(candidate.label, when)
    if when is None:
        when = dated.get(candidate.label) or index.published
    text = sentence.text.rstrip()
    return Event(
        event_type=on.event_type_of(candidate.label),
        sub_event_type=candidate.label,
        actor1=actors.actor1.id if actors.actor1 is not None else None,
        actor2=actors.actor2.id if actors.actor2 is not None else None,
        assoc_actor1=tuple(e.id for e in actors.assoc1),
        assoc_actor2=tuple(e.id for e in actors.assoc2),
        place=place.id if place is not None else None,
        date_start=when[0] if when else None,
        date_end=when[1] if when else None,
        date_precision=when[2] if when else None,
        fatalities=toll.value if toll else None,
        fatalities_low=toll.low if toll else None,
        fatalities_high=toll.high if toll else None,
        fatalities_text=toll.text if toll else None,
        modality=mode,
        plover=_plover(candidate.label, actors.actor2),
        cameo=on.SUB_EVENT_TYPES[candidate.label].cameo,
        sources=(
            SourceSpan(
                article=index.article_id,
                start=sentence.start_char,
                end=sentence.start_char + len(text),
                text=text,
            ),
        ),
    )


__all__ = ["extract_events", "modality", "roles_of"]
