"""The ``attribution`` and ``stance`` kinds of conflict: read from the claims as statements (who makes the point,
and whether it is agreed or refused), not from details in their text.

- ``speaker_values(claims)``: the speakers the claims give (none when one is ``BOTH``: "the two leaders" agree
  with any single attribution).
- ``names_each_other(speakers, texts, pair)``: whether one side's text names a speaker another side gives; then
  the point is a joint act or an exchange, not a dispute over who said it.
- ``same_statement(words, speakers)``: whether the sides word the point alike once the speakers' names are set
  aside; only then is a different speaker a conflict.
- ``stance_values(claims)``: the stance the claims take on their point, with the words that take it: ``agreed`` or
  ``refused`` (a negated agreement counts as refused, as does "will not join ..."), ``conditional`` (the point holds "only after", "provided
  that", takes effect after something, or something is "a key condition for" it) or ``denied`` (the point "was not raised", claims called "groundless");
  ``STANCE_WORDS`` for a cheap first look.
- ``refusal_meets(stances, words)``: whether a "will not join ..." refusal names what an agreeing side agreed to.
- ``plain_values(claims)``: for a side that states the point without condition or denial, its opening words: what
  a denied point is set against (``conflicts.detect`` decides when).
- ``settled_values(claims)``: the same, only for a side that states the point as settled (agreed, decided, a
  commitment that "will" be kept, done), not as a demand, proposal or offer: what a conditional point is set
  against.
- ``phrase(text, match)``: a cue and the words after it, as a conflict shows a side's wording.
- ``one_of_two(claims, first, second)``: which of two opposite readings (each a name, its cues and its pattern)
  the claims take, with its wording: what ``conflicts.verdicts`` and ``conflicts.measures`` read verdicts with.

Verdicts on the point (unlawful or lawful, an objection or its dismissal) are read by ``conflicts.verdicts``.

Why conditions and denials: one government often reports as settled what the other makes conditional (an
agreement that takes effect only once sanctions are lifted) or denies outright; a reader must see that the two
readouts do not say the same thing, with each side's wording.

Why a condition counts only against a settled point: a demand, a proposal or an offer answered by the other leader's
conditions ("pressed for a complete ceasefire" / "a ceasefire is possible only after a withdrawal") is two moves of
one exchange, both reported accurately; the readouts disagree on nothing, and GUIDELINES' conflicts are a
disagreement on what was agreed (one says agreed, the other refused). A side that says the point was agreed or
will be done ("The United States will help restore access" / "takes effect only after the sanctions are lifted")
does disagree with the side that makes it conditional. English and Russian are read alike: "only after" and
"лишь после", "provided that" and "при условии", "agreed" and "договорились".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache

from comparisons.conflicts.stance_words import (
    AGREE,
    AGREE_RU,
    BY_A_THIRD_BODY,
    CONDITION,
    CONDITION_RU,
    CYRILLIC,
    DENIAL,
    DENIAL_RU,
    NEGATION,
    NEGATION_REACH,
    ONCE_IT_ALLOWS,
    PROPOSED,
    REFUSE,
    REFUSE_RU,
    SETTLED,
    STANCE_WORDS,
    WILL_NOT_JOIN,
    found_in,
)
from comparisons.words.stems import stem
from readouts.model import BOTH, Claim, Pair

__all__ = ["STANCE_WORDS", "Reading", "names_each_other", "one_of_two", "phrase", "plain_values", "refusal_meets", "same_statement",
           "settled_values", "speaker_values", "stance_values"]

_WORD = re.compile(r"\w+")

def speaker_values(claims: Iterable[Claim]) -> dict[str, str]:
    claims = list(claims)
    speakers = [c.speaker for c in claims if c.speaker]
    if BOTH in speakers or any(_WE_TALKED.search(c.text) for c in claims):
        return {}  # "the two leaders" (or a speaker's "we talked about") agree with any single attribution
    return {s: s for s in speakers}


_WE_TALKED = re.compile(r"\b[Ww]e\s+(?:also\s+|have\s+|had\s+|then\s+)*(?:talked|discussed|spoke|exchanged|reviewed|"
                        r"touched|went\s+over|agreed)\b")
"""A speaker in a transcript telling what both sides did ("We also talked about the fund"): the point is the
exchange, not theirs alone."""


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
    bags = [{stem(w) for w in side_words if len(w) > 3 and w not in names and w not in _COMMON}
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
    """The claims' stance on their point: ``conditional`` and ``denied`` first (they qualify whatever else the
    claims say), else ``agreed`` or ``refused`` when only one of them is taken."""
    agreed: list[str] = []
    refused: list[str] = []
    conditional: list[str] = []
    denied: list[str] = []
    for claim in claims:
        text = claim.text
        low = text.lower()
        cyrillic = CYRILLIC(text) is not None
        conditional.extend(phrase(text, m) for m in found_in(CONDITION, CONDITION_RU, text, low, cyrillic))
        if "allow" in low or "permit" in low:
            conditional.extend(phrase(text, m) for m in ONCE_IT_ALLOWS.finditer(text))
        denied.extend(phrase(text, m) for m in found_in(DENIAL, DENIAL_RU, text, low, cyrillic))
        for m in found_in(AGREE, AGREE_RU, text, low, cyrillic):
            if BY_A_THIRD_BODY.match(text, m.end()):
                continue
            # The negation sits within two words before the verb: read only the stretch of text just before it.
            window = max(0, m.start() - NEGATION_REACH)
            negation = NEGATION.search(text, window, m.start())
            if negation:
                refused.append(text[negation.start() : m.end()].lower())
            else:
                agreed.append(m.group().lower())
        refused.extend(m.group().lower() for m in found_in(REFUSE, REFUSE_RU, text, low, cyrillic))
        if "not" in low or "won't" in low or "intention" in low:
            refused.extend(phrase(text, m) for m in WILL_NOT_JOIN.finditer(text))
    if conditional:
        return {"conditional": conditional[0]}
    if denied:
        return {"denied": denied[0]}
    if agreed and not refused:
        return {"agreed": agreed[0]}
    if refused and not agreed:
        return {"refused": refused[0]}
    return {}


_PHRASE_WORDS = 8


def refusal_meets(stances: Mapping[str, dict[str, str]], words: Mapping[str, set[str]]) -> bool:
    """Whether each "will not join ..." refusal names something an agreeing side's words name: "will not join any
    trilateral nuclear disarmament negotiations" answers "agreed to begin discussions on nuclear risks", not "agreed
    on the goal of denuclearization of the peninsula" (another point, linked to it by mistake)."""
    agreeing = [words[side] for side, stance in stances.items() if "agreed" in stance]
    for stance in stances.values():
        refusal = stance.get("refused", "")
        m = WILL_NOT_JOIN.match(refusal)
        if m is None:
            continue
        wanted = {stem(w) for w in _WORD.findall(refusal[m.end():].lower()) if len(w) > 3 and w not in _COMMON}
        if not all(wanted & {stem(w) for w in side_words} for side_words in agreeing):
            return False
    return True


_CLAUSE_END = re.compile(r"[;!?]|(?<![A-Z])\.(?=\s|$)")
"""Where a clause ends: a semicolon, or a full stop that is no abbreviation's ("U.S. aircraft" goes on)."""


def phrase(text: str, match: re.Match[str]) -> str:
    """The cue and the words after it, to the end of the clause and at most ``_PHRASE_WORDS`` words: "take effect
    after: lifting of the sanctions on ..." shows what the condition is."""
    rest = _CLAUSE_END.split(text[match.end():], maxsplit=1)[0].split()
    words = match.group().split() + rest[:_PHRASE_WORDS]
    return " ".join(words) + (" …" if len(rest) > _PHRASE_WORDS else "")


Reading = tuple[str, tuple[str, ...], re.Pattern[str]]
"""A name, the pieces of text its pattern needs (lower case) and the pattern."""


def one_of_two(claims: Iterable[Claim], first: Reading, second: Reading) -> dict[str, str]:
    """{name: the words that say it} for the one of two opposite readings the claims take; nothing when they take
    both or neither. A reading's pattern is searched only where one of its cues is in the text: most links take
    neither, and a test per cue is far cheaper than the search (or than one case-blind search for them all)."""
    text = " ".join(claim.text for claim in claims)
    low = text.lower()
    found = [(name, pattern.search(text) if any(cue in low for cue in cues) else None)
             for name, cues, pattern in (first, second)]
    taken = [(name, match) for name, match in found if match]
    if len(taken) != 1:
        return {}
    name, match = taken[0]
    return {name: phrase(text, match)}


def plain_values(claims: Iterable[Claim]) -> dict[str, str]:
    """The opening words of claims that state their point as it is: no condition, no denial, no negation.
    Empty when a claim is negated: "did not discuss X" is a stance of its own, not the plain statement."""
    claims = list(claims)
    text = " ".join(c.text for c in claims)
    if not text or _NEGATION_ANYWHERE.search(text):
        return {}
    words = text.split()
    return {"unconditional": " ".join(words[:_PHRASE_WORDS]) + (" …" if len(words) > _PHRASE_WORDS else "")}


def settled_values(claims: Iterable[Claim]) -> dict[str, str]:
    """``plain_values`` of claims that state their point as settled: agreed, decided, signed, in effect, or a
    commitment that will be kept ("The United States will help restore access"), in English or Russian; nothing
    for a demand, a proposal or an offer ("pressed for a complete ceasefire", "welcomed the offer to respect the
    limits"), nor for a point only discussed. A condition the other side sets is no disagreement with those: the
    readouts tell two moves of one exchange."""
    claims = list(claims)
    text = " ".join(c.text for c in claims)
    if not SETTLED.search(text) or PROPOSED.search(text):
        return {}
    return plain_values(claims)


_NEGATION_ANYWHERE = re.compile(r"\b(?:not|never|no)\b|n't\b|\bне\b|\bнет\b", re.IGNORECASE)
