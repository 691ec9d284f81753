"""Word diffs: readable word-level spans that rebuild both claims exactly."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from comparisons.words.worddiff import tokenize, word_diff


def _side_a(spans):
    return "".join(s.text for s in spans if s.op in ("equal", "delete"))


def _side_b(spans):
    return "".join(s.text for s in spans if s.op in ("equal", "insert"))


def test_changed_date_is_one_word_swap_not_a_letter_soup():
    spans = word_diff("talks will open on January 10 in Geneva", "talks will open on January 12 in Geneva")
    changed = [(s.op, s.text) for s in spans if s.op != "equal"]
    assert changed == [("delete", "10"), ("insert", "12")]


def test_changes_are_whole_words():
    spans = word_diff("The presidents discussed sanctions.", "The leaders discussed sanctioning.")
    assert [s.text for s in spans if s.op == "delete"] == ["presidents", "sanctions"]
    assert [s.text for s in spans if s.op == "insert"] == ["leaders", "sanctioning"]


def test_identical_texts_are_one_equal_span():
    assert [(s.op, s.text) for s in word_diff("Same words here.", "Same words here.")] == [
        ("equal", "Same words here.")
    ]


def test_empty_texts():
    assert word_diff("", "") == ()
    assert [(s.op, s.text) for s in word_diff("", "New point.")] == [("insert", "New point.")]


def test_tokens_rebuild_text_with_unicode_and_punctuation():
    text = "Путин — «Biden» didn't say: 9–10 January, 2022!\n"
    assert "".join(tokenize(text)) == text


def test_no_adjacent_spans_share_an_op():
    spans = word_diff("a b c d e f g", "a x c y e z g")
    assert all(a.op != b.op for a, b in zip(spans, spans[1:]))


_words = st.lists(
    st.sampled_from(
        ["Biden", "Putin", "talks", "January", "10", "9–10", "sanctions", ",", ".", " ", "  ", "\n", "é", "[bold]"]
    ),
    max_size=40,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(_words, _words)
def test_diff_rebuilds_both_texts_from_vocabulary(a, b):
    spans = word_diff(a, b)
    assert _side_a(spans) == a
    assert _side_b(spans) == b


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=120), st.text(max_size=120))
def test_diff_rebuilds_both_texts_from_any_text(a, b):
    spans = word_diff(a, b)
    assert _side_a(spans) == a
    assert _side_b(spans) == b
    assert all(s.text for s in spans)


def test_many_distinct_tokens_still_rebuild():
    # Enough distinct words to push the private token codes past the surrogate block.
    a = " ".join(f"w{i}" for i in range(60000))
    b = " ".join(f"w{i}" for i in range(0, 60000, 2))
    spans = word_diff(a, b, timeout=0.2)
    assert _side_a(spans) == a and _side_b(spans) == b


def test_words_match_whatever_whitespace_or_punctuation_follows():
    spans = word_diff("talks in\nGeneva, then Vienna", "talks in Geneva then Vienna")
    assert [(s.op, s.text) for s in spans if s.op != "equal"] == [("delete", "\n"), ("insert", " "), ("delete", ",")]
    assert _side_a(spans) == "talks in\nGeneva, then Vienna"
    assert _side_b(spans) == "talks in Geneva then Vienna"


def test_slight_shared_words_between_changes_are_folded_in():
    spans = word_diff("Biden warned of the costs.", "Putin stressed the risks.")
    assert [s.text for s in spans if s.op == "equal"] == ["."]
