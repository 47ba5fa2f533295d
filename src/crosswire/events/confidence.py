"""Event confidence: how sure crosswire is that an event is an incident that happened.

A logistic model over a dozen features of the event as the article tells it
(where in the article, whether its clause names a place, a toll, an actor, a
date; its modality). The event's type is deliberately not a feature: the
tuning set holds only deadly incidents, and a type prior learnt there would
rank any violent event above a protest or an arrest elsewhere. The weights
were fitted on the FA-KES tune half by ``bench/fit_confidence.py`` (label:
the event is the article's annotated incident, right in type, governorate
and toll), never on the check half. The confidence is thus calibrated as "the
report's own incident, right in every field": low for true side events too.

Events under ``SHOW_THRESHOLD`` stay in brief.json; ``shown`` says whether the
brief, map and exports show an event by default (asserted and not under it).

Every event carries its reasons: the features that fired, as "name=value",
then its trigger and modality, so an analyst sees why it scored as it did.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

# Events below this are hidden by default from the brief, map and exports. On the tune
# half, 0.05 keeps 96% of the events that are the annotated incident and hides 81% of
# the others (bench/fit_confidence.py prints the trade-off).
SHOW_THRESHOLD = 0.05

# feature -> weight (logit). Fitted on the FA-KES tune half, L2 C=1.0
# (bench/fit_confidence.py); refit there, never by hand.
WEIGHTS: dict[str, float] = {
    "bias": -6.04,
    "lead": 0.33,  # in the title or the first sentence of the body
    "early": 1.97,  # 1 / (1 + sentence index)
    "toll": 3.25,  # the clause gives a death toll
    "place_clause": 0.96,  # the place is attached to the trigger
    "place_sentence": 0.43,  # a place elsewhere in the sentence
    "place_foreign": -1.81,  # the place lies outside the article's focus country
    "no_place": -1.86,
    "named_actor": 0.20,
    "date_stated": 0.06,
    "depth": 0.28,  # depth of the trigger below its sentence's root (capped, / 4)
    "sentences": 0.04,  # later sentences that add to it (capped, / 3)
    "background": -0.22,
    "not_asserted": -1.46,
}


@dataclass(frozen=True, slots=True)
class Facts:
    """What the scorer needs to know about one event."""

    sentence: int
    event_type: str
    has_toll: bool
    place_named: str | None  # "clause", "sentence" or None
    place_country: str | None
    focus_country: str | None
    named_actor: bool
    date_stated: bool
    depth: int
    extra_sentences: int
    background: bool
    modality: str
    trigger: str


def features(facts: Facts) -> dict[str, float]:
    """The model's features (only those that are not zero)."""
    foreign = bool(
        facts.place_country and facts.focus_country and facts.place_country != facts.focus_country
    )
    values = {
        "bias": 1.0,
        "lead": float(facts.sentence <= 1),
        "early": 1.0 / (1 + facts.sentence),
        "toll": float(facts.has_toll),
        "place_clause": float(facts.place_named == "clause"),
        "place_sentence": float(facts.place_named == "sentence"),
        "place_foreign": float(foreign),
        "no_place": float(facts.place_country is None),
        "named_actor": float(facts.named_actor),
        "date_stated": float(facts.date_stated),
        "depth": min(facts.depth, 4) / 4,
        "sentences": min(facts.extra_sentences, 3) / 3,
        "background": float(facts.background),
        "not_asserted": float(facts.modality != "asserted"),
    }
    return {name: value for name, value in values.items() if value}


def score(facts: Facts) -> tuple[float, tuple[str, ...]]:
    """(confidence in [0, 1], reasons)."""
    found = features(facts)
    logit = sum(WEIGHTS.get(name, 0.0) * value for name, value in found.items())
    confidence = 1.0 / (1.0 + math.exp(-logit))
    reasons = tuple(f"{name}={value:.3g}" for name, value in found.items() if name != "bias")
    return round(confidence, 4), (
        *reasons,
        f"trigger={facts.trigger}",
        f"modality={facts.modality}",
    )


def shown(event: object) -> bool:
    """Whether the brief, map and exports show an event by default: asserted, and at or
    above the threshold, or reported (not in passing) by two independent sources. The
    score was fitted on reports of deadly incidents, so it rates an agreement or a
    strike without a toll low; corroboration across outlets is evidence of its own."""

    def field(name: str, default: object) -> object:
        if isinstance(event, dict):
            return event.get(name, default)
        return getattr(event, name, default)

    if field("modality", "asserted") != "asserted":
        return False
    value = field("confidence", None)
    if value is None or float(value) >= SHOW_THRESHOLD:  # type: ignore[arg-type]  # a number when set
        return True
    sources = field("source_count", 1)
    return not field("background", False) and int(sources) >= 2  # type: ignore[call-overload]  # an int
