"""Fit the place-candidate ranker's weights (crosswire.geo.resolve) on the TUNE halves.

    PYTHONPATH=src:bench .venv/bin/python bench/fit_place_ranker.py [--limit N]

Every toponym crosswire recognises in a tune-half article of LGL and GeoWebNews
(bench/splits.py) that overlaps a gold toponym with coordinates is one choice:
its candidates, each described by ``Resolver.rank_features`` in the context of
the document's final resolution pass, and the right ones (within 161 km of the
gold point). Choices with no right candidate, or only right ones, teach nothing
and are left out. The fit is a conditional logit (the softmax of the scores over
the candidates of one choice; the likelihood of picking a right one) with an L2
pull (``--penalty``) towards the hand-set weights ``RANK_PRIOR``, each weight held
to its prior's sign (new evidence, with a prior of 0, only counts for a candidate)
and ``log_population`` held, so scores stay in log-population units (MIN_SCORE and
the confidence model read them). Evidence the tune halves hold little of (curated
sites, seas, consonant skeletons: their US and British news has few) so keeps its
hand-set weight; ``--hold NAME`` keeps one outright. Prints the table to paste into
``RANK_WEIGHTS`` and top-1 accuracy (current and fitted) on the choices.
"""

from __future__ import annotations

import argparse
import sys

import numpy as np
from scipy.optimize import minimize

from crosswire.geo import Gazetteer, link_containers
from crosswire.geo.recognize import Recognizer
from crosswire.geo.resolve import (
    RANK_FEATURES,
    RANK_PRIOR,
    RANK_WEIGHTS,
    Resolver,
    haversine_km,
)
from crosswire.nlp import load_nlp
from geo import EVAL_DIR, GoldArticle, _overlapping, read_gwn, read_lgl
from splits import wanted

# Held at their priors: national capitals against first-level subdivisions of the same
# name ("Washington") are weighed for international news, while the tune halves are mostly
# US local news, which names its own state far more often than the world does.
HELD = ("capital", "admin1")

Choice = tuple[np.ndarray, np.ndarray]  # candidate features (n x k), right (n,)


def _choices(article: GoldArticle, doc: object, gazetteer: Gazetteer) -> list[Choice]:
    found = Recognizer(gazetteer).recognize(doc)  # type: ignore[arg-type]
    items = [r for r in found if r.role != "demonym"]
    context = [r.country for r in found if r.role == "demonym" and r.country]
    toponyms = link_containers(article.text, items)
    resolver = Resolver(gazetteer)
    resolver.resolve(toponyms, context_countries=context)
    out = []
    for toponym, pool, ctx in zip(toponyms, resolver.pools, resolver.contexts, strict=True):
        gold = [
            g
            for g in _overlapping(toponym.start, toponym.end, article.toponyms)
            if g.lat is not None and g.lon is not None
        ]
        if toponym.role != "place" or not gold or len(pool) < 2:
            continue
        right = np.array(
            [
                min(haversine_km(g.lat, g.lon, c.lat, c.lon) for g in gold) <= 161  # type: ignore[arg-type]
                for c in pool
            ]
        )
        if right.all() or not right.any():
            continue
        x = np.array([resolver.rank_features(toponym, c, pool, ctx) for c in pool])
        out.append((x, right))
    return out


def collect(limit: int) -> list[Choice]:
    nlp = load_nlp()
    gazetteer = Gazetteer.load()
    choices: list[Choice] = []
    for name, reader, path in (("lgl", read_lgl, "lgl.xml"), ("gwn", read_gwn, "gwn.xml")):
        chosen = [a for a in reader(EVAL_DIR / path) if wanted(name, a.key, "tune")]
        chosen = chosen[:limit] if limit else chosen
        for article, doc in zip(chosen, nlp.pipe(a.text for a in chosen), strict=True):
            choices.extend(_choices(article, doc, gazetteer))
    return choices


def top1(choices: list[Choice], weights: np.ndarray) -> float:
    return sum(bool(right[int(np.argmax(x @ weights))]) for x, right in choices) / len(choices)


def fit(choices: list[Choice], penalty: float, hold: tuple[str, ...] = ()) -> np.ndarray:
    prior = np.array(RANK_PRIOR, dtype=float)

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        value = 0.5 * penalty * float((w - prior) @ (w - prior))
        grad = penalty * (w - prior)
        for x, right in choices:
            z = x @ w
            top = z.max()
            p_all = np.exp(z - top)
            p_right = p_all * right
            value -= np.log(p_right.sum()) - np.log(p_all.sum())
            grad -= x.T @ (p_right / p_right.sum()) - x.T @ (p_all / p_all.sum())
        return value, grad

    # New evidence (a prior of 0) may only count for a candidate.
    bounds = [(None, 0) if w < 0 else (0, None) for w in RANK_PRIOR]
    bounds[0] = (RANK_PRIOR[0], RANK_PRIOR[0])  # the unit: one tenfold population
    for name in hold:
        index = RANK_FEATURES.index(name)
        bounds[index] = (RANK_PRIOR[index], RANK_PRIOR[index])
    return minimize(loss, prior, jac=True, method="L-BFGS-B", bounds=bounds).x


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="articles per corpus (0: all)")
    parser.add_argument("--penalty", type=float, default=20.0, help="L2 pull to the prior")
    parser.add_argument("--hold", action="append", help="a weight to keep (default: HELD)")
    parser.add_argument("--also", type=float, nargs="*", default=[], help="penalties to compare")
    args = parser.parse_args()
    if not EVAL_DIR.is_dir():
        print(f"SKIP: evaluation data not found at {EVAL_DIR}")
        return 0
    choices = collect(args.limit)
    print(f"{len(choices)} choices; top-1 right now {top1(choices, np.array(RANK_WEIGHTS)):.3f}")
    for penalty in args.also:
        fitted = fit(choices, penalty, tuple(args.hold or HELD))
        print(f"  penalty {penalty}: fitted top-1 {top1(choices, fitted):.3f}")
    weights = fit(choices, args.penalty, tuple(args.hold or HELD))
    print(f"penalty {args.penalty}: fitted top-1 {top1(choices, weights):.3f}")
    print("RANK_WEIGHTS = (")
    for name, weight in zip(RANK_FEATURES, weights, strict=True):
        print(f"    {round(float(weight), 3)},  # {name}")
    print(")")
    return 0


if __name__ == "__main__":
    sys.exit(main())
