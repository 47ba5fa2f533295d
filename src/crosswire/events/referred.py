"""A place an event's sentence names only by referring back: "the town", "the province".

"A warplane struck a market in the opposition-held province" after a lead about Idlib,
"Shelling killed three in the town" after a line about Talbiseh: the sentence names no
place of its own, and the place it means is the last one of that kind named before it,
not the article's most named place (often the headline's, another incident's scene).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from crosswire.events.index import AREA_RANK, ArticleIndex, rank
from crosswire.model import Place

if TYPE_CHECKING:
    from crosswire.events.drafts import Draft

# The place nouns a definite phrase refers back with, and whether the place meant is a
# town (rank under AREA_RANK) or may be a province or the town named in it.
_TOWN_NOUNS = frozenset(["town", "city", "village", "neighbourhood", "neighborhood", "district"])
_AREA_NOUNS = frozenset(["province", "governorate", "countryside"])
_DEFINITE = frozenset(["the", "this", "that"])
# How many sentences back the place referred to may be named.
_SENTENCES_BACK = 3

SceneTest = Callable[[Span, Token, tuple[int, int], Place], bool]


def referring_noun(sentence: Span, region: set[int], sole: bool) -> Token | None:
    """A definite place noun of the event's own clause (of the sentence when it tells
    ``sole``ly this event) that names no place itself: "in the town", "the
    opposition-held province"; not "the town of X" nor "the X town"."""
    for token in sentence:
        if (token.i not in region and not sole) or token.lower_ not in _TOWN_NOUNS | _AREA_NOUNS:
            continue
        if token.pos_ != "NOUN" or not _definite(token):
            continue
        if any(_names_it(child) for child in token.children):
            continue
        return token
    return None


def _definite(noun: Token) -> bool:
    """ "the town", "the opposition-held province": a definite article before the noun
    and its modifiers (a parse of text without commas may hang it elsewhere), no name
    between ("the Idlib town")."""
    if any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in noun.children):
        return True
    doc = noun.doc
    for token in reversed(doc[max(noun.sent.start, noun.i - 5) : noun.i]):
        if token.pos_ == "DET":
            return token.lower_ in _DEFINITE
        if token.pos_ not in _MODIFIER_TAGS:
            return False
    return False


_MODIFIER_TAGS = frozenset(["ADJ", "NOUN", "VERB", "PUNCT", "ADV"])


def _names_it(child: Token) -> bool:
    """A name on the noun: "the Idlib province", "the town of Khan Sheikhun", "the town,
    Saraqeb": its own place, even one the gazetteer lacks."""
    if child.dep_ in ("compound", "appos", "nmod", "poss") and child.pos_ == "PROPN":
        return True
    if child.dep_ == "prep" and child.lower_ == "of":
        return any(g.pos_ == "PROPN" for g in child.subtree)
    return child.dep_ == "amod" and child.text[:1].isupper() and child.i != child.sent.start


def referred_place(
    index: ArticleIndex, sentence: Span, noun: Token, starts: list[int], scene: SceneTest
) -> Place | None:
    """The last place of the noun's kind inside the article's country named in the
    ``_SENTENCES_BACK`` sentences before ``sentence`` (``starts``: the sentence starts of
    the text), where something happened, not an origin, a seat or an attribution."""
    home = index.focus_country
    if home is None:
        return None
    earlier = [s for s in starts if s < sentence.start_char]
    begin = earlier[-_SENTENCES_BACK] if len(earlier) >= _SENTENCES_BACK else index.dateline_end
    town = noun.lower_ in _TOWN_NOUNS
    found: Place | None = None
    found_at = 0
    for start, end, place in index.places:
        if start >= sentence.start_char:
            break
        if start < max(begin, index.dateline_end) or place.country_code != home:
            continue
        if rank(place) >= (AREA_RANK if town else rank(Place(name="", feature="region"))):
            continue
        span = sentence.doc.char_span(start, end, alignment_mode="expand")
        if span is None or scene(span[0].sent, span[0], (start, end), place):
            continue
        found = place
        found_at = end
    if found is not None and _unknown_name_after(index, sentence.doc[:], found_at, noun):
        return None
    return found


def _unknown_name_after(index: ArticleIndex, doc: Span, after: int, noun: Token) -> bool:
    """A name after "of", "in", "near" or "at" between ``after`` and the noun that is no
    place the gazetteer gave ("the Committee of Deir al-Adas ... the town"): "the town"
    may be that one, so no earlier place is taken for it."""
    known = [(start, end) for start, end, _p in index.places]
    for token in doc:
        if token.idx < after:
            continue
        if token.i >= noun.i:
            break
        if (
            token.pos_ == "PROPN"
            and token.i > 0
            and doc[token.i - 1].lower_ in _NAME_BEFORE
            and not any(s <= token.idx < e for s, e in known)
        ):
            return True
    return False


_NAME_BEFORE = frozenset(["of", "in", "near", "at"])


# Words for one incident ("the raid"), not for a campaign ("the offensive").
_INCIDENT_NOUNS = frozenset(
    [
        "attack",
        "raid",
        "strike",
        "airstrike",
        "bombing",
        "blast",
        "explosion",
        "shelling",
        "massacre",
        "assault",
        "bombardment",
        "ambush",
        "shooting",
        "killing",
        "clash",
    ]
)


def refers_back(index: ArticleIndex, sentence: Span, anchor: Token) -> bool:
    """An event word that names an incident already told, in a sentence that names no
    place: "the death toll from the raid rose", "this attack"."""
    return (
        anchor.pos_ == "NOUN"
        and anchor.lemma_.lower() in _INCIDENT_NOUNS
        and not any(sentence.start_char <= s < sentence.end_char for s, _e, _p in index.places)
        and any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in anchor.children)
        and not any(_names_it(c) for c in anchor.children)
    )


# How many sentences back the incident a definite event word names may be told.
_INCIDENT_BACK = 2


def told_scene(drafts: list[Draft], number: int) -> Place | None:
    """The place of the last incident told with a place of its own in the sentences just
    before sentence ``number``: the one "the raid" names again."""
    told = [
        d
        for d in drafts
        if number - _INCIDENT_BACK <= d.sentence < number
        and d.place_named is not None
        and d.place is not None
        and not d.history
    ]
    last = max(told, key=lambda d: (d.sentence, d.at), default=None)
    return last.place if last is not None else None
