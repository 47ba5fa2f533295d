"""Stage `places`: recognise toponyms and resolve them to GeoNames places.

Requires, per article: the parsed Doc (``docs``) and its Analysis (``analyses``).
Assigns ``Analysis.places`` (locations scored at or over the confidence
threshold: the map's and the events' places) and ``Analysis.unplaced``
(metonyms such as "Moscow said" and resolutions under the threshold, kept for
audit only). See crosswire.geo.confidence for the score.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from crosswire.model import Analysis, Article, Corpus
from crosswire.nlp.annotate import annotate
from crosswire.registry import Stage, StageContext, stage

if TYPE_CHECKING:
    from spacy.tokens import Doc

REQUIRES = ("docs", "analyses")
ASSIGNS = ("analyses.places", "analyses.unplaced")


@stage("places", needs=REQUIRES, provides=ASSIGNS)
def make_places() -> Stage:
    """Resolve place mentions to GeoNames ids and coordinates, across transliterations."""
    from crosswire.geo import resolve_places
    from crosswire.geo.gazetteer import Gazetteer
    from crosswire.merging import with_mentions

    Gazetteer.load()  # load (or build) the index once, before the first batch

    def places(corpus: Corpus, context: StageContext) -> Corpus:
        def one(analysis: Analysis, doc: Doc, article: Article) -> Analysis:
            result = resolve_places(doc, article.id)
            return replace(
                analysis,
                places=with_mentions(result.places),
                unplaced=tuple(place for place, _ in result.unplaced),
            )

        return annotate(corpus, one)

    return places
