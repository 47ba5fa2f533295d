"""The coreference pass: definite descriptions to their antecedents."""

from __future__ import annotations

from typing import TYPE_CHECKING

from crosswire.actors.context import ContextPass
from crosswire.actors.lexicon import (
    _BACKING_WORDS,
    _DESCRIPTION_DETERMINERS,
    _DESCRIPTIONS,
    _FORCES_MODIFIERS,
    _GROUP_NOUNS,
    _MILITARY_KINDS,
)
from crosswire.actors.mentions import _Found
from crosswire.model import Entity

if TYPE_CHECKING:
    from spacy.tokens import Token

# Links from a name up to the noun it names: "jihadists from [IS]", "[IS] jihadists".
_NAMING_DEPS = frozenset(["pobj", "prep", "compound", "amod", "nmod", "conj"])


class DescriptionPass(ContextPass):
    """Coreference: definite descriptions ("the group", "the regime") to the
    latest compatible actor, or to the article's context."""

    # ---- definite descriptions

    def _link_descriptions(self) -> None:
        pool = sorted(self.found, key=lambda f: f.start)
        for i, pos in enumerate(self._columns[0]):
            if pos not in ("NOUN", "PROPN") or i in self.covered:
                continue
            token = self.doc[i]
            description = self._description(token)
            if description is None:
                continue
            determiner, first, words = description
            near = self._countries_near(token) if self._names_state(token.lower_) else set()
            before = self.doc[determiner].idx
            antecedent = self._antecedent(pool, before, token.lower_, words, near)
            if antecedent is None:
                entity = self._context_actor(token, words)
                if entity is not None:  # "the army" of the article's state
                    pool.append(self._add(first, token.i + 1, entity, "context"))
                continue  # no antecedent and no context: leave it unlinked
            found = self._add(first, token.i + 1, antecedent.entity, "coreference")
            found.antecedent = self._mention(antecedent.start, antecedent.end)
            pool.append(found)

    def _description(self, head: Token) -> tuple[int, int, set[str]] | None:
        """(determiner, mention start, words) when head heads "the <modifiers> <noun>"
        pointing back."""
        doc = self.doc
        word = head.lower_
        descriptor_words = self.descriptor_words
        if word == "forces":
            if not any(c.lower_ in _FORCES_MODIFIERS for c in head.lefts):
                return None
            word = "army"
        elif word not in _DESCRIPTIONS and word not in descriptor_words:
            return None
        if head.i + 1 < len(doc) and doc[head.i + 1].lower_ == "of":
            return None  # "the group of protesters", "the government of Iraq"
        determiner = next(
            (c for c in head.lefts if c.dep_ == "det" and c.lower_ in _DESCRIPTION_DETERMINERS),
            None,
        )
        if determiner is None:
            return None
        words = {word}
        start = determiner.i
        for i in range(determiner.i + 1, head.i):
            token = doc[i]
            if self._covered_by_backer(i):
                start = i + 1  # "the Iran-backed group": the mention leaves the backer out
                continue
            if i in self.covered or token.ent_type_ in ("PERSON", "ORG", "GPE", "FAC", "LOC"):
                return None
            if token.pos_ not in ("ADJ", "NOUN", "VERB", "PUNCT", "ADV", "PROPN", "NUM"):
                return None
            words.add(token.lower_)
        if start != determiner.i:
            while start < head.i and (doc[start].is_punct or doc[start].lower_ in _BACKING_WORDS):
                start += 1
        return determiner.i, start, words

    def _antecedent(
        self, pool: list[_Found], before: int, head: str, words: set[str], near: set[str]
    ) -> _Found | None:
        """The latest compatible actor before the description. For "the army", "the regime"
        one from a country named close by wins: "In Damascus, ... the army said"."""
        kinds = _MILITARY_KINDS if head == "forces" else _DESCRIPTIONS.get(head, frozenset())
        compatible: list[_Found] = []
        for found in sorted(pool, key=lambda f: f.start, reverse=True):
            if found.end > before:
                continue
            entity = found.entity
            if entity.kind == "person" and found.affiliation is not None:
                entity = found.affiliation
            if self._compatible(entity, kinds, words):
                compatible.append(
                    found
                    if entity is found.entity
                    else _Found(
                        start=found.start,
                        end=found.end,
                        entity=entity,
                        how=found.how,
                        tokens=found.tokens,
                    )
                )
        nearby = [f for f in compatible if f.entity.country_code in near]
        # "50 jihadists from IS were killed by troops backed by Hezbollah ... the jihadists
        # clashed": the side the same noun was told of before, not the latest group.
        named = [f for f in compatible if self._named_as(f, head)]
        preferred = nearby or named or compatible
        return preferred[0] if preferred else None

    def _named_as(self, found: _Found, head: str) -> bool:
        """Whether a mention stands in a phrase headed by ``head``: "jihadists from IS",
        "IS jihadists", "militants of the group and its allies"."""
        first, last = found.tokens
        if last <= first:
            return False
        token = self.doc[first:last].root
        for _ in range(4):
            if not first <= token.i < last and token.lower_ == head:
                return True
            if token.dep_ not in _NAMING_DEPS or token.head.i == token.i:
                return False
            token = token.head
        return False

    def _compatible(self, entity: Entity, kinds: frozenset[str], words: set[str]) -> bool:
        if entity.kind == "organisation":
            return bool(words & _GROUP_NOUNS)  # an organisation spaCy found: "the group" may be it
        if entity.kind in kinds:
            return True
        actor = self.dictionary.actors.get(entity.canonical_key)
        return actor is not None and bool(words.intersection(actor.descriptors))
