"""Dates: the date expressions an article uses, resolved against its own date.

- ``find``: "late Tuesday", "last month", "since 2014" ... to a start, an end and
  a precision (``find_dates``), and the spans that are dates (``date_spans``);
- ``stage`` (stage ``dates``): runs ``find_dates`` on every parsed article,
  anchored on its publication date (read by ``crosswire.metadata.pubdates``).
"""
