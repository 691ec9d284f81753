"""Which rows of a comparison the comparison screen shows, and which rows n/N stop on. Pure functions of a
``Comparison``: the screen, the full-text view and the tests share them.

- ``RowFilter(topic, conflicts, silent, speaker, to_review)``: what the user narrowed the rows to: a topic
  (``t``), only links with a conflict (``c``), only rows a side does not mention (``m``: "what did the Kremlin
  leave out?"), only rows with a claim by a speaker (``s``), only rows no review decision covers yet (``r``). ``rows(comparison)`` applies it, ``describe(comparison)`` names it
  ("Talks · not mentioned by Kremlin"), ``cycled_silent`` / ``cycled_speaker`` give the next choice of ``m`` / ``s``.
- ``silent_sides(row)``: the sides with no claim in a row.
- ``is_difference(row)``: an omission, a conflict, or a link some side takes no part in: with three sides the row
  where one side is silent and the other two agree is what that side left out, so ``n`` stops on it.
- ``next_difference(rows, start, step)``: the nearest such row after (``step=1``) or before (``step=-1``) ``start``.
- ``row_matches(row, query)``: the search rule (any side's text, case-insensitive).
- ``speakers_of(comparison)``: the speakers its claims name (the narrator left out), in reading order.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from comparisons.model import Comparison, Row
from readouts.model import BOTH
from readouts.textshape import one_line
from tui.widgets.side_names import short_names

__all__ = ["RowFilter", "is_difference", "next_difference", "row_matches", "silent_sides", "speaker_name",
           "speakers_of"]


def silent_sides(row: Row) -> tuple[str, ...]:
    return tuple(key for key, claims in row.claims.items() if not claims)


def is_difference(row: Row) -> bool:
    return row.omission is not None or row.has_conflict or bool(silent_sides(row))


def next_difference(rows: tuple[Row, ...], start: int, step: int) -> int | None:
    """The index of the nearest difference after (``step=1``) or before (``step=-1``) ``start``."""
    index = start + step
    while 0 <= index < len(rows):
        if is_difference(rows[index]):
            return index
        index += step
    return None


def row_matches(row: Row, query: str) -> bool:
    needle = query.strip().casefold()
    return bool(needle) and any(needle in c.text.casefold() for claims in row.claims.values() for c in claims)


def speaker_name(speaker: str | None, comparison: Comparison | None = None) -> str:
    """A claim's speaker as the UI names it. A point both made is "both leaders"' in a leaders' call, "both
    participants" in a meeting below them (two ministers' call is no leaders' call), as ``comparison`` tells."""
    if speaker is None:
        return "narrator"
    if speaker != BOTH:
        return one_line(speaker)
    from comparisons.topics.level import below_leaders

    return "both participants" if comparison is not None and below_leaders(comparison.documents) else "both leaders"


def speakers_of(comparison: Comparison) -> list[str]:
    """Every speaker a claim of ``comparison`` names (not the narrator), in reading order, each once."""
    found: dict[str, None] = {}
    for document in comparison.documents:
        for claim in document.claims:
            if claim.speaker is not None:
                found.setdefault(claim.speaker)
    return list(found)


@dataclass(frozen=True)
class RowFilter:
    topic: str | None = None
    conflicts: bool = False
    silent: str | None = None
    """A side key: only rows that side does not mention."""
    speaker: str | None = None
    """A speaker as the claims name it: only rows with a claim of theirs."""
    to_review: bool = False
    """Only the rows still to review: no decision of the pair's review covers them (``Link.review`` and
    ``Omission.review`` are ``None``)."""

    @property
    def narrowed(self) -> bool:
        """Whether anything besides the topic narrows the rows (what Esc clears first)."""
        return self.conflicts or self.silent is not None or self.speaker is not None or self.to_review

    def keeps(self, row: Row) -> bool:
        if self.topic is not None and self.topic not in row.topics:
            return False
        if self.conflicts and not row.has_conflict:
            return False
        if self.silent is not None and row.claims.get(self.silent, ()):
            return False
        if self.speaker is not None and not any(
            c.speaker == self.speaker for claims in row.claims.values() for c in claims
        ):
            return False
        if self.to_review and _reviewed(row):
            return False
        return True

    def rows(self, comparison: Comparison) -> tuple[Row, ...]:
        rows = comparison.rows_for(self.topic)
        if not self.narrowed:
            return rows
        return tuple(row for row in rows if self.keeps(row))

    def describe(self, comparison: Comparison) -> str:
        """The filter in words, for the rows panel's title: "All", "Talks · conflicts", ..."""
        parts = [comparison.topic_label(self.topic)] if self.topic else []
        if self.conflicts:
            parts.append("conflicts")
        if self.silent is not None:
            names = short_names(comparison.pair.sides)
            keys = comparison.side_keys
            name = names[keys.index(self.silent)] if self.silent in keys else self.silent
            parts.append(f"not mentioned by {name}")
        if self.speaker is not None:
            parts.append(f"said by {speaker_name(self.speaker, comparison)}")
        if self.to_review:
            parts.append("still to review")
        return " · ".join(parts) or "All"

    def cycled_silent(self, comparison: Comparison) -> "RowFilter":
        """``m``: not mentioned by the first side, then the next, ..., then no such filter."""
        return replace(self, silent=_next(list(comparison.side_keys), self.silent))

    def cycled_speaker(self, comparison: Comparison) -> "RowFilter":
        """``s``: said by the first speaker, then the next, ..., then no such filter."""
        return replace(self, speaker=_next(speakers_of(comparison), self.speaker))


def _reviewed(row: Row) -> bool:
    if row.link is not None:
        return row.link.review is not None
    return row.omission is not None and row.omission.review is not None


def _next(choices: list[str], current: str | None) -> str | None:
    if not choices:
        return None
    if current not in choices:
        return choices[0]
    index = choices.index(current) + 1
    return choices[index] if index < len(choices) else None
