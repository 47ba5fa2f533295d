"""Events as GeoJSON: one Point feature per event whose place has coordinates."""

from __future__ import annotations

from typing import Any

from crosswire.events.confidence import shown
from crosswire.render.view import BriefView, event_sort_key


def event_features(brief: dict[str, Any]) -> list[dict[str, Any]]:
    """Point features ([lon, lat], as GeoJSON orders them) in date order; flagged events
    and those under the confidence threshold stay off the map (``confidence.shown``)."""
    view = BriefView(brief)
    features = []
    for event in sorted(view.events.values(), key=event_sort_key):
        if not shown(event):
            continue
        place = view.place(event.get("place"))
        if place is None or place.get("lat") is None or place.get("lon") is None:
            continue
        features.append(
            {
                "type": "Feature",
                "id": event["id"],
                "geometry": {"type": "Point", "coordinates": [place["lon"], place["lat"]]},
                "properties": {
                    "event_id": event["id"],
                    "event_type": event["event_type"],
                    "sub_event_type": event["sub_event_type"],
                    "date_start": event.get("date_start"),
                    "date_end": event.get("date_end"),
                    "date_precision": event.get("date_precision"),
                    "fatalities": event.get("fatalities"),
                    "fatalities_low": event.get("fatalities_low"),
                    "fatalities_high": event.get("fatalities_high"),
                    "source_count": event.get("source_count", 1),
                    "place": place["name"],
                    "place_id": place["id"],
                    "geonameid": place.get("geonameid"),
                    "admin1": place.get("admin1"),
                    "country_code": place.get("country_code"),
                    "actor1": view.entity_name(event.get("actor1")) or None,
                    "actor2": view.entity_name(event.get("actor2")) or None,
                    "modality": event.get("modality", "asserted"),
                },
            }
        )
    return features


def events_geojson(brief: dict[str, Any]) -> dict[str, Any]:
    return {"type": "FeatureCollection", "features": event_features(brief)}
