"""A few days' toll the article splits into each day's toll is no incident; one it does
not split stays the report's incident (texts written for these tests)."""

from __future__ import annotations

import pytest

from crosswire.model import Analysis
from pipeline_texts import analyses_by_name

pytestmark = pytest.mark.slow

TEXTS = {
    "split": (
        "Government jets have killed about 40 people over the past two days in the hill "
        "town of Kafr Nabl, a monitor said. On Thursday 22 people were killed in raids on "
        "the town's market, it said. On Wednesday air strikes killed 19 people in the "
        "town."
    ),
    "unsplit": (
        "Government jets have killed about 40 people over the past two days in the hill "
        "town of Kafr Nabl, a monitor said. Rescue teams were still digging through the "
        "rubble of the market."
    ),
    # Two reports of one day's incident never add up to a few days' toll.
    "same_day": (
        "Government jets have killed 30 people over the past two days in the hill town of "
        "Kafr Nabl, a monitor said. On Thursday 18 people were killed in raids on the "
        "market. Twelve of them were children, it said."
    ),
}


@pytest.fixture(scope="module")
def analyses(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Analysis]:
    return analyses_by_name(TEXTS, tmp_path_factory.mktemp("split_days"))


def happened_tolls(analysis: Analysis) -> list[int | None]:
    return [e.fatalities for e in analysis.events if e.modality == "asserted"]


def test_a_few_days_toll_split_into_each_days_toll_is_no_incident(analyses) -> None:  # type: ignore[no-untyped-def]
    tolls = happened_tolls(analyses["split"])
    assert 40 not in tolls
    assert 22 in tolls and 19 in tolls


def test_a_few_days_toll_not_split_stays_the_incident(analyses) -> None:  # type: ignore[no-untyped-def]
    assert 40 in happened_tolls(analyses["unsplit"])


def test_one_days_report_does_not_split_a_few_days_toll(analyses) -> None:  # type: ignore[no-untyped-def]
    assert 30 in happened_tolls(analyses["same_day"])
