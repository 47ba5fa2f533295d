"""Geoparsing benchmark on LGL and GeoWebNews (../shared/eval/geo).

Run: ``.venv/bin/python bench/geo.py`` (``--limit N`` for a quick look at N
articles per corpus; ``--no-cold-build`` to skip timing a fresh gazetteer build).

Reported, per corpus, following "A Pragmatic Guide to Geoparsing Evaluation"
(Gritta, Pilehvar and Collier, LREV 2020):

- Toponym recognition precision, recall and F1. Strict: a predicted span
  counts only when its offsets equal a gold span's (the Guide's recommendation);
  lenient (overlap) is printed beside it. For GeoWebNews only the literal
  (Literal, Literal_Modifier, Mixed, Coercion, Embedded_Literal) and associative
  (Metonymic, Demonym, Language, Non_Literal_Modifier, Embedded_Non_Lit,
  Homonym) types are toponyms; the expression and Non_Toponym types are not.
  Both literal + associative against everything crosswire recognised, and
  literal-only against the places crosswire kept as literal, are printed.
- Resolution: accuracy at 161 km, mean and median error in km, and AUC of
  the error curve: errors sorted ascending, each scaled as ln(1 + km) /
  ln(20039) (20,039 km is the largest distance on Earth), integrated with the
  trapezoid rule over [0, 1]; lower is better. A toponym given no place scores
  the largest error. Measured twice: full pipeline (gold toponyms with
  coordinates that recognition found, with the place crosswire chose), and
  resolution alone (every gold toponym with coordinates, its gold span given,
  crosswire forced to answer when it has any candidate).
"""

from __future__ import annotations

import argparse
import itertools
import math
import resource
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

REPO = Path(__file__).resolve().parents[1]
EVAL_DIR = REPO.parent / "shared" / "eval" / "geo"
MAX_ERROR_KM = 20039.0
LITERAL = {"Literal", "Literal_Modifier", "Mixed", "Coercion", "Embedded_Literal"}
ASSOCIATIVE = {
    "Metonymic",
    "Demonym",
    "Language",
    "Non_Literal_Modifier",
    "Embedded_Non_Lit",
    "Homonym",
}


@dataclass(slots=True)
class GoldToponym:
    start: int
    end: int
    text: str
    kind: str  # GWN type; "Literal" for LGL
    lat: float | None
    lon: float | None


@dataclass(slots=True)
class GoldArticle:
    key: str
    text: str
    toponyms: list[GoldToponym] = field(default_factory=list)


def _float(node: etree._Element, path: str) -> float | None:
    value = node.findtext(path)
    return float(value) if value not in (None, "") else None


def read_lgl(path: Path) -> list[GoldArticle]:
    articles = []
    for node in etree.parse(str(path)).getroot().iter("article"):
        article = GoldArticle(key=node.get("docid", ""), text=node.findtext("text") or "")
        for toponym in node.iter("toponym"):
            gaztag = toponym.find("gaztag")
            article.toponyms.append(
                GoldToponym(
                    start=int(toponym.findtext("start") or 0),
                    end=int(toponym.findtext("end") or 0),
                    text=toponym.findtext("phrase") or "",
                    kind="Literal",
                    lat=_float(gaztag, "lat") if gaztag is not None else None,
                    lon=_float(gaztag, "lon") if gaztag is not None else None,
                )
            )
        articles.append(article)
    return articles


def read_gwn(path: Path) -> list[GoldArticle]:
    articles = []
    for node in etree.parse(str(path)).getroot().iter("article"):
        article = GoldArticle(key=node.get("file", ""), text=node.findtext("text") or "")
        for toponym in node.iter("toponym"):
            kind = toponym.findtext("type") or ""
            if kind not in LITERAL and kind not in ASSOCIATIVE:
                continue
            has_id = bool((toponym.findtext("geonamesID") or "").strip())
            article.toponyms.append(
                GoldToponym(
                    start=int(toponym.findtext("start") or 0),
                    end=int(toponym.findtext("end") or 0),
                    text=toponym.findtext("extractedName") or "",
                    kind=kind,
                    lat=_float(toponym, "latitude") if has_id else None,
                    lon=_float(toponym, "longitude") if has_id else None,
                )
            )
        articles.append(article)
    return articles


def prf(
    predicted: set[tuple[int, int, int]], gold: set[tuple[int, int, int]]
) -> tuple[float, float, float]:
    tp = len(predicted & gold)
    precision = tp / len(predicted) if predicted else 0.0
    recall = tp / len(gold) if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def lenient_prf(
    predicted: list[tuple[int, int, int]], gold: list[tuple[int, int, int]]
) -> tuple[float, float, float]:
    by_doc: dict[int, list[tuple[int, int]]] = {}
    for doc, start, end in gold:
        by_doc.setdefault(doc, []).append((start, end))
    pred_doc: dict[int, list[tuple[int, int]]] = {}
    for doc, start, end in predicted:
        pred_doc.setdefault(doc, []).append((start, end))

    def overlaps(a: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
        return any(a[0] < b[1] and b[0] < a[1] for b in spans)

    hit_p = sum(overlaps((s, e), by_doc.get(d, [])) for d, s, e in predicted)
    hit_g = sum(overlaps((s, e), pred_doc.get(d, [])) for d, s, e in gold)
    precision = hit_p / len(predicted) if predicted else 0.0
    recall = hit_g / len(gold) if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def error_metrics(errors: list[float]) -> dict[str, float]:
    if not errors:
        return {"n": 0, "acc161": 0.0, "mean": 0.0, "median": 0.0, "auc": 0.0}
    ordered = sorted(errors)
    scaled = [math.log(1 + e) / math.log(MAX_ERROR_KM) for e in ordered]
    if len(scaled) == 1:
        auc = scaled[0]
    else:
        step = 1 / (len(scaled) - 1)
        auc = sum((a + b) / 2 * step for a, b in itertools.pairwise(scaled))
    return {
        "n": len(errors),
        "acc161": sum(e <= 161 for e in errors) / len(errors),
        "mean": statistics.fmean(errors),
        "median": statistics.median(errors),
        "auc": auc,
    }


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def gazetteer_figures(cold: bool) -> None:
    from crosswire.geo.gazetteer import Gazetteer, build_cache

    if cold:
        with tempfile.TemporaryDirectory() as tmp:
            started = time.perf_counter()
            build_cache(Path(tmp))
            print(f"gazetteer cold build: {time.perf_counter() - started:.1f} s")
    build_cache()  # make sure the real cache exists before timing a load
    before = rss_mb()
    started = time.perf_counter()
    gazetteer = Gazetteer.load()
    loaded = time.perf_counter() - started
    gazetteer.lookup("Damascus")
    print(
        f"gazetteer cached load: {loaded:.2f} s; entries {len(gazetteer):,}; "
        f"resident memory added {rss_mb() - before:.0f} MiB"
    )


def evaluate(name: str, articles: list[GoldArticle]) -> None:
    from crosswire.geo import Gazetteer, link_containers, resolve_toponyms
    from crosswire.geo.recognize import Recognized, Recognizer
    from crosswire.geo.resolve import haversine_km
    from crosswire.nlp import load_nlp

    nlp = load_nlp()
    gazetteer = Gazetteer.load()
    recognizer = Recognizer(gazetteer)
    gold_all: list[tuple[int, int, int]] = []
    gold_literal: list[tuple[int, int, int]] = []
    predicted_all: list[tuple[int, int, int]] = []
    predicted_literal: list[tuple[int, int, int]] = []
    pipeline_errors: list[float] = []
    gold_span_errors: list[float] = []
    started = time.perf_counter()
    docs = nlp.pipe((a.text for a in articles), batch_size=16)
    for doc_index, (article, doc) in enumerate(zip(articles, docs, strict=True)):
        for g in article.toponyms:
            gold_all.append((doc_index, g.start, g.end))
            if g.kind in LITERAL:
                gold_literal.append((doc_index, g.start, g.end))

        found = recognizer.recognize(doc)
        toponym_items = [r for r in found if r.role != "demonym"]
        context = [r.country for r in found if r.role == "demonym" and r.country]
        resolutions = resolve_toponyms(
            link_containers(doc.text, toponym_items), context_countries=context
        )
        chosen: dict[tuple[int, int], tuple[float, float] | None] = {}
        for item in found:
            predicted_all.append((doc_index, item.start, item.end))
            if item.role == "place":
                predicted_literal.append((doc_index, item.start, item.end))
        for item, resolution in zip(toponym_items, resolutions, strict=True):
            c = resolution.candidate
            chosen[(item.start, item.end)] = (c.lat, c.lon) if c is not None else None
        for item in found:
            if item.role == "demonym":
                country = gazetteer.country(item.country) if item.country else None
                chosen[(item.start, item.end)] = (
                    (country.lat, country.lon) if country is not None else None
                )

        gold_geo = [g for g in article.toponyms if g.lat is not None and g.lon is not None]
        for g in gold_geo:
            assert g.lat is not None and g.lon is not None
            overlapping = [v for (s, e), v in chosen.items() if s < g.end and g.start < e]
            if not overlapping:
                continue  # not recognised: a recognition miss, not a resolution error
            point = overlapping[0]
            pipeline_errors.append(
                MAX_ERROR_KM if point is None else haversine_km(g.lat, g.lon, point[0], point[1])
            )

        gold_items = [
            Recognized(start=g.start, end=g.end, text=g.text, query=g.text, hint=None, role="place")
            for g in gold_geo
        ]
        forced = resolve_toponyms(link_containers(doc.text, gold_items), min_score=None)
        for g, resolution in zip(gold_geo, forced, strict=True):
            assert g.lat is not None and g.lon is not None
            c = resolution.candidate
            gold_span_errors.append(
                MAX_ERROR_KM if c is None else haversine_km(g.lat, g.lon, c.lat, c.lon)
            )
    elapsed = time.perf_counter() - started

    print(f"\n== {name}: {len(articles)} articles, {elapsed:.0f} s")
    rows = [("all toponyms", predicted_all, gold_all)]
    if name == "GeoWebNews":
        rows[0] = ("literal+associative", predicted_all, gold_all)
        rows.append(("literal only", predicted_literal, gold_literal))
    for label, predicted, gold in rows:
        p, r, f = prf(set(predicted), set(gold))
        lp, lr, lf = lenient_prf(predicted, gold)
        print(
            f"recognition {label:20s} strict P {p:.3f} R {r:.3f} F1 {f:.3f} | "
            f"overlap P {lp:.3f} R {lr:.3f} F1 {lf:.3f}  "
            f"(gold {len(gold)}, predicted {len(predicted)})"
        )
    for label, errors in (("full pipeline", pipeline_errors), ("gold spans", gold_span_errors)):
        m = error_metrics(errors)
        print(
            f"resolution {label:14s} n {m['n']:5d}  acc@161 {100 * m['acc161']:.1f}  "
            f"mean {m['mean']:.0f} km  median {m['median']:.1f} km  AUC {m['auc']:.3f}"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="articles per corpus (0: all)")
    parser.add_argument("--no-cold-build", action="store_true", help="skip timing a fresh build")
    parser.add_argument("--corpus", choices=["lgl", "gwn", "both"], default="both")
    args = parser.parse_args()
    if not EVAL_DIR.is_dir():
        print(f"SKIP: evaluation data not found at {EVAL_DIR} (see shared/eval/README.md)")
        return 0
    gazetteer_figures(cold=not args.no_cold_build)
    corpora = []
    if args.corpus in ("lgl", "both"):
        corpora.append(("LGL", EVAL_DIR / "lgl.xml", read_lgl))
    if args.corpus in ("gwn", "both"):
        corpora.append(("GeoWebNews", EVAL_DIR / "gwn.xml", read_gwn))
    for name, path, reader in corpora:
        if not path.exists():
            print(f"SKIP {name}: {path} not found")
            continue
        articles = reader(path)
        if args.limit:
            articles = articles[: args.limit]
        evaluate(name, articles)
    print(
        "\npublished acc@161: Mordecai3 82.7 (LGL) / 94.1 (GWN), CamCoder 76 (LGL), "
        "population baseline 70 (LGL)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
