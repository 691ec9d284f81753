"""``AlignedRows``: the comparison's rows side by side, one column per side plus the link's score.

All rows live in one scrolling view, so the sides of a row line up by construction. A link's cells show its word
diff (what only the first side says on one colour, what only the second says on another); a conflict adds its
value under each side's text and a ✖ under the score; a row a person's review decided has its mark before the score
(✓ confirmed, + added by hand, ✎ changed by hand; ⇢ on the row a link is being made from); an omission is a one-sided row with "not mentioned" on the
other sides. Rows come from ``Comparison.rows_for(topic)``: this widget only paints them.

It draws with Textual's line API: each row's cells are wrapped to their column once (``_rebuild``), and a frame
only copies the visible lines, adding the cursor and zebra backgrounds. A ``DataTable`` with wrapped multi-line
rows took over ten times longer to paint the same comparison (``benchmarks/bench_tui.py``). The cursor's keys
and movement are ``CursorView``'s (``tui/widgets/cursor.py``), shared with the library's pair table.

A pair of more sides than fit at ``MIN_SIDE`` cells a column (a press review of one call, dozens of outlets) shows
the sides that do, in order; ``]`` and ``[`` page through the others and ``SidesShown`` tells the screen which
are shown, for the panel's title. Squeezed into the width instead, 300 sides had 8 cells each: "not mentione/d".
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.strip import Strip

from comparisons.model import Comparison, Row
from tui.widgets.contrast import legible_strip
from tui.widgets.cursor import CursorView, cursor_bindings
from tui.widgets.review.marks import mark_text
from tui.widgets.side_names import short_names, side_tags
from tui.widgets.texts import Palette, literal, side_cell

__all__ = ["AlignedRows", "row_key"]

SCORE_WIDTH = 5
PAD = 1
"""Blank cells each side of every column."""
MIN_SIDE = 12
"""The narrowest side column: a tag and a short name ("OU Outlet 12"), a few words of a claim a line."""


def row_key(row: Row) -> str:
    """A key that names the row whatever the topic filter: the link id, or the omitted claim's id."""
    if row.link is not None:
        return row.link.id
    return "omission:" + (row.omission.claim if row.omission else "?")


class AlignedRows(CursorView, can_focus=True):
    BINDINGS = [
        *cursor_bindings("row", j_and_k=False),
        Binding("right_square_bracket", "page_sides(1)", "More sides: the next of the pair's sides",
                id="rows.next-sides", show=False),
        Binding("left_square_bracket", "page_sides(-1)", "Earlier sides: the previous of the pair's sides",
                id="rows.previous-sides", show=False),
    ]

    @dataclass
    class Highlighted(Message):
        """The cursor moved to row ``index`` (of the rows shown)."""

        index: int

    @dataclass
    class SidesShown(Message):
        """The columns show sides ``first`` + 1 to ``first + count`` of ``total`` (every side when they fit)."""

        first: int
        count: int
        total: int

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._comparison: Comparison | None = None
        self._rows: tuple[Row, ...] = ()
        self._cells: list[list[Text]] = []
        self._query = ""
        self._layout_width = 0
        self._header = Strip([])
        self._lines: list[Strip] = []
        self._line_row: list[int] = []
        self._row_start: list[int] = []
        self._column_widths: list[int] = []
        self._palette: Palette | None = None
        self._line_styles = (Style(), Style(), Style(), Style())
        self._linking: str | None = None
        self._first_side = 0
        self._shown_keys: tuple[str, ...] = ()

    # --- what the screen and tests ask ------------------------------------------------------------------------

    @property
    def shown(self) -> tuple[Row, ...]:
        return self._rows

    @property
    def row_count(self) -> int:
        return len(self._rows)

    @property
    def current(self) -> Row | None:
        if not self._rows or not (0 <= self.cursor_row < len(self._rows)):
            return None
        return self._rows[self.cursor_row]

    @property
    def painted_lines(self) -> int:
        """How many screen lines the rows take once wrapped to the current width (0 until laid out)."""
        return len(self._lines)

    def cells_at(self, index: int) -> list[Text]:
        """The painted cells of row ``index``: one ``Text`` per side, then the score."""
        if index < len(self._cells):
            return self._cells[index]
        palette = Palette.from_variables(self.app.theme_variables)
        return self._cells_of(self._rows[index], palette)

    def _cells_of(self, row: Row, palette: Palette) -> list[Text]:
        assert self._comparison is not None
        keys = self._shown_keys or self._comparison.side_keys
        cells = [side_cell(row, k, self._comparison, palette, self._query) for k in keys]
        cells.append(self._score_cell(row, palette))
        return cells

    def show(self, comparison: Comparison, rows: tuple[Row, ...], query: str = "", keep: str | None = None) -> None:
        """Paint ``rows``; the cursor goes to the row keyed ``keep`` when it is among them, else the first."""
        if self._comparison is None or comparison.side_keys != self._comparison.side_keys:
            self._shown_keys, self._first_side = (), 0  # another pair's sides: from the first again
        self._comparison = comparison
        self._rows = rows
        self._query = query
        keys = [row_key(r) for r in rows]
        self._layout_width = 0  # wrapped at the next paint (``render_lines``)
        self._cells, self._lines, self._line_row, self._row_start = [], [], [], []
        self.refresh()
        self.move_to(keys.index(keep) if keep in keys else 0)

    def search(self, query: str) -> None:
        """Repaint with ``query``'s matches highlighted in every side."""
        if query != self._query:
            self._query = query
            self._layout_width = 0
            self.refresh()

    def mark_linking(self, key: str | None) -> None:
        """Mark the row keyed ``key`` as the one a link is being made from (``None``: none is)."""
        if key != self._linking:
            self._linking = key
            self._layout_width = 0  # the score column is painted again at the next frame
            self.refresh()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "page_sides":  # only a pair of more sides than the columns hold has keys for them (and help)
            return self._comparison is not None and 0 < len(self._shown_keys) < len(self._comparison.side_keys)
        return True

    def action_page_sides(self, direction: int) -> None:
        """Show the next (or previous) sides, when there are more than the columns hold."""
        if self._comparison is None or not self._shown_keys:
            return
        total, count = len(self._comparison.side_keys), len(self._shown_keys)
        first = max(0, min(self._first_side + direction * count, total - count))
        if count < total and first != self._first_side:
            self._first_side = first
            self._layout_width = 0  # laid out again, with these sides, at the next frame
            self.refresh()

    def go_to(self, index: int) -> None:
        """``move_to`` under the name the comparison screen's callers have long used."""
        self.move_to(index)

    # --- keys and mouse -----------------------------------------------------------------------------------------

    def action_page(self, direction: int) -> None:
        if not self._rows or not self._layout_width or self._layout_width != self.size.width:
            return
        self._wrap(rows=len(self._rows))
        target_line = self._row_start[self.cursor_row] + direction * max(self.size.height - 2, 1)
        target_line = max(0, min(target_line, len(self._lines) - 1))
        self.move_to(self._line_row[target_line])

    def on_click(self, event: events.Click) -> None:
        line = int(self.scroll_offset.y) + event.y - 1
        if event.y >= 1 and self._layout_width and self._layout_width == self.size.width:
            self._wrap(lines=line + 1)
        if event.y >= 1 and 0 <= line < len(self._lines):
            self.move_to(self._line_row[line])

    def highlighted(self, index: int) -> Message:
        return self.Highlighted(index)

    def on_resize(self) -> None:
        # A pane opening below (the why pane, the whole detail) makes the view shorter: keep the cursor's row in it.
        self.call_after_refresh(self.scroll_to_cursor)

    def scroll_to_cursor(self) -> None:
        """Scroll so the cursor's row is in view (once the rows are wrapped: before that, nothing to scroll)."""
        index = self.cursor_row
        if not self._rows or not self._layout_width or self._layout_width != self.size.width:
            return
        view = max(self.size.height - 1, 1)
        self._wrap(rows=index + 1, lines=int(self.scroll_offset.y) + view)
        start = self._row_start[index]
        end = self._row_start[index + 1] if index + 1 < len(self._row_start) else len(self._lines)
        top = int(self.scroll_offset.y)
        if start < top or end - start > view:
            self.scroll_to(y=start, animate=False, immediate=True)
        elif end > top + view:
            self.scroll_to(y=end - view, animate=False, immediate=True)

    # --- painting -----------------------------------------------------------------------------------------------

    def render_lines(self, crop: Region) -> list[Strip]:
        # Wrap the rows here, when the compositor paints the widget at its final width: the rows are in the first
        # frame that shows the widget, and a screen that resizes the widget while it lays out wraps them once.
        if self._comparison is not None and self.size.width and self.size.width != self._layout_width:
            self._rebuild()
            self.scroll_to_cursor()
        self._line_styles = (
            self.rich_style,
            self.get_component_rich_style("aligned-rows--header"),
            self.get_component_rich_style(
                "aligned-rows--cursor" if self.has_focus else "aligned-rows--cursor-blurred"
            ),
            self.get_component_rich_style("aligned-rows--zebra"),
        )
        return super().render_lines(crop)

    def _room(self) -> int:
        """The cells the side columns share: the width less the scrollbar's and the score column's."""
        return max(self.size.width - 2, 24) - (SCORE_WIDTH + 2 * PAD)

    def _widths(self, sides: int) -> tuple[int, int]:
        """(side column width, score width) for the current width, leaving room for the scrollbar."""
        return max(self._room() // sides - 2 * PAD, 8), SCORE_WIDTH

    def _window(self, keys: tuple[str, ...]) -> tuple[str, ...]:
        """The sides shown: all of them when each gets ``MIN_SIDE`` cells, else as many as do, from
        ``_first_side`` on (kept in range when the width grows or the pair loses sides)."""
        fit = max(self._room() // (MIN_SIDE + 2 * PAD), 1)
        if len(keys) <= fit:
            self._first_side = 0
            return keys
        self._first_side = max(0, min(self._first_side, len(keys) - fit))
        return keys[self._first_side:self._first_side + fit]

    def _rebuild(self) -> None:
        """Start wrapping the rows for the current width: only as far as the screen needs now (``_wrap``), the
        rest after the frame is painted (``_wrap_rest``), so a long comparison paints as fast as a short one."""
        comparison = self._comparison
        if comparison is None or not self.size.width:
            return
        self._layout_width = self.size.width
        self._palette = Palette.from_variables(self.app.theme_variables)
        self._shown_keys = self._window(comparison.side_keys)
        side_width, score_width = self._widths(len(self._shown_keys))
        self._column_widths = [side_width] * len(self._shown_keys) + [score_width]
        # Each name after its tag: the tags head the topic list's count columns, and this line explains them.
        sides = [d.side for d in comparison.documents]
        header = []
        for side, tag, name in zip(sides, side_tags(sides), short_names(sides)):
            if side.key not in self._shown_keys:
                continue
            cell = Text(tag + " ", style="bold", no_wrap=True, overflow="ellipsis", end="")
            cell.append_text(literal(name, "bold"))
            header.append(cell)
        header.append(Text("Score", style="bold", justify="right"))
        console = self.app.console
        self._header = self._join(
            [self._render(console, c, w)[0:1] for c, w in zip(header, self._column_widths)], self._column_widths
        )[0]
        self._cells, self._lines, self._line_row, self._row_start = [], [], [], []
        self.post_message(self.SidesShown(self._first_side, len(self._shown_keys), len(comparison.side_keys)))
        self.refresh_bindings()
        self._wrap(rows=self.cursor_row + 1, lines=int(self.scroll_offset.y) + self.size.height)
        self.refresh()
        if len(self._row_start) < len(self._rows):
            self.call_after_refresh(self._wrap_rest, self._layout_width)

    def _wrap(self, *, rows: int = 0, lines: int = 0) -> None:
        """Wrap rows in order until at least ``rows`` rows and ``lines`` screen lines are ready."""
        total = len(self._rows)
        if len(self._row_start) >= total or (len(self._row_start) >= rows and len(self._lines) >= lines):
            return
        console = self.app.console
        widths = self._column_widths
        while len(self._row_start) < total and (len(self._row_start) < rows or len(self._lines) < lines):
            index = len(self._row_start)
            cells = self._cells_of(self._rows[index], self._palette)
            self._cells.append(cells)
            wrapped = self._join([self._render(console, c, w) for c, w in zip(cells, widths)], widths)
            self._row_start.append(len(self._lines))
            self._lines.extend(wrapped)
            self._line_row.extend([index] * len(wrapped))
        # Until every row is wrapped, the scrollbar's length is an estimate from the rows wrapped so far.
        done = len(self._row_start)
        estimate = len(self._lines) + (total - done) * len(self._lines) // max(done, 1)
        self.virtual_size = Size(self.size.width, estimate + 1)

    def _wrap_rest(self, width: int) -> None:
        if width == self._layout_width:
            self._wrap(rows=len(self._rows))
            self.refresh()

    @staticmethod
    def _render(console, text: Text, width: int) -> list[list[Segment]]:
        return console.render_lines(text, console.options.update_width(width), pad=True)

    @staticmethod
    def _join(columns: list[list[list[Segment]]], widths: list[int]) -> list[Strip]:
        """Columns of rendered lines side by side, each padded to the tallest column of the row."""
        height = max(len(c) for c in columns)
        pad = Segment(" " * PAD)
        strips = []
        for y in range(height):
            segments: list[Segment] = []
            for column, width in zip(columns, widths):
                segments.append(pad)
                segments.extend(column[y] if y < len(column) else [Segment(" " * width)])
                segments.append(pad)
            strips.append(Strip(segments, sum(widths) + 2 * PAD * len(widths)))
        return strips

    def _score_cell(self, row: Row, palette: Palette) -> Text:
        mark = mark_text(row, palette, linking=self._linking is not None and row_key(row) == self._linking)
        score = "—" if row.link is None else f"{row.link.score:.2f}"
        cell = Text(justify="right")
        if mark is not None:  # the glyph on the left of the column, the score on the right
            cell.append_text(mark)
            cell.append(" " * max(SCORE_WIDTH - 1 - len(score), 0))
        cell.append(score, Style(color=palette.muted) if row.link is None else Style())
        if row.link is None:
            return cell
        if row.link.conflicts:
            cell.append("\n✖", Style(color=palette.error, bold=True))
        return cell

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base, header, cursor, zebra = self._line_styles
        if y == 0:
            return self._header.apply_style(base + header).extend_cell_length(width, base + header)
        line = int(self.scroll_offset.y) + y - 1
        if line >= len(self._lines):
            self._wrap(lines=line + 1)  # scrolled past what is wrapped so far
            if line >= len(self._lines):
                return Strip.blank(width, base)
        row = self._line_row[line]
        style = base
        if row == self.cursor_row:
            style = base + cursor
        elif row % 2:
            style = base + zebra
        strip = self._lines[line].crop(int(self.scroll_offset.x), int(self.scroll_offset.x) + width)
        strip = strip.apply_style(style).extend_cell_length(width, style)
        # The cursor's background is the theme's: text keeping its own colour (muted, a warning, a word diff's
        # background) may not read on it, in a light theme least of all.
        return legible_strip(strip) if row == self.cursor_row else strip

    COMPONENT_CLASSES = {
        "aligned-rows--header",
        "aligned-rows--cursor",
        "aligned-rows--cursor-blurred",
        "aligned-rows--zebra",
    }

    DEFAULT_CSS = """
    AlignedRows > .aligned-rows--header { background: $panel; text-style: bold; }
    AlignedRows > .aligned-rows--cursor {
        background: $block-cursor-background; color: $block-cursor-foreground; text-style: bold;
    }
    AlignedRows > .aligned-rows--cursor-blurred { background: $block-cursor-blurred-background; }
    AlignedRows > .aligned-rows--zebra { background: $surface; }
    """
