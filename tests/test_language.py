"""The language stage: detection, declared languages, provenance; nothing is dropped."""

from __future__ import annotations

from crosswire.metadata.language import identifier, make_language, normalise_code
from crosswire.model import Article, Corpus, FieldOrigin
from crosswire.registry import StageContext, get
from ingest_fixtures import FRENCH_STORY, PORT_STORY

ARABIC_STORY = (
    "قال سكان في المدينة إن القصف استمر طوال الليل، وأعلنت السلطات إغلاق المدارس "
    "حتى نهاية الأسبوع بسبب تدهور الوضع الأمني."
)
SPANISH_STORY = (
    "Los vecinos del barrio denunciaron disparos durante toda la noche y el "
    "ayuntamiento anunció el cierre de las escuelas hasta nuevo aviso."
)


def article(text: str, *, language: str | None = None, title: str | None = None,
            origins: tuple[FieldOrigin, ...] = ()) -> Article:  # fmt: skip
    return Article(
        input_sha256="sha",
        position="0",
        source="test",
        format="txt",
        text=text,
        title=title,
        language=language,
        origins=origins,
    )


def run(*articles: Article, min_confidence: float = 0.5) -> tuple[Article, ...]:
    stage = make_language(min_confidence=min_confidence)
    return stage(Corpus(articles=articles), StageContext()).articles


def language_origin(item: Article) -> FieldOrigin | None:
    return next((o for o in item.origins if o.field == "language"), None)


def test_english_article_is_detected() -> None:
    (result,) = run(article(PORT_STORY, title="Port shelled as truce falters"))

    assert result.language == "en"
    origin = language_origin(result)
    assert origin is not None and origin.origin == "detected"
    assert origin.evidence.startswith("py3langid")


def test_non_english_articles_are_kept_and_marked() -> None:
    results = run(article(PORT_STORY), article(FRENCH_STORY), article(ARABIC_STORY))

    assert [a.language for a in results] == ["en", "fr", "ar"]
    assert [a.is_english for a in results] == [True, False, False]


def test_a_declaration_that_agrees_keeps_its_origin() -> None:
    declared = article(
        FRENCH_STORY,
        language="fr-FR",
        origins=(
            FieldOrigin(field="language", origin="html-meta", evidence='<html lang="fr-FR">'),
        ),
    )

    (result,) = run(declared)

    assert result.language == "fr"
    origin = language_origin(result)
    assert origin is not None and origin.origin == "html-meta"
    assert len([o for o in result.origins if o.field == "language"]) == 1


def test_a_sure_detection_overrides_a_wrong_declaration() -> None:
    (result,) = run(article(SPANISH_STORY, language="en"))

    assert result.language == "es"
    origin = language_origin(result)
    assert origin is not None and origin.origin == "detected"
    assert "declared en" in origin.evidence


def test_the_declared_language_stays_when_detection_is_unsure() -> None:
    (result,) = run(article("OK 2026", language="deu"))

    assert result.language == "de"
    origin = language_origin(result)
    assert origin is not None and origin.origin == "metadata"


def test_no_language_when_detection_is_unsure_and_nothing_is_declared() -> None:
    (result,) = run(article("12 / 14 / 2026"))

    assert result.language is None
    assert language_origin(result) is None


def test_min_confidence_decides_what_counts_as_sure() -> None:
    short = article("Ceasefire talks resume", language="fr")

    (strict,) = run(short, min_confidence=0.99)
    (lenient,) = run(short, min_confidence=0.0)

    assert strict.language == "fr"  # unsure at 0.99: the declaration stays
    assert lenient.language == "en"


def test_declared_codes_are_normalised() -> None:
    assert normalise_code("en-US") == "en"
    assert normalise_code("pt_BR") == "pt"
    assert normalise_code("fre") == "fr"
    assert normalise_code("English") == "en"
    assert normalise_code("arz") == "ar"  # a py3langid variety label
    assert normalise_code("zxx") is None
    assert normalise_code("not a language") is None


def test_the_model_is_loaded_once() -> None:
    assert identifier() is identifier()


def test_the_stage_is_registered_with_its_contract() -> None:
    info = get("language")
    assert info.needs == ("articles",)
    assert info.provides == ("articles",)
