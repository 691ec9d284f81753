"""Who holds the floor in a transcript: turns opened by "Name:" or "Question:" at the start of a line.

- ``find_turns(text) -> list[Turn]``: the turns of a readout that is a transcript (a briefing, a press
  conference), in reading order; an empty list for an ordinary readout.
- ``Turn(start, body, speaker, question)``: the turn's label starts at ``start`` (a line start) and its words at
  ``body``; ``speaker`` is the name the label gives, titles left out ("Presidential Aide Yury Ushakov" ->
  "Yury Ushakov"), or None for a question; ``question`` says a journalist is asking. A turn runs until the next.
- ``is_procedural(sentence) -> bool``: a sentence about the readout itself ("The overview of the talk is as
  follows."), a briefing's pleasantry ("Good afternoon."), a mark with no word ("###") or the furniture of a web
  page ("Related: ...", "Tags: ...") rather than about the event.

Why: some governments publish a briefing's transcript as their readout. A journalist's question is not a point the
side makes, so it must never link as one; the label is not part of what the speaker says; and a claim with no
subject of its own ("We agreed to keep in touch") is the turn's speaker's. A readout is taken for a transcript only
when at least two lines open with a label, so a lone "Note:" or "Moscow, 30 December:" changes nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from readouts.name_words import PARTICLES, SUFFIXES, TITLES

__all__ = ["Turn", "find_turns", "is_procedural"]


@dataclass(frozen=True)
class Turn:
    start: int
    body: int
    speaker: str | None
    question: bool


MIN_TURNS = 2
"""Labelled lines a readout needs before it is read as a transcript."""

_QUESTION = re.compile(
    r"(?:question|q|journalist|reporter|correspondent|вопрос|журналист|реплика)"
    r"(?:\s*\([^)\n]{1,60}\))?",
    re.IGNORECASE,
)
"""Labels of a question, with an optional outlet in brackets ("Question (RIA Novosti):")."""

_LABEL = re.compile(r"[ \t]*([^\n:]{1,80}?)[ \t]*:[ \t]+(?=\S)")
"""A line's opening words up to a colon, then the turn's words on the same line."""

_BARE_Q = re.compile(r"[ \t]*Q(?:\.|[ \t]{2,}|\t)[ \t]*(?=[A-ZА-ЯЁ\"“«(])")
"""The briefing-room style with no colon: "Q    Thank you, Jake." (a capital after the Q and its spaces)."""

_NAME_WORD = re.compile(r"[A-ZА-ЯЁ][\w.'’\-]*|[A-ZА-ЯЁ]\.", re.UNICODE)

NOT_SPEAKERS = frozenset(
    """note notes editor editor's update updated source sources background photo photos video read related also see
    tags keywords topics location date time venue subject attendees participants agenda summary transcript readout
    statement text full key highlights excerpt excerpts www http https примечание источник фото видео тема""".split()
)
"""Words that may open a line before a colon without naming a speaker (checked on the label's first word)."""

_TITLE_WORDS = frozenset(w for title in TITLES for w in title.replace("-", " ").split()) | {
    "presidential", "aide", "spokesperson", "spokesman", "spokeswoman", "deputy", "adviser", "advisor", "national",
    "security", "assistant", "director", "official", "senior", "administration", "of", "the", "state", "foreign",
    "affairs", "mr.", "mrs.", "ms.", "dr.", "press", "kremlin", "white", "house", "ministry", "spokesperson's",
}
"""Words of a label that give a role, not the name: left out of the speaker's name."""


def find_turns(text: str) -> list[Turn]:
    """The turns of ``text`` when at least ``MIN_TURNS`` lines open with a speaker or question label."""
    turns = []
    pos = 0
    length = len(text)
    first_line = True
    while pos < length:
        newline = text.find("\n", pos)
        end = length if newline < 0 else newline
        if not first_line:  # the title line never opens a turn
            turn = _turn_at(text, pos, end)
            if turn is not None:
                turns.append(turn)
        if text[pos:end].strip():
            first_line = False
        pos = end + 1
    return turns if len(turns) >= MIN_TURNS else []


def _turn_at(text: str, start: int, end: int) -> Turn | None:
    bare = _BARE_Q.match(text, start, end)
    if bare:
        return Turn(start, bare.end(), None, True)
    label = _LABEL.match(text, start, end)
    if label is None:
        return None
    words = label.group(1).strip()
    if _QUESTION.fullmatch(words):
        return Turn(start, label.end(), None, True)
    speaker = _speaker(words)
    return Turn(start, label.end(), speaker, False) if speaker else None


def _speaker(label: str) -> str | None:
    """The name a label gives, or None when the label is not a speaker's (a sentence, a "Note", a dateline)."""
    words = label.split()
    if not 1 <= len(words) <= 7 or words[0].lower().strip(".'’") in NOT_SPEAKERS:
        return None
    for word in words:
        low = word.lower()
        if not (_NAME_WORD.fullmatch(word) or low in PARTICLES or low in _TITLE_WORDS):
            return None  # a lower-case word, a number, a comma: prose, not a label
    name = [w for w in words if w.lower() not in _TITLE_WORDS or w.lower() in PARTICLES]
    if not name or all(w.lower().strip(".,") in SUFFIXES for w in name):
        # A title alone ("The President:") still names a speaker; keep it as written.
        return " ".join(words) if any(w.lower() in _TITLE_WORDS - {"of", "the"} for w in words) else None
    return " ".join(_cased(w) for w in name)


def _cased(word: str) -> str:
    """"SULLIVAN" -> "Sullivan": briefing transcripts write labels in capitals."""
    return word.capitalize() if word.isupper() and len(word) > 2 else word


_PROCEDURAL = re.compile(
    r"^(?:(?:below|here)\s+(?:is|are)\s+)?(?:the\s+|a\s+|an\s+)?"
    r"(?:(?:brief\s+)?overview|summary|transcript|(?:full\s+)?text|readout|record|main\s+points|highlights|"
    r"key\s+points|details)\b[^.!?]{0,60}?"
    r"(?:\bas\s+follows|\bbelow|\bfollowing|:)\s*[.:]?\s*$"
    r"|^(?:the\s+following\s+(?:was|were|is|are)\s+(?:discussed|agreed|said|noted)|read\s+more|see\s+also)[.:]?\s*$"
    r"|^(?:the\s+)?(?:below|following|above)\s+(?:is|are)\s+attributable\s+to\b[^.!?]{0,80}[.:]?\s*$"
    r"|^(?:далее|ниже)\s+(?:следует|приводится|—)?\s*(?:текст|стенограмма|обзор)\b.{0,40}$"
    r"|^(?:(?:well|okay|ok|so|all\s+right|alright)[,\s]+)?"
    r"(?:good\s+(?:morning|afternoon|evening)|thank\s+you(?:\s+(?:all|very\s+much|so\s+much))*"
    r"(?:\s+for\s+coming)?|thanks(?:\s+for\s+coming)?|hello|hi)"
    r"(?:[,\s]+(?:everyone|everybody|all|colleagues|friends|folks|ladies\s+and\s+gentlemen))?[.!]?$"
    r"|^(?:добрый\s+(?:день|вечер)|доброе\s+утро|спасибо|здравствуйте)[.!]?$",
    re.IGNORECASE,
)


_FURNITURE_LINE = re.compile(
    r"^\s*(?:(?:related|share(?:\s+this)?|photos?|video|tags|print|e-?mail|follow\s+us|subscribe|copyright|"
    r"фото|видео|теги)\b[^\n:]{0,20}:.*|©.*|(?:https?://|www\.)\S+)\s*$",
    re.IGNORECASE,
)
"""A line of the web page a readout was copied from, not of the readout: "Related: ...", "Share this: ...",
"Photo: ...", "Tags: ...", a copyright line, a bare address."""


def _is_page_furniture(sentence: str) -> bool:
    lines = [line for line in sentence.splitlines() if line.strip()]
    return bool(lines) and all(_FURNITURE_LINE.match(line) for line in lines)


def is_procedural(sentence: str) -> bool:
    """Whether ``sentence`` only announces what follows in the readout ("The overview of the talk is as
    follows."), is a pleasantry of a briefing ("Good afternoon.", "Thank you."), is a mark with no word at all
    (a press release's closing "###", a transcript's elision "<…>", a "* * *" break) or is the furniture of the
    web page the text was copied from ("Related: ...", "Photo: ...", "Tags: ...", a bare address): it states no
    point of the event, so it is never a claim to link (as a claim it was listed as a point only one side made)."""
    if not any(ch.isalnum() for ch in sentence) or _is_page_furniture(sentence):
        return True
    return len(sentence) <= 120 and bool(_PROCEDURAL.match(sentence.strip()))
