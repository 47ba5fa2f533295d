"""Stage `events`: the events each article reports, typed in ACLED's ontology.

For every article parsed in this batch it reads the spaCy Doc and the
article's Analysis (entities, places, dates, figures filled by the stages
before it) and fills ``Analysis.events``. Generic actors the events need
("Civilians (Syria)") are added to the analysis' entities.

Articles in a language the parser does not read, but ``crosswire.events.foreign``
does (French), get a light analysis of their own: places, dates, figures and
events found with word lists, so they still count as sources.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from crosswire.events import foreign
from crosswire.events.extract import extract_events
from crosswire.model import Corpus
from crosswire.registry import Stage, StageContext, stage

STAGE = "events"


# The fields events are built from: a pipeline without places (or dates, figures,
# actors) before this stage is refused when it is assembled.
NEEDS = [
    "docs",
    "analyses.entities",
    "analyses.places",
    "analyses.dates",
    "analyses.figures",
]


PROVIDES = ["analyses.events", "analyses.entities", "analyses.places"]


@stage(STAGE, needs=NEEDS, provides=PROVIDES, scope="document")
def make_events() -> Stage:
    """Extract per-article events (ACLED types, PLOVER, CAMEO) from parsed sentences."""

    def events(corpus: Corpus, context: StageContext) -> Corpus:
        docs = dict(corpus.docs)
        articles = {article.id: article for article in corpus.articles}
        analyses = []
        for analysis in corpus.analyses:
            doc = docs.get(analysis.article)
            if not isinstance(doc, Doc):
                analyses.append(analysis)
                continue
            analyses.append(extract_events(doc, analysis, articles.get(analysis.article)))
            context.progress(STAGE, 1)
        analysed = {analysis.article for analysis in corpus.analyses}
        for article in corpus.articles:
            if article.id not in analysed and not article.is_english and foreign.reads(article):
                analyses.append(foreign.read_article(article))
                context.progress(STAGE, 1)
        return replace(corpus, analyses=tuple(analyses))

    return events
