"""What an analyst reads: the brief as Markdown and HTML, events as GeoJSON and ACLED rows."""

from crosswire.render.acled import ACLED_COLUMNS, acled_rows
from crosswire.render.geojson import event_features, events_geojson
from crosswire.render.html import render_html
from crosswire.render.markdown import render_markdown

__all__ = [
    "ACLED_COLUMNS",
    "acled_rows",
    "event_features",
    "events_geojson",
    "render_html",
    "render_markdown",
]
