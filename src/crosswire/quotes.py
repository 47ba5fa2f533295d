"""Direct quotes and reported speech, with who says it and the verb that says so.

``find_quotes`` returns one ``Quote`` per quoted passage:

* Direct quotes are text between double quotes (straight, curly or
  guillemets) or single quotes used as quotation marks. A quote split by its
  attribution ("We will not retreat," he said, "whatever the cost.") gives
  one record per part, both with the same speaker. A quote that runs over
  several paragraphs (an unclosed quote followed by a paragraph opening with
  a quote mark) keeps its speaker in each paragraph. The mention covers the
  quoted words, without the marks and without a trailing comma.
* The attribution of a direct quote is the nearest speech verb outside any
  quote in the quote's sentences ("said", "told", "added", "according to"
  ...); its subject is the speaker. A quote standing on its own continues the
  speaker of the previous quote in its paragraph. A quote with no attribution
  is kept only when it has at least four words, so scare quotes and titles
  are left out.
* Indirect attributions are speech verbs with a reported clause ("X said
  that ...", "X said the ...", "... , X said.") and "according to X"; the
  mention covers the reported clause.
* A speaker is kept as written, minus appositions and relative clauses
  ("Ahmed Ali, a local official," gives "Ahmed Ali"). "he" and "she" become
  the closest preceding person's name when only one person is named in the
  paragraph before and the one before that (or, failing that, in the whole
  text up to the pronoun); otherwise the speaker is None.

``find_attributions`` exposes the same analysis for other extractors (figures
take their speaker from it).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from crosswire.model import Mention, Quote

__all__ = ["Attribution", "find_attributions", "find_quotes", "speaker_at"]

# Lemmas of verbs that attribute words or figures to someone.
CUE_LEMMAS = frozenset(
    """
    say tell add claim warn deny insist state announce report confirm note explain argue
    allege assert stress acknowledge admit declare estimate write tweet post reply respond
    answer ask urge vow pledge promise threaten describe call suggest predict maintain contend
    reiterate emphasise emphasize observe comment mention recount recall testify affirm concede
    charge counter complain lament accuse brand dub term label show indicate count record
    document put quote cite continue conclude
    """.split()
)
# Verbs that attribute only a direct quote ("called it 'a massacre'", '"...," he continued').
_QUOTE_ONLY_CUES = frozenset({"call", "describe", "brand", "dub", "term", "label", "continue"})
# "put" attributes only a count: "the ministry put the toll at 45".
_PUT_OBJECTS = frozenset({"toll", "figure", "number", "count", "total", "estimate", "casualty"})
_MAX_CUE_GAP = 12  # tokens between a quote and a cue outside its parse
_SHORT_QUOTE_HOPS = 2  # "described the attack as 'a massacre'": massacre > as > described
_SO_CALLED = re.compile(r"\bso[- ]called\s*$", re.IGNORECASE)
_PRONOUNS = frozenset({"he", "she"})
_NAMED_TYPES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
_DROPPED_DEPS = frozenset({"appos", "relcl", "acl", "advcl", "parataxis", "punct"})
_QUOTE_CHARS = "\"“”«»„‘’'"
_MIN_UNATTRIBUTED_WORDS = 4
# Sentence openings that carry the previous sentence's attribution on.
_CONTINUATIONS = re.compile(
    r"^(?:another|also|in addition|additionally|moreover|furthermore|of those|of them|of whom|"
    r"among them|among those|among the|the dead|the wounded|the victims|the toll|the remaining|"
    r"the rest|others|a further)\b",
    re.IGNORECASE,
)


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
    open: int  # offset of the opening mark
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
    segments: list[_Segment] = []
    opened: int | None = None
    for index in range(start, end):
        char = text[index]
        if char in "“«„" or (char == '"' and opened is None):
            if opened is None:
                opened = index
        elif char in "”»" or char == '"':
            if opened is not None:
                segments.append(_Segment(open=opened, close=index, closed=True, paragraph=start))
                opened = None
    if opened is not None:
        segments.append(_Segment(open=opened, close=end, closed=False, paragraph=start))
    return segments


def _single_segments(text: str, start: int, end: int, taken: list[_Segment]) -> list[_Segment]:
    """Single quotes used as quotation marks, told apart from apostrophes."""

    def inside_double(index: int) -> bool:
        return any(s.open <= index <= s.close for s in taken)

    openers = [
        i
        for i in range(start, end)
        if text[i] in "‘'"
        and (i == start or text[i - 1] in " ([—-\"“")
        and i + 1 < end
        and text[i + 1].isalnum()
        and not inside_double(i)
    ]
    closers = [
        i
        for i in range(start, end)
        if text[i] in "’'"
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
        close = (punctuated or plain or [None])[0]
        if close is None:
            continue
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
    dropped: set[int] = set()
    for token in head.subtree:
        if token.i != head.i and token.dep_ in _DROPPED_DEPS:
            dropped.update(t.i for t in token.subtree)
    start = end = head.i
    while start - 1 >= head.left_edge.i and start - 1 not in dropped:
        start -= 1
    while end + 1 <= head.right_edge.i and end + 1 not in dropped:
        end += 1
    doc = head.doc
    while start < end and (doc[start].is_punct or doc[start].text in _QUOTE_CHARS):
        start += 1
    while end > start and (doc[end].is_punct or doc[end].text in _QUOTE_CHARS):
        end -= 1
    return doc[start : end + 1]


def _named_phrase(head: Token) -> Span:
    """The phrase, or its apposition when only that one is a name
    ("the UN envoy, Geir Pedersen," gives "Geir Pedersen")."""
    phrase = _phrase(head)
    if head.ent_type_:
        return phrase
    for child in head.children:
        if child.dep_ == "appos" and child.ent_type_ in _NAMED_TYPES:
            return _phrase(child)
    return phrase


def _bare_phrase(tokens: Sequence[Token]) -> Span | None:
    """A run of tokens that names someone: has a noun, has no verb."""
    if not tokens or len(tokens) > 10:
        return None
    if any(t.pos_ in ("VERB", "AUX") for t in tokens):
        return None
    if not any(t.pos_ in ("NOUN", "PROPN", "PRON") for t in tokens):
        return None
    doc = tokens[0].doc
    return doc[tokens[0].i : tokens[-1].i + 1]


def _stops(token: Token, segments: Sequence[_Segment]) -> bool:
    return token.is_punct or token.text in _QUOTE_CHARS or _inside(token.idx, segments)


def _speaker_span(verb: Token, segments: Sequence[_Segment]) -> Span | None:
    subjects = [
        c
        for c in verb.children
        if c.dep_ in ("nsubj", "nsubjpass", "expl") and not _inside(c.idx, segments)
    ]
    if subjects:
        subject = subjects[0]
        if subject.dep_ != "nsubj":
            return None  # "it was reported that ...": nobody is named
        return _named_phrase(subject)
    sentence = verb.sent
    # "..., the Syrian Observatory for Human Rights said." when the parse lost the subject.
    before: list[Token] = []
    for token in reversed(sentence[: verb.i - sentence.start]):
        if _stops(token, segments):
            break
        before.insert(0, token)
    found = _bare_phrase(before)
    if found is not None:
        return found
    # '..." said Ahmed Ali, a local official.'
    after: list[Token] = []
    for token in sentence[verb.i - sentence.start + 1 :]:
        if _stops(token, segments):
            break
        after.append(token)
    return _bare_phrase(after)


def _person_key(span: Span) -> str:
    return span[-1].lower_ if len(span) else ""


def _resolve_pronoun(pronoun: Token, paragraphs: list[tuple[int, int]]) -> str | None:
    """The closest preceding person, when only one person is in view."""
    doc = pronoun.doc
    people = [e for e in doc.ents if e.label_ == "PERSON" and e.end_char <= pronoun.idx]
    if not people:
        return None
    starts = [p[0] for p in paragraphs]
    here = max(0, bisect.bisect_right(starts, pronoun.idx) - 1)
    window_start = starts[max(0, here - 1)]
    for group in ([p for p in people if p.start_char >= window_start], people):
        keys = {_person_key(p) for p in group}
        if len(keys) == 1:
            key = keys.pop()
            named = [p for p in people if _person_key(p) == key]
            return max(named, key=len).text
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


def _cues(doc: Doc, segments: Sequence[_Segment], paragraphs: list[tuple[int, int]]) -> list[_Cue]:
    cues: list[_Cue] = []
    for token in doc:
        if _inside(token.idx, segments):
            continue
        source = _according_to(token)
        if source is not None:
            speaker = _speaker_text(_named_phrase(source), paragraphs)
            cues.append(_Cue(token=token, speaker=speaker, cue="according to"))
        elif (
            token.pos_ == "VERB"
            and token.lemma_.lower() in CUE_LEMMAS
            and token.dep_ != "amod"  # "the so-called ..."
        ):
            speaker = _speaker_text(_speaker_span(token, segments), paragraphs)
            cues.append(_Cue(token=token, speaker=speaker, cue=token.lower_))
    return cues


# ---------------------------------------------------------------------------
# Attributions


def _sentence_bounds(doc: Doc, index: int) -> tuple[int, int]:
    span = doc.char_span(index, min(index + 1, len(doc.text)), alignment_mode="expand")
    if span is None or not len(span):
        return index, index
    sentence = span[0].sent
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
    hops = 0
    while token.i != verb.i:
        if token.head.i == token.i:
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
    low, high = first[0], max(last[1], after[1])
    # A lead-in sentence ending in a colon ("He told reporters:") attributes what follows.
    lead = doc.text[:low].rstrip()
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
    if short and _SO_CALLED.search(doc.text[max(0, segment.open - 12) : segment.open]):
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


def _clause_bounds(doc: Doc, head: Token, exclude: Token) -> tuple[int, int] | None:
    tokens = [t for t in head.subtree if not t.is_punct or t.text in "%$"]
    if not tokens:
        return None
    if tokens[0].dep_ == "mark" and tokens[0].lower_ in ("that", "whether", "if"):
        tokens = tokens[1:]
    tokens = [t for t in tokens if not (exclude.i == t.i)]
    if not tokens:
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _according_content(doc: Doc, token: Token) -> tuple[int, int] | None:
    """The rest of the sentence around "according to X"."""
    sentence = token.sent
    phrase = list(token.subtree)
    phrase_start, phrase_end = phrase[0].i, phrase[-1].i
    left = [t for t in sentence if t.i < phrase_start and not t.is_punct]
    right = [t for t in sentence if t.i > phrase_end and not t.is_punct]
    side = left if len(left) >= len(right) else right
    if not side:
        return None
    return side[0].idx, side[-1].idx + len(side[-1].text)


def _reported_clause(cue: _Cue) -> tuple[int, int] | None:
    token = cue.token
    if cue.cue == "according to":
        return _according_content(token.doc, token)
    for child in token.children:
        if child.dep_ == "ccomp":
            return _clause_bounds(token.doc, child, token)
    return None


def _overlaps(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)


def _opens_sentence(text: str, segment: _Segment) -> bool:
    """A quote standing as its own sentence, which may continue an earlier speaker."""
    lead = text[segment.paragraph : segment.open]
    return not lead.strip() or re.search(r"[.!?][\"”’']?\s*$", lead) is not None


def find_attributions(doc: Doc) -> list[Attribution]:
    """Direct quotes, reported clauses and bare attributions, in text order."""
    text = doc.text
    paragraphs = _paragraphs(text)
    segments = _quote_segments(text)
    cues = _cues(doc, segments, paragraphs)
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
        words = len(text[start:end].split())
        if cue is None and words < _MIN_UNATTRIBUTED_WORDS:
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
    direct_spans = [(a.start or 0, a.end or 0) for a in found]
    for cue in cues:
        if cue.token.i in used:
            continue
        sentence = cue.token.sent
        clause = _reported_clause(cue)
        if clause is not None and _overlaps(*clause, direct_spans):
            clause = None
        lemma = cue.token.lemma_.lower()
        if lemma in _QUOTE_ONLY_CUES:
            continue
        if lemma == "put" and not any(
            c.dep_ == "dobj" and c.lemma_.lower() in _PUT_OBJECTS for c in cue.token.children
        ):
            continue
        found.append(
            Attribution(
                speaker=cue.speaker,
                cue=cue.cue,
                start=clause[0] if clause else None,
                end=clause[1] if clause else None,
                sentence_start=sentence.start_char,
                sentence_end=sentence.end_char,
                direct=False,
            )
        )
    return sorted(found, key=lambda a: (a.sentence_start, a.start or 0))


def find_quotes(doc: Doc, article_id: str) -> list[Quote]:
    """Direct and indirect quotes in ``doc``; offsets refer to ``doc.text``."""
    return [
        Quote(
            mention=Mention(
                article=article_id, start=a.start, end=a.end, text=doc.text[a.start : a.end]
            ),
            speaker=a.speaker,
            cue=a.cue,
            direct=a.direct,
        )
        for a in find_attributions(doc)
        if a.start is not None and a.end is not None
    ]


def speaker_at(doc: Doc, attributions: Sequence[Attribution], position: int) -> str | None:
    """Who states what is at ``position``: the quote or clause holding it, else
    an attribution in its sentence, else one in the previous sentence of the
    paragraph when this sentence continues it ("Another 30 were wounded.")."""
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
    if sentence_start == 0 or "\n" in doc.text[max(0, sentence_start - 2) : sentence_start]:
        return None
    if not _CONTINUATIONS.match(doc.text[sentence_start:position + 40].lstrip()):
        return None
    previous_end = sentence_start - 1
    earlier = [a for a in attributions if a.sentence_start <= previous_end < a.sentence_end]
    return next((a.speaker for a in earlier if a.speaker), None)
