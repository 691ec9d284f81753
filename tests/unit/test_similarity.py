"""The similarity layer: pluggable scorers that judge how alike two claims are in content."""

from __future__ import annotations

import pytest
from builders import document

from comparisons.errors import ComparisonError
from comparisons.matching.semantic import semantic_available
from comparisons.matching.similarity import LexicalScorer, get_scorer

LEFT = document("left", [
    "The Prime Minister spoke with the President of Kenya.",
    "He urged all parties to de-escalate the fighting in the east.",
    "They agreed to hold trade talks in Nairobi on May 4.",
])
RIGHT = document("right", [
    "The President of Kenya had a telephone conversation with the Prime Minister.",
    "The two sides will open negotiations on commerce in Nairobi on 4 May.",
    "The President thanked the Prime Minister for the hospitality of his staff.",
])


@pytest.mark.skipif(semantic_available(), reason="the semantic extra is installed here, so there is no hint to give")
def test_the_lexical_scorer_is_the_default_and_the_semantic_one_says_how_to_install_it():
    assert isinstance(get_scorer("lexical"), LexicalScorer)
    with pytest.raises(ComparisonError) as raised:
        get_scorer("semantic")
    message = str(raised.value)
    assert "pip install" in message and "semantic" in message
    assert "\n" not in message


def test_an_unknown_scorer_is_a_clear_error():
    with pytest.raises(ComparisonError, match="lexical or semantic"):
        get_scorer("fuzzy")


def test_the_same_point_in_other_words_outscores_a_different_point():
    prepared = get_scorer("lexical").prepare([LEFT, RIGHT])
    same = prepared.score("left:2", "right:1")
    other = prepared.score("left:2", "right:2")
    assert same > 0.3
    assert same > 2 * other


def test_scores_are_symmetric_and_between_zero_and_one():
    prepared = get_scorer("lexical").prepare([LEFT, RIGHT])
    for a in LEFT.claims:
        for b in RIGHT.claims:
            s = prepared.score(a.id, b.id)
            assert 0.0 <= s <= 1.0
            assert s == prepared.score(b.id, a.id)


def test_a_cutoff_that_cannot_be_reached_returns_zero_early():
    long = document("long", ["Geneva " + " ".join(f"word{i}" for i in range(60)) + "."])
    short = document("short", ["Geneva."])
    prepared = get_scorer("lexical").prepare([long, short])
    assert prepared.score("long:0", "short:0") > 0.0
    assert prepared.score("long:0", "short:0", score_cutoff=0.99) == 0.0


def test_across_languages_only_language_free_features_count():
    english = document("en", ["The ban on strikes against energy facilities lasts 30 days from March 18."])
    russian = document("ru", ["Запрет ударов по объектам энергетики действует 30 суток с 18 марта."])
    unrelated = document("ru2", ["Стороны обменялись поздравлениями с праздником."])
    prepared = get_scorer("lexical").prepare([english, russian, unrelated])
    assert prepared.score("en:0", "ru:0") > 0.5
    assert prepared.score("en:0", "ru2:0") == 0.0


def test_blocking_keys_are_what_the_claim_offers():
    prepared = get_scorer("lexical").prepare([LEFT, RIGHT])
    keys = prepared.keys("left:2")
    assert "e:nairobi" in keys or "w:nairob" in keys
    assert "d:05-04" in keys


def test_a_point_and_the_denial_of_a_point_near_it_score_lower_than_two_affirmations():
    plans = document("plans", ["The United States intends to place strike weapons in Ukraine."])
    affirmed = document("affirmed", ["He said strike weapons would be placed in Ukraine."])
    denied = document("denied", ["He said strike weapons would not be placed in Ukraine."])
    both = get_scorer("lexical").prepare([plans, affirmed, denied])
    assert both.score("plans:0", "denied:0") < both.score("plans:0", "affirmed:0")
