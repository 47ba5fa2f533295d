"""The brief contract: the shipped JSON Schema, checked against real output."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from crosswire.brief import brief_schema, build_brief, validate_brief, write_brief
from crosswire.model import (
    Article,
    Claim,
    Corpus,
    Entity,
    Event,
    Mention,
    Place,
    Rejection,
    RemovedBlock,
    SourceSpan,
    Story,
    SummarySentence,
)


def full_corpus() -> Corpus:
    article = Article(
        input_sha256="ab" * 32, position="0", source="a.txt", format="txt",
        text="Shelling hit Daraa on Tuesday.", title="Shelling in Daraa", outlet="Levant Monitor",
        published="2026-03-04", published_precision="day", language="en",
        removed=(RemovedBlock(text="Follow us on X", reason="social_prompt"),),
    )  # fmt: skip
    span = SourceSpan(article=article.id, start=0, end=30, text=article.text)
    mention = Mention(article=article.id, start=13, end=18, text="Daraa")
    place = Place(name="Daraa", geonameid=170592, lat=32.6189, lon=36.1021, country_code="SY",
                  admin1="Daraa", mentions=(mention,))  # fmt: skip
    shelling = Mention(article=article.id, start=0, end=8, text="Shelling")
    entity = Entity(name="Military Forces of Syria", kind="state_forces", inter_code=1,
                    mentions=(shelling,))  # fmt: skip
    event = Event(
        event_type="Explosions/Remote violence",
        sub_event_type="Shelling/artillery/missile attack",
        actor1=entity.id, place=place.id, date_start="2026-03-03", date_end="2026-03-03",
        date_precision="day", sources=(span,),
    )  # fmt: skip
    claim = Claim(text="12 killed", value=12, low=12, high=12, unit="people", about="killed",
                  status="single", sources=(span,))  # fmt: skip
    story = Story(title="Daraa", articles=(article.id,), events=(event.id,),
                  summary=(SummarySentence(text=article.text, sources=(span,)),))  # fmt: skip
    rejection = Rejection(source="junk.bin", stage="ingest", reason="binary")
    return Corpus(articles=(article,), places=(place,), entities=(entity,), events=(event,),
                  claims=(claim,), stories=(story,), rejections=(rejection,))  # fmt: skip


def test_brief_of_every_record_kind_matches_the_schema() -> None:
    brief = build_brief(full_corpus())
    validate_brief(brief)
    assert brief["articles"][0]["removed"] == [
        {"text": "Follow us on X", "reason": "social_prompt", "score": 1.0}
    ]
    assert brief["places"][0]["mentions"][0]["text"] == "Daraa"


def test_schema_rejects_a_broken_brief() -> None:
    brief = build_brief(full_corpus())
    del brief["articles"][0]["removed"]
    with pytest.raises(jsonschema.ValidationError):
        validate_brief(brief)
    brief = build_brief(full_corpus())
    brief["claims"][0]["status"] = "probably"
    with pytest.raises(jsonschema.ValidationError):
        validate_brief(brief)


def test_schema_is_valid_json_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(brief_schema())


def test_written_files(tmp_path: Path) -> None:
    corpus = full_corpus()
    brief = build_brief(corpus)
    paths = write_brief(brief, corpus, tmp_path)
    assert [p.name for p in paths] == [
        "brief.json", "brief.md", "rejections.csv", "brief.html", "events.geojson",
    ]  # fmt: skip
    assert json.loads(paths[0].read_text())["articles"][0]["title"] == "Shelling in Daraa"
    assert "junk.bin" in paths[2].read_text()
    assert "| junk.bin | ingest | binary |" in paths[1].read_text()


def test_every_schema_field_is_described() -> None:
    from crosswire.brief import brief_schema

    schema = brief_schema()
    for name, prop in schema["properties"].items():
        assert prop.get("description"), name
    for kind, definition in schema["$defs"].items():
        for name, prop in definition.get("properties", {}).items():
            assert prop.get("description"), f"{kind}.{name}"
