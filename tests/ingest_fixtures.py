"""Sample inputs for the ingest tests, written for them (all names and events invented)."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from crosswire.model import Corpus, InputRef, RawDocument, Rejection
from crosswire.readers.ingest import discover, make_ingest
from crosswire.registry import StageContext

PORT_STORY = (
    "Shelling resumed near the port of Qalat Rimah on Tuesday, two residents said, "
    "hours after a truce brokered by local elders was meant to take hold.\n\n"
    "A spokesman for the harbour authority said three warehouses were damaged and "
    "that no ship had left the quay since Monday evening."
)
VALLEY_STORY = (
    "Farmers in the Wadi Sehra valley say they have not reached their fields for a "
    "week because of checkpoints set up along the only paved road.\n\n"
    "A council member said talks with the district commander would resume on Sunday."
)
BRIDGE_STORY = (
    "Engineers began repairing the Karsu river bridge on Thursday, a regional "
    "official said, after floods washed away two of its spans last month.\n\n"
    "The crossing links four villages to the district hospital."
)
# Western text with the characters windows-1252 adds to Latin-1: “ ” ’ —.
CP1252_STORY = (
    "“We heard the blasts at dawn,” said Zoë Martín, a teacher in the old town — "
    "she fled with her family to a cousin’s house near the café on the square.\n\n"
    "Officials in the région declined to comment on Wednesday."
)
FRENCH_STORY = (
    "Les habitants du quartier ont signalé des tirs nourris pendant la nuit, "
    "selon plusieurs témoins joints par téléphone. La mairie a annoncé la "
    "fermeture des écoles jusqu'à nouvel ordre."
)


@dataclass
class WarcRecord:
    uri: str
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: str = "200 OK"
    record_type: str = "response"


def html_page(title: str, body: str, charset: str = "utf-8") -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
    return (
        f'<!DOCTYPE html><html><head><meta charset="{charset}"><title>{title}</title></head>'
        f"<body><article><h1>{title}</h1>{paragraphs}</article></body></html>"
    )


def warc_bytes(records: Sequence[WarcRecord], *, gzip: bool = False) -> bytes:
    """A real WARC written by warcio: a warcinfo record, then the given records."""

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "crosswire tests"}))
    for record in records:
        if record.record_type == "response":
            http = StatusAndHeaders(
                record.status, [("Content-Type", record.content_type)], protocol="HTTP/1.1"
            )
            built = writer.create_warc_record(
                record.uri, "response", payload=io.BytesIO(record.body), http_headers=http
            )
        else:
            built = writer.create_warc_record(
                record.uri,
                record.record_type,
                payload=io.BytesIO(record.body),
                warc_content_type=record.content_type,
            )
        writer.write_record(built)
    return buffer.getvalue()


def news_warc_records() -> list[WarcRecord]:
    return [
        WarcRecord(
            "https://coastline.example/port", html_page("Port shelled", PORT_STORY).encode()
        ),
        WarcRecord(
            "https://valley.example/blasts",
            html_page("Blasts at dawn", CP1252_STORY, "windows-1252").encode("cp1252"),
            content_type="text/html; charset=windows-1252",
        ),
        WarcRecord("https://valley.example/logo.png", b"\x89PNG\r\n\x1a\n0000", "image/png"),
        WarcRecord("https://valley.example/gone", b"<html>gone</html>", status="404 Not Found"),
        WarcRecord("https://river.example/bridge.txt", BRIDGE_STORY.encode(), "text/plain"),
    ]


RSS_FEED = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>Coastline Wire</title>
    <link>https://coastline.example/</link>
    <language>en-us</language>
    <item>
      <title>Port shelled as truce falters</title>
      <link>https://coastline.example/port</link>
      <dc:creator>Jane Roe</dc:creator>
      <pubDate>Tue, 04 Mar 2026 10:00:00 +0000</pubDate>
      <description>Shelling resumed near the port.</description>
      <content:encoded><![CDATA[{html_page("Port", PORT_STORY)}]]></content:encoded>
    </item>
    <item>
      <title>Farmers cut off from fields &amp;amp; markets</title>
      <guid isPermaLink="true">https://coastline.example/valley</guid>
      <author>desk@coastline.example (Sam Poe)</author>
      <pubDate>Wed, 05 Mar 2026 08:30:00 +0000</pubDate>
      <description>{VALLEY_STORY}</description>
    </item>
  </channel>
</rss>
"""

# Atom "html" content is escaped markup.
ESCAPED_BRIDGE_PARAGRAPHS = "".join(
    f"&lt;p&gt;{paragraph}&lt;/p&gt;" for paragraph in BRIDGE_STORY.split("\n\n")
)
ATOM_FEED = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <title>Levant Monitor</title>
  <author><name>Monitor Desk</name></author>
  <entry>
    <title type="html">Bridge &lt;em&gt;repairs&lt;/em&gt; begin</title>
    <link rel="alternate" href="https://levant.example/bridge"/>
    <id>tag:levant.example,2026:bridge</id>
    <author><name>Rami Haddad</name></author>
    <published>2026-03-06T09:00:00Z</published>
    <updated>2026-03-07T09:00:00Z</updated>
    <content type="html">{ESCAPED_BRIDGE_PARAGRAPHS}</content>
  </entry>
  <entry xml:lang="fr">
    <title>Tirs dans la nuit</title>
    <link href="https://levant.example/tirs"/>
    <id>https://levant.example/tirs</id>
    <updated>2026-03-08T22:00:00Z</updated>
    <summary type="text">{FRENCH_STORY}</summary>
  </entry>
  <entry>
    <title>Port report</title>
    <id>urn:uuid:7d1e6c1e-0000-4000-8000-000000000001</id>
    <updated>2026-03-09T07:00:00Z</updated>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">
      <p>First paragraph.</p><p>Second <b>bold</b> one.</p></div></content>
  </entry>
</feed>
"""

BILLION_LAUGHS_RSS = """<?xml version="1.0"?>
<!DOCTYPE rss [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>Laughs</title>
  <item><title>&lol9;</title><description>&lol9;</description></item>
</channel></rss>
"""


def news_please_line(**fields: object) -> str:
    import json

    return json.dumps(fields, ensure_ascii=False)


def ingest(
    paths: Sequence[Path | str], **options: object
) -> tuple[list[RawDocument], list[Rejection]]:
    """Discover and run the registered ingest stage; missing paths come back as rejections."""

    refs, missing = discover([str(p) for p in paths])
    return ingest_refs(refs, missing, **options)


def ingest_refs(
    refs: Sequence[InputRef], missing: Sequence[Rejection] = (), **options: object
) -> tuple[list[RawDocument], list[Rejection]]:
    run = make_ingest(**options)  # type: ignore[arg-type]
    corpus = run(Corpus(inputs=tuple(refs)), StageContext(options=dict(options)))
    return list(corpus.documents), [*missing, *corpus.rejections]


def reasons(rejections: Sequence[Rejection]) -> list[str]:
    return [r.reason for r in rejections]
