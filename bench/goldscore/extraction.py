"""Scoring helpers shared by benchmarks and tests.

The extraction score is the shingle metric of the article-extraction benchmark
(see ``../shared/eval/README.md``): texts become multisets of 4-token shingles,
each page yields tp/fp/fn normalised to sum to one, precision and recall are
averaged over the pages where they are defined, and F1 combines the two means.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

_TOKEN = re.compile(r"\w+")


@dataclass(frozen=True, kw_only=True, slots=True)
class ShingleMatch:
    """One page's overlap, as shares of all shingles seen on that page (tp + fp + fn = 1)."""

    tp: float
    fp: float
    fn: float

    @property
    def precision(self) -> float | None:
        """``None`` when the prediction has no shingles: precision is undefined there."""
        if self.tp + self.fp == 0:
            return None
        return self.tp / (self.tp + self.fp)

    @property
    def recall(self) -> float | None:
        """``None`` when the reference has no shingles: recall is undefined there."""
        if self.tp + self.fn == 0:
            return None
        return self.tp / (self.tp + self.fn)


@dataclass(frozen=True, kw_only=True, slots=True)
class ExtractionScore:
    precision: float
    recall: float
    f1: float
    pages: int


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def shingles(text: str, size: int = 4) -> Counter[tuple[str, ...]]:
    """The multiset of ``size``-token runs; a text shorter than ``size`` is one shingle."""
    words = tokens(text)
    counts: Counter[tuple[str, ...]] = Counter()
    for start in range(max(1, len(words) - size + 1)):
        shingle = tuple(words[start : start + size])
        if shingle:
            counts[shingle] += 1
    return counts


def shingle_match(reference: str, predicted: str, size: int = 4) -> ShingleMatch:
    """Compare a predicted body with the reference body of one page."""
    truth, guess = shingles(reference, size), shingles(predicted, size)
    tp = fp = fn = 0
    for key in truth.keys() | guess.keys():
        true_count, guess_count = truth[key], guess[key]
        tp += min(true_count, guess_count)
        fp += max(0, guess_count - true_count)
        fn += max(0, true_count - guess_count)
    total = tp + fp + fn
    if total == 0:
        return ShingleMatch(tp=0.0, fp=0.0, fn=0.0)
    # Normalised so that long pages weigh no more than short ones.
    return ShingleMatch(tp=tp / total, fp=fp / total, fn=fn / total)


def aggregate(matches: Iterable[ShingleMatch]) -> ExtractionScore:
    """Mean precision and recall over pages where each is defined; F1 of the two means."""
    pages = list(matches)
    precisions = [p for p in (m.precision for m in pages) if p is not None]
    recalls = [r for r in (m.recall for m in pages) if r is not None]
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return ExtractionScore(precision=precision, recall=recall, f1=f1, pages=len(pages))
