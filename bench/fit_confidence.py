"""Fit the event-confidence weights (crosswire.events.confidence.WEIGHTS) on the FA-KES TUNE half.

Run: ``PYTHONPATH=src:bench .venv/bin/python bench/fit_confidence.py [--c 1.0] [--folds]
[--relative]``

Every event the pipeline codes for a tune-half article is one example. Its
features are read back from the event's ``reasons`` ("name=value"; the bias is
1). Its label is 1 when the event is the article's annotated incident as far
as the annotation tells: its type is one the cause of death allows, its
place lies in the annotated governorate and its toll is the annotated one
(bench/realnews.py's definitions), else 0. An L2-regularised logistic
regression (scikit-learn, bench-only) is fitted and its weights printed as
the table to paste into the code, with the main-event figures the refitted
weights give on the tune half and the ``SHOW_THRESHOLD`` trade-off. The check
half is never read here.

It also prints where the main event's misses lie: a *choice* miss has a right
event among the article's happened events but ranks another first; an
*extraction* miss has no happened event right in all three. Only choice misses
are the scorer's to win.

``--folds`` cross-fits on the two parity folds of the tune half (unit id even /
odd): weights fitted on one fold choose the main events of the other, beside
the shipped weights on the same fold. A feature is kept only when it gains on
both folds. ``--relative`` adds candidate article-relative features computed
here from the article's other events (``RELATIVE``), to try them before any
pipeline code is written for them. ``--rank`` adds, under ``--folds``, weights
fitted for the choice itself: a softmax over each article's happened events
(conditional logit), trained on the articles with a right and a wrong one.
"""

from __future__ import annotations

import argparse
import math
import sys
from collections import Counter, defaultdict

import fakes_data
import realnews

# Candidate article-relative features (bench-only; see relative_features).
RELATIVE = ("top_toll", "first_toll", "lead_toll", "most_sources", "toll_agree", "lead_kin")


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


def relative_features(rows) -> None:  # type: ignore[no-untyped-def]
    """Add RELATIVE features to each row's ``found``, from its article's happened
    events: the article's largest toll, its first toll in the text, the toll a lead
    event (title or first sentence) tells, told by the most sentences."""
    by_line = defaultdict(list)
    for row in rows:
        if realnews.happened(row[1]):
            by_line[row[0]].append(row[1])
    for line, event, found, _label in rows:
        told = [e for e in by_line[line] if e.fatalities]
        value = event.fatalities
        if not realnews.happened(event):
            continue
        if value and value == max(e.fatalities for e in told):  # type: ignore[type-var]
            found["top_toll"] = 1.0
        if value and event is min(told, key=_start):
            found["first_toll"] = 1.0
        lead = {e.fatalities for e in told if e.reasons and "lead=1" in e.reasons}
        if value and value in lead and "lead=1" not in event.reasons:
            found["lead_toll"] = 1.0
        if len(event.sources) == max(len(e.sources) for e in by_line[line]) > 1:
            found["most_sources"] = 1.0
        if value and sum(e.fatalities == value for e in told) > 1:
            found["toll_agree"] = 1.0  # another telling in the article gives the same toll
        if "lead=1" not in event.reasons and any(_kin(e, event) for e in by_line[line]):
            found["lead_kin"] = 1.0  # retells a lead event: same type, same place


def _kin(lead, event) -> bool:  # type: ignore[no-untyped-def]
    return (
        lead is not event
        and "lead=1" in lead.reasons
        and (lead.event_type, lead.place) == (event.event_type, event.place)
    )


def _start(event) -> int:  # type: ignore[no-untyped-def]
    return event.sources[0].start if event.sources else 0


def fit(rows, names: list[str], c: float) -> tuple[dict[str, float], object]:  # type: ignore[no-untyped-def]
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    x = np.array([[row[2].get(n, 0.0) for n in names] for row in rows])
    y = np.array([row[3] for row in rows])
    model = LogisticRegression(C=c, max_iter=2000).fit(x, y)
    fitted = {"bias": float(model.intercept_[0])}
    fitted.update({n: float(w) for n, w in zip(names, model.coef_[0], strict=True)})
    return fitted, model


def rank_fit(rows, names: list[str], l2: float = 1.0) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """Weights that choose the main event: an L2-regularised softmax over each article's
    happened events, fitted on the articles that have both a right and a wrong one."""
    import numpy as np
    from scipy.optimize import minimize

    groups = defaultdict(list)
    for row in rows:
        if realnews.happened(row[1]):
            groups[row[0]].append(row)
    data = []
    for group in groups.values():
        y = np.array([row[3] for row in group], dtype=float)
        if 0 < y.sum() < len(y):
            x = np.array([[row[2].get(n, 0.0) for n in names] for row in group])
            data.append((x, y / y.sum()))

    def loss(w):  # type: ignore[no-untyped-def]
        total, grad = l2 * (w @ w) / 2, l2 * w
        for x, y in data:
            z = x @ w
            p = np.exp(z - z.max())
            p /= p.sum()
            total -= y @ np.log(p + 1e-12)
            grad = grad - x.T @ (y - p)
        return total, grad

    found = minimize(loss, np.zeros(len(names)), jac=True, method="L-BFGS-B").x
    return {n: float(w) for n, w in zip(names, found, strict=True)}


def main_rows(rows, weights: dict[str, float]) -> dict[int, int]:  # type: ignore[no-untyped-def]
    """Article line -> the row of its main event under these weights."""
    best: dict[int, tuple[tuple[float, int], int]] = {}
    for n, (line, event, found, _label) in enumerate(rows):
        if not realnews.happened(event):
            continue
        logit = sum(weights.get(k, 0.0) * v for k, v in found.items())
        key = (1 / (1 + math.exp(-logit)), -_start(event))
        if line not in best or key > best[line][0]:
            best[line] = (key, n)
    return {line: n for line, (_key, n) in best.items()}


def all3(rows, weights: dict[str, float], lines: set[int]) -> int:  # type: ignore[no-untyped-def]
    chosen = main_rows([r for r in rows if r[0] in lines], weights)
    subset = [r for r in rows if r[0] in lines]
    return sum(1 for n in chosen.values() if subset[n][3])


def split_misses(rows, weights: dict[str, float], lines: set[int]) -> Counter[str]:  # type: ignore[no-untyped-def]
    """right / choice / extraction (and right only among flagged events) per article."""
    subset = [r for r in rows if r[0] in lines]
    chosen = main_rows(subset, weights)
    out: Counter[str] = Counter()
    for line in lines:
        mine = [r for r in subset if r[0] == line]
        if line in chosen and subset[chosen[line]][3]:
            out["right"] += 1
        elif any(r[3] and realnews.happened(r[1]) for r in mine):
            out["choice"] += 1
        elif any(r[3] for r in mine):
            out["right only among flagged"] += 1
        else:
            out["extraction"] += 1
    return out


def folds(articles, rows, names: list[str], args, shipped: dict[str, float]) -> None:  # type: ignore[no-untyped-def]
    """Cross-fit on the parity folds of the unit ids."""
    parity = {line: int(a.unit_id) % 2 for line, a in enumerate(articles)}
    for held in (0, 1):
        train = [r for r in rows if parity[r[0]] != held]
        test = {line for line, p in parity.items() if p == held}
        fitted, _model = fit(train, names, args.c)
        ranked = f", ranked {all3(rows, rank_fit(train, names), test)}" if args.rank else ""
        print(
            f"  fold {held} ({len(test)} articles): all three, shipped weights"
            f" {all3(rows, shipped, test)}, fitted on the other fold {all3(rows, fitted, test)}"
            f"{ranked}; misses {dict(split_misses(rows, shipped, test))}"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--c", type=float, default=1.0, help="inverse L2 strength")
    parser.add_argument("--folds", action="store_true", help="cross-fit on the parity folds")
    parser.add_argument("--relative", action="store_true", help="try RELATIVE features too")
    parser.add_argument("--rank", action="store_true", help="with --folds: fit the choice too")
    args = parser.parse_args()
    if not fakes_data.available():
        print("skipped: FA-KES is absent")
        return 0
    articles = fakes_data.load("tune")
    corpus = realnews.run_articles(realnews.fakes_rows(articles))
    report(articles, examples(corpus, articles), args)
    return 0


def report(articles, rows, args) -> None:  # type: ignore[no-untyped-def]
    import numpy as np

    from crosswire.events.confidence import WEIGHTS

    names = [n for n in WEIGHTS if n != "bias"]
    if args.relative:
        relative_features(rows)
        names += list(RELATIVE)
    fitted, model = fit(rows, names, args.c)
    y = np.array([row[3] for row in rows])
    print(f"{len(rows)} events, {int(y.sum())} positive; weights (C={args.c}):")
    for name, weight in fitted.items():
        print(f'    "{name}": {weight:.2f},')
    lines = set(range(len(articles)))
    print(
        f"tune main event right in all three with these weights:"
        f" {all3(rows, fitted, lines) / len(articles):.1%}"
        f" (shipped weights {all3(rows, dict(WEIGHTS), lines) / len(articles):.1%})"
    )
    print(f"misses under the shipped weights: {dict(split_misses(rows, dict(WEIGHTS), lines))}")
    if args.folds:
        folds(articles, rows, names, args, dict(WEIGHTS))
    x = np.array([[row[2].get(n, 0.0) for n in names] for row in rows])
    probability = model.predict_proba(x)[:, 1]  # type: ignore[attr-defined]
    for threshold in (0.01, 0.02, 0.05, 0.1, 0.2):
        kept = float((probability[y == 1] >= threshold).mean())
        hidden = float((probability[y == 0] < threshold).mean())
        print(
            f"  threshold {threshold}: keeps {kept:.1%} of right events, hides {hidden:.1%} others"
        )


if __name__ == "__main__":
    sys.exit(main())
