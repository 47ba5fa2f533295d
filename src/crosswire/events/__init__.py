"""Events: ACLED's ontology, typing sentences into it, and per-article event extraction.

- ``ontology``: ACLED's event and sub-event types, CASE 2021 labels, PLOVER and CAMEO;
- ``lexicon``: trigger cues and actor nouns;
- ``typer``: cues to typed sentence events; ``snippets``: snippet-level typing
  with sentence embeddings; ``plover``: PLOVER typing beyond ACLED's categories;
- ``arguments``: agents and patients from the dependency parse;
- ``extract``: events tied to an article's entities, places, dates and figures;
- ``foreign``: a light reading, with word lists, of articles in languages not parsed.
"""

from crosswire.events.extract import extract_events, modality
from crosswire.events.typer import sentence_events, typed_events

__all__ = ["extract_events", "modality", "sentence_events", "typed_events"]
