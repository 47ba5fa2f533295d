"""The metadata stage: outlet, author and date inferred with their provenance."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from crosswire.metadata import pubdates
from crosswire.metadata.bylines import normalise_name, parse_byline, parse_dateline
from crosswire.metadata.outlets import outlet_from_url
from crosswire.metadata.stage import infer_metadata
from crosswire.model import Article, Corpus, FieldOrigin, RemovedBlock
from crosswire.registry import StageContext, get

BODY = (
    "Three people were killed on Tuesday when strikes hit the grain terminal, local officials "
    "said, adding that the toll could rise as rescuers searched the rubble."
)
MORE = "The port authority said unloading had stopped until engineers could inspect the quay."


def article(*paragraphs: str, **fields: object) -> Article:
    base: dict[str, object] = {
        "input_sha256": "abc",
        "position": "0",
        "source": "story.txt",
        "format": "txt",
        "text": "\n\n".join(paragraphs or (BODY, MORE)),
    }
    base.update(fields)
    return Article(**base)  # type: ignore[arg-type]


def removed(text: str, reason: str) -> tuple[RemovedBlock, ...]:
    return (RemovedBlock(text=text, reason=reason),)


def origin(result: Article, field: str) -> FieldOrigin:
    matches = [o for o in result.origins if o.field == field]
    assert len(matches) == 1, result.origins
    return matches[0]


# --------------------------------------------------------------------------
# Bylines and authors


@pytest.mark.parametrize(
    ("line", "authors", "outlet"),
    [
        ("By Jane Roe", ("Jane Roe",), None),
        ("By Emily Post", ("Emily Post",), None),
        ("BY JANE ROE", ("Jane Roe",), None),
        ("By Jane Roe and Sam Poe", ("Jane Roe", "Sam Poe"), None),
        ("By Jane Roe, Sam Poe and Ann Lee", ("Jane Roe", "Sam Poe", "Ann Lee"), None),
        ("By Jane Roe and Sam Poe, Levant Monitor", ("Jane Roe", "Sam Poe"), "Levant Monitor"),
        ("By Jane Roe, Levant Monitor", ("Jane Roe",), "Levant Monitor"),
        ("by Jane Roe on 3 March 2019", ("Jane Roe",), None),
        ("Jane Roe | Levant Monitor", ("Jane Roe",), "Levant Monitor"),
        ("By Jane Roe for Coastline Wire", ("Jane Roe",), "Coastline Wire"),
        ("By Jane Roe (AFP)", ("Jane Roe",), "AFP"),
        ("By Jane Roe, Senior Correspondent", ("Jane Roe",), None),
        ("By Jane Roe in Beirut", ("Jane Roe",), None),
        ("By Jane Roe, Beirut", ("Jane Roe",), None),
        ("By Ahmed al-Hamadi | 4 March 2026 10:32 GMT", ("Ahmed al-Hamadi",), None),
        ("By MOHAMMED AL-HAMADI", ("Mohammed Al-Hamadi",), None),
        ("Words by J.R. ROE", ("J.R. Roe",), None),
        ("(Reporting by Jane Roe and Sam Poe; Editing by Ann Lee)", ("Jane Roe", "Sam Poe"), None),
        ("By the Associated Press", (), "AP"),
        ("By Levant Monitor staff", (), "Levant Monitor"),
        ("By Staff", (), None),
        ("By Our Correspondent", (), None),
    ],
)
def test_byline_forms(line: str, authors: tuple[str, ...], outlet: str | None) -> None:
    byline = parse_byline(line)
    assert byline is not None
    assert (byline.authors, byline.outlet) == (authors, outlet)


@pytest.mark.parametrize(
    "line",
    [
        "By the end of the day, twelve people had died in the shelling.",
        "By Tuesday, the army had withdrawn",
        "Jane Roe, Levant Monitor",  # a bare pair is a byline only where clean removed one
        "Strikes hit Hodeidah grain terminal",
    ],
)
def test_sentences_are_not_bylines(line: str) -> None:
    assert parse_byline(line) is None


def test_byline_date_and_place_are_read() -> None:
    byline = parse_byline("by Jane Roe in Beirut on 3 March 2019")
    assert byline is not None
    assert byline.place == "Beirut"
    assert byline.date is not None and byline.date.text == "3 March 2019"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("JANE ROE", "Jane Roe"),
        ("Jean DUPONT", "Jean Dupont"),
        ("SEAN O'NEILL", "Sean O'Neill"),
        ("jane roe", "Jane Roe"),
        ("Ahmed al-Hamadi", "Ahmed al-Hamadi"),
        ("DeShawn McKay", "DeShawn McKay"),
    ],
)
def test_names_are_normalised(raw: str, expected: str) -> None:
    assert normalise_name(raw) == expected


def test_author_from_a_removed_byline_block() -> None:
    result = infer_metadata(
        article(removed=removed("JANE ROE and Sam Poe, Levant Monitor", "byline"))
    )
    assert result.author == "Jane Roe, Sam Poe"
    assert origin(result, "author") == FieldOrigin(
        field="author", origin="byline", evidence="JANE ROE and Sam Poe, Levant Monitor"
    )


def test_author_from_a_byline_the_cleaner_left_in_the_text() -> None:
    result = infer_metadata(article("By Jane Roe", BODY, MORE))
    assert result.author == "Jane Roe"
    assert origin(result, "author").origin == "byline"


def test_a_desk_credit_is_no_author_but_is_kept_as_evidence() -> None:
    result = infer_metadata(article(removed=removed("By Staff", "byline")))
    assert result.author is None
    assert origin(result, "author_credit") == FieldOrigin(
        field="author_credit", origin="byline", evidence="By Staff"
    )


def test_an_agency_credit_gives_the_outlet_not_an_author() -> None:
    result = infer_metadata(article(removed=removed("By Reuters", "byline")))
    assert (result.author, result.outlet) == (None, "Reuters")
    assert origin(result, "outlet").origin == "byline"


# --------------------------------------------------------------------------
# Outlets


@pytest.mark.parametrize(
    ("block", "reason", "outlet", "source"),
    [
        (
            "This story was first published by Coastline Wire and is republished under licence.",
            "source_stamp",
            "Coastline Wire",
            "footer",
        ),
        (
            "Republished with permission from The Levant Monitor.",
            "source_stamp",
            "The Levant Monitor",
            "footer",
        ),
        (
            "© 2026 Levant Monitor Ltd. All rights reserved.",
            "copyright",
            "Levant Monitor",
            "footer",
        ),
        (
            "Copyright 2019-2026 Coastline Wire All Rights Reserved",
            "copyright",
            "Coastline Wire",
            "footer",
        ),
        ("All rights reserved © Red Sea Dispatch 2026", "copyright", "Red Sea Dispatch", "footer"),
        (
            "The views expressed here are the author's own and do not necessarily reflect the "
            "editorial position of The Northern Chronicle.",
            "disclaimer",
            "The Northern Chronicle",
            "disclaimer",
        ),
        (
            "Levant Monitor is an independent, non-profit newsroom covering the Mediterranean.",
            "disclaimer",
            "Levant Monitor",
            "disclaimer",
        ),
    ],
)
def test_outlet_from_footers_and_disclaimers(
    block: str, reason: str, outlet: str, source: str
) -> None:
    result = infer_metadata(article(removed=removed(block, reason)))
    assert result.outlet == outlet
    assert origin(result, "outlet") == FieldOrigin(field="outlet", origin=source, evidence=block)


def test_outlet_from_a_footer_still_in_the_text() -> None:
    result = infer_metadata(
        article(BODY, MORE, "This article originally appeared in Coastline Wire.")
    )
    assert result.outlet == "Coastline Wire"
    assert origin(result, "outlet").origin == "footer"


def test_a_photo_credit_names_no_outlet() -> None:
    result = infer_metadata(article(removed=removed("Photo: © AFP", "photo_credit")))
    assert result.outlet is None


def test_an_organisation_described_in_the_body_is_no_outlet() -> None:
    text = "UNICEF is an international organisation that runs feeding centres in the region."
    assert infer_metadata(article(BODY, MORE, text)).outlet is None


def test_outlet_from_the_dateline() -> None:
    result = infer_metadata(article("HODEIDAH, Yemen (Coastline Wire) - " + BODY, MORE))
    assert result.outlet == "Coastline Wire"
    assert origin(result, "outlet").evidence == "HODEIDAH, Yemen (Coastline Wire) -"
    assert origin(result, "dateline_place") == FieldOrigin(
        field="dateline_place", origin="dateline", evidence="HODEIDAH, Yemen"
    )


def test_outlet_from_the_byline() -> None:
    result = infer_metadata(article(removed=removed("By Jane Roe, Levant Monitor", "byline")))
    assert result.outlet == "Levant Monitor"
    assert origin(result, "outlet").origin == "byline"


@pytest.mark.parametrize(
    ("url", "outlet"),
    [
        ("https://levantmonitor.example/news/strikes", "Levant Monitor"),
        ("https://www.the-levant-monitor.com/news/strikes", "The Levant Monitor"),
        ("https://coastlinewire.org/a/1", "Coastline Wire"),
        ("https://www.reuters.com/world/middle-east/strikes", "Reuters"),
        ("https://apnews.com/article/strikes", "AP"),
        ("https://www.aljazeera.com/news/2026/3/4/strikes", "Al Jazeera"),
        ("https://www.bbc.co.uk/news/world-123", "BBC"),
        ("https://news.dailysabah.com/x", "Daily Sabah"),
        ("https://example.com/x", None),
    ],
)
def test_outlet_from_the_url_domain(url: str, outlet: str | None) -> None:
    assert outlet_from_url(url) == outlet


def test_the_article_spells_a_run_together_domain() -> None:
    # The label splits on known words into "Coast Linenews"; the text names "CoastLine News".
    assert (
        outlet_from_url("https://coastlinenews.example/x", ["CoastLine News"]) == "CoastLine News"
    )


def test_url_outlet_is_recorded_with_its_domain() -> None:
    result = infer_metadata(article(url="https://www.levantmonitor.example/2026/x"))
    assert result.outlet == "Levant Monitor"
    assert origin(result, "outlet") == FieldOrigin(
        field="outlet", origin="url", evidence="levantmonitor.example"
    )


def test_outlet_sources_in_priority_order() -> None:
    sources = [
        ("footer", removed("This story was first published by Harbour Post.", "source_stamp")),
        ("byline", removed("By Jane Roe, Gulf Herald", "byline")),
        ("dateline", ()),
        ("disclaimer", removed("Delta Courier is an independent news site.", "disclaimer")),
        ("footer", removed("© 2026 Basin Times. All rights reserved.", "copyright")),
    ]
    expected = ["Harbour Post", "Gulf Herald", "Coastline Wire", "Delta Courier", "Basin Times"]
    for start, outlet in enumerate(expected):
        blocks = tuple(block for _origin, found in sources[start:] for block in found)
        with_dateline = start <= 2
        opening = "HODEIDAH, Yemen (Coastline Wire) - " + BODY if with_dateline else BODY
        result = infer_metadata(
            article(opening, MORE, url="https://levantmonitor.example/x", removed=blocks)
        )
        assert (result.outlet, result.origin_of("outlet")) == (outlet, sources[start][0])
    result = infer_metadata(article(BODY, MORE, url="https://levantmonitor.example/x"))
    assert (result.outlet, result.origin_of("outlet")) == ("Levant Monitor", "url")


# --------------------------------------------------------------------------
# Declared metadata


def test_declared_values_are_never_overwritten() -> None:
    declared = article(
        "HODEIDAH, Yemen, March 4 (Coastline Wire) - " + BODY,
        MORE,
        outlet="Levant Monitor",
        author="Ann Lee",
        published="2026-03-01",
        published_precision="day",
        url="https://other.example/2026/03/02/x",
        removed=removed("By Jane Roe", "byline"),
        origins=(
            FieldOrigin(field="outlet", origin="html-meta", evidence="og:site_name"),
            FieldOrigin(field="author", origin="metadata", evidence="author"),
            FieldOrigin(field="published", origin="metadata", evidence="date_publish"),
        ),
        format="html",
    )
    result = infer_metadata(declared)
    assert (result.outlet, result.author, result.published) == (
        "Levant Monitor",
        "Ann Lee",
        "2026-03-01",
    )
    assert result.origin_of("outlet") == "html-meta"
    assert result.origin_of("author") == "metadata"
    assert result.origin_of("published") == "metadata"


def test_declared_values_without_an_origin_get_one() -> None:
    result = infer_metadata(article(author="Ann Lee", format="json"))
    assert origin(result, "author") == FieldOrigin(
        field="author", origin="metadata", evidence="Ann Lee"
    )
    # An RSS item's HTML body: the title rode along from the feed, not from the markup.
    rss = infer_metadata(article(title="Strikes hit port", format="html"))
    assert rss.origin_of("title") == "metadata"


@pytest.mark.parametrize(
    ("declared", "iso", "precision"),
    [
        ("Wed, 04 Mar 2026 10:00:00 GMT", "2026-03-04", "day"),
        ("2026-03-04T10:00:00Z", "2026-03-04", "day"),
        ("2026-03", "2026-03", "month"),
        ("2026", "2026", "year"),
    ],
)
def test_a_declared_date_is_normalised_not_replaced(
    declared: str, iso: str, precision: str
) -> None:
    result = infer_metadata(article(published=declared, url="https://x.example/2020/01/01/a"))
    assert (result.published, result.published_precision) == (iso, precision)
    assert result.origin_of("published") == "metadata"


# --------------------------------------------------------------------------
# Dates


def test_date_sources_in_priority_order() -> None:
    dateline = "DARAA, Syria, 4 March 2026 (Wire) - " + BODY
    byline = removed("by Jane Roe on 3 March 2026", "byline")
    url = "https://levantmonitor.example/2026/03/02/shelling"
    stamp = "Published 1 March 2026"
    body = "Talks are due to resume on 12 February 2026, the envoy said in a statement."

    def dated(*paragraphs: str, **fields: object) -> tuple[str | None, str | None, str | None]:
        result = infer_metadata(article(*paragraphs, **fields))
        return result.published, result.published_precision, result.origin_of("published")

    assert dated(dateline, body, removed=byline, url=url) == ("2026-03-04", "day", "dateline")
    assert dated(BODY, body, removed=byline, url=url) == ("2026-03-03", "day", "byline")
    # A stamp heading the body is the page's own dateline: it outranks the URL.
    assert dated(stamp, BODY, body, url=url) == ("2026-03-01", "day", "dateline")
    assert dated(BODY, body, url=url) == ("2026-03-02", "day", "url")
    update = removed("Last updated 5 March 2026", "updated_stamp")
    assert dated(BODY, body, removed=update, url=url) == ("2026-03-02", "day", "url")
    assert dated(BODY, body, removed=update) == ("2026-03-05", "day", "body")
    # Undated: estimated from the body's newest explicit date.
    assert dated(BODY, body) == ("2026-02", "month", "inferred")
    assert dated(BODY, MORE) == (None, None, None)


def test_a_yearless_dateline_takes_the_year_from_the_url() -> None:
    result = infer_metadata(
        article("DARAA, Syria, March 4 (Wire) - " + BODY, url="https://x.example/2026/03/05/a")
    )
    assert (result.published, result.published_precision) == ("2026-03-04", "day")
    assert origin(result, "published") == FieldOrigin(
        field="published",
        origin="dateline",
        evidence="DARAA, Syria, March 4 (Wire) - (year from url: 2026-03-05)",
    )


def test_a_yearless_dateline_steps_back_over_new_year() -> None:
    result = infer_metadata(
        article("MOSUL, Iraq, Dec. 30 (Wire) - " + BODY, url="https://x.example/2027/01/02/a")
    )
    assert result.published == "2026-12-30"


def test_a_yearless_dateline_takes_the_year_from_a_stamp_or_the_body() -> None:
    result = infer_metadata(article("Updated 5 March 2026", "BEIRUT, March 4 (Wire) - " + BODY))
    assert result.published == "2026-03-04"
    body = "Fighting has continued since 28 February 2026, residents said."
    result = infer_metadata(article("BEIRUT, March 4 (Wire) - " + BODY, body))
    assert (result.published, result.origin_of("published")) == ("2026-03-04", "dateline")


def test_a_yearless_dateline_with_no_year_anywhere_sets_no_date() -> None:
    result = infer_metadata(article("BEIRUT, March 4 (Wire) - " + BODY, MORE))
    assert result.published is None
    assert origin(result, "dateline_date") == FieldOrigin(
        field="dateline_date", origin="dateline", evidence="BEIRUT, March 4 (Wire) -"
    )


def test_an_update_stamp_counts_only_without_a_publication_stamp() -> None:
    both = infer_metadata(
        article(
            BODY,
            removed=(
                RemovedBlock(text="Last updated 6 March 2026", reason="updated_stamp"),
                RemovedBlock(text="Posted: 4 March 2026 | 09:15", reason="source_stamp"),
            ),
        )
    )
    assert both.published == "2026-03-04"
    alone = infer_metadata(
        article(BODY, removed=removed("Last updated 6 March 2026", "updated_stamp"))
    )
    assert alone.published == "2026-03-06"


def test_url_dates_of_every_precision() -> None:
    assert infer_metadata(article(url="https://x.example/2026/03/a")).published_precision == "month"
    year = infer_metadata(article(url="https://x.example/archive/2026/a"))
    assert (year.published, year.published_precision) == ("2026", "year")
    compact = infer_metadata(article(url="https://x.example/news/20260304/a"))
    assert compact.published == "2026-03-04"


def test_dateparser_is_only_shown_date_shaped_strings() -> None:
    text = "Aid may arrive by March, and 2 sides met now; the 12 trucks left at 10:30."
    assert pubdates.find_candidates(text) == []
    assert [c.text for c in pubdates.find_candidates("on Tuesday, March 3, 2026 and 4 May")] == [
        "Tuesday, March 3, 2026",
        "4 May",
    ]


def test_datelines_need_a_place_shape() -> None:
    assert parse_dateline("UPDATE: The death toll has risen to five.") is None
    assert parse_dateline("The UN (OCHA) - said more aid was needed.") is None
    dateline = parse_dateline("BEIRUT (AP) — " + BODY)
    assert dateline is not None
    assert (dateline.place, dateline.outlet) == ("BEIRUT", "AP")


# --------------------------------------------------------------------------
# The stage


def test_the_stage_is_registered_and_idempotent() -> None:
    stage = get("metadata").factory()
    source = article(
        "HODEIDAH, Yemen (Coastline Wire) - " + BODY,
        removed=removed("By Jane Roe", "byline"),
        url="https://levantmonitor.example/2026/03/04/strikes",
    )
    once = stage(Corpus(articles=(source,)), StageContext()).articles
    twice = stage(Corpus(articles=once), StageContext()).articles
    assert once == twice
    (result,) = once
    assert (result.outlet, result.author, result.published) == (
        "Coastline Wire",
        "Jane Roe",
        "2026-03-04",
    )
    assert result.text == source.text


def test_a_footer_publication_note_gives_outlet_and_date() -> None:
    note = "This story was first published by The Harbour Post on 5 March 2026."
    result = infer_metadata(article(removed=removed(note, "source_stamp")))
    assert (result.outlet, result.published, result.published_precision) == (
        "The Harbour Post",
        "2026-03-05",
        "day",
    )
    assert origin(result, "published") == FieldOrigin(
        field="published", origin="footer", evidence=note
    )


def test_a_blog_byline_gives_author_and_date() -> None:
    result = infer_metadata(
        article(removed=removed("Posted by Abu Yazan on March 4, 2026", "byline"))
    )
    assert (result.author, result.published) == ("Abu Yazan", "2026-03-04")
    assert result.origin_of("published") == "byline"


def test_a_declared_domain_is_shown_as_the_outlet_name() -> None:
    # JSON exports declare "source_domain"; the name is spelled as the article spells it.
    result = infer_metadata(
        article(
            BODY,
            removed=removed("© Le Courrier du Levant 2026", "copyright"),
            outlet="courrierdulevant.example",
            format="json",
        )
    )
    assert result.outlet == "Le Courrier du Levant"
    assert origin(result, "outlet") == FieldOrigin(
        field="outlet", origin="metadata", evidence="courrierdulevant.example"
    )


def test_a_url_with_a_named_month() -> None:
    result = infer_metadata(article(url="https://chronicle.example/opinion/2026/mar/06/port"))
    assert (result.published, result.published_precision) == ("2026-03-06", "day")


# --------------------------------------------------------------------------
# The bundled sample's gold

GOLD = Path(__file__).resolve().parents[1] / "bench" / "gold" / "sample" / "articles.json"
DECLARED = {"metadata", "html-meta"}


def gold_articles() -> list[dict[str, Any]]:
    if not GOLD.exists():
        return []
    articles: list[dict[str, Any]] = json.loads(GOLD.read_text("utf-8"))
    return articles


@pytest.mark.skipif(not GOLD.exists(), reason="the sample gold (bench/gold/sample) is absent")
@pytest.mark.parametrize("gold", gold_articles(), ids=lambda g: g["ref"])
def test_sample_gold_metadata(gold: dict[str, Any]) -> None:
    # The article as it leaves clean: gold text and furniture, and only what was declared.
    declared = {
        f: gold[f] for f in ("outlet", "author", "published") if gold["origins"][f] in DECLARED
    }
    if "published" in declared:
        declared["published_precision"] = gold["published_precision"]
    source = article(
        gold["text"],
        format=gold["format"],
        url=gold["url"],
        title=gold["title"],
        removed=tuple(
            RemovedBlock(text=f["text"], reason=f["reason"])
            for f in gold["furniture"]
            if f["reason"] != "headline"
        ),
        **declared,
    )
    result = infer_metadata(source)
    fields = ("outlet", "author", "published", "published_precision")
    assert {f: getattr(result, f) for f in fields} == {f: gold[f] for f in fields}
    for field in ("outlet", "author", "published"):
        if gold["origins"][field] not in DECLARED:
            assert result.origin_of(field) == gold["origins"][field], field


def test_a_source_named_in_the_body_is_no_outlet() -> None:
    closing = "The study was first published in The Lancet, which said it was peer reviewed."
    assert infer_metadata(article(BODY, MORE, closing)).outlet is None


def test_a_description_is_not_taken_for_an_author_name() -> None:
    from crosswire.metadata.bylines import is_person_name

    assert not is_person_name("The Russian")
    assert not is_person_name("A Correspondent")
    assert is_person_name("Maha Yousef")
