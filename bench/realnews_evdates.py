"""The main event's date on FA-KES, scored against the annotated incident date.

FA-KES's ``date`` column is the incident's date (publication dates are audited
by ``bench/realnews_dates.py``). The main event (``bench/realnews.py``) carries
``date_start``/``date_end`` and a precision. Its date is **right** when

- the range is narrow enough to date an incident: at most ``MAX_SPAN_DAYS``
  days from start to end (a day, a "late Tuesday-Wednesday" pair or a
  "last week"), and
- the annotated incident date lies inside the range or within ``SLACK_DAYS``
  (1) day of either end: the crowd's date is often a day off, and an article
  dated on the day after a night strike is not wrong about it.

A month- or year-wide date that contains the incident is *not* right: it does
not date an incident. It is counted beside, as "coarse".

Printed: precision (of the articles whose main event has a date, the share
right) and recall (right over every article, with or without a main event),
and the exact-containment figures (no slack) beside them; then how many main
events were dated from a date expression of the text (``date_text``) and how
many of those are right, and how many misses carry a gold date more than a day
after the article's own date (no reading of the text reaches those: the crowd's
date is a month or a year off), and how many carry the article's own date as the
gold while the main event is dated more than a day before it: most of those are
the crowd taking the report's day for the incident's ("killed on Sunday" in a
Tuesday article), so the figure is a floor. A third line counts the articles whose
gold is their own publication date and, of those, the ones whose main event the text
dates earlier: the size of that habit (most of them right only by the slack). Read
misses with ``--date-errors N`` on the tune half: each carries its class (``miss_class``),
counted per parity fold, so that a rule is seen to have instances on both folds before it
is tried (``bench/audits/date_misses_tune_s29.csv``: at main, 57 of the 62 misses lie
where no reading of the text reaches, the other five are the report-day habit).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

import fakes_data
from crosswire.model import Event

MAX_SPAN_DAYS = 7
SLACK_DAYS = 1


@dataclass
class DateScore:
    articles: int = 0
    dated: int = 0  # main events with a date
    right: int = 0  # within SLACK_DAYS of a narrow range
    exact: int = 0  # gold inside a narrow range, no slack
    coarse: int = 0  # a range wider than MAX_SPAN_DAYS
    stated: int = 0  # dated from a date expression of the text (date_text)
    stated_right: int = 0
    after_article: int = 0  # misses whose gold date lies over a day after the article's
    gold_is_article: int = 0  # misses whose gold is the article's own date, the event earlier
    on_article: int = 0  # articles whose gold is their own publication date
    on_article_earlier: int = 0  # those whose main event the text dates before that day
    verdicts: Counter[str] = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)  # tune-half error lines
    classes: Counter[tuple[str, int]] = field(default_factory=Counter)  # (miss class, fold)


def event_range(event: Event | None) -> tuple[date, date] | None:
    if event is None or not event.date_start:
        return None
    start = _day(event.date_start, first=True)
    end = _day(event.date_end or event.date_start, first=False)
    return (start, end) if start and end else None


def _day(text: str, first: bool) -> date | None:
    parts = text.split("-")
    try:
        numbers = [int(p) for p in parts]
    except ValueError:
        return None
    if len(numbers) == 3:
        return date(*numbers)
    if len(numbers) == 2:
        year, month = numbers
        return date(year, month, 1) if first else _month_last(year, month)
    if len(numbers) == 1:
        return date(numbers[0], 1, 1) if first else date(numbers[0], 12, 31)
    return None


def _month_last(year: int, month: int) -> date:
    following = date(year + month // 12, month % 12 + 1, 1)
    return following - timedelta(days=1)


def verdict(event: Event | None, gold: date) -> str:
    """``none``, ``coarse``, ``exact`` (gold inside), ``near`` (within the slack),
    ``early`` or ``late`` (the range lies before or after the incident)."""
    found = event_range(event)
    if found is None:
        return "none"
    start, end = found
    if (end - start).days + 1 > MAX_SPAN_DAYS:
        return "coarse"
    if start <= gold <= end:
        return "exact"
    slack = timedelta(days=SLACK_DAYS)
    if start - slack <= gold <= end + slack:
        return "near"
    return "late" if start > gold else "early"


def score_article(
    total: DateScore,
    article: fakes_data.FakesArticle,
    main: Event | None,
    published: str | None = None,
) -> str:
    total.articles += 1
    said = verdict(main, article.incident_date)
    if article.incident_date.isoformat() == published:
        total.on_article += 1
        found = event_range(main)
        total.on_article_earlier += found is not None and found[1] < article.incident_date
    total.verdicts[said] += 1
    if said not in ("exact", "near"):
        kind = miss_class(article.incident_date, main, published)
        total.classes[kind, _fold(article.unit_id)] += 1
        total.misses.append(f"{_miss(article, main, published, said)} [{kind}]")
        total.after_article += _after(article.incident_date, published)
        total.gold_is_article += said == "early" and article.incident_date.isoformat() == published
    if said == "none":
        return said
    total.dated += 1
    total.right += said in ("exact", "near")
    total.exact += said == "exact"
    total.coarse += said == "coarse"
    if main is not None and main.date_text:
        total.stated += 1
        total.stated_right += said in ("exact", "near")
    return said


def _fold(unit_id: str) -> int:
    return int(unit_id) % 2 if unit_id.isdigit() else 0


# How far, in days, the annotated date may lie before the article's own before no event
# of the article plausibly reaches it ("last week" is the widest narrow range read).
WEEKS_BEFORE = 7


def miss_class(gold: date, main: Event | None, published: str | None) -> str:
    """Where a main event's date misses, by the annotated date against the article's own:
    ``no_main_event``; ``no_publication_date`` (a weekday cannot be resolved);
    ``gold_after_article`` (over a day after it: a crowd slip, unreachable);
    ``gold_weeks_before``; ``report_day`` (the annotation is the article's day and the
    event is dated earlier: mostly the text's own day, the crowd taking the report's);
    ``gold_day_after``; ``gold_days_before`` (two days to a week before)."""
    if main is None:
        return "no_main_event"
    if not published or len(published) != 10:
        return "no_publication_date"
    days = (gold - date.fromisoformat(published)).days
    if days > SLACK_DAYS:
        return "gold_after_article"
    if days < -WEEKS_BEFORE:
        return "gold_weeks_before"
    return {0: "report_day", 1: "gold_day_after"}.get(days, "gold_days_before")


def fold_figure(pairs: list[tuple[date, Event | None]]) -> str:
    """The date (+-1 day) recall and precision of (gold, main event) pairs: one fold's."""
    said = [verdict(main, gold) for gold, main in pairs]
    right = sum(v in ("exact", "near") for v in said)
    dated = sum(v != "none" for v in said)
    return f"{_share(right, len(said)):.1%} (P {_share(right, dated):.1%})"


def _after(gold: date, published: str | None) -> bool:
    """Whether the annotated incident date lies more than the slack after the article's
    own date: no reading of the text can reach it (a crowd slip of a month or a year)."""
    if not published or len(published) != 10:
        return False
    return gold > date.fromisoformat(published) + timedelta(days=SLACK_DAYS)


def _miss(
    article: fakes_data.FakesArticle, main: Event | None, published: str | None, said: str
) -> str:
    head = f"- {article.unit_id} {said}: gold {article.incident_date} published {published}"
    if main is None:
        return head + " | no main event"
    sentence = main.sources[0].text[:220] if main.sources else ""
    return (
        f"{head} | event {main.date_start}..{main.date_end} ({main.date_precision})"
        f" from {main.date_text!r}\n    {sentence}"
    )


def _share(hits: int, of: int) -> float:
    return hits / of if of else 0.0


def report(total: DateScore) -> dict[str, float]:
    recall = _share(total.right, total.articles)
    precision = _share(total.right, total.dated)
    print(
        f"  main event date (+-{SLACK_DAYS} day)  recall {recall:6.1%}"
        f"  precision {precision:6.1%}  ({total.right}/{total.dated} dated,"
        f" {total.articles} articles)"
    )
    print(
        f"  main event date exact     recall {_share(total.exact, total.articles):6.1%}"
        f"  precision {_share(total.exact, total.dated):6.1%}  ({total.exact});"
        f" coarse (> {MAX_SPAN_DAYS} days) {total.coarse};"
        f" read from the text {total.stated_right}/{total.stated};"
        f" misses with the gold after the article's date {total.after_article},"
        f" with the gold on the article's date and the event earlier {total.gold_is_article}"
    )
    print(
        f"  gold on the article's own date {total.on_article}/{total.articles};"
        f" of those, main event dated earlier by the text {total.on_article_earlier}"
        " (the crowd's date is the report's day: right only within the slack)"
    )
    return {
        "date": recall,
        "date_precision": precision,
        "date_exact": _share(total.exact, total.articles),
    }


def print_misses(total: DateScore, limit: int) -> None:
    print("\nmain event date verdicts:", dict(total.verdicts.most_common()))
    for kind in sorted({kind for kind, _ in total.classes}):
        zero, one = total.classes[kind, 0], total.classes[kind, 1]
        print(f"  {kind:<20} fold 0 {zero:3d}  fold 1 {one:3d}")
    for line in total.misses[:limit]:
        print(line)
