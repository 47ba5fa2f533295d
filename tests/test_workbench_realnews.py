"""The workbench in Chromium over a store of real news (FA-KES, from ../shared/eval).

Issue 9 asks for the page's filters, search, event detail and pagination to be
checked on a store of a few hundred real articles, not only on the team's fixtures.
The articles are read from ../shared/eval (never committed); without them the test
skips with a message.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from browser import browser, offline_page  # noqa: F401  # browser is a fixture
from crosswire.api import run_corpus
from crosswire.config import load_settings
from crosswire.render import leafletmap
from crosswire.server.app import create_app
from crosswire.server.guard import local_server

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
import fakes_data  # bench/ is put on the path just above

ARTICLES = 200  # a few hundred real articles, kept small for the suite's time

pytestmark = [
    pytest.mark.eval,
    pytest.mark.skipif(
        not fakes_data.available(), reason=f"FA-KES not found at {fakes_data.FAKES_CSV}"
    ),
]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("realnews")
    source = fakes_data.write_jsonl(fakes_data.load("all")[:ARTICLES], folder / "news.jsonl")
    settings = load_settings(None, {"store.path": str(folder / "crosswire.duckdb")})
    run_corpus([source], settings=settings)
    with local_server(create_app(settings)) as base:
        yield base


def _first_row(page: Any) -> str:
    return str(page.locator("#wb-events tbody tr").first.text_content())


def test_workbench_on_real_news(browser: Any, server: str) -> None:  # noqa: F811
    page = offline_page(browser)
    page.goto(f"{server}/workbench")
    rows = page.locator("#wb-events tbody tr")
    rows.first.wait_for()
    # Pagination: a store of this size has several pages; Next shows other events.
    assert str(page.locator("#wb-page").text_content()).startswith("page 1 of ")
    assert not page.is_disabled("#wb-next")
    first = _first_row(page)
    page.click("#wb-next")
    page.wait_for_function("document.getElementById('wb-page').textContent.startsWith('page 2 ')")
    assert _first_row(page) != first
    # A filter narrows the list to one event type.
    page.select_option("select[name=event_type]", "Explosions/Remote violence")
    page.click("#wb-form button[type=submit]")
    page.wait_for_function(
        "[...document.querySelectorAll('#wb-events tbody tr')].every("
        "r => r.textContent.includes('Explosions/Remote violence'))"
    )
    # An event's detail: its evidence, then the passage highlighted in the article.
    rows.first.click()
    page.locator("#wb-detail blockquote").first.wait_for()
    page.locator("#wb-detail button.to-text").first.click()
    hit = page.locator("#wb-hit")
    hit.wait_for()
    assert hit.text_content() == page.locator("#wb-detail blockquote").first.text_content()
    # Full-text search over the articles.
    page.fill("#wb-search input", "Aleppo")
    page.click("#wb-search button")
    page.locator("#wb-results li").first.wait_for()
    assert page.locator("#wb-results li").count() > 1
    if leafletmap.available():  # the borders come with the npm map assets
        page.wait_for_selector("#wb-map[data-points]")
        assert int(page.get_attribute("#wb-map", "data-borders")) > 200
    assert all(
        u.startswith(server) or u.startswith(("data:", "about:")) for u in page.outside_requests
    )
