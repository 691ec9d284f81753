"""The ``attribution`` and ``stance`` kinds of conflict: read from the claims as statements (who makes the point,
and whether it is agreed or refused), not from details in their text.

- ``speaker_values(claims)``: the speakers the claims give (none when one is ``BOTH``: "the two leaders" agree
  with any single attribution).
- ``names_each_other(speakers, texts, pair)``: whether one side's text names a speaker another side gives; then
  the point is a joint act or an exchange, not a dispute over who said it.
- ``same_statement(words, speakers)``: whether the sides word the point alike once the speakers' names are set
  aside; only then is a different speaker a conflict.
- ``stance_values(claims)``: ``agreed`` or ``refused`` (a negated agreement counts as refused), when the claims take
  one stance only; ``STANCE_WORDS`` for a cheap first look.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache

from readouts.model import BOTH, Claim, Pair

__all__ = ["STANCE_WORDS", "names_each_other", "same_statement", "speaker_values", "stance_values"]

_WORD = re.compile(r"\w+")

STANCE_WORDS = frozenset(
    "agreed agrees agree accepted accepts endorsed consented approved refused refuses rejected rejects declined "
    "declines disagreed turned ruled dismissed".split())

_AGREE = re.compile(r"\b(agreed|agrees|agree|accepted|accepts|endorsed|consented|approved)\b", re.IGNORECASE)
_REFUSE = re.compile(
    r"\b(refused|refuses|rejected|rejects|declined|declines|disagreed|turned down|ruled out|dismissed)\b", re.IGNORECASE
)
_NEGATION = re.compile(r"(?:\bnot|n't|\bnever|\bno|\bfailed to|\bunable to)\W+(?:\w+\W+){0,2}$", re.IGNORECASE)


def speaker_values(claims: Iterable[Claim]) -> dict[str, str]:
    speakers = [c.speaker for c in claims if c.speaker]
    if BOTH in speakers:
        return {}  # "the two leaders" agree with any single attribution
    return {s: s for s in speakers}


def names_each_other(speakers: Mapping[str, dict[str, str]], texts: Mapping[str, str], pair: Pair | None) -> bool:
    """Whether one side's text names a speaker another side gives: then the point is a joint act or an exchange
    ("Biden spoke with Putin", "Putin answered Biden's warning"), told from each side's end, not a disagreement
    about who said it."""
    for side, names in speakers.items():
        for other, text in texts.items():
            if other != side and any(_mentions(text, name, pair) for name in names):
                return True
    return False


def same_statement(words: Mapping[str, set[str]], speakers: Mapping[str, dict[str, str]]) -> bool:
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


def stance_values(claims: Iterable[Claim]) -> dict[str, str]:
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

