"""Stage `stories`: articles grouped into stories with a cited extractive summary."""

from __future__ import annotations

from crosscheck_fixtures import article, event
from crosswire.crosscheck.stories import average_link
from crosswire.crosscheck.text import sentence_spans
from crosswire.model import Analysis, Article, ArticleGroup, Corpus, Event, Story
from crosswire.registry import StageContext, get

TAFAS_WIRE = (
    "Fighting between government forces and local former rebels in Tafas killed at least 12 "
    "people on Tuesday, residents said. Army units backed by armoured vehicles entered the town "
    "at dawn to arrest wanted men. A doctor at the field hospital said four soldiers were among "
    "the dead."
)
TAFAS_MONITOR = (
    "Twelve people were killed in Tuesday's fighting between government forces and former rebels "
    "in Tafas, a monitoring group said. Hundreds of families fled the town for nearby villages. "
    "The army brought tanks into the town in the afternoon."
)
MISRATA_WIRE = (
    "One protester was killed when security forces fired on a demonstration against power cuts "
    "in Misrata on Thursday, medics said. Several hundred people had gathered in the city centre "
    "after a week of rolling blackouts. The Interior Ministry said it had opened an investigation."
)
MISRATA_HERALD = (
    "A young protester was killed as security forces broke up a demonstration over power cuts in "
    "Misrata on Thursday evening, relatives said. Hundreds of people had gathered outside the "
    "council building to protest against blackouts."
)


def run_stories(
    articles: list[Article],
    reports: list[tuple[Article, Event]] = (),  # type: ignore[assignment]
    groups: tuple[ArticleGroup, ...] = (),
    **options: object,
) -> list[Story]:
    events: dict[str, list[Event]] = {}
    for art, report in reports:
        events.setdefault(art.id, []).append(report)
    analyses = tuple(Analysis(article=a.id, events=tuple(events.get(a.id, ()))) for a in articles)
    corpus = Corpus(articles=tuple(articles), analyses=analyses, groups=groups)
    for name in ("fuse", "claims"):
        corpus = get(name).factory()(corpus, StageContext())
    return list(get("stories").factory(**options)(corpus, StageContext()).stories)


def corpus_articles() -> list[Article]:
    return [
        article("wire-tafas", TAFAS_WIRE, outlet="Wire", published="2026-03-03"),
        article("monitor-tafas", TAFAS_MONITOR, outlet="Monitor"),
        article("wire-misrata", MISRATA_WIRE, outlet="Wire", published="2026-03-06"),
        article("herald-misrata", MISRATA_HERALD, outlet="Herald", published="2026-03-06"),
    ]


def test_articles_group_into_one_story_per_situation() -> None:
    arts = corpus_articles()
    stories = run_stories(arts)
    assert sorted(sorted(s.articles) for s in stories) == sorted(
        [sorted([arts[0].id, arts[1].id]), sorted([arts[2].id, arts[3].id])]
    )
    assert all(s.title for s in stories)


def test_a_syndicated_copy_joins_its_original_even_when_words_differ() -> None:
    arts = corpus_articles()
    odd = article("odd", "A short note on something else entirely, with no overlap at all.")
    group = ArticleGroup(kind="syndicated", articles=(arts[0].id, odd.id))
    stories = run_stories([*arts, odd], groups=(group,))
    (home,) = [s for s in stories if odd.id in s.articles]
    assert arts[0].id in home.articles


def test_summary_sentences_are_verbatim_and_cite_every_source_saying_the_same() -> None:
    arts = corpus_articles()
    texts = {a.id: a.text for a in arts}
    reports = [
        (arts[0], event(arts[0], "Fighting between government forces")),
        (arts[1], event(arts[1], "Twelve people were killed")),
    ]
    stories = run_stories(arts, reports)
    (tafas,) = [s for s in stories if arts[0].id in s.articles]
    assert len(tafas.events) == 1
    assert tafas.summary
    for sentence in tafas.summary:
        own = sentence.sources[0]
        assert texts[own.article][own.start : own.end] == sentence.text == own.text
        for cited in sentence.sources:
            assert texts[cited.article][cited.start : cited.end] == cited.text
    lead = tafas.summary[0]
    assert {s.article for s in lead.sources} == {arts[0].id, arts[1].id}
    assert "12" in lead.text or "Twelve" in lead.text


def test_summary_leaves_out_a_sentence_another_one_already_says() -> None:
    arts = corpus_articles()
    copy = article("copy", MISRATA_WIRE, outlet="Ledger", published="2026-03-07")
    group = ArticleGroup(kind="syndicated", articles=(arts[2].id, copy.id))
    stories = run_stories([*arts, copy], groups=(group,), summary_sentences=6)
    (misrata,) = [s for s in stories if copy.id in s.articles]
    texts = [s.text for s in misrata.summary]
    assert len(texts) == len(set(texts))
    lead = next(s for s in misrata.summary if s.text.startswith("One protester"))
    assert {s.article for s in lead.sources} >= {arts[2].id, copy.id}


def test_average_link_needs_the_mean_not_one_strong_pair() -> None:
    # 0-1 alike, 2-3 alike, and one strong bridge 1-2: the groups stay apart.
    similarity = {(0, 1): 0.9, (2, 3): 0.9, (1, 2): 0.5}
    assert average_link(4, similarity, 0.3) == [[0, 1], [2, 3]]
    assert average_link(4, similarity, 0.1) == [[0, 1, 2, 3]]


def test_sentences_split_at_full_stops_but_not_inside_quotes_or_after_titles() -> None:
    text = "Gen. Ali said “We came. We left.” Then it rained.\n\nA new paragraph."
    parts = [text[s:e] for s, e in sentence_spans(text)]
    assert parts == ["Gen. Ali said “We came. We left.”", "Then it rained.", "A new paragraph."]
