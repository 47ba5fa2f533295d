"""Every sample-corpus gold figure in one run: places, actors, dates, figures, fused
events, source counts and claim statuses, with the misses listed.

    .venv/bin/python bench/sample_gold.py [--misses N]
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
        run.places(), run.actors(), run.dates(), run.figures(),
        run.events(), run.source_counts(), run.claims(), run.stories(),
    )  # fmt: skip
    for score in scores:
        print(score)
        for miss in score.misses[: args.misses]:
            print(f"    {miss}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
