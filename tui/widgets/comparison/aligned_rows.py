"""``AlignedRows``: the comparison's rows side by side, one column per side plus the link's score.

One table, so the sides of a row line up by construction. A link's cells show its word diff (what only the
first side says on one colour, what only the second says on another); a conflict adds its value under each side's
text and a ✖ under the score; an omission is a one-sided row with "not mentioned" on the other sides. Rows come
from ``Comparison.rows_for(topic)``: this widget only paints them. Column widths follow the widget's width.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.widgets import DataTable

from comparisons.model import Comparison, Row
from tui.widgets.texts import Palette, side_cell

__all__ = ["AlignedRows", "row_key"]

SCORE_WIDTH = 5


def row_key(row: Row) -> str:
    """A key that names the row whatever the topic filter: the link id, or the omitted claim's id."""
    if row.link is not None:
        return row.link.id
    return "omission:" + (row.omission.claim if row.omission else "?")


class AlignedRows(DataTable):
    def __init__(self, **kwargs) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)
        self._comparison: Comparison | None = None
        self._rows: tuple[Row, ...] = ()
        self._query = ""
        self._layout_width = 0

    @property
    def shown(self) -> tuple[Row, ...]:
        return self._rows

    @property
    def current(self) -> Row | None:
        if not self._rows or not (0 <= self.cursor_row < len(self._rows)):
            return None
        return self._rows[self.cursor_row]

    def show(self, comparison: Comparison, rows: tuple[Row, ...], query: str = "", keep: str | None = None) -> None:
        """Paint ``rows``; the cursor goes to the row keyed ``keep`` when it is among them, else the first."""
        self._comparison = comparison
        self._rows = rows
        self._query = query
        self._rebuild(keep)

    def search(self, query: str) -> None:
        """Repaint with ``query``'s matches highlighted in every side."""
        if query != self._query:
            self._query = query
            self._rebuild(self._key_at_cursor())

    def go_to(self, index: int) -> None:
        if self._rows:
            self.move_cursor(row=max(0, min(index, len(self._rows) - 1)), animate=False, scroll=True)

    def on_resize(self) -> None:
        if self._comparison is not None and self.size.width != self._layout_width:
            self._rebuild(self._key_at_cursor())

    def _key_at_cursor(self) -> str | None:
        row = self.current
        return row_key(row) if row is not None else None

    def _rebuild(self, keep: str | None) -> None:
        comparison = self._comparison
        if comparison is None or not self.size.width:
            return  # not laid out yet: on_resize paints once the width is known
        palette = Palette.from_variables(self.app.theme_variables)
        self._layout_width = self.size.width
        keys = comparison.side_keys
        room = max(self.size.width - 2, 20) - (SCORE_WIDTH + 2)
        side_width = max(room // len(keys) - 2, 8)
        self.clear(columns=True)
        for document in comparison.documents:
            self.add_column(Text(document.side.label, style="bold"), width=side_width, key=document.key)
        self.add_column("Score", width=SCORE_WIDTH, key="score")
        target = 0
        console = self.app.console
        for index, row in enumerate(self._rows):
            key = row_key(row)
            if key == keep:
                target = index
            cells = [side_cell(row, k, comparison, palette, self._query) for k in keys]
            score = self._score_cell(row, palette)
            # Heights measured here by wrapping, cheaper than DataTable's auto-height (which renders every cell
            # of every row up front); rows off screen are then rendered only when scrolled to.
            height = max([len(c.wrap(console, side_width)) for c in cells] + [len(score.plain.splitlines())])
            self.add_row(*cells, score, key=key, height=max(height, 1))
        if self._rows:
            self.move_cursor(row=target, animate=False, scroll=True)

    @staticmethod
    def _score_cell(row: Row, palette: Palette) -> Text:
        if row.link is None:
            return Text("—", style=Style(color=palette.muted), justify="right")
        cell = Text(f"{row.link.score:.2f}", justify="right")
        if row.link.conflicts:
            cell.append("\n✖", Style(color=palette.error, bold=True))
        return cell
