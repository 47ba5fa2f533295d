"""The pipeline: assembly from config, order checks, batching, resume."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from crosswire.config import load_settings
from crosswire.errors import ConfigError, StageError
from crosswire.model import Corpus
from crosswire.pipeline import Pipeline
from crosswire.readers.ingest import discover
from crosswire.registry import StageContext, check_order, stage
from crosswire.store.duckdb import DuckDBStore

SEEN: list[str] = []
FAIL_ON: set[str] = set()


@stage("test_watch", needs=["articles"], provides=["articles"])
def make_watch() -> object:
    """Records which articles it saw; fails on sources named in FAIL_ON."""

    def watch(corpus: Corpus, context: StageContext) -> Corpus:
        for article in corpus.articles:
            if Path(article.source).name in FAIL_ON:
                raise RuntimeError("simulated crash")
            SEEN.append(Path(article.source).name)
        return corpus

    return watch


def settings_with(stages: list[str], batch_size: int = 1):  # type: ignore[no-untyped-def]
    return load_settings(overrides={"pipeline.stages": stages, "pipeline.batch_size": batch_size})


def test_default_config_assembles_and_checks() -> None:
    pipeline = Pipeline(load_settings())
    names = [b.info.name for b in pipeline.stages]
    assert names[0] == "ingest"
    assert {b.info.name for b in pipeline.document_stages} >= {"ingest", "extract", "clean"}


def test_stage_needing_what_no_earlier_stage_provides_is_refused() -> None:
    with pytest.raises(ConfigError, match="'clean' needs articles"):
        check_order(["ingest", "clean"])


def test_unknown_stage_is_refused_with_the_known_ones() -> None:
    with pytest.raises(ConfigError, match=r"unknown stage 'nope'.*ingest"):
        check_order(["ingest", "nope"])


def test_user_config_file_overrides_defaults_and_flags_override_file(tmp_path: Path) -> None:
    user = tmp_path / "crosswire.toml"
    user.write_text("[pipeline]\nbatch_size = 7\n[stages.clean]\nthreshold = 0.8\n")
    settings = load_settings(user)
    assert settings.pipeline.batch_size == 7
    assert settings.options_for("clean")["threshold"] == 0.8
    assert settings.pipeline.stages[0] == "ingest"  # untouched defaults stay
    settings = load_settings(user, {"pipeline.batch_size": 3})
    assert settings.pipeline.batch_size == 3


def test_invalid_config_is_one_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[pipeline]\nbatch_size = 0\n")
    with pytest.raises(ConfigError, match=r"pipeline\.batch_size"):
        load_settings(bad)
    bad.write_text("[pipeline\n")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_settings(bad)


def test_unknown_stage_option_names_the_stage() -> None:
    settings = load_settings(
        overrides={
            "pipeline.stages": ["ingest", "extract", "test_watch"],
            "stages.test_watch.no_such_option": 1,
        }
    )
    with pytest.raises(ConfigError, match="bad options for stage 'test_watch'"):
        Pipeline(settings)


def _corpus_dir(tmp_path: Path, count: int) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(count):
        (folder / f"a{i}.txt").write_text(
            f"Headline number {i}\n\nThe body of article {i} says something about the "
            "situation on the ground that is long enough to count as an article body.\n"
        )
    return folder


def test_killed_run_keeps_finished_batches_and_resumes(tmp_path: Path) -> None:
    folder = _corpus_dir(tmp_path, 4)
    stages = ["ingest", "extract", "test_watch"]
    inputs, _ = discover([str(folder)])
    SEEN.clear()
    FAIL_ON.clear()
    FAIL_ON.add("a2.txt")
    with DuckDBStore(tmp_path / "db.duckdb") as store:
        with pytest.raises(StageError, match="test_watch"):
            Pipeline(settings_with(stages)).run(inputs, store=store)
        assert sorted(Path(a.source).name for a in store.load_articles()) == ["a0.txt", "a1.txt"]

    FAIL_ON.clear()
    SEEN.clear()
    with DuckDBStore(tmp_path / "db.duckdb") as store:
        corpus = Pipeline(settings_with(stages)).run(inputs, store=store)
        assert sorted(SEEN) == ["a2.txt", "a3.txt"]  # finished batches were not redone
        assert len(corpus.articles) == 4
        assert store.counts()["articles"] == 4

    SEEN.clear()
    with DuckDBStore(tmp_path / "db.duckdb") as store:
        Pipeline(settings_with(stages)).run(inputs, store=store, refresh=True)
        assert sorted(SEEN) == ["a0.txt", "a1.txt", "a2.txt", "a3.txt"]
        assert store.counts()["articles"] == 4


def test_ingesting_the_same_files_twice_changes_nothing(tmp_path: Path) -> None:
    folder = _corpus_dir(tmp_path, 3)
    inputs, _ = discover([str(folder)])
    settings = load_settings()
    with DuckDBStore(tmp_path / "db.duckdb") as store:
        first = Pipeline(settings).run(inputs, store=store)
        counts = store.counts()
        second = Pipeline(settings).run(inputs, store=store)
        assert store.counts() == counts
    assert sorted(a.id for a in first.articles) == sorted(a.id for a in second.articles)


def test_stage_failure_names_the_stage() -> None:
    @stage("test_broken", needs=["articles"], provides=["articles"])
    def make_broken() -> object:
        def broken(corpus: Corpus, context: StageContext) -> Corpus:
            raise KeyError("missing resource")

        return broken

    pipeline = Pipeline(settings_with(["ingest", "extract", "test_broken"]))
    with pytest.raises(StageError) as info:
        pipeline.run_stages(replace(Corpus()), pipeline.stages[2:])
    assert info.value.stage == "test_broken"


def test_dask_executor_gives_the_same_articles_as_local(tmp_path: Path) -> None:
    folder = _corpus_dir(tmp_path, 5)
    inputs, _ = discover([str(folder)])
    local = Pipeline(settings_with(["ingest", "extract", "split", "clean"], batch_size=2))
    spread = Pipeline(
        load_settings(
            overrides={
                "pipeline.stages": ["ingest", "extract", "split", "clean"],
                "pipeline.batch_size": 2,
                "pipeline.executor": "dask",
                "pipeline.workers": 2,
            }
        )
    )
    with DuckDBStore(tmp_path / "dask.duckdb") as store:
        spread_corpus = spread.run(inputs, store=store)
        assert store.counts()["articles"] == 5
    local_corpus = local.run(inputs)
    assert sorted(spread_corpus.articles, key=lambda a: a.id) == sorted(
        local_corpus.articles, key=lambda a: a.id
    )


def test_resumed_inputs_bring_back_their_analyses(tmp_path: Path) -> None:
    from crosswire.model import Analysis

    @stage("test_analyse", needs=["articles"], provides=["analyses"])
    def make_analyse() -> object:
        def analyse(corpus: Corpus, context: StageContext) -> Corpus:
            fresh = tuple(Analysis(article=a.id) for a in corpus.articles)
            return replace(corpus, analyses=corpus.analyses + fresh)

        return analyse

    folder = _corpus_dir(tmp_path, 2)
    inputs, _ = discover([str(folder)])
    stages = ["ingest", "extract", "test_analyse", "dedupe"]
    with DuckDBStore(tmp_path / "db.duckdb") as store:
        first = Pipeline(settings_with(stages)).run(inputs, store=store)
        again = Pipeline(settings_with(stages)).run(inputs, store=store)
    assert len(first.analyses) == len(again.analyses) == 2


def test_document_only_runs_keep_stored_results(tmp_path: Path) -> None:
    folder = _corpus_dir(tmp_path, 2)
    inputs, _ = discover([str(folder)])
    with DuckDBStore(tmp_path / "db.duckdb") as store:
        store.write_results(Corpus(), kinds=None)
        Pipeline(settings_with(["ingest", "extract", "dedupe"])).run(inputs, store=store)
        groups_before = store.load_results("groups")
        Pipeline(settings_with(["ingest", "extract"])).run(inputs, store=store, refresh=True)
        assert store.load_results("groups") == groups_before


def test_tree_digest_changes_with_any_source_or_data_file(tmp_path: Path) -> None:
    from crosswire.pipeline import tree_digest

    (tmp_path / "geo").mkdir()
    (tmp_path / "geo" / "stage.py").write_text("x = 1\n")
    (tmp_path / "lexicon.json").write_text('{"a": 1}')
    (tmp_path / "sample").mkdir()
    (tmp_path / "sample" / "input.txt").write_text("an article")
    before = tree_digest(tmp_path)
    (tmp_path / "sample" / "input.txt").write_text("another article")  # inputs, not code
    assert tree_digest(tmp_path) == before
    (tmp_path / "lexicon.json").write_text('{"a": 2}')
    after_data = tree_digest(tmp_path)
    assert after_data != before
    (tmp_path / "geo" / "stage.py").write_text("x = 2\n")
    assert tree_digest(tmp_path) not in {before, after_data}


def test_stored_results_are_not_reused_after_the_code_or_data_change(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import crosswire.pipeline as pipeline_module

    first = Pipeline(load_settings()).fingerprint
    assert Pipeline(load_settings()).fingerprint == first
    monkeypatch.setattr(pipeline_module, "source_digest", lambda: "edited-lexicon")
    assert Pipeline(load_settings()).fingerprint != first


@stage("test_freeze_probe", needs=["articles"], provides=["articles"])
def make_freeze_probe() -> object:
    """Records how many objects the collector holds frozen while the stage runs."""

    def probe(corpus: Corpus, context: StageContext) -> Corpus:
        import gc

        FROZEN.append(gc.get_freeze_count())
        return corpus

    return probe


FROZEN: list[int] = []


def test_run_keeps_the_heap_frozen_only_while_it_lasts(tmp_path: Path) -> None:
    import gc

    inputs, _ = discover([str(_corpus_dir(tmp_path, 1))])
    pipeline = Pipeline(settings_with(["ingest", "extract", "test_freeze_probe"]))
    FROZEN.clear()
    assert gc.get_freeze_count() == 0
    pipeline.run(inputs)
    assert FROZEN and FROZEN[0] > 0  # what lived before the run is out of full passes
    assert gc.get_freeze_count() == 0  # and back in them afterwards
    gc.freeze()  # a caller that froze the heap itself keeps its frozen objects
    try:
        before = gc.get_freeze_count()
        pipeline.run(inputs)
        # Frozen objects still die by reference count during the run, so the count may
        # dip a little; a thaw by the run would take it to zero.
        assert gc.get_freeze_count() > before // 2
    finally:
        gc.unfreeze()
