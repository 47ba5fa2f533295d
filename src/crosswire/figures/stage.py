"""Stage `figures`: numbers, ranges, bounds and vague quantities, with what they count and who
states them."""

from __future__ import annotations

from dataclasses import replace

from crosswire.model import Corpus
from crosswire.nlp.annotate import annotate
from crosswire.registry import Stage, StageContext, stage


@stage("figures", needs=["docs", "analyses"], provides=["analyses.figures"])
def make_figures() -> Stage:
    """Find figures ("dozens", "70-75 percent", "at least 1,200") with counted thing and speaker."""
    from crosswire.figures.find import find_figures

    def figures(corpus: Corpus, context: StageContext) -> Corpus:
        return annotate(
            corpus,
            lambda analysis, doc, article: replace(
                analysis, figures=tuple(find_figures(doc, article.id, article.outlet))
            ),
        )

    return figures
