"""What the linker outputs: one actor mention, linked, and how."""

from __future__ import annotations

from dataclasses import dataclass, field

from crosswire.actors.dictionary import LinkMode, Role
from crosswire.model import Entity, Mention

# --------------------------------------------------------------------------
# Linker output


@dataclass(frozen=True, kw_only=True, slots=True)
class ActorMention:
    """One actor mention, the entity it links to, and how it was linked.

    ``role`` tells an actor acting in the sentence from one named only as the
    backer of another ("Iranian" in "Iranian-backed militias") or as the
    affiliation of a person ("Syrian" in "Syrian President Bashar al-Assad").
    """

    entity: Entity
    mention: Mention
    how: LinkMode
    role: Role = "actor"
    backed_by: tuple[Entity, ...] = ()  # patrons named with it: "Iran" in "Iran-backed Houthis"
    affiliation: Entity | None = None  # persons: the actor they act or speak for
    antecedent: Mention | None = None  # coreference: the mention it points back to


@dataclass(slots=True)
class _Found:
    start: int  # character offsets
    end: int
    entity: Entity
    how: LinkMode
    role: Role = "actor"
    tokens: tuple[int, int] = (0, 0)  # token range, for attaching backers
    backed_by: list[Entity] = field(default_factory=list)
    affiliation: Entity | None = None
    antecedent: Mention | None = None
