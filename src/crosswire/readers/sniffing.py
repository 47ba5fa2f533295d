"""Which reader a payload needs, from its content first and its file name second.

Content decides whenever it is decisive: gzip, WARC and binary signatures on the
bytes; on the decoded text, a leading ``{``/``[`` (JSON), or a leading ``<`` whose
first element names a feed, an HTML page or another XML document. The extension
only breaks ties: a ``.json`` file that does not start like JSON is still read as
(broken) JSON, and a ``.html`` file with text before its first tag is still HTML.
"""

from __future__ import annotations

import re
from pathlib import PurePath
from typing import Literal

Kind = Literal["txt", "html", "json", "feed", "warc"]

WARC_MAGIC = (b"WARC/", b"filedesc://")  # WARC, and the older ARC format warcio also reads
COMPRESSION_SUFFIXES = (".gz", ".gzip")
JSON_SUFFIXES = frozenset({".json", ".jsonl", ".ndjson", ".jl"})
JSON_LINES_SUFFIXES = frozenset({".jsonl", ".ndjson", ".jl"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml", ".php", ".asp", ".aspx"})

FEED_ROOTS = frozenset({"rss", "feed", "rdf:rdf", "rdf"})
# Elements that open HTML pages or fragments (a sample, not the whole vocabulary).
HTML_TAG_RE = re.compile(
    r"<(?:!doctype\s+html|html|head|body|meta|title|link|script|style|div|p|span|a|br|hr|img|"
    r"h[1-6]|article|section|main|header|footer|nav|aside|figure|figcaption|blockquote|"
    r"table|tr|td|ul|ol|li|strong|em|b|i|pre|iframe|form)(?:[\s/][^<>]*)?>",
    re.I,
)
_PROLOG_RE = re.compile(
    r"\A(?:\s+|<\?.*?\?>|<!--.*?-->|<!doctype[^\[>]*+(?:\[[^\]]*+\][^\[>]*+)*+>)*", re.S | re.I
)
_FIRST_ELEMENT_RE = re.compile(r"<([A-Za-z_][\w:.-]*)")
_ENTITY_DECLARATION_RE = re.compile(r"<!ENTITY", re.I)
_SNIFF_WINDOW = 65_536


def is_warc(data: bytes) -> bool:
    return data[:64].lstrip().startswith(WARC_MAGIC)


def strip_compression_suffix(name: str) -> str:
    lowered = name.lower()
    for suffix in COMPRESSION_SUFFIXES:
        if lowered.endswith(suffix):
            return name[: -len(suffix)]
    return name


def suffix_of(name: str) -> str:
    return PurePath(name).suffix.lower()


def sniff_text(text: str, name: str) -> Kind:
    """The reader for decoded text (WARC is recognised earlier, on bytes)."""

    head = text[:_SNIFF_WINDOW].lstrip()
    suffix = suffix_of(name)
    if head.startswith(("{", "[")) or suffix in JSON_SUFFIXES:
        return "json"
    if head.startswith("<"):
        return markup_kind(head)
    if suffix in HTML_SUFFIXES and HTML_TAG_RE.search(head):
        return "html"
    return "txt"


def markup_kind(head: str) -> Kind:
    """Feed, HTML, or (as ``feed``, so the safe XML parser judges it) any other XML."""

    prolog = _PROLOG_RE.match(head)
    assert prolog is not None  # the pattern also matches an empty prolog
    prolog_text, body_start = prolog.group(), prolog.end()
    element = _FIRST_ELEMENT_RE.match(head, body_start)
    root = element.group(1).lower() if element else ""
    if root in FEED_ROOTS:
        return "feed"
    # HTML never declares entities; a document that does goes to the safe XML parser.
    if _ENTITY_DECLARATION_RE.search(head):
        return "feed"
    if root == "html" or HTML_TAG_RE.match(head, body_start):
        return "html"
    if re.search(r"<!doctype\s+html", prolog_text, re.I):
        return "html"
    if prolog_text.lstrip().startswith("<?xml") and root:
        return "feed"
    return "html"  # unknown markup: the HTML reader judges whether it is usable


def looks_like_html(text: str) -> bool:
    """Whether a text field (a feed entry, a JSON ``text``) holds HTML markup."""

    return HTML_TAG_RE.search(text[:_SNIFF_WINDOW]) is not None
