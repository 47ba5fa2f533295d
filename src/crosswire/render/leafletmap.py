"""The offline Leaflet map: Natural Earth borders and clustered event markers.

The map library, its clustering plugin, the TopoJSON decoder and Natural
Earth's 1:50m borders are npm packages copied into ``assets/vendor`` at build
time (scripts/build_map_assets.py); the page inlines them, so it works from a
file with no network. Without them ``available()`` is false and the brief
keeps its inline SVG map, saying why.
"""

from __future__ import annotations

import json
from collections import Counter
from functools import cache
from importlib import resources
from importlib.abc import Traversable
from typing import Any

from crosswire.render.markup import Html, el
from crosswire.render.svgmap import event_colour

VENDOR_FILES = (
    "leaflet.js",
    "leaflet.css",
    "leaflet.markercluster.js",
    "MarkerCluster.css",
    "MarkerCluster.Default.css",
    "topojson-client.min.js",
    "countries-50m.json",
)
MISSING_NOTE = (
    "The interactive map with country borders is not bundled in this installation "
    "(run scripts/build_map_assets.py after `npm ci` in scripts/map-assets); "
    "this is the plain map, without coastlines or borders."
)


def _vendor() -> Traversable:
    return resources.files("crosswire.render").joinpath("assets", "vendor")


@cache
def available() -> bool:
    folder = _vendor()
    return all(folder.joinpath(name).is_file() for name in VENDOR_FILES)


@cache
def _read(name: str) -> str:
    return _vendor().joinpath(name).read_text("utf-8")


@cache
def _own_script() -> str:
    return resources.files("crosswire.render").joinpath("assets", "map.js").read_text("utf-8")


def script_json(data: Any) -> Html:
    """JSON safe inside a <script> element: no "</script>" or "<!--" can close it."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return Html(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def head_parts() -> list[Html]:
    """The styles the map needs, for the page's <head>."""
    css = "\n".join(
        _read(n) for n in ("leaflet.css", "MarkerCluster.css", "MarkerCluster.Default.css")
    )
    return [el("style", Html(css))]


def body_parts() -> list[Html]:
    """Borders and scripts, once per page, at the end of <body>."""
    world = json.loads(_read("countries-50m.json"))
    return [
        el("script", script_json(world), type="application/json", id="cw-world"),
        el("script", Html(_read("leaflet.js"))),
        el("script", Html(_read("leaflet.markercluster.js"))),
        el("script", Html(_read("topojson-client.min.js"))),
        el("script", Html(_own_script())),
    ]


def map_events(
    features: list[dict[str, Any]],
    *,
    titles: dict[str, str],
    labels: dict[str, str],
    hrefs: dict[str, str],
    by_place: bool = False,
) -> list[dict[str, Any]]:
    """The few fields a marker needs, per placed event; or per place with ``by_place``.

    A corpus map has one marker per place (its events counted, linked to the
    first of them), so its data grows with the places, not the events.
    """
    events = []
    for feature in features:
        if not feature.get("geometry"):
            continue
        props = feature["properties"]
        lon, lat = feature["geometry"]["coordinates"]
        event_id = feature["id"]
        events.append(
            {
                "lat": lat,
                "lon": lon,
                "colour": event_colour(props["event_type"]),
                "sources": props.get("source_count", 1),
                "title": titles.get(event_id, props["sub_event_type"]),
                "label": labels.get(event_id, ""),
                "when": props.get("date_start") or "date unknown",
                "href": hrefs.get(event_id, ""),
                "place": props.get("place") or "",
            }
        )
    if not by_place:
        return events
    return _by_place(events)


def _by_place(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    groups: dict[tuple[float, float], list[dict[str, Any]]] = {}
    for event in events:
        groups.setdefault((event["lat"], event["lon"]), []).append(event)
    places = []
    for (lat, lon), group in groups.items():
        colours = Counter(e["colour"] for e in group)
        days = sorted(e["when"] for e in group if e["when"] != "date unknown")
        span = f"{days[0]} – {days[-1]}" if days and days[0] != days[-1] else (days or ["?"])[0]
        places.append(
            {
                "lat": lat,
                "lon": lon,
                "colour": colours.most_common(1)[0][0],
                "sources": len(group),
                "title": f"{group[0]['place'] or 'place'}: {len(group)} event"
                + ("s" if len(group) != 1 else ""),
                "label": "",
                "when": span,
                "href": group[0]["href"],
                "unit": "event",
            }
        )
    return places


def render_leaflet_map(map_id: str, title: str, events: list[dict[str, Any]]) -> Html:
    """A map container and its events; body_parts() draws it when it scrolls into view."""
    return el(
        "figure",
        el(
            "div",
            "",
            class_="cw-map",
            id=map_id,
            data_events=f"{map_id}-events",
            role="img",
            aria_label=f"{title}: {len(events)} placed events on a map of country borders",
        ),
        el("script", script_json(events), type="application/json", id=f"{map_id}-events"),
        el("figcaption", title, class_="note"),
        class_="map-figure",
    )


def shared_script() -> str:
    """One script file for the story pages: the libraries, the borders and the map code."""
    world = str(script_json(json.loads(_read("countries-50m.json"))))
    return "\n;\n".join(
        [
            _read("leaflet.js"),
            _read("leaflet.markercluster.js"),
            _read("topojson-client.min.js"),
            f"window.CW_WORLD = {world};",
            _own_script(),
        ]
    )
