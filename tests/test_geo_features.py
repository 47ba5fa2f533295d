"""Datelines, seas and rivers, named subdivisions, repeated names and names holding a place."""

from __future__ import annotations

from pathlib import Path

import pytest

from crosswire.geo import (
    Gazetteer,
    GeoResult,
    Toponym,
    link_containers,
    resolve_places,
    resolve_toponyms,
)
from crosswire.geo.gazetteer import build_cache
from crosswire.geo.recognize import Recognized, Recognizer, dateline_bounds
from crosswire.geo.resolve import Resolution, haversine_km
from crosswire.geo.sources import Record, read_sites, wide_areas
from crosswire.geo.words import admin_abbreviation, demonym_country
from crosswire.nlp import load_nlp


def _run(text: str) -> GeoResult:
    return resolve_places(load_nlp()(text), "art_test")


def _run_unscored(text: str) -> GeoResult:
    """Recognition and resolution alone: every resolved place kept, whatever its
    confidence. A one- or two-sentence text gives the confidence model too little
    evidence (no focus, no neighbours); test_geo_evidence.py tests the scoring."""
    return resolve_places(load_nlp()(text), "art_test", threshold=0.0)


def _found(result: GeoResult) -> dict[str, tuple[str, str | None, str | None]]:
    return {m.text: (p.name, p.country_code, p.feature) for p, m in result.places}


def _resolve(*texts: str) -> list[Resolution]:
    """Gold-span resolution, as the benchmark does it: the spans joined into one text."""
    text = ". ".join(texts)
    items, start = [], 0
    for name in texts:
        items.append(
            Recognized(
                start=start, end=start + len(name), text=name, query=name, hint=None, role="place"
            )
        )
        start += len(name) + 2
    return resolve_toponyms(link_containers(text, items), min_score=None)


# -- datelines ---------------------------------------------------------------


@pytest.mark.slow
def test_capitalised_dateline_is_a_literal_place() -> None:
    # spaCy parses AMMAN as the subject of "said", which would make it an actor.
    result = _run(
        "AMMAN, Jordan (Coastline Wire) — Fighting in southern Syria killed 12 people on "
        "Tuesday, a medical source and residents said."
    )
    found = _found(result)
    assert found["AMMAN"][:2] == ("Amman", "JO")
    assert found["Jordan"][2] == "country"
    assert not result.metonyms


@pytest.mark.slow
@pytest.mark.parametrize(
    ("dateline", "country"),
    [("AL HUDAYDAH", "YE"), ("DERAA", "SY"), ("MISURATA", "LY"), ("KAMISHLI, Syria", "SY")],
)
def test_datelines_without_a_country_or_in_two_words(dateline: str, country: str) -> None:
    town = dateline.split(",")[0]
    result = _run(f"{dateline} — A bulk carrier was still burning on Wednesday, officials said.")
    assert _found(result)[town][1] == country


@pytest.mark.slow
def test_only_a_paragraph_opening_in_capitals_before_a_dash_is_a_dateline() -> None:
    nlp = load_nlp()
    dateline = nlp("Officials met.\n\nDERAA, Syria — A truce held on Thursday.")
    assert [(dateline[a:b].text, vouched) for a, b, vouched in dateline_bounds(dateline)] == [
        ("DERAA", True)
    ]
    for text in (
        "Officials said the AMMAN office — closed since May — would reopen.",
        "BREAKING NEWS: fighting resumed in Tafas on Thursday.",
        "Talks stalled for weeks. Then officials said the PRESTON office -- shut in May -- "
        "would reopen.",
    ):
        assert dateline_bounds(nlp(text)) == []


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Council backs new bridge plan. DERAA — The council voted on Monday to fund it.",
        "Bridge vote due. By A. Writer, Staff Reporter March 3, 2021 DERAA -- The council met.",
        "Truce holds . DERAA (Coastline Wire) --- A truce held on Thursday.",
        "By Jo Writer, staff reporter DERAA (CW) — A truce held on Thursday.",
    ],
)
def test_dateline_run_into_the_headline_is_a_place_but_vouches_for_nothing(text: str) -> None:
    nlp, recognizer = load_nlp(), Recognizer(Gazetteer.load())
    doc = nlp(text)
    assert [(doc[a:b].text, vouched) for a, b, vouched in dateline_bounds(doc)] == [
        ("DERAA", False)
    ]
    found = [r for r in recognizer.recognize(doc) if r.text == "DERAA"]
    assert [(r.role, r.dateline) for r in found] == [("place", False)]


# -- seas, rivers, regions ---------------------------------------------------------


@pytest.mark.slow
def test_seas_and_rivers_resolve_as_water() -> None:
    result = _run(
        "A cargo ship caught fire in the Red Sea after a drone attack. Cells still carry out "
        "ambushes along the Euphrates."
    )
    found = _found(result)
    assert found["Red Sea"] == ("Red Sea", None, "sea")
    assert found["Euphrates"] == ("Euphrates", None, "river")


@pytest.mark.slow
def test_the_sea_beats_the_subdivision_named_after_it() -> None:
    # Sudan and Egypt each have a "Red Sea" state; a bare mention means the sea.
    [resolution] = _resolve("Red Sea")
    assert resolution.candidate is not None and resolution.candidate.feature == "sea"


@pytest.mark.slow
def test_definite_article_turns_a_town_name_into_the_ocean() -> None:
    text = "Storms over the Atlantic battered Atlantic City and Newark."
    toponyms = [
        Toponym(start=16, end=24, text="Atlantic", query="Atlantic", definite=True),
        Toponym(start=34, end=47, text="Atlantic City", query="Atlantic City"),
        Toponym(start=52, end=58, text="Newark", query="Newark"),
    ]
    assert text[16:24] == "Atlantic"
    ocean, city, _ = resolve_toponyms(toponyms)
    assert ocean.candidate is not None and ocean.candidate.feature == "sea"
    assert city.candidate is not None and city.candidate.country == "US"


@pytest.mark.slow
def test_a_wide_region_is_named_but_left_off_the_map() -> None:
    # "the Middle East" and "Latin America" have no point that stands for them: each
    # source picks its own, hundreds of km apart. A region a point can stand for stays.
    result = _run_unscored(
        "Grain prices rose across the Middle East and Latin America this spring, while "
        "farmers in Darfur lost a second harvest to the drought."
    )
    found = _found(result)
    assert "Middle East" not in found and "Latin America" not in found
    assert found["Darfur"] == ("Darfur", "SD", "region")
    areas = {m.text: p.role for p, m in result.unplaced}
    assert areas["Middle East"] == areas["Latin America"] == "area"


def test_only_regions_and_oceans_are_flagged_wide() -> None:
    # Seas keep their point: an event at sea is coded to it or to the coast. An ocean's
    # point is thousands of km from another source's, so it stays off the map.
    regions = {r.name for r in read_sites() if r.feature == "region"}
    oceans = {r.name for r in read_sites() if r.feature == "sea" and r.name.endswith("Ocean")}
    assert wide_areas() <= regions | oceans
    assert {"Middle East", "Sub-Saharan Africa", "Andes", "Pacific Ocean"} <= wide_areas()
    assert not wide_areas() & {"Gaza Strip", "Darfur", "Korean Peninsula", "Red Sea"}
    assert not wide_areas() & {"Mediterranean Sea", "Black Sea", "Gulf of Aden"}


@pytest.mark.slow
def test_an_ocean_is_named_but_left_off_the_map() -> None:
    result = _run_unscored(
        "A cargo ship bound for Valparaiso lost six containers in the Pacific last week."
    )
    assert "Pacific" not in _found(result)
    areas = {m.text: p.role for p, m in result.unplaced}
    assert areas["Pacific"] == "area"


# -- named subdivisions -----------------------------------------------------------


@pytest.mark.slow
def test_district_governorate_and_province_patterns() -> None:
    result = _run_unscored(
        "Jets struck a fuel depot near the port of Hodeidah. Residents of the Hali district "
        "heard six explosions. Fighting in the southern province of Daraa killed 12 people. "
        "Security forces detained 40 men in Hasakah province. Troops entered Tafas, a town "
        "in the western Daraa countryside, and shelled the nearby village of Muzayrib."
    )
    found = _found(result)
    assert found["Hodeidah"][1] == "YE"
    assert found["Hali"][1:] == ("YE", "admin2")
    assert [p.feature for p, m in result.places if m.text == "Daraa"] == ["admin1", "admin1"]
    assert found["Hasakah"][1:] == ("SY", "admin1")
    assert found["Tafas"][1:] == ("SY", "city")
    assert found["Muzayrib"][1:] == ("SY", "city")


@pytest.mark.slow
def test_a_city_district_without_towns_lies_in_its_city() -> None:
    # Al Hali has no town of its own in GeoNames' populated places: it is part of Hodeidah.
    [hali] = [c for c in Gazetteer.load().lookup("Al Hali") if c.country == "YE"]
    assert hali.feature == "admin2"
    assert haversine_km(hali.lat, hali.lon, 14.8, 42.95) < 15


@pytest.mark.slow
def test_sentence_that_describes_a_place_keeps_it_literal() -> None:
    result = _run_unscored(
        "Misurata, Libya's third-largest city, has seen sporadic protests. Daraa, where the "
        "uprising began, borders Jordan."
    )
    found = _found(result)
    assert found["Misurata"][1] == "LY"
    assert found["Daraa"][1] == "SY"
    assert not {s for s, _, _ in result.metonyms} & {"Misurata", "Daraa"}


@pytest.mark.slow
def test_a_name_read_as_a_place_once_is_a_place_throughout() -> None:
    result = _run_unscored(
        "Coalition jets struck warehouses near the port of Hodeidah on Thursday.\n\n"
        "Hodeidah handles about 75 percent of the country's imports."
    )
    assert [m.text for p, m in result.places if p.country_code == "YE"] == ["Hodeidah"] * 2


# -- names with a place inside, buildings, abbreviations, demonyms ----------------


@pytest.mark.slow
@pytest.mark.parametrize(
    ("name", "country", "feature"),
    [
        ("Arizona State University", "US", "admin1"),
        ("Bank of Japan", "JP", "country"),
        ("Russian Embassy", "RU", "country"),
        ("Tipperary County Council", "IE", None),
    ],
)
def test_a_name_with_no_entry_resolves_to_the_place_inside(
    name: str, country: str, feature: str | None
) -> None:
    [resolution] = _resolve(name)
    candidate = resolution.candidate
    assert candidate is not None and candidate.country == country
    assert feature is None or candidate.feature == feature


@pytest.mark.slow
def test_no_generic_word_is_taken_for_the_place_inside() -> None:
    for name in ("Soviet Union", "West Wing"):
        [resolution] = _resolve(name)
        candidate = resolution.candidate
        assert candidate is None or candidate.feature not in ("admin1", "admin2", "city")


@pytest.mark.slow
def test_a_building_with_no_place_inside_takes_the_document_town() -> None:
    brooklyn, arena = _resolve("Brooklyn", "Barclays Center")
    assert brooklyn.candidate is not None
    assert arena.candidate == brooklyn.candidate


@pytest.mark.slow
def test_state_and_province_abbreviations() -> None:
    [maryland] = _resolve("Md.")
    assert maryland.candidate is not None and maryland.candidate.country == "US"
    [columbia] = _resolve("B.C.")
    assert columbia.candidate is not None
    assert (columbia.candidate.country, columbia.candidate.feature) == ("CA", "admin1")
    assert {c for c, _ in admin_abbreviation("WA")} == {"US", "AU"}
    assert admin_abbreviation("Wa") == []


@pytest.mark.slow
def test_demonyms_of_two_words_and_of_regions() -> None:
    assert demonym_country("South Korean") == (True, "KR")
    [korean] = _resolve("South Koreans")
    assert korean.candidate is not None and korean.candidate.country == "KR"
    [scottish] = _resolve("Scottish")
    assert scottish.candidate is not None
    assert (scottish.candidate.name, scottish.candidate.feature) == ("Scotland", "admin1")


# -- the cache ------------------------------------------------------------------


def test_cache_indexes_water_and_consonant_skeletons(tmp_path: Path) -> None:
    records = [
        Record(
            geonameid=-1,
            name="Euphrates",
            names={"Euphrates", "Euphrates River"},
            lat=35.0,
            lon=40.5,
            population=0,
            country="",
            admin1=None,
            feature="river",
        ),
        Record(
            geonameid=169577,
            name="Homs",
            names={"Homs", "Ḩimş"},
            lat=34.72,
            lon=36.72,
            population=775404,
            country="SY",
            admin1="Homs",
            feature="city",
        ),
    ]
    gazetteer = Gazetteer(build_cache(tmp_path, version="water", records=records))
    [river] = gazetteer.lookup("Euphrates River")
    assert (river.feature, river.country, river.geonameid) == ("river", "", None)
    assert [c.name for c in gazetteer.lookup_skeleton("Hmus", ["SY"])] == ["Homs"]
    assert gazetteer.lookup_skeleton("Hmus", ["LB"]) == []


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "DERAA (Coastline Wire) \ufffd A truce held on Thursday.",
        "DERAA, May 4 (Coastline Wire):A truce held on Thursday.",
        "DERAA, Syria--(Coastline Wire)--A truce held on Thursday.",
    ],
)
def test_dateline_with_a_lost_dash_a_colon_or_a_wire_bracket(text: str) -> None:
    nlp = load_nlp()
    doc = nlp(text)
    assert [(doc[a:b].text, vouched) for a, b, vouched in dateline_bounds(doc)] == [("DERAA", True)]


@pytest.mark.slow
def test_a_town_named_with_city_is_not_its_country_or_province() -> None:
    result = _run_unscored(
        "Buses carried families from Kuwait City to Mexico City, then on to Jersey City."
    )
    found = _found(result)
    assert found["Kuwait City"] == ("Kuwait City", "KW", "capital")
    assert found["Mexico City"] == ("Mexico City", "MX", "capital")
    assert found["Jersey City"][1:] == ("US", "city")
    # With no town of that whole name, "City" is a place noun as before.
    syria = _found(_run_unscored("Jets struck Raqqa City in northern Syria on Monday."))
    assert syria["Raqqa City"][1:] == ("SY", "city")


@pytest.mark.slow
def test_a_country_is_not_placed_at_its_capital_named_beside_it() -> None:
    result = _run_unscored(
        "Migrants crossed southern Mexico by bus. Others are set to reach Mexico City soon."
    )
    found = _found(result)
    assert found["Mexico"][2] == "country"
    assert found["Mexico City"][2] == "capital"
