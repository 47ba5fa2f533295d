"""Fit the place-confidence weights (crosswire.geo.confidence) on the TUNE halves.

    PYTHONPATH=src .venv/bin/python bench/fit_place_confidence.py [--limit N]

Every place crosswire resolves in a tune-half article of LGL and GeoWebNews
(bench/splits.py) is one example: positive when it is a gold toponym resolved
within 161 km, negative when it overlaps no gold toponym or lies more than
161 km from it; places over gold toponyms without coordinates are left out.
The fit is logistic regression with an L2 penalty of 1 on every weight but the
bias, each weight held to the sign ``SIGNS`` gives it (scipy L-BFGS-B). The script prints the
weights table to paste into ``geo/confidence.py`` and, for a few thresholds,
what the tune halves would score (share right, share wrongly placed, acc@161
over every gold toponym), so the threshold is chosen on the tune halves too.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass

import numpy as np
from scipy.optimize import minimize

from crosswire.geo import resolve_places
from crosswire.geo.confidence import (
    FEATURES,
    SIGNS,
    THRESHOLD_IN_FOCUS,
    WEIGHTS,
    confidence,
    threshold_for,
)
from crosswire.geo.resolve import haversine_km
from crosswire.nlp import load_nlp
from geo import EVAL_DIR, GoldArticle, _judge_output, cached, read_gwn, read_lgl
from splits import wanted


@dataclass(slots=True)
class Output:
    corpus: str
    start: int
    end: int
    point: tuple[float, float]
    vector: tuple[float, ...]
    verdict: str


def collect(limit: int) -> tuple[list[Output], list[tuple[str, GoldArticle, list[Output]]]]:
    nlp = load_nlp()
    outputs: list[Output] = []
    articles: list[tuple[str, GoldArticle, list[Output]]] = []
    for name, reader, path in (("lgl", read_lgl, "lgl.xml"), ("gwn", read_gwn, "gwn.xml")):
        chosen = [a for a in reader(EVAL_DIR / path) if wanted(name, a.key, "tune")]
        chosen = chosen[:limit] if limit else chosen
        for article, doc in zip(chosen, nlp.pipe(a.text for a in chosen), strict=True):
            result = resolve_places(doc, article.key, threshold=-1.0)
            own = []
            for place, mention in result.places:
                if place.lat is None or place.lon is None:
                    continue
                point = (place.lat, place.lon)
                verdict = _judge_output(mention.start, mention.end, point, article)
                vector = result.features[(mention.start, mention.end)]
                own.append(Output(name, mention.start, mention.end, point, vector, verdict))
            outputs.extend(own)
            articles.append((name, article, own))
    return outputs, articles


Articles = list[tuple[str, GoldArticle, list[Output]]]


def figures(
    articles: Articles,
    weights: list[float] | list[list[float]],
    threshold: float,
    in_focus: float,
) -> dict[str, tuple[float, float, float]]:
    """corpus -> (share right, share wrongly placed, acc@161 over every gold toponym).
    ``weights``: one table, or one per article (cross-validation: its fold's fit)."""
    per_article = isinstance(weights[0], list)
    out: dict[str, tuple[float, float, float]] = {}
    for corpus in ("lgl", "gwn"):
        kept_total = right = wrong = gold_n = gold_hit = 0
        for index, (name, article, own) in enumerate(articles):
            if name != corpus:
                continue
            table = weights[index] if per_article else weights
            kept = [o for o in own if passes(o.vector, table, threshold, in_focus)]  # type: ignore[arg-type]
            spans = {(o.start, o.end): o for o in kept}
            kept_total += len(spans)
            right += sum(o.verdict == "right" for o in spans.values())
            wrong += sum(o.verdict == "wrongly placed" for o in spans.values())
            for g in article.toponyms:
                if g.lat is None or g.lon is None:
                    continue
                gold_n += 1
                near = [
                    haversine_km(g.lat, g.lon, *o.point)
                    for o in spans.values()
                    if o.start < g.end and g.start < o.end
                ]
                gold_hit += bool(near) and min(near) <= 161
        out[corpus] = (
            100 * right / max(kept_total, 1),
            100 * wrong / max(kept_total, 1),
            100 * gold_hit / max(gold_n, 1),
        )
    return out


def passes(
    vector: tuple[float, ...], weights: list[float], threshold: float, in_focus: float
) -> bool:
    """As geo.confidence.threshold_for, with the two thresholds given."""
    relaxed = threshold_for(vector) == THRESHOLD_IN_FOCUS
    needed = min(in_focus, threshold) if relaxed else threshold
    return confidence(vector, weights) >= needed


def fit(x: np.ndarray, y: np.ndarray, fixed: dict[int, float], penalty: float = 1.0) -> np.ndarray:
    """Sign-constrained L2 logistic regression; column 0 is the (unpenalised) bias.
    ``fixed`` holds weights at set values (a prior the tune halves cannot inform)."""
    mask = np.ones(x.shape[1])
    mask[0] = 0.0
    for index in fixed:
        mask[index] = 0.0

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        z = x @ w
        p = 1 / (1 + np.exp(-z))
        value = np.sum(np.logaddexp(0, z) - y * z) + 0.5 * penalty * np.sum(mask * w * w)
        return float(value), x.T @ (p - y) + penalty * mask * w

    bounds = [(0, None) if s > 0 else (None, 0) if s < 0 else (None, None) for s in SIGNS]
    for index, value in fixed.items():
        bounds[index] = (value, value)
    start = np.array([fixed.get(i, 0.0) for i in range(x.shape[1])])
    result = minimize(loss, start, jac=True, method="L-BFGS-B", bounds=bounds)
    return result.x


def cross_validated(
    articles: Articles, fixed: dict[int, float], penalty: float, folds: int
) -> list[list[float]]:
    """Each article's weights fitted on the other folds (articles dealt round-robin per
    corpus, so every fold holds both corpora), for choosing the penalty and threshold
    inside the tune halves without scoring an article on a fit that saw it."""
    fold_of = [index % folds for index in range(len(articles))]
    tables: list[list[float]] = [[] for _ in articles]
    for fold in range(folds):
        train = [
            o
            for index, (_name, _article, own) in enumerate(articles)
            if fold_of[index] != fold
            for o in own
            if o.verdict != "no gold point"
        ]
        x = np.array([o.vector for o in train])
        y = np.array([o.verdict == "right" for o in train], dtype=int)
        table = [float(w) for w in fit(x, y, fixed, penalty)]
        for index in range(len(articles)):
            if fold_of[index] == fold:
                tables[index] = table
    return tables


def _print_sweep(articles: Articles, weights: list[float] | list[list[float]], label: str) -> None:
    for threshold in (0.3, 0.35, 0.38, 0.42, 0.46, 0.5, 0.55):
        scored = figures(articles, weights, threshold, THRESHOLD_IN_FOCUS)
        row = "  ".join(
            f"{c}: right {r:.1f} wrong {w:.1f} acc@161 {a:.1f}" for c, (r, w, a) in scored.items()
        )
        print(f"{label} threshold {threshold:.2f}  {row}")


def _load(limit: int, cache: str) -> tuple[list[Output], Articles]:
    return cached(cache, lambda: collect(limit))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="articles per corpus (0: all)")
    parser.add_argument(
        "--fix", action="append", default=[], help="NAME=VALUE: hold a weight (a prior)"
    )
    parser.add_argument("--cache", default="", help="pickle of the collected outputs")
    parser.add_argument("--cv", type=int, default=0, help="k-fold sweep of penalties")
    parser.add_argument("--penalty", type=float, default=1.0, help="L2 penalty of the fit")
    args = parser.parse_args()
    if not EVAL_DIR.is_dir():
        print(f"SKIP: evaluation data not found at {EVAL_DIR}")
        return 0
    outputs, articles = _load(args.limit, args.cache)
    train = [o for o in outputs if o.verdict != "no gold point"]
    x = np.array([o.vector for o in train])
    y = np.array([o.verdict == "right" for o in train], dtype=int)
    fixed = {FEATURES.index(k): float(v) for k, v in (f.split("=") for f in args.fix)}
    if args.cv:
        for penalty in (0.3, 1.0, 3.0, 10.0, 30.0):
            _print_sweep(
                articles, cross_validated(articles, fixed, penalty, args.cv), f"cv p{penalty}"
            )
        _print_sweep(articles, list(WEIGHTS), "now (fit on all)")
        return 0
    weights = [round(float(w), 3) for w in fit(x, y, fixed, args.penalty)]
    print(f"{len(train)} examples ({y.mean():.1%} positive)")
    print("WEIGHTS = (")
    for name, weight in zip(FEATURES, weights, strict=True):
        print(f"    {weight},  # {name}")
    print(")")
    for threshold in (0.2, 0.3, 0.35, 0.4, 0.5):
        for in_focus in (0.05, 0.1, 0.15, 0.2, threshold):
            scored = figures(articles, weights, threshold, in_focus)
            row = "  ".join(
                f"{c}: right {r:.1f} wrong {w:.1f} acc@161 {a:.1f}"
                for c, (r, w, a) in scored.items()
            )
            print(f"threshold {threshold:.2f} in focus {in_focus:.2f}  {row}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
