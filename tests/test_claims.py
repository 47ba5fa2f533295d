"""Stage `claims`: figures across sources grouped and marked corroborated, single or contested."""

from __future__ import annotations

import math
from dataclasses import replace

import pytest

from crosscheck_fixtures import (
    HODEIDAH,
    MUZAYRIB,
    QAMISHLI,
    TAFAS,
    article,
    event,
    figure,
    mention,
    stated_dates,
)
from crosswire.crosscheck.quantities import band, parse_counted, subjects_agree
from crosswire.model import Analysis, Article, ArticleGroup, Claim, Corpus, Event, Figure, Place
from crosswire.registry import StageContext, get


def run_claims(
    figures: list[tuple[Article, list[Figure]]],
    events: list[tuple[Article, Event]] = (),  # type: ignore[assignment]
    groups: tuple[ArticleGroup, ...] = (),
    places: tuple[Place, ...] = (TAFAS, HODEIDAH),
) -> list[Claim]:
    articles = tuple(dict.fromkeys(a for a, _ in [*figures, *events]))
    reports: dict[str, list[Event]] = {}
    for art, report in events:
        reports.setdefault(art.id, []).append(report)
    found: dict[str, list[Figure]] = {}
    for art, figs in figures:
        found.setdefault(art.id, []).extend(figs)
    analyses = tuple(
        Analysis(
            article=a.id,
            figures=tuple(found.get(a.id, ())),
            events=tuple(reports.get(a.id, ())),
            places=tuple(
                replace(place, mentions=(mention(a, place.name),))
                for place in places
                if place.name in a.text
            ),
            dates=stated_dates(a, reports.get(a.id, [])),
        )
        for a in articles
    )
    corpus = Corpus(articles=articles, analyses=analyses, groups=groups)
    corpus = get("fuse").factory()(corpus, StageContext())
    return list(get("claims").factory()(corpus, StageContext()).claims)


def by_value(claims: list[Claim]) -> dict[float | None, Claim]:
    return {c.value: c for c in claims}


def test_bands_read_vague_and_open_wording() -> None:
    art = article("a", "dozens of fighters, hundreds of families, at least 12 dead, about 400 huts")
    assert band(figure(art, "dozens", 12, counted="fighters", exact=False, vague=True)) == (24, 99)
    assert band(figure(art, "hundreds", 100, counted="families", exact=False, vague=True))[0] == 100
    assert band(figure(art, "at least 12", 12, counted="dead", exact=False)) == (12, math.inf)
    low, high = band(figure(art, "about 400", 400, counted="huts"))
    assert low < 400 < high


def test_counted_phrases_normalise_without_merging_civilians_and_fighters() -> None:
    assert parse_counted("civilian deaths") == parse_counted("civilians killed")
    killed = parse_counted("people killed")
    assert subjects_agree(killed.subject, parse_counted("civilians killed").subject)
    assert not subjects_agree(parse_counted("fighters killed").subject, "civilians")
    assert parse_counted("soldiers killed").subject != parse_counted("people killed").subject
    assert parse_counted("people wounded").outcome != killed.outcome


def test_at_least_12_and_12_from_two_outlets_are_corroborated() -> None:
    a = article("a", "Fighting in Tafas killed at least 12 people.", outlet="Wire")
    b = article("b", "Twelve people died in the Tafas fighting.", outlet="Monitor")
    (claim,) = run_claims([
        (a, [figure(a, "at least 12", 12, counted="people killed", exact=False,
                    speaker="residents")]),
        (b, [figure(b, "Twelve", 12, counted="people killed", speaker="a monitor")]),
    ])  # fmt: skip
    assert claim.status == "corroborated"
    assert claim.value == 12
    assert claim.outlets == ("Wire", "Monitor")
    assert claim.speaker == "residents; a monitor"
    assert [s.text for s in claim.sources] == ["at least 12", "Twelve"]


def test_a_syndicated_copy_does_not_corroborate_its_original() -> None:
    text = "Fighting in Tafas killed at least 12 people."
    wire = article("wire", text, outlet="Wire", published="2026-03-03")
    copy = article("copy", text, outlet="Ledger")
    group = ArticleGroup(kind="syndicated", articles=(wire.id, copy.id))
    figs = [(a, [figure(a, "at least 12", 12, counted="people killed", exact=False)])
            for a in (wire, copy)]  # fmt: skip
    (claim,) = run_claims(figs, groups=(group,))
    assert claim.status == "single"
    assert claim.outlets == ("Wire", "Ledger")
    (claim,) = run_claims(figs)  # without the group they are two outlets
    assert claim.status == "corroborated"


def test_dozens_and_hundreds_contradict_each_other() -> None:
    a = article("a", "Dozens of families had left Tafas.", outlet="A")
    b = article("b", "Hundreds of families had left Tafas.", outlet="B")
    claims = run_claims([
        (a, [figure(a, "Dozens", 12, counted="families displaced", exact=False, vague=True,
                    unit="families")]),
        (b, [figure(b, "Hundreds", 100, counted="families displaced", exact=False, vague=True,
                    unit="families")]),
    ])  # fmt: skip
    assert [c.status for c in claims] == ["contested", "contested"]
    dozens, hundreds = by_value(claims)[12], by_value(claims)[100]
    assert dozens.conflicts_with == (hundreds.id,)
    assert hundreds.conflicts_with == (dozens.id,)
    assert dozens.about == hundreds.about


def test_dozens_agrees_with_30_to_40_and_three_in_four_with_75_percent() -> None:
    a = article("a", "Dozens of local fighters opened fire.", outlet="A")
    b = article("b", "A group of 30-40 fighters held out.", outlet="B")
    (fighters,) = run_claims(
        [
            (a, [figure(a, "Dozens", 12, counted="local fighters", exact=False, vague=True)]),
            (b, [figure(b, "30-40", 30, high=40, counted="fighters holding out")]),
        ],
        [(a, event(a, "Dozens of local fighters opened fire")),
         (b, event(b, "A group of 30-40 fighters held out"))],
    )  # fmt: skip
    assert fighters.status == "corroborated"
    assert (fighters.low, fighters.high) == (30, 40)

    c = article("c", "Three in four imports arrive through Hodeidah.", outlet="C")
    d = article("d", "Some 70-75 percent of imports pass through Hodeidah.", outlet="D")
    e = article("e", "Some 75 percent of imports pass through Tafas.", outlet="E")
    claims = run_claims([
        (c, [figure(c, "Three in four", 75, counted="imports arriving via Hodeidah",
                    unit="percent")]),
        (d, [figure(d, "70-75 percent", 70, high=75,
                    counted="percent of imports through Hodeidah", unit="percent")]),
        (e, [figure(e, "75 percent", 75, counted="percent of imports through Tafas",
                    unit="percent")]),
    ])  # fmt: skip
    share = next(claim for claim in claims if len(claim.sources) == 2)
    assert share.status == "corroborated"
    assert share.event is None
    assert len(claims) == 2  # the same share of another place's imports is another claim


def test_one_source_giving_two_tolls_is_contested() -> None:
    a = article("a", "Some reports say 9 were killed; others put the toll at 15.", outlet="Blog")
    claims = run_claims([
        (a, [figure(a, "9", 9, counted="people killed", speaker="some reports"),
             figure(a, "15", 15, counted="people killed", speaker="other reports")]),
    ])  # fmt: skip
    assert sorted(c.value for c in claims) == [9, 15]  # type: ignore[type-var]
    assert {c.status for c in claims} == {"contested"}


def test_a_breakdown_in_one_sentence_is_not_a_contradiction() -> None:
    a = article("a", "Twelve people, among them three soldiers, were killed.", outlet="A")
    b = article("b", "Four soldiers and eight local men were among the 12 dead.", outlet="B")
    claims = run_claims([
        (a, [figure(a, "Twelve", 12, counted="people killed"),
             figure(a, "three", 3, counted="soldiers killed")]),
        (b, [figure(b, "Four", 4, counted="soldiers killed"),
             figure(b, "12", 12, counted="people killed")]),
    ],
        [(a, event(a, "Twelve people")), (b, event(b, "Four soldiers"))],
    )  # fmt: skip
    statuses = {(c.value, c.status) for c in claims}
    assert (12, "corroborated") in statuses
    assert {(3, "contested"), (4, "contested")} <= statuses


def test_civilian_deaths_meet_people_killed_but_not_fighters_killed() -> None:
    a = article("a", "Shelling of Tafas killed two civilians.", outlet="A")
    b = article("b", "Two people died when shells hit Tafas.", outlet="B")
    c = article("c", "Shelling of Tafas killed five fighters.", outlet="C")
    reports = [(x, event(x, "Tafas")) for x in (a, b, c)]
    claims = run_claims(
        [
            (a, [figure(a, "two", 2, counted="civilians killed")]),
            (b, [figure(b, "Two", 2, counted="people killed")]),
            (c, [figure(c, "five", 5, counted="fighters killed")]),
        ],
        reports,
    )
    two, five = by_value(claims)[2], by_value(claims)[5]
    assert two.status == "corroborated" and len(two.sources) == 2
    assert five.status == "single"


def test_figures_of_different_events_stay_apart_and_name_their_event() -> None:
    a = article("a", "Clashes in Tafas killed 12 people on Sunday.", outlet="A")
    b = article("b", "Clashes in Tafas killed 7 people on Tuesday.", outlet="B")
    reports = [
        (a, event(a, "Clashes in Tafas killed 12 people on Sunday", day="2026-03-01")),
        (b, event(b, "Clashes in Tafas killed 7 people on Tuesday", day="2026-03-03")),
    ]
    claims = run_claims(
        [
            (a, [figure(a, "12", 12, counted="people killed")]),
            (b, [figure(b, "7", 7, counted="people killed")]),
        ],
        reports,
    )
    assert [c.status for c in claims] == ["single", "single"]
    assert len({c.event for c in claims}) == 2
    assert all(c.event is not None and "Armed clash" in (c.about or "") for c in claims)


def test_without_events_figures_meet_only_at_one_place_within_days() -> None:
    a = article("a", "Fighting in Tafas killed 12 people.", outlet="A", published="2026-03-04")
    b = article("b", "In Tafas, 12 people died.", outlet="B", published="2026-03-05")
    c = article("c", "In Tafas, 12 people died.", outlet="C", published="2026-04-20")
    d = article("d", "Elsewhere, 12 people died.", outlet="D", published="2026-03-05")
    claims = run_claims([(x, [figure(x, "12", 12, counted="people killed")]) for x in (a, b, c, d)])
    grouped = sorted(len(c.sources) for c in claims)
    assert grouped == [1, 1, 2]


def test_a_breakdown_takes_the_outcome_of_the_count_it_breaks_down() -> None:
    a = article("a", "Twelve people, among them three soldiers, were killed in Tafas.", outlet="A")
    b = article("b", "A doctor said four soldiers were among the dead in Tafas.", outlet="B")
    claims = run_claims([
        (a, [figure(a, "Twelve", 12, counted="people killed"),
             figure(a, "three", 3, counted="soldiers")]),
        (b, [figure(b, "four", 4, counted="soldiers dead")]),
    ])  # fmt: skip
    soldiers = [c for c in claims if c.value in (3, 4)]
    assert [c.status for c in soldiers] == ["contested", "contested"]


def test_a_relative_clause_says_what_happened_to_the_counted() -> None:
    a = article("a", "Most of the roughly 400 families who fled Tafas came back.", outlet="A")
    b = article("b", "Aid workers counted about 400 displaced families in Tafas.", outlet="B")
    (claim,) = run_claims([
        (a, [figure(a, "roughly 400", 400, counted="families", unit="families")]),
        (b, [figure(b, "about 400", 400, counted="displaced families", unit="families")]),
    ])  # fmt: skip
    assert claim.status == "corroborated"


def test_a_part_of_a_count_does_not_contest_it() -> None:
    a = article(
        "a", "In Tafas 12 people were wounded; two of the wounded are critical.", outlet="A"
    )
    b = article("b", "Medics in Tafas said at least 12 people were wounded.", outlet="B")
    claims = run_claims([
        (a, [figure(a, "12", 12, counted="people wounded"),
             figure(a, "two", 2, counted="wounded")]),
        (b, [figure(b, "at least 12", 12, counted="people wounded", exact=False)]),
    ])  # fmt: skip
    statuses = {c.value: c.status for c in claims}
    assert statuses == {12: "corroborated", 2: "single"}


def test_dead_added_to_a_count_do_not_contest_it() -> None:
    a = article(
        "a",
        "Shelling killed 14 people in Tafas; two more people were killed at dusk. "
        "Another three people died in hospital.",
        outlet="A",
    )
    b = article("b", "Medics in Tafas said 14 people were killed by the shelling.", outlet="B")
    claims = run_claims([
        (a, [figure(a, "14", 14, counted="people killed"),
             figure(a, "two", 2, counted="more people killed"),
             figure(a, "three", 3, counted="people died")]),
        (b, [figure(b, "14", 14, counted="people killed")]),
    ])  # fmt: skip
    statuses = {c.value: c.status for c in claims}
    assert statuses[14] == "corroborated"
    assert all(statuses[v] != "contested" for v in (2, 3))
    # "more than 20" is the count's own bound, not dead added to it.
    c = article("c", "Shelling killed more than 20 people in Tafas, medics said.", outlet="C")
    d = article("d", "Medics in Tafas said 14 people were killed by the shelling.", outlet="D")
    bound = run_claims([
        (c, [figure(c, "more than 20", 21, counted="people killed", exact=False)]),
        (d, [figure(d, "14", 14, counted="people killed")]),
    ])  # fmt: skip
    assert {cl.status for cl in bound} == {"contested"}


def test_a_toll_read_without_a_figure_is_a_statement() -> None:
    text = "A protester was killed when police fired on a march in Tafas on Tuesday."
    a = article("a", text, outlet="A")
    b = article("b", "One protester was killed in Tafas on Tuesday, medics said.", outlet="B")
    protest = {"sub_event_type": "Excessive force against protesters", "event_type": "Protests"}
    reports = [
        (a, replace(event(a, text, fatalities=1, **protest), fatalities_text="A protester")),
        (b, event(b, "One protester was killed in Tafas on Tuesday", fatalities=1, **protest)),
    ]
    (claim,) = run_claims([(b, [figure(b, "One", 1, counted="protester killed")])], reports)
    assert claim.status == "corroborated"
    assert sorted(s.text for s in claim.sources) == ["A protester", "One"]


def test_people_named_as_a_unit_are_people_and_a_possessor_is_not_counted() -> None:
    a = article("a", "The ship's crew of 23 left the vessel near Hodeidah.", outlet="A")
    b = article("b", "The manager said 22 seafarers were on board, off Hodeidah.", outlet="B")
    claims = run_claims([
        (a, [figure(a, "23", 23, counted="ship's crew")]),
        (b, [figure(b, "22", 22, counted="seafarers", unit="seafarers")]),
    ])  # fmt: skip
    assert [c.status for c in claims] == ["contested", "contested"]


def test_a_share_without_a_place_meets_one_naming_its_country() -> None:
    a = article("a", "Three in four imports arrive through Hodeidah.", outlet="A")
    b = article("b", "Hodeidah handles about 75 percent of Yemen's imports.", outlet="B")
    c = article("c", "Hodeidah handles about 75 percent of Sudan's imports.", outlet="C")
    yemen = Place(name="Yemen", geonameid=69543, country_code="YE", feature="country")
    sudan = Place(name="Sudan", geonameid=366755, country_code="SD", feature="country")
    claims = run_claims(
        [
            (a, [figure(a, "Three in four", 75, counted="imports arrived", unit="percent")]),
            (b, [figure(b, "about 75 percent", 75, counted="percent of Yemen's imports",
                        unit="percent")]),
            (c, [figure(c, "about 75 percent", 75, counted="percent of Sudan's imports",
                        unit="percent")]),
        ],
        places=(HODEIDAH, yemen, sudan),
    )  # fmt: skip
    assert sorted(len(claim.sources) for claim in claims) == [1, 2]


def test_an_event_mentioned_in_passing_takes_no_figures_of_its_sentence() -> None:
    lead = "Fighting in Tafas killed 12 people on Tuesday."
    a = article("a", lead + " Dozens of fighters, who signed a deal in 2018, held out.", outlet="A")
    b = article("b", "A group of 30-40 fighters held out in Tafas on Tuesday.", outlet="B")
    deal = "Dozens of fighters, who signed a deal in 2018, held out."
    history = event(a, deal, sub_event_type="Agreement", event_type="Strategic developments",
                    day="2018-01-01", background=True)  # fmt: skip
    reports = [(a, event(a, lead)), (a, history), (b, event(b, "A group of 30-40 fighters"))]
    claims = run_claims(
        [
            (a, [figure(a, "Dozens", 12, counted="fighters", exact=False, vague=True)]),
            (b, [figure(b, "30-40", 30, counted="fighters", high=40)]),
        ],
        reports,
    )
    (claim,) = [c for c in claims if c.value in (12, 30)]
    assert claim.status == "corroborated"
    assert "Armed clash" in (claim.about or "")


def test_a_running_total_does_not_contest_an_incident_toll() -> None:
    a = article("a", "Fighting in Tafas killed 12 people on Tuesday.", outlet="A")
    b = article(
        "b",
        "Fighting in Tafas killed 14 people on Tuesday. The war has killed 300000 people "
        "since it began in 2011.",
        outlet="B",
    )
    c = article("c", "Fighting in Tafas has killed 40 people so far this year.", outlet="C")
    claims = run_claims(
        [
            (a, [figure(a, "12", 12, counted="people killed")]),
            (b, [figure(b, "14", 14, counted="people killed"),
                 figure(b, "300000", 300000, counted="people killed")]),
            (c, [figure(c, "40", 40, counted="people killed")]),
        ],
        [(a, event(a, "Fighting in Tafas killed 12 people on Tuesday.")),
         (b, event(b, "Fighting in Tafas killed 14 people on Tuesday."))],
    )  # fmt: skip
    values = by_value(claims)
    # the two accounts of Tuesday's toll contest each other ...
    assert values[12].status == values[14].status == "contested"
    assert values[14].id in values[12].conflicts_with
    # ... and the running totals contest neither
    assert values[300000].id not in values[12].conflicts_with + values[14].conflicts_with
    assert values[40].id not in values[12].conflicts_with + values[14].conflicts_with


def _two_reports_of_one_clash(first: int, second: int) -> list[Claim]:
    a = article("a", "Clashes in Tafas on Tuesday killed at least 23 fighters.", outlet="A")
    b = article("b", "Tuesday's clashes in Tafas left 39 people dead.", outlet="B")
    return run_claims(
        [(a, [figure(a, "at least 23", 23, counted="fighters killed", exact=False)])],
        [
            (a, event(a, "Clashes in Tafas on Tuesday killed at least 23 fighters",
                      fatalities=first, low=first)),
            (b, event(b, "Tuesday's clashes in Tafas left 39 people dead",
                      fatalities=second, low=second, high=second)),
        ],
    )  # fmt: skip


def test_one_fused_event_whose_sources_give_different_tolls_is_contested() -> None:
    # "at least 23" and "39" fit together as bands, but two reports of one incident
    # giving 23 and 39 dead disagree on its toll.
    tolls = [c for c in _two_reports_of_one_clash(23, 39) if c.status == "contested"]
    assert sorted(c.value for c in tolls) == [23, 39]
    assert len({s.article for c in tolls for s in c.sources}) == 2
    assert all(c.conflicts_with for c in tolls)


def test_sources_agreeing_on_a_fused_event_toll_make_no_toll_claim() -> None:
    claims = _two_reports_of_one_clash(23, 23)
    assert not [c for c in claims if c.status == "contested"]


@pytest.mark.parametrize(
    "total",
    [
        "More than 190000 people have been killed since the uprising against the government began.",
        "More than 190000 people have been killed in the conflict, which started as a protest "
        "movement.",
        "The war has since killed more than 190000 people.",
        "More than 190000 people have been killed since then.",
        "It was the deadliest month, with the war killing 190000 people.",
    ],
)
def test_running_totals_in_other_words_contest_no_incident_toll(total: str) -> None:
    a = article("a", "Fighting in Tafas killed 12 people on Tuesday.", outlet="A")
    b = article("b", f"Fighting in Tafas killed 14 people on Tuesday. {total}", outlet="B")
    claims = run_claims(
        [
            (a, [figure(a, "12", 12, counted="people killed")]),
            (b, [figure(b, "14", 14, counted="people killed"),
                 figure(b, "190000", 190000, counted="people killed")]),
        ],
        [(a, event(a, "Fighting in Tafas killed 12 people on Tuesday.")),
         (b, event(b, "Fighting in Tafas killed 14 people on Tuesday."))],
    )  # fmt: skip
    values = by_value(claims)
    assert values[14].id in values[12].conflicts_with
    assert values[190000].status != "contested"


@pytest.mark.parametrize("clash_first", [True, False])
def test_a_sentence_behind_two_fused_events_gives_its_toll_to_the_right_one(
    clash_first: bool,
) -> None:
    # One sentence is the evidence of two reports (the clash and the detentions after
    # it) that fuse with other articles' reports into two events: its toll belongs to
    # the clash, whose other source gives another toll.
    text = "Troops detained residents of Tafas on Tuesday after clashes that killed 23 people."
    a = article("a", text, outlet="A")
    b = article("b", "Tuesday's clashes in Tafas left 39 people dead.", outlet="B")
    c = article("c", "Troops detained dozens of residents of Tafas on Tuesday.", outlet="C")
    detained = {"sub_event_type": "Arrests", "event_type": "Strategic developments"}
    reports = [event(a, text, **detained, actor2=None), event(a, text, fatalities=23, low=23)]
    claims = run_claims(
        [],
        [
            *((a, r) for r in (reports[::-1] if clash_first else reports)),
            (b, event(b, "Tuesday's clashes in Tafas left 39 people dead",
                      fatalities=39, low=39, high=39)),
            (c, event(c, "Troops detained dozens of residents of Tafas on Tuesday",
                      **detained, actor2=None)),
        ],
    )  # fmt: skip
    tolls = [c for c in claims if c.status == "contested"]
    assert sorted(c.value for c in tolls) == [23, 39]
    assert len({c.event for c in tolls}) == 1


@pytest.mark.parametrize(("elsewhere", "apart"), [(QAMISHLI, True), (MUZAYRIB, False)])
def test_a_figure_naming_another_town_does_not_contest_the_event_toll(
    elsewhere: Place, apart: bool
) -> None:
    # One outlet adds what happened in another town the same day; its figure sits in the
    # evidence of the fused event but counts the other town's dead. A town a few km off
    # may be the same place under another name, so it still meets.
    other = elsewhere.name
    a = article("a", f"Shelling killed 9 people in Tafas on Tuesday. In {other} 2 people "
                     "were killed by a shell.", outlet="A")  # fmt: skip
    b = article("b", "Shelling killed 9 people in Tafas on Tuesday.", outlet="B")
    shelling = {"sub_event_type": "Shelling/artillery/missile attack",
                "event_type": "Explosions/Remote violence"}  # fmt: skip
    claims = run_claims(
        [
            (a, [figure(a, "9", 9, counted="people killed"),
                 figure(a, "2", 2, counted="people killed")]),
            (b, [figure(b, "9", 9, counted="people killed")]),
        ],
        [(a, event(a, a.text, **shelling)), (b, event(b, b.text, **shelling))],  # type: ignore[arg-type]
        places=(TAFAS, elsewhere),
    )  # fmt: skip
    values = by_value(claims)
    assert values[9].event == values[2].event is not None  # one fused event holds both
    if apart:
        assert values[9].status == "corroborated" and len(values[9].sources) == 2
        assert values[2].status == "single"
    else:
        assert values[9].status == values[2].status == "contested"


def _lead_and_passing_line(lead: int, other: int) -> list[Claim]:
    """Two outlets report Tuesday's shelling; the first adds a line in passing, which the
    events stage doubts, on two more dead."""
    shelling = {"sub_event_type": "Shelling/artillery/missile attack",
                "event_type": "Explosions/Remote violence"}  # fmt: skip
    a = article("a", f"Shelling killed {lead} people in Tafas on Tuesday. Two more people "
                     "died of their wounds in Tafas on Tuesday.", outlet="A")  # fmt: skip
    b = article("b", f"Tuesday's shelling of Tafas killed {other} people.", outlet="B")
    reports = [
        (a, event(a, f"Shelling killed {lead} people in Tafas on Tuesday", **shelling,
                  fatalities=lead, low=lead, high=lead), 0.7),
        (a, event(a, "Two more people died of their wounds in Tafas on Tuesday", **shelling,
                  fatalities=2, low=2, high=2), 0.1),
        (b, event(b, f"Tuesday's shelling of Tafas killed {other} people", **shelling,
                  fatalities=other, low=other, high=other), 0.6),
    ]  # fmt: skip
    return run_claims([], [(art, replace(e, confidence=c)) for art, e, c in reports])  # type: ignore[arg-type]


def test_a_line_told_in_passing_does_not_speak_for_its_articles_toll() -> None:
    # Both outlets give 12 dead: the first one's doubted line on two more is no account
    # of the incident's toll, so the sources do not contest it.
    assert not [c for c in _lead_and_passing_line(12, 12) if c.status == "contested"]


def test_the_lead_tolls_of_two_outlets_still_contest() -> None:
    tolls = [c for c in _lead_and_passing_line(12, 15) if c.status == "contested"]
    assert sorted(c.value for c in tolls) == [12, 15]
