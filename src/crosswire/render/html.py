"""brief.html: one self-contained page an analyst can open, print or mail.

Inline CSS, inline scripts and no network reference: it reads the same offline
as online. The map is Leaflet over Natural Earth borders, both inlined
(``leafletmap``); without those assets it is an inline SVG map. Every string
from the corpus goes through ``markup.el``, which escapes it, so a hostile title stays text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cache
from importlib import resources
from typing import Any

from crosswire.render import leafletmap
from crosswire.render.countries import country_name
from crosswire.render.geojson import event_features
from crosswire.render.markup import Html, el, join, void
from crosswire.render.svgmap import event_colour, render_map
from crosswire.render.timeline import render_corpus_timeline
from crosswire.render.view import (
    BriefView,
    StoryView,
    claim_value,
    evidence_marks,
    hidden_note,
    parse_partial,
    source_spans_by_article,
    span_anchor,
    split_marked,
    type_reasons,
)

Record = dict[str, Any]
Header = str | tuple[str, str]  # a column name, or (name, what it means) for a tooltip
SAFE_LINK_SCHEMES = ("http://", "https://")


@cache
def stylesheet() -> str:
    return resources.files("crosswire.render").joinpath("assets", "brief.css").read_text("utf-8")


def _table(
    caption: str,
    headers: Iterable[Header],
    rows: Iterable[Html],
    *,
    numeric: Iterable[str] = (),
) -> Html:
    numeric = set(numeric)
    cells = []
    for header in headers:
        text, title = header if isinstance(header, tuple) else (header, None)
        cells.append(
            el("th", text, scope="col", title=title, class_="num" if text in numeric else None)
        )
    body = list(rows)
    if not body:
        return el("p", f"{caption}: none.", class_="note")
    return el(
        "div",
        el("table", el("caption", caption), el("thead", el("tr", *cells)), el("tbody", *body)),
        class_="table-wrap",
    )


def _num(value: object) -> Html:
    return el("td", "—" if value is None else value, class_="num")


def _article_link(view: BriefView, article_id: str, text: str | None = None) -> Html:
    label = text if text is not None else view.outlet(article_id)
    copy = " (copy)" if view.is_copy(article_id) else ""
    title = (view.articles.get(article_id) or {}).get("title") or article_id
    return join(el("a", label, href=f"#{article_id}", title=title), copy)


def _external_link(url: str | None) -> Html:
    """The article's URL: a link only for http(s), never for javascript: or data: schemes."""
    if not url:
        return join("")
    if url.lower().startswith(SAFE_LINK_SCHEMES):
        return el("a", url, href=url, rel="noopener noreferrer nofollow")
    return el("span", url)


def _lines(items: Iterable[Html | str]) -> Html:
    """Several values in one table cell, one per line."""
    entries = [el("li", item) for item in items]
    return el("ul", *entries, class_="cell-list") if entries else join("")


def _sources(view: BriefView, record: Record) -> Html:
    """Links to the articles behind a record; an outlet's second piece shows its date."""
    articles = view.source_articles(record)
    outlets = [view.outlet(a) for a in articles]
    links = []
    for article_id, outlet in zip(articles, outlets, strict=True):
        published = (view.articles.get(article_id) or {}).get("published")
        label = f"{outlet}, {published}" if outlets.count(outlet) > 1 and published else outlet
        links.append(_article_link(view, article_id, label))
    return _lines(links)


def _passages(view: BriefView, record: Record) -> Html:
    """Each source passage: its outlet, linked to the passage highlighted in the article."""
    links = []
    for span in record.get("sources", []):
        article = view.articles.get(span["article"]) or {}
        links.append(
            el(
                "a",
                view.outlet(span["article"]),
                href=f"#{span_anchor(span)}",
                title=f"{article.get('title') or span['article']}: “{span.get('text', '')}”",
            )
        )
    return _lines(links)


def _source_line(view: BriefView, span: Record) -> Html:
    """Outlet, title, date and URL of the article a passage comes from."""
    article = view.articles.get(span["article"]) or {}
    return el(
        "div",
        el("strong", view.outlet(span["article"])),
        " (copy)" if view.is_copy(span["article"]) else "",
        ", “",
        article.get("title") or "(untitled)",
        "”",
        f", {article['published']}" if article.get("published") else "",
        " ",
        _external_link(article.get("url")),
        " ",
        el("a", "show in article", href=f"#{span_anchor(span)}", class_="to-text"),
        class_="source-line",
    )


def _marked_passage(view: BriefView, event: Record, span: Record) -> Html:
    pieces = []
    for text, mark in split_marked(str(span.get("text") or ""), evidence_marks(view, event, span)):
        if mark is None:
            pieces.append(text)
        else:
            pieces.append(el("mark", text, class_=f"arg arg-{mark.role}", title=mark.label))
    return el("blockquote", *pieces, class_="evidence-text")


def _evidence(view: BriefView, story: StoryView) -> Html:
    """Each event with the passages behind it, its arguments marked, and why it has its type."""
    if not story.events:
        return el("p", "No events.", class_="note")
    items = []
    for event in story.events:
        spans = list(event.get("sources", []))
        passing = list(event.get("mentions", []))
        items.append(
            el(
                "li",
                el("span", story.event_labels[event["id"]], class_="label"),
                " ",
                el("a", view.event_title(event), href=f"#{story.event_anchor(event['id'])}"),
                f", {view.when(event)}",
                el("ul", *(el("li", r) for r in type_reasons(event)), class_="reasons"),
                *(
                    join(_marked_passage(view, event, span), _source_line(view, span))
                    for span in spans
                ),
                el("p", "Mentioned in passing:", class_="note") if passing else None,
                *(
                    join(_marked_passage(view, event, span), _source_line(view, span))
                    for span in passing
                ),
                id=f"{story.event_anchor(event['id'])}-evidence",
                class_="evidence",
            )
        )
    legend = el(
        "p",
        "Marked: ",
        el("mark", "actors", class_="arg arg-actor"),
        ", ",
        el("mark", "place", class_="arg arg-place"),
        ", ",
        el("mark", "date", class_="arg arg-date"),
        ", ",
        el("mark", "toll", class_="arg arg-fatalities"),
        ". The events do not record their trigger word yet.",
        class_="note",
    )
    return join(legend, el("ol", *items, class_="evidence-list"))


def _article_text(article: Record, spans: list[tuple[int, int]]) -> Html:
    """The clean text with every cited passage marked and addressable by its offsets."""
    text = str(article.get("text") or "")
    pieces: list[Html | str] = []
    at = 0
    for start, end in spans:
        anchor = f"{article['id']}-{start}-{end}"
        if start < at or start >= len(text):
            # Overlaps an earlier passage (or lies past the end): an anchor where it starts.
            pieces.append(el("span", "", id=anchor, class_="passage-start"))
            continue
        pieces.append(text[at:start])
        pieces.append(el("mark", text[start:end], id=anchor, class_="passage"))
        at = min(end, len(text))
    pieces.append(text[at:])
    return el("div", *pieces, class_="article-text", id=f"text-{article['id']}")


def _sep(parts: Iterable[Html | str], separator: str = ", ") -> Html:
    items = list(parts)
    out: list[Html | str] = []
    for index, part in enumerate(items):
        if index:
            out.append(separator)
        out.append(part)
    return join(out)


# --------------------------------------------------------------------------
# One story


def _summary(view: BriefView, story: StoryView) -> Html:
    if not story.summary:
        return el("p", "No summary for this story.", class_="note")
    items = []
    for sentence in story.summary:
        articles = list(dict.fromkeys(s["article"] for s in sentence["sources"]))
        first_span: dict[str, Record] = {}
        for span in sentence["sources"]:
            first_span.setdefault(span["article"], span)
        marks = [
            el(
                "a",
                f"[{story.citation_number(a)}]",
                href=f"#{span_anchor(first_span[a])}",
                title=f"{view.outlet(a)}: {(view.articles.get(a) or {}).get('title') or a}",
                aria_label=f"source {story.citation_number(a)}, {view.outlet(a)}",
            )
            for a in articles
        ]
        items.append(el("li", sentence["text"], " ", el("span", *marks, class_="cite")))
    notes = []
    for article_id in story.citations:
        article = view.articles.get(article_id) or {}
        notes.append(
            el(
                "li",
                el("a", view.outlet(article_id), href=f"#{article_id}"),
                ": ",
                article.get("title") or "(untitled)",
                f" ({article['published']})" if article.get("published") else "",
                " ",
                el("span", article_id, class_="id"),
                id=f"{story.anchor}-cite-{story.citation_number(article_id)}",
            )
        )
    return join(
        el("ol", *items, class_="summary"),
        el("p", "Sources cited above:", class_="note"),
        el("ol", *notes, class_="citations"),
    )


def _actors_text(view: BriefView, event: Record) -> str:
    first = view.entity_name(event.get("actor1"))
    second = view.entity_name(event.get("actor2"))
    return f"{first} vs {second}" if first and second else first or second


def _fatalities_text(event: Record) -> str:
    best, low, high = (
        event.get("fatalities"),
        event.get("fatalities_low"),
        event.get("fatalities_high"),
    )
    if not best and not low and not high:
        return ""
    text = f"{best if best is not None else '?'} killed"
    if (low, high) != (best, best) and (low is not None or high is not None):
        text += f" (reports {low if low is not None else '?'}–{high if high is not None else '?'})"
    return text


def _timeline(view: BriefView, story: StoryView) -> Html:
    if not story.events:
        return el("p", "No events.", class_="note")
    items = []
    for event in story.events:
        start = parse_partial(event.get("date_start"))
        details = [d for d in (_actors_text(view, event), _fatalities_text(event)) if d]
        count = event.get("source_count", 1)
        items.append(
            el(
                "li",
                el("time", view.when(event), datetime=event.get("date_start") if start else None),
                " ",
                el("span", story.event_labels[event["id"]], class_="label"),
                " ",
                el("a", view.event_title(event), href=f"#{story.event_anchor(event['id'])}"),
                f" — {'; '.join(details)}" if details else "",
                f" ({count} source{'s' if count != 1 else ''})",
                el("span", " sources disagree", class_="conflict")
                if event.get("conflicts")
                else "",
                style=f"--dot:{event_colour(event['event_type'])}",
            )
        )
    return el("ol", *items, class_="timeline")


def _events_table(view: BriefView, story: StoryView) -> Html:
    rows = []
    for event in story.events:
        actors = [view.entity_name(a) for a in (event.get("actor1"), event.get("actor2")) if a] + [
            view.entity_name(a)
            for a in (*event.get("assoc_actor1", ()), *event.get("assoc_actor2", ()))
        ]
        conflicts = view.conflicts(event)
        modality = event.get("modality", "asserted")
        rows.append(
            el(
                "tr",
                el("th", story.event_labels[event["id"]], scope="row"),
                el("td", event["event_type"]),
                el(
                    "td",
                    event["sub_event_type"],
                    el("div", f"({modality})", class_="note") if modality != "asserted" else None,
                ),
                el("td", view.when(event)),
                el("td", view.place_name(event.get("place"))),
                el("td", _lines(actors)),
                _num(event.get("fatalities_low")),
                _num(event.get("fatalities")),
                _num(event.get("fatalities_high")),
                _num(event.get("source_count", 1)),
                el(
                    "td",
                    _sources(view, event),
                    el("a", "evidence", href=f"#{story.event_anchor(event['id'])}-evidence"),
                ),
                el(
                    "td",
                    _lines(join(el("strong", f), ": ", values) for f, values in conflicts),
                    class_="conflict" if conflicts else None,
                ),
                id=story.event_anchor(event["id"]),
            )
        )
    headers: list[Header] = [
        "#",
        "type",
        "sub-type",
        "date (precision)",
        "place",
        "actors",
        ("low", "fatalities, lowest report"),
        ("best", "fatalities, ACLED's conservative figure"),
        ("high", "fatalities, highest report"),
        ("sources", "independent sources"),
        "reported by",
        "sources disagree on",
    ]
    return _table(
        f"Events of {story.title}", headers, rows, numeric=("low", "best", "high", "sources")
    )


def _badge(status: str) -> Html:
    return el("span", status, class_=f"badge status-{status}")


def _claims_table(view: BriefView, story: StoryView) -> Html:
    rows = []
    for claim in story.claims:
        others = [
            el("a", story.claim_labels[c], href=f"#{story.claim_anchor(c)}")
            if c in story.claim_labels
            else el("span", c, class_="id")
            for c in story.conflicting_claims(claim)
        ]
        rows.append(
            el(
                "tr",
                el("th", story.claim_labels[claim["id"]], scope="row"),
                el("td", _badge(str(claim.get("status", "single")))),
                el("td", claim["text"]),
                el("td", claim.get("about") or ""),
                el("td", claim_value(claim)),
                el("td", view.speaker(claim.get("speaker"))),
                el("td", ", ".join(view.claim_outlets(claim))),
                el("td", _passages(view, claim)),
                el("td", _sep(others)),
                id=story.claim_anchor(claim["id"]),
            )
        )
    headers: list[Header] = [
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
    return _table(f"Claims in {story.title}", headers, rows)


def _actors_table(view: BriefView, story: StoryView) -> Html:
    rows = [
        el(
            "tr",
            el("th", row.entity["name"], scope="row"),
            el("td", row.entity.get("kind") or ""),
            _num(row.entity.get("inter_code")),
            _num(row.mentions),
            el("td", ", ".join(row.outlets)),
        )
        for row in story.actors
    ]
    headers: list[Header] = ["name", "kind", ("inter", "ACLED inter code"), "mentions", "outlets"]
    return _table(f"Actors in {story.title}", headers, rows, numeric=("inter", "mentions"))


def _coordinate(value: object) -> str:
    return f"{value:.4f}" if isinstance(value, (int, float)) else "—"


def _places_table(view: BriefView, story: StoryView) -> Html:
    rows = [
        el(
            "tr",
            el("th", row.place["name"], scope="row"),
            el("td", row.place.get("admin1") or ""),
            el("td", country_name(row.place.get("country_code"))),
            el("td", _coordinate(row.place.get("lat")), class_="num"),
            el("td", _coordinate(row.place.get("lon")), class_="num"),
            _num(row.place.get("geonameid")),
            _num(row.mentions),
            el("td", ", ".join(row.events)),
        )
        for row in story.places
    ]
    headers: list[Header] = [
        "name",
        "admin1",
        "country",
        "lat",
        "lon",
        ("GeoNames", "GeoNames id"),
        "mentions",
        "events",
    ]
    return _table(
        f"Places in {story.title}", headers, rows, numeric=("lat", "lon", "GeoNames", "mentions")
    )


_MARKS = {"source": ("✓", "reports it"), "copy": ("copy", "only in a republished copy")}


def _matrix(
    story: StoryView,
    kind: str,
    ids: list[str],
    labels: dict[str, str],
    cells: dict[str, dict[str, str]],
    titles: dict[str, str],
) -> Html:
    rows = []
    for outlet in story.coverage.outlets:
        marks = []
        for record_id in ids:
            how = cells.get(outlet, {}).get(record_id)
            text, meaning = _MARKS.get(how or "", ("", "does not report it"))
            marks.append(
                el("td", text, class_="mark", aria_label=f"{outlet} {meaning}", title=meaning)
            )
        rows.append(el("tr", el("th", outlet, scope="row"), *marks))
    headers: list[Header] = ["outlet"]
    headers += [(labels[i], titles[i]) for i in ids]
    return _table(f"Which outlet reports which {kind}", headers, rows)


def _coverage(view: BriefView, story: StoryView) -> Html:
    coverage = story.coverage
    if not coverage.outlets:
        return el("p", "No outlets.", class_="note")
    event_ids = [e["id"] for e in story.events]
    claim_ids = [c["id"] for c in story.claims]
    event_titles = {e["id"]: f"{view.event_title(e)}, {view.when(e)}" for e in story.events}
    claim_titles = {c["id"]: str(c["text"]) for c in story.claims}
    parts = []
    if event_ids:
        parts.append(
            _matrix(story, "event", event_ids, story.event_labels, coverage.events, event_titles)
        )
    if claim_ids:
        parts.append(
            _matrix(story, "claim", claim_ids, story.claim_labels, coverage.claims, claim_titles)
        )
    left_out = []
    for outlet in coverage.outlets:
        events = coverage.missing_events(outlet, event_ids)
        claims = coverage.missing_claims(outlet, claim_ids)
        if not events and not claims:
            left_out.append(el("li", el("strong", outlet), ": reports every event and claim."))
            continue
        pieces = []
        if events:
            pieces.append(
                _left_out_links(
                    "events",
                    events,
                    len(event_ids),
                    story.event_labels,
                    story.event_anchor,
                    event_titles,
                )
            )
        if claims:
            pieces.append(
                _left_out_links(
                    "claims",
                    claims,
                    len(claim_ids),
                    story.claim_labels,
                    story.claim_anchor,
                    claim_titles,
                )
            )
        left_out.append(el("li", el("strong", outlet), ": leaves out ", _sep(pieces, "; ")))
    parts.append(el("h4", "What each outlet leaves out"))
    parts.append(el("ul", *left_out, class_="left-out"))
    return join(parts)


def _left_out_links(
    noun: str,
    missing: list[str],
    total: int,
    labels: dict[str, str],
    anchor: Callable[[str], str],
    titles: dict[str, str],
) -> Html:
    """ "2 of 5 events (E1, E3)": what one outlet leaves out, each linked to its row."""
    links = _sep(el("a", labels[i], href=f"#{anchor(i)}", title=titles[i]) for i in missing)
    return join(f"{len(missing)} of {total} {noun} (", links, ")")


def _story_meta(view: BriefView, story: StoryView) -> str:
    outlets = sorted({view.outlet(a) for a in story.articles}, key=str.casefold)
    return (
        f"{len(story.articles)} article(s) from {len(outlets)} outlet(s): "
        f"{', '.join(outlets)}; {len(story.events)} event(s), {len(story.claims)} claim(s)."
    )


def _story(view: BriefView, story: StoryView, features: list[Record]) -> Html:
    heading = f"{story.anchor}-h"
    ids = {e["id"] for e in story.events}
    by_id = view.cached("features", lambda: {f["id"]: f for f in features})
    story_features = [by_id[e["id"]] for e in story.events if e["id"] in by_id]
    titles = {e["id"]: f"{view.event_title(e)}, {view.when(e)}" for e in story.events}
    mapped = {f["id"] for f in story_features}
    unmapped = [story.event_labels[e["id"]] for e in story.events if e["id"] not in mapped]
    return el(
        "section",
        el("h2", story.title, id=heading),
        el("p", _story_meta(view, story), class_="story-meta"),
        el("h3", "Summary"),
        _summary(view, story),
        el("h3", "Timeline"),
        _timeline(view, story),
        el("h3", "Map"),
        _map(
            story_features,
            map_id=f"{story.anchor}-map",
            title=f"Map of {story.title}",
            labels=story.event_labels,
            titles=titles,
            hrefs={e: f"#{story.event_anchor(e)}-evidence" for e in ids},
        ),
        el("p", f"Not on the map (no coordinates): {', '.join(unmapped)}.", class_="note")
        if unmapped
        else None,
        el("h3", "Events"),
        _events_table(view, story),
        el("h3", "Evidence"),
        _evidence(view, story),
        el("h3", "Claims"),
        _claims_table(view, story),
        el("h3", "Actors"),
        _actors_table(view, story),
        el("h3", "Places"),
        _places_table(view, story),
        el("h3", "Coverage"),
        _coverage(view, story),
        id=story.anchor,
        class_="story",
        aria_labelledby=heading,
    )


def _map(
    features: list[Record],
    *,
    map_id: str,
    title: str,
    labels: dict[str, str],
    titles: dict[str, str],
    hrefs: dict[str, str],
) -> Html:
    """The Leaflet map with borders when its assets are bundled, else the inline SVG map."""
    if leafletmap.available():
        events = leafletmap.map_events(
            features, titles=titles, labels=labels, hrefs=hrefs, by_place=map_id == "overview-map"
        )
        return leafletmap.render_leaflet_map(map_id, title, events)
    return join(
        render_map(features, map_id=map_id, title=title, event_labels=labels, event_titles=titles),
        el("p", leafletmap.MISSING_NOTE, class_="note map-fallback"),
    )


# --------------------------------------------------------------------------
# The corpus-wide parts


def _articles(view: BriefView, only: set[str] | None = None) -> Html:
    spans = view.cached("spans", lambda: source_spans_by_article(view.brief))
    rows = []
    for article in view.brief.get("articles", []):
        if only is not None and article["id"] not in only:
            continue
        origin = view.copy_of.get(article["id"])
        rows.append(
            el(
                "tr",
                el("th", el("span", article["id"], class_="id"), scope="row"),
                el("td", article.get("published") or "", class_="date"),
                el("td", article.get("outlet") or ""),
                el("td", article.get("author") or ""),
                el(
                    "td",
                    article.get("title") or "",
                    el("div", "copy of ", _article_link(view, origin, origin), class_="note")
                    if origin
                    else None,
                    el("div", el("a", "text", href=f"#text-{article['id']}"), class_="note"),
                    _article_text(article, spans.get(article["id"], [])),
                ),
                el("td", article.get("language") or ""),
                el(
                    "td",
                    _external_link(article.get("url")),
                    el("div", article.get("source") or "", class_="note"),
                ),
                _num(len(article.get("removed", []))),
                id=article["id"],
            )
        )
    headers: list[Header] = [
        "id",
        "published",
        "outlet",
        "author",
        "title",
        ("lang", "language"),
        "url / input",
        ("removed", "furniture blocks removed"),
    ]
    return _table("Articles", headers, rows, numeric=("removed",))


def _plain_link(view: BriefView, article_id: str) -> Html:
    return el("a", view.outlet(article_id), href=f"#{article_id}", title=article_id)


def _copies(view: BriefView) -> Html:
    rows = [
        el(
            "tr",
            el("td", group["kind"]),
            el("td", _plain_link(view, group["articles"][0])),
            el("td", _sep(_plain_link(view, a) for a in group["articles"][1:])),
        )
        for group in view.groups
    ]
    return _table("Duplicate and syndicated copies", ["kind", "original", "copies"], rows)


def _rejections(view: BriefView) -> Html:
    rows = [
        el("tr", *(el("td", r.get(k) or "") for k in ("source", "stage", "reason", "detail")))
        for r in view.rejections
    ]
    return _table("Rejected inputs", ["source", "stage", "reason", "detail"], rows)


def _story_dates(story: StoryView) -> str:
    days = sorted(e["date_start"] for e in story.events if e.get("date_start"))
    if not days:
        return ""
    return days[0] if days[0] == days[-1] else f"{days[0]} – {days[-1]}"


def _story_index(view: BriefView, pages: dict[str, str]) -> Html:
    """The overview's table of stories, each linking to its section or page."""
    rows = [
        el(
            "tr",
            el("th", el("a", s.title, href=pages.get(s.anchor, f"#{s.anchor}")), scope="row"),
            el("td", _story_dates(s), class_="date"),
            _num(len(s.articles)),
            _num(len(s.events)),
            _num(len(s.claims)),
            _num(sum(1 for c in s.claims if c.get("status") == "contested")),
        )
        for s in view.stories
    ]
    return _table(
        "Stories",
        ["story", "events dated", "articles", "events", "claims", "contested"],
        rows,
        numeric=("articles", "events", "claims", "contested"),
    )


def _overview(
    view: BriefView, features: list[Record], page_of: dict[str, str] | None = None
) -> Html:
    """Counts, the corpus timeline, the map of all events and the story index.

    ``page_of`` maps a story's anchor to its own page when stories are paged.
    """
    pages = page_of or {}
    brief = view.brief
    outlets = {a.get("outlet") for a in brief.get("articles", []) if a.get("outlet")}
    contested = sum(1 for c in view.claims.values() if c.get("status") == "contested")
    titles = {
        f["id"]: f"{view.event_title(view.events[f['id']])}, {view.when(view.events[f['id']])}"
        for f in features
    }
    return el(
        "section",
        el("h2", "Overview", id="overview-h"),
        el(
            "p",
            f"{len(brief.get('articles', []))} articles from {len(outlets)} outlets; "
            f"{len(view.events)} events, {len(view.claims)} claims ({contested} contested), "
            f"{len(view.rejections)} rejected inputs." + hidden_note(view.hidden_events),
        ),
        el("h3", "Timeline of all events"),
        render_corpus_timeline(list(view.events.values())),
        el("h3", "Map of all events"),
        _map(
            features,
            map_id="overview-map",
            title="Map of all events",
            labels={},
            titles=titles,
            hrefs={
                e["id"]: f"{pages.get(story.anchor, '')}#{story.event_anchor(e['id'])}-evidence"
                for story in view.stories
                for e in story.events
            },
        ),
        el("h3", "Stories"),
        _story_filter() if pages else None,
        _story_index(view, pages),
        id="overview",
        aria_labelledby="overview-h",
    )


def render_html(brief: Record) -> str:
    view = BriefView(brief)
    features = event_features(brief)
    toc = [el("li", el("a", "Overview", href="#overview"))]
    toc += [el("li", el("a", s.title, href=f"#{s.anchor}")) for s in view.stories]
    toc += [
        el("li", el("a", t, href=f"#{i}"))
        for i, t in (
            ("articles", "Articles"),
            ("copies", "Copies"),
            ("rejections", "Rejected inputs"),
        )
    ]
    main = el(
        "main",
        _overview(view, features),
        *(_story(view, s, features) for s in view.stories),
        *_corpus_sections(view),
        id="main",
    )
    return _page(brief, "crosswire brief", toc, main, map_scripts=leafletmap.body_parts)


def _corpus_sections(view: BriefView, only: set[str] | None = None) -> list[Html]:
    sections = [("articles", "Articles", _articles(view, only))]
    if only is None:
        sections += [("copies", "Copies", _copies(view))]
        sections += [("rejections", "Rejected inputs", _rejections(view))]
    return [
        el("section", el("h2", title, id=f"{key}-h"), body, id=key, aria_labelledby=f"{key}-h")
        for key, title, body in sections
    ]


def _page(
    brief: Record,
    title: str,
    toc: list[Html],
    main: Html,
    *,
    map_scripts: Callable[[], list[Html]],
    extra: Iterable[Html] = (),
) -> str:
    """A whole page: head with the styles, header with contents, main, then scripts."""
    body = el(
        "body",
        el("a", "Skip to the content", href="#main", class_="skip"),
        el(
            "header",
            el("h1", title),
            el(
                "p",
                f"crosswire {brief.get('crosswire_version', '')}, generated "
                f"{brief.get('generated_at', '')}. Every statement links to the articles "
                "behind it; dates show how precisely they are known.",
                class_="meta",
            ),
            el(
                "nav",
                el("h2", "Contents", class_="visually-plain"),
                el("ol", *toc),
                aria_label="Contents",
            ),
        ),
        main,
        el("footer", el("p", "Written by crosswire. This page loads nothing from the network.")),
        *(map_scripts() if leafletmap.available() else ()),
        *extra,
    )
    head = el(
        "head",
        void("meta", charset="utf-8"),
        void("meta", name="viewport", content="width=device-width, initial-scale=1"),
        void("meta", name="generator", content=f"crosswire {brief.get('crosswire_version', '')}"),
        el("title", title),
        el("style", Html(stylesheet())),
        *(leafletmap.head_parts() if leafletmap.available() else ()),
    )
    return "<!DOCTYPE html>\n" + el("html", head, body, lang="en") + "\n"


# --------------------------------------------------------------------------
# A brief that scales: an overview page and one page per story

STORY_FOLDER = "stories"
# Up to these sizes the brief is one page; beyond, the overview links to story pages.
ONE_PAGE_ARTICLES = 150
ONE_PAGE_STORIES = 30
FILTER_SCRIPT = """(function () {
  var box = document.getElementById("story-filter");
  var rows = document.querySelectorAll("#overview table tbody tr");
  box.addEventListener("input", function () {
    var words = box.value.toLowerCase().split(/\\s+/).filter(Boolean);
    rows.forEach(function (row) {
      var text = row.textContent.toLowerCase();
      row.hidden = !words.every(function (w) { return text.indexOf(w) >= 0; });
    });
  });
})();"""


def _story_filter() -> Html:
    return el(
        "p",
        el("label", "Filter stories ", el("input", "", type="search", id="story-filter",
                                           placeholder="words in a title, a date ...")),
        class_="filter",
    )  # fmt: skip


def is_large(brief: Record) -> bool:
    """Whether the brief is written as an overview plus one page per story."""
    return (
        len(brief.get("articles", [])) > ONE_PAGE_ARTICLES
        or len(brief.get("stories", [])) > ONE_PAGE_STORIES
    )


def _story_articles(view: BriefView, story: StoryView) -> set[str]:
    """The articles a story page must hold: its own and every one its records cite."""
    ids = set(story.articles) | set(story.citations)
    for record in [*story.events, *story.claims]:
        ids.update(view.source_articles(record))
    return ids


def render_pages(brief: Record) -> dict[str, str]:
    """brief.html as an overview, and stories/<anchor>.html per story, by relative path.

    The overview holds the corpus timeline, the story index (with a filter) and
    the map of all events; each story page holds the story with its evidence and
    the text of the articles it cites. Story pages load the shared map script
    ``stories/map.js`` (written beside them), so the map data is not repeated.
    """
    view = BriefView(brief)
    features = event_features(brief)
    page_of = {s.anchor: f"{STORY_FOLDER}/{s.anchor}.html" for s in view.stories}
    toc = [el("li", el("a", "Overview", href="#overview"))]
    toc.append(el("li", el("a", "Rejected inputs", href="#rejections")))
    copies = sum(len(g["articles"]) - 1 for g in view.groups)
    main = el(
        "main",
        _overview(view, features, page_of),
        el("p", f"{copies} articles are copies of another ({len(view.groups)} groups); "
           "each story page lists its articles with their copies.", class_="note"),
        el("section", el("h2", "Rejected inputs", id="rejections-h"), _rejections(view),
           id="rejections", aria_labelledby="rejections-h"),
        id="main",
    )  # fmt: skip
    pages = {
        "brief.html": _page(
            brief,
            "crosswire brief",
            toc,
            main,
            map_scripts=leafletmap.body_parts,
            extra=[el("script", Html(FILTER_SCRIPT))],
        )
    }
    for story in view.stories:
        back = el("li", el("a", "Back to the overview", href="../brief.html"))
        story_main = el(
            "main",
            _story(view, story, features),
            *_corpus_sections(view, only=_story_articles(view, story)),
            id="main",
        )
        pages[page_of[story.anchor]] = _page(
            brief, story.title, [back], story_main,
            map_scripts=lambda: [el("script", "", src="map.js")],
        )  # fmt: skip
    if leafletmap.available():
        pages[f"{STORY_FOLDER}/map.js"] = leafletmap.shared_script()
    return pages
