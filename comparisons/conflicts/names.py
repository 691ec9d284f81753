"""The ``place`` and ``entity`` kinds of conflict: the venues, organisations and titled officials a claim names.

- ``place_values(text)``: cities named as where something happens ("in Geneva", "hosted by Riyadh"), other
  spellings made one ("Kiev" is "Kyiv"); and any place name a meeting is said to be held in ("the next round will be
  held in Qingdao", "will meet again in Tromsø"), gazetteer or not, but a country, month or weekday.
- ``organisation_values(text)``: organisations under their canonical name ("Russia-NATO Council" is the
  "NATO-Russia Council").
- ``official_values(text)``: officials named with a title ("Secretary Blinken", "Deputy Minister Ryabkov"), keyed
  by each word of their name (initials and honorifics left out), so one person written two ways is one official.
- ``CITY_WORDS``, ``ORGANISATION_WORDS``, ``TITLE_WORDS``: words one of those names needs, for a cheap first look.

Each returns {normalised value: how the text writes it}. The names themselves are data in
``comparisons.conflicts.gazetteer``; this module only finds them in a text.
"""

from __future__ import annotations

import re

from comparisons.conflicts.gazetteer import CITIES, CITY_ALIASES, COUNTRIES, ORGANISATIONS, STATES
from comparisons.words.dates import MONTH_NAMES

__all__ = ["CITY_WORDS", "ORGANISATION_WORDS", "TITLE_WORDS", "VENUE_WORDS", "official_values", "organisation_values",
           "place_values"]

_WORD = re.compile(r"\w+")

_CITY = "|".join(sorted((re.escape(c) for c in CITIES), key=len, reverse=True))
_PLACE = re.compile(rf"\b(?:in|at|to|hosted by|held in)\s+(?:the\s+)?({_CITY})\b")

_VENUE = re.compile(
    r"\b(?:will|would|shall|should|could|may|to|is\s+to|are\s+to)\s+(?:again\s+)?"
    r"(?:be\s+held|take\s+place|meet|convene|be\s+hosted)(?:\s+again)?\s+in\s+"
    r"([A-Z][^\W\d_]+(?:[ -][A-Z][^\W\d_]+)?)"
    r"|\b(?:will|would|shall|to)\s+(?:host|hosting|welcome|welcoming|receive|receiving)\s+(?:[\w.'’-]+\s+){1,5}?(?:to|in)\s+"
    r"([A-Z][^\W\d_]+(?:[ -][A-Z][^\W\d_]+)?)"
    r"|\b(?:proposed|suggested|offered|agreed)\s+(?:that\s+)?(?:[\w.'’-]+\s+){0,5}?"
    r"(?:meet|convene|be\s+held|meeting|holding(?:\s+[\w-]+){1,5}?)(?:\s+again)?\s+in\s+"
    r"([A-Z][^\W\d_]+(?:[ -][A-Z][^\W\d_]+)?)")
"""A meeting still to come said to be held in a place ("will be held in Qingdao", "should be held in Hawaii", "will
meet again in Tromsø"), or a host who will receive the other leader there ("look forward to welcoming Prime
Minister Hale to Brisbane", "will host the President in Wellington"), or a meeting proposed or agreed there
("proposed that the two coast guards meet in Tromsø", "suggested holding the next round in Geneva"): the place is
read whether or not the gazetteer knows it, as venues of talks are often small
or new. Only a meeting to come: a past one ("since the leaders met in Woodside") is background, often another
meeting than the other side's. A country ("held in China"), month or weekday is not a venue here."""
_NOT_VENUES = frozenset(MONTH_NAMES) | frozenset(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday The This That It Its".split()) | frozenset(
    form for forms in COUNTRIES.values() for form in forms) | frozenset(
    alias for aliases in ORGANISATIONS.values() for alias in aliases) | STATES
VENUE_WORDS = frozenset("held place meet met convene convened hosted host hosting welcome welcoming receive "
                        "receiving meeting holding".split())
"""Words a venue said with a verb of meeting needs, for a cheap first look."""

_ORG_LOOKUP = {alias: canon for canon, aliases in ORGANISATIONS.items() for alias in aliases}
_ORG = re.compile(
    r"(?<![\w-])(" + "|".join(sorted((re.escape(a) for a in _ORG_LOOKUP), key=len, reverse=True)) + r")(?![\w-])"
)
_TITLED = re.compile(
    r"\b(?:Secretary of State|Secretary of Defense|Secretary|(?:Deputy |Foreign |Defen[cs]e |Prime )*Minister"
    r"|National Security Advis[oe]r|Advis[oe]r|Aide|Ambassador|(?:Special )?Envoy|Chancellor|Spokes(?:man|person))"
    r"(?=\s)"
)
_NAME_TOKEN = re.compile(r"\s+([^\W\d_]\.|[^\W\d_][\w'’-]*)")
_MAX_NAME_WORDS = 5
_POSSESSIVE = re.compile(r"['’]s$")
_HONORIFICS = frozenset("mr mrs ms dr sir shri smt sri his her excellency".split())
"""Words before a name that are courtesy, not name: "Prime Minister Shri Narendra Modi" is Narendra Modi."""

_CUE_STOP = frozenset("the of and for in new st saint city group council organization organisation".split())
CITY_WORDS = frozenset(w.lower() for c in CITIES for w in _WORD.findall(c)) - _CUE_STOP
ORGANISATION_WORDS = frozenset(w.lower() for a in _ORG_LOOKUP for w in _WORD.findall(a)) - _CUE_STOP
TITLE_WORDS = frozenset(
    "secretary minister adviser advisor aide ambassador envoy chancellor spokesman spokesperson".split())


def place_values(text: str) -> dict[str, str]:
    out = {}
    for m in _PLACE.finditer(text):
        city = CITY_ALIASES.get(m.group(1), m.group(1))
        out[city] = m.group(1)
    for m in _VENUE.finditer(text):
        place = m.group(1) or m.group(2) or m.group(3)
        if place.split()[0] in _NOT_VENUES or place in _NOT_VENUES:
            continue
        out.setdefault(CITY_ALIASES.get(place, place), place)
    return out


def organisation_values(text: str) -> dict[str, str]:
    return {_ORG_LOOKUP[m.group(1)]: m.group(1) for m in _ORG.finditer(text)}


def official_values(text: str) -> dict[str, str]:
    """Each titled official under every word of their name, so that two ways of writing one person share a key:
    "Secretary Blinken" and "Secretary of State Antony J. Blinken" share "Blinken", "Foreign Minister Wang Yi"
    (surname first) and "Minister Wang" share "Wang". Initials and honorifics are no name words."""
    out: dict[str, str] = {}
    for m in _TITLED.finditer(text):
        name: list[str] = []
        at = m.end()
        while len(name) < _MAX_NAME_WORDS and (token := _NAME_TOKEN.match(text, at)) and token.group(1)[0].isupper():
            word = _POSSESSIVE.sub("", token.group(1))
            name.append(word)
            at = token.end()
            if word != token.group(1):
                break  # "Prime Minister Kishida's visit": the name ends at its possessive
        words = [w for w in name if not w.endswith(".") and w.lower() not in _HONORIFICS]
        if not words:
            continue
        shown = f"{m.group()} {' '.join(name)}"
        for word in words:
            out.setdefault(word, shown)
    return out
