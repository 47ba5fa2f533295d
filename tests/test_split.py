"""The split stage: several stories in one input, and headlines moved out of the body."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest

import crosswire
from crosswire.clean.split import split_article
from crosswire.model import Article, Corpus, FieldOrigin, RemovedBlock
from crosswire.registry import StageContext, get

LEDE_ONE = (
    "HODEIDAH, Yemen (Coastline Wire) - Three people were killed on Tuesday when strikes hit "
    "the port's grain terminal, local officials said, adding that the toll could rise."
)
BODY_ONE = (
    "The port authority said two warehouses were damaged and that unloading had stopped "
    "until engineers could inspect the quay."
)
LEDE_TWO = (
    "DARAA, Syria, March 4 (Wire) - Shelling resumed on the outskirts of the city overnight, "
    "residents said, in the heaviest exchange of fire the area has seen in weeks."
)
BODY_TWO = (
    "A local council member said families had begun leaving the southern districts for "
    "villages to the east, carrying what they could."
)


def article(text: str, **fields: object) -> Article:
    base: dict[str, object] = {
        "input_sha256": "abc",
        "position": "4",
        "source": "digest.txt",
        "format": "txt",
        "text": text,
    }
    base.update(fields)
    return Article(**base)  # type: ignore[arg-type]


def paragraphs(*items: str) -> str:
    return "\n\n".join(items)


def run_stage(*articles: Article) -> tuple[Article, ...]:
    stage = get("split").factory()
    return stage(Corpus(articles=articles), StageContext()).articles


def test_two_stories_become_two_articles_each_starting_at_its_headline() -> None:
    text = paragraphs(
        "Strikes hit Hodeidah grain terminal",
        "By Jane Roe",
        LEDE_ONE,
        BODY_ONE,
        "Shelling resumes on the edge of Daraa",
        "By Sam Poe",
        LEDE_TWO,
        BODY_TWO,
    )
    first, second = run_stage(article(text))
    assert (first.position, second.position) == ("4.0", "4.1")
    assert first.title == "Strikes hit Hodeidah grain terminal"
    assert second.title == "Shelling resumes on the edge of Daraa"
    # Bylines stay for the clean stage; each part holds only its own story.
    assert first.text == paragraphs("By Jane Roe", LEDE_ONE, BODY_ONE)
    assert second.text == paragraphs("By Sam Poe", LEDE_TWO, BODY_TWO)
    assert first.removed == (RemovedBlock(text=first.title, reason="headline"),)
    assert second.removed == (RemovedBlock(text=second.title, reason="headline"),)
    assert first.id != second.id


def test_a_dateline_alone_after_a_headline_starts_a_story() -> None:
    text = paragraphs(
        "Strikes hit Hodeidah grain terminal",
        LEDE_ONE,
        BODY_ONE,
        "Shelling resumes on the edge of Daraa",
        LEDE_TWO,
        BODY_TWO,
    )
    parts = run_stage(article(text))
    assert [p.title for p in parts] == [
        "Strikes hit Hodeidah grain terminal",
        "Shelling resumes on the edge of Daraa",
    ]
    assert parts[1].text == paragraphs(LEDE_TWO, BODY_TWO)


def test_a_subheading_is_not_a_new_story() -> None:
    text = paragraphs(
        "Strikes hit Hodeidah grain terminal",
        "By Jane Roe",
        LEDE_ONE,
        "Aid convoys stalled",
        BODY_ONE,
        "What comes next",
        BODY_TWO,
    )
    (only,) = run_stage(article(text))
    assert only.position == "4"
    assert only.title == "Strikes hit Hodeidah grain terminal"
    assert "Aid convoys stalled" in only.text.split("\n\n")
    assert "What comes next" in only.text.split("\n\n")


def test_a_headline_with_no_body_after_it_does_not_split() -> None:
    # A teaser at the foot of a page: headline and byline, then nothing to read.
    text = paragraphs(
        "Strikes hit Hodeidah grain terminal", LEDE_ONE, BODY_ONE, "More on Daraa", "By Sam Poe"
    )
    (only,) = run_stage(article(text))
    assert only.position == "4"


def test_first_line_of_a_titleless_text_becomes_the_title() -> None:
    text = paragraphs("Strikes hit Hodeidah grain terminal", LEDE_ONE, BODY_ONE)
    (only,) = run_stage(article(text))
    assert only.position == "4"
    assert only.title == "Strikes hit Hodeidah grain terminal"
    assert only.text == paragraphs(LEDE_ONE, BODY_ONE)
    assert only.removed == (RemovedBlock(text=only.title, reason="headline"),)
    assert FieldOrigin(field="title", origin="body", evidence=only.title) in only.origins


def test_a_text_opening_with_its_dateline_or_byline_keeps_it() -> None:
    for opening in (LEDE_ONE, "By Jane Roe"):
        text = paragraphs(opening, BODY_ONE, BODY_TWO)
        (only,) = run_stage(article(text))
        assert only.title is None
        assert only.text == text
        assert only.removed == ()


def test_a_repeat_of_the_declared_title_is_removed() -> None:
    text = paragraphs("STRIKES HIT HODEIDAH GRAIN TERMINAL", LEDE_ONE, BODY_ONE)
    (only,) = run_stage(article(text, title="Strikes hit Hodeidah grain terminal"))
    assert only.title == "Strikes hit Hodeidah grain terminal"
    assert only.text == paragraphs(LEDE_ONE, BODY_ONE)
    assert only.removed == (
        RemovedBlock(text="STRIKES HIT HODEIDAH GRAIN TERMINAL", reason="headline"),
    )


def test_the_title_tag_site_suffix_does_not_hide_a_repeat() -> None:
    text = paragraphs("Strikes hit Hodeidah grain terminal", LEDE_ONE, BODY_ONE)
    declared = "Strikes hit Hodeidah grain terminal | Levant Monitor"
    (only,) = run_stage(article(text, title=declared))
    assert only.title == declared
    assert only.text == paragraphs(LEDE_ONE, BODY_ONE)


def test_a_lede_that_opens_with_the_title_words_is_kept() -> None:
    lede = "Strikes hit the port of Hodeidah on Tuesday, killing three workers, officials said."
    text = paragraphs(lede, BODY_ONE)
    (only,) = run_stage(article(text, title="Strikes hit the port"))
    assert only.text == text


def test_a_reworded_headline_over_the_byline_is_removed_but_a_standfirst_stays() -> None:
    title = "Strikes hit Hodeidah grain terminal"
    variant = paragraphs(
        "Deadly strikes hit Yemen's Hodeidah grain terminal", "By Jane Roe", LEDE_ONE
    )
    (only,) = run_stage(article(variant, title=title))
    assert only.text == paragraphs("By Jane Roe", LEDE_ONE)

    standfirst = "Families fear food shortages as unloading stops at the country's main port"
    kept = paragraphs(standfirst, "By Jane Roe", LEDE_ONE)
    (only,) = run_stage(article(kept, title=title))
    assert only.text == kept


def test_a_section_label_over_the_headline_is_headline_furniture() -> None:
    text = paragraphs("Middle East", "Strikes hit Hodeidah grain terminal", "By Jane Roe", LEDE_ONE)
    (only,) = run_stage(article(text))
    assert only.title == "Strikes hit Hodeidah grain terminal"
    assert only.text == paragraphs("By Jane Roe", LEDE_ONE)
    assert [b.text for b in only.removed] == ["Middle East", "Strikes hit Hodeidah grain terminal"]


def test_later_parts_keep_the_page_fields_only() -> None:
    text = paragraphs(
        "Strikes hit Hodeidah grain terminal",
        "By Jane Roe",
        LEDE_ONE,
        "Shelling resumes on the edge of Daraa",
        "By Sam Poe",
        LEDE_TWO,
    )
    declared = article(
        text,
        url="https://levantmonitor.example/digest",
        outlet="Levant Monitor",
        author="Jane Roe",
        published="2026-03-05",
        published_precision="day",
        origins=(
            FieldOrigin(field="outlet", origin="metadata", evidence="Levant Monitor"),
            FieldOrigin(field="author", origin="metadata", evidence="Jane Roe"),
        ),
    )
    first, second = split_article(declared)
    assert (first.author, first.published) == ("Jane Roe", "2026-03-05")
    assert (second.author, second.published, second.published_precision) == (None, None, None)
    assert (second.url, second.outlet) == (declared.url, "Levant Monitor")
    assert {o.field for o in second.origins} == {"outlet", "title"}


def test_a_single_paragraph_is_left_alone() -> None:
    (only,) = run_stage(article("Strikes hit Hodeidah grain terminal"))
    assert only.title is None
    assert only.text == "Strikes hit Hodeidah grain terminal"


def test_a_time_stamp_under_the_byline_is_not_a_headline() -> None:
    text = paragraphs(
        "Strikes hit Hodeidah grain terminal",
        "By Jane Roe, Coastline Wire | March 5, 2026",
        "Updated 11:05 GMT",
        LEDE_ONE,
        BODY_ONE,
    )
    (only,) = run_stage(article(text))
    assert only.position == "4"
    assert only.text.startswith("By Jane Roe, Coastline Wire")


SAMPLE = Path(crosswire.__file__).resolve().parent / "data" / "sample"
GOLD = Path(__file__).resolve().parents[1] / "bench" / "gold" / "sample" / "articles.json"


def contract_text(raw: str) -> str:
    """Plain text as extract hands it on: blank-line paragraphs, hard wraps re-joined."""
    blocks = (" ".join(block.split()) for block in re.split(r"\n\s*\n", raw))
    return "\n\n".join(block for block in blocks if block)


@pytest.mark.skipif(not GOLD.exists(), reason="the sample gold (bench/gold/sample) is absent")
def test_sample_plain_text_inputs_split_as_the_gold_says() -> None:
    gold = json.loads(GOLD.read_text("utf-8"))
    for path in sorted(SAMPLE.glob("*.txt*")):
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rt", encoding="utf-8") as handle:
            text = contract_text(handle.read())
        expected = [g for g in gold if g["ref"].rpartition("#")[0] == path.name]
        parts = split_article(article(text, position="0"))
        assert [p.title for p in parts] == [g["title"] for g in expected], path.name
        assert [p.position for p in parts] == (
            ["0"] if len(expected) == 1 else [f"0.{i}" for i in range(len(expected))]
        )
        for part, want in zip(parts, expected, strict=True):
            # Furniture is clean's to remove; every gold paragraph must be in this part.
            for paragraph in want["text"].split("\n\n"):
                assert paragraph in part.text.split("\n\n"), (path.name, paragraph[:40])


def test_a_caption_and_photo_credit_above_the_lede_do_not_make_a_story() -> None:
    text = paragraphs(
        "By Jane Roe",
        "Smoke rises over the grain terminal after the strikes, in an image shared by a worker.",
        "Photo: Levant Monitor / Handout",
        LEDE_ONE,
        BODY_ONE,
    )
    (only,) = run_stage(article(text, title="Strikes hit Hodeidah grain terminal"))
    assert only.position == "4"
    assert only.text == text
