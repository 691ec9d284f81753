"""Sentences numbered as the evaluation corpus numbers them, so a reviewed pair can be written as gold.

``../shared/eval`` annotates by sentence id (``kremlin#7``), counting the sentences of a side's file from 0 (the title
line) with its own simple splitter. Our claims come from a different segmenter (clauses, wrapped lines), so to write
gold we need that corpus's sentences, numbered exactly as it numbers them. This module restates its published rules
in our own code (``tests/unit/test_review_gold.py`` checks it against the corpus's splitter wherever that is
present):

- a paragraph is a run of non-empty lines; a line break ends it when only whitespace follows up to the next break;
- inside a paragraph a sentence may end after ``.``, ``!``, ``?`` or ``…`` (several allowed), then any closing
  quotes or brackets, then whitespace;
- it does not end after a known abbreviation (``U.S.``, ``Jan.``, ``Mr.``, ...) or a single initial (``J.``), except
  ``etc.`` before a capital letter, nor when the next character is not a capital letter, a digit or an opening
  quote or bracket;
- a sentence's span excludes the whitespace after it; what is left of a paragraph is its last sentence.

- ``sentences(text) -> list[tuple[int, int]]``: the spans, in order; the index in the list is the sentence number.
"""

from __future__ import annotations

import re

__all__ = ["sentences"]

_END = re.compile(r"[.!?\u2026]+[\"\u201d\u2019\u00bb)\]]*\s+")
"""Where a sentence may end: stop marks, closing quotes or brackets, then the whitespace before the next one."""

_INITIAL = re.compile(r"[a-z\u0430-\u044f]\.", re.IGNORECASE)
"""One Latin or Cyrillic letter and a full stop: an initial, not a sentence's end."""

_ABBREVIATIONS = frozenset("""
    jan. feb. mar. apr. jun. jul. aug. sep. sept. oct. nov. dec.
    mr. mrs. ms. dr. prof. st. jr. sr. gen. col. lt. sen. rep. gov.
    u.s. u.k. u.n. d.c. no. vs. etc. e.g. i.e. inc. corp. co. t.
    г. т.е. т.д. т.п. им. ул.
""".split())

_OPENERS = frozenset('"\u201c\u00ab(')
"""Characters that may open a sentence besides capitals and digits."""


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans = []
    size = len(text)
    pos = 0
    while pos < size:
        if text[pos] == "\n":
            pos += 1
            continue
        start = pos
        end = _line_end(text, pos)
        while end < size and _continues(text, end + 1):
            end = _line_end(text, end + 1)
        spans.append((start, end))
        pos = end
    return spans


def _line_end(text: str, pos: int) -> int:
    found = text.find("\n", pos)
    return len(text) if found < 0 else found


def _continues(text: str, pos: int) -> bool:
    """Whether the line starting at ``pos`` (after a line break) carries on the paragraph: it must hold something,
    and not be whitespace up to another line break."""
    if pos >= len(text) or text[pos] == "\n":
        return False
    while pos < len(text) and text[pos].isspace():
        if text[pos] == "\n":
            return False
        pos += 1
    return True


def _is_abbreviation(word: str) -> bool:
    return word in _ABBREVIATIONS or (len(word) == 2 and _INITIAL.fullmatch(word) is not None)


def _opens(char: str) -> bool:
    return char.isupper() or char.isdigit() or char in _OPENERS


def sentences(text: str) -> list[tuple[int, int]]:
    found: list[tuple[int, int]] = []
    for start, end in _paragraphs(text):
        chunk = text[start:end]
        begin = 0
        for stop in _END.finditer(chunk):
            piece = chunk[begin:stop.end()].rstrip()
            words = piece.split()
            last = words[-1].lower() if words else ""
            following = chunk[stop.end():stop.end() + 1]
            if _is_abbreviation(last) and not (last == "etc." and following.isupper()):
                continue
            if following and not _opens(following):
                continue
            found.append((start + begin, start + begin + len(piece)))
            begin = stop.end()
        tail = chunk[begin:].rstrip()
        if tail.strip():
            found.append((start + begin, start + begin + len(tail)))
    return found
