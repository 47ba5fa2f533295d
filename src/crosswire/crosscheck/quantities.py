"""What a figure counts, and the range of values its wording allows.

``band`` is the range of true values a statement is consistent with, used to
decide whether two statements can both be true. It is wider than the coded
value (ACLED's conservative reading, "dozens" = 12): "dozens" means two dozen
or more but under a hundred, so it agrees with "30-40" and contradicts
"hundreds"; "about 400" allows a margin; "at least 12" is open above.

``Counted`` splits what a figure counts ("civilians killed by shelling") into
who is counted (civilians), what happened to them (killed) and the rest of
the words, so "civilian deaths" meets "civilians killed" while fighters and
soldiers stay apart from civilians.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from crosswire.crosscheck.text import terms, word_set
from crosswire.model import Figure

Band = tuple[float, float]

# Vague quantities, most specific wording first.
VAGUE_BANDS: tuple[tuple[re.Pattern[str], Band], ...] = tuple(
    (re.compile(pattern, re.I), band)
    for pattern, band in (
        (r"\bhundreds of thousands\b", (200_000.0, 999_999.0)),
        (r"\btens of thousands\b", (20_000.0, 99_999.0)),
        (r"\b(?:several|a few) thousand\b", (3_000.0, 9_999.0)),
        (r"\bthousands\b", (1_000.0, 9_999.0)),
        (r"\b(?:several|a few) hundred\b", (300.0, 999.0)),
        (r"\bhundreds\b", (100.0, 999.0)),
        (r"\bscores\b", (40.0, 199.0)),
        (r"\b(?:several|a few) dozen\b", (36.0, 99.0)),
        (r"\bdozens\b", (24.0, 99.0)),
        (r"\btens\b", (20.0, 99.0)),
        (r"\bmillions\b", (2_000_000.0, math.inf)),
        (r"\b(?:several|a few|a handful of|a handful)\b", (3.0, 9.0)),
        (r"\b(?:a couple of|a couple)\b", (2.0, 3.0)),
    )
)
_APPROXIMATE = re.compile(
    r"\b(?:about|around|roughly|some|approximately|an estimated|estimated|nearly|almost|"
    r"close to|up to|environ|près de|quelque)\b",
    re.I,
)
_BELOW_ONLY = re.compile(r"\b(?:nearly|almost|close to|up to|près de)\b", re.I)
APPROXIMATE_MARGIN = 0.1


def band(figure: Figure) -> Band:
    """The values ``figure``'s wording is consistent with (see the module docstring).

    The figures stage codes "at least 12" as low 12 with no high, and a plain
    "12" as low = high = 12; a figure with a value only is taken as exact.
    """
    text = figure.mention.text
    if figure.vague:
        for pattern, vague_band in VAGUE_BANDS:
            if pattern.search(text):
                return vague_band
    if figure.low is None and figure.high is None:
        if figure.value is None:
            return (-math.inf, math.inf)
        low = high = figure.value
    else:
        low = figure.low if figure.low is not None else -math.inf
        high = figure.high if figure.high is not None else math.inf
    if _APPROXIMATE.search(text) and low == high:
        margin = abs(low) * APPROXIMATE_MARGIN
        top = low if _BELOW_ONLY.search(text) else low + margin
        return (low - margin, top)
    return (low, high)


# Who is counted. Each word maps to a class; a class meets only itself, except
# that "people" (anyone) meets "civilians", as newsrooms use the two alike.
SUBJECT_WORDS: dict[str, str] = {}
for _class, _words in {
    "people": "people person individual victim casualty body life live",
    "civilians": "civilian resident villager inhabitant",
    "children": "child children kid minor boy girl",
    "women": "woman women",
    "men": "man men",
    "soldiers": "soldier troop servicemen serviceman army military",
    "police": "police policemen policeman officer",
    "fighters": "fighter militant rebel insurgent gunmen gunman combatant militiamen jihadist",
    "members": "member suspect",
    "protesters": "protester protestor demonstrator marcher",
    "crew": "crew sailor seafarer mariner crewmen crewman",
    "workers": "worker docker employee labourer staff",
    "families": "family household",
    "journalists": "journalist reporter",
    "medics": "medic doctor nurse paramedic",
    "refugees": "refugee migrant",
    "vessels": "vessel ship boat tanker",
    "homes": "home house building",
    "explosions": "explosion blast",
    "airstrikes": "airstrike strike raid sortie",
}.items():
    for _word in _words.split():
        SUBJECT_WORDS[_word] = _class

OUTCOME_WORDS: dict[str, str] = {}
for _outcome, _words in {
    "killed": "killed kill killing dead death died die dying toll fatality slain perished lost",
    "wounded": "wounded wound injured injury hurt",
    "displaced": "displaced fled flee fleeing uprooted homeless evacuated left",
    "detained": "detained detain arrested arrest captured held custody",
    "abducted": "abducted kidnapped",
    "missing": "missing",
    "rescued": "rescued rescue saved",
    "recovered": "recovered",
    "gathered": "gathered protested marched rallied demonstrated crowd turnout",
    "aboard": "aboard board",
    "surrendered": "surrender surrendered",
    "returned": "returned return",
    "seized": "seized confiscated",
    "destroyed": "destroyed damaged",
}.items():
    for _word in _words.split():
        OUTCOME_WORDS[_word] = _outcome

CASUALTY_OUTCOMES = frozenset({"killed", "wounded"})
# Marks a part of a count given elsewhere ("two of the wounded").
PART = "<part>"
# Marks dead or wounded added to a count told before ("two more were killed", "another
# three died"): another count, never a differing account of any (claims.same_topic).
ADDED = "<added>"
# Words that pick out a part of a count ("two of the wounded were in a critical
# condition"): statements with different ones count different things.
QUALIFIERS = word_set(
    "critical serious seriously condition hospitalised hospitalized foreign foreigner "
    "child children woman women elderly"
) | {PART, ADDED}
# Words of a counted phrase that say nothing about what is counted.
_FILLER = word_set(
    "number total figure count least more than about estimated some including among via per"
)
# A unit says how a figure measures, not what it is about: "75 percent of imports".
_UNIT_WORDS = word_set("percent per cent kilometre kilometer km mile dollar usd euro")
_MERGEABLE = frozenset({"people", "civilians"})
_POSSESSOR = re.compile(r"\b[^\W_]+(?=['’]s\b)")
# Subject classes that are not people: a unit naming one of the others counts people.
_NOT_PEOPLE = frozenset({"vessels", "homes", "explosions", "airstrikes", "families"})


@dataclass(frozen=True, slots=True)
class Counted:
    subject: str | None
    outcome: str | None
    rest: frozenset[str]

    @property
    def qualifiers(self) -> frozenset[str]:
        return self.rest & QUALIFIERS

    def label(self) -> str:
        named = " ".join(p for p in (self.subject, self.outcome) if p)
        return named or " ".join(sorted(self.rest - {PART}))


def parse_counted(text: str | None, place_keys: dict[str, str] | None = None) -> Counted:
    """Split a counted phrase; ``place_keys`` maps folded place names to place ids.

    A possessor is never who is counted: a "ship's crew" are crew.
    """
    subject: str | None = None
    outcome: str | None = None
    rest: set[str] = set()
    possessors = {w for found in _POSSESSOR.findall(text or "") for w in terms(found)}
    for word in terms(text or ""):
        if word in _FILLER:
            continue
        if word in possessors:
            rest.add((place_keys or {}).get(word, word))
        elif subject is None and word in SUBJECT_WORDS:
            subject = SUBJECT_WORDS[word]
        elif outcome is None and word in OUTCOME_WORDS:
            outcome = OUTCOME_WORDS[word]
        elif word in SUBJECT_WORDS or word in OUTCOME_WORDS:
            if word in QUALIFIERS:  # "civilians, among them children"
                rest.add(word)
        elif word not in _UNIT_WORDS:
            rest.add((place_keys or {}).get(word, word))
    if subject is None and outcome in CASUALTY_OUTCOMES:
        subject = "people"  # "killed", "deaths": people unless said otherwise
    return Counted(subject=subject, outcome=outcome, rest=frozenset(rest))


def subjects_agree(left: str | None, right: str | None) -> bool:
    if left == right:
        return True
    return left in _MERGEABLE and right in _MERGEABLE


_UNIT_SYNONYMS = {
    "person": "people",
    "persons": "people",
    "peoples": "people",
    "%": "percent",
    "per cent": "percent",
    "pct": "percent",
    "kilometre": "km",
    "kilometres": "km",
    "kilometer": "km",
    "kilometers": "km",
    "dollar": "usd",
    "dollars": "usd",
    "$": "usd",
    "us$": "usd",
}


def unit_key(unit: str | None) -> str | None:
    """A unit's key; units that name people ("seafarers", "soldiers") are people."""
    if not unit:
        return None
    key = unit.strip().casefold()
    key = _UNIT_SYNONYMS.get(key, key)
    if key.endswith("s") and len(key) > 3 and key not in ("people",):
        key = key[:-1]
    person = SUBJECT_WORDS.get(key)
    if person is not None and person not in _NOT_PEOPLE:
        return "people"
    return key


def units_agree(left: str | None, right: str | None) -> bool:
    return left is None or right is None or left == right
