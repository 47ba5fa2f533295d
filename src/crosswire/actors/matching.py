"""Dictionary matching: spaCy PhraseMatchers over aliases, names and demonyms."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, TypeVar

from crosswire.actors.dictionary import ActorDictionary
from crosswire.actors.lexicon import _ARTICLE_HYPHEN, _PARTICLES

if TYPE_CHECKING:
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Span
    from spacy.vocab import Vocab


def _is_abbreviation(alias: str) -> bool:
    letters = [c for c in alias if c.isalpha()]
    return bool(letters) and len(letters) <= 7 and " " not in alias and alias.upper() == alias


def _variants(alias: str) -> set[str]:
    variants = {alias, alias.replace("’", "'"), alias.replace("'", "’")}
    for variant in list(variants):
        variants.add(_ARTICLE_HYPHEN.sub(r"\1 ", variant))
    return variants


_T = TypeVar("_T")

# --------------------------------------------------------------------------
# Matchers, built once per vocabulary


@dataclass(frozen=True, slots=True)
class _NameTarget:
    """What a place name stands for in an actor position."""

    country: str | None  # a state: the branch follows the verb
    actor: str | None = None  # a fixed actor (a seat of government, an actor's metonym)
    capital: bool = False  # a capital or seat rather than the country's own name


@dataclass(slots=True)
class _Matchers:
    vocab: Vocab  # held so the cache key's id stays this vocabulary's
    aliases: PhraseMatcher  # case-insensitive, case checked afterwards
    abbreviations: PhraseMatcher  # exact case
    names: PhraseMatcher
    demonyms: PhraseMatcher  # exact case
    alias_targets: dict[str, tuple[str, ...]]  # pattern text -> keys
    name_targets: dict[str, _NameTarget]  # pattern text -> target
    demonym_targets: dict[str, tuple[str, bool]]  # pattern -> (country, plural)
    pattern_words: dict[str, tuple[str, ...]]  # pattern text -> its tokens


def _name_targets(
    dictionary: ActorDictionary,
) -> tuple[dict[str, _NameTarget], dict[str, tuple[str, bool]]]:
    """What each state name, capital, seat, metonym and demonym stands for."""
    name_targets: dict[str, _NameTarget] = {}
    demonym_targets: dict[str, tuple[str, bool]] = {}
    for state in dictionary.states.values():
        for name in state.names:
            for variant in _variants(name):
                name_targets[variant] = _NameTarget(country=state.country)
        for capital in state.capitals:
            for variant in _variants(capital):
                name_targets[variant] = _NameTarget(country=state.country, capital=True)
        for seat in state.seats:
            for variant in _variants(seat):
                name_targets[variant] = _NameTarget(
                    country=None, actor=f"gov:{state.country}", capital=True
                )
        for demonym in state.demonyms:
            demonym_targets[demonym] = (state.country, False)
            if " " not in demonym and demonym[-1] in "ni" and demonym.isalpha():
                demonym_targets[demonym + "s"] = (state.country, True)
    for actor in dictionary.actors.values():
        for metonym in actor.metonyms:
            for variant in _variants(metonym):
                name_targets[variant] = _NameTarget(country=None, actor=actor.key, capital=True)
    return name_targets, demonym_targets


def _apostrophe_lost(targets: Mapping[str, _T]) -> dict[str, _T]:
    """Possessives written without their apostrophe ("Assads forces", "Syrias army"),
    as text copied through tools that drop punctuation reads: each capitalised name
    plus "s", unless that is a name of its own."""
    return {
        f"{name}s": target
        for name, target in targets.items()
        if name[-1:].isalpha()
        and name[-1] != "s"
        and name.split()[-1][:1].isupper()
        and not _is_abbreviation(name)
        and f"{name}s" not in targets
    }


def _build_matchers(dictionary: ActorDictionary, vocab: Vocab) -> _Matchers:
    import spacy
    from spacy.matcher import PhraseMatcher

    make_doc = spacy.blank("en", vocab=vocab).make_doc
    aliases = PhraseMatcher(vocab, attr="LOWER")
    abbreviations = PhraseMatcher(vocab, attr="ORTH")
    names = PhraseMatcher(vocab, attr="LOWER")
    demonyms = PhraseMatcher(vocab, attr="ORTH")

    pattern_words: dict[str, tuple[str, ...]] = {}

    def pattern(matcher: PhraseMatcher, text: str) -> None:
        tokens = make_doc(text)
        pattern_words[text] = tuple(t.text for t in tokens)
        matcher.add(text, [tokens])

    alias_targets: dict[str, tuple[str, ...]] = {}
    for alias, keys in dictionary.alias_targets().items():
        if _is_abbreviation(alias):
            alias_targets[alias] = tuple(dict.fromkeys(alias_targets.get(alias, ()) + keys))
            pattern(abbreviations, alias)
            continue
        for variant in _variants(alias):
            alias_targets[variant] = tuple(dict.fromkeys(alias_targets.get(variant, ()) + keys))
            pattern(aliases, variant)

    for variant, keys in _apostrophe_lost(alias_targets).items():
        alias_targets[variant] = keys
        pattern(aliases, variant)
    name_targets, demonym_targets = _name_targets(dictionary)
    name_targets.update(_apostrophe_lost(name_targets))
    for name in name_targets:
        pattern(names, name)
    for demonym in demonym_targets:
        pattern(demonyms, demonym)
    return _Matchers(
        vocab=vocab,
        aliases=aliases,
        abbreviations=abbreviations,
        names=names,
        demonyms=demonyms,
        alias_targets=alias_targets,
        name_targets=name_targets,
        demonym_targets=demonym_targets,
        pattern_words=pattern_words,
    )


_MATCHERS: dict[tuple[int, int], tuple[ActorDictionary, _Matchers]] = {}


def _matchers_for(dictionary: ActorDictionary, vocab: Vocab) -> _Matchers:
    # Keyed by both objects' ids; the stored references keep the ids from being reused.
    cache_key = (id(dictionary), id(vocab))
    cached = _MATCHERS.get(cache_key)
    if cached is None:
        cached = (dictionary, _build_matchers(dictionary, vocab))
        _MATCHERS[cache_key] = cached
    return cached[1]


def prepare_matchers(dictionary: ActorDictionary, vocab: Vocab) -> None:
    """Build the dictionary's matchers for ``vocab`` now rather than at the first article."""
    _matchers_for(dictionary, vocab)


# --------------------------------------------------------------------------
# Linking one document


@dataclass(slots=True)
class _Candidate:
    """A dictionary match before it is read in context."""

    start: int  # token index
    end: int
    source: Literal["alias", "name", "demonym"]
    pattern: str  # the matcher's key

    @property
    def length(self) -> int:
        return self.end - self.start


def _case_compatible(pattern_words: tuple[str, ...], span: Span) -> bool:
    """A capitalised alias word must be capitalised in the text, an all-capitals one
    written in capitals; particles ("al", "of") may differ."""
    for wanted, token in zip(pattern_words, span, strict=True):
        if len(wanted) > 1 and wanted.isupper() and not token.text.isupper():
            return False
        capitalised = wanted[:1].isupper() and wanted.lower() not in _PARTICLES
        if capitalised and not token.text[:1].isupper():
            return False
    return True
