"""Article-extraction benchmark: crosswire's HTML path against trafilatura.

Scores, in one run over the pages in ``../shared/eval/extraction/`` (beside the
repository root): crosswire's extractor followed by the ``clean`` stage (what a
user gets), the extractor alone, ``trafilatura.extract(html)`` and
``trafilatura.extract(html, favor_precision=True)``. The metric is the shingle
metric in ``goldscore.extraction``. The gold is the article body without its
headline, so crosswire is scored on its body: the cleaned text after the
headline paragraph that ``stages.clean.headline = "keep"`` puts on top
(``crosswire.clean.headline.body_text``); the headline itself is not scored.
Speed is pages per CPU second of this single process, so other work on a shared
machine does not skew the comparison.

    .venv/bin/python bench/extraction.py [--data DIR] [--worst N]

Without the data it says so and exits 0. Nothing from the data is written anywhere.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import trafilatura

from crosswire.clean.headline import body_text
from crosswire.clean.html import extract_html
from crosswire.config import default_config_dict
from crosswire.model import Article, Corpus
from crosswire.registry import StageContext, get
from goldscore.extraction import ExtractionScore, ShingleMatch, aggregate, shingle_match

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO_ROOT.parent / "shared" / "eval" / "extraction"


@dataclass(frozen=True)
class Page:
    id: str
    html: str
    url: str
    body: str  # the reference article body


@dataclass(frozen=True)
class Result:
    name: str
    score: ExtractionScore
    pages_per_second: float
    matches: dict[str, ShingleMatch]


def load_pages(data: Path) -> list[Page]:
    truth = json.loads((data / "ground-truth.json").read_text("utf-8"))
    pages = []
    for page_id in sorted(truth):
        raw = gzip.decompress((data / "html" / f"{page_id}.html.gz").read_bytes())
        record = truth[page_id]
        pages.append(
            Page(
                id=page_id,
                html=raw.decode("utf-8", "replace"),
                url=record.get("url", ""),
                body=record.get("articleBody", ""),
            )
        )
    return pages


def crosswire_with_clean() -> Callable[[str], str]:
    """The extractor, then the registered ``clean`` stage with its shipped options."""
    options = default_config_dict().get("stages", {}).get("clean", {})
    clean = get("clean").factory(**options)
    context = StageContext(options=options)

    def run(html: str) -> str:
        page = extract_html(html)
        article = Article(
            input_sha256="bench", position="0", source="bench", format="html",
            text=page.text, title=page.title, outlet=page.site_name, url=page.url,
        )  # fmt: skip
        cleaned = clean(Corpus(articles=(article,)), context)
        # The gold has no headline: score the body under the kept headline paragraph.
        return body_text(cleaned.articles[0]) if cleaned.articles else ""

    return run


def score(name: str, extract: Callable[[str], str], pages: list[Page]) -> Result:
    outputs = {}
    start = time.process_time()
    for page in pages:
        outputs[page.id] = extract(page.html) or ""
    elapsed = time.process_time() - start
    matches = {page.id: shingle_match(page.body, outputs[page.id]) for page in pages}
    return Result(
        name=name,
        score=aggregate(matches.values()),
        pages_per_second=len(pages) / elapsed if elapsed else float("inf"),
        matches=matches,
    )


def page_f1(match: ShingleMatch) -> float:
    precision, recall = match.precision or 0.0, match.recall or 0.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the extraction set")
    parser.add_argument("--worst", type=int, default=0, help="list crosswire's N worst pages")
    args = parser.parse_args(argv)

    if not (args.data / "ground-truth.json").is_file():
        print(
            f"skipped: no extraction benchmark data at {args.data} (see ../shared/eval/README.md)"
        )
        return 0
    pages = load_pages(args.data)
    systems: list[tuple[str, Callable[[str], str]]] = [
        ("crosswire (extract + clean)", crosswire_with_clean()),
        ("crosswire extractor alone", lambda html: extract_html(html).text),
        ("trafilatura default", lambda html: trafilatura.extract(html) or ""),
        (
            "trafilatura favor_precision",
            lambda html: trafilatura.extract(html, favor_precision=True) or "",
        ),
    ]
    results = [score(name, extract, pages) for name, extract in systems]

    print(f"{len(pages)} pages from {args.data}")
    print(f"{'system':<30} {'F1':>6} {'P':>6} {'R':>6} {'pages/s':>8}")
    for result in results:
        s = result.score
        print(
            f"{result.name:<30} {s.f1:>6.3f} {s.precision:>6.3f} {s.recall:>6.3f} "
            f"{result.pages_per_second:>8.1f}"
        )
    if args.worst:
        ours = results[0]
        url_of = {page.id: page.url for page in pages}
        print(f"\n{ours.name}: worst {args.worst} pages (P / R)")
        ranked = sorted(ours.matches.items(), key=lambda item: page_f1(item[1]))
        for page_id, match in ranked[: args.worst]:
            print(
                f"  {page_id[:12]}  {match.precision or 0:.2f} / {match.recall or 0:.2f}  "
                f"{url_of[page_id]}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
