"""Class prototypes for embedding-based typing: a description and example sentences per class.

The team wrote every sentence here, paraphrasing ACLED's public definitions of
its sub-event types and the usual wording of news reports. Places and groups
are real or invented at random; no sentence is taken from any data set.
"""

from __future__ import annotations

from crosswire.events import ontology as on

PROTOTYPES: dict[str, tuple[str, ...]] = {
    on.ARMED_CLASH: (
        "Armed clash: two organised armed groups fight each other with guns.",
        "Soldiers and rebels exchanged fire for several hours on the outskirts of the town.",
        "Heavy fighting broke out between the army and insurgents near the border.",
        "Militants ambushed a military patrol, sparking a gun battle that left five soldiers dead.",
        "Two rival militias clashed over control of a checkpoint on the highway.",
        "Government troops repelled an assault by jihadists on their base overnight.",
        "Security forces killed three gunmen in a firefight in the forest.",
        "Fighters from the armed group attacked an army post and were pushed back after a battle.",
    ),
    on.GOV_REGAINS: (
        "Government regains territory: state forces retake a place held by a non-state group.",
        "The army said it had recaptured the town from the rebels after a week-long offensive.",
        "Government troops regained control of several villages previously held by militants.",
        "Security forces liberated the district from the insurgents on Monday.",
        "The military retook the strategic hill that the jihadists had seized last month.",
        "Pro-government forces drove the fighters out of the city and restored state control.",
    ),
    on.NSA_OVERTAKES: (
        "Non-state actor overtakes territory: a rebel or militant group seizes control of a place.",
        "Rebels captured the town after government soldiers fled their positions.",
        "Militants seized control of the district headquarters and raised their flag.",
        "The insurgent group took over several villages in the north of the province.",
        "Jihadist fighters overran an army base and now control the surrounding area.",
        "The separatists announced that the city had fallen into their hands.",
    ),
    on.CHEMICAL: (
        "Chemical weapon: an attack using toxic chemicals such as chlorine, sarin or mustard gas.",
        "Residents reported choking and foaming at the mouth after a suspected gas attack.",
        "Inspectors concluded that sarin had been used against civilians in the town.",
        "Helicopters dropped barrels filled with chlorine on the neighbourhood, doctors said.",
        "Dozens were treated for symptoms of exposure to a toxic agent after the bombardment.",
        "The watchdog confirmed the use of mustard gas during the fighting.",
    ),
    on.AIR_STRIKE: (
        "Air/drone strike: bombs or missiles dropped or fired from aircraft or drones.",
        "Warplanes bombed a market in the rebel-held town, killing at least ten people.",
        "A drone strike hit a car carrying two militant commanders.",
        "Coalition jets carried out air raids on positions of the armed group overnight.",
        "Military helicopters struck the village, residents said.",
        "An unmanned aerial vehicle targeted a vehicle on the highway.",
        "Fighter aircraft pounded the mountain hideouts of the insurgents.",
    ),
    on.SUICIDE_BOMB: (
        "Suicide bomb: an attacker detonates explosives on their body or in their vehicle.",
        "A suicide bomber blew himself up at the entrance of a crowded mosque.",
        "An attacker wearing an explosive vest detonated it among worshippers.",
        "A suicide car bomb rammed into the gate of the army base.",
        (
            "The assailant set off his explosives belt near a police checkpoint, killing "
            "himself and "
            "six others."
        ),
        "A female suicide bomber struck a busy market in the city.",
    ),
    on.SHELLING: (
        (
            "Shelling/artillery/missile attack: artillery, mortars, rockets or missiles "
            "fired from a "
            "distance."
        ),
        "Rebels shelled the government-held district with mortars, wounding several residents.",
        "Artillery fire hit residential areas of the city overnight.",
        "Rockets fired from across the border landed in a border town.",
        "The army pounded the rebel positions with heavy artillery.",
        "A ballistic missile struck an industrial area of the capital.",
        "Mortar rounds fell near the presidential palace.",
    ),
    on.REMOTE_EXPLOSIVE: (
        (
            "Remote explosive/landmine/IED: a bomb, landmine or improvised explosive device "
            "set off "
            "without the attacker present."
        ),
        "A roadside bomb exploded as an army convoy passed, killing two soldiers.",
        "A landmine blast killed a shepherd and his son in the fields.",
        "A car bomb went off outside a government building in the capital.",
        "An improvised explosive device planted under a bridge was detonated remotely.",
        "A bomb hidden in a motorcycle exploded in a busy market.",
        "A vehicle struck a mine on the road to the village.",
    ),
    on.GRENADE: (
        "Grenade: a hand grenade or similar thrown explosive is used in an attack.",
        "Unknown attackers hurled a grenade into a bar, injuring several customers.",
        "A grenade was thrown at a police station overnight.",
        "Militants lobbed a hand grenade at security forces in the market.",
        "A man on a motorbike tossed a grenade into the crowd.",
        "Two people were hurt when a grenade exploded in front of a shop.",
    ),
    on.SEXUAL_VIOLENCE: (
        "Sexual violence: rape, sexual assault or sexual abuse by armed or violent actors.",
        "Soldiers raped women during a raid on the village, witnesses said.",
        "Armed men sexually assaulted two girls collecting firewood.",
        "Militia members were accused of gang rape of displaced women.",
        "A teenage girl was abducted and raped by fighters of the armed group.",
        "Survivors described sexual abuse by guards at the detention centre.",
    ),
    on.ATTACK: (
        "Attack: an armed group or person attacks unarmed civilians.",
        "Gunmen opened fire on villagers, killing seven people.",
        "Unknown assailants shot dead a local journalist outside his home.",
        "Militants stormed a village and massacred residents.",
        "Armed men attacked a bus carrying passengers on the highway.",
        "A farmer was hacked to death by herders in his field.",
        "Bandits killed several people in an attack on a market.",
        "A teacher was stabbed to death by unknown attackers.",
    ),
    on.ABDUCTION: (
        "Abduction/forced disappearance: people are kidnapped, taken hostage or made to disappear.",
        "Gunmen kidnapped twenty students from their school.",
        "Armed men abducted a local official and demanded a ransom.",
        "The activist was taken by unidentified men and has not been seen since.",
        "Militants took several aid workers hostage.",
        "Families say their sons were forcibly disappeared by security agents.",
    ),
    on.PEACEFUL_PROTEST: (
        "Peaceful protest: demonstrators gather without violence and without being met with force.",
        "Thousands of people marched peacefully through the capital demanding reforms.",
        "Teachers staged a sit-in outside the ministry over unpaid salaries.",
        "Residents rallied in the main square to protest against rising prices.",
        "Students held a demonstration calling for the release of detained activists.",
        "Workers went on strike and picketed the factory gates.",
        "Women held a vigil to demand justice for the victims.",
    ),
    on.PROTEST_INTERVENTION: (
        (
            "Protest with intervention: a peaceful protest is dispersed or suppressed by "
            "authorities "
            "with non-lethal force or arrests."
        ),
        "Police fired tear gas to disperse hundreds of protesters in the city centre.",
        "Security forces broke up the demonstration and arrested dozens of participants.",
        "Riot police used water cannon against marchers outside parliament.",
        "Officers detained several activists who were protesting peacefully.",
        "Police dispersed a sit-in with batons and rubber bullets.",
    ),
    on.EXCESSIVE_FORCE: (
        (
            "Excessive force against protesters: authorities use lethal force or severe violence "
            "against demonstrators."
        ),
        "Security forces opened fire on protesters, killing at least five people.",
        "Soldiers shot live ammunition at demonstrators, leaving dozens dead.",
        "Police beat protesters to death during the rally, witnesses said.",
        "Troops killed several demonstrators when they fired on the crowd.",
        "Activists said snipers shot dead peaceful marchers.",
    ),
    on.VIOLENT_DEMONSTRATION: (
        (
            "Violent demonstration: demonstrators engage in violence or destruction, such as "
            "rioting, burning or stone-throwing."
        ),
        "Rioters torched cars and threw stones at police after the verdict.",
        "Angry protesters set fire to a police station and blocked roads with burning tyres.",
        "Demonstrators clashed with security forces and vandalised government offices.",
        "The protest turned violent as youths smashed shop windows.",
        "Protesters stormed the governor's office and ransacked it.",
    ),
    on.MOB_VIOLENCE: (
        "Mob violence: a crowd attacks people or property without organised political aims.",
        "A mob lynched a man suspected of stealing a motorbike.",
        "An angry crowd beat two suspected thieves to death.",
        "Villagers attacked and burned the homes of a family accused of witchcraft.",
        "A mob stormed a police station and killed a detained suspect.",
        "Vigilantes set upon a group of travellers they accused of kidnapping.",
    ),
    on.AGREEMENT: (
        "Agreement: actors agree to a ceasefire, peace deal, prisoner exchange or other accord.",
        "The warring parties signed a ceasefire agreement in the capital.",
        "The government and the rebel group reached a peace deal after months of talks.",
        "Both sides agreed to exchange prisoners under the deal.",
        "Community leaders brokered a truce between the two clans.",
        "The militia agreed to withdraw from the city under the accord.",
    ),
    on.ARRESTS: (
        "Arrests: state forces detain people, such as suspects, officials or members of a group.",
        "Police arrested five suspected members of the militant group in a raid.",
        "Security forces detained a prominent opposition politician at his home.",
        "Authorities rounded up dozens of people suspected of links to the insurgents.",
        "The former minister was taken into custody on Monday.",
        "Soldiers detained several men during a search operation in the village.",
    ),
    on.CHANGE_TO_GROUP: (
        (
            "Change to group/activity: an armed group changes its structure or activity, such as "
            "forming, merging, recruiting, moving troops or appointing leaders."
        ),
        "Two rebel factions announced their merger into a single coalition.",
        "The armed group named a new commander after its leader was killed.",
        "Hundreds of fighters defected from the militia and joined the army.",
        "The military deployed additional troops and armoured vehicles to the border.",
        "The group has been recruiting child soldiers in the region, a report said.",
        "Fighters of the armed group surrendered their weapons to the authorities.",
    ),
    on.DISRUPTED_WEAPONS: (
        (
            "Disrupted weapons use: an attack is prevented, such as a bomb defused, weapons seized "
            "or a missile intercepted."
        ),
        "Bomb disposal experts defused an explosive device found near the school.",
        "Police seized a large cache of weapons and explosives in a raid.",
        "Air defences intercepted and destroyed two drones over the city.",
        "Security forces foiled a plot to bomb a church.",
        "Soldiers discovered and destroyed an improvised explosive device on the road.",
        "The army shot down a rocket fired towards the airport.",
    ),
    on.HQ_ESTABLISHED: (
        "Headquarters or base established: an armed group sets up a base, headquarters or camp.",
        "The militants established a new base in the forest near the border.",
        "The armed group set up its headquarters in the captured town.",
        "Foreign troops built a new military outpost in the province.",
        "The rebels opened a training camp in the mountains.",
        "The militia has installed a command post in the old school building.",
    ),
    on.LOOTING: (
        (
            "Looting/property destruction: property is looted, burned or destroyed without "
            "an attack "
            "on people."
        ),
        "Armed men looted shops and set houses on fire in the village.",
        "Soldiers ransacked and burned homes after the residents fled.",
        "Unknown people torched a school building overnight.",
        "Militia members plundered livestock and food stores.",
        "Bulldozers demolished dozens of homes in the neighbourhood.",
    ),
    on.NONVIOLENT_TRANSFER: (
        (
            "Non-violent transfer of territory: control of a place passes from one actor to "
            "another "
            "without fighting."
        ),
        "The army withdrew from the town and handed it over to local police.",
        "Rebel fighters pulled out of the city under a negotiated deal.",
        "The militia ceded control of the border crossing to government forces without a fight.",
        "Foreign troops left the base and handed it to the national army.",
        "The insurgents evacuated their positions and the military moved in peacefully.",
    ),
    on.OTHER: (
        (
            "Other: a notable political violence development that fits no other category, "
            "such as a "
            "mass grave found."
        ),
        "A mass grave containing dozens of bodies was discovered near the town.",
        "Investigators exhumed remains of people killed during the conflict.",
        "Bodies of executed men were found dumped by the roadside.",
        "The remains of missing fighters were recovered from a well.",
    ),
    on.ORGANISED_CRIME: (
        "Organised crime: drug trafficking, smuggling, robbery, gangs and other criminal activity.",
        "Police seized two tonnes of cocaine and arrested members of the cartel.",
        "A gang of armed robbers raided a bank and escaped with cash.",
        "Smugglers were caught moving fuel and cigarettes across the border.",
        "Rival drug gangs fought over territory in the slum.",
        "The trafficking ring was dismantled after a year-long investigation.",
        "Criminals extorted money from shop owners in the district.",
    ),
    on.NATURAL_DISASTER: (
        (
            "Natural disaster: earthquakes, floods, storms, landslides, droughts, wildfires and "
            "other natural hazards."
        ),
        "A powerful earthquake shook the region, destroying hundreds of homes.",
        "Floods after heavy rain killed dozens of people and displaced thousands.",
        "A cyclone made landfall, uprooting trees and cutting power.",
        "A landslide buried a village after days of torrential rain.",
        "Wildfires swept through the hills, forcing residents to flee.",
    ),
    on.MANMADE_DISASTER: (
        (
            "Man-made disaster: accidents such as fires, explosions at factories, crashes, "
            "collapses "
            "and spills."
        ),
        "A fire broke out in a garment factory, killing several workers.",
        "A gas cylinder exploded in a restaurant, injuring ten people.",
        "A passenger train derailed, leaving dozens injured.",
        "A building under construction collapsed, trapping workers under the rubble.",
        "An overloaded boat capsized on the river, and many passengers drowned.",
        "An oil tanker overturned and caught fire on the highway.",
    ),
    on.DIPLOMACY: (
        (
            "Diplomacy: diplomatic meetings, visits, talks, statements and relations between "
            "governments."
        ),
        "The foreign minister met his counterpart to discuss bilateral relations.",
        "The president arrived in the capital for a two-day state visit.",
        "The country expelled two diplomats and recalled its ambassador.",
        "Leaders gathered at the summit to discuss regional security.",
        "The two governments agreed to restore diplomatic ties.",
        "The envoy held talks with officials on humanitarian access.",
    ),
    on.ATTRIBUTION: (
        "Attribution: an actor claims or is blamed for responsibility for an attack or event.",
        "The militant group claimed responsibility for the bombing in a statement.",
        "The government blamed the rebels for the attack on the village.",
        "Officials accused a neighbouring country of being behind the explosion.",
        "No group has yet claimed the attack, but suspicion fell on the insurgents.",
        "The army held the armed group responsible for the killings.",
    ),
}
