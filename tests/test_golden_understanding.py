"""Quality gate: places, actors, dates and figures on the sample corpus gold.

Floors from the issue: at least 95% of gold places resolved within 25 km, at
least 95% of actor mentions linked to the right canonical actor, and every date
and figure right. ``bench/sample_gold.py`` prints the same figures with misses.
"""

from __future__ import annotations

from functools import cache

import pytest

from crosswire.api import run_corpus
from crosswire.config import load_settings
from goldscore.golden import GoldRun, Score

pytestmark = pytest.mark.slow

UNDERSTANDING = [
    "ingest", "extract", "split", "clean", "metadata", "language",
    "parse", "actors", "places", "actor_countries", "dates", "figures", "quotes",
]  # fmt: skip


@cache
def gold_run() -> GoldRun:
    settings = load_settings(overrides={"pipeline.stages": UNDERSTANDING})
    return GoldRun(run_corpus(None, settings=settings, db=":memory:"))


def check(score: Score, floor: float) -> None:
    assert score.ratio >= floor, f"{score} below {floor:.0%}; misses:\n" + "\n".join(score.misses)


def test_places_resolved_within_25_km() -> None:
    check(gold_run().places(), 0.95)


def test_actor_mentions_linked_to_the_right_actor() -> None:
    check(gold_run().actors(), 0.95)


def test_every_date_right() -> None:
    check(gold_run().dates(), 1.0)


def test_every_figure_right() -> None:
    check(gold_run().figures(), 1.0)
