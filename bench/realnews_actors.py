"""Actors of the main event on FA-KES, scored against the annotated perpetrator.

FA-KES annotates each article with a perpetrator *category* (its ``actor``
column), not an ACLED actor. crosswire's ``actor1`` entity of the article's main
event is mapped to those categories here, in bench code, by its dictionary key,
its parent or affiliation, its inter code and its country:

- ``syrian government or russian troops``: the state actors of Syria or Russia
  (government, military, police, any regime period), their units and the
  pro-government militias the dictionary ties to them;
- ``the organization of the islamic state ...``: the Islamic State and its
  branches;
- ``international coalition forces``: the US-led coalition and the state forces
  of its members that struck in Syria;
- ``al-nusra front``: Jabhat al-Nusra and its successors (Fateh al-Sham, Hayat
  Tahrir al-Sham);
- ``self administration forces``: the SDF, YPG/YPJ, the Autonomous
  Administration and its Asayish;
- ``armed opposition groups``: any other Syrian rebel group (inter 2 or 3 with
  country SY), and the generic rebels;
- ``unknown``: an Unidentified Armed Group. An air strike left with no actor1
  also reads as ``unknown``: crosswire leaves a strike nobody is named for
  empty rather than invent an air force, and FA-KES codes such a report unknown.

Printed:

- **actor1 category**: recall over every article (an unknown-annotated article
  is right when actor1 is an Unidentified Armed Group or an air strike with no
  actor1), precision over the main events that have an actor1, and the share right
  of those whose actor1 is a named side (not an Unidentified Armed Group): a named
  perpetrator on the wrong side costs there;
- **actor2 civilians**: of the main events of articles whose dead are all
  civilians (``nb_civilians > 0``, ``nb_noncivilians == 0``), the share whose
  actor2 is a civilians actor; and its precision: of the main events with a
  civilians actor2, the share whose article counts civilian dead at all.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import fakes_data
from crosswire.model import Analysis, Entity, Event

GOV = "syrian government or russian troops"
UNKNOWN = "unknown"
ISIS = "the organization of the islamic state in iraq and the levant - isis"
COALITION = "international coalition forces"
OPPOSITION = "armed opposition groups"
SELF_ADMIN = "self administration forces"
NUSRA = "al-nusra front"
OTHER = "other"

AIR_STRIKE = "Air/drone strike"

# Dictionary keys (or parents) -> category. Pro-government militias fight as the
# regime's side, and FA-KES files them under it.
_KEYS: dict[str, str] = {
    "islamic-state": ISIS,
    "jabhat-al-nusra": NUSRA,
    "hts": NUSRA,
    "jabhat-fateh-al-sham": NUSRA,
    "sdf": SELF_ADMIN,
    "ypg": SELF_ADMIN,
    "ypj": SELF_ADMIN,
    "aanes": SELF_ADMIN,
    "asayish": SELF_ADMIN,
    "us-led-coalition": COALITION,
    "ndf-syria": GOV,
    "tiger-forces": GOV,
    "fourth-division": GOV,
    "hezbollah": GOV,
    "wagner": GOV,
    "liwa-fatemiyoun": GOV,
    "liwa-zainebiyoun": GOV,
}
# States whose forces struck in Syria as members of the US-led coalition.
_COALITION_STATES = frozenset({"US", "GB", "FR", "AU", "CA", "NL", "BE", "DK", "JO", "AE", "SA"})
_STATE_BRANCHES = ("mil", "gov", "pol")


def category(entity: Entity | None, known: dict[str, Entity]) -> str | None:
    """The FA-KES perpetrator category of crosswire's actor1 (None: no actor1)."""
    if entity is None:
        return None
    if entity.kind == "unidentified_armed_group":
        return UNKNOWN  # also one whose country the report leaves unknown (no key)
    key = entity.canonical_key
    seen = 0
    while key and seen < 4:
        found = _category_of_key(key, entity)
        if found is not None:
            return found
        parent = known.get(entity.affiliation or "") if entity.affiliation else None
        if parent is None:
            break
        entity, key, seen = parent, parent.canonical_key, seen + 1
    if entity.inter_code in (2, 3) and entity.country_code == "SY":
        return OPPOSITION
    return OTHER


def _category_of_key(key: str, entity: Entity) -> str | None:
    base = key.split("@")[0]
    if base in _KEYS:
        return _KEYS[base]
    branch, _, country = base.partition(":")
    if branch == "uag":
        return UNKNOWN
    if branch == "rebels" or (entity.kind == "rebel_group" and entity.country_code == "SY"):
        return OPPOSITION
    if branch in _STATE_BRANCHES:
        if country in ("SY", "RU"):
            return GOV
        if country in _COALITION_STATES:
            return COALITION
    if "islamic-state" in base:
        return ISIS
    return None


@dataclass
class ActorScore:
    articles: int = 0
    with_actor1: int = 0
    right: int = 0  # recall numerator (air strikes left empty count as unknown)
    right_named: int = 0  # precision numerator: right among events with an actor1
    named_side: int = 0  # main events whose actor1 is a named side (not unidentified)
    named_side_right: int = 0
    civ_articles: int = 0  # articles whose dead are all civilians
    civ_right: int = 0
    civ_actor2: int = 0  # main events with a civilians actor2
    civ_actor2_right: int = 0
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)


def _is_civilians(entity: Entity | None) -> bool:
    return entity is not None and (entity.inter_code == 7 or entity.kind == "civilians")


def score_article(
    total: ActorScore,
    article: fakes_data.FakesArticle,
    analysis: Analysis | None,
    main: Event | None,
) -> tuple[str, str]:
    """Add one article to ``total``; returns (gold, predicted) categories."""
    total.articles += 1
    known = {e.id: e for e in analysis.entities} if analysis else {}
    actor1 = known.get(main.actor1) if main and main.actor1 else None
    actor2 = known.get(main.actor2) if main and main.actor2 else None
    predicted = category(actor1, known)
    if predicted is None and main is not None and main.sub_event_type == AIR_STRIKE:
        guessed = UNKNOWN
    else:
        guessed = predicted or "-"
    gold = article.actor
    total.right += guessed == gold
    if predicted is not None:
        total.with_actor1 += 1
        total.right_named += predicted == gold
    if predicted not in (None, UNKNOWN):
        total.named_side += 1
        total.named_side_right += predicted == gold
    total.confusion[(gold, guessed)] += 1
    if article.civilians > 0 and article.noncivilians == 0:
        total.civ_articles += 1
        total.civ_right += _is_civilians(actor2)
    if _is_civilians(actor2):
        total.civ_actor2 += 1
        total.civ_actor2_right += article.civilians > 0
    return gold, guessed


def report(total: ActorScore) -> dict[str, float]:
    recall = total.right / total.articles if total.articles else 0.0
    precision = total.right_named / total.with_actor1 if total.with_actor1 else 0.0
    civ = total.civ_right / total.civ_articles if total.civ_articles else 0.0
    named = total.named_side_right / total.named_side if total.named_side else 0.0
    civ_p = total.civ_actor2_right / total.civ_actor2 if total.civ_actor2 else 0.0
    print(
        f"  main event actor1 category recall {recall:6.1%} ({total.right}/{total.articles})"
        f"  precision {precision:6.1%} ({total.right_named}/{total.with_actor1})"
    )
    print(
        f"  main event actor1 named side right {named:6.1%}"
        f" ({total.named_side_right}/{total.named_side}; a side named wrongly costs here)"
    )
    print(
        f"  main event actor2 civilians (all-civilian dead) {civ:6.1%}"
        f" ({total.civ_right}/{total.civ_articles})"
        f"  precision {civ_p:6.1%} ({total.civ_actor2_right}/{total.civ_actor2})"
    )
    return {
        "actor1": recall,
        "actor1_precision": precision,
        "actor1_named_precision": named,
        "actor2_civ": civ,
        "actor2_civ_precision": civ_p,
    }


def print_confusion(total: ActorScore) -> None:
    print("\nactor1 (gold, predicted):")
    for (gold, guessed), n in total.confusion.most_common(25):
        print(f"  {n:4d}  {gold[:40]:40s} -> {guessed[:40]}")
