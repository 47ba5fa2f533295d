"""Merging per-mention records into one record per id.

Entities and places are found mention by mention; a record with the same id
(same canonical actor, same GeoNames place) is one thing, so its mentions are
unioned and its surface forms become aliases. Used per article by the
understanding stages and across articles by the `resolve` stage.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import TypeVar

from crosswire.model import Entity, Mention, Place

R = TypeVar("R", Entity, Place)


def _mention_key(mention: Mention) -> tuple[str, int, int]:
    return (mention.article, mention.start, mention.end)


def merge_records(records: Iterable[R]) -> tuple[R, ...]:
    """One record per id with all mentions (deduplicated, in text order)."""
    first: dict[str, R] = {}
    mentions: dict[str, dict[tuple[str, int, int], Mention]] = {}
    for record in records:
        record_id = record.id  # a content hash: computed once per record
        first.setdefault(record_id, record)
        bucket = mentions.setdefault(record_id, {})
        for mention in record.mentions:
            bucket[_mention_key(mention)] = mention
    merged: list[R] = []
    for record_id, record in first.items():
        ordered = tuple(sorted(mentions[record_id].values(), key=_mention_key))
        combined = replace(record, mentions=ordered)
        if isinstance(combined, Entity):
            combined = _with_aliases(combined)
        merged.append(combined)
    return tuple(merged)


def _with_aliases(entity: Entity) -> Entity:
    # An entity's aliases are the distinct ways the articles wrote its name.
    written: list[str] = [m.text for m in entity.mentions if m.text != entity.name]
    return replace(entity, aliases=tuple(dict.fromkeys([*entity.aliases, *written])))


def with_mentions(pairs: Iterable[tuple[R, Mention]]) -> tuple[R, ...]:
    """Attach each mention to its record, then merge by id."""
    return merge_records(replace(record, mentions=(mention,)) for record, mention in pairs)
