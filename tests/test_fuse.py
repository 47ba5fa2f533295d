"""Stage `fuse`: reports of one event across articles become one event."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, timedelta

from crosscheck_fixtures import (
    ARMY,
    DARAA_PROVINCE,
    GOVERNMENT,
    HODEIDAH,
    ISLAMIC_STATE,
    MILITIA,
    MUZAYRIB,
    QAMISHLI,
    TAFAS,
    article,
    event,
    stated_dates,
)
from crosswire.crosscheck import geo
from crosswire.crosscheck.fusion import Fuser, Report, kinds, split_long, types_compatible
from crosswire.crosscheck.sources import SourceIndex
from crosswire.model import Analysis, Article, ArticleGroup, Corpus, Entity, Event, Mention, Place
from crosswire.registry import StageContext, get

CLASH = "Fighting in Tafas killed 12 people on Tuesday, residents said."
WHOLE = CLASH  # the evidence: the whole sentence, with its date
UNNAMED = Entity(name="Unidentified Armed Group (Syria)", kind="unidentified_armed_group",
                 inter_code=3, country_code="SY")  # fmt: skip
KNOWN = (ARMY, GOVERNMENT, MILITIA, ISLAMIC_STATE, UNNAMED)
PLACES = (TAFAS, MUZAYRIB, DARAA_PROVINCE, QAMISHLI)


def _analyses(reports: list[tuple[Article, list[Event]]]) -> tuple[Analysis, ...]:
    """One analysis per article, with the shared entities, places and the stated dates."""
    return tuple(
        Analysis(
            article=a.id,
            events=tuple(evs),
            entities=KNOWN,
            places=PLACES,
            dates=stated_dates(a, evs),
        )
        for a, evs in reports
    )


def _fuser(reports: list[tuple[Article, list[Event]]]) -> Fuser:
    return Fuser(list(_analyses(reports)), SourceIndex.build(tuple(a for a, _ in reports), ()))


def fuse(
    reports: list[tuple[Article, list[Event]]],
    groups: tuple[ArticleGroup, ...] = (),
    **options: object,
) -> list[Event]:
    analyses = _analyses(reports)
    corpus = Corpus(articles=tuple(a for a, _ in reports), analyses=analyses, groups=groups)
    return list(get("fuse").factory(**options)(corpus, StageContext()).events)


def clash_reports(count: int, **overrides: object) -> list[tuple[Article, list[Event]]]:
    found = []
    for n in range(count):
        art = article(f"outlet{n}", CLASH, outlet=f"Outlet {n}")
        found.append((art, [event(art, WHOLE, **overrides)]))  # type: ignore[arg-type]
    return found


def test_one_clash_in_three_outlets_is_one_event_with_three_sources() -> None:
    (fused,) = fuse(clash_reports(3))
    assert fused.source_count == 3
    assert len(fused.sources) == 3
    assert (fused.sub_event_type, fused.place, fused.date_start) == ("Armed clash", TAFAS.id,
                                                                      "2026-03-03")  # fmt: skip


def test_a_syndicated_copy_and_a_second_piece_by_one_outlet_count_once() -> None:
    wire = article("wire", CLASH, outlet="Coastline Wire", published="2026-03-03")
    copy = article("paper", CLASH, outlet="Gulf Ledger")
    monitor_a = article("lm1", CLASH, outlet="Levant Monitor")
    monitor_b = article("lm2", CLASH, outlet="The Levant Monitor", published="2026-03-05")
    reports = [(a, [event(a, WHOLE)]) for a in (wire, copy, monitor_a, monitor_b)]
    group = ArticleGroup(kind="syndicated", articles=(wire.id, copy.id))
    (fused,) = fuse(reports, (group,))
    assert len(fused.sources) == 4
    assert fused.source_count == 2


def test_places_must_be_close_or_one_must_contain_the_other() -> None:
    near = clash_reports(1) + [
        (a, [event(a, WHOLE, place=MUZAYRIB)]) for a in [article("b", CLASH, outlet="B")]
    ]
    assert geo.haversine_km(TAFAS.lat, TAFAS.lon, MUZAYRIB.lat, MUZAYRIB.lon) < 5  # type: ignore[arg-type]
    assert len(fuse(near)) == 1
    assert len(fuse(near, near_km=1.0)) == 2

    far = clash_reports(1) + [
        (a, [event(a, WHOLE, place=QAMISHLI)]) for a in [article("b", CLASH, outlet="B")]
    ]
    assert len(fuse(far)) == 2

    province = clash_reports(1) + [
        (a, [event(a, WHOLE, place=DARAA_PROVINCE)]) for a in [article("b", CLASH, outlet="B")]
    ]
    (fused,) = fuse(province)
    assert fused.place == TAFAS.id  # the most precise place wins
    assert dict(fused.conflicts)["place"]


def test_reports_on_different_days_are_different_events() -> None:
    reports = clash_reports(1) + [
        (a, [event(a, WHOLE, day="2026-03-05")])
        for a in [article("b", CLASH, outlet="B", published="2026-03-06")]
    ]
    assert len(fuse(reports)) == 2
    assert len(fuse(reports, date_slack_days=2)) == 1


def test_an_undated_report_joins_a_recent_event_before_its_publication_only() -> None:
    before = article("b", CLASH, outlet="B", published="2026-03-04")
    after = article("c", CLASH, outlet="C", published="2026-03-02")
    undated = [(before, [event(before, WHOLE, day=None)])]
    assert len(fuse(clash_reports(1) + undated)) == 1
    too_early = [(after, [event(after, WHOLE, day=None)])]
    assert len(fuse(clash_reports(1) + too_early)) == 2
    much_later = article("d", CLASH, outlet="D", published="2026-04-30")
    stale = [(much_later, [event(much_later, WHOLE, day=None)])]
    assert len(fuse(clash_reports(1) + stale)) == 2


def test_a_date_the_evidence_does_not_state_is_only_a_guess() -> None:
    # The events stage falls back on the article's date; that must not split an event.
    text = "Fighting in Tafas killed 12 people, residents said."
    guessed = article("b", text, outlet="B", published="2026-03-04")
    reports = [(guessed, [event(guessed, text, day="2026-03-04")])]
    (fused,) = fuse(clash_reports(1) + reports)
    assert fused.date_start == "2026-03-03"  # the stated date wins
    assert "date" not in dict(fused.conflicts)


def test_a_day_the_text_implies_outvotes_the_articles_own_day() -> None:
    # Neither report states its date in its own words; one carries a day its text gives
    # elsewhere (two days before publication), the other only its article's own day.
    text = "Fighting in Tafas killed 12 people, residents said."
    implied = article("a", text, outlet="A", published="2026-03-04")
    fallback = article("b", text, outlet="B", published="2026-03-03")
    reports = [
        (fallback, [event(fallback, text, day="2026-03-03")]),
        (implied, [event(implied, text, day="2026-03-02")]),
    ]
    (fused,) = fuse(reports)
    assert fused.date_start == "2026-03-02"


def test_a_background_lines_day_does_not_redate_the_incident_its_article_dates() -> None:
    # The attack is dated two days before publication by the text; a reaction line of
    # the same article states its own, later day and joins it: the attack keeps its day.
    attack = "Shelling of Tafas killed 12 people at the start of the week, medics said."
    reaction = "Families left Tafas on Thursday, a witness said."
    art = article("a", f"{attack} {reaction}", outlet="A", published="2026-03-05")
    told = event(art, attack, day="2026-03-02")
    later = event(art, reaction, actor1=None, actor2=None, day="2026-03-05", background=True)
    (fused,) = fuse([(art, [told, later])])
    assert (fused.date_start, fused.date_text) == ("2026-03-02", None)
    # With only the article's own day to go on, the background line's stated day still wins.
    fled = "Families left Tafas on Wednesday, a witness said."
    other = article("b", f"{attack} {fled}", outlet="B", published="2026-03-05")
    guess = event(other, attack, day="2026-03-05")
    earlier = event(other, fled, actor1=None, actor2=None, day="2026-03-04", background=True)
    (fused,) = fuse([(other, [guess, earlier])])
    assert (fused.date_start, fused.date_text) == ("2026-03-04", "Wednesday")


def test_sub_event_types_fuse_only_when_compatible() -> None:
    assert types_compatible("Armed clash", "Government regains territory")
    assert types_compatible("Air/drone strike", "Shelling/artillery/missile attack")
    assert not types_compatible("Armed clash", "Arrests")
    retaken = [
        (a, [event(a, WHOLE, sub_event_type="Government regains territory")])
        for a in [article("b", CLASH, outlet="B")]
    ]
    (fused,) = fuse(clash_reports(2) + retaken)
    assert fused.sub_event_type == "Armed clash"  # two sources against one
    arrests = [
        (a, [event(a, WHOLE, sub_event_type="Arrests",
                   event_type="Strategic developments")])
        for a in [article("b", CLASH, outlet="B")]
    ]  # fmt: skip
    assert len(fuse(clash_reports(1) + arrests)) == 2


def test_actors_must_match_or_be_unknown_and_battle_sides_may_swap() -> None:
    unknown = [(a, [event(a, WHOLE, actor2=None)])
               for a in [article("b", CLASH, outlet="B")]]  # fmt: skip
    (fused,) = fuse(clash_reports(1) + unknown)
    assert (fused.actor1, fused.actor2) == (ARMY.id, MILITIA.id)

    swapped = [(a, [event(a, WHOLE, actor1=MILITIA, actor2=ARMY)])
               for a in [article("b", CLASH, outlet="B")]]  # fmt: skip
    (fused,) = fuse(clash_reports(1) + swapped)
    assert (fused.actor1, fused.actor2) == (ARMY.id, MILITIA.id)

    state = [(a, [event(a, WHOLE, actor1=GOVERNMENT)])
             for a in [article("b", CLASH, outlet="B")]]  # fmt: skip
    assert len(fuse(clash_reports(1) + state)) == 1  # two state actors of one country

    other = [(a, [event(a, WHOLE, actor2=ISLAMIC_STATE)])
             for a in [article("b", CLASH, outlet="B")]]  # fmt: skip
    assert len(fuse(clash_reports(1) + other)) == 2


def test_a_battle_told_from_both_ends_keeps_each_actor_on_one_side() -> None:
    # One article: gunmen named by no one hit the militia; the militia attacked on
    # Tuesday; the army repelled the attack. The militia is one side, not both.
    text = (
        "Gunmen clashed with the Tafas militia on Tuesday. "
        "The militia attacked army posts in Tafas on Tuesday. "
        "The army repelled the assault in Tafas on Tuesday."
    )
    art = article("a", text, outlet="A")
    lines = text.split(". ")
    reports = [
        (art, [
            event(art, lines[0], actor1=UNNAMED, actor2=MILITIA),
            event(art, lines[1], actor1=MILITIA, actor2=None),
            event(art, lines[2], actor1=ARMY, actor2=None),
        ]),
    ]  # fmt: skip
    (fused,) = fuse(reports)
    assert (fused.actor1, fused.actor2) == (ARMY.id, MILITIA.id)


def test_one_sided_events_keep_their_direction() -> None:
    shelling = {"sub_event_type": "Shelling/artillery/missile attack",
                "event_type": "Explosions/Remote violence"}  # fmt: skip
    first = article("a", CLASH, outlet="A")
    second = article("b", CLASH, outlet="B")
    reports = [
        (first, [event(first, WHOLE, actor1=ARMY, actor2=MILITIA, **shelling)]),
        (second, [event(second, WHOLE, actor1=MILITIA, actor2=ARMY, **shelling)]),
    ]  # type: ignore[arg-type]
    assert len(fuse(reports)) == 2


def test_fatalities_keep_the_conservative_figure_the_range_and_a_best_estimate() -> None:
    tolls = [(12, 12, None), (12, 12, 12), (9, 9, 15)]
    reports = []
    for n, (value, low, high) in enumerate(tolls):
        art = article(f"o{n}", CLASH, outlet=f"O{n}")
        reports.append((art, [event(art, WHOLE, fatalities=value, low=low,
                                    high=high)]))  # fmt: skip
    (fused,) = fuse(reports)
    assert fused.fatalities == 9  # ACLED: the lowest credible toll
    assert (fused.fatalities_low, fused.fatalities_high) == (9, 15)
    assert fused.fatalities_best == 12  # the median source
    per_article = json.loads(dict(fused.conflicts)["fatalities"])
    assert per_article[reports[1][0].id] == 12
    assert per_article[reports[2][0].id] == {"fatalities": 9, "low": 9, "high": 15}


def test_agreeing_sources_list_no_conflicts() -> None:
    reports = clash_reports(2, fatalities=12, low=12, high=12)
    (fused,) = fuse(reports)
    assert fused.conflicts == ()


def test_a_vague_report_does_not_chain_two_events_together() -> None:
    # Tafas on the 3rd and Muzayrib on the 3rd are 4 km apart; a report naming only
    # the province fits both, but the two town reports with different sides do not fit.
    a, b, c = (article(n, CLASH, outlet=n) for n in "abc")
    reports = [
        (a, [event(a, WHOLE, actor2=MILITIA)]),
        (b, [event(b, WHOLE, place=QAMISHLI, actor2=ISLAMIC_STATE)]),
        (c, [event(c, WHOLE, place=None, actor2=None)]),
    ]
    # Without a place the vague report agrees with no locality and stays alone.
    assert sorted(e.source_count for e in fuse(reports)) == [1, 1, 1]
    # Allowed to fuse placeless reports, it still joins one event only.
    fused = fuse(reports, require_place=False)
    assert len(fused) == 2
    assert sorted(e.source_count for e in fused) == [1, 2]


def test_ids_are_stable_whatever_the_input_order_and_when_later_articles_arrive() -> None:
    reports = clash_reports(3)
    ids = {e.id for e in fuse(reports)}
    assert {e.id for e in fuse(list(reversed(reports)))} == ids
    later = article("later", CLASH, outlet="Later", published="2026-03-09")
    assert {e.id for e in fuse([*reports, (later, [event(later, WHOLE)])])} == ids


def test_flagged_reports_stay_out_unless_asked_and_never_join_asserted_ones() -> None:
    art = article("b", CLASH, outlet="B")
    planned = [(art, [event(art, WHOLE, modality="planned")])]
    fused = fuse(clash_reports(1) + planned)
    assert [e.modality for e in fused] == ["asserted"]
    assert fused[0].source_count == 1
    kept = fuse(clash_reports(1) + planned, keep_flagged=True)
    assert sorted(e.modality for e in kept) == ["asserted", "planned"]


def test_same_article_twice_in_one_event_counts_once() -> None:
    art = article("a", CLASH + " Fighting in Tafas went on.", outlet="A")
    second = event(art, "Fighting in Tafas went on")
    (fused,) = fuse([(art, [event(art, "Fighting in Tafas killed"), second])])
    assert fused.source_count == 1
    assert len(fused.sources) == 2


def test_a_report_crediting_another_outlet_of_the_corpus_counts_as_that_outlet() -> None:
    wire = article("wire", CLASH, outlet="Coastline Wire", published="2026-03-03")
    credited = "According to Coastline Wire, fighting in Tafas killed 12 people on Tuesday."
    paper = article("paper", credited, outlet="The Northern Chronicle")
    own = article("own", CLASH, outlet="Levant Monitor")
    reports = [
        (wire, [event(wire, WHOLE)]),
        (paper, [event(paper, credited)]),
        (own, [event(own, WHOLE)]),
    ]
    (fused,) = fuse(reports)
    assert len(fused.sources) == 3
    assert fused.source_count == 2


def test_a_passing_mention_fuses_as_a_mention_and_is_no_source() -> None:
    passing = "The truce followed Tuesday's fighting in Tafas."
    mention_only = article("m", passing, outlet="Mention Daily")
    mentioned = event(mention_only, passing, actor1=None, actor2=None, background=True)
    reports = [*clash_reports(2), (mention_only, [mentioned])]
    (fused,) = fuse(reports)
    assert fused.source_count == 2
    assert len(fused.sources) == 2
    assert [s.article for s in fused.mentions] == [mention_only.id]
    assert not fused.background


def test_an_event_only_mentioned_in_passing_keeps_its_mentions_as_sources() -> None:
    passing = "The truce followed Tuesday's fighting in Tafas."
    arts = [article(name, passing, outlet=name) for name in ("m1", "m2")]
    (fused,) = fuse([(a, [event(a, passing, background=True)]) for a in arts])
    assert fused.background
    assert fused.source_count == 2
    assert fused.mentions == ()


def test_a_port_without_an_id_is_one_place_with_its_town() -> None:
    port = Place(name="Hodeidah Port", lat=14.83, lon=42.93, country_code="YE",
                 feature="port", mentions=())  # fmt: skip
    named = replace(port, lat=None, lon=None)
    assert geo.compatible(port, HODEIDAH, near_km=1.0)  # 4 km from the centre
    town = replace(HODEIDAH, mentions=(Mention(article="a", start=0, end=8, text="Hodeidah"),))
    unplaced = replace(
        named, mentions=(Mention(article="b", start=0, end=13, text="Hodeidah port"),)
    )
    assert geo.compatible(unplaced, town, near_km=5.0)  # no coordinates: the name says it
    elsewhere = replace(port, name="Salif Port", lat=15.31, lon=42.67)
    assert not geo.compatible(elsewhere, HODEIDAH, near_km=5.0)
    assert not geo.compatible(TAFAS, MUZAYRIB, near_km=1.0)  # two towns: near_km only


# --------------------------------------------------------------------------
# Blocking and splitting

REGIONS = tuple(
    Place(name=f"Town {n}", geonameid=100 + n, lat=33.0 + n, lon=36.0, country_code="SY",
          admin1=f"Region {n % 6}", feature="city")
    for n in range(12)
)  # fmt: skip


def _spread_reports(count: int) -> Fuser:
    """``count`` articles, four a day over consecutive days, each reporting a clash in one of
    twelve towns of six regions: a corpus whose density per day and region stays fixed."""
    analyses = []
    articles = []
    for n in range(count):
        day = (date(2026, 1, 1) + timedelta(days=n // 4)).isoformat()
        art = article(f"a{n:05d}", CLASH, outlet=f"Outlet {n % 7}", published=day)
        report = event(art, WHOLE, place=REGIONS[n % len(REGIONS)], day=day)
        articles.append(art)
        analyses.append(Analysis(article=art.id, events=(report,), entities=KNOWN,
                                 places=REGIONS, dates=stated_dates(art, [report])))  # fmt: skip
    return Fuser(analyses, SourceIndex.build(tuple(articles), ()))


def test_blocking_makes_the_comparisons_grow_linearly() -> None:
    counts = {}
    for size in (200, 400, 800):
        fuser = _spread_reports(size)
        fuser.fuse()
        counts[size] = fuser.comparisons
        assert fuser.comparisons < size * (size - 1) // 2 / 10  # far from all pairs
    # Doubling the corpus doubles the tests (all pairs would quadruple them).
    assert counts[400] <= 2.2 * counts[200]
    assert counts[800] <= 2.2 * counts[400]
    assert counts[200] > 0


def test_blocking_still_pairs_a_province_with_its_towns_and_drops_other_regions() -> None:
    a, b, c = (article(n, CLASH, outlet=n) for n in "abc")
    reports = [
        (a, [event(a, WHOLE)]),  # Tafas, Daraa
        (b, [event(b, WHOLE, place=DARAA_PROVINCE)]),
        (c, [event(c, WHOLE, place=QAMISHLI)]),  # Hasakah: another cell
    ]
    fuser = _fuser(reports)
    pairs = {(fuser.reports[i].place.name, fuser.reports[j].place.name)  # type: ignore[union-attr]
             for i, j in fuser.candidate_pairs()}  # fmt: skip
    assert pairs == {("Tafas", "Daraa")}
    assert sorted(e.source_count for e in fuser.fuse()) == [1, 2]


def test_reports_with_no_date_at_all_fuse_with_no_other_article() -> None:
    a, b = (article(n, "Fighting in Tafas killed 12 people.", outlet=n, published="") for n in "ab")
    reports = [(x, [event(x, "Fighting in Tafas killed 12 people.", day=None)]) for x in (a, b)]
    assert len(fuse(reports)) == 2


def _report(art: Article, day: str) -> Report:
    ordinal = float(date.fromisoformat(day).toordinal())
    report = event(art, WHOLE, day=day)
    return Report(event=report, article=art.id, source=art.id, order=(day, art.id),
                  start=ordinal, end=ordinal, place=TAFAS, dated=True)  # fmt: skip


def test_a_cluster_spanning_weeks_is_split_at_its_widest_gap() -> None:
    arts = [article(f"s{n}", CLASH, outlet=f"S{n}") for n in range(5)]
    days = ["2026-03-01", "2026-03-02", "2026-03-20", "2026-04-25", "2026-04-26"]
    cluster = [_report(a, d) for a, d in zip(arts, days, strict=True)]
    parts = split_long(cluster, max_span_days=31)
    assert [[r.event.date_start for r in part] for part in parts] == [
        ["2026-03-01", "2026-03-02", "2026-03-20"],
        ["2026-04-25", "2026-04-26"],
    ]
    assert split_long(cluster[:3], max_span_days=31) == [cluster[:3]]
    weekly = split_long(cluster[:3], max_span_days=7)
    assert [len(part) for part in weekly] == [2, 1]


def test_an_unidentified_group_is_no_side_and_a_named_one_wins() -> None:
    from crosswire.model import Entity

    unnamed = Entity(
        name="Unidentified Armed Group (Syria)",
        kind="unidentified_armed_group",
        inter_code=3,
        country_code="SY",
        canonical_key="uag:SY",
    )
    reports = clash_reports(1) + [
        (a, [event(a, WHOLE, actor1=unnamed)])
        for a in [article("b", CLASH, outlet="B"), article("c", CLASH, outlet="C")]
    ]
    analyses = tuple(
        Analysis(
            article=a.id,
            events=tuple(evs),
            entities=(*KNOWN, unnamed),
            places=PLACES,
            dates=stated_dates(a, evs),
        )
        for a, evs in reports
    )
    corpus = Corpus(articles=tuple(a for a, _ in reports), analyses=analyses)
    (fused,) = get("fuse").factory()(corpus, StageContext()).events
    # Two reports fell back to the unnamed group; the one that names the army wins.
    assert (fused.actor1, fused.source_count) == (ARMY.id, 3)


def test_blocking_compares_only_reports_whose_types_may_fit() -> None:
    a, b = (article(n, CLASH, outlet=n) for n in "ab")
    protest = "Residents protested in Tafas on Tuesday."
    p = article("p", protest, outlet="p")
    remote = "Explosions/Remote violence"
    reports = [
        (a, [event(a, WHOLE)]),  # an armed clash in Tafas
        (b, [event(b, WHOLE, sub_event_type="Government regains territory")]),
        (p, [event(p, protest, sub_event_type="Peaceful protest", event_type="Protests")]),
    ]
    fuser = _fuser(reports)
    kind = [r.event.sub_event_type for r in fuser.reports]
    types = {frozenset({kind[i], kind[j]}) for i, j in fuser.candidate_pairs()}
    # One family of battles meets; a protest in the same town on the same day is not compared.
    assert types == {frozenset({"Armed clash", "Government regains territory"})}
    strike, blast = (
        event(a, WHOLE, sub_event_type=kind, event_type=remote)
        for kind in ("Air/drone strike", "Remote explosive/landmine/IED")
    )
    flagged = event(a, WHOLE, modality="denied")
    found = kinds([
        Report(event=e, article=a.id, source=a.id, order=("", a.id), start=0.0, end=0.0,
               place=TAFAS, dated=True)
        for e in (strike, blast, flagged)
    ])  # fmt: skip
    # Remote violence of two sub-types may be one incident (one named perpetrator's).
    assert found[0] == found[1]
    assert found[2] != kinds([_report(a, "2026-03-03")])[0]  # another modality


def _told(
    n: int, text: str, value: int, words: str, confidence: float
) -> tuple[Article, list[Event]]:
    art = article(f"t{n}", text, outlet=f"T{n}")
    found = event(art, text, fatalities=value, low=value, high=value)
    return art, [replace(found, fatalities_text=words, confidence=confidence)]


def test_a_passing_lower_toll_does_not_set_the_fused_toll() -> None:
    reports = [
        _told(0, "Fighting in Tafas killed 12 people on Tuesday, residents said.", 12, "12", 0.6),
        _told(1, "Fighting in Tafas on Tuesday: three more died nearby.", 3, "three", 0.1),
    ]
    (fused,) = fuse(reports)
    assert fused.fatalities == 12
    assert (fused.fatalities_low, fused.fatalities_high) == (3, 12)  # the range still told


def test_a_vague_toll_gives_way_to_a_figure_for_the_same_incident() -> None:
    reports = [
        _told(0, "Fighting in Tafas killed dozens on Tuesday, residents said.", 12, "dozens", 0.6),
        _told(1, "Fighting in Tafas killed 30 people on Tuesday, a monitor said.", 30, "30", 0.5),
    ]
    (fused,) = fuse(reports)
    assert fused.fatalities == 30


def test_another_sources_lower_count_stays_the_conservative_toll() -> None:
    reports = [
        _told(0, "Fighting in Tafas killed 12 people on Tuesday, residents said.", 12, "12", 0.6),
        _told(1, "On Tuesday the agency gave a toll of nine in Tafas.", 9, "nine", 0.1),
    ]
    (fused,) = fuse(reports)
    assert fused.fatalities == 9  # ACLED: the lowest credible figure of disagreeing sources


def test_a_recoded_killing_is_compared_as_told() -> None:
    """A killing the events stage coded by the strikes told around it (``reported_type``)
    joins other articles' reports as the killing told, not as a strike; the fused event
    takes the coded type."""
    strike = {"sub_event_type": "Air/drone strike", "event_type": "Explosions/Remote violence"}
    told = {"sub_event_type": "Attack", "event_type": "Violence against civilians"}
    arts = [article(name, CLASH, outlet=name.upper()) for name in ("a", "b", "c")]
    recoded = [replace(event(a, WHOLE, **strike), reported_type="Attack") for a in arts[:2]]  # type: ignore[arg-type]
    (fused,) = fuse([(arts[0], [recoded[0]]), (arts[1], [recoded[1]])])
    assert (fused.sub_event_type, fused.reported_type) == ("Air/drone strike", "Attack")
    attack = event(arts[2], WHOLE, **told)  # type: ignore[arg-type]
    assert len(fuse([(arts[0], [recoded[0]]), (arts[2], [attack])])) == 1
    bombing = event(arts[2], WHOLE, **strike)  # type: ignore[arg-type]
    assert len(fuse([(arts[0], [recoded[0]]), (arts[2], [bombing])])) == 2


def test_a_bare_attack_yields_to_the_means_another_report_was_coded_by() -> None:
    """Reports join as told: two outlets' bare "killed in an attack" and a third's killing
    the events stage coded by the strikes told beside it are one incident, which ACLED
    codes by its means, however many reports left it untold."""
    strike = {"sub_event_type": "Air/drone strike", "event_type": "Explosions/Remote violence"}
    told = {"sub_event_type": "Attack", "event_type": "Violence against civilians"}
    arts = [article(name, CLASH, outlet=name.upper()) for name in ("a", "b", "c")]
    attacks = [(a, [event(a, WHOLE, **told)]) for a in arts[:2]]  # type: ignore[arg-type]
    (fused,) = fuse(attacks)
    assert fused.sub_event_type == "Attack"  # no means told anywhere: it stays an Attack
    recoded = replace(event(arts[2], WHOLE, **strike), reported_type="Attack")  # type: ignore[arg-type]
    (fused,) = fuse([*attacks, (arts[2], [recoded])])
    assert (fused.sub_event_type, fused.event_type) == tuple(strike.values())
    assert fused.reported_type == "Attack"
