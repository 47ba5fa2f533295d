"""CASE 2021 task 2 through the whole pipeline: the coded event of each snippet, scored.

Run: ``PYTHONPATH=src .venv/bin/python bench/case_pipeline.py [--half tune|check|all]``
(default ``all``: nothing is tuned on CASE; halves by ``bench/splits.py``, set
name ``case``, key the snippet id).

Every snippet of ``case2021_task2_dev.tsv`` becomes one news-please JSON line
(``maintext`` only) and the lot goes through ``crosswire.api.run_corpus``, the
code path of ``crosswire run``, with the default config except that the
extract stage takes bodies from 20 characters (``min_chars``; the default, 80,
rejects the shortest snippets, which are whole reports here). The snippet's
**coded event** is the event the pipeline puts first: the happened event
(modality asserted, not background) with the highest confidence, else the
event of any modality with the highest confidence, ties to the earliest.
A snippet with no event predicts nothing (a miss). Its sub-event type is
mapped to the task's label (``ontology.case_label_of``).

Reported: weighted and macro F1 on the 25 ACLED classes (snippets whose gold is
one of them), with per-class precision beside recall and the top confusions.
Exits 1 below the floor (pinned at what it reaches).
"""

from __future__ import annotations

import argparse
import csv
import sys
import tempfile
import time
from pathlib import Path

import realnews
from events import CASE_FILE, NONE, averaged_f1, per_class, print_confusions, print_table
from splits import wanted

FLOOR_WF1_25 = 0.65
SET_NAME = "case"


def read_case(half: str) -> list[tuple[str, str, str]]:
    rows = []
    with CASE_FILE.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader)
        column = {name: n for n, name in enumerate(header)}
        for row in reader:
            if len(row) < len(header):
                continue
            key = row[column["id"]]
            if wanted(SET_NAME, key, half):
                rows.append((key, row[column["EventSnippet"]], row[column["SubType"]]))
    return rows


def coded_event(analysis):  # type: ignore[no-untyped-def]
    """The event the pipeline puts first (see the module's docstring)."""
    first = realnews.main_event(analysis)
    if first is not None or not analysis.events:
        return first
    ranked = sorted(
        analysis.events,
        key=lambda e: (-realnews.confidence(e), e.sources[0].start if e.sources else 0),
    )
    return ranked[0]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--half", choices=["tune", "check", "all"], default="all")
    args = parser.parse_args()
    if not CASE_FILE.is_file():
        print(f"skipped: {CASE_FILE} is absent")
        return 0
    from crosswire.events import ontology as on

    rows = read_case(args.half)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        config = Path(tmp) / "case.toml"
        config.write_text("[stages.extract]\nmin_chars = 20\n", encoding="utf-8")
        corpus = realnews.run_articles(
            [{"title": "", "maintext": text, "source_domain": "case"} for _k, text, _g in rows],
            config=config,
        )
    seconds = time.perf_counter() - started
    by_line = realnews.analyses_by_line(corpus)
    predicted = []
    for line in range(len(rows)):
        analysis = by_line.get(line)
        event = coded_event(analysis) if analysis else None
        predicted.append(on.case_label_of(event.sub_event_type) if event else NONE)
    gold = [g for _k, _t, g in rows]
    acled = [s.case_label for s in on.SUB_EVENT_TYPES.values()]
    subset = [n for n, g in enumerate(gold) if g in acled]
    table = per_class([gold[n] for n in subset], [predicted[n] for n in subset], acled)
    weighted, macro = averaged_f1(table)
    rejected = len(rows) - len(by_line)
    print(
        f"CASE 2021 through `crosswire run` ({args.half}): {len(rows)} snippets, "
        f"{len(subset)} with an ACLED label, {rejected} without an analysis, {seconds:.0f} s"
    )
    print(f"  coded event: weighted F1 {100 * weighted:.1f}, macro F1 {100 * macro:.1f} (25)")
    print_table(table)
    print_confusions([gold[n] for n in subset], [predicted[n] for n in subset])
    if weighted < FLOOR_WF1_25:
        print(f"FLOOR: weighted F1 {100 * weighted:.1f} < {100 * FLOOR_WF1_25:.1f}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
