"""Quality gate: fused events, claims and stories on the sample corpus gold.

The default pipeline reaches the gold: every event found with its type, place
and date, every source count and every claim status right (the French article
counts through the light reading of ``crosswire.events.foreign``).
``CrosscheckGold`` lists every miss in a failing assertion.
"""

from __future__ import annotations

from functools import cache

import pytest

from crosswire.api import run_corpus
from crosswire.config import load_settings
from goldscore.crosscheck import CrosscheckGold
from goldscore.golden import Score

pytestmark = pytest.mark.slow


@cache
def gold_run() -> CrosscheckGold:
    return CrosscheckGold(run_corpus(None, settings=load_settings(), db=":memory:"))


def check(score: Score, floor: float) -> None:
    assert score.ratio >= floor, f"{score} below {floor:.0%}; misses:\n" + "\n".join(score.misses)


def test_gold_events_are_fused() -> None:
    check(gold_run().events(), 1.0)


def test_gold_source_counts() -> None:
    check(gold_run().source_counts(), 1.0)


def test_gold_claim_statuses() -> None:
    check(gold_run().claims(), 1.0)


def test_gold_stories_are_found_whole_and_apart() -> None:
    check(gold_run().stories(), 1.0)


def test_syndicated_copy_never_adds_a_source() -> None:
    run = gold_run()
    wire, copy = (
        run.refs["coastline-wire-mena.rss#0"].id,
        run.refs["gulfledger-syria-tafas.html#0"].id,
    )
    for event in run.corpus.events:
        articles = {s.article for s in event.sources}
        if {wire, copy} <= articles:
            assert event.source_count <= len(articles) - 1


def test_every_summary_sentence_and_claim_is_cited_verbatim() -> None:
    run = gold_run()
    text = {a.id: a.text for a in run.corpus.articles}
    spans = [s for story in run.corpus.stories for x in story.summary for s in x.sources]
    spans += [s for claim in run.corpus.claims for s in claim.sources]
    spans += [s for event in run.corpus.events for s in event.sources]
    assert spans
    assert all(text[s.article][s.start : s.end] == s.text for s in spans)
