"""Whether a remote attack's unnamed dead are civilians.

A report of an air strike or shelling often counts its dead as "people" ("killed 12
people, including five children"). ACLED codes civilian victims as the event's second
actor ("Civilians (Syria)"); the dead of a strike on fighters are no civilians. The
sentence decides by its person words: civilian ones (children, women, residents,
medics, a market's shoppers) and none for armed people (fighters, soldiers, militants)
other than the attacker's own.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from crosswire.events import lexicon as lx
from crosswire.events.arguments import counts_wounded

# "people", "man", "person" say nothing of who the dead were.
_NEUTRAL = frozenset(["people", "person", "persons", "man", "men", "individual"])
_CIVILIAN_CUES = (lx.CIVILIAN_NOUNS - _NEUTRAL) | frozenset(
    ["medic", "rescuer", "schoolchild", "schoolchildren", "displaced", "residential", "market"]
)
_ARMED_CUES = frozenset(
    [
        "fighter",
        "soldier",
        "troop",
        "troops",
        "militant",
        "rebel",
        "jihadist",
        "gunman",
        "gunmen",
        "militiaman",
        "militiamen",
        "combatant",
        "commander",
        "guard",
        "officer",
        "personnel",
        "serviceman",
        "servicemen",
        "policeman",
        "policemen",
        "recruit",
        "insurgent",
        "terrorist",
        "mercenary",
        "police",
        "trooper",
        "paratrooper",
        "commando",
        "conscript",
        "guerrilla",
        "extremist",
        "sniper",
    ]
)
# Places where civilians gather: a remote attack that strikes one ("hit a hospital",
# "struck a wedding", "a strike on a bakery") has civilians for its unnamed dead.
_CIVILIAN_TARGETS = frozenset(
    ["hospital", "clinic", "school", "mosque", "church", "wedding", "funeral", "bakery", "bus"]
)
_STRIKING_VERBS = frozenset(["hit", "strike", "target", "bomb", "shell", "attack", "pound"])
# Modifier positions: "rebel-held", "the militant group's": not a count of the dead.
_MODIFIER_DEPS = frozenset(["compound", "npadvmod", "poss", "amod"])


_NEIGHBOURS = 2  # sentences after the event's that may count its dead


def civilian_dead(sentence: Span, attackers: tuple[Token | None, ...]) -> bool:
    """Whether the sentence's dead are civilians by its person words; when it has none
    ("killed 12 people"), by the counted dead of the next sentences ("nine children
    were among the dead")."""
    skip: set[int] = set()
    for token in attackers:
        if token is not None:
            skip.update(t.i for t in token.subtree)
    civilian, armed = _cues(sentence, skip, counted=False)
    if civilian or armed:
        return civilian and not armed
    for following in _following(sentence):
        civilian, armed = _cues(following, skip, counted=True)
        if civilian or armed:
            return civilian and not armed
    return False


def _following(sentence: Span) -> Iterator[Span]:
    """The sentences after ``sentence`` that may count its dead (_NEIGHBOURS of them)."""
    doc = sentence.doc
    end = sentence.end
    for _ in range(_NEIGHBOURS):
        if end >= len(doc):
            return
        following = doc[end].sent
        yield following
        end = following.end


def people_dead(sentence: Span, dead: Token | None, attackers: tuple[Token | None, ...]) -> bool:
    """Whether a remote attack's dead are told only as "people" or by a bare count ("air
    strikes on the town killed 12 people", "strikes kill 15"), with no armed person word
    in the sentence nor among the dead the next sentences count: an air strike or shelling
    that kills people and no fighter kills civilians, as ACLED codes it."""
    if dead is None or not (
        dead.lemma_.lower() in _PEOPLE or (dead.pos_ == "NUM" and dead.dep_ in _COUNT_DEPS)
    ):
        return False
    skip = {t.i for token in attackers if token is not None for t in token.subtree}
    if _cues(sentence, skip, counted=False)[1]:
        return False
    return not any(_cues(following, skip, counted=True)[1] for following in _following(sentence))


_PEOPLE = frozenset(["people", "person", "persons"])
_COUNT_DEPS = frozenset(["dobj", "obj", "nsubjpass"])


def armed_dead(sentence: Span, attackers: tuple[Token | None, ...]) -> bool:
    """Whether the sentence's people are armed ones and none civilian ("executed 40
    militants", "Nusra Attacks US-Trained Militants")."""
    skip = {t.i for token in attackers if token is not None for t in token.subtree}
    civilian, armed = _cues(sentence, skip, counted=False)
    return armed and not civilian


def _words(token: Token) -> tuple[str, str]:
    """Lemma and word, lower-cased; a headline's capitalised plural the tagger took for a
    name ("Militants") as its singular."""
    lemma, word = token.lemma_.lower(), token.lower_
    if token.tag_ == "NNPS" and lemma.endswith("s"):
        lemma = lemma[:-1]
    return lemma, word


def _cues(sentence: Span, skip: set[int], *, counted: bool) -> tuple[bool, bool]:
    """(civilian, armed) person words in a sentence; with ``counted``, only those given a
    number ("nine children", "including a child"): the dead, not the fighting sides."""
    civilian = armed = False
    for token in sentence:
        if token.pos_ not in ("NOUN", "ADJ", "PROPN"):
            continue
        lemma, word = _words(token)
        if not counted and lemma in _CIVILIAN_TARGETS and _struck(token):
            civilian = True  # also in the attack's own words: "strikes on a school"
            continue
        if token.i in skip or (counted and not _is_counted(token)):
            continue
        if (lemma in _ARMED_CUES or word in _ARMED_CUES) and token.dep_ not in _MODIFIER_DEPS:
            armed = armed or not _acting(token)
        elif lemma in _CIVILIAN_CUES or word in _CIVILIAN_CUES or nationals(token):
            civilian = True
    return civilian, armed


def _struck(place: Token) -> bool:
    """Whether a place is what the attack struck: the object of a striking verb ("hit a
    hospital") or of "on" after an attack word ("an air strike on a school")."""
    head = place.head
    if place.dep_ in ("dobj", "obj", "nsubjpass"):
        return head.lemma_.lower() in _STRIKING_VERBS
    return place.dep_ == "pobj" and head.lower_ == "on"


def _acting(token: Token) -> bool:
    """An armed word as the subject of what its side did ("after rebels fired mortars"):
    they acted in the sentence, they are not its dead ("12 fighters died"); also as one of
    coordinated subjects ("a monitor and rebels said")."""
    if token.i + 1 < len(token.doc) and token.doc[token.i + 1].lemma_.lower() in _SAYING:
        return True  # "a monitor and rebels said": who told it
    if token.head.lower_ == "to" and token.head.head.lower_ == "according":
        return True  # "according to police"
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    head = token.head
    if any(c.dep_ == "dobj" and counts_wounded(c) for c in head.children):
        return False  # "4 Soldiers Killed 3 Wounded": a headline's dead, then its wounded
    return token.dep_ == "nsubj" and head.pos_ == "VERB" and head.lemma_.lower() not in _DYING_VERBS


_SAYING = frozenset(["say", "report", "tell", "add", "announce", "state", "claim"])
_DYING_VERBS = frozenset(["die", "perish", "fall", "be", "remain"])


def _is_counted(token: Token) -> bool:
    if any(c.dep_ == "nummod" or c.lower_ in ("a", "an", "one") for c in token.children):
        return True
    return token.head.lower_ in ("including", "among") or token.dep_ == "nsubjpass"


def nationals(token: Token | None) -> bool:
    """A country's people as the dead ("two Syrians were killed", "3 Iraqis Killed"): the
    nationality's plural alone names civilians, not the state's forces."""
    return (
        token is not None
        and token.ent_type_ == "NORP"
        and token.tag_ in ("NNPS", "NNS")
        and not any(c.dep_ in ("compound", "amod") for c in token.children)
    )


def is_civilian_word(token: Token) -> bool:
    """Whether a noun names civilians ("medics", "children", "residents")."""
    lemma, word = token.lemma_.lower(), token.lower_
    return lemma in _CIVILIAN_CUES or word in _CIVILIAN_CUES
