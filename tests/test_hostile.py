"""The hostile battery (tests/hostile_inputs.py): every case ends as its reason code or
as a kept article, the three good articles beside it are kept, and the run ends.

Per case through ingest and extract (fast, exact reason codes), then all cases in one
folder through the whole pipeline and the store, with a generous hang guard.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from crosswire.api import run_corpus
from crosswire.clean.extract import make_extract
from crosswire.config import load_settings
from crosswire.errors import REASONS
from crosswire.model import Article, Corpus, Rejection
from crosswire.readers.ingest import discover, make_ingest
from crosswire.registry import StageContext
from crosswire.store.duckdb import DuckDBStore
from hostile_inputs import ACCEPTED, GOOD, Case, cases

HANG_GUARD_S = 300  # far above any case's cost: it only turns a hang into a failure


@contextmanager
def hang_guard(seconds: int) -> Iterator[None]:
    def expire(_signum: int, _frame: object) -> None:
        raise TimeoutError(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _usable(case: Case) -> bool:
    return not (case.name == "no_read_permission" and os.geteuid() == 0)


CASES = [pytest.param(c, id=c.name) for c in cases()]


def _check(case: Case, reasons: set[str], notes: set[str], accepted: bool) -> None:
    codes = case.outcomes - {ACCEPTED}
    assert reasons <= codes | case.notes, f"{case.name}: unexpected {reasons}"
    if ACCEPTED in case.outcomes:
        assert accepted, f"{case.name}: its article was not kept"
    else:
        assert reasons & codes, f"{case.name}: none of {sorted(codes)} in {reasons}"
    assert case.notes <= reasons | notes, f"{case.name}: {case.notes} not recorded"
    assert (reasons | notes) <= set(REASONS)


@pytest.mark.parametrize("case", CASES)
def test_each_hostile_case_ends_as_its_reason_code(case: Case, tmp_path: Path) -> None:
    if not _usable(case):
        pytest.skip("root reads files whatever their mode")
    paths = case.write(tmp_path)
    with hang_guard(HANG_GUARD_S):
        refs, rejected = discover([str(p) for p in paths])
        corpus = make_ingest()(Corpus(inputs=tuple(refs)), StageContext())
        corpus = make_extract()(corpus, StageContext())
    rejections = [*rejected, *corpus.rejections]
    reasons = {r.reason for r in rejections}
    notes = {o.origin for a in corpus.articles for o in a.origins if o.origin in REASONS}
    _check(case, reasons, notes, bool(corpus.articles))


def test_every_case_beside_three_good_articles_in_one_run(tmp_path: Path) -> None:
    """The whole pipeline over every case at once; limits lowered so it stays quick."""
    folder = tmp_path / "in"
    folder.mkdir()
    written: dict[str, list[Path]] = {}
    for case in cases():
        if _usable(case):
            sub = folder / case.name
            sub.mkdir()
            written[case.name] = case.write(sub)
    for name, data in GOOD.items():
        (folder / name).write_bytes(data)
    settings = load_settings(
        None, {"stages.extract.max_chars": 20_000, "stages.parse.chunk_chars": 5_000}
    )
    db = tmp_path / "store.duckdb"
    with hang_guard(HANG_GUARD_S):
        run_corpus([folder], settings=settings, db=db)
    with DuckDBStore(db) as store:
        articles = store.load_articles()
        rejections = store.load_rejections()
    for name in GOOD:
        assert any(a.source.split("#")[0].endswith(name) for a in articles), (
            f"good article {name} lost"
        )
    for case in cases():
        if case.name in written:
            _check_stored(case, articles, rejections)


def _check_stored(case: Case, articles: list[Article], rejections: list[Rejection]) -> None:
    marker = f"/{case.name}/"
    mine = [a for a in articles if marker in a.source]
    reasons = {r.reason for r in rejections if marker in r.source and r.stage in _READ_STAGES}
    notes = {o.origin for a in mine for o in a.origins if o.origin in REASONS}
    _check(case, reasons, notes, bool(mine))


_READ_STAGES = frozenset({"ingest", "extract"})


def test_non_utf8_file_name_is_stored_escaped(tmp_path: Path) -> None:
    case = next(c for c in cases() if c.name == "undecodable_file_name")
    case.write(tmp_path)
    refs, _ = discover([str(tmp_path)])
    assert [r.source for r in refs] == [str(tmp_path / "caf\\xe9-report.txt")]
    assert refs[0].path is not None and os.fsencode(refs[0].path).endswith(b"caf\xe9-report.txt")


def test_a_copy_is_linked_to_the_input_read(tmp_path: Path) -> None:
    case = next(c for c in cases() if c.name == "byte_identical_copies")
    first, second = case.write(tmp_path)
    refs, rejected = discover([str(tmp_path)])
    assert [r.source for r in refs] == [str(first)]
    assert [(r.reason, r.source, r.input_sha256) for r in rejected] == [
        ("duplicate", str(second), refs[0].sha256)
    ]
    assert str(first) in rejected[0].detail
