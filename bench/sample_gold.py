"""Every sample-corpus gold figure in one run: places, actors, dates, figures, fused
events, source counts and claim statuses, with the misses listed.

    .venv/bin/python bench/sample_gold.py [--misses N]

Exits 1 when a figure is under its floor: the floors of the gold tests
(tests/test_golden_understanding.py, tests/test_crosscheck_gold.py).
"""

from __future__ import annotations

import argparse
import sys

from crosswire.api import run_corpus
from crosswire.config import load_settings
from goldscore.crosscheck import CrosscheckGold


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", type=int, default=10, help="misses to list per figure")
    args = parser.parse_args()
    run = CrosscheckGold(run_corpus(None, settings=load_settings(), db=":memory:"))
    scores = (
        (run.places(), 0.95), (run.actors(), 0.95), (run.dates(), 1.0), (run.figures(), 1.0),
        (run.events(), 1.0), (run.source_counts(), 1.0), (run.claims(), 1.0),
        (run.stories(), 1.0),
    )  # fmt: skip
    failed = 0
    for score, floor in scores:
        below = score.ratio < floor
        failed += below
        print(f"{score}{f'  BELOW FLOOR {floor:.0%}' if below else ''}")
        for miss in score.misses[: args.misses]:
            print(f"    {miss}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
