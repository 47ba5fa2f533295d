"""Armed groups the dictionary does not know, recognised by the shape of their name.

Syrian factions are named on a few Arabic patterns ("Liwa Fursan al-Haq", "Jaysh
al-Fateh", "Faylaq al-Rahman", "Harakat Nour al-Din al-Zenki") or their English
calques ("the Sultan Murad Brigade", "the Southern Front"). A name of that shape is an
armed group; with nothing in the sentence that ties it to the state's side, ACLED codes
it as a rebel group of the country it fights in. A state unit ("the 4th Division",
"Brigade 93") and a street or a mosque named after one are no group.
"""

from __future__ import annotations

import re

from crosswire.actors.dictionary import _words

# Arabic head nouns for a formation: brigade, army, movement, legion, front, supporters,
# battalions, soldiers, gathering.
_HEAD = (
    r"(?:Liwa|Liwaa|Jaysh|Jaish|Jeish|Harakat|Harakah|Faylaq|Failaq|Jabhat|Ansar|Kataib"
    r"|Katibat|Katibah|Alwiya|Alwiyat|Jund|Tajammu)"
)
_ARTICLE = r"(?:[Aa]l|[Ee]l|[Aa](?:sh|th|dh|[sndtrz]))[-\s]"
_ARTICLE_WORD = rf"{_ARTICLE}[A-Z][\w'’]+"
_PLAIN_WORD = r"[A-Z][a-z][\w'’]+"
# Up to two plain words, then words with the article: "Jabhat Fateh al-Sham",
# "Liwa Ahrar Souriya", "Harakat Nour al-Din al-Zenki".
ARABIC_NAME = re.compile(
    rf"\b(?P<head>{_HEAD})\s+(?P<name>(?:{_PLAIN_WORD}\s+){{0,2}}(?:{_ARTICLE_WORD}"
    rf"(?:\s+{_ARTICLE_WORD}){{0,2}}|{_PLAIN_WORD}(?:\s+{_PLAIN_WORD})?))\b"
)
# Heads that are also common words or place names take the article at once: "Ansar
# al-Haq", not a list of quarters ("Ansar Bustan al-Basha").
_ARTICLE_FIRST = frozenset(["Ansar", "Jund", "Tajammu"])
# Capitalised words that end a name rather than continue it.
_NOT_NAME = _words(
    """the a an and on in at of to for from by with after before as but or
    monday tuesday wednesday thursday friday saturday sunday terrorist terrorists group
    groups organization organisation militants fighters killed said army forces
    syria syrian"""
)
_NEXT_NAME = re.compile(r"\s+(?:Front|Brigades?|Battalions?|Army|Legion)\b")
# Words beside a name that make it a place: "Jaysh al-Islam street", "the Ansar mosque".
_PLACE_AFTER = re.compile(
    r"\s*(?:street|st\b|road|mosque|school|square|hospital|neighbou?rhood|district|quarter"
    r"|camp|roundabout|village|area)\b",
    re.IGNORECASE,
)
# Before the name only with "of": a place noun right before may end another name when
# a text has lost its commas ("the Ansari neighborhood Jabhat al-Nusra fighters").
_PLACE_BEFORE = re.compile(
    r"\b(?:street|road|mosque|school|square|hospital|roundabout)\s+of\s+$",
    re.IGNORECASE,
)
# The sentence ties the group to the state's side: ACLED would code it with the regime.
STATE_SIDE = re.compile(
    r"\b(?:pro-?(?:government|regime|assad|iranian)|loyalist|regime-allied|government-allied"
    r"|allied\s+(?:to|with)\s+the\s+(?:regime|government|army)|iran(?:ian)?-backed|shiite"
    r"|shia|hezbollah)\b",
    re.IGNORECASE,
)

# English calques ending in a formation noun: "the Sultan Murad Brigade", "the Southern
# Front"; not a state unit numbered or named after its state ("the 4th Division", "Brigade
# 93", "the Syrian Arab Army").
ENGLISH_HEADS = frozenset(
    ["brigade", "brigades", "battalion", "battalions", "front", "legion", "legions"]
)
_ORDINAL = re.compile(
    r"\d|\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|republican"
    r"|presidential|national|special)\b",
    re.IGNORECASE,
)
_STATE_OWNER_BEFORE = re.compile(
    r"\b(?:army|regime|government|military)(?:'s|’s)?\s+(?:the\s+)?$",
    re.IGNORECASE,
)


# The key of a group known by its name's shape, not the dictionary: "named-liwa-al-haq".
NAMED_KEY = "named-"
_HEAD_SPELLINGS = {"jaish": "jaysh", "jeish": "jaysh", "failaq": "faylaq", "liwaa": "liwa"}
# Inside a formation's name: "Jaish al-Fatah" is "Jaysh al-Fateh".
_WORD_SPELLINGS = {"fatah": "fateh", "Fatah": "Fateh"}


def name_key(name: str) -> str:
    """One spelling of a transliterated name, for telling variants apart from other
    names: "Jaish an-Nusra", "Jaysh al Nusra" -> "jaysh al nusra"."""
    words = re.sub(r"[-‑\s]+", " ", name.casefold()).split()
    out = []
    for word in words:
        word = _HEAD_SPELLINGS.get(word, _WORD_SPELLINGS.get(word, word))
        if re.fullmatch(r"el|a(?:sh|th|dh|[sndtrz])", word):
            word = "al"
        out.append(word)
    return " ".join(out)


def display_name(name: str) -> str:
    """The name as ACLED would spell it: one head spelling, "al-" joined to its word."""
    words = re.sub(r"\b([Aa]l|[Ee]l)\s+(?=[A-Z])", "al-", name).split()
    head = _HEAD_SPELLINGS.get(words[0].casefold())
    if head is not None:
        words[0] = head.capitalize()
    for spelling, usual in _WORD_SPELLINGS.items():
        words = [re.sub(rf"(?<=al-){spelling}$", usual, w) for w in words]
    return " ".join(words)


def arabic_names(text: str, start: int = 0) -> list[tuple[int, int, bool]]:
    """Character ranges of the armed-group names of an Arabic shape in ``text``, each
    with whether it names a place there ("Jaysh al-Islam Street")."""
    found = []
    for match in ARABIC_NAME.finditer(text, start):
        name_words = match["name"].split()
        if match["head"] in _ARTICLE_FIRST and not re.match(_ARTICLE, match["name"]):
            continue
        kept = _trim(name_words)
        if len(kept) > 1 and _NEXT_NAME.match(text, match.end()):
            kept = kept[:-1]  # "Jaish al-Islam al-Nusra Front": the last word opens the next
        if not kept:
            continue
        end = match.start("name") + _extent(text[match.start("name") :], kept)
        place = bool(
            _PLACE_AFTER.match(text, end)
            or _PLACE_BEFORE.search(text, max(0, match.start() - 30), match.start())
        )
        found.append((match.start(), end, place))
    return found


# An Arabic article word right after a name: the name goes on ("Fateh al-Sham Front",
# "Fatah al-Intifada"); only joined or "al"/"el" forms, as "as", "at", "an" are English.
# (One optional hyphen between two runs of space would backtrack on a long run of space.)
_ARTICLE_AFTER = re.compile(r"\s*(?:-\s*)?(?:(?:[Aa]l|[Ee]l)[-\s]|[Aa](?:sh|th|dh|[sndtrz])-)[A-Z]")


def within_longer_name(
    text: str, span: tuple[int, int], names: list[tuple[int, int, bool]], next_known: bool
) -> bool:
    """Whether the name at ``text[first:last]`` only opens or sits inside a longer,
    different one: "Fateh" of "Jaysh Al Fateh" (``names``, from ``arabic_names``),
    "Fateh" of "the Fateh al-Sham Front". A short alias never stands for a longer name;
    a known name right after it (``next_known``) is a list that lost its comma ("the
    Syrian branch of al-Qaeda al-Nusra Front")."""
    first, last = span
    if not next_known and _ARTICLE_AFTER.match(text, last):
        return True
    return any(a <= first and last <= b and b - a > last - first for a, b, _ in names)


def _trim(words: list[str]) -> list[str]:
    """The name's words up to the first that ends it ("Jaysh al-Islam Terrorist")."""
    kept = []
    for word in words:
        if word.casefold() in _NOT_NAME or re.fullmatch(_HEAD, word):
            break
        kept.append(word)
    return kept


def _extent(text: str, words: list[str]) -> int:
    """Characters of ``text`` the first ``words`` take (spaces may differ)."""
    at = 0
    for word in words:
        at = text.index(word, at) + len(word)
    return at


def english_formation(name: str, before: str) -> bool:
    """Whether an organisation's name reads as a non-state armed formation: it ends in
    a formation noun ("the Sultan Murad Brigade") or opens "Brigade(s) of X", is no
    numbered or state unit, and what comes before does not make it the army's."""
    words = name.split()
    if len(words) < 2:
        return False
    head = words[-1].casefold()
    of_shape = words[0].casefold() in ENGLISH_HEADS and words[1].casefold() == "of"
    if head not in ENGLISH_HEADS and not of_shape:
        return False
    if _ORDINAL.search(name) or _STATE_OWNER_BEFORE.search(before[-25:]):
        return False
    return not any(w.casefold() in ("syrian", "syria", "arab", "army") for w in words)
