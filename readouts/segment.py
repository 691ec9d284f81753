"""Split a readout's text into claim spans: paragraphs first, then sentences.

- ``segment(text) -> list[Segment]``: the claim spans of a readout, in reading order.
- ``Segment(start, end, paragraph)``: one span; ``text[start:end]`` is the claim's text and ``paragraph``
  counts the body's paragraphs from 0.
- ``paragraphs(text) -> list[tuple[int, int]]``: the body's paragraph spans (title excluded), trimmed.

Rules, and why:

* The title line (the first non-blank line, when a blank line follows it) is the headline, not a claim.
* A paragraph is what ``readouts.textshape.paragraph_lines`` makes of a run of non-blank lines: hard-wrapped
  lines belong together (a line starting with a bullet or an item number, "- ", "1. ", "(a) ", starts a paragraph
  of its own: each item of a list is one point), while a block of long or sentence-ending lines, as pasted from a
  web page, is a paragraph a line. ``dualread add`` stores texts by the same rule, so a text edited by hand splits
  as an imported one.
* Inside a paragraph a sentence ends at ``.``, ``!``, ``?`` or ``…`` (plus any closing quotes or brackets) when
  whitespace follows and the next word opens a sentence: a capital letter (Latin or Cyrillic), a digit or an
  opening quote/bracket. Lowercase after the mark means the sentence goes on ("?” he asked", "... and so on").
* A period after an abbreviation does not end a sentence. Titles and words that always have something after them
  ("Mr.", "Dr.", "St.", "No.", "e.g.", "им.", "т.е.") never end one. Abbreviations that may close a sentence
  ("U.S.", "Jr.", "Inc.", "Jan.", initials such as "R.", Russian "г.") end one only when the next word is a
  common sentence opener ("The", "He", "They", "Он", "Стороны"): "the U.S. The President" splits,
  "Joseph R. Biden" and "U.S. President" do not.
* An item number at the start of a sentence ("2. США будут ...") does not end a sentence: a claim "2." alone
  would be noise to a reader. Nor is the marker part of the claim: a list marker ("- ", "1. ", "(a) ") that opens
  a sentence is left out of its span, since it numbers the point rather than stating it, and a marker in a claim
  would show up as a word of its diff.

Every step looks at each character a bounded number of times, so the work is linear in the text's length.
Whole sentences are the default claim: sentences are not cut at semicolons or commas.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from readouts.textshape import LIST_MARKER, paragraph_lines

__all__ = ["Segment", "paragraphs", "segment"]


@dataclass(frozen=True)
class Segment:
    """A claim span ``[start, end)`` of the text, trimmed of whitespace, in body paragraph ``paragraph``."""

    start: int
    end: int
    paragraph: int


_BULLET = LIST_MARKER
"""A list item's marker at the start of a line (``readouts.textshape``'s, so import and segmentation agree)."""

_BOUNDARY = re.compile(r"[.!?…。！？]+[\"'”’»)\]」』）]*")
"""Candidate sentence ends: a run of end marks and closing quotes/brackets. A run ends a sentence only when
whitespace follows, except that Chinese and Japanese full-width marks need no space after them. (One character
class up front lets the regex engine skip plain text quickly.)"""
_CJK_MARKS = "。！？"

_WORD = re.compile(r"\S+")
_ITEM_NUMBER = re.compile(r"\(?\d{1,3}[.)]")
_OPENERS = "\"'“‘«„([¿¡"
_LEADING_PUNCT = "\"'“‘«„([¿¡"
_CLOSING = "\"'”’»)]"

_NEVER_END = frozenset(
    """
    mr mrs ms messrs dr st vs cf e.g i.e viz approx dept gen lt col maj capt adm sgt cmdr brig
    sen rep gov prof hon rev amb pres sec
    им ул пр просп пл т.е т.к т.н т.ч напр см ср тов акад проф св рис стр
    """.split()
)
"""Abbreviations that are always followed by more of the same sentence (a name, an example)."""

_BEFORE_NUMBER = frozenset("no nos nr fig art vol vols pp ch para paras p sect №".split())
"""Abbreviations that introduce a number ("No. 5"); before a capital they are ordinary words ("said no.")."""

_LIST_END = frozenset("etc т.д т.п др".split())
"""Words that close a list; like the gold segmenter, a capital after them starts a new sentence."""

_MAY_END = frozenset(
    """
    u.s u.k u.n u.s.a e.u d.c u.s.s.r p.r.c a.m p.m inc ltd co corp bros jr sr esq ph.d
    jan feb mar apr jun jul aug sep sept oct nov dec
    г руб коп млн млрд тыс трлн кв
    """.split()
)
"""Abbreviations that usually sit inside a sentence but can also close one."""

_STARTERS = frozenset(
    """
    the a an he she they it its we i this that these those there both each all after before during following
    in on at as but however meanwhile moreover also today yesterday earlier later since while when
    according his her their our mr mrs ms dr did does do is are was were will would can could should what why how
    who where which
    он она они оно это эти этот эта в во на по при с со также кроме однако стороны президенты лидеры
    главы после затем далее тогда все был была были было
    """.split()
)
"""Words that open sentences far more often than they follow an abbreviation inside one."""

_SINGLE_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
_DOTTED = re.compile(r"(?:[^\W\d_]{1,3}\.)+[^\W\d_]{1,3}", re.UNICODE)


def paragraphs(text: str, breaks: frozenset[int] = frozenset()) -> list[tuple[int, int]]:
    """The body's paragraphs as trimmed ``(start, end)`` spans, in order; the title line is left out. A block of
    lines is split as ``readouts.textshape.paragraph_lines`` says (the rule ``dualread add`` stores texts by), and a
    line that starts at an offset in ``breaks`` (a transcript's turn, see ``readouts.turns``) starts a paragraph."""
    spans: list[tuple[int, int]] = []
    block: list[tuple[int, int]] = []
    skip_title = _title_end(text)
    pos = 0
    length = len(text)
    while pos <= length:
        newline = text.find("\n", pos)
        line_end = length if newline < 0 else newline
        if pos >= skip_title:
            lo, hi = _trim(text, pos, line_end)
            if lo == hi:
                spans.extend(_block_paragraphs(text, block, breaks))
                block = []
            else:
                block.append((lo, hi))
        if newline < 0:
            break
        pos = newline + 1
    spans.extend(_block_paragraphs(text, block, breaks))
    return spans


def _block_paragraphs(text: str, block: list[tuple[int, int]], breaks: frozenset[int]) -> list[tuple[int, int]]:
    """One block's paragraphs: its lines grouped by ``paragraph_lines``, a turn's line opening a paragraph."""
    if not block:
        return []
    groups = paragraph_lines([text[lo:hi] for lo, hi in block])
    out: list[tuple[int, int]] = []
    for group in groups:
        start = block[group[0]][0]
        for i in group:
            lo, hi = block[i]
            if i != group[0] and _line_start(text, lo) in breaks:
                out.append((start, block[i - 1][1]))
                start = lo
        out.append((start, block[group[-1]][1]))
    return out


def _line_start(text: str, lo: int) -> int:
    """The offset where the line holding ``lo`` begins (turn offsets are line starts, before any indent)."""
    return text.rfind("\n", 0, lo) + 1


def segment(text: str, breaks: frozenset[int] = frozenset()) -> list[Segment]:
    """The claim spans of ``text`` in reading order: whole sentences of each body paragraph (``breaks``: line
    starts that open a paragraph, as in ``paragraphs``)."""
    out: list[Segment] = []
    for index, (start, end) in enumerate(paragraphs(text, breaks)):
        out.extend(Segment(_after_marker(text, s, e), e, index) for s, e in _sentences(text, start, end))
    return out


def _after_marker(text: str, start: int, end: int) -> int:
    """Where a sentence's own words begin: after a leading list marker and its spaces, if words follow it."""
    marker = _BULLET.match(text, start, end)
    if marker is None:
        return start
    lo = marker.end()
    while lo < end and text[lo].isspace():
        lo += 1
    return lo if lo < end else start


def _title_end(text: str) -> int:
    """Where the body starts: after the title line when a blank line follows it, else at 0."""
    pos = 0
    length = len(text)
    while pos < length:
        newline = text.find("\n", pos)
        if newline < 0:
            return 0
        if text[pos:newline].strip():
            following = text.find("\n", newline + 1)
            next_line = text[newline + 1 : length if following < 0 else following]
            return newline + 1 if (following >= 0 or next_line) and not next_line.strip() else 0
        pos = newline + 1
    return 0


def _trim(text: str, lo: int, hi: int) -> tuple[int, int]:
    while lo < hi and text[lo].isspace():
        lo += 1
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    return lo, hi


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans inside one trimmed paragraph ``text[start:end]``."""
    spans: list[tuple[int, int]] = []
    sentence_start = start
    scanned = start
    for match in _BOUNDARY.finditer(text, start, end):
        mark_end = match.end()
        if mark_end >= end:
            break
        if not text[mark_end].isspace() and match.group(0)[0] not in _CJK_MARKS:
            continue  # inside a token: "U.S", "2.5", "e.g"
        word_start = mark_end
        # Walk back to the start of the token that carries the end mark; tokens do not overlap, so every
        # character is visited at most once over the paragraph.
        while word_start > scanned and not text[word_start - 1].isspace():
            word_start -= 1
        scanned = mark_end
        next_start = mark_end
        while text[next_start].isspace():
            next_start += 1
        next_word = _WORD.match(text, next_start, end)
        if _ends_sentence(text, word_start, match, sentence_start, next_word.group(0) if next_word else ""):
            spans.append((sentence_start, mark_end))
            sentence_start = next_start
    spans.append((sentence_start, end))
    return spans


def _ends_sentence(text: str, word_start: int, mark: re.Match[str], sentence_start: int, next_word: str) -> bool:
    if mark.group(0)[0] in _CJK_MARKS:
        return True
    first = next_word[0]
    if first.islower() or not (first.isupper() or first.isdigit() or first in _OPENERS or not first.isalpha()):
        return False
    marks = mark.group(0).rstrip(_CLOSING)
    if not marks.endswith("."):
        return True
    word = text[word_start : mark.start() + len(marks)]
    if word_start == sentence_start and _ITEM_NUMBER.fullmatch(word):
        return False
    core = word.lstrip(_LEADING_PUNCT)[:-1].lower()
    if len(marks) > 1 or not core:
        return True
    if core in _LIST_END:
        return True
    if core in _NEVER_END:
        return False
    if core in _BEFORE_NUMBER:
        return not first.isdigit()
    if core in _MAY_END or _SINGLE_LETTER.fullmatch(core) or _DOTTED.fullmatch(core):
        return _opens_sentence(next_word)
    return True


def _opens_sentence(word: str) -> bool:
    bare = word.lstrip(_LEADING_PUNCT).rstrip(",.;:!?”’»)\"'").lower()
    return bare in _STARTERS
