"""Every record crosswire passes between stages.

Records are frozen, keyword-only dataclasses. A stage never mutates a record:
it returns a new one (``dataclasses.replace``). Ids are content hashes, so the
same input always yields the same ids and re-ingesting changes nothing.
Offsets (``start``/``end``) always refer to the article's clean ``text``.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Literal

DatePrecision = Literal["day", "week", "month", "year"]
ClaimStatus = Literal["corroborated", "single", "contested"]
PlaceRole = Literal["location", "metonym", "unresolved", "area"]
# How a text reports an event; only "asserted" events are coded as happened (see Event).
Modality = Literal[
    "asserted",
    "negated",
    "hypothetical",
    "planned",
    "threatened",
    "denied",
    "reaction",
    "cumulative",
    "caption",
    "ongoing",
]


def content_id(kind: str, *parts: object) -> str:
    """A short, stable id: ``kind`` prefix plus a hash of the parts.

    The prefix keeps ids readable in tables ("art_3f9c..."), the hash keeps
    them stable across runs and machines.
    """
    digest = hashlib.sha256()
    for part in parts:
        digest.update(repr(part).encode("utf-8"))
        digest.update(b"\x1f")
    return f"{kind}_{digest.hexdigest()[:16]}"


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# --------------------------------------------------------------------------
# Ingest


@dataclass(frozen=True, kw_only=True, slots=True)
class InputRef:
    """One input file, or standard input, found from what the user named."""

    source: str  # the path as given (undecodable bytes escaped as \\xNN), or "-" for stdin
    sha256: str = ""  # of the bytes; filled by discovery
    size: int = 0
    data: bytes | None = None  # only for stdin, which cannot be re-read
    path: str | None = None  # the path to open, when ``source`` had to be escaped


@dataclass(frozen=True, kw_only=True, slots=True)
class RawDocument:
    """One document found in an input, before extraction.

    A file may hold many (JSON lines, WARC, RSS); ``position`` tells them
    apart. ``content`` is decoded text: HTML markup for ``html``, plain text
    for everything else. Metadata the container declared rides along.
    """

    input_sha256: str
    source: str  # path, or path#position, or the document's own URL
    position: str  # "0", "3", "3.1" ...
    format: str  # txt, html, json, warc, rss
    content: str
    encoding: str = "utf-8"
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None  # as declared, any format
    language: str | None = None  # as declared
    # (reason code, detail) for what a reader repaired or cut: bytes replaced, a truncation.
    notes: tuple[tuple[str, str], ...] = ()

    @property
    def id(self) -> str:
        return content_id("doc", self.input_sha256, self.position)


@dataclass(frozen=True, kw_only=True, slots=True)
class RemovedBlock:
    """A paragraph taken out of the body, kept so cleaning can be audited."""

    text: str
    reason: str  # a reason code: age_banner, related_teaser, ...
    score: float = 1.0  # how sure the cleaner was that it is furniture


@dataclass(frozen=True, kw_only=True, slots=True)
class FieldOrigin:
    """Where a metadata value came from: metadata, html-meta, byline, footer, url, dateline."""

    field: str
    origin: str
    evidence: str = ""


@dataclass(frozen=True, kw_only=True, slots=True)
class Article:
    """A cleaned article, the unit every later stage works on."""

    input_sha256: str
    position: str
    source: str
    format: str
    text: str
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    url: str | None = None
    published: str | None = None  # ISO date (YYYY-MM-DD, YYYY-MM or YYYY)
    published_precision: DatePrecision | None = None
    language: str | None = None
    removed: tuple[RemovedBlock, ...] = ()
    origins: tuple[FieldOrigin, ...] = ()
    encoding: str = "utf-8"

    @property
    def id(self) -> str:
        # Keyed by the input's bytes and the position inside it, so a better
        # cleaner re-runs over the same ids instead of duplicating articles.
        return content_id("art", self.input_sha256, self.position)

    @property
    def is_english(self) -> bool:
        return self.language in (None, "en")

    def origin_of(self, field_name: str) -> str | None:
        for origin in self.origins:
            if origin.field == field_name:
                return origin.origin
        return None


@dataclass(frozen=True, kw_only=True, slots=True)
class Rejection:
    """An input (or part of one) crosswire could not use, and why.

    ``reason`` is a stable code (see ``crosswire.errors.REASONS``); ``stage``
    names the stage that rejected it.
    """

    source: str
    stage: str
    reason: str
    detail: str = ""
    input_sha256: str = ""
    position: str = ""

    @property
    def id(self) -> str:
        return content_id("rej", self.source, self.input_sha256, self.position, self.reason)


# --------------------------------------------------------------------------
# Understanding


@dataclass(frozen=True, kw_only=True, slots=True)
class Mention:
    article: str  # article id
    start: int
    end: int
    text: str


@dataclass(frozen=True, kw_only=True, slots=True)
class Entity:
    """An actor, person or organisation, resolved across aliases."""

    name: str  # canonical name
    kind: str  # actor kinds: state_forces, rebel_group, ... ; or person, organisation
    aliases: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()
    inter_code: int | None = None  # ACLED actor type, 1-8
    country_code: str | None = None
    canonical_key: str = ""  # dictionary key when linked; "" for unlinked entities
    affiliation: str | None = None  # persons: entity id of the actor they act or speak for

    @property
    def id(self) -> str:
        return content_id("ent", self.canonical_key or self.name.casefold(), self.kind)


@dataclass(frozen=True, kw_only=True, slots=True)
class Place:
    name: str
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    country_code: str | None = None
    admin1: str | None = None
    # city, admin1, country, site ...; "locality": a town the text names that no map holds,
    # drawn at its province's point or the town it is told near (ACLED geo_precision 2).
    feature: str | None = None
    mentions: tuple[Mention, ...] = ()
    # How sure the geoparser is that the mention is this place, in [0, 1] (geo.confidence).
    score: float | None = None
    # "location": on the map and usable by events; "metonym": the place stands for its
    # government or people ("Moscow said"); "unresolved": scored under the threshold;
    # "area": a wide area no one point stands for ("the Middle East", "Latin America").
    # Only locations are in Analysis.places; the others are kept in Analysis.unplaced.
    role: PlaceRole = "location"

    @property
    def id(self) -> str:
        if self.feature == "locality":
            # A town on no map, placed by its name and province: namesakes elsewhere differ,
            # spellings of one name ("Urum al-Kubra", "Urum Alkobra") do not.
            return content_id("plc", _spelling_key(self.name), self.country_code, self.admin1)
        return content_id(
            "plc", self.geonameid if self.geonameid is not None else self.name.casefold()
        )


def _spelling_key(name: str) -> str:
    """A name's consonants, without accents, the Arabic article or doubled letters: one key
    for the transliterations of one name."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    words = re.findall(r"[a-z]+", "".join(c for c in decomposed if c.isascii()))
    kept = words[:1] + [
        re.sub(r"^[ae]l(?=[a-z]{3})", "", w) for w in words[1:] if w not in _ARTICLES
    ]
    consonants = re.sub(r"[aeiouy]", "", "".join(kept))
    return re.sub(r"(.)\1+", r"\1", consonants) or name.casefold()


_ARTICLES = frozenset(["al", "el", "ad", "as", "an", "ash", "ar", "at", "az", "es", "ez"])


@dataclass(frozen=True, kw_only=True, slots=True)
class DateMention:
    """A date expression resolved against the article's own date."""

    mention: Mention
    start_date: str  # ISO date
    end_date: str  # ISO date
    precision: DatePrecision


@dataclass(frozen=True, kw_only=True, slots=True)
class Figure:
    """A number found in text, exact or vague, with what it counts and who states it."""

    mention: Mention
    value: float | None  # the conservative coded value (ACLED: "dozens" -> 12)
    low: float | None
    high: float | None
    unit: str | None = None  # percent, people, sorties ...
    counted: str | None = None  # what is counted: civilians killed, troops ...
    vague: bool = False
    speaker: str | None = None  # entity id or name of who states it
    outlet: str | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class Quote:
    mention: Mention
    speaker: str | None  # entity id or name
    cue: str  # said, told, claimed ...
    direct: bool


@dataclass(frozen=True, kw_only=True, slots=True)
class Analysis:
    """Everything the understanding stages found in one article.

    Entities and places carry only their mentions in this article; the
    corpus-level ``resolve`` stage merges them across articles by id.
    """

    article: str
    entities: tuple[Entity, ...] = ()
    places: tuple[Place, ...] = ()
    # Place mentions kept for audit only: metonyms and resolutions scored under the
    # threshold. Never on the map, never an event's place.
    unplaced: tuple[Place, ...] = ()
    dates: tuple[DateMention, ...] = ()
    figures: tuple[Figure, ...] = ()
    quotes: tuple[Quote, ...] = ()
    # Events as this one article reports them; the corpus-level `fuse` stage
    # merges reports of the same event across articles.
    events: tuple[Event, ...] = ()


# --------------------------------------------------------------------------
# Events, claims, stories


@dataclass(frozen=True, kw_only=True, slots=True)
class SourceSpan:
    article: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, kw_only=True, slots=True)
class Event:
    event_type: str
    sub_event_type: str
    actor1: str | None = None  # entity id
    actor2: str | None = None
    assoc_actor1: tuple[str, ...] = ()
    assoc_actor2: tuple[str, ...] = ()
    place: str | None = None  # place id
    date_start: str | None = None
    date_end: str | None = None
    date_precision: DatePrecision | None = None
    # The date expression the date was read from; None when it was inferred (from an
    # earlier sentence or the article's own date).
    date_text: str | None = None
    # The stated day is the day a report was made ("a monitor said on Tuesday", "the toll
    # rose to 40 on Friday"): the incident lies on or before it.
    date_reported: bool = False
    fatalities: int | None = None
    fatalities_low: int | None = None
    fatalities_high: int | None = None
    fatalities_text: str | None = None
    # asserted, negated, hypothetical, planned, threatened, denied; reaction (condemned,
    # denounced), cumulative (a tally over weeks: "since April"), caption (a photo's),
    # ongoing (a state or effort over time: "has been trying to seize X for two years")
    modality: Modality = "asserted"
    plover: str | None = None
    cameo: str | None = None
    sources: tuple[SourceSpan, ...] = ()
    conflicts: tuple[tuple[str, str], ...] = ()  # (field, json of per-source values)
    source_count: int = 1  # independent sources; syndicated copies count once
    # UCDP's best estimate across sources (fuse stage); `fatalities` stays ACLED's
    # conservative figure and `fatalities_low`/`fatalities_high` the reported range.
    fatalities_best: int | None = None
    # A passing mention, not a report: the article names the event as history or as the
    # context of another event. Fused events: every report of it is such a mention.
    background: bool = False
    # Fused events: passages that mention the event in passing; they are not sources.
    mentions: tuple[SourceSpan, ...] = ()
    # ACLED's civilian_targeting: the event targeted civilians (an air strike that
    # killed civilians stays Explosions/Remote violence with this set).
    civilian_targeting: bool = False
    # The sub-event type the article told it as, where the events stage coded it by the
    # means told around it (a bare killing of civilians beside air strikes); None: as
    # told. Fusion compares reports by it, so recoding moves no report between events.
    reported_type: str | None = None
    # How sure the events stage is that this reports an event that happened, in [0, 1]
    # (crosswire.events.confidence), and the reasons: "name=value" features, the trigger.
    confidence: float | None = None
    reasons: tuple[str, ...] = ()

    @property
    def id(self) -> str:
        # Anchored on the first source, so a fused event keeps its id as later articles
        # join it; one sentence can report two events of one sub-type ("jets struck X and
        # hit Y"), which the trigger and the modality tell apart (for a fused event, its
        # best report's trigger).
        first = self.sources[0] if self.sources else None
        anchor = (first.article, first.start) if first else (self.date_start, self.place)
        trigger = next((r for r in self.reasons if r.startswith("trigger=")), None)
        extra = [trigger, self.modality] if trigger else []  # unscored events: as before
        return content_id("evt", self.sub_event_type, *anchor, *extra)


@dataclass(frozen=True, kw_only=True, slots=True)
class Claim:
    text: str
    value: float | None = None
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    about: str | None = None
    speaker: str | None = None
    status: ClaimStatus = "single"
    conflicts_with: tuple[str, ...] = ()
    sources: tuple[SourceSpan, ...] = ()
    outlets: tuple[str, ...] = ()
    event: str | None = None  # the fused event the claim is about, when there is one

    @property
    def id(self) -> str:
        anchor: list[object] = [(s.article, s.start) for s in self.sources] or [self.text]
        return content_id("clm", self.about, *anchor)


@dataclass(frozen=True, kw_only=True, slots=True)
class SummarySentence:
    text: str
    sources: tuple[SourceSpan, ...]


@dataclass(frozen=True, kw_only=True, slots=True)
class Story:
    title: str
    articles: tuple[str, ...]
    summary: tuple[SummarySentence, ...] = ()
    events: tuple[str, ...] = ()

    @property
    def id(self) -> str:
        return content_id("sty", *sorted(self.articles))


@dataclass(frozen=True, kw_only=True, slots=True)
class ArticleGroup:
    """Articles that are copies of one another (exact or syndicated)."""

    kind: Literal["duplicate", "syndicated"]
    articles: tuple[str, ...]  # the first is the earliest / canonical copy

    @property
    def id(self) -> str:
        return content_id("grp", self.kind, *sorted(self.articles))


# --------------------------------------------------------------------------
# The state passed along the pipeline


@dataclass(frozen=True, kw_only=True, slots=True)
class Corpus:
    """What the pipeline knows so far. Each stage returns a new Corpus.

    A stage declares which of these fields it needs and which it provides;
    the pipeline checks the order before anything runs.
    """

    inputs: tuple[InputRef, ...] = ()
    documents: tuple[RawDocument, ...] = ()
    articles: tuple[Article, ...] = ()
    rejections: tuple[Rejection, ...] = ()
    groups: tuple[ArticleGroup, ...] = ()
    analyses: tuple[Analysis, ...] = ()
    entities: tuple[Entity, ...] = ()
    places: tuple[Place, ...] = ()
    events: tuple[Event, ...] = ()
    claims: tuple[Claim, ...] = ()
    stories: tuple[Story, ...] = ()
    # Parsed spaCy Docs by article id. Transient: they live only within one
    # batch of document stages and are never stored.
    docs: tuple[tuple[str, object], ...] = field(default=())


CORPUS_FIELDS = tuple(Corpus.__dataclass_fields__)
