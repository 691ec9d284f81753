"""The concept and entity lexicons: phrases that different readouts use for one shared meaning.

- ``Lexicon``: named groups of phrases compiled to one regular expression each; ``Lexicon.find(text)`` returns the
  ids of the groups whose phrases occur in the text.
- ``concept_lexicon()``: diplomatic paraphrases (de-escalate / tensions / buildup; condolences / loss of lives; talks /
  dialogue / negotiations ...), English and Russian, from ``lexicon.yaml``, with a weight per concept.
- ``entity_lexicon()``: places, countries and bodies under their several spellings, from ``lexicon_entities.yaml``.
- ``lexicon_fingerprint()``: a short hash of both lexicon files, for cache keys (editing a lexicon changes links).

Phrase syntax (documented in ``lexicon.yaml``): ``word*`` is a prefix, ``~`` allows up to three words in between,
hyphens and apostrophes count as spaces. Matching runs on ``normalise(text)``, so callers never see case or
punctuation differences. Both lexicons are loaded once per process: they are package data, not user input.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from types import MappingProxyType
from typing import Mapping

import yaml

__all__ = ["Lexicon", "concept_lexicon", "entity_lexicon", "lexicon_fingerprint", "normalise"]

_NON_WORD = re.compile(r"[^\w]+")
_ASCII_NON_WORD_TO_SPACE = bytes(c if re.match(r"\w", chr(c)) else 0x20 for c in range(256))
"""A byte table that turns every ASCII character ``_NON_WORD`` would replace into a space (the fast path)."""


def normalise(text: str) -> str:
    """Lowercase words separated by single spaces, with a space at each end so phrases match whole words.

    Diacritics are dropped (Niinistö = niinisto; Russian ё = е and й = и, as Russian texts mix ё and е)."""
    if text.isascii():
        # Same result as the regex below, several times faster: most readouts are plain ASCII.
        spaced = text.lower().encode("ascii").translate(_ASCII_NON_WORD_TO_SPACE).decode("ascii")
        return " " + " ".join(spaced.split()) + " "
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " " + _NON_WORD.sub(" ", text.lower()).strip() + " "


_WORD_CACHE = 100_000
"""Words whose trigger groups a lexicon remembers before starting afresh (bounds memory on huge libraries)."""

TRIGGER = 3  # Lexicon._groups_starting looks up prefixes of 1, 2 and 3 letters
"""Letters of a phrase's first word that must open some word of a text before the phrase's pattern is tried."""


def _first_word(phrase: str) -> str:
    return normalise(phrase.lower().replace("*", " ")).split()[0]


def _opening(phrase: str) -> tuple[str, bool] | None:
    """The word a phrase's match must start on, and whether that is a prefix (``word*``), read the way ``_compile``
    reads it; None when the phrase does not start on one plain word (then only its trigger letters are checked)."""
    words = phrase.lower().replace("-", " ").replace("’", " ").replace("'", " ").split()
    if not words or words[0] == "~":
        return None
    pieces = normalise(words[0].rstrip("*")).split()
    if not pieces:
        return None
    return pieces[0], words[0].endswith("*") and len(pieces) == 1


def _compile(phrases: list[str]) -> re.Pattern[str]:
    alternatives = []
    for phrase in phrases:
        words = phrase.lower().replace("-", " ").replace("’", " ").replace("'", " ").split()
        pattern = ""
        for word in words:
            if word == "~":
                # up to three words, and any run of spaces a name blanked out of the text left between them
                pattern += r"(?: *\w+){0,3} *"
                continue
            prefix = word.endswith("*")
            stem = normalise(word.rstrip("*")).strip()
            for piece in stem.split()[:-1]:
                pattern += re.escape(piece) + " "
            last = stem.split()[-1] if stem else ""
            pattern += re.escape(last) + (r"\w* " if prefix else " ")
        alternatives.append(pattern[:-1] + "(?= )")  # leave the space for the next match to start on
    alternatives.sort(key=len, reverse=True)
    return re.compile(" (?:" + "|".join(alternatives) + ")")


@dataclass(frozen=True)
class Lexicon:
    """Groups of phrases; ``weights`` says how telling a shared group is (1.0 = as telling as a rare word)."""

    patterns: Mapping[str, re.Pattern[str]]
    weights: Mapping[str, float]
    triggers: Mapping[str, tuple[tuple[str | None, bool, str], ...]]
    """Opening letters of phrases (up to ``TRIGGER``) -> ``(opening word, is a prefix, group)`` of each phrase that
    starts so (opening word None: any word with those letters may start it)."""
    broader: Mapping[str, str] = field(default_factory=dict)
    """Group -> the broader group it also names: a peace plan is also about peace, so a sentence on "our peace plan"
    still meets one on "a just peace" (the longer phrase takes the words, which would otherwise leave none)."""
    terms: frozenset[str] = frozenset()
    """Groups whose phrases are one thing in other words ("war" / "special military operation"), as against groups of
    related notions ("status quo" / "independence"): only these are the sides' different words for one thing."""
    _groups_of_word: dict[str, frozenset[str]] = field(default_factory=dict, init=False, repr=False, compare=False)
    """Word -> the groups with a phrase that may start at it (a cache over ``triggers``)."""

    def _candidates(self, normalised: str) -> list[str]:
        # Trying only the groups whose phrases can start at some word keeps matching cheap: a claim has a few
        # dozen words, the lexicon hundreds of phrases. A word's groups are remembered: words recur across claims.
        by_word = self._groups_of_word
        if len(by_word) > _WORD_CACHE:
            by_word.clear()
        words = set(normalised.split())
        for word in words.difference(by_word):
            by_word[word] = self._groups_starting(word)
        return sorted(set().union(*map(by_word.__getitem__, words)))

    def _groups_starting(self, word: str) -> frozenset[str]:
        # A pattern matches only from its opening word, so a group whose phrases all open on other words is never
        # tried: the regex would scan the text for nothing.
        found = set()
        for prefix in {word[:1], word[:2], word[:3]}:
            for opening, is_prefix, key in self.triggers.get(prefix, ()):
                if opening is None or word == opening or (is_prefix and word.startswith(opening)):
                    found.add(key)
        return frozenset(found)

    def find(self, normalised: str) -> frozenset[str]:
        """The ids of the groups with a phrase in ``normalised`` (the output of ``normalise``)."""
        return frozenset(key for key in self._candidates(normalised) if self.patterns[key].search(normalised))

    def matches(self, normalised: str) -> list[tuple[str, int, int]]:
        """Each match as ``(group id, start, end)``: lets callers drop the matched words so that the words of a
        name ("Organization for Security and Cooperation in Europe") are not read as separate content."""
        found = []
        for key in self._candidates(normalised):
            found.extend([(key, m.start(), m.end()) for m in self.patterns[key].finditer(normalised)])
        return found


_FILES = ("lexicon.yaml", "lexicon_entities.yaml")


def _read(name: str) -> str:
    return resources.files("comparisons.matching").joinpath(name).read_text(encoding="utf-8")


def _load(name: str) -> dict:
    # Our own package data, so the fast C loader is safe to use: the lexicons load in a fraction of the time.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(_read(name), Loader=loader) or {}  # noqa: S506 - a safe loader


@lru_cache(maxsize=1)
def lexicon_fingerprint() -> str:
    digest = hashlib.sha256()
    for name in _FILES:
        digest.update(_read(name).encode("utf-8"))
    return digest.hexdigest()[:16]


def _lexicon(groups: Mapping[str, list[str]], weights: Mapping[str, float],
             broader: Mapping[str, str] | None = None, terms: frozenset[str] = frozenset()) -> Lexicon:
    triggers: dict[str, set[tuple[str | None, bool, str]]] = {}
    for key, phrases in groups.items():
        for phrase in phrases:
            opening = _opening(phrase)
            letters = opening[0][:TRIGGER] if opening else _first_word(phrase)[:TRIGGER]
            triggers.setdefault(letters, set()).add(opening + (key,) if opening else (None, False, key))
    return Lexicon(
        MappingProxyType({key: _compile(phrases) for key, phrases in groups.items()}),
        MappingProxyType(dict(weights)),
        # A plain dict of sorted tuples: looked up for every new word, in the same order in every process.
        {k: tuple(sorted(v, key=lambda t: (t[0] or "", t[1], t[2]))) for k, v in triggers.items()},
        MappingProxyType(dict(broader or {})),
        terms,
    )


@lru_cache(maxsize=1)
def concept_lexicon() -> Lexicon:
    data = _load("lexicon.yaml")
    groups = {key: [str(p) for p in entry["phrases"]] for key, entry in sorted(data.items())}
    broader = {key: str(entry["broader"]) for key, entry in data.items() if entry.get("broader")}
    terms = frozenset(key for key, entry in data.items() if entry.get("terms") is True)
    return _lexicon(groups, {key: float(entry.get("weight", 1.0)) for key, entry in sorted(data.items())}, broader,
                    terms)


@lru_cache(maxsize=1)
def entity_lexicon() -> Lexicon:
    data = _load("lexicon_entities.yaml")
    groups = {key: [str(p) for p in phrases] for key, phrases in sorted(data.items())}
    return _lexicon(groups, {key: 1.0 for key in groups})
