"""A later report that refers back to an incident told with its author ("the attack on
the two villages killed ...") is that author's, through the whole pipeline; a report by
other means ("the blast" after a raid) or of other incidents ("the previous attacks")
is not."""

from __future__ import annotations

import pytest

from crosswire.model import Analysis
from pipeline_texts import analyses_by_name

pytestmark = pytest.mark.slow

TEXTS = {
    "retold_attack": (
        "Islamic State fighters killed more than 40 people in an attack on two government-held "
        "villages near the town of Tel Qasr in Hama province on Thursday, a monitor said. The "
        "monitor said the attack on the two villages killed 12 civilians and 29 pro-government "
        "fighters."
    ),
    "retold_massacre": (
        "Regime air strikes killed 31 civilians in the town of Kafr Halab in Aleppo province on "
        "Tuesday. Rescuers pulled bodies from the rubble for hours. The massacre drew "
        "condemnation from the opposition, which said dozens more were wounded."
    ),
    "blast_after_raid": (
        "Russian jets struck the town of Kafr Zeita in Hama province on Saturday, killing nine "
        "people. On Saturday a bomb planted in a bus carrying workers exploded near the town of "
        "Kafr Zeita, killing a woman and wounding 25. The monitor said the blast on the bus "
        "killed a woman and wounded more than 20 people, and that no group had claimed it."
    ),
    "previous": (
        "Kurdish fighters drove Islamic State militants out of the village of Tel Baydar in "
        "Hasakah province on Monday. Twelve people were killed in the previous attacks on the "
        "village, the monitor said."
    ),
}


@pytest.fixture(scope="module")
def analyses(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Analysis]:
    return analyses_by_name(TEXTS, tmp_path_factory.mktemp("retold"))


def authors(analysis: Analysis, needle: str) -> list[str | None]:
    known = {e.id: e.name for e in analysis.entities}
    return [
        known.get(e.actor1 or "")
        for e in analysis.events
        if any(needle in source.text for source in e.sources)
    ]


@pytest.mark.parametrize(
    ("name", "needle", "author"),
    [
        ("retold_attack", "the attack on the two villages", "Islamic State"),
        ("retold_massacre", "The massacre", "Military Forces of Syria"),
    ],
)
def test_a_report_referring_back_takes_the_author_told_before(  # type: ignore[no-untyped-def]
    analyses, name: str, needle: str, author: str
) -> None:
    found = authors(analyses[name], needle)
    assert found and all(a is not None and a.startswith(author) for a in found)


@pytest.mark.parametrize(
    ("name", "needle"),
    [("blast_after_raid", "the blast on the bus"), ("previous", "previous attacks")],
)
def test_other_means_or_other_incidents_take_no_author_told_before(  # type: ignore[no-untyped-def]
    analyses, name: str, needle: str
) -> None:
    found = authors(analyses[name], needle)
    assert found and all(a is None or a.startswith("Unidentified") for a in found)
