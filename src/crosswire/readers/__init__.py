"""Format readers: the bytes of one input -> raw documents and rejections.

``read_payload`` is the one entry point. It inflates gzip (recognised by its
magic bytes, whatever the file is called), recognises WARC on the bytes, decodes
everything else by the policy in ``crosswire.readers.decoding``, sniffs the
format (``crosswire.readers.sniffing``) and hands the text to one reader per
format: ``read_txt``, ``read_html``, ``read_json``, ``read_feed``, ``read_warc``.

A reader yields ``RawDocument``s and, for a bad part of a container (a broken
JSON line, a damaged WARC record, an empty feed entry), ``Rejection``s at that
part's position; it raises ``ReadFailure`` when the whole input is unusable.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from crosswire.model import RawDocument
from crosswire.readers.base import Items, Origin, ReadFailure
from crosswire.readers.decoding import GZIP_MAGIC, Decoded, decode, gunzip
from crosswire.readers.feeds import read_feed
from crosswire.readers.pages import read_html, read_txt
from crosswire.readers.records import read_json
from crosswire.readers.sniffing import Kind, is_warc, sniff_text, strip_compression_suffix
from crosswire.readers.warc import read_warc

__all__ = ["Origin", "ReadFailure", "read_payload"]

TEXT_READERS: dict[Kind, Callable[[Decoded, Origin], Items]] = {
    "txt": read_txt,
    "html": read_html,
    "json": read_json,
    "feed": read_feed,
}


def read_payload(data: bytes, origin: Origin, *, max_bytes: int) -> Items:
    """Read one input's bytes. Raises ``ReadFailure`` when the input is unusable as a whole."""

    if not data or data.isspace():
        raise ReadFailure("empty", "no bytes" if not data else "only white space")
    damage = None
    if data.startswith(GZIP_MAGIC):
        data, damage = gunzip(data, max_bytes)
        origin = Origin(
            source=origin.source, sha256=origin.sha256, name=strip_compression_suffix(origin.name)
        )
        if damage is not None and not is_warc(data):
            raise ReadFailure("truncated_gzip", damage)
        if not data or data.isspace():
            raise ReadFailure("empty", "the gzip stream holds nothing but white space")
    if is_warc(data):
        yield from read_warc(data, origin, damage, max_bytes=max_bytes)
        return
    decoded = decode(data)
    if not decoded.text.strip():
        raise ReadFailure("empty", "only white space")
    for item in TEXT_READERS[sniff_text(decoded.text, origin.name)](decoded, origin):
        if decoded.notes and isinstance(item, RawDocument):
            item = replace(item, notes=item.notes + decoded.notes)
        yield item
