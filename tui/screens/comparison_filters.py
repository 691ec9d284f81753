"""How the comparison screen narrows its rows: a topic (``t`` and the topic list), only the conflicts (``c``),
only what one side does not mention (``m``, each side in turn), only one speaker's rows (``s``, each speaker in
turn); Esc clears ``c``/``m``/``s`` before it goes back. ``FILTER_BINDINGS`` are the keys, ``FilterActions``
the actions, mixed into ``ComparisonScreen``, which provides ``comparison``, ``row_filter`` and ``show_rows``.
The filter itself is a value (``RowFilter``), so the palette and tests set it as the keys do.
"""

from __future__ import annotations

from dataclasses import replace

from textual.binding import Binding

from tui.widgets.comparison.aligned_rows import AlignedRows, row_key
from tui.widgets.comparison.row_filter import RowFilter

__all__ = ["FILTER_BINDINGS", "FilterActions"]

FILTERS = Binding.Group("Filter")

FILTER_BINDINGS = [
    Binding("c", "conflicts", "Conflicts", id="comparison.conflicts", group=FILTERS,
            tooltip="Conflicts: only the links whose sides disagree on a detail (again: every row)"),
    Binding("m", "silent", "Not mentioned by", id="comparison.not-mentioned", group=FILTERS,
            tooltip="Not mentioned by: only the rows one side leaves out, each side in turn, then every row"),
    Binding("s", "speaker", "Speaker", id="comparison.speaker", group=FILTERS,
            tooltip="Speaker: only the rows with a claim by one speaker, each in turn, then every row"),
]


class FilterActions:
    """Filter actions for ``ComparisonScreen``."""

    def set_filter(self, row_filter: RowFilter) -> None:
        """Show the rows ``row_filter`` keeps, the cursor staying on its row when that row is still shown."""
        if row_filter == self.row_filter:
            return
        self.row_filter = row_filter
        current = self.query_one(AlignedRows).current
        self.show_rows(row_key(current) if current else None)
        self.refresh_bindings()  # Esc reads "Clear filter" while one is set

    def action_conflicts(self) -> None:
        self.set_filter(replace(self.row_filter, conflicts=not self.row_filter.conflicts))

    def action_silent(self) -> None:
        if self.comparison is not None:
            self.set_filter(self.row_filter.cycled_silent(self.comparison))

    def action_speaker(self) -> None:
        if self.comparison is None:
            return
        cycled = self.row_filter.cycled_speaker(self.comparison)
        if cycled == self.row_filter:
            self.notify("No claim of this pair names a speaker.", timeout=3)
        self.set_filter(cycled)

    def clear_filters(self) -> None:
        """Every row of the chosen topic again (Esc)."""
        self.set_filter(RowFilter(topic=self.row_filter.topic))
