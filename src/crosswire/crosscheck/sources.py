"""Independent sources.

A syndicated or duplicated copy repeats its original, and two pieces by one
outlet share its reporting, so neither adds an independent source. Each
article maps to a *source key*: the normalised outlet of the earliest copy in
its copy group (the group's canonical article), or that article's id when no
outlet is known. Counting distinct keys counts independent sources.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from crosswire.model import Article, ArticleGroup

_NOT_WORD = re.compile(r"[^0-9a-z]+")


def outlet_key(outlet: str | None) -> str | None:
    """"The Northern Chronicle" and "northern chronicle" name one outlet."""
    if not outlet:
        return None
    key = _NOT_WORD.sub(" ", outlet.casefold()).strip()
    key = key.removeprefix("the ").strip()
    return key or None


def _publication_order(article: Article) -> tuple[str, str, str]:
    # The same order dedupe uses to pick a group's canonical copy.
    return (article.published or "9999", article.source, article.position)


@dataclass(frozen=True, slots=True)
class SourceIndex:
    """Who published each article, and which independent source it counts as."""

    outlets: dict[str, str | None]  # article id -> outlet name as published
    keys: dict[str, str]  # article id -> independent source key
    published: dict[str, str | None]

    @classmethod
    def build(cls, articles: Sequence[Article], groups: Iterable[ArticleGroup]) -> SourceIndex:
        by_id = {a.id: a for a in articles}
        parent = {a.id: a.id for a in articles}

        def root(node: str) -> str:
            while parent[node] != node:
                parent[node] = parent[parent[node]]
                node = parent[node]
            return node

        # Duplicate and syndicated groups can chain (a duplicate set's
        # representative sits in a syndicated group), so take their union.
        for group in groups:
            members = [a for a in group.articles if a in parent]
            for other in members[1:]:
                parent[root(other)] = root(members[0])

        copies: dict[str, list[Article]] = {}
        for article in articles:
            copies.setdefault(root(article.id), []).append(article)
        keys: dict[str, str] = {}
        for same_text in copies.values():
            canonical = min(same_text, key=_publication_order)
            key = outlet_key(canonical.outlet)
            for copy in same_text:
                keys[copy.id] = f"outlet:{key}" if key else f"article:{canonical.id}"
        return cls(
            outlets={a.id: a.outlet for a in by_id.values()},
            keys=keys,
            published={a.id: a.published for a in by_id.values()},
        )

    def key(self, article: str) -> str:
        return self.keys.get(article, f"article:{article}")

    def outlet(self, article: str) -> str | None:
        return self.outlets.get(article)

    def count(self, articles: Iterable[str]) -> int:
        """How many independent sources these articles are."""
        return len({self.key(a) for a in articles})
