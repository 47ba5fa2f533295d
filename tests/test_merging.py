"""Merging mentions into one record per id."""

from __future__ import annotations

from crosswire.merging import merge_records, with_mentions
from crosswire.model import Entity, Mention, Place


def m(article: str, start: int, text: str) -> Mention:
    return Mention(article=article, start=start, end=start + len(text), text=text)


def test_mentions_of_one_actor_merge_with_aliases_in_order() -> None:
    houthis = Entity(name="Houthi Movement", kind="rebel_group", canonical_key="houthis")
    merged = with_mentions(
        [(houthis, m("b", 5, "Ansar Allah")), (houthis, m("a", 9, "Houthis")),
         (houthis, m("a", 9, "Houthis")), (houthis, m("a", 0, "Houthi Movement"))]
    )  # fmt: skip
    assert len(merged) == 1
    assert [x.start for x in merged[0].mentions] == [0, 9, 5]
    assert merged[0].aliases == ("Houthis", "Ansar Allah")


def test_places_merge_by_geonameid_and_stay_apart_otherwise() -> None:
    daraa = Place(name="Daraa", geonameid=170592, mentions=(m("a", 0, "Deraa"),))
    again = Place(name="Daraa", geonameid=170592, mentions=(m("b", 3, "Dar'a"),))
    other = Place(name="Tafas", geonameid=163099, mentions=(m("a", 20, "Tafas"),))
    merged = merge_records([daraa, other, again])
    assert [(p.name, len(p.mentions)) for p in merged] == [("Daraa", 2), ("Tafas", 1)]
