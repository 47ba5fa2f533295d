"""Hand-checked precision of the events crosswire shows, on the FA-KES check half.

Run: ``PYTHONPATH=src .venv/bin/python bench/handcheck_events.py [--half check]``
prints 50 events picked with a fixed seed from the fused events crosswire shows
by default (``crosswire.events.confidence.shown``: asserted, at or above the
show threshold; background mentions left out), each with its type, place, dates,
actors, toll, confidence and evidence sentences with the FA-KES ``unit_id``.

``--more N`` draws N further shown events beyond the 50 (a second fixed seed, from
the events the 50 left), printed as [51] onwards, to find more instances of a class.
Each event prints its ``key`` (``sample_key``), which the verdict CSV may keep in a
``key`` column: ``--recheck FILE`` then says which judged events a later run still
shows and the share of those judged real (a before/after reading of the same events).

``--article UNIT_ID`` prints one article of the set (to read it while judging);
``--verdicts FILE`` reads a CSV of hand verdicts (``event_index, real, type,
place, date, actors, fatalities, note``; each field 1, 0 or na, the fields of
an event judged not real are na) and prints the share right per field (over the
events judged) and the share right in every field (over all 50). The verdicts are a
person's reading of the articles as an ACLED coder would code them; the CSV
holds notes in the checker's own words, never article text.

The pipeline run is the one of ``bench/realnews.py`` (``run_articles``).
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from pathlib import Path

import fakes_data
from realnews import fakes_rows, line_of, run_articles
from splits import add_half_argument

REPO = Path(__file__).resolve().parents[1]
sys.path.append(str(REPO / "src"))  # PYTHONPATH, when set, wins

from crosswire.events.confidence import shown  # noqa: E402
from crosswire.model import Corpus, Event, content_id  # noqa: E402

SEED = 20261206
SAMPLE = 50
FIELDS = ("real", "type", "place", "date", "actors", "fatalities")
GOAL = 0.80


def shown_events(corpus: Corpus) -> list[Event]:
    """The fused events the brief, map and exports show by default."""
    return [e for e in corpus.events if shown(e) and not e.background]


def sample_key(event: Event) -> str:
    """A stable order for the draw: the hash of the sub-type and the first source, which was
    ``Event.id`` when the verdicts were made (the id now hashes more, see ``model.Event``),
    so the same events are drawn."""
    first = event.sources[0] if event.sources else None
    anchor = (first.article, first.start) if first else (event.date_start, event.place)
    return content_id("evt", event.sub_event_type, *anchor)


def pick(events: list[Event], n: int = SAMPLE, seed: int = SEED) -> list[Event]:
    """``n`` events drawn with a fixed seed, from events in a stable order."""
    ordered = sorted(events, key=sample_key)  # stable: ties keep the fusion order
    return random.Random(seed).sample(ordered, min(n, len(ordered)))


def more(events: list[Event], chosen: list[Event], n: int, seed: int = SEED + 1) -> list[Event]:
    """``n`` further events drawn with a second fixed seed from those ``pick`` left."""
    taken = {e.id for e in chosen}
    rest = sorted((e for e in events if e.id not in taken), key=sample_key)
    return random.Random(seed).sample(rest, min(n, len(rest)))


def recheck(path: Path, events: list[Event]) -> int:
    """Of the events judged in ``path`` (by ``key``), those still shown and their share real."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    keys = {sample_key(e) for e in events}
    kept = [r for r in rows if r["key"] in keys]
    for label, group in (("judged", rows), ("still shown", kept)):
        real = sum(r["real"].strip() == "1" for r in group)
        share = real / len(group) if group else 0.0
        print(f"  {label:<12} {len(group):>4} events, real {real:>4} = {share:.1%}")
    for row in rows:
        real = row["real"].strip() == "1"
        if not real or row["key"] not in keys:
            state = "shown" if row["key"] in keys else "hidden or changed"
            verdict = "real" if real else "not real"
            print(f"    {verdict} [{row['event_index']}] {state}: {row['note']}")
    return 0


def describe(index: int, event: Event, corpus: Corpus, units: dict[str, str]) -> str:
    places = {p.id: p for p in corpus.places}
    entities = {e.id: e for e in corpus.entities}
    place = places.get(event.place) if event.place else None
    where = (
        f"{place.name} | {place.admin1} | {place.country_code} ({place.feature})" if place else "-"
    )

    def actor(ref: str | None) -> str:
        return entities[ref].name if ref and ref in entities else (ref or "-")

    lines = [
        f"[{index}] {event.id}  {event.event_type} / {event.sub_event_type}"
        f"  key {sample_key(event)}",
        f"    place: {where}",
        f"    date: {event.date_start} .. {event.date_end} ({event.date_text!r})",
        f"    actors: {actor(event.actor1)}  ->  {actor(event.actor2)}",
        f"    fatalities: {event.fatalities} ({event.fatalities_text!r})"
        f"  confidence: {event.confidence}",
    ]
    for span in event.sources:
        text = " ".join(span.text.split())
        lines.append(f"    <{units.get(span.article, span.article)}> {text}")
    return "\n".join(lines)


def unit_ids(corpus: Corpus, articles: list[fakes_data.FakesArticle]) -> dict[str, str]:
    """Article id -> the FA-KES unit_id of its input line."""
    out = {}
    for article in corpus.articles:
        line = line_of(article.position)
        if line is not None and line < len(articles):
            out[article.id] = articles[line].unit_id
    return out


def verdict_table(path: Path) -> int:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    print(f"{len(rows)} hand-checked events ({path})")
    print(f"  {'field':<11} right  wrong  n/a  share right")
    for field in FIELDS:
        marks = [r[field].strip() for r in rows]
        right, wrong = marks.count("1"), marks.count("0")
        judged = right + wrong
        share = right / judged if judged else 0.0
        print(f"  {field:<11} {right:>5}  {wrong:>5}  {len(marks) - judged:>3}  {share:6.1%}")
    every = sum(all(r[f].strip() in ("1", "na") for f in FIELDS) for r in rows)
    share = every / len(rows) if rows else 0.0
    print(f"  right in every field: {every}/{len(rows)} = {share:.1%} (goal {GOAL:.0%})")
    for left_out in ("actors",):
        rest = [f for f in FIELDS if f != left_out]
        hits = sum(all(r[f].strip() in ("1", "na") for f in rest) for r in rows)
        print(f"  right in every field but {left_out}: {hits}/{len(rows)}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_half_argument(parser)
    parser.add_argument("--verdicts", type=Path, help="hand verdicts CSV: print the table")
    parser.add_argument("--article", help="print one article's text by unit_id")
    parser.add_argument("--more", type=int, default=0, help="draw N further shown events")
    parser.add_argument("--recheck", type=Path, help="verdicts CSV with keys: still shown?")
    args = parser.parse_args(argv)
    if args.verdicts:
        return verdict_table(args.verdicts)
    if not fakes_data.available():
        print(f"skipped: {fakes_data.FAKES_CSV} is absent")
        return 0
    articles = fakes_data.load(args.half)
    if args.article:
        for article in articles:
            if article.unit_id == args.article:
                print(f"{article.title}\n\n{article.text}")
                return 0
        print(f"no article {args.article} in the {args.half} half")
        return 1
    corpus = run_articles(fakes_rows(articles))
    events = shown_events(corpus)
    units = unit_ids(corpus, articles)
    if args.recheck:
        return recheck(args.recheck, events)
    chosen = pick(events)
    chosen += more(events, chosen, args.more)
    print(f"FA-KES {args.half} half: {len(articles)} articles, {len(events)} shown fused events")
    print(f"sample of {len(chosen)} (seed {SEED}; from [51]: seed {SEED + 1})\n")
    for index, event in enumerate(chosen, 1):
        print(describe(index, event, corpus, units) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
