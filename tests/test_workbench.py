"""The workbench over the store: filters, pagination, search, event detail, and the page."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from brief_fixtures import CLASH, SHELLING, SHIP, STORY_A, TAFAS, WIRE, fixture_corpus
from browser import browser, offline_page  # noqa: F401  # browser is a fixture
from crosswire.config import load_settings
from crosswire.model import Corpus, InputRef
from crosswire.render import leafletmap
from crosswire.server.app import create_app
from crosswire.server.guard import local_server
from crosswire.store.duckdb import DuckDBStore


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    corpus = fixture_corpus()
    path = tmp_path_factory.mktemp("store") / "crosswire.duckdb"
    inputs = [InputRef(source=a.source, sha256=a.input_sha256) for a in corpus.articles]
    with DuckDBStore(str(path)) as store:
        store.write_batch(inputs, Corpus(articles=corpus.articles), "test")
        store.write_results(corpus)
    return path


@pytest.fixture(scope="module")
def client(db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(load_settings(None, {"store.path": str(db)}))) as test_client:
        yield test_client


def events(client: TestClient, **params: Any) -> dict[str, Any]:
    response = client.get("/api/v1/workbench/events", params=params)
    assert response.status_code == 200, response.text
    return dict(response.json())


def test_every_event_unfiltered_and_paged(client: TestClient) -> None:
    everything = events(client, per_page=200)
    assert everything["total"] == len(fixture_corpus().events) == len(everything["items"])
    first, second = events(client, per_page=3, page=1), events(client, per_page=3, page=2)
    assert first["pages"] == 3 and len(first["items"]) == 3
    assert not {e["id"] for e in first["items"]} & {e["id"] for e in second["items"]}


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"event_type": "Battles"}, {CLASH.id}),
        ({"place": "tafas", "event_type": "Explosions/Remote violence"}, {SHELLING.id}),
        ({"country": "sy", "actor": "communal militia", "event_type": "Battles"}, {CLASH.id}),
        ({"date_from": "2026-03-03", "date_to": "2026-03-03", "event_type": "Battles"}, {CLASH.id}),
    ],
)
def test_filters(client: TestClient, params: dict[str, str], expected: set[str]) -> None:
    assert {e["id"] for e in events(client, **params)["items"]} == expected


def test_outlet_status_and_evidence_words_filter(client: TestClient) -> None:
    by_outlet = {e["id"] for e in events(client, outlet="Levant Monitor", per_page=200)["items"]}
    assert CLASH.id in by_outlet and SHIP.id not in by_outlet
    contested = {e["id"] for e in events(client, status="contested", per_page=200)["items"]}
    assert contested and contested <= {e["id"] for e in events(client, per_page=200)["items"]}
    assert CLASH.id in {e["id"] for e in events(client, q="killed at least")["items"]}


@pytest.mark.parametrize(
    ("params", "name"),
    [
        ({"event_type": "Battle"}, "event_type"),
        ({"status": "disputed"}, "status"),
        ({"country": "Syria"}, "country"),
        ({"date_from": "2026-03-05", "date_to": "2026-03-01"}, "date"),
    ],
)
def test_an_unknown_filter_value_is_a_clear_400(
    client: TestClient, params: dict[str, str], name: str
) -> None:
    response = client.get("/api/v1/workbench/events", params=params)
    assert response.status_code == 400
    assert name in response.json()["error"]["message"]


def test_the_records_api_refuses_an_unknown_event_type(client: TestClient) -> None:
    response = client.get("/api/v1/events", params={"event_type": "Battle"})
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "unknown_filter_value" and "Battles" in error["detail"]["allowed"]


def test_search_finds_articles_by_every_word(client: TestClient) -> None:
    response = client.get("/api/v1/search", params={"q": "Tafas truce"})
    assert response.status_code == 200
    found = response.json()
    titles = [a["title"] for a in found["items"]]
    assert found["total"] == len(titles) >= 1
    assert all("tafas" in (a["snippet"] + a["title"]).lower() for a in found["items"])


def test_event_detail_by_prefix_with_marked_evidence(client: TestClient) -> None:
    response = client.get(f"/api/v1/workbench/events/{CLASH.id[:10]}")
    assert response.status_code == 200, response.text
    detail = response.json()
    assert detail["event"]["id"] == CLASH.id and detail["place"]["name"] == TAFAS.name
    assert len(detail["sources"]) == len(CLASH.sources)
    for source in detail["sources"]:
        assert source["outlet"] and source["title"]
        for mark in source["marks"]:
            assert 0 <= mark["start"] < mark["end"] <= len(source["text"])
    ambiguous = client.get("/api/v1/workbench/events/evt_")
    assert ambiguous.status_code == 400 and "ambiguous" in ambiguous.json()["error"]["message"]


def test_story_detail_by_prefix_with_cited_summary(client: TestClient) -> None:
    response = client.get(f"/api/v1/workbench/stories/{STORY_A.id[:10]}")
    assert response.status_code == 200, response.text
    detail = response.json()
    assert detail["id"] == STORY_A.id and detail["title"] == STORY_A.title
    assert [s["text"] for s in detail["summary"]] == [s.text for s in STORY_A.summary]
    first = detail["summary"][0]["sources"][0]
    assert first["article"] == WIRE.id and first["outlet"] == WIRE.outlet
    assert first["text"] == WIRE.text[first["start"] : first["end"]]
    assert {e["id"] for e in detail["events"]} == set(STORY_A.events)
    dates = [e["date_start"] or "" for e in detail["events"]]
    assert dates == sorted(dates)  # in date order, whatever the story's order
    assert {a["id"] for a in detail["articles"]} == set(STORY_A.articles)
    assert all(a["outlet"] and a["title"] and a["url"] for a in detail["articles"])
    missing = client.get("/api/v1/workbench/stories/sty_nothing")
    assert missing.status_code == 400 and "no story" in missing.json()["error"]["message"]


def test_summary_counts_months_and_places_points(client: TestClient) -> None:
    summary = client.get("/api/v1/workbench/summary").json()
    assert sum(m["count"] for m in summary["months"]) == len(fixture_corpus().events)
    assert SHIP.id not in {p["id"] for p in summary["points"]}  # no coordinates


def test_the_page_is_served(client: TestClient) -> None:
    page = client.get("/workbench")
    assert page.status_code == 200 and "crosswire workbench" in page.text
    assert "<!--MAP" not in page.text


# --------------------------------------------------------------------------
# The page in Chromium, over a real server


@pytest.fixture(scope="module")
def server(db: Path) -> Iterator[str]:
    with local_server(create_app(load_settings(None, {"store.path": str(db)}))) as base:
        yield base


def test_chromium_filters_searches_and_opens_evidence(browser: Any, server: str) -> None:  # noqa: F811
    page = offline_page(browser)
    page.goto(f"{server}/workbench")
    rows = page.locator("#wb-events tbody tr")
    rows.first.wait_for()
    assert rows.count() == 8
    page.select_option("select[name=event_type]", "Battles")
    page.click("#wb-form button[type=submit]")
    page.wait_for_function("document.querySelectorAll('#wb-events tbody tr').length === 1")
    assert "Armed clash" in rows.first.text_content()
    # The event's evidence, arguments marked, then the passage highlighted in its article.
    rows.first.click()
    page.locator("#wb-detail blockquote").first.wait_for()
    assert "Coastline Wire" in page.locator("#wb-detail-sources").text_content()
    page.locator("#wb-detail button.to-text").first.click()
    hit = page.locator("#wb-hit")
    hit.wait_for()
    assert hit.text_content() == page.locator("#wb-detail blockquote").first.text_content()
    # Search.
    page.fill("#wb-search input", "truce")
    page.click("#wb-search button")
    page.locator("#wb-results li").first.wait_for()
    assert "truce" in page.locator("#wb-results").text_content().lower()
    # A story: its cited summary, a citation opening the passage in its article.
    page.click(f"#wb-stories a[data-id='{STORY_A.id}']")
    page.locator("#wb-story-summary li").first.wait_for()
    assert page.locator("#wb-story-title").text_content() == STORY_A.title
    assert page.locator("#wb-story-events li").count() == len(STORY_A.events)
    assert page.locator("#wb-story-articles li").count() == len(STORY_A.articles)
    page.locator("#wb-story-summary a.cite").first.click()
    page.wait_for_function(
        f"(document.getElementById('wb-hit') || {{}}).textContent === "
        f"{STORY_A.summary[0].sources[0].text!r}"
    )
    assert page.locator("#wb-article-title").text_content() == WIRE.title
    # Pagination: the page buttons step through the events.
    page.click("#wb-form button[type=reset]")
    page.wait_for_function("document.querySelectorAll('#wb-events tbody tr').length === 8")
    if leafletmap.available():
        page.wait_for_selector("#wb-map[data-points]")
        assert int(page.get_attribute("#wb-map", "data-borders")) > 200
    assert all(
        u.startswith(server) or u.startswith(("data:", "about:")) for u in page.outside_requests
    )


def test_actor_words_match_either_side(client: TestClient) -> None:
    found = events(client, actor="communal militia", per_page=200)["items"]
    assert CLASH.id in {e["id"] for e in found}
    assert all("Communal Militia" in f"{e['actor1']} {e['actor2']}" for e in found)
