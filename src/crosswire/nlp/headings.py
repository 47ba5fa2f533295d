"""Entity spans that run across a line break, cut at it.

Roundups from state agencies head each section with a lone place name on its
own line ("Homs" newline "Army units killed ..."). spaCy reads the heading and
the next line's first words as one name ("Homs Army", ORG), which the actor
linker then takes for a party. A name whose part before a line break is a
heading line (one to three capitalised words alone on their line, no verb, no
final stop) is cut there: the heading names a section, not a party, and is
left unlabelled for the place recogniser to read on its own; the part after
the break keeps the label. A name merely wrapped across lines is kept whole.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span

if TYPE_CHECKING:
    from spacy.tokens import Doc

MAX_HEADING_WORDS = 3


def _is_break(token_text: str) -> bool:
    return "\n" in token_text and not token_text.strip()


def is_heading(span: Span) -> bool:
    """Whether ``span`` is a whole line of one to three capitalised words and no verb."""
    doc = span.doc
    words = [t for t in span if not t.is_space]
    if not 0 < len(words) <= MAX_HEADING_WORDS:
        return False
    if span.start > 0 and not _is_break(doc[span.start - 1].text):
        return False
    if any(t.tag_.startswith("VB") or t.is_punct for t in words):
        return False
    return all(t.text[:1].isupper() or t.text.lower() in {"al", "el"} for t in words)


def _pieces(ent: Span) -> list[Span]:
    """``ent`` without the heading lines it starts with."""
    start = ent.start
    for token in ent:
        if not _is_break(token.text):
            continue
        if not is_heading(ent.doc[start : token.i]):
            break
        start = token.i + 1
    if start == ent.start:
        return [ent]
    if start >= ent.end:
        return []
    return [Span(ent.doc, start, ent.end, label=ent.label_)]


def split_at_line_breaks(doc: Doc) -> Doc:
    """``doc`` with the heading lines cut off the entities that start with one (in place)."""
    ents = doc.ents
    if not any(_is_break(t.text) for e in ents for t in e):
        return doc
    doc.ents = [piece for ent in ents for piece in _pieces(ent)]
    return doc
