"""Events: ACLED's ontology, typing sentences into it, and per-article event extraction.

- ``ontology``: ACLED's event and sub-event types, CASE 2021 labels, PLOVER and CAMEO;
- ``lexicon``: trigger cues and actor nouns;
- ``typer``: cues to typed sentence events; ``snippets``: snippet-level typing
  with sentence embeddings; ``plover``: PLOVER typing beyond ACLED's categories;
- ``arguments``: agents and patients from the dependency parse;
- ``extract``: events tied to an article's entities, places, dates and figures;
- ``foreign``: a light reading, with word lists, of articles in languages not parsed;
- ``tolls``: the figures of a sentence that count an event's dead;
- ``realis``: mentions that report no incident (reactions, tallies, captions);
- ``incident``: one event per incident (an Attack folds into the strike that did it);
- ``confidence``: each event's confidence and reasons, and what is shown by default.

The names below load lazily, so the renderers can read ``confidence`` without spaCy.
"""

from importlib import import_module
from typing import Any

_LAZY = {
    "extract_events": "crosswire.events.extract",
    "modality": "crosswire.events.realis",
    "sentence_events": "crosswire.events.typer",
    "typed_events": "crosswire.events.typer",
}
__all__ = ["extract_events", "modality", "sentence_events", "typed_events"]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'crosswire.events' has no attribute {name!r}")
