"""Single-document readers: a plain text file and an HTML page."""

from __future__ import annotations

import re

import lxml.etree
import lxml.html

from crosswire.readers.base import Items, Origin, ReadFailure
from crosswire.readers.decoding import Decoded

# Anything a parser would take for markup: tags, end tags, comments, doctypes, PIs.
_MARKUP_RE = re.compile(
    r"<(?:[A-Za-z][\w:.-]*(?:\s[^<>]*)?/?|/[A-Za-z][\w:.-]*\s*|!--|![A-Za-z]|\?)"
)
_MIN_MARKUP_SHARE = 0.5
_HTML_PARSER = lxml.html.HTMLParser(encoding="utf-8", no_network=True)


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_txt(decoded: Decoded, origin: Origin) -> Items:
    yield origin.document(
        position="0",
        format="txt",
        content=normalise_newlines(decoded.text),
        encoding=decoded.encoding,
        single=True,
    )


def read_html(decoded: Decoded, origin: Origin) -> Items:
    check_html(decoded.text)
    yield origin.document(
        position="0", format="html", content=decoded.text, encoding=decoded.encoding, single=True
    )


def check_html(text: str) -> None:
    """Refuse HTML that is beyond use; truncated or sloppy markup passes.

    HTML is beyond use when most of its ``<`` open nothing a parser recognises
    (markup garbage: lxml would turn it all into text), or when lxml cannot build
    a document from it at all. Raises ``ReadFailure("malformed_html")``.
    """

    openers = text.count("<")
    markup = sum(1 for _ in _MARKUP_RE.finditer(text))
    if markup == 0 or markup < _MIN_MARKUP_SHARE * openers:
        raise ReadFailure("malformed_html", f"markup garbage: {markup} of {openers} '<' open a tag")
    try:
        # Bytes, so an XML declaration with an encoding does not upset lxml.
        root = lxml.html.document_fromstring(text.encode("utf-8"), parser=_HTML_PARSER)
    except (lxml.etree.ParserError, lxml.etree.XMLSyntaxError, ValueError) as exc:
        raise ReadFailure("malformed_html", f"lxml could not parse it: {exc}") from exc
    if root is None:
        raise ReadFailure("malformed_html", "lxml found no document element")
