"""Direct quotes and reported speech, with who says it and the verb that says so.

``find_quotes`` returns one ``Quote`` per quoted passage:

* Direct quotes are text between double quotes (straight, curly, guillemets,
  or ``...'' pairs) or single quotes used as quotation marks. A quote split by its
  attribution ("We will not retreat," he said, "whatever the cost.") gives
  one record per part, both with the same speaker. A quote that runs over
  several paragraphs (an unclosed quote followed by a paragraph opening with
  a quote mark) keeps its speaker in each paragraph. The mention covers the
  quoted words, without the marks and without a trailing comma.
* The attribution of a direct quote is the nearest speech verb outside any
  quote in the quote's sentences ("said", "told", "added", "according to"
  ...); its subject is the speaker, or the subject of the verb a subjectless
  cue hangs on ("..., adding that"). A quote standing on its own continues the
  speaker of the previous quote in its paragraph. A quote with no attribution
  is kept only when it has at least four words, so scare quotes and titles
  are left out.
* The cue is the attributing word as written, lowercased ("said", "told",
  "adding", "estimates"), or "according to".
* Indirect attributions are speech verbs with a reported clause ("X said
  that ...", "X said the ...", "... , X said.") and "according to X"; the
  mention covers the reported clause.
* A speaker is kept as written, minus appositions and relative clauses
  ("Ahmed Ali, a local official," gives "Ahmed Ali"). "he" and "she" become
  the closest preceding person's name when only one person is named in the
  pronoun's paragraph and the one before it (or, failing any, in the whole
  text up to the pronoun); "Alan Wood", "Alan" and "Mr Wood" are one person,
  named by the fullest form. "it" and "they" become the last named speaker of
  that paragraph or the one before. Otherwise the speaker is None. The author
  of a document stands for it: "according to a tally kept by the Hauran
  Documentation Centre" gives the centre.

``find_attributions`` exposes the same analysis for other extractors, and
``speaker_at`` answers who states what is at an offset: the quote or reported
clause holding it, else an attribution in its sentence (only source verbs such
as "said", "reported", "estimated", "put the toll at" count there, not
"accused" or "urged"), else one in the previous sentence of the same
paragraph.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from crosswire.model import Mention, Quote
from crosswire.nlp import doc_text, per_doc, token_columns

__all__ = ["Attribution", "find_attributions", "find_quotes", "speaker_at"]


def _words(text: str) -> frozenset[str]:
    """A vocabulary written as one space-separated block."""
    return frozenset(text.split())


# Lemmas of verbs that attribute words or figures to someone.
CUE_LEMMAS = _words(
    """
    say tell add claim warn deny insist state announce report confirm note explain argue
    allege assert stress acknowledge admit declare estimate write tweet post reply
    respond answer ask urge vow pledge promise threaten describe call suggest predict
    maintain contend reiterate emphasise emphasize observe comment mention recount
    recall testify affirm concede charge counter complain lament accuse brand dub term
    label show indicate count record document put quote cite continue conclude speak
    """
)
# Verbs that attribute only a direct quote ("called it 'a massacre'", '"...," he continued').
_QUOTE_ONLY_CUES = frozenset({"call", "describe", "brand", "dub", "term", "label", "continue"})
# "put" attributes only a count: "the ministry put the toll at 45".
_PUT_OBJECTS = frozenset({"toll", "figure", "number", "count", "total", "estimate", "casualty"})
_MAX_CUE_GAP = 12  # tokens between a quote and a cue outside its parse
_SHORT_QUOTE_HOPS = 3  # "described the attack as 'a massacre'": massacre > as > attack > described
# "HODEIDAH, Yemen (Coastline Wire) - " opening a paragraph is no part of what is reported.
_DATELINE = re.compile(r"[A-Z][A-Z'’.\- ]{2,}(?:,[^\n]{0,60}?)?\s[-–—]{1,2}\s")
_SO_CALLED = re.compile(r"\bso[- ]called\s*$", re.IGNORECASE)
_PRONOUNS = frozenset({"he", "she"})
_GROUP_PRONOUNS = frozenset({"it", "they"})
# Cues that make their subject the source of a whole sentence even without a
# reported clause ("the group recorded 12 deaths"); "accused them of ..." does not.
_SOURCE_CUES = _words(
    """
    say tell claim report announce state confirm estimate count record document put show
    indicate note add speak allege insist write tweet post explain stress acknowledge admit
    declare testify affirm cite quote recount mention comment maintain contend reiterate
    argue assert emphasise emphasize
    """
)
# Documents whose author is the source: "according to a tally kept by X".
_DOCUMENTS = _words(
    "statement report tally count figure data estimate record survey study assessment "
    "analysis review list database release communique bulletin update advisory briefing"
)
_NAMED_TYPES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
_DROPPED_DEPS = frozenset({"appos", "relcl", "acl", "advcl", "parataxis"})
_QUOTE_CHARS = "\"“”«»„‘’'"
_DOUBLE_MARK = re.compile(r"``|''|[“«„\"”»]")  # what may open or close a double quote
_SINGLE_OPENING = re.compile("[‘']")
_SINGLE_CLOSING = re.compile("[’']")
_MIN_UNATTRIBUTED_WORDS = 4


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who says something in a sentence, and what they say when it can be bounded.

    ``start``/``end`` bound the attributed content (None when the cue carries no
    clause, as in "the ministry put the toll at 45"); ``sentence_start`` and
    ``sentence_end`` bound the sentence it scopes over.
    """

    speaker: str | None
    cue: str
    start: int | None
    end: int | None
    sentence_start: int
    sentence_end: int
    direct: bool


@dataclass(frozen=True, slots=True)
class _Segment:
    open: int  # offset of the opening mark's last character
    close: int  # offset of the closing mark, or the paragraph's end when unclosed
    closed: bool
    paragraph: int  # offset where the paragraph starts


@dataclass(frozen=True, slots=True)
class _Cue:
    token: Token  # the verb, or "according"
    speaker: str | None
    cue: str


# ---------------------------------------------------------------------------
# Quote marks


def _paragraphs(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]


def _double_segments(text: str, start: int, end: int) -> list[_Segment]:
    """Double-quoted passages. ``open`` is the last character of the opening mark
    ("``" and "''" count as marks). A quote that opens while another is open
    starts anew: the first one ran on past a paragraph break the text lost."""
    segments: list[_Segment] = []
    opened: int | None = None
    for mark in _DOUBLE_MARK.finditer(text, start, end):
        index, pair = mark.start(), mark.group()
        after = text[index + 1] if index + 1 < end else " "
        starts_word = (index == start or text[index - 1].isspace()) and not after.isspace()
        mark_end = mark.end() - 1
        opening = pair == "``" or pair in '“«„"'
        closing = pair == "''" or pair in '”»"'
        if opening and (opened is None or starts_word):
            if opened is not None:
                segments.append(_Segment(open=opened, close=index, closed=False, paragraph=start))
            opened = mark_end
        elif closing and opened is not None:
            segments.append(_Segment(open=opened, close=index, closed=True, paragraph=start))
            opened = None
    if opened is not None:
        segments.append(_Segment(open=opened, close=end, closed=False, paragraph=start))
    return segments


def _positions(marks: re.Pattern[str], text: str, start: int, end: int) -> list[int]:
    return [m.start() for m in marks.finditer(text, start, end)]


def _single_segments(text: str, start: int, end: int, taken: list[_Segment]) -> list[_Segment]:
    """Single quotes used as quotation marks, told apart from apostrophes."""

    def inside_double(index: int) -> bool:
        return any(s.open <= index <= s.close for s in taken)

    def doubled(i: int) -> bool:  # "''" stands for a double quote mark
        return text[i - 1 : i] == "'" or text[i + 1 : i + 2] == "'"

    openers = [
        i
        for i in _positions(_SINGLE_OPENING, text, start, end)
        if not doubled(i)
        and (i == start or text[i - 1] in ' ([—-"“')
        and i + 1 < end
        and text[i + 1].isalnum()
        and not inside_double(i)
    ]
    closers = [
        i
        for i in _positions(_SINGLE_CLOSING, text, start, end)
        if not doubled(i)
        and i > start
        and not text[i - 1].isspace()
        and (i + 1 == end or not text[i + 1].isalnum())
        and not inside_double(i)
    ]
    segments: list[_Segment] = []
    last_close = start - 1
    for opener in openers:
        if opener <= last_close:
            continue
        following = [c for c in closers if c > opener + 1]
        next_opener = next((o for o in openers if o > opener), end)
        before_next = [c for c in following if c < next_opener] or following
        # Prefer a mark after punctuation ("...,' he said"), then one that cannot
        # be a plural possessive ("the fighters' positions").
        punctuated = [c for c in before_next if text[c - 1] in ",.!?;:"]
        plain = [c for c in before_next if text[c - 1] != "s"]
        candidates = punctuated or plain
        if not candidates:
            continue
        close = candidates[0]
        if len(text[opener + 1 : close].split()) < 2:
            continue
        segments.append(_Segment(open=opener, close=close, closed=True, paragraph=start))
        last_close = close
    return segments


def _quote_segments(text: str) -> list[_Segment]:
    segments: list[_Segment] = []
    for start, end in _paragraphs(text):
        double = _double_segments(text, start, end)
        segments.extend(double)
        segments.extend(_single_segments(text, start, end, double))
    return sorted(segments, key=lambda s: s.open)


def _content_bounds(text: str, segment: _Segment) -> tuple[int, int]:
    start, end = segment.open + 1, segment.close
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return start, end


# ---------------------------------------------------------------------------
# Speakers


def _inside(index: int, segments: Sequence[_Segment]) -> bool:
    return any(s.open <= index <= s.close for s in segments)


def _phrase(head: Token) -> Span:
    """The noun phrase under ``head`` without appositions, clauses or edge punctuation."""
    kept = {t.i for t in head.subtree}
    for token in head.subtree:
        if token.i != head.i and token.dep_ in _DROPPED_DEPS:
            kept.difference_update(t.i for t in token.subtree)
    start = end = head.i
    while start - 1 in kept:
        start -= 1
    while end + 1 in kept:
        end += 1
    doc = head.doc

    def edge(token: Token) -> bool:
        return token.is_punct or token.is_space or token.text in _QUOTE_CHARS

    while start < end and edge(doc[start]):
        start += 1
    while end > start and edge(doc[end]):
        end -= 1
    return doc[start : end + 1]


def _named_phrase(head: Token) -> Span:
    """The phrase, or its apposition when only that one is a name ("the UN envoy,
    Geir Pedersen," gives "Geir Pedersen"), or the author of a document ("a
    tally kept by the Hauran Documentation Centre" gives the centre)."""
    phrase = _phrase(head)
    if head.ent_type_:
        return phrase
    for child in head.children:
        if child.dep_ == "appos" and child.ent_type_ in _NAMED_TYPES:
            return _phrase(child)
    if head.lemma_.lower() in _DOCUMENTS:
        for token in head.subtree:
            if (
                token.dep_ == "pobj"
                and token.head.lower_ in ("by", "from", "of")
                and (token.ent_type_ in _NAMED_TYPES or token.pos_ == "PROPN")
            ):
                return _phrase(token)
    return phrase


def _bare_phrase(tokens: Sequence[Token]) -> Span | None:
    """A run of tokens that names someone: has a noun, has no verb, ends on a name."""
    if not tokens or len(tokens) > 10:
        return None
    if any(t.pos_ in ("VERB", "AUX") for t in tokens):
        return None
    if tokens[-1].pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    doc = tokens[0].doc
    return doc[tokens[0].i : tokens[-1].i + 1]


def _stops(token: Token, segments: Sequence[_Segment]) -> bool:
    return (
        token.is_punct
        or "\n" in token.text
        or token.text in _QUOTE_CHARS
        or _inside(token.idx, segments)
    )


def _subject(verb: Token, segments: Sequence[_Segment]) -> Token | None:
    """The verb's subject, or that of the verb a subjectless cue hangs on:
    "Ali disagreed, saying ...", "the army said ..., adding that ..."."""
    holder = verb
    for _ in range(3):
        subjects = [
            c
            for c in holder.children
            if c.dep_ in ("nsubj", "nsubjpass", "expl") and not _inside(c.idx, segments)
        ]
        if subjects:
            return subjects[0]
        if holder.dep_ not in ("advcl", "xcomp", "conj") or holder.head.pos_ not in ("VERB", "AUX"):
            return None
        holder = holder.head
    return None


def _speaker_span(verb: Token, segments: Sequence[_Segment]) -> Span | None:
    doc = verb.doc
    sentence = _local_sentence(verb)
    # "..., the Syrian Observatory for Human Rights said.": the noun phrase between
    # the last comma and the verb, which the parser sometimes files elsewhere.
    before: list[Token] = []
    for token in reversed(sentence[: verb.i - sentence.start]):
        if _stops(token, segments):
            break
        before.insert(0, token)
    adjacent = _bare_phrase(before)
    subject = _subject(verb, segments)
    if subject is not None and not (adjacent is not None and subject.i < adjacent.start):
        if subject.dep_ != "nsubj":
            return None  # "it was reported that ...": nobody is named
        low, high = sorted((subject.i, verb.i))
        # A subject beyond a semicolon belongs to another clause: the parse slipped.
        if not any(t.text == ";" for t in doc[low:high]):
            return _named_phrase(subject)
    if adjacent is not None:
        return adjacent
    # '..." said Ahmed Ali, a local official.': only right after a quote or a comma,
    # and only a phrase that runs to a comma or the sentence's end.
    if before:
        return None
    after: list[Token] = []
    for token in sentence[verb.i - sentence.start + 1 :]:
        if _stops(token, segments):
            if token.text not in (",", ".", "!", "?", ";"):
                return None
            break
        after.append(token)
    return _bare_phrase(after)


_TITLES = _words("mr mrs ms miss dr prof gen col maj capt lt sgt sheikh president minister")


def _name_words(span: Span) -> frozenset[str]:
    return frozenset(t.lower_.rstrip(".") for t in span) - _TITLES


@dataclass(frozen=True, slots=True)
class _Person:
    """A PERSON entity, kept without its Doc (per-Doc results must not hold the Doc)."""

    start: int  # character offsets
    end: int
    tokens: int
    text: str
    words: frozenset[str]


@per_doc
def _persons(doc: Doc) -> tuple[_Person, ...]:
    """The people the Doc names, each with the words of the name."""
    return tuple(
        _Person(e.start_char, e.end_char, len(e), e.text, _name_words(e))
        for e in doc.ents
        if e.label_ == "PERSON"
    )


def _resolve_pronoun(pronoun: Token, paragraphs: list[tuple[int, int]]) -> str | None:
    """The closest preceding person, when only one person is in view. Names
    that share their words ("Alan Wood", "Alan", "Mr Wood") are one person."""
    people = [p for p in _persons(pronoun.doc) if p.end <= pronoun.idx]
    if not people:
        return None

    def fullest(person: _Person) -> _Person:
        return max((p for p in people if person.words <= p.words), key=lambda p: p.tokens)

    starts = [p[0] for p in paragraphs]
    here = max(0, bisect.bisect_right(starts, pronoun.idx) - 1)
    window_start = starts[max(0, here - 1)]
    for group in ([p for p in people if p.start >= window_start], people):
        named = {fullest(p).text for p in group}
        if len(named) == 1:
            return named.pop()
        if group:
            return None
    return None


def _speaker_text(span: Span | None, paragraphs: list[tuple[int, int]]) -> str | None:
    if span is None or not len(span):
        return None
    if len(span) == 1 and span[0].lower_ in _PRONOUNS:
        return _resolve_pronoun(span[0], paragraphs)
    if len(span) == 1 and span[0].pos_ == "PRON":
        return None
    return span.text


def _according_to(token: Token) -> Token | None:
    """The object of "according to", when ``token`` is "according"."""
    if token.lower_ != "according":
        return None
    for child in token.children:
        if child.lower_ == "to":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    return None


def _closing_cue(token: Token, segments: Sequence[_Segment]) -> tuple[int, int] | None:
    """ "..., the UN agency estimates." closing a sentence, even where the parser
    took the verb for a noun: the span reported is what comes before the comma."""
    sentence = _local_sentence(token)
    following = token.doc[token.i + 1] if token.i + 1 < sentence.end else None
    if following is not None and not (following.is_punct and following.text in ".!?"):
        return None
    before: list[Token] = []
    for candidate in reversed(sentence[: token.i - sentence.start]):
        if _stops(candidate, segments):
            break
        before.insert(0, candidate)
    if _bare_phrase(before) is None:
        return None
    comma = before[0].i - 1
    if comma <= sentence.start or token.doc[comma].text != ",":
        return None
    reported = [t for t in sentence[: comma - sentence.start] if not (t.is_punct or t.is_space)]
    if not reported:
        return None
    return reported[0].idx, reported[-1].idx + len(reported[-1].text)


def _cues(doc: Doc, segments: Sequence[_Segment], paragraphs: list[tuple[int, int]]) -> list[_Cue]:
    cues: list[_Cue] = []
    quoted = bytearray(len(doc_text(doc)) + 1)  # 1 where _inside(offset, segments)
    for segment in segments:
        quoted[segment.open : segment.close + 1] = b"\x01" * (segment.close + 1 - segment.open)
    columns = token_columns(doc)
    # Only "according" or a cue lemma can start a cue: skip the rest without a Token.
    for i, (lower, lemma, idx) in enumerate(
        zip(columns.lower, columns.lemma, columns.idx, strict=True)
    ):
        if quoted[idx] or (lower != "according" and lemma.lower() not in CUE_LEMMAS):
            continue
        token = doc[i]
        source = _according_to(token)
        if source is not None:
            speaker = _speaker_text(_named_phrase(source), paragraphs)
            cues.append(_Cue(token=token, speaker=speaker, cue="according to"))
        elif _is_cue(token, segments):
            span = _speaker_span(token, segments)
            speaker = _speaker_text(span, paragraphs)
            if speaker is None and span is not None and span.text.lower() in _GROUP_PRONOUNS:
                speaker = _previous_speaker(cues, token, paragraphs)
            cues.append(_Cue(token=token, speaker=speaker, cue=token.lower_))
    return cues


def _is_cue(token: Token, segments: Sequence[_Segment]) -> bool:
    lemma = token.lemma_.lower()
    if lemma not in CUE_LEMMAS:
        return False
    if lemma == "add" and any(c.dep_ == "dobj" for c in token.children):
        return False  # "adding days to voyages"
    if token.pos_ == "VERB":
        return token.dep_ != "amod"  # not "the so-called ..."
    return _closing_cue(token, segments) is not None


def _previous_speaker(
    cues: Sequence[_Cue], token: Token, paragraphs: list[tuple[int, int]]
) -> str | None:
    """ "It said", "they added": the last named speaker, in this paragraph or the one before."""
    starts = [p[0] for p in paragraphs]
    here = bisect.bisect_right(starts, token.idx) - 1
    for cue in reversed(cues):
        if bisect.bisect_right(starts, cue.token.idx) - 1 < here - 1:
            return None
        if cue.speaker is not None:
            return cue.speaker
    return None


# ---------------------------------------------------------------------------
# Attributions


@per_doc
def _line_breaks(doc: Doc) -> list[int]:
    """Indices of the tokens holding a paragraph break, in order."""
    return [i for i, text in enumerate(token_columns(doc).text) if "\n" in text]


def _local_sentence(token: Token) -> Span:
    """The token's sentence cut at paragraph breaks, which the parser may run across."""
    sentence = token.sent
    breaks = _line_breaks(token.doc)
    before = bisect.bisect_left(breaks, token.i)  # breaks[before - 1] < token.i
    start = max(sentence.start, breaks[before - 1] + 1) if before else sentence.start
    after = bisect.bisect_right(breaks, token.i)  # breaks[after] > token.i
    end = min(sentence.end, breaks[after]) if after < len(breaks) else sentence.end
    return token.doc[start:end]


def _sentence_bounds(doc: Doc, index: int) -> tuple[int, int]:
    span = doc.char_span(index, min(index + 1, len(doc_text(doc))), alignment_mode="expand")
    if span is None or not len(span):
        return index, index
    sentence = _local_sentence(span[0])
    return sentence.start_char, sentence.end_char


def _tokens_between(doc: Doc, start: int, end: int) -> Span:
    span = doc.char_span(start, max(start + 1, end), alignment_mode="expand")
    return span if span is not None else doc[0:0]


def _clause_subtree(verb: Token) -> set[int]:
    """The verb's subtree without clauses coordinated to it."""
    inside = {verb.i}
    for child in verb.children:
        if child.dep_ != "conj":
            inside.update(t.i for t in child.subtree)
    return inside


def _hops_to(token: Token, verb: Token) -> int | None:
    """Steps up the parse from ``token`` to ``verb``; None when another verb intervenes."""
    hops = 0
    while token.i != verb.i:
        if token.head.i == token.i or (hops and token.pos_ in ("VERB", "AUX")):
            return None
        token, hops = token.head, hops + 1
    return hops


def _governs(verb: Token, quoted: set[int], segment: _Segment, short: bool) -> bool:
    """Whether a cue attributes the quote: the quote sits in the cue's clause, or
    only a speaker's name and punctuation stand between them. A short quote
    ("a massacre") must hang close to its verb, or it is a scare quote."""
    if short:
        doc = verb.doc
        roots = [doc[i] for i in quoted if doc[i].head.i not in quoted]
        hops = [_hops_to(root, verb) for root in roots]
        return any(h is not None and h <= _SHORT_QUOTE_HOPS for h in hops)
    if quoted & _clause_subtree(verb):
        return True
    doc = verb.doc
    if verb.idx > segment.close:
        gap = _tokens_between(doc, segment.close + 1, verb.idx)
    else:
        gap = _tokens_between(doc, verb.idx + len(verb.text), segment.open)
    between = [t for t in gap if t.i != verb.i and t.i not in quoted]
    return len(between) <= _MAX_CUE_GAP and not any(t.pos_ in ("VERB", "AUX") for t in between)


def _cue_for_segment(doc: Doc, segment: _Segment, cues: list[_Cue]) -> _Cue | None:
    first = _sentence_bounds(doc, segment.open)
    last = _sentence_bounds(doc, max(segment.open, segment.close - 1))
    after = _sentence_bounds(doc, segment.close) if segment.closed else last
    # The cue sits in the quote's paragraph, or in a lead-in ending in a colon
    # ("He told reporters:") just before the quote.
    text = doc_text(doc)
    paragraph_end = text.find("\n", segment.paragraph)
    if paragraph_end < 0:
        paragraph_end = len(text)
    low = max(first[0], segment.paragraph)
    high = min(max(last[1], after[1]), paragraph_end)
    lead = text[:low].rstrip()
    if lead.endswith(":"):
        low = _sentence_bounds(doc, len(lead) - 1)[0]
    quoted = {
        t.i
        for t in _tokens_between(doc, segment.open, segment.close)
        if t.idx > segment.open and t.idx < segment.close
    }
    if not quoted:
        return None
    short = len(quoted) < _MIN_UNATTRIBUTED_WORDS
    if short and _SO_CALLED.search(text[max(0, segment.open - 12) : segment.open]):
        return None
    best: tuple[int, _Cue] | None = None
    for cue in cues:
        position = cue.token.idx
        if not low <= position < high or not _governs(cue.token, quoted, segment, short):
            continue
        distance = position - segment.close if position > segment.close else segment.open - position
        if best is None or distance < best[0]:
            best = (distance, cue)
    return best[1] if best else None


def _clause_bounds(head: Token, cue: Token) -> tuple[int, int] | None:
    """The reported clause under ``head``, inside the cue's sentence, without "that"."""
    sentence = _local_sentence(cue)
    tokens = [
        t
        for t in head.subtree
        if sentence.start <= t.i < sentence.end
        and t.i != cue.i
        and not t.is_space
        and (not t.is_punct or t.text in "%$")
    ]
    if tokens and tokens[0].dep_ == "mark" and tokens[0].lower_ in ("that", "whether", "if"):
        tokens = tokens[1:]
    if not tokens:
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    dateline = _DATELINE.match(doc_text(cue.doc), start, end)
    return (dateline.end(), end) if dateline else (start, end)


def _according_content(token: Token) -> tuple[int, int] | None:
    """The rest of the sentence around "according to X"."""
    sentence = _local_sentence(token)
    phrase = list(token.subtree)
    phrase_start, phrase_end = phrase[0].i, phrase[-1].i
    left = [t for t in sentence if t.i < phrase_start and not (t.is_punct or t.is_space)]
    right = [t for t in sentence if t.i > phrase_end and not (t.is_punct or t.is_space)]
    side = left if len(left) >= len(right) else right
    if not side:
        return None
    return side[0].idx, side[-1].idx + len(side[-1].text)


def _reported_clause(cue: _Cue, quoted: Sequence[tuple[int, int]]) -> tuple[int, int] | None:
    """What a cue reports, unless that is a direct quote already."""
    token = cue.token
    if cue.cue == "according to":
        clauses = [_according_content(token)]
    else:
        clauses = [_clause_bounds(c, token) for c in token.children if c.dep_ == "ccomp"]
        clauses.append(_closing_cue(token, ()))
    return next((c for c in clauses if c is not None and not _overlaps(*c, quoted)), None)


def _overlaps(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)


def _opens_sentence(text: str, segment: _Segment) -> bool:
    """A quote standing as its own sentence, which may continue an earlier speaker."""
    lead = text[segment.paragraph : segment.open]
    return not lead.strip() or re.search(r"[.!?][\"”’']?\s*$", lead) is not None


def _direct_quotes(
    doc: Doc, text: str, segments: list[_Segment], cues: list[_Cue]
) -> tuple[list[Attribution], set[int]]:
    """Quoted segments with their cue (or the previous segment's, when it runs on) and the
    token indices of the cues they used. Short unattributed quotes are skipped."""
    found: list[Attribution] = []
    used: set[int] = set()
    previous: tuple[_Segment, _Cue | None] | None = None
    for segment in segments:
        start, end = _content_bounds(text, segment)
        if start >= end:
            continue
        cue = _cue_for_segment(doc, segment, cues)
        if cue is None and previous is not None and _opens_sentence(text, segment):
            earlier, earlier_cue = previous
            same_paragraph = earlier.paragraph == segment.paragraph
            carried_over = not earlier.closed and segment.open == segment.paragraph
            if same_paragraph or carried_over:
                cue = earlier_cue
        previous = (segment, cue)
        if cue is None and len(text[start:end].split()) < _MIN_UNATTRIBUTED_WORDS:
            continue
        if cue is not None:
            used.add(cue.token.i)
        sentence = _sentence_bounds(doc, segment.open)
        found.append(
            Attribution(
                speaker=cue.speaker if cue else None,
                cue=cue.cue if cue else "",
                start=start,
                end=end,
                sentence_start=sentence[0],
                sentence_end=max(sentence[1], end),
                direct=True,
            )
        )
    return found, used


def _reported(cue: _Cue, direct_spans: list[tuple[int, int]]) -> Attribution | None:
    """A reported clause ("said that ...") or a bare source attribution for one unused cue."""
    clause = _reported_clause(cue, direct_spans)
    lemma = cue.token.lemma_.lower()
    if lemma in _QUOTE_ONLY_CUES or (clause is None and lemma not in _SOURCE_CUES):
        return None
    if lemma == "put" and not any(
        c.dep_ == "dobj" and c.lemma_.lower() in _PUT_OBJECTS for c in cue.token.children
    ):
        return None
    cue_sentence = _local_sentence(cue.token)
    return Attribution(
        speaker=cue.speaker,
        cue=cue.cue,
        start=clause[0] if clause else None,
        end=clause[1] if clause else None,
        sentence_start=cue_sentence.start_char,
        sentence_end=cue_sentence.end_char,
        direct=False,
    )


@per_doc
def find_attributions(doc: Doc) -> tuple[Attribution, ...]:
    """Direct quotes, reported clauses and bare attributions, in text order.

    Computed once per Doc: the figures and quotes stages share the result.
    """
    text = doc_text(doc)
    segments = _quote_segments(text)
    cues = _cues(doc, segments, _paragraphs(text))
    found, used = _direct_quotes(doc, text, segments, cues)
    direct_spans = [(a.start or 0, a.end or 0) for a in found]
    for cue in cues:
        if cue.token.i not in used and (reported := _reported(cue, direct_spans)):
            found.append(reported)
    return tuple(sorted(found, key=lambda a: (a.sentence_start, a.start or 0)))


def find_quotes(
    doc: Doc, article_id: str, attributions: Sequence[Attribution] | None = None
) -> list[Quote]:
    """Direct and indirect quotes in ``doc``; offsets refer to ``doc.text``.

    ``attributions`` defaults to ``find_attributions(doc)``.
    """
    found = find_attributions(doc) if attributions is None else attributions
    text = doc_text(doc)
    return [
        Quote(
            mention=Mention(
                article=article_id, start=a.start, end=a.end, text=text[a.start : a.end]
            ),
            speaker=a.speaker,
            cue=a.cue,
            direct=a.direct,
        )
        for a in found
        if a.start is not None and a.end is not None
    ]


def speaker_at(doc: Doc, attributions: Sequence[Attribution], position: int) -> str | None:
    """Who states what is at ``position``: the quote or clause holding it, else
    an attribution in its sentence, else one in the sentence before it in the
    same paragraph ("..., officials said. One sailor was killed.")."""
    holding = [
        a
        for a in attributions
        if a.start is not None and a.end is not None and a.start <= position < a.end
    ]
    if holding:
        return min(holding, key=lambda a: (a.end or 0) - (a.start or 0)).speaker
    sentence_start, _ = _sentence_bounds(doc, position)
    in_sentence = [a for a in attributions if a.sentence_start <= position < a.sentence_end]
    if in_sentence:
        return next((a.speaker for a in in_sentence if a.speaker), in_sentence[0].speaker)
    text = doc_text(doc)
    if sentence_start == 0 or "\n" in text[max(0, sentence_start - 2) : sentence_start]:
        return None
    previous_start, _ = _sentence_bounds(doc, len(text[:sentence_start].rstrip()) - 1)
    earlier = [a for a in attributions if a.sentence_start == previous_start]
    return next((a.speaker for a in earlier if a.speaker), None)
