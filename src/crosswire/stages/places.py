"""Stage `places`: recognise toponyms and resolve them to GeoNames places."""

from __future__ import annotations

from dataclasses import replace

from crosswire.model import Corpus
from crosswire.registry import Stage, StageContext, stage
from crosswire.stages.annotate import annotate


@stage("places", needs=["docs", "analyses"], provides=["analyses.places"])
def make_places() -> Stage:
    """Resolve place mentions to GeoNames ids and coordinates, across transliterations."""
    from crosswire.geo import resolve_places
    from crosswire.geo.gazetteer import Gazetteer
    from crosswire.merging import with_mentions

    Gazetteer.load()  # load (or build) the index once, before the first batch

    def places(corpus: Corpus, context: StageContext) -> Corpus:
        return annotate(
            corpus,
            lambda analysis, doc, article: replace(
                analysis, places=with_mentions(resolve_places(doc, article.id).places)
            ),
        )

    return places
