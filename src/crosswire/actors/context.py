"""The article's context: where sentences are set, and names that are no actors."""

from __future__ import annotations

from collections import Counter
from functools import cached_property
from typing import TYPE_CHECKING

from crosswire.actors.dictionary import Branch
from crosswire.actors.grammar import _compound_head, seat_of
from crosswire.actors.lexicon import (
    _CORE_TITLES,
    _DESCRIPTIONS,
    _ENTERING_VERBS,
    _LOCATIVE_PREPOSITIONS,
    _OF_PLACE_HEADS,
    _PLACE_NOUNS,
    _PLACE_PREPOSITIONS,
    _POSSESSIVES,
    _SETTLEMENT_NOUNS,
    _STATE_FORCE_NOUNS,
)
from crosswire.actors.nonactors import BODY_WORDS, glued_heading, non_actor_reason
from crosswire.actors.state import LinkerState
from crosswire.model import Entity

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


class ContextPass(LinkerState):
    """The article's context: the country a sentence is set in, the state a
    generic description names, and the names that are no actors."""

    def _located_country(self, sentence: Span) -> str | None:
        """The one country a sentence says it is set in: "in Iraq", "Iraq's Anbar
        province", "the Libyan port city of Misrata". Names linked as actors are
        parties, not settings."""
        countries: set[str] = set()
        for (first, last), cands in self.candidates.items():
            if not sentence.start <= first < sentence.end or first < self.dateline_end:
                continue
            if not self._free(first, last):
                continue
            cand, root = cands[0], self.doc[first:last].root
            if cand.source == "name":
                country = self.matchers.name_targets[cand.pattern].country
                place_noun = _compound_head(root.head)
                located = (
                    root.dep_ == "pobj"
                    and root.head.lower_ in _LOCATIVE_PREPOSITIONS
                    and not seat_of(root)
                ) or (root.dep_ == "poss" and place_noun.lower_ in _PLACE_NOUNS)
            elif cand.source == "demonym":
                country = self.matchers.demonym_targets[cand.pattern][0]
                located = (
                    root.dep_ in ("amod", "compound")
                    and _compound_head(root.head).lower_ in _PLACE_NOUNS
                )
            else:
                continue
            if located and country:
                countries.add(country)
        return countries.pop() if len(countries) == 1 else None

    # ---- the article's context: its state, its theatre, its places

    def _state_country(self, token: Token) -> str | None:
        """Whose forces a generic "troops" or "the government" are: the country the
        sentence is set in, else the state the article is about."""
        return self._located_country(token.sent) or self.state_focus()

    def _setting_country(self, sentence: Span) -> str | None:
        """Where generic actors are: ACLED names civilians, protesters and gunmen by
        the country an event happens in, which need not be the country whose forces
        the article talks most of ("Russian raids killed civilians in Raqqa"). The
        article's setting comes first: one sentence may name a distant venue ("talks
        in Astana"); then the sentence's, then the country talked of most."""
        return self._article_setting or self._located_country(sentence) or self.focus_country()

    @cached_property
    def _article_setting(self) -> str | None:
        """The country most sentences say they are set in, when one leads."""
        counts = Counter(c for s in self.doc.sents if (c := self._located_country(s)))
        ranked = counts.most_common(2)
        if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
            return None
        return ranked[0][0]

    def _context_actor(self, head: Token, words: set[str]) -> Entity | None:
        """What a description with no antecedent names in this article: the state's
        "army" or "government", or "the coalition" fighting in the article's country."""
        word = head.lower_
        if self._names_state(word):
            country = self._state_country(head)
            if country is None:
                return None
            branch: Branch = "gov"
            if word in _STATE_FORCE_NOUNS:
                branch = _STATE_FORCE_NOUNS[word]
            elif word == "forces":
                branch = "pol" if "security" in words else "mil"
            return self.dictionary.state_actor(country, branch).entity()
        if words != {word}:
            return None  # "the ruling coalition" is no armed coalition
        return self._theatre_actor(word)

    def _theatre_actor(self, word: str) -> Entity | None:
        """The one actor a descriptor ("coalition") fits among those fighting in the
        article's country: the Saudi-led Coalition in a Yemen story."""
        if word in _DESCRIPTIONS:
            return None  # "the group", "the militants": too common to guess
        focus = self.focus_country()
        if focus is None:
            return None
        fitting = [
            actor
            for actor in self.dictionary.actors.values()
            if word in actor.descriptors and (actor.country == focus or focus in actor.theatres)
        ]
        return fitting[0].entity() if len(fitting) == 1 else None

    @staticmethod
    def _names_state(head: str) -> bool:
        kinds = _DESCRIPTIONS.get(head, frozenset())
        return head == "forces" or (bool(kinds) and kinds <= {"government", "military", "police"})

    def _countries_near(self, token: Token) -> set[str]:
        """Countries named (as actor or place) in this sentence or the one before."""
        sentence = token.sent
        start = sentence.start
        if start > 0:
            start = self.doc[start - 1].sent.start
        near: set[str] = set()
        for (first, _), cands in self.candidates.items():
            if start <= first < token.i:
                country = self._candidate_country(cands[0])
                if country:
                    near.add(country)
        return near

    def _shortened(self, start: int, end: int) -> Entity | None:
        """The longer name, named earlier, that this one shortens: "the Observatory"
        after "the Syrian Observatory for Human Rights", "Abdel Rahman" after "Rami
        Abdel Rahman". The longer name's kind wins over what NER labels the short one."""
        words = self.doc[start:end].text.lower().split()
        begin = self.doc[start].idx
        earlier: list[tuple[int, Entity]] = [
            (found.start, found.entity)
            for found in self.found
            if found.start < begin
            and found.entity.kind == "person"
            and not found.entity.canonical_key
            and _holds_run(found.entity.name.lower().split(), words)
        ]
        # An organisation only by one distinctive word ("the Observatory"): longer short
        # forms of organisations are more often pieces of a garbled NER span.
        if len(words) > 1 or words[0] in BODY_WORDS:
            return max(earlier, key=lambda item: item[0])[1] if earlier else None
        for span, span_words in self._organisation_names:
            first, last = span.start, span.end
            if last > start:
                continue
            if (
                _holds_run(span_words, words)
                and not self._overlaps_alias(first, last)
                and non_actor_reason(span, countries=self.countries) is None
                and not glued_heading(span, self.countries)
            ):
                earlier.append((span.start_char, Entity(name=span.text, kind="organisation")))
        return max(earlier, key=lambda item: item[0])[1] if earlier else None

    @cached_property
    def _organisation_names(self) -> list[tuple[Span, list[str]]]:
        """Each ORG entity less a leading "the" and a trailing possessive, with its
        lower-cased words; built once per article, not once per short name."""
        names = []
        for ent in self.ents:
            if ent.label_ != "ORG":
                continue
            first = ent.start + (1 if ent[0].lower_ == "the" else 0)
            last = ent.end - (1 if ent[-1].text in _POSSESSIVES else 0)
            if first < last:
                span = self.doc[first:last]
                names.append((span, span.text.lower().split()))
        return names

    def _reads_as_place(self, span: Span) -> bool:
        """A name in a place's position: "in Tafas", "the province of Daraa", "entered
        Tafas", "Tafas, a town", "the Daraa countryside"."""
        root = span.root
        while root.dep_ == "conj" and root.head.i < root.i:
            root = root.head  # "in Sanaa and Taiz"
        head = root.head
        if root.dep_ == "pobj" and head.lower_ in _PLACE_PREPOSITIONS:
            return True
        if root.dep_ == "pobj" and head.lower_ == "of":
            return head.head.lower_ in _OF_PLACE_HEADS
        if root.dep_ == "compound" and _compound_head(head).lower_ in _PLACE_NOUNS:
            return True
        if root.dep_ == "dobj" and head.lemma_.lower() in _ENTERING_VERBS:
            return True
        return any(c.dep_ == "appos" and c.lower_ in _SETTLEMENT_NOUNS for c in root.children)

    def _no_actor(self, start: int, end: int) -> bool:
        """An unlinked name that is an outlet, furniture, a date or a bare place; a
        surname of a person already named is kept ("Hamza Khatib ... Khatib said")."""
        titled = start > 0 and self.doc[start - 1].lower_ in _CORE_TITLES
        span = self.doc[start:end]
        if span.text in self._person_words:
            titled = True
        return non_actor_reason(span, titled=titled, countries=self.countries) is not None

    @property
    def _person_words(self) -> set[str]:
        return {
            word
            for f in self.found
            if f.entity.kind == "person"
            for word in self.text[f.start : f.end].split()[1:]
        }


def _holds_run(longer: list[str], shorter: list[str]) -> bool:
    """Whether ``shorter`` is a run of words inside the longer ``longer``."""
    size = len(shorter)
    return 0 < size < len(longer) and any(
        longer[i : i + size] == shorter for i in range(len(longer) - size + 1)
    )
