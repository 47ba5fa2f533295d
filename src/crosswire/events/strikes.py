"""Words whose sense the sentence or the article decides: "strike", "raid", "collapse".

- A *strike* by workers, teachers or a union, or a "general", "nationwide" or
  "hunger" strike, is a labour strike: a protest, not an attack
  (``labour_strike``).
- A bare "strike" or "raid" of war reporting names no weapon, yet ACLED codes it by
  its means: "the strikes killed five people" in an article about an air war is an
  air strike, in one about missiles or artillery a shelling or missile attack
  (``bare_strike_means``). The article's own weapon words decide, counted once
  per document. A raid is an air raid only where the article speaks of aircraft
  more than of guns and launchers, and never when ground forces carry it out
  ("commandos killed two men in a raid").
- A *collapse* is a man-made disaster only when a structure collapses ("a building
  collapsed"), not a truce, talks or a front line (``structure_collapse``).
- A truce or deal that collapsed, broke down or was breached is no agreement reached
  (``broken_agreement``): ACLED's Agreement is the deal made.
- A *bomber* is an aircraft unless a person set off the bomb: "a suicide bomber", "the
  bomber detonated his explosive belt" (``suicide_bomber``).
- A *protest* a state lodges ("Moscow protested the strike", "the ministry lodged a
  protest") is diplomacy, not a demonstration (``diplomatic_protest``).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from crosswire.events import ontology as on
from crosswire.events.arguments import category_of_noun
from crosswire.nlp import per_doc

# Modifiers that make a strike a stoppage of work, not an attack.
_LABOUR_MODIFIERS = frozenset(
    [
        "general",
        "nationwide",
        "national",
        "hunger",
        "labour",
        "labor",
        "worker",
        "workers",
        "union",
        "teacher",
        "teachers",
        "doctor",
        "doctors",
        "transport",
        "rail",
        "wildcat",
        "sit-down",
        "indefinite",
    ]
)
# Verbs that start, hold or end a labour strike.
_STRIKE_HOLDING_VERBS = frozenset(
    [
        "begin",
        "start",
        "launch",
        "call",
        "stage",
        "hold",
        "join",
        "end",
        "announce",
        "declare",
        "continue",
        "observe",
        "organize",
        "organise",
        "suspend",
        "extend",
        "threaten",
    ]
)
# Who goes on strike: civilians or a crowd (by the word alone, "workers", "teachers").
_STRIKERS = frozenset({"civilians", "protesters"})
_STRIKE_NOUNS = frozenset(["strike", "strikes", "raid", "raids"])
# Who carries out a raid on the ground (a commando raid, a police raid).
_GROUND_RAIDERS = frozenset(
    [
        "commando",
        "commandos",
        "soldier",
        "soldiers",
        "troop",
        "troops",
        "police",
        "policeman",
        "policemen",
        "gunman",
        "gunmen",
        "fighter",
        "fighters",
        "militant",
        "militants",
        "officer",
        "officers",
        "agent",
        "agents",
        "special",
        "ground",
        "night",
        "house",
    ]
)
# Words of the article that tell its strikes are from the air, or from guns and launchers.
_AIR_WORDS = frozenset(
    [
        "airstrike",
        "airstrikes",
        "warplane",
        "warplanes",
        "jet",
        "jets",
        "aircraft",
        "helicopter",
        "helicopters",
        "drone",
        "drones",
        "bomber",
        "bombers",
        "air",
        "aerial",
        "sortie",
        "sorties",
    ]
)
_GROUND_FIRE_WORDS = frozenset(
    [
        "artillery",
        "mortar",
        "mortars",
        "rocket",
        "rockets",
        "missile",
        "missiles",
        "shell",
        "shells",
        "shelling",
        "howitzer",
        "tank",
        "tanks",
    ]
)
# What can collapse and kill: a built structure.
_STRUCTURES = frozenset(
    [
        "building",
        "house",
        "home",
        "bridge",
        "roof",
        "wall",
        "tower",
        "mine",
        "tunnel",
        "dam",
        "block",
        "school",
        "hospital",
        "mosque",
        "church",
        "structure",
        "floor",
        "ceiling",
        "stadium",
        "factory",
        "apartment",
        "hotel",
        "shelter",
        "scaffolding",
        "crane",
        "stand",
    ]
)


def _modifiers(token: Token) -> list[Token]:
    return [t for left in token.lefts for t in left.subtree]


def _subject(token: Token) -> Token | None:
    """The subject of the noun's verb ("workers began a strike") or of the verb itself."""
    verb = token if token.pos_ in ("VERB", "AUX") else None
    if verb is None and token.dep_ in ("dobj", "pobj", "attr"):
        verb = token.head if token.dep_ != "pobj" else token.head.head
    if verb is None:
        return None
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)


def _verb_in(verb: Token, lemmas: frozenset[str]) -> bool:
    """The verb's lemma, or its past form's stem where the lemmatizer errs ("staged")."""
    lower = verb.lower_
    return verb.lemma_.lower() in lemmas or any(
        lower.endswith(end) and lower[: -len(end)] in lemmas for end in ("d", "ed")
    )


def labour_strike(token: Token) -> bool:
    """ "Workers began a strike", "a general strike", "a strike by teachers": a stoppage
    of work, which ACLED codes as a protest."""
    if token.pos_ not in ("NOUN", "PROPN") or token.lemma_.lower() != "strike":
        return False
    if any(t.lower_ in _LABOUR_MODIFIERS for t in _modifiers(token)):
        return True
    # Who starts, holds or ends it ("workers began a strike"), not who saw or survived one.
    held = token.dep_ == "dobj" and _verb_in(token.head, _STRIKE_HOLDING_VERBS)
    striker = _subject(token) if held else None
    by = [
        g
        for c in token.children
        if c.dep_ == "prep" and c.lower_ == "by"
        for g in c.children
        if g.dep_ == "pobj"
    ]
    return any(
        t is not None and category_of_noun(t) in _STRIKERS and t.lower_ not in ("people",)
        for t in (striker, *by)
    )


@per_doc
def _means_profile(doc: Doc) -> tuple[int, int]:
    """How often the article speaks of aircraft and of ground fire."""
    words = [t.lower_ for t in doc]
    air = sum(1 for w in words if w in _AIR_WORDS)
    return air, sum(1 for w in words if w in _GROUND_FIRE_WORDS)


def _ground_raid(noun: Token, agent: Token | None) -> bool:
    words = [t.lower_ for t in _modifiers(noun)]
    # The raid's own agent, or the subject of the clause it is told in ("commandos killed
    # two men in a raid").
    for doer in (agent, _subject(noun)):
        if doer is not None:
            words += [doer.lower_, *(t.lower_ for t in _modifiers(doer))]
    return any(w in _GROUND_RAIDERS for w in words)


def bare_strike_means(nouns: list[Token], agent: Token | None) -> tuple[str, float] | None:
    """The sub-event type of a bare "strike" or "raid" by the article's weapon words, or
    None when the word tells nothing of its means."""
    if not nouns:
        return None
    air, ground = _means_profile(nouns[0].doc)
    raid = all(n.lemma_.lower() == "raid" or n.lower_ == "raids" for n in nouns)
    if raid:
        if air <= ground or any(_ground_raid(n, agent) for n in nouns):
            return None  # a raid by troops or police, or a report not of aircraft
        return on.AIR_STRIKE, 0.7
    if ground > air:
        return on.SHELLING, 0.6
    return on.AIR_STRIKE, 0.7 if air else 0.6


def called_suicide(token: Token) -> bool:
    """ "a suicide bomber", "two suicide attackers": the word before the noun says so."""
    return any(t.lower_ == "suicide" for left in token.lefts for t in left.subtree)


# What a person who bombs does with the device: sets it off.
_DETONATING = frozenset(["detonate", "explode", "blow", "trigger"])


def suicide_bomber(bomber: Token) -> bool:
    """A "bomber" who is a person blowing themself up, not an aircraft: "a suicide bomber",
    "the bomber detonated his explosive belt", "another bomber blew himself up"."""
    if called_suicide(bomber) or _wears_explosives(bomber):
        return True
    verb = bomber.head if bomber.dep_ == "nsubj" else None
    if verb is None or verb.lemma_.lower() not in _DETONATING:
        return False
    # His own device or himself: "detonated his explosive device", "blew himself up".
    return any(
        t.lower_ in ("his", "her", "himself", "herself", "themselves", "their")
        for c in verb.children
        if c.dep_ in ("dobj", "prep")
        for t in c.subtree
    )


# What a person carries on the body to blow up with it: "a bomber wearing an explosive belt".
_WORN_CHARGES = frozenset(["vest", "belt"])


def _wears_explosives(bomber: Token) -> bool:
    """A "bomber" whose own phrase names a vest or belt of explosives: a person, not an
    aircraft ("a bomber wearing an explosive belt", "a bomber with a suicide vest")."""
    return any(t.lemma_.lower() in _WORN_CHARGES for t in bomber.subtree if t.i != bomber.i)


# Words that name a planted or carried device, not a munition dropped or fired.
_DEVICE_WORDS = frozenset(
    [
        "ied",
        "ieds",
        "vbied",
        "vbieds",
        "booby",
        "booby-trapped",
        "roadside",
        "landmine",
        "landmines",
        "suicide",
        "planted",
        "detonated",
        "detonate",
        "car-bomb",
    ]
)
# Carriers whose "bomb" is a device: "a car bomb", "a truck bomb".
_DEVICE_CARRIERS = frozenset(["car", "truck", "vehicle", "motorcycle", "bus"])


@per_doc
def _device_count(doc: Doc) -> int:
    """How often the article speaks of planted or carried devices."""
    words = [t.lower_ for t in doc]
    return sum(
        1
        for i, w in enumerate(words)
        if w in _DEVICE_WORDS
        or (
            w in _DEVICE_CARRIERS
            and i + 1 < len(words)
            and words[i + 1] in ("bomb", "bombs", "bombing")
        )
    )


def bare_bombing_from_air(words: list[Token]) -> bool:
    """A "bombing" or "bombed" that names no device nor who bombed, told in an article of
    aircraft rather than of planted devices ("killed in bombing on the suburb" amid
    reports of warplanes): ACLED codes it by its means, an air strike. A "bomb" that
    exploded or went off is a device, whatever the article."""
    if not words or any(w.lemma_.lower() not in ("bombing", "bomb") for w in words):
        return False
    if any(w.pos_ in ("NOUN", "PROPN") and w.lower_ not in ("bombing", "bombings") for w in words):
        return False
    air, _ground = _means_profile(words[0].doc)
    return air > _device_count(words[0].doc)


def strike_nouns(tokens: list[Token]) -> list[Token]:
    """The event words among ``tokens`` that are a "strike" or "raid" noun."""
    return [t for t in tokens if t.pos_ in ("NOUN", "PROPN") and t.lower_ in _STRIKE_NOUNS]


def structure_collapse(token: Token) -> bool:
    """Whether a "collapse" word tells a structure fell ("the building collapsed", "the
    collapse of a bridge"); no structure named: a truce, talks or a front collapsed."""
    if token.lemma_.lower() != "collapse":
        return True
    named = [c for c in token.children if c.dep_ in ("nsubj", "compound")]
    named += [
        g
        for c in token.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for g in c.children
        if g.dep_ == "pobj"
    ]
    if token.dep_ in ("compound", "amod"):
        named.append(token.head)
    if not named:
        return token.pos_ == "NOUN"  # "killed in the collapse": the report says what fell
    return any(t.lemma_.lower() in _STRUCTURES for t in named)


# What happens to a deal that is no agreement reached: it ends, fails or is broken.
_BREAKDOWN_VERBS = frozenset(
    ["collapse", "end", "fail", "unravel", "crumble", "expire", "falter", "founder"]
)
_BREACH_VERBS = frozenset(
    ["breach", "violate", "break", "end", "suspend", "abandon", "undermine", "scrap", "wreck"]
)
_BREAKDOWN_NOUNS = frozenset(["collapse", "breakdown", "end", "breach", "violation", "failure"])


def broken_agreement(token: Token) -> bool:
    """ "The truce collapsed", "rebels breached the ceasefire", "the collapse of the deal",
    "a truce broke down": the agreement is told as ended or broken, not made."""
    head = token.head
    lemma = head.lemma_.lower()
    if token.dep_ in ("nsubj", "nsubjpass"):
        down = any(c.dep_ == "prt" and c.lower_ in ("down", "apart") for c in head.children)
        return (
            lemma in _BREAKDOWN_VERBS
            or (lemma in ("break", "fall") and down)
            or (token.dep_ == "nsubjpass" and lemma in _BREACH_VERBS)
        )
    if token.dep_ == "dobj":
        return lemma in _BREACH_VERBS
    if token.dep_ == "pobj" and head.lower_ == "of":
        return head.head.lemma_.lower() in _BREAKDOWN_NOUNS
    return False


# Verbs that deliver a protest note: "lodged a protest with the ambassador".
_NOTE_VERBS = frozenset(["lodge", "file", "register", "deliver", "send", "issue", "submit"])
_STATE_SPEAKERS = frozenset(
    [
        "government",
        "ministry",
        "ministries",
        "embassy",
        "ambassador",
        "envoy",
        "minister",
        "ministers",
    ]
)


def diplomatic_protest(token: Token) -> bool:
    """ "Moscow protested the strike", "the foreign ministry lodged a protest": a protest by
    a state or its officials, or one lodged as a note, is diplomacy, not a crowd."""
    if token.lemma_.lower() not in ("protest", "protested"):
        return False
    if token.pos_ == "NOUN" and token.dep_ == "dobj" and token.head.lemma_.lower() in _NOTE_VERBS:
        return True
    speaker = _subject(token)
    return speaker is not None and (
        speaker.ent_type_ == "GPE"
        or speaker.lemma_.lower() in _STATE_SPEAKERS
        or category_of_noun(speaker) == "state"
    )
