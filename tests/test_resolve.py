"""Stage `resolve`: per-article entities and places merged into corpus records."""

from __future__ import annotations

from dataclasses import replace

from crosscheck_fixtures import ARMY, TAFAS, article, mention
from crosswire.model import Analysis, Corpus
from crosswire.registry import StageContext, get


def resolve(corpus: Corpus) -> Corpus:
    return get("resolve").factory()(corpus, StageContext())


def test_entities_with_one_id_merge_all_mentions_sorted_and_every_surface_form() -> None:
    first = article("a", "The army entered Tafas. Government forces shelled it.")
    second = article("b", "Syrian troops pulled back.")
    in_first = replace(ARMY, mentions=(mention(first, "Government forces"), mention(first, "army")))
    in_second = replace(ARMY, mentions=(mention(second, "Syrian troops"),))
    corpus = Corpus(
        analyses=(
            Analysis(article=second.id, entities=(in_second,)),
            Analysis(article=first.id, entities=(in_first,)),
        )
    )
    (entity,) = resolve(corpus).entities
    assert entity.id == ARMY.id
    expected = sorted((m.article, m.start) for m in in_first.mentions + in_second.mentions)
    assert [(m.article, m.start) for m in entity.mentions] == expected
    assert set(entity.aliases) == {"army", "Government forces", "Syrian troops"}


def test_places_merge_by_id_and_distinct_places_stay_apart() -> None:
    first = article("a", "Shelling hit Tafas overnight.")
    second = article("b", "In Tafas, residents counted the damage. Deraa was calm.")
    deraa = replace(TAFAS, name="Deraa", geonameid=99, mentions=(mention(second, "Deraa"),))
    corpus = Corpus(
        analyses=(
            Analysis(
                article=first.id, places=(replace(TAFAS, mentions=(mention(first, "Tafas"),)),)
            ),
            Analysis(
                article=second.id,
                places=(replace(TAFAS, mentions=(mention(second, "Tafas"),)), deraa),
            ),
        )
    )
    places = {p.name: p for p in resolve(corpus).places}
    assert len(places["Tafas"].mentions) == 2
    assert {m.article for m in places["Tafas"].mentions} == {first.id, second.id}
    assert places["Deraa"].mentions == deraa.mentions
    assert places["Tafas"].lat == TAFAS.lat


def test_the_same_mention_seen_twice_is_kept_once() -> None:
    art = article("a", "The army moved in.")
    record = replace(ARMY, mentions=(mention(art, "army"),))
    corpus = Corpus(analyses=(Analysis(article=art.id, entities=(record, record)),))
    (entity,) = resolve(corpus).entities
    assert len(entity.mentions) == 1
