"""Built-in stages. Importing this package registers them all.

Each module holds one stage: a factory decorated with ``@stage`` that declares
what the stage needs and provides (see ``crosswire.registry``).
"""

from crosswire.stages import (  # noqa: F401  (imported to register the stages)
    clean,
    dedupe,
    extract,
    ingest,
    language,
    metadata,
    split,
)
