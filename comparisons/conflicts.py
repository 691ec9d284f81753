"""Conflicts: checkable details on which the claims of one link disagree.

- ``find_conflicts(claims_by_side, pair) -> tuple[Conflict, ...]``: for one link (its claims grouped by side key),
  the details its sides state differently, each a ``Conflict(kind, values)`` with one value per side that
  states one. Kinds, in this order:
  ``date`` (days, ranges, clock times, months, years, weekdays, "next week"), ``number`` (counts and ordinals of
  the same thing, percentages, money), ``place`` (where something happens: "in Geneva" vs "in Brussels"), ``entity`` (organisations or titled
  officials named for the same point), ``attribution`` (who the point is attributed to: the claims' speakers),
  ``stance`` (agreed vs refused or rejected).

A conflict is a claim a reader can check, so precision comes first. A side that states nothing of a kind is not in
conflict (saying less is an omission, not a contradiction), and a side whose values include the other's is not
either ("January 10 and 11" vs "January 10"). Values are compared after normalising ("Jan. 10", "10 January" and
"January 10th" are one date; "Kiev" is "Kyiv"; "ten" is 10), and numbers only count against numbers of the same
thing ("three rounds" vs "two rounds", never "three rounds" vs "two leaders").
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, Mapping, Sequence

from comparisons.gazetteer import CITIES, CITY_ALIASES, ORGANISATIONS
from comparisons.model import Conflict
from readouts.model import BOTH, Claim, Pair

__all__ = ["KINDS", "find_conflicts"]

KINDS = ("date", "number", "place", "entity", "attribution", "stance")

_WORD = re.compile(r"\w+")

_MONTHS = {
    name: full
    for full in ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                 "November", "December")
    for name in {full, full[:3], full[:3] + ".", "Sept."}
    if name != "Sept." or full == "September"
}
_MONTH = r"(?:" + "|".join(sorted((re.escape(m) for m in _MONTHS), key=len, reverse=True)) + r")(?![a-z])"
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_RANGE = r"(?:\s*(?:–|—|-|to|and|through)\s*" + _DAY + r")?"
_DATE_MD = re.compile(rf"(?<![\w.])({_MONTH})\s+{_DAY}{_RANGE}(?!\d)")
_DATE_DM = re.compile(rf"(?<![\w.]){_DAY}{_RANGE}\s+(?:of\s+)?({_MONTH})")
_MONTH_ONLY = re.compile(rf"(?<![\w.])({_MONTH})")
_TIME = re.compile(r"\b(\d{1,2})(?:[:.](\d{2}))?\s*([ap])\.?\s?m\b\.?|\b([01]?\d|2[0-3]):(\d{2})\b", re.IGNORECASE)
_TIME_ZONE = re.compile(r"\b(?:[A-Z][a-z]+ time|local time|GMT|UTC|EST|EDT|ET|CET|MSK)\b")
_YEAR = re.compile(r"(?<![\w$€£.,])((?:19|20)\d\d)(?![\w%])")
_WEEKDAY = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_RELATIVE = re.compile(
    r"\b((?:early |late |later )?(?:next|this|coming) (?:week|month|year)|in the coming (?:days|weeks|months)"
    r"|(?:early|later) (?:next|this) (?:week|month|year))\b",
    re.IGNORECASE,
)

_NUMBER_WORDS = {
    w: i for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
        "seventeen eighteen nineteen twenty".split())
} | {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
     "hundred": 100, "dozen": 12}
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9}
_NUM = r"(\d[\d,]*(?:\.\d+)?|" + "|".join(_NUMBER_WORDS) + r")"
_SCALE = r"(?:\s+(thousand|million|billion|trillion|bn)\b)?"
_MONEY = re.compile(rf"(US\$|\$|€|£|¥)\s?{_NUM}{_SCALE}", re.IGNORECASE)
_MONEY_WORD = re.compile(rf"\b{_NUM}{_SCALE}\s+(dollars|euros|rubles|roubles|pounds|yuan)\b", re.IGNORECASE)
_CURRENCY_WORDS = ("dollar", "euro", "ruble", "rouble", "pound", "yuan")
_PERCENT = re.compile(rf"\b{_NUM}\s*(%|percent\b|per cent\b)", re.IGNORECASE)
_COUNT = re.compile(rf"(?<![\w.,-]){_NUM}{_SCALE}(?:-|\s+)((?:[a-z]+-)?[a-z]{{3,}})\b", re.IGNORECASE)
_ORDINAL_WORDS = {w: i for i, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth".split(), start=1)}
_ORDINAL = re.compile(
    r"(?<![\w.,-])(" + "|".join(_ORDINAL_WORDS) + r"|\d{1,3}(?:st|nd|rd|th))\s+((?:[a-z]+-)?[a-z]{3,})\b", re.IGNORECASE
)
_NOT_A_THING = frozenset(
    "and or of to the for from with than more less other out times time percent per cent who which that were was are "
    "have has had will would its their these those such sides".split()
)

_CITY = "|".join(sorted((re.escape(c) for c in CITIES), key=len, reverse=True))
_PLACE = re.compile(rf"\b(?:in|at|to|hosted by|held in)\s+(?:the\s+)?({_CITY})\b")

_ORG_LOOKUP = {alias: canon for canon, aliases in ORGANISATIONS.items() for alias in aliases}
_ORG = re.compile(
    r"(?<![\w-])(" + "|".join(sorted((re.escape(a) for a in _ORG_LOOKUP), key=len, reverse=True)) + r")(?![\w-])"
)
_TITLED = re.compile(
    r"\b(?:Secretary of State|Secretary of Defense|Secretary|(?:Deputy |Foreign |Defen[cs]e |Prime )*Minister"
    r"|National Security Advis[oe]r|Advis[oe]r|Aide|Ambassador|(?:Special )?Envoy|Chancellor|Spokes(?:man|person))"
    r"\s+((?:[A-Z][a-z]+\s)?[A-Z][a-z]+)\b"
)

_CUE_STOP = frozenset("the of and for in new st saint city group council organization organisation".split())
_CITY_WORDS = frozenset(w.lower() for c in CITIES for w in _WORD.findall(c)) - _CUE_STOP
_ORG_WORDS = frozenset(w.lower() for a in _ORG_LOOKUP for w in _WORD.findall(a)) - _CUE_STOP
_TITLE_WORDS = frozenset(
    "secretary minister adviser advisor aide ambassador envoy chancellor spokesman spokesperson".split())
_STANCE_WORDS = frozenset(
    "agreed agrees agree accepted accepts endorsed consented approved refused refuses rejected rejects declined "
    "declines disagreed turned ruled dismissed".split())

_AGREE = re.compile(r"\b(agreed|agrees|agree|accepted|accepts|endorsed|consented|approved)\b", re.IGNORECASE)
_REFUSE = re.compile(
    r"\b(refused|refuses|rejected|rejects|declined|declines|disagreed|turned down|ruled out|dismissed)\b", re.IGNORECASE
)
_NEGATION = re.compile(r"(?:\bnot|n't|\bnever|\bno|\bfailed to|\bunable to)\W+(?:\w+\W+){0,2}$", re.IGNORECASE)


_DIGIT = re.compile(r"\d").search
_DATE_WORDS = frozenset(m.lower().rstrip(".") for m in _MONTHS) | {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "next", "this", "coming"}
_LEVELS = ("day", "time", "month", "weekday", "relative", "year")
_NO_DATES: dict[str, dict[str, str]] = {k: {} for k in _LEVELS}


def find_conflicts(claims_by_side: Mapping[str, Sequence[Claim]], pair: Pair) -> tuple[Conflict, ...]:
    """The conflicts of one link; ``claims_by_side`` lists each side's claims in reading order."""
    texts = {side: " ".join(c.text for c in claims) for side, claims in claims_by_side.items() if claims}
    if len(texts) < 2:
        return ()
    found: list[Conflict] = []
    words = {side: set(_WORD.findall(text.lower())) for side, text in texts.items()}
    dated = {side: _dates(text) if _may_date(text, words[side]) else _NO_DATES for side, text in texts.items()}
    for level in _LEVELS if sum(d is not _NO_DATES for d in dated.values()) >= 2 else ():
        conflict = _disagreement("date", {side: d[level] for side, d in dated.items()})
        if conflict:
            found.append(conflict)
            break
    undated = {side: _mask_dates(text) for side, text in texts.items() if _may_count(text, words[side])}
    undated = {side: text for side, text in undated.items() if _may_count(text, words[side])}
    if len(undated) >= 2:
        found.extend(_number_conflicts(undated))
    for kind, extract, cue in (("place", _places, _CITY_WORDS), ("entity", _organisations, _ORG_WORDS),
                               ("entity", _officials, _TITLE_WORDS)):
        # The word sets are a cheap first look: most claims name no venue, organisation or official.
        values = {side: extract(text) if not words[side].isdisjoint(cue) else {} for side, text in texts.items()}
        conflict = _disagreement(kind, values, disjoint=True)
        if conflict and not any(c.kind == kind for c in found):
            found.append(conflict)
    speakers = {side: _speakers(claims) for side, claims in claims_by_side.items()}
    conflict = _disagreement("attribution", speakers, disjoint=True)
    if conflict and not _names_each_other(speakers, texts, pair) and _same_statement(words, speakers):
        found.append(conflict)
    stances = {side: _stance(claims) if not words[side].isdisjoint(_STANCE_WORDS) else {}
               for side, claims in claims_by_side.items() if claims}
    conflict = _disagreement("stance", stances, disjoint=True)
    if conflict:
        found.append(conflict)
    return tuple(found)


def _may_date(text: str, words: set[str]) -> bool:
    """A cheap test that skips the date patterns for the many claims that name no date."""
    return _DIGIT(text) is not None or not words.isdisjoint(_DATE_WORDS)


def _may_count(text: str, words: set[str]) -> bool:
    if _DIGIT(text) is not None:
        return True
    return not words.isdisjoint(_NUMBER_WORDS) or not words.isdisjoint(_ORDINAL_WORDS)


def _disagreement(kind: str, values: Mapping[str, dict[str, str]], *, disjoint: bool = False) -> Conflict | None:
    """A conflict when two sides that state values of this kind disagree.

    ``values`` maps each side to {normalised value: how to show it}. Two sides disagree when neither's values
    contain the other's (or, with ``disjoint``, when they share none: for names, where one side naming more is
    common and harmless).
    """
    stated = {side: v for side, v in values.items() if v}
    if len(stated) < 2:
        return None
    sides = list(stated)
    clash = False
    for i, a in enumerate(sides):
        for b in sides[i + 1 :]:
            va, vb = set(stated[a]), set(stated[b])
            if (not va & vb) if disjoint else not (va <= vb or vb <= va):
                clash = True
    if not clash:
        return None
    return Conflict(kind, {side: ", ".join(dict.fromkeys(stated[side].values())) for side in sides})


def _dates(text: str) -> dict[str, dict[str, str]]:
    levels: dict[str, dict[str, str]] = {k: {} for k in _LEVELS}
    taken: list[tuple[int, int]] = []
    for pattern, month_group, day_groups in ((_DATE_MD, 1, (2, 3)), (_DATE_DM, 3, (1, 2))):
        for m in pattern.finditer(text):
            month = _MONTHS[m.group(month_group)]
            first, last = (m.group(g) for g in day_groups)
            if not 1 <= int(first) <= 31 or (last and not 1 <= int(last) <= 31):
                continue
            shown = f"{month} {int(first)}" + (f"–{int(last)}" if last and last != first else "")
            levels["day"][shown] = shown
            levels["month"][month] = month
            taken.append(m.span())
    for m in _MONTH_ONLY.finditer(text):
        inside = any(a <= m.start() < b for a, b in taken)
        if not inside and m.group(1) != "May" and not m.group(1).startswith("Mar"):
            levels["month"][_MONTHS[m.group(1)]] = _MONTHS[m.group(1)]
    for m in _WEEKDAY.finditer(text):
        levels["weekday"][m.group(1)] = m.group(1)
    for m in _RELATIVE.finditer(text):
        phrase = m.group(1).lower()
        levels["relative"][phrase] = phrase
    for m in _YEAR.finditer(text):
        levels["year"][m.group(1)] = m.group(1)
    # A clock time with a time zone ("23:35 Moscow time") may be the same moment as another zone's: left alone.
    if not _TIME_ZONE.search(text):
        for m in _TIME.finditer(text):
            levels["time"][_clock(m)] = m.group().strip()
    return levels


def _clock(m: re.Match[str]) -> str:
    """A clock time as 24-hour ``HH:MM``: "3:35 p.m." and "15:35" are one time."""
    if m.group(4) is not None:
        return f"{int(m.group(4)):02d}:{m.group(5)}"
    hour = int(m.group(1)) % 12 + (12 if m.group(3).lower() == "p" else 0)
    return f"{hour:02d}:{m.group(2) or '00'}"


def _mask_dates(text: str) -> str:
    """Blank out dates and years so their digits are not read as counts."""
    for pattern in (_DATE_MD, _DATE_DM, _TIME, _YEAR):
        text = pattern.sub(lambda m: " " * len(m.group()), text)
    return text


def _number_conflicts(texts: Mapping[str, str]) -> list[Conflict]:
    per_side: dict[str, dict[str, dict[str, str]]] = {}
    for side, text in texts.items():
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
            if noun in _NOT_A_THING or noun.split("-")[0] in _NOT_A_THING or noun in _SCALES:
                continue
            if m.group(1).lower() == "one" and text[max(0, m.start() - 3):m.start()].lower().strip() == "no":
                continue
            units.setdefault(noun, {})[_fmt(_value(m.group(1), m.group(2)))] = m.group().strip()
        for m in _ORDINAL.finditer(text):
            noun = _singular(m.group(2).lower())
            if noun in _NOT_A_THING:
                continue
            word = m.group(1).lower()
            rank = _ORDINAL_WORDS.get(word) or int(word[:-2])
            units.setdefault("ordinal:" + noun, {})[str(rank)] = m.group().strip()
        per_side[side] = units
    conflicts = []
    for unit in sorted({u for units in per_side.values() for u in units}):
        conflict = _disagreement("number", {side: units.get(unit, {}) for side, units in per_side.items()})
        if conflict:
            conflicts.append(conflict)
    return conflicts


def _value(number: str, scale: str | None) -> float:
    word = number.lower()
    base = float(_NUMBER_WORDS[word]) if word in _NUMBER_WORDS else float(number.replace(",", ""))
    return base * _SCALES.get((scale or "").lower(), 1.0)


def _fmt(value: float) -> str:
    return str(int(value)) if value == int(value) else repr(value)


def _singular(noun: str) -> str:
    if noun.endswith("ies") and len(noun) > 4:
        return noun[:-3] + "y"
    if noun.endswith("s") and not noun.endswith("ss") and len(noun) > 3:
        return noun[:-1]
    return noun


def _places(text: str) -> dict[str, str]:
    out = {}
    for m in _PLACE.finditer(text):
        city = CITY_ALIASES.get(m.group(1), m.group(1))
        out[city] = m.group(1)
    return out


def _organisations(text: str) -> dict[str, str]:
    return {_ORG_LOOKUP[m.group(1)]: m.group(1) for m in _ORG.finditer(text)}


def _officials(text: str) -> dict[str, str]:
    # Keyed by surname: "Secretary Blinken" and "Secretary of State Antony Blinken" are one person.
    return {m.group(1).split()[-1]: m.group().strip() for m in _TITLED.finditer(text)}


def _speakers(claims: Iterable[Claim]) -> dict[str, str]:
    speakers = [c.speaker for c in claims if c.speaker]
    if BOTH in speakers:
        return {}  # "the two leaders" agree with any single attribution
    return {s: s for s in speakers}


def _names_each_other(speakers: Mapping[str, dict[str, str]], texts: Mapping[str, str], pair: Pair | None) -> bool:
    """Whether one side's text names a speaker another side gives: then the point is a joint act or an exchange
    ("Biden spoke with Putin", "Putin answered Biden's warning"), told from each side's end, not a disagreement
    about who said it."""
    for side, names in speakers.items():
        for other, text in texts.items():
            if other != side and any(_mentions(text, name, pair) for name in names):
                return True
    return False


def _same_statement(words: Mapping[str, set[str]], speakers: Mapping[str, dict[str, str]]) -> bool:
    """Whether the sides word the point alike once the speakers' names are set aside.

    Each government reports its own leader's position, so "Biden voiced concern about human rights" against
    "Xi said human rights must not be a pretext" is an exchange, not a dispute over who spoke. It is a conflict
    when the statement itself is the same ("Biden proposed a summit" / "Putin proposed a summit").
    """
    names = {w.lower() for found in speakers.values() for name in found for w in _WORD.findall(name)}
    bags = [{_stem(w) for w in side_words if len(w) > 3 and w not in names and w not in _COMMON}
            for side_words in words.values()]
    bags = [bag for bag in bags if bag]
    if len(bags) < 2:
        return False
    return all(len(a & b) >= _SAME_SHARE * min(len(a), len(b)) for i, a in enumerate(bags) for b in bags[i + 1 :])


_SAME_SHARE = 0.6
_COMMON = frozenset(
    "that this with from their they them have were will would also said says noted stressed president prime "
    "minister leader leaders side sides which about other such into over".split()
)


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _mentions(text: str, speaker: str, pair: Pair | None) -> bool:
    forms = {speaker}
    surname = [w for w in speaker.replace(",", " ").split() if w.rstrip(".") not in _SUFFIXES]
    if surname:
        forms.add(surname[-1])
    for participant in (pair.participants if pair is not None else ()):
        if participant.name == speaker:
            forms.update(participant.aliases)
    return any(_whole_word(form).search(text) for form in forms if form)


@lru_cache(maxsize=4096)
def _whole_word(form: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)" + re.escape(form) + r"(?!\w)")


_SUFFIXES = {"Jr", "Sr", "II", "III", "IV"}


def _stance(claims: Iterable[Claim]) -> dict[str, str]:
    agreed, refused = [], []
    for claim in claims:
        text = claim.text
        for m in _AGREE.finditer(text):
            negation = _NEGATION.search(text[: m.start()])
            if negation:
                refused.append(text[negation.start() : m.end()].lower())
            else:
                agreed.append(m.group().lower())
        refused.extend(m.group().lower() for m in _REFUSE.finditer(text))
    if agreed and not refused:
        return {"agreed": agreed[0]}
    if refused and not agreed:
        return {"refused": refused[0]}
    return {}

