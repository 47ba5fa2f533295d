"""Single victims listed with no figure count one dead each, however the parse hangs the
list: an apposition with conjuncts of its own ("A father, a mother and a son"), a second
subject of the verb ("A man, his wife and their daughter"); a lone apposition is the same
person. Invented sentences."""

from __future__ import annotations

import pytest

from crosswire.model import Analysis, Event
from pipeline_texts import analyses_by_name

pytestmark = pytest.mark.slow

_SHELL = "A rocket shell hit a house in the town of Nubl on Monday. "
TEXTS = {
    "apposition_list": _SHELL + "A father, a mother and a son were killed, a local source said.",
    "no_commas": _SHELL + "A farmer a nurse and a boy were killed as shells fell near the well.",
    "second_subject": _SHELL
    + "A man, his wife and their daughter were killed, a local source said.",
    "same_person": _SHELL + "A man, a teacher at the local school, was killed, a source said.",
}


@pytest.fixture(scope="module")
def analyses(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Analysis]:
    return analyses_by_name(TEXTS, tmp_path_factory.mktemp("singles"))


def happened(analysis: Analysis) -> list[Event]:
    return [e for e in analysis.events if e.modality == "asserted" and not e.background]


@pytest.mark.parametrize(
    ("name", "toll"),
    [("apposition_list", 3), ("no_commas", 3), ("second_subject", 3), ("same_person", 1)],
)
def test_listed_single_victims_count_one_each(analyses, name, toll) -> None:  # type: ignore[no-untyped-def]
    assert [e.fatalities for e in happened(analyses[name])] == [toll]
