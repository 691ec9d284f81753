"""Numbers written as words: the one table the matcher and the conflict finder read them by.

- ``NUMBER_WORDS``: "zero" .. "twenty", the tens, "hundred", "dozen" -> their value.
- ``SCALES``: "thousand", "million", "billion", "trillion", "bn" -> their factor.
- ``ORDINAL_WORDS``: "first" .. "tenth" -> their rank.
- ``NUMERAL``, ``numeral_value(written)``, ``format_number(value)``: a number in digits, its value, and the key
  both readers give a value.

Why one table: "ten" must be 10 both when two claims are matched on a shared number and when their numbers are
checked against each other; two tables drift apart (one read "fifty", the other did not).
"""

from __future__ import annotations

__all__ = ["NUMBER_WORDS", "NUMERAL", "ORDINAL_WORDS", "SCALES", "format_number", "numeral_value"]

NUMBER_WORDS = {
    w: i for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
        "seventeen eighteen nineteen twenty".split())
} | {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
     "hundred": 100, "dozen": 12}

SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9}

ORDINAL_WORDS = {w: i for i, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth".split(), start=1)}


NUMERAL = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
"""A number in digits as an English text writes it: commas only between groups of three ("1,200"; so "175 for 175,"
ends at 175), a decimal point ("2.5"). A regular expression without groups, for callers to build into theirs."""


def numeral_value(written: str) -> float:
    """The value of a ``NUMERAL`` as written: "1,200" -> 1200.0, "1.25" -> 1.25."""
    return float(written.replace(",", ""))


def format_number(value: float) -> str:
    """A value as the matcher and the conflict finder key it: "1200", "1.25"."""
    return str(int(value)) if value == int(value) else repr(value)
