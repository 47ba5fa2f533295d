"""The extraction benchmark's shingle metric, on hand-made pages."""

from __future__ import annotations

import pytest

from goldscore.extraction import ShingleMatch, aggregate, shingle_match, shingles, tokens


def test_tokens_are_unicode_word_runs() -> None:
    assert tokens("Kyiv's mayor—Vitali Klitschko, 2024!") == [
        "Kyiv", "s", "mayor", "Vitali", "Klitschko", "2024",
    ]  # fmt: skip
    assert tokens("Ходейда, порт") == ["Ходейда", "порт"]


def test_shingles_are_a_multiset_of_four_token_runs() -> None:
    counted = shingles("a b c d a b c d")
    assert counted[("a", "b", "c", "d")] == 2
    assert sum(counted.values()) == 5


def test_text_shorter_than_a_shingle_is_one_shingle() -> None:
    assert shingles("two words") == {("two", "words"): 1}
    assert not shingles("")


def test_identical_texts_score_one() -> None:
    match = shingle_match("One two three four five six.", "One two three four five six.")
    assert (match.precision, match.recall) == (1.0, 1.0)


def test_punctuation_and_spacing_do_not_count() -> None:
    match = shingle_match("one two three four five", "one,  two\n\nthree - four. five!")
    assert (match.precision, match.recall) == (1.0, 1.0)


def test_case_counts() -> None:
    match = shingle_match("one two three four", "One two three four")
    assert match.precision == 0.0


def test_partial_prediction_is_normalised_by_all_shingles() -> None:
    # Truth has 3 shingles, the prediction 1 of them and nothing else.
    match = shingle_match("a b c d e f", "a b c d")
    assert match.tp == pytest.approx(1 / 3)
    assert match.fp == 0.0
    assert match.fn == pytest.approx(2 / 3)
    assert match.precision == 1.0
    assert match.recall == pytest.approx(1 / 3)


def test_extra_copies_are_false_positives() -> None:
    match = shingle_match("w x y z", "w x y z w x y z")
    # Prediction: (w x y z) twice, (x y z w), (y z w x), (z w x y); one copy is true.
    assert match.tp == pytest.approx(1 / 5)
    assert match.fp == pytest.approx(4 / 5)
    assert match.fn == 0.0


def test_empty_prediction_has_no_precision_and_zero_recall() -> None:
    match = shingle_match("some words of the article", "")
    assert match.precision is None
    assert match.recall == 0.0


def test_aggregate_averages_per_page_then_takes_the_harmonic_mean() -> None:
    pages = [
        ShingleMatch(tp=0.5, fp=0.5, fn=0.0),  # P 0.5, R 1
        ShingleMatch(tp=1.0, fp=0.0, fn=0.0),  # P 1, R 1
        ShingleMatch(tp=0.0, fp=0.0, fn=1.0),  # nothing predicted: R 0, P undefined
        ShingleMatch(tp=0.0, fp=0.0, fn=0.0),  # both empty: neither defined
    ]
    score = aggregate(pages)
    assert score.precision == pytest.approx(0.75)
    assert score.recall == pytest.approx(2 / 3)
    assert score.f1 == pytest.approx(2 * 0.75 * (2 / 3) / (0.75 + 2 / 3))
    assert score.pages == 4


def test_aggregate_of_nothing_is_zero() -> None:
    score = aggregate([])
    assert (score.precision, score.recall, score.f1) == (0.0, 0.0, 0.0)
