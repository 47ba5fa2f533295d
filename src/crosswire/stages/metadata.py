"""Stage `metadata`. PLACEHOLDER until its work lands: passes articles through."""

from __future__ import annotations

from crosswire.model import Corpus
from crosswire.registry import StageContext, stage


@stage("metadata", needs=["articles"], provides=["articles"])
def make_metadata(**options: object) -> object:
    def metadata(corpus: Corpus, context: StageContext) -> Corpus:
        return corpus

    return metadata
