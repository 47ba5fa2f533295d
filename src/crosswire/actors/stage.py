"""Stage `actors`: link actor, person and organisation mentions to canonical entities."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from crosswire.model import Analysis, Article, Corpus, Entity, Mention
from crosswire.nlp.annotate import annotate
from crosswire.registry import Stage, StageContext, stage

if TYPE_CHECKING:
    from spacy.tokens import Doc


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

    def linked(mention: ActorMention, unplaced: set[tuple[int, int]]) -> tuple[Entity, Mention]:
        entity = mention.entity
        if _spot(mention.mention) in unplaced or _spot(mention.antecedent) in unplaced:
            entity = countryless(entity)
        if mention.affiliation is not None and entity.affiliation is None:
            entity = replace(entity, affiliation=mention.affiliation.id)
        return entity, mention.mention

    def countryless(entity: Entity) -> Entity:
        category, _, country = entity.canonical_key.partition(":")
        return dictionary.generic(category, None) if country else entity

    def actors(corpus: Corpus, context: StageContext) -> Corpus:
        def one(analysis: Analysis, doc: Doc, article: Article) -> Analysis:
            found = link_actors(doc, article.id, dictionary, on=published_date(article.published))
            # A generic side named with no nationality ("gunmen", "civilians") has only the
            # linker's guess at its country, made before places are resolved: it goes
            # countryless here, and `actor_countries` gives it the country of the places.
            unplaced = {_spot(m.mention) for m in found if m.how == "category"}
            return replace(analysis, entities=with_mentions(linked(m, unplaced) for m in found))

        return annotate(corpus, one)

    return actors


def _spot(mention: Mention | None) -> tuple[int, int]:
    return (mention.start, mention.end) if mention is not None else (-1, -1)
