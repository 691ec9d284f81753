"""Signals of a taxonomy found in a text: its keywords, hints and patterns, compiled once per taxonomy.

- ``compile_taxonomy(taxonomy) -> Matcher``: the compiled form, remembered per taxonomy object.
- ``Matcher.evidence(text) -> (own, context)``: ``Scores`` per topic id: the summed weight of the distinct
  signals found in ``text`` and where the first one starts; ``context`` holds the topics' ``context`` signals.
- ``Matcher.evidence(text, found)`` also fills the dict ``found`` with each signal found and its ``(start, end)``
  in ``text``: a compiled signal has ``topic`` (its index in the taxonomy), ``label`` (its family, or outside any
  family the signal as written), ``weight`` and ``context``. ``Matcher.hits(found)`` sorts them out per topic id.

How signals match (``comparisons.topics.tagging`` decides what a score means for a claim):
* Keywords match whole words, ``*`` lets a word end any way (``санкц*``), spaces and hyphens in a keyword match
  each other (``cease-fire`` finds "ceasefire"), and a keyword written in capitals (``NATO``, ``SWIFT``) matches
  only in capitals, so "swift costs" is not the payment network. A topic's ``exclude`` patterns blank out the
  text they match for that topic.
* Keywords are matched on the text's words (one dictionary look-up per distinct word, remembered), not by one
  regular expression each, so the cost hardly grows with the size of the taxonomy.
* A pattern runs only on texts that contain the literal texts it needs. Those literals are read off the pattern
  by ``comparisons.topics.regex_literals``, our own reader of the plain part of the regex syntax: a pattern it cannot
  follow has no literals known and simply runs on every text, with the same results. Patterns and exclusions are
  ``comparisons.topics.signal_patterns``; keywords are matched here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import NamedTuple

from comparisons.topics.regex_literals import pattern_needles, required_literals
from comparisons.topics.signal_patterns import Exclusions, SignalPattern
from comparisons.topics.taxonomy import Signal, Taxonomy

__all__ = ["Found", "Hit", "Hits", "Matcher", "Scores", "compile_taxonomy", "signal_label"]

Scores = dict[str, tuple[float, int]]
"""Per topic id: the summed weight of distinct signals, and where in the text the first one starts."""


class Hit(NamedTuple):
    """One signal found in a text: where, which family (``label``), and whether it is a ``context`` signal.
    (``Matcher.evidence`` hands out the compiled signals themselves; this is their readable form.)"""

    start: int
    end: int
    label: str
    context: bool


Hits = dict[str, list[Hit]]
"""Per topic id: the signals found, in the order of their place in the text."""
Found = dict
"""A compiled signal (``_Keyword`` or ``SignalPattern``) -> its ``(start, end)`` in the text."""

_LABEL_CHARS = 40


def signal_label(signal: Signal) -> str:
    """How evidence names a signal: its family, else (a flat taxonomy) the keyword or pattern as written."""
    if signal.family:
        return signal.family
    text = " ".join(signal.text.split())
    return text if len(text) <= _LABEL_CHARS else text[:_LABEL_CHARS - 1] + "…"

_WORD_SPLIT = re.compile(r"(\w+)")
_GAP_CHARS = " \t\n\r\f\v\u00a0-‐‑–—"
"""What may separate the words of a keyword in a text: white space and hyphens or dashes."""
_HYPHEN = re.compile(r"[\-‐‑–]")
_PLAIN_KEYWORD = re.compile(r"[\w\s\-‐‑–*]+")
_A_WORD = re.compile(r"[^\W\d_]{3}")
_PREFIX = 3
_MEMO_WORDS = 50_000
"""How many distinct words a compiled taxonomy remembers the keywords of before it starts afresh."""


@dataclass(frozen=True, eq=False)
class _Keyword:
    """A keyword as a sequence of word pieces; ``stems[i]`` lets piece i continue with more letters."""

    topic: int
    weight: float
    context: bool
    pieces: tuple[str, ...]
    stems: tuple[bool, ...]
    cased: bool
    label: str

    def continues(self, words: list[str], gaps: list[bool], i: int) -> bool:
        """Whether the words from ``i`` on spell this keyword, given that ``words[i]`` matches its first piece
        (what ``Matcher._starting_at`` checked)."""
        pieces = self.pieces
        if i + len(pieces) > len(words):
            return False
        for j in range(1, len(pieces)):
            if not gaps[i + j - 1]:
                return False
            word, piece = words[i + j], pieces[j]
            if not (word.startswith(piece) if self.stems[j] else word == piece):
                return False
        return True


_Starting = tuple[tuple[_Keyword, ...], dict[str, tuple[_Keyword, ...]], tuple[tuple[str, _Keyword], ...]]
"""The keywords that may start at a word: one-word ones, longer ones by their exact second piece, and longer ones
whose second piece is a stem, with that stem."""
_NOTHING: _Starting = ((), {}, ())


class Matcher:
    """A taxonomy compiled for tagging: keywords indexed by their first word, patterns, exclusions."""

    def __init__(self, taxonomy: Taxonomy):
        self.ids = taxonomy.ids
        # Patterns that start a word with a known needle are indexed by its first letters, like stems; the rest
        # are tried on every claim (after their needle test).
        self.patterns_by_prefix: dict[str, list[SignalPattern]] = {}
        self.patterns: list[SignalPattern] = []
        self.excludes: dict[int, list[SignalPattern]] = {}
        # (cased?) -> keywords by their first word: a whole word, or a stem's first _PREFIX letters (all of a
        # shorter stem's). One look-up by the word and one by its first letters find every keyword that may start
        # there; ``_Keyword.matches`` decides.
        self.first: dict[bool, dict[str, list[_Keyword]]] = {False: {}, True: {}}
        self.short_stems: dict[bool, tuple[int, ...]] = {}
        for i, topic in enumerate(taxonomy.topics):
            for signal in topic.signals:
                self._add(i, signal, context=False)
            for signal in topic.context:
                self._add(i, signal, context=True)
            if topic.exclude:
                self.excludes[i] = [SignalPattern(i, 0.0, False, p, re.IGNORECASE, pattern_needles(p),
                                             required_literals(p)) for p in topic.exclude]
        for cased in (False, True):
            self.short_stems[cased] = tuple(sorted({len(k.pieces[0]) for ks in self.first[cased].values() for k in ks
                                                    if k.stems[0] and len(k.pieces[0]) < _PREFIX}))
        self.has_cased = bool(self.first[True])
        self.starting: dict[bool, dict[str, _Starting]] = {False: {}, True: {}}

    def _add(self, topic: int, signal: Signal, *, context: bool) -> None:
        text = signal.text
        if signal.kind == "pattern" or not _PLAIN_KEYWORD.fullmatch(text):
            source = text if signal.kind == "pattern" else r"(?<!\w)" + re.escape(text) + r"(?!\w)"
            pattern = SignalPattern(topic, signal.weight, context, source, re.IGNORECASE, pattern_needles(source),
                                    required_literals(source), signal_label(signal))
            needles = pattern.needles
            if source.startswith((r"\b", r"(?<!\w)")) and needles and all(
                    len(n) >= _PREFIX and n[:_PREFIX].isalnum() for n in needles):
                for key in dict.fromkeys(n[:_PREFIX] for n in needles):
                    self.patterns_by_prefix.setdefault(key, []).append(pattern)
            else:
                self.patterns.append(pattern)
            return
        letters = [ch for ch in text if ch.isalpha()]
        cased = len(letters) >= 2 and all(ch.isupper() for ch in letters)
        words = [w if cased else w.lower() for w in text.split()]
        # A hyphen inside a keyword word may be a hyphen or a space in the text, or nothing at all.
        variants: list[list[tuple[str, bool]]] = [[]]
        for word in words:
            stem = word.endswith("*")
            parts = [p for p in _HYPHEN.split(word.rstrip("*")) if p]
            split = [(p, stem if k == len(parts) - 1 else False) for k, p in enumerate(parts)]
            joined = [("".join(parts), stem)]
            variants = [v + s for v in variants for s in ((split, joined) if len(parts) > 1 else (split,))]
        for variant in variants:
            keyword = _Keyword(topic, signal.weight, context, tuple(p for p, _ in variant),
                               tuple(s for _, s in variant), cased, signal_label(signal))
            first, stem = variant[0]
            key = first[:_PREFIX] if stem else first
            self.first[cased].setdefault(key, []).append(keyword)

    def _starting_at(self, cased: bool, word: str) -> _Starting:
        """The keywords whose first piece ``word`` matches (the word, its first letters, then shorter stems):
        one-word ones, and the longer ones by their second piece (exact ones in a dict, stems apart), so that a
        common first word ("the", "diplomatic") costs one look-up of the next word, not one test per keyword.
        Remembered per word: a readout's vocabulary is small and repeats, so each distinct word is looked up once."""
        memo = self.starting[cased]
        if len(memo) >= _MEMO_WORDS:
            memo.clear()
        singles: list[_Keyword] = []
        exact: dict[str, list[_Keyword]] = {}
        stems: list[tuple[str, _Keyword]] = []
        if not cased or word[:1].isupper():
            first = self.first[cased]
            groups = [first.get(word)]
            if len(word) > _PREFIX:
                groups.append(first.get(word[:_PREFIX]))
            groups.extend(first.get(word[:n]) for n in self.short_stems[cased] if n < len(word))
            for group in groups:
                for keyword in group or ():
                    piece = keyword.pieces[0]
                    if word.startswith(piece) if keyword.stems[0] else word == piece:
                        if len(keyword.pieces) == 1:
                            singles.append(keyword)
                        elif keyword.stems[1]:
                            stems.append((keyword.pieces[1], keyword))
                        else:
                            exact.setdefault(keyword.pieces[1], []).append(keyword)
        if not (singles or exact or stems):
            memo[word] = _NOTHING
            return _NOTHING
        memo[word] = candidates = (tuple(singles), {k: tuple(v) for k, v in exact.items()}, tuple(stems))
        return candidates

    def hits(self, found: Found) -> Hits:
        """The signals of ``found`` (filled by ``evidence``) per topic id, each as a ``Hit``, in text order."""
        out: Hits = {}
        for signal, (start, end) in sorted(found.items(), key=lambda item: item[1]):
            out.setdefault(self.ids[signal.topic], []).append(Hit(start, end, signal.label, signal.context))
        return out

    def evidence(self, text: str, found: Found | None = None) -> tuple[Scores, Scores]:
        """(own, context) evidence of each topic in ``text``; the signals found also go into ``found`` if given
        (cheaply: the evidence of every claim is gathered, that of few is ever shown)."""
        # [before, word, gap, word, ..., word, after]: words, the gaps between them and (summing lengths) every
        # word's offsets, each in one pass of C code.
        parts = _WORD_SPLIT.split(text)
        cased_words = parts[1::2]
        ends = list(accumulate(map(len, parts)))
        lowered = text.lower()
        if len(lowered) != len(text):
            lower_words = [w.lower() for w in cased_words]
        elif "Σ" not in text:
            # Lowercasing kept every character's place, and without a capital sigma (whose small form depends on
            # what follows it) it maps each character on its own: each word lowered is its slice of ``lowered``.
            lower_words = list(map(str.lower, cased_words))
        else:
            lower_words = [lowered[ends[2 * k]:ends[2 * k + 1]] for k in range(len(cased_words))]
        words = {True: cased_words, False: lower_words}
        gaps: list[bool] = []  # whether the text between two words may part a keyword's words; made when needed
        excluded = Exclusions(self.excludes, text, lowered)
        if found is None:
            found = {}
        for cased in (False, True) if self.has_cased else (False,):
            memo, ws = self.starting[cased], words[cased]
            # Keywords in capitals can only start at a capitalised word.
            for i in [i for i, w in enumerate(ws) if w[0].isupper()] if cased else range(len(ws)):
                word = ws[i]
                candidates = memo.get(word)
                if candidates is None:
                    candidates = self._starting_at(cased, word)
                if candidates is _NOTHING:
                    continue
                singles, exact, stems = candidates
                for keyword in singles:
                    if keyword not in found:
                        start, end = ends[2 * i], ends[2 * i + 1]
                        if not excluded.covers(keyword.topic, start, end):
                            found[keyword] = (start, end)
                if not (exact or stems) or i + 1 >= len(ws):
                    continue
                # Keywords of several words: only those whose second piece the next word matches.
                after = ws[i + 1]
                longer: Sequence[_Keyword] = exact.get(after, ())
                if stems:
                    longer = [*longer, *[k for second, k in stems if after.startswith(second)]]
                for keyword in longer:
                    if keyword in found:
                        continue
                    if not gaps:
                        gaps = [g == " " or not g.strip(_GAP_CHARS) for g in parts[2:-1:2]] or [False]
                    if not keyword.continues(ws, gaps, i):
                        continue
                    start, end = ends[2 * i], ends[2 * (i + len(keyword.pieces)) - 1]
                    if not excluded.covers(keyword.topic, start, end):
                        found[keyword] = (start, end)
        prefixes = {w[:_PREFIX] for w in lower_words}
        indexed = [p for key in prefixes for p in self.patterns_by_prefix.get(key, ())]
        for pattern in dict.fromkeys([*indexed, *self.patterns]):
            # ``pattern.may_match(lowered)``, written out: it runs some twenty times per claim.
            for group in pattern.gates:
                for literal in group:
                    if literal in lowered:
                        break
                else:
                    break
            else:
                span = pattern.find(*excluded.masked(pattern.topic))
                if span is not None:
                    found[pattern] = span
        own: Scores = {}
        context: Scores = {}
        for signal, (at, _end) in found.items():
            scores = context if signal.context else own
            topic_id = self.ids[signal.topic]
            score, first = scores.get(topic_id, (0.0, at))
            scores[topic_id] = (score + signal.weight, min(first, at))
        return own, context


_COMPILED: dict[int, tuple[Taxonomy, Matcher]] = {}


def compile_taxonomy(taxonomy: Taxonomy) -> Matcher:
    """Compiled once per taxonomy object; keyed by identity because hashing a taxonomy walks every signal."""
    cached = _COMPILED.get(id(taxonomy))
    if cached is not None and cached[0] is taxonomy:
        return cached[1]
    if len(_COMPILED) >= 8:
        _COMPILED.clear()
    matcher = Matcher(taxonomy)
    _COMPILED[id(taxonomy)] = (taxonomy, matcher)
    return matcher
