"""Who asked for the call or meeting, for the ``attribution`` kind of conflict: the party each side says took the
initiative ("at the request of the Russian side", "at President Zelenskyy's request", "по инициативе
американской стороны").

- ``initiator_values(claims, pair)``: {country: the words that name it} for each initiator the claims give for a
  contact (a call, conversation, meeting, talks, visit); a person is read as their country when the pair's
  participant aliases or side titles say it ("the President of Ukraine", "Zelenskyy of Ukraine"), and left out
  otherwise, as is "the latter's request".
- ``INITIATIVE_WORDS``: words an initiator needs, for a cheap first look.

Why: readouts of a leaders' call almost always say who asked for it, and the two governments do not always agree;
who sought the contact is a point a reader checks. Parties are compared as countries ("the American side",
"U.S.", "Washington" are one), so the same initiator written two ways is no conflict.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from comparisons.conflicts.gazetteer import COUNTRIES
from readouts.model import Claim, Pair, Participant

__all__ = ["INITIATIVE_WORDS", "initiator_values"]

INITIATIVE_WORDS = frozenset("request initiative invitation initiated requested инициативе просьбе приглашению".split())

_OF = re.compile(r"\b(?:at|on|upon)\s+the\s+(?:request|initiative|invitation)\s+of\s+"
                 r"|\b(?:initiated|requested)\s+by\s+|(?<!\w)по\s+(?:инициативе|просьбе|приглашению)\s+", re.IGNORECASE)
"""An initiator named after the cue: "at the request of ...", "initiated by ...", "по инициативе ..."."""
_OWN = re.compile(r"\b(?:at|on|upon)\s+((?:[\w.-]+\s+){0,3}?[\w.-]+)['’]s\s+(?:request|initiative|invitation)\b",
                  re.IGNORECASE)
"""An initiator named before the cue: "at the American side's initiative", "at President Zelenskyy's request"."""
_PARTY_WORD = re.compile(r"[^\s,;:()]+")
_PARTY_STOP = frozenset("and which who that lasted to in on at for with was were had has is are".split())
_MAX_PARTY_WORDS = 6
_CONTACT = re.compile(r"\b(?:call|conversation|meeting|talks|visit|contact|summit|phone|telephone|negotiations|"
                      r"consultations)\b|\b(?:spoke|speaks|talked|met)\s+(?:\w+\s+){0,2}?with\b"
                      r"|(?<!\w)(?:разговор|беседа|встреч|переговор|визит|контакт)", re.IGNORECASE)
"""A contact the initiative is for, named ("the call") or told ("spoke today with President Marr at his request",
the opening line of most White House readouts): a request about another point ("at X's request, the detainee was
pardoned") is not who asked for the call."""


def _country_pattern() -> re.Pattern[str]:
    """English names as whole words, case kept ("US", never "us"); Russian stems at a word's start, any case."""
    names = [n for forms in COUNTRIES.values() for n in forms]
    english = sorted((n for n in names if not _cyrillic(n)), key=len, reverse=True)
    russian = sorted((n for n in names if _cyrillic(n)), key=len, reverse=True)
    return re.compile(r"(?<![\w.])(" + "|".join(re.escape(n) for n in english) + r")(?![\w-])"
                      r"|(?i:(?<!\w)(" + "|".join(re.escape(n) for n in russian) + r")\w*)")


def _cyrillic(word: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in word)


_COUNTRY = _country_pattern()
_COUNTRY_OF = {name.lower(): country for country, names in COUNTRIES.items() for name in names}


def _countries_in(text: str) -> set[str]:
    """The countries ``text`` names ("the American side", "U.S.", "российской")."""
    return {_COUNTRY_OF[(m.group(1) or m.group(2)).lower()] for m in _COUNTRY.finditer(text)}


def initiator_values(claims: Iterable[Claim], pair: Pair | None) -> dict[str, str]:
    """{country: the words that name it as the initiator} for the contacts the claims say someone asked for."""
    out: dict[str, str] = {}
    for claim in claims:
        text = claim.text
        if not _CONTACT.search(text):
            continue
        for m in _OF.finditer(text):
            words: list[str] = []
            for word in _PARTY_WORD.finditer(text, m.end()):
                if word.group().lower() in _PARTY_STOP or len(words) == _MAX_PARTY_WORDS:
                    break
                words.append(word.group())
                if word.group().endswith(".") and word.group().count(".") == 1:
                    break  # the sentence ends ("the German side.") but "U.S." goes on
                if text[word.end():word.end() + 1] in (",", ";", ":", "(", ")"):
                    break  # the clause ends ("по инициативе американской стороны, продолжался ...")
            party = " ".join(words).rstrip(".") if words and words[-1].count(".") == 1 else " ".join(words)
            country = _resolve(party, pair)
            if country:
                out.setdefault(country, f"{m.group()}{party}".strip())
        for m in _OWN.finditer(text):
            country = _resolve(m.group(1), pair)
            if country:
                out.setdefault(country, m.group())
    return out


def _resolve(party: str, pair: Pair | None) -> str | None:
    """The country a party stands for: named outright ("the French side"), or a participant whose country the pair
    tells; None when neither is known."""
    found = _countries_in(party)
    if len(found) == 1:
        return found.pop()
    if found or pair is None:
        return None
    for participant in pair.participants:
        if any(_whole_word(form).search(party) for form in _forms(participant)):
            return _participant_country(participant, pair)
    return None


def _forms(participant: Participant) -> list[str]:
    surname = participant.name.split()[-1] if participant.name.split() else ""
    return [f for f in (participant.name, surname, *participant.aliases) if f and not _countries_in(f)]


def _participant_country(participant: Participant, pair: Pair) -> str | None:
    """The one country a participant's aliases name ("the President of Ukraine"), else the one a side title gives
    after their name ("President Volodymyr Zelenskyy of Ukraine")."""
    found: set[str] = set()
    for alias in participant.aliases:
        found |= _countries_in(alias)
    names = participant.name.split()
    if not found and names:
        after_name = re.compile(re.escape(names[-1]) + r"\s+of\s+(?:the\s+)?((?:\w+\s+){0,3}\w+)")
        for side in pair.sides:
            for m in after_name.finditer(side.title):
                found |= _countries_in(m.group(1))
    return found.pop() if len(found) == 1 else None


@lru_cache(maxsize=1024)
def _whole_word(form: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)" + re.escape(form) + r"(?!\w)")
