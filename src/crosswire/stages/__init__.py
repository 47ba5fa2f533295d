"""Every built-in stage. Importing this package registers them all.

A stage is a factory decorated with ``@stage`` that declares what the stage
needs and provides (see ``crosswire.registry``). It lives beside the code it
runs, in the package of its phase: in the module named after it, or in
``stage.py`` where the package bears the stage's name. The stages over packages
laid out before that rule (readers, actors, geo, events, crosscheck) are still
modules of this package. Heavy imports (spaCy, the gazetteer) happen inside the
factories, so listing stages is cheap.

In pipeline order::

    ingest    crosswire.stages.ingest       (reads with crosswire.readers)
    extract   crosswire.clean.extract
    split     crosswire.clean.split
    clean     crosswire.clean.stage
    metadata  crosswire.metadata.stage
    language  crosswire.metadata.language
    parse     crosswire.nlp.parse
    actors    crosswire.stages.actors       (links with crosswire.actors)
    places    crosswire.stages.places       (resolves with crosswire.geo)
    dates     crosswire.dates.stage
    figures   crosswire.figures.stage
    quotes    crosswire.quotes.stage
    events    crosswire.stages.events       (extracts with crosswire.events)
    dedupe    crosswire.stages.dedupe
    resolve   crosswire.stages.resolve
    fuse      crosswire.stages.fuse         (fuses with crosswire.crosscheck)
    claims    crosswire.stages.claims       (with crosswire.crosscheck)
    stories   crosswire.stages.stories      (with crosswire.crosscheck)
"""

# Imported to register the stages; the comment names each module's stages.
from crosswire.clean import extract, split  # noqa: F401  (extract, split)
from crosswire.clean import stage as clean  # noqa: F401  (clean)
from crosswire.dates import stage as dates  # noqa: F401  (dates)
from crosswire.figures import stage as figures  # noqa: F401  (figures)
from crosswire.metadata import language  # noqa: F401  (language)
from crosswire.metadata import stage as metadata  # noqa: F401  (metadata)
from crosswire.nlp import parse  # noqa: F401  (parse)
from crosswire.quotes import stage as quotes  # noqa: F401  (quotes)
from crosswire.stages import (  # noqa: F401
    actors,  # actors
    claims,  # claims
    dedupe,  # dedupe
    events,  # events
    fuse,  # fuse
    ingest,  # ingest
    places,  # places
    resolve,  # resolve
    stories,  # stories
)
