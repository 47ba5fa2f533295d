"""The faster spaCy pipeline gives the shipped pipeline's output, and per-Doc sharing."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from crosswire.nlp import doc_text, load_fast_nlp, load_nlp, per_doc, token_columns
from crosswire.nlp.fast import CachedLemmatizer, ColumnAttributeRuler

# Texts that reach the attribute ruler's rarer rules: "ain't", "nothin'", "y'all",
# "gets"/"got", expletive "there is", auxiliaries, determiners used as pronouns,
# whitespace tokens, and paragraph breaks.
TEXTS = [
    "It ain't over, y'all. There's nothin' left, he said. She gets it; they got it.",
    "The army said that 12 people were killed in Idlib on Tuesday.\n\nThat is what "
    'those who fled told reporters:  "We have nothing."',
    "Do you know? I did. Have they? They have had enough, and doesn't it show?",
    "U.S.-backed forces took al-Bab in early March 2017 , according to the SOHR.\n",
    "",
    "   ",
    "Colonel Ahmed Ali, 34, was wounded. Half of the 1,200 residents have left since 2014.",
]
ATTRIBUTES = ["ORTH", "TAG", "POS", "MORPH", "LEMMA", "DEP", "HEAD", "ENT_IOB", "ENT_TYPE"]


def token_view(doc: Doc) -> list[tuple[str, ...]]:
    return [
        (t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, str(t.head.i), t.ent_type_)
        for t in doc
    ]


def test_fast_pipeline_replaces_the_rule_components() -> None:
    fast = load_fast_nlp()
    assert fast.pipe_names == load_nlp().pipe_names
    assert isinstance(fast.get_pipe("attribute_ruler"), ColumnAttributeRuler)
    assert isinstance(fast.get_pipe("lemmatizer"), CachedLemmatizer)
    # The statistical models are shared, not copied.
    assert fast.get_pipe("ner") is load_nlp().get_pipe("ner")
    assert fast.vocab is load_nlp().vocab


@pytest.mark.parametrize("batch_size", [1, 3])
def test_fast_pipeline_matches_the_shipped_one(batch_size: int) -> None:
    stock = list(load_nlp().pipe(TEXTS, batch_size=batch_size))
    fast = list(load_fast_nlp().pipe(TEXTS, batch_size=batch_size))
    for expected, got in zip(stock, fast, strict=True):
        assert token_view(got) == token_view(expected)
        assert (got.to_array(ATTRIBUTES) == expected.to_array(ATTRIBUTES)).all()


def test_single_doc_call_matches_the_shipped_one() -> None:
    for text in TEXTS:
        assert token_view(load_fast_nlp()(text)) == token_view(load_nlp()(text))


def test_per_doc_computes_once_per_doc() -> None:
    calls: list[int] = []

    @per_doc
    def length(doc: Doc) -> int:
        calls.append(len(doc))
        return len(doc)

    nlp = load_fast_nlp()
    first, second = nlp.make_doc("one two"), nlp.make_doc("one two three")
    assert [length(first), length(first), length(second)] == [2, 2, 3]
    assert calls == [2, 3]
    assert doc_text(second) == second.text


def test_shared_results_do_not_keep_docs_alive() -> None:
    import gc
    import weakref
    from datetime import date

    from crosswire.dates.find import find_dates
    from crosswire.figures.find import find_figures
    from crosswire.quotes.find import find_quotes

    doc = load_fast_nlp()(
        '"We will not leave," he said on Tuesday. Ahmed Ali said 12 people died. '
        "He added that 3 more were hurt."
    )
    find_figures(doc, "art_1", None)
    find_quotes(doc, "art_1")
    find_dates(doc, "art_1", date(2026, 3, 6))
    gone = weakref.ref(doc)
    del doc
    gc.collect()
    assert gone() is None


def test_token_columns_read_what_the_tokens_say() -> None:
    for doc in load_fast_nlp().pipe(TEXTS):
        columns = token_columns(doc)
        assert columns.pos == [t.pos_ for t in doc]
        assert columns.lower == [t.lower_ for t in doc]
        assert columns.text == [t.text for t in doc]
        assert columns.lemma == [t.lemma_ for t in doc]
        assert columns.idx == [t.idx for t in doc]


def test_a_country_possessive_without_its_apostrophe_reads_as_one() -> None:
    from crosswire.nlp.parse import abbreviations_read

    nlp = load_fast_nlp()
    text = "Rockets fell on a market in northern Lebanons Akkar district on Sunday, a medic said."
    doc = nlp(abbreviations_read(nlp, text))
    assert doc.text == text
    words = [t.text for t in doc]
    assert words[words.index("Lebanon") + 1] == "s"
    assert doc[words.index("Lebanon") + 1].norm_ == "'s"
    assert len(list(doc.sents)) == 1
    # A name that is a place of its own ("Athens") stays whole.
    assert "Athens" in [t.text for t in abbreviations_read(nlp, "Talks in Athens ended.")]
