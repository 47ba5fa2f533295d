"""Event and publication dates as day ordinals, for comparing windows across reports."""

from __future__ import annotations

from datetime import date


def iso_ordinal(text: str, *, end: bool) -> int | None:
    """An ISO date, month or year as a day ordinal (its first day, or last with ``end``)."""
    parts = text.strip()[:10].split("-")
    try:
        year = int(parts[0])
        if len(parts) == 1:
            return date(year, 12 if end else 1, 31 if end else 1).toordinal()
        month = int(parts[1])
        if len(parts) == 2:
            if not end:
                return date(year, month, 1).toordinal()
            following = date(year + month // 12, month % 12 + 1, 1)
            return following.toordinal() - 1
        return date(year, month, int(parts[2])).toordinal()
    except (ValueError, IndexError):
        return None
