"""Check that the project holds only text the team wrote.

Scans src/, tests/, bench/, docs/ and README.md for runs of n words (lowercased
alphanumeric tokens, n=10 by default) that also occur in any text file under
../shared/eval/. Prints file, line and the shared phrase; exits 1 when any is found.
bench/audits is reported apart: its notes are short and written by the team.

    python bench/owntext.py [--n 10] [--eval DIR] [--root DIR]
"""

from __future__ import annotations

import argparse
import gzip
import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
SCANNED = ("src", "tests", "bench", "docs", "README.md")
TEXT_SUFFIXES = {
    ".py", ".md", ".txt", ".csv", ".tsv", ".json", ".jsonl", ".html", ".xml",
    ".toml", ".cfg", ".ini", ".yaml", ".yml", ".sql", ".js", ".css",
}  # fmt: skip
SKIPPED_DIRS = {"__pycache__", ".mypy_cache", ".pytest_cache", ".ruff_cache"}
TOKEN = re.compile(r"[a-z0-9]+")
# Runs made only of these words are word lists (months, markup tags), not anyone's prose.
_LISTS = (
    "months january february march april may june july august september october november"
    " december jan feb mar apr jun jul aug sep sept oct nov dec"
    " h1 h2 h3 h4 h5 h6 header footer figure form li ul ol nav aside"
)
LIST_WORDS = frozenset(_LISTS.split())
# Furniture every web page carries and official names: shared with the data by nature.
BOILERPLATE = (
    "your email address will not be published required fields are marked",
    "save my name email and website in this browser for the next time i comment",
    "all rights reserved this material may not be published broadcast rewritten or redistributed",
    "the organization of the islamic state in iraq and the levant",
)
TAG = re.compile(r"<[^>]*>")


@dataclass(frozen=True, kw_only=True)
class Overlap:
    path: Path
    line: int
    phrase: str


def tokens(text: str) -> list[str]:
    return TOKEN.findall(text.lower())


def _eval_text(path: Path) -> str:
    if path.suffix == ".gz":
        raw = gzip.decompress(path.read_bytes()).decode("utf-8", "replace")
        return TAG.sub(" ", raw)  # markup shares boilerplate with any page
    return path.read_text("utf-8", "replace")


def eval_shingles(eval_dir: Path, n: int) -> set[int]:
    """Hashes of every n-token run in the evaluation files."""
    seen: set[int] = set()
    for path in sorted(eval_dir.rglob("*")):
        if not path.is_file() or path.name == "README.md":
            continue
        toks = tokens(_eval_text(path))
        seen.update(hash(tuple(toks[i : i + n])) for i in range(len(toks) - n + 1))
    return seen


def _tracked(root: Path) -> set[Path] | None:
    """Files git tracks under root: installed assets (npm's Leaflet) are not ours to scan."""
    try:
        listed = subprocess.run(
            ["git", "-C", str(root), "ls-files", "-z", "--", *SCANNED],
            capture_output=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return None  # not a checkout (an unpacked archive): scan what is there
    return {root / name for name in listed.decode().split("\0") if name}


def scanned_files(root: Path) -> Iterator[Path]:
    tracked = _tracked(root)
    for name in SCANNED:
        top = root / name
        if top.is_file():
            yield top
            continue
        for path in sorted(top.rglob("*")):
            if (
                path.is_file()
                and path.suffix in TEXT_SUFFIXES
                and not SKIPPED_DIRS & set(path.parts)
                and (tracked is None or path in tracked)
            ):
                yield path


def _line_tokens(text: str) -> tuple[list[str], list[int]]:
    toks: list[str] = []
    lines: list[int] = []
    for number, line in enumerate(text.splitlines(), 1):
        found = tokens(line)
        toks.extend(found)
        lines.extend([number] * len(found))
    return toks, lines


def generic(phrase: str, n: int) -> bool:
    """A run that is a word list or page furniture once the boilerplate is cut out."""
    if set(phrase.split()) <= LIST_WORDS:
        return True
    for known in BOILERPLATE:
        phrase = phrase.replace(known, "|")
    return all(len(part.split()) < n for part in phrase.split("|"))


def overlaps(path: Path, shingles: set[int], n: int) -> list[Overlap]:
    """Maximal shared runs of >= n tokens in one file, one Overlap per run."""
    toks, lines = _line_tokens(path.read_text("utf-8", "replace"))
    found: list[Overlap] = []
    i, end = 0, len(toks) - n + 1
    while i < end:
        if hash(tuple(toks[i : i + n])) not in shingles:
            i += 1
            continue
        j = i + 1
        while j < end and hash(tuple(toks[j : j + n])) in shingles:
            j += 1
        phrase = " ".join(toks[i : j - 1 + n])
        if not generic(phrase, n):
            found.append(Overlap(path=path, line=lines[i], phrase=phrase))
        i = j
    return found


def scan(root: Path, eval_dir: Path, n: int) -> list[Overlap]:
    shingles = eval_shingles(eval_dir, n)
    return [hit for path in scanned_files(root) for hit in overlaps(path, shingles, n)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10, help="shared run length in tokens")
    parser.add_argument("--eval", type=Path, default=EVAL, help="evaluation data folder")
    parser.add_argument("--root", type=Path, default=ROOT, help="project root")
    args = parser.parse_args(argv)
    if not args.eval.is_dir():
        print(f"owntext: skipped, no evaluation data at {args.eval}")
        return 0
    hits = scan(args.root.resolve(), args.eval, args.n)
    audits = args.root.resolve() / "bench" / "audits"
    for label, group in (
        ("project", [h for h in hits if audits not in h.path.parents]),
        ("bench/audits", [h for h in hits if audits in h.path.parents]),
    ):
        shingle_count = sum(len(h.phrase.split()) - args.n + 1 for h in group)
        print(f"{label}: {len(group)} shared runs, {shingle_count} shingles of {args.n} tokens")
        for hit in group:
            print(f"  {hit.path.relative_to(args.root.resolve())}:{hit.line}: {hit.phrase}")
    return 1 if hits else 0


if __name__ == "__main__":
    sys.exit(main())
