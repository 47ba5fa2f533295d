"""A light reading of articles in a language crosswire does not parse (French for now).

The understanding stages read English only. An article in another language is
still evidence: a French report of the air strikes on Hodeidah is one more
independent source. Without a parser this module reads only what word lists
can find, sentence by sentence:

- places: capitalised names resolved in the gazetteer (``crosswire.geo``),
  kept inside the countries the article names (or its dateline's);
- dates: weekday names (the latest such day on or before the article's
  date), "yesterday", and day-month dates;
- figures: a number (digits, number words, "at least N", "some sixty") before
  a noun; people and casualties are counted in the pipeline's English words
  ("sailor killed"), so claims compare them with English figures;
- events: the most specific cue of the sentence types it (an air strike
  before an attack); its place is the sentence's first town, else the
  article's most named one; its toll the sentence's count of dead; negation,
  conditional and threats are flagged. A pluperfect outside reported speech
  ("a ship had been hit on Tuesday") tells background, as does a sentence
  naming no figure and no place.

Roles are not read, so the events have no actors; fusion reads that as
"unknown" and joins them to the events parsed articles report when type,
date and place agree.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from crosswire.events import ontology as on
from crosswire.events.drafts import HISTORY_DAYS
from crosswire.geo import place_from_candidate, resolve_toponyms
from crosswire.geo.resolve import Toponym
from crosswire.merging import with_mentions
from crosswire.model import (
    Analysis,
    Article,
    DateMention,
    Event,
    Figure,
    Mention,
    Modality,
    Place,
    SourceSpan,
)
from crosswire.text import sentence_spans, word_set


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The words one language needs; patterns are matched case-insensitively."""

    weekdays: tuple[str, ...]  # Monday first
    months: tuple[str, ...]  # January first
    yesterday: str
    numbers: dict[str, int]
    at_least: str  # pattern before a number
    approximate: dict[str, int]  # "une soixantaine" -> 60
    vague: dict[str, tuple[int, bool]]  # "des dizaines" -> (12, vague)
    people: dict[str, str]  # noun -> English noun the claims stage knows
    killed: str  # pattern
    wounded: str
    cues: tuple[tuple[str, str], ...]  # (sub-event type, pattern), most specific first
    reporting: str
    pluperfect: str
    negation: str
    hypothetical: str
    threat: str
    stopwords: frozenset[str]  # capitalised words that are no names


FRENCH = Lexicon(
    weekdays=("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    months=(
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ),
    yesterday=r"hier",
    numbers={
        "un": 1,
        "une": 1,
        "deux": 2,
        "trois": 3,
        "quatre": 4,
        "cinq": 5,
        "six": 6,
        "sept": 7,
        "huit": 8,
        "neuf": 9,
        "dix": 10,
        "onze": 11,
        "douze": 12,
        "treize": 13,
        "quatorze": 14,
        "quinze": 15,
        "seize": 16,
        "vingt": 20,
        "trente": 30,
        "quarante": 40,
        "cinquante": 50,
        "soixante": 60,
        "cent": 100,
    },
    at_least=r"au moins|plus de|pas moins de",
    approximate={
        "une dizaine": 10,
        "une quinzaine": 15,
        "une vingtaine": 20,
        "une trentaine": 30,
        "une quarantaine": 40,
        "une cinquantaine": 50,
        "une soixantaine": 60,
        "une centaine": 100,
    },
    vague={"des dizaines": (12, True), "des centaines": (100, True), "plusieurs": (3, True)},
    people={
        "personnes": "people",
        "personne": "person",
        "morts": "people",
        "victimes": "victims",
        "civils": "civilians",
        "civil": "civilian",
        "soldats": "soldiers",
        "soldat": "soldier",
        "militaires": "soldiers",
        "policiers": "police officers",
        "policier": "police officer",
        "combattants": "fighters",
        "rebelles": "rebels",
        "manifestants": "protesters",
        "manifestant": "protester",
        "marins": "sailors",
        "marin": "sailor",
        "dockers": "dock workers",
        "docker": "dock worker",
        "enfants": "children",
        "enfant": "child",
        "femmes": "women",
        "familles": "families",
        "habitants": "residents",
    },
    killed=r"\b(?:tu[ée]e?s?|morts?|décédée?s?|abattue?s?)\b",
    wounded=r"\b(?:blessée?s?)\b",
    cues=(
        (on.SUICIDE_BOMB, r"\battentats?[- ]suicides?\b|\bkamikazes?\b"),
        (
            on.AIR_STRIKE,
            r"\bfrappes? a[ée]riennes?\b|\braids? a[ée]riens?\b|\bdrones?\b"
            r"|\bbombardements? a[ée]riens?\b|\bavions? de (?:combat|chasse)\b",
        ),
        (
            on.SHELLING,
            r"\bobus\b|\bbombardements?\b|\bbombardée?s?\b|\bpilonnée?s?\b"
            r"|\btirs? d['’]artillerie\b|\broquettes?\b|\bmissiles?\b",
        ),
        (on.REMOTE_EXPLOSIVE, r"\bengins? explosifs?\b|\bvoitures? piégées?\b|\bmines?\b"),
        (on.ARMED_CLASH, r"\baffrontements?\b|\bcombats\b|\baccrochages?\b"),
        (on.PEACEFUL_PROTEST, r"\bmanifestations?\b|\bmanifestants?\b|\brassemblements?\b"),
        (on.ARRESTS, r"\barrêtée?s?\b|\binterpellée?s?\b|\barrestations?\b"),
        (on.AGREEMENT, r"\btrêve\b|\bcessez-le-feu\b"),
        (on.ATTACK, r"\battaques?\b|\battaquée?s?\b|\bassassinée?s?\b"),
    ),
    reporting=r"\bselon\b|\ba (?:déclaré|affirmé|indiqué|annoncé|précisé)\b|\baffirme\b|\bdit\b",
    pluperfect=r"\b(?:avait|avaient|étaient|était)\s+(?:été\s+)?\w+(?:é|ée|és|ées|i|is|u|us)\b",
    negation=r"\bn['’e]\s*\w+\s+(?:pas|jamais|plus)\b|\baucune?\b",
    hypothetical=r"\b\w+(?:rait|raient)\b",
    threat=r"\bmenac\w*|\bpromis de\b|\bpromettent de\b",
    stopwords=word_set(
        """le la les un une des du de au aux et ou mais ce cette ces il elle ils elles on
        selon parmi pour par sur dans avec sans lors après avant depuis contre entre
        monsieur madame"""
    ),
)

LEXICONS: dict[str, Lexicon] = {"fr": FRENCH}

_NAME = re.compile(r"(?<![\w’'])[A-ZÀ-ÖØ-Þ][\w’'-]*(?:\s+[A-ZÀ-ÖØ-Þ][\w’'-]*)*")
_DATELINE = re.compile(r"^\s*[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’ -]+(?:\s*\([^)]*\))?\s*[—–-]{1,2}\s")


def reads(article: Article) -> bool:
    """Whether this module reads the article's language."""
    return bool(article.text) and article.language in LEXICONS


def read_article(article: Article) -> Analysis:
    """Places, dates, figures and events of an article in a language of ``LEXICONS``."""
    lexicon = LEXICONS[article.language or ""]
    text = article.text
    published = _day(article.published)
    places = _places(article, lexicon)
    dateline = _DATELINE.match(text)
    dateline_end = dateline.end() if dateline else 0
    named = Counter(p.id for start, p in places if start >= dateline_end and _town(p))
    by_id = {p.id: p for _s, p in places}
    focus = by_id[named.most_common(1)[0][0]] if named else None
    fallback = focus or next((p for s, p in places if s < dateline_end), None)
    dates: list[DateMention] = []
    figures: list[Figure] = []
    events: list[Event] = []
    for start, end in sentence_spans(text):
        sentence = text[start:end]
        found_dates = list(_dates(article, lexicon, start, sentence, published))
        found_figures = list(_figures(article, lexicon, start, sentence))
        dates.extend(found_dates)
        figures.extend(found_figures)
        label = _label(lexicon, sentence)
        if label is None:
            continue
        own = [p for s, p in places if start <= s < end and s >= dateline_end and _town(p)]
        events.append(
            _event(
                article,
                lexicon,
                label,
                (start, end),
                own[0] if own else fallback,
                bool(own),
                found_dates[0] if found_dates else None,
                found_figures,
            )
        )
    return Analysis(
        article=article.id,
        places=tuple(with_mentions(_as_pairs(places))),
        dates=tuple(dates),
        figures=tuple(figures),
        events=tuple(events),
    )


def _day(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _town(place: Place) -> bool:
    return place.feature not in ("country", "continent", "region", "sea")


def _as_pairs(places: list[tuple[int, Place]]) -> Iterator[tuple[Place, Mention]]:
    for _start, place in places:
        yield place, place.mentions[0]


# --------------------------------------------------------------------------
# Places


def _places(article: Article, lexicon: Lexicon) -> list[tuple[int, Place]]:
    """Capitalised names the gazetteer knows, inside the countries the article names."""
    text = article.text
    spans = []
    sentence_starts = {s for s, _e in sentence_spans(text)}
    for match in _NAME.finditer(text):
        name = match.group()
        first = name.split()[0]
        if first.casefold() in lexicon.stopwords or first.casefold() in lexicon.weekdays:
            continue
        if match.start() in sentence_starts and " " not in name and not name.isupper():
            continue  # any word starts a sentence with a capital
        spans.append((match.start(), match.end(), name))
    toponyms = [Toponym(start=s, end=e, text=n, query=n) for s, e, n in spans]
    resolved = [
        (toponym, resolution.candidate)
        for toponym, resolution in zip(toponyms, resolve_toponyms(toponyms), strict=True)
        if resolution.candidate is not None
    ]
    countries = {c.country for _t, c in resolved if c.feature == "country"}
    dateline = _DATELINE.match(text)
    if dateline:
        countries |= {c.country for t, c in resolved if t.start < dateline.end()}
    return [
        (
            toponym.start,
            place_from_candidate(
                candidate,
                Mention(
                    article=article.id, start=toponym.start, end=toponym.end, text=toponym.text
                ),
            ),
        )
        for toponym, candidate in resolved
        if candidate.country in countries or not countries
    ]


# --------------------------------------------------------------------------
# Dates


def _dates(
    article: Article, lexicon: Lexicon, offset: int, sentence: str, published: date | None
) -> Iterator[DateMention]:
    if published is None:
        return
    weekdays = "|".join(lexicon.weekdays)
    for match in re.finditer(rf"\b(?:{weekdays})\b", sentence, re.I):
        weekday = lexicon.weekdays.index(match.group().casefold())
        back = (published.weekday() - weekday) % 7
        yield _date_mention(article, offset, match, published - timedelta(days=back))
    for match in re.finditer(rf"\b(?:{lexicon.yesterday})\b", sentence, re.I):
        yield _date_mention(article, offset, match, published - timedelta(days=1))
    months = "|".join(lexicon.months)
    for match in re.finditer(
        rf"\b(\d{{1,2}})(?:er)?\s+({months})(?:\s+(\d{{4}}))?\b", sentence, re.I
    ):
        year = int(match.group(3)) if match.group(3) else published.year
        try:
            day = date(
                year, lexicon.months.index(match.group(2).casefold()) + 1, int(match.group(1))
            )
        except ValueError:
            continue
        yield _date_mention(article, offset, match, day)


def _date_mention(article: Article, offset: int, match: re.Match[str], day: date) -> DateMention:
    start = offset + match.start()
    return DateMention(
        mention=Mention(
            article=article.id, start=start, end=start + len(match.group()), text=match.group()
        ),
        start_date=day.isoformat(),
        end_date=day.isoformat(),
        precision="day",
    )


# --------------------------------------------------------------------------
# Figures


def _figures(article: Article, lexicon: Lexicon, offset: int, sentence: str) -> Iterator[Figure]:
    """Numbers that count people, with what happened to them in English words."""
    numbers = "|".join(sorted(lexicon.numbers, key=len, reverse=True))
    approximate = "|".join(sorted(lexicon.approximate, key=len, reverse=True))
    vague = "|".join(sorted(lexicon.vague, key=len, reverse=True))
    pattern = re.compile(
        rf"(?:(?P<least>{lexicon.at_least})\s+)?"
        rf"(?P<amount>\d[\d\s.,]*\d|\d|{approximate}|{vague}|{numbers})"
        rf"\s+(?:de\s+|d['’])?(?P<noun>[\w-]+)",
        re.I,
    )
    for match in pattern.finditer(sentence):
        noun = match.group("noun").casefold()
        english = lexicon.people.get(noun)
        if english is None:
            continue
        clause = re.split(r"[;:]", sentence[match.end() :], maxsplit=1)[0]
        outcome = "killed" if noun == "morts" or re.search(lexicon.killed, clause, re.I) else None
        if outcome is None and re.search(lexicon.wounded, clause, re.I):
            outcome = "wounded"
        amount = match.group("amount").casefold()
        value, vague_word = _amount(lexicon, amount)
        if value is None or (value == 1 and outcome is None):
            continue  # "un responsable du port" counts no one
        start = offset + match.start()
        at_least = match.group("least") is not None or vague_word
        yield Figure(
            mention=Mention(
                article=article.id, start=start, end=offset + match.end(), text=match.group()
            ),
            value=value,
            low=value,
            high=None if at_least else value,
            unit="people",
            counted=" ".join(w for w in (english, outcome) if w),
            vague=vague_word,
            outlet=article.outlet,
        )


def _amount(lexicon: Lexicon, amount: str) -> tuple[float | None, bool]:
    if amount in lexicon.numbers:
        return float(lexicon.numbers[amount]), False
    if amount in lexicon.approximate:
        return float(lexicon.approximate[amount]), False
    if amount in lexicon.vague:
        value, vague = lexicon.vague[amount]
        return float(value), vague
    digits = re.sub(r"[\s.,]", "", amount)
    return (float(digits), False) if digits.isdigit() else (None, False)


# --------------------------------------------------------------------------
# Events


def _label(lexicon: Lexicon, sentence: str) -> str | None:
    for label, pattern in lexicon.cues:
        if re.search(pattern, sentence, re.I):
            return label
    if re.search(lexicon.killed, sentence, re.I):
        return on.ATTACK  # "were killed" alone: someone died, not how
    return None


def _event(
    article: Article,
    lexicon: Lexicon,
    label: str,
    span: tuple[int, int],
    place: Place | None,
    place_named: bool,
    when: DateMention | None,
    figures: Iterable[Figure],
) -> Event:
    text = article.text[span[0] : span[1]].rstrip()
    dead = [f for f in figures if f.counted and f.counted.endswith("killed")]
    toll = min(dead, key=lambda f: f.value or 0) if dead else None
    if label == on.PEACEFUL_PROTEST and toll is not None:
        label = on.EXCESSIVE_FORCE
    day = when.start_date if when else article.published
    published = _day(article.published)
    history = bool(
        when is not None
        and published is not None
        and date.fromisoformat(when.end_date) < published - timedelta(days=HISTORY_DAYS)
    )
    passing = bool(
        re.search(lexicon.pluperfect, text, re.I) and not re.search(lexicon.reporting, text, re.I)
    )
    return Event(
        event_type=on.event_type_of(label),
        sub_event_type=label,
        place=place.id if place is not None else None,
        date_start=day,
        date_end=when.end_date if when else article.published,
        date_precision="day" if when or article.published_precision == "day" else None,
        date_text=when.mention.text if when else None,
        fatalities=int(toll.value) if toll and toll.value is not None else None,
        fatalities_low=int(toll.low) if toll and toll.low is not None else None,
        fatalities_high=int(toll.high) if toll and toll.high is not None else None,
        fatalities_text=toll.mention.text if toll else None,
        modality=_modality(lexicon, text),
        cameo=on.SUB_EVENT_TYPES[label].cameo,
        sources=(
            SourceSpan(article=article.id, start=span[0], end=span[0] + len(text), text=text),
        ),
        background=history or passing or not (dead or place_named),
    )


def _modality(lexicon: Lexicon, text: str) -> Modality:
    if re.search(lexicon.negation, text, re.I):
        return "negated"
    if re.search(lexicon.threat, text, re.I):
        return "threatened"
    if re.search(lexicon.hypothetical, text, re.I):
        return "hypothetical"
    return "asserted"
