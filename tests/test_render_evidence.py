"""Evidence on screen: each event's passage with its arguments marked, one click from the text."""

from __future__ import annotations

from typing import Any

import lxml.html

from crosswire.render import render_html
from crosswire.render.markdown import render_markdown
from crosswire.render.view import BriefView, evidence_marks

TEXT = (
    "Residents described a long night. On Tuesday, government forces shelled Kafr Nabl, "
    "killing 7 civilians, a monitor said. Aid groups asked for access."
)
SENTENCE_START = TEXT.index("On Tuesday")
SENTENCE_END = TEXT.index("Aid groups") - 1


def _span(start: int, end: int) -> dict[str, Any]:
    return {"article": "art_1", "start": start, "end": end, "text": TEXT[start:end]}


def _mention(word: str) -> dict[str, Any]:
    at = TEXT.index(word)
    return {"article": "art_1", "start": at, "end": at + len(word), "text": word}


def small_brief() -> dict[str, Any]:
    sentence = _span(SENTENCE_START, SENTENCE_END)
    return {
        "crosswire_version": "test",
        "generated_at": "2026-03-05T00:00:00+00:00",
        "articles": [
            {
                "id": "art_1",
                "title": "Shelling in Idlib",
                "outlet": "Example Wire",
                "published": "2026-03-04",
                "url": "https://wire.example/a",
                "text": TEXT,
                "removed": [],
                "source": "a.json",
            }
        ],
        "entities": [
            {
                "id": "ent_army",
                "name": "Military Forces of Syria",
                "kind": "state_forces",
                "mentions": [_mention("government forces")],
            }
        ],
        "places": [
            {
                "id": "plc_kn",
                "name": "Kafr Nabl",
                "lat": 35.6,
                "lon": 36.6,
                "country_code": "SY",
                "mentions": [_mention("Kafr Nabl")],
            },
        ],
        "events": [
            {
                "id": "evt_1",
                "event_type": "Explosions/Remote violence",
                "sub_event_type": "Shelling/artillery/missile attack",
                "actor1": "ent_army",
                "place": "plc_kn",
                "date_start": "2026-03-03",
                "date_end": "2026-03-03",
                "date_precision": "day",
                "date_text": "Tuesday",
                "fatalities": 7,
                "fatalities_text": "7 civilians",
                "source_count": 1,
                "sources": [sentence],
            }
        ],
        "claims": [
            {
                "id": "clm_1",
                "text": "7 civilians killed",
                "status": "single",
                "value": 7,
                "sources": [sentence],
            },
        ],
        "stories": [
            {
                "id": "sty_1",
                "title": "Idlib",
                "articles": ["art_1"],
                "events": ["evt_1"],
                "summary": [{"text": "Forces shelled Kafr Nabl.", "sources": [sentence]}],
            },
        ],
        "groups": [],
        "rejections": [],
    }


def test_marks_name_actor_place_date_and_toll() -> None:
    brief = small_brief()
    view = BriefView(brief)
    event = brief["events"][0]
    span = event["sources"][0]
    marks = evidence_marks(view, event, span)
    marked = {m.role: span["text"][m.start : m.end] for m in marks}
    assert marked == {
        "actor": "government forces",
        "place": "Kafr Nabl",
        "date": "Tuesday",
        "fatalities": "7 civilians",
    }


def test_html_evidence_marks_the_passage_and_links_to_it_in_the_text() -> None:
    page = lxml.html.fromstring(render_html(small_brief()))
    evidence = page.get_element_by_id("story-1-evt_1-evidence")
    quote = evidence.xpath(".//blockquote")[0]
    assert quote.text_content() == TEXT[SENTENCE_START:SENTENCE_END]
    roles = {m.get("class").split()[-1]: m.text for m in quote.xpath(".//mark")}
    assert roles["arg-actor"] == "government forces" and roles["arg-place"] == "Kafr Nabl"
    assert (
        "Example Wire" in evidence.text_content() and "Shelling in Idlib" in evidence.text_content()
    )
    assert "https://wire.example/a" in evidence.text_content()
    link = evidence.xpath(".//a[@class='to-text']")[0].get("href")
    target = page.get_element_by_id(link[1:])
    assert target.tag == "mark" and target.text == TEXT[SENTENCE_START:SENTENCE_END]
    assert target.getparent().get("id") == "text-art_1"
    # The claim's source and the summary's citation open the same passage.
    claim_links = page.get_element_by_id("story-1-clm_1").xpath(".//a/@href")
    assert link in claim_links
    assert page.xpath("//span[@class='cite']/a/@href") == [link]
    # The events table links each event to its evidence.
    row = page.get_element_by_id("story-1-evt_1")
    assert "#story-1-evt_1-evidence" in row.xpath(".//a/@href")


def test_markdown_evidence_quotes_the_passage_with_arguments_in_bold() -> None:
    text = render_markdown(small_brief())
    assert "**government forces** shelled **Kafr Nabl**" in text
    assert "“Shelling in Idlib”" in text and "https://wire.example/a" in text
    assert f"characters {SENTENCE_START}–{SENTENCE_END}" in text
