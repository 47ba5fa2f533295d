"""Stage `dedupe`: find duplicate articles and syndicated copies.

Two articles are *duplicates* when their normalised texts are identical, and
*syndicated* copies when their word 5-shingle sets overlap (Jaccard) at or
above ``syndicated_similarity``: a wire story republished with a new headline,
a trimmed paragraph or different page furniture. Candidate pairs come from an
inverted index of shingles, so the cost grows with the corpus, not its square.
"""

from __future__ import annotations

import re
import zlib
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace

from crosswire.clean.headline import body_text
from crosswire.model import Article, ArticleGroup, Corpus
from crosswire.registry import Stage, StageContext, stage

SHINGLE_WORDS = 5
# A shingle shared by this many articles is boilerplate, not evidence of copying.
COMMON_SHINGLE_DOCS = 50
_WORD = re.compile(r"\w+")


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[int]:
    words = _WORD.findall(text.casefold())
    if len(words) < size:
        return {zlib.crc32(" ".join(words).encode())} if words else set()
    return {
        zlib.crc32(" ".join(words[i : i + size]).encode()) for i in range(len(words) - size + 1)
    }


def _earliest_first(articles: Sequence[Article]) -> tuple[str, ...]:
    # The canonical copy is the earliest published; ties fall back to source order.
    ordered = sorted(articles, key=lambda a: (a.published or "9999", a.source, a.position))
    return tuple(a.id for a in ordered)


def find_groups(articles: Sequence[Article], threshold: float) -> list[ArticleGroup]:
    by_text: dict[str, list[Article]] = defaultdict(list)
    for article in articles:
        # Bodies are compared without a kept headline: a wire story republished under a
        # new headline is still a copy.
        by_text[" ".join(_WORD.findall(body_text(article).casefold()))].append(article)

    groups = [
        ArticleGroup(kind="duplicate", articles=_earliest_first(copies))
        for copies in by_text.values()
        if len(copies) > 1
    ]
    # One representative per exact-duplicate set takes part in the similarity search.
    representatives = [copies[0] for copies in by_text.values()]
    sets = [shingles(body_text(a)) for a in representatives]
    index: dict[int, list[int]] = defaultdict(list)
    for doc, doc_shingles in enumerate(sets):
        for shingle in doc_shingles:
            index[shingle].append(doc)

    shared: Counter[tuple[int, int]] = Counter()
    for docs in index.values():
        if 1 < len(docs) <= COMMON_SHINGLE_DOCS:
            for i, left in enumerate(docs):
                for right in docs[i + 1 :]:
                    shared[(left, right)] += 1

    parent = list(range(len(representatives)))

    def root(node: int) -> int:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for (left, right), overlap in shared.items():
        union = len(sets[left]) + len(sets[right]) - overlap
        if union and overlap / union >= threshold:
            parent[root(left)] = root(right)

    clusters: dict[int, list[Article]] = defaultdict(list)
    for doc, article in enumerate(representatives):
        clusters[root(doc)].append(article)
    groups += [
        ArticleGroup(kind="syndicated", articles=_earliest_first(members))
        for members in clusters.values()
        if len(members) > 1
    ]
    return groups


@stage("dedupe", needs=["articles"], provides=["groups"], scope="corpus")
def make_dedupe(syndicated_similarity: float = 0.8) -> Stage:
    """Group exact duplicates and syndicated copies of the same text."""

    def dedupe(corpus: Corpus, context: StageContext) -> Corpus:
        return replace(corpus, groups=tuple(find_groups(corpus.articles, syndicated_similarity)))

    return dedupe
