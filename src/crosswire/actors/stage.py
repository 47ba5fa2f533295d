"""Stage `actors`: link actor, person and organisation mentions to canonical entities."""

from __future__ import annotations

from dataclasses import replace

from crosswire.model import Corpus, Entity, Mention
from crosswire.nlp.annotate import annotate
from crosswire.registry import Stage, StageContext, stage


@stage("actors", needs=["docs", "analyses"], provides=["analyses.entities"])
def make_actors() -> Stage:
    """Link every actor mention to one canonical actor (aliases, demonyms, titles, coreference).

    Reads each article's parse (``docs``) and assigns ``Analysis.entities``; the
    registry declares fields at the level of the corpus (``analyses``)."""
    from crosswire.actors import (
        ActorMention,
        link_actors,
        load_actor_dictionary,
        prepare_matchers,
        published_date,
    )
    from crosswire.merging import with_mentions
    from crosswire.nlp import load_fast_nlp

    dictionary = load_actor_dictionary()
    # Matchers for the vocabulary of the default `parse` pipeline, built before the first batch.
    prepare_matchers(dictionary, load_fast_nlp().vocab)

    def linked(mention: ActorMention) -> tuple[Entity, Mention]:
        entity = mention.entity
        if mention.affiliation is not None and entity.affiliation is None:
            entity = replace(entity, affiliation=mention.affiliation.id)
        return entity, mention.mention

    def actors(corpus: Corpus, context: StageContext) -> Corpus:
        return annotate(
            corpus,
            lambda analysis, doc, article: replace(
                analysis,
                entities=with_mentions(
                    linked(m)
                    for m in link_actors(
                        doc, article.id, dictionary, on=published_date(article.published)
                    )
                ),
            ),
        )

    return actors
