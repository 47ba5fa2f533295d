"""Speed of the understanding stages against bare spaCy, side by side in one run.

On the LGL news articles (``../shared/eval/geo/lgl.xml``), in one single-threaded
process: bare ``en_core_web_sm`` ``nlp.pipe`` over the texts, then crosswire's
understanding stages (``parse`` + ``actors`` + ``places`` + ``dates`` + ``figures``
+ ``quotes``, spaCy included) over the same texts as articles. Also the
gazetteer's load time from its cache and the process's peak memory.

    .venv/bin/python bench/understanding.py [--data FILE] [--limit N] [--rounds R]

Rounds alternate bare and crosswire so that load on a shared machine hits both.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from dataclasses import replace
from pathlib import Path

for name in ("OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(name, "1")

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import DEFAULT_DATA, load_articles  # noqa: E402  (bench-local module)

UNDERSTANDING = ["parse", "actors", "places", "dates", "figures", "quotes"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    if not args.data.exists():
        print(f"skipped: {args.data} is absent (the LGL corpus from ../shared/eval/geo/)")
        return 0

    from crosswire.config import load_settings
    from crosswire.geo.gazetteer import Gazetteer
    from crosswire.model import Article, Corpus
    from crosswire.nlp import load_nlp
    from crosswire.pipeline import Pipeline
    from crosswire.registry import registered

    available = [s for s in UNDERSTANDING if s in registered()]
    start = time.perf_counter()
    Gazetteer.load()
    gazetteer_load = time.perf_counter() - start

    raw = load_articles(args.data, args.limit)
    articles = tuple(
        Article(
            input_sha256=f"{i:064x}",
            position="0",
            source=f"lgl#{i}",
            format="txt",
            text=a["maintext"],
            title=a["title"],
            published=a["date_publish"][:10] or None,
            published_precision="day",
            language="en",
        )
        for i, a in enumerate(raw)
    )
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)

    nlp = load_nlp()
    settings = load_settings(overrides={"pipeline.stages": ["ingest", "extract", *available]})
    pipeline = Pipeline(settings)
    stages = [b for b in pipeline.stages if b.info.name in available]

    bare_times, crosswire_times = [], []
    for _ in range(args.rounds):
        start = time.process_time()
        for _doc in nlp.pipe(texts, batch_size=32):
            pass
        bare_times.append(time.process_time() - start)
        start = time.process_time()
        corpus = pipeline.run_stages(Corpus(articles=articles), stages)
        crosswire_times.append(time.process_time() - start)
        corpus = replace(corpus, docs=())

    bare, ours = min(bare_times), min(crosswire_times)
    found = {
        "entities": sum(len(a.entities) for a in corpus.analyses),
        "places": sum(len(a.places) for a in corpus.analyses),
        "dates": sum(len(a.dates) for a in corpus.analyses),
        "figures": sum(len(a.figures) for a in corpus.analyses),
        "quotes": sum(len(a.quotes) for a in corpus.analyses),
    }
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"corpus: {len(texts)} LGL articles, {words} words; stages: {', '.join(available)}")
    print(f"{'system':<36} {'words/s':>9} {'articles/s':>10}")
    for name, seconds in (
        ("bare en_core_web_sm nlp.pipe", bare),
        ("crosswire understanding (incl spaCy)", ours),
    ):
        print(f"{name:<36} {words / seconds:>9.0f} {len(texts) / seconds:>10.2f}")
    print(f"ratio crosswire/bare: {bare / ours:.2f} (gate: >= 0.80)")
    print(f"peak memory: {peak:.0f} MiB (gate: < 1536)")
    print(f"gazetteer load from cache: {gazetteer_load:.2f} s (gate: < 2)")
    print("found: " + ", ".join(f"{v} {k}" for k, v in found.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
