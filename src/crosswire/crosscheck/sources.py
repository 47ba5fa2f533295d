"""Independent sources.

A syndicated or duplicated copy repeats its original, and two pieces by one
outlet share its reporting, so neither adds an independent source. Each
article maps to a *source key*: the normalised outlet of the earliest copy in
its copy group (the group's canonical article), or that article's id when no
outlet is known. Counting distinct keys counts independent sources.

A passage can also pass on another outlet's reporting ("according to
Coastline Wire, the strikes followed the drone attack ..."): when it names
another outlet of the corpus, it counts as that outlet (``passage_key``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from crosswire.model import Article, ArticleGroup

_NOT_WORD = re.compile(r"[^0-9a-z]+")
MIN_NAME_CHARS = 3


def outlet_key(outlet: str | None) -> str | None:
    """ "The Northern Chronicle" and "northern chronicle" name one outlet."""
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
    named: re.Pattern[str] | None  # any outlet name of the corpus, in running text

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
        # Names as written, capitals included ("the National" is not "The National"),
        # without a leading "The", and not so short they match ordinary words.
        names = {re.sub(r"^The\s+", "", a.outlet.strip()) for a in articles if a.outlet}
        wanted = sorted((n for n in names if len(n) >= MIN_NAME_CHARS), key=len, reverse=True)
        named = (
            re.compile(r"\b(?:" + "|".join(re.escape(n) for n in wanted) + r")\b")
            if wanted
            else None
        )
        return cls(
            outlets={a.id: a.outlet for a in by_id.values()},
            keys=keys,
            published={a.id: a.published for a in by_id.values()},
            named=named,
        )

    def key(self, article: str) -> str:
        return self.keys.get(article, f"article:{article}")

    def passage_key(self, article: str, text: str) -> str:
        """The source a passage of ``article`` counts as: another outlet it names, or its own."""
        own = self.key(article)
        if self.named is None:
            return own
        for match in self.named.finditer(text):
            key = outlet_key(match.group())
            if key and f"outlet:{key}" != own and key != outlet_key(self.outlet(article)):
                return f"outlet:{key}"
        return own

    def outlet(self, article: str) -> str | None:
        return self.outlets.get(article)

    def count(self, articles: Iterable[str]) -> int:
        """How many independent sources these articles are."""
        return len({self.key(a) for a in articles})
