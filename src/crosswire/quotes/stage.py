"""Stage `quotes`: direct quotes and indirect attributions with speaker and cue verb."""

from __future__ import annotations

from dataclasses import replace

from crosswire.model import Corpus
from crosswire.nlp.annotate import annotate
from crosswire.registry import Stage, StageContext, stage


@stage("quotes", needs=["docs", "analyses"], provides=["analyses"])
def make_quotes() -> Stage:
    """Find direct and indirect quotes with their speaker and cue verb."""
    from crosswire.quotes.find import find_quotes

    def quotes(corpus: Corpus, context: StageContext) -> Corpus:
        return annotate(
            corpus,
            lambda analysis, doc, article: replace(
                analysis, quotes=tuple(find_quotes(doc, article.id))
            ),
        )

    return quotes
