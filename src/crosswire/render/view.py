"""What a reader of the brief sees, worked out once from the brief dict.

The Markdown and the HTML brief render the same view, so both say the same
thing: each story with its events in date order, the claims its articles
make, the actors and places they mention, and which outlet reports what.
The view reads only the brief dict (the ``brief.json`` contract), never
records, so a brief can be re-rendered from its JSON alone.
"""

from __future__ import annotations

import calendar
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from crosswire.events.confidence import shown

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
UNKNOWN_OUTLET = "(no outlet)"
STATUS_ORDER = {"contested": 0, "corroborated": 1, "single": 2}

Record = dict[str, Any]


# --------------------------------------------------------------------------
# Dates


@dataclass(frozen=True, slots=True)
class PartialDate:
    year: int
    month: int | None = None
    day: int | None = None

    @property
    def full(self) -> bool:
        return self.month is not None and self.day is not None


def parse_partial(value: str | None) -> PartialDate | None:
    """An ISO date that may stop at the month or the year; None when it is not one."""
    if not value:
        return None
    parts = value.split("-")
    try:
        numbers = [int(p) for p in parts[:3]]
    except ValueError:
        return None
    if len(numbers) == 3:
        try:
            date(*numbers)
        except ValueError:
            return None
        return PartialDate(*numbers)
    if len(numbers) == 2 and 1 <= numbers[1] <= 12:
        return PartialDate(numbers[0], numbers[1])
    return PartialDate(numbers[0])


def format_date(value: PartialDate) -> str:
    if value.month is None:
        return str(value.year)
    if value.day is None:
        return f"{MONTHS[value.month - 1]} {value.year}"
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def _day_range(start: PartialDate, end: PartialDate) -> str:
    if start == end or not (start.full and end.full):
        text = format_date(start)
        return text if start == end else f"{text} – {format_date(end)}"
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{format_date(end)}"
    if start.year == end.year:
        return f"{start.day} {MONTHS[start.month - 1]} – {format_date(end)}"  # type: ignore[operator]
    return f"{format_date(start)} – {format_date(end)}"


def _month_phrase(start: PartialDate, end: PartialDate) -> str:
    if start.month is None:
        return str(start.year)
    month = f"{MONTHS[start.month - 1]} {start.year}"
    if (end.year, end.month) != (start.year, start.month):
        if end.month is None:
            return month
        if end.year == start.year:
            return f"{MONTHS[start.month - 1]}–{MONTHS[end.month - 1]} {start.year}"
        return f"{month} – {MONTHS[end.month - 1]} {end.year}"
    if start.day is None or end.day is None:
        return month
    last = calendar.monthrange(start.year, start.month)[1]
    if start.day == 1 and end.day == last:
        return month
    # Thirds of a month, as reports say them: 1-10 early, 11-20 mid, 21-end late.
    if end.day <= 10:
        return f"early {month}"
    if start.day >= 21:
        return f"late {month}"
    if start.day >= 11 and end.day <= 20:
        return f"mid {month}"
    return month


def format_when(start: str | None, end: str | None, precision: str | None) -> str:
    """A date as precisely as it is known: "4 Mar 2026", "early Mar 2026 (month)"."""
    first = parse_partial(start)
    if first is None:
        return "date unknown"
    last = parse_partial(end) or first
    if precision == "year":
        span = str(first.year) if last.year == first.year else f"{first.year}–{last.year}"
        return f"{span} (year)"
    if precision == "month":
        return f"{_month_phrase(first, last)} (month)"
    if precision == "week":
        return f"{_day_range(first, last)} (week)"
    return _day_range(first, last)


def _number(value: object) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def claim_value(claim: Record) -> str:
    """A claim's figure with its range and unit: "12 people", "at least 12 people", "12 (9–15)"."""
    value, low, high, unit = (
        claim.get("value"),
        claim.get("low"),
        claim.get("high"),
        claim.get("unit"),
    )
    if value is None and low is None and high is None:
        return ""
    if low is not None and high is None:
        text = (
            f"at least {_number(low)}"
            if value in (None, low)
            else f"{_number(value)} (at least {_number(low)})"
        )
    elif high is not None and low is None:
        text = (
            f"at most {_number(high)}"
            if value in (None, high)
            else f"{_number(value)} (at most {_number(high)})"
        )
    elif low is not None and (low, high) != (value, value):
        shown = f"{_number(value)} " if value is not None else ""
        text = f"{shown}({_number(low)}–{_number(high)})"
    else:
        text = _number(value)
    return f"{text} {unit}" if unit else text


def event_sort_key(event: Record) -> tuple[str, str, str]:
    return (event.get("date_start") or "9999", event.get("date_end") or "", event["id"])


# --------------------------------------------------------------------------
# The view


@dataclass(frozen=True, slots=True)
class ActorRow:
    entity: Record
    mentions: int
    outlets: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PlaceRow:
    place: Record
    mentions: int
    events: tuple[str, ...]  # event labels (E1, E2 ...) at this place


@dataclass(frozen=True, slots=True)
class Coverage:
    """Which outlet reports which event and claim: "source", "copy" (only a republished copy)."""

    outlets: tuple[str, ...]
    events: dict[str, dict[str, str]]  # outlet -> event id -> how
    claims: dict[str, dict[str, str]]  # outlet -> claim id -> how

    def missing_events(self, outlet: str, event_ids: Iterable[str]) -> list[str]:
        return [e for e in event_ids if e not in self.events.get(outlet, {})]

    def missing_claims(self, outlet: str, claim_ids: Iterable[str]) -> list[str]:
        return [c for c in claim_ids if c not in self.claims.get(outlet, {})]


@dataclass(slots=True)
class StoryView:
    anchor: str  # unique within one rendered document
    title: str
    articles: tuple[str, ...]
    summary: list[Record]
    events: list[Record]
    claims: list[Record]
    event_labels: dict[str, str] = field(default_factory=dict)
    claim_labels: dict[str, str] = field(default_factory=dict)
    citations: list[str] = field(default_factory=list)  # cited article ids, in footnote order
    actors: list[ActorRow] = field(default_factory=list)
    places: list[PlaceRow] = field(default_factory=list)
    coverage: Coverage = field(default_factory=lambda: Coverage((), {}, {}))
    story_id: str | None = None

    def conflicting_claims(self, claim: Record) -> list[str]:
        """The ids a claim conflicts with, those of this story first in label order."""
        ids = list(claim.get("conflicts_with", []))
        order = list(self.claim_labels)
        return sorted(ids, key=lambda c: (order.index(c) if c in order else len(order), c))

    def event_anchor(self, event_id: str) -> str:
        return f"{self.anchor}-{event_id}"

    def claim_anchor(self, claim_id: str) -> str:
        return f"{self.anchor}-{claim_id}"

    def citation_number(self, article_id: str) -> int:
        return self.citations.index(article_id) + 1


class BriefView:
    """Indexes over one brief and the stories as a reader sees them."""

    def __init__(self, brief: Record) -> None:
        self.brief = brief
        self.articles: dict[str, Record] = {a["id"]: a for a in brief.get("articles", [])}
        self.entities: dict[str, Record] = {e["id"]: e for e in brief.get("entities", [])}
        self.places: dict[str, Record] = {p["id"]: p for p in brief.get("places", [])}
        # What a reader sees: happened events at or above the confidence threshold
        # (crosswire.events.confidence.shown); brief.json keeps every event.
        every = brief.get("events", [])
        self.events: dict[str, Record] = {e["id"]: e for e in every if shown(e)}
        self.hidden_events = len(every) - len(self.events)
        self.claims: dict[str, Record] = {c["id"]: c for c in brief.get("claims", [])}
        self.groups: list[Record] = list(brief.get("groups", []))
        self.rejections: list[Record] = list(brief.get("rejections", []))
        # A republished copy's id -> the first (canonical) article of its group.
        self.copy_of: dict[str, str] = {
            copy: group["articles"][0] for group in self.groups for copy in group["articles"][1:]
        }
        # What each article holds, so a story's tables cost its own articles only.
        self.entity_mentions = _mentions_by_article(self.entities.values())
        self.place_mentions = _mentions_by_article(self.places.values())
        self.claims_by_article: dict[str, list[str]] = {}
        for claim in self.claims.values():
            for article in self.source_articles(claim):
                self.claims_by_article.setdefault(article, []).append(claim["id"])
        self.stories = self._stories()
        self._place_spans: dict[str, list[tuple[int, int, str]]] | None = None
        self._cache: dict[str, Any] = {}

    def cached(self, key: str, compute: Callable[[], Any]) -> Any:
        """A value worked out once per view (renderers share indexes across pages)."""
        if key not in self._cache:
            self._cache[key] = compute()
        return self._cache[key]

    # --- lookups

    def outlet(self, article_id: str) -> str:
        article = self.articles.get(article_id)
        return (article or {}).get("outlet") or UNKNOWN_OUTLET

    def entity_name(self, entity_id: str | None) -> str:
        if not entity_id:
            return ""
        return str(self.entities.get(entity_id, {}).get("name") or entity_id)

    def speaker(self, speaker: str | None) -> str:
        return self.entity_name(speaker) if speaker in self.entities else speaker or ""

    def place(self, place_id: str | None) -> Record | None:
        return self.places.get(place_id) if place_id else None

    def places_in(self, span: Record) -> list[Record]:
        """The places whose mentions fall inside a passage, in text order."""
        if self._place_spans is None:
            index: dict[str, list[tuple[int, int, str]]] = {}
            for place in self.places.values():
                for mention in place.get("mentions", []):
                    index.setdefault(mention["article"], []).append(
                        (mention["start"], mention["end"], place["id"])
                    )
            self._place_spans = index
        spans = sorted(self._place_spans.get(span["article"], []))
        found = [
            self.places[place_id]
            for start, end, place_id in spans
            if span["start"] <= start and end <= span["end"]
        ]
        return list({p["id"]: p for p in found}.values())

    def place_name(self, place_id: str | None) -> str:
        place = self.place(place_id)
        return str(place["name"]) if place else (place_id or "")

    def when(self, event: Record) -> str:
        return format_when(
            event.get("date_start"), event.get("date_end"), event.get("date_precision")
        )

    def event_title(self, event: Record) -> str:
        where = self.place_name(event.get("place"))
        return f"{event['sub_event_type']}, {where}" if where else str(event["sub_event_type"])

    def source_articles(self, record: Record) -> list[str]:
        return list(dict.fromkeys(span["article"] for span in record.get("sources", [])))

    def claim_outlets(self, claim: Record) -> list[str]:
        outlets = list(claim.get("outlets") or [])
        outlets += [self.outlet(a) for a in self.source_articles(claim)]
        return list(dict.fromkeys(outlets))

    def is_copy(self, article_id: str) -> bool:
        """Whether this article republishes another outlet's piece."""
        original = self.copy_of.get(article_id)
        return original is not None and self.outlet(original) != self.outlet(article_id)

    def conflicts(self, event: Record) -> list[tuple[str, str]]:
        """(field, what each source says) for the fields where sources disagree.

        The fuse stage stores each field's values as JSON keyed by article id;
        an article that gives several values has a list of them.
        """
        described = []
        for name, raw in event.get("conflicts", []):
            try:
                values = json.loads(raw)
            except (TypeError, ValueError):
                described.append((str(name), str(raw)))
                continue
            if isinstance(values, dict):
                text = "; ".join(
                    f"{self._value_text(name, v)} ({self._who(k)})" for k, v in values.items()
                )
            else:
                text = self._value_text(name, values)
            described.append((str(name), text))
        return described

    def _value_text(self, field_name: str, value: object) -> str:
        if isinstance(value, list):
            # One article's actors are a pair; any other list is several values.
            joiner = " vs " if field_name == "actors" else " or "
            return joiner.join(self._value_text("", v) for v in value)
        if isinstance(value, dict):
            if "fatalities" in value:
                low, high = value.get("low"), value.get("high")
                best = "?" if value["fatalities"] is None else value["fatalities"]
                return f"{best} ({'?' if low is None else low}–{'?' if high is None else high})"
            return ", ".join(f"{k} {self._value_text('', v)}" for k, v in value.items())
        if isinstance(value, str) and value in self.entities:
            return self.entity_name(value)
        if isinstance(value, str) and value in self.places:
            return self.place_name(value)
        return "none" if value is None else str(value)

    def _who(self, key: str) -> str:
        return self.outlet(key) if key in self.articles else key

    # --- stories

    def _stories(self) -> list[StoryView]:
        views: list[StoryView] = []
        placed_events: set[str] = set()
        placed_claims: set[str] = set()
        for number, story in enumerate(self.brief.get("stories", []), start=1):
            articles = tuple(story.get("articles", []))
            events = sorted(
                (self.events[e] for e in story.get("events", []) if e in self.events),
                key=event_sort_key,
            )
            claims = self._claims_of(articles)
            placed_events.update(e["id"] for e in events)
            placed_claims.update(c["id"] for c in claims)
            views.append(
                self._finish(
                    StoryView(
                        anchor=f"story-{number}",
                        title=str(story.get("title") or "Untitled"),
                        articles=articles,
                        summary=list(story.get("summary", [])),
                        events=events,
                        claims=claims,
                        story_id=story.get("id"),
                    )
                )
            )
        rest_events = sorted(
            (e for e in self.events.values() if e["id"] not in placed_events), key=event_sort_key
        )
        rest_claims = [c for c in self.claims.values() if c["id"] not in placed_claims]
        if rest_events or rest_claims:
            articles = tuple(
                dict.fromkeys(
                    a for r in [*rest_events, *rest_claims] for a in self.source_articles(r)
                )
            )
            views.append(
                self._finish(
                    StoryView(
                        anchor="story-other",
                        title="Events and claims outside any story" if views else "All events",
                        articles=articles,
                        summary=[],
                        events=rest_events,
                        claims=sorted(rest_claims, key=_claim_key),
                    )
                )
            )
        return views

    def _claims_of(self, articles: Iterable[str]) -> list[Record]:
        found = {c for a in articles for c in self.claims_by_article.get(a, ())}
        return sorted((self.claims[c] for c in found), key=_claim_key)

    def _finish(self, view: StoryView) -> StoryView:
        view.event_labels = {e["id"]: f"E{i}" for i, e in enumerate(view.events, start=1)}
        view.claim_labels = {c["id"]: f"C{i}" for i, c in enumerate(view.claims, start=1)}
        view.citations = list(
            dict.fromkeys(s["article"] for sentence in view.summary for s in sentence["sources"])
        )
        view.actors = self._actors(view)
        view.places = self._places(view)
        view.coverage = self._coverage(view)
        return view

    def _actors(self, view: StoryView) -> list[ActorRow]:
        in_events: dict[str, list[Record]] = {}
        for event in view.events:
            for key in (
                event.get("actor1"),
                event.get("actor2"),
                *event.get("assoc_actor1", ()),
                *event.get("assoc_actor2", ()),
            ):
                if key:
                    in_events.setdefault(key, []).append(event)
        mentioned = _count_mentions(self.entity_mentions, view.articles)
        rows = []
        for entity_id in mentioned.keys() | in_events.keys():
            entity = self.entities.get(entity_id)
            if entity is None:
                continue
            sources = list(mentioned.get(entity_id, ())) or [
                a for e in in_events[entity_id] for a in self.source_articles(e)
            ]
            outlets = tuple(sorted({self.outlet(a) for a in sources}))
            count = sum(mentioned.get(entity_id, {}).values())
            rows.append(ActorRow(entity=entity, mentions=count, outlets=outlets))
        return sorted(rows, key=lambda r: (-r.mentions, str(r.entity["name"]).casefold()))

    def _places(self, view: StoryView) -> list[PlaceRow]:
        labels: dict[str, list[str]] = {}
        for event in view.events:
            if event.get("place"):
                labels.setdefault(event["place"], []).append(view.event_labels[event["id"]])
        mentioned = _count_mentions(self.place_mentions, view.articles)
        rows = [
            PlaceRow(
                self.places[place_id],
                sum(mentioned.get(place_id, {}).values()),
                tuple(labels.get(place_id, ())),
            )
            for place_id in mentioned.keys() | labels.keys()
            if place_id in self.places
        ]
        return sorted(rows, key=lambda r: (not r.events, -r.mentions, str(r.place["name"])))

    def _coverage(self, view: StoryView) -> Coverage:
        events: dict[str, dict[str, str]] = {}
        claims: dict[str, dict[str, str]] = {}
        for record, table in [
            *((e, events) for e in view.events),
            *((c, claims) for c in view.claims),
        ]:
            for article in self.source_articles(record):
                how = "copy" if self.is_copy(article) else "source"
                cell = table.setdefault(self.outlet(article), {})
                if cell.get(record["id"]) != "source":
                    cell[record["id"]] = how
        for claim in view.claims:
            for outlet in claim.get("outlets") or []:
                claims.setdefault(outlet, {}).setdefault(claim["id"], "source")
        outlets = {self.outlet(a) for a in view.articles} | set(events) | set(claims)
        return Coverage(tuple(sorted(outlets, key=str.casefold)), events, claims)


def _mentions_by_article(records: Iterable[Record]) -> dict[str, dict[str, int]]:
    """article id -> record id -> how often the article mentions the record."""
    index: dict[str, dict[str, int]] = {}
    for record in records:
        for mention in record.get("mentions", []):
            counts = index.setdefault(mention["article"], {})
            counts[record["id"]] = counts.get(record["id"], 0) + 1
    return index


def _count_mentions(
    index: dict[str, dict[str, int]], articles: Iterable[str]
) -> dict[str, dict[str, int]]:
    """record id -> article id -> mentions, over the given articles."""
    found: dict[str, dict[str, int]] = {}
    for article in dict.fromkeys(articles):
        for record_id, count in index.get(article, {}).items():
            found.setdefault(record_id, {})[article] = count
    return found


def _claim_key(claim: Record) -> tuple[str, int, float, str]:
    value = claim.get("value")
    return (
        claim.get("about") or "",
        STATUS_ORDER.get(claim.get("status", ""), 3),
        float(value) if value is not None else float("inf"),
        claim["text"],
    )


# --------------------------------------------------------------------------
# Evidence: the passage behind a record, with its arguments marked


@dataclass(frozen=True, slots=True)
class Mark:
    """A marked stretch of an evidence passage, offsets relative to the passage."""

    start: int
    end: int
    role: str  # actor, place, date, fatalities
    label: str  # what it stands for: "actor 1: Syrian army", "place: Aleppo"


def span_anchor(span: Record) -> str:
    """The id of a source passage inside its article's text: ``art_..-start-end``."""
    return f"{span['article']}-{span['start']}-{span['end']}"


def _within(mention: Record, span: Record) -> bool:
    return bool(
        mention.get("article") == span["article"]
        and span["start"] <= mention.get("start", -1)
        and mention.get("end", 1 << 60) <= span["end"]
    )


def _found(text: str, needle: str | None, role: str, label: str) -> list[Mark]:
    if not needle:
        return []
    at = text.find(needle)
    if at < 0:
        at = text.casefold().find(needle.casefold())
    return [Mark(at, at + len(needle), role, label)] if at >= 0 else []


def evidence_marks(view: BriefView, event: Record, span: Record) -> list[Mark]:
    """The event's arguments where this passage names them: actors, place, date, toll.

    Actors and the place come from their recorded mentions inside the passage;
    the date and toll from the expressions the event was read from. Overlaps
    keep the earlier mark.
    """
    marks: list[Mark] = []
    roles = [("actor1", "actor 1"), ("actor2", "actor 2")]
    keyed = [(event.get(key), label) for key, label in roles]
    keyed += [(a, "associated actor") for a in (*event.get("assoc_actor1", ()),)]
    keyed += [(a, "associated actor") for a in (*event.get("assoc_actor2", ()),)]
    for entity_id, label in keyed:
        entity = view.entities.get(entity_id or "")
        if entity is None:
            continue
        for mention in entity.get("mentions", []):
            if _within(mention, span):
                marks.append(
                    Mark(
                        mention["start"] - span["start"],
                        mention["end"] - span["start"],
                        "actor",
                        f"{label}: {entity['name']}",
                    )
                )
    place = view.place(event.get("place"))
    if place is not None:
        for mention in place.get("mentions", []):
            if _within(mention, span):
                start = mention["start"] - span["start"]
                marks.append(
                    Mark(start, mention["end"] - span["start"], "place", f"place: {place['name']}")
                )
    text = str(span.get("text") or "")
    marks += _found(text, event.get("date_text"), "date", f"date: {view.when(event)}")
    fatalities = event.get("fatalities")
    marks += _found(text, event.get("fatalities_text"), "fatalities", f"fatalities: {fatalities}")
    return _without_overlaps(marks, len(text))


def _without_overlaps(marks: list[Mark], length: int) -> list[Mark]:
    kept: list[Mark] = []
    for mark in sorted(marks, key=lambda m: (m.start, -m.end)):
        if mark.start < 0 or mark.end > length or mark.start >= mark.end:
            continue
        if kept and mark.start < kept[-1].end:
            continue
        kept.append(mark)
    return kept


def split_marked(text: str, marks: list[Mark]) -> list[tuple[str, Mark | None]]:
    """The passage cut into plain and marked pieces, in order."""
    pieces: list[tuple[str, Mark | None]] = []
    at = 0
    for mark in marks:
        if mark.start > at:
            pieces.append((text[at : mark.start], None))
        pieces.append((text[mark.start : mark.end], mark))
        at = mark.end
    if at < len(text):
        pieces.append((text[at:], None))
    return pieces


def type_reasons(event: Record) -> list[str]:
    """Why the event has its type and is shown: its codes, the reasons behind its
    confidence (trigger, arguments, modality; crosswire.events.confidence), the
    confidence itself, whether it is only mentioned in passing, how many sources."""
    reasons = [f"{event['event_type']} / {event['sub_event_type']}"]
    codes = [f"{name} {event[name]}" for name in ("plover", "cameo") if event.get(name)]
    if codes:
        reasons.append("codes: " + ", ".join(codes))
    for key in ("reasons", "type_reasons"):
        reasons += [str(r) for r in event.get(key) or []]
    if event.get("confidence") is not None:
        reasons.append(f"confidence {event['confidence']}")
    modality = event.get("modality", "asserted")
    reasons.append(f"modality: {modality}")
    if event.get("background"):
        reasons.append("mentioned in passing only (background)")
    count = event.get("source_count", 1)
    reasons.append(f"{count} independent source{'s' if count != 1 else ''}")
    return reasons


def source_spans_by_article(brief: Record) -> dict[str, list[tuple[int, int]]]:
    """Every cited passage (events, claims, summaries), per article, in order."""
    found: dict[str, set[tuple[int, int]]] = {}
    records = [*brief.get("events", []), *brief.get("claims", [])]
    records += [s for story in brief.get("stories", []) for s in story.get("summary", [])]
    for record in records:
        for span in record.get("sources", []):
            found.setdefault(span["article"], set()).add((span["start"], span["end"]))
    return {article: sorted(spans) for article, spans in found.items()}


def hidden_note(hidden: int) -> str:
    """What the reader does not see: flagged or low-confidence events."""
    if not hidden:
        return ""
    return (
        f" {hidden} more reported events are not shown: reactions, plans, tallies, background"
        " or below the confidence threshold (all are in brief.json)."
    )
