"""Duplicates and syndicated copies."""

from __future__ import annotations

from crosswire.crosscheck.dedupe import find_groups
from crosswire.model import Article

WIRE = (
    "Coalition aircraft struck positions near the port on Sunday night, according to "
    "residents, who described at least six explosions over two hours. The port authority "
    "said cranes were damaged and that shipping would resume once the berths were "
    "inspected. Aid agencies warned that fuel deliveries could be delayed by a week."
)


def art(source: str, text: str, published: str | None = None) -> Article:
    return Article(
        input_sha256=source * 4, position="0", source=source, format="txt", text=text,
        published=published,
    )  # fmt: skip


def test_exact_copies_are_duplicates_earliest_first() -> None:
    late, early = art("b", WIRE, "2026-03-05"), art("a", WIRE.upper(), "2026-03-04")
    groups = find_groups([late, early], 0.8)
    assert [(g.kind, g.articles) for g in groups] == [("duplicate", (early.id, late.id))]


def test_republished_wire_copy_with_a_trimmed_ending_is_syndicated() -> None:
    original = art("wire", WIRE)
    copy = art("paper", WIRE.rsplit(". ", 1)[0] + ". Our correspondent adds detail.")
    groups = find_groups([original, copy], 0.6)
    assert [g.kind for g in groups] == ["syndicated"]
    assert set(groups[0].articles) == {original.id, copy.id}


def test_different_reports_of_one_event_are_not_copies() -> None:
    other = (
        "Residents near the harbour reported a series of blasts late on Sunday. Officials "
        "at the port said some cranes were hit and inspections would decide when ships can "
        "dock again, while relief groups feared fuel shipments would be held up."
    )
    assert find_groups([art("a", WIRE), art("b", other)], 0.8) == []
