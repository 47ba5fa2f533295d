"""The server is safe to leave running: writes need the token, bodies are bounded, errors
(uvicorn's own too) are one JSON shape, slow clients time out, and the health check answers
while a hostile upload is read."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from crosswire.config import Settings, load_settings
from crosswire.server.app import create_app
from crosswire.server.guard import resolve_token
from crosswire.store.duckdb import DuckDBStore

TEXT = (
    "Fighting broke out on Tuesday near the border crossing, residents said, and lasted "
    "for several hours before the shooting stopped in the evening."
)
TOKEN = "test-token-not-secret"
DOC_STAGES = ["ingest", "extract", "clean", "metadata", "language"]


def settings_for(db: Path, max_bytes: int = 200_000) -> Settings:
    return load_settings(
        overrides={
            "store.path": str(db),
            "pipeline.stages": DOC_STAGES,
            "stages.ingest.max_bytes": max_bytes,
        }
    )


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    with TestClient(create_app(settings_for(tmp_path / "s.duckdb"), token=TOKEN)) as fresh:
        yield fresh


def _error(response: Any, status: int, code: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message", "detail"}
    assert body["error"]["code"] == code
    return body["error"]  # type: ignore[no-any-return]


def test_writes_without_the_token_are_401(client: TestClient) -> None:
    body = {"articles": [{"text": TEXT}]}
    _error(client.post("/api/v1/runs", json=body), 401, "unauthorized")
    _error(
        client.post("/api/v1/runs", json=body, headers={"Authorization": "Bearer wrong"}),
        401,
        "unauthorized",
    )
    # A cookie is no credential.
    client.cookies.set("token", TOKEN)
    _error(client.post("/api/v1/runs", json=body), 401, "unauthorized")
    client.cookies.clear()
    files = [("files", ("a.txt", TEXT.encode()))]
    _error(client.post("/upload", files=files), 401, "unauthorized")
    assert client.get("/api/v1/articles").json()["items"] == []  # nothing was written


def test_writes_with_the_token_go_through(client: TestClient) -> None:
    body = {"articles": [{"text": TEXT}]}
    bearer = client.post("/api/v1/runs", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
    assert bearer.status_code == 200, bearer.text
    files = [("files", ("b.txt", (TEXT + " Again.").encode()))]
    form = client.post("/upload", files=files, data={"token": TOKEN})
    assert form.status_code == 200, form.text
    assert len(client.get("/api/v1/articles").json()["items"]) == 2


def test_oversized_bodies_are_413(client: TestClient) -> None:
    headers = {"X-Crosswire-Token": TOKEN, "content-type": "application/json"}
    huge = b'{"articles": [{"text": "' + b"a" * 2_000_000 + b'"}]}'
    _error(client.post("/api/v1/runs", content=huge, headers=headers), 413, "too_large")

    def streamed() -> Iterator[bytes]:  # no Content-Length: counted as it arrives
        yield b'{"articles": [{"text": "'
        for _ in range(40):
            yield b"a" * 65_536
        yield b'"}]}'

    _error(client.post("/api/v1/runs", content=streamed(), headers=headers), 413, "too_large")
    # A read takes no large body either.
    big_get = client.request("GET", "/api/v1/articles", content=b"x" * 100_000)
    _error(big_get, 413, "too_large")


def test_reads_are_cached_until_a_run_writes(client: TestClient) -> None:
    headers = {"X-Crosswire-Token": TOKEN}
    before = client.get("/api/v1/brief")
    assert before.status_code == 200
    assert client.get("/api/v1/brief").content == before.content  # served from the cache
    client.post("/api/v1/runs", json={"articles": [{"text": TEXT}]}, headers=headers)
    after = client.get("/api/v1/brief").json()
    assert len(after["articles"]) == len(before.json()["articles"]) + 1
    assert client.get("/api/v1/health").json()["store"]["counts"]["articles"] == 1


def test_the_token_is_generated_once_and_kept_beside_the_store(tmp_path: Path) -> None:
    store = str(tmp_path / "s.duckdb")
    token, source = resolve_token(None, store)
    assert source == "generated" and len(token) >= 32
    assert oct(Path(store + ".token").stat().st_mode & 0o777) == "0o600"
    assert resolve_token(None, store) == (token, "file")
    assert resolve_token("given", store) == ("given", "given")


# --------------------------------------------------------------------------
# A real server (uvicorn) in a subprocess


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    tmp_path = tmp_path_factory.mktemp("served")
    config = tmp_path / "c.toml"
    config.write_text(f"[pipeline]\nstages = {json.dumps(DOC_STAGES)}\n")
    port = _free_port()
    DuckDBStore(str(tmp_path / "s.duckdb")).close()  # serve refuses a store that does not exist
    command = [
        sys.executable, "-m", "crosswire.cli", "serve", "--db", str(tmp_path / "s.duckdb"),
        "--port", str(port), "--config", str(config), "--token", TOKEN,
    ]  # fmt: skip
    server = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=dict(os.environ)
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):
            try:
                if httpx.get(f"{base}/api/v1/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
            if server.poll() is not None:
                pytest.fail(f"crosswire serve exited with code {server.returncode}")
        yield base
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_uvicorn_errors_are_json_too(served: str) -> None:
    host, port = served.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=5) as raw:
        raw.sendall(b"NOT A REQUEST\r\n\r\n")
        chunks = []
        while chunk := raw.recv(4096):  # the server closes the connection after a 400
            chunks.append(chunk)
        reply = b"".join(chunks).decode("latin-1")
    head, _, body = reply.partition("\r\n\r\n")
    assert head.startswith("HTTP/1.1 400")
    assert "application/json" in head
    assert json.loads(body)["error"]["code"] == "bad_request"


def test_health_answers_while_a_hostile_upload_is_read(served: str) -> None:
    import threading

    prolog_bomb = b"<!doctype " + b"[]" * 38 + b"x"
    long_page = ("<p>" + TEXT + "</p>\n") * 4000
    files = [
        ("files", ("prolog.html", prolog_bomb)),
        ("files", ("long.html", ("<html><body>" + long_page + "</body></html>").encode())),
    ]
    done: list[int] = []

    def upload() -> None:
        response = httpx.post(
            f"{served}/api/v1/runs", files=files, headers={"X-Crosswire-Token": TOKEN}, timeout=120
        )
        done.append(response.status_code)

    worker = threading.Thread(target=upload)
    worker.start()
    try:
        answered = 0
        while worker.is_alive() and answered < 5:
            health = httpx.get(f"{served}/api/v1/health", timeout=5)  # hang guard, not a measure
            assert health.status_code == 200
            answered += 1
    finally:
        worker.join(timeout=120)
    assert done == [200]
