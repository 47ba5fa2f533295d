"""ACLED's event ontology, the CASE 2021 labels for it, and its PLOVER and CAMEO equivalents.

ACLED codes every event with one of 6 event types and 25 sub-event types
(spelled here exactly as ACLED spells them). CASE 2021 task 2 used its own
upper-case labels for the same 25 sub-event types and added five classes that
are not ACLED events at all.

PLOVER uses the early label set of the PLOVER gold standard records (FIGHT for
conventional armed force, ASSAULT for unconventional violence, COERCE,
PROTEST, ...). A PLOVER mode or a CAMEO root code is given only where the
ACLED sub-event type maps onto it cleanly; otherwise it is ``None``.
"""

from __future__ import annotations

from dataclasses import dataclass

BATTLES = "Battles"
EXPLOSIONS = "Explosions/Remote violence"
VIOLENCE_AGAINST_CIVILIANS = "Violence against civilians"
PROTESTS = "Protests"
RIOTS = "Riots"
STRATEGIC = "Strategic developments"

EVENT_TYPES: tuple[str, ...] = (
    BATTLES,
    EXPLOSIONS,
    VIOLENCE_AGAINST_CIVILIANS,
    PROTESTS,
    RIOTS,
    STRATEGIC,
)

# Sub-event type names, ACLED spelling.
ARMED_CLASH = "Armed clash"
GOV_REGAINS = "Government regains territory"
NSA_OVERTAKES = "Non-state actor overtakes territory"
CHEMICAL = "Chemical weapon"
AIR_STRIKE = "Air/drone strike"
SUICIDE_BOMB = "Suicide bomb"
SHELLING = "Shelling/artillery/missile attack"
REMOTE_EXPLOSIVE = "Remote explosive/landmine/IED"
GRENADE = "Grenade"
SEXUAL_VIOLENCE = "Sexual violence"
ATTACK = "Attack"
ABDUCTION = "Abduction/forced disappearance"
PEACEFUL_PROTEST = "Peaceful protest"
PROTEST_INTERVENTION = "Protest with intervention"
EXCESSIVE_FORCE = "Excessive force against protesters"
VIOLENT_DEMONSTRATION = "Violent demonstration"
MOB_VIOLENCE = "Mob violence"
AGREEMENT = "Agreement"
ARRESTS = "Arrests"
CHANGE_TO_GROUP = "Change to group/activity"
DISRUPTED_WEAPONS = "Disrupted weapons use"
HQ_ESTABLISHED = "Headquarters or base established"
LOOTING = "Looting/property destruction"
NONVIOLENT_TRANSFER = "Non-violent transfer of territory"
OTHER = "Other"

# Classes a typer may answer that are not ACLED events (CASE 2021's extra classes).
ORGANISED_CRIME = "Organised crime"
NATURAL_DISASTER = "Natural disaster"
MANMADE_DISASTER = "Man-made disaster"
DIPLOMACY = "Diplomacy"
ATTRIBUTION = "Attribution"
NOT_ACLED: tuple[str, ...] = (
    ORGANISED_CRIME,
    NATURAL_DISASTER,
    MANMADE_DISASTER,
    DIPLOMACY,
    ATTRIBUTION,
)


@dataclass(frozen=True, kw_only=True, slots=True)
class SubEventType:
    name: str  # ACLED spelling
    event_type: str
    case_label: str  # CASE 2021 task 2 label
    plover: str | None  # early PLOVER event type
    plover_mode: str | None = None
    cameo: str | None = None  # CAMEO root code, two digits


def _sub(
    name: str,
    event_type: str,
    case_label: str,
    plover: str | None,
    plover_mode: str | None = None,
    cameo: str | None = None,
) -> SubEventType:
    return SubEventType(
        name=name,
        event_type=event_type,
        case_label=case_label,
        plover=plover,
        plover_mode=plover_mode,
        cameo=cameo,
    )


SUB_EVENT_TYPES: dict[str, SubEventType] = {
    s.name: s
    for s in (
        # CAMEO 19 "Fight": 190-196 cover small arms, occupation, artillery, aerial weapons.
        _sub(ARMED_CLASH, BATTLES, "ARMED_CLASH", "FIGHT", "firearms", "19"),
        _sub(GOV_REGAINS, BATTLES, "GOV_REGAINS_TERIT", "FIGHT", None, "19"),
        _sub(NSA_OVERTAKES, BATTLES, "NON_STATE_ACTOR_OVERTAKES_TER", "FIGHT", None, "19"),
        # CAMEO 20 "Use unconventional mass violence" (204: weapons of mass destruction).
        _sub(CHEMICAL, EXPLOSIONS, "CHEM_WEAP", "ASSAULT", None, "20"),
        _sub(AIR_STRIKE, EXPLOSIONS, "AIR_STRIKE", "FIGHT", "heavy-weapons", "19"),
        # CAMEO 18 "Assault": 183 covers suicide, car and roadside bombings.
        _sub(SUICIDE_BOMB, EXPLOSIONS, "SUIC_BOMB", "ASSAULT", "suicide-attack", "18"),
        _sub(SHELLING, EXPLOSIONS, "ART_MISS_ATTACK", "FIGHT", "heavy-weapons", "19"),
        _sub(REMOTE_EXPLOSIVE, EXPLOSIONS, "REM_EXPLOS", "ASSAULT", "explosives", "18"),
        # A thrown grenade is a bombing in one report and a firefight in another.
        _sub(GRENADE, EXPLOSIONS, "GRENADE", "ASSAULT", "explosives", None),
        _sub(SEXUAL_VIOLENCE, VIOLENCE_AGAINST_CIVILIANS, "SEX_VIOL", "ASSAULT", "sexual", "18"),
        _sub(ATTACK, VIOLENCE_AGAINST_CIVILIANS, "ATTACK", "ASSAULT", None, "18"),
        _sub(ABDUCTION, VIOLENCE_AGAINST_CIVILIANS, "ABDUCT_DISSAP", "ASSAULT", "abduct", "18"),
        _sub(PEACEFUL_PROTEST, PROTESTS, "PEACE_PROTEST", "PROTEST", None, "14"),
        _sub(PROTEST_INTERVENTION, PROTESTS, "PROTEST_WITH_INTER", "PROTEST", None, "14"),
        # CAMEO 175 "Use tactics of violent repression".
        _sub(EXCESSIVE_FORCE, PROTESTS, "FORCE_AGAINST_PROTEST", "ASSAULT", None, "17"),
        _sub(VIOLENT_DEMONSTRATION, RIOTS, "VIOL_DEMONSTR", "PROTEST", "riot", "14"),
        _sub(MOB_VIOLENCE, RIOTS, "MOB_VIOL", "PROTEST", "riot", "14"),
        # Agreements span CAMEO 05 (sign agreement), 08 (ceasefire) and 03 (intent): no one root.
        _sub(AGREEMENT, STRATEGIC, "AGREEMENT", "AGREE", None, None),
        _sub(ARRESTS, STRATEGIC, "ARREST", "COERCE", "arrest", "17"),
        _sub(CHANGE_TO_GROUP, STRATEGIC, "CHANGE_TO_GROUP_ACT", None, None, None),
        _sub(DISRUPTED_WEAPONS, STRATEGIC, "DISR_WEAP", None, None, None),
        _sub(HQ_ESTABLISHED, STRATEGIC, "HQ_ESTABLISHED", "MOBILIZE", None, None),
        # CAMEO 171 "Seize or damage property".
        _sub(LOOTING, STRATEGIC, "PROPERTY_DISTRUCT", "COERCE", "destroy", "17"),
        # CAMEO 0874 "Retreat or surrender militarily", under 08 "Yield".
        _sub(NONVIOLENT_TRANSFER, STRATEGIC, "NON_VIOL_TERRIT_TRANSFER", "RETREAT", None, "08"),
        _sub(OTHER, STRATEGIC, "OTHER", None, None, None),
    )
}

# CASE 2021 labels for the five classes that are not ACLED events.
CASE_NOT_ACLED: dict[str, str] = {
    "ORG_CRIME": ORGANISED_CRIME,
    "NATURAL_DISASTER": NATURAL_DISASTER,
    "MAN_MADE_DISASTER": MANMADE_DISASTER,
    "DIPLO": DIPLOMACY,
    "ATTRIB": ATTRIBUTION,
}

# Every CASE 2021 task 2 label -> the class name crosswire uses for it.
CASE_LABELS: dict[str, str] = {
    **{s.case_label: s.name for s in SUB_EVENT_TYPES.values()},
    **CASE_NOT_ACLED,
}

# All classes a typer chooses among: the 25 ACLED sub-event types, then the five others.
ALL_CLASSES: tuple[str, ...] = (*SUB_EVENT_TYPES, *NOT_ACLED)


def event_type_of(sub_event_type: str) -> str:
    return SUB_EVENT_TYPES[sub_event_type].event_type


def is_acled(label: str) -> bool:
    return label in SUB_EVENT_TYPES


def case_label_of(label: str) -> str:
    """The CASE 2021 label for a crosswire class name."""
    if label in SUB_EVENT_TYPES:
        return SUB_EVENT_TYPES[label].case_label
    for case, name in CASE_NOT_ACLED.items():
        if name == label:
            return case
    raise KeyError(label)
