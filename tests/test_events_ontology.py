"""The ACLED ontology and its CASE 2021, PLOVER and CAMEO mappings."""

from __future__ import annotations

from crosswire.events import ontology as on


def test_six_event_types_and_25_sub_event_types() -> None:
    assert len(on.EVENT_TYPES) == 6
    assert len(on.SUB_EVENT_TYPES) == 25
    assert {s.event_type for s in on.SUB_EVENT_TYPES.values()} == set(on.EVENT_TYPES)


def test_acled_spelling() -> None:
    for name in (
        "Armed clash",
        "Government regains territory",
        "Non-state actor overtakes territory",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Abduction/forced disappearance",
        "Excessive force against protesters",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
    ):
        assert name in on.SUB_EVENT_TYPES


def test_case_labels_cover_the_30_classes() -> None:
    assert len(on.CASE_LABELS) == 30
    assert on.CASE_LABELS["ART_MISS_ATTACK"] == on.SHELLING
    assert on.CASE_LABELS["DIPLO"] == on.DIPLOMACY
    for label in on.ALL_CLASSES:
        assert on.CASE_LABELS[on.case_label_of(label)] == label
    assert not on.is_acled(on.NATURAL_DISASTER)


def test_plover_and_cameo_only_where_clean() -> None:
    assert on.SUB_EVENT_TYPES[on.ARRESTS].plover == "COERCE"
    assert on.SUB_EVENT_TYPES[on.ARRESTS].cameo == "17"
    assert on.SUB_EVENT_TYPES[on.SUICIDE_BOMB].plover_mode == "suicide-attack"
    assert on.SUB_EVENT_TYPES[on.OTHER].plover is None
    assert on.SUB_EVENT_TYPES[on.AGREEMENT].cameo is None
    for sub in on.SUB_EVENT_TYPES.values():
        assert sub.cameo is None or (len(sub.cameo) == 2 and 1 <= int(sub.cameo) <= 20)
