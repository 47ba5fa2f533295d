"""Stage `dedupe`. PLACEHOLDER until its work lands."""

from __future__ import annotations

from crosswire.model import Corpus
from crosswire.registry import StageContext, stage


@stage("dedupe", needs=["articles"], provides=["groups"], scope="corpus")
def make_dedupe(**options: object) -> object:
    def dedupe(corpus: Corpus, context: StageContext) -> Corpus:
        return corpus

    return dedupe
