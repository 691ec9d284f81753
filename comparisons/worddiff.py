"""Word-level diffs between the texts of a link's claims; the one module that imports diff-match-patch.

- ``tokenize(text) -> list[str]``: words, runs of whitespace and single punctuation marks; joined, they give the
  text back unchanged.
- ``word_diff(a, b, *, timeout=0.5) -> tuple[Span, ...]``: the difference from ``a`` to ``b`` as typed spans.
  ``equal`` + ``delete`` spans, joined in order, rebuild ``a``; ``equal`` + ``insert`` spans rebuild ``b``.

diff-match-patch diffs characters, returns ``(-1|0|1, text)`` tuples and cleans lists in place. A character diff of
two paraphrases is unreadable ("Jan" → "Dec", letter by letter), so each distinct token of either text is mapped to
one private character (the ``diff_linesToChars`` trick, with words instead of lines), the short strings are diffed,
the semantic cleanup merges trivial equalities, and each character is mapped back to its token. A timeout bounds
the work on long claims: past it the library returns a coarser but still correct diff.
"""

from __future__ import annotations

import re

from comparisons.model import Span

__all__ = ["tokenize", "word_diff"]

_TOKEN = re.compile(r"\w+(?:['’]\w+)*|\s+|[^\w\s]", re.UNICODE)

_OPS = {-1: "delete", 0: "equal", 1: "insert"}

# Token codes start above the ASCII range and skip the surrogate block so that every code is a valid character.
_FIRST_CODE = 0x100
_SURROGATES = range(0xD800, 0xE000)


def tokenize(text: str) -> list[str]:
    """Split ``text`` into tokens that, joined, reproduce it exactly (the regex covers every character)."""
    return _TOKEN.findall(text)


def _code(n: int) -> str:
    point = _FIRST_CODE + n
    if point >= _SURROGATES.start:
        point += len(_SURROGATES)
    return chr(point)


def _encode(tokens: list[str], table: dict[str, str], vocab: list[str]) -> str:
    out = []
    for token in tokens:
        code = table.get(token)
        if code is None:
            code = _code(len(vocab))
            table[token] = code
            vocab.append(token)
        out.append(code)
    return "".join(out)


def word_diff(a: str, b: str, *, timeout: float = 0.5) -> tuple[Span, ...]:
    """The word diff from ``a`` (the first side's text) to ``b`` (the other side's), as merged spans."""
    from diff_match_patch import diff_match_patch  # the only import of the library in dualread

    table: dict[str, str] = {}
    vocab: list[str] = []
    chars_a = _encode(tokenize(a), table, vocab)
    chars_b = _encode(tokenize(b), table, vocab)
    decode = {code: token for token, code in table.items()}

    dmp = diff_match_patch()
    dmp.Diff_Timeout = timeout
    diffs = dmp.diff_main(chars_a, chars_b, False)
    dmp.diff_cleanupSemantic(diffs)

    spans: list[Span] = []
    for op, chars in diffs:
        if not chars:
            continue
        text = "".join(decode[c] for c in chars)
        kind = _OPS[op]
        if spans and spans[-1].op == kind:
            spans[-1] = Span(kind, spans[-1].text + text)
        else:
            spans.append(Span(kind, text))
    return tuple(spans)
