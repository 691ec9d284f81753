"""``SearchResults``: the claims a library search found, grouped by pair: a line per pair (date, event), then a line
per claim (its id, its status, its text), one screen line each, drawn with the line API so that thousands of
results scroll as smoothly as a handful.

- ``result_lines(result) -> list[ResultLine]``: the lines, in order; a ``ResultLine`` is a pair heading (``hit`` is
  None) or a claim of that pair.
- ``SearchResults.show(result)``: show a ``SearchResult``; the cursor starts on the first claim.
- ``.current -> ResultLine | None``; ``Highlighted(line)`` when the cursor moves, ``Chosen(line)`` on Enter or a
  double click (the screen opens the comparison on that claim's row).

Readout text is data: every piece enters as ``literal`` text, control characters made visible.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.strip import Strip

from comparisons.library_search import ClaimHit, PairHits, SearchResult
from tui.widgets.cursor import CursorView, cursor_bindings
from tui.widgets.texts import Palette, field_text, literal

__all__ = ["ResultLine", "SearchResults", "result_lines"]

STATUS_WIDTH = 9
"""Room for the status word ("omission", "conflict", "linked") on a claim's line."""


@dataclass(frozen=True)
class ResultLine:
    group: PairHits
    hit: ClaimHit | None = None

    @property
    def pair_id(self) -> str:
        return self.group.pair_id


def result_lines(result: SearchResult | None) -> list[ResultLine]:
    lines: list[ResultLine] = []
    for group in result.pairs if result is not None else ():
        lines.append(ResultLine(group))
        lines.extend(ResultLine(group, hit) for hit in group.hits)
    return lines


class SearchResults(CursorView, can_focus=True):
    BINDINGS = [Binding("enter", "choose", "Open", id="search.open"), *cursor_bindings("result")]

    @dataclass
    class Highlighted(Message):
        line: ResultLine

    @dataclass
    class Chosen(Message):
        """Open the comparison of this line's pair (on the claim's row when the line is a claim)."""

        line: ResultLine

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.lines: list[ResultLine] = []
        self._painted: dict[int, Strip] = {}

    @property
    def row_count(self) -> int:
        return len(self.lines)

    @property
    def current(self) -> ResultLine | None:
        return self.lines[self.cursor_row] if 0 <= self.cursor_row < len(self.lines) else None

    def show(self, result: SearchResult | None, keep: ResultLine | None = None) -> None:
        """``result``'s lines, the cursor on its first claim; on ``keep``'s claim (or pair) if it is still found
        (the same search run again after the library changed)."""
        self.lines = result_lines(result)
        self._painted.clear()
        self.virtual_size = Size(self.scrollable_size.width, len(self.lines))
        kept = None if keep is None else next(
            (i for i, line in enumerate(self.lines) if line.pair_id == keep.pair_id
             and (line.hit.id if line.hit else None) == (keep.hit.id if keep.hit else None)), None)
        if kept is None:
            self.scroll_to(y=0, animate=False, immediate=True)
            kept = next((i for i, line in enumerate(self.lines) if line.hit is not None), 0)
        self.cursor_row = kept
        self.refresh()

    def highlighted(self, index: int) -> Message:
        return self.Highlighted(self.lines[index])

    def scroll_to_cursor(self) -> None:
        self.keep_in_view(self.cursor_row, max(self.size.height, 1))

    def action_page(self, direction: int) -> None:
        self.move_to(self.cursor_row + direction * max(self.size.height - 1, 1))

    def action_choose(self) -> None:
        if self.current is not None:
            self.post_message(self.Chosen(self.current))

    def on_click(self, event: events.Click) -> None:
        index = int(self.scroll_offset.y) + event.y
        if 0 <= index < len(self.lines):
            self.move_to(index)
            if event.chain >= 2:
                self.action_choose()

    def on_resize(self) -> None:
        self._painted.clear()
        self.virtual_size = Size(self.scrollable_size.width, len(self.lines))

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_size.width
        base = self.rich_style
        index = int(self.scroll_offset.y) + y
        if index >= len(self.lines):
            return Strip.blank(width, base)
        strip = self._painted.get(index)
        if strip is None:
            text = self._line_text(self.lines[index], Palette.from_variables(self.app.theme_variables))
            text.truncate(width, overflow="ellipsis")
            strip = self._painted[index] = Strip(list(text.render(self.app.console)))
        if index == self.cursor_row:
            style = base + Style(reverse=True) if self.has_focus else base + Style(underline=True)
        else:
            style = base
        return strip.apply_style(style).crop(0, width).extend_cell_length(width, style)

    @staticmethod
    def _line_text(line: ResultLine, palette: Palette) -> Text:
        group, hit = line.group, line.hit
        if hit is None:
            text = Text(end="", no_wrap=True)
            text.append(f"{group.date}  ", Style(color=palette.muted))
            text.append_text(field_text(group.event, Style(bold=True)))
            text.append("  ")
            text.append_text(literal(group.pair_id, Style(color=palette.muted)))
            return text
        colours = {"omission": palette.warning, "conflict": palette.error, "linked": palette.success}
        text = Text("  ", end="", no_wrap=True)
        text.append_text(literal(hit.id.ljust(14), Style(color=palette.muted)))
        text.append(hit.status.ljust(STATUS_WIDTH), Style(color=colours.get(hit.status, palette.muted)))
        text.append(" ")
        text.append_text(literal(hit.text))
        return text

