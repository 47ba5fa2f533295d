"""Armed groups the dictionary lacks, recognised by their name's shape."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from crosswire.actors import ActorMention, link_actors
from crosswire.actors.armed_names import arabic_names, display_name, english_formation, name_key

if TYPE_CHECKING:
    from spacy.language import Language


@pytest.fixture(scope="module")
def nlp() -> Language:
    from crosswire.nlp import load_nlp

    return load_nlp()


def link(nlp: Language, text: str) -> list[ActorMention]:
    return link_actors(nlp(text), "art_test")


def named(mentions: list[ActorMention]) -> dict[str, tuple[str, str]]:
    return {m.mention.text: (m.entity.name, m.entity.kind) for m in mentions}


def spans(text: str) -> list[str]:
    return [text[a:b] for a, b, place in arabic_names(text) if not place]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Fighters of Liwa Fursan al-Haq shelled the town.", ["Liwa Fursan al-Haq"]),
        (
            "Jabhat Fateh al-Sham and Jaish al Islam said",
            ["Jabhat Fateh al-Sham", "Jaish al Islam"],
        ),
        ("Harakat Nour al-Din al-Zenki fighters", ["Harakat Nour al-Din al-Zenki"]),
        ("Jaysh Al Fateh Terrorists Killed", ["Jaysh Al Fateh"]),
        ("Jaish al-Islam al-Nusra Front and others", ["Jaish al-Islam"]),
        ("the quarters of Ansar Bustan al-Basha and Sheikh Maqsoud", []),
        ("Ansar al-Haq fighters", ["Ansar al-Haq"]),
    ],
)
def test_names_of_an_arabic_formation_shape_are_found(text: str, expected: list[str]) -> None:
    assert spans(text) == expected


def test_a_street_named_after_a_group_is_a_place() -> None:
    text = "A shell fell on Jaysh al-Islam Street in the town."
    assert [place for _a, _b, place in arabic_names(text)] == [True]


def test_spellings_of_one_name_are_one() -> None:
    assert name_key("Jaish an-Nusra") == name_key("Jaysh al Nusra") == "jaysh al nusra"
    assert display_name("Jeish Al Fatah") == "Jaysh al-Fateh"


@pytest.mark.parametrize(
    ("name", "before", "armed"),
    [
        ("Sultan Murad Brigade", "fighters of the ", True),
        ("Southern Front", "the ", True),
        ("Brigades of the Martyrs", "", True),
        ("4th Division", "the ", False),
        ("Brigade 93", "", False),
        ("Republican Guard Brigade", "the ", False),
        ("Hamza Brigade", "the army's ", False),
        ("Syrian Arab Army", "the ", False),
        ("Observatory", "the ", False),
    ],
)
def test_english_formation_names_exclude_state_units(name: str, before: str, armed: bool) -> None:
    assert english_formation(name, before) is armed


def test_a_group_named_by_its_shape_is_a_rebel_group(nlp: Language) -> None:
    found = named(link(nlp, "Fighters of Liwa Fursan al-Haq shelled the town of Nubl in Syria."))
    assert found["Liwa Fursan al-Haq"] == ("Liwa Fursan al-Haq", "rebel_group")


def test_a_longer_name_is_not_a_known_name_inside_it(nlp: Language) -> None:
    found = named(link(nlp, "Jaysh al-Fateh fighters stormed the town of Abu Duhur in Syria."))
    assert found["Jaysh al-Fateh"] == ("Jaysh al-Fateh", "rebel_group")


def test_another_spelling_of_a_known_group_is_that_group(nlp: Language) -> None:
    found = named(link(nlp, "Jabhat an-Nusra fighters attacked an army post in Syria."))
    assert found["Jabhat an-Nusra"][0] == "Jabhat al-Nusra"


def test_a_group_tied_to_the_state_side_is_not_made_a_rebel(nlp: Language) -> None:
    text = "Pro-government militias of Liwa al-Baqir attacked the town of Nubl in Syria."
    assert named(link(nlp, text)).get("Liwa al-Baqir", ("", ""))[1] != "rebel_group"


def test_a_street_named_after_a_group_is_no_actor(nlp: Language) -> None:
    text = "A shell fell on Jaysh al-Islam Street in the town of Douma in Syria."
    assert "Jaysh al-Islam" not in named(link(nlp, text))


@pytest.mark.parametrize(
    ("text", "short"),
    [
        # A name that opens a longer one, or sits inside one the dateline cut off.
        (
            "The alliance includes the Fateh al-Sham Front, which shelled a village in Syria.",
            "Fateh",
        ),
        ("Gunmen from Fatah al-Intifada shot dead a guard in a camp in Syria.", "Fatah"),
    ],
)
def test_a_short_name_inside_a_longer_one_is_not_that_actor(
    nlp: Language, text: str, short: str
) -> None:
    assert short not in named(link(nlp, text))


def test_a_short_name_alone_is_still_that_actor(nlp: Language) -> None:
    found = named(link(nlp, "A Fatah official and Hamas leaders met in Cairo as talks went on."))
    assert found["Fatah"][0] == "Fatah"
    assert found["Hamas"][0] == "Hamas"
    # Two names whose comma was lost: the first is not read as opening a longer one.
    text = "Fighters of the Syrian branch of al-Qaeda al-Nusra Front died near a town in Syria."
    found = named(link(nlp, text))
    assert found["al-Qaeda"][0] == "Al-Qaeda"
    assert found["al-Nusra Front"][0] == "Jabhat al-Nusra"


def test_the_conquest_coalition_and_the_renamed_nusra_front_are_known(nlp: Language) -> None:
    found = named(link(nlp, "The Army of Conquest seized the town of Abu Duhur in Syria."))
    assert found["Army of Conquest"][0] == "Jaysh al-Fateh"
    found = named(link(nlp, "Jaish al-Fatah fighters stormed the town of Abu Duhur in Syria."))
    assert found["Jaish al-Fatah"][0] == "Jaysh al-Fateh"
    found = named(link(nlp, "The Fateh al-Sham Front shelled the town of Mahardeh in Syria."))
    assert found["Fateh al-Sham Front"][0] == "Jabhat al-Nusra"
