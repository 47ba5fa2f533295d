"""The actor dictionary and the linker that resolves actor mentions to it."""

from __future__ import annotations

import itertools
import tomllib
from collections import defaultdict
from datetime import date
from typing import TYPE_CHECKING, Any

import pycountry
import pytest

from crosswire.actors import (
    KIND_INTER,
    ActorMention,
    default_dictionary_path,
    link_actors,
    load_actor_dictionary,
    parse_actor_dictionary,
    published_date,
)

if TYPE_CHECKING:
    from spacy.language import Language

ARTICLE = "art_test"


@pytest.fixture(scope="module")
def nlp() -> Language:
    from crosswire.nlp import load_nlp

    return load_nlp()


def link(nlp: Language, text: str, on: date | None = None) -> list[ActorMention]:
    return link_actors(nlp(text), ARTICLE, on=on)


def names(mentions: list[ActorMention]) -> list[tuple[str, str]]:
    """(mention text, canonical name) in text order."""
    return [(m.mention.text, m.entity.name) for m in mentions]


def keyed(mentions: list[ActorMention]) -> list[tuple[str, str]]:
    """(mention text, canonical key) in text order."""
    return [(m.mention.text, m.entity.canonical_key) for m in mentions]


def find(mentions: list[ActorMention], text: str) -> ActorMention:
    hits = [m for m in mentions if m.mention.text == text]
    assert len(hits) == 1, f"{text!r} in {keyed(mentions)}"
    return hits[0]


def affiliation_key(mention: ActorMention) -> str | None:
    return mention.affiliation.canonical_key if mention.affiliation else None


def absent(mentions: list[ActorMention], text: str) -> bool:
    return all(text not in m.mention.text for m in mentions)


# --------------------------------------------------------------------------
# The dictionary is well-formed


@pytest.fixture(scope="module")
def raw() -> dict[str, Any]:
    with default_dictionary_path().open("rb") as handle:
        return tomllib.load(handle)


def test_every_actor_entry_is_well_formed(raw: dict[str, Any]) -> None:
    keys = [a["key"] for a in raw["actor"]] + [p["key"] for p in raw["person"]]
    assert len(keys) == len(set(keys)), "duplicate keys"
    states = [s["country"] for s in raw["state"]]
    assert len(states) == len(set(states)), "duplicate states"
    for state in raw["state"]:
        assert pycountry.countries.get(alpha_2=state["country"]) is not None, state["country"]
        assert state["names"] and state["name"]
    for actor in raw["actor"]:
        assert actor["name"] and actor["aliases"], actor["key"]
        assert 1 <= actor["inter"] <= 8, actor["key"]
        assert KIND_INTER[actor["kind"]] == actor["inter"], actor["key"]
        if actor.get("transnational"):
            assert "country" not in actor, actor["key"]
        else:
            assert pycountry.countries.get(alpha_2=actor["country"]) is not None, actor["key"]


def test_parents_affiliations_and_generated_state_actors_resolve() -> None:
    dictionary = load_actor_dictionary()
    for actor in dictionary.actors.values():
        if actor.parent is not None:
            assert actor.parent in dictionary.actors, actor.key
        assert actor.key not in ("", actor.parent)
    for person in dictionary.persons.values():
        assert person.affiliation in dictionary.actors, person.key
    syria = dictionary.state_actor("SY", "mil")
    assert (syria.name, syria.inter, syria.kind) == ("Military Forces of Syria", 1, "military")
    assert dictionary.state_actor("US", "gov").name == "Government of the United States"


def test_no_alias_names_two_actors_unless_declared_ambiguous(raw: dict[str, Any]) -> None:
    dictionary = load_actor_dictionary()
    owners: dict[str, set[str]] = defaultdict(set)
    for actor in dictionary.actors.values():
        for alias in actor.aliases:
            owners[alias.casefold()].add(actor.key)
    for person in dictionary.persons.values():
        for alias in person.aliases:
            owners[alias.casefold()].add(person.key)
    declared = {a["alias"].casefold(): set(a["actors"]) for a in raw["ambiguous"]}
    for alias, keys in owners.items():
        if len(keys) > 1:
            assert declared.get(alias) == keys, f"{alias!r} names {sorted(keys)}"
    for alias, keys in declared.items():
        assert owners[alias] == keys, f"ambiguous {alias!r} does not match its actors"


def test_place_names_and_demonyms_belong_to_one_state(raw: dict[str, Any]) -> None:
    seen: dict[str, str] = {}
    for state in raw["state"]:
        for word in state["names"] + state.get("capitals", []) + state.get("seats", []):
            assert seen.setdefault(word.casefold(), state["country"]) == state["country"], word
    demonyms: dict[str, str] = {}
    for state in raw["state"]:
        for demonym in state["demonyms"]:
            assert demonyms.setdefault(demonym, state["country"]) == state["country"], demonym
    aliases = {a.casefold() for a in load_actor_dictionary().alias_targets()}
    assert not aliases & set(seen), "a place name doubles as an alias"


def test_guarded_abbreviations_are_aliases(raw: dict[str, Any]) -> None:
    aliases = set(load_actor_dictionary().alias_targets())
    assert set(raw["guarded"]) <= aliases


def test_dictionary_size() -> None:
    dictionary = load_actor_dictionary()
    assert len(dictionary.states) >= 60
    named = [a for a in dictionary.actors.values() if a.key[:4] not in ("gov:", "mil:", "pol:")]
    assert len(named) >= 150
    conflicts = {"SY", "IQ", "YE", "LY", "ML", "BF", "NE", "NG", "UA", "RU", "SD", "MM", "AF"}
    conflicts |= {"SO", "IL", "PS", "LB", "MZ", "CD", "ET"}
    powers = {"US", "GB", "FR", "RU", "CN", "TR", "IR", "SA", "AE"}  # P5 and regional powers
    assert conflicts | powers <= set(dictionary.states)


# --------------------------------------------------------------------------
# Aliases


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "alias", "key"),
    [
        (
            "Fighters loyal to the Islamic State overran the checkpoint.",
            "Islamic State",
            "islamic-state",
        ),
        ("A video released by ISIS showed the captives.", "ISIS", "islamic-state"),
        ("Analysts said ISIL had lost most of its territory.", "ISIL", "islamic-state"),
        ("Officials blamed Daesh for the bombing.", "Daesh", "islamic-state"),
        ("Officials blamed Da'esh for the bombing.", "Da'esh", "islamic-state"),
        ("Cells loyal to I.S. remain active in the desert.", "I.S.", "islamic-state"),
        ("The attack was claimed by IS on Friday.", "IS", "islamic-state"),
        ("Jabhat al-Nusra fighters entered the village.", "Jabhat al-Nusra", "jabhat-al-nusra"),
        ("The al-Nusra Front denied the report.", "al-Nusra Front", "jabhat-al-nusra"),
        ("Reinforcements were sent by JN to the front.", "JN", "jabhat-al-nusra"),
        ("Commanders of the al Nusra Front met in Idlib.", "al Nusra Front", "jabhat-al-nusra"),
        ("Hezbollah fired a salvo of rockets.", "Hezbollah", "hezbollah"),
        ("Hizballah fired a salvo of rockets.", "Hizballah", "hezbollah"),
        ("Hizbollah fired a salvo of rockets.", "Hizbollah", "hezbollah"),
        ("Ansar Allah claimed the attack on the tanker.", "Ansar Allah", "houthis"),
        ("HTS took control of the crossing.", "HTS", "hts"),
        ("Units of the Hashd al-Shaabi moved north.", "Hashd al-Shaabi", "pmf"),
        ("The Tatmadaw bombed a school in Sagaing.", "Tatmadaw", "mil:MM"),
        ("The Rapid Support Forces shelled El Fasher.", "Rapid Support Forces", "rsf"),
    ],
)
def test_alias_families_link_to_one_actor(nlp: Language, text: str, alias: str, key: str) -> None:
    mention = find(link(nlp, text), alias)
    assert mention.entity.canonical_key == key
    assert mention.how == "alias"


@pytest.mark.slow
def test_the_is_trap(nlp: Language) -> None:
    mentions = link(nlp, "It IS clear that the ceasefire IS holding, officials said.")
    assert absent(mentions, "IS")
    mentions = link(nlp, "IS fighters stormed the prison, and the raid was later claimed by IS.")
    assert [k for t, k in keyed(mentions) if t == "IS"] == ["islamic-state", "islamic-state"]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "links"),
    [
        ("The IS group claimed the bombing.", True),
        ("Witnesses said that IS was behind the blast.", True),
        ("Nothing IS certain after the vote.", False),
        ("He said that IS true of every truce.", False),
        ("IT IS TIME TO ACT, THE BANNER READ.", False),
    ],
)
def test_is_reads_as_the_group_only_where_it_can(nlp: Language, text: str, links: bool) -> None:
    found = [m for m in link(nlp, text) if m.mention.text == "IS"]
    assert [m.entity.canonical_key for m in found] == (["islamic-state"] if links else [])


@pytest.mark.slow
def test_guarded_abbreviations_need_context(nlp: Language) -> None:
    mentions = link(nlp, "The shop sold AA batteries and PDF readers.")
    assert not {m.entity.canonical_key for m in mentions} & {"arakan-army", "pdf-myanmar"}
    mentions = link(nlp, "The Arakan Army (AA) captured the town. AA fighters held the port.")
    assert [k for t, k in keyed(mentions) if t == "AA"] == ["arakan-army", "arakan-army"]


@pytest.mark.slow
def test_capitalised_alias_words_must_be_capitalised(nlp: Language) -> None:
    assert absent(link(nlp, "The preacher called for an Islamic state in the region."), "Islamic")
    mention = find(link(nlp, "Forces of the Islamic State retreated."), "Islamic State")
    assert mention.entity.canonical_key == "islamic-state"


@pytest.mark.slow
def test_ambiguous_alias_follows_the_article_country(nlp: Language) -> None:
    syria = link(nlp, "SDF fighters detained suspects near Raqqa in northern Syria.")
    assert find(syria, "SDF").entity.canonical_key == "sdf"
    japan = link(nlp, "Japan said the SDF would join drills off Okinawa with Japanese ships.")
    assert find(japan, "SDF").entity.canonical_key == "mil:JP"
    mozambique = link(nlp, "Insurgents called al-Shabaab by residents raided a port in Mozambique.")
    assert find(mozambique, "al-Shabaab").entity.canonical_key == "is-mozambique"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "label", "key", "how"),
    [
        ("Hezbollah fired rockets at an army post on Sunday.", "PERSON", "hezbollah", "alias"),
        ("Houthi fighters seized the port on Sunday.", "NORP", "houthis", "alias"),
        ("Mali expelled the envoy on Sunday.", "PERSON", "gov:ML", "metonym"),
    ],
)
def test_spacy_label_errors_give_way_to_the_dictionary(
    nlp: Language, text: str, label: str, key: str, how: str
) -> None:
    from spacy.tokens import Span

    doc = nlp(text)
    doc.ents = [Span(doc, 0, 1, label=label)]  # mistakes spaCy sometimes makes
    mentions = link_actors(doc, ARTICLE)
    assert (mentions[0].entity.canonical_key, mentions[0].how) == (key, how)
    assert all(m.entity.kind != "person" for m in mentions)


# --------------------------------------------------------------------------
# Demonyms


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "mention", "key"),
    [
        ("Turkish drones hit a fuel depot overnight.", "Turkish drones", "mil:TR"),
        ("Russian jets pounded the outskirts of the town.", "Russian jets", "mil:RU"),
        ("Syrian troops entered the village at dawn.", "Syrian troops", "mil:SY"),
        ("Yemeni government forces retook the district.", "Yemeni government forces", "mil:YE"),
        ("Syrian officials declined to comment.", "Syrian officials", "gov:SY"),
        ("Iraqi police fired tear gas at the crowd.", "Iraqi police", "pol:IQ"),
        ("Iraqi protesters blocked the bridge.", "Iraqi protesters", "protesters:IQ"),
        ("Palestinian gunmen opened fire on a checkpoint.", "Palestinian gunmen", "uag:PS"),
    ],
)
def test_demonyms_stand_for_forces(nlp: Language, text: str, mention: str, key: str) -> None:
    found = find(link(nlp, text), mention)
    assert (found.entity.canonical_key, found.how) == (key, "demonym")


@pytest.mark.slow
def test_two_demonyms_share_one_noun(nlp: Language) -> None:
    mentions = link(nlp, "French and Egyptian warships began joint drills on Monday.")
    assert keyed(mentions) == [("French", "mil:FR"), ("Egyptian warships", "mil:EG")]


@pytest.mark.slow
def test_demonyms_that_stand_for_no_actor_stay_unlinked(nlp: Language) -> None:
    assert link(nlp, "Syrian refugees crossed into Lebanon with Syrian food.") == []


@pytest.mark.slow
def test_backed_by_a_state(nlp: Language) -> None:
    mentions = link(nlp, "Iranian-backed militias shelled a base in eastern Syria.")
    backer = find(mentions, "Iranian")
    assert (backer.entity.canonical_key, backer.role, backer.how) == ("gov:IR", "backer", "demonym")
    militia = find(mentions, "militias")
    assert militia.entity.canonical_key == "uag:SY"  # the militia's country, not the backer's
    assert [e.canonical_key for e in militia.backed_by] == ["gov:IR"]

    mentions = link(nlp, "Fighters of the Houthis, who are backed by Iran, seized a ship.")
    assert [e.canonical_key for e in find(mentions, "Houthis").backed_by] == ["gov:IR"]
    assert find(mentions, "Iran").role == "backer"


# --------------------------------------------------------------------------
# Titles and persons


@pytest.mark.slow
def test_title_before_a_name(nlp: Language) -> None:
    mentions = link(nlp, "Syrian President Bashar al-Assad met his generals on Monday.")
    person = find(mentions, "Bashar al-Assad")
    assert (person.entity.kind, person.how) == ("person", "title")
    assert person.affiliation is not None
    assert person.affiliation.canonical_key == "gov:SY"
    assert person.entity.affiliation == person.affiliation.id
    affiliation = find(mentions, "Syrian")
    assert (affiliation.role, affiliation.entity.canonical_key) == ("affiliation", "gov:SY")


@pytest.mark.slow
def test_group_spokesman_and_military_titles(nlp: Language) -> None:
    mentions = link(nlp, "Houthi spokesman Yahya Saree said the missiles hit two ships.")
    person = find(mentions, "Yahya Saree")
    assert person.entity.canonical_key == ""  # not in the dictionary, linked by the title
    assert person.affiliation is not None and person.affiliation.canonical_key == "houthis"
    mentions = link(nlp, "Israeli army spokesman Avi Ronen said the strike hit a depot.")
    assert affiliation_key(find(mentions, "Avi Ronen")) == "mil:IL"


@pytest.mark.slow
def test_title_in_apposition(nlp: Language) -> None:
    text = (
        "Abu Karrar al-Lami, a commander of Iraq's Popular Mobilization Forces, "
        "said his men were ready."
    )
    mentions = link(nlp, text)
    person = find(mentions, "Abu Karrar al-Lami")
    assert person.affiliation is not None and person.affiliation.canonical_key == "pmf"
    assert absent(mentions, "Iraq")
    mentions = link(nlp, "The leader of Hezbollah, Hassan Nasrallah, warned of a long war.")
    assert affiliation_key(find(mentions, "Hassan Nasrallah")) == "hezbollah"


@pytest.mark.slow
def test_former_office_is_no_affiliation(nlp: Language) -> None:
    mentions = link(nlp, "Former Iraqi Prime Minister Adel Kareem spoke to students.")
    person = find(mentions, "Adel Kareem")
    assert person.affiliation is None and person.entity.affiliation is None
    assert absent(mentions, "Iraqi")


@pytest.mark.slow
def test_unknown_person_and_organisation_stay_unlinked(nlp: Language) -> None:
    mentions = link(nlp, "Maria Okafor of the Northbridge Tractor Company said sales fell.")
    org = find(mentions, "Northbridge Tractor Company")
    assert (org.entity.kind, org.entity.canonical_key, org.how) == ("organisation", "", "unlinked")
    person = find(mentions, "Maria Okafor")
    assert (person.entity.kind, person.entity.canonical_key, person.how) == (
        "person",
        "",
        "unlinked",
    )


# --------------------------------------------------------------------------
# Metonyms


@pytest.mark.slow
def test_capital_as_actor_but_not_as_place(nlp: Language) -> None:
    mentions = link(nlp, "Moscow said the talks would resume. Diplomats met in Moscow.")
    assert keyed(mentions) == [("Moscow", "gov:RU")]
    assert mentions[0].how == "metonym"
    assert link(nlp, "Heavy fighting was reported near Damascus on Sunday.") == []


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "mention", "key"),
    [
        ("The Kremlin denied any role in the crash.", "Kremlin", "gov:RU"),
        ("The Pentagon announced new aid.", "Pentagon", "gov:US"),
        ("Europe resumed talks with Tehran last week.", "Tehran", "gov:IR"),
        ("Washington urged Ankara to show restraint.", "Ankara", "gov:TR"),
        ("Beijing's response was muted.", "Beijing", "gov:CN"),
        ("Tel Aviv warned of retaliation.", "Tel Aviv", "gov:IL"),
        ("Russia launched a wave of missiles overnight.", "Russia", "mil:RU"),
        ("Riyadh and Abu Dhabi condemned the attack.", "Abu Dhabi", "gov:AE"),
    ],
)
def test_metonyms_in_actor_positions(nlp: Language, text: str, mention: str, key: str) -> None:
    found = find(link(nlp, text), mention)
    assert (found.entity.canonical_key, found.how) == (key, "metonym")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "mention", "key"),
    [
        ("Talks with the Kabul government stalled.", "Kabul government", "gov:AF"),
        ("Putin called the president of Armenia on Friday.", "Armenia", "gov:AM"),
        ("The army of Chad moved north.", "Chad", "mil:TD"),
    ],
)
def test_place_names_modifying_actor_nouns(
    nlp: Language, text: str, mention: str, key: str
) -> None:
    assert find(link(nlp, text), mention).entity.canonical_key == key


@pytest.mark.slow
def test_capital_in_a_place_position_is_no_actor(nlp: Language) -> None:
    assert link(nlp, "The envoy arrived in Jerusalem and later flew to Tel Aviv.") == []


@pytest.mark.slow
def test_place_name_inside_another_name_is_no_actor(nlp: Language) -> None:
    mentions = link(nlp, "The Moscow Times said the talks failed.")
    assert "gov:RU" not in {m.entity.canonical_key for m in mentions}


# --------------------------------------------------------------------------
# Coreference and generic actors


@pytest.mark.slow
def test_description_points_back_to_a_compatible_actor(nlp: Language) -> None:
    text = (
        "Jaysh al-Islam fighters shelled the town. Syrian officials condemned the attack. "
        "The group later said it had hit an arms depot, and the regime denied it."
    )
    mentions = link(nlp, text)
    group = find(mentions, "The group")
    assert (group.entity.canonical_key, group.how) == ("jaysh-al-islam", "coreference")
    assert group.antecedent is not None and group.antecedent.text == "Jaysh al-Islam"
    assert find(mentions, "the regime").entity.canonical_key == "gov:SY"


@pytest.mark.slow
def test_description_may_point_back_to_an_unknown_organisation(nlp: Language) -> None:
    text = (
        "Hamas fighters clashed with troops. The Kestrel Monitoring Network, a watchdog, "
        "counted the dead. The group said nine people were killed."
    )
    group = find(link(nlp, text), "The group")
    assert (group.entity.kind, group.entity.canonical_key) == ("organisation", "")


@pytest.mark.slow
def test_coalition_points_back_to_a_coalition(nlp: Language) -> None:
    text = (
        "The Saudi-led coalition struck Hodeidah port. The coalition said the strikes hit depots."
    )
    coalition = find(link(nlp, text), "The coalition")
    assert coalition.entity.canonical_key == "saudi-led-coalition"


@pytest.mark.slow
def test_description_without_antecedent_stays_unlinked(nlp: Language) -> None:
    mentions = link(nlp, "The regime said the militants had fled. Hamas denied it.")
    assert absent(mentions, "regime") and absent(mentions, "militants")
    # a rebel group is no antecedent for "the regime"
    assert absent(link(nlp, "Hamas said the regime was to blame."), "regime")


@pytest.mark.slow
def test_generic_actors_take_the_article_country(nlp: Language) -> None:
    mentions = link(nlp, "Protesters marched in Baghdad, Iraq, and gunmen fired on civilians.")
    assert keyed(mentions) == [
        ("Protesters", "protesters:IQ"),
        ("gunmen", "uag:IQ"),
        ("civilians", "civilians:IQ"),
    ]
    assert {m.how for m in mentions} == {"category"}
    assert find(mentions, "Protesters").entity.name == "Protesters (Iraq)"


@pytest.mark.slow
def test_mentions_carry_entities_and_offsets(nlp: Language) -> None:
    text = "Syrian troops and Hezbollah fighters advanced while Moscow said little."
    mentions = link(nlp, text)
    assert mentions == sorted(mentions, key=lambda m: m.mention.start)
    for m in mentions:
        assert text[m.mention.start : m.mention.end] == m.mention.text
        assert m.mention.article == ARTICLE
        assert m.entity.mentions == ()
    hezbollah = find(mentions, "Hezbollah").entity
    assert (hezbollah.inter_code, hezbollah.country_code) == (2, "LB")
    assert "Hizballah" in hezbollah.aliases


@pytest.mark.slow
def test_dateline_is_no_organisation(nlp: Language) -> None:
    mentions = link(nlp, "IDLIB, Syria - Syrian troops shelled two villages on Monday.")
    assert {m.entity.kind for m in mentions} == {"military"}


def test_link_actors_needs_a_parsed_doc() -> None:
    import spacy

    with pytest.raises(ValueError, match="parsed"):
        link_actors(spacy.blank("en")("Moscow said so."), ARTICLE)


# --------------------------------------------------------------------------
# Regime periods


def test_periods_are_ordered_and_labelled_by_their_years() -> None:
    dictionary = load_actor_dictionary()
    assert {"SY", "YE", "LY", "SD", "AF", "MM"} <= set(dictionary.periods)
    for country, periods in dictionary.periods.items():
        for earlier, later in itertools.pairwise(periods):
            assert earlier.end is not None and earlier.end <= later.start, country
        for period in periods:
            end = str(period.end.year) if period.end else ""
            assert period.label == f"{period.start.year}-{end}", (country, period.label)
            for key in period.keys.values():
                assert dictionary.actor(key).country == country


def test_state_actor_takes_the_period_that_covers_the_date() -> None:
    dictionary = load_actor_dictionary()
    syria = dictionary.state_actor
    assert syria("SY", "mil", date(2025, 6, 1)).name == "Military Forces of Syria (2024-)"
    assert syria("SY", "gov", date(2013, 6, 1)).name == "Government of Syria (2000-2024)"
    assert syria("SY", "pol", date(2024, 12, 8)).key == "pol:SY@2024-"  # the day Assad fell
    assert syria("SY", "mil").name == "Military Forces of Syria"  # no date, no period
    assert syria("SY", "mil", date(1990, 1, 1)).name == "Military Forces of Syria"
    assert syria("FR", "mil", date(2025, 1, 1)).name == "Military Forces of France"
    # Libya's government in a period is a named actor; its police keep the period name.
    assert syria("LY", "gov", date(2023, 1, 1)).key == "gnu"
    assert syria("LY", "gov", date(2018, 1, 1)).key == "gna"
    assert syria("LY", "pol", date(2023, 1, 1)).name == "Police Forces of Libya (2021-)"


def test_dated_leaves_other_actors_alone() -> None:
    dictionary = load_actor_dictionary()
    on = date(2025, 1, 1)
    for key in ("hts", "mil:SY@2000-2024", "gov:FR"):
        entity = dictionary.actor(key).entity()
        assert dictionary.dated(entity, on) is entity
    undated = dictionary.actor("gov:SY").entity()
    assert dictionary.dated(undated, on).canonical_key == "gov:SY@2024-"
    assert dictionary.dated(undated, None) is undated


def test_overlapping_periods_are_refused() -> None:
    state = {
        "country": "ZZ",
        "name": "Zedland",
        "names": ["Zedland"],
        "period": [
            {"label": "2000-2010", "start": date(2000, 1, 1), "end": date(2010, 1, 1)},
            {"label": "2005-", "start": date(2005, 1, 1)},
        ],
    }
    with pytest.raises(ValueError, match="overlap"):
        parse_actor_dictionary({"state": [state]})


@pytest.mark.parametrize(
    ("published", "day"),
    [
        ("2025-02-03", date(2025, 2, 3)),
        ("2025-02", date(2025, 2, 15)),
        ("2025", date(2025, 7, 1)),
        (None, None),
        ("sometime", None),
    ],
)
def test_published_date(published: str | None, day: date | None) -> None:
    assert published_date(published) == day


@pytest.mark.slow
def test_the_article_date_picks_the_period(nlp: Language) -> None:
    text = "Syrian troops shelled the village on Monday."
    assert keyed(link(nlp, text, on=date(2025, 5, 1))) == [("Syrian troops", "mil:SY@2024-")]
    assert keyed(link(nlp, text, on=date(2019, 5, 1))) == [("Syrian troops", "mil:SY@2000-2024")]
    assert keyed(link(nlp, text)) == [("Syrian troops", "mil:SY")]


@pytest.mark.slow
def test_a_year_in_the_clause_picks_the_period(nlp: Language) -> None:
    on = date(2026, 1, 10)
    mentions = link(nlp, "Syrian officials said the army recaptured the city in 2014.", on=on)
    assert keyed(mentions) == [
        ("Syrian officials", "gov:SY@2024-"),  # they speak now
        ("the army", "mil:SY@2000-2024"),  # it fought then
    ]
    before = link(nlp, "Residents said Damascus had jailed them before 2025.", on=on)
    assert find(before, "Damascus").entity.canonical_key == "gov:SY@2000-2024"
    within = link(nlp, "Residents said Damascus had jailed them in 2025.", on=on)
    assert find(within, "Damascus").entity.canonical_key == "gov:SY@2024-"
    since = link(nlp, "Damascus has ruled the province since 2018, officials said.", on=on)
    assert find(since, "Damascus").entity.canonical_key == "gov:SY@2024-"


@pytest.mark.slow
def test_names_of_one_regime_keep_their_period(nlp: Language) -> None:
    mentions = link(
        nlp, "The Syrian Arab Army and the Assad regime were blamed.", on=date(2026, 1, 1)
    )
    assert keyed(mentions) == [
        ("Syrian Arab Army", "mil:SY@2000-2024"),
        ("Assad regime", "gov:SY@2000-2024"),
    ]
    assert find(mentions, "Syrian Arab Army").entity.name == "Military Forces of Syria (2000-2024)"


@pytest.mark.slow
def test_a_persons_affiliation_is_dated_too(nlp: Language) -> None:
    mentions = link(nlp, "Yemeni President Ali Nasser met envoys in Aden.", on=date(2025, 1, 1))
    person = find(mentions, "Ali Nasser")
    assert affiliation_key(person) == "gov:YE@2022-"
    assert person.affiliation is not None and person.entity.affiliation == person.affiliation.id


# --------------------------------------------------------------------------
# Generic state forces, ministries and the article's context


@pytest.mark.slow
def test_generic_forces_belong_to_the_articles_state(nlp: Language) -> None:
    text = (
        "Police in Kenya arrested twelve men on Monday. Security forces later sealed off "
        "the market, and troops patrolled the main road."
    )
    assert keyed(link(nlp, text)) == [
        ("Police", "pol:KE"),
        ("Security forces", "pol:KE"),
        ("troops", "mil:KE"),
    ]
    assert {m.how for m in link(nlp, text)} == {"context"}


@pytest.mark.slow
def test_generic_forces_follow_the_country_the_sentence_is_set_in(nlp: Language) -> None:
    text = (
        "Iraqi officials met in Baghdad on Sunday. Iraqi lawmakers objected. "
        "In Syria, government forces shelled a village."
    )
    assert find(link(nlp, text), "government forces").entity.canonical_key == "mil:SY"


@pytest.mark.slow
def test_generic_forces_need_a_state(nlp: Language) -> None:
    assert link(nlp, "Government forces advanced on the town at dawn.") == []
    text = (
        "Egyptian officials met on Sunday. Rebel forces and an enemy army were seen, and its troops"
    )
    mentions = link(nlp, text + " left.")
    assert absent(mentions, "forces") and absent(mentions, "army") and absent(mentions, "troops")


@pytest.mark.slow
def test_generic_nouns_modifying_other_nouns(nlp: Language) -> None:
    text = "Turkish officials said army units and police vehicles entered the district."
    assert keyed(link(nlp, text))[1:] == [("army units", "mil:TR"), ("police vehicles", "pol:TR")]


@pytest.mark.slow
def test_the_army_with_no_antecedent_is_the_articles_state(nlp: Language) -> None:
    text = "Shelling hit Idlib overnight, Syrian state media reported. The army said it hit depots."
    army = find(link(nlp, text), "The army")
    assert (army.entity.canonical_key, army.how) == ("mil:SY", "context")
    # two states in equal measure: no guess
    text = "Israeli and Lebanese officials met on Monday. The army said it hit depots."
    assert absent(link(nlp, text), "army")


@pytest.mark.slow
def test_the_recognised_government_is_the_states(nlp: Language) -> None:
    text = "Gulf states back the internationally recognised government in Aden."
    found = find(link(nlp, text), "the internationally recognised government")
    assert found.entity.canonical_key == "gov:YE"


@pytest.mark.slow
def test_demonym_security_forces_are_police(nlp: Language) -> None:
    found = find(link(nlp, "Libyan security forces dispersed the crowd."), "Libyan security forces")
    assert found.entity.canonical_key == "pol:LY"


@pytest.mark.slow
def test_ministries_are_their_states_government(nlp: Language) -> None:
    text = "Clashes erupted in Nigeria on Friday. The Defence Ministry said order was restored."
    assert find(link(nlp, text), "Defence Ministry").entity.canonical_key == "gov:NG"
    text = "Kenya's Interior Ministry said a curfew would hold."
    assert find(link(nlp, text), "Interior Ministry").entity.canonical_key == "gov:KE"
    text = "Yemeni officials met. A Foreign Ministry official told reporters the talks failed."
    assert find(link(nlp, text), "Foreign Ministry").entity.canonical_key == "gov:YE"


@pytest.mark.slow
def test_a_ministry_run_by_a_non_state_actor_is_not_the_governments(nlp: Language) -> None:
    for text in (
        "Yemeni officials met. The Houthi-run health ministry said nine people died.",
        "Israeli jets struck overnight. The health ministry in Gaza, run by Hamas, said 12 died.",
    ):
        ministries = [m for m in link(nlp, text) if "ministry" in m.mention.text]
        assert all(m.entity.kind not in ("government", "military") for m in ministries), text


@pytest.mark.slow
def test_a_capital_relying_on_deals_is_its_government(nlp: Language) -> None:
    found = find(link(nlp, "Damascus has relied on local deals to hold the south."), "Damascus")
    assert found.entity.canonical_key == "gov:SY"
    assert absent(link(nlp, "Syria relies on imported wheat."), "Syria")
    found = find(
        link(nlp, "Fighters who joined the amnesty deal with Baghdad surrendered."), "Baghdad"
    )
    assert found.entity.canonical_key == "gov:IQ"


@pytest.mark.slow
def test_coalition_jets_belong_to_the_coalition_fighting_there(nlp: Language) -> None:
    yemen = link(nlp, "Coalition jets struck a bridge near Sanaa, Yemeni officials said.")
    assert find(yemen, "Coalition").entity.canonical_key == "saudi-led-coalition"
    iraq = link(nlp, "Coalition jets struck a bridge near Mosul, Iraqi officials said.")
    assert find(iraq, "Coalition").entity.canonical_key == "us-led-coalition"
    assert absent(link(nlp, "Coalition jets struck a bridge, officials said."), "Coalition")


@pytest.mark.slow
def test_dateline_place_is_no_actor(nlp: Language) -> None:
    mentions = link(nlp, "KABUL, Afghanistan — Officials said the talks had stalled.")
    assert mentions == []


# --------------------------------------------------------------------------
# Communal militias


@pytest.mark.slow
def test_gunmen_from_a_town_are_its_communal_militia(nlp: Language) -> None:
    text = "Gunmen from Kafr Nabl attacked a checkpoint in Syria's Idlib province on Monday."
    militia = find(link(nlp, text), "Gunmen")
    assert militia.entity.name == "Kafr Nabl Communal Militia (Syria)"
    assert (militia.entity.kind, militia.entity.inter_code) == ("identity_militia", 4)
    assert militia.entity.canonical_key == "communal:SY:kafr nabl"


@pytest.mark.slow
def test_local_fighters_take_the_town_from_the_sentence_before(nlp: Language) -> None:
    text = (
        "Syrian troops entered Inkhil at dawn. Local fighters opened fire from rooftops. "
        "Clashes between the army and local ex-rebels lasted hours."
    )
    mentions = link(nlp, text)
    assert names(mentions)[1:] == [
        ("Local fighters", "Inkhil Communal Militia (Syria)"),
        ("the army", "Military Forces of Syria"),
        ("local ex-rebels", "Inkhil Communal Militia (Syria)"),
    ]


@pytest.mark.slow
def test_no_place_no_communal_militia(nlp: Language) -> None:
    text = "Local fighters opened fire on the convoy, Syrian officials said."
    assert all("Communal" not in m.entity.name for m in link(nlp, text))
    text = "Rebels in Darfur attacked a convoy, Sudanese officials said."
    assert all("Communal" not in m.entity.name for m in link(nlp, text))


# --------------------------------------------------------------------------
# Names that are no actors (issue 8): outlets, furniture, dates, bare places


@pytest.mark.parametrize(
    ("text", "junk"),
    [
        ("Rebels shelled the town, a resident told Sputnik by telephone.", "Sputnik"),
        ("Five people were killed, the Syrian Arab News Agency said.", "Syrian Arab News Agency"),
        ("Government forces shelled the district, Press TV reported.", "Press TV"),
        ("Tags Syria Idlib Aleppo. Rebels attacked an army post.", "Tags Syria Idlib Aleppo"),
        ("Video of the strike was posted on Youtube by activists.", "Youtube"),
    ],
)
def test_outlets_and_furniture_are_no_actors(nlp: Language, text: str, junk: str) -> None:
    mentioned = [m.mention.text for m in link(nlp, text)]
    assert all(junk not in found and found not in junk for found in mentioned), mentioned


def test_an_outlet_word_alone_does_not_make_an_outlet() -> None:
    from crosswire.actors.nonactors import is_outlet_name

    assert is_outlet_name("Anadolu Agency") and is_outlet_name("Ariha Today")
    assert not is_outlet_name("Kestrel Monitoring Network")
    assert not is_outlet_name("International Atomic Energy Agency")


def test_generic_victims_take_the_country_the_event_is_set_in(nlp: Language) -> None:
    text = (
        "Russia said its jets hit targets. Russian warplanes struck the Syrian city of Raqqa, "
        "killing 12 civilians. Russia denied the reports and Russian officials said more."
    )
    assert find(link(nlp, text), "civilians").entity.name == "Civilians (Syria)"


def test_a_possessive_that_lost_its_apostrophe_still_links(nlp: Language) -> None:
    mentions = link(nlp, "Assads forces shelled the town as Hezbollahs fighters advanced.")
    assert find(mentions, "Hezbollahs").entity.canonical_key == "hezbollah"
    assert find(mentions, "Assads").entity.name == "Bashar al-Assad"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Rebels shelled the Qatrji neighbourhood, killing four.", "Qatrji"),
        ("Jets struck Kafr Batna in Idlib province on Monday.", "Kafr Batna"),
        ("The army announced the capture of Tal Hamdan after a week of fighting.", "Tal Hamdan"),
    ],
)
def test_districts_and_villages_are_no_actors(nlp: Language, text: str, place: str) -> None:
    assert all(place not in m.mention.text for m in link(nlp, text)), keyed(link(nlp, text))


def test_a_body_placed_in_a_town_stays_an_actor(nlp: Language) -> None:
    text = "The Department of Education in Idlib closed the schools, officials said."
    assert any(m.mention.text == "Department of Education" for m in link(nlp, text))


def test_a_district_after_the_arabic_article_is_no_actor(nlp: Language) -> None:
    text = "Rebels fired rocket shells at al-Hamadaniya neighbourhood, killing two."
    assert all("Hamadaniya" not in m.mention.text for m in link(nlp, text))


def test_a_shortened_name_is_the_name_given_before(nlp: Language) -> None:
    text = (
        "The Syrian Observatory for Human Rights said 12 people died. Observatory head "
        "Rami Abdel Rahman said the toll may rise. The Observatory said jets struck twice, "
        "Abdel Rahman added."
    )
    mentions = link(nlp, text)
    observatory = [m for m in mentions if m.mention.text == "Observatory"]
    assert observatory
    assert {m.entity.name for m in observatory} == {"Syrian Observatory for Human Rights"}
    assert find(mentions, "Abdel Rahman").entity.name == "Rami Abdel Rahman"
