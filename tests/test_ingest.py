"""Ingest happy paths: discovery, every input format, encodings and declared metadata."""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path

from crosswire.readers.decoding import decode
from crosswire.readers.ingest import discover
from crosswire.readers.sniffing import sniff_text
from crosswire.registry import get
from ingest_fixtures import (
    ATOM_FEED,
    BRIDGE_STORY,
    CP1252_STORY,
    FRENCH_STORY,
    PORT_STORY,
    RSS_FEED,
    VALLEY_STORY,
    html_page,
    ingest,
    news_please_line,
    news_warc_records,
    reasons,
    warc_bytes,
)

# --------------------------------------------------------------------------
# Discovery


def test_discover_walks_directories_sorted_and_skips_hidden_entries(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("z")
    (tmp_path / "b" / "a.txt").write_text("a")
    (tmp_path / "c.txt").write_text("c")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD").write_text("ref")
    (tmp_path / ".notes.txt").write_text("hidden")

    refs, rejected = discover([str(tmp_path)])

    assert rejected == []
    assert [Path(r.source).relative_to(tmp_path).as_posix() for r in refs] == [
        "b/a.txt",
        "b/z.txt",
        "c.txt",
    ]


def test_discover_hashes_and_sizes_each_file(tmp_path: Path) -> None:
    data = PORT_STORY.encode() * 50
    (tmp_path / "a.txt").write_bytes(data)

    (ref,), _ = discover([str(tmp_path / "a.txt")])

    assert ref.sha256 == hashlib.sha256(data).hexdigest()
    assert ref.size == len(data)
    assert ref.data is None  # files are re-read by the stage, not kept in memory


def test_discover_reads_stdin_from_the_bytes_passed_in() -> None:
    (ref,), _ = discover(["-"], stdin=b"From standard input.")
    assert ref.source == "-"
    assert ref.data == b"From standard input."
    assert ref.sha256 == hashlib.sha256(b"From standard input.").hexdigest()


def test_discover_reads_a_file_named_twice_once(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("a")
    refs, _ = discover([str(tmp_path), str(tmp_path / "a.txt")])
    assert len(refs) == 1


def test_discover_skips_symlinks_in_a_tree_unless_told_to_follow(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("not part of the corpus")
    tree = tmp_path / "tree"
    tree.mkdir()
    (tree / "own.txt").write_text("own")
    (tree / "link-file.txt").symlink_to(outside / "secret.txt")
    (tree / "link-dir").symlink_to(outside)
    (tree / "loop").symlink_to(tree)

    refs, _ = discover([str(tree)])
    assert [Path(r.source).name for r in refs] == ["own.txt"]

    refs, _ = discover([str(tree)], follow_symlinks=True)
    assert sorted(Path(r.source).name for r in refs) == ["own.txt", "secret.txt"]


def test_the_stage_is_registered_with_its_contract() -> None:
    info = get("ingest")
    assert info.needs == ("inputs",)
    assert set(info.provides) == {"documents", "rejections"}


# --------------------------------------------------------------------------
# Plain text and encodings


def test_utf8_text_is_one_txt_document_with_normalised_newlines(tmp_path: Path) -> None:
    path = tmp_path / "port.txt"
    path.write_bytes(PORT_STORY.replace("\n", "\r\n").encode())

    (doc,), rejected = ingest([path])

    assert rejected == []
    assert (doc.format, doc.encoding, doc.position, doc.source) == ("txt", "utf-8", "0", str(path))
    assert doc.content == PORT_STORY


def test_cp1252_text_is_accepted_and_its_encoding_recorded(tmp_path: Path) -> None:
    path = tmp_path / "cafe.txt"
    path.write_bytes(CP1252_STORY.encode("cp1252"))

    (doc,), rejected = ingest([path])

    assert rejected == []
    assert doc.encoding == "cp1252"
    assert doc.content == CP1252_STORY


def test_latin1_text_is_read_as_its_windows_1252_superset(tmp_path: Path) -> None:
    path = tmp_path / "fr.txt"
    path.write_bytes(FRENCH_STORY.encode("latin-1"))

    (doc,), _ = ingest([path])

    assert doc.encoding == "cp1252"
    assert doc.content == FRENCH_STORY


def test_cyrillic_legacy_text_is_detected() -> None:
    text = (
        "Жители города сообщили, что обстрел продолжался всю ночь. "
        "Власти объявили о закрытии школ до конца недели."
    )
    decoded = decode(text.encode("cp1251"))
    assert (decoded.encoding, decoded.text) == ("cp1251", text)


def test_byte_order_marks_decide_the_encoding() -> None:
    assert decode(b"\xef\xbb\xbf" + PORT_STORY.encode()).encoding == "utf-8-sig"
    utf16 = decode(b"\xff\xfe" + VALLEY_STORY.encode("utf-16-le"))
    assert (utf16.encoding, utf16.text) == ("utf-16-le", VALLEY_STORY)


def test_html_meta_charset_is_used_for_legacy_bytes(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(html_page("Café", CP1252_STORY, charset="windows-1252").encode("cp1252"))

    (doc,), _ = ingest([path])

    assert (doc.format, doc.encoding) == ("html", "cp1252")
    assert "Zoë Martín" in doc.content


def test_valid_utf8_wins_over_a_wrong_latin1_declaration(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(html_page("Café", CP1252_STORY, charset="iso-8859-1").encode("utf-8"))

    (doc,), _ = ingest([path])

    assert doc.encoding == "utf-8"
    assert "“We heard the blasts at dawn,”" in doc.content


def test_prose_opening_with_a_bracket_is_text_not_json(tmp_path: Path) -> None:
    path = tmp_path / "wire.txt"
    path.write_text("[Coastline Wire] " + PORT_STORY)

    (doc,), rejected = ingest([path])

    assert rejected == []
    assert doc.format == "txt"


# --------------------------------------------------------------------------
# gzip


def test_gzip_is_recognised_by_its_magic_bytes_whatever_the_name(tmp_path: Path) -> None:
    named = tmp_path / "story.txt.gz"
    named.write_bytes(gzip.compress(PORT_STORY.encode()))
    unnamed = tmp_path / "story.dat"
    unnamed.write_bytes(gzip.compress(html_page("Port", PORT_STORY).encode()))

    docs, rejected = ingest([named, unnamed])

    assert rejected == []
    assert [(d.source, d.format) for d in docs] == [(str(named), "txt"), (str(unnamed), "html")]
    assert docs[0].content == PORT_STORY


def test_multi_member_gzip_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "story.txt.gz"
    first, second = PORT_STORY.split("\n\n")
    path.write_bytes(gzip.compress(first.encode()) + gzip.compress(b"\n\n" + second.encode()))

    (doc,), _ = ingest([path])

    assert doc.content == PORT_STORY


# --------------------------------------------------------------------------
# HTML


def test_html_page_is_one_html_document_with_its_markup(tmp_path: Path) -> None:
    path = tmp_path / "port.html"
    page = html_page("Port shelled", PORT_STORY)
    path.write_text(page)

    (doc,), rejected = ingest([path])

    assert rejected == []
    assert (doc.format, doc.position, doc.content) == ("html", "0", page)


def test_html_is_sniffed_by_content_without_an_html_extension() -> None:
    assert sniff_text(html_page("T", PORT_STORY), "download.bin") == "html"
    assert sniff_text("<p>Only a fragment.</p><p>Of a page.</p>", "x") == "html"
    assert sniff_text(RSS_FEED, "feed.html") == "feed"


def test_truncated_but_parseable_html_still_proceeds(tmp_path: Path) -> None:
    path = tmp_path / "cut.html"
    path.write_text(html_page("Port", PORT_STORY)[:-60])

    (doc,), rejected = ingest([path])

    assert rejected == []
    assert doc.format == "html"


# --------------------------------------------------------------------------
# JSON


def test_json_lines_with_news_please_fields(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl"
    lines = [
        news_please_line(
            title="Port shelled",
            maintext=PORT_STORY,
            url="https://coastline.example/port",
            date_publish="2026-03-04 10:00:00",
            source_domain="coastline.example",
            authors=["Jane Roe", "Sam Poe"],
            language="en",
        ),
        "",
        news_please_line(title="Valley roads", text=VALLEY_STORY),
        news_please_line(title="Bridge", description=BRIDGE_STORY, date_download="2026-03-10"),
    ]
    path.write_text("\n".join(lines) + "\n")

    docs, rejected = ingest([path])

    assert rejected == []
    assert [d.position for d in docs] == ["0", "2", "3"]  # line numbers, from 0
    first = docs[0]
    assert first.source == f"{path}#0"
    assert (first.format, first.content, first.title) == ("json", PORT_STORY, "Port shelled")
    assert first.url == "https://coastline.example/port"
    assert first.outlet == "coastline.example"
    assert first.author == "Jane Roe, Sam Poe"
    assert first.published == "2026-03-04 10:00:00"
    assert first.language == "en"
    assert docs[1].content == VALLEY_STORY
    assert docs[2].content == BRIDGE_STORY
    assert docs[2].published is None  # the download date is not the publication date


def test_json_object_file_is_a_single_document(tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    path.write_text(json.dumps({"title": "Port", "maintext": PORT_STORY}, indent=2))

    (doc,), _ = ingest([path])

    assert (doc.position, doc.source, doc.title) == ("0", str(path), "Port")


def test_json_array_and_wrapped_records_get_their_index_as_position(tmp_path: Path) -> None:
    array = tmp_path / "array.json"
    array.write_text(json.dumps([{"maintext": PORT_STORY}, {"maintext": VALLEY_STORY}]))
    wrapped = tmp_path / "wrapped.json"
    wrapped.write_text(json.dumps({"articles": [{"text": BRIDGE_STORY}]}))

    docs, _ = ingest([array, wrapped])

    assert [(Path(d.source.split("#")[0]).name, d.position) for d in docs] == [
        ("array.json", "0"),
        ("array.json", "1"),
        ("wrapped.json", "0"),
    ]


def test_json_body_with_markup_becomes_an_html_document(tmp_path: Path) -> None:
    path = tmp_path / "html.jsonl"
    path.write_text(news_please_line(title="Port", maintext=html_page("Port", PORT_STORY)) + "\n")

    (doc,), _ = ingest([path])

    assert doc.format == "html"


# --------------------------------------------------------------------------
# Feeds


def test_rss_items_become_documents_with_declared_metadata(tmp_path: Path) -> None:
    path = tmp_path / "wire.rss"
    path.write_text(RSS_FEED)

    docs, rejected = ingest([path])

    assert rejected == []
    first, second = docs
    assert [d.position for d in docs] == ["0", "1"]
    assert first.source == f"{path}#0"
    assert first.format == "html"  # content:encoded is preferred to the short description
    assert "Qalat Rimah" in first.content
    assert first.title == "Port shelled as truce falters"
    assert first.url == "https://coastline.example/port"
    assert first.author == "Jane Roe"
    assert first.published == "Tue, 04 Mar 2026 10:00:00 +0000"
    assert (first.outlet, first.language) == ("Coastline Wire", "en-us")
    assert second.format == "txt"
    assert second.content == VALLEY_STORY
    assert second.title == "Farmers cut off from fields & markets"  # escaped twice in the feed
    assert second.url == "https://coastline.example/valley"  # a permalink guid
    assert second.author == "Sam Poe"  # from "desk@coastline.example (Sam Poe)"


def test_rss_with_a_plain_doctype_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "old.xml"
    path.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN"'
        ' "http://my.netscape.com/publish/formats/rss-0.91.dtd">\n'
        f'<rss version="0.91"><channel><title>Old</title><item><title>T</title>'
        f"<description>{PORT_STORY}</description></item></channel></rss>"
    )

    (doc,), rejected = ingest([path])

    assert rejected == []
    assert (doc.outlet, doc.content) == ("Old", PORT_STORY)


def test_rss_1_0_items_beside_the_channel_are_read(tmp_path: Path) -> None:
    path = tmp_path / "rdf.xml"
    path.write_text(
        '<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"'
        ' xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        "<channel><title>RDF Wire</title></channel>"
        "<item><title>Bridge</title><link>https://rdf.example/bridge</link>"
        f"<dc:date>2026-03-06</dc:date><description>{BRIDGE_STORY}</description></item>"
        "</rdf:RDF>"
    )

    (doc,), _ = ingest([path])

    assert (doc.outlet, doc.url, doc.published) == (
        "RDF Wire",
        "https://rdf.example/bridge",
        "2026-03-06",
    )


def test_atom_entries_become_documents_with_declared_metadata(tmp_path: Path) -> None:
    path = tmp_path / "monitor.atom"
    path.write_text(ATOM_FEED)

    docs, rejected = ingest([path])

    assert rejected == []
    bridge, tirs, port = docs
    assert bridge.format == "html"
    assert bridge.content.startswith("<p>Engineers began repairing")
    assert bridge.title == "Bridge repairs begin"
    assert (bridge.url, bridge.author) == ("https://levant.example/bridge", "Rami Haddad")
    assert bridge.published == "2026-03-06T09:00:00Z"  # published, not updated
    assert (bridge.outlet, bridge.language) == ("Levant Monitor", "en")
    assert (tirs.format, tirs.content) == ("txt", FRENCH_STORY)
    assert (tirs.language, tirs.author, tirs.published) == (
        "fr",
        "Monitor Desk",
        "2026-03-08T22:00:00Z",
    )
    assert tirs.url == "https://levant.example/tirs"
    assert port.format == "html"
    assert port.content.split() == [
        "<p>First",
        "paragraph.</p><p>Second",
        "<b>bold</b>",
        "one.</p>",
    ]
    assert port.url is None  # a urn: id is no link


# --------------------------------------------------------------------------
# WARC


def test_warc_html_and_text_responses_become_documents(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    path.write_bytes(warc_bytes(news_warc_records()))

    docs, rejected = ingest([path])

    assert rejected == []
    # Record 0 is warcinfo; the PNG (3) and the 404 page (4) are skipped quietly.
    assert [(d.position, d.format) for d in docs] == [("1", "html"), ("2", "html"), ("5", "txt")]
    assert [d.url for d in docs] == [
        "https://coastline.example/port",
        "https://valley.example/blasts",
        "https://river.example/bridge.txt",
    ]
    assert all(d.published is None for d in docs)  # WARC-Date is the capture date
    assert docs[1].encoding == "cp1252"
    assert "Zoë Martín" in docs[1].content
    assert docs[2].content == BRIDGE_STORY


def test_gzipped_warc_is_read(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(warc_bytes(news_warc_records(), gzip=True))

    docs, rejected = ingest([path])

    assert rejected == []
    assert [d.position for d in docs] == ["1", "2", "5"]


def test_warc_without_pages_is_no_text(tmp_path: Path) -> None:
    path = tmp_path / "images.warc"
    path.write_bytes(warc_bytes(news_warc_records()[2:4]))

    docs, rejected = ingest([path])

    assert docs == []
    assert reasons(rejected) == ["no_text"]
