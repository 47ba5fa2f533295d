"""Per-article events: typed sentence events tied to the article's actors, places, dates, figures.

``extract_events(doc, analysis, article)`` reads each sentence that holds a
trigger cue, types its events (``typer``), and fills an ``Event`` for each, in
explicit passes, each in its own module:

- ``index``: the article's records by character offset, its focus country and
  places, its dateline (the lead paragraph is parsed again without it, since a
  dateline misleads the parser);
- ``location``: the place attached to the event's words ("in/near/at X", its
  patient), then elsewhere in the sentence, then the focus place, then the
  dateline; origins, seats, attributions and places naming an actor do not count;
- ``roles``: actor1, actor2 and associated actors from the agent and patient
  phrases; generic actors (civilians, an unidentified armed group) when none is named;
- ``dating``: a date expression in the event's own clause, else an unclaimed one of its sentence;
  otherwise the date of an earlier event of the same type in the article (a later
  sentence elaborating it); otherwise the article's own date;
- ``tolls``: figures in the sentence that count the dead, kept ACLED's way;
- ``realis``: negated, denied, threatened, planned, hypothetical, reactions,
  cumulative tallies, captions and commentary are flagged; an Attack told with the
  strike that did it folds into it (``incident``); every event gets a confidence
  and reasons (``confidence``);
- ``drafts``: a sentence that only adds to an event told before it (casualty words
  with no event word, bare violence by no one new) joins the article's latest
  violent event unless it names a date or a place of its own that the event lacks;
  once the article is read, ``drafts.settle_tolls`` gives each incident the toll the
  whole article tells (a toll-less report joins the next report of it with a toll, a
  vague toll takes an exact one, an early toll the one it "rose to") and
  ``drafts.name_means`` codes an attack told without its means by the means the next
  sentences give it, and ``passage`` codes a bare battle, and once its sides are named
  an attack on civilians (keeping the type it was told as, which fusion compares), by
  the means the sentences around it tell, when they tell no direct violence.

An event is *background* when the article mentions it without reporting it:
history (its stated date ended more than ``drafts.HISTORY_DAYS`` before the
article, or, past the lead, days before the lead's incident: ``events.earlier``),
a habit ("its cells carry out ambushes"), or a passing mention that names nothing
about it. Fusion keeps such reports as mentions that do not count
as sources.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from typing import NamedTuple

from spacy.tokens import Doc, Span

from crosswire.events import incident, passage, realis, tallies
from crosswire.events import ontology as on
from crosswire.events.arguments import (
    phrase,
    roles_of,
)
from crosswire.events.dating import (
    backdate,
    clause_date,
    phrase_dates,
    relative_date,
    reported_on,
    retells,
    sentence_date,
    stamp_starts,
)
from crosswire.events.drafts import (
    HISTORY_DAYS,
    LEAD_SENTENCES,
    Draft,
    apply_updates,
    depth_below,
    host_of,
    is_habitual,
    is_history,
    is_weak,
    name_authors,
    name_means,
    name_retold_authors,
    narrow,
    other_incidents,
    rehome,
    settle_tolls,
)
from crosswire.events.earlier import flag_earlier_incidents
from crosswire.events.index import ArticleIndex, build_index, day_of, sentences
from crosswire.events.localities import LOCALITY
from crosswire.events.location import (
    CharSpan,
    clause_region,
    event_place,
    event_targets,
    event_tokens,
)
from crosswire.events.parts import fold_parts
from crosswire.events.realis import modality
from crosswire.events.recaps import outside_recaps, told_as_recap
from crosswire.events.referred import refers_back, told_scene
from crosswire.events.roles import actor_country, categorizer, event_actors, unnamed_perpetrator
from crosswire.events.tolls import Toll, fatalities, toll_update
from crosswire.events.typer import EventCandidate, typed_events
from crosswire.model import (
    Analysis,
    Article,
    DateMention,
    DatePrecision,
    Place,
    SourceSpan,
)

# Event label -> the date of the article's first dated event of that type (a day or a
# few days: a month-wide "last month" would date a later undated report by another line).
Dated = dict[str, tuple[str, str, DatePrecision]]


def extract_events(doc: Doc, analysis: Analysis, article: Article | None = None) -> Analysis:
    """The analysis with its ``events`` filled, plus any generic actors the events needed."""
    index = build_index(doc, analysis, article)
    index.stamps = stamp_starts(index.text, index.dates)
    categorize = categorizer(index)
    drafts: list[Draft] = []
    dated: Dated = {}
    updates: list[tuple[int, Toll]] = []
    profiles: dict[int, passage.Profile] = {}
    for number, sentence in enumerate(sentences(doc, index)):
        candidates = [c for c in typed_events(sentence, categorize) if on.is_acled(c.label)]
        if not candidates:
            if (update := toll_update(index.text, index.figures, sentence)) is not None:
                updates.append((number, update))
            continue
        tolls = _tolls(index, candidates, sentence, number)
        own = [
            _draft(index, candidate, sentence, number, tolls.get(position), dated, clause)
            for position, (candidate, clause) in enumerate(
                zip(candidates, _clauses(candidates, sentence, index.dates), strict=True)
            )
        ]
        for draft, candidate in zip(own, candidates, strict=True):
            if draft.place_named is None and refers_back(index, sentence, candidate.anchor):
                draft.place = _scene(draft, told_scene(drafts, number))
        profiles[number] = passage.profile(candidates, own, sentence.doc, categorize)
        for draft in incident.one_per_incident(incident.fold_composite(own, candidates)):
            host = host_of(drafts, draft)
            if host is not None:
                host.absorb(draft)
            else:
                drafts.append(draft)
    _roll_ups(drafts)
    drafts = settle_tolls(drafts)
    apply_updates(drafts, updates)
    tallies.flag_split_days(drafts)
    drafts = fold_parts(drafts)
    backdate(drafts, (d.mention.start for d in index.dates if d.mention.start not in index.stamps))
    name_means(drafts)
    passage.name_passage_means(drafts, profiles)
    name_authors(drafts)
    for draft in drafts:
        elsewhere = other_incidents(drafts, draft)
        unnamed_perpetrator(
            index, draft.label, draft.actors, draft.place, draft.spans, draft.at, elsewhere
        )
    name_retold_authors(drafts)
    passage.name_killing_means(drafts, profiles)
    # Last: a recap is still another incident while the passes above read the article.
    flag_earlier_incidents(drafts, index.published)
    events = tuple(d.event(index.published, index.focus_country) for d in drafts)
    new = tuple(e for e in index.added.values() if e.id not in index.known)
    places = analysis.places + _localities(analysis, drafts)
    return replace(analysis, events=events, entities=analysis.entities + new, places=places)


def _scene(draft: Draft, told: Place | None) -> Place | None:
    """The place of a report that refers back to the incident told before ("the raid"):
    that incident's, or the town on no map its own words name there ("the strike on the
    village of X"), in that incident's province rather than the article's."""
    own = draft.place
    if told is None:
        return own
    if own is not None and own.feature == LOCALITY and draft.names(own):
        held = told.country_code == own.country_code and (told.admin1 or told.feature == "admin1")
        return rehome(own, told) if held else own
    return told


def _localities(analysis: Analysis, drafts: list[Draft]) -> tuple[Place, ...]:
    """The places the events are placed at that the article's places lack: towns on no map
    (``events.localities``), or a town's gazetteer entry found from its spelling, once each."""
    known = {p.id for p in analysis.places}
    found: dict[str, Place] = {}
    for draft in drafts:
        place = draft.place
        if place is None or place.id in known:
            continue
        held = found.get(place.id)
        mentions = (*held.mentions, *place.mentions) if held else place.mentions
        found[place.id] = replace(held or place, mentions=tuple(dict.fromkeys(mentions)))
    return tuple(found.values())


def _tolls(
    index: ArticleIndex, candidates: list[EventCandidate], sentence: Span, number: int
) -> dict[int, Toll]:
    """The sentence's tolls by candidate; the dead of a recap ("in retaliation for the
    killing of four") count for the report's own incident only if all it tells is recaps."""
    recaps = [told_as_recap(event_tokens(c, sentence.doc)) for c in candidates]
    figures = index.figures if all(recaps) else outside_recaps(index.figures, sentence)
    return fatalities(index.text, figures, candidates, sentence, opening=number < LEAD_SENTENCES)


def _told_before(
    candidate: EventCandidate,
    sentence: Span,
    index: ArticleIndex,
    when: tuple[str, str, str] | None,
    number: int,
    undated: bool,
) -> bool:
    """History by its wording: told as long past, only as a recap (``recaps``), as
    another incident days before the report (``_another_before``), recalled past the
    lead from earlier in the week or month (``realis.recalled``), or, with no date of its
    own read (``undated``), in a past year's clause (``_in_past_year``)."""
    return (
        realis.told_as_history(candidate.anchor, sentence)
        or (undated and _in_past_year(index, candidate, sentence))
        or (number >= LEAD_SENTENCES and realis.recalled(sentence))
        or told_as_recap(event_tokens(candidate, sentence.doc))
        or _another_before(index, candidate, when)
    )


def _in_past_year(index: ArticleIndex, candidate: EventCandidate, sentence: Span) -> bool:
    """An event with no date of its own read whose clause names a past year
    (``realis.told_in_past_year``): a year ended a month before the report is history."""
    day = day_of(index.published[0] if index.published else None)
    year = (day - timedelta(days=HISTORY_DAYS)).year if day else None
    return realis.told_in_past_year(candidate.anchor, sentence, year)


# A stated day this many days before the report is another incident's, not the report's own.
_DAYS_BEFORE_REPORT = 2


def _another_before(
    index: ArticleIndex, candidate: EventCandidate, when: tuple[str, str, str] | None
) -> bool:
    """The reported incident told as coming days after an earlier one (``realis.restates``),
    or another incident like it (``realis.told_as_another``) dated days before the report:
    "a similar bombing on March 3 killed five" in an April report."""
    if realis.restates(candidate.anchor):
        return True
    end, day = (
        day_of(when[1] if when else None),
        day_of(index.published[0] if index.published else None),
    )
    return (
        end is not None
        and day is not None
        and (day - end).days > _DAYS_BEFORE_REPORT
        and realis.told_as_another(candidate.anchor)
    )


def _roll_ups(drafts: list[Draft]) -> None:
    """Flag as cumulative the few days' tolls deep in the body (``realis.rolls_up``) of
    an article that gives another incident a toll."""
    tolled = [
        (d, d.toll.value)
        for d in drafts
        if d.mode == "asserted" and not d.history and d.toll is not None and d.toll.value
    ]
    rolled = [d for d, value in tolled if realis.rolls_up(d.spans[0].text, d.sentence, value)]
    if len(rolled) < len(tolled):
        for draft in rolled:
            draft.mode = "cumulative"


class _Clause(NamedTuple):
    """A candidate's share of its sentence."""

    foreign: frozenset[int]  # the words of the sentence's other events
    region: set[int]  # its own clause
    claimed: set[int]  # the clauses of the sentence's other events
    taken: set[int]  # the dates of the other events' noun phrases (``phrase_dates``)


def _clauses(
    candidates: list[EventCandidate], sentence: Span, dates: list[DateMention]
) -> list[_Clause]:
    words = [{t.i for t in event_tokens(c, sentence.doc)} for c in candidates]
    foreigns = [
        frozenset().union(*(w for n, w in enumerate(words) if n != position))
        for position in range(len(candidates))
    ]
    regions = [clause_region(c, sentence.doc, f) for c, f in zip(candidates, foreigns, strict=True)]
    # A date of an event's noun phrase is its own ("the chemical weapon use on Tuesday"):
    # the sentence's other events do not borrow it, even from their own clause.
    several = len(candidates) > 1
    phrases = [phrase_dates(dates, c, sentence) if several else set() for c in candidates]
    owned = [r | p for r, p in zip(regions, phrases, strict=True)]
    return [
        _Clause(
            foreign,
            region,
            set().union(*(r for n, r in enumerate(owned) if n != position)),
            set().union(*(p for n, p in enumerate(phrases) if n != position)),
        )
        for position, (foreign, region) in enumerate(zip(foreigns, regions, strict=True))
    ]


def _when(
    index: ArticleIndex,
    candidate: EventCandidate,
    sentence: Span,
    clause: _Clause,
    dated: Dated,
    asserted: bool,
) -> tuple[tuple[str, str, DatePrecision] | None, DateMention | None, bool]:
    """The event's date, the expression it was read from and whether it is history: its
    clause's date, else its sentence's unclaimed one, else an earlier event's of its type
    (``crosswire.events.dating``)."""
    stated = clause_date(
        index.dates, candidate, sentence, clause.region, index.stamps, clause.taken
    )
    when = (stated.start_date, stated.end_date, stated.precision) if stated else None
    history = when is not None and is_history(when, index.published)
    if when is not None and asserted and not history and narrow(when):
        dated.setdefault(candidate.label, when)
    published = index.published[0] if index.published else None
    if when is None and (
        counted := relative_date(index.dates, sentence, candidate.anchor, index.stamps, published)
    ):
        when, stated = counted
        return when, stated, is_history(when, index.published)
    if when is None:
        stated = sentence_date(
            index.dates, candidate, sentence, clause.claimed, published, index.stamps
        )
        when = (stated.start_date, stated.end_date, stated.precision) if stated else None
    if when is None:
        when = dated.get(candidate.label)
    return when, stated, history


def _draft(
    index: ArticleIndex,
    candidate: EventCandidate,
    sentence: Span,
    number: int,
    toll: Toll | None,
    dated: Dated,
    clause: _Clause,
) -> Draft:
    by_means = incident.by_means(candidate.label, candidate.anchor, sentence)
    on_civilians, candidate.label = by_means != candidate.label, by_means
    actor_spans = [
        CharSpan(*phrase(token))
        for token in (candidate.roles.agent, *candidate.roles.co_agents)
        if token is not None and index.place_at(token) is None
    ]
    foreign, region = clause.foreign, clause.region
    targets = event_targets(event_tokens(candidate, sentence.doc))
    place, place_named = event_place(index, sentence, region, foreign, actor_spans, targets)
    country = actor_country(index, place, place_named)
    mode = realis.refine(
        modality(candidate.anchor),
        candidate.anchor,
        sentence,
        toll.value if toll else None,
    )
    when, stated, history = _when(index, candidate, sentence, clause, dated, mode == "asserted")
    history = history or _told_before(candidate, sentence, index, when, number, stated is None)
    on_day = day_of((when or index.published or ("",))[0])
    actors = event_actors(index, candidate, sentence, country, on_day)
    text = index.text[sentence.start_char : sentence.end_char].rstrip()
    return Draft(
        label=candidate.label,
        actors=actors,
        place=place,
        place_named=place_named,
        when=when,
        date_text=stated.mention.text if stated else None,
        toll=toll,
        mode=mode,
        spans=[
            SourceSpan(
                article=index.article_id,
                start=sentence.start_char,
                end=sentence.start_char + len(text),
                text=text,
            )
        ],
        depth=depth_below(candidate.anchor, sentence.root),
        sentence=number,
        weak=is_weak(candidate, actors),
        history=history,
        # A habit has no toll: "strikes kill 12" is a headline's present, not a habit.
        habitual=is_habitual(candidate.anchor) and (toll is None or not toll.value),
        trigger=candidate.anchor.text,
        civilian_targeting=on_civilians,
        at=candidate.anchor.idx,
        means_at=_means_at(candidate, sentence.doc),
        reported_on=stated is not None and reported_on(stated, sentence),
        retold=retells(event_tokens(candidate, sentence.doc)),
    )


def _means_at(candidate: EventCandidate, doc: Doc) -> int:
    """Character offset of the first word that tells the event's means (a weapon or an
    event word, not "killed"), else of its event word."""
    told = [doc[c.start].idx for c in candidate.cues if c.kind != "outcome"]
    return min(told, default=candidate.anchor.idx)


__all__ = ["extract_events", "modality", "roles_of"]
