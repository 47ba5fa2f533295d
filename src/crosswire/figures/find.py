"""Numbers in article text: exact, ranged, bounded or vague; what they count; who states them.

``find_figures`` returns a ``Figure`` for each quantity. The coding rules:

* Exact numbers: digits ("12", "1,200", "3.5 million", "$2bn") and words
  ("three", "twenty-five", "three-hundred", "a dozen", "half a dozen").
  value = low = high.
* Hedged numbers keep the stated number, as ACLED codes the number reported:
  "about", "around", "roughly", "some", "an estimated", "nearly", "almost",
  "close to", "just under/over" 500 give value = low = high = 500.
* Ranges ("30-40", "30 to 40", "between 30 and 40", "70-75 percent"): low and
  high as written; the value is the low end (ACLED codes the lower figure).
* Lower bounds ("more than", "over", "at least", "upwards of", "N or more"):
  low = N, high = None, value = N.
* Upper bounds ("up to", "as many as", "fewer than", "less than", "under"):
  low = None, high = N, value = None: a ceiling gives no count to code.
* Vague words keep the literal word in the mention and ``vague=True``. The
  value is ACLED's conservative code, which is also the floor (low); there is
  no ceiling (high = None). A word ACLED has no code for keeps no value and
  its floor is the least the word means:

  ==================  =====  ==========
  word                value  low
  ==================  =====  ==========
  a couple (of)       2      2
  a few               3      3
  a handful (of)      3      3
  several             3      3
  tens (of)           10     10
  dozens              12     12
  scores (of)         20     20
  hundreds            100    100
  thousands           1000   1000
  millions            None   2000000
  ==================  =====  ==========

  "several hundred", "a few thousand", "tens of thousands" multiply the word
  by the scale: 300, 3000, 10000.
* Proportions become percentages: "two out of three" (66.67), "three in four"
  (75), "a third of", "two-thirds of", "half of" (50); unit "percent", as for
  "12%", "12 percent" and "12 per cent".

What is counted comes from the parse: the noun the number quantifies with
its modifiers ("12 Syrian soldiers"), an "of" phrase ("percent of the city",
"dozens of fighters") and the event predicate ("12 civilians were killed" and
"killing 12 civilians" both give "civilians killed"); "the death toll rose to
45" counts the "death toll". The unit is "percent", a currency code, "people"
for nouns naming people, or the counted noun itself ("sorties").

The speaker is whoever the sentence attributes the figure to (see
``crosswire.quotes.find``): "according to AFP", "state media claimed", "X said";
a following sentence that opens with "Another", "Of those" and the like
keeps the attribution. A figure nobody is quoted for is the outlet's own
claim: its speaker is the outlet. The article's outlet rides along in
``outlet`` either way.

Numbers that are not quantities are skipped: dates and years, clock times,
ages ("aged 12", "Ali, 34,", "12-year-old"), phone numbers, ordinals, model
names ("F-16", "Su-24"), labels ("Resolution 2254", "Route 5") and
durations ("three days of fighting").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from crosswire.dates.find import date_spans
from crosswire.leadscan import LeadPattern
from crosswire.model import Figure, Mention
from crosswire.nlp import doc_text
from crosswire.quotes.find import Attribution, find_attributions, speaker_at

__all__ = ["find_figures", "parse_number"]


def _words(text: str) -> frozenset[str]:
    """A vocabulary written as one space-separated block."""
    return frozenset(text.split())


# ---------------------------------------------------------------------------
# Number words

_UNIT_NAMES = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
)
_UNIT_WORDS = {word: value for value, word in enumerate(_UNIT_NAMES.split())}
_TENS_NAMES = "twenty thirty forty fifty sixty seventy eighty ninety"
_TENS_WORDS = {word: 10 * (index + 2) for index, word in enumerate(_TENS_NAMES.split())}
_SCALE_WORDS = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}
_FRACTION_WORDS = {
    "half": 2,
    "halves": 2,
    "third": 3,
    "thirds": 3,
    "quarter": 4,
    "quarters": 4,
    "fifth": 5,
    "fifths": 5,
    "tenth": 10,
    "tenths": 10,
}
_CURRENCIES = {"$": "USD", "us$": "USD", "€": "EUR", "£": "GBP"}
_ABBREVIATED_SCALES = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000}

# Vague quantity words: (ACLED's conservative code, the least the word means).
# Words ACLED has no code for keep no value.
_VAGUE: dict[str, tuple[int | None, int]] = {
    "a couple": (2, 2),
    "a few": (3, 3),
    "a handful": (3, 3),
    "several": (3, 3),
    "tens": (10, 10),
    "dozens": (12, 12),
    "scores": (20, 20),
    "hundreds": (100, 100),
    "thousands": (1_000, 1_000),
    "millions": (None, 2_000_000),
}
# Words that need "of" to be a quantity: "scores of houses", not "settle scores".
_VAGUE_NEEDS_OF = frozenset({"tens", "scores", "a handful", "a couple"})

_LOWER_BOUNDS = frozenset(
    [
        "more than",
        "over",
        "well over",
        "at least",
        "upwards of",
        "in excess of",
        "no fewer than",
        "no less than",
        "not less than",
        "a minimum of",
        "above",
        "exceeding",
    ]
)
_UPPER_BOUNDS = frozenset(
    [
        "up to",
        "as many as",
        "at most",
        "no more than",
        "a maximum of",
        "fewer than",
        "less than",
        "under",
        "below",
    ]
)
# Hedges that keep the stated number: "about 500" is coded 500.
_APPROXIMATE = frozenset(
    [
        "about",
        "around",
        "approximately",
        "roughly",
        "some",
        "an estimated",
        "estimated",
        "circa",
        "nearly",
        "almost",
        "close to",
        "just under",
        "just over",
    ]
)
_BOUND_WORDS = sorted(_LOWER_BOUNDS | _UPPER_BOUNDS | _APPROXIMATE, key=len, reverse=True)

# Lemmas of nouns that count people.
_PEOPLE = _words(
    """
    people person civilian fighter soldier troop militant insurgent rebel child woman
    man boy girl infant baby adult protester demonstrator refugee migrant resident
    villager police policeman policewoman officer official journalist reporter worker
    doctor nurse patient student prisoner detainee hostage captive member personnel
    combatant gunman attacker jihadist militiaman serviceman recruit volunteer mercenary
    victim casualty individual pilgrim worshipper passenger crew sailor marine guard
    commander leader citizen national settler teenager minor elder displaced dead
    wounded injured other supporter adviser advisor diplomat youth activist trader
    farmer fisherman miner employee staff engineer teacher pupil priest cleric minister
    politician lawmaker delegate observer peacekeeper contractor tourist pilot driver
    shepherd herder smuggler suspect defector deserter conscript reservist veteran
    inmate rioter looter bystander survivor orphan voter
    """
)
_TIME_UNITS = _words(
    """
    second minute hour day week month year decade century night weekend morning evening
    afternoon
    """
)
# Verbs whose subject, not object, is counted when a number follows: "the toll rose to 45".
_TOLL_VERBS = _words("jump grow hit top rise stand increase reach climb put estimate")
_TOLL_NOUNS = _words("toll figure number total count tally")
_INTRANSITIVE_EVENTS = {
    "die": "died",
    "flee": "fled",
    "perish": "perished",
    "drown": "drowned",
    "disappear": "disappeared",
    "surrender": "surrendered",
    "defect": "defected",
    "escape": "escaped",
    "starve": "starved",
    "arrive": "arrived",
    "return": "returned",
}
# Past participles that do not end in "-ed", or double their last consonant.
_PARTICIPLE_PAIRS = """
    be:been bear:borne beat:beaten begin:begun bend:bent bet:bet bite:bitten blow:blown
    break:broken bring:brought build:built burn:burnt buy:bought catch:caught choose:chosen
    come:come cost:cost cut:cut deal:dealt dig:dug do:done draw:drawn drink:drunk
    drive:driven eat:eaten fall:fallen feed:fed feel:felt fight:fought find:found
    flee:fled fly:flown forget:forgotten freeze:frozen get:got give:given go:gone
    grow:grown hang:hung have:had hear:heard hide:hidden hit:hit hold:held hurt:hurt
    keep:kept know:known lay:laid lead:led leave:left lend:lent let:let light:lit
    lose:lost make:made mean:meant meet:met pay:paid put:put quit:quit read:read
    ride:ridden ring:rung rise:risen run:run say:said see:seen seek:sought sell:sold
    send:sent set:set shake:shaken shoot:shot shut:shut sing:sung sink:sunk sit:sat
    sleep:slept speak:spoken spend:spent split:split spread:spread stand:stood
    steal:stolen stick:stuck strike:struck swear:sworn sweep:swept swim:swum swing:swung
    take:taken teach:taught tear:torn tell:told think:thought throw:thrown
    understand:understood wake:woken wear:worn win:won write:written
    ban:banned compel:compelled control:controlled drop:dropped equip:equipped
    expel:expelled kidnap:kidnapped patrol:patrolled plan:planned ship:shipped
    stab:stabbed trap:trapped
"""
_PARTICIPLES = dict(pair.split(":") for pair in _PARTICIPLE_PAIRS.split())
# Verbs whose bare count ("hundreds were displaced") counts people.
_PEOPLE_VERBS = _words(
    """
    kill wound injure die execute shoot massacre murder slay maim hurt behead flee
    displace evacuate arrest detain abduct kidnap rescue release free drown starve
    perish surrender defect
    """
)
# Units of measure written several ways.
_MEASURES = {
    spelling: unit
    for unit, spellings in {
        "km": "km kms kilometre kilometres kilometer kilometers",
        "m": "metre metres meter meters",
        "miles": "mile miles mi",
        "kg": "kg kilogram kilograms kilogramme kilogrammes kilo kilos",
        "tonnes": "ton tons tonne tonnes",
        "hectares": "ha hectare hectares",
        "USD": "dollar dollars",
        "EUR": "euro euros",
    }.items()
    for spelling in spellings.split()
}
# Adjectives the parser may hang a number on instead of the noun.
_BRIDGING_ADJECTIVES = _words("strong more additional other further extra")
# Participles that describe rather than report: "workers affiliated with the union".
_STATIVE = _words("affiliate associate link connect relate base belong tie name call know loyal")
# Verbs of knowing and expecting: "are expected to" is no event.
_EPISTEMIC = _words("expect believe think say report estimate fear know presume suppose understand")
_STATES = _words(
    """
    dead missing wounded injured killed displaced homeless detained trapped hurt
    """
)
_LABEL_WORDS = _words(
    """
    resolution article section chapter paragraph decree law no no. number flight route
    highway road model type page room code bus line brigade division unit squad
    battalion regiment sector zone gate building block station platform channel tel tel.
    phone fax views
    """
)
_AGE_BEFORE = frozenset({"aged", "age", "ages"})

# ---------------------------------------------------------------------------
# Patterns

_SP = r"[^\S\n]"
_NUMBER_WORD = "|".join(
    sorted([*_UNIT_WORDS, *_TENS_WORDS, *_SCALE_WORDS, "dozen"], key=len, reverse=True)
)
_WORDS = (
    rf"(?:half{_SP}an?{_SP}dozen|(?:an?{_SP}(?=(?:hundred|thousand|million|billion|dozen)\b))?"
    rf"(?:{_NUMBER_WORD})(?:(?:{_SP}|-|{_SP}and{_SP})(?:{_NUMBER_WORD}))*)\b"
)
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_SCALE = rf"(?:{_SP}|-)(?:hundred|thousand|million|billion|trillion)\b"
_NUMBER = rf"(?:{_DIGITS}(?:{_SCALE})?|(?i:{_WORDS}))"
_CURRENCY = r"(?:US\$|\$|€|£)"
_MONEY_NUMBER = rf"{_DIGITS}(?:{_SCALE}|(?:bn|mn|m|k)\b)?"
_PERCENT = rf"(?:{_SP}?%|{_SP}(?i:percent|per{_SP}cent|percentage{_SP}points?)\b)"
_BOUND = "|".join(re.escape(b).replace(r"\ ", _SP) for b in _BOUND_WORDS)
_BEFORE = r"(?<![\w.,/:$€£\-])"  # not inside "F-16", "3.5", "1/2", "10:30"
_AFTER = r"(?!\w|[.,:/]\d|-(?!strong\b)[A-Za-z])"  # not "12-year-old", "3.5", "10:30"
_VAGUE_WORD = (
    rf"(?i:tens|dozens|scores|hundreds|thousands|millions|several|a{_SP}few|a{_SP}handful"
    rf"|a{_SP}couple)"
)

# A bound ("at least", "up to", "about") may open any figure.
_BOUND_PREFIX = rf"(?:(?P<bound>(?i:{_BOUND})){_SP})?"

_PATTERNS: tuple[tuple[str, LeadPattern], ...] = tuple(
    (kind, LeadPattern.compile(_BOUND_PREFIX, body))
    for kind, body in (
        (
            "ratio",
            rf"{_BEFORE}(?P<a>{_NUMBER}){_SP}(?i:out{_SP}of|in)"
            rf"{_SP}(?P<b>{_NUMBER}){_AFTER}",
        ),
        (
            "fraction",
            rf"{_BEFORE}(?P<a>(?i:an?|one|two|three|four|five|"
            rf"six|seven|eight|nine))(?:{_SP}|-)(?P<b>(?i:halves|half|thirds?|quarters?|fifths?|"
            rf"tenths?))(?={_SP}of\b)",
        ),
        (
            "half",
            rf"\b(?P<half>(?i:half))(?={_SP}(?i:of|the|its|their|"
            rf"his|her|our|all)\b)",
        ),
        (
            "range",
            rf"(?:(?P<between>(?i:between)){_SP})?{_BEFORE}"
            rf"(?P<cur>{_CURRENCY})?(?P<a>{_NUMBER})(?P<pct1>%)?(?P<sep>{_SP}?[-–]{_SP}?|{_SP}"
            rf"(?i:to|and){_SP})(?P<cur2>{_CURRENCY})?(?P<b>{_NUMBER}){_AFTER}(?P<pct>{_PERCENT})?",
        ),
        (
            "money",
            rf"{_BEFORE}(?P<cur>{_CURRENCY}){_SP}?"
            rf"(?P<a>{_MONEY_NUMBER}){_AFTER}",
        ),
        (
            "number",
            rf"{_BEFORE}(?P<a>{_NUMBER}){_AFTER}(?P<pct>{_PERCENT})?"
            rf"(?P<suffix>{_SP}or{_SP}(?:so|more|fewer|less)\b)?",
        ),
        (
            "vague",
            rf"\b(?P<vague>{_VAGUE_WORD})"
            rf"(?:{_SP}of{_SP}(?P<vague2>(?i:thousands|millions))"
            rf"|{_SP}(?P<scale>(?i:hundred|thousand|million|dozen))\b)?\b",
        ),
    )
)
_TIME_AFTER = re.compile(
    rf"^{_SP}?(?:[ap]\.?m\.?(?!\w)|(?:GMT|UTC|hrs|h)\b|o['’]clock|local{_SP}time)", re.IGNORECASE
)
_AGE_AFTER = re.compile(
    rf"^(?:{_SP}years?{_SP}old|{_SP}years?{_SP}of{_SP}age|-years?-old)", re.IGNORECASE
)
_MIXED_FRACTION = re.compile(rf"{_SP}\d+/\d+")
# Entity types whose numbers are part of a name.
_NAME_TYPES = frozenset({"GPE", "LOC", "FAC", "ORG", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT"})
# Phone numbers: "+44 20 7946 0958", "(555) 986-8456", "986-8456".
_PHONE = re.compile(r"(?<![\w,])(?:\+?\(?\d{2,4}\)?(?:[ .-]\d{2,4}){2,}|\d{3}-\d{4})(?![\w,])")
# A numeric date ("04-06-2016", "4.6.2016"), which the date patterns may leave to the
# dateline reader: neither a range nor, with the figure after it, a phone number.
_NUMERIC_DATE = re.compile(r"(?<![\w.-])\d{1,2}[-./]\d{1,2}[-./](?:19|20)\d\d(?![\w-])")


# ---------------------------------------------------------------------------
# Values


def parse_number(text: str) -> float | None:
    """The value of a written number: "1,200", "3.5 million", "twenty-five",
    "three hundred and fifty", "a dozen", "half a dozen". None when it is not one."""
    cleaned = " ".join(text.lower().replace("-", " ").replace(",", "").split())
    if not cleaned:
        return None
    if cleaned == "half a dozen":
        return 6.0
    words = cleaned.split()
    if re.fullmatch(r"\d+(?:\.\d+)?", words[0]):
        value = float(words[0])
        for word in words[1:]:
            if word not in _SCALE_WORDS:
                return None
            value *= _SCALE_WORDS[word]
        return value
    total = current = 0.0
    seen_number = False
    for index, word in enumerate(words):
        if word in ("a", "an") and index == 0:
            current, seen_number = 1.0, True
        elif word == "and":
            if index == 0 or words[index - 1] not in _SCALE_WORDS:
                return None
        elif word in _UNIT_WORDS:
            current += _UNIT_WORDS[word]
            seen_number = True
        elif word in _TENS_WORDS:
            current += _TENS_WORDS[word]
            seen_number = True
        elif word == "dozen":
            current = (current or 1.0) * 12
            seen_number = True
        elif word == "hundred":
            current = (current or 1.0) * 100
            seen_number = True
        elif word in _SCALE_WORDS:
            total += (current or 1.0) * _SCALE_WORDS[word]
            current = 0.0
            seen_number = True
        else:
            return None
    return total + current if seen_number else None


def _money_value(text: str) -> float | None:
    match = re.fullmatch(r"([\d,.]+)(bn|mn|m|k)?", text.replace(" ", ""), re.IGNORECASE)
    if match and match.group(2):
        return float(match.group(1).replace(",", "")) * _ABBREVIATED_SCALES[match.group(2).lower()]
    return parse_number(text)


@dataclass(frozen=True, slots=True)
class _Quantity:
    value: float | None
    low: float | None
    high: float | None
    percent: bool = False
    vague: bool = False
    currency: str | None = None


def _bounded(number: float, bound: str | None) -> _Quantity:
    bound = " ".join((bound or "").lower().split())
    if bound in _LOWER_BOUNDS:
        return _Quantity(value=number, low=number, high=None)
    if bound in _UPPER_BOUNDS:
        return _Quantity(value=None, low=None, high=number)
    return _Quantity(value=number, low=number, high=number)


def _quantity(kind: str, g: dict[str, str | None]) -> _Quantity | None:
    """The quantity a match of pattern ``kind`` states; None when it states none."""
    return _QUANTITY_READERS.get(kind, _vague_quantity)(g, g.get("bound"))


_Groups = dict[str, str | None]


def _half_quantity(g: _Groups, bound: str | None) -> _Quantity | None:
    return replace(_bounded(50.0, bound), percent=True)


def _fraction_quantity(g: _Groups, bound: str | None) -> _Quantity | None:
    top = parse_number(g["a"] or "")
    bottom = _FRACTION_WORDS[(g["b"] or "").lower()]
    if top is None or top >= bottom:
        return None
    return replace(_bounded(round(100 * top / bottom, 2), bound), percent=True)


def _ratio_quantity(g: _Groups, bound: str | None) -> _Quantity | None:
    part, whole = parse_number(g["a"] or ""), parse_number(g["b"] or "")
    if part is None or whole is None or not 0 < part < whole <= 1000:
        return None
    return replace(_bounded(round(100 * part / whole, 2), bound), percent=True)


def _range_quantity(g: _Groups, bound: str | None) -> _Quantity | None:
    low, high = parse_number(g["a"] or ""), parse_number(g["b"] or "")
    if low is None or high is None:
        return None
    between = g.get("between") is not None
    separator = g.get("sep") or ""
    if separator.strip().lower() == "and" and not between:
        return None
    if separator == "-" and not re.search(r"\d", (g["a"] or "") + (g["b"] or "")):
        return None  # "three-hundred", "twenty-five": one number, not a range
    shared = re.search(r"(hundred|thousand|million|billion)$", (g["b"] or "").lower())
    if shared and not re.search(r"[a-z]", (g["a"] or "").lower()):
        low *= _SCALE_WORDS[shared.group(1)]  # "3 to 4 million"
    if not low < high:
        return None
    currency = _CURRENCIES.get((g.get("cur") or g.get("cur2") or "").lower())
    percent = bool(g.get("pct") or g.get("pct1"))
    if bound is not None and not between:
        quantity = _bounded(low, bound)
        return replace(quantity, high=high if quantity.high is not None else None, percent=percent)
    return _Quantity(value=low, low=low, high=high, percent=percent, currency=currency)


def _money_quantity(g: _Groups, bound: str | None) -> _Quantity | None:
    number = _money_value(g["a"] or "")
    if number is None:
        return None
    currency = _CURRENCIES.get((g.get("cur") or "").lower())
    return replace(_bounded(number, bound), currency=currency)


# A number's suffix that bounds it ("12 or more"), as the bound word before it would.
_SUFFIX_BOUNDS = {"or more": "at least", "or fewer": "up to", "or less": "up to", "or so": "about"}


def _number_quantity(g: _Groups, bound: str | None) -> _Quantity | None:
    number = parse_number(g["a"] or "")
    if number is None:
        return None
    suffix = " ".join((g.get("suffix") or "").lower().split())
    bound = _SUFFIX_BOUNDS.get(suffix, bound)
    return replace(_bounded(number, bound), percent=bool(g.get("pct")))


def _vague_quantity(g: _Groups, bound: str | None) -> _Quantity | None:
    word = " ".join((g.get("vague") or "").lower().split())
    value, floor = _VAGUE[word]
    scale_word = (g.get("vague2") or g.get("scale") or "").lower().removesuffix("s")
    scale = 12 if scale_word == "dozen" else _SCALE_WORDS.get(scale_word, 1)
    coded = None if value is None else float(value * scale)
    low = float(floor * scale)
    if " ".join((bound or "").lower().split()) in _UPPER_BOUNDS:
        return _Quantity(value=None, low=None, high=low, vague=True)
    return _Quantity(value=coded, low=low, high=None, vague=True)


# How each pattern kind reads its match; any other kind is a vague word ("dozens").
_QUANTITY_READERS: dict[str, Callable[[_Groups, str | None], _Quantity | None]] = {
    "half": _half_quantity,
    "fraction": _fraction_quantity,
    "ratio": _ratio_quantity,
    "range": _range_quantity,
    "money": _money_quantity,
    "number": _number_quantity,
}


# ---------------------------------------------------------------------------
# Candidates


@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int
    end: int
    number_start: int  # where the number itself starts, after any bound
    kind: str
    groups: dict[str, str | None]
    priority: int
    quantity: _Quantity


def _word_before(text: str, start: int) -> str:
    match = re.search(r"([\w.']+)\W*$", text[max(0, start - 30) : start])
    return match.group(1).lower() if match else ""


def _number_start(kind: str, match: re.Match[str]) -> int:
    for group in ("cur", "a", "half", "vague"):
        if group in match.groupdict() and match.group(group) is not None:
            return match.start(group)
    return match.start()


def _candidates(text: str) -> list[_Candidate]:
    found: list[_Candidate] = []
    for priority, (kind, pattern) in enumerate(_PATTERNS):
        for match in pattern.finditer(text):
            quantity = _quantity(kind, match.groupdict())
            if quantity is None:
                continue
            found.append(
                _Candidate(
                    start=match.start(),
                    end=match.end(),
                    number_start=_number_start(kind, match),
                    kind=kind,
                    groups=match.groupdict(),
                    priority=priority,
                    quantity=quantity,
                )
            )
    found.sort(key=lambda c: (c.start - c.end, c.priority, c.start))
    chosen: list[_Candidate] = []
    for candidate in found:
        if all(candidate.end <= c.start or candidate.start >= c.end for c in chosen):
            chosen.append(candidate)
    return sorted(chosen, key=lambda c: c.start)


def _span(doc: Doc, start: int, end: int) -> Span | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span if span is not None and len(span) else None


def _is_quantity(doc: Doc, candidate: _Candidate, skip: Sequence[tuple[int, int]]) -> bool:
    """Leaves out dates, times, ages, labels, model names and phone numbers."""
    text = doc_text(doc)
    start, end = candidate.number_start, candidate.end
    if any(start < e and s < end for s, e in skip) or _reads_as_label(text, candidate):
        return False
    span = _span(doc, start, end)
    if span is None:
        return False
    if any(t.ent_type_ in _NAME_TYPES for t in span) and not _counts_after_name(span):
        return False  # "Ten Mile", "Group of 20": part of a name
    g = candidate.groups
    if candidate.kind == "number" and not g.get("pct"):
        head = span.root.head.idx
        dated = any(s <= head < e for s, e in skip)
        return _counts_as_number(doc, span, g, text, end, dated)
    if candidate.kind == "vague":
        word = " ".join((g.get("vague") or "").lower().split())
        following = text[end : end + 4].lower()
        return word not in _VAGUE_NEEDS_OF or bool(g.get("vague2") or following.startswith(" of"))
    return True


def _counts_after_name(span: Span) -> bool:
    """A number the tagger ran into the name before it, counting the people after it: "in
    the province of Raqqa 9 people died" (a place told without its comma)."""
    last = span[-1]
    following = last.nbor() if last.i + 1 < len(last.doc) else None
    return (
        following is not None
        and last.ent_iob_ == "I"
        and following.ent_iob_ != "I"
        and last.head.i == following.i
        and (following.lemma_.lower() in _PEOPLE or following.lower_ in _PEOPLE)
    )


def _reads_as_label(text: str, candidate: _Candidate) -> bool:
    """A label, a list item's number, an age, a clock time or a mixed fraction, by its context."""
    start, end = candidate.number_start, candidate.end
    before = _word_before(text, candidate.start)
    if before in _LABEL_WORDS or text[max(0, start - 1) : start] == "#":
        return True
    line_start = text.rfind("\n", 0, start) + 1
    if not text[line_start:start].strip() and text[end : end + 1] in (".", ")"):
        return True  # "1. The army ...": a list item's number
    if candidate.kind in ("number", "range") and (
        before in _AGE_BEFORE or _AGE_AFTER.match(text[end:]) or _TIME_AFTER.match(text[end:])
    ):
        return True
    # "1 1/2 years": a measure written the way dates and ages are
    return _MIXED_FRACTION.match(text, end) is not None


def _counts_as_number(
    doc: Doc, span: Span, g: _Groups, text: str, end: int, dated: bool = False
) -> bool:
    """Whether a bare number counts something, rather than giving an age, a label or a year.
    ``dated``: the word it hangs on lies in a date expression."""
    first, root = span[0], span.root
    # "Ahmed Ali, 34, said": an age in apposition to a person.
    if (
        first.i >= 2
        and doc[first.i - 1].text == ","
        and doc[first.i - 2].ent_type_ == "PERSON"
        and span.end < len(doc)
        and doc[span.end].text == ","
    ):
        return False
    # "Brigade 93": a number after the noun it labels; not a date's ("Monday 3 May 2016
    # 14:28 54 killed", a dateline the parser hangs a headline's count on).
    if (
        root.dep_ in ("nummod", "appos", "npadvmod", "compound")
        and root.head.i < root.i
        and root.head.pos_ in ("NOUN", "PROPN")
        and not g.get("bound")
        and not dated
    ):
        return False
    if (g.get("a") or "").lower() == "one" and root.dep_ != "nummod":
        nxt = text[end : end + 4].lower()
        if not nxt.startswith(" of"):
            return False  # "no one", "one another"
    value = parse_number(g.get("a") or "")
    year_like = value is not None and 1800 <= value <= 2100
    # A year that the date patterns did not claim.
    return not (
        year_like
        and re.fullmatch(r"\d{4}", g.get("a") or "")
        and not (root.dep_ == "nummod" and root.head.tag_ in ("NNS", "NNPS"))
    )


# ---------------------------------------------------------------------------
# What is counted


def _participle(verb: Token) -> str:
    if verb.tag_ == "VBN" or (verb.tag_ == "VBD" and verb.lower_.endswith("ed")):
        return verb.lower_
    lemma = verb.lemma_.lower()
    if lemma in _PARTICIPLES:
        return _PARTICIPLES[lemma]
    if lemma.endswith("e"):
        return lemma + "d"
    if len(lemma) > 2 and lemma.endswith("y") and lemma[-2] not in "aeiou":
        return lemma[:-1] + "ied"
    return lemma + "ed"


def _surface(tokens: Sequence[Token]) -> str:
    words: list[str] = []
    for token in tokens:
        word = token.text if token.pos_ == "PROPN" or token.ent_type_ else token.lower_
        if words and (token.text in ("-", "'s") or (words[-1].endswith("-"))):
            words[-1] += word
        else:
            words.append(word)
    return " ".join(words)


def _of_object(token: Token) -> Token | None:
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    return None


def _noun_phrase(noun: Token, after: int) -> list[Token]:
    """The noun with its modifiers between the number and it ("Syrian soldiers")."""
    doc = noun.doc
    start = noun.i
    while start - 1 >= after and doc[start - 1].dep_ in ("amod", "compound", "nmod", "punct"):
        if doc[start - 1].is_punct and doc[start - 1].text != "-":
            break
        start -= 1
    while start < noun.i and doc[start].lower_ in _BRIDGING_ADJECTIVES:
        start += 1  # "seven more batteries" counts batteries
    return list(doc[start : noun.i + 1])


def _predicate(role: Token) -> tuple[str | None, Token | None]:
    """The event a counted phrase takes part in, as a participle, and its verb."""
    while role.dep_ == "conj" and role.head.pos_ in ("NOUN", "PROPN", "NUM", "PRON"):
        role = role.head
    head = role.head
    if head.lemma_.lower() in _EPISTEMIC:
        # "12 are feared dead", "hundreds are expected to follow": only a state counts.
        for child in head.children:
            if child.dep_ in ("acomp", "oprd", "xcomp", "attr") and child.lower_ in _STATES:
                return child.lower_, child
        return None, None
    if role.dep_ in ("nsubjpass", "dobj") and head.pos_ == "VERB":
        particles = [c.lower_ for c in head.children if c.dep_ == "prt"]
        return " ".join([_participle(head), *particles]), head
    if role.dep_ == "nsubj":
        predicate, verb = _subject_predicate(head)
        if verb is not None:
            return predicate, verb
    for child in role.children:
        if (
            child.dep_ in ("acl", "amod")
            and child.tag_ == "VBN"
            and child.i > role.i
            and child.lemma_.lower() not in _STATIVE
        ):
            return child.lower_, child
    return None, None


def _subject_predicate(head: Token) -> tuple[str | None, Token | None]:
    """What the verb of a counted subject says happened to it; (None, None) when nothing."""
    lemma = head.lemma_.lower()
    if head.lower_ in _STATES:
        return head.lower_, head  # "two dozen were missing"
    if head.tag_ == "VBN" and lemma not in ("be", "have"):
        return head.lower_, head
    if lemma in _INTRANSITIVE_EVENTS:
        return _INTRANSITIVE_EVENTS[lemma], head
    if lemma == "be":
        for child in head.children:
            if child.dep_ in ("acomp", "attr") and child.lower_ in _STATES:
                return child.lower_, child
            # "four soldiers were among the dead"
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if child.lower_ == "among" and objects and objects[0].lower_ in _STATES:
                return objects[0].lower_, objects[0]
    return None, None


def _toll_subject(role: Token) -> list[Token] | None:
    """ "The death toll rose to 45", "put the toll at 45", "a crew of 23", "casualties
    were estimated at 1,000": the number counts the toll or group, not itself."""
    node = role
    while node.dep_ in ("pobj", "prep") and node.head.lower_ in ("to", "at", "between", "of"):
        node = node.head
    if node.i == role.i and role.dep_ != "dobj":
        return None
    head = node.head
    if head.pos_ == "NOUN" and (head.lemma_.lower() in _TOLL_NOUNS or node.lower_ == "of"):
        holder: Token | None = head  # "a death toll of 45", "a crew of 23"
    elif head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in _TOLL_VERBS:
        objects = [c for c in head.children if c.dep_ == "dobj" and c.i != role.i]
        subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
        holders = objects or subjects
        holder = holders[0] if holders else None
    else:
        return None
    if holder is None or holder.pos_ not in ("NOUN", "PROPN"):
        return None
    phrase = holder.doc[holder.left_edge.i : holder.i + 1]
    return [t for t in phrase if t.dep_ != "det"]


@dataclass(frozen=True, slots=True)
class _Counted:
    counted: str | None
    unit: str | None


def _counted(span: Span, quantity: _Quantity) -> _Counted | None:
    """What the number counts and its unit; None for durations and ages."""
    inside = {t.i for t in span}
    key = span.root
    found = _counted_noun(span, quantity, inside)
    noun = found.noun
    if noun is not None and noun.lemma_.lower() in _TIME_UNITS:
        return None
    if noun is not None and noun.lower_ == "block" and noun.i > key.i:
        return None  # "the 800 block of Main Street": an address
    if noun is not None and (noun.pos_ == "PRON" or noun.tag_ == "WDT"):
        noun = None  # "two of which", "half of them" count nothing named
    toll = _toll_subject(found.role) if noun is None or noun.i not in inside else None
    if toll is not None and noun is None:
        holder = toll[-1]
        counts_people = holder.lemma_.lower() in _TOLL_NOUNS | _PEOPLE or holder.lower_ in _PEOPLE
        return _Counted(counted=_surface(toll), unit="people" if counts_people else holder.lower_)
    predicate, verb = _predicate(found.role)
    parts: list[str] = []
    if noun is not None:
        if noun.i == key.i:
            parts.append("percent")
        else:
            after = found.modifiers_from if noun.i >= found.modifiers_from else noun.i
            parts.append(_surface(_noun_phrase(noun, after)))
        if found.of_phrase:
            parts.append("of " + _surface(found.of_phrase))
    if predicate:
        parts.append(predicate)
    return _Counted(counted=" ".join(parts) or None, unit=_unit(quantity, noun, verb, inside))


@dataclass(frozen=True, slots=True)
class _CountedNoun:
    noun: Token | None  # the noun the number counts, if one is named
    role: Token  # the token whose place in the sentence says what the counted took part in
    of_phrase: list[Token]  # "of the city" in "70 percent of the city"
    modifiers_from: int  # the noun's modifiers start here (after the number)


def _counted_noun(span: Span, quantity: _Quantity, inside: set[int]) -> _CountedNoun:
    """The noun a number counts: its head, an "of" object, or a noun past "-strong"/"more"."""
    doc, key = span.doc, span.root
    share_of = _of_object(key) if quantity.percent else None
    if key.lower_ in ("percent", "%", "cent", "points") or share_of is not None:
        # "70 percent of the city", "a third of them"
        of_phrase = [] if share_of is None else list(doc[share_of.left_edge.i : share_of.i + 1])
        return _CountedNoun(noun=key, role=key, of_phrase=of_phrase, modifiers_from=span.end)
    obj = _of_object(key)
    while obj is not None and obj.i in inside:
        obj = _of_object(obj)
    if obj is not None:
        # "dozens of fighters", "12 of the soldiers"
        return _CountedNoun(noun=obj, role=key, of_phrase=[], modifiers_from=span.end)
    head = key.head
    if head.lower_ in _BRIDGING_ADJECTIVES and head.head.pos_ == "NOUN":
        # "a 3,000-strong force", "seven more batteries"
        noun = head.head
        return _CountedNoun(noun=noun, role=noun, of_phrase=[], modifiers_from=head.i + 1)
    if head.i > key.i and head.pos_ in ("NOUN", "PROPN") and head.i not in inside:
        obj = _of_object(head)
        of_phrase = [] if obj is None else list(doc[obj.left_edge.i : obj.i + 1])
        return _CountedNoun(noun=head, role=head, of_phrase=of_phrase, modifiers_from=span.end)
    return _CountedNoun(noun=None, role=key, of_phrase=[], modifiers_from=span.end)


def _unit(
    quantity: _Quantity, noun: Token | None, verb: Token | None, inside: set[int]
) -> str | None:
    """What one of the number is: percent, a currency, people, or the noun's measure."""
    if quantity.percent:
        return "percent"
    if quantity.currency:
        return quantity.currency
    if noun is not None and (
        noun.lemma_.lower() in _PEOPLE or noun.lower_ in _PEOPLE or noun.ent_type_ == "NORP"
    ):
        return "people"
    if noun is not None and noun.i not in inside:
        return _MEASURES.get(noun.lower_, noun.lower_)
    if verb is not None and (verb.lemma_.lower() in _PEOPLE_VERBS or verb.lower_ in _STATES):
        return "people"
    return None


# ---------------------------------------------------------------------------


def find_figures(
    doc: Doc,
    article_id: str,
    outlet: str | None,
    attributions: Sequence[Attribution] | None = None,
) -> list[Figure]:
    """Every quantity in ``doc`` with what it counts and who states it.

    ``outlet`` is the article's own outlet; offsets refer to ``doc.text``.
    ``attributions`` saves the work when the caller already ran
    ``crosswire.quotes.find.find_attributions`` on the same doc.
    """
    text = doc_text(doc)
    numeric_dates = [m.span() for m in _NUMERIC_DATE.finditer(text)]
    phones = [
        m.span()
        for m in _PHONE.finditer(text)
        if not any(s < m.end() and m.start() < e for s, e in numeric_dates)
    ]
    skip = [*date_spans(doc), *numeric_dates, *phones]
    figures: list[Figure] = []
    for candidate in _candidates(text):
        if not _is_quantity(doc, candidate, skip):
            continue
        quantity = candidate.quantity
        span = _span(doc, candidate.number_start, candidate.end)
        counted = _counted(span, quantity) if span is not None else None
        if counted is None:
            continue
        if attributions is None:
            attributions = find_attributions(doc)
        figures.append(
            Figure(
                mention=Mention(
                    article=article_id,
                    start=candidate.start,
                    end=candidate.end,
                    text=text[candidate.start : candidate.end],
                ),
                value=quantity.value,
                low=quantity.low,
                high=quantity.high,
                unit=counted.unit,
                counted=counted.counted,
                vague=quantity.vague,
                speaker=speaker_at(doc, attributions, candidate.start) or outlet,
                outlet=outlet,
            )
        )
    return figures
