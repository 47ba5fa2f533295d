"""The countryside of Damascus is Rif Dimashq, a governorate of its own, not the city
(texts written for these tests)."""

from __future__ import annotations

import pytest

from crosswire.model import Analysis
from pipeline_texts import analyses_by_name

pytestmark = pytest.mark.slow

TEXTS = {
    "rural": (
        "Government air strikes killed ten people in rural Damascus on Friday, a monitor "
        "said. The town of Douma has been under siege for months."
    ),
    "city": (
        "A mortar shell killed three people in Damascus on Friday, a monitor said. "
        "The town of Douma has been under siege for months."
    ),
}


@pytest.fixture(scope="module")
def analyses(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Analysis]:
    return analyses_by_name(TEXTS, tmp_path_factory.mktemp("rural_capital"))


def first_admin1(analysis: Analysis) -> str | None:
    places = {p.id: p for p in analysis.places}
    event = analysis.events[0]
    assert event.place in places
    return places[event.place].admin1


def test_rural_damascus_is_not_the_city(analyses) -> None:  # type: ignore[no-untyped-def]
    assert first_admin1(analyses["rural"]) != "Dimashq"


def test_the_city_stays_the_city(analyses) -> None:  # type: ignore[no-untyped-def]
    assert first_admin1(analyses["city"]) == "Dimashq"
