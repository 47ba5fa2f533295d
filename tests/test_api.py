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
