"""Screenshots of the brief and the workbench, to look at them (the images are not committed).

    python scripts/screenshots.py OUT_FOLDER SHOTS_FOLDER [--db STORE]

OUT_FOLDER is what `crosswire run` wrote (brief.html, stories/ ...). Writes
overview.png, story.png, evidence.png and, with --db, workbench.png (a server
on a free local port, stopped afterwards). Chromium is Debian's, driven by Playwright.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path


def _app(db: Path) -> object:
    from crosswire.config import load_settings
    from crosswire.server.app import create_app

    return create_app(load_settings(None, {"store.path": str(db)}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("shots", type=Path)
    parser.add_argument("--db", type=Path)
    args = parser.parse_args()
    args.out = args.out.resolve()
    args.shots.mkdir(parents=True, exist_ok=True)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=["--no-sandbox"]
        )
        page = browser.new_page(viewport={"width": 1280, "height": 1000})
        page.goto((args.out / "brief.html").as_uri())
        page.wait_for_timeout(1500)
        page.screenshot(path=str(args.shots / "overview.png"))
        stories = (
            sorted((args.out / "stories").glob("story-*.html"))
            if (args.out / "stories").is_dir()
            else []
        )
        story = stories[0] if stories else args.out / "brief.html"
        # The story with the most evidence passages makes the better picture.
        if stories:
            story = max(stories[:60], key=lambda p: p.read_text("utf-8").count('class="evidence"'))
        page.goto(story.as_uri())
        page.wait_for_timeout(1500)
        page.screenshot(path=str(args.shots / "story.png"))
        anchor = re.search(r'id="(story-[^"]+-evidence)"', story.read_text("utf-8"))
        if anchor:
            page.goto(f"{story.as_uri()}#{anchor.group(1)}")
            page.locator(f"#{anchor.group(1)} a.to-text").first.click()
            page.wait_for_timeout(500)
            page.screenshot(path=str(args.shots / "evidence-in-article.png"))
            page.goto(f"{story.as_uri()}#{anchor.group(1)}")
            page.wait_for_timeout(500)
            page.screenshot(path=str(args.shots / "evidence.png"))
        if args.db:
            from crosswire.server.guard import local_server

            with local_server(_app(args.db)) as base:
                page.goto(f"{base}/workbench")
                page.locator("#wb-events tbody tr").first.wait_for(timeout=60_000)
                page.locator("#wb-events tbody tr").first.click()
                page.locator("#wb-detail blockquote").first.wait_for()
                page.locator("#wb-detail button.to-text").first.click()
                page.wait_for_timeout(1500)
                page.screenshot(path=str(args.shots / "workbench.png"))
        browser.close()
    print(f"screenshots in {args.shots}")


if __name__ == "__main__":
    main()
