"""Reading the dependency parse: actor positions, titles, datelines, noun classes."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from crosswire.actors.dictionary import _BRANCH_NAMES, ActorDictionary, Branch
from crosswire.actors.lexicon import (
    _AID_NOUNS,
    _BACKING_VERBS,
    _CAPITAL_PLACE_SUBJECT_VERBS,
    _CATEGORY_NOUNS,
    _CLASH_VERBS,
    _COMMUNICATION_VERBS,
    _CORE_TITLES,
    _DEMONYM_ARMED_NOUNS,
    _DEMONYM_REBEL_NOUNS,
    _DESCRIPTION_DETERMINERS,
    _DIPLOMATIC_NOUNS,
    _DIPLOMATIC_PREPOSITIONS,
    _GIVING_VERBS,
    _GOVERNMENT_NOUNS,
    _LOCATIVE_PREPOSITIONS,
    _MILITARY_NOUNS,
    _MILITARY_TITLE_MODIFIERS,
    _MILITARY_VERBS,
    _MINISTER_TITLES,
    _OBJECT_VERBS,
    _PLACE_SUBJECT_VERBS,
    _POLICE_NOUNS,
    _POSSESSED_GOVERNMENT,
    _READY_ADJECTIVES,
    _SUBJECT_WORDS,
    _TITLE_MODIFIERS,
    _WITH_VERBS,
)
from crosswire.actors.matching import _Candidate

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# A war or conflict a country is the setting of, not the party to ("Syria's civil war").
_WAR_NOUNS = frozenset({"war", "conflict"})


@cache
def _descriptor_words(dictionary: ActorDictionary) -> frozenset[str]:
    return frozenset(w for a in dictionary.actors.values() for w in a.descriptors)


@dataclass(frozen=True, slots=True)
class _Title:
    tokens: tuple[int, ...]
    affiliation: _Candidate | None
    branch: Branch
    former: bool


# --------------------------------------------------------------------------
# Small readings of tokens

_DATELINE_DASHES = frozenset({"—", "–", "-", "--"})


def _dateline_end(doc: Doc) -> int:
    """Where the body starts after a dateline ("AMMAN, Jordan (Wire) — "), else 0."""
    first = doc[0] if len(doc) else None
    if first is None or not (first.is_upper and first.is_alpha and len(first) > 1):
        return 0
    for token in doc[: min(len(doc), 16)]:
        if "\n" in token.text:
            return 0
        if token.text in _DATELINE_DASHES and token.i > 0 and token.whitespace_:
            return token.i + 1
    return 0


def _compound_head(token: Token) -> Token:
    """The noun a chain of compounds ends in: "port" -> "city" in "port city"."""
    while token.dep_ == "compound" and token.head.i > token.i:
        token = token.head
    return token


def _is_definite(noun: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in _DESCRIPTION_DETERMINERS for c in noun.lefts)


def _reads_as_word(before: Token | None, after: Token | None) -> bool:
    """Whether "IS" reads as the verb: "it IS ready", "there IS no", "IS not"."""
    if (
        before is not None
        and before.lower_ not in ("the", "a", "an", "that")
        and (before.pos_ in ("PRON", "DET", "NOUN", "PROPN") or before.lower_ in _SUBJECT_WORDS)
    ):
        return True  # a subject before it: "the ceasefire IS holding"
    return after is not None and (
        after.pos_ in ("ADJ", "DET", "ADV", "PART", "NUM")
        or after.tag_ in ("VBG", "VBN")
        or after.lower_ in ("not", "a", "an", "the", "to")
    )


def _shouting(doc: Doc, start: int, end: int) -> bool:
    """An all-capitals stretch of text, where capitals say nothing about abbreviations."""
    neighbours = [doc[i] for i in (start - 2, start - 1, end, end + 1) if 0 <= i < len(doc)]
    words = [t for t in neighbours if t.is_alpha and len(t) > 2]
    return len(words) >= 3 and all(t.is_upper for t in words)


def _noun_class(noun: Token) -> str | None:
    """What a noun after a demonym says the demonym stands for: a branch or a generic actor."""
    word, lemma = noun.lower_, noun.lemma_.lower()
    if word in _POLICE_NOUNS or lemma in _POLICE_NOUNS:
        return "pol"
    if word in _MILITARY_NOUNS or lemma in _MILITARY_NOUNS:
        return "mil"
    if word in _GOVERNMENT_NOUNS or lemma in _GOVERNMENT_NOUNS:
        return "gov"
    category = _CATEGORY_NOUNS.get(word)
    if category is not None:
        return category
    if word in _DEMONYM_REBEL_NOUNS or lemma in _DEMONYM_REBEL_NOUNS:
        return "rebels"
    if word in _DEMONYM_ARMED_NOUNS or lemma in _DEMONYM_ARMED_NOUNS:
        return "uag"
    return None


def _actor_position(
    token: Token, *, any_verb: bool = False, capital: bool = False, depth: int = 0
) -> Branch | None:
    """Whether a name's head token stands where an actor stands, and for which branch.

    Subjects of verbs read as the government (as the military for military
    verbs); with ``any_verb`` every active verb counts but those that a place
    is the subject of ("Kyiv woke to sirens", "Syria has seen"). So do
    possessors of "decision" or "forces", parties to "talks with", objects of
    "urged", agents of "backed by", recipients of aid, and the country in
    "the president of Armenia". Prepositional objects of place ("in Moscow")
    never qualify.
    """
    head = token.head
    lemma = head.lemma_.lower()
    dep = token.dep_
    if dep == "conj" and depth < 3 and head.i != token.i:
        return _actor_position(head, any_verb=any_verb, capital=capital, depth=depth + 1)
    if dep == "nsubj":
        if lemma in _MILITARY_VERBS:
            return "mil"
        if lemma in _COMMUNICATION_VERBS:
            return "gov"
        if lemma == "be" and any(
            c.dep_ == "acomp" and c.lower_ in _READY_ADJECTIVES for c in head.children
        ):
            return "gov"
        place_verbs = _CAPITAL_PLACE_SUBJECT_VERBS if capital else _PLACE_SUBJECT_VERBS
        if any_verb and head.pos_ == "VERB" and lemma not in place_verbs:
            return "gov"
        return None
    if dep == "poss":
        word = head.lower_
        if word in _CORE_TITLES:
            return _CORE_TITLES[word]  # "Taiwan's foreign minister"
        if word in _MILITARY_NOUNS:
            return "mil"
        if _war_setting(head):
            return None  # "fighting in Syria's civil war": where the war is, not who wages it
        if word in _POSSESSED_GOVERNMENT or lemma in _POSSESSED_GOVERNMENT:
            return "gov"
        return None
    if dep == "dobj" and lemma in _OBJECT_VERBS:
        return "gov"
    if dep == "dative":
        return "gov"  # "give Tanzania a grant"
    if dep == "pobj":
        return _prepositional_actor(head, head.head)
    return None


def _war_setting(noun: Token) -> bool:
    """A country's war read as its setting: a civil war, or a war something happens
    in ("intervened in Syria's war"); "Russia's war against" names who wages it."""
    if noun.lemma_.lower() not in _WAR_NOUNS:
        return False
    if any(c.dep_ == "amod" and c.lower_ in ("civil", "internal") for c in noun.children):
        return True
    return noun.dep_ == "pobj" and noun.head.lower_ in _LOCATIVE_PREPOSITIONS


def _prepositional_actor(preposition: Token, governor: Token) -> Branch | None:
    word = preposition.lower_
    governed = {governor.lower_, governor.lemma_.lower()} | {
        c.lower_ for c in governor.children if c.dep_ == "compound"
    }
    if word in _DIPLOMATIC_PREPOSITIONS and governed & _DIPLOMATIC_NOUNS:
        return "gov"  # "talks with Tehran", "mediation between Syria and ..."
    if word == "with" and governor.pos_ == "VERB":
        if governor.lemma_.lower() in _CLASH_VERBS:
            return "mil"
        if governor.lemma_.lower() in _WITH_VERBS:
            return "gov"  # "cooperate with Ankara"
        if any(
            c.dep_ == "dobj" and c.lemma_.lower() in _DIPLOMATIC_NOUNS for c in governor.children
        ):
            return "gov"  # "joined the deal with Damascus", read as the deal's party
    if word in ("to", "for") and governed & _AID_NOUNS:
        return "gov"  # "aid to Mozambique"
    if word == "to" and governor.lemma_.lower() in _GIVING_VERBS:
        return "gov"  # "sold jets to Egypt", "apologised to Brazil"; not "sent troops to Mali"
    if word == "of":
        if governor.lower_ in _CORE_TITLES:
            return _CORE_TITLES[governor.lower_]  # "the president of Armenia"
        what = _noun_class(governor)
        if what in ("gov", "mil", "pol"):
            return _BRANCH_NAMES[what]  # "the army of Mali"
    if word == "on" and governor.lemma_.lower() == "call":
        return "gov"
    if word == "by" and preposition.dep_ == "agent":
        verb = governor.lemma_.lower()
        if verb in _COMMUNICATION_VERBS or verb in _BACKING_VERBS:
            return "gov"
    return None


def _is_title_word(token: Token) -> bool:
    return token.lower_ in _CORE_TITLES or token.lower_ in _TITLE_MODIFIERS


def _has_core_title(doc: Doc, block: range) -> bool:
    return any(doc[i].lower_ in _CORE_TITLES for i in block)


def _title_block_end(doc: Doc, index: int, limit: int) -> int:
    """End of the run of title words starting at index, or index if it holds no core title."""
    end = index
    while end < limit and _is_title_word(doc[end]) and doc[end].lower_ not in ("of", "-"):
        end += 1
        # "Secretary of State", "Chief of Staff"
        if (
            end + 1 < limit
            and doc[end].lower_ == "of"
            and doc[end + 1].lower_ in ("state", "staff", "defence", "defense")
        ):
            end += 2
    return end if _has_core_title(doc, range(index, end)) else index


def _title_branch(doc: Doc, block: Iterable[int]) -> Branch:
    words = [doc[i].lower_ for i in block]
    cores = [w for w in words if w in _CORE_TITLES]
    if not cores:
        return "gov"
    core = cores[-1]
    if "police" in words:
        return "pol"
    if core not in _MINISTER_TITLES and any(w in _MILITARY_TITLE_MODIFIERS for w in words):
        return "mil"
    return _CORE_TITLES[core]


def seat_of(name: Token) -> bool:
    """ "the monitor based in Britain", "a group headquartered in London": the name says
    where an organisation sits, not where the story is or whose forces act in it."""
    preposition = name.head
    return (
        name.dep_ == "pobj"
        and preposition.lower_ == "in"
        and preposition.head.pos_ == "VERB"  # not "a base in eastern Syria"
        and preposition.head.lemma_.lower() in ("base", "headquarter", "headquartered")
    )
