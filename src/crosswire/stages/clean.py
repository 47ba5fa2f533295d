"""Stage `clean`: take page furniture out of article bodies, paragraph by paragraph.

The scoring lives in ``crosswire.furniture``. Removed paragraphs (and furniture
sentences split off a body paragraph) are kept in ``Article.removed`` with a
reason code and a score, after whatever earlier stages removed (the headline).
"""

from __future__ import annotations

from dataclasses import replace

from crosswire.errors import ConfigError
from crosswire.furniture import clean_text
from crosswire.model import Article, Corpus
from crosswire.registry import Stage, StageContext, stage


def clean_article(article: Article, *, threshold: float = 0.5) -> Article:
    cleaned = clean_text(
        article.text, title=article.title, outlet=article.outlet, threshold=threshold
    )
    return replace(article, text=cleaned.text, removed=article.removed + cleaned.removed)


@stage("clean", needs=["articles"], provides=["articles"])
def make_clean(threshold: float = 0.5) -> Stage:
    """Remove page furniture (banners, prompts, credits, comments, bylines) from bodies."""
    if not 0.0 < threshold < 1.0:
        raise ConfigError(f"stages.clean.threshold must lie between 0 and 1, got {threshold}")

    def clean(corpus: Corpus, context: StageContext) -> Corpus:
        articles = tuple(clean_article(a, threshold=threshold) for a in corpus.articles)
        return replace(corpus, articles=articles)

    return clean
