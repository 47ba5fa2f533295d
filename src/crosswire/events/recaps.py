"""Incidents told only as the backdrop of another statement: recaps and motives.

A report names earlier incidents to explain what it reports; such a mention is
background (its own report, if any, is elsewhere), not an incident of the report:

- a motive: "in retaliation for the killing of a commander", "in response to the ambush
  that killed six soldiers", "to avenge the bombing";
- a cause of a state: "the truce was strained by strikes that killed dozens" (the
  passive's agent under a verb that tells what the incident did to something else);
- a place told by its past: "X lies near Y, where a gas attack killed 40", "near Y, the
  town where a raid killed 15", "Y, the site of a chemical attack" (a definite
  description of a place by what once happened there). A place in the report's own
  clause ("jets struck the market in Y, where 12 were killed") is the incident itself.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from crosswire.events.realis import ancestors
from crosswire.model import Figure

_MOTIVES = frozenset(
    {"retaliation", "revenge", "reprisal", "response", "retribution", "vengeance", "reply"}
)
_MOTIVE_PREPS = frozenset({"for", "to", "against"})
_AVENGE = frozenset({"avenge", "revenge"})
# What an incident did to something else, told in the passive ("strained by the strikes").
_CAUSED = frozenset(
    {
        "strain",
        "overshadow",
        "mar",
        "undermine",
        "complicate",
        "prompt",
        "trigger",
        "spark",
        "fuel",
        "anger",
        "provoke",
        "jeopardize",
        "jeopardise",
        "sour",
        "derail",
        "shake",
    }
)
_NEAR = frozenset({"near", "close", "next", "beside", "outside"})
_PLACE_NOUNS = frozenset(
    {"town", "city", "village", "area", "district", "neighbourhood", "neighborhood", "suburb"}
)


def told_as_recap(words: list[Token]) -> bool:
    """Every word of the event (its anchor and cues) is a motive, a cause of a state, or
    what a place is known for: a cue outside ("attacked posts in response to an
    offensive, killing 12") tells the report's own incident."""
    return all(_recap_word(word) for word in words)


def outside_recaps(figures: list[Figure], sentence: Span) -> list[Figure]:
    """The figures, less those of the sentence counting a recap's dead ("rockets were fired
    in retaliation for the killing of four soldiers": the four are not the rockets' dead)."""
    doc = sentence.doc
    kept = []
    for figure in figures:
        if sentence.start_char <= figure.mention.start < sentence.end_char:
            span = doc.char_span(figure.mention.start, figure.mention.end, alignment_mode="expand")
            if span is not None and len(span) and _recap_word(span.root):
                continue
        kept.append(figure)
    return kept


def _recap_word(anchor: Token) -> bool:
    chain = _heads(anchor, 6)
    return _as_motive(anchor, chain) or _as_cause(anchor, chain) or _as_setting(anchor)


def _heads(anchor: Token, steps: int) -> list[Token]:
    """The event word and its heads, stopping at the sentence's root."""
    return [anchor, *ancestors(anchor, steps)]


def _as_motive(anchor: Token, chain: list[Token]) -> bool:
    """ "in retaliation for the killing", "in response to the ambush that killed"."""
    for token in chain:
        if token.i != anchor.i and token.pos_ in ("VERB", "AUX") and token.dep_ == "ROOT":
            return False
        head = token.head
        if token.dep_ == "pobj" and head.lower_ in _MOTIVE_PREPS and head.head.lower_ in _MOTIVES:
            return True
        if token.dep_ == "dobj" and head.lemma_.lower() in _AVENGE:
            return True
    return False


def _as_cause(anchor: Token, chain: list[Token]) -> bool:
    """ "the truce was strained by strikes that killed dozens"."""
    for token in chain:
        head = token.head
        if token.dep_ == "pobj" and head.dep_ == "agent":
            return head.head.lemma_.lower() in _CAUSED
    return False


def _as_setting(anchor: Token) -> bool:
    """A "where" clause (or "the site of") describing a place that the sentence only
    situates something by: an appositive "the town where", or a place "near" another."""
    for token in _heads(anchor, 2):
        if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lower_ == "site":
            return token.head.head.dep_ in ("appos", "attr")
        if token.dep_ == "relcl" and any(
            c.dep_ == "advmod" and c.lower_ == "where" for c in token.children
        ):
            return _described_place(token.head)
    return False


def _described_place(noun: Token) -> bool:
    """The noun a "where" clause hangs on is "the town" in apposition, or lies "near"."""
    if noun.dep_ == "appos" and noun.lower_ in _PLACE_NOUNS:
        return any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)
    token = noun
    for _ in range(6):
        if token.lower_ in _NEAR:
            return True
        if token.head.i == token.i or token.dep_ in ("relcl", "advcl", "ccomp", "dobj", "nsubj"):
            return False
        token = token.head
    return False
