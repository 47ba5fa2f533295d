"""Fusion across articles: a report whose date is known only to within a week links no
other article's report (``FusionSettings.link_span_days``), so it cannot join two days'
incidents in one town into one event; within its own article it still fuses."""

from __future__ import annotations

from dataclasses import replace

from crosscheck_fixtures import TAFAS, article, event
from crosswire.crosscheck.fusion import FusionSettings
from crosswire.model import Article, Event
from test_fuse import _fuser, fuse

TUESDAY = "Shells fired at Tafas killed four people on Tuesday, a medic said."
FRIDAY = "Shells fired at Tafas killed two people on Friday, a medic said."
# A figure over a period: a hospital's count "between the 1st and the 6th".
WEEK = "Between March 1 and March 6 the Tafas hospital received nine dead, it said."
SHELLING = {"sub_event_type": "Shelling/artillery/missile attack",
            "event_type": "Explosions/Remote violence"}  # fmt: skip


def _week_report(art: Article, text: str) -> Event:
    """A report whose stated date is a six-day range."""
    report = event(art, text, day="2026-03-01", **SHELLING)  # type: ignore[arg-type]
    return replace(report, date_end="2026-03-06", date_precision="week", date_text="Between")


def _reports() -> list[tuple[Article, list[Event]]]:
    tue = article("tue", TUESDAY, outlet="Tue", published="2026-03-03")
    fri = article("fri", FRIDAY, outlet="Fri", published="2026-03-06")
    week = article("week", WEEK, outlet="Week", published="2026-03-07")
    return [
        (tue, [event(tue, TUESDAY, day="2026-03-03", **SHELLING)]),  # type: ignore[arg-type]
        (fri, [event(fri, FRIDAY, day="2026-03-06", **SHELLING)]),  # type: ignore[arg-type]
        (week, [_week_report(week, WEEK)]),
    ]


def test_a_report_known_only_to_within_a_week_links_no_other_articles_report() -> None:
    fused = fuse(_reports())
    assert sorted(len({s.article for s in e.sources}) for e in fused) == [1, 1, 1]
    # Before the gate, the week's report fitted either day and joined one of them.
    loose = fuse(_reports(), link_span_days=31)
    assert sorted(len({s.article for s in e.sources}) for e in loose) == [1, 2]


def test_the_gate_names_the_wider_window_whichever_side_it_is_on() -> None:
    fuser = _fuser(_reports())
    tue, _fri, week = fuser.reports
    assert not fuser._dates_fit(tue, week)
    assert not fuser._dates_fit(week, tue)
    wide = _fuser(_reports())
    wide.settings = FusionSettings(link_span_days=6)
    assert wide._dates_fit(tue, wide.reports[2])


def test_an_undated_report_still_links_to_a_day_before_its_publication() -> None:
    # An undated report spans its article's day and the two before (recent_days): 3 days.
    tue = article("tue", TUESDAY, outlet="Tue", published="2026-03-03")
    text = "Shells fired at Tafas killed four people, a medic said."
    late = article("late", text, outlet="Late", published="2026-03-04")
    reports = [
        (tue, [event(tue, TUESDAY, day="2026-03-03", **SHELLING)]),  # type: ignore[arg-type]
        (late, [event(late, text, day=None, **SHELLING)]),  # type: ignore[arg-type]
    ]
    (fused,) = fuse(reports)
    assert fused.source_count == 2


def test_a_wide_report_still_fuses_within_its_own_article() -> None:
    week = article("week", WEEK + " " + WEEK.replace("nine", "ten"), outlet="Week",
                   published="2026-03-07")  # fmt: skip
    first = _week_report(week, WEEK)
    second = replace(_week_report(week, WEEK.replace("nine", "ten")), place=TAFAS.id)
    (fused,) = fuse([(week, [first, second])])
    assert len(fused.sources) == 2


def test_blocking_leaves_a_wide_report_to_its_own_article() -> None:
    fuser = _fuser(_reports())
    pairs = set(fuser.candidate_pairs())
    assert (0, 2) not in pairs and (1, 2) not in pairs
    wide = _fuser(_reports())
    wide.settings = FusionSettings(link_span_days=31)
    assert (0, 2) in set(wide.candidate_pairs()) or (1, 2) in set(wide.candidate_pairs())


def _undated_late(published: str, *, background: bool = False) -> list[tuple[Article, list[Event]]]:
    """A stated Tuesday report and another article's undated report of Tafas shelling."""
    tue = article("tue", TUESDAY, outlet="Tue", published="2026-03-03")
    text = "Shells fired at Tafas killed four people, a medic said."
    late = article("late", text, outlet="Late", published=published)
    undated = replace(event(late, text, day=None, **SHELLING), background=background)  # type: ignore[arg-type]
    return [(tue, [event(tue, TUESDAY, day="2026-03-03", **SHELLING)]), (late, [undated])]  # type: ignore[arg-type]


def test_an_undated_report_meets_no_stated_day_two_days_before_its_publication() -> None:
    # Told undated two days after: a later incident of the town, not Tuesday's.
    assert sorted(e.source_count for e in fuse(_undated_late("2026-03-05"))) == [1, 1]
    # A passing mention names an incident of any earlier day undated.
    (fused,) = fuse(_undated_late("2026-03-05", background=True))
    assert len({s.article for s in (*fused.sources, *fused.mentions)}) == 2
