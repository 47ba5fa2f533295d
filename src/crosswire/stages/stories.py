"""Stage `stories`: articles grouped into stories, each with a cited extractive summary.

See ``crosswire.crosscheck.stories`` for the grouping signals and how summary
sentences are chosen and cited.
"""

from __future__ import annotations

from dataclasses import replace

from crosswire.crosscheck.stories import StorySettings, build_stories
from crosswire.model import Corpus
from crosswire.registry import Stage, StageContext, stage


@stage(
    "stories",
    needs=["articles", "groups", "analyses", "events", "claims"],
    provides=["stories"],
    scope="corpus",
)
def make_stories(
    threshold: float = 0.2,
    text_weight: float = 0.55,
    place_weight: float = 0.25,
    actor_weight: float = 0.2,
    event_bonus: float = 0.3,
    window_days: int = 14,
    summary_sentences: int = 4,
    balance: float = 0.7,
) -> Stage:
    """Group articles into stories by shared events, places, actors and words; summarise each."""
    settings = StorySettings(
        threshold=threshold,
        text_weight=text_weight,
        place_weight=place_weight,
        actor_weight=actor_weight,
        event_bonus=event_bonus,
        window_days=window_days,
        summary_sentences=summary_sentences,
        balance=balance,
    )

    def stories(corpus: Corpus, context: StageContext) -> Corpus:
        def on_story(done: int, total: int) -> None:
            if done == 1:
                context.expect("stories", total)
            context.progress("stories", 1)

        found = build_stories(
            corpus.articles,
            corpus.groups,
            corpus.analyses,
            corpus.events,
            corpus.claims,
            settings,
            on_story,
        )
        return replace(corpus, stories=tuple(found))

    return stories
