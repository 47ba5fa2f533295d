"""Who carried an attack out, where the event word's arguments do not say it.

Three classes of phrasing name the perpetrator outside the agent role:

- the event noun's own modifiers: "regime shelling", "Syrian government air
  strikes", "US-led coalition strikes", "a Daesh car bomb", and an agent's:
  "regime helicopters dropped barrel bombs";
- for an air strike, the aircraft's owner named elsewhere in the report: "the
  raid is thought to have been flown by Russian jets", "Syrian
  regime warplanes bombed ...". An air strike needs an air force, so the report's
  first attribution of aircraft or air strikes to a side is the strike's; ACLED
  codes it so, and of "Syrian or Russian jets" the side named first;
- state actors named by their government ("the Syrian regime launched air
  strikes"): ACLED codes the fighting to the forces a government commands, so a
  violent event's government actor is that state's military.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date

from spacy.tokens import Token

from crosswire.events.index import ArticleIndex
from crosswire.model import Entity

# Premodifier words that can sit between a side's name and its attack noun.
_MODIFIER_POS = frozenset(["ADJ", "NOUN", "PROPN"])
_MODIFIER_GLUE = frozenset(["-", "led", "backed", "'s", "’s", "and", "or"])
_MAX_MODIFIERS = 6
# A side's name that only says who holds a place: "the IS-held town", "Daesh-controlled",
# "government-held districts": no side of the event.
HOLDER_AFTER = re.compile(
    r"\s*+(?:group\s*+)?-\s*+(?:held|controlled|run|dominated|occupied|besieged)\b", re.I
)
# Common nouns that name a state's forces when they modify an attack word.
_AGAINST = re.compile(r"\b(?:anti|counter)[\s-]*$", re.IGNORECASE)
_STATE_MODIFIERS = frozenset(["regime", "government", "army", "military", "loyalist"])

_AIRCRAFT = re.compile(
    r"(?:war\s*)?(?:planes?|jets?|aircrafts?|helicopters?|bombers?|choppers?"
    r"|air\s*(?:strikes?|raids?|force|power|campaign)|airstrikes?|airraids?)\b",
    re.IGNORECASE,
)
_DRONES = re.compile(r"\bdrones?\b", re.IGNORECASE)


def drone_only(text: str, at: int = -1) -> bool:
    """Whether an event's means are drones rather than other aircraft: armed groups fly
    drones too, so its owner is whoever the report credits with drones. With the event
    word's offset ``at``, the means named nearest it decide ("its aircraft destroyed
    drone launch sites used to attack shipping": the attacks are drone attacks)."""
    drones = [m.start() for m in _DRONES.finditer(text)]
    if not drones:
        return False
    aircraft = [m.start() for m in _AIRCRAFT.finditer(text)]
    if not aircraft:
        return True
    if at < 0:
        return False
    return min(abs(d - at) for d in drones) < min(abs(a - at) for a in aircraft)


# Between a side's name and its aircraft: "Syrian or Russian jets", "US-led coalition
# air strikes", "regime's warplanes", "Syrian government fighter jets".
_OWNER_GAP = re.compile(
    r"(?:'s|’s)?(?:\s*+(?:or|and|/)\s*+[\w-]+)?(?:-?led(?:\s+military)?\s+coalition)?"
    r"(?:\s+(?:government|regime|military|army))?\s*+(?:fighter\s+|military\s+)?",
    re.IGNORECASE,
)
_GENERIC_OWNER = re.compile(
    r"\b(?:regime|government|army|military)(?:'s|’s)?\s+(?:fighter\s+)?", re.IGNORECASE
)
# Who can own the weapons: air forces are states'; guns and rockets any armed side's.
_OWNER_CATEGORIES = {
    "air": frozenset(["state"]),
    "drone": frozenset(["state", "armed"]),
    "ground": frozenset(["state", "armed"]),
    "explosive": frozenset(["state", "armed"]),
}


def premodifier_range(token: Token) -> tuple[int, int] | None:
    """Character range of the words right before ``token`` that modify it ("Syrian
    government" in "Syrian government shelling"), or None when there are none."""
    doc = token.doc
    first = token.i
    sentence_start = token.sent.start
    while (
        first > sentence_start
        and token.i - first < _MAX_MODIFIERS
        and (doc[first - 1].pos_ in _MODIFIER_POS or doc[first - 1].lower_ in _MODIFIER_GLUE)
    ):
        first -= 1
    if first == token.i:
        return None
    return doc[first].idx, token.idx


def premodifier_actor(
    index: ArticleIndex,
    token: Token | None,
    country: str | None,
    day: date | None,
    category_of: Callable[[Entity], str | None],
) -> Entity | None:
    """The armed side an attack or weapon word's modifiers name: an actor mention among
    them (the first), else a common noun for the state's forces ("regime shelling")."""
    if token is None or token.pos_ not in ("NOUN", "PROPN", "VERB"):
        return None
    if token.pos_ == "VERB" and token.tag_ != "VBG":
        # A verb's words before it are its subject ("Nusra fighters killed", "rocket
        # attacks strike"), which the roles read; only an event noun the tagger took for
        # a verb ("regime shelling") has modifiers.
        return None
    found = premodifier_range(token)
    if found is None:
        return None
    start, end = found
    for m_start, m_end, entity in sorted(index.entity_mentions_in(start, end), key=lambda m: m[0]):
        if m_start < start or m_end > end or not index.is_actor_mention(m_start, m_end, entity):
            continue
        if HOLDER_AFTER.match(index.text, m_end):
            continue
        if category_of(entity) == "state" and is_setting(index, token, m_start, m_end, [entity]):
            continue  # "central Syria attack", "Aleppo fighting": where, not who
        if _AGAINST.search(index.text, max(0, m_start - 9), m_start):
            continue  # "anti-IS air strikes" are against IS
        if any(m_end <= p_start <= token.idx for p_start, _p_end, _p in index.places):
            continue  # a list of names, not a modifier: "Tags ISIS Al-Mayadin Missile strikes"
        if category_of(entity) in ("state", "armed"):
            return entity
    words = {w.lower() for w in re.findall(r"[\w]+", index.text[start:end])}
    if words & _STATE_MODIFIERS and country is not None:
        return index.state(country, "mil", day)
    return None


# Event nouns a bare country name before which names their owner ("Russia strikes", "US
# air raids"): an air force's or a state's strikes. Before other event nouns ("Syria
# fighting", "central Syria attack", "Aleppo bombing") the name says where it happened.
_OWNED_EVENT_WORDS = re.compile(
    rf"\b(?:{_AIRCRAFT.pattern}|strikes?\b|raids?\b|missiles?\b|rockets?\b|bombardments?\b)",
    re.IGNORECASE,
)


def names_owner(text: str) -> bool:
    """Whether a country's name before ``text`` (the words up to and including the
    event word) names its side: "Russia strikes", "US missile attack"."""
    return _OWNED_EVENT_WORDS.search(text) is not None


def is_setting(
    index: ArticleIndex, token: Token, start: int, end: int, entities: Sequence[Entity] = ()
) -> bool:
    """Whether a state's name in [start, end) before the event word ``token`` says where
    the event happened, not who did it: a place name (resolved, or one the tagger reads
    as a geopolitical entity, or the name of the country of ``entities``, the state
    mentioned there: "Syria", not "Syrian") before an event word that no state
    owns by name ("Syria fighting", not "Russia strikes")."""
    if names_owner(index.text[end : token.idx + len(token)]):
        return False
    if any(p_start <= start and end <= p_end for p_start, p_end, _p in index.places):
        return True
    span = token.doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    if all(t.ent_type_ in ("GPE", "LOC") for t in span):
        return True
    return any(_COUNTRY_OF.sub("", e.name).casefold() == span.text.casefold() for e in entities)


# "Military Forces of Syria (2000-2024)" -> "Syria": the country a state actor is of.
_COUNTRY_OF = re.compile(
    r"^(?:Government|Military Forces|Police Forces|Military|State) of (?:the )?|\s*\(.*\)$"
)


def military_of(index: ArticleIndex, entity: Entity | None, day: date | None) -> Entity | None:
    """A violent event's side as ACLED codes it: a person as the group they act for, a
    government as the forces it commands (gov:X -> mil:X)."""
    if entity is not None and entity.kind == "person" and entity.affiliation:
        entity = index.known.get(entity.affiliation, entity)
    if entity is None or not entity.country_code:
        return entity
    if entity.canonical_key.partition(":")[0] != "gov":
        return entity
    return index.state(entity.country_code, "mil", day) or entity


_WEAPON_WORDS = {
    "air": _AIRCRAFT.pattern,
    "drone": _DRONES.pattern,
    "ground": _AIRCRAFT.pattern
    + r"|shelling|artillery|bombardments?|shells|mortars?|rockets?|missiles?"
    + r"|barrel[\s-]+bombs?|bombing",
    "explosive": r"(?:land\s*)?mines?|IEDs?|explosive\s+devices?|explosives|(?:car\s+)?bombs?"
    r"|booby[\s-]*traps?",
}
_WEAPONS = {
    kind: re.compile(rf"(?:{words})\b", re.IGNORECASE) for kind, words in _WEAPON_WORDS.items()
}
_BY_AFTER = {
    kind: re.compile(
        rf"(?:{words})\s+(?:attacks?\s+|raids?\s+|strikes?\s+|of\s+those\s+)?"
        r"(?:(?:was|were|is|are|had\s+been|has\s+been|have\s+been|being|been)\s+)?"
        r"(?:(?:reportedly|allegedly|apparently|probably|likely)\s+)?"
        r"(?:(?:carried\s+out|launched|conducted|fired|planted|laid|placed|left(?:\s+behind)?"
        r"|detonated|led)\s+)?by\s+(?:the\s+)?$",
        re.IGNORECASE,
    )
    for kind, words in _WEAPON_WORDS.items()
}


def weapon_owner(
    index: ArticleIndex,
    day: date | None,
    category_of: Callable[[Entity], str | None],
    kind: str = "air",
    within: Sequence[tuple[int, int]] | None = None,
) -> Entity | None:
    """The side the report first credits with aircraft or air strikes ("Russian planes",
    "Syrian or Russian jets", "coalition air strikes", "regime warplanes", "air strikes by
    X"); with ``kind="ground"`` also with shelling, rockets or barrel bombs; with
    ``kind="explosive"`` mines or bombs ("mines planted by IS"). ``within``: only credits
    in these character ranges (the event's own sentences)."""
    best: tuple[int, Entity] | None = None
    for m_start, m_end, entity in index.entities:
        if m_start < index.dateline_end or not index.is_actor_mention(m_start, m_end, entity):
            continue
        if within is not None and not any(a <= m_start and m_end <= b for a, b in within):
            continue
        if category_of(entity) not in _OWNER_CATEGORIES[kind]:
            continue
        if _credited(index.text, m_start, m_end, kind) and (best is None or m_start < best[0]):
            best = (m_start, entity)
    generic = _generic_owner(index, day, _WEAPONS[kind]) if within is None else None
    if generic is not None and (best is None or generic[0] < best[0]):
        best = generic
    return military_of(index, best[1], day) if best else None


def _credited(text: str, start: int, end: int, kind: str) -> bool:
    """Whether a mention owns weapons of ``kind``: "Russian jets", "Syrian or Russian
    jets", "shelling by the army"."""
    weapons = _WEAPONS[kind]
    if weapons.search(text, start, end) is not None:
        return True
    gap = _OWNER_GAP.match(text, end)
    if gap is not None and weapons.match(text, gap.end()) is not None:
        return True
    return _BY_AFTER[kind].search(text, max(0, start - 70), start) is not None


def _generic_owner(
    index: ArticleIndex, day: date | None, weapons: re.Pattern[str]
) -> tuple[int, Entity] | None:
    """ "regime warplanes", "government air strikes": the forces of the article's country."""
    if index.focus_country is None:
        return None
    for match in _GENERIC_OWNER.finditer(index.text, index.dateline_end):
        if weapons.match(index.text, match.end()):
            entity = index.state(index.focus_country, "mil", day)
            return (match.start(), entity) if entity is not None else None
    return None


# The attack a claim or a blame is about: "claimed the bombing", "blamed IS for the
# attack", "accused the regime of carrying out the strike". Earlier attacks are not this
# one ("IS has claimed previous bombings in the city"), nor is "that attack", which
# mostly points back to another incident the report recalls.
_ATTACK_NOUN = (
    r"(?:attacks?|bombings?|blasts?|explosions?|(?:air\s*)?strikes?|airstrikes?|raids?"
    r"|shelling|massacre|killings?|assault|ambush|car\s+bomb|suicide\s+bomb(?:ing)?)\b"
)
_NOT_THIS = (
    r"(?:that|those|previous|earlier|past|other|similar|several|many|numerous|most|some"
    r"|such|recent)"
)
_THIS_ATTACK = rf"(?:(?!{_NOT_THIS}\b)[\w'’-]+\s+){{0,3}}?{_ATTACK_NOUN}"
_CLAIMED = re.compile(
    r"\b(?:claimed|claims|claiming)\s+(?:(?:the\s+)?(?:responsibility|credit)\b"
    rf"|{_THIS_ATTACK})",
    re.IGNORECASE,
)
_CLAIMED_BY = re.compile(
    r"\b(?:claimed|blamed|attributed)\s+(?:by|on|to)\s+(?:the\s+)?", re.IGNORECASE
)
# "activists blamed the regime for the attack", "officials accused IS of carrying out the
# bombing": the side named right after the verb, when the blame is for an attack.
_BLAMED = re.compile(r"\b(?:blamed|blames|blaming|accused|accuses|accusing)\s+", re.IGNORECASE)
_BLAMED_FOR = re.compile(
    r"\s*+(?:forces\s+|fighters\s+|militants\s+|group\s+)?(?:for|of)\s+"
    r"(?:(?:carrying\s+out|launching|staging|conducting|being\s+behind|perpetrating"
    rf"|committing)\s+)?{_THIS_ATTACK}",
    re.IGNORECASE,
)
# "the group was responsible for the attack", "regime forces were likely behind the strike";
# not "has been responsible for attacks", a record rather than this event's author.
_RESPONSIBLE = re.compile(
    r"\s*+(?:(?:forces|fighters|militants|group|militias?)\s+)?(?:was|were|is|are|had\s+been)"
    r"\s+(?:\w+\s+)?(?:responsible\s+for|to\s+blame\s+for|behind)\s+"
    rf"{_THIS_ATTACK}",
    re.IGNORECASE,
)
# A group's statement that its own men did it: "IS said one of its
# fighters blew himself up", "the group said two of its members carried out the attack".
_ITS_MEN = re.compile(
    r"\b(?:said|says|announced|stated)\b[^.]{0,40}?\b(?:(?:one|two|three|some)\s+of\s+)?"
    r"its\s+(?:fighters?|members?|militants?|men|suicide\s+bombers?|operatives?|soldiers)\b"
    r"(?![^.]{0,30}\b(?:were|was|had\s+been|have\s+been)\s+(?:killed|wounded|injured))",
    re.IGNORECASE,
)
# A group's statement that it did it: "the brigade said it carried out the attack",
# "X announced that it had launched the assault".
_SAID_IT = re.compile(
    r"\b(?:said|says|announced|stated|admitted)\s+(?:that\s+)?it\s+(?:had\s+)?"
    r"(?:carried\s+out|conducted|launched|staged|executed|was\s+behind|was\s+responsible\s+for)"
    rf"\s+{_THIS_ATTACK}",
    re.IGNORECASE,
)
_DENIAL = re.compile(r"\b(?:not|no|never|denied|n't)\b[^.]{0,15}$", re.IGNORECASE)
_CLAIM_REACH = 80  # characters between a claimant's name and "claimed responsibility"


def claimant(
    index: ArticleIndex,
    category_of: Callable[[Entity], str | None],
    elsewhere: Sequence[tuple[int, int]] = (),
    day: date | None = None,
) -> Entity | None:
    """The armed group the report says claimed the attack or had it blamed on it: "IS
    claimed responsibility", "IS claimed the bombing", "an attack claimed by IS", "a
    bombing blamed on Daesh"; else the armed side or state forces the report blames by
    name: "activists blamed the regime for the attack", "the group was responsible for
    the bombing". A claim in ``elsewhere`` (the sentences of another incident the article
    tells) is that incident's."""
    armed = _sides(index, category_of, frozenset(["armed"]))
    return _claim(index, armed, elsewhere) or _blame(
        index, _sides(index, category_of, frozenset(["armed", "state"])), elsewhere, day
    )


def _sides(
    index: ArticleIndex, category_of: Callable[[Entity], str | None], categories: frozenset[str]
) -> list[tuple[int, int, Entity]]:
    return [
        (m_start, m_end, entity)
        for m_start, m_end, entity in index.entities
        if m_start >= index.dateline_end
        and category_of(entity) in categories
        and index.is_actor_mention(m_start, m_end, entity)
    ]


def _claim(
    index: ArticleIndex,
    armed: list[tuple[int, int, Entity]],
    elsewhere: Sequence[tuple[int, int]],
) -> Entity | None:
    text = index.text

    def outside(start: int) -> bool:
        return not any(a <= start < b for a, b in elsewhere)

    # "IS claimed responsibility", "IS said one of its fighters ...": the name before.
    claims = [
        m
        for m in _CLAIMED.finditer(text, index.dateline_end)
        if not _DENIAL.search(text, max(0, m.start() - 20), m.start())
    ]
    claims += list(_ITS_MEN.finditer(text, index.dateline_end))
    claims += list(_SAID_IT.finditer(text, index.dateline_end))
    for match in claims:
        if not outside(match.start()):
            continue
        before = [
            m
            for m in armed
            if match.start() - _CLAIM_REACH <= m[1] <= match.start()
            and "." not in text[m[1] : match.start()]
        ]
        if before:
            return before[-1][2]
    for match in _CLAIMED_BY.finditer(text, index.dateline_end):
        if not outside(match.start()):
            continue
        after = [m for m in armed if match.end() <= m[0] <= match.end() + 25]
        if after:
            return after[0][2]
    return None


def _blame(
    index: ArticleIndex,
    sides: list[tuple[int, int, Entity]],
    elsewhere: Sequence[tuple[int, int]],
    day: date | None,
) -> Entity | None:
    """The first side named as the author of an attack: "blamed X for the attack", "X
    was responsible for the bombing"; "the regime" as the forces of the story's country."""
    text = index.text
    found: list[tuple[int, Entity]] = []
    for m_start, m_end, entity in sides:
        if any(a <= m_start < b for a, b in elsewhere):
            continue
        if _DENIAL.search(text, max(0, m_start - 20), m_start):
            continue
        if _blamed_here(text, m_start, m_end):
            found.append((m_start, entity))
    generic = _generic_blamed(index, elsewhere, day)
    if generic is not None:
        found.append(generic)
    if not found:
        return None
    return military_of(index, min(found, key=lambda f: f[0])[1], day)


def _blamed_here(text: str, start: int, end: int) -> bool:
    """Whether the side named in [start, end) is blamed for an attack there."""
    if _RESPONSIBLE.match(text, end):
        return True
    blamed_on = _BLAMED_ON.search(text, max(0, start - 30), start)
    if blamed_on and _clean_gap(text, blamed_on.end(), start):
        return _attack_before(text, blamed_on.start())
    blamed = _BLAMED.search(text, max(0, start - 20), start)
    return bool(blamed and _clean_gap(text, blamed.end(), start) and _BLAMED_FOR.match(text, end))


# "an attack blamed on X", "shelling that activists blamed on X": the attack told just
# before the blame, in its sentence; not "previous bombings were blamed on X".
_BLAMED_ON = re.compile(r"\b(?:(?:blamed|blames)\s+on|attributed\s+to)\s+", re.IGNORECASE)
_ATTACK_WORD = re.compile(rf"\b{_ATTACK_NOUN}", re.IGNORECASE)
_RECALLED_BEFORE = re.compile(rf"\b{_NOT_THIS}\s+(?:[\w'’-]+\s+){{0,2}}$", re.IGNORECASE)


def _attack_before(text: str, at: int) -> bool:
    """Whether this incident's attack is told in the 80 characters of its sentence before
    ``at`` (the blame)."""
    start = max(0, at - 80)
    stop = text.rfind(".", start, at)
    words = list(_ATTACK_WORD.finditer(text, stop + 1 if stop >= 0 else start, at))
    if not words:
        return False
    last = words[-1].start()
    return _RECALLED_BEFORE.search(text, max(0, last - 30), last) is None


def _blamed_attack(text: str, match: re.Match[str]) -> bool:
    """Whether a blame names the attack: "blamed X for the attack" after the name, or
    "an attack blamed on X" before it."""
    if match.group("on"):
        return _attack_before(text, match.start())
    return _BLAMED_FOR.match(text, match.end()) is not None


def _clean_gap(text: str, start: int, end: int) -> bool:
    """Only an article or a side's adjective between the verb and the name."""
    return re.fullmatch(r"(?:the\s+)?(?:[\w-]+\s+)?", text[start:end], re.IGNORECASE) is not None


_GENERIC_BLAMED = re.compile(
    r"\b(?:(?P<on>(?:blamed|blames)\s+on|attributed\s+to)"
    r"|blamed|blames|blaming|accused|accuses|accusing)\s+(?:the\s+)?(?:"
    r"(?P<state>(?:regime|government|army)(?:\s+forces)?)"
    r"|(?:[A-Z]\w+\s+)?(?P<rebels>rebels|insurgents|(?:rebel|opposition|insurgent)"
    r"\s+(?:fighters|forces|groups|factions)|(?:armed\s+)?opposition))",
    re.IGNORECASE,
)


def _generic_blamed(
    index: ArticleIndex, elsewhere: Sequence[tuple[int, int]], day: date | None
) -> tuple[int, Entity] | None:
    """ "blamed the regime for the attack": the forces of the article's country;
    "accused rebels of the shelling": ACLED's generic rebels of that country."""
    if index.focus_country is None:
        return None
    for match in _GENERIC_BLAMED.finditer(index.text, index.dateline_end):
        if any(a <= match.start() < b for a, b in elsewhere):
            continue
        if _blamed_attack(index.text, match):
            if match.group("rebels"):
                entity: Entity | None = index.generic("rebels", index.focus_country)
            else:
                entity = index.state(index.focus_country, "mil", day)
            return (match.end() - 1, entity) if entity is not None else None
    return None


# "killed in fighting with Kurdish fighters", "clashes against the army": the side a
# battle's report says it was fought with.
_FOUGHT_WITH = re.compile(
    r"\b(?:fighting|fights?|clash(?:es|ed)?|battles?|battling|combat|confrontations?)"
    r"\s+(?:with|against)\s+(?:the\s+)?",
    re.IGNORECASE,
)
_WITH_REACH = 30  # characters between "fighting with" and the side's name


def fought_with(
    index: ArticleIndex,
    spans: Sequence[tuple[int, int]],
    category_of: Callable[[Entity], str | None],
    other: Entity | None,
) -> Entity | None:
    """The side a battle told with no author was fought with, by the words of its own
    sentences ("132 IS militants were killed in fighting with Kurdish fighters"): the
    armed or state side named right after "fighting with", other than ``other`` (the
    dead's side)."""
    for start, end in spans:
        for match in _FOUGHT_WITH.finditer(index.text, start, end):
            named = [
                m
                for m in index.entities
                if match.end() <= m[0] <= match.end() + _WITH_REACH
                and m[1] <= end
                and index.is_actor_mention(*m)
                and category_of(m[2]) in ("state", "armed")
                and m[2] != other
            ]
            if named:
                return min(named, key=lambda m: m[0])[2]
    return None
