"""Events as the article tells them so far: later sentences may add to them.

A ``Draft`` becomes an ``Event`` once the article is read. A weak draft (casualty
words, or bare violence by no one new) joins the latest violent event of an earlier
sentence when its date, place and agent fit (``host_of``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import timedelta

from spacy.tokens import Token

from crosswire.events import confidence, incident, sameness
from crosswire.events import ontology as on
from crosswire.events.arguments import (
    category_of_noun,
)
from crosswire.events.index import AREA_RANK, day_of, inside, rank
from crosswire.events.localities import LOCALITY
from crosswire.events.location import area_of, same_area
from crosswire.events.roles import Actors
from crosswire.events.tolls import Toll
from crosswire.events.typer import EventCandidate
from crosswire.model import (
    DatePrecision,
    Entity,
    Event,
    Modality,
    Place,
    SourceSpan,
)


def _part_told(whole: Toll | None, part: Toll | None) -> bool:
    """A later report counts fewer dead than the toll told first: a part of it, whose
    town is where some died, not the whole incident's place."""
    if whole is None or part is None or not whole.value or not part.value:
        return False
    return part.value < whole.value


def rehome(town: Place, area: Place) -> Place:
    """A town on no map (``events.localities``) put in ``area``'s province."""
    return replace(town, admin1=area.admin1 or area.name, lat=area.lat, lon=area.lon)


# An event whose stated date ended this long before the article is history to it.
HISTORY_DAYS = 31


# Events a later casualty or bare-violence sentence can be adding to.
_VIOLENT_TYPES = frozenset({on.BATTLES, on.EXPLOSIONS, on.VIOLENCE_AGAINST_CIVILIANS, on.RIOTS})


_VIOLENT_LABELS = frozenset({on.EXCESSIVE_FORCE, on.PROTEST_INTERVENTION})


# The opening sentences of an article (a headline, a lead) whose undated report takes the
# day the next ``LEAD_REACH`` sentences tell its incident with.
LEAD_SENTENCES = 2
LEAD_REACH = 2
# A date wider than this many days does not date an incident on its own.
NARROW_DAYS = 7


def narrow(when: tuple[str, str, DatePrecision] | None) -> bool:
    """Whether a date is a day's or a few days': one that can date an incident."""
    first, last = (day_of(when[0]), day_of(when[1])) if when else (None, None)
    return first is not None and last is not None and (last - first).days < NARROW_DAYS


def _dates_the_opening(draft: Draft, later: Draft) -> bool:
    """Whether ``later``, joining a report of the article's opening told with no day of its
    own, tells its day: a narrow stated one, before the day a reported-on one was told."""
    if draft.sentence >= LEAD_SENTENCES:
        return False
    if later.sentence > draft.sentence + LEAD_REACH:
        return False
    if later.date_text is None or later.reported_on or later.history or not narrow(later.when):
        return False
    if draft.date_text is None:
        return True
    mine, theirs = draft.when, later.when
    return draft.reported_on and mine is not None and theirs is not None and theirs[0] < mine[0]


def _dates_undated(draft: Draft, later: Draft) -> bool:
    """Whether ``later``, joining a body report with no date at all (the article's day
    would date it: "rebels hit government-held districts") within ``LEAD_REACH``
    sentences, tells its day in its own words ("attacks on Sunday killed 20"): the one
    incident's stated day beats the day it was published."""
    if draft.when is not None or draft.date_text is not None:
        return False
    if not draft.sentence < later.sentence <= draft.sentence + LEAD_REACH:
        return False
    told = later.date_text is not None and not later.reported_on
    return told and not later.history and narrow(later.when)


def _plover(label: str, actor2: Entity | None) -> str | None:
    sub = on.SUB_EVENT_TYPES[label]
    plover, mode = sub.plover, sub.plover_mode
    if plover == "FIGHT" and actor2 is not None and actor2.kind == "civilians":
        # Force used on civilians is unconventional violence in PLOVER.
        plover, mode = "ASSAULT", None
    if plover is None:
        return None
    return f"{plover}:{mode}" if mode else plover


@dataclass(slots=True)
class Draft:
    """An event as the article tells it so far; later sentences may add to it."""

    label: str
    actors: Actors
    place: Place | None
    place_named: str | None  # "clause", "sentence" or None (see ``event_place``)
    when: tuple[str, str, DatePrecision] | None
    date_text: str | None  # the date expression of its own clause, when there is one
    toll: Toll | None
    mode: Modality
    spans: list[SourceSpan]
    depth: int  # of the event word below its sentence's root
    sentence: int  # the sentence's position in the article
    weak: bool  # casualty words or bare violence by no one new
    history: bool
    habitual: bool  # "its cells carry out ambushes": what happens, not what happened
    trigger: str = ""  # the event word
    civilian_targeting: bool = False
    at: int = -1  # character offset of the event word
    means_at: int = -1  # of the first word telling its means (a weapon, an event word)
    # Its date is the day it was reported ("a monitor said on Tuesday"), not its own.
    reported_on: bool = False
    # It names again an incident told before ("The killings took place on Wednesday").
    retold: bool = False
    # The label it was told as, where ``passage`` recoded a killing of civilians by the
    # means told around it: fusion compares reports by what they told.
    reported_label: str | None = None

    @property
    def violent(self) -> bool:
        return on.event_type_of(self.label) in _VIOLENT_TYPES or self.label in _VIOLENT_LABELS

    @property
    def reported(self) -> bool:
        """Whether the article says something of its own about it."""
        return self.toll is not None or self.actors.named or self.place_named is not None

    def absorb(self, other: Draft) -> None:
        for span in other.spans:
            if span not in self.spans:
                self.spans.append(span)
        if _dates_the_opening(self, other) or _dates_undated(self, other):
            # A headline or lead told undated ("three nurses die as jets hit clinic"),
            # then with its day ("the raid hit the clinic late Tuesday"): the day is the
            # incident's, not the article's.
            self.when, self.date_text = other.when, None
        if other.toll is not None and (
            self.toll is None
            or (self.toll.vague and not other.toll.vague)
            or _raises(self.toll, other)
        ):
            # A later sentence's figure is a part or a detail of the toll told first
            # ("one civilian was also killed"); it counts only when none was told, when
            # it makes a vague one ("dozens") exact, or when the toll rose to it.
            self.toll = other.toll
        self._take_town(other)
        self._take_target(other)
        if not other.actors.named:
            return
        self.actors.named = True
        newcomer = other.actors.actor1
        if newcomer is None or newcomer in (self.actors.actor1, self.actors.actor2):
            return
        if self.actors.actor1 is None or (_unnamed(self.actors.actor1) and not _unnamed(newcomer)):
            # A headline told first ("9 executed in a town", "terrorists executed 30")
            # and the report that names who did it ("IS executed 9 men"): the named
            # perpetrator is the event's.
            self.actors.actor1 = newcomer
            self.actors.assoc1 = list(other.actors.assoc1)
        elif self.actors.actor2 is None:
            self.actors.actor2 = newcomer  # the other side of a battle

    def _take_town(self, other: Draft) -> None:
        """A report told at its province or country ("an air strike in Idlib province"), or
        at a place its own words do not name (the article's town), then at a town in its
        own clause ("the strike on the village of X"): the incident's place is the town."""
        here, there = self.place, other.place
        if there is None or rank(there) >= AREA_RANK or not other.names(there):
            return
        if _part_told(self.toll, other.toll):
            return  # "strikes killed 25 in Hama province; six of them in the village of X"
        if here is not None and (here.id == there.id or here.country_code != there.country_code):
            return
        if here is not None and self.names(here) and rank(here) >= AREA_RANK:
            if not inside(here, there) and there.feature == LOCALITY and other.place_named is None:
                # "a car bomb in Daraa province ... the blast in the town of X": X, on no
                # map, had its province only from the article's focus; the report's is Daraa.
                there = rehome(there, here)
            if not inside(here, there):
                return  # an area the town is not in
        elif here is not None and (self.names(here) or not inside(area_of(here), there)):
            return  # a town of its own; or one of another province than the article's
        self.place = there

    def names(self, place: Place) -> bool:
        """Whether its own sentences name ``place``."""
        return any(
            span.start <= mention.start < span.end
            for mention in place.mentions
            for span in self.spans
            if mention.article == span.article
        )

    def _take_target(self, other: Draft) -> None:
        """A headline told without its target ("Suicide Bomber Kills Five Kurdish Police")
        takes the one its report counts among the dead ("killed five policemen at a
        checkpoint"); a battle's other side is never civilians."""
        target = other.actors.actor2
        if self.actors.actor2 is not None or target is None or target == self.actors.actor1:
            return
        if other.toll is None or not other.toll.value:
            return  # a side only mentioned ("X is involved in the battle") is no victim
        if target.kind == "civilians" and on.event_type_of(self.label) == "Battles":
            return
        if target.kind in _GENERIC_KINDS and (
            target.kind == "unidentified_armed_group"
            or self.place is None
            or target.country_code != self.place.country_code
        ):
            return  # no unknown target, nor victims of a country the event is not in
        self.actors.actor2 = target

    def event(
        self, published: tuple[str, str, DatePrecision] | None, focus_country: str | None
    ) -> Event:
        """The Event; an undated one happened on the article's date as far as it says."""
        when = self.when or published
        actors = self.actors
        background = self.history or self.habitual or not self.reported
        sure, reasons = confidence.score(
            confidence.Facts(
                sentence=self.sentence,
                # Scored as told: recoding by the passage's means (``reported_label``)
                # says nothing of whether it happened.
                event_type=on.event_type_of(self.reported_label or self.label),
                has_toll=self.toll is not None and bool(self.toll.value),
                place_named=self.place_named,
                place_country=self.place.country_code if self.place is not None else None,
                focus_country=focus_country,
                named_actor=actors.named,
                # A day the report was told on still dates it in its own words.
                date_stated=self.date_text is not None or self.reported_on,
                depth=self.depth,
                extra_sentences=len(self.spans) - 1,
                background=background,
                modality=self.mode,
                trigger=self.trigger,
            )
        )
        return Event(
            event_type=on.event_type_of(self.label),
            sub_event_type=self.label,
            actor1=actors.actor1.id if actors.actor1 is not None else None,
            actor2=actors.actor2.id if actors.actor2 is not None else None,
            assoc_actor1=tuple(e.id for e in actors.assoc1),
            assoc_actor2=tuple(e.id for e in actors.assoc2),
            place=self.place.id if self.place is not None else None,
            date_start=when[0] if when else None,
            date_end=when[1] if when else None,
            date_precision=when[2] if when else None,
            date_text=self.date_text,
            date_reported=self.reported_on and self.date_text is not None,
            fatalities=self.toll.value if self.toll else None,
            fatalities_low=self.toll.low if self.toll else None,
            fatalities_high=self.toll.high if self.toll else None,
            fatalities_text=self.toll.text if self.toll else None,
            modality=self.mode,
            plover=_plover(self.label, actors.actor2),
            cameo=on.SUB_EVENT_TYPES[self.label].cameo,
            sources=tuple(self.spans),
            background=background,
            reported_type=self.reported_label,
            civilian_targeting=self.civilian_targeting
            or self.label == on.ATTACK
            or (actors.actor2 is not None and actors.actor2.kind == "civilians"),
            confidence=sure,
            reasons=reasons,
        )


# Kinds of ACLED's generic actors, whose country is the event's.
_GENERIC_KINDS = frozenset(["civilians", "protesters", "rioters", "unidentified_armed_group"])
# Generic sides that stand for an author the sentence does not name.
_UNNAMED_SIDES = frozenset(["uag", "rebels"])


def _unnamed(entity: Entity) -> bool:
    return entity.canonical_key.partition(":")[0] in _UNNAMED_SIDES


def is_habitual(anchor: Token) -> bool:
    """Events in the plural with a verb in the simple present: "its cells carry out
    ambushes", "their drone attacks invite retaliation"."""
    verb = anchor if anchor.pos_ in ("VERB", "AUX") else anchor.head
    plural = anchor.tag_ in ("NNS", "NNPS") and anchor.dep_ in ("nsubj", "dobj")
    return plural and verb.tag_ in ("VBZ", "VBP")


def is_history(
    when: tuple[str, str, DatePrecision], published: tuple[str, str, str] | None
) -> bool:
    end, day = day_of(when[1]), day_of(published[0] if published else None)
    return end is not None and day is not None and end < day - timedelta(days=HISTORY_DAYS)


def depth_below(token: Token, root: Token) -> int:
    depth = 0
    while token.i != root.i and token.head.i != token.i:
        token, depth = token.head, depth + 1
    return depth


def is_weak(candidate: EventCandidate, actors: Actors) -> bool:
    """Casualty words, or a bare act of violence against no one ("opened fire", "they hit
    the pipe"), by no agent of its own: none, a pronoun, a weapon, fighters of no group
    the article names, or a named actor (which the event it joins must already have, see
    ``_fits``; "gunmen" are ACLED's unidentified armed group, an actor of their own)."""
    if not (candidate.groups <= {"violence"} or _told_before(candidate.roles.agent)):
        return False
    patient = candidate.roles.patient
    bare = candidate.victims is None and (
        patient is None or category_of_noun(patient) in (None, "property", "territory")
    )
    if not (bare or all(c.kind == "outcome" for c in candidate.cues)):
        return False
    agent = candidate.roles.agent
    return (
        agent is None
        or agent.pos_ == "PRON"
        or category_of_noun(agent) == "weapon"
        or (category_of_noun(agent) == "armed" and actors.actor1 is None)
        or (actors.actor1 is not None and actors.named)
    )


_DEFINITE = frozenset(["the", "these", "those", "both"])


def _told_before(agent: Token | None) -> bool:
    """Weapons an earlier sentence told: "The shells hit the town of X", "the strikes
    destroyed a bakery" say more of that event, not a new one."""
    return (
        agent is not None
        and category_of_noun(agent) == "weapon"
        and any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in agent.children)
    )


# "the toll rose to 42", "the number of dead has climbed to", "the death toll reached 51".
_TOLL_UPDATE = re.compile(
    r"\b(?:toll|number\s+of\s+(?:the\s+)?(?:dead|deaths|victims|those\s+killed))\b"
    r"[^.;]{0,80}?\b(?:rose|risen|rises|climbed|climbs|increased|jumped|reached|mounted)\b",
    re.I,
)


def settle_tolls(drafts: list[Draft]) -> list[Draft]:
    """An incident's toll as the whole article tells it; the drafts left. An event told
    without a toll takes the report of the same incident the next sentences give with
    one, which joins it; a vague first toll ("dozens were killed") takes an exact figure a
    later report of the same incident gives, and an early toll gives way to a later,
    higher one the article says it rose to ("the toll has risen to 42"). The same
    incident: a later asserted event of the same type (or an Attack on civilians told of
    a strike), in the same area when both have a place."""
    joined: set[int] = set()
    for number, draft in enumerate(drafts):
        if not live(draft) or id(draft) in joined:
            continue
        for later in drafts[number + 1 :]:
            if later.toll is None or later.toll.value is None or not same_incident(draft, later):
                continue
            if draft.toll is None:
                # "Deadly blast hits Damascus" told with its toll in the next sentences.
                if later.sentence > draft.sentence + _MEANS_REACH:
                    break
                if _by_other_side(draft, later) or _of_another_incident(draft, later):
                    continue  # "rebels attacked with car bombs ... regime bombs killed two"
                _join(draft, later)
                joined.add(id(later))
                if not later.toll.vague:
                    break
                continue  # "Army kills dozens in ambush ... dozens killed ... 62 killed"
            value = draft.toll.value or 0
            if value and value in later.toll.parts and later.sentence <= draft.sentence + 2:
                # "Five children killed in air strike" then "the strike killed 12 people,
                # including five children": the first report told a part of the toll.
                _join(draft, later)
                joined.add(id(later))
                break
            vague = draft.toll.vague and not later.toll.vague and later.toll.value >= value
            if vague or _raises(draft.toll, later):
                draft.toll = later.toll
                break
    return [d for d in drafts if id(d) not in joined]


def _of_another_incident(draft: Draft, later: Draft) -> bool:
    """``later``, a sentence after ``draft``, says it tells another incident ("In a
    separate attack, ...", "in another town", "earlier this week"): its toll is not
    ``draft``'s. A lead never loses its report's toll this way. Another day counts only
    when both state the day they happened ("mortars hit the square on Saturday", then "On
    Friday, rockets killed 16"): vetoing the joins where only the later one states a day
    moved main events' dates (a toll-less report's incident, left standing with its toll,
    dates the headline of the same figure) on the FA-KES halves."""
    if later.sentence <= draft.sentence:
        return False
    if draft.sentence < LEAD_SENTENCES and later.sentence <= draft.sentence + LEAD_REACH:
        return False
    if sameness.told_on_other_days(draft, later) or sameness.told_by_other_means(draft, later):
        return True
    return bool(later.spans) and sameness.opens_elsewhere(later.spans[0].text)


def _by_other_side(draft: Draft, later: Draft) -> bool:
    """``later`` names another side than ``draft`` as the one who struck: another incident's
    toll. A battle's reports name either side as its author, so battles never count."""
    return on.event_type_of(draft.label) != on.BATTLES and sameness.other_author(draft, later)


# Event words this near in one sentence tell one act ("dropped a toxic gas barrel").
_ONE_ACT_CHARS = 40


def _join(draft: Draft, later: Draft) -> None:
    """``later`` tells ``draft``'s incident again, with its toll: one event."""
    draft.absorb(later)
    draft.toll = later.toll
    apart = abs(draft.at - later.at) > _ONE_ACT_CHARS or draft.sentence != later.sentence
    leads = draft.sentence == later.sentence and later.means_at < draft.means_at
    label = incident.joined_label(draft.label, later.label, told_apart=apart, theirs_first=leads)
    if label != draft.label and not states_other_day(draft, later):
        # The report that names the means codes the incident ("deadly blast hits the
        # town", then "a suicide bombing using a car bomb killed three"); an Attack on
        # civilians coded by its means keeps its civilian targeting.
        draft.civilian_targeting = draft.civilian_targeting or draft.label == on.ATTACK
        draft.label = label
    if draft.place is None and later.place is not None:
        draft.place, draft.place_named = later.place, later.place_named


def states_other_day(draft: Draft, later: Draft) -> bool:
    """The later report states a date of its own that does not meet the first one's ("in
    early April" told after a report of today's bombardment): it may tell another
    incident, whose means, toll or sentence are not the first's."""
    mine, theirs = draft.when, later.when
    if not (later.date_text and mine and theirs):
        return False
    return mine[0] > theirs[1] or theirs[0] > mine[1]


# How many sentences on a report may still tell the means of an attack told without one.
_MEANS_REACH = 3


def name_means(drafts: list[Draft]) -> None:
    """An attack on civilians told without its means ("a massacre in the village", "a
    terrorist attack in Aleppo") takes the means the next sentences give the same
    incident ("terrorists fired rocket shells at the neighbourhood"): ACLED codes it by
    them, as remote violence targeting civilians. The same incident: a strike, shelling or
    bomb told as having happened, in the same area when both have a place, and with no
    other toll; further on, only one told with the same exact toll."""
    for number, draft in enumerate(drafts):
        if draft.label != on.ATTACK or not live(draft):
            continue
        for later in drafts[number + 1 :]:
            if later.sentence > draft.sentence + _SAME_TOLL_REACH:
                break
            if later.sentence > draft.sentence + _MEANS_REACH and not _same_toll(draft, later):
                continue
            if on.event_type_of(later.label) != on.EXPLOSIONS or not same_incident(draft, later):
                continue
            if sameness.told_apart(draft, later):
                continue  # an execution, or an attack by another side, is not the strike
            mine, theirs = draft.toll, later.toll
            if mine is not None and theirs is not None and (theirs.value or 0) > (mine.value or 0):
                continue  # a higher toll is another incident; a lower one may be a part
            draft.label, draft.civilian_targeting = later.label, True
            break


# How many sentences on a report a later one with the same exact toll may still tell its
# means ("four died in the attack", then, after the reactions, "four died when chlorine
# was dropped on the district").
_SAME_TOLL_REACH = 8


def _same_toll(draft: Draft, later: Draft) -> bool:
    mine, theirs = draft.toll, later.toll
    return (
        mine is not None
        and theirs is not None
        and not (mine.vague or theirs.vague)
        and bool(mine.value)
        and mine.value == theirs.value
    )


def name_authors(drafts: list[Draft]) -> None:
    """An incident told first without its author, or by an unnamed side ("120 fighters
    killed near Aleppo", "terrorists fired shells at the town"), takes the side the next
    sentences name for the same incident ("Army units killed 120 militants", "IS fired
    the shells"): the same type, the same area, nothing that opens another incident and
    no other toll."""
    for number, draft in enumerate(drafts):
        mine = draft.actors.actor1
        if not live(draft) or (mine is not None and not _unnamed(mine)):
            continue
        for later in drafts[number + 1 :]:
            if later.sentence > draft.sentence + _MEANS_REACH:
                break
            author = later.actors.actor1
            if not _names_more(mine, author) or author == draft.actors.actor2:
                continue
            if not _told_again(draft, later):
                continue
            draft.actors.actor1, draft.actors.assoc1 = author, list(later.actors.assoc1)
            break


def name_retold_authors(drafts: list[Draft]) -> None:
    """A later report that refers back to an incident told before with no named author of
    its own ("the attack on the two villages killed 15 civilians" after "IS killed 50
    people in an attack on two villages") takes the side its earlier telling names: the
    nearest earlier report of the same incident (same type and area, nothing that opens
    another). Its own toll may differ: a later count is often part of the dead. Run once
    the authors are named, so an earlier report's claimed or credited author counts."""
    for number, draft in enumerate(drafts):
        mine = draft.actors.actor1
        if not live(draft) or (mine is not None and not _unnamed(mine)):
            continue
        if not sameness.refers_back(draft) or _recalled(draft):
            continue
        earlier = _retold_from(drafts[:number], draft)
        author = earlier.actors.actor1 if earlier is not None else None
        if earlier is None or not _names_more(mine, author) or author == draft.actors.actor2:
            continue
        draft.actors.actor1, draft.actors.assoc1 = author, list(earlier.actors.assoc1)


def _retold_from(before: list[Draft], draft: Draft) -> Draft | None:
    """The nearest earlier report, of another sentence, whose incident ``draft`` tells by
    the same means."""
    for earlier in reversed(before):
        if earlier.sentence >= draft.sentence or not live(earlier):
            continue
        if not same_incident(earlier, draft) or sameness.told_apart(earlier, draft):
            continue  # another incident, or means of its own ("the blast" after a raid)
        if sameness.same(earlier, draft):
            return earlier
    return None


def _recalled(draft: Draft) -> bool:
    """ "IS has claimed previous bombings in the town": other incidents than the one told."""
    span = draft.spans[0] if draft.spans else None
    if span is None:
        return False
    return _RECALLED.search(span.text[: max(0, draft.at - span.start)]) is not None


def _names_more(mine: Entity | None, author: Entity | None) -> bool:
    """Whether ``author`` says more of who did it than ``mine``: a named side more than an
    unnamed one or none, unnamed rebels more than no one (an unidentified armed group is
    what no one already stands for)."""
    if author is None or author.inter_code not in _SIDE_CODES:
        return False
    if not _unnamed(author):
        return True
    return mine is None and author.canonical_key.partition(":")[0] == "rebels"


# ACLED inter codes of the sides that can carry out violence: state forces, rebels,
# militias, external forces.
_SIDE_CODES = frozenset([1, 2, 3, 4, 8])


# Words before an event word that make it other incidents than the one told.
_RECALLED = re.compile(
    r"\b(?:previous|earlier|past|other|similar|several|many|numerous|recent|such|those)"
    r"\s+(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)


def _told_again(draft: Draft, later: Draft) -> bool:
    """Whether ``later`` tells ``draft``'s incident: same type, area, and toll if both give one."""
    if later.sentence == draft.sentence or not same_incident(draft, later):
        return False
    span = later.spans[0] if later.spans else None
    if span is not None and _RECALLED.search(span.text[: max(0, later.at - span.start)]):
        return False  # "IS has claimed previous bombings in the town"
    mine = draft.toll.value if draft.toll is not None else None
    theirs = later.toll.value if later.toll is not None else None
    if mine and theirs and mine != theirs:
        return False  # another toll: another incident
    return sameness.same(draft, later)


def _raises(toll: Toll, later: Draft) -> bool:
    """Whether ``later`` says the toll rose to a higher figure than ``toll``."""
    return (
        later.toll is not None
        and (later.toll.value or 0) > (toll.value or 0)
        and (later.toll.updated or any(_TOLL_UPDATE.search(span.text) for span in later.spans))
    )


# How many sentences on a sentence that only updates a toll may still update it, and by
# how much at most (more is another count: the week's, the war's).
_UPDATE_REACH = 6
_UPDATE_RATIO = 5


def apply_updates(drafts: list[Draft], updates: list[tuple[int, Toll]]) -> None:
    """Tolls told by sentences of their own ("The monitor later raised the toll to 20")
    replace the lower toll of the latest incident told before them with one."""
    for number, toll in updates:
        told = [
            d
            for d in drafts
            if live(d)
            and d.toll is not None
            and not d.toll.vague
            and number - _UPDATE_REACH <= d.sentence < number
        ]
        if not told:
            continue
        # The toll told last before the update: a report joined to an earlier event tells
        # its toll where its own sentence stands.
        latest = max(told, key=lambda d: max(s.start for s in d.spans))
        value, update = latest.toll.value or 0, toll.value or 0  # type: ignore[union-attr]  # filtered above
        if value < update <= value * _UPDATE_RATIO:
            latest.toll = toll


def live(draft: Draft) -> bool:
    return draft.violent and draft.mode == "asserted" and not (draft.history or draft.habitual)


def same_incident(draft: Draft, later: Draft) -> bool:
    if not live(later):
        return False
    kinds = {on.event_type_of(draft.label), on.event_type_of(later.label)}
    if len(kinds) > 1 and not (on.ATTACK in (draft.label, later.label) and on.EXPLOSIONS in kinds):
        return False
    here, there = draft.place, later.place
    return here is None or there is None or same_area(here, there) or same_area(there, here)


def unnamed_area(draft: Draft, other: Draft) -> bool:
    """``draft`` is put in a province its sentence does not name (its town is on no map,
    ``event_place``) and ``other`` at a town of it: two towns, not one incident."""
    place, town = draft.place, other.place
    return (
        draft.place_named is None
        and place is not None
        and town is not None
        and place.feature == "admin1"
        and town.feature not in ("admin1", "country")
        and place.id != town.id
    )


def host_of(drafts: list[Draft], draft: Draft) -> Draft | None:
    """The event a weak draft adds to: the latest violent event of an earlier sentence (the
    main one of its sentence), when the draft's own date, place and agent fit it."""
    if not draft.weak or draft.mode != "asserted":
        return None
    candidates = [
        d
        for d in drafts
        if d.violent
        and d.mode == "asserted"
        and not (d.history or d.habitual)
        and d.sentence < draft.sentence
    ]
    if not candidates:
        return None
    latest = max(d.sentence for d in candidates)
    host = min((d for d in candidates if d.sentence == latest), key=lambda d: d.depth)
    return host if _fits(host, draft) else None


def _fits(host: Draft, draft: Draft) -> bool:
    if not sameness.same(host, draft):
        return False  # another day, town, author or means ("elsewhere, jets struck ...")
    if states_other_day(host, draft):
        return False
    here, there = draft.place, host.place
    if draft.place_named == "clause" and here and there and not same_area(here, there):
        return False
    agent = draft.actors.actor1
    if agent is None or agent in (host.actors.actor1, host.actors.actor2):
        return True
    # Only a battle with a side still unknown can take a new fighter.
    return host.actors.actor2 is None and on.event_type_of(host.label) == on.BATTLES


def other_incidents(drafts: list[Draft], draft: Draft) -> list[tuple[int, int]]:
    """Character ranges of the sentences that tell violent incidents other than ``draft``'s
    ("On Monday, a car bomb killed four people in an attack claimed by a group" after
    "shells hit the market on Friday"): what they say is not its."""
    own = {(span.start, span.end) for span in draft.spans}
    others: list[tuple[int, int]] = []
    for other in drafts:
        if not live(other) or other.sentence == draft.sentence:
            continue  # itself, or another reading of its own sentence
        first, second = (draft, other) if draft.sentence < other.sentence else (other, draft)
        spans = {(span.start, span.end) for span in other.spans}
        if sameness.same(first, second):
            own |= spans  # a sentence that tells this incident too is not elsewhere
        else:
            others.extend(spans)
    return [span for span in dict.fromkeys(others) if span not in own]
