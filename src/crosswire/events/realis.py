"""Realis beyond the clause's own grammar: whether an event word reports an incident.

``modality`` (at the end) reads negation, modals, threats and plans off the
verbs above the event word; ``refine`` adds the classes of phrasing that mention an
event without reporting one incident, each a modality of its own so the
event is kept (brief.json) but stays off the timeline, map and exports:

- ``reaction``: the event is what someone condemns, denounces or blames ("the
  minister condemned the bombing"); the report of the bombing is elsewhere;
- ``cumulative``: a tally over a period, not one incident ("since April", "so
  far this year", "during the five-year war", "the conflict has killed", "in recent
  weeks", "have been killed since talks broke off"), a week's toll ("the
  week's death toll"), or a toll no single incident reaches (``TALLY_FLOOR`` dead and more);
  deep in the body, a toll over a few days or hours ("in the last three days", "in the
  past 24 hours", ``rolls_up``) or a day's total over many places ("in total 40 died in
  strikes on 11 towns") beside another incident's toll;
- ``caption``: a photo caption, whose main verb describes the picture in the
  present tense and names the event only as its setting ("A man walks past
  rubble after an air strike"), or a sentence that opens with a photo credit;
- ``hypothetical``: commentary ("perhaps", "possible strikes");
- ``ongoing``: a state or an effort over a long time, not an incident: the event's
  own clause lasts "for more than two years" or "ever since", the event is what
  someone is still trying to do ("has been attempting to seize", "tries to break",
  "continues attempts to"), or it is conceded as a setting ("despite a truce"); with
  no day and no toll of its own, an event told by how often ("regularly targeted",
  "countless air raids", "a week-long campaign") or in the present progressive
  ("where the army is fighting to take the dam"); with no day, a trend told in the perfect
  ("government shelling has been on the rise since the truce", "forces have intensified
  attacks on the suburbs"): how violence changed over a time, not one incident.

Background told as such ("in August last year", "two years ago", "days after a chemical
attack", "later that month", a chronology line "2013: ...", past the lead a sentence
opened "earlier this week": ``recalled``) is history, like an event whose date ended
before the article (``told_as_history``).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Span, Token

from crosswire.events import lexicon as lx
from crosswire.model import Modality

# No single incident of the wars crosswire covers killed this many: a war's toll.
TALLY_FLOOR = 2000

REACTION_VERBS = frozenset(
    [
        "condemn",
        "denounce",
        "deplore",
        "decry",
        "slam",
        "criticize",
        "criticise",
        "blame",
        "mourn",
        "lament",
        "regret",
        "censure",
        "protest",
    ]
)
_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
    r"|(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)(?=\.?\s+\d)"  # "since Sept. 19"
)
_PERIOD = (
    r"(?:war|conflict|intervention|campaign|uprising|crisis|revolution|siege|offensive"
    r"|escalation)"
)
_FEW = r"(?:\d+|a|one|two|three|four|five|six|several|few)"
_SPAN = r"(?:years?|months?|weeks?|decades?)"
_TALLY = re.compile(
    r"\bsince\s+(?:the\s+(?:start|beginning|outbreak|onset)|(?:early\s+|late\s+|mid-?)?"
    rf"(?:{_MONTHS})|(?:19|20)\d\d|it\s+(?:began|started)|the\s+{_PERIOD}"
    # the day first: "since 19 February", "since the 3rd of March"
    rf"|(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS}))\b"
    r"|\bso\s+far\s+(?:this|in)\b|\bthis\s+year\b|\bto\s+date\b"
    r"|\bin\s+recent\s+(?:days|weeks|months|years)\b|\blately\b"
    r"|\b(?:during|throughout|over\s+the\s+course\s+of)\s+(?:the|its|their|\w+'s|\w+s')\s+"
    rf"(?:[\w-]+\s+){{0,2}}(?:{_PERIOD}|{_SPAN})\b"
    rf"|\b{_PERIOD}\s+(?:in\s+[\w-]+\s+)?(?:that\s+|which\s+)?(?:has|have|had)\s+"
    r"(?:so\s+far\s+|now\s+)?(?:killed|claimed|left)\b"
    rf"|\b(?:over|in)\s+the\s+(?:past|last)\s+(?:{_FEW}\s+)?{_SPAN}\b"
    rf"|\b(?:in|within)\s+(?:(?:less|more)\s+than|under)\s+{_FEW}\s+{_SPAN}\b"
    # roll-ups over many places: "across the country", "in several provinces"
    r"|\bacross\s+the\s+(?:country|nation)\b|\b(?:nationwide|countrywide)\b"
    r"|\b(?:in|across)\s+(?:several|various|many|different|\d+)\s+(?:provinces|governorates)\b"
    # a week's or a month's count
    r"|\b(?:week|month)'?s\s+(?:death\s+)?tolls?\b|\bweekly\s+(?:death\s+)?tolls?\b"
    r"|\bthis\s+past\s+week\b"
    # a rate, not a toll: "dozens are being killed each day", "ten die every day"
    r"|\b(?:killed|dying|die|dies|died|dead)\s+(?:\w+\s+){0,2}?(?:each|every|per)\s+day\b",
    re.I,
)
# A sentence with no event of its own that names the war or a period ("the toll of the
# conflict has risen to 300,000", "the toll since March rose to 90") updates no incident's
# toll: ``_TALLY``'s phrasing, or any of these words ("has since risen" is the incident's).
_WAR_WORDS = re.compile(
    r"\b(?:(?<!has\s)(?<!have\s)(?<!had\s)since|war|conflict|uprising|revolution|so\s+far"
    r"|this\s+year|began|erupted|intervention|campaign|offensive|siege|months?|years?)\b",
    re.I,
)


def updates_a_tally(sentence: str) -> bool:
    """Whether a sentence telling a toll rose, with no event of its own, tells a tally's."""
    return bool(_WAR_WORDS.search(sentence) or _TALLY.search(sentence))


_CREDIT = re.compile(r"^\W*(?:file\s+)?(?:photo|picture|image|caption)\b", re.I)
_COMMENT_ADVERBS = frozenset({"perhaps", "maybe", "possibly", "presumably", "conceivably"})
_COMMENT_ADJECTIVES = frozenset({"possible", "potential", "future", "eventual", "hypothetical"})
_SETTING = frozenset({"after", "following", "amid", "during"})
_REPORTING = frozenset({"say", "report", "tell", "claim", "announce", "add", "state", "confirm"})


def refine(mode: Modality, anchor: Token, sentence: Span, toll: int | None) -> Modality:
    """The modality of an event word, ``mode`` (from the grammar) refined by this pass."""
    if mode != "asserted":
        return mode
    for test, flag in _REFINERS:
        if test(anchor, sentence):
            return flag
    if not toll and (_conceded(anchor) or _told_as_habit(anchor)):
        return "ongoing"
    if _trend(anchor):
        return "ongoing"
    if (
        (toll is not None and toll >= TALLY_FLOOR)
        or _TALLY.search(sentence.text)
        or _since_clause(anchor)
        or _perfect_tally(anchor)
    ):
        return "cumulative"
    return mode


def rolls_up(text: str, sentence: int, toll: int | None) -> bool:
    """A toll over a few days or weeks (``_DAYS_TALLY``) or a day's total over many places
    (``over_places``) told past the article's first two sentences: a roll-up of incidents,
    when the article gives another incident a toll of its own (the caller checks). In the
    headline or lead such a toll is the report's own battle (a multi-day incident, as ACLED
    codes one; FA-KES annotates a lead's day total so), and where it is the article's only
    toll it is the incident the report is about."""
    return bool(toll) and sentence > 1 and (over_days(text) or over_places(text))


def over_days(text: str) -> bool:
    """The text counts over a few days or weeks ("in two days of clashes")."""
    return bool(_DAYS_TALLY.search(text))


def over_places(text: str) -> bool:
    """The text sums dead over many places: "in total 40 were killed in strikes that hit
    11 towns across the province", or splits its dead among places by name ("three were
    killed in strikes, one in Aleppo province, a second in Hama and a third in Daraa")."""
    return bool(_TOTAL.search(text) and _MANY_PLACES.search(text)) or _split_by_place(text)


def _split_by_place(text: str) -> bool:
    """Two or more counts each placed by name: "6 in Tafas, 4 in Muzayrib", "one in Hama,
    a second in Homs" (a date's day, "May 3 in Hama", is no count)."""
    counts = [m for m in _PLACED_COUNT.finditer(text) if not _after_month(text, m.start())]
    return len(counts) >= 2


def _after_month(text: str, at: int) -> bool:
    words = text[:at].split()
    return bool(words) and bool(re.fullmatch(_MONTHS, words[-1].rstrip("."), re.I))


# A sum told as such; alone it may be one incident's ("in total, 12 died in the strike"),
# so ``over_places`` asks for many places too. "an attack on two villages killed 42"
# (one attack) says no total.
_TOTAL = re.compile(r"\bin\s+total\b|\ba\s+total\b|\btotalling\b", re.I)
_MANY_PLACES = re.compile(
    r"\b(?:\d+|three|four|five|six|seven|eight|nine|ten|several|various|many|multiple"
    r"|different|dozens\s+of)\s+(?:towns|villages|neighbou?rhoods|districts|areas|cities"
    r"|localities|provinces|governorates)\b|\btowns\s+and\s+villages\b|\bacross\b",
    re.I,
)
# A count placed by a capitalised name: "6 in Tafas", "a second in the town of Homs".
_PLACED_COUNT = re.compile(
    r"\b(?:\d+|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en"
    r"|a\s+(?:second|third|fourth)|another)\s+in\s+(?:the\s+)?"
    r"(?:(?:town|city|village|province|neighbou?rhood|district|area|countryside)\s+(?:of\s+)?)?"
    r"[A-Z]\w+"
)


# A count over a few days or weeks: "over the past two days", "in the last three days",
# "in two days of clashes", "killed 84 in three days", "in a week of fighting", "since
# Thursday, shelling has killed 44".
# The headline or lead of a report tells its own battle so (a multi-day incident, as
# ACLED codes one); in the body the same phrasing rolls several incidents up, as does a
# monitor's "in the past 24 hours" there. "after two days of fighting" is a setting, "two
# days ago" a date: neither counts.
_DAY_NAME = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
_WEEKDAY = rf"(?:last\s+)?{_DAY_NAME}"
_HAS_KILLED = r"(?:has|have)\s+(?:so\s+far\s+)?(?:killed|left|claimed|been\s+killed)\b"
_FEW_DAYS = r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|few|couple\s+of)"
_DAYS_TALLY = re.compile(
    rf"\b(?:over|in|during|within|for)\s+(?:the\s+)?(?:past|last|previous)\s+(?:{_FEW_DAYS}\s+)?days\b"
    # a monitor's day roll-up: "killed 10 in the past 24 hours" (deep in the body only)
    r"|\b(?:over|in|during|within)\s+(?:the\s+)?(?:past|last|previous)\s+"
    r"(?:24|48|72|twenty-four|forty-eight|seventy-two)\s+hours\b"
    rf"|\bin\s+(?:{_FEW_DAYS})\s+(?:days|weeks)\b(?!\s+(?:time|from))"
    # the dead counted over days: "killed 70 over three days" ("fell after fighting over
    # three days" is a setting)
    r"|\b(?:killed|died|dead|lives)\b[^.;]{0,60}?\b(?:over|during|across|throughout)\s+"
    rf"(?:the\s+)?(?:{_FEW_DAYS})\s+(?:days|weeks)\b"
    # a week's fighting told as one count: "this week's fighting has killed 60"
    r"|\b(?:this|last|past)\s+(?:week|month)'?s\s+(?:\w+\s+)?(?:fighting|clashes|battles?"
    r"|bombing|bombardment|shelling|raids|air\s*strikes|violence|offensive)\b"
    # two days named as one count: "on Friday and Saturday 13 died", "between Friday and Sunday"
    rf"|\b(?:on|between)\s+{_DAY_NAME}\s+and\s+{_DAY_NAME}"
    r"|\bin\s+(?:a|one)\s+week\s+of\b"
    # a window of dates: "between 21 and 26 of September", "between May 3 and 9"
    rf"|\bbetween\s+(?:{_MONTHS})\s+\d{{1,2}}(?:st|nd|rd|th)?\s+and\s+\d{{1,2}}\b"
    rf"|\bbetween\s+\d{{1,2}}(?:st|nd|rd|th)?\s+and\s+\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS})\b"
    # counted from a day, or from what happened on it: "since a truce broke down on Monday,
    # bombing has killed 85"; "22 were killed in the province since Sunday"
    rf"|\bsince\s+(?:[\w-]+\s+){{0,6}}?{_WEEKDAY}[^.;]*\b{_HAS_KILLED}"
    rf"|\b(?:{_HAS_KILLED}|were\s+killed|died)\b[^.;]*\bsince\s+{_WEEKDAY}"
    # a battle's week: "the week of fighting has left 230 dead" ("after a week of
    # fighting" is the setting of what came next)
    r"|(?<!after\s)(?<!following\s)\b(?:the|a|one)\s+(?:past\s+|last\s+)?week\s+of\s+"
    r"(?:fighting|clashes|battles?|bombing|bombardment|shelling|raids|air\s*strikes)\b",
    re.I,
)


# Counts no one incident is told by: "have killed hundreds of civilians".
_ROUGH_COUNTS = frozenset({"hundreds", "thousands", "tens", "millions"})


def _perfect_tally(anchor: Token) -> bool:
    """A rough count in the perfect with no day ("air strikes have killed hundreds of
    civilians in the province", "the siege has left thousands dead"): a running total,
    not one incident's toll (which a report gives a day and a figure)."""
    if any(w.lower_ in _DAYS for w in anchor.sent):
        return False
    for verb in _own_clause(anchor):
        helpers = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
        if verb.tag_ != "VBN" or not helpers & {"has", "have", "had"}:
            continue
        counted = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
        if any(c.lower_ in _ROUGH_COUNTS for c in counted):
            return True
    return False


_DAYS = frozenset(
    {
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "yesterday",
        "overnight",
    }
)


def _since_clause(anchor: Token) -> bool:
    """A count since something happened: "have been killed since peace talks broke off"
    ("since" heading a past-tense clause on the event's own verbs). One that began days
    ago ("since they attacked on Thursday") is a battle, like "since Saturday"; one on
    another word is a comparison ("the worst loss since they arrived")."""
    verbs = {t.i for t in _own_clause(anchor)}
    return any(
        t.lower_ == "since"
        and t.dep_ == "mark"
        and t.head.tag_ == "VBD"
        and t.head.head.i in verbs
        and not any(w.lower_ in _DAYS for w in t.head.subtree)
        for t in anchor.sent
    )


def ancestors(anchor: Token, steps: int = 4) -> list[Token]:
    """The heads above a word, nearest first, stopping at the sentence's root."""
    chain, token = [], anchor
    for _ in range(steps):
        if token.head.i == token.i:
            break
        token = token.head
        chain.append(token)
    return chain


# A call to end the event is a reaction to it: "demanded that the regime stop its bombing".
_ENDING = frozenset({"stop", "halt", "end", "cease"})
_CALLS = frozenset({"demand", "urge", "call", "appeal", "ask", "press"})


def _is_reaction(anchor: Token, _sentence: Span) -> bool:
    """The event word is the object (or inside it) of a verb of condemnation, or what a
    call to stop or end bears on ("urged Moscow to halt its air strikes")."""
    ending = False
    for token in ancestors(anchor):
        lemma = token.lemma_.lower()
        if lemma in REACTION_VERBS and token.pos_ == "VERB":
            return True
        if lemma in _CALLS and ending:
            return True
        if lemma in _REPORTING:
            return False
        ending = ending or lemma in _ENDING
    return False


def _is_called_for(anchor: Token, _sentence: Span) -> bool:
    """The event is what a call or demand asks for, told in a clause below it in the base
    form ("demanded that the brigade be dissolved to permit heavier raids", "urged the
    coalition to bomb the depot"): wanted, not reported. A fact the call names ("called on
    X to explain why its jets struck the base") keeps its tense and stays an incident, as
    does an event named as a noun of the call itself ("called for an inquiry into the
    attack": no verb between)."""
    wanted = anchor.pos_ in ("VERB", "AUX")
    if wanted and not _wished(anchor):
        return False
    for token in ancestors(anchor, 5):
        lemma = token.lemma_.lower()
        if lemma in _REPORTING:
            return False
        if lemma in _CALLS and token.pos_ == "VERB":
            return wanted
        if token.pos_ in ("VERB", "AUX"):
            if not _wished(token):
                return False
            wanted = True
    return False


def _wished(verb: Token) -> bool:
    """A verb in the base form, as a call's clause puts it: "to allow", "(that it) be
    disbanded"."""
    if verb.tag_ == "VB":
        return True
    return verb.tag_ == "VBN" and any(
        c.dep_ == "auxpass" and c.lower_ == "be" for c in verb.children
    )


def _is_commentary(anchor: Token, _sentence: Span) -> bool:
    if any(c.lower_ in _COMMENT_ADJECTIVES and c.dep_ == "amod" for c in anchor.children):
        return True
    verbs = [anchor, *ancestors(anchor, 2)]
    return any(
        c.lower_ in _COMMENT_ADVERBS and c.dep_ == "advmod" for v in verbs for c in v.children
    )


# An effort that goes on ("has been trying to seize", "tries to break"): no incident yet.
_EFFORT = frozenset({"try", "attempt", "strive", "struggle"})
_EFFORT_NOUNS = frozenset({"attempt", "attempts", "effort", "efforts", "bid", "bids"})
# A span of time a clause lasts: "for more than two years", "for months".
_LONG_SPANS = frozenset({"year", "years", "month", "months", "decade", "decades"})
# "since last year" counts from then: the event itself may be today's.
_LONG_AGO = re.compile(
    r"(?<!since\s)\blast\s+year\b|\b(?:a|one|two|three|four|five|\d+)\s+years?\s+ago\b"
    # a narrative told from an earlier point: "later that month", "earlier that year"
    r"|\b(?:later|earlier)\s+(?:that|the\s+same)\s+(?:month|year)\b",
    re.I,
)


def _own_clause(anchor: Token) -> list[Token]:
    """The event word and the words it hangs from, up to its clause's verb."""
    chain = [anchor]
    for token in ancestors(anchor, 4):
        chain.append(token)
        if token.pos_ in ("VERB", "AUX") and token.dep_ in ("ROOT", "advcl", "relcl", "ccomp"):
            break
    return chain


def _lasts_long(words: list[Token]) -> bool:
    """A verb of the event's clause lasts years or months ("has been under siege for
    two years") or "ever since"; on a noun, "for months" compares ("the worst for months")."""
    for word in words:
        if word.pos_ not in ("VERB", "AUX"):
            continue
        for child in word.children:
            objects = {c.lower_ for c in child.children if c.dep_ == "pobj"}
            if child.lower_ == "for" and child.dep_ == "prep" and objects & _LONG_SPANS:
                return not _compares(word, child)
            if child.lower_ == "since" and any(c.lower_ == "ever" for c in child.children):
                return True
    return False


def _compares(verb: Token, span: Token) -> bool:
    """A superlative or a first puts the span as a window: "the deadliest for two years"."""
    inside = {t.i for t in span.subtree}
    return any(
        t.i not in inside and (t.tag_ in ("JJS", "RBS") or t.lower_ == "first")
        for t in verb.subtree
    )


def _present(verb: Token) -> bool:
    """Told in the present: "tries", "are trying", "has been attempting"."""
    if verb.tag_ in ("VBZ", "VBP"):
        return True
    helpers = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    return verb.tag_ == "VBG" and bool(helpers & {"is", "are", "been", "has", "have"})


def _is_effort(word: Token) -> bool:
    """A word of trying in the present, or an effort noun a present verb governs
    ("continue attempts to break"); "an abortive attempt to storm" was a clash."""
    if word.lower_ in _EFFORT_NOUNS and word.pos_ == "NOUN":
        return word.head.pos_ in ("VERB", "AUX") and _present(word.head)
    return word.lemma_.lower() in _EFFORT and word.pos_ == "VERB" and _present(word)


# How often, not when: "regularly targeted", "frequent attacks", "a week-long campaign".
_OFTEN = frozenset(
    {"regularly", "frequently", "repeatedly", "routinely", "often", "constantly", "continually"}
)
_OFTEN_ADJECTIVES = frozenset(
    {"regular", "frequent", "countless", "repeated", "routine", "constant", "incessant"}
)
_LONG_SPAN_WORDS = frozenset({"week", "weeks", "month", "months", "year", "years"})


def _lasting(adjective: Token) -> bool:
    """ "week-long", "months-long" (one token or three)."""
    head, _, tail = adjective.lower_.partition("-")
    if tail == "long":
        return head in _LONG_SPAN_WORDS
    return adjective.lower_ == "long" and any(
        c.lower_ in _LONG_SPAN_WORDS for c in adjective.children
    )


def _conceded(anchor: Token) -> bool:
    """A setting conceded: "killed on Tuesday despite a ceasefire" (a toll of its own, as
    in "despite shelling that killed five", makes it an incident)."""
    return anchor.head.lower_ == "despite" and anchor.dep_ in ("pobj", "pcomp")


def _progressive(verb: Token) -> bool:
    """ "is fighting", "are losing ground": a state the report finds going on."""
    return verb.tag_ == "VBG" and any(
        c.dep_ == "aux" and c.lower_ in ("is", "are", "am") for c in verb.children
    )


def _told_as_habit(anchor: Token) -> bool:
    """The event is told by how often it happens, with no day of its own and no toll:
    "the province is regularly targeted", "groups launch frequent attacks"."""
    if any(w.lower_ in _DAYS for w in anchor.sent):
        return False
    for word in _own_clause(anchor):
        if _progressive(word):
            return True
        for child in word.children:
            if child.dep_ == "advmod" and child.lower_ in _OFTEN:
                return True
            if child.dep_ == "amod" and (child.lower_ in _OFTEN_ADJECTIVES or _lasting(child)):
                return True
    return False


# Verbs of a trend: "attacks have intensified", "the regime has stepped up its raids".
_TREND_VERBS = frozenset({"intensify", "escalate", "increase", "mount", "rise", "surge", "step"})
_PERFECT = frozenset({"has", "have", "had"})


def _trend(anchor: Token) -> bool:
    """The event is what a verb of a trend in the perfect says grew ("shelling has been on
    the rise since the truce", "forces have intensified attacks on the suburbs"), with no
    day in its sentence: violence over a time, not one incident (a day makes one: "jets
    intensified their bombing on Saturday")."""
    if any(w.lower_ in _DAYS for w in anchor.sent):
        return False
    for word in _own_clause(anchor)[1:]:
        if word.pos_ not in ("VERB", "AUX") or not _perfect(word):
            continue
        if word.lemma_.lower() in _TREND_VERBS:
            return True
        return word.lemma_.lower() == "be" and _on_the_rise(word)
    return False


def _perfect(verb: Token) -> bool:
    return verb.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lower_ in _PERFECT for c in verb.children
    )


def _on_the_rise(verb: Token) -> bool:
    """ "has been on the rise"."""
    return any(
        c.lower_ == "on" and any(g.lower_ == "rise" for g in c.children) for c in verb.children
    )


def _is_ongoing(anchor: Token, _sentence: Span) -> bool:
    """A state or an effort over time."""
    clause = _own_clause(anchor)
    return _lasts_long(clause) or any(_is_effort(word) for word in clause[1:])


def told_as_history(anchor: Token, sentence: Span) -> bool:
    """The event's own clause places it a year or more back ("in August last year
    another bomb killed", "two years ago"), which a bare month or weekday would date to
    this year; in a clause of its own ("a town held ever since rebels took it two years
    ago") the phrase dates something else."""
    if _days_before(anchor) or _since_point(anchor) or _chronology_line(sentence):
        return True
    verbs = {t.i for t in _own_clause(anchor)}
    for match in _LONG_AGO.finditer(sentence.text):
        word = sentence.char_span(match.start(), match.end(), alignment_mode="expand")
        if word is not None and _hangs_from(word.root, verbs):
            return True
    return False


# A year as a word: "in 2013", "a 2013 deal", "(in) March 2012".
_YEAR = re.compile(r"(?:19|20)\d\d")
# Words before a year that count from it or bound a span: the event may be this year's.
_FROM_YEAR = frozenset({"since", "until", "till", "through", "from"})


def told_in_past_year(anchor: Token, sentence: Span, year: int | None) -> bool:
    """The event's own clause names a year before ``year`` (the first year the article's
    date does not put wholly in the past): "Damascus
    handed over its chemical arsenal under a 2013 deal", "the regime retook the city in
    2016 after an offensive that killed thousands". A timeline or background line, not
    the report's incident, though no date of its own was read (the year hangs on another
    word of the clause). A year in a clause of its own ("the town, which rebels seized in
    2013") dates something else; one counted from ("held since 2013") or beside a day
    of the week dates no past incident."""
    if year is None or any(w.lower_ in _DAYS for w in sentence):
        return False
    verbs = {t.i for t in _own_clause(anchor)}
    return any(
        _YEAR.fullmatch(word.text) is not None
        and int(word.text) < year
        and not _counted_from(word)
        and _hangs_from(word, verbs)
        for word in sentence
    )


def _counted_from(year: Token) -> bool:
    """ "since 2013", "since March 2012", "from 2012 to 2014"."""
    for word in (year, year.head):
        if word.dep_ == "pobj" and word.head.lower_ in _FROM_YEAR:
            return True
    return year.i > 0 and year.doc[year.i - 1].lower_ in _FROM_YEAR


# A sentence opened by a time before the report's own days: "Earlier this week, a chemical
# attack killed dozens", "Earlier this month, a raid on the town killed five".
_RECALLED = re.compile(r"^\W*earlier\s+(?:this|in\s+the)\s+(?:week|month)\b", re.I)


def recalled(sentence: Span) -> bool:
    """The sentence opens by placing its events earlier in the week or month. Past an
    article's lead (the caller checks) that recalls an incident reported before, whose
    own report is elsewhere; in the lead it may be the report's own."""
    return _RECALLED.match(sentence.text) is not None


# A line of a chronology, labelled by its year: "2013: a gas attack killed hundreds",
# "* 2011 - In June troops fired on protesters" (a list of past events, not the report).
_TIMELINE = re.compile(r"^\W*(?:19|20)\d\d\s*[:\u2013\u2014-]+(?!\s*\d)", re.I)

_YEAR_ALONE = re.compile(r"\W*(?:19|20)\d\d\W*")
# A list item's own marker: the line opens a new item of the chronology.
_NEW_ITEM = re.compile(r"^\s*[-*\u2022\u2013\u2014]")


def _chronology_line(sentence: Span) -> bool:
    """The sentence opens with a year label, follows one the parser split off ("2012 -"),
    or goes on with the item a year label opened ("* 2011: - In June troops killed 60.
    Residents said snipers fired on crowds."; a new item's dash or bullet ends it)."""
    if _TIMELINE.match(sentence.text):
        return True
    if sentence.start == 0:
        return False
    before = sentence.doc[sentence.start - 1].sent
    if _YEAR_ALONE.fullmatch(before.text) is not None:
        return True
    return (
        before.start > 0
        and _TIMELINE.match(before.text) is not None
        and _NEW_ITEM.match(sentence.text) is None
    )


_SPANS_BEFORE = frozenset({"days", "weeks", "months", "years"})


def _days_before(anchor: Token) -> bool:
    """The event is the earlier point a time is told from: "days after a chemical
    attack", "weeks after the siege" (a background mention; its report is elsewhere)."""
    prep = anchor.head
    return (
        anchor.dep_ == "pobj"
        and prep.lower_ in ("after", "since")
        and _spans_back(prep)
        and not any(_own_subject(c) for c in anchor.children if c.dep_ == "relcl")
    )


def _spans_back(word: Token) -> bool:
    return any(c.dep_ == "npadvmod" and c.lower_ in _SPANS_BEFORE for c in word.children)


# Another incident than the one reported: "a similar bombing", "an earlier attack".
_ANOTHER = frozenset({"similar", "previous", "earlier", "prior"})


def told_as_another(anchor: Token) -> bool:
    """The event is named as another incident like the one reported ("a similar bombing
    on March 3 killed five", "an earlier strike") or one of its kind done before ("has
    carried out such barrages before"). The caller asks that it be dated days before
    the report: "similar strikes on Monday" in Monday's report are that day's."""
    nouns = [anchor, *(c for c in anchor.children if c.dep_ in ("dobj", "nsubj"))]
    if any(c.dep_ == "amod" and c.lower_ in _ANOTHER for n in nouns for c in n.children):
        return True
    verb = _own_clause(anchor)[-1]
    if any(c.dep_ == "advmod" and c.lower_ == "when" for c in verb.children):
        verb = verb.head  # "such barrages before, including on March 3 when it fired"
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubj", "nsubjpass")]
    such = any(c.lower_ == "such" and c.dep_ == "amod" for o in objects for c in o.children)
    return such and any(
        c.lower_ == "before" and c.dep_ in ("advmod", "prep") for c in verb.children
    )


def restates(anchor: Token) -> bool:
    """The event word names the reported incident again as what came a span after an
    earlier one ("the shelling came two days after raids that killed 9"): the
    toll and day its sentence tells are the earlier incident's, not an incident of its own."""
    verb = anchor.head
    return (
        anchor.dep_ == "nsubj"
        and verb.lemma_.lower() == "come"
        and any(_after_a_span(c) for c in verb.children)
    )


def _after_a_span(word: Token) -> bool:
    """ "(came) days after the raid", "(came) a week after jets bombed"."""
    if word.lower_ == "after":
        return _spans_back(word)
    after = any(c.dep_ == "mark" and c.lower_ == "after" for c in word.children)
    return word.dep_ == "advcl" and after and _spans_back(word)


def _since_point(anchor: Token) -> bool:
    """The event is the point a span is counted from: "the highest toll since the coalition
    began its bombing campaign" (its clause opens with "since" and names a year or a start,
    not a day: "since they attacked on Thursday" is the battle told)."""
    for verb in _own_clause(anchor)[1:]:
        if verb.pos_ not in ("VERB", "AUX"):
            continue
        if not any(c.dep_ == "mark" and c.lower_ == "since" for c in verb.children):
            continue
        words = list(verb.subtree)
        return not any(w.lower_ in _DAYS for w in words) and (
            verb.lemma_.lower() in ("begin", "start", "launch", "enter")
            or any(w.like_num and len(w.text) == 4 for w in words)
        )
    return False


def _own_subject(clause: Token) -> bool:
    """A clause hung on a noun with a subject of its own, not "that" or "which": a main
    clause misread after an unpunctuated phrase ("days after an attack a woman was killed")."""
    return any(
        c.dep_ in ("nsubj", "nsubjpass") and c.tag_ not in ("WDT", "WP") for c in clause.children
    )


def _hangs_from(token: Token, verbs: set[int]) -> bool:
    """``token`` reaches one of ``verbs`` climbing its heads without entering a clause."""
    for _ in range(8):
        if token.i in verbs:
            return True
        if token.dep_ in ("relcl", "acl", "advcl", "ccomp") or token.head.i == token.i:
            return False
        token = token.head
    return False


def _is_caption(anchor: Token, sentence: Span) -> bool:
    """A photo caption: a credit at its head, or a present-tense picture of people with the
    event only as its setting ("after an air strike") and no past-tense verb anywhere."""
    if _CREDIT.match(sentence.text):
        return True
    root = sentence.root
    if root.tag_ not in ("VBZ", "VBP") or root.i == anchor.i or root.lemma_ in _REPORTING:
        return False
    if any(t.tag_ == "VBD" or (t.tag_ == "VBN" and t.dep_ != "amod") for t in sentence):
        return False
    return any(t.lower_ in _SETTING and t.dep_ == "prep" for t in [anchor, *ancestors(anchor)])


# --------------------------------------------------------------------------
# The clause's own grammar

_SPEECH_VERBS = frozenset(
    ["say", "tell", "report", "claim", "state", "add", "confirm", "accuse", "allege", "announce"]
)
_MEANS_VERBS = frozenset(["use", "employ", "deploy", "fire", "launch", "send", "dispatch"])
_NOBODY = frozenset(["nobody", "none", "neither", "noone"])
_SCHEDULED = frozenset(["set", "due", "scheduled", "expected", "going"])


def modality(anchor: Token) -> Modality:
    """How the text reports the event.

    One of asserted, negated, denied, threatened, planned, hypothetical: the
    first marker found climbing from the event word through the verbs that
    govern it (stopping at a reporting verb or a clause of its own). A clause of
    purpose ("entered the town to arrest men") is planned.
    """
    token = anchor
    came_from: Token | None = None
    for step in range(8):
        found = _marked_by_child(token)
        if found is None and step > 0:
            found = _marked_by_governor(token, came_from)
        if found is None and _is_purpose_clause(token):
            found = "planned"  # "entered the town to arrest men"; "used drones to attack" did
        if found is not None:
            return found
        if token.dep_ in ("advcl", "relcl", "ROOT") or token.head.i == token.i:
            break
        if step > 0 and token.lemma_.lower() in _SPEECH_VERBS:
            break
        came_from, token = token, token.head
    return "asserted"


def _marked_by_child(token: Token) -> Modality | None:
    """A negation, a condition or a modal among the word's own dependents."""
    for child in token.children:
        if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no"):
            return "negated"
        if child.dep_ == "nsubj" and child.lower_ in _NOBODY | {"no one"}:
            return "negated"  # "nobody agrees"
        if child.dep_ == "mark" and child.lower_ in ("if", "unless", "whether"):
            return "hypothetical"
        if child.dep_ == "aux":
            if child.lower_ in lx.HYPOTHETICAL_MODALS:
                return "hypothetical"
            if child.lower_ in lx.FUTURE_MODALS:
                return "planned"
    return None


# A governing word's lemma lists and the modality each marks, in the order they are tried.
_GOVERNOR_MODES: tuple[tuple[frozenset[str], Modality], ...] = (
    (lx.DENIAL_VERBS, "denied"),
    (lx.THREAT_VERBS | lx.THREAT_NOUNS, "threatened"),
    (lx.PLAN_VERBS | lx.PLAN_NOUNS, "planned"),
    (lx.HYPOTHETICAL_NOUNS, "hypothetical"),
)


def _marked_by_governor(token: Token, came_from: Token | None) -> Modality | None:
    """A verb or noun governing the event word that denies, threatens, plans or supposes it."""
    lemma = token.lemma_.lower()
    for lemmas, mode in _GOVERNOR_MODES:
        if lemma in lemmas:
            return mode
    if (
        lemma in _SCHEDULED
        and token.pos_ in ("ADJ", "VERB")
        and came_from is not None
        and came_from.dep_ == "xcomp"
    ):
        return "planned"  # "set to attack", not "set a ship on fire"
    return None


def _is_purpose_clause(token: Token) -> bool:
    """An infinitive clause of purpose, unless it tells what a means was used for."""
    return (
        token.dep_ == "advcl"
        and token.pos_ == "VERB"
        and _is_infinitive(token)
        and token.head.lemma_.lower() not in _MEANS_VERBS
    )


def _is_infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)


# The clause tests of ``refine`` and the modality each marks, in the order they are tried.
_REFINERS: tuple[tuple[Callable[[Token, Span], bool], Modality], ...] = (
    (_is_reaction, "reaction"),
    (_is_called_for, "hypothetical"),
    (_is_commentary, "hypothetical"),
    (_is_caption, "caption"),
    (_is_ongoing, "ongoing"),
)
