"""Stage `split`. PLACEHOLDER until its work lands: passes articles through."""

from __future__ import annotations

from crosswire.model import Corpus
from crosswire.registry import StageContext, stage


@stage("split", needs=["articles"], provides=["articles"])
def make_split(**options: object) -> object:
    def split(corpus: Corpus, context: StageContext) -> Corpus:
        return corpus

    return split
