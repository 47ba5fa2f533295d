"""Safe output: no spreadsheet formulas from hostile cells, no escape sequences on the
terminal, no half-written files, and a documented exit code for disk-full and permission
errors."""

from __future__ import annotations

import csv
import errno
from pathlib import Path

import pytest
from typer.testing import CliRunner

import crosswire.cli as cli
from crosswire.cli import EXIT_OUTPUT, app
from crosswire.exports import export_table
from crosswire.model import Article, Corpus, Rejection
from crosswire.safeio import atomic_write_text, spreadsheet_safe, terminal_safe
from crosswire.store.duckdb import DuckDBStore

runner = CliRunner()
HOSTILE_TITLE = '=HYPERLINK("https://evil.example/","click")'
ESCAPES = "\x1b]0;pwned\x07\x1b[2J\x1b[31mred\x1b[0m\x9b1m and \x07bell"


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_a_cell_that_would_start_a_formula_is_neutralised(start: str) -> None:
    assert spreadsheet_safe(f"{start}1+1") == f"'{start}1+1"


def test_plain_cells_and_numbers_are_left_alone() -> None:
    assert spreadsheet_safe("Port shelled") == "Port shelled"
    assert spreadsheet_safe(-3.5) == -3.5
    assert spreadsheet_safe(None) is None


def test_terminal_text_loses_escape_sequences_and_controls() -> None:
    assert terminal_safe(ESCAPES) == "red and bell"
    assert terminal_safe("line one\n\tline two") == "line one\n\tline two"


def _store_with_hostile_article(tmp_path: Path) -> Path:
    db = tmp_path / "x.duckdb"
    article = Article(
        input_sha256="a" * 64, position="0", source="@evil.txt", format="txt",
        text=ESCAPES + " The port was shelled on Tuesday.", title=HOSTILE_TITLE,
        outlet="+Outlet", encoding="utf-8",
    )  # fmt: skip
    rejection = Rejection(source="=cmd|' /C calc'!A0", stage="ingest", reason="binary")
    with DuckDBStore(db) as store:
        store.write_batch([], Corpus(articles=(article,), rejections=(rejection,)), "f")
    return db


def test_csv_exports_neutralise_formula_cells(tmp_path: Path) -> None:
    db = _store_with_hostile_article(tmp_path)
    with DuckDBStore(db) as store:
        export_table(store, "articles", "csv", tmp_path / "a.csv")
        export_table(store, "rejections", "csv", tmp_path / "r.csv")
    article = next(csv.DictReader((tmp_path / "a.csv").open(encoding="utf-8")))
    assert article["title"] == "'" + HOSTILE_TITLE
    assert article["outlet"] == "'+Outlet"
    assert article["source"] == "'@evil.txt"
    rejection = next(csv.DictReader((tmp_path / "r.csv").open(encoding="utf-8")))
    assert rejection["source"].startswith("'=")


def test_articles_list_and_show_print_no_escape_sequences(tmp_path: Path) -> None:
    db = _store_with_hostile_article(tmp_path)
    listed = runner.invoke(app, ["articles", "list", "--db", str(db)])
    with DuckDBStore(db) as store:
        article_id = store.load_articles()[0].id
    shown = runner.invoke(app, ["articles", "show", article_id, "--db", str(db)])
    for result in (listed, shown):
        assert result.exit_code == 0, result.output
        assert "\x1b" not in result.output and "\x07" not in result.output
    assert "The port was shelled" in shown.output


def test_a_failed_write_leaves_the_previous_file_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "brief.json"
    atomic_write_text(target, '{"old": true}\n')

    def full(*_args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("os.fsync", full)
    with pytest.raises(OSError):
        atomic_write_text(target, '{"new": ' + "1" * 100_000)
    assert target.read_text() == '{"old": true}\n'
    assert [p.name for p in tmp_path.iterdir()] == ["brief.json"]  # no temporary left


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EACCES, errno.EROFS])
def test_disk_full_and_permission_errors_have_their_exit_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int
) -> None:
    db = _store_with_hostile_article(tmp_path)

    def fail(*_args: object, **_kwargs: object) -> int:
        raise OSError(code, "refused", str(tmp_path / "out.csv"))

    monkeypatch.setattr("crosswire.exports.export_table", fail)
    result = runner.invoke(app, ["export", str(tmp_path / "out.csv"), "--db", str(db)])
    assert result.exit_code == EXIT_OUTPUT == 7
    assert "output error" in result.output and "internal error" not in result.output
    assert cli.EXIT_INTERNAL != EXIT_OUTPUT
