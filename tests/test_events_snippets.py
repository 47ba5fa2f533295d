"""Snippet typing (lexicon, then sentence embeddings) and PLOVER typing of a sentence."""

from __future__ import annotations

import pytest

from crosswire.events import ontology as on
from crosswire.events.arguments import phrase
from crosswire.events.plover import plover_event
from crosswire.events.snippets import SnippetTyper, best, combine
from crosswire.nlp import load_nlp

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return load_nlp()


def test_dominant_event_of_a_snippet_by_lexicon(nlp) -> None:  # type: ignore[no-untyped-def]
    typer = SnippetTyper(nlp, embeddings=False)
    snippets = [
        "Rebels overran the district headquarters on Sunday. Residents said the army had "
        "fled the night before.",
        "Police used water cannon to break up a rally of farmers in the capital.",
        "The finance ministry published its quarterly figures.",
    ]
    assert typer.classify(snippets) == [on.NSA_OVERTAKES, on.PROTEST_INTERVENTION, None]


def test_embeddings_decide_where_the_lexicon_is_silent(nlp) -> None:  # type: ignore[no-untyped-def]
    typer = SnippetTyper(nlp)
    predicted = typer.classify(
        [
            "Thousands were left homeless after the river burst its banks following days "
            "of heavy downpours.",
            "Jets bombed rebel positions overnight.",
        ]
    )
    assert predicted == [on.NATURAL_DISASTER, on.AIR_STRIKE]


def test_combine_weights_the_lexicon() -> None:
    lexical = [{on.ATTACK: 2.0, on.LOOTING: 1.0}]
    embedded = [dict.fromkeys(on.ALL_CLASSES, 0.5) | {on.LOOTING: 0.6}]
    assert best(combine(lexical, embedded, 0.25)[0]) == on.ATTACK
    assert best(combine(lexical, embedded, 0.0)[0]) == on.LOOTING


@pytest.mark.parametrize(
    ("text", "event", "source", "target"),
    [
        ("Iran threatened to cut off gas supplies to Armenia.", "THREATEN", "Iran", "supplies"),
        (
            "The opposition demanded the resignation of the prime minister.",
            "DEMAND",
            "opposition",
            "resignation",
        ),
        ("Chad rejected the proposal from Libya.", "REJECT", "Chad", "proposal"),
        (
            "Government troops shelled rebel positions near the city.",
            "FIGHT",
            "troops",
            "positions",
        ),
        ("Police arrested two journalists in the capital.", "COERCE", "Police", "journalists"),
    ],
)
def test_plover_event_source_and_target(  # type: ignore[no-untyped-def]
    nlp, text: str, event: str, source: str, target: str
) -> None:
    doc = nlp(text)
    found = plover_event(next(iter(doc.sents)))
    assert found is not None
    assert found.event == event
    assert found.source is not None and source in doc.text[slice(*phrase(found.source))]
    assert found.target is not None and target in doc.text[slice(*phrase(found.target))]
