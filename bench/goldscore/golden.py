"""Scoring a run of the sample corpus against its gold files.

The gold lives in ``bench/gold/sample/`` (see its README), outside the shipped package. Gold
items name their article by ``ref`` = "<input file>#<n>", n counting the
articles of that input in order, and their mention by character offsets into
the article's clean text. Used by the golden tests (with pinned floors) and by
``bench/sample_gold.py`` (which prints every figure).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from crosswire.clean.headline import body_start
from crosswire.geo.resolve import haversine_km
from crosswire.model import Analysis, Article, Corpus, Entity, Mention

# A place is right when it lands this close to the gold coordinates.
PLACE_TOLERANCE_KM = 25.0


def gold_dir() -> Path:
    return Path(__file__).resolve().parents[1] / "gold" / "sample"


@cache
def gold(name: str) -> list[dict[str, Any]]:
    return list(json.loads((gold_dir() / f"{name}.json").read_text("utf-8")))


def articles_by_ref(articles: Iterable[Article]) -> dict[str, Article]:
    per_input: dict[str, list[Article]] = defaultdict(list)
    for article in articles:
        per_input[Path(article.source.split("#")[0]).name].append(article)
    refs = {}
    for name, members in per_input.items():
        ordered = sorted(members, key=lambda a: [int(p) for p in a.position.split(".")])
        for n, article in enumerate(ordered):
            refs[f"{name}#{n}"] = article
    return refs


@dataclass
class Score:
    """Right out of total, with the misses spelled out for a failing test."""

    name: str
    right: int = 0
    total: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def ratio(self) -> float:
        return self.right / self.total if self.total else 1.0

    def add(self, ok: bool, miss: str) -> None:
        self.total += 1
        if ok:
            self.right += 1
        else:
            self.misses.append(miss)

    def __str__(self) -> str:
        return f"{self.name}: {self.right}/{self.total} ({self.ratio:.1%})"


def _overlapping(mention: Mention, start: int, end: int) -> bool:
    return mention.start < end and start < mention.end


def _find(
    records: Sequence[Any],
    mention_of: Callable[[Any], Iterable[Mention]],
    item: dict[str, Any],
    shift: int = 0,
) -> Any | None:
    """The record with a mention overlapping the gold span (the longest overlap wins).

    Gold offsets index the article's body; ``shift`` is where that body starts in the
    text the pipeline read (after a headline paragraph the clean stage kept on top).
    """
    start, end = item["start"] + shift, item["end"] + shift
    best, best_overlap = None, 0
    for record in records:
        for mention in mention_of(record):
            if _overlapping(mention, start, end):
                overlap = min(mention.end, end) - max(mention.start, start)
                if overlap > best_overlap:
                    best, best_overlap = record, overlap
    return best


class GoldRun:
    """One run of the sample corpus, indexed for scoring."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self.refs = articles_by_ref(corpus.articles)
        self.analyses: dict[str, Analysis] = {a.article: a for a in corpus.analyses}

    def shift(self, ref: str) -> int:
        """Where the gold's body starts in the article's text (after a kept headline)."""
        return body_start(self.refs[ref])

    def analysis(self, ref: str) -> Analysis:
        article = self.refs[ref]
        return self.analyses.get(article.id, Analysis(article=article.id))

    def places(self) -> Score:
        score = Score("places within 25 km")
        for item in gold("places"):
            if item.get("lat") is None:
                continue
            place = _find(
                self.analysis(item["ref"]).places,
                lambda p: p.mentions,
                item,
                self.shift(item["ref"]),
            )
            ok = (
                place is not None
                and place.lat is not None
                and place.lon is not None
                and haversine_km(place.lat, place.lon, item["lat"], item["lon"])
                <= PLACE_TOLERANCE_KM
            )
            found = f"{place.name} ({place.lat}, {place.lon})" if place else "nothing"
            score.add(ok, f"{item['ref']} {item['text']!r}: want {item['name']}, got {found}")
        return score

    def actors(self) -> Score:
        score = Score("actor mentions linked right")
        for item in gold("actors"):
            entity: Entity | None = _find(
                self.analysis(item["ref"]).entities,
                lambda e: e.mentions,
                item,
                self.shift(item["ref"]),
            )
            ok = entity is not None and entity.name == item["canonical"]
            got = entity.name if entity else "nothing"
            score.add(ok, f"{item['ref']} {item['text']!r}: want {item['canonical']}, got {got}")
        return score

    def dates(self) -> Score:
        score = Score("dates right")
        for item in gold("dates"):
            found = _find(
                self.analysis(item["ref"]).dates,
                lambda d: [d.mention],
                item,
                self.shift(item["ref"]),
            )
            got = (found.start_date, found.end_date, found.precision) if found else None
            want = (item["start_date"], item["end_date"], item["precision"])
            score.add(got == want, f"{item['ref']} {item['text']!r}: want {want}, got {got}")
        return score

    def figures(self) -> Score:
        score = Score("figures right")
        for item in gold("figures"):
            found = _find(
                self.analysis(item["ref"]).figures,
                lambda f: [f.mention],
                item,
                self.shift(item["ref"]),
            )
            got = (found.value, found.low, found.high) if found else None
            want = (item["value"], item["low"], item["high"])
            same = got is not None and all(
                (g is None and w is None) or (g is not None and w is not None and float(g) == w)
                for g, w in zip(got, want, strict=True)
            )
            score.add(same, f"{item['ref']} {item['text']!r}: want {want}, got {got}")
        return score
