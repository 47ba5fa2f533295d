"""Tables with real columns over the stored results, for SQL users and the workbench.

Corpus results are stored as one JSON document per record (``results``);
``events``, ``actors``, ``places``, ``claims`` and ``stories`` are tables
built from them each time results are written (materialised: a query on them
costs no JSON parsing), so ``select * from events`` works in the DuckDB CLI or
psql. The ``articles`` table already has real columns. Column meanings are
documented in docs/SQL.md.
"""

from __future__ import annotations

from collections.abc import Callable

# (column, JSON path, SQL type); the path is a dotted key, an index as [0].
Columns = tuple[tuple[str, str, str], ...]

PLACE_COLUMNS: Columns = (
    ("name", "name", "text"),
    ("geonameid", "geonameid", "bigint"),
    ("lat", "lat", "double precision"),
    ("lon", "lon", "double precision"),
    ("country_code", "country_code", "text"),
    ("admin1", "admin1", "text"),
    ("feature", "feature", "text"),
)
ACTOR_COLUMNS: Columns = (
    ("name", "name", "text"),
    ("kind", "kind", "text"),
    ("inter_code", "inter_code", "integer"),
    ("country_code", "country_code", "text"),
    ("canonical_key", "canonical_key", "text"),
    ("affiliation", "affiliation", "text"),
)
EVENT_COLUMNS: Columns = (
    ("event_type", "event_type", "text"),
    ("sub_event_type", "sub_event_type", "text"),
    ("date_start", "date_start", "text"),
    ("date_end", "date_end", "text"),
    ("date_precision", "date_precision", "text"),
    ("place_id", "place", "text"),
    ("actor1_id", "actor1", "text"),
    ("actor2_id", "actor2", "text"),
    ("fatalities", "fatalities", "integer"),
    ("fatalities_low", "fatalities_low", "integer"),
    ("fatalities_high", "fatalities_high", "integer"),
    ("fatalities_best", "fatalities_best", "integer"),
    ("modality", "modality", "text"),
    ("background", "background", "boolean"),
    ("source_count", "source_count", "integer"),
    ("confidence", "confidence", "double precision"),
    ("article_id", "sources[0].article", "text"),
    ("evidence", "sources[0].text", "text"),
    ("evidence_start", "sources[0].start", "integer"),
    ("evidence_end", "sources[0].end", "integer"),
)
CLAIM_COLUMNS: Columns = (
    ("text", "text", "text"),
    ("value", "value", "double precision"),
    ("low", "low", "double precision"),
    ("high", "high", "double precision"),
    ("unit", "unit", "text"),
    ("about", "about", "text"),
    ("speaker", "speaker", "text"),
    ("status", "status", "text"),
    ("event_id", "event", "text"),
    ("article_id", "sources[0].article", "text"),
    ("evidence", "sources[0].text", "text"),
)
STORY_COLUMNS: Columns = (("title", "title", "text"),)

JsonText = Callable[[str, str], str]  # (column, dotted path) -> SQL reading it as text


def duckdb_json(column: str, path: str) -> str:
    return f"json_extract_string({column}, '$.{path}')"


def postgres_json(column: str, path: str) -> str:
    keys = []
    for part in path.split("."):
        name, _, index = part.partition("[")
        keys.append(name)
        if index:
            keys.append(index.rstrip("]"))
    return f"({column})::jsonb #>> '{{{','.join(keys)}}}'"


def _select(kind: str, columns: Columns, json_text: JsonText, alias: str) -> str:
    parts = [f"{alias}.id AS id"]
    for name, path, sql_type in columns:
        parts.append(f"CAST({json_text(f'{alias}.data', path)} AS {sql_type}) AS {name}")
    return f"SELECT {', '.join(parts)} FROM results {alias} WHERE {alias}.kind = '{kind}'"


def table_selects(json_text: JsonText) -> list[tuple[str, str]]:
    """(table, SELECT building it), in an order where each reads only tables built before."""
    events = (
        "SELECT e.*, p.name AS place, p.lat AS lat, p.lon AS lon, "
        "p.country_code AS country_code, p.admin1 AS admin1, "
        "a1.name AS actor1, a2.name AS actor2 "
        f"FROM ({_select('events', EVENT_COLUMNS, json_text, 'r')}) e "
        "LEFT JOIN places p ON p.id = e.place_id "
        "LEFT JOIN actors a1 ON a1.id = e.actor1_id "
        "LEFT JOIN actors a2 ON a2.id = e.actor2_id"
    )
    return [
        ("places", _select("places", PLACE_COLUMNS, json_text, "r")),
        ("actors", _select("entities", ACTOR_COLUMNS, json_text, "r")),
        ("events", events),
        ("claims", _select("claims", CLAIM_COLUMNS, json_text, "r")),
        ("stories", _select("stories", STORY_COLUMNS, json_text, "r")),
    ]
