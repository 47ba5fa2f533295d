"""The trigger lexicon: words and phrases that signal an event, and the nouns that type its actors.

Patterns are matched against a sentence's tokens, each pattern word equal to a
token's lower-cased text or its lemma (hyphens in the text are skipped, so
"air strike" matches "air-strike"). A word may carry a part of speech:
"mine/NOUN" does not match the pronoun.

Each pattern belongs to a *cue group* and has a *kind*:

- ``event``: names an event on its own ("clashes", "retook", "kidnapped");
- ``weapon``: a weapon that types a violent event it is the means of ("drone",
  "mortar"), but that names no event when merely mentioned ("an IED factory");
- ``outcome``: a casualty word ("killed", "wounded"); the means of another
  event in the sentence when there is one, an attack of its own otherwise;
- ``needs_object``: a verb that names an event only with the right object
  ("set up" + "base", "seized" + "weapons");
- ``modifier``: shapes how a protest is coded ("tear gas", "live ammunition").

The word lists are the team's own, written from ACLED's and PLOVER's public
definitions of each category.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

CueKind = Literal["event", "weapon", "outcome", "needs_object", "modifier"]


@dataclass(frozen=True, slots=True)
class Pattern:
    words: tuple[tuple[str, str | None], ...]  # (word, required coarse POS or None)
    group: str
    kind: CueKind


def _split(text: str) -> list[str]:
    return [line.strip() for line in text.replace("\n", ";").split(";") if line.strip()]


# group -> kind -> patterns ("; " or newline separated)
_LEXICON: dict[str, dict[CueKind, str]] = {
    "clash": {
        "event": """clash; clashes; fighting/NOUN; fight/VERB; fight/NOUN; battle; gun battle;
            gunbattle; gunfight; firefight; skirmish; exchange fire; exchange of fire;
            exchange gunfire; exchange of gunfire; engage in combat; combat/NOUN; offensive/NOUN;
            counteroffensive; counter-offensive; counterattack; counter-attack; ambush;
            battle for; heavy fighting; hostilities; repel; repulse; besiege; siege""",
    },
    "violence": {
        "event": """attack; assault; raid; storm/VERB; strike/VERB; strike/NOUN; hit/VERB;
            target/VERB; open fire; fire on; fire at; shoot; shooting; gunfire; gunshot; sniper;
            gun down; massacre; execute; execution; behead; beheading; stab; stabbing; hack;
            machete; slaughter; murder; assassinate; assassination; lynch; torture;
            beat/VERB; beating; flog; set upon; maim; bombing; bomb/VERB; blast/NOUN;
            explosion; explode; detonate; go off; blow up; ram; incursion; pound;
            hammer/VERB""",
        "outcome": """kill; killing; dead/ADJ; die; death; wound; wounded; injure; injury;
            casualty; fatality; lose life; claim life; toll; shot dead; martyr/VERB;
            kill in action; perish""",
    },
    "air": {
        "event": """airstrike; air strike; air raid; air attack; airstrikes; drone strike;
            drone attack; aerial bombardment; aerial attack; air campaign; aerial campaign;
            air bombardment; bombing raid; strafe; air support""",
        "weapon": """warplane; jet; fighter jet; aircraft; helicopter; gunship; drone; uav;
            aerial; bomber; air force; plane; barrel bomb; airforce; kamikaze drone; sortie""",
    },
    "shelling": {
        "event": """shell/VERB; shelling; bombard; bombardment; artillery fire; mortar fire;
            rocket fire; missile strike; missile attack; rocket attack; mortar attack;
            artillery attack; artillery strike; barrage; tank fire; heavy weapons fire""",
        "weapon": """artillery; mortar; mortars; rocket; rockets; missile; missiles; shell/NOUN;
            shells; howitzer; cannon; tank; projectile; katyusha; grad; ballistic;
            rocket launcher; multiple rocket launcher; cruise missile""",
    },
    "remote": {
        "event": """roadside bombing; car bombing; landmine explosion; ied attack; ied blast;
            bomb blast; bomb attack; bombing/NOUN""",
        "weapon": """ied; ieds; improvised explosive device; explosive device; roadside bomb;
            landmine; land mine; mine/NOUN; car bomb; booby trap; booby-trap; bomb/NOUN;
            explosive/NOUN; explosives; vbied; sticky bomb; magnetic bomb; unexploded ordnance;
            ordnance; parcel bomb; letter bomb; motorcycle bomb; time bomb""",
    },
    "suicide": {
        "event": """suicide bombing; suicide attack; suicide bomber; blow himself up;
            blew himself up; blow herself up; blew herself up; blow themselves up;
            blew themselves up; detonate his vest;
            suicide car bombing; self-detonate; martyrdom operation; suicide blast;
            suicide explosion; svbied; svbieds""",
        "weapon": """suicide vest; suicide belt; suicide car bomb; suicide bomb; explosive vest;
            explosive belt""",
    },
    "grenade": {
        "weapon": """grenade; grenades; hand grenade; hand-grenade""",
        "event": """grenade attack; grenade blast; hurl grenade; lob grenade; throw grenade""",
    },
    "chemical": {
        "event": """chemical attack; gas attack; chemical weapon; chemical weapons; poison gas;
            toxic gas; chemical agent; chemical strike; poisonous gas; toxic gases;
            poisonous gases""",
        "weapon": """chlorine; sarin; mustard gas; nerve agent; vx; phosgene; toxic chemical;
            chemical munition; toxic material; toxic materials; toxic substance;
            toxic substances; poisonous material; poisonous materials; poisonous substance;
            poisonous substances""",
    },
    "sexual": {
        "event": """rape; raped; gang rape; gang-rape; sexual violence; sexual assault;
            sexually assault; sexual abuse; sexually abuse; molest; sexual slavery;
            sexual exploitation; sexually harass""",
    },
    "abduct": {
        "event": """abduct; abduction; kidnap; kidnapping; take hostage; taken hostage;
            hold hostage; hostage-taking; forcibly disappear; enforced disappearance;
            forced disappearance; whisk away; snatch""",
    },
    "arrest": {
        "event": """arrest; detain; detention; apprehend; take into custody; round up;
            nab; incarcerate; imprison; jail/VERB; raid and arrest""",
    },
    "protest": {
        "event": """protest; protester; protestor; demonstration; demonstrator; rally/NOUN;
            rally/VERB; march/VERB; march/NOUN; marcher; sit-in; sit in; take to the streets;
            took to the streets; picket; go on strike; went on strike; general strike;
            hunger strike; strike action; walkout; walk out; vigil; demonstrate; rallied;
            protested; chant; placard; banner""",
        "modifier": """tear gas; teargas; tear-gas; water cannon; disperse; rubber bullet;
            rubber bullets; baton; batons; pepper spray; stun grenade; break up; broke up;
            baton charge; crack down; crackdown""",
    },
    "lethal": {
        "modifier": """live ammunition; live fire; live round; live rounds; open fire; opened fire;
            shot dead; fire on; fired on; kill; killed; die; died; dead; fatally""",
    },
    "riot": {
        "event": """riot; rioter; rioting; violent protest; violent demonstration; unrest;
            throw stone; threw stone; hurl stone; stone-throwing; stone throwing; pelt;
            molotov; petrol bomb; firebomb; burning tyre; burning tire; burn tyre; burn tire;
            vandalize; vandalise; vandalism; smash; turn violent; turned violent; run amok""",
    },
    "mob": {
        "event": """mob; lynch mob; lynching; vigilante; mob justice; jungle justice;
            angry crowd; angry mob; communal violence; sectarian violence""",
    },
    "agreement": {
        "event": """agree; agreement; ceasefire; cease-fire; cease fire; truce; peace deal;
            peace agreement; peace accord; accord/NOUN; deal/NOUN; sign/VERB; signing; pact;
            memorandum of understanding; prisoner exchange; prisoner swap; reconciliation;
            settlement; armistice; reach a deal; broker; brokered; negotiated""",
    },
    "gain_territory": {
        "event": """retake; retook; retaken; recapture; regain; regained; liberate; liberation;
            take back; took back; reclaim; win back; drive out; drove out; push out;
            pushed out; flush out; clear of; recover control; regain control""",
    },
    "take_territory": {
        "event": """capture; seize; seized; take control; took control; gain control;
            gained control; seize control; overrun; take over; took over; occupy; occupation;
            fall to; fell to; fall into the hands; fell into the hands; conquer; advance into;
            advanced into; overran; capture of; control of""",
        "needs_object": """take; took; taken; enter; entered""",
    },
    "transfer_territory": {
        "event": """withdraw; withdrawal; pull out; pulled out; pullout; pull back; hand over;
            handed over; handover; hand-over; cede; ceded; relinquish;
            transfer control; leave the town; redeploy; retreat""",
        # A crew abandons a ship and residents evacuate a street; forces abandon a town.
        "needs_object": """abandon; evacuate; vacate""",
    },
    "change_group": {
        "event": """merge; merger; join forces; defect; defection; splinter; split/VERB;
            dissolve; disband; rebrand; recruit; recruitment; pledge allegiance;
            swear allegiance; new leader; appoint; appointed; formation; deploy; deployment;
            reinforcement; reinforcements; mobilize; mobilise; mobilization; troop movement;
            military exercise; drill; military drill; test-fire; weapons test; missile test;
            parade; surrender; lay down arms; laid down arms; declare; curfew;
            state of emergency; martial law; amass; mass troops; build-up; buildup; enlist""",
    },
    "disrupted": {
        "event": """defuse; defused; dismantle; bomb disposal; controlled explosion;
            intercept; intercepted; interception; shoot down; shot down; down/VERB; foil;
            foiled; thwart; thwarted; neutralize; neutralise; disarm; air defense;
            air defence; weapons cache; arms cache; arms depot; cache; make safe""",
        "needs_object": """seize; seized; confiscate; recover; find; found; discover; uncover;
            capture; detect""",
    },
    "hq": {
        "needs_object": """establish; set up; build; open; erect; construct; install;
            station; relocate; move""",
    },
    "looting": {
        "event": """loot; looting; looter; plunder; pillage; ransack; raze; torch; arson;
            set fire; set ablaze; set alight; burn/VERB; burn down; burned down; burnt down;
            demolish; demolition; bulldoze; destroy; vandalize; vandalise; steal; rob""",
    },
    "other_event": {
        "event": """mass grave; mass graves; exhume; exhumation; bodies found;
            unidentified bodies""",
    },
    "crime": {
        "event": """drug; drugs; cartel; narcotic; narcotics; cocaine; heroin; methamphetamine;
            trafficking; trafficker; smuggle; smuggling; smuggler; gang/NOUN; gangs; gangster;
            robbery; robber; heist; money laundering; launder; fraud; extortion; extort;
            organized crime; organised crime; criminal gang; criminal group; mafia; contraband;
            drug lord; kingpin; poach; poaching; burglary; theft; thief; counterfeit; bribery;
            corruption; racket; homicide""",
    },
    "natural": {
        "event": """earthquake; quake; tremor; aftershock; flood; flooding; floods; flash flood;
            cyclone; hurricane; typhoon; storm/NOUN; tornado; landslide; mudslide; tsunami;
            drought; heavy rain; torrential rain; rainfall; volcano; eruption; wildfire;
            forest fire; bushfire; avalanche; heat wave; heatwave; magnitude; epicentre;
            epicenter; lightning; monsoon; natural disaster; downpour""",
    },
    "manmade": {
        "event": """fire broke out; blaze; inferno; crash; collision; collide; derail; derailment;
            capsize; sink/VERB; sank; building collapse; collapse; leak; spill; oil spill;
            gas explosion; accident; stampede; short circuit; gas cylinder; boiler;
            factory fire; fire/NOUN; fire engulf; engulf; catch fire; caught fire;
            gas leak; chemical leak; industrial; mine collapse; plane crash; train crash;
            bridge collapse; firefighter; firefighters""",
    },
    "diplomacy": {
        "event": """visit/VERB; visit/NOUN; talks; talk/VERB; meet; meeting; summit; ambassador;
            embassy; envoy; diplomat; diplomatic; diplomacy; foreign minister;
            foreign ministry; bilateral; state visit; expel; expulsion; recall; sanction;
            sanctions; consulate; delegation; negotiation; negotiate; mediate; mediation;
            secretary of state; security council; un general assembly; condolence; invite;
            host/VERB; cooperation; relations""",
    },
    "attribution": {
        "event": """claim responsibility; claimed responsibility; claim credit; take responsibility;
            blame; blamed; accuse; accused; hold responsible; held responsible;
            responsible for; attribute; attributed; behind the attack; point the finger;
            pointed the finger; denied involvement; deny responsibility; implicate;
            allege; alleged; responsibility""",
    },
}


def _parse_word(raw: str) -> tuple[str, str | None]:
    word, _, pos = raw.partition("/")
    return word.lower(), (pos or None)


def _patterns() -> list[Pattern]:
    found: list[Pattern] = []
    for group, kinds in _LEXICON.items():
        for kind, text in kinds.items():
            for phrase in _split(text):
                words = tuple(_parse_word(w) for w in phrase.replace("-", " ").split())
                found.append(Pattern(words=words, group=group, kind=kind))
    return found


PATTERNS: tuple[Pattern, ...] = tuple(_patterns())


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Groups whose events are ACLED political violence or demonstrations (not crime, disasters, ...).
NON_ACLED_GROUPS = frozenset({"crime", "natural", "manmade", "diplomacy", "attribution"})

# ---------------------------------------------------------------------------
# Nouns that tell what kind of actor a phrase names (lemmas).

CIVILIAN_NOUNS = _words(
    """
    civilian villager resident people person man woman child children kid boy girl baby
    infant farmer worshipper worshiper student pupil teacher journalist reporter doctor
    nurse patient passenger pilgrim shepherd herder herdsman trader shopkeeper merchant
    motorist driver refugee evacuee migrant idp family families household elder inhabitant
    citizen fisherman miner worker labourer laborer priest imam cleric pastor monk
    villagers residents bystander pedestrian commuter tourist vendor aid-worker
    volunteer mourner guest youth youngster teenager mother father wife husband son
    daughter brother sister others local locals community communities parishioner
    congregant
    """
)
PROTESTER_NOUNS = _words(
    """
    protester protestor demonstrator marcher striker activist crowd rally-goer
    """
)
RIOTER_NOUNS = _words("rioter looter mob vigilante")
STATE_FORCE_NOUNS = _words(
    """
    soldier troop troops army military police policeman policemen policewoman officer
    gendarme gendarmerie guard commando marine navy regime force forces serviceman
    servicemen security government authority authorities ministry junta paratrooper
    coastguard trooper
    """
)
ARMED_NOUNS = _words(
    """
    rebel militant insurgent jihadist fighter militia militiaman militiamen gunman
    gunmen bandit terrorist extremist guerrilla guerilla separatist mujahideen combatant
    attacker assailant raider insurgency group faction loyalist sniper recruit kidnapper
    """
)
UNIDENTIFIED_NOUNS = _words(
    """
    gunman gunmen assailant attacker raider kidnapper abductor bandit
    """
)
MILITARY_TARGET_NOUNS = _words(
    """
    position positions base outpost checkpoint convoy barracks post garrison patrol
    stronghold trench headquarters bunker frontline front line
    """
)
TERRITORY_NOUNS = _words(
    """
    town village city area district region territory neighbourhood neighborhood hill
    hilltop province county locality settlement airport airbase crossing border road
    highway bridge port island valley mountain oilfield field camp quarter suburb
    outskirts countryside enclave pocket municipality governorate zone
    """
)
WEAPON_NOUNS = _words(
    """
    weapon weapons arm arms ammunition ammo explosive explosives bomb ied ieds mine
    landmine rocket missile drone grenade rifle gun firearm cache depot device shell
    mortar launcher vest munition munitions
    """
)
BASE_NOUNS = _words(
    """
    base headquarters hq outpost camp garrison command office barracks checkpoint post
    airstrip airbase station
    """
)
PROPERTY_NOUNS = _words(
    """
    house home building shop store market office property properties church mosque
    school hospital vehicle car truck warehouse crop crops field granary livestock
    cattle hut homestead structure facility
    """
)

# Nouns a chemical-weapon phrase can modify without the agent being used ("a chemical
# weapons depot", "the chemical weapons programme"). ACLED codes a chemical weapon only
# when the agent is the means of the attack, so such a phrase is no chemical cue.
CHEMICAL_HOLDING_NOUNS = _words(
    """
    facility site plant factory depot stockpile storage store program programme arsenal
    inspector inspection watchdog convention prohibition production research centre center
    lab laboratory warehouse plan capability capacity stock destruction
    """
)

# Verbs a weapon noun is the subject or means of when it carries out the attack.
WEAPON_VERBS = _words(
    """
    hit strike kill wound injure land explode detonate target pound slam rain destroy
    damage fall struck killed wounded injured landed exploded pounded
    """
)
# "launched an attack": the light verb's subject is the event's agent.
LIGHT_VERBS = _words(
    """
    launch carry conduct stage mount perpetrate commit unleash claim come begin start
    continue lead order
    """
)

# Words that govern an event and change whether it happened.
DENIAL_VERBS = _words("deny refute dismiss reject")
THREAT_VERBS = _words("threaten warn vow pledge swear promise")
PLAN_VERBS = _words(
    """
    plan intend prepare schedule organise organize aim expect seek want propose call
    urge announce consider mull talk discuss plot conspire
    """
)
PLAN_NOUNS = _words("plan plans call calls preparation intention proposal plot plots")
THREAT_NOUNS = _words("threat threats warning ultimatum")
HYPOTHETICAL_NOUNS = _words("fear fears risk possibility prospect danger")
HYPOTHETICAL_MODALS = _words("could might may would should")
FUTURE_MODALS = _words("will shall 'll")
