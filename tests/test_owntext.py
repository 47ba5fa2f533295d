"""The project holds only text the team wrote: no run of words shared with the evaluation
data (bench/owntext.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

import owntext

SHARED = "the convoy of grey vans crossed the old stone bridge at dawn"


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_a_run_shared_with_the_data_is_found_with_its_line(tmp_path: Path) -> None:
    _write(tmp_path / "eval" / "articles.csv", f"id,text\n1,Witnesses said {SHARED}.\n")
    _write(tmp_path / "root" / "src" / "a.py", f'X = 1\n# "{SHARED.title()}"\n')
    _write(tmp_path / "root" / "tests" / "b.py", "# the convoy crossed a bridge\n")
    hits = owntext.scan(tmp_path / "root", tmp_path / "eval", 10)
    assert [(h.path.name, h.line, h.phrase) for h in hits] == [("a.py", 2, SHARED)]
    assert owntext.main(["--root", str(tmp_path / "root"), "--eval", str(tmp_path / "eval")]) == 1
    assert owntext.scan(tmp_path / "root", tmp_path / "eval", 13) == []  # longer than the run


def test_word_lists_and_page_furniture_are_nobodys_prose() -> None:
    months = "january february march april may june july august september october november"
    assert owntext.generic(months, 10)
    furniture = "your email address will not be published required fields are marked"
    assert owntext.generic(f"leave a reply {furniture}", 10)
    assert not owntext.generic(SHARED, 10)


def test_missing_data_is_a_skip_not_a_pass(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:  # type: ignore[type-arg]
    assert owntext.main(["--eval", str(tmp_path / "absent")]) == 0
    assert "skipped" in capsys.readouterr().out


def test_the_project_shares_no_run_of_ten_words_with_the_evaluation_data(
    capsys: pytest.CaptureFixture,  # type: ignore[type-arg]
) -> None:
    if not owntext.EVAL.is_dir():
        pytest.skip(f"no evaluation data at {owntext.EVAL}: nothing to compare the text with")
    code = owntext.main([])
    assert code == 0, capsys.readouterr().out
