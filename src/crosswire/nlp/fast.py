"""Faster stand-ins for the two rule-based components of ``en_core_web_sm``, same output.

spaCy's ``AttributeRuler`` runs its general Matcher over about 180 one-token
rules, one token object at a time, and the English rule lemmatizer re-derives
the lemma of every base-form word because its cache skips them. Both are pure
functions of a few token attributes:

* ``ColumnAttributeRuler`` evaluates the same rules on whole attribute columns
  with numpy and writes the results back in one ``Doc.from_array``; later rules
  still win, as in spaCy, where matches are applied in rule order.
* ``CachedLemmatizer`` asks the shipped lemmatizer once per (word, POS,
  morphology) and reuses the answer, which is what the shipped cache does for
  the words it caches.

Rules using anything beyond equality, ``IN``, ``NOT_IN`` and ``REGEX`` on plain
token attributes raise ``Unsupported``; the loader then keeps spaCy's own component.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from typing import TYPE_CHECKING, Any, cast

import numpy as np
from spacy.attrs import IDS, LEMMA, MORPH, ORTH, POS  # type: ignore[import-not-found]
from spacy.language import Language
from spacy.lookups import Lookups
from spacy.strings import StringStore, get_string_id

if TYPE_CHECKING:
    from numpy.typing import NDArray
    from spacy.pipeline import AttributeRuler, Lemmatizer
    from spacy.tokens import Doc
    from thinc.types import Ints2d

    Column = NDArray[np.uint64]
    Positions = NDArray[np.intp]

__all__ = ["CachedLemmatizer", "ColumnAttributeRuler", "Unsupported"]

# Attributes whose column value is the string store hash of what a pattern names.
_HASHED = frozenset(
    IDS[name] for name in ("ORTH", "LOWER", "NORM", "TAG", "DEP", "LEMMA", "ENT_TYPE", "SHAPE")
)
# Boolean lexical flags: True/False in a pattern, 1/0 in the column.
_FLAGS = frozenset(IDS[name] for name in IDS if name.startswith("IS_") or name.startswith("LIKE_"))


def _columns(doc: Doc, attrs: Sequence[int]) -> NDArray[np.uint64]:
    """The Doc's values of ``attrs``, one row per token."""
    wanted: list[int | str] = list(attrs)
    return np.asarray(doc.to_array(wanted), dtype=np.uint64).reshape(len(doc), len(wanted))


def _write(doc: Doc, attrs: Sequence[int], values: NDArray[np.uint64]) -> None:
    written: list[int | str] = list(attrs)
    doc.from_array(written, cast("Ints2d", values))


class Unsupported(ValueError):
    """A rule this module cannot evaluate column-wise."""


@dataclass(frozen=True, slots=True)
class _Condition:
    attr: int
    values: Column  # sorted hashes; a match needs the token's value among them ...
    negated: bool  # ... or, when negated, not among them

    def test(self, column: Column) -> NDArray[np.bool_]:
        found: NDArray[np.bool_]
        if len(self.values) == 1:
            found = column == self.values[0]
        else:  # cheaper than np.isin for a handful of values
            at = np.searchsorted(self.values, column).clip(max=len(self.values) - 1)
            found = self.values[at] == column
        return ~found if self.negated else found


class _RegexCondition:
    """A ``REGEX`` test on a string attribute, remembered per string."""

    def __init__(self, attr: int, pattern: str, strings: StringStore) -> None:
        self.attr = attr
        self.pattern = re.compile(pattern)
        self.strings = strings
        self.known: dict[int, bool] = {}

    def _search(self, value: int) -> bool:
        found = self.known.get(value)
        if found is None:
            found = self.known[value] = bool(self.pattern.search(self.strings[value]))
        return found

    def test(self, column: Column) -> NDArray[np.bool_]:
        values, inverse = np.unique(column, return_inverse=True)
        return np.array([self._search(v) for v in values.tolist()], dtype=bool)[inverse]


@dataclass(frozen=True, slots=True)
class _Pattern:
    tokens: tuple[tuple[_Condition | _RegexCondition, ...], ...]
    target: int  # index of the token that gets the attributes, from the start


@dataclass(frozen=True, slots=True)
class _Rule:
    patterns: tuple[_Pattern, ...]
    attrs: tuple[tuple[int, int], ...]  # (attribute id, value) set on the target


def _value_hash(attr: int, value: Any) -> int:
    if attr in _FLAGS:
        if not isinstance(value, bool):
            raise Unsupported(f"flag {attr} compared with {value!r}")
        return int(value)
    if attr in _HASHED and isinstance(value, str):
        return int(get_string_id(value))
    raise Unsupported(f"attribute {attr} compared with {value!r}")


def _condition(name: str, spec: Any, strings: StringStore) -> _Condition | _RegexCondition:
    attr = IDS.get(name.upper())
    if attr is None or not (attr in _HASHED or attr in _FLAGS):
        raise Unsupported(f"pattern attribute {name}")
    if not isinstance(spec, dict):
        return _Condition(attr, np.array([_value_hash(attr, spec)], dtype=np.uint64), False)
    if len(spec) != 1 or next(iter(spec)) not in ("IN", "NOT_IN", "REGEX"):
        raise Unsupported(f"pattern operator in {spec!r}")
    ((operator, values),) = spec.items()
    if operator == "REGEX":
        if attr not in _HASHED or not isinstance(values, str):
            raise Unsupported(f"regular expression {values!r} on attribute {name}")
        return _RegexCondition(attr, values, strings)
    hashes = np.unique(np.array([_value_hash(attr, v) for v in values], dtype=np.uint64))
    return _Condition(attr, hashes, operator == "NOT_IN")


def _pattern(tokens: Sequence[dict[str, Any]], index: int, strings: StringStore) -> _Pattern:
    if not -len(tokens) <= index < len(tokens):
        raise Unsupported(f"index {index} outside a {len(tokens)}-token pattern")
    return _Pattern(
        tokens=tuple(tuple(_condition(n, s, strings) for n, s in spec.items()) for spec in tokens),
        target=index % len(tokens),
    )


class ColumnAttributeRuler:
    """spaCy's ``AttributeRuler``, evaluated on attribute columns."""

    def __init__(self, stock: AttributeRuler) -> None:
        self.name = stock.name
        rules = []
        for number, attrs in enumerate(stock.attrs):
            _key, patterns = stock.matcher.get(str(number))
            if not all(isinstance(k, int) for k in attrs):
                raise Unsupported(f"rule {number} sets extension attributes")
            rules.append(
                _Rule(
                    patterns=tuple(
                        _pattern(p, stock.indices[number], stock.vocab.strings) for p in patterns
                    ),
                    attrs=tuple((int(k), int(v)) for k, v in attrs.items()),
                )
            )
        self.rules = tuple(rules)
        self.read = sorted({c.attr for r in rules for p in r.patterns for t in p.tokens for c in t})
        self.written = sorted({attr for r in rules for attr, _ in r.attrs})

    def _targets(
        self, pattern: _Pattern, columns: dict[int, Column], owner: Positions
    ) -> Positions:
        """Tokens ``pattern`` sets, in the concatenated columns of several Docs."""
        width = len(pattern.tokens)
        starts = len(owner) - width + 1
        if starts <= 0:
            return np.empty(0, dtype=np.intp)
        # A match may not run from one Doc into the next.
        matched: NDArray[np.bool_] = (
            owner[:starts] == owner[width - 1 :] if width > 1 else np.ones(starts, bool)
        )
        for offset, conditions in enumerate(pattern.tokens):
            for condition in conditions:
                matched &= condition.test(columns[condition.attr][offset : offset + starts])
                if not matched.any():
                    return np.empty(0, dtype=np.intp)
        return np.flatnonzero(matched) + pattern.target

    def _apply(self, docs: Sequence[Doc]) -> None:
        """Rule all ``docs`` at once: numpy works best on long columns."""
        docs = [doc for doc in docs if len(doc)]
        if not docs or not self.rules:
            return
        lengths = [len(doc) for doc in docs]
        owner = np.repeat(np.arange(len(docs)), lengths)
        read = np.concatenate([_columns(doc, self.read) for doc in docs])
        columns = {attr: read[:, i] for i, attr in enumerate(self.read)}
        result = np.concatenate([_columns(doc, self.written) for doc in docs])
        slot = {attr: i for i, attr in enumerate(self.written)}
        for rule in self.rules:  # in rule order, so later rules overwrite earlier ones
            for pattern in rule.patterns:
                targets = self._targets(pattern, columns, owner)
                if targets.size:
                    for attr, value in rule.attrs:
                        result[targets, slot[attr]] = value
        ends = np.cumsum(lengths)
        for doc, end, length in zip(docs, ends.tolist(), lengths, strict=True):
            _write(doc, self.written, result[end - length : end])

    def __call__(self, doc: Doc) -> Doc:
        self._apply([doc])
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        stream = iter(docs)
        while batch := list(islice(stream, batch_size)):
            self._apply(batch)
            yield from batch


class CachedLemmatizer:
    """spaCy's lemmatizer, asked once per (word, POS, morphology).

    It asks a copy of the shipped lemmatizer whose word index is held in sets:
    the shipped tables are lists, which the rules search word by word.
    """

    def __init__(self, stock: Lemmatizer) -> None:
        self.name = stock.name
        self.lemmatizer = type(stock)(
            stock.vocab, stock.model, stock.name, mode=stock.mode, overwrite=stock.overwrite
        )
        lookups = Lookups()
        for table_name in stock.lookups.tables:
            table = stock.lookups.get_table(table_name)
            if table_name == "lemma_index":
                lookups.add_table(
                    table_name, {pos: frozenset(words) for pos, words in table.items()}
                )
            else:
                lookups.set_table(table_name, table)
        self.lemmatizer.initialize(lookups=lookups)
        self.cache: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        columns = _columns(doc, [ORTH, POS, MORPH, LEMMA])
        lemmas = columns[:, 3].copy()
        # Like the shipped component, keep lemmas set before (by the attribute ruler).
        todo = np.arange(len(doc)) if self.lemmatizer.overwrite else np.flatnonzero(lemmas == 0)
        if not todo.size:
            return doc
        strings = doc.vocab.strings
        for position, (orth, pos, morph) in zip(
            todo.tolist(), columns[todo, :3].tolist(), strict=True
        ):
            key = (orth, pos, morph)
            lemma = self.cache.get(key)
            if lemma is None:
                lemma = self.cache[key] = strings.add(self.lemmatizer.lemmatize(doc[position])[0])
            lemmas[position] = lemma
        _write(doc, [LEMMA], lemmas.reshape(-1, 1))
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


@Language.factory("crosswire_column_attribute_ruler", default_config={"stock": "attribute_ruler"})
def make_column_attribute_ruler(nlp: Language, name: str, stock: str) -> ColumnAttributeRuler:
    """The pipeline's ``stock`` attribute ruler, evaluated on columns."""
    ruler = ColumnAttributeRuler(nlp.get_pipe(stock))  # type: ignore[arg-type]
    ruler.name = name
    return ruler


@Language.factory("crosswire_cached_lemmatizer", default_config={"stock": "lemmatizer"})
def make_cached_lemmatizer(nlp: Language, name: str, stock: str) -> CachedLemmatizer:
    """The pipeline's ``stock`` lemmatizer with a cache for every word."""
    lemmatizer = CachedLemmatizer(nlp.get_pipe(stock))  # type: ignore[arg-type]
    lemmatizer.name = name
    return lemmatizer
