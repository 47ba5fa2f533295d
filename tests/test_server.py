"""The HTTP API and the web page: endpoints, paging, filters, runs, one error shape."""

from __future__ import annotations

import dataclasses
import json
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from crosswire.api import load_corpus, run_corpus
from crosswire.brief import build_brief, validate_brief
from crosswire.cli import EXIT_STORE
from crosswire.cli import app as cli_app
from crosswire.config import Settings, load_settings
from crosswire.errors import ConfigError, StoreError
from crosswire.model import (
    Article,
    Claim,
    Entity,
    Event,
    Mention,
    Place,
    SourceSpan,
    Story,
    SummarySentence,
)
from crosswire.serialize import to_dict
from crosswire.server.app import create_app
from crosswire.store import open_store
from crosswire.store.duckdb import DuckDBStore


def _authed(app: Any, **options: Any) -> TestClient:
    """A client that sends the app's write token, as a script given it would."""
    return TestClient(app, headers={"X-Crosswire-Token": app.state.token}, **options)


# The document stages and dedupe: enough for every endpoint, fast enough for a test.
STAGES = ["ingest", "extract", "split", "clean", "metadata", "language", "dedupe"]
HOSTILE_TITLE = "<script>alert('title')</script> Protest in the square"

ARTICLES = [
    {
        "title": "Shelling hits the northern district",
        "outlet": "Harbour Post",
        "published": "2026-03-02",
        "text": "Artillery fire struck the northern district of the port city on Monday, "
        "residents said, damaging two schools and a bakery.\n\n"
        "Local officials said the shelling began before dawn and lasted for about three "
        "hours.\n\nShare this article on Facebook\n\nSubscribe to our newsletter for daily "
        "updates",
    },
    {
        "title": "Aid convoy reaches the valley",
        "outlet": "Harbour Post",
        "published": "2026-03-04",
        "text": "A convoy of twelve lorries carrying flour and medicine reached the valley on "
        "Wednesday after a week of delays at the checkpoint, aid workers said.",
    },
    {
        "title": "Le convoi humanitaire arrive dans la vallée",
        "outlet": "Le Courrier du Val",
        "published": "2026-03-04",
        "text": "Un convoi de douze camions chargés de farine et de médicaments est arrivé "
        "mercredi dans la vallée après une semaine de retard au point de contrôle, selon "
        "les travailleurs humanitaires.",
    },
    {
        "title": HOSTILE_TITLE,
        "outlet": "Harbour Post",
        "published": "2026-03-05",
        "text": "Several hundred people gathered in the main square on Thursday to protest "
        "against power cuts, and organisers said 1 < 2 & the crowd would return the next day.",
    },
]

GOOD_TEXT = (
    "Fighting broke out on Tuesday near the border crossing, residents said, and lasted "
    "for several hours before the shooting stopped in the evening."
)


def settings_for(db: Path) -> Settings:
    return load_settings(overrides={"store.path": str(db), "pipeline.stages": STAGES})


# TestClient answers with httpx2's Response where that is installed, else httpx's.
Response = Any


def assert_error(response: Response, status: int, code: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message", "detail"}
    assert body["error"]["code"] == code
    assert body["error"]["message"]
    assert "Traceback" not in response.text
    return dict(body["error"])


# --------------------------------------------------------------------------
# A store written the way the CLI writes it, with hand-made corpus results


def _span(article: Article, phrase: str) -> SourceSpan:
    start = article.text.index(phrase)
    return SourceSpan(article=article.id, start=start, end=start + len(phrase), text=phrase)


def _mention(article: Article, phrase: str) -> Mention:
    span = _span(article, phrase)
    return Mention(article=span.article, start=span.start, end=span.end, text=span.text)


def _results(articles: dict[str, Article]) -> dict[str, tuple[Any, ...]]:
    shelling = articles["Shelling hits the northern district"]
    convoy = articles["Aid convoy reaches the valley"]
    protest = articles[HOSTILE_TITLE]
    brigade = Entity(
        name="Northern Brigade",
        kind="rebel_group",
        mentions=(_mention(shelling, "Local officials"),),
    )
    person = Entity(name="Amal Haddad", kind="person")
    port = Place(name="Tafas", geonameid=163345, country_code="SY", feature="city")
    valley = Place(name="Misrata", geonameid=2214846, country_code="LY", feature="city")
    clash = Event(
        event_type="Battles",
        sub_event_type="Armed clash",
        actor1=brigade.id,
        place=port.id,
        date_start="2026-03-02",
        date_end="2026-03-02",
        date_precision="day",
        sources=(_span(shelling, "Artillery fire struck the northern district"),),
    )
    barrage = Event(
        event_type="Explosions/Remote violence",
        sub_event_type="Shelling/artillery/missile attack",
        place=port.id,
        date_start="2026-03-10",
        date_end="2026-03-12",
        date_precision="day",
        sources=(_span(shelling, "the shelling began before dawn"),),
    )
    rally = Event(
        event_type="Protests",
        sub_event_type="Peaceful protest",
        sources=(_span(protest, "Several hundred people gathered"),),
    )
    truce = Event(
        event_type="Strategic developments",
        sub_event_type="Agreement",
        date_start="2026-04",  # known to the month only
        date_end="2026-04",
        date_precision="month",
        sources=(_span(convoy, "reached the valley"),),
    )
    disputed = Claim(
        text="damaging two schools",
        value=2,
        unit="schools",
        status="contested",
        sources=(_span(shelling, "damaging two schools"),),
        event=clash.id,
    )
    agreed = Claim(
        text="twelve lorries",
        value=12,
        status="corroborated",
        sources=(_span(convoy, "twelve lorries"),),
    )
    story = Story(
        title="Shelling and a protest in the port city",
        articles=(shelling.id, protest.id),
        summary=(
            SummarySentence(
                text="Artillery fire struck the northern district.",
                sources=(_span(shelling, "Artillery fire struck the northern district"),),
            ),
        ),
        events=(clash.id, rally.id),
    )
    return {
        "entities": (brigade, person),
        "places": (port, valley),
        "events": (clash, barrage, rally, truce),
        "claims": (disputed, agreed),
        "stories": (story,),
    }


@pytest.fixture(scope="module")
def seeded_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("seed")
    inputs = folder / "in"
    inputs.mkdir()
    (inputs / "articles.jsonl").write_text(
        "".join(json.dumps(record) + "\n" for record in ARTICLES), "utf-8"
    )
    (inputs / "junk.bin").write_bytes(b"\x00\x01\x02\x03" * 64)
    db = folder / "store.duckdb"
    corpus = run_corpus([inputs], settings=settings_for(db))
    by_title = {a.title or "": a for a in corpus.articles}
    with open_store(settings_for(db).store) as store:
        store.write_results(dataclasses.replace(corpus, **_results(by_title)))
    return db


@pytest.fixture(scope="module")
def seeded(seeded_db: Path) -> Iterator[TestClient]:
    with _authed(create_app(settings_for(seeded_db))) as client:
        yield client


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    with _authed(create_app(settings_for(tmp_path / "store.duckdb"))) as fresh:
        yield fresh


def ids(response: Response) -> list[str]:
    assert response.status_code == 200, response.text
    return [item["id"] for item in response.json()["items"]]


# --------------------------------------------------------------------------
# Reading


def test_health_reports_version_backend_and_counts(seeded: TestClient) -> None:
    body = seeded.get("/api/v1/health").json()
    assert body["status"] == "ok"
    assert body["version"]
    assert body["store"]["backend"] == "duckdb"
    counts = body["store"]["counts"]
    assert (counts["articles"], counts["rejections"], counts["events"]) == (4, 1, 4)


def test_articles_page_through_everything_without_text(seeded: TestClient) -> None:
    everything = seeded.get("/api/v1/articles").json()
    assert everything["total"] == 4
    assert all("text" not in item for item in everything["items"])
    first = seeded.get("/api/v1/articles", params={"limit": 3}).json()
    rest = seeded.get("/api/v1/articles", params={"limit": 3, "offset": 3}).json()
    assert (first["limit"], first["offset"], rest["offset"]) == (3, 0, 3)
    assert (first["total"], rest["total"]) == (4, 4)
    assert [a["id"] for a in first["items"] + rest["items"]] == [
        a["id"] for a in everything["items"]
    ]
    assert seeded.get("/api/v1/articles", params={"offset": 10}).json()["items"] == []


def test_articles_filter_by_outlet_and_language_and_include_text(seeded: TestClient) -> None:
    harbour = seeded.get("/api/v1/articles", params={"outlet": "Harbour Post"}).json()
    assert harbour["total"] == 3
    assert {a["outlet"] for a in harbour["items"]} == {"Harbour Post"}
    french = seeded.get("/api/v1/articles", params={"language": "fr", "text": "true"}).json()
    assert [a["title"] for a in french["items"]] == [ARTICLES[2]["title"]]
    assert french["items"][0]["text"].startswith("Un convoi de douze camions")
    assert seeded.get("/api/v1/articles", params={"outlet": "Nobody"}).json()["total"] == 0


def test_article_detail_is_the_whole_record(seeded: TestClient, seeded_db: Path) -> None:
    listed = seeded.get("/api/v1/articles", params={"outlet": "Harbour Post"}).json()["items"]
    shelling = next(a for a in listed if a["title"] == ARTICLES[0]["title"])
    assert shelling["removed_blocks"] == 2
    detail = seeded.get(f"/api/v1/articles/{shelling['id']}").json()
    with open_store(settings_for(seeded_db).store) as store:
        stored = store.article(shelling["id"])
    assert stored is not None
    assert detail == {"id": stored.id, **to_dict(stored)}
    assert {b["reason"] for b in detail["removed"]} == {"share_prompt", "newsletter_prompt"}
    assert ("outlet", "metadata") in {(o["field"], o["origin"]) for o in detail["origins"]}


def test_unknown_article_and_unknown_path_are_404_in_the_error_shape(seeded: TestClient) -> None:
    error = assert_error(seeded.get("/api/v1/articles/art_nothing"), 404, "not_found")
    assert error["detail"] == {"id": "art_nothing"}
    assert_error(seeded.get("/api/v1/no-such-thing"), 404, "not_found")
    assert_error(seeded.delete("/api/v1/articles"), 405, "method_not_allowed")


def test_entities_and_places_filter(seeded: TestClient) -> None:
    assert len(ids(seeded.get("/api/v1/entities"))) == 2
    persons = seeded.get("/api/v1/entities", params={"kind": "person"}).json()["items"]
    assert [e["name"] for e in persons] == ["Amal Haddad"]
    syrian = seeded.get("/api/v1/places", params={"country_code": "sy"}).json()["items"]
    assert [(p["name"], p["geonameid"]) for p in syrian] == [("Tafas", 163345)]


def test_events_filter_by_type_and_date_range(seeded: TestClient) -> None:
    def names(**params: str) -> list[str]:
        items = seeded.get("/api/v1/events", params=params).json()["items"]
        return sorted(e["sub_event_type"] for e in items)

    assert len(names()) == 4
    assert names(event_type="Protests") == ["Peaceful protest"]
    # An event is in a range when its own dates meet it; an undated one never is.
    assert names(date_from="2026-03-11") == ["Agreement", "Shelling/artillery/missile attack"]
    assert names(date_from="2026-04-30", date_to="2026-05-31") == ["Agreement"]
    assert names(date_to="2026-03-02") == ["Armed clash"]
    assert names(date_from="2026-03-12", date_to="2026-03-12") == [
        "Shelling/artillery/missile attack"
    ]
    assert names(date_from="2026-03-03", date_to="2026-03-09") == []
    event = seeded.get("/api/v1/events", params={"event_type": "Battles"}).json()["items"][0]
    assert event["sources"][0]["text"] == "Artillery fire struck the northern district"


def test_claims_stories_and_rejections_filter(seeded: TestClient) -> None:
    contested = seeded.get("/api/v1/claims", params={"status": "contested"}).json()
    assert [c["text"] for c in contested["items"]] == ["damaging two schools"]
    protest = next(
        a for a in seeded.get("/api/v1/articles").json()["items"] if a["title"] == HOSTILE_TITLE
    )
    stories = seeded.get("/api/v1/stories", params={"article": protest["id"]}).json()["items"]
    assert [s["title"] for s in stories] == ["Shelling and a protest in the port city"]
    assert seeded.get("/api/v1/stories", params={"article": "art_none"}).json()["total"] == 0
    binary = seeded.get("/api/v1/rejections", params={"reason": "binary"}).json()["items"]
    assert [Path(r["source"]).name for r in binary] == ["junk.bin"]
    assert seeded.get("/api/v1/rejections", params={"stage": "extract"}).json()["total"] == 0


@pytest.mark.parametrize(
    ("path", "params", "where"),
    [
        ("/api/v1/articles", {"limit": "0"}, ["query", "limit"]),
        ("/api/v1/articles", {"limit": "5000"}, ["query", "limit"]),
        ("/api/v1/articles", {"offset": "-1"}, ["query", "offset"]),
        ("/api/v1/claims", {"status": "rumoured"}, ["query", "status"]),
        ("/api/v1/events", {"date_from": "last week"}, ["query", "date_from"]),
    ],
)
def test_bad_parameters_are_422_in_the_error_shape(
    seeded: TestClient, path: str, params: dict[str, str], where: list[str]
) -> None:
    error = assert_error(seeded.get(path, params=params), 422, "invalid_request")
    assert error["detail"]["errors"][0]["loc"] == where


def test_reversed_date_range_is_422(seeded: TestClient) -> None:
    response = seeded.get(
        "/api/v1/events", params={"date_from": "2026-03-09", "date_to": "2026-03-01"}
    )
    assert_error(response, 422, "invalid_request")


def test_brief_is_the_brief_json_built_from_the_store(seeded: TestClient, seeded_db: Path) -> None:
    served = seeded.get("/api/v1/brief").json()
    validate_brief(served)
    with open_store(settings_for(seeded_db).store) as store:
        expected = build_brief(load_corpus(store))
    served.pop("generated_at")
    expected.pop("generated_at")
    assert served == expected
    assert len(served["events"]) == 4


def test_openapi_schema_documents_response_models_and_errors(seeded: TestClient) -> None:
    schema = seeded.get("/api/v1/openapi.json").json()
    paths = schema["paths"]
    for path in ("/api/v1/health", "/api/v1/articles/{article_id}", "/api/v1/events"):
        assert path in paths
    articles = paths["/api/v1/articles"]["get"]["responses"]
    assert articles["200"]["content"]["application/json"]["schema"]["$ref"].endswith(
        "/ArticleSummaryPage"
    )
    assert articles["422"]["content"]["application/json"]["schema"]["$ref"].endswith(
        "/ErrorResponse"
    )
    runs = paths["/api/v1/runs"]["post"]
    assert set(runs["requestBody"]["content"]) == {"multipart/form-data", "application/json"}
    components = schema["components"]["schemas"]
    assert {"RunRequest", "PostedArticle", "RunSummary", "Event", "Brief"} <= set(components)
    assert "fatalities_best" in components["Event"]["properties"]
    # The interactive docs would load scripts from a CDN: not served.
    assert seeded.get("/docs").status_code == 404


# --------------------------------------------------------------------------
# The page


def test_page_renders_the_brief_escaped_with_an_upload_form(seeded: TestClient) -> None:
    response = seeded.get("/")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    page = response.text
    assert "Shelling hits the northern district" in page
    assert "&lt;script&gt;alert(&#x27;title&#x27;)&lt;/script&gt;" in page
    # The page's own scripts (the map) are inline and hold no corpus text unescaped.
    assert "<script>alert(" not in page.lower() and "<script src" not in page.lower()
    assert "1 &lt; 2 &amp; the crowd" in page
    assert 'enctype="multipart/form-data"' in page
    assert 'name="files"' in page
    # Nothing from the network: no external scripts, styles or images.
    for attribute in ('src="http', "src='http", "<link"):
        assert attribute not in page


def test_page_upload_runs_and_shows_an_escaped_summary(client: TestClient) -> None:
    hostile = json.dumps({"title": "<b onmouseover=x>Loud</b> headline", "text": GOOD_TEXT})
    response = client.post(
        "/upload",
        files=[("files", ("story.json", hostile.encode())), ("files", ("<evil>.bin", b"\0" * 9))],
    )
    assert response.status_code == 200, response.text
    assert "&lt;b onmouseover=x&gt;Loud&lt;/b&gt; headline" in response.text
    assert "&lt;evil&gt;.bin" in response.text
    assert "<b onmouseover" not in response.text
    assert client.get("/api/v1/articles").json()["total"] == 1


def test_page_of_an_empty_store(client: TestClient) -> None:
    response = client.get("/")
    assert response.status_code == 200
    assert 'name="files"' in response.text


# --------------------------------------------------------------------------
# Runs


def test_run_with_a_good_and_a_bad_file(client: TestClient) -> None:
    files = [
        ("files", ("good.txt", GOOD_TEXT.encode())),
        ("files", ("../../etc/bad.bin", b"\x00\x01\x02\x03" * 64)),
    ]
    response = client.post("/api/v1/runs", files=files)
    assert response.status_code == 200, response.text
    summary = response.json()
    assert (summary["inputs"], summary["processed"], summary["reused"]) == (2, 2, 0)
    assert [a["source"] for a in summary["articles"]] == ["good.txt"]
    assert [(r["source"], r["reason"]) for r in summary["rejections"]] == [("bad.bin", "binary")]
    assert summary["counts"]["articles"] == 1
    stored = client.get("/api/v1/articles").json()["items"]
    assert [a["id"] for a in stored] == [summary["articles"][0]["id"]]
    assert client.get("/api/v1/rejections").json()["items"][0]["reason"] == "binary"


def test_run_with_posted_articles_then_again_reuses_them(client: TestClient) -> None:
    body = {"articles": [{"text": GOOD_TEXT, "title": "Clashes at the crossing"}, {"text": " "}]}
    first = client.post("/api/v1/runs", json=body).json()
    assert [a["title"] for a in first["articles"]] == ["Clashes at the crossing"]
    assert [r["reason"] for r in first["rejections"]] == ["no_text"]
    again = client.post("/api/v1/runs", json=body).json()
    assert (again["processed"], again["reused"]) == (0, 2)
    assert [a["id"] for a in again["articles"]] == [a["id"] for a in first["articles"]]
    assert client.get("/api/v1/articles").json()["total"] == 1


def test_corpus_stages_cover_every_run_not_just_the_latest(client: TestClient) -> None:
    first = client.post("/api/v1/runs", files=[("files", ("a.txt", GOOD_TEXT.encode()))])
    second = client.post(
        "/api/v1/runs", json={"articles": [{"text": GOOD_TEXT, "source": "copy.json"}]}
    )
    pair = {first.json()["articles"][0]["id"], second.json()["articles"][0]["id"]}
    groups = client.get("/api/v1/brief").json()["groups"]
    assert [(g["kind"], set(g["articles"])) for g in groups] == [("duplicate", pair)]


@pytest.mark.parametrize(
    "body",
    [
        {"articles": []},
        {"articles": [{"title": "no text"}]},
        {"articles": [{"text": "x", "colour": "red"}]},
        {"texts": ["x"]},
    ],
)
def test_invalid_run_bodies_are_422(client: TestClient, body: dict[str, Any]) -> None:
    error = assert_error(client.post("/api/v1/runs", json=body), 422, "invalid_request")
    assert error["detail"]["errors"][0]["loc"][0] == "body"


def test_malformed_json_and_missing_files_and_other_media(client: TestClient) -> None:
    broken = client.post(
        "/api/v1/runs", content=b"{not json", headers={"content-type": "application/json"}
    )
    assert_error(broken, 422, "invalid_request")
    no_files = client.post("/api/v1/runs", data={"other": "x"}, files=[("note", ("n", b"x"))])
    assert_error(no_files, 422, "invalid_request")
    text = client.post("/api/v1/runs", content=b"hello", headers={"content-type": "text/plain"})
    assert_error(text, 415, "unsupported_media_type")


def test_a_run_while_another_writes_gets_409_and_reads_go_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    writing, release = threading.Event(), threading.Event()
    write_batch = DuckDBStore.write_batch

    def held_write(self: DuckDBStore, *args: Any, **kwargs: Any) -> None:
        writing.set()
        release.wait(timeout=60)  # a guard against a hung test, not a timing
        write_batch(self, *args, **kwargs)

    monkeypatch.setattr(DuckDBStore, "write_batch", held_write)
    posted = {"articles": [{"text": GOOD_TEXT}]}
    with (
        _authed(create_app(settings_for(tmp_path / "store.duckdb"))) as client,
        ThreadPoolExecutor(max_workers=1) as pool,
    ):
        try:
            running = pool.submit(client.post, "/api/v1/runs", json=posted)
            assert writing.wait(timeout=60)
            second = client.post("/api/v1/runs", files=[("files", ("b.txt", b"other text"))])
            during = client.get("/api/v1/health")
        finally:
            release.set()
        first = running.result(timeout=60)
        after = client.post("/api/v1/runs", json={"articles": [{"text": GOOD_TEXT + " Later."}]})
    error = assert_error(second, 409, "run_in_progress")
    assert error["detail"]["running_since"]
    assert during.status_code == 200
    assert during.json()["store"]["counts"]["articles"] == 0  # the run had not committed yet
    assert first.status_code == 200
    assert first.json()["counts"]["articles"] == 1
    assert after.status_code == 200, "the lock is released when a run ends"


def test_a_failed_write_is_503_and_frees_the_lock(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_write(self: DuckDBStore, *args: Any, **kwargs: Any) -> None:
        raise StoreError("the disk is full")

    with monkeypatch.context() as patch:
        patch.setattr(DuckDBStore, "write_batch", broken_write)
        response = client.post("/api/v1/runs", json={"articles": [{"text": GOOD_TEXT}]})
    error = assert_error(response, 503, "store_unavailable")
    assert "the disk is full" in error["message"]
    assert client.post("/api/v1/runs", json={"articles": [{"text": GOOD_TEXT}]}).status_code == 200


def test_a_failing_stage_is_500_naming_the_stage(client: TestClient) -> None:
    service = client.app.state.crosswire  # type: ignore[attr-defined]
    stages = service.document_pipeline.stages
    index = next(i for i, s in enumerate(stages) if s.info.name == "clean")

    def broken(corpus: Any, context: Any) -> Any:
        raise ValueError("a broken lexicon")

    stages[index] = dataclasses.replace(stages[index], run=broken)
    response = client.post("/api/v1/runs", json={"articles": [{"text": GOOD_TEXT}]})
    error = assert_error(response, 500, "stage_failed")
    assert error["detail"] == {"stage": "clean"}


def test_an_unexpected_exception_is_500_without_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_counts(self: DuckDBStore) -> dict[str, int]:
        raise RuntimeError("secret /srv/internal/path")

    app = create_app(settings_for(tmp_path / "store.duckdb"))
    monkeypatch.setattr(DuckDBStore, "counts", broken_counts)
    with _authed(app, raise_server_exceptions=False) as client:
        response = client.get("/api/v1/health")
    error = assert_error(response, 500, "internal_error")
    assert "RuntimeError" in error["message"]
    assert "secret" not in response.text


def test_an_in_memory_store_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="memory"):
        create_app(settings_for(Path(":memory:")))


POSTGRES = os.environ.get("CROSSWIRE_TEST_POSTGRES")


@pytest.mark.postgres
@pytest.mark.skipif(
    not POSTGRES,
    reason="CROSSWIRE_TEST_POSTGRES is not set: start a server with "
    '`eval "$(scripts/start-postgres.sh)"` (.ci/run does this)',
)
def test_runs_and_reads_over_postgres() -> None:
    import psycopg

    assert POSTGRES is not None
    # A schema of its own: the store tests drop their tables in the same database.
    schema = "crosswire_server_test"
    with psycopg.connect(POSTGRES, autocommit=True) as con:
        con.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
        con.execute(f"CREATE SCHEMA {schema}")
    settings = load_settings(
        overrides={
            "store.backend": "postgres",
            "store.path": f"{POSTGRES} options='-c search_path={schema}'",
            "pipeline.stages": STAGES,
        }
    )
    files = [("files", ("good.txt", GOOD_TEXT.encode())), ("files", ("bad.bin", b"\0" * 64))]
    with _authed(create_app(settings)) as client:
        run = client.post("/api/v1/runs", files=files)
        health = client.get("/api/v1/health").json()
        brief = client.get("/api/v1/brief").json()
    assert run.status_code == 200, run.text
    assert [r["reason"] for r in run.json()["rejections"]] == ["binary"]
    assert health["store"]["backend"] == "postgres"
    counts = health["store"]["counts"]
    assert (counts["articles"], counts["rejections"]) == (1, 1)
    validate_brief(brief)
    assert [a["source"] for a in brief["articles"]] == ["good.txt"]


# --------------------------------------------------------------------------
# `crosswire serve`


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_serve_listens_on_loopback_and_holds_the_store(tmp_path: Path) -> None:
    db, port = tmp_path / "served.duckdb", _free_port()
    DuckDBStore(str(db)).close()  # serve refuses a store that does not exist
    command = [sys.executable, "-m", "crosswire.cli", "serve", "--db", str(db), "--port", str(port)]
    server = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        health = None
        while health is None and server.poll() is None:
            try:
                health = httpx.get(f"http://127.0.0.1:{port}/api/v1/health", timeout=60)
            except httpx.TransportError:
                time.sleep(0.2)  # not listening yet
        assert health is not None, server.stdout.read().decode() if server.stdout else ""
        assert health.json()["store"]["backend"] == "duckdb"
        # The server is the store's one writer: another process cannot open it.
        other = CliRunner().invoke(cli_app, ["articles", "list", "--db", str(db)])
        assert other.exit_code == EXIT_STORE, other.output
    finally:
        server.terminate()
        server.wait(timeout=60)
    assert CliRunner().invoke(cli_app, ["articles", "list", "--db", str(db)]).exit_code == 0


def test_serve_defaults_to_loopback() -> None:
    result = CliRunner().invoke(cli_app, ["serve", "--help"])
    assert result.exit_code == 0
    assert "127.0.0.1" in result.output


def test_list_pages_are_compact_and_detail_endpoints_hold_every_mention(
    seeded: TestClient,
) -> None:
    for kind, fields in (
        ("entities", ("mentions",)),
        ("places", ("mentions",)),
        ("events", ("sources", "mentions")),
        ("stories", ("summary",)),
    ):
        items = seeded.get(f"/api/v1/{kind}").json()["items"]
        assert items, kind
        for item in items:
            full = seeded.get(f"/api/v1/{kind}/{item['id']}").json()
            assert not any(name.endswith("_total") for name in full)
            for field in fields:
                assert item[f"{field}_total"] == len(full[field])
                assert item[field] == full[field][:3]
        error = assert_error(seeded.get(f"/api/v1/{kind}/none"), 404, "not_found")
        assert error["detail"] == {"id": "none"}


def test_a_list_record_keeps_its_first_mentions_and_their_count() -> None:
    from crosswire.server.app import _compact

    mentions = tuple(
        Mention(article="art_x", start=6 * i, end=6 * i + 5, text="Tafas") for i in range(5)
    )
    place = Place(name="Tafas", geonameid=163345, country_code="SY", mentions=mentions)
    compact = _compact(place)
    assert compact["mentions_total"] == 5
    assert [m["start"] for m in compact["mentions"]] == [0, 6, 12]
    assert compact["id"] == place.id
