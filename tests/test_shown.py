"""Which events the brief, map and exports show by default (confidence.shown)."""

from __future__ import annotations

from crosswire.events.confidence import SHOW_THRESHOLD, shown


def event(**fields: object) -> dict[str, object]:
    return {"modality": "asserted", "confidence": SHOW_THRESHOLD / 2, **fields}


def test_a_low_score_hides_a_single_source_report() -> None:
    assert not shown(event())
    assert shown(event(confidence=SHOW_THRESHOLD))


def test_two_independent_sources_show_a_low_scored_event() -> None:
    assert shown(event(source_count=2))
    assert not shown(event(source_count=2, background=True))


def test_flagged_events_are_never_shown() -> None:
    for modality in ("negated", "hypothetical", "planned", "reaction", "cumulative"):
        assert not shown(event(modality=modality, confidence=1.0, source_count=3))


def test_an_unscored_event_is_shown() -> None:
    assert shown(event(confidence=None))
