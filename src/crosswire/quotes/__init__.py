"""Quotes: what is said in an article, by whom, and with which verb.

- ``find``: direct quotes and reported speech with speaker and cue
  (``find_quotes``), and the attributions the ``figures`` stage reads speakers from;
- ``stage`` (stage ``quotes``): runs ``find_quotes`` on every parsed article.
"""
