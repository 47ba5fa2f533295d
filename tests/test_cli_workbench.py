"""The CLI's everyday edges: one default store, id prefixes, stage order, flags, progress."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from crosswire.api import discover_inputs
from crosswire.cli import DEFAULT_STORE, EXIT_INPUT, EXIT_STORE, app
from crosswire.config import default_config_dict, load_settings
from crosswire.model import Corpus
from crosswire.pipeline import Pipeline
from test_cli import write_articles

runner = CliRunner()


@pytest.fixture()
def ran(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A run with every default, from inside tmp_path."""
    write_articles(tmp_path / "in")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["run", "in"])
    assert result.exit_code == 0, result.output
    assert f"store: {DEFAULT_STORE}" in result.output
    return tmp_path


def test_run_export_and_articles_share_the_default_store(ran: Path) -> None:
    exported = runner.invoke(app, ["export", "articles.jsonl", "--format", "jsonl"])
    assert exported.exit_code == 0, exported.output
    rows = (ran / "articles.jsonl").read_text().splitlines()
    assert len(rows) == 2
    listed = runner.invoke(app, ["articles", "list", "--json"])
    assert listed.exit_code == 0, listed.output
    assert len([line for line in listed.output.splitlines() if line.startswith("{")]) == 2


def test_article_ids_accept_a_unique_prefix_and_refuse_an_ambiguous_one(ran: Path) -> None:
    listed = runner.invoke(app, ["articles", "list", "--json"])
    ids = [json.loads(line)["id"] for line in listed.output.splitlines() if line.startswith("{")]
    first = ids[0]
    shown = runner.invoke(app, ["articles", "show", first[:9], "--json"])
    assert shown.exit_code == 0, shown.output
    assert json.loads(shown.output)["id"] == first
    ambiguous = runner.invoke(app, ["articles", "show", "art_"])
    assert ambiguous.exit_code == EXIT_INPUT
    assert "ambiguous" in ambiguous.output and all(i in ambiguous.output for i in ids)
    missing = runner.invoke(app, ["articles", "show", "art_zzzz"])
    assert missing.exit_code == EXIT_INPUT and "no article" in missing.output


def test_the_article_list_keeps_whole_ids(ran: Path) -> None:
    listed = runner.invoke(app, ["articles", "list"], terminal_width=60)
    assert listed.exit_code == 0, listed.output
    shown = runner.invoke(app, ["articles", "list", "--json"])
    ids = [json.loads(line)["id"] for line in shown.output.splitlines() if line.startswith("{")]
    assert all(i in listed.output for i in ids)


@pytest.mark.parametrize("command", [["serve"], ["export", "x.csv"], ["articles", "list"]])
def test_commands_refuse_a_missing_store_and_name_its_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, command)
    assert result.exit_code == EXIT_STORE, result.output
    assert str(DEFAULT_STORE) in result.output
    assert not (tmp_path / DEFAULT_STORE).exists()
    named = runner.invoke(app, [*command, "--db", "elsewhere.duckdb"])
    assert named.exit_code == EXIT_STORE and "elsewhere.duckdb" in named.output


def test_stages_are_listed_in_run_order() -> None:
    result = runner.invoke(app, ["stages"], terminal_width=250)
    assert result.exit_code == 0, result.output
    order = default_config_dict()["pipeline"]["stages"]
    listed = [line.split("│")[1].strip() for line in result.output.splitlines() if line[:1] == "│"]
    named = [name for name in listed if name]
    assert named[: len(order)] == order


def test_flags_show_no_value_placeholder() -> None:
    result = runner.invoke(app, ["run", "--help"], terminal_width=120)
    assert "--refresh" in result.output and "<bool>" not in result.output


def test_progress_counts_articles_stage_by_stage(tmp_path: Path) -> None:
    lines = [
        json.dumps({"title": f"Report {n}", "maintext": f"Shelling hit the town on day {n}. " * 5})
        for n in range(40)
    ]
    (tmp_path / "many.jsonl").write_text("\n".join(lines) + "\n")
    settings = load_settings(None)
    inputs, _ = discover_inputs([tmp_path / "many.jsonl"], settings)
    heard: list[tuple[str, int, int]] = []
    corpus = Pipeline(settings).run(inputs, progress=lambda *a: heard.append(a))
    assert isinstance(corpus, Corpus) and len(corpus.articles) == 40
    document = [h for h in heard if not h[0].startswith("corpus")]
    # One input file, yet progress moves article by article up to all 40.
    assert {h[2] for h in document if h[1] > 0} == {40}
    from crosswire.pipeline import ARTICLE_CHUNK

    assert ARTICLE_CHUNK < 40  # so the one input moves in more than one step
    assert sorted({h[1] for h in document}) == [0, *range(ARTICLE_CHUNK, 40, ARTICLE_CHUNK), 40]
    assert {"parse", "events"} <= {h[0] for h in document}
    corpus_steps = [h[0] for h in heard if h[0].startswith("corpus: ")]
    assert corpus_steps[:2] == ["corpus: dedupe", "corpus: resolve"]
    # fuse counts its clusters: from 0 up to all of them, each step one more.
    fuse = [h[1:] for h in heard if h[0] == "corpus item: fuse"]
    assert fuse[0] == (0, fuse[-1][1]) and fuse[-1][0] == fuse[-1][1] >= 1
    assert [d for d, _ in fuse] == list(range(len(fuse)))
    assert len(corpus.events) <= fuse[-1][1]  # a cluster may be dropped later, never added
    stories = [h[1:] for h in heard if h[0] == "corpus item: stories"]
    assert stories[-1] == (len(corpus.stories), len(corpus.stories)) and stories[0][0] == 0


def test_run_progress_prints_a_corpus_stage_item_count() -> None:
    from io import StringIO

    from rich.console import Console

    from crosswire.progress import RunProgress

    out = StringIO()
    with RunProgress(Console(file=out, force_terminal=False, width=120), every=0) as bar:
        bar("corpus: fuse", 3, 5)
        bar("corpus item: fuse", 120, 400)
    assert "fuse: 120/400 items" in out.getvalue()
