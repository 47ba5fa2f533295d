"""Property test of the readers (hypothesis): whatever the bytes, reading them yields
documents and rejections with documented reason codes, or one ``ReadFailure``;
never another exception.

hypothesis is a dev dependency; without it this module is skipped with a message.
"""

from __future__ import annotations

import pytest

hypothesis = pytest.importorskip(
    "hypothesis", reason="hypothesis is not installed (pip install hypothesis==6.170.27)"
)
from hypothesis import HealthCheck, given, settings  # noqa: E402  (after the skip)
from hypothesis import strategies as st  # noqa: E402

from crosswire.errors import REASONS  # noqa: E402
from crosswire.model import RawDocument, Rejection  # noqa: E402
from crosswire.readers import Origin, ReadFailure, read_payload  # noqa: E402

NAMES = ["a.txt", "a.html", "a.json", "a.jsonl", "a.rss", "a.xml", "a.warc", "a.txt.gz", "a"]
# Pieces of every format the readers sniff, so examples reach past the first check.
PIECES = [
    b"<!doctype html>", b"<!doctype ", b"[", b"]", b"<html>", b"<p>", b"</p>", b"<rss>",
    b"<?xml version='1.0'?>", b"<!ENTITY x 'y'>", b"<item>", b"<description>", b"{", b"}",
    b'"maintext": ', b'"', b"\n", b"WARC/1.0\r\n", b"\x1f\x8b", b"\xff\xfe", b"\x00", b"\xe9",
    b"\xc3\xa9", b"The port was shelled on Tuesday. ", b"&amp;", b"<!--", b"-->", b"9" * 50,
]  # fmt: skip
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _read(data: bytes, name: str) -> list[RawDocument | Rejection]:
    origin = Origin(source=name, sha256="0" * 64, name=name)
    try:
        return list(read_payload(data, origin, max_bytes=1 << 20))
    except ReadFailure as failure:
        assert failure.reason in REASONS
        return []


def _check(items: list[RawDocument | Rejection]) -> None:
    for item in items:
        if isinstance(item, Rejection):
            assert item.reason in REASONS
        else:
            assert isinstance(item.content, str)
            item.content.encode("utf-8")  # storable: no lone surrogates


@SETTINGS
@given(data=st.binary(max_size=2048), name=st.sampled_from(NAMES))
def test_any_bytes_read_cleanly(data: bytes, name: str) -> None:
    _check(_read(data, name))


@SETTINGS
@given(parts=st.lists(st.sampled_from(PIECES), max_size=40), name=st.sampled_from(NAMES))
def test_format_like_bytes_read_cleanly(parts: list[bytes], name: str) -> None:
    _check(_read(b"".join(parts), name))


@SETTINGS
@given(text=st.text(max_size=1000), name=st.sampled_from(NAMES))
def test_any_text_read_cleanly(text: str, name: str) -> None:
    _check(_read(text.encode("utf-8", "surrogatepass"), name))
