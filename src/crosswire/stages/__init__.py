"""Built-in stages. Importing this package registers them all.

Each module holds one stage: a factory decorated with ``@stage`` that declares
what the stage needs and provides (see ``crosswire.registry``). Heavy imports
(spaCy, the gazetteer) happen inside the factories, so listing stages is cheap.
"""

from crosswire.stages import (  # noqa: F401  (imported to register the stages)
    actors,
    claims,
    clean,
    dates,
    dedupe,
    events,
    extract,
    figures,
    fuse,
    ingest,
    language,
    metadata,
    parse,
    places,
    quotes,
    resolve,
    split,
    stories,
)
