"""brief.html as a browser shows it: headless Chromium renders the page, the test reads it back.

Chromium runs offline with every background network feature off; the page
loads nothing, so what it shows comes from the file alone. The injected
script in the fixture would rename the document if it ran.
"""

from __future__ import annotations

import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import lxml.html
import pytest

from brief_fixtures import DARAA, HODEIDAH, HOSTILE_TITLE, STORY_A, STORY_B, TAFAS, fixture_corpus
from crosswire.brief import build_brief, write_brief
from crosswire.render import leafletmap

CHROMIUM = next(
    (
        p
        for p in (shutil.which("chromium"), "/usr/bin/chromium", shutil.which("chromium-browser"))
        if p and Path(p).exists()
    ),
    None,
)
pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="chromium is not installed (apt-get install chromium; .ci/run installs it)",
)
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
)


def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    profile = tmp_path / "profile"
    command = [str(CHROMIUM), *FLAGS, f"--user-data-dir={profile}", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=True)


@pytest.fixture(scope="module")
def brief_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The brief with its inline SVG map (no bundled Leaflet: test_render_map.py has that)."""
    out = tmp_path_factory.mktemp("brief")
    corpus = fixture_corpus()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(leafletmap, "available", lambda: False)
        write_brief(build_brief(corpus, generated_at=datetime(2026, 3, 7, tzinfo=UTC)), corpus, out)
    return out / "brief.html"


@pytest.fixture(scope="module")
def dom(brief_file: Path, tmp_path_factory: pytest.TempPathFactory) -> lxml.html.HtmlElement:
    """The document as Chromium built it, after any script would have run."""
    result = chromium(tmp_path_factory.mktemp("chromium"), "--dump-dom", brief_file.as_uri())
    return lxml.html.document_fromstring(result.stdout)


def text_of(node: lxml.html.HtmlElement) -> str:
    return " ".join(node.text_content().split())


def test_the_injected_script_did_not_run(dom: lxml.html.HtmlElement) -> None:
    # The hostile title would have set document.title to "pwned" and added no text.
    assert dom.findtext(".//head/title") == "crosswire brief"
    assert dom.xpath("//script") == [] and dom.xpath("//img") == []
    assert HOSTILE_TITLE in text_of(dom.get_element_by_id("articles"))


def test_stories_and_their_timelines(dom: lxml.html.HtmlElement) -> None:
    titles = [text_of(h) for h in dom.xpath("//section[@class='story']/h2")]
    assert titles == [STORY_A.title, STORY_B.title]
    story = dom.get_element_by_id("story-1")
    times = [t.text for t in story.xpath(".//ol[@class='timeline']/li/time")]
    assert times == ["early Mar 2026 (month)", "3 Mar 2026", "3 Mar 2026", "4 Mar 2026"]
    stamps = story.xpath(".//ol[@class='timeline']/li/time/@datetime")
    assert stamps == sorted(stamps)


def test_maps_have_one_marker_per_event_place(dom: lxml.html.HtmlElement) -> None:
    story_a = dom.get_element_by_id("story-1")
    (svg,) = story_a.xpath(".//*[local-name()='svg']")
    places = sorted(m.get("data-place") for m in svg.xpath(".//*[@class='marker']"))
    assert places == sorted([TAFAS.name, DARAA.name, "Daraa Governorate"])
    story_b = dom.get_element_by_id("story-2")
    assert [m.get("data-place") for m in story_b.xpath(".//*[@class='marker']")] == [HODEIDAH.name]


def test_claims_carry_status_badges(dom: lxml.html.HtmlElement) -> None:
    story = dom.get_element_by_id("story-1")
    table = story.xpath(".//table[caption[starts-with(., 'Claims')]]")[0]
    statuses = [text_of(td) for td in table.xpath(".//tbody/tr/td[1]")]
    assert sorted(statuses) == ["contested"] * 3 + ["corroborated", "single"]


def test_screenshot_renders(brief_file: Path, tmp_path: Path) -> None:
    shot = tmp_path / "brief.png"
    chromium(tmp_path, "--window-size=1280,2400", f"--screenshot={shot}", brief_file.as_uri())
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG") and len(data) > 50_000
