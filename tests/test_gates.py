"""The fast quality gates on real text run in CI: each bench exits non-zero below its floor.

They read ../shared/eval (never committed) and skip with a message when it is absent.
Slower gates (geoparsing, throughput, CASE) are run by hand; docs/BENCHMARKS.md has
their commands.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FAKES = ROOT.parent / "shared" / "eval" / "events" / "fakes_dev.csv"

GATES = {
    "events on real news": ["bench/realnews.py", "--half", "check"],
    "dates and fusion on real news": ["bench/realnews_corpus.py", "--half", "check"],
    "publication dates, hand-audited": [
        "bench/realnews_dates.py", "--half", "check",
        "--audit", "bench/audits/fakes_dates_check.csv",
    ],
}  # fmt: skip


@pytest.mark.eval
@pytest.mark.skipif(not FAKES.is_file(), reason=f"FA-KES not found at {FAKES}")
@pytest.mark.parametrize("name", list(GATES))
def test_gate_holds(name: str) -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT / "bench")])}
    done = subprocess.run(
        [sys.executable, *GATES[name]],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert done.returncode == 0, (
        f"{name}: below its floor\n{done.stdout[-3000:]}{done.stderr[-2000:]}"
    )
