"""Event confidence: how sure crosswire is that an event is an incident that happened.

A logistic model over a dozen features of the event as the article tells it
(where in the article, whether its clause names a place, a toll, an actor, a
date; its type; its modality). The weights were fitted on the FA-KES tune
half by ``bench/fit_confidence.py`` (label: the event is the article's
annotated incident, right in type and governorate); never on the check half.

Events under ``SHOW_THRESHOLD`` stay in brief.json but the brief, map and
exports hide them by default, as they hide any event whose modality is not
``asserted`` or that is a background mention.

Every event carries its reasons: the features that fired, as "name=value",
then its trigger and modality, so an analyst sees why it scored as it did.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

# Events below this are hidden by default from the brief, map and exports.
SHOW_THRESHOLD = 0.2

# feature -> weight (logit). Fitted on the FA-KES tune half, L2 C=1.0
# (bench/fit_confidence.py); refit there, never by hand.
WEIGHTS: dict[str, float] = {
    "bias": -7.35,
    "lead": 0.32,  # in the title or the first sentence of the body
    "early": 2.04,  # 1 / (1 + sentence index)
    "toll": 3.08,  # the clause gives a death toll
    "place_clause": 0.84,  # the place is attached to the trigger
    "place_sentence": 0.37,  # a place elsewhere in the sentence
    "place_foreign": -1.93,  # the place lies outside the article's focus country
    "no_place": -1.61,
    "violent": 0.74,  # battles, explosions/remote violence, violence against civilians
    "remote": 1.24,  # explosions/remote violence
    "strategic": -0.40,  # strategic developments
    "named_actor": 0.25,
    "date_stated": -0.21,
    "depth": 0.30,  # depth of the trigger below its sentence's root (capped, / 4)
    "sentences": -0.24,  # later sentences that add to it (capped, / 3)
    "background": -0.16,
    "not_asserted": -0.92,
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
    from crosswire.events import ontology as on

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
        "violent": float(
            facts.event_type in (on.BATTLES, on.EXPLOSIONS, on.VIOLENCE_AGAINST_CIVILIANS)
        ),
        "remote": float(facts.event_type == on.EXPLOSIONS),
        "strategic": float(facts.event_type == on.STRATEGIC),
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
    """Whether the brief, map and exports show an event by default."""
    value = getattr(event, "confidence", None)
    if isinstance(event, dict):
        value = event.get("confidence")
        modality = event.get("modality", "asserted")
    else:
        modality = getattr(event, "modality", "asserted")
    if modality != "asserted":
        return False
    return value is None or value >= SHOW_THRESHOLD
