"""The typed brief ``crosswire.run`` returns: frozen records, joined for the reader.

``Brief.events`` are ``ResolvedEvent`` records: the ``model.Event`` with its
place, actors and source articles looked up, so nobody joins ids by hand.
``to_dict()`` gives the ``brief.json`` dict; ``to_pandas()`` one DataFrame
per record kind, with the same columns as the store's SQL tables (docs/SQL.md).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cached_property
from typing import TYPE_CHECKING, Any

from crosswire.model import (
    Article,
    ArticleGroup,
    Claim,
    Corpus,
    Entity,
    Event,
    Place,
    Rejection,
    SourceSpan,
    Story,
)
from crosswire.store.views import ACTOR_COLUMNS, CLAIM_COLUMNS, EVENT_COLUMNS, PLACE_COLUMNS

if TYPE_CHECKING:
    import pandas  # type: ignore[import-untyped]  # pandas ships no stubs in the lock


@dataclass(frozen=True, kw_only=True, slots=True)
class Source:
    """One passage an event or claim rests on, with the article it is in."""

    span: SourceSpan
    article: Article | None

    @property
    def outlet(self) -> str | None:
        return self.article.outlet if self.article else None


@dataclass(frozen=True, kw_only=True, slots=True)
class ResolvedEvent:
    """An event with its ids resolved to records."""

    event: Event
    place: Place | None = None
    actor1: Entity | None = None
    actor2: Entity | None = None
    assoc_actors: tuple[Entity, ...] = ()
    sources: tuple[Source, ...] = ()

    @property
    def id(self) -> str:
        return self.event.id


def _first(spans: tuple[SourceSpan, ...], attr: str) -> Any:
    return getattr(spans[0], attr) if spans else None


@dataclass(frozen=True, kw_only=True, eq=False)  # equality: Mapping's, by content
class Brief(Mapping[str, Any]):
    """What a run found. Read it as records; ``brief["events"]`` still gives the JSON lists."""

    corpus: Corpus
    generated_at: datetime = field(default_factory=lambda: datetime.now(UTC))

    # --- the records

    @property
    def articles(self) -> tuple[Article, ...]:
        return self.corpus.articles

    @property
    def actors(self) -> tuple[Entity, ...]:
        return self.corpus.entities

    @property
    def places(self) -> tuple[Place, ...]:
        return self.corpus.places

    @property
    def claims(self) -> tuple[Claim, ...]:
        return self.corpus.claims

    @property
    def stories(self) -> tuple[Story, ...]:
        return self.corpus.stories

    @property
    def groups(self) -> tuple[ArticleGroup, ...]:
        return self.corpus.groups

    @property
    def rejections(self) -> tuple[Rejection, ...]:
        return self.corpus.rejections

    @cached_property
    def events(self) -> tuple[ResolvedEvent, ...]:
        articles = {a.id: a for a in self.corpus.articles}
        places = {p.id: p for p in self.corpus.places}
        actors = {e.id: e for e in self.corpus.entities}
        resolved = []
        for event in self.corpus.events:
            assoc = (*event.assoc_actor1, *event.assoc_actor2)
            resolved.append(
                ResolvedEvent(
                    event=event,
                    place=places.get(event.place or ""),
                    actor1=actors.get(event.actor1 or ""),
                    actor2=actors.get(event.actor2 or ""),
                    assoc_actors=tuple(actors[a] for a in assoc if a in actors),
                    sources=tuple(
                        Source(span=s, article=articles.get(s.article)) for s in event.sources
                    ),
                )
            )
        return tuple(resolved)

    # --- as JSON, and as the dict earlier versions returned

    @cached_property
    def _dict(self) -> dict[str, Any]:
        from crosswire.brief import build_brief

        return build_brief(self.corpus, generated_at=self.generated_at)

    def to_dict(self) -> dict[str, Any]:
        """The ``brief.json`` dict (a fresh copy of its top level)."""
        return dict(self._dict)

    def __getitem__(self, key: str) -> Any:
        return self._dict[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._dict)

    def __len__(self) -> int:
        return len(self._dict)

    # --- as DataFrames

    def to_pandas(self) -> dict[str, pandas.DataFrame]:
        """One DataFrame per record kind: events, actors, places, claims, articles, stories."""
        import pandas

        def frame(rows: list[dict[str, Any]], columns: list[str]) -> pandas.DataFrame:
            return pandas.DataFrame(rows, columns=columns)

        return {
            "events": frame([self._event_row(e) for e in self.events], _EVENT_FRAME),
            "actors": frame([_row(a, ACTOR_COLUMNS) for a in self.actors], _names(ACTOR_COLUMNS)),
            "places": frame([_row(p, PLACE_COLUMNS) for p in self.places], _names(PLACE_COLUMNS)),
            "claims": frame([_claim_row(c) for c in self.claims], _names(CLAIM_COLUMNS)),
            "articles": frame([_article_row(a) for a in self.articles], _ARTICLE_FRAME),
            "stories": frame(
                [
                    {
                        "id": s.id,
                        "title": s.title,
                        "articles": len(s.articles),
                        "events": len(s.events),
                    }
                    for s in self.stories
                ],
                ["id", "title", "articles", "events"],
            ),
        }

    @staticmethod
    def _event_row(resolved: ResolvedEvent) -> dict[str, Any]:
        event = resolved.event
        row = {
            "id": event.id,
            **{name: _path(event, path) for name, path, _ in EVENT_COLUMNS},
            "place": resolved.place.name if resolved.place else None,
            "lat": resolved.place.lat if resolved.place else None,
            "lon": resolved.place.lon if resolved.place else None,
            "country_code": resolved.place.country_code if resolved.place else None,
            "admin1": resolved.place.admin1 if resolved.place else None,
            "actor1": resolved.actor1.name if resolved.actor1 else None,
            "actor2": resolved.actor2.name if resolved.actor2 else None,
            "outlets": sorted({s.outlet for s in resolved.sources if s.outlet}),
        }
        return row


def _names(columns: tuple[tuple[str, str, str], ...]) -> list[str]:
    return ["id", *(name for name, _, _ in columns)]


_EVENT_FRAME = [
    *_names(EVENT_COLUMNS),
    "place", "lat", "lon", "country_code", "admin1", "actor1", "actor2", "outlets",
]  # fmt: skip
_ARTICLE_FRAME = [
    "id", "published", "outlet", "title", "author", "url", "language", "source", "text",
]  # fmt: skip


def _path(record: Any, path: str) -> Any:
    """A dotted path (``sources[0].text``) of a record, None where it runs out."""
    value = record
    for part in path.split("."):
        name, _, index = part.partition("[")
        value = getattr(value, name, None)
        if index and value is not None:
            position = int(index.rstrip("]"))
            value = value[position] if len(value) > position else None
        if value is None:
            return None
    return value


def _row(record: Any, columns: tuple[tuple[str, str, str], ...]) -> dict[str, Any]:
    return {"id": record.id, **{name: _path(record, path) for name, path, _ in columns}}


def _claim_row(claim: Claim) -> dict[str, Any]:
    return _row(claim, CLAIM_COLUMNS)


def _article_row(article: Article) -> dict[str, Any]:
    return {"id": article.id, **{k: getattr(article, k) for k in _ARTICLE_FRAME[1:]}}
