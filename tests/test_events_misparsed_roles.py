"""Roles the parser hangs in the wrong place: a title-case headline's counted dead are
the dead, never who did the killing nor the next thing the headline tells; a fight that
"broke out between" two sides has them as its sides."""

from __future__ import annotations

import pytest

from crosswire.events.arguments import roles_of
from crosswire.nlp import load_nlp

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return load_nlp()


def _word(doc, text: str):  # type: ignore[no-untyped-def]
    return next(t for t in doc if t.text == text)


def test_a_count_hung_on_the_date_before_still_counts_the_dead(nlp) -> None:  # type: ignore[no-untyped-def]
    # The parser hangs the number on the dateline, not on the fighters it counts.
    doc = nlp("Mon Aug 8 2016 160 Nusra Terrorists Killed Injured in Ramouseh Farms in Aleppo.")
    roles = roles_of(_word(doc, "Killed"))
    assert roles.agent is None
    assert roles.patient is not None and roles.patient.text == "Terrorists"


def test_a_year_before_the_phrase_is_no_count(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Tue Aug 9 2016 Nusra Terrorists Killed Two Soldiers in Aleppo.")
    roles = roles_of(_word(doc, "Killed"))
    assert roles.agent is not None and roles.agent.text == "Terrorists"


def test_the_counted_dead_of_kills_do_not_do_the_next_verb(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(
        "Sat Apr 2 2017 Syrian Army Kills 14 ISIL Terrorists Destroy Their Vehicles in Mayadin."
    )
    roles = roles_of(_word(doc, "Destroy"))
    assert roles.agent is not None and roles.agent.text == "Army"


def test_a_counted_subject_after_no_killing_word_keeps_its_verb(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(
        "Two Islamic State suicide bombers detonated their trucks at a checkpoint in Tal Tamr."
    )
    roles = roles_of(_word(doc, "detonated"))
    assert roles.agent is not None and roles.agent.text == "bombers"


def test_a_fight_breaking_out_between_two_sides_has_them_as_its_sides(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(
        "Late on Sunday heavy fighting broke out again between Islamic State militants and "
        "army troops near the grain silos of Mayadin."
    )
    roles = roles_of(_word(doc, "fighting"))
    assert roles.agent is not None and roles.agent.text == "militants"
    assert roles.patient is not None and roles.patient.text == "troops"


def test_a_fight_that_took_an_object_keeps_its_own_reading(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Fighting left nine dead between the two villages near Mayadin on Monday.")
    roles = roles_of(_word(doc, "Fighting"))
    assert roles.agent is None
