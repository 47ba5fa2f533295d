"""PostgreSQL backend: the same SQL and the same test suite as DuckDB."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from crosswire.errors import StoreError
from crosswire.extras import require
from crosswire.store.base import SqlStore
from crosswire.store.views import postgres_json


class PostgresStore(SqlStore):
    placeholder = "%s"

    def _json_text(self, column: str, path: str) -> str:
        return postgres_json(column, path)

    def __init__(self, conninfo: str) -> None:
        # Imported here: only this backend needs the driver (the `postgres` extra).
        psycopg = require("postgres", "psycopg")

        try:
            self._con = psycopg.connect(conninfo, autocommit=True)
        except psycopg.Error as exc:
            raise StoreError(f"cannot connect to PostgreSQL: {exc}") from exc
        self._create_schema()

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        self._con.execute(sql, list(params))

    def _executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        with self._con.cursor() as cur:
            cur.executemany(sql, [list(r) for r in rows])

    def _fetchall(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        with self._con.cursor() as cur:
            cur.execute(sql, list(params))
            return list(cur.fetchall())

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        with self._con.transaction():
            yield

    def close(self) -> None:
        self._con.close()
