"""RSS 2.0 / RSS 1.0 and Atom reader: one document per entry; any other XML is refused.

XML is parsed with defusedxml: entity declarations (the "billion laughs" bomb)
and external references are ``xml_forbidden`` and never expanded; a plain
DOCTYPE, as old RSS 0.91 feeds carry, is allowed. Broken XML is ``malformed_xml``.

Per entry: title; link (RSS ``link``, a permalink ``guid``, or an Atom
``link rel=alternate``); author (``dc:creator``, RSS ``author`` or Atom
``author/name``); published as declared (``pubDate``, ``dc:date``, Atom
``published`` or else ``updated``); body (``content:encoded`` or Atom
``content``, else ``description``/``summary``); language (``xml:lang``,
``dc:language`` or the channel's ``language``); the outlet is the feed's title.
An HTML body makes an ``html`` document, a plain one a ``txt`` document.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from crosswire.model import RawDocument, Rejection
from crosswire.readers.base import Items, Origin, ReadFailure
from crosswire.readers.decoding import Decoded
from crosswire.readers.pages import normalise_newlines
from crosswire.readers.sniffing import looks_like_html

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_EMAIL_WITH_NAME_RE = re.compile(r"^\S+@\S+\s*\((?P<name>[^)]+)\)$")
_ENTITY_RE = re.compile(r"&(?:#\d+|#x[0-9a-f]+|[a-z]+\d*);", re.I)


def parse_xml(text: str) -> ET.Element:
    try:
        root: ET.Element = SafeET.fromstring(
            text, forbid_dtd=False, forbid_entities=True, forbid_external=True
        )
    except DefusedXmlException as exc:
        raise ReadFailure("xml_forbidden", f"{type(exc).__name__}: {exc}") from exc
    except ET.ParseError as exc:
        raise ReadFailure("malformed_xml", str(exc)) from exc
    return root


@dataclass(frozen=True, kw_only=True, slots=True)
class _FeedInfo:
    """What the channel or feed declares for all its entries."""

    outlet: str | None
    language: str | None
    author: str | None


EntryReader = Callable[[ET.Element, _FeedInfo, str, str, Origin], RawDocument | Rejection]


def read_feed(decoded: Decoded, origin: Origin) -> Items:
    root = parse_xml(decoded.text)
    kind = _local(root.tag).lower()
    read_entry: EntryReader
    if kind == "feed":
        entries, feed_info, read_entry = _children(root, "entry"), root, _atom_entry
    elif kind in ("rss", "rdf"):
        channel = next(iter(_children(root, "channel")), None)
        # RSS 2.0 nests items in the channel; RSS 1.0 (RDF) puts them beside it.
        holder = channel if kind == "rss" and channel is not None else root
        entries, read_entry = _children(holder, "item"), _rss_item
        feed_info = channel if channel is not None else root
    else:
        raise ReadFailure(
            "unsupported_format", f"an XML document with root <{_local(root.tag)}> is not a feed"
        )
    if not entries:
        raise ReadFailure("no_text", "the feed has no entries")
    feed = _FeedInfo(
        outlet=_text(feed_info, "title"),
        language=feed_info.get(XML_LANG) or _text(feed_info, "language") or root.get(XML_LANG),
        author=_atom_author(feed_info) if kind == "feed" else None,
    )
    for index, entry in enumerate(entries):
        yield read_entry(entry, feed, str(index), decoded.encoding, origin)


def _rss_item(
    item: ET.Element, feed: _FeedInfo, position: str, encoding: str, origin: Origin
) -> RawDocument | Rejection:
    body = _text(item, "encoded", strip=False) or _text(item, "description", strip=False)
    url = _text(item, "link") or _permalink(item) or _atom_link(item)
    author = _text(item, "creator") or _rss_author(_text(item, "author"))
    return _document(
        origin,
        position=position,
        encoding=encoding,
        body=body,
        markup=None,
        title=_plain_title(_text(item, "title")),
        url=url,
        author=author,
        published=_text(item, "pubDate") or _text(item, "date"),
        language=item.get(XML_LANG) or _text(item, "language") or feed.language,
        outlet=feed.outlet,
    )


def _atom_entry(
    entry: ET.Element, feed: _FeedInfo, position: str, encoding: str, origin: Origin
) -> RawDocument | Rejection:
    body, markup = None, None
    for name in ("content", "summary"):
        element = next(iter(_children(entry, name)), None)
        if element is None or element.get("src"):  # out-of-line content is not here
            continue
        body, markup = _atom_text(element)
        if body and body.strip():
            break
    title_element = next(iter(_children(entry, "title")), None)
    title = _atom_text(title_element)[0] if title_element is not None else None
    return _document(
        origin,
        position=position,
        encoding=encoding,
        body=body,
        markup=markup,
        title=_plain_title(title),
        url=_atom_link(entry) or _web_address(_text(entry, "id")),
        author=_atom_author(entry) or feed.author,
        published=_text(entry, "published") or _text(entry, "updated"),
        language=entry.get(XML_LANG) or feed.language,
        outlet=feed.outlet,
    )


def _document(
    origin: Origin,
    *,
    position: str,
    encoding: str,
    body: str | None,
    markup: bool | None,
    title: str | None,
    url: str | None,
    author: str | None,
    published: str | None,
    language: str | None,
    outlet: str | None,
) -> RawDocument | Rejection:
    if not body or not body.strip():
        return origin.reject("empty", "the feed entry has no text", position)
    is_html = looks_like_html(body) if markup is None else markup
    return origin.document(
        position=position,
        format="html" if is_html else "txt",
        content=body.strip() if is_html else normalise_newlines(_unescape(body).strip()),
        encoding=encoding,
        url=url,
        title=title,
        outlet=outlet,
        author=author,
        published=published,
        language=language,
    )


def _atom_text(element: ET.Element) -> tuple[str, bool]:
    """An Atom text construct: (its text, whether it is markup)."""

    kind = (element.get("type") or "text").lower()
    if kind == "xhtml":
        return _inner_xml(element), True
    return element.text or "", kind in ("html", "text/html")


def _inner_xml(element: ET.Element) -> str:
    # The xhtml content is a <div> in the XHTML namespace: serialise its insides
    # without namespace prefixes, as HTML.
    container = next(iter(element), None)
    if container is None:
        return element.text or ""
    for node in container.iter():
        node.tag = _local(node.tag)
    inner = [container.text or ""]
    inner.extend(ET.tostring(child, encoding="unicode", method="html") for child in container)
    return "".join(inner)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1] if tag.startswith("{") else tag


def _children(element: ET.Element, name: str) -> list[ET.Element]:
    return [child for child in element if _local(child.tag) == name]


def _text(element: ET.Element, name: str, *, strip: bool = True) -> str | None:
    """The first non-empty text of a child with this local name (any namespace)."""

    for child in _children(element, name):
        if child.text and child.text.strip():
            return child.text.strip() if strip else child.text
        # Atom-style nesting, e.g. <author><name>Jane Roe</name></author>.
        nested = _text(child, "name")
        if nested:
            return nested
    return None


def _permalink(item: ET.Element) -> str | None:
    for guid in _children(item, "guid"):
        value = (guid.text or "").strip()
        if guid.get("isPermaLink", "true").lower() != "false" and value.startswith("http"):
            return value
    return None


def _atom_link(element: ET.Element) -> str | None:
    for link in _children(element, "link"):
        href = link.get("href")
        if href and link.get("rel", "alternate") == "alternate":
            return href.strip()
    return None


def _web_address(value: str | None) -> str | None:
    # An Atom id is often a tag: or urn: URI, which names the entry but is no link.
    return value if value and value.startswith(("http://", "https://")) else None


def _atom_author(element: ET.Element) -> str | None:
    names = [_text(author, "name") for author in _children(element, "author")]
    return ", ".join(n for n in names if n) or None


def _rss_author(value: str | None) -> str | None:
    # RSS 2.0 wants an e-mail address, often with the name in parentheses.
    if value is None:
        return None
    match = _EMAIL_WITH_NAME_RE.match(value)
    return match.group("name").strip() if match else value


def _plain_title(title: str | None) -> str | None:
    if not title:
        return None
    if looks_like_html(title):
        title = re.sub(r"<[^>]+>", "", title)
    return " ".join(_unescape(title).split()) or None


def _unescape(text: str) -> str:
    # Feeds often escape entities twice; one XML parse leaves "&amp;" or "&#8217;".
    return html.unescape(text) if _ENTITY_RE.search(text) else text
