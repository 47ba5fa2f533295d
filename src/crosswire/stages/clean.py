"""Stage `clean`. PLACEHOLDER until its work lands: passes articles through."""

from __future__ import annotations

from crosswire.model import Corpus
from crosswire.registry import StageContext, stage


@stage("clean", needs=["articles"], provides=["articles"])
def make_clean(**options: object) -> object:
    def clean(corpus: Corpus, context: StageContext) -> Corpus:
        return corpus

    return clean
