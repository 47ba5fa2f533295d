"""The workbench API's latency under a bounded local load.

Starts `crosswire serve`'s app on a free local port over a store, then sends
REQUESTS requests from CONCURRENCY threads, cycling through filtered event
pages, the map/timeline summary, an event's detail and article search, and
prints p50/p95/max per route kind.

    python bench/api_latency.py out/crosswire.duckdb --requests 400 --concurrency 4

Exits non-zero when a request fails or the overall p95 passes 2 s.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

MAX_P95_S = 2.0


def _app(db: Path) -> object:
    from crosswire.config import load_settings
    from crosswire.server.app import create_app

    return create_app(load_settings(None, {"store.path": str(db)}))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--concurrency", type=int, default=4)
    args = parser.parse_args()
    import httpx

    from crosswire.server.guard import local_server

    with local_server(_app(args.db)) as base, httpx.Client(base_url=base, timeout=60) as client:
        first = client.get("/api/v1/workbench/events", params={"per_page": 1}).json()["items"][0]
        paths = [
            ("events", "/api/v1/workbench/events?per_page=50"),
            ("events filtered", "/api/v1/workbench/events?event_type=Battles&country=SY&page=2"),
            ("events filtered", "/api/v1/workbench/events?actor=government&q=killed"),
            ("summary", "/api/v1/workbench/summary?event_type=Explosions/Remote%20violence"),
            ("event detail", f"/api/v1/workbench/events/{first['id']}"),
            ("search", "/api/v1/search?q=airstrike+aleppo"),
        ]
        timings: dict[str, list[float]] = {kind: [] for kind, _ in paths}
        failures = 0

        def one(index: int) -> None:
            nonlocal failures
            kind, path = paths[index % len(paths)]
            started = time.perf_counter()
            response = client.get(path)
            timings[kind].append(time.perf_counter() - started)
            failures += response.status_code != 200

        started = time.perf_counter()
        with ThreadPoolExecutor(args.concurrency) as pool:
            list(pool.map(one, range(args.requests)))
        wall = time.perf_counter() - started
    everything = sorted(t for ts in timings.values() for t in ts)
    print(f"{args.requests} requests, {args.concurrency} at a time, {wall:.1f} s "
          f"({args.requests / wall:.1f} req/s), {failures} failed")  # fmt: skip
    print("| route | n | p50 ms | p95 ms | max ms |\n|---|---|---|---|---|")
    for kind, ts in [*timings.items(), ("all", everything)]:
        ts = sorted(ts)
        p95 = ts[int(0.95 * (len(ts) - 1))]
        print(f"| {kind} | {len(ts)} | {statistics.median(ts) * 1000:.0f} | {p95 * 1000:.0f} "
              f"| {ts[-1] * 1000:.0f} |")  # fmt: skip
    p95_all = everything[int(0.95 * (len(everything) - 1))]
    return 1 if failures or p95_all > MAX_P95_S else 0


if __name__ == "__main__":
    sys.exit(main())
