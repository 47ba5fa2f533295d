"""Stage `parse`: run spaCy's English pipeline over the English articles, batched.

The parsed Docs ride along in ``Corpus.docs`` for the understanding stages of
the same batch and are dropped once the batch is stored.

A long article (over ``chunk_chars``) is parsed in chunks cut at paragraph
boundaries, each under spaCy's length limit, and the chunk Docs are joined
into one Doc whose text is the article's, so character offsets stay right.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING

from crosswire.model import Analysis, Corpus
from crosswire.registry import Stage, StageContext, stage

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token


@stage("parse", needs=["articles"], provides=["docs", "analyses"])
def make_parse(
    batch_size: int = 32, disable: list[str] | None = None, chunk_chars: int = 100_000
) -> Stage:
    """Parse English articles with spaCy (nlp.pipe); start an empty analysis for each."""
    from crosswire.nlp import load_fast_nlp
    from crosswire.nlp.headings import split_at_line_breaks

    if chunk_chars < 1_000:
        raise ValueError(f"parse chunk_chars must be at least 1000, got {chunk_chars}")
    nlp = load_fast_nlp(tuple(disable or ()))

    def parse(corpus: Corpus, context: StageContext) -> Corpus:
        english = [a for a in corpus.articles if a.is_english and a.text]
        short = [a for a in english if len(a.text) <= chunk_chars]
        docs = dict(
            zip(
                (a.id for a in short),
                nlp.pipe((abbreviations_read(nlp, a.text) for a in short), batch_size=batch_size),
                strict=True,
            )
        )
        for article in english:
            if article.id not in docs:
                docs[article.id] = parse_long(nlp, article.text, chunk_chars)
        parsed = tuple((a.id, split_at_line_breaks(docs[a.id])) for a in english)
        known = {a.article for a in corpus.analyses}
        fresh = tuple(Analysis(article=a.id) for a in english if a.id not in known)
        return replace(corpus, docs=corpus.docs + parsed, analyses=corpus.analyses + fresh)

    return parse


def parse_long(nlp: Language, text: str, chunk_chars: int) -> Doc:
    """One Doc for ``text``, parsed in paragraph-aligned chunks of at most ``chunk_chars``."""
    from spacy.tokens import Doc

    chunks = list(paragraph_chunks(text, chunk_chars))
    docs = nlp.pipe(abbreviations_read(nlp, chunk) for chunk in chunks)
    joined = Doc.from_docs(list(docs), ensure_whitespace=False)
    assert joined.text == text  # every chunk keeps its trailing blank line
    return joined


# Abbreviations that are also English words, and a norm the parser reads as a name: "IS"
# (the Islamic State) taken for the verb derails the parse of news copy ("IS militants
# attacked" parsed "militants" as a passive subject; "killed 15 IS militants" made "IS"
# the main verb and the militants its complement, so no attacker or target was read).
_ABBREVIATION_NORMS = {"IS": "isis"}


def abbreviations_read(nlp: Language, text: str) -> Doc:
    """``text`` tokenized, its abbreviations given a name's norm (the parser's feature),
    except in a run of capitals, where "IS" is the verb ("THE WAR IS OVER"), and its
    countries' possessives that lost their apostrophe read as possessives."""
    doc = _possessives_split(nlp.make_doc(text))
    for token in doc:
        norm = _ABBREVIATION_NORMS.get(token.text)
        if norm is not None and not _in_capitals(doc, token.i):
            token.norm_ = norm
    return doc


def _possessives_split(doc: Doc) -> Doc:
    """ "in eastern Syrias Deir Ezzor province" (scraped copy drops apostrophes): "Syria" and
    an "s" with the possessive's norm, as the model reads "Syria's". Read whole, "Syrias"
    ended a sentence before the province, and the event lost its place."""
    lost = [t for t in doc if t.is_title and t.is_alpha and lost_country_possessive(t.text)]
    if not lost:
        return doc
    ends = {t.idx + len(t) - 1 for t in lost}
    with doc.retokenize() as retokenizer:
        for token in lost:
            retokenizer.split(token, [token.text[:-1], "s"], heads=[(token, 0), (token, 0)])
    for token in doc:
        if token.idx in ends:
            token.norm_ = "'s"
    return doc


@cache
def lost_country_possessive(text: str) -> bool:
    """A country's name with an "s" but no apostrophe ("Syrias", "Russias"), the word
    itself naming no place."""
    if len(text) < 5 or not text.endswith("s"):
        return False
    from crosswire.geo.gazetteer import Gazetteer

    gazetteer = Gazetteer.load()
    best = max(gazetteer.lookup(text[:-1]), key=lambda c: c.population, default=None)
    return best is not None and best.feature == "country" and not gazetteer.lookup(text)


def read_as_name(token: Token) -> bool:
    """Whether the parse read an abbreviation that is also a word as a name (see above)."""
    norm = _ABBREVIATION_NORMS.get(token.text)
    return norm is not None and token.norm_ == norm


def _in_capitals(doc: Doc, at: int) -> bool:
    near = [doc[i] for i in (at - 2, at - 1, at + 1, at + 2) if 0 <= i < len(doc)]
    words = [t for t in near if t.is_alpha and len(t) > 1]
    return len(words) >= 2 and sum(t.is_upper for t in words) * 2 > len(words)


def paragraph_chunks(text: str, limit: int) -> Iterator[str]:
    """``text`` cut into pieces of at most ``limit`` characters whose concatenation is ``text``.

    Cuts fall after a blank line; a paragraph longer than ``limit`` is cut after
    a sentence stop or a space, and only as a last resort mid-word.
    """
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = _last_cut(window, ("\n\n", ". ", "\n", " "))
        yield text[start : start + cut]
        start += cut
    if start < len(text):
        yield text[start:]


def _last_cut(window: str, separators: Sequence[str]) -> int:
    for separator in separators:
        index = window.rfind(separator)
        if index > len(window) // 4:
            return index + len(separator)
    return len(window)
