"""The word toolkit every stage shares: one reading of dates, one table of number words, one stemmer."""

from __future__ import annotations

import pytest

from comparisons.conflicts.detect import find_conflicts
from comparisons.matching.features import extract
from comparisons.words.dates import is_month_word, read_dates, read_months
from comparisons.words.stems import stem
from readouts.model import Claim, Pair, Side


@pytest.mark.parametrize("text, shown", [
    ("Talks open on January 10 in Geneva.", ["January 10"]),
    ("They meet on 9–10 January and again on Feb. 3rd.", ["January 9–10", "February 3"]),
    ("on the 10th of January", ["January 10"]),
    ("Переговоры пройдут 9 и 10 января в Женеве.", ["January 9–10"]),
    ("Встреча состоится 3 марта, а затем 12-го мая.", ["March 3", "May 12"]),
    ("The ministers may 5 times a year meet.", []),
])
def test_days_are_read_alike_in_english_and_russian(text, shown):
    assert [d.shown for d in read_dates(text)] == shown


def test_a_month_alone_is_read_but_may_and_mar_need_a_day():
    assert [m for _, _, m in read_months("Talks in March, a summit in мае, and they may meet.")] == [3, 5]
    assert [m for _, _, m in read_months("Переговоры в январе.")] == [1]


@pytest.mark.parametrize("word, month", [("january", True), ("jan", True), ("января", True), ("январе", True),
                                         ("march", True), ("marching", False), ("mayor", False), ("манера", False)])
def test_month_words(word, month):
    assert is_month_word(word) is month


def test_a_russian_date_and_an_english_one_are_one_feature():
    en = extract(Claim("wh", 0, 0, 40, "Delegations will meet on January 10."))
    ru = extract(Claim("kr", 0, 0, 40, "Делегации встретятся 10 января."))
    assert en.dates == ru.dates == frozenset({"01-10"})
    assert "10" not in en.numbers and "10" not in ru.numbers


def test_russian_dates_conflict_with_english_ones():
    pair = Pair("p", "Call", __import__("datetime").date(2022, 1, 1), (Side("wh", "x"), Side("kr", "x")))
    found = find_conflicts({"wh": [Claim("wh", 0, 0, 1, "Talks will open in Geneva on January 10.")],
                            "kr": [Claim("kr", 0, 0, 1, "Переговоры пройдут в Женеве 9–10 января.")]}, pair)
    assert {c.kind: dict(c.values) for c in found}["date"] == {"wh": "January 10", "kr": "January 9–10"}


def test_number_words_are_numbers_for_matching_from_three_up():
    assert extract(Claim("a", 0, 0, 1, "The call lasted fifty minutes and one hour.")).numbers == frozenset({"50"})


def test_one_stemmer_joins_a_words_forms():
    assert stem("negotiations") == stem("negotiating") == stem("negotiate")
    assert stem("санкций") == stem("санкции")


@pytest.mark.parametrize("singular", ["drone", "price", "force", "issue", "change", "source", "engine"])
def test_a_singular_meets_its_plural_in_es(singular):
    # "drones" loses "es"; "drone" kept its "e", so the two never met and a point on drones went unlinked.
    assert stem(singular) == stem(singular + "s")


def test_a_noun_in_ence_or_ance_does_not_meet_an_unrelated_word_cut_to_the_same_six_letters():
    # "presence" and "presented" were both "presen": "the presence of troops" joined "they presented the plan".
    assert stem("presence") != stem("presented")
    assert stem("difference") == stem("differences")
    assert stem("assistance") == stem("assist")
