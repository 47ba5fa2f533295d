"""Which sentences of an article tell another incident than an event's (their claims do not
name its author): ``drafts.other_incidents``, on drafts built by hand. Invented sentences."""

from __future__ import annotations

from crosswire.events import ontology as on
from crosswire.events.drafts import Draft, other_incidents
from crosswire.events.roles import Actors
from crosswire.model import SourceSpan


def _draft(label: str, sentence: int, span: tuple[int, int], day: str | None = None) -> Draft:
    start, end = span
    return Draft(
        label=label,
        actors=Actors(),
        place=None,
        place_named=None,
        when=(day, day, "day") if day else None,
        date_text="on that day" if day else None,
        toll=None,
        mode="asserted",
        spans=[SourceSpan(article="art", start=start, end=end, text="x" * (end - start))],
        depth=0,
        sentence=sentence,
        weak=False,
        history=False,
        habitual=False,
    )


def test_a_sentence_that_also_tells_the_incident_is_not_elsewhere() -> None:
    bombing = _draft(on.SUICIDE_BOMB, 0, (0, 90), day="2026-03-02")
    # "The group said one of its fighters fired on a gathering before blowing himself up":
    # one reading of the claim's sentence is this bombing, another a clash of its own day.
    claim_bombing = _draft(on.SUICIDE_BOMB, 3, (300, 420))
    claim_clash = _draft(on.ARMED_CLASH, 3, (300, 420), day="2026-02-20")
    assert other_incidents([bombing, claim_bombing, claim_clash], bombing) == []


def test_a_sentence_of_another_incident_only_is_elsewhere() -> None:
    bombing = _draft(on.SUICIDE_BOMB, 0, (0, 90), day="2026-03-02")
    clash = _draft(on.ARMED_CLASH, 3, (300, 420), day="2026-02-20")
    assert other_incidents([bombing, clash], bombing) == [(300, 420)]
