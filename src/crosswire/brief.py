"""The brief: the records an analyst reads, as JSON (the contract), Markdown and CSV.

``build_brief`` turns a finished corpus into the dict that ``brief.json`` holds
and ``crosswire.run`` returns; ``write_brief`` writes the files.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Mapping
from datetime import UTC, datetime
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from crosswire import __version__
from crosswire.model import Article, Corpus, Entity, Mention, Place, Rejection
from crosswire.render import events_geojson, markdown, render_html
from crosswire.render.html import STORY_FOLDER, is_large, render_pages
from crosswire.safeio import atomic_write_text, atomic_writer, safe_rows
from crosswire.serialize import to_dict

REJECTION_FIELDS = ("source", "stage", "reason", "detail", "position", "input_sha256")


@cache
def brief_schema() -> dict[str, Any]:
    text = resources.files("crosswire").joinpath("schema", "brief.schema.json").read_text("utf-8")
    return dict(json.loads(text))


def validate_brief(brief: Mapping[str, Any]) -> None:
    """Raise ``jsonschema.ValidationError`` when a brief (dict or ``Brief``) breaks the contract."""
    import jsonschema

    data = brief.to_dict() if hasattr(brief, "to_dict") else brief
    jsonschema.validate(data, brief_schema())


def _with_id(record: Any) -> dict[str, Any]:
    data: dict[str, Any] = {"id": record.id}
    data.update(to_dict(record))
    return data


def _article(article: Article) -> dict[str, Any]:
    data = _with_id(article)
    data["removed"] = [
        {"text": b.text, "reason": b.reason, "score": b.score} for b in article.removed
    ]
    return data


def _mentions(mentions: tuple[Mention, ...]) -> list[dict[str, Any]]:
    return [to_dict(m) for m in mentions]


def _entity(entity: Entity) -> dict[str, Any]:
    data = _with_id(entity)
    data["mentions"] = _mentions(entity.mentions)
    return data


def _place(place: Place) -> dict[str, Any]:
    data = _with_id(place)
    data["mentions"] = _mentions(place.mentions)
    return data


def _rejection(rejection: Rejection) -> dict[str, Any]:
    return _with_id(rejection)


def build_brief(corpus: Corpus, *, generated_at: datetime | None = None) -> dict[str, Any]:
    """The brief as a JSON-ready dict, in a stable order."""
    articles = sorted(corpus.articles, key=lambda a: (a.published or "", a.source, a.position))
    return {
        "crosswire_version": __version__,
        "generated_at": (generated_at or datetime.now(UTC)).isoformat(timespec="seconds"),
        "articles": [_article(a) for a in articles],
        "entities": [_entity(e) for e in corpus.entities],
        "places": [_place(p) for p in corpus.places],
        "events": [_with_id(e) for e in corpus.events],
        "claims": [_with_id(c) for c in corpus.claims],
        "stories": [_with_id(s) for s in corpus.stories],
        "groups": [_with_id(g) for g in corpus.groups],
        "rejections": [_rejection(r) for r in corpus.rejections],
    }


def write_brief(brief: dict[str, Any], corpus: Corpus, out: Path) -> list[Path]:
    """Write brief.json, .md, .html, rejections.csv and events.geojson; return the paths."""
    out.mkdir(parents=True, exist_ok=True)
    names = ("brief.json", "brief.md", "rejections.csv", "brief.html", "events.geojson")
    paths = [out / name for name in names]
    # Each file is written whole or not at all (a full disk leaves the previous one).
    atomic_write_text(paths[0], json.dumps(brief, ensure_ascii=False, indent=2) + "\n")
    atomic_write_text(paths[1], render_markdown(brief))
    with atomic_writer(paths[2], newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(REJECTION_FIELDS)
        rows = ([getattr(r, f) for f in REJECTION_FIELDS] for r in corpus.rejections)
        writer.writerows(safe_rows(rows))
    stale = out / STORY_FOLDER
    if stale.is_dir():  # pages of an earlier, larger brief
        for old in [*stale.glob("story-*.html"), stale / "map.js"]:
            old.unlink(missing_ok=True)
    if is_large(brief):
        # An overview page and one page per story: the overview stays small and fast.
        for name, text in render_pages(brief).items():
            target = out / name
            target.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_text(target, text)
    else:
        atomic_write_text(paths[3], render_html(brief))
    geojson = events_geojson(brief)
    atomic_write_text(paths[4], json.dumps(geojson, ensure_ascii=False, indent=1) + "\n")
    return paths


def render_markdown(brief: dict[str, Any]) -> str:
    """A readable brief: stories with cited summaries, timelines, tables and coverage."""
    return markdown.render_markdown(brief)
