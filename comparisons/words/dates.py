"""Calendar dates in English and Russian: the one reading of "January 9–10", "10 Jan.", "9 и 10 января".

- ``read_dates(text) -> list[DateMention]``: each day or run of days a text names with its month, in order of
  appearance; ``DateMention(start, end, month, days, shown)`` with ``month`` 1–12, ``days`` the day numbers named
  (both ends of a range), ``shown`` the normalised English form ("January 9–10").
- ``read_months(text) -> list[tuple[int, int, int]]``: months named without a day, ``(start, end, month)``, outside
  the spans of ``read_dates`` ("in March", "в марте"); "May" and "Mar" only with a day (the verb, the word).
- ``MONTH_NAMES``: the English names, January first; ``is_month_word(word)`` for a lower-case word (English name or
  abbreviation, any Russian form).

Why one module: the matcher (a shared date is telling evidence that two claims report one point) and the conflict
finder (two sides dating one point differently) must read dates alike, or a Russian readout's dates would link
claims without ever being checked against the other side's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["DateMention", "MONTH_NAMES", "is_month_word", "may_name_a_date", "read_dates", "read_months"]

MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December")

_ENGLISH = {name: i for i, full in enumerate(MONTH_NAMES, start=1)
            for name in {full, full[:3], full[:3] + ".", *(["Sept", "Sept."] if i == 9 else [])}}
_RUSSIAN = {"январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6, "июл": 7, "август": 8,
            "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12}
_RUSSIAN_FORM = (r"(?:январ[ьяюеё]|феврал[ьяюеё]|март[ауе]?|апрел[ьяюеё]|ма[йяюе]|июн[ьяюеё]|июл[ьяюеё]|"
                 r"август[ауе]?|сентябр[ьяюеё]|октябр[ьяюеё]|ноябр[ьяюеё]|декабр[ьяюеё])")
_EN_MONTH = r"(?:" + "|".join(sorted((re.escape(m) for m in _ENGLISH), key=len, reverse=True)) + r")(?![a-z])"
_MONTH = rf"({_EN_MONTH}|{_RUSSIAN_FORM})(?![а-яё])"
_DAY = r"(\d{1,2})(?:st|nd|rd|th|-?го)?"
_JOIN = r"\s*(?:–|—|-|to|and|through|и|по)\s*"
_RANGE = rf"(?:{_JOIN}{_DAY})?"
_MONTH_DAY = re.compile(rf"(?<![\w.]){_MONTH}\s+{_DAY}{_RANGE}(?!\d)", re.IGNORECASE)
_DAY_MONTH = re.compile(rf"(?<![\w.]){_DAY}{_RANGE}\s+(?:of\s+)?{_MONTH}", re.IGNORECASE)
_MONTH_ALONE = re.compile(rf"(?<![\w.]){_MONTH}", re.IGNORECASE)
_RUSSIAN_FORMS = frozenset(
    stem + ending
    for stem, endings in (("январ", "ьяюеё"), ("феврал", "ьяюеё"), ("апрел", "ьяюеё"), ("июн", "ьяюеё"),
                          ("июл", "ьяюеё"), ("сентябр", "ьяюеё"), ("октябр", "ьяюеё"), ("ноябр", "ьяюеё"),
                          ("декабр", "ьяюеё"), ("ма", "йяюе"))
    for ending in endings
) | {stem + ending for stem in ("март", "август") for ending in ("", "а", "у", "е")}
_MONTH_WORDS = frozenset(m.lower().rstrip(".") for m in _ENGLISH) | _RUSSIAN_FORMS
"""Every word that may name a month, lower case: a set lookup per word is the cheap first look."""
_LETTERS = re.compile(r"[^\W\d_]+")
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    month: int
    days: tuple[int, ...]
    shown: str


def may_name_a_date(text: str) -> bool:
    """A cheap first look: a digit or a month name somewhere in ``text`` (most claims have neither)."""
    return _DIGIT.search(text) is not None or not _MONTH_WORDS.isdisjoint(_LETTERS.findall(text.lower()))


def _month_number(word: str) -> int:
    english = _ENGLISH.get(word) or _ENGLISH.get(word.capitalize())
    if english:
        return english
    low = word.lower()
    return next(n for stem, n in sorted(_RUSSIAN.items(), key=lambda x: -len(x[0])) if low.startswith(stem))


def read_dates(text: str) -> list[DateMention]:
    """Every day (or run of days) ``text`` names with its month, in order of appearance."""
    if not may_name_a_date(text):
        return []
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for pattern, month_group, day_groups in ((_MONTH_DAY, 1, (2, 3)), (_DAY_MONTH, 3, (1, 2))):
        for m in pattern.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            word = m.group(month_group)
            if word.lower() in ("may", "mar") and word[0].islower():
                continue  # the verb "may", the word "mar"
            first, last = (m.group(g) for g in day_groups)
            days = tuple(int(d) for d in (first, last) if d)
            if not all(1 <= d <= 31 for d in days):
                continue
            month = _month_number(word)
            shown = f"{MONTH_NAMES[month - 1]} {days[0]}" + (f"–{days[-1]}" if days[-1] != days[0] else "")
            found.append(DateMention(m.start(), m.end(), month, tuple(dict.fromkeys(days)), shown))
            taken.append(m.span())
    found.sort(key=lambda d: d.start)
    return found


def read_months(text: str, dates: list[DateMention] | None = None) -> list[tuple[int, int, int]]:
    """Months named without a day: ``(start, end, month)``, skipping the spans of ``dates`` (``read_dates``'s)."""
    if not may_name_a_date(text):
        return []
    taken = [(d.start, d.end) for d in (read_dates(text) if dates is None else dates)]
    out = []
    for m in _MONTH_ALONE.finditer(text):
        word = m.group(1)
        if any(a <= m.start() < b for a, b in taken) or word.lower() in ("may", "mar"):
            continue  # "May" and "Mar" without a day are too often a verb or a word to be months
        out.append((m.start(), m.end(), _month_number(word)))
    return out


def is_month_word(word: str) -> bool:
    """Whether a lower-case word names a month ("january", "jan", "января"): a date's word, not content."""
    return word in _MONTH_WORDS
