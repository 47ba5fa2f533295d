"""brief.md: the brief as Markdown, readable raw and rendered.

It shows what brief.html shows, from the same view; the map becomes a table
of places with coordinates and a pointer to events.geojson. Corpus text is
escaped so that no title can open a link, a table cell or an HTML tag.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from crosswire.render.countries import country_name
from crosswire.render.html import is_large
from crosswire.render.view import (
    BriefView,
    StoryView,
    claim_value,
    evidence_marks,
    hidden_note,
    split_marked,
    type_reasons,
)

Record = dict[str, Any]
# Backslash-escape what Markdown (CommonMark + GFM tables) would read as markup.
_SPECIAL = re.compile(r"([\\`*_\[\]<>|&#~])")


def md(value: object) -> str:
    """Corpus text as literal Markdown inline text, on one line."""
    text = "" if value is None else str(value)
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _code(value: object) -> str:
    text = str(value).replace("`", "'")
    return f"`{text}`"


def _row(cells: Iterable[object]) -> str:
    return "| " + " | ".join(str(c) for c in cells) + " |"


def _table(headers: list[str], rows: list[list[str]]) -> list[str]:
    if not rows:
        return ["_None._", ""]
    return [_row(headers), _row("---" for _ in headers), *(_row(r) for r in rows), ""]


def _num(value: object) -> str:
    return "" if value is None else str(value)


def _cite(view: BriefView, article_id: str) -> str:
    article = view.articles.get(article_id) or {}
    url = article.get("url") or ""
    outlet = md(view.outlet(article_id))
    copy = " (copy)" if view.is_copy(article_id) else ""
    # A link only for web URLs; anything else stays text (no javascript: links).
    if url.lower().startswith(("http://", "https://")) and not re.search(r"[\s<>()]", url):
        return f"[{outlet}]({url}) {_code(article_id)}{copy}"
    return f"{outlet} {_code(article_id)}{copy}"


def _summary(view: BriefView, story: StoryView) -> list[str]:
    if not story.summary:
        return ["_No summary for this story._", ""]
    lines = []
    for sentence in story.summary:
        articles = list(dict.fromkeys(s["article"] for s in sentence["sources"]))
        cites = "; ".join(_cite(view, a) for a in articles)
        lines.append(f"- {md(sentence['text'])} ({cites})")
    return [*lines, ""]


def _timeline(view: BriefView, story: StoryView) -> list[str]:
    if not story.events:
        return ["_No events._", ""]
    lines = []
    for event in story.events:
        actors = [view.entity_name(event.get(k)) for k in ("actor1", "actor2") if event.get(k)]
        count = event.get("source_count", 1)
        details = [md(" vs ".join(actors))] if actors else []
        if event.get("fatalities"):
            details.append(f"{event['fatalities']} killed")
        details.append(f"{count} source{'s' if count != 1 else ''}")
        if event.get("conflicts"):
            details.append("sources disagree")
        lines.append(
            f"1. **{md(view.when(event))}** {story.event_labels[event['id']]}: "
            f"{md(view.event_title(event))} ({'; '.join(details)})"
        )
    return [*lines, ""]


def _map(view: BriefView, story: StoryView) -> list[str]:
    rows = [
        [
            md(r.place["name"]),
            _num(r.place.get("lat")),
            _num(r.place.get("lon")),
            _num(r.place.get("geonameid")),
            ", ".join(r.events),
        ]
        for r in story.places
        if r.events
    ]
    lines = _table(["place", "lat", "lon", "GeoNames", "events"], rows)
    return [*lines, "Map data: `events.geojson` (one point per event; `brief.html` draws it).", ""]


def _events(view: BriefView, story: StoryView) -> list[str]:
    rows = []
    for event in story.events:
        actor_ids = [
            event.get("actor1"),
            event.get("actor2"),
            *event.get("assoc_actor1", ()),
            *event.get("assoc_actor2", ()),
        ]
        actors = "; ".join(md(view.entity_name(a)) for a in actor_ids if a)
        sources = ", ".join(_cite(view, a) for a in view.source_articles(event))
        conflicts = "; ".join(f"{md(f)}: {md(v)}" for f, v in view.conflicts(event))
        modality = event.get("modality", "asserted")
        subtype = md(event["sub_event_type"]) + (
            f" ({md(modality)})" if modality != "asserted" else ""
        )
        rows.append(
            [
                story.event_labels[event["id"]],
                md(event["event_type"]),
                subtype,
                md(view.when(event)),
                md(view.place_name(event.get("place"))),
                actors,
                _num(event.get("fatalities_low")),
                _num(event.get("fatalities")),
                _num(event.get("fatalities_high")),
                _num(event.get("source_count", 1)),
                sources,
                conflicts,
            ]
        )
    headers = [
        "#",
        "type",
        "sub-type",
        "date (precision)",
        "place",
        "actors",
        "fatalities low",
        "best",
        "high",
        "sources",
        "reported by",
        "sources disagree on",
    ]
    return _table(headers, rows)


def _spaced(piece: str, rendered: str) -> str:
    lead = " " if piece[:1].isspace() else ""
    tail = " " if piece[-1:].isspace() and piece.strip() else ""
    return lead + rendered + tail


def _passage(view: BriefView, event: Record, span: Record) -> str:
    """The passage in quotes, its arguments in bold, then where it comes from."""
    # Line breaks become spaces (same length, so the marks' offsets hold).
    flat = re.sub(r"\s", " ", str(span.get("text") or ""))
    pieces = split_marked(flat, evidence_marks(view, event, span))
    # md() trims; the spaces around a marked stretch are kept by hand.
    text = "".join(
        _spaced(piece, md(piece) if mark is None else f"**{md(piece)}**") for piece, mark in pieces
    )
    article = view.articles.get(span["article"]) or {}
    where = [_cite(view, span["article"]), f"“{md(article.get('title') or '(untitled)')}”"]
    if article.get("published"):
        where.append(md(article["published"]))
    where.append(f"characters {span['start']}–{span['end']}")
    return f"  > {text}\n  >\n  > — {', '.join(where)}"


def _evidence(view: BriefView, story: StoryView) -> list[str]:
    """Each event's passages with actors, place, date and toll in bold, and its type reasons."""
    if not story.events:
        return []
    lines = ["Evidence (actors, place, date and toll in bold):", ""]
    for event in story.events:
        reasons = "; ".join(md(r) for r in type_reasons(event))
        lines.append(
            f"- **{story.event_labels[event['id']]}** {md(view.event_title(event))}, "
            f"{md(view.when(event))}. {reasons}."
        )
        for span in event.get("sources", []):
            lines += ["", _passage(view, event, span)]
        lines.append("")
    return lines


def _claims(view: BriefView, story: StoryView) -> list[str]:
    rows = []
    for claim in story.claims:
        others = ", ".join(
            story.claim_labels.get(c, _code(c)) for c in story.conflicting_claims(claim)
        )
        rows.append(
            [
                story.claim_labels[claim["id"]],
                f"**{md(claim.get('status', 'single'))}**",
                md(claim["text"]),
                md(claim.get("about") or ""),
                md(claim_value(claim)),
                md(view.speaker(claim.get("speaker"))),
                md(", ".join(view.claim_outlets(claim))),
                ", ".join(_code(a) for a in view.source_articles(claim)),
                others,
            ]
        )
    headers = [
        "#",
        "status",
        "claim",
        "about",
        "value",
        "speaker",
        "outlets",
        "sources",
        "conflicts with",
    ]
    return _table(headers, rows)


def _actors(story: StoryView) -> list[str]:
    rows = [
        [
            md(r.entity["name"]),
            md(r.entity.get("kind") or ""),
            _num(r.entity.get("inter_code")),
            str(r.mentions),
            md(", ".join(r.outlets)),
        ]
        for r in story.actors
    ]
    return _table(["name", "kind", "ACLED inter", "mentions", "outlets"], rows)


def _places(story: StoryView) -> list[str]:
    rows = [
        [
            md(r.place["name"]),
            md(r.place.get("admin1") or ""),
            md(country_name(r.place.get("country_code"))),
            _num(r.place.get("lat")),
            _num(r.place.get("lon")),
            _num(r.place.get("geonameid")),
            str(r.mentions),
            ", ".join(r.events),
        ]
        for r in story.places
    ]
    return _table(
        ["name", "admin1", "country", "lat", "lon", "GeoNames", "mentions", "events"], rows
    )


def _coverage(story: StoryView) -> list[str]:
    coverage = story.coverage
    event_ids = [e["id"] for e in story.events]
    claim_ids = [c["id"] for c in story.claims]
    marks = {"source": "✓", "copy": "copy"}
    lines: list[str] = []
    for ids, labels, cells in (
        (event_ids, story.event_labels, coverage.events),
        (claim_ids, story.claim_labels, coverage.claims),
    ):
        if ids:
            rows = [
                [md(o), *(marks.get(cells.get(o, {}).get(i, ""), "") for i in ids)]
                for o in coverage.outlets
            ]
            lines += _table(["outlet", *(labels[i] for i in ids)], rows)
    lines += ["What each outlet leaves out:", ""]
    for outlet in coverage.outlets:
        events = [story.event_labels[e] for e in coverage.missing_events(outlet, event_ids)]
        claims = [story.claim_labels[c] for c in coverage.missing_claims(outlet, claim_ids)]
        if not events and not claims:
            lines.append(f"- **{md(outlet)}**: reports every event and claim.")
            continue
        pieces = []
        if events:
            pieces.append(f"{len(events)} of {len(event_ids)} events ({', '.join(events)})")
        if claims:
            pieces.append(f"{len(claims)} of {len(claim_ids)} claims ({', '.join(claims)})")
        lines.append(f"- **{md(outlet)}**: leaves out {'; '.join(pieces)}")
    return [*lines, ""]


def _story(view: BriefView, story: StoryView) -> list[str]:
    outlets = sorted({view.outlet(a) for a in story.articles}, key=str.casefold)
    return [
        f"## {md(story.title)}",
        "",
        f"{len(story.articles)} article(s) from {md(', '.join(outlets))}; "
        f"{len(story.events)} event(s), {len(story.claims)} claim(s).",
        "",
        "### Summary",
        "",
        *_summary(view, story),
        "### Timeline",
        "",
        *_timeline(view, story),
        "### Map",
        "",
        *_map(view, story),
        "### Events",
        "",
        *_events(view, story),
        *_evidence(view, story),
        "### Claims",
        "",
        *_claims(view, story),
        "### Actors",
        "",
        *_actors(story),
        "### Places",
        "",
        *_places(story),
        "### Coverage",
        "",
        *_coverage(story),
    ]


# A large brief gives this many stories in full and lists the rest.
TOP_STORIES = 10


def _top_stories(brief: Record, view: BriefView) -> tuple[list[StoryView], list[StoryView]]:
    """(stories in full, stories listed): all in full unless the brief is large.

    The top stories are those with the most events and articles, contested claims first
    among equals; they keep the brief's order.
    """
    if not is_large(brief) or len(view.stories) <= TOP_STORIES:
        return view.stories, []

    def weight(story: StoryView) -> tuple[int, int]:
        contested = sum(1 for c in story.claims if c.get("status") == "contested")
        return (len(story.events) + len(story.articles), contested)

    ranked = sorted(view.stories, key=weight, reverse=True)[:TOP_STORIES]
    top = {s.anchor for s in ranked}
    return (
        [s for s in view.stories if s.anchor in top],
        [s for s in view.stories if s.anchor not in top],
    )


def _story_list(stories: list[StoryView]) -> list[str]:
    rows = []
    for story in stories:
        days = sorted(e["date_start"] for e in story.events if e.get("date_start"))
        when = f"{days[0]} – {days[-1]}" if days and days[0] != days[-1] else (days or [""])[0]
        contested = sum(1 for c in story.claims if c.get("status") == "contested")
        rows.append(
            [md(story.title), md(when), str(len(story.articles)), str(len(story.events)),
             str(len(story.claims)), str(contested)]
        )  # fmt: skip
    return [
        f"## Other stories ({len(stories)})",
        "",
        "Listed here; each is in full in brief.html and brief.json.",
        "",
        *_table(["story", "events dated", "articles", "events", "claims", "contested"], rows),
    ]


def _articles_section(brief: Record, shown: set[str] | None) -> list[str]:
    """The article table: every article, or only the shown stories' when some are listed."""
    lines = ["## Articles", ""]
    if shown is not None:
        lines += [
            f"The {len(shown)} articles of the stories above; the other "
            f"{len(brief['articles']) - len(shown)} are in brief.json and brief.html.",
            "",
        ]
    return lines + _table(
        ["id", "date", "outlet", "author", "title", "language", "furniture removed"],
        [
            [
                _code(a["id"]),
                md(a.get("published")),
                md(a.get("outlet")),
                md(a.get("author")),
                md(a.get("title")),
                md(a.get("language")),
                str(len(a.get("removed", []))),
            ]
            for a in brief["articles"]
            if shown is None or a["id"] in shown
        ],
    )


def _copies_and_rejections(view: BriefView) -> list[str]:
    """Syndicated-copy groups and rejected inputs, each section only when it has rows."""
    lines: list[str] = []
    if view.groups:
        lines += ["## Copies", ""]
        lines += _table(
            ["kind", "original", "copies"],
            [
                [
                    g["kind"],
                    _cite(view, g["articles"][0]),
                    ", ".join(_cite(view, a) for a in g["articles"][1:]),
                ]
                for g in view.groups
            ],
        )
    if view.rejections:
        lines += ["## Rejected inputs", ""]
        lines += _table(
            ["source", "stage", "reason", "detail"],
            [
                [md(r.get(k)) for k in ("source", "stage", "reason", "detail")]
                for r in view.rejections
            ],
        )
    return lines


def render_markdown(brief: Record) -> str:
    """The whole brief; every row points back to its article id."""
    view = BriefView(brief)
    outlets = {a.get("outlet") for a in brief["articles"] if a.get("outlet")}
    lines = [
        "# crosswire brief",
        "",
        f"crosswire {brief['crosswire_version']}, generated {brief.get('generated_at', '')}.",
        "",
        f"{len(brief['articles'])} articles from {len(outlets)} outlets, "
        f"{len(view.events)} events, {len(brief['claims'])} claims, "
        f"{len(brief['rejections'])} rejected inputs." + hidden_note(view.hidden_events),
        "",
    ]
    full, listed = _top_stories(brief, view)
    for story in full:
        lines += _story(view, story)
    shown_articles = None
    if listed:
        lines += _story_list(listed)
        shown_articles = {a for story in full for a in story.articles}
    lines += _articles_section(brief, shown_articles)
    lines += _copies_and_rejections(view)
    return "\n".join(lines).rstrip("\n") + "\n"
