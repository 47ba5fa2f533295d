"""Audit: the sub-type of each shown FA-KES event against the means words of its evidence.

Run: ``PYTHONPATH=src:bench .venv/bin/python bench/subtypes.py --half tune [--show N]``

For every fused event crosswire shows by default (``handcheck_events.shown_events``),
the evidence sentences are searched for words that name the means of an attack, and
each means maps to the sub-type ACLED's codebook gives it:

- suicide bomb / bomber / attack / car bomb, explosive vest -> Suicide bomb
- chemical, chlorine, sarin, toxic gas, poison gas, nerve agent -> Chemical weapon
- barrel bomb (dropped from helicopters) -> Air/drone strike
- air strike, warplane, jet, helicopter, drone -> Air/drone strike
- car bomb, IED, roadside bomb, landmine, explosive device -> Remote explosive/landmine/IED
- shell, shelling, mortar, artillery, rocket -> Shelling/artillery/missile attack
- execute, behead -> Attack (violence against civilians)

An event of a violent type (Battles, Explosions/Remote violence, Violence against
civilians) is *inconsistent* when its sub-type is none of those its evidence's
means imply, and *outranked* when a means that decides over the others (a suicide
bombing, a chemical agent, a barrel bomb) is in a sentence but the sub-type is
another. Events whose evidence names no means are not counted; an aircraft shot down is a
target, not a means. The counts are a
consistency check, not a gold: a sentence may name two incidents' means.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

import fakes_data
from handcheck_events import shown_events
from realnews import fakes_rows, run_articles
from splits import add_half_argument

REPO = Path(__file__).resolve().parents[1]
sys.path.append(str(REPO / "src"))  # PYTHONPATH, when set, wins

from crosswire.events import ontology as on  # noqa: E402
from crosswire.model import Event  # noqa: E402

# (means, pattern, implied sub-type); searched in this order on the folded evidence text.
MEANS: tuple[tuple[str, str, str], ...] = (
    (
        "suicide",
        r"suicide (?:car )?(?:bomb\w*|attack\w*|blast|vest|belt)|blew (?:him|her)self up"
        r"|explosive (?:vest|belt)",
        on.SUICIDE_BOMB,
    ),
    (
        "chemical",
        r"chemical|chlorine|sarin|toxic gas|poison(?:ous)? gas|nerve (?:agent|gas)|mustard gas",
        on.CHEMICAL,
    ),
    ("barrel bomb", r"barrel[- ]bomb\w*|explosive barrels?", on.AIR_STRIKE),
    (
        "air strike",
        r"air ?strikes?|air ?raids?|warplanes?|(?:fighter )?jets?|helicopters?|drones?"
        r"|aircraft|bombers?",
        on.AIR_STRIKE,
    ),
    (
        "car bomb",
        r"car[- ]bomb\w*|vehicle[- ]borne|booby[- ]trap\w*|roadside bomb\w*|\bied\b|\bieds\b"
        r"|land ?mines?|explosive devices?",
        on.REMOTE_EXPLOSIVE,
    ),
    ("shell", r"shell(?:s|ing|ed)?\b|mortars?|artillery|rockets?|missiles?", on.SHELLING),
    ("execute", r"execut(?:e|ed|es|ion|ions)\b|behead\w*", on.ATTACK),
)
# Means that decide the sub-type whatever else the sentence names.
DECIDING = ("suicide", "chemical", "barrel bomb")
VIOLENT = frozenset({on.BATTLES, on.EXPLOSIONS, on.VIOLENCE_AGAINST_CIVILIANS})
_COMPILED = tuple(
    (name, re.compile(rf"\b(?:{pattern})", re.I), sub) for name, pattern, sub in MEANS
)


# An aircraft shot down is the target, not the means (unless an air strike is named too).
_SHOT_DOWN = re.compile(r"\b(?:shot|shoot|shooting) down\b|\bdowned\b", re.I)
_AIR_STRIKE_WORDS = re.compile(r"\bair ?(?:strike|raid)s?\b|\bwarplanes?\b", re.I)


def means_of(text: str) -> list[tuple[str, str]]:
    """(means, implied sub-type) for each means word class the text names, in table order."""
    found = [(name, sub) for name, pattern, sub in _COMPILED if pattern.search(text)]
    if _SHOT_DOWN.search(text) and not _AIR_STRIKE_WORDS.search(text):
        found = [(name, sub) for name, sub in found if name != "air strike"]
    return found


def verdict(event: Event) -> tuple[str, list[tuple[str, str]]]:
    """ "none" (no means named or not violent), "ok", "outranked" or "inconsistent"."""
    if event.event_type not in VIOLENT:
        return "none", []
    text = " ".join(" ".join(s.text.split()) for s in event.sources)
    found = means_of(text)
    if not found:
        return "none", []
    deciding = [sub for name, sub in found if name in DECIDING]
    if deciding and event.sub_event_type != deciding[0]:
        return "outranked", found
    if event.sub_event_type not in {sub for _, sub in found}:
        return "inconsistent", found
    return "ok", found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_half_argument(parser, default="tune")
    parser.add_argument("--show", type=int, default=0, help="print N faulty events")
    args = parser.parse_args(argv)
    if not fakes_data.available():
        print(f"skipped: {fakes_data.FAKES_CSV} is absent")
        return 0
    corpus = run_articles(fakes_rows(fakes_data.load(args.half)))
    events = shown_events(corpus)
    counts: Counter[str] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    shown = 0
    for event in events:
        kind, found = verdict(event)
        counts[kind] += 1
        if kind in ("outranked", "inconsistent"):
            pairs[(event.sub_event_type, "+".join(name for name, _ in found))] += 1
            if shown < args.show:
                shown += 1
                text = " | ".join(" ".join(s.text.split()) for s in event.sources)
                print(f"[{kind}] {event.sub_event_type}  means: {found}\n    {text[:400]}\n")
    judged = counts["ok"] + counts["outranked"] + counts["inconsistent"]
    print(f"FA-KES {args.half} half: {len(events)} shown events, {judged} with means words")
    for kind in ("ok", "outranked", "inconsistent"):
        print(f"  {kind:<13} {counts[kind]:>4}")
    print("  faults by (sub-type, means):")
    for (sub, names), n in pairs.most_common():
        print(f"    {n:>3}  {sub}  <-  {names}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
