"""The library table's orders: by date (newest first, as listed), by event, or by a figure (most first), either
way round; and the topic filter's rule.

- ``SORTS``: the columns the table sorts by, in the order ``o`` steps through them.
- ``Sort(column, reverse)``: an order; ``Sort()`` is the library's own (newest first). ``.label`` names it.
- ``sort_listings(listings, figures, order)``: ``listings`` (as the catalog lists them: newest first, broken last)
  in that order. Pairs whose figures are not known yet come after those that have them, whichever way round, so
  the pairs the order is about stay on top while the rest are being compared; broken pairs stay last.
- ``raises_topic(figures, topic)``: whether a pair's figures say some side raises ``topic``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from tui.widgets.library.listing import Figures, Listing

__all__ = ["FIGURE_SORTS", "SORTS", "Sort", "raises_topic", "sort_listings"]

FIGURE_SORTS = ("claims", "links", "omissions", "conflicts")
SORTS = ("date", "event", *FIGURE_SORTS)


@dataclass(frozen=True)
class Sort:
    column: str = "date"
    reverse: bool = False
    """The other way round from the column's natural order (newest, A to Z, most)."""

    @property
    def label(self) -> str:
        natural = {"date": "newest first", "event": "A to Z"}.get(self.column, "most first")
        other = {"date": "oldest first", "event": "Z to A"}.get(self.column, "fewest first")
        return f"by {self.column}, {other if self.reverse else natural}"

    @property
    def descending(self) -> bool:
        """Whether the column's values shrink down the table (the arrow its header shows)."""
        return (self.column != "event") != self.reverse

    def next(self) -> "Sort":
        return Sort(SORTS[(SORTS.index(self.column) + 1) % len(SORTS)])

    def flipped(self) -> "Sort":
        return Sort(self.column, not self.reverse)


def sort_listings(listings: list[Listing], figures: Mapping[str, Figures], order: Sort) -> list[Listing]:
    good = [i for i in listings if not i.broken]
    broken = [i for i in listings if i.broken]
    if order.column == "date":
        return (good[::-1] if order.reverse else good) + broken
    if order.column == "event":
        ranked = sorted(good, key=lambda i: (i.event.casefold(), i.id), reverse=order.reverse)
        return ranked + broken
    known = [i for i in good if i.id in figures]
    unknown = [i for i in good if i.id not in figures]
    # Python's sort is stable: equal figures keep the listing's order (newest first).
    known.sort(key=lambda i: getattr(figures[i.id], order.column), reverse=not order.reverse)
    return known + unknown + broken


def raises_topic(figures: Figures | None, topic: str) -> bool:
    return figures is not None and topic in figures.topics
