"""A brief that scales: past a size, brief.html is an overview and each story has its page."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import lxml.html
import pytest

from brief_fixtures import STORY_A, STORY_B, fixture_corpus
from crosswire.brief import build_brief, write_brief
from crosswire.render import html, leafletmap

GENERATED = datetime(2026, 3, 7, 12, 0, tzinfo=UTC)


@pytest.fixture()
def paged(monkeypatch: pytest.MonkeyPatch) -> None:
    """Page even the small fixture brief."""
    monkeypatch.setattr(html, "ONE_PAGE_ARTICLES", 0)


def _brief() -> dict[str, Any]:
    return build_brief(fixture_corpus(), generated_at=GENERATED)


def _anchors_resolve(page: Any, pages: dict[str, Any], name: str) -> None:
    ids = set(page.xpath("//@id"))
    for href in page.xpath("//a/@href"):
        if href.startswith("#"):
            assert href[1:] in ids, (name, href)
        elif not href.startswith(("http://", "https://")):
            target, _, anchor = href.partition("#")
            resolved = (
                str(Path(name).parent / target) if target != "../brief.html" else "brief.html"
            )
            assert resolved in pages, (name, href)
            if anchor:
                assert anchor in set(pages[resolved].xpath("//@id")), (name, href)


@pytest.mark.usefixtures("paged")
def test_overview_and_story_pages_link_up() -> None:
    brief = _brief()
    assert html.is_large(brief)
    rendered = html.render_pages(brief)
    pages = {
        n: lxml.html.document_fromstring(t) for n, t in rendered.items() if n.endswith(".html")
    }
    assert set(pages) == {"brief.html", "stories/story-1.html", "stories/story-2.html"}
    overview = pages["brief.html"]
    index = overview.get_element_by_id("overview").xpath(".//table//tbody/tr/th/a")
    assert [a.text for a in index] == [STORY_A.title, STORY_B.title]
    assert [a.get("href") for a in index] == ["stories/story-1.html", "stories/story-2.html"]
    assert overview.xpath("//svg[contains(@class, 'corpus-timeline')]")
    assert overview.get_element_by_id("story-filter") is not None
    # The overview holds no article text and no story sections: those live on story pages.
    assert not overview.xpath("//div[@class='article-text']") and not overview.xpath(
        "//section[@class='story']"
    )
    story = pages["stories/story-1.html"]
    assert story.xpath("//section[@class='story']/h2")[0].text == STORY_A.title
    assert story.xpath("//li[@class='evidence']") and story.xpath("//div[@class='article-text']")
    for name, page in pages.items():
        _anchors_resolve(page, pages, name)
    if leafletmap.available():
        events = json.loads(overview.get_element_by_id("overview-map-events").text)
        assert all(e["href"].startswith("stories/story-") for e in events)
        assert "stories/map.js" in rendered and 'src="map.js"' in rendered["stories/story-1.html"]


@pytest.mark.usefixtures("paged")
def test_write_brief_writes_the_pages_and_drops_stale_ones(tmp_path: Path) -> None:
    corpus = fixture_corpus()
    (tmp_path / "stories").mkdir()
    (tmp_path / "stories" / "story-9.html").write_text("old")
    write_brief(_brief(), corpus, tmp_path)
    assert (tmp_path / "brief.html").exists()
    assert sorted(p.name for p in (tmp_path / "stories").glob("*.html")) == [
        "story-1.html",
        "story-2.html",
    ]


def test_small_briefs_stay_one_page(tmp_path: Path) -> None:
    assert not html.is_large(_brief())
    write_brief(_brief(), fixture_corpus(), tmp_path)
    assert not (tmp_path / "stories").exists()


def test_a_large_markdown_brief_gives_top_stories_in_full_and_lists_the_rest(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from crosswire.render import markdown

    monkeypatch.setattr(html, "ONE_PAGE_ARTICLES", 0)
    monkeypatch.setattr(markdown, "TOP_STORIES", 1)
    text = markdown.render_markdown(_brief())
    # The story with the most events and articles is in full; the other is listed.
    assert f"## {STORY_A.title}" in text and f"## {STORY_B.title}" not in text
    assert "## Other stories (1)" in text
    listed = text.split("## Other stories (1)")[1].split("## Articles")[0]
    assert STORY_B.title in listed
