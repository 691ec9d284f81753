"""A vague period ahead, for the ``date`` kind of conflict: how soon something is to happen, said without a date.

- ``period_values(text) -> dict[scale, shown]``: each scale ("hours", "days", "weeks", "months", "years") a period
  ahead of the text is counted in, mapped to how the text writes it: "within days" is ``days``, "in the coming
  weeks" and "over the next few weeks" ``weeks``, "in the days and weeks ahead" both; "в ближайшие дни", "в
  течение нескольких недель", "через несколько месяцев" alike.
- ``PERIOD_WORDS``: the unit words, for ``dates.may_date``'s cheap first look.

Why: one side says the air defence systems "would arrive within days", the other that they "will be delivered in the
coming weeks". Neither gives a date, yet a reader checks which; the sides disagree on the scale of the wait. A
period is read as a family, not a list of phrases: a frame that looks ahead ("within", "in the coming", "in the
next", "over the next", "during the coming", "in a matter of", "in a few", "... ahead", "... to come"; Russian "в
ближайшие", "в предстоящие", "в течение", "через", "в считанные"), an optional vague count ("few", "several", "a
couple of"), and a unit in the plural. Two sides disagree when their scales share none (``detect`` compares them
as it compares months): "in the coming days and weeks" holds "within days" as well as "in the coming weeks".

What is not read, so as never to flag a conflict a reader would not see: a period with a number ("within two
weeks": ``numbers`` compares counts); "soon", "shortly", "in the near future" (no scale); a period behind ("in recent
weeks", "over the past months", "the first visit in years"); one counted from an event ("within hours of the
strike"); a duration ("for weeks", "for years to come").
"""

from __future__ import annotations

import re

__all__ = ["PERIOD_WORDS", "SCALES", "period_values"]

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

PERIOD_WORDS = frozenset("hours days weeks months years часы часов дни дней недели недель месяцы месяцев годы лет".split())


def period_values(text: str) -> dict[str, str]:
    """The scales of the periods ahead ``text`` states: {scale: how the text writes the period}."""
    found: dict[str, str] = {}
    for pattern in (_EN_PERIOD, _RU_PERIOD):
        for m in pattern.finditer(text):
            units = m.group("units") or m.group("ahead")
            shown = " ".join(m.group().split())
            for unit in _UNIT_WORD.findall(units):
                found.setdefault(_scale(unit.lower()), shown)
    return found


def _scale(unit: str) -> str:
    """The scale of a unit word: "weeks", "недель" -> ``weeks``."""
    if unit in SCALES:
        return unit
    return next(scale for stem, scale in _RU_UNITS.items() if unit.startswith(stem))
