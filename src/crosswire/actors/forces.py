"""The forces pass: generic actors, state forces, ministries, communal militias."""

from __future__ import annotations

from typing import TYPE_CHECKING

from crosswire.actors.context import ContextPass
from crosswire.actors.dictionary import _BRANCH_NAMES, _STATE_KINDS, KIND_INTER, Branch
from crosswire.actors.lexicon import (
    _AREA_NOUNS,
    _CATEGORY_NOUNS,
    _COMMUNAL_HEADS,
    _COMMUNAL_MODIFIERS,
    _CORE_TITLES,
    _DESCRIPTION_DETERMINERS,
    _ENTERING_VERBS,
    _FORCE_PART_NOUNS,
    _INSTITUTION_NOUNS,
    _MILITARY_NOUNS,
    _MINISTRY_NOUNS,
    _MINISTRY_TOPICS,
    _NOT_TOWNS,
    _OWNER_MARKERS,
    _SETTLEMENT_NOUNS,
    _SETTLEMENT_PREPOSITIONS,
    _STATE_FORCE_MODIFIERS,
    _STATE_FORCE_NOUNS,
)
from crosswire.model import Entity

if TYPE_CHECKING:
    from spacy.tokens import Token


class ForcesPass(ContextPass):
    """Generic actors, state forces, ministries and communal militias."""

    # ---- generic actors, unknown organisations

    def _link_categories(self) -> None:
        for i, pos in enumerate(self._columns[0]):
            if pos not in ("NOUN", "PROPN") or i in self.covered:
                continue
            token = self.doc[i]
            category = _CATEGORY_NOUNS.get(token.lower_)
            start = token.i
            if (
                category is None
                and token.lower_ == "men"
                and any(c.lower_ == "armed" and c.i == token.i - 1 for c in token.lefts)
            ):
                category, start = "uag", token.i - 1
            if category is None or token.dep_ in ("amod", "compound"):
                continue
            while (
                start > 0
                and start - 1 not in self.covered
                and self.doc[start - 1].lower_ in ("unidentified", "unknown", "armed")
            ):
                start -= 1
            entity = self.dictionary.generic(category, self._setting_country(token.sent))
            self._add(start, token.i + 1, entity, "category")

    # ---- generic state forces, ministries, communal militias

    def _link_state_forces(self) -> None:
        """ "government forces", "security forces", "troops", "police", "army units" with no
        demonym or name: the forces of the country the sentence is set in, else of the
        article's state; "coalition jets": the coalition fighting in the article's country."""
        for i, pos in enumerate(self._columns[0]):
            if pos != "NOUN" or i in self.covered:
                continue
            token = self.doc[i]
            phrase = self._state_force_phrase(token)
            if phrase is not None:
                start, end, branch = phrase
                country = self._state_country(token)
                if country is not None:
                    entity = self.dictionary.state_actor(country, branch).entity()
                    self._add(start, end, entity, "context")
                continue
            head = token.head
            if (
                token.dep_ == "compound"
                and head.i > token.i
                and head.lower_ in _MILITARY_NOUNS
                and token.lower_ in self.descriptor_words
                and self._bare(token)
            ):
                theatre = self._theatre_actor(token.lower_)
                if theatre is not None:
                    self._add(token.i, token.i + 1, theatre, "context")

    def _state_force_phrase(self, token: Token) -> tuple[int, int, Branch] | None:
        """(start, end, branch) when token starts or heads a generic state-force phrase."""
        found = _force_noun(token)
        if found is None:
            return None
        noun, branch = found
        named = any(
            t.ent_type_ not in ("", "CARDINAL", "DATE") for t in self.doc[token.i : noun.i + 1]
        )
        if noun.i in self.covered or named:
            return None  # part of a name: "the Arakan Army"
        start = self._unowned_start(token, noun)
        if start is None:
            return None
        if any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.rights):
            return None  # "the army of Chad", "forces of the administration"
        if not self._free(start, noun.i + 1):
            return None
        return start, noun.i + 1, branch

    def _unowned_start(self, token: Token, noun: Token) -> int | None:
        """Where the phrase starts, taking in state modifiers ("government troops"); None
        when a modifier, possessor or definite description makes the forces someone's."""
        start = min(token.i, noun.i)
        for child in list(noun.lefts) + ([] if noun is token else list(token.lefts)):
            if child.i >= start and child.i <= noun.i:
                continue
            dep, lower = child.dep_, child.lower_
            if dep == "det":
                if lower in _DESCRIPTION_DETERMINERS:
                    return None  # a definite description: it may point back
                if lower in ("a", "an") and noun.lower_ in _INSTITUTION_NOUNS:
                    return None  # "an army", "a police force": not the state's
                continue
            if dep in ("nummod", "quantmod", "advmod", "punct", "cc", "preconj", "predet"):
                continue
            modifier = dep in ("amod", "compound", "nmod") and child.i not in self.covered
            if modifier and lower in _STATE_FORCE_MODIFIERS:
                start = min(start, child.i)
                continue
            return None  # "rebel forces", "its troops", "Kurdish forces", "Houthi forces"
        return start

    def _bare(self, token: Token) -> bool:
        """No uncovered modifier, possessor or determiner other than an article on a noun."""
        return all(
            c.dep_ == "det" and c.lower_ in ("the", "a", "an") for c in token.lefts
        ) and not any(c.dep_ == "poss" for c in token.head.lefts)

    def _link_ministries(self) -> None:
        """ "the Interior Ministry", "a Defence Ministry official", "Libya's Interior
        Ministry": the government of its state. A ministry run by a non-state actor
        ("the Houthi-run health ministry", "the rebels' ministry") is left alone."""
        doc = self.doc
        for i, lower in enumerate(self._columns[1]):
            if lower not in _MINISTRY_NOUNS or i in self.covered:
                continue
            token = doc[i]
            if token.pos_ not in ("NOUN", "PROPN"):
                continue
            start = token.i
            while start > 0 and (start - 1) not in self.covered:
                previous = doc[start - 1]
                if previous.dep_ not in ("compound", "amod") or previous.head.i < start:
                    break
                if not (previous.is_title or previous.lower_ in _MINISTRY_TOPICS):
                    break
                start -= 1
            end = token.i + 1
            if end + 1 < len(doc) and doc[end].lower_ == "of" and doc[end + 1].is_title:
                stop = end + 1
                while stop < len(doc) and doc[stop].is_title and stop not in self.covered:
                    stop += 1
                if all(doc[i].lower_ in _MINISTRY_TOPICS for i in range(end + 1, stop)):
                    end = stop  # "Ministry of Interior", "Ministry of Foreign Affairs"
            owners = [
                child
                for t in doc[start:end]
                for child in t.lefts
                if child.i < start and child.dep_ != "det"
            ]
            if end < len(doc) and doc[end].lower_ == "of":
                owners += [c for c in doc[end].children if c.dep_ == "pobj"]
            if start > 0 and doc[start - 1].lower_ in _OWNER_MARKERS:
                continue  # "Houthi-run health ministry"
            runners = [self._found_at(t.i) for r in token.rights for t in r.subtree]
            if any(f is not None and f.entity.kind not in _STATE_KINDS for f in runners):
                continue  # "the health ministry in Gaza, run by Hamas"
            entity = self._ministry_owner(owners, token)
            if entity is not None:
                self._add(start, end, entity, "context")

    def _ministry_owner(self, owners: list[Token], ministry: Token) -> Entity | None:
        if not owners:
            country = self._state_country(ministry)
            return None if country is None else self.dictionary.state_actor(country, "gov").entity()
        if len(owners) > 1:
            return None
        owner = self._found_at(owners[0].i)
        if owner is None or owner.entity.kind not in _STATE_KINDS:
            return None  # "its ministry", "the rebels' ministry", "a Houthi ministry"
        key = owner.entity.canonical_key
        if key.partition(":")[0] in _BRANCH_NAMES and owner.entity.country_code:
            return self.dictionary.state_actor(owner.entity.country_code, "gov").entity()
        return owner.entity  # a named government: "the GNU's Interior Ministry"

    def _link_communal_militias(self) -> None:
        """ "local fighters", "gunmen from Tafas", "former rebels in the town of Tafas":
        ACLED's "<Place> Communal Militia (<Country>)". The place comes from the phrase,
        else ("local ...") from the sentence or the one before; a "local" mention with no
        place in reach takes the article's only such militia. No place, no militia."""
        pending: list[tuple[int, int, str | None]] = []
        for i, lower in enumerate(self._columns[1]):
            if lower not in _COMMUNAL_HEADS or i in self.covered:
                continue
            token = self.doc[i]
            if token.pos_ not in ("NOUN", "PROPN"):
                continue
            start = token.i
            while (
                start > 0
                and (start - 1) not in self.covered
                and self.doc[start - 1].lower_ in _COMMUNAL_MODIFIERS
            ):
                start -= 1
            before = self.doc[start - 1] if start > 0 else None
            if before is not None and (
                before.i in self.covered
                or before.pos_ in ("ADJ", "PROPN")
                or (before.pos_ == "NOUN" and before.dep_ in ("compound", "amod"))
            ):
                continue  # "Kurdish fighters", "Islamic State fighters", "Druze militiamen"
            if any(c.dep_ == "poss" for c in token.lefts):
                continue
            words = {self.doc[i].lower_ for i in range(start, token.i)}
            former = bool(words & {"former", "ex", "ex-"})
            if (token.lower_ == "rebels" or "opposition" in words) and not former:
                continue  # rebels are a rebel group until they lay down the cause
            local = "local" in words
            town = self._town_after(token)
            if town is None and not local:
                continue
            if town is None:
                town = self._town_near(token)
            pending.append((start, token.i + 1, town))
        towns = {town for _, _, town in pending if town}
        for start, end, town in pending:
            place = town or (next(iter(towns)) if len(towns) == 1 else None)
            country = self._state_country(self.doc[start])
            if place is None or country is None:
                continue  # no place or country in the text: no militia invented
            entity = Entity(
                name=f"{place} Communal Militia ({self.dictionary.country_name(country)})",
                kind="identity_militia",
                inter_code=KIND_INTER["identity_militia"],
                country_code=country,
                canonical_key=f"communal:{country}:{place.casefold()}",
            )
            self._add(start, end, entity, "context")

    def _town_after(self, head: Token) -> str | None:
        """The place an armed noun belongs to: "gunmen from Tafas", "the fighters of Tafas",
        "fighters in the town of Tafas" (not "rebels in Darfur": a region holds many)."""
        doc = self.doc
        i = head.i + 1
        if i >= len(doc) or doc[i].lower_ not in ("from", "of", "in", "inside"):
            return None
        belongs = doc[i].lower_ in ("from", "of")
        i += 1
        if i < len(doc) and doc[i].lower_ == "the":
            i += 1
        if i + 1 < len(doc) and doc[i].lower_ in _SETTLEMENT_NOUNS and doc[i + 1].lower_ == "of":
            i += 2
            belongs = True
        return self._town_at(i) if belongs else None

    def _town_at(self, index: int) -> str | None:
        """A place name starting at index that no other reading claims."""
        doc = self.doc
        end = index
        while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].is_title:
            end += 1
        if end == index or index < self.dateline_end or not self._free(index, end):
            return None
        if any(a < end and index < b for a, b in self.candidates):
            return None  # a country, a capital, an actor
        if any(doc[i].ent_type_ in _NOT_TOWNS for i in range(index, end)):
            return None
        last = doc[end - 1]
        if last.dep_ == "compound" and last.head.i >= end:
            return None  # "the Daraa countryside", "the Deraa town": a wider area
        if index >= 2 and doc[index - 1].lower_ == "of" and doc[index - 2].lower_ in _AREA_NOUNS:
            return None  # "the province of Daraa"
        return doc[index:end].text

    def _town_near(self, head: Token) -> str | None:
        """The nearest town named in the sentence, else in the sentence before."""
        sentence = head.sent
        scopes = [sentence]
        if sentence.start > 0:
            scopes.append(self.doc[sentence.start - 1].sent)
        for scope in scopes:
            towns = [
                (abs(token.i - head.i), town)
                for token in scope
                if self._settled(token) and (town := self._town_at(token.i)) is not None
            ]
            if towns:
                return min(towns)[1]
        return None

    def _settled(self, token: Token) -> bool:
        """Whether a proper noun starts a place where people live: "in Tafas",
        "entered Tafas", "the town of Tafas", "Tafas, a town"."""
        doc = self.doc
        if token.pos_ != "PROPN" or (token.i > 0 and doc[token.i - 1].pos_ == "PROPN"):
            return False
        end = token.i
        while end < len(doc) and doc[end].pos_ == "PROPN":
            end += 1
        root = doc[token.i : end].root
        if root.dep_ == "pobj" and root.head.lower_ in _SETTLEMENT_PREPOSITIONS:
            if root.head.lower_ == "of":
                return root.head.head.lower_ in _SETTLEMENT_NOUNS
            return True
        if root.dep_ == "dobj" and root.head.lemma_.lower() in _ENTERING_VERBS:
            return True
        return any(c.dep_ == "appos" and c.lower_ in _SETTLEMENT_NOUNS for c in root.children)


def _force_noun(token: Token) -> tuple[Token, Branch] | None:
    """The head noun and branch of a generic state-force word: "troops", "army units",
    "security forces", "regime jets"; None for "police station" or "army chief"."""
    word = token.lower_
    branch: Branch | None = _STATE_FORCE_NOUNS.get(word)
    if branch is not None:
        head = token.head
        if token.dep_ == "compound" and head.i > token.i and head.pos_ == "NOUN":
            if head.lower_ not in _FORCE_PART_NOUNS or head.lower_ in _CORE_TITLES:
                return None  # "police station", "army chief": a place or a title
            return head, branch  # "army units", "police vehicles"
        return token, branch
    if word in ("forces", "force"):
        found = [
            _STATE_FORCE_MODIFIERS[c.lower_]
            for c in token.lefts
            if c.dep_ in ("amod", "compound") and c.lower_ in _STATE_FORCE_MODIFIERS
        ]
        if not any(found):
            return None
        return token, "pol" if "pol" in found else "mil"
    if (
        word in ("government", "regime")
        and token.dep_ in ("compound", "amod")
        and token.head.i > token.i
        and token.head.lower_ in _MILITARY_NOUNS - {"forces", "force"}
    ):
        return token.head, "mil"  # "government artillery", "regime jets"
    return None
