"""The frozen values a report is made of: what the HTML and Markdown templates (and the library index) read.

- ``ReportView``: one pair's report: title block, ``SideView`` per side, ``TopicView`` sections of ``RowView`` rows,
  the rows in conflict.
- ``RowView``: a link or an omission as one section shows it: a ``CellView`` per side (its text as ``Piece`` runs,
  marked where only that side uses the words), its ``ConflictView`` list.
- ``CoverageCell``: whether a side mentions a topic, and whether it is in conflict on it.

Kept apart from ``comparisons.reports.view``, which computes them from a ``Comparison``: the renderers and the
library index need only these shapes, and templates never compute.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["CellView", "ConflictView", "CoverageCell", "Piece", "ReportView", "RowView", "SideView", "TopicView"]


@dataclass(frozen=True)
class SideView:
    key: str
    label: str
    publisher: str
    title: str
    url: str
    safe_url: str
    claims: int
    linked: int
    omitted: int
    conflicts: int


@dataclass(frozen=True)
class CoverageCell:
    side: str
    count: int
    state: str
    """``mentioned``, ``not mentioned`` or ``in conflict``."""


@dataclass(frozen=True)
class Piece:
    text: str
    only_here: bool
    """True for words this side uses and the side it is diffed against does not."""


@dataclass(frozen=True)
class CellView:
    side: str
    label: str
    pieces: tuple[Piece, ...]
    speakers: tuple[str, ...]
    mark: str
    """``del`` for the first side of a word diff, ``ins`` for the second, ``""`` when the cell has no diff."""

    @property
    def missing(self) -> bool:
        return not self.pieces

    @property
    def text(self) -> str:
        return "".join(p.text for p in self.pieces)


@dataclass(frozen=True)
class ConflictView:
    kind: str
    values: tuple[tuple[str, str], ...]
    """(side label, value) in the pair's side order."""


@dataclass(frozen=True)
class RowView:
    anchor: str
    ref: str
    """The link id (``L3``) or, for an omission, its claim id: how a reader names the row."""
    kind: str
    score: float | None
    other_topics: tuple[str, ...]
    cells: tuple[CellView, ...]
    conflicts: tuple[ConflictView, ...]
    only_side: str
    """For an omission, the label of the side that reports it."""
    little_shared: bool = False
    """A link whose sides share too little wording for a useful word diff (see ``view.MIN_SHARED_WORDING``)."""


@dataclass(frozen=True)
class TopicView:
    id: str
    label: str
    anchor: str
    coverage: tuple[CoverageCell, ...]
    links: int
    rows: tuple[RowView, ...]


@dataclass(frozen=True)
class ReportView:
    pair_id: str
    event: str
    date_iso: str
    date_long: str
    sample: bool
    sides: tuple[SideView, ...]
    links: int
    omissions: int
    conflicts: int
    topics: tuple[TopicView, ...]
    conflict_rows: tuple[RowView, ...]
    engine_version: str
    similarity: str
