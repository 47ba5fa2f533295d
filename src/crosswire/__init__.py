"""crosswire: from a pile of news articles to a cross-checked situation picture."""

from __future__ import annotations

__version__ = "0.1.0"

from crosswire.api import run
from crosswire.typed import Brief, ResolvedEvent

__all__ = ["Brief", "ResolvedEvent", "__version__", "run"]
