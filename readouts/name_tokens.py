"""The words of a readout as tokens, and the tests that say what a word may be in a name: the vocabulary
``readouts.people`` reads names with.

- ``tokens(text) -> list[Token]``: words and marks with offsets, lowercase form and whether each may be a name.
- ``name_key(word)``: a comparable form of a name word (Russian case endings set aside).
- ``is_name_word(word)``, ``country_code(phrase)``, ``title_at(tokens, i)``, ``opens_title(low)``: the word tests.
- ``POSSESSIVE``, ``VERBISH``: a possessive ending, and a word that may be the verb after a name.

Every word test is remembered per distinct word, and a text is tokenized in one pass of C code: these run on every
word of every readout, and a library holds thousands of readouts. The words themselves (titles, countries, words
that are never names) are data in ``readouts.name_words``; how runs of these tokens become people is
``readouts.people``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache, partial
from itertools import accumulate
from typing import NamedTuple

from readouts.name_words import (
    COUNTRIES,
    NOT_NAMES,
    RU_COUNTRIES,
    RU_ENDINGS,
    RU_TITLE_STEMS,
    STOP,
    TITLES,
)

__all__ = [
    "POSSESSIVE",
    "VERBISH",
    "Token",
    "country_code",
    "is_name_word",
    "name_key",
    "opens_title",
    "title_at",
    "tokens",
]

_TOKEN_SPLIT = re.compile(r"((?:[^\W\d_]\.){2,}|[\w’'\-]+|[^\w\s])")
"""A token (initials such as "U.S.", a word, or one mark); captured, so ``split`` returns tokens and the gaps."""
POSSESSIVE = re.compile(r"[’']s$")
_CYRILLIC = re.compile(r"[а-яё-]+")

_TITLES_BY_FIRST: dict[str, list[str]] = {}
for _title in TITLES:
    _TITLES_BY_FIRST.setdefault(_title.split()[0], []).append(_title)
_RU_TITLE_PREFIXES = {stem[:3] for stem in RU_TITLE_STEMS}

VERBISH = re.compile(r"(?:[a-z]+(?:ed|es|s)|had|has|said|made|gave|told|spoke|met|held|took|brought|was|will|"
                      r"would|could|can|must|also|further|again|then|once|[а-яё]+(?:л|ла|ли|ет|ит|ют|ят)(?:ся|сь)?)$")
"""A word that may be the verb after a name ("Vladimir Putin noted"), English or Russian."""


class Token(NamedTuple):
    """A word or mark of a text: its text, offsets, lowercase form and whether it may be part of a name."""

    text: str
    start: int
    end: int
    low: str
    name: bool


_new_token = partial(tuple.__new__, Token)


def tokens(text: str) -> list[Token]:
    """The tokens of ``text`` in order. ``split`` with a capturing pattern yields [gap, token, gap, ..., gap];
    summing the lengths gives every offset, and the tokens are built without a Python call per token."""
    parts = _TOKEN_SPLIT.split(text)
    words = parts[1::2]
    offsets = list(accumulate(map(len, parts)))
    return list(map(_new_token, zip(words, offsets[0::2], offsets[1::2], map(str.lower, words),
                                    map(is_name_word, words), strict=False)))


@lru_cache(maxsize=65536)
def name_key(word: str) -> str:
    """A comparable form of a name word: lowercase, no possessive, Russian case endings removed."""
    low = POSSESSIVE.sub("", word.lower())
    if _CYRILLIC.fullmatch(low):
        for ending in RU_ENDINGS:
            if low.endswith(ending) and len(low) - len(ending) >= 3:
                return low[: -len(ending)]
    return low


@lru_cache(maxsize=65536)
def is_name_word(word: str) -> bool:
    """A capitalised word that is not a common word, a country or a title: it may be part of a name."""
    return (word[:1].isupper() and word[:1].isalpha() and len(word) > 1 and word.lower() not in STOP
            and name_key(word) not in NOT_NAMES and country_code(word) is None
            and not title_at([Token(word, 0, len(word), word.lower(), False)], 0))


@lru_cache(maxsize=65536)
def country_code(phrase: str) -> str | None:
    low = POSSESSIVE.sub("", phrase.lower())
    if low in COUNTRIES:
        return COUNTRIES[low]
    if " " not in low:
        for stem, code in RU_COUNTRIES:
            if low.startswith(stem):
                return code
    return None


def opens_title(low: str) -> bool:
    """Whether a lowercase word may be the first word of a title (English, or a Russian title's first letters):
    a cheap test before ``title_at``."""
    return low in _TITLES_BY_FIRST or low[:3] in _RU_TITLE_PREFIXES


def title_at(tokens: Sequence[Token], i: int) -> tuple[str, int] | None:
    """The title starting at token ``i`` (as its English or Russian stem) and the index after it."""
    if i >= len(tokens):
        return None
    low = tokens[i].low
    if low[:3] in _RU_TITLE_PREFIXES:
        for stem in RU_TITLE_STEMS:
            if low.startswith(stem):
                return stem, i + 1
    for title in _TITLES_BY_FIRST.get(low, ()):
        words = title.split()
        if [t.low for t in tokens[i : i + len(words)]] == words:
            j = i + len(words)
            if j < len(tokens) and tokens[j].text == "." and title in {"mr", "mrs", "ms", "dr"}:
                j += 1
            return title, j
    return None
