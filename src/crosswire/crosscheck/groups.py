"""A report whose toll counts one group of the dead another report counts in a whole.

ACLED codes an incident's total dead, the lowest credible figure of the total: not the
children among them, nor the civilians of a count that includes fighters. News often
leads with the group ("Air strikes killed 14 children in the town", "Four children died
in the missile strike") while another report of the same incident, in the same article or
another, gives everyone ("the monitor put the toll at 31", "eight people, among them four
pupils, were killed"), or counts the group within its own whole ("killed 40 people,
including 26 civilians"). The group's figure is then a part of that whole, not a lower
count of the same dead, and does not set the fused toll (``fusion._wholes``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from crosswire.figures.find import parse_number
from crosswire.model import Event

# Groups news counts among an incident's dead: ages, sexes and civilian callings.
_GROUP_AFTER = re.compile(
    r"^\s+(?:[a-z][\w-]*\s+)?(?:children|kids|boys|girls|infants|babies|toddlers|minors"
    r"|women|schoolchildren|school\s*children|students|pupils|medics|doctors|nurses"
    r"|paramedics|rescuers|teachers|journalists)\b",
    re.I,
)
# Nouns of a whole count: a figure told with one of them counts everyone.
_WHOLE_AFTER = re.compile(
    r"^\s+(?:[a-z][\w-]*\s+)?(?:people|persons|civilians|residents|villagers|dead|deaths)\b",
    re.I,
)
# "killed 40 people, including 26 civilians", "eight died, among them four pupils": the
# figure after is a part of the one before.
_PART_BEFORE = re.compile(
    r"\b(?:including|among\s+(?:them|whom|those)|of\s+whom)\s+(?:at\s+least\s+|some\s+)?"
    r"([\w-]+)",
    re.I,
)
# Words before a figure that bound or round it ("at least 23", "nearly 40"); fusion strips
# them too, to read the figures a toll adds up.
BOUND = re.compile(
    r"^(?:at\s+least|more\s+than|over|nearly|almost|about|around|some|up\s+to)\s+", re.I
)
# A whole more than this many times a group's count is no total of the same incident's dead
# (a week's tally, another town's): the group's figure may be the whole incident's.
_RATIO = 5


def part_of_another(event: Event, pool: Sequence[Event]) -> bool:
    """Whether ``event``'s toll counts a group another report of ``pool`` counts in its
    larger whole: told only as that group ("killed seven children") beside a whole count
    of people, or told by the whole's own report as a part of it ("including 26 ...")."""
    own = event.fatalities
    if not own:
        return False
    group = _counts_a_group(event)
    for whole in pool:
        value = whole.fatalities or 0
        if whole is event or value <= own:
            continue
        if _tells_as_part(whole, own):
            return True
        if group and value <= own * _RATIO and not _counts_a_group(whole):
            return True
    return False


def _counts_a_group(event: Event) -> bool:
    """The toll is one figure that counts children, women or the like, and is never told
    as a count of people or civilians in the event's evidence."""
    words = (event.fatalities_text or "").strip()
    if not words or ";" in words or parse_number(BOUND.sub("", words)) != event.fatalities:
        return False  # a sum of groups, or a figure with singles added ("and their mother")
    pattern = re.compile(rf"\b{re.escape(words)}\b", re.I)
    grouped = whole = False
    for span in event.sources:
        for found in pattern.finditer(span.text):
            after = span.text[found.end() : found.end() + 40]
            grouped = grouped or bool(_GROUP_AFTER.match(after))
            whole = whole or bool(_WHOLE_AFTER.match(after))
    return grouped and not whole


def _tells_as_part(whole: Event, own: int) -> bool:
    """The whole's evidence gives ``own`` as a part of a figure ("including 26")."""
    return any(
        parse_number(found.group(1)) == own
        for span in whole.sources
        for found in _PART_BEFORE.finditer(span.text)
    )
