"""Fusing reports of one event from many articles.

Two reports can be one event when every test passes:

- type: the same sub-event type, or two that reporters use for one incident
  (``SUB_EVENT_FAMILIES``: an armed clash and a government retaking the town;
  an air strike and a missile attack), or two of remote violence by one
  named perpetrator (one outlet's air strike is another's explosion);
- date: their ranges overlap. A date counts as stated only when the report
  read it from a date expression (``Event.date_text``); a report whose date was
  inferred (from the article's date or an earlier sentence) or that has none
  happened in the ``recent_days`` up to its article's publication. A stated
  day told with the hours around midnight ("late Thursday", "early Friday",
  "overnight") reaches into the next or the previous day. A range
  longer than ``max_span_days`` sums up a period and is not one event, and a
  report with no date and an undated article fuses with no other article's.
  Across articles a report's window must also be at most ``link_span_days``
  (an undated report's own few days and a night): a report known only to lie
  somewhere in a week ("between the 21st and the 26th", a day inferred from an
  earlier sentence up to its article's publication) fits every incident of that
  week in its town, so it would link reports of different days into one event;
- place: the same place, towns within ``near_km``, a town and a site of it
  (its port, a district), or an area and a place inside it
  (``crosswire.crosscheck.geo``). A report with no place agrees with no other
  article's (``require_place``). The fused event takes the most precise place
  its sources give, most sources first (a site with no GeoNames id is no more
  precise than its town);
- actors: each side is the same actor, unknown on one side, or two names one
  outlet and another give one side (``_one_side``): two state actors of one
  country ("the army" and "the government"), a state's forces and the coalition
  it leads ("US-led strikes", "the international coalition"), rebels named only
  as such and a named rebel group of their country. Battles have no
  direction, so their sides may be swapped. In remote violence, civilians on
  the struck side fit any target: one outlet names the base hit, another the
  civilians killed beside it. An unnamed perpetrator ("terrorists") does not
  fit a named one where one tells an air strike and the other shelling, each
  with its own toll (rockets killing two beside a state's air strikes killing
  45 on one town and day: the other side's attack, ``_other_means``). The fused
  event's sides are each the actor most
  sources give it, a named one before an unidentified group; a battle's report
  whose sides fit both ways is turned so that a named actor meets its own side,
  never one actor on both sides from two lines' halves (``Fuser._flipped``).

These are gates. Two articles' reports that pass them are then scored
(``crosswire.crosscheck.linkage``: a logistic comparison of how closely type,
place, dates, sides and tolls agree and how sure the events stage is of each,
weights fitted on the FA-KES tune half) and link only when the score reaches
``min_match``; the score also orders the merges.

Only candidates are compared (blocking, as record linkage does): reports of one
modality and of sub-event types that may fit (``kinds``) that share a date block
(``block_days`` wide) and a locality cell (country and first-level region; a
country-wide place meets its country's regions), or one article. The
comparisons grow with the reports per block, about linearly with the corpus;
towns within ``near_km`` of each other across a regional border are not
compared.

Reports are clustered complete-link: a report joins an event only when it is
compatible with every report already in it, so a vague report cannot chain two
distinct events together. Two articles' reports that the events stage both
doubts (confidence under ``DOUBTFUL``, the brief's display threshold:
background lines, commentary, page furniture) and that are not one wire text
(``COPY_WORDS``) may share an event but never merge two by themselves: a
surer report must link them, else their agreeing on type, town and days would
make a doubtful event look corroborated. Merges happen best pair first (``_affinity``, plus
the scored comparison across articles). A cluster whose
reports' dates still span more than ``max_span_days``, or whose reports' dates
lie more than ``split_days`` apart, is split at its widest gap
(``split_long``): an event reported across weeks is two events.

A fused event keeps every evidence span (earliest article first, so its id,
hashed from the first span, stays put as later reports arrive), counts
independent sources (``crosswire.crosscheck.sources``: copies and pieces of
one outlet count once, and a report that credits another outlet of the corpus
counts as that outlet) and lists the fields
its sources disagree on as ``(field, JSON {article id: value})``.

A background report (``Event.background``: history, or a passing mention that
names nothing about the event) fuses like any other, but its span goes to the
event's ``mentions`` and its article is no source, unless every report of the
event is background: then they are its sources and the event is background.

Fatalities: ``fatalities`` is ACLED's conservative figure, the lowest credible toll a
source reports (an exact figure over "dozens"; a report of much lower confidence than the
best one only when it gives a source's count, see ``_credible``), each article counting
with its own figure for the incident, not a part of it it gives too (``_wholes``);
``fatalities_low``/``fatalities_high`` are UCDP's low and high
(the lowest low and the highest high, where an open "at least N" counts as N);
``fatalities_best`` is the median (the lower middle value) of the tolls the
independent sources report, each source's own toll being the median of its
reports.

Only reports of the same modality fuse. The ``fuse`` stage keeps asserted
events and, when asked, flagged ones (negated, planned, ...) with their
modality on them.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, TypeVar

from crosswire.crosscheck import geo, groups, linkage, quantities, retold
from crosswire.crosscheck.cluster import complete_link
from crosswire.crosscheck.days import iso_ordinal
from crosswire.crosscheck.sources import SourceIndex
from crosswire.crosscheck.text import terms
from crosswire.events.ontology import AIR_STRIKE, ATTACK, SHELLING, event_type_of
from crosswire.figures.find import parse_number
from crosswire.model import Analysis, Entity, Event, Place, SourceSpan

T = TypeVar("T")

SUB_EVENT_FAMILIES: tuple[frozenset[str], ...] = tuple(
    frozenset(family)
    for family in (
        {"Armed clash", "Government regains territory", "Non-state actor overtakes territory"},
        {"Air/drone strike", "Shelling/artillery/missile attack"},
        {"Remote explosive/landmine/IED", "Suicide bomb", "Grenade"},
        {
            "Peaceful protest",
            "Protest with intervention",
            "Excessive force against protesters",
            "Violent demonstration",
        },
        {"Violent demonstration", "Mob violence"},
        {"Attack", "Abduction/forced disappearance"},
        {"Looting/property destruction", "Attack"},
    )
)
UNDIRECTED_TYPES = frozenset({"Battles"})
REMOTE_VIOLENCE = "Explosions/Remote violence"
# Remote violence from the air and from the ground: kin types, but two arms (``_other_means``).
TWO_ARMS = frozenset({AIR_STRIKE, SHELLING})
# The actor kind of ACLED's generic unnamed perpetrator (crosswire.actors.dictionary).
UNIDENTIFIED_KIND = "unidentified_armed_group"
CIVILIANS_KIND = "civilians"
STATE_INTER_CODE = 1
EXTERNAL_KIND = "external_forces"  # a coalition or mission, its country the one leading it
REBEL_KIND = "rebel_group"
GENERIC_REBELS = "rebels:"  # canonical key prefix of the generic "Opposition Rebels (X)"
AFFINITY_MATCH = 1.0  # weight of the scored comparison in the merge order across articles
DOUBTFUL = 0.05  # events.confidence.SHOW_THRESHOLD: below it an event is hidden by default
COPY_WORDS = 0.5  # evidence sharing this much of its content words is one wire text
PRECISION_ORDER = {"day": 0, "week": 1, "month": 2, "year": 3}


# A locality block: (country, first-level region). "*" for the region of a place that
# covers a whole country or names none: it meets every region of its country.
Cell = tuple[str, str]
ANY_REGION = "*"


def _cell(place_id: str | None, place: Place | None) -> Cell | None:
    if place is not None:
        return locality_cell(place)
    return ("?", place_id) if place_id else None  # a place with no record: its id alone


def locality_cell(place: Place) -> Cell:
    """The block a place's reports are compared in (see ``Fuser.candidate_pairs``)."""
    region = place.admin1 or (place.name if place.feature == "admin1" else None)
    if place.country_code is None:
        return ("?", place.id)  # unresolved: only the same name can meet it
    return (place.country_code, geo.fold(region) if region else ANY_REGION)


# The cell of placeless reports, when they may fuse: it meets every cell.
NOWHERE: Cell = ("", "")


def _cells_meet(cell: Cell, other: Cell) -> bool:
    """Whether two different cells of a date block are compared: a country-wide cell
    with its country's regions; the placeless cell with all."""
    if cell == other or other == NOWHERE:
        return False
    return cell == NOWHERE or (cell[1] == ANY_REGION and cell[0] == other[0])


def _one_side(a: Entity, b: Entity) -> bool:
    """Two actors of one country one outlet may name where another names the other:
    two state actors ("the army", "the government"); a state's forces and the
    coalition it leads ("US-led air strikes", "the international coalition"); rebels
    named only as such and a named rebel group of that country."""
    if a.inter_code == STATE_INTER_CODE:
        return b.inter_code == STATE_INTER_CODE or b.kind == EXTERNAL_KIND
    return a.canonical_key.startswith(GENERIC_REBELS) and b.kind == REBEL_KIND


def types_compatible(left: str, right: str) -> bool:
    if left == right:
        return True
    return any(left in family and right in family for family in SUB_EVENT_FAMILIES)


# A day told with the hours around midnight reaches into the next or the day before:
# one outlet's "late Thursday" or "Thursday night" is another's "early Friday".
_INTO_NEXT = re.compile(r"\b(?:late|night|overnight|midnight)\b", re.I)
_INTO_PREVIOUS = re.compile(r"\b(?:early|dawn|pre-dawn|overnight|midnight)\b", re.I)


def _overnight(text: str, day: float) -> tuple[float, float]:
    """The window of a stated day: the day, widened by a night its words tell of."""
    return (day - bool(_INTO_PREVIOUS.search(text)), day + bool(_INTO_NEXT.search(text)))


def _too_early(guessed: Report, stated: Report) -> bool:
    """An undated report, dated only by its article's day, and another article's stated
    day more than ``UNDATED_REACH`` days before that: news tells the day's or the
    previous day's incident undated, an older one with its day ("two days after the
    fighting"), so the undated report tells a later incident of the place. A passing
    mention (background) names an incident of any earlier day undated ("the agreement
    stops the bloodshed")."""
    return (
        guessed.guessed
        and not guessed.background
        and stated.dated
        and stated.end < guessed.end - UNDATED_REACH
    )


# How many days before its article's day an undated report may have happened, against
# another article's stated day (``_too_early``).
UNDATED_REACH = 1


@dataclass(frozen=True, slots=True)
class Report:
    """One article's report of an event, with what fusion needs to compare it."""

    event: Event
    article: str
    source: str  # independent source key
    order: tuple[str, str]  # (published, article id): earliest first
    start: float  # day ordinals; open (-inf/inf) when nothing bounds them
    end: float
    place: Place | None
    dated: bool  # the evidence states the date
    # Not stated, and only the article's own day: a guess, weaker than a day the text implies.
    guessed: bool = False
    cell: Cell | None = None  # locality block: see ``locality_cell``
    words: frozenset[str] = frozenset()  # content words of the evidence
    # The event as the events stage coded it, where ``event`` is it as told (``as_told``).
    coded: Event | None = None
    places_named: frozenset[str] = frozenset()  # places under a country its evidence names

    @property
    def final(self) -> Event:
        """The event as coded: what a fused event's type comes from."""
        return self.coded if self.coded is not None else self.event

    @property
    def background(self) -> bool:
        return self.event.background

    @property
    def bounded(self) -> bool:
        return math.isfinite(self.start) and math.isfinite(self.end)

    @property
    def span_days(self) -> float:
        return self.end - self.start + 1


@dataclass(frozen=True, kw_only=True, slots=True)
class FusionSettings:
    near_km: float = 5.0
    date_slack_days: int = 0
    max_span_days: int = 31
    split_days: int = 7  # a fused event whose reports' dates lie further apart is split
    # A report whose date window is wider than this links to no other article's report.
    link_span_days: int = 4
    recent_days: int = 2  # news reports what happened on the day or the two before
    block_days: int = 7  # width of the date blocks candidates are looked for in
    require_place: bool = True  # a report with no place fuses with no other article's
    # Two articles' reports that pass the gates link when their scored comparison
    # (``crosswire.crosscheck.linkage``) reaches this.
    min_match: float = 0.3

    @property
    def cross_span_days(self) -> int:
        """The widest date window a report may have to link another article's report."""
        return min(self.max_span_days, self.link_span_days)


class Fuser:
    """Fuse the events of many analyses (see the module docstring)."""

    def __init__(
        self,
        analyses: Sequence[Analysis],
        sources: SourceIndex,
        settings: FusionSettings | None = None,
    ) -> None:
        self.settings = settings or FusionSettings()
        self.sources = sources
        self.comparisons = 0  # report pairs tested for compatibility, to show blocking
        self.places: dict[str, Place] = {}
        self.entities: dict[str, Entity] = {}
        for analysis in analyses:
            for place in analysis.places:
                self.places.setdefault(place.id, place)
            for entity in analysis.entities:
                self.entities.setdefault(entity.id, entity)
        self.reports = [
            self._report(analysis, event) for analysis in analyses for event in analysis.events
        ]

    def _report(self, analysis: Analysis, event: Event) -> Report:
        article = analysis.article
        published = self.sources.published.get(article)
        start = iso_ordinal(event.date_start, end=False) if event.date_start else None
        end = iso_ordinal(event.date_end or event.date_start or "", end=True)
        stated = start is not None and event.date_text is not None
        if stated:
            low = float(start)  # type: ignore[arg-type]
            high = float(end if end is not None and end >= low else low)
            if high == low:
                low, high = _overnight(event.date_text or "", low)
        else:
            # Not stated: it happened lately, up to the article's publication.
            last = iso_ordinal(published, end=True) if published else None
            high = math.inf if last is None else float(last)
            low = -math.inf if last is None else high - self.settings.recent_days
            if start is not None:
                low, high = min(low, float(start)), max(high, float(end or start))
        evidence = " ".join(span.text for span in event.sources)
        place = self.places.get(event.place) if event.place else None
        return Report(
            event=as_told(event),
            coded=event if event.reported_type is not None else None,
            article=article,
            source=self.sources.passage_key(article, evidence),
            order=(published or "9999", article),
            start=low,
            end=high,
            place=place,
            dated=stated,
            guessed=not stated
            and (event.date_start is None or (published or "")[:10] == event.date_start[:10]),
            cell=_cell(event.place, place),
            words=frozenset(terms(evidence)),
            places_named=_places_named(analysis, event),
        )

    # -- compatibility -------------------------------------------------------

    def _unidentified(self, actor: str | None) -> bool:
        """An unnamed perpetrator ("Unidentified Armed Group"): unknown, not a side."""
        entity = self.entities.get(actor) if actor else None
        return entity is not None and entity.kind == UNIDENTIFIED_KIND

    def _state(self, actor: str | None) -> bool:
        """A state's own forces (ACLED inter code 1), of whatever country."""
        entity = self.entities.get(actor) if actor else None
        return entity is not None and entity.inter_code == STATE_INTER_CODE

    def _same_side(self, left: str | None, right: str | None) -> bool:
        if left is None or right is None or left == right:
            return True
        if self._unidentified(left) or self._unidentified(right):
            return True  # one report does not name whom another names
        a, b = self.entities.get(left), self.entities.get(right)
        if a is None or b is None or a.country_code is None or a.country_code != b.country_code:
            return False
        return _one_side(a, b) or _one_side(b, a)

    def _civilians(self, actor: str | None) -> bool:
        entity = self.entities.get(actor) if actor else None
        return entity is not None and entity.kind == CIVILIANS_KIND

    def _actors_fit(self, left: Event, right: Event, *, swapped: bool) -> bool:
        r1, r2 = (right.actor2, right.actor1) if swapped else (right.actor1, right.actor2)
        if not self._same_side(left.actor1, r1) or _other_means(left, right, self._unidentified):
            return False
        # A strike's victims: one outlet names the target, another the civilians killed
        # beside it; both are the struck side.
        struck = left.event_type == right.event_type == REMOTE_VIOLENCE and not swapped
        if struck and (self._civilians(left.actor2) or self._civilians(r2)):
            return True
        return self._same_side(left.actor2, r2)

    def _orientation(self, left: Event, right: Event) -> bool | None:
        """Whether ``right``'s sides must be swapped to meet ``left``'s; None when they cannot."""
        if self._actors_fit(left, right, swapped=False):
            return False
        undirected = left.event_type in UNDIRECTED_TYPES and right.event_type in UNDIRECTED_TYPES
        if undirected and self._actors_fit(left, right, swapped=True):
            return True
        return None

    def compatible(self, left: Report, right: Report) -> bool:
        """Type, date, locality and actors all agree (see the module docstring), and
        across articles the scored comparison reaches ``min_match``."""
        self.comparisons += 1
        if not self.agree(left, right):
            return False
        return left.article == right.article or self.match(left, right) >= self.settings.min_match

    def _types_fit(self, left: Event, right: Event) -> bool:
        """Sub-event types reporters use for one incident, or two of remote violence by
        one named perpetrator: one outlet's "air strike" is another's "shelling" or
        "explosion". With no named perpetrator a barrel bomb and a rocket attack on one
        town and day are as likely two incidents."""
        if types_compatible(left.sub_event_type, right.sub_event_type):
            return True
        return (
            left.event_type == right.event_type == REMOTE_VIOLENCE
            and left.actor1 is not None
            and left.actor1 == right.actor1
            and not self._unidentified(left.actor1)
        )

    def agree(self, left: Report, right: Report) -> bool:
        """The gates: type family, overlapping dates, compatible places, fitting sides."""
        a, b = left.event, right.event
        if a.modality != b.modality or not self._types_fit(a, b):
            return False
        if not (self._dates_fit(left, right) and self._places_fit(left, right)):
            return False
        return self._orientation(a, b) is not None

    def match_features(self, left: Report, right: Report) -> dict[str, float]:
        """The comparison vector of two reports that agree (``crosswire.crosscheck.linkage``)."""
        a, b = left.event, right.event
        named = sum(
            1
            for x, y in self._aligned_sides(a, b)
            if x is not None and x == y and not self._unidentified(x)
        )
        return linkage.features(_side(left), _side(right), named)

    def match(self, left: Report, right: Report) -> float:
        """How likely two reports that agree are one incident, in [0, 1]."""
        return linkage.match_probability(self.match_features(left, right))

    def _dates_fit(self, left: Report, right: Report) -> bool:
        """The dates overlap (within the slack) and neither sums up a period. Across
        articles both must be bounded (a report with no date and no publication date
        could be from any year) and neither wider than ``link_span_days``."""
        same_article = left.article == right.article
        if not same_article and not (left.bounded and right.bounded):
            return False
        slack = self.settings.date_slack_days
        if left.start > right.end + slack or right.start > left.end + slack:
            return False
        if not same_article and (_too_early(left, right) or _too_early(right, left)):
            return False
        longest = self.settings.max_span_days if same_article else self.settings.cross_span_days
        return all(r.span_days <= longest for r in (left, right) if r.dated or not same_article)

    def _places_fit(self, left: Report, right: Report) -> bool:
        a, b = left.event.place, right.event.place
        if a is None or b is None:
            # No locality on one side: it agrees with nothing another article places.
            return not self.settings.require_place or left.article == right.article
        if a == b:
            return True
        if left.place is None or right.place is None:
            return False
        return geo.compatible(left.place, right.place, self.settings.near_km)

    def _affinity(self, left: Report, right: Report) -> float:
        """How alike two compatible reports are; the best pairs merge first."""
        a, b = left.event, right.event
        score = 2.0 * (a.sub_event_type == b.sub_event_type)
        score += 2.0 * (a.place is not None and a.place == b.place)
        score += 2.0 * (left.dated and (left.start, left.end) == (right.start, right.end))
        score += sum(1.0 for x, y in self._aligned_sides(a, b) if x is not None and x == y)
        if left.article != right.article:
            score += AFFINITY_MATCH * self.match(left, right)
        return score

    def _aligned_sides(
        self, left: Event, right: Event
    ) -> tuple[tuple[str | None, str | None], tuple[str | None, str | None]]:
        """The two reports' sides paired up, swapped where a battle's are."""
        if self._orientation(left, right) is True:
            return ((left.actor1, right.actor2), (left.actor2, right.actor1))
        return ((left.actor1, right.actor1), (left.actor2, right.actor2))

    def _flipped(self, reference: Event, event: Event) -> bool:
        """Whether ``event``'s sides are swapped to meet ``reference``'s in the fused
        event. A battle whose sides fit both ways (an unnamed side fits any) is turned
        so that a named actor meets its own name (or its side's: the army and the
        government): rebels told as attackers in one line and as the attacked in
        another are one side, not both."""
        orientation = self._orientation(reference, event)
        if orientation is not False or not (
            reference.event_type in UNDIRECTED_TYPES
            and event.event_type in UNDIRECTED_TYPES
            and self._actors_fit(reference, event, swapped=True)
        ):
            return orientation is True
        straight = ((reference.actor1, event.actor1), (reference.actor2, event.actor2))
        crossed = ((reference.actor1, event.actor2), (reference.actor2, event.actor1))
        return self._named_matches(crossed) > self._named_matches(straight)

    def _named_matches(self, pairs: Iterable[tuple[str | None, str | None]]) -> int:
        """How many of the paired sides two named actors of one side fill."""
        return sum(
            1
            for x, y in pairs
            if x is not None
            and y is not None
            and not (self._unidentified(x) or self._unidentified(y))
            and self._same_side(x, y)
        )

    def _sides(self, aligned: Sequence[tuple[Report, bool]]) -> tuple[str | None, str | None]:
        """The fused event's two sides: each the actor most sources give it, a named one
        before an unidentified group."""
        side1 = self._named_first(_vote_aligned(aligned, first=True), aligned, first=True)
        side2 = self._named_first(_vote_aligned(aligned, first=False), aligned, first=False)
        return side1, side2

    def _named_first(
        self, voted: str | None, aligned: Sequence[tuple[Report, bool]], *, first: bool
    ) -> str | None:
        """A side some report names beats the unidentified group others fell back to."""
        if not self._unidentified(voted):
            return voted
        named = [
            (r, flip)
            for r, flip in aligned
            if not self._unidentified(r.event.actor1 if first != flip else r.event.actor2)
            and (r.event.actor1 if first != flip else r.event.actor2) is not None
        ]
        return _vote_aligned(named, first=first) if named else voted

    # -- clustering ----------------------------------------------------------

    def clusters(self) -> list[list[Report]]:
        reports = self.reports
        groups = complete_link(
            len(reports),
            self.candidate_pairs(),
            lambda i, j: self.compatible(reports[i], reports[j]),
            lambda i, j: self._affinity(reports[i], reports[j]),
            lambda i, j: not _doubtful_pair(reports[i], reports[j]),
        )
        ordered = [
            sorted(part, key=lambda r: r.order)
            for g in groups
            for part in split_long(
                [reports[k] for k in g], self.settings.max_span_days, self.settings.split_days
            )
        ]
        return sorted(ordered, key=lambda g: g[0].order)

    def candidate_pairs(self) -> Iterator[tuple[int, int]]:
        """The pairs worth testing: blocking, as record linkage does.

        A report is filed under its kind (modality and group of sub-event types that
        may fit: ``kinds``), under every date block (``block_days`` wide) its window
        touches and under its article, and within a date block under its locality
        cell. Pairs are formed inside a cell, between a cell and its country's
        "*" cell, and inside an article, of one kind; so the tests grow with the
        reports per block, not with the square of the corpus. Reports with no
        bounded date or no place meet only their own article's.
        """
        seen: set[tuple[int, int]] = set()
        for block in self._blocks():
            for i, j in block:
                pair = (min(i, j), max(i, j))
                if i != j and pair not in seen:
                    seen.add(pair)
                    yield pair

    def _blocks(self) -> Iterator[Iterable[tuple[int, int]]]:
        by_article: dict[tuple[str, Kind], list[int]] = {}
        blocks: dict[tuple[int, Kind], dict[Cell, list[int]]] = {}
        for index, (report, kind) in enumerate(zip(self.reports, kinds(self.reports), strict=True)):
            by_article.setdefault((report.article, kind), []).append(index)
            cell = report.cell or (None if self.settings.require_place else NOWHERE)
            if cell is None or not report.bounded:
                continue
            if report.span_days > self.settings.cross_span_days:
                continue  # it meets only its own article's reports
            for block in self._date_blocks(report):
                blocks.setdefault((block, kind), {}).setdefault(cell, []).append(index)
        for members in by_article.values():
            yield _all_pairs(members)
        for cells in blocks.values():
            for cell, members in cells.items():
                yield _all_pairs(members)
                for other, others in cells.items():
                    if _cells_meet(cell, other):
                        yield ((i, j) for i in members for j in others)

    def _date_blocks(self, report: Report) -> range:
        width = self.settings.block_days
        slack = self.settings.date_slack_days
        return range(int(report.start - slack) // width, int(report.end + slack) // width + 1)

    # -- building fused events ----------------------------------------------

    def fuse(self, on_cluster: Callable[[int, int], None] | None = None) -> list[Event]:
        """The fused events; ``on_cluster(done, total)`` hears each cluster fused. An
        article's incident told twice is joined after fusion (``retold``), so what fusion
        compares stays each report as told."""
        clusters = self.clusters()
        fused = []
        for done, cluster in enumerate(clusters, 1):
            fused.append(self._fused(cluster))
            if on_cluster is not None:
                on_cluster(done, len(clusters))
        known = retold.Known(
            places=self.places,
            kin=types_compatible,
            unidentified=self._unidentified,
            state=self._state,
        )
        return retold.join_retold(clusters, fused, self._fused, known, finish=_by_means)

    def _fused(self, cluster: list[Report]) -> Event:
        reference = min(cluster, key=lambda r: (-_known_sides(r.event), r.order))
        aligned = [(r, self._flipped(reference.event, r.event)) for r in cluster]

        sub_event_type = _vote(cluster, lambda r: r.final.sub_event_type)
        chosen_type = next(r.final for r in cluster if r.final.sub_event_type == sub_event_type)
        told = _vote(cluster, lambda r: r.event.sub_event_type)
        side1, side2 = self._sides(aligned)
        place = _vote(
            cluster,
            lambda r: r.event.place,
            rank=lambda pid: (
                geo.precision(self.places[pid]) if pid in self.places else geo.POINT_RANK
            ),
        )
        dates, stating = _voted_dates(cluster)
        deaths = _fatalities(cluster)
        scored = [r for r in cluster if r.event.confidence is not None]
        best = max(scored, key=lambda r: r.event.confidence or 0.0) if scored else None
        reporting = [r for r in cluster if not r.background] or cluster
        mentioning = [r for r in cluster if r.background] if len(reporting) < len(cluster) else []
        spans = _unique_spans(reporting)
        mentions = [s for s in _unique_spans(mentioning) if s not in spans]
        return Event(
            event_type=chosen_type.event_type,
            sub_event_type=chosen_type.sub_event_type,
            reported_type=told if told != sub_event_type else None,
            actor1=side1,
            actor2=side2,
            assoc_actor1=_union(
                (r.event.assoc_actor2 if flip else r.event.assoc_actor1) for r, flip in aligned
            ),
            assoc_actor2=_union(
                (r.event.assoc_actor1 if flip else r.event.assoc_actor2) for r, flip in aligned
            ),
            place=place,
            date_start=dates[0] if dates else None,
            date_end=dates[1] if dates else None,
            date_precision=dates[2] if dates else None,  # type: ignore[arg-type]
            date_text=stating.date_text if stating else None,
            date_reported=stating.date_reported if stating else False,
            fatalities=deaths.conservative,
            fatalities_low=deaths.low,
            fatalities_high=deaths.high,
            fatalities_best=deaths.best,
            fatalities_text=deaths.text,
            modality=cluster[0].event.modality,
            plover=_vote(cluster, lambda r: r.final.plover),
            cameo=_vote(cluster, lambda r: r.final.cameo),
            sources=spans,
            conflicts=_conflicts(aligned),
            source_count=len({r.source for r in reporting}),
            background=len(reporting) == len(cluster) and all(r.background for r in cluster),
            mentions=tuple(mentions),
            civilian_targeting=any(r.event.civilian_targeting for r in cluster),
            # The best-supported report speaks for the fused event: its confidence and why.
            confidence=best.event.confidence if best else None,
            reasons=best.event.reasons if best else (),
        )


def _by_means(cluster: Sequence[Report], event: Event) -> Event:
    """A bare Attack yields to the means any report of it was coded by: reports join as
    told, so a headline's "killed in an attack on a market" joins its body's killing that
    the events stage coded by the strike told beside it, and ACLED codes the incident by
    that means (as ``events.incident.joined_label`` does within an article). Applied
    after ``retold`` joins an article's tellings, which compare types as voted."""
    if event.sub_event_type != ATTACK:
        return event
    means = [r for r in cluster if r.final.event_type == REMOTE_VIOLENCE]
    if not means:
        return event
    coded = _vote(means, lambda r: r.final.sub_event_type)
    chosen = next(r.final for r in means if r.final.sub_event_type == coded)
    return replace(
        event,
        event_type=chosen.event_type,
        sub_event_type=chosen.sub_event_type,
        reported_type=event.reported_type or ATTACK,
    )


def as_told(event: Event) -> Event:
    """The event with the type its article told it as: reports are compared by what they
    told, so a report the events stage recoded (``Event.reported_type``) joins the same
    reports as it would unrecoded; only the fused event's type is the coded one."""
    told = event.reported_type
    if told is None:
        return event
    return replace(event, event_type=event_type_of(told), sub_event_type=told, reported_type=None)


def _voted_dates(
    cluster: Sequence[Report],
) -> tuple[tuple[str, str, str | None] | None, Event | None]:
    """The most precise date most sources state (else one the text implies, else a guess),
    and the report whose words state it. A background line's day that no sure report of the
    incident (not background, not doubted, dated from its text) gives yields to theirs:
    a reaction's "on Friday" or a quote's "this morning" beside a report of an attack
    days earlier is another incident's day."""
    # A day a report was made on ("the monitor said on Tuesday") yields to a day a
    # report gives the incident itself: the incident lies on or before the report's.
    dated = [r for r in cluster if r.dated and not r.event.date_reported] or [
        r for r in cluster if r.dated
    ]
    implied = [r for r in cluster if not r.guessed]
    pool = dated or implied or cluster
    sure = {_day(r) for r in implied if not r.background and not _doubtful(r)}
    if sure:
        pool = [r for r in pool if not r.background or _day(r) in sure] or [
            r for r in implied if _day(r) in sure
        ]
    dates = _vote(
        pool,
        lambda r: (
            (r.event.date_start, r.event.date_end or r.event.date_start, _precision(r))
            if r.event.date_start
            else None
        ),
        rank=lambda d: PRECISION_ORDER.get(d[2] or "", len(PRECISION_ORDER)),
    )
    stating = next((r.event for r in dated if dates and _day(r) == dates[:2]), None)
    return dates, stating


def _day(report: Report) -> tuple[str | None, str | None]:
    return report.event.date_start, report.event.date_end or report.event.date_start


def _doubtful(report: Report) -> bool:
    confidence = report.event.confidence
    return confidence is not None and confidence < DOUBTFUL


def _doubtful_pair(left: Report, right: Report) -> bool:
    """Two articles' reports the events stage doubts (below ``DOUBTFUL``: background
    lines, page furniture, commentary) that are not one wire text: their agreeing on
    type, town and days is no evidence of one incident, and linking them would make a
    doubtful event look corroborated. Such a pair may share an event that a surer
    report links them into, but never merges two by itself."""
    if left.article == right.article:
        return False
    doubtful = _doubtful(left) and _doubtful(right)
    return doubtful and linkage.shared_words(left.words, right.words) < COPY_WORDS


def _side(report: Report) -> linkage.Side:
    return linkage.Side(
        event=report.event,
        place=report.place,
        dated=report.dated,
        dates=(report.start, report.end),
    )


# A blocking key: (modality, a group of sub-event types). Reports of two kinds never
# agree (``Fuser.agree``), so they are never compared.
Kind = tuple[str, str]


def kinds(reports: Sequence[Report]) -> list[Kind]:
    """Each report's kind: its modality and the group of sub-event types that may fit its
    own (``Fuser._types_fit``): ``SUB_EVENT_FAMILIES`` joined where they share a type,
    and every sub-type reported as remote violence joined (one named perpetrator's air
    strike and explosion may be one incident)."""
    parent: dict[str, str] = {}

    def root(name: str) -> str:
        while parent.setdefault(name, name) != name:
            name = parent[name]
        return name

    def join(left: str, right: str) -> None:
        parent[root(left)] = root(right)

    for family in SUB_EVENT_FAMILIES:
        first, *rest = sorted(family)
        for other in rest:
            join(other, first)
    for report in reports:
        if report.event.event_type == REMOTE_VIOLENCE:
            join(report.event.sub_event_type, REMOTE_VIOLENCE)
    return [(r.event.modality, root(r.event.sub_event_type)) for r in reports]


def _all_pairs(members: Sequence[int]) -> Iterator[tuple[int, int]]:
    return ((i, j) for n, i in enumerate(members) for j in members[n + 1 :])


def split_long(
    cluster: Sequence[Report], max_span_days: int, split_days: float = math.inf
) -> list[list[Report]]:
    """A cluster whose reports' dates span more than ``max_span_days``, or whose reports'
    dates (the middles of their windows) lie more than ``split_days`` apart, is no one
    event: cut it at its widest gap between report dates until every part fits.

    Complete-link clustering of overlapping dates keeps clusters short; a cluster
    that still spans weeks was chained through vague reports and is split.
    """
    bounded = [r for r in cluster if r.bounded]
    if len(bounded) < 2:
        return [list(cluster)]
    middles = [_middle(r) for r in bounded]
    spread = max(r.end for r in bounded) - min(r.start for r in bounded) + 1
    if spread <= max_span_days and max(middles) - min(middles) <= split_days:
        return [list(cluster)]
    ordered = sorted(bounded, key=_middle)
    gaps = [_middle(ordered[k + 1]) - _middle(ordered[k]) for k in range(len(ordered) - 1)]
    cut = max(range(len(gaps)), key=lambda k: gaps[k]) + 1
    unbounded = [r for r in cluster if not r.bounded]
    return split_long(ordered[:cut] + unbounded, max_span_days, split_days) + split_long(
        ordered[cut:], max_span_days, split_days
    )


def _middle(report: Report) -> float:
    return (report.start + report.end) / 2


def _known_sides(event: Event) -> int:
    return (event.actor1 is not None) + (event.actor2 is not None)


def _precision(report: Report) -> str | None:
    event = report.event
    if event.date_precision:
        return event.date_precision
    return "day" if report.span_days <= 1 else None


def _vote(
    cluster: Sequence[Report],
    value: Callable[[Report], T | None],
    rank: Callable[[T], Any] | None = None,
) -> T | None:
    """The value most independent sources give; ``rank`` (lower first) filters before counting.

    Ties go to the value of the earliest report.
    """
    given = [(r, v) for r in cluster if (v := value(r)) is not None]
    if not given:
        return None
    if rank is not None:
        best = min(rank(v) for _r, v in given)
        given = [(r, v) for r, v in given if rank(v) == best]
    backers: dict[T, set[str]] = {}
    first_seen: dict[T, tuple[str, str]] = {}
    for report, v in given:
        backers.setdefault(v, set()).add(report.source)
        first_seen.setdefault(v, report.order)
    return min(backers, key=lambda v: (-len(backers[v]), first_seen[v]))


def _vote_aligned(aligned: Sequence[tuple[Report, bool]], *, first: bool) -> str | None:
    lookup = {id(r): flip for r, flip in aligned}
    return _vote([r for r, _ in aligned], lambda r: _pair(r, lookup[id(r)])[0 if first else 1])


def _pair(report: Report, flip: bool) -> tuple[str | None, str | None]:
    event = report.event
    return (event.actor2, event.actor1) if flip else (event.actor1, event.actor2)


def _union(groups: Iterable[tuple[str, ...]]) -> tuple[str, ...]:
    return tuple(sorted({actor for group in groups for actor in group}))


@dataclass(frozen=True, slots=True)
class _Fatalities:
    conservative: int | None
    low: int | None
    high: int | None
    best: int | None
    text: str | None


def _lower_median(values: Sequence[int]) -> int:
    ordered = sorted(values)
    return ordered[(len(ordered) - 1) // 2]


def _fatalities(cluster: Sequence[Report]) -> _Fatalities:
    counted = [r for r in cluster if r.event.fatalities is not None]
    if not counted:
        return _Fatalities(None, None, None, None, None)
    conservative = min(_wholes(_credible(counted)), key=lambda r: (r.event.fatalities, r.order))
    lows = [r.event.fatalities_low if r.event.fatalities_low is not None else r.event.fatalities
            for r in counted]  # fmt: skip
    highs = [r.event.fatalities_high if r.event.fatalities_high is not None else r.event.fatalities
             for r in counted]  # fmt: skip
    by_source: dict[str, list[int]] = {}
    for report in counted:
        by_source.setdefault(report.source, []).append(report.event.fatalities)  # type: ignore[arg-type]
    best = _lower_median([_lower_median(values) for values in by_source.values()])
    return _Fatalities(
        conservative=conservative.event.fatalities,
        low=min(v for v in lows if v is not None),
        high=max(v for v in highs if v is not None),
        best=best,
        text=conservative.event.fatalities_text,
    )


# A report whose confidence is under this share of the best-supported toll's does not set
# the fused toll: ACLED takes the lowest *credible* figure, and a line told in passing ("three
# officers died when their helicopter crashed", "another seven were killed further north")
# is more often another incident's toll fused in than a lower count of this one.
_CREDIBLE = 0.5


def _credible(counted: Sequence[Report]) -> list[Report]:
    """The reports whose toll may be the fused one (``credible_tolls``)."""
    kept = {id(e) for e in credible_tolls([r.event for r in counted])}
    return [r for r in counted if id(r.event) in kept]


def credible_tolls(counted: Sequence[Event]) -> list[Event]:
    """The reports (with a toll) whose toll may be the incident's: exact figures over vague
    words ("dozens" is imputed, a figure told for the incident is not), then the
    well-supported ones. The claims stage asks it of each article's reports of a fused
    event, so that a line told in passing does not speak for its article's toll."""
    exact = [e for e in counted if not _vague(e.fatalities_text)]
    pool = exact or list(counted)
    top = max(_event_confidence(e) for e in pool)
    return [e for e in pool if _event_confidence(e) >= top * _CREDIBLE or _counts(e)]


# An article's larger toll stands for the whole incident over a lower one of the same
# article when the events stage is this much surer of its report: a part told in passing
# ("including 16 children", "the attackers also lost 15") or another incident's toll scores
# well under the lead's; two figures scored alike are readings the text does not rank.
_WHOLE_MARGIN = 1.5


def _wholes(pool: Sequence[Report]) -> list[Report]:
    """The reports whose toll is a source's figure for the incident: ACLED's lowest credible
    figure is about sources that disagree, not the parts one article gives of its own toll.
    A lower figure credited as another source's count ("SANA gave a toll of 12") stays, and
    so does one told at other places than the larger ("30 in Tafas and Muzayrib" beside "12
    in Tafas"): a total over more places sums incidents, ACLED codes one per location. A
    report counting one group of another's whole ("seven children" beside "eight people")
    is a part (``groups``)."""

    def part(report: Report) -> bool:
        return not _source_count(report) and any(
            whole.article == report.article
            and (whole.event.fatalities or 0) > (report.event.fatalities or 0)
            and _confidence(whole) >= _confidence(report) * _WHOLE_MARGIN
            and whole.places_named == report.places_named
            for whole in pool
        )

    events = [r.event for r in pool]
    return [
        r
        for r in pool
        if not part(r) and not _one_group(r, pool) and not groups.part_of_another(r.event, events)
    ]


def _other_means(left: Event, right: Event, unidentified: Callable[[str | None], bool]) -> bool:
    """An air strike and shelling (two arms: only a state flies), one perpetrator named
    and the other an unnamed group, with two tolls that differ: "terrorists' rocket
    shells killed two" in a town beside "regime air strikes killed 45" on it that day
    are the other side's attack, and ACLED keeps them apart (``retold`` does not join
    an article's two such tellings either). A report with no perpetrator at all or no
    toll still fits, and so do one arm's kin types (a bomb and a suicide bomb)."""
    if {left.sub_event_type, right.sub_event_type} != TWO_ARMS:
        return False
    if None in (left.fatalities, right.fatalities) or left.fatalities == right.fatalities:
        return False
    unnamed = [unidentified(e.actor1) for e in (left, right)]
    named = [e.actor1 is not None and not u for e, u in zip((left, right), unnamed, strict=True)]
    return any(unnamed) and any(named)


def _one_group(report: Report, pool: Sequence[Report]) -> bool:
    """``report`` counts one group of the dead another report adds up with others ("23
    civilians" beside "23 civilians and 16 fighters"): the same group told alone, not a
    lower count of the incident. Its lowest figure would drop the other sides' dead."""
    own = report.event.fatalities
    return bool(own) and any(
        whole is not report
        and (whole.event.fatalities or 0) > (own or 0)
        and own in [value for value, _text in _summed(whole.event)]
        and not _tells_within(report.event, _summed(whole.event), own or 0)
        for whole in pool
    )


def _tells_within(event: Event, summed: Sequence[tuple[int, str]], own: int) -> bool:
    """The event's evidence gives the whole's other figures too ("16 civilians, including
    three children" beside "16 civilians and three children"): it counts them within its
    own toll, which is then the whole, not one group of it."""
    others = [text for value, text in summed if value != own]
    told = " ".join(span.text for span in event.sources)
    return any(re.search(rf"\b{re.escape(text)}\b", told, re.I) for text in others)


def _summed(event: Event) -> list[tuple[int, str]]:
    """The values and words of the figures an event's toll adds up ("23; 16" for 39);
    none when they are alternatives for the same dead ("40; at least 40") or not all
    numbers."""
    texts = [t.strip() for t in (event.fatalities_text or "").split(";") if t.strip()]
    values = [parse_number(groups.BOUND.sub("", t)) for t in texts]
    if len(values) < 2 or any(v is None or v != int(v) for v in values):
        return []
    summed = [(int(v or 0), groups.BOUND.sub("", t)) for v, t in zip(values, texts, strict=True)]
    return summed if sum(v for v, _t in summed) == event.fatalities else []


def _places_named(analysis: Analysis, event: Event) -> frozenset[str]:
    spans = [(s.start, s.end) for s in event.sources if s.article == analysis.article]
    return frozenset(
        place.id
        for place in analysis.places
        if geo.precision(place) < geo.FEATURE_RANK["country"]
        and any(start <= m.start < end for m in place.mentions for start, end in spans)
    )


# Another source's count of the incident, told as a count ("SANA gave a toll of 12", "the
# civil defence recorded three deaths"): the disagreement ACLED's lowest figure is for.
_COUNT_WORDS = re.compile(r"\b(?:recorded|documented|counted|gave|put)\b", re.I)


def _source_count(report: Report) -> bool:
    return _counts(report.event)


def _counts(event: Event) -> bool:
    """Its toll is told as a source's count (``_COUNT_WORDS``)."""
    told = (event.fatalities_text or "").split(";")[0].strip()
    return bool(told) and any(
        told in span.text and _COUNT_WORDS.search(span.text) for span in event.sources
    )


def _confidence(report: Report) -> float:
    return _event_confidence(report.event)


def _event_confidence(event: Event) -> float:
    return event.confidence if event.confidence is not None else 1.0


def _vague(text: str | None) -> bool:
    """Only vague words ("dozens", "several; scores") tell the toll."""
    parts = [p for p in (text or "").split(";") if p.strip()]
    return bool(parts) and all(
        any(pattern.search(part) for pattern, _band in quantities.VAGUE_BANDS) for part in parts
    )


def _unique_spans(cluster: Sequence[Report]) -> tuple[SourceSpan, ...]:
    seen: dict[tuple[str, int, int], SourceSpan] = {}
    order = {r.article: r.order for r in cluster}
    for report in cluster:
        for span in report.event.sources:
            seen.setdefault((span.article, span.start, span.end), span)
    return tuple(
        sorted(seen.values(), key=lambda s: (order.get(s.article, ("9999", s.article)), s.start))
    )


def _per_article(values: Mapping[str, list[Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for article, found in values.items():
        distinct = []
        for value in found:
            if value not in distinct:
                distinct.append(value)
        result[article] = distinct[0] if len(distinct) == 1 else distinct
    return result


# Per field: what is compared across reports (None: not reported) and what is shown.
_Getter = Callable[[Report, bool], tuple[tuple[Any, ...], Any]]
_FIELDS: dict[str, _Getter] = {
    "sub_event_type": lambda r, _flip: ((r.event.sub_event_type,), r.event.sub_event_type),
    # Only stated dates can disagree; an inferred one is a guess.
    "date": lambda r, _flip: (
        (r.event.date_start, r.event.date_end or r.event.date_start) if r.dated else (None,),
        _date_value(r.event),
    ),
    "place": lambda r, _flip: ((r.event.place,), r.event.place),
    "actors": lambda r, flip: (
        (r.event.actor2, r.event.actor1) if flip else (r.event.actor1, r.event.actor2),
        [r.event.actor2, r.event.actor1] if flip else [r.event.actor1, r.event.actor2],
    ),
    "fatalities": lambda r, _flip: ((r.event.fatalities,), _fatalities_value(r.event)),
}


def _conflicts(aligned: Sequence[tuple[Report, bool]]) -> tuple[tuple[str, str], ...]:
    """Fields whose reported values differ, with each article's value.

    Compared part by part, ignoring what a report leaves out: a report naming
    one side only does not disagree with one naming both.
    """
    conflicts = []
    for name, getter in _FIELDS.items():
        shown: dict[str, list[Any]] = {}
        parts: list[set[Any]] = []
        for report, flip in aligned:
            compared, display = getter(report, flip)
            if all(part is None for part in compared):
                continue
            shown.setdefault(report.article, []).append(display)
            parts.extend(set() for _ in range(len(compared) - len(parts)))
            for seen, part in zip(parts, compared, strict=False):
                if part is not None:
                    seen.add(part)
        if any(len(seen) > 1 for seen in parts):
            per_article = _per_article(shown)
            conflicts.append((name, json.dumps(per_article, sort_keys=True, ensure_ascii=False)))
    return tuple(conflicts)


def _date_value(event: Event) -> str | None:
    if not event.date_start:
        return None
    end = event.date_end or event.date_start
    return event.date_start if end == event.date_start else f"{event.date_start}/{end}"


def _fatalities_value(event: Event) -> int | dict[str, int | None] | None:
    low, high = event.fatalities_low, event.fatalities_high
    if low == high == event.fatalities or (low is None and high is None):
        return event.fatalities
    return {"fatalities": event.fatalities, "low": low, "high": high}


def fuse_events(
    analyses: Sequence[Analysis],
    sources: SourceIndex,
    settings: FusionSettings | None = None,
    on_cluster: Callable[[int, int], None] | None = None,
) -> list[Event]:
    """Fused events, earliest reported first; ``on_cluster(done, total)`` as each is fused."""
    return Fuser(analyses, sources, settings).fuse(on_cluster)
