"""Fusion as record linkage: the scored comparison of two articles' reports, and splitting."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from crosscheck_fixtures import DARAA_PROVINCE, TAFAS, article, event
from crosswire.crosscheck import linkage
from crosswire.crosscheck.fusion import Report, split_long
from test_fuse import CLASH, WHOLE, clash_reports, fuse

WEEK = "Fighting in Tafas killed 12 people early in March, residents said."


def _side(evt, place, dates, *, dated: bool = True) -> linkage.Side:  # type: ignore[no-untyped-def]
    return linkage.Side(event=evt, place=place, dated=dated, dates=dates)


def test_agreeing_fields_score_higher_than_a_province_and_a_month() -> None:
    a, b = article("a", CLASH, outlet="A"), article("b", CLASH, outlet="B")
    day = float(date(2026, 3, 3).toordinal())
    left = event(a, WHOLE, fatalities=12)
    right = event(b, WHOLE, fatalities=12)
    close = linkage.features(_side(left, TAFAS, (day, day)), _side(right, TAFAS, (day, day)), 2)
    assert close["same_place"] == close["same_dates"] == close["same_toll"] == 1.0
    vague = linkage.features(
        _side(left, TAFAS, (day, day)), _side(right, DARAA_PROVINCE, (day - 2, day + 28)), 0
    )
    assert vague["coarse_place"] == 1.0 and vague["date_width"] > 3
    assert linkage.match_probability(close) > 0.5 > linkage.match_probability(vague)


def test_a_low_scoring_pair_of_articles_is_not_linked_but_passes_the_gates() -> None:
    (clash_art, clash), *_ = clash_reports(1)
    other = article("m", WEEK, outlet="M", published="2026-03-08")
    vague = replace(
        event(other, WEEK, place=DARAA_PROVINCE, actor1=None, actor2=None),
        date_start="2026-03-01",
        date_end="2026-03-07",
        date_text="early in March",
        date_precision="week",
        confidence=0.01,
    )
    reports = [(clash_art, clash), (other, [vague])]
    assert len(fuse(reports)) == 2  # the default threshold keeps them apart
    # The week-wide window is also stopped by the window gate (link_span_days);
    # widened, the other gates alone would join them.
    assert len(fuse(reports, min_match=0.0)) == 2
    assert len(fuse(reports, min_match=0.0, link_span_days=31)) == 1


def test_a_scored_pair_of_close_accounts_is_linked() -> None:
    (fused,) = fuse(clash_reports(3, fatalities=12))
    assert fused.source_count == 3


def _report(day: str, start: str, end: str) -> Report:
    art = article(day, CLASH, outlet=day)
    low, high = (float(date.fromisoformat(d).toordinal()) for d in (start, end))
    report = event(art, WHOLE, day=start)
    return Report(event=report, article=art.id, source=art.id, order=(day, art.id),
                  start=low, end=high, place=TAFAS, dated=True)  # fmt: skip


def test_reports_dated_more_than_a_week_apart_are_split_even_within_a_month() -> None:
    cluster = [
        _report("a", "2026-03-01", "2026-03-01"),
        _report("b", "2026-03-02", "2026-03-02"),
        _report("c", "2026-03-12", "2026-03-12"),
    ]
    assert [len(part) for part in split_long(cluster, 31)] == [3]
    assert [len(part) for part in split_long(cluster, 31, split_days=7)] == [2, 1]
