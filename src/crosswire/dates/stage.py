"""Stage `dates`: resolve date expressions against the article's own date."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from crosswire.model import Article, Corpus
from crosswire.nlp.annotate import annotate
from crosswire.registry import Stage, StageContext, stage


def article_anchor(article: Article) -> date | None:
    """The first day of the article's own date, whatever its precision."""
    if not article.published:
        return None
    parts = [int(p) for p in article.published.split("-")] + [1, 1]
    return date(parts[0], parts[1], parts[2])


@stage("dates", needs=["docs", "analyses"], provides=["analyses.dates"])
def make_dates() -> Stage:
    """Resolve "Tuesday", "late September", "since 2014" ... to ranges with a precision."""
    from crosswire.dates.find import find_dates

    def dates(corpus: Corpus, context: StageContext) -> Corpus:
        return annotate(
            corpus,
            lambda analysis, doc, article: replace(
                analysis,
                dates=tuple(
                    find_dates(
                        doc,
                        article.id,
                        article_anchor(article),
                        article.published_precision or "day",
                    )
                ),
            ),
        )

    return dates
