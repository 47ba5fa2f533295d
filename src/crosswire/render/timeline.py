"""The corpus-wide timeline: events per day, week or month, stacked by event type, as SVG."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from typing import Any

from crosswire.render.markup import Html, el
from crosswire.render.svgmap import EVENT_COLOURS, OTHER_COLOUR, event_colour
from crosswire.render.view import parse_partial

WIDTH, HEIGHT, AXIS = 720, 140, 18


def _bucket(day: date, unit: str) -> date:
    if unit == "day":
        return day
    if unit == "week":
        return day - timedelta(days=day.weekday())
    return day.replace(day=1)


def _unit(first: date, last: date) -> str:
    span = (last - first).days
    return "day" if span <= 62 else "week" if span <= 730 else "month"


def _dated(events: list[dict[str, Any]]) -> list[tuple[date, str]]:
    dated = []
    for event in events:
        start = parse_partial(event.get("date_start"))
        if start is not None:
            dated.append((date(start.year, start.month or 1, start.day or 1), event["event_type"]))
    return dated


def render_corpus_timeline(events: list[dict[str, Any]]) -> Html:
    """A stacked bar per period; hovering a bar tells its period and counts by type."""
    dated = _dated(events)
    if not dated:
        return el("p", "No dated events.", class_="note")
    days = [d for d, _ in dated]
    unit = _unit(min(days), max(days))
    counts: dict[date, Counter[str]] = {}
    for day, kind in dated:
        counts.setdefault(_bucket(day, unit), Counter())[kind] += 1
    periods = sorted(counts)
    tallest = max(sum(c.values()) for c in counts.values())
    step = WIDTH / len(periods)
    bars = []
    for index, period in enumerate(periods):
        y = float(HEIGHT - AXIS)
        parts = []
        for kind in [*EVENT_COLOURS, *sorted(set(counts[period]) - set(EVENT_COLOURS))]:
            count = counts[period].get(kind, 0)
            if not count:
                continue
            height = (HEIGHT - AXIS - 6) * count / tallest
            y -= height
            parts.append(
                el("rect", x=f"{index * step:.1f}", y=f"{y:.1f}", width=f"{max(step - 1, 1):.1f}",
                   height=f"{height:.1f}", fill=event_colour(kind))
            )  # fmt: skip
        summary = ", ".join(f"{n} {k}" for k, n in counts[period].most_common())
        bars.append(el("g", el("title", f"{unit} of {period.isoformat()}: {summary}"), *parts))
    axis = [
        el("text", periods[0].isoformat(), x="0", y=str(HEIGHT - 4), class_="grid-label"),
        el("text", periods[-1].isoformat(), x=str(WIDTH), y=str(HEIGHT - 4),
           text_anchor="end", class_="grid-label"),
    ]  # fmt: skip
    legend = [
        el("li", el("span", "■", style=f"color:{colour}"), f" {kind}")
        for kind, colour in [*EVENT_COLOURS.items(), ("other", OTHER_COLOUR)]
    ]
    return el(
        "figure",
        el(
            "svg",
            el("title", f"Events per {unit}, {len(dated)} dated events"),
            *bars,
            *axis,
            viewBox=f"0 0 {WIDTH} {HEIGHT}",
            role="img",
            class_="corpus-timeline",
            xmlns="http://www.w3.org/2000/svg",
        ),
        el("figcaption", f"Events per {unit} by type ({len(dated)} dated of {len(events)}).",
           class_="note"),
        el("ul", *legend, class_="legend"),
    )  # fmt: skip
