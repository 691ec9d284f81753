"""Word-level diffs between the texts of a link's claims; the one module that imports diff-match-patch.

- ``tokenize(text) -> list[str]``: words, runs of whitespace and single punctuation marks; joined, they give the
  text back unchanged.
- ``word_diff(a, b, *, timeout=0.5) -> tuple[Span, ...]``: the difference from ``a`` to ``b`` as typed spans.
  ``equal`` + ``delete`` spans, joined in order, rebuild ``a``; ``equal`` + ``insert`` spans rebuild ``b``.

diff-match-patch diffs characters, returns ``(-1|0|1, text)`` tuples and cleans lists in place. A character diff of
two paraphrases is unreadable ("Jan" → "Dec", letter by letter), so each distinct word or punctuation mark of
either text is mapped to one private character (the ``diff_linesToChars`` trick, with words instead of lines) and
the short strings are diffed. Whitespace is left out of that sequence, which halves the work and lets "border,"
match "border ." word for word; it is put back from each side when the spans are built, so both texts are rebuilt
exactly. Equalities too slight to mean shared wording ("the", a comma) between two changes are folded into the
changes, so a reader sees phrases, not confetti. A timeout bounds the work on long claims: past it the library
returns a coarser but still correct diff.
"""

from __future__ import annotations

import re
from itertools import accumulate

from comparisons.model import Span

__all__ = ["tokenize", "word_diff"]

_SPLIT = re.compile(r"(\w+(?:['’]\w+)*|[^\w\s])")
"""A word or one punctuation mark, captured so that ``split`` also returns the whitespace around each."""
_PIECE = re.compile(r"\w+(?:['’]\w+)*|\s+|[^\w\s]")
_CONTENT = re.compile(r"[^\W\d_]{4,}|\d")

# Token codes start above the ASCII range and skip the surrogate block so that every code is a valid character.
_FIRST_CODE = 0x100
_SURROGATES = range(0xD800, 0xE000)


def tokenize(text: str) -> list[str]:
    """Split ``text`` into words, whitespace runs and punctuation marks that, joined, reproduce it exactly."""
    return _PIECE.findall(text)


class _Words:
    """A text as its words, the whitespace before each, and where each gap starts and each word ends, so that a
    run of words can be cut from the text in one slice."""

    __slots__ = ("text", "words", "gaps", "gap_starts", "word_starts", "word_ends", "tail")

    def __init__(self, text: str) -> None:
        # [gap, word, gap, word, ..., word, tail]: only whitespace lies between tokens, since every other
        # character starts one. Summing lengths gives the offsets, all in C rather than a loop per word.
        parts = _SPLIT.split(text)
        ends = list(accumulate(map(len, parts)))
        self.text = text
        self.gaps = parts[0:-1:2]
        self.words = parts[1::2]
        self.gap_starts = [0, *ends[1:-2:2]] if self.words else []
        self.word_starts = ends[0:-1:2]
        self.word_ends = ends[1::2]
        self.tail = parts[-1]


def _encode(words: list[str], table: dict[str, str]) -> str:
    """``words`` as one character each; a word new to ``table`` gets the next free code, in order of first use."""
    for word in dict.fromkeys(words):
        if word not in table:
            point = _FIRST_CODE + len(table)
            if point >= _SURROGATES.start:
                point += len(_SURROGATES)
            table[word] = chr(point)
    return "".join(map(table.__getitem__, words))


def _is_trivial(chars: str, decode: dict[str, str]) -> bool:
    """Too slight to read as shared wording: at most two words, none of four letters or more, no digits."""
    return len(chars) <= 2 and not any(_CONTENT.search(decode[c]) for c in chars)


def _fold_trivial_equalities(diffs: list[list], decode: dict[str, str]) -> bool:
    """Fold equalities like "the" or "," that sit between two changes into those changes, in place.

    ``diff_cleanupSemantic`` does this for characters, but its length rule, applied to words, also swallows real
    shared words ("discussed"), so the rule here looks at what the words are. Returns whether anything changed.
    """
    out: list[list] = []
    changed = False
    for i, (op, chars) in enumerate(diffs):
        between_changes = 0 < i < len(diffs) - 1 and diffs[i - 1][0] != 0 and diffs[i + 1][0] != 0
        if op == 0 and between_changes and _is_trivial(chars, decode):
            out += [[-1, chars], [1, chars]]
            changed = True
        else:
            out.append([op, chars])
    diffs[:] = out
    return changed


def word_diff(a: str, b: str, *, timeout: float = 0.5) -> tuple[Span, ...]:
    """The word diff from ``a`` (the first side's text) to ``b`` (the other side's), as merged spans."""
    from diff_match_patch import diff_match_patch  # the only import of the library in dualread

    wa, wb = _Words(a), _Words(b)
    table: dict[str, str] = {}
    chars_a, chars_b = _encode(wa.words, table), _encode(wb.words, table)
    decode = {code: word for word, code in table.items()}

    dmp = diff_match_patch()
    dmp.Diff_Timeout = timeout
    diffs = [list(d) for d in dmp.diff_main(chars_a, chars_b, False)]
    if _fold_trivial_equalities(diffs, decode):
        dmp.diff_cleanupMerge(diffs)

    pieces: list[tuple[int, str]] = []
    ia = ib = 0
    for op, chars in diffs:
        n = len(chars)
        if op == 0:
            pieces += _equal_run(wa, ia, wb, ib, n)
            ia += n
            ib += n
        elif op < 0:
            pieces.append((-1, a[wa.gap_starts[ia] : wa.word_ends[ia + n - 1]]))
            ia += n
        else:
            pieces.append((1, b[wb.gap_starts[ib] : wb.word_ends[ib + n - 1]]))
            ib += n
    pieces += _gap(wa.tail, wb.tail)
    return _spans(pieces)


def _equal_run(wa: _Words, ia: int, wb: _Words, ib: int, n: int) -> list[tuple[int, str]]:
    """``n`` equal words from ``wa[ia]`` and ``wb[ib]``: one piece when the whitespace between them agrees too."""
    pieces = _gap(wa.gaps[ia], wb.gaps[ib])
    run_a = wa.text[wa.word_starts[ia] : wa.word_ends[ia + n - 1]]
    if run_a == wb.text[wb.word_starts[ib] : wb.word_ends[ib + n - 1]]:
        pieces.append((0, run_a))
        return pieces
    pieces.append((0, wa.words[ia]))
    for k in range(1, n):
        pieces += _gap(wa.gaps[ia + k], wb.gaps[ib + k])
        pieces.append((0, wa.words[ia + k]))
    return pieces


def _gap(gap_a: str, gap_b: str) -> list[tuple[int, str]]:
    """The whitespace before an equal word: shared when both sides have the same, else a change."""
    return [(0, gap_a)] if gap_a == gap_b else [(-1, gap_a), (1, gap_b)]


def _spans(pieces: list[tuple[int, str]]) -> tuple[Span, ...]:
    """Merge pieces into spans: each run of changes becomes one deletion, then one insertion."""
    spans: list[Span] = []
    deleted: list[str] = []
    inserted: list[str] = []

    def flush() -> None:
        # Whitespace both changes start with is shared: show it as such ("on {+9-+}10", not "on[- -]{+ 9-+}10").
        if deleted and inserted:
            old, new = "".join(deleted), "".join(inserted)
            shared = len(old) - len(old.lstrip())
            shared = min(shared, len(new) - len(new.lstrip()))
            while shared and old[:shared] != new[:shared]:
                shared -= 1
            if shared:
                keep(old[:shared])
                deleted[:] = [old[shared:]]
                inserted[:] = [new[shared:]]
        if deleted and "".join(deleted):
            spans.append(Span("delete", "".join(deleted)))
        if inserted and "".join(inserted):
            spans.append(Span("insert", "".join(inserted)))
        deleted.clear()
        inserted.clear()

    def keep(text: str) -> None:
        if spans and spans[-1].op == "equal":
            spans[-1] = Span("equal", spans[-1].text + text)
        else:
            spans.append(Span("equal", text))

    for op, text in pieces:
        if not text:
            continue
        if op < 0:
            deleted.append(text)
        elif op > 0:
            inserted.append(text)
        else:
            if deleted or inserted:
                flush()
            keep(text)
    flush()
    return tuple(spans)
