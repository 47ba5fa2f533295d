"""WARC (and ARC) reader: one document per successful HTML or plain-text response.

The record's target URI is the document's URL. ``WARC-Date`` is when the page
was captured, not when it was published, so it is not declared as ``published``.
Requests, metadata, redirects, error pages and non-text payloads (images,
scripts) are skipped quietly; a WARC with nothing usable is ``no_text``. A
record that ends early or cannot be parsed is ``truncated_warc`` at its
position, and the records before it are kept.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from warcio.archiveiterator import ArchiveIterator

from crosswire.model import RawDocument
from crosswire.readers.base import Items, Origin, ReadFailure
from crosswire.readers.decoding import decode
from crosswire.readers.pages import check_html, normalise_newlines
from crosswire.readers.sniffing import looks_like_html

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
TEXT_TYPES = frozenset({"text/plain"})
CONTENT_RECORDS = frozenset({"response", "resource"})
_DRAIN_CHUNK = 1 << 16


class _Truncated(Exception):
    pass


def read_warc(
    data: bytes, origin: Origin, damage: str | None = None, *, max_bytes: int = 50_000_000
) -> Items:
    """Read WARC records from uncompressed ``data``.

    ``damage`` describes an outer gzip stream that ended early: the bytes are a
    prefix of the archive, so a ``truncated_warc`` rejection is due even when
    the cut happens to fall between two records.
    """

    archive = ArchiveIterator(io.BytesIO(data))
    records: Iterator[Any] = iter(archive)
    position = 0
    usable = 0
    consumed = 0  # where the last complete record ends
    reported_damage = False
    while True:
        try:
            record = next(records)
        except StopIteration:
            break
        except Exception as exc:  # warcio raises many kinds on a damaged archive
            yield origin.reject("truncated_warc", _describe(exc, damage), str(position))
            reported_damage = True
            break
        try:
            item = _read_record(record, position, origin, max_bytes)
        except _Truncated:
            yield origin.reject("truncated_warc", damage or "the record ends early", str(position))
            reported_damage = True
            break
        except ReadFailure as failure:
            yield origin.reject(failure.reason, failure.detail, str(position))
        else:
            if item is not None:
                usable += 1
                yield item
        archive.read_to_end()
        consumed = archive.get_record_offset() + archive.get_record_length()
        position += 1
    if not reported_damage and (damage or data[consumed:].strip()):
        # warcio stops quietly when a cut falls inside a record's headers.
        detail = damage or "the archive ends inside a record's headers"
        yield origin.reject("truncated_warc", detail, str(position))
    elif position and not usable and not reported_damage:
        yield origin.reject("no_text", f"none of {position} WARC records is an HTML or text page")


def _read_record(record: Any, position: int, origin: Origin, max_bytes: int) -> RawDocument | None:
    """The record's document, if it is a page; raises ``_Truncated`` when it ends early."""

    try:
        page: RawDocument | ReadFailure | None = _page(record, position, origin, max_bytes)
    except ReadFailure as failure:
        page = failure
    # Skipped records are read to their end too: a cut can fall inside any record.
    while record.raw_stream.read(_DRAIN_CHUNK):
        pass
    if getattr(record.raw_stream, "limit", 0) > 0:
        raise _Truncated
    if isinstance(page, ReadFailure):
        raise page
    return page


def _page(record: Any, position: int, origin: Origin, max_bytes: int) -> RawDocument | None:
    if record.rec_type not in CONTENT_RECORDS:
        return None
    if record.rec_type == "response":
        if record.http_headers is None:  # dns: and other non-HTTP captures
            return None
        status = record.http_headers.get_statuscode() or ""
        if not status.startswith("2"):
            return None
        content_type = record.http_headers.get_header("Content-Type") or ""
    else:
        content_type = record.rec_headers.get_header("Content-Type") or ""
    mime, charset = _parse_content_type(content_type)
    if mime and mime not in HTML_TYPES | TEXT_TYPES:
        return None
    try:
        # Bounded: a Content-Encoding (gzip, deflate, brotli) may inflate without end.
        payload = record.content_stream().read(max_bytes + 1)
    except Exception as exc:  # a broken chunked or gzip transfer encoding
        raise ReadFailure("truncated_warc", f"the payload cannot be read: {exc}") from exc
    if len(payload) > max_bytes:
        raise ReadFailure("too_large", f"the response body decodes to more than {max_bytes} bytes")
    if not payload.strip():
        raise ReadFailure("empty", "the response has no body")
    decoded = decode(payload, declared=[charset] if charset else [])
    if not decoded.text.strip():
        raise ReadFailure("empty", "the response body is white space")
    is_html = mime in HTML_TYPES or (not mime and looks_like_html(decoded.text))
    if is_html:
        check_html(decoded.text)
    document = origin.document(
        position=str(position),
        format="html" if is_html else "txt",
        content=decoded.text if is_html else normalise_newlines(decoded.text),
        encoding=decoded.encoding,
        url=record.rec_headers.get_header("WARC-Target-URI"),
    )
    return replace(document, notes=decoded.notes) if decoded.notes else document


def _parse_content_type(value: str) -> tuple[str, str]:
    mime, _, params = value.partition(";")
    charset = ""
    for param in params.split(";"):
        key, _, val = param.partition("=")
        if key.strip().lower() == "charset":
            charset = val.strip().strip("\"'")
    return mime.strip().lower(), charset


def _describe(exc: Exception, damage: str | None) -> str:
    cause = f"warcio cannot parse the record ({type(exc).__name__}: {exc})"
    return f"{damage}; {cause}" if damage else cause
