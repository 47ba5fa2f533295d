"""Every built-in stage. Importing this package registers them all.

A stage is a factory decorated with ``@stage`` that declares what the stage
needs and provides (see ``crosswire.registry``). It lives beside the code it
runs, in the package of its phase: in the module named after it, or in
``stage.py`` where the package bears the stage's name. Heavy imports (spaCy, the
gazetteer) happen inside the factories, so listing stages is cheap.

In pipeline order::

    ingest    crosswire.readers.ingest       (reads with crosswire.readers)
    extract   crosswire.clean.extract
    split     crosswire.clean.split
    clean     crosswire.clean.stage
    metadata  crosswire.metadata.stage
    language  crosswire.metadata.language
    parse     crosswire.nlp.parse
    actors    crosswire.actors.stage
    places    crosswire.geo.places
    actor_countries  crosswire.actors.actor_countries
    dates     crosswire.dates.stage
    figures   crosswire.figures.stage
    quotes    crosswire.quotes.stage
    events    crosswire.events.stage
    dedupe    crosswire.crosscheck.dedupe
    resolve   crosswire.crosscheck.resolve
    fuse      crosswire.crosscheck.fuse     (fuses with crosswire.crosscheck.fusion)
    claims    crosswire.crosscheck.claims
    stories   crosswire.crosscheck.stories
"""

# Imported to register the stages; the comment names each module's stages.
from crosswire.actors import actor_countries  # noqa: F401  (actor_countries)
from crosswire.actors import stage as actors  # noqa: F401  (actors)
from crosswire.clean import extract, split  # noqa: F401  (extract, split)
from crosswire.clean import stage as clean  # noqa: F401  (clean)
from crosswire.crosscheck import (  # noqa: F401
    claims,  # claims
    dedupe,  # dedupe
    fuse,  # fuse
    resolve,  # resolve
    stories,  # stories
)
from crosswire.dates import stage as dates  # noqa: F401  (dates)
from crosswire.events import stage as events  # noqa: F401  (events)
from crosswire.figures import stage as figures  # noqa: F401  (figures)
from crosswire.geo import places  # noqa: F401  (places)
from crosswire.metadata import language  # noqa: F401  (language)
from crosswire.metadata import stage as metadata  # noqa: F401  (metadata)
from crosswire.nlp import parse  # noqa: F401  (parse)
from crosswire.quotes import stage as quotes  # noqa: F401  (quotes)
from crosswire.readers import ingest  # noqa: F401  (ingest)
