"""Names that are no actors: outlets, page furniture, dates and bare places.

spaCy labels many capitalised words PERSON or ORG that a conflict analyst
would never code as a party: the agency a report came from ("told AFP",
"SANA reported"), a platform ("Youtube"), caption and tag furniture ("Photo",
"Tags Syria Idlib"), a weekday or a time zone ("Thu Aug 1", "GMT") and towns
and districts used only as places. Each test here is a class of phrasing, not
a list of examples; the linker asks it only for names it could not link.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import cache
from typing import Literal

from spacy.tokens import Span, Token

from crosswire.actors.lexicon import _PLACE_SUBJECT_VERBS
from crosswire.metadata import outlets

Reason = Literal["outlet", "furniture", "temporal", "place", "lowercase"]

_AGENCY = re.compile(
    r"(?:the\s+)?(?:reuters|afp|ap|associated\s+press|agence\s+france-presse|xinhua|"
    r"anadolu(?:\s+agency)?|dpa|efe|ansa|tass|ria\s+novosti|interfax|bloomberg|upi|"
    r"wafa|sana|irna|kyodo|yonhap|bernama|antara)",
    re.IGNORECASE,
)
# Platforms carry reports and posts; they are never a party.
_PLATFORMS = outlets.words(
    "twitter facebook youtube instagram telegram whatsapp tiktok linkedin snapchat"
)
# Words that make a name a medium wherever they stand, and masthead endings.
_MEDIA_WORDS = outlets.words("news newswire tv television radio broadcasting newspaper")
_MASTHEADS = outlets.words("times gazette herald tribune today agencies")
# Words of captions, tags, teasers and share bars, which NER reads as names.
_FURNITURE = outlets.words(
    """photo photos picture pictures image images video videos caption credit credits getty
    handout screenshot screengrab infographic gallery slideshow tags subscribe related latest
    episode newsletter"""
)
_TEMPORAL = outlets.words(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday
    saturday sunday mon tue tues wed thu thurs fri sat sun gmt utc est edt bst cet cest am pm"""
)
# Gazetteer features that make a name a place even without a population.
_AREAS = outlets.words("country admin1 admin2 capital district camp region")
# Nouns of a medium a name may modify: "the Dogan news agency", "an NNA correspondent".
_MEDIUM_NOUNS = outlets.words(
    "agency correspondent correspondents reporter reporters tv television channel newspaper"
)
# Words of places, strikes on places and holding places, for names no gazetteer holds.
_AREA_WORDS = outlets.words(
    """city town village province governorate countryside rural district region
    neighbourhood neighborhood suburb suburbs outskirts"""
)
_DISTRICT_NOUNS = outlets.words(
    """neighbourhood neighborhood neighbourhoods neighborhoods district quarter area farms
    village town camp suburb"""
)
_STRIKE_WORDS = outlets.words(
    """raid strike airstrike attack shell shelling bombardment bombing fire rocket mortar
    offensive assault advance push fall"""
)
_HELD_HEADS = outlets.words(
    """capture control siege fall recapture retaking seizure outskirts countryside
    neighbourhoods neighborhoods villages towns parts edge"""
)
# The Arabic article before a capitalised name: "al-Midan", "el-Bab", "ash-Sham".
_ARTICLE = re.compile(r"^(?:al|el|ad|an|ar|as|ash|at|az)[-\s]+", re.IGNORECASE)
# Words that make a name a body of people, wherever it stands (Arabic ones included:
# faylaq "corps", jaysh "army", liwa "brigade", jabhat "front", harakat "movement").
BODY_WORDS = outlets.words(
    """department ministry council committee front brigade brigades battalion army forces
    movement party union university school hospital office directorate command corps
    division regiment group organisation organization authority commission faylaq jaysh
    liwa jabhat harakat ahrar"""
)
# A report's source: "told AFP", "according to SANA", "quoted by", "cited by".
_SOURCE_HEADS = outlets.words("tell according quote quoted cite cited to by")
_REPORT_VERBS = outlets.words("report quote cite publish broadcast air tweet post")


def _words(span: Span) -> list[str]:
    return [t.lower_ for t in span if not t.is_punct]


def is_outlet_name(text: str) -> bool:
    """A news outlet, agency or platform by its name alone."""
    stripped = re.sub(r"^the\s+", "", text.strip(), flags=re.IGNORECASE)
    if outlets.is_known_outlet(stripped) or _AGENCY.fullmatch(stripped):
        return True
    words = re.findall(r"[\w'’]+", stripped.casefold())
    if any(w in _PLATFORMS for w in words):
        return True
    # A name built on a media word: "Sputnik News", "Press TV", "Ariha Today".
    return any(w in _MEDIA_WORDS for w in words) or (bool(words) and words[-1] in _MASTHEADS)


def _source_role(span: Span) -> bool:
    """Whether a name stands where a report's source stands."""
    root = span.root
    head = root.head
    if root.dep_ in ("dobj", "dative") and head.lemma_.lower() == "tell":
        return True
    if root.dep_ == "pobj" and head.lower_ in _SOURCE_HEADS:
        return True
    return root.dep_ == "nsubj" and head.lemma_.lower() in _REPORT_VERBS


def _is_temporal(span: Span) -> bool:
    words = _words(span)
    return bool(words) and all(
        w in _TEMPORAL or w.isdigit() or t.ent_type_ in ("DATE", "TIME")
        for w, t in zip(words, (t for t in span if not t.is_punct), strict=True)
    )


def non_actor_reason(
    span: Span, *, titled: bool = False, countries: Collection[str] = ()
) -> Reason | None:
    """Why an unlinked name is no actor, or None when it may be one.

    ``titled``: a title or role stands before the name ("spokesman X"), which
    makes it a person whatever else it could be. ``countries``: those the
    article is about; a town's name counts as a place there."""
    text = span.text
    if not any(c.isupper() for c in text):
        return "lowercase"  # a common noun or a handle NER took for a name: "warplanes"
    if is_outlet_name(text) or _credited(span):
        return "outlet"
    if any(w in _FURNITURE for w in _words(span)):
        return "furniture"
    if _is_temporal(span):
        return "temporal"
    if not titled and (_bare_place(span, countries) or lone_heading(span, countries)):
        return "place"
    return None


_ARMED_BODIES = outlets.words("army forces police troops brigade battalion corps division regiment")


def _opens_sentence(span: Span) -> bool:
    doc = span.doc
    before = next((t for t in reversed(doc[: span.start]) if not t.is_space), None)
    return before is None or before.text in (".", "!", "?")


def _is_place_name(name: str, countries: Collection[str]) -> bool:
    return _gazetteer_place(name, frozenset(countries)) or _town_anywhere(name)


def glued_heading(span: Span, countries: Collection[str]) -> bool:
    """A roundup's section heading run into the sentence after it, as one name: a
    place opening a sentence before a body word and a lowercase noun ("... town.
    Homs Army units killed ..."), the line break lost. The place heads a section;
    the body ("Army units") is the actor, not "Homs Army"."""
    if len(span) < 2 or not _opens_sentence(span):
        return False
    after = span.doc[span.end] if span.end < len(span.doc) else None
    if after is None or not after.is_lower or span[-1].lower_ not in _ARMED_BODIES:
        return False
    return _is_place_name(span[:-1].text, countries)


def lone_heading(span: Span, countries: Collection[str]) -> bool:
    """A place alone as a section heading before a sentence that opens with a
    preposition or determiner ("... family. Homs In a statement ..."), no actor."""
    after = span.doc[span.end] if span.end < len(span.doc) else None
    if after is None or not after.is_title or after.tag_ not in ("IN", "DT"):
        return False
    return _opens_sentence(span) and _is_place_name(span.text, countries)


@cache
def _town_anywhere(name: str) -> bool:
    """A town of 10,000 people or an area that the name spells exactly, or a city of
    100,000 by another spelling, in any country (before the places are read, the
    article's countries may be unknown)."""
    from crosswire.geo.gazetteer import Gazetteer

    return any(
        (c.match == "primary" and (c.population >= 10_000 or c.feature in _AREAS))
        or c.population >= 100_000
        for c in Gazetteer.load().lookup(name)
    )


def _credited(span: Span) -> bool:
    """A name a report is credited to: a bare acronym in a source's position
    ("told SANA"), or a name before a medium's noun ("the Dogan news agency",
    "an NNA correspondent")."""
    root = span.root
    if root.dep_ == "compound" and root.head.lower_ in _MEDIUM_NOUNS:
        return True
    return _source_role(span) and outlets.looks_like_outlet(span.text) and len(span) == 1


def _bare_place(span: Span, countries: Collection[str]) -> bool:
    """A town's, district's or area's name with nothing that makes it act: not the
    subject of a verb an actor does ("Homs has seen" is a place, "Homs said" is not),
    not a possessor, not addressed; and either a GeoNames place of the article's
    countries or a name standing where places stand."""
    root = span.root
    if not _ARTICLE.sub("", span.text)[:1].isupper() or root.dep_ in ("poss", "dative"):
        return False
    if root.dep_ == "nsubj" and root.head.lemma_.lower() not in _PLACE_SUBJECT_VERBS:
        return False
    return _place_position(span, countries) or _gazetteer_place(span.text, frozenset(countries))


def _place_position(span: Span, countries: Collection[str]) -> bool:
    """Where only places stand, for the villages and districts no gazetteer holds:
    "X in Idlib province", "raids on X", "the capture of X", "X neighbourhood",
    "rebel-held X"."""
    if any(w in BODY_WORDS for w in _words(span)):
        return False  # "the Department of Education in Idlib", "Faylaq al-Sham in Hama"
    root = span.root
    head = root.head
    if any(
        c.dep_ == "prep" and c.lower_ in ("in", "near") and _names_area(c, countries)
        for c in root.children
    ):
        return True
    if root.dep_ == "pobj" and head.lower_ in ("on", "at"):
        return head.head.lemma_.lower() in _STRIKE_WORDS
    if root.dep_ == "pobj" and head.lower_ == "of":
        return head.head.lower_ in _HELD_HEADS
    if root.dep_ in ("compound", "nmod") and head.lower_ in _DISTRICT_NOUNS:
        return True
    before = span.doc[max(0, span.start - 2) : span.start].text.lower()
    return before.endswith(("-held", "held", "besieged"))


def _names_area(preposition: Token, countries: Collection[str]) -> bool:
    """The object of "in" is a place: "Idlib province", "rural Aleppo", "Homs"."""
    for obj in preposition.children:
        if obj.dep_ != "pobj":
            continue
        words = {t.lower_ for t in obj.subtree}
        if words & _AREA_WORDS:
            return True
        if obj.pos_ == "PROPN" and _gazetteer_place(obj.text, frozenset(countries)):
            return True
    return False


@cache
def _gazetteer_place(name: str, countries: frozenset[str]) -> bool:
    """A GeoNames town (1,000 people or more) or area of that name in one of the
    article's countries, or a large place anywhere that the name spells exactly.
    Transliteration keys meet many words, so other countries need the exact name."""
    from crosswire.geo.gazetteer import Gazetteer

    for cand in Gazetteer.load().lookup(name):
        sized = cand.population >= 1000 or cand.feature in _AREAS
        if sized and cand.country in countries:
            return True
        if cand.match == "primary" and cand.population >= 100_000:
            return True
    return False
