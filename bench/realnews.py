"""Events on real news: FA-KES (../shared/eval/events/fakes_dev.csv) through the whole pipeline.

Run: ``PYTHONPATH=src .venv/bin/python bench/realnews.py [--half tune|check|all]``
(default ``check``; quote the check half, look at errors only on the tune half
with ``--errors``, which refuses any other half).

The articles go through the real pipeline (``crosswire.api.run_corpus``, the
code path of ``crosswire run``) as one temporary news-please JSON-lines file
with ``title``, ``maintext`` and ``source_domain``. The annotated date is NOT
passed: it is the incident's date, not the publication date. Other benches
reuse :func:`run_articles` (one parse per article, one spaCy load per process).

Printed, with precision beside recall:

- **events per article** (every happened event: modality ``asserted`` and not a
  background mention), and all events including the flagged ones;
- **outside Syria**: of the happened events with a place, the share whose place
  lies in another country (a country-level "Syria" counts as inside);
- **no place**: the share of happened events with no place;
- **main event** of each article: among its happened events, the one with the
  highest ``confidence`` (events without one count 1.0), ties broken by the
  earliest position in the text. It is what the brief shows first for the
  article. Scored on:

  * *governorate*: the event place's GeoNames ``admin1`` name, folded and
    matched with ``fakes_data.canonical_governorate``; a place inside Syria with
    no admin1 but with coordinates, finer than a country, takes the governorate
    of the nearest governorate capital (a coarse fallback). The annotation's
    "damascus" covers both Damascus and Rif Dimashq. A country-level place or
    one outside Syria is wrong;
  * *type*: the ACLED event type is one of ``fakes_data.CAUSE_TYPES[cause]``;
  * *toll*: the event's ``fatalities`` equals the annotated civilians plus
    non-civilians. The annotation is crowd-made and noisy (a toll can count
    one category only, or a later update): an exact match is asked anyway, so
    the figure is a floor. An article whose gold toll is 0 is right when the
    event has no fatality figure or 0;
  * all three at once.

  Recall divides by every article; precision by the articles that got a main
  event at all.
- the main event's **actors** against the annotated perpetrator category and
  civilian dead (``bench/realnews_actors.py``);
- the main event's **date** against the annotated incident date: right when a
  range of a week or less holds it or ends within a day of it
  (``bench/realnews_evdates.py``; ``--date-errors N`` lists misses, tune half).

Floors (exit 1 below them) are pinned at what the check half reaches.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import tempfile
import time
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import fakes_data
import realnews_actors
import realnews_evdates
from splits import add_half_argument

REPO = Path(__file__).resolve().parents[1]
sys.path.append(str(REPO / "src"))  # PYTHONPATH, when set, wins

from crosswire.model import Analysis, Corpus, Event, Place  # noqa: E402

HAPPENED = "asserted"
COUNTRY = "SY"
# Floors pinned on the check half (fractions). Raise them as the figures rise.
FLOORS = {"all3": 0.60, "outside_max": 0.02}
# The main event's actors (bench/realnews_actors.py), pinned on the check half.
ACTOR_FLOORS = {"actor1": 0.71, "actor1_precision": 0.73, "actor2_civ": 0.78}
# The main event's date (bench/realnews_evdates.py), pinned on the check half.
DATE_FLOORS = {"date": 0.66, "date_precision": 0.68}

# Governorate capitals (facts: approximate coordinates), for the nearest-capital
# fallback of places in Syria that carry no admin1.
CAPITALS: dict[str, tuple[float, float]] = {
    "aleppo": (36.20, 37.16),
    "idlib": (35.93, 36.63),
    "damascus": (33.51, 36.29),
    "deir ezzor": (35.34, 40.14),
    "homs": (34.73, 36.71),
    "hasakeh": (36.50, 40.75),
    "raqqa": (35.95, 39.01),
    "hama": (35.13, 36.75),
    "daraa": (32.62, 36.10),
    "lattakia": (35.52, 35.79),
    "quneitra": (33.13, 35.82),
    "tartus": (34.89, 35.89),
    "sweida": (32.71, 36.57),
}


# --------------------------------------------------------------------------
# Running the pipeline


def write_jsonl(rows: Iterable[dict[str, str]], path: Path) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")


def run_articles(rows: list[dict[str, str]], config: Path | None = None) -> Corpus:
    """Run the default pipeline over news-please rows, as ``crosswire run`` does.

    The rows are written to a temporary JSON-lines file, read through the real
    ingest path into an in-memory store. Article ``i`` of the result has
    position ``str(i)`` (its line in the file).
    """
    from crosswire.api import run_corpus
    from crosswire.config import load_settings

    settings = load_settings(config)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "articles.jsonl"
        write_jsonl(rows, path)
        return run_corpus([path], settings=settings, db=":memory:")


def fakes_rows(articles: list[fakes_data.FakesArticle]) -> list[dict[str, str]]:
    return fakes_data.news_please_rows(articles)


def line_of(position: str) -> int | None:
    head = position.split("#")[-1].split("/")[0]
    return int(head) if head.isdigit() else None


def analyses_by_line(corpus: Corpus) -> dict[int, Analysis]:
    """Input line -> the article's analysis (split articles keep their first part)."""
    lines = {a.id: line_of(a.position) for a in corpus.articles}
    out: dict[int, Analysis] = {}
    for analysis in corpus.analyses:
        line = lines.get(analysis.article)
        if line is not None and line not in out:
            out[line] = analysis
    return out


# --------------------------------------------------------------------------
# Scoring


def happened(event: Event) -> bool:
    return event.modality == HAPPENED and not event.background


def confidence(event: Event) -> float:
    value = getattr(event, "confidence", None)
    return 1.0 if value is None else float(value)


def main_event(analysis: Analysis) -> Event | None:
    """The article's happened event with the highest confidence; ties: earliest."""
    best: tuple[float, int, Event] | None = None
    for event in analysis.events:
        if not happened(event):
            continue
        start = event.sources[0].start if event.sources else 0
        key = (-confidence(event), start)
        if best is None or key < best[:2]:
            best = (*key, event)
    return best[2] if best else None


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("'", "")


def governorate(place: Place | None) -> str | None:
    """The canonical governorate of an event place, or None."""
    if place is None or place.country_code != COUNTRY:
        return None
    if place.admin1:
        found = fakes_data.canonical_governorate(fold(place.admin1))
        if found:
            return found
    if place.feature == "admin1":
        return fakes_data.canonical_governorate(fold(place.name))
    if place.feature == "country" or place.lat is None or place.lon is None:
        return None
    return min(CAPITALS, key=lambda g: _km(CAPITALS[g], (place.lat, place.lon)))  # type: ignore[arg-type]


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat = math.radians((a[0] + b[0]) / 2)
    dy = a[0] - b[0]
    dx = (a[1] - b[1]) * math.cos(lat)
    return 111.2 * math.hypot(dx, dy)


def toll_right(event: Event, gold: int) -> bool:
    if gold == 0:
        return not event.fatalities
    return event.fatalities == gold


@dataclass
class Score:
    articles: int = 0
    with_main: int = 0
    gov: int = 0
    type: int = 0
    toll: int = 0
    all3: int = 0
    events: int = 0
    events_all: int = 0
    placed: int = 0
    outside: int = 0
    no_place: int = 0
    actors: realnews_actors.ActorScore = field(default_factory=realnews_actors.ActorScore)
    dates: realnews_evdates.DateScore = field(default_factory=realnews_evdates.DateScore)


def score(
    articles: list[fakes_data.FakesArticle],
    by_line: dict[int, Analysis],
    published: dict[str, str | None] | None = None,
) -> tuple[Score, list[tuple[fakes_data.FakesArticle, Event | None, dict[str, bool]]]]:
    total = Score(articles=len(articles))
    rows = []
    for line, article in enumerate(articles):
        analysis = by_line.get(line)
        places = {p.id: p for p in analysis.places} if analysis else {}
        events = analysis.events if analysis else ()
        total.events_all += len(events)
        for event in events:
            if not happened(event):
                continue
            total.events += 1
            place = places.get(event.place) if event.place else None
            if place is None:
                total.no_place += 1
                continue
            total.placed += 1
            total.outside += place.country_code not in (COUNTRY, None)
        main = main_event(analysis) if analysis else None
        marks = {"gov": False, "type": False, "toll": False}
        if main is not None:
            total.with_main += 1
            place = places.get(main.place) if main.place else None
            marks["gov"] = governorate(place) == article.governorate
            marks["type"] = main.event_type in fakes_data.CAUSE_TYPES[article.cause]
            marks["toll"] = toll_right(main, article.toll)
        total.gov += marks["gov"]
        total.type += marks["type"]
        total.toll += marks["toll"]
        total.all3 += all(marks.values()) and main is not None
        realnews_actors.score_article(total.actors, article, analysis, main)
        dated = (published or {}).get(analysis.article) if analysis else None
        realnews_evdates.score_article(total.dates, article, main, dated)
        rows.append((article, main, marks))
    return total, rows


def _pr(hits: int, score: Score) -> str:
    recall = hits / score.articles if score.articles else 0.0
    precision = hits / score.with_main if score.with_main else 0.0
    return f"recall {recall:6.1%}  precision {precision:6.1%}  ({hits})"


def report(half: str, score: Score, seconds: float) -> dict[str, float]:
    n = max(score.articles, 1)
    outside = score.outside / score.placed if score.placed else 0.0
    figures = {
        "articles": score.articles,
        "events_per_article": score.events / n,
        "all_events_per_article": score.events_all / n,
        "outside": outside,
        "no_place": score.no_place / score.events if score.events else 0.0,
        "gov": score.gov / n,
        "type": score.type / n,
        "toll": score.toll / n,
        "all3": score.all3 / n,
        "seconds": seconds,
    }
    print(f"FA-KES {half} half: {score.articles} articles, pipeline {seconds:.0f} s")
    print(
        f"  happened events per article {figures['events_per_article']:.2f}"
        f" (all events incl. flagged {figures['all_events_per_article']:.2f})"
    )
    print(f"  happened events placed outside Syria {outside:.1%} ({score.outside}/{score.placed})")
    print(f"  happened events with no place {figures['no_place']:.1%}")
    print(f"  articles with a main event {score.with_main}/{score.articles}")
    print(f"  main event governorate  {_pr(score.gov, score)}")
    print(f"  main event type         {_pr(score.type, score)}")
    print(f"  main event toll         {_pr(score.toll, score)}")
    print(f"  main event all three    {_pr(score.all3, score)}")
    figures.update(realnews_actors.report(score.actors))
    figures.update(realnews_evdates.report(score.dates))
    return figures


def fold_of(article: fakes_data.FakesArticle) -> int:
    """The parity fold of an article (unit id even 0, odd 1), to check a change on both."""
    return int(article.unit_id) % 2 if article.unit_id.isdigit() else 0


def print_folds(rows: list) -> None:
    """The main event's fields right per parity fold of the half, its date (+-1 day) too."""
    for parity in (0, 1):
        mine = [row for row in rows if fold_of(row[0]) == parity]
        part = [marks for _article, _main, marks in mine]
        n = max(len(part), 1)
        right = {k: sum(m[k] for m in part) for k in ("gov", "type", "toll")}
        all3 = sum(all(m.values()) for m in part)
        print(
            f"  fold {parity} ({len(part)} articles): gov {right['gov'] / n:.1%} type"
            f" {right['type'] / n:.1%} toll {right['toll'] / n:.1%} all three {all3 / n:.1%}"
            f" date {realnews_evdates.fold_figure([(a.incident_date, e) for a, e, _ in mine])}"
        )


def miss_class(article: fakes_data.FakesArticle, analysis: Analysis | None, marks: dict) -> str:
    """Why a main event misses: ``choice`` (another happened event of the article is right
    in all three), ``flagged`` (only a not-happened one is), else the fields it gets wrong."""
    places = {p.id: p for p in analysis.places} if analysis else {}

    def right(event: Event) -> bool:
        place = places.get(event.place) if event.place else None
        return (
            governorate(place) == article.governorate
            and event.event_type in fakes_data.CAUSE_TYPES[article.cause]
            and toll_right(event, article.toll)
        )

    events = analysis.events if analysis else ()
    if any(happened(e) and right(e) for e in events):
        return "choice"
    if any(right(e) for e in events):
        return "flagged"
    return "+".join(k for k in ("gov", "type", "toll") if not marks[k]) or "no main event"


def print_errors(corpus: Corpus, rows: list, limit: int) -> None:
    places = {p.id: p for a in corpus.analyses for p in a.places}
    by_line = analyses_by_line(corpus)
    wrong = [(n, r) for n, r in enumerate(rows) if not all(r[2].values())]
    causes = Counter((r[0].cause, r[1].event_type if r[1] else None) for _n, r in wrong)
    print("\nwrong (cause, type):", causes.most_common(12))
    classes = [(fold_of(r[0]), miss_class(r[0], by_line.get(n), r[2])) for n, r in wrong]
    for parity in (0, 1):
        print(f"misses fold {parity}:", Counter(c for f, c in classes if f == parity).most_common())
    for (_n, (article, main, _marks)), (_parity, why) in zip(wrong[:limit], classes, strict=False):
        place = places.get(main.place) if main and main.place else None
        gold = f"{article.governorate}/{article.cause}/{article.toll}"
        print(f"- {article.unit_id} gold {gold} | {why}")
        if main is None:
            print("    no main event")
            continue
        where = f"{place.name} ({place.country_code}, {place.admin1})" if place else None
        print(f"    {main.sub_event_type} | {where} | fat {main.fatalities}")
        print(f"    {main.sources[0].text[:200] if main.sources else ''}")


def print_outside(corpus: Corpus, articles: list[fakes_data.FakesArticle]) -> None:
    """The happened events placed outside Syria, with their place and first source line."""
    print("\nhappened events placed outside Syria:")
    for line, analysis in analyses_by_line(corpus).items():
        places = {p.id: p for p in analysis.places}
        for event in analysis.events:
            place = places.get(event.place) if event.place else None
            if not happened(event) or place is None or place.country_code in (COUNTRY, None):
                continue
            text = event.sources[0].text[:220] if event.sources else ""
            print(f"- {articles[line].unit_id} {place.name} ({place.country_code}) | {text}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_half_argument(parser)
    parser.add_argument("--limit", type=int, default=0, help="first N articles only")
    parser.add_argument("--errors", type=int, default=0, help="show N wrong articles (tune)")
    parser.add_argument(
        "--date-errors", type=int, default=0, help="show N main-event date misses (tune)"
    )
    parser.add_argument("--outside", action="store_true", help="list events abroad (tune)")
    parser.add_argument("--json", type=Path, help="write the figures here")
    parser.add_argument("--no-floors", action="store_true", help="report only")
    args = parser.parse_args(argv)
    if not fakes_data.available():
        print(f"skipped: {fakes_data.FAKES_CSV} is absent")
        return 0
    if (args.errors or args.date_errors or args.outside) and args.half != "tune":
        parser.error("--errors and --date-errors read the tune half only")
    articles = fakes_data.load(args.half)
    if args.limit:
        articles = articles[: args.limit]
    started = time.perf_counter()
    corpus = run_articles(fakes_rows(articles))
    seconds = time.perf_counter() - started
    published = {a.id: a.published for a in corpus.articles}
    total, rows = score(articles, analyses_by_line(corpus), published)
    figures = report(args.half, total, seconds)
    print_folds(rows)
    if args.errors:
        print_errors(corpus, rows, args.errors)
        realnews_actors.print_confusion(total.actors)
    if args.outside:
        print_outside(corpus, articles)
    if args.date_errors:
        realnews_evdates.print_misses(total.dates, args.date_errors)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2))
    if args.no_floors or args.limit or args.half != "check":
        return 0  # the floors are the check half's (the tune half places more abroad)
    failed = []
    if figures["all3"] < FLOORS["all3"]:
        failed.append(f"main event all three {figures['all3']:.1%} < {FLOORS['all3']:.0%}")
    if figures["outside"] > FLOORS["outside_max"]:
        failed.append(f"outside Syria {figures['outside']:.1%} > {FLOORS['outside_max']:.0%}")
    for name, floor in (ACTOR_FLOORS | DATE_FLOORS).items():
        if figures[name] < floor:
            failed.append(f"{name} {figures[name]:.1%} < {floor:.0%}")
    for line in failed:
        print("FLOOR:", line)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
