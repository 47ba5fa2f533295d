"""Events told only around a town: "the suburbs east of X", "the X countryside", "near X".

Invented sentences. The region around a city that is a first-level region of its own
(Damascus amid Rif Dimashq) is read from the installed gazetteer.
"""

from __future__ import annotations

import pytest

from crosswire.events import ontology as on
from crosswire.events.extract import extract_events
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


def test_the_outskirts_of_a_city_region_are_the_region_around_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "An air strike on the outskirts of Damascus killed five civilians on Tuesday."
    result = run(
        nlp,
        text,
        places=(damascus(text),),
        dates=(day(text, "Tuesday", "2026-03-03"),),
        figures=(figure(text, "five civilians", 5, "civilians killed"),),
    )
    where = placed(result, lead(result))
    assert where.feature == "admin1" and where.admin1 != "Dimashq"
    assert where.mentions == ()  # the region is the event's, not a place the text names


def test_the_countryside_of_a_city_region_is_the_region_around_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Four people were killed in shelling in the Damascus countryside on Monday."
    result = run(nlp, text, places=(damascus(text),), dates=(day(text, "Monday", "2026-03-02"),))
    event = next(e for e in result.events if e.sub_event_type == on.SHELLING)
    assert placed(result, event).feature == "admin1"


def test_an_event_in_the_city_itself_stays_in_the_city(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "A car bomb exploded in central Damascus on Friday, killing ten people."
    city = damascus(text)
    result = run(nlp, text, places=(city,), dates=(day(text, "Friday", "2026-02-27"),))
    assert lead(result).place == city.id


def test_the_outskirts_of_a_city_inside_its_province_stay_at_the_city(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "An air strike on the outskirts of Aleppo killed five civilians on Tuesday."
    aleppo = town(text, "Aleppo", "Aleppo", (36.2021, 37.1343), "Ḩalab")
    result = run(nlp, text, places=(aleppo,), dates=(day(text, "Tuesday", "2026-03-03"),))
    assert lead(result).place == aleppo.id


def test_a_lead_told_around_a_city_takes_the_nearby_town_the_next_sentence_names(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Government shelling on rebel-held suburbs east of Damascus killed seven people "
        "on Wednesday. The shells hit the town of Saqba, activists said."
    )
    saqba = town(text, "Saqba", "Saqba", (33.5167, 36.3833), "Rif Dimashq")
    result = run(
        nlp,
        text,
        places=(damascus(text), saqba),
        dates=(day(text, "Wednesday", "2026-03-04"),),
        figures=(figure(text, "seven people", 7, "people killed"),),
    )
    shelling = [e for e in result.events if e.sub_event_type == on.SHELLING]
    # "The shells hit ..." tells more of the lead's incident: one event, at the town.
    assert len(shelling) == 1
    assert shelling[0].place == saqba.id
    assert shelling[0].fatalities == 7


def test_a_town_far_from_the_city_is_not_where_the_event_around_it_was(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Government shelling on rebel-held suburbs east of Damascus killed seven people "
        "on Wednesday. Elsewhere, clashes went on around Saraqeb."
    )
    saraqeb = town(text, "Saraqeb", "Saraqib", (35.8624, 36.8006), "Idlib")
    result = run(nlp, text, places=(damascus(text), saraqeb))
    where = placed(result, lead(result))
    assert where.id != saraqeb.id
    assert where.feature == "admin1"


def test_reports_of_the_city_and_of_the_region_around_it_may_be_one_event() -> None:
    from crosswire.crosscheck import geo
    from crosswire.crosscheck.fusion import locality_cell

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
    assert geo.compatible(region, city, 5.0)
    assert locality_cell(city) == locality_cell(region)  # compared when fusing
    far = Place(
        name="Douma", lat=33.5833, lon=36.4, country_code="SY", admin1=region.name, feature="city"
    )
    assert not geo.compatible(far, city, 5.0)  # two towns stay apart
