"""Event typing: from a parsed sentence to event candidates typed in ACLED's ontology.

``sentence_events(sentence)`` finds the trigger cues of the lexicon in one
sentence, groups them into events, and types each one:

1. cues that modify one another ("air" + "strike", "suicide bombing attack")
   form one event; a weapon joins the event it is the means of ("killed by a
   roadside bomb", "drones struck"); a casualty word with no agent of its own
   joins the nearest event ("shelled the town, killing 12 civilians");
2. each event is typed by its most specific cue (a suicide bombing before a
   bombing), by its agent and patient where the cue leaves the type open
   (an attack on villagers is an Attack, on an army post an Armed clash; a
   town retaken by the army is "Government regains territory", by rebels
   "Non-state actor overtakes territory");
3. protest words fold the sentence's protest, riot, arrest and shooting cues
   into one demonstration event, coded by what the crowd met or did.

Events of different types stay apart ("clashes ... after which government
forces retook the village" is two events); two cues of the same type in one
sentence are one event.

``lexicon_scores(doc)`` sums the events of a snippet into scores per class,
weighting main clauses and the first sentence; ``SnippetTyper`` adds
sentence-embedding similarity to class prototypes on top.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from crosswire.events import lexicon as lx
from crosswire.events import ontology as on
from crosswire.events.arguments import (
    KILLING_VERBS,
    VICTIM_SUBJECT_VERBS,
    Category,
    Roles,
    category_of_noun,
    roles_of,
)
from crosswire.events.strikes import (
    bare_bombing_from_air,
    bare_strike_means,
    broken_agreement,
    called_suicide,
    diplomatic_protest,
    labour_strike,
    strike_nouns,
    structure_collapse,
    suicide_bomber,
)

Categorizer = Callable[[Token], "Category | None"]


@dataclass(frozen=True, slots=True)
class Cue:
    group: str
    kind: lx.CueKind
    start: int  # token indices in the Doc
    end: int
    head: int  # the syntactic head of the matched words


@dataclass(slots=True)
class EventCandidate:
    """One event a sentence reports, before it is tied to the article's records."""

    anchor: Token  # the word the event hangs on
    cues: list[Cue]
    label: str = ""
    confidence: float = 0.0
    roles: Roles = field(default_factory=Roles)
    victims: Token | None = None  # who was killed or hurt, when the casualty words say
    captives: bool = False  # the victims were held ("executed men abducted last week")

    @property
    def groups(self) -> set[str]:
        return {c.group for c in self.cues}

    def tokens(self, doc: Doc) -> list[Token]:
        return [doc[c.head] for c in self.cues]


# --------------------------------------------------------------------------
# Cue matching

_BY_FIRST: dict[str, list[lx.Pattern]] = defaultdict(list)
for _pattern in lx.PATTERNS:
    _BY_FIRST[_pattern.words[0][0]].append(_pattern)
for _patterns in _BY_FIRST.values():
    _patterns.sort(key=lambda p: -len(p.words))

_POS_ALIASES = {"NOUN": ("NOUN", "PROPN"), "VERB": ("VERB", "AUX"), "ADJ": ("ADJ", "VERB")}


def _word_matches(token: Token, word: str, pos: str | None) -> bool:
    if word not in (token.lower_, token.lemma_.lower()) and not _headline_plural(token, word):
        return False
    return pos is None or token.pos_ in _POS_ALIASES.get(pos, (pos,))


def _headline_plural(token: Token, word: str) -> bool:
    """A title-cased plural the parser took for a name ("Rocket Attacks"): its lemma is
    itself, so the singular is read off the word."""
    lower = token.lower_
    return token.pos_ == "PROPN" and lower.endswith("s") and lower[:-1] == word


def _is_hyphen(token: Token) -> bool:
    return token.text in ("-", "–") or token.tag_ == "HYPH"


def _match_at(tokens: list[Token], index: int, pattern: lx.Pattern) -> int | None:
    """End index (exclusive, in ``tokens``) of ``pattern`` matched from ``index``, or None."""
    position = index
    for word, pos in pattern.words:
        while position < len(tokens) and _is_hyphen(tokens[position]) and position > index:
            position += 1
        if position >= len(tokens) or not _word_matches(tokens[position], word, pos):
            return None
        position += 1
    return position


def _syntactic_head(doc: Doc, start: int, end: int) -> int:
    for index in range(start, end):
        head = doc[index].head.i
        if not start <= head < end or doc[index].head.i == index:
            return index
    return end - 1


def _intransitive_use(token: Token, key: str) -> bool:
    if key in _ATTRIBUTIVE_ONLY and token.dep_ == "amod":
        return True  # "two besieged towns": a state of the place, no event told
    return key in _TRANSITIVE_ONLY and not any(
        c.dep_ in ("dobj", "nsubjpass", "auxpass") for c in token.children
    )


def find_cues(sentence: Span) -> list[Cue]:
    """Every lexicon cue in the sentence; cues inside a longer cue are dropped."""
    tokens = list(sentence)
    found: list[Cue] = []
    for index, token in enumerate(tokens):
        if token.ent_type_ in ("DATE", "TIME"):
            continue  # "on March 4": a month, no march
        # The form, then the lemma: a tuple, as a set's order would follow the hash seed.
        keys = dict.fromkeys((token.lower_, token.lemma_.lower()))
        for key in keys:
            for pattern in _BY_FIRST.get(key, ()):
                end = _match_at(tokens, index, pattern)
                if end is None:
                    continue
                if end - index == 1 and _intransitive_use(token, key):
                    continue
                start_i, end_i = tokens[index].i, tokens[end - 1].i + 1
                cue = Cue(
                    group=pattern.group,
                    kind=pattern.kind,
                    start=start_i,
                    end=end_i,
                    head=_syntactic_head(sentence.doc, start_i, end_i),
                )
                if cue not in found:
                    found.append(cue)
    kept = [
        cue
        for cue in found
        if not any(
            other.start <= cue.start
            and cue.end <= other.end
            and (other.end - other.start) > (cue.end - cue.start)
            for other in found
        )
    ]
    doc = sentence.doc
    return [
        _as_labour_strike(_as_suicide(cue, doc), doc)
        for cue in kept
        if not _names_chemical_holding(cue, doc)
        and (cue.group != "manmade" or _manmade_event(doc[cue.head]))
        and (cue.group != "agreement" or not broken_agreement(doc[cue.head]))
        # A verb that needs its object names no event as a noun ("a police station").
        and (cue.kind != "needs_object" or doc[cue.head].pos_ not in ("NOUN", "PROPN"))
        and not _bombers_among_dead(cue, doc)
    ]


def _bombers_among_dead(cue: Cue, doc: Doc) -> bool:
    """Suicide bombers among the men a force killed ("army units killed over 40
    militants, including the suicide bombers") tell who died, not a bombing; among the
    dead of an attack with no killer named, they died in their own blast."""
    head = doc[cue.head]
    if cue.group != "suicide" or head.pos_ not in ("NOUN", "PROPN"):
        return False
    for verb in head.ancestors:
        if verb.lemma_.lower() not in KILLING_VERBS:
            continue
        roles = roles_of(verb)
        if _force(roles.agent) and roles.patient is not None:
            return roles.patient.is_ancestor(head)
    return False


def _force(agent: Token | None) -> bool:
    """The agent is an armed side: "army units", "the army's units", "rebels"."""
    if agent is None:
        return False
    holders = [agent, *(c for c in agent.children if c.dep_ == "poss")]
    return any(category_of_noun(t) in ("state", "armed") for t in holders)


def _manmade_event(token: Token) -> bool:
    """A disaster word that tells one: not a modifier naming a thing ("a fire station",
    "fire crews"), not a collapse of anything but a structure."""
    return token.dep_ != "compound" and structure_collapse(token)


def _as_labour_strike(cue: Cue, doc: Doc) -> Cue:
    """A strike by workers or a general strike is a protest, not an attack; a protest a
    state lodges is diplomacy."""
    if cue.group == "protest" and cue.kind == "event" and diplomatic_protest(doc[cue.head]):
        return Cue(group="diplomacy", kind=cue.kind, start=cue.start, end=cue.end, head=cue.head)
    if cue.group != "violence" or not labour_strike(doc[cue.head]):
        return cue
    return Cue(group="protest", kind=cue.kind, start=cue.start, end=cue.end, head=cue.head)


# Devices a "suicide" modifier makes a suicide bombing: "a suicide truck bomb", "a
# suicide vehicle-borne explosive device" (ACLED: the bomber dies with the device).
_SUICIDE_DEVICE_HEADS = frozenset(["bomb", "device", "ied", "vbied", "explosive", "explosion"])


def _names_chemical_holding(cue: Cue, doc: Doc) -> bool:
    head = doc[cue.head]
    return (
        cue.group == "chemical"
        and head.dep_ in ("compound", "amod", "nmod")
        and head.head.lemma_.lower() in lx.CHEMICAL_HOLDING_NOUNS
    )


def _driven_by_suicide(device: Token) -> bool:
    """A device a clause says a suicide attacker drove or carried: "a car bomb driven by a
    suicide attacker", "a truck bomb that a suicide bomber drove into the gate"."""
    return any(
        called_suicide(t)
        for clause in device.rights
        if clause.dep_ in ("acl", "relcl")
        for t in clause.subtree
    )


def _as_suicide(cue: Cue, doc: Doc) -> Cue:
    """A bomb or device cue whose own modifiers say "suicide" is a suicide bombing."""
    head = doc[cue.head]
    if cue.group not in ("remote", "violence") or head.lemma_.lower() not in (
        _SUICIDE_DEVICE_HEADS
    ):
        return cue
    modifiers = [t for left in head.lefts for t in left.subtree]
    if not any(t.lower_ == "suicide" for t in modifiers) and not _driven_by_suicide(head):
        return cue
    return Cue(group="suicide", kind=cue.kind, start=cue.start, end=cue.end, head=cue.head)


# --------------------------------------------------------------------------
# Grouping cues into events

_SPECIFIC_GROUPS = ("suicide", "chemical", "grenade", "air", "remote", "shelling")
_VIOLENT_GROUPS = frozenset(
    {
        "clash",
        "violence",
        "air",
        "shelling",
        "remote",
        "suicide",
        "grenade",
        "chemical",
        "riot",
        "mob",
        "take_territory",
        "gain_territory",
        "sexual",
        "abduct",
        "looting",
        "protest",
    }
)
# Events whose casualties a "killed" in the same sentence counts.
_OUTCOME_HOSTS = _VIOLENT_GROUPS | {"natural", "manmade", "crime", "other_event"}
_CLAUSE_BOUNDARIES = frozenset({"advcl", "relcl", "ccomp", "parataxis", "csubj"})
# Prepositions that put a gerund's act before or after another ("after capturing").
_SEQUENCE_PREPS = frozenset(["after", "before", "since", "following", "upon"])
_MEANS_PREPS = frozenset(["with", "by", "from", "using", "in", "during"])
# What a "capture" or "seizure" can take besides territory.
_TAKEN = frozenset({"weapon", "civilians", "armed", "state", "territory", "property"})
# Casualty verbs a weapon can be the means of ("killed by a roadside bomb").
_CASUALTY_VERBS = frozenset(["kill", "wound", "injure", "maim"])
_CONTACT_VERBS = frozenset(["hit", "strike", "step", "run", "drive", "trigger"])
_WEAPON_USE_VERBS = frozenset(
    ["fire", "launch", "drop", "lob", "hurl", "throw", "use", "plant", "detonate"]
)
# Verbs that deliver a munition: what drops or fires it, or what it is dropped or fired by.
_DELIVERY_VERBS = frozenset(["drop", "fire", "launch"])
_QUANTITY_NOUNS = frozenset(
    ["number", "dozen", "series", "salvo", "wave", "swarm", "volley", "barrage", "pair", "couple"]
)
# What carries a chemical agent: "barrels of chlorine", "canisters of sarin".
_CONTAINER_NOUNS = frozenset(
    ["barrel", "canister", "cylinder", "container", "tank", "shell", "rocket", "bomb"]
)
# Cue words that name an act only with an object: "rioters burned tyres", not "the ship
# was still burning".
_TRANSITIVE_ONLY = frozenset(["burn"])
# Cue words that, modifying a noun, describe it rather than tell an event.
_ATTRIBUTIVE_ONLY = frozenset(["besiege", "besieged"])
# Bomb words that name no device of their own: dropped or planted, the agent tells which.
_GENERIC_BOMBS = frozenset(["bomb", "bombing", "bombard"])
# Modifiers of "raids" or "strikes" that name an air power or an air coalition.
_AIR_POWERS = frozenset(["coalition", "russian", "israeli", "american", "nato", "allied"])
# Killing captives or people held: violence against civilians, whoever the victims were
# (ACLED codes executions of prisoners and mass killings of captured fighters so).
_EXECUTION_WORDS = frozenset(
    ["execute", "executed", "execution", "behead", "beheaded", "beheading", "massacre"]
)
# Harm done to captives: an abduction told with it ended in that violence, which ACLED
# codes as an attack (abduction is for captures "without reports of further violence").
_CAPTIVE_HARM = _EXECUTION_WORDS | frozenset(
    ["kill", "killing", "die", "dead", "death", "murder", "slaughter", "assassinate", "torture"]
)
_BOMB_WORDS = frozenset(
    [
        "bombing",
        "bomb",
        "blast",
        "explosion",
        "explode",
        "detonate",
        "exploded",
        "detonated",
        "blew",
    ]
)


def _ancestors(token: Token) -> list[Token]:
    chain = [token]
    while chain[-1].head.i != chain[-1].i and len(chain) < 64:
        chain.append(chain[-1].head)
    return chain


def _path(a: Token, b: Token) -> list[Token] | None:
    """Tokens on the tree path from ``a`` to ``b`` (both included)."""
    up_a, up_b = _ancestors(a), _ancestors(b)
    index_b = {t.i: n for n, t in enumerate(up_b)}
    for n, token in enumerate(up_a):
        if token.i in index_b:
            return up_a[: n + 1] + list(reversed(up_b[: index_b[token.i]]))
    return None


def _distance(a: Token, b: Token) -> int:
    path = _path(a, b)
    return len(path) - 1 if path is not None else 99


def _crosses_clause(a: Token, b: Token) -> bool:
    path = _path(a, b)
    if path is None:
        return True
    top = min(path, key=lambda t: len(_ancestors(t)))
    for token in path:
        if token.i == top.i:
            continue
        if token.dep_ in _CLAUSE_BOUNDARIES:
            return True
        if token.dep_ == "pcomp" and token.head.lower_ in _SEQUENCE_PREPS:
            return True  # "executed them after capturing the village": an act before
        if token.pos_ == "VERB" and any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
            return True  # a verb with a subject of its own heads a clause of its own
    return False


def _own_agent(token: Token) -> Token | None:
    """An agent the word names itself (not one shared with another verb).

    The subject of "died" or "were dead" is who died, not who killed.
    """
    if token.lemma_.lower() in VICTIM_SUBJECT_VERBS or token.pos_ == "ADJ":
        return None
    for child in token.children:
        if child.dep_ == "nsubj":
            return child
        if child.dep_ == "agent":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return grandchild
    return None


def _of_holder(weapon: Token, nouns: frozenset[str]) -> Token:
    """The noun a weapon is "of" when that noun is one of ``nouns``, else the weapon."""
    if weapon.dep_ == "pobj" and weapon.head.lower_ == "of":
        holder = weapon.head.head
        if holder.lemma_.lower() in nouns:
            return holder
    return weapon


def _weapon_phrase(weapon: Token, heads: dict[int, EventCandidate]) -> Token:
    """The token that stands for the weapon's phrase: its quantity or container noun
    ("a barrage of rockets", "barrels of chlorine gas"), or the noun it modifies."""
    weapon = _of_holder(weapon, _QUANTITY_NOUNS | _CONTAINER_NOUNS)
    # "chlorine gas", "mortar shells": read the weapon as the phrase it heads.
    while weapon.dep_ in ("compound", "amod") and weapon.head.i not in heads:
        if weapon.head.pos_ not in ("NOUN", "PROPN"):
            break
        weapon = weapon.head
    return _of_holder(weapon, _CONTAINER_NOUNS)  # "barrels of chlorine gas"


def _weapon_host(weapon: Token, events: list[EventCandidate], doc: Doc) -> EventCandidate | None:
    """The event a weapon word is the means of, by the relation between them."""
    heads = {t.i: event for event in events for t in event.tokens(doc)}
    weapon = _weapon_phrase(weapon, heads)
    # "drone strike", "rocket attack": the weapon modifies the event word, or the reverse.
    if weapon.dep_ in ("compound", "amod", "nmod", "npadvmod") and weapon.head.i in heads:
        return heads[weapon.head.i]
    for child in weapon.children:
        if child.dep_ in ("compound", "amod") and child.i in heads:
            return heads[child.i]
    # "drones struck", "a bomb exploded"
    if weapon.dep_ in ("nsubj", "nsubjpass") and weapon.head.i in heads:
        return heads[weapon.head.i]
    # "killed by a roadside bomb", "hit with mortars", "fire from tanks"
    if weapon.dep_ == "pobj" and weapon.head.lower_ in _MEANS_PREPS:
        host = weapon.head.head
        # "the attack, carried out with a car bomb": the clause describes the event noun.
        while host.i not in heads and host.dep_ in ("acl", "relcl") and host.head.i != host.i:
            host = host.head
        if host.i in heads:
            return heads[host.i]
        if host.pos_ == "VERB" and host.lemma_.lower() in _CASUALTY_VERBS:
            # "killed by regime bombs": the bombs are the means of the killing.
            return EventCandidate(anchor=host, cues=[])
    # "their car hit a landmine", "stepped on a mine"
    contact = weapon.head if weapon.dep_ == "dobj" else weapon.head.head
    if (
        weapon.dep_ == "dobj" or (weapon.dep_ == "pobj" and weapon.head.lower_ in ("on", "over"))
    ) and (contact.lemma_ in _CONTACT_VERBS):
        return heads.get(contact.i) or EventCandidate(anchor=contact, cues=[])
    return _verb_host(weapon, heads)


def _verb_host(weapon: Token, heads: dict[int, EventCandidate]) -> EventCandidate | None:
    """The event of the verb that uses the weapon, a new one when the verb is no cue."""
    # "fired rockets at", "dropped barrel bombs on", "set off a bomb"
    if weapon.dep_ == "dobj" and (
        weapon.head.lemma_ in _WEAPON_USE_VERBS or _sets_off(weapon.head)
    ):
        verb = weapon.head
        if verb.i in heads:
            return heads[verb.i]
        if verb.dep_ in ("acl", "relcl") and verb.head.i in heads:
            # "a suicide bombing using a car bomb": the clause tells the event's means.
            return heads[verb.head.i]
        return EventCandidate(anchor=verb, cues=[])
    if weapon.dep_ in ("nsubj", "nsubjpass") and weapon.head.lemma_ in lx.WEAPON_VERBS:
        return EventCandidate(anchor=weapon.head, cues=[])
    for verb in weapon.lefts:
        # "gunmen from the brigade fired shells": a past tense the parse hung on the noun
        # (a participle right after a noun too; "remains of fired shells" is no firing).
        finite = verb.tag_ == "VBD" or (verb.i > 0 and verb.nbor(-1).pos_ in ("NOUN", "PROPN"))
        if verb.dep_ == "amod" and finite and verb.lemma_ in _WEAPON_USE_VERBS:
            return heads.get(verb.i) or EventCandidate(anchor=verb, cues=[])
    delivery = _delivery_verb(weapon)
    if delivery is not None:
        return heads.get(delivery.i) or EventCandidate(anchor=delivery, cues=[])
    return None


def _sets_off(verb: Token) -> bool:
    return verb.lemma_ == "set" and any(
        c.dep_ == "prt" and c.lower_ == "off" for c in verb.children
    )


def _delivery_verb(weapon: Token) -> Token | None:
    """The verb that drops or fires the weapon, or that the aircraft drops or fires with:
    "barrel bombs were dropped", "bombs dropped from a helicopter", "helicopters dropped
    explosive barrels", "dropped by warplanes" (a misparsed "bombs dropped" included)."""
    head = weapon.head
    if weapon.dep_ in ("nsubj", "nsubjpass") and head.lemma_ in _DELIVERY_VERBS:
        return head
    if weapon.dep_ == "pobj" and head.dep_ == "agent" and head.head.lemma_ in _DELIVERY_VERBS:
        return head.head
    return next(
        (c for c in weapon.children if c.dep_ == "acl" and c.lemma_ in _DELIVERY_VERBS), None
    )


def _group_cues(sentence: Span, cues: list[Cue]) -> list[EventCandidate]:
    doc = sentence.doc
    events: list[EventCandidate] = []
    for cue in sorted((c for c in cues if c.kind in ("event", "needs_object")), key=_cue_order):
        token = doc[cue.head]
        joined = None
        for event in events:
            for other in event.tokens(doc):
                related = (
                    other.i == token.i
                    or (token.head.i == other.i and token.dep_ in ("compound", "amod", "nmod"))
                    or (other.head.i == token.i and other.dep_ in ("compound", "amod", "nmod"))
                )
                generic = "violence" in (cue.group, *event.groups)
                if related or (
                    generic
                    and (cue.group in _VIOLENT_GROUPS)
                    and bool(event.groups & _VIOLENT_GROUPS)
                    and _distance(token, other) <= 2
                    and not _crosses_clause(token, other)
                    and not _co_arguments(token, other)
                ):
                    joined = event
                    break
            if joined is not None:
                break
        if joined is not None:
            joined.cues.append(cue)
            if _depth(token) < _depth(joined.anchor):
                joined.anchor = token
        else:
            events.append(EventCandidate(anchor=token, cues=[cue]))

    for cue in (c for c in cues if c.kind == "weapon"):
        host = _weapon_host(doc[cue.head], events, doc)
        if host is None:
            continue
        # Two weapons of one verb ("helicopters dropped bombs"): one event, not two.
        host = next((e for e in events if e.anchor.i == host.anchor.i), host)
        host.cues.append(cue)
        if host not in events:
            events.append(host)

    events = _merge_generic(events, doc)
    outcomes = [c for c in cues if c.kind == "outcome"]
    for cue in outcomes:
        token = doc[cue.head]
        violent = [e for e in events if e.groups & _OUTCOME_HOSTS]
        agent = _own_agent(token)
        has_actor = agent is not None and category_of_noun(agent) not in ("weapon", None)
        if has_actor and agent is not None and agent.ent_type_ in ("LOC", "FAC"):
            has_actor = False  # a place read as the subject ("in the Heights killing three")
        # "Gunmen killed five villagers and abducted 20 others": a killing with its own
        # actor is an event of its own; "..., killing 12 civilians" counts another's dead.
        if violent and not has_actor:
            nearest = min(violent, key=lambda e: _distance(token, e.anchor))
            nearest.cues.append(cue)
        else:
            events.append(EventCandidate(anchor=token, cues=[cue]))
    return _fold_captivity(events, doc)


def _harms_captives(event: EventCandidate, doc: Doc) -> bool:
    return any(
        c.group == "violence" and doc[c.head].lemma_.lower() in _CAPTIVE_HARM for c in event.cues
    )


def _captivity(cue: Cue, doc: Doc) -> bool:
    """An abduction told as a modifier of its victims: "men abducted last week", "villagers
    who had been kidnapped"."""
    token = doc[cue.head]
    return cue.group == "abduct" and (token.dep_ in ("relcl", "acl") or _reduced_relative(token))


def _reduced_relative(token: Token) -> bool:
    """A bare participle the parse made a clause ("killed 30 guards taken hostage", read
    as "guards" the subject of "taken"): no auxiliary, and the verb above lacks the
    object the participle's "subject" is."""
    return (
        token.tag_ in ("VBN", "VBD")  # "taken" is often tagged a past tense
        and token.dep_ == "ccomp"
        and not any(c.dep_ in ("aux", "auxpass") for c in token.children)
        and not any(c.dep_ == "dobj" for c in token.head.children)
    )


def _words_of(event: EventCandidate, doc: Doc) -> set[int]:
    return {t.i for w in event.tokens(doc) for t in (w, *w.children)}


def _of_victims(token: Token, victims: set[int]) -> bool:
    # A reduced relative hangs from the killing verb itself, a relative clause from its object.
    return token.head.i in victims


def _fold_captivity(events: list[EventCandidate], doc: Doc) -> list[EventCandidate]:
    """What the victims of a killing had suffered before ("killed 12 villagers who had
    been kidnapped", "executed men abducted last week") describes them: no event of its
    own, and its date and place are the capture's, not the killing's."""
    harms = [e for e in events if _harms_captives(e, doc)]
    if not harms:
        return events
    victims = set().union(*(_words_of(e, doc) for e in harms))
    kept = []
    for event in events:
        if event in harms:
            held = [c for c in event.cues if _captivity(c, doc)]
            event.cues = [c for c in event.cues if c not in held] or event.cues
            event.captives = event.captives or bool(held)
        elif all(_captivity(c, doc) and _of_victims(doc[c.head], victims) for c in event.cues):
            for host in harms:
                host.captives = host.captives or _of_victims(event.anchor, _words_of(host, doc))
            continue
        kept.append(event)
    return kept


def _is_generic(event: EventCandidate) -> bool:
    return event.groups <= {"violence"}


def _merge_generic(events: list[EventCandidate], doc: Doc) -> list[EventCandidate]:
    """A bare "attack" or "struck" next to a typed event is that event ("used chlorine in an
    attack", "an earthquake struck"). So is one by no one else in the sentence of a single
    remote attack ("when jets struck the port, they hit warehouses"): one strike, not two
    events."""
    kept = [e for e in events if not _is_generic(e)]
    remote = [e for e in kept if e.groups & set(_SPECIFIC_GROUPS)]
    result = list(kept)
    for event in events:
        if not _is_generic(event):
            continue
        described = _described_event(event.anchor, kept, doc)
        if described is not None:
            described.cues.extend(event.cues)
            continue
        near = [
            (other, _distance(event.anchor, token))
            for other in kept
            for token in [*other.tokens(doc), other.anchor]
            if not _crosses_clause(event.anchor, token) and not _co_arguments(event.anchor, token)
        ]
        near = [(other, d) for other, d in near if d <= 2]
        if near:
            host = min(near, key=lambda pair: pair[1])[0]
            host.cues.extend(event.cues)
        elif len(remote) == 1 and _same_act(event.anchor, remote[0].anchor):
            remote[0].cues.extend(event.cues)
        else:
            result.append(event)
    return result


def _described_event(verb: Token, events: list[EventCandidate], doc: Doc) -> EventCandidate | None:
    """The event whose noun a clause of bare violence describes: "two bombs that
    targeted an army post", "the air strike, which hit a school"."""
    if verb.dep_ not in ("relcl", "acl"):
        return None
    return next((e for e in events if verb.head.i in {t.i for t in e.tokens(doc)}), None)


def _co_arguments(a: Token, b: Token) -> bool:
    """Two nouns a third word relates: "the strikes followed the drone attack"."""
    path = _path(a, b)
    if path is None or len(path) < 3:
        return False
    top = min(path, key=lambda t: len(_ancestors(t)))
    return top.i not in (a.i, b.i) and a.pos_ in ("NOUN", "PROPN") and b.pos_ in ("NOUN", "PROPN")


def _same_act(generic: Token, remote: Token) -> bool:
    """A bare act of violence by no one else, in the clauses of a remote attack ("when jets
    struck the port, they hit warehouses"), is that attack. An event noun names one of its
    own ("the strikes followed the drone attack"), and so does a clause describing a noun
    ("the vessel struck on Tuesday")."""
    if generic.pos_ != "VERB":
        return False
    agent = roles_of(generic).agent
    if agent is not None and agent.pos_ != "PRON" and category_of_noun(agent) != "weapon":
        return False
    path = _path(generic, remote)
    return path is not None and not any(t.dep_ in ("acl", "relcl", "pcomp") for t in path)


def _cue_order(cue: Cue) -> tuple[int, int]:
    return (cue.start, -(cue.end - cue.start))


def _depth(token: Token) -> int:
    return len(_ancestors(token)) - 1


# --------------------------------------------------------------------------
# Typing one event


def _victims(event: EventCandidate, doc: Doc) -> Token | None:
    for cue in event.cues:
        if cue.kind == "outcome":
            victim = _outcome_victim(doc[cue.head])
            if victim is not None:
                return victim
    return None


def _outcome_victim(token: Token) -> Token | None:
    """Who an outcome word ("killed", "dead") tells of."""
    victim = None
    if token.pos_ == "VERB":
        victim = roles_of(token).patient
        if victim is None:
            # "units killed and wounded a number of terrorists": the shared object hangs
            # on the second verb; the subject is who killed, not the dead.
            shared = (
                roles_of(c).patient
                for c in token.conjuncts
                if c.i > token.i and c.lemma_.lower() in _WOUNDING
            )
            victim = next((p for p in shared if p is not None), None)
    elif token.dep_ in ("amod", "acomp") and token.head.pos_ in ("NOUN", "PROPN"):
        victim = token.head
    if victim is None and token.pos_ in ("VERB", "ADJ"):
        victim = next((c for c in token.children if c.dep_ == "nsubj"), None)
    if victim is None and token.dep_ == "oprd":
        # "shelling left 12 people dead": the dead are the object of "left".
        victim = next((c for c in token.head.children if c.dep_ in ("dobj", "obj")), None)
    return victim


_WOUNDING = frozenset(["wound", "injure"])


def _within(token: Token, top: Token | None) -> bool:
    """Whether ``token`` is ``top`` or in its phrase."""
    return top is not None and (token.i == top.i or top.is_ancestor(token))


def _roles(event: EventCandidate, doc: Doc) -> Roles:
    """The event's roles: the anchor's, filled in from the event's other words."""
    ordered = [event.anchor] + [t for t in event.tokens(doc) if t.i != event.anchor.i]
    agent: Token | None = None
    patient: Token | None = None
    co_agents: tuple[Token, ...] = ()
    co_patients: tuple[Token, ...] = ()
    for token in ordered:
        roles = roles_of(token)
        # The patient's own modifiers are no agent: of "a Russian helicopter was shot
        # down", Russia is whose aircraft was hit, not who shot.
        if agent is None and roles.agent is not None and not _within(token, patient):
            agent, co_agents = roles.agent, roles.co_agents
        # The weapon used is no patient ("used chlorine gas in an attack on Douma").
        if roles.patient is not None and (patient is None or category_of_noun(patient) == "weapon"):
            patient, co_patients = roles.patient, roles.co_patients
    return Roles(agent=agent, patient=patient, co_agents=co_agents, co_patients=co_patients)


def _has_object(event: EventCandidate, doc: Doc, nouns: frozenset[str]) -> bool:
    for token in event.tokens(doc):
        for child in token.subtree:
            if child.i != token.i and child.lemma_.lower() in nouns:
                return True
    return False


def _type_needs_object(event: EventCandidate, doc: Doc) -> tuple[str, float] | None:
    groups = event.groups
    if "disrupted" in groups and _has_object(event, doc, lx.WEAPON_NOUNS):
        return on.DISRUPTED_WEAPONS, 0.9
    if "hq" in groups and _has_object(event, doc, lx.BASE_NOUNS):
        return on.HQ_ESTABLISHED, 0.9
    if (
        "take_territory" in groups
        and _names_place(event.roles, territory_nouns=True)
        and not _civilians_move(event.roles.agent)
    ):
        agent = event.roles.agent
        state = agent is not None and category_of_noun(agent) == "state"
        return (on.GOV_REGAINS if state else on.NSA_OVERTAKES), 0.7
    if "transfer_territory" in groups and (
        _names_place(event.roles, territory_nouns=True)
        or _has_object(event, doc, lx.BASE_NOUNS | lx.MILITARY_TARGET_NOUNS)
    ):
        return on.NONVIOLENT_TRANSFER, 0.7
    return None


def _civilians_move(agent: Token | None) -> bool:
    """ "Residents entered the town", "thousands of evacuees waited to enter the city":
    civilians who go into a place take no territory."""
    if agent is None:
        return False
    named = [agent] + [
        g for c in agent.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
    ]
    return any(category_of_noun(t) == "civilians" for t in named)


@dataclass(frozen=True, slots=True)
class _Facts:
    """What typing an event looks at: its cue groups and the categories of its roles."""

    event: EventCandidate
    doc: Doc
    groups: frozenset[str]
    agent: str | None
    patient: str | None
    victims: str | None
    targets: frozenset[str | None]


Typed = tuple[str, float]

# A weapon or attack cue types the event whatever else the sentence says (in this order).
_WEAPON_TYPES: tuple[tuple[str, str], ...] = (
    ("suicide", on.SUICIDE_BOMB),
    ("chemical", on.CHEMICAL),
    ("grenade", on.GRENADE),
    ("air", on.AIR_STRIKE),
    ("remote", on.REMOTE_EXPLOSIVE),
    ("shelling", on.SHELLING),
)


_WEAPON_LABELS = dict(_WEAPON_TYPES)
# Means that decide the sub-type over the aircraft or device that carries them (ACLED:
# chlorine dropped from a helicopter is a chemical weapon, a suicide car bomb a suicide bomb).
_DECIDING_MEANS = frozenset(["suicide", "chemical"])


def type_event(event: EventCandidate, doc: Doc, categorize: Categorizer) -> Typed:
    """(label, confidence) for one grouped event; label "" when it is no event.

    The order of precedence is data: disrupted weapons use, then the weapon table,
    then events typed by their object, then ``_BY_GROUP``: the first cue group the
    event has decides, by a fixed label or by a small function of its roles."""
    groups = {c.group for c in event.cues if c.kind != "needs_object"}
    if not groups:
        return _type_needs_object(event, doc) or ("", 0.0)
    if groups - {"violence"} and groups - {"violence"} <= lx.NON_ACLED_GROUPS:
        # "an earthquake struck", "a fire broke out, killing 8": no political violence.
        groups -= {"violence"}
    if "disrupted" in groups:
        return _disrupted(event, doc)
    weapon_groups = {c.group for c in event.cues if c.kind in ("weapon", "event")}
    for group in _DECIDING_MEANS & weapon_groups:
        # A suicide bombing or a chemical agent decides, whoever dropped or fired it.
        return _WEAPON_LABELS[group], 1.0
    if _suicide_agent(event):
        return on.SUICIDE_BOMB, 0.9  # "a suicide bomber drove a car bomb into the gate"
    if _dropped_bombs(event, doc, categorize):
        return on.AIR_STRIKE, 0.7
    if weapon_groups and weapon_groups <= _AIRCRAFT_MUNITIONS and _aircraft_agent(event, doc):
        return on.AIR_STRIKE, 0.9
    for group, label in _WEAPON_TYPES:
        if group in weapon_groups:
            return label, 1.0
    if _air_power_raid(event, doc) or _struck_by_air_power(event, doc):
        return on.AIR_STRIKE, 0.8
    typed = _type_needs_object(event, doc)
    if typed is not None:
        return typed
    if event.captives or ("abduct" in groups and _harms_captives(event, doc)):
        # Captives killed or tortured: ACLED's attack, whoever they were (abduction is
        # for captures without further violence; killing held fighters is no battle).
        return on.ATTACK, 0.9
    facts = _facts(event, doc, categorize, frozenset(groups))
    for group, decide in _BY_GROUP:
        if group in groups:
            return decide(facts)
    return "", 0.0


# Manned aircraft: one shot down is a fight between armed actors, not a weapon disrupted.
_MANNED_AIRCRAFT = frozenset(
    ["helicopter", "plane", "jet", "warplane", "aircraft", "fighter", "bomber", "gunship"]
)
# What a foiled or repelled assault names: fighters came, and were fought off.
_GROUND_ASSAULTS = frozenset(["attack", "assault", "offensive", "attempt", "infiltration"])
_REMOTE_MODIFIERS = frozenset(
    ["suicide", "bomb", "car", "missile", "rocket", "drone", "chemical", "explosive"]
)


def _disrupted(event: EventCandidate, doc: Doc) -> Typed:
    """ "Air defences intercepted two drones" is disrupted weapons use; "rebels shot down a
    helicopter" and "troops foiled an attack, killing 20 militants" are armed clashes (ACLED
    keeps disrupted weapons use for remote violence prevented and caches seized)."""
    objects = [event.roles.patient] if event.roles.patient is not None else []
    for cue in event.cues:
        verb = doc[cue.head]
        objects += [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    for noun in objects:
        lemma = noun.lemma_.lower()
        if lemma in _MANNED_AIRCRAFT:
            return on.ARMED_CLASH, 0.7
        modifiers = {t.lower_ for left in noun.lefts for t in left.subtree}
        fought = any(c.kind == "outcome" for c in event.cues)
        if lemma in _GROUND_ASSAULTS and fought and not modifiers & _REMOTE_MODIFIERS:
            return on.ARMED_CLASH, 0.7
    return on.DISRUPTED_WEAPONS, 1.0


def _dropped_bombs(
    event: EventCandidate,
    doc: Doc,
    categorize: Categorizer | None,
    agent: str | None = None,
) -> bool:
    """Bombs or bombing with no device named (no car bomb, mine or IED) by a state force
    or an air power ("regime bombing", "government forces bombed the town", "dropped
    bombs"): what a state drops is an air strike."""
    if any(
        c.group == "remote" and (event.anchor.lemma_ == "drop" or _dropped(doc[c.head]))
        for c in event.cues
    ):
        return True  # "bombs dropped from a helicopter": what is dropped falls from the air
    bombs = [
        c
        for c in event.cues
        if c.kind in ("event", "weapon") and doc[c.head].lemma_.lower() in _GENERIC_BOMBS
    ]
    if not bombs or any(
        c.group == "remote" and doc[c.head].lemma_.lower() not in _GENERIC_BOMBS for c in event.cues
    ):
        return False
    if event.anchor.lemma_ == "drop":
        return True
    if any(c.end - c.start > 1 for c in bombs):
        return False  # "car bomb", "bomb blast": a device
    if agent is None and categorize is not None and event.roles.agent is not None:
        agent = categorize(event.roles.agent)
    if agent == "state" or bare_bombing_from_air([doc[c.head] for c in bombs]):
        return True
    modifiers = [t for c in bombs for left in doc[c.head].lefts for t in left.subtree]
    return any(t.lower_ in _AIR_POWERS or t.lower_ in ("regime", "government") for t in modifiers)


def _dropped(weapon: Token) -> bool:
    """ "Bombs dropped from a helicopter", "barrels were dropped": a munition dropped."""
    delivery = _delivery_verb(weapon)
    if delivery is not None and delivery.lemma_ == "drop":
        return True
    # "killed by bombs dropped from a helicopter", the participle parsed as a conjunct.
    after = weapon.nbor(1) if weapon.i + 1 < len(weapon.doc) else None
    return after is not None and after.lemma_ == "drop" and after.tag_ in ("VBN", "VBD")


# Aircraft named by one word in the lexicon ("warplane", "helicopter", "drone").
_AIRCRAFT = frozenset(
    p.words[0][0]
    for p in lx.PATTERNS
    if p.group == "air" and p.kind == "weapon" and len(p.words) == 1
) - {"aerial", "sortie"}


# Cue groups of what an aircraft fires or drops (not a chemical agent or a battle).
_AIRCRAFT_MUNITIONS = frozenset({"air", "shelling", "remote", "violence"})


def _aircraft_agent(event: EventCandidate, doc: Doc) -> bool:
    """ "Warplanes fired missiles at the town": what an aircraft fires or drops is an air
    strike in ACLED's codebook, whatever the munition (missile, rocket, bomb)."""
    agent = event.roles.agent
    if agent is None:
        return any(_aircraft(t) for t in _loose_by_agents(event, doc))
    return _aircraft(agent) and not _suicide_agent(event)


def _aircraft(token: Token) -> bool:
    return token.lemma_.lower() in _AIRCRAFT or token.lower_ in _AIRCRAFT


def _loose_by_agents(event: EventCandidate, doc: Doc) -> list[Token]:
    """The "by" agents the parse hung off a bombardment or shelling noun's own words ("the
    bombardment of Aleppo and Idlib by warplanes") or off the verb it is under ("has been
    under heavy bombardment by regime warplanes"), where the noun has no agent of its own."""
    found: list[Token] = []
    for cue in event.cues:
        noun = doc[cue.head]
        if cue.kind != "event" or noun.pos_ != "NOUN":
            continue
        hosts = _phrase_nouns(noun)
        if noun.dep_ == "pobj" and noun.head.dep_ == "prep":
            hosts.append(noun.head.head)  # "under bombardment by": the verb holds "by"
        found += [
            g
            for host in hosts
            for by in host.children
            if by.lower_ == "by" and by.dep_ in ("prep", "agent")
            for g in by.children
            if g.dep_ == "pobj"
        ]
    return found


def _phrase_nouns(noun: Token) -> list[Token]:
    """The noun and the nouns of its own prepositional phrases ("of Aleppo and Idlib"),
    not those of a clause inside it."""
    out, todo = [], [noun]
    while todo:
        token = todo.pop()
        out.append(token)
        todo += [
            c for c in token.children if c.dep_ in ("prep", "pobj", "conj") and c.lower_ != "by"
        ]
    return out


def _suicide_agent(event: EventCandidate) -> bool:
    """The event's doer is a suicide bomber (a "bomber" is no aircraft then), also one told
    without the word: "another bomber detonated his explosive device"."""
    agent = event.roles.agent
    return agent is not None and (
        called_suicide(agent) or (agent.lemma_.lower() == "bomber" and suicide_bomber(agent))
    )


def _air_power_raid(event: EventCandidate, doc: Doc) -> bool:
    """ "Russian raids", "US-led coalition strikes", "Israeli strikes": a raid or strike
    by a foreign air power or an air coalition named as its modifier is an air strike."""
    for cue in event.cues:
        head = doc[cue.head]
        if cue.kind != "event" or head.pos_ != "NOUN" or head.lemma_ not in ("raid", "strike"):
            continue
        modifiers = [t for c in head.lefts for t in c.subtree]
        if any(t.lower_ in _AIR_POWERS or t.lower_.endswith("-led") for t in modifiers):
            return True
        if any(t.lower_ == "led" for t in modifiers):
            return True  # "US-led" split by the tokenizer
    return False


# Who fights in Syria's war from the air only, named as the doer ("the IDF", "Russia",
# "Israeli forces", "the coalition"): their strikes are air strikes (ACLED), not battles.
_AIR_POWER_NAMES = frozenset(
    ["israel", "israeli", "idf", "russia", "russian", "coalition", "nato", "us-led", "u.s.-led"]
)
# Verbs of striking a target from afar ("struck the base", "hit positions", "destroyed
# a command post"); not "attack" or "storm", which ground forces do.
_STRIKING_VERBS = frozenset(["strike", "hit", "raid", "target", "pound", "destroy", "bomb"])
_GROUND_TROOPS = frozenset(["troop", "troops", "soldier", "commando", "infantry", "police"])


def _struck_by_air_power(event: EventCandidate, doc: Doc) -> bool:
    """ "The IDF struck the base", "Israel hit a convoy", "Russian forces destroyed a command
    post": a strike whose doer is an air power, told without its means, is an air strike,
    unless the sentence tells of fighting or shooting on the ground."""
    agent = event.roles.agent
    if agent is None or event.groups & {"clash"}:
        return False
    words = [doc[c.head] for c in event.cues if c.kind == "event"]
    if not any(w.pos_ == "VERB" and w.lemma_.lower() in _STRIKING_VERBS for w in words):
        return False
    if any(w.lemma_.lower() in _GROUND_VIOLENCE or w.lower_ in _GROUND_VIOLENCE for w in words):
        return False
    if agent.lemma_.lower() in _GROUND_TROOPS:
        return False  # "Israeli troops struck": men on the ground
    named = [agent, *(t for left in agent.lefts for t in left.subtree)]
    if any(category_of_noun(t) == "armed" for t in named):
        return False  # "a rebel coalition", "the Islamist coalition": fighters on the ground
    return any(t.lower_ in _AIR_POWER_NAMES for t in named)


def _facts(
    event: EventCandidate, doc: Doc, categorize: Categorizer, groups: frozenset[str]
) -> _Facts:
    roles = event.roles
    patient = categorize(roles.patient) if roles.patient is not None else None
    victims = categorize(event.victims) if event.victims is not None else None
    return _Facts(
        event=event,
        doc=doc,
        groups=groups,
        agent=categorize(roles.agent) if roles.agent is not None else None,
        patient=patient,
        victims=victims,
        targets=frozenset({patient, victims}),
    )


def _fixed(label: str, confidence: float) -> Callable[[_Facts], Typed]:
    return lambda _facts: (label, confidence)


def _arrest(facts: _Facts) -> Typed:
    # Security forces of a de facto authority arrest; an armed group abducts.
    agent_token = facts.event.roles.agent
    if (
        facts.agent == "armed"
        and agent_token is not None
        and category_of_noun(agent_token) != "state"
    ):
        return on.ABDUCTION, 0.8
    return on.ARRESTS, 1.0


def _gain_territory(facts: _Facts) -> Typed:
    if facts.agent is None:
        return on.GOV_REGAINS, 0.6  # retaking is mostly the state's; unsure without actor
    return (on.NSA_OVERTAKES if facts.agent == "armed" else on.GOV_REGAINS), 1.0


def _take_territory(facts: _Facts) -> Typed:
    roles, agent, patient = facts.event.roles, facts.agent, facts.patient
    if roles.patient is not None and patient not in _TAKEN and not _names_place(roles, True):
        return "", 0.0  # "seized two tonnes of cocaine": no territory changed hands
    if patient == "weapon":
        return on.DISRUPTED_WEAPONS, 0.8
    if patient == "civilians":
        return (on.ARRESTS if agent == "state" else on.ABDUCTION), 0.7
    taken_people = (
        roles.patient is not None
        and roles.patient.lemma_.lower() not in lx.MILITARY_TARGET_NOUNS
        and not _names_place(roles)
    )
    if patient in ("armed", "state") and agent is not None and taken_people:
        return (on.ARRESTS if agent == "state" else on.ARMED_CLASH), 0.6
    return (on.GOV_REGAINS if agent == "state" else on.NSA_OVERTAKES), (
        0.9 if agent is not None else 0.6
    )


def _violence(facts: _Facts) -> Typed:
    agent, patient, targets = facts.agent, facts.patient, facts.targets
    if agent == "rioters":
        return on.MOB_VIOLENCE, 0.8
    if "protesters" in targets:
        return on.EXCESSIVE_FORCE, 0.8
    if _cue_word_in(facts, _EXECUTION_WORDS):
        return on.ATTACK, 0.9
    if _dropped_bombs(facts.event, facts.doc, None, agent=facts.agent):
        return on.AIR_STRIKE, 0.7
    if _cue_word_in(facts, _BOMB_WORDS):
        # A blast is remote violence whoever it kills: civilians (then with civilian
        # targeting) or fighters, as ACLED codes it.
        return on.REMOTE_EXPLOSIVE, 0.7
    means = _strike_means(facts)
    if means is not None:
        return means
    if _meets_armed_men(facts) or _armed_holding(facts):
        return on.ARMED_CLASH, 0.8
    if _fighters_killed(facts):
        return on.ARMED_CLASH, 0.7
    if "civilians" in targets or "property" in targets:
        return on.ATTACK, 0.9
    if targets & {"armed", "state"} or (agent == "state" and patient is not None):
        return on.ARMED_CLASH, 0.8
    if agent == "armed" and _names_place(facts.event.roles):
        # An armed group's assault on a named town meets its defenders.
        return on.ARMED_CLASH, 0.6
    return on.ATTACK, 0.6


_ARMED_SIDES = frozenset({"armed", "state"})
_HIDEOUTS = frozenset(
    ["hideout", "hideouts", "gathering", "gatherings", "concentration", "concentrations", "den"]
)


def _meets_armed_men(facts: _Facts) -> bool:
    """An attack on a checkpoint, a base or a force ("rebels attacked an army checkpoint,
    killing four civilians and six soldiers") meets armed men: a battle, also when
    civilians die in it (ACLED keeps Attack for violence on civilians)."""
    return facts.patient in _ARMED_SIDES


# Places fighters hold or gather in, which an operation or raid targets.
_HOLDINGS = lx.MILITARY_TARGET_NOUNS | lx.BASE_NOUNS | _HIDEOUTS


def _armed_holding(facts: _Facts) -> bool:
    """ "An operation targeting terrorist hideouts", "raided the positions of the militants":
    a place an armed side holds, named by its modifier or its "of" holder, is a battle's
    target (ACLED: a military operation against armed groups is no violence on civilians)."""
    patient = facts.event.roles.patient
    if patient is None or patient.lemma_.lower() not in _HOLDINGS:
        return False
    holders = [c for c in patient.children if c.dep_ in ("compound", "amod", "nmod")]
    holders += [g for c in patient.children if c.lower_ == "of" for g in c.children]
    return any(category_of_noun(t) in _ARMED_SIDES for t in holders)


def _fighters_killed(facts: _Facts) -> bool:
    """ "An army unit destroyed a car loaded with terrorists, while other terrorists were
    killed": armed men killed by an armed side, with no civilian told, is a battle even
    where the struck thing is property."""
    return (
        facts.victims in _ARMED_SIDES
        and facts.agent in _ARMED_SIDES
        and "civilians" not in facts.targets
    )


# Violence words that tell a strike or raid was carried out on foot, with guns or blades.
_GROUND_VIOLENCE = frozenset(
    ["shoot", "shooting", "gunfire", "gunshot", "stab", "stabbing", "storm", "sniper", "gun"]
)


def _strike_means(facts: _Facts) -> Typed | None:
    """ "The strikes killed five people", "killed in raids on the village": a bare strike or
    raid is typed by the weapons its article speaks of (``events.strikes``)."""
    doc = facts.doc
    words = [doc[c.head] for c in facts.event.cues if c.kind == "event"]
    if any(w.lemma_.lower() in _GROUND_VIOLENCE or w.lower_ in _GROUND_VIOLENCE for w in words):
        return None
    return bare_strike_means(strike_nouns(words), facts.event.roles.agent)


# What firefighters, medics or officials fight or battle: no armed foe.
_NO_FOE_NOUNS = frozenset(
    ["fire", "blaze", "flame", "wildfire", "inferno", "flood", "disease", "epidemic", "outbreak"]
)


def _fights_no_foe(facts: _Facts) -> bool:
    """ "Firefighters battled the blaze", "fighting the flames": a fight against a
    disaster is no battle."""
    patient = facts.event.roles.patient
    if patient is None or patient.lemma_.lower() not in _NO_FOE_NOUNS:
        return False
    # "exchanged fire": the fire is the cue's own word, the battle itself.
    return not any(c.start <= patient.i < c.end for c in facts.event.cues)


def _by_disaster(facts: _Facts) -> bool:
    """ "The fire destroyed three houses", "floods destroyed crops": no one destroyed them."""
    agent = facts.event.roles.agent
    return agent is not None and agent.lemma_.lower() in _NO_FOE_NOUNS


def _cue_word_in(facts: _Facts, words: frozenset[str]) -> bool:
    """Whether one of the event's own event words (not its outcome words) is in ``words``."""
    doc = facts.doc
    return any(
        c.kind == "event" and (doc[c.head].lower_ in words or doc[c.head].lemma_ in words)
        for c in facts.event.cues
    )


# What an armed side destroys of its foe in a fight, besides its men and posts.
_WAR_MATERIEL = frozenset(
    ["vehicle", "tank", "truck", "hideout", "fortification", "gathering", "concentration"]
)
# Planted devices: destroying them is clearing them (ACLED: disrupted weapons use).
_PLANTED_DEVICES = frozenset(["mine", "landmine", "ied", "ieds", "device", "explosive"])


def _looting(facts: _Facts) -> Typed:
    """Destruction of property; but "the army destroyed their positions", "destroyed 60
    terrorists" tell of fighting (ACLED keeps looting and property destruction for
    destruction without it): a battle, unless a strike's means is named. Mines or IEDs
    destroyed are cleared: disrupted weapons use."""
    if _by_disaster(facts):
        return "", 0.0
    patient = facts.event.roles.patient
    # A headline's plural taken for a name keeps its "s" in the lemma ("Their Posts").
    words = {patient.lemma_.lower(), patient.lower_.removesuffix("s")} if patient else set()
    if words & _PLANTED_DEVICES and not any(c.kind == "outcome" for c in facts.event.cues):
        return on.DISRUPTED_WEAPONS, 0.8
    military = facts.patient in ("armed", "state") or bool(
        words & (lx.MILITARY_TARGET_NOUNS | lx.BASE_NOUNS | _WAR_MATERIEL)
    )
    # "His vehicle was destroyed": told with no doer, the loss is part of the strike or
    # fight the sentence tells, not an event of its own.
    if not military or facts.agent not in ("armed", "state"):
        return on.LOOTING, 0.9
    return _strike_means(facts) or (on.ARMED_CLASH, 0.7)


# Cue group -> how it types the event; the first group the event has decides.
_BY_GROUP: tuple[tuple[str, Callable[[_Facts], Typed]], ...] = (
    ("mob", _fixed(on.MOB_VIOLENCE, 1.0)),
    ("riot", _fixed(on.VIOLENT_DEMONSTRATION, 0.9)),
    ("protest", _fixed(on.PEACEFUL_PROTEST, 0.9)),
    ("sexual", _fixed(on.SEXUAL_VIOLENCE, 1.0)),
    ("abduct", _fixed(on.ABDUCTION, 1.0)),
    ("arrest", _arrest),
    ("gain_territory", _gain_territory),
    ("take_territory", _take_territory),
    ("clash", lambda facts: ("", 0.0) if _fights_no_foe(facts) else (on.ARMED_CLASH, 1.0)),
    ("transfer_territory", _fixed(on.NONVIOLENT_TRANSFER, 0.8)),
    ("agreement", _fixed(on.AGREEMENT, 0.9)),
    ("violence", _violence),
    ("looting", _looting),
    ("change_group", _fixed(on.CHANGE_TO_GROUP, 0.7)),
    ("other_event", _fixed(on.OTHER, 0.8)),
    ("attribution", _fixed(on.ATTRIBUTION, 0.6)),
    ("natural", _fixed(on.NATURAL_DISASTER, 0.6)),
    ("manmade", _fixed(on.MANMADE_DISASTER, 0.6)),
    ("crime", _fixed(on.ORGANISED_CRIME, 0.6)),
    ("diplomacy", _fixed(on.DIPLOMACY, 0.6)),
)


def _names_place(roles: Roles, territory_nouns: bool = False) -> bool:
    patient = roles.patient
    return patient is not None and (
        patient.ent_type_ in ("GPE", "LOC", "FAC")
        or (patient.pos_ == "PROPN" and category_of_noun(patient) is None)
        or (territory_nouns and patient.lemma_.lower() in lx.TERRITORY_NOUNS)
    )


# --------------------------------------------------------------------------
# Protests: one demonstration event per sentence, coded by what happened to it

_PROTEST_FOLD = frozenset({"protest", "riot", "violence", "clash", "arrest", "looting", "mob"})
_INTERVENTION_LEMMAS = frozenset(["disperse", "arrest", "detain"])


def _fold_protests(
    events: list[EventCandidate], cues: list[Cue], doc: Doc, categorize: Categorizer
) -> list[EventCandidate]:
    protest_events = [e for e in events if "protest" in e.groups]
    crowd_events = [e for e in events if _crowd_event(e, categorize)]
    if not protest_events and not crowd_events:
        return events
    folded = [
        e
        for e in events
        if e in protest_events
        or e in crowd_events
        or (e.groups & _PROTEST_FOLD and not (e.groups & set(_SPECIFIC_GROUPS)) and protest_events)
    ]
    if not folded:
        return events
    main = min(folded, key=lambda e: _depth(e.anchor))
    groups = {g for e in folded for g in e.groups}
    modifiers = {c.group for c in cues if c.kind == "modifier"}
    crowd_violent = any(
        e.roles.agent is not None
        and categorize(e.roles.agent) in ("protesters", "rioters")
        and e.groups & {"violence", "looting", "clash"}
        for e in folded
    )
    lethal = "lethal" in modifiers and not crowd_violent
    # Explicit cues are sure; a reading inferred from a bare "clash" or from silence
    # (no violence mentioned: peaceful) is weaker evidence.
    if lethal:
        label, confidence = on.EXCESSIVE_FORCE, 1.0
    elif "riot" in groups or crowd_violent or "mob" in groups or _called_violent(folded, doc):
        label, confidence = on.VIOLENT_DEMONSTRATION, 1.0
    elif (
        "protest" in modifiers
        or "arrest" in groups
        or any(doc[c.head].lemma_ in _INTERVENTION_LEMMAS for e in folded for c in e.cues)
    ):
        label, confidence = on.PROTEST_INTERVENTION, 1.0
    elif "clash" in groups:
        # Demonstrators clashing with police or a rival crowd engage in violence
        # themselves: a violent demonstration in ACLED's codebook.
        label, confidence = on.VIOLENT_DEMONSTRATION, 0.6
    elif "violence" in groups:
        label, confidence = on.PROTEST_INTERVENTION, 0.6
    else:
        label, confidence = on.PEACEFUL_PROTEST, 0.6
    merged = EventCandidate(
        anchor=main.anchor,
        cues=[c for e in folded for c in e.cues],
        label=label,
        confidence=confidence,
        roles=main.roles,
        victims=next((e.victims for e in folded if e.victims is not None), None),
    )
    return [merged] + [e for e in events if e not in folded]


# Groups of words said about an event (blaming, condemning): their speaker is no crowd.
_SPEECH_GROUPS = frozenset({"attribution", "diplomacy"})


def _crowd_event(event: EventCandidate, categorize: Categorizer) -> bool:
    """A violent or arrest event whose agent, patient or victims are a crowd; not one told
    by someone who blames or condemns ("activists blamed the army for the attack")."""
    if not event.groups & _PROTEST_FOLD or event.groups & _SPEECH_GROUPS:
        return False
    roles = event.roles
    return any(
        token is not None and categorize(token) == "protesters"
        for token in (roles.agent, roles.patient, event.victims)
    )


def _called_violent(folded: list[EventCandidate], doc: Doc) -> bool:
    """ "violent protests", "the protests turned violent": the report itself says the
    demonstration was violent (ACLED: a violent demonstration)."""
    for event in folded:
        for cue in event.cues:
            head = doc[cue.head]
            if cue.group != "protest" or cue.kind != "event":
                continue
            described = list(head.children)
            if head.dep_ in ("nsubj", "nsubjpass"):
                described += [t for t in head.head.children if t.dep_ in ("acomp", "oprd")]
            if any(t.lemma_.lower() == "violent" for t in described):
                return True
    return False


# --------------------------------------------------------------------------
# The sentence as a whole


def sentence_events(sentence: Span, categorize: Categorizer | None = None) -> list[EventCandidate]:
    """The typed events one sentence reports (labels may be non-ACLED classes)."""
    categorize = categorize or category_of_noun
    doc = sentence.doc
    cues = find_cues(sentence)
    if not any(c.kind in ("event", "needs_object", "weapon", "outcome") for c in cues):
        return []
    events = _group_cues(sentence, cues)
    events = _carried_agents(events, cues, doc)
    _toxic_means(events, cues, doc)
    for event in events:
        event.roles = _roles(event, doc)
        event.victims = _victims(event, doc)
    events = _fold_protests(events, cues, doc, categorize)
    typed: list[EventCandidate] = []
    for event in events:
        if not event.label:
            event.label, event.confidence = type_event(event, doc, categorize)
            if all(c.kind == "outcome" for c in event.cues):
                # "were killed" alone says someone died, not how: weak evidence of an attack.
                event.confidence *= 0.5
        if event.label:
            typed.append(event)
    _bombardment_by_air(typed, doc)
    return _merge_same_label(typed)


# A bombardment the sentence tells no other means of: by air or by guns, as its sentence says.
_BARE_BOMBARDMENT = frozenset(["bombardment", "bombard"])


def _bombardment_by_air(events: list[EventCandidate], doc: Doc) -> None:
    """A bare "bombardment" in a sentence whose only means are air strikes is those strikes
    ("killed in escalating bombardment ... killed in air raids and barrel bombs"): one air
    strike, not shelling. Told beside them ("air strikes and bombardment") it is shelling."""
    air = [e for e in events if e.label == on.AIR_STRIKE]
    shelling = [e for e in events if e.label == on.SHELLING]
    if not air or len(shelling) != 1:
        return
    bare = shelling[0]
    means = [c for c in bare.cues if c.kind != "outcome"]  # "killed" tells no means
    if not all(doc[c.head].lemma_.lower() in _BARE_BOMBARDMENT for c in means):
        return
    if any(_listed_with(bare, e, doc) for e in air):
        return
    bare.label = on.AIR_STRIKE


def _listed_with(event: EventCandidate, other: EventCandidate, doc: Doc) -> bool:
    """Two events named in one list ("air strikes and bombardment"): by the parse, or
    by only a comma or conjunction between their words (the parse may miss it)."""
    if event.anchor.i in {t.i for t in other.anchor.conjuncts}:
        return True
    mine = [(c.start, c.end) for c in event.cues if c.kind != "outcome"]
    theirs = [(c.start, c.end) for c in other.cues if c.kind != "outcome"]
    for start, end in mine:
        for other_start, other_end in theirs:
            gap = doc[other_end:start] if other_end <= start else doc[end:other_start]
            if len(gap) <= 2 and all(t.lower_ in ("and", "or", ",") for t in gap):
                return True
    return False


# Cue groups of a killing or strike a toxic agent its sentence names can be the means of.
_POISONABLE = frozenset({"violence", "air", "shelling", "remote"})


def _agent_holder(agent: Token) -> Token | None:
    """The noun a clause says holds or gives off a toxic agent: "shells containing toxic
    materials", "bombs filled with chlorine", "strikes that released toxic gas", "a
    plant storing chlorine"; None when no such clause holds it."""
    while agent.dep_ in ("compound", "amod") and agent.head.i != agent.i:
        agent = agent.head  # "chlorine gas"
    verb = agent.head
    if agent.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head  # "filled with chlorine"
    elif agent.dep_ != "dobj":
        return None
    return verb.head if verb.dep_ in ("acl", "relcl") and verb.pos_ == "VERB" else None


def _carried_agents(
    events: list[EventCandidate], cues: list[Cue], doc: Doc
) -> list[EventCandidate]:
    """A toxic agent the munition or strike of another event carries or releases is that
    event's means (ACLED: the agent decides, whoever fired or dropped it): its own
    chemical event, if the agent named one, folds into the strike."""
    heads = {t.i: event for event in events for t in event.tokens(doc)}
    for cue in (c for c in cues if c.group == "chemical" and c.kind in ("event", "weapon")):
        holder = _agent_holder(doc[cue.head])
        host = heads.get(holder.i) if holder is not None else None
        if host is None or not host.groups or not host.groups <= _POISONABLE:
            continue
        own = heads.get(cue.head)
        if own is not None and own is not host and own.groups == {"chemical"}:
            events = [e for e in events if e is not own]
            host.cues.extend(replace(c, kind="weapon") for c in own.cues if c not in host.cues)
        elif cue not in host.cues:
            host.cues.append(replace(cue, kind="weapon"))
    return events


def _stored(cue: Cue, doc: Doc) -> bool:
    """An agent a store holds ("a depot storing toxic materials", "a stockpile of
    sarin"): what a strike hit, not its means."""
    agent = doc[cue.head]
    holder = _agent_holder(agent)
    if holder is None and agent.dep_ == "pobj" and agent.head.lower_ == "of":
        holder = agent.head.head
    return holder is not None and holder.lemma_.lower() in lx.CHEMICAL_HOLDING_NOUNS


def _toxic_means(events: list[EventCandidate], cues: list[Cue], doc: Doc) -> None:
    """A toxic agent the parse ties to no event ("three died when a gas thought to be
    chlorine spread", "chlorine, the doctors said") is the means of the nearest
    killing or strike of its sentence: ACLED codes such deaths as a chemical weapon."""
    hosted = {(c.start, c.head) for event in events for c in event.cues}
    loose = [
        c
        for c in cues
        if c.group == "chemical"
        and c.kind == "weapon"
        and (c.start, c.head) not in hosted
        and not _stored(c, doc)
    ]
    hosts = [e for e in events if e.groups and e.groups <= _POISONABLE]
    for cue in loose if hosts else ():
        token = doc[cue.head]
        host = min(hosts, key=lambda e: _distance(token, e.anchor))
        host.cues.append(replace(cue, kind="weapon"))


def _merge_same_label(events: list[EventCandidate]) -> list[EventCandidate]:
    merged: dict[str, EventCandidate] = {}
    for event in events:
        first = merged.get(event.label)
        if first is None:
            merged[event.label] = event
            continue
        first.cues.extend(event.cues)
        first.confidence = max(first.confidence, event.confidence)
        if first.roles.agent is None or first.roles.patient is None:
            first.roles = Roles(
                agent=first.roles.agent or event.roles.agent,
                patient=first.roles.patient or event.roles.patient,
                co_agents=first.roles.co_agents or event.roles.co_agents,
                co_patients=first.roles.co_patients or event.roles.co_patients,
            )
        first.victims = first.victims or event.victims
    return list(merged.values())


def _absorbed(events: Iterable[EventCandidate]) -> list[EventCandidate]:
    """Side effects of an attack are part of it: looting beside a raid is the raid, a ship
    burning after a drone strike is the strike."""
    events = list(events)
    violent = {e.label for e in events} & {
        on.ATTACK,
        on.ARMED_CLASH,
        on.NSA_OVERTAKES,
        on.GOV_REGAINS,
        on.MOB_VIOLENCE,
        on.VIOLENT_DEMONSTRATION,
        *(label for label in on.SUB_EVENT_TYPES if on.event_type_of(label) == on.EXPLOSIONS),
    }
    if not violent:
        return events
    return [e for e in events if e.label != on.LOOTING]


def typed_events(sentence: Span, categorize: Categorizer | None = None) -> list[EventCandidate]:
    """``sentence_events`` with an attack's own looting folded into it."""
    return _absorbed(sentence_events(sentence, categorize))


# --------------------------------------------------------------------------
# Snippet-level scores


def lexicon_scores(doc: Doc, categorize: Categorizer | None = None) -> dict[str, float]:
    """Class scores for a snippet from its typed events.

    Events in the main clause and in the first sentence weigh most.
    """
    scores: dict[str, float] = defaultdict(float)
    for number, sentence in enumerate(doc.sents):
        position = 1.0 if number == 0 else 0.6
        for event in typed_events(sentence, categorize):
            depth = _depth(event.anchor) - _depth(sentence.root)
            salience = 1.0 if depth <= 1 else 0.75 if depth <= 3 else 0.55
            scores[event.label] += event.confidence * position * salience
    return dict(scores)
