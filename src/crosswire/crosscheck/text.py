"""Moved to ``crosswire.text`` (per-article code uses it too); kept for the cross-article
modules that import it from here."""

from crosswire.text import (
    STOPWORDS,
    Tfidf,
    Vector,
    centroid,
    cosine,
    normalised,
    sentence_at,
    sentence_spans,
    terms,
    word_set,
)

__all__ = [
    "STOPWORDS",
    "Tfidf",
    "Vector",
    "centroid",
    "cosine",
    "normalised",
    "sentence_at",
    "sentence_spans",
    "terms",
    "word_set",
]
