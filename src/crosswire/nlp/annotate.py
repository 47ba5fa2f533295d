"""Shared plumbing for the understanding stages that annotate parsed articles.

Each such stage looks at one article at a time: its parsed Doc (from `parse`),
the article record and its Analysis so far, and returns a new Analysis.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from crosswire.model import Analysis, Article, Corpus

if TYPE_CHECKING:
    from spacy.tokens import Doc

Annotator = Callable[[Analysis, "Doc", Article], Analysis]


def annotate(corpus: Corpus, annotator: Annotator) -> Corpus:
    """Apply ``annotator`` to every parsed article's Analysis; the rest pass through."""
    docs = dict(corpus.docs)
    articles = {a.id: a for a in corpus.articles}

    def one(analysis: Analysis) -> Analysis:
        doc, article = docs.get(analysis.article), articles.get(analysis.article)
        if doc is None or article is None:
            return analysis
        return annotator(analysis, doc, article)  # type: ignore[arg-type]  # Corpus.docs holds spaCy Docs

    return replace(corpus, analyses=tuple(one(a) for a in corpus.analyses))
