"""Stage `language`: detect each article's language; keep every article, whatever its language.

py3langid reads the title and the start of the text. Its probability decides:

- sure (at least ``min_confidence``), nothing declared: the detected language,
  origin ``detected``;
- sure, and the declaration agrees: the declared language, keeping the
  declaration's origin (``metadata``, ``html-meta``);
- sure, and the declaration disagrees: the detected language wins (a feed's
  channel language or a site-wide ``lang`` attribute is often wrong for one
  article), origin ``detected``, the declaration kept in the evidence;
- unsure: the declared language when there is one, otherwise none.

Codes are ISO 639-1 where one exists ("en", "ar"), else ISO 639-3.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

import pycountry
from py3langid.langid import MODEL_FILE, LanguageIdentifier

from crosswire.model import Article, Corpus, FieldOrigin
from crosswire.registry import Stage, StageContext, stage

# Enough text for a sure decision; more only costs time.
DETECTION_CHARS = 3000
# py3langid labels for regional varieties and scripts, folded into their language.
_FOLDED = {
    "arz": "ar",
    "ary": "ar",
    "uzs": "uz",
    "gug": "gn",
    "sdh": "ku",
    "wuu": "zh",
    "yue": "zh",
}
_NO_LANGUAGE = "zxx"  # py3langid's label for text with no linguistic content


@lru_cache(maxsize=1)
def identifier() -> LanguageIdentifier:
    """The py3langid model, loaded once per process."""
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect(text: str) -> tuple[str | None, float]:
    """(language code, probability) for ``text``; (None, 0.0) when there is nothing to read."""

    sample = text[:DETECTION_CHARS]
    if not any(c.isalpha() for c in sample):
        return None, 0.0
    label, probability = identifier().classify(sample)
    code = normalise_code(str(label))
    return (code, float(probability)) if code else (None, 0.0)


@lru_cache(maxsize=512)
def normalise_code(value: str) -> str | None:
    """An ISO 639-1 code (ISO 639-3 when there is none) for a declared or detected language.

    Accepts tags ("en-US", "pt_BR"), ISO 639-2/3 codes ("eng", "fra") and English
    names ("English"). Returns None for what names no language.
    """

    cleaned = value.strip().replace("_", "-")
    if not cleaned:
        return None
    primary = cleaned.split("-")[0].lower()
    primary = _FOLDED.get(primary, primary)
    if primary == _NO_LANGUAGE:
        return None
    if len(primary) == 2:
        found = pycountry.languages.get(alpha_2=primary)
    elif len(primary) == 3:
        found = pycountry.languages.get(alpha_3=primary)
        if found is None:
            found = pycountry.languages.get(bibliographic=primary)  # "fre", "ger"
    else:
        try:
            found = pycountry.languages.lookup(cleaned)
        except LookupError:
            found = None
    if found is None:
        return None
    return getattr(found, "alpha_2", None) or getattr(found, "alpha_3", None)


def decide(article: Article, min_confidence: float) -> Article:
    """The article with its language set and the origin of that value recorded."""

    declared = normalise_code(article.language) if article.language else None
    declared_origin = article.origin_of("language") or "metadata"
    detected, probability = detect("\n".join(p for p in (article.title, article.text) if p))
    sure = detected is not None and probability >= min_confidence
    if sure and detected != declared:
        language, origin = detected, "detected"
        evidence = f"py3langid {probability:.2f}"
        if declared:
            evidence += f"; declared {article.language}"
    elif declared:
        language, origin = declared, declared_origin
        evidence = f"declared {article.language}; py3langid {detected or 'none'} {probability:.2f}"
    elif sure:
        language, origin, evidence = detected, "detected", f"py3langid {probability:.2f}"
    else:
        language, origin, evidence = None, "", ""
    others = tuple(o for o in article.origins if o.field != "language")
    if language is None:
        return replace(article, language=None, origins=others)
    provenance = FieldOrigin(field="language", origin=origin, evidence=evidence)
    return replace(article, language=language, origins=(*others, provenance))


@stage("language", needs=["articles"], provides=["articles"])
def make_language(min_confidence: float = 0.5) -> Stage:
    """Detect each article's language (py3langid); non-English articles are kept and marked."""
    identifier()  # load the model and the language table once, before the first batch
    normalise_code("en")

    def language(corpus: Corpus, context: StageContext) -> Corpus:
        return replace(corpus, articles=tuple(decide(a, min_confidence) for a in corpus.articles))

    return language
