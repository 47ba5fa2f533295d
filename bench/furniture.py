"""Page furniture left in article text: FA-KES (../shared/eval/events/fakes_dev.csv).

Run: ``PYTHONPATH=src:bench .venv/bin/python bench/furniture.py [--half tune|check|all]``
(default: both halves, one after the other; quote the check half).
``--sample N [--half check]`` prints N removals of the tune (or check) half drawn
with a fixed seed, for the hand audit kept in ``bench/audits/furniture_removals.csv``
(judged after the rules were fixed; the check half's removals are read only to
measure, never to tune).

The articles go through the pipeline's own ``ingest``, ``extract`` and ``split``
stages (news-please JSON lines, as ``bench/realnews.py`` feeds them), then the
``clean`` stage's function. Printed per half:

- **residue** (recall's complement): articles whose text still holds a
  furniture marker, before cleaning and after. The detector is a fixed list of
  transparent patterns (``MARKERS`` below), independent of the cleaner's rules:
  a share or counter button pair ("Print Tweet", "Views 458", "Get short URL"),
  a capitalised "Tags"/"Related" label followed by a capitalised word, a
  comment-widget or footer phrase ("Comment via", "Community standards",
  "Copyright", "Privacy Policy", "Follow us", "Subscribe"), "Click to enlarge",
  "Read more", a clock time in the first 80 characters ("at 1459", "14:28",
  "UTC"), an "(updated ...)" stamp, a photo credit run into the text ("AP
  Photo", ". REUTERS Name") and editors' initials closing it ("... said.
  R.J/ H. Roe", ". KLMB"). A marker is evidence of furniture, not
  proof: "Subscribe" can be prose. The same detector scores both runs.
- **removals** by rule: the inline rules of ``crosswire.clean.inline`` by name,
  other removals by their reason code (paragraph and sentence scoring);
- **precision**: from the hand audit, the share of audited removals that hold
  no sentence of the story (``furniture``), with ``partial`` (furniture that
  also took a few words of a sentence) counted wrong. The sample is 30
  removals drawn with seed 8 by ``--sample 30``; the CSV holds ids, the rule,
  the first three words and the verdict, never more of the text.
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import fakes_data

REPO = Path(__file__).resolve().parents[1]
sys.path.append(str(REPO / "src"))  # PYTHONPATH, when set, wins

from crosswire.clean.furniture import split_paragraphs  # noqa: E402
from crosswire.clean.stage import clean_article  # noqa: E402
from crosswire.model import Article  # noqa: E402

AUDIT = REPO / "bench" / "audits" / "furniture_removals.csv"
STAGES = ["ingest", "extract", "split"]

MARKERS: dict[str, re.Pattern[str]] = {
    "share/counter": re.compile(
        r"\b(?:Print|Tweet|Share|Email)\s+(?:Print|Tweet|Share|Email|Views|Facebook|Twitter)\b"
        r"|\bViews\s+\d|\bGet\s+short\s+URL\b|\bLike\s+Follow\b"
    ),
    "tags label": re.compile(r"\bTags\s+[A-Z]"),
    "related label": re.compile(r"\bRelated(?:\s+News)?\s+[A-Z]"),
    "comment/footer": re.compile(
        r"Comment\s+via|Community\s+standards|Copyright|©|Privacy\s+Policy|Terms\s+of\s+Use"
        r"|Follow\s+us|\bSubscribe\b|All\s+rights\s+reserved"
    ),
    "prompt": re.compile(r"Click\s+to\s+enlarge|\bRead\s+more\b"),
    "head clock": re.compile(r"^.{0,80}?(?:\bat\s+\d{4}\b|\b\d{1,2}:\d{2}\b|\bUTC\b|\bGMT\b)"),
    "updated stamp": re.compile(r"\(\s*updated\b", re.IGNORECASE),
    "photo credit": re.compile(
        r"\bAP\s+Photo\b|\(Reuters\s+Photo\)|[.!?\"”]\s+(?:Sputnik|REUTERS|AFP)\s+[A-Z]"
    ),
    "desk initials": re.compile(r"[.!?\"”]\s+(?:\S{1,20}/\s?)+\S{1,20}\s*$|[.!?]\s+[A-Z]{4,8}\s*$"),
}


@dataclass
class Half:
    name: str
    articles: int = 0
    before: Counter[str] = field(default_factory=Counter)
    after: Counter[str] = field(default_factory=Counter)
    with_before: int = 0
    with_after: int = 0
    rules: Counter[str] = field(default_factory=Counter)
    removals: list[tuple[str, str, str]] = field(default_factory=list)  # unit, rule, text


def split_articles(articles: list[fakes_data.FakesArticle]) -> list[list[Article]]:
    """Each FA-KES article after ingest, extract and split (one or more parts)."""
    from crosswire.api import run_corpus
    from crosswire.config import load_settings

    settings = load_settings(overrides={"pipeline.stages": STAGES})
    with tempfile.TemporaryDirectory() as tmp:
        path = fakes_data.write_jsonl(articles, Path(tmp) / "articles.jsonl")
        corpus = run_corpus([path], settings=settings, db=":memory:")
    parts: list[list[Article]] = [[] for _ in articles]
    for article in corpus.articles:
        line = int(article.position.split("#")[-1].split(".")[0])
        parts[line].append(article)
    return parts


def markers(text: str) -> set[str]:
    return {name for name, pattern in MARKERS.items() if pattern.search(text)}


def inline_rules(text: str) -> dict[str, str]:
    """Removed text -> the inline rule that cut it."""
    try:
        from crosswire.clean.inline import find_cuts
    except ImportError:  # a cleaner from before the inline rules: the baseline
        return {}
    rules = {}
    for paragraph in split_paragraphs(text):
        for cut in find_cuts(paragraph):
            rules[paragraph[cut.start : cut.end].strip()] = cut.rule
    return rules


def score_half(name: str) -> Half:
    gold = fakes_data.load(name)
    half = Half(name, articles=len(gold))
    for item, parts in zip(gold, split_articles(gold), strict=True):
        raw = "\n\n".join(p.text for p in parts)
        cleaned = [clean_article(p) for p in parts]
        found_before, found_after = markers(raw), markers("\n\n".join(c.text for c in cleaned))
        half.before.update(found_before)
        half.after.update(found_after)
        half.with_before += bool(found_before)
        half.with_after += bool(found_after)
        rules = inline_rules(raw)
        for part, clean in zip(parts, cleaned, strict=True):
            for block in clean.removed[len(part.removed) :]:
                rule = rules.get(block.text, f"scored:{block.reason}")
                half.rules[rule] += 1
                half.removals.append((item.unit_id, rule, block.text))
    return half


def audit_precision(half: Half) -> tuple[int, int] | None:
    """(furniture, audited) over the sampled audit rows of this half (rows
    marked ``sampled=no`` record errors found outside the random sample)."""
    if not AUDIT.is_file():
        return None
    with AUDIT.open(encoding="utf-8", newline="") as handle:
        rows = [
            r for r in csv.DictReader(handle) if r["half"] == half.name and r["sampled"] == "yes"
        ]
    if not rows:
        return None
    return sum(r["verdict"] == "furniture" for r in rows), len(rows)


def report(half: Half) -> None:
    n = half.articles
    print(f"== {half.name} half: {n} articles")
    print(
        f"  articles with a furniture marker: before {half.with_before} "
        f"({half.with_before / n:.1%}), after {half.with_after} ({half.with_after / n:.1%})"
    )
    for name in MARKERS:
        print(f"    {name:<15} before {half.before[name]:>3}  after {half.after[name]:>3}")
    print(f"  removals: {sum(half.rules.values())}")
    for rule, count in sorted(half.rules.items()):
        print(f"    {rule:<28} {count:>3}")
    audited = audit_precision(half)
    if audited:
        right, total = audited
        print(f"  audited precision: {right}/{total} = {right / total:.1%} (bench/audits)")


def sample(half: Half, size: int, seed: int = 8) -> None:
    """Removals to judge by hand: ``unit_id``, rule, then the removed text in full."""
    picks = random.Random(seed).sample(half.removals, min(size, len(half.removals)))
    for unit, rule, text in sorted(picks):
        print(f"{unit}\t{rule}\t{text}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--half", choices=["tune", "check", "both"], default="both")
    parser.add_argument("--sample", type=int, default=0, help="removals to audit, of --half")
    args = parser.parse_args()
    if not fakes_data.available():
        print(f"skipped: {fakes_data.FAKES_CSV} is absent")
        return 0
    if args.sample:
        sample(score_half("check" if args.half == "check" else "tune"), args.sample)
        return 0
    for name in ("tune", "check") if args.half == "both" else (args.half,):
        report(score_half(name))
    return 0


if __name__ == "__main__":
    sys.exit(main())
