"""The article as the events code reads it: its records indexed by character offsets.

``build_index`` gathers the article's entities, places, dates and figures, its
dateline, its focus country (the most named country of its places) and its focus
places (most named towns first). ``sentences`` yields the Doc's sentences with the
lead paragraph parsed again without its dateline, which misleads the parser.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from spacy.tokens import Doc, Span, Token

from crosswire.actors import ActorDictionary, Branch, load_actor_dictionary
from crosswire.actors.grammar import seat_of
from crosswire.model import (
    Analysis,
    Article,
    DateMention,
    DatePrecision,
    Entity,
    Figure,
    Place,
)
from crosswire.nlp import doc_text, load_nlp

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
    "locality": 0,
    "admin2": 1,
    "admin1": 2,
    "region": 3,
    "sea": 3,
    "river": 3,
    "country": 4,
    "continent": 5,
}


AREA_RANK = 1  # this rank and above are areas a town lies in


# A tagger's person or organisation over a place name is the place, not an actor; states,
# armed forces and groups named after a country or town are actors the actors stage chose.
_NOT_OVER_PLACES = frozenset(["person", "organisation"])


_FURNITURE_WORDS = frozenset(["photo", "photos", "tags", "gmt", "print", "tweet", "views"])


# "US-led", "London-based", "Iran-backed": the place names an actor.
ACTOR_SUFFIX = re.compile(
    r"^-(?:led|based|backed|supported|sponsored|run|allied|born|formed|trained|funded|armed)\b",
    re.I,
)
# "troops loyal to Damascus", "forces backed by Moscow": the place stands for a government.
_FOR_GOVERNMENT = re.compile(
    r"\b(?:loyal\s+to|allied\s+(?:to|with)|backed\s+by|supported\s+by|ties\s+with)\s+$", re.I
)
# Verbs whose object is a government addressed, not a scene: "blames Damascus".
_ADDRESS_VERBS = frozenset(
    [
        "blame",
        "accuse",
        "urge",
        "warn",
        "tell",
        "call",
        "ask",
        "press",
        "condemn",
        "criticise",
        "criticize",
        "support",
        "back",
        "pressure",
        "hold",
        "sanction",
        "invite",
        "thank",
    ]
)
# Lead characters (the title and first sentences) whose places count double for focus.
_LEAD_CHARS = 400

# Places whose country code says little about whose civilians were hit.
NOT_NATIONAL = frozenset({"sea", "region", "continent", "river"})


@dataclass(slots=True)
class ArticleIndex:
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
    stamps: frozenset[int] = frozenset()  # starts of the dates stamping the page (dating)
    # The country of the places the story is set in (its scenes, else its dateline's), never
    # one guessed from the state forces it names: whose the unnamed victims are.
    scene_country: str | None = None
    # Names the article calls a town or village that no place covers ("the village of X"
    # on no map), read once by events.location on first use.
    # The article's towns on no map: each word of a name -> the name (events.location).
    unplaced_towns: dict[str, str] | None = None

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
                place.id == within.id or rank(place) >= rank(within) or not inside(within, place)
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
        # Both maps are keyed by id (the content hash, costly to recompute per entry).
        key = entity.id
        existing = self.known.get(key)
        if existing is None:
            existing = self.added.setdefault(key, entity)
        return existing


@cache
def _dictionary() -> ActorDictionary:
    return load_actor_dictionary()


def rank(place: Place) -> int:
    return _FEATURE_RANK.get(place.feature or "", 2)


def inside(area: Place, place: Place) -> bool:
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


def day_of(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _placed(doc: Doc, analysis: Analysis) -> tuple[list[tuple[int, int, Place]], int, Place | None]:
    """The article's place mentions in text order, where its dateline ends, and the
    dateline's place."""
    places = sorted(
        (
            (m.start, m.end, place)
            for place in analysis.places
            for m in place.mentions
            if m.article == analysis.article
        ),
        key=lambda item: item[0],
    )
    match = _DATELINE.match(doc_text(doc))
    dateline_end = match.end() if match is not None else 0
    dateline_place = next((p for s, _e, p in places if s < dateline_end), None)
    return places, dateline_end, dateline_place


def build_index(doc: Doc, analysis: Analysis, article: Article | None) -> ArticleIndex:
    entities = [
        (m.start, m.end, entity)
        for entity in analysis.entities
        for m in entity.mentions
        if m.article == analysis.article
    ]
    places, dateline_end, dateline_place = _placed(doc, analysis)
    # An unlinked "organisation" that is really a town ("attacked Hama") is the place.
    entities = [
        (start, end, entity)
        for start, end, entity in entities
        if entity.canonical_key
        or not any(p_start <= start and end <= p_end for p_start, p_end, _p in places)
    ]
    focus_places = _focus_places(
        [
            (s, p)
            for s, e, p in places
            if s >= dateline_end and not _stands_for_actor(doc, s, e, p.feature == "capital")
        ],
        lead_end=dateline_end + _LEAD_CHARS,
    )
    scene = _scene_country(doc, places, dateline_end, dateline_place)
    return ArticleIndex(
        article_id=analysis.article,
        text=doc_text(doc),
        entities=entities,
        places=places,
        dates=list(analysis.dates),
        figures=list(analysis.figures),
        published=_published(article),
        focus_country=_focus_country(places, entities, dateline_end, scene),
        scene_country=scene,
        dateline_end=dateline_end,
        dateline_place=dateline_place,
        focus_places=focus_places,
        known={e.id: e for e in analysis.entities},
        outlet=(article.outlet or "").casefold() if article is not None else "",
    )


_STATE_KINDS = frozenset(["government", "military", "police"])


def _scene_country(
    doc: Doc, places: list[tuple[int, int, Place]], dateline_end: int, dateline: Place | None
) -> str | None:
    """The most named country of the story's scenes (places that stand for no actor), else
    the dateline's; None when the text places nothing."""
    scenes = Counter(
        p.country_code
        for s, e, p in places
        if s >= dateline_end
        and p.country_code
        and not _stands_for_actor(doc, s, e)
        and not (p.feature == "country" and on_border(doc, s, e))
    )
    if scenes:
        return scenes.most_common(1)[0][0]
    if dateline is not None and dateline.country_code:
        return dateline.country_code
    return None


def scene_country(doc: Doc, analysis: Analysis) -> str | None:
    """The country of the article's scenes from its resolved places (as ``build_index``
    reads it): whose the unnamed civilians and gunmen of the story are."""
    return _scene_country(doc, *_placed(doc, analysis))


def _focus_country(
    places: list[tuple[int, int, Place]],
    entities: list[tuple[int, int, Entity]],
    dateline_end: int,
    scene: str | None,
) -> str | None:
    """The country the story is set in: the most named country of its scenes, leaving out
    places that stand for an actor ("the UK-based monitor", "Washington said"); then of
    the dateline's; then the state forces it names; then any place."""
    if scene is not None:
        return scene
    named = [(s, e, p) for s, e, p in places if s >= dateline_end and p.country_code]
    # Only places that stand for actors: the story's country is not theirs ("a London-based
    # group said gunmen killed 5"); the state forces it names say more.
    states: Counter[str] = Counter(
        code for _s, _e, e in entities if e.kind in _STATE_KINDS and (code := e.country_code)
    )
    countries = states or Counter(code for _s, _e, p in named if (code := p.country_code))
    return countries.most_common(1)[0][0] if countries else None


def in_aside(text: str, start: int) -> bool:
    """Whether an offset lies inside a short aside in brackets: "(banned in Russia)"."""
    before = text[max(0, start - 40) : start]
    return "(" in before and ")" not in before[before.rfind("(") :]


_BOUNDARY_NOUNS = frozenset(["border", "frontier", "boundary", "crossing", "borderline"])


def on_border(doc: Doc, start: int, end: int) -> bool:
    """A country named as one side of a border: "the Syria-Turkey border", "a crossing
    with Turkey", "the crossing between Turkey and Idlib". The scene is the border, most
    often told from the story's own side, so the neighbour is no scene of the story."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    token = span.root
    for _ in range(3):
        if token.dep_ not in ("compound", "pobj", "prep", "conj", "nmod", "amod"):
            return False
        token = token.head
        if token.lemma_.lower() in _BOUNDARY_NOUNS:
            return True
    return False


# Words of telling: "a report issued in New York", "told reporters in Geneva".
_TELLING = frozenset(
    [
        "say",
        "tell",
        "speak",
        "issue",
        "release",
        "publish",
        "announce",
        "statement",
        "conference",
        "briefing",
        "interview",
    ]
)


def told_at(token: Token) -> bool:
    """A place where something was said or published, not where it happened: "a report
    issued in New York", "told a news conference in Geneva"."""
    if token.dep_ != "pobj" or token.head.lower_ not in ("in", "at"):
        return False
    return token.head.head.lemma_.lower() in _TELLING


def _stands_for_actor(doc: Doc, start: int, end: int, capital: bool = False) -> bool:
    """A mention that names a government or an actor, not a scene: "Moscow said", "loyal
    to Damascus", "US-led", or one inside an aside in brackets ("(banned in Russia)")."""
    text = doc_text(doc)
    if ACTOR_SUFFIX.match(text[end : end + 12]) or _FOR_GOVERNMENT.search(
        text[max(0, start - 25) : start]
    ):
        return True
    if in_aside(text, start):
        return True
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span.root
    if root.dep_ == "poss" or told_at(root) or seat_of(root):
        return True
    if root.dep_ == "nsubj" and root.head.pos_ in ("VERB", "AUX"):
        # "Moscow said"; a capital even with "be": "Damascus was to blame".
        return root.head.lemma_ != "be" or capital
    # "US blames Damascus", "urged Moscow to": a capital as whom one addresses.
    return capital and root.dep_ in ("dobj", "dative") and root.head.lemma_ in _ADDRESS_VERBS


def _focus_places(named: list[tuple[int, Place]], lead_end: int = 0) -> list[Place]:
    """The article's places, most named towns first, then areas (countries left out); a
    mention in the lead counts twice."""
    counts: Counter[str] = Counter()
    for start, place in named:
        if place.feature != "country":
            counts[place.id] += 2 if start < lead_end else 1
    first_seen: dict[str, tuple[int, Place]] = {}
    for start, place in named:
        first_seen.setdefault(place.id, (start, place))
    return [
        first_seen[pid][1]
        for pid in sorted(
            counts,
            key=lambda pid: (
                min(rank(first_seen[pid][1]), AREA_RANK),  # towns before areas
                -counts[pid],
                first_seen[pid][0],
            ),
        )
    ]


def sentences(doc: Doc, index: ArticleIndex) -> Iterator[Span]:
    """The Doc's sentences; the lead paragraph parsed again without its dateline."""
    if not index.dateline_end:
        yield from doc.sents
        return
    paragraph_end = doc_text(doc).find("\n", index.dateline_end)
    if paragraph_end < 0:
        paragraph_end = len(doc_text(doc))
    lead = " " * index.dateline_end + doc_text(doc)[index.dateline_end : paragraph_end]
    yield from load_nlp()(lead).sents
    for sentence in doc.sents:
        if sentence.start_char >= paragraph_end:
            yield sentence
