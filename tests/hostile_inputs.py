"""A battery of hostile inputs, written at test time (nothing here is committed as data).

Each ``Case`` writes one input (a file, or a FIFO, or two copies) into a folder
and says what must become of it: the rejection reason codes it may end as, or
``ACCEPTED`` when its article must be stored. ``GOOD`` holds the three good
articles every case is run beside. All names and events are invented.

Used by tests/test_hostile.py and by bench/hostile.py (the table in
docs/RELIABILITY.md).
"""

from __future__ import annotations

import gzip
import io
import os
import random
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from ingest_fixtures import (
    BILLION_LAUGHS_RSS,
    BRIDGE_STORY,
    PORT_STORY,
    RSS_FEED,
    VALLEY_STORY,
    WarcRecord,
    html_page,
    news_please_line,
    warc_bytes,
)

ACCEPTED = "accepted"
MIB = 1 << 20

GOOD = {
    "good-port.txt": PORT_STORY.encode(),
    "good-valley.html": html_page("Farmers cut off", VALLEY_STORY).encode(),
    "good-bridge.jsonl": (news_please_line(title="Bridge", maintext=BRIDGE_STORY) + "\n").encode(),
}

# Invented towns, so place anchoring has many distinct mentions to work through.
_TOWNS = [
    "Qalat Rimah", "Wadi Sehra", "Karsu", "Tel Marun", "Beit Halun", "Ras Kufa", "Ain Darra",
    "Kafr Sabil", "Jisr Nahel", "Umm Tayra", "Deir Salam", "Khirbet Nour", "Maarat Zein",
]  # fmt: skip


@dataclass(frozen=True)
class Case:
    name: str
    write: Callable[[Path], list[Path]]  # writes the input(s) into a folder, returns the paths
    outcomes: frozenset[str]  # reason codes it may end as, or ACCEPTED
    what: str = ""
    # Reason codes that must be recorded too: beside an accepted article (a truncation,
    # a repair, a copy), or for one bad part of a container whose other parts are kept.
    notes: frozenset[str] = frozenset()


def _file(name: str, data: bytes | Callable[[], bytes]) -> Callable[[Path], list[Path]]:
    def write(folder: Path) -> list[Path]:
        path = folder / name
        path.write_bytes(data() if callable(data) else data)
        return [path]

    return write


def long_english_article(chars: int, *, places: bool = False) -> str:
    """Paragraphs of plain news prose, ``chars`` long; with many place names when asked."""

    rng = random.Random(chars)
    paragraphs = []
    size = 0
    while size < chars:
        if places:
            a, b = rng.sample(_TOWNS, 2)
            text = (
                f"Shelling hit {a} on Tuesday and residents fled toward {b}, "
                f"a council member in {a} said."
            )
        else:
            text = rng.choice([PORT_STORY, VALLEY_STORY, BRIDGE_STORY]).replace("\n\n", " ")
        paragraphs.append(text)
        size += len(text) + 2
    return "\n\n".join(paragraphs)


def _deep_json_line() -> bytes:
    return b'{"maintext": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"


def _jsonl_with(bad_line: bytes) -> bytes:
    lines = [
        news_please_line(title="Port", maintext=PORT_STORY).encode(),
        bad_line,
        news_please_line(title="Valley", maintext=VALLEY_STORY).encode(),
    ]
    return b"\n".join(lines) + b"\n"


def _stray_bytes_page() -> bytes:
    body = (
        "Les forces armées ont bombardé la ville, a déclaré le général à l’aube. " * 40
    ).encode()
    cut = len(body) // 2
    return (
        html_page("Rapport", "x")
        .encode()
        .replace(b"<p>x</p>", b"<p>" + body[:cut] + b"\xff\xfe" + body[cut:] + b"</p>")
    )


def _many_paragraphs() -> bytes:
    return b"<html><body>" + b"<p>Shelling near the port.</p>" * 300_000 + b"</body></html>"


def _deep_html() -> bytes:
    story = "".join(f"<p>{p}</p>" for p in PORT_STORY.split("\n\n"))
    return b"<html><body>" + b"<div>" * 5000 + story.encode() + b"</div>" * 5000 + b"</body></html>"


def _warc_encoded_bomb() -> bytes:
    # A response whose HTTP body is gzip (Content-Encoding) and inflates past the limit.
    inflater = zlib.compressobj(9, zlib.DEFLATED, 31)
    zeros = b"\0" * MIB
    body = b"".join(inflater.compress(zeros) for _ in range(80)) + inflater.flush()
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    http = StatusAndHeaders(
        "200 OK",
        [("Content-Type", "text/html"), ("Content-Encoding", "gzip")],
        protocol="HTTP/1.1",
    )
    writer.write_record(
        writer.create_warc_record(
            "https://bomb.example/", "response", payload=io.BytesIO(body), http_headers=http
        )
    )
    return buffer.getvalue()


def _copies(folder: Path) -> list[Path]:
    paths = [folder / "copy-a.txt", folder / "copy-b.txt"]
    for path in paths:
        path.write_bytes(("Copy. " + PORT_STORY).encode())
    return paths


def _undecodable_name(folder: Path) -> list[Path]:
    name = os.fsdecode(b"caf\xe9-report.txt")  # Latin-1 bytes: not UTF-8
    path = folder / name
    path.write_bytes(BRIDGE_STORY.replace("Engineers", "Surveyors").encode())
    return [path]


def _fifo(folder: Path) -> list[Path]:
    path = folder / "pipe.txt"
    os.mkfifo(path)
    return [path]


def _unreadable(folder: Path) -> list[Path]:
    path = folder / "secret.txt"
    path.write_bytes(PORT_STORY.encode())
    path.chmod(0)
    return [path]


def _formula_title() -> bytes:
    record = news_please_line(
        title='=HYPERLINK("https://evil.example/","click")',
        outlet="@SUM(A1:A9)",
        maintext=VALLEY_STORY.replace("Farmers", "Herders"),
    )
    return record.encode() + b"\n"


def _terminal_escapes() -> bytes:
    return ("\x1b]0;pwned\x07\x1b[2J\x1b[31m" + PORT_STORY.replace("Shelling", "Gunfire")).encode()


def _utf16_without_bom() -> bytes:
    return VALLEY_STORY.replace("Farmers", "Shepherds").encode("utf-16-le")


def cases() -> list[Case]:
    """Every hostile case, the ones the issue found and the ones the readers already handle."""

    rng = random.Random(7)
    laughs = BILLION_LAUGHS_RSS
    xxe = RSS_FEED.replace(
        "<rss", '<!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<rss', 1
    ).replace("<title>Coastline Wire</title>", "<title>&x;</title>")
    return [
        # Whole runs lost before.
        Case("doctype_backtracking", _file("prolog.html", b"<!doctype " + b"[]" * 38 + b"x"),
             frozenset({"malformed_html", "no_text", "too_short"}), "88-byte prolog bomb"),
        Case("over_spacy_limit",
             _file("long.txt", lambda: long_english_article(1_050_000).encode()),
             frozenset({ACCEPTED}), "English article over 10^6 characters",
             frozenset({"truncated"})),
        Case("many_places", _file("places.txt",
                                   lambda: long_english_article(890_000, places=True).encode()),
             frozenset({ACCEPTED}), "890 KB article naming places thousands of times",
             frozenset({"truncated"})),
        Case("many_paragraphs", _file("paragraphs.html", _many_paragraphs),
             frozenset({"too_complex"}), "HTML page with 3x10^5 paragraphs"),
        Case("byte_identical_copies", _copies, frozenset({ACCEPTED}),
             "two byte-identical files", frozenset({"duplicate"})),
        Case("undecodable_file_name", _undecodable_name, frozenset({ACCEPTED}),
             "a file name that is not UTF-8"),
        Case("warc_content_encoding_bomb", _file("bomb.warc", _warc_encoded_bomb),
             frozenset({"too_large", "no_text"}), "WARC body with Content-Encoding: gzip to 80 MiB",
             frozenset({"too_large"})),
        # Good articles lost before.
        Case("jsonl_huge_integer", _file("bigint.jsonl",
                                          lambda: _jsonl_with(b'{"n": ' + b"9" * 5000 + b"}")),
             frozenset({"malformed_json", ACCEPTED}), "a JSONL line with a 5,000-digit integer",
             frozenset({"malformed_json"})),
        Case("jsonl_deep_nesting", _file("deep.jsonl", lambda: _jsonl_with(_deep_json_line())),
             frozenset({"malformed_json", ACCEPTED}), "a JSONL line nested 10^5 deep",
             frozenset({"malformed_json"})),
        Case("utf8_stray_bytes", _file("stray.html", _stray_bytes_page), frozenset({ACCEPTED}),
             "UTF-8 page with two invalid bytes", frozenset({"repaired_encoding"})),
        Case("utf16_without_bom", _file("wide.txt", _utf16_without_bom), frozenset({ACCEPTED}),
             "UTF-16 text without a byte-order mark"),
        Case("deep_html", _file("deep.html", _deep_html), frozenset({ACCEPTED}),
             "HTML nested 5,000 elements deep"),
        # Output.
        Case("formula_title", _file("formula.jsonl", _formula_title), frozenset({ACCEPTED}),
             "title and outlet that start like spreadsheet formulas"),
        Case("terminal_escapes", _file("escapes.txt", _terminal_escapes), frozenset({ACCEPTED}),
             "terminal control sequences in the text"),
        # Handled before; kept so they stay handled.
        Case("binary_junk", _file("junk.txt", rng.randbytes(4096)), frozenset({"binary"})),
        Case("png_named_html", _file("photo.html", b"\x89PNG\r\n\x1a\nIHDR" + bytes(range(40))),
             frozenset({"binary"})),
        Case("empty_file", _file("empty.txt", b""), frozenset({"empty"})),
        Case("white_space_only", _file("blank.html", b" \r\n\t\n"), frozenset({"empty"})),
        Case("high_bytes_noise", _file("noise.txt", bytes(rng.randrange(0x80, 0x100)
                                                           for _ in range(500))),
             frozenset({"bad_encoding"})),
        Case("gzip_bomb", _file("bomb.txt.gz", lambda: gzip.compress(b"\0" * (60 * MIB), 9)),
             frozenset({"too_large"})),
        Case("truncated_gzip", _file("cut.txt.gz", gzip.compress((PORT_STORY * 10).encode())[:200]),
             frozenset({"truncated_gzip"})),
        Case("truncated_warc", _file("cut.warc", lambda: warc_bytes(
            [WarcRecord("https://r.example/a", html_page("A", BRIDGE_STORY).encode())])[:-300]),
             frozenset({"truncated_warc"})),
        Case("markup_garbage", _file("garbage.html", ("<<<!! <<>> </<> <<< " * 30).encode()),
             frozenset({"malformed_html"})),
        Case("billion_laughs", _file("laughs.rss", laughs.encode()), frozenset({"xml_forbidden"})),
        Case("external_entity", _file("xxe.rss", xxe.encode()), frozenset({"xml_forbidden"})),
        Case("malformed_feed", _file("broken.rss", RSS_FEED.replace("</channel>", "").encode()),
             frozenset({"malformed_xml"})),
        Case("malformed_json_file", _file("broken.json", b'{\n "title": "x",\n "maintext": "u\n}'),
             frozenset({"malformed_json"})),
        Case("fifo", _fifo, frozenset({"unreadable"})),
        Case("no_read_permission", _unreadable, frozenset({"unreadable"})),
    ]  # fmt: skip
