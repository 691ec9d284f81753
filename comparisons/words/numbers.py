"""Numbers written as words: the one table the matcher and the conflict finder read them by.

- ``NUMBER_WORDS``: "zero" .. "twenty", the tens, "hundred", "dozen" -> their value.
- ``SCALES``: "thousand", "million", "billion", "trillion", "bn" -> their factor.
- ``ORDINAL_WORDS``: "first" .. "tenth" -> their rank.

Why one table: "ten" must be 10 both when two claims are matched on a shared number and when their numbers are
checked against each other; two tables drift apart (one read "fifty", the other did not).
"""

from __future__ import annotations

__all__ = ["NUMBER_WORDS", "ORDINAL_WORDS", "SCALES"]

NUMBER_WORDS = {
    w: i for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
        "seventeen eighteen nineteen twenty".split())
} | {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
     "hundred": 100, "dozen": 12}

SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9}

ORDINAL_WORDS = {w: i for i, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth".split(), start=1)}
