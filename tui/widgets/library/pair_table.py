"""``PairTable``: the library's pairs as a table: date, event, sides, counts, coverage glance, sample mark.

Drawn with Textual's line API, one screen line per pair, each line rendered once when its pair or figures change:
a ``DataTable`` took most of the library screen's first paint (``benchmarks/bench_tui.py``). Keys: arrows,
Page Up/Down, Home/End move; Enter or a double click opens (``PairTable.Selected``); a single click selects, as
in a file manager (``PairTable.Highlighted``); a click on a column's header asks the screen to sort by it
(``PairTable.SortWanted``), and the sorted column's header shows ▼ or ▲. The cursor's keys and movement are ``CursorView``'s
(``tui/widgets/cursor.py``), shared with the comparison's aligned rows.

Columns are laid out for the width the table has (``columns_for(width)``): at 80 columns the counts take short
headers and the sides column gives way to the preview line below the table; a wide terminal gets every column at
full length. Figures arrive later than the pairs (a worker computes them), so their cells start as "…" and are
filled in place by ``set_figures``.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.strip import Strip

from tui.widgets.contrast import legible_strip
from tui.widgets.cursor import CursorView, cursor_bindings
from tui.widgets.library.listing import Figures, Listing, told_apart
from tui.widgets.library.sorting import SORTS, Sort
from tui.widgets.library.table_styles import TableStyles, table_styles
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
    used = sum(c.width + 2 for c in fixed) + 2  # +2: the event column's own blank cell either side
    room = max(width - used, 12)
    if width >= 120:
        sides = max(min(room // 3, 34), 12)
        flexible = [Column("event", "Event", room - sides - 2), Column("sides", "Sides", sides)]
    else:
        flexible = [Column("event", "Event", room)]
    return [fixed[0], *flexible, *fixed[1:]]


class PairTable(CursorView, can_focus=True):
    """One line per pair (keyed by pair id); broken pairs show their problem in place of the event."""

    # Lines are laid out for the width left of the vertical scrollbar (``scrollable_size``; no sideways scrolling,
    # ``CursorView``): laid out for the whole width, a long library's scrollbar hid the last column's end.

    BINDINGS = [Binding("enter", "open", "Open", id="library.open"), *cursor_bindings("pair")]
    # Header, cursor and zebra lines are styled from the theme by ``table_styles`` (not component classes, which
    # Textual would re-resolve on every restyle of the table).

    @dataclass
    class Highlighted(Message):
        pair_id: str

    @dataclass
    class Selected(Message):
        """Open this pair (Enter or a double click)."""

        pair_id: str

    @dataclass
    class SortWanted(Message):
        """A click on the header of a column the table sorts by (``tui.widgets.library.sorting.SORTS``)."""

        column: str

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._listings: list[Listing] = []
        self._figures: dict[str, Figures] = {}
        self._columns: list[Column] = []
        self._layout_width = 0
        self._header = Strip([])
        self._lines: dict[str, Strip] = {}
        self._styles_key: tuple[object, ...] | None = None
        self._styles: TableStyles | None = None
        self._palette_variables: dict[str, str] | None = None
        self._palette = Palette()
        self._events: dict[str, str] = {}
        self._events_for: tuple[int, list[Listing] | None] = (0, None)
        """The width and the very list the events were told apart for (an ``id()`` could be a new list's)."""
        self._order = Sort()

    # --- what the screen and tests ask ------------------------------------------------------------------------

    @property
    def palette(self) -> Palette:
        """The theme's palette, looked up again only when the theme's variables change (asked for every cell)."""
        variables = self.app.theme_variables
        if variables is not self._palette_variables:
            self._palette_variables = variables
            self._palette = Palette.from_variables(variables)
        return self._palette

    @property
    def row_count(self) -> int:
        return len(self._listings)

    @property
    def row_ids(self) -> list[str]:
        return [listing.id for listing in self._listings]

    @property
    def current_id(self) -> str | None:
        if not self._listings:
            return None
        return self._listings[min(self.cursor_row, len(self._listings) - 1)].id

    def cell(self, pair_id: str, column: str) -> Text:
        """The cell a user reads in ``column`` of ``pair_id``'s line (at the current width's columns)."""
        listing = next(i for i in self._listings if i.id == pair_id)
        columns = columns_for(self.scrollable_size.width or 100)
        return self._row_cell(next(c for c in columns if c.key == column), listing)

    def _told_apart(self, width: int) -> dict[str, str]:
        """Each pair's event as its column shows it, told apart from another pair's that would read the same."""
        if self._events_for[0] != width or self._events_for[1] is not self._listings:
            shown = told_apart([listing.event for listing in self._listings], width)
            self._events = {listing.id: text for listing, text in zip(self._listings, shown)}
            self._events_for = (width, self._listings)
        return self._events

    def ids_between(self, start: int, end: int) -> list[str]:
        """The ids of rows ``start`` to ``end`` (the rows on screen), without listing all of them."""
        return [listing.id for listing in self._listings[max(start, 0):end]]

    def show(self, listings: list[Listing], figures: dict[str, Figures], order: Sort | None = None) -> None:
        """Show ``listings`` in this order (``order`` is how they were sorted: its column's header shows an
        arrow), keeping the cursor on the same pair when it is still listed."""
        current = self.current_id
        if order is not None and order != self._order:
            self._order = order
            self._layout_width = 0  # the header again
        self._listings = listings
        self._figures = figures
        self._lines.clear()
        self.virtual_size = Size(self.scrollable_size.width, len(listings) + 1)
        ids = self.row_ids
        self.cursor_row = ids.index(current) if current in ids else 0
        self.refresh()

    def set_figures(self, pair_id: str, figures: Figures) -> None:
        self._figures[pair_id] = figures
        if self._lines.pop(pair_id, None) is not None:
            self.refresh()

    def recolour(self) -> None:
        self._layout_width = 0
        self.refresh()

    # --- keys and mouse -----------------------------------------------------------------------------------------

    def action_page(self, direction: int) -> None:
        self.move_to(self.cursor_row + direction * max(self.size.height - 2, 1))

    def action_open(self) -> None:
        if self.current_id is not None:
            self.post_message(self.Selected(self.current_id))

    def on_click(self, event: events.Click) -> None:
        if event.y == 0:
            column = self.column_at(event.x)
            if column is not None and column in SORTS:
                self.post_message(self.SortWanted(column))
            return
        index = int(self.scroll_offset.y) + event.y - 1
        if event.y < 1 or not 0 <= index < len(self._listings):
            return
        self.move_to(index)
        if event.chain >= 2:
            self.action_open()

    def scroll_to_cursor(self) -> None:
        self.keep_in_view(self.cursor_row, max(self.size.height - 1, 1))  # the header line is not scrolled

    def highlighted(self, index: int) -> Message:
        return self.Highlighted(self._listings[index].id)

    def column_at(self, x: int) -> str | None:
        """The key of the column drawn at cell ``x`` (each column has a blank cell either side)."""
        left = 0
        for column in self._columns or columns_for(self.scrollable_size.width or 100):
            left += column.width + 2
            if x < left:
                return column.key
        return None

    def on_resize(self) -> None:
        # The lines are cut to the table's width: a narrower window must not leave the old width behind as
        # something to scroll sideways to (a horizontal scrollbar appeared after shrinking the terminal).
        if self.virtual_size.width > self.scrollable_size.width:
            self.virtual_size = Size(self.scrollable_size.width, len(self._listings) + 1)
        # Shorter now (the preview below grew with the pair the cursor moved to): the cursor stays in view.
        if self._listings:
            self.call_after_refresh(self.scroll_to_cursor)

    # --- painting -----------------------------------------------------------------------------------------------

    def render_lines(self, crop: Region) -> list[Strip]:
        if self.scrollable_size.width != self._layout_width:
            self._layout_width = self.scrollable_size.width
            self._columns = columns_for(self._layout_width)
            self._lines.clear()
            order = self._order
            arrow = "▼" if order.descending else "▲"
            header = [Text(f"{c.label}{arrow}" if c.key == order.column and order != Sort() else c.label,
                           style="bold", no_wrap=True, overflow="ellipsis",
                           justify="right" if c.key in ("claims", "links", "omissions", "conflicts") else "left")
                      for c in self._columns]
            self._header = self._join(header)
        base = self.rich_style
        key = (self.app.theme, base)
        if self._styles_key != key:
            self._styles_key = key
            self._styles = table_styles(self, self.app.theme_variables)
        styles = self._styles
        self._line_styles = (base, styles.header, styles.cursor if self.has_focus else styles.cursor_blurred,
                             styles.zebra)
        return super().render_lines(crop)

    def _join(self, cells: list[Text], columns: list[Column] | None = None) -> Strip:
        """One line: each cell cut (with an ellipsis) or padded to its column (``columns``, else the table's), one
        blank cell either side."""
        console = self.app.console
        segments: list[Segment] = []
        for cell, column in zip(cells, self._columns if columns is None else columns):
            base = console.get_style(cell.style) if cell.style else None
            if not cell.spans and (size := cell_len(cell.plain)) <= column.width:
                # Most cells: one style, fitting their column. The same segments as below, without Text's work.
                pad = " " * (column.width - size)
                padded = pad + cell.plain if cell.justify == "right" else cell.plain + pad
                segments.extend((Segment(" "), Segment(padded, base), Segment(" ")))
                continue
            cell = cell.copy()
            cell.truncate(column.width, overflow="ellipsis")
            room = column.width - cell.cell_len
            if cell.justify == "right":
                cell.pad_left(room)
            else:
                cell.pad_right(room)
            segments.append(Segment(" "))
            # ``Text.render`` leaves the text's own style to its caller: apply it under the spans' styles.
            segments.extend(Segment.apply_style(cell.render(console), base))
            segments.append(Segment(" "))
        return Strip(segments)

    def render_line(self, y: int) -> Strip:
        width = self._layout_width
        base, header, cursor, zebra = self._line_styles
        if y == 0:
            return self._header.apply_style(base + header).extend_cell_length(width, base + header)
        index = int(self.scroll_offset.y) + y - 1
        if index >= len(self._listings):
            return Strip.blank(width, base)
        listing = self._listings[index]
        line = self._lines.get(listing.id)
        if line is None:
            line = self._lines[listing.id] = self._row_line(listing)
        style = base + cursor if index == self.cursor_row else base + zebra if index % 2 else base
        strip = line.apply_style(style).crop(0, width).extend_cell_length(width, style)
        return legible_strip(strip) if index == self.cursor_row else strip

    def _row_line(self, listing: Listing) -> Strip:
        if not listing.broken:
            return self._join([self._row_cell(c, listing) for c in self._columns])
        # A broken pair has no figures: its problem runs on over their empty columns, to the row's end (held to the
        # event column, at 80 columns it read "w-date-1: pair.yaml: fi…").
        date, *rest = self._columns
        span = Column("event", "", sum(c.width + 2 for c in rest) - 2)
        return self._join([self._row_cell(date, listing), self._row_cell(span, listing)], [date, span])

    def _row_cell(self, column: Column, listing: Listing) -> Text:
        palette = self.palette
        if column.key == "date":
            if listing.broken:
                return Text("broken", style=Style(color=palette.error, bold=True))
            return Text(listing.date)
        if column.key == "event":
            if listing.broken:
                cell = literal(listing.id + ": ", Style(bold=True))
                cell.append_text(literal(listing.short_problem, Style(color=palette.error)))
                cell.truncate(column.width, overflow="ellipsis")
                return cell
            return literal(self._told_apart(column.width).get(listing.id) or short(listing.event, column.width))
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
