"""Finding toponyms in a spaCy ``Doc`` and telling places from actors.

spaCy's GPE/LOC/FAC entities are the start. On war reports the small English
model mislabels places ("Sanaa" PERSON, "Al-Watiya" ORG, "Hmeimim" NORP), so a
PERSON/ORG/NORP entity whose text is in the gazetteer becomes a place when the
sentence treats it as one (a locative preposition before it, a place noun
after it, a conjunct of a place); without such a cue it is kept as tentative
and the caller keeps it only if it lies in the document's focus countries.
Capitalised runs spaCy missed are matched against the gazetteer too, and so is
every later mention of a name already taken for a place ("Hodeidah handles",
one sense per document). A dateline ("AMMAN, Jordan (Wire) —", "AL HUDAYDAH —")
names where the report was filed: its places are literal, whatever the parse.

Every place is then sorted into one of three roles: ``place`` (a literal
location), ``metonym`` (a place standing for its government or people:
"Moscow said", "Russia's defence ministry"), ``demonym`` ("Syrian").
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache

from spacy.tokens import Doc, Span, Token

from crosswire.geo.gazetteer import Candidate, Gazetteer
from crosswire.geo.normalize import fold_key, translit_key
from crosswire.geo.sources import AREA_FEATURES, SITE_FEATURES, lexicon
from crosswire.geo.words import DIRECTION_WORDS, demonym_country
from crosswire.nlp import doc_text, token_columns

PLACE_LABELS = frozenset({"GPE", "LOC"})
NUMERIC_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
LOCATIVE_PREPOSITIONS = frozenset(
    [
        "in",
        "near",
        "at",
        "outside",
        "inside",
        "from",
        "into",
        "toward",
        "towards",
        "to",
        "around",
        "across",
        "through",
        "on",
        "over",
        "via",
        "throughout",
        "within",
        "beyond",
        "south",
        "north",
        "east",
        "west",
    ]
)
# Verbs whose object in a war report is a place: "jets struck Sanaa", "rebels took Deraa".
PLACE_OBJECT_VERBS = frozenset(
    [
        "strike",
        "shell",
        "bomb",
        "besiege",
        "capture",
        "recapture",
        "retake",
        "seize",
        "enter",
        "storm",
        "take",
        "attack",
        "hit",
        "raid",
        "overrun",
        "encircle",
        "surround",
        "control",
        "hold",
        "liberate",
        "evacuate",
        "flee",
        "leave",
        "reach",
        "visit",
        "target",
        "bombard",
    ]
)
PLACE_SUBJECT_VERBS = frozenset(["come", "fall", "remain", "lie", "sit", "border"])
# "left Tafas for Muzayrib": "for" is locative after a verb of leaving.
MOTION_VERBS = frozenset(["leave", "head", "flee", "depart", "set", "bind", "evacuate", "sail"])
# "the town of Tafas", "residents of Muzayrib", "60 km west of Hodeidah".
OF_PLACE_NOUNS = frozenset(
    [
        "capital",
        "outskirts",
        "suburbs",
        "suburb",
        "centre",
        "center",
        "heart",
        "edge",
        "residents",
        "inhabitants",
        "streets",
        "kilometres",
        "kilometers",
        "km",
        "miles",
    ]
)
# A paragraph that opens with a place in capitals, then at most a region or country, a
# date and the outlet in brackets, then a dash.
_DATELINE = re.compile(
    r"(?P<place>(?<![\w'’.\-])[A-Z][A-Z'’.\-]+(?:[ \t]+[A-Z][A-Z'’.\-]+){0,3})"
    r"(?P<rest>(?:[ \t]*,[ \t]*[A-Z0-9][\w.'’\-]*(?:[ \t]+[A-Z0-9][\w.'’\-]*){0,3}){0,3})"
    # The dash, or a character lost in decoding one (U+FFFD), then a space or the bracket of
    # a wire's name ("PLEASANTON, Calif.--(Wire)--"); or a colon after the wire's name.
    r"[ \t]*(?:(?P<wire>\([^()\n]{1,60}\))[ \t]*)?(?:(?:—|–|-{1,3}|\ufffd)[ \t(]|(?<=\)):)",
)
# Pasted and scraped text often runs the headline and the byline into the body's first
# line ("Council backs the plan. SPRINGFIELD — The council ..."): a dateline may also
# follow a sentence's end or the byline's year within the head of the text.
_DATELINE_HEAD_CHARS = 400
_AFTER_HEAD = re.compile(r"(?:[.!?:\"”’)]|\b(?:19|20)\d\d)\s+$")
# Connectors allowed inside a multiword name: "Ras al-Ain", "Bab el Hawa", "Dayr az Zawr".
_NAME_LINKS = frozenset({"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ez", "es", "ed"})
_NAME_LINKS_ALL = _NAME_LINKS | {"-", "de", "del", "la", "du", "of", "upon", "on", "bin", "bani"}
_LEADING_ARTICLE = re.compile(r"^(?:the)\s+", re.IGNORECASE)
_MIN_TENTATIVE_POPULATION = 5000
# Tokens that are never a place on their own: the abbreviations that open a name
# ("St. James", "ST. PAUL", "Mt. Hood") and English contractions ("haven't" -> "n't").
_NEVER_ALONE = frozenset({"st", "ste", "mt", "ft", "pt", "n't", "'s", "'re", "'ll", "'ve", "'d"})
_MIN_PERSON_POPULATION = 50000
# WordNet lists some cities among its nouns ("aleppo", "damascus"): before an area or
# town noun ("Aleppo countryside", "Aleppo province", "Aleppo city") a name that is the
# primary name of a city this large is the city, whatever the tagger made of it.
_MIN_LISTED_CITY_POPULATION = 100000
STREET_WORDS = frozenset(
    [
        "street",
        "st",
        "st.",
        "road",
        "rd",
        "rd.",
        "drive",
        "dr",
        "dr.",
        "avenue",
        "ave",
        "ave.",
        "boulevard",
        "blvd",
        "blvd.",
        "lane",
        "ln",
        "highway",
        "hwy",
        "parkway",
        "pkwy",
        "way",
        "court",
        "ct",
        "place",
        "pl",
        "circle",
    ]
)
_MIN_SCAN_POPULATION = 1000


@dataclass(frozen=True, slots=True)
class Recognized:
    """A toponym found in the text, with its role and what the words around it say."""

    start: int
    end: int
    text: str
    query: str  # the name to look up
    hint: str | None  # "admin", "site" or "city" from a place noun in or after the name
    role: str  # "place", "metonym" or "demonym"
    tentative: bool = False  # a relabelled entity without a cue: keep only within focus
    dateline: bool = False  # the town a report was filed from ("HODEIDAH, Yemen -")
    country: str | None = None  # for demonyms, the country they name


@cache
def _lex_sets() -> dict[str, frozenset[str]]:
    lex = lexicon()
    admin_words = frozenset(lex["admin_words"])
    place_nouns = frozenset(lex["place_nouns"])
    return {
        "speech": frozenset(lex["speech_verbs"]),
        "action": frozenset(lex["state_action_verbs"]),
        "actor_nouns": frozenset(lex["actor_nouns"]),
        "admin_words": admin_words,
        "site_nouns": place_nouns - admin_words - {"city", "town", "village", "area"},
        "city_nouns": frozenset({"city", "town", "village"}),
        "of_nouns": place_nouns | admin_words | OF_PLACE_NOUNS,
        "resident_nouns": frozenset(lex["resident_nouns"]),
        "service_nouns": frozenset(lex["local_service_nouns"]),
    }


# Plural unit nouns after a list of names: "Butler, Clark or Warren counties", "Idlib and
# Hama provinces" name one unit each. ("states" and "regions" are left out: "the Gulf
# states", "the Baltic states" name no unit called Gulf or Baltic.)
_PLURAL_UNITS = frozenset(
    {"counties", "provinces", "governorates", "parishes", "prefectures", "oblasts", "districts"}
)


def _hint_for(words: str) -> str | None:
    if words in _PLURAL_UNITS:
        return "admin"
    sets = _lex_sets()
    if words in sets["admin_words"]:
        return "admin"
    if words in sets["site_nouns"]:
        return "site"
    if words in sets["city_nouns"]:
        return "city"
    return None


def _listed_before_units(doc: Doc, start: int, end: int) -> bool:
    """A name in a list that a plural unit noun ends ("Butler" of "Butler, Clark or Warren
    counties"): spaCy hangs the first name on the noun and the others on the first."""
    head = doc[start:end].root
    while head.dep_ == "conj" and head.head is not head:
        head = head.head
    noun = head.head
    return head.dep_ in ("nmod", "compound") and noun.i >= end and noun.lower_ in _PLURAL_UNITS


def _trim(span: Span) -> tuple[int, int] | None:
    """Token bounds without a leading "the", a trailing possessive, hyphen or article."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and doc[start].lower_ in ("the", "'s", "’s"):
        start += 1
    while end > start and (
        doc[end - 1].lower_ in ("'s", "’s", "'", "’")
        or doc[end - 1].is_punct
        or doc[end - 1].lower_ in _NAME_LINKS_ALL
        or doc[end - 1].lower_.rstrip("-") in _NAME_LINKS
    ):
        end -= 1
    return (start, end) if start < end else None


def _strong(candidates: Iterable[Candidate], min_population: int) -> list[Candidate]:
    return [
        c
        for c in candidates
        if c.feature in SITE_FEATURES
        or c.feature in AREA_FEATURES
        or c.feature == "capital"
        or c.population >= min_population
    ]


def _before_compass(doc: Doc, start: int) -> int:
    """Where a name starts with the compass words before it: "northern Aleppo"."""
    lead = start
    while lead > 0 and start - lead < 2 and doc[lead - 1].lower_ in DIRECTION_WORDS:
        lead -= 1
    return lead


def _named_unit_before(doc: Doc, start: int) -> bool:
    """ "the Karm district of Aleppo": the unit word names a part of the place after "of"
    (a town's quarter as often as a province's district), not the place itself, so it
    does not make that place a unit."""
    return start >= 3 and doc[start - 3].pos_ == "PROPN"


def _of_place_noun(doc: Doc, start: int) -> bool:
    """ "the town of Tafas", "residents of Muzayrib", "60 kilometres west of Hodeidah",
    "a district of northern Aleppo"."""
    start = _before_compass(doc, start)
    if start < 2 or doc[start - 1].lower_ != "of":
        return False
    noun = doc[start - 2].lower_
    return noun in _lex_sets()["of_nouns"] or noun in DIRECTION_WORDS


def _local_noun_after(doc: Doc, end: int) -> str | None:
    """ "Alexandria police", "the Dublin City Council" ("service"); "a Springfield man",
    "Kent County's residents" ("resident"): the name is where those people live or where
    the local service works. None when no such noun follows."""
    sets = _lex_sets()
    columns = token_columns(doc)  # read once per Doc: this runs for most names
    lower, size = columns.lower, len(columns.lower)
    if end < size and lower[end] in ("'s", "’s"):
        end += 1
    for width in (2, 1):
        if end + width > size:
            continue
        # The word after the phrase, or its last word at the Doc's end: "Aleppo-based".
        if columns.text[min(end + width, size - 1)].endswith(("-", "–")):
            continue
        phrase = " ".join(lower[end : end + width])
        if phrase in sets["service_nouns"]:
            return "service"
        if phrase in sets["resident_nouns"]:
            return "resident"
    return None


def _acronym(text: str) -> bool:
    """ "CIS", "MoD", "EU": short names with several capitals stand for too many things."""
    return len(text) <= 5 and sum(c.isupper() for c in text) > 1


_OPEN_PAREN = re.compile(r"\(\s*$")
_CLOSE_PAREN = re.compile(r"^\s*\)")


def _spelled_out(text: str, start: int, end: int) -> str | None:
    """The name an abbreviation in brackets stands for, when the words before the bracket
    spell its capitals: "the Ministry of Defence (MoD)" -> "Ministry of Defence"."""
    abbreviation = text[start:end]
    capitals = [c for c in abbreviation if c.isupper()]
    if not _acronym(abbreviation) or not _OPEN_PAREN.search(text[max(0, start - 3) : start]):
        return None
    if not _CLOSE_PAREN.match(text[end : end + 3]):
        return None
    words = text[max(0, start - 120) : start].rstrip(" (").split()
    initials: list[str] = []
    for i in range(len(words) - 1, -1, -1):
        if words[i][:1].isupper():
            initials.insert(0, words[i][0])
        if initials == capitals:
            return " ".join(words[i:])
        if len(initials) > len(capitals) or not words[i][:1].isalpha():
            return None
    return None


def _described_as_place(head: Token) -> bool:
    """ "Misurata, Libya's third-largest city, ...", "Daraa, where the uprising began",
    "Kamishli, which sits on the border": the sentence itself says the name is a place."""
    sets = _lex_sets()
    if head.dep_ == "appos" and head.head.lemma_.lower() in sets["of_nouns"]:
        return True  # "Syria's second city Aleppo", "the provincial capital Hasakeh"
    for child in head.children:
        if child.dep_ == "appos" and child.lemma_.lower() in sets["of_nouns"]:
            return True
        if child.dep_ == "relcl":
            if any(t.lower_ == "where" and t.i < child.i for t in child.children):
                return True
            if child.lemma_ in PLACE_SUBJECT_VERBS and any(
                t.dep_ == "nsubj" and t.lower_ == "which" for t in child.children
            ):
                return True
    return False


_POLITY_FEATURES = frozenset({"country", "admin1", "region", "continent"})
_PERSON_PARTICLES = frozenset(
    {"al", "al-", "el", "el-", "bin", "ibn", "abu", "abu-", "bint", "ben"}
)


def _ent_start(doc: Doc, i: int) -> int:
    while i > 0 and doc[i].ent_iob_ == "I":
        i -= 1
    return i


@cache
def _actor_aliases() -> frozenset[str]:
    """Every name the actor dictionary knows for an actor or person ("IS", "Daesh", "AP")."""
    from crosswire.actors import load_actor_dictionary

    return frozenset(fold_key(a) for a in load_actor_dictionary().alias_targets() if a)


@cache
def _common_words() -> frozenset[str]:
    """English nouns, verbs, adjectives and adverbs (the lemmatizer's WordNet index)."""
    from crosswire.nlp import load_nlp

    try:
        index = load_nlp().get_pipe("lemmatizer").lookups.get_table("lemma_index")  # type: ignore[attr-defined]  # spaCy's Lemmatizer
    except (KeyError, AttributeError):
        return frozenset()
    words: set[str] = set()
    for pos in ("noun", "verb", "adj", "adv"):
        words.update(index.get(pos, ()))
    return frozenset(words)


@cache
def _aliases_holding() -> dict[str, tuple[str, ...]]:
    """Multiword actor names by each word in them: "Islamic State of Iraq and the Levant"
    under "iraq" and "levant", so a place inside an actor's name can be told."""
    from crosswire.actors import load_actor_dictionary

    table: dict[str, list[str]] = defaultdict(list)
    for alias in load_actor_dictionary().alias_targets():
        if len(alias.split()) > 1:
            for word in alias.split():
                table[word.casefold()].append(alias.casefold())
    return {word: tuple(sorted(set(names), key=len)) for word, names in table.items()}


# Words a writer varies inside a group's name: "Islamic State in Iraq and Levant" is
# "the Islamic State of Iraq and the Levant" (the article dropped, "in" for "of").
_NAME_VARIANTS = {"the": r"(?:the\s+)?", "of": r"(?:of|in)", "in": r"(?:of|in)"}


@cache
def _alias_pattern(alias: str) -> re.Pattern[str]:
    parts: list[str] = []
    for word in alias.split():
        variant = _NAME_VARIANTS.get(word)
        if word == "the":
            parts.append(variant or "")
        else:
            parts.append((variant or re.escape(word)) + r"[\s\-]+")
    return re.compile("".join(parts).removesuffix(r"[\s\-]+"), re.I)


def _in_actor_name(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` lies inside a written actor name."""
    words = text[start:end].casefold().split()
    if not words:
        return False
    for alias in _aliases_holding().get(words[0], ()):
        offset = max(0, start - len(alias) - 8)
        window = text[offset : end + len(alias) + 8]
        for found in _alias_pattern(alias).finditer(window):
            written = found.group().casefold()
            if written != alias and not _proper(found.group()):
                continue  # "armed forces in Iraq" is no "Armed Forces of Iraq"
            if offset + found.start() <= start and offset + found.end() >= end:
                return True
    return False


def _proper(name: str) -> bool:
    """Written as a proper name: every word but the small links capitalised."""
    words = [
        w for w in re.split(r"[\s\-]+", name) if w.casefold() not in ("the", "of", "in", "and")
    ]
    return all(w[:1].isupper() for w in words if w)


def _in_person_name(doc: Doc, start: int, end: int) -> bool:
    """Part of a longer PERSON entity, or joined to one by a name particle ("Bashar al-
    Assad"). A lone PERSON entity is left to the sentence: spaCy tags many towns so."""
    for i in range(start, end):
        if doc[i].ent_type_ == "PERSON":
            ent_start = i if doc[i].ent_iob_ == "B" else _ent_start(doc, i)
            ent_end = ent_start + 1
            while ent_end < len(doc) and doc[ent_end].ent_iob_ == "I":
                ent_end += 1
            if ent_start < start or ent_end > end:
                return True
    after = end
    while after < len(doc) and doc[after].lower_.rstrip("-") in _PERSON_PARTICLES | {"-"}:
        after += 1
    if after > end and after < len(doc) and doc[after].ent_type_ == "PERSON":
        return True
    before = start - 1
    while before >= 0 and doc[before].lower_.rstrip("-") in _PERSON_PARTICLES | {"-"}:
        before -= 1
    return before < start - 1 and before >= 0 and doc[before].ent_type_ == "PERSON"


# "US-led", "Iranian-backed": the place names who leads or backs, not where.
AGENT_PARTICIPLES = frozenset(
    {"led", "backed", "sponsored", "brokered", "funded", "supported", "allied", "aligned"}
)


def _agent_compound(span: Span) -> bool:
    doc, end = span.doc, span.end
    if end + 1 < len(doc) and doc[end].text in ("-", "–"):
        return doc[end + 1].lower_ in AGENT_PARTICIPLES
    return False


def dateline_bounds(doc: Doc) -> list[tuple[int, int, bool]]:
    """Token bounds of the town in capitals opening a paragraph before a dash, or
    following the headline or byline within the head of the text; True for the first
    kind."""
    bounds = []
    text = doc_text(doc)
    for match in _DATELINE.finditer(text):
        at = match.start()
        line_start = at == 0 or text[at - 1] == "\n"
        # A wire's name in brackets ("WASHINGTON (AP) —") marks a dateline after any
        # byline.
        after_head = at < _DATELINE_HEAD_CHARS and (
            match.group("wire") is not None or _AFTER_HEAD.search(text[max(0, at - 8) : at])
        )
        if not (line_start or after_head):
            continue
        span = doc.char_span(match.start("place"), match.end("place"), alignment_mode="expand")
        if span is not None and sum(c.isalpha() for c in span.text) >= 3:
            bounds.append((span.start, span.end, line_start))
    return bounds


def _capitalised(doc: Doc) -> list[int]:
    """Indices of tokens outside entities that start with a capital, read from arrays:
    making a Token object for every word would cost more than the rest of the work."""
    starts = doc.to_array("IDX")
    types = doc.to_array("ENT_TYPE")
    text = doc_text(doc)
    return [
        i
        for i, (start, ent_type) in enumerate(zip(starts.tolist(), types.tolist(), strict=True))
        if ent_type == 0 and text[start].isupper()
    ]


def _name_token(token: Token) -> bool:
    text = token.text
    if not text[:1].isupper() or token.is_stop or token.like_num:
        return False
    if token.pos_ not in ("PROPN", "NOUN", "ADJ", "X") or (
        token.is_sent_start and token.pos_ != "PROPN"
    ):
        return False
    return len(text) > 1


def _joinable(doc: Doc, j: int) -> bool:
    """A link word or hyphen continues a name only when a capitalised word follows."""
    k = j + 1
    while k < len(doc) and doc[k].lower_ in _NAME_LINKS_ALL:
        k += 1
    return k < len(doc) and doc[k].text[:1].isupper()


def _street_end(doc: Doc, end: int) -> int:
    if end < len(doc) and doc[end].lower_ in STREET_WORDS:
        return end + 1
    return end


def _surname(doc: Doc, ent_start: int) -> str:
    """The last word of the entity that opens at ``ent_start``, lower-cased."""
    end = ent_start + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[end - 1].lower_


def _name_words(doc: Doc, ent_start: int) -> tuple[str, ...]:
    """The name words of the entity that opens at ``ent_start``, lower-cased."""
    end = ent_start + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return tuple(
        t.lower_ for t in doc[ent_start:end] if t.is_alpha and t.lower_ not in _NAME_LINKS_ALL
    )


def _in_other_name(
    doc: Doc, ent_start: int, start: int, end: int, person_words: dict[str, set[int]]
) -> bool:
    """A word of ``doc[start:end]`` belongs to another, different multiword PERSON name:
    "Jones" after "David Jones". The same name again ("Khan Shaykhun" tagged PERSON in
    two sentences) is no evidence of a person: spaCy tags many towns so each time."""
    own = _name_words(doc, ent_start)
    others = {i for t in doc[start:end] for i in person_words.get(t.lower_, set())} - {ent_start}
    return any(_name_words(doc, i) != own for i in others)


def _street(doc: Doc, start: int, end: int) -> Recognized | None:
    """ "Washington Drive", "Orchard St.": a street, placed in the document's own town."""
    last = doc[end - 1].lower_
    if last in STREET_WORDS and end - start > 1:
        stop = end
    elif end < len(doc) and doc[end].lower_ in STREET_WORDS and doc[end].text[:1].isupper():
        stop = end + 1
    else:
        return None
    while start < stop and doc[start].like_num:
        start += 1
    if stop - start < 2:
        return None
    span = doc[start:stop]
    return Recognized(
        start=span.start_char,
        end=span.end_char,
        text=span.text,
        query=span.text,
        hint="street",
        role="place",
    )


def locative_cue(doc: Doc, start: int, end: int) -> bool:
    # "in northern Aleppo": the compass word goes with the name.
    lead = _before_compass(doc, start)
    before = doc[lead - 1] if lead > 0 else None
    if before is not None and before.lower_ in LOCATIVE_PREPOSITIONS:
        return True
    head = doc[start:end].root
    # "on Ras al-Ain and Tal Abyad": a later conjunct shares the first one's preposition.
    while head.dep_ == "conj" and head.head is not head:
        head = head.head
    if head.dep_ == "pobj" and head.head.lower_ in LOCATIVE_PREPOSITIONS:
        return True
    if head.dep_ in ("dobj", "obj") and head.head.lemma_ in PLACE_OBJECT_VERBS:
        return True
    if head.dep_ == "nsubj" and head.head.lemma_ in PLACE_SUBJECT_VERBS:
        return True
    if head.dep_ == "conj" and head.head.ent_type_ in PLACE_LABELS:
        return True
    if head.dep_ == "pobj" and head.head.lower_ == "for" and head.head.head.lemma_ in MOTION_VERBS:
        return True
    if _of_place_noun(doc, start) or _described_as_place(head):
        return True
    if _local_noun_after(doc, end) is not None:
        return True
    return any(c.dep_ == "conj" and c.ent_type_ in PLACE_LABELS for c in head.children)


class _Names:
    """What a span names: the gazetteer queries about it and the ``Recognized`` record a
    pass of ``Recognizer`` makes of it."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer

    def dateline_place(
        self, doc: Doc, start: int, end: int, *, vouched: bool = True
    ) -> Recognized | None:
        """The dateline's town, a literal place. Only a paragraph-opening dateline vouches
        for its reading: a bare town in capitals run into the headline ("MANSFIELD —")
        is as ambiguous as any other mention and is scored like one."""
        span = doc[start:end]
        if not self.gazetteer.lookup(span.text):
            return None
        return replace(self.make(span, role="place"), dateline=vouched)

    def spelled_compound(self, query: str) -> bool:
        """A name of two words or more spelled letter for letter as one of an entry's names
        ("Khan Sheikhun", "Jisr al-Shughur"): spaCy often takes such town names for people."""
        return len(query.split()) > 1 and bool(self.gazetteer.spelled(query))

    def names_town(self, name: str) -> bool:
        return any(c.feature in ("city", "capital") for c in self.gazetteer.lookup(name))

    def names_entry(self, query: str) -> bool:
        """True when ``query`` is a spelling of a gazetteer entry's own name, not a loose
        match of one of its alternates: only such a name is safe to spread."""
        key = translit_key(query)
        return any(translit_key(c.name) == key for c in self.gazetteer.lookup(query))

    def drop_direction(self, doc: Doc, start: int, end: int) -> tuple[int, int]:
        """ "Northeast Georgia" names Georgia; "North Carolina" is a name of its own."""
        if (
            end - start > 1
            and doc[start].lower_ in DIRECTION_WORDS
            and not self.gazetteer.lookup(doc[start:end].text)
        ):
            return start + 1, end
        return start, end

    def embedded_polity(self, doc: Doc, start: int, end: int) -> Recognized | None:
        """ "Minnesota Department of Transportation": the state stands for its government."""
        if end - start < 2 or doc[start].pos_ != "PROPN":
            return None
        first = doc[start : start + 1]
        if demonym_country(first.text)[0] or not self.is_polity(first.text):
            return None
        return self.make(first, role="metonym")

    def query_and_hint(self, doc: Doc, start: int, end: int) -> tuple[str, str | None, int]:
        """The lookup name, and a hint from a place noun ending or following the name."""
        span = doc[start:end]
        query = _LEADING_ARTICLE.sub("", span.text)
        last = doc[end - 1].lower_
        if end - start > 1:
            hint = _hint_for(last)
            if hint == "city" and self.names_town(span.text):
                # "Mexico City", "Gaza City", "Quebec City": the whole name is the town's
                # own; without "City" it names the country or province.
                return query, hint, end
            if hint is not None:
                return doc[start : end - 1].text, hint, end
        for width in (2, 1):
            if end + width <= len(doc):
                words = " ".join(t.lower_ for t in doc[end : end + width])
                hint = _hint_for(words)
                if hint is not None:
                    if hint == "site":
                        # "Shayrat airbase" is a curated name; look the whole phrase up.
                        phrase = doc[start : end + width].text
                        if self.gazetteer.lookup(phrase):
                            return phrase, hint, end + width
                    return query, hint, end
        if _listed_before_units(doc, start, end):
            return query, "admin", end
        # "the province of Daraa", "the village of Muzayrib".
        # Not a plural ("the provinces of Aleppo and Damascus"): such a list is left to
        # its towns, which place the events the article tells there.
        if (
            start >= 2
            and doc[start - 1].lower_ == "of"
            and doc[start - 2].lower_ not in _PLURAL_UNITS
        ):
            hint = _hint_for(doc[start - 2].lower_)
            if hint == "city" or (hint == "admin" and not _named_unit_before(doc, start)):
                return query, hint, end
        return query, None, end

    def make(
        self,
        span: Span,
        *,
        query: str | None = None,
        hint: str | None = None,
        role: str | None = None,
        tentative: bool = False,
        country: str | None = None,
    ) -> Recognized:
        if role is None:
            role = "metonym" if self.is_metonym(span) else "place"
        return Recognized(
            start=span.start_char,
            end=span.end_char,
            text=span.text,
            query=query or span.text,
            hint=hint,
            role=role,
            tentative=tentative,
            country=country,
        )

    def is_metonym(self, span: Span) -> bool:
        """A place standing for the state or people behind it: "Moscow said", "Iran's army"."""
        sets = _lex_sets()
        if _agent_compound(span):
            return True
        local = _local_noun_after(span.doc, span.end)
        if local is not None:
            # A town's police or residents are where the town is. A country's or a state's
            # police ("Iraq police", "New York Police Department") stand for a government,
            # or name a city the state reading would misplace.
            return self.is_country(span.text, polity=local == "service")
        head = span.root
        # "Moscow and Tehran said": the second conjunct takes the first one's role.
        while head.dep_ == "conj" and head.head is not head:
            head = head.head
        governor = head.head
        if _described_as_place(head):
            return False
        if head.dep_ in ("nsubj", "csubj") and governor.pos_ in ("VERB", "AUX"):
            lemma = governor.lemma_.lower()
            if lemma in sets["speech"]:
                return True
            if lemma in sets["action"] and self.is_polity(span.text):
                return True
        if head.dep_ in ("poss", "compound") and governor.pos_ in ("NOUN", "PROPN"):
            noun = governor.lemma_.lower()
            phrase = " ".join(t.lower_ for t in governor.subtree if t.i >= governor.i)[:40]
            if noun in sets["actor_nouns"] or phrase in sets["actor_nouns"]:
                return True
        return False

    def lost_possessive(self, text: str) -> bool:
        """A country's possessive whose apostrophe the text lost ("Syrias", "Russias"),
        as pasted or scraped text often has it."""
        if len(text) < 5 or not text.isalpha() or not text.endswith("s") or text.isupper():
            return False
        best = max(self.gazetteer.lookup(text[:-1]), key=lambda c: c.population, default=None)
        return best is not None and best.feature == "country" and not self.gazetteer.lookup(text)

    def after_lost_possessive(self, doc: Doc, start: int, end: int) -> bool:
        """The rest of a PERSON entity that opens with a lost possessive ("in Syrias Hama
        province" tagged PERSON): the name is the place's, not a person's."""
        head = start - 1
        return (
            head >= 0
            and doc[head].ent_type_ == "PERSON"
            and doc[head].ent_iob_ == "B"
            and self.lost_possessive(doc[head].text)
            and not _in_person_name(doc, head, end)
        )

    def is_country(self, text: str, *, polity: bool = False) -> bool:
        """A country, continent or region (with ``polity``, a first-level unit too)."""
        best = max(self.gazetteer.lookup(text), key=lambda c: c.population, default=None)
        wide = ("country", "continent", "region", *(("admin1",) if polity else ()))
        return best is not None and best.feature in wide

    def is_polity(self, text: str) -> bool:
        """A country, capital or first-level unit: the names that stand for governments."""
        best = max(self.gazetteer.lookup(text), key=lambda c: c.population, default=None)
        return best is not None and best.feature in ("country", "capital", "admin1")


class Recognizer:
    """Finds toponyms in a parsed document: datelines, NER places, capitalised runs the
    gazetteer knows, and later repeats of names already found."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.names = _Names(gazetteer)

    def recognize(self, doc: Doc) -> list[Recognized]:
        found: list[Recognized] = []
        taken: set[int] = set()  # token indices already inside an accepted toponym

        def accept(item: Recognized | None, start: int, end: int) -> None:
            if item is None or any(i in taken for i in range(start, end)):
                return
            if item.role != "demonym" and not self._has_evidence(doc, item, start, end):
                return
            taken.update(range(start, end))
            found.append(item)

        datelines = dateline_bounds(doc)
        for start, end, line_start in datelines:
            accept(self.names.dateline_place(doc, start, end, vouched=line_start), start, end)
        ents = doc.ents
        self._from_entities(doc, ents, accept)
        capitalised = _capitalised(doc)
        for start, end in self._scan_runs(doc, taken, capitalised):
            accept(self._from_scan(doc, start, end), start, end)
        for start, end in self._repeats(doc, ents, found, taken, capitalised):
            accept(self.names.make(doc[start:end]), start, end)
        if datelines:
            # A region or country after the dateline's town ("AMMAN, Jordan") is literal too.
            dateline_start = min(doc[start].idx for start, _, _ in datelines)
            dateline_end = max(doc[end - 1].idx for _, end, _ in datelines) + 100
            found = [
                replace(r, role="place")
                if r.role == "metonym" and dateline_start <= r.start and r.end <= dateline_end
                else r
                for r in found
            ]
        found.sort(key=lambda r: r.start)
        return found

    def _from_entities(
        self,
        doc: Doc,
        ents: Sequence[Span],  # doc.ents, which spaCy rebuilds on each access
        accept: Callable[[Recognized | None, int, int], None],
    ) -> None:
        """Toponyms from spaCy's entities, each comma-separated part on its own."""
        # Name words of multiword PERSON entities: "Jones" after "David Jones" is that person.
        person_words: dict[str, set[int]] = {}
        for ent in ents:
            words = [t for t in ent if t.is_alpha and t.lower_ not in _NAME_LINKS_ALL]
            if ent.label_ == "PERSON" and len(words) > 1:
                for t in words:
                    person_words.setdefault(t.lower_, set()).add(ent.start)
        for ent in ents:
            if ent.label_ in NUMERIC_LABELS:
                continue
            # "Palmyra, New York" tagged as one ORG: each comma-separated part on its own.
            part_start = ent.start
            parts: list[tuple[int, int]] = []
            for i in range(ent.start, ent.end + 1):
                if i == ent.end or doc[i].text == ",":
                    if i > part_start:
                        parts.append((part_start, i))
                    part_start = i + 1
            # A chain of places ("Palmyra, New York") vouches for each of its parts.
            chain = len(parts) > 1 and all(
                _strong(self.gazetteer.lookup(doc[a:b].text), _MIN_TENTATIVE_POPULATION)
                for a, b in parts
            )
            for a, b in parts:
                if b - a > 1 and self.names.lost_possessive(doc[a].text):
                    a += 1  # "Syrias Idlib province": the place is Idlib's
                self._entity_part(doc, ent, a, b, person_words, accept, chain=chain)

    def _has_evidence(self, doc: Doc, item: Recognized, start: int, end: int) -> bool:
        """A place needs a toponym-like span: no bare particle, actor alias, person's name
        or common word. An NER place span or a locative cue outweighs a person reading."""
        span = doc[start:end]
        words = [t for t in span if t.lower_.rstrip("-") not in _NAME_LINKS_ALL]
        if sum(c.isalpha() for t in words for c in t.text) < 2:
            return False  # "al-", "el", "-", "E."
        if len(words) == 1 and words[0].lower_.replace("’", "'").rstrip(".") in _NEVER_ALONE:
            return False
        if len(words) == 1 and words[0].lower_ in DIRECTION_WORDS:
            # "the West", "the North": a bloc or a part of the country, not the regions
            # GeoNames names so ("North", Cameroon).
            return False
        if item.hint == "street":
            return True
        long_name = _spelled_out(doc_text(doc), item.start, item.end)
        if long_name is not None:
            # "(MoD)" after "the Ministry of Defence" names the ministry, "(UAE)" after
            # "the United Arab Emirates" the country.
            return any(c.feature in _POLITY_FEATURES for c in self.gazetteer.lookup(long_name))
        if fold_key(item.query) in _actor_aliases() or fold_key(span.text) in _actor_aliases():
            # "IS", "Daesh", "AP": an alias is a place only when it names a polity ("EU").
            return any(c.feature in _POLITY_FEATURES for c in self.gazetteer.lookup(item.query))
        if _in_actor_name(doc_text(doc), item.start, item.end):
            return False  # "Islamic State of Iraq and the Levant" names a group
        place_label = any(t.ent_type_ in ("GPE", "LOC", "FAC") for t in span)
        cue = item.hint is not None or locative_cue(doc, start, end)
        if (
            _in_person_name(doc, start, end)
            and not place_label
            and not (cue and self.names.after_lost_possessive(doc, start, end))
        ):
            return False
        if any(t.ent_type_ == "PERSON" for t in span) and not cue:
            # "Hammad said": a lone name with no cue stands only for a place of that very
            # name ("Madison"), never for a loose transliteration of one. A longer name
            # spelled as one of a town's names ("Khan Sheikhun was hit") stays tentative:
            # kept only inside the document's focus countries.
            return self.names.names_entry(item.query) or (
                item.tentative and self.names.spelled_compound(item.query)
            )
        if len(words) == 1 and not place_label and words[0].pos_ != "PROPN":
            # "Break", "Photo": a capitalised English word is a place only as an NER place.
            return words[0].lower_ not in _common_words() or (
                item.hint in ("admin", "city") and self._listed_city(item.query)
            )
        return True

    def _listed_city(self, query: str) -> bool:
        return any(
            c.match == "primary" and c.population >= _MIN_LISTED_CITY_POPULATION
            for c in self.gazetteer.lookup(query)
        )

    # -- datelines and repeated names -------------------------------------

    def _repeats(
        self,
        doc: Doc,
        ents: Sequence[Span],
        found: list[Recognized],
        taken: set[int],
        capitalised: list[int],
    ) -> list[tuple[int, int]]:
        """Later mentions of a name already read as a place: one sense per document.

        spaCy often tags a town as a place once and as a person or nothing the next
        time ("Hodeidah handles 75 percent", "the regime retook Dar'a"). A name spreads
        only when its spelling is the very name of a gazetteer entry, when it is no
        acronym, and when spaCy did not call it a person or an organisation more often
        than it was taken for a place ("the Centre" for India's government).
        """
        accepted: Counter[str] = Counter(
            fold_key(r.text)
            for r in found
            if r.role != "demonym" and not r.tentative and not _acronym(r.text)
        )
        keys = {key for key in accepted if key and self.names.names_entry(key)}
        if not keys:
            return []
        others: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for ent in ents:
            if ent.label_ in NUMERIC_LABELS or any(i in taken for i in range(ent.start, ent.end)):
                continue
            bounds = _trim(ent)
            if bounds is not None:
                key = fold_key(doc[bounds[0] : bounds[1]].text)
                if key in keys:
                    others[key].append(bounds)
        for i in capitalised:
            token = doc[i]
            if (
                i not in taken
                and not token.ent_type_
                and token.pos_ == "PROPN"
                and token.text[:1].isupper()
                and fold_key(token.text) in keys
            ):
                others["\x00" + fold_key(token.text)].append((token.i, token.i + 1))
        spans: list[tuple[int, int]] = []
        for key, mentions in others.items():
            # Unlabelled repeats always follow; labelled ones only when outvoted.
            if key.startswith("\x00") or len(mentions) <= accepted[key]:
                spans.extend(mentions)
        return spans

    def _persons_name_again(
        self, doc: Doc, ent_start: int, start: int, end: int, person_words: dict[str, set[int]]
    ) -> bool:
        """A lone surname tagged GPE after the person's full name ("Brantley" after "Claude
        Henri Pascal Brantley") is the person again, unless the sentence treats it as a place
        or a town of standing bears the name."""
        word = doc[start].lower_
        if end - start != 1 or not any(
            i < ent_start and _surname(doc, i) == word for i in person_words.get(word, set())
        ):
            return False
        if locative_cue(doc, start, end):
            return False
        return not _strong(self.gazetteer.lookup(doc[start].text), _MIN_PERSON_POPULATION)

    def _entity_part(
        self,
        doc: Doc,
        ent: Span,
        start: int,
        end: int,
        person_words: dict[str, set[int]],
        accept: Callable[[Recognized | None, int, int], None],
        *,
        chain: bool = False,
    ) -> None:
        bounds = _trim(doc[start:end])
        if bounds is None:
            return
        start, end = self.names.drop_direction(doc, *bounds)
        street = _street(doc, start, end)
        if street is not None:
            accept(street, start, _street_end(doc, end))
            return
        if ent.label_ in PLACE_LABELS:
            if not self._persons_name_again(doc, ent.start, start, end, person_words):
                end = self._whole_name_end(doc, start, end)
                accept(self._from_entity(doc, start, end, certain=True), start, end)
            return
        if ent.label_ == "PERSON" and _in_other_name(doc, ent.start, start, end, person_words):
            return
        if ent.label_ == "ORG":
            embedded = self.names.embedded_polity(doc, start, end)
            if embedded is not None:
                accept(embedded, start, start + 1)
                return
        # "Rapides Parish Fire" (PERSON): the longest leading part that is a place.
        for sub_end in range(end, start, -1):
            item = self._from_entity(
                doc, start, sub_end, certain=chain, label="GPE" if chain else ent.label_
            )
            if item is None:
                continue
            if (
                sub_end < end
                and item.hint is None
                and sub_end - start < 2
                and _local_noun_after(doc, sub_end) is None
            ):
                continue  # "Tal" out of "Tal Abyad" is no reading of it
            accept(item, start, sub_end)
            return

    def _whole_name_end(self, doc: Doc, start: int, end: int) -> int:
        """Where a place name spaCy cut short ends: "Tal" tagged alone in a headline's
        "in Tal Abyad Raqqa" is "Tal Abyad", the longest run of name words after it (up
        to three, in no entity) that the gazetteer knows with it."""
        stop = end
        # Abbreviations ("U.S. Sen.", "St. James Church") are titles and names of their own.
        while stop < len(doc) and stop - end < 3 and not doc[stop - 1].text.endswith("."):
            token = doc[stop]
            if token.ent_type_ or _hint_for(token.lower_) is not None:
                break  # "Dublin City Schools", "Homs Governorate": a unit word, not the name
            if not (
                (_name_token(token) and token.pos_ == "PROPN") or token.lower_ in _NAME_LINKS_ALL
            ):
                break
            stop += 1
        for longer in range(stop, end, -1):
            if _name_token(doc[longer - 1]) and self.gazetteer.lookup(doc[start:longer].text):
                return longer
        return end

    # -- sources of toponyms ----------------------------------------------

    def _from_entity(
        self, doc: Doc, start: int, end: int, *, certain: bool, label: str = "GPE"
    ) -> Recognized | None:
        span = doc[start:end]
        is_demonym, country = demonym_country(span.text)
        if is_demonym:
            if label in ("NORP", "GPE", "LOC") or span.text[:1].isupper():
                return self.names.make(span, role="demonym", country=country)
            return None
        query, hint, _ = self.names.query_and_hint(doc, start, end)
        if certain:
            return self.names.make(span, query=query, hint=hint)
        candidates = self.gazetteer.lookup(query) or self.gazetteer.lookup(span.text)
        if label == "FAC":
            return self.names.make(span, query=query, hint=hint) if candidates else None
        # A bare person-like name ("Jordan", "Houston") needs the sentence to treat it as a place.
        cue = hint is not None or locative_cue(doc, start, end)
        if label not in ("PERSON", "NORP") and not cue:
            return None
        # With a cue any gazetteer entry will do (GeoNames lists many towns with no population).
        if cue:
            floor = 0
        elif label == "PERSON" and not self.names.spelled_compound(query):
            floor = _MIN_PERSON_POPULATION
        else:
            floor = _MIN_TENTATIVE_POPULATION
        if not _strong(candidates, floor):
            return None
        return self.names.make(span, query=query, hint=hint, tentative=not cue)

    def _from_scan(self, doc: Doc, start: int, end: int) -> Recognized | None:
        span = doc[start:end]
        if demonym_country(span.text)[0]:
            return None
        query, hint, _ = self.names.query_and_hint(doc, start, end)
        candidates = self.gazetteer.lookup(query)
        # "the port of Hodeidah", "Daraa, where ...": the sentence itself names a place.
        named = hint is not None or _of_place_noun(doc, start) or _described_as_place(span.root)
        if end - start == 1:
            # A lone capitalised word is a place only with a cue and a place worth naming.
            if not (named or locative_cue(doc, start, end)):
                return None
            strong = _strong(candidates, 20000)
        else:
            strong = _strong(candidates, _MIN_SCAN_POPULATION)
        if not strong:
            return None
        return self.names.make(
            span, query=query, hint=hint, tentative=end - start == 1 and not named
        )

    def _scan_runs(
        self, doc: Doc, taken: set[int], capitalised: list[int]
    ) -> list[tuple[int, int]]:
        """Longest gazetteer-matching capitalised runs outside every entity."""
        runs: list[tuple[int, int]] = []
        n = len(doc)
        resume = 0
        for i in capitalised:
            if i < resume:
                continue
            token = doc[i]
            if i in taken or not _name_token(token):
                continue
            j = i + 1
            while j < n and j - i < 6 and j not in taken and not doc[j].ent_type_:
                if _name_token(doc[j]) or (
                    doc[j].lower_ in _NAME_LINKS_ALL and j + 1 < n and _joinable(doc, j)
                ):
                    j += 1
                else:
                    break
            # Try the longest run first, then shorter ones from the same start.
            for end in range(j, i, -1):
                if not _name_token(doc[end - 1]):
                    continue
                if self.gazetteer.lookup(doc[i:end].text):
                    runs.append((i, end))
                    resume = end
                    break
        return runs
