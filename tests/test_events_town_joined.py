"""A report told at its province, then at a town of it in a later sentence: the team's
own texts (invented villages), through the whole pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

from crosswire.model import Analysis
from pipeline_texts import analyses_by_name, place_of_event

pytestmark = pytest.mark.slow

TEXTS = {
    # "Kfar Haddoun" is made up: no gazetteer holds it. The article is mostly about
    # Aleppo, so the village's own sentence, naming no province, would fall back there.
    "detail_names_the_town": (
        "A car bomb killed eleven people outside a mosque in Daraa province on Friday, a "
        "monitor said. Among the dead in the blast in the town of Kfar Haddoun were two "
        "children. In Aleppo, rebels shelled the Midan district on Friday, wounding three. "
        "Aleppo has been divided since 2012 and fighting in Aleppo goes on."
    ),
    # "the strike" refers back to the raid told before, yet names its own village.
    "refers_back_to_a_village": (
        "An air strike killed nine people in Idlib province on Sunday, a monitor said. The "
        "monitor said the strike on the village of Kfar Haddoun was carried out by Russian "
        "jets. In Aleppo, rebels shelled the Midan district on Sunday, wounding three. "
        "Fighting in Aleppo goes on."
    ),
    # A province-wide series and the share of its dead in one village: the province.
    "share_in_a_village": (
        "Government air strikes killed 25 people in Hama province on Sunday, a monitor "
        "said. Six of them were killed in the village of Tell Marbouk."
    ),
}


@pytest.fixture(scope="module")
def analyses(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Analysis]:
    return analyses_by_name(TEXTS, Path(tmp_path_factory.mktemp("town_joined")))


def _named(analysis: Analysis, needle: str) -> tuple[str, str | None, str | None] | None:
    place = place_of_event(analysis, needle)
    return (place.name, place.feature, place.admin1) if place else None


def test_a_later_sentence_names_the_town_of_the_report(analyses) -> None:  # type: ignore[no-untyped-def]
    # The town in the report's province, not in Aleppo's, where the article's focus is.
    assert _named(analyses["detail_names_the_town"], "car bomb") == (
        "Kfar Haddoun",
        "locality",
        "Dar'ā",
    )


def test_a_report_referring_back_keeps_the_village_it_names(analyses) -> None:  # type: ignore[no-untyped-def]
    assert _named(analyses["refers_back_to_a_village"], "Russian jets") == (
        "Kfar Haddoun",
        "locality",
        "Idlib",
    )


def test_a_province_wide_toll_is_not_pinned_on_a_village_of_part_of_it(analyses) -> None:  # type: ignore[no-untyped-def]
    place = _named(analyses["share_in_a_village"], "25 people")
    assert place is not None and place[1] == "admin1"
