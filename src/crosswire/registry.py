"""The stage registry, after spaCy's component factories.

A stage is a small callable ``(corpus, context) -> corpus`` made by a factory
registered under a name. The registration declares which ``Corpus`` fields the
stage needs and which it provides, so a pipeline assembled from config can be
checked before it runs. A name may go down to a field of the records a corpus
field holds: ``analyses.places`` is the ``places`` of every ``Analysis``. Such a
need is met only by a stage that provides that very field; providing it also
provides the corpus field above it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, fields
from typing import Any, Literal, Protocol

from crosswire.errors import ConfigError
from crosswire.model import CORPUS_FIELDS, Analysis, Corpus

# Corpus fields whose records' own fields a stage may name ("analyses.places").
RECORD_TYPES: dict[str, Any] = {"analyses": Analysis}

Scope = Literal["document", "corpus"]


@dataclass(frozen=True, kw_only=True)
class StageContext:
    """What a running stage may use besides the corpus."""

    options: dict[str, Any] = field(default_factory=dict)
    progress: Callable[[str, int], None] = lambda _stage, _advance: None
    # A corpus stage that loops over items says how many first; ``progress`` then
    # advances toward that total (the CLI shows "fuse 120/400 clusters").
    expect: Callable[[str, int], None] = lambda _stage, _total: None


class Stage(Protocol):
    def __call__(self, corpus: Corpus, context: StageContext) -> Corpus: ...


@dataclass(frozen=True, kw_only=True)
class StageInfo:
    name: str
    factory: Callable[..., Stage]
    needs: tuple[str, ...]
    provides: tuple[str, ...]
    # "document": each article is handled on its own, so the stage can run on
    # any partition of the inputs (Dask); "corpus": it needs everything at once.
    scope: Scope
    doc: str = ""


_REGISTRY: dict[str, StageInfo] = {}


def stage(
    name: str,
    *,
    needs: Iterable[str],
    provides: Iterable[str],
    scope: Scope = "document",
) -> Callable[[Callable[..., Stage]], Callable[..., Stage]]:
    """Register a stage factory. The factory takes the stage's config options."""

    needs_t, provides_t = tuple(needs), tuple(provides)
    for fname in (*needs_t, *provides_t):
        if not _known_field(fname):
            raise ValueError(f"stage {name!r} names unknown corpus field {fname!r}")

    def register(factory: Callable[..., Stage]) -> Callable[..., Stage]:
        if name in _REGISTRY and _REGISTRY[name].factory is not factory:
            raise ValueError(f"stage {name!r} is registered twice")
        _REGISTRY[name] = StageInfo(
            name=name,
            factory=factory,
            needs=needs_t,
            provides=provides_t,
            scope=scope,
            doc=(factory.__doc__ or "").strip().splitlines()[0] if factory.__doc__ else "",
        )
        return factory

    return register


def _known_field(name: str) -> bool:
    top, _, sub = name.partition(".")
    if top not in CORPUS_FIELDS:
        return False
    if not sub:
        return True
    record = RECORD_TYPES.get(top)
    return record is not None and sub in {f.name for f in fields(record)}


def registered() -> dict[str, StageInfo]:
    _load_builtin_stages()
    return dict(_REGISTRY)


def get(name: str) -> StageInfo:
    stages = registered()
    if name not in stages:
        known = ", ".join(sorted(stages))
        raise ConfigError(f"unknown stage {name!r}; known stages: {known}")
    return stages[name]


def check_order(names: Iterable[str], *, initial: Iterable[str] = ("inputs",)) -> list[StageInfo]:
    """Resolve names to stages and check each one's needs are met by those before it."""

    available = set(initial)
    infos = []
    for name in names:
        info = get(name)
        missing = [need for need in info.needs if need not in available]
        if missing:
            raise ConfigError(
                f"stage {name!r} needs {', '.join(missing)}, which no earlier stage provides"
            )
        available.update(info.provides)
        available.update(p.partition(".")[0] for p in info.provides)
        infos.append(info)
    return infos


def _load_builtin_stages() -> None:
    # Importing the stage modules runs their @stage decorators.
    import crosswire.stages  # noqa: F401  (import for its side effect)
