"""The headline as the first paragraph of the text (``stages.clean.headline``).

The articles are written for these tests (a made-up river-port story), not
taken from any corpus.
"""

from __future__ import annotations

import pytest

from crosswire.clean.headline import body_start, body_text
from crosswire.clean.split import split_article
from crosswire.clean.stage import clean_article
from crosswire.crosscheck.dedupe import find_groups
from crosswire.errors import ConfigError
from crosswire.metadata.stage import make_metadata
from crosswire.model import Article, Corpus, RemovedBlock
from crosswire.registry import StageContext, get

TITLE = "Shelling kills 9 in river port of Kandor"
BODY = [
    "KANDOR (Wire) - Shelling hit the market of the river port of Kandor on Tuesday, killing "
    "nine people and wounding dozens more, a local rescue team said.",
    "The rescue team said most of the dead were traders and that several shops were still "
    "burning in the evening as volunteers searched the rubble for survivors.",
    "Residents said the shells came from hills to the west of the town, where fighting has "
    "gone on for weeks, and that many families had already left for villages upstream.",
]


def _article(text: str, title: str | None = TITLE, **fields: object) -> Article:
    return Article(
        input_sha256="1" * 64,
        position="0",
        source="kandor.txt",
        format="txt",
        text=text,
        title=title,
        **fields,  # type: ignore[arg-type]
    )


def _keep(article: Article) -> Article:
    (part,) = split_article(article)
    return clean_article(part, headline="keep")


def test_a_title_only_in_the_title_field_becomes_the_first_paragraph() -> None:
    kept = _keep(_article("\n\n".join(BODY)))
    assert kept.text == "\n\n".join([TITLE, *BODY])
    assert kept.text[: body_start(kept)] == TITLE + "\n\n"
    assert body_text(kept) == "\n\n".join(BODY)
    assert not [b for b in kept.removed if b.reason == "headline"]
    assert kept.origin_of("headline") == "title"


def test_a_headline_opening_the_body_stays_once_in_its_own_wording() -> None:
    page_headline = "SHELLING KILLS 9 IN RIVER PORT OF KANDOR"
    kept = _keep(_article("\n\n".join([page_headline, *BODY])))
    assert kept.text.split("\n\n") == [page_headline, *BODY]
    assert kept.removed == ()
    assert kept.origin_of("headline") == "body"


def test_drop_leaves_the_headline_out_of_the_text() -> None:
    (part,) = split_article(_article("\n\n".join([TITLE, *BODY])))
    dropped = clean_article(part, headline="drop")
    assert dropped.text == "\n\n".join(BODY)
    assert dropped.removed == (RemovedBlock(text=TITLE, reason="headline"),)
    assert body_start(dropped) == 0


def test_a_site_name_after_a_bar_is_not_part_of_the_headline() -> None:
    kept = _keep(_article("\n\n".join(BODY), title=f"{TITLE} | Kandor Courier"))
    assert kept.text.split("\n\n")[0] == TITLE


def test_a_dash_suffix_is_cut_only_when_it_names_the_outlet() -> None:
    site = f"{TITLE} - Kandor Courier"
    named = _keep(_article("\n\n".join(BODY), title=site, outlet="Kandor Courier"))
    assert named.text.split("\n\n")[0] == TITLE
    clause = f"{TITLE} - rescuers"
    unnamed = _keep(_article("\n\n".join(BODY), title=clause, outlet="Kandor Courier"))
    assert unnamed.text.split("\n\n")[0] == clause


@pytest.mark.parametrize("title", [None, "", "Skip to content"])
def test_no_usable_title_leaves_the_text_alone(title: str | None) -> None:
    kept = _keep(_article("\n\n".join(BODY), title=title))
    assert kept.text == "\n\n".join(BODY)
    assert body_start(kept) == 0


def test_the_dateline_under_a_kept_headline_still_dates_the_article() -> None:
    stamped = ["Tuesday 19 Jul 2016", *BODY]
    kept = _keep(_article("\n\n".join(stamped)))
    assert kept.text.startswith(TITLE + "\n\n")
    (part,) = split_article(_article("\n\n".join(stamped)))
    dropped = clean_article(part, headline="drop")
    stage = make_metadata()
    (dated, dated_drop) = stage(Corpus(articles=(kept, dropped)), StageContext()).articles
    assert dated.published == dated_drop.published == "2016-07-19"
    assert dated.origins[-1:] == dated_drop.origins[-1:]


def test_copies_under_different_headlines_are_still_duplicates() -> None:
    one = _keep(_article("\n\n".join(BODY)))
    other = _keep(_article("\n\n".join(BODY), title="Nine dead as shells hit Kandor market"))
    other = Article(**{**{f: getattr(other, f) for f in other.__slots__}, "position": "1"})
    assert one.text != other.text
    groups = find_groups([one, other], threshold=0.9)
    assert [g.kind for g in groups] == ["duplicate"]


def test_the_stage_refuses_an_unknown_headline_mode() -> None:
    with pytest.raises(ConfigError):
        get("clean").factory(headline="move")


def test_the_shipped_default_is_the_documented_one() -> None:
    from crosswire.clean.headline import DEFAULT_HEADLINE
    from crosswire.config import default_config_dict

    shipped = default_config_dict()["stages"]["clean"]["headline"]
    assert shipped == DEFAULT_HEADLINE == "drop"


def test_the_stage_keeps_the_headline_when_configured() -> None:
    (part,) = split_article(_article("\n\n".join(BODY)))
    stage = get("clean").factory(headline="keep")
    (kept,) = stage(Corpus(articles=(part,)), StageContext()).articles
    assert kept.text.split("\n\n")[0] == TITLE
    assert kept.id == part.id


def test_an_event_read_from_a_kept_headline_cites_it_in_the_brief(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import json

    from crosswire.api import run_corpus
    from crosswire.brief import build_brief
    from crosswire.config import load_settings
    from crosswire.render import render_markdown

    # The body never states the toll; only the headline (present tense) does.
    row = {
        "title": "Air strikes kill 14 in river port of Kandor",
        "maintext": "Residents of the river port of Kandor said warplanes circled the town for "
        "hours on Tuesday before rescue teams reached the market. The market was closed on "
        "Wednesday as families buried their dead, the local council said.",
        "source_domain": "kandor-courier.example",
        "date_publish": "2026-03-04 10:00:00",
    }
    path = tmp_path / "kandor.jsonl"
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    settings = load_settings(overrides={"stages.clean.headline": "keep"})
    corpus = run_corpus([path], settings=settings, db=":memory:")
    (article,) = corpus.articles
    assert article.text.startswith(row["title"] + "\n\n")
    spans = [s for a in corpus.analyses for e in a.events for s in e.sources]
    assert spans, "the headline's event was not read"
    assert all(article.text[s.start : s.end] == s.text for s in spans)
    # spaCy runs a headline without a closing stop into the next sentence, so the span
    # starts in the headline and may end in the body.
    headline_events = [
        e for a in corpus.analyses for e in a.events if e.sources[0].start < body_start(article)
    ]
    found = [
        (e.sub_event_type, e.fatalities, e.sources[0].start)
        for a in corpus.analyses
        for e in a.events
    ]
    assert [e.fatalities for e in headline_events] == [14], (found, article.text)
    assert "Air strikes kill 14" in render_markdown(build_brief(corpus))
