"""Stage `extract`: raw documents -> articles. PLACEHOLDER until the extraction work lands."""

from __future__ import annotations

from dataclasses import replace

from crosswire.model import Article, Corpus
from crosswire.registry import StageContext, stage


@stage("extract", needs=["documents"], provides=["articles", "rejections"])
def make_extract(min_chars: int = 80) -> object:
    def extract(corpus: Corpus, context: StageContext) -> Corpus:
        arts = tuple(
            Article(input_sha256=d.input_sha256, position=d.position, source=d.source,
                    format=d.format, text=d.content, title=d.title, outlet=d.outlet,
                    author=d.author, url=d.url)
            for d in corpus.documents
        )
        return replace(corpus, articles=corpus.articles + arts)

    return extract
