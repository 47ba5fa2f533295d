"""Events that happened, one incident each: realis flags, the Attack that folds into the
strike that did it, the event's confidence and reasons, and the registry's field-level
order check. The sentences are the team's own."""

from __future__ import annotations

import pytest

from crosswire.errors import ConfigError
from crosswire.events import confidence, realis
from crosswire.events import ontology as on
from crosswire.events.extract import extract_events
from crosswire.model import Analysis, Article, DateMention, Figure, Mention, Place
from crosswire.nlp import load_nlp
from crosswire.registry import check_order, stage

pytestmark = pytest.mark.slow
ARTICLE = "art_realis"


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return load_nlp()


def flag(nlp, text: str, trigger: str, toll: int | None = None) -> str:  # type: ignore[no-untyped-def]
    sentence = next(iter(nlp(text).sents))
    anchor = next(t for t in sentence if t.text == trigger)
    return realis.refine("asserted", anchor, sentence, toll)


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("The foreign minister condemned the bombing of the hospital.", "bombing", "reaction"),
        ("Rights groups denounced the shelling of the market.", "shelling", "reaction"),
        ("Air strikes have killed 900 civilians since March.", "killed", "cumulative"),
        ("Shelling killed 40 people so far this year in the valley.", "killed", "cumulative"),
        ("Some 300 fighters died during the five-month offensive.", "died", "cumulative"),
        ("The war has killed 1,200 people in the province.", "killed", "cumulative"),
        ("Perhaps the raids will push the rebels back.", "raids", "hypothetical"),
        ("Officials discussed possible strikes on the depot.", "strikes", "hypothetical"),
        ("A boy walks past rubble after an air strike on the town.", "strike", "caption"),
        ("Jets bombed the village of Tel Amar on Monday, killing nine.", "bombed", "asserted"),
        ("Shelling killed 12 people since Saturday in the old city.", "killed", "asserted"),
        # running totals: a rough count in the perfect, a span under a month
        ("Drone strikes have killed hundreds of herders in the north.", "strikes", "cumulative"),
        ("Feuding in under one month has killed 80 men.", "killed", "cumulative"),
        ("Clashes in less than three weeks have killed 200 fighters.", "Clashes", "cumulative"),
        ("Hundreds of people were killed in the blast on Friday.", "blast", "asserted"),
        # states and efforts over time, settings conceded
        ("The army has been trying to take Tel Amar for more than two years.", "take", "ongoing"),
        (
            "The valley has been under siege for a year as troops try to break the lines.",
            "break",
            "ongoing",
        ),
        ("Elders in the village have had a truce with the army for months.", "truce", "ongoing"),
        (
            "Armed groups continue attempts to storm the hill, the ministry said.",
            "storm",
            "ongoing",
        ),
        ("Nine people died in shelling on Monday despite a ceasefire.", "ceasefire", "ongoing"),
        ("Nine people died in shelling on Monday despite a ceasefire.", "shelling", "asserted"),
        (
            "Jets struck Kafr Dael, a town that has been besieged for two years.",
            "struck",
            "asserted",
        ),
        ("It was the worst shelling in the valley for two years.", "shelling", "asserted"),
        ("Gunmen died in a failed attempt to storm the base on Monday.", "storm", "asserted"),
        ("Militants tried to storm the base on Monday but were repelled.", "storm", "asserted"),
        # tallies over a period told otherwise
        ("Jets have in recent weeks carried out raids across the plain.", "raids", "cumulative"),
        (
            "Since Oct. 3 at least 200 people have been killed by raids on the city.",
            "killed",
            "cumulative",
        ),
        (
            "Hundreds have been killed in the district since the talks collapsed.",
            "killed",
            "cumulative",
        ),
        ("Militia raids lately focused on the market district.", "raids", "cumulative"),
        ("Troops have killed 80 fighters since they attacked on Thursday.", "killed", "asserted"),
        ("A jet crashed on Monday, the worst loss since the mission began.", "crashed", "asserted"),
        # told by how often, with no day and no toll of its own
        ("The district is regularly targeted by government air strikes.", "strikes", "ongoing"),
        ("The airfield has launched countless air raids over the hills.", "raids", "ongoing"),
        (
            "The week-long campaign of bombing has been relentless, a nurse said.",
            "bombing",
            "ongoing",
        ),
        ("Jets carried out repeated strikes on the town on Monday.", "strikes", "asserted"),
        (
            "Militias hold the plain, where the army is fighting to take the dam.",
            "fighting",
            "ongoing",
        ),
        (
            "Rebels are fighting troops in the town on Sunday, a monitor said.",
            "fighting",
            "asserted",
        ),
    ],
)
def test_realis_flags_what_did_not_happen_as_one_incident(nlp, text, trigger, expected):  # type: ignore[no-untyped-def]
    assert flag(nlp, text, trigger) == expected


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("In May last year another car bomb killed 12 people in the square.", "bomb", True),
        ("The bridge was blown up two years ago by retreating troops.", "blown", True),
        ("It was the deadliest bombing in the town since last year.", "bombing", False),
        ("Jets hit Kafr Dael, which rebels took two years ago, on Monday.", "hit", False),
        # the point a span is counted from
        ("The toll is the worst since the army began its offensive in 2019.", "offensive", True),
        ("Rebels have held the ridge since they attacked it on Thursday.", "attacked", False),
    ],
)
def test_an_event_told_a_year_or_more_back_is_history(nlp, text, trigger, expected):  # type: ignore[no-untyped-def]
    sentence = next(iter(nlp(text).sents))
    anchor = next(t for t in sentence if t.text == trigger)
    assert realis.told_as_history(anchor, sentence) is expected


def test_a_conceded_setting_with_a_toll_of_its_own_is_an_incident(nlp):  # type: ignore[no-untyped-def]
    text = "The rebels held the road despite shelling by the army."
    assert flag(nlp, text, "shelling") == "ongoing"
    assert flag(nlp, text, "shelling", toll=9) == "asserted"


def test_a_toll_no_incident_reaches_is_a_tally(nlp):  # type: ignore[no-untyped-def]
    assert flag(nlp, "Bombing killed 25000 people.", "killed", toll=25000) == "cumulative"


def mention(text: str, needle: str) -> Mention:
    start = text.index(needle)
    return Mention(article=ARTICLE, start=start, end=start + len(needle), text=needle)


def test_an_air_strike_that_kills_civilians_stays_remote_violence(nlp):  # type: ignore[no-untyped-def]
    text = "Government warplanes struck the town of Kfar Nabl on Monday, killing seven civilians."
    analysis = Analysis(
        article=ARTICLE,
        places=(
            Place(
                name="Kafr Nabl",
                geonameid=1,
                country_code="SY",
                admin1="Idlib",
                feature="city",
                mentions=(mention(text, "Kfar Nabl"),),
            ),
        ),
        figures=(
            Figure(
                mention=mention(text, "seven"),
                value=7,
                low=7,
                high=None,
                counted="civilians killed",
            ),
        ),
    )
    article = Article(input_sha256="0" * 64, position="0", source="t.txt", format="txt", text=text)
    events = extract_events(nlp(text), analysis, article).events
    violent = [e for e in events if e.event_type != on.STRATEGIC]
    assert [e.event_type for e in violent] == [on.EXPLOSIONS]
    event = violent[0]
    assert event.fatalities == 7
    assert event.civilian_targeting
    assert event.confidence is not None and 0.0 <= event.confidence <= 1.0
    assert "toll=1" in event.reasons
    assert any(r.startswith("trigger=") for r in event.reasons)


def facts(**changes: object) -> confidence.Facts:
    base: dict[str, object] = {
        "sentence": 0,
        "event_type": on.EXPLOSIONS,
        "has_toll": True,
        "place_named": "clause",
        "place_country": "SY",
        "focus_country": "SY",
        "named_actor": True,
        "date_stated": True,
        "depth": 1,
        "extra_sentences": 0,
        "background": False,
        "modality": "asserted",
        "trigger": "struck",
    }
    base.update(changes)
    return confidence.Facts(**base)  # type: ignore[arg-type]


def test_confidence_falls_for_late_foreign_or_flagged_events():
    lead, _ = confidence.score(facts())
    for weaker in (
        facts(sentence=12),
        facts(place_country="RU"),
        facts(modality="reaction"),
        facts(has_toll=False),
    ):
        assert confidence.score(weaker)[0] < lead


def test_flagged_or_unlikely_events_are_hidden_by_default():
    assert confidence.shown({"modality": "asserted", "confidence": 0.9})
    assert not confidence.shown({"modality": "cumulative", "confidence": 0.9})
    assert not confidence.shown({"modality": "asserted", "confidence": 0.0})


def test_the_registry_refuses_events_without_places_before_them():
    names = ["ingest", "extract", "split", "clean", "metadata", "language", "parse"]
    with pytest.raises(ConfigError, match=r"analyses\.places"):
        check_order([*names, "actors", "dates", "figures", "events"])
    assert check_order([*names, "actors", "places", "dates", "figures", "events"])


def test_a_stage_cannot_name_a_field_records_do_not_have():
    with pytest.raises(ValueError, match="unknown corpus field"):
        stage("bogus", needs=["analyses.nowhere"], provides=["analyses"])


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Tags Syria Hama gunmen attacked a checkpoint on Monday.", "Tags Syria Hama"),
        ("Jun 2019 Opposition fighters attacked a checkpoint on Monday.", "Jun 2019 Opposition"),
    ],
)
def test_page_furniture_or_a_date_is_no_actor(nlp, text, name):  # type: ignore[no-untyped-def]
    from crosswire.model import Entity

    wrong = Entity(name=name, kind="organisation", mentions=(mention(text, name),))
    dates = ()
    if text.startswith("Jun 2019"):
        dates = (
            DateMention(
                mention=mention(text, "Jun 2019"),
                start_date="2019-06-01",
                end_date="2019-06-30",
                precision="month",
            ),
        )
    analysis = Analysis(article=ARTICLE, entities=(wrong,), dates=dates)
    article = Article(input_sha256="0" * 64, position="0", source="t.txt", format="txt", text=text)
    events = extract_events(nlp(text), analysis, article).events
    assert events
    assert all(wrong.id not in (e.actor1, e.actor2) for e in events)


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # tallies over the country, several provinces or a week
        ("Shelling killed 30 people across the country on Monday.", "killed", "cumulative"),
        (
            "At least 120 people were killed in fighting in several provinces over the past"
            " 24 hours.",
            "killed",
            "cumulative",
        ),
        ("The week's death toll in the city rose to 300.", "toll", "cumulative"),
        (
            "More than 1,000 people have been killed since the offensive began.",
            "killed",
            "cumulative",
        ),
        # one incident, one place, one day
        ("Gunmen killed 12 people in the town of Tel Amar on Tuesday.", "killed", "asserted"),
        (
            "An air strike on the town of Tel Amar killed 14 people in the past 24 hours.",
            "killed",
            "asserted",
        ),
        ("Shelling killed five people in Tel Amar and its outskirts.", "killed", "asserted"),
        ("Air strikes in Syria killed 20 fighters near the border.", "killed", "asserted"),
        (
            "Jets bombed Tel Amar on Monday, killing nine, as rebels held out in Hama and Idlib.",
            "bombed",
            "asserted",
        ),
    ],
)
def test_a_toll_summed_over_places_is_a_tally(nlp, text, trigger, expected):  # type: ignore[no-untyped-def]
    assert flag(nlp, text, trigger) == expected


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("Just days after a chemical attack, a woman was killed in the town.", "attack", True),
        ("Weeks after the siege, residents returned to the town.", "siege", True),
        ("Days after an attack that killed 20, the town was quiet.", "attack", True),
        ("A day after the strike, rescuers were still digging in the rubble.", "strike", False),
        ("Two civilians died after an air strike hit the town on Monday.", "strike", False),
    ],
)
def test_an_event_a_time_is_told_from_is_background(nlp, text, trigger, expected):  # type: ignore[no-untyped-def]
    sentence = next(iter(nlp(text).sents))
    anchor = next(t for t in sentence if t.text == trigger)
    assert realis.told_as_history(anchor, sentence) is expected


@pytest.mark.parametrize(
    ("text", "sentence", "expected"),
    [
        # a few days' or weeks' toll deep in the body rolls several incidents up
        ("Jets have killed 31 people over the past two days in the valley.", 4, True),
        ("Shelling killed 57 civilians in the last three days, medics said.", 4, True),
        ("At least 64 fighters died in four days of clashes near the dam.", 4, True),
        ("Since Friday, bombing has killed 19 people in the old quarter.", 4, True),
        ("Air raids killed 140 people in a week of fighting in the hills.", 4, True),
        # the same phrasing in the headline or lead tells the report's own battle
        ("Jets have killed 31 people over the past two days in the valley.", 1, False),
        # a setting, a date and a day's count are no multi-day tally
        ("The town fell on Monday after two days of heavy fighting.", 4, False),
        ("Two days ago rebels shelled the market, killing nine.", 4, False),
        # a monitor's day roll-up deep in the body sums that day's incidents
        ("Mortars killed 8 people in the past 24 hours in the city.", 4, True),
        ("Gunmen shot dead 12 men within the last 48 hours, the group said.", 4, True),
        ("Infighting killed 30 fighters in past few days near the farms.", 4, True),
        ("Mortars killed 8 people in the past 24 hours in the city.", 1, False),
        ("The blast killed 8 people 24 hours after the truce began.", 4, False),
        # counted from what happened on a day, or a battle's week
        ("Since the ceasefire collapsed on Monday, jets have killed 40 in the valley.", 4, True),
        ("In the province 17 people were killed in clashes since Tuesday.", 4, True),
        ("The week of fighting at the airport has left 90 men dead on both sides.", 4, True),
        ("After a week of fighting, rebels stormed the base on Sunday, killing 9.", 4, False),
        ("Rebels have held the ridge since Monday, when they killed 9 soldiers.", 4, False),
        # a week's fighting, a count of days
        ("This week's fighting in the hills has killed 60 fighters, the monitor said.", 4, True),
        ("Last weeks clashes near the dam left 31 men dead.", 4, True),
        ("Raids on the suburbs killed 70 people over three days.", 4, True),
        ("The dam fell on Monday after fighting over three days.", 4, False),
        # two days counted together
        ("The monitor said that on Monday and Tuesday 14 men died in raids nearby.", 4, True),
        ("Between Friday and Sunday shelling killed 21 people in the camp.", 4, True),
        ("On Monday jets killed 14 men and on Tuesday they hit the school.", 4, False),
    ],
)
def test_a_few_days_toll_in_the_body_rolls_up(text, sentence, expected):  # type: ignore[no-untyped-def]
    assert realis.rolls_up(text, sentence, 9) is expected


def test_a_few_days_window_with_no_toll_is_no_tally():  # type: ignore[no-untyped-def]
    text = "It was the second clinic in the province to be hit in four days, doctors said."
    assert realis.rolls_up(text, 4, None) is False


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("2013: a gas attack killed hundreds of people in the suburbs.", "attack", True),
        ("* 2012: - In May the army said troops shelled the town.", "shelled", True),
        ("2016-05-03 Jets bombed the market in the town, killing six.", "bombed", False),
        ("In 2013 a gas attack killed hundreds of people in the suburbs.", "attack", False),
        # a narrative told from an earlier point
        ("Later that month a car bomb killed 14 people at the gate.", "bomb", True),
        ("Later that day a car bomb killed 14 people at the gate.", "bomb", False),
    ],
)
def test_a_year_labelled_chronology_line_is_history(nlp, text, trigger, expected):  # type: ignore[no-untyped-def]
    sentence = next(iter(nlp(text).sents))
    anchor = next(t for t in sentence if t.text == trigger)
    assert realis.told_as_history(anchor, sentence) is expected


def test_a_line_after_a_year_label_split_off_is_history(nlp):  # type: ignore[no-untyped-def]
    doc = nlp("Key dates. 2012 - In May troops shelled the town, killing 40.")
    anchor = next(t for t in doc if t.text == "shelled")
    assert realis.told_as_history(anchor, anchor.sent) is True
    doc = nlp("Troops entered the town. In May troops shelled the town, killing 40.")
    anchor = next(t for t in doc if t.text == "shelled")
    assert realis.told_as_history(anchor, anchor.sent) is False


def _events_of(nlp, text: str, figures: dict[str, int]):  # type: ignore[no-untyped-def]
    analysis = Analysis(
        article=ARTICLE,
        figures=tuple(
            Figure(mention=mention(text, word), value=value, low=value, high=None, counted="killed")
            for word, value in figures.items()
        ),
    )
    article = Article(input_sha256="0" * 64, position="0", source="t.txt", format="txt", text=text)
    return extract_events(nlp(text), analysis, article).events


BODY_TALLY = (
    "The market was busy. Traders had returned last month. Medics worked through the night. "
    "Shelling has killed 57 civilians in the last three days, medics said."
)


def test_a_body_tally_beside_an_incident_with_its_own_toll_is_cumulative(nlp):  # type: ignore[no-untyped-def]
    text = "A car bomb killed nine people at the market on Monday. " + BODY_TALLY
    events = _events_of(nlp, text, {"nine": 9, "57": 57})
    modes = {e.fatalities: e.modality for e in events if e.fatalities}
    assert modes == {9: "asserted", 57: "cumulative"}


def test_a_body_tally_that_is_the_articles_only_toll_stays_the_incident(nlp):  # type: ignore[no-untyped-def]
    text = "A car bomb hit the market on Monday. " + BODY_TALLY
    events = _events_of(nlp, text, {"57": 57})
    assert [e.modality for e in events if e.fatalities] == ["asserted"]


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # a trend in the perfect with no day: how violence changed, not one incident
        ("Army fire on the valley has been on the rise since the truce ended.", "fire", "ongoing"),
        ("The militia has intensified its raids on the hill villages.", "raids", "ongoing"),
        ("Attacks on the convoys have escalated since the talks stalled.", "Attacks", "ongoing"),
        # a day makes it one incident; a trend verb in the past simple tells one
        ("Jets intensified their bombing of Tel Amar on Sunday.", "bombing", "asserted"),
        ("The militia stepped up its raids and killed four herders.", "raids", "asserted"),
    ],
)
def test_a_trend_in_the_perfect_is_no_incident(nlp, text, trigger, expected):  # type: ignore[no-untyped-def]
    assert flag(nlp, text, trigger) == expected


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # a past year hangs on the event's own clause: background, not the report's incident
        ("Under a 2013 deal brokered by Russia, the regime gave up its weapons.", "weapons", True),
        ("The army retook the old city in 2012 after an offensive.", "offensive", True),
        ("In March 2012 troops shelled the district, killing 40.", "shelled", True),
        # a year in a clause of its own, counted from, or the report's own year
        ("Jets bombed the town, which rebels seized in 2012, killing 8.", "bombed", False),
        ("Jets bombed the town, held by rebels since 2012, killing 8.", "bombed", False),
        ("Jets bombed the town in 2016, killing 8 people.", "bombed", False),
        ("On Monday jets bombed the town they lost in 2012.", "bombed", False),
    ],
)
def test_an_event_in_a_past_year_is_background(nlp, text, trigger, expected):  # type: ignore[no-untyped-def]
    sentence = next(iter(nlp(text).sents))
    anchor = next(t for t in sentence if t.text == trigger)
    assert realis.told_in_past_year(anchor, sentence, 2016) is expected


def test_a_tally_since_a_day_of_a_month_told_day_first(nlp):  # type: ignore[no-untyped-def]
    text = "Fighting in the province has killed 210 civilians since 19 February, it said."
    assert flag(nlp, text, "killed", toll=210) == "cumulative"


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        (
            "The council has long demanded that the brigade be dissolved to allow heavier"
            " air strikes on its camps.",
            "strikes",
            "hypothetical",
        ),
        ("The envoy urged the allies to bomb the depots near the port.", "bomb", "hypothetical"),
        # a fact the call names keeps its tense; an inquiry into an attack names the attack
        (
            "Moscow called on Washington to explain why its jets struck the base, killing 40.",
            "struck",
            "asserted",
        ),
        (
            "The agency called for an inquiry into the air strike that killed 12 on Monday.",
            "strike",
            "asserted",
        ),
    ],
)
def test_an_event_a_call_asks_for_is_not_reported(nlp, text, trigger, expected):  # type: ignore[no-untyped-def]
    assert flag(nlp, text, trigger) == expected


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        (
            "Residents say that dozens of people are being killed each day in the city.",
            "killed",
            "cumulative",
        ),
        ("Doctors said ten civilians die every day under the shelling.", "shelling", "cumulative"),
        ("Shelling killed ten people on Monday, a day after the truce.", "Shelling", "asserted"),
    ],
)
def test_a_death_rate_is_no_incident(nlp, text, trigger, expected):  # type: ignore[no-untyped-def]
    assert flag(nlp, text, trigger) == expected


def test_a_line_that_goes_on_with_a_year_labelled_item_is_history(nlp):  # type: ignore[no-untyped-def]
    text = (
        "Timeline of the valley. * 2014: - In May troops shelled the town, killing 40."
        " Witnesses said soldiers fired on a crowd at the mill. - On Monday jets hit the mill."
    )
    doc = nlp(text)
    fired = next(t for t in doc if t.text == "fired")
    hit = next(t for t in doc if t.text == "hit")
    assert realis.told_as_history(fired, fired.sent) is True
    assert realis.told_as_history(hit, hit.sent) is False
