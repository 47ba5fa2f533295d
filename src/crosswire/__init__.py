"""crosswire: from a pile of news articles to a cross-checked situation picture."""

from __future__ import annotations

__version__ = "0.1.0"

from crosswire.api import run  # noqa: E402  (after __version__, which api imports)

__all__ = ["__version__", "run"]
