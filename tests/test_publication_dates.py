"""Publication dates: datelines heading a body, trust order, --published and sidecars."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from crosswire.cli import app
from crosswire.errors import ConfigError
from crosswire.metadata import pubdates
from crosswire.metadata.stage import infer_metadata
from crosswire.model import Article, Corpus, FieldOrigin
from crosswire.registry import StageContext, get

LEAD = (
    "Shells struck a market in the old city, killing four people and wounding a dozen, "
    "a rescue worker said, as fighting went on along the eastern front."
)


def article(text: str, **fields: object) -> Article:
    base: dict[str, object] = {
        "input_sha256": "f00",
        "position": "0",
        "source": "piece.txt",
        "format": "txt",
        "text": text,
    }
    base.update(fields)
    return Article(**base)  # type: ignore[arg-type]


def published(text: str, **fields: object) -> tuple[str | None, str | None, str | None]:
    result = infer_metadata(article(text, **fields))
    return result.published, result.published_precision, result.origin_of("published")


@pytest.mark.parametrize(
    ("head", "iso"),
    [
        # weekday, day, month, year, in either order, abbreviated or not
        ("Tuesday 19 Jul 2016", "2016-07-19"),
        ("Wed 3 Feb 2021", "2021-02-03"),
        ("Thu Mar 4 2021", "2021-03-04"),
        ("Sunday, November 28, 2021", "2021-11-28"),
        ("28 November 2021", "2021-11-28"),
        # with a time and a zone after the date
        ("Sat 05 Jun 2021 at 1130", "2021-06-05"),
        ("June 5 2021 1745 UTC+3", "2021-06-05"),
        ("Monday 7 June 2021 08:40 GMT", "2021-06-07"),
        # publication and update labels
        ("Published October 2 2017", "2017-10-02"),
        ("Posted on 9 May 2019 by Staff", "2019-05-09"),
        ("Date of publication 14 May 2019", "2019-05-14"),
        ("Updated 0935 GMT (1335 GST) Friday 3 Jun 2016", "2016-06-03"),
        ("Last updated at Sep 182019", "2019-09-18"),  # "Sep 18,2019" with its comma lost
        # day-month-year in digits
        ("13-12-2014", "2014-12-13"),
        ("02.03.2015", "2015-03-02"),
        ("4-09-2013 0215 PM", "2013-09-04"),
        ("11.11.2018(updated 1012 12.11.2018)", "2018-11-11"),
    ],
)
def test_a_dateline_heading_the_body_dates_the_article(head: str, iso: str) -> None:
    assert published(f"{head} {LEAD}") == (iso, "day", "dateline")


def test_a_dateline_after_a_headline_and_a_credit() -> None:
    text = f"Market shelling kills four in old city Monitor Wire Service Friday 22 Jul 2016 {LEAD}"
    assert published(text)[:2] == ("2016-07-22", "day")


def test_a_date_inside_a_sentence_is_no_dateline() -> None:
    text = f"Four people were killed on 3 May 2016 when shells struck a market. {LEAD}"
    assert published(text) == ("2016-05", "month", "inferred")
    assert pubdates.head_dates("The 3 May 2016 attack killed four.") == []


def test_a_slashed_date_is_read_only_when_its_order_is_plain() -> None:
    assert pubdates.head_dates("13/12/2014 x")[0].date.iso == "2014-12-13"
    assert pubdates.head_dates("05/02/2015 x") == []  # 5 February or May 5


def test_a_publication_stamp_beats_an_update_stamp() -> None:
    text = f"Updated 3 Jun 2016 Published 2 Jun 2016 {LEAD}"
    assert published(text)[0] == "2016-06-02"


def test_trust_order() -> None:
    url = "https://wire.example/2016/07/20/market"
    head = f"Tuesday 19 Jul 2016 {LEAD}"
    # the input's own field, then the page's metadata: both come in declared
    declared = (FieldOrigin(field="published", origin="html-meta", evidence="og"),)
    assert published(head, published="2016-07-18", url=url, origins=declared) == (
        "2016-07-18",
        "day",
        "html-meta",
    )
    assert published(head, published="2016-07-17", url=url)[::2] == ("2016-07-17", "metadata")
    # then a dateline in the body, then the URL, then an estimate from the body
    assert published(head, url=url) == ("2016-07-19", "day", "dateline")
    assert published(LEAD, url=url) == ("2016-07-20", "day", "url")
    later = f"{LEAD} Talks resumed on 2 August 2016, and the truce of 30 July 2016 held."
    assert published(later) == ("2016-08", "month", "inferred")
    assert published(LEAD) == (None, None, None)


@pytest.mark.parametrize(
    "background",
    [
        "The war began in March 2011 and has killed hundreds of thousands.",
        "Since 2011 the conflict has displaced millions.",
        "The uprising, which broke out in March 2011, turned into a war.",
    ],
)
def test_a_date_that_only_opens_a_period_dates_no_story(background: str) -> None:
    assert published(f"{LEAD} {background}") == (None, None, None)
    # A real date beside it still gives the estimate.
    text = f"{LEAD} {background} Talks resumed on 2 August 2016."
    assert published(text) == ("2016-08", "month", "inferred")


def test_a_yearless_dateline_takes_its_year_from_a_stamp_heading_the_body() -> None:
    text = f"Published 5 March 2026\n\nBEIRUT, March 4 (Wire) - {LEAD}"
    assert published(text)[:2] == ("2026-03-04", "day")


def _stage(**options: object):  # type: ignore[no-untyped-def]
    return get("metadata").factory(**options)


def test_published_option_overrides_every_article(tmp_path: Path) -> None:
    source = article(f"Tuesday 19 Jul 2016 {LEAD}", published="2016-07-18")
    (result,) = _stage(published="2016-07-21")(Corpus(articles=(source,)), StageContext()).articles
    assert (result.published, result.published_precision) == ("2016-07-21", "day")
    assert result.origins[-1] == FieldOrigin(
        field="published", origin="override", evidence="--published 2016-07-21"
    )
    assert [o.field for o in result.origins].count("published") == 1
    (month,) = _stage(published="2016-07")(Corpus(articles=(source,)), StageContext()).articles
    assert (month.published, month.published_precision) == ("2016-07", "month")


def test_published_option_must_be_a_date() -> None:
    with pytest.raises(ConfigError, match="--published"):
        _stage(published="last week")


def test_a_sidecar_dates_the_articles_of_its_file(tmp_path: Path) -> None:
    dated = tmp_path / "dated.txt"
    dated.write_text(LEAD, encoding="utf-8")
    (tmp_path / "dated.txt.meta.json").write_text('{"published": "2016-07-23"}', "utf-8")
    plain = tmp_path / "plain.txt"
    plain.write_text(LEAD, encoding="utf-8")
    records = tmp_path / "batch.jsonl"
    records.write_text("{}\n", encoding="utf-8")
    (tmp_path / "batch.jsonl.meta.json").write_text('{"published": "24 July 2016"}', "utf-8")
    corpus = Corpus(
        articles=(
            article(LEAD, source=str(dated)),
            article(LEAD, source=str(plain)),
            article(LEAD, source=f"{records}#3"),
        )
    )
    first, second, third = _stage(published="2016-07-01")(corpus, StageContext()).articles
    assert (first.published, first.origin_of("published")) == ("2016-07-23", "sidecar")
    assert (second.published, second.origin_of("published")) == ("2016-07-01", "override")
    assert (third.published, third.origin_of("published")) == ("2016-07-24", "sidecar")


def test_a_broken_sidecar_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(LEAD, encoding="utf-8")
    (tmp_path / "a.txt.meta.json").write_text("{not json", encoding="utf-8")
    (result,) = _stage()(
        Corpus(articles=(article(LEAD, source=str(path)),)), StageContext()
    ).articles
    assert result.published is None


def test_cli_published_flag_dates_the_run(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    text = (
        "Shells struck a market in Aleppo on Tuesday, killing four people and wounding a dozen, "
        "a rescue worker said. Fighting went on along the eastern front of the city all day."
    )
    (tmp_path / "in" / "a.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(
        app, ["run", str(tmp_path / "in"), "--out", str(out), "--published", "2016-07-21"]
    )
    assert result.exit_code == 0, result.output
    brief = json.loads((out / "brief.json").read_text(encoding="utf-8"))
    assert brief["articles"][0]["published"] == "2016-07-21"
    # "on Tuesday" is the Tuesday before the publication date the user gave
    deadly = [e for e in brief["events"] if e["fatalities"] == 4]
    assert [e["date_start"] for e in deadly] == ["2016-07-19"]
    bad = CliRunner().invoke(app, ["run", str(tmp_path / "in"), "--out", str(out),
                                   "--published", "soon"])  # fmt: skip
    assert bad.exit_code != 0 and "--published" in bad.output
