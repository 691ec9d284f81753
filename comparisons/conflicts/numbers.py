"""The ``number`` kind of conflict: the quantities a claim states, each keyed by what it counts.

- ``number_values(text) -> dict[unit, dict[value, shown]]``: counts ("three rounds" under ``round``), ordinals
  ("second call" under ``ordinal:call``), percentages (``percent``) and money (``money:$``, ``money:euros``), each
  value normalised ("ten" is 10, "$2 billion" is 2000000000) and mapped to how the text writes it. Lengths of time
  are read in minutes ("an hour and a half" is 90 under ``minute``, as "90 minutes" is), weeks in days, years in
  months ("one more year" is 12 under ``month``), and a number said as a bound
  is keyed by it (">120" for "more than two hours", "<30" for "nearly 30"). A count each side gives or gets is
  also read under ``PER_SIDE``, however it is said ("1,200 prisoners on each side", '"900 for 900"', "exchange 175
  servicemen each"), so figures of an exchange compare even when one side names no noun.
- ``compatible(bound, exact)``: whether an exact value lies within a bound, so that "more than two hours" and "two
  and a half hours" are no conflict while "nearly two hours" and "two and a half hours" are.
- ``may_count(text, words) -> bool``: a cheap first look for the many claims that state no number.

Keying by unit is what keeps precision: ``comparisons.conflicts.detect`` compares a side's values of one unit only with
another side's values of the same unit, so "three rounds" never counts against "two leaders". Dates should be
blanked out first (``comparisons.conflicts.dates.mask_dates``), or their digits would read as counts.
"""

from __future__ import annotations

import re

from comparisons.conflicts.numbers_ru import may_count_ru, russian_number_values
from comparisons.words.numbers import NUMBER_WORDS, NUMERAL, ORDINAL_WORDS, SCALES, format_number, numeral_value

__all__ = ["KILLED", "PER_SIDE", "compatible", "may_count", "number_values"]

_NUM = r"(" + NUMERAL + "|" + "|".join(NUMBER_WORDS) + r")"
"""A number in digits (``comparisons.words.numbers.NUMERAL``) or words."""
_SCALE = r"(?:\s+(thousand|million|billion|trillion|bn)\b)?"
_MONEY = re.compile(rf"(US\$|\$|€|£|¥)\s?{_NUM}{_SCALE}", re.IGNORECASE)
_MONEY_WORD = re.compile(rf"\b{_NUM}{_SCALE}\s+(dollars|euros|rubles|roubles|pounds|yuan)\b", re.IGNORECASE)
_CURRENCY_WORDS = ("dollar", "euro", "ruble", "rouble", "pound", "yuan")
_CODES = {"USD": "$", "EUR": "€", "GBP": "£", "RUB": "rubles", "CNY": "yuan", "JPY": "yen"}
_MONEY_CODE = re.compile(rf"\b({'|'.join(_CODES)})\s?{_NUM}{_SCALE}|(?<![\w.,-]){_NUM}{_SCALE}\s?({'|'.join(_CODES)})\b")
"""Money with a currency code, before or after the figure ("USD 1.5 billion", "500 million EUR"): the same unit as
its sign ("$1.25 billion")."""
_KILLED = re.compile(
    rf"\b(?:killed|killing|claimed\s+the\s+lives\s+of|took\s+the\s+lives\s+of|left)\s+(?:(?:at\s+least|more\s+than|over|nearly|almost|about|some|up\s+to)\s+)?"
    rf"{_NUM}{_SCALE}(?:\s+(?:people|persons|civilians|children|soldiers|servicemen|residents))?(?!\s*(?:%|percent))\b"
    rf"|(?<![\w.,-]){_NUM}{_SCALE}\s+(?:people|persons|civilians|children|residents)\s+(?:were|have\s+been|had\s+been)\s+killed\b"
    r"|(?<!\w)(?:погибл\w*|погиб|унёс\w*\s+жизни|унес\w*\s+жизни|жертвами\s+стали)\s+(?:более\s+|свыше\s+|не\s+менее\s+)?"
    r"(\d+)(?:\s+(?:человек\w*|мирных\s+жител\w*|детей))?",
    re.IGNORECASE,
)
"""A death toll, a count of its own whatever it is said of ("killed 18 civilians" and "killed 23 people" are one
count; "погибли 23 человека")."""
_PERCENT = re.compile(rf"\b{_NUM}\s*(%|percent\b|per cent\b)", re.IGNORECASE)
_COUNT = re.compile(rf"(?<![\w.,-]){_NUM}{_SCALE}(?:-|\s+)(?:(?:more|further|additional|extra)\s+)?"
                    rf"((?:[a-z]+-)?[a-z]{{3,}})\b", re.IGNORECASE)
"""A number and the thing it counts, past a word of addition ("one more year", "three additional systems")."""
_ORDINAL = re.compile(
    r"(?<![\w.,-])(" + "|".join(ORDINAL_WORDS) + r"|\d{1,3}(?:st|nd|rd|th))\s+((?:[a-z]+-)?[a-z]{3,})\b", re.IGNORECASE
)
_NOT_A_THING = frozenset(
    "and or of to the for from with than more less other out times time percent per cent who which that were was are "
    "have has had will would its their these those such sides".split()
)
_DIGIT = re.compile(r"\d").search
_CYRILLIC = re.compile(r"[А-Яа-яЁё]").search

# A half: "two and a half hours", "an hour and a half", "half an hour"; and "an hour" said as a length ("lasted
# about an hour"), which the digit and number-word readers cannot see.
_AND_A_HALF = re.compile(rf"(?<![\w.,-]){_NUM}\s+and\s+a\s+half\s+([a-z]{{3,}})\b", re.IGNORECASE)
_ONE_AND_A_HALF = re.compile(r"\ban?\s+(hour|day|week|month|year)\s+and\s+a\s+half\b", re.IGNORECASE)
_HALF_A = re.compile(r"\bhalf\s+an?\s+(hour|day|week|month|year)\b", re.IGNORECASE)
_ONE_MORE = re.compile(r"\b(?:another|a\s+further|an\s+additional|(?:for|by)\s+a)\s+(week|month|year)\b", re.IGNORECASE)
"""One more of a length of time, with no number said ("extended for another year", "by a further month")."""
_A_LENGTH = re.compile(
    r"\b(?:for|lasted|took|about|around|nearly|almost|over|some|than|roughly)\s+(an?\s+hour)\b(?!\s+and\s+a\s+half)",
    re.IGNORECASE)
_MEASURES = {"hour": ("minute", 60), "week": ("day", 7), "year": ("month", 12)}
"""Lengths of time read in one unit, so "90 minutes" and "an hour and a half" agree and "two hours" does not;
"one more year" and "six months" differ, "two weeks" and "14 days" agree. Months and days stay apart: a month is no
fixed number of days, and "30 days" against "a month" is no disagreement a reader would see."""
_LENGTH_WORDS = frozenset({"half", "hour", "another", "further", "additional", "week", "month", "year"})
_AT_LEAST = ("more than", "over", "at least", "upwards of", "in excess of")
_AT_MOST = ("less than", "fewer than", "under", "up to", "nearly", "almost")
_BOUND = re.compile(r"\b(" + "|".join(_AT_LEAST + _AT_MOST) + r")\s+\Z", re.IGNORECASE)
"""A bound said just before a number ("more than two hours"): the words of ``_AT_LEAST`` or ``_AT_MOST``."""
_BOUND_REACH = 16
"""How far before a number its bound is looked for: the longest bound and a space or two."""

KILLED = "killed"
"""The unit of a death toll, however the dead are named."""
PER_SIDE = "per side"
"""The unit of a count each side gives or gets ("1,200 prisoners on each side", '"900 for 900"'): exchanges are
said either way, often with no noun after the number."""
_EACH_SIDE = re.compile(
    rf"(?<![\w.,-]){_NUM}{_SCALE}\s+(?:[a-z-]+\s+){{0,3}}?(?:on|from|for)\s+(?:each|either)\s+side\b", re.IGNORECASE)
_EACH = re.compile(rf"\b(?:exchang|swap|releas|hand\w*\s+over|trad)\w*\s+(?:[a-z]+\s+){{0,2}}?{_NUM}{_SCALE}"
                   rf"\s+(?:[a-z-]+\s+){{0,2}}?each\b(?!\s+other)", re.IGNORECASE)
"""'exchange 300 servicemen each': only after a verb of exchange, as "the two leaders each spoke" counts no one."""
_EACH_SIDE_WILL = re.compile(rf"\b(?:each|either)\s+side\s+(?:(?:will|would|shall|is\s+to|was\s+to)\s+)?"
                             rf"(?:free|freed|frees|releas\w*|hand\w*\s+over|return\w*|exchang\w*|swap\w*|transfer\w*)\s+"
                             rf"(?:some\s+|about\s+|around\s+)?{_NUM}{_SCALE}", re.IGNORECASE)
"""'each side will free 500 people': the side first, then the verb of exchange and the count."""
_N_FOR_N = re.compile(rf"(?<![\w.,-]){_NUM}(?:\s+[a-z-]+){{0,2}}?(?:\s+for\s+|-for-){_NUM}(?![\w]|[.,]\d)",
                      re.IGNORECASE)
"""'900 for 900', '175 prisoners for 175', 'a 300-for-300 exchange': the same figure twice."""
_FOR_A_NUMBER = re.compile(r"[\s-]for[\s-]+(?:\d|" + "|".join(NUMBER_WORDS) + r")")
"""A cheap first look for ``_N_FOR_N``: "for" is a common word, "for" and a number are not."""


def may_count(text: str, words: set[str]) -> bool:
    """Whether ``text`` (whose lowercase words are ``words``) may state a number at all."""
    if _DIGIT(text) is not None:
        return True
    return not (words.isdisjoint(NUMBER_WORDS) and words.isdisjoint(ORDINAL_WORDS)
                and words.isdisjoint(_LENGTH_WORDS)) or may_count_ru(words)


def number_values(text: str) -> dict[str, dict[str, str]]:
    """The numbers ``text`` states, per unit: {normalised value: how the text writes it}."""
    units: dict[str, dict[str, str]] = {}
    low = text.lower()
    if any(sign in text for sign in "$€£¥") or any(w in low for w in _CURRENCY_WORDS):
        for m in _MONEY.finditer(text):
            _put(units, "money:" + m.group(1).upper().replace("US$", "$"), _value(m.group(2), m.group(3)), text, m)
        for m in _MONEY_WORD.finditer(text):
            _put(units, "money:" + m.group(3).lower().replace("roubles", "rubles"), _value(m.group(1), m.group(2)),
                 text, m)
    if any(code in text for code in _CODES):
        for m in _MONEY_CODE.finditer(text):
            if m.group(1):
                _put(units, "money:" + _CODES[m.group(1)], _value(m.group(2), m.group(3)), text, m)
            else:
                _put(units, "money:" + _CODES[m.group(6)], _value(m.group(4), m.group(5)), text, m)
    if "kill" in low or "lives" in low or "left" in low or "погиб" in low or "жизни" in low or "жертв" in low:
        for m in _KILLED.finditer(text):
            number, scale, at = ((m.group(1), m.group(2), m.start(1)) if m.group(1) else
                                 (m.group(3), m.group(4), m.start(3)) if m.group(3) else (m.group(5), None, m.start(5)))
            _put(units, KILLED, _value(number, scale), text, m, start=at)
    if "%" in text or "per" in low:
        for m in _PERCENT.finditer(text):
            _put(units, "percent", _value(m.group(1), None), text, m)
    for m in _COUNT.finditer(text):
        noun = _singular(m.group(3).lower())
        if noun in _NOT_A_THING or noun.split("-")[0] in _NOT_A_THING or noun in SCALES:
            continue
        if m.group(1).lower() == "one" and text[max(0, m.start() - 3):m.start()].lower().strip() == "no":
            continue
        _put(units, noun, _value(m.group(1), m.group(2)), text, m)
    if "half" in low or " hour" in low:
        _read_lengths(text, units)
    if ("another" in low or "further" in low or "additional" in low or " a " in low) and (
            "year" in low or "month" in low or "week" in low):
        for m in _ONE_MORE.finditer(text):
            _put(units, m.group(1).lower(), 1.0, text, m)
    if "each" in low or "either" in low or "for" in low:
        _read_per_side(text, low, units)
    for m in _ORDINAL.finditer(text):
        noun = _singular(m.group(2).lower())
        if noun in _NOT_A_THING:
            continue
        word = m.group(1).lower()
        rank = ORDINAL_WORDS.get(word) or int(word[:-2])
        units.setdefault("ordinal:" + noun, {})[str(rank)] = m.group().strip()
    if _CYRILLIC(text) is not None:
        for unit, values in russian_number_values(text).items():
            units.setdefault(unit, {}).update(values)
    return units


def _read_lengths(text: str, units: dict[str, dict[str, str]]) -> None:
    """Add the halves and the lone "an hour" of ``text`` to ``units``."""
    for m in _AND_A_HALF.finditer(text):
        noun = _singular(m.group(2).lower())
        if noun not in _NOT_A_THING:
            _put(units, noun, _value(m.group(1), None) + 0.5, text, m)
    for pattern, value in ((_ONE_AND_A_HALF, 1.5), (_HALF_A, 0.5)):
        for m in pattern.finditer(text):
            _put(units, m.group(1).lower(), value, text, m)
    for m in _A_LENGTH.finditer(text):
        _put(units, "hour", 1.0, text, m, start=m.start(1))


def _read_per_side(text: str, low: str, units: dict[str, dict[str, str]]) -> None:
    """Add the counts each side gives or gets to ``units`` under ``PER_SIDE``."""
    if " side" in low:
        for m in _EACH_SIDE.finditer(text):
            _put(units, PER_SIDE, _value(m.group(1), m.group(2)), text, m)
        for m in _EACH_SIDE_WILL.finditer(text):
            _put(units, PER_SIDE, _value(m.group(1), m.group(2)), text, m)
    if "each" in low and PER_SIDE not in units:
        for m in _EACH.finditer(text):
            _put(units, PER_SIDE, _value(m.group(1), m.group(2)), text, m, start=m.start(1))
    if not _FOR_A_NUMBER.search(low):
        return
    for m in _N_FOR_N.finditer(text):
        first, second = _value(m.group(1), None), _value(m.group(2), None)
        if first == second:
            _put(units, PER_SIDE, first, text, m)


def _put(units: dict[str, dict[str, str]], unit: str, value: float, text: str, m: re.Match[str],
         start: int | None = None) -> None:
    """Store one number read from ``text`` at match ``m`` (its words begin at ``start``): lengths of time in
    minutes, and a number said as a bound ("more than two hours", "nearly 30") keyed ">120" or "<30"."""
    start = m.start() if start is None else start
    if unit in _MEASURES:
        unit, per = _MEASURES[unit]
        value *= per
    shown = text[start:m.end()].strip()
    bound = _BOUND.search(text, max(0, start - _BOUND_REACH), start)
    if bound:
        shown = f"{bound.group(1)} {shown}"
        key = (">" if bound.group(1).lower() in _AT_LEAST else "<") + format_number(value)
    else:
        key = format_number(value)
    units.setdefault(unit, {})[key] = shown


def compatible(bound: str, exact: str) -> bool:
    """Whether the exact value ``exact`` ("150") lies within ``bound`` (">120", "<30")."""
    limit, value = float(bound[1:]), float(exact)
    return value >= limit if bound[0] == ">" else value <= limit


def _value(number: str, scale: str | None) -> float:
    word = number.lower()
    base = float(NUMBER_WORDS[word]) if word in NUMBER_WORDS else numeral_value(number)
    return base * SCALES.get((scale or "").lower(), 1.0)


def _singular(noun: str) -> str:
    if noun.endswith("ies") and len(noun) > 4:
        return noun[:-3] + "y"
    if noun.endswith("s") and not noun.endswith("ss") and len(noun) > 3:
        return noun[:-1]
    return noun
