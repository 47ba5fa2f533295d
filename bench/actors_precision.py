"""Actor precision on real news: the share of actor mentions that are junk.

Runs the document stages up to ``actor_countries`` (ingest .. parse, actors, places,
actor_countries) over the FA-KES development articles
(``../shared/eval/events/fakes_dev.csv``, loader ``bench/fakes_data.py``; fixed
halves by ``bench/splits.py``), each article
given as a user would paste it: title and body, no date, no outlet. Every
actor mention the stage outputs is put in at most one junk class, each
detected automatically from the mention and its context, never from a list of
the articles' words:

- ``outlet``: the text is a news outlet or agency (``crosswire.metadata.outlets`` names,
  the agency names of the furniture lexicon, or a phrase built on an outlet
  word such as "news agency" or "TV");
- ``temporal``: the text is a weekday, month, date or a time word;
- ``caption``: the text is a caption or page-furniture word (photo, image,
  file, video, credit ...);
- ``place``: the text is a GeoNames place name (a town of 1,000 people or more,
  or an administrative area; its own name, or any of its names in Syria), the
  mention is unlinked or comes after a locative preposition ("in", "near", "at"
  ...), it is no state's or capital's name used as its government ("Damascus
  said"), and no speech verb stands beside it
  ("X said", "said X": a person whose name is also a town's);
- ``lowercase``: one lowercase word linked to nothing.

Figures: mentions, junk share overall and per class, linked (dictionary) and
unlinked separately, per half. ``--sample N`` prints N mentions of the check
half (seeded) with a few words of context, for judging by reading.

    PYTHONPATH=src .venv/bin/python bench/actors_precision.py [--half check|tune|all]
        [--limit N] [--sample 30] [--floor 0.05]

Exits non-zero when the check half's junk share is above ``--floor``.
Without the data it says so and exits 0. Nothing from the data is written.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import fakes_data

STAGES = [
    "ingest", "extract", "split", "clean", "metadata", "language", "parse", "actors",
    "places", "actor_countries",
]  # fmt: skip


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


_MONTHS = (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
)
_TIME_WORDS = (
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thurs fri "
    "sat sun today yesterday tomorrow tonight morning evening afternoon night dawn noon "
    "week weekend month year day hours gmt utc"
)
TEMPORAL = _wordset(_MONTHS + " " + _TIME_WORDS)
CAPTION = _wordset(
    "photo photos picture pictures image images file video videos caption credit credits "
    "getty handout screenshot screengrab graphic infographic gallery slideshow tags "
    "subscribe related latest episode"
)
# Words that make a phrase an outlet (broadcast and masthead words).
OUTLET_HEADS = _wordset(
    "news newswire agency tv television channel radio broadcaster broadcasting newspaper "
    "daily magazine times gazette herald tribune"
)
# The articles report the war in Syria: a transliterated (alternate) name counts as a
# place there; elsewhere only a place's own name does.
CORPUS_COUNTRY = "SY"
PLACE_FEATURES = frozenset({"country", "admin1", "admin2"})
LOCATIVE = _wordset("in at near outside inside")
# Platforms carry reports; they are never a party to a conflict.
PLATFORMS = _wordset("twitter facebook youtube instagram telegram whatsapp tiktok")


@dataclass(frozen=True)
class Row:
    half: str
    article: str
    text: str
    entity: str
    kind: str
    linked: bool
    before: str
    after: str
    junk: str  # "" when no junk class fits


def _words(text: str) -> list[str]:
    return re.findall(r"[\w'’\-]+", text.casefold())


class Classifier:
    def __init__(self) -> None:
        from crosswire.actors import load_actor_dictionary
        from crosswire.clean.furniture import _AGENCIES  # the lexicon's agency names
        from crosswire.geo.gazetteer import Gazetteer

        self.agencies = re.compile(rf"(?:the\s+)?{_AGENCIES}", re.IGNORECASE)
        self.gazetteer = Gazetteer.load()
        dictionary = load_actor_dictionary()
        # A state's or its capital's name may stand for its government.
        self.state_names = {
            name.casefold() for state in dictionary.states.values() for name in state_names(state)
        }

    def junk(self, text: str, linked: bool, before: str, after: str, kind: str) -> str:
        from crosswire.metadata.outlets import is_known_outlet

        words = _words(text)
        stripped = re.sub(r"^the\s+", "", text.strip(), flags=re.IGNORECASE)
        if is_known_outlet(stripped) or self.agencies.fullmatch(stripped):
            return "outlet"
        if any(w in PLATFORMS for w in words) and not linked:
            return "outlet"
        if words and words[-1] in OUTLET_HEADS and not linked:
            return "outlet"
        if words and all(w in TEMPORAL or w.isdigit() for w in words):
            return "temporal"
        if words and any(w in CAPTION for w in words) and not linked:
            return "caption"
        if self._place(stripped, linked, before, after):
            return "place"
        if len(words) == 1 and text.islower() and kind in ("person", "organisation"):
            return "lowercase"
        return ""

    def _place(self, text: str, linked: bool, before: str, after: str) -> bool:
        if text.casefold() in self.state_names and not linked:
            return False
        locative = before.split()[-1:] and before.split()[-1].casefold() in LOCATIVE
        if linked and (not locative or after.startswith("-")):
            return False
        if not text[:1].isupper() or _speaks(before, after):
            return False  # "X said", "said X": an actor reading, whatever else X names
        return any(
            (c.match == "primary" or c.country == CORPUS_COUNTRY)
            and (c.population >= 1000 or c.feature in PLACE_FEATURES)
            for c in self.gazetteer.lookup(text)
        )


SPEECH = _wordset("said says told added announced stated noted reported")


def _speaks(before: str, after: str) -> bool:
    following = after.split()[:1]
    preceding = before.split()[-1:]
    return bool(
        (following and following[0].strip('.,"') in SPEECH)
        or (preceding and preceding[0].strip('.,"') in SPEECH)
    )


def state_names(state: object) -> list[str]:
    names = [getattr(state, "name", "")]
    for field in ("names", "capitals", "seats"):
        names += list(getattr(state, field, ()) or ())
    return [n for n in names if n]


def run_half(half: str, limit: int | None) -> list[tuple[str, str, object]]:
    """(half, article text, analysis) for every article of the half."""
    from crosswire.config import load_settings
    from crosswire.pipeline import Pipeline
    from crosswire.readers.ingest import discover

    articles = fakes_data.load(half)[:limit]
    settings = load_settings(overrides={"pipeline.stages": STAGES})
    pipeline = Pipeline(settings)
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        for article in articles:
            record = {"title": article.title, "text": article.text}
            path = Path(tmp) / f"{article.unit_id}.jsonl"
            path.write_text(json.dumps(record) + "\n", encoding="utf-8")
        inputs, _missing = discover([tmp])
        corpus = pipeline.run(inputs)
    texts = {a.id: a.text for a in corpus.articles}
    for analysis in corpus.analyses:
        out.append((half, texts.get(analysis.article, ""), analysis))
    return out


def rows_of(half: str, limit: int | None, classifier: Classifier) -> list[Row]:
    rows = []
    for _half, text, analysis in run_half(half, limit):
        for entity in analysis.entities:  # type: ignore[attr-defined]
            for m in entity.mentions:
                before = text[max(0, m.start - 40) : m.start].replace("\n", " ")
                after = text[m.end : m.end + 40].replace("\n", " ")
                linked = bool(entity.canonical_key)
                rows.append(
                    Row(
                        half,
                        m.article,
                        m.text,
                        entity.name,
                        entity.kind,
                        linked,
                        before,
                        after,
                        classifier.junk(m.text, linked, before, after, entity.kind),
                    )
                )
    return rows


def report(half: str, rows: list[Row]) -> float:
    junk = [r for r in rows if r.junk]
    share = len(junk) / len(rows) if rows else 0.0
    articles = len({r.article for r in rows})
    print(f"{half} half: {len(rows)} actor mentions in {articles} articles")
    print(f"  junk share: {share:.1%} ({len(junk)})")
    for linked in (True, False):
        part = [r for r in rows if r.linked == linked]
        bad = [r for r in part if r.junk]
        label = "linked  " if linked else "unlinked"
        print(f"    {label}: {len(bad)}/{len(part)} = {len(bad) / max(1, len(part)):.1%}")
    # The articles report the war in Syria: civilians elsewhere are invented nationalities.
    civilians = [r for r in rows if r.kind == "civilians" and r.linked]
    elsewhere = [r for r in civilians if not r.entity.endswith("(Syria)")]
    print(f"  civilians given a country other than Syria: {len(elsewhere)}/{len(civilians)}")
    bare = sum(1 for r in rows if r.kind == "civilians" and not r.linked)
    print(f"  civilians left with no country (no place in the text): {bare}")
    for cls, n in Counter(r.junk for r in junk).most_common():
        examples = Counter(r.text for r in junk if r.junk == cls).most_common(6)
        shown = ", ".join(f"{t} x{c}" for t, c in examples)
        print(f"    {cls:10} {n:4d} {n / len(rows):6.1%}  e.g. {shown}")
    return share


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--half", choices=["tune", "check", "all"], default="all")
    parser.add_argument("--limit", type=int, default=None, help="articles per half")
    parser.add_argument("--sample", type=int, default=0, help="check-half mentions to print")
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--floor", type=float, default=0.02, help="max check-half junk share")
    parser.add_argument("--list", choices=["junk", "all"], default=None)
    args = parser.parse_args()
    if not fakes_data.available():
        print(f"FA-KES development set not found at {fakes_data.FAKES_CSV}; nothing to measure.")
        return 0
    classifier = Classifier()
    halves = ["tune", "check"] if args.half == "all" else [args.half]
    check_share = 0.0
    for half in halves:
        rows = rows_of(half, args.limit, classifier)
        share = report(half, rows)
        if half == "check":
            check_share = share
        if args.list:
            for r in rows:
                if args.list == "all" or r.junk:
                    shown = f"{r.before[-25:]}[[{r.text}]]{r.after[:20]}"
                    print(f"  [{r.junk or '-'}] {shown} -> {r.entity} ({r.kind})")
        if half == "check" and args.sample:
            picked = random.Random(args.seed).sample(rows, min(args.sample, len(rows)))
            print(f"  sample of {len(picked)} check-half mentions (seed {args.seed}):")
            for i, r in enumerate(picked, 1):
                print(
                    f"  {i:2d}. ...{r.before[-30:]}[[{r.text}]]{r.after[:30]}... -> "
                    f"{r.entity} ({r.kind}{', linked' if r.linked else ''}) {r.junk}"
                )
    if "check" in halves and check_share > args.floor:
        print(f"FAIL: check-half junk share {check_share:.1%} above {args.floor:.1%}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
