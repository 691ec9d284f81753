"""The ``number`` kind of conflict: the quantities a claim states, each keyed by what it counts.

- ``number_values(text) -> dict[unit, dict[value, shown]]``: counts ("three rounds" under ``round``), ordinals
  ("second call" under ``ordinal:call``), percentages (``percent``) and money (``money:$``, ``money:euros``), each
  value normalised ("ten" is 10, "$2 billion" is 2000000000) and mapped to how the text writes it.
- ``may_count(text, words) -> bool``: a cheap first look for the many claims that state no number.

Keying by unit is what keeps precision: ``comparisons.conflicts.detect`` compares a side's values of one unit only with
another side's values of the same unit, so "three rounds" never counts against "two leaders". Dates should be
blanked out first (``comparisons.conflicts.dates.mask_dates``), or their digits would read as counts.
"""

from __future__ import annotations

import re

from comparisons.words.numbers import NUMBER_WORDS, ORDINAL_WORDS, SCALES

__all__ = ["may_count", "number_values"]

_NUM = r"(\d[\d,]*(?:\.\d+)?|" + "|".join(NUMBER_WORDS) + r")"
_SCALE = r"(?:\s+(thousand|million|billion|trillion|bn)\b)?"
_MONEY = re.compile(rf"(US\$|\$|€|£|¥)\s?{_NUM}{_SCALE}", re.IGNORECASE)
_MONEY_WORD = re.compile(rf"\b{_NUM}{_SCALE}\s+(dollars|euros|rubles|roubles|pounds|yuan)\b", re.IGNORECASE)
_CURRENCY_WORDS = ("dollar", "euro", "ruble", "rouble", "pound", "yuan")
_PERCENT = re.compile(rf"\b{_NUM}\s*(%|percent\b|per cent\b)", re.IGNORECASE)
_COUNT = re.compile(rf"(?<![\w.,-]){_NUM}{_SCALE}(?:-|\s+)((?:[a-z]+-)?[a-z]{{3,}})\b", re.IGNORECASE)
_ORDINAL = re.compile(
    r"(?<![\w.,-])(" + "|".join(ORDINAL_WORDS) + r"|\d{1,3}(?:st|nd|rd|th))\s+((?:[a-z]+-)?[a-z]{3,})\b", re.IGNORECASE
)
_NOT_A_THING = frozenset(
    "and or of to the for from with than more less other out times time percent per cent who which that were was are "
    "have has had will would its their these those such sides".split()
)
_DIGIT = re.compile(r"\d").search


def may_count(text: str, words: set[str]) -> bool:
    """Whether ``text`` (whose lowercase words are ``words``) may state a number at all."""
    if _DIGIT(text) is not None:
        return True
    return not words.isdisjoint(NUMBER_WORDS) or not words.isdisjoint(ORDINAL_WORDS)


def number_values(text: str) -> dict[str, dict[str, str]]:
    """The numbers ``text`` states, per unit: {normalised value: how the text writes it}."""
    units: dict[str, dict[str, str]] = {}
    low = text.lower()
    if any(sign in text for sign in "$€£¥") or any(w in low for w in _CURRENCY_WORDS):
        for m in _MONEY.finditer(text):
            units.setdefault("money:" + m.group(1).upper().replace("US$", "$"), {})[
                _fmt(_value(m.group(2), m.group(3)))] = m.group().strip()
        for m in _MONEY_WORD.finditer(text):
            units.setdefault("money:" + m.group(3).lower().replace("roubles", "rubles"), {})[
                _fmt(_value(m.group(1), m.group(2)))] = m.group().strip()
    if "%" in text or "per" in low:
        for m in _PERCENT.finditer(text):
            units.setdefault("percent", {})[_fmt(_value(m.group(1), None))] = m.group().strip()
    for m in _COUNT.finditer(text):
        noun = _singular(m.group(3).lower())
        if noun in _NOT_A_THING or noun.split("-")[0] in _NOT_A_THING or noun in SCALES:
            continue
        if m.group(1).lower() == "one" and text[max(0, m.start() - 3):m.start()].lower().strip() == "no":
            continue
        units.setdefault(noun, {})[_fmt(_value(m.group(1), m.group(2)))] = m.group().strip()
    for m in _ORDINAL.finditer(text):
        noun = _singular(m.group(2).lower())
        if noun in _NOT_A_THING:
            continue
        word = m.group(1).lower()
        rank = ORDINAL_WORDS.get(word) or int(word[:-2])
        units.setdefault("ordinal:" + noun, {})[str(rank)] = m.group().strip()
    return units


def _value(number: str, scale: str | None) -> float:
    word = number.lower()
    base = float(NUMBER_WORDS[word]) if word in NUMBER_WORDS else float(number.replace(",", ""))
    return base * SCALES.get((scale or "").lower(), 1.0)


def _fmt(value: float) -> str:
    return str(int(value)) if value == int(value) else repr(value)


def _singular(noun: str) -> str:
    if noun.endswith("ies") and len(noun) > 4:
        return noun[:-3] + "y"
    if noun.endswith("s") and not noun.endswith("ss") and len(noun) > 3:
        return noun[:-1]
    return noun
