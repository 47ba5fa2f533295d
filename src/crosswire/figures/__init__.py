"""Figures: the numbers an article states, what they count, and who states them.

- ``find``: exact, ranged, bounded and vague quantities with the thing counted
  and the speaker (``find_figures``), coded as ACLED codes numbers;
- ``stage`` (stage ``figures``): runs ``find_figures`` on every parsed article.
"""
