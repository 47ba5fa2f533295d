"""The brief an analyst reads: Markdown, self-contained HTML with a map, GeoJSON."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import lxml.html
import pytest

from brief_fixtures import (
    ARMY,
    BLOG,
    CLASH,
    CONTROL,
    DARAA,
    DISPLACEMENT,
    DRONE_LAUNCHES,
    HODEIDAH,
    HOSTILE,
    HOSTILE_TITLE,
    MILITIA,
    PORT_STRIKE,
    SHELLING,
    SHIP,
    STORY_A,
    STORY_B,
    TAFAS,
    TRUCE,
    WIRE,
    fixture_corpus,
)
from crosswire.brief import build_brief, validate_brief, write_brief
from crosswire.render import events_geojson, leafletmap, render_html, render_markdown
from crosswire.render.markdown import md
from crosswire.render.markup import Html, el
from crosswire.render.svgmap import fit, marker_radius, render_map
from crosswire.render.view import BriefView, claim_value, format_when

GENERATED = datetime(2026, 3, 7, 12, 0, tzinfo=UTC)


@pytest.fixture(scope="module", autouse=True)
def svg_map() -> Iterator[None]:
    """These tests read the inline SVG map: the brief as it is without the bundled Leaflet
    assets. The Leaflet map has its own tests (test_render_map.py)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(leafletmap, "available", lambda: False)
        yield


@pytest.fixture(scope="module")
def brief() -> dict[str, Any]:
    result = build_brief(fixture_corpus(), generated_at=GENERATED)
    validate_brief(result)
    return result


@pytest.fixture(scope="module")
def page(brief: dict[str, Any]) -> Any:
    return lxml.html.document_fromstring(render_html(brief))


def text_of(node: Any) -> str:
    return " ".join(node.text_content().split())


# --------------------------------------------------------------------------
# Dates as precisely as they are known


@pytest.mark.parametrize(
    ("start", "end", "precision", "shown"),
    [
        ("2026-03-04", "2026-03-04", "day", "4 Mar 2026"),
        ("2026-03-03", "2026-03-05", "day", "3–5 Mar 2026"),
        ("2026-02-27", "2026-03-02", "day", "27 Feb – 2 Mar 2026"),
        ("2026-03-02", "2026-03-08", "week", "2–8 Mar 2026 (week)"),
        ("2026-03-01", "2026-03-10", "month", "early Mar 2026 (month)"),
        ("2026-03-11", "2026-03-20", "month", "mid Mar 2026 (month)"),
        ("2026-03-21", "2026-03-31", "month", "late Mar 2026 (month)"),
        ("2026-03-01", "2026-03-31", "month", "Mar 2026 (month)"),
        ("2026-03", None, "month", "Mar 2026 (month)"),
        ("2026-01-01", "2026-12-31", "year", "2026 (year)"),
        ("2026", None, "year", "2026 (year)"),
        (None, None, None, "date unknown"),
    ],
)
def test_dates_show_their_precision(
    start: str | None, end: str | None, precision: str | None, shown: str
) -> None:
    assert format_when(start, end, precision) == shown


def test_claim_values_keep_their_range() -> None:
    assert claim_value({"value": 12, "low": 12, "high": None, "unit": "people"}) == (
        "at least 12 people"
    )
    assert claim_value({"value": 30, "low": 30, "high": 40, "unit": None}) == "30 (30–40)"
    assert claim_value({"value": 9, "low": 9, "high": 9, "unit": "people"}) == "9 people"
    assert claim_value({"value": 75.0, "low": None, "high": None, "unit": "percent"}) == (
        "75 percent"
    )


# --------------------------------------------------------------------------
# The view both renderers share


def test_story_events_come_in_date_order(brief: dict[str, Any]) -> None:
    view = BriefView(brief)
    story = view.stories[0]
    assert [e["id"] for e in story.events] == [DISPLACEMENT.id, CLASH.id, SHELLING.id, TRUCE.id]
    assert story.event_labels[CLASH.id] == "E2"


def test_coverage_marks_syndicated_copies_and_what_each_outlet_leaves_out(
    brief: dict[str, Any],
) -> None:
    story = BriefView(brief).stories[0]
    coverage = story.coverage
    assert coverage.events["Coastline Wire"][CLASH.id] == "source"
    assert coverage.events["Gulf Ledger"][CLASH.id] == "copy"
    assert coverage.missing_events("Hauran Voices", [e["id"] for e in story.events]) == [
        DISPLACEMENT.id,
        SHELLING.id,
        TRUCE.id,
    ]
    assert set(coverage.outlets) == {
        "Coastline Wire",
        "Gulf Ledger",
        "Levant Monitor",
        "Hauran Voices",
    }


def test_events_outside_stories_get_their_own_section(brief: dict[str, Any]) -> None:
    loose = dict(brief, stories=[s for s in brief["stories"] if s["id"] == STORY_A.id])
    titles = [s.title for s in BriefView(loose).stories]
    assert titles == [STORY_A.title, "Events and claims outside any story"]
    assert [e["id"] for e in BriefView(loose).stories[1].events] == [
        CONTROL.id,
        DRONE_LAUNCHES.id,
        SHIP.id,
        PORT_STRIKE.id,
    ]
    nothing_grouped = dict(brief, stories=[])
    (only,) = BriefView(nothing_grouped).stories
    assert only.title == "All events" and len(only.events) == len(brief["events"])


# --------------------------------------------------------------------------
# Markdown


def test_markdown_story_sections(brief: dict[str, Any]) -> None:
    text = render_markdown(brief)
    assert f"## {STORY_A.title}" in text and f"## {STORY_B.title}" in text
    for heading in (
        "Summary",
        "Timeline",
        "Map",
        "Events",
        "Claims",
        "Actors",
        "Places",
        "Coverage",
    ):
        assert text.count(f"### {heading}\n") == 2
    # A cited summary sentence: outlet, a link to the article and its id.
    assert f"([Coastline Wire](https://news1.example/2026-03-03/story) `{WIRE.id}`" in text
    # The timeline, in date order, with precision.
    timeline = text.split("### Timeline")[1].split("### Map")[0]
    assert timeline.index("early Mar 2026 (month)") < timeline.index("3 Mar 2026")
    assert timeline.index("3 Mar 2026") < timeline.index("4 Mar 2026")
    # Places with coordinates and the pointer to the GeoJSON.
    assert "| Ţafas | 32.7372 | 35.9717 | 163806 | E2, E3 |" in text
    assert "events.geojson" in text
    assert "**contested**" in text and "**corroborated**" in text and "**single**" in text
    assert "| Gulf Ledger |  | copy |  |  |" in text
    assert "- **Hauran Voices**: leaves out 3 of 4 events (E1, E3, E4)" in text
    assert "| syndicated |" in text and "| in/archive.html.gz | ingest | truncated\\_gzip |" in text


def test_markdown_escapes_corpus_text(brief: dict[str, Any]) -> None:
    text = render_markdown(brief)
    # Every "<" from the corpus is backslash-escaped, so no renderer sees a tag.
    assert not re.search(r"(?<!\\)<", text)
    assert md(HOSTILE) in text
    assert md("a | b [x](javascript:y) <b>") == r"a \| b \[x\](javascript:y) \<b\>"
    # A javascript: URL is never made a link.
    assert "](javascript:" not in text


# --------------------------------------------------------------------------
# HTML


def test_markup_escapes_text_and_attributes() -> None:
    assert el("p", "<b>&", title='"x"') == '<p title="&quot;x&quot;">&lt;b&gt;&amp;</p>'
    assert el("p", Html("<b>ok</b>")) == "<p><b>ok</b></p>"
    assert el("td", None, 3, ["a", None]) == "<td>3a</td>"


def test_html_is_self_contained(brief: dict[str, Any], page: Any) -> None:
    html_text = render_html(brief)
    assert html_text.startswith("<!DOCTYPE html>")
    assert page.xpath("//script") == [] and page.xpath("//link") == []
    assert page.xpath("//*[@src]") == [] and page.xpath("//iframe|//object|//embed") == []
    # Links are in-page anchors, or article URLs the reader clicks.
    article_urls = {a["url"] for a in brief["articles"]}
    for href in page.xpath("//a/@href"):
        assert href.startswith("#") or href in article_urls, href
    assert "url(" not in html_text and "@import" not in html_text
    assert not re.search(r"(src|href)=\"(https?:)?//", html_text.replace('href="https://news', ""))


def test_html_ids_are_unique_and_every_anchor_resolves(page: Any) -> None:
    ids = page.xpath("//@id")
    assert len(ids) == len(set(ids))
    for href in page.xpath("//a/@href"):
        if href.startswith("#"):
            assert href[1:] in ids, href


def test_html_escapes_hostile_corpus_text(brief: dict[str, Any], page: Any) -> None:
    html_text = render_html(brief)
    assert "<script>document.title" not in html_text and "<img src=x" not in html_text
    assert (
        "&lt;script&gt;document.title=&#x27;pwned&#x27;;alert(1)&lt;/script&gt; &amp;" in html_text
    )
    assert page.xpath("//img") == []
    row = page.get_element_by_id(BLOG.id)
    assert HOSTILE_TITLE in row.text_content()
    # A javascript: URL shows as text, never as a link.
    assert page.xpath("//a[starts-with(@href, 'javascript')]") == []
    assert "javascript:alert(3)" in row.text_content()
    assert page.findtext(".//title") == "crosswire brief"


def test_html_story_summary_cites_article_sections(page: Any) -> None:
    story = page.get_element_by_id("story-1")
    assert story.findtext("h2") == STORY_A.title
    summary = story.xpath(".//ol[@class='summary']/li")
    assert len(summary) == 3
    links = summary[0].xpath(".//span[@class='cite']/a")
    # Each mark opens the cited passage, highlighted inside its article's text.
    cited = [WIRE.id, fixture_corpus().articles[2].id]
    hrefs = [a.get("href") for a in links]
    assert [h.rsplit("-", 2)[0] for h in hrefs] == [f"#{a}" for a in cited]
    for href, article_id in zip(hrefs, cited, strict=True):
        passage = page.get_element_by_id(href[1:])
        assert passage.tag == "mark"
        assert passage.getparent().get("id") == f"text-{article_id}"
        start, end = (int(n) for n in href.rsplit("-", 2)[1:])
        article = next(a for a in fixture_corpus().articles if a.id == article_id)
        assert passage.text == article.text[start:end]
    assert [a.text for a in links] == ["[1]", "[2]"]
    # The footnotes list outlet and title for each number.
    notes = story.xpath(".//ol[@class='citations']/li")
    assert text_of(notes[0]).startswith("Coastline Wire: Clashes in Syria's Daraa province")


def test_html_timeline_in_date_order_with_precision(page: Any) -> None:
    story = page.get_element_by_id("story-2")
    entries = [text_of(li) for li in story.xpath(".//ol[@class='timeline']/li")]
    assert [e.split(" E")[0] for e in entries] == [
        "2014 (year)",
        "early Mar 2026 (month)",
        "2–6 Mar 2026 (week)",
        "5 Mar 2026",
    ]
    times = story.xpath(".//ol[@class='timeline']/li/time/@datetime")
    assert times == ["2014-01-01", "2026-03-01", "2026-03-02", "2026-03-05"]


def test_html_map_has_one_marker_per_event_place(page: Any) -> None:
    story_a = page.get_element_by_id("story-1")
    svg = story_a.xpath(".//svg")[0]
    assert svg.get("role") == "img" and svg.get("aria-labelledby")
    markers = svg.xpath(".//g[@class='marker']")
    assert sorted(m.get("data-place") for m in markers) == sorted(
        [TAFAS.name, DARAA.name, "Daraa Governorate"]
    )
    tafas = next(m for m in markers if m.get("data-place") == TAFAS.name)
    assert tafas.get("data-events") == "E2 E3"
    assert "Armed clash" in tafas.findtext("title")
    assert svg.xpath(".//text[@class='grid-label']") and svg.xpath(".//g[@class='scale']")
    # The Red Sea has no coordinates: the Hodeidah map names what it leaves off.
    story_b = page.get_element_by_id("story-2")
    assert [m.get("data-place") for m in story_b.xpath(".//g[@class='marker']")] == [HODEIDAH.name]
    assert "Not on the map (no coordinates): E3." in text_of(story_b)


def test_html_marker_size_follows_source_count(page: Any) -> None:
    svg = page.get_element_by_id("story-1-map")
    radius = {
        m.get("data-place"): float(m.xpath("./circle[@class='marker-ring']/@r")[0])
        for m in svg.xpath(".//g[@class='marker']")
    }
    assert radius[TAFAS.name] > radius[DARAA.name]


def test_html_tables(page: Any) -> None:
    story = page.get_element_by_id("story-1")
    clash = page.get_element_by_id(f"story-1-{CLASH.id}")
    cells = [text_of(td) for td in clash.xpath("./td")]
    assert cells[:4] == ["Battles", "Armed clash", "3 Mar 2026", "Ţafas"]
    assert cells[5:9] == ["9", "9", "15", "3"]
    assert "Gulf Ledger (copy)" in cells[9]
    assert cells[10].startswith("fatalities: 12 (Coastline Wire)")
    badges = story.xpath(".//span[contains(@class, 'badge')]/text()")
    assert sorted(badges) == ["contested"] * 3 + ["corroborated", "single"]
    headers = story.xpath(".//table/thead/tr/th[@scope='col']/text()")
    assert {"inter", "GeoNames", "status", "outlet"} <= set(headers)
    actor_rows = {
        text_of(tr.xpath("./th")[0]): [text_of(td) for td in tr.xpath("./td")]
        for tr in story.xpath(".//table[caption[starts-with(., 'Actors')]]/tbody/tr")
    }
    assert actor_rows["Military Forces of Syria (2024-)"] == [
        "state_forces",
        "1",
        "3",
        "Coastline Wire, Gulf Ledger, Levant Monitor",
    ]


def test_html_coverage_matrix(page: Any) -> None:
    story = page.get_element_by_id("story-1")
    table = story.xpath(".//table[caption='Which outlet reports which event']")[0]
    rows = {
        text_of(tr.xpath("./th")[0]): [text_of(td) for td in tr.xpath("./td")]
        for tr in table.xpath("./tbody/tr")
    }
    assert rows["Levant Monitor"] == ["", "✓", "✓", "✓"]
    assert rows["Gulf Ledger"] == ["", "copy", "", ""]
    left_out = [text_of(li) for li in story.xpath(".//ul[@class='left-out']/li")]
    assert "Levant Monitor: leaves out 1 of 4 events (E1); 3 of 5 claims (C2, C3, C5)" in left_out


def test_html_corpus_sections(page: Any) -> None:
    assert page.get_element_by_id(WIRE.id).tag == "tr"
    (copy_row,) = page.get_element_by_id("copies").xpath(".//tbody/tr")
    assert [text_of(td) for td in copy_row] == ["syndicated", "Coastline Wire", "Gulf Ledger"]
    assert "truncated_gzip" in text_of(page.get_element_by_id("rejections"))


# --------------------------------------------------------------------------
# GeoJSON and the map projection


def test_geojson_features(brief: dict[str, Any]) -> None:
    collection = events_geojson(brief)
    assert collection["type"] == "FeatureCollection"
    features = {f["id"]: f for f in collection["features"]}
    # The Red Sea has no coordinates: the event stays, with a null geometry (RFC 7946).
    assert features[SHIP.id]["geometry"] is None
    assert len(features) == len(brief["events"])
    clash = features[CLASH.id]
    assert clash["geometry"] == {"type": "Point", "coordinates": [TAFAS.lon, TAFAS.lat]}
    assert (
        clash["properties"].items()
        >= {
            "event_id": CLASH.id,
            "event_type": "Battles",
            "sub_event_type": "Armed clash",
            "date_start": "2026-03-03",
            "date_end": "2026-03-03",
            "date_precision": "day",
            "fatalities": 9,
            "source_count": 3,
            "place": "Ţafas",
        }.items()
    )
    json.dumps(collection)  # plain JSON all the way down


def test_projection_fits_points_inside_the_frame() -> None:
    points = [(35.97, 32.74), (36.10, 32.62), (42.95, 14.80)]
    projection, height = fit(points)
    for lon, lat in points:
        assert projection.left < projection.x(lon) < projection.right
        assert projection.top < projection.y(lat) < projection.bottom
    assert projection.y(32.74) < projection.y(14.80)  # north is up
    assert projection.x(35.97) < projection.x(42.95)  # east is right
    single, _ = fit([(36.0, 32.0)])
    assert single.left < single.x(36.0) < single.right
    assert 300 <= height <= 520


def test_marker_radius_grows_with_sources() -> None:
    assert marker_radius(1) < marker_radius(3) < marker_radius(10)


# --------------------------------------------------------------------------
# Files


def test_write_brief_writes_html_and_geojson(tmp_path: Path) -> None:
    corpus = fixture_corpus()
    brief = build_brief(corpus, generated_at=GENERATED)
    paths = write_brief(brief, corpus, tmp_path)
    names = {p.name for p in paths}
    assert {"brief.json", "brief.md", "brief.html", "events.geojson", "rejections.csv"} <= names
    assert json.loads((tmp_path / "events.geojson").read_text())["type"] == "FeatureCollection"
    assert STORY_A.title in (tmp_path / "brief.html").read_text()


def test_an_empty_corpus_still_renders(tmp_path: Path) -> None:
    corpus = replace(fixture_corpus(), events=(), claims=(), stories=(), entities=(), places=())
    brief = build_brief(corpus, generated_at=GENERATED)
    page = lxml.html.document_fromstring(render_html(brief))
    assert page.xpath("//svg") == []
    assert "No event here has a place with coordinates" in text_of(page)
    assert render_markdown(brief).startswith("# crosswire brief")
    assert events_geojson(brief) == {"type": "FeatureCollection", "features": []}


def test_conflicts_as_the_fuse_stage_writes_them(brief: dict[str, Any]) -> None:
    event = dict(
        brief["events"][0],
        conflicts=[
            ["actors", json.dumps({WIRE.id: [ARMY.id, MILITIA.id], BLOG.id: [ARMY.id, None]})],
            [
                "fatalities",
                json.dumps({WIRE.id: {"fatalities": 9, "low": 9, "high": 15}, BLOG.id: [9, 15]}),
            ],
            ["date", json.dumps({WIRE.id: "2026-03-03", BLOG.id: "2026-03-02/2026-03-03"})],
        ],
    )
    assert BriefView(brief).conflicts(event) == [
        (
            "actors",
            f"{ARMY.name} vs {MILITIA.name} (Coastline Wire); {ARMY.name} vs none (Hauran Voices)",
        ),
        ("fatalities", "9 (9–15) (Coastline Wire); 9 or 15 (Hauran Voices)"),
        ("date", "2026-03-03 (Coastline Wire); 2026-03-02/2026-03-03 (Hauran Voices)"),
    ]


def test_crowded_maps_keep_every_marker_and_drop_labels_without_room() -> None:
    features = [
        {
            "type": "Feature",
            "id": f"evt_{i:016x}",
            "geometry": {"type": "Point", "coordinates": [36.0 + i * 0.001, 32.0]},
            "properties": {
                "event_type": "Battles",
                "source_count": 1,
                "place": f"Village {i}",
                "place_id": f"plc_{i:016x}",
            },
        }
        for i in range(12)
    ]
    figure = lxml.html.fragment_fromstring(
        render_map(features, map_id="m", title="crowded", event_labels={}, event_titles={})
    )
    assert len(figure.xpath(".//g[@class='marker']")) == 12
    shown = figure.xpath(".//g[@class='labels']/text/@data-place")
    assert 0 < len(shown) < 12
    assert "No room for the labels of" in text_of(figure)
