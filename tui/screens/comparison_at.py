"""``ComparisonAtRow``: the comparison screen opened with its cursor on one row (a search result's claim), so the
reader lands on the point they searched for rather than on the first row.

``row`` is the row's key as ``tui.widgets.comparison.aligned_rows.row_key`` makes it: the link's id (``L3``) for a
linked claim, ``omission:<claim id>`` for an omission. ``None`` opens on the first row, as ``ComparisonScreen``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.screens.comparison import ComparisonScreen

if TYPE_CHECKING:
    from comparisons.model import Comparison

__all__ = ["ComparisonAtRow"]


class ComparisonAtRow(ComparisonScreen):
    def __init__(self, pair_id: str, row: str | None) -> None:
        super().__init__(pair_id)
        self.first_row = row

    def show_comparison(self, comparison: "Comparison", keep: str | None = None) -> None:
        if keep is None and self.first_row is not None:
            keep, self.first_row = self.first_row, None  # only the first time: later shows keep their own row
        super().show_comparison(comparison, keep)
