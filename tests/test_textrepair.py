"""Text repair at ingest (ftfy), recorded in the article's origins; furniture is never a title."""

from __future__ import annotations

import json

import pytest

from crosswire.clean.extract import extract_document
from crosswire.clean.repair import is_furniture_title, repair
from crosswire.clean.split import split_article
from crosswire.model import RawDocument

pytest.importorskip("ftfy", reason="ftfy repairs text at ingest")

BODY = (
    "Government forces shelled the town on Tuesday, residents said, and the "
    "fighting went on into the night before a lull at dawn."
)


def _document(content: str, *, fmt: str = "json", title: str | None = None) -> RawDocument:
    return RawDocument(
        input_sha256="0" * 64, source="a.jsonl#0", position="0", format=fmt,
        content=content, title=title,
    )  # fmt: skip


def test_repair_undoes_mojibake_and_removes_control_characters() -> None:
    assert repair("SyriaÃ¢â‚¬â„¢s army") == ("Syria’s army", repair("SyriaÃ¢â‚¬â„¢s army")[1])
    fixed, note = repair("caf\u00c3\u00a9 in Aleppo\x07")
    assert fixed == "café in Aleppo" and note.startswith("ftfy: ")
    assert repair("A clean “quoted” text.") == ("A clean “quoted” text.", "")


def test_extract_repairs_body_and_title_and_records_it() -> None:
    article = extract_document(
        _document(
            BODY.replace("town", "townâ€™s centre") + "\x1b[31m",
            title="Shelling\x00 hits Idlibâ€™s south",
        )
    )
    assert not isinstance(article, type(None))
    assert "town’s centre" in article.text and "\x1b" not in article.text
    assert article.title == "Shelling hits Idlib’s south"
    repaired = {o.field: o.evidence for o in article.origins if o.origin == "repaired"}
    assert set(repaired) == {"text", "title"} and repaired["text"].startswith("ftfy: ")
    # The title's origin stays where it came from; the repair is noted beside it.
    assert article.origin_of("title") == "metadata"


def test_clean_text_passes_unchanged_and_records_nothing() -> None:
    article = extract_document(_document(BODY, title="Shelling hits Idlib"))
    assert article.text == BODY and article.title == "Shelling hits Idlib"
    assert not [o for o in article.origins if o.origin == "repaired"]


@pytest.mark.parametrize(
    "title", ["Accessibility links", "Skip to main content", "Share this article", "Sign in"]
)
def test_furniture_lines_are_never_titles(title: str) -> None:
    assert is_furniture_title(title)
    article = extract_document(_document(BODY, title=title))
    assert article.title is None
    assert article.origin_of("title") == "furniture"
    # Nor does the split stage take a furniture first line as the headline.
    parts = split_article(extract_document(_document(f"{title}\n\n{BODY}")))
    assert all(p.title != title for p in parts)


def test_real_headlines_are_titles() -> None:
    for title in ("Syrian army shells rebel-held town in Idlib", "Talks resume in Geneva"):
        assert not is_furniture_title(title)
    parts = split_article(
        extract_document(_document(f"Talks resume in Geneva\n\n{BODY}", fmt="txt"))
    )
    assert parts[0].title == "Talks resume in Geneva"
    assert json.dumps(parts[0].title)
