"""The CLI: commands, documented exit codes, one-line errors, no tracebacks."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from crosswire.cli import EXIT_CONFIG, EXIT_INPUT, EXIT_STORE, app

runner = CliRunner()


def write_articles(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "one.txt").write_text(
        "Clashes reported near the border crossing\n\n"
        "Fighting broke out on Tuesday near the crossing, residents said, and lasted "
        "for several hours before the shooting stopped in the evening.\n"
    )
    (folder / "two.json").write_text(
        json.dumps(
            {
                "title": "Talks resume in the capital",
                "maintext": "Negotiators met again on Wednesday to discuss a ceasefire that "
                "both sides said could hold if the prisoner exchange goes ahead.",
                "url": "https://www.example-news.example/2026/03/04/talks",
                "date_publish": "2026-03-04 10:00:00",
                "source_domain": "example-news.example",
            }
        )
    )
    (folder / "junk.bin").write_bytes(b"\x00\x01\x02\x03" * 64)
    return folder


def test_run_writes_brief_files_and_reports_rejections(tmp_path: Path) -> None:
    inputs = write_articles(tmp_path / "in")
    out = tmp_path / "out"
    result = runner.invoke(app, ["run", str(inputs), "--out", str(out)])
    assert result.exit_code == 0, result.output
    brief = json.loads((out / "brief.json").read_text())
    assert {a["title"] for a in brief["articles"]} >= {"Talks resume in the capital"}
    assert (out / "brief.md").read_text().startswith("# crosswire brief")
    with (out / "rejections.csv").open() as handle:
        rows = list(csv.DictReader(handle))
    assert [r["reason"] for r in rows if r["source"].endswith("junk.bin")] == ["binary"]
    assert (out / "crosswire.duckdb").exists()


def test_articles_list_and_show_include_removed_blocks(tmp_path: Path) -> None:
    inputs = write_articles(tmp_path / "in")
    db = tmp_path / "db.duckdb"
    assert runner.invoke(app, ["ingest", str(inputs), "--db", str(db)]).exit_code == 0
    listed = runner.invoke(app, ["articles", "list", "--db", str(db), "--json"])
    assert listed.exit_code == 0, listed.output
    ids = [json.loads(line)["id"] for line in listed.output.splitlines() if line.startswith("{")]
    assert len(ids) == 2
    shown = runner.invoke(app, ["articles", "show", ids[0], "--db", str(db), "--json"])
    assert shown.exit_code == 0
    record = json.loads(shown.output)
    assert "removed" in record and "text" in record


def test_missing_path_only_is_an_input_error_without_traceback(tmp_path: Path) -> None:
    result = runner.invoke(app, ["run", str(tmp_path / "nope"), "--out", str(tmp_path / "o")])
    assert result.exit_code == EXIT_INPUT
    assert "error:" in result.output and "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_bad_config_is_a_config_error(tmp_path: Path) -> None:
    config = tmp_path / "c.toml"
    config.write_text('[pipeline]\nstages = ["ingest", "clean"]\n')
    inputs = write_articles(tmp_path / "in")
    result = runner.invoke(
        app, ["run", str(inputs), "--config", str(config), "--out", str(tmp_path)]
    )
    assert result.exit_code == EXIT_CONFIG
    assert "needs articles" in result.output and "Traceback" not in result.output


def test_articles_without_a_store_is_a_store_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["articles", "list", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == EXIT_STORE
    assert "no store" in result.output


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_export_articles(tmp_path: Path, fmt: str) -> None:
    inputs = write_articles(tmp_path / "in")
    db = tmp_path / "db.duckdb"
    assert runner.invoke(app, ["ingest", str(inputs), "--db", str(db)]).exit_code == 0
    target = tmp_path / f"articles.{fmt}"
    result = runner.invoke(app, ["export", str(target), "--format", fmt, "--db", str(db)])
    assert result.exit_code == 0, result.output
    if fmt == "parquet":
        import pyarrow.parquet as pq

        assert pq.read_table(target).num_rows == 2
    elif fmt == "csv":
        with target.open() as handle:
            assert len(list(csv.DictReader(handle))) == 2
    else:
        assert len(target.read_text().splitlines()) == 2


def test_stages_lists_the_default_pipeline() -> None:
    result = runner.invoke(app, ["stages"])
    assert result.exit_code == 0
    for name in ("ingest", "extract", "clean", "metadata"):
        assert name in result.output


def test_stdin_is_read_with_dash(tmp_path: Path) -> None:
    text = (
        "Aid convoy reaches the besieged town\n\nA convoy of trucks carrying food and "
        "medicine reached the town on Monday after weeks of negotiation, officials said.\n"
    )
    result = runner.invoke(app, ["ingest", "-", "--db", str(tmp_path / "db.duckdb")], input=text)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("1 articles")
