"""One incident, one event: the events of one sentence that code the same incident.

ACLED codes an incident once, by its means: an air strike, shelling or bomb
that kills civilians is Explosions/Remote violence with civilian targeting
marked, not a second "Attack" (Violence against civilians). When a sentence
yields both, a remote-violence event and an Attack told in the same way
(same modality), the Attack folds into the remote-violence event: its toll
and its victims go over, and the event is marked as targeting civilians.

``by_means`` codes a lone Attack by the means the sentence gives it nearby
("the attack, carried out by aircraft"): air strike, shelling, chemical weapon.

``joined_label`` codes two reports of one incident joined into one event: a means that
decides the sub-type (a suicide bomber, a chemical agent) over the blast, strike or
shelling that carried it, and any means over a bare Attack.

``one_per_incident`` works on the extractor's drafts (``extract._Draft``): anything with
``label``, ``mode``, ``toll``, ``actors``, ``civilian_targeting`` and the date fields
(``when``, ``date_text``, ``reported_on``, ``history``).
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Span, Token

from crosswire.events import ontology as on
from crosswire.events.strikes import suicide_bomber
from crosswire.events.tolls import tree_distance

# How much a sub-event type tells of an incident's means (ACLED's codebook: a suicide car
# bomb is a suicide bomb, chlorine dropped from a helicopter a chemical weapon, an attack
# on civilians carried out by a strike or a shell is remote violence). Types not listed
# are never recoded by a join.
_MEANS_RANK: dict[str, int] = {
    on.SUICIDE_BOMB: 3,
    on.CHEMICAL: 3,
    on.AIR_STRIKE: 2,
    on.SHELLING: 2,
    on.REMOTE_EXPLOSIVE: 2,
    on.GRENADE: 2,
    on.ATTACK: 1,
}


def joined_label(
    mine: str, theirs: str, *, told_apart: bool = False, theirs_first: bool = False
) -> str:
    """The sub-event type of an incident told as ``mine`` and again as ``theirs``: the one
    that says more of its means ("a deadly blast" then "a suicide bombing using a car
    bomb" is a suicide bomb), else ``mine``; a chemical attack ``told_apart`` from the
    strike or shelling that gives the toll does not recode it. ``theirs_first``: told in
    one sentence before ``mine`` ("a car bomb followed by a barrage of rockets killed 14"),
    of two means that tell as much, the one that leads codes it; a munition told after
    ("killed in shelling ... using napalm bombs") is the first one's."""
    if theirs_first and _MEANS_RANK.get(theirs, 0) == _MEANS_RANK.get(mine, 0) > 1:
        return theirs
    if told_apart and mine == on.CHEMICAL and theirs in _CHEMICAL_CARRIERS:
        # A chemical attack told apart from the strike or shelling whose report gives the
        # toll ("accused of a new chemical attack as air raids kill 12"): the toll's own
        # report tells the means. Told as one act ("dropped a toxic gas barrel, killing
        # four") the agent is the means of the strike.
        return theirs
    return theirs if _MEANS_RANK.get(theirs, 0) > _MEANS_RANK.get(mine, 9) else mine


_CHEMICAL_CARRIERS = frozenset({on.AIR_STRIKE, on.SHELLING})


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


def fold_composite(drafts: list[Any], candidates: list[Any]) -> list[Any]:
    """The sentence's drafts with a battle coordinated with remote violence folded into it:
    "clashes and air strikes killed 20", "fighting, shelling and car bombs killed 18" tell
    one toll whose killing the strikes or shells did, and the parse hangs the toll on the
    first conjunct. ``drafts[n]`` is ``candidates[n]``'s draft."""
    folded: set[int] = set()
    for n, candidate in enumerate(candidates):
        if on.event_type_of(candidate.label) != on.BATTLES:
            continue
        together = {t.i for t in candidate.anchor.conjuncts}
        host = next(
            (
                drafts[m]
                for m, other in enumerate(candidates)
                if m not in folded
                and on.event_type_of(other.label) == on.EXPLOSIONS
                and other.anchor.i in together
                and drafts[m].mode == drafts[n].mode
            ),
            None,
        )
        if host is not None:
            _take_over(host, drafts[n])
            folded.add(n)
    return [draft for n, draft in enumerate(drafts) if n not in folded]


def _take_over(host: Any, other: Any) -> None:
    """``host`` takes what ``other`` told of the same incident and it lacks."""
    if host.toll is None:
        host.toll = other.toll
    for side in ("actor1", "actor2"):
        if getattr(host.actors, side) is None:
            setattr(host.actors, side, getattr(other.actors, side))
    host.actors.named = host.actors.named or other.actors.named
    if host.place is None and other.place is not None:
        host.place, host.place_named = other.place, other.place_named
    _take_day(host, other)


def _take_day(host: Any, other: Any) -> None:
    """A host with no day of its own takes the one the folded report of its sentence
    states ("State media said attacks on Sunday ... killed 20 in the shelling"): the
    incident's day, not the article's, which the host would fall back to."""
    if host.when is None and other.when is not None and not other.history:
        host.when, host.date_text = other.when, other.date_text
        host.reported_on = other.reported_on


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
    _take_day(host, attack)


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
    if lemma == "bomber" and suicide_bomber(token):
        # "three suicide bombers killed two in an attack": no aircraft.
        return on.SUICIDE_BOMB
    return _MEANS.get(lemma)
