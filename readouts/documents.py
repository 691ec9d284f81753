"""A side of a pair split into claims, each with its speaker, and the sentences that are not claims.

- ``split_document(side, participants=()) -> Document``: the side's claims in reading order, numbered from 0
  (ids ``"<side>:<index>"``), each a slice of ``side.text`` with its body paragraph and its speaker; and its
  asides: a journalist's questions in a transcript and lines about the readout itself ("The overview of the talk
  is as follows."), which state no point of the side.
- ``one_name_per_speaker(documents) -> tuple[Document, ...]``: the documents of one pair with each speaker under one
  name on every side (``readouts.people.one_name_each``).

This is where segmentation (``readouts.segment``), transcript turns (``readouts.turns``) and attribution
(``readouts.speakers``) meet, so every consumer — the engine, ``dualread show``, the exports — sees the same
claims for the same text. In a transcript a turn's label ("Yury Ushakov:") is not part of any claim, and a claim
whose sentence names no speaker of its own is the turn's speaker's.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace

from readouts.model import Aside, Claim, Document, Participant, Side
from readouts.segment import Segment, segment
from readouts.speakers import attribute
from readouts.turns import Turn, find_turns, is_procedural

__all__ = ["one_name_per_speaker", "split_document"]


def split_document(side: Side, participants: Sequence[Participant] = ()) -> Document:
    """Split ``side`` into claims and asides; speakers come from ``participants`` when given, else the text."""
    text = side.text
    turns = find_turns(text)
    segments = _without_labels(text, segment(text, frozenset(t.start for t in turns)), turns)
    if turns:
        segments = _replies_joined(text, segments)
    starts = [t.start for t in turns]
    # Each segment's turn (None before the first), looked up once for the speakers and for the claims.
    turn_of = [turns[bisect_right(starts, seg.start) - 1] if turns and seg.start >= starts[0] else None
               for seg in segments]
    speakers = attribute(text, segments, tuple(participants),
                         in_turn=[turn is not None and turn.speaker is not None for turn in turn_of])
    claims: list[Claim] = []
    asides: list[Aside] = []
    question = ""
    first_paragraph: dict[int, int] = {}
    for seg, turn in zip(segments, turn_of, strict=True):
        if turn is not None:
            first_paragraph.setdefault(turn.start, seg.paragraph)
    for seg, speaker, turn in zip(segments, speakers, turn_of, strict=True):
        sentence = text[seg.start : seg.end]
        if turn is not None and turn.question:
            question = sentence if seg.start == turn.body else f"{question} {sentence}"
            asides.append(Aside(side.key, seg.start, seg.end, sentence, "question"))
            continue
        if is_procedural(sentence):
            asides.append(Aside(side.key, seg.start, seg.end, sentence, "procedure"))
            continue
        if turn is not None and speaker is None:
            speaker = _turn_speaker(turn, participants)
        # Only the turn's first paragraph answers the question; later ones go on to other points.
        answers = question or None if turn is not None and seg.paragraph == first_paragraph.get(turn.start) else None
        claims.append(Claim(side.key, len(claims), seg.start, seg.end, sentence, seg.paragraph, speaker, answers))
    return Document(side=side, claims=tuple(claims), asides=tuple(asides))


def _without_labels(text: str, segments: list[Segment], turns: list[Turn]) -> list[Segment]:
    """The segments with each turn's label cut off the sentence that opens the turn (and dropped when nothing
    else is in it)."""
    if not turns:
        return segments
    bodies = {t.start: t.body for t in turns}
    out = []
    for seg in segments:
        body = bodies.get(seg.start)
        if body is not None:
            while body < seg.end and text[body].isspace():
                body += 1
            if body >= seg.end:
                continue
            seg = Segment(body, seg.end, seg.paragraph)
        out.append(seg)
    return out


_BARE_REPLY = re.compile(
    r"(?:yes|no|indeed|of course|certainly|sure|correct|right|absolutely|not yet|да|нет|конечно|безусловно)"
    r"(?:[, ]+[^.!?]{0,24})?[.!]",
    re.IGNORECASE,
)
"""A reply that states nothing without its question ("Yes.", "No, it was not."): it opens an answer."""


def _replies_joined(text: str, segments: list[Segment]) -> list[Segment]:
    """A bare reply and the sentence after it in the same paragraph as one claim: "Yes. The sides agreed to ..."
    is one point, and "Yes." alone would be a claim that reports nothing."""
    out: list[Segment] = []
    for seg in segments:
        previous = out[-1] if out else None
        if (previous is not None and previous.paragraph == seg.paragraph
                and _BARE_REPLY.fullmatch(text[previous.start:previous.end])):
            out[-1] = Segment(previous.start, seg.end, seg.paragraph)
        else:
            out.append(seg)
    return out


def _turn_speaker(turn: Turn, participants: Sequence[Participant]) -> str | None:
    """The turn's speaker, as the participant whose name or alias the label gives when there is one."""
    if turn.speaker is None:
        return None
    label = turn.speaker.casefold()
    for participant in participants:
        names = [n.casefold() for n in participant.names()]
        if label in names or any(label.split()[-1] == n.split()[-1] for n in names if n.split()):
            return participant.name
    return turn.speaker


def one_name_per_speaker(documents: Sequence[Document]) -> tuple[Document, ...]:
    """The documents of one pair with each speaker under one name across the sides: readouts name one person
    differently ("Joseph R. Biden, Jr." / "Joseph Biden"), and a reader, like the speaker rules of linking and of
    conflicts, must see one person."""
    from readouts.people import one_name_each

    renamed = one_name_each([sorted({c.speaker for c in d.claims if c.speaker}) for d in documents])
    if not renamed:
        return tuple(documents)
    return tuple(replace(d, claims=tuple(replace(c, speaker=renamed.get(c.speaker, c.speaker)) if c.speaker else c
                                         for c in d.claims)) for d in documents)
