"""Earlier incidents told as the setting of a report (another incident like it, the
reported one told as coming days after one, one dated days before the lead's:
``events.earlier``), calls to stop violence and windows of dates
(``events.realis``). They stay in the article's events (brief.json) with their flags, off
the shown events. The sentences are the team's own."""

from __future__ import annotations

from pathlib import Path

import pytest

from crosswire.events import realis
from crosswire.nlp import load_nlp
from pipeline_texts import analyses_by_name

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return load_nlp()


def _anchor(nlp, text: str, trigger: str):  # type: ignore[no-untyped-def]
    return next(t for t in nlp(text) if t.text == trigger)


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("A similar bombing at the same crossing on May 4 killed nine people.", "bombing", True),
        ("An earlier strike on the ward had wounded two nurses.", "strike", True),
        (
            "The brigade has launched such raids before, including on May 4 when it shelled "
            "the depot.",
            "raids",
            True,
        ),
        ("A car bomb at the crossing on Friday killed nine people.", "bomb", False),
        ("The brigade launched raids on the depot on Friday.", "raids", False),
    ],
)
def test_another_incident_like_the_reported_one(nlp, text, trigger, expected):  # type: ignore[no-untyped-def]
    assert realis.told_as_another(_anchor(nlp, text, trigger)) is expected


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("The shelling came two weeks after rockets hit the school.", "shelling", True),
        ("The shelling came days after an air strike on the school.", "shelling", True),
        ("It was the third such raid on the market in Tel Safa since March.", "raid", False),
        ("The shelling came after rockets hit the school.", "shelling", False),
        ("The shelling of the school killed four pupils.", "shelling", False),
    ],
)
def test_the_reported_incident_named_again_to_compare_it(nlp, text, trigger, expected):  # type: ignore[no-untyped-def]
    assert realis.restates(_anchor(nlp, text, trigger)) is expected


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        (
            "The charity demanded that the army stop its shelling of the camp.",
            "shelling",
            "reaction",
        ),
        ("Envoys urged the air force to halt its bombing of the valley.", "bombing", "reaction"),
        ("The army shelled the camp on Monday, killing three.", "shelled", "asserted"),
        ("The shelling of the camp stopped on Monday after talks.", "shelling", "asserted"),
    ],
)
def test_a_call_to_stop_violence_is_a_reaction(nlp, text, trigger, expected):  # type: ignore[no-untyped-def]
    anchor = _anchor(nlp, text, trigger)
    assert realis.refine("asserted", anchor, anchor.sent, None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Between 3 and 9 of May the morgue in the city took in 140 bodies.", True),
        ("Between May 3 and 9 shelling killed 61 people in the old quarter.", True),
        ("Between 20 and 30 people were killed in the blast on Monday.", False),
    ],
)
def test_a_window_of_dates_in_the_body_rolls_up(text, expected):  # type: ignore[no-untyped-def]
    assert realis.rolls_up(text, 4, 9) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Earlier this week, a gas attack on the village killed 40 people.", True),
        ("Earlier this month dozens of fighters were killed in raids on Friday.", True),
        ("Earlier in the week jets bombed the bakery, medics said.", True),
        ("Jets bombed the bakery earlier this week, killing three.", False),
        ("Earlier on Tuesday, jets bombed the bakery, killing three.", False),
    ],
)
def test_a_sentence_opened_earlier_in_the_week_recalls(nlp, text, expected):  # type: ignore[no-untyped-def]
    assert realis.recalled(next(iter(nlp(text).sents))) is expected


TEXTS = {
    "similar": (
        "A car bomb killed eleven people at the crossing of Tel Safa on Friday, a monitor "
        "said. A similar bombing at the same crossing on June 12 killed nine people."
    ),
    "came_after": (
        "Jets bombed the market in the town of Karmun on Friday, killing 14 people, medics "
        "said. The raids came just days after some of the heaviest strikes on homes in the "
        "town for months killing six people and wounding dozens on June 20."
    ),
    "recalled": (
        "Jets bombed the market in the town of Karmun on Friday, killing 14 people, medics "
        "said. The wounded were taken to a clinic near the town. Earlier this week, a gas "
        "attack on the village of Tel Safa killed 40 people."
    ),
    "week_before": (
        "Jets bombed the market in the town of Karmun on Friday, killing 14 people, medics "
        "said. Residents said the town had been calm for weeks. On June 23 a car bomb at "
        "the Tel Safa crossing killed nine people."
    ),
}
# (shown toll, background toll) of each text
EXPECTED = {"similar": (11, 9), "came_after": (14, 6), "recalled": (14, 40), "week_before": (14, 9)}


@pytest.fixture(scope="module")
def analyses(tmp_path_factory):  # type: ignore[no-untyped-def]
    return analyses_by_name(TEXTS, Path(tmp_path_factory.mktemp("earlier")))


def _tolls(analysis, background: bool) -> list[int | None]:  # type: ignore[no-untyped-def]
    return [
        e.fatalities
        for e in analysis.events
        if e.modality == "asserted" and e.background is background
    ]


@pytest.mark.parametrize("name", list(TEXTS))
def test_the_earlier_incident_is_kept_as_background_and_the_report_shown(analyses, name):  # type: ignore[no-untyped-def]
    shown, background = EXPECTED[name]
    assert _tolls(analyses[name], background=False) == [shown]
    assert background in _tolls(analyses[name], background=True)


def test_an_incident_a_day_before_the_lead_stays_shown(tmp_path):  # type: ignore[no-untyped-def]
    text = (
        "Jets bombed the market in the town of Karmun on Friday, killing 14 people, medics "
        "said. Residents said the town had been calm for weeks. On Thursday shelling on "
        "the village of Tel Safa killed five people."
    )
    analysis = analyses_by_name({"day_before": text}, tmp_path)["day_before"]
    assert sorted(t for t in _tolls(analysis, background=False) if t) == [5, 14]
