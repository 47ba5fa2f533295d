"""The main-event date bench's own arithmetic (``bench/realnews_evdates.py``): each miss
carries its class by the annotated date against the article's own, and a fold's figure
counts a miss of a dated event against precision, an undated one against recall only."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from crosswire.model import Event

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
import realnews_evdates  # bench/ is put on the path just above

PUBLISHED = "2026-03-04"


def dated(day: str) -> Event:
    return Event(event_type="Battles", sub_event_type="Armed clash", date_start=day, date_end=day)


def test_a_miss_is_classed_by_the_gold_against_the_article_date() -> None:
    event = dated("2026-03-02")
    cases = {
        "2026-03-04": "report_day",
        "2026-03-05": "gold_day_after",
        "2026-03-09": "gold_after_article",
        "2026-02-28": "gold_days_before",
        "2026-02-20": "gold_weeks_before",
    }
    for gold, kind in cases.items():
        assert realnews_evdates.miss_class(date.fromisoformat(gold), event, PUBLISHED) == kind
    assert realnews_evdates.miss_class(date(2026, 3, 4), event, None) == "no_publication_date"
    assert realnews_evdates.miss_class(date(2026, 3, 4), None, PUBLISHED) == "no_main_event"


def test_a_fold_figure_counts_undated_events_against_recall_only() -> None:
    gold = date(2026, 3, 4)
    pairs = [
        (gold, dated("2026-03-04")),  # exact
        (gold, dated("2026-03-03")),  # within a day
        (gold, dated("2026-02-27")),  # a week off: a miss that costs precision
        (gold, None),  # no main event: costs recall only
    ]
    assert realnews_evdates.fold_figure(pairs) == "50.0% (P 66.7%)"
