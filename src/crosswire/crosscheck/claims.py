"""Numeric claims: the same figure as stated by many sources, and whether they agree.

Every figure an article states is a *statement*, and so is a toll an event
report reads without a figure ("a protester was killed": one dead). What a
figure counts is read from its counted phrase, completed from its sentence: a
relative clause ("400 families who fled" were displaced), the count it is a
breakdown of ("twelve people, among them three soldiers, were killed": three
soldiers killed), and whether it is a part of a count ("two of the wounded").

Statements are about the same thing (one *topic*) when they count the same
thing (``quantities.Counted``: the same outcome, compatible subjects, the same
qualifiers, units that agree) in the same context:

- a figure in the evidence of an event report belongs to that fused event
  ("direct"; a casualty figure prefers an event with a toll); two direct
  statements must share their event. Events the article only mentions in
  passing (``Event.background``) take no figures this way;
- a figure elsewhere in an article belongs to the events the article reports
  or mentions; it meets a direct statement whose event its article reports, or
  another such statement whose article reports an event in common;
- where no event ties them (the articles report none), statements of one
  article, or of articles a few days apart whose sentences name the same
  place (else the articles' main places), meet;
- a figure that counts nothing nameable ("75 percent of Yemen's imports via
  Hodeidah") must also share its remaining words, place names folded to place
  ids, with the other;
- two figures whose sentences set towns (or sites) as where something happened
  ("in X", "the town of X", "near X"; not a dateline), none of them within
  ``NEAR_KM`` of or inside one the other's, count what happened in two places
  ("shelling killed 9 in X ... in Y a shell killed 2"), though both sit in one
  fused event's evidence: they never contest each other.

A running total ("300,000 killed since the war began", "so far this year") is
never one topic with an incident's count: it does not contest the toll. Nor are dead
added to a count told before ("two more were killed", "another three died"): another
count, not a differing account of one.

An event fused from two or more articles also gets a *toll* topic: each article
that reports the event with a toll states it once (the lower median of its
credible reports, ``fusion.credible_tolls``: a line told in passing that the
events stage doubts, "two more died", is not the article's toll), over the
words that say it. Its position is the toll itself, not the open band
of "at least 23": the sources of one incident that give 23 and 39 dead disagree
on its toll, as an analyst reads them, though both are "at least" figures. A
toll statement meets only the toll statements of its own fused event, so the
figures' own topics stay as they are; a toll topic whose articles agree adds
nothing to them and makes no claim.

Two figures of one sentence that count different subjects are a breakdown
("twelve people, among them three soldiers"), never one topic. Topics are
formed complete-link (``crosswire.crosscheck.cluster``).

Within a topic, statements whose value bands (``quantities.band``) share a
point form one *position*; each position becomes one Claim. Positions are
found by stabbing the bands at their smallest upper ends, which yields the
fewest positions, and no two positions of a topic can both be true, so they
are each other's ``conflicts_with``. Status: ``contested`` when a topic has two
or more positions (also when one article gives two accounts), else
``corroborated`` when two or more independent sources state it (a sentence
crediting another outlet of the corpus counts as that outlet), else
``single``.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from crosswire.crosscheck import fusion, geo, quantities
from crosswire.crosscheck.cluster import complete_link
from crosswire.crosscheck.quantities import CASUALTY_OUTCOMES, Band, Counted
from crosswire.crosscheck.sources import SourceIndex
from crosswire.crosscheck.text import sentence_at, sentence_spans, terms
from crosswire.model import (
    Analysis,
    Article,
    Claim,
    ClaimStatus,
    Corpus,
    Event,
    Figure,
    Mention,
    SourceSpan,
)
from crosswire.registry import Stage, StageContext, stage

REST_SIMILARITY = 0.5
# Statements with no event to go by are about one thing only when their articles
# appeared within this many days of each other (and name the same place).
SETTING_DAYS = 7
PLACE_PREFIX = "plc_"
NEAR_KM = 5.0  # FusionSettings.near_km: towns this close may be one place
# Marks a fused event's toll as one article reports it: it meets only its kind.
TOLL = "<toll>"
# "two of the wounded", "three of them": a part of a count given elsewhere.
_PART_OF = re.compile(r"^\s+of\s+(?:the|them|whom|those)\b([^.;:,]*)", re.I)
# "two more were killed", "another three died", "a further five": dead added to a count.
_MORE_AFTER = re.compile(r"^\s+more\b(?!\s+than)", re.I)
_ADDED_BEFORE = re.compile(r"\b(?:another|a\s+further|further|additional)\s+$", re.I)
# Between a count and its breakdown: "Twelve people, among them three soldiers".
_BREAKDOWN = re.compile(r"^[^.;:]*?,\s*(?:among\s+(?:them|whom|those)|including)\s+$", re.I)
# "400 families who fled", "the men that were detained": what happened to them; else
# the verb they are the subject of, "one crew member, an engineer, was recovered".
_RELATIVE = re.compile(
    r"^[\w\s'’-]{0,40}?\b(?:who|that|which)\s+(?:(?:had|have|has|were|was|been)\s+)*"
    r"([a-z]+)",
    re.I,
)
# A running total, not one incident's toll: "since the conflict began", "since March
# 2011", "so far", "to date", "the war has killed". Such a figure meets only other totals.
_TALLY = re.compile(
    r"\b(?:since\s+(?:the\s+)?(?:(?:start|beginning|outbreak|onset)\b"
    r"|(?:[\w-]+\s+){0,3}?(?:began|erupted|started|broke\s+out)\b"
    r"|(?:(?:early|late|mid)[\s-]*)?(?:[A-Z][a-z]+\s+)?(?:19|20)\d{2}\b)"
    r"|so\s+far|to\s+date|in\s+total"
    r"|(?:war|conflict|fighting|crisis)\s+(?:(?:which|that)\s+)?(?:has|have|had)\s+"
    r"(?:(?:already|so\s+far|now|since)\s+)?(?:killed|claimed|left|cost)"
    # "since the uprising (against ...) began", "killed since then"
    r"|since\s+(?:(?:the|an?)\s+(?:uprising|revolt|revolution|war|conflict|unrest)|then)\b"
    # "killed in Syria's conflict, which started ...", "the conflict which began in 2011"
    r"|(?:war|conflict|uprising)\W+(?:which|that)\s+(?:began|started|erupted|broke\s+out)"
    r"|(?:war|conflict)\s+killing\b)",
    re.I,
)
_PASSIVE = re.compile(r"^[^.;:]{0,40}?\b(?:were|was|had been|have been|has been)\s+([a-z]+)", re.I)


@dataclass(frozen=True, slots=True)
class Statement:
    figure: Figure
    article: str
    source: str  # independent source key
    outlet: str | None
    order: tuple[str, str, int]  # (published, article, offset): earliest first
    sentence: tuple[int, int]
    sentence_text: str
    counted: Counted
    unit: str | None
    band: Band
    event: str | None  # the fused event whose evidence sentence holds the figure
    context: frozenset[str]  # the fused events the article reports
    where: frozenset[str]  # place ids of its sentence, else the article's main place
    day: int | None  # the article's publication day ordinal
    towns: frozenset[str] = frozenset()  # towns and sites its sentence sets as a scene
    # The sentence gives a running total ("killed since 2011"), not an incident's count.
    # Read once here: ``same_topic`` asks it of every candidate pair, and the search
    # was most of the claims stage's time.
    tally: bool = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "tally", _TALLY.search(self.sentence_text) is not None)

    @property
    def descriptive(self) -> bool:
        """Counts nothing the lexicons name: only its other words tell what it is."""
        return self.counted.subject is None and self.counted.outcome is None


def _overlap(left: frozenset[str], right: frozenset[str]) -> float:
    """Shared words over the shorter phrase's words: "imports arrived" meets "Yemen's imports"."""
    shorter = min(len(left), len(right))
    return len(left & right) / shorter if shorter else 0.0


def _places(words: frozenset[str]) -> frozenset[str]:
    return frozenset(w for w in words if w.startswith(PLACE_PREFIX))


def _rest_agrees(left: Statement, right: Statement) -> bool:
    """The other words agree: no two different places ("imports" meets "Yemen's imports",
    not "Sudan's imports"), and enough words in common."""
    a, b = left.counted.rest, right.counted.rest
    places_a, places_b = _places(a), _places(b)
    if places_a and places_b and not places_a & places_b:
        return False
    return _overlap(a - places_a, b - places_b) >= REST_SIMILARITY


def same_topic(left: Statement, right: Statement) -> bool:
    """Whether two statements count the same thing (see the module docstring)."""
    a, b = left.counted, right.counted
    if not quantities.units_agree(left.unit, right.unit) or a.outcome != b.outcome:
        return False
    if left.tally != right.tally:
        return False  # a running total is no account of an incident's toll
    if not quantities.subjects_agree(a.subject, b.subject) or a.qualifiers != b.qualifiers:
        return False
    if (TOLL in a.rest) != (TOLL in b.rest):
        return False  # an event's toll meets only tolls
    if quantities.ADDED in a.rest | b.rest:
        return False  # dead added to a count told before: "two more", "another three"
    same_sentence = left.article == right.article and left.sentence == right.sentence
    if same_sentence and a.subject != b.subject:
        return False  # a breakdown of one count: "12 people, among them three soldiers"
    if left.descriptive and not _rest_agrees(left, right):
        # Both are descriptive (the outcomes and subjects match): their words say what
        # they count.
        return False
    if left.event is not None and right.event is not None:
        return left.event == right.event
    if left.event is not None and right.context:
        return left.event in right.context
    if right.event is not None and left.context:
        return right.event in left.context
    if left.context and right.context:
        return bool(left.context & right.context)
    return _same_setting(left, right)


def _same_setting(left: Statement, right: Statement) -> bool:
    """Without events to go by: one article, or one place within a few days."""
    if left.article == right.article:
        return True
    if not left.where & right.where:
        return False
    if left.day is None or right.day is None:
        return True
    return abs(left.day - right.day) <= SETTING_DAYS


def _affinity(left: Statement, right: Statement) -> float:
    score = 4.0 if left.event is not None and left.event == right.event else 0.0
    score += 2.0 * (left.counted.subject == right.counted.subject)
    score += 1.0 * (left.unit == right.unit)
    score += _overlap(left.counted.rest, right.counted.rest)
    return score


def positions(statements: Sequence[Statement]) -> list[list[Statement]]:
    """Groups of statements whose bands share a point, fewest groups, lowest first."""
    remaining = sorted(statements, key=lambda s: (s.band[1], s.band[0], s.order))
    groups: list[list[Statement]] = []
    while remaining:
        point = remaining[0].band[1]
        if math.isinf(point):
            # Only open-ended bands are left, and those share their highest low.
            point = max(s.band[0] for s in remaining)
        held = [s for s in remaining if s.band[0] <= point <= s.band[1]]
        groups.append(sorted(held, key=lambda s: s.order))
        taken = {id(s) for s in held}
        remaining = [s for s in remaining if id(s) not in taken]
    return groups


class ClaimBuilder:
    """Claims from the figures of many analyses (see the module docstring)."""

    def __init__(
        self,
        analyses: Sequence[Analysis],
        articles: Sequence[Article],
        events: Sequence[Event],
        sources: SourceIndex,
        event_label: Callable[[Event], str] | None = None,
    ) -> None:
        self.articles = {a.id: a for a in articles}
        self.sources = sources
        self.events = {e.id: e for e in events}
        self.event_label = event_label or (lambda e: e.sub_event_type)
        self.names: dict[str, str] = {}
        place_keys: dict[str, str] = {}
        for analysis in analyses:
            for entity in analysis.entities:
                self.names.setdefault(entity.id, entity.name)
            for place in analysis.places:
                for surface in (place.name, *(m.text for m in place.mentions)):
                    words = terms(surface)
                    if len(words) == 1:
                        place_keys.setdefault(words[0], place.id)
        self.place_keys = place_keys
        self.place_records = {p.id: p for a in analyses for p in a.places}
        self.place_mentions = {
            analysis.article: sorted(
                (m.start, m.end, place.id, geo.rank(place))
                for place in analysis.places
                for m in place.mentions
            )
            for analysis in analyses
        }
        self.evidence: dict[str, list[tuple[int, int, str]]] = {}
        self.told: dict[str, set[str]] = {}  # article -> events it reports or mentions
        # (article, start, end) of a report's evidence -> the fused events holding it, for
        # events fused from two or more articles (their toll topics). One sentence can be
        # the evidence of two reports that fused into different events.
        self.fused_from: dict[tuple[str, int, int], list[str]] = {}
        for event in events:
            if not event.background and len({s.article for s in event.sources}) > 1:
                for span in event.sources:
                    key = (span.article, span.start, span.end)
                    self.fused_from.setdefault(key, []).append(event.id)
        for event in events:
            for span in (*event.sources, *event.mentions):
                self.told.setdefault(span.article, set()).add(event.id)
            if event.background:
                continue
            for span in event.sources:
                self.evidence.setdefault(span.article, []).append((span.start, span.end, event.id))
        self.statements = [
            statement
            for analysis in sorted(analyses, key=lambda a: a.article)
            if analysis.article in self.articles
            for statement in (*self._statements(analysis), *self._tolls(analysis))
        ]

    def _statements(self, analysis: Analysis) -> Iterable[Statement]:
        article = self.articles[analysis.article]
        article_id = article.id  # a content hash: read once, not per figure
        spans = sentence_spans(article.text)
        evidence = self.evidence.get(article_id, [])
        context = frozenset(self.told.get(article_id, ()))
        places = self.place_mentions.get(article_id, [])
        main_place = _main_place(places)
        day = _day(article.published)
        figures = sorted(
            (*analysis.figures, *_implied_tolls(analysis)), key=lambda f: f.mention.start
        )
        counted: dict[int, Counted] = {}
        for figure in figures:
            mention = figure.mention
            sentence = sentence_at(spans, mention.start) or (mention.start, mention.end)
            named = frozenset(p for s, e, p, _r in places if sentence[0] <= s and e <= sentence[1])
            whole = [
                counted[f.mention.start]
                for f in figures
                if sentence[0] <= f.mention.start < mention.start
                and f.mention.start in counted
                and _BREAKDOWN.match(article.text[f.mention.end : mention.start])
            ]
            counted[mention.start] = self._counted(
                figure, article.text, whole[-1] if whole else None
            )
            casualty = counted[mention.start].outcome in CASUALTY_OUTCOMES
            yield Statement(
                figure=figure,
                article=article_id,
                source=self.sources.passage_key(
                    article_id, article.text[sentence[0] : sentence[1]]
                ),
                outlet=figure.outlet or article.outlet,
                order=(article.published or "9999", article_id, mention.start),
                sentence=sentence,
                sentence_text=article.text[sentence[0] : sentence[1]],
                counted=counted[mention.start],
                unit=quantities.unit_key(figure.unit),
                band=quantities.band(figure),
                event=self._direct_event(evidence, sentence, mention, casualty),
                context=context,
                where=named or main_place,
                day=day,
                towns=_scenes(article.text, sentence, places),
            )

    def _tolls(self, analysis: Analysis) -> Iterable[Statement]:
        """Each fused event's toll as this article reports it (see the module docstring)."""
        article = self.articles[analysis.article]
        reported: dict[str, list[Event]] = {}
        for event in analysis.events:
            if event.fatalities is None or event.background or event.modality != "asserted":
                continue
            fused = self._fused_event(event)
            if fused is not None:
                reported.setdefault(fused, []).append(event)
        for fused, reports in reported.items():
            # The article's toll is the lower median of its credible reports' tolls: a line
            # told in passing ("two more were killed", another incident's toll) is not its
            # account of the incident, as it does not set the fused toll (fusion).
            tolls = sorted(
                ((e.fatalities or 0, e.sources[0]) for e in fusion.credible_tolls(reports)),
                key=lambda t: t[0],
            )
            value, span = tolls[(len(tolls) - 1) // 2]
            if _TALLY.search(span.text):
                continue  # a running total is no incident's toll
            yield Statement(
                figure=Figure(
                    mention=Mention(
                        article=article.id, start=span.start, end=span.end, text=span.text
                    ),
                    value=value,
                    low=value,
                    high=value,
                    unit="people",
                    counted="killed",
                ),
                article=article.id,
                source=self.sources.passage_key(article.id, span.text),
                outlet=article.outlet,
                order=(article.published or "9999", article.id, span.start),
                sentence=(span.start, span.end),
                sentence_text=span.text,
                counted=quantities.Counted(
                    subject="people", outcome="killed", rest=frozenset({TOLL})
                ),
                unit=quantities.unit_key("people"),
                band=(value, value),
                event=fused,
                context=frozenset({fused}),
                where=frozenset(),
                day=_day(article.published),
            )

    def _fused_event(self, report: Event) -> str | None:
        """The fused event (of two or more articles) an article's report went into: the one
        holding every span of its evidence (a reporting report's spans all become the fused
        event's sources). Where a sentence is the evidence of several reports, of several
        fused events, the one of the report's type whose toll band holds its toll wins."""
        holders: list[str] | None = None
        for span in report.sources:
            found = self.fused_from.get((span.article, span.start, span.end), [])
            holders = found if holders is None else [e for e in holders if e in found]
        if not holders:
            return None

        def fit(event_id: str) -> tuple[bool, bool]:
            fused = self.events[event_id]
            low = fused.fatalities_low if fused.fatalities_low is not None else fused.fatalities
            high = fused.fatalities_high if fused.fatalities_high is not None else math.inf
            holds = low is not None and low <= (report.fatalities or 0) <= high
            # Compared as told, as fusion compares reports (``fusion.as_told``).
            told = fused.reported_type or fused.sub_event_type
            return (told != (report.reported_type or report.sub_event_type), not holds)

        return min(holders, key=fit)

    def _counted(self, figure: Figure, text: str, whole: Counted | None) -> Counted:
        """What ``figure`` counts: its phrase, completed from the sentence (module docstring)."""
        counted = quantities.parse_counted(figure.counted, self.place_keys)
        after = text[figure.mention.end : figure.mention.end + 80]
        part = _PART_OF.match(after)
        if part and counted.subject is None and counted.outcome is None:
            # "three of them port workers": the words after say who
            counted = quantities.parse_counted(part.group(1), self.place_keys)
        if counted.outcome is None:
            verb = _RELATIVE.match(after) or _PASSIVE.match(after)
            outcome = quantities.OUTCOME_WORDS.get(verb.group(1).casefold()) if verb else None
            if outcome is None and whole is not None:
                outcome = whole.outcome  # "among them three soldiers" were killed too
            if outcome is not None:
                counted = replace(counted, outcome=outcome)
        if part:
            counted = replace(counted, rest=counted.rest | {quantities.PART})
        before = text[max(0, figure.mention.start - 20) : figure.mention.start]
        if _MORE_AFTER.match(after) or _ADDED_BEFORE.search(before):
            counted = replace(counted, rest=counted.rest | {quantities.ADDED})
        return counted

    def _direct_event(
        self,
        evidence: Sequence[tuple[int, int, str]],
        sentence: tuple[int, int],
        mention: Mention,
        casualty: bool,
    ) -> str | None:
        """The event whose evidence holds the figure, else one whose evidence shares its
        sentence; a casualty figure prefers an event with a toll, then the best attested."""
        holding = [e for s, e_end, e in evidence if s <= mention.start and mention.end <= e_end]
        if not holding:
            holding = [
                e
                for s, e_end, e in sorted(evidence, key=lambda x: abs(x[0] - mention.start))
                if s < sentence[1] and sentence[0] < e_end
            ][:1]
        if not holding:
            return None
        return min(
            dict.fromkeys(holding),
            key=lambda e: (
                casualty and self.events[e].fatalities is None,
                -self.events[e].source_count,
            ),
        )

    def topics(self) -> list[list[Statement]]:
        items = self.statements
        count = len(items)
        groups = complete_link(
            count,
            self._candidate_pairs(),
            lambda i, j: same_topic(items[i], items[j]) and self._same_site(items[i], items[j]),
            lambda i, j: _affinity(items[i], items[j]),
        )
        topics = [sorted((items[k] for k in g), key=lambda s: s.order) for g in groups]
        return sorted(topics, key=lambda t: t[0].order)

    def _same_site(self, left: Statement, right: Statement) -> bool:
        """Two figures whose sentences name towns, none of them near the other's, count
        what happened in different places ("three killed in X", "five killed in Y"),
        though both sit in one event's evidence."""
        if not left.towns or not right.towns or left.towns & right.towns:
            return True
        return any(
            geo.compatible(self.place_records[a], self.place_records[b], NEAR_KM)
            for a in left.towns
            for b in right.towns
            if a in self.place_records and b in self.place_records
        )

    def _candidate_pairs(self) -> set[tuple[int, int]]:
        """Pairs that count the same kind of thing and share an event, an article or a place.

        ``same_topic`` holds for no other pair, so only these are tested.
        """
        holders: dict[tuple[str | None, str | None, str], list[int]] = {}
        for position, item in enumerate(self.statements):
            family = (
                "people"
                if quantities.subjects_agree(item.counted.subject, "people")
                else (item.counted.subject)
            )
            settings = {f"article:{item.article}"}
            settings.update(f"event:{e}" for e in item.context | {item.event} if e)
            settings.update(f"place:{p}" for p in item.where)
            for setting in settings:
                holders.setdefault((item.counted.outcome, family, setting), []).append(position)
        pairs: set[tuple[int, int]] = set()
        for members in holders.values():
            for n, i in enumerate(members):
                pairs.update((i, j) for j in members[n + 1 :])
        return pairs

    def claims(self) -> list[Claim]:
        claims: list[Claim] = []
        for topic in self.topics():
            event = _topic_event(topic)
            about = self._about(topic, event)
            built = [self._claim(group, about, event) for group in positions(topic)]
            if len(built) == 1 and TOLL in topic[0].counted.rest:
                continue  # the articles agree on the event's toll: the figures say so
            independent = len({s.source for s in topic})
            for claim in built:
                if len(built) > 1:
                    others = tuple(c.id for c in built if c.id != claim.id)
                    claims.append(replace(claim, status="contested", conflicts_with=others))
                else:
                    status: ClaimStatus = "corroborated" if independent >= 2 else "single"
                    claims.append(replace(claim, status=status))
        return claims

    def _about(self, topic: Sequence[Statement], event: str | None) -> str:
        phrases = Counter(s.figure.counted for s in topic if s.figure.counted)
        what = (
            min(phrases, key=lambda p: (-phrases[p], p))
            if phrases
            else topic[0].counted.label() or topic[0].figure.mention.text
        )
        if event is not None and event in self.events:
            return f"{what} ({self.event_label(self.events[event])})"
        return what

    def _claim(self, group: Sequence[Statement], about: str, event: str | None) -> Claim:
        figures = [s.figure for s in group]
        values = [f.value for f in figures if f.value is not None]
        lows = [f.low for f in figures if f.low is not None]
        highs = [f.high for f in figures if f.high is not None]
        speakers = [self._speaker(f.speaker) for f in figures if f.speaker]
        outlets = [s.outlet for s in group if s.outlet]
        return Claim(
            text=group[0].sentence_text,
            value=max(values) if values else None,
            low=max(lows) if lows else None,
            high=min(highs) if highs else None,
            unit=next((f.unit for f in figures if f.unit), None),
            about=about,
            speaker="; ".join(dict.fromkeys(speakers)) or None,
            sources=tuple(
                SourceSpan(
                    article=s.article,
                    start=s.figure.mention.start,
                    end=s.figure.mention.end,
                    text=s.figure.mention.text,
                )
                for s in group
            ),
            outlets=tuple(dict.fromkeys(outlets)),
            event=event,
        )

    def _speaker(self, speaker: str) -> str:
        return self.names.get(speaker, speaker)


# Words that set a place as where something happened: "killed 3 in X", "shelled the town
# of X", "near X". A dateline ("AMMAN, Jordan -") or "nobody outside X" does not.
_AT_PLACE = re.compile(
    r"\b(?:in|at|near|on|(?:town|village|city|area|district|neighbou?rhoods?|outskirts|"
    r"suburbs?|countryside|camp)\s+of)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}$",
    re.I,
)


def _scenes(
    text: str, sentence: tuple[int, int], places: Sequence[tuple[int, int, str, int]]
) -> frozenset[str]:
    """The towns and sites a sentence sets as where something happened (``_AT_PLACE``)."""
    return frozenset(
        place
        for start, end, place, rank in places
        if sentence[0] <= start
        and end <= sentence[1]
        and rank <= geo.POINT_RANK
        and _AT_PLACE.search(text[max(sentence[0], start - 40) : start])
    )


def _main_place(places: Sequence[tuple[int, int, str, int]]) -> frozenset[str]:
    """The most named place of an article, among its finest-grained ones."""
    if not places:
        return frozenset()
    finest = min(rank for _s, _e, _p, rank in places)
    counts = Counter(p for _s, _e, p, rank in places if rank == finest)
    return frozenset({min(counts, key=lambda p: (-counts[p], p))})


def _day(published: str | None) -> int | None:
    try:
        return date.fromisoformat(published).toordinal() if published else None
    except ValueError:
        return None  # a month or a year only


def _implied_tolls(analysis: Analysis) -> Iterable[Figure]:
    """Tolls the events stage read without a figure ("a protester was killed"), as figures
    over the words that say them."""
    said = {(f.mention.start, f.mention.end) for f in analysis.figures}
    for event in analysis.events:
        words, value = event.fatalities_text, event.fatalities
        if not words or value is None or event.modality != "asserted":
            continue
        for span in event.sources:
            found = [
                (span.start + m.start(), span.start + m.end())
                for m in re.finditer(rf"(?<!\w){re.escape(words)}(?!\w)", span.text)
            ]
            if not found:
                continue
            if any(s < end and start < e for start, end in found for s, e in said):
                break  # a figure says it
            start, end = found[0]
            said.add((start, end))
            yield Figure(
                mention=Mention(article=analysis.article, start=start, end=end, text=words),
                value=value,
                low=event.fatalities_low,
                high=event.fatalities_high,
                unit="people",
                counted=f"{words.split()[-1]} killed",  # "A 19-year-old protester": protester
            )
            break


def _topic_event(topic: Sequence[Statement]) -> str | None:
    """The event most statements sit in; else the one event all their articles report.

    The second reading needs the statements to come from two or more articles,
    or to count casualties: a lone figure in an article's background ("dozens
    of vessels rerouted") is not about the article's event. Figures that count
    nothing nameable belong to an event only through its evidence.
    """
    direct = Counter(s.event for s in topic if s.event is not None)
    if direct:
        return min(direct, key=lambda e: (-direct[e], e))
    first = topic[0]
    several = len({s.article for s in topic}) > 1
    if first.descriptive or not (several or first.counted.outcome in CASUALTY_OUTCOMES):
        return None
    shared = frozenset.intersection(*(s.context for s in topic))
    return next(iter(shared)) if len(shared) == 1 else None


def build_claims(
    analyses: Sequence[Analysis],
    articles: Sequence[Article],
    events: Sequence[Event],
    sources: SourceIndex,
    event_label: Callable[[Event], str] | None = None,
) -> list[Claim]:
    return ClaimBuilder(analyses, articles, events, sources, event_label).claims()


def place_names(analyses: Iterable[Analysis]) -> Mapping[str, str]:
    """Place id -> name, for labelling events."""
    names: dict[str, str] = {}
    for analysis in analyses:
        for place in analysis.places:
            names.setdefault(place.id, place.name)
    return names


# --------------------------------------------------------------------------
# The stage


@stage(
    "claims",
    needs=["analyses", "groups", "articles", "events"],
    provides=["claims"],
    scope="corpus",
)
def make_claims() -> Stage:
    """Group figures about the same thing across sources; mark each claim's status."""

    def claims(corpus: Corpus, context: StageContext) -> Corpus:
        sources = SourceIndex.build(corpus.articles, corpus.groups)
        names = place_names(corpus.analyses)

        def label(event: Event) -> str:
            where = names.get(event.place or "")
            parts = [event.sub_event_type, f"in {where}" if where else "", event.date_start or ""]
            return " ".join(p for p in parts if p)

        found = build_claims(corpus.analyses, corpus.articles, corpus.events, sources, label)
        return replace(corpus, claims=tuple(found))

    return claims
