"""The means a passage tells: a killing or a battle told without its own means.

ACLED codes an incident by its means: civilians killed by an air strike, shelling or a
bomb are Explosions/Remote violence with civilian targeting marked, not Violence against
civilians, which is kept for direct violence (shooting, executions, abductions, beatings)
by an armed group; a position shelled or bombed from the air, with no fighting on the
ground, is remote violence too, not an Armed clash. A killing or an attack told bare
("four civilians were killed in the city", "the regime committed a massacre in the
district", "the army killed 11 militants in an attack on their posts") is often one
sentence of a passage whose neighbours give the means ("the victims were hit by
airstrikes", "artillery pounded the posts"). ``passage_means`` scores the means the
sentences around such an event tell, each by its distance, against the direct violence
they tell; ``name_passage_means`` recodes a battle by them where the passage tells no
ground fighting or direct violence at all, ``name_killing_means`` a killing where they win.

A recoded killing keeps the label it was told as (``Draft.reported_label``, the event's
``reported_type``): cross-article fusion compares reports as told (session 20 found the
recoded killings joining and splitting otherwise, which cost a contested toll).

``profile`` reads one sentence's typed events; ``extract`` keeps one per sentence.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from crosswire.events import ontology as on
from crosswire.events.arguments import Category, category_of_noun

if TYPE_CHECKING:  # typing only: extract imports this module beside them
    from crosswire.events.drafts import Draft
    from crosswire.events.typer import EventCandidate

Categorizer = Callable[[Token], Category | None]

# Words of direct violence, done by hand, gun or blade, or of ground fighting: an attack
# told with them, or beside them, is no remote violence. "Massacre" and "attack" are
# neither: a massacre is told of air strikes and of shootings alike.
_DIRECT_WORDS = frozenset(
    [
        "shoot",
        "shooting",
        "shot",
        "gunfire",
        "gunshot",
        "gunman",
        "gunmen",
        "sniper",
        "execute",
        "executed",
        "execution",
        "behead",
        "beheading",
        "stab",
        "stabbing",
        "knife",
        "machete",
        "hack",
        "slaughter",
        "torture",
        "lynch",
        "beat",
        "beating",
        "kidnap",
        "abduct",
        "abduction",
        "rape",
        "storm",
        "infiltrate",
        "assault",
    ]
)
# Sub-types that tell a killing done face to face, whatever their words.
_DIRECT_TYPES = frozenset([on.ABDUCTION, on.SEXUAL_VIOLENCE, on.MOB_VIOLENCE])
# Modes of a report that do not tell what was done: no means or violence is told.
_UNTOLD_MODES = frozenset(["negated", "denied", "hypothetical", "planned", "threatened"])
# A neighbour's weight by its distance in sentences; farther ones do not count.
_WEIGHTS = {0: 1.0, 1: 1.0, 2: 0.5}
# What the means must reach, and beat the direct violence by, to recode the attack.
_ENOUGH = 1.0


@dataclass(slots=True)
class Profile:
    """What one sentence tells of means: its remote-violence sub-types, and how many of
    its events are direct violence."""

    means: Counter[str] = field(default_factory=Counter)
    direct: int = 0


def profile(
    candidates: list[EventCandidate], drafts: list[Draft], doc: Doc, categorize: Categorizer
) -> Profile:
    """The sentence's profile from its typed events (``candidates``) and their drafts."""
    told = Profile()
    for candidate, draft in zip(candidates, drafts, strict=True):
        if draft.mode in _UNTOLD_MODES:
            continue
        if on.event_type_of(candidate.label) == on.EXPLOSIONS:
            told.means[candidate.label] += 1
        elif (
            candidate.label in _DIRECT_TYPES
            or _direct_cue(candidate, doc)
            or _by_ground_force(candidate, categorize)
        ):
            told.direct += 1
    return told


def _by_ground_force(candidate: EventCandidate, categorize: Categorizer) -> bool:
    """A fight whose doer is a rebel or militant group ("Kurdish units killed 10 IS
    members"): such groups fight on the ground, having no aircraft."""
    agent = candidate.roles.agent
    return (
        candidate.label == on.ARMED_CLASH
        and agent is not None
        and categorize(agent) == "armed"
        and category_of_noun(agent) != "state"
    )


def _direct_cue(candidate: EventCandidate, doc: Doc) -> bool:
    """A cue of ground fighting ("clashes", "battle", "ambush") or of direct violence. An
    armed clash typed only from an attack, raid or killing of armed men has none."""
    return any(
        c.group == "clash"
        or doc[c.head].lemma_.lower() in _DIRECT_WORDS
        or doc[c.head].lower_ in _DIRECT_WORDS
        for c in candidate.cues
    )


def passage_means(profiles: dict[int, Profile], sentence: int, strict: bool = False) -> str | None:
    """The remote-violence sub-type the sentences around ``sentence`` tell, when they
    tell it more than direct violence (``strict``: when they tell none) and the sentence
    itself tells none."""
    own = profiles.get(sentence)
    if own is not None and own.direct:
        return None
    means: dict[str, float] = {}
    direct = 0.0
    for distance, weight in _WEIGHTS.items():
        for near in sorted({sentence - distance, sentence + distance}):
            told = profiles.get(near)
            if told is None:
                continue
            for label, count in told.means.items():
                means[label] = means.get(label, 0.0) + weight * count
            direct += weight * told.direct
    if not means:
        return None
    label, score = max(means.items(), key=lambda item: item[1])
    if strict and direct:
        return None
    return label if score >= _ENOUGH and score > direct else None


def name_passage_means(drafts: list[Draft], profiles: dict[int, Profile]) -> None:
    """Every bare armed clash told as happened takes the remote-violence means its
    passage tells (``passage_means``), where no ground fighting is told near it."""
    for draft in _told_as(drafts, on.ARMED_CLASH):
        label = passage_means(profiles, draft.sentence, strict=True)
        draft.label = label or draft.label


def name_killing_means(drafts: list[Draft], profiles: dict[int, Profile]) -> None:
    """Every attack on civilians told as happened, with no means of its own, takes the
    means its passage tells, keeping its civilian targeting and the label it was told as
    (``Draft.reported_label``). Done once its sides are named: its perpetrator, its
    confidence and the reports fusion joins it with stay those of the killing told."""
    for draft in _told_as(drafts, on.ATTACK):
        label = passage_means(profiles, draft.sentence)
        if label is not None:
            draft.reported_label, draft.label = draft.label, label
            draft.civilian_targeting = True


def _told_as(drafts: list[Draft], label: str) -> list[Draft]:
    return [d for d in drafts if d.label == label and d.mode == "asserted"]
