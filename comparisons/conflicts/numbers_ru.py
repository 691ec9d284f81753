"""Russian numbers for the ``number`` kind of conflict: lengths of time and counts per side, said in words or digits.

- ``russian_number_values(text) -> dict[unit, dict[value, shown]]``: lengths of time in the units the English reader
  uses ("около полутора часов" is 90 under ``minute``, "более двух с половиной часов" is ">150", "ещё в течение
  одного года" is 12 under ``month``, "тридцать дней" is 30 under ``day``), and counts each side gives or gets
  under ``PER_SIDE`` («тысяча на тысячу», "по 175 военнопленных с каждой стороны").
- ``may_count_ru(words) -> bool``: a cheap first look, on a text's lowercase words.

Why: a Kremlin readout in Russian writes its figures in words ("продолжался более двух с половиной часов", "в
формате «тысяча на тысячу»") where the White House writes "about ninety minutes" or "500 people"; the two must
compare in one measure, or the disagreement a reader would see is lost. Counts of other things are not read:
their nouns are Russian on one side and English on the other, and a count compared with nothing is no conflict.
"""

from __future__ import annotations

import re

from comparisons.words.numbers import format_number

__all__ = ["may_count_ru", "russian_number_values"]

PER_SIDE = "per side"
"""The unit ``numbers.PER_SIDE`` (kept equal to it by a test; not imported, as ``numbers`` imports this module)."""


def _forms(spec: str) -> dict[str, float]:
    """{word form: value} from "value:form form ..." groups separated by semicolons."""
    out: dict[str, float] = {}
    for group in spec.split(";"):
        value, forms = group.split(":")
        out.update({form: float(value) for form in forms.split()})
    return out


_UNITS = _forms(
    "1:один одна одно одного одной одну одним одном одному;2:два две двух двум двумя;"
    "3:три трёх трех трём трем тремя;4:четыре четырёх четырех четырём четырем четырьмя;1.5:полтора полторы полутора;"
    "40:сорок сорока;50:пятьдесят пятидесяти пятьюдесятью;60:шестьдесят шестидесяти шестьюдесятью;"
    "70:семьдесят семидесяти семьюдесятью;80:восемьдесят восьмидесяти восемьюдесятью;90:девяносто девяноста;"
    "100:сто ста;200:двести двухсот двумстам;300:триста трёхсот трехсот;400:четыреста четырёхсот четырехсот;"
    "500:пятьсот пятисот;600:шестьсот шестисот;700:семьсот семисот;800:восемьсот восьмисот;900:девятьсот девятисот"
)
for _value, _stem in enumerate(
        "пят шест сем восем девят десят одиннадцат двенадцат тринадцат четырнадцат пятнадцат шестнадцат семнадцат "
        "восемнадцат девятнадцат двадцат".split(), start=5):
    _UNITS.update({_stem + "ь": _value, _stem + "и": _value, _stem + "ью": _value})
_UNITS.update({"тридцать": 30.0, "тридцати": 30.0, "тридцатью": 30.0, "восьми": 8.0, "восьмью": 8.0})
_SCALES = {form: 1e3 for form in "тысяча тысячи тысячу тысячей тысяч тысячам тысячами".split()} | {
    form: 1e6 for form in "миллион миллиона миллионов".split()} | {
    form: 1e9 for form in "миллиард миллиарда миллиардов".split()}

_TIME = {form: ("minute", 60) for form in "час часа часов часу".split()} | {
    form: ("minute", 1) for form in "минута минуты минут минуту".split()} | {
    form: ("day", 1) for form in "день дня дней суток сутки".split()} | {
    form: ("day", 7) for form in "неделя недели недель неделю".split()} | {
    form: ("month", 1) for form in "месяц месяца месяцев".split()} | {
    form: ("month", 12) for form in "год года лет году".split()}
"""Lengths of time in the English reader's units: hours in minutes, weeks in days, years in months."""
_HALVES = {"полчаса": ("minute", 30.0), "получаса": ("minute", 30.0), "полгода": ("month", 6.0),
           "полугода": ("month", 6.0)}

_AT_LEAST = ("более", "свыше", "больше", "более чем", "не менее", "не меньше")
_AT_MOST = ("менее", "меньше", "почти", "не более", "не больше")
_ONE_MORE = ("ещё", "еще", "около", "примерно", "порядка", "целый", "течение")
"""Words after which a lone unit ("более часа", "ещё год", "в течение года") is one of it."""

_TOKEN = re.compile(r"[0-9]{1,3}(?:[  ][0-9]{3})+|[0-9]+(?:,[0-9]+)?|\w+")
"""Words and numbers in ASCII digits ("1 200", "2,5"); "²" or "❶" are word characters, never a number here."""
_CUES = frozenset(_UNITS) | frozenset(_SCALES) | frozenset(_TIME) | frozenset(_HALVES)


def may_count_ru(words: set[str]) -> bool:
    """Whether a text whose lowercase words are ``words`` may state a Russian number this module reads."""
    return not words.isdisjoint(_CUES)


def russian_number_values(text: str) -> dict[str, dict[str, str]]:
    """The lengths of time and counts per side ``text`` states in Russian: {unit: {value: as written}}."""
    tokens = [(m.group().lower(), m.start(), m.end()) for m in _TOKEN.finditer(text)]
    units: dict[str, dict[str, str]] = {}
    i = 0
    while i < len(tokens):
        word, start, end = tokens[i]
        if word in _HALVES:
            unit, half = _HALVES[word]
            _put(units, unit, half, text, tokens, i, i)
            i += 1
            continue
        if word in _TIME and i > 0 and _lone_unit_after(tokens, i):
            unit, per = _TIME[word]
            _put(units, unit, per, text, tokens, i, i)
            i += 1
            continue
        number = _number(tokens, i)
        if number is None:
            i += 1
            continue
        value, last = number
        if last + 2 < len(tokens) and tokens[last + 1][0] == "с" and tokens[last + 2][0] == "половиной":
            value += 0.5
            last += 2
        after = tokens[last + 1][0] if last + 1 < len(tokens) else ""
        if after in _TIME and not (_TIME[after] == ("month", 12) and value >= 1000):  # "в 2024 году" is a year
            unit, per = _TIME[after]
            _put(units, unit, value * per, text, tokens, i, last + 1)
            i = last + 2
            continue
        if after == "на":
            second = _number(tokens, last + 2)
            if second is not None and second[0] == value:
                _put(units, PER_SIDE, value, text, tokens, i, second[1])
                i = second[1] + 1
                continue
        if i > 0 and tokens[i - 1][0] == "по" and (_each_side_after(tokens, last) or _exchanged_before(tokens, i - 1)):
            _put(units, PER_SIDE, value, text, tokens, i - 1, last)
        i = last + 1
    return units


def _number(tokens: list[tuple[str, int, int]], i: int) -> tuple[float, int] | None:
    """The number said from token ``i`` on ("двести пятьдесят", "тысяча", "1 200", "2,5"), and its last token."""
    total = current = 0.0
    last = None
    j = i
    while j < len(tokens):
        word = tokens[j][0]
        if "0" <= word[0] <= "9":
            if last is not None:
                break
            current = float(word.replace(" ", "").replace(" ", "").replace(",", "."))
        elif word in _UNITS:
            current += _UNITS[word]
        elif word in _SCALES and (last is not None or word.startswith("тысяч")):
            total += (current or 1.0) * _SCALES[word]
            current = 0.0
        else:
            break
        last = j
        j += 1
    if last is None:
        return None
    return total + current, last


def _lone_unit_after(tokens: list[tuple[str, int, int]], i: int) -> bool:
    """Whether the unit at token ``i`` stands alone as one of it: "более часа", "ещё год", "в течение года"."""
    before = tokens[i - 1][0]
    two = " ".join(t[0] for t in tokens[max(0, i - 2):i])
    return before in _ONE_MORE or before in _AT_LEAST or before in _AT_MOST or two in _AT_LEAST or two in _AT_MOST


def _each_side_after(tokens: list[tuple[str, int, int]], last: int) -> bool:
    """Whether "с каждой стороны" follows a count within two words ("по 175 военнопленных с каждой стороны")."""
    words = [t[0] for t in tokens[last + 1:last + 6]]
    for k in range(min(3, len(words))):
        if words[k:k + 3] == ["с", "каждой", "стороны"]:
            return True
    return False


_EXCHANGE = re.compile(r"(?:обмен|обменя|переда|освобо[дж]|верн|возвра)\w*")
"""Verbs and nouns of an exchange: "обменяются по 175 военнопленных" counts each side's figure."""


def _exchanged_before(tokens: list[tuple[str, int, int]], i: int) -> bool:
    """Whether a word of exchange stands within four words before token ``i`` ("по")."""
    return any(_EXCHANGE.fullmatch(t[0]) for t in tokens[max(0, i - 4):i])


def _put(units: dict[str, dict[str, str]], unit: str, value: float, text: str,
         tokens: list[tuple[str, int, int]], first: int, last: int) -> None:
    """Store one value read from tokens ``first``..``last``, keyed ">v" or "<v" when a bound is said before it."""
    start = tokens[first][1]
    bound = ""
    for reach in (2, 1):
        words = " ".join(t[0] for t in tokens[max(0, first - reach):first])
        if first - reach >= 0 and words in _AT_LEAST:
            bound, start = ">", tokens[first - reach][1]
            break
        if first - reach >= 0 and words in _AT_MOST:
            bound, start = "<", tokens[first - reach][1]
            break
    shown = text[start:tokens[last][2]].strip()
    units.setdefault(unit, {})[bound + format_number(value)] = shown
