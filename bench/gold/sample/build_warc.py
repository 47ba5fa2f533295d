"""Rebuild the sample WARC (``src/crosswire/data/sample/crawl-2026-03-05.warc.gz``)
from the HTML pages in ``warc-src/``.

Run: ``.venv/bin/python bench/gold/sample/build_warc.py``. Record ids, dates and
gzip headers are fixed, so the output is byte-identical on every run.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

GOLD_DIR = Path(__file__).resolve().parent
SOURCE_DIR = GOLD_DIR / "warc-src"
OUTPUT = GOLD_DIR.parents[2] / "src" / "crosswire" / "data" / "sample" / "crawl-2026-03-05.warc.gz"
WARC_FILENAME = OUTPUT.name


@dataclass(frozen=True)
class Capture:
    source: str  # file name under warc-src/
    uri: str
    crawled: str  # WARC-Date: when the crawler fetched it, not when it was published
    server_date: str  # the HTTP Date header, same instant


# The order here is the order of the response records, hence the gold refs #0, #1.
CAPTURES = (
    Capture(
        source="redseadispatch-ship-ablaze.html",
        uri="https://redseadispatch.example/news/2026/03/04/merchant-ship-ablaze-off-hudaydah/",
        crawled="2026-03-05T08:14:22Z",
        server_date="Thu, 05 Mar 2026 08:14:22 GMT",
    ),
    Capture(
        source="levantmonitor-truce-holds.html",
        uri="https://levantmonitor.example/syria/truce-holds-tafas-families-return",
        crawled="2026-03-05T18:02:57Z",
        server_date="Thu, 05 Mar 2026 18:02:57 GMT",
    ),
)


def record_id(name: str) -> str:
    # A name-based UUID keeps the record ids stable across rebuilds.
    return f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, name)}>"


def build() -> bytes:
    buffer = BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    info = writer.create_warcinfo_record(
        WARC_FILENAME,
        {
            "software": "crosswire sample generator",
            "format": "WARC File Format 1.0",
            "description": "Two pages crawled on 5 March 2026 for the crosswire sample corpus",
        },
    )
    info.rec_headers.replace_header("WARC-Record-ID", record_id(WARC_FILENAME))
    info.rec_headers.replace_header("WARC-Date", "2026-03-05T08:14:20Z")
    writer.write_record(info)
    for capture in CAPTURES:
        body = (SOURCE_DIR / capture.source).read_bytes()
        http_headers = StatusAndHeaders(
            "200 OK",
            [
                ("Date", capture.server_date),
                ("Content-Type", "text/html; charset=utf-8"),
                ("Content-Length", str(len(body))),
                ("Server", "nginx"),
            ],
            protocol="HTTP/1.1",
        )
        record = writer.create_warc_record(
            capture.uri,
            "response",
            payload=BytesIO(body),
            length=len(body),
            http_headers=http_headers,
            warc_headers_dict={
                "WARC-Record-ID": record_id(capture.uri),
                "WARC-Date": capture.crawled,
            },
        )
        writer.write_record(record)
    return buffer.getvalue()


def main() -> None:
    OUTPUT.write_bytes(build())


if __name__ == "__main__":
    main()
