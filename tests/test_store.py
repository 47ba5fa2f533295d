"""One reusable test suite for every store backend (DuckDB and PostgreSQL).

Each backend subclasses ``StoreContract`` and supplies a ``store`` fixture;
every test in the contract then runs against it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from crosswire.model import (
    Analysis,
    Article,
    ArticleGroup,
    Corpus,
    Entity,
    Event,
    FieldOrigin,
    InputRef,
    Mention,
    Place,
    Rejection,
    RemovedBlock,
    SourceSpan,
    sha256_bytes,
)
from crosswire.store.base import Store


def make_input(name: str) -> InputRef:
    data = f"bytes of {name}".encode()
    return InputRef(source=name, sha256=sha256_bytes(data), size=len(data))


def make_article(ref: InputRef, position: str = "0", text: str = "Body text.") -> Article:
    return Article(
        input_sha256=ref.sha256,
        position=position,
        source=ref.source,
        format="txt",
        text=text,
        title="A title",
        outlet="Levant Monitor",
        author="Jane Roe",
        published="2026-03-04",
        published_precision="day",
        language="en",
        removed=(RemovedBlock(text="Follow us", reason="social_prompt", score=0.9),),
        origins=(FieldOrigin(field="author", origin="byline", evidence="By Jane Roe"),),
    )


def batch_for(refs: list[InputRef]) -> Corpus:
    articles = tuple(make_article(r) for r in refs)
    analyses = tuple(
        Analysis(
            article=a.id,
            entities=(
                Entity(
                    name="Body",
                    kind="organisation",
                    mentions=(Mention(article=a.id, start=0, end=4, text="Body"),),
                ),
            ),
        )
        for a in articles
    )
    return Corpus(inputs=tuple(refs), articles=articles, analyses=analyses)


class StoreContract:
    """Behaviour every backend must have."""

    @pytest.fixture
    def store(self) -> Iterator[Store]:
        raise NotImplementedError

    def test_empty_store_counts_zero(self, store: Store) -> None:
        counts = store.counts()
        assert counts["articles"] == 0 and counts["inputs"] == 0

    def test_articles_round_trip_unchanged(self, store: Store) -> None:
        ref = make_input("a.txt")
        batch = batch_for([ref])
        store.write_batch([ref], batch, "fp1")
        loaded = store.load_articles()
        assert loaded == list(batch.articles)
        assert store.article(batch.articles[0].id) == batch.articles[0]
        assert store.load_analyses() == list(batch.analyses)

    def test_writing_the_same_batch_twice_changes_nothing(self, store: Store) -> None:
        refs = [make_input("a.txt"), make_input("b.txt")]
        store.write_batch(refs, batch_for(refs), "fp1")
        before = store.counts()
        store.write_batch(refs, batch_for(refs), "fp1")
        assert store.counts() == before
        assert before["articles"] == 2

    def test_reprocessing_an_input_replaces_its_articles(self, store: Store) -> None:
        ref = make_input("a.txt")
        store.write_batch([ref], batch_for([ref]), "fp1")
        better = Corpus(articles=(make_article(ref, text="Cleaner body."),))
        store.write_batch([ref], better, "fp2")
        assert [a.text for a in store.load_articles()] == ["Cleaner body."]
        assert store.finished_inputs([ref.sha256], "fp2") == {ref.sha256}
        assert store.finished_inputs([ref.sha256], "fp1") == set()

    def test_finished_inputs_only_for_matching_fingerprint(self, store: Store) -> None:
        done, todo = make_input("done.txt"), make_input("todo.txt")
        store.write_batch([done], batch_for([done]), "fp1")
        assert store.finished_inputs([done.sha256, todo.sha256], "fp1") == {done.sha256}
        assert store.finished_inputs([], "fp1") == set()

    def test_failed_batch_leaves_nothing_and_keeps_earlier_batches(
        self, store: Store, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        first, second = make_input("first.txt"), make_input("second.txt")
        store.write_batch([first], batch_for([first]), "fp1")

        original = store._executemany  # type: ignore[attr-defined]
        calls = {"n": 0}

        def fail_on_second_insert(sql: str, rows: object) -> None:
            calls["n"] += 1
            if calls["n"] == 2:  # articles went in; analyses fail: the batch must roll back
                raise RuntimeError("disk full")
            original(sql, rows)

        monkeypatch.setattr(store, "_executemany", fail_on_second_insert)
        with pytest.raises(RuntimeError):
            store.write_batch([second], batch_for([second]), "fp1")
        monkeypatch.undo()

        assert [a.source for a in store.load_articles()] == ["first.txt"]
        assert store.finished_inputs([first.sha256, second.sha256], "fp1") == {first.sha256}

    def test_rejections_round_trip_and_filter_by_input(self, store: Store) -> None:
        ref = make_input("bad.html")
        rejection = Rejection(
            source="bad.html", stage="ingest", reason="binary", input_sha256=ref.sha256
        )
        missing = Rejection(source="nope.txt", stage="ingest", reason="missing_path")
        store.write_batch([ref], Corpus(rejections=(rejection,)), "fp1")
        store.write_batch([], Corpus(rejections=(missing,)), "fp1")
        store.write_batch([], Corpus(rejections=(missing,)), "fp1")
        assert store.load_rejections([ref.sha256]) == [rejection]
        assert sorted(r.reason for r in store.load_rejections()) == ["binary", "missing_path"]

    def test_results_round_trip_and_replace(self, store: Store) -> None:
        ref = make_input("a.txt")
        article = make_article(ref)
        span = SourceSpan(article=article.id, start=0, end=4, text="Body")
        corpus = Corpus(
            articles=(article,),
            groups=(
                ArticleGroup(kind="syndicated", articles=(article.id, "art_0000000000000000")),
            ),
            entities=(
                Entity(
                    name="Houthi Movement",
                    kind="rebel_group",
                    aliases=("Ansar Allah",),
                    mentions=(Mention(article=article.id, start=0, end=4, text="Body"),),
                    inter_code=2,
                    canonical_key="houthis",
                ),
            ),
            places=(Place(name="Al Hudaydah", geonameid=79415, lat=14.8, lon=42.95),),
            events=(
                Event(
                    event_type="Explosions/Remote violence",
                    sub_event_type="Air/drone strike",
                    sources=(span,),
                    conflicts=(("fatalities", '{"a": 3}'),),
                ),
            ),
        )
        store.write_results(corpus)
        assert store.load_results("entities") == list(corpus.entities)
        assert store.load_results("places") == list(corpus.places)
        assert store.load_results("events") == list(corpus.events)
        assert store.load_results("groups") == list(corpus.groups)
        store.write_results(replace(corpus, places=()))
        assert store.load_results("places") == []
        assert store.counts()["entities"] == 1
        store.write_results(Corpus(), kinds={"groups"})  # only what a run provides is replaced
        assert store.load_results("groups") == []
        assert store.load_results("entities") == list(corpus.entities)


class TestDuckDBStore(StoreContract):
    @pytest.fixture
    def store(self, tmp_path: Path) -> Iterator[Store]:
        from crosswire.store.duckdb import DuckDBStore

        with DuckDBStore(tmp_path / "test.duckdb") as store:
            yield store

    def test_data_survives_reopening(self, tmp_path: Path) -> None:
        from crosswire.store.duckdb import DuckDBStore

        ref = make_input("a.txt")
        with DuckDBStore(tmp_path / "keep.duckdb") as store:
            store.write_batch([ref], batch_for([ref]), "fp1")
        with DuckDBStore(tmp_path / "keep.duckdb") as store:
            assert len(store.load_articles()) == 1

    def test_a_second_writer_gets_a_clear_error(self, tmp_path: Path) -> None:
        import subprocess
        import sys

        from crosswire.errors import StoreError
        from crosswire.store.duckdb import DuckDBStore

        path = tmp_path / "locked.duckdb"
        holder = subprocess.Popen(
            [sys.executable, "-c",
             "import duckdb,sys,time; c=duckdb.connect(sys.argv[1]); print('ok', flush=True); "
             "time.sleep(30)", str(path)],
            stdout=subprocess.PIPE, text=True,
        )  # fmt: skip
        try:
            assert holder.stdout is not None and holder.stdout.readline().strip() == "ok"
            with pytest.raises(StoreError, match="cannot open DuckDB store"):
                DuckDBStore(path)
        finally:
            holder.kill()
            holder.wait()


POSTGRES = os.environ.get("CROSSWIRE_TEST_POSTGRES")


@pytest.mark.postgres
@pytest.mark.skipif(
    not POSTGRES,
    reason="CROSSWIRE_TEST_POSTGRES is not set: start a server with "
    '`eval "$(scripts/start-postgres.sh)"` (.ci/run does this)',
)
class TestPostgresStore(StoreContract):
    @pytest.fixture
    def store(self) -> Iterator[Store]:
        import uuid

        import psycopg

        from crosswire.store.postgres import PostgresStore

        assert POSTGRES is not None
        # A schema per test, so tests running side by side never share tables.
        schema = f"crosswire_test_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(POSTGRES, autocommit=True) as con:
            con.execute(f"CREATE SCHEMA {schema}")
        try:
            with PostgresStore(f"{POSTGRES} options='-c search_path={schema}'") as store:
                yield store
        finally:
            with psycopg.connect(POSTGRES, autocommit=True) as con:
                con.execute(f"DROP SCHEMA {schema} CASCADE")
