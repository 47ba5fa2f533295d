"""Regular expressions with a lead-in, searched only where their body can start.

Patterns such as "(at least )?12" or "(the start of )?March" open with an
optional lead-in of words. Python's ``re`` tries such a lead-in at every
character of a text, which costs far more than finding the rare places where
the rest (the body) matches. ``LeadPattern.finditer`` gives exactly the
matches of ``re.finditer`` over lead-in + body, trying the whole pattern only at
the positions a lead-in's length before a body match. A text holding none of the
strings every match must contain (``clean.literals``: "ago", the weekday names)
is not searched at all.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from crosswire.clean.literals import folded, may_match, required_literals

__all__ = ["LeadPattern"]


def _widths(pattern: str) -> tuple[int, int | None] | None:
    """(fewest, most) characters ``pattern`` can match, most None when unbounded.

    None when the parser behind ``re`` (a private module) is not there.
    """
    try:
        parser = importlib.import_module("re._parser")
    except ImportError:
        return None
    low, high = parser.parse(pattern).getwidth()
    return int(low), None if high >= parser.MAXREPEAT else int(high)


@dataclass(frozen=True, slots=True)
class LeadPattern:
    """``lead + body`` as one pattern (``full``), and the body alone."""

    full: re.Pattern[str]
    body: re.Pattern[str]
    lead_widths: tuple[int, int] | None  # None: search ``full`` the plain way
    needs: tuple[str, ...] | None = None  # one of these is in every match (lower-cased)

    @classmethod
    def compile(cls, lead: str, body: str) -> LeadPattern:
        lead_widths, body_widths = _widths(lead), _widths(body)
        usable = (
            lead  # with no lead-in there is nothing to skip
            and lead_widths is not None
            and lead_widths[1] is not None
            and body_widths is not None
            and body_widths[0] > 0  # an empty match would need finditer's own rules
        )
        full = re.compile(lead + body)
        return cls(
            full,
            re.compile(body),
            (lead_widths[0], lead_widths[1]) if usable else None,  # type: ignore[index,arg-type]
            required_literals(full),
        )

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """The matches of ``self.full.finditer(text)``, found faster."""
        if not may_match(_folded(text), self.needs):
            return
        if self.lead_widths is None:
            yield from self.full.finditer(text)
            return
        fewest, most = self.lead_widths
        # ``full`` matches at i only if the body matches at some j with
        # i + fewest <= j <= i + most; all such i are tried, left to right.
        tried: set[int] = set()
        body = self.body.search(text)
        while body is not None:
            tried.update(range(max(0, body.start() - most), body.start() - fewest + 1))
            body = self.body.search(text, body.start() + 1)
        end = 0
        for start in sorted(tried):
            if start >= end and (found := self.full.match(text, start)) is not None:
                yield found
                end = found.end()


@lru_cache(maxsize=2)
def _folded(text: str) -> str | None:
    # Every pattern of a family scans the same text in turn: fold it once.
    return folded(text)
