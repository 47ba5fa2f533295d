"""The headline as the first paragraph of ``Article.text``, as a reader sees the article.

A headline usually states the main event, its place and its toll, and many
inputs carry it only in a title field (a news-please row's ``title`` beside its
``maintext``). With ``stages.clean.headline = "keep"`` the clean stage makes the
headline the text's first paragraph: the page's own headline when ``split`` or
the cleaner took it out of the body (a ``headline`` block), else the declared
title. Every later stage reads it and every evidence span indexes it like any
other paragraph. With ``"drop"`` the headline stays in ``removed`` only.

A kept headline is recorded as an origin ``FieldOrigin(field="headline")``
whose evidence is the paragraph, so that readers of the head of the *body*
(datelines, stamps, bylines) and exact-duplicate grouping can start after it:
:func:`body_start`.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Literal

from rapidfuzz import fuzz

from crosswire.clean.furniture import normalise
from crosswire.clean.repair import is_furniture_title
from crosswire.model import Article, FieldOrigin, RemovedBlock

HeadlineMode = Literal["keep", "drop"]
HEADLINE_MODES: tuple[HeadlineMode, ...] = ("keep", "drop")
# The default of `stages.clean.headline` (default_config.toml says the same).
DEFAULT_HEADLINE: HeadlineMode = "drop"
# The origin field that marks a kept headline paragraph.
HEADLINE_FIELD = "headline"
# How similar (0-100) a paragraph must be to the headline to be its copy, and a
# headline to the best-matching stretch of a paragraph to be inside it.
_SAME_PARAGRAPH = 95
_SAME = 90
# A headline longer than this is no headline (a title field holding a lede).
_MAX_WORDS = 40
# A site name the <title> tag adds after a separator: "Strikes hit port | Monitor".
_SITE_SUFFIX = re.compile(r"\s+[|•«»]\s+[^|•«»]{1,40}$|\s+[-–—]\s+(?P<name>[^-–—]{1,40})$")


def keep_headline(article: Article) -> Article:
    """``article`` (already cleaned) with its headline as the first paragraph of ``text``.

    The headline comes from a ``headline`` block in ``removed`` that repeats the
    title (the page's own wording), else from the title itself. Nothing changes
    when there is no usable headline or the text already opens with it.
    """
    block = _headline_block(article)
    headline = block.text if block is not None else _from_title(article)
    if not headline or not article.text:
        return article
    first = _fold(article.text.split("\n\n", 1)[0])
    removed, source = article.removed, "body" if block is not None else "title"
    if fuzz.ratio(first, _fold(headline)) >= _SAME_PARAGRAPH:
        headline, text, source = article.text.split("\n\n", 1)[0], article.text, "body"
    elif fuzz.partial_ratio(_fold(headline), first) >= _SAME:
        # The first paragraph holds the headline and more (a stamp before it, a lede
        # that opens with its words): the reader sees it already, and what it holds
        # besides stays the body's head, so nothing is marked.
        return article
    else:
        text = f"{headline}\n\n{article.text}"
        removed = tuple(b for b in removed if b is not block)
    origin = FieldOrigin(field=HEADLINE_FIELD, origin=source, evidence=headline)
    return replace(article, text=text, removed=removed, origins=(*article.origins, origin))


def body_start(article: Article) -> int:
    """Offset in ``article.text`` where the body starts: after a kept headline, else 0."""
    for origin in article.origins:
        if origin.field == HEADLINE_FIELD and origin.evidence:
            if article.text.startswith(origin.evidence):
                end = len(origin.evidence)
                return end + 2 if article.text.startswith("\n\n", end) else end
            return 0
    return 0


def body_text(article: Article) -> str:
    """``article.text`` without a kept headline paragraph."""
    return article.text[body_start(article) :]


def _headline_block(article: Article) -> RemovedBlock | None:
    """The first removed ``headline`` block that is the title (not a kicker over it)."""
    blocks = [b for b in article.removed if b.reason == "headline"]
    if not blocks:
        return None
    if not article.title:
        return blocks[0] if len(blocks) == 1 else None
    title = _fold(article.title)
    for block in blocks:
        folded = _fold(block.text)
        if folded and (fuzz.ratio(folded, title) >= _SAME or title.startswith(folded)):
            return block
    return None


def _from_title(article: Article) -> str | None:
    """The declared title as a paragraph, without a site name a <title> tag appends."""
    if not article.title:
        return None
    title = normalise(article.title)
    match = _SITE_SUFFIX.search(title)
    if match and len(title[: match.start()].split()) >= 4 and _names_site(match, article):
        title = title[: match.start()].rstrip()
    if not title or len(title.split()) > _MAX_WORDS or is_furniture_title(title):
        return None
    return title


def _names_site(match: re.Match[str], article: Article) -> bool:
    """A "|" suffix is always a site name; a dash suffix only when it names the outlet."""
    name = match.group("name")
    if name is None:
        return True
    folded = _fold(name).replace(" ", "")
    site = _fold(" ".join(x for x in (article.outlet, article.url) if x)).replace(" ", "")
    return bool(folded) and folded in site


def _fold(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))
