"""Assemble the pipeline from settings and run it over inputs.

Document-scope stages run batch by batch; each batch is written to the store
in one transaction, so a run killed mid-way keeps every finished batch and a
second run resumes after them. Corpus-scope stages then run over everything.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import TYPE_CHECKING

from crosswire import __version__
from crosswire.config import Settings
from crosswire.errors import ConfigError, CrosswireError, StageError
from crosswire.extras import require
from crosswire.model import Corpus, InputRef
from crosswire.registry import Stage, StageContext, StageInfo, check_order

if TYPE_CHECKING:
    from crosswire.store.base import Store

ProgressHook = Callable[[str, int, int], None]  # (what, done, total)


@dataclass(frozen=True, kw_only=True)
class BoundStage:
    info: StageInfo
    run: Stage
    options: dict[str, object]


class Pipeline:
    """A checked, ready-to-run sequence of stages."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        infos = check_order(settings.pipeline.stages)
        self.stages = [self._bind(info) for info in infos]
        # Inputs already stored under the same fingerprint are not re-processed.
        self.fingerprint = self._fingerprint()

    def _bind(self, info: StageInfo) -> BoundStage:
        options = self.settings.options_for(info.name)
        try:
            built = info.factory(**options)
        except TypeError as exc:
            raise ConfigError(f"bad options for stage {info.name!r}: {exc}") from exc
        return BoundStage(info=info, run=built, options=options)

    def _fingerprint(self) -> str:
        document_part = [
            (s.info.name, s.options) for s in self.stages if s.info.scope == "document"
        ]
        blob = json.dumps([__version__, document_part], sort_keys=True, default=str)
        return hashlib.sha256(blob.encode()).hexdigest()[:16]

    @property
    def document_stages(self) -> list[BoundStage]:
        # The leading run of document-scope stages; it may run per batch.
        leading = []
        for bound in self.stages:
            if bound.info.scope != "document":
                break
            leading.append(bound)
        return leading

    @property
    def corpus_stages(self) -> list[BoundStage]:
        return self.stages[len(self.document_stages) :]

    def run_stages(self, corpus: Corpus, stages: Sequence[BoundStage]) -> Corpus:
        for bound in stages:
            context = StageContext(options=bound.options)
            try:
                corpus = bound.run(corpus, context)
            except CrosswireError:
                raise
            except Exception as exc:  # a bug or broken resource: name the stage
                raise StageError(bound.info.name, f"{type(exc).__name__}: {exc}") from exc
        return corpus

    def run(
        self,
        inputs: Sequence[InputRef],
        *,
        store: Store | None = None,
        refresh: bool = False,
        progress: ProgressHook | None = None,
    ) -> Corpus:
        """Run every stage over ``inputs`` and return the final corpus.

        With a store, finished inputs (same bytes, same pipeline fingerprint)
        are loaded instead of re-processed unless ``refresh`` is set.
        """

        done: set[str] = set()
        if store is not None and not refresh:
            done = store.finished_inputs([i.sha256 for i in inputs if i.sha256], self.fingerprint)
        todo = [i for i in inputs if not i.sha256 or i.sha256 not in done]
        reused = [i for i in inputs if i.sha256 and i.sha256 in done]

        merged = Corpus()
        if reused and store is not None:
            shas = [i.sha256 for i in reused]
            articles = tuple(store.load_articles(shas))
            merged = replace(
                merged,
                articles=articles,
                rejections=tuple(store.load_rejections(shas)),
                analyses=tuple(store.load_analyses([a.id for a in articles])),
            )

        total, finished = len(inputs), len(reused)
        if progress:
            progress("ingest", finished, total)
        for batch, result in self._document_results(todo):
            if store is not None:
                store.write_batch(batch, result, self.fingerprint)
            merged = _concat(merged, result)
            finished += len(batch)
            if progress:
                progress("ingest", finished, total)

        merged = replace(merged, inputs=tuple(inputs))
        final = self.run_stages(merged, self.corpus_stages)
        if store is not None and self.corpus_stages:
            provided = {kind for s in self.corpus_stages for kind in s.info.provides}
            store.write_results(final, kinds=provided)
        return final

    def _document_results(
        self, todo: Sequence[InputRef]
    ) -> Iterator[tuple[list[InputRef], Corpus]]:
        """Yield (batch, result) in input order, computed here or on Dask workers."""
        batches = list(_batches(todo, self.settings.pipeline.batch_size))
        if self.settings.pipeline.executor == "local" or len(batches) < 2:
            for batch in batches:
                yield batch, self.run_stages(Corpus(inputs=tuple(batch)), self.document_stages)
            return
        yield from _dask_results(self.settings, batches)


def _dask_results(
    settings: Settings, batches: list[list[InputRef]]
) -> Iterator[tuple[list[InputRef], Corpus]]:
    import os
    from concurrent.futures import ProcessPoolExecutor

    require("dask", "dask")
    from dask.base import compute
    from dask.delayed import delayed

    workers = settings.pipeline.workers or os.cpu_count() or 1
    blob = settings.model_dump_json()
    # Waves keep memory bounded and let the driver store each finished wave
    # before the next starts, so a killed run still resumes.
    wave_size = workers * 2
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for start in range(0, len(batches), wave_size):
            wave = batches[start : start + wave_size]
            tasks = [delayed(_run_document_batch)(blob, batch) for batch in wave]
            results = compute(*tasks, scheduler="processes", pool=pool)  # type: ignore[no-untyped-call]  # dask ships no annotations here
            yield from zip(wave, results, strict=True)


@cache
def _worker_pipeline(settings_json: str) -> Pipeline:
    # Built once per worker process: stage factories may load models.
    return Pipeline(Settings.model_validate_json(settings_json))


def _run_document_batch(settings_json: str, batch: list[InputRef]) -> Corpus:
    pipeline = _worker_pipeline(settings_json)
    result = pipeline.run_stages(Corpus(inputs=tuple(batch)), pipeline.document_stages)
    return replace(result, docs=(), documents=())  # parsed Docs stay in the worker


def _batches(items: Sequence[InputRef], size: int) -> Iterator[list[InputRef]]:
    for start in range(0, len(items), size):
        yield list(items[start : start + size])


def _concat(left: Corpus, right: Corpus) -> Corpus:
    return replace(
        left,
        documents=(),  # raw documents and parsed docs are not kept once a batch is stored
        docs=(),
        articles=left.articles + right.articles,
        rejections=left.rejections + right.rejections,
        analyses=left.analyses + right.analyses,
    )
