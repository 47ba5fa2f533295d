"""The embedded default: one DuckDB file."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb

from crosswire.errors import StoreError
from crosswire.store.base import SqlStore


class DuckDBStore(SqlStore):
    placeholder = "?"

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        try:
            self._con = duckdb.connect(self.path)
        except duckdb.Error as exc:
            # Most often another process holds the write lock: one writer per database.
            raise StoreError(f"cannot open DuckDB store {self.path}: {exc}") from exc
        self._create_schema()

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        self._con.execute(sql, list(params))

    def _executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        self._con.executemany(sql, [list(r) for r in rows])

    def _insert_many(
        self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]
    ) -> None:
        if len(rows) > 1 and _all_text(rows):
            # DuckDB runs executemany one row at a time (about 0.3 ms a row); rows of
            # text go in as one statement over columns, in the same order.
            lists = [list(column) for column in zip(*rows, strict=True)]
            values = ", ".join(["UNNEST(?::VARCHAR[])"] * len(lists))
            self._con.execute(f"INSERT INTO {table} ({', '.join(columns)}) SELECT {values}", lists)
            return
        super()._insert_many(table, columns, rows)

    def _fetchall(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return self._con.execute(sql, list(params)).fetchall()

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        self._con.begin()
        try:
            yield
        except BaseException:
            self._con.rollback()
            raise
        else:
            self._con.commit()

    def close(self) -> None:
        self._con.close()


def _all_text(rows: Sequence[Sequence[Any]]) -> bool:
    return all(value is None or isinstance(value, str) for row in rows for value in row)
