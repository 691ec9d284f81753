"""What the comparison screen does with the selected row, beyond moving to it: read it whole in the detail pane
(Enter or ``d``), copy it as a quote (``y``, through the terminal's clipboard), open a side's source in the browser
(``o``). ``ROW_BINDINGS`` are the keys, ``RowActions`` the actions, mixed into ``ComparisonScreen``; the screen
provides ``comparison`` and the ``AlignedRows`` the row is read from. Further actions on a row (a review's) belong
here too.
"""

from __future__ import annotations

from textual.binding import Binding

from tui.widgets.comparison.aligned_rows import AlignedRows
from tui.widgets.comparison.quote import quote_text
from tui.widgets.comparison.row_detail import RowDetail

__all__ = ["ROW_BINDINGS", "RowActions"]

ROW_BINDINGS = [
    Binding("enter,d", "detail", "Detail", id="comparison.detail", show=False,
            tooltip="Detail: the selected row whole, every side's claims and conflicts (again: close)"),
    Binding("y", "yank", "Copy", id="comparison.copy", show=False,
            tooltip="Copy the selected row as a quote, each side's words after its publisher"),
    Binding("o", "open_source", "Open source", id="comparison.open-source", show=False,
            tooltip="Open a side's source in the browser"),
]


class RowActions:
    """Actions on the selected row, for ``ComparisonScreen``."""

    def action_detail(self) -> None:
        pane = self.query_one(RowDetail)
        pane.set_whole(not pane.whole)

    def action_yank(self) -> None:
        row = self.query_one(AlignedRows).current
        if self.comparison is None or row is None:
            return
        self.app.copy_to_clipboard(quote_text(self.comparison, row))
        self.notify("Copied the row as a quote (if your terminal lets programs set the clipboard).",
                    title="Copied", timeout=4)

    def action_open_source(self) -> None:
        from tui.screens.sources import SourceChooser, web_sources

        if self.comparison is None:
            return
        sources = web_sources(self.comparison)
        if not sources:
            self.notify("No side of this pair gives a web address for its source.", severity="warning",
                        timeout=4)
            return
        self.app.push_screen(SourceChooser(sources), callback=self.open_address)

    def open_address(self, address: str | None) -> None:
        if address:
            self.app.open_url(address)
            self.notify(address, title="Opening", timeout=4, markup=False)
