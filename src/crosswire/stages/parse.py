"""Stage `parse`: run spaCy's English pipeline over the English articles, batched.

The parsed Docs ride along in ``Corpus.docs`` for the understanding stages of
the same batch and are dropped once the batch is stored.
"""

from __future__ import annotations

from dataclasses import replace

from crosswire.model import Analysis, Corpus
from crosswire.registry import Stage, StageContext, stage


@stage("parse", needs=["articles"], provides=["docs", "analyses"])
def make_parse(batch_size: int = 32, disable: list[str] | None = None) -> Stage:
    """Parse English articles with spaCy (nlp.pipe); start an empty analysis for each."""
    from crosswire.nlp import load_fast_nlp

    nlp = load_fast_nlp(tuple(disable or ()))

    def parse(corpus: Corpus, context: StageContext) -> Corpus:
        english = [a for a in corpus.articles if a.is_english and a.text]
        docs = nlp.pipe((a.text for a in english), batch_size=batch_size)
        parsed = tuple((a.id, doc) for a, doc in zip(english, docs, strict=True))
        known = {a.article for a in corpus.analyses}
        fresh = tuple(Analysis(article=a.id) for a in english if a.id not in known)
        return replace(corpus, docs=corpus.docs + parsed, analyses=corpus.analyses + fresh)

    return parse
