"""Stage `clean`: take page furniture out of article bodies, paragraph by paragraph.

The scoring lives in ``crosswire.clean.furniture``. Removed paragraphs (and furniture
sentences split off a body paragraph) are kept in ``Article.removed`` with a
reason code and a score, after whatever earlier stages removed (the headline).
An article whose every paragraph is furniture is rejected as ``no_text``.

``headline = "keep"`` then makes the headline the first paragraph of ``text``
(``crosswire.clean.headline``): the page's own headline back from ``removed``,
or the declared title when the body does not open with it. ``"drop"`` leaves
the headline in ``removed`` only.
"""

from __future__ import annotations

from dataclasses import replace

from crosswire.clean.furniture import clean_text
from crosswire.clean.headline import DEFAULT_HEADLINE, HEADLINE_MODES, keep_headline
from crosswire.errors import ConfigError
from crosswire.model import Article, Corpus, Rejection
from crosswire.registry import Stage, StageContext, stage


def clean_article(
    article: Article, *, threshold: float = 0.5, headline: str = DEFAULT_HEADLINE
) -> Article:
    """The article with its furniture moved from ``text`` to ``removed``.

    With ``headline="keep"`` the headline then opens ``text`` (see ``clean.headline``).
    """
    cleaned = clean_text(
        article.text, title=article.title, outlet=article.outlet, threshold=threshold
    )
    result = replace(article, text=cleaned.text, removed=article.removed + cleaned.removed)
    return keep_headline(result) if headline == "keep" else result


@stage("clean", needs=["articles"], provides=["articles", "rejections"])
def make_clean(threshold: float = 0.5, headline: str = DEFAULT_HEADLINE) -> Stage:
    """Remove page furniture (banners, prompts, credits, comments, bylines) from bodies."""
    if not 0.0 < threshold < 1.0:
        raise ConfigError(f"stages.clean.threshold must lie between 0 and 1, got {threshold}")
    if headline not in HEADLINE_MODES:
        raise ConfigError(f"stages.clean.headline must be 'keep' or 'drop', got {headline!r}")

    def clean(corpus: Corpus, context: StageContext) -> Corpus:
        kept: list[Article] = []
        rejected: list[Rejection] = []
        for article in corpus.articles:
            cleaned = clean_article(article, threshold=threshold, headline=headline)
            if cleaned.text or not article.text.strip():
                kept.append(cleaned)
                continue
            rejected.append(
                Rejection(
                    source=article.source,
                    stage="clean",
                    reason="no_text",
                    detail=f"all {len(cleaned.removed) - len(article.removed)} blocks were "
                    "page furniture",
                    input_sha256=article.input_sha256,
                    position=article.position,
                )
            )
        return replace(corpus, articles=tuple(kept), rejections=corpus.rejections + tuple(rejected))

    return clean
