"""The ``date`` kind of conflict: the dates a claim states, read at eight levels, and its text with dates blanked.

- ``date_values(text) -> dict[level, dict[value, shown]]``: per level in ``DATE_LEVELS`` (day, clock time, part of a
  month, month, weekday, relative phrase, period ahead, year), each date normalised ("Jan. 10", "10 January", "January 10th", "10 января" and
  "десятого января" are one day; "3:35 p.m." and "15:35" one time) and mapped to how the text writes it. Days and months are read by
  ``comparisons.words.dates``, as the matcher reads them.
- ``relatives_agree(a, b) -> bool``: whether two sides' relative times can both be true ("early next month" and "next
  month" can; "next week" and "next month" cannot); a window ("in the coming weeks") is no relative time at all:
  it is a period ahead, read at its own level by ``periods`` ("within days" against "in the coming weeks").
- ``may_date(text, words) -> bool``: a cheap first look; ``NO_DATES`` stands for a text that states none.
- ``mask_dates(text) -> str``: dates, clock times and years blanked out, so their digits are not read as counts.
- ``unset_dates(text) -> dict[str, str]``: ``{"not set": the words}`` when the text says no date is set yet
  ("Specific dates have not yet been discussed", "the dates will be agreed through diplomatic channels");
  ``UNSET_WORDS`` for a cheap first look. A side that gives a date stands against it (``detect`` decides when).

``comparisons.conflicts.detect`` compares the levels from the most precise down and reports the first that disagrees.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from comparisons.conflicts.periods import PERIOD_WORDS, period_values
from comparisons.words.dates import MONTH_NAMES, read_dates, read_months

__all__ = ["DATE_LEVELS", "NO_DATES", "SET_LEVELS", "UNSET_WORDS", "date_values", "mask_dates", "may_date",
           "names_a_time_zone", "relatives_agree", "unset_dates", "within_a_day"]

_MONTH_NAMES_LOW = frozenset(m.lower() for m in MONTH_NAMES) | frozenset(m[:3].lower() for m in MONTH_NAMES)
_TIME = re.compile(r"\b(\d{1,2})(?:[:.](\d{2}))?\s*([ap])\.?\s?m\b\.?|\b([01]?\d|2[0-3]):(\d{2})\b", re.IGNORECASE)
_TIME_ZONE = re.compile(r"\b(?:[A-Z][a-z]+ time|local time|GMT|UTC|EST|EDT|ET|CET|MSK)\b")
_YEAR = re.compile(r"(?<![\w$€£.,])((?:19|20)\d\d)(?![\w%])")
_WEEKDAY = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_RELATIVE = re.compile(
    r"\b(?:(early|late|later)\s+)?(next|this|coming)\s+(week|month|year)\b|\bin\s+the\s+coming\s+(?:days|weeks|months)\b",
    re.IGNORECASE,
)
"""A time said from the day of the readout: "next week", "early next month", "later this year"; and a window, "in the
coming weeks", "the coming month", which sets no date (it holds next week as well as next month) and is read as a period
ahead instead (``periods``)."""
_UNITS = ("week", "month", "year")

_YEAR_END = re.compile(
    r"\b(?:the\s+)?end\s+of\s+(?:the|this)\s+(?:calendar\s+)?year\b|\b(?:this\s+)?year[-\s]end\b"
    r"|(?<!\w)(?:до|к|в)\s+конц[еау]\s+(?:этого\s+|текущего\s+|нынешнего\s+)?года(?!\w)",
    re.IGNORECASE,
)
"""The end of the year, a month: "by the end of the year" is December, as "by the end of March" is March (a target
set for September stands against it); "до конца года" alike."""

_MONTHS_RE = "|".join(MONTH_NAMES)
_RU_MONTHS_GENITIVE = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
                       "ноября", "декабря")
_PART = re.compile(
    rf"\b(?P<part>early|mid|late|the\s+beginning\s+of|the\s+end\s+of|the\s+middle\s+of|the\s+first\s+half\s+of|"
    rf"the\s+second\s+half\s+of)[-\s]+(?P<month>{_MONTHS_RE})\b"
    r"|(?<!\w)(?P<ru_part>в\s+начале|в\s+середине|в\s+конце|до\s+конца|в\s+первой\s+половине|во\s+второй\s+половине)\s+"
    rf"(?P<ru_month>{'|'.join(_RU_MONTHS_GENITIVE)})(?!\w)",
    re.IGNORECASE,
)
_PARTS = {"early": ("early",), "the beginning of": ("early",), "mid": ("mid",), "the middle of": ("mid",),
          "late": ("late",), "the end of": ("late",), "the first half of": ("early", "mid"),
          "the second half of": ("mid", "late"), "в начале": ("early",), "в середине": ("mid",),
          "в конце": ("late",), "до конца": ("late",), "в первой половине": ("early", "mid"),
          "во второй половине": ("mid", "late")}
"""A part of a month, as its thirds: "mid-January" against "late January" disagrees; "the second half of January"
holds both "mid" and "late" and agrees with either; a month said without a part agrees with any part of it."""


def _part_month(word: str) -> str | None:
    """The English name of a month written in English or in the Russian genitive."""
    low = word.lower()
    for number, name in enumerate(MONTH_NAMES):
        if low == name.lower() or low == _RU_MONTHS_GENITIVE[number]:
            return name
    return None


_SEASON = re.compile(r"\b(?:in\s+(?:the\s+)?|this\s+|next\s+|early\s+|late\s+|by\s+(?:the\s+)?)"
                     r"(spring|summer|autumn|fall|winter)\b|(?<!\w)(весной|летом|осенью|зимой)(?!\w)", re.IGNORECASE)
_SEASON_MONTHS = {"spring": (3, 4, 5), "summer": (6, 7, 8), "autumn": (9, 10, 11), "fall": (9, 10, 11),
                  "winter": (12, 1, 2), "весной": (3, 4, 5), "летом": (6, 7, 8), "осенью": (9, 10, 11),
                  "зимой": (12, 1, 2)}
"""A season is its months: "in the spring" against "in February" disagrees, against "in April" it does not (the
northern hemisphere's seasons, where the readouts' governments are)."""
_RU_MONTHS_OF = frozenset("января февраля марта апреля мая июня июля августа сентября октября ноября декабря".split())
"""The Russian months a day said in words comes before ("пятого ноября")."""
_END_RU = frozenset({"конца", "конце", "концу"})
_DIGIT = re.compile(r"\d").search
_DATE_WORDS = _MONTH_NAMES_LOW | {"sept", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                                  "next", "this", "coming", "spring", "summer", "autumn", "fall", "winter",
                                  "весной", "летом", "осенью", "зимой"} | PERIOD_WORDS
DATE_LEVELS = ("day", "time", "part", "month", "weekday", "relative", "period", "year")
"""From the most precise to the least: the first level on which the sides disagree is the one reported."""
NO_DATES: dict[str, dict[str, str]] = {k: {} for k in DATE_LEVELS}
"""The values of a text with no date in it (one shared object, so callers can tell it apart by identity)."""


def may_date(text: str, words: set[str]) -> bool:
    """A cheap test that skips the date patterns for the many claims that name no date."""
    return (_DIGIT(text) is not None or not words.isdisjoint(_DATE_WORDS)
            or ("end" in words and "year" in words)
            or ("года" in words and not words.isdisjoint(_END_RU)) or not words.isdisjoint(_RU_MONTHS_OF))


def date_values(text: str) -> dict[str, dict[str, str]]:
    """The dates ``text`` states, per level: {normalised value: how the text writes it}."""
    levels: dict[str, dict[str, str]] = {k: {} for k in DATE_LEVELS}
    dates = read_dates(_russian_days_in_digits(text) if _RU_DAY_CUE.search(text) else text)
    for date in dates:
        levels["day"][date.shown] = date.shown
        levels["month"][MONTH_NAMES[date.month - 1]] = MONTH_NAMES[date.month - 1]
    for _, _, month in read_months(text, dates):
        levels["month"][MONTH_NAMES[month - 1]] = MONTH_NAMES[month - 1]
    if "end" in text or "year" in text or "конц" in text:
        for m in _YEAR_END.finditer(text):
            levels["month"].setdefault("December", m.group().strip())
    low = text.lower()
    if "early" in low or "mid" in low or "late" in low or "half" in low or "beginning" in low or "end of" in low or (
            "начал" in low or "середин" in low or "конц" in low or "половин" in low):
        for m in _PART.finditer(text):
            name = _part_month(m.group("month") or m.group("ru_month"))
            if name:
                for part in _PARTS[" ".join((m.group("part") or m.group("ru_part")).lower().split())]:
                    levels["part"].setdefault(f"{name}:{part}", m.group().strip())
    for m in _SEASON.finditer(text) if any(season in low for season in _SEASON_MONTHS) else ():
        for month in _SEASON_MONTHS[(m.group(1) or m.group(2)).lower()]:
            levels["month"].setdefault(MONTH_NAMES[month - 1], m.group().strip())
    for m in _WEEKDAY.finditer(text):
        levels["weekday"][m.group(1)] = m.group(1)
    for m in _RELATIVE.finditer(text):
        which = (m.group(2) or "coming").lower()
        if which != "coming":
            part = {"early": ":early", "late": ":late", "later": ":late"}.get((m.group(1) or "").lower(), "")
            levels["relative"][f"{which} {m.group(3).lower()}{part}"] = " ".join(m.group().lower().split())
    levels["period"] = period_values(text)
    for m in _YEAR.finditer(text):
        levels["year"][m.group(1)] = m.group(1)
    # A clock time with a time zone ("23:35 Moscow time") may be the same moment as another zone's: left alone.
    if not _TIME_ZONE.search(text):
        for m in _TIME.finditer(text):
            levels["time"][_clock(m)] = m.group().strip()
    return levels


def relatives_agree(a: Iterable[str], b: Iterable[str]) -> bool:
    """Whether two sides' relative times (``date_values``' "relative" keys: "next month", "next month:early") can
    both be true of one event: some time of each agrees with some time of the other.

    Two times of one unit agree when they name the same week, month or year and, if both name a part of it, the
    same part ("early next month" is in "next month", not in "late next month"). A week or a month agrees with
    "this year" and a week with "this month" (it falls inside them, or may: the readout's date is not known here);
    any other pair of units names two times ("next week" against "next month", "this week" against "next month")."""
    def agree(x: str, y: str) -> bool:
        (xw, xu), xp = x.split(":")[0].split(), x.partition(":")[2]
        (yw, yu), yp = y.split(":")[0].split(), y.partition(":")[2]
        if xu == yu:
            return xw == yw and (not xp or not yp or xp == yp)
        (_, fu), (cw, cu) = sorted(((xw, xu), (yw, yu)), key=lambda t: _UNITS.index(t[1]))
        return cw == "this" and _UNITS.index(cu) > _UNITS.index(fu)

    return any(agree(x, y) for x in a for y in b)


def _ordinal_forms() -> dict[str, int]:
    """{Russian ordinal day word in its cases: its number} for the days 1-20 and 30 ("пятого", "двадцатое")."""
    stems = ("перв втор трет четвёрт пят шест седьм восьм девят десят одиннадцат двенадцат тринадцат четырнадцат "
             "пятнадцат шестнадцат семнадцат восемнадцат девятнадцат двадцат").split()
    forms: dict[str, int] = {}
    for number, stem in enumerate(stems, start=1):
        endings = ("ьего", "ье", "ьем", "ьему") if stem == "трет" else ("ого", "ое", "ом", "ому")
        for ending in endings:
            forms[stem + ending] = number
            forms[stem.replace("ё", "е") + ending] = number
    forms.update({"тридцатого": 30, "тридцатое": 30, "тридцатом": 30, "тридцатому": 30})
    return forms


_RU_ORDINALS = _ordinal_forms()
_RU_DAY_WORDS = re.compile(
    r"(?<!\w)(?:(двадцать|тридцать)\s+)?(" + "|".join(sorted(_RU_ORDINALS, key=len, reverse=True)) + r")"
    r"(?=\s+(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)(?!\w))",
    re.IGNORECASE,
)
_RU_DAY_CUE = re.compile(r"(?:ого|ое|ье|ьего|ом)\s+(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|"
                         r"октября|ноября|декабря)(?!\w)", re.IGNORECASE)
"""A Russian day said in words before its month ("двадцать пятого ноября"): a cheap first look, then the words."""


def _russian_days_in_digits(text: str) -> str:
    """``text`` with each Russian day said in words before a month written in digits ("двадцать пятого ноября" ->
    "25 ноября"), so the one date reader reads it as it reads "25 ноября"."""
    def digits(m: re.Match[str]) -> str:
        tens = {"двадцать": 20, "тридцать": 30}.get((m.group(1) or "").lower(), 0)
        return str(tens + _RU_ORDINALS[m.group(2).lower()])
    return _RU_DAY_WORDS.sub(digits, text)


def _clock(m: re.Match[str]) -> str:
    """A clock time as 24-hour ``HH:MM``: "3:35 p.m." and "15:35" are one time."""
    if m.group(4) is not None:
        return f"{int(m.group(4)):02d}:{m.group(5)}"
    hour = int(m.group(1)) % 12 + (12 if m.group(3).lower() == "p" else 0)
    return f"{hour:02d}:{m.group(2) or '00'}"


def mask_dates(text: str) -> str:
    """Blank out dates and years so their digits are not read as counts."""
    for date in read_dates(text):
        text = text[:date.start] + " " * (date.end - date.start) + text[date.end:]
    for pattern in (_TIME, _YEAR):
        text = pattern.sub(lambda m: " " * len(m.group()), text)
    return text


def names_a_time_zone(text: str) -> bool:
    """Whether ``text`` dates by a clock of its own ("November 16, Beijing time", "23:35 Moscow time")."""
    return _TIME_ZONE.search(text) is not None


_DAY_VALUE = re.compile(r"(\w+) (\d+)(?:–(\d+))?$")


def within_a_day(a: Sequence[str], b: Sequence[str]) -> bool:
    """Whether every day of ``a`` is at most one day from a day of ``b`` and the other way round ("November 15"
    and "November 16"): across time zones, one moment falls on two dates. Values are ``date_values``' days."""
    def days(values: Sequence[str]) -> list[int] | None:
        found: list[int] = []
        for value in values:
            m = _DAY_VALUE.match(value)
            if m is None or m.group(1) not in _MONTH_ORDER:
                return None
            month = _MONTH_ORDER[m.group(1)]
            found.extend(month * 31 + int(d) for d in (m.group(2), m.group(3)) if d)
        return found

    da, db = days(a), days(b)
    if not da or not db:
        return False
    return all(any(abs(x - y) <= 1 for y in db) for x in da) and all(any(abs(x - y) <= 1 for x in da) for y in db)


_MONTH_ORDER = {name: i for i, name in enumerate(MONTH_NAMES, start=1)}


SET_LEVELS = ("day", "month", "weekday")
"""The levels that fix when something happens; a year or "in the coming weeks" sets no date."""
_QUALIFIER = r"(?:(?:specific|exact|concrete|precise|firm)\s+)?"
_UNSET = re.compile(
    rf"\b{_QUALIFIER}(?:dates?|timing|time\s*frame)\s+(?:[\w-]+\s+){{0,4}}?(?:have|has|had)\s+not\s+(?:yet\s+)?"
    r"(?:been\s+)?(?:discussed|set|agreed|determined|fixed|decided|finali[sz]ed)\b"
    rf"|\bno\s+{_QUALIFIER}(?:dates?|timing)\s+(?:has|have)\s+(?:yet\s+)?been\s+(?:set|agreed|fixed|discussed|determined)\b"
    rf"|\b{_QUALIFIER}(?:dates?|timing)\s+(?:[\w-]+\s+){{0,4}}?(?:will|would|are\s+to|is\s+to)\s+be\s+"
    r"(?:agreed|determined|set|coordinated|worked\s+out|decided)\s+(?:later|separately|in\s+due\s+course|"
    r"through\s+diplomatic\s+channels)"
    rf"|\b{_QUALIFIER}(?:dates?|timing)\s+(?:is|are|remains?)\s+(?:yet\s+)?to\s+be\s+(?:agreed|determined|set|decided)\b"
    r"|(?<!\w)(?:(?:конкретн|точн)\w*\s+)?(?:даты|сроки)\s+(?:\w+\s+){0,3}?(?:пока\s+|ещё\s+|еще\s+)?не\s+"
    r"(?:обсуждал\w*|определен\w*|определён\w*|согласован\w*|назначен\w*)"
    r"|(?<!\w)(?:(?:конкретн|точн)\w*\s+)?(?:даты|сроки)\s+(?:\w+\s+){0,3}?будут\s+(?:согласованы|определены)"
    r"\s+(?:дополнительно|позднее|позже|по\s+дипломатическим\s+каналам)",
    re.IGNORECASE,
)
"""A side saying no date is set yet: not discussed or agreed, to be agreed later or through diplomatic channels."""
UNSET_WORDS = frozenset("date dates timing timeframe даты сроки".split())


def unset_dates(text: str) -> dict[str, str]:
    """``{"not set": the words}`` when ``text`` says the date is not set yet, else nothing."""
    m = _UNSET.search(text)
    return {"not set": m.group()} if m else {}
