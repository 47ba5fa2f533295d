"""Small builders for the corpus-level cross-checking tests (resolve, fuse, claims, stories)."""

from __future__ import annotations

import re

from crosswire.model import (
    Article,
    DateMention,
    Entity,
    Event,
    Figure,
    Mention,
    Place,
    SourceSpan,
)

_WEEKDAY = re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b")


def article(
    name: str, text: str, *, outlet: str | None = None, published: str = "2026-03-04"
) -> Article:
    return Article(
        input_sha256=name * 8, position="0", source=name, format="txt", text=text,
        outlet=outlet, published=published, title=f"{name} title",
    )  # fmt: skip


def span(art: Article, needle: str) -> SourceSpan:
    start = art.text.index(needle)
    return SourceSpan(article=art.id, start=start, end=start + len(needle), text=needle)


def mention(art: Article, needle: str) -> Mention:
    start = art.text.index(needle)
    return Mention(article=art.id, start=start, end=start + len(needle), text=needle)


TAFAS = Place(name="Tafas", geonameid=1, lat=32.737, lon=36.067, country_code="SY",
              admin1="Daraa", feature="city")  # fmt: skip
MUZAYRIB = Place(name="Muzayrib", geonameid=2, lat=32.711, lon=36.028, country_code="SY",
                 admin1="Daraa", feature="city")  # fmt: skip
DARAA_PROVINCE = Place(name="Daraa", geonameid=3, lat=32.75, lon=36.25, country_code="SY",
                       admin1="Daraa", feature="admin1")  # fmt: skip
QAMISHLI = Place(name="Qamishli", geonameid=4, lat=37.05, lon=41.23, country_code="SY",
                 admin1="Hasakah", feature="city")  # fmt: skip

HODEIDAH = Place(name="Hodeidah", geonameid=5, lat=14.798, lon=42.955, country_code="YE",
                 admin1="Al Hudaydah", feature="city")  # fmt: skip

ARMY = Entity(name="Military Forces of Syria", kind="military", inter_code=1, country_code="SY")
GOVERNMENT = Entity(name="Government of Syria", kind="government", inter_code=1,
                    country_code="SY")  # fmt: skip
MILITIA = Entity(name="Tafas Communal Militia", kind="identity_militia", inter_code=4,
                 country_code="SY")  # fmt: skip
ISLAMIC_STATE = Entity(name="Islamic State", kind="rebel_group", inter_code=2)


def event(
    art: Article,
    needle: str,
    *,
    sub_event_type: str = "Armed clash",
    event_type: str = "Battles",
    actor1: Entity | None = ARMY,
    actor2: Entity | None = MILITIA,
    place: Place | None = TAFAS,
    day: str | None = "2026-03-03",
    fatalities: int | None = None,
    low: int | None = None,
    high: int | None = None,
    modality: str = "asserted",
    background: bool = False,
) -> Event:
    """A report; its date counts as stated when the evidence names a weekday (as the events
    stage reads it: ``date_text``), else it is the events stage's guess."""
    weekday = _WEEKDAY.search(needle)
    return Event(
        event_type=event_type,
        sub_event_type=sub_event_type,
        actor1=actor1.id if actor1 else None,
        actor2=actor2.id if actor2 else None,
        place=place.id if place else None,
        date_start=day,
        date_end=day,
        date_precision="day" if day else None,
        date_text=weekday.group() if weekday and day else None,
        fatalities=fatalities,
        fatalities_low=low,
        fatalities_high=high,
        modality=modality,
        sources=(span(art, needle),),
        background=background,
    )


def figure(
    art: Article,
    needle: str,
    value: float | None,
    *,
    counted: str,
    low: float | None = None,
    high: float | None = None,
    exact: bool = True,
    unit: str = "people",
    vague: bool = False,
    speaker: str | None = None,
) -> Figure:
    """An exact figure unless ``exact`` is false ("at least N": high left open)."""
    return Figure(
        mention=mention(art, needle),
        value=value,
        low=value if low is None else low,
        high=(value if exact else None) if high is None else high,
        unit=unit,
        counted=counted,
        vague=vague,
        speaker=speaker,
        outlet=art.outlet,
    )


def stated_dates(art: Article, events: list[Event]) -> tuple[DateMention, ...]:
    """The weekday named in each dated event's evidence, as the dates stage would find it."""
    found = []
    for report in events:
        for span in report.sources:
            day = _WEEKDAY.search(span.text)
            if day is None or report.date_start is None:
                continue
            start = span.start + day.start()
            found.append(
                DateMention(
                    mention=Mention(article=art.id, start=start, end=start + len(day.group()),
                                    text=day.group()),
                    start_date=report.date_start,
                    end_date=report.date_end or report.date_start,
                    precision="day",
                )
            )  # fmt: skip
    return tuple(found)
