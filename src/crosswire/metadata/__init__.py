"""Metadata: who published an article, who wrote it, when, and in what language.

Stages ``metadata`` and ``language``:

- ``stage`` (stage ``metadata``): outlet, author and publication date with the
  origin of each value, read from the lines around the story;
- ``bylines``: bylines, datelines and headline shapes (``split`` reads them too);
- ``outlets``: outlet names from a URL's domain and from text;
- ``pubdates``: the article's own date in datelines, bylines, stamps and URLs
  (the dates an article mentions are the ``dates`` stage's, in ``crosswire.dates``);
- ``language`` (stage ``language``): each article's language, detected or declared.
"""
