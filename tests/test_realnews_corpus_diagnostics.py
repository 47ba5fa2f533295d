"""bench/realnews_corpus.py's fusion diagnostics on invented articles: why a same-incident
group is not one event, and which spanning events only an annotation makes span."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import realnews_corpus as rc
from crosscheck_fixtures import QAMISHLI, TAFAS, article, event, stated_dates
from crosswire.model import Analysis, Article, Corpus, Event, SourceSpan
from fakes_data import FakesArticle
from test_fuse import KNOWN, PLACES

CLASH = "Fighting in Tafas killed 12 people on Tuesday, residents said."
STRIKE = "An air strike on Tafas killed 12 people on Tuesday, medics said."
REMOTE = {"event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike"}


def _article(name: str, published: str | None = "2026-03-04") -> Article:
    art = article(name, CLASH if name != "strike" else STRIKE, outlet=name.upper())
    return replace(art, published=published, published_precision="day" if published else None)


def _gold(incident: str, cause: str = "shooting", governorate: str = "daraa") -> FakesArticle:
    return FakesArticle(
        unit_id=incident + cause, title="t", text="x", outlet="o",
        incident_date=dt.date.fromisoformat(incident), governorate=governorate, actor="a",
        cause=cause, civilians=12, noncivilians=0, children=0, women=0, consistent=True,
    )  # fmt: skip


def _run(reports: list[tuple[Article, list[Event]]], golds: list[FakesArticle]) -> rc.Run:
    analyses = tuple(
        Analysis(article=a.id, events=tuple(evs), entities=KNOWN, places=PLACES,
                 dates=stated_dates(a, evs))
        for a, evs in reports
    )  # fmt: skip
    corpus = Corpus(articles=tuple(a for a, _ in reports), analyses=analyses)
    gold = {a.id: replace(g, unit_id=a.id) for (a, _), g in zip(reports, golds, strict=True)}
    run = rc.Run(corpus, gold, 0.0)
    events = tuple(rc.fuser_of(run).fuse())
    return replace(run, corpus=replace(corpus, events=events))


def _why(run: rc.Run) -> str | None:
    members = sorted(run.gold)
    events = [rc._event_articles(e) for e in run.corpus.events]
    covers = rc._covers(run)
    if any(all(covers[m] & e for m in members) for e in events):
        return None  # fused
    return rc.why_apart(run, rc.fuser_of(run), members, events, covers)


def _pair(**right: object) -> list[tuple[Article, list[Event]]]:
    """Two articles' reports of a clash in Tafas; ``right`` changes the second report."""
    published = right.pop("published", "2026-03-04")
    left, other = _article("left"), _article("right", published)  # type: ignore[arg-type]
    return [(left, [event(left, CLASH)]), (other, [event(other, CLASH, **right)])]  # type: ignore[arg-type]


def test_two_accounts_of_one_clash_are_fused() -> None:
    run = _run(_pair(), [_gold("2026-03-03"), _gold("2026-03-03")])
    assert _why(run) is None
    assert rc.score_groups(run, 0) == 1.0


def test_articles_published_weeks_apart_are_two_incidents_to_the_diagnosis() -> None:
    reports = _pair(published="2026-03-20", day="2026-03-17")
    assert _why(_run(reports, [_gold("2026-03-03"), _gold("2026-03-03")])) == "published apart"


def test_an_undated_article_is_named_as_such() -> None:
    # Its report names no day of its own: it could be of any year, so it fuses with none.
    reports = _pair(published=None, day=None)
    assert _why(_run(reports, [_gold("2026-03-03")] * 2)) == "no publication date"


def test_the_first_failing_gate_of_the_closest_pair_is_the_reason() -> None:
    golds = [_gold("2026-03-03", cause="unknown")] * 2
    assert _why(_run(_pair(place=QAMISHLI), golds)) == "place"
    assert _why(_run(_pair(place=None), golds)) == "no place"
    assert _why(_run(_pair(**REMOTE), golds)) == "type"
    assert _why(_run(_pair(day="2026-02-20"), golds)) == "date"


def test_an_article_with_no_report_of_the_annotated_cause_is_named() -> None:
    # Shelling is coded as remote violence; both articles report only a clash.
    golds = [_gold("2026-03-03", cause="shelling")] * 2
    assert _why(_run(_pair(place=QAMISHLI), golds)) == "no report of the type"


def _fused(reports: list[tuple[Article, list[Event]]]) -> Event:
    sources = tuple(SourceSpan(article=a.id, start=0, end=10, text=a.text[:10]) for a, _ in reports)
    return replace(reports[0][1][0], sources=sources, place=TAFAS.id)


def test_a_span_made_only_by_an_annotation_off_its_own_dateline_is_not_fusions() -> None:
    reports = _pair()
    # One article's incident annotated three weeks before its own dateline: off.
    run = _run(reports, [_gold("2026-03-03"), _gold("2026-02-10")])
    run = replace(run, corpus=replace(run.corpus, events=(_fused(reports),)))
    assert rc.score_spanning(run, 0) == (1, 0)


def test_a_span_between_articles_whose_annotations_fit_counts_against_fusion() -> None:
    reports = _pair(published="2026-03-20", day="2026-03-19")
    run = _run(reports, [_gold("2026-03-03"), _gold("2026-03-19")])
    run = replace(run, corpus=replace(run.corpus, events=(_fused(reports),)))
    assert rc.score_spanning(run, 0) == (1, 1)


def test_dup_pairs_name_a_same_incident_pair_fusion_keeps_apart_and_its_reason() -> None:
    import dup_pairs

    left, right = _article("left"), _article("strike")
    reports = [
        (left, [event(left, CLASH, fatalities=12)]),
        (right, [event(right, STRIKE, fatalities=12, **REMOTE)]),  # type: ignore[arg-type]
    ]
    run = _run(reports, [_gold("2026-03-03", "unknown")] * 2)
    run = replace(run, corpus=replace(run.corpus, places=PLACES, entities=KNOWN))
    pairs = dup_pairs.same_incident_pairs(run)
    assert [(p.across, p.reason) for p in pairs] == [(True, "type")]
    alike = dup_pairs.look_alike_pairs(run)
    assert [p.reason for p in alike] == ["type"]
    # Another governorate's place: not the annotated incident, no pair.
    other = [(left, [event(left, CLASH)]), (right, [event(right, STRIKE, place=QAMISHLI)])]
    assert dup_pairs.same_incident_pairs(_run(other, [_gold("2026-03-03", "unknown")] * 2)) == []
