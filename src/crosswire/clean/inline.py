"""Page furniture run into the prose of one paragraph, cut out by span.

Text scraped to plain text often loses its line breaks: a tag list, a share
bar with its counters, a "Related" list of headlines or the site's footer then
sits inside the paragraph, glued to a sentence with no punctuation between
them, where the paragraph and sentence scores of ``furniture`` cannot see it.
Each rule here finds one class of such runs by a strong signal and cuts only
the run, never the sentence it is glued to:

- ``head_clock``: a clock time after the date heading a text ("... 2014 at
  1459", "... 2016 14:28", "... 2013 1849 UTC+3") and an "(updated ...)" stamp;
  the date stays for the ``metadata`` stage;
- ``share_bar``: two or more share or counter buttons in a row ("Print Tweet
  Views 120", "Get short URL 0 35"), with the counters that follow them;
- ``tag_list`` and ``related_list``: a "Tags" or "Related" label and the
  keywords or headlines under it, up to where a sentence plainly starts (an
  opener such as "At least", "Two", "The", or a capitalised word before the
  first function word); uncertain ends are left alone;
- ``footer_tail``: from such a label to the end of the paragraph when the rest
  carries two or more distinct footer phrases (copyright, "Comment via",
  "Privacy Policy" ...): the page's foot;
- ``agency_tail``: an agency credit glued after the last full stop ("...
  siege.-AFP");
- ``bracket_prompt``: an image widget's prompt in brackets ("[Click to enlarge]");
- ``credit_teaser``: a photo credit and the teaser headline under it, between a
  full stop and a dateline ("... said. AP Photo NAME Headline CITY (Wire) ...");
- ``desk_initials``: editors' initials closing the text ("... said. R.J/ H. Roe").

Precision comes first: a rule that cannot find where its run ends cuts nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from crosswire.model import RemovedBlock

_FLAGS = re.IGNORECASE | re.UNICODE


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


# English month and weekday names; clean.furniture adds other languages' to them.
MONTH_EN = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
WEEKDAY_EN = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?"
_MONTH = rf"(?:{MONTH_EN})\.?"
_WEEKDAY = WEEKDAY_EN
_HEAD_DATE = (
    rf"(?:(?:published|posted|updated|last\s+updated)(?:\s+(?:on|at))?:?\s+)?"
    rf"(?:{_WEEKDAY},?\s+)?"
    rf"(?:\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}|{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}"
    r"|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2})"
)
# A clock needs a mark that it is one ("at", a colon, a time zone): a bare four-digit
# number after a date may be a count ("... 2019 3000 families fled").
_TZ = r"(?:utc|gmt)(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?"
_CLOCK = (
    rf"(?:at\s+)?\d{{1,2}}:\d{{2}}(?::\d{{2}})?(?:\s*[ap]\.?m\.?)?(?:\s*{_TZ})?"
    rf"|at\s+(?:[01]\d|2[0-3])[0-5]\d(?:\s*{_TZ})?"
    rf"|(?:[01]\d|2[0-3])[0-5]\d\s*{_TZ}"
)
_HEAD_CLOCK = re.compile(
    rf"^{_HEAD_DATE}\s*(?P<cut>(?:{_CLOCK})|\(\s*updated\b[^()]{{1,40}}\))(?=\s|$|[A-Z])",
    _FLAGS,
)

# Share and counter buttons, matched with their capital as the page shows them.
_BUTTONS = _wordset(
    "Print Tweet Share Shares Email E-mail Like Likes Follow Comment Comments Views Reads "
    "Facebook Twitter WhatsApp Telegram LinkedIn Reddit Pinterest Messenger Pin"
)
_NETWORKS = _wordset("Facebook Twitter WhatsApp Telegram LinkedIn Reddit Pinterest")
_SHORT_URL = re.compile(r"(?<![a-z])Get\s+short\s+URL\b")
_NUMBER = re.compile(r"^\(?\d[\d,.]*\)?$")

_TAG_LABEL = re.compile(r"^(?:Tags?|TAGS?|Keywords|Topics)\s*:?$")
_RELATED_LABEL = re.compile(
    r"\b(?-i:Related)(?:\s+(?:News|Stories|Articles|Coverage|Content|Posts))?\s*:?(?=\s+[A-Z])"
)
# Phrases of a page's foot; two distinct ones after a label mark the rest as the foot.
_FOOTER = re.compile(
    r"copyright|©|all\s+rights\s+reserved|privacy\s+policy|terms\s+of\s+(?:use|service)|"
    r"cookie\s+policy|comment\s+via|community\s+standards|follow\s+us|subscribe|contact\s+us|"
    r"about\s+us|we\s+won'?t\s+spam|newsletter",
    _FLAGS,
)
_FOOTER_REACH = 250  # words from a label to the end that a page's foot may span
_AGENCY_TAIL = re.compile(
    r"(?<=[.!?\"”’])\s*[-–—]\s*(?:AFP|Reuters|REUTERS|AP|Xinhua|XINHUA|SANA|DPA|dpa|Anadolu|"
    r"ANADOLU|TASS|UPI|NNA|Agencies|AGENCIES)\s*$"
)

# A photo credit run into the text with the teaser headline under it, between a full stop
# and a dateline ("... said. AP Photo Jane Roe Storm Hits Coast MOSCOW (Wire) The ..."):
# it opens with an agency's name and holds no full stop.
_CREDIT_TEASER = re.compile(
    r"(?<=[.!?\"”])\s+(?P<cut>(?:AP|AFP|Reuters|REUTERS|EPA|Getty|Sputnik|Xinhua|Anadolu|DPA)"
    r"\b[^.!?]{1,240}?)\s+(?=[A-Z]{3,}(?:[\s-][A-Z]{3,})?,?\s+\([A-Z][\w .-]{1,25}\)\s)"
)
# A desk's initials closing the text: "... the sources said. R.J/ H. Roe", "... said. KLMB".
_DESK_INITIALS = re.compile(
    r"(?<=[.!?\"”])\s+(?P<cut>(?:[A-Z][\w.\- ]{0,20}/\s?)+[A-Z][\w.\- ]{0,20}|[A-Z]{4,8})\s*$"
)
# An image widget's prompt in brackets: "[Click to enlarge]", "(Tap to expand image)".
_BRACKET_PROMPT = re.compile(
    r"[\[(]\s*(?:click|tap)\s+(?:here\s+)?to\s+(?:enlarge|expand|zoom|view\s+(?:larger|full))"
    r"[^\])]{0,20}[\])]",
    _FLAGS,
)
# Words that open a sentence and seldom stand in a tag list or a headline list.
_OPENERS = _wordset(
    """a an the at in on after as more nearly some about around over dozens hundreds scores
    thousands several two three four five six seven eight nine ten eleven twelve thirteen
    fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty
    seventy eighty ninety one"""
)
# Function words: running prose has them, keyword and headline lists seldom do.
_FUNCTION = _wordset(
    """a an the of in on at to from by with for as and or but that which who when while were
    was is are has have had been be will would said says after before into during"""
)
# How far a label's list may run before a sentence must have started.
_TAG_REACH = 25
_RELATED_REACH = 80
# Words after a head stamp that make it glued to the text rather than a paragraph of its own.
_GLUED_WORDS = 8
# A sentence that starts after a list runs on with prose for at least this many words.
_PROSE_RUN = 12


@dataclass(frozen=True, slots=True)
class Cut:
    """A furniture span of a paragraph: character offsets, reason code, rule, score."""

    start: int
    end: int
    reason: str
    rule: str
    score: float


def _tokens(text: str) -> list[re.Match[str]]:
    return list(re.finditer(r"\S+", text))


def _bare(token: str) -> str:
    return token.strip("\"“”‘’'()[],.;:!?")


def _capitalised(token: str) -> bool:
    bare = _bare(token)
    return bool(bare) and bare[0].isupper()


def _is_function(token: str) -> bool:
    return _bare(token).casefold() in _FUNCTION


def _prose_follows(tokens: list[re.Match[str]], start: int) -> bool:
    """Words from ``start`` read as a sentence: function words within the next few."""
    window = [t.group() for t in tokens[start : start + _PROSE_RUN]]
    return len(window) >= 4 and sum(_is_function(w) for w in window) >= 2


def _sentence_start(
    tokens: list[re.Match[str]], first: int, reach: int, *, openers_only: bool = False
) -> int | None:
    """Index of the token where a sentence starts after a list beginning at ``first``.

    An opener ("At least", "Two", "The") followed by prose; failing that, the
    capitalised word before the first function word, over the lower-case words
    between them ("Government air raids in ..."); headline lists hold function
    words, so under ``openers_only`` only openers count. None when no end is plain.
    """
    last = min(len(tokens), first + reach)
    for k in range(first, last):
        word = tokens[k].group()
        if tokens[k - 1].group().endswith((".", "?", "!")) and _capitalised(word) and k > first:
            return k if _prose_follows(tokens, k) else None
        if _bare(word).casefold() in _OPENERS and _capitalised(word) and _prose_follows(tokens, k):
            return k
        if _is_function(word) and not _capitalised(word) and not openers_only:
            back = k - 1
            while back >= first and not _capitalised(tokens[back].group()):
                back -= 1
            if back < first or _verb_before(tokens, back, first):
                return None
            while back > first and _opens_phrase(tokens[back - 1].group()):
                back -= 1  # "Fifty nine US ...", "Suspected Syrian ...": the sentence's first words
            return back if _prose_follows(tokens, back) else None
    return None


def _opens_phrase(token: str) -> bool:
    """An opener, or a capitalised participle ("Suspected", "Renewed"): a keyword list
    seldom holds one, a sentence often starts with one. When unsure, the word is kept."""
    bare = _bare(token)
    participle = bare[:1].isupper() and bare.isalpha() and bare.endswith(("ed", "ing"))
    return bare.casefold() in _OPENERS or (participle and len(bare) > 4)


def _verb_before(tokens: list[re.Match[str]], index: int, first: int) -> bool:
    """A lower-case past form just before: "warplanes bombed Kurdish positions in" shows
    the sentence started earlier than the capitalised word, so its start is unclear."""
    if index <= first:
        return False
    word = _bare(tokens[index - 1].group())
    return word.islower() and word.endswith("ed")


def _footer_tail(text: str, start: int) -> bool:
    """The rest of the paragraph from ``start`` is a page's foot."""
    rest = text[start:]
    if len(rest.split()) > _FOOTER_REACH:
        return False
    found = {re.sub(r"\W+", " ", m.group().casefold()) for m in _FOOTER.finditer(rest)}
    return len(found) >= 2


def _head_clock(text: str) -> list[Cut]:
    match = _HEAD_CLOCK.match(text)
    if match is None or len(text[match.end() :].split()) < _GLUED_WORDS:
        return []  # a stamp standing alone is the paragraph scorer's
    return [Cut(match.start("cut"), match.end("cut"), "updated_stamp", "head_clock", 0.85)]


def _share_bars(text: str, tokens: list[re.Match[str]]) -> list[Cut]:
    cuts = [
        Cut(m.start(), _counters(text, tokens, m.end()), "share_prompt", "share_bar", 0.85)
        for m in _SHORT_URL.finditer(text)
    ]
    k = 0
    while k < len(tokens):
        end = k
        while end < len(tokens) and _bare(tokens[end].group()) in _BUTTONS:
            end += 1
        if end - k >= 2:  # most words are no button: skip them without building lists
            run = [_bare(t.group()) for t in tokens[k:end]]
            verbs = [w for w in run if w not in _NETWORKS]
            if len(run) >= 3 or verbs:
                stop = _counters(text, tokens, tokens[end - 1].end())
                cuts.append(Cut(tokens[k].start(), stop, "share_prompt", "share_bar", 0.85))
        k = max(end, k + 1)
    return cuts


def _counters(text: str, tokens: list[re.Match[str]], offset: int) -> int:
    """The end of the counters after a button: numbers, but not the one opening a
    sentence ("Views 120 At least ..." takes 120; "... URL 35 people died" keeps 35)."""
    after = [t for t in tokens if t.start() >= offset]
    k = 0
    while k < len(after) and _NUMBER.match(after[k].group()):
        k += 1
    if k and k < len(after) and not _capitalised(after[k].group()):
        k -= 1
    return after[k - 1].end() if k else offset


def _labelled_lists(text: str, tokens: list[re.Match[str]]) -> list[Cut]:
    cuts = []
    for k, token in enumerate(tokens):
        if _TAG_LABEL.match(token.group()):
            rule, reason, reach = "tag_list", "sidebar", _TAG_REACH
        elif _RELATED_LABEL.match(text, token.start()) and token.group().startswith("Related"):
            rule, reason, reach = "related_list", "related", _RELATED_REACH
        else:
            continue
        if k + 1 >= len(tokens) or _is_function(tokens[k + 1].group()):
            continue  # "Related to the ..." opens a sentence
        if _footer_tail(text, token.start()):
            cuts.append(Cut(token.start(), len(text), "site_chrome", "footer_tail", 0.9))
            break
        if k > 0 and not _after_break(tokens[k - 1].group()):
            continue  # "the Tags" or "Related" inside a sentence
        first = k + 1 + (token.group() == "Related" and tokens[k + 1].group() == "News")
        start = _sentence_start(tokens, first + 1, reach, openers_only=rule == "related_list")
        if start is not None:
            cuts.append(Cut(token.start(), tokens[start - 1].end(), reason, rule, 0.8))
    return cuts


def _after_break(previous: str) -> bool:
    """A label follows the end of a sentence, a number (a counter) or a headline's word."""
    return previous.endswith((".", "!", "?", '"', "”", ")")) or bool(
        _NUMBER.match(previous) or _capitalised(previous) or previous in ("...", "…")
    )


def _agency_tail(text: str) -> list[Cut]:
    match = _AGENCY_TAIL.search(text)
    if match is None:
        return []
    return [Cut(match.start(), match.end(), "source_stamp", "agency_tail", 0.85)]


def _credits(text: str) -> list[Cut]:
    cuts = [
        Cut(m.start("cut"), m.end("cut"), "photo_credit", "credit_teaser", 0.8)
        for m in _CREDIT_TEASER.finditer(text)
        if len(m.group("cut").split()) <= _RELATED_REACH // 2
    ]
    desk = _DESK_INITIALS.search(text)
    if desk is not None and len(desk.group("cut").split()) <= 6:
        cuts.append(Cut(desk.start("cut"), desk.end("cut"), "source_stamp", "desk_initials", 0.8))
    return cuts


def _bracket_prompts(text: str) -> list[Cut]:
    return [
        Cut(m.start(), m.end(), "site_chrome", "bracket_prompt", 0.85)
        for m in _BRACKET_PROMPT.finditer(text)
    ]


def find_cuts(paragraph: str) -> list[Cut]:
    """Furniture runs inside one paragraph, in order, without overlaps."""
    tokens = _tokens(paragraph)
    found = [
        *_head_clock(paragraph),
        *_share_bars(paragraph, tokens),
        *_labelled_lists(paragraph, tokens),
        *_agency_tail(paragraph),
        *_bracket_prompts(paragraph),
        *_credits(paragraph),
    ]
    merged: list[Cut] = []
    for cut in sorted(found, key=lambda c: (c.start, -c.end)):
        if merged and cut.start < merged[-1].end:
            last = merged[-1]
            if cut.end > last.end:
                merged[-1] = Cut(last.start, cut.end, last.reason, last.rule, last.score)
            continue
        merged.append(cut)
    return merged


def cut_inline(paragraph: str) -> tuple[str, list[RemovedBlock]]:
    """The paragraph without its inline furniture runs, and the runs as removed blocks."""
    cuts = find_cuts(paragraph)
    if not cuts:
        return paragraph, []
    kept: list[str] = []
    removed: list[RemovedBlock] = []
    position = 0
    for cut in cuts:
        kept.append(paragraph[position : cut.start])
        removed.append(
            RemovedBlock(
                text=paragraph[cut.start : cut.end].strip(), reason=cut.reason, score=cut.score
            )
        )
        position = cut.end
    kept.append(paragraph[position:])
    text = " ".join(part.strip() for part in kept if part.strip())
    return text, removed
