"""One incident, one event: the events of one sentence that code the same incident.

ACLED codes an incident once, by its means: an air strike, shelling or bomb
that kills civilians is Explosions/Remote violence with civilian targeting
marked, not a second "Attack" (Violence against civilians). When a sentence
yields both, a remote-violence event and an Attack told in the same way
(same modality), the Attack folds into the remote-violence event: its toll
and its victims go over, and the event is marked as targeting civilians.

``by_means`` codes a lone Attack by the means the sentence gives it nearby
("the attack, carried out by aircraft"): air strike, shelling, chemical weapon.

``one_per_incident`` works on the extractor's drafts (``extract._Draft``): anything with
``label``, ``mode``, ``toll``, ``actors`` and ``civilian_targeting``.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Span, Token

from crosswire.events import ontology as on
from crosswire.events.tolls import tree_distance


def one_per_incident(drafts: list[Any]) -> list[Any]:
    """The sentence's drafts with every Attack folded into a remote-violence event."""
    remote = [d for d in drafts if on.event_type_of(d.label) == on.EXPLOSIONS]
    kept = []
    for draft in drafts:
        host = next((r for r in remote if r.mode == draft.mode), None)
        if draft.label != on.ATTACK or host is None:
            kept.append(draft)
            continue
        _fold(host, draft)
    return kept


def _fold(host: Any, attack: Any) -> None:
    host.civilian_targeting = True
    if attack.toll is not None:
        host.toll = attack.toll if host.toll is None else host.toll.alternative(attack.toll)
    if host.actors.actor2 is None and attack.actors.actor2 is not None:
        host.actors.actor2 = attack.actors.actor2
    if host.actors.actor1 is None and attack.actors.actor1 is not None:
        host.actors.actor1 = attack.actors.actor1
    host.actors.named = host.actors.named or attack.actors.named
    if host.place is None and attack.place is not None:
        host.place, host.place_named = attack.place, attack.place_named


# The means an attack used -> the remote-violence sub-event type ACLED codes it as.
_MEANS: dict[str, str] = {
    **dict.fromkeys(
        [
            "aircraft",
            "warplane",
            "jet",
            "helicopter",
            "airstrike",
            "drone",
            "bomber",
            "airplane",
            "plane",
        ],
        on.AIR_STRIKE,
    ),
    **dict.fromkeys(
        [
            "shell",
            "shelling",
            "artillery",
            "mortar",
            "rocket",
            "missile",
            "bombardment",
            "howitzer",
        ],
        on.SHELLING,
    ),
    **dict.fromkeys(["chlorine", "sarin", "nerve-agent"], on.CHEMICAL),
}
_MEANS_REACH = 4  # dependency steps between the event word and the means


def by_means(label: str, anchor: Token, sentence: Span) -> str:
    """An Attack on civilians carried out from the air or by artillery ("the attack, carried
    out by aircraft, killed 18") is coded by its means, as ACLED codes it."""
    if label != on.ATTACK:
        return label
    found = [
        (tree_distance(anchor, token), means)
        for token in sentence
        if (means := _means_of(token)) is not None
    ]
    near = [item for item in found if item[0] <= _MEANS_REACH]
    return min(near)[1] if near else label


def _means_of(token: Token) -> str | None:
    if token.pos_ not in ("NOUN", "PROPN"):
        return None
    # The tagger leaves some capitalised plurals unlemmatised ("Airstrikes killed").
    lemma = token.lemma_.lower()
    lemma = lemma[:-1] if lemma.endswith("s") and lemma[:-1] in _MEANS else lemma
    if lemma in ("raid", "strike") and any(c.lower_ == "air" for c in token.children):
        return on.AIR_STRIKE
    return _MEANS.get(lemma)
