"""A later report that tells less of an incident's toll than an earlier one is no incident
of its own: a part of the dead, or the same dead told vaguely.

News tells the toll, then a group of the same dead on its own: "Air strikes killed 16
people in the town. Four members of one family were killed when a strike hit their
home", "... killing 21 civilians. Nine children were killed in the raids", "The strikes
killed eight children and five women". Coded apart, such a sentence is a second event
whose toll is a part of the first's (ACLED codes the incident once, with its whole
toll). A report joins the earlier event as a part of its toll when

- both are live reports of the same incident (``drafts.same_incident``: the same type,
  area) told close together, and ``sameness`` finds nothing that opens another one
  (another day, town, author or means; "elsewhere", "another"), nor does a day the part
  states of its own ("On Friday, shelling killed two children");
- its toll is exact and lower than the earlier exact toll, and it says nothing that
  adds to it ("also", "another five", "others", "more");
- it tells the dead vaguely ("Dozens of civilians were killed in the raids on the
  market" after "the strikes on the market killed at least 12"): the article's exact
  figure is the toll, and the vague word is no second incident with an imputed 12;
- or it counts a part: a figure the earlier sentence already gave as a part ("12
  people, including five children"), or only groups that are a part of a whole count of
  people or civilians (children, women, members of a family, medics), never a count of
  fighters, who are another side's dead in a battle.

Fewer dead told besides the toll ("One civilian was also killed in the strikes", after
"US-led strikes killed 20 fighters") join the report too, and its toll stays, as for any
later detail (``Draft.absorb``): on their own they are one side's dead, not an incident.

News also tells the part first: "Air strikes killed 14 children on Saturday ... The monitor
said the strikes killed 41 people". Under the same tests, the earlier report, when it
counts only such a group exactly, takes the later whole count (of people or civilians,
told in that report's own sentence, which refers back: "the strikes") as its toll, and
the later report joins it.
"""

from __future__ import annotations

import re

from crosswire.events import sameness
from crosswire.events.drafts import Draft, live, same_incident, states_other_day, unnamed_area

# How many sentences after the toll a report may still count a part of it.
REACH = 3
# Nouns of a whole count of the dead.
_WHOLE = frozenset(["people", "person", "civilian", "resident", "villager", "inhabitant"])
# A figure with no noun of its own ("a death toll of 47", "killing 30") counts the dead
# whoever they were: a whole count, taken only by a part told first from a later report
# that refers back to it ("the strikes"); told later, such a bare figure ("the toll in
# one district reached 3") may count another place's dead.
_BARE_COUNT = re.compile(
    r"^(?:[\d.,]+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen"
    r"|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)$"
)
# Groups news reports among the dead of a whole count.
_PART = frozenset(
    [
        "child",
        "kid",
        "boy",
        "girl",
        "infant",
        "baby",
        "toddler",
        "minor",
        "woman",
        "mother",
        "father",
        "son",
        "daughter",
        "brother",
        "sister",
        "wife",
        "husband",
        "relative",
        "member",
        "sibling",
        "medic",
        "doctor",
        "nurse",
        "paramedic",
        "rescuer",
        "volunteer",
        "student",
        "pupil",
        "teacher",
        "journalist",
        "elderly",
    ]
)
# Words that add dead to a toll rather than tell it again or a part of it.
_ADDS = re.compile(
    r"\b(?:also|another|others|more|further|additional|besides|in\s+addition)\b", re.I
)


def fold_parts(drafts: list[Draft]) -> list[Draft]:
    """The drafts without the later reports that tell a part of an earlier exact toll or
    the same dead vaguely, each absorbed into the event whose toll it tells."""
    joined: set[int] = set()
    for number, draft in enumerate(drafts):
        if id(draft) in joined or not _whole(draft):
            continue
        for later in drafts[number + 1 :]:
            if later.sentence > draft.sentence + REACH:
                break
            if id(later) in joined:
                continue
            if _part_of(draft, later) or _adds_to(draft, later):
                draft.absorb(later)
                joined.add(id(later))
            elif _part_of(later, draft, first=True):
                draft.absorb(later)
                draft.toll = later.toll  # the whole count, told after its part
                joined.add(id(later))
    return [d for d in drafts if id(d) not in joined]


def _whole(draft: Draft) -> bool:
    toll = draft.toll
    return live(draft) and toll is not None and not toll.vague and bool(toll.value)


def _part_of(draft: Draft, later: Draft, *, first: bool = False) -> bool:
    """Whether ``later``'s toll is a part of ``draft``'s, ``later`` told after ``draft``;
    with ``first`` the other way round (``later`` is the earlier report, the part told
    first), where only an exact count of a group can be a part."""
    whole, part = draft.toll, later.toll
    if whole is None or part is None or not part.value or later.sentence == draft.sentence:
        return False
    if not (part.vague or part.value < (whole.value or 0)):
        return False
    if first and (part.vague or not _whole(draft) or not part.nouns or len(draft.spans) > 1):
        return False  # a whole joined from another sentence may tell another day's dead
    early, late = (later, draft) if first else (draft, later)
    if first and not sameness.features(early, late)["refers_back"]:
        return False  # "four nurses killed ... an air strike on a bakery killed 13": two
    if not same_incident(early, late) or not sameness.same(early, late):
        return False
    if states_other_day(early, late):
        return False  # "on Friday, shelling killed two children": a day of its own
    text = late.spans[0].text if late.spans else ""
    if _ADDS.search(text):
        return False  # "six children were also killed": more dead, not a part
    if part.vague:
        return True  # "dozens were killed in the raids": the exact toll told already
    if part.value in whole.parts:
        return True  # "12 people, including five children ... five children were killed"
    return (
        bool(part.nouns)
        and set(part.nouns) <= _PART
        and all(n in _WHOLE or (first and _BARE_COUNT.match(n)) for n in whole.nouns)
    )


def _adds_to(draft: Draft, later: Draft) -> bool:
    """Whether ``later`` counts fewer dead besides ``draft``'s in the same incident
    ("US-led strikes killed 20 fighters ... One civilian was also killed in the strikes"):
    a detail of that incident, as a later figure joined to a report is (``Draft.absorb``),
    never an event whose whole toll is the extra dead. More dead ("the bombardment also
    killed 37 people" after 11 children) are no detail."""
    toll, whole = later.toll, draft.toll
    if toll is None or not toll.adds or toll.vague or later.sentence == draft.sentence:
        return False
    if whole is None or (toll.value or 0) >= (whole.value or 0):
        return False
    return (
        same_incident(draft, later)
        and not unnamed_area(later, draft)  # "two more killed in the town of X" (on no map)
        and sameness.same(draft, later)
        and not states_other_day(draft, later)
    )
