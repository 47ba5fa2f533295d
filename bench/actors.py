"""Actor-linking benchmark on the PLOVER gold standard records.

Each PLOVER record names the source and target actors of one event in one
sentence, with a CAMEO actor code: a country (ISO 3166 alpha-3) and often a
sector (GOV, MIL, COP, REB ...). For every gold actor whose text occurs in the
sentence and whose code is a country, this checks whether ``link_actors`` links
a mention overlapping that text to an actor of the same country (persons count
through their affiliation), and, for GOV/MIL/COP/REB, of the matching kind.
Gold marks only the actors of one event, so this measures recall, not precision.

    .venv/bin/python bench/actors.py [--data FILE] [--misses N]

Without the data it says so and exits 0. Nothing from the data is written anywhere.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pycountry

from crosswire.actors import ActorMention, link_actors, load_actor_dictionary
from crosswire.nlp import load_nlp

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO_ROOT.parent / "shared" / "eval" / "events" / "plover_gsr_cameo.txt"
SECTOR_KINDS = {
    "GOV": {"government"},
    "MIL": {"military"},
    "COP": {"police"},
    "REB": {"rebel_group", "political_militia", "identity_militia", "unidentified_armed_group"},
}


@dataclass(frozen=True)
class GoldActor:
    sentence: str
    text: str
    country: str  # ISO alpha-2
    sector: str


def gold_actors(path: Path) -> list[GoldActor]:
    records = json.loads(path.read_text("utf-8"))
    actors: list[GoldActor] = []
    for record in records:
        sentence = record.get("text")
        if not isinstance(sentence, str):
            continue
        for role in ("source", "target"):
            for actor in record.get(role) or []:
                if not isinstance(actor, dict):
                    continue
                country = pycountry.countries.get(alpha_3=actor.get("code", ""))
                if country is None or actor["actorText"] not in sentence:
                    continue
                actors.append(
                    GoldActor(
                        sentence, actor["actorText"], country.alpha_2, actor.get("sector", "")
                    )
                )
    return actors


def country_of(mention: ActorMention) -> str | None:
    return mention.entity.country_code


def kind_of(mention: ActorMention) -> str:
    if mention.entity.kind == "person" and mention.affiliation is not None:
        return mention.affiliation.kind
    return mention.entity.kind


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--misses", type=int, default=0, help="print this many misses")
    args = parser.parse_args()
    if not args.data.exists():
        print(f"PLOVER gold standard not found at {args.data}; nothing to measure.")
        return 0
    gold = gold_actors(args.data)
    nlp = load_nlp()
    states = set(load_actor_dictionary().states)
    started = time.process_time()
    sentences = sorted({g.sentence for g in gold})
    docs = nlp.pipe(sentences)
    linked = {s: link_actors(doc, "plover") for s, doc in zip(sentences, docs, strict=True)}
    seconds = time.process_time() - started

    country_hits = covered_hits = sector_hits = sector_total = covered_total = 0
    misses: list[str] = []
    for actor in gold:
        start = actor.sentence.index(actor.text)
        end = start + len(actor.text)
        overlapping = [
            m for m in linked[actor.sentence] if m.mention.start < end and start < m.mention.end
        ]
        right_country = [m for m in overlapping if country_of(m) == actor.country]
        in_dictionary = actor.country in states
        covered_total += in_dictionary
        if right_country:
            country_hits += 1
            covered_hits += in_dictionary
        elif in_dictionary:
            found = ", ".join(f"{m.mention.text}->{m.entity.name}" for m in overlapping)
            misses.append(f"{actor.text!r} ({actor.country}) got [{found}] in: {actor.sentence}")
        kinds = SECTOR_KINDS.get(actor.sector[:3])
        if kinds is not None:
            sector_total += 1
            sector_hits += any(kind_of(m) in kinds for m in right_country)

    print(f"gold actors with a country code, text in sentence: {len(gold)}")
    print(f"  linked to the right country:                {country_hits / len(gold):.1%}")
    print(
        f"  same, where the country is a dictionary state: {covered_hits / covered_total:.1%}"
        f" of {covered_total}"
    )
    print(
        f"  right country and kind (GOV/MIL/COP/REB):   {sector_hits / sector_total:.1%}"
        f" of {sector_total}"
    )
    print(
        f"  {len(sentences)} sentences, {len(sentences) / seconds:.0f} sentences per CPU second"
        " (parse and link)"
    )
    for line in misses[: args.misses]:
        print("MISS", line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
