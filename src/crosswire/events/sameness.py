"""Whether a later report in an article tells the same incident as an event told before it.

An article often tells several incidents: the one it reports, others in other towns
or on other days ("Elsewhere, jets struck a market in Ariha", "On Wednesday, three
suicide bombers killed two people"), and tallies of the war. A later sentence that
adds a toll, a date, a place or a side to an event must tell that event's incident,
or its figures and actors are another incident's.

``score`` weighs what the two reports say, each feature a class of phrasing:

- for: a definite reference back to the event ("the attack", "the strike", "among
  the dead"), the same place;
- against: words that open another incident ("another", "elsewhere", "a separate",
  "a similar", "last year"; a roundup's "Earlier, ...", "In the same context, ..."),
  a date of its own that does not overlap the event's, a place of its own outside
  the event's area, a named author other than the event's, other means (a suicide
  bomb is not the air strike told before; an execution is not a shelling), and the
  sentences between them.

It decides whether a weak sentence (casualty words, bare violence) joins the event
before it (``drafts.host_of``) and which sentences are another incident's, whose
claims do not name this event's author (``drafts.other_incidents``). The toll-less
lead joined to the next report with a toll (``drafts.settle_tolls``) does not use it:
there the sides and means a lead gives are told loosely; vetoing that join gained one
main event on the FA-KES tune half and lost four on the check half. That join only
asks ``other_author`` (another named side struck, outside battles) and, outside a lead
and the sentences right after it, ``opens_elsewhere`` (words that say outright the
later sentence tells another incident), ``told_on_other_days`` (both state the day
they happened, and the days differ) and ``told_by_other_means`` (means that cannot be one
act told loosely).

A positive score joins them. The weights are set so that one clear sign against
(another day, another town, another author) outweighs the bias to join a report
told right after its event, and a reference back outweighs a weak sign against.
"""

from __future__ import annotations

import re
from typing import Any

from crosswire.events import ontology as on
from crosswire.events.location import same_area

# A report right after an event, saying nothing against it, continues it.
BIAS = 1.0
WEIGHTS = {
    "refers_back": 2.0,
    "same_place": 1.0,
    "opens_another": -3.0,
    "also": -0.5,
    "other_day": -3.0,
    "other_place": -2.5,
    "other_author": -2.5,
    "other_means": -2.0,
    "per_sentence_between": -0.25,
}

_ANAPHORA = re.compile(
    r"\b(?:the|this|that)\s+(?:(?:deadly|latest|suicide|car|air|aerial|double|twin|bomb"
    r"|terrorist|chemical|gas|rocket|mortar|artillery|first|second)\s+){0,2}"
    r"(?:attacks?|strikes?|air\s*strikes?|raids?|blasts?|bombings?|explosions?|shelling"
    r"|massacre|incident|assault|ambush|bombardment)\b"
    r"|\bamong\s+(?:the\s+)?(?:dead|victims|killed|casualties)\b"
    r"|\bthe\s+(?:dead|victims|death\s+toll|toll)\b",
    re.IGNORECASE,
)
# Words that say outright a sentence tells another incident than the one before it
# ("another" not counting more dead: "another five were killed").
_ELSEWHERE_WORDS = (
    r"another(?!\s+(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|\w+teen"
    r"|twenty|thirty|forty|fifty|dozens?|hundreds?|several|few))"
    r"|elsewhere|separate(?:ly)?"
    r"|earlier\s+(?:this|that|in\s+the)\s+(?:week|month|year)|last\s+(?:year|month|week)"
)
# For the toll-less join (``drafts.settle_tolls``) only those: ``_ANOTHER``'s "meanwhile",
# "similar" and "other areas" also open more of the same day's incident.
_ELSEWHERE = re.compile(
    rf"\b(?:{_ELSEWHERE_WORDS})\b"
    # "the attack comes a day after a strike killed 12": the toll is the earlier incident's
    r"|\b(?:comes?|came|coming)\s+(?:just\s+|only\s+)?(?:a|one|two|three|a\s+few|\d+)\s+"
    r"(?:days?|hours?|weeks?)\s+after\b",
    re.IGNORECASE,
)
_ANOTHER = re.compile(
    rf"\b(?:{_ELSEWHERE_WORDS}|similar|meanwhile"
    r"|other\s+(?:towns?|villages?|cities|areas?|attacks?"
    r"|strikes?|incidents?|provinces?|neighbourhoods?|neighborhoods?))\b",
    re.IGNORECASE,
)
# A roundup's next item: "Earlier, ...", "Moreover, ...", "In the same context, ...".
_NEXT_ITEM = re.compile(
    r"^\W*(?:[A-Z][\w-]*\s+)?(?:earlier|moreover|in\s+addition|additionally"
    r"|in\s+(?:a|the)\s+(?:relevant|related|same|similar|separate)\s+(?:context|development))\b",
    re.IGNORECASE,
)
_ALSO = re.compile(r"\balso\b", re.IGNORECASE)
# Event words that name their own means: an execution or a shooting is not a strike.
_OWN_MEANS = re.compile(
    r"^(?:execut|shot|shoot|behead|stab|slaughter|hang|hanged|tortur|kidnap|abduct|massacred"
    r"|gunned|slit)",
    re.IGNORECASE,
)
# Sentences between beyond which distance says no more: a report comes back to its
# incident after telling others ("the attack was likely carried out by Syrian jets").
_FAR = 4
# Means that deliver one another: a chemical attack is dropped or fired.
_COMPATIBLE_MEANS = frozenset(
    [frozenset([on.CHEMICAL, on.AIR_STRIKE]), frozenset([on.CHEMICAL, on.SHELLING])]
)
# Means a report may tell loosely of one incident: missiles told as air strikes or as
# shelling, a suicide bombing told as a blast.
_LOOSE_MEANS = _COMPATIBLE_MEANS | frozenset(
    [frozenset([on.AIR_STRIKE, on.SHELLING]), frozenset([on.SUICIDE_BOMB, on.REMOTE_EXPLOSIVE])]
)
_UNNAMED = frozenset(["uag", "rebels", "civilians", "protesters", "rioters"])


def features(event: Any, later: Any) -> dict[str, float]:
    """The features of ``later`` (a Draft) telling ``event``'s incident (a Draft)."""
    text = later.spans[0].text if later.spans else ""
    found = {
        "refers_back": float(refers_back(later)),
        "opens_another": float(
            _ANOTHER.search(text) is not None or _NEXT_ITEM.match(text) is not None
        ),
        "also": float(_ALSO.search(text) is not None),
        "other_day": float(_other_day(event, later)),
        "other_author": float(other_author(event, later)),
        "other_means": float(_other_means(event, later)),
        "per_sentence_between": float(min(_FAR, max(0, later.sentence - event.sentence - 1))),
    }
    here, there = event.place, later.place
    if here is not None and there is not None:
        near = same_area(here, there) or same_area(there, here)
        found["same_place"] = float(near and later.place_named is not None)
        found["other_place"] = float(not near and later.place_named == "clause")
    return found


def refers_back(draft: Any) -> bool:
    """Its sentence points back to an incident told before: "the attack", "the strike",
    "among the dead"."""
    return bool(draft.spans) and _ANAPHORA.search(draft.spans[0].text) is not None


def opens_elsewhere(text: str) -> bool:
    """The sentence says it tells another incident ("In a separate attack", "another
    town", "elsewhere", "earlier this week", "the raid comes a day after ...")."""
    return _ELSEWHERE.search(text) is not None


def score(event: Any, later: Any) -> float:
    """How far the features say ``later`` tells ``event``'s incident: join when positive."""
    return BIAS + sum(WEIGHTS[name] * value for name, value in features(event, later).items())


def same(event: Any, later: Any) -> bool:
    return score(event, later) > 0


def told_on_other_days(event: Any, later: Any) -> bool:
    """Each states the day it happened, neither the day it was reported, and the days do
    not meet ("mortar rounds hit the square on Saturday", then "On Friday, shells on the
    same district killed 16"): two incidents."""
    if getattr(event, "reported_on", False) or getattr(later, "reported_on", False):
        return False
    return _other_day(event, later)


def _other_day(event: Any, later: Any) -> bool:
    """Each states a day of its own, and they do not overlap."""
    mine, theirs = event.when, later.when
    if not (_stated(event) and _stated(later)) or mine is None or theirs is None:
        return False
    if getattr(later, "reported_on", False) and theirs[0] >= mine[0]:
        # "IS claimed the bombing in a statement on Tuesday" after Monday's bombing: the
        # day the report was made, on or after the incident's, is not another day.
        return False
    return bool(theirs[0] > mine[1] or mine[0] > theirs[1])


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _stated(draft: Any) -> bool:
    """A date of the event's own clause; a full date in the lead sentence is most often the
    article's dateline ("3 Mar 2025 Dozens of people were killed ..."), not the day
    the incident happened."""
    text = draft.date_text or ""
    return bool(text) and not (draft.sentence == 0 and _YEAR.search(text))


def _named(entity: Any) -> bool:
    return entity is not None and entity.canonical_key.partition(":")[0] not in _UNNAMED


def other_author(event: Any, later: Any) -> bool:
    """Both name who did it, and not the same side: in a battle, the side it lacks may
    still come."""
    theirs = later.actors.actor1
    if not (_named(theirs) and _named(event.actors.actor1)):
        return False
    if theirs in (event.actors.actor1, event.actors.actor2):
        return False
    return not (event.actors.actor2 is None and on.event_type_of(event.label) == on.BATTLES)


def told_apart(event: Any, later: Any) -> bool:
    """``later`` names another side than ``event`` as its author, or ``event`` names means
    of its own that ``later``'s are not ("jihadists executed twelve villagers", then
    "warplanes bombed the jihadists' positions"): another incident."""
    return other_author(event, later) or _other_means(event, later)


def told_by_other_means(event: Any, later: Any) -> bool:
    """``_other_means``, where the reports' means cannot be one act told loosely: an
    execution or a shooting after a strike, a suicide car bomb then regime bombs, a blast
    then mortar fire."""
    labels = frozenset([event.label, later.label])
    return _other_means(event, later) and labels not in _LOOSE_MEANS


def _other_means(event: Any, later: Any) -> bool:
    """Remote violence by other means, or an execution or shooting told with a strike."""
    kinds = {on.event_type_of(event.label), on.event_type_of(later.label)}
    if kinds == {on.EXPLOSIONS}:
        labels = frozenset([event.label, later.label])
        return len(labels) > 1 and labels not in _COMPATIBLE_MEANS
    if on.ATTACK in (event.label, later.label) and on.EXPLOSIONS in kinds:
        attack = event if event.label == on.ATTACK else later
        return _OWN_MEANS.match(attack.trigger or "") is not None
    return False
