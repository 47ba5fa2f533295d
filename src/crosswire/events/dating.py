"""When an event happened: the date expression an event is dated by.

An event of a sentence takes, in this order:

1. a date expression of its own clause, the one nearest its words
   (``clause_date``), or of the noun phrase its words modify ("the chemical weapon
   use on Tuesday": no other event of the sentence borrows that one); when the
   clause holds a wide date and a narrower one inside it ("earlier this month ...
   killed ... on Friday", "last week, on Tuesday"), the narrower one, which says more;
2. otherwise a date of its sentence outside its clause that no other event of the
   sentence holds in its own clause (``sentence_date``): "a helicopter dropped
   barrels on Wednesday, killing four", "fighters were killed, a monitor said on
   Monday". Only a date of a week or less that is not history (the article says
   nothing of a weeks-old day without naming the event it belongs to). A word of
   sequence ("after") between the event and the date parts them, except when the
   date is the day of a report the event is told in ("the monitor reported on
   Monday that 30 were killed after the attack"): the event happened by that day;
3. a count of days from another incident ("two days after fighting killed 12", "A day
   earlier, ...": ``relative_date``, read by ``crosswire.dates.relative``), tried
   before 2: it says more than a report's day;
4. otherwise ``extract`` gives it the date of an earlier event of its type when that
   date is a day or a few days (a month-wide "last month" of another line dates
   nothing), then the article's own date.

Once the article is read, ``backdate`` gives a report told first with no date (a
headline, a lead: "Air strikes kill 40 in Aleppo town") the date a later sentence
tells the same incident with ("The strikes on Tuesday killed 40 people"): the same
event type and the same toll, in no other area, or a sentence that names the incident
again as its subject ("The killings took place on Monday", ``retells``, at a finer
place of the same province too). Its ``date_text`` stays empty: the date is inferred,
not read in its own words. A report of the body with no date at all, right after a
sentence that dated a report of the same incident, goes on telling it and takes that
day rather than the article's (``_carried_on``).

The stamp that dates the page ("Published October 2 2017", an agency name and "Monday 3 Mar
2025" heading the body, a wire dateline "BEIRUT, March 4 (Reuters) -") is never an
event's date expression: it dates the report, not the incident, and an event told
with no date of its own already falls back to the article's date. Reading it as the
event's own date hid the clause's own words ("late Tuesday", "since Saturday", "over
the weekend").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from datetime import date, timedelta

from spacy.tokens import Span, Token

from crosswire.dates.relative import BACK_SENTENCES, Relative, counted_day, find_relatives
from crosswire.events.drafts import (
    LEAD_REACH,
    LEAD_SENTENCES,
    NARROW_DAYS,
    Draft,
    live,
    narrow,
    same_incident,
)
from crosswire.events.location import event_tokens, same_area
from crosswire.events.tolls import tree_distance
from crosswire.events.typer import EventCandidate
from crosswire.metadata.bylines import parse_dateline
from crosswire.metadata.pubdates import HEAD_CHARS, head_dates
from crosswire.model import DateMention, DatePrecision, Mention

_YEAR = re.compile(r"\d{4}")
# Words that put two clauses at different times: a date across them is the other
# clause's ("a truce held on Thursday, two days after fighting killed 12").
_SEQUENCE_WORDS = frozenset(
    {"after", "before", "following", "since", "until", "till", "prior", "ago"}
    | {"earlier", "later", "previously", "then"}
)
# A borrowed date older than this many days before the article's date is history,
# as ``drafts.HISTORY_DAYS`` has it for a clause's own date.
BORROW_DAYS = 31


def stamp_starts(text: str, dates: Iterable[DateMention]) -> frozenset[int]:
    """Offsets of the date mentions that stamp the page: a day with its year at the head
    of the body, read as the article's date by the metadata stage's rules, or the day of
    a wire dateline ("BEIRUT, March 4 (Reuters) -"), the report's day, not the incident's.
    A weekday of the lead ("killed on Monday") is no stamp, though the stamp may name it
    too."""
    stamps = [(h.date.iso, h.text) for h in head_dates(text)]
    line_end = _dated_line_end(text)
    return frozenset(
        d.mention.start
        for d in dates
        if d.mention.end <= line_end
        or (
            d.mention.start < HEAD_CHARS
            and _YEAR.search(d.mention.text)
            and any(d.start_date == day and d.mention.text.strip() in told for day, told in stamps)
        )
    )


def _dated_line_end(text: str) -> int:
    """Where a wire dateline that gives a day of the month ends ("BEIRUT, March 4 (Reuters)
    -"), read by the metadata stage's dateline rules; 0 without one."""
    body = text.lstrip()
    dateline = parse_dateline(body)
    if dateline is None or dateline.date is None:
        return 0
    return len(text) - len(body) + len(dateline.text)


def _in_sentence(d: DateMention, sentence: Span) -> bool:
    return sentence.start_char <= d.mention.start and d.mention.end <= sentence.end_char


def _tokens(d: DateMention, sentence: Span) -> Span | None:
    span = sentence.doc.char_span(d.mention.start, d.mention.end, alignment_mode="expand")
    return span if span is not None and len(span) else None


def _sentence_dates(
    dates: Iterable[DateMention], sentence: Span, stamps: frozenset[int]
) -> Iterator[tuple[DateMention, Span]]:
    """The sentence's date expressions with their tokens, the page's stamps left out."""
    for d in dates:
        if d.mention.start in stamps or not _in_sentence(d, sentence):
            continue
        span = _tokens(d, sentence)
        if span is not None:
            yield d, span


def _contains(wide: DateMention, narrow: DateMention) -> bool:
    return (
        wide.start_date <= narrow.start_date
        and narrow.end_date <= wide.end_date
        and (wide.start_date, wide.end_date) != (narrow.start_date, narrow.end_date)
    )


def _narrowest_inside(chosen: DateMention, others: list[DateMention]) -> DateMention:
    inside = [d for d in others if _contains(chosen, d)]
    if not inside:
        return chosen
    return min(inside, key=lambda d: (_days(d), d.mention.start))


def _days(d: DateMention) -> int:
    return (date.fromisoformat(d.end_date) - date.fromisoformat(d.start_date)).days + 1


def _distance(span: Span, words: list[Token]) -> int:
    return min(tree_distance(span.root, w) for w in words)


def clause_date(
    dates: Iterable[DateMention],
    event: EventCandidate,
    sentence: Span,
    region: set[int],
    stamps: frozenset[int] = frozenset(),
    taken: set[int] | frozenset[int] = frozenset(),
) -> DateMention | None:
    """The date expression of the event's own clause nearest its words (a narrower one
    inside it wins); a date elsewhere in the sentence is another clause's ("a truce held
    on Thursday, two days after fighting killed 12"). A date of the noun phrase the
    event's words modify is its own ("the chemical weapon use on Tuesday"); one of another
    event's noun phrase (``taken``) is not."""
    words = event_tokens(event, sentence.doc)
    heads = _phrase_heads(words)
    found: list[tuple[int, int, DateMention]] = []
    for d, span in _sentence_dates(dates, sentence, stamps):
        if any(t.i in taken for t in span):
            continue
        if any(t.i in region for t in span) or _dates_noun(span.root, heads):
            found.append((_distance(span, words), d.mention.start, d))
    if not found:
        return None
    nearest = min(found, key=lambda item: item[:2])[2]
    return _narrowest_inside(nearest, [d for _n, _s, d in found])


def sentence_date(
    dates: Iterable[DateMention],
    event: EventCandidate,
    sentence: Span,
    claimed: set[int],
    published: str | None,
    stamps: frozenset[int] = frozenset(),
) -> DateMention | None:
    """A narrow, recent date of the sentence outside every other event's clause
    (``claimed``), nearest the event's words; None when there is none."""
    words = event_tokens(event, sentence.doc)
    found: list[tuple[int, int, DateMention]] = []
    for d, span in _sentence_dates(dates, sentence, stamps):
        if any(t.i in claimed for t in span):
            continue
        if _days(d) > NARROW_DAYS or _too_old(d, published):
            continue
        if not _tells_of(span, words) and any(_in_sequence(w, span.root) for w in words):
            continue
        found.append((_distance(span, words), d.mention.start, d))
    return min(found, key=lambda item: item[:2])[2] if found else None


# How an event word names the head of its noun phrase: "the chemical weapon use",
# "a car bomb explosion", "the suicide attack".
_MODIFIER_LINKS = frozenset({"compound", "amod", "nmod"})


def _phrase_heads(words: list[Token]) -> set[int]:
    """The nouns the event's words modify ("chemical weapon" in "the chemical weapon
    use on Tuesday"): a date of that noun phrase dates the event the words name."""
    return {
        w.head.i
        for w in words
        if w.dep_ in _MODIFIER_LINKS and w.head.pos_ == "NOUN" and w.head.i != w.i
    }


def _dates_noun(root: Token, heads: set[int]) -> bool:
    """Whether a date hangs from one of ``heads``: "use on Tuesday" (a preposition),
    "Tuesday's use" (a possessive or a noun modifier)."""
    if root.dep_ == "pobj" and root.head.dep_ == "prep":
        return root.head.head.i in heads
    return root.dep_ in ("poss", "npadvmod", "compound", "nmod") and root.head.i in heads


def phrase_dates(dates: Iterable[DateMention], event: EventCandidate, sentence: Span) -> set[int]:
    """Token indices of the sentence's dates that hang from the noun phrase the event's
    words modify ("the chemical weapon use on Tuesday"): the event's own, claimed from
    the sentence's other events as its clause is."""
    heads = _phrase_heads(event_tokens(event, sentence.doc))
    if not heads:
        return set()
    return {
        t.i
        for _d, span in _sentence_dates(dates, sentence, frozenset())
        if _dates_noun(span.root, heads)
        for t in span
    }


def _tells_of(span: Span, words: list[Token]) -> bool:
    """Whether the date is the day a report was made and the event is what it told ("the
    monitor said on Monday that 30 were killed after the attack"): the event happened
    on or before that day, whatever words of sequence order it within the report."""
    verb = _report_verb(span.root)
    return verb is not None and all(verb.i in {a.i for a in w.ancestors} for w in words)


# Verbs whose day is the report's, not the incident's: "a monitor said on Tuesday", "a
# video posted on Monday", "the agency reported Sunday".
_REPORT_LEMMAS = frozenset(
    {"say", "tell", "report", "announce", "state", "add", "confirm", "claim", "quote"}
    | {"publish", "post", "release", "upload", "broadcast", "air", "issue", "write"}
)
# A toll that rose on a day ("the death toll rose to 40 on Friday") dates the count.
_COUNT_LEMMAS = frozenset({"rise", "climb", "reach", "increase", "mount", "jump", "hit"})
_COUNT_SUBJECTS = frozenset({"toll", "number", "count", "tally"})
# Dependencies a date phrase hangs from its verb by ("said on Tuesday", "said Tuesday").
_DATE_LINKS = frozenset({"prep", "pobj", "npadvmod", "tmod", "obl", "advmod", "nmod"})


def reported_on(d: DateMention, sentence: Span) -> bool:
    """Whether the date is the day a report was made ("a monitor said on Tuesday", "the
    video, posted on Monday", "the toll rose to 40 on Friday"): a day the incident lies
    on or before, not its own."""
    span = _tokens(d, sentence)
    if span is not None and _of_claim(span.root):
        return True
    verb = _date_verb(span.root) if span is not None else None
    return verb is not None and (verb.lemma_.lower() in _REPORT_LEMMAS or _counts(verb))


_CLAIM_NOUNS = frozenset({"responsibility", "credit"})


def _of_claim(root: Token) -> bool:
    """ "IS claimed responsibility for the bombing on Tuesday": whichever the day hangs
    from, the attack lies on or before the day of the claim, not after it."""
    for token in root.ancestors:
        if token.pos_ in ("VERB", "AUX"):
            return token.lemma_.lower() == "claim" and any(
                c.dep_ == "dobj" and c.lemma_.lower() in _CLAIM_NOUNS for c in token.children
            )
    return False


def _date_verb(root: Token) -> Token | None:
    """The verb a date phrase hangs from ("said on Tuesday", "said Tuesday"), or None."""
    token = root
    while token.dep_ in _DATE_LINKS and token.head.i != token.i:
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            return token
    return None


def _report_verb(root: Token) -> Token | None:
    """The verb of saying a date hangs from ("said on Tuesday"), or None."""
    verb = _date_verb(root)
    return verb if verb is not None and verb.lemma_.lower() in _REPORT_LEMMAS else None


def _counts(verb: Token) -> bool:
    """ "The death toll rose to 40 on Friday": the day the count was made."""
    return verb.lemma_.lower() in _COUNT_LEMMAS and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in _COUNT_SUBJECTS
        for c in verb.children
    )


def _in_sequence(word: Token, date_root: Token) -> bool:
    """Whether the tree path from the event's word to the date crosses a word of
    sequence ("after", "before", "since" ...), on the path or marking a clause on it."""
    date_side = {t.i for t in (date_root, *date_root.ancestors)}
    path = [word]
    for token in word.ancestors:
        if path[-1].i in date_side:
            break
        path.append(token)
    common = path[-1].i if path[-1].i in date_side else None
    for token in date_root.ancestors:
        if token.i == common:
            break
        path.append(token)
    return any(
        t.lower_ in _SEQUENCE_WORDS
        or any(
            c.dep_ in ("mark", "advmod", "prep") and c.lower_ in _SEQUENCE_WORDS for c in t.children
        )
        for t in path
        if t.i != common
    )


def relative_date(
    dates: list[DateMention],
    sentence: Span,
    anchor: Token,
    stamps: frozenset[int],
    published: str | None,
) -> tuple[tuple[str, str, DatePrecision], DateMention | None] | None:
    """The date of an event whose clause names none, counted from another incident's
    (``crosswire.dates.relative``): "a truce held on Thursday, two days after fighting
    killed 12" dates the fighting two days before Thursday, "A day later, jets struck"
    a day after the day the text named last. With the day counted from named, the date
    and a date expression of the phrase (its ``date_text``); without, a range of the
    article's recent days and None (inferred, not read). None when no phrase dates it."""
    for relative in find_relatives(sentence.doc.text, sentence.start_char, sentence.end_char):
        side = _side(relative, anchor)
        if side is None:
            continue
        base = _counted_from(dates, sentence, relative, side, stamps)
        if base is None and side == "dated" and relative.referent[0] >= 0:
            continue  # "jets struck two days after rebels seized it": the seizure is undated
        when = counted_day(relative, side == "referent", base, published)
        if when is None:
            return None
        if base is None:
            return when, None
        mention = Mention(
            article=base.mention.article, start=relative.start, end=relative.end, text=relative.text
        )
        said = DateMention(mention=mention, start_date=when[0], end_date=when[1], precision=when[2])
        return when, said
    return None


def _side(relative: Relative, anchor: Token) -> str | None:
    """Which side of ``relative`` the event of ``anchor`` is on: the incident counted from
    ("referent"), the one the phrase dates ("dated"), or neither (an adverb of another
    clause)."""
    if relative.referent[0] >= 0:
        return "referent" if relative.refers(anchor.idx) else "dated"
    doc = anchor.doc
    word = doc.char_span(relative.start, relative.end, alignment_mode="expand")
    if word is None:
        return None
    head = word.root
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    return "dated" if anchor.i == head.i or head in anchor.ancestors else None


def _counted_from(
    dates: list[DateMention],
    sentence: Span,
    relative: Relative,
    side: str,
    stamps: frozenset[int],
) -> DateMention | None:
    """The named day the count starts from: for the incident counted from, the nearest
    day of the rest of the sentence (with none, the last day named in the sentences
    before: "The attack comes two days after ..." retells an incident told with its day);
    for the dated side, a day of the incident counted from, else (an adverb) the last
    day named in the sentences before it. Not a page's stamp, not a report's day, a few
    days at most."""
    if relative.referent[0] < 0:
        return _day_before(dates, sentence, relative.start, stamps)
    low, high = relative.referent
    if side == "referent" and not any(
        _in_sentence(d, sentence) and not low <= d.mention.start < high for d in dates
    ):
        # "The attack comes two days after ...": the attack told before, on its day.
        return _day_before(dates, sentence, sentence.start_char, stamps)
    found = [
        d
        for d, _ in _sentence_dates(dates, sentence, stamps)
        if (low <= d.mention.start < high) == (side == "dated")
        and not (relative.start <= d.mention.start < relative.end)
        and _days(d) <= NARROW_DAYS
        and not reported_on(d, sentence)
    ]
    return min(found, key=lambda d: abs(d.mention.start - relative.start)) if found else None


def _day_before(
    dates: list[DateMention], sentence: Span, at: int, stamps: frozenset[int]
) -> DateMention | None:
    """The last narrow day named before character ``at``, in its sentence or the
    ``BACK_SENTENCES`` before, not a page's stamp nor a report's day."""
    first = sentence
    for _ in range(BACK_SENTENCES):
        if first.start == 0:
            break
        first = first.doc[first.start - 1].sent
    found = [
        d
        for d in dates
        if first.start_char <= d.mention.start
        and d.mention.end <= at
        and d.mention.start not in stamps
        and _days(d) <= NARROW_DAYS
    ]
    for d in sorted(found, key=lambda d: d.mention.start, reverse=True):
        span = _tokens(d, d_sentence := _sentence_of(d, sentence))
        if span is not None and not reported_on(d, d_sentence):
            return d
    return None


def _sentence_of(d: DateMention, sentence: Span) -> Span:
    token = sentence.doc.char_span(d.mention.start, d.mention.end, alignment_mode="expand")
    return token.sent if token is not None and len(token) else sentence


def _too_old(d: DateMention, published: str | None) -> bool:
    try:
        day = date.fromisoformat(published or "")
    except ValueError:
        return False
    return date.fromisoformat(d.end_date) < day - timedelta(days=BORROW_DAYS)


def backdate(drafts: list[Draft], dated_at: Iterable[int] = ()) -> None:
    """An undated report, or one dated only by the day it was reported ("a monitor said
    on Tuesday"), takes the date a later sentence tells the same incident with (in
    place): the same type and toll in no other area, or, for the opening of the article,
    the day the next sentences of the lead give a violent event in its area. ``dated_at``:
    where the text's date expressions start, the page's stamps left out."""
    opening = True  # no report told with its day yet
    for number, draft in enumerate(drafts):
        if draft.date_text is not None and not draft.reported_on:
            opening = opening and not _told_dated(draft)
            continue
        lead = opening and draft.sentence < LEAD_SENTENCES
        later = next((d for d in drafts[number + 1 :] if _dates_it(d, draft, lead)), None)
        if later is not None:
            draft.when = later.when
            draft.date_text = None  # inferred from the later sentence, not read in its own
    _told_again(drafts)
    _carried_on(drafts, sorted(dated_at))


def _told_again(drafts: list[Draft]) -> None:
    """A report told with no date at all and a toll ("The attack on the town killed 58
    civilians", "the hospital recorded four deaths") after a sentence that dated the same
    incident with the same toll ("a gas attack on Tuesday killed 58") is that incident told
    again: it takes that day, not the article's (which ``extract`` would give it). Within
    one sentence a word of sequence may part the two ("seized on Friday after a week of
    clashes"): ``sentence_date`` decides there."""
    for number, draft in enumerate(drafts):
        if draft.when is not None or draft.mode != "asserted" or not _counted(draft):
            continue
        earlier = next(
            (
                e
                for e in reversed(drafts[:number])
                if e.sentence < draft.sentence and _same_count(e, draft) and _told_dated(e)
            ),
            None,
        )
        if earlier is not None and same_incident(draft, earlier):
            draft.when = earlier.when


# How many sentences back a dated report still dates an undated one of its incident.
CARRY_REACH = 2


def _carried_on(drafts: list[Draft], dated_at: list[int]) -> None:
    """A report told with no date in the body ("The men were killed as they helped the
    wounded", "the three storeys collapsed") right after a sentence that dated a report of
    the same incident ("an air strike hit the clinic on Friday") goes on telling it: it
    takes that day, not the article's (which ``extract`` would give it). Only the
    nearest dated report of the last ``CARRY_REACH`` sentences, and only one of the same
    event type in no other area (``same_incident``); a headline or lead has no sentence
    before it and keeps what ``backdate`` gave it. A sentence with a date of its own that
    its event did not take ("launched an offensive on May 31", history) borrows none.
    A day the earlier report was told on ("the group said on Friday") serves too: the
    incident happened by then, nearer than the article's own day."""
    for number, draft in enumerate(drafts):
        if draft.when is not None or not live(draft) or _has_date(draft, dated_at):
            continue
        earlier = next(
            (
                e
                for e in reversed(drafts[:number])
                if draft.sentence - CARRY_REACH <= e.sentence < draft.sentence and _told_dated(e)
            ),
            None,
        )
        if earlier is not None and same_incident(draft, earlier):
            draft.when = earlier.when


def _has_date(draft: Draft, dated_at: list[int]) -> bool:
    span = draft.spans[0]
    at = bisect_left(dated_at, span.start)
    return at < len(dated_at) and dated_at[at] < span.end


def _counted(draft: Draft) -> bool:
    return draft.toll is not None and bool(draft.toll.value)


def _same_count(earlier: Draft, draft: Draft) -> bool:
    if earlier.reported_on or earlier.toll is None or draft.toll is None:
        return False
    return bool(earlier.toll.value) and earlier.toll.value == draft.toll.value


def _dates_it(later: Draft, draft: Draft, lead: bool) -> bool:
    if not _told_dated(later):
        return False
    if draft.reported_on and not _before(later, draft):
        return False
    if not _same_place(later, draft):
        # An incident named again ("The killings took place on Wednesday at the airbase")
        # may give a finer place than the headline's town or province: one province.
        return later.retold and _same_province(later, draft) and _retells(later, draft)
    return (
        _same_report(later, draft)
        or (lead and _in_lead(later, draft))
        or (later.retold and _retells(later, draft))
    )


def _same_province(later: Draft, draft: Draft) -> bool:
    here, there = draft.place, later.place
    return (
        here is not None
        and there is not None
        and here.country_code == there.country_code
        and here.admin1 is not None
        and here.admin1 == there.admin1
    )


# Determiners of a noun that names an incident already told: "the attack", "this blast".
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})
# A day owning the incident: "Tuesday's attack", "Thursdays air strikes" (the apostrophe
# lost), "yesterday's blast".
_DAY_OWNER = re.compile(r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday)(?:'?s)?")


def retells(words: list[Token]) -> bool:
    """Whether an event word names again, as the subject of its sentence, an incident the
    article has told ("The killings took place on Wednesday", "The attack came early on
    Tuesday", "Thursday's air strikes were carried out in the suburb"): a definite noun
    or one a day owns, subject of the sentence's main verb."""
    return any(
        w.pos_ == "NOUN"
        and w.dep_ in ("nsubj", "nsubjpass")
        and _main_verb(w.head)
        and any(_names_known(c) for c in w.children)
        for w in words
    )


def _main_verb(verb: Token) -> bool:
    """The sentence's main verb, or the one of what its main verb says ("The attack took
    place on Monday, a monitor said")."""
    return verb.dep_ == "ROOT" or (verb.dep_ == "ccomp" and verb.head.dep_ == "ROOT")


def _names_known(child: Token) -> bool:
    if child.dep_ == "det":
        return child.lower_ in _DEFINITE
    return child.dep_ in ("poss", "compound", "npadvmod") and bool(
        _DAY_OWNER.fullmatch(child.lower_)
    )


def _retells(later: Draft, draft: Draft) -> bool:
    """A later sentence naming the incident again with its day ("The killings took place on
    Wednesday") dates a happened report of it told undated: the same sub-event type, no
    other toll."""
    if draft.mode != "asserted" or not draft.violent or later.label != draft.label:
        return False
    theirs, mine = later.toll, draft.toll
    return theirs is None or not theirs.value or (mine is not None and mine.value == theirs.value)


def _before(later: Draft, draft: Draft) -> bool:
    """Whether ``later``'s day is a day the report dated ``draft`` could tell of: the
    incident happened on or before the day it was reported, and is not that same day."""
    if later.reported_on or later.when is None or draft.when is None:
        return False
    return later.when[0] < draft.when[0] and later.when[1] <= draft.when[1]


def _told_dated(later: Draft) -> bool:
    """A happened report dated by its own words, recent and narrow enough to be a day's."""
    return (
        later.date_text is not None
        and later.when is not None
        and not later.history
        and later.mode == "asserted"
        and narrow(later.when)
    )


def _same_place(later: Draft, draft: Draft) -> bool:
    here, there = draft.place, later.place
    return here is None or there is None or same_area(here, there) or same_area(there, here)


def _same_report(later: Draft, draft: Draft) -> bool:
    """The same type and the same toll: the incident told again."""
    return (
        draft.toll is not None
        and bool(draft.toll.value)
        and later.label == draft.label
        and later.toll is not None
        and later.toll.value == draft.toll.value
    )


def _in_lead(later: Draft, draft: Draft) -> bool:
    """The headline or lead told undated ("Air strikes kill 40 in rebel town") and the next
    sentences dating a violent event of its area ("Jets struck the market on Tuesday ..."):
    news tells the incident's day in the lead's first lines. A lower toll is a part of the
    dead only in the very next sentence ("54 killed in Aleppo" then "strikes on Tuesday
    killed 25 in one district"); further on it may be another strike's."""
    if not (draft.violent and later.violent):
        return False
    if not draft.sentence < later.sentence <= draft.sentence + LEAD_REACH:
        return False  # a date of its own sentence is its clause's or none (``sentence_date``)
    mine, theirs = draft.toll, later.toll
    if mine is None or mine.value is None or theirs is None or theirs.value is None:
        return True
    if theirs.value == mine.value:
        return True
    return theirs.value < mine.value and later.sentence == draft.sentence + 1
