"""Why the HTML extractor left a block of a page out of the article body.

Every text block the extractor does not keep is recorded with a reason code
(the text contract's list, plus ``boilerplate``) and a score, so that the
cleaning can be audited. The reason comes from two kinds of evidence:

* where the block sat: what the nearest of its element and that element's
  ancestors to say anything says by its tag, class, id, role or aria-label
  (``<nav>``, ``class="comment-respond"``, ``role="complementary"``); and the
  names of the inline elements inside it (``<span class="author">``);
* what it says: a label or a phrase furniture is written in ("Skip to
  content", "WATCH:", "© 2026 ...", "Leave a Reply", "Posted by ...").

A specific place (a comment list, a share bar, a caption) outranks the words,
except that the words may name a closer kind of the same family ("Leave a
Reply" in a comment section is the reply form). A generic place (navigation,
a sidebar, a footer) is refined by the words. Inline names come next, then the
generic place, then ``boilerplate``.

Everything here is cheap: it runs for every left-out block of every page.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

BOILERPLATE = "boilerplate"
DUPLICATE = "duplicate"


@dataclass(frozen=True, slots=True)
class Signal:
    """What an element's tag or names say about the text inside it."""

    reason: str
    score: float
    specific: bool  # names one kind of furniture, not just a region of the page


# How sure each kind of evidence is that the reason is right.
_NAMED = 0.9  # a class, id, role or label names the function
_TAG = 0.8  # only the tag does (<nav>, <aside>, <figcaption>)
_WORDS = 0.85  # the block's own words
_AGREE = 0.95  # place and words say the same
_INLINE = 0.75  # an inline element's names
_BOILERPLATE = 0.6
DUPLICATE_SCORE = 0.9

# Reasons that only say which region of the page held the block.
_GENERIC = frozenset({"site_chrome", "sidebar"})
_FAMILY = {
    **dict.fromkeys(("comments", "reply_form", "pingbacks"), "discussion"),
    **dict.fromkeys(("caption", "photo_credit", "video_prompt"), "media"),
    **dict.fromkeys(("share_prompt", "social_prompt", "newsletter_prompt"), "prompt"),
    **dict.fromkeys(("byline", "updated_stamp", "source_stamp", "age_banner"), "stamp"),
    **dict.fromkeys(("copyright", "disclaimer", "site_chrome", "sidebar", "empty_widget"), "page"),
}


def _words(*words: str) -> str:
    """Words that must stand alone in a name list ("nav", not "canvas")."""
    return rf"(?:^|[\s_\-])(?:{'|'.join(words)})(?:$|[\s_\-])"


# By element names (class, id, role and aria-label; itemprop on inline elements), most
# specific first: "comment-reply-link" is a comment, "comment-respond" the reply form. Each
# name is matched on its own, in lower case and without digits ("menu-item-1234").
_NAME_SIGNALS: tuple[tuple[str, re.Pattern[str], bool], ...] = tuple(
    (reason, re.compile(pattern), reason not in _GENERIC)
    for reason, pattern in (
        ("pingbacks", r"pingback|trackback"),
        ("reply_form", r"respond|reply-?title|comment-?form|reply-?form|leave-?a?-?reply"),
        ("comments", r"comment|disqus|discussion|" + _words("replies", "reply")),
        ("share_prompt", r"share|sharing|addtoany"),
        ("social_prompt", r"social|follow-?us|" + _words("follow")),
        ("newsletter_prompt", r"newsletter|subscri|sign-?up|mailing-?list|optin|opt-in"),
        (
            "related",
            r"related|recommend|more-?stories|more-?from|read-?more|read-?next|teaser|trending"
            r"|popular|most-?read|outbrain|taboola|recirc|further-?reading|also-?read",
        ),
        ("inserted_ad", r"advert|sponsor|promo|dfp|gpt-ad|" + _words("ads?", "ad-?slot")),
        ("video_prompt", r"video|youtube|player|" + _words("watch")),
        ("copyright", r"copyright|" + _words("legal")),
        # Not the site's credits in its footer ("footer-credits", "site-credit").
        ("photo_credit", r"(?<!footer)(?<!footer[-_])(?<!site[-_])credit"),
        ("caption", r"caption"),
        ("byline", r"byline|author|contributor|writer|reporter"),
        (
            "updated_stamp",
            r"timestamp|updated|pubdate|posted-?on|"
            + _words("date", "time", "published", "entry-date", "post-date"),
        ),
        ("age_banner", r"age-?warning|age-?banner|old-?article|outdated"),
        ("disclaimer", r"disclaimer"),
        ("sidebar", r"sidebar|widget|complementary|" + _words("aside", "rail", "secondary")),
        (
            "site_chrome",
            r"nav(?:bar|igation|-|_|\s|$)|menu|breadcrumb|skip|masthead|header|topbar|top-bar"
            r"|site-?title|site-?description|logo|brand|ticker|breaking|toolbar|pagination"
            r"|pager|cookie|consent|gdpr|footer|contentinfo|search|login|"
            + _words("tags?", "banner"),
        ),
    )
)
_NAMED_SIGNALS = tuple(Signal(reason, _NAMED, specific) for reason, _p, specific in _NAME_SIGNALS)
# Whether any of them matches: most names (ids, layout classes) name no furniture at all.
_ANY_NAME_SIGNAL = re.compile("|".join(p.pattern for _r, p, _s in _NAME_SIGNALS))
_DIGITS = re.compile(r"\d+")  # "comment-41", "menu-item-1234": numbers tell nothing
_TAG_SIGNALS = {
    tag: Signal(reason, _TAG, reason not in _GENERIC)
    for tag, reason in (
        ("nav", "site_chrome"),
        ("header", "site_chrome"),
        ("footer", "site_chrome"),
        ("aside", "sidebar"),
        ("figcaption", "caption"),
        ("figure", "caption"),
        ("address", "byline"),
        ("time", "updated_stamp"),
    )
}

# By the block's words, in lower case: a label or phrase at its start ...
_MONTH_OR_DAY = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)"
_NETWORK = r"(?:facebook|twitter|x|whatsapp|e-?mail|linkedin|telegram|reddit|instagram|youtube)"
_LABEL = r"\s*(?::|\||–|—|-\s)"
_OPENINGS = re.compile(
    r"[\s\-–—•*·▪►|>]*+(?:"
    rf"(?P<photo_credit>(?:(?:file\s+)?(?:photo(?:graph)?|image|picture|illustration|graphic)s?"
    rf"(?:\s+credit)?|credits?){_LABEL}|(?:photo|image)s?\s*©)"
    rf"|(?P<copyright>©|\(c\)\s*(?:19|20)\d\d|copyright\b|all\s+rights\s+reserved)"
    r"|(?P<age_banner>this\s+(?:article|story|content|page|piece)\s+is\s+(?:more|over|older)\s+than\b)"
    rf"|(?P<video_prompt>(?:watch|video|play){_LABEL}|watch\s+(?:the\s+)?(?:video|live|now)\b"
    r"|play\s+video\b)"
    r"|(?P<related>(?:related(?:\s+(?:stories|articles|content|coverage|news|reading|posts?))?"
    r"|read\s+(?:also|more|next)|also\s+read|see\s+also|more\s+on\s+this(?:\s+story)?"
    r"|recommended(?:\s+for\s+you)?|you\s+(?:may|might)\s+(?:also\s+)?like|further\s+reading"
    rf"|most\s+(?:read|popular|viewed))(?:{_LABEL}|\s*$))"
    r"|(?P<byline>(?:posted|written|published|reported|words|story)\s+by\s+\S)"
    r"|(?P<by>by\s*:?\s+\S)"  # a byline when a capitalised name follows (_BY_NAME)
    rf"|(?P<updated_stamp>(?:last\s+)?(?:updated|modified|published|posted)(?:\s+on)?\s*:?\s+"
    rf"(?=\d|{_MONTH_OR_DAY}|yesterday|today)|\d+\s+(?:minutes?|hours?|days?)\s+ago\s*$)"
    r"|(?P<source_stamp>source\s*:|(?:reporting|editing|additional\s+reporting)\s+by\b"
    r"|this\s+(?:story|article|report|post)\s+(?:was\s+)?(?:first|originally)\s+"
    r"(?:published|appeared)|(?:first|originally)\s+(?:published|appeared)\s+(?:in|on|by|at)\b"
    r"|republished\s+(?:from|with)\b)"
    rf"|(?P<share_prompt>share(?:\s+(?:this|the|on|via|article|story|post|page|it))*"
    rf"\s*(?::|$|\s+{_NETWORK}\b)|(?:tweet|e-?mail|print)\s+this\b|copy\s+link\b)"
    rf"|(?P<social_prompt>(?:follow|like|join)\s+(?:\S+\s+){{1,4}}?on\s+{_NETWORK}\b"
    r"|follow\s+us\b)"
    r"|(?P<newsletter_prompt>(?:sign\s+up|subscribe)\b|get\s+(?:our|the)\s+newsletter\b)"
    r"|(?P<reply_form>leave\s+a\s+(?:reply|comment)|post\s+(?:a\s+)?comment\b|add\s+a\s+comment"
    r"|your\s+email\s+address\s+will\s+not\s+be\s+published|required\s+fields\s+are\s+marked"
    r"|cancel\s+reply)"
    r"|(?P<pingbacks>(?:pingback|trackback)s?\b)"
    r"|(?P<comments>(?:\d+|one|two|three|four|five)\s+(?:comments?|thoughts?|responses?|replies)\b"
    r"|(?:show|view|read|load|see)\s+(?:all\s+)?(?:\d+\s+)?comments\b|comments?\s*(?:\(\d+\))?\s*$)"
    r"|(?P<empty_widget>(?:no\s+(?:archives|categories|posts|tags|items|entries|results|events)"
    r"(?:\s+(?:to\s+show|found|yet|available))?|nothing\s+(?:found|to\s+show))\s*[.!]?\s*$)"
    r"|(?P<inserted_ad>(?:advertisement|sponsored(?:\s+content)?|paid\s+(?:content|post)"
    r"|promoted(?:\s+content)?|partner\s+content)(?:\s*$|\s*[:|]))"
    r"|(?P<disclaimer>disclaimer\s*:|the\s+(?:views|opinions)\s+expressed\b)"
    r"|(?P<site_chrome>skip\s+to\b|jump\s+to\s+(?:main\s+)?content|(?:back\s+)?to\s+(?:the\s+)?top\b"
    r"|powered\s+by\b|breaking(?:\s+news)?\s*[:|])"
    r")"
)
# "By Jane Roe", not "By the end of the day".
_BY_NAME = re.compile(r"[\s\-–—•*·▪►|>]*+[Bb][Yy]\s*:?\s+[A-Z\u00c0-\u00de]")
# ... or a phrase anywhere in a short block.
_PHRASES = re.compile(
    r"(?P<newsletter_prompt>\bin\s+your\s+inbox\b|\bnewsletter\b|\bsubscribe\b|\bsign\s+up\b)"
    r"|(?P<copyright>\ball\s+rights\s+reserved\b|©\s*(?:19|20)\d\d)"
    r"|(?P<source_stamp>\b(?:first|originally)\s+(?:published|appeared)\s+(?:in|on|by|at)\b)"
    r"|(?P<reply_form>\brequired\s+fields\s+are\s+marked\b|\bwill\s+not\s+be\s+published\b)"
    r"|(?P<disclaimer>\b(?:views|opinions)\s+expressed\b|\bdo\s+not\s+(?:necessarily\s+)?reflect\b)"
)
# Words one of the phrases needs: most blocks have none, and looking for them is cheap.
_PHRASE_HINTS = ("inbox", "newsletter", "subscribe", "sign", "rights", "©", "first", "originally",
                 "required", "published", "expressed", "reflect")  # fmt: skip
_SHORT_WORDS = 30  # a block longer than this is only read at its start
_BYLINE_WORDS = 15  # "By ..." opening a longer block is a sentence, not a byline


def element_signal(tag: str, names: str) -> Signal | None:
    """What an element says about its text: by its names first, then by its tag."""
    if names:
        signal = _names_signal(names)
        if signal is not None:
            return signal
    return _TAG_SIGNALS.get(tag)


@lru_cache(maxsize=8192)
def _names_signal(names: str) -> Signal | None:
    """The most specific signal among the names."""
    # Class lists repeat within a page; single names ("menu-item", "widget") across sites.
    ranks = (_name_rank(_DIGITS.sub("", name)) for name in names.lower().split())
    rank = min(ranks, default=len(_NAME_SIGNALS))
    return _NAMED_SIGNALS[rank] if rank < len(_NAMED_SIGNALS) else None


@lru_cache(maxsize=8192)
def _name_rank(name: str) -> int:
    """The index of the first pattern that a (lower-case) name matches; past the end if none."""
    if _ANY_NAME_SIGNAL.search(name) is None:
        return len(_NAME_SIGNALS)
    return next(i for i, (_r, pattern, _s) in enumerate(_NAME_SIGNALS) if pattern.search(name))


def words_reason(text: str) -> str | None:
    """The furniture kind the block's own words name, if any."""
    low = text.lower()
    words = len(low.split(None, _SHORT_WORDS))
    match = _OPENINGS.match(low)
    if match is not None and match.lastgroup:
        reason = match.lastgroup
        if reason not in ("byline", "by"):
            return reason
        if words <= _BYLINE_WORDS and (reason == "byline" or _BY_NAME.match(text)):
            return "byline"
    if words <= _SHORT_WORDS and _has_hint(low):
        found = _PHRASES.search(low)
        if found is not None and found.lastgroup:
            return found.lastgroup
    return None


def _has_hint(low: str) -> bool:
    # A plain loop: faster than any() over a generator, and this runs for every block.
    for hint in _PHRASE_HINTS:  # noqa: SIM110
        if hint in low:
            return True
    return False


def classify(text: str, place: Signal | None, inline: Iterable[Signal | None]) -> tuple[str, float]:
    """The reason code and score for a discarded block.

    ``inline`` holds the signals of the inline elements in the block, read only
    when neither a specific place nor the words decide.
    """
    said = words_reason(text)
    if place is not None and place.specific:
        if said == place.reason:
            return said, _AGREE
        if said is not None and _FAMILY.get(said) == _FAMILY.get(place.reason):
            return said, _WORDS
        return place.reason, place.score
    if said is not None:
        return said, _AGREE if place is not None and place.reason == said else _WORDS
    found = next((signal for signal in inline if signal is not None and signal.specific), None)
    if found is not None:
        return found.reason, _INLINE
    if place is not None:
        return place.reason, place.score
    return BOILERPLATE, _BOILERPLATE
