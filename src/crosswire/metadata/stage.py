"""Stage `metadata`: infer outlet, author and date the input did not declare.

Runs after ``clean``, so footers, disclaimers and bylines are usually in
``Article.removed``; they are read there and, for whatever the cleaner left,
in the text's first and last paragraphs. What the container (origin
``metadata``) or the HTML (``html-meta``) declared is never replaced, only
written in standard form: a declared date as ISO, a declared bare domain
("redseadispatch.example", news-please's ``source_domain``) as the name the
article spells it with. Every value gets a ``FieldOrigin`` naming where it
came from and the words that said so; a declared value that arrives without
one is marked ``metadata``.

Outlet, first found wins: a footer naming the first publisher ("This story
was first published by X", "Republished from X"), the byline ("By Jane Roe,
Levant Monitor"), the dateline ("HODEIDAH, Yemen (Coastline Wire) -"), a
disclaimer ("X is an independent newsroom ...", "... do not reflect the
views of X"), a copyright line ("© 2026 X"), the URL's domain. Statements
of authorship come before the site's own furniture and the URL because they
name the newsroom that wrote the story, which is what corroboration must
count, while copyright lines and URLs name whoever re-posted it.

Author: the people a byline names, normalised ("JANE ROE" -> "Jane Roe") and
joined with ", ". A byline crediting no person ("By Staff", "By Our
Correspondent", "By Reuters") leaves ``author`` empty: a desk is not an
author. The credit is kept as evidence (field ``author_credit``), and an
agency credit gives the outlet.

Published date, in trust order: the input's own date field and the page's
metadata (both declared before this stage), a place dateline ("BEIRUT, March
4 (Wire) -"), a dateline heading the body (``pubdates.head_dates``: "Tuesday
19 Jul 2016", "Published October 2 2017", "13-12-2014 ...", a date after a
headline and a credit), the byline's date, other publication stamps (short
stamp paragraphs, stamps the cleaner removed, "first published ... on 5 March
2026" in a footer), a date in the URL path, update stamps, and last an
estimate for an undated text: its newest explicit date at month precision,
origin ``inferred``. ``--published`` and a sidecar ``FILE.meta.json`` beside an
input override all of them (origins ``override`` and ``sidecar``). A
dateline's month-day without a year ("March 4") takes its year from the URL,
the byline, a stamp or the body's newest date, in that order, stepping back a
year when that would put it more than a week after the reference (a
"December 30" story filed in January). With no year anywhere it sets no
date; its text is kept as evidence (field ``dateline_date``).

The dateline's place is recorded as evidence for later stages (field
``dateline_place``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cached_property, partial
from pathlib import Path

from crosswire.clean.headline import body_text
from crosswire.errors import ConfigError
from crosswire.metadata import outlets, pubdates
from crosswire.metadata.bylines import Byline, Dateline, parse_byline, parse_dateline, stamp_date
from crosswire.model import Article, Corpus, DatePrecision, FieldOrigin
from crosswire.registry import Stage, StageContext, stage

AUTHOR_SEPARATOR = ", "
# A file beside an input that declares its date: article.txt -> article.txt.meta.json.
SIDECAR_SUFFIX = ".meta.json"

# Removed blocks that may name the publisher. Captions, photo credits, teasers
# and ads name other people's outlets ("Photo: © AFP"), so they are not read.
_FOOTER_REASONS = frozenset({"disclaimer", "copyright", "source_stamp", "site_chrome", "other"})
_STAMP_REASONS = frozenset({"updated_stamp", "source_stamp", "byline", "site_chrome", "other"})
# How many paragraphs at either end of the text may hold bylines, stamps and footers.
_EDGE = 3

_JOINERS = frozenset({"of", "for", "and", "the", "de", "du", "des", "la", "le", "al", "el", "&"})
# A capitalised name; joiners only between capitalised words ("Institute for War and Peace
# Reporting"); a short number only at the end ("France 24"), so years and dates stay out.
_NAME = (
    r"(?:[Tt]he\s+)?[A-Z][\w'’&\-]*"
    rf"(?:\s+(?:(?:{'|'.join(sorted(_JOINERS - {'&'}))})\s+)?(?:[A-Z][\w'’&\-]*|&))*"
    r"(?:\s+\d{1,3}\b(?!\s+[A-Z]))?"
)
_FIRST_PUBLISHER = re.compile(
    rf"(?i:\b(?:first|originally)\s+(?:published|appeared|ran|posted)\b[^.]{{0,40}}?"
    rf"\b(?:by|in|on|at))\s+(?P<name>{_NAME})"
    rf"|(?i:\b(?:republished|reprinted|reproduced|syndicated|adapted)\b[^.]{{0,30}}?"
    rf"\b(?:from|by))\s+(?P<name2>{_NAME})"
)
_SELF_DESCRIPTION = re.compile(
    rf"^(?P<name>{_NAME})\s+is\s+(?:an?|the)\s+(?:[\w\-]+,?\s+){{0,4}}?"
    r"(?:news(?:room|paper|\s+(?:agency|site|website|outlet|organi[sz]ation|service))?"
    r"|media\s+(?:outlet|organi[sz]ation|company|platform)|outlet|publication|broadcaster"
    r"|magazine|wire\s+service)\b"
)
_VIEWS_DISCLAIMER = re.compile(
    r"(?i:\b(?:views|opinions)\b[^.]{0,80}?\b(?:reflect|represent)\b[^.]{0,40}?\bof)"
    rf"\s+(?P<name>{_NAME})"
)
_COPYRIGHT = re.compile(
    rf"(?:©|\([cC]\)|\b[Cc]opyright\b|\bCOPYRIGHT\b)\s*(?:©\s*)?"
    rf"(?:(?:19|20)\d{{2}}(?:\s*[-–]\s*(?:19|20)\d{{2}})?\s*,?\s*)?(?P<name>{_NAME})"
)
# How a footer left in the text opens: it speaks of the story, or is a notice.
_SELF_REFERENCE = re.compile(
    r"(?i:\W*+(?:this\s+(?:story|article|piece|report|post|item|version|content)\b"
    r"|(?:first|originally)\s+(?:published|appeared)|republished|reprinted|adapted|syndicated"
    r"|©|\(c\)|copyright|all\s+rights))"
    rf"|(?:{_NAME})\s+is\s+(?:an?|the)\s"
    r"|(?i:the\s+(?:views|opinions)\s+expressed)"
)
_PUBLICATION_STATEMENT = re.compile(r"(?i)\b(?:published|posted)\b")
# A footer longer than this is an article paragraph, not a publication note.
_MAX_FOOTER_CHARS = 200
# Words that end a captured name: "© 2026 Levant Monitor All rights reserved".
_NAME_STOPS = frozenset({"all", "rights", "reserved", "this", "used", "some", "reprinted"})


@stage("metadata", needs=["articles"], provides=["articles"])
def make_metadata(published: str = "", sidecar_suffix: str = SIDECAR_SUFFIX) -> Stage:
    """Infer outlet, author, date and dateline place, recording where each came from.

    ``published`` (``crosswire run --published DATE``) dates every article of the
    run; a sidecar file beside an input (``article.txt`` -> ``article.txt.meta.json``,
    a JSON object with ``"published"``) dates the articles of that input and wins
    over ``published``. Both win over anything the input or its text says.
    """
    run_date = _checked_date(published, "--published") if published else None

    def metadata(corpus: Corpus, context: StageContext) -> Corpus:
        sidecars = _Sidecars(sidecar_suffix)
        chosen = [sidecars.published(a) or run_date for a in corpus.articles]
        return replace(
            corpus,
            articles=tuple(
                infer_metadata(_dated(a, override) if override else a)
                for a, override in zip(corpus.articles, chosen, strict=True)
            ),
        )

    return metadata


# --------------------------------------------------------------------------
# Dates the user gives: --published and sidecar files


@dataclass(frozen=True, slots=True)
class _Override:
    date: pubdates.IsoDate
    origin: str  # "override" (--published) or "sidecar"
    evidence: str


def _checked_date(value: str, where: str) -> _Override:
    # A date the user gives names its year: "last week" is no date to pin a run to.
    iso = pubdates.normalise_declared(value) if re.search(r"\b\d{4}\b", value) else None
    if iso is None:
        raise ConfigError(f"{where}: {value!r} is not a date (use YYYY-MM-DD, YYYY-MM or YYYY)")
    return _Override(iso, "override", f"{where} {value}")


class _Sidecars:
    """Sidecar files, each read once per batch."""

    def __init__(self, suffix: str) -> None:
        self.suffix = suffix
        self.read: dict[Path, _Override | None] = {}

    def published(self, article: Article) -> _Override | None:
        path = _input_path(article.source)
        if path is None or not self.suffix:
            return None
        sidecar = path.with_name(path.name + self.suffix)
        if sidecar not in self.read:
            self.read[sidecar] = _read_sidecar(sidecar)
        return self.read[sidecar]


def _input_path(source: str) -> Path | None:
    """The file an article came from: its source, less a container's "#position"."""
    for candidate in (source, source.rsplit("#", 1)[0]):
        if candidate and candidate != "-" and Path(candidate).is_file():
            return Path(candidate)
    return None


def _read_sidecar(sidecar: Path) -> _Override | None:
    try:
        data = json.loads(sidecar.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None  # no sidecar, or one that is not JSON: the article dates itself
    value = data.get("published") if isinstance(data, dict) else None
    if not isinstance(value, str):
        return None
    iso = pubdates.normalise_declared(value)
    return _Override(iso, "sidecar", f"{sidecar.name}: {value}") if iso else None


def _dated(article: Article, override: _Override) -> Article:
    origin = FieldOrigin(field="published", origin=override.origin, evidence=override.evidence)
    kept = tuple(o for o in article.origins if o.field != "published")
    return replace(
        article,
        published=override.date.iso,
        published_precision=override.date.precision,
        origins=(*kept, origin),
    )


@dataclass(frozen=True, slots=True)
class _Found:
    value: str
    origin: str
    evidence: str


def infer_metadata(article: Article) -> Article:
    """The article with missing outlet, author and date filled in, and their origins."""
    evidence = _Evidence(article)
    origins = list(article.origins)

    def record(field: str, found: _Found) -> None:
        if not any(o.field == field for o in origins):
            origins.append(FieldOrigin(field=field, origin=found.origin, evidence=found.evidence))

    # A value set before this stage was declared. Extract records "html-meta" for what it
    # reads from the markup; one it left without an origin rode along from the container.
    for field in ("title", "outlet", "author", "published"):
        value = getattr(article, field)
        if value:
            record(field, _Found(str(value), "metadata", str(value)))

    outlet = article.outlet
    if outlet and outlets.is_domain(outlet):
        # A container that declares only a domain ("source_domain") declares the outlet;
        # it is shown as a name, as a URL's domain would be.
        outlet = outlets.outlet_from_url(outlet, evidence.texts()) or outlet
    if not outlet:
        found = _infer_outlet(evidence)
        if found:
            outlet = found.value
            record("outlet", found)

    author = article.author
    if not author:
        person, credit = _infer_author(evidence)
        if person:
            author = person.value
            record("author", person)
        elif credit:
            record("author_credit", credit)

    published, precision = _published(article, evidence, record)
    if evidence.dateline is not None:
        place = evidence.dateline.place
        record("dateline_place", _Found(place, "dateline", place))

    return replace(
        article,
        outlet=outlet,
        author=author,
        published=published,
        published_precision=precision,
        origins=tuple(origins),
    )


def _published(
    article: Article, evidence: _Evidence, record: Callable[[str, _Found], None]
) -> tuple[str | None, DatePrecision | None]:
    """The declared date in standard form, else one read from the article (recorded)."""
    if article.published:
        declared = pubdates.normalise_declared(article.published)
        if declared is None:
            return article.published, article.published_precision
        return declared.iso, declared.precision
    dated, dateline_date = _infer_published(evidence)
    if dateline_date is not None:
        record("dateline_date", dateline_date)
    if dated is None:
        return None, None
    iso, found = dated
    record("published", found)
    return iso.iso, iso.precision


class _Evidence:
    """The parts of an article metadata is read from, each computed once."""

    def __init__(self, article: Article) -> None:
        self.article = article
        # The body's own paragraphs: a headline the cleaner kept on top is no dateline.
        self.paragraphs = [p for p in body_text(article).split("\n\n") if p.strip()]

    @cached_property
    def head(self) -> list[str]:
        return self.paragraphs[:_EDGE]

    @cached_property
    def tail(self) -> list[str]:
        return self.paragraphs[max(1, len(self.paragraphs) - _EDGE) :]

    def removed(self, reasons: Iterable[str]) -> list[str]:
        return [b.text for b in self.article.removed if b.reason in reasons]

    @cached_property
    def bylines(self) -> list[Byline]:
        """Bylines the cleaner removed first, then any left in the text's edges."""
        found = [parse_byline(t, marker_required=False) for t in self.removed({"byline"})]
        found += [parse_byline(p) for p in (*self.head, *self.tail)]
        return [b for b in found if b is not None]

    @cached_property
    def dateline(self) -> Dateline | None:
        for paragraph in self.head[:2]:
            dateline = parse_dateline(paragraph)
            if dateline is not None:
                return dateline
        return None

    @cached_property
    def footers(self) -> list[tuple[str, str]]:
        """(text, origin) of each block that may name the publisher.

        Blocks the cleaner removed as footers count as they are. A closing paragraph
        still in the text counts only when it is short and speaks of the story itself
        ("This story was first published by X", "© 2026 X"), so that "a study first
        published in The Lancet" in the body names no outlet.
        """
        blocks = [
            (b.text, "disclaimer" if b.reason == "disclaimer" else "footer")
            for b in self.article.removed
            if b.reason in _FOOTER_REASONS
        ]
        closing = [
            (p, "footer")
            for p in self.tail
            if len(p) <= _MAX_FOOTER_CHARS and _SELF_REFERENCE.match(p)
        ]
        return blocks + closing

    @cached_property
    def url_date(self) -> tuple[pubdates.IsoDate, str] | None:
        return pubdates.date_from_url(self.article.url) if self.article.url else None

    @cached_property
    def head_stamps(self) -> list[pubdates.HeadDate]:
        return pubdates.head_dates(self.paragraphs[0]) if self.paragraphs else []

    @cached_property
    def stamps(self) -> list[tuple[pubdates.IsoDate, str, str, bool]]:
        """(date, text, origin, is an update) of short date stamps near the top or
        removed by the cleaner, then publication statements in footers."""
        found: list[tuple[pubdates.IsoDate, str, str, bool]] = []
        for text in (*self.head, *self.removed(_STAMP_REASONS)):
            stamp = stamp_date(text)
            if stamp is None:
                continue
            candidate, is_publication = stamp
            resolved = pubdates.resolve(candidate)
            if resolved is not None:
                found.append((resolved, text, "body", not is_publication))
        for text, _origin in self.footers:
            # "This story was first published by X on 5 March 2026."
            if _PUBLICATION_STATEMENT.search(text) and len(text) <= _MAX_FOOTER_CHARS:
                dated = pubdates.first_date(text)
                if dated is not None:
                    found.append((dated[0], text, "footer", False))
        return found

    @cached_property
    def body_latest(self) -> tuple[pubdates.IsoDate, pubdates.DateCandidate] | None:
        return pubdates.latest_date(self.article.text)

    @cached_property
    def body_date(self) -> tuple[pubdates.IsoDate, str] | None:
        """An estimate from the body's newest date, one step coarser than that date: a
        story is from about the month of the newest day it names, and only from about
        the year of a month it names. A date that only opens a period ("since March 2011",
        "the war that began in 2011") is left out: it bounds the date, it does not give it."""
        latest = pubdates.latest_date(self.article.text, skip_period_starts=True)
        if latest is None:
            return None
        iso, candidate = latest
        if iso.precision == "day":
            return pubdates.IsoDate(iso.iso[:7], "month"), candidate.text
        return pubdates.IsoDate(iso.iso[:4], "year"), candidate.text

    def texts(self) -> Iterator[str]:
        """Paragraphs and removed blocks, where a run-together domain may be spelled out."""
        yield from self.paragraphs
        yield from (b.text for b in self.article.removed)


# --------------------------------------------------------------------------
# Outlet


def _infer_outlet(evidence: _Evidence) -> _Found | None:
    return next((found for found in _outlet_candidates(evidence) if found), None)


def _outlet_candidates(evidence: _Evidence) -> Iterator[_Found | None]:
    """Each source's outlet, best first; computed only as far as needed."""
    yield _outlet_from_footers(evidence, "first")
    yield _outlet_from_bylines(evidence)
    yield _outlet_from_dateline(evidence)
    yield _outlet_from_footers(evidence, "disclaimer")
    yield _outlet_from_footers(evidence, "copyright")
    yield _outlet_from_url(evidence)


def _outlet_from_footers(evidence: _Evidence, kind: str) -> _Found | None:
    for text, origin in evidence.footers:
        name = _footer_outlet(text, kind)
        if name:
            return _Found(name, "disclaimer" if kind == "disclaimer" else origin, text)
    return None


def _footer_outlet(text: str, kind: str) -> str | None:
    if kind == "first":
        match = _FIRST_PUBLISHER.search(text)
        raw = (match.group("name") or match.group("name2")) if match else None
    elif kind == "disclaimer":
        match = _SELF_DESCRIPTION.match(text.strip()) or _VIEWS_DISCLAIMER.search(text)
        raw = match.group("name") if match else None
    else:
        match = _COPYRIGHT.search(text)
        raw = match.group("name") if match else None
    return _tidy_name(raw) if raw else None


def _tidy_name(raw: str) -> str | None:
    words = raw.split()
    for index, word in enumerate(words):
        if word.casefold() in _NAME_STOPS:
            words = words[:index]
            break
    # Trailing joiners and years: "© Red Sea Dispatch 2026".
    while words and (words[-1].casefold() in _JOINERS or words[-1].isdigit()):
        words.pop()
    name = re.sub(r"['’]s$", "", " ".join(words))
    if not name or name.casefold() in {"the", "this", "it", "we", "our"}:
        return None
    return outlets.canonical(name)


def _outlet_from_url(evidence: _Evidence) -> _Found | None:
    url = evidence.article.url
    name = outlets.outlet_from_url(url, evidence.texts()) if url else None
    return _Found(name, "url", outlets.registrable_domain(url)) if url and name else None


def _outlet_from_dateline(evidence: _Evidence) -> _Found | None:
    dateline = evidence.dateline
    if dateline is not None and dateline.outlet:
        return _Found(dateline.outlet, "dateline", dateline.text)
    return None


def _outlet_from_bylines(evidence: _Evidence) -> _Found | None:
    for byline in evidence.bylines:
        if byline.outlet:
            return _Found(byline.outlet, "byline", byline.text)
    return None


# --------------------------------------------------------------------------
# Author


def _infer_author(evidence: _Evidence) -> tuple[_Found | None, _Found | None]:
    """The byline's people; else the first non-person credit, as evidence only."""
    credit = None
    for byline in evidence.bylines:
        if byline.authors:
            return _Found(AUTHOR_SEPARATOR.join(byline.authors), "byline", byline.text), None
        if byline.credit and credit is None:
            credit = _Found(byline.credit, "byline", byline.text)
    return None, credit


# --------------------------------------------------------------------------
# Published date

_Dated = tuple[pubdates.IsoDate, _Found]


def _infer_published(evidence: _Evidence) -> tuple[_Dated | None, _Found | None]:
    """The article's date and, when a yearless dateline date went unused, its text.

    The finders in ``_PUBLISHED_FINDERS`` are asked in trust order; the first
    that answers wins.
    """
    dateline_date = None
    dateline = evidence.dateline
    if dateline is not None and dateline.date is not None:
        resolved = _complete(dateline.date, evidence, skip_byline=False)
        if resolved is not None:
            iso, note = resolved
            return (iso, _Found(iso.iso, "dateline", dateline.text + note)), None
        dateline_date = _Found(dateline.date.text, "dateline", dateline.text)
    for finder in _PUBLISHED_FINDERS:
        found = finder(evidence)
        if found is not None:
            return found, dateline_date
    return None, dateline_date


def _from_head(evidence: _Evidence) -> _Dated | None:
    """A publication stamp heading the body ("Tuesday 19 Jul 2016", "Published ...")."""
    stamps = [s for s in evidence.head_stamps if not s.updated]
    return (
        (stamps[0].date, _Found(stamps[0].date.iso, "dateline", stamps[0].text)) if stamps else None
    )


def _from_byline(evidence: _Evidence) -> _Dated | None:
    for byline in evidence.bylines:
        if byline.date is not None:
            resolved = _complete(byline.date, evidence, skip_byline=True)
            if resolved is not None:
                iso, note = resolved
                return iso, _Found(iso.iso, "byline", byline.text + note)
    return None


def _from_stamps(evidence: _Evidence, *, updated: bool) -> _Dated | None:
    for iso, text, origin, is_update in evidence.stamps:
        if is_update == updated:
            return iso, _Found(iso.iso, origin, text)
    return None


def _from_head_update(evidence: _Evidence) -> _Dated | None:
    stamps = [s for s in evidence.head_stamps if s.updated]
    return (
        (stamps[0].date, _Found(stamps[0].date.iso, "dateline", stamps[0].text)) if stamps else None
    )


def _from_url(evidence: _Evidence) -> _Dated | None:
    if evidence.url_date is None:
        return None
    iso, text = evidence.url_date
    return iso, _Found(iso.iso, "url", text)


def _inferred(evidence: _Evidence) -> _Dated | None:
    """An undated text is from about its newest explicit date, at month precision."""
    if evidence.body_date is None:
        return None
    iso, text = evidence.body_date
    return iso, _Found(iso.iso, "inferred", text)


# Trust order after the input's own field, the page's metadata and a place dateline:
# the body's head, its byline, other publication stamps, the URL, update stamps, and
# last an estimate from the body's dates.
_PUBLISHED_FINDERS: tuple[Callable[[_Evidence], _Dated | None], ...] = (
    _from_head,
    _from_byline,
    partial(_from_stamps, updated=False),
    _from_url,
    _from_head_update,
    partial(_from_stamps, updated=True),
    _inferred,
)


def _complete(
    candidate: pubdates.DateCandidate, evidence: _Evidence, *, skip_byline: bool
) -> tuple[pubdates.IsoDate, str] | None:
    """Resolve a date; a month-day takes its year from the next sources in line."""
    if candidate.kind != "monthday":
        iso = pubdates.resolve(candidate)
        return (iso, "") if iso else None
    for name, reference in _year_references(evidence, skip_byline=skip_byline):
        placed = pubdates.month_day_in_context(candidate, reference)
        if placed is not None:
            return placed, f" (year from {name}: {reference.iso})"
    return None


def _year_references(
    evidence: _Evidence, *, skip_byline: bool
) -> Iterator[tuple[str, pubdates.IsoDate]]:
    if evidence.url_date is not None:
        yield "url", evidence.url_date[0]
    if not skip_byline:
        for byline in evidence.bylines:
            if byline.date is not None and byline.date.kind != "monthday":
                iso = pubdates.resolve(byline.date)
                if iso is not None:
                    yield "byline", iso
    for stamp in evidence.head_stamps:
        yield "stamp", stamp.date
    for iso, _text, _origin, _updated in evidence.stamps:
        yield "stamp", iso
    if evidence.body_latest is not None:
        yield "body", evidence.body_latest[0]
