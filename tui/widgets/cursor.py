"""``CursorView``: the row cursor that dualread's two line-API tables share, and ``cursor_bindings(noun)``.

The library's ``PairTable`` and the comparison's ``AlignedRows`` draw with Textual's line API (a ``DataTable``
cost too much to paint, see their docstrings), so neither gets a cursor from Textual: each needs the same keys
(arrows, Page Up/Down, Home/End), the same clamped ``cursor_row`` and the same "moved, so scroll it into view,
repaint and tell the screen" step. They differ in what a row is (one line per pair; several wrapped lines per
aligned row), so this base class keeps only what is the same and asks a subclass for the rest (j/k/g/G move as
the arrows, Home and End do, as in lazygit and k9s):

- ``row_count``: how many rows the cursor moves over;
- ``scroll_to_cursor()``: bring ``cursor_row`` into view (its lines, for wrapped rows);
- ``highlighted(index) -> Message``: what to post when the cursor lands on row ``index``;
- ``action_page(direction)``: a page is a number of rows in one table and of screen lines in the other.

Subclasses keep their own ``Highlighted`` message (its handler name and payload are part of their API).
"""

from __future__ import annotations

from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView

__all__ = ["CursorView", "cursor_bindings"]


def cursor_bindings(noun: str, *, j_and_k: bool = True) -> list[Binding]:
    """The cursor's keys, described with ``noun`` ("pair", "row"); hidden from the key bar (the help says them).

    ``j_and_k=False`` for a table whose screen binds j and k itself (the comparison's, shown in its key bar)."""
    letters = [Binding("j", "cursor(1)", f"Next {noun}", show=False),
               Binding("k", "cursor(-1)", f"Previous {noun}", show=False)] if j_and_k else []
    return [
        Binding("up", "cursor(-1)", f"Previous {noun}", show=False),
        Binding("down", "cursor(1)", f"Next {noun}", show=False),
        *letters,
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("home,g", "first", f"First {noun}", show=False),
        Binding("end,G", "last", f"Last {noun}", show=False),
    ]


class CursorView(ScrollView):
    """A scrolling line-API widget with one highlighted row, ``cursor_row``, moved by keys or by the screen."""

    DEFAULT_CSS = """
    CursorView { overflow-x: hidden; }
    """
    # Lines are cut to the width left of the vertical scrollbar (``scrollable_size``): never scrolled sideways.

    cursor_row: reactive[int] = reactive(0, always_update=True)

    @property
    def row_count(self) -> int:
        raise NotImplementedError

    def scroll_to_cursor(self) -> None:
        raise NotImplementedError

    def highlighted(self, index: int) -> Message:
        raise NotImplementedError

    def keep_in_view(self, line: int, view: int) -> None:
        """Scroll as little as needs be for content line ``line`` to be among the ``view`` lines shown."""
        top = int(self.scroll_offset.y)
        if line < top:
            self.scroll_to(y=line, animate=False, immediate=True)
        elif line >= top + view:
            self.scroll_to(y=line - view + 1, animate=False, immediate=True)

    def move_to(self, index: int) -> None:
        """Put the cursor on row ``index``, clamped to the rows there are (nothing happens with none)."""
        if self.row_count:
            self.cursor_row = max(0, min(index, self.row_count - 1))

    def action_cursor(self, step: int) -> None:
        self.move_to(self.cursor_row + step)

    def action_first(self) -> None:
        self.move_to(0)

    def action_last(self) -> None:
        self.move_to(self.row_count - 1)

    def watch_cursor_row(self, index: int) -> None:
        if not self.row_count:
            return
        self.scroll_to_cursor()
        self.refresh()
        self.post_message(self.highlighted(index))

    def on_focus(self) -> None:
        self.refresh()  # the cursor line's colour shows whether the table has the focus

    def on_blur(self) -> None:
        self.refresh()
