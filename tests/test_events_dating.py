"""The date each event is told with (``crosswire.events.dating``), through the real
``dates`` resolver: the page's stamp is never an event's date, a sentence's own date
dates an event whose clause names none unless a word of sequence ("after") parts
them, and a narrower date inside a wide one wins."""

from __future__ import annotations

from datetime import date

import pytest

from crosswire.dates.find import find_dates
from crosswire.events.extract import extract_events
from crosswire.figures.find import find_figures
from crosswire.model import Analysis, Article, Event

pytestmark = pytest.mark.slow

ARTICLE = "art_dating"
PUBLISHED = "2026-03-04"  # a Wednesday


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    from crosswire.nlp import load_nlp

    return load_nlp()


def events(nlp, text: str) -> tuple[Event, ...]:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    dates = tuple(find_dates(doc, ARTICLE, date.fromisoformat(PUBLISHED)))
    article = Article(
        input_sha256="1" * 64,
        position="0",
        source="test.txt",
        format="txt",
        text=text,
        published=PUBLISHED,
        published_precision="day",
    )
    figures = tuple(find_figures(doc, ARTICLE, None))
    analysis = Analysis(article=ARTICLE, dates=dates, figures=figures)
    return extract_events(doc, analysis, article).events


def violent(found: tuple[Event, ...], needle: str) -> Event:
    """The happened event whose first source holds ``needle``."""
    hits = [e for e in found if e.modality == "asserted" and needle in e.sources[0].text]
    assert hits, found
    return hits[0]


def test_the_page_stamp_is_not_the_event_date(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Wire Service Wednesday 4 Mar 2026 Air strikes hit a market in the village "
        "late Tuesday, killing seven people, rescuers said."
    )
    event = violent(events(nlp, text), "Air strikes")
    assert (event.date_start, event.date_end) == ("2026-03-03", "2026-03-03")
    assert event.date_text == "late Tuesday"


def test_a_stamp_alone_leaves_the_event_on_the_article_date(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Wire Service Wednesday 4 Mar 2026 Eleven people were killed in a car bomb blast "
        "at a checkpoint in the city."
    )
    event = violent(events(nlp, text), "car bomb")
    assert event.date_start == PUBLISHED
    assert event.date_text is None  # inferred from the article's date, not read


def test_the_sentence_date_dates_an_event_whose_clause_names_none(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Shelling killed six civilians in the eastern districts, a monitor said on Monday."
    event = violent(events(nlp, text), "Shelling")
    assert event.date_start == "2026-03-02"
    assert event.date_text in ("on Monday", "Monday")
    assert event.date_reported  # the day of the report: the shelling lies on or before it


def test_a_day_the_clause_gives_the_incident_is_no_report_day(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Shelling killed six civilians in the eastern districts on Monday, a monitor said."
    event = violent(events(nlp, text), "Shelling")
    assert event.date_start == "2026-03-02" and not event.date_reported


def test_a_date_across_after_belongs_to_the_other_clause(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Calm returned to the town on Tuesday, three days after clashes between two "
        "armed groups killed nine fighters there."
    )
    found = events(nlp, text)
    clash = next(e for e in found if e.event_type == "Battles")
    assert clash.date_start != "2026-03-03"


def test_a_narrower_date_inside_a_wide_one_wins(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Earlier this month, twelve soldiers were killed in clashes with insurgents "
        "near the desert town on Sunday."
    )
    event = violent(events(nlp, text), "twelve soldiers")
    assert (event.date_start, event.date_end) == ("2026-03-01", "2026-03-01")


def test_a_lead_told_undated_takes_the_date_the_body_gives_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Government air strikes killed 14 people in a rebel-held town, a monitor said. "
        "The town has been besieged for months. Government warplanes struck the market "
        "on Sunday, killing 14 people including four children."
    )
    lead = violent(events(nlp, text), "killed 14 people in a rebel-held town")
    assert (lead.date_start, lead.date_end) == ("2026-03-01", "2026-03-01")
    assert lead.date_text is None  # inferred from the body, not read in its own words


def test_a_later_report_of_another_toll_does_not_date_the_lead(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Government air strikes killed 14 people in a rebel-held town, a monitor said. "
        "The town has been besieged for months. Government warplanes struck the market "
        "on Sunday, killing three people including a child."
    )
    lead = violent(events(nlp, text), "killed 14 people in a rebel-held town")
    assert lead.date_start == PUBLISHED


def test_a_cause_told_inside_another_clause_keeps_its_own_date(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Government forces on Tuesday killed ten people in retaliation for an attack "
        "on a checkpoint."
    )
    found = [e for e in events(nlp, text) if e.modality == "asserted"]
    assert any(e.date_start == "2026-03-03" for e in found)
    assert any(e.date_start == PUBLISHED and e.date_text is None for e in found)


def test_a_coordinated_clause_keeps_its_own_date(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Rebels shelled the town on Monday and government jets struck the village."
    found = [e for e in events(nlp, text) if e.modality == "asserted"]
    assert sorted(e.date_start for e in found) == ["2026-03-02", PUBLISHED]


def test_overnight_dates_the_night_before_the_article(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Warplanes pounded the rebel-held town overnight, killing six civilians."
    event = violent(events(nlp, text), "Warplanes")
    assert (event.date_start, event.date_end) == ("2026-03-03", PUBLISHED)
    assert event.date_text == "overnight"


def test_a_relative_clause_about_the_actor_keeps_its_own_date(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Troops who had seized the town on Monday killed five civilians."
    found = [e for e in events(nlp, text) if e.modality == "asserted"]
    assert any(e.date_start == PUBLISHED and e.date_text is None for e in found)


def test_an_undated_headline_takes_the_day_the_lead_gives(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Heavy bombardment kills 20 civilians in northern town. "
        "Jets pounded the main market of the town late on Monday, killing at least 12 people "
        "including four children, rescuers said."
    )
    headline = violent(events(nlp, text), "Heavy bombardment")
    assert (headline.date_start, headline.date_end) == ("2026-03-02", "2026-03-02")
    assert headline.date_text is None  # inferred from the lead, not read in its own words


def test_a_day_told_further_on_does_not_date_the_headline(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Heavy bombardment kills 20 civilians in northern town. "
        "The town has been under siege for a year. Its hospital closed in the winter. "
        "Jets pounded the main market of the town on Monday, killing 12 people."
    )
    headline = violent(events(nlp, text), "Heavy bombardment")
    assert headline.date_start == PUBLISHED


def test_the_day_a_monitor_reported_gives_way_to_the_day_of_the_strike(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Air strikes on a crowded market in a rebel-held town have killed 30 people, "
        "a monitor said on Wednesday. The jets struck the market on Tuesday afternoon, "
        "killing 30 people, the monitor said."
    )
    lead = violent(events(nlp, text), "Air strikes on a crowded market")
    assert (lead.date_start, lead.date_end) == ("2026-03-03", "2026-03-03")


def test_a_reported_day_stays_when_no_earlier_day_is_told(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Air strikes on a crowded market in a rebel-held town have killed 30 people, "
        "a monitor said on Tuesday. The monitor said the toll could still rise."
    )
    lead = violent(events(nlp, text), "Air strikes on a crowded market")
    assert lead.date_start == "2026-03-03"


def test_the_day_a_toll_rose_is_not_the_day_of_the_strike(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Rescuers pulled bodies from the rubble of a market in the town. "
        "On Tuesday the death toll from the air strike on the market rose to 40, a monitor "
        "said. The jets struck the market on Monday."
    )
    toll = violent(events(nlp, text), "death toll")
    assert (toll.date_start, toll.date_end) == ("2026-03-02", "2026-03-02")


def test_the_day_a_report_was_made_bounds_what_it_tells_across_after(nlp) -> None:  # type: ignore[no-untyped-def]
    # The event told inside the report ("... had been killed after the attack") happened
    # on or before the day it was reported, whatever "after" orders within the report:
    # not on the article's later date.
    text = (
        "The monitor reported on Monday that 30 people had been killed after the attack "
        "on the army base."
    )
    attack = violent(events(nlp, text), "after the attack")
    assert (attack.date_start, attack.date_end) == ("2026-03-02", "2026-03-02")


def test_a_spokesman_s_day_dates_the_killing_he_told_of(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A rebel spokesman said on Monday that gunmen had executed a captured soldier "
        "after his convoy was ambushed."
    )
    found = [e for e in events(nlp, text) if e.modality == "asserted"]
    assert found
    assert all(e.date_start == "2026-03-02" for e in found)


def test_after_outside_a_report_still_parts_the_clauses(nlp) -> None:  # type: ignore[no-untyped-def]
    # The report's day bounds only what it tells: a date of a clause that is no report
    # still stays its own clause's across "after".
    text = (
        "Calm returned to the town on Monday after heavy clashes between two armed "
        "groups killed nine fighters there, residents said."
    )
    clash = next(e for e in events(nlp, text) if e.event_type == "Battles")
    assert clash.date_text != "Monday"


def test_a_date_of_the_event_s_noun_phrase_is_its_own(nlp) -> None:  # type: ignore[no-untyped-def]
    # "chemical weapon" names the event, "use" heads its phrase and holds the day.
    text = (
        "The president said the missile strike was a response to the chemical weapon use "
        "in the northern town on Sunday which officials blame on the army."
    )
    found = [e for e in events(nlp, text) if e.modality == "asserted"]
    gas = next(e for e in found if e.sub_event_type == "Chemical weapon")
    assert (gas.date_start, gas.date_text) == ("2026-03-01", "Sunday")
    others = [e for e in found if e.sub_event_type != "Chemical weapon"]
    assert all(e.date_text != "Sunday" for e in others)  # not borrowed by the strike


def test_a_bomb_attack_keeps_the_day_of_its_phrase(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The car bomb explosion on Sunday at the checkpoint killed nine soldiers."
    event = violent(events(nlp, text), "car bomb")
    assert event.date_start == "2026-03-01"


def test_an_incident_named_again_with_its_day_dates_the_headline(nlp) -> None:  # type: ignore[no-untyped-def]
    # "The killings took place on Monday": a definite subject names the incident the
    # headline told undated, however far on, so the headline takes its day.
    text = (
        "Gunmen kill 14 villagers in northern town. The town lies near the front line. "
        "Its residents fled in the winter. The killings took place on Monday at a farm "
        "outside the town, a monitor said."
    )
    headline = violent(events(nlp, text), "Gunmen kill 14")
    assert (headline.date_start, headline.date_end) == ("2026-03-02", "2026-03-02")
    assert headline.date_text is None  # inferred from the later sentence


def test_a_new_incident_told_later_does_not_date_the_headline(nlp) -> None:  # type: ignore[no-untyped-def]
    # An indefinite subject tells another incident ("an attack on Sunday"), not this one.
    text = (
        "Gunmen kill 14 villagers in northern town. The town lies near the front line. "
        "Its residents fled in the winter. An attack took place on Sunday at a farm "
        "outside another town, a monitor said."
    )
    headline = violent(events(nlp, text), "Gunmen kill 14")
    assert headline.date_start == PUBLISHED


@pytest.mark.parametrize(
    "dateline",
    ["BEIRUT, March 4 (Reuters) - ", "DAMASCUS, Syria, March 4 (AP) -- ", "ALEPPO, 4 March - "],
)
def test_a_wire_dateline_s_day_is_the_report_s_not_the_strike_s(nlp, dateline: str) -> None:  # type: ignore[no-untyped-def]
    # The dateline dates the report; the lead told with no day of its own takes the
    # day the next sentence gives the strike.
    text = (
        dateline + "Government air strikes killed 20 people in a rebel-held town, a monitor "
        "said. The jets struck the town's market late on Monday."
    )
    lead = violent(events(nlp, text), "Government air strikes killed 20")
    assert (lead.date_start, lead.date_end) == ("2026-03-02", "2026-03-02")


def test_a_day_in_the_lead_is_not_a_dateline(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Government air strikes on March 2 killed 20 people in a rebel-held town."
    lead = violent(events(nlp, text), "Government air strikes")
    assert (lead.date_start, lead.date_text) == ("2026-03-02", "March 2")


def test_an_undated_report_with_the_same_toll_takes_the_incident_s_day(nlp) -> None:  # type: ignore[no-untyped-def]
    # Told again further on with its toll and no date, the incident keeps its day, not the
    # article's; a report with another toll is another incident and keeps the article's.
    text = (
        "A suspected gas attack on Tuesday killed 23 villagers in the northern hills, "
        "medics said. The hills have seen little fighting this year. "
        "The attack on the village of Tel Amar killed 23 civilians and left dozens "
        "struggling to breathe. Gunmen shot dead four herders near the village."
    )
    found = events(nlp, text)
    again = [e for e in found if e.modality == "asserted" and e.fatalities == 23]
    assert again and all(e.date_start == "2026-03-03" for e in again)
    other = violent(found, "Gunmen shot dead four")
    assert other.date_start == PUBLISHED


def test_an_undated_report_right_after_a_dated_one_of_its_incident_takes_its_day(nlp) -> None:  # type: ignore[no-untyped-def]
    # The next sentence goes on telling the strike ("The nurses were killed as ..."): it
    # happened on the strike's day, not on the article's.
    text = (
        "An air strike hit a clinic in the town on Monday, killing three nurses, rescuers "
        "said. The nurses were killed as they treated people wounded by shelling."
    )
    later = violent(events(nlp, text), "The nurses were killed")
    assert (later.date_start, later.date_end) == ("2026-03-02", "2026-03-02")
    assert later.date_text is None  # inferred, not read in its own words


def test_an_undated_report_of_another_kind_keeps_the_article_s_day(nlp) -> None:  # type: ignore[no-untyped-def]
    # A clash after a dated air strike is another incident: no day carries over.
    text = (
        "Air strikes hit the market in the town on Monday, killing five people. Rebels "
        "clashed with army troops near the airport, killing six soldiers."
    )
    clash = violent(events(nlp, text), "Rebels clashed")
    assert clash.date_start == PUBLISHED


def test_a_count_of_days_dates_the_incident_counted_from(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Shelling killed four in Homs on Tuesday, a day after air strikes killed nine there."
    strikes = violent(events(nlp, text), "Shelling")
    found = [e for e in events(nlp, text) if e.sub_event_type == "Air/drone strike"]
    assert strikes.date_start == "2026-03-03"
    assert [(e.date_start, e.date_text) for e in found] == [("2026-03-02", "a day after")]


def test_a_count_of_days_dates_the_clause_from_the_incident_it_names(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Jets struck Nawa two days after rebels seized it on Monday."
    strike = next(e for e in events(nlp, text) if e.sub_event_type == "Air/drone strike")
    assert (strike.date_start, strike.date_text) == ("2026-03-04", "two days after")


def test_an_adverb_counts_from_the_day_told_before(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Rebels attacked Nawa on Sunday. A day earlier, shelling killed four in Douma."
    shelling = violent(events(nlp, text), "shelling")
    assert (shelling.date_start, shelling.date_text) == ("2026-02-28", "A day earlier")
    text = "Rebels attacked Nawa on Monday. Jets struck the market in Nawa the next day."
    jets = violent(events(nlp, text), "Jets")
    assert (jets.date_start, jets.date_text) == ("2026-03-03", "the next day")


def test_no_named_day_leaves_a_range_never_an_exact_day(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The strike came a week after rebels attacked a checkpoint in Homs."
    clash = next(e for e in events(nlp, text) if e.sub_event_type == "Armed clash")
    assert clash.date_text is None  # inferred, not read
    assert clash.date_precision == "week" and clash.date_start != clash.date_end


def test_a_count_from_an_incident_told_before_takes_its_day(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Jets bombed a clinic in Nawa on Monday, killing four medics. "
        "The attack came two days after gunmen ambushed an aid convoy near the town."
    )
    ambush = next(
        e for e in events(nlp, text) if "gunmen" in e.sources[0].text and e.modality == "asserted"
    )
    assert (ambush.date_start, ambush.date_text) == ("2026-02-28", "two days after")


def test_late_on_a_weekday_dates_the_event_not_the_report_day(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Jets struck the market late on Monday, killing five people, a monitor said on Tuesday."
    event = violent(events(nlp, text), "Jets struck")
    assert (event.date_start, event.date_end) == ("2026-03-02", "2026-03-02")
    assert event.date_text == "late on Monday"


def test_an_event_on_a_day_of_the_month_named_alone(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "A car bomb killed twelve people at a checkpoint on the 2nd, a monitor said."
    event = violent(events(nlp, text), "car bomb")
    assert (event.date_start, event.date_end) == ("2026-03-02", "2026-03-02")


def test_a_quoted_today_holds_the_day_before_the_article(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        'Soldiers were killed at the air base, the army said. "Warplanes carried out four '
        'air strikes today on the base," it said in a statement.'
    )
    event = violent(events(nlp, text), "Warplanes")
    assert (event.date_start, event.date_end) == ("2026-03-03", PUBLISHED)


def test_a_month_wide_date_is_not_borrowed_by_a_later_undated_report(nlp) -> None:  # type: ignore[no-untyped-def]
    # Another line's "last month" dates nothing of the undated report after it.
    text = (
        "Gunmen shot dead ten farmers in the village last month, residents said. "
        "Elsewhere in the province, gunmen shot dead four shepherds near the town, "
        "a monitor said."
    )
    found = events(nlp, text)
    assert violent(found, "ten farmers").date_text == "last month"
    later = violent(found, "four shepherds")
    assert (later.date_start, later.date_end) == (PUBLISHED, PUBLISHED)
    assert later.date_text is None


def test_a_day_of_an_earlier_report_of_the_type_still_dates_an_undated_one(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Gunmen shot dead ten farmers in the village on Monday, residents said. "
        "In a second attack, gunmen shot dead four shepherds near the town, a monitor said."
    )
    later = violent(events(nlp, text), "four shepherds")
    assert later.date_start == "2026-03-02"


def test_an_attack_folded_into_the_shelling_of_its_sentence_gives_it_its_day(nlp) -> None:  # type: ignore[no-untyped-def]
    # "attacks on Monday ... in the second day of shelling": the attack folds into the
    # shelling of its sentence, and its stated day is the incident's, not the article's.
    text = (
        "Talks on a truce resumed in Geneva on Tuesday. The army pressed its offensive in "
        "the north. State media said attacks on Monday on two districts by insurgents "
        "killed nine people in the second day of shelling."
    )
    shelling = violent(events(nlp, text), "State media said attacks")
    assert (shelling.date_start, shelling.date_end) == ("2026-03-02", "2026-03-02")
    assert shelling.date_text == "Monday"


def test_an_undated_body_report_takes_the_day_of_the_next_sentence_it_absorbs(nlp) -> None:  # type: ignore[no-untyped-def]
    # A body report told with no date, then told again with its day in the next sentence
    # (one event): the stated day dates it, not the day of publication.
    text = (
        "Talks on a truce resumed in Geneva on Tuesday. The army pressed its offensive in "
        "the north. For their part rebels hit government-held districts of the city in "
        "what state media called an escalation of mortar fire. State media said attacks "
        "on Monday on two districts by insurgents killed nine people in the second day of "
        "shelling."
    )
    found = events(nlp, text)
    shelling = next(e for e in found if e.modality == "asserted" and e.fatalities == 9)
    assert (shelling.date_start, shelling.date_end) == ("2026-03-02", "2026-03-02")
    assert shelling.date_text is None  # inferred from the later sentence
