"""Who each claim attributes its point to: a participant, both of them, or the narrator.

- ``attribute(text, segments, participants=()) -> list[str | None]``: one speaker per segment (anything with
  ``start`` and ``end`` offsets into ``text``): a participant's full name, ``BOTH`` ("the two leaders",
  "Prime Minister A and Prime Minister B", "they" after such a sentence), or ``None`` when the readout speaks in
  its own voice ("The conversation focused on ...", "It was confirmed that ...").

The people themselves (names, titles, countries) are found by ``readouts.people``; this module resolves each
claim's subject to one of them. How, and why this way:

* The speaker is the grammatical subject at the start of the claim's main clause, after any introductory phrase
  ("On Taiwan, President Biden underscored ..." → Biden; "In this context, Joseph Biden emphasised ..." → Biden).
  Readouts are written in this one pattern, so a full parser is not needed; a subject that is not a person
  ("The conversation", "It", "Negotiations") leaves the claim to the narrator.
* A title without a name is resolved by country ("the Russian President", "Президент США", "the US side") or,
  unqualified ("the President", "the Prime Minister"), to the person the readout names without "of <country>":
  a readout qualifies the foreign leader, not its own.
* "He"/"she" continue the last person who spoke; "they" is both unless nobody spoke in the previous claim.
* "I" is the text's author: of two participants, the one the text never names. A leader's own post ("I held
  talks with Chancellor Scholz", "I thanked Germany") names the guest, never its author; a third-person readout
  names both, so a quoted "I" there stays the narrator's.
* A side told what it should or must do ("The U.S. side should ...") is the one addressed, not the speaker: the
  demand is the last person's who spoke (the narrator's when that person is the side's own leader).
* With participants, only they (or both) can be speakers: a subject who is someone else leaves the claim to the
  narrator.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from typing import Protocol

from readouts.model import BOTH, Participant
from readouts.people import (
    POSSESSIVE,
    VERBISH,
    Cast,
    Person,
    Token,
    country_code,
    tokens,
)

__all__ = ["attribute"]


class _Span(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


_ITEM_NUMBER = re.compile(r"\d{1,3}")

_BOTH = re.compile(
    r"(?:the\s+|both\s+|the\s+two\s+)?(?:two\s+)?(?:leaders|presidents|prime\s+ministers|heads\s+of\s+(?:state|"
    r"government)|sides|parties|chancellors|countries|nations)\b(?![’'])"
    r"|both\s+(?:leaders|presidents|prime\s+ministers|sides|parties|countries|nations|men)\b(?![’'])"
    r"|(?:президенты|лидеры|главы\s+государств|стороны|собеседники|обе\s+стороны|оба\s+(?:лидера|президента)|"
    r"[а-яё]+ская\s+и\s+[а-яё]+ская\s+стороны)(?![а-яё])",
    re.IGNORECASE,
)
_SIDE = re.compile(r"(?:the\s+)?([\w.’'-]+)\s+side\b|([а-яё]+ская)\s+сторона", re.IGNORECASE)
_SINGULAR = {"he", "she", "он", "она"}
_PLURAL = {"they", "они"}
_FIRST_PERSON = {"I", "Я"}
"""The capitalised pronoun only: a lower-case "i" opening a claim is a list letter ("i) the grain corridor")."""
_PREPOSITIONS = {"in", "during", "at", "on", "after", "before", "following", "в", "во", "на", "по", "при", "после"}
_TIME_WORDS = frozenset(
    """this that today tonight yesterday earlier later afternoon morning evening night on in at during last next the
    day week month year of january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday сегодня вчера""".split()
)
_CONTACT = re.compile(
    r"(?:,\s*)?(?:(?:today|also|this\s+\w+|on\s+\w+)\s+)?(?:spoke|speaks|talked|talks|met|meets|held|holds|had|has|hosted|"
    r"received|провел|провёл|проводит|поговорил|встретился)\b",
    re.IGNORECASE,
)
"""A verb of contact right after the subject: with "with <another person>" after it, the claim is the contact."""
_WITH = {"with", "from", "to", "с", "со"}
_OBLIGED = re.compile(r"(?:should|must|needs?\s+to|has\s+to|ought\s+to|is\s+expected\s+to|должн\w*|следует)\b",
                      re.IGNORECASE)
"""What a side is told it should do: "The U.S. side should stop arming Taiwan" in Beijing's readout is Beijing's
demand, not Washington's point."""
_AGREE = re.compile(r"(?:have\s+|has\s+|also\s+)?(?:agreed|agree|welcome[sd]?|will|decided|committed|"
                    r"согласились|договорились|приветствуют|продолжат|условились)\b", re.IGNORECASE)


def attribute(text: str, segments: Sequence[_Span], participants: Sequence[Participant] = (), *,
              in_turn: Sequence[bool] = ()) -> list[str | None]:
    """The speaker of each segment, in order: a participant's name, ``BOTH`` or ``None`` (the narrator).

    ``in_turn`` says, per segment, whether it lies in a transcript's turn ("John Kirby: I would not put it that
    way."): its "I" is the turn's speaker, whom the caller knows, not the text's author."""
    all_tokens = tokens(text)
    starts = [tok.start for tok in all_tokens]
    cast = _Cast(text, participants, all_tokens)
    speakers: list[str | None] = []
    previous: str | None = None
    last_person: str | None = None
    previous_people = 0
    for n, seg in enumerate(segments):
        cast.turn = n < len(in_turn) and in_turn[n]
        claim_tokens = all_tokens[bisect_left(starts, seg.start) : bisect_left(starts, seg.end)]
        kind, who = cast.subject(claim_tokens)
        if kind == "singular":
            who = last_person
        elif kind == "plural":
            who = BOTH if previous is not None or previous_people >= 2 else None
        elif kind == "demand":
            # Told what it should do, the side is the one addressed: the speaker is whoever made the demand.
            who = last_person if last_person != who else None
        elif kind == "contact":
            # "Biden spoke with Putin": the call is both leaders' act, but "He" in the next claim is still Biden.
            last_person, who = who, BOTH
        speakers.append(who)
        previous = who
        if who is not None and who != BOTH:
            last_person = who
        previous_people = len(cast.named_in(claim_tokens))
    return speakers


class _Cast(Cast):
    """A text's people (``readouts.people.Cast``) and how the subject of each of its claims resolves to them."""

    _claim_tokens: list[Token] | None = None
    _mentions: dict[int, tuple[str, str | None, int]]
    turn = False
    """Whether the claim at hand lies in a transcript's turn (its "I" is then the turn's speaker's)."""

    def author(self) -> str | None:
        """Who writes "I": of two participants, the one the text never names (see the module docstring); None
        when that is not one person."""
        pool = [p for p in self.people if p.participant]
        unnamed = [p for p in pool if not p.mentions]
        return unnamed[0].name if len(pool) == 2 and len(unnamed) == 1 else None

    def named_in(self, toks: list[Token]) -> set[str]:
        found: set[str] = set()
        for tok in toks:
            if tok.name:
                person = self._match([tok.text])
                if person is not None:
                    found.add(person.name)
        return found

    def subject(self, toks: list[Token]) -> tuple[str, str | None]:
        """("person"|"contact"|"demand"|"singular"|"plural"|"none", speaker) for the subject of the claim's main
        clause; "contact" when the subject spoke with or met another person (the claim is then both leaders');
        "demand" when the subject is a side told what it should do (the speaker is then someone else)."""
        i = self._main_clause(toks)
        kind, who, after = self._mention(toks, i)
        if kind == "none":
            return self._parenthetical(toks)
        if after < len(toks) and toks[after].low in {"and", "и"}:
            kind2, who2, after2 = self._mention(toks, after + 1)
            if kind2 == "person" and who2 != who:
                return "person", BOTH
            if kind == "country" and kind2 == "country" and _AGREE.match(self._rest(toks, after2)):
                return "person", BOTH
        if kind == "country":
            return "none", None
        if (kind == "person" and who not in (None, BOTH) and _SIDE.match(self.text, toks[i].start, toks[-1].end)
                and _OBLIGED.match(self._rest(toks, after))):
            return "demand", who
        if kind == "person" and who != BOTH and self._contact_with_other(toks, after, who):
            return "contact", who
        return kind, who

    def _contact_with_other(self, toks: list[Token], i: int, who: str | None) -> bool:
        """Whether the claim reports a contact between the subject and another person ("Biden spoke today with
        Putin", "Putin had a telephone conversation with Biden"): the call itself is both leaders' act, not one
        leader's point."""
        if not _CONTACT.match(self._rest(toks, i)):
            return False
        for j in range(i + 1, min(len(toks), i + 12)):
            if toks[j].low in _WITH:
                kind, other, _ = self._mention(toks, j + 1)
                return kind == "person" and other not in (None, who)
        return False

    def _main_clause(self, toks: list[Token]) -> int:
        """Where the main clause starts: after an item marker, "According to", a time phrase ("This afternoon")
        or up to three introductory phrases closed by commas ("On the morning of May 2, Beijing time, ...")."""
        i = 0
        while i < len(toks) and (toks[i].text in "-–—•*" or _ITEM_NUMBER.fullmatch(toks[i].text)
                                 and i + 1 < len(toks) and toks[i + 1].text in ".)"):
            i += 2 if toks[i].text[0].isdigit() else 1
        if i < len(toks) and toks[i].low in {"according", "по"} and i + 1 < len(toks) and toks[i + 1].low in {"to", "словам"}:
            return i + 2
        if self._mention(toks, i)[0] != "none":
            return i
        j = i
        while j < len(toks) and (toks[j].low in _TIME_WORDS or toks[j].text.isdigit()):
            j += 1
        if j > i and self._mention(toks, j)[0] in {"person", "singular", "plural"}:
            return j
        if i < len(toks) and toks[i].low in _PREPOSITIONS:
            # "During the call President Smith stressed", "В ходе беседы Президент России отметил"
            for j in range(i + 1, min(len(toks), i + 7)):
                if not toks[j].text.islower():
                    kind, _, after = self._mention(toks, j)
                    verb = toks[after].text if after < len(toks) else ""
                    if kind in {"person", "singular", "plural"} and verb.islower() and VERBISH.match(verb):
                        return j
                    break
        commas = [n + 1 for n in range(i, min(len(toks), i + 60)) if toks[n].text == ","][:3]
        for start in commas:
            if self._mention(toks, start)[0] in {"person", "singular", "plural"}:
                return start
        return commas[0] if commas else i

    def _parenthetical(self, toks: list[Token]) -> tuple[str, str | None]:
        """ "This discussion, as President Biden made clear, was ..." attributes the point to Biden."""
        for j in range(len(toks) - 2):
            if toks[j].text == "," and toks[j + 1].low in {"as", "как"}:
                kind, who, _ = self._mention(toks, j + 2)
                if kind == "person":
                    return kind, who
        return "none", None

    def _rest(self, toks: list[Token], i: int) -> str:
        return self.text[toks[i].start : toks[min(len(toks), i + 4) - 1].end] if i < len(toks) else ""

    def _mention(self, toks: list[Token], i: int) -> tuple[str, str | None, int]:
        """What the words at token ``i`` refer to, and the index after them; remembered for the claim at hand,
        since finding the main clause already looks at the words its subject is then read from."""
        if toks is not self._claim_tokens:
            self._claim_tokens, self._mentions = toks, {}
        found = self._mentions.get(i)
        if found is None:
            found = self._mentions[i] = self._find_mention(toks, i)
        return found

    def _find_mention(self, toks: list[Token], i: int) -> tuple[str, str | None, int]:
        if i >= len(toks):
            return "none", None, i
        low = toks[i].low
        if low in _SINGULAR:
            return "singular", None, i + 1
        if low in _PLURAL:
            return "plural", None, i + 1
        if toks[i].text in _FIRST_PERSON:
            author = None if self.turn else self.author()
            return ("person", author, i + 1) if author else ("none", None, i)
        for words, person in self.aliases:
            if words and words[0] != low:
                continue
            if [t.low for t in toks[i : i + len(words)]] == words and not self._possessive(toks, i + len(words) - 1):
                return "person", person.name, i + len(words)
        # Matched in place (``pos``/``endpos``) rather than on a copy of the rest of the claim.
        start, end = toks[i].start, toks[-1].end
        both = _BOTH.match(self.text, start, end)
        if both:
            return "person", BOTH, self._index_at(toks, both.end())
        side = _SIDE.match(self.text, start, end)
        if side:
            holder = self._by_role(None, country_code(side.group(1) or side.group(2) or ""))
            return "person", holder, self._index_at(toks, side.end())
        j = i + 1 if low in {"the", "a"} else i
        titled = self._role(toks, j)
        if titled is not None:
            return titled
        run = self._name_run(toks, j)
        if run is not None:
            matched = self._match(run[1])
            if matched is not None and not POSSESSIVE.search(run[1][-1]):
                return "person", self._speaker(matched), run[0]
        code, after = self._country_phrase(toks, i)
        if code:
            return "country", code, after
        return "none", None, i

    def _role(self, toks: list[Token], j: int) -> tuple[str, str | None, int] | None:
        """A title at token ``j``, with or without a name after it, resolved to its holder."""
        phrase = self._title_phrase(toks, j)
        if phrase is None:
            return None
        title, country, k = phrase
        run = self._name_run(toks, k)
        if run is not None and (matched := self._match(run[1])) is not None:
            if self._possessive(toks, run[0] - 1):
                return "none", None, j
            return "person", self._speaker(matched), run[0]
        if k < len(toks) and toks[k].text == ",":
            run = self._name_run(toks, k + 1)
            if run is not None and (matched := self._match(run[1])) is not None:
                return "person", self._speaker(matched), run[0]
        if self._possessive(toks, k - 1):
            return "none", None, j
        return "person", self._by_role(title, country), k

    def _by_role(self, title: str | None, country: str | None) -> str | None:
        pool = [p for p in self.people if p.participant or not self.has_participants]
        if country:
            hits = [p for p in pool if country in p.countries]
            if not hits:
                # The text may give only the other leader's country: the principal without one is meant.
                principals = sorted(pool, key=lambda p: (-p.mentions, p.first))[:2]
                hits = [p for p in principals if not p.countries] if len(principals) == 2 else []
            return self._speaker(hits[0]) if len(hits) == 1 else None
        if title is None:
            return None
        titled = [p for p in pool if title in p.titles] or pool
        if not titled:
            return None
        best = min(titled, key=lambda p: (not p.unqualified, p.first))
        return self._speaker(best)

    def _speaker(self, person: Person) -> str | None:
        return person.name if person.participant or not self.has_participants else None

    @staticmethod
    def _possessive(toks: list[Token], k: int) -> bool:
        return 0 <= k < len(toks) and bool(POSSESSIVE.search(toks[k].text))

    @staticmethod
    def _index_at(toks: list[Token], char: int) -> int:
        for n, tok in enumerate(toks):
            if tok.start >= char:
                return n
        return len(toks)
