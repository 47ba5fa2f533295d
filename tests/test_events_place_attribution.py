"""A place under "according to ..." is who says it, unless a verb of its own lies between;
a dateline pasted mid-text is where a story was filed
(texts written for these tests; the parses are set by hand, as a tagger gave them)."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from crosswire.events.location import _attributed, _pasted_dateline


def _doc(words: list[str], heads: list[int], deps: list[str], pos: list[str]) -> Doc:
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos)


def test_a_place_of_the_source_is_attribution() -> None:
    # "Five died, according to officials in Sanaa"
    doc = _doc(
        ["Five", "died", "according", "to", "officials", "in", "Sanaa"],
        [1, 1, 1, 2, 3, 4, 5],
        ["nsubj", "ROOT", "prep", "prep", "pobj", "prep", "pobj"],
        ["NUM", "VERB", "VERB", "ADP", "NOUN", "ADP", "PROPN"],
    )
    assert _attributed(doc[6])


def test_a_killing_hung_under_the_attribution_keeps_its_place() -> None:
    # "AMMAN (X) According to the group fighters were killed near Morek": the parse
    # made "killed" a relative clause of "group", under "According".
    doc = _doc(
        ["AMMAN", "According", "to", "the", "group", "fighters", "were", "killed", "near", "Morek"],
        [0, 0, 1, 4, 2, 7, 7, 4, 7, 8],
        ["ROOT", "prep", "prep", "det", "pobj", "nsubjpass", "auxpass", "relcl", "prep", "pobj"],
        ["PROPN", "VERB", "ADP", "DET", "NOUN", "NOUN", "AUX", "VERB", "ADP", "PROPN"],
    )
    assert not _attributed(doc[9])


def test_a_dateline_pasted_mid_text_is_where_a_story_was_filed() -> None:
    text = "Troops Push On Near Morek HOMS (Sputnik) Shelling killed four people in Morek."
    start = text.index("HOMS")
    assert _pasted_dateline(text, start, start + 4)
    town = text.rindex("Morek")
    assert not _pasted_dateline(text, town, town + 5)
    # A place in capitals with no agency after it is no dateline.
    shout = "Shelling hit HOMS on Friday (local time)."
    assert not _pasted_dateline(shout, 13, 17)
