"""Dates that hang on where events happened, through the whole pipeline (places resolved):
an undated report carries on the day of the sentence before only in the same area, and an
incident named again with its day dates the headline from a finer place of its province.
The texts are the team's own; every article is dated Saturday 2 July 2016."""

from __future__ import annotations

from pathlib import Path

import pytest

from crosswire.model import Analysis, Event
from pipeline_texts import analyses_by_name

pytestmark = pytest.mark.slow

TEXTS = {
    "other_area": (
        "Government planes bombed the city of Idlib on Thursday, killing four people. "
        "In Aleppo, rebel shelling killed two children."
    ),
    "same_area": (
        "An air strike hit a clinic in the town of Maarat al-Numan on Thursday, killing "
        "three nurses, rescuers said. The nurses were killed as they treated people "
        "wounded by shelling."
    ),
    "province": (
        "Islamic State fighters massacre 40 soldiers in Raqqa. The fighters overran the "
        "base after a week of fighting. The killings took place on Thursday at the Tabqa "
        "airbase, a monitor said."
    ),
    "other_province": (
        "Islamic State fighters massacre 40 soldiers in Raqqa. The fighters overran the "
        "base after a week of fighting. The killings took place on Thursday at a base "
        "near Homs, a monitor said."
    ),
}
THURSDAY, PUBLISHED = "2016-06-30", "2016-07-02"


@pytest.fixture(scope="module")
def analyses(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Analysis]:
    return analyses_by_name(TEXTS, Path(tmp_path_factory.mktemp("dating_places")))


def told(analysis: Analysis, needle: str) -> Event:
    hits = [e for e in analysis.events if e.modality == "asserted" and needle in e.sources[0].text]
    assert hits, analysis.events
    return hits[0]


def test_an_undated_report_in_another_town_keeps_the_article_s_day(analyses) -> None:  # type: ignore[no-untyped-def]
    assert told(analyses["other_area"], "rebel shelling").date_start == PUBLISHED


def test_an_undated_report_in_the_same_town_carries_on_its_day(analyses) -> None:  # type: ignore[no-untyped-def]
    assert told(analyses["same_area"], "The nurses were killed").date_start == THURSDAY


def test_an_incident_retold_at_a_place_of_its_province_dates_the_headline(analyses) -> None:  # type: ignore[no-untyped-def]
    assert told(analyses["province"], "massacre 40").date_start == THURSDAY


def test_an_incident_retold_in_another_province_leaves_the_headline(analyses) -> None:  # type: ignore[no-untyped-def]
    assert told(analyses["other_province"], "massacre 40").date_start == PUBLISHED
