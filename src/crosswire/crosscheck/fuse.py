"""Stage `fuse`: reports of one event from many articles become one event.

See ``crosswire.crosscheck.fusion`` for when reports are one event, how
independent sources are counted and how fatalities are combined.
"""

from __future__ import annotations

from dataclasses import replace

from crosswire.crosscheck.fusion import FusionSettings, fuse_events
from crosswire.crosscheck.sources import SourceIndex
from crosswire.model import Analysis, Corpus
from crosswire.registry import Stage, StageContext, stage


@stage("fuse", needs=["analyses", "groups", "articles"], provides=["events"], scope="corpus")
def make_fuse(
    near_km: float = 5.0,
    date_slack_days: int = 0,
    max_span_days: int = 31,
    split_days: int = 7,
    link_span_days: int = 4,
    recent_days: int = 2,
    block_days: int = 7,
    require_place: bool = True,
    min_match: float = 0.3,
    keep_flagged: bool = False,
) -> Stage:
    """Fuse per-article event reports into corpus events with independent source counts.

    Only asserted reports make "happened" events. With ``keep_flagged`` the
    negated, hypothetical, planned, threatened and denied ones are fused too
    (never with asserted ones) and kept with their modality.
    """
    settings = FusionSettings(
        near_km=near_km,
        date_slack_days=date_slack_days,
        max_span_days=max_span_days,
        split_days=split_days,
        link_span_days=link_span_days,
        recent_days=recent_days,
        block_days=block_days,
        require_place=require_place,
        min_match=min_match,
    )

    def fuse(corpus: Corpus, context: StageContext) -> Corpus:
        analyses = corpus.analyses
        if not keep_flagged:
            analyses = tuple(
                replace(a, events=tuple(e for e in a.events if e.modality == "asserted"))
                for a in analyses
            )
        sources = SourceIndex.build(corpus.articles, corpus.groups)

        def on_cluster(done: int, total: int) -> None:
            if done == 1:
                context.expect("fuse", total)
            context.progress("fuse", 1)

        fused = fuse_events(_sorted(analyses), sources, settings, on_cluster)
        return replace(corpus, events=tuple(fused))

    return fuse


def _sorted(analyses: tuple[Analysis, ...]) -> list[Analysis]:
    # Batches can arrive in any order; the result must not depend on it.
    return sorted(analyses, key=lambda a: a.article)
