"""Stage `claims`: the figures of many articles grouped into claims with a status.

See ``crosswire.crosscheck.claims``: statements about the same thing across
sources, each group marked corroborated, single or contested.
"""

from __future__ import annotations

from dataclasses import replace

from crosswire.crosscheck.claims import build_claims, place_names
from crosswire.crosscheck.sources import SourceIndex
from crosswire.model import Corpus, Event
from crosswire.registry import Stage, StageContext, stage


@stage(
    "claims",
    needs=["analyses", "groups", "articles", "events"],
    provides=["claims"],
    scope="corpus",
)
def make_claims() -> Stage:
    """Group figures about the same thing across sources; mark each claim's status."""

    def claims(corpus: Corpus, context: StageContext) -> Corpus:
        sources = SourceIndex.build(corpus.articles, corpus.groups)
        names = place_names(corpus.analyses)

        def label(event: Event) -> str:
            where = names.get(event.place or "")
            parts = [event.sub_event_type, f"in {where}" if where else "", event.date_start or ""]
            return " ".join(p for p in parts if p)

        found = build_claims(corpus.analyses, corpus.articles, corpus.events, sources, label)
        return replace(corpus, claims=tuple(found))

    return claims
