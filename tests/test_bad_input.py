"""Bad input: every case becomes a rejection with its reason code, and the run goes on."""

from __future__ import annotations

import gzip
import os
import random
import tracemalloc
from collections import Counter
from pathlib import Path

import pytest

import crosswire.readers
from crosswire.api import run_corpus
from crosswire.errors import REASONS
from crosswire.readers.ingest import discover
from crosswire.store.duckdb import DuckDBStore
from ingest_fixtures import (
    BILLION_LAUGHS_RSS,
    BRIDGE_STORY,
    CP1252_STORY,
    PORT_STORY,
    RSS_FEED,
    VALLEY_STORY,
    WarcRecord,
    html_page,
    ingest,
    ingest_refs,
    news_please_line,
    news_warc_records,
    reasons,
    warc_bytes,
)

MIB = 1 << 20


def test_binary_junk_is_binary(tmp_path: Path) -> None:
    path = tmp_path / "junk.txt"
    path.write_bytes(random.Random(7).randbytes(4096))

    docs, rejected = ingest([path])

    assert docs == []
    assert reasons(rejected) == ["binary"]
    assert rejected[0].input_sha256  # tied to the input, so a re-run replaces it


def test_known_binary_formats_are_binary_whatever_their_name(tmp_path: Path) -> None:
    png = tmp_path / "photo.html"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + b"IHDR" + bytes(range(40)))
    pdf = tmp_path / "report.txt"
    pdf.write_bytes(b"%PDF-1.7\n% text-like header then streams\n")

    _, rejected = ingest([png, pdf])

    assert reasons(rejected) == ["binary", "binary"]
    assert [r.detail for r in rejected] == ["PNG image", "PDF document"]


def test_empty_file_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")

    docs, rejected = ingest([path])

    assert docs == []
    assert reasons(rejected) == ["empty"]


def test_whitespace_only_file_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "blank.html"
    path.write_bytes(b" \r\n\t\n   \n")
    assert reasons(ingest([path])[1]) == ["empty"]


def test_damaged_utf8_is_bad_encoding(tmp_path: Path) -> None:
    text = "Les forces armées ont bombardé la ville, a déclaré le général à l’aube. " * 4
    raw = text.encode("utf-8")
    # Drop the last byte of every other multi-byte character.
    damaged, drop = bytearray(), False
    for index, byte in enumerate(raw):
        if 0x80 <= byte < 0xC0 and (index + 1 == len(raw) or raw[index + 1] < 0x80):
            drop = not drop
            if drop:
                continue
        damaged.append(byte)
    path = tmp_path / "damaged.txt"
    path.write_bytes(bytes(damaged))

    docs, rejected = ingest([path])

    assert docs == []
    assert reasons(rejected) == ["bad_encoding"]


def test_high_bytes_in_no_confident_encoding_are_bad_encoding(tmp_path: Path) -> None:
    path = tmp_path / "noise.txt"
    noise = random.Random(3)
    path.write_bytes(bytes(noise.randrange(0x80, 0x100) for _ in range(600)))

    assert reasons(ingest([path])[1]) == ["bad_encoding"]


def test_genuine_cp1252_is_not_bad_encoding(tmp_path: Path) -> None:
    # The other side of the encoding policy: invalid UTF-8 that is plausible windows-1252.
    path = tmp_path / "legacy.txt"
    path.write_bytes(CP1252_STORY.encode("cp1252"))

    (doc,), rejected = ingest([path])

    assert rejected == []
    assert doc.encoding == "cp1252"


def test_hundred_megabyte_file_is_too_large_without_being_read_into_memory(
    tmp_path: Path,
) -> None:
    path = tmp_path / "huge.txt"
    block = (PORT_STORY + "\n\n").encode() * (MIB // len(PORT_STORY) + 1)
    with path.open("wb") as handle:
        for _ in range(100):
            handle.write(block[:MIB])
    assert path.stat().st_size == 100 * MIB

    tracemalloc.start()
    try:
        refs, _ = discover([str(path)])
        docs, rejected = ingest_refs(refs)  # the default max_bytes (50 MB)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert docs == []
    assert reasons(rejected) == ["too_large"]
    assert refs[0].size == 100 * MIB
    assert peak < 8 * MIB


def test_gzip_that_inflates_past_the_limit_is_too_large(tmp_path: Path) -> None:
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(gzip.compress(b" news " * 200_000))

    docs, rejected = ingest([path], max_bytes=100_000)

    assert docs == []
    assert reasons(rejected) == ["too_large"]


def test_truncated_gzip_is_truncated_gzip(tmp_path: Path) -> None:
    path = tmp_path / "cut.txt.gz"
    whole = gzip.compress((PORT_STORY * 20).encode())
    path.write_bytes(whole[: len(whole) // 2])

    docs, rejected = ingest([path])

    assert docs == []
    assert reasons(rejected) == ["truncated_gzip"]


def test_corrupt_gzip_is_truncated_gzip(tmp_path: Path) -> None:
    path = tmp_path / "corrupt.gz"
    whole = bytearray(gzip.compress((VALLEY_STORY * 20).encode()))
    whole[20:40] = b"\xff" * 20
    path.write_bytes(bytes(whole))

    assert reasons(ingest([path])[1]) == ["truncated_gzip"]


def test_truncated_warc_keeps_the_records_before_the_damage(tmp_path: Path) -> None:
    whole = warc_bytes([*news_warc_records()[:2], news_warc_records()[4]])
    last_record = whole.rindex(b"WARC/1.")
    path = tmp_path / "cut.warc"
    path.write_bytes(whole[: last_record + 400])  # inside the last record

    docs, rejected = ingest([path])

    assert [d.position for d in docs] == ["1", "2"]
    assert reasons(rejected) == ["truncated_warc"]
    assert rejected[0].position == "3"


def test_truncated_gzipped_warc_is_truncated_warc_and_keeps_earlier_records(
    tmp_path: Path,
) -> None:
    whole = warc_bytes([*news_warc_records()[:2], news_warc_records()[4]], gzip=True)
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(whole[: len(whole) - 150])

    docs, rejected = ingest([path])

    assert [d.position for d in docs] == ["1", "2"]
    assert reasons(rejected) == ["truncated_warc"]


def test_corrupt_warc_record_stops_the_archive_there(tmp_path: Path) -> None:
    whole = warc_bytes(news_warc_records()[:2])
    second = whole.index(b"WARC/1.", whole.index(b"WARC/1.", 10) + 1)
    path = tmp_path / "corrupt.warc"
    path.write_bytes(whole[:second] + b"NOT A RECORD\r\n\r\n" + whole[second:])

    docs, rejected = ingest([path])

    assert [d.position for d in docs] == ["1"]
    assert reasons(rejected) == ["truncated_warc"]


def test_malformed_html_is_malformed_html(tmp_path: Path) -> None:
    path = tmp_path / "garbage.html"
    path.write_text("<<<!! <<>> </<> <<< &&<>< <=== " * 40 + "<html")

    docs, rejected = ingest([path])

    assert docs == []
    assert reasons(rejected) == ["malformed_html"]


def test_billion_laughs_rss_is_forbidden_not_expanded(tmp_path: Path) -> None:
    path = tmp_path / "laughs.rss"
    path.write_text(BILLION_LAUGHS_RSS)

    docs, rejected = ingest([path])

    assert docs == []
    assert reasons(rejected) == ["xml_forbidden"]


def test_external_entity_in_a_feed_is_forbidden(tmp_path: Path) -> None:
    path = tmp_path / "xxe.xml"
    path.write_text(
        '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>'
        "<rss><channel><item><title>&secret;</title></item></channel></rss>"
    )
    assert reasons(ingest([path])[1]) == ["xml_forbidden"]


def test_malformed_feed_is_malformed_xml(tmp_path: Path) -> None:
    path = tmp_path / "broken.rss"
    path.write_text(RSS_FEED.replace("</channel>", ""))
    assert reasons(ingest([path])[1]) == ["malformed_xml"]


def test_xml_that_is_no_feed_is_unsupported(tmp_path: Path) -> None:
    path = tmp_path / "sitemap.xml"
    path.write_text(
        '<?xml version="1.0"?><urlset><url><loc>https://a.example/</loc></url></urlset>'
    )
    assert reasons(ingest([path])[1]) == ["unsupported_format"]


def test_feed_entry_without_text_is_rejected_alone(tmp_path: Path) -> None:
    path = tmp_path / "thin.rss"
    path.write_text(
        "<rss><channel><title>Thin</title>"
        "<item><title>Only a headline</title><link>https://thin.example/1</link></item>"
        f"<item><title>Port</title><description>{PORT_STORY}</description></item>"
        "</channel></rss>"
    )

    docs, rejected = ingest([path])

    assert [d.position for d in docs] == ["1"]
    assert [(r.reason, r.position) for r in rejected] == [("empty", "0")]


def test_malformed_json_line_is_rejected_alone(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl"
    path.write_text(
        "\n".join(
            [
                news_please_line(title="Port", maintext=PORT_STORY),
                '{"title": "Broken", "maintext": "no closing brace"',
                news_please_line(title="Valley", maintext=VALLEY_STORY),
                "[1, 2]",
                news_please_line(title="No body", url="https://a.example/"),
            ]
        )
    )

    docs, rejected = ingest([path])

    assert [d.position for d in docs] == ["0", "2"]
    assert [(r.reason, r.position) for r in rejected] == [
        ("malformed_json", "1"),
        ("malformed_json", "3"),  # valid JSON, but not a record
        ("no_text", "4"),
    ]


def test_malformed_json_file_is_malformed_json(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{\n  "title": "Port",\n  "maintext": "unterminated\n}\n')

    docs, rejected = ingest([path])

    assert docs == []
    assert reasons(rejected) == ["malformed_json"]
    assert rejected[0].position == ""  # the whole file


def test_missing_path_is_missing_path(tmp_path: Path) -> None:
    docs, rejected = ingest([tmp_path / "nowhere" / "story.txt"])

    assert docs == []
    assert reasons(rejected) == ["missing_path"]
    assert rejected[0].stage == "ingest"


def test_fifo_in_a_tree_is_unreadable_and_never_blocks(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text(PORT_STORY)
    os.mkfifo(tmp_path / "pipe.txt")

    docs, rejected = ingest([tmp_path])

    assert [Path(d.source).name for d in docs] == ["story.txt"]
    assert [(Path(r.source).name, r.reason) for r in rejected] == [("pipe.txt", "unreadable")]


@pytest.mark.skipif(not Path("/proc/self/mem").exists(), reason="needs Linux /proc")
def test_file_whose_read_fails_is_unreadable() -> None:
    # /proc/self/mem opens as a regular file, but reading it at offset 0 fails
    # with an I/O error, even for root: a real failing read.
    docs, rejected = ingest(["/proc/self/mem"])

    assert docs == []
    assert reasons(rejected) == ["unreadable"]
    assert "error" in rejected[0].detail.lower()


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_file_without_read_permission_is_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "locked.txt"
    path.write_text(PORT_STORY)
    path.chmod(0)

    assert reasons(ingest([path])[1]) == ["unreadable"]


def test_an_unexpected_reader_failure_is_rejected_and_the_run_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # No real input makes a reader crash (that would be a bug to fix), so one is
    # made to crash here to check the safety net around every input.
    def crash(*_: object) -> None:
        raise RuntimeError("reader bug")

    monkeypatch.setitem(crosswire.readers.TEXT_READERS, "txt", crash)
    (tmp_path / "a.txt").write_text(PORT_STORY)
    (tmp_path / "b.html").write_text(html_page("Valley", VALLEY_STORY))

    docs, rejected = ingest([tmp_path])

    assert [Path(d.source).name for d in docs] == ["b.html"]
    assert [(r.reason, r.detail) for r in rejected] == [("read_error", "RuntimeError: reader bug")]
    assert "read_error" in REASONS


INGEST_REASONS = (
    "missing_path", "unreadable", "empty", "binary", "bad_encoding", "too_large",
    "truncated_gzip", "truncated_warc", "malformed_html", "malformed_json", "malformed_xml",
    "xml_forbidden", "unsupported_format", "no_text", "read_error",
)  # fmt: skip


def test_every_ingest_reason_code_is_documented() -> None:
    assert set(INGEST_REASONS) <= set(REASONS)


# --------------------------------------------------------------------------
# The whole pipeline over a mixed directory


def test_pipeline_stores_good_articles_and_a_rejection_for_every_bad_file(tmp_path: Path) -> None:
    corpus_dir = tmp_path / "corpus"
    corpus_dir.mkdir()
    good = {
        "port.txt": PORT_STORY.encode(),
        "legacy.txt": CP1252_STORY.encode("cp1252"),
        "bridge.html": html_page("Bridge repairs begin", BRIDGE_STORY).encode(),
        "valley.jsonl": (news_please_line(title="Valley", maintext=VALLEY_STORY) + "\n").encode(),
        "wire.rss": RSS_FEED.encode(),
        "crawl.warc.gz": warc_bytes(news_warc_records(), gzip=True),
    }
    cut_warc = warc_bytes(
        [
            WarcRecord("https://river.example/bridge", html_page("Bridge", BRIDGE_STORY).encode()),
            WarcRecord("https://coastline.example/port2", html_page("Port", PORT_STORY).encode()),
        ]
    )
    bad = {
        "junk.bin": random.Random(1).randbytes(2048),
        "empty.txt": b"",
        "noise.txt": bytes(random.Random(2).randrange(0x80, 0x100) for _ in range(500)),
        "cut.txt.gz": gzip.compress((PORT_STORY * 10).encode())[:200],
        "garbage.html": ("<<<!! <<>> </<> <<< " * 30).encode(),
        "laughs.rss": BILLION_LAUGHS_RSS.encode(),
    }
    for name, data in {**good, **bad}.items():
        (corpus_dir / name).write_bytes(data)
    (corpus_dir / "cut.warc").write_bytes(cut_warc[: cut_warc.rindex(b"WARC/1.") + 300])
    db = tmp_path / "x.duckdb"

    run_corpus([corpus_dir, tmp_path / "missing.txt"], db=db)

    with DuckDBStore(db) as store:
        articles = store.load_articles()
        rejections = [r for r in store.load_rejections() if r.stage == "ingest"]
    by_reason = Counter(r.reason for r in rejections)
    assert by_reason == Counter(
        {
            "binary": 1,
            "empty": 1,
            "bad_encoding": 1,
            "truncated_gzip": 1,
            "malformed_html": 1,
            "xml_forbidden": 1,
            "truncated_warc": 1,
            "missing_path": 1,
        }
    )
    rejected_files = {Path(r.source).name for r in rejections}
    assert rejected_files == {*bad, "cut.warc", "missing.txt"}
    article_inputs = {a.input_sha256 for a in articles}
    for name in [*good, "cut.warc"]:  # the truncated WARC keeps its first record
        sha = discover([str(corpus_dir / name)])[0][0].sha256
        assert sha in article_inputs, f"{name} yielded no stored article"
