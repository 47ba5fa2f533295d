"""The actors of an event: agent and patient phrases mapped to the article's entities.

Backers ("X, backed by Y") and partners become associated actors; victims with no
entity of their own become ACLED's generic actors ("Civilians (Syria)"); state
actors named by a common noun ("the army") take the regime of the event's date; a
violent event whose report names no perpetrator is by an "Unidentified Armed Group
(country)", as ACLED codes it. Perpetrators named outside the agent role (modifiers,
the aircraft's owner, claims) are read in ``perpetrators``; civilian dead in ``victims``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Span, Token

from crosswire.actors import Branch
from crosswire.events import lexicon as lx
from crosswire.events import ontology as on
from crosswire.events.arguments import (
    KILLING_VERBS,
    Category,
    category_of_inter,
    category_of_noun,
    phrase,
)
from crosswire.events.index import NOT_NATIONAL, ArticleIndex, day_of
from crosswire.events.perpetrators import (
    HOLDER_AFTER,
    claimant,
    drone_only,
    fought_with,
    is_setting,
    military_of,
    premodifier_actor,
    weapon_owner,
)
from crosswire.events.typer import EventCandidate
from crosswire.events.victims import (
    armed_dead,
    civilian_dead,
    is_civilian_word,
    nationals,
    people_dead,
)
from crosswire.model import (
    Entity,
    Place,
    SourceSpan,
)

_BACKING = frozenset(
    [
        "back",
        "backed",
        "support",
        "supported",
        "sponsor",
        "sponsored",
        "fund",
        "funded",
        "arm",
        "armed",
    ]
)


# "Iran-backed militias", "US backed rebels": the name backs the side. Not "troops backed
# by Hezbollah", "forces allied with Iran": there the name is the side, its backer follows.
_BACKED_AFTER = re.compile(
    r"^\s*+-?\s*+(?:backed|supported|sponsored|funded|armed|allied)\b(?!\s++(?:by|with|to)\b)",
    re.I,
)


_PROTEST_LABELS = frozenset({on.PEACEFUL_PROTEST, on.PROTEST_INTERVENTION, on.EXCESSIVE_FORCE})


_STATE_BRANCHES: dict[str, Branch] = {
    **dict.fromkeys(["force", "forces", "troop", "troops", "army", "military", "soldier"], "mil"),
    **dict.fromkeys(["police", "policeman", "policemen", "officer", "gendarme"], "pol"),
    **dict.fromkeys(["government", "regime", "authority", "authorities"], "gov"),
}


# Words that name no side of their own ("others": more of the people told before).
_ANYONE = frozenset(["people", "person", "persons", "individual", "victim", "casualty", "other"])


@dataclass(slots=True)
class _Actor:
    main: Entity | None = None
    backers: list[Entity] = field(default_factory=list)
    category: Category | None = None
    named: bool = False  # the entity has a mention in the phrase


def _is_backer(index: ArticleIndex, start: int, end: int, head: Token) -> bool:
    if _BACKED_AFTER.match(index.text[end : end + 20]):
        return True
    doc = head.doc
    # The token covering ``start``, found by spaCy's binary search rather than a
    # scan of the whole doc (which cost the square of a long article's length).
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    token = span[0] if span is not None and len(span) else None
    if token is not None and not token.idx <= start < token.idx + len(token):
        token = None
    while token is not None and token.i != head.i:
        if token.lower_ in _BACKING or token.lemma_ in _BACKING:
            return True
        if token.head.i == token.i:
            break
        token = token.head
    return False


def _actor(index: ArticleIndex, token: Token | None, *, agent: bool = False) -> _Actor:
    if token is None:
        return _Actor()
    start, end = phrase(token)
    actor = _Actor()
    main_mentions = []
    others = _conjunct_ranges(token) + (_target_ranges(token) if agent else [])
    for m_start, m_end, entity in index.entity_mentions_in(start, end):
        if not index.is_actor_mention(m_start, m_end, entity) or _no_side(entity):
            continue
        if any(a <= m_start < b for a, b in others):
            continue  # "regime elements and rebels including Nusra": the other side's
        if HOLDER_AFTER.match(index.text, m_end):
            continue  # "the IS-held town": the town is the target, its holder is no side
        if _is_backer(index, m_start, m_end, token):
            if entity not in actor.backers:
                actor.backers.append(entity)
        else:
            main_mentions.append((m_start, m_end, entity))
    _add_clause_backers(index, token, actor.backers)
    if main_mentions:
        chosen = _branch_named(token, main_mentions) or _chosen_mention(
            main_mentions, token.idx, index.text
        )
        actor.main = chosen[2]
        actor.named = True
        actor.category = _entity_category(index, chosen[2]) or category_of_noun(token)
    else:
        actor.category = category_of_noun(token)
        if index.place_at(token) is not None and actor.category is None:
            actor.category = "territory"
    return actor


def _add_clause_backers(index: ArticleIndex, token: Token, backers: list[Entity]) -> None:
    """ "X, backed by Y": the backing clause hangs off the head noun, outside its phrase."""
    for child in token.children:
        if child.dep_ in ("acl", "amod") and child.lemma_ in _BACKING:
            for agent in child.children:
                if agent.dep_ == "agent":
                    for obj in agent.subtree:
                        backer = index.entity_at(obj)
                        if backer is not None and backer not in backers:
                            backers.append(backer)


def _conjunct_ranges(token: Token) -> list[tuple[int, int]]:
    """Character ranges of the phrases coordinated with ``token`` ("X and Y"): sides of
    their own, read as co-agents or as the other side. What follows the coordination
    is theirs too ("regime elements and rebels including Nusra members", whichever
    word the parser hung "including" on)."""
    links = [c for c in token.children if c.dep_ in ("cc", "conj") and c.i > token.i]
    if not any(c.dep_ == "conj" for c in links):
        return []
    first = min(c.i for c in links)
    return [(token.doc[first].idx, token.doc[token.right_edge.i].idx + len(token.right_edge))]


# Prepositions whose object a phrase acts on or is set in ("strikes against IS militants",
# "fighters in the IS-held town"): the object is no side of the phrase's own.
_TARGET_PREPS = frozenset(["against", "on", "upon", "targeting", "at", "into", "near", "in"])


def _target_ranges(token: Token) -> list[tuple[int, int]]:
    """Character ranges of the phrase's target and setting phrases."""
    ranges = []
    for child in token.rights:
        if child.dep_ == "prep" and child.lower_ in _TARGET_PREPS:
            last = child.right_edge
            ranges.append((child.idx, last.idx + len(last)))
    return ranges


_COORDINATION = re.compile(r"\s*+(?:,|/|or|and)\s*+", re.IGNORECASE)


_SIDE_WORDS = lx.STATE_FORCE_NOUNS | lx.ARMED_NOUNS | lx.CIVILIAN_NOUNS | lx.PROTESTER_NOUNS
# The last word of a named armed formation the dictionary does not know ("the Sultan Murad
# Brigade", "the Free Idlib Army"). An unlinked organisation without one is a tagger's ORG
# over a label ("Takfiri"), a headline or tag run, an aid body or a watchdog: no side.
_FORMATION_HEADS = frozenset(
    [
        "army",
        "armies",
        "brigade",
        "brigades",
        "battalion",
        "battalions",
        "front",
        "forces",
        "force",
        "division",
        "divisions",
        "regiment",
        "corps",
        "legion",
        "militia",
        "militias",
        "guard",
        "guards",
        "units",
        "movement",
        "group",
        "groups",
        "council",
        "command",
    ]
)


def _no_side(entity: Entity) -> bool:
    """An unlinked name that cannot be a side: a person (ACLED codes the group a person
    acts for, which a linked person carries), an organisation not named as an armed
    formation, or a common noun a tagger took for a name ("Regime airstrikes"), whose
    word then speaks for itself."""
    if entity.canonical_key:
        return False
    if entity.kind == "person":
        return not entity.affiliation
    words = entity.name.casefold().split()
    if entity.kind == "organisation" and (not words or words[-1] not in _FORMATION_HEADS):
        return True
    return len(words) == 1 and words[0] in _SIDE_WORDS


# Nouns for a group's part: "Al-Qaeda's Syrian affiliate, the Nusra Front" is the Nusra
# Front, not Al-Qaeda.
_BRANCH_NOUNS = frozenset(["affiliate", "branch", "wing", "arm", "offshoot", "franchise"])


def _branch_named(
    token: Token, mentions: list[tuple[int, int, Entity]]
) -> tuple[int, int, Entity] | None:
    """The mention an apposition gives a group's branch ("its Syrian affiliate, the Nusra
    Front"): the side that acted is the branch, its parent only says whose it is."""
    if token.lemma_.lower() not in _BRANCH_NOUNS:
        return None
    for child in token.children:
        if child.dep_ != "appos":
            continue
        start, end = phrase(child)
        inside = [m for m in mentions if start <= m[0] and m[1] <= end]
        if inside:
            return inside[0]
    return None


def _chosen_mention(
    mentions: list[tuple[int, int, Entity]], spot: int, text: str
) -> tuple[int, int, Entity]:
    """The phrase's mention that names its head: the one covering it, else the head's own
    modifiers, the first named first (of "Syrian or Russian jets" ACLED codes the side
    named first), else the nearest."""
    before = [m for m in mentions if m[1] <= spot]
    containing = [m for m in mentions if m[0] <= spot < m[1]]
    if containing:
        chosen = containing[0]
        for other in sorted(before, key=lambda m: -m[0]):
            if not _COORDINATION.fullmatch(text, other[1], chosen[0]):
                break
            chosen = other  # "Syrian or [Russian jets]"
        return chosen
    if before:
        return min(before, key=lambda m: m[0])
    return min(mentions, key=lambda m: abs(m[0] - spot))


def _entity_category(index: ArticleIndex, entity: Entity) -> Category | None:
    category = category_of_inter(entity.inter_code, entity.kind)
    if category is None and entity.affiliation:
        patron = index.known.get(entity.affiliation)
        if patron is not None:
            category = category_of_inter(patron.inter_code, patron.kind)
    return category


def categorizer(index: ArticleIndex):  # type: ignore[no-untyped-def]
    def categorize(token: Token) -> Category | None:
        return _actor(index, token).category

    return categorize


def _generic_for(
    index: ArticleIndex, token: Token | None, country: str | None, day: date | None
) -> Entity | None:
    """ACLED's generic actor for a phrase with no entity: civilians, protesters, gunmen."""
    if token is None:
        return None
    lemma = token.lemma_.lower()
    category = category_of_noun(token)
    if category == "civilians":
        return index.generic("civilians", country)
    if category == "protesters":
        return index.generic("protesters", country)
    if category == "rioters":
        return index.generic("rioters", country)
    if lemma in lx.UNIDENTIFIED_NOUNS or token.lower_ in lx.UNIDENTIFIED_NOUNS:
        return index.generic("uag", country)
    if _is_rebel_side(token):
        return index.generic("rebels", country)
    branch = _STATE_BRANCHES.get(lemma) or _modifier_branch(token)
    if category == "state" and branch is not None and country is not None:
        # "government forces" in a Syrian story are the Military Forces of Syria.
        return index.state(country, branch, day)
    return None


def _target_of(
    index: ArticleIndex, token: Token | None, country: str | None, day: date | None
) -> _Actor:
    """The patient's side; of a post struck with no side named, the forces holding it."""
    patient = _resolve_actor(index, token, country, day)
    if patient.main is None and _struck_directly(token):
        patient.main = _post_holder(index, token, country, day)
        patient.category = "state" if patient.main is not None else patient.category
    if patient.main is None and token is not None and token.lemma_.lower() in _POSTS:
        # "targeted the headquarters of an Islamist rebel group": the group holds it.
        holder = _resolve_actor(index, _prep_child(token, "of"), country, day)
        if holder.category in ("armed", "state") and holder.main is not None:
            patient.main, patient.category = holder.main, holder.category
    return patient


def _post_holder(
    index: ArticleIndex, post: Token | None, country: str | None, day: date | None
) -> Entity | None:
    """The state forces whose post an attack struck ("attacked an army checkpoint",
    "shelled regime positions"): the target is the side that holds it."""
    if post is None or country is None or post.lemma_.lower() not in _POSTS:
        return None
    branch = _modifier_branch(post)
    return index.state(country, branch, day) if branch is not None else None


_POSTS = lx.MILITARY_TARGET_NOUNS | lx.BASE_NOUNS


def _modifier_branch(token: Token) -> Branch | None:
    """ "army units", "police patrols": the branch the modifier names."""
    for child in token.lefts:
        if child.dep_ in ("compound", "amod", "nmod"):
            branch = _STATE_BRANCHES.get(child.lemma_.lower())
            if branch is not None:
                return branch
    return None


# Unnamed rebels in an agent or patient role: "rebels", "insurgents", "opposition
# fighters", "a Syrian rebel Islamist group": ACLED's generic rebels of the country.
_REBEL_HEADS = frozenset(["rebel", "insurgent"])
_REBEL_MODIFIERS = frozenset(["rebel", "opposition", "insurgent"])
_SIDE_HEADS = frozenset(
    ["fighter", "force", "group", "faction", "brigade", "militant", "unit", "coalition", "alliance"]
)


def _is_rebel_side(token: Token) -> bool:
    lemma = token.lemma_.lower()
    if lemma in _REBEL_HEADS or token.lower_ in ("rebels", "insurgents"):
        return True
    return lemma in _SIDE_HEADS and any(
        word.lower_ in _REBEL_MODIFIERS
        for left in token.lefts
        if left.dep_ in ("amod", "compound", "nmod")
        for word in left.subtree
    )


def _resolve_actor(
    index: ArticleIndex,
    token: Token | None,
    country: str | None,
    day: date | None,
    *,
    agent: bool = False,
) -> _Actor:
    actor = _actor(index, token, agent=agent)
    if agent:
        actor.main = _host_ruler(index, actor.main, token, day)
    if actor.main is None or (
        actor.main.kind == "unidentified_armed_group"
        and token is not None
        and _is_rebel_side(token)
    ):
        # "the rebels" are ACLED's generic rebels, also where the linker took the word
        # for an unidentified armed group.
        actor.main = _generic_for(index, token, country, day) or actor.main
    elif actor.main.country_code != country:
        # A generic side ("Civilians (X)") is of the country the event happens in, never
        # of a state named elsewhere in the article ("Russian raids killed civilians"); one
        # the linker left without a country takes it too. The phrase's own nationality word
        # ("Syrian civilians") keeps its country; with none, no country is invented.
        category = actor.main.canonical_key.partition(":")[0]
        if not actor.main.canonical_key:
            category = _COUNTRYLESS.get(actor.main.kind, "")
        own = _names_nationality(token)  # "Syrian rebels" are Syrian wherever they fell
        if category in _GENERIC_CATEGORIES and not (own and actor.main.country_code):
            actor.main = index.generic(category, country)
    return actor


_RULER_WORDS = frozenset(["regime", "government", "pro-government", "pro-regime"])
_BRANCHES: dict[str, Branch] = {"mil": "mil", "gov": "gov", "pol": "pol"}


def _host_ruler(
    index: ArticleIndex,
    entity: Entity | None,
    token: Token | None,
    day: date | None,
) -> Entity | None:
    """The attacker "the regime", "government forces" is the ruler where the story is set
    (its scene country): the linker may have given the words the state the article names
    most ("Russian jets ... regime forces")."""
    country = index.scene_country
    if entity is None or token is None or country is None:
        return entity
    if not _foreign_ruler(entity, token, country):
        return entity
    branch = _BRANCHES.get(entity.canonical_key.partition(":")[0])
    return (index.state(country, branch, day) if branch else None) or entity


def _foreign_ruler(entity: Entity, token: Token, country: str | None) -> bool:
    """A phrase that calls a side the rulers ("the regime", "government forces") with no
    name or nationality of its own, linked to a state other than the scene country."""
    if country is None or entity.country_code in (None, country):
        return False
    if entity.kind not in ("military", "government", "police"):
        return False
    words = [token, *token.lefts]
    if not any(w.lower_ in _RULER_WORDS for w in words):
        return False
    return not any(t.ent_type_ in ("NORP", "GPE") for t in token.subtree if t.i <= token.i)


def _names_nationality(token: Token | None) -> bool:
    """Whether a phrase says whose its people are: "Syrian civilians", "Kurdish villagers"."""
    if token is None:
        return False
    return any(
        t.ent_type_ in ("NORP", "GPE") for t in token.subtree if t.i < token.i or t.i == token.i
    )


_GENERIC_CATEGORIES = frozenset(["civilians", "protesters", "rioters", "uag"])
# Kinds of the generic sides the linker makes without a country, by category.
_COUNTRYLESS = {
    "civilians": "civilians",
    "protesters": "protesters",
    "rioters": "rioters",
    "unidentified_armed_group": "uag",
}


def _sentence_entities(index: ArticleIndex, sentence: Span, categories: set[str]) -> list[Entity]:
    found = []
    for _start, _end, entity in index.entity_mentions_in(sentence.start_char, sentence.end_char):
        if _entity_category(index, entity) in categories and entity not in found:
            found.append(entity)
    return found


@dataclass(slots=True)
class Actors:
    actor1: Entity | None = None
    actor2: Entity | None = None
    assoc1: list[Entity] = field(default_factory=list)
    assoc2: list[Entity] = field(default_factory=list)
    named: bool = False  # some side is an entity the sentence names


def _crowd_actors(index: ArticleIndex, label: str, sentence: Span, country: str | None) -> Actors:
    """A demonstration's crowd (actor1) and the forces it met (actor2)."""
    result = Actors()
    crowd = _sentence_entities(index, sentence, {"protesters", "rioters"})
    category = "rioters" if label == on.VIOLENT_DEMONSTRATION else "protesters"
    result.actor1 = crowd[0] if crowd else index.generic(category, country)
    if label != on.PEACEFUL_PROTEST:
        forces = _sentence_entities(index, sentence, {"state"})
        result.actor2 = forces[0] if forces else None
    result.named = bool(crowd) or result.actor2 is not None
    return result


# Violent sub-events an armed group can carry out; an air strike needs an air force,
# so one the report attributes to no air force keeps no actor rather than a wrong one.
_UNKNOWN_PERPETRATOR_LABELS = frozenset(
    {
        on.ARMED_CLASH,
        on.SHELLING,
        on.REMOTE_EXPLOSIVE,
        on.SUICIDE_BOMB,
        on.GRENADE,
        on.ATTACK,
        on.ABDUCTION,
        on.SEXUAL_VIOLENCE,
        on.CHEMICAL,
    }
)


_EXPLOSIVE_LABELS = frozenset({on.REMOTE_EXPLOSIVE, on.SUICIDE_BOMB})
_WEAPON_KINDS = {on.AIR_STRIKE: "air", on.CHEMICAL: "air", on.SHELLING: "ground"}
# Remote attacks whose dead told as "people" are civilians (the weapons of towns' sieges).
_PEOPLE_KILLERS = frozenset({on.AIR_STRIKE, on.SHELLING})
_VIOLENT_TYPES = frozenset(["Battles", "Explosions/Remote violence", "Violence against civilians"])


def _modifier_side(
    index: ArticleIndex,
    tokens: tuple[Token | None, ...],
    country: str | None,
    day: date | None,
) -> Entity | None:
    def category_of(entity: Entity) -> str | None:
        return _entity_category(index, entity)

    for token in tokens:
        found = premodifier_actor(index, token, country, day, category_of)
        if found is not None:
            return found
    return None


def event_actors(
    index: ArticleIndex,
    event: EventCandidate,
    sentence: Span,
    country: str | None,
    day: date | None,
) -> Actors:
    label = event.label
    roles = event.roles
    if label in _PROTEST_LABELS or label == on.VIOLENT_DEMONSTRATION:
        return _crowd_actors(index, label, sentence, country)
    result = Actors()
    agent = _author(index, event, country, day)
    result.actor1 = agent.main
    result.assoc1 = list(agent.backers)
    for other in roles.co_agents:
        co = _resolve_actor(index, other, country, day)
        if co.main is not None:
            result.assoc1.append(co.main)
    patient = _target_of(index, roles.patient, country, day)
    # "the army said four of its soldiers were killed": the dead are the army's men.
    victims = _resolve_actor(
        index, _antecedent(index, event.victims) or event.victims, country, day
    )
    result.named = agent.named or patient.named
    _take_target(result, event, patient, victims)
    told = ((roles.patient, patient), (event.victims, victims))
    if any(nationals(t) and a.main is not None and a.main == result.actor2 for t, a in told):
        result.actor2 = index.generic("civilians", country)  # "2 Syrians killed"
    for other in roles.co_patients:
        co = _resolve_actor(index, other, country, day)
        if co.main is not None:
            result.assoc2.append(co.main)
    if label == on.MOB_VIOLENCE and (result.actor1 is None or agent.category != "rioters"):
        if result.actor1 is not None:
            result.assoc1.insert(0, result.actor1)
        result.actor1 = index.generic("rioters", country)
    if on.event_type_of(label) == "Battles":
        _battle_actors(index, event, result, (patient, victims), country, day)
    # A side the strikes were aimed at, in a sentence that counts its own dead.
    aimed = event.victims is not None and _aimed_at(roles.patient)
    aimed = aimed and patient.category in ("armed", "state")
    # The side aimed at is read like the attackers: its men are no count of the dead.
    unread = _attackers(roles.agent, *roles.co_agents, roles.patient if aimed else None)
    civilian = (label == on.ATTACK and not _armed_victims(event, patient, victims, sentence)) or (
        on.event_type_of(label) == "Explosions/Remote violence"
        and (aimed or patient.category not in ("armed", "state"))
        and _remote_civilians(label, sentence, unread, None if aimed else event.victims)
    )
    if aimed and civilian and result.actor2 is not None and result.actor2 == patient.main:
        # "raids against IS fighters left 14 civilians dead": ACLED's target is the
        # civilians the report counts, not the side the strikes were aimed at.
        result.actor2 = None
    return _as_coded(index, label, result, day, civilian_victims=civilian, country=country)


def _battle_actors(
    index: ArticleIndex,
    event: EventCandidate,
    result: Actors,
    told: tuple[_Actor, _Actor],
    country: str | None,
    day: date | None,
) -> None:
    """A battle's sides when its author is not told: the side fought with, or the dead."""
    patient, victims = told
    roles = event.roles
    pair = _both_sides_before(index, roles.agent, country, day)
    if pair is not None:
        # "clashes between the two forces": the sides a sentence before named.
        (result.actor1, result.actor2), result.named = pair, True
    if result.actor2 is not None and result.actor2.inter_code == 7:
        # A battle is fought between armed sides: civilians it killed are its toll, no side.
        result.actor2 = None
    if (
        result.actor1 is None
        and (patient.named or (patient.main is not None and patient.category in ("state", "armed")))
        and not _struck_directly(roles.patient)
    ):
        # "ten soldiers were killed in clashes with IS / with rebels": the side fought with.
        _battle_sides(result, victims, dead_patient=_same_side(patient, victims))
    if result.actor1 is None:
        _dead_of_both_sides(index, result, event.victims or roles.patient, country, day)
    if result.actor1 is not None and _no_other_side(index, result, day):
        # "70 regime and rebel fighters were killed in a government assault": the
        # dead of the author's own side are not its foe; the other side counted is.
        other = _other_side_dead(index, result.actor1, event.victims, country, day)
        result.actor2 = other or result.actor2
    if result.actor2 is None:
        result.actor2 = _taken_from(index, event.anchor, result.actor1, country, day)
    if result.actor2 is None and result.actor1 is not None:
        result.actor2 = _unnamed_foe(index, event, told, result.actor1, (country, day))


def _unnamed_foe(
    index: ArticleIndex,
    event: EventCandidate,
    told: tuple[_Actor, _Actor],
    actor1: Entity,
    where: tuple[str | None, date | None],
) -> Entity | None:
    """The other side of a battle whose dead are armed men with no side of their own
    ("the army killed 11 terrorists"): the group the clause says they were from ("killed
    30 terrorists from ISIL"), else the one armed group the sentence names besides the
    author ("SDF foiled an ISIS attack, 80 terrorists killed"), else ACLED's unidentified
    armed group: a battle has two sides."""
    country, day = where
    patient, victims = told
    dead, side = (
        (event.victims, victims) if event.victims is not None else (event.roles.patient, patient)
    )
    if dead is None or side.main is not None or side.category not in ("armed", None):
        return None
    if _is_pair(event.roles.agent):
        return None  # "clashes between the two forces": the pair, not an unknown group
    sentence = event.anchor.sent
    # "killing 30 members of the regime troops", "50 jihadists from IS were killed by
    # troops" (a headline before it told them as "militants"): the side they were from.
    holders = [dead, dead.head] if side.category is None else [dead, dead.head, *sentence]
    for holder in holders:
        if holder is not dead and holder is not dead.head and category_of_noun(holder) != "armed":
            continue
        origin = _resolve_actor(index, _prep_child(holder, "from", "of"), country, day)
        if origin.main not in (None, actor1) and origin.category in ("armed", "state"):
            return military_of(index, origin.main, day)
    if side.category is None:
        return None
    others = {
        entity
        for start, end, entity in index.entity_mentions_in(sentence.start_char, sentence.end_char)
        if index.is_actor_mention(start, end, entity)
        and not HOLDER_AFTER.match(index.text, end)
        and not _PLACE_AFTER.match(index.text, end)
        and _entity_category(index, entity) == "armed"
        and entity != actor1
    }
    if len(others) == 1:
        return others.pop()
    return index.generic("uag", country) if not others else None


# A name read as a place's ("in Hamas countryside": Hama's): no side.
_PLACE_AFTER = re.compile(
    r"\s++(?:\w+(?:ern|ward)\s++)?(?:countryside|province|outskirts|suburbs)\b", re.I
)


def _prep_child(token: Token, *preps: str) -> Token | None:
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


# "the two sides", "both forces": a pair of sides told before.
_PAIR_NOUNS = frozenset(["side", "force", "party", "camp", "foe", "rival"])
_PAIR_WORDS = frozenset(["two", "both"])
_PAIR_REACH = 3  # sentences back


def _both_sides_before(
    index: ArticleIndex, agent: Token | None, country: str | None, day: date | None
) -> tuple[Entity, Entity] | None:
    """The two sides "clashes between the two forces" stands for: the nearest pair named
    before it in the article, a state's forces and an armed group or two of either
    ("tensions between regime and Kurdish forces", "a truce between the regime and
    Kurdish militias"), else the only two sides an earlier sentence names ("held by
    Kurdish forces while the rest is held by the army")."""
    if agent is None or not _is_pair(agent):
        return None
    doc = agent.doc
    first = max(0, agent.sent.start - 1)
    sentences = [agent.sent]
    while len(sentences) <= _PAIR_REACH and first > 0:
        sentences.append(doc[first].sent)
        first = doc[first].sent.start - 1
    for sentence in sentences:
        for token in reversed(sentence):
            if token.i >= agent.i or token.lower_ != "between":
                continue
            pair = _pair_between(index, token, country, day)
            if pair is not None:
                return pair
        if sentence.start != agent.sent.start:
            pair = _pair_in(index, sentence, day)
            if pair is not None:
                return pair
    return None


def _is_pair(agent: Token | None) -> bool:
    """ "the two forces", "both sides": words that stand for a pair of sides."""
    if agent is None or agent.lemma_.lower() not in _PAIR_NOUNS:
        return False
    return any(c.lower_ in _PAIR_WORDS for c in agent.children if c.dep_ in ("nummod", "det"))


def _pair_in(index: ArticleIndex, sentence: Span, day: date | None) -> tuple[Entity, Entity] | None:
    """The two sides a sentence names, when it names exactly two (a state's forces and an
    armed group, or two of either)."""
    sides: list[Entity] = []
    for start, end, entity in index.entity_mentions_in(sentence.start_char, sentence.end_char):
        if not index.is_actor_mention(start, end, entity) or HOLDER_AFTER.match(index.text, end):
            continue
        side = military_of(index, entity, day) or entity  # "loyal to Assad": his forces
        if _entity_category(index, side) not in ("state", "armed"):
            continue
        if side not in sides:
            sides.append(side)
    if len(sides) != 2:
        return None
    # A sentence that only says where each side holds tells no order: the state's forces
    # first (no author is told; the order is a convention).
    sides.sort(key=lambda e: _entity_category(index, e) != "state")
    return sides[0], sides[1]


def _pair_between(
    index: ArticleIndex, between: Token, country: str | None, day: date | None
) -> tuple[Entity, Entity] | None:
    obj = next((c for c in between.children if c.dep_ == "pobj"), None)
    if obj is None or any(c.lower_ in _PAIR_WORDS for c in obj.children):
        return None  # "between the two forces" itself
    found = _sides_named(index, obj, country, day)
    if len(found) != 2:
        return None
    if not {_entity_category(index, e) for e in found} <= {"state", "armed"}:
        return None
    return found[0], found[1]


def _remote_civilians(
    label: str, sentence: Span, attackers: tuple[Token, ...], dead: Token | None
) -> bool:
    """Whether a remote attack's dead are civilians: by the sentence's person words; a gas
    attack's unnamed dead ("a toxic gas barrel killed four") too, gas striking whoever
    breathes it, unless only armed men are counted; the "people" an air strike or shelling
    killed ("strikes on the town killed 12 people") when no fighter is counted (``dead``:
    None when the strikes were aimed at a side)."""
    if civilian_dead(sentence, attackers):
        return True
    if label in _PEOPLE_KILLERS and people_dead(sentence, dead, attackers):
        return True
    if label in _EXPLOSIVE_LABELS and _told_as_people(dead):
        # "a car bomb killed seven people": a bomb's dead told as people, with no fighter
        # counted, are passers-by; a bare count ("three of his comrades") may be anyone.
        return people_dead(sentence, dead, attackers)
    return label == on.CHEMICAL and not armed_dead(sentence, attackers)


def _told_as_people(dead: Token | None) -> bool:
    return dead is not None and dead.lemma_.lower() in ("people", "person", "persons")


_CAPTURE_VERBS = frozenset(["capture", "seize", "take", "wrest", "recapture", "retake", "win"])


def _taken_from(
    index: ArticleIndex, anchor: Token, actor1: Entity | None, country: str | None, day: date | None
) -> Entity | None:
    """Whom a battle's ground was won from ("stormed the base, capturing it from government
    forces", "seized the town from IS"): the side that lost it is the other side."""
    for token in anchor.sent:
        if token.pos_ != "VERB" or token.lemma_.lower() not in _CAPTURE_VERBS:
            continue
        for prep in token.children:
            if prep.dep_ != "prep" or prep.lower_ != "from":
                continue
            for loser in prep.children:
                if loser.dep_ != "pobj":
                    continue
                side = _resolve_actor(index, loser, country, day)
                if side.category in ("state", "armed") and side.main not in (None, actor1):
                    return side.main
    return None


def _take_target(result: Actors, event: EventCandidate, patient: _Actor, victims: _Actor) -> None:
    """Actor2: the patient when it is a side, else the dead when named as one."""
    roles = event.roles
    anyone = roles.patient is not None and roles.patient.lemma_.lower() in _ANYONE
    if (
        patient.main is not None
        and patient.category not in ("weapon", "territory", "property")
        and (patient.named or not anyone)
    ):
        result.actor2 = patient.main
        result.assoc2 = list(patient.backers)
    elif (
        victims.main is not None
        and (patient.category not in ("armed", "state") or victims.category in ("armed", "state"))
        and event.victims is not None
        and event.victims.lemma_.lower() not in _ANYONE
    ):
        # The dead are a side only when named as such: "killing two civilians" names the
        # civilians, "killing seven people" (in a strike on a depot, a fight between armed
        # sides) names no one; of an attack on a checkpoint, the policemen it killed.
        result.actor2 = victims.main


def _aimed_at(target: Token | None) -> bool:
    """A side the strikes were aimed at ("raids against IS", "strikes targeting IS")."""
    return target is not None and target.dep_ == "pobj" and target.head.lower_ in _AIMED


_AIMED = frozenset(["against", "targeting"])


def _armed_victims(event: EventCandidate, patient: _Actor, victims: _Actor, sentence: Span) -> bool:
    """An attack whose victims are armed people ("executed 40 militants", "attacks
    US-trained fighters"): ACLED's civilians are unarmed, so they are no Civilians. A
    sentence that names no victim (a headline's "11 killed as X attacks militants") is
    read by its person words."""
    roles = event.roles
    told = [(roles.patient, patient), (event.victims, victims)]
    named = [(t, a) for t, a in told if t is not None]
    if not named:
        return armed_dead(sentence, _attackers(roles.agent, *roles.co_agents))
    armed = [
        a.category in ("armed", "state") and t.lemma_.lower() not in lx.MILITARY_TARGET_NOUNS
        for t, a in named
    ]
    # "four of its soldiers were killed and four others wounded": "others" are more of
    # the people named, no civilians of their own.
    civilian = [a.category == "civilians" and t.lemma_.lower() != "other" for t, a in named]
    return any(armed) and not any(civilian)


def _attackers(*tokens: Token | None) -> tuple[Token, ...]:
    """The agent phrases that can be who attacked: never civilians, whom a parse makes the
    subject of "were among" ("two medics were among 31 people killed in shelling")."""
    return tuple(t for t in tokens if t is not None and not is_civilian_word(t))


def _author(
    index: ArticleIndex, event: EventCandidate, country: str | None, day: date | None
) -> _Actor:
    """The agent phrase's side, or the one the event noun's own modifiers name."""
    roles = event.roles
    token = roles.agent
    if token is not None and _is_setting(index, token, event.anchor):
        token = _killer(event.anchor)
    agent = _resolve_actor(index, _antecedent(index, token) or token, country, day, agent=True)
    if agent.main is None and token is not None and _modifies(token, event.anchor):
        # "IS killed 270 in a Syrian gas field battle": a modifier that names no side
        # leaves the killing verb's subject.
        killer = _killer(event.anchor)
        if killer is not None:
            agent = _resolve_actor(index, killer, country, day)
    # "regime shelling", "a Daesh car bomb", "regime helicopters dropped barrel bombs": the
    # event noun's own modifiers name its side before any clause around it; the agent's
    # modifiers when the agent names no side.
    own = event.anchor if event.anchor.pos_ in ("NOUN", "PROPN") else None
    candidates = (own,) if agent.category in ("state", "armed") else (event.anchor, roles.agent)
    modifier = _modifier_side(index, candidates, country, day)
    if modifier is not None:
        agent.main = _host_ruler(index, modifier, event.anchor, day)
        agent.named = True
    return agent


def _modifies(token: Token, anchor: Token) -> bool:
    return token.head.i == anchor.i and token.dep_ in ("compound", "nmod", "amod")


def _is_setting(index: ArticleIndex, token: Token, anchor: Token) -> bool:
    """A state's name right before the event noun that says where it happened ("central
    Syria attack", "Syria fighting kills 50"), not whose it was ("Russia strikes")."""
    if anchor.pos_ not in ("NOUN", "PROPN") and anchor.tag_ != "VBG":
        return False  # "Syria launched strikes": the subject of an event verb is its side
    if not (_modifies(token, anchor) or token.i + 1 == anchor.i):
        return False
    entity = index.entity_at(token)
    if entity is not None and _entity_category(index, entity) != "state":
        return False
    named = [entity] if entity is not None else []
    return is_setting(index, anchor, token.idx, token.idx + len(token), named)


_POSSESSIVE_PRONOUNS = frozenset(["their", "its"])


def _possessor(pronoun: Token) -> Token | None:
    """Whose "their bombardment" is: the subject of the verb whose object it is ("the
    regime and its allies stepped up their bombardment of the town")."""
    noun = pronoun.head
    if pronoun.dep_ != "poss" or noun.dep_ not in ("dobj", "obj") or noun.head.i == noun.i:
        return None
    return next((c for c in noun.head.children if c.dep_ == "nsubj"), None)


def _killer(noun: Token) -> Token | None:
    """Who "X kills 20 in an attack" says did it: the killing verb's subject."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in ("in", "during"):
        return None
    verb = prep.head
    for _ in range(5):  # "kills more than 20 in": the phrase may hang off the count
        if verb.pos_ == "VERB" or verb.head.i == verb.i:
            break
        verb = verb.head
    if verb.lemma_.lower() not in KILLING_VERBS or any(
        c.dep_ in ("nsubjpass", "auxpass") for c in verb.children
    ):
        return None
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)


def _antecedent(index: ArticleIndex, pronoun: Token | None) -> Token | None:
    """The side a "they" agent stands for: the nearest armed or state subject before it in
    its sentence ("before the troops left the town they shot 7 prisoners")."""
    if pronoun is None:
        return None
    if pronoun.lower_ in _POSSESSIVE_PRONOUNS:
        pronoun = _possessor(pronoun)
        if pronoun is None or pronoun.pos_ not in ("NOUN", "PROPN"):
            return None
        return pronoun if _actor(index, pronoun).category in ("state", "armed") else None
    if pronoun.lower_ != "they" and not _its_men(pronoun):
        return None
    for token in reversed(pronoun.doc[pronoun.sent.start : pronoun.i]):
        if token.dep_ in ("nsubj", "nsubjpass") and token.pos_ in ("NOUN", "PROPN"):
            return token if _actor(index, token).category in ("state", "armed") else None
    return None


_COUNTED_OF = frozenset(["one", "two", "three", "four", "five", "some", "several", "members"])


def _its_men(agent: Token) -> bool:
    """ "its fighters", "one of their members": the agent is the men of a side named before
    it in the sentence ("the group said one of its fighters blew himself up")."""
    nouns = [agent]
    if agent.lower_ in _COUNTED_OF:
        nouns += [c for p in agent.children if p.lower_ == "of" for c in p.children]
    return any(
        any(c.dep_ == "poss" and c.lower_ in _POSSESSIVE_PRONOUNS for c in noun.children)
        and (category_of_noun(noun) in ("state", "armed") or noun.lemma_.lower() == "member")
        for noun in nouns
    )


def _same_side(patient: _Actor, dead: _Actor) -> bool:
    return patient.main is not None and dead.named and dead.main == patient.main


# Prepositions whose object is what an attack struck ("fired on a gathering of Kurdish
# fighters", "an attack at a checkpoint"), not a side fought with ("clashes with IS").
_STRUCK_PREPS = frozenset(["on", "at", "upon", "into", "targeting"])


def _struck_directly(patient: Token | None) -> bool:
    """The side the verb acts on ("a Russian helicopter was shot down", "rebels downed
    a jet", "fired on a gathering of fighters"), not one fought with ("clashes with IS"):
    the attacked side stays actor2."""
    if patient is None:
        return False
    if patient.dep_ in ("nsubjpass", "dobj", "obj"):
        return True
    return patient.dep_ == "pobj" and patient.head.lower_ in _STRUCK_PREPS


def _battle_sides(result: Actors, dead: _Actor, *, dead_patient: bool = False) -> None:
    """ "Ten troops were killed in clashes with IS": the side fought with is the one
    that killed (actor1); the dead, when their side is named, are the other. When the
    dead are the side named ("fighting kills 50 IS fighters"), they are no attacker."""
    if dead_patient:
        return
    result.actor1, result.actor2 = result.actor2, None
    result.assoc1, result.assoc2 = result.assoc2, []
    if dead.category in ("state", "armed") and dead.main is not None:
        result.actor2 = dead.main


def _dead_of_both_sides(
    index: ArticleIndex,
    result: Actors,
    dead: Token | None,
    country: str | None,
    day: date | None,
) -> None:
    """ "70 regime and rebel fighters were killed in battle", "30 soldiers and 39 rebels
    died in clashes": a battle told by the dead of both its sides, with no agent, has
    those sides, in the order the report names them (as of "Syrian or Russian jets"): a
    state's forces and an armed group; two states' or two groups' dead may be allies'."""
    if dead is None:
        return
    found = _sides_named(index, dead, country, day)
    categories = {_entity_category(index, e) for e in found}
    if len(found) != 2 or categories != {"state", "armed"}:
        return
    result.actor1, result.actor2 = found
    result.named = True  # a later count of both sides' dead names a battle told first
    result.assoc1 = [e for e in result.assoc1 if e not in found]
    result.assoc2 = [e for e in result.assoc2 if e not in found]


def _no_other_side(index: ArticleIndex, result: Actors, day: date | None) -> bool:
    """Whether a battle's actor2 is missing or the author's own forces again."""
    actor1, actor2 = result.actor1, result.actor2
    return actor2 is None or military_of(index, actor2, day) == military_of(index, actor1, day)


def _other_side_dead(
    index: ArticleIndex,
    actor1: Entity,
    dead: Token | None,
    country: str | None,
    day: date | None,
) -> Entity | None:
    """ "A government assault killed 70 regime and rebel fighters": a battle whose author
    is told and whose dead are counted for both sides has the side besides the author as
    its other side."""
    if dead is None:
        return None
    found = _sides_named(index, dead, country, day)
    if len(found) != 2 or actor1 not in found:
        return None
    return found[1] if found[0] == actor1 else found[0]


def _sides_named(
    index: ArticleIndex, dead: Token, country: str | None, day: date | None
) -> list[Entity]:
    """The armed or state sides a phrase of the dead coordinates, in text order: its
    head's coordinated side words ("regime and rebel fighters") or coordinated heads
    ("30 soldiers and 39 rebels")."""
    while dead.dep_ == "conj" and dead.head.i != dead.i:
        dead = dead.head
    # "the dead, 70 regime and rebel fighters": the apposition names them.
    dead = next((c for c in dead.children if c.dep_ == "appos"), dead)
    heads = [dead, *dead.conjuncts]
    words = [*heads]
    for head in heads:
        for left in head.lefts:
            if left.dep_ in _SIDE_MODIFIER_DEPS:
                words += [left, *left.conjuncts]
    sides: list[Entity] = []
    for token in sorted(set(words), key=lambda t: t.i):
        entity = index.entity_at(token)
        if entity is not None and _entity_category(index, entity) not in ("state", "armed"):
            entity = None
        if entity is None and category_of_noun(token) in ("state", "armed"):
            entity = _generic_for(index, token, country, day)
        side = military_of(index, entity, day) if entity is not None else None
        if side is not None and side not in sides:
            sides.append(side)
    return sides


_SIDE_MODIFIER_DEPS = frozenset(["amod", "compound", "nmod"])


def _as_coded(
    index: ArticleIndex,
    label: str,
    result: Actors,
    day: date | None,
    *,
    civilian_victims: bool,
    country: str | None,
) -> Actors:
    """The sides as ACLED codes them: civilian victims as actor2 (an Attack is on
    civilians by definition; "air strikes killed 12 people, including five children"),
    a violent event's government or official as its forces, no side twice."""
    violent = on.event_type_of(label) in _VIOLENT_TYPES
    if violent and result.actor1 is not None and result.actor1.inter_code == 7:
        # Civilians are never the attacker of a violent event: a parse that makes
        # the victims the subject ("civilians were among 20 killed") names the victims.
        result.actor2 = result.actor2 or result.actor1
        result.actor1 = None
    if result.actor2 is None and civilian_victims:
        result.actor2 = index.generic("civilians", country)
    if violent:
        result.actor1 = military_of(index, result.actor1, day)
        result.assoc1 = [military_of(index, e, day) or e for e in result.assoc1]
        if result.actor2 is not None and result.actor2.kind == "person":
            result.actor2 = military_of(index, result.actor2, day)  # the side, not the person
        elif on.event_type_of(label) != "Violence against civilians":
            # The regime's side of a battle or a strike is its forces, as for actor1; an
            # attack on officials keeps the government.
            result.actor2 = military_of(index, result.actor2, day)
    if result.actor1 is not None and result.actor2 is not None and result.actor1 == result.actor2:
        result.actor2 = None
    result.assoc1 = [e for e in dict.fromkeys(result.assoc1) if e != result.actor1]
    result.assoc2 = [e for e in dict.fromkeys(result.assoc2) if e != result.actor2]
    return result


def unnamed_perpetrator(
    index: ArticleIndex,
    label: str,
    actors: Actors,
    place: Place | None,
    spans: Sequence[SourceSpan] = (),
    at: int = -1,
    elsewhere: Sequence[tuple[int, int]] = (),
) -> None:
    """ACLED codes a violent event whose report names no perpetrator as by an
    "Unidentified Armed Group (country)", never as an event with no actor. Done once the
    article's sentences are joined, so a later sentence can still name the side; a claim
    in ``elsewhere`` (another incident's sentences) is not this event's."""
    kind = _WEAPON_KINDS.get(label)
    if kind == "air" and spans and drone_only(spans[0].text, at - spans[0].start):
        kind = "drone"  # "the drone attack on the ship": whoever the report credits drones
    if _identified(index, label, actors, elsewhere):
        return
    if actors.actor1 is not None and not _groundless_air_strike(index, label, kind, actors):
        return
    if kind is not None:
        # An air strike needs an air force, shelling guns: the report's attribution of the
        # aircraft or the guns.
        day = day_of(index.published[0]) if index.published else None
        # Aircraft credited anywhere in the report count: keeping out another incident's
        # sentences (s16-actors) raised the tune half only and cost the check half.
        actors.actor1 = _gunner(index, day, kind, spans) or actors.actor1
    if actors.actor1 is not None or label not in _UNKNOWN_PERPETRATOR_LABELS:
        return
    actors.actor1 = _named_elsewhere(index, label, actors, spans, elsewhere)
    if actors.actor1 is not None:
        return
    # The group of the country the story is set in, as for generic victims: a place
    # named in passing ("the London-based monitor") must not make it a British group,
    # nor the state forces the article names ("Russian jets") a Russian one.
    country = index.scene_country
    if country is None and place is not None:
        country = place.country_code
    # A clash the report tells as fought with "rebels" or "opposition fighters" has them
    # as the side it leaves unnamed, an attack it credits to them ("rebel shelling", "a
    # rocket attack by rebels") has them as its author: ACLED's generic rebels.
    pattern = _REBELS if label == on.ARMED_CLASH else _REBEL_AGENT
    rebels = any(pattern.search(span.text) for span in spans)
    side = index.generic("rebels" if rebels else "uag", country)
    if side == actors.actor2:
        side = index.generic("uag", country)  # the rebels named are the victims
    actors.actor1 = side


def _gunner(
    index: ArticleIndex, day: date | None, kind: str, spans: Sequence[SourceSpan]
) -> Entity | None:
    """Whose aircraft or guns: the report's first attribution of them. Shelling whose own
    sentences credit its guns to a side ("shells fired by Jaysh al-Islam") is that side's;
    shelling they say unnamed rebels or gunmen fired ("shells fired by opposition groups",
    "rebel shelling killed two", "terrorists fired rockets") is none of the sides the report
    credits elsewhere with aircraft or guns: the army's jets do not fire the rebels' shells."""

    def category_of(entity: Entity) -> Category | None:
        return _entity_category(index, entity)

    if kind == "ground" and spans:
        within = [(span.start, span.end) for span in spans]
        own = weapon_owner(index, day, category_of, kind, within)
        if own is not None:
            return own
        if any(_fired_by_unnamed(span.text) for span in spans):
            return None
    return weapon_owner(index, day, category_of, kind)


def _named_elsewhere(
    index: ArticleIndex,
    label: str,
    actors: Actors,
    spans: Sequence[SourceSpan],
    elsewhere: Sequence[tuple[int, int]],
) -> Entity | None:
    """The author an event's words name outside its agent role: who planted the bomb
    (in its own report), who claimed it or was blamed (anywhere but ``elsewhere``), whom
    a battle was fought with (in its own report)."""
    day = day_of(index.published[0]) if index.published else None
    within = [(span.start, span.end) for span in spans]

    def category_of(entity: Entity) -> Category | None:
        return _entity_category(index, entity)

    if label in _EXPLOSIVE_LABELS:
        # "mines planted by IS", "a car bomb left by the group".
        found = weapon_owner(index, day, category_of, "explosive", within)
        if found is not None:
            return found
    if label != on.ARMED_CLASH:
        # "IS claimed responsibility", "a bombing blamed on Daesh".
        return claimant(index, category_of, elsewhere, day)
    # "IS militants were killed in fighting with Kurdish fighters": the side fought with.
    found = fought_with(index, within, category_of, actors.actor2)
    return military_of(index, found, day) if found is not None else None


def _identified(
    index: ArticleIndex, label: str, actors: Actors, elsewhere: Sequence[tuple[int, int]]
) -> bool:
    """Unnamed attackers ("gunmen killed eight", "a suicide bomber struck") the report
    identifies by a claim or a charge ("IS claimed the attack", "activists blamed the
    regime for the killings"): ACLED codes the side named, not an unidentified one."""
    mine = actors.actor1
    if mine is None or not mine.canonical_key.startswith("uag"):
        return False
    if label == on.ARMED_CLASH or label not in _UNKNOWN_PERPETRATOR_LABELS:
        return False
    day = day_of(index.published[0]) if index.published else None
    found = claimant(index, lambda e: _entity_category(index, e), elsewhere, day)
    if found is None or found == actors.actor2:
        return False
    actors.actor1 = found
    return True


def _groundless_air_strike(
    index: ArticleIndex, label: str, kind: str | None, actors: Actors
) -> bool:
    """An air strike credited to a side with no air force (a parse that takes "a town
    held by IS" for its author): the report's attribution of the aircraft decides."""
    if label != on.AIR_STRIKE or kind != "air" or actors.actor1 is None:
        return False
    return _entity_category(index, actors.actor1) != "state"


# Unnamed rebels as a side: "rebels", "opposition fighters", "rebel forces", "insurgents".
_REBELS = re.compile(
    r"\b(?:rebels|insurgents|(?:rebel|opposition|insurgent)\s+"
    r"(?:fighters|forces|groups|factions|brigades|militants))\b",
    re.I,
)
_REBEL_NOUN = (
    r"(?:rebels|insurgents|(?:rebel|opposition|insurgent)\s+"
    r"(?:fighters|forces|groups?|coalition|alliance))"
)


def _agent_pattern(noun: str, verbs: str, *more: str) -> re.Pattern[str]:
    """ "by (the) <noun>" or "<noun> (one word) <verb>", and any ``more`` alternatives."""
    return re.compile(
        "|".join([rf"\bby\s+(?:the\s+)?{noun}\b", rf"\b{noun}\s+(?:\w+\s+)?(?:{verbs})\b", *more]),
        re.I,
    )


_REBEL_AGENT = _agent_pattern(
    _REBEL_NOUN,
    "fired|firing|shelled|launched|detonated|attacked|bombarded|targeted|stormed|ambushed|shot",
    r"\b(?:rebel|insurgent)\s+(?:\w+\s+)?(?:bombardment|shelling|rockets?|mortars?|fire"
    r"|attacks?|tunnel|bomb)\b",
)


# Unnamed armed men as the ones who fired: "shells fired by terrorists", "militants shelled
# the district", "terrorist groups targeted the neighbourhood with rockets".
_GUNMEN = r"(?:terrorists|terrorist\s+(?:groups|organizations)|militants|jihadists|gunmen)"
_GUNMEN_AGENT = _agent_pattern(_GUNMEN, "fired|firing|shelled|launched|targeted|bombarded|pounded")


# "areas held by rebels": who holds the place shelled, not who fired.
_HELD_BEFORE = re.compile(
    r"\b(?:held|controlled|run|dominated|occupied|besieged|seized|captured|taken|retaken)\s+$",
    re.I,
)


def _fired_by_unnamed(text: str) -> bool:
    """Whether a sentence tells unnamed rebels or gunmen as the ones who fired."""
    return any(
        not _HELD_BEFORE.search(text, max(0, m.start() - 12), m.start())
        for pattern in (_REBEL_AGENT, _GUNMEN_AGENT)
        for m in pattern.finditer(text)
    )


def actor_country(index: ArticleIndex, place: Place | None, named: str | None) -> str | None:
    """The country of generic actors ("Civilians (X)"): a place attached to the event word,
    else the country of the article's scenes; never one guessed from the state forces an
    article names ("Russian jets struck" makes no Russian civilians): with no place in
    the text, the victims keep no nationality."""
    scene = index.scene_country
    if (
        place is not None
        and place.country_code
        and place.feature not in NOT_NATIONAL
        and (named == "clause" or scene is None)
    ):
        return place.country_code
    return scene
