"""An event's place abroad must hang from its own words: not a hospital's town across the
border, a venue of talks or a speaker's capital; a generic "Old City" is no foreign namesake
and a country met only by a loose transliteration is none. A bombing abroad told as such
stays abroad. The texts are the team's own; every article is dated Saturday 2 July 2016."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

from crosswire.events.location import _attached
from crosswire.geo.gazetteer import Gazetteer
from crosswire.geo.resolve import Resolver, Toponym
from crosswire.model import Analysis
from pipeline_texts import analyses_by_name, place_of_event

pytestmark = pytest.mark.slow


def _doc(words: list[str], heads: list[int], deps: list[str]) -> Doc:
    lemmas = [{"sparked": "spark"}.get(w, w.lower()) for w in words]
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, lemmas=lemmas)


def test_a_place_hangs_from_the_event_through_locative_phrases() -> None:
    # "a bomb exploded at a market in Ankara"
    doc = _doc(
        ["a", "bomb", "exploded", "at", "a", "market", "in", "Ankara"],
        [1, 2, 2, 2, 5, 3, 5, 6],
        ["det", "nsubj", "ROOT", "prep", "det", "pobj", "prep", "pobj"],
    )
    assert _attached(doc[7], frozenset({1, 2}))


def test_a_hospital_s_town_or_a_speaker_s_seat_is_not_the_event_s() -> None:
    # "five were wounded and taken to a hospital in Kilis"
    doc = _doc(
        ["five", "were", "wounded", "and", "taken", "to", "a", "hospital", "in", "Kilis"],
        [2, 2, 2, 2, 2, 4, 7, 5, 7, 8],
        ["nsubjpass", "auxpass", "ROOT", "cc", "conj", "prep", "det", "pobj", "prep", "pobj"],
    )
    assert not _attached(doc[9], frozenset({2, 4}))
    # "the head of a program in Ankara described the attack"
    doc = _doc(
        ["the", "head", "of", "a", "program", "in", "Ankara", "described", "the", "attack"],
        [1, 7, 1, 4, 2, 4, 5, 7, 9, 7],
        ["det", "nsubj", "prep", "det", "pobj", "prep", "pobj", "ROOT", "det", "dobj"],
    )
    assert not _attached(doc[6], frozenset({9, 7}))


def test_an_exodus_the_assault_sparked_is_not_where_it_was() -> None:
    # "the assault sparked an exodus into Jordan"
    doc = _doc(
        ["the", "assault", "sparked", "an", "exodus", "into", "Jordan"],
        [1, 2, 2, 4, 2, 4, 5],
        ["det", "nsubj", "ROOT", "det", "dobj", "prep", "pobj"],
    )
    assert not _attached(doc[6], frozenset({1, 2}))


def test_an_accord_named_after_a_city_is_not_placed_there() -> None:
    # "the signing of the Vienna accord": the accord's name, not where it holds
    doc = _doc(
        ["the", "signing", "of", "the", "Vienna", "accord"],
        [1, 1, 1, 5, 5, 2],
        ["det", "ROOT", "prep", "det", "compound", "pobj"],
    )
    assert not _attached(doc[4], frozenset({1, 5}))


@pytest.fixture(scope="module")
def resolver() -> Resolver:
    return Resolver(Gazetteer.load())


def _countries(resolver: Resolver, name: str) -> list[str]:
    toponym = Toponym(start=0, end=len(name), text=name, query=name)
    return [c.country for c in resolver.candidates(toponym) if c.feature == "country"]


def test_a_country_must_be_spelled_not_merely_transliterated(resolver: Resolver) -> None:
    assert _countries(resolver, "Qaboun") == []  # meets Gabon's key only
    assert _countries(resolver, "Gabon") == ["GA"]
    assert _countries(resolver, "US") == ["US"]
    assert _countries(resolver, "Britain") == ["GB"]


def test_a_generic_old_city_has_no_namesake(resolver: Resolver) -> None:
    name = "Old City"
    assert resolver.candidates(Toponym(start=0, end=8, text=name, query=name)) == []


TEXTS = {
    "old_city": (
        "Government forces pushed into rebel-held districts of Homs on Thursday. "
        "Activists said at least 12 people were killed when shells hit the Old City."
    ),
    "hospital": (
        "Rebels attacked an army checkpoint near Azaz on Thursday. Five civilians were "
        "wounded and taken to a hospital in Kilis across the Turkish border."
    ),
    "abroad": (
        "A car bomb exploded in the Turkish town of Reyhanli near the Syrian border on "
        "Thursday, killing 40 people, Turkish officials said."
    ),
}


@pytest.fixture(scope="module")
def analyses(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Analysis]:
    return analyses_by_name(TEXTS, Path(tmp_path_factory.mktemp("abroad")))


def _country(analysis: Analysis, needle: str) -> str | None:
    place = place_of_event(analysis, needle)
    return place.country_code if place else None


def test_the_old_city_is_no_foreign_namesake(analyses) -> None:  # type: ignore[no-untyped-def]
    assert _country(analyses["old_city"], "shells hit") in ("SY", None)


def test_the_wounded_s_hospital_abroad_is_not_the_event_s_place(analyses) -> None:  # type: ignore[no-untyped-def]
    assert _country(analyses["hospital"], "wounded") == "SY"


def test_a_bombing_abroad_told_as_such_stays_abroad(analyses) -> None:  # type: ignore[no-untyped-def]
    assert _country(analyses["abroad"], "car bomb") == "TR"
