"""The regular-expression signals of a taxonomy: patterns, keywords with punctuation, and ``exclude`` patterns,
each run only where the literal texts it needs occur.

- ``SignalPattern(topic, weight, context, source, flags, needles, required, label)``: one pattern;
  ``may_match(lowered)`` is the cheap literal test, ``find(text, lowered)`` the span of its first match (compiled
  on first use).
- ``Exclusions(excludes, text, lowered)``: one claim's text as each topic sees it, with that topic's ``exclude``
  matches blanked out, worked out only for the topics that need it.

``comparisons.topics.signals`` builds these from a taxonomy (the literals come from ``comparisons.topics.regex_literals``) and
matches plain keywords itself, word by word; this module is the part of matching that runs regular expressions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

__all__ = ["Exclusions", "SignalPattern"]


@dataclass(frozen=True, eq=False)
class SignalPattern:
    """A regular expression (a pattern, an exclusion, or a keyword with punctuation), run only on claims that
    contain the literal texts it needs: one of its ``needles`` (what its matches begin with) and one of each
    ``required`` group (what they contain further on). A pattern with neither is run on every claim."""

    topic: int
    weight: float
    context: bool
    source: str
    flags: int
    needles: tuple[str, ...]
    required: tuple[tuple[str, ...], ...] = ()
    label: str = ""
    """How evidence names the signal (its family); empty for an exclusion."""

    @cached_property
    def regex(self) -> re.Pattern[str]:
        """Compiled on first use: most patterns of a taxonomy never get past the literal test."""
        return re.compile(self.source, self.flags)

    @cached_property
    def gates(self) -> tuple[tuple[str, ...], ...]:
        """The literal groups to test, the likeliest to be missing (longest shortest text) first."""
        groups = [*self.required, *((self.needles,) if self.needles else ())]
        return tuple(sorted(groups, key=lambda g: -min(len(t) for t in g)))

    def may_match(self, lowered: str) -> bool:
        """False when a literal the pattern needs is missing from the claim: no need to run it."""
        for group in self.gates:
            for text in group:
                if text in lowered:
                    break
            else:
                return False
        return True

    def find(self, text: str, lowered: str) -> tuple[int, int] | None:
        """Where the pattern first matches in ``text`` (start, end); ``may_match`` is expected to have passed.

        Every match begins with one of the ``needles``, so where a needle occurs the pattern is tried right there
        (``match``) instead of searching from each following character: the same first match, found at the
        places it can be. (When lowercasing moved characters, the plain search is used.)"""
        regex = self.regex
        if not self.needles or len(lowered) != len(text):
            hit = regex.search(text)
            return hit.span() if hit else None
        best: tuple[int, int] | None = None
        for needle in self.needles:
            at = lowered.find(needle)
            while at >= 0 and (best is None or at < best[0]):
                hit = regex.match(text, at)
                if hit:
                    best = hit.span()
                    break
                at = lowered.find(needle, at + 1)
        return best


class Exclusions:
    """A claim's text as each topic sees it, its ``exclude`` matches blanked out; worked out only for the topics
    that need it."""

    def __init__(self, excludes: dict[int, list[SignalPattern]], text: str, lowered: str):
        self.excludes = excludes
        self.text = text
        self.lowered = lowered
        self._spans: dict[int, list[tuple[int, int]]] = {}
        self._masked: dict[int, tuple[str, str]] = {}

    def spans(self, topic: int) -> list[tuple[int, int]]:
        if topic not in self._spans:
            self._spans[topic] = [(m.start(), m.end()) for p in self.excludes.get(topic, ())
                                  if p.may_match(self.lowered) for m in p.regex.finditer(self.text)]
        return self._spans[topic]

    def covers(self, topic: int, start: int, end: int) -> bool:
        if topic not in self.excludes:
            return False
        return any(s < end and start < e for s, e in self.spans(topic))

    def masked(self, topic: int) -> tuple[str, str]:
        """(text, lowercased text) for ``topic``."""
        if topic not in self._masked:
            spans = self.spans(topic)
            if not spans:
                self._masked[topic] = (self.text, self.lowered)
            else:
                chars = list(self.text)
                for s, e in spans:
                    chars[s:e] = " " * (e - s)
                masked = "".join(chars)
                self._masked[topic] = (masked, masked.lower())
        return self._masked[topic]
