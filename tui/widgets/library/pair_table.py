"""``PairTable``: the library's pairs as a table: date, event, sides, counts, coverage glance, sample mark.

Columns are laid out for the width the table has (``columns_for(width)``): at 80 columns the counts take short
headers and the sides column gives way to the preview line below the table; a wide terminal gets every column at
full length. Figures arrive later than the pairs (a worker computes them), so their cells start as "…" and are
filled in place by ``set_figures``.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.widgets import DataTable

from tui.widgets.library.listing import Figures, Listing
from tui.widgets.texts import Palette, literal, short

__all__ = ["PairTable", "Column", "columns_for", "GLYPHS"]

GLYPHS = {"both": "●", "one": "◐", "conflict": "✖", "none": "·", "absent": " "}
"""The coverage glance, one glyph per core topic (the help screen and the preview line explain them)."""


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    width: int


def columns_for(width: int) -> list[Column]:
    """The columns that fit ``width`` cells, each with its content width (DataTable pads one cell each side)."""
    wide = width >= 118
    counts = [
        Column("claims", "Claims" if wide else "Cl", 6 if wide else 3),
        Column("links", "Links" if wide else "Lk", 5 if wide else 3),
        Column("omissions", "Omissions" if wide else "Om", 9 if wide else 3),
        Column("conflicts", "Conflicts" if wide else "Cf", 9 if wide else 3),
    ]
    fixed = [Column("date", "Date", 10), *counts, Column("coverage", "Coverage", 8), Column("sample", "Sample", 6)]
    used = sum(c.width + 2 for c in fixed) + 2  # +2: room for a vertical scrollbar
    room = max(width - used, 12)
    if width >= 120:
        sides = max(min(room // 3, 34), 12)
        flexible = [Column("event", "Event", room - sides - 2), Column("sides", "Sides", sides)]
    else:
        flexible = [Column("event", "Event", room)]
    return [fixed[0], *flexible, *fixed[1:]]


class PairTable(DataTable):
    """One row per pair (row key = pair id); broken pairs show their problem in place of the event."""

    BINDINGS = [Binding("enter", "select_cursor", "Open", id="library.open")]

    def __init__(self, **kwargs) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)
        self._listings: list[Listing] = []
        self._figures: dict[str, Figures] = {}
        self._layout_width = 0

    @property
    def palette(self) -> Palette:
        return Palette.from_variables(self.app.theme_variables)

    def show(self, listings: list[Listing], figures: dict[str, Figures]) -> None:
        """Show ``listings`` in this order, keeping the cursor on the same pair when it is still listed."""
        self._listings = listings
        self._figures = figures
        self._rebuild()

    def set_figures(self, pair_id: str, figures: Figures) -> None:
        self._figures[pair_id] = figures
        if pair_id not in self.rows:
            return
        for column in self.columns.values():
            key = column.key.value or ""
            if key in ("claims", "links", "omissions", "conflicts", "coverage"):
                self.update_cell(pair_id, key, self._cell(key, pair_id, figures))

    @property
    def current_id(self) -> str | None:
        if not self.row_count:
            return None
        return self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value

    def on_resize(self) -> None:
        if self.size.width != self._layout_width:
            self._rebuild()

    def _rebuild(self) -> None:
        if not self.size.width:
            return  # not laid out yet: on_resize builds the table once the width is known
        current = self.current_id
        self._layout_width = self.size.width
        self.clear(columns=True)
        self._columns = columns_for(self._layout_width)
        for column in self._columns:
            self.add_column(column.label, width=column.width, key=column.key)
        for listing in self._listings:
            self.add_row(*(self._row_cell(c, listing) for c in self._columns), key=listing.id)
        if current is not None and current in self.rows:
            self.move_cursor(row=self.get_row_index(current), animate=False)

    def _row_cell(self, column: Column, listing: Listing) -> Text:
        palette = self.palette
        if column.key == "date":
            if listing.broken:
                return Text("broken", style=Style(color=palette.error, bold=True))
            return Text(listing.date)
        if column.key == "event":
            if listing.broken:
                cell = literal(listing.id + ": ", Style(bold=True))
                cell.append_text(literal(listing.problem or "", Style(color=palette.error)))
                cell.truncate(column.width, overflow="ellipsis")
                return cell
            return literal(short(listing.event, column.width))
        if column.key == "sides":
            return literal(short(" · ".join(listing.side_keys), column.width))
        if column.key == "sample":
            return Text("sample" if listing.sample else "", style=Style(color=palette.muted, italic=True))
        if listing.broken:
            return Text("")
        return self._cell(column.key, listing.id, self._figures.get(listing.id))

    def _cell(self, key: str, pair_id: str, figures: Figures | None) -> Text:
        palette = self.palette
        if figures is None:
            return Text("…", style=Style(color=palette.muted), justify="right")
        if key == "coverage":
            colours = {"both": palette.success, "one": palette.warning, "conflict": palette.error}
            cell = Text(end="")
            for state in figures.coverage:
                cell.append(GLYPHS[state], Style(color=colours.get(state, palette.muted)))
            return cell
        value = getattr(figures, key)
        style = Style(color=palette.error, bold=True) if key == "conflicts" and value else Style()
        return Text(str(value), style=style, justify="right")
