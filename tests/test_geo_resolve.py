"""Ranking and resolution through spaCy and the real gazetteer."""

from __future__ import annotations

import pytest

from crosswire.geo import GeoResult, Toponym, link_containers, resolve_places, resolve_toponyms
from crosswire.geo.recognize import Recognized, Recognizer
from crosswire.geo.resolve import haversine_km
from crosswire.nlp import load_nlp

pytestmark = pytest.mark.slow


def _run(text: str) -> GeoResult:
    return resolve_places(load_nlp()(text), "art_test")


def _place(result: GeoResult, surface: str) -> tuple[str, str | None, str | None]:
    for place, mention in result.places:
        if mention.text == surface:
            return place.name, place.country_code, place.feature
    raise AssertionError(f"{surface!r} not among {[m.text for _, m in result.places]}")


def test_syrian_palmyra_when_the_article_is_about_syria() -> None:
    result = _run(
        "Islamic State fighters overran Palmyra, the ancient city in the Syrian desert, "
        "after heavy fighting near Homs."
    )
    assert _place(result, "Palmyra") == ("Tadmur", "SY", "city")


def test_us_palmyra_when_the_article_says_new_york() -> None:
    result = _run("The town board of Palmyra, New York voted on Tuesday to repave the road.")
    name, country, _ = _place(result, "Palmyra")
    assert (name, country) == ("Palmyra", "US")
    [place] = [p for p, m in result.places if m.text == "Palmyra"]
    assert place.admin1 == "New York"


def test_tripoli_follows_the_country_of_the_article() -> None:
    libya = _run(
        "Militias clashed in Tripoli overnight as forces from Misurata moved toward the "
        "capital, residents of Tajoura said."
    )
    assert _place(libya, "Tripoli")[1] == "LY"
    lebanon = _run(
        "Gunmen exchanged fire in Tripoli, the northern port city, as the army deployed "
        "in Beirut and Sidon."
    )
    assert _place(lebanon, "Tripoli")[1] == "LB"


def test_explicit_country_after_a_comma_wins() -> None:
    result = _run("Protesters gathered in Tripoli, Lebanon on Friday.")
    assert _place(result, "Tripoli")[1] == "LB"


def test_us_state_abbreviation_decides_the_town() -> None:
    result = _run("A fire in Alexandria, La., destroyed a mobile home on Orchard Street.")
    place = next(p for p, m in result.places if m.text == "Alexandria")
    assert (place.country_code, place.admin1) == ("US", "Louisiana")


def test_named_province_pulls_its_town() -> None:
    result = _run("Shelling hit Saraqib and Maarat al-Numan in Idlib province on Monday.")
    assert _place(result, "Saraqib")[1] == "SY"
    assert _place(result, "Idlib")[2] == "admin1"


def test_country_beats_a_hamlet_of_the_same_name() -> None:
    [resolution] = resolve_toponyms([Toponym(start=0, end=5, text="Syria", query="Syria")])
    assert resolution.candidate is not None
    assert resolution.candidate.feature == "country"


def test_population_decides_without_context() -> None:
    [resolution] = resolve_toponyms([Toponym(start=0, end=5, text="Paris", query="Paris")])
    assert resolution.candidate is not None
    assert resolution.candidate.country == "FR"


def test_nearness_to_other_places_decides() -> None:
    # Alexandria with only Louisiana parishes around it is the Louisiana town.
    toponyms = [
        Toponym(start=0, end=10, text="Alexandria", query="Alexandria"),
        Toponym(start=20, end=34, text="Rapides Parish", query="Rapides Parish"),
        Toponym(start=40, end=50, text="Pineville", query="Pineville"),
    ]
    resolutions = resolve_toponyms(toponyms)
    alexandria = resolutions[0].candidate
    parish = resolutions[1].candidate
    assert alexandria is not None and parish is not None
    assert alexandria.country == "US"
    assert haversine_km(alexandria.lat, alexandria.lon, parish.lat, parish.lon) < 50


def test_no_match_is_an_answer() -> None:
    [resolution] = resolve_toponyms(
        [Toponym(start=0, end=12, text="Qwzxvbnmplk", query="Qwzxvbnmplk")]
    )
    assert resolution.candidate is None
    weak = resolve_toponyms([Toponym(start=0, end=4, text="Uxbo", query="Uxbo")])
    assert weak[0].candidate is None


def test_curated_site_named_with_its_kind() -> None:
    result = _run("Drones targeted the Shayrat airbase and the Al-Tanf garrison in Syria.")
    assert _place(result, "Shayrat")[2] == "airbase"


def test_one_unresolved_place_keeps_the_rest() -> None:
    result = _run(
        "Fighting spread from Zorbwazzle Heights to Aleppo and Idlib, monitors in Syria said."
    )
    names = {m.text for _, m in result.places}
    assert {"Aleppo", "Idlib", "Syria"} <= names


def test_mention_offsets_point_into_the_text() -> None:
    text = "HODEIDAH, Yemen (Coastline Wire) - Shells hit a market in Hodeidah on Tuesday."
    result = _run(text)
    assert result.places
    for place, mention in result.places:
        assert text[mention.start : mention.end] == mention.text
        assert mention.article == "art_test"
        assert place.mentions == (mention,)
    assert _place(result, "Hodeidah")[:2] == ("Al Ḩudaydah", "YE")


def _toponyms(names: list[str]) -> list[Toponym]:
    out, start = [], 0
    for name in names:
        out.append(Toponym(start=start, end=start + len(name), text=name, query=name))
        start += len(name) + 2
    return out


def test_towns_that_lie_together_are_read_together() -> None:
    # Each name has readings in many states (and Lebanon is a country), but only in New
    # Hampshire do all three lie side by side.
    resolved = resolve_toponyms(_toponyms(["Hanover", "Lebanon", "Enfield"]))
    assert [(r.candidate.country, r.candidate.admin1) for r in resolved if r.candidate] == [
        ("US", "New Hampshire")
    ] * 3


def test_a_lake_named_after_a_state_is_not_the_state() -> None:
    [resolution] = resolve_toponyms(_toponyms(["Lake Vermont"]))
    assert resolution.candidate is None


def test_a_list_of_names_is_no_chain_of_containers() -> None:
    # "Utah, Colorado": read as "Utah in Colorado", Utah became a Colorado town.
    result = _run(
        "Young families keep relocating to quieter states like Utah, Colorado, and Montana."
    )
    assert _place(result, "Utah")[1:] == ("US", "admin1")
    assert _place(result, "Colorado")[1:] == ("US", "admin1")


def test_the_members_of_a_list_share_its_last_members_container() -> None:
    toponyms = link_containers(
        "Clashes spread to Douma, Harasta and Zamalka in Eastern Ghouta.",
        _recognized("Clashes spread to Douma, Harasta and Zamalka in Eastern Ghouta."),
    )
    by_text = {t.text: t for t in toponyms}
    ghouta = [i for i, t in enumerate(toponyms) if t.text == "Eastern Ghouta"]
    assert ghouta
    assert {by_text[n].container for n in ("Douma", "Harasta")} == {ghouta[0]}
    # "Springfield, Illinois, to Columbus, Ohio" keeps both containers.
    pairs = link_containers(
        "He flew from Springfield, Illinois, to Columbus, Ohio, on Monday.",
        _recognized("He flew from Springfield, Illinois, to Columbus, Ohio, on Monday."),
    )
    named = {t.text: pairs[t.container].text for t in pairs if t.container is not None}
    assert named == {"Springfield": "Illinois", "Columbus": "Ohio"}


def _recognized(text: str) -> list[Recognized]:
    from crosswire.geo import Gazetteer

    found = Recognizer(Gazetteer.load()).recognize(load_nlp()(text))
    return [r for r in found if r.role != "demonym"]


def test_a_town_larger_than_a_province_of_its_name_is_the_reading() -> None:
    """A first-level unit smaller than a town of the same name elsewhere is the lesser
    sense: the bare name is the town (RANK_FEATURES "outsized_admin")."""
    [resolution] = resolve_toponyms([Toponym(start=0, end=4, text="Gaza", query="Gaza")])
    assert resolution.candidate is not None
    assert (resolution.candidate.country, resolution.candidate.feature) == ("PS", "city")


def test_a_dateline_without_a_state_is_the_city_readers_know() -> None:
    """A dateline gives the state of any town but a well-known city, so a bare dateline
    keeps the largest town of its name, whatever state the story goes on to name."""
    result = _run("ATLANTA — A trucker from Texas was arrested on Monday, police said.")
    place = next(p for p, m in result.places if m.text == "ATLANTA")
    assert (place.country_code, place.admin1) == ("US", "Georgia")
    # Inside the story, nearby towns of a named state still pull a small namesake.
    body = _run("Flooding in Texas closed roads near Texarkana, Marshall and Atlanta on Monday.")
    near = next(p for p, m in body.places if m.text == "Atlanta")
    assert near.admin1 == "Texas"


def test_bare_mention_takes_the_reading_the_text_qualified() -> None:
    # One sense per document: the writer names the state once, then the bare town, though
    # another state the text names holds a larger town of that name.
    for text, town, state in (
        (
            "Farmers from Oregon and Maine met in Portland, Maine, on Friday. Portland "
            "hotels were full.",
            "Portland",
            "Maine",
        ),
        (
            "Delegates from Ohio and Georgia gathered in Columbus, Georgia. Columbus police "
            "closed several roads.",
            "Columbus",
            "Georgia",
        ),
    ):
        result = _run(text)
        assert {p.admin1 for p, m in result.places if m.text == town} == {state}


def test_bare_mention_left_alone_when_the_qualified_mentions_disagree() -> None:
    result = _run(
        "Storms closed schools in Portland, Maine, and in Portland, Oregon, on Monday. "
        "Portland was hit hardest."
    )
    readings = {p.admin1 for p, m in result.places if m.text == "Portland"}
    assert {"Maine", "Oregon"} <= readings


def test_a_lone_compass_word_is_no_place() -> None:
    result = _run("Storms battered the South on Monday, and the North braced for snow in Chicago.")
    assert [m.text for _, m in result.places] == ["Chicago"]


def test_a_list_misread_as_town_and_state_does_not_spread() -> None:
    # "Hawaii, Florida" inside a list is no Florida town called Hawaii; the later bare
    # mention keeps the state.
    result = _run(
        "The crew has flown to Alaska, Guam, Hawaii, Florida and Washington, D.C., this "
        "year. Next month it returns to Hawaii for a drill."
    )
    later = [p for p, m in result.places if m.text == "Hawaii" and m.start > 90]
    assert [(p.name, p.feature) for p in later] == [("Hawaii", "admin1")]


def test_a_state_among_the_states_of_its_country_is_no_foreign_country() -> None:
    """A first-level unit of the document's focus country outranks a foreign country of
    its name (RANK_FEATURES "focus_unit_over_country", "focus_admin1_unit")."""
    result = _run(
        "The trucking firm, based in Ohio, opened depots in Tennessee, Alabama and Georgia "
        "this spring, and plans more in Kentucky and Indiana."
    )
    assert _place(result, "Georgia") == ("Georgia", "US", "admin1")


def test_the_country_stays_the_reading_in_world_news() -> None:
    result = _run(
        "Russia and Georgia traded accusations after border guards detained shepherds "
        "near South Ossetia, diplomats in Armenia and Azerbaijan said."
    )
    assert _place(result, "Georgia")[1] == "GE"


def test_a_state_among_states_is_no_town_of_its_name() -> None:
    result = _run(
        "Wheat growers in Nebraska, Oklahoma and Kansas expect a smaller harvest after "
        "a dry spring, while Iowa and Missouri farmers planted more corn."
    )
    assert _place(result, "Kansas") == ("Kansas", "US", "admin1")


def test_a_state_named_like_its_countrys_capital_leaves_the_capital_alone() -> None:
    """No unit-focus evidence for a state when its country's capital shares the name."""
    result = _run(
        "Senators in Washington argued over the budget on Tuesday, while governors in "
        "Texas, Ohio and Florida warned of cuts."
    )
    assert _place(result, "Washington") == ("Washington", "US", "capital")


def test_a_name_coordinated_with_a_state_is_the_state() -> None:
    """ "Oregon and Washington": names joined by "and" or "or" are of one kind
    (RANK_FEATURES "coordinated_unit"), so the state, not the capital or a town."""
    result = _run(
        "The clinic in Chicago said patients had travelled from Idaho to Oregon and "
        "Washington, where the laws allow the treatment."
    )
    assert _place(result, "Washington") == ("Washington", "US", "admin1")


def test_an_organisation_in_a_city_does_not_make_it_a_state() -> None:
    """ "X in Y" names Y as a unit only when X reads as a place: an organisation that is in
    no gazetteer ("the OAS in Washington") leaves the capital as the reading."""
    result = _run(
        "Fishermen protested in Kingston and Montego Bay on Friday. The ministry will raise "
        "the quotas at the OAS in Washington next week."
    )
    readings = [p.feature for p, m in (*result.places, *result.unplaced) if m.text == "Washington"]
    assert readings == ["capital"]
    # A town before "in" still names the unit.
    town = _run("Farmers in Spokane in Washington sold their wheat early this year.")
    assert _place(town, "Washington")[2] == "admin1"


def test_a_named_state_backs_a_small_namesake_less_than_a_large_one() -> None:
    """A town a thirtieth of the largest town of its name or less, in a state the document
    names elsewhere, carries RANK_FEATURES "named_admin1_minor" (a sports page filed from
    Columbus, Ohio names Louisville's team); a town near its namesake's size does not."""
    from crosswire.geo import Gazetteer
    from crosswire.geo.resolve import RANK_FEATURES, Resolver, _Context, _largest_town

    gazetteer = Gazetteer.load()
    resolver = Resolver(gazetteer)
    toponym = Toponym(start=0, end=10, text="Louisville", query="Louisville")
    pool = resolver.candidates(toponym)
    towns = sorted(
        (c for c in pool if c.country == "US" and c.feature == "city"), key=lambda c: -c.population
    )
    largest, small = towns[0], next(c for c in towns if c.admin1 == "Ohio")
    named = frozenset(gazetteer.admin1_code(c.index) for c in (largest, small))
    context = _Context(focus={"US": 1.0}, named_admin1=named, largest_town=_largest_town(pool))
    column = RANK_FEATURES.index("named_admin1_minor")
    assert resolver.rank_features(toponym, small, pool, context)[column] == 1.0
    assert resolver.rank_features(toponym, largest, pool, context)[column] == 0.0


@pytest.mark.parametrize(
    "text",
    [
        "Rebel shells killed three people in Aleppo's al-Hamdaniya district on Thursday.",
        "Barrel bombs fell on the Karm al-Jabal district of Aleppo on Thursday, medics said.",
        "Barrel bombs fell on the Karm al-Jabal neighbourhood of Aleppo on Thursday.",
    ],
)
def test_a_quarter_of_a_city_keeps_its_city(text: str) -> None:
    # "Y's X district", "the X district of Y": Y contains X and may be a town, so the
    # quarter is sought inside it and Y is not pressed into its province's reading.
    result = _run(text)
    assert _place(result, "Aleppo")[1:] == ("SY", "city")
    assert all(place.country_code == "SY" for place, _ in result.places), result.places


def test_a_possessive_without_a_unit_word_names_no_container() -> None:
    toponyms = link_containers(
        "Israel's Gaza offensive drew protests in Turkey.",
        _recognized("Israel's Gaza offensive drew protests in Turkey."),
    )
    assert all(t.container is None for t in toponyms if t.text == "Gaza")


def test_a_county_named_in_full_is_no_state_of_its_bare_name() -> None:
    # "Washington County" is one of the counties of that name, never the state of Washington,
    # and "Westmoreland County" is no Jamaican parish.
    result = _run("The sheriff of Washington County said two roads flooded after the storm.")
    assert all(p.feature != "admin1" for p, m in result.places if m.text == "Washington County")
    westmoreland = _run("Crews in Westmoreland County cleared fallen trees from the highway.")
    assert _place(westmoreland, "Westmoreland County")[1:] == ("US", "admin2")


def test_a_river_or_island_is_not_the_town_or_unit_of_its_name() -> None:
    result = _run(
        "Anglers gathered along the Chattahoochee River while the ferry to Fraser Island "
        "stayed in port."
    )
    for place, mention in result.places:
        assert place.feature not in ("city", "capital", "admin1", "admin2"), mention.text
    river = _run("Fighters crossed the Euphrates river near Raqqa at dawn.")
    assert _place(river, "Euphrates")[2] == "river"


def test_every_name_of_a_list_before_plural_units_is_a_unit() -> None:
    result = _run("Storms cut power in Butler, Clark, Hamilton or Warren counties in Ohio.")
    for name in ("Butler", "Clark", "Hamilton", "Warren"):
        assert _place(result, name)[1:] == ("US", "admin2"), name
    syria = _run("Air strikes hit Idlib and Hama provinces on Monday.")
    assert _place(syria, "Idlib")[1:] == ("SY", "admin1")
    assert _place(syria, "Hama")[1:] == ("SY", "admin1")


def test_a_bloc_of_states_is_no_list_of_units() -> None:
    result = _run("Ministers of the Gulf states met in Riyadh on Sunday.")
    assert all(p.feature not in ("admin1", "admin2") for p, _ in result.places)


def test_a_name_nested_in_another_is_no_evidence_of_where_either_lies() -> None:
    # "North Richmond" lies beside the Californian Richmond only, so the pair read each
    # other there, though a derived name sits beside its town wherever both exist: the
    # Virginian town nearby (Petersburg) must decide.
    resolved = resolve_toponyms(_toponyms(["Richmond", "North Richmond", "Petersburg"]))
    assert resolved[0].candidate is not None
    assert (resolved[0].candidate.country, resolved[0].candidate.admin1) == ("US", "Virginia")
    # "East Hampton" beside Hartford is the Connecticut town, not Virginia's Hampton.
    resolved = resolve_toponyms(_toponyms(["Hampton", "East Hampton", "Hartford"]))
    assert resolved[1].candidate is not None
    assert resolved[1].candidate.admin1 == "Connecticut"


def test_nested_names_hold_one_another_whole() -> None:
    from crosswire.geo.resolve import _name_words, _nested

    assert _nested(_name_words("Norfolk"), _name_words("City of Norfolk"))
    assert _nested(_name_words("East Hampton"), _name_words("Hampton"))
    assert not _nested(_name_words("Hampton"), _name_words("Hampton"))
    assert not _nested(_name_words("Hampton"), _name_words("Southampton"))
