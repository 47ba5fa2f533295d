"""Text repair at ingest: mojibake and control characters, with the repair recorded.

ftfy undoes text decoded with the wrong codec ("SyriaÃ¢â‚¬â„¢s" -> "Syria’s") and
removes control characters and terminal escapes. Only those fixes are on:
quotes, ligatures, character widths and Unicode normalisation stay as the
source wrote them, so a clean text comes through unchanged. Repair runs before
any offset is taken, so every offset refers to the repaired text.

A title that reads as page furniture ("Accessibility links", "Skip to
content") is no title: ``is_furniture_title`` says so with the same scores
the ``clean`` stage uses on body paragraphs.
"""

from __future__ import annotations

from functools import cache
from typing import Any

# A title scoring this high as furniture is dropped (the clean stage's default threshold).
FURNITURE_TITLE_SCORE = 0.8


@cache
def _config() -> Any:
    import ftfy  # type: ignore[import-not-found, unused-ignore]  # a new dependency (issue 9)

    return ftfy.TextFixerConfig(
        unescape_html=False,
        uncurl_quotes=False,
        fix_character_width=False,
        fix_latin_ligatures=False,
        fix_line_breaks=False,
        normalization=None,
        explain=True,
    )


def repair(text: str) -> tuple[str, str]:
    """The repaired text and what was done ("" when nothing was)."""
    if text.isascii() and text.isprintable():
        return text, ""  # the common case: nothing ftfy could change
    import ftfy  # type: ignore[import-not-found, unused-ignore]  # a new dependency (issue 9)

    fixed = ftfy.fix_and_explain(text, _config())
    if fixed.text == text:
        return text, ""
    steps = [f"{kind} {name}" for kind, name in fixed.explanation or []]
    return fixed.text, "ftfy: " + ", ".join(dict.fromkeys(steps))


def is_furniture_title(title: str) -> bool:
    from crosswire.clean.furniture import analyse, normalise

    evidence = analyse(normalise(title))
    return evidence.score >= FURNITURE_TITLE_SCORE and not evidence.protected
