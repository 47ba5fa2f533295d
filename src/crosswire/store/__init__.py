"""Storage backends behind one interface (see ``base.Store``)."""

from __future__ import annotations

from crosswire.config import StoreSettings
from crosswire.errors import ConfigError
from crosswire.store.base import Store


def open_store(settings: StoreSettings, *, default_path: str = "crosswire.duckdb") -> Store:
    """Open the configured backend; DuckDB is the embedded default."""
    if settings.backend == "duckdb":
        from crosswire.store.duckdb import DuckDBStore

        return DuckDBStore(settings.path or default_path)
    if settings.backend == "postgres":
        from crosswire.store.postgres import PostgresStore

        if not settings.path:
            raise ConfigError("store.path must be a PostgreSQL conninfo for the postgres backend")
        return PostgresStore(settings.path)
    raise ConfigError(f"unknown store backend {settings.backend!r}")


__all__ = ["Store", "open_store"]
