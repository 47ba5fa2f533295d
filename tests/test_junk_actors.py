"""Junk actor names: section headings run into the next line, lowercase words, weekdays."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from crosswire.actors import link_actors, load_actor_dictionary
from crosswire.nlp import load_fast_nlp
from crosswire.nlp.headings import is_heading, split_at_line_breaks

if TYPE_CHECKING:
    from spacy.language import Language


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_fast_nlp()


def actor_names(nlp: Language, text: str) -> list[str]:
    doc = split_at_line_breaks(nlp(text))
    return [m.entity.name for m in link_actors(doc, "a1", load_actor_dictionary())]


ROUNDUP = (
    "Troops pressed on in several provinces on Friday.\n"
    "Homs\n"
    "Army units killed a number of gunmen in the northern countryside of the province.\n"
    "Hama\n"
    "Army units destroyed a vehicle near the town."
)


def test_a_heading_line_is_cut_off_the_name_after_it(nlp: Language) -> None:
    ents = [e.text for e in split_at_line_breaks(nlp(ROUNDUP)).ents]
    assert not any("\n" in e for e in ents)
    assert "Homs\nArmy" not in ents and "Hama\nArmy" not in ents


def test_a_heading_glued_to_the_next_sentence_is_no_actor(nlp: Language) -> None:
    text = (
        "Troops pressed on in several provinces on Friday, a source said. Homs Army units "
        "killed a number of gunmen in the countryside. Later Homs was quiet."
    )
    names = actor_names(nlp, text)
    assert "Homs Army" not in names
    assert "Homs Army" not in actor_names(nlp, ROUNDUP)


def test_real_names_before_and_across_lines_are_kept(nlp: Language) -> None:
    names = actor_names(
        nlp, "The fighting went on. Aleppo Police Command said two people died on Friday."
    )
    assert "Aleppo Police Command" in names
    assert "Free Syrian Army" in actor_names(nlp, "The Free Syrian Army units attacked the town.")


def test_a_wrapped_name_is_no_heading(nlp: Language) -> None:
    doc = nlp("Fighters of the\nFree Syrian Army said so.")
    assert not is_heading(doc[0:3])  # a line with a verb-less lowercase run
    assert not is_heading(doc[0:2])  # not a whole line


def test_lowercase_words_are_never_actors(nlp: Language) -> None:
    text = "Several warplanes struck the market, and mosques announced the deaths on Friday."
    names = actor_names(nlp, text)
    assert not any(name.islower() for name in names)


def test_weekday_and_month_abbreviations_are_no_actors(nlp: Language) -> None:
    from crosswire.actors.nonactors import non_actor_reason

    doc = nlp("Posted Sun Apr 9 by the desk.")
    assert non_actor_reason(doc[1:3]) == "temporal"


def test_a_lone_heading_before_a_sentence_is_no_actor(nlp: Language) -> None:
    from crosswire.actors.nonactors import lone_heading

    doc = nlp("Five people were hurt. Homs In a statement the governor said the road was shut.")
    assert lone_heading(doc[5:6], ["SY"])
    hasaka = nlp("Five people were hurt. Hasaka In a statement the governor said so.")
    assert lone_heading(hasaka[5:6], [])  # a city by another spelling, countries unknown
    assert not lone_heading(nlp("Homs is calm. In a statement ...")[0:1], ["SY"])


def test_a_country_whose_war_is_the_setting_is_no_government(nlp: Language) -> None:
    """A country's civil war says where; its ministry still acts."""
    setting = "Mercenaries have fought in Chad's long civil war since 2019, the report said."
    assert "Government of Chad" not in " ".join(actor_names(nlp, setting))
    setting = "Two militias joined in Chad's war last year."
    assert "Government of Chad" not in " ".join(actor_names(nlp, setting))
    party = "Chad's ministry of defence said the convoy was attacked on Monday."
    assert any("Chad" in name for name in actor_names(nlp, party))
