"""A vague period ahead, for the ``date`` kind of conflict: how soon something is to happen, said without a date.

- ``period_values(text) -> dict[scale, shown]``: each scale ("hours", "days", "weeks", "months", "years") a period
  ahead of the text is counted in, mapped to how the text writes it: "within days" is ``days``, "in the coming
  weeks" and "over the next few weeks" ``weeks``, "in the days and weeks ahead" both; "в ближайшие дни", "в
  течение нескольких недель", "через несколько месяцев" alike.
- ``periods_agree(a, b) -> bool``: whether two sides' periods (``period_values``' keys) can both be true: two
  scales agree when they are one; a counted period ("within two months", read as ``~60`` days) agrees with a scale
  that holds it, give or take half of it ("within 10 days" is "in the coming weeks" and "within days" alike,
  "within two months" is neither); two counted periods always do here (``numbers`` compares counts).
- ``PERIOD_WORDS``: the unit words, for ``dates.may_date``'s cheap first look.

Why: one side says the air defence systems "would arrive within days", the other that they "will be delivered in the
coming weeks". Neither gives a date, yet a reader checks which; the sides disagree on the scale of the wait. A
period is read as a family, not a list of phrases: a frame that looks ahead ("within", "in the coming", "in the
next", "over the next", "during the coming", "in a matter of", "in a few", "... ahead", "... to come"; Russian "в
ближайшие", "в предстоящие", "в течение", "через", "в считанные"), an optional vague count ("few", "several", "a
couple of"), and a unit in the plural. Two sides disagree when their scales share none (``detect`` compares them
as it compares months): "in the coming days and weeks" holds "within days" as well as "in the coming weeks".

A counted period ahead ("within two months", "over the next six months", "in the next 48 hours") is read only
against a scale, by its length: "within days" against "within two months" is a conflict. What is not read, so as
never to flag a conflict a reader would not see: a counted period said with a bare "in" ("the first call in two
years" looks back); "soon", "shortly", "in the near future" (no scale); a period behind ("in recent
weeks", "over the past months", "the first visit in years"); one counted from an event ("within hours of the
strike"); a duration ("for weeks", "for years to come").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["PERIOD_WORDS", "SCALES", "period_values", "periods_agree"]

SCALES = ("hours", "days", "weeks", "months", "years")
"""The scales a period is counted in, from the shortest."""

_EN_UNIT = r"(?:hours|days|weeks|months|years)"
_EN_UNITS = rf"{_EN_UNIT}(?:\s*(?:,|and|or|to)\s*{_EN_UNIT})*"
_FEW = r"(?:(?:a\s+)?few\s+|several\s+|a\s+couple\s+of\s+|a\s+matter\s+of\s+)"
_EN_PERIOD = re.compile(
    # within days; within the next few weeks; in the coming days and weeks; over the next months; in a few days
    rf"\b(?:within\s+(?:the\s+(?:next|coming)\s+)?{_FEW}?|(?:in|over|during)\s+the\s+(?:next|coming)\s+{_FEW}?"
    rf"|in\s+{_FEW})(?P<units>{_EN_UNITS})\b(?!\s+(?:of|since|after|before|ago)\b)"
    # in the days ahead; in the weeks and months to come
    rf"|\bthe\s+(?P<ahead>{_EN_UNITS})\s+(?:ahead|to\s+come)\b",
    re.IGNORECASE,
)
"""A period ahead, in English: a frame that looks ahead, a vague count, the units; never one counted from an event
("within hours of the strike") and never "for years to come" (the frame needs "the")."""

_RU_UNITS = {"час": "hours", "дн": "days", "недел": "weeks", "месяц": "months", "год": "years", "лет": "years"}
_RU_UNIT = r"(?:час(?:ы|ов)|дн(?:и|ей)|недел(?:и|ь)|месяц(?:ы|ев)|год(?:ы|ов)|лет)"
_RU_PERIOD = re.compile(
    rf"(?<!\w)(?:в\s+(?:ближайшие|предстоящие|считанные)|в\s+течение\s+(?:ближайших|нескольких|считанных)|через"
    rf"\s+несколько|в\s+ближайшие\s+несколько)\s+(?P<units>{_RU_UNIT}(?:\s*(?:,|и|или)\s*{_RU_UNIT})*)(?!\w)",
    re.IGNORECASE,
)
"""A period ahead, in Russian: "в ближайшие дни", "в течение нескольких недель", "через несколько месяцев"."""
_UNIT_WORD = re.compile(rf"{_EN_UNIT}|{_RU_UNIT}", re.IGNORECASE)

_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
           "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
_UNIT_DAYS = {"hour": 1 / 24, "day": 1, "week": 7, "month": 30, "year": 365}
_COUNTED = re.compile(
    rf"\b(?:within\s+(?:the\s+(?:next|coming)\s+)?|(?:in|over|during)\s+the\s+(?:next|coming)\s+)"
    rf"(?P<count>\d{{1,3}}|{'|'.join(_COUNTS)})\s+(?P<unit>hour|day|week|month|year)s?\b"
    r"(?!\s+(?:of|since|after|before|ago)\b)",
    re.IGNORECASE,
)
"""A counted period ahead: "within two months", "in the next 48 hours", "over the coming six months"."""
_BANDS = {"hours": (0.0, 2.0), "days": (0.5, 14.0), "weeks": (3.5, 62.0), "months": (14.0, 730.0),
          "years": (182.0, float("inf"))}
"""The lengths, in days, each scale holds, give or take half: "days" a day to a week, "weeks" a week to a month..."""

PERIOD_WORDS = frozenset("hour hours day days week weeks month months year years часы часов дни дней недели недель месяцы "
                         "месяцев годы лет".split())


def period_values(text: str) -> dict[str, str]:
    """The periods ahead ``text`` states: {scale, or ``~days`` for a counted one: how the text writes it}."""
    found: dict[str, str] = {}
    for pattern in (_EN_PERIOD, _RU_PERIOD):
        for m in pattern.finditer(text):
            units = m.group("units") or m.group("ahead")
            shown = " ".join(m.group().split())
            for unit in _UNIT_WORD.findall(units):
                found.setdefault(_scale(unit.lower()), shown)
    if "within" in text.lower() or "next" in text.lower() or "coming" in text.lower():
        for m in _COUNTED.finditer(text):
            count = m.group("count").lower()
            days = (int(count) if count.isdigit() else _COUNTS[count]) * _UNIT_DAYS[m.group("unit").lower()]
            found.setdefault(f"~{days:g}", " ".join(m.group().split()))
    return found


def periods_agree(a: Iterable[str], b: Iterable[str]) -> bool:
    """Whether two sides' periods can both be true: some period of each agrees with some period of the other."""
    def agree(x: str, y: str) -> bool:
        if x.startswith("~") and y.startswith("~"):
            return True
        if not x.startswith("~") and not y.startswith("~"):
            return x == y
        scale, counted = (y, x) if x.startswith("~") else (x, y)
        low, high = _BANDS[scale]
        return low <= float(counted[1:]) <= high

    b = list(b)
    return any(agree(x, y) for x in a for y in b)


def _scale(unit: str) -> str:
    """The scale of a unit word: "weeks", "недель" -> ``weeks``."""
    if unit in SCALES:
        return unit
    return next(scale for stem, scale in _RU_UNITS.items() if unit.startswith(stem))
