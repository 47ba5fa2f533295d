"""Direct quotes and reported speech with speaker and cue."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language

from crosswire.model import Quote
from crosswire.nlp import load_nlp
from crosswire.quotes.find import find_quotes

pytestmark = pytest.mark.slow

Find = Callable[[str], list[Quote]]


@pytest.fixture(scope="module")
def quotes() -> Find:
    nlp: Language = load_nlp()

    def run(text: str) -> list[Quote]:
        return find_quotes(nlp(text), "art_1")

    return run


def summary(found: list[Quote]) -> list[tuple[str, str | None, str, bool]]:
    return [(q.mention.text, q.speaker, q.cue, q.direct) for q in found]


def test_a_quote_followed_by_its_speaker(quotes: Find) -> None:
    found = quotes('"The road to the north is cut," said Layla Haddad, a nurse in the town.')
    assert summary(found) == [("The road to the north is cut", "Layla Haddad", "said", True)]


def test_curly_quotes_and_a_speaker_first(quotes: Find) -> None:
    found = quotes("The governor told reporters: “We have no fuel left for the generators.”")
    assert summary(found) == [
        ("We have no fuel left for the generators.", "The governor", "told", True)
    ]


def test_a_split_quote_gives_both_parts_the_same_speaker(quotes: Find) -> None:
    text = (
        "Omar Khalil commands the brigade's eastern flank. "
        '"We will not retreat," he said, "whatever the cost."'
    )
    found = quotes(text)
    assert summary(found) == [
        ("We will not retreat", "Omar Khalil", "said", True),
        ("whatever the cost.", "Omar Khalil", "said", True),
    ]
    for quote in found:
        assert text[quote.mention.start : quote.mention.end] == quote.mention.text


def test_a_multi_sentence_quote_is_one_passage(quotes: Find) -> None:
    found = quotes('"The water is gone. The bakeries are shut," the mayor warned.')
    assert summary(found) == [
        ("The water is gone. The bakeries are shut", "the mayor", "warned", True)
    ]


def test_a_following_quote_keeps_the_speaker(quotes: Find) -> None:
    found = quotes(
        '"We waited for days," Mariam Saleh told the agency. "Nobody came to help us at all."'
    )
    assert [q.speaker for q in found] == ["Mariam Saleh", "Mariam Saleh"]
    assert [q.cue for q in found] == ["told", "told"]


def test_a_quote_across_paragraphs_keeps_the_speaker(quotes: Find) -> None:
    text = (
        'Yusuf Demir said: "The first shells landed before dawn. We ran to the basement.\n\n'
        '"When we came out, the street was gone."'
    )
    found = quotes(text)
    assert [q.speaker for q in found] == ["Yusuf Demir", "Yusuf Demir"]
    assert found[1].mention.text == "When we came out, the street was gone."


def test_he_is_the_only_person_named_before(quotes: Find) -> None:
    text = 'Karim Nasser runs the clinic. "We treat forty people a day," he said.'
    assert summary(quotes(text)) == [("We treat forty people a day", "Karim Nasser", "said", True)]


def test_he_stays_unresolved_when_two_people_are_named(quotes: Find) -> None:
    text = 'Karim Nasser met Sami Aziz at the clinic. "We need more beds," he said.'
    assert summary(quotes(text)) == [("We need more beds", None, "said", True)]


@pytest.mark.parametrize(
    ("text", "content", "speaker", "cue"),
    [
        (
            "The army said that it had retaken the airport.",
            "it had retaken the airport",
            "The army",
            "said",
        ),
        (
            "The ministry said the strike hit a school.",
            "the strike hit a school",
            "The ministry",
            "said",
        ),
        (
            "According to the UN, more than 3,000 people have fled.",
            "more than 3,000 people have fled",
            "the UN",
            "according to",
        ),
        (
            "The rebels denied that they had used chemical weapons.",
            "they had used chemical weapons",
            "The rebels",
            "denied",
        ),
        (
            "Four soldiers were killed, the Syrian Observatory for Human Rights said.",
            "Four soldiers were killed",
            "the Syrian Observatory for Human Rights",
            "said",
        ),
        (
            "The UN envoy, Geir Pedersen, insisted the truce was holding.",
            "the truce was holding",
            "Geir Pedersen",
            "insisted",
        ),
    ],
)
def test_indirect_attributions(
    quotes: Find, text: str, content: str, speaker: str, cue: str
) -> None:
    assert summary(quotes(text)) == [(content, speaker, cue, False)]


def test_scare_quotes_are_not_quotes(quotes: Find) -> None:
    assert quotes('Fighters of the so-called "caliphate" left the town.') == []


def test_a_short_quote_held_by_its_verb_is_kept(quotes: Find) -> None:
    found = quotes("The commander described the attack as “a massacre”.")
    assert summary(found) == [("a massacre", "The commander", "described", True)]


def test_apostrophes_are_not_single_quotes(quotes: Find) -> None:
    found = quotes("'The fighters' positions were hit hard,' the colonel told the BBC.")
    assert summary(found) == [
        ("The fighters' positions were hit hard", "the colonel", "told", True)
    ]


def test_narration_without_a_speech_verb_gives_nothing(quotes: Find) -> None:
    assert quotes("Rebels shelled the market and fighting continued into the night.") == []


def test_a_participle_cue_speaks_for_its_main_verb(quotes: Find) -> None:
    found = quotes("The air force said 30 drones were launched, adding that 24 had been shot down.")
    assert [(q.mention.text, q.speaker, q.cue) for q in found] == [
        ("30 drones were launched", "The air force", "said"),
        ("24 had been shot down", "The air force", "adding"),
    ]


def test_a_closing_attribution_the_parser_took_for_a_noun(quotes: Find) -> None:
    found = quotes("The war has displaced 6 million people, the UN refugee agency estimates.")
    assert summary(found) == [
        ("The war has displaced 6 million people", "the UN refugee agency", "estimates", False)
    ]


def test_a_dateline_is_not_part_of_the_reported_clause(quotes: Find) -> None:
    found = quotes(
        "HODEIDAH, Yemen (Coastline Wire) - Three fishermen were detained, officials said."
    )
    assert summary(found) == [("Three fishermen were detained", "officials", "said", False)]


def test_paragraphs_bound_a_quote_attribution(quotes: Find) -> None:
    text = (
        '"We have nothing left," said Rami Aziz, a farmer.\n\n'
        "Nadia Aziz, his sister, said the crops had burned."
    )
    found = quotes(text)
    assert summary(found) == [
        ("We have nothing left", "Rami Aziz", "said", True),
        ("the crops had burned", "Nadia Aziz", "said", False),
    ]
