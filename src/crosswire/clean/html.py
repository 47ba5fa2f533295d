"""Article body and metadata from one HTML page.

``extract_html`` is a pure function: markup in, ``ExtractedPage`` out.

How the body is found:

1. The page is cut into text blocks (paragraphs, headings, list items, cells,
   text split at ``<br>``), each remembering its element, how much of it is
   link text and which block elements hold it.
2. trafilatura runs twice on the same tree, as is and favouring precision. A
   block belongs to a run's selection when most of its 4-token shingles occur
   in that run's text. The runs fail differently (one keeps menus, the other
   drops whole articles or keeps neighbouring teasers), so what both keep is
   the trustworthy core.
3. The selection locates the article container: the element whose selected
   text, less a fraction of its other text, scores highest. Containers with the
   same tag and class in the same kind of parent (a body split around ad slots)
   join it.
4. Inside the container a block is kept when a run kept it and it is not
   mostly links, or when it reads as prose neither run dared to keep; outside,
   only when both runs kept it and it is neither furniture (share bars, related
   links, comments, captions ...) nor a heading. The headline never enters the
   body.
5. Every other block with words in it (button labels included) comes back in
   ``removed``, in document order, with the reason ``crosswire.clean.html_furniture``
   reads from its place in the page and its words, so the cut can be audited.

A fragment (a feed item's markup, with no ``<html>`` or ``<body>``) is all
body: its text blocks are kept as they are, less furniture and link lists.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from html import unescape
from typing import Any
from urllib.parse import urljoin, urlsplit

import lxml.etree
import lxml.html
import trafilatura
from rapidfuzz import fuzz

from crosswire.clean import html_furniture
from crosswire.clean.html_furniture import Signal
from crosswire.model import RemovedBlock

# Elements whose content is never article text.
_SKIP_TAGS = frozenset(
    {
        "head", "script", "style", "noscript", "template", "svg", "math", "iframe", "object",
        "embed", "canvas", "video", "audio", "select", "option", "input", "textarea", "map",
        "dialog",
    }
)  # fmt: skip
# Elements whose text is shown ("Subscribe") but is never article text.
_CONTROL_TAGS = frozenset({"button"})
# Attributes that name what an element is for (a block element's class is read beforehand).
_NODE_NAME_ATTRIBUTES = frozenset({"id", "role", "aria-label"})
_INLINE_NAME_ATTRIBUTES = frozenset({"class", "id", "itemprop"})
# What a piece of text is inside of.
_PLAIN, _LINKED, _CONTROL = 0, 1, 2
# Elements that start a new text block.
_BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "div",
        "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
        "h5", "h6", "header", "hr", "html", "li", "main", "nav", "ol", "p", "pre", "section",
        "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    }
)  # fmt: skip
_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_HEADLINE_TAGS = frozenset({"h1", "h2"})
# Containers whose text is page furniture, by tag and by class or id words.
_FURNITURE_TAGS = frozenset({"nav", "footer", "aside", "figcaption", "form"})
_FURNITURE_WORDS = re.compile(
    r"comment|share|sharing|social|related|recommend|newsletter|subscri|promo|advert|sponsor"
    r"|(?:^|[-_ ])ads?(?:$|[-_ ])|sidebar|widget|breadcrumb|cookie|popup|modal|footer|(?:^|[-_ ])"
    r"(?:menu|nav|navbar|tags?|tag-?list)(?:$|[-_ ])|author-?bio|byline|caption|credit|signup"
    r"|toolbar|pagination|more-stories|trending|most-?popular|outbrain|taboola|disqus|masthead",
    re.IGNORECASE,
)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_TOKEN = re.compile(r"\w+")
_SPACE = re.compile(r"\s+")
_INVISIBLE = re.compile("[\u200b\u2060\ufeff]")  # zero-width space, word joiner, BOM
_SENTENCE_END = re.compile(r"[.!?…:;。！？»”\"')\]]\s*$")
_URL_TEXT = re.compile(r"\s*(?:https?://|www\.)\S+\s*$", re.IGNORECASE)
_WHOLE_PAGE = re.compile(r"<(?:html|body)[\s>]", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
# Separators sites put between the headline and their own name in <title>.
_TITLE_SEPARATORS = re.compile(r"\s+[|\-–—:·•»]\s+")
_NOT_ALNUM = re.compile(r"[\W_]+")
# Deep nesting: libxml2 keeps 255 levels; wrappers beyond this depth are dropped.
_MAX_DEPTH = 200
_TAG = re.compile(r"<(/?)([A-Za-z][\w:-]*)[^<>]*?(/?)>")
_VOID = frozenset(
    ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
     "source", "track", "wbr"]
)  # fmt: skip
_BLOCKS_KEPT = frozenset(
    ["p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "td", "th", "tr"]
)
_MAX_SITE_WORDS = 4  # a site's name in <title> is at most this long

_SHINGLE = 4
_SELECTED = 0.5  # share of a block's shingles a run must contain to have kept the block
_MIN_SINGLE_SHARE = 0.1  # weight of a block one run kept, when the runs mostly agree
_OTHER_TEXT_COST = 0.5  # what a character of non-core text costs an article container
_SECOND_OPINION = 0.5  # the precision run reruns with fallbacks below this share of the other
_PROSE_CHARS = 80  # an unselected block must be this long to be kept as prose
_MAX_LINK_DENSITY = 0.35  # above it, a block one run kept is a link list
_MAX_SENTENCE_LINK_DENSITY = 0.8  # a sentence both runs kept may carry this many links
_MAX_PROSE_LINK_DENSITY = 0.2  # prose no run kept carries at most this many
_REPEAT_TOKENS = 4  # a left-out block this long repeating earlier text is a duplicate


@dataclass(frozen=True, kw_only=True, slots=True)
class ExtractedPage:
    """What one HTML page yields: body paragraphs and page metadata with its evidence."""

    paragraphs: tuple[str, ...] = ()
    removed: tuple[RemovedBlock, ...] = ()  # the page's other text, in document order
    title: str | None = None
    author: str | None = None
    published: str | None = None  # as the page states it (usually ISO 8601)
    site_name: str | None = None
    url: str | None = None  # canonical URL when the page declares one
    language: str | None = None
    evidence: dict[str, str] = field(default_factory=dict)  # field -> where it was read

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


@dataclass(slots=True)
class _Block:
    text: str  # what may be article text: without button labels
    shown: str  # all of its visible text
    link_chars: int
    owner: int  # preorder number of the block element holding the text
    tag: str
    in_heading: bool
    inline: list[lxml.html.HtmlElement]  # its inline elements other than links
    tokens: list[str] = field(default_factory=list)

    @property
    def link_density(self) -> float:
        return self.link_chars / max(1, len(self.text))


@dataclass(slots=True)
class _Node:
    """A block-level element, by preorder number."""

    tag: str
    signature: str  # tag and class, to find twin containers
    parent: int
    depth: int
    furniture: bool  # its tag, class or id names page furniture
    element: lxml.html.HtmlElement
    classes: str
    end: int = 0  # last preorder number inside it


@dataclass(slots=True)
class _Layout:
    blocks: list[_Block] = field(default_factory=list)
    nodes: list[_Node] = field(default_factory=list)

    def inside(self, block: _Block, node: int) -> bool:
        return node <= block.owner <= self.nodes[node].end


def extract_html(html: str, url: str | None = None) -> ExtractedPage:
    """Extract the article body and metadata from ``html`` (a whole page)."""

    tree = parse_html(html)
    if tree is None:
        return ExtractedPage()
    meta = _read_metadata(tree, url)
    layout = _segment(tree)
    titles = _title_variants(meta.get("title"), layout)
    title = [_is_title(b, titles) for b in layout.blocks]
    region: list[int] = []
    if _WHOLE_PAGE.search(html) is None:
        # A fragment (a feed item's or a record's markup) is all body: nothing to look for.
        kept = _fragment_kept(layout, title)
    else:
        runs = [
            _trafilatura(tree, url, fast=True),
            _trafilatura(tree, url, fast=True, precise=True),
        ]
        if len(runs[1]) < _SECOND_OPINION * len(runs[0]):
            # The cautious run lost most of the text; its fallback extractors may find it again.
            runs[1] = _trafilatura(tree, url, fast=False, precise=True)
        kept, region = _judge(layout, runs, title)
    paragraphs, removed = _partition(layout, kept, title, region)
    return ExtractedPage(
        paragraphs=tuple(paragraphs),
        removed=tuple(removed),
        title=meta.get("title"),
        author=meta.get("author"),
        published=meta.get("published"),
        site_name=meta.get("site_name"),
        url=meta.get("url"),
        language=meta.get("language"),
        evidence=meta.evidence,
    )


def _trafilatura(
    tree: lxml.html.HtmlElement, url: str | None, *, fast: bool, precise: bool = False
) -> str:
    try:
        text = trafilatura.extract(
            tree, url=url, fast=fast, favor_precision=precise, include_comments=False
        )
    except (ValueError, TypeError, lxml.etree.LxmlError):
        # Markup trafilatura chokes on is bad input: this run found nothing.
        return ""
    return text or ""


def parse_html(html: str) -> lxml.html.HtmlElement | None:
    """Parse a page; ``None`` when there is no document to speak of."""

    html = _XML_DECLARATION.sub("", html, count=1)
    if not html.strip():
        return None
    html = flatten_deep_markup(html)
    try:
        tree = lxml.html.document_fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return None
    return tree if isinstance(tree, lxml.html.HtmlElement) else None


def flatten_deep_markup(html: str, max_depth: int = _MAX_DEPTH) -> str:
    """``html`` without the container tags nested deeper than ``max_depth``.

    libxml2 drops everything below depth 255, so text inside deeply nested
    wrappers would be lost; the wrappers themselves carry no text. Paragraph-
    level tags are kept whatever their depth. One linear pass over the tags.
    """
    if html.count("<") < max_depth:
        return html
    kept: list[str] = []
    stack: list[str] = []
    dropped: dict[str, int] = {}
    last = 0
    for match in _TAG.finditer(html):
        closing, name = match.group(1), match.group(2).lower()
        drop = False
        if name in _VOID or match.group(3):
            pass
        elif not closing:
            if len(stack) >= max_depth and name not in _BLOCKS_KEPT:
                dropped[name] = dropped.get(name, 0) + 1
                drop = True
            else:
                stack.append(name)
        elif stack and stack[-1] == name:
            stack.pop()
        elif dropped.get(name):
            dropped[name] -= 1
            drop = True
        elif name in stack:
            del stack[len(stack) - 1 - stack[::-1].index(name) :]
        if drop:
            kept.append(html[last : match.start()])
            last = match.end()
    if last == 0:
        return html
    kept.append(html[last:])
    return "".join(kept)


def collapse(text: str) -> str:
    """Runs of white space as one space, invisible zero-width marks dropped, ends trimmed."""
    return _SPACE.sub(" ", _INVISIBLE.sub("", text)).strip()


# --------------------------------------------------------------------------
# Segmentation


def _segment(tree: lxml.html.HtmlElement) -> _Layout:
    """Cut the page into text blocks in reading order."""
    walk = _Walk()
    # An explicit stack instead of recursion: some pages nest thousands deep.
    stack: list[tuple[Any, bool]] = [(tree, True)]
    while stack:
        element, opening = stack.pop()
        tag = element.tag if isinstance(element.tag, str) else ""
        if not opening:
            walk.close(element, tag)
        elif walk.open(element, tag):
            stack.append((element, False))
            stack.extend((child, True) for child in reversed(element))
    if walk.owners:
        walk.flush()
    for block in walk.layout.blocks:
        block.tokens = _TOKEN.findall(block.text)
    return walk.layout


@dataclass(slots=True)
class _Walk:
    """Where a walk over the page stands: open elements, and the text since the last block."""

    layout: _Layout = field(default_factory=_Layout)
    fragments: list[tuple[str, int]] = field(
        default_factory=list
    )  # (text, _PLAIN, _LINKED or _CONTROL)
    has_control: bool = False  # whether a button opened since the last block
    inline: list[lxml.html.HtmlElement] = field(default_factory=list)  # opened since the last block
    owners: list[int] = field(default_factory=list)  # block elements open around the walk position
    heading_depth: int = 0
    link_depth: int = 0
    control_depth: int = 0
    kind: int = _PLAIN  # of the text at the walk position
    # id(element) -> (block, heading, link, control), read again when the element closes
    marks: dict[int, tuple[bool, bool, bool, bool]] = field(default_factory=dict)

    def open(self, element: Any, tag: str) -> bool:
        """Enter ``element``; False when only its tail counts and its content is skipped."""
        if not tag or tag in _SKIP_TAGS or _hidden(element):
            # Comments, processing instructions and skipped elements: only the tail counts.
            if element.tail:
                self.fragments.append((element.tail, self.kind))
            return False
        tag = tag.lower()
        is_block = tag in _BLOCK_TAGS or tag == "br"
        is_heading = tag in _HEADING_TAGS
        # A link showing its own address is a printed reference, not navigation.
        is_link = tag == "a" and not _shows_address(element)
        is_control = tag in _CONTROL_TAGS
        self.marks[id(element)] = (is_block, is_heading, is_link, is_control)
        if is_block:
            self.flush()
            if tag != "br":
                self._open_node(element, tag)
        elif tag != "a":
            # A link's class styles the link; a <span class="author"> says what it holds.
            self.inline.append(element)
        self.heading_depth += is_heading
        if is_link or is_control:
            self.link_depth += is_link
            self.control_depth += is_control
            self._set_kind()
            self.has_control = self.has_control or is_control
        if element.text:
            self.fragments.append((element.text, self.kind))
        return True

    def close(self, element: Any, tag: str) -> None:
        """Leave ``element``, ending its block if it is one; its tail follows it."""
        is_block, is_heading, is_link, is_control = self.marks.pop(id(element))
        if is_block and tag.lower() != "br":
            self.flush()
            node = self.owners.pop()
            self.layout.nodes[node].end = len(self.layout.nodes) - 1
        self.heading_depth -= is_heading
        if is_link or is_control:
            self.link_depth -= is_link
            self.control_depth -= is_control
            self._set_kind()
        if element.tail:
            self.fragments.append((element.tail, self.kind))

    def flush(self) -> None:
        """End the text block gathered since the last one, if it shows any text."""
        if self.fragments:
            shown = collapse("".join(part for part, _ in self.fragments))
            if shown:
                self._add_block(shown)
            self.fragments.clear()
        self.has_control = False
        self.inline = []

    def _add_block(self, shown: str) -> None:
        fragments = self.fragments
        text = shown
        if self.has_control:
            text = collapse("".join(p for p, k in fragments if k != _CONTROL))
        owner = self.owners[-1]
        self.layout.blocks.append(
            _Block(
                text=text,
                shown=shown,
                link_chars=len(collapse("".join(p for p, k in fragments if k == _LINKED))),
                owner=owner,
                tag=self.layout.nodes[owner].tag,
                in_heading=self.heading_depth > 0,
                inline=self.inline,
            )
        )

    def _open_node(self, element: Any, tag: str) -> None:
        nodes = self.layout.nodes
        node = len(nodes)
        parent = self.owners[-1] if self.owners else -1
        depth = nodes[parent].depth + 1 if self.owners else 0
        classes = element.get("class", "")
        nodes.append(
            _Node(
                tag=tag,
                signature=f"{tag}.{classes.strip()}",
                parent=parent,
                depth=depth,
                furniture=_is_furniture(element, tag, classes),
                element=element,
                classes=classes,
            )
        )
        self.owners.append(node)

    def _set_kind(self) -> None:
        self.kind = _CONTROL if self.control_depth else _LINKED if self.link_depth else _PLAIN


def _shows_address(link: lxml.html.HtmlElement) -> bool:
    text = link.text if link.text and link.text.strip() else link.text_content()
    return _URL_TEXT.match(text) is not None


def _hidden(element: lxml.html.HtmlElement) -> bool:
    if element.get("hidden") is not None:
        return True
    style = element.get("style")
    return bool(style and _HIDDEN_STYLE.search(style))


def _is_furniture(element: lxml.html.HtmlElement, tag: str, classes: str) -> bool:
    if tag in _FURNITURE_TAGS:
        return True
    if tag in ("body", "html", "article", "main", "p"):
        return False
    names = f"{classes} {element.get('id', '')}".strip()
    return bool(names) and _names_furniture(names)


@lru_cache(maxsize=4096)
def _names_furniture(names: str) -> bool:
    # Class names repeat across a page and across pages of one site.
    return _FURNITURE_WORDS.search(names) is not None


# --------------------------------------------------------------------------
# Selection


class _RunText:
    """One trafilatura run's text, ready for asking whether it kept a block."""

    def __init__(self, text: str) -> None:
        words = _TOKEN.findall(text)
        self.empty = not words
        self.chars = len(text)
        self.shingles = {tuple(words[i : i + _SHINGLE]) for i in range(len(words) - _SHINGLE + 1)}
        self.joined = f" {' '.join(words)} "

    def kept(self, block: _Block) -> bool:
        words = block.tokens
        if not words or self.empty:
            return False
        if len(words) < _SHINGLE:
            return f" {' '.join(words)} " in self.joined
        total = len(words) - _SHINGLE + 1
        found = sum(1 for i in range(total) if tuple(words[i : i + _SHINGLE]) in self.shingles)
        return found >= _SELECTED * total


def _judge(
    layout: _Layout, run_texts: list[str], title: list[bool]
) -> tuple[list[bool], list[int]]:
    """For each block, whether it belongs to the article body; and the article's containers."""
    blocks = layout.blocks
    default_run, precise_run = (_RunText(text) for text in run_texts)
    in_default = [default_run.kept(b) for b in blocks]
    in_precise = [precise_run.kept(b) for b in blocks]
    core = [r and p and not t for r, p, t in zip(in_default, in_precise, title, strict=True)]
    # How much each block says "the article is here". When the runs mostly agree,
    # what only one of them kept is doubtful; when they disagree wholesale (one
    # gave up on the page), each run's word counts. Links and the headline do not.
    either_chars = sum(
        len(b.text) for b, r, p in zip(blocks, in_default, in_precise, strict=True) if r or p
    )
    both_chars = sum(len(b.text) for b, c in zip(blocks, core, strict=True) if c)
    single_share = max(_MIN_SINGLE_SHARE, 1.0 - both_chars / max(1, either_chars))
    weights = []
    for index, block in enumerate(blocks):
        votes = in_default[index] + in_precise[index]
        share = 0.0 if title[index] else (1.0 if votes == 2 else single_share * votes)
        weights.append(share * len(block.text) * (1.0 - min(1.0, block.link_density)))
    region = _article_region(layout, weights)
    kept: list[bool] = []
    for index, block in enumerate(blocks):
        furniture = _in_furniture(layout, block, region)
        if title[index]:
            keep = False
        elif not region:
            # Neither run found anything: keep what plainly reads as prose.
            keep = not furniture and _reads_as_prose(block)
        elif any(layout.inside(block, node) for node in region):
            # One run's word needs a block that is not mostly links; both runs' word
            # also admits a sentence dense with inline links; neither run's, plain prose.
            either = in_default[index] or in_precise[index]
            keep = (
                (either and not _link_heavy(block))
                or (core[index] and _linked_sentence(block))
                or (not furniture and _reads_as_prose(block))
            )
        else:
            # Outside the article, only what both runs kept; a heading there is a
            # standfirst or a teaser's title, not a section of the story.
            keep = core[index] and not furniture and not _link_heavy(block) and not block.in_heading
        kept.append(keep)
    return kept, region


def _fragment_kept(layout: _Layout, title: list[bool]) -> list[bool]:
    return [
        bool(b.text) and not t and not _in_furniture(layout, b, []) and not _link_heavy(b)
        for b, t in zip(layout.blocks, title, strict=True)
    ]


def _in_furniture(layout: _Layout, block: _Block, region: list[int]) -> bool:
    """Whether a furniture container holds the block, below the article container."""
    container = region[0] if region else -1
    node = block.owner
    while node >= 0 and node not in region:
        if container >= 0 and node <= container <= layout.nodes[node].end:
            return False  # an ancestor of the article: its class says nothing
        if layout.nodes[node].furniture:
            return True
        node = layout.nodes[node].parent
    return False


def _article_region(layout: _Layout, weights: list[float]) -> list[int]:
    """The element holding the selected text with least else, then its twins; empty if none.

    Each element scores the weight of the blocks the runs selected inside it,
    less a fraction of the other text inside it, so a stray selected block far
    away (a tag list, say) does not pull the container up to the whole page, and
    a container missing a little of the selection still beats a much larger one.
    """

    if not any(weights):
        return []
    score = [0.0] * len(layout.nodes)
    for block, weight in zip(layout.blocks, weights, strict=True):
        gain = weight if weight > 0 else -_OTHER_TEXT_COST * len(block.text)
        node = block.owner
        while node >= 0:
            score[node] += gain
            node = layout.nodes[node].parent
    container = max(range(len(score)), key=lambda n: (score[n], layout.nodes[n].depth))
    nodes = layout.nodes
    signature = nodes[container].signature
    region = [container]
    if signature.endswith("."):
        return region  # no class: nothing marks a twin
    parent = nodes[container].parent
    parent_signature = nodes[parent].signature if parent >= 0 else ""
    for n, twin in enumerate(nodes):
        # Bodies split around ad slots repeat the container's tag and class, and sit
        # in the same kind of parent; comment bodies reusing the class do not.
        if (
            twin.signature == signature
            and n != container
            and not (container <= n <= nodes[container].end)
            and not (n <= container <= twin.end)
            and twin.parent >= 0
            and nodes[twin.parent].signature == parent_signature
            and not _furniture_between(layout, n, container)
        ):
            region.append(n)
    return region


def _furniture_between(layout: _Layout, node: int, container: int) -> bool:
    """Whether a furniture element holds ``node`` below its common ancestor with ``container``."""
    while node >= 0 and not (node <= container <= layout.nodes[node].end):
        if layout.nodes[node].furniture:
            return True
        node = layout.nodes[node].parent
    return False


def _link_heavy(block: _Block) -> bool:
    return block.link_density > _MAX_LINK_DENSITY


def _linked_sentence(block: _Block) -> bool:
    """A sentence whose words are mostly links, unlike a teaser ("Read more: ...")."""
    return block.link_density < _MAX_SENTENCE_LINK_DENSITY and _ends_sentence(block.text)


def _ends_sentence(text: str) -> bool:
    return _SENTENCE_END.search(text) is not None


def _reads_as_prose(block: _Block) -> bool:
    return (
        not block.in_heading
        and len(block.text) >= _PROSE_CHARS
        and block.link_density <= _MAX_PROSE_LINK_DENSITY
        and _ends_sentence(block.text)
    )


# --------------------------------------------------------------------------
# What was left out


def _partition(
    layout: _Layout, kept: list[bool], title: list[bool], region: list[int]
) -> tuple[list[str], list[RemovedBlock]]:
    """The body paragraphs, and every other block with words in it, with why it is out.

    A kept paragraph repeating the one before it (a standfirst shown twice) is
    left out as a duplicate, and so is a block of a few words or more repeating
    an earlier one (a caption repeated under a gallery). The headline, which
    went to the title, is neither.
    """
    place = _Places(layout, region)
    headline = _headline(layout.blocks, title)
    paragraphs: list[str] = []
    removed: list[RemovedBlock] = []
    seen: set[str] = set()
    for index, (block, keep) in enumerate(zip(layout.blocks, kept, strict=True)):
        if keep and (not paragraphs or block.text != paragraphs[-1]):
            paragraphs.append(block.text)
            seen.add(block.text)
            continue
        if index == headline or not (block.tokens or _TOKEN.search(block.shown)):
            continue
        if keep or (len(block.tokens) >= _REPEAT_TOKENS and block.shown in seen):
            reason, score = html_furniture.DUPLICATE, html_furniture.DUPLICATE_SCORE
        else:
            inline = (_inline_signal(element) for element in block.inline)
            reason, score = html_furniture.classify(block.shown, place(block.owner), inline)
        removed.append(RemovedBlock(text=block.shown, reason=reason, score=score))
        seen.add(block.shown)
    return paragraphs, removed


class _Places:
    """What the nearest element saying anything says of the text in it, worked out when asked.

    The article's containers and their ancestors say nothing: a page wrapper's
    class ("layout-with-sidebar") does not make everything in it a sidebar.
    """

    def __init__(self, layout: _Layout, region: list[int]) -> None:
        self.nodes = layout.nodes
        self.silent = set(region)
        for node in region:
            parent = self.nodes[node].parent
            while parent >= 0 and parent not in self.silent:
                self.silent.add(parent)
                parent = self.nodes[parent].parent
        self.known: dict[int, Signal | None] = {}

    def __call__(self, node: int) -> Signal | None:
        chain = []
        while node >= 0 and node not in self.known:
            chain.append(node)
            node = self.nodes[node].parent
        signal = self.known[node] if node >= 0 else None
        for index in reversed(chain):
            if index not in self.silent:
                signal = _node_signal(self.nodes[index]) or signal
            self.known[index] = signal
        return signal


def _node_signal(node: _Node) -> Signal | None:
    """What a block element's tag and names (class, id, role, label) say of its text."""
    element = node.element
    names = [node.classes]
    keys = element.keys()  # attribute names (iterating an lxml element gives its children)
    names += [element.get(key) for key in keys if key in _NODE_NAME_ATTRIBUTES]
    return html_furniture.element_signal(node.tag, " ".join(name for name in names if name))


def _inline_signal(element: lxml.html.HtmlElement) -> Signal | None:
    """What an inline element's tag and names (class, id, itemprop) say of its text."""
    names = " ".join(value for key, value in element.items() if key in _INLINE_NAME_ATTRIBUTES)
    return html_furniture.element_signal(element.tag, names)


def _headline(blocks: list[_Block], title: list[bool]) -> int:
    """The block printing the headline: the first title block in a heading, else the first."""
    first = -1
    for index, block in enumerate(blocks):
        if title[index]:
            if block.in_heading:
                return index
            if first < 0:
                first = index
    return first


# --------------------------------------------------------------------------
# Headline


def _title_variants(title: str | None, layout: _Layout) -> list[str]:
    """The headline as the page may print it: declared title, its parts, the first h1."""
    variants: list[str] = []
    if title:
        variants.append(title)
        variants += [part for part in _TITLE_SEPARATORS.split(title) if len(part) > 15]
    for block in layout.blocks:
        if block.tag == "h1" and block.text:
            variants.append(block.text)
            break
    return [_normal(v) for v in variants if v.strip()]


def _is_title(block: _Block, titles: list[str]) -> bool:
    if not titles or not block.tokens or len(block.text) > 300:
        return False
    text = _normal(block.text)
    if text in titles:
        return True
    # A headline printed with small changes; lower headings are the article's sections.
    return block.tag in _HEADLINE_TAGS and any(fuzz.ratio(text, title) >= 90 for title in titles)


def _normal(text: str) -> str:
    return " ".join(_TOKEN.findall(text.casefold()))


# --------------------------------------------------------------------------
# Metadata


class _Meta(dict[str, str]):
    """Field values with the evidence for each; the first acceptable value for a field wins."""

    def __init__(self) -> None:
        super().__init__()
        self.evidence: dict[str, str] = {}

    def offer(self, name: str, value: object, evidence: str) -> None:
        if name in self or not isinstance(value, str):
            return
        cleaned = collapse(unescape(value))
        if name == "author":
            cleaned = _BY.sub("", cleaned)
            if _LOOKS_LIKE_URL.match(cleaned):
                return  # a profile link, not a name
        if name == "published" and not _PLAUSIBLE_YEAR.search(cleaned):
            return  # placeholders such as "0001-01-01"
        if cleaned:
            self[name] = cleaned
            self.evidence[name] = evidence


_BY = re.compile(r"^by\s+", re.IGNORECASE)
_LOOKS_LIKE_URL = re.compile(r"(?:https?:)?//|www\.", re.IGNORECASE)
_PLAUSIBLE_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d")

_META_FIELDS: tuple[tuple[str, str, str], ...] = (
    # (field, attribute, value) in order of trust
    ("title", "property", "og:title"),
    ("title", "name", "twitter:title"),
    ("title", "property", "twitter:title"),
    ("author", "name", "author"),
    ("author", "property", "article:author"),
    ("author", "name", "parsely-author"),
    ("author", "name", "byl"),
    ("author", "name", "dc.creator"),
    ("published", "property", "article:published_time"),
    ("published", "name", "article:published_time"),
    ("published", "property", "article:published"),
    ("published", "itemprop", "datepublished"),
    ("published", "name", "pubdate"),
    ("published", "name", "publishdate"),
    ("published", "name", "publish-date"),
    ("published", "name", "date"),
    ("published", "name", "dc.date"),
    ("published", "name", "dc.date.issued"),
    ("published", "name", "dcterms.created"),
    ("published", "name", "parsely-pub-date"),
    ("published", "name", "sailthru.date"),
    ("published", "name", "pdate"),
    ("site_name", "property", "og:site_name"),
    ("site_name", "name", "application-name"),
    ("site_name", "name", "publisher"),
    ("url", "property", "og:url"),
)


def _read_metadata(tree: lxml.html.HtmlElement, url: str | None) -> _Meta:
    meta = _Meta()
    for link in tree.iterfind(".//link[@rel]"):
        if "canonical" in link.get("rel", "").lower().split():
            meta.offer("url", _absolute(link.get("href"), url), 'link rel="canonical"')
    tags: dict[tuple[str, str], str | None] = {}
    for element in tree.iterfind(".//meta"):
        for attribute in ("property", "name", "itemprop"):
            # One tag may carry several names: itemprop="datePublished dateCreated".
            for key in (element.get(attribute) or "").lower().split():
                tags.setdefault((attribute, key), element.get("content"))
    # The social-card title is the headline as the newsroom wrote it; after it,
    # structured data names people and dates more reliably than loose meta tags.
    for name, attribute, key in _META_FIELDS[:3]:
        meta.offer(name, tags.get((attribute, key)), f'meta {attribute}="{key}"')
    for item in _json_ld_items(tree):
        _offer_json_ld(meta, item)
    for name, attribute, key in _META_FIELDS[3:]:
        value = tags.get((attribute, key))
        meta.offer(
            name, _absolute(value, url) if name == "url" else value, f'meta {attribute}="{key}"'
        )
    page_title = tree.find(".//title")
    page_title_text = collapse(page_title.text_content()) if page_title is not None else ""
    headline = tree.find(".//h1")
    if headline is not None and page_title_text:
        # The first h1 is the headline when the <title> says the same; else it may be a logo.
        text = collapse(headline.text_content())
        if text and fuzz.partial_ratio(text.casefold(), page_title_text.casefold()) >= 80:
            meta.offer("title", text, "h1 element")
    meta.offer("title", page_title_text, "title element")
    host = _host_name(meta.get("url", url))
    # Undeclared, the site's name is the part of <title> that spells out its domain.
    meta.offer("site_name", _site_part(page_title_text, None, host), "title element")
    if "title" in meta:
        site = _site_part(meta["title"], meta.get("site_name"), host)
        if site is not None:
            meta["title"] = _without(meta["title"], site)
    time_element = tree.find(".//time[@datetime]")
    if time_element is not None:
        meta.offer("published", time_element.get("datetime"), "time datetime attribute")
    meta.offer("language", (tree.get("lang") or "").split("-")[0].lower(), "html lang")
    return meta


def _site_part(title: str, site_name: str | None, host: str | None) -> str | None:
    """The end of "Headline | Site" or "Site - Headline" naming the site or its domain."""
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) < 2:
        return None
    site = site_name.casefold() if site_name else None
    for part in (parts[-1], parts[0]):
        name = part.casefold()
        if site and (fuzz.ratio(name, site) >= 80 or site in name):
            return part
        # "Hauran Voices" on hauranvoices.example, "BBC News" on bbc.co.uk: a name, not a
        # headline that happens to start with the domain's word.
        spelled = _NOT_ALNUM.sub("", name)
        if (
            host
            and len(part.split()) <= _MAX_SITE_WORDS
            and (spelled.startswith(host) or fuzz.ratio(spelled, host) >= 85)
        ):
            return part
    return None


def _without(title: str, site: str) -> str:
    """ "Headline | Site" -> "Headline"."""
    parts = _TITLE_SEPARATORS.split(title)
    del parts[-1 if parts[-1] == site else 0]
    return " - ".join(parts)


def _absolute(href: str | None, base: str | None) -> str | None:
    return urljoin(base, href.strip()) if href and base else href


def _host_name(url: str | None) -> str | None:
    """ "https://www.example-news.com/a/b" -> "examplenews"."""
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    labels = [label for label in host.split(".") if label not in ("www", "m")]
    if not labels:
        return None
    return _NOT_ALNUM.sub("", labels[0]) or None


def _json_ld_items(tree: lxml.html.HtmlElement) -> Iterator[dict[str, Any]]:
    for script in tree.iterfind(".//script[@type]"):
        if script.get("type", "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue
        pending = [data]
        while pending:
            item = pending.pop()
            if isinstance(item, list):
                pending.extend(reversed(item))
            elif isinstance(item, dict):
                if "@graph" in item:
                    pending.append(item["@graph"])
                yield item


def _offer_json_ld(meta: _Meta, item: dict[str, Any]) -> None:
    kinds = item.get("@type")
    kind_names = {
        k.lower() for k in (kinds if isinstance(kinds, list) else [kinds]) if isinstance(k, str)
    }
    if not kind_names & {"newsarticle", "article", "reportage", "blogposting", "webpage",
                          "analysisnewsarticle", "opinionnewsarticle", "reportagenewsarticle",
                          "backgroundnewsarticle", "liveblogposting"}:  # fmt: skip
        return
    meta.offer("title", item.get("headline"), "JSON-LD headline")
    meta.offer("url", item.get("url"), "JSON-LD url")
    meta.offer("published", item.get("datePublished"), "JSON-LD datePublished")
    meta.offer("author", _json_ld_names(item.get("author")), "JSON-LD author")
    meta.offer("site_name", _json_ld_names(item.get("publisher")), "JSON-LD publisher")


def _json_ld_names(value: object) -> str | None:
    people = value if isinstance(value, list) else [value]
    names = []
    for person in people:
        if isinstance(person, dict) and isinstance(person.get("name"), str):
            names.append(person["name"].strip())
        elif isinstance(person, str):
            names.append(person.strip())
    names = [n for n in names if n]
    return ", ".join(names) if names else None
