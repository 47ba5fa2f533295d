"""Death tolls: the figures of a sentence that count an event's dead, ACLED's way.

The lowest credible figure; figures of coordinated groups add up ("5 soldiers and 3
civilians"); separate figures for the same dead are alternatives; a part of a count
("twelve people, among them three soldiers", "two medics among 31 dead") is no toll of its
own; figures that count munitions or property are none; an exact figure beats a vague one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from crosswire.events import realis
from crosswire.events.arguments import category_of_noun, counts_wounded, phrase
from crosswire.events.typer import EventCandidate
from crosswire.model import Figure

_DEATH_WORDS = frozenset(
    [
        "kill",
        "killed",
        "killing",  # the tagger reads some "killing N people" as a noun
        "die",
        "died",
        "dead",
        "death",
        "deaths",
        "toll",
        "fatality",
        "fatalities",
        "slay",
        "massacre",
        "execute",
        "behead",
        "beheading",
        "perish",
        "life",
        "martyr",
        "martyred",
    ]
)
_DEATH_COUNTED = re.compile(
    r"\b(?:kill\w*|dead|deaths?|died|fatal\w*|tolls?|lives|martyr\w*|perish\w*|behead\w*)\b",
    re.I,
)
# "three of them", "three of the dead": a part of a count given elsewhere.
_PART_AFTER = re.compile(
    r"^\s+of\s+(?:them|whom|those|the\s+(?:dead|victims|killed|wounded|injured))\b", re.I
)
# "killing 30 people, of whom 12 were children": the same, told after the whole.
_PART_BEFORE = re.compile(
    r"\b(?:among\s+(?:them|whom|those)|including|of\s+(?:whom|which))\s*$", re.I
)
# "14 civilians including three children and one woman": the aside's later figures are
# parts too (unless listed as a count of their own, see ``_listed``).
_PART_RUN_BEFORE = re.compile(
    r"\b(?:including|among\s+(?:them|whom))\s+(?:[\w'-]+\s+){1,5}?(?:and|as\s+well\s+as)\s+$",
    re.I,
)
# "three of the dead", "one of those killed": a part of the dead told elsewhere.
_PART_OF_DEAD = re.compile(
    r"^\s+of\s+(?:the\s+(?:dead|victims|killed|fatalities)"
    r"|those\s+(?:killed|who\s+(?:died|were\s+killed)))\b",
    re.I,
)
# "two medics among 31 dead", "six children were among at least 27 killed", "two medics
# were among the dead", "three women are among those killed": a part of the dead.
_PART_AMONG = re.compile(
    r"^\s+(?:[\w-]+\s+){0,2}(?:(?:were|was|are|is)\s+)?(?:also\s+)?among\s+(?:the\s+)?"
    r"(?:(?:at\s+least\s+)?\d|(?:dead|victims|fatalities|those\s+(?:killed|who\s+died)"
    r"|people\s+killed|killed)\b)",
    re.I,
)
# "the dead included 70 evacuees", "among the dead were 12 children", "victims include
# three medics": a part of the dead the article counts in a whole of its own.
_PART_INCLUDED = re.compile(
    r"\b(?:(?:the\s+)?(?:dead|victims|fatalities|those\s+killed)\s+(?:also\s+)?"
    r"(?:included|include|includes)|among\s+(?:the\s+)?(?:dead|victims|fatalities"
    r"|those\s+killed|killed)\s+(?:were|was|are|is))\s+(?:at\s+least\s+|some\s+)?$",
    re.I,
)
# "100 injured", "9 civilians wounded", "left seven people injured", "injuring 15 others":
# a count of the wounded, wherever the parser hangs it (a headline often hangs it on
# "killed").
# The words between never include a conjunction: in "killed 26 people and injured 30" the
# wounded are another figure's.
_WOUNDED_AFTER = re.compile(
    r"^\s+(?:(?!(?:and|or|but|while)\b)[a-z-]+\s+){0,2}?(?:(?:were|was|are|got|being)\s+)?"
    r"(?:wounded|injured|hurt|injuries|wounds)\b",
    re.I,
)
_WOUNDED_BEFORE = re.compile(
    r"\b(?:wounding|injuring|wounded|injured)\s+(?:at\s+least\s+|about\s+|some\s+)?$", re.I
)
# "dozens were killed or wounded": a count of casualties, dead and wounded together, is no
# toll (ACLED codes the dead only).
_CASUALTIES_AFTER = re.compile(
    r"^\s+(?:[a-z-]+\s+){0,3}?(?:(?:were|was|are|been)\s+)?(?:reported\s+|left\s+)?"
    r"(?:killed|dead)\s+(?:or|and/or|and)\s+(?:wounded|injured|hurt)\b",
    re.I,
)
_CASUALTIES_BEFORE = re.compile(
    r"\b(?:killed|killing|kill)\s+(?:or|and/or|and)\s+(?:wounded|wounding|injured|injuring)\s+"
    r"(?:at\s+least\s+|about\s+|some\s+)?$",
    re.I,
)
# "16 civilians were killed", "nine people have died": the figure's own noun and verb.
_DEAD_AFTER = re.compile(
    r"(?<!\s)\s+(?:[a-z-]+\s+){0,2}?(?:(?:were|was|have\s+been|had\s+been|have|had)\s+)?"
    r"(?:killed|died|dead)\b",
    re.I,
)
# "the raid on three hamlets killed 11": a figure right after such a preposition counts
# the places or things the act hit, not the dead the verb after it counts.
_AFTER_PLACE_PREP = re.compile(r"\b(?:on|at|against|across|into)\s+(?:the\s+)?$", re.I)
_KILLED_BEFORE = re.compile(r"\b(?:kill|kills|killed|killing)\s+$", re.I)
_MORE_AFTER = re.compile(r"^\s+(?:others|other\s+people|more)\b", re.I)
_MORE_WORD = re.compile(r"\b(?:others|other\s+people)\b", re.I)
_MORE_BEFORE = re.compile(r"\b(?:another|a\s+further|further)\s+$", re.I)
_ONE = frozenset(["a", "an", "the", "one"])
_SETTING_PREPS = frozenset(
    ["in", "on", "during", "since", "after", "before", "from", "for", "near"]
)
# Nouns of households and kin groups: a figure before one counts groups, not the dead.
_HOUSEHOLDS = frozenset(["family", "household", "clan", "tribe"])
_COLLECTIVE = frozenset(["family", "crowd", "group", "household", "community", "people", "unit"])
_VICTIMS = frozenset(["civilians", "protesters", "state", "armed", "rioters"])
# "the toll has risen to 42": the figure an earlier toll of the same sentence rose to.
# "This was later updated to 82", "the figure was revised upwards to 30": the same, told
# of a toll the sentence before gave.
_ROSE_TO = re.compile(
    r"\b(?:rose|risen|rising|rises|climbed|climbing|increased|jumped|mounted|soared"
    r"|(?:was|were|been|is)\s+(?:later\s+|since\s+|then\s+)?(?:updated|revised|raised)"
    r"(?:\s+upwards?)?)\s+to\s+$",
    re.I,
)
# A toll told as an update of an earlier one, with its noun: "the death toll later rose to",
# "the number of dead has since climbed to", "the toll reached", "the toll stood at".
_TOLL_NOUN = (
    r"(?:toll|tally|number\s+of\s+(?:the\s+)?(?:dead|deaths|victims|fatalities"
    r"|those\s+killed|people\s+killed))"
)
_UPDATE_AFTER_NOUN = re.compile(
    rf"\b{_TOLL_NOUN}\b[^.;:]{{0,60}}?\b(?:rose|risen|rises|rising|climbed|climbs|climbing"
    r"|increased|increases|jumped|jumps|mounted|soared|reached|reaches|hit|stood|stands"
    r"|went\s+up|gone\s+up)\b(?:\s+[a-z]+){0,2}?\s+(?:to\s+|at\s+)?$",
    re.I,
)
# "raised the toll to 20", "bringing the death toll to 15", "updated its toll to".
_UPDATE_BEFORE_NOUN = re.compile(
    r"\b(?:raised|raising|raises|updated|updating|updates|revised|revising|bringing|brought"
    r"|brings|pushing|pushed|taking|took)\s+(?:the|its|their|a)?\s*(?:overall\s+|total\s+"
    rf"|final\s+|new\s+)?(?:death\s+)?{_TOLL_NOUN}\b[^.;:]{{0,30}}?\b(?:to|at)\s+$",
    re.I,
)


def is_update(text: str, figure: Figure) -> bool:
    """Whether the text tells the figure as the toll an earlier one rose or was raised to."""
    start = figure.mention.start
    return bool(_ROSE_TO.search(text[max(0, start - 30) : start])) or _updates_toll(text, figure)


def _updates_toll(text: str, figure: Figure) -> bool:
    """The same, with the toll's noun: "the toll rose to", "raised the toll to"."""
    start = figure.mention.start
    return bool(
        _UPDATE_AFTER_NOUN.search(text[max(0, start - 100) : start])
        or _UPDATE_BEFORE_NOUN.search(text[max(0, start - 80) : start])
    )


# Nouns of acts of violence: "the two air raids killed 19" counts raids, not dead.
_ACTS = frozenset(
    [
        "raid",
        "strike",
        "airstrike",
        "attack",
        "explosion",
        "blast",
        "bombing",
        "bombardment",
        "assault",
        "clash",
        "sortie",
        "operation",
        "offensive",
        "ambush",
        "wave",
        "barrage",
        "volley",
        "salvo",
        "shelling",
        "incident",
    ]
)
# Units of distance, weight and area: "60 km east of the city" is no toll.
_MEASURE_UNITS = frozenset(["km", "m", "miles", "kg", "tonnes", "hectares"])


def _figure_token(doc: Doc, figure: Figure) -> Token | None:
    span = doc.char_span(figure.mention.start, figure.mention.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _counts_dead(text: str, figure: Figure, token: Token | None) -> bool:
    if figure.unit == "percent" or figure.unit in _MEASURE_UNITS:
        return False  # "40% of them are children", "60 km east of the city"
    if token is not None and (_counts_things(token) or _counts_acts(token)):
        return False  # "fired dozens of mortar rounds", "the two air raids killed 19"
    if token is not None and _counts_killers(token):
        return False  # "two gunmen killed at least four people": the killers
    if figure.counted and _DEATH_COUNTED.search(figure.counted):
        return True
    if _KILLED_BEFORE.search(text[max(0, figure.mention.start - 12) : figure.mention.start]):
        return True  # "Army Kills 10 Terrorists": a headline's capitals mislead the tagger
    if _updates_toll(text, figure):
        return True  # "the number of dead has since climbed to 20"
    if _DEAD_AFTER.match(text, figure.mention.end) and not _AFTER_PLACE_PREP.search(
        text[max(0, figure.mention.start - 12) : figure.mention.start]
    ):
        return True  # "Daraa 16 civilians were killed": read in order when the parse strays
    if figure.counted and re.search(r"wound|injur|hurt|destroy|damag", figure.counted, re.I):
        return False  # "9 wounded", "14 of the 20 buses were destroyed"
    current = token
    for _ in range(4):
        if current is None:
            return False
        if _kills(current):
            return True  # "killed 12", "the beheadings of 18"
        if any(
            c.lower_ in ("dead", "killed")
            or (c.dep_ in ("dobj", "nsubj", "nsubjpass") and c.lemma_ in ("toll", "death"))
            for c in current.children
        ):
            return True  # "12 dead", "put the toll at 15"
        if (
            current.head.i == current.i
            or current.lower_ in _SETTING_PREPS
            or _object_of_another_act(current)
        ):
            # "killed 12 people in one of the deadliest attacks": no count; "killed ten
            # soldiers and captured 20 others": the captives
            return False
        if current.dep_ == "nsubj" and current.head.pos_ == "VERB":
            # The agents of a verb of their own: "when two bombers detonated their
            # trucks" does not count the dead of the "killed" above it.
            return _kills(current.head)
        current = current.head
    return False


def _kills(word: Token) -> bool:
    """A word of death ("killed", "dead", "beheadings")."""
    return bool({word.lemma_.lower(), word.lower_} & _DEATH_WORDS)


def _object_of_another_act(token: Token) -> bool:
    """The word is the object of a verb joined to a killing but telling another act ("and
    captured 20 others", "and arrested 30 suspects", "composed several songs"): what that
    verb did to them, not the dead the killing verb before it counts."""
    verb = token.head
    if token.dep_ not in ("dobj", "nsubjpass") or verb.pos_ != "VERB" or verb.dep_ != "conj":
        return False
    if _kills(verb) or {verb.lemma_.lower(), verb.lower_} & _KILLING:
        return False  # "killed three and executed 15 prisoners": more dead
    return not any(c.lower_ in ("dead", "killed") for c in verb.children)  # "found 2 dead"


def _counts_things(token: Token) -> bool:
    """The figure counts weapons, property or households, not people."""
    noun = _noun_of(token)
    if noun.i != token.i and noun.lemma_.lower() in _HOUSEHOLDS:
        return True  # "four members of one family", "killing two families": no headcount
    if noun.i != token.i and category_of_noun(noun) == "territory":
        return True  # "the raid on three hamlets left 9 dead" ("14 residents of X" count people)
    of = [g for c in noun.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    noun = of[0] if of else noun
    words = [noun, *(c for c in noun.children if c.dep_ == "compound")]
    return any(category_of_noun(w) in ("weapon", "property") for w in words)


def _counts_killers(token: Token) -> bool:
    """The figure counts who killed, not the dead: the subject of an active killing verb
    with an object of its own ("two gunmen killed five", "three bombers kill 20")."""
    noun = _noun_of(token)
    verb = noun.head
    if noun.dep_ != "nsubj" or verb.lemma_.lower() not in _KILLING:
        return False
    if noun.lemma_.lower() in ("people", "person") or category_of_noun(noun) == "civilians":
        return False  # "3 civilians killed 38 injured": a headline without its commas
    return any(c.dep_ == "dobj" and not counts_wounded(c) for c in verb.children)


# Active verbs of killing whose subject is the killer.
_KILLING = frozenset(["kill", "slay", "execute", "massacre", "murder", "behead"])


def _counts_acts(token: Token) -> bool:
    """The figure counts attacks ("two air raids", "three explosions"), not the dead."""
    noun = _noun_of(token)
    return noun.i != token.i and noun.lemma_.lower() in _ACTS


def _counts_wounded(text: str, figure: Figure) -> bool:
    start, end = figure.mention.start, figure.mention.end
    after = text[end : end + 40]
    if _CASUALTIES_AFTER.match(text[end : end + 70]) or _CASUALTIES_BEFORE.search(
        text[max(0, start - 40) : start]
    ):
        return True  # "killed or wounded": the dead and the wounded in one count
    if re.match(r"^\s+(?:[a-z-]+\s+){0,2}?(?:(?:were|was)\s+)?(?:killed|dead|died)\b", after, re.I):
        return False
    return bool(
        _WOUNDED_AFTER.match(after) or _WOUNDED_BEFORE.search(text[max(0, start - 25) : start])
    )


def _is_part(text: str, figure: Figure, earlier: bool) -> bool:
    """A part of a count: "three of them" or "among them three" after another toll in the
    sentence (``earlier``), "three of the dead" anywhere."""
    start, end = figure.mention.start, figure.mention.end
    if _PART_OF_DEAD.match(text[end : end + 30]) or _PART_AMONG.match(text[end : end + 45]):
        return True
    if _PART_INCLUDED.search(text[max(0, start - 45) : start]):
        return True  # "the dead included 70 evacuees"
    return earlier and bool(
        _PART_AFTER.match(text[end : end + 30])
        or _PART_BEFORE.search(text[max(0, start - 25) : start])
    )


def _in_aside(text: str, figure: Figure) -> bool:
    """A later figure of an aside that tells parts: "including five children and two
    women"."""
    start = figure.mention.start
    return bool(_PART_RUN_BEFORE.search(text[max(0, start - 70) : start]))


def _repeated_parts(text: str, figures: list[Figure], doc: Doc) -> set[float]:
    """Values of the parts of a larger toll the sentence gives ("six children were among at
    least 30 killed", "30 people including six children"): a headline run into the lead
    ("gunmen kill 6 children ...") names the same part again, and it is no toll of its own."""
    parts = [f for f in figures if f.value is not None and _is_part(text, f, earlier=False)]
    found = {
        part.value
        for part in parts
        if part.value is not None
        and any((f.value or 0) > part.value for f in figures if f is not part)
    }
    return found | _told_first(text, figures, doc)


def _told_first(text: str, figures: list[Figure], doc: Doc) -> set[float]:
    """Parts told after their whole ("15 people including six children") that a figure
    before the whole already told, counting the same people ("Six children killed")."""
    found: set[float] = set()
    for n, part in enumerate(figures):
        if part.value is None or not _is_part(text, part, earlier=n > 0):
            continue
        wholes = [m for m in range(n) if (figures[m].value or 0) > part.value]
        noun = _noun_lemma(doc, part)
        if wholes and any(
            figures[m].value == part.value and _noun_lemma(doc, figures[m]) == noun
            for m in range(wholes[0])
        ):
            found.add(part.value)
    return found


def _noun_lemma(doc: Doc, figure: Figure) -> str | None:
    token = _figure_token(doc, figure)
    return _noun_of(token).lemma_.lower() if token is not None else None


@dataclass(slots=True)
class Toll:
    value: int | None
    low: int | None
    high: int | None
    text: str
    vague: bool = False  # only vague figures ("dozens" is coded 12)
    # The figures of the sentence that count a part of these dead ("including five
    # children"): a report told first with one of them told only that part.
    parts: tuple[int, ...] = ()
    # The sentence tells it as the toll an earlier one rose to ("bringing the toll to 15").
    updated: bool = False
    # The lemmas of the nouns its figures count ("children", "people"): a later report
    # counting only children or women may tell a part of an earlier toll (``parts``).
    nouns: tuple[str, ...] = ()
    # The sentence tells these dead as more besides others ("six others also died", "one
    # civilian was also killed"): a part of an incident's dead, not its whole toll.
    adds: bool = False

    def alternative(self, other: Toll) -> Toll:
        """Two tolls for the same dead: ACLED keeps the lowest; the range runs to the highest
        figure reported (an open "at least N" or "hundreds" reports N)."""
        values = [v for v in (self.value, other.value) if v is not None]
        lows = [v for v in (self.low, other.low) if v is not None]
        tops = [t for toll in (self, other) if (t := _top(toll)) is not None]
        return Toll(
            value=min(values) if values else None,
            low=min(lows) if lows else None,
            high=max(tops) if tops else None,
            text="; ".join(t for t in (self.text, other.text) if t),
        )


def _top(toll: Toll) -> int | None:
    return toll.high if toll.high is not None else toll.value


def _as_int(value: float | None) -> int | None:
    return None if value is None else int(value)


def fatalities(
    text: str,
    figures: list[Figure],
    events: list[EventCandidate],
    sentence: Span,
    opening: bool = False,
) -> dict[int, Toll]:
    """Death tolls by event position in ``events``. In the article's ``opening`` (its
    headline and lead), a part told with no whole ("Two children among the dead as jets
    strike Ariha") is the toll's lower bound: the report of it may still tell the whole."""
    doc = sentence.doc
    found: dict[int, list[tuple[Figure, Token | None]]] = {}
    tolls_seen, last = False, 0
    here = sorted(
        (f for f in figures if sentence.start_char <= f.mention.start < sentence.end_char),
        key=lambda f: f.mention.start,
    )
    repeated = _repeated_parts(text, here, doc)
    listed = _listed(text, here, doc)
    dead = _dead(text, here, doc, listed)
    parts: set[int] = set()
    told_parts: list[tuple[Figure, Token | None]] = []
    at: dict[int, int] = {}  # figure start -> the event position its dead went to
    for figure in here:
        token = _figure_token(doc, figure)
        if (
            _is_part(text, figure, earlier=tolls_seen or bool(told_parts))
            or figure.value in repeated
            or (tolls_seen and figure.mention.start not in listed and _in_aside(text, figure))
        ):
            if figure.value is not None and (id(figure) in dead or figure.unit == "people"):
                parts.add(int(figure.value))
                told_parts.append((figure, token))
            continue
        if id(figure) not in dead:
            continue
        earlier = listed.get(figure.mention.start)
        if earlier is not None and earlier in at:
            position = at[earlier]  # "17 civilians, including six children, and 12 fighters"
        elif tolls_seen and _adds_to_earlier(text, figure, token):
            position = _event_of_clause(doc, token, events, last)  # "and seven others ..."
        else:
            position = _nearest_event(doc, token, events)
        if earlier is None and _told_elsewhere(token, found.get(position, [])):
            continue  # "... in Bustan, and three others died in Salihin": not this toll
        tolls_seen, last, at[figure.mention.start] = True, position, position
        found.setdefault(position, []).append((figure, token))
    if opening and not found and told_parts:
        figure, token = max(told_parts, key=lambda item: item[0].value or 0)
        return {_nearest_event(doc, token, events): _at_least(figure, token)}
    pairs = frozenset(listed.items())
    tolls = {position: _toll_of(counted, text, pairs) for position, counted in found.items()}
    for position, counted in found.items():
        _add_singles(tolls[position], counted, here)
        tolls[position].adds = _adds_to_earlier(text, *counted[0])
    for toll in tolls.values():
        toll.parts = tuple(sorted(p for p in parts if p < (toll.value or 0)))
    for position, event in enumerate(events):
        if position not in tolls and (one := _one_dead(text, figures, event, doc)) is not None:
            tolls[position] = one
    return tolls


def _at_least(figure: Figure, token: Token | None) -> Toll:
    """A part of the dead told with no whole: at least that many were killed."""
    value = _as_int(figure.low if figure.low is not None else figure.value)
    return Toll(
        value=value,
        low=value,
        high=None,
        text=figure.mention.text,
        nouns=(_noun_of(token).lemma_.lower(),) if token is not None else (),
    )


_ONE_OF_KIN = _ONE | frozenset(["his", "her", "their"])


def _add_singles(
    toll: Toll, counted: list[tuple[Figure, Token | None]], here: list[Figure]
) -> None:
    """One dead more for each single victim listed with a counted group: "six children and
    their mother", "a woman and her three children", "12 soldiers and a civilian"."""
    singles: dict[int, str] = {}
    for figure, token in counted:
        if token is None:
            continue
        for other in _noun_of(token).conjuncts:
            start, end = other.left_edge.idx, other.idx + len(other)  # its words, not its list
            if (
                other.tag_ == "NN"
                and category_of_noun(other) in _VICTIMS
                and any(
                    c.dep_ in ("det", "poss") and c.lower_ in _ONE_OF_KIN for c in other.children
                )
                and not any(start <= f.mention.start < end for f in here)
                and figure.value is not None
            ):
                singles[other.i] = other.lemma_.lower()
    if singles and toll.value is not None:
        toll.nouns += tuple(singles.values())
        extra = len(singles)
        toll.value += extra
        toll.low = None if toll.low is None else toll.low + extra
        toll.high = None if toll.high is None else toll.high + extra


def _nearest_event(doc: Doc, token: Token | None, events: list[EventCandidate]) -> int:
    if token is None:
        return 0
    if (by_subject := _event_of_subject(doc, token, events)) is not None:
        return by_subject
    return min(
        range(len(events)),
        key=lambda n: min(
            tree_distance(token, t) for t in [events[n].anchor, *events[n].tokens(doc)]
        ),
    )


def _event_of_clause(doc: Doc, token: Token | None, events: list[EventCandidate], last: int) -> int:
    """The event whose dead a figure told as more dead ("also", "others") counts: the
    earlier figure's ("and seven others were killed"), unless the figure's own clause
    tells another event and not that one ("while six children were also killed in
    shelling on X" after "jets killed four")."""
    if token is None or len(events) < 2:
        return last
    inside = {t.i for t in _clause_verb(token).subtree}
    if events[last].anchor.i in inside:
        return last
    own = [n for n, e in enumerate(events) if n != last and e.anchor.i in inside]
    return own[0] if len(own) == 1 else last


_PLACE_PREPS = frozenset(["in", "near", "at", "inside", "outside", "on", "around"])


def _clause_verb(token: Token) -> Token:
    verb = _noun_of(token).head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    return verb


def _places_of(verb: Token) -> set[str]:
    """The proper names a clause's verb sets its act in ("died in the Salihin district");
    a participle's with none of its own are its head's ("struck Saraqib, killing 10")."""
    if verb.tag_ == "VBG" and verb.dep_ in ("advcl", "xcomp") and not _own_places(verb):
        return _own_places(verb.head)
    return _own_places(verb)


def _own_places(verb: Token) -> set[str]:
    heads = [verb, *(c for c in verb.children if c.dep_ in ("dobj", "nsubjpass"))]
    return {
        t.lower_
        for head in heads
        for prep in head.children
        if prep.dep_ == "prep" and prep.lower_ in _PLACE_PREPS
        for t in prep.subtree
        if t.pos_ == "PROPN"
    }


def _told_elsewhere(token: Token | None, counted: list[tuple[Figure, Token | None]]) -> bool:
    """The figure's clause sets its dead in another place than the clause of the event's
    first figure ("eight were killed in Bustan and three others died in Salihin"): another
    incident's dead, neither more of this event's nor another count of them. Places are
    proper names under the clause's verb or its object; a clause naming none says
    nothing. In one clause, the figure's own phrase and the one before it say where
    (``_placed_apart``)."""
    if token is None or not counted or counted[0][1] is None:
        return False
    verb, first = _clause_verb(token), _clause_verb(counted[0][1])
    last = counted[-1][1]
    if last is not None and last.i < token.i and _noun_of(token).dep_ == "conj":
        return _placed_apart(last, token)  # "30 around X and five others outside Y"
    if verb.i == first.i:
        return False
    mine, theirs = _places_of(verb), _places_of(first)
    return bool(mine) and bool(theirs) and not mine & theirs


_TIME_LABELS = frozenset(["DATE", "TIME"])
# Parts of one city: ACLED codes a city's districts as one location, so their dead add up.
_CITY_PARTS = frozenset(["district", "neighbourhood", "neighborhood", "quarter"])
# Words that close a figure's own phrase ("five in Ariha on Monday, the monitor said").
_PHRASE_END = frozenset([",", ";", ".", "while", "but", "as", "after", "when"])


def _placed_apart(before: Token, token: Token) -> bool:
    """Two figures of one clause, each told with a town of its own ("killed 30 people
    around Saraqib and five others outside Ariha"): the dead of two places, which ACLED
    codes as two events, not one toll summed; districts of one city add up."""
    doc = token.doc
    end = next((t.i for t in doc[token.i + 1 :] if t.lower_ in _PHRASE_END), len(doc))
    if end <= token.i:
        return False
    segments = (doc[before.i : token.i], doc[token.i : end])
    if any(t.lemma_.lower() in _CITY_PARTS for segment in segments for t in segment):
        return False
    mine, theirs = (_named_places(segment) for segment in segments)
    return bool(mine) and bool(theirs) and not mine & theirs


def _named_places(segment: Span) -> set[str]:
    """The proper names the segment's place prepositions govern ("outside the city of
    Ariha": "ariha"), each name whole ("kafr nabl"); days and times are none."""
    inside = range(segment.start, segment.end)
    return {
        name
        for prep in segment
        if prep.dep_ == "prep" and prep.lower_ in _PLACE_PREPS and prep.lower_ != "on"
        for child in prep.children
        if child.dep_ == "pobj"
        and (
            name := " ".join(
                t.lower_
                for t in child.subtree
                if t.i in inside and t.pos_ == "PROPN" and t.ent_type_ not in _TIME_LABELS
            )
        )
    }


def _event_of_subject(doc: Doc, token: Token, events: list[EventCandidate]) -> int | None:
    """The event told as the killer of the figure's dead: in "the barrage killed 10 while
    the air strikes killed 82", the strikes' 82, whichever event the parse hung the second
    "killed" on. The killer is the verb's subject; when the parse lost it and hung the verb
    on an earlier killing ("... killed 10 while the strikes fired at X killed 82"), the only
    event told between the two verbs."""
    noun = _noun_of(token)
    verb = noun.head
    if noun.dep_ != "dobj" or not _kills(verb) or len(events) < 2:
        return None
    if any(e.anchor.i == verb.i for e in events):
        return None  # the killing told as an event of its own takes its dead as before
    words = [{t.i for t in [e.anchor, *e.tokens(doc)] if t.i != verb.i} for e in events]
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if subjects:
        inside = {t.i for s in subjects for t in s.subtree}
    elif verb.dep_ == "conj" and _kills(verb.head):
        inside = set(range(verb.head.i + 1, verb.i))
    else:
        return None
    named = [n for n, mine in enumerate(words) if mine & inside]
    return named[0] if len(named) == 1 else None


def _dead(text: str, here: list[Figure], doc: Doc, listed: dict[int, int]) -> set[int]:
    """The figures (by ``id``) that count the dead; figures listed together ("23 civilians
    and 16 fighters dead") count the dead when one of them does."""
    hurt = {id(f) for f in here if _counts_wounded(text, f)}
    dead = {
        id(f) for f in here if id(f) not in hurt and _counts_dead(text, f, _figure_token(doc, f))
    }
    starts = {f.mention.start: id(f) for f in here}
    for later, earlier in listed.items():
        pair = {starts[later], starts[earlier]}
        if pair & dead and not pair & hurt:
            dead |= pair
    return dead


def _toll_of(
    counted: list[tuple[Figure, Token | None]],
    text: str,
    listed: frozenset[tuple[int, int]] = frozenset(),
) -> Toll:
    """One event's toll from the figures that count its dead."""
    groups = _coordinated(counted, text, listed)
    exact = [g for g in groups if not all(f.vague for f, _t in g)]
    # "dozens were killed ... 45 dead": an exact figure beats a vague one for the same dead.
    groups = _refined(exact or groups)
    groups = _updated(groups, text)
    # Figures for coordinated groups add up ("5 soldiers and 3 civilians"); separate
    # figures for the same dead are alternatives, of which ACLED keeps the lowest.
    totals = [
        (
            sum(f.value or 0 for f, _t in group),
            sum((f.low if f.low is not None else f.value or 0) for f, _t in group),
            None
            if any(f.high is None and f.low is not None and f.value != f.high for f, _t in group)
            else sum((f.high if f.high is not None else f.value or 0) for f, _t in group),
        )
        for group in groups
    ]
    highs = [t[2] for t in totals]
    high = None if any(h is None for h in highs) else max(h for h in highs if h is not None)
    return Toll(
        value=_as_int(min(t[0] for t in totals)),
        low=_as_int(min(t[1] for t in totals)),
        high=_as_int(high),
        text="; ".join(f.mention.text for f, _t in counted),
        vague=not exact,
        updated=len(groups) == 1 and any(is_update(text, f) for f, _t in groups[0]),
        nouns=tuple(_noun_of(t).lemma_.lower() for _f, t in counted if t is not None),
    )


def _updated(
    groups: list[list[tuple[Figure, Token | None]]], text: str
) -> list[list[tuple[Figure, Token | None]]]:
    """Alternatives without the lower tolls a figure of the sentence says the toll rose to:
    "the toll has risen to 42, after a first toll of 17" tells 42, not the lowest."""
    risen = [
        g[0][0].value
        for g in groups
        if len(g) == 1 and g[0][0].value is not None and text and is_update(text, g[0][0])
    ]
    if not risen:
        return groups
    top = max(v for v in risen if v is not None)
    kept = [g for g in groups if sum(f.value or 0 for f, _t in g) >= top]
    return kept or groups


# An exact figure refines an open bound ("more than 60") it lies just above ("62"); one
# far above it ("32 killed" in a headline summing two towns, "at least 22" in one) does not.
_REFINES = 1.25


def _refined(
    groups: list[list[tuple[Figure, Token | None]]],
) -> list[list[tuple[Figure, Token | None]]]:
    """Alternatives without the open bounds an exact figure refines: "more than 60 soldiers
    were killed ... 62 soldiers" tells 62, not "the lowest of 60 and 62"."""
    exact = [
        g[0][0].value
        for g in groups
        if len(g) == 1 and g[0][0].value is not None and g[0][0].high == g[0][0].value
    ]

    def refined(group: list[tuple[Figure, Token | None]]) -> bool:
        figure = group[0][0]
        bound = figure.low if figure.low is not None else figure.value
        return (
            len(group) == 1
            and figure.high is None
            and bound is not None
            and any(bound <= value < bound * _REFINES for value in exact)
        )

    kept = [g for g in groups if not refined(g)]
    return kept or groups


def _one_dead(text: str, figures: list[Figure], event: EventCandidate, doc: Doc) -> Toll | None:
    """ "A protester was killed", "killed a sailor": one dead, with no figure to say so."""
    victim = event.victims
    killed = any(c.kind == "outcome" and _kills(doc[c.head]) for c in event.cues)
    if victim is None or not killed or victim.tag_ != "NN" or victim.lower_ in _COLLECTIVE:
        return None
    if category_of_noun(victim) not in _VICTIMS:
        return None
    if not any(c.dep_ in ("det", "nummod") and c.lower_ in _ONE for c in victim.children):
        return None
    start, end = phrase(victim)
    if any(start <= f.mention.start < end for f in figures):
        return None  # a figure of its own says how many
    # "killed a man and a woman", "his father and brother were killed": one dead each.
    listed = _listed_victims(victim)
    dead, nouns = len(listed), tuple(listed)
    end = max(end, phrase(listed[-1])[1])
    return Toll(
        value=dead,
        low=dead,
        high=dead,
        text=text[start:end],
        nouns=tuple(n.lemma_.lower() for n in nouns),
    )


def _listed_victims(victim: Token) -> list[Token]:
    """The single victims listed with ``victim``: its conjuncts, and a list the parse hung
    beside it ("A father, a mother and a son": an apposition with conjuncts of its own; "A
    man, his wife and their daughter": a second subject of the same verb). A lone
    apposition is the same person ("a man, a teacher at the school")."""
    beside = [c for c in victim.children if c.dep_ == "appos" and c.conjuncts]
    beside += [
        s
        for s in victim.head.children
        if s.i > victim.i
        and s.dep_ == victim.dep_
        and victim.dep_ in ("nsubj", "nsubjpass")
        and any(c.dep_ in ("det", "poss") and c.lower_ in _ONE_OF_KIN for c in s.children)
    ]
    found = {victim.i: victim}
    for head in [victim, *beside]:
        for noun in (head, *head.conjuncts):
            if noun.tag_ == "NN" and category_of_noun(noun) in _VICTIMS:
                found.setdefault(noun.i, noun)
    return [found[i] for i in sorted(found)]


def _adds_to_earlier(text: str, figure: Figure, token: Token | None) -> bool:
    """A figure for more dead besides those already counted: "and seven others were
    killed", "another five died", "six children were also killed"."""
    start, end = figure.mention.start, figure.mention.end
    if (
        _MORE_AFTER.match(text[end : end + 20])
        or _MORE_WORD.search(figure.mention.text)
        or _MORE_BEFORE.search(text[max(0, start - 20) : start])
    ):
        return True
    if token is None:
        return False
    verb = _noun_of(token).head
    return any(c.lower_ == "also" for c in verb.children)


def _coordinated(
    figures: list[tuple[Figure, Token | None]],
    text: str = "",
    listed: frozenset[tuple[int, int]] = frozenset(),
) -> list[list[tuple[Figure, Token | None]]]:
    groups: list[list[tuple[Figure, Token | None]]] = []
    for item in figures:
        token = item[1]
        if groups and text and _adds_to_earlier(text, item[0], token):
            groups[-1].append(item)
            continue
        for group in groups:
            if any(
                (item[0].mention.start, f.mention.start) in listed
                or (
                    token is not None
                    and other is not None
                    and _noun_of(token) in _noun_of(other).conjuncts
                )
                for f, other in group
            ):
                group.append(item)
                break
        else:
            groups.append([item])
    return groups


# Figures listed one after another, whatever the parse: "17 civilians, including six
# children, and 12 fighters", "15 civilians as well as three fighters". Between them: the
# first figure's noun phrase, an aside telling a part of it, then "and" or "as well as".
_NP_WORD = (
    r"(?:(?!(?:and|or|but|while|including|among|as|with|were|was|are|have|has|had|in|on|at"
    r"|by|near|killed|wounded|injured|died|dead)\b)[\w'-]+)"
)
_ASIDE = (
    r"(?:\s*[,\u2013\u2014-]\s*(?:including|among\s+them|among\s+whom)\b"
    r"[^,;.\u2013\u2014]{1,60}?[,\u2013\u2014-]"
    # or in brackets: "2 women (a nurse and a cook) as well as 2 soldiers"
    r"|\s*\([^()]{1,60}\))"
)
_LISTED = re.compile(
    rf"(?<!\s)\s+(?:{_NP_WORD}\s+){{0,3}}?{_NP_WORD}{_ASIDE}?\s*(?:,\s*)?"
    r"(?:and|as\s+well\s+as)\s+$",
    re.I,
)
# The same with an aside not closed by a mark ("15 civilians including four children and
# seven fighters"): the list goes on only where civilians are followed by fighters,
# whom the aside cannot be naming ("including four children and three women" can).
_LISTED_OPEN = re.compile(
    rf"(?<!\s)\s+(?:{_NP_WORD}\s+){{0,3}}?{_NP_WORD}\s+(?:including|among\s+them)\s+"
    r"(?:[\w'-]+\s+){1,6}?(?:and|as\s+well\s+as)\s+$",
    re.I,
)
_FIGHTERS = frozenset(["state", "armed"])
# A headline's list with a comma or nothing between: "Raids kill 14 jihadists, 5 civilians".
_LISTED_BARE = re.compile(rf"(?<!\s)\s+(?:{_NP_WORD}\s+){{0,2}}?{_NP_WORD}\s*,?\s+$", re.I)


def _listed(text: str, here: list[Figure], doc: Doc) -> dict[int, int]:
    """Figure start -> the start of the figure it is listed after ("and 16 fighters")."""
    found: dict[int, int] = {}
    for number, later in enumerate(here):
        # The figure before an aside that tells a part with a figure of its own, else the
        # figure just before.
        for earlier in here[max(0, number - 2) : number]:
            if _PART_BEFORE.search(
                text[max(0, earlier.mention.start - 25) : earlier.mention.start]
            ):
                continue  # "including four children and three women": the aside goes on
            between = text[earlier.mention.end : later.mention.start]
            if (
                _LISTED.fullmatch(between)
                or (_LISTED_OPEN.fullmatch(between) and _names_fighters(doc, later, earlier))
                or (_LISTED_BARE.fullmatch(between) and _other_sides(doc, later, earlier))
            ):
                found[later.mention.start] = earlier.mention.start
                break
    return found


def _names_fighters(doc: Doc, figure: Figure, earlier: Figure) -> bool:
    """``figure`` counts fighters after a count of civilians: no part of it ("20 people
    including a child and three soldiers" is one count; "15 civilians including a child and
    three soldiers" two)."""
    token, before = _figure_token(doc, figure), _figure_token(doc, earlier)
    if token is None or before is None:
        return False
    civilians = _noun_of(before).lemma_.lower() == "civilian"
    return civilians and category_of_noun(_noun_of(token)) in _FIGHTERS


def _other_sides(doc: Doc, figure: Figure, earlier: Figure) -> bool:
    """The two figures count people of different sides ("14 jihadists, 5 civilians"),
    never a count and its part ("12 people, five children")."""
    token, before = _figure_token(doc, figure), _figure_token(doc, earlier)
    if token is None or before is None:
        return False
    sides = {category_of_noun(_noun_of(token)), category_of_noun(_noun_of(before))}
    return len(sides) == 2 and sides <= _VICTIMS


def _noun_of(token: Token) -> Token:
    # A capitalised number word may parse as a compound ('"Eleven regime fighters').
    number = token.dep_ == "nummod" or (
        token.dep_ == "compound" and token.like_num and token.head.i > token.i
    )
    return token.head if number else token


def tree_distance(a: Token, b: Token) -> int:
    up_a = [a, *a.ancestors]
    up_b = {t.i: n for n, t in enumerate([b, *b.ancestors])}
    for n, token in enumerate(up_a):
        if token.i in up_b:
            return n + up_b[token.i]
    return 99


def toll_update(text: str, figures: list[Figure], sentence: Span) -> Toll | None:
    """The toll a sentence with no event of its own updates an earlier one to ("The monitor
    later raised the toll to 20"), when it is not the war's tally."""
    if realis.updates_a_tally(text[sentence.start_char : sentence.end_char]):
        return None
    risen = [
        f
        for f in figures
        if sentence.start_char <= f.mention.start < sentence.end_char
        and f.value is not None
        and not f.vague
        and f.unit in (None, "people")
        and is_update(text, f)
    ]
    if not risen:
        return None
    top = max(risen, key=lambda f: f.value or 0)
    return Toll(
        value=_as_int(top.value),
        low=_as_int(top.low if top.low is not None else top.value),
        high=_as_int(top.high),
        text=top.mention.text,
        updated=True,
    )
