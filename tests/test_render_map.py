"""The offline map: Leaflet over Natural Earth borders when bundled, the SVG map otherwise."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import lxml.html
import pytest

from brief_fixtures import SHIP, STORY_A, fixture_corpus
from browser import browser, offline_page  # noqa: F401  # browser is a fixture
from crosswire.brief import build_brief, write_brief
from crosswire.render import leafletmap, render_html

GENERATED = datetime(2026, 3, 7, 12, 0, tzinfo=UTC)
needs_assets = pytest.mark.skipif(
    not leafletmap.available(),
    reason="map assets not built: npm ci in scripts/map-assets, then scripts/build_map_assets.py",
)


def _brief() -> dict[str, Any]:
    return build_brief(fixture_corpus(), generated_at=GENERATED)


def _placed() -> set[tuple[float, float]]:
    brief = _brief()
    places = {p["id"]: p for p in brief["places"]}
    return {
        (places[e["place"]]["lat"], places[e["place"]]["lon"])
        for e in brief["events"]
        if e["id"] != SHIP.id
    }


def test_without_assets_the_svg_map_says_what_is_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(leafletmap, "available", lambda: False)
    page = lxml.html.document_fromstring(render_html(_brief()))
    assert page.xpath("//svg") and not page.xpath("//script")
    notes = page.xpath("//p[contains(@class, 'map-fallback')]")
    assert notes and "not bundled" in notes[0].text_content()


@needs_assets
def test_the_leaflet_page_inlines_everything() -> None:
    html_text = render_html(_brief())
    page = lxml.html.document_fromstring(html_text)
    assert all(s.get("src") is None for s in page.xpath("//script"))
    assert page.xpath("//link") == [] and page.xpath("//*[@src]") == []
    world = json.loads(page.get_element_by_id("cw-world").text)
    assert world["type"] == "Topology" and len(world["objects"]["countries"]["geometries"]) > 200
    events = json.loads(page.get_element_by_id("overview-map-events").text)
    # The corpus map has one marker per place, counting its events.
    assert len(events) == len(_placed()) and sum(e["sources"] for e in events) == 7
    assert all(e["href"].endswith("-evidence") and page.get_element_by_id(e["href"][1:]) is not None
               for e in events)  # fmt: skip
    # Outside scripts, nothing points off the page but the articles' own URLs.
    outside = re.sub(r"<script\b.*?</script>", "", html_text, flags=re.S)
    assert "url(" not in outside and "@import" not in outside


def test_corpus_text_cannot_close_the_data_script() -> None:
    text = str(leafletmap.script_json({"title": "</script><script>alert(1)</script><!--"}))
    assert "</" not in text and "<!--" not in text
    assert json.loads(text) == {"title": "</script><script>alert(1)</script><!--"}


@pytest.fixture(scope="module")
def brief_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("brief")
    corpus = fixture_corpus()
    write_brief(build_brief(corpus, generated_at=GENERATED), corpus, out)
    return out


@needs_assets
def test_chromium_draws_borders_and_every_placed_event(browser: Any, brief_folder: Path) -> None:  # noqa: F811
    page = offline_page(browser)
    page.goto((brief_folder / "brief.html").as_uri())
    page.wait_for_selector("#overview-map[data-drawn]", timeout=20_000)
    assert int(page.get_attribute("#overview-map", "data-borders")) > 200
    assert int(page.get_attribute("#overview-map", "data-drawn")) == len(_placed())
    # Markers and clusters are on the map; the border canvas has been painted.
    assert page.locator("#overview-map .marker-cluster, #overview-map path").count() > 0
    painted = page.evaluate(
        """() => { const c = document.querySelector('#overview-map canvas');
                   const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                   let ink = 0; for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 0) ink++;
                   return ink; }"""
    )
    assert painted > 10_000
    assert all(u.startswith(("file:", "data:", "about:")) for u in page.outside_requests)


def test_chromium_opens_the_evidence_highlighted_in_the_article(
    browser: Any,  # noqa: F811
    brief_folder: Path,
) -> None:
    page = offline_page(browser)
    page.goto((brief_folder / "brief.html").as_uri())
    story = page.locator(f"section.story:has(h2:text-is('{STORY_A.title}'))")
    evidence = story.locator("li.evidence").first
    link = evidence.locator("a.to-text").first
    href = link.get_attribute("href")
    target = page.locator(href)
    assert not target.is_visible()  # the article's text is folded until asked for
    link.click()
    target.wait_for(state="visible")
    colour = target.evaluate("m => getComputedStyle(m).backgroundColor")
    assert colour == "rgb(255, 224, 138)"  # the highlight of the passage in view
    assert target.text_content() == evidence.locator("blockquote").first.text_content()
    assert re.fullmatch(r"#art_[0-9a-f]+-\d+-\d+", href)
