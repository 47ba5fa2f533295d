"""Events as rows in ACLED's column layout, so ACLED tooling reads crosswire output.

ACLED's own columns come first, filled as ACLED's codebook fills them (the
conservative fatality figure, 0 when none is reported; the middle of the
range as the date when only a week or month is known); crosswire's columns
follow and keep what ACLED's layout has no room for (the reported range,
which fields sources disagree on, the article ids).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any, Literal

from crosswire.render.countries import country
from crosswire.render.scale import source_scale
from crosswire.render.view import BriefView, event_sort_key, parse_partial

ColumnType = Literal["str", "int", "float"]

ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)
CROSSWIRE_COLUMNS: tuple[str, ...] = (
    "crosswire_event_id",
    "source_count",
    "conflicting_fields",
    "fatalities_low",
    "fatalities_high",
    "sources",
    "modality",
)
EVENT_COLUMNS = ACLED_COLUMNS + CROSSWIRE_COLUMNS
_INTEGER_COLUMNS = {
    "year",
    "time_precision",
    "inter1",
    "inter2",
    "interaction",
    "iso",
    "geo_precision",
    "fatalities",
    "timestamp",
    "source_count",
    "fatalities_low",
    "fatalities_high",
}
COLUMN_TYPES: dict[str, ColumnType] = {
    c: "int" if c in _INTEGER_COLUMNS else "float" if c in ("latitude", "longitude") else "str"
    for c in EVENT_COLUMNS
}

POLITICAL_VIOLENCE = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
# Sub-event types that are both a demonstration and political violence.
_MIXED_DISORDER = {"Excessive force against protesters", "Mob violence"}
CIVILIANS_INTER = 7
# GeoNames/crosswire feature -> ACLED geo_precision (1 town or site, 2 part of a region, 3 region).
_GEO_PRECISION = {
    "admin2": 2,
    "district": 2,
    "locality": 2,
    "admin1": 3,
    "country": 3,
    "region": 3,
    "continent": 3,
    "sea": 3,
    "river": 3,
}


def disorder_type(event_type: str, sub_event_type: str) -> str:
    if sub_event_type in _MIXED_DISORDER:
        return "Political violence; Demonstrations"
    if event_type in POLITICAL_VIOLENCE:
        return "Political violence"
    if event_type in ("Protests", "Riots"):
        return "Demonstrations"
    if event_type == "Strategic developments":
        return "Strategic developments"
    return ""


def _bounds(start: str | None, end: str | None) -> tuple[date, date] | None:
    """The first and last day a possibly partial date range covers."""
    first, last = parse_partial(start), parse_partial(end or start)
    if first is None:
        return None
    last = last or first
    begin = date(first.year, first.month or 1, first.day or 1)
    if last.day is not None:
        finish = date(last.year, last.month or 12, last.day)
    elif last.month is not None:
        following = date(last.year + last.month // 12, last.month % 12 + 1, 1)
        finish = following - timedelta(days=1)
    else:
        finish = date(last.year, 12, 31)
    return begin, max(begin, finish)


def event_date(event: dict[str, Any]) -> tuple[date | None, int | None]:
    """ACLED's event_date and time_precision: the day, or the middle of a longer range."""
    bounds = _bounds(event.get("date_start"), event.get("date_end"))
    if bounds is None:
        return None, None
    begin, finish = bounds
    precision = event.get("date_precision")
    if precision in ("month", "year"):
        code = 3
    elif begin == finish and precision in ("day", None):
        code = 1
    else:
        code = 2
    return begin + (finish - begin) / 2, code


def interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED's two-digit interaction code: the lower inter code first; a lone actor is X0."""
    if inter1 is None:
        return None
    if inter2 == 0:
        return inter1 * 10
    if inter2 is None:
        return None
    low, high = sorted((inter1, inter2))
    return low * 10 + high


def _event_id_cnty(iso3: str, event_id: str) -> str:
    # Stable across runs and corpora: derived from crosswire's content-hash id.
    digest = event_id.rsplit("_", 1)[-1]
    return f"{iso3}{int(digest[:8], 16):010d}"


def _timestamp(generated_at: str | None) -> int:
    if generated_at:
        try:
            return int(datetime.fromisoformat(generated_at).timestamp())
        except ValueError:
            pass
    return int(datetime.now(UTC).timestamp())


def _or_unknown(value: object) -> str:
    return "?" if value is None else str(value)


def _notes(view: BriefView, event: dict[str, Any], location: str) -> str:
    actors = " and ".join(
        view.entity_name(event.get(k)) for k in ("actor1", "actor2") if event.get(k)
    )
    preposition = "On" if event.get("date_precision") in ("day", None) else "In"
    text = f"{preposition} {view.when(event)}: {event['sub_event_type']}"
    if actors:
        text += f" involving {actors}"
    if location:
        text += f" in {location}"
    text += "."
    best, low, high = (
        event.get("fatalities"),
        event.get("fatalities_low"),
        event.get("fatalities_high"),
    )
    if best is not None:
        text += f" Fatalities: {best}"
        if (low, high) != (best, best) and (low is not None or high is not None):
            text += f" (reports range {_or_unknown(low)}-{_or_unknown(high)})"
        text += "."
    fields = [f for f, _ in event.get("conflicts", [])]
    if fields:
        text += f" Sources disagree on {', '.join(fields)}."
    if event.get("modality", "asserted") != "asserted":
        text += f" Reported as {event['modality']}."
    return text


_ADMIN2_FEATURES = ("admin2", "district")
_ADMIN3_FEATURES = ("admin3", "subdistrict")


def _co_named(
    view: BriefView, event: dict[str, Any], place: dict[str, Any], features: tuple[str, ...]
) -> str:
    """A division of the kind ``features`` named in the event's own passages, in its country.

    A report that says "in Kafr Nabl, Maarrat al-Numan district" names the
    district beside the town; that is the one source of admin2 the records hold.
    """
    for span in event.get("sources", []):
        for other in view.places_in(span):
            if other.get("feature") not in features or other.get("id") == place.get("id"):
                continue
            if other.get("country_code") != place.get("country_code"):
                continue
            if place.get("admin1") and other.get("admin1") not in (None, place.get("admin1")):
                continue
            return str(other["name"])
    return ""


def _admin(view: BriefView, event: dict[str, Any], place: dict[str, Any]) -> tuple[str, str]:
    """ACLED's admin2 and admin3: the place itself when it is one, else one named beside it."""
    feature = place.get("feature")
    location = place.get("name") or ""
    if feature in _ADMIN2_FEATURES:
        return location, ""
    if feature in _ADMIN3_FEATURES:
        return _co_named(view, event, place, _ADMIN2_FEATURES), location
    if not place or feature in ("admin1", "country", "region", "continent", "sea"):
        return "", ""
    return (
        _co_named(view, event, place, _ADMIN2_FEATURES),
        _co_named(view, event, place, _ADMIN3_FEATURES),
    )


def _actor_columns(view: BriefView, event: dict[str, Any]) -> dict[str, Any]:
    """ACLED's actor, association and interaction columns of one event."""
    actor1, actor2 = event.get("actor1"), event.get("actor2")
    inter1 = view.entities.get(actor1 or "", {}).get("inter_code") if actor1 else None
    inter2 = view.entities.get(actor2 or "", {}).get("inter_code") if actor2 else 0
    # ACLED marks civilian targeting on remote violence too: the events stage sets it on
    # an attack on civilians coded by its means, whoever the actors turned out to be.
    targeted = (
        event["event_type"] == "Violence against civilians"
        or (event["event_type"] in POLITICAL_VIOLENCE and CIVILIANS_INTER in (inter1, inter2))
        or (event["event_type"] in POLITICAL_VIOLENCE and bool(event.get("civilian_targeting")))
    )
    return {
        "actor1": view.entity_name(actor1),
        "assoc_actor_1": "; ".join(view.entity_name(a) for a in event.get("assoc_actor1", [])),
        "inter1": inter1,
        "actor2": view.entity_name(actor2),
        "assoc_actor_2": "; ".join(view.entity_name(a) for a in event.get("assoc_actor2", [])),
        "inter2": inter2,
        "interaction": interaction(inter1, inter2),
        "civilian_targeting": "Civilian targeting" if targeted else "",
    }


def _place_columns(view: BriefView, event: dict[str, Any], place: dict[str, Any]) -> dict[str, Any]:
    """ACLED's country, admin, location and coordinate columns of one event."""
    nation = country(place.get("country_code"))
    feature = place.get("feature")
    location = place.get("name") or ""
    admin2, admin3 = _admin(view, event, place)
    return {
        "iso": nation.iso_numeric if nation else None,
        "region": nation.region if nation else "",
        "country": nation.name if nation else "",
        "admin1": place.get("admin1") or (location if feature == "admin1" else ""),
        "admin2": admin2,
        "admin3": admin3,
        "location": location,
        "latitude": place.get("lat"),
        "longitude": place.get("lon"),
        "geo_precision": _GEO_PRECISION.get(feature or "", 1) if place else None,
    }


def acled_row(view: BriefView, event: dict[str, Any], timestamp: int) -> dict[str, Any]:
    place = view.place(event.get("place")) or {}
    nation = country(place.get("country_code"))
    when, time_precision = event_date(event)
    places = _place_columns(view, event, place)
    location = places["location"]
    place_words = ", ".join(p for p in (places["admin1"], places["country"]) if p and p != location)
    articles = view.source_articles(event)
    best = event.get("fatalities")
    scale = source_scale(
        [(view.articles.get(a) or {}).get("url") for a in articles],
        place.get("country_code"),
        [(view.articles.get(a) or {}).get("outlet") for a in articles],
    )
    return {
        "event_id_cnty": _event_id_cnty(nation.iso3 if nation else "XXX", event["id"]),
        "event_date": when.isoformat() if when else None,
        "year": when.year if when else None,
        "time_precision": time_precision,
        "disorder_type": disorder_type(event["event_type"], event["sub_event_type"]),
        "event_type": event["event_type"],
        "sub_event_type": event["sub_event_type"],
        **_actor_columns(view, event),
        **places,
        "source": "; ".join(dict.fromkeys(view.outlet(a) for a in articles)),
        "source_scale": scale,
        "notes": _notes(view, event, f"{location} ({place_words})" if place_words else location),
        "fatalities": best if best is not None else 0,
        "tags": "",
        "timestamp": timestamp,
        "crosswire_event_id": event["id"],
        "source_count": event.get("source_count", 1),
        "conflicting_fields": "; ".join(f for f, _ in event.get("conflicts", [])),
        "fatalities_low": event.get("fatalities_low"),
        "fatalities_high": event.get("fatalities_high"),
        "sources": "; ".join(articles),
        "modality": event.get("modality", "asserted"),
    }


def acled_rows(brief: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per event shown by default (``confidence.shown``: asserted, not under the
    confidence threshold), in date order, with every column of ``EVENT_COLUMNS``."""
    from crosswire.events.confidence import shown

    view = BriefView(brief)
    timestamp = _timestamp(brief.get("generated_at"))
    events = sorted((e for e in view.events.values() if shown(e)), key=event_sort_key)
    return [acled_row(view, event, timestamp) for event in events]
