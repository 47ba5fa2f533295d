"""One article's incident told twice, joined after fusion.

News tells an incident twice: the headline or lead, then the body ("Air strikes kill
12 in Idlib", then "warplanes struck the town of X in the Idlib countryside, killing
12"). The events stage may keep the two as two reports, and fusion keep them apart
(their days a day off: the headline's is the report's), so the user is shown one
incident as two events. After fusion, two fused events holding reports of one article
are joined when they agree: the same modality and event type, one perpetrator (or one
unnamed, or two states' air forces for one air strike), one place inside the other (or
the same place), days that meet (at most a day apart where one is not stated or the
later is only a report's day, "media reported Tuesday"; neither window wide) and at least
one toll (a detail sentence may give part of the dead or an earlier count: ACLED codes
one side's attack of one type, place and day as one event; a chemical attack and the air
strike that dropped the gas are one, coded as the chemical weapon; a blast told without
its cause, "a fuel store blew up", and the strike or shelling that caused it are one, coded
by the strike); and the article's two reports are told in different sentences, the later
adds no dead ("six more were killed") and opens no other incident ("another", "also",
"elsewhere"). Two reports whose one figure comes from one sentence are not the toll told
twice. One assault is a battle to one telling and an attack on civilians to another
("ISIS kills 50 in attack on villages", then the clash with their defenders): an armed
clash and an attack join when the attacker is one of the battle's sides or left unnamed,
and the telling with both sides known (then the more confident) gives the joined event
its type, sides and toll.

Joining happens on the fused clusters, so fusion's comparisons and merge order are
untouched: the joined event is fused again from both clusters' reports (voted place:
the most precise; date: the stated one; toll: as fusion combines them).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import combinations
from typing import TYPE_CHECKING

from crosswire.crosscheck import geo
from crosswire.crosscheck.days import iso_ordinal
from crosswire.events import ontology as on
from crosswire.events.sameness import opens_elsewhere
from crosswire.geo.confidence import is_seat
from crosswire.geo.normalize import translit_key
from crosswire.model import Event, Place, SourceSpan

if TYPE_CHECKING:  # fusion calls this module
    from crosswire.crosscheck.fusion import Report

# Words that add dead or another strike to what was told before ("six more were
# killed", "also struck"); not "more than 50", a toll's own bound, nor "and others
# wounded" or "many more wounded", the wounded.
_WOUNDED = r"(?!\s+(?:were\s+|being\s+)?(?:wounded|injured|hurt))"
_ANOTHER = re.compile(
    rf"\b(?:also|another|more(?!\s+than){_WOUNDED}|further|additional|besides|in\s+addition"
    rf"|second|others{_WOUNDED})\b",
    re.I,
)
# Days two tellings of one incident may lie apart (a headline dated by the report), and
# the widest window either may have.
GAP_DAYS = 1
WIDEST_DAYS = 3
NEAR_KM = 5.0
# How far a seat's suburbs reach across its province line (Damascus and the towns of the
# province around it): a town's own reach.
SUBURB_KM = geo.TOWN_RADIUS_KM
# Incidents a headline and a body tell twice; a strategic development has no such identity
# ("set up a base", "pushed forces" of one front are two).
_VIOLENT = frozenset({on.BATTLES, on.EXPLOSIONS, on.VIOLENCE_AGAINST_CIVILIANS})
# One assault is a battle to one telling and an attack on civilians to another: a lead's
# "ISIS kills 50 in attack on villages", the body's clash with the army that defended them
# (civilians and fighters among the dead; ACLED codes one event).
_CLASH_AND_ATTACK = frozenset({on.ARMED_CLASH, on.ATTACK})
# A chemical attack and the air strike that dropped it ("gas dropped with barrel bombs",
# then "the air raid killed 30"): one incident, which ACLED codes by the weapon.
_GAS_CARRIER = frozenset({on.CHEMICAL, on.AIR_STRIKE})
# A blast told without its cause ("a fuel store blew up", "blasts tore through the
# market") and the air strike or shelling that caused it: one incident, which
# ACLED codes by the strike. Not a bomb that was set ("car bomb", "suicide"), which a
# strike of that day does not explain.
_CAUSES = frozenset({on.AIR_STRIKE, on.SHELLING})
_SET_BOMB = re.compile(
    r"\b(?:car|truck|bus|vehicle|motorcycle|suicide|booby|roadside|planted|land\s*mines?|ieds?)\b",
    re.I,
)


@dataclass(frozen=True, kw_only=True, slots=True)
class Known:
    """What fusion knows: places by id, whether two sub-event types may be one
    incident's, whether an actor is an unnamed one ("Unidentified Armed Group") and
    whether it is a state's forces (of any country)."""

    places: Mapping[str, Place]
    kin: Callable[[str, str], bool]
    unidentified: Callable[[str | None], bool]
    state: Callable[[str | None], bool] = lambda _actor: False


def join_retold(
    clusters: Sequence[list[Report]],
    fused: Sequence[Event],
    fuse: Callable[[list[Report]], Event],
    known: Known,
    finish: Callable[[list[Report], Event], Event] = lambda _reports, event: event,
) -> list[Event]:
    """``fused`` (one event per cluster) with each article's incident told twice joined:
    the joined event is ``fuse`` of both clusters' reports, in the first one's place.
    ``finish`` then sees each event with its reports (fusion's recoding by means).
    """
    parent = list(range(len(clusters)))
    members = [list(c) for c in clusters]
    events = list(fused)
    leads: dict[int, Event] = {}  # a clash and an attack joined: the telling that speaks
    gassed: set[int] = set()  # a chemical attack joined with its carrier's telling
    for left, right in _sharing(clusters):
        a, b = _root(parent, left), _root(parent, right)
        if a == b or not _retold(events[a], events[b], members[a], members[b], known):
            continue
        if a in gassed or b in gassed or _gas_and_carrier(events[a], events[b]):
            gassed.add(a)
        cause = _cause_of_blast(events[a], events[b], known)
        if cause is not None:
            leads[a] = cause
        elif a in leads or b in leads or events[a].event_type != events[b].event_type:
            told = (leads.get(a, events[a]), leads.get(b, events[b]))
            leads[a] = max(told, key=_speaks)
        members[a] = sorted(members[a] + members[b], key=lambda r: r.order)
        events[a] = _at_town(_as_told_by(fuse(members[a]), leads.get(a)), members[a], known)
        events[a] = _by_weapon(events[a]) if a in gassed else events[a]
        parent[b] = a
    return [finish(members[n], events[n]) for n in range(len(clusters)) if parent[n] == n]


def _speaks(event: Event) -> tuple[int, float]:
    """Which telling leads: both sides known first ("ISIS" and its target, not a toll
    with no target), then the events stage's confidence."""
    return (sum(a is not None for a in (event.actor1, event.actor2)), event.confidence or 0.0)


def _as_told_by(joined: Event, lead: Event | None) -> Event:
    """The joined event with the leading telling's type, sides and toll where the two
    differ in type: fusion's votes would pair one telling's attacker with the other's
    target ("YPG" against "civilians") and take the lower toll of a part ("five of
    the attackers")."""
    if lead is None:
        return joined
    return replace(
        joined,
        event_type=lead.event_type,
        sub_event_type=lead.sub_event_type,
        reported_type=lead.reported_type,
        actor1=lead.actor1,
        actor2=lead.actor2,
        assoc_actor1=lead.assoc_actor1,
        assoc_actor2=lead.assoc_actor2,
        fatalities=lead.fatalities,
        fatalities_low=lead.fatalities_low,
        fatalities_high=lead.fatalities_high,
        fatalities_best=lead.fatalities_best,
        fatalities_text=lead.fatalities_text,
        civilian_targeting=lead.civilian_targeting,
        confidence=lead.confidence,
        reasons=lead.reasons,
    )


def _gas_and_carrier(left: Event, right: Event) -> bool:
    """One telling is a chemical attack, the other the air strike that dropped it."""
    return {left.sub_event_type, right.sub_event_type} == _GAS_CARRIER


def _cause_of_blast(left: Event, right: Event, known: Known) -> Event | None:
    """The air strike or shelling telling where the other is a blast it caused: the
    blast's perpetrator unnamed, its dead no more than the strike's (a district's share
    or the same), and neither telling names a bomb that was set."""
    blast, cause = (left, right) if left.sub_event_type == on.REMOTE_EXPLOSIVE else (right, left)
    if blast.sub_event_type != on.REMOTE_EXPLOSIVE or cause.sub_event_type not in _CAUSES:
        return None
    if blast.actor1 is not None and not known.unidentified(blast.actor1):
        return None
    if blast.fatalities is not None and (cause.fatalities or 0) < blast.fatalities:
        return None
    said = " ".join(s.text for e in (left, right) for s in e.sources)
    return None if _SET_BOMB.search(said) else cause


def _by_weapon(joined: Event) -> Event:
    """A chemical attack joined with its carrier's telling is coded by the weapon."""
    if joined.sub_event_type == on.CHEMICAL:
        return joined
    return replace(
        joined,
        event_type=on.EXPLOSIONS,
        sub_event_type=on.CHEMICAL,
        reported_type=joined.reported_type or joined.sub_event_type,
    )


def _at_town(joined: Event, reports: Sequence[Report], known: Known) -> Event:
    """The joined event at the town of its province a telling at the seat stood for ("in
    Idlib", then "in Saraqib": Saraqib): fusion's vote ranks a seat and a town alike.
    Placed at the town, the event no longer holds the seat's other towns (two towns, two
    incidents). A suburb across the province line does not move it: the capital itself
    is as often the target ("rockets on Damascus", revenge for strikes on its suburbs)."""
    seat = known.places.get(joined.place) if joined.place else None
    if seat is None:
        return joined
    towns = Counter(
        r.event.place
        for r in reports
        if r.event.place not in (None, joined.place)
        and (town := known.places.get(r.event.place)) is not None
        and geo.rank(town) <= geo.rank(seat)
        and _seat_of(seat, town, suburbs=False)
    )
    return replace(joined, place=towns.most_common(1)[0][0]) if towns else joined


def _root(parent: list[int], node: int) -> int:
    while parent[node] != node:
        node = parent[node]
    return node


def _sharing(clusters: Sequence[list[Report]]) -> Iterator[tuple[int, int]]:
    """Pairs of clusters holding reports of one article, earliest first."""
    by_article: dict[str, list[int]] = {}
    for number, cluster in enumerate(clusters):
        for article in dict.fromkeys(r.article for r in cluster):
            by_article.setdefault(article, []).append(number)
    pairs = {pair for numbers in by_article.values() for pair in combinations(numbers, 2)}
    yield from sorted(pairs)


def _retold(
    left: Event,
    right: Event,
    mine: list[Report],
    theirs: list[Report],
    known: Known,
) -> bool:
    places = known.places
    if not _alike(left, right, known) or not _some_toll(left, right):
        return False
    if not (_nested(left, right, places) and _days_meet(left, right, mine, theirs)):
        return False
    articles = {r.article for r in mine} & {r.article for r in theirs}
    return any(
        _told_again(x, y, places)
        for x in mine
        for y in theirs
        if x.article == y.article and x.article in articles
    )


def _alike(left: Event, right: Event, known: Known) -> bool:
    """One modality and violent type, kin sub-types, and no two perpetrators named (a
    headline's named side and the body's unnamed one are not two)."""
    if left.background or right.background or left.modality != right.modality:
        return False
    if {left.sub_event_type, right.sub_event_type} == _CLASH_AND_ATTACK:
        return _one_assault(left, right, known)
    if left.event_type != right.event_type or left.event_type not in _VIOLENT:
        return False
    if _cause_of_blast(left, right, known) is not None:
        return True
    if not (known.kin(left.sub_event_type, right.sub_event_type) or _gas_and_carrier(left, right)):
        return False
    sides = {left.actor1, left.actor2, right.actor1, right.actor2}
    swapped = left.event_type == on.BATTLES and sides == {left.actor1, left.actor2}
    # An unnamed side beside a named one only for one sub-type: the body's "20 killed in
    # the attacks" under the headline's "regime barrel bombs kill 20", not rebel shells
    # under the regime's air strikes.
    unnamed = left.sub_event_type == right.sub_event_type and any(
        known.unidentified(a) for a in (left.actor1, right.actor1)
    )
    # Two states' air forces striking together ("regime and Russian warplanes"): one
    # sentence names one, the next the other, for one air strike.
    allied = (
        left.sub_event_type == right.sub_event_type == on.AIR_STRIKE
        and known.state(left.actor1)
        and known.state(right.actor1)
    )
    same = None in (left.actor1, right.actor1) or left.actor1 == right.actor1
    return same or swapped or unnamed or allied


def _one_assault(left: Event, right: Event, known: Known) -> bool:
    """A clash and an attack on civilians told of one assault: its perpetrator is one of
    the battle's sides, or either leaves it unnamed."""
    clash, attack = (left, right) if left.sub_event_type == on.ARMED_CLASH else (right, left)
    if attack.actor1 is None or known.unidentified(attack.actor1):
        return True
    return attack.actor1 in (clash.actor1, clash.actor2)


def _some_toll(left: Event, right: Event) -> bool:
    """At least one states a toll; two without a toll say too little ("struck
    positions", then "ambushed a group": two incidents). Two tolls may differ: a detail
    sentence gives part of the dead or an earlier count ("eight of them in the market",
    "the toll rose to"), and ACLED codes one perpetrator's attack of one type, place and
    day as one event; the fused toll is then the credible one (``fusion._credible``)."""
    return left.fatalities is not None or right.fatalities is not None


def _nested(left: Event, right: Event, places: Mapping[str, Place]) -> bool:
    """The same place, or one inside the other (a province and a town of it); two towns
    are two incidents."""
    if left.place is None or right.place is None:
        return False
    if left.place == right.place:
        return True
    here, there = places.get(left.place), places.get(right.place)
    if here is None or there is None:
        return False
    if _seat_of(here, there) or _seat_of(there, here):
        return True
    if geo.rank(here) == geo.rank(there):
        return False
    outer, inner = (here, there) if geo.rank(here) > geo.rank(there) else (there, here)
    if outer.feature == "admin1":
        return geo.contains(outer, inner) is True
    if outer.feature == "admin2" and geo.fold(outer.admin1) != geo.fold(inner.admin1):
        return False
    # A district within its reach, or a town's own site (``geo.compatible``).
    return geo.rank(outer) <= geo.FEATURE_RANK["admin2"] and geo.compatible(outer, inner, NEAR_KM)


def _seat_of(seat: Place, town: Place, *, suburbs: bool = True) -> bool:
    """``seat`` is its province's seat (the town that shares its province's name, "in
    Idlib", "Aleppo" of Ḩalab, or a capital) and ``town`` lies in that province or among
    its suburbs across the province line ("Douma, outside Damascus"): a headline's "in
    Idlib" or "near the capital" and the body's town are one area, as a province and its
    town are."""
    if seat.feature == "admin1" or seat.admin1 is None or town.country_code != seat.country_code:
        return False
    if not (is_seat(seat) or seat.feature == "capital" or geo.names_own_region(seat)):
        return False
    if town.admin1 is not None and translit_key(town.admin1) == translit_key(seat.admin1):
        return True
    gap = geo.distance_km(seat, town)
    return suburbs and gap is not None and gap <= SUBURB_KM


def _window(event: Event) -> tuple[int, int] | None:
    """The event's days as ordinals; None unless both ends are days (a month is too wide)."""
    if not event.date_start:
        return None
    start = iso_ordinal(event.date_start, end=False)
    end = iso_ordinal(event.date_end or event.date_start, end=True)
    if start is None or end is None:
        return None
    return (start, end) if 0 <= end - start < WIDEST_DAYS else None


def _days_meet(
    left: Event, right: Event, mine: Sequence[Report] = (), theirs: Sequence[Report] = ()
) -> bool:
    """The windows overlap, or lie a day apart where one is not stated or the later one's
    reports state its day only as their report's ("killed 31, media reported Tuesday"
    beside "struck on Monday", "the toll rose to 115 on Friday"): a headline's day is
    often the report's; two days stated as incidents' are two incidents ("fighting
    killed 18 on Friday", then "fresh fighting on Saturday")."""
    first, second = _window(left), _window(right)
    if first is None or second is None:
        return False
    gap = max(first[0], second[0]) - min(first[1], second[1])
    stated = left.date_text is not None and right.date_text is not None
    later, told = (left, mine) if first[0] > second[0] else (right, theirs)
    stating = [
        r.event
        for r in told
        if not r.background and r.event.date_text and r.event.date_start == later.date_start
    ]
    reported = later.date_reported or (bool(stating) and all(e.date_reported for e in stating))
    return gap <= 0 or (gap <= GAP_DAYS and (not stated or reported))


def _told_again(first: Report, second: Report, places: Mapping[str, Place]) -> bool:
    """One article's two reports tell one incident: other sentences, tolls that agree
    (not one figure of one sentence), and the later opens nothing new."""
    if not (first.event.sources and second.event.sources):
        return False
    if _overlap(first.event.sources, second.event.sources):
        return False
    if first.event.fatalities is not None and _one_figure(first.event, second.event):
        return False
    if not _nested(first.event, second.event, places) and not _unplaced(first, second):
        return False
    # Either may be the body's: a lead can come back after the body's other reports.
    told = _telling(first, second) + _telling(second, first)
    text = " ".join(s.text for s in told)
    return not (_ANOTHER.search(text) or opens_elsewhere(text))


def _telling(report: Report, other: Report) -> list[SourceSpan]:
    """The report's sentences of its article; of a blast beside a strike only the first,
    which tells it: the later ones give its dead by district ("nine in X, two others in
    Y"), shares of the strike's toll, not another incident."""
    spans = [s for s in report.event.sources if s.article == report.article]
    blast = report.event.sub_event_type == on.REMOTE_EXPLOSIVE
    return spans[:1] if blast and other.event.sub_event_type in _CAUSES else spans


def _unplaced(first: Report, second: Report) -> bool:
    return first.event.place is None or second.event.place is None


def _overlap(mine: Sequence[SourceSpan], theirs: Sequence[SourceSpan]) -> bool:
    return any(
        a.article == b.article and a.start < b.end and b.start < a.end for a in mine for b in theirs
    )


def _one_figure(first: Event, second: Event) -> bool:
    """Both took their toll from one sentence: one figure, not the toll told twice."""
    figure = first.fatalities_text
    if not figure or figure != second.fatalities_text:
        return False
    where = [next((s.start for s in e.sources if figure in s.text), None) for e in (first, second)]
    return where[0] is not None and where[0] == where[1]
