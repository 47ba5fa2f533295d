"""Fit the place-confidence weights (crosswire.geo.confidence) on the TUNE halves.

    PYTHONPATH=src .venv/bin/python bench/fit_place_confidence.py [--limit N]

Every place crosswire resolves in a tune-half article of LGL and GeoWebNews
(bench/splits.py) is one example: positive when it is a gold toponym resolved
within 161 km, negative when it overlaps no gold toponym or lies more than
161 km from it; places over gold toponyms without coordinates are left out.
The fit is L2-regularised logistic regression (C=1). The script prints the
weights table to paste into ``geo/confidence.py`` and, for a few thresholds,
what the tune halves would score (share right, share wrongly placed, acc@161
over every gold toponym), so the threshold is chosen on the tune halves too.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass

import numpy as np
from sklearn.linear_model import LogisticRegression

from crosswire.geo import resolve_places
from crosswire.geo.confidence import FEATURES, confidence
from crosswire.geo.resolve import haversine_km
from crosswire.nlp import load_nlp
from geo import EVAL_DIR, GoldArticle, _judge_output, read_gwn, read_lgl
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


def figures(
    articles: list[tuple[str, GoldArticle, list[Output]]], weights: list[float], threshold: float
) -> dict[str, tuple[float, float, float]]:
    """corpus -> (share right, share wrongly placed, acc@161 over every gold toponym)."""
    out: dict[str, tuple[float, float, float]] = {}
    for corpus in ("lgl", "gwn"):
        kept_total = right = wrong = gold_n = gold_hit = 0
        for name, article, own in articles:
            if name != corpus:
                continue
            kept = [o for o in own if confidence(o.vector, weights) >= threshold]
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="articles per corpus (0: all)")
    args = parser.parse_args()
    if not EVAL_DIR.is_dir():
        print(f"SKIP: evaluation data not found at {EVAL_DIR}")
        return 0
    outputs, articles = collect(args.limit)
    train = [o for o in outputs if o.verdict != "no gold point"]
    x = np.array([o.vector for o in train])
    y = np.array([o.verdict == "right" for o in train], dtype=int)
    model = LogisticRegression(C=1.0, fit_intercept=False, max_iter=2000).fit(x, y)
    weights = [round(float(w), 3) for w in model.coef_[0]]
    print(f"{len(train)} examples ({y.mean():.1%} positive)")
    print("WEIGHTS = (")
    for name, weight in zip(FEATURES, weights, strict=True):
        print(f"    {weight},  # {name}")
    print(")")
    for threshold in (0.0, 0.2, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6):
        scored = figures(articles, weights, threshold)
        row = "  ".join(
            f"{c}: right {r:.1f} wrong {w:.1f} acc@161 {a:.1f}" for c, (r, w, a) in scored.items()
        )
        print(f"threshold {threshold:.2f}  {row}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
