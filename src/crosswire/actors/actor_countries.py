"""Stage `actor_countries`: give generic sides the country of the places the story is set in.

Requires, per article: the parsed Doc (``docs``), the linked actors
(``analyses.entities``) and the resolved places (``analyses.places``). Assigns
``Analysis.entities`` again. ACLED names civilians, protesters and unnamed gunmen by
the country an event happens in. The `actors` stage runs before places are resolved,
so a side named with no nationality ("civilians", "unidentified gunmen") leaves it
countryless; here it takes the most named country of the story's places (leaving out
places that stand for an actor: "Moscow said", "the UK-based monitor"), else the
dateline's; with no place it keeps no country, never one taken from the state forces
the article names ("Russian jets killed civilians" makes no Russian civilians). A
nationality in the text ("Syrian civilians") was linked with its country and is kept.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from crosswire.model import Analysis, Article, Corpus, Entity
from crosswire.nlp.annotate import annotate
from crosswire.registry import Stage, StageContext, stage

if TYPE_CHECKING:
    from spacy.tokens import Doc

REQUIRES = ("docs", "analyses.entities", "analyses.places")
ASSIGNS = ("analyses.entities",)


@stage("actor_countries", needs=REQUIRES, provides=ASSIGNS)
def make_actor_countries() -> Stage:
    """Give civilians, protesters and unnamed gunmen the country of the story's places."""
    from crosswire.actors import GENERIC, load_actor_dictionary
    from crosswire.actors.armed_names import NAMED_KEY
    from crosswire.events.index import scene_country
    from crosswire.merging import merge_records

    dictionary = load_actor_dictionary()
    # What the `actors` stage gives a generic side it names with no nationality.
    countryless = {dictionary.generic(category, None).id: category for category in GENERIC}

    def unsited(entity: Entity) -> bool:
        # A group named by its name's shape alone ("Liwa Fursan al-Haq") fights where the
        # story is, like a generic side.
        if entity.canonical_key.startswith(NAMED_KEY):
            return not entity.country_code
        return entity.id in countryless and not entity.canonical_key

    def one(analysis: Analysis, doc: Doc, article: Article) -> Analysis:
        if not any(unsited(e) for e in analysis.entities):
            return analysis
        country = scene_country(doc, analysis)
        if country is None:
            return analysis
        renamed: dict[str, Entity] = {}
        for entity in analysis.entities:
            if entity.id in countryless and not entity.canonical_key:
                sited = dictionary.generic(countryless[entity.id], country)
                renamed[entity.id] = replace(sited, mentions=entity.mentions)
        entities = [
            replace(e, country_code=country) if unsited(e) and e.id not in renamed else e
            for e in analysis.entities
        ]
        entities = [renamed.get(e.id, e) for e in entities]
        # A person acting for a generic side points at its new id.
        entities = [
            replace(e, affiliation=renamed[e.affiliation].id) if e.affiliation in renamed else e
            for e in entities
        ]
        return replace(analysis, entities=merge_records(entities))

    def actor_countries(corpus: Corpus, context: StageContext) -> Corpus:
        return annotate(corpus, one)

    return actor_countries
