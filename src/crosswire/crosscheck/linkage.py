"""How likely two reports from different articles are of one incident: a scored comparison.

Record linkage (Fellegi and Sunter; the logistic form of dedupe and Splink)
compares two records field by field and adds the evidence of each agreement
or disagreement. Fusion first gates a pair on what must agree (type family,
overlapping dates, compatible places, sides that can be the same: see
``crosswire.crosscheck.fusion``); what passes is scored here by a few features
of how closely the fields agree, and a pair whose score stays under the
threshold is not linked. The weights are a logistic fit on the FA-KES tune
half (``bench/fit_fusion.py``): a pair of reports from two articles of one
annotated incident, both of a type the annotated cause allows, is a match;
a pair from articles of different incidents is not.

Features (each 0 or 1 unless said):

- ``same_type``: the same sub-event type (not only the same family);
- ``same_place``: the same place record; ``coarse_place``: either place is a
  first-level region or coarser, so agreeing on it says little;
- ``distance``: log(1 + km) between the two places, 0 when either has no point;
- ``both_dated``: both state their date; ``same_dates``: and state the same;
- ``named_sides``: how many sides (0 to 2) both reports name alike, the
  unidentified group aside;
- ``both_tolls``: both give a toll; ``same_toll``: and the same toll;
- ``confidence``: log10 of the lower of the two event confidences (the
  events stage's estimate that a report is a real event of its article);
- ``background``: either report is background (history, a passing mention);
- ``date_width``: log(1 + days) of the wider of the two date windows: two
  reports that agree only on "last month" agree on little.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from crosswire.crosscheck import geo
from crosswire.model import Event, Place

# Fitted by bench/fit_fusion.py on the FA-KES tune half (see its docstring). The bias
# was long applied as a feature of 1.27 times this weight; min_match was chosen so, and
# the weight is that product (1.27 * 1.27) now that the feature is 1.
MATCH_WEIGHTS: dict[str, float] = {
    "bias": 1.61,
    "same_type": -0.00,
    "same_place": 0.06,
    "coarse_place": -1.76,
    "distance": 0.22,
    "both_dated": -0.57,
    "same_dates": -0.36,
    "named_sides": 0.63,
    "both_tolls": -0.19,
    "same_toll": 1.10,
    "confidence": 0.14,
    "background": -0.08,
    "date_width": -1.37,
}
# An event with no confidence (a caller that scores none) counts as sure.
UNSCORED = 1.0
CONFIDENCE_FLOOR = 1e-3
COARSE_RANK = 3  # geo.FEATURE_RANK of a first-level region


@dataclass(frozen=True, slots=True)
class Side:
    """What the score needs of one report."""

    event: Event
    place: Place | None
    dated: bool
    dates: tuple[float, float]


def features(left: Side, right: Side, named_sides: int) -> dict[str, float]:
    """The comparison vector of two reports (see the module docstring)."""
    a, b = left.event, right.event
    gap = (
        geo.distance_km(left.place, right.place)
        if left.place is not None and right.place is not None
        else None
    )
    coarse = any(p is not None and geo.rank(p) >= COARSE_RANK for p in (left.place, right.place))
    both_dated = left.dated and right.dated
    both_tolls = a.fatalities is not None and b.fatalities is not None
    lowest = min(UNSCORED if e.confidence is None else e.confidence for e in (a, b))
    return {
        "bias": 1.0,
        "same_type": float(a.sub_event_type == b.sub_event_type),
        "same_place": float(a.place is not None and a.place == b.place),
        "coarse_place": float(coarse),
        "distance": math.log1p(gap) if gap is not None else 0.0,
        "both_dated": float(both_dated),
        "same_dates": float(both_dated and left.dates == right.dates),
        "named_sides": float(named_sides),
        "both_tolls": float(both_tolls),
        "same_toll": float(both_tolls and a.fatalities == b.fatalities),
        "confidence": math.log10(max(lowest, CONFIDENCE_FLOOR)),
        "background": float(a.background or b.background),
        "date_width": math.log1p(max(_width(left), _width(right))),
    }


def shared_words(left: frozenset[str], right: frozenset[str]) -> float:
    """Jaccard overlap of two evidence texts' content words: near 1 for one wire copy."""
    union = len(left | right)
    return len(left & right) / union if union else 0.0


def _width(side: Side) -> float:
    """Days a report's date window spans beyond one (0 for a day)."""
    start, end = side.dates
    return end - start if math.isfinite(end - start) else 0.0


def match_probability(found: dict[str, float], weights: dict[str, float] | None = None) -> float:
    """The logistic score of a comparison vector, in [0, 1]."""
    weights = MATCH_WEIGHTS if weights is None else weights
    logit = sum(weights.get(name, 0.0) * value for name, value in found.items())
    return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, logit))))
