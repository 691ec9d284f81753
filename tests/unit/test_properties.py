"""Properties of the public API on arbitrary Unicode (hypothesis): ``segment``, ``word_diff``, ``compare``, the JSON
round trip and every renderer, on texts shaped as ``add`` stores them and as a hand-edited library loads them.

Whatever the text — other scripts, combining marks, emoji, right-to-left marks, markup, stray control characters —
a claim slices its readout, every claim is in exactly one link or omission, a word diff rebuilds both claims, the
result passes ``check_comparison`` (what the cache demands of an entry), reads back from its JSON unchanged, and
every renderer turns it into text without an escape sequence. Profiles: ``default`` (a bounded run, part of the
test suite) and ``long`` (``DUALREAD_HYPOTHESIS=long``, thousands of examples: ``benchmarks/README.md``).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from comparisons.cache import _dumps, _restore_texts
from comparisons.engine import compare
from comparisons.evidence import explain_link, explain_omission
from comparisons.integrity import check_comparison
from comparisons.jsonio import dumps, from_dict, to_dict
from comparisons.reports import render
from readouts.model import Pair, Participant, Side
from readouts.segment import segment
from readouts.textshape import clean_text, normalise_text
from comparisons.words.worddiff import word_diff

settings.register_profile("default", max_examples=25, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
settings.register_profile("long", max_examples=2_000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
settings.load_profile(os.environ.get("DUALREAD_HYPOTHESIS", "default"))

ESCAPES = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]|\r(?!\n)")
"""What no output may carry: an ESC, BEL or C1 control, a bidirectional override, embedding or isolate (it turns
the text after it around), a lone carriage return (a tab, a line break and CSV's ``\r\n`` are fine)."""

WORDS = ["Biden", "Putin", "sanctions", "talks", "Geneva", "January", "10", "9–10", "NATO", "Украина", "переговоры",
         "中国", "台湾", "❶", "²", "٣", "[bold]", "<script>", "&amp;", "|", "=SUM(A1)", "# Title", "U.S.", "Mr.",
         "agreed", "refused", "not", "«Kyiv»", "\u202e", "e\u0301", "👍🏽", "\x1b[31m", "\t", "…", "?", "!"]
"""Words real readouts use, and the ones that broke parsers elsewhere: other scripts, digits that are not decimals,
markup, a right-to-left override, a combining accent, an emoji with a skin tone, an escape sequence, a tab."""

anything = st.text(st.characters(blacklist_categories=("Cs",)), max_size=120)
word = st.one_of(st.sampled_from(WORDS), st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1,
                                                 max_size=12))
sentence = st.lists(word, min_size=1, max_size=14).map(" ".join).flatmap(
    lambda s: st.sampled_from([".", "!", "?", "。", "", ";"]).map(lambda end: s + end))
paragraph = st.lists(sentence, min_size=1, max_size=4).map(" ".join)
raw_readout = st.tuples(sentence, st.lists(st.one_of(paragraph, anything), min_size=1, max_size=4)).map(
    lambda t: t[0] + "\n\n" + "\n\n".join(t[1]))
stored = st.one_of(raw_readout.map(normalise_text), raw_readout.map(clean_text))
"""A side's text as ``add`` stores it (normalised) or as a hand-edited file loads (cleaned only)."""
metadata = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40).map(lambda s: clean_text(s).strip())


def make_pair(texts: list[str], event: str = "A call", publishers: tuple[str, ...] = ()) -> Pair:
    keys = ["white-house", "kremlin", "press"][: len(texts)]
    return Pair(
        id="generated", event=event or "A call", date=dt.date(2022, 1, 1),
        sides=tuple(Side(k, t, publisher=(publishers[i] if i < len(publishers) else k)) for i, (k, t)
                    in enumerate(zip(keys, texts))),
        participants=(Participant("Joseph R. Biden", ("Biden",)), Participant("Vladimir Putin", ("Putin",))),
    )


@given(st.one_of(anything, raw_readout, stored))
def test_segment_spans_slice_the_text_in_order(text):
    spans = segment(text)
    end, paragraph = 0, 0
    for span in spans:
        assert end <= span.start < span.end <= len(text)
        piece = text[span.start:span.end]
        assert piece == piece.strip() and piece
        assert span.paragraph >= paragraph
        end, paragraph = span.end, span.paragraph


@given(anything, anything)
def test_a_word_diff_rebuilds_both_texts(a, b):
    spans = word_diff(a, b)
    assert {s.op for s in spans} <= {"equal", "delete", "insert"}
    assert "".join(s.text for s in spans if s.op != "insert") == a
    assert "".join(s.text for s in spans if s.op != "delete") == b


@given(st.lists(stored.filter(lambda t: t.strip()), min_size=2, max_size=3))
def test_compare_gives_a_valid_comparison_that_round_trips(texts):
    pair = make_pair(texts)
    comparison = compare(pair)
    check_comparison(comparison)
    text = dumps(comparison)
    assert text == json.dumps(to_dict(comparison), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    assert from_dict(json.loads(text), pair) == comparison
    entry = json.loads(_dumps(comparison))
    _restore_texts(entry, pair)
    assert from_dict(entry, pair) == comparison


@given(st.lists(stored.filter(lambda t: t.strip()), min_size=2, max_size=3), metadata, st.lists(metadata, max_size=3))
def test_every_renderer_turns_any_comparison_into_text_without_escapes(texts, event, publishers):
    pair = make_pair(texts, event, tuple(publishers))
    comparison = compare(pair)
    for fmt in ("json", "md", "html", "csv"):
        out = render(comparison, fmt)
        assert not ESCAPES.search(out), fmt
        if fmt == "csv":
            assert list(csv.reader(io.StringIO(out.lstrip("\ufeff"))))
    for link in comparison.links:
        assert all(not ESCAPES.search(line) for line in explain_link(link, comparison))
    for omission in comparison.omissions:
        assert all(not ESCAPES.search(line) for line in explain_omission(omission, comparison))
    from rich.console import Console

    from tui.commands.show import render_comparison

    console = Console(file=io.StringIO(), width=80, color_system=None, highlight=False, emoji=False)
    render_comparison(comparison, console)
    assert not ESCAPES.search(console.file.getvalue())
