"""The pair model: frozen values for what a library holds.

- ``Participant``: a person in the event, with the aliases readouts use for them.
- ``Side``: one readout of a pair: its key, source metadata and its text.
- ``Pair``: the readouts of one event (two sides or more).
- ``Claim``: a span ``[start, end)`` of one side's text that states one point, with its speaker.
- ``Document``: one side with its claims, in reading order.

Claims are offsets into the text, never copies that could drift: ``side.text[claim.start:claim.end] == claim.text``.
Keys of pair.yaml that the tool does not know travel in ``extra`` so a rewrite keeps them.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Mapping

__all__ = [
    "ASIDE_KINDS",
    "Aside",
    "BOTH",
    "NARRATOR",
    "PAIR_ID_PATTERN",
    "SIDE_KEY_PATTERN",
    "Claim",
    "Document",
    "Pair",
    "Participant",
    "Side",
]

PAIR_ID_PATTERN = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,79})")
"""A pair id: lowercase a-z, 0-9 and '-', 1..80 characters, not starting with '-'."""

SIDE_KEY_PATTERN = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,39})")
"""A side key names a file in the pair folder, so it obeys the same rules as a pair id (shorter)."""

BOTH = "both"
"""Speaker value for a claim the readout attributes to all participants ("the two leaders")."""

NARRATOR = None
"""Speaker value for a claim the readout states in its own voice."""


def _frozen(mapping: Mapping[str, Any] | None) -> Mapping[str, Any]:
    return MappingProxyType(dict(mapping or {}))


@dataclass(frozen=True)
class Participant:
    name: str
    aliases: tuple[str, ...] = ()

    def names(self) -> tuple[str, ...]:
        """The full name first, then the aliases: the spellings attribution looks for."""
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Side:
    key: str
    text: str
    file: str = ""
    publisher: str = ""
    title: str = ""
    url: str = ""
    language: str = "en"
    extra: Mapping[str, Any] = field(default_factory=dict, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "extra", _frozen(self.extra))
        if not self.file:
            object.__setattr__(self, "file", f"{self.key}.txt")

    @property
    def label(self) -> str:
        """What the UI and reports call this side: its publisher, else its key."""
        return self.publisher or self.key


@dataclass(frozen=True)
class Pair:
    id: str
    event: str
    date: _dt.date
    sides: tuple[Side, ...]
    participants: tuple[Participant, ...] = ()
    sample: bool = False
    extra: Mapping[str, Any] = field(default_factory=dict, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "extra", _frozen(self.extra))
        object.__setattr__(self, "sides", tuple(self.sides))
        object.__setattr__(self, "participants", tuple(self.participants))

    def side(self, key: str) -> Side:
        for side in self.sides:
            if side.key == key:
                return side
        raise KeyError(key)

    @property
    def side_keys(self) -> tuple[str, ...]:
        return tuple(s.key for s in self.sides)


@dataclass(frozen=True)
class Claim:
    """One point a readout states. ``id`` is ``"<side>:<index>"``; ``index`` counts from 0 in reading order."""

    side: str
    index: int
    start: int
    end: int
    text: str
    paragraph: int = 0
    speaker: str | None = NARRATOR
    answers: str | None = None
    """In a transcript, the question this claim's turn answers (its text), else None: "Yes, it came up" means
    little without "Did they discuss sanctions?"."""
    id: str = field(init=False, repr=False, compare=False)
    """Computed once: the engine looks claims up by id hundreds of times per comparison."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "id", f"{self.side}:{self.index}")


ASIDE_KINDS = ("question", "procedure")
"""What a sentence that is not a claim can be: a journalist's question in a transcript, or a line about the
readout itself ("The overview of the talk is as follows.")."""


@dataclass(frozen=True)
class Aside:
    """A sentence of a readout that states no point of the side: kept, shown as context, never linked."""

    side: str
    start: int
    end: int
    text: str
    kind: str


@dataclass(frozen=True)
class Document:
    """One side of a pair split into claims (the side's points) and asides (sentences that are not)."""

    side: Side
    claims: tuple[Claim, ...]
    asides: tuple[Aside, ...] = ()

    @property
    def key(self) -> str:
        return self.side.key

    @property
    def text(self) -> str:
        return self.side.text
