"""Fit the event-confidence weights (crosswire.events.confidence.WEIGHTS) on the FA-KES TUNE half.

Run: ``PYTHONPATH=src .venv/bin/python bench/fit_confidence.py [--c 1.0]``

Every event the pipeline codes for a tune-half article is one example. Its
features are read back from the event's ``reasons`` ("name=value"; the bias is
1). Its label is 1 when the event is the article's annotated incident as far
as the annotation tells: its type is one the cause of death allows, its
place lies in the annotated governorate and its toll is the annotated one
(bench/realnews.py's definitions), else 0. An L2-regularised logistic
regression (scikit-learn, bench-only) is fitted and its weights printed as
the table to paste into the code, with the main-event figures the refitted
weights give on the tune half. The check half is never read here.
"""

from __future__ import annotations

import argparse
import math
import sys

import fakes_data
import realnews


def examples(corpus, articles):  # type: ignore[no-untyped-def]
    by_line = realnews.analyses_by_line(corpus)
    rows = []
    for line, article in enumerate(articles):
        analysis = by_line.get(line)
        if analysis is None:
            continue
        places = {p.id: p for p in analysis.places}
        for event in analysis.events:
            found = {"bias": 1.0}
            for reason in event.reasons:
                name, _, value = reason.partition("=")
                try:
                    found[name] = float(value)
                except ValueError:
                    continue
            place = places.get(event.place) if event.place else None
            label = (
                event.event_type in fakes_data.CAUSE_TYPES[article.cause]
                and realnews.governorate(place) == article.governorate
                and realnews.toll_right(event, article.toll)
            )
            rows.append((line, event, found, int(label)))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--c", type=float, default=1.0, help="inverse L2 strength")
    args = parser.parse_args()
    if not fakes_data.available():
        print("skipped: FA-KES is absent")
        return 0
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    from crosswire.events.confidence import WEIGHTS

    articles = fakes_data.load("tune")
    corpus = realnews.run_articles(realnews.fakes_rows(articles))
    rows = examples(corpus, articles)
    names = [n for n in WEIGHTS if n != "bias"]
    x = np.array([[row[2].get(n, 0.0) for n in names] for row in rows])
    y = np.array([row[3] for row in rows])
    model = LogisticRegression(C=args.c, max_iter=2000).fit(x, y)
    fitted = {"bias": float(model.intercept_[0])}
    fitted.update({n: float(w) for n, w in zip(names, model.coef_[0], strict=True)})
    print(f"{len(rows)} events, {int(y.sum())} positive; weights (C={args.c}):")
    for name, weight in fitted.items():
        print(f'    "{name}": {weight:.2f},')
    # The main event each article gets under the fitted weights.
    best: dict[int, tuple[float, int]] = {}
    for n, (line, event, found, _label) in enumerate(rows):
        if not realnews.happened(event):
            continue
        logit = sum(fitted.get(k, 0.0) * v for k, v in found.items())
        start = event.sources[0].start if event.sources else 0
        key = (1 / (1 + math.exp(-logit)), -start)
        if line not in best or key > best[line][0]:
            best[line] = (key, n)  # type: ignore[assignment]
    right = sum(
        1
        for line, (_key, n) in best.items()
        if rows[n][3] and realnews.toll_right(rows[n][1], articles[line].toll)
    )
    print(f"tune main event right in all three with these weights: {right / len(articles):.1%}")
    probability = model.predict_proba(x)[:, 1]
    for threshold in (0.01, 0.02, 0.05, 0.1, 0.2):
        kept = float((probability[y == 1] >= threshold).mean())
        hidden = float((probability[y == 0] < threshold).mean())
        print(
            f"  threshold {threshold}: keeps {kept:.1%} of right events, hides {hidden:.1%} others"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
