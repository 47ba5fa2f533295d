"""The place of an event: the one attached to its words, not any place in the sentence.

The most specific place in the event's own clause, then one elsewhere in the
sentence, then one in an actor phrase; origins ("fighters from Idlib"), seats
("the Aden-based government"), attributions ("officials in Sanaa") and places
naming an actor ("Moscow said", "US-led") do not count. Without any, the
article's focus place in its focus country, then the dateline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import islice

from spacy.tokens import Doc, Span, Token

from crosswire.events.index import (
    ACTOR_SUFFIX,
    AREA_RANK,
    NOT_NATIONAL,
    ArticleIndex,
    in_aside,
    inside,
    rank,
    told_at,
)
from crosswire.events.localities import SETTLEMENT_NOUNS, locality, name_span, tied, town_names
from crosswire.events.referred import referred_place, referring_noun
from crosswire.events.typer import EventCandidate
from crosswire.model import (
    Place,
)

_LOCATIVE = frozenset(["in", "near", "at", "inside", "outside", "across", "around", "into"])


_WHILE_PREPS = frozenset(["in", "during", "under", "amid", "by"])


_COUNTRY = rank(Place(name="", feature="country"))

# Words a place abroad may hang from on its way up to the event's words: "in the Turkish
# town of Kilis", "at a market in Ankara", not "a hospital in Kilis", "talks in Astana".
_THROUGH = frozenset(["pobj", "compound", "appos", "conj", "amod", "nmod", "npadvmod"])
_ON_THE_WAY = _LOCATIVE | {"on"}
_AREA_NOUNS = SETTLEMENT_NOUNS | {"province", "district", "region", "area", "capital", "port"}
# A place naming an accord names where it was signed, not where the accord holds: "the
# Munich agreement", "the Geneva talks".
_ACCORD_NOUNS = frozenset(
    ["agreement", "accord", "deal", "talks", "process", "conference", "summit", "memorandum"]
)
# An event's consequence, told as its object, happens elsewhere: "sparked an exodus into X".
_CONSEQUENCE = frozenset(["spark", "trigger", "cause", "prompt", "force", "drive", "send"])


@dataclass(frozen=True, slots=True)
class CharSpan:
    start: int
    end: int


def event_tokens(event: EventCandidate, doc: Doc) -> list[Token]:
    return [event.anchor, *event.tokens(doc)]


def _is_attribution(token: Token) -> bool:
    """ "according to officials in Sanaa": who says it, not where it happened."""
    return token.dep_ == "prep" and token.lower_ == "according"


def _attributed(token: Token) -> bool:
    """A place inside "according to ..." below no verb of its own: "according to officials
    in Sanaa", not "according to a group, fighters were killed near X" that a parse hung
    under the attribution (a dateline before it, "MOSCOW (Sputnik) According to ...")."""
    for ancestor in token.ancestors:
        if _is_attribution(ancestor):
            return True
        if ancestor.pos_ in ("VERB", "AUX"):
            return False
    return False


def clause_region(
    event: EventCandidate, doc: Doc, foreign: frozenset[int] = frozenset()
) -> set[int]:
    """Token indices of the event's own clause: the subtrees of its words, without the
    clauses of other events and the words of the sentence's other events (``foreign``):
    in "the strikes followed the drone attack late on Tuesday" Tuesday is the attack's."""
    words = event_tokens(event, doc)
    own = {t.i for t in words}
    tokens: set[int] = set()
    blocks: dict[int, bool] = {}  # per token: a clause of its own, an attribution, foreign
    # Words sharing a clause top share its region: each top is walked once.
    tops: dict[int, Token] = {}
    for token in words:
        top = _clause_top(token)
        tops.setdefault(top.i, top)
    for top in tops.values():
        cut: dict[int, bool] = {top.i: False}  # per token: a block on its way up to top
        for sub in top.subtree:
            if sub.i in own or not _cut_off(sub, cut, blocks, own, foreign):
                tokens.add(sub.i)
    return tokens


def _clause_top(token: Token) -> Token:
    # An event noun's clause is its verb's: "clashes erupted near X", "five were killed
    # in an air strike on Tuesday", "under the deal, reached on Wednesday".
    if token.pos_ in ("NOUN", "PROPN") and token.dep_ in ("nsubj", "nsubjpass", "dobj"):
        return token.head
    if (
        token.pos_ in ("NOUN", "PROPN")
        and token.dep_ == "pobj"
        and token.head.lower_ in _WHILE_PREPS
        and token.head.head.pos_ == "VERB"
    ):
        return token.head.head
    return token


def _cut_off(
    sub: Token,
    cut: dict[int, bool],
    blocks: dict[int, bool],
    own: set[int],
    foreign: frozenset[int],
) -> bool:
    """Whether ``sub`` or a head between it and the top (``cut``'s first key) blocks it;
    ``cut`` remembers the answer for every token on the way, so each is judged once."""
    path: list[Token] = []
    current, below = sub, False
    while current.i not in cut:
        path.append(current)
        if current.head.i == current.i:
            break  # the root, reached without passing the top: the way up ends here
        current = current.head
    else:
        below = cut[current.i]
    for token in reversed(path):
        block = blocks.get(token.i)
        if block is None:
            block = blocks[token.i] = (
                _other_clause(token, own)
                or _is_attribution(token)
                or (token.i in foreign and token.i not in own)
            )
        below = cut[token.i] = block or below
    return below


def _other_clause(token: Token, own: set[int]) -> bool:
    """A clause of its own, not one telling more of the event ("the deal, reached on ...")."""
    if token.i in own or (token.head.i in own and token.dep_ in ("acl", "relcl")):
        return False
    if token.dep_ == "conj":
        return token.pos_ in ("VERB", "AUX")  # "warehouses and a depot" is one object
    return token.dep_ in ("advcl", "relcl", "ccomp", "acl")


def event_targets(words: list[Token]) -> frozenset[int]:
    """The event's words and the verbs of its clause tops ("clashes erupted near X")."""
    return frozenset({t.i for t in words} | {_clause_top(t).i for t in words})


def _attached(token: Token, targets: frozenset[int]) -> bool:
    """Whether a place hangs from the event's words through locative phrases only: "a
    bomb exploded at a market in X", not "taken to a hospital in X", "the head of a
    program in X", "zones agreed in X", "Washington accused X"."""
    current = token
    for _ in range(10):
        if current.i in targets:
            return True
        head, dep = current.head, current.dep_
        if head.i == current.i:
            return False
        if dep == "prep":
            word = current.lower_
            area_of = word == "of" and head.lemma_.lower() in _AREA_NOUNS
            if word not in _ON_THE_WAY and not area_of:
                return False
        elif dep in ("dobj", "nsubj", "nsubjpass", "attr"):
            if head.i not in targets or head.lemma_.lower() in _CONSEQUENCE:
                return False
        elif dep not in _THROUGH or (dep == "compound" and head.lemma_.lower() in _ACCORD_NOUNS):
            return False
        current = head
    return False


def _own_scene(token: Token, place: Place, home: str | None, targets: frozenset[int]) -> bool:
    """A place of the event's clause is its scene; one abroad only if ``_attached``."""
    if not targets or home is None or place.country_code in (None, home):
        return True
    return _attached(token, targets)


def _is_origin(token: Token) -> bool:
    """A place named as where someone or something came from: "fighters from Idlib"."""
    current = token
    for _ in range(3):
        if current.dep_ == "pobj" and current.head.lower_ == "from":
            return True
        if current.head.i == current.i:
            break
        current = current.head
    return False


def _is_seat(index: ArticleIndex, token: Token, end: int) -> bool:
    """A place that locates an actor: "the Aden-based government", "the government in Tripoli"."""
    if re.match(r"^\s*-?\s*based\b", index.text[end : end + 12], re.I):
        return True
    if token.dep_ == "pobj" and token.head.lower_ in ("in", "of"):
        holder = token.head.head
        entity = index.entity_at(holder)
        return entity is not None and entity.kind == "government"
    return False


def _choose_place(candidates: list[tuple[int, Place]]) -> Place | None:
    if not candidates:
        return None
    return min(candidates, key=lambda item: (rank(item[1]), item[0]))[1]


def _national(found: list[tuple[int, Place]], home: str | None) -> list[tuple[int, Place]]:
    """The places of the home country finer than the country itself."""
    return [
        c
        for c in found
        if c[1].country_code == home and c[1].feature not in NOT_NATIONAL and rank(c[1]) < _COUNTRY
    ]


def event_place(
    index: ArticleIndex,
    sentence: Span,
    region: set[int],
    foreign: frozenset[int],
    actor_spans: list[CharSpan],
    targets: frozenset[int] = frozenset(),
) -> tuple[Place | None, str | None]:
    """The event's place, and where the sentence names it: "clause" (the event's own),
    "sentence", or None when it is a fallback. A place abroad counts as the clause's only
    when it hangs from the event's words (``targets``, ``_attached``)."""
    home = index.focus_country
    own: list[tuple[int, Place]] = []
    elsewhere: list[tuple[int, Place]] = []
    weaker: list[tuple[int, Place]] = []  # in an actor phrase, or naming a town's area
    sibling: list[tuple[int, Place]] = []  # in the clause of the sentence's other event
    for start, end, place in index.places:
        if not (sentence.start_char <= start < sentence.end_char) or start < index.dateline_end:
            continue
        token = next((t for t in sentence if t.idx <= start < t.idx + len(t)), None)
        if token is None or _not_the_scene(index, sentence, token, (start, end), place):
            continue
        if _names_area_of_town(token):
            # "the western Deraa town", "the Idlib town of Saraqeb": the town is elsewhere.
            town = index.focus(place.country_code, within=area_of(place))
            weaker.append((start, town or place))
        elif any(span.start <= start and end <= span.end for span in actor_spans):
            weaker.append((start, place))
        elif token.i in region and _own_scene(token, place, home, targets):
            own.append((start, place))
        elif not any(a.i in foreign and a.i not in region for a in (token, *token.ancestors)):
            elsewhere.append((start, place))
        else:
            sibling.append((start, place))
    # Away from the event's own clause, a place abroad is context ("talks in Geneva").
    elsewhere = [c for c in elsewhere if home is None or c[1].country_code in (None, home)]
    weaker = [c for c in weaker if home is None or c[1].country_code in (None, home)]
    # A place of the sentence's other event ("killed in fighting backed by air strikes in
    # X province"): the same scene, more likely than the article's focus.
    sibling = _national(sibling, home)
    chosen = _choose_place(own) or _choose_place(elsewhere) or _choose_place(weaker)
    unmapped = _unplaced_town(index, sentence, region, foreign)
    if chosen is not None:
        named = own or elsewhere
        place = _settle(index, sentence, chosen, named, sibling)
        place = _at_town(index, unmapped, place, [*own, *elsewhere, *weaker]) or place
        return place, "clause" if own else "sentence"
    chosen = _at_sibling(index, sentence, region, sibling)
    if chosen is not None:
        return chosen, None
    # Places the sentence names but the event does not (a seat, an origin, a government
    # named by its capital, an aside) say nothing of where it was: the place "the town"
    # or "the province" refers back to, the lead's next sentences, then the article's focus.
    fallback = (
        _referred(index, sentence, region, not foreign)
        or lead_place(index, sentence)
        or index.focus(index.focus_country)
    )
    if fallback is not None and _names_unplaced_town(index, sentence):
        return _unmapped_in(index, unmapped, _province_of(index, fallback) or fallback), None
    return fallback or index.dateline_place, None


def _at_sibling(
    index: ArticleIndex, sentence: Span, region: set[int], sibling: list[tuple[int, Place]]
) -> Place | None:
    """The place of the sentence's other event ("raids, carried out by jets, targeted the
    village of X in Idlib province"), at the town on no map the sentence names."""
    chosen = _choose_place(sibling)
    if chosen is None:
        return None
    theirs = _unplaced_town(index, sentence, region, frozenset(), wide=True)
    return _at_town(index, theirs, chosen, sibling) or chosen


def _unmapped_in(index: ArticleIndex, town: tuple[str, int, int] | None, area: Place) -> Place:
    """ "gunmen stormed the village of X" (on no map): X in its province, not another town;
    the province alone where the clause does not name X."""
    if town is None or area.country_code != index.focus_country:
        return area
    return _locality(index, town, area)


def _referred(index: ArticleIndex, sentence: Span, region: set[int], sole: bool) -> Place | None:
    noun = referring_noun(sentence, region, sole)
    if noun is None:
        return None
    starts = [s.start_char for s in sentence.doc.sents]

    def scene(where: Span, token: Token, span: tuple[int, int], place: Place) -> bool:
        return _not_the_scene(index, where, token, span, place)

    return referred_place(index, sentence, noun, starts, scene)


def _not_the_scene(
    index: ArticleIndex, sentence: Span, token: Token, span: tuple[int, int], place: Place
) -> bool:
    """An origin, a seat, where a report was told or filed, an aside ("IS (banned in
    Russia)"), an attribution or a place standing for an actor: not where it happened."""
    start, end = span
    if _is_origin(token) or _is_seat(index, token, end) or told_at(token):
        return True
    if in_aside(index.text, start) and not in_aside(index.text, sentence.start_char):
        return True
    if _attributed(token) or _pasted_dateline(index.text, start, end):
        return True
    return _is_metonymic(index.text, token, place, end, index.focus_country)


def _settle(
    index: ArticleIndex,
    sentence: Span,
    chosen: Place,
    candidates: list[tuple[int, Place]],
    sibling: list[tuple[int, Place]],
) -> Place:
    """The place chosen among the sentence's, made as fine as the article allows."""
    if chosen.feature in NOT_NATIONAL:
        # "crossing the Euphrates to escape fighting in Deir Ezzor", "the Levant": the
        # sentence's national place if it names one, else the article's focus.
        national = [c for c in candidates if c[1].feature not in NOT_NATIONAL]
        chosen = (
            _choose_place(national)
            or _choose_place(sibling)
            or index.focus(index.focus_country)
            or chosen
        )
    chosen = _within_named_province(index, chosen, candidates) or chosen
    chosen = _rural_capital(index, chosen, candidates)
    finer = None
    if rank(chosen) >= _COUNTRY:
        finer = lead_place(index, sentence)  # "killed in northeastern Syria. ... in X"
    if (
        finer is None
        and rank(chosen) >= AREA_RANK
        and not _unplaced_towns_province(index, sentence, chosen)
    ):
        # "fighting in the province of Daraa" in an article about Tafas, a town in it.
        finer = index.focus(None, within=chosen)
    return finer or chosen


def _unplaced_towns_province(index: ArticleIndex, sentence: Span, chosen: Place) -> bool:
    """``chosen`` is a province and the sentence names a town that is on no map: the
    province is that town's, not the town the article is mostly about. (A country is left
    to the article's town: its province is the likelier.)"""
    return chosen.feature == "admin1" and _names_unplaced_town(index, sentence)


def _town_names(index: ArticleIndex, doc: Doc) -> dict[str, str]:
    if index.unplaced_towns is None:
        index.unplaced_towns = town_names(index, doc)
    return index.unplaced_towns


def _names_unplaced_town(index: ArticleIndex, sentence: Span) -> bool:
    """The sentence names a town or village that is on no map (the gazetteer lacks it, or
    its reading scored under the threshold): called so here ("the town of X", "X village")
    or elsewhere in the article ("14 residents of X" after "the village of X")."""
    names = _town_names(index, sentence.doc)
    return any(token.text in names for token in sentence if token.pos_ == "PROPN")


def _unplaced_town(
    index: ArticleIndex,
    sentence: Span,
    region: set[int],
    foreign: frozenset[int],
    wide: bool = False,
) -> tuple[str, int, int] | None:
    """The town on no map the event's clause names as a scene: its name and this
    mention's bounds; not an origin or a teller's place. (One elsewhere in the sentence is
    as often where a side advanced "towards" or another strike hit: only ``wide``, for an
    event its own clause places nowhere, takes one outside another event's clause, "the
    raids, carried out by jets, targeted the village of X".)"""
    names = _town_names(index, sentence.doc)
    for token in sentence:
        if token.text not in names or token.pos_ != "PROPN" or index.place_at(token):
            continue
        if _is_origin(token) or told_at(token) or _attributed(token):
            continue
        if in_aside(index.text, token.idx) and not in_aside(index.text, sentence.start_char):
            continue
        if token.i in region or (
            wide and not any(a.i in foreign for a in (token, *token.ancestors))
        ):
            return (names[token.text], *name_span(token))
    return None


def _at_town(
    index: ArticleIndex,
    town: tuple[str, int, int] | None,
    chosen: Place,
    candidates: list[tuple[int, Place]],
) -> Place | None:
    """The event at a town on no map its sentence names, in the place chosen for it: a
    province ("the village of X in Hama province") or the town it is told near ("X,
    north of Aleppo"), not at that province's seat or that other town."""
    home = index.focus_country
    if town is None or home is None or chosen.country_code != home:
        return None
    if rank(chosen) >= _COUNTRY:
        area = _province_of(index, index.focus(home) or chosen)
        if area is None or rank(area) >= _COUNTRY:
            return None
    else:
        area = chosen
        told_near = (start for start, place in candidates if place.id == chosen.id)
        if rank(chosen) < AREA_RANK and not any(tied(index.text, town[2], s) for s in told_near):
            return None  # another town of the sentence, not the one it is told near
    return _locality(index, town, area)


def _locality(index: ArticleIndex, town: tuple[str, int, int], area: Place) -> Place:
    if (area.admin1 or area.name).casefold() == _CAPITAL_ADMIN1:
        # A town or village by Damascus lies in its countryside, Rif Dimashq.
        return locality(index, town, _RURAL_AREA, point=area)
    return locality(index, town, area)


def _province_of(index: ArticleIndex, town: Place) -> Place | None:
    """The province the article names that holds ``town``: where a sentence about a town
    on no map puts it, rather than at another town of the article."""
    if rank(town) >= AREA_RANK:
        return town
    for _start, _end, place in index.places:
        if place.feature == "admin1" and inside(place, town):
            return place
    return None


# The lead: the first sentence after the dateline. Two (a pasted headline may be the
# first) let the next sentence ("The blast, it added, hit close to ...") take a
# place of its own and split from the lead's event: tune half, two types lost.
_LEAD_SENTENCES = 1
# How far a report's lead goes on telling its incident: "At least 24 people were killed
# in an attack near a camp. Militants stormed the village of X. The village lies in Y."
_LEAD_FOLLOWING = 2
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+(?=[A-Z\"“'‘(0-9])")


def lead_place(index: ArticleIndex, sentence: Span) -> Place | None:
    """For an event told in the lead with no place finer than its country, the first
    place inside the article's country that the next sentences name: a report's opening
    sentence often says only "in northern Syria" and the next one where."""
    home = index.focus_country
    if home is None or not _in_lead(index, sentence):
        return None
    end = _following_end(index.text, sentence.end_char)
    scenes = {p.id for p in index.focus_places}
    for start, place_end, place in index.places:
        if not (sentence.end_char <= start < end) or place.id not in scenes:
            continue
        if _pasted_dateline(index.text, start, place_end):
            continue
        if place.country_code == home and rank(place) < _COUNTRY:
            return place
    return None


# "DAMASCUS (Sputnik) The death toll ...": a related story's dateline pasted mid-text.
_AGENCY_AFTER = re.compile(r"\s*\([A-Z][A-Za-z .]{1,24}\)")


def _pasted_dateline(text: str, start: int, end: int) -> bool:
    """A place in capitals followed by an agency in brackets: where a story was filed."""
    surface = text[start:end]
    return surface.isupper() and len(surface) > 2 and bool(_AGENCY_AFTER.match(text, end))


def _in_lead(index: ArticleIndex, sentence: Span) -> bool:
    ends = _SENTENCE_END.finditer(index.text, index.dateline_end, sentence.start_char + 1)
    # Stop at the first ends: a sentence deep in the article need not count them all.
    return sum(1 for _ in islice(ends, _LEAD_SENTENCES)) < _LEAD_SENTENCES


def _following_end(text: str, start: int) -> int:
    """Where the ``_LEAD_FOLLOWING`` sentences after offset ``start`` end."""
    for count, match in enumerate(_SENTENCE_END.finditer(text, start), 1):
        if count == _LEAD_FOLLOWING:
            return match.end()
    return len(text)


# Damascus city is a governorate of its own; its countryside is Rif Dimashq's.
_CAPITAL_ADMIN1 = "dimashq"
_RURAL_AREA = Place(name="Rif Dimashq", country_code="SY", admin1="Rif Dimashq", feature="admin1")
_RURAL_BEFORE = re.compile(r"(?:rural|(?:suburbs?|outskirts|countryside|province) of)\s+$", re.I)
_RURAL_AFTER = re.compile(r"\s*(?:countryside|province|suburbs?|outskirts)\b", re.I)


def _rural_capital(
    index: ArticleIndex, chosen: Place, candidates: list[tuple[int, Place]]
) -> Place:
    """ "rural Damascus", "Damascus countryside", "the Damascus suburbs": the towns around
    the city, Rif Dimashq, not the city: the article's place there if it names one."""
    if chosen.country_code != "SY" or (chosen.admin1 or "").casefold() != _CAPITAL_ADMIN1:
        return chosen
    text = index.text
    for start, place in candidates:
        word = re.match(r"[\w'’\-]+", text[start:])
        end = start + (word.end() if word else 0)
        if place.id == chosen.id and (
            _RURAL_BEFORE.search(text[max(0, start - 24) : start]) or _RURAL_AFTER.match(text, end)
        ):
            return index.focus(None, within=_RURAL_AREA) or chosen
    return chosen


def _within_named_province(
    index: ArticleIndex, chosen: Place | None, candidates: list[tuple[int, Place]]
) -> Place | None:
    """A town the clause puts in a province it does not lie in ("Tal Shair village, in
    rural Aleppo province" read as a Tal Shair elsewhere) was resolved to the wrong
    namesake: the province the clause names wins, or the article's town inside it."""
    if chosen is None or rank(chosen) >= AREA_RANK or chosen.admin1 is None:
        return chosen
    provinces = [p for _s, p in candidates if p.feature == "admin1"]
    if not provinces or any(inside(p, chosen) for p in provinces):
        return chosen
    province = provinces[0]
    return index.focus(None, within=province) or province


def _is_metonymic(text: str, token: Token, place: Place, end: int, focus: str | None) -> bool:
    """A place that names an actor, not where the event was: "Moscow said", "US-led",
    "London-based", "U.S. strikes", "Russia's jets"; a foreign country counts as a location
    only after a locative preposition ("in Iraq")."""
    if ACTOR_SUFFIX.match(text[end : end + 12]):
        return True
    if token.dep_ == "nsubj" and token.head.pos_ in ("VERB", "AUX") and token.head.lemma_ != "be":
        return True
    if place.feature != "country":
        return False
    if token.dep_ in ("compound", "amod", "poss", "nmod"):
        return True
    foreign = place.country_code is not None and place.country_code != focus
    return foreign and not (token.dep_ == "pobj" and token.head.lower_ in _LOCATIVE)


def _names_area_of_town(token: Token) -> bool:
    head = token.head
    return (
        token.dep_ in ("compound", "amod", "nmod")
        and head.lemma_.lower() in SETTLEMENT_NOUNS
        and not (head.i == token.i + 1 and head.lemma_.lower() == "city")  # "Deraa city"
    )


def area_of(place: Place) -> Place:
    """The province a town lies in, as a place record to test containment against."""
    return Place(
        name=place.admin1 or place.name,
        country_code=place.country_code,
        admin1=place.admin1,
        feature="admin1" if place.admin1 else place.feature,
    )


def same_area(left: Place, right: Place) -> bool:
    if left.id == right.id:
        return True
    outer, inner = (left, right) if rank(left) >= rank(right) else (right, left)
    return rank(outer) >= AREA_RANK and inside(outer, inner)
