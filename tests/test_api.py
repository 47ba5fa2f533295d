"""The Python API: `crosswire.run` returns the brief's records, as brief.json holds them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import crosswire
from crosswire.brief import validate_brief

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def sample_brief(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, Path]:  # type: ignore[type-arg]
    out = tmp_path_factory.mktemp("out")
    return crosswire.run(out=out), out


def test_run_on_the_sample_corpus_returns_the_brief_it_writes(
    sample_brief: tuple[dict, Path],  # type: ignore[type-arg]
) -> None:
    brief, out = sample_brief
    validate_brief(brief)
    assert json.loads((out / "brief.json").read_text()) == brief
    for name in ("brief.md", "brief.html", "events.geojson", "rejections.csv", "crosswire.duckdb"):
        assert (out / name).exists(), name


def test_sample_brief_is_filled_and_every_offset_points_at_its_text(
    sample_brief: tuple[dict, Path],  # type: ignore[type-arg]
) -> None:
    brief, _ = sample_brief
    for key in ("articles", "entities", "places", "events", "claims", "stories"):
        assert brief[key], f"{key} is empty"
    texts = {a["id"]: a["text"] for a in brief["articles"]}
    spans = [m for e in brief["entities"] for m in e["mentions"]]
    spans += [m for p in brief["places"] for m in p["mentions"]]
    spans += [s for e in brief["events"] for s in e["sources"]]
    spans += [s for c in brief["claims"] for s in c["sources"]]
    spans += [s for st in brief["stories"] for line in st["summary"] for s in line["sources"]]
    for span in spans:
        assert texts[span["article"]][span["start"] : span["end"]] == span["text"]
    assert {r["reason"] for r in brief["rejections"]} == {"truncated_gzip"}
    french = [a for a in brief["articles"] if a["language"] == "fr"]
    assert len(french) == 1, "the non-English article is kept and marked"


def test_run_on_given_paths_without_out_writes_nothing(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(
        "Aid convoy reaches the town\n\nA convoy of twelve trucks carrying food and medicine "
        "reached the town on Monday after weeks of talks, local officials said.\n"
    )
    before = set(tmp_path.iterdir())
    brief = crosswire.run([article])
    validate_brief(brief)
    assert [a["title"] for a in brief["articles"]] == ["Aid convoy reaches the town"]
    assert set(tmp_path.iterdir()) == before


def test_run_returns_typed_records_with_ids_resolved(
    sample_brief: tuple[crosswire.Brief, Path],
) -> None:
    brief, _ = sample_brief
    assert isinstance(brief, crosswire.Brief)
    assert brief.to_dict() == json.loads(json.dumps(brief.to_dict()))
    placed = [e for e in brief.events if e.event.place]
    assert placed and all(e.place is not None and e.place.id == e.event.place for e in placed)
    with_actor = [e for e in brief.events if e.event.actor1]
    assert all(e.actor1 is not None and e.actor1.id == e.event.actor1 for e in with_actor)
    for resolved in brief.events:
        for source in resolved.sources:
            assert source.article is not None and source.article.id == source.span.article


def test_to_pandas_gives_one_frame_per_record_kind(
    sample_brief: tuple[crosswire.Brief, Path],
) -> None:
    brief, _ = sample_brief
    frames = brief.to_pandas()
    assert set(frames) == {"events", "actors", "places", "claims", "articles", "stories"}
    events = frames["events"]
    assert len(events) == len(brief.events)
    assert {"event_type", "place", "lat", "lon", "actor1", "evidence", "outlets"} <= set(events)
    first = brief.events[0]
    row = events.set_index("id").loc[first.id]
    assert row["event_type"] == first.event.event_type
    assert row["evidence"] == first.event.sources[0].text
    assert len(frames["articles"]) == len(brief.articles)


def test_the_store_has_sql_tables_with_the_frames_columns(
    sample_brief: tuple[crosswire.Brief, Path],
) -> None:
    import duckdb

    brief, out = sample_brief
    frames = brief.to_pandas()
    con = duckdb.connect(str(out / "crosswire.duckdb"), read_only=True)
    try:
        for view in ("events", "actors", "places", "claims"):
            columns = [c[0] for c in con.execute(f"select * from {view} limit 0").description]
            assert set(columns) <= set(frames[view]) | {"outlets"}, view
            assert con.execute(f"select count(*) from {view}").fetchone()[0] == len(frames[view])
        row = con.execute(
            "select event_type, place, actor1, evidence from events where id = ?",
            [brief.events[0].id],
        ).fetchone()
        frame = frames["events"].set_index("id").loc[brief.events[0].id]
        assert row == (frame["event_type"], frame["place"], frame["actor1"], frame["evidence"])
    finally:
        con.close()
