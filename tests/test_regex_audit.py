"""Every module-level regex in crosswire, run on adversarial text: none may backtrack
catastrophically (the 88-byte '<!doctype [][]...x' once froze the prolog sniffer).

Inputs: long runs of each character the pattern names, and of short motifs that
make nested or adjacent quantifiers ambiguous, each ending in a character that
forces a failure. An exponential pattern never finishes on these; the hang guard
turns that into a failure naming the pattern and the input.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import signal

import pytest

import crosswire

RUN = 1_500  # long enough for exponential blow-up, short enough that O(n^2) stays quick
GUARD_S = 20
MOTIFS = (
    "[]", "<!", "a ", " a", "aa-", "- ", "a.", "1,", "<a ", "</", "&#", "'a", '"a', "a\n",
    "\n ", "  \n", "A ", "Aa ", "1 ", "a-a ", "<p>", "a, ", "!.", "A.", "(a", "’s ",
)  # fmt: skip


def _patterns() -> list[tuple[str, re.Pattern[str] | re.Pattern[bytes]]]:
    found = []
    for module in pkgutil.walk_packages(crosswire.__path__, "crosswire."):
        if module.name.endswith(("server", "cli", "__main__")):
            continue
        loaded = importlib.import_module(module.name)
        for name, value in vars(loaded).items():
            if isinstance(value, re.Pattern) and getattr(loaded, "__name__", "") == module.name:
                found.append((f"{module.name}.{name}", value))
    return found


def _inputs(pattern: re.Pattern[str] | re.Pattern[bytes]) -> list[str]:
    source = (
        pattern.pattern if isinstance(pattern.pattern, str) else pattern.pattern.decode("latin-1")
    )
    chars = {c for c in source if c.isprintable()} | set(" \n\t<>[]()a1.-'\"/&;:,!")
    texts = [c * RUN + "\x00" for c in sorted(chars)]
    texts += [m * (RUN // len(m)) + "\x00" for m in MOTIFS]
    texts.append("<!doctype " + "[]" * 39 + "x")
    return texts


PATTERNS = _patterns()


def test_the_audit_sees_the_known_patterns() -> None:
    names = {name for name, _ in PATTERNS}
    assert "crosswire.readers.sniffing._PROLOG_RE" in names
    assert len(PATTERNS) > 50


def _expire(_signum: int, _frame: object) -> None:
    raise TimeoutError


@pytest.mark.parametrize("pattern", [pytest.param(p, id=name) for name, p in PATTERNS if p.pattern])
def test_regex_ends_on_adversarial_input(pattern: re.Pattern[str] | re.Pattern[bytes]) -> None:
    previous = signal.signal(signal.SIGALRM, _expire)
    text = ""
    try:
        signal.alarm(GUARD_S)
        for text in _inputs(pattern):
            data = text.encode("utf-8") if isinstance(pattern.pattern, bytes) else text
            pattern.match(data)  # type: ignore[arg-type]
            pattern.search(data)  # type: ignore[arg-type]
    except TimeoutError:
        pytest.fail(f"{pattern.pattern!r} backtracks without end on {text[:30]!r}...")
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
