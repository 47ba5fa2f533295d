"""A city that is a first-level region of its own and the region around it; weapons told
again ("The shells hit ...") as more of the lead's event.

Invented sentences. The region around a city that is a first-level region of its own
(Damascus amid Rif Dimashq) is read from the installed gazetteer.
"""

from __future__ import annotations

import pytest

from crosswire.events import ontology as on
from crosswire.events.extract import extract_events
from crosswire.events.location import same_area
from crosswire.geo.surroundings import surrounding_region
from crosswire.model import Analysis, Event, Place
from crosswire.nlp import load_nlp
from test_events_extract import article, day, figure, mention

pytestmark = pytest.mark.slow

ARTICLE = "art_test"


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return load_nlp()


def town(text: str, needle: str, name: str, at: tuple[float, float], admin1: str, **kw) -> Place:  # type: ignore[no-untyped-def]
    return Place(
        name=name,
        geonameid=abs(hash(name)) % 10_000_000,
        lat=at[0],
        lon=at[1],
        country_code=kw.get("country", "SY"),
        admin1=admin1,
        feature=kw.get("feature", "city"),
        mentions=(mention(text, needle),),
    )


def damascus(text: str) -> Place:
    return town(text, "Damascus", "Damascus", (33.5102, 36.2913), "Dimashq", feature="capital")


def run(nlp, text: str, **fields) -> Analysis:  # type: ignore[no-untyped-def]
    return extract_events(nlp(text), Analysis(article=ARTICLE, **fields), article(text))


def placed(result: Analysis, event: Event) -> Place:
    return next(p for p in result.places if p.id == event.place)


def lead(result: Analysis) -> Event:
    return next(e for e in result.events if e.sources and e.sources[0].start == 0)


def test_a_city_that_is_a_region_of_its_own_is_surrounded_by_another() -> None:
    city = Place(
        name="Damascus",
        lat=33.5102,
        lon=36.2913,
        country_code="SY",
        admin1="Dimashq",
        feature="capital",
    )
    region = surrounding_region(city)
    assert region is not None
    assert (region.feature, region.admin1, region.country_code) == ("admin1", region.name, "SY")
    assert "Dimashq" in region.name and region.name != "Dimashq"


def test_a_city_inside_a_larger_province_has_no_region_around_it() -> None:
    city = Place(
        name="Aleppo", lat=36.2021, lon=37.1343, country_code="SY", admin1="Ḩalab", feature="city"
    )
    assert surrounding_region(city) is None


def test_the_weapons_of_the_lead_told_again_are_its_event_not_a_new_one(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Government shelling on rebel-held suburbs east of Damascus killed seven people "
        "on Wednesday. The shells hit a market and a bakery, activists said."
    )
    result = run(
        nlp,
        text,
        places=(damascus(text),),
        dates=(day(text, "Wednesday", "2026-03-04"),),
        figures=(figure(text, "seven people", 7, "people killed"),),
    )
    shelling = [e for e in result.events if e.sub_event_type == on.SHELLING]
    # "The shells hit ..." tells more of the lead's incident: one event, with its toll.
    assert len(shelling) == 1
    assert shelling[0].fatalities == 7


def test_a_city_region_and_the_region_around_it_are_one_area() -> None:
    city = Place(
        name="Damascus",
        geonameid=170654,
        lat=33.5102,
        lon=36.2913,
        country_code="SY",
        admin1="Dimashq",
        feature="capital",
    )
    region = surrounding_region(city)
    assert region is not None
    assert same_area(region, city)
    douma = Place(
        name="Douma", lat=33.5833, lon=36.4, country_code="SY", admin1=region.name, feature="city"
    )
    assert not same_area(douma, city)  # two towns stay apart
