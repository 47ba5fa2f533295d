"""Run every hostile case beside three good articles, each in its own process; print the table.

    PYTHONPATH=src:tests python bench/hostile.py [--only NAME ...] [--timeout 120]

For each case: what became of it (the reason codes stored for it, or "accepted"),
whether the three good articles were stored, the wall time of the whole run and
the peak resident memory of the process (ru_maxrss). Exits non-zero when a case
loses a good article, ends outside its expected outcomes, or passes the budget
(60 s, 2 GiB). The table goes in docs/RELIABILITY.md.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BUDGET_S = 60.0
BUDGET_BYTES = 2 << 30


def _child(case_name: str, folder: str) -> None:
    """Inside the child: write the case and the good files, run, print what was stored."""
    from crosswire.api import run_corpus
    from crosswire.errors import REASONS
    from crosswire.store.duckdb import DuckDBStore
    from hostile_inputs import GOOD, cases

    work = Path(folder)
    inputs = work / "in"
    inputs.mkdir()
    case = next(c for c in cases() if c.name == case_name)
    written = case.write(inputs)
    for name, data in GOOD.items():
        (inputs / name).write_bytes(data)
    db = work / "store.duckdb"
    started = time.perf_counter()
    run_corpus([inputs], db=db)
    elapsed = time.perf_counter() - started
    with DuckDBStore(db) as store:
        articles = store.load_articles()
        rejections = store.load_rejections()
    good = sum(1 for a in articles if Path(a.source.split("#")[0]).name in GOOD)
    names = {os.fsencode(p.name) for p in written}

    def mine(source: str) -> bool:
        return any(n.decode("utf-8", "backslashreplace") in source for n in names) or any(
            os.fsdecode(n) in source for n in names
        )

    reasons = sorted({r.reason for r in rejections if mine(r.source)})
    accepted = any(mine(a.source) for a in articles)
    reasons += sorted(
        {o.origin for a in articles if mine(a.source) for o in a.origins if o.origin in REASONS}
    )
    print(
        json.dumps(
            {
                "good": good,
                "reasons": reasons,
                "accepted": accepted,
                "elapsed": elapsed,
                "peak": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
            },
            ensure_ascii=True,
        )
    )


def _run_case(name: str, timeout: float) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        command = [sys.executable, __file__, "--child", name, folder]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            return {"case": name, "outcome": "TIMEOUT", "time": timeout, "good": 0}
        finally:
            for path in Path(folder).rglob("*"):  # the unreadable case: let cleanup delete it
                if not path.is_symlink():
                    path.chmod(0o700)
        wall = time.perf_counter() - started
    if done.returncode != 0:
        tail = done.stderr.strip().splitlines()[-1:] or ["?"]
        return {"case": name, "outcome": f"CRASH {tail[0]}", "time": wall, "good": 0}
    result = json.loads(done.stdout.strip().splitlines()[-1])
    return {"case": name, "time": wall, **result}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--only", nargs="*")
    parser.add_argument("--timeout", type=float, default=120.0)
    parser.add_argument("--child", nargs=2)
    args = parser.parse_args()
    if args.child:
        _child(*args.child)
        return 0
    from hostile_inputs import ACCEPTED, cases

    failures = 0
    print("| case | outcome | reason codes | good kept | time (s) | peak RSS (MiB) |")
    print("|---|---|---|---|---|---|")
    for case in cases():
        if args.only and case.name not in args.only:
            continue
        if case.name == "no_read_permission" and os.geteuid() == 0:
            continue
        row = _run_case(case.name, args.timeout)
        reasons = row.get("reasons", [])
        outcome = row.get("outcome") or (ACCEPTED if row.get("accepted") else "rejected")
        expected = (outcome == ACCEPTED and ACCEPTED in case.outcomes) or (
            outcome == "rejected" and set(reasons) & case.outcomes
        )
        ok = (
            expected
            and row.get("good") == 3
            and float(row["time"]) <= BUDGET_S  # type: ignore[arg-type]
            and int(row.get("peak", 0)) <= BUDGET_BYTES  # type: ignore[call-overload]
        )
        failures += not ok
        peak = int(row.get("peak", 0)) / (1 << 20)  # type: ignore[call-overload]
        print(
            f"| {case.name} | {outcome} | {', '.join(reasons) or '-'} | {row.get('good')}/3 "
            f"| {float(row['time']):.1f} | {peak:.0f} |{'' if ok else ' **FAIL**'}",  # type: ignore[arg-type]
            flush=True,
        )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
