"""Finding the claims a decision named in today's comparison, by text rather than by id.

- ``Resolver(documents)``: the claims of one comparison, by side.
- ``Resolver.claims(ref) -> tuple[str, ...] | None``: the ids of the claims that now hold ``ref``'s text, or
  ``None`` when the text is no longer in its side's readout (the decision is stale).
- ``Resolver.changed(ref) -> str``: for a stale ``ref``, what the readout says at its place now against what it
  said, around the first words that differ (``at its place the readout now reads "…March 6…" (it read "…March
  5…")``); empty when nothing stands there. A 60-character cut of the old text alone ("…apply from Marc…") did not
  show an analyst what had changed, so which decision to make again.

How: the text is looked for at its old offsets first, then anywhere in the side's text (the occurrence nearest the
old offsets: a paragraph added above moves every offset). The claims that cover that span are its claims today: a
claim covers it when they overlap by half of either, so a sentence the segmenter now splits into two clauses maps to
both, and two sentences it now joins map to the one claim. Claim ids are never trusted across comparisons.
"""

from __future__ import annotations

from typing import Iterable, Mapping

from comparisons.review.decisions import ClaimRef
from readouts.model import Claim, Document

__all__ = ["Resolver", "covering"]


def covering(start: int, end: int, claims: Iterable[Claim]) -> list[Claim]:
    """The claims overlapping ``[start, end)`` by at least half of the span or half of the claim."""
    found = []
    for claim in claims:
        overlap = min(end, claim.end) - max(start, claim.start)
        if overlap > 0 and (2 * overlap >= end - start or 2 * overlap >= claim.end - claim.start):
            found.append(claim)
    return found


class Resolver:
    def __init__(self, documents: Iterable[Document]) -> None:
        self._documents: Mapping[str, Document] = {d.key: d for d in documents}
        self._exact = {(c.side, c.start, c.end): c for d in self._documents.values() for c in d.claims}

    def claims(self, ref: ClaimRef) -> tuple[str, ...] | None:
        exact = self._exact.get((ref.side, ref.start, ref.end))
        if exact is not None and exact.text == ref.text:
            return (exact.id,)
        document = self._documents.get(ref.side)
        if document is None:
            return None
        span = _find(document.text, ref)
        if span is None:
            return None
        found = covering(*span, document.claims)
        return tuple(c.id for c in found) or None


    def changed(self, ref: ClaimRef) -> str:
        document = self._documents.get(ref.side)
        found = covering(ref.start, ref.end, document.claims) if document is not None else []
        if document is None or not found:
            return ""
        old = " ".join(ref.text.split())
        new = " ".join(document.text[found[0].start:found[-1].end].split())
        same = 0
        while same < min(len(old), len(new)) and old[same] == new[same]:
            same += 1
        tail = 0
        while tail < min(len(old), len(new)) - same and old[-1 - tail] == new[-1 - tail]:
            tail += 1
        return (f'at its place the readout now reads "{_around(new, same, len(new) - tail)}" '
                f'(it read "{_around(old, same, len(old) - tail)}")')


_CONTEXT = 24
"""Characters of unchanged text shown on each side of a change, widened to whole words (by this much at most)."""


def _around(text: str, start: int, stop: int) -> str:
    low = max(start - _CONTEXT, 0)
    high = min(max(stop, start) + _CONTEXT, start + 4 * _CONTEXT, len(text))  # a long change: its start
    if low > 0:  # widened to a word's start, but never far: a hand-typed text may hold no space at all
        low = max(text.rfind(" ", 0, low) + 1, low - _CONTEXT)
    if high < len(text):
        space = text.find(" ", high, high + _CONTEXT)
        high = high if space < 0 else space
    return ("…" if low > 0 else "") + text[low:high].strip() + ("…" if high < len(text) else "")


def _find(text: str, ref: ClaimRef) -> tuple[int, int] | None:
    if text[ref.start:ref.end] == ref.text:
        return ref.start, ref.end
    best: int | None = None
    at = text.find(ref.text)
    while at >= 0:
        if best is None or abs(at - ref.start) < abs(best - ref.start):
            best = at
        at = text.find(ref.text, at + 1)
    return None if best is None else (best, best + len(ref.text))
