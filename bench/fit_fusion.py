"""Fit fusion's match weights (crosswire.crosscheck.linkage.MATCH_WEIGHTS) on the FA-KES TUNE half.

Run: ``PYTHONPATH=src:bench .venv/bin/python bench/fit_fusion.py [--c 1.0] [--cache FILE]``

The whole pipeline runs over the tune half (bench/realnews_corpus.py). Every
candidate pair fusion would test (its blocking) whose reports come from two
different articles and pass fusion's gates (type family, dates, places, sides:
``Fuser.agree``) is one example, with ``Fuser.match_features`` as its features.
Its label:

- 1 when both articles belong to one annotated same-incident group and both
  reports are of an event type the annotated cause of death allows
  (``fakes_data.CAUSE_TYPES``): two accounts of the annotated incident;
- 0 when the articles belong to different groups;
- no example otherwise (the other events of one incident's articles: the
  annotation does not say whether they are one).

An L2-regularised logistic regression (scikit-learn, bench-only) is fitted and
its weights printed as the table to paste into the code. Then, for a few
thresholds (``FusionSettings.min_match``), the groups fused and the fused
events spanning incidents >7 days apart that the fitted weights give on the
tune half, to pick the threshold. The check half is never read here.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace

import fakes_data
import realnews_corpus
from crosswire.crosscheck import linkage
from crosswire.crosscheck.fusion import FusionSettings

THRESHOLDS = (0.0, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5)


fuser_of = realnews_corpus.fuser_of


def examples(run: realnews_corpus.Run) -> list[tuple[dict[str, float], int]]:
    fuser = fuser_of(run)
    rows = []
    for i, j in fuser.candidate_pairs():
        left, right = fuser.reports[i], fuser.reports[j]
        if left.article == right.article or not fuser.agree(left, right):
            continue
        a, b = run.gold.get(left.article), run.gold.get(right.article)
        if a is None or b is None:
            continue
        if a.group != b.group:
            rows.append((fuser.match_features(left, right), 0))
            continue
        allowed = fakes_data.CAUSE_TYPES[a.cause]
        if left.event.event_type in allowed and right.event.event_type in allowed:
            rows.append((fuser.match_features(left, right), 1))
    return rows


def fit(rows: list[tuple[dict[str, float], int]], c: float) -> dict[str, float]:
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    names = [n for n in linkage.MATCH_WEIGHTS if n != "bias"]
    x = np.array([[found[n] for n in names] for found, _label in rows])
    y = np.array([label for _found, label in rows])
    model = LogisticRegression(C=c, max_iter=5000).fit(x, y)
    fitted = {"bias": float(model.intercept_[0])}
    fitted.update({n: float(w) for n, w in zip(names, model.coef_[0], strict=True)})
    return fitted


def sweep(run: realnews_corpus.Run, weights: dict[str, float]) -> None:
    saved = dict(linkage.MATCH_WEIGHTS)
    linkage.MATCH_WEIGHTS.update(weights)
    try:
        for threshold in THRESHOLDS:
            events = fuser_of(run, FusionSettings(min_match=threshold)).fuse()
            tried = replace(run, corpus=replace(run.corpus, events=tuple(events)))
            print(f"--- min_match {threshold}:")
            realnews_corpus.score_groups(tried, 0)
            realnews_corpus.score_spanning(tried, 0)
    finally:
        linkage.MATCH_WEIGHTS.update(saved)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--c", type=float, default=1.0, help="inverse L2 strength")
    parser.add_argument("--cache", help="DuckDB file reusing per-article results")
    args = parser.parse_args()
    if not fakes_data.available():
        print("skipped: FA-KES is absent")
        return 0
    run = realnews_corpus.run_half("tune", args.cache)
    rows = examples(run)
    fitted = fit(rows, args.c)
    positive = sum(label for _found, label in rows)
    print(f"{len(rows)} pairs, {positive} matches; weights (C={args.c}):")
    for name, weight in fitted.items():
        print(f'    "{name}": {weight:.2f},')
    sweep(run, fitted)
    return 0


if __name__ == "__main__":
    sys.exit(main())
