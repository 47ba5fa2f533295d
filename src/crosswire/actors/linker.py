"""Linking one document: the passes in order, and the public entry point."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from crosswire.actors.descriptions import DescriptionPass
from crosswire.actors.dictionary import ActorDictionary, load_actor_dictionary
from crosswire.actors.forces import ForcesPass
from crosswire.actors.groups import GroupPass
from crosswire.actors.mentions import ActorMention
from crosswire.actors.people import PeoplePass

if TYPE_CHECKING:
    from spacy.tokens import Doc


def link_actors(
    doc: Doc,
    article_id: str,
    dictionary: ActorDictionary | None = None,
    *,
    on: date | None = None,
) -> list[ActorMention]:
    """Every actor mention in ``doc``, each linked to one actor, in text order.

    ``doc`` must come from a pipeline with a parser and NER (``load_nlp()``);
    its text is the article's clean text, so offsets index ``Article.text``.
    ``on`` is the article's date (``published_date(article.published)``): it puts
    state actors in their regime period ("Military Forces of Syria (2024-)").
    """
    if not doc.has_annotation("DEP"):
        raise ValueError("link_actors needs a dependency-parsed Doc (load_nlp() with its parser)")
    dictionary = dictionary or load_actor_dictionary()
    return _DocumentLinker(doc, article_id, dictionary, on).link()


def published_date(published: str | None) -> date | None:
    """``Article.published`` ("2026-03-05", "2026-03" or "2026") as a date: a month
    or a year stands for its middle."""
    if not published:
        return None
    parts = published.split("-")
    try:
        if len(parts) == 1:
            return date(int(parts[0]), 7, 1)
        if len(parts) == 2:
            return date(int(parts[0]), int(parts[1]), 15)
        return date.fromisoformat(published)
    except ValueError:
        return None


class _DocumentLinker(PeoplePass, GroupPass, ForcesPass, DescriptionPass):
    """Links one document: runs the passes in order over the shared state."""

    # ---- driver

    def link(self) -> list[ActorMention]:
        self._collect_candidates()
        self._count_countries()
        self._link_armed_names()  # before persons and aliases: "Jaysh al-Fateh" holds "Fateh"
        self._link_persons()
        self._link_aliases()
        self._link_demonyms()
        self._link_names()
        self._link_hyphenated_backers()
        self._attach_backers(definite=False)
        self._link_communal_militias()
        self._link_categories()
        self._link_ministries()
        self._link_state_forces()
        self._link_unknown_organisations()
        self._link_descriptions()
        self._attach_backers(definite=True)
        self.found.sort(key=lambda f: (f.start, f.end))
        return [self._finish(f) for f in self.found]
