"""The store interface and the SQL both backends share.

One writer per database: a store object is used by one process, and every
write method is one transaction, so a killed run never leaves half a batch.
"""

from __future__ import annotations

import hashlib
import json
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from crosswire.errors import InputError
from crosswire.model import (
    Analysis,
    Article,
    ArticleGroup,
    Claim,
    Corpus,
    Entity,
    Event,
    InputRef,
    Place,
    Rejection,
    Story,
)
from crosswire.serialize import from_dict, to_dict
from crosswire.store.views import duckdb_json, table_selects

# Corpus-level results are stored as JSON documents, one row per record.
RESULT_KINDS: dict[str, type] = {
    "groups": ArticleGroup,
    "entities": Entity,
    "places": Place,
    "events": Event,
    "claims": Claim,
    "stories": Story,
}

ARTICLE_COLUMNS = (
    "id", "input_sha256", "position", "source", "format", "title", "outlet", "author",
    "url", "published", "published_precision", "language", "text", "removed", "origins",
    "encoding",
)  # fmt: skip
REJECTION_COLUMNS = ("id", "source", "stage", "reason", "detail", "input_sha256", "position")

SCHEMA = [
    """CREATE TABLE IF NOT EXISTS inputs (
        sha256 TEXT PRIMARY KEY, source TEXT NOT NULL, size BIGINT NOT NULL,
        fingerprint TEXT NOT NULL, finished_at TIMESTAMP NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS articles (
        id TEXT PRIMARY KEY, input_sha256 TEXT NOT NULL, position TEXT NOT NULL,
        source TEXT NOT NULL, format TEXT NOT NULL, title TEXT, outlet TEXT, author TEXT,
        url TEXT, published TEXT, published_precision TEXT, language TEXT,
        text TEXT NOT NULL, removed TEXT NOT NULL, origins TEXT NOT NULL, encoding TEXT)""",
    """CREATE TABLE IF NOT EXISTS rejections (
        id TEXT PRIMARY KEY, source TEXT NOT NULL, stage TEXT NOT NULL, reason TEXT NOT NULL,
        detail TEXT, input_sha256 TEXT, position TEXT)""",
    """CREATE TABLE IF NOT EXISTS analyses (
        article TEXT PRIMARY KEY, input_sha256 TEXT NOT NULL, data TEXT NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS results (
        kind TEXT NOT NULL, id TEXT NOT NULL, data TEXT NOT NULL, PRIMARY KEY (kind, id))""",
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
]


def article_row(article: Article) -> tuple[Any, ...]:
    values = to_dict(article)
    values["id"] = article.id
    values["removed"] = json.dumps(values["removed"], ensure_ascii=False)
    values["origins"] = json.dumps(values["origins"], ensure_ascii=False)
    return tuple(values[c] for c in ARTICLE_COLUMNS)


def article_from_row(row: Sequence[Any]) -> Article:
    values = dict(zip(ARTICLE_COLUMNS, row, strict=True))
    values["removed"] = json.loads(values["removed"])
    values["origins"] = json.loads(values["origins"])
    return from_dict(Article, values)


def rejection_row(rejection: Rejection) -> tuple[Any, ...]:
    values = to_dict(rejection)
    values["id"] = rejection.id
    return tuple(values[c] for c in REJECTION_COLUMNS)


def rejection_from_row(row: Sequence[Any]) -> Rejection:
    return from_dict(Rejection, dict(zip(REJECTION_COLUMNS, row, strict=True)))


class Store(ABC):
    """What the pipeline, the CLI and the API need from storage."""

    @abstractmethod
    def finished_inputs(self, sha256s: Iterable[str], fingerprint: str) -> set[str]:
        """Which of these inputs are stored, processed by the same pipeline."""

    @abstractmethod
    def write_batch(self, inputs: Sequence[InputRef], batch: Corpus, fingerprint: str) -> None:
        """Store one batch's articles, rejections and analyses in one transaction."""

    @abstractmethod
    def write_results(self, corpus: Corpus, kinds: Iterable[str] | None = None) -> None:
        """Store corpus-level results in one transaction, replacing the stored ones.

        ``kinds`` limits it to those result kinds (the ones the run's corpus
        stages provide); the others stay as stored. None means all kinds.
        """

    @abstractmethod
    def load_articles(self, input_sha256s: Iterable[str] | None = None) -> list[Article]: ...

    @abstractmethod
    def load_rejections(self, input_sha256s: Iterable[str] | None = None) -> list[Rejection]: ...

    @abstractmethod
    def load_analyses(self, article_ids: Iterable[str] | None = None) -> list[Analysis]: ...

    @abstractmethod
    def load_results(self, kind: str) -> list[Any]: ...

    @abstractmethod
    def article(self, article_id: str) -> Article | None: ...

    @abstractmethod
    def counts(self) -> dict[str, int]: ...

    @abstractmethod
    def select(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Rows of a read-only SQL query over the tables (docs/SQL.md)."""

    @abstractmethod
    def resolve_id(self, kind: str, prefix: str) -> str:
        """The one stored id of ``kind`` (articles or a result kind) starting with ``prefix``.

        Raises ``InputError`` when none does, or when several do (naming a few).
        """

    @abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class SqlStore(Store):
    """The shared SQL; a backend supplies the connection and its placeholder."""

    placeholder = "?"

    @abstractmethod
    def _execute(self, sql: str, params: Sequence[Any] = ()) -> None: ...

    @abstractmethod
    def _executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None: ...

    @abstractmethod
    def _fetchall(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]: ...

    def _insert_many(
        self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]
    ) -> None:
        """Insert ``rows`` (one value per column) into ``table``; a backend may batch."""
        self._executemany(
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({self._marks(len(columns))})",
            rows,
        )

    @abstractmethod
    @contextmanager
    def _transaction(self) -> Iterator[None]: ...

    def _marks(self, count: int) -> str:
        return ", ".join([self.placeholder] * count)

    def _json_text(self, column: str, path: str) -> str:
        """SQL that reads a dotted JSON path of a text column as text (per backend)."""
        return duckdb_json(column, path)

    def _create_schema(self) -> None:
        with self._transaction():
            for statement in SCHEMA:
                self._execute(statement)
        self._create_tables()

    def _create_tables(self) -> None:
        """Build the column tables when missing or defined differently, else leave them be.

        Every reader opens the store; rebuilding on each open would make concurrent
        readers conflict, so the definitions' hash is kept in ``meta``.
        """
        digest = self._tables_digest()
        mark = self.placeholder
        rows = self._fetchall(f"SELECT value FROM meta WHERE key = {mark}", ["tables"])
        if rows and rows[0][0] == digest:
            return
        with self._transaction():
            self._materialise()

    def _tables_digest(self) -> str:
        blob = "\n".join(sql for _, sql in table_selects(self._json_text))
        return hashlib.sha256(blob.encode()).hexdigest()[:16]

    def _materialise(self) -> None:
        """(Re)build events, actors, places, claims and stories from ``results``.

        Runs inside the caller's transaction: after each write of results.
        """
        mark = self.placeholder
        for name, select in table_selects(self._json_text):
            found = self._fetchall(
                "SELECT table_type FROM information_schema.tables "
                f"WHERE table_name = {mark} AND table_schema = current_schema()",
                [name],
            )
            if found:
                kind = "VIEW" if "VIEW" in str(found[0][0]).upper() else "TABLE"
                self._execute(f"DROP {kind} {name}")
            self._execute(f"CREATE TABLE {name} AS {select}")
        self._execute(f"DELETE FROM meta WHERE key = {mark}", ["tables"])
        self._execute(
            f"INSERT INTO meta (key, value) VALUES ({mark}, {mark})",
            ["tables", self._tables_digest()],
        )

    def _in_clause(self, column: str, values: Sequence[Any]) -> str:
        return f"{column} IN ({self._marks(len(values))})"

    def finished_inputs(self, sha256s: Iterable[str], fingerprint: str) -> set[str]:
        shas = list(dict.fromkeys(sha256s))
        if not shas:
            return set()
        rows = self._fetchall(
            f"SELECT sha256 FROM inputs WHERE fingerprint = {self.placeholder} AND "
            + self._in_clause("sha256", shas),
            [fingerprint, *shas],
        )
        return {r[0] for r in rows}

    def write_batch(self, inputs: Sequence[InputRef], batch: Corpus, fingerprint: str) -> None:
        shas = [i.sha256 for i in inputs if i.sha256]
        now = datetime.now(UTC).replace(tzinfo=None)
        article_input = {a.id: a.input_sha256 for a in batch.articles}
        with self._transaction():
            if shas:
                # Re-processing an input replaces what it produced before.
                for table in ("articles", "rejections", "analyses"):
                    self._execute(
                        f"DELETE FROM {table} WHERE " + self._in_clause("input_sha256", shas), shas
                    )
                self._execute("DELETE FROM inputs WHERE " + self._in_clause("sha256", shas), shas)
            rejection_ids = [r.id for r in batch.rejections]
            if rejection_ids:
                self._execute(
                    "DELETE FROM rejections WHERE " + self._in_clause("id", rejection_ids),
                    rejection_ids,
                )
            if batch.articles:
                self._insert_many(
                    "articles", ARTICLE_COLUMNS, [article_row(a) for a in _unique(batch.articles)]
                )
            if batch.rejections:
                self._insert_many(
                    "rejections",
                    REJECTION_COLUMNS,
                    [rejection_row(r) for r in _unique(batch.rejections)],
                )
            if batch.analyses:
                self._insert_many(
                    "analyses",
                    ("article", "input_sha256", "data"),
                    [
                        (
                            a.article,
                            article_input.get(a.article, ""),
                            json.dumps(to_dict(a), ensure_ascii=False),
                        )
                        # One row per article, as for articles: two records that hash
                        # to the same article are one article, never a key error.
                        for a in {x.article: x for x in batch.analyses}.values()
                    ],
                )
            ledger = [(i.sha256, i.source, i.size, fingerprint, now) for i in inputs if i.sha256]
            if ledger:
                self._insert_many(
                    "inputs",
                    ("sha256", "source", "size", "fingerprint", "finished_at"),
                    list({row[0]: row for row in ledger}.values()),
                )

    def write_results(self, corpus: Corpus, kinds: Iterable[str] | None = None) -> None:
        # In RESULT_KINDS' order, so the rows come out the same on every run.
        wanted = RESULT_KINDS.keys() if kinds is None else set(kinds)
        chosen = [kind for kind in RESULT_KINDS if kind in wanted]
        with self._transaction():
            for kind in chosen:
                records = getattr(corpus, kind)
                self._execute(f"DELETE FROM results WHERE kind = {self.placeholder}", [kind])
                if records:
                    rows = {
                        r.id: (kind, r.id, json.dumps(to_dict(r), ensure_ascii=False))
                        for r in records
                    }
                    self._insert_many("results", ("kind", "id", "data"), list(rows.values()))
            self._materialise()

    def _select(
        self, sql: str, column: str, values: Iterable[str] | None, order: str = ""
    ) -> list[tuple[Any, ...]]:
        """Rows of ``sql``, all of them or those whose ``column`` is in ``values``."""
        params: list[Any] = []
        if values is not None:
            params = list(values)
            if not params:
                return []
            sql += " WHERE " + self._in_clause(column, params)
        return self._fetchall(sql + order, params)

    def load_articles(self, input_sha256s: Iterable[str] | None = None) -> list[Article]:
        rows = self._select(
            f"SELECT {', '.join(ARTICLE_COLUMNS)} FROM articles",
            "input_sha256", input_sha256s, " ORDER BY source, position",
        )  # fmt: skip
        return [article_from_row(r) for r in rows]

    def load_rejections(self, input_sha256s: Iterable[str] | None = None) -> list[Rejection]:
        rows = self._select(
            f"SELECT {', '.join(REJECTION_COLUMNS)} FROM rejections",
            "input_sha256", input_sha256s, " ORDER BY source, position",
        )  # fmt: skip
        return [rejection_from_row(r) for r in rows]

    def load_analyses(self, article_ids: Iterable[str] | None = None) -> list[Analysis]:
        rows = self._select("SELECT data FROM analyses", "article", article_ids)
        return [from_dict(Analysis, json.loads(r[0])) for r in rows]

    def load_results(self, kind: str) -> list[Any]:
        cls = RESULT_KINDS[kind]
        rows = self._fetchall(
            f"SELECT data FROM results WHERE kind = {self.placeholder} ORDER BY id", [kind]
        )
        return [from_dict(cls, json.loads(r[0])) for r in rows]

    def article(self, article_id: str) -> Article | None:
        rows = self._fetchall(
            f"SELECT {', '.join(ARTICLE_COLUMNS)} FROM articles WHERE id = {self.placeholder}",
            [article_id],
        )
        return article_from_row(rows[0]) if rows else None

    def select(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Rows of a read-only query over the tables; ``?`` marks a parameter."""
        if self.placeholder != "?":
            sql = sql.replace("%", "%%").replace("?", self.placeholder)
        return self._fetchall(sql, params)

    def resolve_id(self, kind: str, prefix: str) -> str:
        prefix = prefix.strip()
        pattern = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        mark = self.placeholder
        if kind == "articles":
            sql = f"SELECT id FROM articles WHERE id LIKE {mark} ESCAPE '\\' ORDER BY id LIMIT 6"
            params: list[Any] = [pattern]
        elif kind in RESULT_KINDS:
            sql = (
                f"SELECT id FROM results WHERE kind = {mark} AND id LIKE {mark} ESCAPE '\\' "
                "ORDER BY id LIMIT 6"
            )
            params = [kind, pattern]
        else:
            raise ValueError(f"unknown record kind {kind!r}")
        ids = [r[0] for r in self._fetchall(sql, params)] if prefix else []
        if prefix in ids:
            return prefix
        noun = kind[:-3] + "y" if kind.endswith("ies") else kind.rstrip("s")  # story, entity
        if not ids:
            raise InputError(f"no {noun} with an id starting {prefix!r}")
        if len(ids) > 1:
            shown = ", ".join(ids[:5]) + (", ..." if len(ids) > 5 else "")
            raise InputError(
                f"ambiguous {noun} id prefix {prefix!r}: it matches {shown}; give more characters"
            )
        return str(ids[0])

    def counts(self) -> dict[str, int]:
        counts = {
            table: int(self._fetchall(f"SELECT count(*) FROM {table}")[0][0])
            for table in ("inputs", "articles", "rejections", "analyses")
        }
        for kind, total in self._fetchall("SELECT kind, count(*) FROM results GROUP BY kind"):
            counts[kind] = int(total)
        return counts


def _unique(records: Sequence[Any]) -> list[Any]:
    # Two identical records in one batch would break the primary key.
    return list({r.id: r for r in records}.values())
