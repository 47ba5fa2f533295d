"""One incident, one event: the events of one sentence that code the same incident.

ACLED codes an incident once, by its means: an air strike, shelling or bomb
that kills civilians is Explosions/Remote violence with civilian targeting
marked, not a second "Attack" (Violence against civilians). When a sentence
yields both, a remote-violence event and an Attack told in the same way
(same modality), the Attack folds into the remote-violence event: its toll
and its victims go over, and the event is marked as targeting civilians.

Works on the extractor's drafts (``extract._Draft``): anything with
``label``, ``mode``, ``toll``, ``actors`` and ``civilian_targeting``.
"""

from __future__ import annotations

from typing import Any

from crosswire.events import ontology as on


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
