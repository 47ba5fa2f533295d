"""Who did what to whom, read off spaCy's dependency parse.

``roles_of(token)`` finds the agent and the patient of an event word:

- verbs: the subject and the object ("rebels attacked the town"), the
  passive ("the town was shelled by rebels"), a subject shared through
  coordination or a participle ("shelled the town, killing 12 civilians");
- event nouns: "attacks on X by Y", "X's offensive", "Houthi attack",
  "clashes between X and Y", "clashes with X", and the subject of a light verb
  ("X launched an air strike on Y");
- "fell to X" for territory.

It works on tokens only; ``extract`` maps the phrases to the article's
entities by character offsets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Literal

from spacy.tokens import Token

from crosswire.events import lexicon as lx

Category = Literal[
    "state", "armed", "protesters", "rioters", "civilians", "weapon", "territory", "property"
]

_SUBJECTS = ("nsubj", "nsubjpass", "csubj")
_OBJECTS = ("dobj", "obj", "pobj", "nsubj", "nsubjpass")
_PATIENT_PREPS = frozenset(["on", "against", "at", "targeting", "upon", "into"])
_CLAUSE_LINKS = ("conj", "xcomp", "advcl", "acl", "pcomp")
# Objects that name the fighting itself ("fought battles with X", "waged war on X").
_FIGHT_NOUNS = frozenset(["battle", "fight", "war", "clash", "skirmish", "fighting"])
# Verbs whose subject is who died: "civilians died".
VICTIM_SUBJECT_VERBS = frozenset(["die", "perish", "drown", "succumb"])


@dataclass(frozen=True, slots=True)
class Roles:
    agent: Token | None = None
    patient: Token | None = None
    co_agents: tuple[Token, ...] = ()  # "X and Y attacked": Y
    co_patients: tuple[Token, ...] = ()


def _child(token: Token, *deps: str) -> Token | None:
    for child in token.children:
        if child.dep_ in deps:
            return child
    return None


def _prep_object(token: Token, preps: frozenset[str] | set[str]) -> Token | None:
    for child in token.children:
        if child.dep_ in ("prep", "agent") and child.lower_ in preps:
            obj = _child(child, "pobj") or _stray_name(child) or _participle_object(child)
            if obj is not None:
                return obj
    return None


def _participle_object(prep: Token) -> Token | None:
    """The side after a preposition whose participle the parser made a verb ("fought with
    advancing IS militants", "clashes with retreating rebels"): the participle's object."""
    verb = _child(prep, "pcomp")
    if verb is None or verb.tag_ != "VBG" or verb.i != prep.i + 1:
        return None
    return _child(verb, "dobj")


def _stray_name(prep: Token) -> Token | None:
    """The name right after a preposition left with no object, where the parser took a
    capitalised acronym for a verb ("clashes with IS Monitor"): the preposition's object."""
    if any(True for _ in prep.children) or prep.i + 1 >= len(prep.doc):
        return None
    following = prep.nbor()
    if following.is_upper and following.is_alpha and len(following) > 1:
        return following
    return None


def _conjuncts(token: Token) -> tuple[Token, ...]:
    return tuple(t for t in token.conjuncts if t.i > token.i)


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def _governing_agent(noun: Token) -> Token | None:
    """An event noun's "by" phrase the parser hung on the verb that governs the noun and
    marked as a passive's agent: a participle whose auxiliary it left out ("dozens wounded
    in the bombing by regime forces"), a gerund ("in intensifying bombing by X")."""
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head
    if noun.dep_ not in ("pobj", "dobj") or verb.tag_ not in ("VBN", "VBG"):
        return None
    if verb.tag_ == "VBN" and verb.dep_ != "conj":
        return None  # "villages taken by the army in the fighting": the taking's agent
    for child in verb.children:
        if child.dep_ == "agent":
            return _child(child, "pobj")
    return None


def _by_agent(token: Token) -> Token | None:
    """The object of a "by" phrase under ``token``, even when the parser hung it one level
    down; the perpetrator of the operation a killing was done in ("killed in a special
    operation carried out by the army", "wounded during a raid launched by X")."""
    found = _prep_object(token, {"by"})
    if found is not None:
        return found
    for child in token.children:
        if child.dep_ == "prep":
            obj = _child(child, "pobj")
            if obj is not None:
                deeper = _prep_object(obj, {"by"})
                if deeper is None and child.lower_ in ("in", "during"):
                    deeper = _noun_clause_agent(obj)
                if deeper is not None:
                    return deeper
    return None


# Verbs whose "by" phrase names who carried an attack out ("strikes carried out by X",
# "a bombing claimed by X"), and verbs of belief that pass the attribution on ("an attack
# believed to have been carried out by X"). Other verbs' agents ("condemned by the UN")
# are no perpetrators.
_PERPETRATION_VERBS = frozenset(
    ["carry", "launch", "conduct", "lead", "claim", "perpetrate", "commit", "fire", "drop"]
) | frozenset(["stage", "mount", "execute", "plant", "leave", "blame", "fly", "order", "make"])
_ATTRIBUTION_VERBS = frozenset(["believe", "suspect", "think", "report", "say", "allege"])


def clause_agent(verb: Token, depth: int = 0) -> Token | None:
    """Who a perpetration verb's clause says did it: "carried out by X", "blamed on X",
    through verbs of belief ("believed to have been carried out by X")."""
    lemma = verb.lemma_.lower()
    if lemma in _PERPETRATION_VERBS:
        found = _prep_object(verb, {"by"})
        if found is None and lemma == "blame":
            found = _prep_object(verb, {"on"})
        if found is not None:
            return found
    if depth < 3 and (lemma in _ATTRIBUTION_VERBS or lemma in _PERPETRATION_VERBS):
        for child in verb.children:
            if child.dep_ in ("xcomp", "ccomp", "conj") and child.pos_ in ("VERB", "AUX"):
                found = clause_agent(child, depth + 1)
                if found is not None:
                    return found
    return None


def _trailing_agent(word: Token) -> Token | None:
    """The perpetrator a participle right after the event word names when the parser hung
    the participle elsewhere: "withdrew as it faced a counter-offensive led by X" ("led"
    made the clause's adverbial)."""
    doc, end = word.doc, word.i
    while end + 2 < len(doc) and doc[end + 1].text == "-":
        end += 2  # the whole of "counter-offensive"
    if end + 1 >= len(doc):
        return None
    after = doc[end + 1]
    if after.tag_ != "VBN" or after.head.i == word.i:
        return None
    return clause_agent(after)


def _noun_clause_agent(noun: Token) -> Token | None:
    """The perpetrator a clause on an event noun names: "air strikes launched by X", "the
    attack, believed to have been carried out by X", "the bombing was blamed on X"."""
    for child in noun.children:
        if child.dep_ in ("acl", "relcl") and child.pos_ == "VERB":
            found = clause_agent(child)
            if found is not None:
                return found
    if noun.dep_ == "nsubjpass" and noun.head.pos_ == "VERB":
        return clause_agent(noun.head)
    return None


def _subject(verb: Token, depth: int = 0) -> Token | None:
    """The verb's own subject, or the one it shares with the verb it hangs from."""
    subject = _child(verb, "nsubj")
    if subject is not None:
        if subject.lower_ in ("who", "which", "that") and verb.dep_ == "relcl":
            return verb.head
        return subject
    if depth < 3 and verb.dep_ in _CLAUSE_LINKS and verb.head.i != verb.i:
        head = _timed_clause(verb) or verb.head
        if head.pos_ in ("VERB", "AUX"):
            if _is_passive(head) or _headline_passive(head):
                return _by_agent(head)
            return _subject(head, depth + 1)
    return None


# Prepositions of time before a gerund whose subject is the clause's ("seized the fields
# after killing 30 soldiers"); not "in" or "during" ("died in shelling": the dead's).
_TIME_PREPS = frozenset(["after", "before", "while", "upon"])


def _timed_clause(verb: Token) -> Token | None:
    """The verb a transitive gerund under a preposition of time hangs from ("IS took the
    fields after killing 30 soldiers": IS killed them), when that verb is active."""
    prep = verb.head
    if verb.dep_ != "pcomp" or verb.tag_ != "VBG" or prep.lower_ not in _TIME_PREPS:
        return None
    clause = prep.head
    if _child(verb, "dobj") is None or clause.pos_ not in ("VERB", "AUX"):
        return None
    if clause.i == prep.i or _is_passive(clause) or clause.lemma_.lower() in VICTIM_SUBJECT_VERBS:
        return None
    return clause


# Counting nouns that stand before the people counted: "dozens of civilians".
_QUANTITIES = frozenset(["dozens", "scores", "hundreds", "thousands", "tens", "number", "dozen"])


def _reduced_passive(verb: Token) -> bool:
    """A past participle hung on the noun it describes, with no subject or object of its
    own (an object makes it a main verb the parser misread: "air strikes killed 42")."""
    return (
        verb.dep_ == "acl"
        and verb.tag_ == "VBN"
        and verb.head.pos_ in ("NOUN", "PROPN")
        and verb.head.i < verb.i
        and category_of_noun(verb.head) != "weapon"  # "a bomb planted by IS": the means
        and not any(c.dep_ in (*_SUBJECTS, "dobj") for c in verb.children)
        and not _attacker_with_means(verb)
    )


def _attacker_with_means(verb: Token) -> bool:
    """A past tense with its means that the parser read as a participle on its subject:
    "terrorists targeted with rocket shells the Midan neighbourhood", "a warplane targeted
    the north of the city with four strikes". Its subject is a side or an aircraft, which
    attack; what is attacked with shells is told of people or places."""
    if verb.dep_ != "acl" or verb.head.i > verb.i:
        return False
    return _attacks_with(verb, verb.head)


def _attacks_with(verb: Token, subject: Token) -> bool:
    """Whether ``verb`` tells a side or an aircraft attacking with its means."""
    if not any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.rights):
        return False
    return category_of_noun(subject) in ("armed", "state") or subject.lemma_.lower() in _AIRCRAFT


_AIRCRAFT = frozenset(
    ["warplane", "jet", "plane", "aircraft", "helicopter", "drone", "bomber", "gunship"]
)


def _misread_subject(verb: Token) -> Token | None:
    """The side a past tense with its own object hangs from, where the parser read the verb
    as a participle on it ("Al-Nusra attacked at dawn the headquarters of X": a participle
    takes no object, so the side, a name or a side's noun, is the subject)."""
    head = verb.head
    if verb.dep_ != "acl" or verb.tag_ not in ("VBD", "VBN") or head.i > verb.i:
        return None
    if _child(verb, "dobj") is None:
        return None
    named = head.pos_ == "PROPN"  # a side's name ("Al-Nusra attacked ...")
    return head if named or category_of_noun(head) in ("armed", "state") else None


def _stranded_object(verb: Token) -> Token | None:
    """The object such a verb kept after its means, which the parser hung elsewhere: the
    noun phrase right after the "with" phrase."""
    means = next((c for c in verb.rights if c.dep_ == "prep" and c.lower_ == "with"), None)
    if means is None:
        return None
    after = means.right_edge.i + 1
    if after >= len(verb.doc) or verb.doc[after].pos_ not in ("DET", "PROPN", "NOUN"):
        return None
    head = verb.doc[after]
    while head.head.i != head.i and head.head.i > head.i and head.dep_ not in _OBJECTS:
        head = head.head  # "the Midan neighbourhood": up to the phrase's noun
    return None if verb in head.ancestors else head


def _clause_side(verb: Token) -> Token | None:
    """Who "killing 12" did it where the parser hung the participle on a noun of the clause
    before it (text without commas: "army units shelled positions in the village killing
    12"): that clause's subject, when it names an armed side or state forces."""
    if verb.dep_ != "acl" or verb.tag_ != "VBG" or verb.head.pos_ not in ("NOUN", "PROPN"):
        return None
    clause = next((t for t in verb.ancestors if t.pos_ == "VERB"), None)
    if clause is None or _is_passive(clause):
        return None
    subject = _child(clause, "nsubj")
    if subject is None or subject.pos_ not in ("NOUN", "PROPN"):
        return None
    return subject if category_of_noun(subject) in ("state", "armed") else None


def _headline_passive(verb: Token) -> bool:
    """A headline's passive without its auxiliary ("12 Fighters Killed near Aleppo"): a
    past participle with a subject but no auxiliary and no object; also one the tagger
    read as a past tense, where a killing verb's subject is counted ("175 Nusra
    Terrorists Killed in Aleppo": a count of the dead, not of killers with no victim); an
    object that counts the wounded is none ("4 Soldiers Killed 3 Wounded")."""
    if verb.dep_ != "ROOT" or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    if any(c.dep_ == "dobj" and not counts_wounded(c) for c in verb.children):
        return False
    subject = _child(verb, "nsubj")
    if subject is None or _attacks_with(verb, subject):
        return False  # "a warplane targeted the town with four strikes": active
    if verb.tag_ == "VBN":
        return True
    return verb.tag_ == "VBD" and verb.lemma_.lower() in KILLING_VERBS and _counted(subject)


def _counted(noun: Token) -> bool:
    """A noun phrase a number counts: its own, or one right before the phrase that the
    parser hung on a date before it ("Mon Aug 8 2016 160 Nusra Terrorists Killed")."""
    if any(c.dep_ == "nummod" for c in noun.children):
        return True
    before = _name_start(noun) - 1
    if before < noun.sent.start:
        return False
    word = noun.doc[before]
    return word.like_num and not _YEAR.fullmatch(word.text)


def _name_start(noun: Token) -> int:
    """Where the words right before ``noun`` that modify it begin ("Nusra Terrorists")."""
    start = noun.i
    while start > noun.sent.start:
        word = noun.doc[start - 1]
        if word.dep_ not in ("compound", "amod") or word.head.i not in range(start, noun.i + 1):
            break
        start -= 1
    return start


_YEAR = re.compile(r"(?:19|20)\d\d")
# A killing word as a title-case headline writes it, whatever the tagger made of it.
_KILL_FORMS = frozenset(["kill", "kills", "killed", "killing"])


def _count_of_dead(agent: Token) -> Token | None:
    """The killing word an agent phrase is the counted object of, when the parser made
    that object the subject of the next verb (a title-case headline run on without "and":
    "Army Kills 14 ISIL Terrorists Destroy Their Vehicles"): those counted are the dead,
    not who did the next thing."""
    if not _counted(agent):
        return None
    count = agent.doc[_name_start(agent) - 1]
    before = count.i - 1
    if not count.like_num or before < agent.sent.start:
        return None
    if agent.doc[before].lower_ not in _KILL_FORMS:
        return None
    return agent.doc[before]


def _killers(kill_word: Token) -> Token | None:
    """Who did the killing of a title-case killing word: its subject, or the name before
    it that the tagger read as part of one name with it ("Syrian Army Kills")."""
    subject = _child(kill_word, "nsubj")
    if subject is not None:
        return subject
    names = [c for c in kill_word.lefts if c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN")]
    return names[-1] if names else None


def counts_wounded(token: Token) -> bool:
    """An object that counts the wounded: "4 killed 38 injured" parsed as one clause (the
    object the number or "injured" itself)."""
    after = token.doc[token.i : token.i + 3]
    return any(t.lower_ in ("injured", "wounded", "hurt") for t in after)


# Killing verbs that always take their victims as an object in the active voice.
KILLING_VERBS = frozenset(["kill", "wound", "injure", "execute", "massacre", "slaughter"])


def _verb_roles(verb: Token) -> Roles:
    if verb.lemma_.lower() in VICTIM_SUBJECT_VERBS:
        # "civilians died": who died is the patient; no agent is named.
        return Roles(patient=_child(verb, "nsubj"))
    if _is_passive(verb):
        agent = _by_agent(verb)
        patient = _child(verb, "nsubjpass")
        if agent is None and verb.dep_ in _CLAUSE_LINKS:
            agent = _subject(verb)
    elif _reduced_passive(verb):
        # "civilians killed in the shelling", "175 fighters killed": a participle on a
        # noun says what was done to it.
        agent, patient = _by_agent(verb), verb.head
    elif _headline_passive(verb):
        agent, patient = _by_agent(verb), _child(verb, "nsubj")
    elif _attacker_with_means(verb):
        agent = verb.head
        patient = _stranded_object(verb) or _child(verb, "dobj", "npadvmod")
    else:
        agent = _subject(verb) or _clause_side(verb) or _misread_subject(verb)
        kill_word = _count_of_dead(agent) if agent is not None else None
        if kill_word is not None:
            agent = _killers(kill_word)
        if agent is None and verb.tag_ == "VBG" and verb.dep_ == "pcomp":
            # "died in shelling by government forces": a gerund told as a noun.
            agent = _by_agent(verb)
        patient = _child(verb, "dobj")
        if patient is not None and patient.lemma_.lower() in _FIGHT_NOUNS:
            # "fought fierce battles on Tuesday with IS": the battles are no side.
            patient = _prep_object(verb, {"with", "against"})
        if patient is None:
            patient = _prep_object(verb, _PATIENT_PREPS | {"with"})
    if patient is not None and patient.lower_ in _QUANTITIES:
        # "dozens of militants were killed": who, not how many.
        patient = _prep_object(patient, {"of"}) or patient
    if patient is not None and patient.lemma_ in ("control", "hold", "charge"):
        # "seized control of the town": the town is what was taken.
        patient = _prep_object(patient, {"of", "over"}) or patient
    if verb.lemma_ == "fall" or verb.lower_ in ("fell", "falls"):
        # "the town fell to the rebels": the rebels took it.
        taker = _prep_object(verb, {"to"})
        if taker is not None:
            agent, patient = taker, _child(verb, "nsubj")
    return Roles(
        agent=agent,
        patient=patient,
        co_agents=_conjuncts(agent) if agent is not None else (),
        co_patients=_conjuncts(patient) if patient is not None else (),
    )


def _noun_roles(noun: Token) -> Roles:
    agent: Token | None = _child(noun, "poss")
    patient: Token | None = None
    between = _prep_object(noun, {"between"}) or _sides_of_outbreak(noun)
    if between is not None:
        others = _conjuncts(between)
        return Roles(
            agent=between,
            patient=others[0] if others else None,
            co_patients=others[1:],
        )
    by = _by_agent(noun) or _noun_clause_agent(noun) or _trailing_agent(noun)
    if by is not None:
        agent = by
    if agent is None:
        for child in noun.children:
            if child.dep_ in ("compound", "amod", "nmod") and (
                child.ent_type_ in ("NORP", "ORG", "GPE") or child.pos_ == "PROPN"
            ):
                agent = child
                break
    if agent is None:
        agent = _prep_object(noun, {"from"}) or _governing_agent(noun)
    patient = _prep_object(noun, _PATIENT_PREPS | {"with", "of"})
    head = noun.head
    if agent is None and noun.dep_ == "dobj" and head.lemma_ in lx.LIGHT_VERBS:
        # "X launched an attack on Y"
        agent = _subject(head)
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in ("in", "during", "by"):
        # "five civilians were killed in an air strike": the victims are the patient.
        outer = head.head
        if outer.pos_ in ("VERB", "ADJ"):
            outer_roles = _verb_roles(outer) if outer.pos_ == "VERB" else Roles()
            if patient is None:
                patient = outer_roles.patient
            if agent is None and _is_passive(outer):
                agent = outer_roles.agent
    if noun.dep_ in ("nsubj", "nsubjpass") and head.pos_ == "VERB":
        verb_roles = _verb_roles(head)
        if patient is None and verb_roles.patient is not noun:
            patient = verb_roles.patient
    return Roles(
        agent=agent,
        patient=patient,
        co_agents=_conjuncts(agent) if agent is not None else (),
        co_patients=_conjuncts(patient) if patient is not None else (),
    )


def _sides_of_outbreak(noun: Token) -> Token | None:
    """The sides of a fight told as breaking out between them, where the parser hung
    "between" on the verb ("heavy fighting broke out again between X militants and army
    troops", "clashes erupted between X and Y"): a fight noun subject of a verb of
    outbreak with no object."""
    verb = noun.head
    if noun.dep_ != "nsubj" or noun.lemma_.lower() not in _FIGHT_NOUNS:
        return None
    if verb.lemma_.lower() not in _OUTBREAK_VERBS or _child(verb, "dobj", "oprd") is not None:
        return None
    return _prep_object(verb, {"between"})


# Verbs a fight breaks out, goes on or grows by, with no object of their own.
_OUTBREAK_VERBS = frozenset(
    ["break", "erupt", "rage", "flare", "continue", "resume", "intensify", "escalate", "occur"]
)


def roles_of(token: Token) -> Roles:
    """Agent and patient of the event word ``token`` (a verb, or an event noun)."""
    if token.pos_ in ("VERB", "AUX"):
        return _verb_roles(token)
    if token.pos_ == "ADJ" and token.head.pos_ == "VERB":
        roles = _verb_roles(token.head)
        trailing = _trailing_agent(token)
        if trailing is None:
            return roles
        return replace(roles, agent=trailing, co_agents=_conjuncts(trailing))
    return _noun_roles(token)


def phrase(token: Token) -> tuple[int, int]:
    """Character range of the noun phrase headed by ``token``, without relative clauses."""
    start, end = token.idx, token.idx + len(token)
    for child in token.subtree:
        if child.is_space:
            continue  # a blanked-out dateline hangs off some word of the lead
        if any(a.dep_ in ("relcl", "acl") and a.i != token.i for a in _path_to(child, token)):
            continue
        start = min(start, child.idx)
        end = max(end, child.idx + len(child))
    return start, end


def _path_to(token: Token, top: Token) -> list[Token]:
    """Tokens from ``token`` up to (not including) ``top``."""
    path = []
    current = token
    while current.i != top.i and current.head.i != current.i:
        path.append(current)
        current = current.head
    return path


# The category each word list names, in the order they are tried: a word in two lists
# takes the first.
_NOUN_CATEGORIES: tuple[tuple[frozenset[str], Category], ...] = (
    (lx.PROTESTER_NOUNS, "protesters"),
    (lx.RIOTER_NOUNS, "rioters"),
    (lx.ARMED_NOUNS, "armed"),
    (lx.STATE_FORCE_NOUNS, "state"),
    (lx.MILITARY_TARGET_NOUNS, "armed"),
    (lx.CIVILIAN_NOUNS, "civilians"),
    (lx.WEAPON_NOUNS, "weapon"),
    (lx.PROPERTY_NOUNS, "property"),
    (lx.TERRITORY_NOUNS, "territory"),
)


def category_of_noun(token: Token) -> Category | None:
    """The actor category a noun names by its word alone ("villagers" -> civilians)."""
    lemma = token.lemma_.lower()
    words_of = [lemma, token.lower_]
    if token.tag_ == "NNPS" and lemma.endswith("s"):
        words_of.append(lemma[:-1])  # a headline's plural taken for a name: "Troopers"
    for word in words_of:
        for words, category in _NOUN_CATEGORIES:
            if word in words:
                return category
    if token.ent_type_ in ("GPE", "LOC", "FAC"):
        return "territory"
    if lemma in _FORMATION_NOUNS:
        return _formation_category(token)
    return None


def _formation_category(token: Token) -> Category | None:
    """ "army units", "rebel brigades": the modifier before the noun says whose."""
    for child in token.children:
        if child.dep_ in ("compound", "amod", "nmod") and child.i < token.i:
            found = category_of_noun(child)
            if found in ("state", "armed"):
                return found
    return None


_FORMATION_NOUNS = frozenset(
    ["unit", "units", "brigade", "battalion", "division", "detachment", "column", "squad"]
)


def category_of_inter(inter_code: int | None, kind: str) -> Category | None:
    """The actor category of an ACLED actor type (inter code)."""
    if kind == "civilians" or inter_code == 7:
        return "civilians"
    if kind == "protesters" or inter_code == 6:
        return "protesters"
    if kind == "rioters" or inter_code == 5:
        return "rioters"
    if inter_code in (2, 3, 4):
        return "armed"
    if inter_code == 1 or kind == "external_forces":
        return "state"
    return None
