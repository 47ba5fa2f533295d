"""Stage `actor_countries`: generic sides take the country of the story's places, and
keep no nationality the text does not give them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crosswire.api import run_corpus
from crosswire.config import load_settings
from crosswire.errors import ConfigError
from crosswire.model import Analysis
from crosswire.registry import check_order

pytestmark = pytest.mark.slow

UP_TO_COUNTRIES = [
    "ingest", "extract", "split", "clean", "metadata", "language",
    "parse", "actors", "places", "actor_countries",
]  # fmt: skip

TEXTS = {
    # The state forces named are Russian; the places are Syrian.
    "foreign_jets": (
        "Russian warplanes struck the town of Saraqib in Idlib province on Monday, killing "
        "12 civilians, local activists said. The Russian defence ministry denied that Russian "
        "jets had flown over the area, and Moscow called the reports false."
    ),
    "yemen": (
        "Coalition jets hit a crowded market in the city of Taiz on Tuesday, killing eight "
        "civilians and wounding dozens, medics said. Residents said the market was packed."
    ),
    # No place at all: the victims keep no nationality.
    "no_place": (
        "Russian jets killed 12 civilians on Monday, activists said. Russian officials denied "
        "the report, and the Russian defence ministry said its pilots had hit only fighters."
    ),
    # A nationality in the text stays beside the country of the places.
    "named_nationality": (
        "Unidentified gunmen killed five Syrian civilians near the city of Mosul in Iraq on "
        "Friday, police said. The gunmen fled in two cars, witnesses said."
    ),
}


@pytest.fixture(scope="module")
def analyses(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Analysis]:
    path: Path = tmp_path_factory.mktemp("countries") / "articles.jsonl"
    names = list(TEXTS)
    with path.open("w", encoding="utf-8") as handle:
        for number, name in enumerate(names):
            row = {"title": f"Report number {number}", "maintext": TEXTS[name]}
            handle.write(json.dumps(row) + "\n")
    settings = load_settings(overrides={"pipeline.stages": UP_TO_COUNTRIES})
    corpus = run_corpus([path], settings=settings, db=":memory:")
    lines = {a.id: int(a.position.split("#")[-1].split("/")[0]) for a in corpus.articles}
    return {names[lines[a.article]]: a for a in corpus.analyses}


def named(analysis: Analysis, word: str) -> set[str]:
    """The names of the entities mentioned by ``word``."""
    return {e.name for e in analysis.entities for m in e.mentions if m.text.lower() == word}


def test_victims_take_the_country_of_the_places_not_of_the_jets(
    analyses: dict[str, Analysis],
) -> None:
    assert named(analyses["foreign_jets"], "civilians") == {"Civilians (Syria)"}


def test_victims_in_a_yemeni_town_are_yemeni(analyses: dict[str, Analysis]) -> None:
    assert named(analyses["yemen"], "civilians") == {"Civilians (Yemen)"}


def test_with_no_place_the_victims_keep_no_country(analyses: dict[str, Analysis]) -> None:
    analysis = analyses["no_place"]
    assert named(analysis, "civilians") == {"Civilians"}
    assert not any(e.name.startswith("Civilians (") for e in analysis.entities)


def test_a_nationality_in_the_text_is_kept(analyses: dict[str, Analysis]) -> None:
    analysis = analyses["named_nationality"]
    assert named(analysis, "syrian civilians") == {"Civilians (Syria)"}
    assert named(analysis, "unidentified gunmen") == {"Unidentified Armed Group (Iraq)"}
    # "The gunmen" later is the same side.
    assert named(analysis, "gunmen") <= {"Unidentified Armed Group (Iraq)"}


def test_the_stage_needs_places_before_it() -> None:
    with pytest.raises(ConfigError, match=r"analyses\.places"):
        check_order([*UP_TO_COUNTRIES[:8], "actor_countries"])
    assert check_order(UP_TO_COUNTRIES)
