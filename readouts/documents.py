"""A side of a pair split into claims, each with its speaker.

- ``split_document(side, participants=()) -> Document``: the side's claims in reading order, numbered from 0
  (ids ``"<side>:<index>"``), each a slice of ``side.text`` with its body paragraph and its speaker.

This is where segmentation (``readouts.segment``) and attribution (``readouts.speakers``) meet, so every
consumer — the engine, ``dualread show``, the exports — sees the same claims for the same text.
"""

from __future__ import annotations

from collections.abc import Sequence

from readouts.model import Claim, Document, Participant, Side
from readouts.segment import segment
from readouts.speakers import attribute

__all__ = ["split_document"]


def split_document(side: Side, participants: Sequence[Participant] = ()) -> Document:
    """Split ``side`` into claims; speakers come from ``participants`` when given, else from the text."""
    text = side.text
    segments = segment(text)
    speakers = attribute(text, segments, tuple(participants))
    claims = tuple(
        Claim(
            side=side.key,
            index=index,
            start=seg.start,
            end=seg.end,
            text=text[seg.start : seg.end],
            paragraph=seg.paragraph,
            speaker=speaker,
        )
        for index, (seg, speaker) in enumerate(zip(segments, speakers))
    )
    return Document(side=side, claims=claims)
