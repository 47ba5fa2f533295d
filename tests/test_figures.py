"""Figures: values, bands, what is counted and who states it."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from spacy.language import Language

from crosswire.figures.find import find_figures, parse_number
from crosswire.model import Figure
from crosswire.nlp import load_nlp
from crosswire.quotes.find import find_attributions, find_quotes

pytestmark = pytest.mark.slow

Find = Callable[[str], list[Figure]]

_VAGUE_WORDS = (
    "dozens",
    "scores",
    "hundreds",
    "thousands",
    "tens of thousands",
    "hundreds of thousands",
)
PLOVER = Path(__file__).resolve().parents[1].parent / "shared/eval/events/plover_gsr_cameo.txt"


@pytest.fixture(scope="module")
def figures() -> Find:
    nlp: Language = load_nlp()

    def run(text: str) -> list[Figure]:
        return find_figures(nlp(text), "art_1", "Levant Monitor")

    return run


def pick(found: list[Figure], literal: str) -> Figure:
    matches = [f for f in found if f.mention.text == literal]
    assert len(matches) == 1, [f.mention.text for f in found]
    return matches[0]


def numbers(figure: Figure) -> tuple[float | None, float | None, float | None]:
    return figure.value, figure.low, figure.high


@pytest.mark.parametrize(
    ("text", "literal", "expected"),
    [
        ("Militants fired 12 rockets at the base.", "12", (12, 12, 12)),
        ("The army deployed 1,200 soldiers.", "1,200", (1200, 1200, 1200)),
        (
            "Some 3.5 million people need aid.",
            "Some 3.5 million",
            (3_500_000, 3_500_000, 3_500_000),
        ),
        ("The raid killed three guards.", "three", (3, 3, 3)),
        ("The war killed three-hundred villagers.", "three-hundred", (300, 300, 300)),
        ("The blast wounded twenty-five workers.", "twenty-five", (25, 25, 25)),
        ("Police detained a dozen protesters.", "a dozen", (12, 12, 12)),
        ("Rebels seized half a dozen trucks.", "half a dozen", (6, 6, 6)),
        ("The group holds 30-40 hostages.", "30-40", (30, 30, 40)),
        ("Between 30 and 40 villagers fled.", "Between 30 and 40", (30, 30, 40)),
        ("The unit lost 30 to 40 vehicles.", "30 to 40", (30, 30, 40)),
        ("More than 3,000 people were displaced.", "More than 3,000", (3000, 3000, None)),
        ("At least 1,200 homes were damaged.", "At least 1,200", (1200, 1200, None)),
        ("Up to 50 fighters were captured.", "Up to 50", (None, None, 50)),
        ("Fewer than 10 ambulances reached the town.", "Fewer than 10", (None, None, 10)),
        ("Around 500 families were evacuated.", "Around 500", (500, 500, 500)),
        ("About 500 families were evacuated.", "About 500", (500, 500, 500)),
        ("Nearly 500 families were evacuated.", "Nearly 500", (500, 500, 500)),
        ("The clashes left 200 or more dead.", "200 or more", (200, 200, None)),
    ],
)
def test_exact_ranged_and_bounded_numbers(
    figures: Find, text: str, literal: str, expected: tuple[float | None, ...]
) -> None:
    figure = pick(figures(text), literal)
    assert numbers(figure) == expected
    assert figure.vague is False


@pytest.mark.parametrize(
    ("text", "literal", "expected"),
    [
        ("Dozens of fighters were killed.", "Dozens", (12, 12, None)),
        ("Hundreds of civilians fled the city.", "Hundreds", (100, 100, None)),
        ("Scores of houses were destroyed.", "Scores", (20, 20, None)),
        ("Several children were injured.", "Several", (3, 3, None)),
        ("A few soldiers deserted.", "A few", (3, 3, None)),
        ("A handful of journalists remain.", "A handful", (3, 3, None)),
        ("Tens of protesters gathered.", "Tens", (10, 10, None)),
        ("Thousands of people marched.", "Thousands", (1000, 1000, None)),
        ("Tens of thousands fled the fighting.", "Tens of thousands", (10_000, 10_000, None)),
        ("Several hundred troops crossed the river.", "Several hundred", (300, 300, None)),
        ("The raids cost millions of dollars.", "millions", (None, 2_000_000, None)),
        ("Up to dozens of homes burned.", "Up to dozens", (None, None, 12)),
    ],
)
def test_vague_quantities_keep_the_word_and_code_conservatively(
    figures: Find, text: str, literal: str, expected: tuple[float, ...]
) -> None:
    figure = pick(figures(text), literal)
    assert numbers(figure) == expected
    assert figure.vague is True


@pytest.mark.parametrize(
    ("text", "literal", "value"),
    [
        ("Two out of three residents have left.", "Two out of three", 66.67),
        ("Three in four homes lack running water.", "Three in four", 75.0),
        ("Half of the hospitals are closed.", "Half", 50.0),
        ("Two-thirds of the wells are dry.", "Two-thirds", 66.67),
        ("Unemployment reached 45% last year.", "45%", 45.0),
        ("Turnout was 38 per cent.", "38 per cent", 38.0),
    ],
)
def test_proportions_become_percentages(
    figures: Find, text: str, literal: str, value: float
) -> None:
    figure = pick(figures(text), literal)
    assert figure.value == value
    assert figure.unit == "percent"


def test_a_percent_range_counts_a_share_of_something(figures: Find) -> None:
    figure = pick(figures("Rebels hold 70-75 percent of the city."), "70-75 percent")
    assert numbers(figure) == (70, 70, 75)
    assert figure.unit == "percent"
    assert figure.counted is not None
    assert figure.counted.startswith("percent of the city")


@pytest.mark.parametrize(
    ("text", "literal", "counted", "unit"),
    [
        ("Officials said 12 civilians were killed.", "12", "civilians killed", "people"),
        (
            "Troops stormed the village, killing at least 20 fighters.",
            "at least 20",
            "fighters killed",
            "people",
        ),
        ("Warplanes flew 120 sorties over the province.", "120", "sorties flown", "sorties"),
        ("The Pentagon will send 3,000 troops.", "3,000", "troops sent", "people"),
        ("Rebels destroyed four tanks.", "four", "tanks destroyed", "tanks"),
        ("At least 12 were killed in the blast.", "At least 12", "killed", "people"),
        ("The death toll rose to 45 on Friday.", "45", "death toll", "people"),
        ("Gunmen abducted 7 Syrian soldiers.", "7", "Syrian soldiers abducted", "people"),
        ("Dozens of people died in the floods.", "Dozens", "people died", "people"),
    ],
)
def test_what_is_counted_comes_from_the_parse(
    figures: Find, text: str, literal: str, counted: str, unit: str
) -> None:
    figure = pick(figures(text), literal)
    assert figure.counted == counted
    assert figure.unit == unit


@pytest.mark.parametrize(
    ("text", "literal", "speaker"),
    [
        ("At least 30 people were killed, according to AFP.", "At least 30", "AFP"),
        ("State media claimed that 40 militants surrendered.", "40", "State media"),
        ("The Pentagon estimated that 3,000 troops had crossed.", "3,000", "The Pentagon"),
        ("A local official told reporters that 9 schools were hit.", "9", "A local official"),
        (
            "Twelve civilians died, the Syrian Observatory for Human Rights said.",
            "Twelve",
            "the Syrian Observatory for Human Rights",
        ),
        ("Colonel Hassan said 15 tanks were lost.", "15", "Colonel Hassan"),
        ("Rebels shelled the market and killed 8 people.", "8", "Levant Monitor"),
        (
            "According to a tally kept by the Hauran Documentation Centre, 12 people died.",
            "12",
            "the Hauran Documentation Centre",
        ),
        (
            "The Interior Ministry said rioters started it. It said 9 officers were hurt.",
            "9",
            "The Interior Ministry",
        ),
        ("Houthi media spoke of hundreds killed.", "hundreds", "Houthi media"),
        ("The army detained 5 men, accusing them of planning attacks.", "5", "Levant Monitor"),
    ],
)
def test_who_states_a_figure(figures: Find, text: str, literal: str, speaker: str) -> None:
    figure = pick(figures(text), literal)
    assert figure.speaker == speaker
    assert figure.outlet == "Levant Monitor"


def test_an_attribution_carries_into_the_next_sentence_of_its_paragraph(figures: Find) -> None:
    found = figures(
        "The health ministry said 12 people were killed in the strike. Another 30 were wounded."
        "\n\nRescuers later found 4 more bodies."
    )
    assert pick(found, "12").speaker == "The health ministry"
    assert pick(found, "30").speaker == "The health ministry"
    assert pick(found, "4").speaker == "Levant Monitor"  # the outlet's own claim


def test_a_figure_inside_a_quote_belongs_to_the_speaker(figures: Find) -> None:
    found = figures('"We lost 14 men in one night," said Ahmed Ali, a local commander.')
    assert pick(found, "14").speaker == "Ahmed Ali"


@pytest.mark.parametrize(
    "text",
    [
        "The offensive began in 2019.",
        "Two F-16 and four Su-24 jets were seen.",
        "The council passed UN Resolution 2254.",
        "The talks start at 10:30 on March 4.",
        "The siren sounded at 3 pm.",
        "The victim, aged 12, was a student.",
        "Ahmed Ali, 34, was arrested.",
        "A 12-year-old boy was arrested.",
        "Call +44 20 7946 0958 for details.",
        "It was the second attack on the convoy.",
        "The fighting lasted three days.",
        "No one was hurt.",
        "Print Tweet Views 120 Related stories.",
    ],
)
def test_numbers_that_are_not_quantities_are_skipped(figures: Find, text: str) -> None:
    found = figures(text)
    assert [f.mention.text for f in found if f.mention.text not in ("Two", "four")] == []


def test_model_names_leave_their_counts_alone(figures: Find) -> None:
    found = figures("Two F-16 and four Su-24 jets were seen.")
    assert [f.mention.text for f in found] == ["Two", "four"]


def test_offsets_point_into_the_text(figures: Find) -> None:
    text = "Officials said more than 3,000 people fled and 70% of shops closed."
    for figure in figures(text):
        assert text[figure.mention.start : figure.mention.end] == figure.mention.text
        assert figure.mention.article == "art_1"


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("1,200", 1200),
        ("3.5 million", 3_500_000),
        ("three hundred and fifty", 350),
        ("twenty-five", 25),
        ("a thousand", 1000),
        ("two dozen", 24),
        ("two million five hundred thousand", 2_500_000),
        ("several", None),
    ],
)
def test_parse_number(written: str, value: float | None) -> None:
    assert parse_number(written) == value


@pytest.mark.eval
def test_plover_gold_counts_are_found(figures: Find) -> None:
    """Every crowd size, death and injury count that the PLOVER gold records
    give as a number written in the sentence is among the figures found."""
    if not PLOVER.exists():
        pytest.skip(f"evaluation data not found at {PLOVER} (see shared/eval/README.md)")
    records = json.loads(PLOVER.read_text(encoding="utf-8"))
    checked = missed = 0
    for record in records:
        text = record.get("text", "")
        for field in ("dead", "injured", "size"):
            gold = record.get(field, "")
            if not gold:
                continue
            found = figures(text)
            if gold.isdigit():
                if gold == "1" and not any(w in text.lower().split() for w in ("one", "1")):
                    continue  # "a journalist was killed": a count the text never writes
                checked += 1
                missed += not any(float(gold) in (f.value, f.low, f.high) for f in found)
            elif gold.lower() in _VAGUE_WORDS:
                checked += 1
                literals = [f.mention.text.lower() for f in found if f.vague]
                missed += gold.lower() not in literals
    assert checked >= 25
    assert missed == 0


@pytest.mark.parametrize(
    ("text", "literal", "counted"),
    [
        ("The ministry put the death toll at 45.", "45", "death toll"),
        ("A death toll of 60 was reported.", "60", "death toll"),
        ("A 3,000-strong force entered the town.", "3,000", "force"),
        ("Kyiv needs seven more Patriot batteries.", "seven", "Patriot batteries needed"),
        ("Officials said 41 of the drones were shot down.", "41", "drones shot down"),
        ("Hundreds more are expected to follow.", "Hundreds", None),
    ],
)
def test_harder_counted_phrases(
    figures: Find, text: str, literal: str, counted: str | None
) -> None:
    assert pick(figures(text), literal).counted == counted


def test_money_carries_its_currency(figures: Find) -> None:
    found = figures("Donors pledged $2bn and €5 million in aid.")
    assert [(f.mention.text, f.value, f.unit) for f in found] == [
        ("$2bn", 2_000_000_000, "USD"),
        ("€5 million", 5_000_000, "EUR"),
    ]


def test_a_list_number_is_not_a_figure(figures: Find) -> None:
    found = figures("1. Rebels took 4 villages.\n\n2. The army withdrew.")
    assert [f.mention.text for f in found] == ["4"]


def test_shared_attributions_give_the_same_figures() -> None:
    doc = load_nlp()("The ministry said 12 people were killed. Another 30 were wounded.")
    shared = find_attributions(doc)
    assert find_figures(doc, "art_1", None, shared) == find_figures(doc, "art_1", None)
    assert find_quotes(doc, "art_1", shared) == find_quotes(doc, "art_1")


@pytest.mark.parametrize(
    ("text", "literal", "value"),
    [
        ("12-03-2019 40 Villagers Killed 100 Injured in Rocket Fire on Market.", "40", 40),
        ("Tuesday 5 March 2019 09:15 27 Killed as Shells Hit Bus Station.", "27", 27),
    ],
)
def test_a_headline_count_after_a_dateline_is_a_figure(
    figures: Find, text: str, literal: str, value: float
) -> None:
    found = figures(text)
    assert pick(found, literal).value == value
    assert not any(f.mention.text in ("12-03", "03-2019") for f in found)


def test_a_number_run_into_the_place_before_it_still_counts_people(figures: Find) -> None:
    found = figures("In the eastern province of Raqqa 9 people were killed on Thursday.")
    assert [(f.value, f.unit) for f in found] == [(9.0, "people")]
