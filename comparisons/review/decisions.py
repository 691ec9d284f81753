"""A person's decisions on a pair's alignment, as values: what ``review.yaml`` holds (docs/review.md).

- ``ClaimRef(side, start, end, text)``: a claim as it was when the decision was made. A decision names claims by
  side, offsets *and* text, never by claim id: ids move when the segmenter or the engine changes, the text does not
  (``comparisons.review.resolve`` finds it again).
- ``Decision(action, claims, note, by, at)``: one decision; ``action`` is one of ``ACTIONS``.
- ``Review(decisions)``: every decision on one pair, in the order they were made (a later one wins where two
  disagree); ``fingerprint()`` goes into the cache key, so a changed review is a changed comparison.

The actions (``docs/review.md`` says the same for people):

| action | claims | meaning |
|---|---|---|
| ``confirm`` | the claims of a link, or one claim | the engine's link (or omission) is right |
| ``link`` | two or more, of two sides or more | these claims report one point: one link, made or changed by hand |
| ``unlink`` | one or more | each of these claims is in no link |
| ``distinct`` | two, of two sides | not the same point: never in one link |
| ``conflict`` | the claims of a link | the link's claims disagree; ``note`` says on what |
| ``clear-conflict`` | the claims of a link | the engine's conflict is none; ``note`` may say why |
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, replace
from typing import Iterable, Mapping

from readouts.model import Claim

__all__ = ["ACTIONS", "GROUPING", "ClaimRef", "Decision", "Review"]

ACTIONS = ("confirm", "link", "unlink", "distinct", "conflict", "clear-conflict")

GROUPING = ("confirm", "link", "unlink")
"""The actions that say which link a claim is in: a claim is named by at most one of them (the latest wins)."""

CONFLICT_ACTIONS = ("conflict", "clear-conflict")

SHOWN_TEXT = 60
"""Characters of a claim's text shown when a decision is named in a message."""


@dataclass(frozen=True)
class ClaimRef:
    """A claim as a decision saw it: its side, its offsets into that side's text, and its text."""

    side: str
    start: int
    end: int
    text: str

    @classmethod
    def of(cls, claim: Claim) -> "ClaimRef":
        return cls(claim.side, claim.start, claim.end, claim.text)

    @property
    def place(self) -> str:
        """``side@start-end``: where the claim was."""
        return f"{self.side}@{self.start}-{self.end}"

    def shown(self) -> str:
        """``side@start-end "text…"`` for messages (the text cut to one short line)."""
        text = " ".join(self.text.split())
        if len(text) > SHOWN_TEXT:
            text = text[: SHOWN_TEXT - 1] + "…"
        return f'{self.place} "{text}"'


@dataclass(frozen=True)
class Decision:
    """One decision: ``action`` on ``claims``, with an optional ``note``, by whom and when (ISO 8601, UTC)."""

    action: str
    claims: tuple[ClaimRef, ...]
    note: str = ""
    by: str = ""
    at: str = ""

    @property
    def grouping(self) -> bool:
        return self.action in GROUPING

    @property
    def makes_link(self) -> bool:
        """Whether the decision puts its claims in one link (``link``, or ``confirm`` of several claims)."""
        return self.action == "link" or (self.action == "confirm" and len(self.claims) > 1)

    @property
    def keeps_apart(self) -> bool:
        """Whether the decision puts each of its claims in no link (``unlink``, or ``confirm`` of one claim)."""
        return self.action == "unlink" or (self.action == "confirm" and len(self.claims) == 1)

    def names_gone_text(self, texts: Mapping[str, str]) -> bool:
        """Whether a claim it names is no longer in its side's readout (``texts``: side key -> text): the claim no
        longer exists, so the decision is stale and says nothing about today's claims. SPEC §3: such a decision is
        kept, never dropped; a later decision on its other claims stands beside it (``store``, ``reviewfile``)."""
        return any(ref.text not in texts.get(ref.side, "") for ref in self.claims)

    def same_as(self, other: "Decision") -> bool:
        """The same decision whoever made it and whenever: what undo looks for in a file others also edit."""
        return (self.action, set(self.claims), self.note) == (other.action, set(other.claims), other.note)

    def to_data(self) -> dict:
        data: dict = {"action": self.action,
                      "claims": [{"side": c.side, "start": c.start, "end": c.end, "text": c.text}
                                 for c in self.claims]}
        if self.note:
            data["note"] = self.note
        if self.by:
            data["by"] = self.by
        if self.at:
            data["at"] = self.at
        return data


@dataclass(frozen=True)
class Review:
    """The decisions on one pair, oldest first."""

    decisions: tuple[Decision, ...] = ()
    pair_id: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "decisions", tuple(self.decisions))

    def __bool__(self) -> bool:
        return bool(self.decisions)

    def fingerprint(self) -> str:
        """A hash of every decision (who and when included: the comparison shows them)."""
        blob = json.dumps([d.to_data() for d in self.decisions], ensure_ascii=False, sort_keys=True,
                          separators=(",", ":"))
        return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]

    def without(self, gone: Iterable[Decision]) -> "Review":
        """This review less the decisions ``same_as`` one of ``gone``."""
        gone = list(gone)
        return replace(self, decisions=tuple(d for d in self.decisions if not any(d.same_as(g) for g in gone)))

    def plus(self, added: Iterable[Decision]) -> "Review":
        return replace(self, decisions=self.decisions + tuple(added))
