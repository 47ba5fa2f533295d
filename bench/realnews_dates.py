"""Publication dates on a FA-KES half, measured automatically and by a hand audit.

    PYTHONPATH=src .venv/bin/python bench/realnews_dates.py [--half check|tune|all]
        [--audit bench/audits/fakes_dates_check.csv] [--list all|misses|spot|none]
        [--no-floors]

Only the document stages up to ``metadata`` run (ingest, extract, split, clean,
metadata), over the same JSON-lines input as ``bench/realnews_corpus.py``
(news-please ``title``, ``maintext``, ``source_domain``, **no date field**).

FA-KES annotates the *incident's* date, not the publication's, so the automatic
measure counts a date right when it has day precision and lies 0 to 2 days after
the annotated incident date. The crowd's incident date is often off, so the
automatic measure cannot reach the truth. ``--audit FILE`` reads a hand audit
(CSV: ``unit_id, verdict, note``; verdict ``right``, ``wrong`` or
``no_date_in_text``) holding a verdict for every article the automatic measure
calls wrong and for every 10th article it calls right (a spot check, in the
order listed here). *Right* means crosswire's date equals the publication date
the article itself prints (dateline, "Published", "Updated"), or, when it prints
none, a date the text makes plain. ``no_date_in_text`` is for an article that
prints no publication date and makes none plain; it counts right only when
crosswire gives no date at all (an estimate the text does not bear out counts wrong).

    audited share = (auto-right - spot-check errors scaled to all auto-right
                     + audited-right among auto-wrong) / all

Exits non-zero when the audit is incomplete or the audited share is below
``FLOOR`` (check half). The audit file holds ids and short notes only, never
article text.
"""

from __future__ import annotations

import argparse
import csv
import sys
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import fakes_data
from crosswire.api import run_corpus
from crosswire.config import load_settings
from crosswire.model import Article
from splits import add_half_argument

FLOOR = 0.95
STAGES = ["ingest", "extract", "split", "clean", "metadata"]
SPOT_EVERY = 10  # every 10th auto-right article is spot-checked
VERDICTS = ("right", "wrong", "no_date_in_text")
HEAD_CHARS = 200


@dataclass(frozen=True, slots=True)
class Row:
    unit_id: str
    published: str | None
    precision: str | None
    origin: str
    evidence: str
    incident: date
    head: str
    auto_right: bool


def read_half(half: str) -> list[Row]:
    """Run the document stages up to ``metadata`` over one half; a row per article."""
    articles = fakes_data.load(half)
    settings = load_settings()
    settings = settings.model_copy(
        update={"pipeline": settings.pipeline.model_copy(update={"stages": STAGES})}
    )
    with tempfile.TemporaryDirectory() as folder:
        path = fakes_data.write_jsonl(articles, Path(folder) / "fakes.jsonl")
        corpus = run_corpus([path], settings=settings, db=":memory:")
    rows = [_row(a, articles[int(a.position.split(".")[0])]) for a in corpus.articles]
    return sorted(rows, key=lambda r: int(r.unit_id))


def _row(article: Article, gold: fakes_data.FakesArticle) -> Row:
    origin = next((o for o in article.origins if o.field == "published"), None)
    lag = _lag(article.published, article.published_precision, gold.incident_date)
    return Row(
        unit_id=gold.unit_id,
        published=article.published,
        precision=article.published_precision,
        origin=origin.origin if origin else "none",
        evidence=origin.evidence if origin else "",
        incident=gold.incident_date,
        head=" ".join(gold.text.split())[:HEAD_CHARS],
        auto_right=lag is not None and 0 <= lag <= 2,
    )


def _lag(published: str | None, precision: str | None, incident: date) -> int | None:
    if not published or precision != "day":
        return None
    return (date.fromisoformat(published[:10]) - incident).days


def spot_ids(rows: list[Row]) -> set[str]:
    """Every 10th auto-right article, in unit-id order (the 1st, 11th, 21st ...)."""
    right = [r.unit_id for r in rows if r.auto_right]
    return set(right[::SPOT_EVERY])


def print_rows(rows: list[Row], which: str) -> None:
    spots = spot_ids(rows)
    for row in rows:
        if which == "misses" and row.auto_right:
            continue
        if which == "spot" and row.unit_id not in spots:
            continue
        mark = "auto-right" if row.auto_right else "AUTO-WRONG"
        if row.unit_id in spots:
            mark += " (spot)"
        print(f"{row.unit_id} {mark}: published {row.published} ({row.precision}, "
              f"{row.origin} {row.evidence[:60]!r}); incident {row.incident}")  # fmt: skip
        print(f"    {row.head!r}")


def read_audit(path: Path) -> dict[str, tuple[str, str]]:
    audit: dict[str, tuple[str, str]] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for record in csv.DictReader(handle):
            verdict = record["verdict"].strip()
            if verdict not in VERDICTS:
                raise SystemExit(f"{path}: unit {record['unit_id']}: bad verdict {verdict!r}")
            audit[record["unit_id"].strip()] = (verdict, record.get("note", "").strip())
    return audit


def _counts_right(verdict: str, row: Row) -> bool:
    if verdict == "no_date_in_text":
        return row.published is None
    return verdict == "right"


def score_audit(rows: list[Row], audit: dict[str, tuple[str, str]]) -> float | None:
    """The audited share with its arithmetic printed; None when the audit is incomplete."""
    spots = spot_ids(rows)
    wrong = [r for r in rows if not r.auto_right]
    needed = {r.unit_id for r in wrong} | spots
    missing = sorted(needed - audit.keys(), key=int)
    if missing:
        print(f"audit incomplete: no verdict for {len(missing)} units: {missing[:20]}")
        return None
    by_id = {r.unit_id: r for r in rows}
    total, auto_right = len(rows), len(rows) - len(wrong)
    spot_errors = [u for u in spots if not _counts_right(audit[u][0], by_id[u])]
    rescued = [r for r in wrong if _counts_right(audit[r.unit_id][0], r)]
    scaled = len(spot_errors) * auto_right / len(spots) if spots else 0.0
    share = (auto_right - scaled + len(rescued)) / total
    print(f"spot check of auto-right: {len(spots)} read, {len(spot_errors)} wrong "
          f"{sorted(spot_errors, key=int)}")  # fmt: skip
    print(f"auto-wrong read: {len(wrong)}, of which right by the article's own date: "
          f"{len(rescued)}")  # fmt: skip
    print(f"audited share = ({auto_right} - {len(spot_errors)} x {auto_right}/{len(spots)} "
          f"+ {len(rescued)}) / {total} = {auto_right - scaled + len(rescued):.1f}/{total} "
          f"= {share:.1%}")  # fmt: skip
    abstained = sum(audit[r.unit_id][0] == "no_date_in_text" for r in rescued)
    strict = (auto_right - scaled + len(rescued) - abstained) / total
    print(f"counting the {abstained} undated articles crosswire rightly left undated as misses: "
          f"{strict:.1%}")  # fmt: skip
    classes: dict[str, int] = {}
    for unit in needed:
        verdict = audit[unit][0]
        if not _counts_right(verdict, by_id[unit]):
            classes[verdict] = classes.get(verdict, 0) + 1
    print(f"true errors by verdict: {classes}")
    for unit in sorted(needed, key=int):
        if not _counts_right(audit[unit][0], by_id[unit]):
            print(f"    {unit}: {audit[unit][0]}: {audit[unit][1]}")
    return share


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_half_argument(parser)
    parser.add_argument("--audit", type=Path, help="hand-audit CSV (unit_id, verdict, note)")
    parser.add_argument(
        "--list", choices=["all", "misses", "spot", "none"], default="none", help="rows to print"
    )
    parser.add_argument("--no-floors", action="store_true", help="never fail")
    args = parser.parse_args()
    if not fakes_data.available():
        print(f"skipped: {fakes_data.FAKES_CSV} is absent")
        return 0
    rows = read_half(args.half)
    if args.list != "none":
        print_rows(rows, args.list)
    auto = sum(r.auto_right for r in rows)
    print(f"FA-KES {args.half} half: {len(rows)} articles")
    print(f"automatic (day precision, 0-2 days after the incident): {auto}/{len(rows)} "
          f"= {auto / len(rows):.1%}")  # fmt: skip
    if args.audit is None:
        return 0
    share = score_audit(rows, read_audit(args.audit))
    if args.no_floors or args.half != "check":
        return 0
    if share is None or share < FLOOR:
        print(f"FAILED: audited share below the floor {FLOOR:.0%} or audit incomplete")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
