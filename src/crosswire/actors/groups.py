"""The groups pass: aliases, demonyms, metonyms, backers, unknown organisations."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from crosswire.actors.armed_names import (
    NAMED_KEY,
    STATE_SIDE,
    arabic_names,
    display_name,
    english_formation,
    name_key,
)
from crosswire.actors.context import ContextPass
from crosswire.actors.dictionary import _BRANCH_NAMES, KIND_INTER, ActorDictionary, LinkMode
from crosswire.actors.grammar import _actor_position, _is_definite, _noun_class
from crosswire.actors.lexicon import (
    _BACKED_ARMED_NOUNS,
    _BACKED_TOKEN,
    _BACKING_WORDS,
    _DEMONYM_ARMED_NOUNS,
    _DEMONYM_REBEL_NOUNS,
    _DESCRIBED_NOUNS,
    _NOT_THE_STATE,
    _POSSESSIVES,
    _STATE_ACTIVITY_NOUNS,
    _TITLE_MODIFIERS,
)
from crosswire.actors.mentions import _Found
from crosswire.actors.nonactors import glued_heading
from crosswire.model import Entity

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_SPELLINGS: dict[int, tuple[ActorDictionary, dict[str, str]]] = {}


def _known_spellings(dictionary: ActorDictionary) -> dict[str, str]:
    """The dictionary's names and aliases in one spelling -> actor key."""
    cached = _SPELLINGS.get(id(dictionary))
    if cached is not None and cached[0] is dictionary:
        return cached[1]
    spellings: dict[str, str] = {}
    for actor in dictionary.actors.values():
        for alias in (actor.name, *actor.aliases):
            spellings.setdefault(name_key(alias), actor.key)
    _SPELLINGS[id(dictionary)] = (dictionary, spellings)
    return spellings


class GroupPass(ContextPass):
    """Named groups and states: aliases, demonyms, metonyms, backers and
    unknown organisations."""

    # ---- aliases, demonyms, names

    def _link_aliases(self) -> None:
        for (start, end), cands in sorted(self.candidates.items()):
            cand = next((c for c in cands if c.source == "alias"), None)
            if cand is None or not self._free(start, end):
                continue
            key = self._resolve_alias(cand.pattern)
            if key.startswith("person:"):
                continue
            entity = self.dictionary.actor(key).entity()
            backed = self._backing_after(end)
            found = self._add(start, end, entity, "alias", "backer" if backed else "actor")
            if backed:
                self.backers.append((found, backed[1]))

    def _link_demonyms(self) -> None:
        for (start, end), cands in sorted(self.candidates.items()):
            cand = next((c for c in cands if c.source == "demonym"), None)
            if cand is None or not self._free(start, end):
                continue
            country, plural = self.matchers.demonym_targets[cand.pattern]
            backed = self._backing_after(end)
            if backed:
                found = self._add(
                    start,
                    end,
                    self.dictionary.state_actor(country, "gov").entity(),
                    "demonym",
                    "backer",
                )
                self.backers.append((found, backed[1]))
                continue
            if plural:
                branch = _actor_position(self.doc[start:end].root)  # people: saying, fighting
                if branch is not None:
                    entity = self.dictionary.state_actor(country, branch).entity()
                    self._add(start, end, entity, "demonym")
                continue
            self._link_modifier(start, end, country, "demonym")

    def _link_modifier(self, start: int, end: int, country: str, how: LinkMode) -> bool:
        """Link a country word that modifies a noun for forces or officials ("Turkish
        drones", "Russia troops"); the mention runs from the word to that noun."""
        reading = self._demonym_reading(start, end)
        if reading is None:
            return False
        head, what = reading
        branch = _BRANCH_NAMES.get(what)
        if branch is not None:
            entity = self.dictionary.state_actor(country, branch).entity()
        else:
            entity = self.dictionary.generic(what, country)
        # "French and Egyptian warships": the noun belongs to the last of them
        shared = any(end <= first < head for first, _ in self.candidates)
        last = end if shared else head + 1
        backed = self._backing_after(head + 1)  # "forces backed by Russian warplanes"
        found = self._add(start, last, entity, how, "backer" if backed else "actor")
        if backed:
            self.backers.append((found, backed[1]))
        return True

    def _demonym_reading(self, start: int, end: int) -> tuple[int, str] | None:
        """(head token index, branch or generic category) for "Turkish drones" and the like."""
        doc = self.doc
        path: list[Token] = []
        token = doc[end - 1]
        while (
            token.dep_ in ("amod", "compound", "nmod", "npadvmod")
            and token.head.i > token.i
            and token.head.pos_ in ("NOUN", "PROPN")
            and token.head.i - start <= 5
        ):
            token = token.head
            path.append(token)
        if not path and end < len(doc) and doc[end].pos_ in ("NOUN", "PROPN"):
            path.append(doc[end])  # parse left the demonym unattached
        if any(
            t.pos_ == "PROPN" and _noun_class(t) is None and t.lower_ not in _TITLE_MODIFIERS
            for t in path[:-1]
        ):
            return None  # the word starts another name: "Warsaw Pact", "Moscow Times editor"
        if not path or any(t.lower_ in _DESCRIBED_NOUNS for t in path[:-1]):
            return None
        modifiers = {t.lower_ for t in path[:-1]} | {
            c.lower_ for c in path[-1].lefts if c.i > start
        }
        if modifiers & _NOT_THE_STATE:
            return None  # "Ugandan opposition candidates"
        if modifiers & _DEMONYM_REBEL_NOUNS:
            return path[-1].i, "rebels"  # "Syrian rebel commanders", "a Syrian rebel group"
        if modifiers & (_DEMONYM_ARMED_NOUNS | {"suicide"}):
            return path[-1].i, "uag"  # "Palestinian militia leaders", "suicide bombers"
        for noun in reversed(path):
            if not self._free(noun.i, noun.i + 1):
                return None
            what = _noun_class(noun)
            if what is None and noun is path[-1] and noun.lower_ in _STATE_ACTIVITY_NOUNS:
                what = "gov"  # "US mediation", "a Russian proposal"
            if what == "mil" and noun.lower_ in ("forces", "force") and "security" in modifiers:
                what = "pol"  # "Libyan security forces", as ACLED codes them
            if what is not None:
                return path[-1].i, what
        return None

    def _link_names(self) -> None:
        for (start, end), cands in sorted(self.candidates.items()):
            cand = next((c for c in cands if c.source == "name"), None)
            if cand is None or not self._free(start, end) or self._inside_other_entity(start, end):
                continue
            target = self.matchers.name_targets[cand.pattern]
            backed = self._backing_after(end)
            if backed:
                found = self._add(
                    start, end, self._candidate_entity(cand, "gov"), "metonym", "backer"
                )
                self.backers.append((found, backed[1]))
                continue
            root = self.doc[start:end].root
            modifier = root.dep_ in ("compound", "amod", "nmod")
            if (
                modifier
                and target.country
                and self._link_modifier(start, end, target.country, "metonym")
            ):
                continue  # "Russia troops", "the Kabul government"
            if root.dep_ == "poss" and root.head.i in self.covered:
                continue  # "Iraq's Popular Mobilization Forces": the group is the actor
            branch = _actor_position(root, any_verb=True, capital=target.capital)
            if branch is None:
                continue  # a place: "in Moscow", "near Damascus"
            if target.actor is not None:
                branch = "gov"
            self._add(start, end, self._candidate_entity(cand, branch), "metonym")

    def _inside_other_entity(self, start: int, end: int) -> bool:
        """A name inside a longer named entity is part of that name: "Moscow Times"."""
        return any(
            first <= start and end <= last and (last - first) > (end - start)
            for first, last in self._name_ents
        )

    @cached_property
    def _name_ents(self) -> list[tuple[int, int]]:
        """Token ranges of the entities that can hold a place name inside them."""
        ranges = []
        for ent in self.ents:
            if ent.label_ in ("ORG", "FAC", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW", "PERSON"):
                first = ent.start + (1 if ent[0].lower_ == "the" else 0)
                last = ent.end - (1 if ent[-1].text in _POSSESSIVES else 0)
                ranges.append((first, last))
        return ranges

    def _link_hyphenated_backers(self) -> None:
        """Backers glued into one token by the tokenizer: "U.S.-backed"."""
        for i, text in enumerate(self._columns[2]):
            if "-" not in text or i in self.covered:
                continue
            token = self.doc[i]
            match = _BACKED_TOKEN.match(token.text)
            if match is None or match["word"] not in _BACKING_WORDS:
                continue
            owner = match["owner"]
            entity: Entity | None = None
            how: LinkMode = "metonym"
            if owner in self.matchers.demonym_targets:
                country = self.matchers.demonym_targets[owner][0]
                entity, how = self.dictionary.state_actor(country, "gov").entity(), "demonym"
            elif owner in self.matchers.name_targets:
                target = self.matchers.name_targets[owner]
                key = target.actor or f"gov:{target.country}"
                entity = self.dictionary.actor(key).entity()
            if entity is None:
                continue
            start = token.idx
            found = self._add(
                token.i, token.i + 1, entity, how, "backer", char_range=(start, start + len(owner))
            )
            head = token.head if token.head.i > token.i else None
            self.backers.append((found, head))

    def _attach_backers(self, *, definite: bool) -> None:
        """Give each backed actor its backers; name an unknown one "Unidentified Armed Group".

        "The Iran-backed group" may point back to a group named before, so backed
        nouns with a definite article wait until descriptions are resolved.
        """
        waiting: list[tuple[_Found, Token | None]] = []
        for backer, head in self.backers:
            if head is None:
                continue
            if not definite and _is_definite(head):
                waiting.append((backer, head))
                continue
            target = self._found_at_head(head)
            if (
                target is None
                and head.i not in self.covered
                and (head.lower_ in _BACKED_ARMED_NOUNS or head.lemma_ in _BACKED_ARMED_NOUNS)
            ):
                country = self.focus_country(exclude=[backer.entity.country_code])
                target = self._add(
                    head.i, head.i + 1, self.dictionary.generic("uag", country), "category"
                )
            if target is not None and target is not backer:
                target.backed_by.append(backer.entity)
        self.backers = waiting

    def _link_unknown_organisations(self) -> None:
        for ent in self.ents:
            if ent.label_ != "ORG":
                continue
            start = ent.start + (1 if ent[0].lower_ == "the" else 0)
            end = ent.end - (1 if ent[-1].text in _POSSESSIVES else 0)
            if (
                start >= end
                or not self._free(start, end)
                or self._overlaps_alias(start, end)
                or (start, end) in self.candidates  # a place name, not used as an actor here
            ):
                continue
            if (
                start < self.dateline_end
                or (start == 0 and end < len(self.doc) and self.doc[end].text == ",")
                or any(t.text in ("-", "–", "—") and t.whitespace_ for t in self.doc[start:end])
            ):
                continue  # dateline pieces spaCy took for organisations: "IDLIB, Syria - ..."
            if self._reads_as_place(self.doc[start:end]):
                continue  # a town spaCy took for an organisation: "entered Tafas"
            if glued_heading(self.doc[start:end], self.countries):
                start = end - 1  # the body after a section heading: "[Homs] Army units"
            if self._no_actor(start, end):
                continue
            longer = self._shortened(start, end)
            if longer is not None:
                self._add(start, end, longer, "coreference")
                continue
            span = self.doc[start:end]
            armed = None
            before = self.text[max(0, span.start_char - 30) : span.start_char]
            if english_formation(span.text, before):
                armed = self._armed_group(span)
            entity = armed or Entity(name=span.text, kind="organisation")
            self._add(start, end, entity, "unlinked")

    # ---- armed groups named on a formation's pattern

    def _link_armed_names(self) -> None:
        """Armed groups the dictionary lacks, by their name's shape: "Liwa Fursan al-Haq",
        "Jaysh al-Fateh"; a spelling of a known one ("Jabhat an-Nusra") is that one."""
        begin = self.doc[self.dateline_end].idx if self.dateline_end < len(self.doc) else 0
        for first, last, place in arabic_names(self.text, begin):
            span = self.doc.char_span(first, last, alignment_mode="expand")
            if span is None:
                continue
            if place:  # a street or a mosque named after a group is no actor
                self.covered.update(range(span.start, span.end))
                continue
            if (span.start, span.end) in self.candidates:
                continue  # the dictionary's own spelling: the alias pass links it
            known = _known_spellings(self.dictionary).get(name_key(span.text))
            if known is not None:
                self._add(span.start, span.end, self.dictionary.actor(known).entity(), "alias")
                continue
            entity = self._armed_group(span)
            if entity is not None:
                self._add(span.start, span.end, entity, "unlinked")

    def _armed_group(self, span: Span) -> Entity | None:
        """A named group of no known side: a rebel group of the country it is in, unless
        its sentence ties it to the state's side ("pro-government militias")."""
        if STATE_SIDE.search(span.sent.text):
            return None
        country = self._located_country(span.sent) or self.focus_country()
        name = display_name(span.text)
        return Entity(
            name=name,
            kind="rebel_group",
            inter_code=KIND_INTER["rebel_group"],
            country_code=country,
            canonical_key=f"{NAMED_KEY}{name_key(name).replace(' ', '-')}",
        )
