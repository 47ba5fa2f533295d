"""Reads for the server from one in-memory snapshot of the store, kept until the store changes.

The server is the store's one writer, so it knows when the store changes: after
each run it calls ``invalidate()``. Between runs every read endpoint is served
from the snapshot: articles indexed by id, each result kind loaded once, the
brief built once (it took seconds per request when rebuilt each time) and the
web page rendered once. A snapshot is filled lazily, part by part, under a lock,
from a connection of its own.
"""

from __future__ import annotations

import gzip
import threading
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from crosswire.model import Analysis, Article, Corpus, InputRef, Rejection
from crosswire.store.base import Store

# Per-record conversions (record -> response dict), kept while the snapshot lives.
_MEMO: dict[tuple[str, int, tuple[tuple[str, Any], ...]], tuple[Any, Any]] = {}
_MEMO_LIMIT = 2_000_000


def per_record(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Memoise ``fn(record, **options)`` by the record's identity until the next invalidation.

    A list endpoint converted every stored record on every request; the snapshot's
    records are the same objects between runs, so each is converted once. Callers
    must not mutate what they get.
    """

    def memoised(record: Any, **options: Any) -> Any:
        key = (fn.__name__, id(record), tuple(sorted(options.items())))
        hit = _MEMO.get(key)
        if hit is not None and hit[0] is record:
            return hit[1]
        value = fn(record, **options)
        if len(_MEMO) < _MEMO_LIMIT:
            _MEMO[key] = (record, value)  # the record is held, so its id is not reused
        return value

    memoised.__name__ = fn.__name__
    memoised.__doc__ = fn.__doc__
    return memoised


def gzipped(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=6)


class ReadCache:
    def __init__(self, open_reader: Callable[[], Store]) -> None:
        self._open = open_reader
        self._lock = threading.RLock()
        self._parts: dict[str, Any] = {}
        self.generation = 0

    def invalidate(self) -> None:
        with self._lock:
            self.generation += 1
            self._parts = {}
            _MEMO.clear()

    def part(self, key: str, build: Callable[[Store], Any]) -> Any:
        """The cached ``key``, built with a fresh connection the first time it is asked for."""
        parts = self._parts
        if key in parts:
            return parts[key]
        with self._lock:
            if key not in self._parts:
                with self._open() as store:
                    self._parts[key] = build(store)
            return self._parts[key]

    def derived(self, key: str, build: Callable[[], Any]) -> Any:
        """The cached ``key``, computed from other parts (the brief, the page)."""
        parts = self._parts
        if key in parts:
            return parts[key]
        with self._lock:
            if key not in self._parts:
                self._parts[key] = build()
            return self._parts[key]

    def query(self, run: Callable[[Store], Any]) -> Any:
        """An uncached read on a connection of its own (never blocks on the snapshot)."""
        with self._open() as store:
            return run(store)

    def view(self) -> CachedStore:
        return CachedStore(self)


class CachedStore(Store):
    """A read-only ``Store`` over the snapshot; the server's read endpoints use it."""

    def __init__(self, cache: ReadCache) -> None:
        self._cache = cache

    def _articles(self) -> dict[str, Article]:
        return self._cache.part(  # type: ignore[no-any-return]
            "articles", lambda s: {a.id: a for a in s.load_articles()}
        )

    def load_articles(self, input_sha256s: Iterable[str] | None = None) -> list[Article]:
        articles = list(self._articles().values())
        if input_sha256s is None:
            return articles
        wanted = set(input_sha256s)
        return [a for a in articles if a.input_sha256 in wanted]

    def load_rejections(self, input_sha256s: Iterable[str] | None = None) -> list[Rejection]:
        rejections: list[Rejection] = self._cache.part("rejections", lambda s: s.load_rejections())
        if input_sha256s is None:
            return rejections
        wanted = set(input_sha256s)
        return [r for r in rejections if r.input_sha256 in wanted]

    def load_analyses(self, article_ids: Iterable[str] | None = None) -> list[Analysis]:
        analyses: list[Analysis] = self._cache.part("analyses", lambda s: s.load_analyses())
        if article_ids is None:
            return analyses
        wanted = set(article_ids)
        return [a for a in analyses if a.article in wanted]

    def load_results(self, kind: str) -> list[Any]:
        return self._cache.part(f"results:{kind}", lambda s: s.load_results(kind))  # type: ignore[no-any-return]

    def article(self, article_id: str) -> Article | None:
        return self._articles().get(article_id)

    def counts(self) -> dict[str, int]:
        return dict(self._cache.part("counts", lambda s: s.counts()))

    def select(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        # Filtered queries (the workbench) go to the store's indexed views, not the snapshot.
        return self._cache.query(lambda s: s.select(sql, params))  # type: ignore[no-any-return]

    def resolve_id(self, kind: str, prefix: str) -> str:
        return self._cache.query(lambda s: s.resolve_id(kind, prefix))  # type: ignore[no-any-return]

    def finished_inputs(self, sha256s: Iterable[str], fingerprint: str) -> set[str]:
        raise TypeError("the server's cached view is read-only")

    def write_batch(self, inputs: Any, batch: Corpus, fingerprint: str) -> None:
        raise TypeError("the server's cached view is read-only")

    def write_results(self, corpus: Corpus, kinds: Iterable[str] | None = None) -> None:
        raise TypeError("the server's cached view is read-only")

    def close(self) -> None:
        pass


__all__ = ["CachedStore", "InputRef", "ReadCache"]


class ResponseCache:
    """ASGI middleware: whole GET responses under ``prefix``, kept for one store state.

    Between runs the same URL always gets the same answer, so it is built, validated
    and serialised once. Keyed by path, query string and whether gzip is accepted;
    bounded in entries and bytes; dropped whenever the ``ReadCache`` is invalidated.
    """

    def __init__(
        self,
        app: Any,
        *,
        cache: ReadCache,
        prefix: str,
        skip: frozenset[str] = frozenset(),
        max_entries: int = 1024,
        max_body: int = 8 << 20,
    ) -> None:
        self.app = app
        self.cache = cache
        self.prefix = prefix
        self.skip = skip
        self.max_entries = max_entries
        self.max_body = max_body
        self._entries: dict[tuple[Any, ...], tuple[int, list[Any], bytes]] = {}

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        path = scope.get("path", "")
        if (
            scope["type"] != "http"
            or scope["method"] != "GET"
            or not path.startswith(self.prefix)
            or path in self.skip
        ):
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        key = (
            path,
            scope.get("query_string", b""),
            b"gzip" in headers.get(b"accept-encoding", b""),
        )
        generation = self.cache.generation
        hit = self._entries.get(key)
        if hit is not None and hit[0] == generation:
            await send({"type": "http.response.start", "status": 200, "headers": hit[1]})
            await send({"type": "http.response.body", "body": hit[2]})
            return
        start: dict[str, Any] = {}
        chunks: list[bytes] = []

        async def capture(message: Any) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
            await send(message)

        await self.app(scope, receive, capture)
        body = b"".join(chunks)
        if start.get("status") == 200 and len(body) <= self.max_body:
            if self.cache.generation != generation:
                return  # a run wrote meanwhile: this answer may be stale already
            if len(self._entries) >= self.max_entries or any(
                entry[0] != generation for entry in list(self._entries.values())[:1]
            ):
                self._entries = {}
            self._entries[key] = (generation, list(start.get("headers", [])), body)
