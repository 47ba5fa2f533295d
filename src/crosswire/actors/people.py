"""The persons pass: named persons, their titles and affiliations."""

from __future__ import annotations

from collections.abc import Iterator

from crosswire.actors.context import ContextPass
from crosswire.actors.dictionary import LinkMode
from crosswire.actors.grammar import (
    _has_core_title,
    _is_title_word,
    _Title,
    _title_block_end,
    _title_branch,
)
from crosswire.actors.lexicon import _CORE_TITLES, _FORMER, _POSSESSIVES, _TITLE_MODIFIERS
from crosswire.model import Entity


class PeoplePass(ContextPass):
    """Persons and their titles: "Houthi spokesman Yahya Saree"."""

    # ---- persons and titles

    def _person_spans(self) -> Iterator[tuple[int, int, str | None]]:
        """(start, end, person key or None) for every person the article names."""
        for (start, end), cands in list(self.candidates.items()):
            for cand in cands:
                if cand.source == "alias":
                    key = self._resolve_alias(cand.pattern)
                    if key.startswith("person:"):
                        yield start, end, key
        for ent in self.ents:
            is_person = ent.label_ == "PERSON"
            if not is_person and ent.label_ in ("ORG", "NORP", "GPE") and ent.start > 0:
                # spaCy sometimes labels a titled name an organisation: "spokesman Yahya Saree"
                previous = self.doc[ent.start - 1]
                is_person = previous.lower_ in _CORE_TITLES and all(
                    t.is_title and t.pos_ == "PROPN" for t in ent
                )
            if not is_person:
                continue
            start, end = ent.start, ent.end
            while start < end and (
                self.doc[start].lower_ in _CORE_TITLES
                or self.doc[start].lower_ in _TITLE_MODIFIERS
                or self.doc[start].lower_ == "the"
            ):
                start += 1
            leading = self._candidate_at(start=start)
            if leading is not None and leading.source in ("demonym", "name") and leading.end < end:
                start = leading.end  # "Syrian Bashar al-Assad" labelled as one name
                while start < end and self.doc[start].lower_ in _CORE_TITLES:
                    start += 1
            if end > start and self.doc[end - 1].text in _POSSESSIVES:
                end -= 1
            if start >= end or self._overlaps_alias(start, end) or (start, end) in self.candidates:
                continue  # the dictionary knows better: "Hezbollah" or "Mali" labelled PERSON
            yield start, end, None

    def _link_persons(self) -> None:
        seen: set[tuple[int, int]] = set()
        for start, end, key in self._person_spans():
            if (start, end) in seen or not self._free(start, end):
                continue
            if key is None and (
                start < self.dateline_end or self._reads_as_place(self.doc[start:end])
            ):
                continue  # a town spaCy took for a person: "fled to Muzayrib"
            if key is None and self._no_actor(start, end):
                continue
            seen.add((start, end))
            if key is None and (longer := self._shortened(start, end)) is not None:
                self._add(start, end, longer, "coreference")
                continue
            # Names inside a person's name are no actors: "Jordan" in "Michael Jordan".
            for span_key in [k for k in self.candidates if k[0] < end and start < k[1]]:
                if all(c.source != "alias" for c in self.candidates[span_key]):
                    del self.candidates[span_key]
            title = self._title(start, end)
            affiliation: Entity | None = None
            how: LinkMode = "unlinked"
            if title is not None:
                self.covered.update(title.tokens)
                if title.affiliation is not None and not title.former:
                    cand = title.affiliation
                    affiliation = self._candidate_entity(cand, title.branch)
                    self._add(
                        cand.start,
                        cand.end,
                        affiliation,
                        self._candidate_mode(cand),
                        "affiliation",
                    )
                    how = "title"
            person = self.dictionary.persons.get(key or "")
            if person is not None:
                if affiliation is None:
                    affiliation = self.dictionary.actor(person.affiliation).entity()
                    how = "alias"
                entity = Entity(
                    name=person.name,
                    kind="person",
                    aliases=person.aliases,
                    canonical_key=person.key,
                    country_code=affiliation.country_code,
                    affiliation=affiliation.id,
                )
            else:
                entity = Entity(
                    name=self.doc[start:end].text,
                    kind="person",
                    country_code=affiliation.country_code if affiliation else None,
                    affiliation=affiliation.id if affiliation else None,
                )
            found = self._add(start, end, entity, how)
            found.affiliation = affiliation

    def _title(self, start: int, end: int) -> _Title | None:
        """The title phrase around a person's name, if any: before, after, or in apposition."""
        doc = self.doc
        sentence = doc[start].sent
        # "Houthi spokesman Yahya Saree", "Iraq's Prime Minister ...", "Russia's Putin"
        block_start = start
        while block_start > sentence.start and _is_title_word(doc[block_start - 1]):
            block_start -= 1
        block = range(block_start, start)
        if block and not _has_core_title(doc, block):
            block = range(start, start)
            block_start = start
        owner_end = block_start
        if owner_end > sentence.start and doc[owner_end - 1].text in _POSSESSIVES:
            owner_end -= 1
        elif not block:
            owner_end = -1  # a bare name needs a possessive to take an owner
        owner = self._candidate_at(end=owner_end) if owner_end > 0 else None
        if block and owner is None and end + 1 < sentence.end and doc[end].lower_ == "of":
            # "King Abdullah of Jordan"
            owner = self._candidate_at(start=end + (2 if doc[end + 1].lower_ == "the" else 1))
        if block or owner is not None:
            return _Title(
                tokens=tuple(block),
                affiliation=owner,
                branch=_title_branch(doc, block),
                former=any(doc[i].lower_ in _FORMER for i in block)
                or any(
                    first > 0 and doc[first - 1].lower_ in _FORMER
                    for first in (block_start, owner.start if owner else block_start)
                ),
            )
        # "Yahya Saree, the Houthi military spokesman, said" / "..., a commander of the PMF"
        if end < sentence.end and doc[end].text == ",":
            title = self._title_phrase(end + 1, sentence.end)
            if title is not None:
                return title[0]
        # "The leader of Hezbollah, Hassan Nasrallah, said"
        if start - 1 > sentence.start and doc[start - 1].text == ",":
            for phrase_start in range(max(sentence.start, start - 12), start - 1):
                title = self._title_phrase(phrase_start, start - 1)
                if title is not None and title[1] == start - 1:
                    return title[0]
        return None

    def _title_phrase(self, index: int, limit: int) -> tuple[_Title, int] | None:
        """Parse "[det] [former] (OWNER TITLE | TITLE of [the] [PLACE's] OWNER)" at index."""
        doc = self.doc
        former = False
        while index < limit and doc[index].lower_ in ("a", "an", "the", *_FORMER):
            former = former or doc[index].lower_ in _FORMER
            index += 1
        owner = self._candidate_at(start=index)
        if owner is not None:
            after = owner.end + (
                1 if owner.end < limit and doc[owner.end].text in _POSSESSIVES else 0
            )
            block_end = _title_block_end(doc, after, limit)
            if block_end > after:
                block = range(after, block_end)
                return (
                    _Title(tuple(block), owner, _title_branch(doc, block), former),
                    block_end,
                )
            return None
        block_end = _title_block_end(doc, index, limit)
        if block_end == index:
            return None
        block = range(index, block_end)
        position = block_end
        if position < limit and doc[position].lower_ in ("of", "for", "at"):
            position += 1
            if position < limit and doc[position].lower_ == "the":
                position += 1
            owner = self._candidate_at(start=position)
            if (
                owner is not None
                and owner.source != "alias"
                and owner.end + 1 < limit
                and doc[owner.end].text in _POSSESSIVES
            ):
                # "a commander of Iraq's Popular Mobilization Forces": the group, not Iraq
                inner = self._candidate_at(start=owner.end + 1)
                if inner is not None and inner.source == "alias":
                    owner = inner
            if owner is not None:
                return _Title(tuple(block), owner, _title_branch(doc, block), former), owner.end
        return None
