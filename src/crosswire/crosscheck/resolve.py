"""Stage `resolve`: one corpus-level record per entity and per place.

Each article's analysis holds its own Entity and Place records with only that
article's mentions. Records with the same id are the same actor or place (ids
hash the canonical key or the GeoNames id), so they merge: every mention
across the corpus, sorted, and for entities every distinct surface form.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from typing import TypeVar

from crosswire.model import Corpus, Entity, Mention, Place
from crosswire.registry import Stage, StageContext, stage

T = TypeVar("T")


def _mentions(groups: Iterable[tuple[Mention, ...]]) -> tuple[Mention, ...]:
    unique = {(m.article, m.start, m.end): m for group in groups for m in group}
    return tuple(unique[key] for key in sorted(unique))


def _first(values: Iterable[T | None]) -> T | None:
    return next((v for v in values if v is not None and v != ""), None)


def merge_entities(records: Iterable[Entity]) -> list[Entity]:
    by_id: dict[str, list[Entity]] = {}
    for record in records:
        by_id.setdefault(record.id, []).append(record)
    merged = []
    for same in by_id.values():
        mentions = _mentions(e.mentions for e in same)
        # Distinct surface forms, the most used first.
        surfaces = Counter(m.text for m in mentions)
        surfaces.update(alias for e in same for alias in e.aliases if alias not in surfaces)
        aliases = tuple(sorted(surfaces, key=lambda s: (-surfaces[s], s)))
        merged.append(
            replace(
                same[0],
                aliases=aliases,
                mentions=mentions,
                inter_code=_first(e.inter_code for e in same),
                country_code=_first(e.country_code for e in same),
                affiliation=_first(e.affiliation for e in same),
            )
        )
    return sorted(merged, key=lambda e: (-len(e.mentions), e.name.casefold(), e.id))


def merge_places(records: Iterable[Place]) -> list[Place]:
    by_id: dict[str, list[Place]] = {}
    for record in records:
        by_id.setdefault(record.id, []).append(record)
    merged = []
    for same in by_id.values():
        merged.append(
            replace(
                same[0],
                lat=_first(p.lat for p in same),
                lon=_first(p.lon for p in same),
                country_code=_first(p.country_code for p in same),
                admin1=_first(p.admin1 for p in same),
                feature=_first(p.feature for p in same),
                mentions=_mentions(p.mentions for p in same),
            )
        )
    return sorted(merged, key=lambda p: (-len(p.mentions), p.name.casefold(), p.id))


@stage("resolve", needs=["analyses"], provides=["entities", "places"], scope="corpus")
def make_resolve() -> Stage:
    """Merge per-article entities and places by id into corpus records with all mentions."""

    def resolve(corpus: Corpus, context: StageContext) -> Corpus:
        analyses = sorted(corpus.analyses, key=lambda a: a.article)
        return replace(
            corpus,
            entities=tuple(merge_entities(e for a in analyses for e in a.entities)),
            places=tuple(merge_places(p for a in analyses for p in a.places)),
        )

    return resolve
