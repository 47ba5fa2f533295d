"""Outlet names: from a URL's domain, and tidying names found in text.

The domain table holds only general knowledge: the big wires and
broadcasters whose domain does not spell their usual name. Everything else
is read from the domain itself ("the-levant-monitor.com" -> "The Levant
Monitor"), splitting run-together labels ("levantmonitor") on words common
in outlet names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from urllib.parse import urlsplit


def words(text: str) -> frozenset[str]:
    """A word list written as one white-space separated string."""
    return frozenset(text.split())


KNOWN_DOMAINS: dict[str, str] = {
    "reuters.com": "Reuters",
    "apnews.com": "AP",
    "ap.org": "AP",
    "afp.com": "AFP",
    "aljazeera.com": "Al Jazeera",
    "aljazeera.net": "Al Jazeera",
    "bbc.co.uk": "BBC",
    "bbc.com": "BBC",
    "cnn.com": "CNN",
    "nytimes.com": "The New York Times",
    "washingtonpost.com": "The Washington Post",
    "theguardian.com": "The Guardian",
    "ft.com": "Financial Times",
    "wsj.com": "The Wall Street Journal",
    "bloomberg.com": "Bloomberg",
    "france24.com": "France 24",
    "dw.com": "DW",
    "alarabiya.net": "Al Arabiya",
    "aa.com.tr": "Anadolu Agency",
    "middleeasteye.net": "Middle East Eye",
    "reliefweb.int": "ReliefWeb",
    "npr.org": "NPR",
    "xinhuanet.com": "Xinhua",
    "tass.com": "TASS",
    # State and regional broadcasters and agencies that report on the Middle East.
    "sana.sy": "SANA",
    "sputniknews.com": "Sputnik",
    "rt.com": "RT",
    "trtworld.com": "TRT World",
    "presstv.ir": "Press TV",
    "irna.ir": "IRNA",
    "farsnews.ir": "Fars News Agency",
    "aawsat.com": "Asharq Al-Awsat",
    "almayadeen.net": "Al Mayadeen",
    "almanar.com.lb": "Al-Manar",
    "enabbaladi.net": "Enab Baladi",
    "alalam.ir": "Al-Alam",
    "dailysabah.com": "Daily Sabah",
}

# Other spellings of the names above, as they appear in bylines and datelines.
_ALIASES: dict[str, str] = {
    "associated press": "AP",
    "the associated press": "AP",
    "agence france-presse": "AFP",
    "agence france presse": "AFP",
    "reuters": "Reuters",
    "thomson reuters": "Reuters",
    "al-jazeera": "Al Jazeera",
    "al jazeera english": "Al Jazeera",
    "bbc news": "BBC",
    "xinhua news agency": "Xinhua",
    "syrian arab news agency": "SANA",
    "sputnik news": "Sputnik",
    "russia today": "RT",
    "al-mayadeen": "Al Mayadeen",
    "al manar": "Al-Manar",
    "al alam": "Al-Alam",
    "anadolu": "Anadolu Agency",
}

# Words that make a phrase read as an outlet, not a person or a job.
OUTLET_WORDS = words(
    """
    news newswire wire monitor times post herald tribune journal gazette press observer
    chronicle express star sun mail standard today online network radio tv television
    media agency report review bulletin dispatch courier weekly daily magazine
    broadcasting broadcast corporation channel service services telegraph guardian
    independent insider digest record register globe world voice sentinel leader mirror
    examiner inquirer info newsroom desk bureau pulse briefing brief
    """
)

# Outlet words that are never a surname ("Emily Post" and "Ann Star" are people).
INSTITUTION_WORDS = words(
    """
    news newswire wire monitor times herald tribune journal gazette press agency media
    network radio tv television broadcasting corporation newsroom desk bureau online magazine
    """
)

# Words for splitting run-together domain labels; outlet words plus the
# words news names are usually built from.
_SEGMENT_WORDS = OUTLET_WORDS | words(
    """
    the of and al el new east west north south middle central gulf coast coastline levant
    arab arabia africa african asia asian europe european america american global
    international national regional local city free daily evening morning sunday first
    front line frontline field open public people peoples voice eye watch watcher point
    view times now live hub net line wire24 border river sea red blue green horn sahel
    nile valley capital metro republic union update updates story stories source today
    """
)

_CORPORATE_SUFFIX = re.compile(
    r"[,\s]+(?:Ltd|Limited|Inc|LLC|PLC|plc|Corp|Corporation|GmbH|S\.A|SA|AG)\.?$"
)
_SUBDOMAINS = frozenset({"www", "m", "mobile", "amp", "news", "en", "english", "edition"})
# Reserved for documentation and testing (RFC 2606): no outlet lives there.
_RESERVED = frozenset({"example", "localhost", "test", "invalid"})
_MAX_NAME_WORDS = 8
_ARTICLES = frozenset({"the", "le", "la", "les", "el", "al"})
_LOWER_WORDS = frozenset({"of", "and", "the", "for"})
_PARTICLES = frozenset({"al", "el", "of"})
_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "gov", "ac", "edu", "or", "ne", "gob"})


def canonical(name: str) -> str:
    """A found outlet name, trimmed, with the wires' other spellings mapped to one."""
    name = re.sub(r"\s+", " ", name).strip(" .,;:-–—|")
    name = _CORPORATE_SUFFIX.sub("", name).strip()
    return _ALIASES.get(name.casefold(), name)


def is_known_outlet(name: str) -> bool:
    folded = canonical(name).casefold()
    return folded in _ALIASES or any(v.casefold() == folded for v in KNOWN_DOMAINS.values())


def looks_like_outlet(phrase: str) -> bool:
    """A capitalised phrase that names a news organisation rather than a person."""
    phrase = re.sub(r"^the\s+", "", phrase.strip())
    words = re.findall(r"[\w'’]+", phrase)
    if not words or not phrase[:1].isupper():
        return False
    if is_known_outlet(phrase):
        return True
    if any(w.casefold() in OUTLET_WORDS for w in words):
        return True
    # A bare acronym (AFP, IRIN, SANA) is an agency; a person's name never is.
    return len(words) == 1 and words[0].isupper() and 2 <= len(words[0]) <= 6


def registrable_domain(url_or_host: str) -> str:
    """The host without subdomains like www., and its public suffix kept: "bbc.co.uk"."""
    host = urlsplit(url_or_host).hostname if "//" in url_or_host else url_or_host
    labels = [label for label in (host or "").lower().strip(".").split(".") if label]
    size = 3 if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL else 2
    # A two-letter region under a government suffix ("city.sc.gov.br") is not the name.
    if size == 3 and len(labels) > 3 and len(labels[-3]) <= 2 and labels[-4] not in _SUBDOMAINS:
        size += 1
    return ".".join(labels[-size:])


def outlet_from_url(url: str, known_phrases: Iterable[str] = ()) -> str | None:
    """A readable outlet name from a URL's domain.

    ``known_phrases`` are capitalised phrases from the article itself: when
    one spells the domain's label ("Levant Monitor" for levantmonitor), it
    gives the spacing and capitals; otherwise the label is split on common
    outlet-name words.
    """
    domain = registrable_domain(url)
    if not domain:
        return None
    if domain in KNOWN_DOMAINS:
        return KNOWN_DOMAINS[domain]
    label = domain.split(".")[0]
    if label in _SUBDOMAINS or label in _RESERVED or not re.search(r"[a-z]", label):
        return None
    compact = _compact(label)
    spelled = _spelled_in(compact, known_phrases)
    if spelled:
        return canonical(spelled)
    if len(compact) <= 4 and "-" not in label:
        return compact.upper()
    words = [w for w in re.split(r"[-_]+", label) if w]
    pieces = [piece for word in words for piece in _segment(word)]
    return " ".join(_capitalise(piece, first=i == 0) for i, piece in enumerate(pieces))


def is_domain(text: str) -> bool:
    """ "redseadispatch.example", "www.bbc.co.uk": a host name, not a name to show."""
    return (
        bool(re.fullmatch(r"(?:[a-z0-9-]+\.)+[a-z]{2,}", text.strip().lower())) and " " not in text
    )


def _compact(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.casefold())


def _spelled_in(compact: str, texts: Iterable[str]) -> str | None:
    """The capitalised run of words in ``texts`` that spells ``compact``, a leading
    article allowed: "The Northern Chronicle" and "Le Courrier du Levant" spell
    northernchronicle and courrierdulevant."""
    for text in texts:
        if compact not in _compact(text):
            continue
        words = [w.strip(".,;:!?()[]“”\"'‘’©") for w in text.split()]
        for start, end in _runs(len(words), _MAX_NAME_WORDS):
            run = words[start:end]
            if not (run[0][:1].isupper() and run[-1][:1].isupper()):
                continue
            bare = run[1:] if run[0].casefold() in _ARTICLES else run
            if compact in (_compact(" ".join(run)), _compact(" ".join(bare))):
                return " ".join(run)
    return None


def _runs(length: int, longest: int) -> Iterator[tuple[int, int]]:
    for start in range(length):
        for end in range(start + 1, min(length, start + longest) + 1):
            yield start, end


def _capitalise(piece: str, *, first: bool) -> str:
    if piece in _LOWER_WORDS and not first:
        return piece
    if len(piece) <= 2 and piece not in _PARTICLES:
        return piece.upper()  # tv -> TV
    return piece.title()


@lru_cache(maxsize=1024)
def _segment(word: str) -> tuple[str, ...]:
    """Split a run-together label into known words, allowing one unknown stretch.

    Dynamic programming over split points, minimising first the letters left
    in an unknown stretch, then the number of pieces: "dailysabah" -> ("daily",
    "sabah"), "levantmonitor" -> ("levant", "monitor").
    """
    n = len(word)
    # best[i]: (unknown letters, pieces count, unknown stretches, pieces) for word[:i]
    best: list[tuple[int, int, int, tuple[str, ...]] | None] = [None] * (n + 1)
    best[0] = (0, 0, 0, ())
    for end in range(1, n + 1):
        for start in range(max(0, end - 20), end):
            previous = best[start]
            if previous is None:
                continue
            unknown_letters, count, stretches, pieces = previous
            piece = word[start:end]
            # A plural only ends the label ("hauranvoices", not "dailys abah"); two-letter
            # particles (al, of, tv) never end it ("israel" is not "isra el").
            plural = end == n and piece[-1] == "s" and piece[:-1] in _SEGMENT_WORDS
            known = piece in _SEGMENT_WORDS or plural
            if known and (len(piece) > 2 or (len(piece) == 2 and end < n)):
                candidate = (unknown_letters, count + 1, stretches, (*pieces, piece))
            elif len(piece) >= 3 and stretches == 0:
                candidate = (unknown_letters + len(piece), count + 1, 1, (*pieces, piece))
            else:
                continue
            current = best[end]
            if current is None or candidate[:2] < current[:2]:
                best[end] = candidate
    result = best[n]
    return result[3] if result is not None else (word,)
