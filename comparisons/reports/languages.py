"""Whether the engine could read the sides against each other at all: a caveat the report opens its key
differences with when it could not.

- ``language_caveat(comparison) -> str``: ``""``, or one sentence saying that the sides are written in languages
  the lexical engine cannot compare, so what it reports as omissions may be points both sides make.
- ``READ_LANGUAGES``: the languages the lexical engine compares across.

Why: the lexical engine compares words, and across languages only what its lexicon, names, dates and numbers
share; its lexicon holds English and Russian. An English and a Chinese readout of one call came out as "0 links ·
5 omissions", every point "in no other readout": a finding the texts do not support. The comparison is kept as it
is (its links are right as far as they go); the reader is told how far that is, and what compares meaning instead.
"""

from __future__ import annotations

from comparisons.model import Comparison

__all__ = ["READ_LANGUAGES", "language_caveat"]

READ_LANGUAGES = frozenset({"en", "ru"})
"""Languages whose concepts, dates and numbers the lexical engine reads (``comparisons/matching/lexicon.yaml``,
``comparisons/words``): an English and a Russian readout are compared by those; any other pair of languages by
names, digits and shared spellings alone."""


def language_caveat(comparison: Comparison) -> str:
    if comparison.engine.settings.get("similarity", "lexical") != "lexical":
        return ""
    languages = list(dict.fromkeys((side.language or "").split("-")[0].strip().lower()
                                   for side in comparison.pair.sides))
    if "" in languages or len(languages) < 2 or set(languages) <= READ_LANGUAGES:
        return ""
    return (f"The sides are written in different languages ({', '.join(languages)}), which the lexical engine "
            "compares only by names, dates and numbers: a point both sides make may be shown as left out by each. "
            "To compare their meaning, use --similarity semantic with a multilingual --model.")
