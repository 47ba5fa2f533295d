"""The Python API, as first-class as the CLI.

>>> import crosswire
>>> brief = crosswire.run(["articles/"], out="out/")   # doctest: +SKIP
>>> brief.events[0].place.name                         # doctest: +SKIP
>>> brief.to_pandas()["events"].head()                 # doctest: +SKIP
>>> brief.to_dict()["articles"][0]["title"]            # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from crosswire.config import Settings, load_settings
from crosswire.errors import InputError
from crosswire.model import Corpus, InputRef, Rejection
from crosswire.pipeline import Pipeline
from crosswire.store import Store, open_store
from crosswire.store.base import RESULT_KINDS
from crosswire.typed import Brief


def sample_corpus_dir() -> Path:
    """The bundled sample corpus, the default input of ``run``."""
    from importlib import resources

    return Path(str(resources.files("crosswire").joinpath("data", "sample")))


def discover_inputs(
    paths: Sequence[str | Path], settings: Settings, stdin: bytes | None = None
) -> tuple[list[InputRef], list[Rejection]]:
    """Expand paths into inputs; fail only when none of them can be read."""
    from crosswire.readers.ingest import discover

    follow = bool(settings.options_for("ingest").get("follow_symlinks", False))
    inputs, missing = discover([str(p) for p in paths], stdin=stdin, follow_symlinks=follow)
    if not inputs and missing:
        raise InputError(f"no readable input: {missing[0].source} ({missing[0].reason})")
    return inputs, missing


def run_corpus(
    paths: Sequence[str | Path] | None = None,
    *,
    settings: Settings | None = None,
    db: str | Path | None = None,
    stdin: bytes | None = None,
    refresh: bool = False,
    progress: Callable[[str, int, int], None] | None = None,
) -> Corpus:
    """Run the pipeline and return the final corpus of records."""
    settings = settings or load_settings()
    chosen = list(paths) if paths else [sample_corpus_dir()]
    inputs, missing = discover_inputs(chosen, settings, stdin)
    pipeline = Pipeline(settings)
    if db is not None:
        settings = settings.model_copy(
            update={"store": settings.store.model_copy(update={"path": str(db)})}
        )
    store = open_store(settings.store, default_path="crosswire.duckdb")
    with store:
        corpus = pipeline.run(inputs, store=store, refresh=refresh, progress=progress)
        if missing:
            store.write_batch([], Corpus(rejections=tuple(missing)), pipeline.fingerprint)
    from dataclasses import replace

    return replace(corpus, rejections=tuple(missing) + corpus.rejections)


def load_corpus(store: Store) -> Corpus:
    """Everything a store holds, as the corpus a run would have returned."""
    return Corpus(
        articles=tuple(store.load_articles()),
        rejections=tuple(store.load_rejections()),
        analyses=tuple(store.load_analyses()),
        **{kind: tuple(store.load_results(kind)) for kind in RESULT_KINDS},
    )


def run(
    paths: Sequence[str | Path] | None = None,
    *,
    out: str | Path | None = None,
    config: str | Path | None = None,
    db: str | Path | None = None,
    refresh: bool = False,
) -> Brief:
    """Run crosswire over ``paths`` (the sample corpus when empty); return the brief.

    The ``Brief`` holds the frozen records (events with their place, actors and
    sources resolved); ``.to_dict()`` is what ``brief.json`` holds and
    ``.to_pandas()`` one DataFrame per record kind. With ``out`` the brief files
    are written there too, and the store defaults to ``out/crosswire.duckdb``.
    """
    from crosswire.brief import write_brief

    settings = load_settings(Path(config) if config else None)
    if db is None and not settings.store.path:
        db = Path(out) / "crosswire.duckdb" if out else ":memory:"
    corpus = run_corpus(paths, settings=settings, db=db, refresh=refresh)
    brief = Brief(corpus=corpus)
    if out is not None:
        write_brief(brief.to_dict(), corpus, Path(out))
    return brief
