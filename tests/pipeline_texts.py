"""Run named invented texts through the whole pipeline, one article each (for event tests)."""

from __future__ import annotations

import json
from pathlib import Path

from crosswire.api import run_corpus
from crosswire.model import Analysis, Place


def analyses_by_name(texts: dict[str, str], folder: Path) -> dict[str, Analysis]:
    """Each text's analysis, by its name; all are dated 2 July 2016 so weekdays resolve."""
    path = folder / "articles.jsonl"
    names = list(texts)
    with path.open("w", encoding="utf-8") as handle:
        for number, name in enumerate(names):
            row = {
                "title": f"Report number {number} from the war",
                "maintext": texts[name],
                "source_domain": "example.org",
                "date_publish": "2016-07-02 00:00:00",
            }
            handle.write(json.dumps(row) + "\n")
    corpus = run_corpus([path], db=":memory:")
    lines = {a.id: int(a.position.split("#")[-1].split("/")[0]) for a in corpus.articles}
    out: dict[str, Analysis] = {}
    for analysis in corpus.analyses:
        out.setdefault(names[lines[analysis.article]], analysis)
    return out


def place_of_event(analysis: Analysis, needle: str) -> Place | None:
    """The place of the first event whose first source holds ``needle``."""
    hits = [e for e in analysis.events if needle in e.sources[0].text]
    assert hits, analysis.events
    places = {p.id: p for p in analysis.places}
    return places.get(hits[0].place or "")
