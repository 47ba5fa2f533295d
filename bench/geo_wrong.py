"""List the wrongly placed map outputs of a geoparsing half, one line each, for reading.

Run: ``PYTHONPATH=src:bench .venv/bin/python bench/geo_wrong.py [--corpus gwn]``.

It is read to find rules, so it lists the tune half unless told (``--half check`` only
to see what a finished change left, never to find a rule), as dup_pairs.py and
subtypes.py do.

For each place crosswire put on the map more than 161 km from the gold toponym it
overlaps: the article and its fold (parity of the numeric id), the mention, the chosen
entry (feature, population, country/subdivision, confidence and the threshold it met),
the gold's point and GeoNames id, the gazetteer's own entry for that id where it has
one, and the resolver's runner-up (its distance from the gold). Also printed: the
confidence and distance of the right outputs, so a threshold can be read off both.
``--docs PATH`` keeps the parsed articles (spaCy DocBin) between runs.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from geo import EVAL_DIR, GoldArticle, _fold, _overlapping, read_gwn, read_lgl
from splits import add_half_argument, wanted

if TYPE_CHECKING:
    from crosswire.geo.gazetteer import Candidate


def _parsed(articles: list[GoldArticle], cache: str) -> list[object]:
    from spacy.tokens import DocBin

    from crosswire.nlp import load_nlp

    nlp = load_nlp()
    if cache and Path(cache).is_file():
        return list(DocBin().from_disk(cache).get_docs(nlp.vocab))
    docs = list(nlp.pipe((a.text for a in articles), batch_size=16))
    if cache:
        DocBin(store_user_data=True, docs=docs).to_disk(cache)
    return docs


def _describe(c: Candidate | None, gold: tuple[float, float]) -> str:
    from crosswire.geo.resolve import haversine_km

    if c is None:
        return "-"
    far = haversine_km(*gold, c.lat, c.lon)
    return f"{c.name}/{c.country}.{c.admin1}/{c.feature}/pop {c.population:,}/{c.match} {far:.0f}km"


def _captured() -> dict[tuple[int, int], object]:
    """Patch geo._add so the scored items (with their resolutions) can be read back."""
    import crosswire.geo as geo

    seen: dict[tuple[int, int], object] = {}
    original = geo._add

    def add(result, item, article_id, threshold):  # type: ignore[no-untyped-def]
        seen[(item.toponym.start, item.toponym.end)] = item
        original(result, item, article_id, threshold)

    geo._add = add  # type: ignore[assignment]
    return seen


def _gold_entry(geonameid: int | None) -> str:
    from crosswire.geo.gazetteer import Gazetteer

    if geonameid is None:
        return ""
    gazetteer = Gazetteer.load()
    for index in _by_gid().get(geonameid, []):
        c = gazetteer.candidate(index, "primary")
        return f" gaz {c.feature}/pop {c.population:,}"
    return " gaz -"


_GIDS: dict[int, list[int]] = {}


def _by_gid() -> dict[int, list[int]]:
    from crosswire.geo.gazetteer import Gazetteer

    if not _GIDS:
        gazetteer = Gazetteer.load()
        for index in range(len(gazetteer)):
            gid = gazetteer.candidate(index, "primary").geonameid
            if gid is not None:
                _GIDS.setdefault(gid, []).append(index)
    return _GIDS


def report(articles: list[GoldArticle], docs: list[object], seen: dict) -> Counter[str]:
    from crosswire.geo import resolve_places
    from crosswire.geo.confidence import is_seat, threshold_for
    from crosswire.geo.resolve import haversine_km

    verdicts: Counter[str] = Counter()
    for article, doc in zip(articles, docs, strict=True):
        seen.clear()
        result = resolve_places(doc, article.key)  # type: ignore[arg-type]
        for place, mention in result.places:
            if place.lat is None or place.lon is None:
                continue
            gold = [
                g
                for g in _overlapping(mention.start, mention.end, article.toponyms)
                if g.lat is not None
            ]
            if not gold:
                continue
            g = min(gold, key=lambda g: haversine_km(g.lat, g.lon, place.lat, place.lon))  # type: ignore[arg-type]
            km = haversine_km(g.lat, g.lon, place.lat, place.lon)  # type: ignore[arg-type]
            item = seen.get((mention.start, mention.end))
            res = item.resolution if item else None  # type: ignore[attr-defined]
            chosen = res.candidate if res else None
            thr = (
                threshold_for(item.vector, chosen.country, seat=is_seat(chosen))  # type: ignore[attr-defined]
                if item and item.vector and chosen
                else 0.0
            )
            fold = _fold(article.key)
            verdict = "WRONG" if km > 161 else "right"
            verdicts[f"fold {fold} {verdict}"] += 1
            if verdict == "right":
                continue
            print(
                f"{verdict} f{fold} {article.key} {mention.text!r} [{g.kind}] "
                f"-> {_describe(chosen, (g.lat, g.lon))} conf {place.score} thr {thr:.2f} "
                f"margin {res.margin if res else 0:.2f} ctx {res.context_margin if res else 0:.2f}"
                f"\n      gold {g.geonameid} ({g.lat:.2f},{g.lon:.2f}){_gold_entry(g.geonameid)}"
                f" | rival {_describe(res.rival if res else None, (g.lat, g.lon))}"
            )
    return verdicts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", choices=["lgl", "gwn"], default="gwn")
    parser.add_argument("--docs", default="", help="DocBin file keeping the parsed articles")
    add_half_argument(parser, default="tune")
    args = parser.parse_args()
    path, reader = (EVAL_DIR / f"{args.corpus}.xml", read_gwn if args.corpus == "gwn" else read_lgl)
    if not path.exists():
        print(f"SKIP: {path} not found")
        return 0
    articles = [a for a in reader(path) if wanted(args.corpus, a.key, args.half)]
    docs = _parsed(articles, args.docs)
    seen = _captured()
    verdicts = report(articles, docs, seen)
    print(dict(sorted(verdicts.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
