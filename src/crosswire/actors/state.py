"""The linker's shared state and the dictionary matches of one document."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING

from crosswire.actors.armed_names import arabic_names, within_longer_name
from crosswire.actors.dictionary import _STATE_KINDS, ActorDictionary, Branch, LinkMode, Role
from crosswire.actors.grammar import (
    _dateline_end,
    _descriptor_words,
    _reads_as_word,
    _shouting,
    seat_of,
)
from crosswire.actors.lexicon import (
    _ABBREVIATION_CONTEXT_AFTER_HYPHEN,
    _ABBREVIATION_CONTEXT_BEFORE,
    _ABBREVIATION_CONTEXT_NOUNS,
    _AFTER_WORDS,
    _BACKED_ARMED_NOUNS,
    _BACKING_VERBS,
    _BACKING_WORDS,
    _BEFORE_WORDS,
    _CLAUSE_DEPS,
    _POSSESSIVES,
    _SINCE_WORDS,
    _WORD_ABBREVIATIONS,
)
from crosswire.actors.matching import _Candidate, _case_compatible, _matchers_for, _variants
from crosswire.actors.mentions import ActorMention, _Found
from crosswire.model import Entity, Mention
from crosswire.nlp import doc_text, token_columns
from crosswire.nlp.parse import read_as_name

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


class LinkerState:
    """The shared state of linking one document: the parse, the dictionary
    matches, the mentions found so far and the country evidence; the passes read and
    extend it."""

    def __init__(
        self, doc: Doc, article_id: str, dictionary: ActorDictionary, on: date | None = None
    ) -> None:
        self.doc = doc
        self.text = doc_text(doc)  # spaCy rebuilds Doc.text and Doc.ents on every access
        self.ents = list(doc.ents)
        self.article_id = article_id
        self.dictionary = dictionary
        self.on = on
        self.matchers = _matchers_for(dictionary, doc.vocab)
        self.covered: set[int] = set()  # token indices already linked
        self.found: list[_Found] = []
        self.candidates: dict[tuple[int, int], list[_Candidate]] = {}
        self.countries: Counter[str] = Counter()
        self.state_countries: Counter[str] = Counter()  # evidence from states alone
        self.backers: list[tuple[_Found, Token | None]] = []
        self.descriptor_words = _descriptor_words(dictionary)
        self.dateline_end = _dateline_end(doc)

    def _finish(self, found: _Found) -> ActorMention:
        when = self._clause_date(*found.tokens) or self.on
        entity = self.dictionary.dated(found.entity, when)
        affiliation = found.affiliation
        if affiliation is not None:
            affiliation = self.dictionary.dated(affiliation, when)
            if entity.kind == "person":
                entity = replace(entity, affiliation=affiliation.id)
        return ActorMention(
            entity=entity,
            mention=self._mention(found.start, found.end),
            how=found.how,
            role=found.role,
            backed_by=tuple(dict.fromkeys(self.dictionary.dated(e, when) for e in found.backed_by)),
            affiliation=affiliation,
            antecedent=found.antecedent,
        )

    def _clause_date(self, first: int, last: int) -> date | None:
        """The year a mention's clause happened in, when the clause names one: "the regime
        retook Daraa in 2018" (mid-2018), "fought the army before 2018" (mid-2017). A
        year after "since" starts a state that still holds, so it dates nothing."""
        if last <= first:
            return None
        if not self._year_tokens:
            return None  # no year in the article: nothing to date any clause by
        root = self.doc[first:last].root
        clause = root
        for _ in range(8):
            if clause.pos_ in ("VERB", "AUX") or clause.head.i == clause.i:
                break
            clause = clause.head
        left, right = clause.left_edge.i, clause.right_edge.i
        if not any(left <= i <= right for i in self._year_tokens):
            return None  # the walk below stays inside the clause's subtree
        best: tuple[int, int] | None = None  # (distance, year)
        stack = [clause]
        while stack:
            token = stack.pop()
            year = self._year_of(token, clause)
            if year is not None and (best is None or abs(token.i - root.i) < best[0]):
                best = (abs(token.i - root.i), year)
            for child in token.children:
                holds_mention = child.left_edge.i <= root.i <= child.right_edge.i
                if child.dep_ not in _CLAUSE_DEPS or holds_mention:
                    stack.append(child)
        return date(best[1], 7, 1) if best else None

    @cached_property
    def _columns(self) -> tuple[list[str], list[str], list[str]]:
        """Every token's coarse tag, lower-cased form and text, read once per article: the
        passes that scan the whole article test these before looking at a token."""
        columns = token_columns(self.doc)
        return columns.pos, columns.lower, columns.text

    @cached_property
    def _year_tokens(self) -> list[int]:
        """Indices of the tokens ``_year_of`` can read a year from (4 digits in a DATE)."""
        return [
            token.i
            for ent in self.ents
            if ent.label_ == "DATE"
            for token in ent
            if len(token.text) == 4 and token.text.isdigit()
        ]

    @staticmethod
    def _year_of(token: Token, clause: Token) -> int | None:
        text = token.text
        if not (len(text) == 4 and text.isdigit() and token.ent_type_ == "DATE"):
            return None
        year = int(text)
        if not 1900 <= year <= 2100:
            return None
        ancestor = token
        while ancestor.i != clause.i and ancestor.head.i != ancestor.i:
            ancestor = ancestor.head
            word = ancestor.lower_
            if word in _SINCE_WORDS:
                return None
            if word in _BEFORE_WORDS:
                return year - 1
            if word in _AFTER_WORDS:
                return year + 1
        return year

    def _mention(self, start: int, end: int) -> Mention:
        return Mention(article=self.article_id, start=start, end=end, text=self.text[start:end])

    def _add(
        self,
        first: int,
        last: int,
        entity: Entity,
        how: LinkMode,
        role: Role = "actor",
        *,
        char_range: tuple[int, int] | None = None,
    ) -> _Found:
        """Record a mention over tokens [first, last) and mark them linked."""
        span = self.doc[first:last]
        start, end = char_range or (span.start_char, span.end_char)
        found = _Found(
            start=start, end=end, entity=entity, how=how, role=role, tokens=(first, last)
        )
        self.found.append(found)
        self.covered.update(range(first, last))
        return found

    def _free(self, first: int, last: int) -> bool:
        return not any(i in self.covered for i in range(first, last))

    # ---- candidates

    def _collect_candidates(self) -> None:
        doc, m = self.doc, self.matchers
        strings = doc.vocab.strings
        raw: list[_Candidate] = []
        for match_id, start, end in m.aliases(doc):
            pattern = strings[match_id]
            if _case_compatible(m.pattern_words[pattern], doc[start:end]):
                raw.append(_Candidate(start, end, "alias", pattern))
        for match_id, start, end in m.abbreviations(doc):
            raw.append(_Candidate(start, end, "alias", strings[match_id]))
        for match_id, start, end in m.names(doc):
            pattern = strings[match_id]
            if _case_compatible(m.pattern_words[pattern], doc[start:end]):
                raw.append(_Candidate(start, end, "name", pattern))
        for match_id, start, end in m.demonyms(doc):
            raw.append(_Candidate(start, end, "demonym", strings[match_id]))

        raw = [c for c in raw if c.start >= self.dateline_end]  # the reporter's city
        longer = arabic_names(self.text)
        starts = {c.start for c in raw}
        raw = [c for c in raw if not self._inside_longer_name(c, longer, starts)]
        supported = self._supported_keys(raw)
        raw = [c for c in raw if self._abbreviation_fits(c, supported)]
        # Longest match wins; a name and a demonym over the same tokens ("UAE") both stay.
        order = {"alias": 0, "name": 1, "demonym": 2}
        taken: set[int] = set()
        for cand in sorted(raw, key=lambda c: (-c.length, order[c.source], c.start)):
            span_key = (cand.start, cand.end)
            if span_key in self.candidates:
                if all(c.source != cand.source for c in self.candidates[span_key]):
                    self.candidates[span_key].append(cand)
                continue
            if any(i in taken for i in range(cand.start, cand.end)):
                continue
            taken.update(range(cand.start, cand.end))
            self.candidates[span_key] = [cand]

    def _inside_longer_name(
        self, cand: _Candidate, longer: list[tuple[int, int, bool]], starts: set[int]
    ) -> bool:
        """An alias or name the text's longer name only contains ("Jaysh Al Fateh" holds
        "Fateh"): that name is another group, never the short one's."""
        if cand.source not in ("alias", "name"):
            return False
        last = self.doc[cand.end - 1]
        span = (self.doc[cand.start].idx, last.idx + len(last))
        return within_longer_name(self.text, span, longer, cand.end in starts)

    def _supported_keys(self, raw: list[_Candidate]) -> set[str]:
        """Actor keys named in the article by an alias that needs no guarding."""
        keys: set[str] = set()
        for cand in raw:
            if cand.source == "alias" and cand.pattern not in self.dictionary.guarded:
                keys.update(self.matchers.alias_targets[cand.pattern])
        return keys

    def _abbreviation_fits(self, cand: _Candidate, supported: set[str]) -> bool:
        """Whether a guarded abbreviation ("IS", "AA") reads as the actor here."""
        if cand.source != "alias" or cand.pattern not in self.dictionary.guarded:
            return True
        doc = self.doc
        if cand.end - cand.start == 1 and read_as_name(doc[cand.start]):
            return True  # "the IS bombers", "IS also claimed": the parse read it as the name
        before = doc[cand.start - 1] if cand.start > 0 else None
        after = doc[cand.end] if cand.end < len(doc) else None
        if cand.pattern.lower() in _WORD_ABBREVIATIONS and _reads_as_word(before, after):
            return False
        if _shouting(doc, cand.start, cand.end):
            return False
        if (
            after is not None
            and after.pos_ == "NOUN"
            and doc[cand.end - 1].dep_ == "compound"
            and after.lower_ not in _ABBREVIATION_CONTEXT_NOUNS
            and after.lemma_ not in _ABBREVIATION_CONTEXT_NOUNS
        ):
            return False  # "AA batteries": it names a kind of thing, not the actor
        if supported.intersection(self.matchers.alias_targets[cand.pattern]):
            return True
        if after is not None:
            if after.lower_ in _ABBREVIATION_CONTEXT_NOUNS or after.lemma_ in (
                _ABBREVIATION_CONTEXT_NOUNS
            ):
                return True
            if after.text in _POSSESSIVES:
                return True
            if (
                after.text == "-"
                and cand.end + 1 < len(doc)
                and doc[cand.end + 1].lower_ in _ABBREVIATION_CONTEXT_AFTER_HYPHEN
            ):
                return True
            if after.tag_ in ("VBD", "VBZ", "VBP", "MD"):
                return True  # the subject of a verb: "said that IS was behind it"
        return before is not None and before.lower_ in _ABBREVIATION_CONTEXT_BEFORE

    def _count_countries(self) -> None:
        """Which countries the article is about: every dictionary match counts once, twice
        in the lead sentence; a dateline says where the reporter is and counts nothing.
        ``state_countries`` counts only what names a state (its names, demonyms, state
        actors and their people): the country whose forces "the army" means."""
        lead = self.doc[self.dateline_end].sent if self.dateline_end < len(self.doc) else None
        for (start, end), cands in self.candidates.items():
            if start < self.dateline_end:
                continue
            if seat_of(self.doc[start:end].root):
                continue  # "the monitor based in Britain": no country of the story
            weight = 2 if lead is not None and lead.start <= start < lead.end else 1
            country, state = self._evidence(cands[0])
            if country:
                self.countries[country] += weight
                if state:
                    self.state_countries[country] += weight

    def _evidence(self, cand: _Candidate) -> tuple[str | None, bool]:
        """(country, whether it names the state) for one dictionary match."""
        if cand.source == "demonym":
            return self.matchers.demonym_targets[cand.pattern][0], True
        if cand.source == "name":
            target = self.matchers.name_targets[cand.pattern]
            if target.country:
                return target.country, True
            actor = self.dictionary.actors.get(target.actor or "")
        else:
            keys = self.matchers.alias_targets[cand.pattern]
            if len(keys) != 1:
                return None, False
            person = self.dictionary.persons.get(keys[0])
            actor = self.dictionary.actors.get(person.affiliation if person else keys[0])
        if actor is None or actor.country is None:
            return None, False
        return actor.country, actor.kind in _STATE_KINDS

    def _actor_country(self, key: str | None) -> str | None:
        actor = self.dictionary.actors.get(key or "")
        return actor.country if actor else None

    def focus_country(self, exclude: Iterable[str | None] = ()) -> str | None:
        skip = set(exclude)
        for country, _ in self.countries.most_common():
            if country not in skip:
                return country
        return None

    def state_focus(self) -> str | None:
        """The state the article is about, if one stands out: the owner of "the army"."""
        ranked = self.state_countries.most_common(2)
        if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
            return None
        return ranked[0][0]

    def _resolve_alias(self, pattern: str) -> str:
        """The one key an alias names; ambiguous aliases go to the article's country."""
        keys = self.matchers.alias_targets[pattern]
        if len(keys) == 1:
            return keys[0]
        original = next((a for a in self.dictionary.ambiguous if pattern in _variants(a)), None)
        ordered = self.dictionary.ambiguous.get(original or "", keys)
        focus = self.focus_country()
        for key in ordered:
            actor = self.dictionary.actors.get(key)
            if actor is not None and actor.country == focus:
                return key
        return ordered[0]

    def _candidate_at(self, start: int | None = None, end: int | None = None) -> _Candidate | None:
        """An unused candidate (not a person alias) starting or ending at a token index."""
        for (first, last), cands in self.candidates.items():
            if (start is not None and first != start) or (end is not None and last != end):
                continue
            if not self._free(first, last):
                continue
            for cand in cands:
                if cand.source == "alias" and self._resolve_alias(cand.pattern).startswith(
                    "person:"
                ):
                    continue
                return cand
        return None

    # ---- entities for candidates

    def _candidate_entity(self, cand: _Candidate, branch: Branch) -> Entity:
        if cand.source == "alias":
            return self.dictionary.actor(self._resolve_alias(cand.pattern)).entity()
        if cand.source == "demonym":
            country = self.matchers.demonym_targets[cand.pattern][0]
            return self.dictionary.state_actor(country, branch).entity()
        target = self.matchers.name_targets[cand.pattern]
        if target.actor is not None:
            return self.dictionary.actor(target.actor).entity()
        assert target.country is not None
        return self.dictionary.state_actor(target.country, branch).entity()

    @staticmethod
    def _candidate_mode(cand: _Candidate) -> LinkMode:
        modes: dict[str, LinkMode] = {"alias": "alias", "demonym": "demonym", "name": "metonym"}
        return modes[cand.source]

    def _candidate_country(self, cand: _Candidate) -> str | None:
        if cand.source == "demonym":
            return self.matchers.demonym_targets[cand.pattern][0]
        if cand.source == "name":
            target = self.matchers.name_targets[cand.pattern]
            return target.country or self._actor_country(target.actor)
        return self._actor_country(self._resolve_alias(cand.pattern))

    def _overlaps_alias(self, start: int, end: int) -> bool:
        return any(
            a < end and start < b and any(c.source == "alias" for c in cands)
            for (a, b), cands in self.candidates.items()
        )

    def _found_at_head(self, head: Token) -> _Found | None:
        """The mention that covers a noun phrase's head, a modifier of it ("Houthi rebels"),
        or the group it is part of ("factions of the Syrian National Army")."""
        positions = [head.i] + [
            child.i for child in head.lefts if child.dep_ in ("compound", "amod", "nmod")
        ]
        if head.lower_ in _BACKED_ARMED_NOUNS or head.lemma_ in _BACKED_ARMED_NOUNS:
            positions += [
                grandchild.i
                for child in head.rights
                if child.dep_ == "prep" and child.lower_ == "of"
                for grandchild in child.children
                if grandchild.dep_ == "pobj"
            ]
        for found in self.found:
            if found.role == "actor" and any(
                found.tokens[0] <= i < found.tokens[1] for i in positions
            ):
                return found
        return None

    def _found_at(self, index: int) -> _Found | None:
        return next((f for f in self.found if f.tokens[0] <= index < f.tokens[1]), None)

    def _covered_by_backer(self, index: int) -> bool:
        return any(f.role == "backer" and f.tokens[0] <= index < f.tokens[1] for f in self.found)

    def _backing_after(self, end: int) -> tuple[bool, Token | None] | None:
        """For "X-backed ..." and "... backed by X": (True, the noun X backs), else None."""
        doc = self.doc
        if end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].lower_ in _BACKING_WORDS:
            word = doc[end + 1]
            head = word.head if word.head.i > word.i else None
            return True, head
        root = doc[end - 1]
        while root.dep_ == "conj" and root.head.i < root.i:
            root = root.head
        preposition = root.head
        if root.dep_ == "pobj" and preposition.lower_ == "by" and preposition.dep_ == "agent":
            verb = preposition.head
            if verb.lemma_.lower() in _BACKING_VERBS:
                if verb.dep_ in ("acl", "relcl") and verb.head.i != verb.i:
                    return True, verb.head  # "militias backed by Iran", "Houthis, who are backed"
                subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
                return True, subject
        return None
