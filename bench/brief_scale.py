"""brief.html size and time to first render in Chromium at ~400, 3,000 and 10,000 articles.

The large briefs are synthesised from a real one (``--seed``: a brief.json, by
default the bundled sample corpus run here): its articles, events, claims and
stories are copied N times with fresh ids and dates shifted a week per copy,
then written by the real ``write_brief``. Actors and places stay shared, as in
a real corpus. Chromium (Debian's, driven by Playwright) opens brief.html from
the file and reports first contentful paint and the moment the map is drawn.

    python bench/brief_scale.py --seed out/brief.json --sizes 400 3000 10000

Exits non-zero when, at the largest size, the overview passes 5 MB or first
paint takes over 2 s.
"""

from __future__ import annotations

import argparse
import copy
import json
import math
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

MAX_OVERVIEW_MB = 5.0
MAX_FIRST_PAINT_MS = 2000.0


def _shift(value: str | None, days: int) -> str | None:
    if not value or len(value) != 10:
        return value
    try:
        return (date.fromisoformat(value) + timedelta(days=days)).isoformat()
    except ValueError:
        return value


def _spans(spans: list[dict[str, Any]], suffix: str) -> list[dict[str, Any]]:
    return [{**s, "article": s["article"] + suffix} for s in spans]


def replicate(seed: dict[str, Any], copies: int) -> dict[str, Any]:
    """The seed brief ``copies`` times over, each copy with its own ids and dates."""
    brief = copy.deepcopy(seed)
    for key in ("articles", "events", "claims", "stories", "groups"):
        brief[key] = []
    mentions: dict[str, list[dict[str, Any]]] = {}
    for k in range(copies):
        sfx, days = f"x{k}", 7 * k
        for a in seed["articles"]:
            brief["articles"].append(
                {**a, "id": a["id"] + sfx, "published": _shift(a.get("published"), days)}
            )
        for e in seed["events"]:
            brief["events"].append(
                {
                    **e,
                    "id": e["id"] + sfx,
                    "sources": _spans(e.get("sources", []), sfx),
                    "mentions": _spans(e.get("mentions", []), sfx),
                    "date_start": _shift(e.get("date_start"), days),
                    "date_end": _shift(e.get("date_end"), days),
                }
            )
        for c in seed["claims"]:
            brief["claims"].append(
                {
                    **c,
                    "id": c["id"] + sfx,
                    "sources": _spans(c.get("sources", []), sfx),
                    "conflicts_with": [x + sfx for x in c.get("conflicts_with", [])],
                    "event": c["event"] + sfx if c.get("event") else None,
                }
            )
        for s in seed["stories"]:
            brief["stories"].append(
                {
                    **s,
                    "id": s["id"] + sfx,
                    "articles": [a + sfx for a in s["articles"]],
                    "events": [e + sfx for e in s.get("events", [])],
                    "summary": [
                        {**line, "sources": _spans(line["sources"], sfx)}
                        for line in s.get("summary", [])
                    ],
                }
            )
        for g in seed.get("groups", []):
            brief["groups"].append(
                {**g, "id": g["id"] + sfx, "articles": [a + sfx for a in g["articles"]]}
            )
        for record in [*seed["entities"], *seed["places"]]:
            mentions.setdefault(record["id"], []).extend(_spans(record.get("mentions", []), sfx))
    for record in [*brief["entities"], *brief["places"]]:
        record["mentions"] = mentions.get(record["id"], [])
    return brief  # fmt: skip


def _seed(path: Path | None) -> dict[str, Any]:
    if path is not None:
        return dict(json.loads(path.read_text("utf-8")))
    import crosswire

    return crosswire.run().to_dict()


def first_render(browser: Any, page_path: Path) -> tuple[float, float]:
    """(first contentful paint, map drawn) in ms after navigation start."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(page_path.as_uri(), wait_until="load", timeout=120_000)
    paint = page.evaluate(
        "() => new Promise(done => { const f = () => { const p = performance"
        ".getEntriesByName('first-contentful-paint')[0];"
        " p ? done(p.startTime) : setTimeout(f, 20); }; f(); })"
    )
    drawn = float("nan")
    if page.locator("#overview-map").count():
        page.wait_for_selector("#overview-map[data-drawn]", timeout=120_000)
        drawn = page.evaluate("() => performance.now()")
    page.close()
    return float(paint), float(drawn)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--seed", type=Path, help="a brief.json to replicate (default: sample corpus)"
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[400, 3000, 10000])
    parser.add_argument("--keep", type=Path, help="write the briefs here instead of a temp folder")
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    from crosswire.brief import write_brief
    from crosswire.model import Corpus

    seed = _seed(args.seed)
    root = args.keep or Path(tempfile.mkdtemp(prefix="brief-scale-"))
    print(f"seed: {len(seed['articles'])} articles, {len(seed['events'])} events, "
          f"{len(seed['stories'])} stories")  # fmt: skip
    print(
        "| articles | events | stories | overview MB | largest story page MB | all pages MB "
        "| write s | first paint ms | map drawn ms |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    failed = False
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=["--no-sandbox"]
        )
        for size in args.sizes:
            brief = replicate(seed, max(1, math.ceil(size / len(seed["articles"]))))
            out = root / f"n{size}"
            started = time.perf_counter()
            write_brief(brief, Corpus(), out)
            written = time.perf_counter() - started
            overview = (out / "brief.html").stat().st_size / 1e6
            stories = [p.stat().st_size / 1e6 for p in (out / "stories").glob("*.html")] or [0.0]
            total = overview + sum(stories)
            paint, drawn = first_render(browser, out / "brief.html")
            print(f"| {len(brief['articles'])} | {len(brief['events'])} | {len(brief['stories'])} "
                  f"| {overview:.2f} | {max(stories):.2f} | {total:.1f} | {written:.1f} "
                  f"| {paint:.0f} | {drawn:.0f} |", flush=True)  # fmt: skip
            if size == max(args.sizes):
                failed = overview > MAX_OVERVIEW_MB or paint > MAX_FIRST_PAINT_MS
        browser.close()
    if failed:
        print(
            f"FAIL: overview over {MAX_OVERVIEW_MB} MB or first paint over {MAX_FIRST_PAINT_MS} ms"
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
