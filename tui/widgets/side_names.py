"""Names for a pair's sides where a publisher's full name does not fit: a short name and a two-letter tag.

A publisher's initials read badly ("President of Russia" is "PR", which reads as press; "dualread sample press
summary" is "DS"). The side key is the name the person who added the pair chose for the side (``white-house``,
``kremlin``, ``press``, ``china-mfa``), so it is what the short name is made from, unless the pair sets one.

- ``short_name(side)``: the side's own ``short:`` from pair.yaml when it has one; else its key in words
  ("white-house" -> "White House", "china-mfa" -> "China MFA", "uk-gov" -> "UK Gov"); a key too short to say
  anything ("a", "b2") gives way to the publisher.
- ``short_names(sides)``: one per side; two that would read the same are told apart by their keys.
- ``side_tags(sides)``: at most two letters per side, for the topic list's count columns (the rows' header and the
  columns' tooltip name each): a leading acronym ("UK Gov" -> "UK"), the initials of two words ("White House" ->
  "WH"), a single word's first two letters ("Kremlin" -> "KR", "Press" -> "PR"); never the same twice.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from readouts.model import Side
from readouts.textshape import one_line

__all__ = ["SHORT_NAME_KEY", "short_name", "short_names", "side_tags"]

SHORT_NAME_KEY = "short"
"""The optional pair.yaml key of a side that sets its short name (kept by the library as an unknown key)."""

MAX_SHORT = 24
"""A short name set in pair.yaml longer than this is cut: it is meant for tight places."""

_PLAIN_WORDS = {"gov", "the", "and", "for", "new", "old", "pm"}
"""Key words of three letters or fewer that are words, not acronyms (so "uk-gov" is "UK Gov", not "UK GOV")."""


def _key_words(key: str) -> list[str]:
    words = [w for w in key.split("-") if w]
    return [w.upper() if len(w) <= 3 and w not in _PLAIN_WORDS and w.isalpha() else w.capitalize() for w in words]


def short_name(side: Side) -> str:
    own = side.extra.get(SHORT_NAME_KEY)
    if isinstance(own, str) and own.strip():
        name = one_line(own)
        return name if len(name) <= MAX_SHORT else name[: MAX_SHORT - 1] + "…"
    letters = re.sub(r"[^a-z]", "", side.key)
    if len(letters) >= 3:
        return " ".join(_key_words(side.key))
    return one_line(side.publisher) or side.key


def short_names(sides: Sequence[Side]) -> list[str]:
    names = [short_name(side) for side in sides]
    for n, name in enumerate(names):
        if names.count(name) > 1:
            names[n] = f"{name} ({sides[n].key})"
    return names


def _tag_candidates(name: str, number: int) -> list[str]:
    words = re.findall(r"[^\W\d_]+", name) or [str(number)]
    first = words[0]
    if first.isupper() and len(first) >= 2:
        initials = first[:2]
    elif len(words) > 1:
        initials = words[0][0] + words[1][0]
    else:
        initials = first[:2]
    letters = "".join(words)[1:]
    return [initials.upper()] + [(initials[0] + c).upper() for c in letters] + [str(number)]


def side_tags(sides: Sequence[Side]) -> list[str]:
    tags: list[str] = []
    for number, name in enumerate(short_names(sides), 1):
        tags.append(next(c for c in _tag_candidates(name, number) if c not in tags))
    return tags
