"""Stage `language`. PLACEHOLDER until its work lands: passes articles through."""

from __future__ import annotations

from crosswire.model import Corpus
from crosswire.registry import StageContext, stage


@stage("language", needs=["articles"], provides=["articles"])
def make_language(**options: object) -> object:
    def language(corpus: Corpus, context: StageContext) -> Corpus:
        return corpus

    return language
