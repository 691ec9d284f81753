"""Verdicts on a point, for the ``stance`` kind of conflict: one side judges the act one way, the other the opposite.

- ``legality_values(claims)``: ``unlawful`` when the claims call the act a violation, illegal or illegitimate,
  ``lawful`` when they say it is in accordance or compliance with international law (or its norms), with the words
  that say so; nothing when they say both or neither.
- ``objection_values(claims)``: ``objects`` when the claims raise concerns about the point, object to it, press
  the other side to stop it, oppose or condemn it or call it unreasonable; ``holds`` when they answer an objection by holding the point: an internal
  affair that brooks no interference, a legitimate measure, lawful, "not on the table" or "not up for
  negotiation", a matter that "should not be politicized"; with the words that say so; nothing when they say both
  or neither.
- ``territory_values(claims)``: ``integrity`` when the claims hold a settlement to territorial integrity or the
  recognised borders, ``realities`` when they hold it to "the realities on the ground"; nothing when both or
  neither.
- ``conduct_values(claims)``: ``unsafe`` when the claims call an encounter unsafe, unprofessional or reckless,
  ``professional`` when they say it was handled in a professional manner, professionally, in a safe and professional
  way; nothing when both or neither.
- ``detention_values(claims)``: ``wrongful`` when the claims call a person wrongfully or unjustly detained, a
  hostage or a political prisoner, ``convicted`` when they say the person was sentenced or convicted (for a crime);
  nothing when both or neither.
- ``measure_values(claims)``: a measure ``lifted`` or ``suspended``; ``keeping_values(claims)``: a measure ``kept`` or
  wanted lifted (``lifting``): read by ``comparisons.conflicts.measures`` (re-exported here), listed in ``VERDICTS``.

Why legality: adversaries judge the same act in law ("in violation of Ukraine's sovereignty" / "in full
compliance with international law"); the two readouts report one point and disagree on it.
Why objections: one side raises a concern (Xinjiang, military drills, export controls, strikes on cities) that the
other answers by holding its ground (its internal affair, a legitimate or lawful measure, not up for negotiation);
the readouts report one exchange and take opposite stands on it. Which words hold a point is what varies from one
government to another, so the answer reads every family of them.
Why conduct: a military encounter at sea or in the air is told by one side as "unsafe and unprofessional" and by
the other as handled "in a professional and restrained manner": one incident, opposite verdicts.
Why detentions: one government calls its citizen "wrongfully detained", the other "sentenced for smuggling":
one person, opposite verdicts.
Why measures: see ``comparisons.conflicts.measures``.
Why territory: how a war ends is told by one side as "respecting sovereignty and territorial integrity" and by the
other as "taking into account the realities on the ground": the same point, opposite terms.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from comparisons.conflicts.measures import MEASURE_CUES, keeping_values, measure_values
from comparisons.conflicts.statements import one_of_two
from readouts.model import Claim

__all__ = ["VERDICTS", "conduct_values", "detention_values", "keeping_values", "legality_values", "may_judge",
           "measure_values", "objection_values", "territory_values"]

_LAW = r"(?:international\s+(?:humanitarian\s+)?law|the\s+UN\s+Charter|the\s+Charter\s+of\s+the\s+United\s+Nations)"
_UNLAWFUL = re.compile(
    r"\b(?:in\s+(?:\w+\s+)?violation\s+of|violat(?:es|ed|ing|ion|ions)\b|in\s+breach\s+of|breach(?:es|ed)?\s+of|"
    r"illegal(?:ly)?\b|unlawful(?:ly)?\b|illegitimate\b|contrary\s+to\s+international\s+law)"
    r"|(?<!\w)(?:нарушени\w*|наруша\w*|незаконн\w*|нелегитимн\w*)",
    re.IGNORECASE,
)
"""Words that call an act unlawful."""
_LAWFUL_WORDS = (
    r"\b(?:in\s+(?:full\s+|strict\s+|complete\s+)?(?:compliance|accordance|conformity)\s+with\s+(?:\w+\s+){0,3}"
    rf"{_LAW}|consistent\s+with\s+{_LAW}|(?<!un)lawful\b)"
    r"|(?<!\w)в\s+(?:полном\s+|строгом\s+)?соответствии\s+с\s+(?:\w+\s+){0,2}(?:международн\w+\s+прав\w+|устав\w*\s+ООН)"
)
_LAWFUL = re.compile(_LAWFUL_WORDS, re.IGNORECASE)
"""Words that call an act lawful: in accordance or compliance with international law (or "the norms of
international humanitarian law") or the UN Charter."""


_UNLAWFUL_CUES = ("violat", "breach", "illegal", "unlawful", "illegitimate", "contrary", "нарушен", "наруша",
                  "незаконн", "нелегитимн")
_LAWFUL_CUES = ("compliance", "accordance", "conformity", "consistent", "lawful", "соответстви")
"""Pieces of text the legality words need: a cheap first look, as most links judge nothing in law."""


def legality_values(claims: Iterable[Claim]) -> dict[str, str]:
    """``unlawful`` or ``lawful`` with the words that judge the act, when the claims take one of the two only."""
    return one_of_two(claims, ("unlawful", _UNLAWFUL_CUES, _UNLAWFUL), ("lawful", _LAWFUL_CUES, _LAWFUL))


_OBJECTS = re.compile(
    r"\b(?:raised|raises|voiced|voices|expressed|expresses|reiterated|conveyed|set\s+out|underscored)\s+"
    r"(?:[\w'’]+\s+){0,3}?concerns?\b|\bobject(?:ed|s|ions?)?\s+to\b|\bcondemn(?:ed|s|ing)?\b|\bcritici[sz]\w+"
    r"|\b(?:pressed|presses|urged|urges|called\s+on|calls\s+on)\s+(?:[\w'’]+\s+){0,3}?to\s+(?:stop|cease|halt|end)\b"
    r"|\b(?:firmly\s+|strongly\s+|resolutely\s+)?oppos(?:es|ed)\b(?![^.;]{0,60}?\b(?:interfer|pretext|smear))"
    r"|\b(?:unreasonable|unjustified)\b"
    r"|\b(?:called|calls|asked|asks|pressed|presses|urged|urges)\s+(?:for\s+)?(?:the\s+)?(?:immediate\s+)?release\s+of\b"
    r"|\basked\s+that\s+(?:\w+\s+){1,3}?be\s+released\b|\braised\s+the\s+cases?\s+of\b"
    r"|(?<!\w)(?:выразил\w*|высказал\w*)\s+(?:\w+\s+){0,2}?(?:озабоченност\w*|обеспокоенност\w*)|(?<!\w)осудил\w*",
    re.IGNORECASE,
)
"""Words that object to the point: a concern raised, an objection, a demand to stop it ("pressed the PRC to stop
supplying") or to release someone ("raised the case of ... and asked that he be released"), opposition, a
condemnation, "unreasonable".
Opposing interference or a pretext ("opposes using human rights as a pretext to interfere") answers an objection
and does not raise one."""
_HOLDS = re.compile(
    r"\binternal\s+affairs?\b|\b(?:brook|brooks|tolerate|tolerates|allow|allows|accept|accepts)\s+no\s+"
    r"(?:\w+\s+){0,2}interference\b|\bno\s+(?:external|foreign|outside)\s+(?:force\s+)?interfere\w*"
    r"|\bstop\s+(?:smearing|interfering)\b|\blegitimate\s+(?:measure|step|action|response)s?\b"
    r"|\bnot\s+(?:on\s+the\s+table|up\s+for\s+(?:negotiation|discussion|debate)|negotiable)\b|\bnon-negotiable\b"
    r"|\b(?:should|must)\s+not\s+be\s+politici[sz]ed\b|\b(?:as\s+a|under\s+the|on\s+the)\s+pretext\b"
    r"|(?<!\w)внутренн\w+\s+дел\w*|(?<!\w)недопустим\w*\s+вмешательств\w*|" + _LAWFUL_WORDS,
    re.IGNORECASE,
)
"""Words that hold a point against an objection: an internal affair, no interference, a legitimate or lawful
measure, not on the table or up for negotiation, not to be politicized, the objection a pretext."""


_OBJECTS_CUES = ("concern", "object", "condemn", "critici", "oppos", "unreasonable", "unjustified", "to stop",
                 "to cease", "to halt", "to end", "release", "the case", "озабочен",
                 "обеспокоен", "осуди")
_HOLDS_CUES = ("internal", "interfer", "legitimate", "smear", "the table", "up for", "negotiable", "politici", "pretext",
               *_LAWFUL_CUES, "внутренн", "вмешательств")
"""Pieces of text the objection words, and the words that hold a point, need: a cheap first look."""


def objection_values(claims: Iterable[Claim]) -> dict[str, str]:
    """``objects`` or ``holds`` with the words that say so, when the claims take one of the two only."""
    return one_of_two(claims, ("objects", _OBJECTS_CUES, _OBJECTS), ("holds", _HOLDS_CUES, _HOLDS))


_INTEGRITY = re.compile(
    r"\b(?:sovereignty\s+and\s+)?territorial\s+integrity\b|\binternationally\s+recogni[sz]ed\s+borders\b"
    r"|(?<!\w)(?:суверенитет\w*\s+и\s+)?территориальн\w+\s+целостност\w*",
    re.IGNORECASE,
)
"""A settlement held to territorial integrity or the recognised borders."""
_REALITIES = re.compile(
    r"\b(?:(?:new\s+)?(?:territorial\s+)?realit(?:y|ies))\s+on\s+the\s+ground\b|\bnew\s+territorial\s+realities\b"
    r"|(?<!\w)реали\w*\s+на\s+земле|(?<!\w)(?:нов\w+\s+)?территориальн\w+\s+реали\w*",
    re.IGNORECASE,
)
"""A settlement held to the realities on the ground, the new territorial realities."""


def territory_values(claims: Iterable[Claim]) -> dict[str, str]:
    """``integrity`` or ``realities`` with the words that say so, when the claims take one of the two only."""
    return one_of_two(claims, ("integrity", _INTEGRITY_CUES, _INTEGRITY), ("realities", _REALITIES_CUES, _REALITIES))


_INTEGRITY_CUES = ("integrity", "borders", "целостност")
_REALITIES_CUES = ("realit", "реали")


_UNSAFE = re.compile(r"\b(?:unsafe|unprofessional|reckless)\b|(?<!\w)(?:непрофессиональн|небезопасн)\w*", re.IGNORECASE)
"""Words that call an encounter unsafe or unprofessional."""
_PROFESSIONAL = re.compile(
    r"\bin\s+an?\s+(?:\w+\s+and\s+)?professional\b|\bprofessionally\b|\b(?:safe|restrained)\s+and\s+professional\b"
    r"|(?<!\w)(?:профессионально|в\s+профессиональной\s+манере)(?!\w)",
    re.IGNORECASE,
)
"""Words that say it was handled professionally: "in a professional and restrained manner", "acted professionally"."""


def conduct_values(claims: Iterable[Claim]) -> dict[str, str]:
    """``unsafe`` or ``professional`` with the words that judge the encounter, when the claims take one of the two."""
    return one_of_two(claims, ("unsafe", _UNSAFE_CUES, _UNSAFE), ("professional", _PROFESSIONAL_CUES, _PROFESSIONAL))


_UNSAFE_CUES = ("unsafe", "unprofessional", "reckless", "непрофессиональн", "небезопасн")
_PROFESSIONAL_CUES = ("professional", "профессионал")


_WRONGFUL = re.compile(
    r"\b(?:wrongful(?:ly)?|unjust(?:ly)?|arbitrar(?:y|ily))\s+(?:detained|detention|imprisoned|imprisonment|held|jailed)\b"
    r"|\bhostages?\b(?!\s+to\b)|\bpolitical\s+prisoners?\b|(?<!\w)(?:незаконно|несправедливо)\s+(?:задержан|удерживаем|осужд)\w*",
    re.IGNORECASE,
)
"""Words that call a detention wrongful: "wrongfully detained", "a hostage", "a political prisoner"."""
_CONVICTED = re.compile(
    r"\b(?:was|were|had\s+been|has\s+been|have\s+been|been)\s+(?:\w+\s+)?(?:sentenced|convicted|found\s+guilty)\b"
    r"|\bserving\s+(?:a|his|her)\s+sentence\b|(?<!\w)(?:осужд[её]н\w*|приговор[её]н\w*|отбыва\w*\s+наказани\w*)",
    re.IGNORECASE,
)
"""Words that say the person was convicted: "who had been sentenced for smuggling", "осуждён"."""


def detention_values(claims: Iterable[Claim]) -> dict[str, str]:
    """``wrongful`` or ``convicted`` with the words that say it, when the claims take one of the two."""
    return one_of_two(claims, ("wrongful", _WRONGFUL_CUES, _WRONGFUL), ("convicted", _CONVICTED_CUES, _CONVICTED))


_WRONGFUL_CUES = ("wrongful", "unjust", "arbitrar", "hostage", "political prisoner", "незаконно", "несправедливо")
_CONVICTED_CUES = ("sentence", "convicted", "guilty", "осужд", "приговор", "наказани")

VERDICTS = (legality_values, objection_values, territory_values, conduct_values, measure_values, detention_values,
            keeping_values)
"""The verdicts in the order a link's stance is read by them: the first two sides disagree on is the conflict."""


def _trie(words: Iterable[str]) -> str:
    """A regular expression matching any of ``words``, their common beginnings factored out ("con(?:cern|demn|...)"):
    Python's engine tries each branch of a flat alternation in turn, and 77 branches at every position of every
    claim cost the conflicts stage a tenth of its time; factored, a search is about four times faster."""
    tree: dict = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: dict) -> str:
        branches = [re.escape(char) + pattern(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return pattern(tree)


_ANY_CUE = re.compile(_trie(set(
    _UNLAWFUL_CUES + _LAWFUL_CUES + _OBJECTS_CUES + _HOLDS_CUES + _INTEGRITY_CUES + _REALITIES_CUES + _UNSAFE_CUES
    + _PROFESSIONAL_CUES + MEASURE_CUES + _WRONGFUL_CUES + _CONVICTED_CUES)))


def may_judge(low: str) -> bool:
    """Whether a side's lower-case text holds a cue of any verdict: a link needs two such sides to be read by them
    (one search of all cues at once, as most links judge nothing)."""
    return _ANY_CUE.search(low) is not None
