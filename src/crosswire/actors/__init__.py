"""Actors: the curated actor dictionary and the linker that resolves mentions to it.

``link_actors(doc, article_id, on=...)`` finds every actor mention in a parsed
article and links it to one canonical actor. It links

- aliases ("Daesh", "HTS", "Hizballah") through spaCy PhraseMatchers;
- demonyms that stand for forces or officials ("Turkish drones", "Syrian officials");
- titles that tie a person to an actor ("Houthi spokesman Yahya Saree");
- metonyms: capitals, seats of government and country names used as actors
  ("Moscow said", "talks with Tehran"), read off the dependency parse;
- generic actors ("protesters", "gunmen") to the article's main country;
- generic state forces and ministries ("government forces", "security forces",
  "troops", "the Interior Ministry") to the state of the country the sentence is
  set in, else to the one state the article is about ("context" links);
- communal militias: "local fighters", "gunmen from <town>" where the text names
  the town ("Tafas Communal Militia (Syria)");
- definite descriptions ("the group", "the regime") to the latest compatible actor,
  or with none, "the army" to the article's state and "the coalition" to the one
  fighting in the article's country.

spaCy ORG and PERSON entities the dictionary does not know become unlinked
organisations and persons, unless they stand where a town stands ("entered
Tafas"). A dateline ("AMMAN, Jordan —") names where the reporter is, never an
actor. The caller aggregates mentions into entities.

Canonical keys: dictionary keys ("hts", "person:vladimir-putin"), the state
actors "gov:CC", "mil:CC", "pol:CC" and, for states whose regime changed, their
periods "mil:SY@2024-"; the generic "protesters:CC", "rioters:CC",
"civilians:CC", "uag:CC" (Unidentified Armed Group); and communal militias
"communal:CC:<place>" ("Tafas Communal Militia (Syria)").

State actors carry ACLED's regime period where the dictionary declares one
("Military Forces of Syria (2024-)"). The period follows a year in the
mention's own clause ("the regime retook the city in 2018"), else the
article's date (``on``); without either the unsuffixed actor stands.

The package, in reading order: ``dictionary`` (the curated records), ``lexicon``
(word lists), ``matching`` (PhraseMatchers), ``grammar`` (reading the parse),
``nonactors`` (names that are no actors), and the linker as explicit passes over
one shared ``state``: ``context``, ``people``, ``groups``, ``forces`` and
``descriptions`` (coreference), run in order by ``linker``.
"""

from crosswire.actors.dictionary import (
    BRANCHES,
    GENERIC,
    KIND_INTER,
    Actor,
    ActorDictionary,
    Branch,
    LinkMode,
    Period,
    Person,
    Role,
    State,
    default_dictionary_path,
    load_actor_dictionary,
    parse_actor_dictionary,
)
from crosswire.actors.linker import link_actors, published_date
from crosswire.actors.matching import prepare_matchers
from crosswire.actors.mentions import ActorMention

__all__ = [
    "BRANCHES",
    "GENERIC",
    "KIND_INTER",
    "Actor",
    "ActorDictionary",
    "ActorMention",
    "Branch",
    "LinkMode",
    "Period",
    "Person",
    "Role",
    "State",
    "default_dictionary_path",
    "link_actors",
    "load_actor_dictionary",
    "parse_actor_dictionary",
    "prepare_matchers",
    "published_date",
]
