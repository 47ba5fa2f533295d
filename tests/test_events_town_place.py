"""An event told in a town the text names and puts in its province or country is placed at
that town, not at the province or its seat. The texts are the team's own."""

from __future__ import annotations

from pathlib import Path

import pytest

from crosswire.model import Analysis
from pipeline_texts import analyses_by_name

pytestmark = pytest.mark.slow

TEXTS = {
    "province": (
        "Jets struck a field clinic in the town of Ahsem in Idlib province on Thursday, "
        "killing five civilians, a monitor said."
    ),
    "country": (
        "A car bomb exploded in the Syrian town of al-Qardaha on Thursday, killing four "
        "people, state media said."
    ),
}


@pytest.fixture(scope="module")
def analyses(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Analysis]:
    return analyses_by_name(TEXTS, Path(tmp_path_factory.mktemp("town_place")))


def _place_names(analysis: Analysis) -> set[str]:
    places = {p.id: p.name for p in analysis.places}
    return {places.get(str(e.place), "") for e in analysis.events if e.modality == "asserted"}


@pytest.mark.parametrize(("name", "town"), [("province", "Iḩsim"), ("country", "Al Qardāḩah")])
def test_the_event_is_placed_at_the_town(analyses, name: str, town: str) -> None:  # type: ignore[no-untyped-def]
    assert town in _place_names(analyses[name])
