"""Fused events whose actors differ from their most confident report's, on a FA-KES half.

Run: ``PYTHONPATH=src:bench .venv/bin/python bench/fuse_actors.py --half tune [--fold 0|1]``
prints each shown event fused from several reports whose (actor1, actor2) is not the pair
of its most confident report (sides aligned as fusion aligns them), with every report's
pair and confidence and the evidence, to judge by reading which pair is right.
"""

from __future__ import annotations

import argparse
import sys

import fakes_data
from crosswire.crosscheck import fusion
from crosswire.model import Event
from handcheck_events import sample_key, shown_events, unit_ids
from realnews import fakes_rows, run_articles
from splits import add_half_argument


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_half_argument(parser)
    parser.add_argument("--fold", type=int, choices=(0, 1), help="articles of one row parity")
    args = parser.parse_args(argv)
    articles = fakes_data.load(args.half)
    if args.fold is not None:  # the articles of one unit-id parity, run on their own
        articles = [a for a in articles if int(a.unit_id) % 2 == args.fold]
    clusters: dict[str, tuple[fusion.Fuser, list[fusion.Report]]] = {}
    original = fusion.Fuser._fused

    def recording(self: fusion.Fuser, cluster: list[fusion.Report]) -> Event:
        event = original(self, cluster)
        clusters[sample_key(event)] = (self, cluster)
        return event

    fusion.Fuser._fused = recording  # type: ignore[method-assign]
    corpus = run_articles(fakes_rows(articles))
    units = unit_ids(corpus, articles)
    names = {e.id: e.name for e in corpus.entities}
    differ = fused = 0
    same = [e for e in shown_events(corpus) if e.actor1 is not None and e.actor1 == e.actor2]
    for event in same:
        print(f"one actor on both sides: {names.get(event.actor1)} | {event.sub_event_type}")
    for event in shown_events(corpus):
        fuser, cluster = clusters.get(sample_key(event), (None, []))
        if fuser is None or len(cluster) < 2:
            continue
        fused += 1
        best = max(cluster, key=lambda r: r.event.confidence or 0.0)
        flip = fuser._orientation(event, best.event) is True
        pair = (
            (best.event.actor2, best.event.actor1)
            if flip
            else (best.event.actor1, best.event.actor2)
        )
        if pair == (event.actor1, event.actor2):
            continue
        differ += 1
        print(
            f"{event.sub_event_type}  fused: {names.get(event.actor1)} -> {names.get(event.actor2)}"
        )
        for r in cluster:
            mark = "*" if r is best else " "
            print(
                f"  {mark} {r.event.confidence:.3f} <{units.get(r.article)}> "
                f"{names.get(r.event.actor1)} -> {names.get(r.event.actor2)}"
                f" | {' '.join(' '.join(s.text for s in r.event.sources).split())[:300]}"
            )
        print()
    print(f"shown fused events: {fused}; actors differ from the best report's: {differ}")
    print(f"shown events with one actor on both sides: {len(same)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
