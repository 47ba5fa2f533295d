"""Exports of stored records to CSV, JSON lines and Parquet; events also as ACLED CSV and GeoJSON.

Events leave in ACLED's column layout (see ``crosswire.render.acled``), read
from the results ``crosswire run`` stored, so an export needs no re-run.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from crosswire.brief import build_brief
from crosswire.errors import InputError
from crosswire.model import Corpus
from crosswire.render.acled import COLUMN_TYPES, EVENT_COLUMNS, acled_rows
from crosswire.render.geojson import events_geojson
from crosswire.safeio import atomic_write_text, atomic_writer, safe_records
from crosswire.serialize import to_dict
from crosswire.store.base import Store

ARTICLE_FIELDS = (
    "id", "published", "published_precision", "outlet", "author", "title", "language", "url",
    "source", "format", "input_sha256", "position", "text",
)  # fmt: skip
REJECTION_FIELDS = ("id", "source", "stage", "reason", "detail", "input_sha256", "position")
REMOVED_FIELDS = ("article", "order", "reason", "score", "text")


def table_rows(store: Store, table: str) -> tuple[tuple[str, ...], Iterable[dict[str, Any]]]:
    if table == "articles":
        return ARTICLE_FIELDS, ({"id": a.id, **to_dict(a)} for a in store.load_articles())
    if table == "rejections":
        return REJECTION_FIELDS, ({"id": r.id, **to_dict(r)} for r in store.load_rejections())
    if table == "removed":
        return REMOVED_FIELDS, (
            {"article": a.id, "order": i, "reason": b.reason, "score": b.score, "text": b.text}
            for a in store.load_articles()
            for i, b in enumerate(a.removed)
        )
    if table == "events":
        return EVENT_COLUMNS, acled_rows(stored_brief(store))
    raise InputError(f"unknown table {table!r}")


def stored_brief(store: Store) -> dict[str, Any]:
    """The brief of what the store holds: articles and the corpus-level results."""
    corpus = Corpus(
        articles=tuple(store.load_articles()),
        groups=tuple(store.load_results("groups")),
        entities=tuple(store.load_results("entities")),
        places=tuple(store.load_results("places")),
        events=tuple(store.load_results("events")),
    )
    return build_brief(corpus)


def _event_schema() -> Any:
    # Typed columns even when every value is empty, so readers see latitude as a float.
    import pyarrow as pa

    arrow = {"int": pa.int64(), "float": pa.float64(), "str": pa.string()}
    return pa.schema([(f, arrow[COLUMN_TYPES[f]]) for f in EVENT_COLUMNS])


def export_table(store: Store, table: str, fmt: str, output: Path) -> int:
    """Write ``table`` from ``store`` to ``output`` in ``fmt``; return the row count.

    ``acled`` is the events table as CSV; ``geojson`` writes events as a
    FeatureCollection (events without coordinates have a null geometry);
    ``xlsx`` a spreadsheet with one sheet.
    """
    if fmt in ("acled", "geojson") and table != "events":
        raise InputError(f"--format {fmt} exports events, not {table}")
    if fmt == "geojson":
        collection = events_geojson(stored_brief(store))
        atomic_write_text(output, json.dumps(collection, ensure_ascii=False, indent=1) + "\n")
        return len(collection["features"])
    if fmt == "acled":
        fmt = "csv"
    fields, rows = table_rows(store, table)
    records = [{f: row.get(f) for f in fields} for row in rows]
    output.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "csv":
        with atomic_writer(output, newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=fields)
            writer.writeheader()
            writer.writerows(safe_records(records))  # no cell may start a formula
    elif fmt == "jsonl":
        with atomic_writer(output) as handle:
            for record in records:
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    elif fmt == "xlsx":
        write_xlsx(output, table, fields, records)
    elif fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        columns = {f: [r[f] for r in records] for f in fields}
        schema = _event_schema() if table == "events" else None
        pq.write_table(pa.table(columns, schema=schema), output)
    else:
        raise InputError(f"unknown export format {fmt!r}")
    return len(records)


# Excel refuses cells longer than this; longer text is cut and marked.
XLSX_CELL_LIMIT = 32_767


def _cell(value: Any) -> Any:
    if isinstance(value, str):
        # Control characters other than tab and newlines are illegal in XLSX XML.
        value = "".join(ch for ch in value if ch >= " " or ch in "\t\n\r")
        if len(value) > XLSX_CELL_LIMIT:
            return value[: XLSX_CELL_LIMIT - 1] + "…"
        if value[:1] in "=+-@":
            return "'" + value  # never a formula: corpus text stays text
    return value


def write_xlsx(
    output: Path, table: str, fields: tuple[str, ...], records: list[dict[str, Any]]
) -> None:
    """One sheet named after the table, a bold frozen header row, filters on every column."""
    # openpyxl ships no type information (types-openpyxl is not in the lock).
    from openpyxl import Workbook  # type: ignore[import-untyped, unused-ignore]
    from openpyxl.styles import Font  # type: ignore[import-untyped, unused-ignore]

    book = Workbook(write_only=False)
    sheet = book.active
    assert sheet is not None  # a new workbook always has one sheet
    sheet.title = table
    sheet.append(list(fields))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for record in records:
        sheet.append([_cell(record[f]) for f in fields])
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    book.save(output)
