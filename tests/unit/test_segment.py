"""Segmentation: the claims a reader sees are whole sentences, cut where a sentence really ends."""

from __future__ import annotations

import dataclasses
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from readouts.segment import Segment, paragraphs, segment
from readouts.textshape import LIST_MARKER


def texts(text: str) -> list[str]:
    return [text[s.start : s.end] for s in segment(text)]


def test_title_line_is_not_a_claim():
    text = "Readout of a call\n\nThe leaders spoke. They agreed to talk again."
    assert texts(text) == ["The leaders spoke.", "They agreed to talk again."]


def test_first_line_without_blank_line_after_it_is_a_claim():
    assert texts("One line only.") == ["One line only."]
    assert texts("First line.\nSecond line.") == ["First line.", "Second line."]


def test_title_only_text_has_no_claims():
    assert segment("Just a headline\n\n") == []
    assert segment("") == []
    assert segment("   \n\n  \n") == []


def test_abbreviations_and_initials_do_not_end_sentences():
    text = (
        "Headline\n\n"
        "President Smith spoke with Prime Minister Jones on Jan. 5. They agreed to meet in Washington, D.C. "
        "Mr. Brown and Dr. Green of St. Louis joined Joseph R. Biden, Jr. at the U.S. Capitol, i.e. the "
        "building on Capitol Hill, e.g. for the No. 2 session."
    )
    assert texts(text) == [
        "President Smith spoke with Prime Minister Jones on Jan. 5.",
        "They agreed to meet in Washington, D.C.",
        (
            "Mr. Brown and Dr. Green of St. Louis joined Joseph R. Biden, Jr. at the U.S. Capitol, i.e. the "
            "building on Capitol Hill, e.g. for the No. 2 session."
        ),
    ]


def test_abbreviation_at_the_end_of_a_sentence_ends_it_when_a_new_sentence_clearly_starts():
    text = "T\n\nThe delegation flew to the U.S. The talks began at once. The U.S. President joined."
    assert texts(text) == ["The delegation flew to the U.S.", "The talks began at once.", "The U.S. President joined."]


def test_decimal_numbers_and_list_end_words():
    text = "T\n\nTrade grew by 2.5 percent in 2021. Ports, banks, etc. Both sides said no. Then they left."
    assert texts(text) == ["Trade grew by 2.5 percent in 2021.", "Ports, banks, etc.", "Both sides said no.", "Then they left."]


def test_quotations_end_with_their_closing_mark():
    text = 'T\n\nHe said: "We are ready." She replied, “So are we.” The host added «Welcome.» And then "why?" he asked.'
    assert texts(text) == [
        'He said: "We are ready."',
        "She replied, “So are we.”",
        "The host added «Welcome.»",
        'And then "why?" he asked.',
    ]


def test_question_exclamation_and_ellipsis():
    text = "T\n\nWill talks resume? Yes! The answer… was yes. Wait... Another one follows."
    assert texts(text) == ["Will talks resume?", "Yes!", "The answer… was yes.", "Wait...", "Another one follows."]


def test_bullets_are_claims_of_their_own_even_without_blank_lines():
    text = "T\n\nAfter the talks:\n- The first side agreed\n- The second side agreed.\n* A third point\n• A fourth"
    got = segment(text)
    assert [text[s.start : s.end] for s in got] == [
        "After the talks:",
        "The first side agreed",
        "The second side agreed.",
        "A third point",
        "A fourth",
    ]
    assert [s.paragraph for s in got] == [0, 1, 2, 3, 4]


def test_numbered_items_are_claims_without_their_numbers_inline_and_on_their_own_lines():
    inline = "T\n\n1. The sides agreed on shipping. 2. Trade will resume. 3. Talks go on."
    assert texts(inline) == ["The sides agreed on shipping.", "Trade will resume.", "Talks go on."]
    lines = "T\n\n1. First point\n2) Second point\n(3) Third point"
    assert texts(lines) == ["First point", "Second point", "Third point"]


def test_a_lone_marker_stays_a_claim():
    assert texts("T\n\nIntro.\n\n-") == ["Intro.", "-"]


def test_hard_wrapped_lines_form_one_paragraph():
    text = "T\n\nThe leaders discussed\nthe situation in the region. They agreed\nto stay in touch.\n\nNext paragraph."
    got = segment(text)
    assert [text[s.start : s.end] for s in got] == [
        "The leaders discussed\nthe situation in the region.",
        "They agreed\nto stay in touch.",
        "Next paragraph.",
    ]
    assert [s.paragraph for s in got] == [0, 0, 1]


def test_cyrillic_sentences_and_abbreviations():
    text = (
        "Заголовок\n\n"
        "Встреча прошла 18 марта 2025 г. в Москве. Стороны обсудили т.е. все вопросы, им. Ленина и т.д. "
        "«Мы готовы», — сказал он. Президент отметил важность диалога… Он согласился."
    )
    assert texts(text) == [
        "Встреча прошла 18 марта 2025 г. в Москве.",
        "Стороны обсудили т.е. все вопросы, им. Ленина и т.д.",
        "«Мы готовы», — сказал он.",
        "Президент отметил важность диалога…",
        "Он согласился.",
    ]


def test_chinese_full_width_marks_end_sentences_without_spaces():
    text = "标题\n\n两国元首通话。双方同意保持联系！会谈坦诚吗？ 是的。"
    assert texts(text) == ["两国元首通话。", "双方同意保持联系！", "会谈坦诚吗？", "是的。"]


def test_segments_are_frozen_values():
    seg = segment("T\n\nA point.")[0]
    assert seg == Segment(3, 11, 0)
    with pytest.raises(dataclasses.FrozenInstanceError):
        seg.start = 0  # type: ignore[misc]


def test_paragraph_spans_leave_out_the_title_and_blank_lines():
    text = "Title\n\n  First para.  \n\n\nSecond\npara."
    assert [text[a:b] for a, b in paragraphs(text)] == ["First para.", "Second\npara."]


# -- properties ---------------------------------------------------------------------------------------------

_pieces = st.sampled_from(
    [
        "The leaders spoke", "U.S.", "Jan.", "Mr.", "R.", "Jr.", "e.g.", "г.", "т.е.", "Стороны", "он", "1.",
        "2.5", "No.", "etc.", "The", "They", "«Да»", "“Yes.”", '"No."', "why?", "Why?", "!", "…", "...", "-", "•",
        "(a)", "(", ")", ".", ",", ";", ":", "Президент", "x", "A.", "b.", "\u00a0", "\t", "。", "会谈", "？」",
    ]
)
_gaps = st.sampled_from([" ", " ", " ", "  ", "\n", "\n\n", "\n \n", "\r\n", ""])
_texts = st.lists(st.tuples(_pieces, _gaps), max_size=40).map(lambda parts: "".join(p + g for p, g in parts))




def _check(text: str) -> None:
    segs = segment(text)
    previous_end = 0
    previous_paragraph = 0
    for n, seg in enumerate(segs):
        assert 0 <= seg.start < seg.end <= len(text)
        assert seg.start >= previous_end, "segments overlap or are out of order"
        assert not text[seg.start].isspace() and not text[seg.end - 1].isspace(), "segment not trimmed"
        assert "\n\n" not in text[seg.start : seg.end].replace(" ", "").replace("\r", "")
        assert seg.paragraph in (previous_paragraph, previous_paragraph + 1) if n else seg.paragraph == 0
        previous_end, previous_paragraph = seg.end, seg.paragraph
    covered = [False] * len(text)
    for seg in segs:
        covered[seg.start : seg.end] = [True] * (seg.end - seg.start)
    for start, end in paragraphs(text):
        gaps = re.split(r"\x00+", "".join("\x00" if c else text[i] for i, c in enumerate(covered) if start <= i < end))
        for gap in gaps:
            # Only a list marker just before a claim may be left out ("- ", "12. ", "(a) ").
            # Only a list item's marker may fall between claims: the one rule segment() reads them by.
            assert not gap.strip() or LIST_MARKER.fullmatch(gap.strip() + " "), f"text {gap!r} is in no claim: {text!r}"
    between = [i for i, c in enumerate(covered) if c]
    assert all(any(a <= i < b for a, b in paragraphs(text)) for i in between), "claim outside the body"


@settings(max_examples=400, deadline=None)
@given(_texts)
def test_segments_cover_the_body_in_order_without_overlap(text):
    _check(text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=200))
def test_segments_hold_for_any_text(text):
    _check(text)


def test_body_is_everything_but_the_title():
    text = "Title\n\nBody one. Body two.\n\n- item"
    spans = paragraphs(text)
    body = "".join(ch for ch in text[text.index("\n") :] if not ch.isspace())
    assert "".join(ch for a, b in spans for ch in text[a:b] if not ch.isspace()) == body


WRAPPED = (
    "Readout of the call\n\n"
    "The President spoke today with the Chancellor about the energy crisis in Europe and the steps both governments "
    "are taking to secure supplies for the coming winter, and about the\n"
    "support both countries give to the reconstruction of the port of Odesa.\n"
    "They agreed to meet in Berlin.\n\n"
    "The leaders discussed the next package of sanctions, the price cap on oil and the assets that both sides hold.\n"
    "Then they turned to the talks.\n"
)


def test_a_line_that_goes_on_with_the_sentence_before_is_one_claim_stored_or_written_by_hand():
    """One rule for line breaks: the text as written by hand splits into the claims ``dualread add`` stores."""
    from readouts.textshape import normalise_text

    by_hand = [WRAPPED[s.start:s.end] for s in segment(WRAPPED)]
    stored = normalise_text(WRAPPED)
    imported = [stored[s.start:s.end] for s in segment(stored)]
    assert [" ".join(c.split()) for c in by_hand] == imported
    assert any(c.endswith("reconstruction of the port of Odesa.") and c.startswith("The President") for c in imported)
    # Lines pasted from a web page, each a whole sentence, stay apart.
    assert "Then they turned to the talks." in imported
