"""A city that is a first-level region of its own (Damascus in Dimashq, amid Rif Dimashq)
and the region around it are one area for fusion: one outlet's "Damascus" is another's
"the Damascus countryside" or a suburb just beyond the city's edge. Read from the real
gazetteer; other cities keep their towns apart."""

from __future__ import annotations

from crosscheck_fixtures import ARMY, article, event
from crosswire.crosscheck import geo
from crosswire.crosscheck.fusion import locality_cell
from crosswire.geo.gazetteer import Gazetteer
from crosswire.geo.surroundings import surrounding_region
from crosswire.model import Analysis, Corpus, Entity, Place
from crosswire.registry import StageContext, get

NEAR_KM = 5.0
CIVILIANS = Entity(name="Civilians (Syria)", kind="civilians", inter_code=7, country_code="SY")


def _place(name: str, feature: str) -> Place:
    found = next(
        c for c in Gazetteer.load().lookup(name) if c.country == "SY" and c.feature == feature
    )
    return Place(
        name=found.name,
        geonameid=found.geonameid,
        lat=found.lat,
        lon=found.lon,
        country_code=found.country,
        admin1=found.admin1,
        feature=found.feature,
    )


DAMASCUS = _place("Damascus", "capital")
HARASTA = _place("Harasta", "city")  # a suburb some 8 km out, in Rif Dimashq
YABROUD = _place("Yabroud", "city")  # a Rif Dimashq town some 60 km away
RIF_DIMASHQ = _place("Rif Dimashq", "admin1")
ALEPPO = _place("Aleppo", "city")
HARITAN = _place("Haritan", "city")  # a town some 12 km out of Aleppo, in its province


def test_a_city_region_is_surrounded_by_another_read_from_the_gazetteer() -> None:
    assert surrounding_region("SY", DAMASCUS.admin1) == RIF_DIMASHQ.name
    # A province with towns far apart is no city: its outskirts are its own.
    assert surrounding_region("SY", ALEPPO.admin1) is None
    assert surrounding_region("SY", RIF_DIMASHQ.name) is None
    assert surrounding_region("SY", "No Such Region") is None
    assert surrounding_region(None, None) is None


def test_the_city_and_its_surrounding_region_share_a_locality_cell() -> None:
    assert locality_cell(DAMASCUS) == locality_cell(HARASTA) == locality_cell(RIF_DIMASHQ)
    assert locality_cell(ALEPPO) != locality_cell(DAMASCUS)


def test_the_city_agrees_with_the_region_around_it_and_its_near_suburbs() -> None:
    assert geo.compatible(DAMASCUS, RIF_DIMASHQ, NEAR_KM)
    assert geo.compatible(RIF_DIMASHQ, DAMASCUS, NEAR_KM)
    assert geo.compatible(DAMASCUS, HARASTA, NEAR_KM)
    # A town of the region far from the city is another place.
    assert not geo.compatible(DAMASCUS, YABROUD, NEAR_KM)
    # A city inside a larger province keeps the near_km rule for its outlying towns.
    assert not geo.compatible(ALEPPO, HARITAN, NEAR_KM)


def test_reports_at_the_city_and_at_its_suburb_fuse() -> None:
    city_text = "Army shelling outside Damascus killed five civilians on Tuesday, medics said."
    suburb_text = "Army shelling on Harasta killed five civilians on Tuesday, a monitor said."
    reports = []
    for name, text, place in (("a", city_text, DAMASCUS), ("b", suburb_text, HARASTA)):
        art = article(name, text, outlet=name.upper())
        report = event(
            art,
            text,
            event_type="Explosions/Remote violence",
            sub_event_type="Shelling/artillery/missile attack",
            actor1=ARMY,
            actor2=CIVILIANS,
            place=place,
            fatalities=5,
        )
        reports.append((art, report))
    analyses = tuple(
        Analysis(
            article=art.id,
            events=(report,),
            entities=(ARMY, CIVILIANS),
            places=(DAMASCUS, HARASTA),
        )
        for art, report in reports
    )
    corpus = Corpus(articles=tuple(art for art, _ in reports), analyses=analyses)
    (fused,) = get("fuse").factory()(corpus, StageContext()).events
    assert fused.source_count == 2
