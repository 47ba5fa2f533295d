"""Events as GeoJSON: one feature per event, a Point where its place has coordinates.

Events without coordinates stay in the exported collection with a null
geometry (RFC 7946, section 3.2), so a GeoJSON reader sees every event; the
map draws only the placed ones. Every feature lists its sources.
"""

from __future__ import annotations

from typing import Any

from crosswire.events.confidence import shown
from crosswire.render.view import BriefView, event_sort_key


def _sources(view: BriefView, event: dict[str, Any]) -> list[dict[str, Any]]:
    sources = []
    for span in event.get("sources", []):
        article = view.articles.get(span["article"]) or {}
        sources.append(
            {
                "article_id": span["article"],
                "outlet": article.get("outlet"),
                "title": article.get("title"),
                "published": article.get("published"),
                "url": article.get("url"),
                "evidence": span.get("text"),
                "start": span.get("start"),
                "end": span.get("end"),
            }
        )
    return sources


def event_features(
    brief: dict[str, Any], *, include_unplaced: bool = False
) -> list[dict[str, Any]]:
    """Features in date order: Points ([lon, lat], as GeoJSON orders them).

    With ``include_unplaced``, events without coordinates come too, with a null geometry.
    Flagged events and those under the confidence threshold are left out
    (``confidence.shown``); brief.json keeps them.
    """
    view = BriefView(brief)
    features = []
    for event in sorted(view.events.values(), key=event_sort_key):
        if not shown(event):
            continue
        place = view.place(event.get("place"))
        placed = place is not None and place.get("lat") is not None and place.get("lon") is not None
        if not placed and not include_unplaced:
            continue
        place = place or {}
        geometry = (
            {"type": "Point", "coordinates": [place["lon"], place["lat"]]} if placed else None
        )
        features.append(
            {
                "type": "Feature",
                "id": event["id"],
                "geometry": geometry,
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
                    "place": place.get("name"),
                    "place_id": place.get("id"),
                    "geonameid": place.get("geonameid"),
                    "admin1": place.get("admin1"),
                    "country_code": place.get("country_code"),
                    "actor1": view.entity_name(event.get("actor1")) or None,
                    "actor2": view.entity_name(event.get("actor2")) or None,
                    "modality": event.get("modality", "asserted"),
                    "confidence": event.get("confidence"),
                    "sources": _sources(view, event),
                },
            }
        )
    return features


def events_geojson(brief: dict[str, Any]) -> dict[str, Any]:
    """Every event as a feature; unplaced ones with ``"geometry": null``."""
    return {"type": "FeatureCollection", "features": event_features(brief, include_unplaced=True)}
