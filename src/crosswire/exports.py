"""Exports of stored records to CSV, JSON lines and Parquet."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from crosswire.errors import InputError
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
    raise InputError(f"unknown table {table!r}")


def export_table(store: Store, table: str, fmt: str, output: Path) -> int:
    """Write ``table`` from ``store`` to ``output`` in ``fmt``; return the row count."""
    fields, rows = table_rows(store, table)
    records = [{f: row.get(f) for f in fields} for row in rows]
    output.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "csv":
        with output.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=fields)
            writer.writeheader()
            writer.writerows(records)
    elif fmt == "jsonl":
        with output.open("w", encoding="utf-8") as handle:
            for record in records:
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    elif fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        columns = {f: [r[f] for r in records] for f in fields}
        pq.write_table(pa.table(columns), output)
    else:
        raise InputError(f"unknown export format {fmt!r}")
    return len(records)
