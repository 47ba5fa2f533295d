"""A bounded local load on the HTTP API's read endpoints; prints p50/p99 per endpoint.

    PYTHONPATH=src python bench/api_load.py [--db bench-api.duckdb] [--requests 200]
        [--concurrency 8] [--time-limit 120]

Builds the store first when ``--db`` does not exist: the FA-KES dev articles
(../shared/eval/events/fakes_dev.csv, 405 articles) written as two JSON-lines
files, the second with every title marked, so about 810 articles go through the
whole pipeline. Then it starts ``crosswire serve`` on a free loopback port and sends
a bounded number of GET requests per endpoint from a pool of client threads (loopback
only, bounded in count and in time). The first request to each endpoint (which fills
the server's read cache) is reported apart as "cold". Exits non-zero when a list or
detail endpoint misses the goal: p50 under 50 ms, p99 under 250 ms.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

FAKES = Path(__file__).resolve().parents[1] / ".." / "shared" / "eval" / "events" / "fakes_dev.csv"
TOKEN = "bench-token"
P50_GOAL_MS, P99_GOAL_MS = 50.0, 250.0
LIST_ENDPOINTS = (
    "/api/v1/articles", "/api/v1/entities", "/api/v1/places", "/api/v1/events",
    "/api/v1/claims", "/api/v1/stories", "/api/v1/rejections",
)  # fmt: skip
OTHER_ENDPOINTS = ("/api/v1/health", "/api/v1/brief", "/")


def build_store(db: Path) -> None:
    rows = list(csv.DictReader(FAKES.open(encoding="utf-8")))
    with tempfile.TemporaryDirectory() as folder:
        for copy, mark in (("a", ""), ("b", " (second copy)")):
            lines = [
                json.dumps(
                    {
                        "title": r["article_title"] + mark,
                        "maintext": r["article_content"],
                        "source_domain": r["source"],
                        "date_publish": r["date"],
                    },
                    ensure_ascii=False,
                )
                for r in rows
            ]
            (Path(folder) / f"fakes-{copy}.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "crosswire.cli", "run", folder, "--db", str(db),
             "--out", str(Path(folder) / "out")],
            check=True,
        )  # fmt: skip
        print(f"store built in {time.perf_counter() - started:.0f} s", file=sys.stderr)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def measure(
    base: str, path: str, count: int, concurrency: int, limit_s: float, distinct: bool = False
) -> dict:
    with httpx.Client(timeout=60) as client:
        started = time.perf_counter()
        assert client.get(base + path).status_code == 200, path
        cold = (time.perf_counter() - started) * 1000
        deadline = time.perf_counter() + limit_s

        def one(index: int) -> float:
            if time.perf_counter() > deadline:
                return float("nan")
            # --distinct: every request another page, so none is served from the
            # response cache (the records themselves stay in the snapshot).
            url = base + path + (f"?offset={index + 1}" if distinct else "")
            begun = time.perf_counter()
            response = client.get(url, headers={"accept-encoding": "gzip"})
            response.read()
            assert response.status_code == 200, (path, response.status_code)
            return (time.perf_counter() - begun) * 1000

        with ThreadPoolExecutor(concurrency) as pool:
            times = [t for t in pool.map(one, range(count)) if t == t] or [float("nan")]
    print(f"{path}: {len(times)} requests", file=sys.stderr, flush=True)
    return {
        "path": path,
        "n": len(times),
        "cold_ms": cold,
        "p50_ms": statistics.median(times),
        "p99_ms": _percentile(times, 0.99),
    }


def _record_details(base: str) -> dict[str, str]:
    """The detail path of the record with the most mentions/sources among the first 1000
    of each kind (the heaviest detail response), by its path; none for a server without
    detail endpoints."""
    paths = {}
    for kind in ("entities", "places", "events", "stories"):
        items = httpx.get(f"{base}/api/v1/{kind}?limit=1000", timeout=60).json()["items"]
        if not items or not any(k.endswith("_total") for k in items[0]):
            continue
        heaviest = max(items, key=lambda i: sum(v for k, v in i.items() if k.endswith("_total")))
        paths[f"/api/v1/{kind}/{heaviest['id']}"] = f"/api/v1/{kind}/{{id}} (heaviest)"
    return paths


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, default=Path("bench-api.duckdb"))
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--distinct", action="store_true", help="a different page per list request")
    parser.add_argument("--time-limit", type=float, default=30.0, help="seconds per endpoint")
    args = parser.parse_args()
    if not args.db.exists():
        if not FAKES.exists():
            print(f"skipped: {FAKES} is absent", file=sys.stderr)
            return 0
        build_store(args.db)
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "crosswire.cli", "serve", "--db", str(args.db),
         "--port", str(port), "--token", TOKEN],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=dict(os.environ),
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(1200):
            try:
                if httpx.get(base + "/api/v1/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        ids = [a["id"] for a in httpx.get(base + "/api/v1/articles?limit=200").json()["items"]]
        detail = f"/api/v1/articles/{random.Random(1).choice(ids)}"
        records = _record_details(base)
        rows = [
            measure(
                base,
                path,
                args.requests,
                args.concurrency,
                args.time_limit,
                distinct=args.distinct and path in LIST_ENDPOINTS,
            )
            for path in (*LIST_ENDPOINTS, detail, *records, *OTHER_ENDPOINTS)
        ]
        counts = httpx.get(base + "/api/v1/health").json()["store"]["counts"]
    finally:
        server.terminate()
        server.wait(timeout=30)
    print(f"store: {counts}")
    kind = "distinct pages" if args.distinct else "the same URL"
    print(f"{args.requests} requests per endpoint ({kind}), {args.concurrency} client threads\n")
    print("| endpoint | requests | cold (ms) | p50 (ms) | p99 (ms) |")
    print("|---|---|---|---|---|")
    failed = False
    for row in rows:
        graded = row["path"] in LIST_ENDPOINTS or row["path"] in (detail, *records)
        miss = graded and not (row["p50_ms"] < P50_GOAL_MS and row["p99_ms"] < P99_GOAL_MS)
        failed |= miss
        name = records.get(row["path"]) or row["path"]
        name = "/api/v1/articles/{id}" if row["path"] == detail else name
        print(
            f"| {name} | {row['n']} | {row['cold_ms']:.0f} | {row['p50_ms']:.1f} "
            f"| {row['p99_ms']:.1f} |{' **over goal**' if miss else ''}"
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
