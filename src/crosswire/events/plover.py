"""PLOVER typing of a sentence's main event, for sentences beyond ACLED's categories.

ACLED covers political violence, demonstrations and strategic developments;
PLOVER also types verbal and cooperative acts (demands, rejections, visits,
aid). ``plover_event(sentence)`` reads the sentence's main predicate (the
root, then its complements) against a verb list per PLOVER type, falls back
to the ACLED typer's events mapped through the ontology, and reads source and
target off the parse. Labels follow the early PLOVER set of the PLOVER gold
standard records (FIGHT, ASSAULT, COERCE, ...).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from crosswire.events import ontology as on
from crosswire.events.arguments import Roles, roles_of
from crosswire.events.typer import typed_events


def _verbs(**types: str) -> dict[str, str]:
    table: dict[str, str] = {}
    for plover, words in types.items():
        for word in words.split():
            table.setdefault(word, plover)
    return table


# Lemma -> PLOVER type. Team-written from PLOVER's category definitions.
PLOVER_VERBS: dict[str, str] = _verbs(
    THREATEN="threaten warn ultimatum vow",
    DEMAND="demand urge request appeal insist press ask call",
    REJECT="reject refuse veto rebuff dismiss decline deny oppose spurn snub",
    DISAPPROVE="""condemn criticize criticise denounce accuse blame complain deplore charge
        allege object censure rebuke slam decry""",
    AGREE="agree accept sign endorse approve ratify settle concur",
    CONSULT="meet visit host talk discuss consult confer negotiate telephone",
    SUPPORT="support praise welcome commend hail applaud congratulate thank back defend",
    CONCEDE="concede release ease lift allow grant yield apologize apologise free pardon relax",
    COOPERATE="cooperate collaborate coordinate partner share ally",
    AID="aid donate assist help provide supply deliver fund",
    RETREAT="withdraw retreat evacuate demobilize demobilise disband",
    INVESTIGATE="investigate probe inquire examine inspect",
    SANCTION="sanction embargo suspend sever expel freeze recall boycott halt cut",
    MOBILIZE="mobilize mobilise deploy reinforce mass station",
    COERCE="""arrest detain seize confiscate ban censor deport restrict close raid demolish
        blockade impose jail imprison outlaw""",
    ASSAULT="""kill assassinate torture abduct kidnap massacre execute rape beat bomb murder
        behead stab""",
    FIGHT="attack fight clash shell bombard invade occupy strike battle",
    PROTEST="protest demonstrate rally march picket riot",
)

_ACLED_TO_PLOVER = {name: sub.plover for name, sub in on.SUB_EVENT_TYPES.items() if sub.plover}
_NOT_ACLED_TO_PLOVER = {
    on.DIPLOMACY: "CONSULT",
    on.ATTRIBUTION: "DISAPPROVE",
}
_COMPLEMENTS = ("xcomp", "ccomp", "conj", "advcl")
_TARGET_PREPS = frozenset(["against", "with", "to", "on", "at", "from", "for", "over"])


@dataclass(frozen=True, slots=True)
class PloverEvent:
    event: str
    predicate: Token
    source: Token | None
    target: Token | None


def _main_predicates(sentence: Span) -> list[Token]:
    """The root and, breadth first, the predicates it governs."""
    ordered, queue = [], [sentence.root]
    while queue:
        token = queue.pop(0)
        ordered.append(token)
        queue.extend(c for c in token.children if c.dep_ in _COMPLEMENTS)
    return ordered


def _plover_of(token: Token) -> str | None:
    lemma = token.lemma_.lower()
    plover = PLOVER_VERBS.get(lemma) or PLOVER_VERBS.get(token.lower_)
    if plover is None:
        return None
    if lemma == "call" and not any(c.lower_ == "for" for c in token.children):
        return None  # "call for" demands; a phone call consults
    return plover


def _target(token: Token, roles: Roles) -> Token | None:
    if roles.patient is not None:
        return roles.patient
    for child in token.children:
        if child.dep_ in ("prep", "dative") and child.lower_ in _TARGET_PREPS:
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
        if child.dep_ in ("xcomp", "ccomp"):
            inner = roles_of(child)
            if inner.patient is not None:
                return inner.patient
    return None


def plover_event(sentence: Span) -> PloverEvent | None:
    """The sentence's main event in PLOVER terms, with its source and target words."""
    for token in _main_predicates(sentence):
        if token.pos_ not in ("VERB", "NOUN", "AUX"):
            continue
        plover = _plover_of(token)
        if plover is not None:
            roles = roles_of(token)
            return PloverEvent(plover, token, roles.agent, _target(token, roles))
    for candidate in typed_events(sentence):
        plover = _ACLED_TO_PLOVER.get(candidate.label) or _NOT_ACLED_TO_PLOVER.get(candidate.label)
        if plover is not None:
            roles = candidate.roles
            return PloverEvent(plover, candidate.anchor, roles.agent, roles.patient)
    for token in sentence:
        plover = _plover_of(token) if token.pos_ == "VERB" else None
        if plover is not None:
            roles = roles_of(token)
            return PloverEvent(plover, token, roles.agent, _target(token, roles))
    return None
