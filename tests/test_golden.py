"""Quality gate: the sample corpus against its gold (clean text, furniture, metadata).

Every gold article's clean text must come out exactly, every furniture block must
be gone from the text and kept in ``removed``, and the metadata must match.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from crosswire.api import run_corpus
from crosswire.config import load_settings
from crosswire.model import Article, Corpus
from goldscore import golden

GOLD_DIR = golden.gold_dir()
DOCUMENT_STAGES = ["ingest", "extract", "split", "clean", "metadata", "language"]


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@cache
def sample_run() -> Corpus:
    settings = load_settings(overrides={"pipeline.stages": DOCUMENT_STAGES})
    return run_corpus(None, settings=settings, db=":memory:")


@cache
def articles_by_ref() -> dict[str, Article]:
    return golden.articles_by_ref(sample_run().articles)


def gold_articles() -> list[dict[str, Any]]:
    return golden.gold("articles")


GOLD = gold_articles()


def test_every_gold_article_is_found_and_nothing_else() -> None:
    assert sorted(articles_by_ref()) == sorted(g["ref"] for g in GOLD)


@pytest.mark.parametrize("gold", GOLD, ids=[g["ref"] for g in GOLD])
def test_clean_text_matches_gold(gold: dict[str, Any]) -> None:
    article = articles_by_ref()[gold["ref"]]
    produced = article.text.split("\n\n")
    expected = gold["text"].split("\n\n")
    lost = [p for p in expected if _squash(p) not in _squash(article.text)]
    assert not lost, f"article paragraphs lost: {lost}"
    extra = [p for p in produced if _squash(p) not in _squash(gold["text"])]
    assert not extra, f"furniture left in the text: {extra}"
    assert produced == expected


@pytest.mark.parametrize("gold", GOLD, ids=[g["ref"] for g in GOLD])
def test_all_furniture_removed_and_kept_for_audit(gold: dict[str, Any]) -> None:
    article = articles_by_ref()[gold["ref"]]
    removed = (
        " ".join(_squash(b.text) for b in article.removed) + " " + _squash(article.title or "")
    )
    for block in gold["furniture"]:
        text = _squash(block["text"])
        assert text not in _squash(article.text), f"{block['reason']} left in text: {text}"
        assert text in removed, f"{block['reason']} not kept in removed: {text}"


@pytest.mark.parametrize("gold", GOLD, ids=[g["ref"] for g in GOLD])
def test_metadata_matches_gold(gold: dict[str, Any]) -> None:
    article = articles_by_ref()[gold["ref"]]
    for field in ("title", "outlet", "author", "published", "published_precision", "language"):
        assert getattr(article, field) == gold[field], field


def test_broken_file_is_rejected_with_its_reason() -> None:
    expected = json.loads((GOLD_DIR / "rejections.json").read_text("utf-8"))
    got = {(Path(r.source).name, r.reason) for r in sample_run().rejections}
    for item in expected:
        name = Path(item.get("file") or item.get("ref") or item["source"]).name.split("#")[0]
        assert (name, item["reason"]) in got
