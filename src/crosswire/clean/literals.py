"""Literal pre-checks for regular expressions.

``required_literals`` reads a compiled pattern's parse tree and returns
lower-case ASCII strings of which every match must contain at least one (or
``None`` when it cannot tell). A text that contains none of them cannot match,
so a cheap substring test can skip the regex search; the search itself still
makes the decision.
"""

from __future__ import annotations

import re
from typing import Any

# The parser is private (stable across 3.11-3.13): a Python that moves it only loses the
# shortcut, every pattern is then searched in full.
try:
    from re import _constants as sre_c  # type: ignore[attr-defined]  # no stubs for the private module
    from re import _parser as sre_parse  # type: ignore[attr-defined]  # no stubs for the private module
except ImportError:  # pragma: no cover - depends on the interpreter
    sre_c = sre_parse = None

Needs = frozenset[str] | None

# Non-ASCII characters that IGNORECASE matches to ASCII letters (dotless i,
# dotted capital I, long s, Kelvin sign): a text holding one is always searched.
_ASCII_FOLDS = re.compile("[\u0130\u0131\u017f\u212a]")
_REPEATS = (
    (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT, getattr(sre_c, "POSSESSIVE_REPEAT", None)) if sre_c else ()
)


def _best(candidates: list[frozenset[str]]) -> Needs:
    """The most selective candidate: the one whose shortest string is longest."""
    if not candidates:
        return None
    return max(candidates, key=lambda c: (min(map(len, c)), -len(c)))


def _item_needs(op: Any, arg: Any) -> Needs:
    if op is sre_c.SUBPATTERN:
        return _seq_needs(arg[-1])
    if op is sre_c.ATOMIC_GROUP:
        return _seq_needs(arg)
    if op is sre_c.BRANCH:
        parts = [_seq_needs(alt) for alt in arg[1]]
        if any(p is None for p in parts):
            return None
        return frozenset().union(*[p for p in parts if p is not None])
    if op in _REPEATS and arg[0] >= 1:
        return _seq_needs(arg[2])
    return None


def _seq_needs(seq: Any) -> Needs:
    candidates: list[frozenset[str]] = []
    run: list[str] = []
    for op, arg in seq:
        char = chr(arg) if op is sre_c.LITERAL else ""
        if char and char.isascii():
            run.append(char.lower())
            continue
        if run:
            candidates.append(frozenset(["".join(run)]))
            run = []
        needs = _item_needs(op, arg)
        if needs:
            candidates.append(needs)
    if run:
        candidates.append(frozenset(["".join(run)]))
    return _best(candidates)


def required_literals(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Strings one of which every match of ``pattern`` contains (lower-cased), or None."""
    if sre_parse is None:
        return None
    needs = _seq_needs(sre_parse.parse(pattern.pattern, pattern.flags))
    if not needs or "" in needs:
        return None
    return tuple(sorted(needs))


def folded(text: str) -> str | None:
    """``text`` lower-cased for ``may_match``; None when a substring test would be unsound."""
    return None if _ASCII_FOLDS.search(text) else text.lower()


def may_match(folded_text: str | None, needs: tuple[str, ...] | None) -> bool:
    """False only when the text cannot match a pattern with these required literals."""
    if needs is None or folded_text is None:
        return True
    return any(n in folded_text for n in needs)
