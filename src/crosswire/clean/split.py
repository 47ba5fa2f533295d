"""Stage `split`: one article per story, with the headline out of the body.

An input may hold several stories one after another (a digest page, a text
file of pasted articles). A new story starts at a headline-shaped paragraph
followed by a byline or a dateline (a date stamp may sit between them); a
short line followed by ordinary text (a subheading) never starts one. Parts
get positions "P.0", "P.1", ... where P is the input's position; an input
holding one story keeps its position.

The headline goes to ``title`` and is kept in ``removed`` (reason
``headline``): the first line of a title-less text when it is
headline-shaped, a first paragraph that repeats the declared title, and
each later story's headline. Bylines stay in the text for ``clean``.

Declared metadata belongs to the page, so only the first part keeps the
declared title, author and date; every part keeps the URL and the declared
outlet, which name the page that carried them all.
"""

from __future__ import annotations

import re
from dataclasses import replace

from rapidfuzz import fuzz

from crosswire.clean.repair import is_furniture_title
from crosswire.metadata.bylines import is_headline_shaped, opens_story
from crosswire.model import Article, Corpus, FieldOrigin, RemovedBlock
from crosswire.registry import Stage, StageContext, stage

# A part must carry at least this much body besides headline, byline and stamps: more
# than a photo caption, so a caption and credit above the lede never make a story.
_MIN_BODY_WORDS = 25
# How similar (0-100) a first paragraph must be to the title to count as its repeat.
_REPEAT_SIMILARITY = 90
# How similar a headline over a byline must be to the declared title to be its variant
# (a standfirst under the headline shares fewer words and stays in the text).
_RESTATE_SIMILARITY = 60
# Fields that describe the page rather than one story on it.
_PAGE_FIELDS = ("url", "outlet")


@stage("split", needs=["articles"], provides=["articles"])
def make_split(min_body_words: int = _MIN_BODY_WORDS) -> Stage:
    """Split inputs holding several stories; move headlines into ``title``."""

    def split(corpus: Corpus, context: StageContext) -> Corpus:
        articles: list[Article] = []
        for article in corpus.articles:
            articles.extend(split_article(article, min_body_words=min_body_words))
        return replace(corpus, articles=tuple(articles))

    return split


def split_article(article: Article, *, min_body_words: int = _MIN_BODY_WORDS) -> list[Article]:
    paragraphs = [p for p in article.text.split("\n\n") if p.strip()]
    starts = _story_starts(paragraphs, min_body_words)
    if len(starts) <= 1:
        return [_with_headline(article, paragraphs)]
    parts = []
    bounds = [*starts[1:], len(paragraphs)]
    for number, (start, end) in enumerate(zip(starts, bounds, strict=True)):
        chunk = paragraphs[start:end]
        if number == 0:
            part = replace(article, position=f"{article.position}.0")
            parts.append(_with_headline(part, chunk))
            continue
        headline = chunk[0]
        kept_origins = tuple(o for o in article.origins if o.field in _PAGE_FIELDS)
        parts.append(
            replace(
                article,
                position=f"{article.position}.{number}",
                text="\n\n".join(chunk[1:]),
                title=headline,
                author=None,
                published=None,
                published_precision=None,
                removed=(RemovedBlock(text=headline, reason="headline"),),
                origins=(*kept_origins, _title_origin(headline)),
            )
        )
    return parts


def _story_starts(paragraphs: list[str], min_body_words: int) -> list[int]:
    """Indexes where stories start: 0, then each headline with enough body on both sides."""
    starts = [0]
    for index in range(1, len(paragraphs) - 1):
        if not opens_story(paragraphs, index):
            continue
        before = paragraphs[starts[-1] : index]
        after = paragraphs[index + 1 :]
        if _body_words(before) >= min_body_words and _body_words(after) >= min_body_words:
            starts.append(index)
    return starts


def _body_words(paragraphs: list[str]) -> int:
    """Words in paragraphs that read as body: longer than a byline or stamp, not headlines."""
    return sum(
        len(p.split()) for p in paragraphs if len(p.split()) > 8 and not is_headline_shaped(p)
    )


def _with_headline(article: Article, paragraphs: list[str]) -> Article:
    """Move the opening headline out of the body, or drop its repeat of the title."""
    if len(paragraphs) < 2:
        return replace(article, text="\n\n".join(paragraphs))
    first = paragraphs[0]
    headline: list[str] = []
    title, origins = article.title, article.origins
    if title and (_repeats(first, title) or _restates(paragraphs, title)):
        headline = [first]
    elif not title and _is_kicker(paragraphs) and not is_furniture_title(paragraphs[1]):
        # "World | Middle East" over the real headline: both are headline furniture.
        headline, title = paragraphs[:2], paragraphs[1]
        origins = (*origins, _title_origin(title))
    elif not title and is_headline_shaped(first) and not is_furniture_title(first):
        headline, title = [first], first
        origins = (*origins, _title_origin(title))
    return replace(
        article,
        text="\n\n".join(paragraphs[len(headline) :]),
        title=title,
        removed=(*(RemovedBlock(text=h, reason="headline") for h in headline), *article.removed),
        origins=origins,
    )


def _is_kicker(paragraphs: list[str]) -> bool:
    first, second = paragraphs[0], paragraphs[1]
    return (
        len(paragraphs) > 2
        and len(first.split()) <= 3
        and is_headline_shaped(first)
        and len(second.split()) > len(first.split())
        and opens_story(paragraphs, 1)
    )


def _repeats(paragraph: str, title: str) -> bool:
    """The paragraph is the title again, maybe with the site name the <title> tag adds."""
    para, head = _fold(paragraph), _fold(title)
    if not para or not head or len(paragraph.split()) > 30:
        return False
    if fuzz.ratio(para, head) >= _REPEAT_SIMILARITY:
        return True
    # "Strikes hit port" in the text, "Strikes hit port | Levant Monitor" declared. The
    # other way round the paragraph may be a lede that opens with the title's words.
    return (
        len(para) < len(head)
        and head.startswith(para)
        and len(para) >= 0.5 * len(head)
        and is_headline_shaped(paragraph)
    )


def _restates(paragraphs: list[str], title: str) -> bool:
    """A differently worded headline over the byline: "Deadly strikes hit Hodeidah port"."""
    return (
        opens_story(paragraphs, 0)
        and fuzz.token_set_ratio(_fold(paragraphs[0]), _fold(title)) >= _RESTATE_SIMILARITY
    )


def _fold(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def _title_origin(headline: str) -> FieldOrigin:
    return FieldOrigin(field="title", origin="body", evidence=headline)
