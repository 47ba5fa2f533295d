"""The light reading of French articles: places, dates, figures and events from word lists."""

from __future__ import annotations

import pytest

from crosswire.events import foreign
from crosswire.events import ontology as on
from crosswire.events.stage import make_events
from crosswire.model import Article, Corpus
from crosswire.registry import StageContext

LEAD = (
    "BENGHAZI (Libye) — Des affrontements ont opposé mardi deux milices rivales dans le centre "
    "de Benghazi, faisant au moins quatre morts selon un hôpital local."
)
BACKGROUND = (
    "Lundi soir, une manifestation avait été dispersée à Benghazi ; un manifestant avait été tué."
)
DENIED = "L'armée n'a pas bombardé la ville, a précisé un porte-parole."


def article(text: str, language: str = "fr") -> Article:
    return Article(
        input_sha256="f" * 64,
        position="0",
        source="depeche.txt",
        format="txt",
        text=text,
        language=language,
        outlet="La Dépêche du Golfe",
        published="2026-03-05",  # a Thursday
        published_precision="day",
    )


def test_an_article_in_french_is_read_and_english_is_left_to_the_parser() -> None:
    assert foreign.reads(article(LEAD))
    assert not foreign.reads(article(LEAD, language="en"))
    assert not foreign.reads(article(LEAD, language="ar"))


def test_places_dates_figures_and_the_event_of_a_lead() -> None:
    analysis = foreign.read_article(article(LEAD))
    names = {p.id: p.name for p in analysis.places}
    assert "Benghazi" in names.values()
    assert [(d.mention.text, d.start_date) for d in analysis.dates] == [("mardi", "2026-03-03")]
    (dead,) = analysis.figures
    assert (dead.mention.text, dead.value, dead.low, dead.high) == (
        "au moins quatre morts",
        4,
        4,
        None,
    )
    assert dead.counted == "people killed"
    (event,) = analysis.events
    assert event.sub_event_type == on.ARMED_CLASH
    assert names[event.place or ""] == "Benghazi"
    assert (event.date_start, event.date_text, event.fatalities) == ("2026-03-03", "mardi", 4)
    assert (event.actor1, event.actor2, event.background) == (None, None, False)
    assert event.sources[0].text == LEAD


def test_a_pluperfect_outside_reported_speech_is_background() -> None:
    text = LEAD + "\n\n" + BACKGROUND
    analysis = foreign.read_article(article(text))
    lead, earlier = analysis.events
    assert not lead.background
    assert earlier.background
    assert earlier.sub_event_type == on.EXCESSIVE_FORCE  # a protester died
    assert (earlier.date_start, earlier.fatalities) == ("2026-03-02", 1)
    one = next(f for f in analysis.figures if f.mention.text == "un manifestant")
    assert (one.value, one.counted) == (1, "protester killed")


def test_negation_and_words_that_count_no_one() -> None:
    text = LEAD + "\n\n" + DENIED + " Un responsable du port a parlé."
    analysis = foreign.read_article(article(text))
    assert [e.modality for e in analysis.events] == ["asserted", "negated"]
    assert [f.mention.text for f in analysis.figures] == ["au moins quatre morts"]


@pytest.mark.slow
def test_the_events_stage_reads_a_french_article_with_no_analysis() -> None:
    art = article(LEAD)
    out = make_events()(Corpus(articles=(art,)), StageContext())
    (analysis,) = out.analyses
    assert analysis.article == art.id
    assert [e.sub_event_type for e in analysis.events] == [on.ARMED_CLASH]
