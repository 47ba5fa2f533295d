"""Word lists (lowercase) that decide what a demonym, a title or a place name stands for."""

from __future__ import annotations

import re

from crosswire.actors.dictionary import Branch, _words

# --------------------------------------------------------------------------
# Word lists (lowercase). They decide what a demonym or a place name stands for.

_COMMUNICATION_VERBS = _words(
    """say tell announce deny warn claim accuse condemn reject demand respond threaten insist
    agree sign order impose call urge vow confirm blame refuse propose offer negotiate recognise
    recognize expel summon pledge dismiss welcome seek accept approve oppose decide criticise
    criticize protest sanction support back fund arm supply send ban suspend recall host veto
    vote push press declare acknowledge admit allege argue stress reiterate express signal
    consider plan want hope expect believe fear suspect intend try join sever restore resume
    halt freeze lift extend renew issue release publish report note add state maintain contend
    counter slam hail praise thank congratulate mediate broker request ask invite promise commit
    ratify adopt endorse reaffirm withdraw designate label arrest detain sentence execute
    extradite appoint name nominate retaliate lodge boycott decline rule insist reach"""
)
_MILITARY_VERBS = _words(
    """strike launch attack shell bomb fire target hit invade deploy shoot intercept advance
    capture seize retake recapture occupy bombard raid mobilise mobilize kill destroy repel
    storm encircle besiege pound ambush assault airlift conduct carry escalate mass amass
    station patrol drop fight"""
)
_OBJECT_VERBS = _words(
    """accuse urge warn condemn sanction blame criticise criticize pressure press tell ask thank
    praise support back arm fund recognise recognize court lobby persuade convince invite
    reassure rebuke slam hail congratulate sue punish isolate engage call defend"""
)
_READY_ADJECTIVES = _words(
    "ready willing open prepared determined committed opposed keen eager unwilling reluctant"
)
_DIPLOMATIC_NOUNS = _words(
    """talk talks negotiation negotiations deal agreement relation relations tie ties meeting
    accord ceasefire truce dialogue summit sanction sanctions pressure rapprochement
    normalisation normalization cooperation alliance pact contact contacts dispute rift tension
    tensions standoff confrontation war row spat feud channel mediation peace friendship
    partnership exchange exchanges action measures"""
)
_DIPLOMATIC_PREPOSITIONS = frozenset({"with", "between", "on", "against"})
# Verbs a place is the subject of: "Kyiv woke to sirens", "Syria has seen ten years of war".
_PLACE_SUBJECT_VERBS = _words(
    """be have see witness suffer experience face endure lie sit border remain become fall get
    undergo boast house contain include cover stretch rank account brace wake shake rock lose
    descend plunge slide sink burn erupt tremble echo go come look seem appear feel sound stand
    stay grow shrink expand swell rely depend lack run enjoy mark celebrate mourn gather reel
    recover struggle bear host need count number total"""
)
# A capital stands for its government where a country name would be the land:
# "Damascus has relied on local deals" but "Syria relies on imported wheat".
_CAPITAL_PLACE_SUBJECT_VERBS = _PLACE_SUBJECT_VERBS - _words("rely depend struggle count need")
_WITH_VERBS = _words(
    """cooperate coordinate share meet talk negotiate agree sign discuss work ally side consult
    confer reconcile trade deal normalise normalize engage"""
)
_CLASH_VERBS = _words("clash fight battle skirmish war")
_GIVING_VERBS = _words(
    """give supply sell provide hand transfer pay grant export apologize apologise appeal write
    speak talk complain protest offer lend donate"""
)
_AID_NOUNS = _words(
    """aid assistance support grant grants loan loans weapons arms help apology offer
    ultimatum message letter request appeal reminder warning note invitation protest"""
)

_MILITARY_NOUNS = _words(
    """troop troops soldier soldiers force forces army military jet jets warplane warplanes
    plane planes aircraft drone drones helicopter helicopters gunship gunships artillery tank
    tanks navy warship warships submarine missile missiles strike strikes airstrike airstrikes
    bombardment shelling raid raids offensive assault attack attacks operation operations unit
    units battalion brigade brigades division regiment commando commandos marine marines
    paratrooper paratroopers sniper snipers gunboat frigate bomber bombers convoy patrol
    patrols invasion incursion shell shells bombing bombings counteroffensive
    counter-offensive personnel contingent peacekeepers sailors airmen guard guards"""
)
_GOVERNMENT_NOUNS = _words(
    """government regime official officials authorities authority ministry minister
    president diplomat diplomats embassy envoy ambassador administration cabinet spokesman
    spokeswoman spokesperson delegation negotiator negotiators leader leaders leadership
    intelligence parliament lawmakers prosecutors prosecutor junta presidency premier
    chancellor king emir"""
)
_POLICE_NOUNS = _words("police policeman policemen gendarme gendarmes gendarmerie")
_CATEGORY_NOUNS: dict[str, str] = {
    "protester": "protesters",
    "protesters": "protesters",
    "protestor": "protesters",
    "protestors": "protesters",
    "demonstrator": "protesters",
    "demonstrators": "protesters",
    "rioter": "rioters",
    "rioters": "rioters",
    "civilian": "civilians",
    "civilians": "civilians",
    "villager": "civilians",
    "villagers": "civilians",
    "gunman": "uag",
    "gunmen": "uag",
    "assailant": "uag",
    "assailants": "uag",
    "bandit": "uag",
    "bandits": "uag",
}
# Armed nouns a demonym points at without naming a branch: "Palestinian gunmen".
_DEMONYM_ARMED_NOUNS = _words(
    "militant militants insurgent insurgents rebel rebels jihadist jihadists separatist "
    "separatists militia militias militiaman militiamen"
)
# Of those, the ones that name an opposition side: ACLED's generic rebels of the country
# ("Syrian rebels", "a Syrian rebel Islamist group"), not an unidentified armed group.
_DEMONYM_REBEL_NOUNS = _words("rebel rebels insurgent insurgents")
# Modifiers that take a noun away from the state: "Ugandan opposition candidates".
_NOT_THE_STATE = _words("opposition dissident dissidents exiled exile anti-government")
# What a "-backed" modifier may describe when no known actor is named there.
_BACKED_ARMED_NOUNS = _words(
    """militia militias group groups rebels rebel fighters fighter forces force separatists
    proxies proxy gunmen militants paramilitary paramilitaries insurgents faction factions
    militiamen"""
)
_BACKING_WORDS = _words(
    """backed supported sponsored funded armed trained aligned allied affiliated linked led
    equipped financed"""
)
_BACKING_VERBS = _words("back support sponsor fund arm train finance equip")
_POSSESSED_GOVERNMENT = _words(
    """decision response offer proposal support backing demand demands statement position
    refusal ally allies proxy proxies stance policy leadership government regime
    administration envoy ambassador representative delegation spokesman spokeswoman warning
    threat plan plans intention approach strategy announcement reaction war sanctions
    diplomats officials efforts effort wish request appeal bid call calls commitment objection
    objections concerns concern conditions initiative move moves claim claims accusation
    accusations denial apology pledge promise veto vote recognition withdrawal intervention
    involvement role influence interests ambitions message invitation aid assistance help
    blessing approval consent participation rejection threats ultimatum friendship mediation
    cabinet parliament court courts rulers ruler legislature assembly ministry ministries
    presidency junta"""
)
# What a state does, named after its demonym: "US mediation", "a Russian proposal".
_STATE_ACTIVITY_NOUNS = _words(
    """proposal offer decision response demand demands statement position refusal stance policy
    warning threat plan announcement reaction sanctions mediation initiative veto pledge
    backing recognition invitation ultimatum accusation accusations objection objections
    request appeal bid delegation negotiators negotiator diplomats diplomacy"""
)
_POSSESSIVES = frozenset({"'s", "’s", "'", "’"})

# Titles. A title block is a run of these words with at least one core title.
_CORE_TITLES: dict[str, Branch] = {
    **dict.fromkeys(
        _words(
            """president vice-president premier minister chancellor king queen prince emir
            sultan monarch ayatollah ambassador envoy diplomat secretary spokesman spokeswoman
            spokesperson official governor negotiator adviser advisor leader chief head chairman
            chairwoman director speaker mayor founder"""
        ),
        "gov",
    ),
    **dict.fromkeys(
        _words(
            """commander commander-in-chief general gen. gen maj. lt. col. brig. colonel
            lieutenant major brigadier admiral marshal captain capt. sergeant sgt. officer"""
        ),
        "mil",
    ),
}
_TITLE_MODIFIERS = _words(
    """foreign defence defense interior prime vice deputy acting interim senior top military
    army navy naval air force police security intelligence political bureau politburo
    national armed forces of staff state - crown supreme de facto self proclaimed styled
    affairs information media regional provincial local joint field chief general former
    ex ex- in elect president-elect first assistant new newly elected incoming outgoing junior
    religious spiritual"""
)
_MILITARY_TITLE_MODIFIERS = frozenset({"military", "army", "armed", "navy", "naval", "air"})
_MINISTER_TITLES = frozenset({"minister", "secretary", "premier"})
_FORMER = frozenset({"former", "ex", "ex-", "late"})

# Definite descriptions that point back to an actor: head noun -> compatible kinds.
_GOVERNMENT_KINDS = frozenset({"government"})
_MILITARY_KINDS = frozenset({"military"})
_NON_STATE_KINDS = frozenset(
    {"rebel_group", "political_militia", "identity_militia", "unidentified_armed_group"}
)
_GROUP_NOUNS = _words("group organisation organization movement faction outfit network")
_DESCRIPTIONS: dict[str, frozenset[str]] = {
    **dict.fromkeys(
        _words("regime government administration authorities cabinet leadership"),
        _GOVERNMENT_KINDS,
    ),
    "junta": _GOVERNMENT_KINDS | _MILITARY_KINDS,
    **dict.fromkeys(_words("army military troops soldiers"), _MILITARY_KINDS),
    "police": frozenset({"police"}),
    **dict.fromkeys(_GROUP_NOUNS, _NON_STATE_KINDS),
    **dict.fromkeys(
        _words("""militants insurgents jihadists extremists rebels fighters guerrillas terrorists
        separatists militia militias militiamen islamists"""),
        _NON_STATE_KINDS,
    ),
}
_FORCES_MODIFIERS = frozenset({"armed", "security", "government"})
_DESCRIPTION_DETERMINERS = frozenset({"the", "this", "that", "these", "those"})

# Generic words for a state's forces. With no demonym, name or antecedent they
# are the forces of the country the clause is set in, else of the article's state.
_STATE_FORCE_NOUNS: dict[str, Branch] = {
    **dict.fromkeys(_words("army military troops troop soldiers soldier"), "mil"),
    **dict.fromkeys(_words("police policeman policemen gendarmes gendarme gendarmerie"), "pol"),
}
_INSTITUTION_NOUNS = _words("army military police gendarmerie force forces")  # not "an army"
# What "army" or "police" may modify and still be the force acting: "army units".
_FORCE_PART_NOUNS = _MILITARY_NOUNS | _words("vehicles vehicle cars trucks armour armor")
# Words that make "forces" the state's and may stand in a generic state-force phrase.
_STATE_FORCE_MODIFIERS: dict[str, Branch | None] = {
    **dict.fromkeys(_words("government regime state pro-government army military armed"), "mil"),
    **dict.fromkeys(_words("security police riot"), "pol"),
    **dict.fromkeys(_words("national federal local special regular loyalist"), None),
}
# A government or its forces that is named by the place it sits: "in Aden".
_LOCATIVE_PREPOSITIONS = _words("in inside across throughout")
_PLACE_NOUNS = _words(
    """city town village province port capital coast countryside region territory district
    governorate desert suburbs outskirts"""
)

# Things a demonym can describe on its way to an attack word ("a Syrian weapons depot
# blast", "a Russian base attack"): it says whose the thing is, not whose the attack.
_DESCRIBED_NOUNS = _PLACE_NOUNS | _words(
    """town village city neighbourhood neighborhood border depot depots warehouse base bases
    airbase airport hospital school market embassy consulate camp checkpoint building"""
)

# Ministries are the government (ACLED codes them so); the words that name one.
_MINISTRY_NOUNS = _words("ministry ministries")
_MINISTRY_TOPICS = _words(
    """interior defence defense foreign health justice finance information education
    electricity energy oil economy agriculture water affairs home public security
    communications culture religious endowments transport"""
)
_OWNER_MARKERS = _BACKING_WORDS | _words("run controlled held own")

# Communal militias: the armed men of one place ("local fighters", "gunmen from Tafas").
_COMMUNAL_HEADS = _words("fighters gunmen militiamen rebels combatants militia militias")
_COMMUNAL_MODIFIERS = _words("local former ex ex- - opposition rebel armed tribal")
_SETTLEMENT_NOUNS = _words("town village city hamlet neighbourhood neighborhood suburb camp")
_AREA_NOUNS = _words("province governorate region district state county")
_PLACE_PREPOSITIONS = _words("in into near toward towards outside inside around across")
_OF_PLACE_HEADS = (
    _SETTLEMENT_NOUNS
    | _AREA_NOUNS
    | _words(
        """outskirts edge centre center heart suburbs countryside north south east west northeast
    northwest southeast southwest"""
    )
)
_SETTLEMENT_PREPOSITIONS = _words("in from of inside near into at to toward towards outside")
# Verbs whose object is a place and never a person: "entered Tafas", "fled Tafas".
_ENTERING_VERBS = _words("enter storm besiege shell bombard reach overrun encircle leave flee")
# spaCy often takes a small town for a person; a real person is linked (covered) first.
_NOT_TOWNS = frozenset({"DATE", "TIME", "NORP", "CARDINAL", "ORDINAL", "MONEY", "EVENT"})

# A year in a clause dates it, except where the clause runs on from it ("since 2018").
_SINCE_WORDS = _words("since from")
_BEFORE_WORDS = _words("before until till prior")
_AFTER_WORDS = _words("after")
_CLAUSE_DEPS = _words("ccomp advcl relcl conj parataxis xcomp")

# Guarded abbreviations that are also English words: rejected where they read as one.
_WORD_ABBREVIATIONS = frozenset({"is", "as", "us", "am", "an", "or", "it", "no", "so", "do", "be"})
_ABBREVIATION_CONTEXT_NOUNS = _words(
    """fighter fighters militant militants group members member force forces troops cell cells
    commander commanders leader leaders spokesman attack attacks claim stronghold strongholds
    territory insurgents insurgency rebel rebels soldiers positions position unit units militia
    operatives jihadists affiliate branch offensive control ranks chief emir supporters
    recruits recruitment propaganda statement statements ambush raid raids captives hostages
    loyalists combatants"""
)
_ABBREVIATION_CONTEXT_BEFORE = _words(
    """by against with from of and to between join joined joining fight fighting fought defeat
    defeated targeting target targeted versus vs. vs former ex"""
)
_SUBJECT_WORDS = frozenset({"there", "this", "what", "who", "which", "it"})
_ABBREVIATION_CONTEXT_AFTER_HYPHEN = _words(
    "held controlled linked affiliated led run aligned allied inspired claimed"
)

# Arabic articles written with a hyphen or a space ("al-Nusra", "al Nusra").
_ARTICLE_HYPHEN = re.compile(r"\b(al|el|ad|an|ar|as|ash|at|az|adh|ul)-(?=\w)", re.IGNORECASE)
# Particles that need not be capitalised in the text even when the alias capitalises them.
_PARTICLES = _words(
    "al el ad an ar as ash at az adh ul bin ibn bint wa wal of the and in for to de du la le des"
    " i e"
)
_BACKED_TOKEN = re.compile(r"^(?P<owner>.+)-(?P<word>[a-z]+)$")
