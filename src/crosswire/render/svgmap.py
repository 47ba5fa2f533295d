"""An inline SVG map of event places, drawn from GeoJSON features.

Equirectangular, centred on the points' middle latitude and fitted to their
bounding box with margins; a lat/lon graticule and a scale bar give it
bearings without tiles or outlines, so the brief needs no network. One
marker per place: its area grows with the sources behind the events there,
its slices are coloured by event type.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from crosswire.render.markup import Html, el

EVENT_COLOURS = {  # Okabe-Ito: tells the types apart with colour-blind eyes too
    "Battles": "#D55E00",
    "Explosions/Remote violence": "#E69F00",
    "Violence against civilians": "#CC79A7",
    "Protests": "#0072B2",
    "Riots": "#56B4E9",
    "Strategic developments": "#009E73",
}
OTHER_COLOUR = "#6B6B6B"
WIDTH = 720
MIN_HEIGHT, MAX_HEIGHT = 300, 520
FRAME = (56.0, 12.0, WIDTH - 12.0)  # left, top, right; the bottom depends on the height
BOTTOM_GAP = 30.0
MIN_SPAN = 0.6  # degrees: one town alone still gets some land around it
MARGIN = 0.2  # of the span, on every side, so markers and labels stay inside
KM_PER_DEGREE = 111.32
FONT_PX = 12.0
CHAR_PX = 6.8  # rough width of one character at FONT_PX, for label placement


def event_colour(event_type: str) -> str:
    return EVENT_COLOURS.get(event_type, OTHER_COLOUR)


def _nice(value: float, steps: Sequence[float] = (1.0, 2.0, 2.5, 5.0)) -> float:
    """The smallest 'round' number (1, 2, 2.5, 5 times a power of ten) at least ``value``."""
    power = 10.0 ** math.floor(math.log10(value))
    for step in (*steps, 10.0):
        if step * power >= value * (1 - 1e-9):
            return step * power
    return 10.0 * power


def _round_down(value: float) -> float:
    """The largest of 1, 2, 5 times a power of ten not above ``value``."""
    power = 10.0 ** math.floor(math.log10(value))
    for step in (5.0, 2.0, 1.0):
        if step * power <= value:
            return step * power
    return power


def _decimals(step: float) -> int:
    """How many decimals show every multiple of ``step`` exactly (0.25 -> 2, 5 -> 0)."""
    return next((d for d in range(6) if abs(round(step, d) - step) < 1e-9), 6)


def _degrees(value: float, step: float, positive: str, negative: str) -> str:
    decimals = _decimals(step)
    hemisphere = positive if value >= 0 else negative
    return f"{abs(value):.{decimals}f}°{hemisphere}"


@dataclass(frozen=True, slots=True)
class Projection:
    k: float  # cos of the centre latitude: how much a degree of longitude shrinks
    scale: float  # pixels per degree of latitude
    cx: float
    cy: float
    left: float
    top: float
    right: float
    bottom: float

    def x(self, lon: float) -> float:
        return (self.left + self.right) / 2 + (lon * self.k - self.cx) * self.scale

    def y(self, lat: float) -> float:
        return (self.top + self.bottom) / 2 - (lat - self.cy) * self.scale

    def lon_at(self, x: float) -> float:
        return ((x - (self.left + self.right) / 2) / self.scale + self.cx) / self.k

    def lat_at(self, y: float) -> float:
        return ((self.top + self.bottom) / 2 - y) / self.scale + self.cy


def fit(points: Sequence[tuple[float, float]]) -> tuple[Projection, float]:
    """A projection fitted to (lon, lat) points, and the SVG height it needs."""
    lons = [p[0] for p in points]
    lats = [p[1] for p in points]
    middle = (min(lats) + max(lats)) / 2
    k = max(math.cos(math.radians(middle)), 0.2)
    x0, x1 = min(lons) * k, max(lons) * k
    y0, y1 = min(lats), max(lats)
    width = max(x1 - x0, MIN_SPAN)
    height = max(y1 - y0, MIN_SPAN)
    width, height = width * (1 + 2 * MARGIN), height * (1 + 2 * MARGIN)
    left, top, right = FRAME
    inner_width = right - left
    svg_height = min(max(inner_width * height / width + top + BOTTOM_GAP, MIN_HEIGHT), MAX_HEIGHT)
    bottom = svg_height - BOTTOM_GAP
    scale = min(inner_width / width, (bottom - top) / height)
    projection = Projection(
        k=k,
        scale=scale,
        cx=(x0 + x1) / 2,
        cy=(y0 + y1) / 2,
        left=left,
        top=top,
        right=right,
        bottom=bottom,
    )
    return projection, svg_height


def _ticks(low: float, high: float) -> tuple[float, list[float]]:
    """A round step and the multiples of it between ``low`` and ``high``."""
    step = _nice((high - low) / 5)
    first = math.ceil(low / step)
    count = math.floor(high / step) - first + 1
    # Counted, not summed, so 0.1 steps do not drift into 0.30000000000000004.
    return step, [round((first + i) * step, _decimals(step)) for i in range(max(count, 0))]


def _graticule(p: Projection) -> list[Html]:
    parts: list[Html] = []
    step, lats = _ticks(p.lat_at(p.bottom), p.lat_at(p.top))
    for lat in lats:
        y = f"{p.y(lat):.1f}"
        parts.append(el("line", x1=f"{p.left:.1f}", x2=f"{p.right:.1f}", y1=y, y2=y, class_="grid"))
        parts.append(
            el(
                "text",
                _degrees(lat, step, "N", "S"),
                x=f"{p.left - 4:.1f}",
                y=f"{p.y(lat) + 4:.1f}",
                class_="grid-label",
                text_anchor="end",
            )
        )
    step, lons = _ticks(p.lon_at(p.left), p.lon_at(p.right))
    for lon in lons:
        x = f"{p.x(lon):.1f}"
        parts.append(el("line", x1=x, x2=x, y1=f"{p.top:.1f}", y2=f"{p.bottom:.1f}", class_="grid"))
        parts.append(
            el(
                "text",
                _degrees(lon, step, "E", "W"),
                x=x,
                y=f"{p.bottom + 14:.1f}",
                class_="grid-label",
                text_anchor="middle",
            )
        )
    return parts


def _scale_bar(p: Projection) -> Html:
    km_per_px = KM_PER_DEGREE / p.scale
    km = _round_down(km_per_px * (p.right - p.left) / 5)
    length = km / km_per_px
    x, y = p.left + 12, p.bottom - 12
    label = f"{km:g} km"
    return el(
        "g",
        el(
            "rect",
            x=f"{x - 4:.1f}",
            y=f"{y - 16:.1f}",
            width=f"{length + 8:.1f}",
            height="22",
            class_="scale-bg",
        ),
        el(
            "path",
            d=f"M{x:.1f},{y - 5:.1f}V{y:.1f}H{x + length:.1f}V{y - 5:.1f}",
            class_="scale-bar",
        ),
        el(
            "text",
            label,
            x=f"{x + length / 2:.1f}",
            y=f"{y - 4:.1f}",
            text_anchor="middle",
            class_="scale-label",
        ),
        class_="scale",
    )


def _slices(cx: float, cy: float, r: float, colours: list[tuple[str, int]]) -> list[Html]:
    total = sum(n for _, n in colours)
    if len(colours) == 1:
        return [el("circle", cx=f"{cx:.1f}", cy=f"{cy:.1f}", r=f"{r:.1f}", fill=colours[0][0])]
    parts = []
    angle = -math.pi / 2
    for colour, count in colours:
        sweep = 2 * math.pi * count / total
        end = angle + sweep
        x0, y0 = cx + r * math.cos(angle), cy + r * math.sin(angle)
        x1, y1 = cx + r * math.cos(end), cy + r * math.sin(end)
        large = 1 if sweep > math.pi else 0
        d = f"M{cx:.1f},{cy:.1f}L{x0:.2f},{y0:.2f}A{r:.1f},{r:.1f} 0 {large} 1 {x1:.2f},{y1:.2f}Z"
        parts.append(el("path", d=d, fill=colour))
        angle = end
    return parts


def marker_radius(sources: int) -> float:
    return min(4.0 + 4.0 * math.sqrt(max(sources, 1)), 26.0)


@dataclass(slots=True)
class _Place:
    name: str
    lon: float
    lat: float
    features: list[dict[str, Any]]

    @property
    def sources(self) -> int:
        return sum(int(f["properties"].get("source_count") or 1) for f in self.features)


def _group_by_place(features: Sequence[dict[str, Any]]) -> list[_Place]:
    places: dict[object, _Place] = {}
    for feature in features:
        lon, lat = feature["geometry"]["coordinates"]
        props = feature["properties"]
        key = props.get("place_id") or (lon, lat)
        place = places.setdefault(key, _Place(str(props.get("place") or ""), lon, lat, []))
        place.features.append(feature)
    return list(places.values())


def _label_text(name: str, labels: list[str], events: int) -> str:
    if labels:
        return f"{name} ({', '.join(labels)})"
    return f"{name} ({events} events)" if events > 1 else name


Box = tuple[float, float, float, float]


def _label_box(x: float, y: float, text: str, r: float, side: str) -> Box:
    width = CHAR_PX * len(text)
    if side == "right":
        return (x + r + 4, y - FONT_PX / 2 - 2, x + r + 4 + width, y + FONT_PX / 2 + 2)
    if side == "left":
        return (x - r - 4 - width, y - FONT_PX / 2 - 2, x - r - 4, y + FONT_PX / 2 + 2)
    if side == "above":
        return (x - width / 2, y - r - 4 - FONT_PX - 2, x + width / 2, y - r - 2)
    return (x - width / 2, y + r + 2, x + width / 2, y + r + 4 + FONT_PX + 2)


def _overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _place_label(
    x: float, y: float, text: str, r: float, *, markers: list[Box], labels: list[Box]
) -> tuple[str, Box] | None:
    """A side for the label inside the map, clear of labels placed so far; None: no room.

    A side clear of other markers too is preferred, but places a few pixels
    apart overlap whichever way their labels go, so labels only must be clear.
    """
    boxes = {s: _label_box(x, y, text, r, s) for s in ("right", "left", "above", "below")}
    inside = [s for s, b in boxes.items() if b[0] >= 0 and b[2] <= WIDTH]
    for obstacles in (labels + markers, labels):
        for side in inside:
            if not any(_overlaps(boxes[side], box) for box in obstacles):
                return side, boxes[side]
    return None


def _marker(place: _Place, x: float, y: float, r: float, tooltip: str, labels: list[str]) -> Html:
    counts: dict[str, int] = {}
    for feature in place.features:
        colour = event_colour(feature["properties"]["event_type"])
        counts[colour] = counts.get(colour, 0) + 1
    return el(
        "g",
        el("title", tooltip),
        *_slices(x, y, r, sorted(counts.items(), key=lambda kv: -kv[1])),
        el("circle", cx=f"{x:.1f}", cy=f"{y:.1f}", r=f"{r:.1f}", class_="marker-ring"),
        class_="marker",
        data_place=place.name,
        data_events=" ".join(labels),
    )


def _label(place: _Place, x: float, text: str, side: str, box: Box) -> Html:
    label_x = {"right": box[0], "left": box[2]}.get(side, x)
    return el(
        "text",
        text,
        x=f"{label_x:.1f}",
        y=f"{box[3] - 4:.1f}",
        text_anchor={"right": "start", "left": "end"}.get(side, "middle"),
        class_="marker-label",
        data_place=place.name,
    )


def _tooltip(place: _Place, event_labels: dict[str, str], event_titles: dict[str, str]) -> str:
    """A place's hover text: each event's label and title with its number of sources."""
    return f"{place.name}: " + "; ".join(
        " ".join(p for p in (event_labels.get(f["id"]), event_titles.get(f["id"])) if p)
        + f" ({f['properties'].get('source_count') or 1} source(s))"
        for f in place.features
    )


def _svg(
    projection: Projection,
    height: float,
    map_id: str,
    title: str,
    description: str,
    layers: list[Html],
) -> Html:
    """The accessible <svg> element: title, description, frame, graticule, scale, layers."""
    title_id, desc_id = f"{map_id}-title", f"{map_id}-desc"
    return el(
        "svg",
        el("title", title, id=title_id),
        el("desc", description, id=desc_id),
        el(
            "rect",
            x=f"{projection.left:.1f}",
            y=f"{projection.top:.1f}",
            width=f"{projection.right - projection.left:.1f}",
            height=f"{projection.bottom - projection.top:.1f}",
            class_="frame",
        ),
        *_graticule(projection),
        _scale_bar(projection),
        # Labels come last in ``layers``, so a neighbour's marker never hides one.
        *layers,
        viewBox=f"0 0 {WIDTH} {height:.0f}",
        role="img",
        aria_labelledby=f"{title_id} {desc_id}",
        class_="map-svg",
        id=map_id,
    )


def render_map(
    features: Sequence[dict[str, Any]],
    *,
    map_id: str,
    title: str,
    event_labels: dict[str, str],
    event_titles: dict[str, str],
) -> Html:
    """A <figure> with the SVG map and its legend; a short note when nothing has coordinates."""
    if not features:
        return el(
            "p", "No event here has a place with coordinates, so there is no map.", class_="note"
        )
    # Most-reported places first: they are drawn below and labelled first.
    places = sorted(_group_by_place(features), key=lambda p: -p.sources)
    projection, height = fit([(p.lon, p.lat) for p in places])
    points = [(projection.x(p.lon), projection.y(p.lat), marker_radius(p.sources)) for p in places]
    circles: list[Box] = [(x - r, y - r, x + r, y + r) for x, y, r in points]
    placed: list[Box] = []
    markers: list[Html] = []
    texts: list[Html] = []
    described: list[str] = []
    unlabelled: list[str] = []
    for index, (place, (x, y, r)) in enumerate(zip(places, points, strict=True)):
        labels = [event_labels[f["id"]] for f in place.features if f["id"] in event_labels]
        text = _label_text(place.name, labels, len(place.features))
        others = circles[:index] + circles[index + 1 :]
        label = _place_label(x, y, text, r, markers=others, labels=placed)
        if label is None:
            unlabelled.append(place.name)
        else:
            placed.append(label[1])
            texts.append(_label(place, x, text, *label))
        tooltip = _tooltip(place, event_labels, event_titles)
        described.append(tooltip + ".")
        markers.append(_marker(place, x, y, r, tooltip, labels))
    description = (
        f"{len(places)} place(s) on an equirectangular map centred at "
        f"{_degrees(projection.cy, 0.1, 'N', 'S')}. " + " ".join(described)
    )
    svg = _svg(
        projection, height, map_id, title, description, [*markers, el("g", *texts, class_="labels")]
    )
    legend = _legend(features, labelled=bool(event_labels), unlabelled=unlabelled)
    return el("figure", svg, legend, class_="map")


def _legend(features: Sequence[dict[str, Any]], *, labelled: bool, unlabelled: list[str]) -> Html:
    types = sorted({str(f["properties"]["event_type"]) for f in features})
    items = [
        el("li", el("span", class_="swatch", style=f"background:{event_colour(t)}"), t)
        for t in types
    ]
    return el(
        "figcaption",
        el("ul", *items, class_="legend"),
        "Marker area grows with the number of independent sources; slices show the event "
        "types at one place.",
        " Labels E1, E2 ... refer to the timeline." if labelled else None,
        f" No room for the labels of {', '.join(unlabelled)}: hover their markers."
        if unlabelled
        else None,
    )
