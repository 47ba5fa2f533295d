"""The analyst's workbench over the store: filtered events, search, evidence, one page.

Routes (mounted by ``server.create_app``):
  GET /api/v1/workbench/events   events filtered by date range, event type, actor, place,
                                 country, outlet, claim status and words of the evidence;
                                 paginated; 400 ``unknown_filter_value`` for a value that
                                 cannot match (an event type ACLED does not have ...)
  GET /api/v1/workbench/summary  the same filters: counts per month and type, and the
                                 placed events for the map
  GET /api/v1/workbench/events/{id}  one event (an id prefix will do) with its evidence
  GET /api/v1/workbench/stories/{id}  one story (an id prefix will do): its summary
                                 sentences with their cited passages, events and articles
  GET /api/v1/search             full-text search over articles (every word must occur)
  GET /workbench                 the page: filters, map, timeline, list, detail, search

Queries run on the store's column tables (docs/SQL.md), so a page costs one query,
not a load of every record.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from fastapi.responses import HTMLResponse

from crosswire.errors import InputError
from crosswire.events.confidence import SHOW_THRESHOLD
from crosswire.events.ontology import EVENT_TYPES
from crosswire.render.view import BriefView, evidence_marks, type_reasons
from crosswire.store.base import Store

CLAIM_STATUSES = ("corroborated", "single", "contested")
MAX_PER_PAGE = 200
MAP_POINTS = 5000  # placed events sent to the map at most


class FilterError(InputError):
    """A filter value that cannot match anything; the API answers 400."""

    def __init__(self, name: str, value: str, allowed: list[str] | None = None) -> None:
        hint = f"; one of: {', '.join(allowed)}" if allowed else ""
        super().__init__(f"unknown {name} {value!r}{hint}")
        self.name, self.value, self.allowed = name, value, allowed or []


@dataclass(frozen=True, kw_only=True)
class Filters:
    date_from: date | None = None
    date_to: date | None = None
    event_type: str | None = None
    actor: str | None = None
    place: str | None = None
    country: str | None = None
    outlet: str | None = None
    status: str | None = None
    q: str | None = None
    # False: only what the brief and map show (crosswire.events.confidence.shown).
    everything: bool = False

    def check(self) -> None:
        if self.event_type is not None and self.event_type not in EVENT_TYPES:
            raise FilterError("event_type", self.event_type, list(EVENT_TYPES))
        if self.status is not None and self.status not in CLAIM_STATUSES:
            raise FilterError("status", self.status, list(CLAIM_STATUSES))
        if self.country is not None and not (len(self.country) == 2 and self.country.isalpha()):
            raise FilterError("country", self.country, ["an ISO 3166-1 alpha-2 code such as SY"])
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise FilterError("date range", f"{self.date_from} to {self.date_to}")

    def where(self, store: Store) -> tuple[str, list[Any]]:
        """A WHERE clause over the ``events`` table ``e``, and its parameters."""
        clauses: list[str] = ["TRUE"]
        params: list[Any] = []
        if not self.everything:
            # The same rule as confidence.shown, in SQL.
            clauses.append(
                "e.modality = 'asserted' AND (e.confidence IS NULL OR e.confidence >= ? OR "
                "(NOT coalesce(e.background, FALSE) AND e.source_count >= 2))"
            )
            params.append(SHOW_THRESHOLD)
        if self.date_from:
            clauses.append("coalesce(e.date_end, e.date_start) >= ?")
            params.append(self.date_from.isoformat())
        if self.date_to:
            clauses.append("e.date_start <= ?")
            params.append(self.date_to.isoformat())
        for column, value in (("e.event_type", self.event_type),):
            if value:
                clauses.append(f"{column} = ?")
                params.append(value)
        if self.country:
            clauses.append("upper(e.country_code) = ?")
            params.append(self.country.upper())
        named = (
            (("e.actor1_id", "e.actor2_id"), "actors", ("name",), self.actor),
            (("e.place_id",), "places", ("name", "admin1"), self.place),
        )
        for columns, table, fields, value in named:
            if value:
                ids = _matching_ids(store, table, fields, value) or ["-"]
                marks = ", ".join("?" * len(ids))
                clauses.append("(" + " OR ".join(f"{c} IN ({marks})" for c in columns) + ")")
                params += ids * len(columns)
        if self.outlet:
            # Any source of the event from that outlet: article ids are unique hashes.
            clauses.append(
                "EXISTS (SELECT 1 FROM articles a JOIN results r ON r.kind = 'events' "
                "AND r.id = e.id WHERE lower(a.outlet) = ? AND strpos(r.data, a.id) > 0)"
            )
            params.append(self.outlet.lower())
        if self.status:
            # A claim about the event, or one not tied to an event made in the article
            # the event's evidence comes from.
            clauses.append(
                "(e.id IN (SELECT c.event_id FROM claims c WHERE c.status = ?) OR e.article_id IN "
                "(SELECT c.article_id FROM claims c WHERE c.status = ? AND c.event_id IS NULL))"
            )
            params += [self.status, self.status]
        for word in (self.q or "").lower().split():
            clauses.append("lower(e.evidence) LIKE ?")
            params.append(f"%{word}%")
        return " AND ".join(clauses), params  # fmt: skip


def fold(text: str) -> str:
    """Lower case without accents: "Ţafas" and "tafas" match."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _matching_ids(store: Store, table: str, fields: tuple[str, ...], words: str) -> list[str]:
    """Ids of the actors or places whose name (or admin1) holds every word, accents aside."""
    wanted = fold(words).split()
    rows = store.select(f"SELECT id, {', '.join(fields)} FROM {table}")
    return [
        row[0]
        for row in rows
        if all(w in fold(" ".join(str(v) for v in row[1:] if v)) for w in wanted)
    ]


EVENT_FIELDS = (
    "id", "event_type", "sub_event_type", "date_start", "date_end", "date_precision",
    "place", "country_code", "admin1", "lat", "lon", "actor1", "actor2", "fatalities",
    "source_count", "modality", "evidence", "article_id",
)  # fmt: skip


def list_events(store: Store, filters: Filters, page: int, per_page: int) -> dict[str, Any]:
    filters.check()
    where, params = filters.where(store)
    total = store.select(f"SELECT count(*) FROM events e WHERE {where}", params)[0][0]
    rows = store.select(
        f"SELECT {', '.join('e.' + f for f in EVENT_FIELDS)} FROM events e WHERE {where} "
        "ORDER BY e.date_start DESC NULLS LAST, e.id LIMIT ? OFFSET ?",
        [*params, per_page, (page - 1) * per_page],
    )
    items = [dict(zip(EVENT_FIELDS, row, strict=True)) for row in rows]
    return {"items": items, "total": int(total), "page": page, "per_page": per_page,
            "pages": max(1, -(-int(total) // per_page))}  # fmt: skip


def summary(store: Store, filters: Filters) -> dict[str, Any]:
    """Counts per month and type, and the placed events (for the map), under the filters."""
    filters.check()
    where, params = filters.where(store)
    months = store.select(
        f"SELECT substr(e.date_start, 1, 7) AS month, e.event_type, count(*) FROM events e "
        f"WHERE {where} AND e.date_start IS NOT NULL GROUP BY 1, 2 ORDER BY 1",
        params,
    )
    points = store.select(
        f"SELECT e.id, e.lat, e.lon, e.event_type, e.sub_event_type, e.place, e.date_start, "
        f"e.source_count FROM events e WHERE {where} AND e.lat IS NOT NULL LIMIT ?",
        [*params, MAP_POINTS],
    )
    return {
        "months": [{"month": m, "event_type": t, "count": int(n)} for m, t, n in months],
        "points": [
            {"id": i, "lat": la, "lon": lo, "event_type": t, "title": f"{s}, {p or ''}",
             "when": d or "date unknown", "sources": int(n or 1)}
            for i, la, lo, t, s, p, d, n in points
        ],
    }  # fmt: skip


def _record(store: Store, kind: str, record_id: str) -> dict[str, Any] | None:
    rows = store.select("SELECT data FROM results WHERE kind = ? AND id = ?", [kind, record_id])
    return {"id": record_id, **json.loads(rows[0][0])} if rows else None


def event_detail(store: Store, event_id: str) -> dict[str, Any]:
    """One event with its actors, place and each source passage, arguments marked."""
    event = _record(store, "events", store.resolve_id("events", event_id))
    assert event is not None  # resolve_id found it
    actor_ids = [event.get("actor1"), event.get("actor2"), *event.get("assoc_actor1", ()),
                 *event.get("assoc_actor2", ())]  # fmt: skip
    entities = [e for e in (_record(store, "entities", a) for a in actor_ids if a) if e]
    place = _record(store, "places", event["place"]) if event.get("place") else None
    article_ids = list(dict.fromkeys(s["article"] for s in event.get("sources", [])))
    articles = {a.id: a for a in (store.article(i) for i in article_ids) if a}
    view = BriefView({"entities": entities, "places": [place] if place else [],
                      "events": [event], "articles": []})  # fmt: skip
    sources = []
    for span in event.get("sources", []):
        article = articles.get(span["article"])
        sources.append(
            {
                **span,
                "outlet": article.outlet if article else None,
                "title": article.title if article else None,
                "published": article.published if article else None,
                "url": article.url if article else None,
                "marks": [
                    {"start": m.start, "end": m.end, "role": m.role, "label": m.label}
                    for m in evidence_marks(view, event, span)
                ],
            }
        )
    claims = store.select(
        "SELECT id, text, status FROM claims WHERE event_id = ? ORDER BY id", [event["id"]]
    )
    return {
        "event": event,
        "title": view.event_title(event),
        "when": view.when(event),
        "place": place,
        "actors": {e["id"]: e["name"] for e in entities},
        "reasons": type_reasons(event),
        "sources": sources,
        "claims": [{"id": i, "text": t, "status": s} for i, t, s in claims],
    }


STORY_EVENT_FIELDS = ("id", "event_type", "sub_event_type", "date_start", "place",
                      "country_code", "fatalities")  # fmt: skip


def _article_line(store: Store, article_id: str) -> dict[str, Any]:
    article = store.article(article_id)
    return {"id": article_id, "outlet": article.outlet if article else None,
            "title": article.title if article else None,
            "published": article.published if article else None,
            "url": article.url if article else None}  # fmt: skip


def story_detail(store: Store, story_id: str) -> dict[str, Any]:
    """One story: its summary sentences with their cited passages, its events and articles."""
    story = _record(store, "stories", store.resolve_id("stories", story_id))
    assert story is not None  # resolve_id found it
    articles = {i: _article_line(store, i) for i in story.get("articles", [])}
    summary = [
        {"text": sentence["text"],
         "sources": [{**span, "outlet": articles.get(span["article"], {}).get("outlet")}
                     for span in sentence.get("sources", [])]}
        for sentence in story.get("summary", [])
    ]  # fmt: skip
    event_ids = list(story.get("events", []))
    rows = (
        store.select(
            f"SELECT {', '.join('e.' + f for f in STORY_EVENT_FIELDS)} FROM events e "
            f"WHERE e.id IN ({', '.join('?' * len(event_ids))}) "
            "ORDER BY e.date_start NULLS LAST, e.id",
            event_ids,
        )
        if event_ids
        else []
    )
    return {
        "id": story["id"],
        "title": story["title"],
        "summary": summary,
        "events": [dict(zip(STORY_EVENT_FIELDS, row, strict=True)) for row in rows],
        "articles": sorted(articles.values(), key=lambda a: (a["published"] or "", a["id"])),
    }


def search_articles(store: Store, q: str, page: int, per_page: int) -> dict[str, Any]:
    """Articles holding every word of ``q`` (title or text), newest first, with a snippet."""
    words = q.lower().split()
    if not words:
        raise FilterError("search", q)
    where = " AND ".join("(lower(title) LIKE ? OR lower(text) LIKE ?)" for _ in words)
    params = [p for w in words for p in (f"%{w}%", f"%{w}%")]
    total = store.select(f"SELECT count(*) FROM articles WHERE {where}", params)[0][0]
    rows = store.select(
        f"SELECT id, title, outlet, published, url, text FROM articles WHERE {where} "
        "ORDER BY published DESC NULLS LAST, id LIMIT ? OFFSET ?",
        [*params, per_page, (page - 1) * per_page],
    )
    items = []
    for article_id, title, outlet, published, url, text in rows:
        at = max(0, (text or "").lower().find(words[0]))
        items.append({"id": article_id, "title": title, "outlet": outlet, "published": published,
                      "url": url, "snippet": (text or "")[max(0, at - 80): at + 160],
                      "snippet_start": max(0, at - 80)})  # fmt: skip
    return {"items": items, "total": int(total), "page": page, "per_page": per_page,
            "pages": max(1, -(-int(total) // per_page))}  # fmt: skip


def choices(store: Store) -> dict[str, list[str]]:
    """The values the page offers in its selects."""
    outlets = store.select(
        "SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL ORDER BY 1"
    )
    countries = store.select(
        "SELECT DISTINCT country_code FROM events WHERE country_code IS NOT NULL ORDER BY 1"
    )
    return {
        "event_types": list(EVENT_TYPES),
        "statuses": list(CLAIM_STATUSES),
        "outlets": [r[0] for r in outlets],
        "countries": [r[0] for r in countries],
    }


@cache
def page_html() -> str:
    return resources.files("crosswire").joinpath("web", "workbench.html").read_text("utf-8")


# Bounded so an offset always fits the store's 64-bit integers.
Page = Annotated[int, Query(ge=1, le=1_000_000, description="Page number, from 1.")]
PerPage = Annotated[int, Query(ge=1, le=MAX_PER_PAGE, description="Items per page.")]


def _filters(
    date_from: Annotated[date | None, Query(description="Events ending on or after (ISO).")] = None,
    date_to: Annotated[date | None, Query(description="Events starting on or before.")] = None,
    event_type: Annotated[str | None, Query(description="An ACLED event type.")] = None,
    actor: Annotated[str | None, Query(description="Words of an actor's name.")] = None,
    place: Annotated[str | None, Query(description="Words of a place or region name.")] = None,
    country: Annotated[str | None, Query(description="ISO 3166-1 alpha-2 code.")] = None,
    outlet: Annotated[str | None, Query(description="An outlet reporting the event.")] = None,
    status: Annotated[str | None, Query(description="Status of a claim about the event.")] = None,
    q: Annotated[str | None, Query(description="Words of the evidence passage.")] = None,
    everything: Annotated[
        bool,
        Query(
            description="Also flagged (reactions, plans, tallies, background) and "
            "low-confidence events; by default only those the brief and map show."
        ),
    ] = False,
) -> Filters:
    def clean(value: str | None) -> str | None:
        return value.strip() or None if value is not None else None

    return Filters(
        date_from=date_from, date_to=date_to, event_type=clean(event_type), actor=clean(actor),
        place=clean(place), country=clean(country), outlet=clean(outlet), status=clean(status),
        q=clean(q), everything=everything,
    )  # fmt: skip


FiltersDep = Annotated[Filters, Depends(_filters)]


def workbench_router(reader: Any, page_parts: Any) -> APIRouter:
    """The workbench routes; ``reader()`` opens the store for one request."""
    router = APIRouter()

    @router.get("/api/v1/workbench/events", tags=["workbench"])
    def events(filters: FiltersDep, page: Page = 1, per_page: PerPage = 50) -> dict[str, Any]:
        """Events under the filters, newest first, a page at a time."""
        with reader() as store:
            return list_events(store, filters, page, per_page)

    @router.get("/api/v1/workbench/summary", tags=["workbench"])
    def events_summary(filters: FiltersDep) -> dict[str, Any]:
        """Counts per month and type, and placed events for the map, under the filters."""
        with reader() as store:
            return summary(store, filters)

    @router.get("/api/v1/workbench/events/{event_id}", tags=["workbench"])
    def event(event_id: str) -> dict[str, Any]:
        """One event (an id prefix will do) with its evidence passages marked."""
        with reader() as store:
            return event_detail(store, event_id)

    @router.get("/api/v1/workbench/stories/{story_id}", tags=["workbench"])
    def story(story_id: str) -> dict[str, Any]:
        """One story (an id prefix will do): cited summary, events and articles."""
        with reader() as store:
            return story_detail(store, story_id)

    @router.get("/api/v1/workbench/choices", tags=["workbench"])
    def filter_choices() -> dict[str, list[str]]:
        """Event types, claim statuses, outlets and countries to filter by."""
        with reader() as store:
            return choices(store)

    @router.get("/api/v1/search", tags=["workbench"])
    def search(
        q: Annotated[str, Query(min_length=1, description="Words that must all occur.")],
        page: Page = 1,
        per_page: PerPage = 20,
    ) -> dict[str, Any]:
        """Full-text search over article titles and texts."""
        with reader() as store:
            return search_articles(store, q, page, per_page)

    @router.get("/workbench", response_class=HTMLResponse, include_in_schema=False)
    def workbench_page() -> str:
        head, body = page_parts()
        return page_html().replace("<!--MAP-HEAD-->", head).replace("<!--MAP-BODY-->", body)

    return router


def map_parts() -> tuple[str, str]:
    """The inline map assets for the page: (in head, at the end of body); empty without them."""
    from crosswire.render import leafletmap
    from crosswire.render.html import stylesheet

    style = f"<style>{stylesheet()}</style>"
    if not leafletmap.available():
        return style, ""
    body = "".join(
        str(p)
        for p in leafletmap.body_parts()[:-1]  # not the brief's own map script
    )
    return style + "".join(str(p) for p in leafletmap.head_parts()), body
