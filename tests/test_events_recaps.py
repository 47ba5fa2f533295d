"""Incidents told only as the backdrop of another statement (``events.recaps``): a motive,
a cause of a state, a place told by its past. The sentences are the team's own."""

from __future__ import annotations

from pathlib import Path

import pytest

from crosswire.events.recaps import told_as_recap
from crosswire.nlp import load_nlp
from pipeline_texts import analyses_by_name

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return load_nlp()


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # a motive
        ("Gunmen shelled the hamlet in retaliation for the killing of a sheikh.", "killing", True),
        (
            "Jets pounded the valley in response to the ambush that killed six guards.",
            "ambush",
            True,
        ),
        ("The militia vowed to avenge the bombing of its headquarters.", "bombing", True),
        ("Gunmen shelled the hamlet in retaliation for the killing of a sheikh.", "shelled", False),
        # a cause of a state
        ("The truce was strained by air strikes that killed dozens of soldiers.", "strikes", True),
        ("The convoy was hit by air strikes that killed dozens of soldiers.", "strikes", False),
        # a place told by its past
        ("Karmun is near Tel Safa, the village where a raid killed 15 people.", "raid", True),
        ("Karmun lies close to the village of Tel Safa where a bomb killed 40.", "bomb", True),
        ("A woman died in a raid on Tel Safa, the site of a gas attack in May.", "attack", True),
        ("Jets struck the bakery in Tel Safa, where 12 people were killed.", "killed", False),
        ("Jets struck the bakery in Tel Safa, where 12 people were killed.", "struck", False),
    ],
)
def test_a_recap_word(nlp, text, trigger, expected):  # type: ignore[no-untyped-def]
    anchor = next(t for t in nlp(text) if t.text == trigger)
    assert told_as_recap([anchor]) is expected


def test_a_cue_outside_the_motive_tells_the_reports_own_incident(nlp):  # type: ignore[no-untyped-def]
    doc = nlp("Rebels attacked army posts on Monday in response to an offensive, killing 12 men.")
    words = {t.text: t for t in doc}
    assert told_as_recap([words["offensive"]]) is True
    assert told_as_recap([words["offensive"], words["killing"]]) is False


TEXTS = {
    "motive": (
        "Government rockets killed nine people in the town of Karmun on Friday, a monitor "
        "said. The army said the rockets were fired in retaliation for the killing of four "
        "soldiers by rebels at a checkpoint."
    ),
    "backdrop": (
        "An air strike killed seven people at a bakery in the town of Karmun on Friday, a "
        "monitor said. Karmun lies close to the village of Tel Safa, where a gas attack "
        "killed nearly 40 people in May."
    ),
    "own": (
        "Rebels attacked army posts in the town of Karmun on Friday in response to an "
        "offensive on the highway, killing 12 soldiers, a monitor said."
    ),
}


@pytest.fixture(scope="module")
def analyses(tmp_path_factory):  # type: ignore[no-untyped-def]
    return analyses_by_name(TEXTS, Path(tmp_path_factory.mktemp("recaps")))


def _shown_tolls(analysis) -> list[int | None]:  # type: ignore[no-untyped-def]
    return [e.fatalities for e in analysis.events if e.modality == "asserted" and not e.background]


def test_a_motive_is_background_and_the_report_stays(analyses):  # type: ignore[no-untyped-def]
    assert _shown_tolls(analyses["motive"]) == [9]


def test_a_place_told_by_its_past_is_background(analyses):  # type: ignore[no-untyped-def]
    assert _shown_tolls(analyses["backdrop"]) == [7]


def test_an_attack_with_a_motive_stays_the_reports_incident(analyses):  # type: ignore[no-untyped-def]
    assert _shown_tolls(analyses["own"]) == [12]
