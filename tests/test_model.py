"""Records: content-hash ids tell distinct records apart and stay stable."""

from __future__ import annotations

from dataclasses import replace

from crosswire.model import Event, SourceSpan


def _strike(place: str, trigger: str) -> Event:
    span = SourceSpan(article="art_1", start=0, end=35, text="Jets struck Sarmin and hit Binnish.")
    return Event(
        event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike",
        sources=(span,),
        place=place,
        reasons=(f"trigger={trigger}",),
    )


def test_two_events_of_one_sentence_and_sub_type_get_distinct_ids() -> None:
    # Ids key the store's rows: two events sharing one would overwrite each other.
    assert _strike("plc_sarmin", "struck").id != _strike("plc_binnish", "hit").id


def test_an_event_id_is_a_hash_of_its_content() -> None:
    event = _strike("plc_sarmin", "struck")
    assert event.id == _strike("plc_sarmin", "struck").id
    assert event.id.startswith("evt_")
    assert replace(event, confidence=0.9).id == event.id  # a score is not identity
