"""Sentences and TF-IDF vectors over article text.

Parsed spaCy Docs do not reach the corpus stages, so sentences are found
again here with a rule splitter: paragraph breaks, then sentence-final
punctuation followed by a capital, a digit or an opening quote, with the
usual abbreviations ("Gen.", "U.S.") left alone.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache

Vector = dict[str, float]

_BOUNDARY = re.compile(r"(?<=[.!?])([\"”’')\]]*)\s+(?=[\"“‘'(\[]?[A-Z0-9])")
_ABBREVIATION = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Gen|Col|Lt|Maj|Capt|Sgt|Gov|Sen|Rep|Prof|St|Jr|Sr|No|Vol|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|approx|est|vs|etc)"
    r"|\b[A-Z](?:\.[A-Z])*)\.$"
)
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")


def word_set(text: str) -> frozenset[str]:
    """A word list written as running text."""
    return frozenset(text.split())


STOPWORDS = word_set(
    """a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each few
    for from further had has have having he her here hers herself him himself his how i if in
    into is it its itself just me more most my myself no nor not now of off on once only or
    other our ours ourselves out over own said same says she should so some such than that the
    their theirs them themselves then there these they this those through to told too under
    until up very was we were what when where which while who whom why will with would you
    your yours yourself yourselves"""
)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, offsets into ``text``, trimmed of white space."""
    spans: list[tuple[int, int]] = []
    for paragraph in re.finditer(r"[^\n]+", text):
        start = paragraph.start()
        for boundary in _BOUNDARY.finditer(paragraph.group()):
            end = paragraph.start() + boundary.end(1)  # closing quotes stay with the sentence
            if _ABBREVIATION.search(text[start:end]) or _inside_quote(text[start:end]):
                continue
            spans.append((start, end))
            start = paragraph.start() + boundary.end()
        spans.append((start, paragraph.end()))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _inside_quote(text: str) -> bool:
    """Whether ``text`` ends inside an open quotation (“They came. Then ...”)."""
    return text.count("“") > text.count("”") or text.count('"') % 2 == 1


def sentence_at(spans: Sequence[tuple[int, int]], offset: int) -> tuple[int, int] | None:
    """The sentence holding character ``offset``."""
    for start, end in spans:
        if start <= offset < end:
            return start, end
    return None


def terms(text: str) -> list[str]:
    """Content words, case-folded, plurals cut: "strikes" meets "strike", "deaths" "death"."""
    return [term for raw in _WORD.findall(text.casefold()) if (term := _term(raw)) is not None]


@lru_cache(maxsize=1 << 16)  # word forms repeat across sentences and articles
def _term(raw: str) -> str | None:
    """One case-folded word as a term, or None for a stopword, number or letter."""
    word = raw.replace("’", "'").removesuffix("'s")
    if word in STOPWORDS or len(word) < 2 or word.isdigit():
        return None
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


class Tfidf:
    """Smoothed IDF over a set of documents; vectors are L2-normalised."""

    def __init__(self, documents: Iterable[Sequence[str]]) -> None:
        frequency: Counter[str] = Counter()
        count = 0
        for document in documents:
            frequency.update(set(document))
            count += 1
        self.idf = {t: math.log((1 + count) / (1 + df)) + 1.0 for t, df in frequency.items()}
        self.default_idf = math.log(1 + count) + 1.0

    def vector(self, tokens: Sequence[str], extra: Mapping[str, float] | None = None) -> Vector:
        """TF-IDF of ``tokens``; ``extra`` adds weighted features (ids) before normalising."""
        weights: Vector = {
            t: (1 + math.log(n)) * self.idf.get(t, self.default_idf)
            for t, n in Counter(tokens).items()
        }
        for feature, weight in (extra or {}).items():
            weights[feature] = weights.get(feature, 0.0) + weight
        return normalised(weights)


def normalised(weights: Vector) -> Vector:
    norm = math.sqrt(sum(w * w for w in weights.values()))
    return {t: w / norm for t, w in weights.items()} if norm else {}


def cosine(left: Vector, right: Vector) -> float:
    if len(left) > len(right):
        left, right = right, left
    return sum(w * right.get(t, 0.0) for t, w in left.items())


def centroid(vectors: Iterable[Vector]) -> Vector:
    total: Vector = {}
    for vector in vectors:
        for t, w in vector.items():
            total[t] = total.get(t, 0.0) + w
    return normalised(total)
