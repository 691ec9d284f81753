"""Measures (sanctions, duties, restrictions, export controls), for the ``stance`` kind of conflict: what each side
says becomes of one.

- ``measure_values(claims)``: ``lifted`` when the claims say a trade measure or sanction is lifted, removed or
  abolished, ``suspended`` when they say it is suspended, paused or frozen (for a time); nothing when both or neither.
- ``keeping_values(claims)``: ``kept`` when the claims say the measure stays (remains in place or in force, is
  maintained, kept or extended, will not be lifted; "сохранит санкции", "останутся в силе"), ``lifting`` when they
  want it lifted or say it was (should be lifted, called for its lifting, urged to lift, sanctions relief; "призвал
  отменить санкции", "должны быть сняты"); nothing when both or neither. A lifting on a condition ("only once",
  "if", "after", "could be eased") is neither: it keeps the measure until then, as the other side may well say.
- ``kept_against_a_conditional_lifting(kept_side, conditional_side)``: whether one side's claims keep a measure
  and the other's lift it only on a condition: both say it stays until then, so the condition is no disagreement
  (``conflicts.detect`` asks before setting a condition against a settled point).
- ``MEASURE_CUES``: pieces of text these readings need, for ``verdicts.may_judge``'s cheap first look.

Why measures lifted or suspended: one government says duties or sanctions were lifted, the other that they are only
suspended for a time; a reader checks which.
Why a measure kept against one to be lifted: one side says its sanctions stay until the dispute is settled, the
other calls them illegitimate and says they should be lifted; the readouts report one exchange and take opposite
stands on the measure. Both sides wanting it lifted, or both keeping it, is agreement; one side saying nothing of
its fate is an omission.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from comparisons.conflicts.statements import one_of_two, phrase
from readouts.model import Claim

__all__ = ["MEASURE_CUES", "kept_against_a_conditional_lifting", "keeping_values", "measure_values"]

_MEASURE = r"(?:duties|duty|tariffs?|sanctions?|restrictions?|measures?|controls?|bans?|embargo|levies|quotas?)"
_RU_MEASURE = r"(?:санкци|ограничени|пошлин|эмбарго|запрет)\w*"
_LIFTED = re.compile(
    rf"\b(?:lift(?:ed|ing|s)?|remov(?:ed|al|ing|es?)|abolish(?:ed|ing)?|scrap(?:ped|ping)?|eliminat(?:ed|ion|ing))\s+"
    rf"(?:of\s+)?(?:the\s+|all\s+|its\s+|their\s+)?(?:[\w-]+\s+){{0,3}}?{_MEASURE}\b"
    rf"|\b{_MEASURE}\s+(?:\w+\s+){{0,4}}?(?:have|has|had|were|was|are|is|will\s+be|would\s+be)\s+(?:been\s+)?"
    r"(?:lifted|removed|abolished|scrapped|eliminated)\b",
    re.IGNORECASE,
)
"""A measure lifted for good: "the lifting of the anti-dumping duties", "the tariffs were removed"."""
_SUSPENDED = re.compile(
    rf"\b(?:suspend(?:ed|ing|s)?|suspension\s+of|paus(?:e|ed|ing)|freez(?:e|ing)|froze)\s+(?:the\s+|all\s+|its\s+)?"
    rf"(?:[\w-]+\s+){{0,3}}?{_MEASURE}\b"
    rf"|\b{_MEASURE}\s+(?:\w+\s+){{0,4}}?(?:have|has|had|were|was|are|is|will\s+be|would\s+be)\s+(?:been\s+)?"
    r"(?:suspended|paused|frozen)\b",
    re.IGNORECASE,
)
"""A measure suspended for a time: "decided to suspend the anti-dumping measures for six months"."""


def measure_values(claims: Iterable[Claim]) -> dict[str, str]:
    """``lifted`` or ``suspended`` with the words that say it, when the claims take one of the two; a lifting asked
    for ("the U.S. side should lift the restrictions", "proposed lifting") is a demand, not a measure lifted."""
    claims = list(claims)
    found = one_of_two(claims, ("lifted", _LIFTED_CUES, _LIFTED), ("suspended", _SUSPENDED_CUES, _SUSPENDED))
    if "lifted" in found:
        text = " ".join(claim.text for claim in claims)
        at = text.find(found["lifted"].split()[0])
        if _ASKED.search(text, max(0, at - _ASKED_REACH), at):
            return {}
    return found


_ASKED = re.compile(r"\b(?:should|must|propos\w*|call(?:ed|s)?\s+for|call(?:ed|s)?\s+on|urge[sd]?|demand\w*|ask\w*|"
                    r"press\w*\s+for|wants?|hopes?|expects?|wish\w*)\b[^;]*$", re.IGNORECASE)
_ASKED_REACH = 90
"""A demand before a lifting in the same clause ("should lift", "proposed lifting", "should honour its commitments,
lift the restrictions"); "agreed to lift" is no demand."""

_LIFTED_CUES = ("lift", "remov", "abolish", "scrap", "eliminat")
_SUSPENDED_CUES = ("suspen", "paus", "freez", "froze")


_UNDONE = r"(?:lifted|removed|eased|relaxed|scrapped|abolished|cancell?ed)"
_HELD = r"(?:sanctions?|duties|tariffs?|restrictions|controls|bans?|embargo(?:es)?|levies|quotas?|countermeasures)"
"""The measures the kept and lifting readings name after a verb: no "control" or "measure" alone ("maintain human
control"); a measure of any name that "remains in force" is one kept."""
_BY = r"(?:(?!(?:of|in|on|for)\s)[\w'’-]+\s+){0,3}?"
"""Up to three words between a verb and its measure, none a preposition: "keep the US sanctions", never "extend the
reduction in tariffs" (a cut extended, the opposite of a measure kept)."""
_KEPT = re.compile(
    rf"\b{_MEASURE}\b[^.;]{{0,60}}?\b(?:remain|remains|remained|stay|stays|stayed)\s+(?:in\s+(?:place|force|effect)"
    r"|unchanged)\b"
    r"|\b(?:maintain(?:s|ed|ing)?|keep(?:s|ing)?|kept|retain(?:s|ed|ing)?|uphold(?:s|ing)?|upheld|extend(?:s|ed|ing)?)"
    rf"\s+(?:the\s+|its\s+|their\s+|all\s+|our\s+|these\s+)?{_BY}{_HELD}\b"
    rf"|\b{_HELD}\b[^.;]{{0,60}}?\b(?:(?:will|would|shall|could|can|must|should)\s*(?:not|n['’]t)|cannot)\s+be\s+"
    rf"{_UNDONE}"
    rf"|\b(?:not|n['’]t)\s+(?:to\s+)?(?:lift|ease|remove|relax)\s+(?:the\s+|its\s+|their\s+|any\s+)?{_BY}"
    rf"{_HELD}\b"
    rf"|\bno\s+(?:{_HELD}\s+relief|(?:lifting|easing|relief|removal)\s+(?:of|from)\s+(?:the\s+)?(?:[\w-]+\s+)"
    rf"{{0,2}}?{_HELD})\b"
    rf"|(?<!\w){_RU_MEASURE}\s+(?:\w+\s+){{0,4}}?(?:сохранят\w*|сохранит\w*|сохраня\w*|останутся\s+в\s+силе"
    r"|продолжат\s+действовать|не\s+будут\s+(?:сняты|отменены))"
    rf"|(?<!\w)(?:сохранит\w*|сохранят\w*|сохранени\w*|продл\w*)\s+(?:\w+\s+){{0,2}}?{_RU_MEASURE}",
    re.IGNORECASE,
)
"""A measure kept: it remains in place or in force, is maintained, kept or extended, will not be lifted, no relief."""
_LIFTING = re.compile(
    rf"\b(?:lift(?:ed|ing|s)?|remov(?:e|es|ed|al|ing)|eas(?:e|es|ed|ing)|relax(?:es|ed|ing)?|scrap(?:s|ped|ping)?"
    rf"|abolish(?:es|ed|ing)?)\s+(?:of\s+)?(?:the\s+|all\s+|its\s+|their\s+|these\s+|those\s+|any\s+)?"
    rf"{_BY}{_HELD}\b"
    rf"|\b{_HELD}\b[^.;]{{0,60}}?\b(?:be|been|being|were|was|are|is)\s+{_UNDONE}\b"
    rf"|\b{_HELD}\s+relief\b|\brelief\s+from\s+(?:the\s+)?(?:[\w-]+\s+){{0,2}}?{_HELD}\b"
    rf"|(?<!\w)(?:отмен\w*|сняти\w*|снять|снимет|снимут|ослаб\w*)\s+(?:\w+\s+){{0,2}}?{_RU_MEASURE}"
    rf"|(?<!\w){_RU_MEASURE}\s+(?:\w+\s+){{0,4}}?(?:должны\s+быть\s+|будут\s+|были\s+)?(?:отменен\w*|отменён\w*|снят\w*)",
    re.IGNORECASE,
)
"""A measure to be lifted, or lifted: should be lifted, the lifting of, urged to lift, sanctions relief."""
_ON_A_CONDITION = re.compile(
    r"\b(?:if|once|only|until|unless|provided|when|after|as\s+soon\s+as|in\s+exchange|in\s+return|could|may|might)\b"
    r"|(?<!\w)(?:если|после|при\s+условии|только|лишь|в\s+обмен|может|могут)(?!\w)",
    re.IGNORECASE,
)
_CLAUSE = re.compile(r"[.;:!?]")
_CONDITION_REACH = 80
"""A lifting with a condition or a mere possibility within its clause, before or after it, is not asked for."""


def keeping_values(claims: Iterable[Claim]) -> dict[str, str]:
    """``kept`` or ``lifting`` with the words that say it, when the claims take one of the two only."""
    text = " ".join(claim.text for claim in claims)
    low = text.lower()
    kept = [m for m in _KEPT.finditer(text)] if any(cue in low for cue in _KEPT_CUES) else []
    lifting = [m for m in _LIFTING.finditer(text) if not any(m.start() < k.end() and k.start() < m.end() for k in kept)
               and not _conditional(text, m)] if any(cue in low for cue in _LIFTING_CUES) else []
    if bool(kept) == bool(lifting):
        return {}
    return {"kept": phrase(text, kept[0])} if kept else {"lifting": phrase(text, lifting[0])}


def kept_against_a_conditional_lifting(kept_side: Iterable[Claim], conditional_side: Iterable[Claim]) -> bool:
    """Whether ``kept_side`` keeps a measure ("The sanctions will remain in place") and ``conditional_side`` lifts
    one only on a condition ("will be lifted only once the dispute is settled"): a settled point for the condition
    rule, but the two agree that the measure stays until then (GUIDELINES: a conflict is a disagreement on what was
    agreed, not two sides telling one position)."""
    if "kept" not in keeping_values(kept_side):
        return False
    text = " ".join(claim.text for claim in conditional_side)
    low = text.lower()
    return any(cue in low for cue in _LIFTING_CUES) and any(_conditional(text, m) for m in _LIFTING.finditer(text))


def _conditional(text: str, match: re.Match[str]) -> bool:
    """Whether a lifting has a condition or a mere possibility in its clause ("will be lifted only once ...",
    "could be eased if ...")."""
    start = max(0, match.start() - _CONDITION_REACH)
    before = _CLAUSE.split(text[start:match.start()])[-1]
    after = _CLAUSE.split(text[match.end():match.end() + _CONDITION_REACH], maxsplit=1)[0]
    return _ON_A_CONDITION.search(before + " " + match.group() + " " + after) is not None


_KEPT_CUES = ("remain", "stay", "maintain", "keep", "kept", "retain", "uphold", "upheld", "extend", "lift", "remov",
              "ease", "easing", "relax", "relief", "сохран", "остан", "продолж", "продл", "сня", "отмен")
"""The kept reading's first look: its own verbs, and the lifting verbs its negations hold ("will not be lifted")."""
_LIFTING_CUES = ("lift", "remov", "ease", "easing", "relax", "scrap", "abolish", "relief", "отмен", "сня", "сним",
                 "ослаб")
MEASURE_CUES = _LIFTED_CUES + _SUSPENDED_CUES + _KEPT_CUES + _LIFTING_CUES
