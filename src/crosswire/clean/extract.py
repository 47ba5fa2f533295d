"""Stage `extract`: raw documents -> articles (or rejections).

HTML documents go through ``crosswire.clean.html``: the article body, and the
title, author, date, site name and canonical URL the page declares (origin
``html-meta``). What the container declared on the document (a feed item's
title, a JSON record's author: origin ``metadata``) wins over the page. The
page's other text (navigation, share bars, bylines, comments ...) goes to
``Article.removed`` in document order, each block with the reason the
extractor left it out; the ``clean`` stage appends its own removals after it.

Every other format is already plain text; its body is normalised to the text
contract and nothing else: line endings unified, hard-wrapped lines re-joined,
paragraphs separated by one blank line. No line is dropped here; furniture is
the ``clean`` stage's work and multi-article files the ``split`` stage's.
"""

from __future__ import annotations

import re
from dataclasses import replace

from crosswire.clean.html import ExtractedPage, collapse, extract_html
from crosswire.clean.repair import is_furniture_title, repair
from crosswire.metadata import pubdates
from crosswire.model import Article, Corpus, FieldOrigin, RawDocument, Rejection
from crosswire.registry import Stage, StageContext, stage

STAGE = "extract"

_LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\x0b\x0c\x85]")
_BLANK_LINE = re.compile(r"\n[ \t\xa0]*\n")
# A line opening a list item, which starts its own paragraph even when wrapped text precedes it.
_LIST_ITEM = re.compile(r"^\s*(?:[-*•·–]\s|\(?\d{1,3}[.)]\s|\(?[a-z][.)]\s)")
# Lines longer than this are not hard-wrapped: each is a paragraph of its own.
_MAX_WRAP_WIDTH = 100
# A wrapped line is at least this share of the wrap width; a shorter one ends its paragraph.
_FULL_LINE = 0.5
# Wrapped text has several lines about this close to the wrap width.
_NEAR_WIDTH = 0.8


# Limits on one document (issue: no single input may stall or exhaust a run).
# A page with more tags than this is too_complex: extraction costs about a millisecond
# per tag (mostly trafilatura); news pages hold a few thousand.
MAX_ELEMENTS = 25_000
# An article's text is cut (truncated) after this many characters: some 20,000 words,
# beyond any news feature, and where every stage still takes seconds.
MAX_CHARS = 120_000


@stage("extract", needs=["documents"], provides=["articles", "rejections"])
def make_extract(
    min_chars: int = 80, max_elements: int = MAX_ELEMENTS, max_chars: int = MAX_CHARS
) -> Stage:
    """Extract article bodies and page metadata from raw documents."""
    if min_chars < 0:
        raise ValueError(f"extract min_chars must not be negative, got {min_chars}")

    def extract(corpus: Corpus, context: StageContext) -> Corpus:
        articles: list[Article] = []
        rejections: list[Rejection] = []
        for document in corpus.documents:
            result = extract_document(
                document, min_chars=min_chars, max_elements=max_elements, max_chars=max_chars
            )
            if isinstance(result, Article):
                articles.append(result)
            else:
                rejections.append(result)
            context.progress(STAGE, 1)
        return replace(
            corpus,
            articles=corpus.articles + tuple(articles),
            rejections=corpus.rejections + tuple(rejections),
        )

    return extract


def extract_document(
    document: RawDocument,
    *,
    min_chars: int = 80,
    max_elements: int = MAX_ELEMENTS,
    max_chars: int = MAX_CHARS,
) -> Article | Rejection:
    """One document's article, or the reason there is none."""
    if document.format == "html":
        tags = document.content.count("<")
        if tags > max_elements:
            return _reject(document, "too_complex", f"{tags} tags; the limit is {max_elements}")
        page = extract_html(document.content, document.url)
        text = page.text
    else:
        page = ExtractedPage()
        text = normalise_plain_text(document.content)
    text, repaired = repair(text)
    if not text:
        return _reject(document, "no_text", "no body text found")
    if len(text) < min_chars:
        return _reject(document, "too_short", f"{len(text)} characters, fewer than {min_chars}")
    if len(text) > max_chars:
        cut = text.rfind("\n\n", 0, max_chars)
        cut = cut if cut > max_chars // 2 else max_chars
        detail = f"text cut at {cut} of {len(text)} characters (limit {max_chars})"
        document = replace(document, notes=(*document.notes, ("truncated", detail)))
        text = text[:cut]
    article = _article(document, text, page)
    if repaired:
        origin = FieldOrigin(field="text", origin="repaired", evidence=repaired)
        article = replace(article, origins=(*article.origins, origin))
    return article


def normalise_plain_text(text: str) -> str:
    """Plain text to the contract: paragraphs joined by a blank line, wrapped lines re-joined."""
    text = _LINE_BREAKS.sub("\n", text)
    blocks = [block.split("\n") for block in _BLANK_LINE.split(text)]
    lines = [collapse(line) for block in blocks for line in block]
    width = _wrap_width([line for line in lines if line])
    paragraphs: list[str] = []
    for block in blocks:
        paragraphs += _unwrap([collapse(line) for line in block if line.strip()], width)
    return "\n\n".join(paragraphs)


def _wrap_width(lines: list[str]) -> int | None:
    """The column the text was wrapped at, or ``None`` when it was not hard-wrapped."""
    if len(lines) < 2:
        return None
    lengths = sorted(len(line) for line in lines)
    # The longest lines mark the wrap column; a stray long line (a URL) should not.
    width = lengths[int(0.9 * (len(lengths) - 1))]
    near_width = sum(1 for length in lengths if length >= _NEAR_WIDTH * width)
    if width > _MAX_WRAP_WIDTH or near_width < 2:
        return None
    return width


def _unwrap(lines: list[str], width: int | None) -> list[str]:
    """Join the lines of one blank-line-separated block into paragraphs."""
    paragraphs: list[str] = []
    current: list[str] = []
    for line in lines:
        if current and not _continues(current[-1], line, width):
            paragraphs.append(_join(current))
            current = []
        current.append(line)
    if current:
        paragraphs.append(_join(current))
    return paragraphs


def _continues(previous: str, line: str, width: int | None) -> bool:
    """Whether ``line`` carries on the paragraph ``previous`` was wrapped from."""
    if width is None or _LIST_ITEM.match(line):
        return False
    if len(previous) < _FULL_LINE * width:
        return False
    # A greedy wrapper breaks only where the next word would not fit: if it would
    # have, the writer ended the line on purpose.
    next_word = line.split(" ", 1)[0]
    return len(previous) + 1 + len(next_word) > width


def _join(lines: list[str]) -> str:
    joined = lines[0]
    for line in lines[1:]:
        # "well-" at a line end and "known" after it were one word.
        glue = "" if joined.endswith("-") and joined[-2:-1].isalpha() else " "
        joined = f"{joined}{glue}{line}"
    return joined


def _article(document: RawDocument, text: str, page: ExtractedPage) -> Article:
    # What a reader repaired or cut is recorded on the article, under its reason code.
    origins = [
        FieldOrigin(field="text", origin=reason, evidence=detail)
        for reason, detail in document.notes
    ]

    def pick(field: str, declared: str | None, from_page: str | None, page_key: str) -> str | None:
        # The container's declaration wins over the page's own.
        if declared and declared.strip():
            origins.append(FieldOrigin(field=field, origin="metadata", evidence=declared))
            return _repaired(field, declared, origins)
        if from_page:
            evidence = page.evidence.get(page_key, "")
            origins.append(
                FieldOrigin(field=field, origin="html-meta", evidence=f"{evidence}: {from_page}")
            )
            return _repaired(field, from_page, origins)
        return None

    title = pick("title", document.title, page.title, "title")
    if title and is_furniture_title(title):
        # Page furniture ("Accessibility links") is no title; the split stage may find one.
        origins[:] = [o for o in origins if o.field != "title"]
        origins.append(FieldOrigin(field="title", origin="furniture", evidence=title))
        title = None
    outlet = pick("outlet", document.outlet, page.site_name, "site_name")
    author = pick("author", document.author, page.author, "author")
    url = pick("url", document.url, page.url, "url")
    language = pick("language", document.language, page.language, "language")
    published, precision = _published(document, page, origins)
    return Article(
        input_sha256=document.input_sha256,
        position=document.position,
        source=document.source,
        format=document.format,
        text=text,
        title=title,
        outlet=outlet,
        author=author,
        url=url,
        published=published,
        published_precision=precision,
        language=language,
        origins=tuple(origins),
        removed=page.removed,
        encoding=document.encoding,
    )


def _repaired(field: str, value: str, origins: list[FieldOrigin]) -> str:
    """A metadata value with mojibake and control characters repaired, on one line."""
    fixed, note = repair(value)
    fixed = " ".join(fixed.split())
    if note:
        origins.append(FieldOrigin(field=field, origin="repaired", evidence=note))
    return fixed


def _published(
    document: RawDocument, page: ExtractedPage, origins: list[FieldOrigin]
) -> tuple[str | None, pubdates.Precision | None]:
    """The first declared date that reads as a date, container first, as ISO."""
    candidates = [
        (document.published, "metadata", document.published or ""),
        (page.published, "html-meta", f"{page.evidence.get('published', '')}: {page.published}"),
    ]
    for value, origin, evidence in candidates:
        if not value:
            continue
        resolved = pubdates.normalise_declared(value)
        if resolved is not None:
            origins.append(FieldOrigin(field="published", origin=origin, evidence=evidence))
            return resolved.iso, resolved.precision
    return None, None


def _reject(document: RawDocument, reason: str, detail: str) -> Rejection:
    return Rejection(
        source=document.source,
        stage=STAGE,
        reason=reason,
        detail=detail,
        input_sha256=document.input_sha256,
        position=document.position,
    )
