"""Weapons told again ("The shells hit ...", "the strikes destroyed ...") are more of the
event an earlier sentence told, not a new one. Invented sentences."""

from __future__ import annotations

import pytest

from crosswire.events import ontology as on
from crosswire.events.extract import extract_events
from crosswire.model import Analysis, Place
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
