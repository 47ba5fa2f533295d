"""A small finished corpus with every record kind, for the brief renderers and exports.

Two stories from several outlets: a clash in Tafas reported by a wire, its
syndicated copy, a local paper (twice) and a blog, with a contested toll; and
strikes around Hodeidah with a month-precision and a year-precision event and
one event whose place has no coordinates. One article carries hostile markup
in its title and text.
"""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

from crosswire.model import (
    Article,
    ArticleGroup,
    Claim,
    Corpus,
    Entity,
    Event,
    Mention,
    Place,
    Rejection,
    RemovedBlock,
    SourceSpan,
    Story,
    SummarySentence,
)

HOSTILE = "<script>document.title='pwned';alert(1)</script> & <img src=x onerror=alert(2)>"
HOSTILE_TITLE = f"Night under the shells {HOSTILE}"


def _article(n: int, outlet: str, published: str, title: str, text: str, **extra: str) -> Article:
    return Article(
        input_sha256=f"{n:02x}" * 32,
        position="0",
        source=f"in/{n}.html",
        format="html",
        text=text,
        title=title,
        outlet=outlet,
        published=published,
        published_precision="day",
        language="en",
        url=extra.get("url", f"https://news{n}.example/{published}/story"),
        author=extra.get("author"),
    )


WIRE = _article(
    1,
    "Coastline Wire",
    "2026-03-03",
    "Clashes in Syria's Daraa province kill at least 12",
    "DERAA — Fighting between government forces and local ex-rebels in the town of Tafas "
    "killed at least 12 people on Tuesday, a medical source and residents said. Four soldiers "
    "and eight local men were among the dead. Dozens of families fled toward Daraa city.",
    author="Nadia Farouk",
)
COPY = _article(
    2,
    "Gulf Ledger",
    "2026-03-04",
    "Deadly fighting in southern Syria",
    "DERAA — Fighting between government forces and local ex-rebels in the town of Tafas "
    "killed at least 12 people on Tuesday, a medical source and residents said. Four soldiers "
    "and eight local men were among the dead.",
)
LOCAL = _article(
    3,
    "Levant Monitor",
    "2026-03-04",
    "Tafas counts its dead after a day of fighting",
    "Twelve people, among them three soldiers, were killed in Tafas on Tuesday, the Hauran "
    "Documentation Centre said. Late on Tuesday the army shelled the town from the hills to "
    "the west, killing two civilians. About 30-40 families left for Daraa city.",
)
LOCAL_2 = _article(
    4,
    "Levant Monitor",
    "2026-03-05",
    "Elders broker a truce in Deraa",
    "Elders from Tafas and officials of the governorate agreed a truce on Wednesday evening "
    "at the governor's office in Deraa city, after clashes that killed 12 people.",
)
BLOG = _article(
    5,
    "Hauran Voices",
    "2026-03-04",
    HOSTILE_TITLE,
    f"We spent the night in the basement. Some reports say 9 were killed; others put the toll "
    f"at 15. A pasted comment read: {HOSTILE}",
    url="javascript:alert(3)",
)
RED_SEA = _article(
    6,
    "Red Sea Dispatch",
    "2026-03-05",
    "Jets strike Hodeidah port before dawn",
    "AL HUDAYDAH — Coalition jets struck the port area of Hodeidah before dawn on Thursday, "
    "residents said. Port officials said early March had already seen drone launches from the "
    "coast. The Houthis have held the city since 2014.",
)
CHRONICLE = _article(
    7,
    "The Northern Chronicle",
    "2026-03-06",
    "Strikes on Hodeidah | what we know",
    "Saudi-led coalition aircraft hit the port of Hodeidah on Thursday, the coalition said. "
    "A ship was set on fire at sea earlier in the week, with one sailor killed.",
)
ARTICLES = (WIRE, COPY, LOCAL, LOCAL_2, BLOG, RED_SEA, CHRONICLE)


def span(article: Article, snippet: str) -> SourceSpan:
    start = article.text.index(snippet)
    return SourceSpan(article=article.id, start=start, end=start + len(snippet), text=snippet)


def mention(article: Article, snippet: str) -> Mention:
    start = article.text.index(snippet)
    return Mention(article=article.id, start=start, end=start + len(snippet), text=snippet)


ARMY = Entity(
    name="Military Forces of Syria (2024-)",
    kind="state_forces",
    inter_code=1,
    country_code="SY",
    canonical_key="military_forces_of_syria_2024",
    mentions=(
        mention(WIRE, "government forces"),
        mention(COPY, "government forces"),
        mention(LOCAL, "the army"),
    ),
)
MILITIA = Entity(
    name="Tafas Communal Militia (Syria)",
    kind="identity_militia",
    inter_code=4,
    country_code="SY",
    canonical_key="tafas_communal_militia",
    mentions=(mention(WIRE, "local ex-rebels"), mention(COPY, "local ex-rebels")),
)
CIVILIANS = Entity(
    name="Civilians (Syria)",
    kind="civilians",
    inter_code=7,
    country_code="SY",
    canonical_key="civilians_syria",
    mentions=(mention(LOCAL, "two civilians"),),
)
GOVERNMENT = Entity(
    name="Government of Syria (2024-)",
    kind="government",
    inter_code=1,
    country_code="SY",
    canonical_key="government_of_syria_2024",
    mentions=(mention(LOCAL_2, "officials"),),
)
HOUTHIS = Entity(
    name="Houthi Movement (Ansar Allah)",
    kind="rebel_group",
    inter_code=2,
    country_code="YE",
    canonical_key="houthi_movement",
    mentions=(mention(RED_SEA, "Houthis"),),
)
COALITION = Entity(
    name="Military Forces of Saudi Arabia",
    kind="external_forces",
    inter_code=8,
    country_code="SA",
    canonical_key="military_forces_of_saudi_arabia",
    mentions=(mention(RED_SEA, "Coalition"), mention(CHRONICLE, "Saudi-led coalition")),
)
DOCUMENTERS = Entity(
    name="Hauran Documentation Centre",
    kind="organisation",
    mentions=(mention(LOCAL, "Hauran Documentation Centre"),),
)
ENTITIES = (ARMY, MILITIA, CIVILIANS, GOVERNMENT, HOUTHIS, COALITION, DOCUMENTERS)

TAFAS = Place(
    name="Ţafas",
    geonameid=163806,
    lat=32.7372,
    lon=35.9717,
    country_code="SY",
    admin1="Daraa",
    feature="city",
    mentions=(mention(WIRE, "Tafas"), mention(COPY, "Tafas"), mention(LOCAL, "Tafas")),
)
DARAA = Place(
    name="Daraa",
    geonameid=170592,
    lat=32.6189,
    lon=36.1021,
    country_code="SY",
    admin1="Daraa",
    feature="city",
    mentions=(mention(WIRE, "DERAA"), mention(LOCAL_2, "Deraa city")),
)
DARAA_GOVERNORATE = Place(
    name="Daraa Governorate",
    geonameid=170903,
    lat=32.75,
    lon=36.2,
    country_code="SY",
    admin1="Daraa",
    feature="admin1",
)
HODEIDAH = Place(
    name="Al Ḩudaydah",
    geonameid=79415,
    lat=14.7978,
    lon=42.9545,
    country_code="YE",
    admin1="Al Hudaydah",
    feature="city",
    mentions=(mention(RED_SEA, "Hodeidah"), mention(CHRONICLE, "Hodeidah")),
)
RED_SEA_PLACE = Place(name="Red Sea", feature="sea")  # no coordinates: stays off the map
PLACES = (TAFAS, DARAA, DARAA_GOVERNORATE, HODEIDAH, RED_SEA_PLACE)

CLASH = Event(
    event_type="Battles",
    sub_event_type="Armed clash",
    actor1=ARMY.id,
    actor2=MILITIA.id,
    place=TAFAS.id,
    date_start="2026-03-03",
    date_end="2026-03-03",
    date_precision="day",
    fatalities=9,
    fatalities_low=9,
    fatalities_high=15,
    sources=(
        span(WIRE, "killed at least 12 people"),
        span(COPY, "killed at least 12 people"),
        span(LOCAL, "Twelve people, among them three soldiers, were killed"),
        span(LOCAL_2, "clashes that killed 12 people"),
        span(BLOG, "Some reports say 9 were killed"),
    ),
    conflicts=(("fatalities", json.dumps({WIRE.id: 12, LOCAL.id: 12, BLOG.id: 9})),),
    source_count=3,
)
SHELLING = Event(
    event_type="Explosions/Remote violence",
    sub_event_type="Shelling/artillery/missile attack",
    actor1=ARMY.id,
    actor2=CIVILIANS.id,
    place=TAFAS.id,
    date_start="2026-03-03",
    date_end="2026-03-03",
    date_precision="day",
    fatalities=2,
    fatalities_low=2,
    fatalities_high=2,
    sources=(span(LOCAL, "the army shelled the town"),),
    source_count=1,
)
TRUCE = Event(
    event_type="Strategic developments",
    sub_event_type="Agreement",
    actor1=GOVERNMENT.id,
    actor2=MILITIA.id,
    place=DARAA.id,
    date_start="2026-03-04",
    date_end="2026-03-04",
    date_precision="day",
    fatalities=0,
    fatalities_low=0,
    fatalities_high=0,
    sources=(span(LOCAL_2, "agreed a truce on Wednesday evening"),),
)
DISPLACEMENT = Event(
    event_type="Strategic developments",
    sub_event_type="Other",
    actor1=MILITIA.id,
    place=DARAA_GOVERNORATE.id,
    date_start="2026-03-01",
    date_end="2026-03-10",
    date_precision="month",
    sources=(span(WIRE, "Dozens of families fled"),),
)
PORT_STRIKE = Event(
    event_type="Explosions/Remote violence",
    sub_event_type="Air/drone strike",
    actor1=COALITION.id,
    actor2=HOUTHIS.id,
    place=HODEIDAH.id,
    date_start="2026-03-05",
    date_end="2026-03-05",
    date_precision="day",
    sources=(
        span(RED_SEA, "Coalition jets struck the port area"),
        span(CHRONICLE, "coalition aircraft hit the port"),
    ),
    source_count=2,
)
DRONE_LAUNCHES = Event(
    event_type="Strategic developments",
    sub_event_type="Other",
    actor1=HOUTHIS.id,
    place=HODEIDAH.id,
    date_start="2026-03-01",
    date_end="2026-03-10",
    date_precision="month",
    sources=(span(RED_SEA, "early March had already seen drone launches"),),
    modality="asserted",
)
CONTROL = Event(
    event_type="Strategic developments",
    sub_event_type="Non-violent transfer of territory",
    actor1=HOUTHIS.id,
    place=HODEIDAH.id,
    date_start="2014-01-01",
    date_end="2014-12-31",
    date_precision="year",
    sources=(span(RED_SEA, "held the city since 2014"),),
)
SHIP = Event(
    event_type="Explosions/Remote violence",
    sub_event_type="Air/drone strike",
    actor1=HOUTHIS.id,
    place=RED_SEA_PLACE.id,
    date_start="2026-03-02",
    date_end="2026-03-06",
    date_precision="week",
    fatalities=1,
    fatalities_low=1,
    fatalities_high=1,
    sources=(span(CHRONICLE, "A ship was set on fire at sea"),),
)
EVENTS = (CLASH, SHELLING, TRUCE, DISPLACEMENT, PORT_STRIKE, DRONE_LAUNCHES, CONTROL, SHIP)


def _claim(article: Article, snippet: str, value: float, **extra: Any) -> Claim:
    return Claim(
        text=snippet,
        value=value,
        sources=(span(article, snippet),),
        outlets=(article.outlet or "",),
        **extra,
    )


TOLL_12 = Claim(
    text="killed at least 12 people",
    value=12,
    low=12,
    high=None,
    unit="people",
    about="people killed in the Tafas clash",
    speaker="a medical source and residents",
    status="contested",
    sources=(
        span(WIRE, "killed at least 12 people"),
        span(COPY, "killed at least 12 people"),
        span(LOCAL, "Twelve people, among them three soldiers, were killed"),
    ),
    outlets=("Coastline Wire", "Gulf Ledger", "Levant Monitor"),
)
TOLL_9 = _claim(
    BLOG,
    "Some reports say 9 were killed",
    9,
    low=9,
    high=9,
    unit="people",
    about="people killed in the Tafas clash",
    speaker="some reports",
    status="contested",
)
TOLL_15 = _claim(
    BLOG,
    "others put the toll at 15",
    15,
    low=15,
    high=15,
    unit="people",
    about="people killed in the Tafas clash",
    speaker="other reports",
    status="contested",
)
TOLL_12 = replace(TOLL_12, conflicts_with=(TOLL_9.id, TOLL_15.id))
TOLL_9 = replace(TOLL_9, conflicts_with=(TOLL_12.id, TOLL_15.id))
TOLL_15 = replace(TOLL_15, conflicts_with=(TOLL_12.id, TOLL_9.id))
FAMILIES = Claim(
    text="Dozens of families fled",
    value=12,
    low=12,
    high=None,
    unit="families",
    about="families displaced from Tafas",
    speaker=None,
    status="corroborated",
    sources=(span(WIRE, "Dozens of families fled"), span(LOCAL, "About 30-40 families left")),
    outlets=("Coastline Wire", "Levant Monitor"),
)
HOSTILE_CLAIM = _claim(
    BLOG,
    f"A pasted comment read: {HOSTILE}",
    1,
    unit="comment",
    about="hostile text",
    speaker=DOCUMENTERS.id,
    status="single",
)
SAILOR = _claim(
    CHRONICLE,
    "one sailor killed",
    1,
    low=1,
    high=1,
    unit="people",
    about="sailors killed on the ship",
    status="single",
)
CLAIMS = (TOLL_12, TOLL_9, TOLL_15, FAMILIES, HOSTILE_CLAIM, SAILOR)

STORY_A = Story(
    title="Fighting and truce in Tafas, Daraa",
    articles=(WIRE.id, COPY.id, LOCAL.id, LOCAL_2.id, BLOG.id),
    events=(TRUCE.id, CLASH.id, DISPLACEMENT.id, SHELLING.id),  # not in date order on purpose
    summary=(
        SummarySentence(
            text="Fighting between government forces and local ex-rebels in Tafas killed at "
            "least 12 people on Tuesday.",
            sources=(
                span(WIRE, "killed at least 12 people"),
                span(LOCAL, "Twelve people, among them three soldiers, were killed"),
            ),
        ),
        SummarySentence(
            text=f"A blog quoted {HOSTILE}", sources=(span(BLOG, "A pasted comment read"),)
        ),
        SummarySentence(
            text="Elders agreed a truce on Wednesday evening.",
            sources=(span(LOCAL_2, "agreed a truce on Wednesday evening"),),
        ),
    ),
)
STORY_B = Story(
    title="Strikes around Hodeidah",
    articles=(RED_SEA.id, CHRONICLE.id),
    events=(PORT_STRIKE.id, DRONE_LAUNCHES.id, CONTROL.id, SHIP.id),
    summary=(
        SummarySentence(
            text="Coalition jets struck the port area of Hodeidah on Thursday.",
            sources=(
                span(RED_SEA, "Coalition jets struck the port area"),
                span(CHRONICLE, "coalition aircraft hit the port"),
            ),
        ),
    ),
)

GROUP = ArticleGroup(kind="syndicated", articles=(WIRE.id, COPY.id))
REJECTION = Rejection(
    source="in/archive.html.gz",
    stage="ingest",
    reason="truncated_gzip",
    detail="gzip stream ends early",
)


def fixture_corpus() -> Corpus:
    # The same article id with furniture removed: removal never changes an id.
    cleaned = replace(LOCAL, removed=(RemovedBlock(text="Read more: oil", reason="inserted_ad"),))
    articles = tuple(cleaned if a is LOCAL else a for a in ARTICLES)
    return Corpus(
        articles=articles,
        rejections=(REJECTION,),
        groups=(GROUP,),
        entities=ENTITIES,
        places=PLACES,
        events=EVENTS,
        claims=CLAIMS,
        stories=(STORY_A, STORY_B),
    )
