"""One incident shown as several events: same-incident pairs of shown fused events.

    PYTHONPATH=src:bench .venv/bin/python bench/dup_pairs.py [--half tune] [--show N]
        [--cache FILE]

Runs the whole pipeline over a FA-KES half (``realnews_corpus.run_half``) and counts the
pairs of events crosswire shows (``handcheck_events.shown_events``) that an analyst sees as
one incident told twice: each event holds a source from an article of one annotated
same-incident group, both events' types are ones the annotated cause allows, both are placed
in the annotated governorate, and their date windows lie within a day of each other. Pairs
are counted across articles (no article in both events) and within one article.

Each pair gets the reason fusion keeps it apart: the first of fusion's tests
(``realnews_corpus.GATES``: type, date, no place, place, actors, doubtful, score) that the
two events' closest pair of reports fails, or "complete-link" when a pair passes them all.
Pairs are also counted per parity fold of the tune half (the group's first unit id odd or
even), to see that a change gains on both. The data is read in place and used only to
measure.

At cfdd678 (tune): 297 shown events, 50 same-incident pairs (5 across articles, 45 within
one), 4 look-alike pairs. Read by hand, the across and look-alike pairs are one incident
in 5 of 8: an attack with no named perpetrator beside another outlet's clash or air strike
(2), one village ("outside Deir Ezzor city") placed at two towns (1), a bus bomb typed as a
chemical attack and an air strike from neighbouring lines (1), a rebel barrage whose
perpetrator was read from the government's strikes in the same sentence (1); the other 3
are two incidents. The chemical attack of 4 April 2017 is shown up to five times on tune,
in articles the annotation dates apart: recaps in later articles ("earlier this week",
"in early April") shown as events with another line's perpetrator, and "Idlib province"
read as Idlib city in one article. Tried on tune and taken out (docs/BENCHMARKS.md, s23-dup).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

import fakes_data
from crosswire.crosscheck.fusion import Fuser, Report
from crosswire.model import Corpus, Event, Place
from handcheck_events import shown_events
from realnews_corpus import COMPLETE_LINK, GATES, Run, _gates_passed, fuser_of, run_half
from splits import add_half_argument

WITHIN_DAYS = 1  # the two events' date windows lie this close


@dataclass(frozen=True, slots=True)
class Pair:
    left: Event
    right: Event
    group: str
    across: bool  # no article holds a source of both
    reason: str
    fold: int  # parity of the group's first unit id


def _fold(units: Iterable[str]) -> int:
    """The parity fold of the lowest FA-KES unit id (0 where none is a number)."""
    first = min(units, default="")
    return int(first) % 2 if first.isdigit() else 0


def _window(event: Event) -> tuple[int, int] | None:
    if not event.date_start:
        return None
    start = date.fromisoformat(event.date_start[:10]).toordinal()
    end = date.fromisoformat((event.date_end or event.date_start)[:10]).toordinal()
    return start, max(start, end)


def _near(left: Event, right: Event) -> bool:
    a, b = _window(left), _window(right)
    return (
        a is not None
        and b is not None
        and a[0] <= b[1] + WITHIN_DAYS
        and b[0] <= a[1] + WITHIN_DAYS
    )


def _governorate(event: Event, places: dict[str, Place]) -> str | None:
    place = places.get(event.place) if event.place else None
    if place is None:
        return None
    name = place.admin1 or (place.name if place.feature == "admin1" else None)
    return fakes_data.canonical_governorate(name) if name else None


def _fits(event: Event, gold: fakes_data.FakesArticle, places: dict[str, Place]) -> bool:
    allowed = fakes_data.CAUSE_TYPES[gold.cause]
    return event.event_type in allowed and _governorate(event, places) == gold.governorate


def _reports_of(fuser: Fuser, event: Event) -> list[Report]:
    spans = {(s.article, s.start, s.end) for s in (*event.sources, *event.mentions)}
    return [
        r
        for r in fuser.reports
        if any((s.article, s.start, s.end) in spans for s in r.event.sources)
    ]


def _why(fuser: Fuser, left: Event, right: Event) -> str:
    pairs = [(x, y) for x in _reports_of(fuser, left) for y in _reports_of(fuser, right)]
    if not pairs:
        return "no report"
    reached = max(_gates_passed(fuser, x, y) for x, y in pairs)
    return GATES[reached] if reached < len(GATES) else COMPLETE_LINK


def same_incident_pairs(run: Run) -> list[Pair]:
    """The shown same-incident pairs of a run (module docstring)."""
    corpus: Corpus = run.corpus
    places = {p.id: p for p in corpus.places}
    shown = shown_events(corpus)
    fuser = fuser_of(run)
    by_group: dict[str, list[tuple[Event, set[str]]]] = {}
    for event in shown:
        for article in {s.article for s in event.sources}:
            gold = run.gold.get(article)
            if gold is not None and _fits(event, gold, places):
                by_group.setdefault(gold.group, []).append((event, {article}))
    pairs = []
    for group, held in by_group.items():
        merged: dict[str, tuple[Event, set[str]]] = {}
        for event, articles in held:
            merged.setdefault(event.id, (event, set()))[1].update(articles)
        events = list(merged.values())
        fold = _fold(run.gold[a].unit_id for _, arts in events for a in arts)
        for n, (left, _) in enumerate(events):
            for right, _ in events[n + 1 :]:
                if not _near(left, right):
                    continue
                both = {s.article for s in left.sources} & {s.article for s in right.sources}
                pairs.append(Pair(left, right, group, not both, _why(fuser, left, right), fold))
    return pairs


def look_alike_pairs(run: Run) -> list[Pair]:
    """Shown events of different articles, whatever the annotation says, with one toll
    (the same non-zero fatalities), one governorate and dates within a day: the
    duplicates an analyst sees even where the annotation dates the articles apart."""
    places = {p.id: p for p in run.corpus.places}
    fuser = fuser_of(run)
    keyed: dict[tuple[int, str], list[Event]] = {}
    for event in shown_events(run.corpus):
        where = _governorate(event, places)
        if event.fatalities and where:
            keyed.setdefault((event.fatalities, where), []).append(event)
    pairs = []
    for (toll, where), events in keyed.items():
        for n, left in enumerate(events):
            for right in events[n + 1 :]:
                la, ra = ({s.article for s in e.sources} for e in (left, right))
                if la & ra or not _near(left, right):
                    continue
                fold = _fold(run.gold[a].unit_id for a in la | ra if a in run.gold)
                why = _why(fuser, left, right)
                pairs.append(Pair(left, right, f"{toll} dead|{where}", True, why, fold))
    return pairs


def _clip(text: str) -> str:
    return " ".join(text.split())[:160]


def describe(pair: Pair, run: Run) -> str:
    places = {p.id: p for p in run.corpus.places}
    entities = {e.id: e.name for e in run.corpus.entities}

    def one(event: Event) -> str:
        place = places.get(event.place) if event.place else None
        where = f"{place.name}/{place.feature}/{place.admin1}" if place else "-"
        units = sorted(
            {run.gold[s.article].unit_id for s in event.sources if s.article in run.gold}
        )
        actors = (
            f"{entities.get(event.actor1 or '', '-')} -> {entities.get(event.actor2 or '', '-')}"
        )
        return (f"{event.sub_event_type} | {where} | {event.date_start}..{event.date_end} "
                f"({event.date_text!r}) | {actors} | {event.fatalities} | conf "
                f"{event.confidence} | units {units}\n        "
                + " || ".join(_clip(s.text) for s in event.sources[:2]))  # fmt: skip

    kind = "across" if pair.across else "one article"
    return (
        f"  {pair.group} [{kind}; {pair.reason}]\n    A {one(pair.left)}\n    B {one(pair.right)}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_half_argument(parser, default="tune")
    parser.add_argument("--show", type=int, default=0, help="pairs to list")
    parser.add_argument("--cache", help="DuckDB file reusing per-article results (run_half)")
    args = parser.parse_args()
    if not fakes_data.available():
        print(f"skipped: {fakes_data.FAKES_CSV} is absent")
        return 0
    run = run_half(args.half, args.cache)
    pairs = same_incident_pairs(run)
    across = [p for p in pairs if p.across]
    print(f"FA-KES {args.half}: {len(shown_events(run.corpus))} shown events; "
          f"same-incident shown pairs {len(pairs)} (across articles {len(across)}, "
          f"one article {len(pairs) - len(across)})")  # fmt: skip
    for fold in (0, 1):
        part = [p for p in pairs if p.fold == fold]
        print(f"  fold {fold}: {len(part)} pairs (across {sum(p.across for p in part)}), "
              f"groups {len({p.group for p in part})}")  # fmt: skip
    print(f"  why apart (across): {dict(Counter(p.reason for p in across).most_common())}")
    print(f"  why apart (one article): "
          f"{dict(Counter(p.reason for p in pairs if not p.across).most_common())}")  # fmt: skip
    alike = look_alike_pairs(run)
    print(f"look-alike shown pairs across articles (one toll, governorate, day): {len(alike)}; "
          f"fold 0 {sum(p.fold == 0 for p in alike)}, fold 1 {sum(p.fold == 1 for p in alike)}; "
          f"why apart: {dict(Counter(p.reason for p in alike).most_common())}")  # fmt: skip
    listed = [*sorted(pairs, key=lambda p: (not p.across, p.group)), *alike]
    for pair in listed[: args.show]:
        print(describe(pair, run))
    if args.show:
        for pair in alike:
            print(describe(pair, run))
    return 0


if __name__ == "__main__":
    sys.exit(main())
